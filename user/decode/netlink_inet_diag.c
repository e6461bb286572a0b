// SPDX-License-Identifier: GPL-2.0
/*
 * Decoders: NETLINK_SOCK_DIAG's AF_INET and AF_INET6 structs (struct
 * inet_diag_req, inet_diag_req_v2 and inet_diag_msg) and their attributes,
 * as strace 6.1 prints them: the socket id's addresses by the message's
 * family, the request's bytecode, the reply's TCP congestion control
 * structs, socket addresses, MD5 keys and upper layer protocol info.
 */
#include <stddef.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/inet_diag.h>
#include <linux/mptcp.h>
#include <linux/netlink.h>
#include <linux/sock_diag.h>
#include <linux/tcp.h>
#include <linux/tls.h>

#include "decode/net.h"
#include "decode/netlink.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static const struct nl_field sockid_fields[] = {
	NLF(struct inet_diag_sockid, idiag_sport, NLF_NET_PORT, NULL),
	NLF(struct inet_diag_sockid, idiag_dport, NLF_NET_PORT, NULL),
	NLF_INADDR_AF(struct inet_diag_sockid, idiag_src, 0),
	NLF_INADDR_AF(struct inet_diag_sockid, idiag_dst, 0),
	NLF(struct inet_diag_sockid, idiag_if, NLF_IFINDEX, NULL),
	NLF(struct inet_diag_sockid, idiag_cookie, NLF_COOKIE, NULL),
};

static const struct nl_field sockid_inet_fields[] = {
	NLF(struct inet_diag_sockid, idiag_sport, NLF_NET_PORT, NULL),
	NLF(struct inet_diag_sockid, idiag_dport, NLF_NET_PORT, NULL),
	NLF_INADDR_AF(struct inet_diag_sockid, idiag_src, AF_INET),
	NLF_INADDR_AF(struct inet_diag_sockid, idiag_dst, AF_INET),
	NLF(struct inet_diag_sockid, idiag_if, NLF_IFINDEX, NULL),
	NLF(struct inet_diag_sockid, idiag_cookie, NLF_COOKIE, NULL),
};

const struct nl_struct diag_sockid = NL_STRUCT(struct inet_diag_sockid, sockid_fields);
const struct nl_struct diag_sockid_inet = NL_STRUCT(struct inet_diag_sockid, sockid_inet_fields);

/* struct inet_diag_hostcond, then its address of the family it names. */
static void bc_hostcond(const struct nl_ctx *x, uint64_t off, uint64_t len)
{
	struct sr_fmt *f = x->f;
	struct inet_diag_hostcond c;
	const uint8_t *a;

	if (len < sizeof(c)) {
		nl_hex(x, off, len);
		return;
	}
	if (!nl_fetch(x, off, &c, sizeof(c)))
		return;
	pr_struct_begin(f);
	pr_field(f, "family");
	fmt_enum(f, &xlat_socket_domain, c.family);
	pr_field_u(f, "prefix_len", c.prefix_len);
	pr_field_u(f, "port", c.port);
	len -= sizeof(c);
	off += sizeof(c);
	a = len ? nl_at(x, off, len) : NULL;
	if (len && !a) {
		pr_field(f, "addr");
		pr_addr(f, x->addr + off);
	} else if (len && c.family == AF_INET && len >= 4) {
		pr_field(f, "addr");
		fmt_inet4(f, a);
	} else if (len && c.family == AF_INET6 && len >= 16) {
		fmt_inet6(f, a, "addr");
	} else if (len) {
		pr_field(f, "addr");
		nl_hex(x, off, len);
	}
	pr_struct_end(f);
}

static const struct nl_field bc_op_fields[] = {
	NLF(struct inet_diag_bc_op, code, NLF_ENUM, &xlat_inet_diag_bytecodes),
	NLF(struct inet_diag_bc_op, yes, NLF_U, NULL),
	NLF(struct inet_diag_bc_op, no, NLF_U, NULL),
};

static const struct nl_struct bc_op = NL_STRUCT(struct inet_diag_bc_op, bc_op_fields);

static const struct nl_field markcond_fields[] = {
	NLF(struct inet_diag_markcond, mark, NLF_U, NULL),
	NLF(struct inet_diag_markcond, mask, NLF_U, NULL),
};

static const struct nl_struct markcond = NL_STRUCT(struct inet_diag_markcond, markcond_fields);

/* A struct, or its bytes when the payload is shorter. */
static void bc_struct(const struct nl_ctx *x, uint64_t off, uint64_t len, const struct nl_struct *s)
{
	if (!nla_struct(x, off, len, s))
		nl_hex(x, off, len);
}

/* The operand after a bytecode operation, by its code. */
static void bc_data(const struct nl_ctx *x, uint64_t off, uint64_t len, uint8_t code)
{
	switch (code) {
	case INET_DIAG_BC_S_COND:
	case INET_DIAG_BC_D_COND:
		bc_hostcond(x, off, len);
		return;
	case INET_DIAG_BC_DEV_COND:
		if (!nla_ifindex(x, off, len, NULL))
			nl_hex(x, off, len);
		return;
	case INET_DIAG_BC_S_GE:
	case INET_DIAG_BC_S_LE:
	case INET_DIAG_BC_D_GE:
	case INET_DIAG_BC_D_LE:
		bc_struct(x, off, len, &bc_op);
		return;
	case INET_DIAG_BC_MARK_COND:
		bc_struct(x, off, len, &markcond);
		return;
	}
	nl_hex(x, off, len);
}

/* INET_DIAG_REQ_BYTECODE: an operation, then its operand. */
static bool nla_bc_op(const struct nl_ctx *x, uint64_t off, uint64_t len, const void *opaque)
{
	const uint8_t *code = nl_at(x, off, 1);

	(void)opaque;
	if (len < sizeof(struct inet_diag_bc_op))
		return false;
	if (!nla_struct(x, off, len, &bc_op) || !code)
		return true;
	if (len > sizeof(struct inet_diag_bc_op))
		bc_data(x, off + sizeof(struct inet_diag_bc_op),
			len - sizeof(struct inet_diag_bc_op), *code);
	return true;
}

#define NREQ (INET_DIAG_REQ_PROTOCOL + 1)

static const nla_fn req_fns[NREQ] = {
	[INET_DIAG_REQ_BYTECODE] = nla_bc_op,
	[INET_DIAG_REQ_PROTOCOL] = nla_xlat,
};

static const void *const req_args[NREQ] = {
	[INET_DIAG_REQ_PROTOCOL] = NLA_XVAL(inet_protos, 0),
};

static const struct nla_set req_attrs = {
	.names = &xlat_inet_diag_req_attrs,
	.fns = req_fns,
	.n = NREQ,
	.args = req_args,
};

static const struct nl_field req_compat_fields[] = {
	NLF(struct inet_diag_req, idiag_src_len, NLF_U, NULL),
	NLF(struct inet_diag_req, idiag_dst_len, NLF_U, NULL),
	NLF(struct inet_diag_req, idiag_ext, NLF_FLAGS, &xlat_inet_diag_extended_flags),
	NLF_SUB(struct inet_diag_req, id, &diag_sockid),
	NLF(struct inet_diag_req, idiag_states, NLF_BITNUM, &xlat_tcp_states),
	NLF(struct inet_diag_req, idiag_dbs, NLF_U, NULL),
};

static const struct nl_field req_v2_fields[] = {
	NLF(struct inet_diag_req_v2, sdiag_protocol, NLF_ENUM, &xlat_inet_protos),
	NLF(struct inet_diag_req_v2, idiag_ext, NLF_FLAGS, &xlat_inet_diag_extended_flags),
	NLF(struct inet_diag_req_v2, idiag_states, NLF_BITNUM, &xlat_tcp_states),
	NLF_SUB(struct inet_diag_req_v2, id, &diag_sockid),
};

static const struct nl_field meminfo_fields[] = {
	NLF(struct inet_diag_meminfo, idiag_rmem, NLF_U, NULL),
	NLF(struct inet_diag_meminfo, idiag_wmem, NLF_U, NULL),
	NLF(struct inet_diag_meminfo, idiag_fmem, NLF_U, NULL),
	NLF(struct inet_diag_meminfo, idiag_tmem, NLF_U, NULL),
};

static const struct nl_field vegas_fields[] = {
	NLF(struct tcpvegas_info, tcpv_enabled, NLF_U, NULL),
	NLF(struct tcpvegas_info, tcpv_rttcnt, NLF_U, NULL),
	NLF(struct tcpvegas_info, tcpv_rtt, NLF_U, NULL),
	NLF(struct tcpvegas_info, tcpv_minrtt, NLF_U, NULL),
};

static const struct nl_field dctcp_fields[] = {
	NLF(struct tcp_dctcp_info, dctcp_enabled, NLF_U, NULL),
	NLF(struct tcp_dctcp_info, dctcp_ce_state, NLF_U, NULL),
	NLF(struct tcp_dctcp_info, dctcp_alpha, NLF_U, NULL),
	NLF(struct tcp_dctcp_info, dctcp_ab_ecn, NLF_U, NULL),
	NLF(struct tcp_dctcp_info, dctcp_ab_tot, NLF_U, NULL),
};

static const struct nl_field bbr_fields[] = {
	NLF(struct tcp_bbr_info, bbr_bw_lo, NLF_X, NULL),
	NLF(struct tcp_bbr_info, bbr_bw_hi, NLF_X, NULL),
	NLF(struct tcp_bbr_info, bbr_min_rtt, NLF_U, NULL),
	NLF(struct tcp_bbr_info, bbr_pacing_gain, NLF_U, NULL),
	NLF(struct tcp_bbr_info, bbr_cwnd_gain, NLF_U, NULL),
};

static const struct nl_struct meminfo = NL_STRUCT(struct inet_diag_meminfo, meminfo_fields);
static const struct nl_struct vegas = NL_STRUCT(struct tcpvegas_info, vegas_fields);
static const struct nl_struct dctcp = NL_STRUCT(struct tcp_dctcp_info, dctcp_fields);
static const struct nl_struct bbr = NL_STRUCT(struct tcp_bbr_info, bbr_fields);

static void sockaddr_elem(const struct nl_ctx *x, const struct nla_elem *e, const void *opaque)
{
	(void)opaque;
	fmt_sockaddr(x->f, e->p, e->size, e->addr);
}

/* INET_DIAG_LOCALS, INET_DIAG_PEERS: an array of struct sockaddr_storage. */
static bool nla_sockaddrs(const struct nl_ctx *x, uint64_t off, uint64_t len, const void *opaque)
{
	return nla_array(x, off, len, sizeof(struct sockaddr_storage), sockaddr_elem, NULL);
}

static const struct nl_field md5sig_fields[] = {
	NLF(struct tcp_diag_md5sig, tcpm_family, NLF_ENUM, &xlat_socket_domain),
	NLF(struct tcp_diag_md5sig, tcpm_prefixlen, NLF_U, NULL),
	NLF(struct tcp_diag_md5sig, tcpm_keylen, NLF_U, NULL),
	NLF_INADDR_AF(struct tcp_diag_md5sig, tcpm_addr, 0),
};

static void md5sig_elem(const struct nl_ctx *x, const struct nla_elem *e, const void *opaque)
{
	const struct tcp_diag_md5sig *p = (const void *)e->p;
	size_t klen = p->tcpm_keylen < sizeof(p->tcpm_key) ? p->tcpm_keylen : sizeof(p->tcpm_key);

	(void)opaque;
	pr_struct_begin(x->f);
	nl_fields_print(x->f, md5sig_fields, NELEM(md5sig_fields), e->p);
	pr_field(x->f, "tcpm_key");
	pr_str(x->f, p->tcpm_key, klen, klen, SR_Q_HEX);
	pr_struct_end(x->f);
}

/* INET_DIAG_MD5SIG: an array of struct tcp_diag_md5sig, each key as long as its keylen says. */
static bool nla_md5sig(const struct nl_ctx *x, uint64_t off, uint64_t len, const void *opaque)
{
	return nla_array(x, off, len, sizeof(struct tcp_diag_md5sig), md5sig_elem, NULL);
}

/* The bits of struct inet_diag_sockopt, by their place in its first two bytes. */
static const char *const sockopt_bits[] = {
	"recverr",	   "is_icsk",	    "freebind",
	"hdrincl",	   "mc_loop",	    "transparent",
	"mc_all",	   "nodefrag",	    "bind_address_no_port",
	"recverr_rfc4884", "defer_connect",
};

/*
 * INET_DIAG_SOCKOPT: its one-bit fields (those set, all of them with -v),
 * the five unused bits, then any nonzero bytes past the struct.
 */
static bool nla_sockopt(const struct nl_ctx *x, uint64_t off, uint64_t len, const void *opaque)
{
	struct sr_fmt *f = x->f;
	uint8_t b[2], *all;
	unsigned int v, i, unused;

	(void)opaque;
	if (len < sizeof(b))
		return false;
	if (!nl_fetch(x, off, b, sizeof(b)))
		return true;
	v = b[0] | b[1] << 8;
	pr_struct_begin(f);
	for (i = 0; i < NELEM(sockopt_bits); i++) {
		if (!(v >> i & 1) && !fmt_verbose(f))
			continue;
		pr_field_u(f, sockopt_bits[i], v >> i & 1);
	}
	unused = v >> NELEM(sockopt_bits);
	if (unused || fmt_verbose(f)) {
		pr_field_x(f, "unused", unused);
		pr_comment(f, "bits 3..8");
	}
	pr_struct_end(f);
	all = (uint8_t *)nl_at(x, off, len < 4096 ? len : 4096);
	if (len > sizeof(b))
		fmt_struct_tail(f, all, all ? len : 0, sizeof(b), len < 4096 ? len : 4096);
	return true;
}

#define NTLS (TLS_INFO_RX_NO_PAD + 1)

static const nla_fn tls_fns[NTLS] = {
	[TLS_INFO_VERSION] = nla_xlat,
	[TLS_INFO_CIPHER] = nla_xlat,
	[TLS_INFO_TXCONF] = nla_xlat,
	[TLS_INFO_RXCONF] = nla_xlat,
};

static const void *const tls_args[NTLS] = {
	[TLS_INFO_VERSION] = NLA_XVAL(tls_info_versions, 2),
	[TLS_INFO_CIPHER] = NLA_XVAL(tls_info_ciphers, 2),
	[TLS_INFO_TXCONF] = NLA_XVAL(tls_info_configs, 2),
	[TLS_INFO_RXCONF] = NLA_XVAL(tls_info_configs, 2),
};

static const struct nla_set tls_attrs = {
	&xlat_inet_diag_ulp_info_tls_attrs, tls_fns, NTLS, NULL, tls_args,
};

#define NMPTCP (MPTCP_SUBFLOW_ATTR_PAD + 1)

static const nla_fn mptcp_fns[NMPTCP] = {
	[MPTCP_SUBFLOW_ATTR_TOKEN_REM] = nla_x32,    [MPTCP_SUBFLOW_ATTR_TOKEN_LOC] = nla_x32,
	[MPTCP_SUBFLOW_ATTR_RELWRITE_SEQ] = nla_u32, [MPTCP_SUBFLOW_ATTR_MAP_SEQ] = nla_u64,
	[MPTCP_SUBFLOW_ATTR_MAP_SFSEQ] = nla_u32,    [MPTCP_SUBFLOW_ATTR_SSN_OFFSET] = nla_u32,
	[MPTCP_SUBFLOW_ATTR_MAP_DATALEN] = nla_u16,  [MPTCP_SUBFLOW_ATTR_FLAGS] = nla_xlat,
	[MPTCP_SUBFLOW_ATTR_ID_REM] = nla_u8,	     [MPTCP_SUBFLOW_ATTR_ID_LOC] = nla_u8,
};

static const void *const mptcp_args[NMPTCP] = {
	[MPTCP_SUBFLOW_ATTR_FLAGS] = NLA_FLAGS(mptcp_subflow_flags, 4),
};

static const struct nla_set mptcp_attrs = {
	&xlat_inet_diag_ulp_info_mptcp_attrs, mptcp_fns, NMPTCP, NULL, mptcp_args,
};

#define NULP (INET_ULP_INFO_MPTCP + 1)

static const nla_fn ulp_fns[NULP] = {
	[INET_ULP_INFO_NAME] = nla_str,
	[INET_ULP_INFO_TLS] = nla_nested,
	[INET_ULP_INFO_MPTCP] = nla_nested,
};

static const void *const ulp_args[NULP] = {
	[INET_ULP_INFO_TLS] = &tls_attrs,
	[INET_ULP_INFO_MPTCP] = &mptcp_attrs,
};

static const struct nla_set ulp_attrs = {
	&xlat_inet_diag_ulp_info_attrs, ulp_fns, NULP, NULL, ulp_args,
};

/* A number of 1, 2, 4 or 8 bytes in hex, as strace's decode_nla_xint(). */
static bool nla_xint(const struct nl_ctx *x, uint64_t off, uint64_t len, const void *opaque)
{
	uint64_t v = 0;

	(void)opaque;
	if (len != 1 && len != 2 && len != 4 && len != 8)
		return false;
	if (nl_fetch(x, off, &v, len))
		pr_x(x->f, v);
	return true;
}

#define NSTORAGE (SK_DIAG_BPF_STORAGE_MAP_VALUE + 1)

static const nla_fn storage_fns[NSTORAGE] = {
	[SK_DIAG_BPF_STORAGE_MAP_ID] = nla_u32,
	[SK_DIAG_BPF_STORAGE_MAP_VALUE] = nla_xint,
};

static const struct nla_set storage_attrs = {
	&xlat_inet_diag_bpf_storage_attrs,
	storage_fns,
	NSTORAGE,
};

static const nla_fn storages_fns[] = {
	[SK_DIAG_BPF_STORAGE] = nla_nested,
};

static const struct nla_set storages_attrs = {
	&xlat_inet_diag_bpf_storages_attrs,
	storages_fns,
	NELEM(storages_fns),
	&storage_attrs,
};

#define NMSG (INET_DIAG_SOCKOPT + 1)

static const nla_fn msg_fns[NMSG] = {
	[INET_DIAG_MEMINFO] = nla_struct,   [INET_DIAG_VEGASINFO] = nla_struct,
	[INET_DIAG_CONG] = nla_str,	    [INET_DIAG_TOS] = nla_u8,
	[INET_DIAG_TCLASS] = nla_u8,	    [INET_DIAG_SKMEMINFO] = nla_meminfo,
	[INET_DIAG_SHUTDOWN] = nla_xlat,    [INET_DIAG_DCTCPINFO] = nla_struct,
	[INET_DIAG_PROTOCOL] = nla_xlat,    [INET_DIAG_SKV6ONLY] = nla_u8,
	[INET_DIAG_LOCALS] = nla_sockaddrs, [INET_DIAG_PEERS] = nla_sockaddrs,
	[INET_DIAG_MARK] = nla_u32,	    [INET_DIAG_BBRINFO] = nla_struct,
	[INET_DIAG_CLASS_ID] = nla_u32,	    [INET_DIAG_MD5SIG] = nla_md5sig,
	[INET_DIAG_ULP_INFO] = nla_nested,  [INET_DIAG_SK_BPF_STORAGES] = nla_nested,
	[INET_DIAG_CGROUP_ID] = nla_u64,    [INET_DIAG_SOCKOPT] = nla_sockopt,
};

static const void *const msg_args[NMSG] = {
	[INET_DIAG_MEMINFO] = &meminfo,
	[INET_DIAG_VEGASINFO] = &vegas,
	[INET_DIAG_SHUTDOWN] = NLA_FLAGS_VERBOSE(sock_shutdown_flags, 1),
	[INET_DIAG_DCTCPINFO] = &dctcp,
	[INET_DIAG_PROTOCOL] = NLA_XVAL(inet_protos, 0),
	[INET_DIAG_BBRINFO] = &bbr,
	[INET_DIAG_ULP_INFO] = &ulp_attrs,
	[INET_DIAG_SK_BPF_STORAGES] = &storages_attrs,
};

static const struct nla_set msg_attrs = {
	.names = &xlat_inet_diag_attrs,
	.fns = msg_fns,
	.n = NMSG,
	.args = msg_args,
};

static const struct nl_field msg_fields[] = {
	NLF(struct inet_diag_msg, idiag_state, NLF_ENUM, &xlat_tcp_states),
	NLF(struct inet_diag_msg, idiag_timer, NLF_U, NULL),
	NLF(struct inet_diag_msg, idiag_retrans, NLF_U, NULL),
	NLF_SUB(struct inet_diag_msg, id, &diag_sockid),
	NLF(struct inet_diag_msg, idiag_expires, NLF_U, NULL),
	NLF(struct inet_diag_msg, idiag_rqueue, NLF_U, NULL),
	NLF(struct inet_diag_msg, idiag_wqueue, NLF_U, NULL),
	NLF(struct inet_diag_msg, idiag_uid, NLF_U, NULL),
	NLF(struct inet_diag_msg, idiag_inode, NLF_U, NULL),
};

static const struct diag_desc req_compat = { "idiag_family",
					     NL_STRUCT(struct inet_diag_req, req_compat_fields),
					     &req_attrs };
static const struct diag_desc req_v2 = { "sdiag_family",
					 NL_STRUCT(struct inet_diag_req_v2, req_v2_fields),
					 &req_attrs };
static const struct diag_desc msg = { "idiag_family", NL_STRUCT(struct inet_diag_msg, msg_fields),
				      &msg_attrs };

const struct diag_desc *diag_inet(uint16_t type, bool request)
{
	if (!request)
		return &msg;
	/* the old requests of their own type */
	return type == TCPDIAG_GETSOCK || type == DCCPDIAG_GETSOCK ? &req_compat : &req_v2;
}
