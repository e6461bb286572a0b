// SPDX-License-Identifier: GPL-2.0
/*
 * Events as JSON objects. Every object starts with "type", the kernel time
 * "ts" and, outside a replay, its wall-clock "time", then the task (pid,
 * tid, comm, cgroup, container) and the fields of its type. A syscall is
 * written whole, once it completed or is known never to: its arguments as
 * strace prints them and as data, its return value, errno and duration.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/opts.h"
#include "decode/decode.h"
#include "fd/fdtab.h"
#include "host/cgroup.h"
#include "lib/clock.h"
#include "print/args.h"
#include "print/jevent.h"
#include "print/line.h"

#define PUT(b, lit) jbuf__put(b, lit, sizeof(lit) - 1)

/* ,"status":"ok" and the others, with their lengths: written on every line */
#define STATUS(name)                                                               \
	{                                                                          \
		",\"status\":\"" name "\"", sizeof(",\"status\":\"" name "\"") - 1 \
	}
static const struct {
	const char *text;
	size_t len;
} statuses[SR_EV_MAX] = {
	[SR_EV_EXIT] = STATUS("ok"),	       [SR_EV_ORPHAN] = STATUS("ok"),
	[SR_EV_NORETURN] = STATUS("noreturn"), [SR_EV_UNAVAILABLE] = STATUS("unavailable"),
	[SR_EV_DEAD] = STATUS("unfinished"),   [SR_EV_DETACHED] = STATUS("detached"),
};

void jevent__ts_us(struct sr_jbuf *b, uint64_t ns)
{
	jbuf__u64(b, ns / 1000);
	jbuf__putc(b, '.');
	jbuf__dec_fixed(b, ns % 1000, 3);
}

/*
 * Kernel time @ts in nanoseconds: its digits but the last 8 change only
 * every 100 ms, so they are copied from the last time written (8 digits
 * instead of 13 to form).
 */
static void put_ts(struct sr_jevent *e, uint64_t ts, struct sr_jbuf *b)
{
	uint64_t hi = ts / 100000000;
	char *d;

	if (!hi) {
		jbuf__u64(b, ts);
		return;
	}
	d = jbuf__reserve(b, sizeof(e->ts_hi_text) + 8);
	if (!d)
		return;
	if (hi != e->ts_hi) {
		e->ts_hi = hi;
		e->ts_hi_len = (uint8_t)dec_put(e->ts_hi_text, hi);
	}
	/* the whole array (a constant size: a few stores), then the digits that count */
	memcpy(d, e->ts_hi_text, sizeof(e->ts_hi_text));
	d += e->ts_hi_len;
	dec_u32_back8(d + 8, (uint32_t)(ts % 100000000));
	jbuf__commit(b, d + 8);
}

/* ,"time":"2026-12-06T21:50:20.123456789Z" for kernel time @ts. */
static void wall_time(struct sr_jevent *e, uint64_t ts, struct sr_jbuf *b)
{
	long long ns;
	int64_t sec;
	char *d;

	/* a record's time is the kernel's word: one no clock reads gets no "time" */
	if (!e->wall || ts > INT64_MAX ||
	    __builtin_add_overflow((long long)ts, e->realtime_off, &ns) || ns < 0)
		return;
	sec = ns / 1000000000LL;
	if (sec != e->wall_sec) {
		time_t t = (time_t)sec;
		struct tm tm;

		if (!gmtime_r(&t, &tm) ||
		    !(e->wall_len = strftime(e->wall_text, sizeof(e->wall_text),
					     "%Y-%m-%dT%H:%M:%S", &tm)))
			return;
		e->wall_sec = sec;
	}
	d = jbuf__reserve(b, sizeof(e->wall_text) + 24);
	if (!d)
		return;
	d = JBUF_LIT(d, ",\"time\":\"");
	memcpy(d, e->wall_text, e->wall_len);
	d += e->wall_len;
	*d++ = '.';
	dec_put_fixed(d, (uint64_t)(ns % 1000000000LL), 9);
	d = JBUF_LIT(d + 9, "Z\"");
	jbuf__commit(b, d);
}

static const struct sr_cgname *cgroup_of(struct sr_jevent *e, uint64_t cgid)
{
	if (!e->cgnames) {
		e->cgnames = calloc(1, sizeof(*e->cgnames));
		if (!e->cgnames)
			return NULL;
	}
	return cgnames__get(e->cgnames, cgid);
}

/*
 * ,"pid":..,"tid":..,"comm":..,"cgroup":..,"container":.. Return false when
 * the task's cgroup has no name yet (one may be found later).
 */
static bool task_fields(struct sr_jevent *e, const struct sr_task_info *t, struct sr_jbuf *b)
{
	const struct sr_cgname *cg;

	PUT(b, ",\"pid\":");
	jbuf__u64(b, t->tgid);
	PUT(b, ",\"tid\":");
	jbuf__u64(b, t->tid);
	if (t->comm && t->comm[0]) {
		PUT(b, ",\"comm\":");
		jbuf__text(b, t->comm, strnlen(t->comm, SR_COMM_LEN));
	}
	if (!t->cgid)
		return true;
	if (!(cg = cgroup_of(e, t->cgid)))
		return false;
	PUT(b, ",\"cgroup\":");
	jbuf__text(b, cg->path, strlen(cg->path));
	if (cg->container[0]) {
		PUT(b, ",\"container\":\"");
		jbuf__puts(b, cg->container);
		jbuf__putc(b, '"');
	}
	return true;
}

/* The @len bytes of a slot's @text (@size, a multiple of 16), copied in blocks. */
static inline void put_slot(struct sr_jbuf *b, const char *text, size_t size, size_t len)
{
	char *d = jbuf__reserve(b, size);

	if (d)
		jbuf__commit(b, jbuf__copy16(d, text, len));
}

/* Does @slot hold the fields of task @t? */
static bool task_slot_is(const struct sr_jtask_slot *slot, const struct sr_task_info *t)
{
	bool has_comm = t->comm && t->comm[0];

	return slot->len && slot->tid == t->tid && slot->tgid == t->tgid && slot->cgid == t->cgid &&
	       slot->has_comm == has_comm &&
	       (!has_comm || !memcmp(slot->comm, t->comm, SR_COMM_LEN));
}

/* The task's fields, copied from the slot of its tid when they were written before. */
static void task(struct sr_jevent *e, const struct sr_task_info *t, struct sr_jbuf *b)
{
	struct sr_jtask_slot *slot;
	size_t start = b->len;

	if (!e->tasks)
		e->tasks = calloc(SR_JTASK_SLOTS, sizeof(*e->tasks));
	slot = e->tasks ? &e->tasks[t->tid % SR_JTASK_SLOTS] : NULL;
	if (slot && task_slot_is(slot, t)) {
		put_slot(b, slot->text, sizeof(slot->text), slot->len);
		return;
	}
	if (!task_fields(e, t, b) || !slot || b->oom || b->len - start > sizeof(slot->text))
		return;
	slot->tid = t->tid;
	slot->tgid = t->tgid;
	slot->cgid = t->cgid;
	slot->has_comm = t->comm && t->comm[0];
	if (slot->has_comm)
		memcpy(slot->comm, t->comm, SR_COMM_LEN);
	slot->len = (uint16_t)(b->len - start);
	memcpy(slot->text, b->p + start, slot->len);
}

/*
 * {"type": @type, "ts": @ts, "time": ..., and the task's fields; @type is
 * the object's beginning, {"type":"syscall", of @len bytes (HEAD() makes it).
 */
static void head(struct sr_jevent *e, const char *type, size_t len, const struct sr_task_info *t,
		 uint64_t ts, struct sr_jbuf *b)
{
	jbuf__put(b, type, len);
	e->line.len = 0;
	e->ts_len = 0;
	if (ts) {
		PUT(b, ",\"ts\":");
		e->ts = ts;
		e->ts_off = b->len;
		put_ts(e, ts, b);
		e->ts_len = b->len - e->ts_off;
		wall_time(e, ts, b);
	}
	if (t)
		task(e, t, b);
}

#define HEAD(e, type, t, ts, b) \
	head(e, "{\"type\":\"" type "\"", sizeof("{\"type\":\"" type "\"") - 1, t, ts, b)

/* The strace text printed since json_pr__begin(), onto the line. */
static void line_text(struct sr_jevent *e)
{
	size_t n;
	const char *t = json_pr__text(&e->pr, &n);

	jbuf__put(&e->line, t, n);
}

/* The strace text printed since json_pr__begin(), as a JSON string. */
static void text_value(struct sr_jevent *e, struct sr_jbuf *b)
{
	size_t n;
	const char *t = json_pr__text(&e->pr, &n);

	jbuf__text(b, t, n);
}

/* "args": the arguments @c shows for an event of type @type. */
static void call_args(struct sr_jevent *e, enum sr_ev_type type, const struct sr_call *c,
		      struct sr_jbuf *b)
{
	json_pr__begin(&e->pr);
	if (type != SR_EV_ORPHAN) {
		e->fmt.when = c->ts_enter ? c->ts_enter : c->ts_exit;
		args__enter(&e->fmt, c);
	}
	if (c->has_exit && (type == SR_EV_EXIT || type == SR_EV_ORPHAN)) {
		e->fmt.when = c->ts_exit;
		args__exit(&e->fmt, c);
	}
	PUT(b, ",\"args\":");
	json_pr__write_args(&e->pr, b);
	if (!e->want_line)
		return;
	if (type == SR_EV_ORPHAN) {
		PUT(&e->line, "<... ");
		jbuf__puts(&e->line, c->ent->name);
		PUT(&e->line, " resumed>");
		return;
	}
	jbuf__puts(&e->line, c->ent->name);
	jbuf__putc(&e->line, '(');
	line_text(e);
}

/* A failure: "ret" as strace prints it, "errno" and "error". */
static void failed_fields(struct sr_jevent *e, const struct sr_call *c, struct sr_jbuf *b)
{
	int err = (int)-c->ret;
	const char *name = errno__name(err), *text = errno__text(err);

	json_pr__begin(&e->pr);
	line__errno(&e->pr.text_out, err);
	PUT(b, ",\"ret\":{\"text\":");
	text_value(e, b);
	/* the kernel's restart codes never reach the task: strace's "?" */
	if (errno__is_restart(err))
		PUT(b, ",\"value\":null}");
	else
		PUT(b, ",\"value\":-1}");
	if (e->want_line)
		line_text(e);
	if (name) {
		PUT(b, ",\"errno\":\"");
		jbuf__puts(b, name);
		jbuf__putc(b, '"');
	}
	PUT(b, ",\"error\":");
	jbuf__name(b, text);
}

/* failed_fields(), copied from the slot of its errno after the first time (not for --timeline). */
static void call_failed(struct sr_jevent *e, const struct sr_call *c, struct sr_jbuf *b)
{
	uint64_t err = (uint64_t)-c->ret;
	struct sr_jerr_slot *slot;
	size_t start = b->len;

	if (!e->errs && !e->want_line)
		e->errs = calloc(SR_JERR_SLOTS, sizeof(*e->errs));
	slot = e->errs && err < SR_JERR_SLOTS ? &e->errs[err] : NULL;
	if (slot && slot->len) {
		put_slot(b, slot->text, sizeof(slot->text), slot->len);
		return;
	}
	failed_fields(e, c, b);
	if (!slot || b->oom || b->len - start > sizeof(slot->text))
		return;
	slot->len = (uint16_t)(b->len - start);
	memcpy(slot->text, b->p + start, slot->len);
}

/*
 * Does @c's successful return print by its kind alone (no decoder's own
 * printer or suffix, no io_uring note)? Not with --timeline, whose line
 * wants the text.
 */
static bool ret_usual(const struct sr_jevent *e, const struct sr_call *c)
{
	const struct sr_scdec *d = c->ent->dec;

	return !(d && (d->ret || d->ret_suffix)) && !c->uring_peers && !e->want_line;
}

/* Does it print as its decimal number alone, as text and as data ("3": a count, a pid, no -Y)? */
static bool ret_plain(const struct sr_jevent *e, const struct sr_call *c)
{
	if (!ret_usual(e, c))
		return false;
	if (c->ent->ret == SR_R_PID)
		return !e->fmt.comm_of && c->ret == (int32_t)c->ret;
	return c->ent->ret == SR_R_INT;
}

/*
 * A new fd returned, as print_fd() and the JSON backend have it, in one
 * reservation: ,"ret":{"text":"3</etc/x>","value":{"fd":3,"desc":"</etc/x>"}},"retval":3
 * (no "desc" and nothing after the number without -y's annotation).
 */
static void ret_fd_put(struct sr_jevent *e, const struct sr_call *c, struct sr_jbuf *b)
{
	/* not zeroed: see print_fd() */
	char annot[SR_FD_ANNOT_MAX], num[24];
	size_t n = 0, len;
	char *d;

	annot[0] = '\0';
	if (e->fmt.fds)
		n = fdtab__describe(e->fmt.fds, c, (int)c->ret, SR_FDW_NEW, annot, sizeof(annot));
	d = jbuf__reserve(b, 2 * JBUF_ESCAPED_MAX(n) + 160);
	if (!d)
		return;
	len = dec_put(num, (uint64_t)c->ret);
	d = JBUF_LIT(d, ",\"ret\":{\"text\":\"");
	memcpy(d, num, sizeof(num));
	d = jbuf__escape_to(d + len, annot, n);
	d = JBUF_LIT(d, "\",\"value\":{\"fd\":");
	memcpy(d, num, sizeof(num));
	d += len;
	if (n) {
		d = JBUF_LIT(d, ",\"desc\":\"");
		d = jbuf__escape_to(d, annot, n);
		*d++ = '"';
	}
	d = JBUF_LIT(d, "}},\"retval\":");
	memcpy(d, num, sizeof(num));
	jbuf__commit(b, d + len);
}

/*
 * ,"ret":{"text":"N","value":N},"retval":N of such a return: its digits
 * formed once and copied in three constant-size copies, in one reservation.
 */
static void ret_plain_put(const struct sr_call *c, struct sr_jbuf *b)
{
	uint64_t mag = c->ret < 0 ? -(uint64_t)c->ret : (uint64_t)c->ret;
	char num[24], *d = jbuf__reserve(b, 128);
	size_t n = 0;

	if (!d)
		return;
	if (c->ret < 0)
		num[n++] = '-';
	n += dec_put(num + n, mag);
	d = JBUF_LIT(d, ",\"ret\":{\"text\":\"");
	memcpy(d, num, sizeof(num));
	d = JBUF_LIT(d + n, "\",\"value\":");
	memcpy(d, num, sizeof(num));
	d = JBUF_LIT(d + n, "},\"retval\":");
	memcpy(d, num, sizeof(num));
	jbuf__commit(b, d + n);
}

/* "ret" and "retval" of a call that returned. */
static void call_ret(struct sr_jevent *e, const struct sr_call *c, struct sr_jbuf *b)
{
	if (!(c->ret < 0 && c->ret >= -4095) && ret_plain(e, c)) {
		ret_plain_put(c, b);
		return;
	}
	/* a new fd (but AT_FDCWD, which no call returns) */
	if (c->ret >= 0 && c->ret <= INT32_MAX && c->ent->ret == SR_R_FD && ret_usual(e, c)) {
		ret_fd_put(e, c, b);
		return;
	}
	if (e->want_line)
		PUT(&e->line, ") = ");
	if (c->ret < 0 && c->ret >= -4095) {
		call_failed(e, c, b);
	} else {
		json_pr__begin(&e->pr);
		e->fmt.when = c->ts_exit;
		args__retval(&e->fmt, c);
		PUT(b, ",\"ret\":");
		if (!json_pr__write_one(&e->pr, b))
			PUT(b, "null");
		if (e->want_line)
			line_text(e);
	}
	PUT(b, ",\"retval\":");
	jbuf__i64(b, c->ret);
}

/* How the line of a call that did not return ends. */
static void call_end(struct sr_jevent *e, const struct sr_event *ev)
{
	if (!e->want_line)
		return;
	switch (ev->type) {
	case SR_EV_NORETURN:
		PUT(&e->line, ") = ?");
		break;
	case SR_EV_DEAD:
		PUT(&e->line, " <unfinished ...>) = ?");
		break;
	case SR_EV_UNAVAILABLE:
		PUT(&e->line, ") = ? <unavailable>");
		break;
	default:
		PUT(&e->line, " <detached ...>");
		break;
	}
}

/* ,"name":"openat","nr":257, copied from a slot after the first time. */
static void name_nr(struct sr_jevent *e, const struct sr_call *c, struct sr_jbuf *b)
{
	struct sr_jname_slot *slot;
	size_t start = b->len;

	if (!e->names)
		e->names = calloc(SR_JNAME_SLOTS, sizeof(*e->names));
	slot = e->names ? &e->names[(unsigned int)c->nr % SR_JNAME_SLOTS] : NULL;
	if (slot && slot->ent == c->ent && slot->nr == c->nr) {
		put_slot(b, slot->text, sizeof(slot->text), slot->len);
		return;
	}
	PUT(b, ",\"name\":");
	jbuf__name(b, c->ent->name);
	PUT(b, ",\"nr\":");
	jbuf__i64(b, c->nr);
	if (!slot || b->oom || b->len - start > sizeof(slot->text))
		return;
	slot->ent = c->ent;
	slot->nr = c->nr;
	slot->len = (uint8_t)(b->len - start);
	memcpy(slot->text, b->p + start, slot->len);
}

static void call(struct sr_jevent *e, const struct sr_event *ev, struct sr_jbuf *b)
{
	const struct sr_call *c = ev->call;
	bool returned = c->has_exit && (ev->type == SR_EV_EXIT || ev->type == SR_EV_ORPHAN);
	bool failed = returned && c->ret < 0 && c->ret >= -4095;

	/* when the call began; calls sent as one record at exit only know their end */
	HEAD(e, "syscall", ev->task, c->ts_enter ? c->ts_enter : ev->ts, b);
	name_nr(e, c, b);
	/* an io_uring request, printed as its syscall twin (nr -1: none) */
	if (c->via == SR_VIA_URING)
		PUT(b, ",\"via\":\"io_uring\"");
	if (failed)
		PUT(b, ",\"status\":\"error\"");
	else
		jbuf__put(b, statuses[ev->type].text, statuses[ev->type].len);
	if (ev->type == SR_EV_ORPHAN)
		PUT(b, ",\"resumed\":true");
	call_args(e, ev->type, c, b);
	if (returned && c->ent->ret != SR_R_NONE)
		call_ret(e, c, b);
	else
		call_end(e, ev);
	if (!returned)
		return;
	PUT(b, ",\"ts_exit\":");
	/* a call sent whole at its exit has one time: "ts" has its digits */
	if (e->ts_len && c->ts_exit == e->ts)
		jbuf__copy_within(b, e->ts_off, e->ts_len);
	else
		put_ts(e, c->ts_exit, b);
	if (c->ts_enter && c->ts_exit >= c->ts_enter) {
		PUT(b, ",\"duration_ns\":");
		jbuf__u64(b, c->ts_exit - c->ts_enter);
	}
}

/* ,"signal":"SIGUSR1","signo":10 */
static void signal_name(struct sr_jevent *e, int sig, struct sr_jbuf *b)
{
	json_pr__begin(&e->pr);
	fmt_signame(&e->fmt, sig);
	PUT(b, ",\"signal\":");
	text_value(e, b);
	PUT(b, ",\"signo\":");
	jbuf__i64(b, sig);
}

static void signal(struct sr_jevent *e, const struct sr_event *ev, struct sr_jbuf *b)
{
	HEAD(e, "signal", ev->task, ev->ts, b);
	e->fmt.when = ev->ts;
	signal_name(e, ev->sig->sig, b);
	PUT(&e->line, "--- ");
	line_text(e);
	json_pr__begin(&e->pr);
	sr_kind_siginfo.print(&e->fmt, NULL, -1, ev->sig->siginfo, sizeof(ev->sig->siginfo));
	PUT(b, ",\"siginfo\":");
	if (!json_pr__write_one(&e->pr, b))
		PUT(b, "null");
	jbuf__putc(&e->line, ' ');
	line_text(e);
	PUT(&e->line, " ---");
}

static void pexit(struct sr_jevent *e, const struct sr_event *ev, struct sr_jbuf *b)
{
	int code = ev->exit_code;

	if (!(code & 0x7f)) {
		HEAD(e, "exit", ev->task, ev->ts, b);
		PUT(b, ",\"code\":");
		jbuf__i64(b, (code >> 8) & 0xff);
		PUT(&e->line, "+++ exited with ");
		jbuf__i64(&e->line, (code >> 8) & 0xff);
		PUT(&e->line, " +++");
		return;
	}
	HEAD(e, "killed", ev->task, ev->ts, b);
	signal_name(e, code & 0x7f, b);
	jbuf__puts(b, (code & 0x80) ? ",\"core\":true" : ",\"core\":false");
	PUT(&e->line, "+++ killed by ");
	line_text(e);
	if (code & 0x80)
		PUT(&e->line, " (core dumped)");
	PUT(&e->line, " +++");
}

/* The events about the stream and the tasks, not their calls. */
static bool other(struct sr_jevent *e, const struct sr_event *ev, struct sr_jbuf *b)
{
	switch (ev->type) {
	case SR_EV_SIGNAL:
		signal(e, ev, b);
		return true;
	case SR_EV_PEXIT:
		pexit(e, ev, b);
		return true;
	case SR_EV_SUPERSEDED:
		HEAD(e, "superseded", ev->task, ev->ts, b);
		PUT(b, ",\"by_tid\":");
		jbuf__u64(b, ev->old_tid);
		PUT(&e->line, "+++ superseded by execve in pid ");
		jbuf__u64(&e->line, ev->old_tid);
		PUT(&e->line, " +++");
		return true;
	case SR_EV_LOST:
		HEAD(e, "lost", NULL, ev->ts, b);
		PUT(b, ",\"count\":");
		jbuf__u64(b, ev->lost);
		PUT(&e->line, "--- sysray: ");
		jbuf__u64(&e->line, ev->lost);
		jbuf__puts(&e->line, ev->lost == 1 ? " event lost" : " events lost");
		PUT(&e->line, " (ring buffer full; see -b) ---");
		return true;
	case SR_EV_COMPAT:
		HEAD(e, "personality", ev->task, ev->ts, b);
		PUT(b, ",\"abi\":\"i386\"");
		PUT(&e->line, "[ Process PID=");
		jbuf__u64(&e->line, ev->task->tid);
		PUT(&e->line, " runs in 32 bit mode. ]");
		return true;
	default:
		return false;
	}
}

bool jevent__write(struct sr_jevent *e, const struct sr_event *ev, struct sr_jbuf *b)
{
	if (ev->type == SR_EV_ENTER)
		return false;
	if (ev->type <= SR_EV_DETACHED)
		call(e, ev, b);
	else if (!other(e, ev, b))
		return false;
	jbuf__putc(b, '}');
	return true;
}

const char *jevent__line(const struct sr_jevent *e, size_t *len)
{
	*len = e->line.len;
	return e->line.p ? e->line.p : "";
}

int jevent__init(struct sr_jevent *e, const struct sr_opts *opts, struct sr_fdtab *fds,
		 sr_comm_fn *comm_of, void *comm_ctx)
{
	memset(e, 0, sizeof(*e));
	if (json_pr__init(&e->pr))
		return -ENOMEM;
	/* a replayed stream's kernel times are another boot's: no wall clock for them */
	e->wall = !(opts && opts->replay);
	e->realtime_off = sr_realtime_offset_ns();
	e->wall_sec = -1;
	line__fmt_init(&e->fmt, &e->pr.base, opts, fds, comm_of, comm_ctx);
	return 0;
}

void jevent__free(struct sr_jevent *e)
{
	json_pr__free(&e->pr);
	jbuf__free(&e->line);
	free(e->tasks);
	free(e->names);
	free(e->errs);
	if (e->cgnames) {
		cgnames__free(e->cgnames);
		free(e->cgnames);
	}
}
