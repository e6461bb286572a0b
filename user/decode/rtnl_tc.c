// SPDX-License-Identifier: GPL-2.0
/*
 * Decoders: the attributes of NETLINK_ROUTE's traffic control messages
 * (RTM_*QDISC, *TCLASS, *TFILTER, *CHAIN after their struct tcmsg), as
 * strace 6.1 prints them: TCA_KIND's name, TCA_STATS2's nested statistics
 * (gnet_stats_*), TCA_STAB's size table, the older TCA_STATS and TCA_RATE structs. Nested sets go through the one
 * attribute walker (nl_attrs(), nla_nested()).
 */
#include <stddef.h>
#include <linux/gen_stats.h>
#include <linux/pkt_cls.h>
#include <linux/pkt_sched.h>
#include <linux/rtnetlink.h>

#include "decode/net.h"
#include "decode/netlink.h"

static const struct nl_field basic_fields[] = {
	NLF(struct gnet_stats_basic, bytes, NLF_U, NULL),
	NLF(struct gnet_stats_basic, packets, NLF_U, NULL),
};

static const struct nl_field rate_est_fields[] = {
	NLF(struct gnet_stats_rate_est, bps, NLF_U, NULL),
	NLF(struct gnet_stats_rate_est, pps, NLF_U, NULL),
};

static const struct nl_field queue_fields[] = {
	NLF(struct gnet_stats_queue, qlen, NLF_U, NULL),
	NLF(struct gnet_stats_queue, backlog, NLF_U, NULL),
	NLF(struct gnet_stats_queue, drops, NLF_U, NULL),
	NLF(struct gnet_stats_queue, requeues, NLF_U, NULL),
	NLF(struct gnet_stats_queue, overlimits, NLF_U, NULL),
};

static const struct nl_field rate_est64_fields[] = {
	NLF(struct gnet_stats_rate_est64, bps, NLF_U, NULL),
	NLF(struct gnet_stats_rate_est64, pps, NLF_U, NULL),
};

/* gnet_stats_basic up to its last field: strace asks for no more (12 bytes, not 16) */
static const struct nl_struct basic_struct =
	NL_STRUCT_N(offsetof(struct gnet_stats_basic, packets) +
			    sizeof(((struct gnet_stats_basic *)0)->packets),
		    basic_fields);
static const struct nl_struct rate_est_struct =
	NL_STRUCT(struct gnet_stats_rate_est, rate_est_fields);
static const struct nl_struct queue_struct = NL_STRUCT(struct gnet_stats_queue, queue_fields);
static const struct nl_struct rate_est64_struct =
	NL_STRUCT(struct gnet_stats_rate_est64, rate_est64_fields);

#define NSTATS (TCA_STATS_PKT64 + 1)

static const nla_fn stats_fns[NSTATS] = {
	[TCA_STATS_BASIC] = nla_struct,	   [TCA_STATS_RATE_EST] = nla_struct,
	[TCA_STATS_QUEUE] = nla_struct,	   [TCA_STATS_RATE_EST64] = nla_struct,
	[TCA_STATS_BASIC_HW] = nla_struct, [TCA_STATS_PKT64] = nla_u64,
};

static const void *const stats_args[NSTATS] = {
	[TCA_STATS_BASIC] = &basic_struct,    [TCA_STATS_RATE_EST] = &rate_est_struct,
	[TCA_STATS_QUEUE] = &queue_struct,    [TCA_STATS_RATE_EST64] = &rate_est64_struct,
	[TCA_STATS_BASIC_HW] = &basic_struct,
};

static const struct nla_set stats_set = {
	.names = &xlat_rtnl_tca_stats_attrs,
	.fns = stats_fns,
	.n = NSTATS,
	.args = stats_args,
};

static const struct nl_field sizespec_fields[] = {
	NLF(struct tc_sizespec, cell_log, NLF_U, NULL),
	NLF(struct tc_sizespec, size_log, NLF_U, NULL),
	NLF(struct tc_sizespec, cell_align, NLF_D, NULL),
	NLF(struct tc_sizespec, overhead, NLF_D, NULL),
	NLF(struct tc_sizespec, linklayer, NLF_U, NULL),
	NLF(struct tc_sizespec, mpu, NLF_U, NULL),
	NLF(struct tc_sizespec, mtu, NLF_U, NULL),
	NLF(struct tc_sizespec, tsize, NLF_U, NULL),
};

static const struct nl_struct sizespec_struct = NL_STRUCT(struct tc_sizespec, sizespec_fields);

#define NSTAB (TCA_STAB_DATA + 1)

static const nla_fn stab_fns[NSTAB] = {
	[TCA_STAB_BASE] = nla_struct,
	[TCA_STAB_DATA] = nla_u16_array,
};

static const void *const stab_args[NSTAB] = {
	[TCA_STAB_BASE] = &sizespec_struct,
};

static const struct nla_set stab_set = {
	.names = &xlat_rtnl_tca_stab_attrs,
	.fns = stab_fns,
	.n = NSTAB,
	.args = stab_args,
};

static const struct nl_field tc_stats_fields[] = {
	NLF(struct tc_stats, bytes, NLF_U, NULL), NLF(struct tc_stats, packets, NLF_U, NULL),
	NLF(struct tc_stats, drops, NLF_U, NULL), NLF(struct tc_stats, overlimits, NLF_U, NULL),
	NLF(struct tc_stats, bps, NLF_U, NULL),	  NLF(struct tc_stats, pps, NLF_U, NULL),
	NLF(struct tc_stats, qlen, NLF_U, NULL),  NLF(struct tc_stats, backlog, NLF_U, NULL),
};

/* up to its last field, as strace asks (36 bytes, not 40) */
static const struct nl_struct tc_stats_struct =
	NL_STRUCT_N(offsetof(struct tc_stats, backlog) + sizeof(__u32), tc_stats_fields);

static const struct nl_field estimator_fields[] = {
	NLF(struct tc_estimator, interval, NLF_D, NULL),
	NLF(struct tc_estimator, ewma_log, NLF_U, NULL),
};

static const struct nl_struct estimator_struct = NL_STRUCT(struct tc_estimator, estimator_fields);

#define NTCA (TCA_EGRESS_BLOCK + 1)

static const nla_fn tca_fns[NTCA] = {
	[TCA_KIND] = nla_str,	       [TCA_STATS] = nla_struct,     [TCA_RATE] = nla_struct,
	[TCA_FCNT] = nla_u32,	       [TCA_CHAIN] = nla_u32,	     [TCA_HW_OFFLOAD] = nla_u8,
	[TCA_INGRESS_BLOCK] = nla_u32, [TCA_EGRESS_BLOCK] = nla_u32, [TCA_STATS2] = nla_nested,
	[TCA_STAB] = nla_nested,
};

static const void *const tca_args[NTCA] = {
	[TCA_STATS] = &tc_stats_struct,
	[TCA_RATE] = &estimator_struct,
	[TCA_STATS2] = &stats_set,
	[TCA_STAB] = &stab_set,
};

const struct nla_set rtnl_tc_attrs = {
	.names = &xlat_rtnl_tc_attrs,
	.fns = tca_fns,
	.n = NTCA,
	.args = tca_args,
};

/* RTM_*ACTION, after struct tcamsg: one action's attributes */
#define NTCA_ACT (TCA_ACT_IN_HW_COUNT + 1)

static const nla_fn tca_act_fns[NTCA_ACT] = {
	[TCA_ACT_KIND] = nla_str,	 [TCA_ACT_INDEX] = nla_u32,
	[TCA_ACT_STATS] = nla_nested,	 [TCA_ACT_FLAGS] = nla_xlat,
	[TCA_ACT_HW_STATS] = nla_xlat,	 [TCA_ACT_USED_HW_STATS] = nla_xlat,
	[TCA_ACT_IN_HW_COUNT] = nla_u32,
};

static const void *const tca_act_args[NTCA_ACT] = {
	[TCA_ACT_STATS] = &stats_set,
	[TCA_ACT_FLAGS] = NLA_FLAGS(rtnl_tca_act_flags, 4),
	[TCA_ACT_HW_STATS] = NLA_FLAGS(rtnl_tca_act_hw_stats, 4),
	[TCA_ACT_USED_HW_STATS] = NLA_FLAGS(rtnl_tca_act_hw_stats, 4),
};

const struct nla_set rtnl_tca_act_attrs = {
	.names = &xlat_rtnl_tc_action_attrs,
	.fns = tca_act_fns,
	.n = NTCA_ACT,
	.args = tca_act_args,
};
