// SPDX-License-Identifier: GPL-2.0
/*
 * Decoders: NETLINK_SOCK_DIAG payloads, as strace 6.1 prints them: a
 * request (NLM_F_REQUEST) or a reply struct chosen by the address family
 * its first byte names, from a table of fields (AF_UNIX here, the others in
 * netlink_inet_diag.c and netlink_sock_diag.c), then its attributes; other
 * families print their family and the bytes.
 */
#include <stddef.h>
#include <sys/socket.h>
#include <linux/netlink.h>
#include <linux/unix_diag.h>

#include "decode/net.h"
#include "decode/netlink.h"

static const struct nl_field unix_req_fields[] = {
	NLF(struct unix_diag_req, sdiag_protocol, NLF_U, NULL),
	NLF(struct unix_diag_req, udiag_states, NLF_BITNUM, &xlat_tcp_states),
	NLF(struct unix_diag_req, udiag_ino, NLF_U, NULL),
	NLF(struct unix_diag_req, udiag_show, NLF_FLAGS, &xlat_unix_diag_show),
	NLF(struct unix_diag_req, udiag_cookie, NLF_COOKIE, NULL),
};

static const struct nl_field unix_msg_fields[] = {
	NLF(struct unix_diag_msg, udiag_type, NLF_ENUM, &xlat_socket_types),
	NLF(struct unix_diag_msg, udiag_state, NLF_ENUM, &xlat_tcp_states),
	NLF(struct unix_diag_msg, udiag_ino, NLF_U, NULL),
	NLF(struct unix_diag_msg, udiag_cookie, NLF_COOKIE, NULL),
};

/* strace prints the device first */
static const struct nl_field unix_vfs_fields[] = {
	NLF(struct unix_diag_vfs, udiag_vfs_dev, NLF_DEV, NULL),
	NLF(struct unix_diag_vfs, udiag_vfs_ino, NLF_U, NULL),
};

static const struct nl_field unix_rqlen_fields[] = {
	NLF(struct unix_diag_rqlen, udiag_rqueue, NLF_U, NULL),
	NLF(struct unix_diag_rqlen, udiag_wqueue, NLF_U, NULL),
};

static const struct nl_struct unix_vfs = NL_STRUCT(struct unix_diag_vfs, unix_vfs_fields);
static const struct nl_struct unix_rqlen = NL_STRUCT(struct unix_diag_rqlen, unix_rqlen_fields);

#define NUNIX (UNIX_DIAG_RQLEN + 1)

static const nla_fn unix_fns[NUNIX] = {
	[UNIX_DIAG_NAME] = nla_str,	[UNIX_DIAG_VFS] = nla_struct,
	[UNIX_DIAG_PEER] = nla_u32,	[UNIX_DIAG_ICONS] = nla_u32_array,
	[UNIX_DIAG_RQLEN] = nla_struct,
};

static const void *const unix_args[NUNIX] = {
	[UNIX_DIAG_VFS] = &unix_vfs,
	[UNIX_DIAG_RQLEN] = &unix_rqlen,
};

static const struct nla_set unix_attrs = {
	.names = &xlat_unix_diag_attrs,
	.fns = unix_fns,
	.n = NUNIX,
	.args = unix_args,
};

static const struct diag_desc unix_req = { "sdiag_family",
					   NL_STRUCT(struct unix_diag_req, unix_req_fields), NULL };
static const struct diag_desc unix_msg = { "udiag_family",
					   NL_STRUCT(struct unix_diag_msg, unix_msg_fields),
					   &unix_attrs };

/* The struct of a request (@request) or a reply of message type @type and @family. */
static const struct diag_desc *diag_desc(uint8_t family, uint16_t type, bool request)
{
	switch (family) {
	case AF_UNIX:
		return request ? &unix_req : &unix_msg;
	case AF_INET:
	case AF_INET6:
		return diag_inet(type, request);
	case AF_NETLINK:
		return diag_netlink(request);
	case AF_PACKET:
		return diag_packet(request);
	case AF_SMC:
		return diag_smc(request);
	}
	return NULL;
}

bool diag_payload(const struct nl_ctx *x, const struct nlmsghdr *h, uint64_t off, uint64_t len)
{
	const struct diag_desc *d;
	struct sr_fmt *f = x->f;
	uint8_t family, m[128];
	uint64_t skip;

	if (h->nlmsg_type == NLMSG_DONE)
		return false;
	if (!nl_fetch(x, off, &family, sizeof(family)))
		return true;
	d = diag_desc(family, h->nlmsg_type, h->nlmsg_flags & NLM_F_REQUEST);
	/* the family alone, or one strace has no struct for */
	if (!d || len <= sizeof(family) || d->s.size > sizeof(m))
		return nl_family_hex(x, off, len);
	pr_struct_begin(f);
	pr_field(f, d->family);
	fmt_enum(f, &xlat_socket_domain, family);
	if (!rtnl_struct(x, off, len, m, d->s.size)) {
		pr_struct_end(f);
		return true;
	}
	/* the family was printed: the fields after it */
	nl_fields_print(f, d->s.fields, d->s.n, m);
	pr_struct_end(f);
	skip = NLMSG_ALIGN(d->s.size);
	if (d->attrs && len > skip)
		nl_attrs(x, off + skip, len - skip, d->attrs);
	return true;
}
