// SPDX-License-Identifier: GPL-2.0
/*
 * UDP over 127.0.0.1: bind to port 0 + getsockname, sendto, recvfrom,
 * connect, sendmsg, recvmsg, sendmmsg, recvmmsg, MSG_PEEK and MSG_TRUNC.
 * Loopback datagrams are queued before the sending call returns. Ports are
 * normalised by the harness.
 */
#include "common.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

int main(void)
{
	struct sockaddr_in addr = { .sin_family = AF_INET }, from;
	socklen_t len;
	char buf[64], b1[8], b2[8];
	struct iovec iov[2] = { { "hello ", 6 }, { "world", 5 } };
	struct iovec riov[2] = { { b1, 4 }, { b2, 8 } };
	struct msghdr mh = { .msg_iov = iov, .msg_iovlen = 2 };
	struct mmsghdr mm[2];
	int s, t;

	addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	s = OK(socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0));
	EQ(bind(s, (struct sockaddr *)&addr, sizeof(addr)), 0);
	len = sizeof(addr);
	EQ(getsockname(s, (struct sockaddr *)&addr, &len), 0);

	t = OK(socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP));
	EQ(sendto(t, "datagram", 8, 0, (struct sockaddr *)&addr, sizeof(addr)), 8);
	len = sizeof(from);
	EQ(recvfrom(s, buf, sizeof(buf), 0, (struct sockaddr *)&from, &len), 8);

	EQ(connect(t, (struct sockaddr *)&addr, sizeof(addr)), 0);
	EQ(sendmsg(t, &mh, 0), 11);
	EQ(recv(s, buf, 3, MSG_PEEK), 3);
	mh = (struct msghdr){
		.msg_name = &from, .msg_namelen = sizeof(from), .msg_iov = riov, .msg_iovlen = 2
	};
	EQ(recvmsg(s, &mh, 0), 11);

	memset(mm, 0, sizeof(mm));
	mm[0].msg_hdr.msg_iov = &iov[0];
	mm[0].msg_hdr.msg_iovlen = 1;
	mm[1].msg_hdr.msg_iov = &iov[1];
	mm[1].msg_hdr.msg_iovlen = 1;
	EQ(sendmmsg(t, mm, 2, 0), 2);
	memset(mm, 0, sizeof(mm));
	mm[0].msg_hdr.msg_iov = &riov[0];
	mm[0].msg_hdr.msg_iovlen = 1;
	mm[1].msg_hdr.msg_iov = &riov[1];
	mm[1].msg_hdr.msg_iovlen = 1;
	EQ(recvmmsg(s, mm, 2, MSG_DONTWAIT, NULL), 2);

	EQ(send(t, "truncated datagram", 18, 0), 18);
	EQ(recv(s, buf, 4, MSG_TRUNC), 18);
	ERR(recv(s, buf, sizeof(buf), MSG_DONTWAIT), EAGAIN);
	OK(close(t));
	OK(close(s));
	return 0;
}
