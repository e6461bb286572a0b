// SPDX-License-Identifier: GPL-2.0
/*
 * The fd tables (-y, -yy, --peer, --absolute-paths) from synthetic records:
 * what the kernel side describes (struct sr_fdinfo blobs) and what close,
 * dup, fcntl, close_range, execve, fork, chdir, unlink and rename do to the
 * tables. /proc is turned off: a process first seen starts empty, unless a
 * test builds a fake one (fake_proc()).
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "decode/decode.h"
#include "fd/fdtab.h"
#include "fd/model.h" /* counters: sr_fdtab.path_scans */
#include "rec.h"
#include "test.h"

#define SOCKFS 0x534F434B
#define PIPEFS 0x50495045
#define ANONFS 0x09041934
#define EXT4   0xEF53

/* A session printing with fd tables; @mode 1: -y, 2: -yy. */
static struct sr_fdtab *open_tab(struct t_sink *s, int mode)
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
static void reopen_tab(struct t_sink *s, struct sr_fdtab *t, int mode)
{
	t_sink_close(s);
	t_sink_open(s);
	s->opts.decode_fds = mode;
	t_sink_set_fds(s, t);
}

static void close_tab(struct t_sink *s, struct sr_fdtab *t)
{
	t_sink_close(s);
	fdtab__free(t);
}

/*
 * A whole line as t_line() returns it: @call (up to its closing ")"), the
 * padding strace puts before "= " (column 40, after the 6 of "100   "),
 * and @ret.
 */
static const char *L(const char *call, const char *ret)
{
	static char line[8192];
	int n = snprintf(line, sizeof(line), "%s ", call);

	while (n < 34)
		line[n++] = ' ';
	snprintf(line + n, sizeof(line) - n, "= %s", ret);
	return line;
}

/* The same line as task 100's in the whole text: "100   " first. */
static const char *L100(const char *call, const char *ret)
{
	static char line[8200];

	snprintf(line, sizeof(line), "100   %s", L(call, ret));
	return line;
}

#define EBADF_RET  "-1 EBADF (Bad file descriptor)"
#define EINVAL_RET "-1 EINVAL (Invalid argument)"
#define ENOENT_RET "-1 ENOENT (No such file or directory)"

/* What follows the last " = " of @line: the return value and its annotation. */
static const char *ret_of(const char *line)
{
	const char *p = strstr(line, " = "), *q;

	while (p && (q = strstr(p + 1, " = ")))
		p = q;
	return p ? p + 3 : "";
}

/* The field @key of @line with its bracketed value, "cmsg_data=[9</a>]"; "" if none. */
static const char *field(const char *line, const char *key)
{
	static char buf[1024];
	const char *p = strstr(line, key), *q;
	int depth = 0;

	if (!p)
		return "";
	for (q = p + strlen(key); *q; q++) {
		depth += *q == '[';
		depth -= *q == ']';
		if (!depth)
			break;
	}
	snprintf(buf, sizeof(buf), "%.*s", (int)(q - p + (*q != 0)), p);
	return buf;
}

/* Does @text hold @line as one of its lines (the whole of it)? */
static bool has_line(const char *text, const char *line)
{
	size_t n = strlen(line);
	const char *p;

	for (p = strstr(text, line); p; p = strstr(p + 1, line))
		if ((p == text || p[-1] == '\n') && p[n] == '\n')
			return true;
	return false;
}

/* Task @tid makes a call named @comm: the trace knows it by that name. */
static void name_task(struct t_sink *s, uint32_t tid, const char *comm)
{
	uint64_t a[6] = { 0 };
	struct t_rec r;

	t_call(&r, tid, "getpid", a, tid);
	snprintf(((struct sr_callrec *)r.buf)->e.comm, SR_COMM_LEN, "%s", comm);
	t_feed(s, &r);
}

/* An fdinfo blob in @buf: what the kernel says fd @fd is. */
struct fdi {
	struct sr_fdinfo fi;
	char name[256];
};

static struct t_blobspec fdi_path(struct fdi *d, int fd, uint32_t mode, const char *path)
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

static struct t_blobspec fdi_blob(struct fdi *d)
{
	return (struct t_blobspec){ SR_ARG_FDINFO, d, sizeof(d->fi) + d->fi.namelen, 0, 0 };
}

static void fdi_sock(struct fdi *d, int fd, unsigned int src, uint16_t family, uint16_t type,
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
static const char *open_file(struct t_sink *s, const char *path, uint64_t flags, int fd)
{
	uint64_t a[6] = { T_AT_FDCWD, 0x1000, flags };
	struct t_blobspec in = { 1, path, strlen(path) + 1, 0, 0 };
	struct fdi d;
	struct t_blobspec out = fdi_path(&d, fd, S_IFREG | 0644, path);

	return t_line(s, "openat", a, &in, 1, fd, &out, 1);
}

static const char *call1(struct t_sink *s, const char *name, uint64_t a0, int64_t ret)
{
	uint64_t a[6] = { a0 };

	return t_line(s, name, a, NULL, 0, ret, NULL, 0);
}

static void open_read_close(struct t_state *st)
{
	struct t_sink s;
	struct sr_fdtab *t = open_tab(&s, 1);

	CHECK_STR(st, open_file(&s, "/etc/passwd", 0, 3),
		  L("openat(AT_FDCWD, \"/etc/passwd\", O_RDONLY)", "3</etc/passwd>"));
	CHECK_STR(st, call1(&s, "fsync", 3, 0), L("fsync(3</etc/passwd>)", "0"));
	CHECK_STR(st, call1(&s, "close", 3, 0), L("close(3</etc/passwd>)", "0"));
	/* closed: no annotation */
	CHECK_STR(st, call1(&s, "close", 3, -EBADF), L("close(3)", EBADF_RET));
	close_tab(&s, t);
}

static void dups(struct t_state *st)
{
	struct t_sink s;
	struct sr_fdtab *t = open_tab(&s, 1);
	uint64_t a[6] = { 3, 10 };
	struct fdi d;
	struct t_blobspec b;
	char line[512];

	open_file(&s, "/tmp/f", 0, 3);
	open_file(&s, "/dev/zero", 0, 10);
	b = fdi_path(&d, 10, S_IFREG | 0644, "/tmp/f");
	/* the target is shown as it was, the result as it is */
	snprintf(line, sizeof(line), "%s", t_line(&s, "dup2", a, NULL, 0, 10, &b, 1));
	CHECK_STR(st, line, L("dup2(3</tmp/f>, 10</dev/zero>)", "10</tmp/f>"));
	/* F_DUPFD: no description from the kernel, the original's */
	a[0] = 10;
	a[1] = 0; /* F_DUPFD */
	a[2] = 20;
	CHECK_STR(st, t_line(&s, "fcntl", a, NULL, 0, 20, NULL, 0),
		  L("fcntl(10</tmp/f>, F_DUPFD, 20)", "20</tmp/f>"));
	CHECK_STR(st, call1(&s, "close", 3, 0), L("close(3</tmp/f>)", "0"));
	CHECK_STR(st, call1(&s, "fsync", 20, 0), L("fsync(20</tmp/f>)", "0"));
	CHECK_STR(st, call1(&s, "fsync", 10, 0), L("fsync(10</tmp/f>)", "0"));
	close_tab(&s, t);
}

static void close_range_and_exec(struct t_state *st)
{
	struct t_sink s;
	struct sr_fdtab *t = open_tab(&s, 1);
	uint64_t a[6] = { 4, 5, 0 };
	uint64_t fl[6] = { 6, 1, 1 /* FD_CLOEXEC */ };
	struct t_blobspec path = { 0, "/bin/true", 10, 0, 0 };

	open_file(&s, "/a", 0, 3);
	open_file(&s, "/b", 0, 4);
	open_file(&s, "/c", 0, 5);
	open_file(&s, "/d", 02000000 /* O_CLOEXEC */, 6);
	open_file(&s, "/e", 0, 7);
	t_line(&s, "close_range", a, NULL, 0, 0, NULL, 0);
	CHECK_STR(st, call1(&s, "fsync", 4, -EBADF), L("fsync(4)", EBADF_RET));
	CHECK_STR(st, call1(&s, "fsync", 5, -EBADF), L("fsync(5)", EBADF_RET));
	CHECK_STR(st, call1(&s, "fsync", 3, 0), L("fsync(3</a>)", "0"));
	/* CLOSE_RANGE_CLOEXEC marks, execve closes */
	a[0] = 3;
	a[1] = 3;
	a[2] = 4;
	t_line(&s, "close_range", a, NULL, 0, 0, NULL, 0);
	fl[1] = 2; /* F_SETFD */
	fl[0] = 6;
	fl[2] = 0;
	t_line(&s, "fcntl", fl, NULL, 0, 0, NULL, 0);
	fl[0] = 7;
	fl[2] = 1;
	t_line(&s, "fcntl", fl, NULL, 0, 0, NULL, 0);
	a[0] = 0x1000;
	a[1] = 0;
	a[2] = 0;
	t_line(&s, "execve", a, &path, 1, 0, NULL, 0);
	CHECK_STR(st, call1(&s, "fsync", 3, -EBADF), L("fsync(3)", EBADF_RET));
	CHECK_STR(st, call1(&s, "fsync", 6, 0), L("fsync(6</d>)", "0"));
	CHECK_STR(st, call1(&s, "fsync", 7, -EBADF), L("fsync(7)", EBADF_RET));
	close_tab(&s, t);
}

/*
 * What @fd of @tgid is, through the API: prepared as before a line prints
 * (--peer names processes with @comm), then described.
 */
static const char *annot_named(struct sr_fdtab *t, uint32_t tgid, int fd, sr_fd_comm_fn comm)
{
	static char buf[SR_FD_ANNOT_MAX];
	const struct sr_sysent *e = syscalls__by_name("fsync");
	struct sr_call c = { .ent = e, .nr = e->nr, .tgid = tgid, .tid = tgid, .args = { fd } };

	fdtab__prepare(t, &c, SR_FDP_ENTRY, comm, NULL);
	fdtab__describe(t, &c, fd, SR_FDW_ARG, buf, sizeof(buf));
	return buf;
}

/* What fdtab__describe() says of @fd of @tgid, without preparing anything. */
static const char *described(const struct sr_fdtab *t, uint32_t tgid, int fd)
{
	static char buf[SR_FD_ANNOT_MAX];
	const struct sr_sysent *e = syscalls__by_name("fsync");
	struct sr_call c = { .ent = e, .nr = e->nr, .tgid = tgid, .tid = tgid, .args = { fd } };

	fdtab__describe(t, &c, fd, SR_FDW_ARG, buf, sizeof(buf));
	return buf;
}

static const char *annot(struct t_sink *s, struct sr_fdtab *t, uint32_t tgid, int fd)
{
	return annot_named(t, tgid, fd, NULL);
}

static void fork_and_exit(struct t_state *st)
{
	struct t_sink s;
	struct sr_fdtab *t = open_tab(&s, 1);

	open_file(&s, "/shared", 0, 3);
	fdtab__on_fork(t, 100, 200, 0);
	fdtab__on_fork(t, 100, 300, 0x400 /* CLONE_FILES */);
	CHECK_STR(st, annot(&s, t, 200, 3), "</shared>");
	/* the parent closes 3: the copy keeps it, the sharer does not */
	call1(&s, "close", 3, 0);
	CHECK_STR(st, annot(&s, t, 200, 3), "</shared>");
	CHECK_STR(st, annot(&s, t, 300, 3), "");
	fdtab__on_process_exit(t, 200);
	CHECK_STR(st, annot(&s, t, 200, 3), "");
	close_tab(&s, t);
}

static void cwd_and_absolute_paths(struct t_state *st)
{
	struct t_sink s;
	struct sr_fdtab *t;
	uint64_t a[6] = { 0x1000 };
	struct t_blobspec dir = { 0, "/nonexistent-sysray/w", 22, 0, 0 };
	struct t_blobspec rel = { 1, "x/../y", 7, 0, 0 };
	struct fdi d;
	struct t_blobspec b;

	t_sink_open(&s);
	s.opts.decode_fds = 1;
	s.opts.absolute_paths = true;
	t = fdtab__new(&s.opts);
	fdtab__set_proc_root(t, NULL);
	t_sink_set_fds(&s, t);
	t_line(&s, "chdir", a, &dir, 1, 0, NULL, 0);
	a[0] = T_AT_FDCWD;
	a[1] = 0x1000;
	b = fdi_path(&d, 3, S_IFREG | 0644, "/nonexistent-sysray/w/y");
	CHECK_STR(
		st, t_line(&s, "openat", a, &rel, 1, 3, &b, 1),
		L("openat(AT_FDCWD</nonexistent-sysray/w>, \"/nonexistent-sysray/w/y\", O_RDONLY)",
		  "3</nonexistent-sysray/w/y>"));
	/* a dirfd as the base; fchdir moves the cwd there */
	b = fdi_path(&d, 4, S_IFDIR | 0755, "/srv/d");
	rel.data = "/srv/d";
	rel.len = 7;
	t_line(&s, "openat", a, &rel, 1, 4, &b, 1);
	a[0] = 4;
	rel.data = "../e";
	rel.len = 5;
	CHECK_STR(st, t_line(&s, "openat", a, &rel, 1, -ENOENT, NULL, 0),
		  L("openat(4</srv/d>, \"/srv/e\", O_RDONLY)", ENOENT_RET));
	call1(&s, "fchdir", 4, 0);
	fdtab__on_fork(t, 100, 200, 0);
	{
		char buf[64];
		struct sr_call c = { .ent = syscalls__by_name("openat"), .tgid = 200 };
		int n = fdtab__abs_path(t, &c, -100, "z", 1, buf, sizeof(buf));

		CHECK(st, n == 8 && !strcmp(buf, "/srv/d/z"));
	}
	/* entering a mount namespace moves the cwd to its root; another kind does not */
	{
		char buf[64];
		struct sr_call c = { .ent = syscalls__by_name("openat"), .tgid = 100 };
		uint64_t ns[6] = { 5, CLONE_NEWNET };

		t_line(&s, "setns", ns, NULL, 0, 0, NULL, 0);
		CHECK(st, fdtab__abs_path(t, &c, -100, "z", 1, buf, sizeof(buf)) == 8 &&
				  !strcmp(buf, "/srv/d/z"));
		ns[1] = CLONE_NEWNS;
		t_line(&s, "setns", ns, NULL, 0, 0, NULL, 0);
		CHECK(st, fdtab__abs_path(t, &c, -100, "z", 1, buf, sizeof(buf)) == 2 &&
				  !strcmp(buf, "/z"));
	}
	close_tab(&s, t);
}

static void unlink_and_rename(struct t_state *st)
{
	struct t_sink s;
	struct sr_fdtab *t = open_tab(&s, 1);
	uint64_t a[6] = { 0x1000, 0x2000 };
	struct t_blobspec p[2] = { { 0, "/tmp/a", 7, 0, 0 }, { 1, "/tmp/b", 7, 0, 0 } };

	open_file(&s, "/tmp/a", 0, 3);
	open_file(&s, "/tmp/dir/f", 0, 4);
	t_line(&s, "rename", a, p, 2, 0, NULL, 0);
	CHECK_STR(st, call1(&s, "fsync", 3, 0), L("fsync(3</tmp/b>)", "0"));
	p[0].data = "/tmp/dir";
	p[0].len = 9;
	p[1].data = "/tmp/new";
	p[1].len = 9;
	t_line(&s, "rename", a, p, 2, 0, NULL, 0);
	CHECK_STR(st, call1(&s, "fsync", 4, 0), L("fsync(4</tmp/new/f>)", "0"));
	p[0].data = "/tmp/b";
	p[0].len = 7;
	t_line(&s, "unlink", a, p, 1, 0, NULL, 0);
	CHECK_STR(st, call1(&s, "fsync", 3, 0), L("fsync(3</tmp/b>(deleted))", "0"));
	close_tab(&s, t);
}

static void path_forms(struct t_state *st)
{
	struct t_sink s;
	struct sr_fdtab *t = open_tab(&s, 2);
	struct fdi d;
	struct t_blobspec b;
	uint64_t a[6] = { T_AT_FDCWD, 0x1000 };
	struct t_blobspec in = { 1, "x", 2, 0, 0 };

	b = fdi_path(&d, 3, S_IFCHR | 0666, "/dev/null");
	d.fi.rdev = (1 << 20) | 3;
	CHECK_STR(st, t_line(&s, "openat", a, &in, 1, 3, &b, 1),
		  L("openat(AT_FDCWD, \"x\", O_RDONLY)", "3</dev/null<char 1:3>>"));
	b = fdi_path(&d, 4, S_IFREG | 0644, "/tmp/we<ird>\n\"q");
	d.fi.flags = SR_FDI_DELETED;
	CHECK_STR(st, ret_of(t_line(&s, "openat", a, &in, 1, 4, &b, 1)),
		  "4</tmp/we\\74ird\\76\\n\\\"q>(deleted)");
	b = fdi_path(&d, 5, S_IFIFO | 0600, "");
	d.fi.magic = PIPEFS;
	d.fi.ino = 1234;
	CHECK_STR(st, ret_of(t_line(&s, "openat", a, &in, 1, 5, &b, 1)), "5<pipe:[1234]>");
	b = fdi_path(&d, 6, 0600, "[eventfd]");
	d.fi.magic = ANONFS;
	CHECK_STR(st, ret_of(t_line(&s, "openat", a, &in, 1, 6, &b, 1)), "6<anon_inode:[eventfd]>");
	close_tab(&s, t);
}

/*
 * -x, -xx, --strings-in-hex escape an annotation's text as strace 6.1's
 * string_quote() does a string: the expected texts are strace -yy's for
 * the same files.
 */
static void annotations_in_hex(struct t_state *st)
{
	static const struct {
		uint8_t hexstr;
		const char *file, *null, *pipe;
	} cases[] = {
		{ SR_HEXSTR_NON_ASCII,
		  "3<\\x2f\\x74\\x6d\\x70\\x2f\\x72\\x33\\x6f\\x2f\\x61\\x09\\x62\\x3c\\x63\\x3e\\xc3\\xa9>",
		  "4</dev/null<char 1:3>>", "5<pipe:[1234]>" },
		{ SR_HEXSTR_ALL,
		  "3<\\x2f\\x74\\x6d\\x70\\x2f\\x72\\x33\\x6f\\x2f\\x61\\x09\\x62\\x3c\\x63\\x3e\\xc3\\xa9>",
		  "4<\\x2f\\x64\\x65\\x76\\x2f\\x6e\\x75\\x6c\\x6c<char 1:3>>",
		  "5<\\x70\\x69\\x70\\x65\\x3a\\x5b\\x31\\x32\\x33\\x34\\x5d>" },
		{ SR_HEXSTR_NON_ASCII_CHARS, "3</tmp/r3o/a\\tb\\x3cc\\x3e\\xc3\\xa9>",
		  "4</dev/null<char 1:3>>", "5<pipe:[1234]>" },
		{ SR_HEXSTR_NONE, "3</tmp/r3o/a\\tb\\74c\\76\\303\\251>", "4</dev/null<char 1:3>>",
		  "5<pipe:[1234]>" },
	};
	uint64_t a[6] = { T_AT_FDCWD, 0x1000 };
	struct t_blobspec in = { 1, "x", 2, 0, 0 }, b;
	struct t_sink s;
	struct sr_fdtab *t;
	struct fdi d;
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		t_sink_open(&s);
		s.opts.decode_fds = 2;
		s.opts.hexstr = cases[i].hexstr;
		t = fdtab__new(&s.opts);
		fdtab__set_proc_root(t, NULL);
		t_sink_set_fds(&s, t);
		b = fdi_path(&d, 3, S_IFREG | 0644, "/tmp/r3o/a\tb<c>\303\251");
		CHECK_STR(st, ret_of(t_line(&s, "openat", a, &in, 1, 3, &b, 1)), cases[i].file);
		b = fdi_path(&d, 4, S_IFCHR | 0666, "/dev/null");
		d.fi.rdev = (1 << 20) | 3;
		CHECK_STR(st, ret_of(t_line(&s, "openat", a, &in, 1, 4, &b, 1)), cases[i].null);
		b = fdi_path(&d, 5, S_IFIFO | 0600, "");
		d.fi.magic = PIPEFS;
		d.fi.ino = 1234;
		CHECK_STR(st, ret_of(t_line(&s, "openat", a, &in, 1, 5, &b, 1)), cases[i].pipe);
		close_tab(&s, t);
	}
}

/* A socket's description as -yy prints it, returned by socket(). */
static const char *sock_line(struct t_sink *s, struct fdi *d)
{
	uint64_t a[6] = { d->fi.family, d->fi.type, 0 };
	struct t_blobspec b = fdi_blob(d);

	return t_line(s, "socket", a, NULL, 0, d->fi.fd, &b, 1);
}

static void socket_forms(struct t_state *st)
{
	struct t_sink s;
	struct sr_fdtab *t = open_tab(&s, 2);
	struct fdi d;

	fdi_sock(&d, 3, SR_FDI_SRC_RET, AF_INET, SOCK_STREAM, IPPROTO_TCP, 501);
	CHECK_STR(st, ret_of(sock_line(&s, &d)), "3<TCP:[501]>");
	d.fi.state = 10; /* TCP_LISTEN */
	d.fi.lport = 5432;
	inet_pton(AF_INET, "127.0.0.1", d.fi.laddr);
	CHECK_STR(st, ret_of(sock_line(&s, &d)), "3<TCP:[127.0.0.1:5432]>");
	d.fi.state = 1; /* TCP_ESTABLISHED */
	d.fi.lport = 40000;
	d.fi.rport = 5432;
	inet_pton(AF_INET, "127.0.0.1", d.fi.raddr);
	CHECK_STR(st, ret_of(sock_line(&s, &d)), "3<TCP:[127.0.0.1:40000->127.0.0.1:5432]>");
	fdi_sock(&d, 4, SR_FDI_SRC_RET, AF_INET6, SOCK_STREAM, IPPROTO_TCP, 502);
	d.fi.state = 1;
	d.fi.lport = 1;
	d.fi.rport = 2;
	inet_pton(AF_INET6, "::1", d.fi.laddr);
	inet_pton(AF_INET6, "::1", d.fi.raddr);
	CHECK_STR(st, ret_of(sock_line(&s, &d)), "4<TCPv6:[[::1]:1->[::1]:2]>");
	fdi_sock(&d, 5, SR_FDI_SRC_RET, AF_INET, SOCK_DGRAM, IPPROTO_UDP, 503);
	CHECK_STR(st, ret_of(sock_line(&s, &d)), "5<UDP:[503]>");
	fdi_sock(&d, 6, SR_FDI_SRC_RET, AF_UNIX, SOCK_STREAM, 0, 504);
	d.fi.peer_ino = 505;
	d.fi.namelen = 8;
	memcpy(d.name, "/run/x\0", 8);
	CHECK_STR(st, ret_of(sock_line(&s, &d)), "6<UNIX-STREAM:[504->505,\"/run/x\"]>");
	fdi_sock(&d, 7, SR_FDI_SRC_RET, AF_UNIX, SOCK_DGRAM, 0, 506);
	d.fi.namelen = 4;
	memcpy(d.name, "\0abs", 4);
	CHECK_STR(st, ret_of(sock_line(&s, &d)), "7<UNIX:[506,@\"abs\"]>");
	fdi_sock(&d, 8, SR_FDI_SRC_RET, AF_NETLINK, SOCK_RAW, 0, 507);
	CHECK_STR(st, ret_of(sock_line(&s, &d)), "8<NETLINK:[507]>");
	d.fi.lport32 = 1234;
	CHECK_STR(st, ret_of(sock_line(&s, &d)), "8<NETLINK:[ROUTE:1234]>");
	fdi_sock(&d, 9, SR_FDI_SRC_RET, AF_PACKET, SOCK_RAW, 0, 508);
	CHECK_STR(st, ret_of(sock_line(&s, &d)), "9<socket:[508]>");
	close_tab(&s, t);

	/* -y: only the inode */
	t = open_tab(&s, 1);
	fdi_sock(&d, 3, SR_FDI_SRC_RET, AF_UNIX, SOCK_STREAM, 0, 504);
	d.fi.peer_ino = 505;
	CHECK_STR(st, ret_of(sock_line(&s, &d)), "3<socket:[504]>");
	close_tab(&s, t);
}

/* strace -yy shows the first description it got of a socket, as we do. */
static void socket_updates(struct t_state *st)
{
	struct t_sink s;
	struct sr_fdtab *t = open_tab(&s, 2);
	uint64_t a[6] = { 3, 0x1000, 16 };
	struct fdi d;
	struct t_blobspec b;

	fdi_sock(&d, 3, SR_FDI_SRC_RET, AF_INET, SOCK_DGRAM, IPPROTO_UDP, 601);
	sock_line(&s, &d);
	/* autobound by sendto */
	fdi_sock(&d, 3, 0, AF_INET, SOCK_DGRAM, IPPROTO_UDP, 601);
	d.fi.lport = 999;
	b = fdi_blob(&d);
	CHECK_STR(st, t_line(&s, "connect", a, NULL, 0, 0, &b, 1),
		  L("connect(3<UDP:[601]>, 0x1000, 16)", "0"));
	d.fi.rport = 53;
	inet_pton(AF_INET, "127.0.0.1", d.fi.raddr);
	inet_pton(AF_INET, "127.0.0.1", d.fi.laddr);
	b = fdi_blob(&d);
	CHECK_STR(st, t_line(&s, "connect", a, NULL, 0, 0, &b, 1),
		  L("connect(3<UDP:[0.0.0.0:999]>, 0x1000, 16)", "0"));
	CHECK_STR(st, call1(&s, "fsync", 3, 0), L("fsync(3<UDP:[0.0.0.0:999]>)", "0"));
	close_tab(&s, t);
}

static void peer(struct t_state *st)
{
	struct t_sink s;
	struct sr_fdtab *t;
	struct fdi d;

	t_sink_open(&s);
	s.opts.decode_fds = 2;
	s.opts.peer = true;
	t = fdtab__new(&s.opts);
	fdtab__set_proc_root(t, NULL);
	t_sink_set_fds(&s, t);
	/* the names come from the records: the comm each task had in its calls */
	name_task(&s, 4242, "unixserver");
	fdi_sock(&d, 3, SR_FDI_SRC_RET, AF_UNIX, SOCK_STREAM, 0, 701);
	d.fi.peer_ino = 702;
	d.fi.peer_pid = 4242;
	CHECK_STR(st, ret_of(sock_line(&s, &d)), "3<UNIX-STREAM:[701->702] peer=4242(unixserver)>");
	/* loopback TCP: the traced socket with the reversed addresses */
	fdi_sock(&d, 4, SR_FDI_SRC_RET, AF_INET, SOCK_STREAM, IPPROTO_TCP, 703);
	d.fi.state = 1;
	d.fi.lport = 40000;
	d.fi.rport = 5432;
	inet_pton(AF_INET, "127.0.0.1", d.fi.laddr);
	inet_pton(AF_INET, "127.0.0.1", d.fi.raddr);
	sock_line(&s, &d);
	d.fi.fd = 5;
	d.fi.ino = 704;
	d.fi.lport = 5432;
	d.fi.rport = 40000;
	sock_line(&s, &d);
	CHECK_STR(st, call1(&s, "fsync", 4, 0),
		  L("fsync(4<TCP:[127.0.0.1:40000->127.0.0.1:5432] peer=100(test)>)", "0"));
	close_tab(&s, t);
}

/* Attached while it was in accept: the exit alone says what the new fd is. */
static void orphan_exit(struct t_state *st)
{
	struct t_sink s;
	struct sr_fdtab *t = open_tab(&s, 2);
	struct t_rec r;
	struct fdi d;

	fdi_sock(&d, 5, SR_FDI_SRC_RET, AF_UNIX, SOCK_STREAM, 0, 801);
	d.fi.peer_ino = 802;
	t_exit(&r, 100, "accept", 5);
	t_blob(&r, SR_ARG_FDINFO, &d, sizeof(d.fi), 0, 0);
	t_feed(&s, &r);
	CHECK(st, has_line(t_sink_text(&s),
			   L100("<... accept resumed>)", "5<UNIX-STREAM:[801->802]>")));
	CHECK_STR(st, call1(&s, "fsync", 5, 0), L("fsync(5<UNIX-STREAM:[801->802]>)", "0"));
	close_tab(&s, t);
}

/*
 * A fake /proc for process 100 in a new directory (@root, 64 bytes): its
 * stat, and fd/ and fdinfo/ directories, empty. The tables read it as they read /proc.
 */
static void fake_proc(char *root)
{
	char path[128];
	int f;

	snprintf(root, 64, "/tmp/sysray-fdtab-XXXXXX");
	if (!mkdtemp(root))
		return;
	snprintf(path, sizeof(path), "%s/100", root);
	mkdir(path, 0755);
	snprintf(path, sizeof(path), "%s/100/fd", root);
	mkdir(path, 0755);
	snprintf(path, sizeof(path), "%s/100/fdinfo", root);
	mkdir(path, 0755);
	snprintf(path, sizeof(path), "%s/100/stat", root);
	f = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (f >= 0 && write(f, "100 (a b) S 1\n", 14) < 0)
		perror("fake stat");
	if (f >= 0)
		close(f);
}

/* Fd @fd of the fake process: /proc/100/fd/N links to @link; fdinfo has @info. */
static void fake_fd(const char *root, int fd, const char *link, const char *info)
{
	char path[128];
	int f;

	snprintf(path, sizeof(path), "%s/100/fd/%d", root, fd);
	unlink(path);
	if (symlink(link, path))
		return;
	snprintf(path, sizeof(path), "%s/100/fdinfo/%d", root, fd);
	f = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (f < 0)
		return;
	if (write(f, info, strlen(info)) < 0)
		perror("fake fdinfo");
	close(f);
}

static int rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	return remove(path);
}

/* The fake process exits: its directory goes. */
static void fake_exit(const char *root)
{
	char path[128];

	snprintf(path, sizeof(path), "%s/100", root);
	nftw(path, rm_one, 8, FTW_DEPTH | FTW_PHYS);
}

static void fake_proc_free(const char *root)
{
	nftw(root, rm_one, 8, FTW_DEPTH | FTW_PHYS);
}

/*
 * Calls whose new fd the kernel side does not describe: a pidfd stored where
 * clone's parent_tid points, bpf and ioctl results. The numbers were seen
 * closed before; /proc answers, or a guess once the process is gone.
 */
static void new_fds_not_described(struct t_state *st)
{
	struct t_sink s;
	struct sr_fdtab *t = open_tab(&s, 2);
	uint64_t a[6] = { 0x1000 | 17 /* CLONE_PIDFD|SIGCHLD */, 0, 0x2000 };
	int32_t pidfd = 3;
	struct t_blobspec out = { 2, &pidfd, 4, 0, 0 };
	char root[64];
	int fd;

	fake_proc(root);
	fdtab__set_proc_root(t, root);
	for (fd = 3; fd <= 6; fd++) {
		open_file(&s, "/a", 0, fd);
		call1(&s, "close", fd, 0);
	}
	CHECK_STR(st, call1(&s, "fsync", 3, -EBADF), L("fsync(3)", EBADF_RET));
	t_line(&s, "clone", a, NULL, 0, 4242, &out, 1);
	fake_fd(root, 3, "anon_inode:[pidfd]", "flags:\t02000002\nPid:\t-1\n");
	/* reaped: strace shows the anon inode */
	CHECK_STR(st, call1(&s, "fsync", 3, -EINVAL),
		  L("fsync(3<anon_inode:[pidfd]>)", EINVAL_RET));
	a[0] = 3;
	a[1] = 0xb701; /* NS_GET_USERNS */
	t_line(&s, "ioctl", a, NULL, 0, 5, NULL, 0);
	fake_fd(root, 5, "user:[4026531837]", "flags:\t02000000\n");
	/* describing reads the tables only: /proc is asked when a line is prepared */
	CHECK_STR(st, described(t, 100, 5), "");
	CHECK_STR(st, call1(&s, "fsync", 5, -EINVAL), L("fsync(5<user:[4026531837]>)", EINVAL_RET));
	a[0] = 0; /* BPF_MAP_CREATE */
	a[1] = 0x3000;
	a[2] = 144;
	t_line(&s, "bpf", a, NULL, 0, 4, NULL, 0);
	a[0] = 0x1000 | 17;
	a[1] = 0;
	a[2] = 0x2000;
	pidfd = 6;
	t_line(&s, "clone", a, NULL, 0, 4243, &out, 1);
	/* clone3: where the pidfd went is not captured; any closed fd may be it */
	{
		uint64_t ca[11] = { 0x1000, 0x4000, 0, 0, 17 };
		struct t_blobspec in = { 0, ca, sizeof(ca), 0, 0 };
		uint64_t a3[6] = { 0x5000, sizeof(ca) };

		open_file(&s, "/a", 0, 7);
		call1(&s, "close", 7, 0);
		t_line(&s, "clone3", a3, &in, 1, 4244, NULL, 0);
		fake_fd(root, 7, "anon_inode:[pidfd]", "flags:\t02000002\nPid:\t4244\n");
		CHECK_STR(st, call1(&s, "fsync", 7, -EINVAL), L("fsync(7<pid:4244>)", EINVAL_RET));
	}
	/* the process is gone: what the calls said */
	fake_exit(root);
	CHECK_STR(st, call1(&s, "fsync", 4, -EINVAL),
		  L("fsync(4<anon_inode:bpf-map>)", EINVAL_RET));
	CHECK_STR(st, call1(&s, "fsync", 6, -EINVAL), L("fsync(6<pid:4243>)", EINVAL_RET));
	close_tab(&s, t);
	fake_proc_free(root);
}

/*
 * -P without -y: fds a process had before it was traced are read from
 * /proc (strace asks /proc/PID/fd), and so are the fds the tables doubt
 * after lost events; every fd of a call is, shown or not, so what the
 * tables learn does not depend on what prints.
 */
static void trace_path_old_fds(struct t_state *st)
{
	const struct sr_sysent *e = syscalls__by_name("fsync");
	struct sr_call c = { .ent = e, .nr = e->nr, .tgid = 100, .tid = 100 };
	uint64_t a[6] = { 3, 6, 0, 1 };
	struct t_sink s;
	struct sr_fdtab *t;
	struct t_rec r;
	char root[64], path[64];

	fake_proc(root);
	fake_fd(root, 3, "/etc/passwd", "flags:\t0100000\n");
	fake_fd(root, 4, "/tmp/four", "flags:\t0100000\n");
	fake_fd(root, 6, "/tmp/six", "flags:\t0100000\n");
	t_sink_open(&s);
	s.opts.npaths = 1;
	s.opts.paths[0] = "/etc/passwd";
	t = fdtab__new(&s.opts);
	fdtab__set_proc_root(t, root);
	t_sink_set_fds(&s, t);
	/* the first call of a process never seen */
	CHECK_STR(st, call1(&s, "fsync", 3, 0), L("fsync(3)", "0"));
	CHECK_STR(st, call1(&s, "fsync", 4, 0), "");
	/* lost records moved fd 6 */
	fake_fd(root, 6, "/tmp/seven", "flags:\t0100000\n");
	t_call(&r, 100, "getpid", a, 100);
	((struct sr_hdr *)r.buf)->lost = 2;
	t_feed(&s, &r);
	/* sendfile(3, 6, NULL, 1): fd 3 selects it, fd 6 is checked all the same */
	CHECK_STR(st, t_line(&s, "sendfile", a, NULL, 0, 1, NULL, 0),
		  L("sendfile(3, 6, NULL, 1)", "1"));
	fake_exit(root);
	CHECK(st, fdtab__path(t, &c, 6, path, sizeof(path)) == 10 && !strcmp(path, "/tmp/seven"));
	CHECK(st, fdtab__path(t, &c, 5, path, sizeof(path)) == -1);
	close_tab(&s, t);
	fake_proc_free(root);
}

/*
 * Records were lost (a close, two opens, a chdir): what the tables held is
 * checked against /proc, and stands once the process is gone.
 */
static void lost_events(struct t_state *st)
{
	struct t_sink s;
	struct sr_fdtab *t = open_tab(&s, 1);
	struct t_blobspec dir = { 0, "/nonexistent-x", 15, 0, 0 };
	uint64_t a[6] = { 0x1000 };
	char root[64], path[128];
	struct t_rec r;

	fake_proc(root);
	fdtab__set_proc_root(t, root);
	open_file(&s, "/a", 0, 3);
	open_file(&s, "/c", 0, 4);
	call1(&s, "close", 4, 0);
	open_file(&s, "/e", 0, 5);
	t_line(&s, "chdir", a, &dir, 1, 0, NULL, 0);
	/* lost: close(3), open("/b") = 3, open("/d") = 4, chdir("/nonexistent-y") */
	fake_fd(root, 3, "/b", "flags:\t0100000\n");
	fake_fd(root, 4, "/d", "flags:\t0100000\n");
	snprintf(path, sizeof(path), "%s/100/cwd", root);
	if (symlink("/nonexistent-y", path))
		perror("fake cwd");
	a[0] = 3;
	t_call(&r, 100, "fsync", a, 0);
	((struct sr_hdr *)r.buf)->lost = 4;
	t_feed(&s, &r);
	CHECK(st, has_line(t_sink_text(&s),
			   "--- sysray: 4 events lost (ring buffer full; see -b) ---"));
	CHECK(st, has_line(t_sink_text(&s), L100("fsync(3</b>)", "0")));
	CHECK_STR(st, call1(&s, "fsync", 4, 0), L("fsync(4</d>)", "0"));
	CHECK_STR(st, open_file(&s, "x", 0, 6),
		  L("openat(AT_FDCWD</nonexistent-y>, \"x\", O_RDONLY)", "6<x>"));
	/* gone: what the stream said stands */
	fake_exit(root);
	CHECK_STR(st, call1(&s, "fsync", 5, 0), L("fsync(5</e>)", "0"));
	close_tab(&s, t);
	fake_proc_free(root);
}

/*
 * More processes than the tables hold (65536, FDT_MAX_PROCS), none of whose
 * exits were seen: the idle ones are forgotten, and new ones still tracked.
 */
static void process_cap(struct t_state *st)
{
	struct t_sink s;
	struct sr_fdtab *t = open_tab(&s, 1);
	uint32_t i;

	open_file(&s, "/a", 0, 3);
	for (i = 0; i < 65536 + 100; i++)
		fdtab__on_fork(t, 100, 1000 + i, false);
	CHECK_STR(st, annot(&s, t, 1000 + 65536 + 99, 3), "</a>");
	CHECK_STR(st, annot(&s, t, 100, 3), "</a>");
	fdtab__on_fork(t, 100, 999999, false);
	CHECK_STR(st, annot(&s, t, 999999, 3), "</a>");
	close_tab(&s, t);
}

/* socketpair(AF_UNIX, SOCK_STREAM) = [@fd0, @fd1], inodes @ino0 and @ino0 + 1. */
static void unix_pair(struct t_sink *s, int fd0, int fd1, uint64_t ino0)
{
	uint64_t a[6] = { AF_UNIX, SOCK_STREAM, 0, 0x1000 };
	int32_t sv[2] = { fd0, fd1 };
	struct fdi d[2];
	struct t_blobspec b[3] = { { 3, sv, 8, 0, 0 } };

	fdi_sock(&d[0], fd0, SR_FDI_SRC_RET, AF_UNIX, SOCK_STREAM, 0, ino0);
	d[0].fi.peer_ino = ino0 + 1;
	fdi_sock(&d[1], fd1, SR_FDI_SRC_RET, AF_UNIX, SOCK_STREAM, 0, ino0 + 1);
	d[1].fi.peer_ino = ino0;
	b[1] = fdi_blob(&d[0]);
	b[2] = fdi_blob(&d[1]);
	t_line(s, "socketpair", a, NULL, 0, 0, b, 3);
}

/* The blobs of a msghdr carrying one byte and SCM_RIGHTS @fds (none: no control). */
struct scm_msg {
	uint64_t h[7];
	uint64_t iov[2];
	uint8_t cbuf[16 + 4 * 8];
	struct t_blobspec b[5];
	int n;
};

static void scm_msg(struct scm_msg *m, const int32_t *fds, int n, uint32_t msg_flags)
{
	uint64_t clen = 16 + 4 * n;

	memset(m, 0, sizeof(*m));
	m->iov[0] = 0x7000;
	m->iov[1] = 1;
	memcpy(m->cbuf, &clen, 8);
	m->cbuf[8] = SOL_SOCKET;
	m->cbuf[12] = SCM_RIGHTS;
	if (n)
		memcpy(m->cbuf + 16, fds, 4 * n);
	m->h[2] = 0x6000;
	m->h[3] = 1;
	m->h[4] = n ? 0x8000 : 0;
	m->h[5] = n ? (clen + 7) & ~7ULL : 0;
	m->h[6] = msg_flags;
	m->b[m->n++] = (struct t_blobspec){ 1, m->h, 56, 0, 56 };
	m->b[m->n++] = (struct t_blobspec){ 1, NULL, 0, 0x8 /* SR_BF_NULL */, 0 };
	m->b[m->n++] = (struct t_blobspec){ 1, m->iov, 16, 0, 16 };
	m->b[m->n++] = (struct t_blobspec){ 1, "x", 1, 0, 1 };
	if (n)
		m->b[m->n++] = (struct t_blobspec){ 1, m->cbuf, m->h[5], 0, (int32_t)m->h[5] };
}

/* sendmsg(@sock) passing the @n fds of @fds. */
static void send_fds(struct t_sink *s, int sock, const int32_t *fds, int n)
{
	uint64_t a[6] = { sock, 0x1000, 0 };
	struct scm_msg m;

	scm_msg(&m, fds, n, 0);
	t_line(s, "sendmsg", a, m.b, m.n, 1, NULL, 0);
}

/* recvmsg(@sock) that installed @fds (MSG_CTRUNC if @trunc); returns the line. */
static const char *recv_fds(struct t_sink *s, int sock, const int32_t *fds, int n, bool trunc)
{
	uint64_t a[6] = { sock, 0x1000, 0 };
	struct scm_msg m, in;

	scm_msg(&in, NULL, 0, 0);
	in.h[4] = 0x8000;
	in.h[5] = 24;
	scm_msg(&m, fds, n, trunc ? MSG_CTRUNC : 0);
	return t_line(s, "recvmsg", a, in.b, in.n, 1, m.b, m.n);
}

/*
 * SCM_RIGHTS: a recvmsg takes one sendmsg's fds, even when truncation
 * (MSG_CTRUNC) dropped some or all of them, or read(2) took the message
 * without them; a queue that overflows stops following its socket.
 */
static void scm_rights_messages(struct t_state *st)
{
	struct t_sink s;
	struct sr_fdtab *t = open_tab(&s, 1);
	int32_t three[3] = { 5, 6, 7 }, one = 8, got[2] = { 9, 10 };
	int i;

	unix_pair(&s, 3, 4, 900);
	open_file(&s, "/a", 0, 5);
	open_file(&s, "/b", 0, 6);
	open_file(&s, "/c", 0, 7);
	open_file(&s, "/d", 0, 8);
	send_fds(&s, 3, three, 3);
	send_fds(&s, 3, &one, 1);
	for (i = 5; i <= 8; i++)
		call1(&s, "close", i, 0);
	/* room for one: /b and /c are closed by the kernel */
	CHECK_STR(st, field(recv_fds(&s, 4, &got[0], 1, true), "cmsg_data="), "cmsg_data=[9</a>]");
	CHECK_STR(st, field(recv_fds(&s, 4, &got[1], 1, false), "cmsg_data="),
		  "cmsg_data=[10</d>]");
	CHECK_STR(st, call1(&s, "fsync", 10, 0), L("fsync(10</d>)", "0"));
	/* no room at all */
	open_file(&s, "/e", 0, 5);
	send_fds(&s, 3, &one, 0);
	one = 5;
	send_fds(&s, 3, &one, 1);
	call1(&s, "close", 5, 0);
	recv_fds(&s, 4, NULL, 0, true);
	open_file(&s, "/f", 0, 5);
	send_fds(&s, 3, &one, 1);
	call1(&s, "close", 5, 0);
	got[0] = 11;
	CHECK_STR(st, field(recv_fds(&s, 4, got, 1, false), "cmsg_data="), "cmsg_data=[11</f>]");
	/* read(4, ...) takes /g's message and drops the fd; then two come at once */
	open_file(&s, "/g", 0, 5);
	open_file(&s, "/h", 0, 6);
	open_file(&s, "/i", 0, 7);
	send_fds(&s, 3, &three[0], 1);
	send_fds(&s, 3, &three[1], 2);
	got[0] = 12;
	got[1] = 13;
	CHECK_STR(st, field(recv_fds(&s, 4, got, 2, false), "cmsg_data="),
		  "cmsg_data=[12</h>, 13</i>]");
	/* never received: past 4096 queued, the socket is no longer followed */
	for (i = 0; i < 4097; i++) {
		send_fds(&s, 3, &three[0], 1);
		if (i % 64 == 0)
			reopen_tab(&s, t, 1);
	}
	send_fds(&s, 3, &three[1], 1);
	got[0] = 14;
	CHECK_STR(st, field(recv_fds(&s, 4, got, 1, false), "cmsg_data="), "cmsg_data=[14]");
	close_tab(&s, t);
}

/*
 * A path too deep for the kernel side to walk whole (SR_FDI_TRUNC): its
 * last components. The call's own path, resolved, gives the rest; else
 * nothing is shown rather than a wrong path.
 */
static void deep_paths(struct t_state *st)
{
	struct t_sink s;
	struct sr_fdtab *t = open_tab(&s, 1);
	char deep[256], call[320], want[300], tail[256];
	uint64_t a[6] = { 0x1000 };
	struct t_blobspec dir = { 0, deep, 0, 0, 0 };
	struct t_blobspec rel = { 1, "f", 2, 0, 0 };
	struct t_blobspec b;
	struct fdi d;
	int i;

	strcpy(deep, "/nonexistent-deep");
	for (i = 0; i < 40; i++)
		strcat(deep, "/d");
	dir.len = strlen(deep) + 1;
	t_line(&s, "chdir", a, &dir, 1, 0, NULL, 0);
	/* the last 32 components */
	tail[0] = '\0';
	for (i = 0; i < 31; i++)
		strcat(tail, "/d");
	strcat(tail, "/f");
	a[0] = T_AT_FDCWD;
	a[1] = 0x2000;
	b = fdi_path(&d, 3, S_IFREG | 0644, tail);
	d.fi.flags = SR_FDI_TRUNC;
	snprintf(call, sizeof(call), "openat(AT_FDCWD<%s>, \"f\", O_RDONLY)", deep);
	snprintf(want, sizeof(want), "3<%s/f>", deep);
	CHECK_STR(st, t_line(&s, "openat", a, &rel, 1, 3, &b, 1), L(call, want));
	snprintf(want, sizeof(want), "fsync(3<%s/f>)", deep);
	CHECK_STR(st, call1(&s, "fsync", 3, 0), L(want, "0"));
	/* a call without a path: no annotation rather than the cut path (no /proc here) */
	b = fdi_path(&d, 4, S_IFREG | 0644, tail);
	d.fi.flags = SR_FDI_TRUNC;
	t_line(&s, "open_by_handle_at", a, NULL, 0, 4, &b, 1);
	CHECK_STR(st, call1(&s, "fsync", 4, 0), L("fsync(4)", "0"));
	close_tab(&s, t);
}

/* "openat(AT_FDCWD<...>, \"x\"": what AT_FDCWD shows now. */
static const char *cwd_line(struct t_sink *s)
{
	uint64_t a[6] = { T_AT_FDCWD, 0x1000 };
	struct t_blobspec in = { 1, "x", 2, 0, 0 };

	return t_line(s, "openat", a, &in, 1, -ENOENT, NULL, 0);
}

/*
 * The cwd follows renames of the directory it is in or of one above it;
 * a chdir whose path was not read, an fchdir to an fd not known, leave it
 * unknown (/proc would answer) rather than where it was.
 */
static void cwd_changes(struct t_state *st)
{
	struct t_sink s;
	struct sr_fdtab *t = open_tab(&s, 1);
	uint64_t a[6] = { 0x1000, 0x2000 };
	struct t_blobspec dir = { 0, "/nonexistent-r/a/b", 19, 0, 0 };
	struct t_blobspec p[2] = { { 0, "/nonexistent-r/a/b", 19, 0, 0 },
				   { 1, "/nonexistent-r/a/c", 19, 0, 0 } };

	t_line(&s, "chdir", a, &dir, 1, 0, NULL, 0);
	CHECK_STR(st, cwd_line(&s),
		  L("openat(AT_FDCWD</nonexistent-r/a/b>, \"x\", O_RDONLY)", ENOENT_RET));
	t_line(&s, "rename", a, p, 2, 0, NULL, 0);
	CHECK_STR(st, cwd_line(&s),
		  L("openat(AT_FDCWD</nonexistent-r/a/c>, \"x\", O_RDONLY)", ENOENT_RET));
	p[0].data = "/nonexistent-r";
	p[0].len = 15;
	p[1].data = "/nonexistent-s";
	p[1].len = 15;
	t_line(&s, "rename", a, p, 2, 0, NULL, 0);
	CHECK_STR(st, cwd_line(&s),
		  L("openat(AT_FDCWD</nonexistent-s/a/c>, \"x\", O_RDONLY)", ENOENT_RET));
	/* a sibling with the same prefix stays */
	p[0].data = "/nonexistent-s/a/c";
	p[0].len = 19;
	p[1].data = "/nonexistent-s/a/c2";
	p[1].len = 20;
	dir.data = "/nonexistent-s/a/c2x";
	dir.len = 21;
	t_line(&s, "chdir", a, &dir, 1, 0, NULL, 0);
	t_line(&s, "rename", a, p, 2, 0, NULL, 0);
	CHECK_STR(st, cwd_line(&s),
		  L("openat(AT_FDCWD</nonexistent-s/a/c2x>, \"x\", O_RDONLY)", ENOENT_RET));
	dir.flags = 0x1; /* SR_BF_FAULT */
	t_line(&s, "chdir", a, &dir, 1, 0, NULL, 0);
	CHECK_STR(st, cwd_line(&s), L("openat(AT_FDCWD, \"x\", O_RDONLY)", ENOENT_RET));
	dir.flags = 0;
	t_line(&s, "chdir", a, &dir, 1, 0, NULL, 0);
	call1(&s, "fchdir", 9, 0);
	CHECK_STR(st, cwd_line(&s), L("openat(AT_FDCWD, \"x\", O_RDONLY)", ENOENT_RET));
	close_tab(&s, t);
}

/* Feed record @r as thread @tid of process 100. */
static void feed_thread(struct t_sink *s, struct t_rec *r, uint32_t tid)
{
	((struct sr_hdr *)r->buf)->tid = tid;
	((struct sr_hdr *)r->buf)->tgid = 100;
	t_feed(s, r);
}

/*
 * Thread 101 closes 3; before its close returns, thread 100 opens a file
 * that gets number 3 (the kernel freed it when close began). The close's
 * exit must not close the new file.
 */
static void close_races_open(struct t_state *st)
{
	struct t_sink s;
	struct sr_fdtab *t = open_tab(&s, 1);
	uint64_t a[6] = { 3 };
	struct t_rec r;
	struct fdi d;

	open_file(&s, "/a", 0, 3);
	t_enter(&r, 101, "close", a);
	feed_thread(&s, &r, 101);
	open_file(&s, "/b", 0, 3);
	/* thread 100 closes and opens it again meanwhile */
	call1(&s, "close", 3, 0);
	open_file(&s, "/c", 0, 3);
	t_exit(&r, 101, "close", 0);
	feed_thread(&s, &r, 101);
	CHECK_STR(st, call1(&s, "fsync", 3, 0), L("fsync(3</c>)", "0"));
	/* without a race, the close closes */
	t_enter(&r, 101, "close", a);
	feed_thread(&s, &r, 101);
	t_exit(&r, 101, "close", 0);
	feed_thread(&s, &r, 101);
	CHECK_STR(st, call1(&s, "fsync", 3, -EBADF), L("fsync(3)", EBADF_RET));
	/* a whole close record: the kernel side says the fd is open at its exit */
	open_file(&s, "/d", 0, 4);
	open_file(&s, "/e", 0, 4);
	a[0] = 4;
	t_call(&r, 101, "close", a, 0);
	fdi_path(&d, 4, S_IFREG | 0644, "/e");
	d.fi.src = 0;
	t_blob(&r, SR_ARG_FDINFO, &d, sizeof(d.fi) + d.fi.namelen, 0, 0);
	feed_thread(&s, &r, 101);
	CHECK_STR(st, call1(&s, "fsync", 4, 0), L("fsync(4</e>)", "0"));
	close_tab(&s, t);
}

static const char *family_comm(void *ctx, uint32_t pid)
{
	return pid == 100 ? "parent" : pid == 200 ? "child" : NULL;
}

/*
 * --peer after socketpair and fork: SO_PEERCRED names the process that
 * made the pair for both ends; the peer is the other process holding the
 * other end.
 */
static void peer_after_fork(struct t_state *st)
{
	struct t_sink s;
	struct sr_fdtab *t;
	uint64_t a[6] = { AF_UNIX, SOCK_STREAM, 0, 0x1000 };
	int32_t sv[2] = { 3, 4 };
	struct t_blobspec b[3] = { { 3, sv, 8, 0, 0 } };
	struct fdi d[2];

	t_sink_open(&s);
	s.opts.decode_fds = 2;
	s.opts.peer = true;
	t = fdtab__new(&s.opts);
	fdtab__set_proc_root(t, NULL);
	t_sink_set_fds(&s, t);
	fdi_sock(&d[0], 3, SR_FDI_SRC_RET, AF_UNIX, SOCK_STREAM, 0, 711);
	d[0].fi.peer_ino = 712;
	d[0].fi.peer_pid = 100;
	fdi_sock(&d[1], 4, SR_FDI_SRC_RET, AF_UNIX, SOCK_STREAM, 0, 712);
	d[1].fi.peer_ino = 711;
	d[1].fi.peer_pid = 100;
	b[1] = fdi_blob(&d[0]);
	b[2] = fdi_blob(&d[1]);
	/* alone, it is its own peer */
	CHECK_STR(
		st, t_line(&s, "socketpair", a, NULL, 0, 0, b, 3),
		L("socketpair(AF_UNIX, SOCK_STREAM, 0, [3<UNIX-STREAM:[711->712] peer=100(test)>, "
		  "4<UNIX-STREAM:[712->711] peer=100(test)>])",
		  "0"));
	fdtab__on_fork(t, 100, 200, false);
	CHECK_STR(st, annot_named(t, 100, 3, family_comm),
		  "<UNIX-STREAM:[711->712] peer=200(child)>");
	CHECK_STR(st, annot_named(t, 200, 4, family_comm),
		  "<UNIX-STREAM:[712->711] peer=100(parent)>");
	/* the child goes by its own name in the trace; the parent closes its copy of 4 */
	name_task(&s, 200, "child");
	call1(&s, "close", 4, 0);
	CHECK_STR(st, call1(&s, "fsync", 3, 0),
		  L("fsync(3<UNIX-STREAM:[711->712] peer=200(child)>)", "0"));
	close_tab(&s, t);
}

static void rename_many_open(struct t_state *st)
{
	struct t_sink s;
	struct sr_fdtab *t = open_tab(&s, 1);
	uint64_t a[6] = { 0x1000, 0x2000 };
	struct t_blobspec p[2] = { { 0, "/r/x0", 6, 0, 0 }, { 1, "/r/x1", 6, 0, 0 } };
	char path[32];
	int i;

	for (i = 0; i < 8000; i++) {
		snprintf(path, sizeof(path), "/r/d%d/o%d", i % 10, i);
		open_file(&s, path, 0, 3 + i);
		if (i % 256 == 0)
			reopen_tab(&s, t, 1);
	}
	open_file(&s, "/r/x0", 0, 9000);
	for (i = 0; i < 20000; i++) {
		p[0].data = i & 1 ? "/r/x1" : "/r/x0";
		p[1].data = i & 1 ? "/r/x0" : "/r/x1";
		t_feed_call(&s, 100, T_AS_KERNEL, "rename", a, p, 2, 0, NULL, 0);
		if (i % 256 == 0)
			reopen_tab(&s, t, 1);
	}
	CHECK(st, t->path_scans == 0);
	CHECK_STR(st, call1(&s, "fsync", 9000, 0), L("fsync(9000</r/x0>)", "0"));
	/* a directory with files below it */
	p[0].data = "/r/d7";
	p[0].len = 6;
	p[1].data = "/r/e7";
	t_line(&s, "rename", a, p, 2, 0, NULL, 0);
	CHECK(st, t->path_scans == 1);
	CHECK_STR(st, call1(&s, "fsync", 3 + 17, 0), L("fsync(20</r/e7/o17>)", "0"));
	CHECK_STR(st, call1(&s, "fsync", 3 + 16, 0), L("fsync(19</r/d6/o16>)", "0"));
	close_tab(&s, t);
}

T_SUITE(fdtab_tests) = {
	T_CASE(open_read_close),
	T_CASE(dups),
	T_CASE(close_range_and_exec),
	T_CASE(fork_and_exit),
	T_CASE(cwd_and_absolute_paths),
	T_CASE(unlink_and_rename),
	T_CASE(path_forms),
	T_CASE(annotations_in_hex),
	T_CASE(socket_forms),
	T_CASE(socket_updates),
	T_CASE(peer),
	T_CASE(orphan_exit),
	T_CASE(new_fds_not_described),
	T_CASE(lost_events),
	T_CASE(trace_path_old_fds),
	T_CASE(process_cap),
	T_CASE(scm_rights_messages),
	T_CASE(deep_paths),
	T_CASE(cwd_changes),
	T_CASE(close_races_open),
	T_CASE(peer_after_fork),
	T_CASE(rename_many_open),
	T_END,
};
