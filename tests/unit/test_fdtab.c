// SPDX-License-Identifier: GPL-2.0
/*
 * The fd tables (-y, -yy) from synthetic records: what the kernel side
 * describes (struct sr_fdinfo blobs), what close, dup, fcntl, close_range,
 * execve, fork and exits do to the tables, and the cap on processes. /proc
 * is turned off: a process first seen starts empty (test_fdtab_proc.c
 * builds a fake one). Helpers: fdtab_util.h.
 */
#include <errno.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include "decode/decode.h"
#include "fd/fdtab.h"
#include "rec.h"
#include "test.h"
#include "fdtab_util.h"

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

T_SUITE(fdtab_tests) = {
	T_CASE(open_read_close),      T_CASE(dups),
	T_CASE(close_range_and_exec), T_CASE(fork_and_exit),
	T_CASE(orphan_exit),	      T_CASE(process_cap),
	T_CASE(close_races_open),     T_END,
};
