// SPDX-License-Identifier: GPL-2.0
/*
 * Decoders: processes, resources, credentials. Resource limits and usage,
 * uname/sysinfo/times, scheduling parameters and CPU sets, capabilities,
 * wait statuses, arch_prctl, clone/clone3, prctl and futex, as strace 6.1
 * prints them.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/sysinfo.h>
#include <sys/utsname.h>
#include <linux/futex.h>
#include <linux/ioprio.h>
#include <linux/prctl.h>
#include <linux/sched.h>
#include <linux/sched/types.h>
#if defined(__x86_64__)
#include <asm/prctl.h> /* arch_prctl's codes: x86 only */
#endif

#include "decode/decode.h"
#include "cli/opts.h"

/* struct clone_args up to cgroup (CLONE_ARGS_SIZE_VER2). */
struct sr_clone_args {
	uint64_t flags;
	uint64_t pidfd;
	uint64_t child_tid;
	uint64_t parent_tid;
	uint64_t exit_signal;
	uint64_t stack;
	uint64_t stack_size;
	uint64_t tls;
	uint64_t set_tid;
	uint64_t set_tid_size;
	uint64_t cgroup;
};

static bool failed(const struct sr_call *c)
{
	return !c->has_exit || c->ret < 0;
}

/*
 * What the kernel left at argument @i: the exit copy, or the copy retried at
 * exit after the entry read faulted (pairing moves it to in[]).
 */
static const struct sr_blob *exit_blob(const struct sr_call *c, int i)
{
	if (c->out[i])
		return c->out[i];
	return c->in[i] && (c->in[i]->flags & SR_BF_RETRY) ? c->in[i] : NULL;
}

static void field(struct sr_fmt *f, const char *sep, const char *name)
{
	out__puts(f->out, sep);
	out__puts(f->out, name);
	out__putc(f->out, '=');
}

/* rlim_t: RLIM64_INFINITY, multiples of 1024 as N*1024, else the number. */
static void fmt_rlim(struct sr_fmt *f, uint64_t v)
{
	if (v == UINT64_MAX) {
		out__puts(f->out, "RLIM64_INFINITY");
	} else if (v > 1024 && v % 1024 == 0) {
		out__udec(f->out, v / 1024);
		out__puts(f->out, "*1024");
	} else {
		out__udec(f->out, v);
	}
}

static void rlimit_print(struct sr_fmt *f, const struct sr_call *c, int argi, const void *data,
			 size_t len)
{
	const uint8_t *p = data;

	(void)c;
	(void)argi;
	(void)len;
	field(f, "{", "rlim_cur");
	fmt_rlim(f, get64(p, 0));
	field(f, ", ", "rlim_max");
	fmt_rlim(f, get64(p + 8, 0));
	out__putc(f->out, '}');
}

const struct sr_kind sr_kind_rlimit = {
	.name = "rlimit",
	.size = 16,
	.max = 0,
	.print = rlimit_print,
};

static void fmt_timeval(struct sr_fmt *f, const uint8_t *p)
{
	out__puts(f->out, "{tv_sec=");
	out__dec(f->out, (int64_t)get64(p, 0));
	out__puts(f->out, ", tv_usec=");
	out__udec(f->out, get64(p + 8, 0));
	out__putc(f->out, '}');
}

static void rusage_rest(struct sr_fmt *f, const uint8_t *p)
{
	static const char *const names[] = {
		"ru_maxrss", "ru_ixrss",    "ru_idrss",	  "ru_isrss",	"ru_minflt",
		"ru_majflt", "ru_nswap",    "ru_inblock", "ru_oublock", "ru_msgsnd",
		"ru_msgrcv", "ru_nsignals", "ru_nvcsw",	  "ru_nivcsw",
	};
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		field(f, ", ", names[i]);
		out__udec(f->out, get64(p + 32 + 8 * i, 0));
	}
}

static void rusage_print(struct sr_fmt *f, const struct sr_call *c, int argi, const void *data,
			 size_t len)
{
	(void)len;
	/* wait4 that reaped nothing (WNOHANG) wrote nothing */
	if (!c->ret && !strcmp(c->ent->name, "wait4")) {
		fmt_ptr(f, c->args[argi]);
		return;
	}
	field(f, "{", "ru_utime");
	fmt_timeval(f, data);
	field(f, ", ", "ru_stime");
	fmt_timeval(f, (const uint8_t *)data + 16);
	if (fmt_verbose(f))
		rusage_rest(f, data);
	else
		out__puts(f->out, ", ...");
	out__putc(f->out, '}');
}

const struct sr_kind sr_kind_rusage = {
	.name = "rusage",
	.size = 144,
	.max = 0,
	.print = rusage_print,
};

/* A fixed-size char array: up to its NUL, "..." if it has none. */
static void fmt_cstring(struct sr_fmt *f, const char *s, size_t size)
{
	size_t n = strnlen(s, size);

	out__quoted(f->out, s, n, size, 0);
	if (n == size)
		out__puts(f->out, "...");
}

static void utsname_print(struct sr_fmt *f, const struct sr_call *c, int argi, const void *data,
			  size_t len)
{
	static const char *const names[] = {
		"sysname", "nodename", "release", "version", "machine", "domainname",
	};
	const struct utsname *u = data;
	const char *fields[] = {
		u->sysname, u->nodename, u->release, u->version, u->machine, u->domainname,
	};
	size_t i, n = fmt_verbose(f) ? 6 : 2;

	(void)c;
	(void)argi;
	(void)len;
	for (i = 0; i < n; i++) {
		field(f, i ? ", " : "{", names[i]);
		fmt_cstring(f, fields[i], sizeof(u->sysname));
	}
	out__puts(f->out, fmt_verbose(f) ? "}" : ", ...}");
}

const struct sr_kind sr_kind_utsname = {
	.name = "utsname",
	.size = 390,
	.max = 0,
	.print = utsname_print,
};

static void sysinfo_print(struct sr_fmt *f, const struct sr_call *c, int argi, const void *data,
			  size_t len)
{
	struct sysinfo si;

	(void)c;
	(void)argi;
	memcpy(&si, data, len < sizeof(si) ? len : sizeof(si));
	out__printf(f->out,
		    "{uptime=%lu, loads=[%lu, %lu, %lu], totalram=%lu, freeram=%lu, "
		    "sharedram=%lu, bufferram=%lu, totalswap=%lu, freeswap=%lu, procs=%u, "
		    "totalhigh=%lu, freehigh=%lu, mem_unit=%u}",
		    (unsigned long)si.uptime, si.loads[0], si.loads[1], si.loads[2], si.totalram,
		    si.freeram, si.sharedram, si.bufferram, si.totalswap, si.freeswap, si.procs,
		    si.totalhigh, si.freehigh, si.mem_unit);
}

const struct sr_kind sr_kind_sysinfo = {
	.name = "sysinfo",
	.size = 112,
	.max = 0,
	.print = sysinfo_print,
};

static void tms_print(struct sr_fmt *f, const struct sr_call *c, int argi, const void *data,
		      size_t len)
{
	static const char *const names[] = { "tms_utime", "tms_stime", "tms_cutime", "tms_cstime" };
	int i;

	(void)c;
	(void)argi;
	(void)len;
	for (i = 0; i < 4; i++) {
		field(f, i ? ", " : "{", names[i]);
		fmt_clock_t(f, get64(data, 8 * i));
	}
	out__putc(f->out, '}');
}

const struct sr_kind sr_kind_tms = {
	.name = "tms",
	.size = 32,
	.max = 0,
	.print = tms_print,
};

static void sched_param_print(struct sr_fmt *f, const struct sr_call *c, int argi, const void *data,
			      size_t len)
{
	(void)c;
	(void)argi;
	fmt_int_array(f, data, len, 1);
}

const struct sr_kind sr_kind_sched_param = {
	.name = "sched_param",
	.size = 4,
	.max = 0,
	.print = sched_param_print,
};

/* The CPU set's size in bytes: the length argument, or the return value. */
static uint64_t cpuset_len(const struct sr_call *c, int argi)
{
	uint8_t l = c->ent->args[argi].len;

	if (SR_L_KIND(l) == SR_L_RET)
		return c->ret > 0 ? (uint64_t)c->ret : 0;
	if (SR_L_KIND(l) == SR_L_ARG(0))
		return (uint32_t)c->args[SR_L_IDX(l) % SR_NARGS];
	return 0;
}

/*
 * "[0 1 5]": the CPUs set in the first 128 bytes (strace reads no more than
 * the kernel's cpumask), then "..." if the set was longer.
 */
static void cpuset_print(struct sr_fmt *f, const struct sr_call *c, int argi, const void *data,
			 size_t len)
{
	const uint8_t *p = data;
	uint64_t want = cpuset_len(c, argi);
	size_t i;
	bool any = false;

	if (want < len)
		len = want;
	out__putc(f->out, '[');
	for (i = 0; i < len * 8; i++) {
		if (!(p[i / 8] & (1u << (i % 8))))
			continue;
		if (any)
			out__putc(f->out, ' ');
		out__udec(f->out, i);
		any = true;
	}
	/* strace rounds what it read up to a whole long */
	if (want > ((len + 7) & ~(size_t)7))
		out__puts(f->out, any ? " ..." : "...");
	out__putc(f->out, ']');
}

const struct sr_kind sr_kind_cpuset = {
	.name = "cpuset",
	.size = 0,
	.max = 128,
	.print = cpuset_print,
};

static void cap_header_print(struct sr_fmt *f, const struct sr_call *c, int argi, const void *data,
			     size_t len)
{
	const uint8_t *p = data;

	(void)c;
	(void)argi;
	(void)len;
	field(f, "{", "version");
	fmt_enum(f, &xlat_cap_versions, get32(p, 0));
	field(f, ", ", "pid");
	out__dec(f->out, (int32_t)get32(p + 4, 0));
	out__putc(f->out, '}');
}

const struct sr_kind sr_kind_cap_header = {
	.name = "cap_header",
	.size = 8,
	.max = 0,
	.print = cap_header_print,
};

/* 32 capability bits numbered from @base: 1<<CAP_CHOWN|1<<CAP_KILL. */
static void cap_word(struct sr_fmt *f, uint32_t v, int base)
{
	fmt_flags_bitnum(f, &xlat_capabilities, v, base);
}

static void cap_bits(struct sr_fmt *f, uint32_t lo, uint32_t hi)
{
	if (lo || !hi)
		cap_word(f, lo, 0);
	if (!hi)
		return;
	if (lo)
		out__putc(f->out, '|');
	cap_word(f, hi, 32);
}

/* Version 1 headers have one 32-bit set of each; later ones two. */
static int cap_words(const struct sr_call *c)
{
	const struct sr_blob *b = c->has_exit && c->out[0] ? c->out[0] : c->in[0];
	const void *h = blob_get(b, 8);
	uint32_t v = h ? get32(h, 0) : 0;

	return v == 0x20071026 || v == 0x20080522 ? 2 : 1;
}

static void cap_data_print(struct sr_fmt *f, const struct sr_call *c, int argi, const void *data,
			   size_t len)
{
	static const char *const names[] = { "effective", "permitted", "inheritable" };
	const uint8_t *p = data;
	int i, n = cap_words(c);

	(void)argi;
	(void)len;
	for (i = 0; i < 3; i++) {
		field(f, i ? ", " : "{", names[i]);
		cap_bits(f, get32(p + 4 * i, 0), n > 1 ? get32(p + 12 + 4 * i, 0) : 0);
	}
	out__putc(f->out, '}');
}

const struct sr_kind sr_kind_cap_data = {
	.name = "cap_data",
	.size = 24,
	.max = 0,
	.print = cap_data_print,
};

/*
 * wait4's status: "[{WIFEXITED(s) && WEXITSTATUS(s) == 0}]". Prints what the
 * W* macros make of @s and returns the bits they leave, or false when none
 * applies.
 */
static bool status_kind(struct sr_fmt *f, unsigned int s, unsigned int *rest)
{
	unsigned int sig = (s >> 8) & 0xff, term = s & 0x7f;

	if ((s & 0xff) == 0x7f) {
		out__puts(f->out, "{WIFSTOPPED(s) && WSTOPSIG(s) == ");
		fmt_signame(f, sig & 0x7f);
		out__puts(f->out, sig & 0x80 ? " | 0x80}" : "}");
		*rest = s & ~((sig << 8) | 0x7f);
	} else if (term && term != 0x7f) {
		out__puts(f->out, "{WIFSIGNALED(s) && WTERMSIG(s) == ");
		fmt_signame(f, term);
		out__puts(f->out, (s & 0x80) ? " && WCOREDUMP(s)}" : "}");
		*rest = s & ~0xffu;
	} else if (!term) {
		out__puts(f->out, "{WIFEXITED(s) && WEXITSTATUS(s) == ");
		out__udec(f->out, sig);
		out__putc(f->out, '}');
		*rest = s & ~0xff00u;
	} else if (s == 0xffff) {
		out__puts(f->out, "{WIFCONTINUED(s)}");
		*rest = 0;
	} else {
		return false;
	}
	return true;
}

static void fmt_wait_status(struct sr_fmt *f, unsigned int s)
{
	unsigned int rest;

	out__putc(f->out, '[');
	if (!status_kind(f, s, &rest)) {
		out__hex(f->out, s);
		out__putc(f->out, ']');
		return;
	}
	if (rest >> 16) {
		/* ptrace stops: the event in the high bits */
		out__putc(f->out, '|');
		fmt_enum(f, &xlat_ptrace_events, rest >> 16);
		out__puts(f->out, "<<16");
		rest &= 0xffff;
	}
	if (rest) {
		out__putc(f->out, '|');
		out__hex(f->out, rest);
	}
	out__putc(f->out, ']');
}

static void plan_exit_word(struct sr_plan_arg *pa, uint16_t size)
{
	pa->when = SR_CAP_EXIT;
	pa->how = SR_HOW_BUF;
	pa->len_src = SR_LEN_FIXED;
	pa->elem = size;
	pa->cap = size;
}

static void wait_status_plan(const struct sr_sysent *ent, int argi, const struct sr_opts *o,
			     struct sr_plan_arg *pa)
{
	(void)ent;
	(void)argi;
	(void)o;
	plan_exit_word(pa, 4);
}

static void wait_status_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	const void *p = blob_get(exit_blob(c, argi), 4);

	/* nothing was reaped (WNOHANG), or the call failed: the address */
	if (!c->args[argi] || failed(c) || !c->ret || !p) {
		fmt_ptr(f, c->args[argi]);
		return;
	}
	fmt_wait_status(f, get32(p, 0));
}

const struct sr_decoder sr_dec_wait_status = {
	.name = "wait_status",
	.at_exit = true,
	.plan = wait_status_plan,
	.print = wait_status_print,
};

/* "[0x7f...]" for a pointer the kernel stored, "[NULL]" for 0. */
static void fmt_kptr_at(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	const void *p = failed(c) ? NULL : blob_get(exit_blob(c, argi), 8);

	if (!p) {
		fmt_ptr(f, c->args[argi]);
		return;
	}
	out__putc(f->out, '[');
	fmt_ptr(f, get64(p, 0));
	out__putc(f->out, ']');
}

#ifdef ARCH_GET_FS /* x86 */
/* XSAVE feature masks: strace shows the number and the names in a comment. */
static void fmt_xfeatures(struct sr_fmt *f, uint64_t v)
{
	out__hex(f->out, v);
	if (!v)
		return;
	out__puts(f->out, " /* ");
	fmt_flags(f, &xlat_x86_xfeatures, v);
	out__puts(f->out, " */");
}
#endif

static void arch_prctl_plan(const struct sr_sysent *ent, int argi, const struct sr_opts *o,
			    struct sr_plan_arg *pa)
{
	(void)ent;
	(void)argi;
	(void)o;
	plan_exit_word(pa, 8);
}

static bool arch_prctl_present(const struct sr_call *c, int argi)
{
	(void)argi;
#ifdef ARCH_GET_CPUID
	return (uint32_t)c->args[0] != ARCH_GET_CPUID;
#else
	return true;
#endif
}

static void arch_prctl_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
#ifdef ARCH_GET_FS
	const void *p;

	switch ((uint32_t)c->args[0]) {
	case ARCH_GET_FS:
	case ARCH_GET_GS:
		fmt_kptr_at(f, c, argi);
		return;
	case ARCH_GET_XCOMP_SUPP:
	case ARCH_GET_XCOMP_PERM:
	case ARCH_GET_XCOMP_GUEST_PERM:
		p = failed(c) ? NULL : blob_get(exit_blob(c, argi), 8);
		if (!p) {
			fmt_ptr(f, c->args[argi]);
			return;
		}
		out__putc(f->out, '[');
		fmt_xfeatures(f, get64(p, 0));
		out__putc(f->out, ']');
		return;
	case ARCH_REQ_XCOMP_PERM:
	case ARCH_REQ_XCOMP_GUEST_PERM:
		out__hex(f->out, c->args[argi]);
		if (xlat__name(&xlat_x86_xfeature_bits, c->args[argi])) {
			out__puts(f->out, " /* ");
			out__puts(f->out, xlat__name(&xlat_x86_xfeature_bits, c->args[argi]));
			out__puts(f->out, " */");
		} else {
			out__puts(f->out, " /* XFEATURE_??? */");
		}
		return;
	}
#endif
	out__hex(f->out, c->args[argi]);
}

const struct sr_decoder sr_dec_arch_prctl_arg = {
	.name = "arch_prctl_arg",
	.at_exit = true,
	.plan = arch_prctl_plan,
	.present = arch_prctl_present,
	.print = arch_prctl_print,
};

/* clone3's struct clone_args, read at entry; its length is argument 1. */
static void clone_args_plan(const struct sr_sysent *ent, int argi, const struct sr_opts *o,
			    struct sr_plan_arg *pa)
{
	(void)ent;
	(void)argi;
	(void)o;
	pa->when = SR_CAP_ENTER | SR_CAP_RETRY; /* as the table's own entry copies */
	pa->how = SR_HOW_BUF;
	pa->len_src = SR_LEN_ARG;
	pa->len_arg = 1;
	pa->elem = 1;
	pa->cap = sizeof(struct sr_clone_args);
}

static void clone3_flags(struct sr_fmt *f, const struct sr_clone_args *a)
{
	field(f, "{", "flags");
	fmt_flags(f, &xlat_clone_flags, a->flags);
	if (a->flags & CLONE_PIDFD) {
		field(f, ", ", "pidfd");
		fmt_ptr(f, a->pidfd);
	}
	if (a->flags & (CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID)) {
		field(f, ", ", "child_tid");
		fmt_ptr(f, a->child_tid);
	}
	if (a->flags & CLONE_PARENT_SETTID) {
		field(f, ", ", "parent_tid");
		fmt_ptr(f, a->parent_tid);
	}
}

/* set_tid is an array in user memory the capture does not follow. */
static void clone3_tail(struct sr_fmt *f, const struct sr_clone_args *a, size_t len)
{
	if (a->flags & CLONE_SETTLS) {
		field(f, ", ", "tls");
		fmt_ptr(f, a->tls);
	}
	if (a->set_tid || a->set_tid_size) {
		field(f, ", ", "set_tid");
		fmt_ptr(f, a->set_tid);
		field(f, ", ", "set_tid_size");
		out__udec(f->out, a->set_tid_size);
	}
	if (len > offsetof(struct sr_clone_args, cgroup) &&
	    (a->cgroup || (a->flags & CLONE_INTO_CGROUP))) {
		field(f, ", ", "cgroup");
		out__udec(f->out, a->cgroup);
	}
	out__putc(f->out, '}');
}

static void fmt_clone_args(struct sr_fmt *f, const struct sr_clone_args *a, size_t len)
{
	clone3_flags(f, a);
	field(f, ", ", "exit_signal");
	if (a->exit_signal < 0x7fffffff)
		fmt_signame(f, (int)a->exit_signal);
	else
		out__udec(f->out, a->exit_signal);
	field(f, ", ", "stack");
	fmt_ptr(f, a->stack);
	field(f, ", ", "stack_size");
	out__hex(f->out, a->stack_size);
	clone3_tail(f, a, len);
}

/* The captured clone_args (zero-filled past what was read), or false. */
static bool clone_args_get(const struct sr_call *c, struct sr_clone_args *a, size_t *len)
{
	const struct sr_blob *b = c->in[0];
	size_t n = c->args[1] < sizeof(*a) ? c->args[1] : sizeof(*a);

	memset(a, 0, sizeof(*a));
	*len = n;
	/* strace needs the fields up to tls: the first version of the struct */
	if (n < CLONE_ARGS_SIZE_VER0 || !blob_ok(b) || b->len < n)
		return false;
	memcpy(a, blob_data(b), n);
	return true;
}

static void clone_args_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	struct sr_clone_args a;
	size_t len;

	if (!clone_args_get(c, &a, &len)) {
		fmt_ptr(f, c->args[argi]);
		return;
	}
	fmt_clone_args(f, &a, len);
}

const struct sr_decoder sr_dec_clone_args = {
	.name = "clone_args",
	.at_exit = false,
	.plan = clone_args_plan,
	.print = clone_args_print,
};

/*
 * clone(flags, stack, parent_tid, child_tid, tls) on x86_64. The low byte
 * of flags is the exit signal. strace prints the tid and address arguments
 * at exit, once the kernel has stored the new tid.
 */
#define SR_CLONE_EXIT_FLAGS                                                              \
	(CLONE_PARENT_SETTID | CLONE_PIDFD | CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID | \
	 CLONE_SETTLS)

static void clone_enter(struct sr_fmt *f, const struct sr_call *c)
{
	uint64_t flags = c->args[0] & ~0xffull;
	int sig = c->args[0] & 0xff;

	out__puts(f->out, "child_stack=");
	fmt_ptr(f, c->args[1]);
	out__puts(f->out, ", flags=");
	if (!flags) {
		fmt_signame(f, sig);
		return;
	}
	fmt_flags(f, &xlat_clone_flags, flags);
	if (sig) {
		out__putc(f->out, '|');
		fmt_signame(f, sig);
	}
}

/* "[N]" read from user memory at exit, or the return value it equals. */
static void fmt_stored_int(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	const void *p = blob_get(exit_blob(c, argi), 4);

	if (!c->args[argi] || failed(c)) {
		fmt_ptr(f, c->args[argi]);
		return;
	}
	out__putc(f->out, '[');
	out__dec(f->out, p ? (int32_t)get32(p, 0) : c->ret);
	out__putc(f->out, ']');
}

static void clone_exit(struct sr_fmt *f, const struct sr_call *c)
{
	uint64_t flags = c->args[0];

	if (!(flags & SR_CLONE_EXIT_FLAGS))
		return;
	if (flags & (CLONE_PARENT_SETTID | CLONE_PIDFD)) {
		out__puts(f->out, ", parent_tid=");
		fmt_stored_int(f, c, 2);
	}
	if (flags & CLONE_SETTLS) {
		out__puts(f->out, ", tls=");
		fmt_ptr(f, c->args[4]);
	}
	if (flags & (CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID)) {
		out__puts(f->out, ", child_tidptr=");
		fmt_ptr(f, c->args[3]);
	}
}

static void clone_plan(const struct sr_sysent *ent, const struct sr_opts *o, struct sr_plan *p)
{
	(void)ent;
	(void)o;
	plan_exit_word(&p->a[2], 4);
}

const struct sr_scdec sr_scdec_clone = {
	.name = "clone",
	.enter = clone_enter,
	.exit = clone_exit,
	.plan = clone_plan,
};

/* Does clone3 print more at exit (the tid or pidfd the kernel stored)? */
static bool clone3_has_exit(const struct sr_call *c, const struct sr_clone_args *a, bool ok)
{
	return ok && ((a->flags & (CLONE_PIDFD | CLONE_PARENT_SETTID)) || c->args[1] > sizeof(*a));
}

static void clone3_enter(struct sr_fmt *f, const struct sr_call *c)
{
	struct sr_clone_args a;
	size_t len;
	bool ok = clone_args_get(c, &a, &len);

	if (ok)
		fmt_clone_args(f, &a, len);
	else
		fmt_ptr(f, c->args[0]);
	if (clone3_has_exit(c, &a, ok))
		return;
	out__puts(f->out, ", ");
	out__udec(f->out, c->args[1]);
}

/*
 * " => {parent_tid=[N]}": the kernel stored the new tid, which is also the
 * return value. The pidfd lives in memory the capture does not follow.
 */
static void clone3_exit(struct sr_fmt *f, const struct sr_call *c)
{
	struct sr_clone_args a;
	size_t len;
	bool ok = clone_args_get(c, &a, &len);
	const char *sep = " => {";

	if (!clone3_has_exit(c, &a, ok))
		return;
	if (!failed(c) && (a.flags & CLONE_PIDFD)) {
		field(f, sep, "pidfd");
		fmt_ptr(f, a.pidfd);
		sep = ", ";
	}
	if (!failed(c) && (a.flags & CLONE_PARENT_SETTID)) {
		field(f, sep, "parent_tid");
		out__putc(f->out, '[');
		fmt_pid(f, (int32_t)c->ret);
		out__putc(f->out, ']');
		sep = ", ";
	}
	if (sep[0] == ',')
		out__putc(f->out, '}');
	out__puts(f->out, ", ");
	out__udec(f->out, c->args[1]);
}

const struct sr_scdec sr_scdec_clone3 = {
	.name = "clone3",
	.enter = clone3_enter,
	.exit = clone3_exit,
};

/* prctl: which arguments an option takes, and how each prints. */
static void hex_args(struct sr_fmt *f, const struct sr_call *c, int from)
{
	int i;

	for (i = from; i < 5; i++) {
		out__puts(f->out, ", ");
		out__hex(f->out, c->args[i]);
	}
}

/* A string of at most @size bytes (PR_SET_NAME, PR_GET_NAME), cut at -s. */
static void fmt_name_buf(struct sr_fmt *f, const struct sr_blob *b, uint64_t addr, size_t size)
{
	size_t n = size < fmt_strsize(f) ? size : fmt_strsize(f);
	const char *s;

	if (!addr) {
		out__puts(f->out, "NULL");
		return;
	}
	if (!blob_ok(b) || b->len < n) {
		out__hex(f->out, addr);
		return;
	}
	s = blob_data(b);
	out__quoted(f->out, s, strnlen(s, n), n, 0);
	if (!memchr(s, 0, n))
		out__puts(f->out, "...");
}

/* "[SIGTERM]", "[PR_TSC_ENABLE]": an int the kernel stored at argument 1. */
static void prctl_stored(struct sr_fmt *f, const struct sr_call *c, const struct sr_xlat *x,
			 bool flags)
{
	const void *p = failed(c) ? NULL : blob_get(exit_blob(c, 1), 4);
	uint32_t v;

	if (!p) {
		fmt_ptr(f, c->args[1]);
		return;
	}
	v = get32(p, 0);
	out__putc(f->out, '[');
	if (!x)
		out__udec(f->out, v);
	else if (flags)
		fmt_flags(f, x, v);
	else
		fmt_enum(f, x, v);
	out__putc(f->out, ']');
}

static void prctl_pdeathsig_get(struct sr_fmt *f, const struct sr_call *c)
{
	const void *p = failed(c) ? NULL : blob_get(exit_blob(c, 1), 4);

	if (!p) {
		fmt_ptr(f, c->args[1]);
		return;
	}
	out__putc(f->out, '[');
	fmt_signame(f, (int)get32(p, 0));
	out__putc(f->out, ']');
}

/* Options whose argument the kernel writes: printed at exit. */
static bool prctl_exit_option(uint32_t op)
{
	switch (op) {
	case PR_GET_CHILD_SUBREAPER:
	case PR_GET_ENDIAN:
	case PR_GET_FPEMU:
	case PR_GET_FPEXC:
	case PR_GET_NAME:
	case PR_GET_PDEATHSIG:
	case PR_GET_TID_ADDRESS:
	case PR_GET_TSC:
	case PR_GET_UNALIGN:
		return true;
	}
	return false;
}

static void prctl_exit(struct sr_fmt *f, const struct sr_call *c)
{
	switch ((uint32_t)c->args[0]) {
	case PR_GET_CHILD_SUBREAPER:
	case PR_GET_ENDIAN:
	case PR_GET_FPEMU:
	case PR_GET_FPEXC:
		prctl_stored(f, c, NULL, false);
		break;
	case PR_GET_NAME:
		if (failed(c))
			fmt_ptr(f, c->args[1]);
		else
			fmt_name_buf(f, exit_blob(c, 1), c->args[1], 16);
		break;
	case PR_GET_PDEATHSIG:
		prctl_pdeathsig_get(f, c);
		break;
	case PR_GET_TID_ADDRESS:
		fmt_kptr_at(f, c, 1);
		break;
	case PR_GET_TSC:
		prctl_stored(f, c, &xlat_pr_tsc, false);
		break;
	case PR_GET_UNALIGN:
		prctl_stored(f, c, &xlat_pr_unalign_flags, true);
		break;
	}
}

/* seccomp's struct sock_fprog: the filter itself only with -v. */
static void fmt_fprog(struct sr_fmt *f, const struct sr_blob *b, uint64_t addr)
{
	const uint8_t *p = blob_get(b, 16);
	uint16_t len;

	if (!addr || !p) {
		fmt_ptr(f, addr);
		return;
	}
	memcpy(&len, p, 2);
	out__puts(f->out, "{len=");
	out__udec(f->out, len);
	out__puts(f->out, ", filter=");
	fmt_ptr(f, get64(p + 8, 0));
	out__putc(f->out, '}');
}

static void prctl_cap_ambient(struct sr_fmt *f, const struct sr_call *c)
{
	uint64_t sub = c->args[1];

	out__puts(f->out, ", ");
	fmt_enum(f, &xlat_pr_cap_ambient, sub);
	if (sub == PR_CAP_AMBIENT_RAISE || sub == PR_CAP_AMBIENT_LOWER ||
	    sub == PR_CAP_AMBIENT_IS_SET) {
		out__puts(f->out, ", ");
		fmt_enum(f, &xlat_capabilities, c->args[2]);
		hex_args(f, c, 3);
	} else {
		hex_args(f, c, 2);
	}
}

static void prctl_mce_kill(struct sr_fmt *f, const struct sr_call *c)
{
	out__puts(f->out, ", ");
	fmt_enum(f, &xlat_pr_mce_kill, c->args[1]);
	out__puts(f->out, ", ");
	if (c->args[1] == PR_MCE_KILL_SET)
		fmt_enum(f, &xlat_pr_mce_kill_policy, c->args[2]);
	else
		out__hex(f->out, c->args[2]);
	hex_args(f, c, 3);
}

static void prctl_set_vma(struct sr_fmt *f, const struct sr_call *c)
{
	out__puts(f->out, ", ");
	fmt_enum(f, &xlat_pr_set_vma, c->args[1]);
	if (c->args[1] != PR_SET_VMA_ANON_NAME) {
		hex_args(f, c, 2);
		return;
	}
	out__puts(f->out, ", ");
	fmt_ptr(f, c->args[2]);
	out__puts(f->out, ", ");
	out__udec(f->out, c->args[3]);
	out__puts(f->out, ", ");
	fmt_blob_str(f, c->in[4], c->args[4], fmt_strsize(f), SR_Q_NUL_TERM);
}

static void prctl_seccomp(struct sr_fmt *f, const struct sr_call *c)
{
	out__puts(f->out, ", ");
	fmt_enum(f, &xlat_seccomp_mode, c->args[1]);
	if (c->args[1] == 1) /* SECCOMP_MODE_STRICT */
		return;
	if (c->args[1] == 2) { /* SECCOMP_MODE_FILTER */
		out__puts(f->out, ", ");
		fmt_fprog(f, c->in[2], c->args[2]);
		return;
	}
	hex_args(f, c, 2);
}

static void prctl_speculation(struct sr_fmt *f, const struct sr_call *c, bool set)
{
	out__puts(f->out, ", ");
	fmt_enum(f, &xlat_pr_spec_cmds, c->args[1]);
	if (!set)
		return;
	out__puts(f->out, ", ");
	if (c->args[1] <= PR_SPEC_L1D_FLUSH)
		fmt_enum(f, &xlat_pr_spec_set_store_bypass_flags, c->args[2]);
	else
		out__hex(f->out, c->args[2]);
}

static void prctl_ptracer(struct sr_fmt *f, const struct sr_call *c)
{
	out__puts(f->out, ", ");
	if ((int32_t)c->args[1] == -1)
		out__puts(f->out, "PR_SET_PTRACER_ANY");
	else
		out__dec(f->out, (int32_t)c->args[1]);
}

/* Options with a single decoded argument; false when @op is not one. */
static bool prctl_one_arg(struct sr_fmt *f, const struct sr_call *c, uint32_t op)
{
	uint64_t a = c->args[1];

	switch (op) {
	case PR_SET_CHILD_SUBREAPER:
	case PR_SET_ENDIAN:
	case PR_SET_FPEMU:
	case PR_SET_FPEXC:
	case PR_SET_KEEPCAPS:
	case PR_SET_TIMING:
		out__printf(f->out, ", %llu", (unsigned long long)a);
		return true;
	case PR_SET_DUMPABLE:
		out__puts(f->out, ", ");
		fmt_enum(f, &xlat_pr_dumpable, a);
		return true;
	case PR_CAPBSET_DROP:
	case PR_CAPBSET_READ:
		out__puts(f->out, ", ");
		fmt_enum(f, &xlat_capabilities, a);
		return true;
	case PR_SET_NAME:
		out__puts(f->out, ", ");
		fmt_name_buf(f, c->in[1], a, 15);
		return true;
	case PR_SET_PDEATHSIG:
		out__puts(f->out, ", ");
		if (a > 128)
			out__udec(f->out, a);
		else
			fmt_signame(f, (int)a);
		return true;
	}
	return false;
}

static bool prctl_one_flag_arg(struct sr_fmt *f, const struct sr_call *c, uint32_t op)
{
	uint64_t a = c->args[1];

	switch (op) {
	case PR_SET_SECUREBITS:
		out__puts(f->out, ", ");
		fmt_flags(f, &xlat_secbits, a);
		return true;
	case PR_SET_TIMERSLACK:
		out__printf(f->out, ", %lld", (long long)a);
		return true;
	case PR_SET_TSC:
		out__puts(f->out, ", ");
		fmt_enum(f, &xlat_pr_tsc, (uint32_t)a);
		return true;
	case PR_SET_UNALIGN:
		out__puts(f->out, ", ");
		fmt_flags(f, &xlat_pr_unalign_flags, (uint32_t)a);
		return true;
	case PR_SET_NO_NEW_PRIVS:
	case PR_SET_THP_DISABLE:
	case PR_SET_IO_FLUSHER:
		out__printf(f->out, ", %llu", (unsigned long long)a);
		hex_args(f, c, 2);
		return true;
	}
	return false;
}

static bool prctl_multi_arg(struct sr_fmt *f, const struct sr_call *c, uint32_t op)
{
	switch (op) {
	case PR_CAP_AMBIENT:
		prctl_cap_ambient(f, c);
		return true;
	case PR_MCE_KILL:
		prctl_mce_kill(f, c);
		return true;
	case PR_SET_VMA:
		prctl_set_vma(f, c);
		return true;
	case PR_SET_MM:
		out__puts(f->out, ", ");
		fmt_enum(f, &xlat_pr_set_mm, (uint32_t)c->args[1]);
		hex_args(f, c, 2);
		return true;
	case PR_SET_SECCOMP:
		prctl_seccomp(f, c);
		return true;
	case PR_SET_PTRACER:
		prctl_ptracer(f, c);
		return true;
	case PR_GET_SPECULATION_CTRL:
	case PR_SET_SPECULATION_CTRL:
		prctl_speculation(f, c, op == PR_SET_SPECULATION_CTRL);
		return true;
	}
	return false;
}

/* Options that take no argument at all. */
static bool prctl_no_args(uint32_t op)
{
	switch (op) {
	case PR_GET_KEEPCAPS:
	case PR_GET_SECCOMP:
	case PR_GET_TIMERSLACK:
	case PR_GET_TIMING:
	case PR_GET_DUMPABLE:
	case PR_GET_SECUREBITS:
	case PR_GET_FP_MODE:
	case PR_TASK_PERF_EVENTS_DISABLE:
	case PR_TASK_PERF_EVENTS_ENABLE:
		return true;
	}
	return false;
}

static void prctl_enter(struct sr_fmt *f, const struct sr_call *c)
{
	uint32_t op = (uint32_t)c->args[0];

	fmt_enum(f, &xlat_prctl_option, op);
	if (prctl_no_args(op))
		return;
	if (prctl_exit_option(op)) {
		out__puts(f->out, ", ");
		return;
	}
	if (prctl_one_arg(f, c, op) || prctl_one_flag_arg(f, c, op) || prctl_multi_arg(f, c, op))
		return;
	hex_args(f, c, 1);
}

/*
 * " (PR_SPEC_PRCTL|PR_SPEC_ENABLE)": bit sets some options return. strace
 * prints these return values in hex, which the table's INT return cannot.
 */
static bool prctl_ret_flags(struct sr_fmt *f, const struct sr_call *c)
{
	const struct sr_xlat *x = NULL;

	switch ((uint32_t)c->args[0]) {
	case PR_GET_SECUREBITS:
		x = c->ret ? &xlat_secbits : NULL;
		break;
	case PR_GET_SPECULATION_CTRL:
		x = c->args[1] <= PR_SPEC_L1D_FLUSH ? &xlat_pr_spec_get_store_bypass_flags : NULL;
		break;
	}
	if (!x)
		return false;
	out__puts(f->out, " (");
	fmt_flags(f, x, (uint64_t)c->ret);
	out__putc(f->out, ')');
	return true;
}

/* Bit sets come back in hex, as strace prints them. */
static void prctl_ret(struct sr_fmt *f, const struct sr_call *c)
{
	uint32_t opt = (uint32_t)c->args[0];
	bool hex = (opt == PR_GET_SECUREBITS && c->ret) ||
		   (opt == PR_GET_SPECULATION_CTRL && c->args[1] <= PR_SPEC_L1D_FLUSH);

	if (hex)
		out__hex(f->out, (uint64_t)c->ret);
	else
		out__dec(f->out, c->ret);
}

/* " (SUID_DUMP_USER)": values some options return, by name. */
static void prctl_ret_suffix(struct sr_fmt *f, const struct sr_call *c)
{
	const struct sr_xlat *x = NULL;
	const char *n;

	if (prctl_ret_flags(f, c))
		return;
	switch ((uint32_t)c->args[0]) {
	case PR_GET_DUMPABLE:
		x = &xlat_pr_dumpable;
		break;
	case PR_MCE_KILL_GET:
		x = &xlat_pr_mce_kill_policy;
		break;
	}
	n = x ? xlat__name(x, (uint64_t)c->ret) : NULL;
	if (!n)
		return;
	out__puts(f->out, " (");
	out__puts(f->out, n);
	out__putc(f->out, ')');
}

/*
 * Argument 1 is a name (PR_SET_NAME) or where the kernel stores a value
 * (PR_GET_*); argument 2 a seccomp program; argument 4 a VMA name.
 */
static void prctl_plan(const struct sr_sysent *ent, const struct sr_opts *o, struct sr_plan *p)
{
	struct sr_plan_arg *pa = &p->a[1];
	long cap = o->strsize + 2;

	(void)ent;
	/* a name's page may not be resident yet: read it again at exit */
	pa->when = SR_CAP_ENTER | SR_CAP_EXIT | SR_CAP_RETRY;
	pa->how = SR_HOW_BUF;
	pa->len_src = SR_LEN_FIXED;
	pa->elem = 16; /* TASK_COMM_LEN */
	pa->cap = 16;
	p->a[2] = (struct sr_plan_arg){
		.when = SR_CAP_ENTER | SR_CAP_RETRY, .how = SR_HOW_BUF, .elem = 16, .cap = 16
	};
	p->a[4] = (struct sr_plan_arg){ .when = SR_CAP_ENTER | SR_CAP_RETRY,
					.how = SR_HOW_STR,
					.cap = cap > SR_BLOB_MAX ? SR_BLOB_MAX : cap };
}

const struct sr_scdec sr_scdec_prctl = {
	.name = "prctl",
	.enter = prctl_enter,
	.exit = prctl_exit,
	.ret = prctl_ret,
	.ret_suffix = prctl_ret_suffix,
	.plan = prctl_plan,
};

/* futex's timeout: NULL, {tv_sec=S, tv_nsec=N}, or its address. */
static void futex_timeout(struct sr_fmt *f, const struct sr_call *c)
{
	const uint8_t *p = blob_get(c->in[3], 16);

	if (!c->args[3]) {
		out__puts(f->out, "NULL");
		return;
	}
	if (!p) {
		out__hex(f->out, c->args[3]);
		return;
	}
	out__puts(f->out, "{tv_sec=");
	out__dec(f->out, (int64_t)get64(p, 0));
	out__puts(f->out, ", tv_nsec=");
	out__udec(f->out, get64(p + 8, 0));
	out__putc(f->out, '}');
}

static void futex_bitset(struct sr_fmt *f, uint32_t v)
{
	if (v == FUTEX_BITSET_MATCH_ANY)
		out__puts(f->out, "FUTEX_BITSET_MATCH_ANY");
	else
		out__hex(f->out, v);
}

/* FUTEX_WAKE_OP's encoded operation: op<<28|oparg<<12|cmp<<24|cmparg. */
static void futex_wake_op(struct sr_fmt *f, uint32_t v)
{
	static const char *const ops[] = { "FUTEX_OP_SET", "FUTEX_OP_ADD", "FUTEX_OP_OR",
					   "FUTEX_OP_ANDN", "FUTEX_OP_XOR" };
	static const char *const cmps[] = {
		"FUTEX_OP_CMP_EQ", "FUTEX_OP_CMP_NE", "FUTEX_OP_CMP_LT",
		"FUTEX_OP_CMP_LE", "FUTEX_OP_CMP_GT", "FUTEX_OP_CMP_GE"
	};
	uint32_t op = (v >> 28) & 7, cmp = (v >> 24) & 0xf;

	if ((v >> 28) & 8)
		out__puts(f->out, "FUTEX_OP_OPARG_SHIFT<<28|");
	if (op < 5)
		out__printf(f->out, "%s<<28", ops[op]);
	else
		out__printf(f->out, "%#x<<28 /* FUTEX_OP_??? */", op);
	out__printf(f->out, "|%#x<<12|", (v >> 12) & 0xfff);
	if (cmp < 6)
		out__printf(f->out, "%s<<24", cmps[cmp]);
	else
		out__printf(f->out, "%#x<<24 /* FUTEX_OP_CMP_??? */", cmp);
	out__printf(f->out, "|%#x", v & 0xfff);
}

static void futex_requeue(struct sr_fmt *f, const struct sr_call *c, int cmd)
{
	out__printf(f->out, ", %u, %u, ", (uint32_t)c->args[2], (uint32_t)c->args[3]);
	fmt_ptr(f, c->args[4]);
	if (cmd == FUTEX_REQUEUE)
		return;
	out__puts(f->out, ", ");
	if (cmd == FUTEX_WAKE_OP)
		futex_wake_op(f, (uint32_t)c->args[5]);
	else
		out__udec(f->out, (uint32_t)c->args[5]);
}

/* The arguments after uaddr and op depend on the command. */
static void futex_rest(struct sr_fmt *f, const struct sr_call *c, int cmd)
{
	uint32_t val = (uint32_t)c->args[2];

	switch (cmd) {
	case FUTEX_WAIT:
	case FUTEX_WAIT_BITSET:
	case FUTEX_WAIT_REQUEUE_PI:
		out__printf(f->out, ", %u, ", val);
		futex_timeout(f, c);
		if (cmd == FUTEX_WAIT_BITSET) {
			out__puts(f->out, ", ");
			futex_bitset(f, (uint32_t)c->args[5]);
		} else if (cmd == FUTEX_WAIT_REQUEUE_PI) {
			out__puts(f->out, ", ");
			fmt_ptr(f, c->args[4]);
		}
		return;
	case FUTEX_LOCK_PI:
	case FUTEX_LOCK_PI2:
		out__puts(f->out, ", ");
		futex_timeout(f, c);
		return;
	case FUTEX_WAKE_BITSET:
		out__printf(f->out, ", %u, ", val);
		futex_bitset(f, (uint32_t)c->args[5]);
		return;
	case FUTEX_REQUEUE:
	case FUTEX_CMP_REQUEUE:
	case FUTEX_CMP_REQUEUE_PI:
	case FUTEX_WAKE_OP:
		futex_requeue(f, c, cmd);
		return;
	case FUTEX_FD:
	case FUTEX_WAKE:
		out__printf(f->out, ", %u", val);
		return;
	case FUTEX_UNLOCK_PI:
	case FUTEX_TRYLOCK_PI:
		return;
	}
	out__printf(f->out, ", %u, ", val);
	fmt_ptr(f, c->args[3]);
	out__puts(f->out, ", ");
	fmt_ptr(f, c->args[4]);
	out__printf(f->out, ", %#x", (uint32_t)c->args[5]);
}

static void futex_enter(struct sr_fmt *f, const struct sr_call *c)
{
	uint32_t op = (uint32_t)c->args[1];

	fmt_ptr(f, c->args[0]);
	out__puts(f->out, ", ");
	fmt_enum(f, &xlat_futex_ops, op);
	futex_rest(f, c, op & 127);
}

const struct sr_scdec sr_scdec_futex = { .name = "futex", .enter = futex_enter };

/*
 * Decoders kinds.h does not list yet; the rows that would use them are
 * given with each. They need a line in kinds.h and their row changed.
 */

/* get_robust_list's head_ptr: A(STRUCT_OUT, kptr) prints "[0x7f...]". */
static void kptr_print(struct sr_fmt *f, const struct sr_call *c, int argi, const void *data,
		       size_t len)
{
	(void)c;
	(void)argi;
	(void)len;
	out__putc(f->out, '[');
	fmt_ptr(f, get64(data, 0));
	out__putc(f->out, ']');
}

const struct sr_kind sr_kind_kptr = {
	.name = "kptr",
	.size = 8,
	.max = 0,
	.print = kptr_print,
};

/* get_robust_list's len_ptr: A(STRUCT_OUT, ulong) prints "[24]". */
static void ulong_print(struct sr_fmt *f, const struct sr_call *c, int argi, const void *data,
			size_t len)
{
	(void)c;
	(void)argi;
	(void)len;
	out__putc(f->out, '[');
	out__udec(f->out, get64(data, 0));
	out__putc(f->out, ']');
}

const struct sr_kind sr_kind_ulong = {
	.name = "ulong",
	.size = 8,
	.max = 0,
	.print = ulong_print,
};

/* SCX(sched_getscheduler, 0, INT, sched_getscheduler, A(PID)): "= 0 (SCHED_OTHER)". */
static void sched_getscheduler_enter(struct sr_fmt *f, const struct sr_call *c)
{
	out__dec(f->out, (int32_t)c->args[0]);
}

static void sched_getscheduler_ret(struct sr_fmt *f, const struct sr_call *c)
{
	const char *n = xlat__name(&xlat_sched_policy, (uint64_t)c->ret);

	if (!n)
		return;
	out__puts(f->out, " (");
	out__puts(f->out, n);
	out__putc(f->out, ')');
}

const struct sr_scdec sr_scdec_sched_getscheduler = {
	.name = "sched_getscheduler",
	.enter = sched_getscheduler_enter,
	.ret_suffix = sched_getscheduler_ret,
};

/* struct sched_attr as far as VER1 (56 bytes). */
struct sr_sched_attr {
	uint32_t size;
	uint32_t sched_policy;
	uint64_t sched_flags;
	int32_t sched_nice;
	uint32_t sched_priority;
	uint64_t sched_runtime;
	uint64_t sched_deadline;
	uint64_t sched_period;
	uint32_t sched_util_min;
	uint32_t sched_util_max;
};

static void sched_attr_params(struct sr_fmt *f, const struct sr_sched_attr *a)
{
	out__printf(f->out, ", sched_nice=%d, sched_priority=%u", a->sched_nice, a->sched_priority);
	out__printf(f->out, ", sched_runtime=%llu, sched_deadline=%llu, sched_period=%llu",
		    (unsigned long long)a->sched_runtime, (unsigned long long)a->sched_deadline,
		    (unsigned long long)a->sched_period);
}

/*
 * sched_getattr: A(STRUCT_OUT, sched_attr), fields as far as the kernel
 * wrote (attr.size). sched_setattr: A(STRUCT_IN, sched_attr), fields as far
 * as the caller's attr.size, minus those SCHED_FLAG_KEEP_* leave alone.
 */
static void sched_attr_print(struct sr_fmt *f, const struct sr_call *c, int argi, const void *data,
			     size_t len)
{
	bool set = !strcmp(c->ent->name, "sched_setattr");
	struct sr_sched_attr a = { 0 };
	size_t usize, size;

	memcpy(&a, data, len < sizeof(a) ? len : sizeof(a));
	usize = set ? (a.size ? a.size : SCHED_ATTR_SIZE_VER0) : (uint32_t)c->args[argi + 1];
	size = usize < sizeof(a) ? usize : sizeof(a);
	if (!set)
		size = a.size;
	out__printf(f->out, "{size=%u", a.size);
	if (size >= SCHED_ATTR_SIZE_VER0) {
		if (!set || (int32_t)a.sched_policy < 0 || !(a.sched_flags & 0x18)) {
			out__puts(f->out, ", sched_policy=");
			fmt_enum(f, &xlat_sched_policy, a.sched_policy);
		}
		out__puts(f->out, ", sched_flags=");
		fmt_flags(f, &xlat_sched_flags, a.sched_flags);
		if (!set || !(a.sched_flags & 0x10)) /* SCHED_FLAG_KEEP_PARAMS */
			sched_attr_params(f, &a);
		if (size >= sizeof(a))
			out__printf(f->out, ", sched_util_min=%u, sched_util_max=%u",
				    a.sched_util_min, a.sched_util_max);
	}
	out__puts(f->out, set && usize > size ? ", ...}" : "}");
}

const struct sr_kind sr_kind_sched_attr = {
	.name = "sched_attr",
	.size = sizeof(struct sr_sched_attr),
	.max = 0,
	.print = sched_attr_print,
};

/* SCX(personality, 0, HEX, personality, A(HEX)): PER_LINUX|ADDR_NO_RANDOMIZE. */
static void fmt_personality(struct sr_fmt *f, uint32_t v)
{
	fmt_enum(f, &xlat_personality_types, v & 0xff);
	v &= ~0xffu;
	if (!v)
		return;
	out__putc(f->out, '|');
	fmt_flags(f, &xlat_personality_flags, v);
}

static void personality_enter(struct sr_fmt *f, const struct sr_call *c)
{
	uint32_t v = (uint32_t)c->args[0];

	/* 0xffffffff only queries the current personality */
	if (v == 0xffffffff)
		out__hex(f->out, v);
	else
		fmt_personality(f, v);
}

static void personality_ret(struct sr_fmt *f, const struct sr_call *c)
{
	out__puts(f->out, " (");
	fmt_personality(f, (uint32_t)c->ret);
	out__putc(f->out, ')');
}

const struct sr_scdec sr_scdec_personality = {
	.name = "personality",
	.enter = personality_enter,
	.ret_suffix = personality_ret,
};

/*
 * SCX(seccomp, 0, INT, seccomp, A(ENUM, seccomp_op), A(HEX), A(PTR)): the
 * flags and the argument depend on the operation.
 */
enum { SR_SECCOMP_STRICT, SR_SECCOMP_FILTER, SR_SECCOMP_ACTION_AVAIL, SR_SECCOMP_NOTIF_SIZES };

static void seccomp_enter(struct sr_fmt *f, const struct sr_call *c)
{
	const void *p = blob_get(c->in[2], 4);
	uint32_t op = (uint32_t)c->args[0], flags = (uint32_t)c->args[1];

	fmt_enum(f, &xlat_seccomp_op, op);
	out__puts(f->out, ", ");
	if (op == SR_SECCOMP_FILTER) {
		fmt_flags(f, &xlat_seccomp_filter_flags, flags);
		out__puts(f->out, ", ");
		fmt_fprog(f, c->in[2], c->args[2]);
		return;
	}
	out__printf(f->out, "%#x, ", flags);
	if (op == SR_SECCOMP_NOTIF_SIZES)
		return;
	if (op != SR_SECCOMP_ACTION_AVAIL || !p) {
		fmt_ptr(f, c->args[2]);
		return;
	}
	out__putc(f->out, '[');
	fmt_enum(f, &xlat_seccomp_ret_action, get32(p, 0));
	out__putc(f->out, ']');
}

static void seccomp_exit(struct sr_fmt *f, const struct sr_call *c)
{
	const uint8_t *p = failed(c) ? NULL : blob_get(exit_blob(c, 2), 6);
	uint16_t sz[3];

	if ((uint32_t)c->args[0] != SR_SECCOMP_NOTIF_SIZES)
		return;
	if (!p) {
		fmt_ptr(f, c->args[2]);
		return;
	}
	memcpy(sz, p, sizeof(sz));
	out__printf(f->out, "{seccomp_notif=%u, seccomp_notif_resp=%u, seccomp_data=%u}", sz[0],
		    sz[1], sz[2]);
}

/* The filter program's header at entry, the sizes the kernel reports at exit. */
static void seccomp_plan(const struct sr_sysent *ent, const struct sr_opts *o, struct sr_plan *p)
{
	(void)ent;
	(void)o;
	p->a[2] = (struct sr_plan_arg){ .when = SR_CAP_ENTER | SR_CAP_EXIT | SR_CAP_RETRY,
					.how = SR_HOW_BUF,
					.elem = 16,
					.cap = 16 };
}

const struct sr_scdec sr_scdec_seccomp = {
	.name = "seccomp",
	.enter = seccomp_enter,
	.exit = seccomp_exit,
	.plan = seccomp_plan,
};

/*
 * SCX(ioprio_set/ioprio_get, ..., ioprio, ...): the priority as strace 6.1
 * shows it, IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 3), the class being all the
 * bits above the data (strace does not mask it as IOPRIO_PRIO_CLASS() does).
 */
static void fmt_ioprio(struct sr_fmt *f, uint32_t v)
{
	out__puts(f->out, "IOPRIO_PRIO_VALUE(");
	fmt_enum(f, &xlat_ioprio_class, v >> IOPRIO_CLASS_SHIFT);
	out__puts(f->out, ", ");
	out__dec(f->out, (int32_t)(v & ((1u << IOPRIO_CLASS_SHIFT) - 1)));
	out__putc(f->out, ')');
}

static void ioprio_enter(struct sr_fmt *f, const struct sr_call *c)
{
	fmt_enum(f, &xlat_ioprio_who, (uint32_t)c->args[0]); /* which */
	out__puts(f->out, ", ");
	out__dec(f->out, (int32_t)c->args[1]); /* who */
	if (c->ent->nargs > 2) {
		out__puts(f->out, ", ");
		fmt_ioprio(f, (uint32_t)c->args[2]); /* ioprio */
	}
}

/* ioprio_get: "= 16387 (IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 3))". */
static void ioprio_ret_suffix(struct sr_fmt *f, const struct sr_call *c)
{
	if (c->ent->nargs > 2 || c->ret < 0)
		return;
	out__puts(f->out, " (");
	fmt_ioprio(f, (uint32_t)c->ret);
	out__putc(f->out, ')');
}

const struct sr_scdec sr_scdec_ioprio = {
	.name = "ioprio",
	.enter = ioprio_enter,
	.ret_suffix = ioprio_ret_suffix,
};
