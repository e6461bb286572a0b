// SPDX-License-Identifier: GPL-2.0
/*
 * Decoders: IFLA_LINKINFO, as strace 6.1 prints it: the kind of a link
 * (IFLA_INFO_KIND) or of its master (IFLA_INFO_SLAVE_KIND) chooses the set
 * its sibling IFLA_INFO_DATA, IFLA_INFO_SLAVE_DATA or IFLA_INFO_XSTATS
 * attributes are decoded with (bridge, tun, can), as the kind last seen
 * before them says.
 */
#include <string.h>
#include <sys/socket.h>
#include <net/if.h>
#include <linux/if_bridge.h>
#include <linux/if_link.h>

#include "decode/netlink.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* The kinds seen so far in one IFLA_LINKINFO. */
struct linkinfo_ctx {
	char kind[IFNAMSIZ];
	char slave_kind[IFNAMSIZ];
};

static const struct nl_field boolopt_fields[] = {
	NLF(struct br_boolopt_multi, optval, NLF_FLAGS, &xlat_rtnl_ifla_br_boolopt_flags),
	NLF(struct br_boolopt_multi, optmask, NLF_FLAGS, &xlat_rtnl_ifla_br_boolopt_flags),
};

static const struct nl_struct boolopt = NL_STRUCT(struct br_boolopt_multi, boolopt_fields);

static const uint8_t af_inet = AF_INET;

#define NQUERIER (BRIDGE_QUERIER_IPV6_OTHER_TIMER + 1)

static const nla_fn querier_fns[NQUERIER] = {
	[BRIDGE_QUERIER_IP_ADDRESS] = nla_inaddr,
	[BRIDGE_QUERIER_IP_PORT] = nla_ifindex,
	[BRIDGE_QUERIER_IP_OTHER_TIMER] = nla_clock_t,
	[BRIDGE_QUERIER_IPV6_ADDRESS] = nla_in6_addr,
	[BRIDGE_QUERIER_IPV6_PORT] = nla_ifindex,
	[BRIDGE_QUERIER_IPV6_OTHER_TIMER] = nla_clock_t,
};

static const void *const querier_args[NQUERIER] = {
	[BRIDGE_QUERIER_IP_ADDRESS] = &af_inet,
};

static const struct nla_set querier_set = {
	&xlat_rtnl_ifla_br_mcast_querier_attrs, querier_fns, NQUERIER, NULL, querier_args,
};

#define NBR (IFLA_BR_MCAST_QUERIER_STATE + 1)

static const nla_fn bridge_fns[NBR] = {
	[IFLA_BR_FORWARD_DELAY] = nla_clock_t,
	[IFLA_BR_HELLO_TIME] = nla_clock_t,
	[IFLA_BR_MAX_AGE] = nla_clock_t,
	[IFLA_BR_AGEING_TIME] = nla_clock_t,
	[IFLA_BR_STP_STATE] = nla_u32,
	[IFLA_BR_PRIORITY] = nla_u16,
	[IFLA_BR_VLAN_FILTERING] = nla_u8,
	[IFLA_BR_VLAN_PROTOCOL] = nla_xlat,
	[IFLA_BR_GROUP_FWD_MASK] = nla_x16,
	[IFLA_BR_ROOT_ID] = nla_struct,
	[IFLA_BR_BRIDGE_ID] = nla_struct,
	[IFLA_BR_ROOT_PORT] = nla_u16,
	[IFLA_BR_ROOT_PATH_COST] = nla_u32,
	[IFLA_BR_TOPOLOGY_CHANGE] = nla_u8,
	[IFLA_BR_TOPOLOGY_CHANGE_DETECTED] = nla_u8,
	[IFLA_BR_HELLO_TIMER] = nla_clock_t,
	[IFLA_BR_TCN_TIMER] = nla_clock_t,
	[IFLA_BR_TOPOLOGY_CHANGE_TIMER] = nla_clock_t,
	[IFLA_BR_GC_TIMER] = nla_clock_t,
	[IFLA_BR_GROUP_ADDR] = nla_hwaddr,
	[IFLA_BR_MCAST_ROUTER] = nla_u8,
	[IFLA_BR_MCAST_SNOOPING] = nla_u8,
	[IFLA_BR_MCAST_QUERY_USE_IFADDR] = nla_u8,
	[IFLA_BR_MCAST_QUERIER] = nla_u8,
	[IFLA_BR_MCAST_HASH_ELASTICITY] = nla_u32,
	[IFLA_BR_MCAST_HASH_MAX] = nla_u32,
	[IFLA_BR_MCAST_LAST_MEMBER_CNT] = nla_u32,
	[IFLA_BR_MCAST_STARTUP_QUERY_CNT] = nla_u32,
	[IFLA_BR_MCAST_LAST_MEMBER_INTVL] = nla_clock_t,
	[IFLA_BR_MCAST_MEMBERSHIP_INTVL] = nla_clock_t,
	[IFLA_BR_MCAST_QUERIER_INTVL] = nla_clock_t,
	[IFLA_BR_MCAST_QUERY_INTVL] = nla_clock_t,
	[IFLA_BR_MCAST_QUERY_RESPONSE_INTVL] = nla_clock_t,
	[IFLA_BR_MCAST_STARTUP_QUERY_INTVL] = nla_clock_t,
	[IFLA_BR_NF_CALL_IPTABLES] = nla_u8,
	[IFLA_BR_NF_CALL_IP6TABLES] = nla_u8,
	[IFLA_BR_NF_CALL_ARPTABLES] = nla_u8,
	[IFLA_BR_VLAN_DEFAULT_PVID] = nla_u16,
	[IFLA_BR_VLAN_STATS_ENABLED] = nla_u8,
	[IFLA_BR_MCAST_STATS_ENABLED] = nla_u8,
	[IFLA_BR_MCAST_IGMP_VERSION] = nla_u8,
	[IFLA_BR_MCAST_MLD_VERSION] = nla_u8,
	[IFLA_BR_VLAN_STATS_PER_PORT] = nla_u8,
	[IFLA_BR_MULTI_BOOLOPT] = nla_struct,
	[IFLA_BR_MCAST_QUERIER_STATE] = nla_nested,
};

static const void *const bridge_args[NBR] = {
	[IFLA_BR_VLAN_PROTOCOL] = NLA_XVAL_BE16(ethernet_protocols),
	[IFLA_BR_ROOT_ID] = &rtnl_bridge_id,
	[IFLA_BR_BRIDGE_ID] = &rtnl_bridge_id,
	[IFLA_BR_MULTI_BOOLOPT] = &boolopt,
	[IFLA_BR_MCAST_QUERIER_STATE] = &querier_set,
};

static const struct nla_set bridge_set = {
	&xlat_rtnl_ifla_info_data_bridge_attrs, bridge_fns, NBR, NULL, bridge_args,
};

#define NTUN (IFLA_TUN_NUM_DISABLED_QUEUES + 1)

static const nla_fn tun_fns[NTUN] = {
	[IFLA_TUN_OWNER] = nla_uid,
	[IFLA_TUN_GROUP] = nla_uid,
	[IFLA_TUN_TYPE] = nla_xlat,
	[IFLA_TUN_PI] = nla_u8,
	[IFLA_TUN_VNET_HDR] = nla_u8,
	[IFLA_TUN_PERSIST] = nla_u8,
	[IFLA_TUN_MULTI_QUEUE] = nla_u8,
	[IFLA_TUN_NUM_QUEUES] = nla_u32,
	[IFLA_TUN_NUM_DISABLED_QUEUES] = nla_u32,
};

static const void *const tun_args[NTUN] = {
	[IFLA_TUN_TYPE] = NLA_XVAL(tun_device_types, 1),
};

static const struct nla_set tun_set = {
	&xlat_rtnl_ifla_info_data_tun_attrs, tun_fns, NTUN, NULL, tun_args,
};

/* struct can_device_stats (linux/can/netlink.h), which not every libc's headers carry */
struct can_stats {
	uint32_t bus_error;
	uint32_t error_warning;
	uint32_t error_passive;
	uint32_t bus_off;
	uint32_t arbitration_lost;
	uint32_t restarts;
};

static const struct nl_field can_fields[] = {
	NLF(struct can_stats, bus_error, NLF_U, NULL),
	NLF(struct can_stats, error_warning, NLF_U, NULL),
	NLF(struct can_stats, error_passive, NLF_U, NULL),
	NLF(struct can_stats, bus_off, NLF_U, NULL),
	NLF(struct can_stats, arbitration_lost, NLF_U, NULL),
	NLF(struct can_stats, restarts, NLF_U, NULL),
};

static const struct nl_struct can_xstats = NL_STRUCT(struct can_stats, can_fields);

/*
 * A kind as strace's update_ctx_str() keeps it: the payload when it ends
 * within the buffer, with its NUL or without; else none.
 */
static void kind_keep(const struct nl_ctx *x, uint64_t off, uint64_t len, char *dst, size_t size)
{
	const char *p = nl_at(x, off, len);

	memset(dst, 0, size);
	if (len >= size || !p)
		return;
	memcpy(dst, p, len);
	if (strnlen(dst, size) > len)
		dst[0] = '\0';
}

static bool info_kind(const struct nl_ctx *x, uint64_t off, uint64_t len, const void *opaque)
{
	/* the context is this walk's own (linkinfo()) */
	struct linkinfo_ctx *ctx = (struct linkinfo_ctx *)opaque;

	kind_keep(x, off, len, ctx->kind, sizeof(ctx->kind));
	return nla_str0(x, off, len, NULL);
}

static bool info_slave_kind(const struct nl_ctx *x, uint64_t off, uint64_t len, const void *opaque)
{
	struct linkinfo_ctx *ctx = (struct linkinfo_ctx *)opaque;

	kind_keep(x, off, len, ctx->slave_kind, sizeof(ctx->slave_kind));
	return nla_str0(x, off, len, NULL);
}

static bool info_data(const struct nl_ctx *x, uint64_t off, uint64_t len, const void *opaque)
{
	const struct linkinfo_ctx *ctx = opaque;

	if (!strcmp(ctx->kind, "bridge"))
		return nla_nested(x, off, len, &bridge_set);
	if (!strcmp(ctx->kind, "tun"))
		return nla_nested(x, off, len, &tun_set);
	return false;
}

static bool info_xstats(const struct nl_ctx *x, uint64_t off, uint64_t len, const void *opaque)
{
	const struct linkinfo_ctx *ctx = opaque;

	return !strcmp(ctx->kind, "can") && nla_struct(x, off, len, &can_xstats);
}

static bool info_slave_data(const struct nl_ctx *x, uint64_t off, uint64_t len, const void *opaque)
{
	const struct linkinfo_ctx *ctx = opaque;

	return !strcmp(ctx->slave_kind, "bridge") && nla_nested(x, off, len, &rtnl_brport_attrs);
}

static const nla_fn info_fns[] = {
	[IFLA_INFO_KIND] = info_kind,
	[IFLA_INFO_DATA] = info_data,
	[IFLA_INFO_XSTATS] = info_xstats,
	[IFLA_INFO_SLAVE_KIND] = info_slave_kind,
	[IFLA_INFO_SLAVE_DATA] = info_slave_data,
};

bool rtnl_linkinfo(const struct nl_ctx *x, uint64_t off, uint64_t len, const void *opaque)
{
	struct linkinfo_ctx ctx = { "" };
	const struct nla_set s = {
		&xlat_rtnl_ifla_info_attrs,
		info_fns,
		NELEM(info_fns),
		&ctx,
	};

	(void)opaque;
	nl_attrs(x, off, len, &s);
	return true;
}
