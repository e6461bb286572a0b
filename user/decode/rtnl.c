// SPDX-License-Identifier: GPL-2.0
/*
 * Decoders: NETLINK_ROUTE payloads, as strace 6.1 prints them: the struct
 * each message type starts with (ifinfomsg, ifaddrmsg, rtmsg, ndmsg), then
 * its attributes. Types without a struct decoder here print their address
 * family and the bytes.
 */
#include <string.h>
#include <linux/if_addr.h>
#include <linux/rtnetlink.h>

#include "decode/net.h"
#include "decode/netlink.h"

void rt_enum(struct sr_fmt *f, const struct sr_xlat *x, uint64_t v, bool comment)
{
	const char *n = xlat__name(x, v);

	if (n)
		pr_sym(f, n, v);
	else if (comment)
		fmt_enum(f, x, v);
	else
		pr_x(f, v);
}

bool nl_family_hex(const struct nl_ctx *x, uint64_t off, uint64_t len)
{
	struct sr_fmt *f = x->f;
	uint8_t family;

	if (!nl_fetch(x, off, &family, sizeof(family)))
		return true;
	pr_struct_begin(f);
	pr_field(f, "family");
	fmt_enum(f, &xlat_socket_domain, family);
	if (len > sizeof(family)) {
		pr_field(f, "data");
		nl_hex(x, off + sizeof(family), len - sizeof(family));
	}
	pr_struct_end(f);
	return true;
}

bool rtnl_struct(const struct nl_ctx *x, uint64_t off, uint64_t len, void *dst, size_t size)
{
	if (len < size) {
		pr_more(x->f);
		return false;
	}
	/* strace reads the rest after the family: its address when unreadable */
	if (!nl_at(x, off, size)) {
		pr_addr(x->f, x->addr + off + 1);
		return false;
	}
	return nl_fetch(x, off, dst, size);
}

void rt_attrs(const struct nl_ctx *x, uint64_t off, uint64_t len, size_t size,
	      const struct nla_set *s)
{
	uint64_t skip = NLMSG_ALIGN(size);

	if (len > skip)
		nl_attrs(x, off + skip, len - skip, s);
}

static bool ifa_flags(const struct nl_ctx *x, uint64_t off, uint64_t len, const void *opaque)
{
	uint32_t v;

	(void)opaque;
	if (len != sizeof(v))
		return false;
	if (nl_fetch(x, off, &v, sizeof(v)))
		fmt_flags(x->f, &xlat_ifaddrflags, v);
	return true;
}

static bool ifa_cacheinfo(const struct nl_ctx *x, uint64_t off, uint64_t len, const void *opaque)
{
	struct sr_fmt *f = x->f;
	struct ifa_cacheinfo ci;

	(void)opaque;
	if (len < sizeof(ci))
		return false;
	if (!nl_fetch(x, off, &ci, sizeof(ci)))
		return true;
	pr_struct_begin(f);
	pr_field_u(f, "ifa_prefered", ci.ifa_prefered);
	pr_field_u(f, "ifa_valid", ci.ifa_valid);
	pr_field_u(f, "cstamp", ci.cstamp);
	pr_field_u(f, "tstamp", ci.tstamp);
	pr_struct_end(f);
	return true;
}

static const nla_fn ifa_fns[] = {
	[IFA_ADDRESS] = nla_inaddr,	[IFA_LOCAL] = nla_inaddr,   [IFA_LABEL] = nla_str,
	[IFA_BROADCAST] = nla_inaddr,	[IFA_ANYCAST] = nla_inaddr, [IFA_CACHEINFO] = ifa_cacheinfo,
	[IFA_MULTICAST] = nla_inaddr,	[IFA_FLAGS] = ifa_flags,    [IFA_RT_PRIORITY] = nla_u32,
	[IFA_TARGET_NETNSID] = nla_s32,
};

/* RTM_*ADDR, RTM_GETMULTICAST, RTM_GETANYCAST: struct ifaddrmsg. */
static void rt_ifaddrmsg(const struct nl_ctx *x, uint64_t off, uint64_t len, uint8_t family)
{
	struct sr_fmt *f = x->f;
	struct nla_set s = { &xlat_rtnl_addr_attrs, ifa_fns, sizeof(ifa_fns) / sizeof(ifa_fns[0]),
			     &family };
	struct ifaddrmsg m;
	bool attrs = false;

	pr_struct_begin(f);
	pr_field(f, "ifa_family");
	fmt_enum(f, &xlat_socket_domain, family);
	if (rtnl_struct(x, off, len, &m, sizeof(m))) {
		pr_field_u(f, "ifa_prefixlen", m.ifa_prefixlen);
		pr_field(f, "ifa_flags");
		fmt_flags(f, &xlat_ifaddrflags, m.ifa_flags);
		pr_field(f, "ifa_scope");
		rt_enum(f, &xlat_routing_scopes, m.ifa_scope, false);
		pr_field(f, "ifa_index");
		fmt_ifindex(f, m.ifa_index);
		attrs = true;
	}
	pr_struct_end(f);
	if (attrs)
		rt_attrs(x, off, len, sizeof(m), &s);
}

/* The decoder of each group of four message types (new, del, get, set). */
static rt_fn rt_decoder(uint16_t type)
{
	switch (type) {
	case RTM_NEWLINK ... RTM_SETLINK:
		return rtnl_ifinfomsg;
	case RTM_NEWADDR ... RTM_GETADDR:
	case RTM_GETMULTICAST:
	case RTM_GETANYCAST:
		return rt_ifaddrmsg;
	case RTM_NEWROUTE ... RTM_GETROUTE:
		return rtnl_rtmsg;
	case RTM_NEWNEIGH ... RTM_GETNEIGH:
		return rtnl_ndmsg;
	case RTM_NEWCACHEREPORT:
		return rtnl_cachereport;
	}
	return NULL;
}

bool rtnl_payload(const struct nl_ctx *x, const struct nlmsghdr *h, uint64_t off, uint64_t len)
{
	rt_fn fn = rt_decoder(h->nlmsg_type);
	uint8_t family;

	if (h->nlmsg_type == NLMSG_DONE)
		return false;
	if (!nl_fetch(x, off, &family, sizeof(family)))
		return true;
	if (fn)
		fn(x, off, len, family);
	else if (!rtnl_msg_payload(x, h->nlmsg_type, off, len, family))
		nl_family_hex(x, off, len);
	return true;
}
