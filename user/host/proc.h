/* SPDX-License-Identifier: GPL-2.0 */
/*
 * /proc helpers: at start-up, in the loader's periodic check of launched
 * and attached processes, and for fds the stream cannot describe; never per
 * event.
 */
#ifndef SYSRAY_PROC_H
#define SYSRAY_PROC_H

#include <stdbool.h>
#include <stdint.h>
#include <stddef.h>
#include <sys/types.h>

/** proc__tgid() - thread group of @pid, or -errno (-ESRCH: no such process). */
/** proc__cap_effective() - this process's effective capabilities (bit n: capability n). */
uint64_t proc__cap_effective(void);

/**
 * proc__host_pidns() - 1 if this process is in the initial pid namespace
 * (the host's), 0 if not, -errno if /proc/self/ns/pid cannot be read.
 */
int proc__host_pidns(void);

pid_t proc__tgid(pid_t pid);

/** proc__ppid() - parent of @pid, or -errno. */
pid_t proc__ppid(pid_t pid);

/**
 * proc__gone() - has @pid exited (no such process, or a zombie) under the
 * /proc mounted at @root?
 */
bool proc__gone(const char *root, pid_t pid);

/** proc__comm() - task name of @pid into @buf; 0 or -errno. */
int proc__comm(pid_t pid, char *buf, size_t len);

/**
 * proc__relays() - processes that carry this process's output to the user
 * (sshd, tmux, screen, terminal emulators among our ancestors, and whoever
 * holds the master side of our terminal). Tracing them whole-host would feed
 * our own output back into the trace. Fills up to @max tgids; returns count.
 */
int proc__relays(pid_t *out, int max);

/**
 * proc__find_exe() - resolve @cmd like execvp() would, into @buf.
 * Return 0, or -errno with strace's wording left to the caller.
 */
int proc__find_exe(const char *cmd, char *buf, size_t len);

#endif /* SYSRAY_PROC_H */
