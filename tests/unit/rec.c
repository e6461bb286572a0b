// SPDX-License-Identifier: GPL-2.0
#include <stdio.h>
#include <string.h>

#include "rec.h"
#include "print/strace.h"
#include "table/plan.h"
#include "table/syscalls.h"

static void hdr(struct t_rec *r, uint16_t type, uint32_t tid, int32_t nr, size_t size)
{
	struct sr_hdr *h = (struct sr_hdr *)r->buf;

	memset(r->buf, 0, size);
	h->tgid = tid;
	h->tid = tid;
	h->type = type;
	h->nr = nr;
	h->size = size;
	r->len = size;
}

static int nr_of(const char *name)
{
	const struct sr_sysent *e = syscalls__by_name(name);

	return e ? e->nr : -1;
}

void t_enter(struct t_rec *r, uint32_t tid, const char *name, const uint64_t args[6])
{
	struct sr_enter *e = (struct sr_enter *)r->buf;

	hdr(r, SR_REC_ENTER, tid, nr_of(name), sizeof(*e));
	memcpy(e->args, args, sizeof(e->args));
	strcpy(e->comm, "test");
}

void t_exit(struct t_rec *r, uint32_t tid, const char *name, int64_t ret)
{
	struct sr_exit *x = (struct sr_exit *)r->buf;

	hdr(r, SR_REC_EXIT, tid, nr_of(name), sizeof(*x));
	x->ret = ret;
}

void t_call(struct t_rec *r, uint32_t tid, const char *name, const uint64_t args[6], int64_t ret)
{
	struct sr_callrec *c = (struct sr_callrec *)r->buf;

	hdr(r, SR_REC_CALL, tid, nr_of(name), sizeof(*c));
	memcpy(c->e.args, args, sizeof(c->e.args));
	strcpy(c->e.comm, "test");
	c->ret = ret;
}

void t_blob(struct t_rec *r, int arg, const void *data, size_t len, uint8_t flags, int32_t aux)
{
	struct sr_blob *b = (struct sr_blob *)(r->buf + r->len);

	memset(b, 0, sizeof(*b) + SR_ALIGN8(len));
	b->arg = arg;
	b->len = len;
	b->flags = flags;
	b->aux = aux;
	if (len)
		memcpy(b + 1, data, len);
	r->len += sizeof(*b) + SR_ALIGN8(len);
	((struct sr_hdr *)r->buf)->size = r->len;
}

void t_pexit(struct t_rec *r, uint32_t tid, int code, int group_dead)
{
	struct sr_pexit *x = (struct sr_pexit *)r->buf;

	hdr(r, SR_REC_PEXIT, tid, -1, sizeof(*x));
	x->exit_code = code;
	x->group_dead = group_dead;
}

void t_fork(struct t_rec *r, uint32_t parent, uint32_t child_tid, uint32_t child_tgid)
{
	struct sr_fork *f = (struct sr_fork *)r->buf;

	hdr(r, SR_REC_FORK, parent, -1, sizeof(*f));
	f->child_tid = child_tid;
	f->child_tgid = child_tgid;
	strcpy(f->comm, "test");
}

void t_signal(struct t_rec *r, uint32_t tid, int sig, uint32_t flags, const uint8_t si[128])
{
	struct sr_signal *x = (struct sr_signal *)r->buf;

	hdr(r, SR_REC_SIGNAL, tid, -1, sizeof(*x));
	x->sig = sig;
	x->flags = flags;
	if (si)
		memcpy(x->siginfo, si, sizeof(x->siginfo));
}

bool t_one_record(const char *name, const struct sr_opts *o)
{
	const struct sr_sysent *e = syscalls__by_name(name);
	struct sr_plan plan;

	if (!e)
		return false;
	plan__syscall(e, o, &plan);
	return sr_plan_whole(plan.flags | SR_PLAN_TRACED, plan__kernel_status(o));
}

/* The pairing stage and a strace sink on s->mem, as the session puts them together. */
static void t_sink_start(struct t_sink *s, struct sr_fdtab *fds)
{
	pairing__setup(&s->p, &s->opts, fds);
	s->sink = strace_sink__new(&s->mem.out, &s->opts, fds, pairing__comm_at, &s->p);
	pairing__add_sink(&s->p, s->sink);
}

static void t_sink_stop(struct t_sink *s)
{
	pairing__free(&s->p);
	strace_sink__free(s->sink);
	s->sink = NULL;
}

void t_sink_open(struct t_sink *s)
{
	memset(s, 0, sizeof(*s));
	t_memout_open(&s->mem);
	s->opts.strsize = 32;
	s->opts.status = SR_ST_ALL;
	memset(s->opts.sig_sel, 0xff, sizeof(s->opts.sig_sel));
	t_sink_start(s, NULL);
}

void t_feed(struct t_sink *s, const struct t_rec *r)
{
	pairing__handle(&s->p, r->buf, r->len);
}

void t_feed_read_split(struct t_sink *s)
{
	static const uint64_t read_a[6] = { 0, 0x1000, 10 }, none[6];
	struct t_rec r;

	t_enter(&r, 100, "read", read_a);
	t_feed(s, &r);
	t_enter(&r, 200, "getpid", none);
	t_feed(s, &r);
	t_exit(&r, 200, "getpid", 200);
	t_feed(s, &r);
	t_exit(&r, 100, "read", 3);
	t_blob(&r, 1, "abc", 3, 0, 3);
	t_feed(s, &r);
}

const char *t_sink_text(struct t_sink *s)
{
	return t_memout_text(&s->mem);
}

void t_sink_reinit(struct t_sink *s)
{
	struct sr_fdtab *fds = s->p.fds;

	out__flush(&s->mem.out);
	t_sink_stop(s);
	t_sink_start(s, fds);
}

void t_sink_set_fds(struct t_sink *s, struct sr_fdtab *fds)
{
	s->p.fds = fds;
	strace_sink__set_fds(s->sink, fds);
}

void t_sink_close(struct t_sink *s)
{
	t_sink_stop(s);
	t_memout_close(&s->mem);
}

void t_feed_call(struct t_sink *s, uint32_t tid, enum t_as as, const char *name,
		 const uint64_t args[6], const struct t_blobspec *in, int n_in, int64_t ret,
		 const struct t_blobspec *out, int n_out)
{
	struct t_rec r;
	int i;

	if (as == T_AS_KERNEL)
		as = t_one_record(name, &s->opts) ? T_AS_WHOLE : T_AS_SPLIT;
	if (as == T_AS_WHOLE) {
		t_call(&r, tid, name, args, ret);
		for (i = 0; i < n_in; i++)
			t_blob(&r, in[i].arg, in[i].data, in[i].len, in[i].flags | SR_BF_ENTRY,
			       in[i].aux);
	} else {
		t_enter(&r, tid, name, args);
		for (i = 0; i < n_in; i++)
			t_blob(&r, in[i].arg, in[i].data, in[i].len, in[i].flags, in[i].aux);
		t_feed(s, &r);
		t_exit(&r, tid, name, ret);
	}
	for (i = 0; i < n_out; i++)
		t_blob(&r, out[i].arg, out[i].data, out[i].len, out[i].flags, out[i].aux);
	t_feed(s, &r);
}

const char *t_line(struct t_sink *s, const char *name, const uint64_t args[6],
		   const struct t_blobspec *in, int n_in, int64_t ret, const struct t_blobspec *out,
		   int n_out)
{
	static char line[8192];
	const char *text, *p;
	size_t start;

	start = strlen(t_sink_text(s));
	t_feed_call(s, 100, T_AS_KERNEL, name, args, in, n_in, ret, out, n_out);
	text = t_sink_text(s) + start;
	/* strip "100   " */
	p = strchr(text, ' ');
	while (p && *p == ' ')
		p++;
	snprintf(line, sizeof(line), "%s", p ? p : text);
	line[strcspn(line, "\n")] = '\0';
	return line;
}
