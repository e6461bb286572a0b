// SPDX-License-Identifier: GPL-2.0
/*
 * The syscall table, built once from the generated name list (numbers from
 * the UAPI headers) and the rows of include/sysray/syscalls.def, and its
 * lookups. Capture plans are made from it in plan.c.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/fanotify.h>
#include <sys/inotify.h>
#include <sys/mman.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/timerfd.h>
#include <linux/mount.h>
#include <linux/perf_event.h>

#include "decode/decode.h"
#include "table/rows.h"
#include "table/syscalls.h"

struct sr_sysname {
	int nr;
	const char *name;
};

#include "syscall_names.h"
#include "argnames.h"

#define SC(nm, fl, r, ...) { SR_ROW_FIELDS(nm, fl, r, __VA_ARGS__), .argnames = { SR_ARGN_##nm } },
#define SCX(nm, fl, r, d, ...)                                                 \
	{ SR_ROW_FIELDS(nm, fl, r, __VA_ARGS__), .argnames = { SR_ARGN_##nm }, \
	  .dec = &sr_scdec_##d },

static const struct sr_sysent rows[] = {
#include "sysray/syscalls.def"
};

#undef SC
#undef SCX
#undef A

#define NROWS  (sizeof(rows) / sizeof(rows[0]))
#define NNAMES (sizeof(sr_sysnames) / sizeof(sr_sysnames[0]))

/* The number-indexed table; entries without a name are made on demand. */
struct sr_systable {
	struct sr_sysent *ents;
	struct sr_sysent *compat; /* i386 numbers, for ia32 tasks; made on first use */
	struct sr_sysent *undecoded; /* -e raw=: entries printed raw; made on first use */
	int n; /* covers [0, n) */
	char (*rawnames)[24];
	/* numbers out of range: one entry each, rebuilt per call (see syscalls__get) */
	struct sr_sysent oob, oob_compat;
	char oobname[24], oobname_compat[24];
	/* lookups by name are binary searches: the rows and the entries sorted by name */
	const struct sr_sysent *rows_by_name[NROWS];
	const struct sr_sysent **by_name; /* table.n of them */
};

static struct sr_systable table;

/* By name, then by place: a search finds the first of equal names, as one in order would. */
static int cmp_name(const void *a, const void *b)
{
	const struct sr_sysent *x = *(const struct sr_sysent *const *)a;
	const struct sr_sysent *y = *(const struct sr_sysent *const *)b;
	int c = strcmp(x->name, y->name);

	return c ? c : (x > y) - (x < y);
}

/* The first of @n entries @idx (sorted by cmp_name()) named @name, or NULL. */
static const struct sr_sysent *find_named(const struct sr_sysent *const *idx, size_t n,
					  const char *name)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (strcmp(idx[mid]->name, name) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && !strcmp(idx[lo]->name, name) ? idx[lo] : NULL;
}

static bool names_file(const struct sr_argdesc *a)
{
	switch (a->type) {
	case SR_T_PATH:
		return !(a->flags & SR_AF_NOFILE);
	case SR_T_FD:
	case SR_T_DIRFD:
	case SR_T_CUSTOM: /* select's fd sets */
	case SR_T_STRUCT_IN: /* poll's array */
	case SR_T_STRUCT_INOUT:
		return true;
	default:
		return false;
	}
}

bool syscalls__touches_files(const struct sr_sysent *e)
{
	int i;

	if (!(e->flags & (SR_C_FILE | SR_C_DESC | SR_C_NET)) || e->raw)
		return false;
	for (i = 0; i < e->nargs && i < SR_NARGS; i++)
		if (names_file(&e->args[i]))
			return true;
	return false;
}

bool syscalls__arg_is_32(const struct sr_sysent *e, int i)
{
	if (i < 0 || i >= e->nargs || i >= SR_NARGS)
		return false;
	switch (e->args[i].type) {
	case SR_T_INT:
	case SR_T_UINT:
	case SR_T_FD:
	case SR_T_PID:
		return true;
	default:
		return false;
	}
}

uint64_t syscalls__len_arg(const struct sr_sysent *e, const uint64_t *args, int i)
{
	i %= SR_NARGS;
	return syscalls__arg_is_32(e, i) ? (uint32_t)args[i] : args[i];
}

bool syscalls__is_output(const struct sr_argdesc *a)
{
	switch (a->type) {
	case SR_T_BUF_OUT:
	case SR_T_STRUCT_OUT:
	case SR_T_STRUCT_INOUT:
	case SR_T_IOV_OUT:
	case SR_T_PATH_OUT:
		return true;
	case SR_T_CUSTOM:
		return a->dec->at_exit;
	default:
		return false;
	}
}

void syscalls__finish(struct sr_sysent *e)
{
	int i;

	e->split = e->nargs;
	for (i = 0; i < e->nargs; i++) {
		if (syscalls__is_output(&e->args[i])) {
			e->split = i;
			break;
		}
	}
}

/* "syscall_%#x" of @nr into @buf (@len >= 19), without snprintf: ~1k names at start-up. */
static void raw_name(char *buf, size_t len, unsigned int nr)
{
	char digits[8];
	size_t n = 0, at = 0;
	const char *prefix = nr ? "syscall_0x" : "syscall_";

	if (len < sizeof("syscall_0xffffffff")) {
		snprintf(buf, len, "syscall_%#x", nr);
		return;
	}
	do {
		digits[n++] = "0123456789abcdef"[nr & 0xf];
		nr >>= 4;
	} while (nr);
	while (*prefix)
		buf[at++] = *prefix++;
	while (n)
		buf[at++] = digits[--n];
	buf[at] = 0;
}

void syscalls__make_raw(struct sr_sysent *e, int nr, char *namebuf, size_t len)
{
	int i;

	raw_name(namebuf, len, (unsigned int)nr);
	memset(e, 0, sizeof(*e));
	e->name = namebuf;
	e->nr = nr;
	e->nargs = SR_NARGS;
	for (i = 0; i < SR_NARGS; i++)
		e->args[i].type = SR_T_HEX;
	e->split = SR_NARGS;
	e->raw = true;
	e->unnamed = true;
}

const struct sr_sysent *syscalls__row_named(const char *name)
{
	size_t i;

	if (!table.rows_by_name[0]) {
		for (i = 0; i < NROWS; i++)
			table.rows_by_name[i] = &rows[i];
		qsort(table.rows_by_name, NROWS, sizeof(*table.rows_by_name), cmp_name);
	}
	return find_named(table.rows_by_name, NROWS, name);
}

/* The entries by name, for syscalls__by_name(); NULL if out of memory (it searches in order). */
static void index_names(void)
{
	int i;

	table.by_name = calloc(table.n, sizeof(*table.by_name));
	if (!table.by_name)
		return;
	for (i = 0; i < table.n; i++)
		table.by_name[i] = &table.ents[i];
	qsort(table.by_name, table.n, sizeof(*table.by_name), cmp_name);
}

int syscalls__init(void)
{
	int n = SR_NR_MAX, i;
	size_t k;

	if (table.ents)
		return 0;
	for (k = 0; k < NNAMES; k++)
		if (sr_sysnames[k].nr >= n)
			n = sr_sysnames[k].nr + 1;
	table.ents = calloc(n, sizeof(*table.ents));
	table.rawnames = calloc(n, sizeof(*table.rawnames));
	if (!table.ents || !table.rawnames) {
		free(table.ents);
		free(table.rawnames);
		table.ents = NULL;
		return -ENOMEM;
	}
	table.n = n;
	for (i = 0; i < n; i++)
		syscalls__make_raw(&table.ents[i], i, table.rawnames[i], sizeof(table.rawnames[i]));
	for (k = 0; k < NNAMES; k++) {
		struct sr_sysent *e = &table.ents[sr_sysnames[k].nr];
		const struct sr_sysent *row = syscalls__row_named(sr_sysnames[k].name);

		if (row) {
			*e = *row;
			e->raw = false;
		} else {
			/* A syscall the table has no row for: named, arguments raw. */
			e->name = sr_sysnames[k].name;
			e->unnamed = false;
		}
		e->nr = sr_sysnames[k].nr;
		syscalls__finish(e);
	}
	index_names();
	return commands__init(table.ents, n);
}

const struct sr_sysent *syscalls__select(const struct sr_sysent *e, const uint64_t *args)
{
	uint32_t v;

	if (!e->subs)
		return e;
	v = (uint32_t)args[e->sel_arg % SR_NARGS];
	return v < e->nsubs && e->subs[v].name ? &e->subs[v] : e;
}

const char *syscalls__arg_name(const struct sr_sysent *e, int i)
{
	static const char *const generic[SR_NARGS] = { "arg1", "arg2", "arg3",
						       "arg4", "arg5", "arg6" };

	if (i < 0 || i >= SR_NARGS)
		return "";
	if (e->raw || !e->argnames[i])
		return generic[i];
	return e->argnames[i];
}

const struct sr_sysent *syscalls__get(int nr)
{
	if (nr >= 0 && nr < table.n)
		return &table.ents[nr];
	/* Out of range (x32 numbers, -1): a raw entry, rebuilt per call. */
	syscalls__make_raw(&table.oob, nr, table.oobname, sizeof(table.oobname));
	return &table.oob;
}

bool syscalls__is_transient(const struct sr_sysent *e)
{
	return e == &table.oob || e == &table.oob_compat;
}

const struct sr_sysent *syscalls__undecoded(int nr)
{
	struct sr_sysent *e;
	int i;

	if (nr < 0 || nr >= table.n)
		return syscalls__get(nr);
	if (!table.undecoded && !(table.undecoded = calloc(table.n, sizeof(*table.undecoded))))
		return syscalls__get(nr);
	e = &table.undecoded[nr];
	if (e->name)
		return e;
	/* strace -e raw=: the same arguments, in hex; a success in hex too */
	*e = table.ents[nr];
	for (i = 0; i < SR_NARGS; i++)
		e->args[i] = (struct sr_argdesc){ .type = SR_T_HEX };
	e->split = e->nargs;
	e->dec = NULL;
	e->subs = NULL;
	if (e->ret != SR_R_NONE)
		e->ret = SR_R_HEX;
	e->raw = true;
	return e;
}

const struct sr_sysent *syscalls__get_compat(int nr)
{
	size_t i;

	if (!table.compat) {
		table.compat = calloc(SR_NR_MAX, sizeof(*table.compat));
		if (!table.compat)
			goto raw;
		for (i = 0; i < SR_NR_MAX; i++) {
			syscalls__make_raw(&table.compat[i], i, table.rawnames[i],
					   sizeof(table.rawnames[i]));
			table.compat[i].ia32 = true;
		}
		for (i = 0; sr_sysnames32[i].name; i++)
			if (sr_sysnames32[i].nr >= 0 && sr_sysnames32[i].nr < SR_NR_MAX)
				syscalls32__fill(&table.compat[sr_sysnames32[i].nr],
						 sr_sysnames32[i].name);
	}
	if (nr >= 0 && nr < SR_NR_MAX)
		return &table.compat[nr];
raw:
	syscalls__make_raw(&table.oob_compat, nr, table.oobname_compat,
			   sizeof(table.oobname_compat));
	table.oob_compat.ia32 = true;
	return &table.oob_compat;
}

const struct sr_sysent *syscalls__by_name(const char *name)
{
	int i;

	if (table.by_name)
		return find_named(table.by_name, table.n, name);
	for (i = 0; i < table.n; i++)
		if (!strcmp(table.ents[i].name, name))
			return &table.ents[i];
	return NULL;
}

int syscalls__count(void)
{
	return table.n;
}

const struct sr_sysent *syscalls__row(size_t i)
{
	return i < NROWS ? &rows[i] : NULL;
}

int syscalls__cloexec_arg(const struct sr_sysent *e)
{
	int i;

	for (i = 0; i < e->nargs && i < SR_NARGS; i++)
		if (e->args[i].cloexec)
			return i;
	return -1;
}

bool syscalls__changes_fds(const struct sr_sysent *e)
{
	return SR_FDACT(e) != SR_FD_NONE || (e->flags & (SR_F_EXEC | SR_F_SOCK));
}
