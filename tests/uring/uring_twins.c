// SPDX-License-Identifier: GPL-2.0
/*
 * The same calls made twice, for tests/integration (io_uring_twins_*) and
 * tests/kernels: first as syscalls, which strace decodes, then as io_uring
 * requests with the same arguments (the same fds: everything is closed
 * between the rounds), which must print as strace printed the syscalls.
 * splice with an offset given and none (the request holds offsets by value,
 * -1 for none, where splice(2) takes pointers), tee, a splice that fails,
 * statx of a file and of a missing one, connect on a loopback socket.
 * One request at a time, so that the completions come in a fixed order.
 */
#include "uring.h"

#include <arpa/inet.h>
#include <linux/stat.h>
#include <netinet/in.h>
#include <sys/socket.h>

/* What both rounds share: the listener the connects go to, statx's buffer. */
struct twins {
	struct sockaddr_in sa;
	struct statx stx;
	bool req; /* the round of requests */
};

/* A call's failure with @err: a syscall's -1 (errno), a request's -@err. */
static int failed(const struct twins *t, int err)
{
	return t->req ? -err : -1;
}

static int splice_in(struct twins *t, int in, int64_t off_in, int out, int64_t off_out,
		     unsigned int len, unsigned int flags)
{
	loff_t oi = off_in, oo = off_out;

	if (!t->req)
		return splice(in, off_in < 0 ? NULL : &oi, out, off_out < 0 ? NULL : &oo, len,
			      flags);
	io_uring_prep_splice(sqe(), in, off_in, out, off_out, len, flags);
	return run(1);
}

static int tee_in(struct twins *t, int in, int out, unsigned int len, unsigned int flags)
{
	if (!t->req)
		return tee(in, out, len, flags);
	io_uring_prep_tee(sqe(), in, out, len, flags);
	return run(1);
}

static int statx_in(struct twins *t, const char *path, int flags, unsigned int mask)
{
	if (!t->req)
		return statx(AT_FDCWD, path, flags, mask, &t->stx);
	io_uring_prep_statx(sqe(), AT_FDCWD, path, flags, mask, &t->stx);
	return run(1);
}

static int connect_in(struct twins *t, int fd)
{
	if (!t->req)
		return connect(fd, (struct sockaddr *)&t->sa, sizeof(t->sa));
	io_uring_prep_connect(sqe(), fd, (struct sockaddr *)&t->sa, sizeof(t->sa));
	return run(1);
}

static void round_of(struct twins *t)
{
	int fd, a[2], b[2], s;

	fd = OK(open("twins.txt", O_RDWR | O_CREAT | O_TRUNC, 0644));
	EQ(write(fd, "splice and tee\n", 15), 15);
	OK(pipe(a));
	OK(pipe(b));
	/* "splice ": an offset of 0 given, none for the pipe */
	EQ(splice_in(t, fd, 0, a[1], -1, 7, SPLICE_F_MOVE), 7);
	EQ(tee_in(t, a[0], b[1], 7, SPLICE_F_NONBLOCK), 7);
	/* appended at offset 15 */
	EQ(splice_in(t, b[0], -1, fd, 15, 7, 0), 7);
	/* neither end a pipe */
	EQ(splice_in(t, fd, 3, fd, -1, 1, 0), failed(t, EINVAL));
	EQ(statx_in(t, "twins.txt", AT_STATX_SYNC_AS_STAT, STATX_SIZE), 0);
	EQ(statx_in(t, "missing.txt", 0, STATX_ALL), failed(t, ENOENT));
	s = OK(socket(AF_INET, SOCK_STREAM, 0));
	EQ(connect_in(t, s), 0);
	OK(close(s));
	OK(close(a[0]));
	OK(close(a[1]));
	OK(close(b[0]));
	OK(close(b[1]));
	OK(close(fd));
	OK(unlink("twins.txt"));
}

int main(void)
{
	struct twins t = { .sa = { .sin_family = AF_INET } };
	socklen_t len = sizeof(t.sa);
	int lfd;

	OK(-io_uring_queue_init(8, &ring, 0));
	work_enter("uring-twins");
	t.sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	lfd = OK(socket(AF_INET, SOCK_STREAM, 0));
	OK(bind(lfd, (struct sockaddr *)&t.sa, sizeof(t.sa)));
	OK(listen(lfd, 4));
	OK(getsockname(lfd, (struct sockaddr *)&t.sa, &len));
	round_of(&t);
	t.req = true;
	round_of(&t);
	OK(close(lfd));
	work_leave();
	io_uring_queue_exit(&ring);
	return 0;
}
