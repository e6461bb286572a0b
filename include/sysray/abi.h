/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Records and plans shared by the BPF programs and the loader.
 *
 * This header includes nothing: the BPF side gets __u64 and friends from
 * vmlinux.h, user space from <linux/types.h>. Every layout here is part of
 * the kernel/user contract, so sizes are pinned with _Static_assert below.
 */
#ifndef SYSRAY_ABI_H
#define SYSRAY_ABI_H

#define SR_NARGS    6
#define SR_COMM_LEN 16
/* Plans cover syscall numbers [0, SR_NR_MAX); larger numbers are not traced. */
#define SR_NR_MAX 512
/* Largest record, header included; the per-CPU scratch holds one. */
#define SR_REC_MAX 16384
/* Largest single blob payload (PATH_MAX). */
#define SR_BLOB_MAX 4096
/*
 * Per-CPU scratch: a record plus room the verifier needs past its end. It is
 * the largest per-CPU value the kernel allows, so that a size masked with
 * SR_SCRATCH_SIZE - 1 is provably inside it.
 */
#define SR_SCRATCH_SIZE 32768
/* Tgids excluded from whole-host tracing through .rodata (self, terminal). */
#define SR_MAX_EXCL 8
/* Processes followed at once in launch and attach mode, at most (the traced map's keys). */
#define SR_TRACED_MAX 65536
/* Strings captured per argv-like array (execve); the rest is counted. */
#define SR_STRV_MAX 128
/* Pointers examined when counting an argv-like array. */
#define SR_STRV_COUNT_MAX 256

enum sr_rec_type {
	SR_REC_ENTER = 1, /* struct sr_enter */
	SR_REC_EXIT = 2, /* struct sr_exit */
	SR_REC_FORK = 3, /* struct sr_fork: a traced task created a task */
	SR_REC_EXEC = 4, /* struct sr_exec: a traced task ran execve */
	SR_REC_PEXIT = 5, /* struct sr_pexit: a traced task exited */
	SR_REC_SIGNAL = 6, /* struct sr_signal: a signal was delivered */
	SR_REC_CALL = 7, /* struct sr_callrec: a whole syscall, sent at exit */
	SR_REC_STACK = 8, /* struct sr_stack: the user stack at a syscall's entry (-k) */
	SR_REC_URING_SUB = 9, /* struct sr_uring_sub: an io_uring request was submitted */
	SR_REC_URING_CQE = 10, /* struct sr_uring_cqe: ... and completed */
	SR_REC_URING_REG = 11, /* struct sr_uring_reg: io_uring_register() named its ring */
	SR_REC_MORE = 12, /* struct sr_more: more bytes of a blob of the record that follows */
};

/* sr_hdr.flags */
#define SR_HF_COMPAT 0x1 /* ia32 task: nr is an i386 syscall number */
/*
 * Exit of a call that failed with SIGKILL pending: the task dies before it
 * returns to user space, and strace shows the call as never returning.
 */
#define SR_HF_DYING 0x2
/*
 * A whole call (struct sr_callrec) whose entry time is known (-t, -r, -T):
 * h.ts_ns is when it began, so that the merge places its line there.
 */
#define SR_HF_ENTRY_TS 0x4

struct sr_hdr {
	__u64 ts_ns; /* bpf_ktime_get_ns(), CLOCK_MONOTONIC */
	__u32 tgid;
	__u32 tid;
	__u32 size; /* whole record, header included */
	__u16 type; /* enum sr_rec_type */
	__u16 flags; /* SR_HF_* */
	__u32 lost; /* records this CPU dropped just before this one */
	/*
	 * syscall number; in exit, signal and exec records the one the task
	 * was in (-1: none, or unknown), for -n; -1 in the other records
	 */
	__s32 nr;
};

/* A syscall entry: raw arguments, then the blobs its plan captures at entry. */
struct sr_enter {
	struct sr_hdr h;
	__u64 args[SR_NARGS];
	char comm[SR_COMM_LEN];
	__u64 cgid; /* cgroup v2 id, when asked for (targ_cgroup_ids); else 0 */
	__u64 ip; /* the user instruction pointer after the syscall instruction (-i) */
};

/*
 * A whole syscall in one record, sent at exit: calls that never block, and
 * when only calls with a given outcome are wanted (-z, -Z) any call, nothing
 * being sent for the others. Entry captures, read at exit, carry
 * SR_BF_ENTRY; the exit captures follow. e.h.ts_ns is the exit's time, or
 * with SR_HF_ENTRY_TS the entry's.
 */
struct sr_callrec {
	struct sr_enter e;
	__s64 ret;
	__u64 ts_exit; /* bpf_ktime_get_ns() at exit */
};

/* A syscall exit: return value, then the blobs its plan captures at exit. */
struct sr_exit {
	struct sr_hdr h;
	__s64 ret;
};

/* sr_blob.flags */
#define SR_BF_FAULT 0x1 /* reading user memory failed; aux holds -errno */
#define SR_BF_TRUNC 0x2 /* the source was longer than the capture cap */
#define SR_BF_RETRY 0x4 /* read at exit because the read at entry failed */
#define SR_BF_NULL  0x8 /* the pointer was NULL, nothing read */
#define SR_BF_ENTRY 0x10 /* in a struct sr_callrec: an entry capture */
#define SR_BF_FLAT  0x20 /* argv as the new image holds it: NUL-separated strings */
#define SR_BF_COUNT 0x40 /* SR_HOW_DIRENTS: aux is the number of entries */
/*
 * The copy faulted and was made again up to the next page boundary
 * (SR_CAP_PART): the bytes after @len are unreadable. A string of argv that
 * cannot be read: @len is 8, the pointer.
 */
#define SR_BF_PART 0x80

/*
 * Captured user memory for one argument. @len payload bytes follow the
 * blob header, padded to 8 bytes. @arg's low 3 bits are the argument index;
 * the upper 5 bits number the parts of a multi-part capture (argv strings,
 * iovec buffers). @aux is -errno for a failed read, or a count (the number of
 * argv entries, the full length of a truncated buffer).
 */
struct sr_blob {
	__u16 len;
	__u8 arg;
	__u8 flags;
	__s32 aux;
};

/*
 * A buffer longer than one blob (a plan's cap past SR_BLOB_MAX + 1: -s
 * 4096 and more, -v's arrays, -e read=/write='s dumps): its first
 * SR_BLOB_MAX bytes are the blob, the rest up to the cap (SR_MORE_MAX for
 * SR_CAP_WHOLE) come in SR_REC_MORE records sent just before the call's own
 * record, from the same CPU, with its ts_ns and tid. Each ends at a multiple
 * of SR_MORE_STEP of the buffer, as strace's dumps fetch it; the first one
 * that cannot be read ends the buffer (SR_BF_FAULT). User space splices
 * them into the blob at @at; the blob's SR_BF_TRUNC says only that the
 * source was longer than its first SR_BLOB_MAX bytes.
 */
#define SR_MORE_STEP  65536
#define SR_MORE_SMALL 4096 /* the smaller record, for a continuation that fits */
#define SR_MORE_MAX   (2U << 20)
#define SR_CAP_WHOLE  0xffff /* sr_plan_arg.cap: the whole buffer, up to SR_MORE_MAX */

struct sr_more {
	struct sr_hdr h; /* ts_ns, tid and nr of the record whose blob it continues */
	__u32 at; /* the blob's offset in that record */
	__u32 off; /* where the @len bytes that follow go in the blob's data */
	__u32 len;
	__s32 err; /* with SR_BF_FAULT: -errno, and the buffer ends at @off */
	__u8 flags; /* SR_BF_FAULT */
	__u8 pad[7];
};

#define SR_BLOB_ARG(b)	((b)->arg & 7)
#define SR_BLOB_PART(b) ((b)->arg >> 3)
#define SR_ALIGN8(x)	(((x) + 7) & ~7u)

/*
 * -k: the task's user registers at a syscall's entry and the top @len bytes
 * of its user stack (from the stack pointer up), sent just before the
 * entry record. regs[] are in DWARF register order: on x86_64 rax, rdx,
 * rcx, rbx, rsi, rdi, rbp, rsp, r8-r15, then rip; on arm64 x0-x30, sp, pc.
 */
#define SR_STACK_NREGS 33
struct sr_stack {
	struct sr_hdr h;
	__u64 regs[SR_STACK_NREGS];
	__u64 sp; /* the address of the first stack byte */
	__u32 len; /* stack bytes that follow */
	__u32 pad;
};
/* Stack bytes a record may hold; the knob is at most this. */
#define SR_STACK_BYTES_MAX 16000

struct sr_fork {
	struct sr_hdr h; /* the parent task */
	__u32 child_tgid;
	__u32 child_tid;
	__u32 flags; /* SR_FORK_* */
	__u32 pad;
	char comm[SR_COMM_LEN];
};

/* sr_fork.flags */
#define SR_FORK_FILES 0x1 /* the child shares the parent's fd table (CLONE_FILES) */

/* Followed by a blob (arg 0) with the file name execve was given. */
struct sr_exec {
	struct sr_hdr h; /* tid is the task's pid after exec */
	__u32 old_tid; /* differs from h.tid when a non-leader thread ran execve */
	__u32 pad;
	char comm[SR_COMM_LEN];
};

struct sr_pexit {
	struct sr_hdr h;
	__s32 exit_code; /* task->exit_code: status as wait(2) encodes it */
	__u8 group_dead; /* last thread of the thread group */
	__u8 superseded; /* a leader killed by another thread's execve */
	__u8 io_worker; /* an io-wq or SQPOLL thread: the kernel's, sent only as the group's end */
	__u8 pad;
	char comm[SR_COMM_LEN];
};

#define SR_SIGINFO_SIZE 128

/* sr_signal.flags */
#define SR_SIG_IGNORED 0x4 /* generated and discarded: the default action is to ignore it */
#define SR_SIG_FATAL   0x8 /* generated; its default action kills the process at once */
#define SR_SIG_SELF    0x10 /* generated by the receiving task itself (kill, tgkill, abort) */

struct sr_signal {
	struct sr_hdr h; /* the receiving task */
	__s32 sig;
	__u32 flags; /* SR_SIG_* */
	__u64 handler; /* the handler about to run: 0 SIG_DFL, 1 SIG_IGN, or an address */
	__u8 siginfo[SR_SIGINFO_SIZE]; /* struct siginfo as the kernel holds it */
};

/*
 * Plans: what the BPF programs capture for each syscall. User space fills
 * the plans map from the syscall table before attaching; an entry without
 * SR_PLAN_TRACED is not traced at all.
 */

/* sr_plan_arg.when */
#define SR_CAP_ENTER  0x1 /* copy at sys_enter */
#define SR_CAP_EXIT   0x2 /* copy at sys_exit */
#define SR_CAP_ANYRET 0x4 /* at exit, copy even when the syscall failed */
#define SR_CAP_RETRY  0x8 /* at exit, copy again if the entry copy faulted */
/*
 * SR_HOW_BUF: when the copy faults, keep the bytes before the next page
 * (the blob cut, SR_BF_TRUNC): a struct of a user-given size whose tail,
 * past what the decoder knows, may lie on an unmapped page (openat2's
 * open_how, clone3's clone_args), as ioctl arguments are copied.
 */
#define SR_CAP_PAGE_CUT 0x10
/* a buffer of a call on a netlink socket (argument 0): SR_BLOB_MAX bytes, not cap */
#define SR_CAP_NETLINK 0x20
/*
 * SR_HOW_BUF: a copy that faults is made again with the bytes before the
 * next page boundary, marked SR_BF_PART (an array or a value that ends a
 * mapping: strace prints what it could read).
 */
#define SR_CAP_PART 0x40
/* The length argument (len_arg) is a 32-bit int: its register's low half. */
#define SR_CAP_LEN32 0x80

/* sr_plan_arg.how */
enum sr_cap_how {
	SR_HOW_NONE = 0,
	SR_HOW_BUF, /* bytes: length from len_src times elem, up to cap */
	SR_HOW_STR, /* NUL-terminated string, up to cap bytes */
	/*
	 * NULL-terminated array of strings (argv): pointers of elem bytes,
	 * 4 for an ia32 task's array, else 8 (elem 0 too)
	 */
	SR_HOW_STRV,
	SR_HOW_STRV_COUNT, /* NULL-terminated array of strings, only counted */
	/*
	 * struct iovec[len] (elem 16), or an ia32 task's struct compat_iovec
	 * (elem 8: two u32), then each buffer; total up to cap
	 */
	SR_HOW_IOV,
	/* struct user_msghdr, name, iovec[] and buffers, control (sr_plan.msg_ctrl_cap) */
	SR_HOW_MSGHDR,
	SR_HOW_SPREL, /* cap bytes at the user stack pointer + elem (sigreturn) */
	/*
	 * { u64 ptr; u64 len } at args[len_arg] + elem (part 0), then min(len, cap) at
	 * ptr (part 1); the blobs carry this argument's index. With len_src
	 * SR_LEN_FPROG, a struct sock_fprog instead: its len instructions.
	 */
	SR_HOW_INDIRECT,
	SR_HOW_DIRENTS, /* as SR_HOW_BUF, with the entry count of all ret bytes in aux */
	SR_HOW_MMSG, /* struct mmsghdr[ret] (at most 8): each as SR_HOW_MSGHDR's blobs */
	SR_HOW_SOCK, /* args[i] is an fd: what socket it is, a struct sr_sockid */
	/*
	 * Pointer fields of the struct at args[len_arg]: len_src of them (at
	 * most SR_FIELDS_MAX, u64 each, one after the other from byte elem):
	 * their values (part 0), then up to cap bytes at each (parts 1 to
	 * len_src; a copy that faults is cut at the page end, SR_BF_PART), as
	 * strace reads the arrays io_uring_register()'s structs point to. The
	 * blobs carry this argument's index.
	 */
	SR_HOW_FIELDS,
	/*
	 * A pointer field of a struct the call reads: the u64 at args[len_arg] +
	 * elem, then cap bytes it points to, cut at a page end (SR_BF_PART)
	 * (clone3's set_tid, keyctl's KDF parameters' strings)
	 */
	SR_HOW_DEREF,
};

#define SR_FIELDS_MAX 3

/* sr_plan_arg.len_src */
enum sr_len_src {
	SR_LEN_FIXED = 0, /* elem bytes */
	SR_LEN_ARG, /* args[len_arg] elements of elem bytes */
	SR_LEN_RET, /* ret elements of elem bytes (exit only) */
	SR_LEN_PTR32, /* a u32 read from user memory at args[len_arg] */
	SR_LEN_MIN_ARG_RET, /* min(args[len_arg], ret) elements */
	/*
	 * ioctl: the size its request args[len_arg] encodes (_IOC_SIZE), at
	 * least elem bytes (the old terminal requests encode none; a header may
	 * have data after it).
	 * A copy that faults is made again with the bytes before the next page
	 * boundary (a short struct at the end of a mapping), marked SR_BF_TRUNC.
	 */
	SR_LEN_IOC,
	/*
	 * SR_HOW_INDIRECT: the pair at args[len_arg] is a struct sock_fprog
	 * (a classic BPF program: u16 len, then the filter pointer), part 1
	 * its len struct sock_filter, up to cap bytes, read up to an
	 * unmapped page (SR_BF_PART).
	 */
	SR_LEN_FPROG,
};

/*
 * SR_HOW_SOCK's blob: the socket an fd argument names when the call
 * begins, as the netlink decoders need it (family 0: not a socket).
 */
struct sr_sockid {
	__u16 family; /* AF_* */
	__u16 protocol; /* sk_protocol: NETLINK_ROUTE... for AF_NETLINK */
	__u32 pad;
};

struct sr_plan_arg {
	__u8 when; /* SR_CAP_* */
	__u8 how; /* enum sr_cap_how */
	__u8 len_src; /* enum sr_len_src */
	__u8 len_arg; /* argument index for SR_LEN_ARG, SR_LEN_PTR32 */
	__u16 elem; /* element size in bytes */
	/*
	 * most bytes copied; past SR_BLOB_MAX + 1 (up to 0xfffe, or
	 * SR_CAP_WHOLE), a buffer goes on in SR_REC_MORE records
	 */
	__u16 cap;
};

/* sr_plan.flags */
#define SR_PLAN_TRACED	  0x1 /* selected: emit enter and exit records */
#define SR_PLAN_EXEC	  0x2 /* execve/execveat: ends the "armed" state */
#define SR_PLAN_HAS_ENTER 0x4 /* some argument is captured at entry */
#define SR_PLAN_HAS_EXIT  0x8 /* some argument is captured at exit */
#define SR_PLAN_FDI_RET	  0x10 /* -y: at exit, describe the fd returned */
#define SR_PLAN_FDI_ARG0  0x20 /* -yy: at exit, describe the fd in argument 0 */
#define SR_PLAN_FDI_PAIR  0x40 /* -y: at exit, describe the two fds at args[fdi_arg] */
#define SR_PLAN_AT_EXIT	  0x80 /* a call that never blocks: one whole record at exit */
#define SR_PLAN_FORK	  0x100 /* clone, fork...: the child's return (0) is not sent */
/*
 * The fd tables need it (-y): sent whatever its outcome, and when it is not
 * SR_PLAN_TRACED (excluded by -e trace=), as one record at exit, not printed.
 */
#define SR_PLAN_TRACK 0x200
/*
 * An ia32 task's call with this number is worth looking at: its own plan,
 * at SR_PLAN_KEY32(nr), says whether it is traced and what it captures.
 */
#define SR_PLAN_COMPAT 0x400
/*
 * The call's arguments depend on a command in argument sel_arg (keyctl's):
 * for a command v (the register's low 32 bits) below sel_n, the plan at key
 * sel_base + v says what to capture instead of this one (its a[]), made
 * from that command's row (include/sysray/commands.def); other values keep
 * this plan. Its flags are the call's: SR_PLAN_HAS_ENTER and _HAS_EXIT when
 * any command's plan has them.
 */
#define SR_PLAN_SELECT 0x800
/* The plan reads user or kernel memory: its records are built in the scratch. */
#define SR_PLAN_MEMORY                                                               \
	(SR_PLAN_HAS_ENTER | SR_PLAN_HAS_EXIT | SR_PLAN_FDI_RET | SR_PLAN_FDI_ARG0 | \
	 SR_PLAN_FDI_PAIR)

/*
 * Does sys_exit send the call whole, as one SR_REC_CALL record, and
 * sys_enter nothing? @kstatus is the kernel's -z/-Z filter (SR_STATUS_*).
 * Calls that never block (SR_PLAN_AT_EXIT), whose entry there is no point
 * in showing early; with -z/-Z, calls that read nothing at entry; and calls
 * only the fd tables want (SR_PLAN_TRACK without SR_PLAN_TRACED). A printed
 * call that reads its inputs at entry keeps its entry record: by exit the
 * kernel may have overwritten them (select's fd sets, recvfrom's address
 * length), and execve's are gone.
 */
static inline __attribute__((always_inline)) int sr_plan_whole(__u16 flags, __u32 kstatus)
{
	if (!(flags & SR_PLAN_TRACED))
		return 1;
	if (flags & (SR_PLAN_HAS_ENTER | SR_PLAN_EXEC))
		return 0;
	return kstatus || (flags & SR_PLAN_AT_EXIT);
}

/*
 * More memory an ioctl argument points to, copied with it (ioctl's plan,
 * SR_LEN_IOC): for request @code (the ioc_refs map's key), up to
 * SR_IOC_REFS references, each into blob slot SR_IOC_REF_SLOT0 (past
 * ioctl's three arguments) as part @slot >> 3 (SR_BLOB_PART). The memory
 * is at the pointer at @ptr_off in the argument's struct (SR_IOC_REF_SELF:
 * the argument itself, a header whose data follows it); its length is the
 * @len_size-byte field at @len_off times @elem, plus @extra (a header
 * before the elements), or @elem bytes when @len_size is 0 (then, for
 * SR_IOC_REF_SELF, from byte @len_off of the argument: a struct larger than
 * one blob); at most @cap bytes. With @iov_size 2 or 4, a nonzero count of
 * that size at @iov_off makes it an array of that many struct iovec,
 * copied as SR_HOW_IOV copies one (the array, then each buffer), its length
 * the buffers' total. With @buf_at, an array of @len_size's count of
 * elements, each with a buffer's {u32 length, 4 bytes, u64 pointer} at byte
 * @buf_at - 1 (v4l2_ext_control's size and payload), copied so (put_iov()).
 */
#define SR_IOC_REFS	 4
#define SR_IOC_REF_SELF	 0xffff
#define SR_IOC_REFS_MAX	 128 /* requests with references */
#define SR_IOC_REF_SLOT0 3 /* the blob slot of the references */

struct sr_ioc_ref {
	__u16 ptr_off;
	__u16 len_off;
	__u8 len_size; /* 0, 1, 2, 4 or 8 */
	__u8 slot; /* SR_IOC_REF_SLOT0 | part << 3 */
	__u16 elem;
	__u16 cap; /* 0: no reference */
	__u16 extra; /* bytes added to the length */
	__u16 iov_off;
	__u8 iov_size; /* 0, 2 or 4 */
	__u8 buf_at; /* 0: plain memory; else 1 + the offset of an element's buffer descriptor */
};
#define SR_IOC_BUF_LIMIT 64 /* with @buf_at: @elem, @buf_at - 1 below it (6-bit fields) */

/*
 * sr_ioc_refs.flags: at exit, the argument and its references are copied
 * after a failure too (SG_IO's status, V4L2's extended controls' error_idx).
 */
#define SR_IOC_ANYRET 0x1
/*
 * The argument's layout depends on its first byte (SG_IO's 'S' and 'Q'):
 * the references are those of the row at SR_IOC_KEY_BY_FIRST(code, byte).
 */
#define SR_IOC_BY_FIRST			0x2
#define SR_IOC_KEY_BY_FIRST(code, byte) (((code)&0xffffffu) | (__u32)(byte) << 24)

struct sr_ioc_refs {
	struct sr_ioc_ref r[SR_IOC_REFS];
	__u32 flags; /* SR_IOC_* */
	__u32 pad;
};

/*
 * Keys of the plans map: native numbers [0, SR_NR_MAX), one key for every
 * number out of range (x32 calls, -1), then an ia32 task's i386 numbers
 * [0, SR_NR_MAX) and one key for the i386 numbers out of range.
 */
#define SR_PLAN_OOB	 SR_NR_MAX
#define SR_PLAN_IA32	 (SR_NR_MAX + 1)
#define SR_PLAN_IA32_OOB (SR_PLAN_IA32 + SR_NR_MAX)
/* then the plans of the calls' commands (SR_PLAN_SELECT), SR_PLAN_SEL_MAX of them */
#define SR_PLAN_SEL	(SR_PLAN_IA32_OOB + 1)
#define SR_PLAN_SEL_MAX 128
#define SR_PLAN_COUNT	(SR_PLAN_SEL + SR_PLAN_SEL_MAX)
#define SR_PLAN_KEY(nr) ((nr) >= 0 && (nr) < SR_NR_MAX ? (__u32)(nr) : SR_PLAN_OOB)
#define SR_PLAN_KEY32(nr) \
	((nr) >= 0 && (nr) < SR_NR_MAX ? SR_PLAN_IA32 + (__u32)(nr) : SR_PLAN_IA32_OOB)

struct sr_plan {
	__u16 flags;
	__u8 nargs;
	__u8 fdi_arg; /* SR_PLAN_FDI_PAIR: the argument holding int fds[2] */
	/* SR_PLAN_SELECT: the command's argument, how many commands, their first plan */
	__u8 sel_arg;
	__u8 sel_n;
	__u16 sel_base;
	/* SR_HOW_MSGHDR: msg_control's cap (0: 256 bytes; SR_CAP_WHOLE: up to SR_MORE_MAX) */
	__u16 msg_ctrl_cap;
	__u8 pad[6];
	struct sr_plan_arg a[SR_NARGS];
};

/*
 * What an fd is (-y, -yy), in a blob of argument slot SR_ARG_FDINFO at the
 * end of an exit record, followed by @namelen bytes: a file's path as the
 * kernel resolves it, a unix socket's bound name, an anon inode's name.
 */
#define SR_ARG_FDINFO  7
#define SR_FDI_SRC_RET 6 /* fdinfo.src: the return value (else an argument index) */
#define SR_FDI_DELETED 0x1 /* the file has been unlinked */
/* the path was too deep or too long to walk whole: the name is only part of it */
#define SR_FDI_TRUNC 0x2

struct sr_fdinfo {
	__s32 fd;
	__u16 src; /* argument index, or SR_FDI_SRC_RET */
	__u16 flags; /* SR_FDI_* */
	__u32 mode; /* inode i_mode */
	__u32 magic; /* the filesystem's magic: pipefs, sockfs, anon_inodefs... */
	__u64 ino;
	__u32 dev; /* the filesystem's device, kernel encoding (major << 20 | minor) */
	__u32 rdev; /* character and block devices: the device */
	/* sockets */
	__u16 family;
	__u16 type;
	__u16 protocol;
	__u8 state;
	__u8 pad;
	__u16 lport; /* host order */
	__u16 rport;
	__u32 lport32; /* netlink: port ids */
	__u32 rport32;
	__u8 laddr[16];
	__u8 raddr[16];
	__u64 peer_ino; /* unix: the peer socket's inode */
	__u32 peer_pid; /* unix: the peer's pid when it connected (SO_PEERCRED) */
	__u32 namelen;
};

#include "abi_uring.h"

/*
 * --explain: the credentials of a task whose call failed with EACCES or
 * EPERM, as they were at the call, in a blob of argument slot SR_ARG_CREDS at
 * the end of its exit record (the kernel's uids, not a namespace's).
 */
#define SR_ARG_CREDS	6
#define SR_CREDS_GROUPS 16

struct sr_creds {
	__u32 uid, euid, fsuid;
	__u32 gid, egid, fsgid;
	__u64 cap_eff; /* effective capabilities, bit n: capability n */
	__u32 ngroups; /* supplementary groups; the first SR_CREDS_GROUPS follow */
	__u32 pad;
	__u32 groups[SR_CREDS_GROUPS];
};

/* Per-CPU counters, summed by user space. */
enum sr_stat {
	SR_STAT_EMITTED = 0, /* records written to the ring buffer */
	SR_STAT_LOST, /* records dropped because the ring buffer was full */
	SR_STAT_PENDING, /* lost records not yet announced in a header */
	SR_STAT_FOLLOW_FAIL, /* children not followed: traced map full */
	SR_STAT_READ_FAULT, /* user memory reads that failed at entry */
	SR_STAT_READ_RETRY_OK, /* ... and succeeded when retried at exit */
	SR_STAT_READ_RETRY_FAIL, /* ... and failed again at exit */
	SR_STAT_REC_FULL, /* blobs left out: the record was full */
	SR_STAT_URING_UNTRACKED, /* io_uring requests not followed: in-flight map full */
	SR_STAT_MAX,
};

struct sr_cpu_stats {
	__u64 v[SR_STAT_MAX];
};

/* targ_status: which outcomes -z/-Z/-e status= keep (0: all, records at entry and exit) */
#define SR_STATUS_OK   0x1
#define SR_STATUS_FAIL 0x2

/* Process filters set through .rodata: at most this many of each kind. */
#define SR_MAX_COMM   8
#define SR_MAX_UID    8
#define SR_MAX_CGROUP 8

/*
 * -c: syscalls counted in the kernel (bpf/count.bpf.h), per CPU, read at the
 * end. The key's group is 0 (one table), a tgid (--summary-by=process) or a
 * cgroup v2 id (container, unit), as targ_count says.
 */
enum sr_count_mode {
	SR_COUNT_OFF = 0,
	SR_COUNT_ALL = 1,
	SR_COUNT_TGID = 2,
	SR_COUNT_CGROUP = 3,
};

#define SR_COUNT_COMPAT 0x80000000u /* sr_count_key.nr: an i386 number */

struct sr_count_key {
	__u32 nr; /* syscall number, SR_COUNT_COMPAT for an ia32 task's */
	__u32 pad;
	__u64 group;
};

/*
 * Without --summary-by the kernel counts in a per-CPU array instead, one
 * slot per syscall number: native numbers first, then ia32 ones
 * (SR_NR_MAX + nr). Numbers past SR_NR_MAX have no name: never shown.
 */
#define SR_COUNT_SLOTS (2 * SR_NR_MAX)

struct sr_count_val {
	__u64 calls;
	__u64 errors;
	__u64 wall_ns; /* entry to exit (counted with -w only) */
	__u64 cpu_ns; /* the task's scheduler CPU time from entry to exit (without -w) */
	__u64 min_ns, max_ns; /* of wall_ns (with -w) or cpu_ns, as targ_count_wall says */
	char comm[SR_COMM_LEN]; /* the task's, at its last counted exit (TGID mode) */
};

#ifndef __bpf__
/*
 * Add @v (one CPU's values, or one row of a table) to @sum: what user space
 * does with the per-CPU values of a key and with the rows of a total. Values
 * without calls are skipped (their min_ns means nothing).
 */
static inline void sr_count_val_add(struct sr_count_val *sum, const struct sr_count_val *v)
{
	if (!v->calls)
		return;
	if (!sum->calls || v->min_ns < sum->min_ns)
		sum->min_ns = v->min_ns;
	if (v->max_ns > sum->max_ns)
		sum->max_ns = v->max_ns;
	sum->calls += v->calls;
	sum->errors += v->errors;
	sum->wall_ns += v->wall_ns;
	sum->cpu_ns += v->cpu_ns;
	if (v->comm[0])
		__builtin_memcpy(sum->comm, v->comm, sizeof(sum->comm));
}
#endif

/* Values in the traced map (key: tgid). */
#define SR_TASK_ARMED 0x1 /* launched child: trace from its next execve */
/*
 * The thread group has exited (signal->live reached 0), but threads still
 * on their way out must report their exits: the entry stays, traces no
 * syscall, and user space deletes it once the process is gone.
 */
#define SR_TASK_DEAD 0x2
/*
 * --follow-peer: traced because it accepted a traced process's connection,
 * or forked by such a process. It does not count among the live processes
 * whose end ends the session.
 */
#define SR_TASK_PEER 0x4
/* --follow-peer: syscalls that take a connection (accept, accept4), at most. */
#define SR_MAX_ACCEPT_NR 4

struct sr_task {
	__u32 flags;
};

#ifndef __bpf__
_Static_assert(sizeof(struct sr_hdr) == 32, "sr_hdr layout");
_Static_assert(sizeof(struct sr_enter) == 32 + 48 + 16 + 8 + 8, "sr_enter layout");
_Static_assert(sizeof(struct sr_callrec) == sizeof(struct sr_enter) + 16, "sr_callrec layout");
_Static_assert(sizeof(struct sr_exit) == 40, "sr_exit layout");
_Static_assert(sizeof(struct sr_stack) == 32 + 33 * 8 + 16, "sr_stack layout");
_Static_assert(sizeof(struct sr_stack) + SR_STACK_BYTES_MAX <= SR_REC_MAX, "sr_stack size");
_Static_assert(sizeof(struct sr_count_key) == 16, "sr_count_key layout");
_Static_assert(sizeof(struct sr_count_val) == 64, "sr_count_val layout");
_Static_assert(sizeof(struct sr_blob) == 8, "sr_blob layout");
_Static_assert(sizeof(struct sr_more) == 32 + 24, "sr_more layout");
_Static_assert(sizeof(struct sr_plan_arg) == 8, "sr_plan_arg layout");
_Static_assert(sizeof(struct sr_plan) == 64, "sr_plan layout");
_Static_assert(sizeof(struct sr_fdinfo) == 104, "sr_fdinfo layout");
_Static_assert(sizeof(struct sr_creds) == 104, "sr_creds layout");
_Static_assert(sizeof(struct sr_signal) == 32 + 16 + SR_SIGINFO_SIZE, "sr_signal layout");
_Static_assert(sizeof(struct sr_sqe) == 64, "sr_sqe layout");
_Static_assert(sizeof(struct sr_uring_op) == 12, "sr_uring_op layout");
_Static_assert(sizeof(struct sr_uring_sub) == 32 + 16 + 48 + 64 + 16 + 8 + 8,
	       "sr_uring_sub layout");
_Static_assert(sizeof(struct sr_uring_cqe) == 32 + 24, "sr_uring_cqe layout");
_Static_assert(sizeof(struct sr_uring_reg) == 32 + 40 + 12 * SR_UREG_FDS, "sr_uring_reg layout");
#endif

#endif /* SYSRAY_ABI_H */
