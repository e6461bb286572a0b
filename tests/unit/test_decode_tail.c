// SPDX-License-Identifier: GPL-2.0
/*
 * More of the long tail strace 6.1's own test suite exercises (fsconfig.c,
 * mount.c, personality.c, ipc_shm.c, caps.c, fcntl.c, epoll_pwait2's
 * arguments read at exit), against the lines its test programs expect.
 */
#include <errno.h>
#include <string.h>
#include <fcntl.h>
#include <linux/capability.h>
#include <linux/mount.h>

#include "rec.h"
#include "test.h"

#define EINVAL_TAIL "= -1 EINVAL (Invalid argument)"

/* fsconfig: key, value and aux by command (tests/fsconfig.c). */
static void fsconfigs(struct t_state *st)
{
	struct t_sink s;
	uint64_t a[6] = { 3, 8, 0x7f1d902dbfff, 0x7f1d900dff00, (uint32_t)-100 };
	struct t_blobspec b[2] = { { 2, "", 1, SR_BF_PART, 0 }, { 3, "val", 4, 0, 0 } };
	const char bin[3] = { 0, '1', '2' };

	t_sink_open(&s);
	CHECK_STR(
		st, t_line(&s, "fsconfig", a, b, 2, -EINVAL, NULL, 0),
		"fsconfig(3, 0x8 /* FSCONFIG_??? */, 0x7f1d902dbfff, 0x7f1d900dff00, -100) " EINVAL_TAIL);
	a[1] = FSCONFIG_SET_STRING;
	b[0] = (struct t_blobspec){ 2, "abc", 4, 0, 0 };
	CHECK_STR(st, t_line(&s, "fsconfig", a, b, 2, -EINVAL, NULL, 0),
		  "fsconfig(3, FSCONFIG_SET_STRING, \"abc\", \"val\", -100) " EINVAL_TAIL);
	/* a flag has no value: its address */
	a[1] = FSCONFIG_SET_FLAG;
	CHECK_STR(st, t_line(&s, "fsconfig", a, b, 2, -EINVAL, NULL, 0),
		  "fsconfig(3, FSCONFIG_SET_FLAG, \"abc\", 0x7f1d900dff00, -100) " EINVAL_TAIL);
	a[1] = FSCONFIG_SET_BINARY;
	a[4] = sizeof(bin);
	b[1] = (struct t_blobspec){ 3, bin, sizeof(bin), 0, 0 };
	CHECK_STR(st, t_line(&s, "fsconfig", a, b, 2, -EINVAL, NULL, 0),
		  "fsconfig(3, FSCONFIG_SET_BINARY, \"abc\", \"\\x00\\x31\\x32\", 3) " EINVAL_TAIL);
	/* more than strace reads, or bytes that end before aux: the address */
	a[4] = 1024 * 1024 + 1;
	CHECK_STR(
		st, t_line(&s, "fsconfig", a, b, 2, -EINVAL, NULL, 0),
		"fsconfig(3, FSCONFIG_SET_BINARY, \"abc\", 0x7f1d900dff00, 1048577) " EINVAL_TAIL);
	a[4] = 16;
	b[1].flags = SR_BF_PART;
	CHECK_STR(st, t_line(&s, "fsconfig", a, b, 2, -EINVAL, NULL, 0),
		  "fsconfig(3, FSCONFIG_SET_BINARY, \"abc\", 0x7f1d900dff00, 16) " EINVAL_TAIL);
	/* a path and its dirfd; a fd */
	a[0] = (uint32_t)-1;
	a[1] = FSCONFIG_SET_PATH;
	a[2] = 0;
	a[4] = (uint32_t)-100;
	b[0] = (struct t_blobspec){ 3, "/dev/full", 10, 0, 0 };
	CHECK_STR(st, t_line(&s, "fsconfig", a, b, 1, -EBADF, NULL, 0),
		  "fsconfig(-1, FSCONFIG_SET_PATH, NULL, \"/dev/full\", AT_FDCWD) = -1 EBADF (Bad "
		  "file descriptor)");
	/* a path that runs into an unreadable page before its NUL: its address */
	b[0].len = 9;
	b[0].flags = SR_BF_PART;
	CHECK_STR(st, t_line(&s, "fsconfig", a, b, 1, -EBADF, NULL, 0),
		  "fsconfig(-1, FSCONFIG_SET_PATH, NULL, 0x7f1d900dff00, AT_FDCWD) = -1 EBADF (Bad "
		  "file descriptor)");
	a[1] = FSCONFIG_SET_FD;
	a[3] = 0;
	a[4] = 3;
	CHECK_STR(st, t_line(&s, "fsconfig", a, NULL, 0, -EBADF, NULL, 0),
		  "fsconfig(-1, FSCONFIG_SET_FD, NULL, NULL, 3) = -1 EBADF (Bad file descriptor)");
	t_sink_close(&s);
}

/* mount_setattr's struct mount_attr (tests/mount_setattr.c). */
static void mount_attrs(struct t_state *st)
{
	struct t_sink s;
	struct mount_attr attr = { 0xffffffff00000000ULL, 0, MS_UNBINDABLE, 9 };
	uint64_t a[6] = { (uint32_t)-1, 0x7f799dfa4000, 0, 0x7f799dfa4fe0, sizeof(attr) };
	struct t_blobspec b[2] = { { 1, "/dev/full", 10, 0, 0 }, { 3, &attr, sizeof(attr), 0, 0 } };

	t_sink_open(&s);
	CHECK_STR(
		st, t_line(&s, "mount_setattr", a, b, 2, -EINVAL, NULL, 0),
		"mount_setattr(-1, \"/dev/full\", 0, {attr_set=0xffffffff00000000 /* "
		"MOUNT_ATTR_??? */, attr_clr=0, propagation=MS_UNBINDABLE, userns_fd=9}, 32) " EINVAL_TAIL);
	/* a larger struct whose tail cannot be read */
	a[4] = sizeof(attr) + 8;
	b[1].flags = SR_BF_PART;
	CHECK_STR(
		st, t_line(&s, "mount_setattr", a, b, 2, -EINVAL, NULL, 0),
		"mount_setattr(-1, \"/dev/full\", 0, {attr_set=0xffffffff00000000 /* "
		"MOUNT_ATTR_??? */, attr_clr=0, propagation=MS_UNBINDABLE, userns_fd=9, ???}, 40) " EINVAL_TAIL);
	attr = (struct mount_attr){ MOUNT_ATTR_IDMAP, 0, MS_PRIVATE | MS_SHARED, 9 };
	a[4] = sizeof(attr);
	b[1].flags = 0;
	CHECK_STR(st, t_line(&s, "mount_setattr", a, b, 2, -EINVAL, NULL, 0),
		  "mount_setattr(-1, \"/dev/full\", 0, {attr_set=MOUNT_ATTR_IDMAP, attr_clr=0, "
		  "propagation=0x140000 /* MS_??? */, userns_fd=9}, 32) " EINVAL_TAIL);
	/* shorter than the first version: no struct */
	a[4] = MOUNT_ATTR_SIZE_VER0 - 1;
	CHECK_STR(st, t_line(&s, "mount_setattr", a, b, 2, -EINVAL, NULL, 0),
		  "mount_setattr(-1, \"/dev/full\", 0, 0x7f799dfa4fe0, 31) " EINVAL_TAIL);
	t_sink_close(&s);
}

/* -X raw and verbose: personality's domain and flags, shmget's parts (tests/personality.c, ipc_shm.c). */
static void xlat_parts(struct t_state *st)
{
	struct t_sink s;
	uint64_t p[6] = { 0x7000000 }, m[6] = { 0xfdb97531, 16051074064915160786ULL, 0x56ce1e55 };

	t_sink_open(&s);
	s.opts.xlat_style = SR_XLAT_RAW;
	t_sink_reinit(&s);
	CHECK_STR(st, t_line(&s, "personality", p, NULL, 0, 0, NULL, 0),
		  "personality(0|0x7000000)          = 0 (0)");
	CHECK_STR(
		st, t_line(&s, "shmget", m, NULL, 0, -EEXIST, NULL, 0),
		"shmget(0xfdb97531, 16051074064915160786, 0x2ce1e00|21<<26|0125) = -1 EEXIST (File "
		"exists)");
	m[2] = 0;
	CHECK_STR(st, t_line(&s, "shmget", m, NULL, 0, 0, NULL, 0),
		  "shmget(0xfdb97531, 16051074064915160786, 000) = 0");
	s.opts.xlat_style = SR_XLAT_VERBOSE;
	t_sink_reinit(&s);
	p[0] = 0x7010006;
	CHECK_STR(st, t_line(&s, "personality", p, NULL, 0, 0x10000, NULL, 0),
		  "personality(0x6 /* PER_BSD */|0x7010000 /* SHORT_INODE|WHOLE_SECONDS|"
		  "STICKY_TIMEOUTS|0x10000 */) = 0x10000 (0 /* PER_LINUX */|0x10000)");
	m[2] = 0x56ce1e55;
	CHECK_STR(st, t_line(&s, "shmget", m, NULL, 0, -EEXIST, NULL, 0),
		  "shmget(0xfdb97531, 16051074064915160786, 0x2ce1e00 /* IPC_CREAT|IPC_EXCL|"
		  "SHM_HUGETLB|SHM_NORESERVE|0x2ce0000 */|21<<26 /* SHM_HUGE_SHIFT */|0125) = -1 "
		  "EEXIST (File exists)");
	m[2] = 0x54000000;
	CHECK_STR(st, t_line(&s, "shmget", m, NULL, 0, 0, NULL, 0),
		  "shmget(0xfdb97531, 16051074064915160786, 21<<26 /* SHM_HUGE_SHIFT */|000) = 0");
	t_sink_close(&s);
}

/* capset's data as the header's version says; -e verbose= (tests/caps.c, caps-abbrev). */
static void cap_sets(struct t_state *st)
{
	struct t_sink s;
	struct __user_cap_header_struct h = { _LINUX_CAPABILITY_VERSION_1, 0 };
	struct __user_cap_data_struct d = { 1 << CAP_DAC_OVERRIDE, 1 << CAP_DAC_READ_SEARCH, 0 };
	uint64_t a[6] = { 0x7fa0e3264000, 0x7fa0e3073ff4 };
	struct t_blobspec b[2] = { { 0, &h, sizeof(h), 0, 0 },
				   { 1, &d, sizeof(d), SR_BF_PART, 0 } };
	int nr = syscalls__by_name("capset")->nr;

	t_sink_open(&s);
	CHECK_STR(
		st, t_line(&s, "capset", a, b, 2, -EPERM, NULL, 0),
		"capset({version=_LINUX_CAPABILITY_VERSION_1, pid=0}, {effective=1<<CAP_DAC_OVERRIDE, "
		"permitted=1<<CAP_DAC_READ_SEARCH, inheritable=0}) = -1 EPERM (Operation not "
		"permitted)");
	/* version 3 wants two words: one is not enough */
	h.version = _LINUX_CAPABILITY_VERSION_3;
	CHECK_STR(
		st, t_line(&s, "capset", a, b, 2, -EFAULT, NULL, 0),
		"capset({version=_LINUX_CAPABILITY_VERSION_3, pid=0}, 0x7fa0e3073ff4) = -1 EFAULT "
		"(Bad address)");
	/* an unreadable header: the data's version is unknown */
	b[0].flags = SR_BF_FAULT;
	b[0].len = 0;
	b[1].flags = 0;
	CHECK_STR(st, t_line(&s, "capset", a, b, 2, -EFAULT, NULL, 0),
		  "capset(0x7fa0e3264000, 0x7fa0e3073ff4) = -1 EFAULT (Bad address)");
	b[0] = (struct t_blobspec){ 0, &h, sizeof(h), 0, 0 };
	s.opts.noverbose_sel[nr / 8] |= 1u << (nr % 8);
	t_sink_reinit(&s);
	CHECK_STR(st, t_line(&s, "capset", a, b, 2, -EPERM, NULL, 0),
		  "capset(0x7fa0e3264000, 0x7fa0e3073ff4) = -1 EPERM (Operation not permitted)");
	t_sink_close(&s);
}

/* fcntl's f_owner_ex at the end of a mapping (tests/fcntl-common.c). */
static void owner_ex(struct t_state *st)
{
	struct t_sink s;
	struct f_owner_ex o = { F_OWNER_TID, 1234567890 };
	uint64_t a[6] = { 0, F_SETOWN_EX, 0x7f8a5f1ecff8 };
	struct t_blobspec b = { 2, &o, sizeof(o), SR_BF_PART, 0 };

	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "fcntl", a, &b, 1, -ESRCH, NULL, 0),
		  "fcntl(0, F_SETOWN_EX, {type=F_OWNER_TID, pid=1234567890}) = -1 ESRCH (No such "
		  "process)");
	a[2]++;
	b.len--;
	CHECK_STR(st, t_line(&s, "fcntl", a, &b, 1, -EFAULT, NULL, 0),
		  "fcntl(0, F_SETOWN_EX, 0x7f8a5f1ecff9) = -1 EFAULT (Bad address)");
	t_sink_close(&s);
}

/* strace reads epoll_pwait2's timeout and sigmask at exit: a failed call shows addresses. */
static void read_at_exit(struct t_state *st)
{
	struct t_sink s;
	uint8_t ff[16];
	uint64_t a[6] = { 3, 0x7efd3d75bff4, 0xffffffff, 0x7efd3d56bff0, 0x7efd3d565ff8, 8 };
	struct t_blobspec b[2] = { { 3, ff, 16, 0, 0 }, { 4, ff, 8, 0, 0 } };
	struct t_blobspec none = { 1, ff, 0, 0, 0 };

	memset(ff, 0xff, sizeof(ff));
	t_sink_open(&s);
	CHECK_STR(
		st, t_line(&s, "epoll_pwait2", a, b, 2, -EINVAL, NULL, 0),
		"epoll_pwait2(3, 0x7efd3d75bff4, -1, 0x7efd3d56bff0, 0x7efd3d565ff8, 8) " EINVAL_TAIL);
	memset(ff, 0, sizeof(ff));
	CHECK_STR(st, t_line(&s, "epoll_pwait2", a, b, 2, 0, &none, 1),
		  "epoll_pwait2(3, [], -1, {tv_sec=0, tv_nsec=0}, [], 8) = 0");
	t_sink_close(&s);
}

T_SUITE(decode_tail_tests) = {
	T_CASE(fsconfigs),
	T_CASE(mount_attrs),
	T_CASE(xlat_parts),
	T_CASE(cap_sets),
	T_CASE(owner_ex),
	T_CASE(read_at_exit),
	T_END,
};
