/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Parsers of what /proc and sock_diag say, from buffers. The files are read
 * by host/proc.c and fd/procfs.c; their text is in part chosen by other
 * processes (a comm, a socket's name), so it is parsed here, where
 * tests/fuzz/fuzz_proc.c can reach it without a /proc.
 */
#ifndef SYSRAY_PROCPARSE_H
#define SYSRAY_PROCPARSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/**
 * procparse__status() - the number after "Key:" in /proc/PID/status text
 * @text (@len bytes, not NUL-terminated), in @base; -ENOENT if no line has it.
 */
long procparse__status(const char *text, size_t len, const char *key, int base);

/**
 * procparse__stat_gone() - is the task of /proc/PID/stat text @text (NUL-
 * terminated) a zombie or dead? Its comm may hold ") ": the last one counts.
 */
bool procparse__stat_gone(const char *text);

/* One row of /proc/net/tcp, tcp6, udp, udp6. */
struct sr_inet_row {
	uint8_t laddr[16], raddr[16]; /* network order; IPv4 in the first 4 bytes */
	unsigned int lport, rport, state;
	unsigned long long ino;
};

/** procparse__inet_row() - parse one line (NUL-terminated); false for a header or junk. */
bool procparse__inet_row(const char *line, struct sr_inet_row *r);

/* One row of /proc/net/netlink. */
struct sr_netlink_row {
	unsigned int protocol, portid;
	unsigned long long ino;
};

/** procparse__netlink_row() - parse one line (NUL-terminated); false for a header or junk. */
bool procparse__netlink_row(const char *line, struct sr_netlink_row *r);

/* What /proc/PID/fdinfo/N says that sysray uses. */
struct sr_fdinfo_text {
	unsigned long flags; /* "flags:", octal */
	int pid; /* "Pid:" of a pidfd (-1 once reaped) */
	bool has_pid;
	int tty_index; /* "tty-index:" of a pty master */
	bool has_tty_index;
};

/** procparse__fdinfo_line() - fold one line (NUL-terminated) of fdinfo into @fi. */
void procparse__fdinfo_line(const char *line, struct sr_fdinfo_text *fi);

/* A sock_diag answer about one unix socket. */
struct sr_unix_diag {
	uint8_t type; /* SOCK_STREAM... */
	uint64_t peer_ino; /* 0: none */
	const char *name; /* the bound name inside the answer, or NULL */
	size_t namelen;
};

/**
 * procparse__unix_diag() - read the answer @buf (@len bytes, as recv()
 * returned them, 4-byte aligned) to a SOCK_DIAG_BY_FAMILY request for unix
 * socket @ino. False unless it is about @ino.
 */
bool procparse__unix_diag(const void *buf, size_t len, uint64_t ino, struct sr_unix_diag *d);

#endif /* SYSRAY_PROCPARSE_H */
