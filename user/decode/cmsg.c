// SPDX-License-Identifier: GPL-2.0
/*
 * Decoders: control messages (struct cmsghdr) of sendmsg/recvmsg, by level
 * and type: SOL_SOCKET's fds, credentials and timestamps, SOL_IP's packet
 * info, TTL, options and queued errors, as strace 6.1 prints them.
 */
#include <string.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <linux/errqueue.h>
#include <linux/time_types.h>

#include "decode/net.h"

/* SCM_SECURITY: include/linux/socket.h, not a UAPI header. */
#define SR_SCM_SECURITY 3

/* SO_TIMESTAMP* carry 16-byte timevals and timespecs on 64-bit ABIs. */
#define SR_CMSG_TS_SIZE 16
_Static_assert(sizeof(struct __kernel_timespec) == SR_CMSG_TS_SIZE, "timespec layout");
_Static_assert(sizeof(struct __kernel_old_timeval) == SR_CMSG_TS_SIZE, "timeval layout");
_Static_assert(sizeof(struct __kernel_sock_timeval) == SR_CMSG_TS_SIZE, "timeval layout");
_Static_assert(offsetof(struct __kernel_timespec, tv_nsec) == sizeof(int64_t), "timespec layout");

/* IP_RECVERR: the error, then the offender's address. */
#define SR_RECVERR_SIZE (sizeof(struct sock_extended_err) + sizeof(struct sockaddr_in))

/* cmsg_level: strace's comment for an unknown level differs from setsockopt's "SOL_??". */
static void cmsg_level(struct sr_fmt *f, uint32_t level)
{
	const char *n = xlat__name(&xlat_sock_levels, level);

	if (n) {
		pr_sym(f, n, level);
		return;
	}
	pr_x(f, level);
	pr_comment(f, "SOL_???");
}

static void cmsg_fds(struct sr_fmt *f, const struct sr_call *c, const uint8_t *d, size_t len)
{
	size_t i, n = len / sizeof(int32_t);

	pr_array_begin(f);
	for (i = 0; i < n && pr_array_elem(f, i); i++)
		fmt_fd(f, c, (int32_t)get32(d, i * sizeof(int32_t)));
	pr_array_end(f);
}

static void cmsg_creds(struct sr_fmt *f, const uint8_t *d)
{
	struct ucred uc;

	memcpy(&uc, d, sizeof(uc));
	pr_struct_begin(f);
	pr_field(f, "pid");
	fmt_pid(f, uc.pid);
	pr_field_id(f, "uid", uc.uid);
	pr_field_id(f, "gid", uc.gid);
	pr_struct_end(f);
}

/* {tv_sec=S, tv_usec=U} or tv_nsec (@sub): two 64-bit words on 64-bit kernels. */
static void cmsg_ts(struct sr_fmt *f, const uint8_t *d, const char *sub)
{
	pr_struct_begin(f);
	pr_field_d(f, "tv_sec", (int64_t)get64(d, 0));
	pr_field_u(f, sub, get64(d, offsetof(struct __kernel_timespec, tv_nsec)));
	pr_struct_end(f);
}

/* @n timestamps (SO_TIMESTAMPING holds three), "???" when @len is short. */
static void cmsg_times(struct sr_fmt *f, const uint8_t *d, size_t len, size_t n, const char *sub)
{
	size_t i;

	if (len < SR_CMSG_TS_SIZE * n) {
		pr_unknown(f);
		return;
	}
	if (n == 1) {
		cmsg_ts(f, d, sub);
		return;
	}
	pr_array_begin(f);
	for (i = 0; i < n; i++)
		cmsg_ts(f, d + SR_CMSG_TS_SIZE * i, sub);
	pr_array_end(f);
}

/* SCM_SECURITY: the security context, as bytes. */
static void cmsg_bytes(struct sr_fmt *f, const uint8_t *d, size_t len)
{
	pr_field(f, "cmsg_data");
	pr_str(f, d, len, SR_BLOB_MAX, 0);
}

/* SOL_SOCKET's timestamps: the number of them and their fraction, or 0. */
static size_t so_timestamps(int type, const char **sub)
{
	switch (type) {
	case SO_TIMESTAMP_OLD:
	case SO_TIMESTAMP_NEW:
		*sub = "tv_usec";
		return 1;
	case SO_TIMESTAMPNS_OLD:
	case SO_TIMESTAMPNS_NEW:
		*sub = "tv_nsec";
		return 1;
	case SO_TIMESTAMPING_OLD:
	case SO_TIMESTAMPING_NEW:
		*sub = "tv_nsec";
		return 3;
	}
	return 0;
}

/* SOL_SOCKET control messages' data: nothing where strace shows no cmsg_data. */
static void cmsg_socket(struct sr_fmt *f, const struct sr_call *c, int type, const uint8_t *d,
			size_t len)
{
	const char *sub;
	size_t n;

	switch (type) {
	case SCM_RIGHTS:
		if (len < sizeof(int32_t))
			return;
		pr_field(f, "cmsg_data");
		cmsg_fds(f, c, d, len);
		return;
	case SCM_CREDENTIALS:
		if (len < sizeof(struct ucred))
			return;
		pr_field(f, "cmsg_data");
		cmsg_creds(f, d);
		return;
	case SR_SCM_SECURITY:
		if (len)
			cmsg_bytes(f, d, len);
		return;
	}
	n = so_timestamps(type, &sub);
	if (!len || !n)
		return;
	pr_field(f, "cmsg_data");
	cmsg_times(f, d, len, n, sub);
}

/* An array of @len / @elem values: bytes in hex, or unsigned ints. */
static void cmsg_uints(struct sr_fmt *f, const uint8_t *d, size_t len, size_t elem)
{
	size_t i, n = len / elem;

	pr_array_begin(f);
	for (i = 0; i < n && pr_array_elem(f, i); i++) {
		if (elem == 1)
			pr_x(f, d[i]);
		else
			pr_u(f, get32(d, i * sizeof(uint32_t)));
	}
	pr_array_end(f);
}

static void cmsg_pktinfo(struct sr_fmt *f, const uint8_t *d)
{
	struct in_pktinfo pi;

	memcpy(&pi, d, sizeof(pi));
	pr_struct_begin(f);
	pr_field(f, "ipi_ifindex");
	fmt_ifindex(f, pi.ipi_ifindex);
	pr_field(f, "ipi_spec_dst");
	fmt_inet4(f, &pi.ipi_spec_dst);
	pr_field(f, "ipi_addr");
	fmt_inet4(f, &pi.ipi_addr);
	pr_struct_end(f);
}

/* struct sock_extended_err followed by the offender's sockaddr_in. */
static void cmsg_recverr(struct sr_fmt *f, const uint8_t *d)
{
	struct sock_extended_err ee;

	memcpy(&ee, d, sizeof(ee));
	pr_struct_begin(f);
	pr_field_u(f, "ee_errno", ee.ee_errno);
	pr_field_u(f, "ee_origin", ee.ee_origin);
	pr_field_u(f, "ee_type", ee.ee_type);
	pr_field_u(f, "ee_code", ee.ee_code);
	pr_field_u(f, "ee_info", ee.ee_info);
	pr_field_u(f, "ee_data", ee.ee_data);
	pr_field(f, "offender");
	fmt_sockaddr(f, d + sizeof(ee), sizeof(struct sockaddr_in), 0);
	pr_struct_end(f);
}

/* The least data each SOL_IP control message needs to be decoded. */
static size_t cmsg_ip_min(int type)
{
	switch (type) {
	case IP_PKTINFO:
		return sizeof(struct in_pktinfo);
	case IP_RECVERR:
		return SR_RECVERR_SIZE;
	case IP_ORIGDSTADDR:
		return sizeof(struct sockaddr_in);
	case IP_TTL:
	case IP_CHECKSUM:
		return sizeof(uint32_t);
	}
	return 1;
}

/* SOL_IP control messages' data: nothing where strace shows no cmsg_data. */
static void cmsg_ip(struct sr_fmt *f, int type, const uint8_t *d, size_t len)
{
	if (len < cmsg_ip_min(type))
		return;
	switch (type) {
	case IP_PKTINFO:
		pr_field(f, "cmsg_data");
		cmsg_pktinfo(f, d);
		break;
	case IP_TTL:
	case IP_CHECKSUM:
		pr_field(f, "cmsg_data");
		cmsg_uints(f, d, len, sizeof(uint32_t));
		break;
	case IP_TOS:
	case IP_RECVOPTS:
	case IP_RETOPTS:
		pr_field(f, "cmsg_data");
		cmsg_uints(f, d, len, 1);
		break;
	case IP_RECVERR:
		pr_field(f, "cmsg_data");
		cmsg_recverr(f, d);
		break;
	case IP_ORIGDSTADDR:
		pr_field(f, "cmsg_data");
		fmt_sockaddr(f, d,
			     len > sizeof(struct sockaddr_storage) ?
				     sizeof(struct sockaddr_storage) :
				     len,
			     0);
		break;
	case SR_SCM_SECURITY:
		cmsg_bytes(f, d, len);
		break;
	}
}

void fmt_cmsghdr(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, size_t room)
{
	uint64_t clen = get64(p, offsetof(struct cmsghdr, cmsg_len));
	int32_t level = (int32_t)get32(p, offsetof(struct cmsghdr, cmsg_level));
	int32_t type = (int32_t)get32(p, offsetof(struct cmsghdr, cmsg_type));
	size_t len = clen > room ? room : clen;
	size_t dlen = len > sizeof(struct cmsghdr) ? len - sizeof(struct cmsghdr) : 0;
	const uint8_t *d = p + sizeof(struct cmsghdr);

	pr_struct_begin(f);
	pr_field_u(f, "cmsg_len", clen);
	pr_field(f, "cmsg_level");
	cmsg_level(f, (uint32_t)level);
	pr_field(f, "cmsg_type");
	if (level == SOL_SOCKET) {
		fmt_enum(f, &xlat_scm_types, (uint32_t)type);
		cmsg_socket(f, c, type, d, dlen);
	} else if (level == SOL_IP) {
		fmt_enum(f, &xlat_ip_cmsg_types, (uint32_t)type);
		cmsg_ip(f, type, d, dlen);
	} else {
		pr_x(f, (uint32_t)type);
	}
	pr_struct_end(f);
}
