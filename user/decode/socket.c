// SPDX-License-Identifier: GPL-2.0
/* Decoders: socket(2) and socketpair(2), their types and protocols. */
#include <arpa/inet.h>
#include <sys/socket.h>

#include "decode/decode.h"

/* The type's low bits (SOCK_TYPE_MASK of include/linux/net.h, not a UAPI header). */
#define SR_SOCK_TYPE_MASK 0xfu

/* SOCK_STREAM|SOCK_CLOEXEC: the low bits are the type, the rest flags. */
static void fmt_sock_type(struct sr_fmt *f, uint32_t v)
{
	const char *t = xlat__name(&xlat_socket_types, v & SR_SOCK_TYPE_MASK);
	uint32_t flags = v & ~SR_SOCK_TYPE_MASK;
	uint64_t rest;

	if (!t) {
		fmt_flags(f, &xlat_socket_flags, v);
		return;
	}
	if (!flags) {
		pr_sym(f, t, v);
		return;
	}
	/* two parts, each its own number under -X raw and verbose */
	pr_bits_parts_begin(f, v);
	pr_bits_part(f, v & SR_SOCK_TYPE_MASK);
	pr_bit(f, NULL, t);
	pr_bits_part(f, flags);
	rest = pr_bits_walk(f, &xlat_socket_flags, flags, -1);
	if (rest)
		pr_bits_rest(f, SR_NUM_X, rest);
	pr_bits_end(f);
	if (rest == flags)
		pr_comment(f, xlat_socket_flags.unknown);
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
		pr_call_begin(f, "htons");
		fmt_enum(f, &xlat_ethernet_protocols, ntohs((uint16_t)v));
		pr_call_end(f);
		break;
	default:
		pr_u(f, v);
		break;
	}
}

const struct sr_decoder sr_dec_socket_proto = {
	.name = "socket_proto",
	.at_exit = false,
	.print = socket_proto_print,
};
