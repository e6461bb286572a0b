/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The syscall table: include/sysray/syscalls.def gives every syscall one row
 * of argument types. From each type follow both what the BPF side captures
 * (syscalls__plan(), the only switch on types that builds plans) and how user
 * space prints it (format.c, the only switch that prints them).
 */
#ifndef SYSRAY_SYSCALLS_H
#define SYSRAY_SYSCALLS_H

#include <stdbool.h>
#include <stdint.h>
#include <linux/types.h>

#include "sysray/abi.h"

struct sr_xlat;
struct sr_kind;
struct sr_decoder;
struct sr_scdec;
struct sr_opts;

/* Argument types: the meaning of one argument. */
enum sr_atype {
	SR_T_NONE = 0,
	/* scalars, printed from the raw register value */
	SR_T_INT, /* int, decimal */
	SR_T_UINT, /* unsigned int, decimal */
	SR_T_LONG, /* long, decimal */
	SR_T_ULONG, /* unsigned long, decimal */
	SR_T_HEX, /* unsigned long, hex */
	SR_T_PTR, /* address: NULL or hex */
	SR_T_FD, /* int file descriptor */
	SR_T_DIRFD, /* AT_FDCWD or a file descriptor */
	SR_T_SIZE, /* size_t, decimal */
	SR_T_OFF, /* loff_t, decimal */
	SR_T_MODE, /* mode_t permission bits, octal */
	SR_T_FLAGS, /* bit set, names from an xlat table */
	SR_T_ENUM, /* one value, name from an xlat table */
	SR_T_SIGNUM, /* signal number: SIGCHLD */
	SR_T_PID, /* pid_t, decimal */
	/* user memory, captured by BPF */
	SR_T_PATH, /* NUL-terminated path, read at entry, never truncated */
	SR_T_STR, /* NUL-terminated string, read at entry, cut at -s */
	SR_T_BUF_IN, /* bytes read at entry (write data) */
	SR_T_BUF_OUT, /* bytes read at exit (read data) */
	SR_T_STRUCT_IN, /* struct (or array of) read at entry */
	SR_T_STRUCT_OUT, /* struct (or array of) read at exit, on success */
	SR_T_STRUCT_INOUT, /* read at entry and at exit */
	SR_T_ARGV, /* NULL-terminated array of strings */
	SR_T_ENVP, /* NULL-terminated array of strings, counted */
	SR_T_IOV_IN, /* struct iovec[] read at entry */
	SR_T_IOV_OUT, /* struct iovec[] read at exit */
	SR_T_PATH_OUT, /* path-like bytes read at exit (getcwd, readlink) */
	SR_T_UID, /* uid_t/gid_t: -1 stays -1 */
	SR_T_SKIP, /* a register the syscall ABI splits (pos_h): not printed */
	SR_T_CUSTOM, /* a decoder from user/decode/ */
	SR_T_MAX,
};

/* Length sources for buffers and arrays (struct sr_argdesc.len). */
#define SR_L_NONE    0
#define SR_L_ARG(n)  (0x10 | (n)) /* element count in argument n */
#define SR_L_PTR(n)  (0x20 | (n)) /* byte count in a u32 at argument n's address */
#define SR_L_RET     0x30 /* element count is the return value */
#define SR_L_MIN(n)  (0x40 | (n)) /* min(argument n, return value) */
#define SR_L_KIND(l) ((l)&0xf0)
#define SR_L_IDX(l)  ((l)&0x0f)

/* struct sr_argdesc.flags */
#define SR_AF_HEX    0x1 /* buffers: quote every byte as \xNN (getrandom) */
#define SR_AF_ANYRET 0x2 /* outputs: print even when the syscall failed */

struct sr_argdesc {
	uint8_t type; /* enum sr_atype */
	uint8_t len; /* SR_L_* */
	uint8_t flags; /* SR_AF_* */
	const struct sr_xlat *xlat; /* SR_T_FLAGS, SR_T_ENUM */
	const struct sr_kind *kind; /* SR_T_STRUCT_* */
	const struct sr_decoder *dec; /* SR_T_CUSTOM */
};

/* Return value kinds. */
enum sr_rtype {
	SR_R_INT = 0, /* decimal */
	SR_R_FD, /* a new file descriptor */
	SR_R_HEX, /* an address: mmap, brk */
	SR_R_OCT, /* umask */
	SR_R_NONE, /* never returns: exit, exit_group; "= ?" */
	SR_R_PID, /* a pid */
	SR_R_SIG, /* a signal number: "10 (SIGUSR1)" */
};

/* Syscall classes for -e trace=%class (strace's). */
#define SR_C_FILE	 0x0001 /* %file: takes a file name */
#define SR_C_DESC	 0x0002 /* %desc: takes or returns a descriptor */
#define SR_C_NET	 0x0004 /* %network */
#define SR_C_PROC	 0x0008 /* %process */
#define SR_C_SIGNAL	 0x0010 /* %signal */
#define SR_C_IPC	 0x0020 /* %ipc */
#define SR_C_MEM	 0x0040 /* %memory */
#define SR_C_CREDS	 0x0080 /* %creds */
#define SR_C_CLOCK	 0x0100 /* %clock */
#define SR_C_STAT	 0x0200 /* %stat */
#define SR_C_LSTAT	 0x0400 /* %lstat */
#define SR_C_FSTAT	 0x0800 /* %fstat */
#define SR_C_STATFS	 0x1000 /* %statfs */
#define SR_C_FSTATFS	 0x2000 /* %fstatfs */
#define SR_C_PURE	 0x4000 /* %pure: no arguments, always succeeds */
#define SR_C_STAT_LIKE	 0x8000 /* %%stat */
#define SR_C_STATFS_LIKE 0x10000 /* %%statfs */

struct sr_sysent {
	const char *name;
	int nr; /* -1 when this architecture lacks it */
	uint8_t nargs;
	uint8_t ret; /* enum sr_rtype */
	uint8_t split; /* arguments [0, split) print at entry, the rest at exit */
	uint32_t classes; /* SR_C_* */
	struct sr_argdesc args[SR_NARGS];
	const struct sr_scdec *dec; /* SCX rows: prints the whole argument list */
	bool raw; /* no table row: arguments print as six hex words */
};

/**
 * syscalls__init() - build the number-indexed table from the generated name
 * list and the .def rows. Idempotent. Return 0 or -errno.
 */
int syscalls__init(void);

/**
 * syscalls__get() - the entry for syscall @nr; a raw entry named
 * "syscall_0x..." for numbers this build does not know. Never NULL.
 */
const struct sr_sysent *syscalls__get(int nr);

/**
 * syscalls__get_compat() - a raw entry for i386 syscall @nr of an ia32 task
 * (its name from the i386 table). Never NULL.
 */
const struct sr_sysent *syscalls__get_compat(int nr);

/**
 * syscalls__undecoded() - the entry for syscall @nr as -e raw= prints it:
 * its arguments in hex, nothing read from memory. Never NULL.
 */
const struct sr_sysent *syscalls__undecoded(int nr);

/**
 * syscalls__is_transient() - is @e the entry of an out-of-range number,
 * which the next lookup of another such number overwrites? Copy it to keep it.
 */
bool syscalls__is_transient(const struct sr_sysent *e);

/** syscalls__is_fork() - clone, clone3, fork or vfork: two tasks return from it. */
bool syscalls__is_fork(const struct sr_sysent *e);

/** syscalls__by_name() - the entry named @name, or NULL. */
const struct sr_sysent *syscalls__by_name(const char *name);

/** syscalls__count() - one past the largest known syscall number. */
int syscalls__count(void);

/** syscalls__row() - row @i of syscalls.def as written (for tests), or NULL. */
const struct sr_sysent *syscalls__row(size_t i);

/**
 * syscalls__plan() - fill @plan, what the BPF side captures for @ent, from
 * its argument types and the options (-s). Does not set SR_PLAN_TRACED.
 */
void syscalls__plan(const struct sr_sysent *ent, const struct sr_opts *opts, struct sr_plan *plan);

/** syscalls__is_output() - is argument type @t printed at exit? */
bool syscalls__is_output(const struct sr_argdesc *a);

#endif /* SYSRAY_SYSCALLS_H */
