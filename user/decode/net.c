// SPDX-License-Identifier: GPL-2.0
/*
 * Decoders: sockets. Addresses (struct sockaddr by family), address
 * lengths that the kernel updates ("[128 => 16]"), socket types and
 * protocols, sendmsg/recvmsg/sendmmsg/recvmmsg headers with their control
 * messages, and socket option names and values by level, all as strace 6.1
 * prints them.
 */
#include <string.h>
#include <arpa/inet.h>
#include <net/if.h>
#include <netinet/in.h>
#include <netpacket/packet.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <linux/netlink.h>

#include "decode/decode.h"
#include "cli/opts.h"

/* struct user_msghdr as the kernel reads it (x86_64, arm64). */
struct sr_umsghdr {
	uint64_t name;
	uint32_t namelen;
	uint32_t pad;
	uint64_t iov;
	uint64_t iovlen;
	uint64_t control;
	uint64_t controllen;
	uint32_t flags;
	uint32_t pad2;
};

/* Most iovecs and bytes of msg_control the BPF side captures (put_msghdr). */
#define SR_MSG_IOV_MAX 16
#define SR_CMSG_HDR    16 /* sizeof(struct cmsghdr) */

/* The int at the start of @b, when it was captured. */
static bool blob_i32(const struct sr_blob *b, int32_t *v)
{
	if (!blob_ok(b) || b->len < 4)
		return false;
	*v = (int32_t)get32(blob_data(b), 0);
	return true;
}

/* An unknown value of a table: hex and the table's comment. */
static void fmt_enum_as(struct sr_fmt *f, const struct sr_xlat *x, uint64_t v, const char *unk)
{
	const char *n = xlat__name(x, v);

	if (n) {
		out__puts(f->out, n);
		return;
	}
	out__hex(f->out, v);
	out__puts(f->out, " /* ");
	out__puts(f->out, unk);
	out__puts(f->out, " */");
}

/* "if_nametoindex(\"lo\")" when the index names an interface here, as strace. */
static void fmt_ifindex(struct sr_fmt *f, unsigned int idx)
{
	char name[IF_NAMESIZE + 1];

	if (!if_indextoname(idx, name)) {
		out__udec(f->out, idx);
		return;
	}
	out__puts(f->out, "if_nametoindex(");
	out__quoted(f->out, name, strnlen(name, IF_NAMESIZE), IF_NAMESIZE, 0);
	out__putc(f->out, ')');
}

/* inet_addr("1.2.3.4") for 4 bytes in network order. */
static void fmt_inet4(struct sr_fmt *f, const void *a)
{
	char buf[INET_ADDRSTRLEN];

	inet_ntop(AF_INET, a, buf, sizeof(buf));
	out__puts(f->out, "inet_addr(\"");
	out__puts(f->out, buf);
	out__puts(f->out, "\")");
}

/* inet_pton(AF_INET6, "::1", &field) */
static void fmt_inet6(struct sr_fmt *f, const void *a, const char *field)
{
	char buf[INET6_ADDRSTRLEN];

	inet_ntop(AF_INET6, a, buf, sizeof(buf));
	out__puts(f->out, "inet_pton(AF_INET6, \"");
	out__puts(f->out, buf);
	out__puts(f->out, "\", &");
	out__puts(f->out, field);
	out__putc(f->out, ')');
}

static void fmt_htons(struct sr_fmt *f, const char *field, uint16_t be)
{
	out__puts(f->out, field);
	out__puts(f->out, "=htons(");
	out__udec(f->out, ntohs(be));
	out__putc(f->out, ')');
}

/* sockaddr bodies; @len covers the whole address, family included. */
static void sa_unix(struct sr_fmt *f, const struct sockaddr_un *sa, size_t len)
{
	size_t plen = (len > sizeof(*sa) ? sizeof(*sa) : len) - sizeof(sa->sun_family);

	out__puts(f->out, "sun_path=");
	if (sa->sun_path[0]) {
		out__quoted(f->out, sa->sun_path, plen, SR_BLOB_MAX, SR_Q_NUL_TERM);
		return;
	}
	/* abstract: a leading NUL, then bytes that may hold more NULs */
	out__putc(f->out, '@');
	out__quoted(f->out, sa->sun_path + 1, plen - 1, SR_BLOB_MAX, 0);
}

static void sa_in(struct sr_fmt *f, const struct sockaddr_in *sa)
{
	fmt_htons(f, "sin_port", sa->sin_port);
	out__puts(f->out, ", sin_addr=");
	fmt_inet4(f, &sa->sin_addr);
}

static bool in6_link_local(const struct in6_addr *a)
{
	return IN6_IS_ADDR_LINKLOCAL(a) || IN6_IS_ADDR_MC_LINKLOCAL(a);
}

static void sa_in6(struct sr_fmt *f, const struct sockaddr_in6 *sa, size_t len)
{
	fmt_htons(f, "sin6_port", sa->sin6_port);
	out__puts(f->out, ", sin6_flowinfo=htonl(");
	out__udec(f->out, ntohl(sa->sin6_flowinfo));
	out__puts(f->out, "), ");
	fmt_inet6(f, &sa->sin6_addr, "sin6_addr");
	/* sin6_scope_id is optional (RFC 2133 addresses are 24 bytes) */
	if (len <= offsetof(struct sockaddr_in6, sin6_scope_id))
		return;
	out__puts(f->out, ", sin6_scope_id=");
	if (in6_link_local(&sa->sin6_addr))
		fmt_ifindex(f, sa->sin6_scope_id);
	else
		out__udec(f->out, sa->sin6_scope_id);
}

static void sa_nl(struct sr_fmt *f, const struct sockaddr_nl *sa)
{
	if (sa->nl_pad) {
		out__puts(f->out, "nl_pad=");
		out__hex(f->out, sa->nl_pad);
		out__puts(f->out, ", ");
	}
	out__puts(f->out, "nl_pid=");
	out__dec(f->out, (int32_t)sa->nl_pid);
	/* strace prints the groups as %#08x */
	out__puts(f->out, ", nl_groups=");
	if (sa->nl_groups)
		out__printf(f->out, "%#08x", sa->nl_groups);
	else
		out__puts(f->out, "00000000");
}

static void sa_ll(struct sr_fmt *f, const struct sockaddr_ll *sa, size_t len)
{
	size_t room = len - offsetof(struct sockaddr_ll, sll_addr), i;

	out__puts(f->out, "sll_protocol=htons(");
	fmt_enum(f, &xlat_ethernet_protocols, ntohs(sa->sll_protocol));
	out__puts(f->out, "), sll_ifindex=");
	fmt_ifindex(f, sa->sll_ifindex);
	out__puts(f->out, ", sll_hatype=");
	fmt_enum(f, &xlat_arp_hardware_types, sa->sll_hatype);
	out__puts(f->out, ", sll_pkttype=");
	fmt_enum(f, &xlat_af_packet_types, sa->sll_pkttype);
	out__puts(f->out, ", sll_halen=");
	out__udec(f->out, sa->sll_halen);
	if (!sa->sll_halen)
		return;
	out__puts(f->out, ", sll_addr=[");
	for (i = 0; i < sa->sll_halen; i++) {
		if (i)
			out__puts(f->out, ", ");
		if (i >= room || i >= sizeof(sa->sll_addr)) {
			out__puts(f->out, "...");
			break;
		}
		out__printf(f->out, "%#04x", sa->sll_addr[i]);
	}
	out__putc(f->out, ']');
}

static void sa_raw(struct sr_fmt *f, const uint8_t *buf, size_t len)
{
	out__puts(f->out, "sa_data=");
	out__quoted(f->out, buf + 2, len - 2, SR_BLOB_MAX, 0);
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
	return false;
}

/**
 * fmt_sockaddr() - print @len (>= 2) bytes of a socket address, or the
 * address @addr when @len is too short to hold a family.
 */
static void fmt_sockaddr(struct sr_fmt *f, const void *data, size_t len, uint64_t addr)
{
	/* zero padded past @len: strace reads sun_path one byte further */
	union {
		struct sockaddr_storage ss;
		uint8_t b[sizeof(struct sockaddr_storage) + 1];
	} u;
	uint16_t family;

	if (len < 2) {
		fmt_ptr(f, addr);
		return;
	}
	if (len > sizeof(u.ss))
		len = sizeof(u.ss);
	memset(&u, 0, sizeof(u));
	memcpy(u.b, data, len);
	family = u.ss.ss_family;
	out__puts(f->out, "{sa_family=");
	fmt_enum(f, &xlat_socket_domain, family);
	if (len > 2) {
		out__puts(f->out, ", ");
		if (!sa_body(f, u.b, len, family))
			sa_raw(f, u.b, len);
	}
	out__putc(f->out, '}');
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

	if (want < 2) {
		fmt_ptr(f, c->args[argi]);
		return;
	}
	fmt_sockaddr(f, data, (size_t)want < len ? (size_t)want : len, c->args[argi]);
}

const struct sr_kind sr_kind_sockaddr = {
	.name = "sockaddr",
	.size = 0,
	.max = 128,
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
		if (len < 4) {
			fmt_ptr(f, c->args[argi]);
			return;
		}
		ulen = (int32_t)get32(data, 0);
	}
	out__putc(f->out, '[');
	if (c->has_exit && c->ret >= 0 && blob_i32(c->out[argi], &rlen) && rlen != ulen) {
		out__dec(f->out, ulen);
		out__puts(f->out, " => ");
		ulen = rlen;
	}
	out__dec(f->out, ulen);
	out__putc(f->out, ']');
}

const struct sr_kind sr_kind_socklen = {
	.name = "socklen",
	.size = 4,
	.max = 0,
	.print = socklen_print,
};

/* SOCK_STREAM|SOCK_CLOEXEC: the low bits are the type, the rest flags. */
static void fmt_sock_type(struct sr_fmt *f, uint32_t v)
{
	const char *t = xlat__name(&xlat_socket_types, v & 0xf);

	if (t) {
		out__puts(f->out, t);
		v &= ~0xfu;
		if (!v)
			return;
		out__putc(f->out, '|');
	}
	fmt_flags(f, &xlat_socket_flags, v);
}

static void socket_type_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	fmt_sock_type(f, (uint32_t)c->args[argi]);
}

const struct sr_decoder sr_dec_socket_type = {
	.name = "socket_type",
	.at_exit = false,
	.print = socket_type_print,
};

/* The protocol's meaning depends on the domain (argument 0). */
static void socket_proto_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	uint64_t v = c->args[argi];

	switch ((uint32_t)c->args[0]) {
	case AF_INET:
	case AF_INET6:
		fmt_enum(f, &xlat_inet_protos, (uint32_t)v);
		break;
	case AF_NETLINK:
		fmt_enum(f, &xlat_netlink_protocols, (uint32_t)v);
		break;
	case AF_PACKET:
		out__puts(f->out, "htons(");
		fmt_enum(f, &xlat_ethernet_protocols, ntohs((uint16_t)v));
		out__putc(f->out, ')');
		break;
	default:
		out__udec(f->out, v);
		break;
	}
}

const struct sr_decoder sr_dec_socket_proto = {
	.name = "socket_proto",
	.at_exit = false,
	.print = socket_proto_print,
};

/*
 * sendmsg/recvmsg. The BPF side captures, for the msghdr argument, a fixed
 * sequence of blobs (put_msghdr): the header, msg_name, the iovec array,
 * one blob per buffer while bytes remain, then msg_control.
 */
struct msg_parts {
	struct sr_umsghdr h;
	const struct sr_blob *name;
	const struct sr_blob *iov;
	const struct sr_blob *buf[SR_MSG_IOV_MAX];
	const struct sr_blob *control;
	const uint8_t *end; /* end of the record holding the blobs */
	uint64_t total; /* bytes the buffers hold: the return value at exit */
};

static const struct sr_blob *next_of(const struct sr_blob *b, const uint8_t *end, int argi)
{
	b = b ? blob_next(b, end) : NULL;
	return b && SR_BLOB_ARG(b) == argi ? b : NULL;
}

/* Walk the buffer blobs as put_iov() emitted them. */
static const struct sr_blob *msg_bufs(struct msg_parts *m, const struct sr_blob *b,
				      const uint8_t *end, int argi)
{
	const uint64_t *iov;
	uint64_t left = m->total, n, i;

	if (!blob_ok(m->iov))
		return b;
	iov = blob_data(m->iov);
	n = m->iov->len / 16;
	for (i = 0; i < n && i < m->h.iovlen && left; i++) {
		uint64_t want = iov[2 * i + 1] < left ? iov[2 * i + 1] : left;

		b = next_of(b, end, argi);
		if (!b)
			return NULL;
		m->buf[i] = b;
		left -= want;
	}
	return b;
}

/*
 * One message from its header blob @hdr on: a struct user_msghdr, or a
 * struct mmsghdr, which starts with one. The blobs that follow are found
 * by walking as the BPF side wrote them, so @total must bound the buffers
 * as it did there.
 */
static bool msg_parse(struct msg_parts *m, const struct sr_call *c, const struct sr_blob *hdr,
		      int argi, uint64_t total)
{
	const struct sr_blob *b;

	memset(m, 0, sizeof(*m));
	if (!blob_ok(hdr) || hdr->len < sizeof(m->h))
		return false;
	memcpy(&m->h, blob_data(hdr), sizeof(m->h));
	m->total = total;
	m->end = call__blob_end(c, hdr);
	m->name = next_of(hdr, m->end, argi);
	m->iov = next_of(m->name, m->end, argi);
	b = msg_bufs(m, m->iov, m->end, argi);
	m->control = next_of(b, m->end, argi);
	return true;
}

/* The blob after a message's parts: the next element of an mmsghdr array. */
static const struct sr_blob *msg_after(const struct msg_parts *m, int argi)
{
	return next_of(m->control, m->end, argi);
}

static void msg_name(struct sr_fmt *f, const struct msg_parts *m, int32_t ulen, bool has_ulen)
{
	int32_t len = (int32_t)m->h.namelen;

	if (has_ulen && ulen < len)
		len = ulen;
	out__puts(f->out, "{msg_name=");
	if (len < 2 || !blob_ok(m->name))
		fmt_ptr(f, m->h.name);
	else
		fmt_sockaddr(f, blob_data(m->name),
			     m->name->len < (uint32_t)len ? m->name->len : len, m->h.name);
	out__puts(f->out, ", msg_namelen=");
	if (has_ulen && ulen != (int32_t)m->h.namelen) {
		out__dec(f->out, ulen);
		out__puts(f->out, " => ");
	}
	out__dec(f->out, (int32_t)m->h.namelen);
}

/* One iov_base: the bytes captured, "" past the end of the data. */
static void msg_iov_base(struct sr_fmt *f, const struct sr_blob *b, uint64_t base, uint64_t len)
{
	if (!base) {
		out__puts(f->out, "NULL");
	} else if (!len) {
		out__puts(f->out, "\"\"");
	} else if (!blob_ok(b)) {
		out__hex(f->out, base);
	} else {
		unsigned int q = (b->flags & SR_BF_TRUNC) ? SR_Q_ELLIPSIS : 0;

		out__quoted(f->out, blob_data(b), b->len, fmt_strsize(f), q);
	}
}

static void msg_iov(struct sr_fmt *f, const struct msg_parts *m)
{
	const uint64_t *iov;
	uint64_t left = m->total, i, n;

	out__puts(f->out, ", msg_iov=");
	if (!m->h.iov) {
		out__puts(f->out, "NULL");
		return;
	}
	if (!blob_ok(m->iov) && m->h.iovlen) {
		out__hex(f->out, m->h.iov);
		return;
	}
	iov = m->h.iovlen ? blob_data(m->iov) : NULL;
	n = m->h.iovlen ? m->iov->len / 16 : 0;
	out__putc(f->out, '[');
	for (i = 0; i < m->h.iovlen; i++) {
		uint64_t len, shown;

		if (i)
			out__puts(f->out, ", ");
		if (i >= fmt_max_elems(f) || i >= n) {
			out__puts(f->out, "...");
			break;
		}
		len = iov[2 * i + 1];
		shown = len < left ? len : left;
		left -= shown;
		out__puts(f->out, "{iov_base=");
		msg_iov_base(f, i < SR_MSG_IOV_MAX ? m->buf[i] : NULL, iov[2 * i], shown);
		out__puts(f->out, ", iov_len=");
		out__udec(f->out, len);
		out__putc(f->out, '}');
	}
	out__putc(f->out, ']');
}

static void cmsg_fds(struct sr_fmt *f, const struct sr_call *c, const uint8_t *d, size_t len)
{
	size_t i, n = len / 4;

	out__putc(f->out, '[');
	for (i = 0; i < n; i++) {
		if (i)
			out__puts(f->out, ", ");
		if (i >= fmt_max_elems(f)) {
			out__puts(f->out, "...");
			break;
		}
		fmt_fd(f, c, (int32_t)get32(d + 4 * i, 0));
	}
	out__putc(f->out, ']');
}

static void fmt_id(struct sr_fmt *f, uint32_t v)
{
	if (v == (uint32_t)-1)
		out__puts(f->out, "-1");
	else
		out__udec(f->out, v);
}

static void cmsg_creds(struct sr_fmt *f, const uint8_t *d)
{
	struct ucred uc;

	memcpy(&uc, d, sizeof(uc));
	out__puts(f->out, "{pid=");
	out__dec(f->out, uc.pid);
	out__puts(f->out, ", uid=");
	fmt_id(f, uc.uid);
	out__puts(f->out, ", gid=");
	fmt_id(f, uc.gid);
	out__putc(f->out, '}');
}

/* {tv_sec=S, tv_usec=U} or tv_nsec: two 64-bit words on 64-bit kernels. */
static void fmt_ts(struct sr_fmt *f, const uint8_t *d, const char *sub)
{
	int64_t s, ns;

	memcpy(&s, d, 8);
	memcpy(&ns, d + 8, 8);
	out__puts(f->out, "{tv_sec=");
	out__dec(f->out, s);
	out__puts(f->out, ", ");
	out__puts(f->out, sub);
	out__putc(f->out, '=');
	out__udec(f->out, (uint64_t)ns);
	out__putc(f->out, '}');
}

static void cmsg_times(struct sr_fmt *f, const uint8_t *d, size_t len, size_t n, const char *sub)
{
	size_t i;

	if (len < 16 * n) {
		out__puts(f->out, "???");
		return;
	}
	if (n == 1) {
		fmt_ts(f, d, sub);
		return;
	}
	out__putc(f->out, '[');
	for (i = 0; i < n; i++) {
		if (i)
			out__puts(f->out, ", ");
		fmt_ts(f, d + 16 * i, sub);
	}
	out__putc(f->out, ']');
}

/* SOL_SOCKET control messages; false: strace shows no cmsg_data. */
static bool cmsg_socket(struct sr_fmt *f, const struct sr_call *c, int type, const uint8_t *d,
			size_t len)
{
	switch (type) {
	case SCM_RIGHTS:
		if (len < 4)
			return false;
		out__puts(f->out, ", cmsg_data=");
		cmsg_fds(f, c, d, len);
		return true;
	case SCM_CREDENTIALS:
		if (len < sizeof(struct ucred))
			return false;
		out__puts(f->out, ", cmsg_data=");
		cmsg_creds(f, d);
		return true;
	case 3: /* SCM_SECURITY, which only the kernel's headers define */
		if (!len)
			return false;
		out__puts(f->out, ", cmsg_data=");
		out__quoted(f->out, d, len, SR_BLOB_MAX, 0);
		return true;
	}
	if (!len)
		return false;
	switch (type) {
	case SO_TIMESTAMP_OLD:
	case SO_TIMESTAMP_NEW:
		out__puts(f->out, ", cmsg_data=");
		cmsg_times(f, d, len, 1, "tv_usec");
		return true;
	case SO_TIMESTAMPNS_OLD:
	case SO_TIMESTAMPNS_NEW:
		out__puts(f->out, ", cmsg_data=");
		cmsg_times(f, d, len, 1, "tv_nsec");
		return true;
	case SO_TIMESTAMPING_OLD:
	case SO_TIMESTAMPING_NEW:
		out__puts(f->out, ", cmsg_data=");
		cmsg_times(f, d, len, 3, "tv_nsec");
		return true;
	}
	return false;
}

static void cmsg_uints(struct sr_fmt *f, const uint8_t *d, size_t len, size_t elem)
{
	size_t i, n = len / elem;

	out__putc(f->out, '[');
	for (i = 0; i < n; i++) {
		if (i)
			out__puts(f->out, ", ");
		if (i >= fmt_max_elems(f)) {
			out__puts(f->out, "...");
			break;
		}
		if (elem == 1)
			out__hex(f->out, d[i]);
		else
			out__udec(f->out, (uint32_t)(int32_t)get32(d + 4 * i, 0));
	}
	out__putc(f->out, ']');
}

static void cmsg_pktinfo(struct sr_fmt *f, const uint8_t *d)
{
	struct in_pktinfo pi;

	memcpy(&pi, d, sizeof(pi));
	out__puts(f->out, "{ipi_ifindex=");
	fmt_ifindex(f, pi.ipi_ifindex);
	out__puts(f->out, ", ipi_spec_dst=");
	fmt_inet4(f, &pi.ipi_spec_dst);
	out__puts(f->out, ", ipi_addr=");
	fmt_inet4(f, &pi.ipi_addr);
	out__putc(f->out, '}');
}

/* struct sock_extended_err followed by the offender's sockaddr_in. */
static void cmsg_recverr(struct sr_fmt *f, const uint8_t *d)
{
	static const char *const names[] = { "ee_origin", "ee_type", "ee_code" };
	int i;

	out__puts(f->out, "{ee_errno=");
	out__udec(f->out, (uint32_t)(int32_t)get32(d, 0));
	for (i = 0; i < 3; i++) {
		out__puts(f->out, ", ");
		out__puts(f->out, names[i]);
		out__putc(f->out, '=');
		out__udec(f->out, d[4 + i]);
	}
	out__puts(f->out, ", ee_info=");
	out__udec(f->out, (uint32_t)(int32_t)get32(d + 8, 0));
	out__puts(f->out, ", ee_data=");
	out__udec(f->out, (uint32_t)(int32_t)get32(d + 12, 0));
	out__puts(f->out, ", offender=");
	fmt_sockaddr(f, d + 16, sizeof(struct sockaddr_in), 0);
	out__putc(f->out, '}');
}

/* The least data each SOL_IP control message needs to be decoded. */
static size_t cmsg_ip_min(int type)
{
	switch (type) {
	case IP_PKTINFO:
		return sizeof(struct in_pktinfo);
	case IP_RECVERR:
		return 32; /* struct sock_extended_err and the offender */
	case IP_ORIGDSTADDR:
		return sizeof(struct sockaddr_in);
	case IP_TTL:
	case IP_CHECKSUM:
		return 4;
	}
	return 1;
}

/* SOL_IP control messages; false: strace shows no cmsg_data. */
static bool cmsg_ip(struct sr_fmt *f, int type, const uint8_t *d, size_t len)
{
	if (len < cmsg_ip_min(type))
		return false;
	switch (type) {
	case IP_PKTINFO:
		out__puts(f->out, ", cmsg_data=");
		cmsg_pktinfo(f, d);
		return true;
	case IP_TTL:
	case IP_CHECKSUM:
		out__puts(f->out, ", cmsg_data=");
		cmsg_uints(f, d, len, 4);
		return true;
	case IP_TOS:
	case IP_RECVOPTS:
	case IP_RETOPTS:
		out__puts(f->out, ", cmsg_data=");
		cmsg_uints(f, d, len, 1);
		return true;
	case IP_RECVERR:
		out__puts(f->out, ", cmsg_data=");
		cmsg_recverr(f, d);
		return true;
	case IP_ORIGDSTADDR:
		out__puts(f->out, ", cmsg_data=");
		fmt_sockaddr(f, d, len > 128 ? 128 : len, 0);
		return true;
	case 3: /* SCM_SECURITY */
		out__puts(f->out, ", cmsg_data=");
		out__quoted(f->out, d, len, SR_BLOB_MAX, 0);
		return true;
	}
	return false;
}

/* One control message: its header fields and, for known types, its data. */
static void cmsg_one(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, size_t room)
{
	uint64_t clen;
	int32_t level, type;
	size_t len, dlen;

	memcpy(&clen, p, 8);
	level = (int32_t)get32(p + 8, 0);
	type = (int32_t)get32(p + 12, 0);
	len = clen > room ? room : clen;
	dlen = len > SR_CMSG_HDR ? len - SR_CMSG_HDR : 0;
	out__puts(f->out, "{cmsg_len=");
	out__udec(f->out, clen);
	out__puts(f->out, ", cmsg_level=");
	fmt_enum_as(f, &xlat_sock_levels, (uint32_t)level, "SOL_???");
	out__puts(f->out, ", cmsg_type=");
	if (level == SOL_SOCKET) {
		fmt_enum_as(f, &xlat_scm_types, (uint32_t)type, "SCM_???");
		cmsg_socket(f, c, type, p + SR_CMSG_HDR, dlen);
	} else if (level == SOL_IP) {
		fmt_enum_as(f, &xlat_ip_cmsg_types, (uint32_t)type, "IP_???");
		cmsg_ip(f, type, p + SR_CMSG_HDR, dlen);
	} else {
		out__hex(f->out, (uint32_t)type);
	}
	out__putc(f->out, '}');
}

/* msg_control: the chain of cmsghdr, as far as it was captured. */
static void msg_control(struct sr_fmt *f, const struct sr_call *c, const struct msg_parts *m)
{
	const uint8_t *p;
	size_t left, step;

	if (!m->h.controllen)
		return;
	out__puts(f->out, ", msg_control=");
	if (m->h.controllen < SR_CMSG_HDR || !blob_ok(m->control) ||
	    m->control->len < SR_CMSG_HDR) {
		fmt_ptr(f, m->h.control);
		return;
	}
	p = blob_data(m->control);
	left = m->control->len;
	out__putc(f->out, '[');
	while (left >= SR_CMSG_HDR) {
		uint64_t clen;

		if (p != (const uint8_t *)blob_data(m->control))
			out__puts(f->out, ", ");
		cmsg_one(f, c, p, left);
		memcpy(&clen, p, 8);
		if (clen < SR_CMSG_HDR) {
			left -= SR_CMSG_HDR;
			break;
		}
		step = (clen + 7) & ~(uint64_t)7;
		if (step >= left) {
			left = 0;
			break;
		}
		p += step;
		left -= step;
	}
	if (left) {
		out__puts(f->out, ", ... /* ");
		out__hex(f->out, m->h.control + (m->control->len - left));
		out__puts(f->out, " */");
	} else if (m->control->len < m->h.controllen) {
		out__puts(f->out, ", ...");
	}
	out__putc(f->out, ']');
}

static void fmt_msghdr(struct sr_fmt *f, const struct sr_call *c, const struct msg_parts *m,
		       int32_t ulen, bool has_ulen)
{
	msg_name(f, m, ulen, has_ulen);
	msg_iov(f, m);
	out__puts(f->out, ", msg_iovlen=");
	out__udec(f->out, m->h.iovlen);
	msg_control(f, c, m);
	out__puts(f->out, ", msg_controllen=");
	out__udec(f->out, m->h.controllen);
	out__puts(f->out, ", msg_flags=");
	fmt_flags(f, &xlat_msg_flags, m->h.flags);
	out__putc(f->out, '}');
}

/* iovec buffers are cut at -s like any string. */
static uint16_t msg_cap(const struct sr_opts *o)
{
	long cap = o->strsize;

	if (cap < 1)
		cap = 1;
	return cap > SR_BLOB_MAX ? SR_BLOB_MAX : cap;
}

static void msghdr_in_plan(const struct sr_sysent *ent, int argi, const struct sr_opts *o,
			   struct sr_plan_arg *pa)
{
	(void)ent;
	(void)argi;
	pa->when = SR_CAP_ENTER | SR_CAP_RETRY; /* as the table's own entry copies */
	pa->how = SR_HOW_MSGHDR;
	pa->cap = msg_cap(o);
}

static void msghdr_in_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	struct msg_parts m;

	if (!msg_parse(&m, c, c->in[argi], argi, UINT64_MAX)) {
		fmt_ptr(f, c->args[argi]);
		return;
	}
	fmt_msghdr(f, c, &m, 0, false);
}

const struct sr_decoder sr_dec_msghdr_in = {
	.name = "msghdr_in",
	.at_exit = false,
	.plan = msghdr_in_plan,
	.print = msghdr_in_print,
};

/*
 * recvmsg: the header is read at entry too, for the name length the caller
 * offered ("msg_namelen=128 => 16") and for what strace shows of a failed
 * call ("{msg_namelen=128}"). Not SR_CAP_RETRY: a copy retried at exit
 * would take the place of the exit copy, and what faults at entry is mostly
 * receive buffers nobody touched yet, which only the exit copy shows.
 */
static void msghdr_out_plan(const struct sr_sysent *ent, int argi, const struct sr_opts *o,
			    struct sr_plan_arg *pa)
{
	(void)ent;
	(void)argi;
	pa->when = SR_CAP_ENTER | SR_CAP_EXIT;
	pa->how = SR_HOW_MSGHDR;
	pa->cap = msg_cap(o);
}

static void msghdr_out_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	const struct sr_blob *in = c->in[argi];
	struct msg_parts m;
	struct sr_umsghdr uh;

	if (!blob_ok(in) || in->len < sizeof(uh)) {
		fmt_ptr(f, c->args[argi]);
		return;
	}
	memcpy(&uh, blob_data(in), sizeof(uh));
	if (!c->has_exit || c->ret < 0) {
		out__puts(f->out, "{msg_namelen=");
		out__dec(f->out, (int32_t)uh.namelen);
		out__putc(f->out, '}');
		return;
	}
	if (!msg_parse(&m, c, c->out[argi], argi, (uint64_t)c->ret)) {
		fmt_ptr(f, c->args[argi]);
		return;
	}
	fmt_msghdr(f, c, &m, (int32_t)uh.namelen, true);
}

const struct sr_decoder sr_dec_msghdr_out = {
	.name = "msghdr_out",
	.at_exit = true,
	.plan = msghdr_out_plan,
	.print = msghdr_out_print,
};

/*
 * sendmmsg/recvmmsg: struct mmsghdr[], a msghdr and the msg_len the kernel
 * writes back. Only the exit shows what each message carried, so it is
 * read then (put_mmsg): for the first min(ret, SR_MMSG_MAX) elements, the
 * element and its parts as put_msghdr() lays them out, buffers bounded by
 * the element's msg_len.
 */
#define SR_MMSG_SIZE 64 /* sizeof(struct mmsghdr) */
#define SR_MMSG_MAX  8 /* elements put_mmsg() captures */

static void mmsghdr_plan(const struct sr_sysent *ent, int argi, const struct sr_opts *o,
			 struct sr_plan_arg *pa)
{
	(void)ent;
	(void)argi;
	pa->when = SR_CAP_EXIT;
	pa->how = SR_HOW_MMSG;
	pa->cap = msg_cap(o);
}

static bool mmsg_ok(const struct sr_blob *b)
{
	return blob_ok(b) && b->len >= SR_MMSG_SIZE;
}

/* "{msg_hdr={...}, msg_len=N}"; returns the next element's blob. */
static const struct sr_blob *mmsg_one(struct sr_fmt *f, const struct sr_call *c,
				      const struct sr_blob *b, int argi)
{
	struct msg_parts m;
	uint32_t len;

	memcpy(&len, (const uint8_t *)blob_data(b) + sizeof(m.h), sizeof(len));
	msg_parse(&m, c, b, argi, len);
	out__puts(f->out, "{msg_hdr=");
	fmt_msghdr(f, c, &m, 0, false);
	out__puts(f->out, ", msg_len=");
	out__udec(f->out, len);
	out__putc(f->out, '}');
	return msg_after(&m, argi);
}

/*
 * How many elements strace shows: sendmmsg reads all vlen of them again at
 * exit (only the first ret have a msg_len), recvmmsg the ret it filled.
 */
static uint64_t mmsg_count(const struct sr_call *c)
{
	return c->ent->name[0] == 's' ? (uint32_t)c->args[2] : (uint64_t)c->ret;
}

/*
 * The array as strace's print_array() shows it, cut at -s elements unless
 * -v. Past what was captured (more than SR_MMSG_MAX, a full record,
 * sendmmsg's unsent messages) only "..." can be said. A failed call shows
 * the address: strace prints a failed sendmmsg's messages, which nothing
 * read at exit.
 */
static void mmsghdr_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	const struct sr_blob *b = c->out[argi];
	uint64_t n, i;

	if (!c->args[argi] || !c->has_exit || c->ret < 0) {
		fmt_ptr(f, c->args[argi]);
		return;
	}
	n = mmsg_count(c);
	if (n && !mmsg_ok(b)) {
		fmt_ptr(f, c->args[argi]);
		return;
	}
	out__putc(f->out, '[');
	for (i = 0; i < n; i++) {
		if (i)
			out__puts(f->out, ", ");
		if (i >= fmt_max_elems(f) || i >= SR_MMSG_MAX || !mmsg_ok(b)) {
			out__puts(f->out, "...");
			if (b && (b->flags & SR_BF_FAULT)) {
				out__puts(f->out, " /* ");
				out__hex(f->out, c->args[argi] + i * SR_MMSG_SIZE);
				out__puts(f->out, " */");
			}
			break;
		}
		b = mmsg_one(f, c, b, argi);
	}
	out__putc(f->out, ']');
}

const struct sr_decoder sr_dec_mmsghdr = {
	.name = "mmsghdr",
	.at_exit = true,
	.plan = mmsghdr_plan,
	.print = mmsghdr_print,
};

/*
 * recvmmsg: strace shows the timeout as it was at entry, after the
 * messages, and what is left of it after the return value.
 */
static void recvmmsg_enter(struct sr_fmt *f, const struct sr_call *c)
{
	fmt_fd(f, c, (int)c->args[0]);
	out__puts(f->out, ", ");
}

static void recvmmsg_exit(struct sr_fmt *f, const struct sr_call *c)
{
	mmsghdr_print(f, c, 1);
	out__puts(f->out, ", ");
	out__udec(f->out, (uint32_t)c->args[2]);
	out__puts(f->out, ", ");
	fmt_flags(f, &xlat_msg_flags, (uint32_t)c->args[3]);
	out__puts(f->out, ", ");
	fmt_struct(f, c, 4, false);
}

static void recvmmsg_ret_suffix(struct sr_fmt *f, const struct sr_call *c)
{
	if (c->ret == 0) {
		out__puts(f->out, " (Timeout)");
		return;
	}
	if (c->ret < 0 || !c->args[4])
		return;
	out__puts(f->out, " (left ");
	fmt_struct(f, c, 4, true);
	out__putc(f->out, ')');
}

const struct sr_scdec sr_scdec_recvmmsg = {
	.name = "recvmmsg",
	.enter = recvmmsg_enter,
	.exit = recvmmsg_exit,
	.ret_suffix = recvmmsg_ret_suffix,
};

/* Socket options. Level is argument 1, name argument 2. */
static void sockopt_level_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	fmt_enum(f, &xlat_sock_levels, (uint32_t)c->args[argi]);
}

const struct sr_decoder sr_dec_sockopt_level = {
	.name = "sockopt_level",
	.at_exit = false,
	.print = sockopt_level_print,
};

static bool is_getsockopt(const struct sr_call *c)
{
	return c->ent->name[0] == 'g';
}

/* The option names of a level; NULL: strace prints the number. */
static const struct sr_xlat *sockopt_names(uint32_t level)
{
	switch (level) {
	case SOL_SOCKET:
		return &xlat_sockopt_socket;
	case SOL_IP:
		return &xlat_sockopt_ip;
	case SOL_IPV6:
		return &xlat_sockopt_ipv6;
	case IPPROTO_TCP: /* SOL_TCP */
		return &xlat_sockopt_tcp;
	case IPPROTO_UDP: /* SOL_UDP */
		return &xlat_sockopt_udp;
	case SOL_NETLINK:
		return &xlat_sockopt_netlink;
	case SOL_PACKET:
		return &xlat_sockopt_packet;
	case SOL_RAW:
		return &xlat_sockopt_raw;
	}
	return NULL;
}

static void sockopt_name_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	uint32_t level = (uint32_t)c->args[1], name = (uint32_t)c->args[argi];
	const struct sr_xlat *x = sockopt_names(level);

	/* SO_ATTACH_FILTER reads back as SO_GET_FILTER */
	if (level == SOL_SOCKET && name == SO_ATTACH_FILTER && is_getsockopt(c)) {
		out__puts(f->out, "SO_GET_FILTER");
		return;
	}
	if (x)
		fmt_enum(f, x, name);
	else
		out__udec(f->out, name);
}

const struct sr_decoder sr_dec_sockopt_name = {
	.name = "sockopt_name",
	.at_exit = false,
	.print = sockopt_name_print,
};

/* SOL_SOCKET options whose value is an int (strace's list). */
static bool so_int_like(uint32_t name)
{
	static const uint16_t ints[] = {
		SO_DEBUG,
		SO_REUSEADDR,
		SO_DONTROUTE,
		SO_BROADCAST,
		SO_SNDBUF,
		SO_RCVBUF,
		SO_KEEPALIVE,
		SO_OOBINLINE,
		SO_NO_CHECK,
		SO_PRIORITY,
		SO_BSDCOMPAT,
		SO_REUSEPORT,
		SO_PASSCRED,
		SO_RCVLOWAT,
		SO_SNDLOWAT,
		SO_DETACH_FILTER,
		SO_TIMESTAMP_OLD,
		SO_ACCEPTCONN,
		SO_SNDBUFFORCE,
		SO_RCVBUFFORCE,
		SO_PASSSEC,
		SO_TIMESTAMPNS_OLD,
		SO_MARK,
		SO_TIMESTAMPING_OLD,
		SO_RXQ_OVFL,
		SO_WIFI_STATUS,
		SO_PEEK_OFF,
		SO_NOFCS,
		SO_LOCK_FILTER,
		SO_SELECT_ERR_QUEUE,
		SO_BUSY_POLL,
		SO_INCOMING_CPU,
		SO_CNX_ADVICE,
		SO_INCOMING_NAPI_ID,
		SO_ZEROCOPY,
		SO_TIMESTAMP_NEW,
		SO_TIMESTAMPNS_NEW,
		SO_TIMESTAMPING_NEW,
		SO_DETACH_REUSEPORT_BPF,
		SO_PREFER_BUSY_POLL,
		SO_BUSY_POLL_BUDGET,
		SO_RESERVE_MEM,
		SO_RCVMARK,
		SO_TXREHASH,
	};
	size_t i;

	for (i = 0; i < sizeof(ints) / sizeof(ints[0]); i++)
		if (ints[i] == name)
			return true;
	return false;
}

/* Option value bytes, wherever they were captured. */
struct optval {
	uint64_t addr;
	const uint8_t *d; /* NULL: not readable */
	size_t have; /* bytes captured */
	int64_t len; /* bytes the option has */
};

static void opt_int(struct sr_fmt *f, const struct optval *v)
{
	if (!v->addr) {
		out__puts(f->out, "NULL");
	} else if (!v->d || v->have < 4) {
		out__hex(f->out, v->addr);
	} else {
		out__putc(f->out, '[');
		out__dec(f->out, (int32_t)get32(v->d, 0));
		out__putc(f->out, ']');
	}
}

/* strace's printstrn(): -s bytes, "..." when the value is longer. */
static void opt_str(struct sr_fmt *f, const struct optval *v)
{
	size_t n = v->have < (uint64_t)v->len ? v->have : (size_t)v->len;

	if (!v->addr) {
		out__puts(f->out, "NULL");
		return;
	}
	if (!v->d) {
		out__hex(f->out, v->addr);
		return;
	}
	out__quoted(f->out, v->d, n, fmt_strsize(f),
		    (uint64_t)v->len > fmt_strsize(f) ? SR_Q_ELLIPSIS : 0);
}

/* Bytes strace prints in hex when a value is shorter than its type. */
static void opt_hexstr(struct sr_fmt *f, const struct optval *v)
{
	size_t n = v->have < (uint64_t)v->len ? v->have : (size_t)v->len;

	if (!v->d) {
		fmt_ptr(f, v->addr);
		return;
	}
	out__quoted(f->out, v->d, n, fmt_strsize(f), SR_Q_HEX);
}

static void opt_fprog(struct sr_fmt *f, const struct optval *v)
{
	uint16_t len;
	uint64_t filter;

	if (!v->d || v->have < 16) {
		out__hex(f->out, v->addr);
		return;
	}
	memcpy(&len, v->d, 2);
	memcpy(&filter, v->d + 8, 8);
	out__puts(f->out, "{len=");
	out__udec(f->out, len);
	/* the instructions themselves only with -v, which we cannot read */
	out__puts(f->out, ", filter=");
	fmt_ptr(f, filter);
	out__putc(f->out, '}');
}

/* setsockopt SO_LINGER: the whole struct or its address. */
static void opt_linger_set(struct sr_fmt *f, const struct optval *v)
{
	if (v->len < 8 || !v->d || v->have < 8) {
		fmt_ptr(f, v->addr);
		return;
	}
	out__puts(f->out, "{l_onoff=");
	out__dec(f->out, (int32_t)get32(v->d, 0));
	out__puts(f->out, ", l_linger=");
	out__dec(f->out, (int32_t)get32(v->d + 4, 0));
	out__putc(f->out, '}');
}

/* A field of a struct getsockopt returned @len bytes of. */
static void opt_field(struct sr_fmt *f, const struct optval *v, size_t off, const char *name,
		      bool id)
{
	size_t len = v->len > (int64_t)v->have ? v->have : (size_t)v->len;

	if (len <= off)
		return;
	if (off)
		out__puts(f->out, ", ");
	out__puts(f->out, name);
	out__putc(f->out, '=');
	if (len < off + 4)
		out__quoted(f->out, v->d + off, len - off, SR_BLOB_MAX, SR_Q_HEX);
	else if (id)
		fmt_id(f, (uint32_t)(int32_t)get32(v->d + off, 0));
	else
		out__dec(f->out, (int32_t)get32(v->d + off, 0));
}

static void opt_fields(struct sr_fmt *f, const struct optval *v, const char *const *names, int nf,
		       bool ids)
{
	int i;

	if (!v->d) {
		fmt_ptr(f, v->addr);
		return;
	}
	out__putc(f->out, '{');
	for (i = 0; i < nf; i++)
		opt_field(f, v, 4 * i, names[i], ids && i);
	out__putc(f->out, '}');
}

static void opt_error(struct sr_fmt *f, const struct optval *v)
{
	const char *name;
	int32_t err;

	if (v->len < 4) {
		opt_hexstr(f, v);
		return;
	}
	if (!v->d || v->have < 4) {
		fmt_ptr(f, v->addr);
		return;
	}
	err = (int32_t)get32(v->d, 0);
	name = errno__name(err);
	out__putc(f->out, '[');
	if (name)
		out__puts(f->out, name);
	else
		out__udec(f->out, (uint32_t)err);
	out__putc(f->out, ']');
}

static void mreq(struct sr_fmt *f, const struct optval *v)
{
	if (v->len < 8 || !v->d || v->have < 8) {
		fmt_ptr(f, v->addr);
		return;
	}
	out__puts(f->out, "{imr_multiaddr=");
	fmt_inet4(f, v->d);
	out__puts(f->out, ", imr_interface=");
	fmt_inet4(f, v->d + 4);
	out__putc(f->out, '}');
}

static void mreq6(struct sr_fmt *f, const struct optval *v)
{
	if (v->len < 20 || !v->d || v->have < 20) {
		fmt_ptr(f, v->addr);
		return;
	}
	out__putc(f->out, '{');
	fmt_inet6(f, v->d, "ipv6mr_multiaddr");
	out__puts(f->out, ", ipv6mr_interface=");
	fmt_ifindex(f, (uint32_t)(int32_t)get32(v->d + 16, 0));
	out__putc(f->out, '}');
}

/* The default: an int when 4 bytes long, else a string. */
static void opt_default(struct sr_fmt *f, const struct optval *v)
{
	if (v->len == 4)
		opt_int(f, v);
	else
		opt_str(f, v);
}

static bool set_socket(struct sr_fmt *f, uint32_t name, const struct optval *v)
{
	switch (name) {
	case SO_LINGER:
		opt_linger_set(f, v);
		return true;
	case SO_ATTACH_FILTER:
	case SO_ATTACH_REUSEPORT_CBPF:
		if (v->len == 16)
			opt_fprog(f, v);
		else
			out__hex(f->out, v->addr);
		return true;
	}
	if (!so_int_like(name))
		return false;
	if (v->len < 4)
		out__hex(f->out, v->addr);
	else
		opt_int(f, v);
	return true;
}

static void sockopt_set(struct sr_fmt *f, uint32_t level, uint32_t name, const struct optval *v)
{
	bool done = false;

	if (v->addr) {
		switch (level) {
		case SOL_SOCKET:
			done = set_socket(f, name, v);
			break;
		case SOL_IP:
			if (name == IP_ADD_MEMBERSHIP || name == IP_DROP_MEMBERSHIP) {
				mreq(f, v);
				done = true;
			}
			break;
		case SOL_IPV6:
			if (name == IPV6_ADD_MEMBERSHIP || name == IPV6_DROP_MEMBERSHIP ||
			    name == IPV6_JOIN_ANYCAST || name == IPV6_LEAVE_ANYCAST) {
				mreq6(f, v);
				done = true;
			}
			break;
		case SOL_NETLINK:
			if (v->len < 4)
				out__hex(f->out, v->addr);
			else
				opt_int(f, v);
			done = true;
			break;
		}
	}
	if (!done)
		opt_default(f, v);
}

static bool get_socket(struct sr_fmt *f, uint32_t name, const struct optval *v)
{
	static const char *const linger[] = { "l_onoff", "l_linger" };
	static const char *const ucred[] = { "pid", "uid", "gid" };

	switch (name) {
	case SO_LINGER:
		opt_fields(f, v, linger, 2, false);
		return true;
	case SO_PEERCRED:
		opt_fields(f, v, ucred, 3, true);
		return true;
	case SO_ATTACH_FILTER: /* SO_GET_FILTER */
		fmt_ptr(f, v->addr);
		return true;
	case SO_ERROR:
		opt_error(f, v);
		return true;
	}
	if (!so_int_like(name))
		return false;
	if (v->len >= 4)
		opt_int(f, v);
	else
		opt_hexstr(f, v);
	return true;
}

static void sockopt_get(struct sr_fmt *f, uint32_t level, uint32_t name, const struct optval *v)
{
	if (v->addr && level == SOL_SOCKET && get_socket(f, name, v))
		return;
	if (v->addr && level == SOL_NETLINK) {
		opt_int(f, v);
		return;
	}
	opt_default(f, v);
}

/* Option values are printed whole for small structs, cut at -s otherwise. */
static uint16_t optval_cap(const struct sr_opts *o)
{
	long cap = o->strsize < 64 ? 64 : o->strsize;

	return cap > SR_BLOB_MAX ? SR_BLOB_MAX : cap;
}

static void sockopt_val_in_plan(const struct sr_sysent *ent, int argi, const struct sr_opts *o,
				struct sr_plan_arg *pa)
{
	(void)ent;
	(void)argi;
	pa->when = SR_CAP_ENTER | SR_CAP_RETRY; /* as the table's own entry copies */
	pa->how = SR_HOW_BUF;
	pa->len_src = SR_LEN_ARG;
	pa->len_arg = 4;
	pa->elem = 1;
	pa->cap = optval_cap(o);
}

static void optval_from(struct optval *v, const struct sr_call *c, int argi,
			const struct sr_blob *b, int64_t len)
{
	memset(v, 0, sizeof(*v));
	v->addr = c->args[argi];
	v->len = len;
	if (blob_ok(b)) {
		v->d = blob_data(b);
		v->have = b->len;
	}
}

static void sockopt_val_in_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	struct optval v;

	optval_from(&v, c, argi, c->in[argi], (int32_t)c->args[4]);
	sockopt_set(f, (uint32_t)c->args[1], (uint32_t)c->args[2], &v);
}

const struct sr_decoder sr_dec_sockopt_val_in = {
	.name = "sockopt_val_in",
	.at_exit = false,
	.plan = sockopt_val_in_plan,
	.print = sockopt_val_in_print,
};

/* getsockopt: as many bytes as the kernel says it wrote (*optlen at exit). */
static void sockopt_val_out_plan(const struct sr_sysent *ent, int argi, const struct sr_opts *o,
				 struct sr_plan_arg *pa)
{
	(void)ent;
	(void)argi;
	pa->when = SR_CAP_EXIT;
	pa->how = SR_HOW_BUF;
	pa->len_src = SR_LEN_PTR32;
	pa->len_arg = 4;
	pa->elem = 1;
	pa->cap = optval_cap(o);
}

static void sockopt_val_out_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	int32_t ulen, rlen;
	struct optval v;

	if (!c->has_exit || c->ret < 0 || !blob_i32(c->in[4], &ulen) ||
	    !blob_i32(c->out[4], &rlen) || ulen <= 0 || rlen <= 0) {
		fmt_ptr(f, c->args[argi]);
		return;
	}
	optval_from(&v, c, argi, c->out[argi], rlen);
	sockopt_get(f, (uint32_t)c->args[1], (uint32_t)c->args[2], &v);
}

const struct sr_decoder sr_dec_sockopt_val_out = {
	.name = "sockopt_val_out",
	.at_exit = true,
	.plan = sockopt_val_out_plan,
	.print = sockopt_val_out_print,
};
