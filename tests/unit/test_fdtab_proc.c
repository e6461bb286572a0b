// SPDX-License-Identifier: GPL-2.0
/*
 * The fd tables against a fake /proc: fds the kernel side does not
 * describe (a pidfd, bpf and ioctl results), lost events, and -P on fds
 * opened before tracing. Helpers: fdtab_util.h.
 */
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "decode/decode.h"
#include "fd/fdtab.h"
#include "rec.h"
#include "test.h"
#include "fdtab_util.h"
#define EINVAL_RET "-1 EINVAL (Invalid argument)"

/* What fdtab__describe() says of @fd of @tgid, without preparing anything. */
static const char *described(const struct sr_fdtab *t, uint32_t tgid, int fd)
{
	static char buf[SR_FD_ANNOT_MAX];
	const struct sr_sysent *e = syscalls__by_name("fsync");
	struct sr_call c = { .ent = e, .nr = e->nr, .tgid = tgid, .tid = tgid, .args = { fd } };

	fdtab__describe(t, &c, fd, SR_FDW_ARG, buf, sizeof(buf));
	return buf;
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

T_SUITE(fdtab_proc_tests) = {
	T_CASE(new_fds_not_described),
	T_CASE(lost_events),
	T_CASE(trace_path_old_fds),
	T_END,
};
