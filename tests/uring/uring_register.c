// SPDX-License-Identifier: GPL-2.0
/*
 * io_uring_setup, io_uring_enter and io_uring_register calls for
 * tests/integration (io_uring_syscalls_like_strace), whose lines strace 6.1
 * decodes: the opcodes with their arguments (a probe, buffers by array and
 * by struct with tags, an eventfd,
 * the ring's own fd registered, io-wq's worker limits and CPUs,
 * restrictions on a ring created disabled, then enabled), each once, in a
 * fixed order.
 */
#include "uring.h"

#include <sched.h>
#include <sys/eventfd.h>
#include <sys/syscall.h>
#include <sys/uio.h>

/* Debian 12's liburing lacks the restriction calls: the syscall itself. */
static long reg(struct io_uring *r, unsigned int op, const void *arg, unsigned int n)
{
	return syscall(__NR_io_uring_register, r->ring_fd, op, arg, n);
}

int main(void)
{
	struct io_uring_restriction res[2] = { 0 };
	struct io_uring_params p = { .flags = IORING_SETUP_R_DISABLED };
	struct io_uring_probe *probe;
	struct io_uring limited;
	char a[8], b[16];
	struct iovec iov[2] = { { a, sizeof(a) }, { b, sizeof(b) } };
	unsigned int workers[3] = { 4, 0, 7 };
	__u64 tags[2] = { 0, 0x1234 };
	cpu_set_t cpus;
	int efd;

	OK(-io_uring_queue_init(4, &ring, 0));
	work_enter("uring-register");
	probe = io_uring_get_probe_ring(&ring);
	if (!probe)
		die_at(__LINE__, "io_uring_get_probe_ring", 0, 0);
	io_uring_free_probe(probe);
	OK(io_uring_register_buffers(&ring, iov, 2));
	OK(io_uring_unregister_buffers(&ring));
	/* by struct (IORING_REGISTER_BUFFERS2, _BUFFERS_UPDATE): iovecs and tags */
	OK(io_uring_register_buffers_tags(&ring, iov, tags, 2));
	OK(io_uring_register_buffers_update_tag(&ring, 1, iov, tags + 1, 1));
	OK(io_uring_unregister_buffers(&ring));
	efd = OK(eventfd(0, 0));
	OK(io_uring_register_eventfd(&ring, efd));
	OK(io_uring_unregister_eventfd(&ring));
	OK(close(efd));
	EQ(io_uring_register_ring_fd(&ring), 1);
	OK(io_uring_unregister_ring_fd(&ring));
	/* io-wq's limits (the kernel's before, after " => "), a bad count, its CPUs */
	OK(reg(&ring, IORING_REGISTER_IOWQ_MAX_WORKERS, workers, 2));
	EQ(reg(&ring, IORING_REGISTER_IOWQ_MAX_WORKERS, workers, 3), -1);
	CPU_ZERO(&cpus);
	CPU_SET(0, &cpus);
	OK(reg(&ring, IORING_REGISTER_IOWQ_AFF, &cpus, sizeof(cpus)));
	OK(reg(&ring, IORING_UNREGISTER_IOWQ_AFF, NULL, 0));
	/* a ring started disabled takes restrictions, then runs */
	OK(-io_uring_queue_init_params(4, &limited, &p));
	res[0].opcode = IORING_RESTRICTION_SQE_OP;
	res[0].sqe_op = IORING_OP_NOP;
	res[1].opcode = IORING_RESTRICTION_REGISTER_OP;
	res[1].register_op = IORING_REGISTER_PROBE;
	OK(reg(&limited, IORING_REGISTER_RESTRICTIONS, res, 2));
	OK(reg(&limited, IORING_REGISTER_ENABLE_RINGS, NULL, 0));
	io_uring_prep_nop(io_uring_get_sqe(&limited));
	EQ(io_uring_submit_and_wait(&limited, 1), 1);
	io_uring_queue_exit(&limited);
	work_leave();
	io_uring_queue_exit(&ring);
	return 0;
}
