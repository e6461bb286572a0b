/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Between the files of user/explain/: what a syscall is for the diagnosis
 * (kind.c), the remembered history within its bound (history.c), the
 * reports (report.c), permission analysis (perm.c) and the sink (sink.c).
 */
#ifndef SYSRAY_EXPLAIN_INTERNAL_H
#define SYSRAY_EXPLAIN_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "call/call.h"
#include "lib/idmap.h"
#include "print/out.h"
#include "print/text.h"
#include "decode/decode.h"
#include "cli/opts.h"

struct sr_fdtab;

/* What a syscall does, as far as telling a cause from noise goes; higher is likelier. */
enum xp_kind {
	XK_OTHER,
	XK_FDOP, /* works on an fd it was given: read, write, ioctl */
	XK_ACCEPT, /* takes a connection from a listening socket */
	XK_PROBE, /* looks a path up without opening it: stat, access, readlink */
	XK_CHANGE, /* changes the file system at a path: mkdir, unlink, rename, chmod */
	XK_OPEN, /* opens a path: open, openat, creat */
	XK_ADDR, /* connects or binds a socket to an address */
	XK_EXEC, /* runs a program */
	XK_MAX,
};

/* How the bytes a call writes are captured. */
enum xp_data {
	XD_NONE,
	XD_BUF, /* one buffer */
	XD_IOV, /* an iovec array, then each buffer */
	XD_MSGHDR, /* a msghdr, its name, its iovec array and buffers */
};

/* Per syscall number, from its table row. */
struct xp_sys {
	uint8_t kind; /* enum xp_kind */
	uint8_t data_how; /* enum xp_data */
	int8_t path[2]; /* PATH arguments, or -1 */
	int8_t oflags; /* open's flags, or -1 */
	int8_t amode; /* access's mode, or -1 */
	int8_t addr; /* a socket address it is given, or -1 */
	int8_t data; /* the bytes it writes, or -1 */
	bool fd0; /* argument 0 is a file descriptor */
};

/** xp_sys_of() - what syscall @nr is for the diagnosis (XK_OTHER for unknown numbers). */
const struct xp_sys *xp_sys_of(int nr);

/** xp_errno_weight() - how likely a failure with @err is a cause: 0 never (EAGAIN, EINTR). */
int xp_errno_weight(int err);

/** xp_kind_weight() - how likely a failure of a call of @kind is a cause. */
int xp_kind_weight(int kind);

/** xp_name_key() - a hash of what a path or address names, for "found elsewhere later". */
uint64_t xp_name_key(const char *s, size_t n);

/* Within this bound a process's ancestors are known (deeper ones are cut). */
#define XP_ANCESTORS 8

struct xp_tree;

/* A traced process, alive or gone but still referred to by remembered calls. */
struct xp_proc {
	uint64_t serial; /* unique, never reused (tgids are) */
	uint32_t tgid;
	uint64_t anc[XP_ANCESTORS]; /* serials of its parent, grandparent...; 0: none */
	char comm[SR_COMM_LEN + 1];
	uint64_t born; /* fork time; 0: already running when first seen */
	bool dead;
	bool in_map; /* still the record of its tgid */
	uint32_t refs; /* remembered calls and connections pointing here */
	struct xp_tree *tree;
	uint64_t last_accept; /* its latest accept: children forked after serve that connection */
	/* forked (or descended from one forked) by a daemon to serve a connection */
	uint64_t served_daemon; /* the daemon's serial; 0: none */
	uint64_t served_accept; /* when it accepted that connection */
	char *sig_line; /* the last signal it got, as strace prints it */
	char *last_msg; /* the last message it wrote (fd 2, a tty, the log) */
	bool msg_open; /* last_msg is a line still being written, piece by piece */
	char *msg_target; /* where that line goes ("fd 2", "fd 1, a tty (...)") */
	bool reported; /* a report was triggered by it */
	bool child_reported; /* ...or by a child of it (whose status it may pass on) */
	uint32_t ppid; /* its parent's tgid when known (forked, or read from /proc), else 0 */
	bool ppid_asked; /* /proc was asked */
	int16_t root; /* its root directory: XP_ROOT_*, or an index in struct xp_roots */
	uint64_t root_gen; /* the generation of that slot it refers to */
};

/* A process tree (the processes descending from one that was already running). */
struct xp_tree {
	uint64_t root; /* serial of its root process */
	uint32_t procs; /* process records pointing here */
	size_t bytes; /* what its remembered calls hold */
	struct xp_ent *head, *tail; /* its calls, oldest first */
	bool reported; /* a report was printed about it */
};

/* xp_ent.flags */
#define XE_REPORTED 0x1 /* shown in a report already */

/* A remembered call: a failure (with its line), or a success that found a name. */
struct xp_ent {
	struct xp_ent *gprev, *gnext; /* every remembered call, oldest first */
	struct xp_ent *tprev, *tnext; /* its tree's */
	struct xp_proc *proc;
	uint64_t ts;
	uint64_t key; /* xp_name_key() of what it looked for; 0: nothing */
	uint32_t tid;
	uint32_t size; /* bytes accounted */
	uint16_t err; /* 0: it succeeded */
	uint8_t kind;
	uint8_t flags; /* XE_* */
	/* failures only (NULL otherwise), in the same allocation */
	char *line; /* as strace prints it, pid first */
	char *path; /* the absolute path it used, or the address it tried */
	char *note; /* explanation lines, each "  ..." and '\n'-terminated */
};

/* A connection seen from one end: a connect, or an accept. */
struct xp_conn {
	struct xp_conn *prev, *next; /* oldest first */
	struct xp_proc *proc;
	uint64_t ts;
	bool accepted; /* the server's end */
	int fd;
	uint16_t family;
	uint64_t ino, peer_ino; /* unix: this socket's inode and its peer's */
	uint32_t peer_pid; /* unix: the listener's pid (SO_PEERCRED) */
	uint16_t lport, rport;
	uint8_t laddr[16], raddr[16];
	char path[112]; /* unix: the socket's path (connect's address, or the listener's name) */
};

/* The remembered history and its bound. */
struct xp_hist {
	size_t limit; /* --history */
	size_t bytes; /* accounted now */
	size_t peak;
	uint64_t evicted; /* calls and connections forgotten to stay within the bound */
	uint64_t dropped; /* not remembered at all: process records alone filled the bound */
	uint64_t next_serial;
	struct idmap procs; /* tgid -> struct xp_proc, the live record of each tgid */
	struct idmap trees; /* root serial -> struct xp_tree */
	struct xp_ent *head, *tail;
	struct xp_conn *chead, *ctail;
	uint32_t nconns;
};

void hist__init(struct xp_hist *h, size_t limit);
void hist__free(struct xp_hist *h);
/** hist__proc() - the record of @tgid, made (a root) if unknown; NULL on ENOMEM. */
struct xp_proc *hist__proc(struct xp_hist *h, uint32_t tgid, const char *comm);
/** hist__fork() - @child_tgid was forked by @parent_tgid at @ts. */
void hist__fork(struct xp_hist *h, uint32_t parent_tgid, uint32_t child_tgid, const char *comm,
		uint64_t ts);
/** hist__gone() - @tgid's last thread exited: its record stays while calls refer to it. */
void hist__gone(struct xp_hist *h, uint32_t tgid);
/** hist__find() - the live record of @tgid, or NULL. */
struct xp_proc *hist__find(const struct xp_hist *h, uint32_t tgid);
/**
 * hist__add() - remember a call of @p; the strings are copied. Returns the
 * entry (its flags may be set) or NULL when it could not be kept.
 */
struct xp_ent *hist__add(struct xp_hist *h, struct xp_proc *p, const struct xp_ent *tmpl,
			 const char *line, const char *path, const char *note);
/** hist__add_conn() - remember a connection end (copied). */
void hist__add_conn(struct xp_hist *h, const struct xp_conn *c);
/** hist__set_str() - set @p's string *@field (sig_line, last_msg) to a copy of @s. */
void hist__set_str(struct xp_hist *h, char **field, const char *s);
/** hist__is_desc() - is @p @anc itself or a descendant of it? */
bool hist__is_desc(const struct xp_proc *p, const struct xp_proc *anc);

/* xp_proc.root, xp_perm_in.root_fd */
#define XP_ROOT_UNKNOWN (-2) /* never seen, or no longer held */
#define XP_ROOT_OWN	(-1) /* sysray's own root */
/* Roots held open (roots.c). */
#define XP_ROOTS 32

struct xp_roots {
	int fd[XP_ROOTS];
	uint64_t dev[XP_ROOTS], ino[XP_ROOTS], gen[XP_ROOTS];
	uint64_t generation;
	int next;
};

void roots__init(struct xp_roots *r);
void roots__free(struct xp_roots *r);
/** roots__look() - set @p's root to what process @tgid's root is now (unchanged if it is gone). */
void roots__look(struct xp_roots *r, uint32_t tgid, struct xp_proc *p);
/** roots__fd() - an fd open on @p's root, or XP_ROOT_OWN or XP_ROOT_UNKNOWN. */
int roots__fd(const struct xp_roots *r, const struct xp_proc *p);

/* Permission analysis (perm.c). */
struct xp_perm_in {
	const char *path; /* absolute */
	int kind; /* enum xp_kind */
	int err;
	int64_t oflags; /* open's flags, or -1 */
	int64_t amode; /* access's mode, or -1 */
	const struct sr_creds *creds; /* at the time of the call, or NULL */
	uint32_t tgid; /* for its root, mounts and LSM label while it lives */
	int root_fd; /* its root once it is gone: an fd, XP_ROOT_OWN or XP_ROOT_UNKNOWN */
	bool live; /* the host may be inspected */
	bool second; /* the second path of the call (rename's target) */
};

/**
 * perm__explain() - explanation lines ("  ...\n") for a call on @in->path
 * that failed with EACCES, EPERM or EROFS, appended to @o.
 */
void perm__explain(const struct xp_perm_in *in, struct sr_out *o);

/** perm__creds() - "  credentials at the call: uid 65534, ..." line into @o. */
void perm__creds(const struct sr_creds *cr, struct sr_out *o);

/**
 * perm__exec_note() - an execve of @path failed with ENOENT although the
 * file may exist: name its missing #! interpreter or ELF loader.
 */
void perm__exec_note(const struct xp_perm_in *in, struct sr_out *o);

/* The report (report.c). */
enum xp_trig {
	XT_WRITE, /* an error message */
	XT_WHY, /* a write with --why's text */
	XT_EXIT, /* a non-zero exit */
	XT_SIGNAL, /* killed by a signal */
};

struct xp_trigger {
	enum xp_trig type;
	struct xp_proc *proc;
	uint32_t tid;
	uint64_t ts;
	int code; /* exit: wait status */
	const char *target; /* write: "fd 2", "the system log (/dev/log)" */
	const char *data; /* write: the bytes */
	size_t len;
	bool cut; /* write: the call wrote more than was captured */
	const char *why; /* --why's text */
	bool anyway; /* report even when no new failure explains it (once per process) */
};

struct xp_report_ctx {
	struct xp_hist *hist;
	struct sr_out *out;
	const struct sr_opts *opts;
	bool live;
	uint64_t lost; /* events lost so far: reports may be incomplete */
	void (*before)(void *ctx); /* before writing a report: end another sink's line */
	void *before_ctx;
};

/**
 * report__maybe() - print the report for @t, if it has something to say
 * (see sink.c for when a trigger must report). Return whether it printed.
 */
bool report__maybe(struct xp_report_ctx *r, const struct xp_trigger *t, bool force);

/* kind__error_text() - whether @n bytes of @s read like an error message. */
bool kind__error_text(const char *s, size_t n);

/* kind__log_socket() - whether @path is the system log's socket (syslog(3)'s, journald's). */
bool kind__log_socket(const char *path);

#endif /* SYSRAY_EXPLAIN_INTERNAL_H */
