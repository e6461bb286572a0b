/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Inside the fd model (user/fd/): the objects its files share and what each
 * file offers the others. Nothing outside user/fd/ includes it but the
 * unit tests, for its counters.
 *
 * Three levels, as in the kernel: a struct fdf_file is what an open file
 * description is (a path, a pipe, a socket and its addresses), shared by the
 * fds that dup'ed it and by forked copies of a table; a struct fdt_files is
 * a descriptor table (files_struct), shared by threads and by CLONE_FILES
 * children; a struct fdt_proc is one traced process (its table and cwd).
 *
 * Who calls whom, lowest first (no cycle):
 *   files.c    file objects, their indexes, the SCM_RIGHTS queue's storage
 *   tables.c   descriptor tables: slots, install, copy, cwd      -> files
 *   procfs.c   the /proc fallback: reads, builds files            -> files
 *   paths.c    path join, resolve, unlink and rename, cwd moves   -> files, tables
 *   procs.c    process registry, eviction, lookups with /proc     -> files, tables, procfs
 *   scm.c      SCM_RIGHTS: messages sent and received             -> files, tables
 *   peer.c     --peer: the process at the other end of a socket   -> files, procs, procfs
 *   replay.c   what each syscall does to the tables (on_syscall)  -> all above
 *   prepare.c  what a line will print, resolved before it prints  -> procs, paths, peer, scm, replay
 *   describe.c the annotation text, reading only (const)          -> files, procs, paths, scm
 *   sockproto.c a socket's netlink protocol, for the decoders     -> procs, /proc
 */
#ifndef SYSRAY_FD_MODEL_H
#define SYSRAY_FD_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include <linux/magic.h>

#include "fd/fdtab.h"
#include "lib/idmap.h"

struct sr_call;
struct sr_blob;
struct sr_fdinfo;
struct sr_sbuf;

/* Highest fd number tracked per process; larger ones go to the fallback. */
#define FDT_MAX_FD 65536
/* Open fds tracked in all processes together. */
#define FDT_MAX_OPEN (1u << 20)
/* Processes tracked at once; at the cap, exited and then idle ones are dropped. */
#define FDT_MAX_PROCS 65536
/* Files passed with SCM_RIGHTS: sent on a unix socket, not yet received. */
#define FDT_MAX_INFLIGHT 4096
/* SCM_RIGHTS fds looked at in one message. */
#define FDT_MAX_SCM 64
/* --peer answers prepared for the new fds of the call about to print. */
#define FDT_MAX_NEWPEERS 4

/* A device number as the kernel keeps it: major << 20 | minor (include/linux/kdev_t.h). */
#define FDF_MINORBITS 20
#define FDF_MINORMASK ((1u << FDF_MINORBITS) - 1)
/* The anon inode name of a pidfd, before pidfs (Linux 6.9) and in /proc. */
#define FDF_PIDFD_NAME "[pidfd]"
#define FDF_PIDFD_LEN  (sizeof(FDF_PIDFD_NAME) - 1)
/* Return values -MAX_ERRNO..-1 are errors (include/linux/err.h). */
#define FDF_MAX_ERRNO 4095

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
	 * set, is a guess that stands when the process is gone by then, and
	 * with FDT_MADE also when the fd is (closed since: the call made it).
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

struct fdt_inflight {
	uint64_t ino; /* the receiving socket */
	uint64_t msg; /* the sendmsg it came with: a recvmsg takes one message */
	struct fdf_file *f; /* NULL: the sender's table did not know it */
};

/* fdt_slot.unknown: the fd is surely what a call made, of a kind the guess tells. */
#define FDT_MADE 2

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
	struct fdt_ring *rings; /* io_uring rings' fixed files (rings.c); a list */
};

/* --peer's answer for a new fd the call describes, worked out by fdtab__prepare(). */
struct fdt_newpeer {
	uint32_t tid; /* the call's thread */
	int fd;
	uint64_t ino;
	uint32_t pid;
	char comm[16];
};

struct sr_fdtab {
	int mode; /* 0: tracked, not shown (--absolute-paths); 1: -y; 2: -yy (socket details) */
	uint8_t kinds; /* what annotations show: SR_FDK_* (--decode-fds=SET) */
	bool peer; /* --peer */
	uint8_t hexstr; /* -x: enum sr_hexstr, how annotations escape their text */
	bool bound_inactive; /* inet_diag shows bound, unconnected TCP sockets */
	char proc_root[64]; /* "/proc"; empty: no /proc at all (unit tests) */
	struct idmap procs; /* tgid -> struct fdt_proc */
	struct idmap paths; /* path hash -> struct fdf_file chain */
	struct idmap socks; /* socket inode -> struct fdf_file */
	/*
	 * path hash -> how many indexed paths are below that directory, plus
	 * cwds at or below it (a count, not a pointer): files.c dirs_count()
	 */
	struct idmap dirs;
	size_t nopen; /* open slots in all tables */
	size_t nfiles; /* struct fdf_file allocated */
	uint32_t epoch; /* events were lost: bumped, tables older than it are suspect */
	uint64_t clock; /* counts process lookups (fdt_proc.used) */
	uint32_t holders_gen; /* bumped by forks and exits: which process holds a file changed */
	struct fdt_inflight *fly; /* oldest first; a message's entries are adjacent */
	size_t nfly, capfly;
	uint64_t flymsg; /* sendmsg calls queued */
	bool abs_paths; /* --absolute-paths */
	/* walks of the whole path index by rename (a directory with paths below it) */
	uint64_t path_scans;
	struct fdt_newpeer newpeers[FDT_MAX_NEWPEERS];
	int nnewpeers;
};

/* rings.c: io_uring fixed files. Forget what @p's rings hold (NULL-safe @p). */
void fdt__rings_forget(struct sr_fdtab *t, struct fdt_proc *p);
/* io_uring_register() @c changed a ring's fixed files: what its record says, or forget all. */
void fdt__rings_register(struct sr_fdtab *t, struct fdt_proc *p, const struct sr_call *c);
/* describe.c: "<fixed:...>" for @f. */
size_t desc__fixed(const struct sr_fdtab *t, const struct fdf_file *f, uint32_t tgid, char *buf,
		   size_t size);

/* files.c: file objects, the path and socket indexes, the SCM_RIGHTS queue. */
struct fdf_file *fdf__new(struct sr_fdtab *t, uint8_t kind, const char *name, size_t namelen);
/* Drop a reference; the last one unindexes and frees @f. NULL-safe. */
void fdf__put(struct sr_fdtab *t, struct fdf_file *f);
/* A file described by a kernel fdinfo blob, indexed; @name is namelen bytes after it. */
struct fdf_file *fdf__from_info(struct sr_fdtab *t, const struct sr_fdinfo *fi, uint32_t owner);
/* Fill @f (on the stack, not counted) from a blob, for a one-off description. */
void fdf__init_from_info(struct fdf_file *f, struct fdf_sock *sk, const struct sr_fdinfo *fi);
/* A socket's description changed (bind, connect...): every fd sharing it sees it. */
void fdf__update(struct sr_fdtab *t, struct fdf_file *f, const struct sr_fdinfo *fi);
/* Replace @f's name with @len bytes of @name. Return 0 or -ENOMEM. */
int fdf__set_name(struct fdf_file *f, const char *name, size_t len);
/* Enter a file in the path and socket indexes; take it out of the path index. */
void fdf__index(struct sr_fdtab *t, struct fdf_file *f);
void fdf__unindex_path(struct sr_fdtab *t, struct fdf_file *f);
/* Rename @f to @len bytes of @name, in the path index too. */
void fdf__rename(struct sr_fdtab *t, struct fdf_file *f, const char *name, size_t len);
/* The path index key of @len bytes of @s. */
uint64_t fdf__path_hash(const char *s, size_t len);
/* Count @delta for every directory above @name, and @name itself if @self. */
void fdf__dirs_count(struct sr_fdtab *t, const char *name, size_t len, bool self, int delta);
/* Is any indexed path below @path (@len bytes), or any cwd at or below it? */
bool fdf__dirs_used(const struct sr_fdtab *t, const char *path, size_t len);
/*
 * What only the call knows of the file it created: a pidfd's process, the
 * name of a memfd or namespace the kernel side cannot walk to. @f->name
 * may point into @buf afterwards.
 */
void fdf__fixup(struct fdf_file *f, const struct sr_call *c, char *buf, size_t size);
/* Kernel protocol name of a socket ("TCP", "UNIX-STREAM"), or NULL. */
const char *fdf__proto(const struct fdf_sock *sk);
/* Would sock_diag list the socket (else strace prints "PROTO:[ino]")? */
bool fdf__listed(const struct sr_fdtab *t, const struct fdf_file *f);
/* -yy: strace keeps the first description it printed: freeze @f if it would print one. */
void fdf__freeze_if_listed(const struct sr_fdtab *t, struct fdf_file *f);
/* The SCM_RIGHTS queue: forget what was sent to socket @ino; forget all. */
void fly__drop(struct sr_fdtab *t, uint64_t ino);
void fly__clear(struct sr_fdtab *t);
/* @c's fdinfo blobs, one after the other from *@it (NULL: the first). */
const struct sr_fdinfo *fdi__next(const struct sr_call *c, const struct sr_blob **it);
/* The description of @fd from @c's exit, taken from @src (SR_FDI_SRC_RET, or an argument). */
const struct sr_fdinfo *fdi__find(const struct sr_call *c, int fd, unsigned int src);
/* A path argument of @c: its bytes up to the NUL; NULL if not captured. */
const char *fdi__path_arg(const struct sr_call *c, int i, size_t *len);
/* Did @c return an error (-4095..-1)? */
bool fdi__failed(const struct sr_call *c);
/* Is @c a native call, by whose table row the tables may act? */
bool fdi__native(const struct sr_call *c);

/* tables.c: descriptor tables. */
struct fdt_files *fdt__files_new(bool complete);
void fdt__files_put(struct sr_fdtab *t, struct fdt_files *fs);
/* A copy for a forked child: the same files, none of the closes under way. */
struct fdt_files *fdt__files_copy(struct sr_fdtab *t, const struct fdt_files *src);
/* @fs may hold fds the stream did not describe: /proc is asked for any it does not hold. */
void fdt__files_forget(struct fdt_files *fs);
/* The slot of @fd; @grow: make room for it. NULL if out of range (or no room). */
struct fdt_slot *fdt__slot(struct fdt_files *fs, int fd, bool grow);
void fdt__slot_clear(struct sr_fdtab *t, struct fdt_slot *s);
/* Install @f (a reference the table takes over; NULL: unknown) as @fd of @fs. */
void fdt__install(struct sr_fdtab *t, struct fdt_files *fs, int fd, struct fdf_file *f,
		  bool cloexec);
/* Install @f, learned from /proc: the file the process had, so a close under way still closes it. */
void fdt__learn(struct sr_fdtab *t, struct fdt_files *fs, int fd, struct fdf_file *f, bool cloexec);
/* The anon inode a bpf() command's new fd is ("bpf-prog"), or NULL when the command does not say. */
const char *fdt__bpf_anon_name(uint64_t cmd);
/* @fd of @fs was closed. */
void fdt__close_fd(struct sr_fdtab *t, struct fdt_files *fs, int fd);
/* The file at @fd of @p's table, or NULL. */
struct fdf_file *fdt__file_at(const struct fdt_proc *p, int fd);
/* Replace @p's cwd with @cwd (malloc'ed, taken over; NULL: unknown). */
void fdt__set_cwd(struct sr_fdtab *t, struct fdt_proc *p, char *cwd);

/* procfs.c: everything that reads /proc, each at most once per object. */
/* One fd of a process, from /proc/PID/fd/N; NULL if it is not there. */
struct fdf_file *fdproc__fd(struct sr_fdtab *t, uint32_t tgid, int fd, bool *cloexec);
/* Call @fn for each fd /proc/PID/fd lists. Return 0 or -errno. */
int fdproc__each_fd(const struct sr_fdtab *t, uint32_t tgid, void (*fn)(void *ctx, int fd),
		    void *ctx);
/* Fill in a socket's family and addresses from /proc/PID/net and sock_diag. */
void fdproc__sock_details(struct sr_fdtab *t, struct fdf_file *f);
/* Who holds the socket with inode @ino (a /proc/PID/fd scan); 0 if nobody. */
uint32_t fdproc__sock_owner(const struct sr_fdtab *t, uint64_t ino);
/* The inode of the TCP socket with this local and remote end, from /proc/net. */
uint64_t fdproc__tcp_ino(const struct sr_fdtab *t, uint32_t tgid, const struct fdf_sock *want);
/* /proc/PID/comm into @buf (16 bytes); false if gone. */
bool fdproc__comm(const struct sr_fdtab *t, uint32_t pid, char *buf);
/* /proc/PID/cwd: a malloc'ed path, *deleted set; NULL if gone. */
char *fdproc__cwd(const struct sr_fdtab *t, uint32_t pid, bool *deleted);
/* Is process @tgid gone (no /proc: it is)? */
bool fdproc__gone(const struct sr_fdtab *t, uint32_t tgid);
/* Does inet_diag list bound TCP sockets that neither listen nor connect (Linux 6.7)? */
bool fdproc__dumps_bound(void);

/* paths.c: paths as the kernel walks them, and what unlink and rename do. */
/* @rel joined to @base, "." and ".." resolved; the length, or -1 if too long. */
int fdt__path_join(const char *base, const char *rel, size_t rlen, char *buf, size_t size);
/* Where @path of @p resolves to, from @dirfd; -1 if the base is not known. */
int fdt__resolve(const struct fdt_proc *p, int dirfd, const char *path, size_t len, char *buf,
		 size_t size);
/* A path the kernel side cut short (SR_FDI_TRUNC), whole from @c's path argument; or -1. */
int fdt__whole_path(const struct fdt_proc *p, const struct sr_call *c, const struct sr_fdinfo *fi,
		    char *buf, size_t size);
/* Files named @path are unlinked (and a cwd there, if @dir). */
void fdt__mark_deleted(struct sr_fdtab *t, const char *path, size_t len, bool dir);
/* Open files and cwds at or below @from are now below @to. */
void fdt__rename_paths(struct sr_fdtab *t, const char *from, const char *to);
/* @p's cwd is now @path; or unknown, for /proc to say when asked. */
void fdt__cwd_set(struct sr_fdtab *t, struct fdt_proc *p, const char *path, bool deleted);
void fdt__cwd_unknown(struct sr_fdtab *t, struct fdt_proc *p);

/* procs.c: the traced processes. */
/* The process @tgid; one never seen is read from /proc once, now. NULL: no room. */
struct fdt_proc *fdt__proc(struct sr_fdtab *t, uint32_t tgid);
/* The process @tgid if the tables hold it, without a lookup that changes anything. */
const struct fdt_proc *fdt__proc_known(const struct sr_fdtab *t, uint32_t tgid);
/* What @fd of @tgid is, with a reference; asks /proc once where the table cannot tell. */
struct fdf_file *fdt__lookup(struct sr_fdtab *t, uint32_t tgid, int fd);
/* @p's cwd, read from /proc once when the stream never said. */
void fdt__cwd_refresh(struct sr_fdtab *t, struct fdt_proc *p);
/* A traced process other than @other_than whose table holds @f: @prefer if it does. */
uint32_t fdt__holder(const struct sr_fdtab *t, const struct fdf_file *f, uint32_t other_than,
		     uint32_t prefer);
/* Give @p a table of its own (execve, unshare, CLOSE_RANGE_UNSHARE). */
void fdt__unshare(struct sr_fdtab *t, struct fdt_proc *p);

/* scm.c: SCM_RIGHTS. */
void scm__send(struct sr_fdtab *t, struct fdt_proc *p, const struct sr_call *c);
void scm__recv(struct sr_fdtab *t, struct fdt_proc *p, const struct sr_call *c);
/* A fd recvmsg installed, before the tables learn it: the file queued for it, or NULL. */
struct fdf_file *scm__peek(const struct sr_fdtab *t, const struct fdt_proc *p,
			   const struct sr_call *c, int fd);

/* peer.c: --peer. */
/* Work out who is at the other end of socket @f for @asker, once per state: f->sk->peer_*. */
void peer__resolve(struct sr_fdtab *t, struct fdf_file *f, uint32_t asker, sr_fd_comm_fn comm,
		   void *ctx);
/* Is @f's answer for @asker worked out and current? */
bool peer__current(const struct sr_fdtab *t, const struct fdf_file *f, uint32_t asker);

/* describe.c */
/* The file @c's exit describes in @fi, on the stack; false if its path is cut short for good. */
bool desc__new_file(const struct sr_fdtab *t, const struct sr_call *c, const struct sr_fdinfo *fi,
		    struct fdf_file *f, struct fdf_sock *sk, char *buf, size_t size);

/* replay.c */
/* close's entry was printed: remember it began, for its exit (replay.c on_close). */
void fdt__close_begins(struct sr_fdtab *t, const struct sr_call *c, int fd);

#endif /* SYSRAY_FD_MODEL_H */
