// SPDX-License-Identifier: GPL-2.0
/*
 * Decoders: the NETLINK_ROUTE messages whose struct is a row of plain
 * fields (rtgenmsg of the NSID messages, netconfmsg, dcbmsg, br_port_msg,
 * ifaddrlblmsg, ndtmsg, tcmsg, fib_rule_hdr, nhmsg, tcamsg, if_stats_msg), as strace 6.1 prints them: the family,
 * the other fields when the payload holds the whole struct ("..." when it
 * is shorter), then the attributes by their names, from one table.
 */
#include <stddef.h>
#include <linux/dcbnl.h>
#include <linux/fib_rules.h>
#include <linux/if_addrlabel.h>
#include <linux/if_bridge.h>
#include <linux/neighbour.h>
#include <linux/netconf.h>
#include <linux/nexthop.h>
#include <linux/rtnetlink.h>

#include "decode/net.h"
#include "decode/netlink.h"

/* A message struct that starts with its family byte, and its attributes. */
struct nl_msgdesc {
	const char *family; /* the family field's name */
	size_t size; /* sizeof the struct */
	const struct nl_field *fields;
	size_t nfields;
	const struct sr_xlat *attrs;
	const struct nla_set *set; /* the attributes' decoders, or NULL: names only */
};

#define NL_MSG(type, fam, flds, attrs_)                                         \
	{                                                                       \
		fam, sizeof(type), flds, sizeof(flds) / sizeof(flds[0]), attrs_ \
	}

static const struct nl_field no_fields[1];

static const struct nl_field dcb_fields[] = {
	NLF(struct dcbmsg, cmd, NLF_ENUM, &xlat_dcb_commands),
};

static const struct nl_field br_port_fields[] = {
	NLF(struct br_port_msg, ifindex, NLF_IFINDEX, NULL),
};

static const struct nl_field ifal_fields[] = {
	NLF(struct ifaddrlblmsg, ifal_prefixlen, NLF_U, NULL),
	NLF(struct ifaddrlblmsg, ifal_flags, NLF_U, NULL),
	NLF(struct ifaddrlblmsg, ifal_index, NLF_IFINDEX, NULL),
	NLF(struct ifaddrlblmsg, ifal_seq, NLF_U, NULL),
};

static const struct nl_field tc_fields[] = {
	NLF(struct tcmsg, tcm_ifindex, NLF_IFINDEX, NULL),
	NLF(struct tcmsg, tcm_handle, NLF_U, NULL),
	NLF(struct tcmsg, tcm_parent, NLF_U, NULL),
	NLF(struct tcmsg, tcm_info, NLF_U, NULL),
};

static const struct nl_msgdesc nsid_msg = { "rtgen_family", sizeof(struct rtgenmsg), no_fields, 0,
					    &xlat_rtnl_nsid_attrs };
static const struct nl_msgdesc netconf_msg = { "ncm_family", sizeof(struct netconfmsg), no_fields,
					       0, &xlat_rtnl_netconf_attrs };
static const struct nl_msgdesc dcb_msg =
	NL_MSG(struct dcbmsg, "dcb_family", dcb_fields, &xlat_rtnl_dcb_attrs);
static const struct nl_msgdesc mdb_msg = { "family",
					   sizeof(struct br_port_msg),
					   br_port_fields,
					   sizeof(br_port_fields) / sizeof(br_port_fields[0]),
					   &xlat_rtnl_mdb_attrs,
					   &rtnl_mdb_attrs };
static const struct nl_msgdesc ifal_msg =
	NL_MSG(struct ifaddrlblmsg, "ifal_family", ifal_fields, &xlat_rtnl_addrlabel_attrs);
static const struct nl_msgdesc neightbl_msg = {
	"ndtm_family",	     sizeof(struct ndtmsg), no_fields, 0, &xlat_rtnl_neightbl_attrs,
	&rtnl_neightbl_attrs
};
static const struct nl_msgdesc tc_msg = {
	"tcm_family",	     sizeof(struct tcmsg),
	tc_fields,	     sizeof(tc_fields) / sizeof(tc_fields[0]),
	&xlat_rtnl_tc_attrs, &rtnl_tc_attrs
};

static const struct nl_field rule_fields[] = {
	NLF(struct fib_rule_hdr, dst_len, NLF_U, NULL),
	NLF(struct fib_rule_hdr, src_len, NLF_U, NULL),
	NLF(struct fib_rule_hdr, tos, NLF_FLAGS, &xlat_ip_type_of_services),
	NLF(struct fib_rule_hdr, table, NLF_ENUM, &xlat_routing_table_ids),
	NLF(struct fib_rule_hdr, action, NLF_ENUM, &xlat_fib_rule_actions),
	NLF(struct fib_rule_hdr, flags, NLF_FLAGS, &xlat_fib_rule_flags),
};

static const struct nl_field nh_fields[] = {
	NLF(struct nhmsg, nh_scope, NLF_ENUM_QUIET, &xlat_routing_scopes),
	NLF(struct nhmsg, nh_protocol, NLF_ENUM, &xlat_routing_protocols),
	NLF(struct nhmsg, resvd, NLF_X_NZ, NULL),
	NLF(struct nhmsg, nh_flags, NLF_FLAGS, &xlat_route_nexthop_flags),
};

static const struct nl_msgdesc rule_msg = { "family",
					    sizeof(struct fib_rule_hdr),
					    rule_fields,
					    sizeof(rule_fields) / sizeof(rule_fields[0]),
					    &xlat_rtnl_rule_attrs,
					    &rtnl_rule_attrs };
static const struct nl_msgdesc nh_msg = { "nh_family",
					  sizeof(struct nhmsg),
					  nh_fields,
					  sizeof(nh_fields) / sizeof(nh_fields[0]),
					  &xlat_rtnl_nexthop_attrs,
					  &rtnl_nexthop_attrs };
static const struct nl_field stats_fields[] = {
	NLF(struct if_stats_msg, pad1, NLF_X_NZ, NULL),
	NLF(struct if_stats_msg, pad2, NLF_X_NZ, NULL),
	NLF(struct if_stats_msg, ifindex, NLF_IFINDEX, NULL),
	NLF(struct if_stats_msg, filter_mask, NLF_FLAGS, &xlat_rtnl_ifstats_filter_mask),
};

static const struct nl_msgdesc stats_msg = { "family",
					     sizeof(struct if_stats_msg),
					     stats_fields,
					     sizeof(stats_fields) / sizeof(stats_fields[0]),
					     &xlat_rtnl_ifstats_attrs,
					     &rtnl_stats_attrs };
static const struct nl_msgdesc tca_msg = {
	"tca_family",	    sizeof(struct tcamsg), no_fields, 0, &xlat_rtnl_tc_action_attrs,
	&rtnl_tca_act_attrs
};

/* The struct of route message type @type, when it is one of these. */
static const struct nl_msgdesc *rtnl_msgdesc(uint16_t type)
{
	switch (type) {
	case RTM_NEWNSID ... RTM_GETNSID:
		return &nsid_msg;
	case RTM_NEWNETCONF ... RTM_GETNETCONF:
		return &netconf_msg;
	case RTM_GETDCB:
	case RTM_SETDCB:
		return &dcb_msg;
	case RTM_NEWMDB ... RTM_GETMDB:
		return &mdb_msg;
	case RTM_NEWADDRLABEL ... RTM_GETADDRLABEL:
		return &ifal_msg;
	case RTM_NEWNEIGHTBL:
	case RTM_GETNEIGHTBL:
	case RTM_SETNEIGHTBL:
		return &neightbl_msg;
	case RTM_NEWQDISC ... RTM_GETTFILTER:
	case RTM_NEWCHAIN ... RTM_GETCHAIN:
		/* the fourth type of each group is not one */
		return (type & 3) != 3 ? &tc_msg : NULL;
	case RTM_NEWRULE ... RTM_GETRULE:
		return &rule_msg;
	case RTM_NEWNEXTHOP ... RTM_GETNEXTHOP:
		return &nh_msg;
	case RTM_NEWACTION ... RTM_GETACTION:
		return &tca_msg;
	case RTM_NEWSTATS:
	case RTM_GETSTATS:
		return &stats_msg;
	}
	return NULL;
}

bool rtnl_msg_payload(const struct nl_ctx *x, uint16_t type, uint64_t off, uint64_t len,
		      uint8_t family)
{
	const struct nl_msgdesc *d = rtnl_msgdesc(type);
	struct nla_set s = { 0 };
	struct sr_fmt *f = x->f;
	uint8_t m[64];
	uint64_t skip;

	_Static_assert(sizeof(struct tcmsg) <= sizeof(m), "the largest struct fits");
	if (!d)
		return false;
	pr_struct_begin(f);
	pr_field(f, d->family);
	fmt_enum(f, &xlat_socket_domain, family);
	if (d->nfields && !rtnl_struct(x, off, len, m, d->size)) {
		pr_struct_end(f);
		return true;
	}
	nl_fields_print(f, d->fields, d->nfields, m);
	pr_struct_end(f);
	skip = NLMSG_ALIGN(d->size);
	if (d->set)
		s = *d->set;
	else
		s.names = d->attrs;
	/* decoders with no argument of their own get the family: addresses */
	if (!s.opaque)
		s.opaque = &family;
	if (len > skip)
		nl_attrs(x, off + skip, len - skip, &s);
	return true;
}
