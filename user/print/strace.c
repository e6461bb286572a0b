// SPDX-License-Identifier: GPL-2.0
/*
 * The strace sink. One line is open at a time, as under strace -f: a call's
 * entry part is printed when it is known, and the line is ended with
 * " <unfinished ...>" if another task prints before the call returns; its
 * exit part then comes as "<... name resumed>".
 */
#include <stdlib.h>
#include <string.h>

#include "cli/opts.h"
#include "decode/decode.h"
#include "host/cgroup.h"
#include "print/args.h"
#include "print/line.h"
#include "print/strace.h"
#include "print/text.h"

struct sr_strace_sink {
	struct sr_sink base;
	struct sr_out *out;
	const struct sr_opts *opts;
	struct sr_text_pr text;
	struct sr_fmt fmt; /* over text */
	uint32_t open_tid; /* whose line is open; valid when line_open */
	bool line_open;
	struct sr_cgnames *cgnames; /* --show-cgroup labels, made on first use */
	sr_stack_fn *stack_fn; /* -k */
	void *stack_ctx;
};

#define SINK(s) ((struct sr_strace_sink *)(s))

/* sr_call.sink_bits: the entry part was printed (its line may since have been ended). */
static bool entry_printed(const struct sr_strace_sink *k, const struct sr_call *c)
{
	return c->sink_bits & k->base.bit;
}

static void cgroup_prefix(struct sr_strace_sink *k, uint64_t cgid)
{
	const char *label;

	if (!k->cgnames) {
		k->cgnames = calloc(1, sizeof(*k->cgnames));
		if (!k->cgnames)
			return;
	}
	label = cgnames__label(k->cgnames, cgid);
	/* a delegated subtree's owner names its cgroups: any bytes but '/' */
	out__escaped(k->out, label, strlen(label));
	out__putc(k->out, ' ');
}

/* "PID  ", "PID<comm> " with -Y, after the cgroup with --show-cgroup. */
static void leader(struct sr_strace_sink *k, const struct sr_task_info *t)
{
	const struct sr_opts *o = k->opts;
	size_t start;

	if (o && o->show_cgroup)
		cgroup_prefix(k, t->cgid);
	start = out__col(k->out);
	out__udec(k->out, t->tid);
	if (o && o->decode_pids && t->comm && t->comm[0]) {
		out__putc(k->out, '<');
		out__escaped_annot(k->out, t->comm, strnlen(t->comm, SR_COMM_LEN));
		out__puts(k->out, "> ");
		return;
	}
	/* strace -f -o FILE: "%-5d " */
	out__pad_to(k->out, start + 5);
	out__putc(k->out, ' ');
}

/* End the open line, if any, as strace does when another task prints. */
static void close_line(struct sr_strace_sink *k)
{
	if (!k->line_open)
		return;
	out__puts(k->out, " <unfinished ...>");
	out__newline(k->out);
	k->line_open = false;
}

static void end_line(struct sr_strace_sink *k)
{
	out__newline(k->out);
	k->line_open = false;
}

static bool line_is(const struct sr_strace_sink *k, uint32_t tid)
{
	return k->line_open && k->open_tid == tid;
}

/* Start @t's line where @c's call stands: its entry part, or "<... name resumed>". */
static void start_line(struct sr_strace_sink *k, const struct sr_task_info *t, struct sr_call *c)
{
	close_line(k);
	leader(k, t);
	if (entry_printed(k, c))
		line__resumed(&k->fmt, c);
	else
		line__enter(&k->fmt, c);
}

/* Go on with @t's call: on its own open line, or on a new one. */
static void continue_line(struct sr_strace_sink *k, const struct sr_task_info *t, struct sr_call *c)
{
	if (!entry_printed(k, c) || !line_is(k, t->tid))
		start_line(k, t, c);
}

static void on_enter(struct sr_strace_sink *k, const struct sr_task_info *t, struct sr_call *c)
{
	if (!line_is(k, t->tid))
		close_line(k);
	leader(k, t);
	line__enter(&k->fmt, c);
	k->line_open = true;
	k->open_tid = t->tid;
	c->sink_bits |= k->base.bit;
}

static void on_call(struct sr_strace_sink *k, const struct sr_event *ev)
{
	/* values are named as of the moment the event happened */
	k->fmt.when = ev->ts;
	const struct sr_task_info *t = ev->task;
	struct sr_call *c = ev->call;

	switch (ev->type) {
	case SR_EV_ENTER:
		on_enter(k, t, c);
		return;
	case SR_EV_EXIT:
		continue_line(k, t, c);
		line__exit(&k->fmt, c);
		line__ret(&k->fmt, c);
		break;
	case SR_EV_ORPHAN:
		close_line(k);
		leader(k, t);
		line__resumed(&k->fmt, c);
		line__ret(&k->fmt, c);
		break;
	case SR_EV_NORETURN:
		close_line(k);
		leader(k, t);
		line__enter(&k->fmt, c);
		line__noreturn(&k->fmt, c, false);
		break;
	case SR_EV_UNAVAILABLE:
		if (!entry_printed(k, c) || !line_is(k, t->tid))
			start_line(k, t, c);
		out__puts(k->out, ") = ? <unavailable>");
		break;
	case SR_EV_DEAD:
		continue_line(k, t, c);
		line__noreturn(&k->fmt, c, args__has_exit_part(c->ent));
		break;
	case SR_EV_DETACHED:
		if (!line_is(k, t->tid))
			start_line(k, t, c);
		out__puts(k->out, " <detached ...>");
		break;
	default:
		return;
	}
	end_line(k);
	/* strace -k: the call's stack under its line; exit's after "+++ exited" */
	if (k->stack_fn && ev->type != SR_EV_NORETURN)
		k->stack_fn(k->stack_ctx, k->out, t->tid);
}

/* "--- SIGCHLD {si_signo=SIGCHLD, ...} ---", as strace reports a delivery. */
static void on_signal(struct sr_strace_sink *k, const struct sr_event *ev)
{
	close_line(k);
	leader(k, ev->task);
	out__puts(k->out, "--- ");
	text_pr__args_begin(&k->text);
	fmt_signame(&k->fmt, ev->sig->sig);
	out__putc(k->out, ' ');
	text_pr__args_begin(&k->text);
	sr_kind_siginfo.print(&k->fmt, NULL, -1, ev->sig->siginfo, sizeof(ev->sig->siginfo));
	out__puts(k->out, " ---");
	out__newline(k->out);
}

/* "+++ exited with 3 +++", "+++ killed by SIGSEGV (core dumped) +++" */
static void on_pexit(struct sr_strace_sink *k, const struct sr_event *ev)
{
	int code = ev->exit_code;

	close_line(k);
	leader(k, ev->task);
	if (code & 0x7f) {
		out__puts(k->out, "+++ killed by ");
		text_pr__args_begin(&k->text);
		fmt_signame(&k->fmt, code & 0x7f);
		if (code & 0x80)
			out__puts(k->out, " (core dumped)");
		out__puts(k->out, " +++");
	} else {
		out__puts(k->out, "+++ exited with ");
		out__udec(k->out, (code >> 8) & 0xff);
		out__puts(k->out, " +++");
	}
	out__newline(k->out);
}

static void on_other(struct sr_strace_sink *k, const struct sr_event *ev)
{
	k->fmt.when = ev->ts;
	switch (ev->type) {
	case SR_EV_SIGNAL:
		on_signal(k, ev);
		break;
	case SR_EV_PEXIT:
		on_pexit(k, ev);
		if (k->stack_fn)
			k->stack_fn(k->stack_ctx, k->out, ev->task->tid);
		break;
	case SR_EV_RETID:
		/* the thread's line goes on under its new pid, as "<... resumed>" */
		if (line_is(k, ev->old_tid) || line_is(k, ev->task->tid))
			close_line(k);
		break;
	case SR_EV_SUPERSEDED:
		close_line(k);
		leader(k, ev->task);
		out__puts(k->out, "+++ superseded by execve in pid ");
		out__udec(k->out, ev->old_tid);
		out__puts(k->out, " +++");
		out__newline(k->out);
		break;
	case SR_EV_LOST:
		close_line(k);
		out__puts(k->out, "--- sysray: ");
		out__udec(k->out, ev->lost);
		out__puts(k->out, ev->lost == 1 ? " event lost" : " events lost");
		out__puts(k->out, " (ring buffer full; see -b) ---");
		out__newline(k->out);
		break;
	case SR_EV_COMPAT:
		close_line(k);
		out__puts(k->out, "[ Process PID=");
		out__udec(k->out, ev->task->tid);
		out__puts(k->out, " runs in 32 bit mode. ]");
		out__newline(k->out);
		break;
	default:
		break;
	}
}

static void strace_event(struct sr_sink *s, const struct sr_event *ev)
{
	struct sr_strace_sink *k = SINK(s);

	if (!ev->shown)
		return;
	if (ev->type <= SR_EV_DETACHED)
		on_call(k, ev);
	else
		on_other(k, ev);
}

static uint32_t strace_open_tid(const struct sr_sink *s)
{
	const struct sr_strace_sink *k = (const struct sr_strace_sink *)s;

	return k->line_open ? k->open_tid : 0;
}

static void strace_finish(struct sr_sink *s)
{
	struct sr_strace_sink *k = SINK(s);

	close_line(k);
	out__flush(k->out);
}

static const struct sr_sink_ops strace_ops = {
	.event = strace_event,
	.open_tid = strace_open_tid,
	.finish = strace_finish,
};

struct sr_sink *strace_sink__new(struct sr_out *out, const struct sr_opts *opts,
				 struct sr_fdtab *fds, sr_comm_fn *comm_of, void *comm_ctx)
{
	struct sr_strace_sink *k = calloc(1, sizeof(*k));

	if (!k)
		return NULL;
	k->base.ops = &strace_ops;
	k->out = out;
	k->opts = opts;
	text_pr__init(&k->text, out);
	k->fmt.pr = &k->text.base;
	k->fmt.opts = opts;
	k->fmt.fds = fds;
	if (opts && opts->decode_pids) {
		k->fmt.comm_of = comm_of;
		k->fmt.comm_ctx = comm_ctx;
	}
	return &k->base;
}

void strace_sink__set_fds(struct sr_sink *s, struct sr_fdtab *fds)
{
	if (s)
		SINK(s)->fmt.fds = fds;
}

void strace_sink__set_stacks(struct sr_sink *s, sr_stack_fn *fn, void *ctx)
{
	if (s) {
		SINK(s)->stack_fn = fn;
		SINK(s)->stack_ctx = ctx;
	}
}

void strace_sink__free(struct sr_sink *s)
{
	struct sr_strace_sink *k = SINK(s);

	if (!k)
		return;
	if (k->cgnames) {
		cgnames__free(k->cgnames);
		free(k->cgnames);
	}
	free(k);
}
