// SPDX-License-Identifier: GPL-2.0
/*
 * Decoders: NETLINK_SELINUX payloads, as strace 6.1 prints them: the
 * struct of an enforcing mode change or a policy load, the bytes of a
 * shorter payload.
 */
#include <linux/netlink.h>
#include <linux/selinux_netlink.h>

#include "decode/netlink.h"

static const struct nl_field setenforce_fields[] = {
	NLF(struct selnl_msg_setenforce, val, NLF_D, NULL),
};

static const struct nl_field policyload_fields[] = {
	NLF(struct selnl_msg_policyload, seqno, NLF_U, NULL),
};

static const struct nl_struct setenforce =
	NL_STRUCT(struct selnl_msg_setenforce, setenforce_fields);
static const struct nl_struct policyload =
	NL_STRUCT(struct selnl_msg_policyload, policyload_fields);

bool selinux_payload(const struct nl_ctx *x, const struct nlmsghdr *h, uint64_t off, uint64_t len)
{
	const struct nl_struct *s;

	switch (h->nlmsg_type) {
	case SELNL_MSG_SETENFORCE:
		s = &setenforce;
		break;
	case SELNL_MSG_POLICYLOAD:
		s = &policyload;
		break;
	default:
		return false;
	}
	if (!nla_struct(x, off, len, s))
		nl_hex(x, off, len);
	return true;
}
