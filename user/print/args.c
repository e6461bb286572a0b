// SPDX-License-Identifier: GPL-2.0
/*
 * Table-driven printing of one syscall: the entry part ("name(args, "), the
 * exit part ("args)") and the return value, as strace prints them. The
 * switch in format_arg() is the only place that turns an argument type into
 * text; custom decoders take over for SR_T_CUSTOM and SCX rows.
 */
#include <string.h>

#include "decode/decode.h"
#include "print/args.h"
#include "cli/opts.h"

/* Column where strace aligns "= ret". */
#define SR_RET_COLUMN 40

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
	if (b->flags & SR_BF_TRUNC)
		q |= SR_Q_ELLIPSIS;
	out__quoted(f->out, blob_data(b), b->len, fmt_strsize(f), q);
}

/* getcwd, readlink: bytes the kernel wrote, printed whole like a path. */
static void format_path_out(struct sr_fmt *f, const struct sr_call *c, int i)
{
	const struct sr_blob *b = call__blob(c, i, true);

	if (!c->has_exit || c->ret < 0 || !b || (b->flags & (SR_BF_FAULT | SR_BF_NULL))) {
		fmt_ptr(f, c->args[i]);
		return;
	}
	out__quoted(f->out, blob_data(b), b->len, SR_BLOB_MAX, SR_Q_NUL_TERM);
}

/* argv read back from the new image: NUL-separated strings, as in /proc/PID/cmdline. */
static void format_flat_argv(struct sr_fmt *f, const struct sr_blob *b)
{
	const char *p = blob_data(b), *end = p + b->len;
	size_t max = fmt_strsize(f), n = 0;

	out__putc(f->out, '[');
	while (p < end) {
		const char *z = memchr(p, 0, end - p);
		size_t len = z ? (size_t)(z - p) : (size_t)(end - p);

		if (n)
			out__puts(f->out, ", ");
		if (n++ >= max) {
			out__puts(f->out, "...");
			break;
		}
		out__quoted(f->out, p, len, max, 0);
		p += len + 1;
	}
	out__putc(f->out, ']');
}

static void format_argv(struct sr_fmt *f, const struct sr_call *c, int i)
{
	const struct sr_blob *head = c->in[i], *b;
	const uint8_t *end = head ? call__blob_end(c, head) : c->in_end;
	size_t max = fmt_strsize(f), n;
	int32_t count;

	if (!c->args[i]) {
		out__puts(f->out, "NULL");
		return;
	}
	if (head && (head->flags & SR_BF_FLAT)) {
		format_flat_argv(f, head);
		return;
	}
	if (!head || (head->flags & SR_BF_FAULT) || head->aux < 0) {
		out__hex(f->out, c->args[i]);
		return;
	}
	count = head->aux;
	out__putc(f->out, '[');
	b = head;
	for (n = 0; n < (size_t)count; n++) {
		if (n)
			out__puts(f->out, ", ");
		if (n >= max) {
			out__puts(f->out, "...");
			break;
		}
		b = blob_next(b, end);
		if (!b || SR_BLOB_ARG(b) != i) {
			out__puts(f->out, "...");
			break;
		}
		/*
		 * strace shows a string it cannot read as its pointer, which the
		 * capture does not keep: say that it is unknown, not an address.
		 */
		if (b->flags & SR_BF_FAULT) {
			out__puts(f->out, "???");
			continue;
		}
		out__quoted(f->out, blob_data(b), b->len, max,
			    SR_Q_NUL_TERM | ((b->flags & SR_BF_TRUNC) ? SR_Q_ELLIPSIS : 0));
	}
	out__putc(f->out, ']');
}

static void format_envp(struct sr_fmt *f, const struct sr_call *c, int i)
{
	const struct sr_blob *head = c->in[i];

	if (fmt_verbose(f)) {
		format_argv(f, c, i);
		return;
	}
	fmt_ptr(f, c->args[i]);
	if (!c->args[i] || !head || (head->flags & SR_BF_FAULT))
		return;
	out__puts(f->out, " /* ");
	out__dec(f->out, head->aux);
	out__puts(f->out, head->aux == 1 ? " var" : " vars");
	if (head->flags & SR_BF_TRUNC)
		out__puts(f->out, " or more");
	out__puts(f->out, " */");
}

/* struct iovec[]: the array blob, then one blob per buffer. */
static void format_iov(struct sr_fmt *f, const struct sr_call *c, int i, bool at_exit)
{
	const struct sr_blob *arr = call__blob(c, i, at_exit), *b;
	const uint8_t *end;
	const uint64_t *v;
	size_t n, count, max = fmt_strsize(f);
	uint64_t left = at_exit && c->ret > 0 ? (uint64_t)c->ret : 0;

	if ((at_exit && (!c->has_exit || c->ret < 0)) || !arr ||
	    (arr->flags & (SR_BF_FAULT | SR_BF_NULL))) {
		fmt_ptr(f, c->args[i]);
		return;
	}
	end = call__blob_end(c, arr);
	v = blob_data(arr);
	count = arr->len / 16;
	b = arr;
	out__putc(f->out, '[');
	for (n = 0; n < count; n++) {
		uint64_t base = v[2 * n], len = v[2 * n + 1];
		bool have = at_exit ? left > 0 : true;

		if (n)
			out__puts(f->out, ", ");
		if (n >= max) {
			out__puts(f->out, "...");
			break;
		}
		out__puts(f->out, "{iov_base=");
		if (have)
			b = blob_next(b, end);
		if (have && b && SR_BLOB_ARG(b) == i) {
			unsigned int q = (b->flags & SR_BF_TRUNC) ? SR_Q_ELLIPSIS : 0;

			if (b->flags & (SR_BF_FAULT | SR_BF_NULL))
				fmt_ptr(f, base);
			else
				out__quoted(f->out, blob_data(b), b->len, max, q);
		} else if (at_exit) {
			out__puts(f->out, "\"\"");
		} else {
			fmt_ptr(f, base);
		}
		out__puts(f->out, ", iov_len=");
		out__udec(f->out, len);
		out__putc(f->out, '}');
		left = left > len ? left - len : 0;
	}
	if (n == count && c->args[SR_L_IDX(c->ent->args[i].len) % SR_NARGS] > count)
		out__puts(f->out, count ? ", ..." : "...");
	out__putc(f->out, ']');
}

void format_arg(struct sr_fmt *f, const struct sr_call *c, int i)
{
	const struct sr_argdesc *a = &c->ent->args[i];
	uint64_t v = c->args[i];

	switch (a->type) {
	case SR_T_INT:
		out__dec(f->out, (int32_t)v);
		break;
	case SR_T_UINT:
		out__udec(f->out, (uint32_t)v);
		break;
	case SR_T_LONG:
	case SR_T_OFF:
		out__dec(f->out, (int64_t)v);
		break;
	case SR_T_ULONG:
	case SR_T_SIZE:
		out__udec(f->out, v);
		break;
	case SR_T_HEX:
		out__hex(f->out, v);
		break;
	case SR_T_PTR:
		fmt_ptr(f, v);
		break;
	case SR_T_FD:
		fmt_fd(f, c, (int32_t)v);
		break;
	case SR_T_DIRFD:
		fmt_dirfd(f, c, (int32_t)v);
		break;
	case SR_T_MODE:
		fmt_mode(f, (uint16_t)v); /* a umode_t */
		break;
	case SR_T_UID:
		if ((uint32_t)v == (uint32_t)-1)
			out__puts(f->out, "-1");
		else
			out__udec(f->out, (uint32_t)v);
		break;
	case SR_T_PID:
		fmt_pid(f, (int32_t)v);
		break;
	case SR_T_FLAGS:
		fmt_flags(f, a->xlat, (uint32_t)v);
		break;
	case SR_T_ENUM:
		fmt_enum(f, a->xlat, (uint32_t)v);
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
		if (a->dec->print)
			a->dec->print(f, c, i);
		else
			out__hex(f->out, v);
		break;
	case SR_T_SKIP:
		break;
	default:
		out__hex(f->out, v);
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

/* Print the shown arguments in [from, to); return how many were printed. */
static int format_args(struct sr_fmt *f, const struct sr_call *c, int from, int to)
{
	int i, n = 0;

	for (i = from; i < to; i++) {
		if (!arg_shown(c, i))
			continue;
		if (n++)
			out__puts(f->out, ", ");
		format_arg(f, c, i);
	}
	return n;
}

bool format__has_exit_part(const struct sr_sysent *e)
{
	if (e->dec)
		return e->dec->exit != NULL;
	return e->split < e->nargs;
}

void format__enter(struct sr_fmt *f, const struct sr_call *c)
{
	const struct sr_sysent *e = c->ent;
	int i;

	out__puts(f->out, e->name);
	out__putc(f->out, '(');
	if (e->dec) {
		e->dec->enter(f, c);
		return;
	}
	if (format_args(f, c, 0, e->split) > 0) {
		/* strace leaves ", " before the arguments the exit will print */
		for (i = e->split; i < e->nargs; i++) {
			if (arg_shown(c, i)) {
				out__puts(f->out, ", ");
				break;
			}
		}
	}
}

void format__exit(struct sr_fmt *f, const struct sr_call *c)
{
	const struct sr_sysent *e = c->ent;

	if (e->dec) {
		if (e->dec->exit)
			e->dec->exit(f, c);
		return;
	}
	format_args(f, c, e->split, e->nargs);
}

static void format_retval(struct sr_fmt *f, const struct sr_call *c)
{
	int64_t r = c->ret;
	const char *name;

	if (c->ent->ret == SR_R_NONE) {
		out__putc(f->out, '?');
		return;
	}
	if (r < 0 && r >= -4095) {
		int err = (int)-r;

		name = errno__name(err);
		/* Restart codes never reach user space: strace shows "?" for them. */
		if (err == 512 || err == 513 || err == 514 || err == 516)
			out__puts(f->out, "? ");
		else
			out__puts(f->out, "-1 ");
		/* strace's print_err_ret(): a value with no name as a number */
		if (!name) {
			out__puts(f->out, "(errno ");
			out__dec(f->out, err);
			out__putc(f->out, ')');
			return;
		}
		out__puts(f->out, name);
		out__puts(f->out, " (");
		out__puts(f->out, errno__text(err));
		out__putc(f->out, ')');
		return;
	}
	if (c->ent->dec && c->ent->dec->ret) {
		c->ent->dec->ret(f, c);
		goto suffix;
	}
	switch (c->ent->ret) {
	case SR_R_SIG:
		out__dec(f->out, r);
		if (r >= 1 && r <= 64) {
			out__puts(f->out, " (");
			fmt_signame(f, (int)r);
			out__putc(f->out, ')');
		}
		break;
	case SR_R_HEX:
		out__hex(f->out, (uint64_t)r);
		break;
	case SR_R_OCT:
		fmt_mode(f, (uint64_t)r);
		break;
	case SR_R_FD:
		fmt_fd_new(f, c, (int)r);
		break;
	case SR_R_PID:
		fmt_pid(f, (int32_t)r);
		break;
	default:
		out__dec(f->out, r);
		break;
	}
suffix:
	if (c->ent->dec && c->ent->dec->ret_suffix)
		c->ent->dec->ret_suffix(f, c);
}

void format__ret(struct sr_fmt *f, const struct sr_call *c)
{
	out__puts(f->out, ") ");
	out__pad_to(f->out, SR_RET_COLUMN);
	out__puts(f->out, "= ");
	format_retval(f, c);
}

void format__noreturn(struct sr_fmt *f, const struct sr_call *c, bool unfinished)
{
	if (unfinished)
		out__puts(f->out, " <unfinished ...>");
	out__puts(f->out, ") ");
	out__pad_to(f->out, SR_RET_COLUMN);
	out__puts(f->out, "= ?");
}
