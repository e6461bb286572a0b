// SPDX-License-Identifier: GPL-2.0
/*
 * SCM_RIGHTS: the files a sendmsg passes on a connected unix socket wait in
 * a queue (sr_fdtab.fly) until a recvmsg on the peer socket installs them,
 * one message per recvmsg, as the kernel hands them over.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "call/call.h"
#include "table/syscalls.h"
#include "table/xlat.h"
#include "fd/model.h"

/* struct user_msghdr and struct cmsghdr, as the BPF side copies them (put_msghdr). */
#define MSGHDR_CONTROLLEN 40 /* offsetof(struct user_msghdr, msg_controllen) */
#define MSGHDR_FLAGS	  48 /* offsetof(struct user_msghdr, msg_flags) */
#define CMSG_HDR	  16 /* sizeof(struct cmsghdr) */

/*
 * The fds of SCM_RIGHTS messages in @c's msghdr (argument 1), as sent (the
 * entry copy) or received (the exit copy). msg_control is the last blob of
 * the argument's sequence.
 */
static size_t scm_fds(const struct sr_call *c, bool at_exit, int32_t *fds, size_t max)
{
	const struct sr_blob *hdr = at_exit ? c->out[1] : c->in[1], *b, *last;
	const uint8_t *end, *p;
	uint64_t controllen, clen, step;
	size_t left, n = 0, i;
	int32_t level, type;

	if (!hdr || (hdr->flags & (SR_BF_FAULT | SR_BF_NULL)) || hdr->len < MSGHDR_CONTROLLEN + 8)
		return 0;
	memcpy(&controllen, (const uint8_t *)blob_data(hdr) + MSGHDR_CONTROLLEN, 8);
	end = call__blob_end(c, hdr);
	last = hdr;
	for (b = blob_next(hdr, end); b && SR_BLOB_ARG(b) == 1; b = blob_next(b, end))
		last = b;
	if (controllen < CMSG_HDR || last == hdr || (last->flags & (SR_BF_FAULT | SR_BF_NULL)) ||
	    last->len > controllen)
		return 0;
	p = blob_data(last);
	for (left = last->len; left >= CMSG_HDR && n < max; p += step, left -= step) {
		memcpy(&clen, p, 8);
		memcpy(&level, p + 8, 4);
		memcpy(&type, p + 12, 4);
		if (clen < CMSG_HDR)
			break;
		for (i = CMSG_HDR; level == SOL_SOCKET && type == SCM_RIGHTS && i + 4 <= clen &&
				   i + 4 <= left && n < max;
		     i += 4)
			memcpy(&fds[n++], p + i, 4);
		/* the last header; a cmsg_len near 2^64 would round up to a step of 0 */
		if (clen >= left)
			break;
		step = (clen + 7) & ~7ULL;
		if (step >= left)
			break;
	}
	return n;
}

/* msg_flags of @c's msghdr as the kernel left it (recvmsg: MSG_CTRUNC). */
static uint32_t msg_flags_out(const struct sr_call *c)
{
	const struct sr_blob *hdr = c->out[1];
	uint32_t flags = 0;

	if (hdr && !(hdr->flags & (SR_BF_FAULT | SR_BF_NULL)) && hdr->len >= MSGHDR_FLAGS + 4)
		memcpy(&flags, (const uint8_t *)blob_data(hdr) + MSGHDR_FLAGS, 4);
	return flags;
}

/*
 * The message a recvmsg on @ino took, which gave it @n fds (fewer than sent
 * if @trunc, MSG_CTRUNC): the oldest one sent to it with that many, since
 * older ones were read without their fds (read(2) drops them). Returns the
 * index of its first entry, or -1. A stream socket's recvmsg stops at a
 * message with fds, so it never takes two.
 */
static ssize_t inflight_find(const struct sr_fdtab *t, uint64_t ino, size_t n, bool trunc)
{
	size_t i, j, k;

	if (!n && !trunc)
		return -1;
	for (i = 0; i < t->nfly; i = j) {
		for (j = i + 1, k = 1; j < t->nfly && t->fly[j].msg == t->fly[i].msg; j++)
			k++;
		if (t->fly[i].ino != ino)
			continue;
		if (trunc ? k >= n : k == n)
			return (ssize_t)i;
	}
	return -1;
}

/*
 * A recvmsg on @ino took the message at @first: give its first @n files to
 * @out (references) and forget the rest, and the older messages to @ino.
 */
static void inflight_take(struct sr_fdtab *t, uint64_t ino, size_t first, size_t n,
			  struct fdf_file **out)
{
	uint64_t msg = t->fly[first].msg;
	size_t i, j = 0, k = 0;

	for (i = 0; i < t->nfly; i++) {
		struct fdt_inflight *e = &t->fly[i];

		if (e->ino != ino || e->msg > msg) {
			t->fly[j++] = *e;
			continue;
		}
		if (e->msg == msg && k < n)
			out[k++] = e->f;
		else
			fdf__put(t, e->f);
	}
	t->nfly = j;
}

/*
 * The queue is full: forget what was sent to the socket of the oldest
 * entry (its receiver is traced but never took it), and stop following its
 * SCM_RIGHTS, whose queue no longer lines up with the kernel's: /proc says
 * what it receives.
 */
static void inflight_evict(struct sr_fdtab *t)
{
	uint64_t ino = t->fly[0].ino;
	struct fdf_file *x = idmap__get(&t->socks, ino);

	if (x)
		x->flags |= FDF_SCM_LOST;
	fly__drop(t, ino);
}

/* Room in the queue for @n more entries. */
static bool inflight_room(struct sr_fdtab *t, size_t n)
{
	struct fdt_inflight *q;
	size_t cap;

	if (t->nfly + n <= t->capfly)
		return true;
	cap = t->capfly ? 2 * t->capfly : 64;
	q = reallocarray(t->fly, cap, sizeof(*q));
	if (!q)
		return false;
	t->fly = q;
	t->capfly = cap;
	return true;
}

/* sendmsg on a connected unix socket: its SCM_RIGHTS files go to the peer. */
void scm__send(struct sr_fdtab *t, struct fdt_proc *p, const struct sr_call *c)
{
	const struct fdf_file *s = fdt__file_at(p, (int)c->args[0]);
	const struct fdf_file *x;
	int32_t fds[FDT_MAX_SCM];
	size_t n, i;

	if (!s || s->kind != FDF_SOCKET || !s->sk->peer_ino)
		return;
	/* a receiver no traced process holds: nobody would take them off */
	x = idmap__get(&t->socks, s->sk->peer_ino);
	if (!x || (x->flags & FDF_SCM_LOST))
		return;
	n = scm_fds(c, false, fds, FDT_MAX_SCM);
	if (!n)
		return;
	while (t->nfly && t->nfly + n > FDT_MAX_INFLIGHT)
		inflight_evict(t);
	if ((x->flags & FDF_SCM_LOST) || !inflight_room(t, n))
		return;
	t->flymsg++;
	for (i = 0; i < n; i++) {
		struct fdf_file *f = fdt__file_at(p, fds[i]);

		if (f)
			f->refs++;
		t->fly[t->nfly++] = (struct fdt_inflight){ s->sk->peer_ino, t->flymsg, f };
	}
}

/* recvmsg: the fds it installed are the files sent to this socket. */
void scm__recv(struct sr_fdtab *t, struct fdt_proc *p, const struct sr_call *c)
{
	const struct fdf_file *r = fdt__file_at(p, (int)c->args[0]);
	bool cx = c->args[2] & MSG_CMSG_CLOEXEC;
	struct fdf_file *files[FDT_MAX_SCM] = { NULL };
	int32_t fds[FDT_MAX_SCM];
	ssize_t first;
	size_t n, i;

	n = scm_fds(c, true, fds, FDT_MAX_SCM);
	first = r ? inflight_find(t, r->ino, n, msg_flags_out(c) & MSG_CTRUNC) : -1;
	if (first >= 0)
		inflight_take(t, r->ino, first, n, files);
	for (i = 0; i < n; i++)
		fdt__install(t, p->files, fds[i], files[i], cx);
}

struct fdf_file *scm__peek(const struct sr_fdtab *t, const struct fdt_proc *p,
			   const struct sr_call *c, int fd)
{
	const struct fdf_file *r;
	int32_t fds[FDT_MAX_SCM];
	ssize_t first;
	size_t n, i;

	if (!p || !c->has_exit || fdi__failed(c))
		return NULL;
	r = fdt__file_at(p, (int)c->args[0]);
	n = scm_fds(c, true, fds, FDT_MAX_SCM);
	first = r ? inflight_find(t, r->ino, n, msg_flags_out(c) & MSG_CTRUNC) : -1;
	for (i = 0; first >= 0 && i < n; i++)
		if (fds[i] == fd)
			return t->fly[first + i].f;
	return NULL;
}
