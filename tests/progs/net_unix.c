// SPDX-License-Identifier: GPL-2.0
/*
 * AF_UNIX: a stream socket bound to a path (bind, listen, connect, accept4,
 * getpeername, passing a descriptor with SCM_RIGHTS through sendmsg and
 * recvmsg), a datagram socket bound to a path (sendto, recvfrom),
 * socketpair, and send on a closed pair with MSG_NOSIGNAL (EPIPE).
 */
#include "common.h"

#include <sys/socket.h>
#include <stddef.h>
#include <sys/un.h>

static socklen_t unaddr(struct sockaddr_un *sa, const char *path)
{
	memset(sa, 0, sizeof(*sa));
	sa->sun_family = AF_UNIX;
	strcpy(sa->sun_path, path);
	return (socklen_t)(offsetof(struct sockaddr_un, sun_path) + strlen(path) + 1);
}

int main(void)
{
	struct sockaddr_un sa, peer;
	socklen_t salen, len;
	char buf[32], cbuf[CMSG_SPACE(sizeof(int))];
	struct iovec iov = { "fd", 2 };
	struct msghdr mh = { .msg_iov = &iov,
			     .msg_iovlen = 1,
			     .msg_control = cbuf,
			     .msg_controllen = sizeof(cbuf) };
	struct cmsghdr *cm;
	int ls, c, a, d1, d2, sv[2], nul;

	work_enter("net_unix");
	salen = unaddr(&sa, "stream.sock");
	ls = OK(socket(AF_UNIX, SOCK_STREAM, 0));
	EQ(bind(ls, (struct sockaddr *)&sa, salen), 0);
	EQ(listen(ls, 2), 0);
	c = OK(socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
	EQ(connect(c, (struct sockaddr *)&sa, salen), 0);
	len = sizeof(peer);
	a = OK(accept4(ls, (struct sockaddr *)&peer, &len, 0));
	len = sizeof(peer);
	EQ(getpeername(c, (struct sockaddr *)&peer, &len), 0);
	EQ(write(c, "over unix", 9), 9);
	EQ(read(a, buf, sizeof(buf)), 9);

	nul = OK(open("/dev/null", O_WRONLY));
	memset(cbuf, 0, sizeof(cbuf));
	cm = CMSG_FIRSTHDR(&mh);
	cm->cmsg_level = SOL_SOCKET;
	cm->cmsg_type = SCM_RIGHTS;
	cm->cmsg_len = CMSG_LEN(sizeof(int));
	memcpy(CMSG_DATA(cm), &nul, sizeof(int));
	EQ(sendmsg(a, &mh, 0), 2);
	OK(close(nul));
	iov = (struct iovec){ buf, sizeof(buf) };
	mh.msg_controllen = sizeof(cbuf);
	EQ(recvmsg(c, &mh, MSG_CMSG_CLOEXEC), 2);
	memcpy(&nul, CMSG_DATA(CMSG_FIRSTHDR(&mh)), sizeof(int));
	OK(close(nul));

	salen = unaddr(&sa, "dgram.sock");
	d1 = OK(socket(AF_UNIX, SOCK_DGRAM, 0));
	EQ(bind(d1, (struct sockaddr *)&sa, salen), 0);
	d2 = OK(socket(AF_UNIX, SOCK_DGRAM, 0));
	EQ(sendto(d2, "dgram", 5, 0, (struct sockaddr *)&sa, salen), 5);
	len = sizeof(peer);
	EQ(recvfrom(d1, buf, sizeof(buf), 0, (struct sockaddr *)&peer, &len), 5);
	ERR(bind(d2, (struct sockaddr *)&sa, salen), EADDRINUSE);

	EQ(socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv), 0);
	EQ(send(sv[0], "pkt", 3, 0), 3);
	EQ(recv(sv[1], buf, sizeof(buf), 0), 3);
	OK(close(sv[1]));
	ERR(send(sv[0], "pkt", 3, MSG_NOSIGNAL), EPIPE);
	OK(close(sv[0]));

	OK(close(d2));
	OK(close(d1));
	OK(close(a));
	OK(close(c));
	OK(close(ls));
	OK(unlink("dgram.sock"));
	OK(unlink("stream.sock"));
	work_leave();
	return 0;
}
