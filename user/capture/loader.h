/* SPDX-License-Identifier: GPL-2.0 */
/* The BPF side as user space sees it: skeleton, plans, traced set, ring buffer. */
#ifndef SYSRAY_LOADER_H
#define SYSRAY_LOADER_H

#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "sysray/abi.h"
#include "capture/bpfobj.h"
#include "capture/rbs.h"
#include "capture/uring.h"
#include "ingest/backlog.h"
#include "ingest/ringbuf.h"

struct sr_opts;
struct sr_plans;

struct sr_loader {
	struct sr_bpfobj obj; /* the programs and maps */
	struct sr_rings rings; /* one per CPU */
	struct sr_backlog backlog; /* the reader thread, unless --backlog=0 */
	struct sr_rbs rbs; /* the rings, and the array the programs find them in */
	uint64_t ring_size; /* each */
	int ncpus;
	struct sr_uring uring; /* the io_uring programs */
	sr_ring_fn on_record; /* each record, oldest first */
	void *ctx;
};

struct sr_load_cfg {
	const struct sr_opts *opts;
	/* what each syscall captures and whether it is sent (table/plan.c: plan__build()) */
	const struct sr_plans *plans;
	bool filter_tasks; /* trace only the traced map (launch, -p) */
	uint32_t excl[SR_MAX_EXCL]; /* tgids never traced (terminal relays) */
	/* --explain: credentials with EACCES/EPERM failures (bpf/peer.bpf.h) */
	bool creds;
	/* --follow-peer: trace whoever accepts a traced process's connection */
	bool follow_peer;
	int accept_nr[SR_MAX_ACCEPT_NR]; /* the syscalls that do (accept, accept4) */
	int naccept;
	sr_ring_fn on_record;
	void *ctx;
	/* non-zero once a stop signal came: a load it interrupted ends quietly */
	const volatile sig_atomic_t *stop;
};

/**
 * loader__check() - can BPF programs be loaded here? Prints one line naming
 * the fix and returns -errno when not (privileges, BTF, ring buffer support).
 */
int loader__check(void);

/**
 * loader__load() - open the skeleton, set the knobs, size the ring buffer,
 * load, fill the plans and attach. Return 0 or -errno (message printed,
 * except for -EINTR: a stop signal interrupted the load).
 */
int loader__load(struct sr_loader *l, const struct sr_load_cfg *cfg);

/** loader__trace_tgid() - add @tgid to the traced set; @armed: from its next execve. */
int loader__trace_tgid(struct sr_loader *l, pid_t tgid, bool armed);

/**
 * loader__reconcile() - drop traced processes that are gone without their
 * exit having been seen (they exited while being attached). Returns how many.
 */
int loader__reconcile(struct sr_loader *l);

/** loader__set_live() - set the count of traced processes still alive. */
void loader__set_live(struct sr_loader *l, int64_t n);
int64_t loader__live(const struct sr_loader *l);

/*
 * loader__counts() - -c: call @fn with each key the kernel counted, its
 * values summed over CPUs; calls not counted: *@dropped because the map of
 * --summary-by was full, *@unstarted because the kernel had no room to note
 * their start. Returns 0, @fn's non-zero return, or -errno.
 */
typedef int sr_count_fn(void *ctx, const struct sr_count_key *k, const struct sr_count_val *v);
int loader__counts(const struct sr_loader *l, sr_count_fn *fn, void *ctx, uint64_t *dropped,
		   uint64_t *unstarted);

/** loader__poll() - wait up to @timeout_ms and consume what is ready. */
int loader__poll(struct sr_loader *l, int timeout_ms);

/** loader__drain() - after loader__detach(): consume everything in the ring buffers. */
int loader__drain(struct sr_loader *l);

/** loader__detach() - stop tracing; records already written stay readable. */
void loader__detach(struct sr_loader *l);

/** loader__stats() - per-CPU counters, summed. */
void loader__stats(const struct sr_loader *l, struct sr_cpu_stats *sum);

/**
 * loader__quiesce() - stop the loader's threads; the programs, maps and
 * rings stay until loader__free() or the process's exit.
 */
void loader__quiesce(struct sr_loader *l);

/** loader__free() - NULL-safe; detaches if still attached. */
void loader__free(struct sr_loader *l);

#endif /* SYSRAY_LOADER_H */
