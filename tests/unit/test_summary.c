// SPDX-License-Identifier: GPL-2.0
/*
 * The -c table: whole lines in strace 6.1's layout (widths, blank errors,
 * sort ties in number order, the total row, a name wider than the column),
 * from counts chosen so that every figure is worked out by hand below.
 */
#include <errno.h>
#include <string.h>

#include "helpers.h"
#include "summary/summary.h"
#include "test.h"

struct row {
	uint32_t nr;
	uint64_t calls, errors, ns;
};

/* read, close, mmap, rmdir, symlink: 368000 ns in all, 23 calls, 4 errors */
static const struct row sample[] = {
	{ 0, 3, 2, 11000 },   { 3, 7, 1, 33000 },   { 9, 8, 0, 0 },
	{ 84, 3, 1, 155000 }, { 88, 2, 0, 169000 },
};

static const char *table(struct t_memout *m, const struct sr_summary_opts *o, const struct row *r,
			 size_t n, bool json)
{
	struct sr_summary *s = summary__new(o);
	size_t i;

	for (i = 0; i < n; i++) {
		struct sr_count_key k = { .nr = r[i].nr };
		struct sr_count_val v = { .calls = r[i].calls,
					  .errors = r[i].errors,
					  .cpu_ns = r[i].ns,
					  .wall_ns = 2 * r[i].ns,
					  .min_ns = r[i].ns / r[i].calls,
					  .max_ns = r[i].ns };

		summary__add(s, &k, &v);
	}
	t_memout_open(m);
	summary__print(s, &m->out, json, NULL, NULL);
	summary__free(s);
	return t_memout_text(m);
}

static void default_layout(struct t_state *st)
{
	struct sr_summary_opts o = { .mode = 1 };
	struct t_memout m;

	/* percent = ns / 368000; usecs/call truncated: 169000 / 2 = 84.5 us -> 84 */
	CHECK_STR(st, table(&m, &o, sample, 5, false),
		  "% time     seconds  usecs/call     calls    errors syscall\n"
		  "------ ----------- ----------- --------- --------- ----------------\n"
		  " 45.92    0.000169          84         2           symlink\n"
		  " 42.12    0.000155          51         3         1 rmdir\n"
		  "  8.97    0.000033           4         7         1 close\n"
		  "  2.99    0.000011           3         3         2 read\n"
		  "  0.00    0.000000           0         8           mmap\n"
		  "------ ----------- ----------- --------- --------- ----------------\n"
		  "100.00    0.000368          16        23         4 total\n");
	t_memout_close(&m);
}

static void columns_sort_wall(struct t_state *st)
{
	struct sr_summary_opts o = { .mode = 1, .wall = true };
	struct t_memout m;

	/* errors last: its blank cell is still padded; ties (3 calls) by number */
	CHECK(st, !summary__parse_columns(&o, "name,calls,total-time,errors"));
	CHECK(st, !summary__parse_sort(&o, "count"));
	CHECK_STR(st, table(&m, &o, sample, 5, false),
		  "syscall              calls     seconds    errors\n"
		  "---------------- --------- ----------- ---------\n"
		  "mmap                     8    0.000000          \n"
		  "close                    7    0.000066         1\n"
		  "read                     3    0.000022         2\n"
		  "rmdir                    3    0.000310         1\n"
		  "symlink                  2    0.000338          \n"
		  "---------------- --------- ----------- ---------\n"
		  "total                   23    0.000736         4\n");
	t_memout_close(&m);
	CHECK(st, summary__parse_sort(&o, "percent") == -EINVAL);
	CHECK(st, summary__parse_columns(&o, "calls,usecs") == -EINVAL);
	/* strace's time-first spellings (its strace-S test: -S time_avg, -U time_max...) */
	CHECK(st, !summary__parse_sort(&o, "time_avg") && o.sort == SR_SORT_AVG);
	CHECK(st, !summary__parse_sort(&o, "time-min") && o.sort == SR_SORT_MIN);
	CHECK(st, !summary__parse_sort(&o, "time_max") && o.sort == SR_SORT_MAX);
	CHECK(st, !summary__parse_columns(&o, "time_total,time-min,time_max,time-avg") &&
			  o.ncols == 4 && o.cols[0] == SR_COL_TOTAL && o.cols[1] == SR_COL_MIN &&
			  o.cols[2] == SR_COL_MAX && o.cols[3] == SR_COL_AVG);
}

static void wide_name_and_json(struct t_state *st)
{
	static const struct row r[] = { { 146, 1, 0, 1000 }, { 0, 1, 1, 1000 } };
	struct sr_summary_opts o = { .mode = 1 };
	struct t_memout m;

	CHECK(st, !summary__parse_columns(&o, "calls,errors,name"));
	CHECK(st, !summary__parse_sort(&o, "name"));
	CHECK_STR(st, table(&m, &o, r, 2, false),
		  "    calls    errors syscall\n"
		  "--------- --------- -----------------------\n"
		  "        1         1 read\n"
		  "        1           sched_get_priority_max\n"
		  "--------- --------- -----------------------\n"
		  "        2         1 total\n");
	t_memout_close(&m);
	CHECK_STR(
		st, table(&m, &o, r, 1, true),
		"{\"type\":\"summary\",\"time\":\"system\",\"syscalls\":[{\"name\":"
		"\"sched_get_priority_max\",\"nr\":146,\"calls\":1,\"errors\":0,\"time_ns\":1000,"
		"\"min_ns\":1000,\"max_ns\":1000,\"percent\":100.00}],\"total\":{\"name\":\"total\","
		"\"calls\":1,\"errors\":0,\"time_ns\":1000,\"min_ns\":1000,\"max_ns\":1000,"
		"\"percent\":100.00}}\n");
	t_memout_close(&m);
}

/* Two read requests (3 and 5 us, one failed) and a NOP (2 us), with -w. */
static void add_requests(struct sr_summary *s)
{
	struct sr_sum_request q = { .nr = 0, .name = "read", .comm = "", .latency_ns = 3000 };

	summary__add_request(s, &q);
	q.latency_ns = 5000;
	q.failed = true;
	summary__add_request(s, &q);
	q = (struct sr_sum_request){
		.nr = -1, .name = "IORING_OP_NOP", .comm = "", .latency_ns = 2000
	};
	summary__add_request(s, &q);
}

/* The requests, and read's syscall row @v unless NULL, with -w; JSON when @json. */
static const char *requests_table(struct t_memout *m, const struct sr_count_val *v, bool json)
{
	struct sr_summary_opts o = { .mode = 1, .wall = true };
	struct sr_count_key k = { .nr = 0 };
	struct sr_summary *s = summary__new(&o);

	add_requests(s);
	if (v)
		summary__add(s, &k, v);
	t_memout_open(m);
	summary__print(s, &m->out, json, NULL, NULL);
	summary__free(s);
	return t_memout_text(m);
}

static void request_rows(struct t_state *st)
{
	struct sr_count_val v = { .calls = 1, .cpu_ns = 4000, .wall_ns = 10000 };
	struct t_memout m;

	/* 20 us in all: read 10 (50%), its requests 8 (40%, 4 us each), the NOP 2 (10%) */
	CHECK_STR(st, requests_table(&m, &v, false),
		  "% time     seconds  usecs/call     calls    errors syscall\n"
		  "------ ----------- ----------- --------- --------- -------------------------\n"
		  " 50.00    0.000010          10         1           read\n"
		  " 40.00    0.000008           4         2         1 [io_uring] read\n"
		  " 10.00    0.000002           2         1           [io_uring] IORING_OP_NOP\n"
		  "------ ----------- ----------- --------- --------- -------------------------\n"
		  "100.00    0.000020           5         4         1 total\n");
	t_memout_close(&m);
	/* JSON: the line's name, "via", no number for an opcode without a twin */
	CHECK_STR(st, requests_table(&m, NULL, true),
		  "{\"type\":\"summary\",\"time\":\"wall\",\"syscalls\":[{\"name\":\"read\","
		  "\"nr\":0,\"via\":\"io_uring\",\"calls\":2,\"errors\":1,\"time_ns\":8000,"
		  "\"min_ns\":3000,\"max_ns\":5000,\"percent\":80.00},{\"name\":\"IORING_OP_NOP\","
		  "\"via\":\"io_uring\",\"calls\":1,\"errors\":0,\"time_ns\":2000,\"min_ns\":2000,"
		  "\"max_ns\":2000,\"percent\":20.00}],\"total\":{\"name\":\"total\",\"calls\":3,"
		  "\"errors\":1,\"time_ns\":10000,\"min_ns\":2000,\"max_ns\":5000,"
		  "\"percent\":100.00}}\n");
	t_memout_close(&m);
}

/*
 * One key's per-CPU values added up (sr_count_val_add(), as loader__counts()
 * and the total row do): a CPU that never counted it (its min_ns is 0)
 * changes nothing; the last comm seen is kept.
 */
static void per_cpu_values_added(struct t_state *st)
{
	static const struct sr_count_val cpu[3] = {
		{ 0 },
		{ .calls = 2, .errors = 1, .cpu_ns = 30, .min_ns = 10, .max_ns = 20, .comm = "a" },
		{ .calls = 1, .cpu_ns = 5, .wall_ns = 7, .min_ns = 5, .max_ns = 5 },
	};
	struct sr_count_val sum = { 0 };
	int i;

	for (i = 0; i < 3; i++)
		sr_count_val_add(&sum, &cpu[i]);
	CHECK(st, sum.calls == 3 && sum.errors == 1);
	CHECK(st, sum.cpu_ns == 35 && sum.wall_ns == 7);
	CHECK(st, sum.min_ns == 5 && sum.max_ns == 20);
	CHECK_STR(st, sum.comm, "a");
}

T_SUITE(summary_tests) = {
	T_CASE(request_rows),	    T_CASE(default_layout),	  T_CASE(columns_sort_wall),
	T_CASE(wide_name_and_json), T_CASE(per_cpu_values_added), T_END,
};
