// SPDX-License-Identifier: GPL-2.0
/*
 * The JSON Lines sink. A syscall is one object, written when it completes
 * (or is known never to): its arguments as strace prints them and as data,
 * its return value, errno, and how long it took.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/opts.h"
#include "decode/decode.h"
#include "host/cgroup.h"
#include "lib/clock.h"
#include "print/args.h"
#include "print/json.h"
#include "print/jsonl.h"

struct sr_jsonl_sink {
	struct sr_sink base;
	struct sr_out *out;
	const struct sr_opts *opts;
	struct sr_json_pr pr;
	struct sr_fmt fmt; /* over pr */
	struct sr_jbuf line; /* the object being written */
	long long realtime_off; /* CLOCK_REALTIME - CLOCK_MONOTONIC, ns */
	struct sr_cgnames *cgnames; /* cgroup labels, made on first use */
};

#define SINK(s) ((struct sr_jsonl_sink *)(s))

static const char *const status_names[SR_EV_MAX] = {
	[SR_EV_EXIT] = "ok",	       [SR_EV_ORPHAN] = "resumed",
	[SR_EV_NORETURN] = "noreturn", [SR_EV_UNAVAILABLE] = "unavailable",
	[SR_EV_DEAD] = "unfinished",   [SR_EV_DETACHED] = "detached",
};

/* "2026-12-06T21:50:20.123456789Z" for kernel time @ts. */
static void wall_time(struct sr_jsonl_sink *k, uint64_t ts)
{
	long long ns;
	time_t sec;
	char buf[64];
	struct tm tm;

	/* a record's time is the kernel's word: one no clock reads gets no "time" */
	if (!ts || ts > INT64_MAX || __builtin_add_overflow((long long)ts, k->realtime_off, &ns) ||
	    ns < 0)
		return;
	sec = (time_t)(ns / 1000000000LL);
	if (!gmtime_r(&sec, &tm) || !strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%S", &tm))
		return;
	jbuf__printf(&k->line, ",\"time\":\"%s.%09lldZ\"", buf, ns % 1000000000LL);
}

static const char *cgroup_label(struct sr_jsonl_sink *k, uint64_t cgid)
{
	if (!k->cgnames) {
		k->cgnames = calloc(1, sizeof(*k->cgnames));
		if (!k->cgnames)
			return NULL;
	}
	return cgnames__label(k->cgnames, cgid);
}

/* {"type": ..., "ts": ..., "time": ..., "pid": ..., "tid": ..., "comm": ..., "cgroup": ... */
static void head(struct sr_jsonl_sink *k, const char *type, const struct sr_event *ev)
{
	const struct sr_task_info *t = ev->task;
	const char *cg;

	k->line.len = 0;
	jbuf__printf(&k->line, "{\"type\":\"%s\"", type);
	if (ev->ts)
		jbuf__printf(&k->line, ",\"ts\":%llu", (unsigned long long)ev->ts);
	wall_time(k, ev->ts);
	if (!t)
		return;
	jbuf__printf(&k->line, ",\"pid\":%u,\"tid\":%u", t->tgid, t->tid);
	if (t->comm && t->comm[0]) {
		jbuf__puts(&k->line, ",\"comm\":");
		jbuf__bytes(&k->line, t->comm, strnlen(t->comm, SR_COMM_LEN), false);
	}
	if (t->cgid && (cg = cgroup_label(k, t->cgid))) {
		jbuf__puts(&k->line, ",\"cgroup\":");
		jbuf__bytes(&k->line, cg, strlen(cg), false);
	}
}

/* Close the object and write it as one line. */
static void tail(struct sr_jsonl_sink *k)
{
	jbuf__puts(&k->line, "}\n");
	if (k->line.oom) {
		/* an object cut short is no JSON: say so instead */
		k->line.oom = false;
		k->line.len = 0;
		jbuf__puts(&k->line, "{\"type\":\"error\",\"error\":\"out of memory\"}\n");
	}
	out__write(k->out, k->line.p, k->line.len);
	if (k->out->line_buffered)
		out__flush(k->out);
}

/* "args": the arguments @c shows for an event of type @type. */
static void call_args(struct sr_jsonl_sink *k, enum sr_ev_type type, const struct sr_call *c)
{
	json_pr__begin(&k->pr);
	if (type != SR_EV_ORPHAN) {
		k->fmt.when = c->ts_enter;
		args__enter(&k->fmt, c);
	}
	if (c->has_exit && (type == SR_EV_EXIT || type == SR_EV_ORPHAN)) {
		k->fmt.when = c->ts_exit;
		args__exit(&k->fmt, c);
	}
	jbuf__puts(&k->line, ",\"args\":");
	json_pr__write_args(&k->pr, &k->line);
}

/* "retval", and "ret" with "ret_text", or "errno" and "error" for a failure. */
static void call_ret(struct sr_jsonl_sink *k, const struct sr_call *c)
{
	int64_t r = c->ret;

	jbuf__printf(&k->line, ",\"retval\":%lld", (long long)r);
	if (r < 0 && r >= -4095) {
		int err = (int)-r;
		const char *name = errno__name(err);
		/* strerror()'s text of an unknown errno lasts until its next call: ask once */
		const char *text = errno__text(err);

		jbuf__puts(&k->line, errno__is_restart(err) ? ",\"ret\":null" : ",\"ret\":-1");
		if (name)
			jbuf__printf(&k->line, ",\"errno\":\"%s\"", name);
		else
			jbuf__printf(&k->line, ",\"errno\":%d", err);
		jbuf__puts(&k->line, ",\"error\":");
		jbuf__str(&k->line, text, strlen(text));
		return;
	}
	json_pr__begin(&k->pr);
	k->fmt.when = c->ts_exit;
	args__retval(&k->fmt, c);
	json_pr__write_one(&k->pr, &k->line, "ret");
}

static void on_call(struct sr_jsonl_sink *k, const struct sr_event *ev)
{
	const struct sr_call *c = ev->call;
	bool returned = c->has_exit && (ev->type == SR_EV_EXIT || ev->type == SR_EV_ORPHAN);
	bool failed = returned && c->ret < 0 && c->ret >= -4095;

	head(k, "syscall", ev);
	jbuf__puts(&k->line, ",\"name\":");
	jbuf__str(&k->line, c->ent->name, strlen(c->ent->name));
	jbuf__printf(&k->line, ",\"nr\":%d", c->nr);
	/* an io_uring request, printed as its syscall twin (nr -1: none) */
	if (c->via == SR_VIA_URING)
		jbuf__puts(&k->line, ",\"via\":\"io_uring\"");
	jbuf__printf(&k->line, ",\"status\":\"%s\"",
		     failed		    ? "error" :
		     status_names[ev->type] ? status_names[ev->type] :
					      "ok");
	call_args(k, ev->type, c);
	if (returned && c->ent->ret != SR_R_NONE)
		call_ret(k, c);
	if (returned && c->ts_enter && c->ts_exit >= c->ts_enter)
		jbuf__printf(&k->line, ",\"duration\":%.9f", (c->ts_exit - c->ts_enter) / 1e9);
	tail(k);
}

static void on_signal(struct sr_jsonl_sink *k, const struct sr_event *ev)
{
	head(k, "signal", ev);
	json_pr__begin(&k->pr);
	k->fmt.when = ev->ts;
	fmt_signame(&k->fmt, ev->sig->sig);
	json_pr__write_one(&k->pr, &k->line, "signal");
	json_pr__begin(&k->pr);
	sr_kind_siginfo.print(&k->fmt, NULL, -1, ev->sig->siginfo, sizeof(ev->sig->siginfo));
	json_pr__write_one(&k->pr, &k->line, "siginfo");
	tail(k);
}

static void on_pexit(struct sr_jsonl_sink *k, const struct sr_event *ev)
{
	int code = ev->exit_code;

	if (!(code & 0x7f)) {
		head(k, "exit", ev);
		jbuf__printf(&k->line, ",\"code\":%d", (code >> 8) & 0xff);
	} else {
		head(k, "killed", ev);
		json_pr__begin(&k->pr);
		fmt_signame(&k->fmt, code & 0x7f);
		json_pr__write_one(&k->pr, &k->line, "signal");
		jbuf__printf(&k->line, ",\"core\":%s", (code & 0x80) ? "true" : "false");
	}
	tail(k);
}

static void on_other(struct sr_jsonl_sink *k, const struct sr_event *ev)
{
	switch (ev->type) {
	case SR_EV_SIGNAL:
		on_signal(k, ev);
		break;
	case SR_EV_PEXIT:
		on_pexit(k, ev);
		break;
	case SR_EV_SUPERSEDED:
		head(k, "superseded", ev);
		jbuf__printf(&k->line, ",\"by_tid\":%u", ev->old_tid);
		tail(k);
		break;
	case SR_EV_LOST:
		head(k, "lost", ev);
		jbuf__printf(&k->line, ",\"count\":%llu", (unsigned long long)ev->lost);
		tail(k);
		break;
	case SR_EV_COMPAT:
		head(k, "personality", ev);
		jbuf__puts(&k->line, ",\"abi\":\"i386\"");
		tail(k);
		break;
	default:
		break;
	}
}

static void jsonl_event(struct sr_sink *s, const struct sr_event *ev)
{
	struct sr_jsonl_sink *k = SINK(s);

	/* a call prints once, whole: its entry alone says nothing yet */
	if (!ev->shown || ev->type == SR_EV_ENTER)
		return;
	if (ev->type <= SR_EV_DETACHED)
		on_call(k, ev);
	else
		on_other(k, ev);
}

static void jsonl_finish(struct sr_sink *s)
{
	out__flush(SINK(s)->out);
}

static const struct sr_sink_ops jsonl_ops = {
	.event = jsonl_event,
	.finish = jsonl_finish,
};

struct sr_sink *jsonl_sink__new(struct sr_out *out, const struct sr_opts *opts,
				struct sr_fdtab *fds, sr_comm_fn *comm_of, void *comm_ctx)
{
	struct sr_jsonl_sink *k = calloc(1, sizeof(*k));

	if (!k)
		return NULL;
	if (json_pr__init(&k->pr)) {
		free(k);
		return NULL;
	}
	k->base.ops = &jsonl_ops;
	k->base.whole_at_end = true;
	k->out = out;
	k->opts = opts;
	k->realtime_off = sr_realtime_offset_ns();
	k->fmt.pr = &k->pr.base;
	k->fmt.opts = opts;
	k->fmt.fds = fds;
	if (opts && opts->decode_pids) {
		k->fmt.comm_of = comm_of;
		k->fmt.comm_ctx = comm_ctx;
	}
	return &k->base;
}

void jsonl_sink__free(struct sr_sink *s)
{
	struct sr_jsonl_sink *k = SINK(s);

	if (!k)
		return;
	json_pr__free(&k->pr);
	jbuf__free(&k->line);
	if (k->cgnames) {
		cgnames__free(k->cgnames);
		free(k->cgnames);
	}
	free(k);
}
