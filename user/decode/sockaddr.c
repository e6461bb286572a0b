// SPDX-License-Identifier: GPL-2.0
/*
 * Decoders: socket addresses. struct sockaddr by family (unix, inet, inet6,
 * netlink, packet here; sockaddr_fam.c has the others; raw bytes for what
 * neither knows), and the address lengths the kernel updates
 * ("[128 => 16]"), as strace 6.1 prints them.
 */
#include <stdio.h>
#include <string.h>
#include <arpa/inet.h>
#include <net/if.h>
#include <netinet/in.h>
#include <netpacket/packet.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <linux/netlink.h>

#include "decode/net.h"

void fmt_ifindex(struct sr_fmt *f, uint32_t idx)
{
	char name[IF_NAMESIZE + 1];

	if (!if_indextoname(idx, name)) {
		pr_u(f, idx);
		return;
	}
	/* -X raw: the number; -X verbose: the number, the name in a comment */
	if (!pr_call_raw_begin_fmt(f, "if_nametoindex", idx, SR_NUM_U, true))
		return;
	pr_str(f, name, strnlen(name, IF_NAMESIZE), IF_NAMESIZE, 0);
	pr_call_end(f);
}

/*
 * A value strace spells as a form of its bytes (htons(80), inet_addr("...")):
 * under -X raw the bytes alone, under -X verbose the bytes and then @form
 * in a comment. Return false under the default -X abbrev: the caller
 * prints the form.
 */
static bool sa_bytes_then(struct sr_fmt *f, const void *p, size_t n, const char *form)
{
	if (fmt_xlat_abbrev(f))
		return false;
	pr_str(f, p, n, n, SR_Q_HEX);
	if (!fmt_xlat_raw(f))
		pr_comment(f, form);
	return true;
}

void fmt_inet4(struct sr_fmt *f, const void *a)
{
	char buf[INET_ADDRSTRLEN], form[INET_ADDRSTRLEN + 16];

	inet_ntop(AF_INET, a, buf, sizeof(buf));
	snprintf(form, sizeof(form), "inet_addr(\"%s\")", buf);
	if (sa_bytes_then(f, a, sizeof(struct in_addr), form))
		return;
	pr_call_begin(f, "inet_addr");
	pr_str(f, buf, strlen(buf), sizeof(buf), 0);
	pr_call_end(f);
}

void fmt_inet6(struct sr_fmt *f, const void *a, const char *field)
{
	char buf[INET6_ADDRSTRLEN], dest[64], form[INET6_ADDRSTRLEN + 32];

	inet_ntop(AF_INET6, a, buf, sizeof(buf));
	if (!fmt_xlat_abbrev(f)) {
		/* the field's name is the form's last argument only by default */
		snprintf(form, sizeof(form), "inet_pton(AF_INET6, \"%s\")", buf);
		pr_field(f, field);
		sa_bytes_then(f, a, sizeof(struct in6_addr), form);
		return;
	}
	snprintf(dest, sizeof(dest), "&%s", field);
	pr_field_implicit(f, field);
	pr_call_begin(f, "inet_pton");
	pr_sym(f, "AF_INET6", AF_INET6);
	pr_str(f, buf, strlen(buf), sizeof(buf), 0);
	pr_sym(f, dest, 0);
	pr_call_end(f);
}

void fmt_net_u16(struct sr_fmt *f, const void *be)
{
	uint16_t v;
	char form[16];

	memcpy(&v, be, sizeof(v));
	snprintf(form, sizeof(form), "htons(%u)", ntohs(v));
	if (sa_bytes_then(f, be, sizeof(v), form))
		return;
	pr_call_begin(f, "htons");
	pr_u(f, ntohs(v));
	pr_call_end(f);
}

/* sockaddr bodies; @len covers the whole address, family included. */
static void sa_unix(struct sr_fmt *f, const struct sockaddr_un *sa, size_t len)
{
	size_t plen =
		(len > sizeof(*sa) ? sizeof(*sa) : len) - offsetof(struct sockaddr_un, sun_path);

	pr_field(f, "sun_path");
	if (sa->sun_path[0])
		pr_str(f, sa->sun_path, plen, SR_BLOB_MAX, SR_Q_NUL_TERM);
	else /* abstract: a leading NUL, then bytes that may hold more NULs */
		pr_str(f, sa->sun_path + 1, plen - 1, SR_BLOB_MAX, SR_Q_ABSTRACT);
}

static void sa_in(struct sr_fmt *f, const struct sockaddr_in *sa)
{
	pr_field(f, "sin_port");
	fmt_net_u16(f, &sa->sin_port);
	pr_field(f, "sin_addr");
	fmt_inet4(f, &sa->sin_addr);
}

static bool in6_link_local(const struct in6_addr *a)
{
	return IN6_IS_ADDR_LINKLOCAL(a) || IN6_IS_ADDR_MC_LINKLOCAL(a);
}

static void sa_in6(struct sr_fmt *f, const struct sockaddr_in6 *sa, size_t len)
{
	char form[32];

	pr_field(f, "sin6_port");
	fmt_net_u16(f, &sa->sin6_port);
	pr_field(f, "sin6_flowinfo");
	snprintf(form, sizeof(form), "htonl(%u)", ntohl(sa->sin6_flowinfo));
	if (!sa_bytes_then(f, &sa->sin6_flowinfo, sizeof(sa->sin6_flowinfo), form)) {
		pr_call_begin(f, "htonl");
		pr_u(f, ntohl(sa->sin6_flowinfo));
		pr_call_end(f);
	}
	fmt_inet6(f, &sa->sin6_addr, "sin6_addr");
	/* sin6_scope_id is optional (RFC 2133 addresses are 24 bytes) */
	if (len <= offsetof(struct sockaddr_in6, sin6_scope_id))
		return;
	pr_field(f, "sin6_scope_id");
	if (in6_link_local(&sa->sin6_addr))
		fmt_ifindex(f, sa->sin6_scope_id);
	else
		pr_u(f, sa->sin6_scope_id);
}

static void sa_nl(struct sr_fmt *f, const struct sockaddr_nl *sa)
{
	if (sa->nl_pad)
		pr_field_x(f, "nl_pad", sa->nl_pad);
	pr_field(f, "nl_pid");
	fmt_pid(f, (int32_t)sa->nl_pid);
	/* strace prints the groups as %#08x: 00000000, 0x000001 */
	pr_field(f, "nl_groups");
	pr_xw(f, sa->nl_groups, 8);
}

/*
 * sll_addr: sll_halen bytes as strace's "%#02x", as far as the address
 * holds them (past the 8 bytes of the field when @len goes on).
 */
static void sll_addr(struct sr_fmt *f, const struct sockaddr_ll *sa, size_t len)
{
	const uint8_t *a = (const uint8_t *)sa + offsetof(struct sockaddr_ll, sll_addr);
	size_t room = len - offsetof(struct sockaddr_ll, sll_addr), i;

	pr_field(f, "sll_addr");
	pr_array_begin(f);
	for (i = 0; i < sa->sll_halen; i++) {
		if (i >= room) {
			pr_more(f);
			break;
		}
		pr_xw(f, a[i], 2 * sizeof(sa->sll_addr[0]));
	}
	pr_array_end(f);
}

static void sa_ll(struct sr_fmt *f, const struct sockaddr_ll *sa, size_t len)
{
	uint16_t proto = ntohs(sa->sll_protocol);
	const char *name = xlat__name(&xlat_ethernet_protocols, proto);
	char form[64];

	pr_field(f, "sll_protocol");
	if (name)
		snprintf(form, sizeof(form), "htons(%s)", name);
	else
		snprintf(form, sizeof(form), "htons(%#x /* %s */)", proto,
			 xlat_ethernet_protocols.unknown);
	if (!sa_bytes_then(f, &sa->sll_protocol, sizeof(sa->sll_protocol), form)) {
		pr_call_begin(f, "htons");
		fmt_enum(f, &xlat_ethernet_protocols, proto);
		pr_call_end(f);
	}
	pr_field(f, "sll_ifindex");
	fmt_ifindex(f, sa->sll_ifindex);
	pr_field(f, "sll_hatype");
	fmt_enum(f, &xlat_arp_hardware_types, sa->sll_hatype);
	pr_field(f, "sll_pkttype");
	fmt_enum(f, &xlat_af_packet_types, sa->sll_pkttype);
	pr_field_u(f, "sll_halen", sa->sll_halen);
	if (sa->sll_halen)
		sll_addr(f, sa, len);
}

void fmt_sockaddr_inet(struct sr_fmt *f, const uint8_t *buf, size_t len)
{
	if (((const struct sockaddr *)buf)->sa_family == AF_INET)
		sa_in(f, (const void *)buf);
	else
		sa_in6(f, (const void *)buf, len);
}

/* A family this file does not know, or an address too short for its family. */
static void sa_raw(struct sr_fmt *f, const uint8_t *buf, size_t len)
{
	size_t off = offsetof(struct sockaddr, sa_data);

	pr_field(f, "sa_data");
	pr_str(f, buf + off, len - off, SR_BLOB_MAX, 0);
}

/* The family's body when @len is enough for it; false: print raw bytes. */
static bool sa_body(struct sr_fmt *f, const uint8_t *buf, size_t len, int family)
{
	switch (family) {
	case AF_UNIX:
		sa_unix(f, (const void *)buf, len);
		return true;
	case AF_INET:
		if (len < sizeof(struct sockaddr_in))
			return false;
		sa_in(f, (const void *)buf);
		return true;
	case AF_INET6:
		if (len < offsetof(struct sockaddr_in6, sin6_scope_id))
			return false;
		sa_in6(f, (const void *)buf, len);
		return true;
	case AF_NETLINK:
		if (len < sizeof(struct sockaddr_nl))
			return false;
		sa_nl(f, (const void *)buf);
		return true;
	case AF_PACKET:
		if (len < sizeof(struct sockaddr_ll))
			return false;
		sa_ll(f, (const void *)buf, len);
		return true;
	}
	return fmt_sockaddr_other(f, buf, len, family);
}

void fmt_sockaddr(struct sr_fmt *f, const void *data, size_t len, uint64_t addr)
{
	/* zero padded past @len: strace reads sun_path one byte further */
	union {
		struct sockaddr_storage ss;
		uint8_t b[sizeof(struct sockaddr_storage) + 1];
	} u;
	size_t body = offsetof(struct sockaddr_storage, ss_family) + sizeof(u.ss.ss_family);

	if (len < body) {
		fmt_ptr(f, addr);
		return;
	}
	if (len > sizeof(u.ss))
		len = sizeof(u.ss);
	memset(&u, 0, sizeof(u));
	memcpy(u.b, data, len);
	pr_struct_begin(f);
	pr_field(f, "sa_family");
	fmt_enum(f, &xlat_socket_domain, u.ss.ss_family);
	if (len > body && !sa_body(f, u.b, len, u.ss.ss_family))
		sa_raw(f, u.b, len);
	pr_struct_end(f);
}

/*
 * The length strace decodes an address argument with: the length argument
 * (connect, bind, sendto), or the smaller of the user's buffer size and the
 * length the kernel wrote back (accept, getsockname, recvfrom).
 */
static int64_t sockaddr_len(const struct sr_call *c, int argi, size_t have)
{
	uint8_t l = c->ent->args[argi].len;
	int n = SR_L_IDX(l) % SR_NARGS;
	int32_t ulen, rlen;

	switch (SR_L_KIND(l)) {
	case SR_L_ARG(0):
		return (int32_t)c->args[n];
	case SR_L_PTR(0):
		if (!blob_i32(c->in[n], &ulen))
			return have;
		if (!blob_i32(c->out[n], &rlen))
			rlen = ulen;
		return ulen < rlen ? ulen : rlen;
	default:
		return have;
	}
}

static void sockaddr_print(struct sr_fmt *f, const struct sr_call *c, int argi, const void *data,
			   size_t len)
{
	int64_t want = sockaddr_len(c, argi, len);
	size_t need = want < (int64_t)sizeof(struct sockaddr_storage) ?
			      (size_t)want :
			      sizeof(struct sockaddr_storage);

	/* fewer bytes than strace reads: the copy stopped at an unmapped page */
	if (want < (int64_t)sizeof(sa_family_t) || len < need) {
		fmt_ptr(f, c->args[argi]);
		return;
	}
	fmt_sockaddr(f, data, (size_t)want < len ? (size_t)want : len, c->args[argi]);
}

const struct sr_kind sr_kind_sockaddr = {
	.name = "sockaddr",
	.same32 = true, /* fixed-width fields */
	.size = 0,
	.max = sizeof(struct sockaddr_storage),
	.page_part = true,
	.print = sockaddr_print,
};

/*
 * An address length pointer: "[16]", or "[128 => 16]" when the kernel
 * changed it. strace shows only the address when the buffer it describes
 * is NULL (accept(fd, NULL, &len)).
 */
static void socklen_print(struct sr_fmt *f, const struct sr_call *c, int argi, const void *data,
			  size_t len)
{
	const struct sr_argdesc *prev = argi ? &c->ent->args[argi - 1] : NULL;
	int32_t ulen, rlen;

	if (prev && prev->kind == &sr_kind_sockaddr && !c->args[argi - 1]) {
		fmt_ptr(f, c->args[argi]);
		return;
	}
	if (!blob_i32(c->in[argi], &ulen)) {
		if (len < sizeof(ulen)) {
			fmt_ptr(f, c->args[argi]);
			return;
		}
		ulen = (int32_t)get32(data, 0);
	}
	pr_array_begin(f);
	pr_d(f, ulen);
	if (c->has_exit && c->ret >= 0 && blob_i32(c->out[argi], &rlen) && rlen != ulen) {
		pr_changed(f);
		pr_d(f, rlen);
	}
	pr_array_end(f);
}

const struct sr_kind sr_kind_socklen = {
	.name = "socklen",
	.same32 = true, /* fixed-width fields */
	.size = sizeof(socklen_t),
	.max = 0,
	.print = socklen_print,
};
