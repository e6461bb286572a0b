// SPDX-License-Identifier: GPL-2.0
/*
 * The fd tables' sockets from synthetic records: -yy's forms, what connect,
 * bind and accept change, --peer (also after a fork), and fds passed with
 * SCM_RIGHTS. Helpers: fdtab_util.h.
 */
#include <arpa/inet.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include "decode/decode.h"
#include "fd/fdtab.h"
#include "rec.h"
#include "test.h"
#include "fdtab_util.h"

/* The field @key of @line with its bracketed value, "cmsg_data=[9</a>]"; "" if none. */
static const char *field(const char *line, const char *key)
{
	static char buf[1024];
	const char *p = strstr(line, key), *q;
	int depth = 0;

	if (!p)
		return "";
	for (q = p + strlen(key); *q; q++) {
		depth += *q == '[';
		depth -= *q == ']';
		if (!depth)
			break;
	}
	snprintf(buf, sizeof(buf), "%.*s", (int)(q - p + (*q != 0)), p);
	return buf;
}

/* Task @tid makes a call named @comm: the trace knows it by that name. */
static void name_task(struct t_sink *s, uint32_t tid, const char *comm)
{
	uint64_t a[6] = { 0 };
	struct t_rec r;

	t_call(&r, tid, "getpid", a, tid);
	snprintf(((struct sr_callrec *)r.buf)->e.comm, SR_COMM_LEN, "%s", comm);
	t_feed(s, &r);
}

static struct t_blobspec fdi_blob(struct fdi *d)
{
	return (struct t_blobspec){ SR_ARG_FDINFO, d, sizeof(d->fi) + d->fi.namelen, 0, 0 };
}

/* A socket's description as -yy prints it, returned by socket(). */
static const char *sock_line(struct t_sink *s, struct fdi *d)
{
	uint64_t a[6] = { d->fi.family, d->fi.type, 0 };
	struct t_blobspec b = fdi_blob(d);

	return t_line(s, "socket", a, NULL, 0, d->fi.fd, &b, 1);
}

static void socket_forms(struct t_state *st)
{
	struct t_sink s;
	struct sr_fdtab *t = open_tab(&s, 2);
	struct fdi d;

	fdi_sock(&d, 3, SR_FDI_SRC_RET, AF_INET, SOCK_STREAM, IPPROTO_TCP, 501);
	CHECK_STR(st, ret_of(sock_line(&s, &d)), "3<TCP:[501]>");
	d.fi.state = 10; /* TCP_LISTEN */
	d.fi.lport = 5432;
	inet_pton(AF_INET, "127.0.0.1", d.fi.laddr);
	CHECK_STR(st, ret_of(sock_line(&s, &d)), "3<TCP:[127.0.0.1:5432]>");
	d.fi.state = 1; /* TCP_ESTABLISHED */
	d.fi.lport = 40000;
	d.fi.rport = 5432;
	inet_pton(AF_INET, "127.0.0.1", d.fi.raddr);
	CHECK_STR(st, ret_of(sock_line(&s, &d)), "3<TCP:[127.0.0.1:40000->127.0.0.1:5432]>");
	fdi_sock(&d, 4, SR_FDI_SRC_RET, AF_INET6, SOCK_STREAM, IPPROTO_TCP, 502);
	d.fi.state = 1;
	d.fi.lport = 1;
	d.fi.rport = 2;
	inet_pton(AF_INET6, "::1", d.fi.laddr);
	inet_pton(AF_INET6, "::1", d.fi.raddr);
	CHECK_STR(st, ret_of(sock_line(&s, &d)), "4<TCPv6:[[::1]:1->[::1]:2]>");
	fdi_sock(&d, 5, SR_FDI_SRC_RET, AF_INET, SOCK_DGRAM, IPPROTO_UDP, 503);
	CHECK_STR(st, ret_of(sock_line(&s, &d)), "5<UDP:[503]>");
	fdi_sock(&d, 6, SR_FDI_SRC_RET, AF_UNIX, SOCK_STREAM, 0, 504);
	d.fi.peer_ino = 505;
	d.fi.namelen = 8;
	memcpy(d.name, "/run/x\0", 8);
	CHECK_STR(st, ret_of(sock_line(&s, &d)), "6<UNIX-STREAM:[504->505,\"/run/x\"]>");
	fdi_sock(&d, 7, SR_FDI_SRC_RET, AF_UNIX, SOCK_DGRAM, 0, 506);
	d.fi.namelen = 4;
	memcpy(d.name, "\0abs", 4);
	CHECK_STR(st, ret_of(sock_line(&s, &d)), "7<UNIX:[506,@\"abs\"]>");
	fdi_sock(&d, 8, SR_FDI_SRC_RET, AF_NETLINK, SOCK_RAW, 0, 507);
	CHECK_STR(st, ret_of(sock_line(&s, &d)), "8<NETLINK:[507]>");
	d.fi.lport32 = 1234;
	CHECK_STR(st, ret_of(sock_line(&s, &d)), "8<NETLINK:[ROUTE:1234]>");
	fdi_sock(&d, 9, SR_FDI_SRC_RET, AF_PACKET, SOCK_RAW, 0, 508);
	CHECK_STR(st, ret_of(sock_line(&s, &d)), "9<socket:[508]>");
	close_tab(&s, t);

	/* -y: only the inode */
	t = open_tab(&s, 1);
	fdi_sock(&d, 3, SR_FDI_SRC_RET, AF_UNIX, SOCK_STREAM, 0, 504);
	d.fi.peer_ino = 505;
	CHECK_STR(st, ret_of(sock_line(&s, &d)), "3<socket:[504]>");
	close_tab(&s, t);
}

/* strace -yy shows the first description it got of a socket, as we do. */
static void socket_updates(struct t_state *st)
{
	struct t_sink s;
	struct sr_fdtab *t = open_tab(&s, 2);
	uint64_t a[6] = { 3, 0x1000, 16 };
	struct fdi d;
	struct t_blobspec b;

	fdi_sock(&d, 3, SR_FDI_SRC_RET, AF_INET, SOCK_DGRAM, IPPROTO_UDP, 601);
	sock_line(&s, &d);
	/* autobound by sendto */
	fdi_sock(&d, 3, 0, AF_INET, SOCK_DGRAM, IPPROTO_UDP, 601);
	d.fi.lport = 999;
	b = fdi_blob(&d);
	CHECK_STR(st, t_line(&s, "connect", a, NULL, 0, 0, &b, 1),
		  L("connect(3<UDP:[601]>, 0x1000, 16)", "0"));
	d.fi.rport = 53;
	inet_pton(AF_INET, "127.0.0.1", d.fi.raddr);
	inet_pton(AF_INET, "127.0.0.1", d.fi.laddr);
	b = fdi_blob(&d);
	CHECK_STR(st, t_line(&s, "connect", a, NULL, 0, 0, &b, 1),
		  L("connect(3<UDP:[0.0.0.0:999]>, 0x1000, 16)", "0"));
	CHECK_STR(st, call1(&s, "fsync", 3, 0), L("fsync(3<UDP:[0.0.0.0:999]>)", "0"));
	close_tab(&s, t);
}

static void peer(struct t_state *st)
{
	struct t_sink s;
	struct sr_fdtab *t;
	struct fdi d;

	t_sink_open(&s);
	s.opts.decode_fds = 2;
	s.opts.peer = true;
	t = fdtab__new(&s.opts);
	fdtab__set_proc_root(t, NULL);
	t_sink_set_fds(&s, t);
	/* the names come from the records: the comm each task had in its calls */
	name_task(&s, 4242, "unixserver");
	fdi_sock(&d, 3, SR_FDI_SRC_RET, AF_UNIX, SOCK_STREAM, 0, 701);
	d.fi.peer_ino = 702;
	d.fi.peer_pid = 4242;
	CHECK_STR(st, ret_of(sock_line(&s, &d)), "3<UNIX-STREAM:[701->702] peer=4242(unixserver)>");
	/* loopback TCP: the traced socket with the reversed addresses */
	fdi_sock(&d, 4, SR_FDI_SRC_RET, AF_INET, SOCK_STREAM, IPPROTO_TCP, 703);
	d.fi.state = 1;
	d.fi.lport = 40000;
	d.fi.rport = 5432;
	inet_pton(AF_INET, "127.0.0.1", d.fi.laddr);
	inet_pton(AF_INET, "127.0.0.1", d.fi.raddr);
	sock_line(&s, &d);
	d.fi.fd = 5;
	d.fi.ino = 704;
	d.fi.lport = 5432;
	d.fi.rport = 40000;
	sock_line(&s, &d);
	CHECK_STR(st, call1(&s, "fsync", 4, 0),
		  L("fsync(4<TCP:[127.0.0.1:40000->127.0.0.1:5432] peer=100(test)>)", "0"));
	close_tab(&s, t);
}

/* socketpair(AF_UNIX, SOCK_STREAM) = [@fd0, @fd1], inodes @ino0 and @ino0 + 1. */
static void unix_pair(struct t_sink *s, int fd0, int fd1, uint64_t ino0)
{
	uint64_t a[6] = { AF_UNIX, SOCK_STREAM, 0, 0x1000 };
	int32_t sv[2] = { fd0, fd1 };
	struct fdi d[2];
	struct t_blobspec b[3] = { { 3, sv, 8, 0, 0 } };

	fdi_sock(&d[0], fd0, SR_FDI_SRC_RET, AF_UNIX, SOCK_STREAM, 0, ino0);
	d[0].fi.peer_ino = ino0 + 1;
	fdi_sock(&d[1], fd1, SR_FDI_SRC_RET, AF_UNIX, SOCK_STREAM, 0, ino0 + 1);
	d[1].fi.peer_ino = ino0;
	b[1] = fdi_blob(&d[0]);
	b[2] = fdi_blob(&d[1]);
	t_line(s, "socketpair", a, NULL, 0, 0, b, 3);
}

/* The blobs of a msghdr carrying one byte and SCM_RIGHTS @fds (none: no control). */
struct scm_msg {
	uint64_t h[7];
	uint64_t iov[2];
	uint8_t cbuf[16 + 4 * 8];
	struct t_blobspec b[5];
	int n;
};

static void scm_msg(struct scm_msg *m, const int32_t *fds, int n, uint32_t msg_flags)
{
	uint64_t clen = 16 + 4 * n;

	memset(m, 0, sizeof(*m));
	m->iov[0] = 0x7000;
	m->iov[1] = 1;
	memcpy(m->cbuf, &clen, 8);
	m->cbuf[8] = SOL_SOCKET;
	m->cbuf[12] = SCM_RIGHTS;
	if (n)
		memcpy(m->cbuf + 16, fds, 4 * n);
	m->h[2] = 0x6000;
	m->h[3] = 1;
	m->h[4] = n ? 0x8000 : 0;
	m->h[5] = n ? (clen + 7) & ~7ULL : 0;
	m->h[6] = msg_flags;
	m->b[m->n++] = (struct t_blobspec){ 1, m->h, 56, 0, 56 };
	m->b[m->n++] = (struct t_blobspec){ 1, NULL, 0, 0x8 /* SR_BF_NULL */, 0 };
	m->b[m->n++] = (struct t_blobspec){ 1, m->iov, 16, 0, 16 };
	m->b[m->n++] = (struct t_blobspec){ 1, "x", 1, 0, 1 };
	if (n)
		m->b[m->n++] = (struct t_blobspec){ 1, m->cbuf, m->h[5], 0, (int32_t)m->h[5] };
}

/* sendmsg(@sock) passing the @n fds of @fds. */
static void send_fds(struct t_sink *s, int sock, const int32_t *fds, int n)
{
	uint64_t a[6] = { sock, 0x1000, 0 };
	struct scm_msg m;

	scm_msg(&m, fds, n, 0);
	t_line(s, "sendmsg", a, m.b, m.n, 1, NULL, 0);
}

/* recvmsg(@sock) that installed @fds (MSG_CTRUNC if @trunc); returns the line. */
static const char *recv_fds(struct t_sink *s, int sock, const int32_t *fds, int n, bool trunc)
{
	uint64_t a[6] = { sock, 0x1000, 0 };
	struct scm_msg m, in;

	scm_msg(&in, NULL, 0, 0);
	in.h[4] = 0x8000;
	in.h[5] = 24;
	scm_msg(&m, fds, n, trunc ? MSG_CTRUNC : 0);
	return t_line(s, "recvmsg", a, in.b, in.n, 1, m.b, m.n);
}

/*
 * SCM_RIGHTS: a recvmsg takes one sendmsg's fds, even when truncation
 * (MSG_CTRUNC) dropped some or all of them, or read(2) took the message
 * without them; a queue that overflows stops following its socket.
 */
static void scm_rights_messages(struct t_state *st)
{
	struct t_sink s;
	struct sr_fdtab *t = open_tab(&s, 1);
	int32_t three[3] = { 5, 6, 7 }, one = 8, got[2] = { 9, 10 };
	int i;

	unix_pair(&s, 3, 4, 900);
	open_file(&s, "/a", 0, 5);
	open_file(&s, "/b", 0, 6);
	open_file(&s, "/c", 0, 7);
	open_file(&s, "/d", 0, 8);
	send_fds(&s, 3, three, 3);
	send_fds(&s, 3, &one, 1);
	for (i = 5; i <= 8; i++)
		call1(&s, "close", i, 0);
	/* room for one: /b and /c are closed by the kernel */
	CHECK_STR(st, field(recv_fds(&s, 4, &got[0], 1, true), "cmsg_data="), "cmsg_data=[9</a>]");
	CHECK_STR(st, field(recv_fds(&s, 4, &got[1], 1, false), "cmsg_data="),
		  "cmsg_data=[10</d>]");
	CHECK_STR(st, call1(&s, "fsync", 10, 0), L("fsync(10</d>)", "0"));
	/* no room at all */
	open_file(&s, "/e", 0, 5);
	send_fds(&s, 3, &one, 0);
	one = 5;
	send_fds(&s, 3, &one, 1);
	call1(&s, "close", 5, 0);
	recv_fds(&s, 4, NULL, 0, true);
	open_file(&s, "/f", 0, 5);
	send_fds(&s, 3, &one, 1);
	call1(&s, "close", 5, 0);
	got[0] = 11;
	CHECK_STR(st, field(recv_fds(&s, 4, got, 1, false), "cmsg_data="), "cmsg_data=[11</f>]");
	/* read(4, ...) takes /g's message and drops the fd; then two come at once */
	open_file(&s, "/g", 0, 5);
	open_file(&s, "/h", 0, 6);
	open_file(&s, "/i", 0, 7);
	send_fds(&s, 3, &three[0], 1);
	send_fds(&s, 3, &three[1], 2);
	got[0] = 12;
	got[1] = 13;
	CHECK_STR(st, field(recv_fds(&s, 4, got, 2, false), "cmsg_data="),
		  "cmsg_data=[12</h>, 13</i>]");
	/* never received: past 4096 queued, the socket is no longer followed */
	for (i = 0; i < 4097; i++) {
		send_fds(&s, 3, &three[0], 1);
		if (i % 64 == 0)
			reopen_tab(&s, t, 1);
	}
	send_fds(&s, 3, &three[1], 1);
	got[0] = 14;
	CHECK_STR(st, field(recv_fds(&s, 4, got, 1, false), "cmsg_data="), "cmsg_data=[14]");
	close_tab(&s, t);
}

static const char *family_comm(void *ctx, uint32_t pid)
{
	return pid == 100 ? "parent" : pid == 200 ? "child" : NULL;
}

/*
 * --peer after socketpair and fork: SO_PEERCRED names the process that
 * made the pair for both ends; the peer is the other process holding the
 * other end.
 */
static void peer_after_fork(struct t_state *st)
{
	struct t_sink s;
	struct sr_fdtab *t;
	uint64_t a[6] = { AF_UNIX, SOCK_STREAM, 0, 0x1000 };
	int32_t sv[2] = { 3, 4 };
	struct t_blobspec b[3] = { { 3, sv, 8, 0, 0 } };
	struct fdi d[2];

	t_sink_open(&s);
	s.opts.decode_fds = 2;
	s.opts.peer = true;
	t = fdtab__new(&s.opts);
	fdtab__set_proc_root(t, NULL);
	t_sink_set_fds(&s, t);
	fdi_sock(&d[0], 3, SR_FDI_SRC_RET, AF_UNIX, SOCK_STREAM, 0, 711);
	d[0].fi.peer_ino = 712;
	d[0].fi.peer_pid = 100;
	fdi_sock(&d[1], 4, SR_FDI_SRC_RET, AF_UNIX, SOCK_STREAM, 0, 712);
	d[1].fi.peer_ino = 711;
	d[1].fi.peer_pid = 100;
	b[1] = fdi_blob(&d[0]);
	b[2] = fdi_blob(&d[1]);
	/* alone, it is its own peer */
	CHECK_STR(
		st, t_line(&s, "socketpair", a, NULL, 0, 0, b, 3),
		L("socketpair(AF_UNIX, SOCK_STREAM, 0, [3<UNIX-STREAM:[711->712] peer=100(test)>, "
		  "4<UNIX-STREAM:[712->711] peer=100(test)>])",
		  "0"));
	fdtab__on_fork(t, 100, 200, false);
	CHECK_STR(st, annot_named(t, 100, 3, family_comm),
		  "<UNIX-STREAM:[711->712] peer=200(child)>");
	CHECK_STR(st, annot_named(t, 200, 4, family_comm),
		  "<UNIX-STREAM:[712->711] peer=100(parent)>");
	/* the child goes by its own name in the trace; the parent closes its copy of 4 */
	name_task(&s, 200, "child");
	call1(&s, "close", 4, 0);
	CHECK_STR(st, call1(&s, "fsync", 3, 0),
		  L("fsync(3<UNIX-STREAM:[711->712] peer=200(child)>)", "0"));
	close_tab(&s, t);
}

T_SUITE(fdtab_sock_tests) = {
	T_CASE(socket_forms),	     T_CASE(socket_updates),  T_CASE(peer),
	T_CASE(scm_rights_messages), T_CASE(peer_after_fork), T_END,
};
