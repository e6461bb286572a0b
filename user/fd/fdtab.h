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
struct sr_sysent;

/** fdtab__wanted() - do options @o ask for fd tables (-y, --absolute-paths)? */
bool fdtab__wanted(const struct sr_opts *o);

/**
 * fdtab__tracks() - does syscall @e change fd tables or cwds? The kernel side
 * sends such calls even when -e or -z hides them, so the tables stay right.
 */
bool fdtab__tracks(const struct sr_sysent *e);

/**
 * fdtab__new() - tables for the options in @o: -y/-yy (decode_fds), --peer,
 * --absolute-paths. NULL with errno set on ENOMEM. @o is not kept.
 */
struct sr_fdtab *fdtab__new(const struct sr_opts *o);

/** fdtab__free() - NULL-safe. */
void fdtab__free(struct sr_fdtab *t);

/**
 * fdtab__set_proc_root() - where /proc is ("/proc" by default); NULL turns
 * every /proc read off (unit tests: processes first seen start empty).
 */
void fdtab__set_proc_root(struct sr_fdtab *t, const char *root);

/**
 * fdtab__set_comm_fn() - how --peer names a pid: @fn returns the comm the
 * trace knows for it (borrowed, at most 16 bytes) or NULL, then /proc is
 * asked.
 */
void fdtab__set_comm_fn(struct sr_fdtab *t, const char *(*fn)(void *ctx, uint32_t pid), void *ctx);

/**
 * fdtab__seed() - read @tgid's fds and cwd from /proc now, while it exists:
 * a launched command before it runs. Others are read when first seen.
 * Return 0 or -errno.
 */
int fdtab__seed(struct sr_fdtab *t, uint32_t tgid);

/**
 * fdtab__annotate() - print "<what>" for @fd, an argument of @c: what it
 * was when the call started. Nothing if unknown or not open.
 */
void fdtab__annotate(struct sr_fdtab *t, struct sr_out *o, const struct sr_call *c, int fd);

/**
 * fdtab__annotate_new() - the same for an fd that @c created (its return
 * value, pipe's array): described by the call's own exit record.
 */
void fdtab__annotate_new(struct sr_fdtab *t, struct sr_out *o, const struct sr_call *c, int fd);

/** fdtab__annotate_cwd() - "<cwd>" after AT_FDCWD, as strace -y prints it. */
void fdtab__annotate_cwd(struct sr_fdtab *t, struct sr_out *o, const struct sr_call *c);

/**
 * fdtab__abs_path() - --absolute-paths: @path (@len bytes) resolved against
 * @dirfd (AT_FDCWD: the cwd) of @c's process, into @buf. Return the length,
 * or -1 if @path is already absolute or the base is unknown.
 */
int fdtab__abs_path(struct sr_fdtab *t, const struct sr_call *c, int dirfd, const char *path,
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

/** fdtab__on_process_exit() - forget a process. */
void fdtab__on_process_exit(struct sr_fdtab *t, uint32_t tgid);

#endif /* SYSRAY_FDTAB_H */
