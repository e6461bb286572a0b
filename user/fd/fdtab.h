/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What each file descriptor of each traced process is, for -y / -yy,
 * --peer and --absolute-paths.
 *
 * The tables are learned from the syscall stream: the kernel side describes
 * every fd a call creates (struct sr_fdinfo blobs), and close, dup, fcntl,
 * close_range, execve (close-on-exec), fork, chdir, unlink, rename and
 * SCM_RIGHTS are replayed here. So a process that lived a millisecond still
 * prints right long after it is gone. /proc is read only for what the
 * stream cannot tell, once per process, fd or socket: the fds a process had
 * before it was traced; fds created without a description (clone's pidfd,
 * bpf, ioctl: a guess stands if the process is gone), or whose path was too
 * deep to walk; every table after lost events; and --peer's search for the
 * other end of a socket.
 *
 * State changes happen when records arrive: pairing calls fdtab__prepare()
 * before a line prints and fdtab__on_syscall() after. Printers only read,
 * through fdtab__describe() and fdtab__abs_path() (const tables).
 */
#ifndef SYSRAY_FDTAB_H
#define SYSRAY_FDTAB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct sr_fdtab;
struct sr_out;
struct sr_call;
struct sr_opts;

/*
 * Room for any annotation fdtab__describe() writes: a path of PATH_MAX
 * bytes, each escaped to at most 4 characters, and what surrounds it.
 */
#define SR_FD_ANNOT_MAX (4 * 4096 + 512)

/* What the fd of an annotation is (fdtab__describe()). */
enum sr_fd_when {
	SR_FDW_ARG, /* an argument: what it was when the call began */
	SR_FDW_NEW, /* an fd the call created: its return value, pipe's pair, F_DUPFD's */
	SR_FDW_CWD, /* AT_FDCWD: the cwd (the fd is not used) */
};

/* fdtab__prepare() parts: what is about to print of a call. */
#define SR_FDP_ENTRY 0x1 /* the arguments shown at entry */
#define SR_FDP_EXIT  0x2 /* the arguments shown at exit, and the return value */

/* --peer: the comm the trace knows for @pid (borrowed, at most 16 bytes), or NULL. */
typedef const char *(*sr_fd_comm_fn)(void *ctx, uint32_t pid);

/** fdtab__wanted() - do options @o ask for fd tables (-y, --absolute-paths, -P)? */
bool fdtab__wanted(const struct sr_opts *o);

/**
 * fdtab__new() - tables for the options in @o: -y/-yy (decode_fds), --peer,
 * --absolute-paths. NULL with errno set on ENOMEM. @o is not kept.
 */
struct sr_fdtab *fdtab__new(const struct sr_opts *o);

/* What the tables hold now (-d): each returns to its baseline as processes exit. */
struct sr_fd_state {
	size_t procs; /* processes */
	size_t files; /* open file descriptions, shared by dup'ed and inherited fds */
	size_t open; /* fd slots holding a file, in all tables */
	size_t socks; /* the socket index (by inode) */
	size_t paths; /* the path index (by hash) */
	size_t dirs; /* directories above indexed paths and cwds */
	size_t inflight; /* files sent with SCM_RIGHTS, not yet received */
};

/** fdtab__state() - count what @t holds into @st. */
void fdtab__state(const struct sr_fdtab *t, struct sr_fd_state *st);

/** fdtab__free() - NULL-safe. */
void fdtab__free(struct sr_fdtab *t);

/**
 * fdtab__set_proc_root() - where /proc is ("/proc" by default); NULL turns
 * every /proc read off (unit tests: processes first seen start empty).
 */
void fdtab__set_proc_root(struct sr_fdtab *t, const char *root);

/**
 * fdtab__seed() - read @tgid's fds and cwd from /proc now, while it exists:
 * a launched command before it runs. Others are read when first seen.
 * Return 0 or -errno.
 */
int fdtab__seed(struct sr_fdtab *t, uint32_t tgid);

/**
 * fdtab__prepare() - @c is about to print (@parts: SR_FDP_*): resolve what
 * its annotations will read. An fd the tables cannot tell is read from
 * /proc once and kept; -yy socket details are read and kept as strace
 * keeps the first it printed; --peer works out the process at the other end
 * of a socket, named by @comm (may be NULL), else by /proc.
 */
void fdtab__prepare(struct sr_fdtab *t, const struct sr_call *c, unsigned int parts,
		    sr_fd_comm_fn comm, void *ctx);

/**
 * fdtab__describe() - the annotation of @fd in @c's line, as strace -y
 * prints it after the number: "</etc/passwd>", "</tmp/x>(deleted)",
 * "<TCP:[127.0.0.1:5432]>", escaped as strace escapes it, into @buf (@size
 * bytes, SR_FD_ANNOT_MAX is always enough). Reads the tables only; call
 * fdtab__prepare() first. Return its length; 0 when nothing is known, when
 * it does not fit, or without -y.
 */
size_t fdtab__describe(const struct sr_fdtab *t, const struct sr_call *c, int fd,
		       enum sr_fd_when when, char *buf, size_t size);

/**
 * fdtab__describe_target() - the annotation of @fd of the process that
 * pidfd @pidfd of @c's process refers to, as fdtab__describe() writes it
 * (pidfd_getfd's targetfd: strace names it from that process's table).
 * Return its length; 0 when the pidfd or that process's fd is unknown, or
 * without -y. Reads only.
 */
size_t fdtab__describe_target(const struct sr_fdtab *t, const struct sr_call *c, int pidfd, int fd,
			      char *buf, size_t size);

/**
 * fdtab__path() - what @fd of @c's process is when @c starts, as readlink()
 * of /proc/PID/fd/FD names it ("/etc/passwd", "pipe:[1234]", without
 * " (deleted)"), into @buf: for -P. An fd the tables do not know (the
 * process had it before it was traced) is read from /proc once and kept,
 * as fdtab__prepare() would: -P asks for every call it considers, shown or
 * not, so what the tables learn does not depend on what prints. Return its
 * length, or -1 if unknown. Works without -y.
 */
int fdtab__path(struct sr_fdtab *t, const struct sr_call *c, int fd, char *buf, size_t size);

/**
 * fdtab__abs_path() - --absolute-paths: @path (@len bytes) resolved against
 * @dirfd (AT_FDCWD: the cwd) of @c's process, into @buf. Return the length,
 * or -1 if @path is already absolute or the base is unknown. Reads only.
 */
int fdtab__abs_path(const struct sr_fdtab *t, const struct sr_call *c, int dirfd, const char *path,
		    size_t len, char *buf, size_t size);

/** fdtab__on_syscall() - learn from a completed syscall (open, close, dup...). */
void fdtab__on_syscall(struct sr_fdtab *t, const struct sr_call *c);

/**
 * fdtab__on_orphan_exit() - an exit whose entry was not seen (attached
 * mid-call): its arguments are unknown, but the fds it created are described.
 */
void fdtab__on_orphan_exit(struct sr_fdtab *t, const struct sr_call *c);

/**
 * fdtab__on_fork() - @child_tgid starts with a copy of @parent_tgid's table,
 * or shares it (@share_files: clone with CLONE_FILES).
 */
void fdtab__on_fork(struct sr_fdtab *t, uint32_t parent_tgid, uint32_t child_tgid,
		    bool share_files);

/**
 * fdtab__on_lost() - records were lost: any table may be wrong. What the
 * tables hold is checked against /proc (once per fd, lazily) where the
 * process still exists, and stands where it does not. NULL-safe.
 */
void fdtab__on_lost(struct sr_fdtab *t);

/**
 * fdtab__on_uring() - learn what an io_uring request @c did to its ring's
 * fixed files (a direct open into a slot, a close of one).
 */
void fdtab__on_uring(struct sr_fdtab *t, const struct sr_call *c);

/**
 * fdtab__describe_fixed() - "<fixed:/path>": the file in slot @idx of the
 * ring of io_uring request @c, as far as the tables know it, into @buf.
 * Return its length; 0 when unknown or without -y. Reads only.
 */
size_t fdtab__describe_fixed(const struct sr_fdtab *t, const struct sr_call *c, int idx, char *buf,
			     size_t size);

/** fdtab__on_process_exit() - forget a process. */
void fdtab__on_process_exit(struct sr_fdtab *t, uint32_t tgid);

/**
 * fdtab__netlink_proto() - the netlink protocol (NETLINK_ROUTE...) of socket
 * @fd of @c's process, as strace asks the socket before it decodes netlink
 * messages: from the tables when they know the socket (@t may be NULL), else
 * from /proc/PID/fd and /proc/PID/net/netlink while the socket exists.
 * Return the protocol, SR_NL_UNKNOWN for a netlink socket whose protocol is
 * unknown, or SR_NL_NONE when @fd is not (known to be) a netlink socket.
 */
#define SR_NL_UNKNOWN (-1)
#define SR_NL_NONE    (-2)
int fdtab__netlink_proto(const struct sr_fdtab *t, const struct sr_call *c, int fd);

#endif /* SYSRAY_FDTAB_H */
