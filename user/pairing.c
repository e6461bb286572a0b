// SPDX-License-Identifier: GPL-2.0
#include <stdlib.h>
#include <string.h>

#include "fdtab.h"
#include "format.h"
#include "opts.h"
#include "pairing.h"

/* One traced thread. */
struct sr_ttask {
	uint32_t tid;
	uint32_t tgid;
	bool in_call; /* an entry is held, its exit not yet seen */
	bool printed; /* the entry part has been printed */
	uint8_t *rec; /* copy of the entry record */
	size_t rec_cap;
	struct sr_call call;
};

void pairing__init(struct sr_pairing *p, struct sr_out *out, const struct sr_opts *opts,
		   struct sr_fdtab *fds)
{
	memset(p, 0, sizeof(*p));
	p->fmt.out = out;
	p->fmt.opts = opts;
	p->fmt.fds = fds;
}

static void task_free(struct sr_ttask *t)
{
	if (!t)
		return;
	free(t->rec);
	free(t);
}

void pairing__free(struct sr_pairing *p)
{
	struct sr_ttask *t;
	size_t it = 0;

	if (!p)
		return;
	while ((t = idmap__next(&p->tasks, &it, NULL)))
		task_free(t);
	idmap__free(&p->tasks);
}

static struct sr_ttask *task_get(struct sr_pairing *p, uint32_t tid, uint32_t tgid)
{
	struct sr_ttask *t = idmap__get(&p->tasks, tid);

	if (t)
		return t;
	t = calloc(1, sizeof(*t));
	if (!t)
		return NULL;
	t->tid = tid;
	t->tgid = tgid;
	if (idmap__put(&p->tasks, tid, t)) {
		free(t);
		return NULL;
	}
	return t;
}

static void leader(struct sr_pairing *p, uint32_t tid)
{
	struct sr_out *o = p->fmt.out;
	size_t start = out__col(o);

	out__udec(o, tid);
	/* strace -f -o FILE: "%-5d " */
	out__pad_to(o, start + 5);
	out__putc(o, ' ');
}

/* End the open line, if any, as strace does when another task prints. */
static void close_line(struct sr_pairing *p)
{
	if (!p->line_open)
		return;
	out__puts(p->fmt.out, " <unfinished ...>");
	out__newline(p->fmt.out);
	p->line_open = false;
}

static void end_line(struct sr_pairing *p)
{
	out__newline(p->fmt.out);
	p->line_open = false;
	p->stats.lines++;
}

void pairing__lost(struct sr_pairing *p, uint64_t n)
{
	close_line(p);
	out__puts(p->fmt.out, "--- sysray: ");
	out__udec(p->fmt.out, n);
	out__puts(p->fmt.out, n == 1 ? " event lost" : " events lost");
	out__puts(p->fmt.out, " (ring buffer full; see -b) ---");
	out__newline(p->fmt.out);
	p->stats.lost += n;
}

/* Point call->in[] at the first blob of each argument in [blobs, end). */
static void index_blobs(const uint8_t *blobs, const uint8_t *end, const struct sr_blob **slot)
{
	const struct sr_blob *b = (const struct sr_blob *)blobs;

	if (!blob_valid(b, end))
		return;
	for (; b; b = blob_next(b, end)) {
		int i = SR_BLOB_ARG(b);

		if (i < SR_NARGS && !slot[i])
			slot[i] = b;
	}
}

/* Did an entry read fail where the exit will read again (SR_CAP_RETRY)? */
static bool entry_faulted(const struct sr_call *c)
{
	int i;

	for (i = 0; i < SR_NARGS; i++) {
		const struct sr_blob *b = c->in[i];
		uint8_t t = c->ent->args[i].type;

		if (b && (b->flags & SR_BF_FAULT) && (t == SR_T_PATH || t == SR_T_STR))
			return true;
	}
	return false;
}

static void print_noreturn_line(struct sr_pairing *p, struct sr_ttask *t)
{
	struct sr_call *c = &t->call;

	close_line(p);
	leader(p, t->tid);
	format__enter(&p->fmt, c);
	format__noreturn(&p->fmt, c, false);
	end_line(p);
}

static void handle_enter(struct sr_pairing *p, const struct sr_enter *e, size_t len)
{
	struct sr_ttask *t = task_get(p, e->h.tid, e->h.tgid);
	struct sr_call *c;

	if (!t)
		return;
	if (t->in_call && t->printed && p->line_open && p->open_tid == t->tid)
		close_line(p); /* the previous exit was lost */
	if (len > t->rec_cap) {
		uint8_t *n = realloc(t->rec, len);

		if (!n)
			return;
		t->rec = n;
		t->rec_cap = len;
	}
	memcpy(t->rec, e, len);
	e = (const struct sr_enter *)t->rec;
	c = &t->call;
	memset(c, 0, sizeof(*c));
	c->nr = e->h.nr;
	c->ent = syscalls__get(c->nr);
	c->tid = e->h.tid;
	c->tgid = e->h.tgid;
	memcpy(c->args, e->args, sizeof(c->args));
	c->in_end = t->rec + len;
	index_blobs(t->rec + sizeof(*e), c->in_end, c->in);
	t->in_call = true;
	t->printed = false;
	if (c->ent->ret == SR_R_NONE) {
		/* exit, exit_group: strace completes the line at once */
		print_noreturn_line(p, t);
		t->in_call = false;
		return;
	}
	/* A path that faulted at entry is read again at exit: print it then. */
	if (entry_faulted(c))
		return;
	if (!p->line_open || p->open_tid != t->tid)
		close_line(p);
	leader(p, t->tid);
	format__enter(&p->fmt, c);
	p->line_open = true;
	p->open_tid = t->tid;
	t->printed = true;
}

/* A child's return from clone/fork: strace never shows it. */
static bool is_child_return(const struct sr_sysent *e, int64_t ret)
{
	return ret == 0 && (!strcmp(e->name, "clone") || !strcmp(e->name, "clone3") ||
			    !strcmp(e->name, "fork") || !strcmp(e->name, "vfork"));
}

/* Use the exit record's retried copies in place of faulted entry copies. */
static void apply_retries(struct sr_call *c)
{
	int i;

	for (i = 0; i < SR_NARGS; i++) {
		const struct sr_blob *b = c->out[i];

		if (b && (b->flags & SR_BF_RETRY)) {
			c->in[i] = b;
			c->out[i] = NULL;
		}
	}
}

static void handle_orphan_exit(struct sr_pairing *p, const struct sr_exit *x)
{
	const struct sr_sysent *e = syscalls__get(x->h.nr);
	struct sr_call c = { .ent = e, .nr = x->h.nr, .tid = x->h.tid, .tgid = x->h.tgid };

	if (is_child_return(e, x->ret))
		return;
	c.ret = x->ret;
	c.has_exit = true;
	close_line(p);
	leader(p, x->h.tid);
	out__puts(p->fmt.out, "<... ");
	out__puts(p->fmt.out, e->name);
	out__puts(p->fmt.out, " resumed>");
	format__ret(&p->fmt, &c);
	end_line(p);
}

static void handle_exit(struct sr_pairing *p, const struct sr_exit *x, size_t len)
{
	struct sr_ttask *t = idmap__get(&p->tasks, x->h.tid);
	struct sr_call *c;

	if (!t || !t->in_call || t->call.nr != x->h.nr) {
		handle_orphan_exit(p, x);
		return;
	}
	c = &t->call;
	c->ret = x->ret;
	c->has_exit = true;
	c->out_end = (const uint8_t *)x + len;
	index_blobs((const uint8_t *)(x + 1), c->out_end, c->out);
	apply_retries(c);
	if (!t->printed) {
		close_line(p);
		leader(p, t->tid);
		format__enter(&p->fmt, c);
	} else if (!p->line_open || p->open_tid != t->tid) {
		close_line(p);
		leader(p, t->tid);
		out__puts(p->fmt.out, "<... ");
		out__puts(p->fmt.out, c->ent->name);
		out__puts(p->fmt.out, " resumed>");
	}
	format__exit(&p->fmt, c);
	format__ret(&p->fmt, c);
	end_line(p);
	if (p->fmt.fds)
		fdtab__on_syscall(p->fmt.fds, c);
	t->in_call = false;
	c->has_exit = false;
	c->out_end = NULL;
	memset(c->out, 0, sizeof(c->out));
}

/* A thread died inside a syscall: finish its line with "= ?". */
static void finish_dead_call(struct sr_pairing *p, struct sr_ttask *t)
{
	struct sr_call *c = &t->call;
	bool unfinished = format__has_exit_part(c->ent);

	if (!t->printed) {
		close_line(p);
		leader(p, t->tid);
		format__enter(&p->fmt, c);
	} else if (!p->line_open || p->open_tid != t->tid) {
		close_line(p);
		leader(p, t->tid);
		out__puts(p->fmt.out, "<... ");
		out__puts(p->fmt.out, c->ent->name);
		out__puts(p->fmt.out, " resumed>");
	}
	format__noreturn(&p->fmt, c, unfinished);
	end_line(p);
	t->in_call = false;
}

static void handle_pexit(struct sr_pairing *p, const struct sr_pexit *x)
{
	struct sr_ttask *t = idmap__get(&p->tasks, x->h.tid);
	int code = x->exit_code;
	struct sr_out *o = p->fmt.out;

	if (t && t->in_call)
		finish_dead_call(p, t);
	close_line(p);
	leader(p, x->h.tid);
	if (code & 0x7f) {
		out__puts(o, "+++ killed by ");
		fmt_signame(&p->fmt, code & 0x7f);
		if (code & 0x80)
			out__puts(o, " (core dumped)");
		out__puts(o, " +++");
	} else {
		out__puts(o, "+++ exited with ");
		out__udec(o, (code >> 8) & 0xff);
		out__puts(o, " +++");
	}
	out__newline(o);
	task_free(idmap__del(&p->tasks, x->h.tid));
	if (p->fmt.fds && x->group_dead)
		fdtab__on_process_exit(p->fmt.fds, x->h.tgid);
	if (p->on_exit)
		p->on_exit(p->ctx, x->h.tgid, x->h.tid, code, x->group_dead);
}

static void handle_exec(struct sr_pairing *p, const struct sr_exec *x)
{
	struct sr_ttask *t;

	if (x->old_tid == x->h.tid)
		return;
	/*
	 * A non-leader thread ran execve: it now has the leader's pid, and the
	 * exit of its execve arrives under that pid.
	 */
	t = idmap__del(&p->tasks, x->old_tid);
	if (!t)
		return;
	if (p->line_open && p->open_tid == x->old_tid)
		close_line(p);
	task_free(idmap__del(&p->tasks, x->h.tid));
	t->tid = x->h.tid;
	t->call.tid = x->h.tid;
	t->printed = false;
	if (idmap__put(&p->tasks, x->h.tid, t))
		task_free(t);
}

/* "--- SIGCHLD {si_signo=SIGCHLD, ...} ---", as strace reports a delivery. */
static void handle_signal(struct sr_pairing *p, const struct sr_signal *x)
{
	struct sr_out *o = p->fmt.out;

	close_line(p);
	leader(p, x->h.tid);
	out__puts(o, "--- ");
	fmt_signame(&p->fmt, x->sig);
	out__putc(o, ' ');
	sr_kind_siginfo.print(&p->fmt, NULL, -1, x->siginfo, sizeof(x->siginfo));
	out__puts(o, " ---");
	out__newline(o);
}

static void handle_fork(struct sr_pairing *p, const struct sr_fork *f)
{
	if (p->fmt.fds)
		fdtab__on_fork(p->fmt.fds, f->h.tgid, f->child_tgid);
}

int pairing__handle(struct sr_pairing *p, const void *data, size_t len)
{
	const struct sr_hdr *h = data;

	p->stats.records++;
	if (len < sizeof(*h) || h->size > len || h->size < sizeof(*h)) {
		p->stats.bad++;
		return 0;
	}
	len = h->size;
	if (h->lost)
		pairing__lost(p, h->lost);
	switch (h->type) {
	case SR_REC_ENTER:
		if (len >= sizeof(struct sr_enter))
			handle_enter(p, data, len);
		else
			p->stats.bad++;
		break;
	case SR_REC_EXIT:
		if (len >= sizeof(struct sr_exit))
			handle_exit(p, data, len);
		else
			p->stats.bad++;
		break;
	case SR_REC_PEXIT:
		if (len >= sizeof(struct sr_pexit))
			handle_pexit(p, data);
		break;
	case SR_REC_EXEC:
		if (len >= sizeof(struct sr_exec))
			handle_exec(p, data);
		break;
	case SR_REC_FORK:
		if (len >= sizeof(struct sr_fork))
			handle_fork(p, data);
		break;
	case SR_REC_SIGNAL:
		if (len >= sizeof(struct sr_signal) && sr_kind_siginfo.print)
			handle_signal(p, data);
		break;
	default:
		p->stats.bad++;
		break;
	}
	return 0;
}

void pairing__finish(struct sr_pairing *p)
{
	close_line(p);
	out__flush(p->fmt.out);
}
