/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * The records and tables of io_uring requests shared by the BPF programs and
 * user space: part of abi.h (which includes it where its types are known),
 * kept apart so that each file holds one subject.
 */
#ifndef SYSRAY_ABI_URING_H
#define SYSRAY_ABI_URING_H
#ifndef SYSRAY_ABI_H
#error "include <sysray/abi.h>, not abi_uring.h"
#endif

/*
 * io_uring requests. A submission queue entry as the UAPI lays it out
 * (struct io_uring_sqe, <linux/io_uring.h>; user space asserts the offsets),
 * with each union by one name.
 */
struct sr_sqe {
	__u8 opcode;
	__u8 flags; /* IOSQE_* */
	__u16 ioprio;
	__s32 fd;
	__u64 off; /* also addr2 */
	__u64 addr; /* also splice_off_in */
	__u32 len;
	__u32 op_flags; /* rw_flags, open_flags, msg_flags, statx_flags... */
	__u64 user_data;
	__u16 buf_index;
	__u16 personality;
	__u32 file_index; /* also splice_fd_in; low 16 bits: addr_len */
	__u64 addr3;
	__u64 pad;
};

/* Where an argument of an io_uring request's syscall twin comes from. */
enum sr_sqe_src {
	SR_SQE_ZERO = 0,
	SR_SQE_FD,
	SR_SQE_OFF,
	SR_SQE_ADDR,
	SR_SQE_LEN,
	SR_SQE_OPFLAGS,
	SR_SQE_FILE_INDEX,
	SR_SQE_ADDR_LEN,
	SR_SQE_ADDR3,
};

/*
 * ORed into a source: the twin takes a pointer to what the field holds by
 * value (splice's loff_t *off_in and *off_out are the entry's splice_off_in
 * and off, -1 for none). No pointer for the BPF side to follow: the
 * argument is 0 there (its plan reads nothing); user space takes the value
 * from the entry the record carries.
 */
#define SR_SQE_BYVAL 0x80

/*
 * The field of @q that source @src names, as a syscall argument (the fd
 * sign-extended); 0 for SR_SQE_ZERO and for a source with SR_SQE_BYVAL
 * (the BPF side's twin has no pointer to follow; user space masks the bit
 * off to take the value). Both sides read a request's arguments with it.
 */
static inline __attribute__((always_inline)) __u64 sr_sqe_field(const struct sr_sqe *q, __u8 src)
{
	switch (src) {
	case SR_SQE_FD:
		return (__u64)(__s64)q->fd;
	case SR_SQE_OFF:
		return q->off;
	case SR_SQE_ADDR:
		return q->addr;
	case SR_SQE_LEN:
		return q->len;
	case SR_SQE_OPFLAGS:
		return q->op_flags;
	case SR_SQE_FILE_INDEX:
		return q->file_index;
	case SR_SQE_ADDR_LEN:
		return q->file_index & 0xffff;
	case SR_SQE_ADDR3:
		return q->addr3;
	}
	return 0;
}

/* Opcodes the kernel may know; larger ones are sent raw, with no twin. */
#define SR_URING_OPS 128

/*
 * The io_uring programs' knob (targ_uring): which io_uring_complete the
 * kernel has, told by how many arguments it takes (capture/uring.c).
 */
enum sr_uring_tp {
	SR_URING_OFF = 0, /* none: the programs return at once and are not attached */
	SR_URING_CQE = 1, /* 6.4 and later: (ctx, req, cqe) */
	/*
	 * 5.18 to 6.3, and the stable 5.10/5.15 that took 5.15's io_uring back:
	 * (ctx, req, user_data, res, cflags[, extra1, extra2])
	 */
	SR_URING_V60 = 2,
	/* no request: requests are paired by ring and user_data, in order */
	SR_URING_V515 = 3, /* (ctx, user_data, res, cflags) */
	SR_URING_V510 = 4, /* (ctx, user_data, res), before 6.0 */
};

/* targ_uring_sub: which submission tracepoint, by its arguments. */
enum sr_uring_sub_tp {
	/* io_uring_submit_req (6.3) or io_uring_submit_sqe (6.0 to 6.2): (req, ...) */
	SR_USUBTP_REQ = 0,
	/* io_uring_submit_sqe (ctx, req, opcode, user_data, flags, force_nonblock, sq_thread) */
	SR_USUBTP_CTX_REQ = 1,
	/* io_uring_submit_sqe (ctx, opcode, user_data, force_nonblock, sq_thread): no request */
	SR_USUBTP_CTX = 2,
};

/* sr_uring_op.flags */
#define SR_UOP_TRACED 0x1 /* -e trace= selects the request */
#define SR_UOP_TWIN   0x2 /* nr and src[] describe a syscall twin */
#define SR_UOP_SLOT   0x4 /* a non-zero file_index names a fixed-file slot, not an fd */
#define SR_UOP_TRACK  0x8 /* the fd tables need it (-y): sent, not printed unless traced */
/* argument 0 is a fixed-file index when op_flags has SPLICE_F_FD_IN_FIXED (user space) */
#define SR_UOP_FIXED_IN 0x10

/* Per opcode, filled by the loader: the syscall it prints as, and its arguments. */
struct sr_uring_op {
	__s16 nr; /* the twin's syscall number */
	__u8 flags; /* SR_UOP_* */
	__u8 nargs; /* arguments printed, the twin's and the request's extras (offset) */
	__u8 src[SR_NARGS]; /* enum sr_sqe_src, per argument */
	__u8 pad[2];
};

/* sr_uring_sub.flags */
#define SR_USUB_SQE	 0x1 /* sqe was read from the ring and matches the request */
#define SR_USUB_SQTHREAD 0x2 /* submitted by a kernel thread (SQPOLL): tid is the tgid */

/*
 * An io_uring request at submission, attributed to the task that submitted
 * it; h.nr is the twin's syscall number or -1. The entry captures of the
 * twin's plan follow, read from @args.
 */
struct sr_uring_sub {
	struct sr_hdr h;
	__u64 req; /* the kernel's request: pairs the completion */
	__u64 ctx; /* the ring */
	__u64 args[SR_NARGS];
	struct sr_sqe sqe;
	char comm[SR_COMM_LEN]; /* the submitter's; for SR_USUB_SQTHREAD its process leader's */
	__u32 flags; /* SR_USUB_* */
	__u16 opcode; /* the request's opcode (the kernel's, even without the sqe) */
	/*
	 * SR_USUB_SQE from the ring: its place there (the ring's head counter
	 * as it took the entry, low 16 bits), for requests linked to the one
	 * before them (IOSQE_IO_LINK)
	 */
	__u16 sq_pos;
	__u64 cgid; /* the submitter's cgroup v2 id, when asked for (or -c by cgroup); else 0 */
};

/* sr_uring_cqe.flags */
#define SR_UCQE_FOREIGN 0x1 /* completed outside the submitter's process: nothing read */

/*
 * An io_uring request completed; h.tgid and h.tid are the submitter's.
 * The exit captures of the twin's plan follow (and entry reads retried).
 */
struct sr_uring_cqe {
	struct sr_hdr h;
	__u64 req;
	__s64 res;
	__u32 cflags; /* IORING_CQE_F_* */
	__u32 flags; /* SR_UCQE_* */
};

/* Fds of a registration that struct sr_uring_reg carries, and records of one registration. */
#define SR_UREG_FDS    64
#define SR_UREG_CHUNKS 64
/* sr_uring_reg.flags */
#define SR_UREG_READ  0x1 /* fds[] holds the registration's first nr fds (at most SR_UREG_FDS) */
#define SR_UREG_EMPTY 0x2 /* a registration without data (sparse): nr empty slots */
#define SR_UREG_TAGS  0x4 /* tags[] holds the first nr tags (_FILES2, _FILES_UPDATE2, buffers) */
/* a registration's next SR_UREG_FDS fds: offset and nr are this record's (slots, fds left) */
#define SR_UREG_CONT 0x8
/* an IORING_OP_FILES_UPDATE request's (req), sent at its submission, not a syscall's */
#define SR_UREG_REQ 0x10
/*
 * The ring and opcode alone (no bpf_task_pt_regs() to read the syscall's
 * arguments with): the fds are the ones the syscall's entry captured.
 */
#define SR_UREG_ARGS 0x20

/*
 * io_uring_register(), from inside the syscall (the io_uring_register
 * tracepoint): the ring it named by fd, as the kernel's address that
 * requests carry, and for the file registrations the fds read from the
 * caller's memory (for an update, from slot @offset on). Paired with the
 * syscall's exit by thread, which says whether the kernel took them.
 */
struct sr_uring_reg {
	struct sr_hdr h;
	__u64 ctx;
	__u32 opcode; /* IORING_REGISTER_*, without IORING_REGISTER_USE_REGISTERED_RING */
	__u32 flags; /* SR_UREG_* */
	__u32 offset; /* the first slot updated (FILES_UPDATE, FILES_UPDATE2) */
	__u32 nr; /* fds in the registration */
	__u32 pad;
	__u64 req; /* SR_UREG_REQ: the request, as its submission's record names it */
	__s32 fds[SR_UREG_FDS];
	__u64 tags[SR_UREG_FDS];
};

#endif /* SYSRAY_ABI_URING_H */
