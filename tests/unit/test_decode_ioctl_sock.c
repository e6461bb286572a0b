// SPDX-License-Identifier: GPL-2.0
/*
 * Socket ioctls (user/decode/ioctl_sock.c) against lines strace 6.1 printed
 * (its test suite's ioctl_sock and ioctl_sock_gifconf).
 */
#include <errno.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <net/if.h>
#include <net/if_arp.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <linux/sockios.h>

#include "rec.h"
#include "test.h"

static void ioctl_sock_ifreq(struct t_state *st)
{
	struct t_sink s;
	struct ifreq r;
	struct sockaddr_in *sin = (struct sockaddr_in *)&r.ifr_addr;
	uint64_t a[6] = { (uint64_t)-1, SIOCSIFADDR, 0x7fe5aaa7efd8 };
	struct t_blobspec b = { 2, &r, sizeof(r), 0, 0 };
	size_t i;

	memset(&r, 0, sizeof(r));
	memcpy(r.ifr_name, "0123456789012345", IFNAMSIZ);
	sin->sin_family = AF_INET;
	sin->sin_port = htons(7085);
	sin->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	t_sink_open(&s);
	CHECK_STR(
		st, t_line(&s, "ioctl", a, &b, 1, -EBADF, NULL, 0),
		"ioctl(-1, SIOCSIFADDR, {ifr_name=\"012345678901234\"..., ifr_addr={sa_family=AF_INET, "
		"sin_port=htons(7085), sin_addr=inet_addr(\"127.0.0.1\")}}) "
		"= -1 EBADF (Bad file descriptor)");
	a[1] = SIOCSIFHWADDR;
	r.ifr_name[IFNAMSIZ - 1] = 0;
	r.ifr_hwaddr.sa_family = ARPHRD_ETHER;
	for (i = 0; i < sizeof(r.ifr_hwaddr.sa_data); i++)
		r.ifr_hwaddr.sa_data[i] = 0x92 + i;
	CHECK_STR(st, t_line(&s, "ioctl", a, &b, 1, -EBADF, NULL, 0),
		  "ioctl(-1, SIOCSIFHWADDR, {ifr_name=\"012345678901234\", ifr_hwaddr={"
		  "sa_family=ARPHRD_ETHER, sa_data=92:93:94:95:96:97}}) "
		  "= -1 EBADF (Bad file descriptor)");
	a[1] = SIOCSIFFLAGS;
	r.ifr_flags = 0;
	CHECK_STR(st, t_line(&s, "ioctl", a, &b, 1, -EBADF, NULL, 0),
		  "ioctl(-1, SIOCSIFFLAGS, {ifr_name=\"012345678901234\", ifr_flags=0}) "
		  "= -1 EBADF (Bad file descriptor)");
	/* SIOCG*: the name at entry, the field after success */
	a[0] = 3;
	a[1] = SIOCGIFINDEX;
	strcpy(r.ifr_name, "lo");
	r.ifr_ifindex = 1;
	CHECK_STR(st, t_line(&s, "ioctl", a, &b, 1, 0, &b, 1),
		  "ioctl(3, SIOCGIFINDEX, {ifr_name=\"lo\", ifr_ifindex=1}) = 0");
	a[0] = -1;
	a[1] = SIOCGIFNAME;
	CHECK_STR(st, t_line(&s, "ioctl", a, &b, 1, -EBADF, NULL, 0),
		  "ioctl(-1, SIOCGIFNAME, {ifr_ifindex=1}) = -1 EBADF (Bad file descriptor)");
	a[1] = SIOCGIFFLAGS;
	a[2] = 0;
	CHECK_STR(st, t_line(&s, "ioctl", a, NULL, 0, -EBADF, NULL, 0),
		  "ioctl(-1, SIOCGIFFLAGS, NULL)     = -1 EBADF (Bad file descriptor)");
	t_sink_close(&s);
}

static void ioctl_sock_misc(struct t_state *st)
{
	struct t_sink s;
	int32_t v = 6892;
	const char br[] = "0123456789012345";
	struct ifconf in = { 2 * sizeof(struct ifreq) + 2, { (char *)0x7ff6e9480fb0 } }, out = in;
	uint64_t a[6] = { 3, SIOCGPGRP, 0x7fe5aaa8affc };
	struct t_blobspec b = { 2, &v, sizeof(v), 0, 0 };
	struct t_blobspec bi = { 2, &in, sizeof(in), 0, 0 };
	struct t_blobspec bo = { 2, &out, sizeof(out), 0, 0 };

	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "ioctl", a, &b, 1, 0, &b, 1),
		  "ioctl(3, SIOCGPGRP, [6892])       = 0");
	a[0] = -1;
	a[1] = SIOCBRADDBR;
	b.data = br;
	b.len = sizeof(br);
	CHECK_STR(
		st, t_line(&s, "ioctl", a, &b, 1, -EBADF, NULL, 0),
		"ioctl(-1, SIOCBRADDBR, \"0123456789012345\"...) = -1 EBADF (Bad file descriptor)");
	a[0] = 3;
	a[1] = SIOCGIFCONF;
	out.ifc_len = 2 * sizeof(struct ifreq);
	CHECK_STR(st, t_line(&s, "ioctl", a, &bi, 1, 0, &bo, 1),
		  "ioctl(3, SIOCGIFCONF, {ifc_len=82 => 80 /* 2 * sizeof(struct ifreq) */, "
		  "ifc_buf=0x7ff6e9480fb0}) = 0");
	in.ifc_buf = NULL;
	out = in;
	CHECK_STR(st, t_line(&s, "ioctl", a, &bi, 1, 0, &bo, 1),
		  "ioctl(3, SIOCGIFCONF, {ifc_len=82, ifc_buf=NULL}) = 0");
	t_sink_close(&s);
}

T_SUITE(decode_ioctl_sock_tests) = {
	T_CASE(ioctl_sock_ifreq),
	T_CASE(ioctl_sock_misc),
	T_END,
};
