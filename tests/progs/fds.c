// SPDX-License-Identifier: GPL-2.0
/*
 * What fds are, for -y/-yy: files (one unlinked while open, one renamed, a
 * directory used as a dirfd, /dev/null), a pipe, TCP and UDP on 127.0.0.1,
 * unix stream and datagram sockets on paths, a socketpair, an fd passed with
 * SCM_RIGHTS; dup, dup2, dup3, F_DUPFD, close, close_range; a fork whose
 * child uses the inherited fds and re-executes this program, which finds
 * the close-on-exec fds gone. Every fd is used after each change, so each
 * annotation is checked. Takes a few milliseconds.
 *
 * "fds exec" is the re-executed child: it checks what survived the exec.
 */
#include "common.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>

#define CHILD_PIPE 40 /* the pipe's write end, as the re-executed child finds it */
#define KEPT	   30 /* a dup of data.txt without close-on-exec */
#define CLOEXEC	   31 /* a dup of data.txt with close-on-exec */

static void after_exec(void)
{
	struct stat st;

	EQ(fstat(KEPT, &st), 0);
	ERR(fstat(CLOEXEC, &st), EBADF);
	PUTS(CHILD_PIPE, "exec");
	_exit(0);
}

static int unix_sock(int type, const char *path, struct sockaddr_un *a)
{
	memset(a, 0, sizeof(*a));
	a->sun_family = AF_UNIX;
	strcpy(a->sun_path, path);
	return OK(socket(AF_UNIX, type, 0));
}

/* A file unlinked while open, one renamed, a dirfd, a device. */
static void files(int *data)
{
	struct stat st;
	int f, d, dir, x;

	f = OK(open("data.txt", O_CREAT | O_RDWR | O_CLOEXEC, 0644));
	PUTS(f, "data");
	d = OK(dup(f));
	EQ(fcntl(f, F_DUPFD, 20), 20);
	EQ(dup2(d, KEPT), KEPT);
	EQ(dup3(f, CLOEXEC, O_CLOEXEC), CLOEXEC);
	OK(close(d));
	EQ(fstat(20, &st), 0);
	OK(close(20));

	dir = OK(open(".", O_RDONLY | O_DIRECTORY | O_CLOEXEC));
	x = OK(openat(dir, "data.txt", O_RDONLY));
	EQ(fstat(x, &st), 0);
	OK(close(x));
	OK(close(dir));

	x = OK(open("gone.txt", O_CREAT | O_WRONLY | O_TRUNC, 0600));
	OK(unlink("gone.txt"));
	PUTS(x, "still here");
	OK(close(x));

	x = OK(open("old.txt", O_CREAT | O_WRONLY | O_TRUNC, 0600));
	OK(rename("old.txt", "new.txt"));
	EQ(fsync(x), 0);
	OK(close(x));
	OK(unlink("new.txt"));

	x = OK(open("/dev/null", O_WRONLY));
	PUTS(x, "x");
	OK(close(x));
	*data = f;
}

/* TCP on 127.0.0.1: a listener, a connection, both ends used. */
static void tcp(void)
{
	struct sockaddr_in a = { .sin_family = AF_INET };
	socklen_t len = sizeof(a);
	int l, c, s;
	char buf[8];

	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	l = OK(socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
	EQ(bind(l, (struct sockaddr *)&a, sizeof(a)), 0);
	EQ(listen(l, 1), 0);
	EQ(getsockname(l, (struct sockaddr *)&a, &len), 0);
	c = OK(socket(AF_INET, SOCK_STREAM, 0));
	EQ(connect(c, (struct sockaddr *)&a, sizeof(a)), 0);
	s = OK(accept(l, NULL, NULL));
	PUTS(c, "tcp");
	EQ(read(s, buf, 3), 3);
	EQ(shutdown(c, SHUT_WR), 0);
	EQ(read(s, buf, sizeof(buf)), 0);
	OK(close(s));
	OK(close(c));
	OK(close(l));
}

/* UDP: a bound socket, one bound by its first sendto, then connected. */
static void udp(void)
{
	struct sockaddr_in a = { .sin_family = AF_INET };
	socklen_t len = sizeof(a);
	int r, t;
	char buf[8];

	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	r = OK(socket(AF_INET, SOCK_DGRAM, 0));
	EQ(bind(r, (struct sockaddr *)&a, sizeof(a)), 0);
	EQ(getsockname(r, (struct sockaddr *)&a, &len), 0);
	t = OK(socket(AF_INET, SOCK_DGRAM, 0));
	EQ(sendto(t, "udp", 3, 0, (struct sockaddr *)&a, sizeof(a)), 3);
	EQ(recv(r, buf, sizeof(buf), 0), 3);
	EQ(connect(t, (struct sockaddr *)&a, sizeof(a)), 0);
	PUTS(t, "u");
	EQ(recv(r, buf, sizeof(buf), 0), 1);
	OK(close(t));
	OK(close(r));
}

/* Unix stream and datagram sockets on paths; an fd passed over the stream. */
static void unix_socks(int data)
{
	struct sockaddr_un a, b;
	char buf[8], cbuf[CMSG_SPACE(sizeof(int))] = { 0 };
	struct iovec iov = { buf, 2 };
	struct msghdr mh = { .msg_iov = &iov,
			     .msg_iovlen = 1,
			     .msg_control = cbuf,
			     .msg_controllen = sizeof(cbuf) };
	struct cmsghdr *cm = CMSG_FIRSTHDR(&mh);
	int l, c, s, r, t, got;

	l = unix_sock(SOCK_STREAM, "s.sock", &a);
	EQ(bind(l, (struct sockaddr *)&a, sizeof(a)), 0);
	EQ(listen(l, 1), 0);
	c = unix_sock(SOCK_STREAM | SOCK_CLOEXEC, "s.sock", &a);
	EQ(connect(c, (struct sockaddr *)&a, sizeof(a)), 0);
	s = OK(accept4(l, NULL, NULL, SOCK_CLOEXEC));
	PUTS(c, "un");
	EQ(read(s, buf, 2), 2);

	cm->cmsg_level = SOL_SOCKET;
	cm->cmsg_type = SCM_RIGHTS;
	cm->cmsg_len = CMSG_LEN(sizeof(int));
	memcpy(CMSG_DATA(cm), &data, sizeof(int));
	EQ(sendmsg(s, &mh, 0), 2);
	EQ(recvmsg(c, &mh, MSG_CMSG_CLOEXEC), 2);
	memcpy(&got, CMSG_DATA(cm), sizeof(int));
	PUTS(got, "+");
	OK(close(got));
	OK(close(s));
	OK(close(c));
	OK(close(l));
	OK(unlink("s.sock"));

	r = unix_sock(SOCK_DGRAM, "d.sock", &b);
	EQ(bind(r, (struct sockaddr *)&b, sizeof(b)), 0);
	t = OK(socket(AF_UNIX, SOCK_DGRAM, 0));
	EQ(sendto(t, "dg", 2, 0, (struct sockaddr *)&b, sizeof(b)), 2);
	EQ(recv(r, buf, sizeof(buf), 0), 2);
	OK(close(t));
	OK(close(r));
	OK(unlink("d.sock"));
}

/* The child uses what it inherited, then execs this program again. */
static void child(int *p, int *sp, char *self)
{
	char *argv[] = { self, "exec", NULL };

	OK(close(p[0]));
	PUTS(sp[1], "c");
	EQ(dup2(p[1], CHILD_PIPE), CHILD_PIPE);
	OK(close(p[1]));
	PUTS(CHILD_PIPE, "child ");
	execve(self, argv, (char *[]){ NULL });
	_exit(99);
}

int main(int argc, char **argv)
{
	int data, p[2], sp[2], status;
	sigset_t chld;
	char buf[16];
	pid_t pid;

	if (argc > 1 && !strcmp(argv[1], "exec"))
		after_exec();
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	OK(sigprocmask(SIG_BLOCK, &chld, NULL));
	work_enter("fds");
	files(&data);
	tcp();
	udp();
	unix_socks(data);

	OK(pipe2(p, 0));
	OK(socketpair(AF_UNIX, SOCK_STREAM, 0, sp));
	pid = OK(fork());
	if (pid == 0)
		child(p, sp, argv[0]);
	OK(close(p[1]));
	EQ(read(sp[0], buf, 1), 1);
	EQ(wait4(pid, &status, 0, NULL), pid);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	EQ(read(p[0], buf, sizeof(buf)), 10);
	OK(close(p[0]));
	OK(close(sp[0]));
	OK(close(sp[1]));
	OK(syscall(SYS_close_range, KEPT, CLOEXEC, 0));
	PUTS(data, ".");
	OK(close(data));
	OK(unlink("data.txt"));
	work_leave();
	return 0;
}
