// SPDX-License-Identifier: GPL-2.0
/*
 * TCP over 127.0.0.1: socket, setsockopt, bind to port 0, listen,
 * getsockname, connect, accept4, getpeername, sendto, recvfrom,
 * getsockopt, shutdown; a non-blocking connect (EINPROGRESS, then poll).
 * A single process: the kernel completes the loopback
 * handshake before accept4. Port numbers are ephemeral and are normalised by
 * the differential harness (PORT1, PORT2, ... by first appearance).
 */
#include "common.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>

int main(void)
{
	struct sockaddr_in addr = { .sin_family = AF_INET }, peer;
	socklen_t len;
	struct pollfd pfd = { .events = POLLOUT };
	int ls, c, a, one = 1, val;
	char buf[32];

	addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	ls = OK(socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
	EQ(setsockopt(ls, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)), 0);
	EQ(bind(ls, (struct sockaddr *)&addr, sizeof(addr)), 0);
	EQ(listen(ls, 4), 0);
	len = sizeof(addr);
	EQ(getsockname(ls, (struct sockaddr *)&addr, &len), 0);

	c = OK(socket(AF_INET, SOCK_STREAM, IPPROTO_TCP));
	EQ(setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one)), 0);
	EQ(connect(c, (struct sockaddr *)&addr, sizeof(addr)), 0);
	ERR(connect(c, (struct sockaddr *)&addr, sizeof(addr)), EISCONN);
	len = sizeof(peer);
	a = OK(accept4(ls, (struct sockaddr *)&peer, &len, SOCK_CLOEXEC));
	len = sizeof(peer);
	EQ(getpeername(c, (struct sockaddr *)&peer, &len), 0);
	len = sizeof(peer);
	EQ(getsockname(c, (struct sockaddr *)&peer, &len), 0);

	EQ(send(c, "ping", 4, 0), 4);
	EQ(recv(a, buf, 4, MSG_WAITALL), 4);
	EQ(sendto(a, "pong!", 5, MSG_NOSIGNAL, NULL, 0), 5);
	len = sizeof(peer);
	EQ(recvfrom(c, buf, 5, MSG_WAITALL, (struct sockaddr *)&peer, &len), 5);

	len = sizeof(val);
	EQ(getsockopt(a, SOL_SOCKET, SO_TYPE, &val, &len), 0);
	len = sizeof(val);
	EQ(getsockopt(c, IPPROTO_TCP, TCP_NODELAY, &val, &len), 0);
	len = sizeof(val);
	EQ(getsockopt(c, SOL_SOCKET, SO_ERROR, &val, &len), 0);

	/* the socket is described once connected, though connect "failed" */
	pfd.fd = OK(socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0));
	ERR(connect(pfd.fd, (struct sockaddr *)&addr, sizeof(addr)), EINPROGRESS);
	EQ(poll(&pfd, 1, 5000), 1);
	EQ(write(pfd.fd, "x", 1), 1);
	OK(close(pfd.fd));

	EQ(shutdown(c, SHUT_WR), 0);
	EQ(recv(a, buf, sizeof(buf), 0), 0);
	ERR(shutdown(ls, 99), EINVAL);
	OK(close(a));
	OK(close(c));
	OK(close(ls));
	return 0;
}
