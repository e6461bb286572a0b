// SPDX-License-Identifier: GPL-2.0
/*
 * The strace sink. One line is open at a time per destination, as under
 * strace -f: a call's entry part is printed when it is known, and the line
 * is ended with " <unfinished ...>" if another task prints there before the
 * call returns; its exit part then comes as "<... name resumed>". With -ff
 * each thread has a file of its own (print/outfiles.c), so a line is only
 * ever interrupted by its own thread. Each line starts with strace's leader:
 * the pid (not with -ff), the time (-t, -tt, -ttt, -r), the syscall number
 * (-n).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/opts.h"
#include "decode/decode.h"
#include "host/cgroup.h"
#include "lib/clock.h"
#include "lib/digits.h"
#include "lib/idmap.h"
#include "print/args.h"
#include "print/dump.h"
#include "print/line.h"
#include "print/outfiles.h"
#include "print/strace.h"
#include "print/text.h"

struct sr_strace_sink {
	struct sr_sink base;
	const struct sr_opts *opts;
	struct sr_dest shared; /* the one destination, without -ff (shared.out: not owned) */
	struct sr_outfiles *files; /* -ff: a destination per thread; NULL otherwise */
	struct sr_dest *d; /* where the event being handled goes */
	struct sr_text_pr text;
	struct sr_fmt fmt; /* over text */
	struct sr_cgnames *cgnames; /* --show-cgroup labels, made on first use */
	sr_stack_fn *stack_fn; /* -k */
	void *stack_ctx;
	long long wall_offset; /* -t: CLOCK_REALTIME minus CLOCK_MONOTONIC, in ns */
	uint64_t last_ts; /* -r: the time of the previous line's leader; 0: none yet */
	time_t tm_secs; /* -t: the second tm_text spells, to call localtime once a second */
	char tm_text[32];
	struct sr_secs_text wall_text; /* -tt, -ttt: the last time's text, for the next */
	struct sr_secs_text rel_text; /* -r: the same */
	struct idmap last; /* -n, -i: tid -> struct task_last */
};

/* -n, -i: what strace's tcb holds of a task's latest syscall, for lines about the task. */
struct task_last {
	int nr;
	bool ia32; /* an ia32 task: 8 hex digits */
	uint64_t ip; /* 0: unknown */
};

#define SINK(s) ((struct sr_strace_sink *)(s))

/* sr_call.sink_bits: the entry part was printed (its line may since have been ended). */
static bool entry_printed(const struct sr_strace_sink *k, const struct sr_call *c)
{
	return c->sink_bits & k->base.bit;
}

/* Write to @d from now on. */
static void use_dest(struct sr_strace_sink *k, struct sr_dest *d)
{
	k->d = d;
	k->text.out = d->out;
}

/* The destination of @tid's lines; false when -ff cannot open its file (said once). */
static bool dest_for(struct sr_strace_sink *k, uint32_t tid)
{
	struct sr_dest *d = k->files ? outfiles__get(k->files, tid) : &k->shared;

	if (!d)
		return false;
	use_dest(k, d);
	return true;
}

static struct sr_out *out_of(struct sr_strace_sink *k)
{
	return k->d->out;
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
	out__escaped(out_of(k), label, strlen(label));
	out__putc(out_of(k), ' ');
}

/* "PID  ", "PID<comm> " with -Y (-ff: none), after the cgroup with --show-cgroup. */
static void pid_column(struct sr_strace_sink *k, const struct sr_task_info *t)
{
	const struct sr_opts *o = k->opts;
	struct sr_out *out = out_of(k);
	size_t start;

	if (o && o->show_cgroup)
		cgroup_prefix(k, t->cgid);
	if (o && o->output_separately)
		return;
	start = out__col(out);
	out__udec(out, t->tid);
	if (o && o->decode_pids && t->comm && t->comm[0]) {
		out__putc(out, '<');
		out__escaped_annot(out, t->comm, strnlen(t->comm, SR_COMM_LEN));
		out__puts(out, "> ");
		return;
	}
	/* strace -f -o FILE: "%-5d " */
	out__pad_to(out, start + 5);
	out__putc(out, ' ');
}

/* "%0*ld" of the @digits first digits of @ns (a fraction of a second). */
static void fraction(struct sr_out *o, uint64_t ns, int digits)
{
	out__putc(o, '.');
	out__dec_fixed(o, ns / sr_pow10[9 - digits], digits);
}

/* -t, -tt, -ttt: the wall-clock time of kernel time @ts, as strace's "%T" or "%s". */
static void wall_time(struct sr_strace_sink *k, uint64_t ts)
{
	const struct sr_opts *o = k->opts;
	struct sr_out *out = out_of(k);
	long long ns = (long long)ts + k->wall_offset;
	/* room for the whole time: no flush moves it while it is written */
	char *d = out__room(out, 64);
	size_t start = out->len;
	time_t secs;
	struct tm tm;

	/* most often the last time's text but its last two digits */
	if (ns >= 0 && (d = secs_text__reuse(&k->wall_text, d, (uint64_t)ns, o->ts_digits))) {
		*d++ = ' ';
		out__commit(out, d);
		return;
	}
	secs = (time_t)(ns / 1000000000);
	if (o->ts_format == SR_TS_UNIX) {
		out__dec(out, (int64_t)secs);
	} else {
		if (secs != k->tm_secs || !k->tm_text[0]) {
			if (localtime_r(&secs, &tm))
				strftime(k->tm_text, sizeof(k->tm_text), "%T", &tm);
			else
				snprintf(k->tm_text, sizeof(k->tm_text), "%lld", (long long)secs);
			k->tm_secs = secs;
		}
		out__puts(out, k->tm_text);
	}
	if (o->ts_digits)
		fraction(out, (uint64_t)(ns % 1000000000), o->ts_digits);
	if (ns >= 0)
		secs_text__keep(&k->wall_text, out->buf + start, out->buf + out->len, (uint64_t)ns,
				o->ts_digits);
	out__putc(out, ' ');
}

/*
 * -r: the time since the previous line's leader (0 for the first), as
 * strace's "%6ld.%06ld ", or "(+%6ld.%06ld) " after -t's time. Lines print
 * in the order of the kernel's timestamps, but a call shown whole at exit
 * under -z/-Z starts its line at its entry: then the difference is
 * negative, and printed so.
 */
static void relative_time(struct sr_strace_sink *k, uint64_t ts)
{
	const struct sr_opts *o = k->opts;
	int64_t d = k->last_ts ? (int64_t)(ts - k->last_ts) : 0;
	uint64_t mag = d < 0 ? -(uint64_t)d : (uint64_t)d;
	unsigned int width;
	char *p = out__room(out_of(k), 48), *q;

	k->last_ts = ts;
	if (o->ts_format != SR_TS_NONE) {
		memcpy(p, "(+", 2);
		p += 2;
	}
	/* most often the last difference's text but its last two digits */
	q = d >= 0 ? secs_text__reuse(&k->rel_text, p, mag, o->rel_digits) : NULL;
	if (!q) {
		/* "%6s" of the seconds, '-' included */
		memcpy(p, "      ", 6);
		q = p;
		width = dec_len(mag / 1000000000) + (d < 0);
		if (width < 6)
			p += 6 - width;
		if (d < 0)
			*p++ = '-';
		p = dec_put_seconds(p, mag, o->rel_digits);
		if (d >= 0)
			secs_text__keep(&k->rel_text, q, p, mag, o->rel_digits);
	} else {
		p = q;
	}
	if (o->ts_format != SR_TS_NONE)
		*p++ = ')';
	*p++ = ' ';
	out__commit(out_of(k), p);
}

/*
 * -n, -i: remember @w, a call's number and address, for the lines about its
 * task (signals, exits), as strace's tcb holds them.
 */
static void remember(struct sr_strace_sink *k, const struct sr_task_info *t,
		     const struct task_last *w)
{
	struct task_last *l = idmap__get(&k->last, t->tid);

	if (!l) {
		l = malloc(sizeof(*l));
		if (!l || idmap__put(&k->last, t->tid, l)) {
			free(l);
			return;
		}
	}
	*l = *w;
}

/* What @t's latest call left (strace's fresh tcb says 0, no address). */
static struct task_last recall(struct sr_strace_sink *k, const struct sr_task_info *t)
{
	const struct task_last *l = idmap__get(&k->last, t->tid);
	struct task_last none = { 0 };

	return l ? *l : none;
}

/* -n: "[  59] ", strace's true_scno. */
static void syscall_number(struct sr_strace_sink *k, int nr)
{
	if (nr < 0)
		out__puts(out_of(k), "[???] ");
	else
		out__printf(out_of(k), "[%4d] ", nr);
}

/*
 * -i: "[00007f0123456789] ", 8 digits for an ia32 task, or question marks
 * where no address is known.
 */
static void instruction_pointer(struct sr_strace_sink *k, const struct task_last *w)
{
	int width = w->ia32 ? 8 : 16;

	if (w->ip)
		out__printf(out_of(k), "[%0*llx] ", width, (unsigned long long)w->ip);
	else
		out__printf(out_of(k), "[%.*s] ", width, "????????????????");
}

/*
 * strace's printleader(): pid, times, syscall number and instruction
 * pointer before a line. @ts is the kernel time the line stands for (a
 * call's entry, or the moment of a resumed part, a signal, an exit); @w
 * the number and address to show (@w->ip 0: unknown).
 */
static void leader_at(struct sr_strace_sink *k, const struct sr_task_info *t, uint64_t ts,
		      const struct task_last *w)
{
	const struct sr_opts *o = k->opts;

	pid_column(k, t);
	if (!o)
		return;
	if (o->ts_format != SR_TS_NONE)
		wall_time(k, ts);
	if (o->relative)
		relative_time(k, ts);
	if (o->print_nr)
		syscall_number(k, w->nr);
	if (o->print_ip)
		instruction_pointer(k, w);
}

/* The leader of a line about @c. */
static void leader(struct sr_strace_sink *k, const struct sr_task_info *t, uint64_t ts,
		   const struct sr_call *c)
{
	struct task_last w = { .nr = c->nr, .ip = c->ip };

	if (k->opts && (k->opts->print_nr || k->opts->print_ip)) {
		/* an ia32 task's calls print by the i386 table's entries */
		w.ia32 = c->ent->ia32;
		remember(k, t, &w);
	}
	leader_at(k, t, ts, &w);
}

/*
 * What @t's latest call left, where @in_nr (>= 0) is the call the kernel
 * says the task is in: its latest, traced or not, which strace's stops saw.
 */
static struct task_last recall_in(struct sr_strace_sink *k, const struct sr_task_info *t,
				  int32_t in_nr)
{
	struct task_last w = recall(k, t);

	if (in_nr >= 0 && in_nr != w.nr && k->opts && k->opts->print_nr) {
		w.nr = in_nr;
		remember(k, t, &w);
	}
	return w;
}

/*
 * The leader of a line about @t itself (a signal, in syscall @in_nr or -1):
 * its latest call's number and address.
 */
static void task_leader(struct sr_strace_sink *k, const struct sr_task_info *t, uint64_t ts,
			int32_t in_nr)
{
	struct task_last w = recall_in(k, t, in_nr);

	leader_at(k, t, ts, &w);
}

/* The leader of a task's last line (an exit, in syscall @in_nr or -1): its latest number, no address. */
static void exit_leader(struct sr_strace_sink *k, const struct sr_task_info *t, uint64_t ts,
			int32_t in_nr)
{
	struct task_last w = recall_in(k, t, in_nr);

	/* the task is gone: strace cannot read its instruction pointer either */
	w.ip = 0;
	leader_at(k, t, ts, &w);
}

/* The kernel time a call's line starts at: its entry, when known. */
static uint64_t entry_time(const struct sr_call *c, uint64_t ev_ts)
{
	return c->ts_enter ? c->ts_enter : c->has_exit && c->ts_exit ? c->ts_exit : ev_ts;
}

/* End the open line, if any, as strace does when another task prints. */
static void close_line(struct sr_strace_sink *k)
{
	if (!k->d->line_open)
		return;
	out__puts(out_of(k), " <unfinished ...>");
	out__newline(out_of(k));
	k->d->line_open = false;
}

static void end_line(struct sr_strace_sink *k)
{
	out__newline(out_of(k));
	k->d->line_open = false;
}

static bool line_is(const struct sr_strace_sink *k, uint32_t tid)
{
	return k->d->line_open && k->d->open_tid == tid;
}

/* Start @t's line where @c's call stands: its entry part, or "<... name resumed>". */
static void start_line(struct sr_strace_sink *k, const struct sr_task_info *t, struct sr_call *c,
		       uint64_t ts)
{
	close_line(k);
	if (entry_printed(k, c)) {
		leader(k, t, ts, c);
		line__resumed(&k->fmt, c);
	} else {
		leader(k, t, entry_time(c, ts), c);
		line__enter(&k->fmt, c);
	}
}

/* Go on with @t's call: on its own open line, or on a new one. */
static void continue_line(struct sr_strace_sink *k, const struct sr_task_info *t, struct sr_call *c,
			  uint64_t ts)
{
	if (!entry_printed(k, c) || !line_is(k, t->tid))
		start_line(k, t, c, ts);
}

static void on_enter(struct sr_strace_sink *k, const struct sr_task_info *t, struct sr_call *c,
		     uint64_t ts)
{
	if (!line_is(k, t->tid))
		close_line(k);
	leader(k, t, ts, c);
	line__enter(&k->fmt, c);
	k->d->line_open = true;
	k->d->open_tid = t->tid;
	c->sink_bits |= k->base.bit;
}

static void on_call(struct sr_strace_sink *k, const struct sr_event *ev)
{
	const struct sr_task_info *t = ev->task;
	struct sr_call *c = ev->call;
	bool dump = false;

	/* values are named as of the moment the event happened */
	k->fmt.when = ev->ts;
	switch (ev->type) {
	case SR_EV_ENTER:
		on_enter(k, t, c, ev->ts);
		return;
	case SR_EV_EXIT:
		continue_line(k, t, c, ev->ts);
		line__exit(&k->fmt, c);
		line__ret(&k->fmt, c);
		dump = true;
		break;
	case SR_EV_ORPHAN:
		close_line(k);
		leader(k, t, ev->ts, c);
		line__resumed(&k->fmt, c);
		line__ret(&k->fmt, c);
		break;
	case SR_EV_NORETURN:
		close_line(k);
		leader(k, t, entry_time(c, ev->ts), c);
		line__enter(&k->fmt, c);
		line__noreturn(&k->fmt, c, false);
		break;
	case SR_EV_UNAVAILABLE:
		if (!entry_printed(k, c) || !line_is(k, t->tid))
			start_line(k, t, c, ev->ts);
		/* strace: ") ", the return column, "= ? <unavailable>" */
		out__puts(out_of(k), ") ");
		out__pad_to(out_of(k), (size_t)opts__acolumn(k->opts));
		out__puts(out_of(k), "= ? <unavailable>");
		break;
	case SR_EV_DEAD:
		continue_line(k, t, c, ev->ts);
		line__noreturn(&k->fmt, c, args__has_exit_part(c->ent));
		break;
	case SR_EV_DETACHED:
		if (!line_is(k, t->tid))
			start_line(k, t, c, ev->ts);
		out__puts(out_of(k), " <detached ...>");
		break;
	default:
		return;
	}
	end_line(k);
	if (dump)
		dump__call(out_of(k), k->opts, c);
	/* strace -k: the call's stack under its line; exit's after "+++ exited" */
	if (k->stack_fn && ev->type != SR_EV_NORETURN)
		k->stack_fn(k->stack_ctx, out_of(k), t->tid);
}

/* "SIGCHLD" as strace names signals in its own lines, whatever -X says. */
static void signal_name(struct sr_out *o, int sig)
{
	char buf[16];

	if (sig < 1 || sig > 64) {
		out__dec(o, sig);
		return;
	}
	out__puts(o, "SIG");
	out__puts(o, signame_short(sig, buf, sizeof(buf)));
}

/* "--- SIGCHLD {si_signo=SIGCHLD, ...} ---", as strace reports a delivery. */
static void on_signal(struct sr_strace_sink *k, const struct sr_event *ev)
{
	close_line(k);
	task_leader(k, ev->task, ev->ts, ev->sig->h.nr);
	out__puts(out_of(k), "--- ");
	signal_name(out_of(k), ev->sig->sig);
	out__putc(out_of(k), ' ');
	text_pr__args_begin(&k->text);
	sr_kind_siginfo.print(&k->fmt, NULL, -1, ev->sig->siginfo, sizeof(ev->sig->siginfo));
	out__puts(out_of(k), " ---");
	out__newline(out_of(k));
}

/* "+++ exited with 3 +++", "+++ killed by SIGSEGV (core dumped) +++" */
static void on_pexit(struct sr_strace_sink *k, const struct sr_event *ev)
{
	struct sr_out *o = out_of(k);
	int code = ev->exit_code;

	close_line(k);
	exit_leader(k, ev->task, ev->ts, ev->in_nr);
	if (code & 0x7f) {
		out__puts(o, "+++ killed by ");
		signal_name(o, code & 0x7f);
		if (code & 0x80)
			out__puts(o, " (core dumped)");
		out__puts(o, " +++");
	} else {
		out__puts(o, "+++ exited with ");
		out__udec(o, (code >> 8) & 0xff);
		out__puts(o, " +++");
	}
	out__newline(o);
}

/* "--- sysray: N events lost ... ---" in the destination @k->d. */
static void lost_marker(struct sr_strace_sink *k, uint64_t lost)
{
	struct sr_out *o = out_of(k);

	close_line(k);
	out__puts(o, "--- sysray: ");
	out__udec(o, lost);
	out__puts(o, lost == 1 ? " event lost" : " events lost");
	out__puts(o, " (ring buffer full; see -b) ---");
	out__newline(o);
}

struct lost_ctx {
	struct sr_strace_sink *k;
	uint64_t lost;
};

static void lost_in(void *ctx, uint32_t tid)
{
	struct lost_ctx *l = ctx;

	if (dest_for(l->k, tid))
		lost_marker(l->k, l->lost);
}

/* Losses concern every task: with -ff, every file open now says so. */
static void on_lost(struct sr_strace_sink *k, uint64_t lost)
{
	struct lost_ctx l = { k, lost };

	if (!k->files) {
		use_dest(k, &k->shared);
		lost_marker(k, lost);
		return;
	}
	outfiles__each(k->files, lost_in, &l);
}

/* A thread's execve made it the leader: it goes on under the leader's pid. */
static void on_retid(struct sr_strace_sink *k, const struct sr_event *ev)
{
	free(idmap__del(&k->last, ev->old_tid));
	/*
	 * The thread's execve line still open (in its own file with -ff, or
	 * the last line printed): it says where the thread went, and the call
	 * goes on under the leader's pid as "<... resumed>".
	 */
	if (dest_for(k, ev->old_tid) && k->d->line_open && (k->files || line_is(k, ev->old_tid))) {
		out__printf(out_of(k), " <pid changed to %u ...>", ev->task->tid);
		out__newline(out_of(k));
		k->d->line_open = false;
	} else if (!k->files && line_is(k, ev->task->tid)) {
		close_line(k);
	}
	if (k->files)
		outfiles__release(k->files, ev->old_tid);
}

static void on_other(struct sr_strace_sink *k, const struct sr_event *ev)
{
	struct sr_out *o;

	switch (ev->type) {
	case SR_EV_SIGNAL:
		on_signal(k, ev);
		break;
	case SR_EV_PEXIT:
		on_pexit(k, ev);
		if (k->stack_fn)
			k->stack_fn(k->stack_ctx, out_of(k), ev->task->tid);
		break;
	case SR_EV_SUPERSEDED:
		o = out_of(k);
		close_line(k);
		exit_leader(k, ev->task, ev->ts, ev->in_nr);
		out__puts(o, "+++ superseded by execve in pid ");
		out__udec(o, ev->old_tid);
		out__puts(o, " +++");
		out__newline(o);
		break;
	case SR_EV_COMPAT:
		o = out_of(k);
		close_line(k);
		out__puts(o, "[ Process PID=");
		out__udec(o, ev->task->tid);
		out__puts(o, " runs in 32 bit mode. ]");
		out__newline(o);
		break;
	default:
		break;
	}
}

/* With -ff, a task that is gone has its file closed, printed or not. */
static void task_gone(struct sr_strace_sink *k, const struct sr_event *ev)
{
	if (ev->type != SR_EV_PEXIT || !ev->task)
		return;
	free(idmap__del(&k->last, ev->task->tid));
	if (k->files)
		outfiles__release(k->files, ev->task->tid);
}

/*
 * Namespaces are read while the tasks live: their ids translate once they
 * are gone, until they are reaped (strace prints a reaped pid bare): a pid
 * wait4 returned is gone from the call's exit on.
 */
static void learn_pidns(struct sr_strace_sink *k, const struct sr_event *ev)
{
	const struct sr_call *c = ev->call;
	int32_t reaped;

	if (!k->fmt.pidns_of || !ev->task)
		return;
	k->fmt.pidns_of(k->fmt.pidns_ctx, ev->task->tid, 0, -1, ev->ts);
	if (ev->type == SR_EV_FORK && ev->child) {
		/* a reused tid: what was cached under it is another task's */
		k->fmt.pidns_of(k->fmt.pidns_ctx, ev->child->tid, 0, SR_PIDNS_GONE, ev->ts);
		k->fmt.pidns_of(k->fmt.pidns_ctx, ev->child->tid, 0, -1, ev->ts);
	}
	if (ev->type != SR_EV_EXIT || !c || c->ent->ret != SR_R_PID ||
	    (c->ent->flags & SR_F_FORK) || c->ret <= 0)
		return;
	reaped = k->fmt.pidns_of(k->fmt.pidns_ctx, c->tid, (int32_t)c->ret, SR_PK_TGID,
				 c->ts_enter ? c->ts_enter : c->ts_exit);
	if (reaped > 0)
		k->fmt.pidns_of(k->fmt.pidns_ctx, (uint32_t)reaped, 0, SR_PIDNS_GONE, c->ts_exit);
}

static void strace_event(struct sr_sink *s, const struct sr_event *ev)
{
	struct sr_strace_sink *k = SINK(s);

	learn_pidns(k, ev);
	if (ev->type == SR_EV_RETID) {
		on_retid(k, ev);
		return;
	}
	if (!ev->shown) {
		task_gone(k, ev);
		return;
	}
	if (ev->type == SR_EV_LOST) {
		on_lost(k, ev->lost);
		return;
	}
	if (!ev->task || !dest_for(k, ev->task->tid))
		return;
	k->fmt.call = NULL;
	k->fmt.when = ev->ts;
	k->fmt.tid = ev->task->tid;
	if (ev->type <= SR_EV_DETACHED)
		on_call(k, ev);
	else
		on_other(k, ev);
	task_gone(k, ev);
}

static uint32_t strace_open_tid(const struct sr_sink *s)
{
	const struct sr_strace_sink *k = (const struct sr_strace_sink *)s;

	/* -ff: every file has its own open line; none of them comes first */
	if (k->files)
		return 0;
	return k->shared.line_open ? k->shared.open_tid : 0;
}

static void strace_finish(struct sr_sink *s)
{
	struct sr_strace_sink *k = SINK(s);

	if (k->files) {
		outfiles__flush(k->files);
		return;
	}
	use_dest(k, &k->shared);
	close_line(k);
	out__flush(k->shared.out);
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
	k->opts = opts;
	text_pr__init(&k->text, out);
	line__fmt_init(&k->fmt, &k->text.base, opts, fds, comm_of, comm_ctx);
	if (opts) {
		text_pr__set_style(&k->text, opts->xlat_style);
		text_pr__set_arg_names(&k->text, opts->arg_names);
		out->hexstr = opts->hexstr;
	}
	if (opts && opts->ts_format != SR_TS_NONE)
		k->wall_offset = sr_realtime_offset_ns();
	k->shared.out = out;
	use_dest(k, &k->shared);
	return &k->base;
}

void strace_sink__set_files(struct sr_sink *s, struct sr_outfiles *files)
{
	if (s)
		SINK(s)->files = files;
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

void strace_sink__set_pidns(struct sr_sink *s, sr_pidns_fn *fn, void *ctx)
{
	if (s) {
		SINK(s)->fmt.pidns_of = fn;
		SINK(s)->fmt.pidns_ctx = ctx;
		SINK(s)->fmt.pidns_note = SINK(s)->opts && SINK(s)->opts->pidns;
	}
}

void strace_sink__end_line(struct sr_sink *s)
{
	if (s)
		close_line(SINK(s));
}

void strace_sink__free(struct sr_sink *s)
{
	struct sr_strace_sink *k = SINK(s);
	struct task_last *l;
	size_t it = 0;

	if (!k)
		return;
	if (k->cgnames) {
		cgnames__free(k->cgnames);
		free(k->cgnames);
	}
	while ((l = idmap__next(&k->last, &it, NULL)))
		free(l);
	idmap__free(&k->last);
	free(k);
}
