// SPDX-License-Identifier: GPL-2.0
/*
 * perf event ioctls (user/decode/ioctl_perf.c, perf.c) against lines strace
 * 6.1 printed (its test suite's ioctl_perf).
 */
#include <errno.h>
#include <string.h>
#include <linux/perf_event.h>

#include "rec.h"
#include "test.h"

static void ioctl_perf_args(struct t_state *st)
{
	struct t_sink s;
	uint64_t a[6] = { (uint64_t)-1, PERF_EVENT_IOC_ENABLE, 0xdeadbeefbadc0dedULL };
	const char filter[] = "0123456789abcdef0123456789abcdef0123";
	uint32_t query[2] = { 0xbadc0ded, 0 };
	struct t_blobspec b = { 2, filter, sizeof(filter), 0, 0 };

	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "ioctl", a, NULL, 0, -EBADF, NULL, 0),
		  "ioctl(-1, PERF_EVENT_IOC_ENABLE, PERF_IOC_FLAG_GROUP|0xbadc0dec) "
		  "= -1 EBADF (Bad file descriptor)");
	a[1] = PERF_EVENT_IOC_REFRESH;
	CHECK_STR(
		st, t_line(&s, "ioctl", a, NULL, 0, -EBADF, NULL, 0),
		"ioctl(-1, PERF_EVENT_IOC_REFRESH, -1159983635) = -1 EBADF (Bad file descriptor)");
	a[1] = PERF_EVENT_IOC_PAUSE_OUTPUT;
	CHECK_STR(st, t_line(&s, "ioctl", a, NULL, 0, -EBADF, NULL, 0),
		  "ioctl(-1, PERF_EVENT_IOC_PAUSE_OUTPUT, 16045690984232390125) "
		  "= -1 EBADF (Bad file descriptor)");
	a[1] = PERF_EVENT_IOC_SET_FILTER;
	a[2] = 0x7f25834b4fbf;
	CHECK_STR(st, t_line(&s, "ioctl", a, &b, 1, -EBADF, NULL, 0),
		  "ioctl(-1, PERF_EVENT_IOC_SET_FILTER, \"0123456789abcdef0123456789abcdef\"...) "
		  "= -1 EBADF (Bad file descriptor)");
	b.data = filter + 12;
	b.len = sizeof(filter) - 12;
	CHECK_STR(st, t_line(&s, "ioctl", a, &b, 1, -EBADF, NULL, 0),
		  "ioctl(-1, PERF_EVENT_IOC_SET_FILTER, \"cdef0123456789abcdef0123\") "
		  "= -1 EBADF (Bad file descriptor)");
	a[1] = PERF_EVENT_IOC_QUERY_BPF;
	b.data = query;
	b.len = sizeof(query);
	CHECK_STR(st, t_line(&s, "ioctl", a, &b, 1, -EBADF, NULL, 0),
		  "ioctl(-1, PERF_EVENT_IOC_QUERY_BPF, {ids_len=3134983661, ...}) "
		  "= -1 EBADF (Bad file descriptor)");
	t_sink_close(&s);
}

/* The test's fill_memory_ex(attr, sizeof(*attr), 0xaa, 0x55). */
static void ioctl_perf_attr(struct t_state *st)
{
	struct t_sink s;
	uint8_t attr[sizeof(struct perf_event_attr)];
	uint64_t a[6] = { (uint64_t)-1, PERF_EVENT_IOC_MODIFY_ATTRIBUTES, 0x7f47bfd8ef80 };
	struct t_blobspec b = { 2, attr, sizeof(attr), 0, 0 };
	size_t i;

	for (i = 0; i < sizeof(attr); i++)
		attr[i] = 0xaa + i % 0x55;
	t_sink_open(&s);
	CHECK_STR(
		st, t_line(&s, "ioctl", a, &b, 1, -EBADF, NULL, 0),
		"ioctl(-1, PERF_EVENT_IOC_MODIFY_ATTRIBUTES, "
		"{type=0xadacabaa /* PERF_TYPE_??? */, "
		"size=0xb1b0afae /* PERF_ATTR_SIZE_??? */, config=0xb9b8b7b6b5b4b3b2, "
		"sample_period=13961369670796491706, "
		"sample_type=PERF_SAMPLE_TID|PERF_SAMPLE_ID|PERF_SAMPLE_CPU|PERF_SAMPLE_PERIOD|PERF_SAMPLE_STREAM_ID|PERF_SAMPLE_WEIGHT|PERF_SAMPLE_DATA_SRC|PERF_SAMPLE_REGS_INTR|PERF_SAMPLE_DATA_PAGE_SIZE|PERF_SAMPLE_CODE_PAGE_SIZE|PERF_SAMPLE_WEIGHT_STRUCT|0xc9c8c7c6c4000000, "
		"read_format=PERF_FORMAT_TOTAL_TIME_RUNNING|PERF_FORMAT_GROUP|0xd1d0cfcecdcccbc0, "
		"inherit=1, exclude_user=1, exclude_hv=1, exclude_idle=1, mmap=1, comm=1, "
		"enable_on_exec=1, watermark=1, precise_ip=1 /* constant skid */, "
		"sample_id_all=1, exclude_guest=1, exclude_callchain_user=1, mmap2=1, "
		"comm_exec=1, context_switch=1, namespaces=1, bpf_event=1, aux_output=1, "
		"text_poke=1, build_id=1, remove_on_exec=1, "
		"__reserved_1=0x367635f /* Bits 63..38 */, ...}"
		") = -1 EBADF (Bad file descriptor)");
	/* below the first published size: the address */
	attr[offsetof(struct perf_event_attr, size)] = PERF_ATTR_SIZE_VER0 - 8;
	memset(attr + offsetof(struct perf_event_attr, size) + 1, 0, 3);
	CHECK_STR(st, t_line(&s, "ioctl", a, &b, 1, -EBADF, NULL, 0),
		  "ioctl(-1, PERF_EVENT_IOC_MODIFY_ATTRIBUTES, 0x7f47bfd8ef80) "
		  "= -1 EBADF (Bad file descriptor)");
	t_sink_close(&s);
}

T_SUITE(decode_ioctl_perf_tests) = {
	T_CASE(ioctl_perf_args),
	T_CASE(ioctl_perf_attr),
	T_END,
};
