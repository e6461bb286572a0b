/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Inside the fd tables (fdtab.c), shared with the annotation printer
 * (fdfmt.c) and the /proc fallbacks (fdproc.c). Nothing outside these three
 * files includes it.
 *
 * Three levels, as in the kernel: a struct fdf_file is what an open file
 * description is (a path, a pipe, a socket and its addresses), shared by the
 * fds that dup'ed it and by forked copies of a table; a struct fdt_files is
 * a descriptor table (files_struct), shared by threads and by CLONE_FILES
 * children; a struct fdt_proc is one traced process (its table and cwd).
 */
#ifndef SYSRAY_FDTAB_IMPL_H
#define SYSRAY_FDTAB_IMPL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <linux/magic.h>

#include "lib/idmap.h"

struct sr_out;
struct sr_fdinfo;

/* Highest fd number tracked per process; larger ones go to the fallback. */
#define FDT_MAX_FD 65536
/* Open fds tracked in all processes together. */
#define FDT_MAX_OPEN (1u << 20)
/* Processes tracked at once; at the cap, exited and then idle ones are dropped. */
#define FDT_MAX_PROCS 65536

/* Filesystem magics that decide how an fd is named: linux/magic.h. */
#ifndef PIDFS_MAGIC
#define PIDFS_MAGIC 0x50494446 /* Linux 6.9; older headers lack it */
#endif

enum fdf_kind {
	FDF_PATH = 1, /* a file or directory: its path */
	FDF_PIPE, /* "pipe:[ino]" */
	FDF_SOCKET, /* "socket:[ino]", -yy: "TCP:[...]" */
	FDF_ANON, /* "anon_inode:" + name */
	FDF_PIDFD, /* "anon_inode:[pidfd]", -yy: "pid:N" */
	FDF_RAW, /* a name printed as /proc shows it: "net:[4026531840]" */
};

/* struct fdf_file.flags */
#define FDF_DELETED   0x1 /* unlinked: strace prints "(deleted)" after it */
#define FDF_INDEXED   0x2 /* in the path index */
#define FDF_SK_KNOWN  0x4 /* socket family/type/addresses are known */
#define FDF_SK_TRIED  0x8 /* a /proc lookup of the socket was made (once) */
#define FDF_PEER_DONE 0x10 /* --peer: peer_pid/peer_comm are resolved */
/*
 * -yy printed the socket's details: strace 6.1 keeps the first description
 * sock_diag gave for an inode and shows it from then on, so later changes
 * (a connect after an autobind) are not shown, here either.
 */
#define FDF_FROZEN 0x20
/* SCM_RIGHTS sent to this socket are no longer followed (the queue overflowed) */
#define FDF_SCM_LOST 0x40

struct fdf_sock {
	uint16_t family;
	uint16_t type;
	uint16_t protocol;
	uint8_t state;
	uint16_t lport; /* host order */
	uint16_t rport;
	uint32_t lport32; /* netlink port id */
	uint8_t laddr[16];
	uint8_t raddr[16];
	uint64_t peer_ino; /* unix: the peer socket's inode */
	uint32_t peer_pid; /* unix: the peer when it connected (SO_PEERCRED) */
	uint32_t peer_found; /* --peer, FDF_PEER_DONE: the process at the other end */
	uint32_t peer_asker; /* ... as seen from this process (it is not its own peer) */
	uint32_t peer_gen; /* ... when sr_fdtab.holders_gen was this */
	char peer_comm[16];
	char proto[16]; /* protocol name from /proc (xattr), when family is unknown */
};

/* An open file description. Reference counted: fd slots and tables share it. */
struct fdf_file {
	uint32_t refs;
	uint8_t kind; /* enum fdf_kind */
	uint8_t flags; /* FDF_* */
	uint32_t mode; /* i_mode */
	uint32_t rdev; /* kernel encoding: major << 20 | minor */
	uint32_t magic;
	uint64_t ino;
	uint32_t owner; /* the process that created or learned it (--peer) */
	uint32_t pid; /* FDF_PIDFD: the process it refers to */
	char *name; /* path, unix socket name, anon inode name; NUL-terminated */
	uint32_t namelen; /* bytes of name (a unix name may hold NULs) */
	struct fdf_sock *sk; /* FDF_SOCKET */
	uint64_t hkey; /* FDF_INDEXED: the path index key */
	struct fdf_file *hnext; /* FDF_INDEXED: next file with the same key */
};

struct fdt_slot {
	struct fdf_file *f; /* NULL: not open (or, in an incomplete table, unknown) */
	uint8_t cloexec;
	uint8_t closed; /* seen closed: no /proc fallback for it */
	/*
	 * Opened in a way the stream did not describe: ask /proc once. @f, if
	 * set, is a guess that stands when the process is gone by then.
	 */
	uint8_t unknown;
	/*
	 * A close of this fd by thread close_tid was seen starting (its entry
	 * printed) and has not returned. If the number is given out again
	 * before it returns, it becomes over_tid, and its exit leaves the slot
	 * alone: the kernel closed the old file when the close began.
	 */
	uint32_t close_tid;
	uint32_t over_tid;
};

/* Files passed with SCM_RIGHTS: sent on a unix socket, not yet received. */
#define FDT_MAX_INFLIGHT 4096

struct fdt_inflight {
	uint64_t ino; /* the receiving socket */
	uint64_t msg; /* the sendmsg it came with: a recvmsg takes one message */
	struct fdf_file *f; /* NULL: the sender's table did not know it */
};

/* A descriptor table: shared by threads and CLONE_FILES children. */
struct fdt_files {
	uint32_t refs;
	uint32_t nslots;
	struct fdt_slot *slots;
	/*
	 * Every open fd is in the table: it was read whole from /proc, or
	 * copied from a complete one. In an incomplete table an fd never seen
	 * is looked up in /proc.
	 */
	bool complete;
	uint32_t epoch; /* sr_fdtab.epoch when last checked for losses */
};

struct fdt_proc {
	uint32_t tgid;
	struct fdt_files *files;
	char *cwd; /* NULL: unknown */
	bool cwd_deleted;
	bool cwd_stale; /* ask /proc for the cwd once, at next use; else @cwd stands */
	uint32_t epoch; /* sr_fdtab.epoch when last checked for losses */
	uint64_t used; /* sr_fdtab.clock when last used: the oldest go first at the cap */
};

/* What a syscall does to the tables, by number. */
struct fdt_act {
	uint8_t act; /* enum fdt_action in fdtab.c */
	int8_t cx_arg; /* the argument holding its close-on-exec flag, or CX_* */
	uint32_t cx_mask;
};

struct sr_fdtab {
	int mode; /* 0: tracked, not shown (--absolute-paths); 1: -y; 2: -yy */
	bool peer; /* --peer */
	bool bound_inactive; /* inet_diag shows bound, unconnected TCP sockets */
	char proc_root[64]; /* "/proc"; empty: no /proc at all (unit tests) */
	struct idmap procs; /* tgid -> struct fdt_proc */
	struct idmap paths; /* path hash -> struct fdf_file chain */
	struct idmap socks; /* socket inode -> struct fdf_file */
	/*
	 * path hash -> how many indexed paths are below that directory, plus
	 * cwds at or below it (a count, not a pointer): dirs_count() in fdtab.c
	 */
	struct idmap dirs;
	size_t nopen; /* open slots in all tables */
	uint32_t epoch; /* events were lost: bumped, tables older than it are suspect */
	uint64_t clock; /* counts process lookups (fdt_proc.used) */
	uint32_t holders_gen; /* bumped by forks and exits: which process holds a file changed */
	struct fdt_inflight *fly; /* oldest first; a message's entries are adjacent */
	size_t nfly, capfly;
	uint64_t flymsg; /* sendmsg calls queued */
	struct fdt_act act[512]; /* per syscall number (SR_NR_MAX) */
	const char *(*comm_of)(void *ctx, uint32_t pid);
	void *comm_ctx;
};

/* fdtab.c */
struct fdf_file *fdf__new(struct sr_fdtab *t, uint8_t kind, const char *name, size_t namelen);
void fdf__put(struct sr_fdtab *t, struct fdf_file *f);
/* A file described by a kernel fdinfo blob; @name is namelen bytes after it. */
struct fdf_file *fdf__from_info(struct sr_fdtab *t, const struct sr_fdinfo *fi, uint32_t owner);
/* Replace @f's name with @len bytes of @name. Return 0 or -ENOMEM. */
int fdf__set_name(struct fdf_file *f, const char *name, size_t len);
/* Enter a new file in the path and socket indexes. */
void fdf__index(struct sr_fdtab *t, struct fdf_file *f);
/* Install @f (a reference the table takes over; NULL: unknown) as @fd of @fs. */
void fdt__install(struct sr_fdtab *t, struct fdt_files *fs, int fd, struct fdf_file *f,
		  bool cloexec);
/*
 * A traced process other than @other_than whose table holds @f: @prefer if
 * it does, else the lowest such tgid; 0 if none. Scans every table.
 */
uint32_t fdt__holder(struct sr_fdtab *t, const struct fdf_file *f, uint32_t other_than,
		     uint32_t prefer);
/* Replace @p's cwd with @cwd (malloc'ed, taken over; NULL: unknown). */
void fdt__set_cwd(struct sr_fdtab *t, struct fdt_proc *p, char *cwd);
/* Fill @f (on the stack, not counted) from a blob, for a one-off annotation. */
void fdf__init_from_info(struct fdf_file *f, struct fdf_sock *sk, const struct sr_fdinfo *fi);

/* fdfmt.c */
/*
 * Print "<...>" (and "(deleted)") for @f, as strace -y / -yy do; @tgid is
 * the process printing it (--peer names another one).
 */
void fdfmt__file(struct sr_fdtab *t, struct sr_out *o, struct fdf_file *f, uint32_t tgid);
/* Print @len bytes as strace prints a path inside <...>: escaped, '<' and '>' too. */
void fdfmt__escaped(struct sr_out *o, const char *s, size_t len);
/* -yy: would strace find the socket with sock_diag now? Then freeze it. */
void fdfmt__freeze_if_listed(const struct sr_fdtab *t, struct fdf_file *f);
/* Kernel protocol name of a socket ("TCP", "UNIX-STREAM"), or NULL. */
const char *fdfmt__proto(const struct fdf_sock *sk);

/* fdproc.c: everything that reads /proc, each at most once per object. */
/* Read a process's fds and cwd into @p. Return 0 or -errno. */
int fdproc__seed(struct sr_fdtab *t, struct fdt_proc *p);
/* One fd of a process, from /proc/PID/fd/N; NULL if it is not there. */
struct fdf_file *fdproc__fd(struct sr_fdtab *t, uint32_t tgid, int fd, bool *cloexec);
/* Fill in a socket's family and addresses from /proc/PID/net and sock_diag. */
void fdproc__sock_details(struct sr_fdtab *t, struct fdf_file *f);
/* Who holds the socket with inode @ino (a /proc/PID/fd scan); 0 if nobody. */
uint32_t fdproc__sock_owner(struct sr_fdtab *t, uint64_t ino);
/* The inode of the TCP socket with this local and remote end, from /proc/net. */
uint64_t fdproc__tcp_ino(struct sr_fdtab *t, uint32_t tgid, const struct fdf_sock *want);
/* /proc/PID/comm into @buf (16 bytes); false if gone. */
bool fdproc__comm(struct sr_fdtab *t, uint32_t pid, char *buf);
/* /proc/PID/cwd: a malloc'ed path, *deleted set; NULL if gone. */
char *fdproc__cwd(struct sr_fdtab *t, uint32_t pid, bool *deleted);

#endif /* SYSRAY_FDTAB_IMPL_H */
