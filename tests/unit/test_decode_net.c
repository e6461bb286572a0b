// SPDX-License-Identifier: GPL-2.0
/*
 * Socket decoders (user/decode/sockaddr.c, socket.c, sockopt.c), against
 * lines strace 6.1 prints; message headers are test_decode_msghdr.c's.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <netpacket/packet.h>
#include <net/if_arp.h>
#include <linux/if_ether.h>
#include <linux/netlink.h>
#include <linux/icmp.h>
#include <linux/socket.h>
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

/* AF_PACKET: sll_addr as far as the length goes, raw bytes when too short for the struct. */
static void addresses_packet(struct t_state *st)
{
	struct t_sink s;
	struct sockaddr_ll ll = { .sll_family = AF_PACKET,
				  .sll_protocol = htons(ETH_P_IP),
				  .sll_ifindex = 1,
				  .sll_hatype = ARPHRD_ETHER,
				  .sll_pkttype = PACKET_HOST,
				  .sll_halen = 6,
				  .sll_addr = { 0, 0x11, 0x22, 0x33, 0x44, 0xab } };
	uint8_t buf[28] = { 0 };
	uint64_t a[6] = { 3, 0x1000, sizeof(ll) };
	struct t_blobspec b = { 1, buf, sizeof(ll), 0, 0 };

	memcpy(buf, &ll, sizeof(ll));
	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "connect", a, &b, 1, -EAFNOSUPPORT, NULL, 0),
		  "connect(3, {sa_family=AF_PACKET, sll_protocol=htons(ETH_P_IP), "
		  "sll_ifindex=if_nametoindex(\"lo\"), sll_hatype=ARPHRD_ETHER, "
		  "sll_pkttype=PACKET_HOST, sll_halen=6, sll_addr=[00, 0x11, 0x22, 0x33, 0x44, "
		  "0xab]}, 20) = -1 EAFNOSUPPORT (Address family not supported by protocol)");
	buf[offsetof(struct sockaddr_ll, sll_halen)] = 10;
	CHECK_STR(st, t_line(&s, "connect", a, &b, 1, -EAFNOSUPPORT, NULL, 0),
		  "connect(3, {sa_family=AF_PACKET, sll_protocol=htons(ETH_P_IP), "
		  "sll_ifindex=if_nametoindex(\"lo\"), sll_hatype=ARPHRD_ETHER, "
		  "sll_pkttype=PACKET_HOST, sll_halen=10, sll_addr=[00, 0x11, 0x22, 0x33, 0x44, "
		  "0xab, 00, 00, ...]}, 20) = -1 EAFNOSUPPORT (Address family not supported by "
		  "protocol)");
	/* a longer address: bytes past the 8 of sll_addr */
	b.len = a[2] = 28;
	CHECK_STR(st, t_line(&s, "connect", a, &b, 1, -EAFNOSUPPORT, NULL, 0),
		  "connect(3, {sa_family=AF_PACKET, sll_protocol=htons(ETH_P_IP), "
		  "sll_ifindex=if_nametoindex(\"lo\"), sll_hatype=ARPHRD_ETHER, "
		  "sll_pkttype=PACKET_HOST, sll_halen=10, sll_addr=[00, 0x11, 0x22, 0x33, 0x44, "
		  "0xab, 00, 00, 00, 00]}, 28) = -1 EAFNOSUPPORT (Address family not supported by "
		  "protocol)");
	buf[offsetof(struct sockaddr_ll, sll_halen)] = 4;
	b.len = a[2] = 14;
	CHECK_STR(
		st, t_line(&s, "connect", a, &b, 1, -EINVAL, NULL, 0),
		"connect(3, {sa_family=AF_PACKET, sa_data=\"\\10\\0\\1\\0\\0\\0\\1\\0\\0\\4\\0\\21\"}, "
		"14) = -1 EINVAL (Invalid argument)");
	ll.sll_halen = 0;
	ll.sll_protocol = htons(0x1234);
	ll.sll_hatype = 0xfff;
	ll.sll_pkttype = 77;
	memcpy(buf, &ll, sizeof(ll));
	b.len = a[2] = sizeof(ll);
	CHECK_STR(st, t_line(&s, "connect", a, &b, 1, -EAFNOSUPPORT, NULL, 0),
		  "connect(3, {sa_family=AF_PACKET, sll_protocol=htons(0x1234 /* ETH_P_??? */), "
		  "sll_ifindex=if_nametoindex(\"lo\"), sll_hatype=0xfff /* ARPHRD_??? */, "
		  "sll_pkttype=0x4d /* PACKET_??? */, sll_halen=0}, 20) = -1 EAFNOSUPPORT (Address "
		  "family not supported by protocol)");
	t_sink_close(&s);
}

/* IPv6 scope ids (named for link-local addresses), RFC 2133's 24-byte form. */
static void addresses_in6(struct t_state *st)
{
	struct t_sink s;
	struct sockaddr_in6 in6 = { .sin6_family = AF_INET6,
				    .sin6_port = htons(53),
				    .sin6_flowinfo = htonl(7),
				    .sin6_scope_id = 1 };
	uint64_t a[6] = { 3, 0x1000, sizeof(in6) };
	struct t_blobspec b = { 1, &in6, sizeof(in6), 0, 0 };

	inet_pton(AF_INET6, "fe80::1", &in6.sin6_addr);
	t_sink_open(&s);
	CHECK_STR(
		st, t_line(&s, "connect", a, &b, 1, -EAFNOSUPPORT, NULL, 0),
		"connect(3, {sa_family=AF_INET6, sin6_port=htons(53), sin6_flowinfo=htonl(7), "
		"inet_pton(AF_INET6, \"fe80::1\", &sin6_addr), "
		"sin6_scope_id=if_nametoindex(\"lo\")}, 28) = -1 EAFNOSUPPORT (Address family not "
		"supported by protocol)");
	in6.sin6_scope_id = 999;
	CHECK_STR(st, t_line(&s, "connect", a, &b, 1, -EAFNOSUPPORT, NULL, 0),
		  "connect(3, {sa_family=AF_INET6, sin6_port=htons(53), sin6_flowinfo=htonl(7), "
		  "inet_pton(AF_INET6, \"fe80::1\", &sin6_addr), sin6_scope_id=999}, 28) = -1 "
		  "EAFNOSUPPORT (Address family not supported by protocol)");
	inet_pton(AF_INET6, "2001:db8::5", &in6.sin6_addr);
	b.len = a[2] = 24;
	CHECK_STR(
		st, t_line(&s, "connect", a, &b, 1, -EAFNOSUPPORT, NULL, 0),
		"connect(3, {sa_family=AF_INET6, sin6_port=htons(53), sin6_flowinfo=htonl(7), "
		"inet_pton(AF_INET6, \"2001:db8::5\", &sin6_addr)}, 24) = -1 EAFNOSUPPORT (Address "
		"family not supported by protocol)");
	t_sink_close(&s);
}

/* Families without a decoder and addresses too short for theirs: sa_data. */
static void addresses_raw(struct t_state *st)
{
	struct t_sink s;
	struct sockaddr_storage raw = { .ss_family = AF_APPLETALK };
	struct sockaddr_in in = { .sin_family = AF_INET, .sin_port = htons(9) };
	struct sockaddr_un un = { .sun_family = AF_UNIX };
	struct sockaddr_nl nl = { .nl_family = AF_NETLINK, .nl_pid = 1234, .nl_groups = 0x11 };
	uint64_t a[6] = { 3, 0x1000, 9 };
	struct t_blobspec b = { 1, &raw, 9, 0, 0 };

	memcpy(raw.__ss_padding, "\1\2abc", 5);
	in.sin_addr.s_addr = htonl(0x0a000001);
	memset(un.sun_path, 'x', sizeof(un.sun_path));
	t_sink_open(&s);
	CHECK_STR(
		st, t_line(&s, "connect", a, &b, 1, -EINVAL, NULL, 0),
		"connect(3, {sa_family=AF_APPLETALK, sa_data=\"\\1\\2abc\\0\\0\"}, 9) = -1 EINVAL "
		"(Invalid argument)");
	b.data = &in;
	b.len = a[2] = 8;
	CHECK_STR(st, t_line(&s, "connect", a, &b, 1, -EINVAL, NULL, 0),
		  "connect(3, {sa_family=AF_INET, sa_data=\"\\0\\t\\n\\0\\0\\1\"}, 8) = -1 EINVAL "
		  "(Invalid argument)");
	b.len = a[2] = 2;
	CHECK_STR(st, t_line(&s, "connect", a, &b, 1, -EINVAL, NULL, 0),
		  "connect(3, {sa_family=AF_INET}, 2) = -1 EINVAL (Invalid argument)");
	/* a path that fills sun_path, with no NUL */
	b.data = &un;
	b.len = a[2] = sizeof(un);
	CHECK_STR(
		st, t_line(&s, "connect", a, &b, 1, -EAFNOSUPPORT, NULL, 0),
		"connect(3, {sa_family=AF_UNIX, sun_path=\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
		"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"}, 110) = -1 "
		"EAFNOSUPPORT (Address family not supported by protocol)");
	b.data = &nl;
	b.len = a[2] = sizeof(nl);
	CHECK_STR(st, t_line(&s, "connect", a, &b, 1, -EINVAL, NULL, 0),
		  "connect(3, {sa_family=AF_NETLINK, nl_pid=1234, nl_groups=0x000011}, 12) = -1 "
		  "EINVAL (Invalid argument)");
	nl.nl_groups = 0x12345678;
	CHECK_STR(st, t_line(&s, "connect", a, &b, 1, -EINVAL, NULL, 0),
		  "connect(3, {sa_family=AF_NETLINK, nl_pid=1234, nl_groups=0x12345678}, 12) = -1 "
		  "EINVAL (Invalid argument)");
	b.len = a[2] = 8;
	CHECK_STR(
		st, t_line(&s, "connect", a, &b, 1, -EINVAL, NULL, 0),
		"connect(3, {sa_family=AF_NETLINK, sa_data=\"\\0\\0\\322\\4\\0\\0\"}, 8) = -1 EINVAL "
		"(Invalid argument)");
	t_sink_close(&s);
}

/* Unknown types, flags and protocols, from raw syscall(SYS_socket, ...). */
static void socket_types(struct t_state *st)
{
	struct t_sink s;
	int32_t sv[2] = { 4, 5 };
	uint64_t a[6] = { AF_INET, SOCK_DGRAM | SOCK_NONBLOCK | 0x40, 0 };
	struct t_blobspec out = { 3, sv, sizeof(sv), 0, sizeof(sv) };

	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "socket", a, NULL, 0, -EINVAL, NULL, 0),
		  "socket(AF_INET, SOCK_DGRAM|SOCK_NONBLOCK|0x40, IPPROTO_IP) = -1 EINVAL (Invalid "
		  "argument)");
	a[1] = 0xb;
	CHECK_STR(st, t_line(&s, "socket", a, NULL, 0, -EINVAL, NULL, 0),
		  "socket(AF_INET, 0xb /* SOCK_??? */, IPPROTO_IP) = -1 EINVAL (Invalid argument)");
	a[1] = 0xb | SOCK_CLOEXEC;
	CHECK_STR(st, t_line(&s, "socket", a, NULL, 0, -EINVAL, NULL, 0),
		  "socket(AF_INET, SOCK_CLOEXEC|0xb, IPPROTO_IP) = -1 EINVAL (Invalid argument)");
	a[1] = SOCK_STREAM | 0x40;
	CHECK_STR(
		st, t_line(&s, "socket", a, NULL, 0, -EINVAL, NULL, 0),
		"socket(AF_INET, SOCK_STREAM|0x40 /* SOCK_??? */, IPPROTO_IP) = -1 EINVAL (Invalid "
		"argument)");
	a[1] = SOCK_STREAM;
	a[2] = 200;
	CHECK_STR(st, t_line(&s, "socket", a, NULL, 0, -EPROTONOSUPPORT, NULL, 0),
		  "socket(AF_INET, SOCK_STREAM, 0xc8 /* IPPROTO_??? */) = -1 EPROTONOSUPPORT "
		  "(Protocol not supported)");
	a[0] = AF_UNIX;
	a[2] = 5;
	CHECK_STR(st, t_line(&s, "socket", a, NULL, 0, -EPROTONOSUPPORT, NULL, 0),
		  "socket(AF_UNIX, SOCK_STREAM, 5)   = -1 EPROTONOSUPPORT (Protocol not "
		  "supported)");
	a[0] = AF_NETLINK;
	a[1] = SOCK_RAW;
	a[2] = 99;
	CHECK_STR(st, t_line(&s, "socket", a, NULL, 0, -EPROTONOSUPPORT, NULL, 0),
		  "socket(AF_NETLINK, SOCK_RAW, 0x63 /* NETLINK_??? */) = -1 EPROTONOSUPPORT "
		  "(Protocol not supported)");
	a[0] = AF_PACKET;
	a[1] = SOCK_DGRAM;
	a[2] = htons(0x1234);
	CHECK_STR(st, t_line(&s, "socket", a, NULL, 0, 4, NULL, 0),
		  "socket(AF_PACKET, SOCK_DGRAM, htons(0x1234 /* ETH_P_??? */)) = 4");
	a[0] = 77;
	a[1] = SOCK_STREAM;
	a[2] = 1;
	CHECK_STR(st, t_line(&s, "socket", a, NULL, 0, -EAFNOSUPPORT, NULL, 0),
		  "socket(0x4d /* AF_??? */, SOCK_STREAM, 1) = -1 EAFNOSUPPORT (Address family not "
		  "supported by protocol)");
	a[0] = AF_UNIX;
	a[1] = SOCK_SEQPACKET | SOCK_CLOEXEC;
	a[2] = 0;
	a[3] = 0x2000;
	CHECK_STR(st, t_line(&s, "socketpair", a, NULL, 0, 0, &out, 1),
		  "socketpair(AF_UNIX, SOCK_SEQPACKET|SOCK_CLOEXEC, 0, [4, 5]) = 0");
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

/* setsockopt: filters, multicast groups, values too short for their type, strings. */
static void sockopt_values_in(struct t_state *st)
{
	struct t_sink s;
	uint64_t fprog[2] = { 1, 0x7ffddc2712a8 };
	uint8_t mr[8] = { 224, 0, 0, 251, 127, 0, 0, 1 };
	struct ipv6_mreq mr6 = { .ipv6mr_interface = 1 };
	int32_t one = 1;
	uint64_t a[6] = { 3, SOL_SOCKET, SO_ATTACH_FILTER, 0x7ffddc2712a0, sizeof(fprog) };
	struct t_blobspec in = { 3, fprog, sizeof(fprog), 0, 0 };

	inet_pton(AF_INET6, "ff02::1", &mr6.ipv6mr_multiaddr);
	t_sink_open(&s);
	CHECK_STR(
		st, t_line(&s, "setsockopt", a, &in, 1, 0, NULL, 0),
		"setsockopt(3, SOL_SOCKET, SO_ATTACH_FILTER, {len=1, filter=0x7ffddc2712a8}, 16) = "
		"0");
	a[3] = 0x7ffddc2712c0;
	a[4] = in.len = 8;
	CHECK_STR(
		st, t_line(&s, "setsockopt", a, &in, 1, -EINVAL, NULL, 0),
		"setsockopt(3, SOL_SOCKET, SO_ATTACH_FILTER, 0x7ffddc2712c0, 8) = -1 EINVAL (Invalid "
		"argument)");
	a[1] = SOL_IP;
	a[2] = IP_ADD_MEMBERSHIP;
	in.data = mr;
	CHECK_STR(
		st, t_line(&s, "setsockopt", a, &in, 1, 0, NULL, 0),
		"setsockopt(3, SOL_IP, IP_ADD_MEMBERSHIP, {imr_multiaddr=inet_addr(\"224.0.0.251\"), "
		"imr_interface=inet_addr(\"127.0.0.1\")}, 8) = 0");
	a[2] = IP_DROP_MEMBERSHIP;
	a[3] = 0x7ffddc2712b0;
	a[4] = in.len = 4;
	CHECK_STR(
		st, t_line(&s, "setsockopt", a, &in, 1, -EINVAL, NULL, 0),
		"setsockopt(3, SOL_IP, IP_DROP_MEMBERSHIP, 0x7ffddc2712b0, 4) = -1 EINVAL (Invalid "
		"argument)");
	a[0] = 5;
	a[1] = SOL_IPV6;
	a[2] = IPV6_ADD_MEMBERSHIP;
	a[4] = in.len = sizeof(mr6);
	in.data = &mr6;
	CHECK_STR(st, t_line(&s, "setsockopt", a, &in, 1, 0, NULL, 0),
		  "setsockopt(5, SOL_IPV6, IPV6_ADD_MEMBERSHIP, {inet_pton(AF_INET6, \"ff02::1\", "
		  "&ipv6mr_multiaddr), ipv6mr_interface=if_nametoindex(\"lo\")}, 20) = 0");
	a[0] = 3;
	a[1] = SOL_SOCKET;
	a[2] = SO_REUSEADDR;
	a[3] = 0x7ffddc2712a0;
	a[4] = in.len = 2;
	in.data = &one;
	CHECK_STR(st, t_line(&s, "setsockopt", a, &in, 1, -EINVAL, NULL, 0),
		  "setsockopt(3, SOL_SOCKET, SO_REUSEADDR, 0x7ffddc2712a0, 2) = -1 EINVAL (Invalid "
		  "argument)");
	a[3] = 0;
	a[4] = 4;
	in = (struct t_blobspec){ 3, NULL, 0, SR_BF_NULL, 0 };
	CHECK_STR(st, t_line(&s, "setsockopt", a, &in, 1, -EFAULT, NULL, 0),
		  "setsockopt(3, SOL_SOCKET, SO_REUSEADDR, NULL, 4) = -1 EFAULT (Bad address)");
	a[2] = SO_SNDBUF;
	a[3] = 8;
	in.flags = SR_BF_FAULT;
	CHECK_STR(st, t_line(&s, "setsockopt", a, &in, 1, -EFAULT, NULL, 0),
		  "setsockopt(3, SOL_SOCKET, SO_SNDBUF, 0x8, 4) = -1 EFAULT (Bad address)");
	a[0] = 4;
	a[1] = IPPROTO_TCP;
	a[2] = TCP_CONGESTION;
	a[3] = 0x1000;
	a[4] = 36;
	in = (struct t_blobspec){ 3, "a-very-long-congestion-name-beyond-s", 36, 0, 0 };
	CHECK_STR(
		st, t_line(&s, "setsockopt", a, &in, 1, -ENOENT, NULL, 0),
		"setsockopt(4, SOL_TCP, TCP_CONGESTION, \"a-very-long-congestion-name-beyo\"..., 36) = "
		"-1 ENOENT (No such file or directory)");
	a[0] = 8;
	a[1] = SOL_NETLINK;
	a[2] = NETLINK_ADD_MEMBERSHIP;
	a[4] = 4;
	in = (struct t_blobspec){ 3, &one, 4, 0, 0 };
	CHECK_STR(st, t_line(&s, "setsockopt", a, &in, 1, 0, NULL, 0),
		  "setsockopt(8, SOL_NETLINK, NETLINK_ADD_MEMBERSHIP, [1], 4) = 0");
	a[3] = 0x7ffddc2712a0;
	a[4] = in.len = 2;
	CHECK_STR(
		st, t_line(&s, "setsockopt", a, &in, 1, -EINVAL, NULL, 0),
		"setsockopt(8, SOL_NETLINK, NETLINK_ADD_MEMBERSHIP, 0x7ffddc2712a0, 2) = -1 EINVAL "
		"(Invalid argument)");
	t_sink_close(&s);
}

/* getsockopt(fd, @level, @name, 0x1000, [@ulen => @rlen]) returning @val. */
static const char *t_getsockopt(struct t_sink *s, int fd, int level, int name, const void *val,
				int32_t ulen, int32_t rlen, int64_t ret)
{
	static int32_t lens[2];
	uint64_t a[6] = { fd, level, name, 0x1000, 0x2000 };
	struct t_blobspec in = { 4, &lens[0], 4, 0, 0 };
	struct t_blobspec out[2] = { { 3, val, rlen, 0, rlen }, { 4, &lens[1], 4, 0, 0 } };

	lens[0] = ulen;
	lens[1] = rlen;
	return t_line(s, "getsockopt", a, &in, 1, ret, out, ret < 0 ? 0 : 2);
}

/* getsockopt: values shorter than their type, SO_GET_FILTER, netlink, unknown names. */
static void sockopt_values_get(struct t_state *st)
{
	struct t_sink s;
	int32_t v[4] = { 0 }, type = SOCK_DGRAM, cred[3] = { 16184, 0, 0 };
	uint16_t rcvbuf = 0x4000;
	uint64_t a[6] = { 3, SOL_SOCKET, SO_GET_FILTER, 0, 0x2000 };
	int32_t len = 16;
	struct t_blobspec in = { 4, &len, 4, 0, 0 };

	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "getsockopt", a, &in, 1, -EFAULT, NULL, 0),
		  "getsockopt(3, SOL_SOCKET, SO_GET_FILTER, NULL, [16]) = -1 EFAULT (Bad address)");
	CHECK_STR(st, t_getsockopt(&s, 3, SOL_SOCKET, SO_RCVBUF, &rcvbuf, 2, 2, 0),
		  "getsockopt(3, SOL_SOCKET, SO_RCVBUF, \"\\x00\\x40\", [2]) = 0");
	CHECK_STR(st, t_getsockopt(&s, 3, SOL_SOCKET, SO_ERROR, v, 4, 4, 0),
		  "getsockopt(3, SOL_SOCKET, SO_ERROR, [0], [4]) = 0");
	CHECK_STR(st, t_getsockopt(&s, 3, SOL_SOCKET, SO_ERROR, v, 2, 2, 0),
		  "getsockopt(3, SOL_SOCKET, SO_ERROR, \"\\x00\\x00\", [2]) = 0");
	CHECK_STR(
		st, t_getsockopt(&s, 6, SOL_SOCKET, SO_PEERCRED, cred, 6, 6, 0),
		"getsockopt(6, SOL_SOCKET, SO_PEERCRED, {pid=16184, uid=\"\\x00\\x00\"}, [6]) = 0");
	CHECK_STR(st, t_getsockopt(&s, 3, SOL_SOCKET, SO_LINGER, v, 8, 8, 0),
		  "getsockopt(3, SOL_SOCKET, SO_LINGER, {l_onoff=0, l_linger=0}, [8]) = 0");
	CHECK_STR(st, t_getsockopt(&s, 3, SOL_SOCKET, SO_TYPE, &type, 16, 4, 0),
		  "getsockopt(3, SOL_SOCKET, SO_TYPE, [2], [16 => 4]) = 0");
	CHECK_STR(st, t_getsockopt(&s, 8, SOL_NETLINK, NETLINK_NO_ENOBUFS, v, 4, 4, 0),
		  "getsockopt(8, SOL_NETLINK, NETLINK_NO_ENOBUFS, [0], [4]) = 0");
	CHECK_STR(st, t_getsockopt(&s, 4, IPPROTO_TCP, TCP_NODELAY, v, 4, 4, 0),
		  "getsockopt(4, SOL_TCP, TCP_NODELAY, [0], [4]) = 0");
	a[0] = 4;
	a[1] = IPPROTO_TCP;
	a[2] = 9999;
	a[3] = 0x7ffddc2712d0;
	CHECK_STR(
		st, t_line(&s, "getsockopt", a, &in, 1, -ENOPROTOOPT, NULL, 0),
		"getsockopt(4, SOL_TCP, 0x270f /* TCP_??? */, 0x7ffddc2712d0, [16]) = -1 ENOPROTOOPT "
		"(Protocol not available)");
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

/* SOL_PACKET and SOL_RAW values (strace's net-packet_mreq, net-tpacket_req, net-icmp_filter). */
static void sockopt_values_link(struct t_state *st)
{
	uint8_t mreq[16] = { 0, 0, 0, 0, 0xff, 0xff, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8 };
	uint32_t ring[4] = { 4096, 2, 2048, 4 }, filter = 1u << 0 | 1u << 3 | 1u << 8;
	uint64_t a[6] = { 5, SOL_PACKET, PACKET_ADD_MEMBERSHIP, 0x1000, sizeof(mreq) };
	struct t_blobspec in = { 3, mreq, sizeof(mreq), 0, 0 };
	struct t_sink s;

	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "setsockopt", a, &in, 1, 0, NULL, 0),
		  "setsockopt(5, SOL_PACKET, PACKET_ADD_MEMBERSHIP, {mr_ifindex=0, mr_type=0xffff "
		  "/* PACKET_MR_??? */, mr_alen=9, mr_address=01:02:03:04:05:06:07:08}, 16) = 0");
	/* -X raw and verbose: the address's bytes (strace's net-packet_mreq-X*) */
	s.opts.xlat_style = SR_XLAT_VERBOSE;
	t_sink_reinit(&s);
	CHECK_STR(st, t_line(&s, "setsockopt", a, &in, 1, 0, NULL, 0),
		  "setsockopt(5, 0x107 /* SOL_PACKET */, 0x1 /* PACKET_ADD_MEMBERSHIP */, "
		  "{mr_ifindex=0, mr_type=0xffff /* PACKET_MR_??? */, mr_alen=9, "
		  "mr_address=\"\\x01\\x02\\x03\\x04\\x05\\x06\\x07\\x08\" /* "
		  "01:02:03:04:05:06:07:08 */}, 16) = 0");
	s.opts.xlat_style = SR_XLAT_RAW;
	t_sink_reinit(&s);
	CHECK_STR(st, t_line(&s, "setsockopt", a, &in, 1, 0, NULL, 0),
		  "setsockopt(5, 0x107, 0x1, {mr_ifindex=0, mr_type=0xffff, mr_alen=9, "
		  "mr_address=\"\\x01\\x02\\x03\\x04\\x05\\x06\\x07\\x08\"}, 16) = 0");
	s.opts.xlat_style = SR_XLAT_ABBREV;
	t_sink_reinit(&s);
	a[4] = 17; /* not the struct's size: the address */
	CHECK_STR(st, t_line(&s, "setsockopt", a, &in, 1, -EINVAL, NULL, 0),
		  "setsockopt(5, SOL_PACKET, PACKET_ADD_MEMBERSHIP, 0x1000, 17) = -1 EINVAL "
		  "(Invalid argument)");
	a[2] = PACKET_RX_RING;
	a[4] = in.len = sizeof(ring);
	in.data = ring;
	CHECK_STR(st, t_line(&s, "setsockopt", a, &in, 1, 0, NULL, 0),
		  "setsockopt(5, SOL_PACKET, PACKET_RX_RING, {tp_block_size=4096, tp_block_nr=2, "
		  "tp_frame_size=2048, tp_frame_nr=4}, 16) = 0");
	a[1] = SOL_RAW;
	a[2] = ICMP_FILTER;
	a[4] = in.len = sizeof(filter);
	in.data = &filter;
	CHECK_STR(
		st, t_line(&s, "setsockopt", a, &in, 1, 0, NULL, 0),
		"setsockopt(5, SOL_RAW, ICMP_FILTER, [ICMP_ECHOREPLY ICMP_DEST_UNREACH ICMP_ECHO], "
		"4) = 0");
	filter = ~(1u << 5 | 1u << 20);
	a[4] = 8;
	CHECK_STR(st, t_line(&s, "setsockopt", a, &in, 1, 0, NULL, 0),
		  "setsockopt(5, SOL_RAW, ICMP_FILTER, ~[ICMP_REDIRECT 20], 8) = 0");
	t_sink_close(&s);
}

/* SO_TXREHASH's values by name, in decimal (strace's sockopt-sol_socket). */
static void sockopt_txrehash(struct t_state *st)
{
	int32_t v = SOCK_TXREHASH_DEFAULT;
	uint64_t a[6] = { 3, SOL_SOCKET, SO_TXREHASH, 0x1000, 4 };
	struct t_blobspec in = { 3, &v, 4, 0, 0 };
	struct t_sink s;

	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "setsockopt", a, &in, 1, -EOPNOTSUPP, NULL, 0),
		  "setsockopt(3, SOL_SOCKET, SO_TXREHASH, [SOCK_TXREHASH_DEFAULT], 4) = -1 "
		  "EOPNOTSUPP (Operation not supported)");
	v = -1;
	CHECK_STR(st, t_line(&s, "setsockopt", a, &in, 1, -EOPNOTSUPP, NULL, 0),
		  "setsockopt(3, SOL_SOCKET, SO_TXREHASH, [-1 /* SOCK_TXREHASH_??? */], 4) = -1 "
		  "EOPNOTSUPP (Operation not supported)");
	v = SOCK_TXREHASH_DISABLED;
	s.opts.xlat_style = SR_XLAT_VERBOSE;
	t_sink_reinit(&s);
	CHECK_STR(st, t_line(&s, "setsockopt", a, &in, 1, -EOPNOTSUPP, NULL, 0),
		  "setsockopt(3, 0x1 /* SOL_SOCKET */, 0x4a /* SO_TXREHASH */, [0 /* "
		  "SOCK_TXREHASH_DISABLED */], 4) = -1 EOPNOTSUPP (Operation not supported)");
	t_sink_close(&s);
}

T_SUITE(decode_net_tests) = {
	T_CASE(sockets),
	T_CASE(addresses_in),
	T_CASE(addresses_unix),
	T_CASE(address_lengths),
	T_CASE(addresses_packet),
	T_CASE(addresses_in6),
	T_CASE(addresses_raw),
	T_CASE(socket_types),
	T_CASE(sockopts),
	T_CASE(sockopt_values_out),
	T_CASE(sockopt_values_in),
	T_CASE(sockopt_values_get),
	T_CASE(sockopt_values_link),
	T_CASE(sockopt_txrehash),
	T_CASE(msgbufs),
	T_CASE(mq_opens),
	T_END,
};
