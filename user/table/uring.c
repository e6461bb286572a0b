// SPDX-License-Identifier: GPL-2.0
/*
 * io_uring opcodes and their syscall twins. The argument sources follow
 * each opcode's prep function in the kernel's io_uring/ (which sqe field
 * holds what); the offset of read, write, readv and writev is an extra
 * last argument. A pointer argument the request holds by value (splice's
 * offsets) takes its source with SR_SQE_BYVAL: printed as what the pointer
 * would point to (decode/uring.c).
 */
#include <stddef.h>
#include <string.h>
#include <linux/io_uring.h>

#include "table/syscalls.h"
#include "table/uring.h"

/* The UAPI struct and ours, field by field (sr_sqe names each union once). */
#define SQE_AT(ours, theirs)                                                                   \
	_Static_assert(offsetof(struct sr_sqe, ours) == offsetof(struct io_uring_sqe, theirs), \
		       "sr_sqe." #ours)
SQE_AT(fd, fd);
SQE_AT(off, off);
SQE_AT(addr, addr);
SQE_AT(len, len);
SQE_AT(op_flags, rw_flags);
SQE_AT(user_data, user_data);
SQE_AT(buf_index, buf_index);
SQE_AT(personality, personality);
SQE_AT(file_index, file_index);
SQE_AT(addr3, addr3);
_Static_assert(sizeof(struct sr_sqe) == sizeof(struct io_uring_sqe), "sr_sqe size");

static const char *const op_names[] = {
#define SR_URING_OP(x) [x] = #x,
#include "uring_ops.h"
#undef SR_URING_OP
};

const char *uring__op_name(unsigned int opcode)
{
	return opcode < sizeof(op_names) / sizeof(op_names[0]) ? op_names[opcode] : NULL;
}

struct twin {
	unsigned int opcode;
	const char *name;
	uint8_t nargs;
	uint8_t flags; /* SR_UOP_SLOT, SR_UOP_FIXED_IN */
	uint8_t src[SR_NARGS];
};

#define FD	 SR_SQE_FD
#define OFF	 SR_SQE_OFF
#define ADDR	 SR_SQE_ADDR
#define LEN	 SR_SQE_LEN
#define OPF	 SR_SQE_OPFLAGS
#define FIDX	 SR_SQE_FILE_INDEX
#define ADDR_LEN SR_SQE_ADDR_LEN
#define ADDR3	 SR_SQE_ADDR3
#define ZERO	 SR_SQE_ZERO
#define VAL(src) ((src) | SR_SQE_BYVAL)
#define T(op, sc, n, ...)           \
	{                           \
		op, #sc, n, 0,      \
		{                   \
			__VA_ARGS__ \
		}                   \
	}
/* a request that can put its new file in a fixed-file slot (or close one) */
#define SLOT(op, sc, n, ...)             \
	{                                \
		op, #sc, n, SR_UOP_SLOT, \
		{                        \
			__VA_ARGS__      \
		}                        \
	}

/* splice and tee: argument 0 may be a slot (SPLICE_F_FD_IN_FIXED) */
#define SPL(op, sc, n, ...)                  \
	{                                    \
		op, #sc, n, SR_UOP_FIXED_IN, \
		{                            \
			__VA_ARGS__          \
		}                            \
	}

static const struct twin twins[] = {
	T(IORING_OP_READV, readv, 4, FD, ADDR, LEN, OFF),
	T(IORING_OP_WRITEV, writev, 4, FD, ADDR, LEN, OFF),
	T(IORING_OP_FSYNC, fsync, 1, FD),
	T(IORING_OP_READ_FIXED, read, 4, FD, ADDR, LEN, OFF),
	T(IORING_OP_WRITE_FIXED, write, 4, FD, ADDR, LEN, OFF),
	T(IORING_OP_SYNC_FILE_RANGE, sync_file_range, 4, FD, OFF, LEN, OPF),
	T(IORING_OP_SENDMSG, sendmsg, 3, FD, ADDR, OPF),
	T(IORING_OP_RECVMSG, recvmsg, 3, FD, ADDR, OPF),
	SLOT(IORING_OP_ACCEPT, accept4, 4, FD, ADDR, OFF, OPF),
	T(IORING_OP_CONNECT, connect, 3, FD, ADDR, OFF),
	T(IORING_OP_FALLOCATE, fallocate, 4, FD, LEN, OFF, ADDR),
	SLOT(IORING_OP_OPENAT, openat, 4, FD, ADDR, OPF, LEN),
	SLOT(IORING_OP_CLOSE, close, 1, FD),
	T(IORING_OP_STATX, statx, 5, FD, ADDR, OPF, LEN, OFF),
	T(IORING_OP_READ, read, 4, FD, ADDR, LEN, OFF),
	T(IORING_OP_WRITE, write, 4, FD, ADDR, LEN, OFF),
	T(IORING_OP_FADVISE, fadvise64, 4, FD, OFF, LEN, OPF),
	T(IORING_OP_MADVISE, madvise, 3, ADDR, LEN, OPF),
	T(IORING_OP_SEND, sendto, 6, FD, ADDR, LEN, OPF, OFF, ADDR_LEN),
	T(IORING_OP_RECV, recvfrom, 6, FD, ADDR, LEN, OPF, ZERO, ZERO),
	SLOT(IORING_OP_OPENAT2, openat2, 4, FD, ADDR, OFF, LEN),
	T(IORING_OP_EPOLL_CTL, epoll_ctl, 4, FD, LEN, OFF, ADDR),
	/* splice_fd_in is in file_index, splice_off_in in addr; -1: no offset */
	SPL(IORING_OP_SPLICE, splice, 6, FIDX, VAL(ADDR), FD, VAL(OFF), LEN, OPF),
	SPL(IORING_OP_TEE, tee, 4, FIDX, FD, LEN, OPF),
	T(IORING_OP_SHUTDOWN, shutdown, 2, FD, LEN),
	T(IORING_OP_RENAMEAT, renameat2, 5, FD, ADDR, LEN, OFF, OPF),
	T(IORING_OP_UNLINKAT, unlinkat, 3, FD, ADDR, OPF),
	T(IORING_OP_MKDIRAT, mkdirat, 3, FD, ADDR, LEN),
	T(IORING_OP_SYMLINKAT, symlinkat, 3, ADDR, FD, OFF),
	T(IORING_OP_LINKAT, linkat, 5, FD, ADDR, LEN, OFF, OPF),
	T(IORING_OP_FSETXATTR, fsetxattr, 5, FD, ADDR, OFF, LEN, OPF),
	T(IORING_OP_SETXATTR, setxattr, 5, ADDR3, ADDR, OFF, LEN, OPF),
	T(IORING_OP_FGETXATTR, fgetxattr, 4, FD, ADDR, OFF, LEN),
	T(IORING_OP_GETXATTR, getxattr, 4, ADDR3, ADDR, OFF, LEN),
	SLOT(IORING_OP_SOCKET, socket, 3, FD, OFF, LEN),
	T(IORING_OP_SEND_ZC, sendto, 6, FD, ADDR, LEN, OPF, OFF, ADDR_LEN),
	T(IORING_OP_SENDMSG_ZC, sendmsg, 3, FD, ADDR, OPF),
};

/*
 * Requests whose flags make them another syscall: IORING_OP_FSYNC with
 * IORING_FSYNC_DATASYNC is fdatasync(fd). The variant takes the twin's
 * argument sources and the BPF side captures by the twin's plan: the two
 * syscalls take the same arguments (tests/unit/test_uring.c checks).
 */
struct variant {
	unsigned int opcode;
	uint32_t op_flags; /* any of these bits in the entry's op_flags */
	const char *name;
};

static const struct variant variants[] = {
	{ IORING_OP_FSYNC, IORING_FSYNC_DATASYNC, "fdatasync" },
};

static int nr_of(const char *name)
{
	const struct sr_sysent *e = syscalls__by_name(name);

	return e && e->nr >= 0 && e->nr < SR_NR_MAX ? e->nr : -1;
}

size_t uring__variants(unsigned int opcode, int *nrs, size_t max)
{
	size_t i, n = 0;
	int nr;

	for (i = 0; i < sizeof(variants) / sizeof(variants[0]); i++) {
		nr = variants[i].opcode == opcode ? nr_of(variants[i].name) : -1;
		if (nr >= 0 && n < max)
			nrs[n++] = nr;
	}
	return n;
}

int uring__twin_nr(const struct sr_sqe *q, const struct sr_uring_op *op)
{
	size_t i;
	int nr;

	if (!(op->flags & SR_UOP_TWIN))
		return -1;
	for (i = 0; i < sizeof(variants) / sizeof(variants[0]); i++) {
		if (variants[i].opcode != q->opcode || !(q->op_flags & variants[i].op_flags))
			continue;
		nr = nr_of(variants[i].name);
		if (nr >= 0)
			return nr;
	}
	return op->nr;
}

void uring__twin(unsigned int opcode, struct sr_uring_op *op)
{
	size_t i;
	int nr;

	memset(op, 0, sizeof(*op));
	op->nr = -1;
	for (i = 0; i < sizeof(twins) / sizeof(twins[0]); i++) {
		if (twins[i].opcode != opcode)
			continue;
		nr = nr_of(twins[i].name);
		if (nr < 0)
			return;
		op->nr = nr;
		op->flags = SR_UOP_TWIN | twins[i].flags;
		op->nargs = twins[i].nargs;
		memcpy(op->src, twins[i].src, sizeof(op->src));
		return;
	}
}
