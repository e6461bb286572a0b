// SPDX-License-Identifier: GPL-2.0
/*
 * Decoders: NETLINK_SOCK_DIAG's AF_NETLINK, AF_PACKET and AF_SMC request
 * and reply structs and the replies' attributes, as strace 6.1 prints them,
 * from tables of fields (netlink_diag.c walks them).
 */
#include <stddef.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/filter.h>
#include <linux/netlink.h>
#include <linux/netlink_diag.h>
#include <linux/packet_diag.h>
#include <linux/types.h>
#include <linux/smc_diag.h>

#include "decode/bpf_filter.h"
#include "decode/net.h"
#include "decode/netlink.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* AF_NETLINK */

static const struct nl_field nl_req_fields[] = {
	NLF(struct netlink_diag_req, sdiag_protocol, NLF_ENUM, &xlat_netlink_diag_protocols),
	NLF(struct netlink_diag_req, ndiag_ino, NLF_U, NULL),
	NLF(struct netlink_diag_req, ndiag_show, NLF_FLAGS, &xlat_netlink_diag_show),
	NLF(struct netlink_diag_req, ndiag_cookie, NLF_COOKIE, NULL),
};

static const struct nl_field nl_msg_fields[] = {
	NLF(struct netlink_diag_msg, ndiag_type, NLF_ENUM, &xlat_socket_types),
	NLF(struct netlink_diag_msg, ndiag_protocol, NLF_ENUM, &xlat_netlink_protocols),
	NLF(struct netlink_diag_msg, ndiag_state, NLF_ENUM, &xlat_netlink_states),
	NLF(struct netlink_diag_msg, ndiag_portid, NLF_U, NULL),
	NLF(struct netlink_diag_msg, ndiag_dst_portid, NLF_U, NULL),
	NLF(struct netlink_diag_msg, ndiag_dst_group, NLF_U, NULL),
	NLF(struct netlink_diag_msg, ndiag_ino, NLF_U, NULL),
	NLF(struct netlink_diag_msg, ndiag_cookie, NLF_COOKIE, NULL),
};

static const struct nl_field nl_ring_fields[] = {
	NLF(struct netlink_diag_ring, ndr_block_size, NLF_U, NULL),
	NLF(struct netlink_diag_ring, ndr_block_nr, NLF_U, NULL),
	NLF(struct netlink_diag_ring, ndr_frame_size, NLF_U, NULL),
	NLF(struct netlink_diag_ring, ndr_frame_nr, NLF_U, NULL),
};

static const struct nl_struct nl_ring = NL_STRUCT(struct netlink_diag_ring, nl_ring_fields);

#define NNL (NETLINK_DIAG_FLAGS + 1)

static const nla_fn nl_fns[NNL] = {
	[NETLINK_DIAG_MEMINFO] = nla_meminfo, [NETLINK_DIAG_GROUPS] = nla_x64_array,
	[NETLINK_DIAG_RX_RING] = nla_struct,  [NETLINK_DIAG_TX_RING] = nla_struct,
	[NETLINK_DIAG_FLAGS] = nla_xlat,
};

static const void *const nl_args[NNL] = {
	[NETLINK_DIAG_RX_RING] = &nl_ring,
	[NETLINK_DIAG_TX_RING] = &nl_ring,
	[NETLINK_DIAG_FLAGS] = NLA_FLAGS(netlink_socket_flags, 4),
};

static const struct nla_set ndiag_attrs = { &xlat_netlink_diag_attrs, nl_fns, NNL, NULL, nl_args };

static const struct diag_desc nl_req = { "sdiag_family",
					 NL_STRUCT(struct netlink_diag_req, nl_req_fields), NULL };
static const struct diag_desc nl_msg = { "ndiag_family",
					 NL_STRUCT(struct netlink_diag_msg, nl_msg_fields),
					 &ndiag_attrs };

const struct diag_desc *diag_netlink(bool request)
{
	return request ? &nl_req : &nl_msg;
}

/* AF_PACKET */

static const struct nl_field pk_req_fields[] = {
	/* AF_PACKET takes no protocol but 0: no names */
	NLF(struct packet_diag_req, sdiag_protocol, NLF_X, NULL),
	NLF(struct packet_diag_req, pdiag_ino, NLF_U, NULL),
	NLF(struct packet_diag_req, pdiag_show, NLF_FLAGS, &xlat_packet_diag_show),
	NLF(struct packet_diag_req, pdiag_cookie, NLF_COOKIE, NULL),
};

static const struct nl_field pk_msg_fields[] = {
	NLF(struct packet_diag_msg, pdiag_type, NLF_ENUM, &xlat_socket_types),
	NLF(struct packet_diag_msg, pdiag_num, NLF_ENUM, &xlat_ethernet_protocols),
	NLF(struct packet_diag_msg, pdiag_ino, NLF_U, NULL),
	NLF(struct packet_diag_msg, pdiag_cookie, NLF_COOKIE, NULL),
};

static const struct nl_field pk_info_fields[] = {
	NLF(struct packet_diag_info, pdi_index, NLF_IFINDEX, NULL),
	NLF(struct packet_diag_info, pdi_version, NLF_ENUM, &xlat_af_packet_versions),
	NLF(struct packet_diag_info, pdi_reserve, NLF_U, NULL),
	NLF(struct packet_diag_info, pdi_copy_thresh, NLF_U, NULL),
	NLF(struct packet_diag_info, pdi_tstamp, NLF_U, NULL),
	NLF(struct packet_diag_info, pdi_flags, NLF_FLAGS, &xlat_packet_diag_info_flags),
};

static const struct nl_field pk_ring_fields[] = {
	NLF(struct packet_diag_ring, pdr_block_size, NLF_U, NULL),
	NLF(struct packet_diag_ring, pdr_block_nr, NLF_U, NULL),
	NLF(struct packet_diag_ring, pdr_frame_size, NLF_U, NULL),
	NLF(struct packet_diag_ring, pdr_frame_nr, NLF_U, NULL),
	NLF(struct packet_diag_ring, pdr_retire_tmo, NLF_U, NULL),
	NLF(struct packet_diag_ring, pdr_sizeof_priv, NLF_U, NULL),
	NLF(struct packet_diag_ring, pdr_features, NLF_U, NULL),
};

static const struct nl_field pk_mclist_fields[] = {
	NLF(struct packet_diag_mclist, pdmc_index, NLF_IFINDEX, NULL),
	NLF(struct packet_diag_mclist, pdmc_count, NLF_U, NULL),
	NLF(struct packet_diag_mclist, pdmc_type, NLF_U, NULL),
	NLF(struct packet_diag_mclist, pdmc_alen, NLF_U, NULL),
	/* as long as pdmc_alen says */
	NLF(struct packet_diag_mclist, pdmc_addr, NLF_HEX_STR_LEN, NULL),
};

static const struct nl_struct pk_info = NL_STRUCT(struct packet_diag_info, pk_info_fields);
static const struct nl_struct pk_ring = NL_STRUCT(struct packet_diag_ring, pk_ring_fields);
static const struct nl_struct pk_mclist = NL_STRUCT(struct packet_diag_mclist, pk_mclist_fields);

/*
 * PACKET_DIAG_FILTER: the socket's classic BPF program, as many whole
 * instructions as the payload holds (under -v; else its address).
 */
static bool nla_sock_filter(const struct nl_ctx *x, uint64_t off, uint64_t len, const void *opaque)
{
	const uint64_t n = len / sizeof(struct sock_filter);
	const uint64_t want = n * sizeof(struct sock_filter);
	uint64_t avail = off < x->have ? x->have - off : 0;

	(void)opaque;
	if (!n || (uint16_t)n != n)
		return false;
	if (avail > want)
		avail = want;
	/* bytes the buffer's capture lacks are unreadable, as for the other arrays */
	fmt_bpf_insns_at(x->f, avail ? x->p + off : NULL, avail, avail < want, x->addr + off, n,
			 SR_FPROG_SOCK);
	return true;
}

#define NPK (PACKET_DIAG_FILTER + 1)

static const nla_fn pk_fns[NPK] = {
	[PACKET_DIAG_INFO] = nla_struct,     [PACKET_DIAG_MCLIST] = nla_struct_array,
	[PACKET_DIAG_RX_RING] = nla_struct,  [PACKET_DIAG_TX_RING] = nla_struct,
	[PACKET_DIAG_FANOUT] = nla_u32,	     [PACKET_DIAG_UID] = nla_uid,
	[PACKET_DIAG_MEMINFO] = nla_meminfo, [PACKET_DIAG_FILTER] = nla_sock_filter,
};

static const void *const pk_args[NPK] = {
	[PACKET_DIAG_INFO] = &pk_info,
	[PACKET_DIAG_MCLIST] = &pk_mclist,
	[PACKET_DIAG_RX_RING] = &pk_ring,
	[PACKET_DIAG_TX_RING] = &pk_ring,
};

static const struct nla_set pk_attrs = { &xlat_packet_diag_attrs, pk_fns, NPK, NULL, pk_args };

static const struct diag_desc pk_req = { "sdiag_family",
					 NL_STRUCT(struct packet_diag_req, pk_req_fields), NULL };
static const struct diag_desc pk_msg = { "pdiag_family",
					 NL_STRUCT(struct packet_diag_msg, pk_msg_fields),
					 &pk_attrs };

const struct diag_desc *diag_packet(bool request)
{
	return request ? &pk_req : &pk_msg;
}

/* AF_SMC: its sockets' ids are those of their AF_INET TCP sockets */

static const struct nl_field smc_req_fields[] = {
	NLF(struct smc_diag_req, diag_ext, NLF_FLAGS, &xlat_smc_diag_extended_flags),
	NLF_SUB(struct smc_diag_req, id, &diag_sockid_inet),
};

static const struct nl_field smc_msg_fields[] = {
	NLF(struct smc_diag_msg, diag_state, NLF_ENUM, &xlat_smc_states),
	NLF(struct smc_diag_msg, diag_fallback, NLF_ENUM, &xlat_smc_diag_mode),
	NLF(struct smc_diag_msg, diag_shutdown, NLF_U, NULL),
	NLF_SUB(struct smc_diag_msg, id, &diag_sockid_inet),
	NLF(struct smc_diag_msg, diag_uid, NLF_U, NULL),
	NLF(struct smc_diag_msg, diag_inode, NLF_U, NULL),
};

static const struct nl_field smc_cursor_fields[] = {
	NLF(struct smc_diag_cursor, reserved, NLF_U, NULL),
	NLF(struct smc_diag_cursor, wrap, NLF_U, NULL),
	NLF(struct smc_diag_cursor, count, NLF_U, NULL),
};

static const struct nl_struct smc_cursor = NL_STRUCT(struct smc_diag_cursor, smc_cursor_fields);

static const struct nl_field smc_conn_fields[] = {
	NLF(struct smc_diag_conninfo, token, NLF_U, NULL),
	NLF(struct smc_diag_conninfo, sndbuf_size, NLF_U, NULL),
	NLF(struct smc_diag_conninfo, rmbe_size, NLF_U, NULL),
	NLF(struct smc_diag_conninfo, peer_rmbe_size, NLF_U, NULL),
	NLF_SUB(struct smc_diag_conninfo, rx_prod, &smc_cursor),
	NLF_SUB(struct smc_diag_conninfo, rx_cons, &smc_cursor),
	NLF_SUB(struct smc_diag_conninfo, tx_prod, &smc_cursor),
	NLF_SUB(struct smc_diag_conninfo, tx_cons, &smc_cursor),
	NLF(struct smc_diag_conninfo, rx_prod_flags, NLF_X, NULL),
	NLF(struct smc_diag_conninfo, rx_conn_state_flags, NLF_X, NULL),
	NLF(struct smc_diag_conninfo, tx_prod_flags, NLF_X, NULL),
	NLF(struct smc_diag_conninfo, tx_conn_state_flags, NLF_X, NULL),
	NLF_SUB(struct smc_diag_conninfo, tx_prep, &smc_cursor),
	NLF_SUB(struct smc_diag_conninfo, tx_sent, &smc_cursor),
	NLF_SUB(struct smc_diag_conninfo, tx_fin, &smc_cursor),
};

static const struct nl_field smc_link_fields[] = {
	NLF(struct smc_diag_linkinfo, link_id, NLF_U, NULL),
	NLF(struct smc_diag_linkinfo, ibname, NLF_CSTR, NULL),
	NLF(struct smc_diag_linkinfo, ibport, NLF_U, NULL),
	NLF(struct smc_diag_linkinfo, gid, NLF_CSTR, NULL),
	NLF(struct smc_diag_linkinfo, peer_gid, NLF_CSTR, NULL),
};

static const struct nl_struct smc_link = NL_STRUCT(struct smc_diag_linkinfo, smc_link_fields);

static const struct nl_field smc_lgr_fields[] = {
	NLF_SUB_ARRAY(struct smc_diag_lgrinfo, lnk, &smc_link),
	NLF(struct smc_diag_lgrinfo, role, NLF_ENUM, &xlat_smc_link_group_roles),
};

static const struct nl_field smc_dmb_fields[] = {
	NLF(struct smcd_diag_dmbinfo, linkid, NLF_U, NULL),
	NLF(struct smcd_diag_dmbinfo, peer_gid, NLF_X, NULL),
	NLF(struct smcd_diag_dmbinfo, my_gid, NLF_X, NULL),
	NLF(struct smcd_diag_dmbinfo, token, NLF_X, NULL),
	NLF(struct smcd_diag_dmbinfo, peer_token, NLF_X, NULL),
};

/* the decline codes are no UAPI: numbers, their names in comments */
static const struct nl_field smc_fallback_fields[] = {
	NLF(struct smc_diag_fallback, reason, NLF_ENUM_VERBOSE, &xlat_smc_decl_codes),
	NLF(struct smc_diag_fallback, peer_diagnosis, NLF_ENUM_VERBOSE, &xlat_smc_decl_codes),
};

static const struct nl_struct smc_conn = NL_STRUCT(struct smc_diag_conninfo, smc_conn_fields);
static const struct nl_struct smc_lgr = NL_STRUCT(struct smc_diag_lgrinfo, smc_lgr_fields);
static const struct nl_struct smc_dmb = NL_STRUCT(struct smcd_diag_dmbinfo, smc_dmb_fields);
static const struct nl_struct smc_fallback =
	NL_STRUCT(struct smc_diag_fallback, smc_fallback_fields);

#define NSMC (SMC_DIAG_FALLBACK + 1)

static const nla_fn smc_fns[NSMC] = {
	[SMC_DIAG_CONNINFO] = nla_struct, [SMC_DIAG_LGRINFO] = nla_struct,
	[SMC_DIAG_SHUTDOWN] = nla_xlat,	  [SMC_DIAG_DMBINFO] = nla_struct,
	[SMC_DIAG_FALLBACK] = nla_struct,
};

static const void *const smc_args[NSMC] = {
	[SMC_DIAG_CONNINFO] = &smc_conn,
	[SMC_DIAG_LGRINFO] = &smc_lgr,
	[SMC_DIAG_SHUTDOWN] = NLA_FLAGS(sock_shutdown_flags, 1),
	[SMC_DIAG_DMBINFO] = &smc_dmb,
	[SMC_DIAG_FALLBACK] = &smc_fallback,
};

static const struct nla_set smc_attrs = { &xlat_smc_diag_attrs, smc_fns, NSMC, NULL, smc_args };

static const struct diag_desc smc_req = { "diag_family",
					  NL_STRUCT(struct smc_diag_req, smc_req_fields), NULL };
static const struct diag_desc smc_msg = { "diag_family",
					  NL_STRUCT(struct smc_diag_msg, smc_msg_fields),
					  &smc_attrs };

const struct diag_desc *diag_smc(bool request)
{
	return request ? &smc_req : &smc_msg;
}
