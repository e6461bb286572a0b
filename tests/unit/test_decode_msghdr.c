// SPDX-License-Identifier: GPL-2.0
/*
 * Message headers (user/decode/msghdr.c, cmsg.c): sendmsg, recvmsg,
 * sendmmsg, recvmmsg and control messages, against lines strace 6.1 prints.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>

#include "cli/filter.h"
#include "rec.h"
#include "test.h"

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

/* Append a control message with @n bytes of data at @off of @buf; return the next offset. */
static size_t t_cmsg(uint8_t *buf, size_t off, int level, int type, const void *data, size_t n)
{
	struct cmsghdr h = { .cmsg_len = CMSG_LEN(n), .cmsg_level = level, .cmsg_type = type };

	memcpy(buf + off, &h, sizeof(h));
	memcpy(buf + off + sizeof(h), data, n);
	return off + CMSG_SPACE(n);
}

/* sendmsg(3, {one iovec "x", msg_control at @control}, MSG_DONTWAIT) failing EDESTADDRREQ. */
static const char *t_sendmsg_control(struct t_sink *s, const void *cbuf, size_t len,
				     uint64_t controllen, uint64_t control)
{
	static uint64_t iov[2] = { 0x7000, 1 };
	static struct t_msg m;
	uint64_t a[6] = { 3, 0x1000, MSG_DONTWAIT };

	t_msg_init(&m, 1, NULL, 0, iov, 1, control, controllen);
	t_msg_add(&m, 1, "x", 1);
	t_msg_add(&m, 1, cbuf, len);
	return t_line(s, "sendmsg", a, m.b, m.n, -EDESTADDRREQ, NULL, 0);
}

/* The whole line t_sendmsg_control() prints, around msg_control and msg_controllen. */
#define T_SENDMSG_X(control, controllen)                                                    \
	"sendmsg(3, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"x\", iov_len=1}], " \
	"msg_iovlen=1, msg_control=" control ", msg_controllen=" controllen                 \
	", msg_flags=0}, MSG_DONTWAIT) = -1 EDESTADDRREQ (Destination address required)"

/* SOL_SOCKET control messages: credentials, timestamps, security contexts, unknown types. */
static void cmsgs_socket(struct t_state *st)
{
	struct t_sink s;
	uint8_t buf[256] __attribute__((aligned(8))) = { 0 };
	struct ucred uc = { 42, 1000, (uid_t)-1 };
	int64_t ts[6] = { 1, 2, 3, 4, 5, 6 };
	size_t o;

	t_sink_open(&s);
	o = t_cmsg(buf, 0, SOL_SOCKET, SCM_CREDENTIALS, &uc, sizeof(uc));
	o = t_cmsg(buf, o, SOL_SOCKET, SO_TIMESTAMP_OLD, ts, 16);
	o = t_cmsg(buf, o, SOL_SOCKET, SO_TIMESTAMPNS_OLD, ts, 16);
	o = t_cmsg(buf, o, SOL_SOCKET, SO_TIMESTAMP_OLD, ts, 8);
	CHECK_STR(st, t_sendmsg_control(&s, buf, o, o, 0x8000),
		  T_SENDMSG_X("[{cmsg_len=28, cmsg_level=SOL_SOCKET, cmsg_type=SCM_CREDENTIALS, "
			      "cmsg_data={pid=42, uid=1000, gid=-1}}, {cmsg_len=32, "
			      "cmsg_level=SOL_SOCKET, cmsg_type=SO_TIMESTAMP_OLD, "
			      "cmsg_data={tv_sec=1, tv_usec=2}}, {cmsg_len=32, "
			      "cmsg_level=SOL_SOCKET, cmsg_type=SO_TIMESTAMPNS_OLD, "
			      "cmsg_data={tv_sec=1, tv_nsec=2}}, {cmsg_len=24, "
			      "cmsg_level=SOL_SOCKET, cmsg_type=SO_TIMESTAMP_OLD, cmsg_data=???}]",
			      "120"));
	memset(buf, 0, sizeof(buf));
	o = t_cmsg(buf, 0, SOL_SOCKET, SO_TIMESTAMPING_OLD, ts, 48);
	o = t_cmsg(buf, o, SOL_SOCKET, 3 /* SCM_SECURITY */, "ctx\0", 4);
	o = t_cmsg(buf, o, SOL_SOCKET, 99, ts, 8);
	o = t_cmsg(buf, o, SOL_SOCKET, SCM_RIGHTS, ts, 0);
	CHECK_STR(
		st, t_sendmsg_control(&s, buf, o, o, 0x8000),
		T_SENDMSG_X("[{cmsg_len=64, cmsg_level=SOL_SOCKET, "
			    "cmsg_type=SO_TIMESTAMPING_OLD, cmsg_data=[{tv_sec=1, tv_nsec=2}, "
			    "{tv_sec=3, tv_nsec=4}, {tv_sec=5, tv_nsec=6}]}, {cmsg_len=20, "
			    "cmsg_level=SOL_SOCKET, cmsg_type=SCM_SECURITY, cmsg_data=\"ctx\\0\"}, "
			    "{cmsg_len=24, cmsg_level=SOL_SOCKET, cmsg_type=0x63 /* SCM_??? */}, "
			    "{cmsg_len=16, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS}]",
			    "128"));
	t_sink_close(&s);
}

/* SOL_IP control messages, unknown levels and types. */
static void cmsgs_ip(struct t_state *st)
{
	struct t_sink s;
	uint8_t buf[256] __attribute__((aligned(8))) = { 0 };
	struct in_pktinfo pi = { .ipi_ifindex = 1 };
	int32_t ttl[2] = { 64, -1 };
	uint8_t tos[3] = { 0x10, 0, 0xff };
	struct sockaddr_in off = { AF_INET, htons(7), { htonl(0x7f000003) } };
	struct sockaddr_in od = { AF_INET, htons(8), { htonl(0x7f000004) } };
	uint8_t ee[32] = { 111, 0, 0, 0, 2, 3, 4, 0, 5, 0, 0, 0, 6, 0, 0, 0 };
	size_t o;

	pi.ipi_spec_dst.s_addr = htonl(0x7f000001);
	pi.ipi_addr.s_addr = htonl(0x7f000002);
	memcpy(ee + 16, &off, sizeof(off));
	t_sink_open(&s);
	o = t_cmsg(buf, 0, SOL_IP, IP_PKTINFO, &pi, sizeof(pi));
	o = t_cmsg(buf, o, SOL_IP, IP_TTL, ttl, sizeof(ttl));
	o = t_cmsg(buf, o, SOL_IP, IP_TOS, tos, sizeof(tos));
	CHECK_STR(
		st, t_sendmsg_control(&s, buf, o, o, 0x8000),
		T_SENDMSG_X("[{cmsg_len=28, cmsg_level=SOL_IP, cmsg_type=IP_PKTINFO, "
			    "cmsg_data={ipi_ifindex=if_nametoindex(\"lo\"), "
			    "ipi_spec_dst=inet_addr(\"127.0.0.1\"), "
			    "ipi_addr=inet_addr(\"127.0.0.2\")}}, {cmsg_len=24, cmsg_level=SOL_IP, "
			    "cmsg_type=IP_TTL, cmsg_data=[64, 4294967295]}, {cmsg_len=19, "
			    "cmsg_level=SOL_IP, cmsg_type=IP_TOS, cmsg_data=[0x10, 0, 0xff]}]",
			    "80"));
	memset(buf, 0, sizeof(buf));
	o = t_cmsg(buf, 0, SOL_IP, IP_RECVERR, ee, sizeof(ee));
	o = t_cmsg(buf, o, SOL_IP, IP_ORIGDSTADDR, &od, sizeof(od));
	o = t_cmsg(buf, o, SOL_IP, 3 /* SCM_SECURITY */, "ab", 2);
	o = t_cmsg(buf, o, SOL_IP, IP_TTL, ttl, 2);
	CHECK_STR(st, t_sendmsg_control(&s, buf, o, o, 0x8000),
		  T_SENDMSG_X("[{cmsg_len=48, cmsg_level=SOL_IP, cmsg_type=IP_RECVERR, "
			      "cmsg_data={ee_errno=111, ee_origin=2, ee_type=3, ee_code=4, "
			      "ee_info=5, ee_data=6, offender={sa_family=AF_INET, "
			      "sin_port=htons(7), sin_addr=inet_addr(\"127.0.0.3\")}}}, "
			      "{cmsg_len=32, cmsg_level=SOL_IP, cmsg_type=IP_ORIGDSTADDR, "
			      "cmsg_data={sa_family=AF_INET, sin_port=htons(8), "
			      "sin_addr=inet_addr(\"127.0.0.4\")}}, {cmsg_len=18, "
			      "cmsg_level=SOL_IP, cmsg_type=SCM_SECURITY, cmsg_data=\"ab\"}, "
			      "{cmsg_len=18, cmsg_level=SOL_IP, cmsg_type=IP_TTL}]",
			      "128"));
	memset(buf, 0, sizeof(buf));
	o = t_cmsg(buf, 0, IPPROTO_TCP, 1, ttl, 4);
	o = t_cmsg(buf, o, 999, 1, ttl, 4);
	o = t_cmsg(buf, o, SOL_IP, 77, ttl, 4);
	CHECK_STR(st, t_sendmsg_control(&s, buf, o, o, 0x8000),
		  T_SENDMSG_X("[{cmsg_len=20, cmsg_level=SOL_TCP, cmsg_type=0x1}, {cmsg_len=20, "
			      "cmsg_level=0x3e7 /* SOL_??? */, cmsg_type=0x1}, {cmsg_len=20, "
			      "cmsg_level=SOL_IP, cmsg_type=0x4d /* IP_??? */}]",
			      "72"));
	t_sink_close(&s);
}

/* A chain that cannot be walked: cmsg_len short of a header, past the buffer, or huge. */
static void cmsgs_broken(struct t_state *st)
{
	struct t_sink s;
	uint8_t buf[48] __attribute__((aligned(8))) = { 0 };
	int32_t fd = 64;
	uint64_t huge = 0xfffffffffffffff9ull;

	t_cmsg(buf, 0, SOL_SOCKET, SCM_RIGHTS, &fd, sizeof(fd));
	((struct cmsghdr *)buf)->cmsg_len = 8;
	t_sink_open(&s);
	CHECK_STR(st, t_sendmsg_control(&s, buf, 48, 48, 0x7ffddc271170),
		  T_SENDMSG_X("[{cmsg_len=8, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS}, ... /* "
			      "0x7ffddc271180 */]",
			      "48"));
	((struct cmsghdr *)buf)->cmsg_len = 100;
	CHECK_STR(st, t_sendmsg_control(&s, buf, 24, 24, 0x7ffddc271170),
		  T_SENDMSG_X("[{cmsg_len=100, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, "
			      "cmsg_data=[64, 0]}]",
			      "24"));
	CHECK_STR(st, t_sendmsg_control(&s, buf, 8, 8, 0x7ffddc271170),
		  T_SENDMSG_X("0x7ffddc271170", "8"));
	/*
	 * A cmsg_len that rounds up past 2^64 to 0: strace 6.1 decodes the
	 * same message forever; read as the rounding means, it ends the chain.
	 */
	memcpy(buf, &huge, sizeof(huge));
	CHECK_STR(st, t_sendmsg_control(&s, buf, 24, 24, 0x7ffddc271170),
		  T_SENDMSG_X("[{cmsg_len=18446744073709551609, cmsg_level=SOL_SOCKET, "
			      "cmsg_type=SCM_RIGHTS, cmsg_data=[64, 0]}]",
			      "24"));
	t_sink_close(&s);
}

/* sendmsg(3, @n one-byte iovecs "abc...", MSG_DONTWAIT), as put_msghdr() captures it. */
static const char *t_sendmsg_iovs(struct t_sink *s, int n)
{
	static uint64_t h[7], iov[2 * 40];
	static struct t_blobspec b[44];
	static const char letters[] = "abcdefghijklmnopqrstuvwxyz";
	uint64_t a[6] = { 3, 0x1000, MSG_DONTWAIT };
	int i, k = 0;

	memset(h, 0, sizeof(h));
	h[2] = 0x6000;
	h[3] = n;
	b[k++] = (struct t_blobspec){ 1, h, sizeof(h), 0, sizeof(h) };
	b[k++] = (struct t_blobspec){ 1, NULL, 0, SR_BF_NULL, 0 };
	for (i = 0; i < n; i++) {
		iov[2 * i] = 0x7000 + i;
		iov[2 * i + 1] = 1;
	}
	b[k++] = (struct t_blobspec){ 1, iov, 16 * (size_t)n, 0, 16 * n };
	for (i = 0; i < n; i++)
		b[k++] = (struct t_blobspec){ 1, letters + i % 26, 1, 0, 1 };
	b[k++] = (struct t_blobspec){ 1, NULL, 0, SR_BF_NULL, 0 };
	return t_line(s, "sendmsg", a, b, k, -EDESTADDRREQ, NULL, 0);
}

/*
 * The line strace prints for t_sendmsg_iovs(@n) at -s 32: a one-byte
 * {iov_base="a", iov_len=1} per iovec, 32 of them at most.
 */
static const char *t_sendmsg_iovs_line(char *buf, size_t size, int n)
{
	size_t o;
	int i;

	o = snprintf(buf, size, "sendmsg(3, {msg_name=NULL, msg_namelen=0, msg_iov=[");
	for (i = 0; i < n && i < 32 && o < size; i++)
		o += snprintf(buf + o, size - o, "%s{iov_base=\"%c\", iov_len=1}", i ? ", " : "",
			      'a' + i % 26);
	if (o < size)
		snprintf(buf + o, size - o,
			 "%s], msg_iovlen=%d, msg_controllen=0, msg_flags=0}, MSG_DONTWAIT) = -1 "
			 "EDESTADDRREQ (Destination address required)",
			 n > 32 ? ", ..." : "", n);
	return buf;
}

/* More iovecs than 16, more than -s shows, none, unreadable ones. */
static void sendmsg_iovs(struct t_state *st)
{
	char want[2048];
	struct t_sink s;
	struct t_msg m;
	struct sockaddr_in6 in6 = { .sin6_family = AF_INET6, .sin6_port = htons(5) };
	uint64_t iov[4] = { 0, 0, 0x10, 4 };
	uint64_t a[6] = { 3, 0x1000, MSG_DONTWAIT };

	in6.sin6_addr = in6addr_loopback;
	t_sink_open(&s);
	CHECK_STR(st, t_sendmsg_iovs(&s, 20), t_sendmsg_iovs_line(want, sizeof(want), 20));
	CHECK_STR(st, t_sendmsg_iovs(&s, 40), t_sendmsg_iovs_line(want, sizeof(want), 40));
	/* msg_iov NULL */
	t_msg_init(&m, 1, &in6, sizeof(in6), NULL, 0, 0, 0);
	m.h[2] = 0;
	m.b[2] = (struct t_blobspec){ 1, NULL, 0, SR_BF_NULL, 0 };
	t_msg_add(&m, 1, NULL, 0);
	CHECK_STR(st, t_line(&s, "sendmsg", a, m.b, m.n, -EAFNOSUPPORT, NULL, 0),
		  "sendmsg(3, {msg_name={sa_family=AF_INET6, sin6_port=htons(5), "
		  "sin6_flowinfo=htonl(0), inet_pton(AF_INET6, \"::1\", &sin6_addr), "
		  "sin6_scope_id=0}, msg_namelen=28, msg_iov=NULL, msg_iovlen=0, msg_controllen=0, "
		  "msg_flags=0}, MSG_DONTWAIT) = -1 EAFNOSUPPORT (Address family not supported by "
		  "protocol)");
	/* msg_iov unreadable */
	m.h[2] = 8;
	m.h[3] = 1;
	m.b[2] = (struct t_blobspec){ 1, NULL, 0, SR_BF_FAULT, 16 };
	CHECK_STR(st, t_line(&s, "sendmsg", a, m.b, m.n, -EFAULT, NULL, 0),
		  "sendmsg(3, {msg_name={sa_family=AF_INET6, sin6_port=htons(5), "
		  "sin6_flowinfo=htonl(0), inet_pton(AF_INET6, \"::1\", &sin6_addr), "
		  "sin6_scope_id=0}, msg_namelen=28, msg_iov=0x8, msg_iovlen=1, msg_controllen=0, "
		  "msg_flags=0}, MSG_DONTWAIT) = -1 EFAULT (Bad address)");
	/* msg_name and a buffer unreadable, a NULL buffer */
	t_msg_init(&m, 1, &in6, 16, iov, 2, 0, 0);
	m.h[0] = 0x18;
	m.b[1] = (struct t_blobspec){ 1, NULL, 0, SR_BF_FAULT, 16 };
	t_msg_add(&m, 1, NULL, 0);
	m.b[m.n++] = (struct t_blobspec){ 1, NULL, 0, SR_BF_FAULT, 4 };
	t_msg_add(&m, 1, NULL, 0);
	CHECK_STR(st, t_line(&s, "sendmsg", a, m.b, m.n, -EFAULT, NULL, 0),
		  "sendmsg(3, {msg_name=0x18, msg_namelen=16, msg_iov=[{iov_base=NULL, iov_len=0}, "
		  "{iov_base=0x10, iov_len=4}], msg_iovlen=2, msg_controllen=0, msg_flags=0}, "
		  "MSG_DONTWAIT) = -1 EFAULT (Bad address)");
	t_sink_close(&s);
}

/*
 * A netlink socket's message to a netlink name: the buffer as netlink
 * messages (strace's print_struct_msghdr()).
 */
static void sendmsg_netlink(struct t_state *st)
{
	const struct sr_sockid id = { AF_NETLINK, NETLINK_ROUTE, 0 };
	struct sockaddr_nl nl = { .nl_family = AF_NETLINK };
	struct {
		struct nlmsghdr h;
		struct ifinfomsg i;
	} req = {
		.h = { sizeof(req), RTM_GETLINK, NLM_F_REQUEST | NLM_F_DUMP, 1, 0 },
	};
	uint64_t iov[2] = { 0x7000, sizeof(req) };
	uint64_t a[6] = { 3, 0x1000, 0 };
	struct t_sink s;
	struct t_msg m;

	t_sink_open(&s);
	t_msg_init(&m, 1, &nl, sizeof(nl), iov, 1, 0, 0);
	memmove(m.b + 1, m.b, sizeof(m.b[0]) * (size_t)m.n++);
	m.b[0] = (struct t_blobspec){ 0, &id, sizeof(id), 0, 0 };
	t_msg_add(&m, 1, &req, sizeof(req));
	CHECK_STR(
		st, t_line(&s, "sendmsg", a, m.b, m.n, 32, NULL, 0),
		"sendmsg(3, {msg_name={sa_family=AF_NETLINK, nl_pid=0, nl_groups=00000000}, "
		"msg_namelen=12, msg_iov=[{iov_base=[{nlmsg_len=32, nlmsg_type=RTM_GETLINK, "
		"nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP, nlmsg_seq=1, nlmsg_pid=0}, "
		"{ifi_family=AF_UNSPEC, ifi_type=ARPHRD_NETROM, ifi_index=0, ifi_flags=0, "
		"ifi_change=0}], iov_len=32}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, 0) = "
		"32");
	t_sink_close(&s);
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

/* No message asked for: strace notes a return of 0 as a timeout. */
static void recvmmsg_timeout(struct t_state *st)
{
	struct t_sink s;
	int64_t tmo[2] = { 0, 1000 };
	uint64_t a[6] = { 3, 0x1000, 0, 0, 0x2000 };
	struct t_blobspec in = { 4, tmo, 16, 0, 16 };

	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "recvmmsg", a, &in, 1, 0, &in, 1),
		  "recvmmsg(3, [], 0, 0, {tv_sec=0, tv_nsec=1000}) = 0 (Timeout)");
	t_sink_close(&s);
}

/* -e verbose=none: the array's address (strace's mmsg-silent). */
static void sendmmsg_verbose_none(struct t_state *st)
{
	struct t_sink s;
	struct t_mmsg m = { 0 };
	uint64_t a[6] = { 4, 0x7ffdd0cd6aa0, 1, MSG_DONTWAIT };

	t_mmsg_add(&m, NULL, 0, "A", 1, 1, 0, NULL, 0);
	t_sink_open(&s);
	CHECK(st, filter__qualify(&s.opts, "verbose=none") == 0);
	CHECK_STR(st, t_line(&s, "sendmmsg", a, NULL, 0, 1, m.b, m.n),
		  "sendmmsg(4, 0x7ffdd0cd6aa0, 1, MSG_DONTWAIT) = 1");
	t_sink_close(&s);
}

/* -e verbose=none: the array's and the timeout's addresses, no time left. */
static void recvmmsg_verbose_none(struct t_state *st)
{
	struct t_sink s;
	struct t_mmsg m = { 0 };
	int64_t tmo[2] = { 0, 12345678 };
	uint64_t a[6] = { 3, 0x7ffdd0cd6aa0, 1, MSG_DONTWAIT, 0x7ffdd0cd6a90 };
	struct t_blobspec in = { 4, tmo, 16, 0, 16 };

	t_mmsg_add(&m, NULL, 0, "A", 1, 1, 0, NULL, 0);
	m.b[m.n++] = in;
	t_sink_open(&s);
	CHECK(st, filter__qualify(&s.opts, "verbose=none") == 0);
	CHECK_STR(st, t_line(&s, "recvmmsg", a, &in, 1, 1, m.b, m.n),
		  "recvmmsg(3, 0x7ffdd0cd6aa0, 1, MSG_DONTWAIT, 0x7ffdd0cd6a90) = 1");
	t_sink_close(&s);
}

T_SUITE(decode_msghdr_tests) = {
	T_CASE(cmsgs_socket),	       T_CASE(cmsgs_ip),
	T_CASE(cmsgs_broken),	       T_CASE(sendmsg_iovs),
	T_CASE(sendmsg_netlink),       T_CASE(sendmsg_rights),
	T_CASE(recvmsg_lines),	       T_CASE(sendmmsg_lines),
	T_CASE(sendmmsg_rights),       T_CASE(recvmmsg_lines),
	T_CASE(recvmmsg_timeout),      T_CASE(sendmmsg_verbose_none),
	T_CASE(recvmmsg_verbose_none), T_END,
};
