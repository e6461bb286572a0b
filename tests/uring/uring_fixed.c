// SPDX-License-Identifier: GPL-2.0
/*
 * io_uring fixed files for tests/integration (io_uring_fixed_*): a sparse
 * registered-file table, a direct open into slot 2 and one into a slot the
 * kernel chooses, requests on those slots, a direct close, a request on
 * the emptied slot, and a file registered by fd with io_uring_register()
 * (IORING_REGISTER_FILES, then _FILES2 with tags and a _FILES_UPDATE, then
 * 300 slots (five records of the io_uring_register program, two tail calls),
 * the last one filled, and slot 5 filled by an
 * IORING_OP_FILES_UPDATE request), and a splice from the last slot.
 * The slot the kernel chooses is its business: the test reads it from the
 * line.
 * One request at a time, so that the completions come in a fixed order.
 */
#include "uring.h"

/* Submit the last entry with @flags alone and wait for it; return its result. */
static int run_one(unsigned int flags)
{
	io_uring_sqe_set_flags(last, flags);
	return run(1);
}

int main(void)
{
	char buf[16] = { 0 };
	int fd, slot, fds[2] = { -1, -1 }, p[2];
	__u64 tags[2] = { 1, 0 }; /* an empty slot takes no tag */
	enum { NMANY = 300 };
	int many[NMANY], i;
	struct io_uring_cqe *cqe;

	OK(-io_uring_queue_init(8, &ring, 0));
	work_enter("uring-fixed");
	OK(io_uring_register_files_sparse(&ring, 4));
	io_uring_prep_openat_direct(sqe(), AT_FDCWD, "fixed.txt", O_RDWR | O_CREAT | O_TRUNC, 0644,
				    2);
	EQ(run_one(0), 0);
	io_uring_prep_write(sqe(), 2, "direct\n", 7, 0);
	EQ(run_one(IOSQE_FIXED_FILE), 7);
	/* a slot the kernel chooses (liburing adds 1 to the index: before 2.4, not to this) */
	io_uring_prep_openat_direct(sqe(), AT_FDCWD, "fixed.txt", O_RDONLY, 0,
				    IORING_FILE_INDEX_ALLOC - 1);
	slot = OK(run_one(0));
	io_uring_prep_read(sqe(), slot, buf, sizeof(buf), 0);
	EQ(run_one(IOSQE_FIXED_FILE), 7);
	io_uring_prep_close_direct(sqe(), 2);
	EQ(run_one(0), 0);
	io_uring_prep_write(sqe(), 2, "gone\n", 5, 0);
	EQ(run_one(IOSQE_FIXED_FILE), -EBADF);
	OK(io_uring_unregister_files(&ring));
	/* registered by fd (IORING_REGISTER_FILES): the slot holds what the fd held */
	fd = OK(open("fixed.txt", O_RDONLY));
	OK(io_uring_register_files(&ring, &fd, 1));
	io_uring_prep_read(sqe(), 0, buf, 3, 0);
	EQ(run_one(IOSQE_FIXED_FILE), 3);
	OK(io_uring_unregister_files(&ring));
	/* with tags (IORING_REGISTER_FILES2), slot 1 empty, then filled (_FILES_UPDATE) */
	fds[0] = fd;
	OK(io_uring_register_files_tags(&ring, fds, tags, 2));
	EQ(io_uring_register_files_update(&ring, 1, &fd, 1), 1);
	io_uring_prep_read(sqe(), 1, buf, 4, 3);
	EQ(run_one(IOSQE_FIXED_FILE), 4);
	OK(io_uring_unregister_files(&ring));
	/* slot 0's tag, posted as a completion when its file left */
	OK(-io_uring_wait_cqe(&ring, &cqe));
	EQ(cqe->user_data, 1);
	io_uring_cqe_seen(&ring, cqe);
	/* more fds than one record of the tracepoint holds (64): the last slot's file */
	for (i = 0; i < NMANY; i++)
		many[i] = i == NMANY - 1 ? fd : -1;
	OK(io_uring_register_files(&ring, many, NMANY));
	io_uring_prep_read(sqe(), NMANY - 1, buf, 2, 1);
	EQ(run_one(IOSQE_FIXED_FILE), 2);
	/* slot 5 filled by a request (IORING_OP_FILES_UPDATE), then read through */
	io_uring_prep_files_update(sqe(), &fd, 1, 5);
	EQ(run_one(0), 1);
	io_uring_prep_read(sqe(), 5, buf, 3, 4);
	EQ(run_one(IOSQE_FIXED_FILE), 3);
	/* a splice from the last slot (SPLICE_F_FD_IN_FIXED) into a pipe's fd */
	OK(pipe(p));
	io_uring_prep_splice(sqe(), NMANY - 1, 2, p[1], -1, 3, SPLICE_F_FD_IN_FIXED);
	EQ(run_one(0), 3);
	OK(close(p[0]));
	OK(close(p[1]));
	OK(close(fd));
	OK(unlink("fixed.txt"));
	work_leave();
	io_uring_queue_exit(&ring);
	return 0;
}
