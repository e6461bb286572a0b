// SPDX-License-Identifier: GPL-2.0
/*
 * Decoders: NETLINK_ROUTE's route and neighbour messages (RTM_*ROUTE after
 * struct rtmsg, RTM_*NEIGH after struct ndmsg), as strace 6.1 prints them:
 * the struct, then its attributes from tables for the one attribute walker
 * (addresses of the message's family, RTA_METRICS, RTA_MULTIPATH's next
 * hops, RTA_VIA, cache infos, NDA_FDB_EXT_ATTRS).
 */
#include <stddef.h>
#include <sys/socket.h>
#include <linux/lwtunnel.h>
#include <linux/mroute.h>
#include <linux/mroute6.h>
#include <linux/neighbour.h>
#include <linux/rtnetlink.h>

#include "decode/net.h"
#include "decode/netlink.h"

#define NRTAX (RTAX_CC_ALGO + 1)

static const nla_fn rtax_fns[NRTAX] = {
	[RTAX_LOCK] = nla_u32,	   [RTAX_MTU] = nla_u32,      [RTAX_WINDOW] = nla_u32,
	[RTAX_RTT] = nla_u32,	   [RTAX_RTTVAR] = nla_u32,   [RTAX_SSTHRESH] = nla_u32,
	[RTAX_CWND] = nla_u32,	   [RTAX_ADVMSS] = nla_u32,   [RTAX_REORDERING] = nla_u32,
	[RTAX_HOPLIMIT] = nla_u32, [RTAX_INITCWND] = nla_u32, [RTAX_FEATURES] = nla_u32,
	[RTAX_RTO_MIN] = nla_u32,  [RTAX_INITRWND] = nla_u32, [RTAX_QUICKACK] = nla_u32,
	[RTAX_CC_ALGO] = nla_str,
};

static const struct nla_set rtax_set = {
	.names = &xlat_rtnl_rta_metrics_attrs,
	.fns = rtax_fns,
	.n = NRTAX,
};

static const struct nl_field rta_cacheinfo_fields[] = {
	NLF(struct rta_cacheinfo, rta_clntref, NLF_U, NULL),
	NLF(struct rta_cacheinfo, rta_lastuse, NLF_U, NULL),
	NLF(struct rta_cacheinfo, rta_expires, NLF_U, NULL),
	NLF(struct rta_cacheinfo, rta_error, NLF_U, NULL),
	NLF(struct rta_cacheinfo, rta_used, NLF_U, NULL),
	NLF(struct rta_cacheinfo, rta_id, NLF_X, NULL),
	NLF(struct rta_cacheinfo, rta_ts, NLF_U, NULL),
	NLF(struct rta_cacheinfo, rta_tsage, NLF_U, NULL),
};

static const struct nl_field mfc_stats_fields[] = {
	NLF(struct rta_mfc_stats, mfcs_packets, NLF_U, NULL),
	NLF(struct rta_mfc_stats, mfcs_bytes, NLF_U, NULL),
	NLF(struct rta_mfc_stats, mfcs_wrong_if, NLF_U, NULL),
};

static const struct nl_struct rta_cacheinfo = NL_STRUCT(struct rta_cacheinfo, rta_cacheinfo_fields);
static const struct nl_struct mfc_stats = NL_STRUCT(struct rta_mfc_stats, mfc_stats_fields);

/* RTA_VIA: a family, then an address of that family (its bytes when shorter). */
static bool rta_via(const struct nl_ctx *x, uint64_t off, uint64_t len, const void *opaque)
{
	uint64_t aoff = offsetof(struct rtvia, rtvia_addr);
	struct sr_fmt *f = x->f;
	struct rtvia via;

	(void)opaque;
	if (len < sizeof(via))
		return false;
	if (!nl_fetch(x, off, &via, sizeof(via)))
		return true;
	pr_struct_begin(f);
	pr_field(f, "rtvia_family");
	fmt_enum(f, &xlat_socket_domain, via.rtvia_family);
	if (len > aoff) {
		const void *a6 = nl_at(x, off + aoff, 16);
		uint8_t family = (uint8_t)via.rtvia_family;

		/* strace names an IPv6 address's field inside its form */
		if (via.rtvia_family == AF_INET6 && len - aoff >= 16 && a6) {
			fmt_inet6(f, a6, "rtvia_addr");
		} else {
			pr_field(f, "rtvia_addr");
			if (via.rtvia_family > UINT8_MAX ||
			    !nla_inaddr(x, off + aoff, len - aoff, &family))
				nl_hex(x, off + aoff, len - aoff);
		}
	}
	pr_struct_end(f);
	return true;
}

static bool rta_multipath(const struct nl_ctx *x, uint64_t off, uint64_t len, const void *opaque);

#define NRTA (RTA_DPORT + 1)

static const nla_fn rta_fns[NRTA] = {
	[RTA_DST] = nla_inaddr,	      [RTA_SRC] = nla_inaddr,	    [RTA_IIF] = nla_ifindex,
	[RTA_OIF] = nla_ifindex,      [RTA_GATEWAY] = nla_inaddr,   [RTA_PRIORITY] = nla_u32,
	[RTA_PREFSRC] = nla_inaddr,   [RTA_METRICS] = nla_nested,   [RTA_MULTIPATH] = rta_multipath,
	[RTA_PROTOINFO] = nla_u32,    [RTA_FLOW] = nla_u32,	    [RTA_CACHEINFO] = nla_struct,
	[RTA_MP_ALGO] = nla_u32,      [RTA_TABLE] = nla_xlat,	    [RTA_MARK] = nla_u32,
	[RTA_MFC_STATS] = nla_struct, [RTA_VIA] = rta_via,	    [RTA_NEWDST] = nla_inaddr,
	[RTA_PREF] = nla_u8,	      [RTA_ENCAP_TYPE] = nla_xlat,  [RTA_EXPIRES] = nla_u64,
	[RTA_UID] = nla_u32,	      [RTA_TTL_PROPAGATE] = nla_u8, [RTA_IP_PROTO] = nla_u8,
	[RTA_SPORT] = nla_u16,	      [RTA_DPORT] = nla_u16,
};

/* The argument of each RTA decoder; the others get the message's family. */
static const void *const rta_args[NRTA] = {
	[RTA_METRICS] = &rtax_set,
	[RTA_CACHEINFO] = &rta_cacheinfo,
	[RTA_TABLE] = NLA_XVAL_QUIET(routing_table_ids, 4),
	[RTA_MFC_STATS] = &mfc_stats,
	[RTA_ENCAP_TYPE] = NLA_XVAL(lwtunnel_encap_types, 2),
};

/* The route attributes of the message of family *@family. */
static struct nla_set rta_set(const uint8_t *family)
{
	return (struct nla_set){
		.names = &xlat_rtnl_route_attrs,
		.fns = rta_fns,
		.n = NRTA,
		.opaque = family,
		.args = rta_args,
	};
}

static void nexthop_print(const struct nl_ctx *x, const struct rtnexthop *nh)
{
	struct sr_fmt *f = x->f;

	pr_struct_begin(f);
	pr_field_u(f, "rtnh_len", nh->rtnh_len);
	pr_field(f, "rtnh_flags");
	fmt_flags(f, &xlat_route_nexthop_flags, nh->rtnh_flags);
	pr_field_u(f, "rtnh_hops", nh->rtnh_hops);
	pr_field(f, "rtnh_ifindex");
	fmt_ifindex(f, (uint32_t)nh->rtnh_ifindex);
	pr_struct_end(f);
}

/*
 * RTA_MULTIPATH: next hops, each a struct rtnexthop and the route
 * attributes its rtnh_len covers; an array when more than one.
 */
static bool rta_multipath(const struct nl_ctx *x, uint64_t off, uint64_t len, const void *opaque)
{
	const uint64_t hdr = RTNH_ALIGN(sizeof(struct rtnexthop));
	const struct nla_set s = rta_set(opaque);
	uint64_t cur = off, left = len;
	struct rtnexthop nh;
	bool array = false;

	if (len < sizeof(nh))
		return false;
	while (nl_fetch(x, cur, &nh, sizeof(nh))) {
		uint64_t nlen = nh.rtnh_len < left ? nh.rtnh_len : left;

		if (cur == off && nh.rtnh_len < len) {
			pr_array_begin(x->f);
			array = true;
		}
		if (nlen > hdr)
			pr_array_begin(x->f);
		nexthop_print(x, &nh);
		if (nlen > hdr) {
			nl_attrs(x, cur + hdr, nlen - hdr, &s);
			pr_array_end(x->f);
		}
		if (RTNH_ALIGN(nlen) >= left)
			break;
		cur += RTNH_ALIGN(nlen);
		left -= RTNH_ALIGN(nlen);
	}
	if (array)
		pr_array_end(x->f);
	return true;
}

void rtnl_rtmsg(const struct nl_ctx *x, uint64_t off, uint64_t len, uint8_t family)
{
	const struct nla_set s = rta_set(&family);
	struct sr_fmt *f = x->f;
	struct rtmsg m;
	bool attrs = false;

	pr_struct_begin(f);
	pr_field(f, "rtm_family");
	fmt_enum(f, &xlat_socket_domain, family);
	if (rtnl_struct(x, off, len, &m, sizeof(m))) {
		pr_field_u(f, "rtm_dst_len", m.rtm_dst_len);
		pr_field_u(f, "rtm_src_len", m.rtm_src_len);
		pr_field(f, "rtm_tos");
		fmt_flags(f, &xlat_ip_type_of_services, m.rtm_tos);
		pr_field(f, "rtm_table");
		rt_enum(f, &xlat_routing_table_ids, m.rtm_table, false);
		pr_field(f, "rtm_protocol");
		fmt_enum(f, &xlat_routing_protocols, m.rtm_protocol);
		pr_field(f, "rtm_scope");
		rt_enum(f, &xlat_routing_scopes, m.rtm_scope, false);
		pr_field(f, "rtm_type");
		fmt_enum(f, &xlat_routing_types, m.rtm_type);
		pr_field(f, "rtm_flags");
		fmt_flags(f, &xlat_ip_route_flags, m.rtm_flags);
		attrs = true;
	}
	pr_struct_end(f);
	if (attrs)
		rt_attrs(x, off, len, sizeof(m), &s);
}

static const struct nl_field nda_cacheinfo_fields[] = {
	NLF(struct nda_cacheinfo, ndm_confirmed, NLF_U, NULL),
	NLF(struct nda_cacheinfo, ndm_used, NLF_U, NULL),
	NLF(struct nda_cacheinfo, ndm_updated, NLF_U, NULL),
	NLF(struct nda_cacheinfo, ndm_refcnt, NLF_U, NULL),
};

static const struct nl_struct nda_cacheinfo = NL_STRUCT(struct nda_cacheinfo, nda_cacheinfo_fields);

static const nla_fn fdb_ext_fns[] = {
	[NFEA_ACTIVITY_NOTIFY] = nla_xlat,
};

static const void *const fdb_ext_args[] = {
	[NFEA_ACTIVITY_NOTIFY] = NLA_FLAGS(fdb_notify_flags, 1),
};

static const struct nla_set fdb_ext_set = {
	.names = &xlat_rtnl_neigh_fdb_ext_attrs,
	.fns = fdb_ext_fns,
	.n = sizeof(fdb_ext_fns) / sizeof(fdb_ext_fns[0]),
	.args = fdb_ext_args,
};

#define NNDA (NDA_NDM_FLAGS_MASK + 1)

static const nla_fn nda_fns[NNDA] = {
	[NDA_DST] = nla_inaddr,
	[NDA_LLADDR] = nla_hwaddr,
	[NDA_CACHEINFO] = nla_struct,
	[NDA_PROBES] = nla_u32,
	[NDA_VLAN] = nla_u16,
	[NDA_PORT] = nla_be16,
	[NDA_VNI] = nla_u32,
	[NDA_IFINDEX] = nla_ifindex,
	[NDA_MASTER] = nla_ifindex,
	[NDA_LINK_NETNSID] = nla_u32,
	[NDA_SRC_VNI] = nla_u32,
	[NDA_PROTOCOL] = nla_xlat,
	[NDA_NH_ID] = nla_u32,
	[NDA_FDB_EXT_ATTRS] = nla_nested,
	[NDA_FLAGS_EXT] = nla_xlat,
	[NDA_NDM_STATE_MASK] = nla_xlat,
	[NDA_NDM_FLAGS_MASK] = nla_xlat,
};

/* The argument of each NDA decoder; the others get the message's family. */
static const void *const nda_args[NNDA] = {
	[NDA_CACHEINFO] = &nda_cacheinfo,
	[NDA_PROTOCOL] = NLA_XVAL(inet_protos, 0),
	[NDA_FDB_EXT_ATTRS] = &fdb_ext_set,
	[NDA_FLAGS_EXT] = NLA_FLAGS(neighbor_cache_entry_ext_flags, 4),
	[NDA_NDM_STATE_MASK] = NLA_FLAGS(neighbor_cache_entry_states, 2),
	[NDA_NDM_FLAGS_MASK] = NLA_FLAGS(neighbor_cache_entry_flags, 1),
};

void rtnl_ndmsg(const struct nl_ctx *x, uint64_t off, uint64_t len, uint8_t family)
{
	const struct nla_set s = {
		.names = &xlat_rtnl_neigh_attrs,
		.fns = nda_fns,
		.n = NNDA,
		.opaque = &family,
		.args = nda_args,
	};
	struct sr_fmt *f = x->f;
	struct ndmsg m;
	bool attrs = false;

	pr_struct_begin(f);
	pr_field(f, "ndm_family");
	fmt_enum(f, &xlat_socket_domain, family);
	if (rtnl_struct(x, off, len, &m, sizeof(m))) {
		pr_field(f, "ndm_ifindex");
		fmt_ifindex(f, m.ndm_ifindex);
		pr_field(f, "ndm_state");
		fmt_flags(f, &xlat_neighbor_cache_entry_states, m.ndm_state);
		pr_field(f, "ndm_flags");
		fmt_flags(f, &xlat_neighbor_cache_entry_flags, m.ndm_flags);
		pr_field(f, "ndm_type");
		fmt_enum(f, &xlat_routing_types, m.ndm_type);
		attrs = true;
	}
	pr_struct_end(f);
	if (attrs)
		rt_attrs(x, off, len, sizeof(m), &s);
}

/* RTM_*NEIGHTBL (after struct ndtmsg, rtnl_msg.c): the neighbour tables' attributes */
static const struct nl_field ndt_config_fields[] = {
	NLF(struct ndt_config, ndtc_key_len, NLF_U, NULL),
	NLF(struct ndt_config, ndtc_entry_size, NLF_U, NULL),
	NLF(struct ndt_config, ndtc_entries, NLF_U, NULL),
	NLF(struct ndt_config, ndtc_last_flush, NLF_U, NULL),
	NLF(struct ndt_config, ndtc_last_rand, NLF_U, NULL),
	NLF(struct ndt_config, ndtc_hash_rnd, NLF_U, NULL),
	NLF(struct ndt_config, ndtc_hash_mask, NLF_X, NULL),
	NLF(struct ndt_config, ndtc_hash_chain_gc, NLF_U, NULL),
	NLF(struct ndt_config, ndtc_proxy_qlen, NLF_U, NULL),
};

static const struct nl_field ndt_stats_fields[] = {
	NLF(struct ndt_stats, ndts_allocs, NLF_U, NULL),
	NLF(struct ndt_stats, ndts_destroys, NLF_U, NULL),
	NLF(struct ndt_stats, ndts_hash_grows, NLF_U, NULL),
	NLF(struct ndt_stats, ndts_res_failed, NLF_U, NULL),
	NLF(struct ndt_stats, ndts_lookups, NLF_U, NULL),
	NLF(struct ndt_stats, ndts_hits, NLF_U, NULL),
	NLF(struct ndt_stats, ndts_rcv_probes_mcast, NLF_U, NULL),
	NLF(struct ndt_stats, ndts_rcv_probes_ucast, NLF_U, NULL),
	NLF(struct ndt_stats, ndts_periodic_gc_runs, NLF_U, NULL),
	NLF(struct ndt_stats, ndts_forced_gc_runs, NLF_U, NULL),
	NLF(struct ndt_stats, ndts_table_fulls, NLF_U, NULL),
};

static const struct nl_struct ndt_config = NL_STRUCT(struct ndt_config, ndt_config_fields);
/* older kernels' stats end with ndts_forced_gc_runs */
static const struct nl_struct ndt_stats = NL_STRUCT_MIN(
	struct ndt_stats, ndt_stats_fields, offsetof(struct ndt_stats, ndts_table_fulls));

#define NNDTPA (NDTPA_INTERVAL_PROBE_TIME_MS + 1)

static const nla_fn ndtpa_fns[NNDTPA] = {
	[NDTPA_IFINDEX] = nla_ifindex,	    [NDTPA_REFCNT] = nla_u32,
	[NDTPA_REACHABLE_TIME] = nla_u64,   [NDTPA_BASE_REACHABLE_TIME] = nla_u64,
	[NDTPA_RETRANS_TIME] = nla_u64,	    [NDTPA_GC_STALETIME] = nla_u64,
	[NDTPA_DELAY_PROBE_TIME] = nla_u64, [NDTPA_QUEUE_LEN] = nla_u32,
	[NDTPA_APP_PROBES] = nla_u32,	    [NDTPA_UCAST_PROBES] = nla_u32,
	[NDTPA_MCAST_PROBES] = nla_u32,	    [NDTPA_ANYCAST_DELAY] = nla_u64,
	[NDTPA_PROXY_DELAY] = nla_u64,	    [NDTPA_PROXY_QLEN] = nla_u32,
	[NDTPA_LOCKTIME] = nla_u64,	    [NDTPA_QUEUE_LENBYTES] = nla_u32,
	[NDTPA_MCAST_REPROBES] = nla_u32,   [NDTPA_INTERVAL_PROBE_TIME_MS] = nla_u64,
};

static const struct nla_set ndtpa_set = {
	.names = &xlat_rtnl_neightbl_parms_attrs,
	.fns = ndtpa_fns,
	.n = NNDTPA,
};

#define NNDTA (NDTA_GC_INTERVAL + 1)

static const nla_fn ndta_fns[NNDTA] = {
	[NDTA_NAME] = nla_str,	   [NDTA_THRESH1] = nla_u32,	 [NDTA_THRESH2] = nla_u32,
	[NDTA_THRESH3] = nla_u32,  [NDTA_CONFIG] = nla_struct,	 [NDTA_PARMS] = nla_nested,
	[NDTA_STATS] = nla_struct, [NDTA_GC_INTERVAL] = nla_u64,
};

static const void *const ndta_args[NNDTA] = {
	[NDTA_CONFIG] = &ndt_config,
	[NDTA_PARMS] = &ndtpa_set,
	[NDTA_STATS] = &ndt_stats,
};

const struct nla_set rtnl_neightbl_attrs = {
	.names = &xlat_rtnl_neightbl_attrs,
	.fns = ndta_fns,
	.n = NNDTA,
	.args = ndta_args,
};

/* RTM_NEWCACHEREPORT of IPv4 and IPv6 multicast routing */
#define NIPMRA (IPMRA_CREPORT_TABLE + 1)

static const nla_fn ipmra_fns[NIPMRA] = {
	[IPMRA_CREPORT_MSGTYPE] = nla_xlat,    [IPMRA_CREPORT_VIF_ID] = nla_u32,
	[IPMRA_CREPORT_SRC_ADDR] = nla_inaddr, [IPMRA_CREPORT_DST_ADDR] = nla_inaddr,
	[IPMRA_CREPORT_TABLE] = nla_u32,
};

static const uint8_t af_inet = AF_INET;

static const void *const ipmra_args[NIPMRA] = {
	[IPMRA_CREPORT_MSGTYPE] = NLA_XVAL(rtnl_ipmra_msg_types, 1),
	[IPMRA_CREPORT_SRC_ADDR] = &af_inet,
	[IPMRA_CREPORT_DST_ADDR] = &af_inet,
};

static const struct nla_set ipmra_set = {
	.names = &xlat_rtnl_ipmra_creport_attr,
	.fns = ipmra_fns,
	.n = NIPMRA,
	.args = ipmra_args,
};

#define NIP6MRA (IP6MRA_CREPORT_PKT + 1)

static const nla_fn ip6mra_fns[NIP6MRA] = {
	[IP6MRA_CREPORT_MSGTYPE] = nla_xlat,
	[IP6MRA_CREPORT_MIF_ID] = nla_u32,
	[IP6MRA_CREPORT_SRC_ADDR] = nla_in6_addr,
	[IP6MRA_CREPORT_DST_ADDR] = nla_in6_addr,
};

static const void *const ip6mra_args[NIP6MRA] = {
	[IP6MRA_CREPORT_MSGTYPE] = NLA_XVAL(rtnl_ip6mra_msg_types, 1),
};

static const struct nla_set ip6mra_set = {
	.names = &xlat_rtnl_ip6mra_creport_attr,
	.fns = ip6mra_fns,
	.n = NIP6MRA,
	.args = ip6mra_args,
};

void rtnl_cachereport(const struct nl_ctx *x, uint64_t off, uint64_t len, uint8_t family)
{
	const struct nla_set *s = family == RTNL_FAMILY_IPMR  ? &ipmra_set :
				  family == RTNL_FAMILY_IP6MR ? &ip6mra_set :
								NULL;
	uint64_t skip = NLMSG_ALIGN(sizeof(struct rtgenmsg));
	const char *n = xlat__name(&xlat_rtnl_family, family);
	struct sr_fmt *f = x->f;

	pr_struct_begin(f);
	pr_field(f, "rtgen_family");
	/* the multicast routing families first, then the address families */
	if (n)
		pr_sym(f, n, family);
	else if (xlat__name(&xlat_socket_domain, family))
		fmt_enum(f, &xlat_socket_domain, family);
	else
		fmt_enum(f, &xlat_rtnl_family, family);
	pr_struct_end(f);
	if (len <= skip)
		return;
	if (s)
		nl_attrs(x, off + skip, len - skip, s);
	else
		nl_hex(x, off + skip, len - skip);
}
