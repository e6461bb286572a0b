/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The syscall table: include/sysray/syscalls.def gives every syscall one row:
 * its classes and behaviour flags, its return kind and its argument types.
 * From each type follow both what the BPF side captures (table/plan.c, the
 * only switch on types that builds plans) and how user space prints it
 * (print/args.c, the only switch that prints them); from the flags, what the
 * fd tables replay (fd/replay.c) and how the kernel sends the call.
 */
#ifndef SYSRAY_SYSCALLS_H
#define SYSRAY_SYSCALLS_H

#include <stdbool.h>
#include <stddef.h>
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
	SR_T_HEX, /* unsigned long, hex (unsigned int with SR_AF_W32) */
	SR_T_PTR, /* address: NULL or hex */
	SR_T_FD, /* int file descriptor */
	SR_T_DIRFD, /* AT_FDCWD or a file descriptor */
	SR_T_SIZE, /* size_t, decimal */
	SR_T_OFF, /* loff_t, decimal */
	SR_T_MODE, /* mode_t permission bits, octal */
	SR_T_FLAGS, /* bit set, names from an xlat table (32 bits unless SR_AF_W64) */
	SR_T_ENUM, /* one value, name from an xlat table (32 bits unless SR_AF_W64) */
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
/*
 * SR_T_PATH: a path that names no file of the caller's (symlink's target,
 * mount's source): printed as given, never resolved (--absolute-paths).
 */
#define SR_AF_NOFILE 0x4
/*
 * Buffers of socket calls (sendto, recvfrom): netlink messages when the fd
 * is a netlink socket, so captured whole (up to SR_BLOB_MAX), not cut at -s.
 */
#define SR_AF_SOCKBUF 0x8
/*
 * Widths: the kernel reads an int or unsigned int argument from the low 32
 * bits of its register and a long from all 64. SR_T_HEX is a long unless
 * SR_AF_W32 (an unsigned int printed in hex: "%#x"); SR_T_FLAGS and
 * SR_T_ENUM are 32-bit unless SR_AF_W64 (a long flags word or value).
 */
#define SR_AF_W32 0x10
#define SR_AF_W64 0x20
/*
 * SR_T_IOV_IN: iovecs of another process's memory (process_vm_readv's
 * remote_iov, process_madvise): the bases as addresses, no buffer read.
 */
#define SR_AF_IOV_ADDR 0x40
/*
 * SR_T_STRUCT_IN after the first output (LATE in syscalls.def): strace
 * reads it at exit, so a failed call shows its address (epoll_pwait2's
 * timeout and sigmask).
 */
#define SR_AF_LATE 0x80

struct sr_argdesc {
	uint8_t type; /* enum sr_atype */
	uint8_t len; /* SR_L_* */
	uint8_t flags; /* SR_AF_* */
	uint8_t pid; /* SR_T_PID: enum sr_pidkind (PK(TID) in syscalls.def) */
	/*
	 * A flags word (FLAGS, HEX, CUSTOM, or a struct read at entry whose
	 * first u64 field it is: open_how.flags): the bit that makes the fd the
	 * call creates close-on-exec (O_CLOEXEC, EFD_CLOEXEC...); 0: none.
	 */
	uint32_t cloexec;
	const struct sr_xlat *xlat; /* SR_T_FLAGS, SR_T_ENUM */
	const struct sr_kind *kind; /* SR_T_STRUCT_* */
	const struct sr_decoder *dec; /* SR_T_CUSTOM */
};

/*
 * Which id an SR_T_PID argument or SR_R_PID return is (strace's enum
 * pid_type), for --decode-pids=pidns: host/pidns.c reads the matching
 * NStgid/NSpid/NSpgid/NSsid line of /proc/PID/status.
 */
enum sr_pidkind {
	SR_PK_TGID, /* a process (the default) */
	SR_PK_TID, /* a thread */
	SR_PK_PGID, /* a process group */
	SR_PK_SID, /* a session */
	SR_PK_PG, /* arguments only: a process if > 0, a process group if < -1 (kill, wait4) */
	SR_PK_COUNT = SR_PK_PG,
};
/* Not a kind: for the translation cache (host/pidns.h), the task is gone. */
#define SR_PIDNS_GONE (-2)

/* Return value kinds. */
enum sr_rtype {
	SR_R_INT = 0, /* decimal */
	SR_R_FD, /* a new file descriptor */
	SR_R_HEX, /* an address: mmap, brk */
	SR_R_OCT, /* umask */
	SR_R_NONE, /* never returns: exit, exit_group; "= ?" */
	SR_R_PID, /* a pid: a process (fork, getpid, wait4) */
	SR_R_TID, /* a thread's id (clone, gettid) */
	SR_R_PGID, /* a process group's (getpgrp, getpgid) */
	SR_R_SID, /* a session's (getsid) */
	SR_R_MYPID, /* the caller's own process id (getpid): its record's tgid in ours */
	SR_R_MYTID, /* the caller's own thread id (gettid): its record's tid in ours */
	SR_R_SIG, /* a signal number: "10 (SIGUSR1)" */
};

/*
 * struct sr_sysent.flags: strace's classes (bits 0-16, -e trace=%class),
 * behaviour flags in the spirit of strace's sysent flags (bits 32-39), and
 * what the call does to the fd tables (enum sr_fdact, bits 40-47).
 */
#define SR_C_FILE	 0x0001ULL /* %file: takes a file name */
#define SR_C_DESC	 0x0002ULL /* %desc: takes or returns a descriptor */
#define SR_C_NET	 0x0004ULL /* %network */
#define SR_C_PROC	 0x0008ULL /* %process */
#define SR_C_SIGNAL	 0x0010ULL /* %signal */
#define SR_C_IPC	 0x0020ULL /* %ipc */
#define SR_C_MEM	 0x0040ULL /* %memory */
#define SR_C_CREDS	 0x0080ULL /* %creds */
#define SR_C_CLOCK	 0x0100ULL /* %clock */
#define SR_C_STAT	 0x0200ULL /* %stat */
#define SR_C_LSTAT	 0x0400ULL /* %lstat */
#define SR_C_FSTAT	 0x0800ULL /* %fstat */
#define SR_C_STATFS	 0x1000ULL /* %statfs */
#define SR_C_FSTATFS	 0x2000ULL /* %fstatfs */
#define SR_C_PURE	 0x4000ULL /* %pure: no arguments, always succeeds */
#define SR_C_STAT_LIKE	 0x8000ULL /* %%stat */
#define SR_C_STATFS_LIKE 0x10000ULL /* %%statfs */
#define SR_C_ALL	 ((SR_C_STATFS_LIKE << 1) - 1)

/*
 * Never waits for I/O or for another process: printed whole at exit from
 * one record, which halves its cost. Anything that can wait keeps its entry
 * record, so a stuck call shows at once, unfinished: path lookups (on NFS
 * or FUSE they hang as long as the server does), anything that may close a
 * file (close, dup2), lseek (SEEK_DATA asks the server), madvise (it faults
 * pages in). A call that reads inputs at entry keeps its entry record anyway.
 */
#define SR_F_NB	   (1ULL << 32)
#define SR_F_FORK  (1ULL << 33) /* two tasks return from it; the child's 0 is not shown */
#define SR_F_EXEC  (1ULL << 34) /* replaces the program: argv at entry, cloexec fds close */
#define SR_F_SOCK  (1ULL << 35) /* may change argument 0's socket addresses (-yy, --peer) */
#define SR_F_CXALL (1ULL << 36) /* the fd it creates is close-on-exec whatever the flags */
/* Restores the registers, the syscall number too: its exit reports -1 (rt_sigreturn). */
#define SR_F_REGS (1ULL << 37)
/*
 * Reaps the child its siginfo output names (its first STRUCT_OUT argument)
 * unless its wait options (its first FLAGS argument) have WNOWAIT: waitid.
 */
#define SR_F_REAPSI (1ULL << 38)
#define SR_F_ALL    (0x7fULL << 32)

/* What a syscall does to the fd tables (fd/replay.c); its fd's from the kernel side. */
enum sr_fdact {
	SR_FD_NONE = 0,
	SR_FD_NEWFD, /* returns a new fd, described at exit */
	SR_FD_MEMFD, /* ...a memfd, named "/memfd:" + argument 0 */
	SR_FD_PIDFD, /* ...a pidfd for process argument 0 */
	SR_FD_SIGNALFD, /* ...or argument 0 updated: that one keeps its close-on-exec */
	SR_FD_DUP, /* the new fd shares argument 0's file */
	SR_FD_PAIR, /* two new fds in the int[2] of its output argument */
	SR_FD_CLOSE, /* argument 0 closes (even when the call fails) */
	SR_FD_CLOSE_RANGE,
	SR_FD_FCNTL, /* F_DUPFD, F_SETFD */
	SR_FD_CHDIR, /* the cwd moves to path argument 0 */
	SR_FD_FCHDIR, /* ...to argument 0's directory */
	SR_FD_UNLINK, /* path argument 0 is gone */
	SR_FD_RMDIR, /* ...a directory */
	SR_FD_UNLINKAT, /* dirfd, path, AT_REMOVEDIR */
	SR_FD_RENAME, /* path 0 -> path 1 */
	SR_FD_RENAMEAT, /* dirfd, path -> dirfd, path[, RENAME_* flags] */
	SR_FD_UNSHARE, /* CLONE_FILES: a table of its own */
	SR_FD_CLONE, /* CLONE_PIDFD: a pidfd stored where argument 2 points */
	SR_FD_CLONE3, /* CLONE_PIDFD in struct clone_args: somewhere */
	SR_FD_IOCTL, /* the result may be a new fd (NS_GET_USERNS, KVM_CREATE_VM...) */
	SR_FD_BPF, /* BPF_MAP_CREATE... return a new fd */
	SR_FD_SECCOMP, /* SECCOMP_FILTER_FLAG_NEW_LISTENER returns a new fd */
	SR_FD_SENDMSG, /* SCM_RIGHTS sent on argument 0 */
	SR_FD_RECVMSG, /* SCM_RIGHTS received on argument 0 */
	SR_FD_URING_SETUP, /* io_uring_setup: a new fd, and maybe a new ring at an old address */
	SR_FD_URING_REG, /* io_uring_register: may change a ring's fixed files */
	SR_FD_SETNS, /* entering a mount namespace moves the cwd to its root */
	SR_FD_MAX,
};

#define SR_FD_SHIFT 40
#define SR_FD_MASK  (0xffULL << SR_FD_SHIFT)
/* The fd action of @e: enum sr_fdact. */
#define SR_FDACT(e) ((enum sr_fdact)(((e)->flags & SR_FD_MASK) >> SR_FD_SHIFT))

struct sr_sysent {
	const char *name;
	int nr; /* -1 when this architecture lacks it */
	uint8_t nargs;
	uint8_t ret; /* enum sr_rtype */
	uint8_t split; /* arguments [0, split) print at entry, the rest at exit */
	uint64_t flags; /* SR_C_* classes, SR_F_* behaviour, SR_FD_* action */
	struct sr_argdesc args[SR_NARGS];
	const struct sr_scdec *dec; /* SCX rows: prints the whole argument list */
	bool raw; /* no table row: arguments print as six hex words */
	/*
	 * -N: each argument's name, generated from the section 2 man pages and
	 * user/table/argnames.txt (scripts/gen-argnames.py); "" for one strace
	 * prints unnamed, NULL where the row has none (see syscalls__arg_name).
	 */
	const char *argnames[SR_NARGS];
	bool unnamed; /* nor a name: a number this build does not know, "syscall_0x1c3" */
	/*
	 * An ia32 task's call (syscalls__get_compat): arguments are 32-bit
	 * registers (a long is sign-extended from 32 bits), pointers and
	 * iovecs 4 bytes wide.
	 */
	bool ia32;
	/*
	 * A call whose arguments depend on a command (keyctl's): the rows of
	 * include/sysray/commands.def by the value of argument sel_arg (its low
	 * 32 bits), nsubs of them, a row without a name where the command has
	 * none (the call's own row serves). Each prints and captures as a row
	 * of its own (syscalls__select, table/plan.c). Made at init; NULL in
	 * ia32 and -e raw= entries.
	 */
	struct sr_sysent *subs;
	uint16_t nsubs;
	uint8_t sel_arg;
	/* A row of commands.def (@sub): the command it is for (bpf's plan by command). */
	bool sub;
	uint32_t sel_value;
};

/**
 * syscalls__arg_name() - the name -N prints before argument @i of @e:
 * strace 6.16's; "arg1".."arg6" (strace's printargs) for an entry printed
 * raw or a row the names do not cover; "" for one strace leaves unnamed.
 */
const char *syscalls__arg_name(const struct sr_sysent *e, int i);

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
 * syscalls__get_compat() - the entry for i386 syscall @nr of an ia32 task:
 * its name from the i386 table, its arguments from its row in
 * include/sysray/syscalls32.def or its x86_64 twin's, each argument whose
 * ia32 layout sysray does not know shown as an address (table/compat.c).
 * Never NULL.
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

/** syscalls__row_named() - the row of syscalls.def named @name, as written, or NULL. */
const struct sr_sysent *syscalls__row_named(const char *name);

/* syscalls__finish() - set @e's split from its argument types (table/ only). */
void syscalls__finish(struct sr_sysent *e);

/* syscalls__make_raw() - @e: syscall @nr with six hex arguments, named "syscall_0x..." in @namebuf. */
void syscalls__make_raw(struct sr_sysent *e, int nr, char *namebuf, size_t len);

/*
 * syscalls32__fill() - turn raw ia32 entry @e into i386 syscall @name's:
 * its syscalls32.def row, or its x86_64 twin's adapted (table/compat.c).
 */
void syscalls32__fill(struct sr_sysent *e, const char *name);

/*
 * syscalls32__line() - the i386 name of line @i of syscalls32.def (its
 * x86_64 twin's in @twin, or NULL), or NULL past the last (for tests).
 */
const char *syscalls32__line(size_t i, const char **twin);

/**
 * syscalls__select() - the row a call of @e with arguments @args prints by:
 * its command's (struct sr_sysent.subs), or @e. Never NULL.
 */
const struct sr_sysent *syscalls__select(const struct sr_sysent *e, const uint64_t *args);

/*
 * commands__init() - give the entries of @ents (@n of them, by number) the
 * rows of include/sysray/commands.def (table/ only). Return 0 or -errno.
 */
int commands__init(struct sr_sysent *ents, int n);

/** syscalls__by_name() - the entry named @name, or NULL. */
const struct sr_sysent *syscalls__by_name(const char *name);

/** syscalls__count() - one past the largest known syscall number. */
int syscalls__count(void);

/** syscalls__row() - row @i of syscalls.def as written (for tests), or NULL. */
const struct sr_sysent *syscalls__row(size_t i);

/**
 * syscalls__cloexec_arg() - the argument of @e whose flags say whether the fd
 * it creates is close-on-exec (struct sr_argdesc.cloexec), or -1.
 */
int syscalls__cloexec_arg(const struct sr_sysent *e);

/**
 * syscalls__changes_fds() - does @e change fd tables or cwds (an fd action,
 * execve, a socket's addresses)? The fd tables replay it.
 */
bool syscalls__changes_fds(const struct sr_sysent *e);

/**
 * syscalls__touches_files() - can a call of @e name a file or an fd, as -P
 * and --trace-fds select them: one of strace's %file, %desc or %network
 * calls with a path naming a file (not a symlink's target), an fd, or an
 * fd-holding argument. Raw entries never do (their arguments are not decoded).
 */
bool syscalls__touches_files(const struct sr_sysent *e);

/*
 * syscalls__arg_is_32() - is argument @i of @e a 32-bit int (the kernel
 * reads the register's low half)?
 */
bool syscalls__arg_is_32(const struct sr_sysent *e, int i);
/* syscalls__len_arg() - argument @i of @args as a count: its low half if 32-bit. */
uint64_t syscalls__len_arg(const struct sr_sysent *e, const uint64_t *args, int i);
/** syscalls__is_output() - is argument @a printed at exit? */
bool syscalls__is_output(const struct sr_argdesc *a);

#endif /* SYSRAY_SYSCALLS_H */
