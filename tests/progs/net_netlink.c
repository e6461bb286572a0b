// SPDX-License-Identifier: GPL-2.0
/*
 * NETLINK_ROUTE messages the kernel leaves alone or rejects the same way on
 * every run: requests without NLM_F_REQUEST (ignored), several messages in
 * one buffer, attributes (a string, addresses, a nested set), an ack that
 * returns the request in an NLMSG_ERROR, and a short buffer. The socket is
 * bound first, as iproute2 does: strace asks sock_diag for the protocol,
 * which knows only bound sockets. Not part of the differential corpus:
 * tests/integration/run.py traces it with and without -y.
 */
#include "common.h"

#include <string.h>
#include <arpa/inet.h>
#include <linux/if_addr.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <sys/socket.h>

/* An attribute of @len payload bytes at @p; return its aligned size. */
static size_t put_attr(void *p, uint16_t type, const void *data, uint16_t len)
{
	struct nlattr a = { .nla_len = NLA_HDRLEN + len, .nla_type = type };

	memcpy(p, &a, sizeof(a));
	memcpy((char *)p + NLA_HDRLEN, data, len);
	return NLA_ALIGN(a.nla_len);
}

int main(void)
{
	struct sockaddr_nl sa = { .nl_family = AF_NETLINK };
	struct {
		struct nlmsghdr h;
		struct ifaddrmsg ifa;
		char attrs[64];
	} m;
	struct nlmsghdr two[2];
	char buf[512];
	uint32_t a4 = htonl(INADDR_LOOPBACK);
	size_t n;
	int s;

	s = OK(socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE));
	EQ(bind(s, (struct sockaddr *)&sa, sizeof(sa)), 0);

	/* an address with attributes, not a request: the kernel drops it */
	memset(&m, 0, sizeof(m));
	m.ifa = (struct ifaddrmsg){ .ifa_family = AF_INET,
				    .ifa_prefixlen = 8,
				    .ifa_flags = IFA_F_PERMANENT,
				    .ifa_scope = RT_SCOPE_HOST,
				    .ifa_index = 1 };
	n = put_attr(m.attrs, IFA_LOCAL, &a4, sizeof(a4));
	n += put_attr(m.attrs + n, IFA_LABEL, "lo", 3);
	n += put_attr(m.attrs + n, 0x3fff, "abcd", 4);
	m.h = (struct nlmsghdr){ .nlmsg_len = NLMSG_LENGTH(sizeof(m.ifa)) + n,
				 .nlmsg_type = RTM_NEWADDR,
				 .nlmsg_flags = NLM_F_CREATE | NLM_F_EXCL,
				 .nlmsg_seq = 1 };
	EQ(sendto(s, &m, m.h.nlmsg_len, MSG_DONTWAIT, NULL, 0), m.h.nlmsg_len);

	/* two headers in one buffer */
	two[0] = (struct nlmsghdr){ .nlmsg_len = sizeof(two[0]),
				    .nlmsg_type = NLMSG_NOOP,
				    .nlmsg_seq = 2 };
	two[1] = two[0];
	two[1].nlmsg_type = RTM_DELLINK;
	two[1].nlmsg_flags = NLM_F_NONREC | 0x4000;
	two[1].nlmsg_seq = 3;
	EQ(sendto(s, two, sizeof(two), MSG_DONTWAIT, NULL, 0), sizeof(two));

	/* fewer bytes than a header */
	EQ(sendto(s, "\x61\x62\x63", 3, MSG_DONTWAIT, NULL, 0), 3);

	/* a request the kernel refuses: the error echoes it */
	memset(&m, 0, sizeof(m));
	m.h = (struct nlmsghdr){ .nlmsg_len = NLMSG_LENGTH(sizeof(m.ifa)),
				 .nlmsg_type = RTM_GETADDR,
				 .nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK,
				 .nlmsg_seq = 4 };
	m.ifa.ifa_family = AF_INET;
	EQ(sendto(s, &m, m.h.nlmsg_len, 0, NULL, 0), m.h.nlmsg_len);
	EQ(recvfrom(s, buf, sizeof(buf), 0, NULL, NULL),
	   NLMSG_LENGTH(sizeof(int) + NLMSG_LENGTH(sizeof(m.ifa))));
	EQ(close(s), 0);
	return 0;
}
