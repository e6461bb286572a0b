// SPDX-License-Identifier: GPL-2.0
/*
 * Netlink messages sent on a socket the kernel side identified at the
 * call's entry (SR_HOW_SOCK, no fd tables), the route messages of
 * user/decode/rtnl_msg.c and nested attributes (rtnl_tc.c, rtnl.c),
 * against lines strace 6.1 prints (its tests nlattr_rtgenmsg,
 * nlattr_ifaddrlblmsg, nlattr_dcbmsg, netlink_route, nlattr_tc_stats,
 * nlattr_tca_stab, nlattr_tcmsg, nlattr_ifla_proto_down_reason,
 * nlattr_mdba_router_port, nlattr_unix_diag_msg, nlattr, netlink_sock_diag).
 */
#include <string.h>
#include <sys/socket.h>
#include <linux/dcbnl.h>
#include <linux/gen_stats.h>
#include <linux/if_bridge.h>
#include <linux/if_addrlabel.h>
#include <linux/if_arp.h>
#include <linux/if_link.h>
#include <linux/netlink.h>
#include <linux/pkt_sched.h>
#include <linux/rtnetlink.h>
#include <linux/sock_diag.h>
#include <linux/unix_diag.h>

#include "rec.h"
#include "test.h"

/* A message: header, a struct of @slen bytes, then one attribute of 4 bytes (or none). */
struct nl_buf {
	uint8_t b[64];
	size_t len;
};

static void nl_build(struct nl_buf *m, uint16_t type, uint16_t flags, const void *s, size_t slen,
		     int attr)
{
	struct nlmsghdr h = { .nlmsg_type = type, .nlmsg_flags = flags };
	struct nlattr a = { .nla_len = NLA_HDRLEN + 4, .nla_type = (uint16_t)attr };
	size_t off = NLMSG_HDRLEN;

	memset(m, 0, sizeof(*m));
	memcpy(m->b + off, s, slen);
	off += NLMSG_ALIGN(slen);
	if (attr >= 0) {
		memcpy(m->b + off, &a, sizeof(a));
		memcpy(m->b + off + NLA_HDRLEN, "abcd", 4);
		off += NLA_HDRLEN + 4;
	}
	h.nlmsg_len = off;
	memcpy(m->b, &h, sizeof(h));
	m->len = off;
}

/* sendto(3, @m, ...) on a netlink socket of protocol @proto the entry record names. */
static const char *proto_send(struct t_sink *s, int proto, const struct nl_buf *m, size_t have,
			      int64_t ret, uint64_t addr)
{
	const struct sr_sockid id = { AF_NETLINK, (uint16_t)proto, 0 };
	uint64_t a[6] = { 3, addr, m->len, MSG_DONTWAIT, 0, 0 };
	struct t_blobspec in[2] = {
		{ 0, &id, sizeof(id), 0, 0 },
		{ 1, m->b, have, have < m->len ? SR_BF_PART : 0, (int32_t)m->len },
	};

	return t_line(s, "sendto", a, in, 2, ret, NULL, 0);
}

static const char *route_send(struct t_sink *s, const struct nl_buf *m, size_t have, int64_t ret,
			      uint64_t addr)
{
	return proto_send(s, NETLINK_ROUTE, m, have, ret, addr);
}

static void route_structs(struct t_state *st)
{
	struct rtgenmsg gen = { .rtgen_family = AF_UNIX };
	struct ifaddrlblmsg lbl = { .ifal_family = AF_UNIX, .ifal_index = 1 };
	struct dcbmsg dcb = { .dcb_family = AF_UNIX };
	struct t_sink s;
	struct nl_buf m;

	t_sink_open(&s);
	nl_build(&m, RTM_GETNSID, NLM_F_DUMP, &gen, sizeof(gen), 0x3fff);
	CHECK_STR(
		st, route_send(&s, &m, m.len, 28, 0x1000),
		"sendto(3, [{nlmsg_len=28, nlmsg_type=RTM_GETNSID, nlmsg_flags=NLM_F_DUMP, "
		"nlmsg_seq=0, nlmsg_pid=0}, {rtgen_family=AF_UNIX}, [{nla_len=8, "
		"nla_type=0x3fff /* NETNSA_??? */}, \"\\x61\\x62\\x63\\x64\"]], 28, MSG_DONTWAIT, "
		"NULL, 0) = 28");
	nl_build(&m, RTM_GETADDRLABEL, NLM_F_DUMP, &lbl, sizeof(lbl), IFAL_ADDRESS);
	CHECK_STR(
		st, route_send(&s, &m, m.len, 36, 0x1000),
		"sendto(3, [{nlmsg_len=36, nlmsg_type=RTM_GETADDRLABEL, nlmsg_flags=NLM_F_DUMP, "
		"nlmsg_seq=0, nlmsg_pid=0}, {ifal_family=AF_UNIX, ifal_prefixlen=0, ifal_flags=0, "
		"ifal_index=if_nametoindex(\"lo\"), ifal_seq=0}, [{nla_len=8, "
		"nla_type=IFAL_ADDRESS}, \"\\x61\\x62\\x63\\x64\"]], 36, MSG_DONTWAIT, NULL, 0) = 36");
	nl_build(&m, RTM_GETDCB, NLM_F_DUMP, &dcb, sizeof(dcb), 0x3fff);
	CHECK_STR(
		st, route_send(&s, &m, m.len, 28, 0x1000),
		"sendto(3, [{nlmsg_len=28, nlmsg_type=RTM_GETDCB, nlmsg_flags=NLM_F_DUMP, "
		"nlmsg_seq=0, nlmsg_pid=0}, {dcb_family=AF_UNIX, cmd=DCB_CMD_UNDEFINED}, "
		"[{nla_len=8, nla_type=0x3fff /* DCB_ATTR_??? */}, \"\\x61\\x62\\x63\\x64\"]], 28, "
		"MSG_DONTWAIT, NULL, 0) = 28");
	/* a struct the page cut after its family: the address of the rest */
	nl_build(&m, RTM_GETADDRLABEL, NLM_F_REQUEST, &lbl, sizeof(lbl), -1);
	CHECK_STR(st, route_send(&s, &m, NLMSG_HDRLEN + 1, -14, 0x7f1ee9a45fec),
		  "sendto(3, [{nlmsg_len=28, nlmsg_type=RTM_GETADDRLABEL, "
		  "nlmsg_flags=NLM_F_REQUEST, nlmsg_seq=0, nlmsg_pid=0}, {ifal_family=AF_UNIX, "
		  "0x7f1ee9a45ffd}], 28, MSG_DONTWAIT, NULL, 0) = -1 EFAULT (Bad address)");
	/* a type without a struct decoder: its family and the bytes */
	nl_build(&m, 0xffff, NLM_F_REQUEST,
		 "\0"
		 "1234",
		 5, -1);
	m.len = NLMSG_HDRLEN + 5;
	((struct nlmsghdr *)m.b)->nlmsg_len = m.len;
	CHECK_STR(st, route_send(&s, &m, m.len, 21, 0x1000),
		  "sendto(3, [{nlmsg_len=21, nlmsg_type=0xffff /* RTM_??? */, "
		  "nlmsg_flags=NLM_F_REQUEST, nlmsg_seq=0, nlmsg_pid=0}, {family=AF_UNSPEC, "
		  "data=\"\\x31\\x32\\x33\\x34\"}], 21, MSG_DONTWAIT, NULL, 0) = 21");
	t_sink_close(&s);
}

/* @n bytes of @p appended to @m. */
static void nl_put(struct nl_buf *m, const void *p, size_t n)
{
	memcpy(m->b + m->len, p, n);
	m->len += n;
	((struct nlmsghdr *)m->b)->nlmsg_len = m->len;
}

/* A message of @type with the struct @s, then an attribute @outer holding one @inner of @n bytes. */
static void nl_nested(struct nl_buf *m, uint16_t type, const void *s, size_t slen, uint16_t outer,
		      uint16_t inner, const void *p, size_t n)
{
	struct nlmsghdr h = { .nlmsg_type = type, .nlmsg_flags = NLM_F_DUMP };
	struct nlattr o = { .nla_len = 2 * NLA_HDRLEN + n, .nla_type = outer };
	struct nlattr i = { .nla_len = NLA_HDRLEN + n, .nla_type = inner };

	memset(m, 0, sizeof(*m));
	nl_put(m, &h, sizeof(h));
	nl_put(m, s, slen);
	nl_put(m, &o, sizeof(o));
	nl_put(m, &i, sizeof(i));
	nl_put(m, p, n);
}

/* Attributes nested in attributes, each set with its decoders (strace 6.1's lines). */
static void route_nested(struct t_state *st)
{
	struct tcmsg tc = { .tcm_family = AF_UNIX, .tcm_ifindex = 1 };
	struct ifinfomsg ifi = { .ifi_family = AF_UNIX,
				 .ifi_type = ARPHRD_LOOPBACK,
				 .ifi_index = 1,
				 .ifi_flags = IFF_UP };
	struct gnet_stats_basic sb = { .bytes = 0xabcdebdafefeadeb, .packets = 0xbdcdeabf };
	uint16_t stab[2] = { 0xacbd, 0xefba };
	uint32_t mask = 0xabacdbcd;
	struct t_sink s;
	struct nl_buf m;

	t_sink_open(&s);
	/* gnet_stats_basic up to packets: 12 bytes */
	nl_nested(&m, RTM_GETQDISC, &tc, sizeof(tc), TCA_STATS2, TCA_STATS_BASIC, &sb, 12);
	CHECK_STR(st, route_send(&s, &m, m.len, 56, 0x1000),
		  "sendto(3, [{nlmsg_len=56, nlmsg_type=RTM_GETQDISC, nlmsg_flags=NLM_F_DUMP, "
		  "nlmsg_seq=0, nlmsg_pid=0}, {tcm_family=AF_UNIX, "
		  "tcm_ifindex=if_nametoindex(\"lo\"), tcm_handle=0, tcm_parent=0, tcm_info=0}, "
		  "[{nla_len=20, nla_type=TCA_STATS2}, [{nla_len=16, nla_type=TCA_STATS_BASIC}, "
		  "{bytes=12379810276524862955, packets=3184388799}]]], 56, MSG_DONTWAIT, NULL, "
		  "0) = 56");
	/* one byte short of the struct: its bytes */
	nl_nested(&m, RTM_GETQDISC, &tc, sizeof(tc), TCA_STATS2, TCA_STATS_BASIC, "abcdefghijk",
		  11);
	CHECK_STR(st, route_send(&s, &m, m.len, 55, 0x1000),
		  "sendto(3, [{nlmsg_len=55, nlmsg_type=RTM_GETQDISC, nlmsg_flags=NLM_F_DUMP, "
		  "nlmsg_seq=0, nlmsg_pid=0}, {tcm_family=AF_UNIX, "
		  "tcm_ifindex=if_nametoindex(\"lo\"), tcm_handle=0, tcm_parent=0, tcm_info=0}, "
		  "[{nla_len=19, nla_type=TCA_STATS2}, [{nla_len=15, nla_type=TCA_STATS_BASIC}, "
		  "\"\\x61\\x62\\x63\\x64\\x65\\x66\\x67\\x68\\x69\\x6a\\x6b\"]]], 55, "
		  "MSG_DONTWAIT, NULL, 0) = 55");
	/* a u16 array the page cuts after its first element */
	nl_nested(&m, RTM_GETQDISC, &tc, sizeof(tc), TCA_STAB, TCA_STAB_DATA, stab, sizeof(stab));
	CHECK_STR(st, route_send(&s, &m, m.len - 2, -14, 0x7f0d700c6fff - (m.len - 2)),
		  "sendto(3, [{nlmsg_len=48, nlmsg_type=RTM_GETQDISC, nlmsg_flags=NLM_F_DUMP, "
		  "nlmsg_seq=0, nlmsg_pid=0}, {tcm_family=AF_UNIX, "
		  "tcm_ifindex=if_nametoindex(\"lo\"), tcm_handle=0, tcm_parent=0, tcm_info=0}, "
		  "[{nla_len=12, nla_type=TCA_STAB}, [{nla_len=8, nla_type=TCA_STAB_DATA}, "
		  "[44221, ... /* 0x7f0d700c6fff */]]]], 48, MSG_DONTWAIT, NULL, 0) = -1 EFAULT "
		  "(Bad address)");
	nl_nested(&m, RTM_GETLINK, &ifi, sizeof(ifi), IFLA_PROTO_DOWN_REASON,
		  IFLA_PROTO_DOWN_REASON_MASK, &mask, sizeof(mask));
	CHECK_STR(st, route_send(&s, &m, m.len, 44, 0x1000),
		  "sendto(3, [{nlmsg_len=44, nlmsg_type=RTM_GETLINK, nlmsg_flags=NLM_F_DUMP, "
		  "nlmsg_seq=0, nlmsg_pid=0}, {ifi_family=AF_UNIX, ifi_type=ARPHRD_LOOPBACK, "
		  "ifi_index=if_nametoindex(\"lo\"), ifi_flags=IFF_UP, ifi_change=0}, "
		  "[{nla_len=12, nla_type=IFLA_PROTO_DOWN_REASON}, [{nla_len=8, "
		  "nla_type=IFLA_PROTO_DOWN_REASON_MASK}, 0xabacdbcd]]], 44, MSG_DONTWAIT, NULL, "
		  "0) = 44");
	t_sink_close(&s);
}

/* A router port: its ifindex, then its own nested attributes. */
static void route_router_port(struct t_state *st)
{
	struct br_port_msg bp = { .family = AF_UNIX, .ifindex = 1 };
	struct nlattr a = { .nla_len = NLA_HDRLEN + 4, .nla_type = MDBA_ROUTER_PATTR_TIMER };
	uint8_t port[12];
	uint32_t v = 1;
	struct t_sink s;
	struct nl_buf m;

	memcpy(port, &v, 4);
	memcpy(port + 4, &a, sizeof(a));
	v = 5700500;
	memcpy(port + 8, &v, 4);
	t_sink_open(&s);
	nl_nested(&m, RTM_GETMDB, &bp, sizeof(bp), MDBA_ROUTER, MDBA_ROUTER_PORT, port,
		  sizeof(port));
	CHECK_STR(st, route_send(&s, &m, m.len, 44, 0x1000),
		  "sendto(3, [{nlmsg_len=44, nlmsg_type=RTM_GETMDB, nlmsg_flags=NLM_F_DUMP, "
		  "nlmsg_seq=0, nlmsg_pid=0}, {family=AF_UNIX, ifindex=if_nametoindex(\"lo\")}, "
		  "[{nla_len=20, nla_type=MDBA_ROUTER}, [{nla_len=16, nla_type=MDBA_ROUTER_PORT}, "
		  "if_nametoindex(\"lo\"), [{nla_len=8, nla_type=MDBA_ROUTER_PATTR_TIMER}, 5700500 "
		  "/* 57005.00 s */]]]], 44, MSG_DONTWAIT, NULL, 0) = 44");
	t_sink_close(&s);
}

/* sock_diag's AF_UNIX request and reply, the reply's attributes (strace 6.1's lines). */
static void diag_unix(struct t_state *st)
{
	struct unix_diag_req req = { .sdiag_family = AF_UNIX,
				     .sdiag_protocol = 253,
				     .udiag_states = 1 << 1 | 1 << 10,
				     .udiag_ino = 0xfacefeed,
				     .udiag_show = UDIAG_SHOW_NAME,
				     .udiag_cookie = { 0xdeadbeef, 0xbadc0ded } };
	struct unix_diag_msg msg = { .udiag_family = AF_UNIX,
				     .udiag_type = SOCK_STREAM,
				     .udiag_state = 1 };
	struct nlmsghdr h = { .nlmsg_type = SOCK_DIAG_BY_FAMILY, .nlmsg_flags = NLM_F_REQUEST };
	struct nlattr a = { .nla_len = NLA_HDRLEN + 8, .nla_type = UNIX_DIAG_VFS };
	struct unix_diag_vfs vfs = { .udiag_vfs_ino = 3136994522, .udiag_vfs_dev = 0xabcddafa };
	struct t_sink s;
	struct nl_buf m = { .len = 0 };

	t_sink_open(&s);
	nl_put(&m, &h, sizeof(h));
	nl_put(&m, &req, sizeof(req));
	CHECK_STR(st, proto_send(&s, NETLINK_SOCK_DIAG, &m, m.len, 40, 0x1000),
		  "sendto(3, [{nlmsg_len=40, nlmsg_type=SOCK_DIAG_BY_FAMILY, "
		  "nlmsg_flags=NLM_F_REQUEST, nlmsg_seq=0, nlmsg_pid=0}, {sdiag_family=AF_UNIX, "
		  "sdiag_protocol=253, udiag_states=1<<TCP_ESTABLISHED|1<<TCP_LISTEN, "
		  "udiag_ino=4207869677, udiag_show=UDIAG_SHOW_NAME, udiag_cookie=[3735928559, "
		  "3134983661]}], 40, MSG_DONTWAIT, NULL, 0) = 40");
	memset(&m, 0, sizeof(m));
	h.nlmsg_flags = NLM_F_DUMP;
	nl_put(&m, &h, sizeof(h));
	nl_put(&m, &msg, sizeof(msg));
	nl_put(&m, &a, sizeof(a));
	nl_put(&m, &vfs, sizeof(vfs));
	CHECK_STR(st, proto_send(&s, NETLINK_SOCK_DIAG, &m, m.len, 44, 0x1000),
		  "sendto(3, [{nlmsg_len=44, nlmsg_type=SOCK_DIAG_BY_FAMILY, "
		  "nlmsg_flags=NLM_F_DUMP, nlmsg_seq=0, nlmsg_pid=0}, {udiag_family=AF_UNIX, "
		  "udiag_type=SOCK_STREAM, udiag_state=TCP_ESTABLISHED, udiag_ino=0, "
		  "udiag_cookie=[0, 0]}, [{nla_len=12, nla_type=UNIX_DIAG_VFS}, "
		  "{udiag_vfs_dev=makedev(0xdda, 0xabcfa), udiag_vfs_ino=3136994522}]], 44, "
		  "MSG_DONTWAIT, NULL, 0) = 44");
	/* a header-only attribute, then two bytes too few for another header: their bytes */
	memset(&m, 0, sizeof(m));
	a = (struct nlattr){ .nla_len = NLA_HDRLEN, .nla_type = UNIX_DIAG_NAME };
	msg.udiag_state = 4;
	nl_put(&m, &h, sizeof(h));
	nl_put(&m, &msg, sizeof(msg));
	nl_put(&m, &a, sizeof(a));
	nl_put(&m, "12", 2);
	CHECK_STR(st, proto_send(&s, NETLINK_SOCK_DIAG, &m, m.len, 38, 0x1000),
		  "sendto(3, [{nlmsg_len=38, nlmsg_type=SOCK_DIAG_BY_FAMILY, "
		  "nlmsg_flags=NLM_F_DUMP, nlmsg_seq=0, nlmsg_pid=0}, {udiag_family=AF_UNIX, "
		  "udiag_type=SOCK_STREAM, udiag_state=TCP_FIN_WAIT1, udiag_ino=0, "
		  "udiag_cookie=[0, 0]}, [{nla_len=4, nla_type=UNIX_DIAG_NAME}, "
		  "\"\\x31\\x32\"]], 38, MSG_DONTWAIT, NULL, 0) = 38");
	t_sink_close(&s);
}

/* The same bytes on a socket the entry record says is no netlink one: a string. */
static void not_netlink(struct t_state *st)
{
	static const struct sr_sockid id = { AF_UNIX, 0, 0 };
	struct rtgenmsg gen = { .rtgen_family = AF_UNIX };
	struct t_sink s;
	struct nl_buf m;
	uint64_t a[6] = { 3, 0x1000, 0, 0, 0, 0 };
	struct t_blobspec in[2] = { { 0, &id, sizeof(id), 0, 0 }, { 1, NULL, 0, 0, 0 } };

	nl_build(&m, RTM_GETNSID, 0, &gen, sizeof(gen), -1);
	a[2] = in[1].len = m.len;
	in[1].data = m.b;
	in[1].aux = (int32_t)m.len;
	t_sink_open(&s);
	CHECK_STR(
		st, t_line(&s, "sendto", a, in, 2, 20, NULL, 0),
		"sendto(3, \"\\24\\0\\0\\0Z\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\1\\0\\0\\0\", 20, 0, "
		"NULL, 0) = 20");
	t_sink_close(&s);
}

T_SUITE(decode_netlink_tests) = {
	T_CASE(route_structs), T_CASE(route_nested), T_CASE(route_router_port),
	T_CASE(diag_unix),     T_CASE(not_netlink),  T_END,
};
