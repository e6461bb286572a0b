// SPDX-License-Identifier: GPL-2.0
/*
 * Decoders: netlink messages, as strace 6.1 prints the buffers of
 * sendto/recvfrom/sendmsg/recvmsg on a netlink socket: each struct
 * nlmsghdr with its type and flags named by the socket's protocol, then
 * its payload (an error with the request it answers, NLMSG_DONE's int, or
 * the protocol's struct and attributes), several messages as an array.
 */
#include <stdio.h>
#include <string.h>
#include <linux/netfilter/nf_tables.h>
#include <linux/netfilter/nfnetlink.h>
#include <linux/netfilter/nf_tables_compat.h>
#include <linux/netfilter/nfnetlink_acct.h>
#include <linux/netfilter/nfnetlink_conntrack.h>
#include <linux/netfilter/nfnetlink_cthelper.h>
#include <linux/netfilter/nfnetlink_cttimeout.h>
#include <linux/genetlink.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/xfrm.h>

#include "decode/netlink.h"
#include "cli/opts.h"
#include "fd/fdtab.h"
#include "host/genl.h"

bool nl_fetch(const struct nl_ctx *x, uint64_t off, void *dst, size_t n)
{
	const void *p = nl_at(x, off, n);

	if (p) {
		memcpy(dst, p, n);
		return true;
	}
	pr_addr(x->f, x->addr + off);
	return false;
}

/* @len bytes at @off, quoted with @q, cut at -s; unreadable: the address. */
static void nl_quoted(const struct nl_ctx *x, uint64_t off, uint64_t len, unsigned int q)
{
	size_t max = fmt_strsize(x->f);
	const void *p = nl_at(x, off, len);

	if (p) {
		pr_str(x->f, p, len, max, q);
		return;
	}
	/* cut at the capture, past what -s shows: "..." all the same */
	if (off < x->have && x->have - off > max) {
		pr_str(x->f, x->p + off, x->have - off, max, q);
		return;
	}
	pr_addr(x->f, x->addr + off);
}

void nl_hex(const struct nl_ctx *x, uint64_t off, uint64_t len)
{
	nl_quoted(x, off, len, SR_Q_HEX);
}

void nl_str(const struct nl_ctx *x, uint64_t off, uint64_t len)
{
	nl_quoted(x, off, len, 0);
}

/* Message types of each protocol, past the control messages. */
static const struct sr_xlat *nl_types(int proto)
{
	switch (proto) {
	case NETLINK_ROUTE:
		return &xlat_nl_route_types;
	case NETLINK_SOCK_DIAG:
		return &xlat_nl_sock_diag_types;
	case NETLINK_AUDIT:
		return &xlat_nl_audit_types;
	case NETLINK_SELINUX:
		return &xlat_nl_selinux_types;
	case NETLINK_XFRM:
		return &xlat_nl_xfrm_types;
	}
	return NULL;
}

/* Each nfnetlink subsystem's message types, or NULL. */
static const struct sr_xlat *nf_types(uint8_t subsys)
{
	switch (subsys) {
	case NFNL_SUBSYS_CTNETLINK:
		return &xlat_nf_ctnetlink_msg_types;
	case NFNL_SUBSYS_CTNETLINK_EXP:
		return &xlat_nf_ctnetlink_exp_msg_types;
	case NFNL_SUBSYS_QUEUE:
		return &xlat_nf_queue_msg_types;
	case NFNL_SUBSYS_ULOG:
		return &xlat_nf_ulog_msg_types;
	case NFNL_SUBSYS_OSF:
		return &xlat_nf_osf_msg_types;
	case NFNL_SUBSYS_IPSET:
		return &xlat_nf_ipset_msg_types;
	case NFNL_SUBSYS_ACCT:
		return &xlat_nf_acct_msg_types;
	case NFNL_SUBSYS_CTNETLINK_TIMEOUT:
		return &xlat_nf_cttimeout_msg_types;
	case NFNL_SUBSYS_CTHELPER:
		return &xlat_nf_cthelper_msg_types;
	case NFNL_SUBSYS_NFTABLES:
		return &xlat_nf_nftables_msg_types;
	case NFNL_SUBSYS_NFT_COMPAT:
		return &xlat_nf_nft_compat_msg_types;
	}
	return NULL;
}

/* nfnetlink: the subsystem in the high byte, its message in the low one. */
static void nl_type_netfilter(struct sr_fmt *f, uint16_t type)
{
	const char *n = xlat__name(&xlat_nl_netfilter_msg_types, type);
	const struct sr_xlat *t = nf_types(type >> 8);

	if (n) {
		pr_sym(f, n, type);
		return;
	}
	pr_bits_begin(f, type);
	pr_bits_enum(f, &xlat_nl_netfilter_subsys_ids, type >> 8);
	pr_artifact(f, "<<8|");
	pr_bits_glue(f);
	if (t)
		pr_bits_enum(f, t, type & 0xff);
	else
		pr_bits_rest(f, SR_NUM_X, type & 0xff);
	pr_bits_end(f);
}

static void nl_type(const struct nl_ctx *x, uint16_t type)
{
	const struct sr_xlat *t = type >= NLMSG_MIN_TYPE ? nl_types(x->proto) : NULL;
	char name[GENL_NAMSIZ];

	if (type >= NLMSG_MIN_TYPE && x->proto == NETLINK_NETFILTER) {
		nl_type_netfilter(x->f, type);
		return;
	}
	/* a generic netlink family's id: its name, as this host's controller says */
	if (type >= NLMSG_MIN_TYPE && x->proto == NETLINK_GENERIC &&
	    !genl__family_name(type, name, sizeof(name))) {
		pr_sym(x->f, name, type);
		return;
	}
	fmt_enum(x->f, t ? t : &xlat_nl_control_types, type);
}

/* XFRM requests that create or get. */
static const struct sr_xlat *nl_xfrm_flags(uint16_t type)
{
	switch (type) {
	case XFRM_MSG_NEWSA:
	case XFRM_MSG_NEWPOLICY:
	case XFRM_MSG_NEWAE:
	case XFRM_MSG_NEWSADINFO:
	case XFRM_MSG_NEWSPDINFO:
		return &xlat_netlink_new_flags;
	case XFRM_MSG_GETSA:
	case XFRM_MSG_GETPOLICY:
	case XFRM_MSG_GETAE:
	case XFRM_MSG_GETSADINFO:
	case XFRM_MSG_GETSPDINFO:
		return &xlat_netlink_get_flags;
	case XFRM_MSG_DELSA:
	case XFRM_MSG_DELPOLICY:
		return &xlat_netlink_delete_flags;
	}
	return NULL;
}

/* nfnetlink requests that create, get or delete. */
static const struct sr_xlat *nf_flags(uint16_t type)
{
	switch (type) {
	case NFNL_SUBSYS_CTNETLINK << 8 | IPCTNL_MSG_CT_NEW:
	case NFNL_SUBSYS_CTNETLINK_EXP << 8 | IPCTNL_MSG_EXP_NEW:
	case NFNL_SUBSYS_NFTABLES << 8 | NFT_MSG_NEWTABLE:
	case NFNL_SUBSYS_NFTABLES << 8 | NFT_MSG_NEWCHAIN:
	case NFNL_SUBSYS_NFTABLES << 8 | NFT_MSG_NEWRULE:
	case NFNL_SUBSYS_NFTABLES << 8 | NFT_MSG_NEWSET:
	case NFNL_SUBSYS_NFTABLES << 8 | NFT_MSG_NEWSETELEM:
	case NFNL_SUBSYS_NFTABLES << 8 | NFT_MSG_NEWGEN:
	case NFNL_SUBSYS_NFTABLES << 8 | NFT_MSG_NEWOBJ:
	case NFNL_SUBSYS_NFTABLES << 8 | NFT_MSG_NEWFLOWTABLE:
	case NFNL_SUBSYS_ACCT << 8 | NFNL_MSG_ACCT_NEW:
	case NFNL_SUBSYS_CTHELPER << 8 | NFNL_MSG_CTHELPER_NEW:
	case NFNL_SUBSYS_CTNETLINK_TIMEOUT << 8 | IPCTNL_MSG_TIMEOUT_NEW:
	case NFNL_SUBSYS_CTNETLINK_TIMEOUT << 8 | IPCTNL_MSG_TIMEOUT_DEFAULT_SET:
		return &xlat_netlink_new_flags;
	case NFNL_SUBSYS_CTNETLINK << 8 | IPCTNL_MSG_CT_GET:
	case NFNL_SUBSYS_CTNETLINK << 8 | IPCTNL_MSG_CT_GET_CTRZERO:
	case NFNL_SUBSYS_CTNETLINK << 8 | IPCTNL_MSG_CT_GET_STATS_CPU:
	case NFNL_SUBSYS_CTNETLINK << 8 | IPCTNL_MSG_CT_GET_STATS:
	case NFNL_SUBSYS_CTNETLINK << 8 | IPCTNL_MSG_CT_GET_DYING:
	case NFNL_SUBSYS_CTNETLINK << 8 | IPCTNL_MSG_CT_GET_UNCONFIRMED:
	case NFNL_SUBSYS_CTNETLINK_EXP << 8 | IPCTNL_MSG_EXP_GET:
	case NFNL_SUBSYS_CTNETLINK_EXP << 8 | IPCTNL_MSG_EXP_GET_STATS_CPU:
	case NFNL_SUBSYS_NFTABLES << 8 | NFT_MSG_GETTABLE:
	case NFNL_SUBSYS_NFTABLES << 8 | NFT_MSG_GETCHAIN:
	case NFNL_SUBSYS_NFTABLES << 8 | NFT_MSG_GETRULE:
	case NFNL_SUBSYS_NFTABLES << 8 | NFT_MSG_GETSET:
	case NFNL_SUBSYS_NFTABLES << 8 | NFT_MSG_GETSETELEM:
	case NFNL_SUBSYS_NFTABLES << 8 | NFT_MSG_GETGEN:
	case NFNL_SUBSYS_NFTABLES << 8 | NFT_MSG_GETOBJ:
	case NFNL_SUBSYS_NFTABLES << 8 | NFT_MSG_GETOBJ_RESET:
	case NFNL_SUBSYS_NFTABLES << 8 | NFT_MSG_GETFLOWTABLE:
	case NFNL_SUBSYS_ACCT << 8 | NFNL_MSG_ACCT_GET:
	case NFNL_SUBSYS_ACCT << 8 | NFNL_MSG_ACCT_GET_CTRZERO:
	case NFNL_SUBSYS_CTHELPER << 8 | NFNL_MSG_CTHELPER_GET:
	case NFNL_SUBSYS_CTNETLINK_TIMEOUT << 8 | IPCTNL_MSG_TIMEOUT_GET:
	case NFNL_SUBSYS_CTNETLINK_TIMEOUT << 8 | IPCTNL_MSG_TIMEOUT_DEFAULT_GET:
	case NFNL_SUBSYS_NFT_COMPAT << 8 | NFNL_MSG_COMPAT_GET:
		return &xlat_netlink_get_flags;
	case NFNL_SUBSYS_CTNETLINK << 8 | IPCTNL_MSG_CT_DELETE:
	case NFNL_SUBSYS_CTNETLINK_EXP << 8 | IPCTNL_MSG_EXP_DELETE:
	case NFNL_SUBSYS_NFTABLES << 8 | NFT_MSG_DELTABLE:
	case NFNL_SUBSYS_NFTABLES << 8 | NFT_MSG_DELCHAIN:
	case NFNL_SUBSYS_NFTABLES << 8 | NFT_MSG_DELRULE:
	case NFNL_SUBSYS_NFTABLES << 8 | NFT_MSG_DELSET:
	case NFNL_SUBSYS_NFTABLES << 8 | NFT_MSG_DELSETELEM:
	case NFNL_SUBSYS_NFTABLES << 8 | NFT_MSG_DELOBJ:
	case NFNL_SUBSYS_NFTABLES << 8 | NFT_MSG_DELFLOWTABLE:
	case NFNL_SUBSYS_ACCT << 8 | NFNL_MSG_ACCT_DEL:
	case NFNL_SUBSYS_CTHELPER << 8 | NFNL_MSG_CTHELPER_DEL:
	case NFNL_SUBSYS_CTNETLINK_TIMEOUT << 8 | IPCTNL_MSG_TIMEOUT_DELETE:
		return &xlat_netlink_delete_flags;
	}
	return NULL;
}

/* The flags of a request that gets, creates or deletes, by protocol and type. */
static const struct sr_xlat *nl_flags_of(int proto, uint16_t type)
{
	if (type < NLMSG_MIN_TYPE)
		return type == NLMSG_ERROR ? &xlat_netlink_ack_flags : NULL;
	switch (proto) {
	case NETLINK_ROUTE:
		if (type == RTM_DELACTION)
			return &xlat_netlink_get_flags;
		switch (type & 3) {
		case 0:
			return &xlat_netlink_new_flags;
		case 1:
			return &xlat_netlink_delete_flags;
		case 2:
			return &xlat_netlink_get_flags;
		}
		return NULL;
	case NETLINK_SOCK_DIAG:
		return &xlat_netlink_get_flags;
	case NETLINK_XFRM:
		return nl_xfrm_flags(type);
	case NETLINK_NETFILTER:
		return nf_flags(type);
	}
	return NULL;
}

static void nl_flags(const struct nl_ctx *x, uint16_t flags, uint16_t type)
{
	const struct sr_xlat *t = nl_flags_of(x->proto, type);
	uint64_t rest;

	if (!flags) {
		pr_u(x->f, 0);
		return;
	}
	pr_bits_begin(x->f, flags);
	rest = pr_bits_walk(x->f, &xlat_netlink_flags, flags, -1);
	if (t && rest)
		rest = pr_bits_walk(x->f, t, rest, -1);
	if (rest)
		pr_bits_rest(x->f, SR_NUM_X, rest);
	pr_bits_end(x->f);
	if (rest == flags)
		pr_xlat_default(x->f, "NLM_F_???");
}

static void nl_header(const struct nl_ctx *x, const struct nlmsghdr *h)
{
	struct sr_fmt *f = x->f;

	pr_struct_begin(f);
	pr_field_u(f, "nlmsg_len", h->nlmsg_len);
	pr_field(f, "nlmsg_type");
	nl_type(x, h->nlmsg_type);
	pr_field(f, "nlmsg_flags");
	nl_flags(x, h->nlmsg_flags, h->nlmsg_type);
	pr_field_u(f, "nlmsg_seq", h->nlmsg_seq);
	pr_field(f, "nlmsg_pid");
	fmt_pid(f, (int32_t)h->nlmsg_pid);
	pr_struct_end(f);
}

/* A message header at @off with @len bytes left: false (and printed) when there is none. */
static bool nl_fetch_header(const struct nl_ctx *x, uint64_t off, uint64_t len, bool in_array,
			    struct nlmsghdr *h)
{
	char buf[32];

	/* too short for a header: its bytes, in an array too (strace's fetch_nlmsghdr()) */
	if (len < sizeof(*h)) {
		nl_hex(x, off, len);
		return false;
	}
	if (nl_at(x, off, sizeof(*h))) {
		memcpy(h, nl_at(x, off, sizeof(*h)), sizeof(*h));
		return true;
	}
	if (!in_array) {
		pr_addr(x->f, x->addr + off);
		return false;
	}
	snprintf(buf, sizeof(buf), "%#llx", (unsigned long long)(x->addr + off));
	pr_more(x->f);
	pr_comment(x->f, buf);
	return false;
}

static const nla_fn nlmsgerr_fns[] = {
	[NLMSGERR_ATTR_MSG] = nla_str,
	[NLMSGERR_ATTR_OFFS] = nla_u32,
	[NLMSGERR_ATTR_COOKIE] = nla_u8_array,
};

static const struct nla_set nlmsgerr_attrs = {
	.names = &xlat_nlmsgerr_attrs,
	.fns = nlmsgerr_fns,
	.n = sizeof(nlmsgerr_fns) / sizeof(nlmsgerr_fns[0]),
};

/* The error code: "-EACCES", or the number. */
static void nl_errcode(struct sr_fmt *f, int32_t err)
{
	const char *n = err < 0 && err != INT32_MIN ? errno__name(-err) : NULL;
	char buf[64];

	if (!n) {
		pr_d(f, err);
		return;
	}
	snprintf(buf, sizeof(buf), "-%s", n);
	pr_sym(f, buf, (uint64_t)(int64_t)err);
}

/*
 * NLMSG_ERROR: struct nlmsgerr whole (else its bytes or address), the
 * request it answers (its header at least, its payload as long as its
 * nlmsg_len says unless NLM_F_CAPPED), then extended ack attributes, as
 * strace's decode_nlmsgerr().
 */
static void nl_error(const struct nl_ctx *x, const struct nlmsghdr *h, uint64_t off, uint64_t len)
{
	struct sr_fmt *f = x->f;
	struct nlmsgerr e;
	uint64_t moff = off + offsetof(struct nlmsgerr, msg), mlen, payload;
	bool attrs;

	if (len < sizeof(e)) {
		nl_hex(x, off, len);
		return;
	}
	if (!nl_fetch(x, off, &e, sizeof(e)))
		return;
	mlen = len - offsetof(struct nlmsgerr, msg);
	/* a length shorter than a header is taken as a header's */
	payload = e.msg.nlmsg_len > sizeof(e.msg) ? e.msg.nlmsg_len : sizeof(e.msg);
	if (h->nlmsg_flags & NLM_F_CAPPED)
		payload = sizeof(e.msg);
	if (payload > mlen)
		payload = mlen;
	attrs = mlen > payload;
	if (attrs)
		pr_array_begin(f);
	pr_struct_begin(f);
	pr_field(f, "error");
	nl_errcode(f, e.error);
	pr_field(f, "msg");
	nl_message(x, &e.msg, moff, payload);
	pr_struct_end(f);
	if (attrs) {
		nl_attrs(x, moff + payload, mlen - payload, &nlmsgerr_attrs);
		pr_array_end(f);
	}
}

static nl_payload_fn nl_decoder(int proto)
{
	switch (proto) {
	case NETLINK_ROUTE:
		return rtnl_payload;
	case NETLINK_SOCK_DIAG:
		return diag_payload;
	case NETLINK_NETFILTER:
		return nf_payload;
	case NETLINK_SELINUX:
		return selinux_payload;
	}
	return NULL;
}

static void nl_payload(const struct nl_ctx *x, const struct nlmsghdr *h, uint64_t off, uint64_t len)
{
	nl_payload_fn fn = nl_decoder(x->proto);
	int32_t v;

	if (h->nlmsg_type == NLMSG_ERROR) {
		nl_error(x, h, off, len);
		return;
	}
	if ((h->nlmsg_type >= NLMSG_MIN_TYPE || h->nlmsg_type == NLMSG_DONE) && fn &&
	    fn(x, h, off, len))
		return;
	if (h->nlmsg_type == NLMSG_DONE && len == sizeof(v)) {
		if (nl_fetch(x, off, &v, sizeof(v)))
			pr_d(x->f, v);
		return;
	}
	nl_hex(x, off, len);
}

void nl_message(const struct nl_ctx *x, const struct nlmsghdr *h, uint64_t off, uint64_t len)
{
	uint64_t mlen = h->nlmsg_len < len ? h->nlmsg_len : len;
	bool payload = mlen > NLMSG_HDRLEN;

	if (payload)
		pr_array_begin(x->f);
	nl_header(x, h);
	if (payload) {
		nl_payload(x, h, off + NLMSG_HDRLEN, mlen - NLMSG_HDRLEN);
		pr_array_end(x->f);
	}
}

_Static_assert(NLMSG_ALIGNTO == NLA_ALIGNTO, "messages and attributes align alike");

void nl_records(const struct nl_ctx *x, uint64_t off, uint64_t len, const struct nl_recs *r,
		const void *arg)
{
	union {
		struct nlmsghdr h;
		struct nlattr a;
	} u;
	bool array = false;
	size_t i;

	for (i = 0; r->fetch(x, off, len, array, &u); i++) {
		uint32_t rlen = r->length(&u);
		uint64_t alen = NLMSG_ALIGN((uint64_t)rlen);
		bool next = rlen >= r->hdrlen && len > alen;

		if (array && !pr_array_elem(x->f, i))
			break;
		if (!array && next) {
			pr_array_begin(x->f);
			array = true;
		}
		r->print(x, &u, off, len, arg);
		if (!next)
			break;
		off += alen;
		len -= alen;
	}
	if (array)
		pr_array_end(x->f);
}

static bool nl_fetch_rec(const struct nl_ctx *x, uint64_t off, uint64_t len, bool in_array,
			 void *hdr)
{
	return nl_fetch_header(x, off, len, in_array, hdr);
}

static uint32_t nl_length(const void *hdr)
{
	return ((const struct nlmsghdr *)hdr)->nlmsg_len;
}

static void nl_print_rec(const struct nl_ctx *x, const void *hdr, uint64_t off, uint64_t len,
			 const void *arg)
{
	(void)arg;
	nl_message(x, hdr, off, len);
}

/* The messages in @len bytes at @off: one, or an array of them. */
static const struct nl_recs nl_msgs = {
	.hdrlen = NLMSG_HDRLEN,
	.fetch = nl_fetch_rec,
	.length = nl_length,
	.print = nl_print_rec,
};

bool fmt_netlink_buf(struct sr_fmt *f, const struct sr_call *c, int fd, const void *data,
		     size_t have, uint64_t addr, uint64_t len)
{
	struct nl_ctx x = { .f = f, .c = c, .p = data, .have = have, .addr = addr };

	if (!fmt_decodes_structs(f))
		return false;
	x.proto = fdtab__netlink_proto(f->fds, c, fd);
	if (x.proto == SR_NL_NONE)
		return false;
	if (x.proto == NETLINK_KOBJECT_UEVENT)
		nl_uevent(&x, len);
	else
		nl_records(&x, 0, len, &nl_msgs, NULL);
	return true;
}
