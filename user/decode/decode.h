/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What decoders see and use: a syscall in flight (struct sr_call), the
 * printing context (struct sr_fmt), flag tables (struct sr_xlat), struct
 * kinds and custom decoders, and the printers every decoder shares.
 */
#ifndef SYSRAY_DECODE_H
#define SYSRAY_DECODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <linux/types.h>

#include "sysray/abi.h"
#include "call/call.h"
#include "print/out.h"
#include "table/xlat.h"
#include "table/syscalls.h"

struct sr_opts;
struct sr_fdtab;

/* Receives each fd a printer will annotate (struct sr_kind.fds, struct sr_decoder.fds). */
typedef void (*sr_fd_fn)(void *ctx, int fd);
/* A path a call names, @n bytes (untrusted, maybe without a NUL). */
typedef void (*sr_path_fn)(void *ctx, const char *path, size_t n);

/* A struct argument: how many bytes to capture, how to print them. */
struct sr_kind {
	const char *name;
	/* Bytes of one element; 0: variable size, the length spec gives bytes. */
	uint16_t size;
	/* Variable-size kinds: most bytes worth capturing. */
	uint16_t max;
	/* Optional: an array of more elements prints as its address (NGROUPS_MAX). */
	uint32_t max_elems;
	/*
	 * Optional: an array shows at most this many elements, then "...",
	 * whatever -s and -v say (futex_waitv's FUTEX_WAITV_MAX).
	 */
	uint32_t shown_max;
	/*
	 * A copy that faults is made again with the bytes before the next
	 * page (SR_CAP_PART, the blob marked SR_BF_PART): print() gets fewer
	 * than asked and prints the address when they are fewer than it reads
	 * (a sockaddr of 16 bytes at the end of a page, whose length the kernel
	 * updated to 24).
	 */
	bool page_part;
	/* Print @len captured bytes of one element (or the whole, if size is 0). */
	void (*print)(struct sr_fmt *f, const struct sr_call *c, int argi, const void *data,
		      size_t len);
	/*
	 * Optional: each fd print() annotates in the same bytes, to @fn, so the
	 * fd tables resolve them before the line prints (fdtab__prepare()).
	 */
	void (*fds)(const struct sr_call *c, int argi, const void *data, size_t len, sr_fd_fn fn,
		    void *ctx);
	/*
	 * Variable-size kinds: an extensible struct whose size the caller gives
	 * (openat2's open_how): captured up to that size (at most max), cut at
	 * a page end rather than lost, so print() can show the bytes past what
	 * it knows with fmt_struct_tail().
	 */
	bool ext;
	/*
	 * ia32 tasks: the same layout (fixed-width fields, no pointer, long or
	 * time_t), so the kind serves their calls as it is...
	 */
	bool same32;
	/* ...or the kind of their layout (stat64); else they print its address. */
	const struct sr_kind *kind32;
};

/* A custom argument decoder (SR_T_CUSTOM). */
struct sr_decoder {
	const char *name;
	bool at_exit; /* printed with the exit part */
	/* Optional: what to capture for this argument (default: nothing). */
	void (*plan)(const struct sr_sysent *ent, int argi, const struct sr_opts *o,
		     struct sr_plan_arg *pa);
	/*
	 * Optional: captures past the argument's own, in a spare slot of the
	 * plan after the row's arguments (the instructions of the
	 * SO_ATTACH_FILTER program the value points to, the arrays
	 * io_uring_register's structs point to); print() finds them there.
	 */
	void (*plan_more)(const struct sr_sysent *ent, int argi, const struct sr_opts *o,
			  struct sr_plan *p);
	/* Optional: is the argument shown at all (open's mode needs O_CREAT)? */
	bool (*present)(const struct sr_call *c, int argi);
	void (*print)(struct sr_fmt *f, const struct sr_call *c, int argi);
	/*
	 * Optional: what print() decodes for, when one printer serves several
	 * rows (each System V *ctl's commands and structs). print() finds it
	 * as c->ent->args[argi].dec->param.
	 */
	const void *param;
	/* Optional: each fd print() annotates at entry, or at exit (@at_exit), to @fn. */
	void (*fds)(const struct sr_call *c, int argi, bool at_exit, sr_fd_fn fn, void *ctx);
	/*
	 * What plan() captures has the same layout for ia32 tasks; a decoder
	 * without plan() reads only the register, and serves them anyway.
	 */
	bool same32;
};

/*
 * A decoder for a whole syscall (SCX rows), when arguments depend on each
 * other. The core prints "name(", calls enter() at entry and exit() at exit,
 * then ")", the padding, "= ret" and ret_suffix().
 */
struct sr_scdec {
	const char *name;
	/* Arguments shown at entry, each one value (the line adds the separators). */
	void (*enter)(struct sr_fmt *f, const struct sr_call *c);
	/* Optional: arguments shown at exit. NULL: everything printed at entry. */
	void (*exit)(struct sr_fmt *f, const struct sr_call *c);
	/*
	 * Optional, with exit: does exit() print anything for this call? NULL:
	 * always. The entry part ends with ", " only then: "prctl(PR_GET_NAME, "
	 * but "prctl(PR_SET_NAME, \"x\"" (see sep_at_exit for the other way).
	 */
	bool (*exit_shown)(const struct sr_call *c);
	/* Optional: prints a successful return value (fcntl's "0x1"). */
	void (*ret)(struct sr_fmt *f, const struct sr_call *c);
	/* Optional: after "= ret": " (flags O_RDONLY)", " ([{fd=3, revents=POLLIN}])". */
	void (*ret_suffix)(struct sr_fmt *f, const struct sr_call *c);
	/* Optional: capture plan for the whole syscall, after the per-type plan. */
	void (*plan)(const struct sr_sysent *ent, const struct sr_opts *o, struct sr_plan *p);
	/*
	 * The ", " before what exit() prints belongs to the exit
	 * part, as in strace's ioctl, fcntl and poll decoders: nothing trails
	 * the entry part ("ioctl(0, TCGETS <unfinished ...>"), and the exit part
	 * continues the argument list ("<... ioctl resumed>, {c_iflag=...").
	 * enter() must print at least one argument. Unset: the entry part ends
	 * with ", " whenever exit() prints (exit_shown).
	 */
	bool sep_at_exit;
	/*
	 * Optional: does enter() print anything for this call? NULL: it prints
	 * at least one argument. Under -N the ", " before the exit part is the
	 * exit part's, as strace 6.16 prints it ("<... read resumed>, buf=...").
	 */
	bool (*entry_shown)(const struct sr_call *c);
	/*
	 * Optional: the fds (to @fd) and paths (to @path) by which -P and
	 * --trace-fds select the call, instead of the row's FD, DIRFD and PATH
	 * arguments, where strace's pathtrace.c has a case of its own
	 * (fsconfig: the aux fd and the value's path by command, never fs_fd).
	 */
	void (*selects)(const struct sr_call *c, sr_fd_fn fd, sr_path_fn path, void *ctx);
	/* Serves ia32 tasks' calls too; unset, they print by the row's types. */
	bool same32;
};

/* Are the @n bytes at @p all zero (reserved fields strace prints only when set)? */
static inline bool mem_all_zero(const void *p, size_t n)
{
	const uint8_t *b = p;

	while (n--)
		if (*b++)
			return false;
	return true;
}

/*
 * Before argument @i of a syscall's list: its name, which -N prints
 * ("fd=3") and --json keys the argument by (table/syscalls.h).
 */
static inline void fmt_arg(struct sr_fmt *f, const struct sr_call *c, int i)
{
	pr_arg(f, syscalls__arg_name(c->ent, i));
}

/* Shared printers. */
/* -v: structures and environments in full. */
bool fmt_verbose(const struct sr_fmt *f);
/*
 * -X raw: strace leaves out what it spells from a number, a return value's
 * note included (ioprio_get's "(IOPRIO_PRIO_VALUE(...))").
 */
bool fmt_xlat_raw(const struct sr_fmt *f);
/*
 * -X abbrev (the default): a name stands for the value it replaces (else the
 * value prints, and -X verbose adds the name in a comment: utimensat's
 * "{tv_sec=0, tv_nsec=1073741823} /\* UTIME_NOW *\/").
 */
bool fmt_xlat_abbrev(const struct sr_fmt *f);
/* -e verbose= leaves the call's structs decoded (else strace shows their addresses). */
bool fmt_decodes_structs(const struct sr_fmt *f);
/* -s: bytes of strings and buffers shown (32 when there are no options). */
size_t fmt_strsize(const struct sr_fmt *f);
/* Array elements shown: -s of them, as strace abbreviates arrays, or all with -v. */
size_t fmt_max_elems(const struct sr_fmt *f);
/*
 * Inside pr_bits_begin()/pr_bits_end(): a pr_bit() for each name of @x set
 * in @v ("1<<NAME" with @bitnum >= 0: the table holds bit numbers counted
 * from @bitnum). Return: the bits of @v no name covers.
 */
uint64_t pr_bits_walk(struct sr_fmt *f, const struct sr_xlat *x, uint64_t v, int bitnum);
void fmt_ptr(struct sr_fmt *f, uint64_t v);
/* An fd argument, annotated (-y) with what it was when the call began. */
void fmt_fd(struct sr_fmt *f, const struct sr_call *c, int fd);
/* An fd the call created (its return value, pipe's array): what it is now. */
void fmt_fd_new(struct sr_fmt *f, const struct sr_call *c, int fd);
/* @fd of the process @c's pidfd @pidfd refers to (pidfd_getfd's targetfd), annotated from its table. */
void fmt_fd_target(struct sr_fmt *f, const struct sr_call *c, int pidfd, int fd);
void fmt_dirfd(struct sr_fmt *f, const struct sr_call *c, int fd);
/* A dirfd, or the name @special (may be NULL) has for it: "FAN_NOFD", "-1 /\* FAN_NOFD *\/". */
void fmt_dirfd_or(struct sr_fmt *f, const struct sr_call *c, const struct sr_xlat *special, int fd);
/* A mode in octal as strace's "%#03o" prints it: 0644, 022, 000. */
void fmt_mode(struct sr_fmt *f, uint64_t mode);
/*
 * A pid, and with -Y the name of the traced task it is: "4242<cron>"; of a
 * task in another pid namespace, with --decode-pids=pidns, the pid in
 * sysray's: "5 /\* 4242 in strace's PID NS *\/". fmt_pid() is a process
 * (SR_PK_TGID), fmt_pid_as() one of @kind (enum sr_pidkind, host/pidns.h).
 */
void fmt_pid(struct sr_fmt *f, int32_t pid);
void fmt_pid_as(struct sr_fmt *f, int32_t pid, int kind);
/* The caller's own id @pid of @kind, which is @ours in sysray's namespace (getpid). */
void fmt_pid_own(struct sr_fmt *f, int32_t pid, int kind, uint32_t ours);
/* strace's printpid_tgid_pgid(): a process if > 0, a process group if < -1 (kill, wait4). */
void fmt_pid_or_pgrp(struct sr_fmt *f, int32_t pid);
/* clock_t ticks, with the seconds in a comment as strace adds them. */
void fmt_clock_t(struct sr_fmt *f, uint64_t v);
/* Print a bit set; @v 0 prints as "0" unless the table names 0. */
#define pr_flags(f, x, v) fmt_flags(f, x, v)
void fmt_flags(struct sr_fmt *f, const struct sr_xlat *x, uint64_t v);
/*
 * A bit set as strace's sprintflags() and printflags(x, v, NULL) print it:
 * unknown bits in hex with no comment, nothing at all for 0 unless the
 * table names it. Return: whether a name printed.
 */
bool pr_flags_bare(struct sr_fmt *f, const struct sr_xlat *x, uint64_t v);
/* A bit set whose table holds bit numbers counted from @base: "1<<CAP_KILL". */
void fmt_flags_bitnum(struct sr_fmt *f, const struct sr_xlat *x, uint64_t v, int base);
/* Print one value by name, or "v /\* X_??? *\/". */
void fmt_enum(struct sr_fmt *f, const struct sr_xlat *x, uint64_t v);
void fmt_signame(struct sr_fmt *f, int sig);
/* Signal name without "SIG" for sets: "CHLD", "RT_1"; NULL-safe buffer. */
const char *signame_short(int sig, char *buf, size_t len);
/* A quoted string from a blob, or the address when nothing was captured. */
void fmt_blob_str(struct sr_fmt *f, const struct sr_blob *b, uint64_t addr, size_t max,
		  unsigned int qflags);
/*
 * A string the kernel reads at most @limit bytes of, as strace's
 * printstr_ex(addr, limit, QUOTE_0_TERMINATED) prints it: up to its NUL,
 * -s or @limit; "..." when no NUL came; the address when what strace would
 * read cannot be. plan_str_upto() captures it (@strsize: -s).
 */
void fmt_str_upto(struct sr_fmt *f, const struct sr_blob *b, uint64_t addr, size_t limit);
void plan_str_upto(struct sr_plan_arg *pa, int strsize, size_t limit);
/* A quoted path (never cut at -s). */
void fmt_path(struct sr_fmt *f, const struct sr_call *c, int argi);
/* Print a struct argument: the address when not captured (or the call failed). */
void fmt_struct(struct sr_fmt *f, const struct sr_call *c, int argi, bool at_exit);
/*
 * Before element @i of an open array: true to print it, or false after a
 * pr_more() once -s elements are shown (all with -v), as strace's
 * print_array() cuts arrays.
 */
bool pr_array_elem(struct sr_fmt *f, size_t i);
/* "... /\* 0xADDR *\/": an array goes on at @addr, which cannot be read. */
void fmt_more_unread(struct sr_fmt *f, uint64_t addr);
/*
 * An array of @n elements at @addr that has none to show, as strace's
 * print_array() prints it: NULL for no address, [] for no element. Returns
 * whether it printed.
 */
bool fmt_array_none(struct sr_fmt *f, uint64_t addr, uint64_t n);
/* An array of @count @elem-byte elements past the address space's end: its address. */
bool fmt_array_wraps(struct sr_fmt *f, uint64_t addr, uint64_t count, size_t elem);
/*
 * An array at @addr of which @have elements were read before an unreadable
 * page (@b has SR_BF_PART): when none, print the address, as strace does,
 * and return true.
 */
bool fmt_array_unread(struct sr_fmt *f, const struct sr_blob *b, uint64_t addr, size_t have);
/*
 * A syscall number of audit architecture @arch: "__NR_getpid" for a native
 * one, else the number (seccomp.c; seccomp data, SIGSYS, PTRACE_GET_SYSCALL_INFO).
 */
void fmt_scno(struct sr_fmt *f, uint32_t arch, uint64_t nr);

/* "[N]" for an int in user memory, as strace prints int* outputs. */
void fmt_int_array(struct sr_fmt *f, const void *data, size_t len, size_t n);

/*
 * The buffer of a socket call on @fd (sendto, recvfrom, sendmsg's iovecs):
 * @have bytes captured of @len, from user address @addr. When @fd is a
 * netlink socket, print its messages as strace does and return true; false
 * (nothing printed) for other sockets (netlink.c).
 */
bool fmt_netlink_buf(struct sr_fmt *f, const struct sr_call *c, int fd, const void *data,
		     size_t have, uint64_t addr, uint64_t len);

/* Kernel errno names and texts: errno__name(), errno__text(). */
#include "table/errno.h"

/* Decoders' registry, defined in user/decode/ files. */
#define SR_KIND(n)    extern const struct sr_kind sr_kind_##n;
#define SR_DECODER(n) extern const struct sr_decoder sr_dec_##n;
#define SR_SCDEC(n)   extern const struct sr_scdec sr_scdec_##n;
#include "decode/kinds.h"
#undef SR_KIND
#undef SR_DECODER
#undef SR_SCDEC
#include "xlat/all.h"
#undef SR_KIND
#undef SR_DECODER

/*
 * One element of kind @k from @len bytes at @data, as fmt_struct() prints a
 * captured one (a pselect6 mask read through a pointer pair).
 */
void fmt_kind(struct sr_fmt *f, const struct sr_kind *k, const struct sr_call *c, int argi,
	      const void *data, size_t len);
/*
 * Inside pr_bits_begin()/pr_bits_end(): one enumerated part of a composite
 * set, "MAP_PRIVATE" in "MAP_PRIVATE|MAP_FIXED", or "0xf /\* MAP_??? *\/".
 */
void pr_bits_enum(struct sr_fmt *f, const struct sr_xlat *x, uint64_t v);
/*
 * A value whose @mask bits are one value of @vx and the rest flags of @fx,
 * as strace prints them: the value by name (or "0xc /\* FAN_CLASS_??? *\/"),
 * then, when flags are set, "|" and the flags as fmt_flags() spells them:
 * "FAN_CLASS_NOTIF|FAN_CLOEXEC", "0xda7a0000 /\* KEXEC_ARCH_??? *\/|0x4 /\* KEXEC_??? *\/".
 */
/*
 * The bytes of an extensible struct past the @known ones strace decodes, of
 * the @usize the caller gave, from the @len captured at @data (a kind with
 * .ext): nothing when they are all zero, "???" when they could not be read,
 * else "/\* bytes 24..31 *\/ \"\\x80...\"" (strace's print_nonzero_bytes).
 */
void fmt_struct_tail(struct sr_fmt *f, const void *data, size_t len, size_t known, uint64_t usize);
/* Field @name: a u32 array's @n elements in hex, as strace prints reserved fields. */
void fmt_hex_u32_array(struct sr_fmt *f, const char *name, const uint32_t *v, size_t n);
void fmt_enum_flags(struct sr_fmt *f, const struct sr_xlat *vx, uint64_t mask,
		    const struct sr_xlat *fx, uint64_t v);

/*
 * ioctl.c: the ioctl requests whose argument points to more memory the BPF
 * side copies with it, at most @max, into @codes and @refs (the ioc_refs
 * map's keys and values); returns how many.
 */
size_t ioctl__refs(uint32_t *codes, struct sr_ioc_refs *refs, size_t max);

/*
 * uring_reg__records() - the records io_uring_register's program sends
 * where it reads the syscall's arguments (SR_UREG_FDS fds each), made from
 * the entry captures of @c, a file registration or update, for the ring of
 * @r, the record of a program that sent the ring alone (SR_UREG_ARGS).
 * Fills up to @max of @out; returns how many (slots of fds not read: -1).
 */
size_t uring_reg__records(const struct sr_call *c, const struct sr_uring_reg *r,
			  struct sr_uring_reg *out, size_t max);

#endif /* SYSRAY_DECODE_H */
