// SPDX-License-Identifier: GPL-2.0
/*
 * io_uring requests for tests/integration (io_uring_*): each request is
 * submitted and waited for on its own (or as one linked chain), so that
 * the completions come in a fixed order. "sqpoll" as argv[1]: the same
 * requests through a ring with a kernel submission thread (SQPOLL).
 * Built against liburing; kept out of the strace corpus in tests/progs,
 * since strace sees none of these requests.
 */
#include "uring.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/uio.h>

static void files(void)
{
	char buf[64] = { 0 }, a[5], b[4];
	struct iovec iov[2] = { { a, sizeof(a) }, { b, sizeof(b) } };
	int fd;

	io_uring_prep_openat(sqe(), AT_FDCWD, "missing.conf", O_RDONLY, 0);
	EQ(run(1), -ENOENT);
	io_uring_prep_openat(sqe(), AT_FDCWD, "data.txt", O_WRONLY | O_CREAT | O_TRUNC, 0644);
	fd = run(1);
	OK(fd);
	io_uring_prep_write(sqe(), fd, "hello io_uring\n", 15, 0);
	EQ(run(1), 15);
	io_uring_prep_close(sqe(), fd);
	EQ(run(1), 0);
	io_uring_prep_openat(sqe(), AT_FDCWD, "data.txt", O_RDONLY, 0);
	fd = run(1);
	OK(fd);
	io_uring_prep_read(sqe(), fd, buf, sizeof(buf), 0);
	EQ(run(1), 15);
	io_uring_prep_readv(sqe(), fd, iov, 2, 6);
	EQ(run(1), 9);
	/* a registered file: the request names index 0, not the fd */
	OK(io_uring_register_files(&ring, &fd, 1));
	io_uring_prep_read(sqe(), 0, buf, 5, 0);
	io_uring_sqe_set_flags(last, IOSQE_FIXED_FILE);
	EQ(run(1), 5);
	OK(io_uring_unregister_files(&ring));
	io_uring_prep_close(sqe(), fd);
	EQ(run(1), 0);
	io_uring_prep_unlinkat(sqe(), AT_FDCWD, "data.txt", 0);
	EQ(run(1), 0);
}

/* A failing head cancels the requests linked after it. */
static void linked(void)
{
	io_uring_prep_close(sqe(), 99);
	io_uring_sqe_set_flags(last, IOSQE_IO_LINK);
	io_uring_prep_nop(sqe());
	EQ(run(2), -ECANCELED);
	io_uring_prep_nop(sqe());
	EQ(run(1), 0);
}

static void network(void)
{
	struct sockaddr_in sa = { .sin_family = AF_INET };
	socklen_t len = sizeof(sa);
	char buf[16] = { 0 };
	int lfd, cfd, afd;

	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	lfd = OK(socket(AF_INET, SOCK_STREAM, 0));
	OK(bind(lfd, (struct sockaddr *)&sa, sizeof(sa)));
	OK(listen(lfd, 1));
	OK(getsockname(lfd, (struct sockaddr *)&sa, &len));
	cfd = OK(socket(AF_INET, SOCK_STREAM, 0));
	OK(connect(cfd, (struct sockaddr *)&sa, sizeof(sa)));
	io_uring_prep_accept(sqe(), lfd, NULL, NULL, 0);
	afd = run(1);
	OK(afd);
	io_uring_prep_send(sqe(), cfd, "ping", 4, 0);
	EQ(run(1), 4);
	io_uring_prep_recv(sqe(), afd, buf, sizeof(buf), 0);
	EQ(run(1), 4);
	OK(close(afd));
	OK(close(cfd));
	OK(close(lfd));
}

/* Refused while being set up (io_uring_req_failed): openat takes no fixed file. */
static void refused(void)
{
	io_uring_prep_openat(sqe(), AT_FDCWD, "missing.conf", O_RDONLY, 0);
	io_uring_sqe_set_flags(last, IOSQE_FIXED_FILE);
	EQ(run(1), -EBADF);
}

int main(int argc, char **argv)
{
	struct io_uring_params p = { 0 };

	if (argc > 1 && !strcmp(argv[1], "sqpoll")) {
		p.flags = IORING_SETUP_SQPOLL;
		p.sq_thread_idle = 1000;
	}
	OK(-io_uring_queue_init_params(8, &ring, &p));
	work_enter(p.flags ? "uring-sqpoll" : "uring");
	files();
	linked();
	network();
	refused();
	work_leave();
	io_uring_queue_exit(&ring);
	return 0;
}
