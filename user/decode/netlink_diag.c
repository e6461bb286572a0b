// SPDX-License-Identifier: GPL-2.0
/*
 * Decoders: NETLINK_SOCK_DIAG payloads. strace 6.1 decodes each address
 * family's request and response structs; here the family and the bytes.
 */
#include <linux/netlink.h>

#include "decode/netlink.h"

bool diag_payload(const struct nl_ctx *x, const struct nlmsghdr *h, uint64_t off, uint64_t len)
{
	if (h->nlmsg_type == NLMSG_DONE)
		return false;
	return nl_family_hex(x, off, len);
}
