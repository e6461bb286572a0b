/* SPDX-License-Identifier: GPL-2.0 */
/*
 * -c, -C: strace's summary table (calls, errors and time per syscall), from
 * counts the kernel kept (bpf/count.bpf.h). Options are parsed here too, so
 * that the column and sort names live next to the table that uses them.
 */
#ifndef SYSRAY_SUMMARY_H
#define SYSRAY_SUMMARY_H

#include <stdbool.h>
#include <stdint.h>

#include <linux/types.h>

#include "sysray/abi.h"

struct sr_out;

enum sr_sum_col {
	SR_COL_PERCENT, /* % time */
	SR_COL_TOTAL, /* seconds */
	SR_COL_AVG, /* usecs/call */
	SR_COL_MIN, /* shortest */
	SR_COL_MAX, /* longest */
	SR_COL_CALLS,
	SR_COL_ERRORS,
	SR_COL_NAME,
	SR_COL_COUNT,
};

enum sr_sum_sort {
	SR_SORT_TIME,
	SR_SORT_MIN,
	SR_SORT_MAX,
	SR_SORT_AVG,
	SR_SORT_CALLS,
	SR_SORT_ERRORS,
	SR_SORT_NAME,
	SR_SORT_NOTHING,
};

enum sr_sum_by {
	SR_BY_NONE,
	SR_BY_PROCESS,
	SR_BY_CONTAINER,
	SR_BY_UNIT,
};

/* The summary's options (in struct sr_opts). */
struct sr_summary_opts {
	int mode; /* 0, 1: -c (summary only), 2: -C (trace and summary) */
	bool wall; /* -w: wall-clock latency instead of system time */
	enum sr_sum_sort sort; /* -S */
	enum sr_sum_by by; /* --summary-by */
	int ncols; /* -U; 0: strace's default columns */
	enum sr_sum_col cols[SR_COL_COUNT];
};

/* -S, -U, --summary-by: 0, or -EINVAL (nothing printed). */
int summary__parse_sort(struct sr_summary_opts *o, const char *arg);
int summary__parse_columns(struct sr_summary_opts *o, const char *arg);
int summary__parse_by(struct sr_summary_opts *o, const char *arg);
/* The kernel's grouping for these options (enum sr_count_mode). */
int summary__count_mode(const struct sr_summary_opts *o);

struct sr_summary;

/* Names a group (a tgid or a cgroup id) for a --summary-by heading. */
typedef void sr_group_name_fn(void *ctx, uint64_t group, const struct sr_count_val *v, char *buf,
			      size_t len);

struct sr_summary *summary__new(const struct sr_summary_opts *o);
void summary__free(struct sr_summary *s);
/* One key's counts, summed over CPUs. 0 or -ENOMEM. */
int summary__add(struct sr_summary *s, const struct sr_count_key *k, const struct sr_count_val *v);
/*
 * An io_uring request counted in user space as its completion arrives, on
 * a row of its own ("[io_uring] read"): a twin's requests on one row, an
 * opcode without a twin on its own. The time columns hold the latency from
 * submission to completion with -w; without it 0 (a request's work in the
 * submitter is io_uring_enter's system time, the rest is kernel threads').
 */
struct sr_sum_request {
	uint64_t group; /* as struct sr_count_key's */
	int nr; /* the twin syscall's number, or -1 */
	unsigned int opcode;
	const char *name; /* as the request's line names it: "read", "IORING_OP_NOP" */
	const char *comm; /* SR_COMM_LEN bytes, not always NUL-terminated; may be empty */
	uint64_t latency_ns;
	bool failed;
};

/* 0 or -ENOMEM (not counted). */
int summary__add_request(struct sr_summary *s, const struct sr_sum_request *q);
/* The tables, as strace prints them; JSON when @json. */
void summary__print(struct sr_summary *s, struct sr_out *out, bool json, sr_group_name_fn *name,
		    void *ctx);

#endif /* SYSRAY_SUMMARY_H */
