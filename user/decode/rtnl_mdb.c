// SPDX-License-Identifier: GPL-2.0
/*
 * Decoders: the attributes of NETLINK_ROUTE's multicast database messages
 * (RTM_*MDB after their struct br_port_msg), as strace 6.1 prints them:
 * MDBA_ROUTER's ports, each an ifindex followed by its nested
 * MDBA_ROUTER_PATTR attributes (timers in clock ticks, the router type),
 * and MDBA_MDB's entries (struct br_mdb_entry and its timer).
 */
#include <sys/socket.h>
#include <arpa/inet.h>
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

static const nla_fn eattr_fns[] = {
	[MDBA_MDB_EATTR_TIMER] = nla_clock_t,
};

static const struct nla_set eattr_set = {
	.names = &xlat_rtnl_mdba_mdb_eattr_attrs,
	.fns = eattr_fns,
	.n = sizeof(eattr_fns) / sizeof(eattr_fns[0]),
};

/* The group's address: of the family its proto field names, or its bytes. */
static void mdb_addr(struct sr_fmt *f, const struct br_mdb_entry *e)
{
	uint16_t proto = ntohs(e->addr.proto);

	pr_field(f, "addr");
	pr_struct_begin(f);
	if (proto == AF_INET) {
		pr_field(f, "u");
		fmt_inet4(f, &e->addr.u);
	} else if (proto == AF_INET6) {
		fmt_inet6(f, &e->addr.u, "u");
	} else {
		pr_field(f, "u");
		pr_str(f, &e->addr.u, sizeof(e->addr.u), sizeof(e->addr.u), SR_Q_HEX);
	}
	pr_field(f, "proto");
	pr_call_begin(f, "htons");
	fmt_enum(f, &xlat_socket_domain, proto);
	pr_call_end(f);
	pr_struct_end(f);
}

/* MDBA_MDB_ENTRY_INFO: struct br_mdb_entry, then its MDBA_MDB_EATTR attributes. */
static bool mdb_entry_info(const struct nl_ctx *x, uint64_t off, uint64_t len, const void *opaque)
{
	uint64_t skip = NLMSG_ALIGN(sizeof(struct br_mdb_entry));
	struct sr_fmt *f = x->f;
	struct br_mdb_entry e;

	(void)opaque;
	if (len < sizeof(e))
		return false;
	if (nl_fetch(x, off, &e, sizeof(e))) {
		pr_struct_begin(f);
		pr_field(f, "ifindex");
		fmt_ifindex(f, e.ifindex);
		pr_field(f, "state");
		fmt_enum(f, &xlat_mdb_states, e.state);
		pr_field(f, "flags");
		fmt_flags(f, &xlat_mdb_flags, e.flags);
		pr_field_u(f, "vid", e.vid);
		mdb_addr(f, &e);
		pr_struct_end(f);
	}
	if (len > skip)
		nl_attrs(x, off + skip, len - skip, &eattr_set);
	return true;
}

static const nla_fn entry_fns[] = {
	[MDBA_MDB_ENTRY_INFO] = mdb_entry_info,
};

static const struct nla_set entry_set = {
	.names = &xlat_rtnl_mdba_mdb_entry_attrs,
	.fns = entry_fns,
	.n = sizeof(entry_fns) / sizeof(entry_fns[0]),
};

static const nla_fn mdb_fns[] = {
	[MDBA_MDB_ENTRY] = nla_nested,
};

static const struct nla_set mdb_set = {
	.names = &xlat_rtnl_mdba_mdb_attrs,
	.fns = mdb_fns,
	.n = sizeof(mdb_fns) / sizeof(mdb_fns[0]),
	.opaque = &entry_set,
};

static const nla_fn mdba_fns[] = {
	[MDBA_MDB] = nla_nested,
	[MDBA_ROUTER] = nla_nested,
};

static const void *const mdba_args[] = {
	[MDBA_MDB] = &mdb_set,
	[MDBA_ROUTER] = &router_set,
};

const struct nla_set rtnl_mdb_attrs = {
	.names = &xlat_rtnl_mdb_attrs,
	.fns = mdba_fns,
	.n = sizeof(mdba_fns) / sizeof(mdba_fns[0]),
	.args = mdba_args,
};
