// SPDX-License-Identifier: GPL-2.0
/*
 * Socket addresses with lengths that lie: 0, 1, 2, 3, shorter than the
 * family's structure, longer than sockaddr_storage, negative; NULL and
 * unmapped addresses with a length; an unknown family; a unix path that
 * fills sun_path without a NUL, and an abstract name with a NUL, a newline
 * and an escape inside; address lengths the kernel rewrites (getsockname
 * into 3 bytes, recvfrom into 1000).
 */

#include "common.h"

#include <stddef.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/un.h>

int main(void)
{
	struct sockaddr_storage ss;
	struct sockaddr_in sin = { .sin_family = AF_INET,
				   .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	struct sockaddr_in6 sin6 = { .sin6_family = AF_INET6 };
	struct sockaddr_un sun = { .sun_family = AF_UNIX };
	/* a fixed port (discard) where the bytes of a cut address are printed */
	struct sockaddr_in fixed = { .sin_family = AF_INET,
				     .sin_port = htons(9),
				     .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	struct sockaddr *sa = (struct sockaddr *)&sin, *fa = (struct sockaddr *)&fixed;
	socklen_t len;
	char buf[8];
	int u, r, x, v = 4096;

	work_enter("hostile_sockaddr");
	r = OK(socket(AF_INET, SOCK_DGRAM, 0));
	OK(bind(r, sa, sizeof(sin)));
	len = sizeof(sin);
	OK(getsockname(r, sa, &len));
	u = OK(socket(AF_INET, SOCK_DGRAM, 0));

	ERR(connect(u, fa, 0), EINVAL);
	ERR(connect(u, fa, 1), EINVAL);
	ERR(connect(u, fa, 2), EINVAL);
	ERR(connect(u, fa, 3), EINVAL);
	ERR(connect(u, fa, sizeof(ss) + 1), EINVAL);
	ERR(connect(u, fa, (socklen_t)-1), EINVAL);
	ERR(syscall(SYS_connect, u, NULL, 16), EFAULT);
	ERR(syscall(SYS_connect, u, (void *)8, 16), EFAULT);
	memset(&ss, 0x41, sizeof(ss));
	ss.ss_family = 0x1234;
	ERR(connect(u, (struct sockaddr *)&ss, 16), EAFNOSUPPORT);
	ERR(sendto(u, "x", 1, 0, fa, 5), EINVAL);
	/* a longer length than sockaddr_in: the kernel reads what it needs */
	memset(&ss, 0, sizeof(ss));
	memcpy(&ss, &sin, sizeof(sin));
	EQ(sendto(u, "y", 1, 0, (struct sockaddr *)&ss, sizeof(ss)), 1);
	len = 0;
	OK(getsockname(u, (struct sockaddr *)&ss, &len));
	len = 1000;
	EQ(recvfrom(r, buf, sizeof(buf), 0, (struct sockaddr *)&ss, &len), 1);
	CHECK(len == sizeof(sin));
	ERR(setsockopt(u, SOL_SOCKET, SO_RCVBUF, &v, 2), EINVAL);
	ERR(setsockopt(u, SOL_SOCKET, SO_RCVBUF, &v, (socklen_t)-1), EINVAL);

	x = OK(socket(AF_INET6, SOCK_DGRAM, 0));
	ERR(connect(x, (struct sockaddr *)&sin6, sizeof(sin6) - 8), EINVAL);
	OK(close(x));

	x = OK(socket(AF_UNIX, SOCK_DGRAM, 0));
	memset(sun.sun_path, 'p', sizeof(sun.sun_path));
	ERR(connect(x, (struct sockaddr *)&sun, sizeof(sun)), ENOENT);
	memset(sun.sun_path, 0, sizeof(sun.sun_path));
	memcpy(sun.sun_path, "\0ab\0c\n\33[2J", 10);
	ERR(connect(x, (struct sockaddr *)&sun, offsetof(struct sockaddr_un, sun_path) + 10),
	    ECONNREFUSED);
	ERR(connect(x, (struct sockaddr *)&sun, 1), EINVAL);
	memcpy(sun.sun_path, "bound.sock", 11);
	OK(bind(x, (struct sockaddr *)&sun, offsetof(struct sockaddr_un, sun_path) + 11));
	len = 3;
	OK(getsockname(x, (struct sockaddr *)&sun, &len));
	CHECK(len == offsetof(struct sockaddr_un, sun_path) + 11);
	OK(unlink("bound.sock"));
	OK(close(x));

	OK(close(u));
	OK(close(r));
	work_leave();
	return 0;
}
