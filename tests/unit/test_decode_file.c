// SPDX-License-Identifier: GPL-2.0
/* Decoders of user/decode/file.c, against lines strace 6.1 prints. */
#include <errno.h>
#include <string.h>
#include <asm/stat.h>
#include <asm/statfs.h>
#include <linux/stat.h>

#include "rec.h"
#include "test.h"

static void open_flags_and_mode(struct t_state *st)
{
	struct t_sink s;
	uint64_t a[6] = { T_AT_FDCWD, 0x1000, 0x241, 0640 };
	struct t_blobspec p = { 1, "f.txt", 6, 0, 0 };

	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "openat", a, &p, 1, 3, NULL, 0),
		  "openat(AT_FDCWD, \"f.txt\", O_WRONLY|O_CREAT|O_TRUNC, 0640) = 3");
	a[2] = 0x80000;
	CHECK_STR(st, t_line(&s, "openat", a, &p, 1, 3, NULL, 0),
		  "openat(AT_FDCWD, \"f.txt\", O_RDONLY|O_CLOEXEC) = 3");
	a[2] = 0x400000c2;
	a[3] = 0644;
	CHECK_STR(st, t_line(&s, "openat", a, &p, 1, 3, NULL, 0),
		  "openat(AT_FDCWD, \"f.txt\", O_RDWR|O_CREAT|O_EXCL|0x40000000, 0644) = 3");
	a[2] = 02 | 020200000; /* O_RDWR|O_TMPFILE */
	a[3] = 0600;
	CHECK_STR(st, t_line(&s, "openat", a, &p, 1, 3, NULL, 0),
		  "openat(AT_FDCWD, \"f.txt\", O_RDWR|O_TMPFILE, 0600) = 3");
	a[2] = 3;
	CHECK_STR(st, t_line(&s, "openat", a, &p, 1, 4, NULL, 0),
		  "openat(AT_FDCWD, \"f.txt\", O_ACCMODE) = 4");
	a[2] = 04010000 | 04000; /* O_SYNC|O_NONBLOCK */
	CHECK_STR(st, t_line(&s, "openat", a, &p, 1, 3, NULL, 0),
		  "openat(AT_FDCWD, \"f.txt\", O_RDONLY|O_NONBLOCK|O_SYNC) = 3");
	a[0] = 0x1000;
	a[1] = 0x241;
	a[2] = 0644;
	p.arg = 0;
	CHECK_STR(st, t_line(&s, "open", a, &p, 1, 3, NULL, 0),
		  "open(\"f.txt\", O_WRONLY|O_CREAT|O_TRUNC, 0644) = 3");
	t_sink_close(&s);
}

static void stat_abbrev(struct t_state *st)
{
	struct t_sink s;
	struct stat sb;
	uint64_t a[6] = { 0x1000, 0x2000 };
	struct t_blobspec p = { 0, "f.txt", 6, 0, 0 };
	struct t_blobspec out = { 1, &sb, sizeof(sb), 0, 0 };

	memset(&sb, 0, sizeof(sb));
	sb.st_mode = 0100640;
	sb.st_size = 5;
	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "stat", a, &p, 1, 0, &out, 1),
		  "stat(\"f.txt\", {st_mode=S_IFREG|0640, st_size=5, ...}) = 0");
	sb.st_mode = 020666;
	sb.st_rdev = 0x103;
	CHECK_STR(st, t_line(&s, "stat", a, &p, 1, 0, &out, 1),
		  "stat(\"f.txt\", {st_mode=S_IFCHR|0666, st_rdev=makedev(0x1, 0x3), ...}) = 0");
	sb.st_mode = 064600;
	sb.st_rdev = 0x11110370; /* makedev(0x103, 0x11170) */
	CHECK_STR(st, t_line(&s, "stat", a, &p, 1, 0, &out, 1),
		  "stat(\"f.txt\", {st_mode=S_IFBLK|S_ISUID|0600, st_rdev=makedev(0x103, 0x11170), "
		  "...}) = 0");
	a[0] = 3;
	a[1] = 0x1000;
	a[2] = 0x7ffe7ca3edf0;
	a[3] = 0;
	p.arg = 1;
	p.data = "";
	p.len = 1;
	CHECK_STR(st, t_line(&s, "newfstatat", a, &p, 1, -2, NULL, 0),
		  "newfstatat(3, \"\", 0x7ffe7ca3edf0, 0) = -1 ENOENT (No such file or directory)");
	t_sink_close(&s);
}

static void stat_verbose(struct t_state *st)
{
	struct t_sink s;
	struct stat sb;
	uint64_t a[6] = { 3, 0x2000 };
	struct t_blobspec out = { 1, &sb, sizeof(sb), 0, 0 };

	t_utc();
	memset(&sb, 0, sizeof(sb));
	sb.st_dev = 0xfe00;
	sb.st_ino = 10963313;
	sb.st_mode = 0100640;
	sb.st_nlink = 1;
	sb.st_blksize = 4096;
	sb.st_blocks = 8;
	sb.st_size = 5;
	sb.st_atime = sb.st_mtime = sb.st_ctime = 1795846498;
	sb.st_atime_nsec = sb.st_mtime_nsec = sb.st_ctime_nsec = 325800827;
	t_sink_open(&s);
	s.opts.verbose = true;
	CHECK_STR(st, t_line(&s, "fstat", a, NULL, 0, 0, &out, 1),
		  "fstat(3, {st_dev=makedev(0xfe, 0), st_ino=10963313, st_mode=S_IFREG|0640, "
		  "st_nlink=1, st_uid=0, st_gid=0, st_blksize=4096, st_blocks=8, st_size=5, "
		  "st_atime=1795846498 /* 2026-11-28T06:14:58.325800827+0000 */, "
		  "st_atime_nsec=325800827, "
		  "st_mtime=1795846498 /* 2026-11-28T06:14:58.325800827+0000 */, "
		  "st_mtime_nsec=325800827, "
		  "st_ctime=1795846498 /* 2026-11-28T06:14:58.325800827+0000 */, "
		  "st_ctime_nsec=325800827}) = 0");
	t_sink_close(&s);
}

static void statx_lines(struct t_state *st)
{
	struct t_sink s;
	struct statx sx;
	uint64_t a[6] = { T_AT_FDCWD, 0x1000, 0x100, 0x1, 0x2000 };
	struct t_blobspec p = { 1, "link", 5, 0, 0 };
	struct t_blobspec out = { 4, &sx, sizeof(sx), 0, 0 };

	memset(&sx, 0, sizeof(sx));
	sx.stx_mask = 0x173f;
	sx.stx_mode = 0120777;
	sx.stx_size = 5;
	t_sink_open(&s);
	CHECK_STR(
		st, t_line(&s, "statx", a, &p, 1, 0, &out, 1),
		"statx(AT_FDCWD, \"link\", AT_STATX_SYNC_AS_STAT|AT_SYMLINK_NOFOLLOW, STATX_TYPE, "
		"{stx_mask=STATX_TYPE|STATX_MODE|STATX_NLINK|STATX_UID|STATX_GID|STATX_ATIME|"
		"STATX_INO|STATX_SIZE|STATX_BLOCKS|STATX_MNT_ID, stx_attributes=0, "
		"stx_mode=S_IFLNK|0777, stx_size=5, ...}) = 0");
	a[2] = 0x4000 | 0x80000;
	a[3] = 0x1fff;
	CHECK_STR(st, t_line(&s, "statx", a, &p, 1, -22, NULL, 0),
		  "statx(AT_FDCWD, \"link\", AT_STATX_DONT_SYNC|0x80000, STATX_ALL|STATX_MNT_ID, "
		  "0x2000) = -1 EINVAL (Invalid argument)");
	a[2] = 0x2000 | 0x800;
	a[3] = 0xfff;
	sx.stx_mask = 0x1fff;
	CHECK_STR(st, t_line(&s, "statx", a, &p, 1, 0, &out, 1),
		  "statx(AT_FDCWD, \"link\", AT_STATX_FORCE_SYNC|AT_NO_AUTOMOUNT, STATX_ALL, "
		  "{stx_mask=STATX_ALL|STATX_MNT_ID, stx_attributes=0, stx_mode=S_IFLNK|0777, "
		  "stx_size=5, ...}) = 0");
	t_sink_close(&s);
}

static void statfs_lines(struct t_state *st)
{
	struct t_sink s;
	struct statfs sf;
	uint64_t a[6] = { 0x1000, 0x2000 };
	struct t_blobspec p = { 0, "/proc", 6, 0, 0 };
	struct t_blobspec out = { 1, &sf, sizeof(sf), 0, 0 };

	memset(&sf, 0, sizeof(sf));
	sf.f_type = 0x9fa0;
	sf.f_bsize = 4096;
	sf.f_fsid.val[0] = 0x15;
	sf.f_namelen = 255;
	sf.f_frsize = 4096;
	sf.f_flags = 0x1020;
	t_sink_open(&s);
	CHECK_STR(
		st, t_line(&s, "statfs", a, &p, 1, 0, &out, 1),
		"statfs(\"/proc\", {f_type=PROC_SUPER_MAGIC, f_bsize=4096, f_blocks=0, f_bfree=0, "
		"f_bavail=0, f_files=0, f_ffree=0, f_fsid={val=[0x15, 0]}, f_namelen=255, "
		"f_frsize=4096, f_flags=ST_VALID|ST_RELATIME}) = 0");
	sf.f_type = 0x1234;
	sf.f_flags = 0x1000; /* no ST_VALID: the flags mean nothing */
	CHECK_STR(st, t_line(&s, "statfs", a, &p, 1, 0, &out, 1),
		  "statfs(\"/proc\", {f_type=0x1234, f_bsize=4096, f_blocks=0, f_bfree=0, "
		  "f_bavail=0, f_files=0, f_ffree=0, f_fsid={val=[0x15, 0]}, f_namelen=255, "
		  "f_frsize=4096}) = 0");
	t_sink_close(&s);
}

static void openat2_how(struct t_state *st)
{
	struct t_sink s;
	uint64_t how[3] = { 0x80000, 0, 0x4 };
	uint64_t a[6] = { T_AT_FDCWD, 0x1000, 0x2000, 24 };
	struct t_blobspec in[2] = { { 1, "x", 2, 0, 0 }, { 2, how, sizeof(how), 0, 0 } };

	t_sink_open(&s);
	CHECK_STR(
		st, t_line(&s, "openat2", a, in, 2, 6, NULL, 0),
		"openat2(AT_FDCWD, \"x\", {flags=O_RDONLY|O_CLOEXEC, resolve=RESOLVE_NO_SYMLINKS}, "
		"24) = 6");
	how[0] = 0x41;
	how[1] = 0600;
	how[2] = 0x80;
	CHECK_STR(st, t_line(&s, "openat2", a, in, 2, -22, NULL, 0),
		  "openat2(AT_FDCWD, \"x\", {flags=O_WRONLY|O_CREAT, mode=0600, "
		  "resolve=0x80 /* RESOLVE_??? */}, 24) = -1 EINVAL (Invalid argument)");
	a[3] = 8;
	in[1].len = 8;
	CHECK_STR(st, t_line(&s, "openat2", a, in, 2, -22, NULL, 0),
		  "openat2(AT_FDCWD, \"x\", 0x2000, 8) = -1 EINVAL (Invalid argument)");
	t_sink_close(&s);
}

static void mknod_lines(struct t_state *st)
{
	struct t_sink s;
	uint64_t a[6] = { 0x1000, 010644, 0 };
	struct t_blobspec p = { 0, "fifo", 5, 0, 0 };

	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "mknod", a, &p, 1, 0, NULL, 0),
		  "mknod(\"fifo\", S_IFIFO|0644)       = 0");
	a[1] = 020600;
	a[2] = 0x103;
	CHECK_STR(st, t_line(&s, "mknod", a, &p, 1, 0, NULL, 0),
		  "mknod(\"fifo\", S_IFCHR|0600, makedev(0x1, 0x3)) = 0");
	a[1] = 0644;
	CHECK_STR(st, t_line(&s, "mknod", a, &p, 1, 0, NULL, 0),
		  "mknod(\"fifo\", 0644)               = 0");
	a[1] = 0170644;
	CHECK_STR(st, t_line(&s, "mknod", a, &p, 1, -22, NULL, 0),
		  "mknod(\"fifo\", 0170644)            = -1 EINVAL (Invalid argument)");
	a[0] = T_AT_FDCWD;
	a[1] = 0x1000;
	a[2] = 064600;
	a[3] = 0x11110370;
	p.arg = 1;
	CHECK_STR(st, t_line(&s, "mknodat", a, &p, 1, 0, NULL, 0),
		  "mknodat(AT_FDCWD, \"fifo\", S_IFBLK|S_ISUID|0600, makedev(0x103, 0x11170)) = 0");
	t_sink_close(&s);
}

static void utime_times(struct t_state *st)
{
	struct t_sink s;
	int64_t ub[2] = { 1000000000, 1234567890 };
	uint64_t a[6] = { 0x1000, 0x2000 };
	struct t_blobspec in[2] = { { 0, "x", 2, 0, 0 }, { 1, ub, sizeof(ub), 0, 0 } };

	t_utc();
	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "utime", a, in, 2, 0, NULL, 0),
		  "utime(\"x\", {actime=1000000000 /* 2001-09-09T01:46:40+0000 */, "
		  "modtime=1234567890 /* 2009-02-13T23:31:30+0000 */}) = 0");
	a[1] = 0;
	CHECK_STR(st, t_line(&s, "utime", a, in, 1, 0, NULL, 0),
		  "utime(\"x\", NULL)                  = 0");
	t_sink_close(&s);
}

/* One linux_dirent64 record of @reclen bytes at @p. */
static size_t dent64(uint8_t *p, uint64_t ino, uint64_t off, uint16_t reclen, uint8_t type,
		     const char *name)
{
	memset(p, 0, reclen);
	memcpy(p, &ino, 8);
	memcpy(p + 8, &off, 8);
	memcpy(p + 16, &reclen, 2);
	p[18] = type;
	memcpy(p + 19, name, strlen(name));
	return reclen;
}

/* One linux_dirent record: the name, then d_type in the last byte. */
static size_t dent(uint8_t *p, uint64_t ino, uint64_t off, uint16_t reclen, uint8_t type,
		   const char *name)
{
	memset(p, 0, reclen);
	memcpy(p, &ino, 8);
	memcpy(p + 8, &off, 8);
	memcpy(p + 16, &reclen, 2);
	memcpy(p + 18, name, strlen(name));
	p[reclen - 1] = type;
	return reclen;
}

static void getdents_count(struct t_state *st)
{
	struct t_sink s;
	uint8_t buf[160];
	size_t n = 0;
	uint64_t a[6] = { 4, 0x7ffd939e8980, 4096 };
	struct t_blobspec out = { 1, buf, 0, 0, 0 };
	int i;

	for (i = 0; i < 6; i++)
		n += dent64(buf + n, 100 + i, i + 1, i < 2 ? 24 : 28, 4, i ? ".." : ".");
	out.len = n;
	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "getdents64", a, NULL, 0, n, &out, 1),
		  "getdents64(4, 0x7ffd939e8980 /* 6 entries */, 4096) = 160");
	CHECK_STR(st, t_line(&s, "getdents64", a, NULL, 0, 0, NULL, 0),
		  "getdents64(4, 0x7ffd939e8980 /* 0 entries */, 4096) = 0");
	a[2] = 8;
	CHECK_STR(st, t_line(&s, "getdents64", a, NULL, 0, -22, NULL, 0),
		  "getdents64(4, 0x7ffd939e8980, 8)  = -1 EINVAL (Invalid argument)");
	/* the capture stopped short of what the kernel returned */
	a[2] = 4096;
	out.len = 100;
	out.flags = SR_BF_TRUNC;
	CHECK_STR(st, t_line(&s, "getdents64", a, NULL, 0, n, &out, 1),
		  "getdents64(4, 0x7ffd939e8980 /* 4+ entries */, 4096) = 160");
	t_sink_close(&s);
}

static void getdents_verbose(struct t_state *st)
{
	struct t_sink s;
	uint8_t buf[128];
	size_t n = 0;
	uint64_t a[6] = { 6, 0x7ffd939e8980, 8192 };
	struct t_blobspec out = { 1, buf, 0, 0, 0 };

	n += dent64(buf + n, 2, 1, 24, 4, ".");
	n += dent64(buf + n, 10963313, 2, 24, 8, "x");
	out.len = n;
	t_sink_open(&s);
	s.opts.verbose = true;
	CHECK_STR(
		st, t_line(&s, "getdents64", a, NULL, 0, n, &out, 1),
		"getdents64(6, [{d_ino=2, d_off=1, d_reclen=24, d_type=DT_DIR, d_name=\".\"}, "
		"{d_ino=10963313, d_off=2, d_reclen=24, d_type=DT_REG, d_name=\"x\"}], 8192) = 48");
	CHECK_STR(st, t_line(&s, "getdents64", a, NULL, 0, 0, NULL, 0),
		  "getdents64(6, [], 8192)           = 0");
	n = dent(buf, 2, 1, 24, 4, "..");
	out.len = n;
	CHECK_STR(st, t_line(&s, "getdents", a, NULL, 0, n, &out, 1),
		  "getdents(6, [{d_ino=2, d_off=1, d_reclen=24, d_name=\"..\", d_type=DT_DIR}], "
		  "8192) = 24");
	t_sink_close(&s);
}

/* Extended attributes: strace's print_xattr_val() and print_xattr_list(). */
static void xattr_lines(struct t_state *st)
{
	struct t_sink s;
	uint64_t a[6] = { 0x1000, 0x2000, 0x3000, 4, 0 };
	struct t_blobspec in[3] = { { 0, "f", 2, 0, 0 },
				    { 1, "user.a", 7, 0, 0 },
				    { 2, "abc\0", 4, 0, 0 } };
	struct t_blobspec out = { 2, "abc\0", 4, 0, 0 };
	struct t_blobspec list = { 1, "user.a\0user.b\0", 14, 0, 0 };

	t_sink_open(&s);
	/* a trailing NUL is left out, one inside is not */
	CHECK_STR(st, t_line(&s, "setxattr", a, in, 3, 0, NULL, 0),
		  "setxattr(\"f\", \"user.a\", \"abc\", 4, 0) = 0");
	in[2].data = "ab\0c";
	CHECK_STR(st, t_line(&s, "setxattr", a, in, 3, 0, NULL, 0),
		  "setxattr(\"f\", \"user.a\", \"ab\\0c\", 4, 0) = 0");
	/* cut at -s: a NUL in the last place shown ends it, with no "..." */
	s.opts.strsize = 4;
	a[3] = 6;
	in[2] = (struct t_blobspec){ 2, "abc\0", 4, SR_BF_TRUNC, 0 };
	CHECK_STR(st, t_line(&s, "setxattr", a, in, 3, 0, NULL, 0),
		  "setxattr(\"f\", \"user\"..., \"abc\", 6, 0) = 0");
	in[2] = (struct t_blobspec){ 2, "abcd", 4, SR_BF_TRUNC, 0 };
	CHECK_STR(st, t_line(&s, "setxattr", a, in, 3, 0, NULL, 0),
		  "setxattr(\"f\", \"user\"..., \"abcd\"..., 6, 0) = 0");
	s.opts.strsize = 32;
	a[3] = 64;
	CHECK_STR(st, t_line(&s, "getxattr", a, in, 2, 4, &out, 1),
		  "getxattr(\"f\", \"user.a\", \"abc\", 64) = 4");
	a[3] = 2;
	CHECK_STR(
		st, t_line(&s, "getxattr", a, in, 2, -ERANGE, NULL, 0),
		"getxattr(\"f\", \"user.a\", 0x3000, 2) = -1 ERANGE (Numerical result out of range)");
	/* the list: the address when there is no room for it, or on failure */
	a[1] = 0x3000;
	a[2] = 0;
	CHECK_STR(st, t_line(&s, "listxattr", a, in, 1, 14, &list, 1),
		  "listxattr(\"f\", 0x3000, 0)         = 14");
	a[2] = 64;
	CHECK_STR(st, t_line(&s, "listxattr", a, in, 1, 14, &list, 1),
		  "listxattr(\"f\", \"user.a\\0user.b\\0\", 64) = 14");
	a[2] = 2;
	CHECK_STR(
		st, t_line(&s, "listxattr", a, in, 1, -ERANGE, NULL, 0),
		"listxattr(\"f\", 0x3000, 2)         = -1 ERANGE (Numerical result out of range)");
	a[0] = 3;
	a[2] = 0;
	CHECK_STR(st, t_line(&s, "flistxattr", a, NULL, 0, 14, &list, 1),
		  "flistxattr(3, 0x3000, 0)          = 14");
	t_sink_close(&s);
}

/* mount's type and data by its flags, the old magic number (strace 6.1's mount tests). */
static void mount_lines(struct t_state *st)
{
	struct t_sink s;
	uint64_t a[6] = { 0x1000, 0x2000, 0x3000, 0xf, 0x4000 };
	struct t_blobspec in[4] = { { 0, "mount_source", 13, 0, 0 },
				    { 1, "mount_target", 13, 0, 0 },
				    { 2, "mount_fstype", 13, 0, 0 },
				    { 4, "mount_data", 11, 0, 0 } };

	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "mount", a, in, 4, -ENOENT, NULL, 0),
		  "mount(\"mount_source\", \"mount_target\", \"mount_fstype\", "
		  "MS_RDONLY|MS_NOSUID|MS_NODEV|MS_NOEXEC, \"mount_data\") = -1 ENOENT (No such "
		  "file or directory)");
	a[3] = 0xc0ed000f;
	CHECK_STR(st, t_line(&s, "mount", a, in, 4, -ENOENT, NULL, 0),
		  "mount(\"mount_source\", \"mount_target\", \"mount_fstype\", "
		  "MS_MGC_VAL|MS_RDONLY|MS_NOSUID|MS_NODEV|MS_NOEXEC, \"mount_data\") = -1 ENOENT "
		  "(No such file or directory)");
	a[3] = 0x20; /* MS_REMOUNT: the type is not read */
	CHECK_STR(st, t_line(&s, "mount", a, in, 4, -ENOENT, NULL, 0),
		  "mount(\"mount_source\", \"mount_target\", 0x3000, MS_REMOUNT, \"mount_data\") = "
		  "-1 ENOENT (No such file or directory)");
	a[3] = 0x1000; /* MS_BIND: nor the data */
	CHECK_STR(st, t_line(&s, "mount", a, in, 4, -ENOENT, NULL, 0),
		  "mount(\"mount_source\", \"mount_target\", 0x3000, MS_BIND, 0x4000) = -1 ENOENT "
		  "(No such file or directory)");
	s.opts.xlat_style = SR_XLAT_VERBOSE;
	t_sink_reinit(&s);
	a[3] = 0xc0ed000f;
	CHECK_STR(
		st, t_line(&s, "mount", a, in, 4, -ENOENT, NULL, 0),
		"mount(\"mount_source\", \"mount_target\", \"mount_fstype\", 0xc0ed0000 /* "
		"MS_MGC_VAL */|0xf /* MS_RDONLY|MS_NOSUID|MS_NODEV|MS_NOEXEC */, \"mount_data\") = "
		"-1 ENOENT (No such file or directory)");
	t_sink_close(&s);
}

/* fanotify_mark's dirfd FAN_NOFD (strace 6.1's fanotify_mark and -Xverbose tests). */
static void fanotify_nofd(struct t_state *st)
{
	struct t_sink s;
	uint64_t a[6] = { 305419896, 0, 0, 0xffffffff, 0 };

	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "fanotify_mark", a, NULL, 0, -EINVAL, NULL, 0),
		  "fanotify_mark(305419896, 0, 0, FAN_NOFD, NULL) = -1 EINVAL (Invalid argument)");
	a[3] = (uint64_t)-100;
	CHECK_STR(st, t_line(&s, "fanotify_mark", a, NULL, 0, -EINVAL, NULL, 0),
		  "fanotify_mark(305419896, 0, 0, AT_FDCWD, NULL) = -1 EINVAL (Invalid argument)");
	s.opts.xlat_style = SR_XLAT_VERBOSE;
	t_sink_reinit(&s);
	a[3] = 0xffffffff;
	CHECK_STR(st, t_line(&s, "fanotify_mark", a, NULL, 0, -EINVAL, NULL, 0),
		  "fanotify_mark(305419896, 0, 0, -1 /* FAN_NOFD */, NULL) = -1 EINVAL (Invalid "
		  "argument)");
	t_sink_close(&s);
}

T_SUITE(decode_file_tests) = {
	T_CASE(open_flags_and_mode), T_CASE(stat_abbrev),
	T_CASE(stat_verbose),	     T_CASE(statx_lines),
	T_CASE(statfs_lines),	     T_CASE(openat2_how),
	T_CASE(mknod_lines),	     T_CASE(utime_times),
	T_CASE(getdents_count),	     T_CASE(getdents_verbose),
	T_CASE(xattr_lines),	     T_CASE(mount_lines),
	T_CASE(fanotify_nofd),	     T_END,
};
