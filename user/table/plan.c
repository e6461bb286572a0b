// SPDX-License-Identifier: GPL-2.0
/*
 * Capture plans, the one place where argument types turn into what the BPF
 * side copies, and where the options (-e trace=, raw=, -z, -y) decide which
 * calls it sends at all. Reads the table and the options; calls nothing
 * above the table.
 */
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/uio.h>

#include "cli/opts.h"
#include "decode/decode.h"
#include "table/dumpio.h"
#include "table/plan.h"
#include "table/syscalls.h"

/* Bytes of one struct iovec of @e's task: an ia32 task's struct compat_iovec is two u32. */
static uint16_t iov_size(const struct sr_sysent *e)
{
	return e->ia32 ? 2 * sizeof(uint32_t) : sizeof(struct iovec);
}

/* Capture cap for strings and buffers shown with -s N. */
static uint16_t str_cap(const struct sr_opts *o, int extra)
{
	long cap = (long)o->strsize + extra;

	if (cap < 1)
		cap = 1;
	return cap > SR_BLOB_MAX ? SR_BLOB_MAX : cap;
}

static void plan_len(const struct sr_sysent *e, struct sr_plan_arg *pa, uint8_t len)
{
	switch (SR_L_KIND(len)) {
	case SR_L_ARG(0):
		pa->len_src = SR_LEN_ARG;
		/* a count the kernel reads as an int: the register's low half */
		if (syscalls__arg_is_32(e, SR_L_IDX(len)))
			pa->when |= SR_CAP_LEN32;
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

static void plan_struct(const struct sr_sysent *e, const struct sr_argdesc *a,
			const struct sr_opts *o, struct sr_plan_arg *pa)
{
	const struct sr_kind *k = a->kind;
	uint64_t cap64;
	uint32_t cap;

	pa->how = SR_HOW_BUF;
	if (a->len == SR_L_NONE) {
		pa->len_src = SR_LEN_FIXED;
		pa->elem = k->size;
		cap = k->size;
	} else if (k->size) {
		/*
		 * An array: one element more than -s shows tells "..." apart;
		 * the elements before an unreadable page are shown.
		 */
		plan_len(e, pa, a->len);
		pa->when |= SR_CAP_PART;
		pa->elem = k->size;
		cap64 = (uint64_t)k->size * ((uint64_t)o->strsize + 1);
		cap = cap64 > SR_BLOB_MAX ? SR_BLOB_MAX : (uint32_t)cap64;
	} else {
		plan_len(e, pa, a->len);
		pa->elem = 1;
		cap = k->max;
	}
	pa->cap = cap > SR_BLOB_MAX ? SR_BLOB_MAX : cap;
	/* Entry copies that fault are read again at exit (SR_CAP_RETRY). */
	switch (a->type) {
	case SR_T_STRUCT_IN:
		pa->when |= SR_CAP_ENTER | SR_CAP_RETRY;
		break;
	case SR_T_STRUCT_OUT:
		pa->when |= SR_CAP_EXIT;
		break;
	default:
		pa->when |= SR_CAP_ENTER | SR_CAP_RETRY | SR_CAP_EXIT;
		break;
	}
	if (a->flags & SR_AF_ANYRET)
		pa->when |= SR_CAP_ANYRET;
	if (k->ext)
		pa->when |= SR_CAP_PAGE_CUT;
	if (k->page_part)
		pa->when |= SR_CAP_PART;
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
		/*
		 * One byte past PATH_MAX: a string of PATH_MAX - 1 bytes and its
		 * NUL is whole, as strace reads it; a longer one is cut.
		 */
		pa->cap = SR_BLOB_MAX + 1;
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
		plan_len(e, pa, a->len);
		pa->elem = 1;
		/*
		 * One byte more than shown, as strace reads: a buffer whose
		 * byte after -s is unreadable prints as its address.
		 */
		pa->cap = str_cap(o, 1);
		/*
		 * Netlink messages are decoded whole (SR_BLOB_MAX bytes on a
		 * netlink socket) up to the first page they leave.
		 */
		if (a->flags & SR_AF_SOCKBUF)
			pa->when |= SR_CAP_NETLINK | SR_CAP_PART;
		break;
	case SR_T_PATH_OUT:
		pa->when = SR_CAP_EXIT;
		pa->how = SR_HOW_BUF;
		plan_len(e, pa, a->len);
		pa->elem = 1;
		pa->cap = SR_BLOB_MAX;
		break;
	case SR_T_STRUCT_IN:
	case SR_T_STRUCT_OUT:
	case SR_T_STRUCT_INOUT:
		plan_struct(e, a, o, pa);
		break;
	case SR_T_ARGV:
		/* after a successful execve, a retry reads the new image's copy */
		pa->when = SR_CAP_ENTER | SR_CAP_RETRY;
		pa->how = SR_HOW_STRV;
		pa->elem = e->ia32 ? sizeof(uint32_t) : 0; /* pointer width */
		pa->cap = str_cap(o, 2);
		break;
	case SR_T_ENVP:
		pa->when = SR_CAP_ENTER;
		pa->how = !opts__abbrev(o, e->nr) || o->capture_env ? SR_HOW_STRV :
								      SR_HOW_STRV_COUNT;
		pa->elem = e->ia32 ? sizeof(uint32_t) : 0;
		pa->cap = str_cap(o, 2);
		/* --record: whole variables, for sysray diff */
		if (o->capture_env && pa->cap < 514)
			pa->cap = 514;
		break;
	case SR_T_IOV_IN:
		if (a->flags & SR_AF_IOV_ADDR) {
			/* the array alone, up to the elements -s shows and one more */
			pa->when = SR_CAP_ENTER | SR_CAP_RETRY | SR_CAP_PART;
			pa->how = SR_HOW_BUF;
			plan_len(e, pa, a->len);
			pa->elem = iov_size(e);
			pa->cap = str_cap(o, 1) * iov_size(e) > SR_BLOB_MAX ?
					  SR_BLOB_MAX :
					  str_cap(o, 1) * iov_size(e);
			break;
		}
		/* fall through */
	case SR_T_IOV_OUT:
		/* a failed call's iovecs are shown too, their bases as addresses */
		pa->when = a->type == SR_T_IOV_IN ? SR_CAP_ENTER | SR_CAP_RETRY :
						    SR_CAP_EXIT | SR_CAP_ANYRET;
		if (syscalls__arg_is_32(e, SR_L_IDX(a->len)))
			pa->when |= SR_CAP_LEN32;
		pa->how = SR_HOW_IOV;
		pa->len_src = SR_LEN_ARG;
		pa->len_arg = SR_L_IDX(a->len);
		pa->elem = iov_size(e);
		/* each buffer one byte more than shown, as BUF_IN's */
		pa->cap = str_cap(o, 1);
		break;
	case SR_T_CUSTOM:
		if (a->dec->plan)
			a->dec->plan(e, i, o, pa);
		break;
	default:
		break; /* scalars: the register value is all there is */
	}
}

/* The int[2] output argument of a PAIR row (pipe, socketpair). */
static int pair_arg(const struct sr_sysent *e)
{
	int i;

	for (i = 0; i < e->nargs && i < SR_NARGS; i++)
		if (e->args[i].type == SR_T_STRUCT_OUT)
			return i;
	return 0;
}

/* Do the options ask for fd tables (-y, -yy, --absolute-paths; -P matches fds by path)? */
static bool fd_tables(const struct sr_opts *o)
{
	return o->decode_fds || o->absolute_paths || o->npaths;
}

/* -y, -yy: ask the kernel side to describe the fds a call creates or changes. */
static void plan_fdinfo(const struct sr_sysent *e, const struct sr_opts *o, struct sr_plan *plan)
{
	/* --absolute-paths needs the paths of dirfds too */
	if (!fd_tables(o))
		return;
	if (e->ret == SR_R_FD)
		plan->flags |= SR_PLAN_FDI_RET;
	if (SR_FDACT(e) == SR_FD_PAIR) {
		plan->flags |= SR_PLAN_FDI_PAIR;
		plan->fdi_arg = pair_arg(e);
	}
	if (o->decode_fds > 1 && (e->flags & SR_F_SOCK))
		plan->flags |= SR_PLAN_FDI_ARG0;
	/* an fd open again at close's exit: another thread's open took the number */
	if (SR_FDACT(e) == SR_FD_CLOSE)
		plan->flags |= SR_PLAN_FDI_ARG0;
}

/*
 * --no-data: copy no user memory but the paths the table names (the printers
 * show what was not copied as its address, as for memory that cannot be read).
 */
static void paths_only(const struct sr_sysent *e, struct sr_plan *plan)
{
	int i;

	for (i = 0; i < SR_NARGS; i++) {
		enum sr_atype t = i < e->nargs ? e->args[i].type : SR_T_NONE;

		if (t != SR_T_PATH && t != SR_T_PATH_OUT)
			memset(&plan->a[i], 0, sizeof(plan->a[i]));
	}
}

/*
 * A call with a socket buffer (sendto, recvfrom) reads at entry what socket
 * its fd (argument 0) is: the netlink decoders need the protocol, and the
 * kernel side the family (SR_CAP_NETLINK).
 */
static void plan_sockid(const struct sr_sysent *e, struct sr_plan *plan)
{
	int i;

	if (e->nargs < 1 || e->args[0].type != SR_T_FD)
		return;
	for (i = 1; i < e->nargs && i < SR_NARGS; i++)
		if (plan->a[i].when & SR_CAP_NETLINK)
			break;
	if (i >= e->nargs || i >= SR_NARGS)
		return;
	plan->a[0] = (struct sr_plan_arg){ .when = SR_CAP_ENTER,
					   .how = SR_HOW_SOCK,
					   .cap = sizeof(struct sr_sockid) };
}

/* A decoder's capture of what its argument points to, in the slot after the arguments. */
void plan__syscall(const struct sr_sysent *e, const struct sr_opts *o, struct sr_plan *plan)
{
	int i;

	memset(plan, 0, sizeof(*plan));
	plan->nargs = e->nargs;
	for (i = 0; i < e->nargs && i < SR_NARGS; i++)
		plan_arg(e, i, o, &plan->a[i]);
	for (i = 0; i < e->nargs && i < SR_NARGS; i++)
		if (e->args[i].type == SR_T_CUSTOM && e->args[i].dec->plan_more)
			e->args[i].dec->plan_more(e, i, o, plan);
	if (e->dec && e->dec->plan)
		e->dec->plan(e, o, plan);
	plan_sockid(e, plan);
	if (o->no_data)
		paths_only(e, plan);
	for (i = 0; i < SR_NARGS; i++) {
		if (plan->a[i].when & SR_CAP_ENTER)
			plan->flags |= SR_PLAN_HAS_ENTER;
		if (plan->a[i].when & SR_CAP_EXIT)
			plan->flags |= SR_PLAN_HAS_EXIT;
	}
	if (e->flags & SR_F_EXEC)
		plan->flags |= SR_PLAN_EXEC;
	else if (e->flags & SR_F_FORK)
		plan->flags |= SR_PLAN_FORK;
	else if (!(plan->flags & SR_PLAN_HAS_ENTER) && (e->flags & SR_F_NB))
		plan->flags |= SR_PLAN_AT_EXIT; /* -t, -T: sys_enter notes its time in the task */
	plan_fdinfo(e, o, plan);
	syscalls__plan_dumpio(e, o, plan);
}

/* -e trace=, -e raw=: bit @nr of a selection in the options. */
static bool selected(const uint8_t *sel, int nr)
{
	return nr >= 0 && nr < SR_NR_MAX && (sel[nr / 8] & (1u << (nr % 8)));
}

/*
 * -e trace= selects among the syscalls the table names; a number it does
 * not know ("syscall_0x1c3") is traced whatever the selection, -e
 * trace=none included, as strace traces the numbers it has no entry for.
 */
static bool traced(const struct sr_opts *o, int nr)
{
	return !o->trace_set || selected(o->trace_sel, nr) ||
	       (nr >= 0 && syscalls__get(nr)->unnamed);
}

/*
 * -P, --trace-fds select among the calls that can name a file or an fd
 * (@e: the entry it prints by, NULL for the raw ones out of range or of
 * ia32 tasks); the others stay in the kernel. Those the fd tables need
 * still come, as SR_PLAN_TRACK.
 */
static bool may_touch_files(const struct sr_opts *o, const struct sr_sysent *e)
{
	return !opts__selects_files(o) || (e && syscalls__touches_files(e));
}

/*
 * Numbers outside the table: x32 calls, and -1, which is also what the exit
 * of a call that restores the registers (SR_F_REGS: rt_sigreturn) reports:
 * traced with it.
 */
static bool catch_all_traced(const struct sr_opts *o)
{
	int nr;

	if (!o->trace_set)
		return true;
	for (nr = 0; nr < SR_NR_MAX; nr++)
		if ((syscalls__get(nr)->flags & SR_F_REGS) && traced(o, nr))
			return true;
	return false;
}

/* Is i386 syscall @nr selected (all are without -e trace=)? */
static bool compat_traced(const struct sr_opts *o, uint32_t nr)
{
	if (!o->trace_set)
		return true;
	if (nr >= SR_NR_MAX)
		return catch_all_traced(o);
	return selected(o->trace_sel32, nr);
}

/*
 * The plan of i386 syscall @nr (SR_NR_MAX: the numbers out of range) for an
 * ia32 task: what its entry's arguments read, 4-byte pointers and all. -P
 * and --trace-fds do not select ia32 calls (their fds teach the fd tables
 * nothing), so these see none; nor do they describe fds (-y).
 */
static void plan_ia32(const struct sr_opts *o, uint32_t nr, struct sr_plan *p)
{
	if (nr < SR_NR_MAX) {
		plan__syscall(syscalls__get_compat(nr), o, p);
		p->flags &= ~(SR_PLAN_FDI_RET | SR_PLAN_FDI_ARG0 | SR_PLAN_FDI_PAIR);
	} else {
		memset(p, 0, sizeof(*p));
		p->nargs = SR_NARGS;
	}
	if (compat_traced(o, nr) && may_touch_files(o, NULL))
		p->flags |= SR_PLAN_TRACED;
}

/* The plan of native number @nr, or of the numbers out of range (SR_PLAN_OOB). */
static void plan_native(const struct sr_opts *o, uint32_t nr, struct sr_plan *p)
{
	const struct sr_sysent *e, *shown;

	if (nr == SR_PLAN_OOB) {
		/* raw arguments, nothing captured */
		memset(p, 0, sizeof(*p));
		p->nargs = SR_NARGS;
		if (catch_all_traced(o) && may_touch_files(o, NULL))
			p->flags |= SR_PLAN_TRACED;
	} else {
		e = syscalls__get(nr);
		shown = selected(o->raw_sel, nr) ? syscalls__undecoded(nr) : e;
		plan__syscall(shown, o, p);
		if (traced(o, nr) && may_touch_files(o, shown))
			p->flags |= SR_PLAN_TRACED;
		/* what the fd tables replay reaches them whatever -e and -z say */
		if (fd_tables(o) && syscalls__changes_fds(e))
			p->flags |= SR_PLAN_TRACK;
	}
}

/*
 * A call with rows by command (struct sr_sysent.subs, shown as @e; plan at
 * @p): a plan for each command value, from the free keys at *@next, which
 * the kernel side's capture picks by the value of the argument
 * (SR_PLAN_SELECT); a value without a row of its own keeps the call's plan.
 */
static void plan_commands(const struct sr_opts *o, const struct sr_sysent *e, struct sr_plan *p,
			  struct sr_plan *sel, uint32_t *next)
{
	struct sr_plan *s;
	uint16_t v;

	if (!e->subs || *next + e->nsubs > SR_PLAN_SEL_MAX)
		return;
	for (v = 0; v < e->nsubs; v++) {
		s = &sel[*next + v];
		if (!e->subs[v].name) {
			*s = *p;
			continue;
		}
		plan__syscall(&e->subs[v], o, s);
		s->flags |= p->flags & (SR_PLAN_TRACED | SR_PLAN_TRACK);
		/* the hooks decide by the call's plan: it reads whatever a command reads */
		p->flags |= s->flags & (SR_PLAN_HAS_ENTER | SR_PLAN_HAS_EXIT);
	}
	if (p->flags & SR_PLAN_HAS_ENTER)
		p->flags &= ~SR_PLAN_AT_EXIT;
	p->flags |= SR_PLAN_SELECT;
	p->sel_arg = e->sel_arg;
	p->sel_n = e->nsubs;
	p->sel_base = SR_PLAN_SEL + *next;
	*next += e->nsubs;
}

void plan__build(const struct sr_opts *o, struct sr_plans *out)
{
	struct sr_plan *sel = &out->plan[SR_PLAN_SEL];
	uint32_t nr, next = 0;

	memset(sel, 0, SR_PLAN_SEL_MAX * sizeof(*sel));
	/* SR_NR_MAX: the numbers out of range, at SR_PLAN_OOB and SR_PLAN_IA32_OOB */
	for (nr = 0; nr <= SR_NR_MAX; nr++) {
		plan_native(o, nr, &out->plan[nr]);
		if (nr < SR_NR_MAX && !selected(o->raw_sel, nr))
			plan_commands(o, syscalls__get(nr), &out->plan[nr], sel, &next);
		plan_ia32(o, nr, &out->plan[SR_PLAN_IA32 + nr]);
		/* the native plan of the same number sends the hooks on to it */
		if (out->plan[SR_PLAN_IA32 + nr].flags & SR_PLAN_TRACED)
			out->plan[nr].flags |= SR_PLAN_COMPAT;
	}
	out->status = plan__kernel_status(o);
	/* what ioctl arguments point to, when ioctl is traced */
	out->n_ioc_refs = 0;
	if (out->plan[__NR_ioctl].flags & SR_PLAN_TRACED)
		out->n_ioc_refs = ioctl__refs(out->ioc_ref_codes, out->ioc_refs, SR_IOC_REFS_MAX);
}

uint32_t plan__kernel_status(const struct sr_opts *o)
{
	uint32_t k = 0;

	/* -T, -r, -t: a call sent whole at exit would have no entry time */
	if (!o->status || (o->status & ~(SR_ST_SUCCESSFUL | SR_ST_FAILED)) || opts__entry_times(o))
		return 0;
	if (o->status & SR_ST_SUCCESSFUL)
		k |= SR_STATUS_OK;
	if (o->status & SR_ST_FAILED)
		k |= SR_STATUS_FAIL;
	return k == (SR_STATUS_OK | SR_STATUS_FAIL) ? 0 : k;
}
