// SPDX-License-Identifier: GPL-2.0
/*
 * The summary table of -c/-C, in strace 6.1's layout: columns chosen by -U,
 * rows sorted by -S (ties in syscall-number order, as strace's stable sort
 * of its number-indexed table gives), a dashed line, a total row; an empty
 * errors cell when there were none. One table per group with --summary-by,
 * and one per personality (ia32 calls apart), as strace does.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "print/jbuf.h"
#include "print/out.h"
#include "summary/summary.h"
#include "table/syscalls.h"

struct sum_row {
	struct sr_count_key key;
	struct sr_count_val val;
	const char *name;
	char *own; /* a request row's name, "[io_uring] read" (name points to it) */
};

/*
 * sr_count_key.nr of a request row: SUM_URING with the twin's number, or
 * with SUM_URING_OP and the opcode.
 */
#define SUM_URING    0x40000000u
#define SUM_URING_OP 0x20000000u
#define URING_MARK   "[io_uring] "

struct sr_summary {
	struct sr_summary_opts o;
	int name_width; /* of the table being printed: 16, or the longest name + 1 */
	struct sum_row *rows;
	size_t n, cap;
};

/* -S names (strace's, '_' or '-'). */
static const struct {
	const char *name;
	enum sr_sum_sort sort;
} sort_names[] = {
	{ "time", SR_SORT_TIME },	  { "time-percent", SR_SORT_TIME },
	{ "time-total", SR_SORT_TIME },	  { "total-time", SR_SORT_TIME },
	{ "min-time", SR_SORT_MIN },	  { "shortest", SR_SORT_MIN },
	{ "time-min", SR_SORT_MIN },	  { "time-max", SR_SORT_MAX },
	{ "max-time", SR_SORT_MAX },	  { "longest", SR_SORT_MAX },
	{ "avg-time", SR_SORT_AVG },	  { "time-avg", SR_SORT_AVG },
	{ "calls", SR_SORT_CALLS },	  { "count", SR_SORT_CALLS },
	{ "error", SR_SORT_ERRORS },	  { "errors", SR_SORT_ERRORS },
	{ "name", SR_SORT_NAME },	  { "syscall", SR_SORT_NAME },
	{ "syscall-name", SR_SORT_NAME }, { "none", SR_SORT_NOTHING },
	{ "nothing", SR_SORT_NOTHING },
};

/* -U names. */
static const struct {
	const char *name;
	enum sr_sum_col col;
} col_names[] = {
	{ "time-percent", SR_COL_PERCENT },
	{ "time", SR_COL_PERCENT },
	{ "total-time", SR_COL_TOTAL },
	{ "time-total", SR_COL_TOTAL },
	{ "min-time", SR_COL_MIN },
	{ "time-min", SR_COL_MIN },
	{ "shortest", SR_COL_MIN },
	{ "max-time", SR_COL_MAX },
	{ "time-max", SR_COL_MAX },
	{ "longest", SR_COL_MAX },
	{ "avg-time", SR_COL_AVG },
	{ "time-avg", SR_COL_AVG },
	{ "calls", SR_COL_CALLS },
	{ "count", SR_COL_CALLS },
	{ "errors", SR_COL_ERRORS },
	{ "error", SR_COL_ERRORS },
	{ "name", SR_COL_NAME },
	{ "syscall", SR_COL_NAME },
	{ "syscall-name", SR_COL_NAME },
};

static const enum sr_sum_col default_cols[] = { SR_COL_PERCENT, SR_COL_TOTAL,  SR_COL_AVG,
						SR_COL_CALLS,	SR_COL_ERRORS, SR_COL_NAME };

/* Each column's heading and width; all but the name are right-aligned. */
static const struct {
	const char *head;
	int width;
	const char *json;
} col_info[SR_COL_COUNT] = {
	[SR_COL_PERCENT] = { "% time", 6, "percent" },
	[SR_COL_TOTAL] = { "seconds", 11, "seconds" },
	[SR_COL_AVG] = { "usecs/call", 11, "usecs_per_call" },
	[SR_COL_MIN] = { "shortest", 8, "shortest" },
	[SR_COL_MAX] = { "longest", 8, "longest" },
	[SR_COL_CALLS] = { "calls", 9, "calls" },
	[SR_COL_ERRORS] = { "errors", 9, "errors" },
	[SR_COL_NAME] = { "syscall", 16, "name" },
};

/* @a equals @b, '_' and '-' alike. */
static bool name_eq(const char *a, size_t n, const char *b)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!b[i] || (a[i] != b[i] && !(a[i] == '_' && b[i] == '-')))
			return false;
	return !b[n];
}

int summary__parse_sort(struct sr_summary_opts *o, const char *arg)
{
	size_t i;

	for (i = 0; i < sizeof(sort_names) / sizeof(sort_names[0]); i++)
		if (name_eq(arg, strlen(arg), sort_names[i].name)) {
			o->sort = sort_names[i].sort;
			return 0;
		}
	return -EINVAL;
}

int summary__parse_columns(struct sr_summary_opts *o, const char *arg)
{
	const char *p = arg;
	size_t i, n;

	o->ncols = 0;
	for (;;) {
		n = strcspn(p, ",");
		for (i = 0; i < sizeof(col_names) / sizeof(col_names[0]); i++)
			if (name_eq(p, n, col_names[i].name))
				break;
		if (i == sizeof(col_names) / sizeof(col_names[0]) || o->ncols == SR_COL_COUNT)
			return -EINVAL;
		o->cols[o->ncols++] = col_names[i].col;
		if (!p[n])
			return 0;
		p += n + 1;
	}
}

int summary__parse_by(struct sr_summary_opts *o, const char *arg)
{
	if (!strcmp(arg, "process"))
		o->by = SR_BY_PROCESS;
	else if (!strcmp(arg, "container"))
		o->by = SR_BY_CONTAINER;
	else if (!strcmp(arg, "unit"))
		o->by = SR_BY_UNIT;
	else
		return -EINVAL;
	return 0;
}

int summary__count_mode(const struct sr_summary_opts *o)
{
	if (!o->mode)
		return SR_COUNT_OFF;
	if (o->by == SR_BY_PROCESS)
		return SR_COUNT_TGID;
	if (o->by == SR_BY_CONTAINER || o->by == SR_BY_UNIT)
		return SR_COUNT_CGROUP;
	return SR_COUNT_ALL;
}

struct sr_summary *summary__new(const struct sr_summary_opts *o)
{
	struct sr_summary *s = calloc(1, sizeof(*s));

	if (s)
		s->o = *o;
	return s;
}

void summary__free(struct sr_summary *s)
{
	size_t i;

	if (!s)
		return;
	for (i = 0; i < s->n; i++)
		free(s->rows[i].own);
	free(s->rows);
	free(s);
}

/* A new zeroed row of key @k, or NULL. */
static struct sum_row *new_row(struct sr_summary *s, const struct sr_count_key *k)
{
	struct sum_row *r;

	if (s->n == s->cap) {
		size_t cap = s->cap ? 2 * s->cap : 64;
		struct sum_row *rows = realloc(s->rows, cap * sizeof(*rows));

		if (!rows)
			return NULL;
		s->rows = rows;
		s->cap = cap;
	}
	r = &s->rows[s->n++];
	memset(r, 0, sizeof(*r));
	r->key = *k;
	return r;
}

int summary__add(struct sr_summary *s, const struct sr_count_key *k, const struct sr_count_val *v)
{
	struct sum_row *r;
	const struct sr_sysent *e;
	int nr = (int)(k->nr & ~SR_COUNT_COMPAT);

	if (!v->calls)
		return 0;
	r = new_row(s, k);
	if (!r)
		return -ENOMEM;
	r->val = *v;
	e = k->nr & SR_COUNT_COMPAT ? syscalls__get_compat(nr) : syscalls__get(nr);
	/* strace counts only numbers its table has */
	if (!e || !e->name || !*e->name || !strncmp(e->name, "syscall_", 8)) {
		s->n--;
		return 0;
	}
	r->name = e->name;
	return 0;
}

/* The request row of @k, made on its first request; NULL if out of memory. */
static struct sum_row *request_row(struct sr_summary *s, const struct sr_count_key *k,
				   const char *name)
{
	struct sum_row *r;
	size_t i;

	for (i = 0; i < s->n; i++)
		if (s->rows[i].key.nr == k->nr && s->rows[i].key.group == k->group)
			return &s->rows[i];
	r = new_row(s, k);
	if (!r)
		return NULL;
	if (asprintf(&r->own, URING_MARK "%s", name) < 0) {
		s->n--;
		return NULL;
	}
	r->name = r->own;
	return r;
}

int summary__add_request(struct sr_summary *s, const struct sr_sum_request *q)
{
	struct sr_count_key k = { .group = q->group };
	uint64_t t = s->o.wall ? q->latency_ns : 0;
	struct sum_row *r;
	struct sr_count_val *v;

	k.nr = SUM_URING | (q->nr >= 0 ? (uint32_t)q->nr : SUM_URING_OP | q->opcode);
	r = request_row(s, &k, q->name);
	if (!r)
		return -ENOMEM;
	v = &r->val;
	if (!v->calls || t < v->min_ns)
		v->min_ns = t;
	if (t > v->max_ns)
		v->max_ns = t;
	v->calls++;
	v->errors += q->failed;
	v->wall_ns += q->latency_ns;
	if (q->comm[0])
		memcpy(v->comm, q->comm, sizeof(v->comm));
	return 0;
}

/* The time a row counts: system (CPU) time, or wall-clock time with -w. */
static uint64_t row_time(const struct sr_summary *s, const struct sr_count_val *v)
{
	return s->o.wall ? v->wall_ns : v->cpu_ns;
}

static int cmp_u64_desc(uint64_t a, uint64_t b)
{
	return a < b ? 1 : a > b ? -1 : 0;
}

static int cmp_rows(const struct sr_summary *s, const struct sum_row *a, const struct sum_row *b)
{
	int c = 0;

	switch (s->o.sort) {
	case SR_SORT_TIME:
		c = cmp_u64_desc(row_time(s, &a->val), row_time(s, &b->val));
		break;
	case SR_SORT_MIN:
		c = cmp_u64_desc(a->val.min_ns, b->val.min_ns);
		break;
	case SR_SORT_MAX:
		c = cmp_u64_desc(a->val.max_ns, b->val.max_ns);
		break;
	case SR_SORT_AVG:
		c = cmp_u64_desc(row_time(s, &a->val) / a->val.calls,
				 row_time(s, &b->val) / b->val.calls);
		break;
	case SR_SORT_CALLS:
		c = cmp_u64_desc(a->val.calls, b->val.calls);
		break;
	case SR_SORT_ERRORS:
		c = cmp_u64_desc(a->val.errors, b->val.errors);
		break;
	case SR_SORT_NAME:
		c = strcmp(a->name, b->name);
		break;
	case SR_SORT_NOTHING:
		break;
	}
	if (c)
		return c;
	return a->key.nr < b->key.nr ? -1 : a->key.nr > b->key.nr;
}

/* Rows of one table: same group, same personality, next to each other. */
static int cmp_table(const struct sum_row *a, const struct sum_row *b)
{
	uint32_t ca = a->key.nr & SR_COUNT_COMPAT, cb = b->key.nr & SR_COUNT_COMPAT;

	if (a->key.group != b->key.group)
		return a->key.group < b->key.group ? -1 : 1;
	return ca < cb ? -1 : ca > cb;
}

static int cmp_all(const void *pa, const void *pb, void *ctx)
{
	const struct sum_row *a = pa, *b = pb;
	int c = cmp_table(a, b);

	return c ? c : cmp_rows(ctx, a, b);
}

struct sum_total {
	struct sr_count_val v;
	uint64_t time;
};

static const enum sr_sum_col *columns(const struct sr_summary *s, int *n)
{
	if (s->o.ncols) {
		*n = s->o.ncols;
		return s->o.cols;
	}
	*n = sizeof(default_cols) / sizeof(default_cols[0]);
	return default_cols;
}

/* One cell of a row (or of the total row, @name "total"). */
static void cell(struct sr_out *out, const struct sr_summary *s, enum sr_sum_col c,
		 const struct sr_count_val *v, uint64_t total, const char *name, bool last)
{
	uint64_t t = row_time(s, v);
	int w = c == SR_COL_NAME ? s->name_width : col_info[c].width;

	switch (c) {
	case SR_COL_PERCENT:
		out__printf(out, "%*.2f", w,
			    !strcmp(name, "total") ? 100.0 :
			    total		   ? 100.0 * (double)t / (double)total :
						     0.0);
		break;
	case SR_COL_TOTAL:
		out__printf(out, "%*.6f", w, (double)t / 1e9);
		break;
	case SR_COL_AVG:
		out__printf(out, "%*llu", w,
			    (unsigned long long)(v->calls ? t / v->calls / 1000 : 0));
		break;
	case SR_COL_MIN:
		out__printf(out, "%*.6f", w, (double)v->min_ns / 1e9);
		break;
	case SR_COL_MAX:
		out__printf(out, "%*.6f", w, (double)v->max_ns / 1e9);
		break;
	case SR_COL_CALLS:
		out__printf(out, "%*llu", w, (unsigned long long)v->calls);
		break;
	case SR_COL_ERRORS:
		/* blank for none, padded even at the end of the line (as strace) */
		if (v->errors)
			out__printf(out, "%*llu", w, (unsigned long long)v->errors);
		else
			out__printf(out, "%*s", w, "");
		break;
	case SR_COL_NAME:
		out__printf(out, "%-*s", last ? 0 : w, name);
		break;
	default:
		break;
	}
}

static void line(struct sr_out *out, const struct sr_summary *s, const struct sr_count_val *v,
		 uint64_t total, const char *name)
{
	int i, n;
	const enum sr_sum_col *cols = columns(s, &n);

	for (i = 0; i < n; i++) {
		if (i)
			out__putc(out, ' ');
		cell(out, s, cols[i], v, total, name, i == n - 1);
	}
	out__putc(out, '\n');
}

static void head(struct sr_out *out, const struct sr_summary *s)
{
	int i, n;
	const enum sr_sum_col *cols = columns(s, &n);

	for (i = 0; i < n; i++) {
		const char *h = col_info[cols[i]].head;
		int w = cols[i] == SR_COL_NAME ? s->name_width : col_info[cols[i]].width;

		if (i)
			out__putc(out, ' ');
		if (cols[i] == SR_COL_NAME)
			out__printf(out, "%-*s", i == n - 1 ? 0 : w, h);
		else
			out__printf(out, "%*s", w, h);
	}
	out__putc(out, '\n');
}

static void dashes(struct sr_out *out, const struct sr_summary *s)
{
	int i, j, n;
	const enum sr_sum_col *cols = columns(s, &n);

	for (i = 0; i < n; i++) {
		if (i)
			out__putc(out, ' ');
		for (j = 0; j < (cols[i] == SR_COL_NAME ? s->name_width : col_info[cols[i]].width);
		     j++)
			out__putc(out, '-');
	}
	out__putc(out, '\n');
}

static struct sum_total totals(const struct sr_summary *s, const struct sum_row *r, size_t n)
{
	struct sum_total t = { 0 };
	size_t i;

	for (i = 0; i < n; i++)
		sr_count_val_add(&t.v, &r[i].val);
	t.time = row_time(s, &t.v);
	return t;
}

static void table_text(struct sr_out *out, struct sr_summary *s, const struct sum_row *r, size_t n)
{
	struct sum_total t = totals(s, r, n);
	size_t i;

	/* the name column widens to the longest name, and one space */
	s->name_width = col_info[SR_COL_NAME].width;
	for (i = 0; i < n; i++)
		if ((int)strlen(r[i].name) + 1 > s->name_width)
			s->name_width = (int)strlen(r[i].name) + 1;

	head(out, s);
	dashes(out, s);
	for (i = 0; i < n; i++)
		line(out, s, &r[i].val, t.time, r[i].name);
	dashes(out, s);
	line(out, s, &t.v, t.time, "total");
}

/* A row of @r, or the total row (@r NULL) of @v. */
static void json_row(struct sr_jbuf *b, const struct sr_summary *s, const struct sr_count_val *v,
		     uint64_t total, const struct sum_row *r)
{
	uint64_t t = row_time(s, v);
	const char *name = !r ? "total" : r->own ? r->name + strlen(URING_MARK) : r->name;
	uint32_t nr = r ? r->key.nr & ~(SR_COUNT_COMPAT | SUM_URING) : 0;
	char num[64];

	jbuf__puts(b, "{\"name\":");
	jbuf__text(b, name, strlen(name));
	if (r && !(nr & SUM_URING_OP)) {
		jbuf__puts(b, ",\"nr\":");
		jbuf__i64(b, nr);
	}
	if (r && r->own)
		jbuf__puts(b, ",\"via\":\"io_uring\"");
	jbuf__puts(b, ",\"calls\":");
	jbuf__u64(b, v->calls);
	jbuf__puts(b, ",\"errors\":");
	jbuf__u64(b, v->errors);
	jbuf__puts(b, ",\"time_ns\":");
	jbuf__u64(b, t);
	jbuf__puts(b, ",\"min_ns\":");
	jbuf__u64(b, v->min_ns);
	jbuf__puts(b, ",\"max_ns\":");
	jbuf__u64(b, v->max_ns);
	snprintf(num, sizeof(num), ",\"percent\":%.2f}",
		 !r    ? 100.0 :
		 total ? 100.0 * (double)t / (double)total :
			 0.0);
	jbuf__puts(b, num);
}

/* One JSON object per table, on one line. */
static void table_json(struct sr_out *out, const struct sr_summary *s, const struct sum_row *r,
		       size_t n, const char *group)
{
	struct sum_total t = totals(s, r, n);
	struct sr_jbuf b = { 0 };
	size_t i;

	jbuf__puts(&b, "{\"type\":\"summary\",\"time\":");
	jbuf__puts(&b, s->o.wall ? "\"wall\"" : "\"system\"");
	if (r[0].key.nr & SR_COUNT_COMPAT)
		jbuf__puts(&b, ",\"abi\":\"i386\"");
	if (group) {
		jbuf__puts(&b, ",\"group\":");
		jbuf__text(&b, group, strlen(group));
	}
	jbuf__puts(&b, ",\"syscalls\":[");
	for (i = 0; i < n; i++) {
		if (i)
			jbuf__putc(&b, ',');
		json_row(&b, s, &r[i].val, t.time, &r[i]);
	}
	jbuf__puts(&b, "],\"total\":");
	json_row(&b, s, &t.v, t.time, NULL);
	jbuf__puts(&b, "}\n");
	out__write(out, b.p, b.len);
	jbuf__free(&b);
}

/* The row of a table whose process name heads it: the first that has one. */
static const struct sum_row *named(const struct sum_row *r, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (r[i].val.comm[0])
			return &r[i];
	return r;
}

void summary__print(struct sr_summary *s, struct sr_out *out, bool json, sr_group_name_fn *name,
		    void *ctx)
{
	size_t i = 0, j;
	bool any_compat = false, any_native = false;
	char group[512];

	qsort_r(s->rows, s->n, sizeof(*s->rows), cmp_all, s);
	for (j = 0; j < s->n; j++) {
		if (s->rows[j].key.nr & SR_COUNT_COMPAT)
			any_compat = true;
		else
			any_native = true;
	}
	while (i < s->n) {
		const struct sum_row *r = &s->rows[i];
		bool compat = r->key.nr & SR_COUNT_COMPAT;

		for (j = i + 1; j < s->n && !cmp_table(&s->rows[j], r); j++)
			;
		group[0] = '\0';
		if (s->o.by != SR_BY_NONE && name)
			name(ctx, r->key.group, &named(s->rows + i, j - i)->val, group,
			     sizeof(group));
		if (json) {
			table_json(out, s, r, j - i, s->o.by != SR_BY_NONE ? group : NULL);
		} else {
			if (s->o.by != SR_BY_NONE)
				out__printf(out, "%s%s:\n", i ? "\n" : "", group);
			if (compat && any_native)
				out__puts(out, "System call usage summary for 32 bit mode:\n");
			else if (!compat && any_compat)
				out__puts(out, "System call usage summary for 64 bit mode:\n");
			table_text(out, s, r, j - i);
		}
		i = j;
	}
	out__flush(out);
}
