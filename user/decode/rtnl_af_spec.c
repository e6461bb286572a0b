// SPDX-License-Identifier: GPL-2.0
/*
 * Decoders: IFLA_AF_SPEC, as strace 6.1 prints it: for an AF_BRIDGE link
 * message the bridge's attributes (IFLA_BRIDGE_*), for the others
 * attributes whose types are address families, each with its own set
 * (AF_INET's devconf array, AF_INET6's state, AF_MCTP's network), the
 * other families' payloads as bytes.
 */
#include <sys/socket.h>
#include <linux/if_bridge.h>
#include <linux/if_link.h>

#include "decode/netlink.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static const nla_fn inet_fns[] = {
	[IFLA_INET_CONF] = nla_indexed,
};

static const struct nla_set inet_set = {
	&xlat_rtnl_ifla_af_spec_inet_attrs,
	inet_fns,
	NELEM(inet_fns),
	NLA_IDX(inet_devconf_indices, 4, true),
};

static const nla_fn mctp_fns[] = {
	[IFLA_MCTP_NET] = nla_u32,
};

static const struct nla_set mctp_set = {
	&xlat_rtnl_ifla_af_spec_mctp_attrs,
	mctp_fns,
	NELEM(mctp_fns),
};

static const struct nla_by_af af_sets[] = {
	{ AF_INET, &inet_set },
	{ AF_INET6, &rtnl_inet6_attrs },
	{ AF_MCTP, &mctp_set },
};

static const struct nla_set af_set = {
	.names = &xlat_socket_domain,
	.by_af = af_sets,
	.n_af = NELEM(af_sets),
};

static const nla_fn tunnel_fns[] = {
	[IFLA_BRIDGE_VLAN_TUNNEL_ID] = nla_u32,
	[IFLA_BRIDGE_VLAN_TUNNEL_VID] = nla_u16,
	[IFLA_BRIDGE_VLAN_TUNNEL_FLAGS] = nla_xlat,
};

static const void *const tunnel_args[NELEM(tunnel_fns)] = {
	[IFLA_BRIDGE_VLAN_TUNNEL_FLAGS] = NLA_FLAGS(bridge_vlan_flags, 2),
};

static const struct nla_set tunnel_set = {
	&xlat_rtnl_ifla_af_spec_bridge_vlan_tunnel_info_attrs,
	tunnel_fns,
	NELEM(tunnel_fns),
	NULL,
	tunnel_args,
};

static const struct nl_field vlan_info_fields[] = {
	NLF(struct bridge_vlan_info, flags, NLF_FLAGS, &xlat_bridge_vlan_flags),
	NLF(struct bridge_vlan_info, vid, NLF_U, NULL),
};

static const struct nl_struct vlan_info = NL_STRUCT_TAIL(struct bridge_vlan_info, vlan_info_fields);

static const nla_fn bridge_fns[] = {
	[IFLA_BRIDGE_FLAGS] = nla_xlat,
	[IFLA_BRIDGE_MODE] = nla_xlat,
	[IFLA_BRIDGE_VLAN_INFO] = nla_struct,
	[IFLA_BRIDGE_VLAN_TUNNEL_INFO] = nla_nested,
};

static const void *const bridge_args[NELEM(bridge_fns)] = {
	[IFLA_BRIDGE_FLAGS] = NLA_FLAGS(rtnl_ifla_bridge_flags, 2),
	[IFLA_BRIDGE_MODE] = NLA_XVAL(rtnl_ifla_bridge_modes, 2),
	[IFLA_BRIDGE_VLAN_INFO] = &vlan_info,
	[IFLA_BRIDGE_VLAN_TUNNEL_INFO] = &tunnel_set,
};

static const struct nla_set bridge_set = {
	&xlat_rtnl_ifla_af_spec_bridge_attrs, bridge_fns, NELEM(bridge_fns), NULL, bridge_args,
};

bool rtnl_af_spec(const struct nl_ctx *x, uint64_t off, uint64_t len, const void *opaque)
{
	uint8_t family = *(const uint8_t *)opaque;

	/* a bridge's own attributes, as if_bridge.h describes them */
	nl_attrs(x, off, len, family == AF_BRIDGE ? &bridge_set : &af_set);
	return true;
}
