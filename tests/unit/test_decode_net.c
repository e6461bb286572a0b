// SPDX-License-Identifier: GPL-2.0
/* Decoders of user/decode/net.c, against lines strace 6.1 prints. */
#include <fcntl.h>
#include <string.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <linux/netlink.h>
#include <sys/ipc.h>

#include "rec.h"
#include "test.h"

static void sockets(struct t_state *st)
{
	struct t_sink s;
	uint64_t a[6] = { AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0 };

	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "socket", a, NULL, 0, 3, NULL, 0),
		  "socket(AF_INET, SOCK_STREAM|SOCK_CLOEXEC, IPPROTO_IP) = 3");
	a[1] = SOCK_STREAM;
	a[2] = IPPROTO_TCP;
	CHECK_STR(st, t_line(&s, "socket", a, NULL, 0, 4, NULL, 0),
		  "socket(AF_INET, SOCK_STREAM, IPPROTO_TCP) = 4");
	a[0] = AF_UNIX;
	a[1] = SOCK_DGRAM;
	a[2] = 0;
	CHECK_STR(st, t_line(&s, "socket", a, NULL, 0, 6, NULL, 0),
		  "socket(AF_UNIX, SOCK_DGRAM, 0)    = 6");
	a[0] = AF_NETLINK;
	a[1] = SOCK_RAW | SOCK_CLOEXEC;
	a[2] = NETLINK_ROUTE;
	CHECK_STR(st, t_line(&s, "socket", a, NULL, 0, 3, NULL, 0),
		  "socket(AF_NETLINK, SOCK_RAW|SOCK_CLOEXEC, NETLINK_ROUTE) = 3");
	a[0] = AF_PACKET;
	a[2] = htons(3);
	CHECK_STR(st, t_line(&s, "socket", a, NULL, 0, 17, NULL, 0),
		  "socket(AF_PACKET, SOCK_RAW|SOCK_CLOEXEC, htons(ETH_P_ALL)) = 17");
	t_sink_close(&s);
}

static void addresses_in(struct t_state *st)
{
	struct t_sink s;
	struct sockaddr_in in = { .sin_family = AF_INET, .sin_port = htons(32811) };
	struct sockaddr_in6 in6 = { .sin6_family = AF_INET6 };
	struct sockaddr_nl nl = { .nl_family = AF_NETLINK };
	uint64_t a[6] = { 4, 0x1000, sizeof(in) };
	struct t_blobspec b = { 1, &in, sizeof(in), 0, 0 };

	in.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	in6.sin6_addr = in6addr_loopback;
	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "connect", a, &b, 1, 0, NULL, 0),
		  "connect(4, {sa_family=AF_INET, sin_port=htons(32811), "
		  "sin_addr=inet_addr(\"127.0.0.1\")}, 16) = 0");
	b.data = &in6;
	b.len = a[2] = sizeof(in6);
	CHECK_STR(st, t_line(&s, "bind", a, &b, 1, 0, NULL, 0),
		  "bind(4, {sa_family=AF_INET6, sin6_port=htons(0), sin6_flowinfo=htonl(0), "
		  "inet_pton(AF_INET6, \"::1\", &sin6_addr), sin6_scope_id=0}, 28) = 0");
	nl.nl_pad = 0x5374;
	b.data = &nl;
	b.len = a[2] = sizeof(nl);
	CHECK_STR(st, t_line(&s, "bind", a, &b, 1, 0, NULL, 0),
		  "bind(4, {sa_family=AF_NETLINK, nl_pad=0x5374, nl_pid=0, nl_groups=00000000}, 12)"
		  " = 0");
	/* a length too short for a family: only the address */
	a[2] = 1;
	CHECK_STR(st, t_line(&s, "connect", a, &b, 1, -22, NULL, 0),
		  "connect(4, 0x1000, 1)             = -1 EINVAL (Invalid argument)");
	t_sink_close(&s);
}

static void addresses_unix(struct t_state *st)
{
	struct t_sink s;
	struct sockaddr_un un = { .sun_family = AF_UNIX, .sun_path = "stream.sock" };
	uint64_t a[6] = { 3, 0x1000, 14 };
	struct t_blobspec b = { 1, &un, 14, 0, 0 };

	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "bind", a, &b, 1, 0, NULL, 0),
		  "bind(3, {sa_family=AF_UNIX, sun_path=\"stream.sock\"}, 14) = 0");
	memcpy(un.sun_path, "\0sysray-abs\0x", 13);
	b.len = a[2] = 15;
	CHECK_STR(st, t_line(&s, "bind", a, &b, 1, 0, NULL, 0),
		  "bind(3, {sa_family=AF_UNIX, sun_path=@\"sysray-abs\\0x\"}, 15) = 0");
	t_sink_close(&s);
}

/* getsockname/accept: the length the caller offered, and what came back. */
static void address_lengths(struct t_state *st)
{
	struct t_sink s;
	struct sockaddr_un un = { .sun_family = AF_UNIX,
				  .sun_path = "\0"
					      "12a19" };
	int32_t ulen = 110, rlen = 8;
	uint64_t a[6] = { 4, 0x1000, 0x2000, 0 };
	struct t_blobspec in = { 2, &ulen, 4, 0, 0 };
	struct t_blobspec out[2] = { { 1, &un, 8, 0, 8 }, { 2, &rlen, 4, 0, 0 } };

	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "getsockname", a, &in, 1, 0, out, 2),
		  "getsockname(4, {sa_family=AF_UNIX, sun_path=@\"12a19\"}, [110 => 8]) = 0");
	rlen = 2;
	out[0].len = 2;
	CHECK_STR(st, t_line(&s, "accept4", a, &in, 1, 5, out, 2),
		  "accept4(4, {sa_family=AF_UNIX}, [110 => 2], 0) = 5");
	/* nothing written: recvfrom on a stream socket */
	rlen = 0;
	out[0].arg = 4;
	out[0].len = 0;
	out[1].arg = 5;
	in.arg = 5;
	ulen = 16;
	a[0] = 4;
	a[1] = 0x3000;
	a[2] = 5;
	a[3] = MSG_WAITALL;
	a[4] = 0x7ffd46852ac0;
	a[5] = 0x4000;
	{
		struct t_blobspec o3[3] = { { 1, "pong!", 5, 0, 5 }, out[0], out[1] };

		CHECK_STR(st, t_line(&s, "recvfrom", a, &in, 1, 5, o3, 3),
			  "recvfrom(4, \"pong!\", 5, MSG_WAITALL, 0x7ffd46852ac0, [16 => 0]) = 5");
	}
	a[1] = a[2] = 0;
	CHECK_STR(st, t_line(&s, "accept", a, NULL, 0, 5, NULL, 0),
		  "accept(4, NULL, NULL)             = 5");
	t_sink_close(&s);
}

static void sockopts(struct t_state *st)
{
	struct t_sink s;
	int32_t one = 1, len = 4, err = 111, linger[2] = { 1, 0 };
	uint64_t a[6] = { 3, SOL_SOCKET, SO_REUSEADDR, 0x1000, 4 };
	struct t_blobspec in = { 3, &one, 4, 0, 0 };
	struct t_blobspec gin = { 4, &len, 4, 0, 0 };
	struct t_blobspec gout[2] = { { 3, &err, 4, 0, 4 }, { 4, &len, 4, 0, 0 } };

	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "setsockopt", a, &in, 1, 0, NULL, 0),
		  "setsockopt(3, SOL_SOCKET, SO_REUSEADDR, [1], 4) = 0");
	a[1] = IPPROTO_TCP;
	a[2] = 1;
	CHECK_STR(st, t_line(&s, "setsockopt", a, &in, 1, 0, NULL, 0),
		  "setsockopt(3, SOL_TCP, TCP_NODELAY, [1], 4) = 0");
	a[1] = SOL_SOCKET;
	a[2] = SO_LINGER;
	a[4] = 8;
	in.data = linger;
	in.len = 8;
	CHECK_STR(st, t_line(&s, "setsockopt", a, &in, 1, 0, NULL, 0),
		  "setsockopt(3, SOL_SOCKET, SO_LINGER, {l_onoff=1, l_linger=0}, 8) = 0");
	a[1] = 999;
	a[2] = 3;
	a[4] = 4;
	CHECK_STR(st, t_line(&s, "setsockopt", a, &in, 1, -92, NULL, 0),
		  "setsockopt(3, 0x3e7 /* SOL_?? */, 3, [1], 4) = -1 ENOPROTOOPT (Protocol not "
		  "available)");
	a[1] = SOL_SOCKET;
	a[2] = SO_ERROR;
	a[4] = 0x2000;
	CHECK_STR(st, t_line(&s, "getsockopt", a, &gin, 1, 0, gout, 2),
		  "getsockopt(3, SOL_SOCKET, SO_ERROR, [ECONNREFUSED], [4]) = 0");
	t_sink_close(&s);
}

static void sockopt_values_out(struct t_state *st)
{
	struct t_sink s;
	int32_t ulen = 16, rlen = 16, cred[3] = { 15390, 0, 0 }, l4 = 4;
	uint64_t a[6] = { 5, IPPROTO_TCP, 13, 0x1000, 0x2000 };
	struct t_blobspec gin = { 4, &ulen, 4, 0, 0 };
	struct t_blobspec gout[2] = { { 3, "bbr\0\0\0\0\0\0\0\0\0\0\0\0\0", 16, 0, 16 },
				      { 4, &rlen, 4, 0, 0 } };

	t_sink_open(&s);
	CHECK_STR(
		st, t_line(&s, "getsockopt", a, &gin, 1, 0, gout, 2),
		"getsockopt(5, SOL_TCP, TCP_CONGESTION, \"bbr\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\", "
		"[16]) = 0");
	a[1] = SOL_SOCKET;
	a[2] = SO_PEERCRED;
	ulen = rlen = 12;
	gout[0].data = cred;
	gout[0].len = 12;
	CHECK_STR(st, t_line(&s, "getsockopt", a, &gin, 1, 0, gout, 2),
		  "getsockopt(5, SOL_SOCKET, SO_PEERCRED, {pid=15390, uid=0, gid=0}, [12]) = 0");
	/* a struct cut short by the caller's buffer */
	a[2] = SO_LINGER;
	ulen = rlen = 4;
	gout[0].data = &l4;
	gout[0].len = 4;
	l4 = 1;
	CHECK_STR(st, t_line(&s, "getsockopt", a, &gin, 1, 0, gout, 2),
		  "getsockopt(5, SOL_SOCKET, SO_LINGER, {l_onoff=1}, [4]) = 0");
	/* failed: the value's address and the length offered */
	CHECK_STR(st, t_line(&s, "getsockopt", a, &gin, 1, -9, NULL, 0),
		  "getsockopt(5, SOL_SOCKET, SO_LINGER, 0x1000, [4]) = -1 EBADF (Bad file "
		  "descriptor)");
	t_sink_close(&s);
}

/* The blobs put_msghdr() emits for one msghdr argument. */
struct t_msg {
	uint64_t h[7];
	struct t_blobspec b[8];
	int n;
};

static void t_msg_init(struct t_msg *m, int arg, const void *name, uint32_t namelen,
		       const uint64_t *iov, int iovlen, uint64_t control, uint64_t controllen)
{
	memset(m, 0, sizeof(*m));
	m->h[0] = name ? 0x5000 : 0;
	m->h[1] = namelen;
	m->h[2] = 0x6000;
	m->h[3] = iovlen;
	m->h[4] = control;
	m->h[5] = controllen;
	m->b[m->n++] = (struct t_blobspec){ arg, m->h, 56, 0, 56 };
	m->b[m->n++] = (struct t_blobspec){ arg, name, name ? namelen : 0,
					    name ? 0 : 0x8 /* SR_BF_NULL */, namelen };
	m->b[m->n++] = (struct t_blobspec){ arg, iov, 16 * (size_t)iovlen, 0, 16 * iovlen };
}

static void t_msg_add(struct t_msg *m, int arg, const void *data, size_t len)
{
	m->b[m->n++] = (struct t_blobspec){ arg, data, len, data ? 0 : 0x8, (int32_t)len };
}

static void sendmsg_rights(struct t_state *st)
{
	struct t_sink s;
	struct t_msg m;
	uint64_t iov[2] = { 0x7000, 2 };
	uint8_t cbuf[24] = { 20, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 6, 0, 0, 0 };
	uint64_t a[6] = { 5, 0x1000, 0 };

	t_msg_init(&m, 1, NULL, 0, iov, 1, 0x8000, sizeof(cbuf));
	t_msg_add(&m, 1, "fd", 2);
	t_msg_add(&m, 1, cbuf, sizeof(cbuf));
	t_sink_open(&s);
	CHECK_STR(
		st, t_line(&s, "sendmsg", a, m.b, m.n, 2, NULL, 0),
		"sendmsg(5, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"fd\", iov_len=2}], "
		"msg_iovlen=1, msg_control=[{cmsg_len=20, cmsg_level=SOL_SOCKET, "
		"cmsg_type=SCM_RIGHTS, cmsg_data=[6]}], msg_controllen=24, msg_flags=0}, 0) = 2");
	t_sink_close(&s);
}

static void recvmsg_lines(struct t_state *st)
{
	struct t_sink s;
	struct t_msg in, out;
	struct sockaddr_in sin = { .sin_family = AF_INET, .sin_port = htons(45725) };
	uint64_t iov[4] = { 0x7000, 4, 0x7100, 8 };
	uint64_t a[6] = { 3, 0x1000, 0 };

	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	t_msg_init(&in, 1, &sin, sizeof(sin), iov, 2, 0, 0);
	t_msg_add(&in, 1, "", 0);
	t_msg_add(&in, 1, "", 0);
	t_msg_add(&in, 1, NULL, 0);
	t_msg_init(&out, 1, &sin, sizeof(sin), iov, 2, 0, 0);
	t_msg_add(&out, 1, "hell", 4);
	t_msg_add(&out, 1, "o world", 7);
	t_msg_add(&out, 1, NULL, 0);
	t_sink_open(&s);
	CHECK_STR(
		st, t_line(&s, "recvmsg", a, in.b, in.n, 11, out.b, out.n),
		"recvmsg(3, {msg_name={sa_family=AF_INET, sin_port=htons(45725), "
		"sin_addr=inet_addr(\"127.0.0.1\")}, msg_namelen=16, msg_iov=[{iov_base=\"hell\", "
		"iov_len=4}, {iov_base=\"o world\", iov_len=8}], msg_iovlen=2, msg_controllen=0, "
		"msg_flags=0}, 0) = 11");
	/* a stream socket writes no address back; one byte fills one buffer */
	in.h[1] = 110;
	iov[1] = 10;
	t_msg_init(&out, 1, &sin, 0, iov, 2, 0, 0);
	t_msg_add(&out, 1, "h", 1);
	t_msg_add(&out, 1, NULL, 0);
	CHECK_STR(st, t_line(&s, "recvmsg", a, in.b, in.n, 1, out.b, out.n),
		  "recvmsg(3, {msg_name=0x5000, msg_namelen=110 => 0, msg_iov=[{iov_base=\"h\", "
		  "iov_len=10}, {iov_base=\"\", iov_len=8}], msg_iovlen=2, msg_controllen=0, "
		  "msg_flags=0}, 0) = 1");
	CHECK_STR(
		st, t_line(&s, "recvmsg", a, in.b, in.n, -11, NULL, 0),
		"recvmsg(3, {msg_namelen=110}, 0)  = -1 EAGAIN (Resource temporarily unavailable)");
	t_sink_close(&s);
}

/*
 * The blobs put_mmsg() emits for sendmmsg/recvmmsg at exit: per element,
 * the 64-byte struct mmsghdr, then msg_name, the iovec array (one entry
 * here), its buffer and msg_control, as put_msghdr() lays them out.
 */
struct t_mmsg {
	uint64_t h[4][8];
	uint64_t iov[4][2];
	struct t_blobspec b[24];
	int n, nel;
};

static void t_mmsg_add(struct t_mmsg *m, const void *name, uint32_t namelen, const char *data,
		       uint64_t iov_len, uint32_t msg_len, uint32_t flags, const void *control,
		       uint64_t controllen)
{
	uint64_t *h = m->h[m->nel], *iov = m->iov[m->nel];

	m->nel++;
	h[0] = name ? 0x5000 : 0;
	h[1] = namelen;
	h[2] = 0x6000;
	h[3] = 1;
	h[4] = control ? 0x8000 : 0;
	h[5] = controllen;
	h[6] = flags;
	h[7] = msg_len; /* and 4 bytes of padding */
	iov[0] = 0x7000;
	iov[1] = iov_len;
	m->b[m->n++] = (struct t_blobspec){ 1, h, 64, 0, 64 };
	m->b[m->n++] = (struct t_blobspec){ 1, name, name ? namelen : 0, name ? 0 : 0x8, namelen };
	m->b[m->n++] = (struct t_blobspec){ 1, iov, 16, 0, 16 };
	m->b[m->n++] = (struct t_blobspec){ 1, data, msg_len, 0, msg_len };
	m->b[m->n++] = (struct t_blobspec){ 1, control, control ? controllen : 0, control ? 0 : 0x8,
					    (int32_t)controllen };
}

/* tests/progs/net_udp, at -s 64 and -s 1 */
static void sendmmsg_lines(struct t_state *st)
{
	struct t_sink s;
	struct t_mmsg m = { 0 };
	uint64_t a[6] = { 4, 0x1000, 2, 0 };

	t_mmsg_add(&m, NULL, 0, "hello ", 6, 6, 0, NULL, 0);
	t_mmsg_add(&m, NULL, 0, "world", 5, 5, 0, NULL, 0);
	t_sink_open(&s);
	CHECK_STR(
		st, t_line(&s, "sendmmsg", a, NULL, 0, 2, m.b, m.n),
		"sendmmsg(4, [{msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"hello "
		"\", iov_len=6}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, msg_len=6}, "
		"{msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"world\", "
		"iov_len=5}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, msg_len=5}], 2, 0) = 2");
	/* -s 1: one element of each array, one byte of each buffer */
	s.opts.strsize = 1;
	CHECK_STR(
		st, t_line(&s, "sendmmsg", a, NULL, 0, 2, m.b, m.n),
		"sendmmsg(4, [{msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"h\"..., "
		"iov_len=6}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, msg_len=6}, ...], 2, 0) "
		"= 2");
	/*
	 * Only the first ret elements are read: strace shows the third, unsent
	 * one too (without msg_len), we cannot.
	 */
	s.opts.strsize = 64;
	a[2] = 3;
	CHECK_STR(
		st, t_line(&s, "sendmmsg", a, NULL, 0, 2, m.b, m.n),
		"sendmmsg(4, [{msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"hello "
		"\", iov_len=6}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, msg_len=6}, "
		"{msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"world\", "
		"iov_len=5}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, msg_len=5}, ...], 3, 0) "
		"= 2");
	a[2] = 0;
	CHECK_STR(st, t_line(&s, "sendmmsg", a, NULL, 0, 0, NULL, 0),
		  "sendmmsg(4, [], 0, 0)             = 0");
	a[1] = 8;
	a[2] = 2;
	CHECK_STR(st, t_line(&s, "sendmmsg", a, NULL, 0, -14, NULL, 0),
		  "sendmmsg(4, 0x8, 2, 0)            = -1 EFAULT (Bad address)");
	t_sink_close(&s);
}

/* Control messages sit between one element's buffers and the next element. */
static void sendmmsg_rights(struct t_state *st)
{
	struct t_sink s;
	struct t_mmsg m = { 0 };
	uint8_t cbuf[24] = { 20, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 5, 0, 0, 0 };
	uint64_t a[6] = { 6, 0x1000, 2, 0 };

	t_mmsg_add(&m, NULL, 0, "fd", 2, 2, 0, cbuf, sizeof(cbuf));
	t_mmsg_add(&m, NULL, 0, "two", 3, 3, 0, NULL, 0);
	t_sink_open(&s);
	CHECK_STR(
		st, t_line(&s, "sendmmsg", a, NULL, 0, 2, m.b, m.n),
		"sendmmsg(6, [{msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"fd\", "
		"iov_len=2}], msg_iovlen=1, msg_control=[{cmsg_len=20, cmsg_level=SOL_SOCKET, "
		"cmsg_type=SCM_RIGHTS, cmsg_data=[5]}], msg_controllen=24, msg_flags=0}, "
		"msg_len=2}, {msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"two\", "
		"iov_len=3}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, msg_len=3}], 2, 0) = 2");
	t_sink_close(&s);
}

static void recvmmsg_lines(struct t_state *st)
{
	struct t_sink s;
	struct t_mmsg m = { 0 }, m1 = { 0 };
	struct sockaddr_in sin = { .sin_family = AF_INET, .sin_port = htons(47275) };
	int64_t tmo[2] = { 1, 0 }, left[2] = { 0, 999994849 }, tmo2[2] = { 0, 999995538 };
	uint64_t a[6] = { 3, 0x1000, 2, MSG_DONTWAIT, 0 };
	struct t_blobspec in = { 4, tmo, 16, 0, 16 };

	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	t_mmsg_add(&m, NULL, 0, "hell", 4, 4, MSG_TRUNC, NULL, 0);
	t_mmsg_add(&m, NULL, 0, "world", 8, 5, 0, NULL, 0);
	t_sink_open(&s);
	CHECK_STR(
		st, t_line(&s, "recvmmsg", a, NULL, 0, 2, m.b, m.n),
		"recvmmsg(3, [{msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"hell\", "
		"iov_len=4}], msg_iovlen=1, msg_controllen=0, msg_flags=MSG_TRUNC}, msg_len=4}, "
		"{msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"world\", "
		"iov_len=8}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, msg_len=5}], 2, "
		"MSG_DONTWAIT, NULL) = 2");
	/* the timeout as given, and what is left of it after the return value */
	t_mmsg_add(&m1, &sin, sizeof(sin), "ping", 8, 4, 0, NULL, 0);
	m1.b[m1.n++] = (struct t_blobspec){ 4, left, 16, 0, 16 };
	a[3] = MSG_WAITFORONE;
	a[4] = 0x2000;
	CHECK_STR(
		st, t_line(&s, "recvmmsg", a, &in, 1, 1, m1.b, m1.n),
		"recvmmsg(3, [{msg_hdr={msg_name={sa_family=AF_INET, sin_port=htons(47275), "
		"sin_addr=inet_addr(\"127.0.0.1\")}, msg_namelen=16, msg_iov=[{iov_base=\"ping\", "
		"iov_len=8}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, msg_len=4}], 2, "
		"MSG_WAITFORONE, {tv_sec=1, tv_nsec=0}) = 1 (left {tv_sec=0, tv_nsec=999994849})");
	a[1] = 0x7fff77eb0f40;
	a[2] = 12;
	a[3] = MSG_DONTWAIT;
	in.data = tmo2;
	CHECK_STR(
		st, t_line(&s, "recvmmsg", a, &in, 1, -11, NULL, 0),
		"recvmmsg(3, 0x7fff77eb0f40, 12, MSG_DONTWAIT, {tv_sec=0, tv_nsec=999995538}) = -1 "
		"EAGAIN (Resource temporarily unavailable)");
	t_sink_close(&s);
}

/*
 * System V and POSIX message queues (decoders in mem.c), from a program
 * run under strace -f with the default -s 32.
 */
static void msgbufs(struct t_state *st)
{
	struct t_sink s;
	struct {
		int64_t mtype;
		char mtext[32];
	} msg = { 1, "hello" };
	uint64_t a[6] = { 28, 0x1000, 5, 0 };
	struct t_blobspec b = { 1, &msg, sizeof(msg), 0, sizeof(msg) };

	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "msgsnd", a, &b, 1, 0, NULL, 0),
		  "msgsnd(28, {mtype=1, mtext=\"hello\"}, 5, 0) = 0");
	a[2] = 0;
	CHECK_STR(st, t_line(&s, "msgsnd", a, &b, 1, 0, NULL, 0),
		  "msgsnd(28, {mtype=1, mtext=\"\"}, 0, 0) = 0");
	a[1] = 8;
	a[2] = 5;
	b.flags = SR_BF_FAULT;
	b.len = 0;
	CHECK_STR(st, t_line(&s, "msgsnd", a, &b, 1, -14, &b, 1),
		  "msgsnd(28, 0x8, 5, 0)             = -1 EFAULT (Bad address)");
	/* msgrcv shows the buffer's size worth of mtext, not what was received */
	a[1] = 0x1000;
	a[2] = 64;
	b.flags = 0;
	b.len = sizeof(msg);
	CHECK_STR(
		st, t_line(&s, "msgrcv", a, NULL, 0, 5, &b, 1),
		"msgrcv(28, {mtype=1, mtext=\"hello\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0"
		"\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\"...}, 64, 0, 0) = 5");
	a[1] = 0x7fff77eb1320;
	a[2] = 200;
	a[4] = IPC_NOWAIT;
	CHECK_STR(
		st, t_line(&s, "msgrcv", a, NULL, 0, -42, NULL, 0),
		"msgrcv(28, 0x7fff77eb1320, 200, 0, IPC_NOWAIT) = -1 ENOMSG (No message of desired "
		"type)");
	t_sink_close(&s);
}

static void mq_opens(struct t_state *st)
{
	struct t_sink s;
	int64_t attr[8] = { 0, 4, 64, 0 };
	uint64_t a[6] = { 0x1000, O_RDWR | O_CREAT | O_EXCL, 0600, 0x2000 };
	struct t_blobspec in[2] = { { 0, "sysray-t", 9, 0, 0 }, { 3, attr, 64, 0, 64 } };

	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "mq_open", a, in, 2, 3, NULL, 0),
		  "mq_open(\"sysray-t\", O_RDWR|O_CREAT|O_EXCL, 0600, {mq_flags=0, mq_maxmsg=4, "
		  "mq_msgsize=64, mq_curmsgs=0}) = 3");
	a[1] = O_RDONLY;
	CHECK_STR(st, t_line(&s, "mq_open", a, in, 2, 4, NULL, 0),
		  "mq_open(\"sysray-t\", O_RDONLY)     = 4");
	a[1] = O_RDWR | O_CREAT;
	a[2] = 0644;
	a[3] = 0;
	in[1].flags = SR_BF_NULL;
	in[1].len = 0;
	CHECK_STR(st, t_line(&s, "mq_open", a, in, 2, 5, NULL, 0),
		  "mq_open(\"sysray-t\", O_RDWR|O_CREAT, 0644, NULL) = 5");
	a[3] = 8;
	in[1].flags = SR_BF_FAULT;
	CHECK_STR(st, t_line(&s, "mq_open", a, in, 2, -14, &in[1], 1),
		  "mq_open(\"sysray-t\", O_RDWR|O_CREAT, 0644, 0x8) = -1 EFAULT (Bad address)");
	t_sink_close(&s);
}

T_SUITE(decode_net_tests) = {
	T_CASE(sockets),	T_CASE(addresses_in),
	T_CASE(addresses_unix), T_CASE(address_lengths),
	T_CASE(sockopts),	T_CASE(sockopt_values_out),
	T_CASE(sendmsg_rights), T_CASE(recvmsg_lines),
	T_CASE(sendmmsg_lines), T_CASE(sendmmsg_rights),
	T_CASE(recvmmsg_lines), T_CASE(msgbufs),
	T_CASE(mq_opens),	T_END,
};
