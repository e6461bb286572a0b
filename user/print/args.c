// SPDX-License-Identifier: GPL-2.0
/*
 * Table-driven printing of one syscall's values through the printer
 * interface: the arguments known at entry, those known at exit, and a
 * successful return value. The switch in args__value() is the only place
 * that turns an argument type into a value; custom decoders take over for
 * SR_T_CUSTOM and SCX rows.
 */
#include <stdio.h>
#include <string.h>

#include "decode/decode.h"
#include "print/args.h"
#include "cli/opts.h"

/* Bytes of a buffer argument: quoted, cut at -s, "..." when more was there. */
static void format_buf(struct sr_fmt *f, const struct sr_call *c, int i, bool at_exit)
{
	const struct sr_argdesc *a = &c->ent->args[i];
	const struct sr_blob *b = call__blob(c, i, at_exit);
	unsigned int q = (a->flags & SR_AF_HEX) ? SR_Q_HEX : 0;

	if (at_exit && (!c->has_exit || c->ret < 0)) {
		fmt_ptr(f, c->args[i]);
		return;
	}
	if (!b || (b->flags & (SR_BF_FAULT | SR_BF_NULL))) {
		fmt_ptr(f, c->args[i]);
		return;
	}
	if ((a->flags & SR_AF_SOCKBUF) &&
	    fmt_netlink_buf(f, c, (int32_t)c->args[0], blob_data(b), b->len, c->args[i],
			    b->aux > 0 ? (uint64_t)b->aux : b->len))
		return;
	/* cut by an unmapped page before the bytes strace reads (-s and one more): unreadable */
	if ((b->flags & SR_BF_PART) && b->len < fmt_strsize(f) + 1 && b->len < (uint32_t)b->aux) {
		fmt_ptr(f, c->args[i]);
		return;
	}
	/* bytes past @len: more than cap, or on the unmapped page */
	if (b->flags & (SR_BF_TRUNC | SR_BF_PART))
		q |= SR_Q_ELLIPSIS;
	pr_str(f, blob_data(b), b->len, fmt_strsize(f), q);
}

/* getcwd, readlink: bytes the kernel wrote, printed whole like a path. */
static void format_path_out(struct sr_fmt *f, const struct sr_call *c, int i)
{
	const struct sr_blob *b = call__blob(c, i, true);

	if (!c->has_exit || c->ret < 0 || !b || (b->flags & (SR_BF_FAULT | SR_BF_NULL))) {
		fmt_ptr(f, c->args[i]);
		return;
	}
	pr_str(f, blob_data(b), b->len, SR_BLOB_MAX, SR_Q_NUL_TERM);
}

/* argv read back from the new image: NUL-separated strings, as in /proc/PID/cmdline. */
static void format_flat_argv(struct sr_fmt *f, const struct sr_blob *b)
{
	const char *p = blob_data(b), *end = p + b->len;
	size_t max = fmt_strsize(f), elems = fmt_max_elems(f), n = 0;

	pr_array_begin(f);
	while (p < end) {
		const char *z = memchr(p, 0, end - p);
		size_t len = z ? (size_t)(z - p) : (size_t)(end - p);

		if (n++ >= elems) {
			pr_more(f);
			break;
		}
		pr_str(f, p, len, max, 0);
		p += len + 1;
	}
	pr_array_end(f);
}

static void format_argv(struct sr_fmt *f, const struct sr_call *c, int i)
{
	const struct sr_blob *head = c->in[i], *b;
	const uint8_t *end = head ? call__blob_end(c, head) : c->in_end;
	/* -s bytes of each string; -s of them, or all with -v (strace's printargv) */
	size_t max = fmt_strsize(f), elems = fmt_max_elems(f), n;
	int32_t count;

	if (!c->args[i] || !fmt_decodes_structs(f)) {
		pr_addr(f, c->args[i]);
		return;
	}
	if (head && (head->flags & SR_BF_FLAT)) {
		format_flat_argv(f, head);
		return;
	}
	/* a fault on the array itself: the pointers before it are shown */
	if (!head || head->aux < 0 || ((head->flags & SR_BF_FAULT) && !head->aux)) {
		pr_x(f, c->args[i]);
		return;
	}
	count = head->aux;
	pr_array_begin(f);
	b = head;
	for (n = 0; n < (size_t)count; n++) {
		if (n >= elems) {
			pr_more(f);
			break;
		}
		b = blob_next(b, end);
		if (!b || SR_BLOB_ARG(b) != i) {
			pr_more(f);
			break;
		}
		/* a string that cannot be read: its pointer, when the capture kept it */
		if (b->flags & SR_BF_FAULT) {
			uint64_t p;

			if ((b->flags & SR_BF_PART) && b->len == sizeof(p)) {
				memcpy(&p, blob_data(b), sizeof(p));
				pr_addr(f, p);
			} else {
				pr_unknown(f);
			}
			continue;
		}
		pr_str(f, blob_data(b), b->len, max,
		       SR_Q_NUL_TERM | ((b->flags & SR_BF_TRUNC) ? SR_Q_ELLIPSIS : 0));
	}
	if (n == (size_t)count && (head->flags & SR_BF_FAULT))
		fmt_more_unread(f, c->args[i] + (uint64_t)count * sizeof(uint64_t));
	pr_array_end(f);
}

static void format_envp(struct sr_fmt *f, const struct sr_call *c, int i)
{
	const struct sr_blob *head = c->in[i];

	if (fmt_verbose(f)) {
		format_argv(f, c, i);
		return;
	}
	char note[48];

	fmt_ptr(f, c->args[i]);
	if (!c->args[i] || !fmt_decodes_structs(f) || !head ||
	    ((head->flags & SR_BF_FAULT) && !head->aux))
		return;
	snprintf(note, sizeof(note), "%d %s%s", (int)head->aux, head->aux == 1 ? "var" : "vars",
		 (head->flags & SR_BF_TRUNC) ? " or more" :
		 (head->flags & SR_BF_FAULT) ? ", unterminated" :
					       "");
	pr_comment(f, note);
}

/* Field @k (0 base, 1 len) of iovec @n in @v: an ia32 task's are two u32. */
static uint64_t iov_field(const struct sr_call *c, const void *v, size_t n, int k)
{
	if (c->ent->ia32)
		return get32(v, (2 * n + k) * sizeof(uint32_t));
	return get64(v, (2 * n + k) * sizeof(uint64_t));
}

/* struct iovec[] (an ia32 task's struct compat_iovec[]): the array blob, then one blob per buffer. */
static void format_iov(struct sr_fmt *f, const struct sr_call *c, int i, bool at_exit)
{
	const struct sr_blob *arr = call__blob(c, i, at_exit), *b;
	const size_t esz = c->ent->ia32 ? 2 * sizeof(uint32_t) : 2 * sizeof(uint64_t);
	const uint8_t *end;
	const void *v;
	size_t n, count, max = fmt_strsize(f);
	uint64_t left = at_exit && c->ret > 0 ? (uint64_t)c->ret : 0;
	uint64_t want = syscalls__len_arg(c->ent, c->args, SR_L_IDX(c->ent->args[i].len));
	/* a failed call: the bases as addresses, as strace's IOV_DECODE_ADDR */
	bool addrs = (at_exit && c->ret < 0) || (c->ent->args[i].flags & SR_AF_IOV_ADDR);

	if ((at_exit && !c->has_exit) || !arr || (arr->flags & (SR_BF_FAULT | SR_BF_NULL)) ||
	    (want && !fmt_decodes_structs(f))) {
		fmt_ptr(f, c->args[i]);
		return;
	}
	end = call__blob_end(c, arr);
	v = blob_data(arr);
	count = arr->len / esz;
	if (fmt_array_wraps(f, c->args[i], want, esz) ||
	    (want && fmt_array_unread(f, arr, c->args[i], count)))
		return;
	b = arr;
	pr_array_begin(f);
	for (n = 0; n < count; n++) {
		uint64_t base = iov_field(c, v, n, 0), len = iov_field(c, v, n, 1);
		bool have = at_exit ? left > 0 : true;

		if (addrs) {
			if (!pr_array_elem(f, n))
				break;
			pr_struct_begin(f);
			pr_field(f, "iov_base");
			fmt_ptr(f, base);
			pr_field_u(f, "iov_len", len);
			pr_struct_end(f);
			continue;
		}

		if (n >= max) {
			pr_more(f);
			break;
		}
		pr_struct_begin(f);
		pr_field(f, "iov_base");
		/* past the last buffer captured, the others are not there */
		if (have && b)
			b = blob_next(b, end);
		if (have && b && SR_BLOB_ARG(b) == i) {
			unsigned int q = (b->flags & SR_BF_TRUNC) ? SR_Q_ELLIPSIS : 0;

			if (b->flags & (SR_BF_FAULT | SR_BF_NULL))
				fmt_ptr(f, base);
			else
				pr_str(f, blob_data(b), b->len, max, q);
		} else if (at_exit) {
			pr_str(f, "", 0, max, 0);
		} else {
			fmt_ptr(f, base);
		}
		pr_field_u(f, "iov_len", len);
		pr_struct_end(f);
		left = left > len ? left - len : 0;
	}
	if (n == count && want > count && (arr->flags & SR_BF_PART))
		fmt_more_unread(f, c->args[i] + count * esz);
	else if (n == count && want > count)
		pr_more(f);
	pr_array_end(f);
}

void args__value(struct sr_fmt *f, const struct sr_call *c, int i)
{
	const struct sr_argdesc *a = &c->ent->args[i];
	uint64_t v = c->args[i];

	switch (a->type) {
	case SR_T_INT:
		pr_d(f, (int32_t)v);
		break;
	case SR_T_UINT:
		pr_u(f, (uint32_t)v);
		break;
	case SR_T_LONG:
	case SR_T_OFF:
		/* an ia32 task's long is its register's 32 bits */
		pr_d(f, c->ent->ia32 ? (int32_t)v : (int64_t)v);
		break;
	case SR_T_ULONG:
	case SR_T_SIZE:
		pr_u(f, v);
		break;
	case SR_T_HEX:
		pr_x(f, (a->flags & SR_AF_W32) ? (uint32_t)v : v);
		break;
	case SR_T_PTR:
		fmt_ptr(f, v);
		break;
	case SR_T_FD:
		fmt_fd(f, c, (int32_t)v);
		break;
	case SR_T_DIRFD:
		fmt_dirfd_or(f, c, a->xlat, (int32_t)v);
		break;
	case SR_T_MODE:
		fmt_mode(f, (uint16_t)v); /* a umode_t */
		break;
	case SR_T_UID:
		pr_id(f, (uint32_t)v);
		break;
	case SR_T_PID:
		if (a->pid == SR_PK_PG)
			fmt_pid_or_pgrp(f, (int32_t)v);
		else
			fmt_pid_as(f, (int32_t)v, a->pid);
		break;
	case SR_T_FLAGS:
		fmt_flags(f, a->xlat, (a->flags & SR_AF_W64) ? v : (uint32_t)v);
		break;
	case SR_T_ENUM:
		fmt_enum(f, a->xlat, (a->flags & SR_AF_W64) ? v : (uint32_t)v);
		break;
	case SR_T_SIGNUM:
		fmt_signame(f, (int32_t)v);
		break;
	case SR_T_PATH:
		fmt_path(f, c, i);
		break;
	case SR_T_STR:
		fmt_blob_str(f, call__blob(c, i, true), v, fmt_strsize(f), SR_Q_NUL_TERM);
		break;
	case SR_T_BUF_IN:
		format_buf(f, c, i, false);
		break;
	case SR_T_BUF_OUT:
		format_buf(f, c, i, true);
		break;
	case SR_T_PATH_OUT:
		format_path_out(f, c, i);
		break;
	case SR_T_STRUCT_IN:
		fmt_struct(f, c, i, false);
		break;
	case SR_T_STRUCT_OUT:
	case SR_T_STRUCT_INOUT:
		fmt_struct(f, c, i, true);
		break;
	case SR_T_ARGV:
		format_argv(f, c, i);
		break;
	case SR_T_ENVP:
		format_envp(f, c, i);
		break;
	case SR_T_IOV_IN:
		format_iov(f, c, i, false);
		break;
	case SR_T_IOV_OUT:
		format_iov(f, c, i, true);
		break;
	case SR_T_CUSTOM:
		if (!a->dec->print) {
			pr_x(f, v);
			break;
		}
		a->dec->print(f, c, i);
		break;
	case SR_T_SKIP:
		break;
	default:
		pr_x(f, v);
		break;
	}
}

static bool arg_shown(const struct sr_call *c, int i)
{
	const struct sr_argdesc *a = &c->ent->args[i];

	if (a->type == SR_T_SKIP)
		return false;
	if (a->type == SR_T_CUSTOM && a->dec->present)
		return a->dec->present(c, i);
	return true;
}

/* Print the shown arguments in [from, to). */
static void args_range(struct sr_fmt *f, const struct sr_call *c, int from, int to)
{
	int i;

	for (i = from; i < to; i++) {
		if (!arg_shown(c, i))
			continue;
		fmt_arg(f, c, i);
		args__value(f, c, i);
	}
}

bool args__has_exit_part(const struct sr_sysent *e)
{
	if (e->dec)
		return e->dec->exit != NULL;
	return e->split < e->nargs;
}

bool args__exit_shown(const struct sr_call *c)
{
	const struct sr_sysent *e = c->ent;
	int i;

	if (c->uring_peers)
		return false;
	if (e->dec)
		return e->dec->exit && (!e->dec->exit_shown || e->dec->exit_shown(c));
	for (i = e->split; i < e->nargs; i++)
		if (arg_shown(c, i))
			return true;
	return false;
}

bool args__entry_shown(const struct sr_call *c)
{
	const struct sr_sysent *e = c->ent;
	int i;

	if (c->uring_peers)
		return true;
	if (e->dec)
		return !e->dec->entry_shown || e->dec->entry_shown(c);
	for (i = 0; i < e->split; i++)
		if (arg_shown(c, i))
			return true;
	return false;
}

void args__enter(struct sr_fmt *f, const struct sr_call *c)
{
	const struct sr_sysent *e = c->ent;

	/* an io_uring request whose arguments may be another's: none shown */
	if (c->uring_peers) {
		pr_more(f);
		return;
	}
	if (e->dec) {
		e->dec->enter(f, c);
		return;
	}
	args_range(f, c, 0, e->split);
}

void args__exit(struct sr_fmt *f, const struct sr_call *c)
{
	const struct sr_sysent *e = c->ent;

	if (c->uring_peers)
		return;
	if (e->dec) {
		if (e->dec->exit)
			e->dec->exit(f, c);
		return;
	}
	args_range(f, c, e->split, e->nargs);
}

static void retval(struct sr_fmt *f, const struct sr_call *c)
{
	int64_t r = c->ret;

	if (c->ent->dec && c->ent->dec->ret) {
		c->ent->dec->ret(f, c);
		return;
	}
	switch (c->ent->ret) {
	case SR_R_SIG: /* "10 (SIGUSR1)": strace's plain note, whatever -X says */
		pr_d(f, r);
		if (r >= 1 && r <= 64) {
			char buf[16], name[20];

			snprintf(name, sizeof(name), "SIG%s",
				 signame_short((int)r, buf, sizeof(buf)));
			pr_note_begin(f);
			pr_artifact(f, name);
			pr_note_end(f);
		}
		break;
	case SR_R_HEX:
		pr_x(f, (uint64_t)r);
		break;
	case SR_R_OCT:
		fmt_mode(f, (uint64_t)r);
		break;
	case SR_R_FD:
		fmt_fd_new(f, c, (int)r);
		break;
	case SR_R_PID:
	case SR_R_TID:
	case SR_R_PGID:
	case SR_R_SID:
		/* SR_R_PID... in the order of enum sr_pidkind from SR_PK_TGID */
		fmt_pid_as(f, (int32_t)r, c->ent->ret - SR_R_PID);
		break;
	case SR_R_MYPID:
		fmt_pid_own(f, (int32_t)r, SR_PK_TGID, c->tgid);
		break;
	case SR_R_MYTID:
		fmt_pid_own(f, (int32_t)r, SR_PK_TID, c->tid);
		break;
	default:
		pr_d(f, r);
		break;
	}
}

void args__retval(struct sr_fmt *f, const struct sr_call *c)
{
	const struct sr_scdec *d = c->ent->dec;

	retval(f, c);
	if (d && d->ret_suffix)
		d->ret_suffix(f, c);
	args__peers_note(f, c);
}

void args__peers_note(struct sr_fmt *f, const struct sr_call *c)
{
	char buf[80];

	if (!c->uring_peers)
		return;
	snprintf(buf, sizeof(buf), "one of %u requests with user_data %#llx", c->uring_peers,
		 (unsigned long long)(c->sqe ? c->sqe->user_data : 0));
	pr_comment(f, buf);
}
