/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The per-CPU ring buffers, made while the programs load, and stored into
 * the array of maps the programs find them in once it exists. Each store
 * into an array of maps waits for an RCU grace period (the kernel makes
 * sure no program still uses the old value), 5-20 ms each: on a host with
 * many CPUs, one after another, they would cost more than all the rest of
 * start-up. So worker threads make the rings and fill the array side by
 * side, their grace periods overlapping, and nobody waits for them: until a
 * CPU's slot is filled, its records go to the start-up ring (bpf/maps.bpf.h).
 *
 * They need not wait for the load to end either: the loader (libbpf's
 * loader program, or libbpf) makes the maps before it has the kernel verify
 * the programs, and each map is an fd of this process as soon as it exists.
 * So the workers look among the process's fds for the array ("rbs", an
 * array of maps with a slot per CPU) while the programs load, and store the
 * rings there: the grace periods pass during the load, not after it, where
 * a command as short as /bin/true ended before they did and sysray's exit
 * waited for them (a thread in that store cannot be stopped). When the load
 * hands over the array, a worker that stored into another map (a load that
 * failed and was tried again) stores again.
 */
#ifndef SYSRAY_RBS_H
#define SYSRAY_RBS_H

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>

#include "ingest/ringbuf.h"

#define SR_RBS_THREADS 16

struct sr_rbs {
	struct sr_rings *rings; /* where they are mapped: ring i is CPU i's */
	int *fds; /* each CPU's ring; -1 until made */
	int n;
	uint64_t size; /* each */
	pthread_t threads[SR_RBS_THREADS];
	int nthreads; /* started */
	int stride; /* planned: worker k takes rings k, k + stride, ... */
	pthread_mutex_t mu;
	pthread_cond_t ready;
	int outer_fd; /* under mu: the array, once known; -1 */
	uint32_t outer_id; /* under mu: its map id, 0 if unknown */
	int early_fd; /* under mu: the array as found among the fds during the load; -1 */
	uint32_t early_id; /* under mu: its map id */
	bool given_up; /* under mu: no array is coming */
	bool late; /* wait for the loader's array: no search (tests: the start-up ring) */
	int made; /* under mu: rings made (or given up on) */
	int err; /* the first -errno a worker met (atomic) */
};

/**
 * rbs__start() - start the workers that make @n rings of @size bytes and map
 * them into @rings (rings__init() done); @late: they store them only once
 * the loader hands over the array. Return 0 or -errno; rbs__free() in
 * either case.
 */
int rbs__start(struct sr_rbs *r, struct sr_rings *rings, int n, uint64_t size, bool late);

/** rbs__made() - wait until every ring is made and mapped. Return 0 or -errno. */
int rbs__made(struct sr_rbs *r);

/** rbs__fill() - the array the workers store the rings into (not taken over). */
void rbs__fill(struct sr_rbs *r, int outer_fd);

/**
 * rbs__wait() - wait for the workers (after rbs__fill()). Return 0 or the
 * first -errno one met.
 */
int rbs__wait(struct sr_rbs *r);

/** rbs__free() - stop and wait for the workers, close the rings. Idempotent. */
void rbs__free(struct sr_rbs *r);

#endif /* SYSRAY_RBS_H */
