// SPDX-License-Identifier: GPL-2.0
/*
 * Decoders: socket options (setsockopt, getsockopt). Levels, option names
 * by level, and option values by level and name, as strace 6.1 prints them.
 * The level is argument 1, the name argument 2, the value argument 3 and
 * its length argument 4.
 */
#include <stdio.h>
#include <string.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <linux/filter.h>
#include <linux/icmp.h>
#include <linux/if_packet.h>
#include <linux/netlink.h>

#include "decode/net.h"
#include "decode/bpf_filter.h"
#include "cli/opts.h"

static void sockopt_level_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	fmt_enum(f, &xlat_sock_levels, (uint32_t)c->args[argi]);
}

const struct sr_decoder sr_dec_sockopt_level = {
	.name = "sockopt_level",
	.at_exit = false,
	.print = sockopt_level_print,
};

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

static void fmt_sockopt_name(struct sr_fmt *f, uint32_t level, uint32_t name)
{
	const struct sr_xlat *x = sockopt_names(level);

	if (x)
		fmt_enum(f, x, name);
	else
		pr_u(f, name);
}

/* setsockopt's option name. */
static void sockopt_name_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	fmt_sockopt_name(f, (uint32_t)c->args[1], (uint32_t)c->args[argi]);
}

const struct sr_decoder sr_dec_sockopt_name = {
	.name = "sockopt_name",
	.at_exit = false,
	.print = sockopt_name_print,
};

/* getsockopt's option name: SO_ATTACH_FILTER reads back as SO_GET_FILTER. */
static void sockopt_name_get_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	uint32_t level = (uint32_t)c->args[1], name = (uint32_t)c->args[argi];

	if (level == SOL_SOCKET && name == SO_GET_FILTER)
		pr_sym(f, "SO_GET_FILTER", name);
	else
		fmt_sockopt_name(f, level, name);
}

const struct sr_decoder sr_dec_sockopt_name_get = {
	.name = "sockopt_name_get",
	.at_exit = false,
	.print = sockopt_name_get_print,
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
	};
	size_t i;

	for (i = 0; i < sizeof(ints) / sizeof(ints[0]); i++)
		if (ints[i] == name)
			return true;
	return false;
}

/* Option value bytes, wherever they were captured. */
struct optval {
	const struct sr_call *c;
	const struct sr_blob *b; /* the value's blob, or NULL */
	uint64_t addr;
	const uint8_t *d; /* NULL: not readable */
	size_t have; /* bytes captured */
	int64_t len; /* bytes the option has */
	bool page; /* the copy stopped at an unmapped page after @have bytes */
};

/* The captured bytes the option has. */
static size_t optval_n(const struct optval *v)
{
	return v->have < (uint64_t)v->len ? v->have : (size_t)v->len;
}

/* The value as a struct of at least @size bytes, or NULL: print the address. */
static const uint8_t *optval_struct(const struct optval *v, size_t size)
{
	return v->len >= (int64_t)size && v->d && v->have >= size ? v->d : NULL;
}

/* An int named by @x (NULL: a number) in decimal: "[SOCK_TXREHASH_DEFAULT]", "[2 /\* ..._??? *\/]". */
static void opt_int_as(struct sr_fmt *f, const struct optval *v, const struct sr_xlat *x)
{
	const char *name;
	int32_t i;

	if (!v->addr) {
		pr_addr(f, 0);
		return;
	}
	if (!v->d || v->have < sizeof(int32_t)) {
		pr_x(f, v->addr);
		return;
	}
	i = (int32_t)get32(v->d, 0);
	name = x ? xlat__name(x, (uint32_t)i) : NULL;
	pr_array_begin(f);
	if (name) {
		pr_sym_fmt(f, name, (uint64_t)(int64_t)i, SR_NUM_D);
	} else {
		pr_d(f, i);
		if (x)
			pr_xlat_default(f, x->unknown);
	}
	pr_array_end(f);
}

static void opt_int(struct sr_fmt *f, const struct optval *v)
{
	opt_int_as(f, v, NULL);
}

/* An int, or its address when the option is shorter than one. */
static void opt_int_or_addr(struct sr_fmt *f, const struct optval *v, const struct sr_xlat *x)
{
	if (v->len < (int64_t)sizeof(int32_t))
		pr_x(f, v->addr);
	else
		opt_int_as(f, v, x);
}

/* Bytes of the value cut by an unmapped page before @need of them. */
static bool optval_short(const struct optval *v, uint64_t need)
{
	if (v->len >= 0 && need > (uint64_t)v->len)
		need = (uint64_t)v->len;
	return v->page && v->have < need;
}

/* strace's printstrn(): -s bytes, "..." when the value is longer. */
static void opt_str(struct sr_fmt *f, const struct optval *v)
{
	if (!v->addr) {
		pr_addr(f, 0);
		return;
	}
	if (!v->d || optval_short(v, fmt_strsize(f))) {
		pr_x(f, v->addr);
		return;
	}
	pr_str(f, v->d, optval_n(v), fmt_strsize(f),
	       (uint64_t)v->len > fmt_strsize(f) ? SR_Q_ELLIPSIS : 0);
}

/* Bytes strace prints in hex when a value is shorter than its type. */
static void opt_hexstr(struct sr_fmt *f, const struct optval *v)
{
	if (!v->d || optval_short(v, fmt_strsize(f))) {
		fmt_ptr(f, v->addr);
		return;
	}
	pr_str(f, v->d, optval_n(v), fmt_strsize(f), SR_Q_HEX);
}

/*
 * setsockopt's spare plan slot: under -v, the instructions of the program
 * SO_ATTACH_FILTER's struct sock_fprog points to.
 */
#define SR_SOCKOPT_FPROG_SLOT (SR_NARGS - 1)

/* SO_ATTACH_FILTER: a struct sock_fprog, whose instructions -v shows. */
static void opt_fprog(struct sr_fmt *f, const struct optval *v)
{
	const uint8_t *d = optval_struct(v, sizeof(struct sock_fprog));

	if (!d) {
		pr_x(f, v->addr);
		return;
	}
	fmt_bpf_fprog(f, d, v->addr, bpf_fprog_insns(v->c, SR_SOCKOPT_FPROG_SLOT), SR_FPROG_SOCK);
}

/* setsockopt SO_LINGER: the whole struct or its address. */
static void opt_linger_set(struct sr_fmt *f, const struct optval *v)
{
	const uint8_t *d = optval_struct(v, sizeof(struct linger));

	if (!d) {
		fmt_ptr(f, v->addr);
		return;
	}
	pr_struct_begin(f);
	pr_field_d(f, "l_onoff", (int32_t)get32(d, offsetof(struct linger, l_onoff)));
	pr_field_d(f, "l_linger", (int32_t)get32(d, offsetof(struct linger, l_linger)));
	pr_struct_end(f);
}

/* One int field of a struct getsockopt returned part of; bytes in hex when cut inside it. */
struct opt_field {
	const char *name;
	size_t off;
	char kind; /* 'u': a uid or gid (-1 as -1), 'p': a process, else a number */
};

static void opt_fields(struct sr_fmt *f, const struct optval *v, const struct opt_field *fl,
		       size_t nf)
{
	size_t len = optval_n(v), i;

	if (!v->d) {
		fmt_ptr(f, v->addr);
		return;
	}
	pr_struct_begin(f);
	for (i = 0; i < nf && fl[i].off < len; i++) {
		uint32_t x;

		pr_field(f, fl[i].name);
		if (len < fl[i].off + sizeof(x)) {
			pr_str(f, v->d + fl[i].off, len - fl[i].off, SR_BLOB_MAX, SR_Q_HEX);
			continue;
		}
		x = get32(v->d, fl[i].off);
		if (fl[i].kind == 'u')
			pr_id(f, x);
		else if (fl[i].kind == 'p')
			fmt_pid(f, (int32_t)x);
		else
			pr_d(f, (int32_t)x);
	}
	pr_struct_end(f);
}

static void opt_error(struct sr_fmt *f, const struct optval *v)
{
	const char *name;
	int32_t err;

	if (v->len < (int64_t)sizeof(err)) {
		opt_hexstr(f, v);
		return;
	}
	if (!v->d || v->have < sizeof(err)) {
		fmt_ptr(f, v->addr);
		return;
	}
	err = (int32_t)get32(v->d, 0);
	name = errno__name(err);
	pr_array_begin(f);
	if (name)
		pr_sym(f, name, (uint32_t)err);
	else
		pr_u(f, (uint32_t)err);
	pr_array_end(f);
}

static void mreq(struct sr_fmt *f, const struct optval *v)
{
	const uint8_t *d = optval_struct(v, sizeof(struct ip_mreq));

	if (!d) {
		fmt_ptr(f, v->addr);
		return;
	}
	pr_struct_begin(f);
	pr_field(f, "imr_multiaddr");
	fmt_inet4(f, d + offsetof(struct ip_mreq, imr_multiaddr));
	pr_field(f, "imr_interface");
	fmt_inet4(f, d + offsetof(struct ip_mreq, imr_interface));
	pr_struct_end(f);
}

static void mreq6(struct sr_fmt *f, const struct optval *v)
{
	const uint8_t *d = optval_struct(v, sizeof(struct ipv6_mreq));

	if (!d) {
		fmt_ptr(f, v->addr);
		return;
	}
	pr_struct_begin(f);
	fmt_inet6(f, d + offsetof(struct ipv6_mreq, ipv6mr_multiaddr), "ipv6mr_multiaddr");
	pr_field(f, "ipv6mr_interface");
	fmt_ifindex(f, get32(d, offsetof(struct ipv6_mreq, ipv6mr_interface)));
	pr_struct_end(f);
}

/* PACKET_*_MEMBERSHIP: a struct packet_mreq of exactly its size, or the address. */
static void packet_mreq(struct sr_fmt *f, const struct optval *v)
{
	const uint8_t *d = v->len == sizeof(struct packet_mreq) ?
				   optval_struct(v, sizeof(struct packet_mreq)) :
				   NULL;
	unsigned int alen;

	if (!d) {
		fmt_ptr(f, v->addr);
		return;
	}
	alen = get16(d, offsetof(struct packet_mreq, mr_alen));
	pr_struct_begin(f);
	pr_field(f, "mr_ifindex");
	fmt_ifindex(f, get32(d, offsetof(struct packet_mreq, mr_ifindex)));
	pr_field(f, "mr_type");
	fmt_enum(f, &xlat_packet_mr_types, get16(d, offsetof(struct packet_mreq, mr_type)));
	pr_field_u(f, "mr_alen", alen);
	/* as many address bytes as mr_alen says and the field holds */
	if (alen > sizeof(((struct packet_mreq *)0)->mr_address))
		alen = sizeof(((struct packet_mreq *)0)->mr_address);
	pr_field(f, "mr_address");
	fmt_hwaddr(f, d + offsetof(struct packet_mreq, mr_address), alen);
	pr_struct_end(f);
}

/* PACKET_RX_RING, PACKET_TX_RING: a struct tpacket_req of exactly its size. */
static void tpacket_req(struct sr_fmt *f, const struct optval *v)
{
	const uint8_t *d = v->len == sizeof(struct tpacket_req) ?
				   optval_struct(v, sizeof(struct tpacket_req)) :
				   NULL;

	if (!d) {
		fmt_ptr(f, v->addr);
		return;
	}
	pr_struct_begin(f);
	pr_field_u(f, "tp_block_size", get32(d, offsetof(struct tpacket_req, tp_block_size)));
	pr_field_u(f, "tp_block_nr", get32(d, offsetof(struct tpacket_req, tp_block_nr)));
	pr_field_u(f, "tp_frame_size", get32(d, offsetof(struct tpacket_req, tp_frame_size)));
	pr_field_u(f, "tp_frame_nr", get32(d, offsetof(struct tpacket_req, tp_frame_nr)));
	pr_struct_end(f);
}

static bool set_packet(struct sr_fmt *f, uint32_t name, const struct optval *v)
{
	switch (name) {
	case PACKET_ADD_MEMBERSHIP:
	case PACKET_DROP_MEMBERSHIP:
		packet_mreq(f, v);
		return true;
	case PACKET_RX_RING:
	case PACKET_TX_RING:
		tpacket_req(f, v);
		return true;
	}
	return false;
}

/*
 * ICMP_FILTER: the set of ICMP types the filter's bits name, as strace
 * prints signal sets: "~[...]" of the clear bits when most are set.
 */
static void icmp_filter(struct sr_fmt *f, const struct optval *v)
{
	size_t n = v->len > (int64_t)sizeof(uint32_t) ? sizeof(uint32_t) : (size_t)v->len;
	uint8_t b[sizeof(uint32_t)] = { 0 };
	uint32_t bits;
	bool neg;
	int i;

	if (v->len <= 0 || !v->d || v->have < n) {
		fmt_ptr(f, v->addr);
		return;
	}
	memcpy(b, v->d, n);
	bits = get32(b, 0);
	neg = __builtin_popcount(bits) > 16;
	if (neg)
		bits = ~bits;
	pr_set_begin(f, neg);
	for (i = 0; i < 32; i++) {
		const char *name = xlat__name(&xlat_icmp_types, i);

		if (!(bits & (1u << i)))
			continue;
		if (name)
			pr_sym(f, name, i);
		else
			pr_u(f, i);
	}
	pr_set_end(f);
}

/* The default: an int when 4 bytes long, else a string. */
static void opt_default(struct sr_fmt *f, const struct optval *v)
{
	if (v->len == sizeof(int32_t))
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
		if (v->len == sizeof(struct sock_fprog))
			opt_fprog(f, v);
		else
			pr_x(f, v->addr);
		return true;
	case SO_TXREHASH:
		opt_int_or_addr(f, v, &xlat_sock_txrehash);
		return true;
	}
	if (!so_int_like(name))
		return false;
	opt_int_or_addr(f, v, NULL);
	return true;
}

/* MCAST_JOIN_GROUP, MCAST_LEAVE_GROUP: a struct group_req, or the address when shorter. */
static void group_req(struct sr_fmt *f, const struct optval *v)
{
	const uint8_t *d = optval_struct(v, sizeof(struct group_req));

	if (!d) {
		fmt_ptr(f, v->addr);
		return;
	}
	pr_struct_begin(f);
	pr_field(f, "gr_interface");
	fmt_ifindex(f, get32(d, offsetof(struct group_req, gr_interface)));
	pr_field(f, "gr_group");
	fmt_sockaddr(f, d + offsetof(struct group_req, gr_group),
		     sizeof(((struct group_req *)0)->gr_group),
		     v->addr + offsetof(struct group_req, gr_group));
	pr_struct_end(f);
}

static bool set_ip(struct sr_fmt *f, uint32_t name, const struct optval *v)
{
	if (name == MCAST_JOIN_GROUP || name == MCAST_LEAVE_GROUP) {
		group_req(f, v);
		return true;
	}
	if (name != IP_ADD_MEMBERSHIP && name != IP_DROP_MEMBERSHIP)
		return false;
	mreq(f, v);
	return true;
}

static bool set_ipv6(struct sr_fmt *f, uint32_t name, const struct optval *v)
{
	if (name == MCAST_JOIN_GROUP || name == MCAST_LEAVE_GROUP) {
		group_req(f, v);
		return true;
	}
	if (name != IPV6_ADD_MEMBERSHIP && name != IPV6_DROP_MEMBERSHIP &&
	    name != IPV6_JOIN_ANYCAST && name != IPV6_LEAVE_ANYCAST)
		return false;
	mreq6(f, v);
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
			done = set_ip(f, name, v);
			break;
		case SOL_IPV6:
			done = set_ipv6(f, name, v);
			break;
		case SOL_NETLINK:
			opt_int_or_addr(f, v, NULL);
			done = true;
			break;
		case SOL_PACKET:
			done = set_packet(f, name, v);
			break;
		case SOL_RAW:
			if (name == ICMP_FILTER) {
				icmp_filter(f, v);
				done = true;
			}
			break;
		}
	}
	if (!done)
		opt_default(f, v);
}

static bool get_socket(struct sr_fmt *f, uint32_t name, const struct optval *v)
{
	static const struct opt_field linger[] = {
		{ "l_onoff", offsetof(struct linger, l_onoff), 0 },
		{ "l_linger", offsetof(struct linger, l_linger), 0 },
	};
	static const struct opt_field ucred[] = {
		{ "pid", offsetof(struct ucred, pid), 'p' },
		{ "uid", offsetof(struct ucred, uid), 'u' },
		{ "gid", offsetof(struct ucred, gid), 'u' },
	};

	switch (name) {
	case SO_LINGER:
		opt_fields(f, v, linger, sizeof(linger) / sizeof(linger[0]));
		return true;
	case SO_PEERCRED:
		opt_fields(f, v, ucred, sizeof(ucred) / sizeof(ucred[0]));
		return true;
	case SO_GET_FILTER:
		/* the kernel's length counts instructions, as struct sock_fprog's u16 len */
		if ((uint16_t)v->len == v->len)
			fmt_bpf_insns(f, v->b, v->addr, v->len, SR_FPROG_SOCK);
		else
			fmt_ptr(f, v->addr);
		return true;
	case SO_ERROR:
		opt_error(f, v);
		return true;
	}
	if (name != SO_TXREHASH && !so_int_like(name))
		return false;
	if (v->len >= (int64_t)sizeof(int32_t))
		opt_int_as(f, v, name == SO_TXREHASH ? &xlat_sock_txrehash : NULL);
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
	if (v->addr && level == SOL_RAW && name == ICMP_FILTER) {
		icmp_filter(f, v);
		return;
	}
	opt_default(f, v);
}

/*
 * Option values are printed whole for structs (the largest decoded, struct
 * group_req, whole), cut at -s otherwise.
 */
static uint16_t optval_cap(const struct sr_opts *o)
{
	const long least = sizeof(struct group_req);
	long cap = o->strsize < least ? least : o->strsize;

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
	/* a struct at the end of a page is printed when the option fits before it */
	pa->when |= SR_CAP_PART;
}

static void optval_from(struct optval *v, const struct sr_call *c, int argi,
			const struct sr_blob *b, int64_t len)
{
	memset(v, 0, sizeof(*v));
	v->c = c;
	v->b = b;
	v->addr = c->args[argi];
	v->len = len;
	if (blob_ok(b)) {
		v->d = blob_data(b);
		v->have = b->len;
		v->page = b->flags & SR_BF_PART;
	}
}

static void sockopt_val_in_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	struct optval v;

	if (!fmt_decodes_structs(f)) {
		fmt_ptr(f, c->args[argi]);
		return;
	}
	optval_from(&v, c, argi, c->in[argi], (int32_t)c->args[4]);
	sockopt_set(f, (uint32_t)c->args[1], (uint32_t)c->args[2], &v);
}

static void sockopt_val_in_plan_more(const struct sr_sysent *ent, int argi, const struct sr_opts *o,
				     struct sr_plan *p)
{
	if (ent->nargs <= SR_SOCKOPT_FPROG_SLOT)
		plan_bpf_fprog(ent, o, p, SR_SOCKOPT_FPROG_SLOT, argi);
}

const struct sr_decoder sr_dec_sockopt_val_in = {
	.name = "sockopt_val_in",
	.at_exit = false,
	.plan = sockopt_val_in_plan,
	.plan_more = sockopt_val_in_plan_more,
	.print = sockopt_val_in_print,
};

/* getsockopt: as many bytes as the kernel says it wrote (*optlen at exit). */
static void sockopt_val_out_plan(const struct sr_sysent *ent, int argi, const struct sr_opts *o,
				 struct sr_plan_arg *pa)
{
	(void)argi;
	pa->when = SR_CAP_EXIT;
	pa->how = SR_HOW_BUF;
	pa->len_src = SR_LEN_PTR32;
	pa->len_arg = 4;
	pa->elem = 1;
	pa->cap = optval_cap(o);
	/*
	 * SO_GET_FILTER's length counts struct sock_filter, not bytes: under
	 * -v, which shows the program, as many of those (more than other
	 * options need, up to the cap).
	 */
	if (!opts__abbrev(o, ent->nr)) {
		pa->elem = sizeof(struct sock_filter);
		pa->cap = SR_BLOB_MAX;
	}
	/* a struct at the end of a page is printed when the option fits before it */
	pa->when |= SR_CAP_PART;
}

static void sockopt_val_out_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	int32_t ulen, rlen;
	struct optval v;

	if (!c->has_exit || c->ret < 0 || !fmt_decodes_structs(f) || !blob_i32(c->in[4], &ulen) ||
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
