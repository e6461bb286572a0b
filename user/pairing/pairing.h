/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The pairing stage: records in, events out (pairing/sink.h). Pairs each
 * exit with its entry, keeps per-thread state, follows forks and execs,
 * applies the user-space filters and updates the fd model as records
 * arrive. It prints nothing: its sinks do.
 */
#ifndef SYSRAY_PAIRING_H
#define SYSRAY_PAIRING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "decode/decode.h"
#include "lib/idmap.h"
#include "pairing/sink.h"
#include "pairing/uring.h"
#include "pairing/zombies.h"

struct sr_opts;
struct sr_fdtab;
struct sr_out;

#define SR_MAX_SINKS 8

struct sr_pairing_stats {
	uint64_t records; /* records consumed */
	uint64_t bad; /* malformed records skipped */
	uint64_t lost; /* records the kernel reported lost */
	uint64_t lines; /* syscall lines completed and shown */
	uint64_t swept; /* tasks forgotten by pairing__sweep(): their exit record was lost */
	/* Inputs left unread after the retry at exit, by argument type; and of
	 * those, how many the kernel itself read (the call did not fail with EFAULT). */
	uint64_t unread[SR_T_MAX];
	uint64_t unread_kernel_ok[SR_T_MAX];
};

struct sr_pairing {
	const struct sr_opts *opts;
	struct sr_fdtab *fds; /* NULL: no fd model */
	struct idmap tasks; /* tid -> struct sr_ttask */
	struct sr_zombies zombies; /* exited leaders -Y names until reaped */
	bool filter_status; /* -e status= in user space: calls are shown whole, at exit */
	bool early_sinks; /* a sink shows entries at SR_EV_ENTER (strace's lines) */
	bool whole_sinks; /* a sink shows calls whole when they end (JSON) */
	struct sr_uring_pairing uring; /* io_uring requests in flight */
	struct sr_sink *sinks[SR_MAX_SINKS];
	int nsinks;
	struct sr_pairing_stats stats;
	uint64_t last_ts; /* the kernel time of the latest record */
	/* -b execve: processes no longer shown (tgid -> non-NULL), and the launched one's pass */
	bool detach_exec;
	uint32_t exempt_tgid;
	struct idmap detached;
};

/**
 * pairing__setup() - set up @p with no sinks yet; @p does not own @opts or
 * @fds (NULL: no fd model).
 */
void pairing__setup(struct sr_pairing *p, const struct sr_opts *opts, struct sr_fdtab *fds);

/** pairing__set_fds() - use the fd model @fds (not owned) from now on. */
void pairing__set_fds(struct sr_pairing *p, struct sr_fdtab *fds);

/**
 * pairing__detach_on_exec() - strace's -b execve: from its execve on, show
 * nothing more of a process, nor of the processes it creates after; the
 * first execve of @exempt_tgid (the launched command, or 0) is let through.
 */
void pairing__detach_on_exec(struct sr_pairing *p, uint32_t exempt_tgid);

/** pairing__detached() - has -b execve stopped showing process @tgid? */
bool pairing__detached(const struct sr_pairing *p, uint32_t tgid);

/** pairing__add_sink() - hand events to @s (not owned) too. Return 0 or -ENOSPC. */
int pairing__add_sink(struct sr_pairing *p, struct sr_sink *s);

/**
 * pairing__comm_at() - the comm of traced task @pid at kernel time @when, or
 * NULL: live, or exited (a zombie) and not reaped before @when. @ctx is the
 * struct sr_pairing (an sr_comm_fn for -Y).
 */
const char *pairing__comm_at(void *ctx, uint32_t pid, uint64_t when);

/** pairing__comm_of() - pairing__comm_at() now (for --peer). */
const char *pairing__comm_of(void *ctx, uint32_t pid);

/* What the pairing stage holds now (-d): each returns to its baseline as tasks exit. */
struct sr_pairing_state {
	size_t threads; /* per-thread state */
	size_t in_call; /* ... of which an entry waits for its exit */
	size_t signals; /* ignored signals held until their thread's call ends */
	size_t zombies; /* exited leaders -Y names until reaped (at most SR_MAX_ZOMBIES) */
	size_t uring; /* io_uring submissions waiting for their completion */
};

/** pairing__state() - count what @p holds into @st. */
void pairing__state(const struct sr_pairing *p, struct sr_pairing_state *st);

/** pairing__free() - free the per-task state. NULL-safe. */
void pairing__free(struct sr_pairing *p);

/**
 * pairing__handle() - consume one record of @len bytes. Malformed records
 * are counted and skipped. Return 0.
 */
int pairing__handle(struct sr_pairing *p, const void *data, size_t len);

/**
 * pairing__finish() - end of stream: the calls still in flight are
 * detached, and the sinks finish.
 */
void pairing__finish(struct sr_pairing *p);

/**
 * pairing__lost() - report @n records lost at this point of the stream
 * (also used for losses found outside the stream).
 */
void pairing__lost(struct sr_pairing *p, uint64_t n);

/* Does task @tid still exist? (pairing__sweep()'s question, answered from /proc.) */
typedef bool (*sr_alive_fn)(uint32_t tid, void *ctx);

/**
 * pairing__sweep() - forget the tasks @alive has said are gone at two sweeps
 * running: their exit record was lost (and counted where it was), so no
 * exit can come. A call one was in ends as a death inside it does ("= ?").
 * Two sweeps apart, an exit record still in a ring buffer arrives first.
 * Returns how many were forgotten.
 */
int pairing__sweep(struct sr_pairing *p, sr_alive_fn alive, void *ctx);

#endif /* SYSRAY_PAIRING_H */
