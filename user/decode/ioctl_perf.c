// SPDX-License-Identifier: GPL-2.0
/*
 * Decoders: the ioctls of perf event fds (linux/perf_event.h), as strace 6.1
 * prints them: PERF_IOC_FLAG_* arguments, counts, fds, the filter string,
 * the BPF program ids a query returns, new attributes (perf.c prints struct
 * perf_event_attr). Rows of struct sr_ioc (ioctl.h); ioctl.c looks requests up.
 */
#include <string.h>
#include <linux/perf_event.h>

#include "decode/ioctl.h"
#include "decode/perf.h"

/*
 * PERF_EVENT_IOC_SET_FILTER: a NUL-terminated string (strace reads up to a
 * page of it), cut at -s; its address when the copy ends before its NUL
 * and before what -s shows.
 */
static void print_filter(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, size_t len)
{
	size_t max = fmt_strsize(f);

	if (len <= max && !memchr(p, 0, len)) {
		pr_addr(f, c->args[2]);
		return;
	}
	pr_str(f, p, len, max, SR_Q_NUL_TERM);
}

/*
 * PERF_EVENT_IOC_QUERY_BPF: the room the caller gives, then after success
 * the number of programs and their ids ("..." after a failure).
 */
static void print_query_bpf(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, size_t len)
{
	const size_t ids = offsetof(struct perf_event_query_bpf, ids);
	const uint8_t *q = ioc_exit_copy(c, ids, &len);
	uint32_t n, i;

	pr_struct_begin(f);
	pr_field_u(f, "ids_len", get32(p, offsetof(struct perf_event_query_bpf, ids_len)));
	if (!q) {
		pr_more(f);
		pr_struct_end(f);
		return;
	}
	n = get32(q, offsetof(struct perf_event_query_bpf, prog_cnt));
	pr_field_u(f, "prog_cnt", n);
	pr_field(f, "ids");
	pr_array_begin(f);
	for (i = 0; i < n && pr_array_elem(f, i); i++) {
		if (ids + (i + 1) * sizeof(uint32_t) > len) {
			fmt_more_unread(f, c->args[2] + ids + i * sizeof(uint32_t));
			break;
		}
		pr_u(f, get32(q, ids + i * sizeof(uint32_t)));
	}
	pr_array_end(f);
	pr_struct_end(f);
}

/* PERF_EVENT_IOC_MODIFY_ATTRIBUTES: the new attributes. */
static void print_attr(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, size_t len)
{
	fmt_perf_event_attr(f, p, len, c->args[2], false, NULL);
}

/* The string is as long as it is: any copy with a byte. */
static const struct sr_ioc_struct filter_st = { 1, print_filter };
static const struct sr_ioc_struct query_bpf_st = { offsetof(struct perf_event_query_bpf, prog_cnt),
						   print_query_bpf };
/* the size field: perf.c checks the rest against it */
static const struct sr_ioc_struct attr_st = {
	offsetof(struct perf_event_attr, size) + sizeof(uint32_t), print_attr
};

static const struct sr_ioc perf_table[] = {
	{ PERF_EVENT_IOC_ENABLE, IOA_FLAGS, false, &xlat_perf_ioctl_flags },
	{ PERF_EVENT_IOC_DISABLE, IOA_FLAGS, false, &xlat_perf_ioctl_flags },
	{ PERF_EVENT_IOC_RESET, IOA_FLAGS, false, &xlat_perf_ioctl_flags },
	{ PERF_EVENT_IOC_REFRESH, IOA_DEC, false, NULL },
	{ PERF_EVENT_IOC_PERIOD, IOA_U64, false, NULL },
	{ PERF_EVENT_IOC_SET_OUTPUT, IOA_FD, false, NULL },
	{ PERF_EVENT_IOC_SET_BPF, IOA_FD, false, NULL },
	{ PERF_EVENT_IOC_PAUSE_OUTPUT, IOA_UDEC, false, NULL },
	{ PERF_EVENT_IOC_SET_FILTER, IOA_STRUCT, false, &filter_st },
	{ PERF_EVENT_IOC_ID, IOA_U64, true, NULL },
	{ PERF_EVENT_IOC_QUERY_BPF, IOA_INOUT, true, &query_bpf_st },
	{ PERF_EVENT_IOC_MODIFY_ATTRIBUTES, IOA_STRUCT, false, &attr_st },
};

SR_IOC_ROWS(sr_ioc_rows_perf, perf_table);
