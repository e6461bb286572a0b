// SPDX-License-Identifier: GPL-2.0
/*
 * Decoders: the attributes of NETLINK_ROUTE's routing rule messages
 * (RTM_*RULE after struct fib_rule_hdr) and next hop messages
 * (RTM_*NEXTHOP after struct nhmsg), as strace 6.1 prints them: tables
 * for the one attribute walker; the structs are rtnl_msg.c's rows.
 * Address attributes get the message's family (rtnl_msg_payload()).
 */
#include <stddef.h>
#include <linux/fib_rules.h>
#include <linux/nexthop.h>

#include "decode/net.h"
#include "decode/netlink.h"

static const struct nl_field uid_range_fields[] = {
	NLF(struct fib_rule_uid_range, start, NLF_U, NULL),
	NLF(struct fib_rule_uid_range, end, NLF_U, NULL),
};

static const struct nl_field port_range_fields[] = {
	NLF(struct fib_rule_port_range, start, NLF_U, NULL),
	NLF(struct fib_rule_port_range, end, NLF_U, NULL),
};

static const struct nl_struct uid_range = NL_STRUCT(struct fib_rule_uid_range, uid_range_fields);
static const struct nl_struct port_range = NL_STRUCT(struct fib_rule_port_range, port_range_fields);

#define NFRA (FRA_DPORT_RANGE + 1)

static const nla_fn fra_fns[NFRA] = {
	[FRA_DST] = nla_inaddr,
	[FRA_SRC] = nla_inaddr,
	[FRA_IIFNAME] = nla_str,
	[FRA_GOTO] = nla_u32,
	[FRA_PRIORITY] = nla_u32,
	[FRA_FWMARK] = nla_u32,
	[FRA_FLOW] = nla_u32,
	[FRA_TUN_ID] = nla_be64,
	[FRA_SUPPRESS_IFGROUP] = nla_u32,
	[FRA_SUPPRESS_PREFIXLEN] = nla_u32,
	[FRA_TABLE] = nla_xlat,
	[FRA_FWMASK] = nla_u32,
	[FRA_OIFNAME] = nla_str,
	[FRA_L3MDEV] = nla_u8,
	[FRA_UID_RANGE] = nla_struct,
	[FRA_PROTOCOL] = nla_xlat,
	[FRA_IP_PROTO] = nla_xlat,
	[FRA_SPORT_RANGE] = nla_struct,
	[FRA_DPORT_RANGE] = nla_struct,
};

static const void *const fra_args[NFRA] = {
	[FRA_TABLE] = NLA_XVAL_QUIET(routing_table_ids, 4),
	[FRA_UID_RANGE] = &uid_range,
	[FRA_PROTOCOL] = NLA_XVAL(routing_protocols, 1),
	[FRA_IP_PROTO] = NLA_XVAL(inet_protos, 0),
	[FRA_SPORT_RANGE] = &port_range,
	[FRA_DPORT_RANGE] = &port_range,
};

const struct nla_set rtnl_rule_attrs = {
	.names = &xlat_rtnl_rule_attrs,
	.fns = fra_fns,
	.n = NFRA,
	.args = fra_args,
};

/* NHA_GROUP's members; strace shows the reserved fields only when set */
static const struct nl_field nh_grp_fields[] = {
	NLF(struct nexthop_grp, id, NLF_U, NULL),
	NLF(struct nexthop_grp, weight, NLF_U, NULL),
	/* the byte before resvd2, which newer headers call weight_high */
	{ "resvd1", offsetof(struct nexthop_grp, resvd2) - 1, 1, NLF_X_NZ, NULL, NULL },
	NLF(struct nexthop_grp, resvd2, NLF_X_NZ, NULL),
};

static const struct nl_struct nh_grp = NL_STRUCT(struct nexthop_grp, nh_grp_fields);

#define NRESG (NHA_RES_GROUP_UNBALANCED_TIME + 1)

static const nla_fn res_group_fns[NRESG] = {
	[NHA_RES_GROUP_BUCKETS] = nla_u16,
	[NHA_RES_GROUP_IDLE_TIMER] = nla_clock_t,
	[NHA_RES_GROUP_UNBALANCED_TIMER] = nla_clock_t,
	[NHA_RES_GROUP_UNBALANCED_TIME] = nla_clock_t,
};

static const struct nla_set res_group_set = {
	.names = &xlat_rtnl_nha_res_group_attrs,
	.fns = res_group_fns,
	.n = NRESG,
};

#define NRESB (NHA_RES_BUCKET_NH_ID + 1)

static const nla_fn res_bucket_fns[NRESB] = {
	[NHA_RES_BUCKET_INDEX] = nla_u16,
	[NHA_RES_BUCKET_IDLE_TIME] = nla_clock_t,
	[NHA_RES_BUCKET_NH_ID] = nla_u32,
};

static const struct nla_set res_bucket_set = {
	.names = &xlat_rtnl_nha_res_bucket_attrs,
	.fns = res_bucket_fns,
	.n = NRESB,
};

#define NNHA (NHA_RES_BUCKET + 1)

static const nla_fn nha_fns[NNHA] = {
	[NHA_ID] = nla_u32,	     [NHA_GROUP] = nla_struct_array, [NHA_GROUP_TYPE] = nla_xlat,
	[NHA_BLACKHOLE] = nla_u32,   [NHA_OIF] = nla_ifindex,	     [NHA_GATEWAY] = nla_inaddr,
	[NHA_ENCAP_TYPE] = nla_xlat, [NHA_GROUPS] = nla_u32,	     [NHA_MASTER] = nla_ifindex,
	[NHA_FDB] = nla_u32,	     [NHA_RES_GROUP] = nla_nested,   [NHA_RES_BUCKET] = nla_nested,
};

static const void *const nha_args[NNHA] = {
	[NHA_GROUP] = &nh_grp,
	[NHA_GROUP_TYPE] = NLA_XVAL(rtnl_nexthop_grp_types, 2),
	[NHA_ENCAP_TYPE] = NLA_XVAL(lwtunnel_encap_types, 2),
	[NHA_RES_GROUP] = &res_group_set,
	[NHA_RES_BUCKET] = &res_bucket_set,
};

const struct nla_set rtnl_nexthop_attrs = {
	.names = &xlat_rtnl_nexthop_attrs,
	.fns = nha_fns,
	.n = NNHA,
	.args = nha_args,
};
