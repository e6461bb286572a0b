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
#include "table/syscalls.h"

struct sr_sysname {
	int nr;
	const char *name;
};

#include "syscall_names.h"
#include "argnames.h"

/* Row macros: see the comment at the top of syscalls.def. */
#define TD     SR_C_DESC
#define TF     SR_C_FILE
#define TN     SR_C_NET
#define TP     SR_C_PROC
#define TS     SR_C_SIGNAL
#define TI     SR_C_IPC
#define TM     SR_C_MEM
#define TC     SR_C_CREDS
#define TCL    SR_C_CLOCK
#define TST    SR_C_STAT
#define TLST   SR_C_LSTAT
#define TFST   SR_C_FSTAT
#define TSFA   SR_C_STATFS
#define TFSFA  SR_C_FSTATFS
#define PU     SR_C_PURE
#define SL     SR_C_STAT_LIKE
#define SFL    SR_C_STATFS_LIKE
#define NB     SR_F_NB
#define FORK   SR_F_FORK
#define EXEC   SR_F_EXEC
#define SOCK   SR_F_SOCK
#define CXALL  SR_F_CXALL
#define REGS   SR_F_REGS
#define REAPSI SR_F_REAPSI
#define FDA(a) ((uint64_t)SR_FD_##a << SR_FD_SHIFT)

#define ARG(n) SR_L_ARG(n)
#define PTR(n) SR_L_PTR(n)
#define MIN(n) SR_L_MIN(n)
#define RET    SR_L_RET

#define CX(bit) .cloexec = (bit)
#define LATE    .flags = SR_AF_LATE

/* The optional last parameter of a flags word is its CX(bit). */
#define SR_ARG_INT()		   .type = SR_T_INT
#define SR_ARG_UINT()		   .type = SR_T_UINT
#define SR_ARG_LONG()		   .type = SR_T_LONG
#define SR_ARG_ULONG()		   .type = SR_T_ULONG
#define SR_ARG_HEX(...)		   .type = SR_T_HEX, ##__VA_ARGS__
#define SR_ARG_HEX32(...)	   .type = SR_T_HEX, .flags = SR_AF_W32, ##__VA_ARGS__
#define SR_ARG_PTR()		   .type = SR_T_PTR
#define SR_ARG_FD()		   .type = SR_T_FD
#define SR_ARG_DIRFD()		   .type = SR_T_DIRFD
#define SR_ARG_DIRFD_OR(x)	   .type = SR_T_DIRFD, .xlat = &xlat_##x
#define SR_ARG_SIZE()		   .type = SR_T_SIZE
#define SR_ARG_OFF()		   .type = SR_T_OFF
#define SR_ARG_MODE()		   .type = SR_T_MODE
#define SR_ARG_UID()		   .type = SR_T_UID
#define SR_ARG_PID()		   .type = SR_T_PID
#define SR_ARG_SIGNUM()		   .type = SR_T_SIGNUM
#define SR_ARG_SKIP()		   .type = SR_T_SKIP
#define SR_ARG_FLAGS(x, ...)	   .type = SR_T_FLAGS, .xlat = &xlat_##x, ##__VA_ARGS__
#define SR_ARG_FLAGS64(x, ...)	   SR_ARG_FLAGS(x, ##__VA_ARGS__), .flags = SR_AF_W64
#define SR_ARG_ENUM(x)		   .type = SR_T_ENUM, .xlat = &xlat_##x
#define SR_ARG_ENUM64(x)	   SR_ARG_ENUM(x), .flags = SR_AF_W64
#define SR_ARG_PATH()		   .type = SR_T_PATH
#define SR_ARG_PATH_NOFILE()	   .type = SR_T_PATH, .flags = SR_AF_NOFILE
#define SR_ARG_STR()		   .type = SR_T_STR
#define SR_ARG_PATH_OUT(l)	   .type = SR_T_PATH_OUT, .len = l
#define SR_ARG_BUF_IN(l)	   .type = SR_T_BUF_IN, .len = l
#define SR_ARG_BUF_OUT(l)	   .type = SR_T_BUF_OUT, .len = l
#define SR_ARG_BUF_OUT_HEX(l)	   .type = SR_T_BUF_OUT, .len = l, .flags = SR_AF_HEX
#define SR_ARG_SOCKBUF_IN(l)	   .type = SR_T_BUF_IN, .len = l, .flags = SR_AF_SOCKBUF
#define SR_ARG_SOCKBUF_OUT(l)	   .type = SR_T_BUF_OUT, .len = l, .flags = SR_AF_SOCKBUF
#define SR_ARG_STRUCT_IN(k, ...)   .type = SR_T_STRUCT_IN, .kind = &sr_kind_##k, ##__VA_ARGS__
#define SR_ARG_STRUCT_OUT(k)	   .type = SR_T_STRUCT_OUT, .kind = &sr_kind_##k
#define SR_ARG_STRUCT_INOUT(k)	   .type = SR_T_STRUCT_INOUT, .kind = &sr_kind_##k
#define SR_ARG_ARRAY_IN(k, l)	   SR_ARG_STRUCT_IN(k), .len = l
#define SR_ARG_ARRAY_OUT(k, l)	   SR_ARG_STRUCT_OUT(k), .len = l
#define SR_ARG_ARRAY_INOUT(k, l)   SR_ARG_STRUCT_INOUT(k), .len = l
#define SR_ARG_SIZED_IN(k, l, ...) SR_ARG_STRUCT_IN(k, ##__VA_ARGS__), .len = l
#define SR_ARG_SIZED_OUT(k, l)	   SR_ARG_STRUCT_OUT(k), .len = l
#define SR_ARG_ARGV()		   .type = SR_T_ARGV
#define SR_ARG_ENVP()		   .type = SR_T_ENVP
#define SR_ARG_IOV_IN(l)	   .type = SR_T_IOV_IN, .len = l
#define SR_ARG_IOV_OUT(l)	   .type = SR_T_IOV_OUT, .len = l
#define SR_ARG_IOV_ADDR(l)	   .type = SR_T_IOV_IN, .len = l, .flags = SR_AF_IOV_ADDR
#define SR_ARG_CUSTOM(d, ...)	   .type = SR_T_CUSTOM, .dec = &sr_dec_##d, ##__VA_ARGS__

#define A(t, ...)                       \
	{                               \
		SR_ARG_##t(__VA_ARGS__) \
	}
#define SR_NARGS_OF(...) \
	(sizeof((struct sr_argdesc[]){ { 0 }, ##__VA_ARGS__ }) / sizeof(struct sr_argdesc) - 1)
#define SC(nm, fl, r, ...)                   \
	{ .name = #nm,                       \
	  .nr = -1,                          \
	  .ret = SR_R_##r,                   \
	  .flags = (fl),                     \
	  .nargs = SR_NARGS_OF(__VA_ARGS__), \
	  .args = { __VA_ARGS__ },           \
	  .argnames = { SR_ARGN_##nm } },
#define SCX(nm, fl, r, d, ...)               \
	{ .name = #nm,                       \
	  .nr = -1,                          \
	  .ret = SR_R_##r,                   \
	  .flags = (fl),                     \
	  .nargs = SR_NARGS_OF(__VA_ARGS__), \
	  .args = { __VA_ARGS__ },           \
	  .argnames = { SR_ARGN_##nm },      \
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
};

static struct sr_systable table;

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

static void finish_entry(struct sr_sysent *e)
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

static void make_raw(struct sr_sysent *e, int nr, char *namebuf, size_t len)
{
	int i;

	snprintf(namebuf, len, "syscall_%#x", (unsigned int)nr);
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

static const struct sr_sysent *row_by_name(const char *name)
{
	size_t i;

	for (i = 0; i < NROWS; i++)
		if (!strcmp(rows[i].name, name))
			return &rows[i];
	return NULL;
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
		make_raw(&table.ents[i], i, table.rawnames[i], sizeof(table.rawnames[i]));
	for (k = 0; k < NNAMES; k++) {
		struct sr_sysent *e = &table.ents[sr_sysnames[k].nr];
		const struct sr_sysent *row = row_by_name(sr_sysnames[k].name);

		if (row) {
			*e = *row;
			e->raw = false;
		} else {
			/* A syscall the table has no row for: named, arguments raw. */
			e->name = sr_sysnames[k].name;
			e->unnamed = false;
		}
		e->nr = sr_sysnames[k].nr;
		finish_entry(e);
	}
	return 0;
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
	make_raw(&table.oob, nr, table.oobname, sizeof(table.oobname));
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
		for (i = 0; i < SR_NR_MAX; i++)
			make_raw(&table.compat[i], i, table.rawnames[i], sizeof(table.rawnames[i]));
		for (i = 0; sr_sysnames32[i].name; i++)
			if (sr_sysnames32[i].nr >= 0 && sr_sysnames32[i].nr < SR_NR_MAX)
				table.compat[sr_sysnames32[i].nr].name = sr_sysnames32[i].name;
	}
	if (nr >= 0 && nr < SR_NR_MAX)
		return &table.compat[nr];
raw:
	make_raw(&table.oob_compat, nr, table.oobname_compat, sizeof(table.oobname_compat));
	return &table.oob_compat;
}

const struct sr_sysent *syscalls__by_name(const char *name)
{
	int i;

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
