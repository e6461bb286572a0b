// SPDX-License-Identifier: GPL-2.0
/*
 * Requests that share a user_data and complete out of the order they were
 * submitted in, for tests/integration (io_uring_same_user_data_*): where
 * completions name no request (SYSRAY_URING_BY_UDATA=1), which one
 * completed is not known. In order:
 * - two reads with user_data 7, from pipes p and q; q is written first, so
 *   the second read completes first;
 * - a read with user_data 9 from pipe p, then a NOP with user_data 9,
 *   which completes at once, before the read;
 * - a NOP with user_data 11, alone: nothing to confuse it with.
 */
#include "uring.h"

static int p[2], q[2];

/* Queue a read of @fd into @buf with user_data @ud. */
static void read_req(int fd, char *buf, unsigned int len, __u64 ud)
{
	io_uring_prep_read(sqe(), fd, buf, len, 0);
	io_uring_sqe_set_data64(last, ud);
}

/* Wait for one completion: its result, and its user_data in *@ud. */
static int reap(__u64 *ud)
{
	struct io_uring_cqe *cqe;
	int res;

	OK(-io_uring_wait_cqe(&ring, &cqe));
	res = cqe->res;
	*ud = cqe->user_data;
	io_uring_cqe_seen(&ring, cqe);
	return res;
}

int main(void)
{
	char a[16], b[16], c[16];
	__u64 ud;

	OK(-io_uring_queue_init(8, &ring, 0));
	OK(pipe(p));
	OK(pipe(q));
	read_req(p[0], a, sizeof(a), 7);
	read_req(q[0], b, sizeof(b), 7);
	EQ(io_uring_submit(&ring), 2);
	EQ(write(q[1], "qq", 2), 2);
	EQ(reap(&ud), 2);
	EQ(ud, 7);
	EQ(write(p[1], "ppp", 3), 3);
	EQ(reap(&ud), 3);
	read_req(p[0], c, sizeof(c), 9);
	io_uring_prep_nop(sqe());
	io_uring_sqe_set_data64(last, 9);
	EQ(io_uring_submit(&ring), 2);
	EQ(reap(&ud), 0);
	EQ(write(p[1], "pppp", 4), 4);
	EQ(reap(&ud), 4);
	io_uring_prep_nop(sqe());
	io_uring_sqe_set_data64(last, 11);
	EQ(run(1), 0);
	io_uring_queue_exit(&ring);
	return 0;
}
