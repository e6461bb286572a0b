// SPDX-License-Identifier: GPL-2.0
/*
 * Decoders: NETLINK_NETFILTER payloads, as strace 6.1 prints them: struct
 * nfgenmsg (its res_id in network order, or in host order as nftables
 * once sent it), then attributes strace has no names for, or the bytes of
 * a batch's begin and end.
 */
#include <arpa/inet.h>
#include <linux/netfilter/nfnetlink.h>
#include <linux/netlink.h>

#include "decode/netlink.h"

/* Attributes of no known set: "{nla_len=4, nla_type=0xbcd}". */
static const struct nla_set nf_attrs = { NULL };

/* res_id: a subsystem in network byte order, "htons(10)". */
static void nf_res_id(struct sr_fmt *f, uint16_t type, uint16_t res_id)
{
	bool nftables = type >> 8 == NFNL_SUBSYS_NFTABLES;

	if (nftables && ntohs(res_id) == NFNL_SUBSYS_NFTABLES) {
		pr_sym(f, "htons(NFNL_SUBSYS_NFTABLES)", res_id);
	} else if (nftables && res_id == NFNL_SUBSYS_NFTABLES) {
		/* the host order nftables used before Linux 4.3 */
		pr_sym(f, "NFNL_SUBSYS_NFTABLES", res_id);
	} else {
		pr_call_begin(f, "htons");
		pr_u(f, ntohs(res_id));
		pr_call_end(f);
	}
}

bool nf_payload(const struct nl_ctx *x, const struct nlmsghdr *h, uint64_t off, uint64_t len)
{
	const uint64_t skip = NLMSG_ALIGN(sizeof(struct nfgenmsg));
	struct sr_fmt *f = x->f;
	struct nfgenmsg m;

	if (h->nlmsg_type == NLMSG_DONE)
		return false;
	if (len < sizeof(m)) {
		nl_hex(x, off, len);
		return true;
	}
	if (!nl_fetch(x, off, &m, sizeof(m)))
		return true;
	pr_struct_begin(f);
	pr_field(f, "nfgen_family");
	fmt_enum(f, &xlat_socket_domain, m.nfgen_family);
	pr_field(f, "version");
	fmt_enum(f, &xlat_netfilter_versions, m.version);
	pr_field(f, "res_id");
	nf_res_id(f, h->nlmsg_type, m.res_id);
	pr_struct_end(f);
	if (len <= skip)
		return true;
	if ((h->nlmsg_type >= NFNL_MSG_BATCH_BEGIN && h->nlmsg_type <= NFNL_MSG_BATCH_END) ||
	    h->nlmsg_type < NLMSG_MIN_TYPE)
		nl_hex(x, off + skip, len - skip);
	else
		nl_attrs(x, off + skip, len - skip, &nf_attrs);
	return true;
}
