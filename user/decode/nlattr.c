// SPDX-License-Identifier: GPL-2.0
/*
 * Decoders: netlink attributes (struct nlattr and its payload), one walker
 * for every protocol and nesting level, as strace 6.1's decode_nlattr()
 * prints them: "[{nla_len=8, nla_type=IFA_ADDRESS}, inet_addr(...)]", an
 * array when more than one follows, cut at -s attributes.
 */
#include <endian.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <arpa/inet.h>
#include <linux/netlink.h>

#include "decode/filemode.h"
#include "decode/net.h"
#include "decode/netlink.h"

/* An attribute header at @off with @len bytes left: false (and printed) when there is none. */
static bool nla_fetch(const struct nl_ctx *x, uint64_t off, uint64_t len, bool in_array,
		      struct nlattr *a)
{
	/* too short for a header: its bytes, in an array too (strace's fetch_nlattr()) */
	if (len < sizeof(*a)) {
		nl_hex(x, off, len);
		return false;
	}
	if (nl_at(x, off, sizeof(*a))) {
		memcpy(a, nl_at(x, off, sizeof(*a)), sizeof(*a));
		return true;
	}
	if (in_array) {
		char buf[32];

		snprintf(buf, sizeof(buf), "%#llx", (unsigned long long)(x->addr + off));
		pr_more(x->f);
		pr_comment(x->f, buf);
	} else {
		pr_addr(x->f, x->addr + off);
	}
	return false;
}

static void nla_header(const struct nl_ctx *x, const struct nlattr *a, const struct sr_xlat *names)
{
	struct sr_fmt *f = x->f;
	uint16_t type = a->nla_type & NLA_TYPE_MASK;

	pr_struct_begin(f);
	pr_field_u(f, "nla_len", a->nla_len);
	pr_field(f, "nla_type");
	if (a->nla_type & (NLA_F_NESTED | NLA_F_NET_BYTEORDER)) {
		pr_bits_begin(f, a->nla_type);
		if (a->nla_type & NLA_F_NESTED)
			pr_bit(f, NULL, "NLA_F_NESTED");
		if (a->nla_type & NLA_F_NET_BYTEORDER)
			pr_bit(f, NULL, "NLA_F_NET_BYTEORDER");
		if (names)
			pr_bits_enum(f, names, type);
		else
			pr_bits_rest(f, SR_NUM_X, type);
		pr_bits_end(f);
	} else if (names) {
		fmt_enum(f, names, type);
	} else {
		pr_x(f, type);
	}
	pr_struct_end(f);
}

static void nla_one(const struct nl_ctx *x, const struct nlattr *a, uint64_t off, uint64_t len,
		    const struct nla_set *s)
{
	uint64_t alen = a->nla_len < len ? a->nla_len : len;
	uint16_t type = a->nla_type & NLA_TYPE_MASK;
	nla_fn fn = s->fns && type < s->n ? s->fns[type] : NULL;
	const void *arg = s->args && type < s->n && s->args[type] ? s->args[type] : s->opaque;
	size_t i;

	/* types that are families: the family's own set */
	for (i = 0; i < s->n_af; i++) {
		if (s->by_af[i].af == type) {
			fn = nla_nested;
			arg = s->by_af[i].set;
		}
	}

	if (alen <= NLA_HDRLEN) {
		nla_header(x, a, s->names);
		return;
	}
	pr_array_begin(x->f);
	nla_header(x, a, s->names);
	if (!fn || !fn(x, off + NLA_HDRLEN, alen - NLA_HDRLEN, arg))
		nl_hex(x, off + NLA_HDRLEN, alen - NLA_HDRLEN);
	pr_array_end(x->f);
}

static bool nla_fetch_rec(const struct nl_ctx *x, uint64_t off, uint64_t len, bool in_array,
			  void *hdr)
{
	return nla_fetch(x, off, len, in_array, hdr);
}

static uint32_t nla_length(const void *hdr)
{
	return ((const struct nlattr *)hdr)->nla_len;
}

static void nla_print_rec(const struct nl_ctx *x, const void *hdr, uint64_t off, uint64_t len,
			  const void *arg)
{
	nla_one(x, hdr, off, len, arg);
}

static const struct nl_recs nla_recs = {
	.hdrlen = NLA_HDRLEN,
	.fetch = nla_fetch_rec,
	.length = nla_length,
	.print = nla_print_rec,
};

void nl_attrs(const struct nl_ctx *x, uint64_t off, uint64_t len, const struct nla_set *s)
{
	nl_records(x, off, len, &nla_recs, s);
}

/*
 * A string of @len bytes that should end with a NUL, as strace's
 * decode_nla_str(): all of them (cut at -s) but that NUL, with "..." when
 * the last byte shown is no NUL.
 */
bool nla_str(const struct nl_ctx *x, uint64_t off, uint64_t len, const void *opaque)
{
	size_t max = fmt_strsize(x->f), size = len < max ? len : max;
	const char *p = nl_at(x, off, len <= max ? len : max + 1);

	(void)opaque;
	if (!p) {
		pr_addr(x->f, x->addr + off);
		return true;
	}
	if (size && p[size - 1] == '\0')
		pr_str(x->f, p, size - 1, max, 0);
	else
		pr_str(x->f, p, size, max, len ? SR_Q_ELLIPSIS : 0);
	return true;
}

/*
 * A NUL-terminated string of @len bytes, as strace's printstr_ex() with
 * QUOTE_0_TERMINATED: up to its NUL within the first -s bytes, else those
 * bytes and "...".
 */
bool nla_str0(const struct nl_ctx *x, uint64_t off, uint64_t len, const void *opaque)
{
	size_t max = fmt_strsize(x->f), size = len < max ? len : max;
	const char *p = nl_at(x, off, size), *nul;

	(void)opaque;
	if (!p) {
		pr_addr(x->f, x->addr + off);
		return true;
	}
	nul = memchr(p, '\0', size);
	if (nul)
		pr_str(x->f, p, nul - p, max, 0);
	else
		pr_str(x->f, p, size, max, size ? SR_Q_ELLIPSIS : 0);
	return true;
}

/* A number of @size bytes, when the payload is exactly that. */
bool nla_num(const struct nl_ctx *x, uint64_t off, uint64_t len, size_t size, enum sr_num fmt)
{
	uint64_t v = 0;

	/* a longer payload: its first @size bytes, as strace reads them */
	if (len < size)
		return false;
	if (!nl_fetch(x, off, &v, size))
		return true;
	if (fmt == SR_NUM_D)
		v = size == 4 ? (uint64_t)(int64_t)(int32_t)v : v;
	pr_num(x->f, fmt, v);
	return true;
}

/* nla_u8() and its kin (netlink.h): a number of one size, in one format. */
#define NLA_NUM_FN(name, size, fmt)                                                       \
	bool name(const struct nl_ctx *x, uint64_t off, uint64_t len, const void *opaque) \
	{                                                                                 \
		(void)opaque;                                                             \
		return nla_num(x, off, len, size, fmt);                                   \
	}
NLA_NUM_FN(nla_u8, 1, SR_NUM_U)
NLA_NUM_FN(nla_u16, 2, SR_NUM_U)
NLA_NUM_FN(nla_u32, 4, SR_NUM_U)
NLA_NUM_FN(nla_u64, 8, SR_NUM_U)
NLA_NUM_FN(nla_s32, 4, SR_NUM_D)
NLA_NUM_FN(nla_x16, 2, SR_NUM_X)
NLA_NUM_FN(nla_x64, 8, SR_NUM_X)
NLA_NUM_FN(nla_x32, 4, SR_NUM_X)

/*
 * Flags as strace's XLAT_STYLE_VERBOSE prints them: the number, then its
 * names in a comment ("0x17 /\* RCV_SHUTDOWN|SEND_SHUTDOWN|0x14 *\/"), the
 * table's note when none is known; the number alone under -X raw.
 */
static void nla_flags_verbose(struct sr_fmt *f, const struct sr_xlat *x, uint64_t v)
{
	uint64_t rest = v;
	char buf[512];
	size_t i, w = 0;

	if (!v) {
		pr_u(f, 0);
		return;
	}
	buf[0] = '\0';
	for (i = 0; i < x->n; i++) {
		uint64_t bit = x->ents[i].val;

		if (!bit || (rest & bit) != bit)
			continue;
		w += snprintf(buf + w, sizeof(buf) - w, "%s%s", w ? "|" : "", x->ents[i].name);
		rest &= ~bit;
		if (w >= sizeof(buf)) {
			w = sizeof(buf) - 1;
			break;
		}
	}
	if (rest && w && w < sizeof(buf))
		snprintf(buf + w, sizeof(buf) - w, "|%#llx", (unsigned long long)rest);
	pr_x(f, v);
	if (!fmt_xlat_raw(f))
		pr_comment(f, w ? buf : x->unknown);
}

/*
 * A number named by a table (@opaque: a struct nla_xlat), as strace's
 * decode_nla_xval() and decode_nla_flags(): at least @size bytes and at
 * most 8, of which the first @size (all, when @size is 0) are read.
 */
bool nla_xlat(const struct nl_ctx *x, uint64_t off, uint64_t len, const void *opaque)
{
	const struct nla_xlat *d = opaque;
	uint64_t v = 0;
	size_t n = d->size ? d->size : len;

	if (len > sizeof(v) || len < d->size)
		return false;
	if (!nl_fetch(x, off, &v, n))
		return true;
	if (d->verbose) {
		nla_flags_verbose(x->f, d->x, v);
	} else if (d->be16) {
		pr_call_begin(x->f, "htons");
		fmt_enum(x->f, d->x, ntohs((uint16_t)v));
		pr_call_end(x->f);
	} else if (d->flags) {
		fmt_flags(x->f, d->x, v);
	} else if (d->quiet) {
		rt_enum(x->f, d->x, v, false);
	} else {
		fmt_enum(x->f, d->x, v);
	}
	return true;
}

bool nla_be16(const struct nl_ctx *x, uint64_t off, uint64_t len, const void *opaque)
{
	uint16_t v;

	(void)opaque;
	if (len < sizeof(v))
		return false;
	if (nl_fetch(x, off, &v, sizeof(v))) {
		pr_call_begin(x->f, "htons");
		pr_u(x->f, ntohs(v));
		pr_call_end(x->f);
	}
	return true;
}

bool nla_hwaddr(const struct nl_ctx *x, uint64_t off, uint64_t len, const void *opaque)
{
	const uint8_t *p = nl_at(x, off, len);

	(void)opaque;
	if (len > 32)
		return false;
	if (!p)
		pr_addr(x->f, x->addr + off);
	else
		nl_hwaddr(x->f, p, len);
	return true;
}

bool nla_fd(const struct nl_ctx *x, uint64_t off, uint64_t len, const void *opaque)
{
	int32_t fd;

	(void)opaque;
	if (len < sizeof(fd))
		return false;
	if (nl_fetch(x, off, &fd, sizeof(fd)))
		fmt_fd(x->f, x->c, fd);
	return true;
}

/* A timer in clock ticks (up to 8 bytes), its seconds in a comment as fmt_clock_t() prints them. */
bool nla_clock_t(const struct nl_ctx *x, uint64_t off, uint64_t len, const void *opaque)
{
	uint64_t v = 0;

	(void)opaque;
	if (len > sizeof(v))
		return false;
	if (nl_fetch(x, off, &v, len))
		fmt_clock_t(x->f, v);
	return true;
}

/* An IPv6 address: "inet_pton(AF_INET6, "::1")". */
bool nla_in6_addr(const struct nl_ctx *x, uint64_t off, uint64_t len, const void *opaque)
{
	static const uint8_t family = AF_INET6;

	(void)opaque;
	if (len < 16)
		return false;
	return nla_inaddr(x, off, 16, &family);
}

/*
 * A link-layer address as strace's print_hwaddr(): "80:81:82" ("%02x"
 * bytes joined by ':'), like a constant's name: under -X raw its bytes in
 * hex, under -X verbose both.
 */
void nl_hwaddr(struct sr_fmt *f, const uint8_t *p, size_t n)
{
	char buf[3 * 32 + 1];
	size_t i, w = 0;

	for (i = 0; i < n && i < 32; i++)
		w += snprintf(buf + w, sizeof(buf) - w, i ? ":%02x" : "%02x", p[i]);
	buf[w] = '\0';
	if (fmt_xlat_abbrev(f)) {
		pr_sym(f, buf, 0);
		return;
	}
	pr_str(f, p, n, n, SR_Q_HEX);
	if (!fmt_xlat_raw(f))
		pr_comment(f, buf);
}

bool nla_ifindex(const struct nl_ctx *x, uint64_t off, uint64_t len, const void *opaque)
{
	uint32_t v;

	(void)opaque;
	if (len < sizeof(v))
		return false;
	if (nl_fetch(x, off, &v, sizeof(v)))
		fmt_ifindex(x->f, v);
	return true;
}

bool nla_uid(const struct nl_ctx *x, uint64_t off, uint64_t len, const void *opaque)
{
	uint32_t v;

	(void)opaque;
	if (len < sizeof(v))
		return false;
	if (!nl_fetch(x, off, &v, sizeof(v)))
		return true;
	if (v == UINT32_MAX)
		pr_d(x->f, -1);
	else
		pr_u(x->f, v);
	return true;
}

bool nla_meminfo(const struct nl_ctx *x, uint64_t off, uint64_t len, const void *opaque)
{
	(void)opaque;
	return nla_indexed(x, off, len, NLA_IDX(sk_meminfo, 4, false));
}

/* Bytes as numbers: "[171, 254]". */
bool nla_u8_array(const struct nl_ctx *x, uint64_t off, uint64_t len, const void *opaque)
{
	const uint8_t *p = nl_at(x, off, len);
	size_t i;

	(void)opaque;
	if (!p) {
		pr_addr(x->f, x->addr + off);
		return true;
	}
	pr_array_begin(x->f);
	for (i = 0; i < len; i++) {
		if (!pr_array_elem(x->f, i))
			break;
		pr_u(x->f, p[i]);
	}
	pr_array_end(x->f);
	return true;
}

/* inet_pton(AF_INET6, "::1"): an IPv6 address with no field to name. */
static void nla_inet6(struct sr_fmt *f, const void *a)
{
	char buf[INET6_ADDRSTRLEN];

	inet_ntop(AF_INET6, a, buf, sizeof(buf));
	pr_call_begin(f, "inet_pton");
	pr_sym(f, "AF_INET6", AF_INET6);
	pr_str(f, buf, strlen(buf), sizeof(buf), 0);
	pr_call_end(f);
}

/*
 * Under -X raw an address is its bytes in hex as strace's print_inet_addr()
 * prints them; under -X verbose the bytes, then the usual form in a comment.
 * True when printed so.
 */
static bool nla_inaddr_raw(struct sr_fmt *f, int family, const void *a, size_t n)
{
	char buf[INET6_ADDRSTRLEN], note[INET6_ADDRSTRLEN + 40];

	if (fmt_xlat_abbrev(f))
		return false;
	pr_str(f, a, n, n, SR_Q_HEX);
	if (fmt_xlat_raw(f))
		return true;
	inet_ntop(family, a, buf, sizeof(buf));
	if (family == AF_INET)
		snprintf(note, sizeof(note), "inet_addr(\"%s\")", buf);
	else
		snprintf(note, sizeof(note), "inet_pton(AF_INET6, \"%s\")", buf);
	pr_comment(f, note);
	return true;
}

bool nla_inaddr(const struct nl_ctx *x, uint64_t off, uint64_t len, const void *opaque)
{
	uint8_t family = opaque ? *(const uint8_t *)opaque : AF_UNSPEC;
	size_t size = family == AF_INET ? 4 : family == AF_INET6 ? 16 : 0;
	const void *p = nl_at(x, off, size);

	/* another family, or too short: the bytes */
	if (!size || len < size)
		return false;
	if (!p)
		pr_addr(x->f, x->addr + off);
	else if (nla_inaddr_raw(x->f, family, p, size))
		;
	else if (family == AF_INET)
		fmt_inet4(x->f, p);
	else
		nla_inet6(x->f, p);
	return true;
}

bool nla_nested(const struct nl_ctx *x, uint64_t off, uint64_t len, const void *opaque)
{
	nl_attrs(x, off, len, opaque);
	return true;
}

/* Index @i of an array named by @x as strace's print_array_ex(PAF_PRINT_INDICES) spells it. */
void nl_index(struct sr_fmt *f, const struct sr_xlat *x, uint64_t i)
{
	const char *n = xlat__name(x, i);
	char buf[96];

	if (fmt_xlat_raw(f))
		snprintf(buf, sizeof(buf), "[%llu]", (unsigned long long)i);
	else if (!n)
		snprintf(buf, sizeof(buf), "[%llu /* %s */]", (unsigned long long)i, x->unknown);
	else if (fmt_xlat_abbrev(f))
		snprintf(buf, sizeof(buf), "[%s]", n);
	else
		snprintf(buf, sizeof(buf), "[%llu /* %s */]", (unsigned long long)i, n);
	pr_field(f, buf);
}

bool nla_array(const struct nl_ctx *x, uint64_t off, uint64_t len, size_t size, nla_elem_fn *print,
	       const void *opaque)
{
	uint64_t i, n = len / size;

	if (!n)
		return false;
	if (!nl_at(x, off, size)) {
		pr_addr(x->f, x->addr + off);
		return true;
	}
	pr_array_begin(x->f);
	for (i = 0; i < n; i++) {
		const struct nla_elem e = { nl_at(x, off + i * size, size), size, i,
					    x->addr + off + i * size };

		if (!pr_array_elem(x->f, i))
			break;
		if (!e.p) {
			fmt_more_unread(x->f, e.addr);
			break;
		}
		print(x, &e, opaque);
	}
	pr_array_end(x->f);
	return true;
}

static void indexed_elem(const struct nl_ctx *x, const struct nla_elem *e, const void *opaque)
{
	const struct nla_idx *d = opaque;
	uint64_t v = d->size == 8 ? get64(e->p, 0) : get32(e->p, 0);

	nl_index(x->f, d->x, e->i);
	if (d->is_signed)
		pr_d(x->f, d->size == 8 ? (int64_t)v : (int32_t)v);
	else
		pr_u(x->f, v);
}

bool nla_indexed(const struct nl_ctx *x, uint64_t off, uint64_t len, const void *opaque)
{
	const struct nla_idx *d = opaque;

	return nla_array(x, off, len, d->size, indexed_elem, d);
}

static bool nla_num_array(const struct nl_ctx *x, uint64_t off, uint64_t len, size_t size,
			  enum sr_num fmt);

/*
 * An array of unsigned @size-byte numbers: whole elements (a trailing part
 * of one left out, as strace does), "..." and the address where the
 * capture ends.
 */
static bool nla_uarray(const struct nl_ctx *x, uint64_t off, uint64_t len, size_t size)
{
	return nla_num_array(x, off, len, size, SR_NUM_U);
}

bool nla_x64_array(const struct nl_ctx *x, uint64_t off, uint64_t len, const void *opaque)
{
	(void)opaque;
	return nla_num_array(x, off, len, sizeof(uint64_t), SR_NUM_X);
}

static void num_elem(const struct nl_ctx *x, const struct nla_elem *e, const void *opaque)
{
	const enum sr_num *fmt = opaque;

	pr_num(x->f, *fmt,
	       e->size == 8 ? get64(e->p, 0) :
	       e->size == 2 ? get16(e->p, 0) :
			      get32(e->p, 0));
}

static bool nla_num_array(const struct nl_ctx *x, uint64_t off, uint64_t len, size_t size,
			  enum sr_num fmt)
{
	return nla_array(x, off, len, size, num_elem, &fmt);
}

bool nla_u16_array(const struct nl_ctx *x, uint64_t off, uint64_t len, const void *opaque)
{
	(void)opaque;
	return nla_uarray(x, off, len, sizeof(uint16_t));
}

bool nla_u32_array(const struct nl_ctx *x, uint64_t off, uint64_t len, const void *opaque)
{
	(void)opaque;
	return nla_uarray(x, off, len, sizeof(uint32_t));
}

bool nla_be64(const struct nl_ctx *x, uint64_t off, uint64_t len, const void *opaque)
{
	uint64_t v;

	(void)opaque;
	if (len < sizeof(v))
		return false;
	if (nl_fetch(x, off, &v, sizeof(v))) {
		pr_call_begin(x->f, "htobe64");
		pr_u(x->f, be64toh(v));
		pr_call_end(x->f);
	}
	return true;
}

/*
 * An array of the struct @opaque (a const struct nl_struct *), as strace's
 * print_array(): whole elements, cut at -s, "..." and the address where
 * the capture ends.
 */
static void struct_elem(const struct nl_ctx *x, const struct nla_elem *e, const void *opaque)
{
	const struct nl_struct *d = opaque;

	pr_struct_begin(x->f);
	nl_fields_print(x->f, d->fields, d->n, e->p);
	pr_struct_end(x->f);
}

bool nla_struct_array(const struct nl_ctx *x, uint64_t off, uint64_t len, const void *opaque)
{
	const struct nl_struct *d = opaque;

	return nla_array(x, off, len, d->size, struct_elem, d);
}
