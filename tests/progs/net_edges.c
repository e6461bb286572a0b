// SPDX-License-Identifier: GPL-2.0
/*
 * Socket values at the end of a readable page, the next one PROT_NONE:
 * 16-byte address buffers the kernel fills with longer unix addresses
 * (accept, getsockname, getpeername, recvfrom, recvmsg: strace prints the
 * 16 bytes it can read, and the length as "[16 => 27]"), option values
 * that fit before the page's end (setsockopt with a length past it) and a
 * send buffer that does not (EFAULT: its address).
 */

#include "common.h"

#include <stddef.h>
#include <netinet/in.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/un.h>

static socklen_t unix_addr(struct sockaddr_un *sun, const char *path)
{
	memset(sun, 0, sizeof(*sun));
	sun->sun_family = AF_UNIX;
	strcpy(sun->sun_path, path);
	return offsetof(struct sockaddr_un, sun_path) + strlen(path) + 1;
}

/* A stream pair with named ends: their addresses overflow 16-byte buffers. */
static void stream(char *edge)
{
	struct sockaddr_un srv_addr, cli_addr;
	socklen_t srv_len, cli_len, len;
	int srv, cli, acc;

	srv_len = unix_addr(&srv_addr, "net_edges.srv.sock");
	cli_len = unix_addr(&cli_addr, "net_edges.cli.sock");
	srv = OK(socket(AF_UNIX, SOCK_STREAM, 0));
	OK(bind(srv, (struct sockaddr *)&srv_addr, srv_len));
	OK(listen(srv, 1));
	cli = OK(socket(AF_UNIX, SOCK_STREAM, 0));
	OK(bind(cli, (struct sockaddr *)&cli_addr, cli_len));
	OK(connect(cli, (struct sockaddr *)&srv_addr, srv_len));
	len = 16;
	acc = OK(accept(srv, (struct sockaddr *)edge, &len));
	CHECK(len == cli_len);
	len = 16;
	OK(getsockname(cli, (struct sockaddr *)edge, &len));
	len = 16;
	OK(getpeername(cli, (struct sockaddr *)edge, &len));
	OK(close(acc));
	OK(close(cli));
	OK(close(srv));
	OK(unlink("net_edges.srv.sock"));
	OK(unlink("net_edges.cli.sock"));
}

/* Datagrams from a named socket: recvfrom's and recvmsg's source addresses. */
static void dgram(char *edge, char *none)
{
	struct sockaddr_un a_addr, b_addr;
	socklen_t a_len, b_len, len;
	struct iovec iov;
	struct msghdr mh;
	char c;
	int a, b;

	a_len = unix_addr(&a_addr, "net_edges.a.sock");
	b_len = unix_addr(&b_addr, "net_edges.b.sock");
	a = OK(socket(AF_UNIX, SOCK_DGRAM, 0));
	OK(bind(a, (struct sockaddr *)&a_addr, a_len));
	b = OK(socket(AF_UNIX, SOCK_DGRAM, 0));
	OK(bind(b, (struct sockaddr *)&b_addr, b_len));
	EQ(sendto(b, "A", 1, 0, (struct sockaddr *)&a_addr, a_len), 1);
	EQ(sendto(b, "B", 1, 0, (struct sockaddr *)&a_addr, a_len), 1);
	len = 16;
	EQ(recvfrom(a, &c, 1, 0, (struct sockaddr *)edge, &len), 1);
	CHECK(len == b_len);
	iov.iov_base = &c;
	iov.iov_len = 1;
	memset(&mh, 0, sizeof(mh));
	mh.msg_name = edge;
	mh.msg_namelen = 16;
	mh.msg_iov = &iov;
	mh.msg_iovlen = 1;
	EQ(recvmsg(a, &mh, 0), 1);
	/* 4 readable bytes of 10: unreadable, printed as its address */
	ERR(sendto(b, none - 4, 10, 0, (struct sockaddr *)&a_addr, a_len), EFAULT);
	OK(close(a));
	OK(close(b));
	OK(unlink("net_edges.a.sock"));
	OK(unlink("net_edges.b.sock"));
}

/* Option values that end where the page does, with lengths that go past it. */
static void options(char *none)
{
	struct ip_mreq *mreq = (struct ip_mreq *)(none - sizeof(*mreq));
	struct linger *lg = (struct linger *)(none - sizeof(*lg));
	int *one = (int *)(none - sizeof(int));
	int s = OK(socket(AF_INET, SOCK_DGRAM, 0));

	mreq->imr_multiaddr.s_addr = htonl(0xe0000003);
	mreq->imr_interface.s_addr = htonl(INADDR_LOOPBACK);
	/* the kernel reads a struct ip_mreqn, 4 bytes more than there are */
	ERR(setsockopt(s, SOL_IP, IP_ADD_MEMBERSHIP, mreq, 0x7fffffff), EFAULT);
	lg->l_onoff = 0;
	lg->l_linger = 42;
	OK(setsockopt(s, SOL_SOCKET, SO_LINGER, lg, sizeof(*lg) + 1));
	*one = 1;
	OK(setsockopt(s, SOL_SOCKET, SO_DEBUG, one, sizeof(int) + 1));
	OK(close(s));
}

int main(void)
{
	char *page, *none;

	work_enter("net_edges");
	page = mmap(NULL, 2 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(page != MAP_FAILED);
	OK(mprotect(page + 4096, 4096, PROT_NONE));
	none = page + 4096;
	memset(page, 'a', 4096);
	stream(none - 16);
	dgram(none - 16, none);
	options(none);
	work_leave();
	return 0;
}
