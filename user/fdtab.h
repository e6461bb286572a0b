/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What each file descriptor of each traced process is, for -y / -yy.
 * Learned from the syscall stream; /proc is only a fallback for descriptors
 * that existed before tracing began.
 */
#ifndef SYSRAY_FDTAB_H
#define SYSRAY_FDTAB_H

#include <stdint.h>

struct sr_fdtab;
struct sr_out;
struct sr_call;

/** fdtab__new() - @mode 1: paths (-y), 2: sockets too (-yy). NULL on ENOMEM. */
struct sr_fdtab *fdtab__new(int mode);
/** fdtab__free() - NULL-safe. */
void fdtab__free(struct sr_fdtab *t);
/** fdtab__annotate() - print "<what>" for @fd of @tgid, or nothing if unknown. */
void fdtab__annotate(struct sr_fdtab *t, struct sr_out *o, uint32_t tgid, int fd);
/** fdtab__on_syscall() - learn from a completed syscall (open, close, dup...). */
void fdtab__on_syscall(struct sr_fdtab *t, const struct sr_call *c);
/** fdtab__on_fork() - a child process starts with a copy of its parent's table. */
void fdtab__on_fork(struct sr_fdtab *t, uint32_t parent_tgid, uint32_t child_tgid);
/** fdtab__on_process_exit() - forget a process. */
void fdtab__on_process_exit(struct sr_fdtab *t, uint32_t tgid);

#endif /* SYSRAY_FDTAB_H */
