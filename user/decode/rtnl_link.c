// SPDX-License-Identifier: GPL-2.0
/*
 * Decoders: NETLINK_ROUTE's link messages (RTM_*LINK), as strace 6.1 prints
 * them: struct ifinfomsg, then its IFLA_* attributes and their nested sets
 * (IFLA_LINKINFO, IFLA_VFINFO_LIST, IFLA_VF_PORTS, IFLA_PORT_SELF, IFLA_XDP,
 * IFLA_PROTINFO by the message's family, IFLA_PROP_LIST), all tables for
 * the one attribute walker (nl_attrs()).
 */
#include <stddef.h>
#include <sys/socket.h>
#include <linux/if_link.h>
#include <linux/rtnetlink.h>

#include "decode/net.h"
#include "decode/netlink.h"

#define STATS_FIELD(type, name) NLF(type, name, NLF_U, NULL)
#define LINK_STATS(type)                                                                           \
	STATS_FIELD(type, rx_packets), STATS_FIELD(type, tx_packets), STATS_FIELD(type, rx_bytes), \
		STATS_FIELD(type, tx_bytes), STATS_FIELD(type, rx_errors),                         \
		STATS_FIELD(type, tx_errors), STATS_FIELD(type, rx_dropped),                       \
		STATS_FIELD(type, tx_dropped), STATS_FIELD(type, multicast),                       \
		STATS_FIELD(type, collisions), STATS_FIELD(type, rx_length_errors),                \
		STATS_FIELD(type, rx_over_errors), STATS_FIELD(type, rx_crc_errors),               \
		STATS_FIELD(type, rx_frame_errors), STATS_FIELD(type, rx_fifo_errors),             \
		STATS_FIELD(type, rx_missed_errors), STATS_FIELD(type, tx_aborted_errors),         \
		STATS_FIELD(type, tx_carrier_errors), STATS_FIELD(type, tx_fifo_errors),           \
		STATS_FIELD(type, tx_heartbeat_errors), STATS_FIELD(type, tx_window_errors),       \
		STATS_FIELD(type, rx_compressed), STATS_FIELD(type, tx_compressed),                \
		STATS_FIELD(type, rx_nohandler)

#define ENDOF(type, field) (offsetof(type, field) + sizeof(((type *)0)->field))

static const struct nl_field stats_fields[] = { LINK_STATS(struct rtnl_link_stats) };
static const struct nl_field stats64_fields[] = {
	LINK_STATS(struct rtnl_link_stats64),
	STATS_FIELD(struct rtnl_link_stats64, rx_otherhost_dropped),
};

/* older kernels' stats end with tx_compressed */
static const struct nl_struct stats_struct = NL_STRUCT_MIN(
	struct rtnl_link_stats, stats_fields, ENDOF(struct rtnl_link_stats, tx_compressed));
const struct nl_struct rtnl_link_stats64 = NL_STRUCT_MIN(
	struct rtnl_link_stats64, stats64_fields, ENDOF(struct rtnl_link_stats64, tx_compressed));

static const struct nl_field ifmap_fields[] = {
	NLF(struct rtnl_link_ifmap, mem_start, NLF_X, NULL),
	NLF(struct rtnl_link_ifmap, mem_end, NLF_X, NULL),
	NLF(struct rtnl_link_ifmap, base_addr, NLF_X, NULL),
	NLF(struct rtnl_link_ifmap, irq, NLF_U, NULL),
	NLF(struct rtnl_link_ifmap, dma, NLF_U, NULL),
	NLF(struct rtnl_link_ifmap, port, NLF_U, NULL),
};

/* up to its last field: strace asks for no padding */
static const struct nl_struct ifmap_struct =
	NL_STRUCT_N(ENDOF(struct rtnl_link_ifmap, port), ifmap_fields);

/* IFLA_VF_INFO's structs */
static const struct nl_field vf_mac_fields[] = {
	NLF(struct ifla_vf_mac, vf, NLF_U, NULL),
	NLF(struct ifla_vf_mac, mac, NLF_MAC, NULL),
};
static const struct nl_field vf_vlan_fields[] = {
	NLF(struct ifla_vf_vlan, vf, NLF_U, NULL),
	NLF(struct ifla_vf_vlan, vlan, NLF_U, NULL),
	NLF(struct ifla_vf_vlan, qos, NLF_U, NULL),
};
static const struct nl_field vf_tx_rate_fields[] = {
	NLF(struct ifla_vf_tx_rate, vf, NLF_U, NULL),
	NLF(struct ifla_vf_tx_rate, rate, NLF_U, NULL),
};
static const struct nl_field vf_setting_fields[] = {
	NLF(struct ifla_vf_spoofchk, vf, NLF_U, NULL),
	NLF(struct ifla_vf_spoofchk, setting, NLF_U, NULL),
};
static const struct nl_field vf_link_state_fields[] = {
	NLF(struct ifla_vf_link_state, vf, NLF_U, NULL),
	NLF(struct ifla_vf_link_state, link_state, NLF_ENUM, &xlat_rtnl_ifla_vf_link_states),
};
static const struct nl_field vf_rate_fields[] = {
	NLF(struct ifla_vf_rate, vf, NLF_U, NULL),
	NLF(struct ifla_vf_rate, min_tx_rate, NLF_U, NULL),
	NLF(struct ifla_vf_rate, max_tx_rate, NLF_U, NULL),
};
static const struct nl_field vf_guid_fields[] = {
	NLF(struct ifla_vf_guid, vf, NLF_U, NULL),
	NLF(struct ifla_vf_guid, guid, NLF_X, NULL),
};
static const struct nl_field vf_vlan_info_fields[] = {
	NLF(struct ifla_vf_vlan_info, vf, NLF_U, NULL),
	NLF(struct ifla_vf_vlan_info, vlan, NLF_U, NULL),
	NLF(struct ifla_vf_vlan_info, qos, NLF_U, NULL),
	NLF(struct ifla_vf_vlan_info, vlan_proto, NLF_HTONS, &xlat_ethernet_protocols),
};
static const struct nl_field vf_broadcast_fields[] = {
	NLF(struct ifla_vf_broadcast, broadcast, NLF_MAC, NULL),
};

_Static_assert(sizeof(struct ifla_vf_spoofchk) == sizeof(struct ifla_vf_trust) &&
		       sizeof(struct ifla_vf_spoofchk) == sizeof(struct ifla_vf_rss_query_en),
	       "the {vf, setting} structs share one table");

static const struct nl_struct vf_mac = NL_STRUCT(struct ifla_vf_mac, vf_mac_fields);
static const struct nl_struct vf_vlan = NL_STRUCT(struct ifla_vf_vlan, vf_vlan_fields);
static const struct nl_struct vf_tx_rate = NL_STRUCT(struct ifla_vf_tx_rate, vf_tx_rate_fields);
static const struct nl_struct vf_setting = NL_STRUCT(struct ifla_vf_spoofchk, vf_setting_fields);
static const struct nl_struct vf_link_state =
	NL_STRUCT(struct ifla_vf_link_state, vf_link_state_fields);
static const struct nl_struct vf_rate = NL_STRUCT(struct ifla_vf_rate, vf_rate_fields);
static const struct nl_struct vf_guid = NL_STRUCT(struct ifla_vf_guid, vf_guid_fields);
static const struct nl_struct vf_vlan_info =
	NL_STRUCT(struct ifla_vf_vlan_info, vf_vlan_info_fields);
static const struct nl_struct vf_broadcast =
	NL_STRUCT(struct ifla_vf_broadcast, vf_broadcast_fields);

#define NVFSTATS (IFLA_VF_STATS_TX_DROPPED + 1)

static const nla_fn vf_stats_fns[NVFSTATS] = {
	[IFLA_VF_STATS_RX_PACKETS] = nla_u64, [IFLA_VF_STATS_TX_PACKETS] = nla_u64,
	[IFLA_VF_STATS_RX_BYTES] = nla_u64,   [IFLA_VF_STATS_TX_BYTES] = nla_u64,
	[IFLA_VF_STATS_BROADCAST] = nla_u64,  [IFLA_VF_STATS_MULTICAST] = nla_u64,
	[IFLA_VF_STATS_RX_DROPPED] = nla_u64, [IFLA_VF_STATS_TX_DROPPED] = nla_u64,
};

static const struct nla_set vf_stats_set = {
	.names = &xlat_rtnl_ifla_vf_stats_attrs,
	.fns = vf_stats_fns,
	.n = NVFSTATS,
};

static const nla_fn vf_vlan_list_fns[] = {
	[IFLA_VF_VLAN_INFO] = nla_struct,
};

static const void *const vf_vlan_list_args[] = {
	[IFLA_VF_VLAN_INFO] = &vf_vlan_info,
};

static const struct nla_set vf_vlan_list_set = {
	.names = &xlat_rtnl_ifla_vf_vlan_list_attrs,
	.fns = vf_vlan_list_fns,
	.n = sizeof(vf_vlan_list_fns) / sizeof(vf_vlan_list_fns[0]),
	.args = vf_vlan_list_args,
};

#define NVF (IFLA_VF_BROADCAST + 1)

static const nla_fn vf_info_fns[NVF] = {
	[IFLA_VF_MAC] = nla_struct,	     [IFLA_VF_VLAN] = nla_struct,
	[IFLA_VF_TX_RATE] = nla_struct,	     [IFLA_VF_SPOOFCHK] = nla_struct,
	[IFLA_VF_LINK_STATE] = nla_struct,   [IFLA_VF_RATE] = nla_struct,
	[IFLA_VF_RSS_QUERY_EN] = nla_struct, [IFLA_VF_STATS] = nla_nested,
	[IFLA_VF_TRUST] = nla_struct,	     [IFLA_VF_IB_NODE_GUID] = nla_struct,
	[IFLA_VF_IB_PORT_GUID] = nla_struct, [IFLA_VF_VLAN_LIST] = nla_nested,
	[IFLA_VF_BROADCAST] = nla_struct,
};

static const void *const vf_info_args[NVF] = {
	[IFLA_VF_MAC] = &vf_mac,
	[IFLA_VF_VLAN] = &vf_vlan,
	[IFLA_VF_TX_RATE] = &vf_tx_rate,
	[IFLA_VF_SPOOFCHK] = &vf_setting,
	[IFLA_VF_LINK_STATE] = &vf_link_state,
	[IFLA_VF_RATE] = &vf_rate,
	[IFLA_VF_RSS_QUERY_EN] = &vf_setting,
	[IFLA_VF_STATS] = &vf_stats_set,
	[IFLA_VF_TRUST] = &vf_setting,
	[IFLA_VF_IB_NODE_GUID] = &vf_guid,
	[IFLA_VF_IB_PORT_GUID] = &vf_guid,
	[IFLA_VF_VLAN_LIST] = &vf_vlan_list_set,
	[IFLA_VF_BROADCAST] = &vf_broadcast,
};

static const struct nla_set vf_info_set = {
	.names = &xlat_rtnl_ifla_vf_info_attrs,
	.fns = vf_info_fns,
	.n = NVF,
	.args = vf_info_args,
};

static const nla_fn vfinfo_list_fns[] = {
	[IFLA_VF_INFO] = nla_nested,
};

static const struct nla_set vfinfo_list_set = {
	.names = &xlat_rtnl_ifla_vfinfo_list_attrs,
	.fns = vfinfo_list_fns,
	.n = sizeof(vfinfo_list_fns) / sizeof(vfinfo_list_fns[0]),
	.opaque = &vf_info_set,
};

/* IFLA_PORT_SELF, IFLA_VF_PORT */
static const struct nl_field port_vsi_fields[] = {
	NLF(struct ifla_port_vsi, vsi_mgr_id, NLF_U, NULL),
	NLF(struct ifla_port_vsi, vsi_type_id, NLF_HEX_STR, NULL),
	NLF(struct ifla_port_vsi, vsi_type_version, NLF_U, NULL),
	NLF(struct ifla_port_vsi, pad, NLF_HEX_STR_NZ, NULL),
};

static const struct nl_struct port_vsi = NL_STRUCT(struct ifla_port_vsi, port_vsi_fields);

#define NPORT (IFLA_PORT_RESPONSE + 1)

static const nla_fn port_fns[NPORT] = {
	[IFLA_PORT_VF] = nla_u32,	   [IFLA_PORT_PROFILE] = nla_str,
	[IFLA_PORT_VSI_TYPE] = nla_struct, [IFLA_PORT_REQUEST] = nla_u8,
	[IFLA_PORT_RESPONSE] = nla_u16,
};

static const void *const port_args[NPORT] = {
	[IFLA_PORT_VSI_TYPE] = &port_vsi,
};

static const struct nla_set port_set = {
	.names = &xlat_rtnl_ifla_port_attrs,
	.fns = port_fns,
	.n = NPORT,
	.args = port_args,
};

static const nla_fn vf_ports_fns[] = {
	[IFLA_VF_PORT] = nla_nested,
};

static const struct nla_set vf_ports_set = {
	.names = &xlat_rtnl_ifla_vf_port_attrs,
	.fns = vf_ports_fns,
	.n = sizeof(vf_ports_fns) / sizeof(vf_ports_fns[0]),
	.opaque = &port_set,
};

/* IFLA_XDP */
#define NXDP (IFLA_XDP_EXPECTED_FD + 1)

static const nla_fn xdp_fns[NXDP] = {
	[IFLA_XDP_FD] = nla_fd,		  [IFLA_XDP_ATTACHED] = nla_xlat,
	[IFLA_XDP_FLAGS] = nla_xlat,	  [IFLA_XDP_PROG_ID] = nla_u32,
	[IFLA_XDP_DRV_PROG_ID] = nla_u32, [IFLA_XDP_SKB_PROG_ID] = nla_u32,
	[IFLA_XDP_HW_PROG_ID] = nla_u32,  [IFLA_XDP_EXPECTED_FD] = nla_fd,
};

static const void *const xdp_args[NXDP] = {
	[IFLA_XDP_ATTACHED] = NLA_XVAL(rtnl_ifla_xdp_attached_mode, 1),
	[IFLA_XDP_FLAGS] = NLA_FLAGS(xdp_flags, 4),
};

static const struct nla_set xdp_set = {
	.names = &xlat_rtnl_ifla_xdp_attrs,
	.fns = xdp_fns,
	.n = NXDP,
	.args = xdp_args,
};

/* IFLA_PROTINFO of AF_BRIDGE: the bridge port's attributes */
static const struct nl_field bridge_id_fields[] = {
	NLF(struct ifla_bridge_id, prio, NLF_U8_ARRAY, NULL),
	NLF(struct ifla_bridge_id, addr, NLF_MAC, NULL),
};

const struct nl_struct rtnl_bridge_id = NL_STRUCT(struct ifla_bridge_id, bridge_id_fields);

#define NBRPORT (IFLA_BRPORT_LOCKED + 1)

static const nla_fn brport_fns[NBRPORT] = {
	[IFLA_BRPORT_STATE] = nla_u8,
	[IFLA_BRPORT_PRIORITY] = nla_u16,
	[IFLA_BRPORT_COST] = nla_u32,
	[IFLA_BRPORT_MODE] = nla_u8,
	[IFLA_BRPORT_GUARD] = nla_u8,
	[IFLA_BRPORT_PROTECT] = nla_u8,
	[IFLA_BRPORT_FAST_LEAVE] = nla_u8,
	[IFLA_BRPORT_LEARNING] = nla_u8,
	[IFLA_BRPORT_UNICAST_FLOOD] = nla_u8,
	[IFLA_BRPORT_PROXYARP] = nla_u8,
	[IFLA_BRPORT_LEARNING_SYNC] = nla_u8,
	[IFLA_BRPORT_PROXYARP_WIFI] = nla_u8,
	[IFLA_BRPORT_ROOT_ID] = nla_struct,
	[IFLA_BRPORT_BRIDGE_ID] = nla_struct,
	[IFLA_BRPORT_DESIGNATED_PORT] = nla_u16,
	[IFLA_BRPORT_DESIGNATED_COST] = nla_u16,
	[IFLA_BRPORT_ID] = nla_u16,
	[IFLA_BRPORT_NO] = nla_u16,
	[IFLA_BRPORT_TOPOLOGY_CHANGE_ACK] = nla_u8,
	[IFLA_BRPORT_CONFIG_PENDING] = nla_u8,
	[IFLA_BRPORT_MESSAGE_AGE_TIMER] = nla_clock_t,
	[IFLA_BRPORT_FORWARD_DELAY_TIMER] = nla_clock_t,
	[IFLA_BRPORT_HOLD_TIMER] = nla_clock_t,
	[IFLA_BRPORT_MULTICAST_ROUTER] = nla_u8,
	[IFLA_BRPORT_MCAST_FLOOD] = nla_u8,
	[IFLA_BRPORT_MCAST_TO_UCAST] = nla_u8,
	[IFLA_BRPORT_VLAN_TUNNEL] = nla_u8,
	[IFLA_BRPORT_BCAST_FLOOD] = nla_u8,
	[IFLA_BRPORT_GROUP_FWD_MASK] = nla_x16,
	[IFLA_BRPORT_NEIGH_SUPPRESS] = nla_u8,
	[IFLA_BRPORT_ISOLATED] = nla_u8,
	[IFLA_BRPORT_BACKUP_PORT] = nla_ifindex,
	[IFLA_BRPORT_MRP_RING_OPEN] = nla_u8,
	[IFLA_BRPORT_MRP_IN_OPEN] = nla_u8,
	[IFLA_BRPORT_MCAST_EHT_HOSTS_LIMIT] = nla_u32,
	[IFLA_BRPORT_MCAST_EHT_HOSTS_CNT] = nla_u32,
	[IFLA_BRPORT_LOCKED] = nla_u8,
};

static const void *const brport_args[NBRPORT] = {
	[IFLA_BRPORT_ROOT_ID] = &rtnl_bridge_id,
	[IFLA_BRPORT_BRIDGE_ID] = &rtnl_bridge_id,
};

const struct nla_set rtnl_brport_attrs = {
	.names = &xlat_rtnl_ifla_brport_attrs,
	.fns = brport_fns,
	.n = NBRPORT,
	.args = brport_args,
};

/* IFLA_PROTINFO of AF_INET6 (and IFLA_AF_SPEC's AF_INET6): the device's IPv6 state */
static const struct nl_field inet6_cacheinfo_fields[] = {
	NLF(struct ifla_cacheinfo, max_reasm_len, NLF_U, NULL),
	NLF(struct ifla_cacheinfo, tstamp, NLF_U, NULL),
	NLF(struct ifla_cacheinfo, reachable_time, NLF_U, NULL),
	NLF(struct ifla_cacheinfo, retrans_time, NLF_U, NULL),
};

static const struct nl_struct inet6_cacheinfo =
	NL_STRUCT(struct ifla_cacheinfo, inet6_cacheinfo_fields);

#define NINET6 (IFLA_INET6_RA_MTU + 1)

static const nla_fn inet6_fns[NINET6] = {
	[IFLA_INET6_FLAGS] = nla_xlat,	       [IFLA_INET6_CONF] = nla_indexed,
	[IFLA_INET6_STATS] = nla_indexed,      [IFLA_INET6_CACHEINFO] = nla_struct,
	[IFLA_INET6_ICMP6STATS] = nla_indexed, [IFLA_INET6_TOKEN] = nla_in6_addr,
	[IFLA_INET6_ADDR_GEN_MODE] = nla_xlat, [IFLA_INET6_RA_MTU] = nla_u32,
};

static const void *const inet6_args[NINET6] = {
	[IFLA_INET6_FLAGS] = NLA_FLAGS(inet6_if_flags, 4),
	[IFLA_INET6_CONF] = NLA_IDX(inet6_devconf_indices, 4, true),
	[IFLA_INET6_STATS] = NLA_IDX(snmp_ip_stats, 8, false),
	[IFLA_INET6_CACHEINFO] = &inet6_cacheinfo,
	[IFLA_INET6_ICMP6STATS] = NLA_IDX(snmp_icmp6_stats, 8, false),
	[IFLA_INET6_ADDR_GEN_MODE] = NLA_XVAL(in6_addr_gen_mode, 1),
};

const struct nla_set rtnl_inet6_attrs = {
	.names = &xlat_rtnl_ifla_af_spec_inet6_attrs,
	.fns = inet6_fns,
	.n = NINET6,
	.args = inet6_args,
};

/* IFLA_PROTINFO: by the message's family (@opaque), bytes for the others. */
static bool ifla_protinfo(const struct nl_ctx *x, uint64_t off, uint64_t len, const void *opaque)
{
	uint8_t family = *(const uint8_t *)opaque;

	if (family == AF_BRIDGE)
		nl_attrs(x, off, len, &rtnl_brport_attrs);
	else if (family == AF_INET6)
		nl_attrs(x, off, len, &rtnl_inet6_attrs);
	else
		return false;
	return true;
}

/* IFLA_PROP_LIST: IFLA_* attributes again, of which strace decodes IFLA_ALT_IFNAME. */
static bool ifla_prop_list(const struct nl_ctx *x, uint64_t off, uint64_t len, const void *opaque);

#define NIFLA (IFLA_ALLMULTI + 1)

static const nla_fn ifla_fns[NIFLA] = {
	[IFLA_ADDRESS] = nla_hwaddr,
	[IFLA_BROADCAST] = nla_hwaddr,
	[IFLA_IFNAME] = nla_str,
	[IFLA_MTU] = nla_u32,
	[IFLA_LINK] = nla_u32,
	[IFLA_QDISC] = nla_str,
	[IFLA_STATS] = nla_struct,
	[IFLA_MASTER] = nla_u32,
	[IFLA_PROTINFO] = ifla_protinfo,
	[IFLA_TXQLEN] = nla_u32,
	[IFLA_MAP] = nla_struct,
	[IFLA_WEIGHT] = nla_u32,
	[IFLA_OPERSTATE] = nla_u8,
	[IFLA_LINKMODE] = nla_u8,
	[IFLA_LINKINFO] = rtnl_linkinfo,
	[IFLA_AF_SPEC] = rtnl_af_spec,
	[IFLA_NET_NS_PID] = nla_u32,
	[IFLA_IFALIAS] = nla_str,
	[IFLA_NUM_VF] = nla_u32,
	[IFLA_VFINFO_LIST] = nla_nested,
	[IFLA_STATS64] = nla_struct,
	[IFLA_VF_PORTS] = nla_nested,
	[IFLA_PORT_SELF] = nla_nested,
	[IFLA_GROUP] = nla_u32,
	[IFLA_NET_NS_FD] = nla_fd,
	[IFLA_EXT_MASK] = nla_xlat,
	[IFLA_PROMISCUITY] = nla_u32,
	[IFLA_NUM_TX_QUEUES] = nla_u32,
	[IFLA_NUM_RX_QUEUES] = nla_u32,
	[IFLA_CARRIER] = nla_u8,
	[IFLA_CARRIER_CHANGES] = nla_u32,
	[IFLA_LINK_NETNSID] = nla_s32,
	[IFLA_PHYS_PORT_NAME] = nla_str,
	[IFLA_PROTO_DOWN] = nla_u8,
	[IFLA_GSO_MAX_SEGS] = nla_u32,
	[IFLA_GSO_MAX_SIZE] = nla_u32,
	[IFLA_XDP] = nla_nested,
	[IFLA_EVENT] = nla_xlat,
	[IFLA_NEW_NETNSID] = nla_s32,
	[IFLA_IF_NETNSID] = nla_s32,
	[IFLA_CARRIER_UP_COUNT] = nla_u32,
	[IFLA_CARRIER_DOWN_COUNT] = nla_u32,
	[IFLA_NEW_IFINDEX] = nla_ifindex,
	[IFLA_MIN_MTU] = nla_u32,
	[IFLA_MAX_MTU] = nla_u32,
	[IFLA_PROP_LIST] = ifla_prop_list,
	[IFLA_ALT_IFNAME] = nla_str,
	[IFLA_PERM_ADDRESS] = nla_hwaddr,
	[IFLA_PROTO_DOWN_REASON] = nla_nested,
	[IFLA_PARENT_DEV_NAME] = nla_str,
	[IFLA_PARENT_DEV_BUS_NAME] = nla_str,
	[IFLA_GRO_MAX_SIZE] = nla_u32,
	[IFLA_TSO_MAX_SIZE] = nla_u32,
	[IFLA_TSO_MAX_SEGS] = nla_u32,
	[IFLA_ALLMULTI] = nla_u32,
};

static const nla_fn down_reason_fns[] = {
	[IFLA_PROTO_DOWN_REASON_MASK] = nla_x32,
	[IFLA_PROTO_DOWN_REASON_VALUE] = nla_x32,
};

static const struct nla_set down_reason_set = {
	.names = &xlat_rtnl_ifla_proto_down_reason_attrs,
	.fns = down_reason_fns,
	.n = sizeof(down_reason_fns) / sizeof(down_reason_fns[0]),
};

/* The argument of each IFLA attribute's decoder; the others get the message's family. */
static const void *const ifla_args[NIFLA] = {
	[IFLA_STATS] = &stats_struct,
	[IFLA_MAP] = &ifmap_struct,
	[IFLA_VFINFO_LIST] = &vfinfo_list_set,
	[IFLA_STATS64] = &rtnl_link_stats64,
	[IFLA_VF_PORTS] = &vf_ports_set,
	[IFLA_PORT_SELF] = &port_set,
	[IFLA_EXT_MASK] = NLA_FLAGS(rtnl_ifla_ext_filter_flags, 4),
	[IFLA_XDP] = &xdp_set,
	[IFLA_EVENT] = NLA_XVAL(rtnl_ifla_events, 4),
	[IFLA_PROTO_DOWN_REASON] = &down_reason_set,
};

static const nla_fn prop_list_fns[IFLA_ALT_IFNAME + 1] = {
	[IFLA_ALT_IFNAME] = nla_str,
};

static const struct nla_set prop_list_set = {
	.names = &xlat_rtnl_link_attrs,
	.fns = prop_list_fns,
	.n = IFLA_ALT_IFNAME + 1,
};

static bool ifla_prop_list(const struct nl_ctx *x, uint64_t off, uint64_t len, const void *opaque)
{
	(void)opaque;
	nl_attrs(x, off, len, &prop_list_set);
	return true;
}

void rtnl_ifinfomsg(const struct nl_ctx *x, uint64_t off, uint64_t len, uint8_t family)
{
	const struct nla_set set = {
		.names = &xlat_rtnl_link_attrs,
		.fns = ifla_fns,
		.n = NIFLA,
		.opaque = &family,
		.args = ifla_args,
	};
	struct sr_fmt *f = x->f;
	struct ifinfomsg m;
	bool attrs = false;

	pr_struct_begin(f);
	pr_field(f, "ifi_family");
	fmt_enum(f, &xlat_socket_domain, family);
	if (rtnl_struct(x, off, len, &m, sizeof(m))) {
		pr_field(f, "ifi_type");
		fmt_enum(f, &xlat_arp_hardware_types, m.ifi_type);
		pr_field(f, "ifi_index");
		fmt_ifindex(f, m.ifi_index);
		pr_field(f, "ifi_flags");
		fmt_flags(f, &xlat_iffflags, m.ifi_flags);
		pr_field_x(f, "ifi_change", m.ifi_change);
		attrs = true;
	}
	pr_struct_end(f);
	if (attrs)
		rt_attrs(x, off, len, sizeof(m), &set);
}
