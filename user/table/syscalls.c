// SPDX-License-Identifier: GPL-2.0
/*
 * The syscall table, built once from the generated name list (numbers from
 * the UAPI headers) and the rows of include/sysray/syscalls.def, and the one
 * place where argument types turn into BPF capture plans.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decode/decode.h"
#include "cli/opts.h"
#include "table/syscalls.h"

struct sr_sysname {
	int nr;
	const char *name;
};

#include "syscall_names.h"

/* Row macros: see the comment at the top of syscalls.def. */
#define TD    SR_C_DESC
#define TF    SR_C_FILE
#define TN    SR_C_NET
#define TP    SR_C_PROC
#define TS    SR_C_SIGNAL
#define TI    SR_C_IPC
#define TM    SR_C_MEM
#define TC    SR_C_CREDS
#define TCL   SR_C_CLOCK
#define TST   SR_C_STAT
#define TLST  SR_C_LSTAT
#define TFST  SR_C_FSTAT
#define TSFA  SR_C_STATFS
#define TFSFA SR_C_FSTATFS
#define PU    SR_C_PURE
#define SL    SR_C_STAT_LIKE
#define SFL   SR_C_STATFS_LIKE

#define ARG(n) SR_L_ARG(n)
#define PTR(n) SR_L_PTR(n)
#define MIN(n) SR_L_MIN(n)
#define RET    SR_L_RET

#define SR_ARG_INT()		 .type = SR_T_INT
#define SR_ARG_UINT()		 .type = SR_T_UINT
#define SR_ARG_LONG()		 .type = SR_T_LONG
#define SR_ARG_ULONG()		 .type = SR_T_ULONG
#define SR_ARG_HEX()		 .type = SR_T_HEX
#define SR_ARG_PTR()		 .type = SR_T_PTR
#define SR_ARG_FD()		 .type = SR_T_FD
#define SR_ARG_DIRFD()		 .type = SR_T_DIRFD
#define SR_ARG_SIZE()		 .type = SR_T_SIZE
#define SR_ARG_OFF()		 .type = SR_T_OFF
#define SR_ARG_MODE()		 .type = SR_T_MODE
#define SR_ARG_UID()		 .type = SR_T_UID
#define SR_ARG_PID()		 .type = SR_T_PID
#define SR_ARG_SIGNUM()		 .type = SR_T_SIGNUM
#define SR_ARG_SKIP()		 .type = SR_T_SKIP
#define SR_ARG_FLAGS(x)		 .type = SR_T_FLAGS, .xlat = &xlat_##x
#define SR_ARG_ENUM(x)		 .type = SR_T_ENUM, .xlat = &xlat_##x
#define SR_ARG_PATH()		 .type = SR_T_PATH
#define SR_ARG_STR()		 .type = SR_T_STR
#define SR_ARG_PATH_OUT(l)	 .type = SR_T_PATH_OUT, .len = l
#define SR_ARG_BUF_IN(l)	 .type = SR_T_BUF_IN, .len = l
#define SR_ARG_BUF_OUT(l)	 .type = SR_T_BUF_OUT, .len = l
#define SR_ARG_BUF_OUT_HEX(l)	 .type = SR_T_BUF_OUT, .len = l, .flags = SR_AF_HEX
#define SR_ARG_STRUCT_IN(k)	 .type = SR_T_STRUCT_IN, .kind = &sr_kind_##k
#define SR_ARG_STRUCT_OUT(k)	 .type = SR_T_STRUCT_OUT, .kind = &sr_kind_##k
#define SR_ARG_STRUCT_INOUT(k)	 .type = SR_T_STRUCT_INOUT, .kind = &sr_kind_##k
#define SR_ARG_ARRAY_IN(k, l)	 SR_ARG_STRUCT_IN(k), .len = l
#define SR_ARG_ARRAY_OUT(k, l)	 SR_ARG_STRUCT_OUT(k), .len = l
#define SR_ARG_ARRAY_INOUT(k, l) SR_ARG_STRUCT_INOUT(k), .len = l
#define SR_ARG_SIZED_IN(k, l)	 SR_ARG_STRUCT_IN(k), .len = l
#define SR_ARG_SIZED_OUT(k, l)	 SR_ARG_STRUCT_OUT(k), .len = l
#define SR_ARG_ARGV()		 .type = SR_T_ARGV
#define SR_ARG_ENVP()		 .type = SR_T_ENVP
#define SR_ARG_IOV_IN(l)	 .type = SR_T_IOV_IN, .len = l
#define SR_ARG_IOV_OUT(l)	 .type = SR_T_IOV_OUT, .len = l
#define SR_ARG_CUSTOM(d)	 .type = SR_T_CUSTOM, .dec = &sr_dec_##d

#define A(t, ...)                       \
	{                               \
		SR_ARG_##t(__VA_ARGS__) \
	}
#define SR_NARGS_OF(...) \
	(sizeof((struct sr_argdesc[]){ { 0 }, ##__VA_ARGS__ }) / sizeof(struct sr_argdesc) - 1)
#define SC(nm, cls, r, ...)                  \
	{ .name = #nm,                       \
	  .nr = -1,                          \
	  .ret = SR_R_##r,                   \
	  .classes = (cls),                  \
	  .nargs = SR_NARGS_OF(__VA_ARGS__), \
	  .args = { __VA_ARGS__ } },
#define SCX(nm, cls, r, d, ...)              \
	{ .name = #nm,                       \
	  .nr = -1,                          \
	  .ret = SR_R_##r,                   \
	  .classes = (cls),                  \
	  .nargs = SR_NARGS_OF(__VA_ARGS__), \
	  .args = { __VA_ARGS__ },           \
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
		}
		e->nr = sr_sysnames[k].nr;
		finish_entry(e);
	}
	return 0;
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

/* Capture cap for strings and buffers shown with -s N. */
static uint16_t str_cap(const struct sr_opts *o, int extra)
{
	long cap = (long)o->strsize + extra;

	if (cap < 1)
		cap = 1;
	return cap > SR_BLOB_MAX ? SR_BLOB_MAX : cap;
}

static void plan_len(struct sr_plan_arg *pa, uint8_t len)
{
	switch (SR_L_KIND(len)) {
	case SR_L_ARG(0):
		pa->len_src = SR_LEN_ARG;
		break;
	case SR_L_PTR(0):
		pa->len_src = SR_LEN_PTR32;
		break;
	case SR_L_RET:
		pa->len_src = SR_LEN_RET;
		break;
	case SR_L_MIN(0):
		pa->len_src = SR_LEN_MIN_ARG_RET;
		break;
	default:
		pa->len_src = SR_LEN_FIXED;
		break;
	}
	pa->len_arg = SR_L_IDX(len);
}

static void plan_struct(const struct sr_argdesc *a, const struct sr_opts *o, struct sr_plan_arg *pa)
{
	const struct sr_kind *k = a->kind;
	uint32_t cap;

	pa->how = SR_HOW_BUF;
	if (a->len == SR_L_NONE) {
		pa->len_src = SR_LEN_FIXED;
		pa->elem = k->size;
		cap = k->size;
	} else if (k->size) {
		/* An array: one element more than -s shows tells "..." apart. */
		plan_len(pa, a->len);
		pa->elem = k->size;
		cap = (uint32_t)k->size * (o->strsize + 1);
	} else {
		plan_len(pa, a->len);
		pa->elem = 1;
		cap = k->max;
	}
	pa->cap = cap > SR_BLOB_MAX ? SR_BLOB_MAX : cap;
	/* Entry copies that fault are read again at exit (SR_CAP_RETRY). */
	switch (a->type) {
	case SR_T_STRUCT_IN:
		pa->when = SR_CAP_ENTER | SR_CAP_RETRY;
		break;
	case SR_T_STRUCT_OUT:
		pa->when = SR_CAP_EXIT;
		break;
	default:
		pa->when = SR_CAP_ENTER | SR_CAP_RETRY | SR_CAP_EXIT;
		break;
	}
	if (a->flags & SR_AF_ANYRET)
		pa->when |= SR_CAP_ANYRET;
}

static void plan_arg(const struct sr_sysent *e, int i, const struct sr_opts *o,
		     struct sr_plan_arg *pa)
{
	const struct sr_argdesc *a = &e->args[i];

	memset(pa, 0, sizeof(*pa));
	switch (a->type) {
	case SR_T_PATH:
		pa->when = SR_CAP_ENTER | SR_CAP_RETRY;
		pa->how = SR_HOW_STR;
		pa->cap = SR_BLOB_MAX;
		break;
	case SR_T_STR:
		/* Two more than shown: the NUL, and one byte to know there is more. */
		pa->when = SR_CAP_ENTER | SR_CAP_RETRY;
		pa->how = SR_HOW_STR;
		pa->cap = str_cap(o, 2);
		break;
	case SR_T_BUF_IN:
	case SR_T_BUF_OUT:
		pa->when = a->type == SR_T_BUF_IN ? SR_CAP_ENTER | SR_CAP_RETRY : SR_CAP_EXIT;
		pa->how = SR_HOW_BUF;
		plan_len(pa, a->len);
		pa->elem = 1;
		pa->cap = str_cap(o, 0);
		break;
	case SR_T_PATH_OUT:
		pa->when = SR_CAP_EXIT;
		pa->how = SR_HOW_BUF;
		plan_len(pa, a->len);
		pa->elem = 1;
		pa->cap = SR_BLOB_MAX;
		break;
	case SR_T_STRUCT_IN:
	case SR_T_STRUCT_OUT:
	case SR_T_STRUCT_INOUT:
		plan_struct(a, o, pa);
		break;
	case SR_T_ARGV:
		/* after a successful execve, a retry reads the new image's copy */
		pa->when = SR_CAP_ENTER | SR_CAP_RETRY;
		pa->how = SR_HOW_STRV;
		pa->cap = str_cap(o, 2);
		break;
	case SR_T_ENVP:
		pa->when = SR_CAP_ENTER;
		pa->how = o->verbose ? SR_HOW_STRV : SR_HOW_STRV_COUNT;
		pa->cap = str_cap(o, 2);
		break;
	case SR_T_IOV_IN:
	case SR_T_IOV_OUT:
		pa->when = a->type == SR_T_IOV_IN ? SR_CAP_ENTER | SR_CAP_RETRY : SR_CAP_EXIT;
		pa->how = SR_HOW_IOV;
		pa->len_src = SR_LEN_ARG;
		pa->len_arg = SR_L_IDX(a->len);
		pa->elem = 16; /* sizeof(struct iovec) */
		pa->cap = str_cap(o, 0);
		break;
	case SR_T_CUSTOM:
		if (a->dec->plan)
			a->dec->plan(e, i, o, pa);
		break;
	default:
		break; /* scalars: the register value is all there is */
	}
}

/*
 * Calls that never wait for I/O or for another process: printed whole at
 * exit from one record, which halves their cost. Anything that can wait
 * keeps its entry record, so a stuck call shows at once, unfinished. Path
 * lookups (stat, access, readlink, chdir) and anything that may close a
 * file (close, dup2) are left out: on NFS or FUSE they can hang for as long
 * as the server does, and that is exactly the call an operator looks for.
 * So are lseek (SEEK_DATA/SEEK_HOLE ask the server) and madvise (populating
 * pages faults them in). Calls that read inputs at entry (rt_sigaction,
 * prlimit64...) keep their entry record anyway (sr_plan_whole()).
 */
static bool never_blocks(const char *name)
{
	static const char names[] =
		" getpid getppid gettid getuid getgid geteuid getegid getpgrp"
		" getpgid getsid getresuid getresgid getgroups umask brk mmap"
		" munmap mprotect mremap dup getcwd uname arch_prctl"
		" set_tid_address set_robust_list get_robust_list rseq"
		" getrlimit getrusage sysinfo times time clock_gettime"
		" clock_getres gettimeofday sched_getaffinity sched_yield getcpu"
		" pipe pipe2 socket socketpair eventfd2 epoll_create1"
		" timerfd_create kill tgkill tkill pidfd_open ";
	size_t n = strlen(name);
	const char *p;

	if (!n)
		return false;
	for (p = strstr(names, name); p; p = strstr(p + 1, name))
		if (p[-1] == ' ' && p[n] == ' ')
			return true;
	return false;
}

bool syscalls__is_fork(const struct sr_sysent *e)
{
	return !strcmp(e->name, "clone") || !strcmp(e->name, "clone3") ||
	       !strcmp(e->name, "fork") || !strcmp(e->name, "vfork");
}

/* Syscalls that change what a socket's addresses are, for -yy. */
static bool changes_socket(const char *name)
{
	static const char *const names[] = {
		"connect",  "bind",	   "listen",	  "sendto",   "sendmsg",
		"sendmmsg", "getsockname", "getpeername", "shutdown",
	};
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (!strcmp(names[i], name))
			return true;
	return false;
}

/* -y, -yy: ask the kernel side to describe the fds a call creates or changes. */
static void plan_fdinfo(const struct sr_sysent *e, const struct sr_opts *o, struct sr_plan *plan)
{
	/* --absolute-paths needs the paths of dirfds too */
	if (!o->decode_fds && !o->absolute_paths)
		return;
	if (e->ret == SR_R_FD)
		plan->flags |= SR_PLAN_FDI_RET;
	if (!strcmp(e->name, "pipe") || !strcmp(e->name, "pipe2")) {
		plan->flags |= SR_PLAN_FDI_PAIR;
		plan->fdi_arg = 0;
	} else if (!strcmp(e->name, "socketpair")) {
		plan->flags |= SR_PLAN_FDI_PAIR;
		plan->fdi_arg = 3;
	}
	if (o->decode_fds > 1 && changes_socket(e->name))
		plan->flags |= SR_PLAN_FDI_ARG0;
	/* an fd open again at close's exit: another thread's open took the number */
	if (!strcmp(e->name, "close"))
		plan->flags |= SR_PLAN_FDI_ARG0;
}

void syscalls__plan(const struct sr_sysent *e, const struct sr_opts *o, struct sr_plan *plan)
{
	int i;

	memset(plan, 0, sizeof(*plan));
	plan->nargs = e->nargs;
	for (i = 0; i < e->nargs && i < SR_NARGS; i++)
		plan_arg(e, i, o, &plan->a[i]);
	if (e->dec && e->dec->plan)
		e->dec->plan(e, o, plan);
	for (i = 0; i < SR_NARGS; i++) {
		if (plan->a[i].when & SR_CAP_ENTER)
			plan->flags |= SR_PLAN_HAS_ENTER;
		if (plan->a[i].when & SR_CAP_EXIT)
			plan->flags |= SR_PLAN_HAS_EXIT;
	}
	if (!strcmp(e->name, "execve") || !strcmp(e->name, "execveat"))
		plan->flags |= SR_PLAN_EXEC;
	else if (syscalls__is_fork(e))
		plan->flags |= SR_PLAN_FORK;
	else if (!(plan->flags & SR_PLAN_HAS_ENTER) && never_blocks(e->name))
		plan->flags |= SR_PLAN_AT_EXIT; /* inputs are still copied at entry */
	plan_fdinfo(e, o, plan);
}
