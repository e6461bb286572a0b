// SPDX-License-Identifier: GPL-2.0
/*
 * Decoders of the long tail that strace 6.1's own test suite exercises
 * (keyctl.c, ...), against the lines its test programs expect.
 */
#include <errno.h>
#include <string.h>
#include <fcntl.h>
#include <linux/keyctl.h>
#include <linux/module.h>
#include <linux/mount.h>

#include "rec.h"
#include "test.h"

/* add_key's and request_key's keyring: a KEY_SPEC_ name, else a signed int. */
static void key_serials(struct t_state *st)
{
	struct t_sink s;
	uint64_t a[6] = { 0, 0, 0, 0, (uint32_t)KEY_SPEC_THREAD_KEYRING };

	t_sink_open(&s);
	CHECK_STR(
		st, t_line(&s, "add_key", a, NULL, 0, -EFAULT, NULL, 0),
		"add_key(NULL, NULL, NULL, 0, KEY_SPEC_THREAD_KEYRING) = -1 EFAULT (Bad address)");
	/* garbage in the upper half: the kernel reads an int */
	a[4] = 0xbadc0ded00000000ULL | (uint32_t)KEY_SPEC_REQUESTOR_KEYRING;
	CHECK_STR(st, t_line(&s, "add_key", a, NULL, 0, -EFAULT, NULL, 0),
		  "add_key(NULL, NULL, NULL, 0, KEY_SPEC_REQUESTOR_KEYRING) = -1 EFAULT (Bad "
		  "address)");
	a[3] = (uint32_t)-1234567890;
	CHECK_STR(st, t_line(&s, "request_key", a, NULL, 0, -EFAULT, NULL, 0),
		  "request_key(NULL, NULL, NULL, -1234567890) = -1 EFAULT (Bad address)");
	a[3] = 0;
	CHECK_STR(st, t_line(&s, "request_key", a, NULL, 0, -EFAULT, NULL, 0),
		  "request_key(NULL, NULL, NULL, 0)  = -1 EFAULT (Bad address)");
	t_sink_close(&s);
}

/* The mount API's and finit_module's flags: named, 32 bits, unknown bits in hex. */
static void mount_api_flags(struct t_state *st)
{
	struct t_sink s;
	uint64_t a[6] = { (uint32_t)AT_FDCWD, 0xdefaced00000000ULL, 0xdefaced00000000ULL };

	t_sink_open(&s);
	/* a plain fd argument of -100 is a number; only a dirfd is AT_FDCWD */
	CHECK_STR(st, t_line(&s, "fsmount", a, NULL, 0, -EBADF, NULL, 0),
		  "fsmount(-100, 0, 0)               = -1 EBADF (Bad file descriptor)");
	a[0] = (uint32_t)-1;
	a[1] = 0xfffffffe;
	a[2] = 0xffffff40 | MOUNT_ATTR_RDONLY | MOUNT_ATTR_NODIRATIME;
	CHECK_STR(st, t_line(&s, "fsmount", a, NULL, 0, -EBADF, NULL, 0),
		  "fsmount(-1, 0xfffffffe /* FSMOUNT_??? */, "
		  "MOUNT_ATTR_RDONLY|MOUNT_ATTR_NODIRATIME|0xffffff40) = -1 EBADF (Bad file "
		  "descriptor)");
	a[1] = FSMOUNT_CLOEXEC;
	a[2] = 0x40;
	CHECK_STR(st, t_line(&s, "fsmount", a, NULL, 0, -EBADF, NULL, 0),
		  "fsmount(-1, FSMOUNT_CLOEXEC, 0x40 /* MOUNT_ATTR_??? */) = -1 EBADF (Bad file "
		  "descriptor)");
	a[0] = 0;
	a[1] = 0xdefaced00000000ULL | FSOPEN_CLOEXEC | 0xfffffffe;
	CHECK_STR(st, t_line(&s, "fsopen", a, NULL, 0, -EINVAL, NULL, 0),
		  "fsopen(NULL, FSOPEN_CLOEXEC|0xfffffffe) = -1 EINVAL (Invalid argument)");
	a[0] = (uint32_t)-1;
	a[1] = 0;
	a[2] = FSPICK_CLOEXEC | FSPICK_EMPTY_PATH | 0xfffffff0;
	CHECK_STR(st, t_line(&s, "fspick", a, NULL, 0, -EFAULT, NULL, 0),
		  "fspick(-1, NULL, FSPICK_CLOEXEC|FSPICK_EMPTY_PATH|0xfffffff0) = -1 EFAULT (Bad "
		  "address)");
	a[2] = OPEN_TREE_CLONE | OPEN_TREE_CLOEXEC | AT_RECURSIVE;
	CHECK_STR(st, t_line(&s, "open_tree", a, NULL, 0, -EFAULT, NULL, 0),
		  "open_tree(-1, NULL, OPEN_TREE_CLONE|OPEN_TREE_CLOEXEC|AT_RECURSIVE) = -1 EFAULT "
		  "(Bad address)");
	a[2] = (uint32_t)-1;
	a[4] = MOVE_MOUNT_F_EMPTY_PATH | MOVE_MOUNT_SET_GROUP;
	CHECK_STR(
		st, t_line(&s, "move_mount", a, NULL, 0, -EFAULT, NULL, 0),
		"move_mount(-1, NULL, -1, NULL, MOVE_MOUNT_F_EMPTY_PATH|MOVE_MOUNT_SET_GROUP) = -1 "
		"EFAULT (Bad address)");
	a[0] = 0;
	a[2] = 0xdec0ded0 | MODULE_INIT_IGNORE_MODVERSIONS;
	CHECK_STR(st, t_line(&s, "finit_module", a, NULL, 0, -ENOSYS, NULL, 0),
		  "finit_module(0, NULL, MODULE_INIT_IGNORE_MODVERSIONS|0xdec0ded0) = -1 ENOSYS "
		  "(Function not implemented)");
	a[2] = 0xdefaced0;
	CHECK_STR(st, t_line(&s, "finit_module", a, NULL, 0, -ENOSYS, NULL, 0),
		  "finit_module(0, NULL, 0xdefaced0 /* MODULE_INIT_??? */) = -1 ENOSYS (Function "
		  "not implemented)");
	t_sink_close(&s);
}

/*
 * Strings the kernel reads a bounded number of bytes of (memfd_create's
 * name, reboot's command), flags with a size shift, ustat's device: lines of
 * strace 6.1's memfd_create, reboot and ustat tests.
 */
#define X10  "xxxxxxxxxx"
#define X50  X10 X10 X10 X10 X10
#define X250 X50 X50 X50 X50 X50

static void bounded_strings(struct t_state *st)
{
	struct t_sink s;
	char name[250];
	uint64_t a[6] = { 0x7f4e307b2f06, 0 };
	struct t_blobspec in = { 0, name, sizeof(name), 0, 0 };
	uint64_t r[6] = { 0xfee1dead, 0x13111992, 0xa1b2c3d4, 0x7f17211f0f02 };
	struct t_blobspec rin = { 3, "reb", 3, SR_BF_PART, 0 };
	uint64_t u[6] = { 0xffffffffffffffff, 0 };

	memset(name, 'x', sizeof(name));
	t_sink_open(&s);
	s.opts.strsize = 256;
	/* a name of the kernel's longest at the end of a mapping: whole, then "..." */
	CHECK_STR(st, t_line(&s, "memfd_create", a, &in, 1, -EINVAL, NULL, 0),
		  "memfd_create(\"" X250 "\"..., 0) = -1 EINVAL (Invalid argument)");
	s.opts.strsize = 32;
	memcpy(name, "mfd", 4);
	a[1] = 0x78000006; /* MFD_ALLOW_SEALING|MFD_HUGETLB|30<<MFD_HUGE_SHIFT */
	CHECK_STR(st, t_line(&s, "memfd_create", a, &in, 1, -EINVAL, NULL, 0),
		  "memfd_create(\"mfd\", MFD_ALLOW_SEALING|MFD_HUGETLB|30<<MFD_HUGE_SHIFT) = -1 "
		  "EINVAL (Invalid argument)");
	/* a command that runs into an unreadable page before its NUL: strace cannot read it */
	CHECK_STR(st, t_line(&s, "reboot", r, &rin, 1, -EINVAL, NULL, 0),
		  "reboot(LINUX_REBOOT_MAGIC1, 0x13111992 /* LINUX_REBOOT_MAGIC_??? */, "
		  "LINUX_REBOOT_CMD_RESTART2, 0x7f17211f0f02) = -1 EINVAL (Invalid argument)");
	rin = (struct t_blobspec){ 3, "reboot", 7, 0, 0 };
	CHECK_STR(st, t_line(&s, "reboot", r, &rin, 1, -EINVAL, NULL, 0),
		  "reboot(LINUX_REBOOT_MAGIC1, 0x13111992 /* LINUX_REBOOT_MAGIC_??? */, "
		  "LINUX_REBOOT_CMD_RESTART2, \"reboot\") = -1 EINVAL (Invalid argument)");
	r[2] = 0; /* LINUX_REBOOT_CMD_CAD_OFF: no fourth argument */
	CHECK_STR(st, t_line(&s, "reboot", r, NULL, 0, -EINVAL, NULL, 0),
		  "reboot(LINUX_REBOOT_MAGIC1, 0x13111992 /* LINUX_REBOOT_MAGIC_??? */, "
		  "LINUX_REBOOT_CMD_CAD_OFF) = -1 EINVAL (Invalid argument)");
	CHECK_STR(st, t_line(&s, "ustat", u, NULL, 0, -EINVAL, NULL, 0),
		  "ustat(makedev(0xfff, 0xfffff), NULL) = -1 EINVAL (Invalid argument)");
	t_sink_close(&s);
}

/* quotactl and quotactl_fd: QCMD(), arguments by command (strace 6.1's quotactl tests). */
static void quotactls(struct t_state *st)
{
	struct t_sink s;
	uint64_t a[6] = { 0xbadc0ded, 0x7fe3bd1e7000, 0xcafef00d, 0x7fe3bcff7000 };
	uint64_t info[3] = { 0x8786858483828180, 0x8f8e8d8c8b8a8988, 0xdeadbeef00030003ULL };
	struct t_blobspec in[2] = { { 1, "/dev/bogus/", 12, 0, 0 }, { 3, info, 24, 0, 0 } };
	uint32_t fmt = 2; /* QFMT_VFS_V0 */
	struct t_blobspec out = { 3, &fmt, 4, 0, 0 };
	uint32_t xflags = 0xdeadbeef;
	struct t_blobspec xin[2] = { { 1, "/dev/bogus/", 12, 0, 0 }, { 3, &xflags, 4, 0, 0 } };
	uint64_t fd[6] = { (uint64_t)-1, 0xdefaced80000401, (uint64_t)-2, 0x7fe99d846ffc };

	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "quotactl", a, NULL, 0, -EINVAL, NULL, 0),
		  "quotactl(QCMD(0xbadc0d /* Q_??? */, 0xed /* ???QUOTA */), 0x7fe3bd1e7000, "
		  "3405705229, 0x7fe3bcff7000) = -1 EINVAL (Invalid argument)");
	a[0] = 0x80000600; /* QCMD(Q_SETINFO, USRQUOTA) */
	CHECK_STR(
		st, t_line(&s, "quotactl", a, in, 2, -ENOENT, NULL, 0),
		"quotactl(QCMD(Q_SETINFO, USRQUOTA), \"/dev/bogus/\", {dqi_bgrace=9765639646188044672, "
		"dqi_igrace=10344361028892658056, dqi_flags=DQF_ROOT_SQUASH|DQF_SYS_FILE|0x20002, "
		"dqi_valid=IIF_BGRACE|IIF_IGRACE|IIF_FLAGS|0xdeadbee8}) = -1 ENOENT (No such file or directory)");
	a[0] = 0x80000301; /* QCMD(Q_QUOTAOFF, GRPQUOTA): nothing more */
	CHECK_STR(
		st, t_line(&s, "quotactl", a, in, 1, -ENOENT, NULL, 0),
		"quotactl(QCMD(Q_QUOTAOFF, GRPQUOTA), \"/dev/bogus/\") = -1 ENOENT (No such file or "
		"directory)");
	a[0] = 0x80000400; /* QCMD(Q_GETFMT, USRQUOTA): the format at exit */
	CHECK_STR(st, t_line(&s, "quotactl", a, in, 1, 0, &out, 1),
		  "quotactl(QCMD(Q_GETFMT, USRQUOTA), \"/dev/bogus/\", [QFMT_VFS_V0]) = 0");
	/* XFS: Q_XQUOTAON's flags word (strace 6.1's quotactl-xfs line) */
	a[0] = 0x580100; /* QCMD(Q_XQUOTAON, USRQUOTA) */
	CHECK_STR(
		st, t_line(&s, "quotactl", a, xin, 2, -ENOENT, NULL, 0),
		"quotactl(QCMD(Q_XQUOTAON, USRQUOTA), \"/dev/bogus/\", [FS_QUOTA_UDQ_ACCT|"
		"FS_QUOTA_UDQ_ENFD|FS_QUOTA_GDQ_ACCT|FS_QUOTA_GDQ_ENFD|FS_QUOTA_PDQ_ENFD|0xdeadbec0]) "
		"= -1 ENOENT (No such file or directory)");
	CHECK_STR(st, t_line(&s, "quotactl_fd", fd, NULL, 0, -EBADF, NULL, 0),
		  "quotactl_fd(-1, QCMD(Q_GETFMT, GRPQUOTA), 0x7fe99d846ffc) = -1 EBADF (Bad file "
		  "descriptor)");
	s.opts.xlat_style = SR_XLAT_VERBOSE;
	t_sink_reinit(&s);
	a[0] = 0xbadc0ded;
	CHECK_STR(st, t_line(&s, "quotactl", a, NULL, 0, -EINVAL, NULL, 0),
		  "quotactl(3134983661 /* QCMD(0xbadc0d /* Q_??? */, 0xed /* ???QUOTA */) */, "
		  "0x7fe3bd1e7000, 3405705229, 0x7fe3bcff7000) = -1 EINVAL (Invalid argument)");
	s.opts.xlat_style = SR_XLAT_RAW;
	t_sink_reinit(&s);
	CHECK_STR(st, t_line(&s, "quotactl", a, NULL, 0, -EINVAL, NULL, 0),
		  "quotactl(3134983661, 0x7fe3bd1e7000, 3405705229, 0x7fe3bcff7000) = -1 EINVAL "
		  "(Invalid argument)");
	t_sink_close(&s);
}

/* syslog: the action's number and name whatever -X says, arguments by action (strace 6.1's syslog test). */
static void syslogs(struct t_state *st)
{
	struct t_sink s;
	uint64_t a[6] = { 0xbadc0ded00000009ULL, 0xfacefeeddeadbeefULL, (uint64_t)-1 };
	struct t_blobspec out = { 1, "abc", 3, 0, 0 };

	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "syslog", a, NULL, 0, 115362, NULL, 0),
		  "syslog(9 /* SYSLOG_ACTION_SIZE_UNREAD */) = 115362");
	a[0] = 0xfeedbeef;
	CHECK_STR(st, t_line(&s, "syslog", a, NULL, 0, -EINVAL, NULL, 0),
		  "syslog(-17973521 /* SYSLOG_ACTION_??? */, 0xfacefeeddeadbeef, -1) = -1 EINVAL "
		  "(Invalid argument)");
	a[0] = 8;
	a[2] = 8;
	CHECK_STR(st, t_line(&s, "syslog", a, NULL, 0, -EPERM, NULL, 0),
		  "syslog(8 /* SYSLOG_ACTION_CONSOLE_LEVEL */, 0xfacefeeddeadbeef, 8 /* "
		  "LOGLEVEL_DEBUG+1 */) = -1 EPERM (Operation not permitted)");
	a[0] = 3;
	a[2] = 64;
	CHECK_STR(st, t_line(&s, "syslog", a, NULL, 0, 3, &out, 1),
		  "syslog(3 /* SYSLOG_ACTION_READ_ALL */, \"abc\", 64) = 3");
	t_sink_close(&s);
}

T_SUITE(decode_misc_tests) = {
	T_CASE(key_serials), T_CASE(mount_api_flags), T_CASE(bounded_strings),
	T_CASE(quotactls),   T_CASE(syslogs),	      T_END,
};
