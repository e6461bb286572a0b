// SPDX-License-Identifier: GPL-2.0
/*
 * The same calls made twice, for tests/integration (io_uring_requests_*)
 * and tests/kernels: first as syscalls, which strace decodes, then as
 * io_uring requests with the same arguments and fds (everything is closed
 * between the rounds), which must print as strace printed the syscalls.
 * A read or write request with an offset prints as pread64/pwrite64 would
 * under the request's name (read(fd, buf, len, offset)); readv and writev
 * as preadv and pwritev. Each round, in order: an openat that fails and
 * one that creates a file, pwrite64, pread64, pwritev, preadv,
 * fsync, fdatasync (IORING_OP_FSYNC with IORING_FSYNC_DATASYNC), splice
 * with an offset given and none (the request holds offsets by value, -1 for
 * none, where splice(2) takes pointers), tee, a splice that fails, statx of
 * the file and of a missing one, connect, accept4, sendto and recvfrom on
 * loopback sockets, close. What else a round needs goes through calls a
 * test does not trace: pipe2, socket, close_range, unlink.
 * One request at a time, so that the completions come in a fixed order.
 */
#include "uring.h"

#include <arpa/inet.h>
#include <linux/close_range.h>
#include <linux/stat.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/uio.h>

/* What both rounds share: the listener the connects go to, statx's buffer. */
struct twins {
	struct sockaddr_in sa;
	int lfd;
	struct statx stx;
	bool req; /* the round of requests */
};

/* A call's failure with @err: a syscall's -1 (errno), a request's -@err. */
static int failed(const struct twins *t, int err)
{
	return t->req ? -err : -1;
}

/* Close @fd without a close() (an fd of the round's housekeeping). */
static void drop(int fd)
{
	OK(syscall(SYS_close_range, fd, fd, 0));
}

static int openat_in(struct twins *t, const char *path, int flags, mode_t mode)
{
	if (!t->req)
		return openat(AT_FDCWD, path, flags, mode);
	io_uring_prep_openat(sqe(), AT_FDCWD, path, flags, mode);
	return run(1);
}

static int close_in(struct twins *t, int fd)
{
	if (!t->req)
		return close(fd);
	io_uring_prep_close(sqe(), fd);
	return run(1);
}

static int rw_in(struct twins *t, bool wr, int fd, void *buf, unsigned int len, off_t off)
{
	if (!t->req)
		return wr ? pwrite(fd, buf, len, off) : pread(fd, buf, len, off);
	if (wr)
		io_uring_prep_write(sqe(), fd, buf, len, off);
	else
		io_uring_prep_read(sqe(), fd, buf, len, off);
	return run(1);
}

static int rwv_in(struct twins *t, bool wr, int fd, const struct iovec *iov, int n, off_t off)
{
	if (!t->req)
		return wr ? pwritev(fd, iov, n, off) : preadv(fd, iov, n, off);
	if (wr)
		io_uring_prep_writev(sqe(), fd, iov, n, off);
	else
		io_uring_prep_readv(sqe(), fd, iov, n, off);
	return run(1);
}

static int sync_in(struct twins *t, int fd, bool data)
{
	if (!t->req)
		return data ? fdatasync(fd) : fsync(fd);
	io_uring_prep_fsync(sqe(), fd, data ? IORING_FSYNC_DATASYNC : 0);
	return run(1);
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

static int accept_in(struct twins *t)
{
	if (!t->req)
		return accept4(t->lfd, NULL, NULL, 0);
	io_uring_prep_accept(sqe(), t->lfd, NULL, NULL, 0);
	return run(1);
}

static int send_in(struct twins *t, int fd, const void *buf, size_t len)
{
	if (!t->req)
		return sendto(fd, buf, len, 0, NULL, 0);
	io_uring_prep_send(sqe(), fd, buf, len, 0);
	return run(1);
}

static int recv_in(struct twins *t, int fd, void *buf, size_t len)
{
	if (!t->req)
		return recvfrom(fd, buf, len, 0, NULL, NULL);
	io_uring_prep_recv(sqe(), fd, buf, len, 0);
	return run(1);
}

/* Reads and writes with offsets, plain and vectored. */
static void file_io(struct twins *t, int fd)
{
	char buf[64] = { 0 }, a[4], b[8];
	struct iovec w[2] = { { "vec", 3 }, { "tored\n", 6 } }, r[2] = { { a, 4 }, { b, 8 } };

	EQ(rw_in(t, true, fd, "splice and tee\n", 15, 0), 15);
	EQ(rw_in(t, false, fd, buf, sizeof(buf), 7), 8);
	EQ(rwv_in(t, true, fd, w, 2, 22), 9);
	EQ(rwv_in(t, false, fd, r, 2, 20), 11);
}

/* splice and tee through two pipes, back into the file at offset 15. */
static void pipes(struct twins *t, int fd)
{
	int a[2], b[2];

	OK(pipe(a));
	OK(pipe(b));
	EQ(splice_in(t, fd, 0, a[1], -1, 7, SPLICE_F_MOVE), 7);
	EQ(tee_in(t, a[0], b[1], 7, SPLICE_F_NONBLOCK), 7);
	EQ(splice_in(t, b[0], -1, fd, 15, 7, 0), 7);
	/* neither end a pipe */
	EQ(splice_in(t, fd, 3, fd, -1, 1, 0), failed(t, EINVAL));
	drop(a[0]);
	drop(a[1]);
	drop(b[0]);
	drop(b[1]);
}

static void network(struct twins *t)
{
	char buf[16] = { 0 };
	int s, afd;

	s = OK(socket(AF_INET, SOCK_STREAM, 0));
	EQ(connect_in(t, s), 0);
	afd = OK(accept_in(t));
	EQ(send_in(t, s, "ping", 4), 4);
	EQ(recv_in(t, afd, buf, sizeof(buf)), 4);
	drop(afd);
	drop(s);
}

static void round_of(struct twins *t)
{
	int fd;

	EQ(openat_in(t, "missing.txt", O_RDONLY, 0), failed(t, ENOENT));
	fd = OK(openat_in(t, "twins.txt", O_RDWR | O_CREAT | O_TRUNC, 0644));
	file_io(t, fd);
	EQ(sync_in(t, fd, false), 0);
	EQ(sync_in(t, fd, true), 0);
	pipes(t, fd);
	EQ(statx_in(t, "twins.txt", AT_STATX_SYNC_AS_STAT, STATX_SIZE), 0);
	EQ(statx_in(t, "missing.txt", 0, STATX_ALL), failed(t, ENOENT));
	network(t);
	EQ(close_in(t, fd), 0);
	OK(unlink("twins.txt"));
}

int main(void)
{
	struct twins t = { .sa = { .sin_family = AF_INET } };
	socklen_t len = sizeof(t.sa);

	OK(-io_uring_queue_init(8, &ring, 0));
	work_enter("uring-twins");
	t.sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	t.lfd = OK(socket(AF_INET, SOCK_STREAM, 0));
	OK(bind(t.lfd, (struct sockaddr *)&t.sa, sizeof(t.sa)));
	OK(listen(t.lfd, 4));
	OK(getsockname(t.lfd, (struct sockaddr *)&t.sa, &len));
	round_of(&t);
	t.req = true;
	round_of(&t);
	drop(t.lfd);
	work_leave();
	io_uring_queue_exit(&ring);
	return 0;
}
