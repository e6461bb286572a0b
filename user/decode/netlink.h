/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the netlink decoders share (netlink.c: messages; nlattr.c:
 * attributes; rtnl.c, netlink_diag.c: the payloads of each protocol). They
 * read a buffer captured from the traced process: bytes past what was
 * captured are as unreadable as strace finds unmapped memory, and print as
 * an address.
 */
#ifndef SYSRAY_DECODE_NETLINK_H
#define SYSRAY_DECODE_NETLINK_H

#include <stddef.h>
#include <linux/netlink.h>

#include "decode/decode.h"

/* A captured buffer and how it is being decoded. */
struct nl_ctx {
	struct sr_fmt *f;
	const struct sr_call *c;
	const uint8_t *p; /* the bytes captured */
	size_t have; /* how many */
	uint64_t addr; /* the user address of p[0] */
	int proto; /* NETLINK_*, or -1 when unknown */
};

/* @n bytes at offset @off of the buffer, or NULL when they were not captured. */
static inline const void *nl_at(const struct nl_ctx *x, uint64_t off, uint64_t n)
{
	return off <= x->have && n <= x->have - off ? x->p + off : NULL;
}

/*
 * Copy @n bytes at @off into @dst; when they were not captured, print the
 * address as strace's umove_or_printaddr() does and return false.
 */
bool nl_fetch(const struct nl_ctx *x, uint64_t off, void *dst, size_t n);

/* @len bytes at @off as strace's printstr_ex(QUOTE_FORCE_HEX): "\x61\x62". */
void nl_hex(const struct nl_ctx *x, uint64_t off, uint64_t len);

/* Records that start with their length: messages, attributes. */
struct nl_recs {
	size_t hdrlen; /* NLMSG_HDRLEN, NLA_HDRLEN */
	/* Read the header at @off into @hdr; false (having printed) when there is none. */
	bool (*fetch)(const struct nl_ctx *x, uint64_t off, uint64_t len, bool in_array, void *hdr);
	uint32_t (*length)(const void *hdr);
	/* One record at @off, @len bytes left; @arg is nl_records()'s. */
	void (*print)(const struct nl_ctx *x, const void *hdr, uint64_t off, uint64_t len,
		      const void *arg);
};

/*
 * The records in @len bytes at @off, as strace walks messages and
 * attributes: one, or an array of them when more follow, cut at -s.
 */
void nl_records(const struct nl_ctx *x, uint64_t off, uint64_t len, const struct nl_recs *r,
		const void *arg);

/*
 * An attribute's payload decoder: @len bytes at @off. False: the payload
 * is not what it should be; the walker prints it as bytes.
 */
typedef bool (*nla_fn)(const struct nl_ctx *x, uint64_t off, uint64_t len, const void *opaque);

struct nla_set;

/* The attributes of one address family inside a set whose types are families. */
struct nla_by_af {
	uint8_t af;
	const struct nla_set *set;
};

/* A set of attributes: their names and, by type, their payload decoders. */
struct nla_set {
	const struct sr_xlat *names; /* NULL: types in hex */
	const nla_fn *fns; /* NULL: every payload as bytes */
	size_t n; /* entries of fns (and of args) */
	const void *opaque; /* passed to each decoder, but */
	const void *const *args; /* by type, when set and not NULL: a nested set, a struct */
	/*
	 * Types that are address families (IFLA_AF_SPEC): the nested set of
	 * each family known, the others' payloads as bytes.
	 */
	const struct nla_by_af *by_af;
	size_t n_af;
};

/* The attributes in @len bytes at @off: "[{nla_len=8, nla_type=IFA_ADDRESS}, ...]". */
void nl_attrs(const struct nl_ctx *x, uint64_t off, uint64_t len, const struct nla_set *s);

struct nl_struct;

/* How a field of a struct of plain fields prints. */
enum nlf_kind {
	NLF_U, /* unsigned decimal */
	NLF_D, /* signed decimal */
	NLF_X, /* hex */
	NLF_IFINDEX, /* if_nametoindex("lo") */
	NLF_ENUM, /* a name of @x, or hex and its "X_???" note */
	NLF_ENUM_QUIET, /* a name of @x, or hex */
	NLF_X_NZ, /* hex, left out when 0 (reserved fields) */
	NLF_FLAGS, /* bits named by @x */
	NLF_BITNUM, /* bits whose numbers @x names: "1<<TCP_LISTEN" */
	NLF_COOKIE, /* two u32 (a socket cookie): "[3735928559, 3134983661]" */
	NLF_DEV, /* a dev_t: "makedev(0x8, 0x1)" */
	NLF_MAC, /* @size bytes of a link-layer address: 80:81:82 */
	NLF_HTONS, /* a u16 in network order named by @x: "htons(ETH_P_IP)" */
	NLF_STRUCT, /* a struct inside: @sub */
	NLF_HEX_STR, /* @size bytes as "\x61\x62" */
	NLF_HEX_STR_NZ, /* the same, left out when all zero (padding) */
	NLF_U8_ARRAY, /* @size bytes as numbers: "[1, 2]" */
	NLF_NET_PORT, /* a u16 in network order: "htons(80)" */
	/*
	 * An address of family @af, or (@af 0) of the family in the first byte
	 * of the outermost struct: inet_addr("1.2.3.4"), inet_pton(AF_INET6,
	 * "::1", &name), or the bytes for another family.
	 */
	NLF_INADDR,
	NLF_HEX_STR_LEN, /* "\x61\x62", as many of @size bytes as the field before says */
	NLF_CSTR, /* a string in @size bytes, up to its NUL */
	NLF_ENUM_VERBOSE, /* a number and the name of @x in a comment (names that are no UAPI) */
	NLF_SUB_ARRAY, /* an array of the struct @sub filling @size bytes: "[{...}]" */
	NLF_IDX_ARRAY, /* u64 elements indexed by the names of @x: "[[BR_MCAST_DIR_RX]=0]" */
};

/* One field of a struct: its name, where it is, how it prints. */
struct nl_field {
	const char *name;
	uint16_t off;
	uint8_t size; /* 1, 2, 4 or 8 bytes */
	uint8_t kind; /* enum nlf_kind */
	const struct sr_xlat *x;
	const struct nl_struct *sub; /* NLF_STRUCT's */
	uint8_t af; /* NLF_INADDR's */
};

#define NLF(type, field, kind, x)                                                  \
	{                                                                          \
#field, offsetof(type, field), sizeof(((type *)0)->field), kind, x \
	}

/* A struct field @field of @type printed as the struct @sub describes. */
#define NLF_SUB(type, field, sub_)                                                                \
	{                                                                                         \
#field, offsetof(type, field), sizeof(((type *)0)->field), NLF_STRUCT, NULL, sub_ \
	}

/* An array field @field of @type of the struct @sub. */
#define NLF_SUB_ARRAY(type, field, sub_)                                                        \
	{                                                                                       \
#field, offsetof(type, field), sizeof(((type *)0)->field), NLF_SUB_ARRAY, NULL, \
			sub_                                                                    \
	}

/* An address field of @type whose family is @af_ (0: the outermost struct's first byte). */
#define NLF_INADDR_AF(type, field, af_)                                                            \
	{                                                                                          \
#field, offsetof(type, field), sizeof(((type *)0)->field), NLF_INADDR, NULL, NULL, \
			af_                                                                        \
	}

/* A struct of plain fields: an attribute's payload (nla_struct()). */
struct nl_struct {
	size_t size;
	const struct nl_field *fields;
	size_t n;
	/*
	 * Nonzero: a payload of at least @min bytes (an older, shorter
	 * version of the struct) prints the fields it holds whole.
	 */
	size_t min;
	bool tail; /* the bytes of a longer payload print after it, in hex */
};

/* A struct whose longer payload prints its bytes past the struct after it. */
#define NL_STRUCT_TAIL(type, flds)                                          \
	{                                                                   \
		sizeof(type), flds, sizeof(flds) / sizeof(flds[0]), 0, true \
	}

/* The same, its older versions at least @min bytes long. */
#define NL_STRUCT_MIN(type, flds, min_)                                  \
	{                                                                \
		sizeof(type), flds, sizeof(flds) / sizeof(flds[0]), min_ \
	}

#define NL_STRUCT(type, flds)                                      \
	{                                                          \
		sizeof(type), flds, sizeof(flds) / sizeof(flds[0]) \
	}

/* The same, of the first @size bytes (a struct whose padding strace does not ask for). */
#define NL_STRUCT_N(size, flds)                            \
	{                                                  \
		size, flds, sizeof(flds) / sizeof(flds[0]) \
	}

/* ", name=value" for each of the @n fields @fl of the struct at @m. */
void nl_fields_print(struct sr_fmt *f, const struct nl_field *fl, size_t n, const uint8_t *m);
/* The same for the fields that end within @len bytes. */
void nl_fields_print_upto(struct sr_fmt *f, const struct nl_field *fl, size_t n, const uint8_t *m,
			  size_t len);

/* An array indexed by the names of @x ("[[DEVCONF_MTU6]=1280, ...]"): nla_indexed()'s argument. */
struct nla_idx {
	const struct sr_xlat *x;
	uint8_t size; /* 4 or 8 bytes per element */
	bool is_signed;
};

#define NLA_IDX(name, sz, sgn) (&(const struct nla_idx){ &xlat_##name, sz, sgn })

bool nla_indexed(const struct nl_ctx *x, uint64_t off, uint64_t len, const void *opaque);
/* A string that should end with its NUL: "abc", or "abc"... when it does not. */
bool nla_str0(const struct nl_ctx *x, uint64_t off, uint64_t len, const void *opaque);

/* Payload decoders (nlattr.c). */
/* Nested attributes of the set @opaque (a const struct nla_set *). */
bool nla_nested(const struct nl_ctx *x, uint64_t off, uint64_t len, const void *opaque);
/*
 * The struct @opaque (a const struct nl_struct *): bytes when the payload
 * is shorter, the address when it was not captured.
 */
bool nla_struct(const struct nl_ctx *x, uint64_t off, uint64_t len, const void *opaque);
bool nla_x32(const struct nl_ctx *x, uint64_t off, uint64_t len, const void *opaque);
/* Arrays of u16, u32: "[44221, 61370]"; where the capture ends, "..." and the address. */
bool nla_u16_array(const struct nl_ctx *x, uint64_t off, uint64_t len, const void *opaque);
bool nla_u32_array(const struct nl_ctx *x, uint64_t off, uint64_t len, const void *opaque);
/* An array of u64 in hex: "[0xdeadbeef]". */
bool nla_x64_array(const struct nl_ctx *x, uint64_t off, uint64_t len, const void *opaque);
bool nla_str(const struct nl_ctx *x, uint64_t off, uint64_t len, const void *opaque);
bool nla_u8(const struct nl_ctx *x, uint64_t off, uint64_t len, const void *opaque);
bool nla_u16(const struct nl_ctx *x, uint64_t off, uint64_t len, const void *opaque);
bool nla_u32(const struct nl_ctx *x, uint64_t off, uint64_t len, const void *opaque);
bool nla_u64(const struct nl_ctx *x, uint64_t off, uint64_t len, const void *opaque);
bool nla_s32(const struct nl_ctx *x, uint64_t off, uint64_t len, const void *opaque);
bool nla_x16(const struct nl_ctx *x, uint64_t off, uint64_t len, const void *opaque);
bool nla_x64(const struct nl_ctx *x, uint64_t off, uint64_t len, const void *opaque);

/* A number named by a table: its argument (nla_set.args) for nla_xlat(). */
struct nla_xlat {
	const struct sr_xlat *x;
	uint8_t size; /* bytes read (at least that many in the payload); 0: all, up to 8 */
	bool flags; /* a bit set, not one value */
	bool be16; /* a u16 in network byte order */
	bool quiet; /* no "X_???" note for an unknown value */
	/*
	 * Flags as a number and their names in a comment, whatever -X says
	 * but raw: "0x3 /\* RCV_SHUTDOWN|SEND_SHUTDOWN *\/" (names that are
	 * no UAPI).
	 */
	bool verbose;
};

#define NLA_XVAL(name, sz)  (&(const struct nla_xlat){ &xlat_##name, sz, false, false })
#define NLA_FLAGS(name, sz) (&(const struct nla_xlat){ &xlat_##name, sz, true, false })
/* A value in hex with no "X_???" note when no name has it. */
#define NLA_XVAL_QUIET(name, sz) (&(const struct nla_xlat){ &xlat_##name, sz, false, false, true })
/* A u16 in network byte order: "htons(ETH_P_IP)". */
#define NLA_XVAL_BE16(name) (&(const struct nla_xlat){ &xlat_##name, 2, false, true })
/* Flags always printed as a number with their names in a comment. */
#define NLA_FLAGS_VERBOSE(name, sz) \
	(&(const struct nla_xlat){ &xlat_##name, sz, true, false, false, true })

bool nla_xlat(const struct nl_ctx *x, uint64_t off, uint64_t len, const void *opaque);
/* An fd (-y annotated as the call's other fds). */
bool nla_fd(const struct nl_ctx *x, uint64_t off, uint64_t len, const void *opaque);
/* A u64 in network byte order: "htobe64(80)". */
bool nla_be64(const struct nl_ctx *x, uint64_t off, uint64_t len, const void *opaque);
/* An array of the struct @opaque (a const struct nl_struct *): "[{...}, {...}]". */
bool nla_struct_array(const struct nl_ctx *x, uint64_t off, uint64_t len, const void *opaque);
/* A u16 in network byte order: "htons(80)". */
bool nla_be16(const struct nl_ctx *x, uint64_t off, uint64_t len, const void *opaque);
/* A link-layer address of up to 32 bytes: "80:81:82". */
bool nla_hwaddr(const struct nl_ctx *x, uint64_t off, uint64_t len, const void *opaque);
/* Clock ticks, up to 8 bytes: "1234 /\* 12.34 s *\/". */
bool nla_clock_t(const struct nl_ctx *x, uint64_t off, uint64_t len, const void *opaque);
bool nla_in6_addr(const struct nl_ctx *x, uint64_t off, uint64_t len, const void *opaque);
/* @n bytes of a link-layer address: "80:81:82". */
void nl_hwaddr(struct sr_fmt *f, const uint8_t *p, size_t n);
/* nlattr.c: a payload of exactly @size bytes as a number in @fmt (false: another size). */
bool nla_num(const struct nl_ctx *x, uint64_t off, uint64_t len, size_t size, enum sr_num fmt);
/* One element of an attribute's array (nla_array()), for an nla_elem_fn. */
struct nla_elem {
	const uint8_t *p; /* its @size bytes */
	size_t size;
	uint64_t i; /* its index */
	uint64_t addr; /* its user address */
};
typedef void nla_elem_fn(const struct nl_ctx *x, const struct nla_elem *e, const void *opaque);
/*
 * nlattr.c: a payload of @len bytes at @off as an array of @size-byte
 * elements, as strace's print_array() shows it: false when it holds none;
 * the address when the first cannot be read; else each by @print(@opaque)
 * up to -s, a trailing part of one left out, "..." and the address where
 * the capture ends.
 */
bool nla_array(const struct nl_ctx *x, uint64_t off, uint64_t len, size_t size, nla_elem_fn *print,
	       const void *opaque);
/* nlattr.c: index @i of an array named by @x, strace's print_array_ex(PAF_PRINT_INDICES). */
void nl_index(struct sr_fmt *f, const struct sr_xlat *x, uint64_t i);
/* Bytes as numbers: "[171, 254]". */
bool nla_u8_array(const struct nl_ctx *x, uint64_t off, uint64_t len, const void *opaque);
bool nla_ifindex(const struct nl_ctx *x, uint64_t off, uint64_t len, const void *opaque);
/* A uid: "1000", or -1. */
bool nla_uid(const struct nl_ctx *x, uint64_t off, uint64_t len, const void *opaque);
/* Socket memory counters (SK_MEMINFO_*): "[[SK_MEMINFO_RMEM_ALLOC]=0, ...]". */
bool nla_meminfo(const struct nl_ctx *x, uint64_t off, uint64_t len, const void *opaque);
/* An address of family *(const uint8_t *)@opaque: inet_addr("1.2.3.4"), inet_pton(...). */
bool nla_inaddr(const struct nl_ctx *x, uint64_t off, uint64_t len, const void *opaque);

/*
 * A protocol's decoder of the payload of message @h: @len bytes at @off.
 * False: not decoded, the caller prints the bytes.
 */
typedef bool (*nl_payload_fn)(const struct nl_ctx *x, const struct nlmsghdr *h, uint64_t off,
			      uint64_t len);

bool rtnl_payload(const struct nl_ctx *x, const struct nlmsghdr *h, uint64_t off, uint64_t len);

/*
 * The fixed struct of @size bytes at @off, its first byte (the family)
 * already read: false and "..." when the payload is shorter, or the address
 * of the rest when it was not captured (rtnl.c).
 */
bool rtnl_struct(const struct nl_ctx *x, uint64_t off, uint64_t len, void *dst, size_t size);

/* A route message's struct and attributes, its family byte @family already read. */
typedef void (*rt_fn)(const struct nl_ctx *x, uint64_t off, uint64_t len, uint8_t family);

/* The attributes of set @s after a struct of @size bytes (rtnl.c). */
void rt_attrs(const struct nl_ctx *x, uint64_t off, uint64_t len, size_t size,
	      const struct nla_set *s);

/* A value of @x by name, or in hex with (@comment) its "X_???" note (rtnl.c). */
void rt_enum(struct sr_fmt *f, const struct sr_xlat *x, uint64_t v, bool comment);

/* RTM_*ROUTE: struct rtmsg, RTM_*NEIGH: struct ndmsg, and their attributes (rtnl_route.c). */
void rtnl_rtmsg(const struct nl_ctx *x, uint64_t off, uint64_t len, uint8_t family);
void rtnl_ndmsg(const struct nl_ctx *x, uint64_t off, uint64_t len, uint8_t family);
/* RTM_NEWCACHEREPORT: struct rtgenmsg, then the multicast routing report (rtnl_route.c). */
void rtnl_cachereport(const struct nl_ctx *x, uint64_t off, uint64_t len, uint8_t family);

/* RTM_*LINK: struct ifinfomsg and its IFLA_* attributes (rtnl_link.c). */
void rtnl_ifinfomsg(const struct nl_ctx *x, uint64_t off, uint64_t len, uint8_t family);

/*
 * The route messages rtnl_msg.c describes by a table of fields (type
 * @type, its family byte @family already read): false for the others.
 */
bool rtnl_msg_payload(const struct nl_ctx *x, uint16_t type, uint64_t off, uint64_t len,
		      uint8_t family);

/* The attributes of the traffic control messages (tcmsg), rtnl_tc.c. */
extern const struct nla_set rtnl_tc_attrs;
/* The attributes of the traffic control actions (tcamsg), rtnl_tc.c. */
extern const struct nla_set rtnl_tca_act_attrs;
/* The attributes of the routing rule and next hop messages, rtnl_rule.c. */
extern const struct nla_set rtnl_rule_attrs;
extern const struct nla_set rtnl_nexthop_attrs;
/* The attributes of the neighbour table messages (ndtmsg), rtnl_route.c. */
extern const struct nla_set rtnl_neightbl_attrs;
/* IFLA_AF_SPEC, of a link message of family *@opaque (rtnl_af_spec.c). */
bool rtnl_af_spec(const struct nl_ctx *x, uint64_t off, uint64_t len, const void *opaque);
/* IFLA_INET6_*: an IPv6 device's state (rtnl_link.c). */
extern const struct nla_set rtnl_inet6_attrs;
/* IFLA_LINKINFO: its data by the link's kind (rtnl_linkinfo.c). */
bool rtnl_linkinfo(const struct nl_ctx *x, uint64_t off, uint64_t len, const void *opaque);
/* IFLA_BRPORT_* (IFLA_PROTINFO of AF_BRIDGE, a bridge port's data), struct ifla_bridge_id (rtnl_link.c). */
extern const struct nla_set rtnl_brport_attrs;
extern const struct nl_struct rtnl_bridge_id;
/* The attributes of the statistics messages (if_stats_msg), rtnl_stats.c. */
extern const struct nla_set rtnl_stats_attrs;
/* struct rtnl_link_stats64 (rtnl_link.c). */
extern const struct nl_struct rtnl_link_stats64;
/* The attributes of the multicast database messages (br_port_msg), rtnl_mdb.c. */
extern const struct nla_set rtnl_mdb_attrs;

bool diag_payload(const struct nl_ctx *x, const struct nlmsghdr *h, uint64_t off, uint64_t len);
/* NETLINK_SELINUX: the structs of two message types (netlink_selinux.c). */
bool selinux_payload(const struct nl_ctx *x, const struct nlmsghdr *h, uint64_t off, uint64_t len);
/* NETLINK_NETFILTER: struct nfgenmsg and attributes (netlink_netfilter.c). */
bool nf_payload(const struct nl_ctx *x, const struct nlmsghdr *h, uint64_t off, uint64_t len);

/*
 * A NETLINK_SOCK_DIAG request or reply struct: the name of its family
 * field (printed first), the fields after it, and a reply's attributes.
 */
struct diag_desc {
	const char *family;
	struct nl_struct s;
	const struct nla_set *attrs; /* after the struct, or NULL */
};

/* The structs of each family, by the message type when it tells (netlink_inet_diag.c...). */
const struct diag_desc *diag_inet(uint16_t type, bool request);
const struct diag_desc *diag_netlink(bool request);
const struct diag_desc *diag_packet(bool request);
const struct diag_desc *diag_smc(bool request);

/* inet_diag_sockid, its addresses of the family of the outermost struct's first byte. */
extern const struct nl_struct diag_sockid;
/* The same of AF_INET addresses (AF_SMC's). */
extern const struct nl_struct diag_sockid_inet;

/* A payload strace cannot tell more of: "{family=AF_INET, "\x01\x02"}" (rtnl.c). */
bool nl_family_hex(const struct nl_ctx *x, uint64_t off, uint64_t len);

/* NETLINK_KOBJECT_UEVENT: udev's messages, or the kernel's strings (netlink.c). */
void nl_uevent(const struct nl_ctx *x, uint64_t len);

/* @len bytes at @off as a string, as strace's printstrn() prints them. */
void nl_str(const struct nl_ctx *x, uint64_t off, uint64_t len);

/* The payload of message @h of protocol x->proto: "[{nlmsg_len=...}, payload]". */
void nl_message(const struct nl_ctx *x, const struct nlmsghdr *h, uint64_t off, uint64_t len);

#endif /* SYSRAY_DECODE_NETLINK_H */
