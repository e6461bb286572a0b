// SPDX-License-Identifier: GPL-2.0
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "rec.h"
#include "syscalls.h"

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

void t_sink_open(struct t_sink *s)
{
	memset(s, 0, sizeof(*s));
	s->fd = memfd_create("t_sink", 0);
	out__init_fd(&s->out, s->fd);
	s->out.line_buffered = false;
	s->opts.strsize = 32;
	s->opts.status = SR_ST_ALL;
	memset(s->opts.sig_sel, 0xff, sizeof(s->opts.sig_sel));
	pairing__init(&s->p, &s->out, &s->opts, NULL);
}

void t_feed(struct t_sink *s, const struct t_rec *r)
{
	pairing__handle(&s->p, r->buf, r->len);
}

const char *t_sink_text(struct t_sink *s)
{
	ssize_t n;

	out__flush(&s->out);
	n = pread(s->fd, s->text, sizeof(s->text) - 1, 0);
	s->text[n > 0 ? n : 0] = '\0';
	return s->text;
}

void t_sink_close(struct t_sink *s)
{
	pairing__free(&s->p);
	out__close(&s->out);
	close(s->fd);
}

const char *t_line(struct t_sink *s, const char *name, const uint64_t args[6],
		   const struct t_blobspec *in, int n_in, int64_t ret, const struct t_blobspec *out,
		   int n_out)
{
	static char line[8192];
	struct t_rec r;
	const char *text, *p;
	size_t start;
	int i;

	t_sink_text(s);
	start = strlen(s->text);
	t_enter(&r, 100, name, args);
	for (i = 0; i < n_in; i++)
		t_blob(&r, in[i].arg, in[i].data, in[i].len, in[i].flags, in[i].aux);
	t_feed(s, &r);
	t_exit(&r, 100, name, ret);
	for (i = 0; i < n_out; i++)
		t_blob(&r, out[i].arg, out[i].data, out[i].len, out[i].flags, out[i].aux);
	t_feed(s, &r);
	text = t_sink_text(s) + start;
	/* strip "100   " */
	p = strchr(text, ' ');
	while (p && *p == ' ')
		p++;
	snprintf(line, sizeof(line), "%s", p ? p : text);
	line[strcspn(line, "\n")] = '\0';
	return line;
}
