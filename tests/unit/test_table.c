// SPDX-License-Identifier: GPL-2.0
/* The syscall table: every row is well-formed and every type can print. */
#include <stdio.h>
#include <string.h>
#include <linux/keyctl.h>

#include "decode/decode.h"
#include "cli/opts.h"
#include "table/syscalls.h"
#include "table/plan.h"
#include "cli/filter.h"
#include "test.h"

static bool needs_len(uint8_t t)
{
	return t == SR_T_BUF_IN || t == SR_T_BUF_OUT || t == SR_T_IOV_IN || t == SR_T_IOV_OUT ||
	       t == SR_T_PATH_OUT;
}

/* One row: arity, length references, and a printer for every argument. */
static int check_row(const struct sr_sysent *e)
{
	int i, bad = 0;

	if (e->nargs > SR_NARGS)
		return 1;
	for (i = 0; i < e->nargs; i++) {
		const struct sr_argdesc *a = &e->args[i];
		int ref = SR_L_IDX(a->len);

		if (a->type == SR_T_NONE || a->type >= SR_T_MAX)
			bad++;
		if (SR_L_KIND(a->len) != SR_L_NONE && SR_L_KIND(a->len) != SR_L_RET &&
		    (ref >= e->nargs || ref == i))
			bad++;
		if (needs_len(a->type) && a->len == SR_L_NONE)
			bad++;
		if ((a->type == SR_T_FLAGS || a->type == SR_T_ENUM) && (!a->xlat || !a->xlat->n))
			bad++;
		if ((a->type == SR_T_STRUCT_IN || a->type == SR_T_STRUCT_OUT ||
		     a->type == SR_T_STRUCT_INOUT) &&
		    (!a->kind || !a->kind->print || (!a->kind->size && !a->kind->max)))
			bad++;
		if (a->type == SR_T_CUSTOM && (!a->dec || !a->dec->print))
			bad++;
	}
	if (e->dec && !e->dec->enter)
		bad++;
	if (bad)
		fprintf(stderr, "  bad row: %s\n", e->name);
	return bad;
}

/* Command @i of all the calls' rows by command (commands.def), or NULL past the last. */
static const struct sr_sysent *command_row(size_t i)
{
	const struct sr_sysent *e;
	int nr;
	uint16_t v;

	for (nr = 0; nr < syscalls__count(); nr++) {
		e = syscalls__get(nr);
		for (v = 0; v < e->nsubs; v++)
			if (e->subs[v].name && !i--)
				return &e->subs[v];
	}
	return NULL;
}

static void rows_well_formed(struct t_state *st)
{
	const struct sr_sysent *e;
	size_t i, k;
	int bad = 0;

	for (i = 0; (e = syscalls__row(i)); i++)
		bad += check_row(e);
	for (k = 0; (e = command_row(k)); k++)
		bad += check_row(e);
	CHECK(st, bad == 0);
	CHECK(st, i > 300);
	CHECK(st, k > 30);
}

/* Every syscall the UAPI headers name has a row; every row names a syscall. */
static void rows_cover_uapi(struct t_state *st)
{
	const struct sr_sysent *e;
	int nr, missing = 0, unknown = 0;
	size_t i;

	for (nr = 0; nr < syscalls__count(); nr++) {
		e = syscalls__get(nr);
		if (e->raw && strncmp(e->name, "syscall_", 8)) {
			fprintf(stderr, "  no row for %s\n", e->name);
			missing++;
		}
	}
	for (i = 0; (e = syscalls__row(i)); i++) {
		if (!syscalls__by_name(e->name)) {
			fprintf(stderr, "  row %s names no syscall of this architecture\n",
				e->name);
			unknown++;
		}
	}
	CHECK(st, missing == 0);
	CHECK(st, unknown == 0);
}

static void lookup(struct t_state *st)
{
	const struct sr_sysent *e = syscalls__get(257);

	CHECK_STR(st, e->name, "openat");
	CHECK(st, e->nargs == 4 && e->split == 4);
	e = syscalls__by_name("read");
	CHECK(st, e && e->nr == 0 && e->split == 1);
	CHECK_STR(st, syscalls__get(0x1c3)->name, "syscall_0x1c3");
	CHECK_STR(st, syscalls__get(-1)->name, "syscall_0xffffffff");
	CHECK(st, syscalls__get(100000)->nargs == 6);
}

static void plans(struct t_state *st)
{
	struct sr_opts o = { .strsize = 32 };
	struct sr_plan p;

	plan__syscall(syscalls__by_name("read"), &o, &p);
	CHECK(st, p.flags & SR_PLAN_HAS_EXIT);
	CHECK(st, !(p.flags & SR_PLAN_HAS_ENTER));
	CHECK(st, p.a[1].when == SR_CAP_EXIT && p.a[1].len_src == SR_LEN_RET && p.a[1].cap == 33);
	/* -s and one more byte, as strace's printstr reads; sethostname's name alike */
	plan__syscall(syscalls__by_name("sethostname"), &o, &p);
	CHECK(st, p.a[0].how == SR_HOW_BUF && p.a[0].len_src == SR_LEN_ARG && p.a[0].len_arg == 1);
	CHECK(st, p.a[0].cap == 33 && (p.a[0].when & SR_CAP_LEN32));
	plan__syscall(syscalls__by_name("openat"), &o, &p);
	CHECK(st, p.a[1].how == SR_HOW_STR && p.a[1].cap == SR_BLOB_MAX + 1);
	CHECK(st, p.a[1].when == (SR_CAP_ENTER | SR_CAP_RETRY));
	plan__syscall(syscalls__by_name("write"), &o, &p);
	CHECK(st, p.a[1].len_src == SR_LEN_ARG && p.a[1].len_arg == 2);
	plan__syscall(syscalls__by_name("execve"), &o, &p);
	CHECK(st, p.flags & SR_PLAN_EXEC);
	CHECK(st, p.a[1].how == SR_HOW_STRV && p.a[2].how == SR_HOW_STRV_COUNT);
	plan__syscall(syscalls__by_name("getpid"), &o, &p);
	CHECK(st, !(p.flags & (SR_PLAN_HAS_ENTER | SR_PLAN_HAS_EXIT)));
	CHECK(st, p.flags & SR_PLAN_AT_EXIT);
	plan__syscall(syscalls__by_name("time"), &o, &p);
	CHECK(st, p.flags & SR_PLAN_AT_EXIT);
	/* may wait: keep the entry record so a stuck call shows */
	plan__syscall(syscalls__by_name("timerfd_settime"), &o, &p);
	CHECK(st, !(p.flags & SR_PLAN_AT_EXIT));
	plan__syscall(syscalls__by_name("newfstatat"), &o, &p);
	CHECK(st, !(p.flags & SR_PLAN_AT_EXIT));
	plan__syscall(syscalls__by_name("close"), &o, &p);
	CHECK(st, !(p.flags & SR_PLAN_AT_EXIT));
	plan__syscall(syscalls__by_name("read"), &o, &p);
	CHECK(st, !(p.flags & SR_PLAN_AT_EXIT));
	/* SEEK_DATA/SEEK_HOLE ask an NFS or FUSE server */
	plan__syscall(syscalls__by_name("lseek"), &o, &p);
	CHECK(st, !(p.flags & SR_PLAN_AT_EXIT));
	/* -y: close's fd described at its exit, in case another thread reopened it */
	plan__syscall(syscalls__by_name("close"), &o, &p);
	CHECK(st, !(p.flags & SR_PLAN_FDI_ARG0));
	o.decode_fds = 1;
	plan__syscall(syscalls__by_name("close"), &o, &p);
	CHECK(st, p.flags & SR_PLAN_FDI_ARG0);
	o.decode_fds = 0;
	/* cannot wait, but its new action is an input: read it at entry */
	plan__syscall(syscalls__by_name("rt_sigaction"), &o, &p);
	CHECK(st, !(p.flags & SR_PLAN_AT_EXIT) && (p.flags & SR_PLAN_HAS_ENTER));
}

static void select_nr(uint8_t *sel, const char *name)
{
	int nr = syscalls__by_name(name)->nr;

	sel[nr / 8] |= 1u << (nr % 8);
}

/* The i386 number of @name, or -1 (the compat entries are all there is to go by). */
static int nr32(const char *name)
{
	int nr;

	for (nr = 0; nr < SR_NR_MAX; nr++)
		if (!strcmp(syscalls__get_compat(nr)->name, name))
			return nr;
	return -1;
}

/*
 * ia32 entries: the namesake's row, adapted; layouts sysray does not know
 * for ia32 as addresses; i386's own rows; the plans read 4-byte pointers.
 */
static void ia32_entries(struct t_state *st)
{
	static struct sr_opts o = { .strsize = 32 };
	const char *name, *twin;
	const struct sr_sysent *e;
	struct sr_plan p;
	size_t i;

	e = syscalls__get_compat(nr32("openat"));
	CHECK(st, e->ia32 && !e->raw && e->args[1].type == SR_T_PATH);
	/* struct old_timespec32 is not struct timespec: its own kind, half the size */
	e = syscalls__get_compat(nr32("nanosleep"));
	CHECK(st, e->ia32 && e->args[0].type == SR_T_STRUCT_IN &&
			  e->args[0].kind == sr_kind_timespec.kind32 &&
			  e->args[0].kind->size * 2 == sr_kind_timespec.size);
	/* prlimit64's struct rlimit64 is the same, getrlimit's struct rlimit is not */
	e = syscalls__get_compat(nr32("prlimit64"));
	CHECK(st, e->args[3].kind == &sr_kind_rlimit64);
	e = syscalls__get_compat(nr32("ugetrlimit"));
	CHECK(st, e->args[1].kind == sr_kind_rlimit.kind32 && e->args[1].kind->size == 8);
	/* clock_nanosleep_time64's is */
	e = syscalls__get_compat(nr32("clock_nanosleep_time64"));
	CHECK(st, e->args[2].type == SR_T_STRUCT_IN && e->args[2].kind == &sr_kind_timespec);
	e = syscalls__get_compat(nr32("fstat64"));
	CHECK(st, e->args[1].type == SR_T_STRUCT_OUT && e->args[1].kind == &sr_kind_stat64);
	/* i386's stat is the old struct stat: its address */
	e = syscalls__get_compat(nr32("stat"));
	CHECK(st, e->args[1].type == SR_T_PTR);
	/* a loff_t in two registers: never the x86_64 row */
	e = syscalls__get_compat(nr32("fallocate"));
	CHECK(st, e->raw && !strcmp(e->name, "fallocate"));
	e = syscalls__get_compat(nr32("preadv"));
	CHECK(st, e->args[3].type == SR_T_CUSTOM && e->args[4].type == SR_T_SKIP);
	e = syscalls__get_compat(nr32("getuid32"));
	CHECK(st, !e->raw && e->ret == syscalls__by_name("getuid")->ret);
	/* a msghdr's layout differs: its address */
	e = syscalls__get_compat(nr32("sendmsg"));
	CHECK(st, e->args[1].type == SR_T_PTR);
	/* every line of syscalls32.def names an i386 call, and its twin an x86_64 row */
	for (i = 0; (name = syscalls32__line(i, &twin)); i++) {
		CHECK(st, nr32(name) >= 0);
		CHECK(st, !twin || syscalls__row_named(twin));
	}
	plan__syscall(syscalls__get_compat(nr32("execve")), &o, &p);
	CHECK(st, p.a[1].how == SR_HOW_STRV && p.a[1].elem == 4);
	plan__syscall(syscalls__get_compat(nr32("writev")), &o, &p);
	CHECK(st, p.a[1].how == SR_HOW_IOV && p.a[1].elem == 8);
	plan__syscall(syscalls__by_name("writev"), &o, &p);
	CHECK(st, p.a[1].elem == 16);
}

/* What the loader writes: traced, sent for the fd tables, undecoded, the -z/-Z mask. */
static void plans_built(struct t_state *st)
{
	static struct sr_opts o;
	static struct sr_plans p;
	const struct sr_plan *pl = p.plan;
	int close_nr = syscalls__by_name("close")->nr, getpid_nr = syscalls__by_name("getpid")->nr;
	int openat_nr = syscalls__by_name("openat")->nr;

	o.strsize = 32;
	o.status = SR_ST_ALL;
	o.trace_set = true;
	select_nr(o.trace_sel, "getpid");
	/* what -e trace=getpid selects over i386 numbers too */
	o.trace_sel32[nr32("getpid") / 8] |= 1u << (nr32("getpid") % 8);
	plan__build(&o, &p);
	CHECK(st, (pl[getpid_nr].flags & SR_PLAN_TRACED) && !(pl[close_nr].flags & SR_PLAN_TRACED));
	/* a number the table does not know is traced whatever -e trace= says, as strace does */
	CHECK(st, syscalls__get(SR_NR_MAX - 1)->unnamed &&
			  (pl[SR_NR_MAX - 1].flags & SR_PLAN_TRACED) &&
			  filter__traced(&o, SR_NR_MAX - 1) && !filter__traced(&o, close_nr));
	/* no -y: nothing is sent for the fd tables */
	CHECK(st, !(pl[close_nr].flags & SR_PLAN_TRACK));
	/* -1 (a restored rt_sigreturn) and x32 numbers: traced with rt_sigreturn */
	CHECK(st, !(pl[SR_PLAN_OOB].flags & SR_PLAN_TRACED));
	/* ia32 tasks: i386 getpid is traced (its number sends the hooks on), close is not */
	CHECK(st, (pl[SR_PLAN_KEY32(nr32("getpid"))].flags & SR_PLAN_TRACED) &&
			  (pl[nr32("getpid")].flags & SR_PLAN_COMPAT));
	CHECK(st, !(pl[SR_PLAN_KEY32(nr32("close"))].flags & SR_PLAN_TRACED) &&
			  !(pl[nr32("close")].flags & SR_PLAN_COMPAT));
	CHECK(st, p.status == 0);
	select_nr(o.trace_sel, "rt_sigreturn");
	o.decode_fds = 1;
	select_nr(o.raw_sel, "openat");
	o.status = SR_ST_FAILED;
	plan__build(&o, &p);
	CHECK(st, pl[SR_PLAN_OOB].flags & SR_PLAN_TRACED);
	CHECK(st, (pl[close_nr].flags & SR_PLAN_TRACK) && !(pl[getpid_nr].flags & SR_PLAN_TRACK));
	/* -e raw=openat: its path is not read */
	CHECK(st,
	      !(pl[openat_nr].flags & SR_PLAN_HAS_ENTER) && (pl[openat_nr].flags & SR_PLAN_TRACK));
	CHECK(st, p.status == SR_STATUS_FAIL);
}

/* Set while checking rows and plans broken on purpose. */
static bool quiet;

/* Report one broken invariant; returns 1, to be counted. */
static int broken(const char *name, int arg, const char *why)
{
	if (quiet)
		return 1;
	if (arg < 0)
		fprintf(stderr, "  %s: %s\n", name, why);
	else
		fprintf(stderr, "  %s, argument %d: %s\n", name, arg, why);
	return 1;
}

static bool is_struct(uint8_t t)
{
	return t == SR_T_STRUCT_IN || t == SR_T_STRUCT_OUT || t == SR_T_STRUCT_INOUT;
}

/* Types whose register value is a count of elements or bytes. */
static bool is_count(uint8_t t)
{
	return t == SR_T_INT || t == SR_T_UINT || t == SR_T_LONG || t == SR_T_ULONG ||
	       t == SR_T_SIZE;
}

/* Names are how -e trace=, the table rows and the number list find each other. */
static void names_unique(struct t_state *st)
{
	const struct sr_sysent *e, *f;
	int nr, m, bad = 0;
	size_t i, j;

	/* syscalls__init() copies the first row of a name: a second one is dead */
	for (i = 0; (e = syscalls__row(i)); i++)
		for (j = 0; j < i; j++)
			if (!strcmp(syscalls__row(j)->name, e->name))
				bad += broken(e->name, -1, "two rows");
	for (nr = 0; nr < syscalls__count(); nr++) {
		e = syscalls__get(nr);
		CHECK(st, e->nr == nr);
		if (!strncmp(e->name, "syscall_", 8))
			continue;
		/* the loader writes plans for [0, SR_NR_MAX) only: never traced */
		if (nr >= SR_NR_MAX)
			bad += broken(e->name, -1, "number beyond SR_NR_MAX");
		for (m = 0; m < nr; m++) {
			f = syscalls__get(m);
			if (!strcmp(f->name, e->name))
				bad += broken(e->name, -1, "two numbers");
		}
	}
	CHECK(st, bad == 0);
}

/* strace's classes, as -e trace=%class selects them. */
static int check_classes(const struct sr_sysent *e)
{
	const uint64_t c = e->flags & SR_C_ALL;
	int bad = 0;

	/* %%stat holds every stat-like call, %stat/%lstat/%fstat some of them */
	if ((c & (SR_C_STAT | SR_C_LSTAT | SR_C_FSTAT)) && !(c & SR_C_STAT_LIKE))
		bad += broken(e->name, -1, "%stat/%lstat/%fstat without %%stat");
	if ((c & (SR_C_STATFS | SR_C_FSTATFS)) && !(c & SR_C_STATFS_LIKE))
		bad += broken(e->name, -1, "%statfs/%fstatfs without %%statfs");
	/* the file they describe: by name, or by descriptor */
	if ((c & (SR_C_STAT | SR_C_LSTAT | SR_C_STATFS)) &&
	    (!e->nargs || e->args[0].type != SR_T_PATH))
		bad += broken(e->name, 0, "%stat/%lstat/%statfs but no path first");
	if ((c & (SR_C_FSTAT | SR_C_FSTATFS)) &&
	    (!e->nargs || (e->args[0].type != SR_T_FD && e->args[0].type != SR_T_DIRFD)))
		bad += broken(e->name, 0, "%fstat/%fstatfs but no fd first");
	/* %pure: no arguments, always succeeds */
	if ((c & SR_C_PURE) && (e->nargs || e->ret == SR_R_NONE))
		bad += broken(e->name, -1, "%pure with arguments, or never returns");
	return bad;
}

/* Actions that create the fd the call returns. */
static bool returns_new_fd(enum sr_fdact a)
{
	return a == SR_FD_NEWFD || a == SR_FD_MEMFD || a == SR_FD_PIDFD || a == SR_FD_SIGNALFD ||
	       a == SR_FD_DUP || a == SR_FD_URING_SETUP;
}

/*
 * The leading arguments fd/replay.c reads by position for each action:
 * F an fd, D a dirfd, P a path, S a string, I a pid, X a flags word (FLAGS
 * or HEX), O an output struct; '.' anything.
 */
static const char *const act_args[SR_FD_MAX] = {
	[SR_FD_MEMFD] = "S",   [SR_FD_PIDFD] = "I",	  [SR_FD_SIGNALFD] = "F",
	[SR_FD_DUP] = "F",     [SR_FD_CLOSE] = "F",	  [SR_FD_CLOSE_RANGE] = "..X",
	[SR_FD_FCNTL] = "F",   [SR_FD_CHDIR] = "P",	  [SR_FD_FCHDIR] = "F",
	[SR_FD_UNLINK] = "P",  [SR_FD_RMDIR] = "P",	  [SR_FD_UNLINKAT] = "DPX",
	[SR_FD_RENAME] = "PP", [SR_FD_RENAMEAT] = "DPDP", [SR_FD_UNSHARE] = "X",
	[SR_FD_CLONE] = "X.O", [SR_FD_BPF] = ".",	  [SR_FD_SECCOMP] = "..",
	[SR_FD_SENDMSG] = "F", [SR_FD_RECVMSG] = "F.X",	  [SR_FD_URING_REG] = "F",
	[SR_FD_SETNS] = "FX",
};

static bool arg_is(const struct sr_argdesc *a, char want)
{
	switch (want) {
	case 'F':
		return a->type == SR_T_FD;
	case 'D':
		return a->type == SR_T_DIRFD;
	case 'P':
		return a->type == SR_T_PATH && !(a->flags & SR_AF_NOFILE);
	case 'S': /* or a string with its own reading rule (memfd_create's name) */
		return a->type == SR_T_STR || a->type == SR_T_CUSTOM;
	case 'I':
		return a->type == SR_T_PID;
	case 'X':
		return a->type == SR_T_FLAGS || a->type == SR_T_HEX;
	case 'O':
		return a->type == SR_T_PTR || a->type == SR_T_STRUCT_OUT;
	}
	return true;
}

/* Where a close-on-exec bit may be: a flags word, or a struct read at entry. */
static bool holds_flags(const struct sr_argdesc *a)
{
	return a->type == SR_T_FLAGS || a->type == SR_T_HEX || a->type == SR_T_CUSTOM ||
	       a->type == SR_T_STRUCT_IN;
}

/* Behaviour flags and the fd action: what they say agrees with the row. */
static int check_flags(const struct sr_sysent *e)
{
	const uint64_t known = SR_C_ALL | SR_F_ALL | SR_FD_MASK;
	enum sr_fdact act = SR_FDACT(e);
	const char *want = act < SR_FD_MAX ? act_args[act] : NULL;
	int i, cx = 0, bad = 0;

	if ((e->flags & ~known) || act >= SR_FD_MAX)
		return broken(e->name, -1, "unknown flag bits or fd action");
	/*
	 * every new fd the tables should know of comes from an action; bpf's
	 * result may be one by command (replay.c's maybe_fd()), and its rows
	 * by command say which strace prints as an fd
	 */
	if (act != SR_FD_BPF && (e->ret == SR_R_FD) != returns_new_fd(act))
		bad += broken(e->name, -1, "returns an fd without a NEWFD-like action, or not");
	/* the kernel side reads int[2] there (SR_PLAN_FDI_PAIR) */
	for (i = 0; act == SR_FD_PAIR && i < e->nargs; i++)
		if (e->args[i].type == SR_T_STRUCT_OUT && e->args[i].kind->size != 8)
			bad += broken(e->name, i, "a pair's output is no int[2]");
	for (i = 0; want && want[i]; i++)
		if (i >= e->nargs || !arg_is(&e->args[i], want[i]))
			bad += broken(e->name, i, "not what its fd action reads there");
	for (i = 0; i < e->nargs && i < SR_NARGS; i++) {
		const struct sr_argdesc *a = &e->args[i];

		if (!a->cloexec)
			continue;
		cx++;
		if (!holds_flags(a) || (a->cloexec & (a->cloexec - 1)))
			bad += broken(e->name, i, "CX not one bit of a flags word");
	}
	if ((cx || (e->flags & SR_F_CXALL)) && !returns_new_fd(act) && act != SR_FD_PAIR)
		bad += broken(e->name, -1, "close-on-exec for a call that makes no fd");
	if (cx > 1 || (cx && (e->flags & SR_F_CXALL)))
		bad += broken(e->name, -1, "two close-on-exec sources");
	if ((e->flags & SR_F_FORK) && e->ret != SR_R_PID && e->ret != SR_R_TID)
		bad += broken(e->name, -1, "FORK without a pid to return");
	if ((e->flags & SR_F_EXEC) && (e->flags & (SR_F_FORK | SR_F_NB) || act != SR_FD_NONE))
		bad += broken(e->name, -1, "EXEC with FORK, NB or an fd action");
	if ((e->flags & SR_F_SOCK) && (!e->nargs || e->args[0].type != SR_T_FD))
		bad += broken(e->name, 0, "SOCK but no socket first");
	return bad;
}

/* What each argument's parameters refer to, and fields its type ignores. */
static int check_args(const struct sr_sysent *e)
{
	int i, bad = 0;

	for (i = 0; i < e->nargs && i < SR_NARGS; i++) {
		const struct sr_argdesc *a = &e->args[i];
		const struct sr_argdesc *ref = &e->args[SR_L_IDX(a->len) % SR_NARGS];

		switch (SR_L_KIND(a->len)) {
		case SR_L_ARG(0):
		case SR_L_MIN(0):
			if (!is_count(ref->type))
				bad += broken(e->name, i,
					      "length from an argument that is no count");
			break;
		case SR_L_PTR(0):
			if (!is_struct(ref->type) && ref->type != SR_T_PTR)
				bad += broken(e->name, i,
					      "length behind an argument that is no pointer");
			break;
		}
		if (is_struct(a->type) && a->kind) {
			/* a variable-size kind gets its byte count from the length */
			if (!a->kind->size && a->len == SR_L_NONE)
				bad += broken(e->name, i, "variable-size struct without a length");
			if (a->kind->size > SR_BLOB_MAX)
				bad += broken(e->name, i, "struct larger than SR_BLOB_MAX");
		}
		/* DIRFD_OR: an fd, or a special value by name (FAN_NOFD) */
		if (a->xlat && a->type != SR_T_FLAGS && a->type != SR_T_ENUM &&
		    a->type != SR_T_DIRFD)
			bad += broken(e->name, i, "xlat on a type that prints none");
		if (a->kind && !is_struct(a->type))
			bad += broken(e->name, i, "kind on a type that is no struct");
		if (a->dec && a->type != SR_T_CUSTOM)
			bad += broken(e->name, i, "decoder on a type that is not CUSTOM");
		if ((a->flags & SR_AF_HEX) && a->type != SR_T_BUF_IN && a->type != SR_T_BUF_OUT)
			bad += broken(e->name, i, "SR_AF_HEX on no buffer");
		if ((a->flags & SR_AF_ANYRET) && !syscalls__is_output(a))
			bad += broken(e->name, i, "SR_AF_ANYRET on an input");
		if ((a->flags & SR_AF_NOFILE) && a->type != SR_T_PATH)
			bad += broken(e->name, i, "SR_AF_NOFILE on no path");
	}
	return bad;
}

static void rows_consistent(struct t_state *st)
{
	const struct sr_sysent *e;
	size_t i;
	int bad = 0;

	for (i = 0; (e = syscalls__row(i)); i++)
		bad += check_classes(e) + check_args(e) + check_flags(e);
	for (i = 0; (e = command_row(i)); i++)
		bad += check_classes(e) + check_args(e) + check_flags(e);
	CHECK(st, bad == 0);
}

/* What bpf/capture.bpf.h can do with one argument's plan. */
static int check_plan_arg(const struct sr_sysent *e, const struct sr_plan *p, int i)
{
	const struct sr_plan_arg *pa = &p->a[i];
	const uint8_t copies = SR_CAP_ENTER | SR_CAP_EXIT;
	bool uses_ret, uses_arg;
	int bad = 0;

	/*
	 * capture_entry()/capture_exit() look at all six: a slot past the
	 * call's arguments may only follow a pair an argument points to
	 * (ptrace's iovec at data, SR_HOW_INDIRECT from len_arg), the pointer
	 * fields of its struct (io_uring_register's, SR_HOW_FIELDS) or a
	 * pointer field of a struct an argument points to (SR_HOW_DEREF)
	 */
	if (i >= e->nargs &&
	    ((pa->how != SR_HOW_INDIRECT && pa->how != SR_HOW_FIELDS && pa->how != SR_HOW_DEREF) ||
	     pa->len_arg >= e->nargs)) {
		if (pa->when || pa->how || pa->len_src || pa->len_arg || pa->elem || pa->cap)
			bad += broken(e->name, i, "plan for an argument the call lacks");
		return bad;
	}
	if (pa->how > SR_HOW_DEREF ||
	    (pa->how == SR_HOW_FIELDS ? pa->len_src > SR_FIELDS_MAX : pa->len_src > SR_LEN_FPROG) ||
	    (pa->when & ~(copies | SR_CAP_ANYRET | SR_CAP_RETRY | SR_CAP_PAGE_CUT | SR_CAP_NETLINK |
			  SR_CAP_PART | SR_CAP_LEN32)))
		bad += broken(e->name, i, "unknown how, len_src or when bits");
	/* a struct sock_fprog is a pair only SR_HOW_INDIRECT follows */
	if ((pa->len_src == SR_LEN_FPROG) != (pa->how == SR_HOW_INDIRECT && pa->len_src))
		bad += broken(e->name, i, "SR_LEN_FPROG on a copy other than SR_HOW_INDIRECT");
	/* a copy with no way to copy does nothing, yet costs the entry record */
	if (!(pa->when & copies) != (pa->how == SR_HOW_NONE))
		bad += broken(e->name, i, "when without how, or how without when");
	if (pa->how == SR_HOW_NONE)
		return bad;
	/*
	 * a path reads one byte more: PATH_MAX - 1 bytes and the NUL are
	 * whole; strings stop at a blob, buffers go on in SR_REC_MORE records
	 */
	if (!pa->cap ||
	    ((pa->how == SR_HOW_STR || pa->how == SR_HOW_STRV || pa->how == SR_HOW_STRV_COUNT) &&
	     pa->cap > SR_BLOB_MAX + (pa->how == SR_HOW_STR)))
		bad += broken(e->name, i, "cap not in [1, SR_BLOB_MAX] (+1 for a string)");
	if ((pa->when & SR_CAP_RETRY) && !(pa->when & SR_CAP_ENTER))
		bad += broken(e->name, i, "SR_CAP_RETRY without an entry copy");
	if ((pa->when & SR_CAP_ANYRET) && !(pa->when & SR_CAP_EXIT))
		bad += broken(e->name, i, "SR_CAP_ANYRET without an exit copy");
	/* only put_blob()'s byte copies are cut at a page */
	if ((pa->when & SR_CAP_PAGE_CUT) && pa->how != SR_HOW_BUF)
		bad += broken(e->name, i, "SR_CAP_PAGE_CUT on a copy other than bytes");
	uses_arg = pa->len_src == SR_LEN_ARG || pa->len_src == SR_LEN_PTR32 ||
		   pa->len_src == SR_LEN_MIN_ARG_RET || pa->len_src == SR_LEN_IOC ||
		   pa->how == SR_HOW_IOV || pa->how == SR_HOW_INDIRECT ||
		   pa->how == SR_HOW_FIELDS || pa->how == SR_HOW_DEREF;
	/* SR_HOW_INDIRECT, _FIELDS and _DEREF read at args[len_arg]: their own or another's */
	if (uses_arg &&
	    (pa->len_arg >= e->nargs || (pa->len_arg == i && pa->how != SR_HOW_INDIRECT &&
					 pa->how != SR_HOW_FIELDS && pa->how != SR_HOW_DEREF)))
		bad += broken(e->name, i, "length from a missing argument, or itself");
	/* at entry there is no return value yet */
	/* (SR_HOW_FIELDS's len_src is a count) */
	uses_ret = (pa->how != SR_HOW_FIELDS &&
		    (pa->len_src == SR_LEN_RET || pa->len_src == SR_LEN_MIN_ARG_RET)) ||
		   pa->how == SR_HOW_DIRENTS || pa->how == SR_HOW_MMSG;
	if (uses_ret && (pa->when & SR_CAP_ENTER))
		bad += broken(e->name, i, "length from the return value, copied at entry");
	/* the stack pointer is known at entry only (0 at exit, in whole calls) */
	if (pa->how == SR_HOW_SPREL && (pa->when & copies) != SR_CAP_ENTER)
		bad += broken(e->name, i, "stack-relative copy not at entry only");
	if ((pa->how == SR_HOW_STRV || pa->how == SR_HOW_STRV_COUNT) && (pa->when & SR_CAP_EXIT))
		bad += broken(e->name, i, "argv-like copy at exit");
	/* the kernel side reads the socket of argument 0 */
	if ((pa->how == SR_HOW_SOCK && (i != 0 || e->args[0].type != SR_T_FD)) ||
	    ((pa->when & SR_CAP_NETLINK) && p->a[0].how != SR_HOW_SOCK))
		bad += broken(e->name, i, "socket read from an argument 0 that is no fd");
	if ((pa->how == SR_HOW_BUF || pa->how == SR_HOW_DIRENTS) && pa->len_src == SR_LEN_FIXED &&
	    !pa->elem)
		bad += broken(e->name, i, "fixed-size copy of 0 bytes");
	/*
	 * Inputs print from the entry copy, outputs from the exit copy. (An
	 * SCX row's decoder decides for itself what prints when.)
	 */
	if (e->dec || i >= e->nargs)
		return bad;
	if (e->args[i].type == SR_T_CUSTOM ? e->args[i].dec->at_exit :
					     syscalls__is_output(&e->args[i])) {
		if (!(pa->when & SR_CAP_EXIT))
			bad += broken(e->name, i, "printed at exit, never copied at exit");
	} else if (!(pa->when & SR_CAP_ENTER)) {
		bad += broken(e->name, i, "printed at entry, never copied at entry");
	}
	return bad;
}

/* What bpf/sysray.bpf.c does with the plan of a whole call. */
static int check_plan(const struct sr_sysent *e, const struct sr_plan *p)
{
	int i, bad = 0;

	if (p->nargs != e->nargs)
		bad += broken(e->name, -1, "plan and row differ in nargs");
	for (i = 0; i < SR_NARGS; i++)
		bad += check_plan_arg(e, p, i);
	/* one record at exit: nothing may need copying at entry */
	if ((p->flags & SR_PLAN_AT_EXIT) && (p->flags & (SR_PLAN_HAS_ENTER | SR_PLAN_EXEC)))
		bad += broken(e->name, -1, "SR_PLAN_AT_EXIT with entry copies, or execve");
	/* exit, exit_group: no sys_exit ever comes */
	if (e->ret == SR_R_NONE &&
	    (p->flags & (SR_PLAN_AT_EXIT | SR_PLAN_HAS_EXIT | SR_PLAN_FDI_RET | SR_PLAN_FDI_ARG0 |
			 SR_PLAN_FDI_PAIR)))
		bad += broken(e->name, -1, "never returns, yet waits for its exit");
	/* the old image, and argv with it, is gone at exit */
	if ((p->flags & SR_PLAN_EXEC) && !(p->flags & SR_PLAN_HAS_ENTER))
		bad += broken(e->name, -1, "execve without entry copies");
	/* the kernel reads int[2] there after the call */
	if ((p->flags & SR_PLAN_FDI_PAIR) &&
	    (p->fdi_arg >= e->nargs || e->args[p->fdi_arg].type != SR_T_STRUCT_OUT))
		bad += broken(e->name, -1, "fd pair in no output argument");
	return bad;
}

/* Option sets that change plans: -s (caps), -v, -y/-yy, --absolute-paths. */
#define N_OPT_SETS 60

static void opt_set(struct sr_opts *o, int k)
{
	static const int strsizes[] = { 0, 1, 32, 4096, 65536 };

	memset(o, 0, sizeof(*o));
	o->strsize = strsizes[k % 5];
	o->verbose = k / 5 % 2;
	o->decode_fds = k / 10 % 3;
	o->absolute_paths = k / 30 % 2;
	o->status = SR_ST_ALL;
}

/* Every plan the loader may write: each number below SR_NR_MAX, each option set. */
static void plans_consistent(struct t_state *st)
{
	static struct sr_opts o;
	const struct sr_sysent *e;
	struct sr_plan p;
	int nr, k, bad = 0;
	size_t i;

	for (k = 0; k < N_OPT_SETS && bad < 20; k++) {
		opt_set(&o, k);
		for (nr = 0; nr < SR_NR_MAX; nr++) {
			plan__syscall(syscalls__get(nr), &o, &p);
			bad += check_plan(syscalls__get(nr), &p);
		}
		for (i = 0; (e = command_row(i)); i++) {
			plan__syscall(e, &o, &p);
			bad += check_plan(e, &p);
		}
	}
	CHECK(st, bad == 0);
}

/*
 * keyctl's commands: each prints by its own row (the low 32 bits choose),
 * and the kernel side captures by its plan (SR_PLAN_SELECT), whose flags
 * the call's plan covers.
 */
static void commands(struct t_state *st)
{
	static struct sr_opts o;
	static struct sr_plans p;
	const struct sr_sysent *e = syscalls__by_name("keyctl");
	const struct sr_plan *pl, *sub;
	uint64_t args[SR_NARGS] = { 0x100000000ULL | KEYCTL_READ };

	CHECK(st, e && e->nsubs > KEYCTL_READ && e->sel_arg == 0);
	CHECK(st, syscalls__select(e, args) == &e->subs[KEYCTL_READ]);
	CHECK_STR(st, syscalls__select(e, args)->name, "keyctl");
	CHECK(st, syscalls__select(e, args)->split == 2);
	args[0] = 0xfacefeed;
	CHECK(st, syscalls__select(e, args) == e);
	o.strsize = 32;
	plan__build(&o, &p);
	pl = &p.plan[e->nr];
	CHECK(st, (pl->flags & SR_PLAN_SELECT) && pl->sel_arg == 0 && pl->sel_n == e->nsubs);
	CHECK(st, pl->sel_base >= SR_PLAN_SEL && pl->sel_base + pl->sel_n <= SR_PLAN_COUNT);
	sub = &p.plan[pl->sel_base + KEYCTL_JOIN_SESSION_KEYRING];
	CHECK(st, sub->a[1].how == SR_HOW_STR && (sub->flags & SR_PLAN_TRACED));
	sub = &p.plan[pl->sel_base + KEYCTL_READ];
	CHECK(st, sub->a[2].when == SR_CAP_EXIT && sub->a[2].len_src == SR_LEN_MIN_ARG_RET);
	CHECK(st, (pl->flags & (SR_PLAN_HAS_ENTER | SR_PLAN_HAS_EXIT)) ==
			  (SR_PLAN_HAS_ENTER | SR_PLAN_HAS_EXIT));
	/* -e raw=keyctl: no commands */
	select_nr(o.raw_sel, "keyctl");
	plan__build(&o, &p);
	CHECK(st, !(p.plan[e->nr].flags & SR_PLAN_SELECT));
	CHECK(st, !syscalls__undecoded(e->nr)->subs);
}

/* The checks above are not vacuous: each finds a row or plan broken on purpose. */
static void checks_catch(struct t_state *st)
{
	static struct sr_opts o;
	struct sr_sysent e;
	struct sr_plan p;

	opt_set(&o, 2);
	quiet = true;
	plan__syscall(syscalls__by_name("getpid"), &o, &p);
	p.flags |= SR_PLAN_HAS_ENTER;
	CHECK(st, check_plan(syscalls__by_name("getpid"), &p) > 0);
	plan__syscall(syscalls__by_name("exit_group"), &o, &p);
	p.flags |= SR_PLAN_HAS_EXIT;
	CHECK(st, check_plan(syscalls__by_name("exit_group"), &p) > 0);
	/* a string stops at a blob (buffers go on in SR_REC_MORE records) */
	plan__syscall(syscalls__by_name("chdir"), &o, &p);
	p.a[0].cap = SR_BLOB_MAX + 2;
	CHECK(st, check_plan(syscalls__by_name("chdir"), &p) > 0);
	plan__syscall(syscalls__by_name("read"), &o, &p);
	p.a[1].when |= SR_CAP_ENTER;
	CHECK(st, check_plan(syscalls__by_name("read"), &p) > 0);
	plan__syscall(syscalls__by_name("read"), &o, &p);
	p.a[4] = p.a[1];
	CHECK(st, check_plan(syscalls__by_name("read"), &p) > 0);
	plan__syscall(syscalls__by_name("write"), &o, &p);
	p.a[1].when = SR_CAP_EXIT;
	CHECK(st, check_plan(syscalls__by_name("write"), &p) > 0);
	e = *syscalls__by_name("fstat");
	e.flags |= SR_C_STAT;
	CHECK(st, check_classes(&e) > 0);
	/* an fd action on a row that returns none, a cloexec bit on no flags word */
	e = *syscalls__by_name("fsync");
	e.flags |= (uint64_t)SR_FD_NEWFD << SR_FD_SHIFT;
	CHECK(st, check_flags(&e) > 0);
	e = *syscalls__by_name("epoll_create");
	e.args[0].cloexec = 1;
	CHECK(st, check_flags(&e) > 0);
	e = *syscalls__by_name("eventfd2");
	e.args[1].cloexec = 3;
	CHECK(st, check_flags(&e) > 0);
	e = *syscalls__by_name("openat");
	e.flags |= SR_F_EXEC;
	CHECK(st, check_flags(&e) > 0);
	e = *syscalls__by_name("rename");
	e.args[1].type = SR_T_STR;
	CHECK(st, check_flags(&e) > 0);
	e = *syscalls__by_name("write");
	e.flags |= 1ULL << 60;
	CHECK(st, check_flags(&e) > 0);
	e = *syscalls__by_name("write");
	e.args[1].len = SR_L_ARG(0);
	CHECK(st, check_args(&e) > 0);
	quiet = false;
}

T_SUITE(table_tests) = {
	T_CASE(rows_well_formed), T_CASE(rows_cover_uapi),
	T_CASE(names_unique),	  T_CASE(rows_consistent),
	T_CASE(plans_consistent), T_CASE(checks_catch),
	T_CASE(lookup),		  T_CASE(plans),
	T_CASE(plans_built),	  T_CASE(commands),
	T_CASE(ia32_entries),	  T_END,
};
