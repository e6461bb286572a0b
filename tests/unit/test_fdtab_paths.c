// SPDX-License-Identifier: GPL-2.0
/*
 * The fd tables' paths from synthetic records: -y's forms of a path,
 * --absolute-paths and the working directory (chdir, fchdir), unlink and
 * rename of open files, deep paths, bytes shown in hex. Helpers: fdtab_util.h.
 */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <string.h>
#include <sys/stat.h>

#include "decode/decode.h"
#include "fd/fdtab.h"
#include "fd/model.h" /* counters: sr_fdtab.path_scans */
#include "rec.h"
#include "test.h"
#include "fdtab_util.h"
#define PIPEFS	   0x50495045
#define ANONFS	   0x09041934
#define ENOENT_RET "-1 ENOENT (No such file or directory)"

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

T_SUITE(fdtab_path_tests) = {
	T_CASE(cwd_and_absolute_paths),
	T_CASE(unlink_and_rename),
	T_CASE(path_forms),
	T_CASE(annotations_in_hex),
	T_CASE(deep_paths),
	T_CASE(cwd_changes),
	T_CASE(rename_many_open),
	T_END,
};
