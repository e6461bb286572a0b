// SPDX-License-Identifier: GPL-2.0
/*
 * Decoders: the attributes of NETLINK_ROUTE's statistics messages
 * (RTM_*STATS, struct if_stats_msg), as strace 6.1 prints them: the link's
 * 64-bit counters, the bridge and bond extended statistics, the offloaded
 * ones, and the per-family ones (MPLS), all tables for the one walker.
 */
#include <stddef.h>
#include <sys/socket.h>
#include <linux/if_bonding.h>
#include <linux/if_bridge.h>
#include <linux/if_link.h>
#include <linux/mpls.h>

#include "decode/netlink.h"

#define NELEM(a)     (sizeof(a) / sizeof((a)[0]))
#define U64(type, f) NLF(type, f, NLF_U, NULL)
#define MCAST(f)     NLF(struct br_mcast_stats, f, NLF_IDX_ARRAY, &xlat_br_mcast_dirs)

static const struct nl_field vlan_fields[] = {
	U64(struct bridge_vlan_xstats, rx_bytes),
	U64(struct bridge_vlan_xstats, rx_packets),
	U64(struct bridge_vlan_xstats, tx_bytes),
	U64(struct bridge_vlan_xstats, tx_packets),
	NLF(struct bridge_vlan_xstats, vid, NLF_U, NULL),
	NLF(struct bridge_vlan_xstats, flags, NLF_FLAGS, &xlat_bridge_vlan_flags),
	NLF(struct bridge_vlan_xstats, pad2, NLF_X_NZ, NULL),
};

static const struct nl_field mcast_fields[] = {
	MCAST(igmp_v1queries), MCAST(igmp_v2queries),
	MCAST(igmp_v3queries), MCAST(igmp_leaves),
	MCAST(igmp_v1reports), MCAST(igmp_v2reports),
	MCAST(igmp_v3reports), U64(struct br_mcast_stats, igmp_parse_errors),
	MCAST(mld_v1queries),  MCAST(mld_v2queries),
	MCAST(mld_leaves),     MCAST(mld_v1reports),
	MCAST(mld_v2reports),  U64(struct br_mcast_stats, mld_parse_errors),
	MCAST(mcast_bytes),    MCAST(mcast_packets),
};

static const struct nl_field stp_fields[] = {
	U64(struct bridge_stp_xstats, transition_blk),
	U64(struct bridge_stp_xstats, transition_fwd),
	U64(struct bridge_stp_xstats, rx_bpdu),
	U64(struct bridge_stp_xstats, tx_bpdu),
	U64(struct bridge_stp_xstats, rx_tcn),
	U64(struct bridge_stp_xstats, tx_tcn),
};

/* the bytes past each struct print after it */
static const struct nl_struct vlan = NL_STRUCT_TAIL(struct bridge_vlan_xstats, vlan_fields);
static const struct nl_struct mcast = NL_STRUCT_TAIL(struct br_mcast_stats, mcast_fields);
static const struct nl_struct stp = NL_STRUCT_TAIL(struct bridge_stp_xstats, stp_fields);

#define NBRIDGE (BRIDGE_XSTATS_STP + 1)

static const nla_fn bridge_fns[NBRIDGE] = {
	[BRIDGE_XSTATS_VLAN] = nla_struct,
	[BRIDGE_XSTATS_MCAST] = nla_struct,
	[BRIDGE_XSTATS_STP] = nla_struct,
};

static const void *const bridge_args[NBRIDGE] = {
	[BRIDGE_XSTATS_VLAN] = &vlan,
	[BRIDGE_XSTATS_MCAST] = &mcast,
	[BRIDGE_XSTATS_STP] = &stp,
};

static const struct nla_set bridge_set = {
	&xlat_rtnl_ifstats_xstats_bridge_attrs, bridge_fns, NBRIDGE, NULL, bridge_args,
};

#define N3AD (BOND_3AD_STAT_MARKER_UNKNOWN_RX + 1)

static const nla_fn bond_3ad_fns[N3AD] = {
	[BOND_3AD_STAT_LACPDU_RX] = nla_u64,	     [BOND_3AD_STAT_LACPDU_TX] = nla_u64,
	[BOND_3AD_STAT_LACPDU_UNKNOWN_RX] = nla_u64, [BOND_3AD_STAT_LACPDU_ILLEGAL_RX] = nla_u64,
	[BOND_3AD_STAT_MARKER_RX] = nla_u64,	     [BOND_3AD_STAT_MARKER_TX] = nla_u64,
	[BOND_3AD_STAT_MARKER_RESP_RX] = nla_u64,    [BOND_3AD_STAT_MARKER_RESP_TX] = nla_u64,
	[BOND_3AD_STAT_MARKER_UNKNOWN_RX] = nla_u64,
};

static const struct nla_set bond_3ad_set = {
	&xlat_rtnl_ifstats_xstats_bond_3ad_attrs,
	bond_3ad_fns,
	N3AD,
};

static const nla_fn bond_fns[] = {
	[BOND_XSTATS_3AD] = nla_nested,
};

static const struct nla_set bond_set = {
	&xlat_rtnl_ifstats_xstats_bond_attrs,
	bond_fns,
	NELEM(bond_fns),
	&bond_3ad_set,
};

#define NXSTATS (LINK_XSTATS_TYPE_BOND + 1)

static const nla_fn xstats_fns[NXSTATS] = {
	[LINK_XSTATS_TYPE_BRIDGE] = nla_nested,
	[LINK_XSTATS_TYPE_BOND] = nla_nested,
};

static const void *const xstats_args[NXSTATS] = {
	[LINK_XSTATS_TYPE_BRIDGE] = &bridge_set,
	[LINK_XSTATS_TYPE_BOND] = &bond_set,
};

static const struct nla_set xstats_set = {
	&xlat_rtnl_ifstats_xstats_type_attrs, xstats_fns, NXSTATS, NULL, xstats_args,
};

static const nla_fn offload_fns[] = {
	[IFLA_OFFLOAD_XSTATS_CPU_HIT] = nla_struct,
};

static const struct nla_set offload_set = {
	&xlat_rtnl_ifstats_offload_attrs,
	offload_fns,
	NELEM(offload_fns),
	&rtnl_link_stats64,
};

static const struct nl_field mpls_fields[] = {
	U64(struct mpls_link_stats, rx_packets), U64(struct mpls_link_stats, tx_packets),
	U64(struct mpls_link_stats, rx_bytes),	 U64(struct mpls_link_stats, tx_bytes),
	U64(struct mpls_link_stats, rx_errors),	 U64(struct mpls_link_stats, tx_errors),
	U64(struct mpls_link_stats, rx_dropped), U64(struct mpls_link_stats, tx_dropped),
	U64(struct mpls_link_stats, rx_noroute),
};

static const struct nl_struct mpls = NL_STRUCT_TAIL(struct mpls_link_stats, mpls_fields);

static const nla_fn mpls_fns[] = {
	[MPLS_STATS_LINK] = nla_struct,
};

static const struct nla_set mpls_set = {
	&xlat_rtnl_mpls_stats_attrs,
	mpls_fns,
	NELEM(mpls_fns),
	&mpls,
};

/* IFLA_STATS_AF_SPEC: attributes whose types are address families. */
static const struct nla_by_af af_sets[] = {
	{ AF_MPLS, &mpls_set },
};

static const struct nla_set af_spec_set = {
	.names = &xlat_socket_domain,
	.by_af = af_sets,
	.n_af = NELEM(af_sets),
};

#define NSTATS (IFLA_STATS_AF_SPEC + 1)

static const nla_fn stats_fns[NSTATS] = {
	[IFLA_STATS_LINK_64] = nla_struct,	     [IFLA_STATS_LINK_XSTATS] = nla_nested,
	[IFLA_STATS_LINK_XSTATS_SLAVE] = nla_nested, [IFLA_STATS_LINK_OFFLOAD_XSTATS] = nla_nested,
	[IFLA_STATS_AF_SPEC] = nla_nested,
};

static const void *const stats_args[NSTATS] = {
	[IFLA_STATS_LINK_64] = &rtnl_link_stats64,
	[IFLA_STATS_LINK_XSTATS] = &xstats_set,
	[IFLA_STATS_LINK_XSTATS_SLAVE] = &xstats_set,
	[IFLA_STATS_LINK_OFFLOAD_XSTATS] = &offload_set,
	[IFLA_STATS_AF_SPEC] = &af_spec_set,
};

const struct nla_set rtnl_stats_attrs = {
	&xlat_rtnl_ifstats_attrs, stats_fns, NSTATS, NULL, stats_args,
};
