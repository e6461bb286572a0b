/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the socket decoders share: socket addresses and the address forms
 * strace spells as calls (sockaddr.c), used again by control messages and
 * socket options (msghdr.c, cmsg.c, sockopt.c).
 */
#ifndef SYSRAY_DECODE_NET_H
#define SYSRAY_DECODE_NET_H

#include "decode/decode.h"

/* The int at the start of @b, when it was captured. */
static inline bool blob_i32(const struct sr_blob *b, int32_t *v)
{
	const void *d = blob_get(b, sizeof(*v));

	if (!d)
		return false;
	*v = (int32_t)get32(d, 0);
	return true;
}

/**
 * fmt_sockaddr() - a socket address of @len bytes ("{sa_family=AF_INET,
 * sin_port=htons(80), ...}"), or the address @addr when @len is too short
 * to hold a family.
 */
void fmt_sockaddr(struct sr_fmt *f, const void *data, size_t len, uint64_t addr);

/**
 * msghdr__buffers() - -e read=/write=: the iovec buffers of sendmsg's or
 * recvmsg's message (argument 1) as captured at entry, or at exit (then
 * only as many bytes as the call returned): up to @max blobs into @buf
 * (NULL: not captured) with the bytes each holds of the data into @len.
 * Return how many.
 */
int msghdr__buffers(const struct sr_call *c, bool at_exit, const struct sr_blob **buf,
		    uint64_t *len, int max);

/**
 * mmsghdr__buffers() - -e read=/write=: message @msg of sendmmsg's or
 * recvmmsg's array (argument 1) as captured at exit, its buffers bounded
 * by the msg_len the kernel wrote: *@iovlen its msg_iovlen, up to @max
 * blobs into @buf with their bytes into @len. Return how many, or -1 past
 * the messages the call returned (or that were captured).
 */
int mmsghdr__buffers(const struct sr_call *c, unsigned int msg, uint64_t *iovlen,
		     const struct sr_blob **buf, uint64_t *len, int max);

/*
 * The body of an address of a family sockaddr.c does not decode (AX.25,
 * IPX, X.25, Bluetooth, RxRPC, IEEE 802.15.4, AF_ALG, NFC, vsock, QIPCRTR,
 * XDP, MCTP), @len bytes at @buf (zero padded past them to a struct
 * sockaddr_storage): false, nothing printed, when the family is not one of
 * them or @len is too short for it (sockaddr_fam.c).
 */
bool fmt_sockaddr_other(struct sr_fmt *f, const uint8_t *buf, size_t len, int family);

/* The fields after sin_family or sin6_family of @len bytes at @buf (RxRPC's transport). */
void fmt_sockaddr_inet(struct sr_fmt *f, const uint8_t *buf, size_t len);

/*
 * A hardware address of @n bytes as strace's print_mac_addr() prints it:
 * "61:62:63", under -X raw its bytes in hex, under -X verbose both.
 */
void fmt_hwaddr(struct sr_fmt *f, const uint8_t *a, size_t n);

/* A port or another 16-bit field in network order at @be: "htons(80)" (-X raw: its bytes). */
void fmt_net_u16(struct sr_fmt *f, const void *be);

/* inet_addr("1.2.3.4") for 4 bytes in network order. */
void fmt_inet4(struct sr_fmt *f, const void *a);

/* inet_pton(AF_INET6, "::1", &@field) for 16 bytes: field @field, named by its value. */
void fmt_inet6(struct sr_fmt *f, const void *a, const char *field);

/* An interface index: if_nametoindex("lo") when it names an interface here. */
void fmt_ifindex(struct sr_fmt *f, uint32_t idx);

/**
 * fmt_cmsghdr() - one control message at @p, @room bytes of the captured
 * chain left (at least a struct cmsghdr): "{cmsg_len=20, cmsg_level=SOL_SOCKET,
 * cmsg_type=SCM_RIGHTS, cmsg_data=[5]}" (cmsg.c).
 */
void fmt_cmsghdr(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, size_t room);

#endif /* SYSRAY_DECODE_NET_H */
