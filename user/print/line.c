// SPDX-License-Identifier: GPL-2.0
/* The strace line around a syscall's values. */
#include <string.h>

#include "cli/opts.h"
#include "lib/digits.h"
#include "print/args.h"
#include "print/line.h"

/* Column where strace aligns "= ret" unless -a says otherwise. */
#define SR_RET_COLUMN 40

static size_t ret_column(const struct sr_fmt *f)
{
	return f->opts ? (size_t)opts__acolumn(f->opts) : SR_RET_COLUMN;
}

/*
 * -N is strace 6.16's, whose split lines put the ", " before the exit part's
 * arguments in that part: "read(fd=3 <unfinished ...>" then
 * "<... read resumed>, buf=\"abc\", count=10) = 3" (6.1: "read(3, " then
 * "<... read resumed>\"abc\", 10)").
 */
static bool sep_at_exit(const struct sr_fmt *f, const struct sr_call *c)
{
	if (c->ent->dec && c->ent->dec->sep_at_exit)
		return true;
	return f->opts && f->opts->arg_names;
}

static struct sr_text_pr *text_of(struct sr_fmt *f)
{
	return (struct sr_text_pr *)f->pr;
}

void line__enter(struct sr_fmt *f, const struct sr_call *c)
{
	struct sr_text_pr *t = text_of(f);
	const struct sr_sysent *e = c->ent;

	/* an io_uring request prints as its syscall twin, marked */
	if (c->via == SR_VIA_URING)
		out__puts(t->out, "[io_uring] ");
	out__puts(t->out, e->name);
	out__putc(t->out, '(');
	text_pr__args_begin(t);
	f->call = c;
	/* the entry part as it stood when the call began */
	if (c->ts_enter)
		f->when = c->ts_enter;
	args__enter(f, c);
	/* some whole-call decoders leave the ", " to the exit part, as -N does */
	if (sep_at_exit(f, c))
		return;
	/* strace leaves ", " before the arguments the exit will print */
	if (!text_pr__args_empty(t) && args__exit_shown(c))
		out__puts(t->out, ", ");
}

void line__exit(struct sr_fmt *f, const struct sr_call *c)
{
	text_pr__args_begin(text_of(f));
	f->call = c;
	if (c->ts_exit)
		f->when = c->ts_exit;
	/* the exit part goes on with the entry's arguments: ", " before its first */
	if (sep_at_exit(f, c) && args__entry_shown(c))
		text_pr__args_continue(text_of(f));
	args__exit(f, c);
}

void line__resumed(struct sr_fmt *f, const struct sr_call *c)
{
	struct sr_out *o = text_of(f)->out;

	out__puts(o, "<... ");
	out__puts(o, c->ent->name);
	out__puts(o, " resumed>");
}

void line__errno(struct sr_out *o, int err)
{
	const char *name = errno__name(err);

	/* restart codes never reach user space: strace shows "?" for them */
	out__puts(o, errno__is_restart(err) ? "? " : "-1 ");
	if (!name) {
		out__puts(o, "(errno ");
		out__dec(o, err);
		out__putc(o, ')');
		return;
	}
	out__puts(o, name);
	out__puts(o, " (");
	out__puts(o, errno__text(err));
	out__putc(o, ')');
}

/*
 * -T: " <0.000012>", the time between the call's entry and exit as the
 * kernel stamped them, at the precision asked for (strace's " <%ld.%06ld>").
 * A call whose entry was never seen (a task under a seccomp filter that
 * failed the call before sys_enter, an exit after attaching mid-call) has
 * no duration: " <?>".
 */
static void syscall_time(struct sr_text_pr *t, const struct sr_opts *opts, const struct sr_call *c)
{
	struct sr_out *o = t->out;
	uint64_t ns = c->ts_exit - c->ts_enter;
	char *d, *end;

	if (!c->ts_enter || !c->has_exit || c->ts_exit < c->ts_enter) {
		out__puts(o, " <?>");
		return;
	}
	d = out__room(o, 40);
	memcpy(d, " <", 2);
	/* most often the last duration's text but its last two digits */
	end = secs_text__reuse(&t->took, d + 2, ns, opts->times_digits);
	if (!end) {
		end = dec_put_seconds(d + 2, ns, opts->times_digits);
		secs_text__keep(&t->took, d + 2, end, ns, opts->times_digits);
	}
	*end++ = '>';
	out__commit(o, end);
}

void line__ret(struct sr_fmt *f, const struct sr_call *c)
{
	struct sr_text_pr *t = text_of(f);
	struct sr_out *o = t->out;

	out__puts(o, ") ");
	out__pad_to(o, ret_column(f));
	out__puts(o, "= ");
	f->call = c;
	if (c->ent->ret == SR_R_NONE) {
		out__putc(o, '?');
		return;
	}
	if (c->ret < 0 && c->ret >= -4095) {
		line__errno(o, (int)-c->ret);
		text_pr__args_begin(t);
		args__peers_note(f, c);
	} else {
		text_pr__args_begin(t);
		if (c->ts_exit)
			f->when = c->ts_exit;
		args__retval(f, c);
	}
	if (f->opts && f->opts->syscall_times)
		syscall_time(t, f->opts, c);
}

void line__noreturn(struct sr_fmt *f, const struct sr_call *c, bool unfinished)
{
	struct sr_out *o = text_of(f)->out;

	(void)c;
	if (unfinished)
		out__puts(o, " <unfinished ...>");
	out__puts(o, ") ");
	out__pad_to(o, ret_column(f));
	out__puts(o, "= ?");
}

void line__whole(struct sr_fmt *f, const struct sr_call *c, bool resumed)
{
	if (resumed) {
		line__resumed(f, c);
	} else {
		line__enter(f, c);
		line__exit(f, c);
	}
	line__ret(f, c);
}

void line__fmt_init(struct sr_fmt *f, struct sr_pr *pr, const struct sr_opts *opts,
		    struct sr_fdtab *fds, sr_comm_fn *comm_of, void *comm_ctx)
{
	f->pr = pr;
	f->opts = opts;
	f->fds = fds;
	if (opts && opts->decode_pids) {
		f->comm_of = comm_of;
		f->comm_ctx = comm_ctx;
	}
}
