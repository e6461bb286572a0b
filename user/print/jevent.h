/* SPDX-License-Identifier: GPL-2.0 */
/*
 * One event of the pairing stage as a JSON object: what the JSON Lines sink
 * writes as a line and the timeline sink as a trace event's arguments. The
 * fields are described by docs/sysray-events.schema.json.
 */
#ifndef SYSRAY_PRINT_JEVENT_H
#define SYSRAY_PRINT_JEVENT_H

#include <stdbool.h>
#include <stdint.h>

#include "pairing/sink.h"
#include "sysray/abi.h"
#include "print/json.h"

struct sr_opts;
struct sr_fdtab;
struct sr_cgnames;

/*
 * What every line of a task repeats ("pid", "tid", "comm", "cgroup",
 * "container"), written once and copied after; a table indexed by tid.
 */
#define SR_JTASK_SLOTS 64
struct sr_jtask_slot {
	uint32_t tid, tgid;
	uint64_t cgid;
	char comm[SR_COMM_LEN];
	bool has_comm;
	uint16_t len; /* 0: empty */
	char text[240]; /* a multiple of 16: copied in blocks */
};

/* What every call of a syscall repeats: ,"name":"openat","nr":257. */
#define SR_JNAME_SLOTS 64
struct sr_jname_slot {
	const void *ent; /* the table row; NULL: empty */
	int nr;
	uint8_t len;
	char text[80]; /* a multiple of 16: copied in blocks */
};

/*
 * What every failure with an errno repeats: ,"ret":{"text":"-1 ENOENT (No
 * such file or directory)","value":-1},"errno":"ENOENT","error":"No such
 * file or directory"; a table indexed by errno.
 */
#define SR_JERR_SLOTS 256
struct sr_jerr_slot {
	uint16_t len; /* 0: empty */
	char text[224]; /* a multiple of 16: copied in blocks */
};

struct sr_jevent {
	struct sr_json_pr pr;
	struct sr_fmt fmt; /* over pr */
	bool wall; /* kernel times convert to wall-clock time (not a replay) */
	long long realtime_off; /* CLOCK_REALTIME - CLOCK_MONOTONIC, ns */
	int64_t wall_sec; /* the second whose text wall_text holds, or -1 */
	char wall_text[32]; /* "2026-12-06T21:50:20" */
	size_t wall_len;
	struct sr_cgnames *cgnames; /* made on first use */
	bool want_line; /* build line (the timeline's names); the JSON Lines sink needs none */
	struct sr_jbuf line; /* the event as strace prints it, for jevent__line() */
	uint64_t ts; /* the event's "ts", whose digits are at ts_off (ts_len, 0: none) */
	size_t ts_off, ts_len;
	uint64_t ts_hi; /* the last kernel time written, over 10^8 (0: none) */
	char ts_hi_text[16]; /* its digits (at most 12) */
	uint8_t ts_hi_len;
	struct sr_jtask_slot *tasks; /* SR_JTASK_SLOTS of them, made on first use */
	struct sr_jname_slot *names; /* SR_JNAME_SLOTS */
	struct sr_jerr_slot *errs; /* SR_JERR_SLOTS */
};

/**
 * jevent__init() - write events with @opts (-s, -v, -y...); @fds (may be
 * NULL) describes fds, @comm_of names pids (-Y). Nothing is owned. Return 0
 * or -ENOMEM.
 */
int jevent__init(struct sr_jevent *e, const struct sr_opts *opts, struct sr_fdtab *fds,
		 sr_comm_fn *comm_of, void *comm_ctx);
void jevent__free(struct sr_jevent *e);

/**
 * jevent__write() - append the JSON object of event @ev to @b. Return false,
 * writing nothing, for events that have none (an entry alone, a fork, a
 * thread taking over its leader's pid).
 */
bool jevent__write(struct sr_jevent *e, const struct sr_event *ev, struct sr_jbuf *b);

/**
 * jevent__line() - with want_line set, the last event jevent__write() wrote, as one line of
 * strace's text with no pid: "openat(AT_FDCWD, "x", O_RDONLY) = 3",
 * "--- SIGCHLD {...} ---", "+++ exited with 0 +++". Valid until the next
 * call; *@len is set to its length.
 */
const char *jevent__line(const struct sr_jevent *e, size_t *len);

/** jevent__ts_us() - kernel time @ns in microseconds with 3 decimals: "1234.567891". */
void jevent__ts_us(struct sr_jbuf *b, uint64_t ns);

#endif /* SYSRAY_PRINT_JEVENT_H */
