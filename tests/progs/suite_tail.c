// SPDX-License-Identifier: GPL-2.0
/*
 * Calls from the long tail of strace 6.1's own test suite, with their
 * arguments at the end of a mapping as its tests place them: fcntl's
 * f_owner_ex, capset's version 1 data, fsconfig's keys, values and aux by
 * command, mount_setattr's struct mount_attr, epoll_pwait2's timeout and
 * sigmask (read at exit: addresses after a failure), select's sets that end
 * on an unreadable page, writev's iovecs (no -e write= dump). Also run under
 * -P /dev/full: fsconfig selected by its aux fd or value path only, select by
 * the sets strace can read.
 */

#include "common.h"

#include <sys/mman.h>
#include <sys/uio.h>
#include <linux/capability.h>
#include <linux/mount.h>

#ifndef SYS_fsconfig
#define SYS_fsconfig 431
#endif
#ifndef SYS_mount_setattr
#define SYS_mount_setattr 442
#endif
#ifndef SYS_epoll_pwait2
#define SYS_epoll_pwait2 441
#endif

int main(void)
{
	char *page, *none, *key;
	struct f_owner_ex *owner;
	struct __user_cap_header_struct *hdr;
	struct __user_cap_data_struct *data;
	struct mount_attr *attr;
	struct timespec *ts;
	unsigned long *set, *mask;
	struct iovec *iov;
	int full;

	page = mmap(NULL, 2 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(page != MAP_FAILED);
	OK(mprotect(page + 4096, 4096, PROT_NONE));
	none = page + 4096;
	memset(page, 0, 4096);
	full = OK(syscall(SYS_openat, AT_FDCWD, "/dev/full", O_WRONLY));

	/* fcntl: an f_owner_ex that ends the mapping, then one byte short */
	owner = (struct f_owner_ex *)none - 1;
	owner->type = F_OWNER_PID;
	owner->pid = 0x7ffffff0;
	ERR(syscall(SYS_fcntl, full, F_SETOWN_EX, owner), ESRCH);
	ERR(syscall(SYS_fcntl, full, F_SETOWN_EX, (char *)owner + 1), EFAULT);

	/* capset: version 1 has one word of data, at the end of the mapping */
	hdr = (struct __user_cap_header_struct *)page;
	hdr->version = _LINUX_CAPABILITY_VERSION_1;
	hdr->pid = 1;
	data = (struct __user_cap_data_struct *)none - 1;
	data->effective = 1 << CAP_DAC_OVERRIDE;
	data->permitted = 1 << CAP_DAC_READ_SEARCH;
	data->inheritable = 0;
	ERR(syscall(SYS_capset, hdr, data), EPERM);

	/* fsconfig: each command's key, value and aux */
	key = none - 4;
	memcpy(key, "key", 4);
	ERR(syscall(SYS_fsconfig, full, 8, none - 1, page, -100), EINVAL);
	ERR(syscall(SYS_fsconfig, full, FSCONFIG_SET_FLAG, key, NULL, 0), EINVAL);
	ERR(syscall(SYS_fsconfig, full, FSCONFIG_SET_STRING, key, key, 0), EINVAL);
	ERR(syscall(SYS_fsconfig, full, FSCONFIG_SET_BINARY, key, page, 3), EINVAL);
	ERR(syscall(SYS_fsconfig, full, FSCONFIG_SET_BINARY, key, none - 2, 5), EINVAL);
	ERR(syscall(SYS_fsconfig, -1, FSCONFIG_SET_PATH, key, "/dev/full", AT_FDCWD), EINVAL);
	ERR(syscall(SYS_fsconfig, -1, FSCONFIG_SET_PATH_EMPTY, key, "", full), EINVAL);
	ERR(syscall(SYS_fsconfig, -1, FSCONFIG_SET_FD, key, NULL, full), EINVAL);
	ERR(syscall(SYS_fsconfig, -1, FSCONFIG_CMD_CREATE, NULL, NULL, 0), EINVAL);

	/* mount_setattr: struct mount_attr at the end of the mapping, and one byte short */
	attr = (struct mount_attr *)none - 1;
	attr->attr_set = 0xffffffff00000000ULL;
	attr->attr_clr = 0;
	attr->propagation = MS_UNBINDABLE;
	attr->userns_fd = full;
	ERR(syscall(SYS_mount_setattr, -1, "/dev/full", 0, attr, sizeof(*attr)), EINVAL);
	ERR(syscall(SYS_mount_setattr, -1, "/dev/full", 0, (char *)attr + 1, sizeof(*attr)),
	    EFAULT);
	attr->attr_set = MOUNT_ATTR_IDMAP;
	ERR(syscall(SYS_mount_setattr, -1, "/dev/full", 0, attr, sizeof(*attr) + 8), EFAULT);

	/* process_madvise: flags an unsigned int, the upper half of the register ignored */
	ERR(syscall(SYS_process_madvise, -1, NULL, 0, MADV_NORMAL, 0xdefaced00000010UL), EINVAL);

	/* epoll_pwait2: a bad timeout, read at exit by strace: addresses */
	ts = (struct timespec *)none - 1;
	ts->tv_sec = -1;
	ts->tv_nsec = -1;
	mask = (unsigned long *)none - 1;
	*mask = ~0UL;
	ERR(syscall(SYS_epoll_pwait2, -1, page, 1, ts, mask, 8), EINVAL);

	/*
	 * select: sets of 1025 bits that end on an unreadable page (the kernel
	 * reads no more bits than the fd table holds: grow it first)
	 */
	set = (unsigned long *)none - 1;
	*set = 1UL << full;
	EQ(syscall(SYS_dup2, full, 1100), 1100);
	ERR(syscall(SYS_select, 1025, set, set, NULL, NULL), EFAULT);
	OK(syscall(SYS_close, 1100));

	/* writev: an iovec array that runs into the page: -e write= dumps nothing */
	iov = (struct iovec *)none - 1;
	iov->iov_base = key;
	iov->iov_len = 3;
	ERR(syscall(SYS_writev, full, iov, 2), EFAULT);

	OK(syscall(SYS_close, full));
	return 0;
}
