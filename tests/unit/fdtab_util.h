/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Helpers of the fd-table tests (test_fdtab*.c): a session printing with fd
 * tables, whole expected lines, fdinfo blobs as the kernel side sends them.
 * Functions return static buffers, overwritten by the next call.
 */
#ifndef SYSRAY_TEST_FDTAB_UTIL_H
#define SYSRAY_TEST_FDTAB_UTIL_H

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "decode/decode.h"
#include "fd/fdtab.h"
#include "rec.h"

#define SOCKFS 0x534F434B
#define EXT4   0xEF53

/* A session printing with fd tables; @mode 1: -y, 2: -yy. */
static inline struct sr_fdtab *open_tab(struct t_sink *s, int mode)
{
	struct sr_fdtab *t;

	t_sink_open(s);
	s->opts.decode_fds = mode;
	t = fdtab__new(&s->opts);
	fdtab__set_proc_root(t, NULL);
	t_sink_set_fds(s, t);
	return t;
}

/* Empty the printed text (it holds 64 KiB); @t and what it knows stay. */
static inline void reopen_tab(struct t_sink *s, struct sr_fdtab *t, int mode)
{
	t_sink_close(s);
	t_sink_open(s);
	s->opts.decode_fds = mode;
	t_sink_set_fds(s, t);
}

static inline void close_tab(struct t_sink *s, struct sr_fdtab *t)
{
	t_sink_close(s);
	fdtab__free(t);
}

/*
 * A whole line as t_line() returns it: @call (up to its closing ")"), the
 * padding strace puts before "= " (column 40, after the 6 of "100   "),
 * and @ret.
 */
static inline const char *L(const char *call, const char *ret)
{
	static char line[8192];
	int n = snprintf(line, sizeof(line), "%s ", call);

	while (n < 34)
		line[n++] = ' ';
	snprintf(line + n, sizeof(line) - n, "= %s", ret);
	return line;
}

/* The same line as task 100's in the whole text: "100   " first. */
static inline const char *L100(const char *call, const char *ret)
{
	static char line[8200];

	snprintf(line, sizeof(line), "100   %s", L(call, ret));
	return line;
}

#define EBADF_RET "-1 EBADF (Bad file descriptor)"

/* What follows the last " = " of @line: the return value and its annotation. */
static inline const char *ret_of(const char *line)
{
	const char *p = strstr(line, " = "), *q;

	while (p && (q = strstr(p + 1, " = ")))
		p = q;
	return p ? p + 3 : "";
}

/* Does @text hold @line as one of its lines (the whole of it)? */
static inline bool has_line(const char *text, const char *line)
{
	size_t n = strlen(line);
	const char *p;

	for (p = strstr(text, line); p; p = strstr(p + 1, line))
		if ((p == text || p[-1] == '\n') && p[n] == '\n')
			return true;
	return false;
}

/* An fdinfo blob in @buf: what the kernel says fd @fd is. */
struct fdi {
	struct sr_fdinfo fi;
	char name[256];
};

static inline struct t_blobspec fdi_path(struct fdi *d, int fd, uint32_t mode, const char *path)
{
	memset(d, 0, sizeof(*d));
	d->fi.fd = fd;
	d->fi.src = SR_FDI_SRC_RET;
	d->fi.mode = mode;
	d->fi.magic = EXT4;
	d->fi.ino = 1000 + fd;
	d->fi.namelen = strlen(path);
	memcpy(d->name, path, d->fi.namelen);
	return (struct t_blobspec){ SR_ARG_FDINFO, d, sizeof(d->fi) + d->fi.namelen, 0, 0 };
}

static inline void fdi_sock(struct fdi *d, int fd, unsigned int src, uint16_t family, uint16_t type,
			    uint16_t proto, uint64_t ino)
{
	memset(d, 0, sizeof(*d));
	d->fi.fd = fd;
	d->fi.src = src;
	d->fi.mode = S_IFSOCK | 0777;
	d->fi.magic = SOCKFS;
	d->fi.ino = ino;
	d->fi.family = family;
	d->fi.type = type;
	d->fi.protocol = proto;
	d->fi.state = 7; /* TCP_CLOSE */
}

/* openat(AT_FDCWD, @path, @flags) = @fd, described as @path. */
static inline const char *open_file(struct t_sink *s, const char *path, uint64_t flags, int fd)
{
	uint64_t a[6] = { T_AT_FDCWD, 0x1000, flags };
	struct t_blobspec in = { 1, path, strlen(path) + 1, 0, 0 };
	struct fdi d;
	struct t_blobspec out = fdi_path(&d, fd, S_IFREG | 0644, path);

	return t_line(s, "openat", a, &in, 1, fd, &out, 1);
}

static inline const char *call1(struct t_sink *s, const char *name, uint64_t a0, int64_t ret)
{
	uint64_t a[6] = { a0 };

	return t_line(s, name, a, NULL, 0, ret, NULL, 0);
}

/*
 * What @fd of @tgid is, through the API: prepared as before a line prints
 * (--peer names processes with @comm), then described.
 */
static inline const char *annot_named(struct sr_fdtab *t, uint32_t tgid, int fd, sr_fd_comm_fn comm)
{
	static char buf[SR_FD_ANNOT_MAX];
	const struct sr_sysent *e = syscalls__by_name("fsync");
	struct sr_call c = { .ent = e, .nr = e->nr, .tgid = tgid, .tid = tgid, .args = { fd } };

	fdtab__prepare(t, &c, SR_FDP_ENTRY, comm, NULL);
	fdtab__describe(t, &c, fd, SR_FDW_ARG, buf, sizeof(buf));
	return buf;
}

#endif /* SYSRAY_TEST_FDTAB_UTIL_H */
