// SPDX-License-Identifier: GPL-2.0
/*
 * -y: fds passed with SCM_RIGHTS, received whole or not: a control buffer
 * with room for one of three fds (MSG_CTRUNC, the kernel closes the rest),
 * one with no room at all, a message read with read(2), which drops its
 * fds. Each fd received must name the file of its own message, as strace
 * shows it.
 */
#include "common.h"

#include <sys/socket.h>

#define MAXFDS 3

union cbuf {
	char buf[CMSG_SPACE(sizeof(int) * MAXFDS)];
	struct cmsghdr align;
};

/* One byte, "x", with the @n fds of @fds. */
static void send_fds(int s, const int *fds, int n)
{
	union cbuf u;
	struct iovec io = { (void *)"x", 1 };
	struct msghdr m = { .msg_iov = &io,
			    .msg_iovlen = 1,
			    .msg_control = u.buf,
			    .msg_controllen = CMSG_SPACE(sizeof(int) * n) };
	struct cmsghdr *c;

	memset(&u, 0, sizeof(u));
	c = CMSG_FIRSTHDR(&m);
	c->cmsg_level = SOL_SOCKET;
	c->cmsg_type = SCM_RIGHTS;
	c->cmsg_len = CMSG_LEN(sizeof(int) * n);
	memcpy(CMSG_DATA(c), fds, sizeof(int) * n);
	EQ(sendmsg(s, &m, 0), 1);
}

/*
 * Receive one byte with room for @room fds (0: no control buffer) into
 * @fds; return how many came.
 */
static int recv_fds(int s, int room, int want_flags, int *fds)
{
	union cbuf u;
	char x;
	struct iovec io = { &x, 1 };
	struct msghdr m = { .msg_iov = &io, .msg_iovlen = 1 };
	struct cmsghdr *c;
	int n = 0;

	memset(&u, 0, sizeof(u));
	if (room) {
		m.msg_control = u.buf;
		m.msg_controllen = CMSG_SPACE(sizeof(int) * room);
	}
	EQ(recvmsg(s, &m, 0), 1);
	CHECK(m.msg_flags == want_flags);
	c = room ? CMSG_FIRSTHDR(&m) : NULL;
	if (c && c->cmsg_type == SCM_RIGHTS) {
		n = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);
		memcpy(fds, CMSG_DATA(c), n * sizeof(int));
	}
	return n;
}

/* Use the @n fds received, then close them. */
static void use_fds(const int *fds, int n)
{
	int i;

	for (i = 0; i < n; i++)
		EQ(fsync(fds[i]), 0);
	for (i = 0; i < n; i++)
		OK(close(fds[i]));
}

static int make(const char *name)
{
	return OK(open(name, O_CREAT | O_RDWR | O_TRUNC, 0600));
}

int main(void)
{
	const char *names[] = { "a", "b", "c", "d", "e", "f", "g" };
	int sv[2], f[7], got[MAXFDS], i;
	char x;

	work_enter("fd_scm");
	OK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv));
	for (i = 0; i < 7; i++)
		f[i] = make(names[i]);

	/* room for two of three: c is lost; the next message is d's */
	send_fds(sv[0], &f[0], 3);
	send_fds(sv[0], &f[3], 1);
	EQ(recv_fds(sv[1], 1, MSG_CTRUNC, got), 2);
	use_fds(got, 2);
	EQ(recv_fds(sv[1], 1, 0, got), 1);
	use_fds(got, 1);

	/* no room: e is lost; then f */
	send_fds(sv[0], &f[4], 1);
	send_fds(sv[0], &f[5], 1);
	EQ(recv_fds(sv[1], 0, MSG_CTRUNC, got), 0);
	EQ(recv_fds(sv[1], 1, 0, got), 1);
	use_fds(got, 1);

	/* read(2) takes a's message and drops the fd; then f and g come together */
	send_fds(sv[0], &f[0], 1);
	send_fds(sv[0], &f[5], 2);
	EQ(read(sv[1], &x, 1), 1);
	EQ(recv_fds(sv[1], 2, 0, got), 2);
	use_fds(got, 2);

	for (i = 0; i < 7; i++) {
		OK(close(f[i]));
		OK(unlink(names[i]));
	}
	OK(close(sv[0]));
	OK(close(sv[1]));
	work_leave();
	return 0;
}
