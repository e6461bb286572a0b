/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The per-CPU ring buffers and the array of maps the BPF programs find them
 * in, created while the programs load. Each store into an array of maps
 * waits for an RCU grace period (the kernel makes sure no program still
 * uses the old value), several milliseconds each: on a host with many CPUs,
 * one after another, they would cost more than all the rest of start-up. So
 * worker threads create the rings and fill the array side by side (grace
 * periods overlap), while the main thread parses BTF and loads programs.
 */
#ifndef SYSRAY_RBS_H
#define SYSRAY_RBS_H

#include <pthread.h>
#include <stdint.h>

#define SR_RBS_THREADS 16

struct sr_rbs {
	int outer_fd; /* the array, indexed by CPU */
	int *fds; /* each CPU's ring; -1 until created */
	int n;
	uint64_t size; /* each */
	pthread_t threads[SR_RBS_THREADS];
	int nthreads; /* started */
	int stride; /* planned: worker k takes rings k, k + stride, ... */
	int err; /* the first -errno a worker met (atomic) */
};

/**
 * rbs__start() - create the array for @n rings (synchronously) and start
 * the workers that create rings of @size bytes and store them in it.
 * Return 0 or -errno; rbs__free() in either case.
 */
int rbs__start(struct sr_rbs *r, int n, uint64_t size);

/** rbs__wait() - wait for the workers. Return 0 or the first -errno one met. */
int rbs__wait(struct sr_rbs *r);

/** rbs__free() - wait for the workers, close what was created. Idempotent. */
void rbs__free(struct sr_rbs *r);

#endif /* SYSRAY_RBS_H */
