// SPDX-License-Identifier: GPL-2.0
/*
 * The timeline sink. A trace-event file wants each track's events in time
 * order, but a syscall is known (and written) when it completes, after a
 * signal that came while it blocked or the fork it made: such events wait
 * in their thread's queue until the slice around them is written. Times are
 * the kernel's (CLOCK_MONOTONIC), in microseconds with nanosecond decimals.
 */
#include <stdlib.h>
#include <string.h>

#include "call/call.h"
#include "lib/idmap.h"
#include "print/jevent.h"
#include "print/out.h"
#include "print/timeline.h"

/* Events one thread may hold back before they are written anyway. */
#define TL_QUEUE_MAX 256

struct tl_item {
	uint64_t ts;
	char *json;
	size_t len;
};

struct tl_thread {
	char comm[SR_COMM_LEN]; /* the name written for it */
	uint64_t flow_in; /* the id of a fork's flow to end at its next slice, or 0 */
	/*
	 * A thread's execve made it this leader (SR_EV_RETID): its execve's slice,
	 * which began while the old leader still ran here, goes on the track of
	 * the thread (@exec_tid) that made the call (@exec_task).
	 */
	const struct sr_task_info *exec_task;
	uint32_t exec_tid;
	struct tl_item *q; /* events waiting for the slice around them */
	size_t nq, capq;
};

struct tl_proc {
	char comm[SR_COMM_LEN]; /* the name written for it */
};

struct sr_timeline_sink {
	struct sr_sink base;
	struct sr_out *out;
	struct sr_jevent ev;
	struct sr_jbuf args; /* the event's JSON object */
	struct sr_jbuf buf; /* the trace event being made */
	struct idmap threads; /* tid -> struct tl_thread */
	struct idmap procs; /* pid -> struct tl_proc */
	uint64_t flows; /* flow ids given */
	uint64_t last_ts; /* the latest kernel time seen */
	bool any; /* an event was written: the next one needs a comma */
	bool sysray_named; /* the track of losses has its name */
};

#define SINK(s)	    ((struct sr_timeline_sink *)(s))
#define PUT(b, lit) jbuf__put(b, lit, sizeof(lit) - 1)

static void emit(struct sr_timeline_sink *k, const char *json, size_t len)
{
	out__write(k->out, k->any ? ",\n" : "\n", k->any ? 2 : 1);
	out__write(k->out, json, len);
	k->any = true;
}

/* {"ph":"@ph","pid":@pid,"tid":@tid[,"ts":@ts] into a fresh k->buf. */
static void start(struct sr_timeline_sink *k, const char *ph, uint32_t pid, uint32_t tid,
		  uint64_t ts, bool has_ts)
{
	struct sr_jbuf *b = &k->buf;

	b->len = 0;
	PUT(b, "{\"ph\":\"");
	jbuf__puts(b, ph);
	PUT(b, "\",\"pid\":");
	jbuf__u64(b, pid);
	PUT(b, ",\"tid\":");
	jbuf__u64(b, tid);
	if (has_ts) {
		PUT(b, ",\"ts\":");
		jevent__ts_us(b, ts);
	}
}

/* ,"name":<the event's strace line>,"cat":@cat,"args":<its JSON object>} */
static void finish_event(struct sr_timeline_sink *k, const char *cat)
{
	size_t n;
	const char *line = jevent__line(&k->ev, &n);

	PUT(&k->buf, ",\"name\":");
	jbuf__text(&k->buf, line, n);
	PUT(&k->buf, ",\"cat\":\"");
	jbuf__puts(&k->buf, cat);
	PUT(&k->buf, "\",\"args\":");
	jbuf__put(&k->buf, k->args.p, k->args.len);
	jbuf__putc(&k->buf, '}');
}

/* A metadata event: the name of process @pid, or of thread @tid. */
static void name_event(struct sr_timeline_sink *k, const char *what, uint32_t pid, uint32_t tid,
		       const char *comm, size_t len)
{
	start(k, "M", pid, tid, 0, false);
	PUT(&k->buf, ",\"name\":\"");
	jbuf__puts(&k->buf, what);
	PUT(&k->buf, "\",\"args\":{\"name\":");
	jbuf__text(&k->buf, comm, len);
	PUT(&k->buf, "}}");
	emit(k, k->buf.p, k->buf.len);
}

static struct tl_thread *thread_get(struct sr_timeline_sink *k, uint32_t tid)
{
	struct tl_thread *th = idmap__get(&k->threads, tid);

	if (th)
		return th;
	th = calloc(1, sizeof(*th));
	if (th && idmap__put(&k->threads, tid, th)) {
		free(th);
		th = NULL;
	}
	return th;
}

/* Name @t's track and its process's when they are new or renamed (an execve). */
static void name_task(struct sr_timeline_sink *k, const struct sr_task_info *t,
		      struct tl_thread *th)
{
	size_t n = t->comm ? strnlen(t->comm, SR_COMM_LEN) : 0;
	struct tl_proc *pr = idmap__get(&k->procs, t->tgid);

	if (!n)
		return;
	if (strncmp(th->comm, t->comm, SR_COMM_LEN)) {
		memcpy(th->comm, t->comm, n < SR_COMM_LEN ? n + 1 : SR_COMM_LEN);
		name_event(k, "thread_name", t->tgid, t->tid, t->comm, n);
	}
	if (!pr) {
		pr = calloc(1, sizeof(*pr));
		if (!pr || idmap__put(&k->procs, t->tgid, pr)) {
			free(pr);
			return;
		}
	} else if (t->tid != t->tgid || !strncmp(pr->comm, t->comm, SR_COMM_LEN)) {
		return; /* a process is named after its leader, or its first thread seen */
	}
	memcpy(pr->comm, t->comm, n < SR_COMM_LEN ? n + 1 : SR_COMM_LEN);
	name_event(k, "process_name", t->tgid, t->tgid, t->comm, n);
}

/* Write @th's held events of time @upto or earlier, in the order they came. */
static void flush(struct sr_timeline_sink *k, struct tl_thread *th, uint64_t upto)
{
	size_t i, kept = 0;

	for (i = 0; i < th->nq; i++) {
		struct tl_item *it = &th->q[i];

		if (it->ts > upto) {
			th->q[kept++] = *it;
			continue;
		}
		emit(k, it->json, it->len);
		free(it->json);
	}
	th->nq = kept;
}

/* Hold k->buf, an event at @ts, until @th's next slice. */
static void hold(struct sr_timeline_sink *k, struct tl_thread *th, uint64_t ts)
{
	struct tl_item *it;

	if (th->nq == TL_QUEUE_MAX)
		flush(k, th, UINT64_MAX);
	if (th->nq == th->capq) {
		size_t cap = th->capq ? 2 * th->capq : 4;
		struct tl_item *q = realloc(th->q, cap * sizeof(*q));

		if (!q)
			goto now;
		th->q = q;
		th->capq = cap;
	}
	it = &th->q[th->nq];
	it->json = malloc(k->buf.len);
	if (!it->json)
		goto now;
	memcpy(it->json, k->buf.p, k->buf.len);
	it->len = k->buf.len;
	it->ts = ts;
	th->nq++;
	return;
now:
	emit(k, k->buf.p, k->buf.len);
}

/* When a call's slice ends: its exit, its death, or the last time seen. */
static uint64_t slice_end(const struct sr_timeline_sink *k, const struct sr_event *ev,
			  uint64_t begin)
{
	const struct sr_call *c = ev->call;
	uint64_t end;

	switch (ev->type) {
	case SR_EV_EXIT:
	case SR_EV_ORPHAN:
		end = c->ts_exit;
		break;
	case SR_EV_DEAD:
	case SR_EV_UNAVAILABLE:
		end = ev->ts;
		break;
	case SR_EV_DETACHED:
		end = k->last_ts;
		break;
	default:
		end = begin;
		break;
	}
	return end > begin ? end : begin;
}

static void thread_free(struct tl_thread *th);

/* The thread whose track gets @ev's slice, and its tid in *@tid. */
static struct tl_thread *slice_thread(struct sr_timeline_sink *k, const struct sr_event *ev,
				      uint32_t *tid)
{
	struct tl_thread *th = thread_get(k, ev->task->tid);

	*tid = ev->task->tid;
	if (th && th->exec_task == ev->task && ev->type != SR_EV_DEAD) {
		*tid = th->exec_tid;
		th->exec_task = NULL;
		return thread_get(k, *tid);
	}
	return th;
}

static void slice(struct sr_timeline_sink *k, const struct sr_event *ev)
{
	const struct sr_call *c = ev->call;
	uint32_t tid;
	struct tl_thread *th = slice_thread(k, ev, &tid);
	/* a call sent as one record at its exit: a slice of no length there */
	uint64_t begin = c->ts_enter ? c->ts_enter : ev->ts ? ev->ts : k->last_ts;
	uint64_t end = slice_end(k, ev, begin);

	k->args.len = 0;
	if (!th || !jevent__write(&k->ev, ev, &k->args))
		return;
	if (tid == ev->task->tid)
		name_task(k, ev->task, th);
	flush(k, th, begin);
	start(k, "X", ev->task->tgid, tid, begin, true);
	PUT(&k->buf, ",\"dur\":");
	jevent__ts_us(&k->buf, end - begin);
	finish_event(k, "syscall");
	emit(k, k->buf.p, k->buf.len);
	if (th->flow_in) {
		start(k, "f", ev->task->tgid, tid, begin, true);
		PUT(&k->buf, ",\"bp\":\"e\",\"id\":");
		jbuf__u64(&k->buf, th->flow_in);
		PUT(&k->buf, ",\"name\":\"fork\",\"cat\":\"fork\"}");
		emit(k, k->buf.p, k->buf.len);
		th->flow_in = 0;
	}
	flush(k, th, UINT64_MAX);
	if (tid != ev->task->tid)
		thread_free(idmap__del(&k->threads, tid));
}

/* An instant event of a task, held until the slice around it is written. */
static void instant(struct sr_timeline_sink *k, const struct sr_event *ev, const char *cat)
{
	struct tl_thread *th = thread_get(k, ev->task->tid);

	k->args.len = 0;
	if (!th || !jevent__write(&k->ev, ev, &k->args))
		return;
	name_task(k, ev->task, th);
	start(k, "i", ev->task->tgid, ev->task->tid, ev->ts, true);
	PUT(&k->buf, ",\"s\":\"t\"");
	finish_event(k, cat);
	hold(k, th, ev->ts);
}

static void thread_free(struct tl_thread *th)
{
	size_t i;

	if (!th)
		return;
	for (i = 0; i < th->nq; i++)
		free(th->q[i].json);
	free(th->q);
	free(th);
}

/* A thread's last event: what it held, then its exit. */
static void pexit(struct sr_timeline_sink *k, const struct sr_event *ev)
{
	const struct sr_task_info *t = ev->task;
	struct tl_thread *th = thread_get(k, t->tid);

	if (!th)
		return;
	instant(k, ev, "exit");
	flush(k, th, UINT64_MAX);
	thread_free(idmap__del(&k->threads, t->tid));
	if (t->tid == t->tgid)
		free(idmap__del(&k->procs, t->tgid));
}

/* A loss, on a track of its own ("sysray", pid 0): it happened to no task. */
static void lost(struct sr_timeline_sink *k, const struct sr_event *ev)
{
	uint64_t ts = ev->ts ? ev->ts : k->last_ts;

	k->args.len = 0;
	if (!jevent__write(&k->ev, ev, &k->args))
		return;
	if (!k->sysray_named) {
		name_event(k, "process_name", 0, 0, "sysray", 6);
		k->sysray_named = true;
	}
	start(k, "i", 0, 0, ts, true);
	PUT(&k->buf, ",\"s\":\"g\"");
	finish_event(k, "lost");
	emit(k, k->buf.p, k->buf.len);
}

/* A fork: a flow from the parent's call to the child's first slice. */
static void fork_flow(struct sr_timeline_sink *k, const struct sr_event *ev)
{
	struct tl_thread *parent = thread_get(k, ev->task->tid);
	struct tl_thread *child = thread_get(k, ev->child->tid);

	if (!parent || !child)
		return;
	child->flow_in = ++k->flows;
	start(k, "s", ev->task->tgid, ev->task->tid, ev->ts, true);
	PUT(&k->buf, ",\"id\":");
	jbuf__u64(&k->buf, child->flow_in);
	PUT(&k->buf, ",\"name\":\"fork\",\"cat\":\"fork\"}");
	hold(k, parent, ev->ts);
}

static void timeline_event(struct sr_sink *s, const struct sr_event *ev)
{
	struct sr_timeline_sink *k = SINK(s);
	struct tl_thread *th;

	if (ev->ts > k->last_ts)
		k->last_ts = ev->ts;
	if (!ev->shown || ev->type == SR_EV_ENTER)
		return;
	if (ev->type <= SR_EV_DETACHED) {
		slice(k, ev);
		return;
	}
	switch (ev->type) {
	case SR_EV_SIGNAL:
		instant(k, ev, "signal");
		break;
	case SR_EV_SUPERSEDED:
	case SR_EV_COMPAT:
		instant(k, ev, "process");
		break;
	case SR_EV_PEXIT:
		pexit(k, ev);
		break;
	case SR_EV_LOST:
		lost(k, ev);
		break;
	case SR_EV_FORK:
		fork_flow(k, ev);
		break;
	case SR_EV_RETID:
		/* the thread goes on as its leader, on the leader's track, after its execve */
		th = thread_get(k, ev->task->tid);
		if (th) {
			th->exec_task = ev->task;
			th->exec_tid = ev->old_tid;
		}
		break;
	default:
		break;
	}
}

static void timeline_finish(struct sr_sink *s)
{
	struct sr_timeline_sink *k = SINK(s);
	struct tl_thread *th;
	size_t it = 0;

	while ((th = idmap__next(&k->threads, &it, NULL)))
		flush(k, th, UINT64_MAX);
	out__write(k->out, "\n]\n", 3);
	out__flush(k->out);
}

static const struct sr_sink_ops timeline_ops = {
	.event = timeline_event,
	.finish = timeline_finish,
};

struct sr_sink *timeline_sink__new(struct sr_out *out, const struct sr_opts *opts,
				   struct sr_fdtab *fds, sr_comm_fn *comm_of, void *comm_ctx)
{
	struct sr_timeline_sink *k = calloc(1, sizeof(*k));

	if (!k)
		return NULL;
	if (jevent__init(&k->ev, opts, fds, comm_of, comm_ctx)) {
		free(k);
		return NULL;
	}
	k->ev.want_line = true; /* a slice's name is its strace line */
	k->base.ops = &timeline_ops;
	k->out = out;
	/* a file: one write per full buffer */
	out->line_buffered = false;
	out__write(out, "[", 1);
	return &k->base;
}

void timeline_sink__free(struct sr_sink *s)
{
	struct sr_timeline_sink *k = SINK(s);
	struct tl_thread *th;
	struct tl_proc *pr;
	size_t it = 0;

	if (!k)
		return;
	while ((th = idmap__next(&k->threads, &it, NULL)))
		thread_free(th);
	idmap__free(&k->threads);
	it = 0;
	while ((pr = idmap__next(&k->procs, &it, NULL)))
		free(pr);
	idmap__free(&k->procs);
	jevent__free(&k->ev);
	jbuf__free(&k->args);
	jbuf__free(&k->buf);
	free(k);
}
