// SPDX-License-Identifier: GPL-2.0
/*
 * Decoders: the attributes of NETLINK_ROUTE's multicast database messages
 * (RTM_*MDB after their struct br_port_msg), as strace 6.1 prints them:
 * MDBA_ROUTER's ports, each an ifindex followed by its nested
 * MDBA_ROUTER_PATTR attributes (timers in clock ticks, the router type).
 */
#include <linux/if_bridge.h>

#include "decode/net.h"
#include "decode/netlink.h"

/* A u8 named by the table @opaque. */
static bool nla_u8_enum(const struct nl_ctx *x, uint64_t off, uint64_t len, const void *opaque)
{
	uint8_t v;

	if (len != sizeof(v))
		return false;
	if (nl_fetch(x, off, &v, sizeof(v)))
		fmt_enum(x->f, opaque, v);
	return true;
}

#define NPATTR (MDBA_ROUTER_PATTR_INET6_TIMER + 1)

static const nla_fn pattr_fns[NPATTR] = {
	[MDBA_ROUTER_PATTR_TIMER] = nla_clock_t,
	[MDBA_ROUTER_PATTR_TYPE] = nla_u8_enum,
	[MDBA_ROUTER_PATTR_INET_TIMER] = nla_clock_t,
	[MDBA_ROUTER_PATTR_INET6_TIMER] = nla_clock_t,
};

static const void *const pattr_args[NPATTR] = {
	[MDBA_ROUTER_PATTR_TYPE] = &xlat_multicast_router_types,
};

static const struct nla_set pattr_set = {
	.names = &xlat_rtnl_mdba_router_pattr_attrs,
	.fns = pattr_fns,
	.n = NPATTR,
	.args = pattr_args,
};

/* A router port: its ifindex, then its MDBA_ROUTER_PATTR attributes. */
static bool router_port(const struct nl_ctx *x, uint64_t off, uint64_t len, const void *opaque)
{
	uint32_t ifindex;

	(void)opaque;
	if (len < sizeof(ifindex))
		return false;
	if (!nl_fetch(x, off, &ifindex, sizeof(ifindex)))
		return true;
	fmt_ifindex(x->f, ifindex);
	if (len > NLA_ALIGN(sizeof(ifindex)))
		nl_attrs(x, off + NLA_ALIGN(sizeof(ifindex)), len - NLA_ALIGN(sizeof(ifindex)),
			 &pattr_set);
	return true;
}

static const nla_fn router_fns[] = {
	[MDBA_ROUTER_PORT] = router_port,
};

static const struct nla_set router_set = {
	.names = &xlat_rtnl_mdba_router_attrs,
	.fns = router_fns,
	.n = sizeof(router_fns) / sizeof(router_fns[0]),
};

static const nla_fn mdba_fns[] = {
	[MDBA_ROUTER] = nla_nested,
};

static const void *const mdba_args[] = {
	[MDBA_ROUTER] = &router_set,
};

const struct nla_set rtnl_mdb_attrs = {
	.names = &xlat_rtnl_mdb_attrs,
	.fns = mdba_fns,
	.n = sizeof(mdba_fns) / sizeof(mdba_fns[0]),
	.args = mdba_args,
};
