// SPDX-License-Identifier: GPL-2.0
/*
 * inotify_init1, inotify_add_watch, reading inotify events (fixed bytes:
 * watch descriptor, mask, cookie 0, name), inotify_rm_watch; memfd_create
 * with ftruncate, write, pread64, fcntl seals.
 */
#include "common.h"

#include <sys/inotify.h>
#include <sys/mman.h>

int main(void)
{
	char buf[256] __attribute__((aligned(8)));
	int in, wd, mfd;

	work_enter("inotify_memfd");
	in = OK(inotify_init1(IN_CLOEXEC | IN_NONBLOCK));
	wd = OK(inotify_add_watch(in, ".", IN_CREATE | IN_DELETE));
	ERR(inotify_add_watch(in, "missing", IN_ALL_EVENTS), ENOENT);
	ERR(read(in, buf, sizeof(buf)), EAGAIN);
	OK(close(OK(open("watched", O_CREAT | O_WRONLY, 0644))));
	OK(unlink("watched"));
	EQ(read(in, buf, sizeof(buf)), 64);
	EQ(inotify_rm_watch(in, wd), 0);
	ERR(inotify_rm_watch(in, wd), EINVAL);
	OK(close(in));

	mfd = OK(memfd_create("sysray-memfd", MFD_CLOEXEC | MFD_ALLOW_SEALING));
	EQ(ftruncate(mfd, 4096), 0);
	EQ(pwrite(mfd, "in memory", 9, 100), 9);
	EQ(pread(mfd, buf, 9, 100), 9);
	EQ(fcntl(mfd, F_ADD_SEALS, F_SEAL_SHRINK | F_SEAL_GROW), 0);
	EQ(fcntl(mfd, F_GET_SEALS), F_SEAL_SHRINK | F_SEAL_GROW);
	ERR(ftruncate(mfd, 8192), EPERM);
	ERR(memfd_create("bad", 0x1000), EINVAL);
	OK(close(mfd));
	work_leave();
	return 0;
}
