// SPDX-License-Identifier: GPL-2.0
/*
 * userfaultfd ioctls (user/decode/ioctl_uffd.c) against lines strace 6.1
 * printed (its test suite's ioctl_uffdio): what the kernel adds after
 * success inside the request's braces.
 */
#include <errno.h>
#include <string.h>
#include <linux/ioctl.h>
#include <linux/userfaultfd.h>

#include "rec.h"
#include "test.h"

static void ioctl_uffd(struct t_state *st)
{
	struct t_sink s;
	struct uffdio_api in = { .api = 0xaa }, out = in;
	struct uffdio_register reg = { { 0x7fd963d2a000, 0x1000 },
				       UFFDIO_REGISTER_MODE_MISSING,
				       0 };
	uint64_t a[6] = { 3, UFFDIO_API, 0x7fd963d29000 };
	struct t_blobspec bi = { 2, &in, sizeof(in), 0, 0 };
	struct t_blobspec bo = { 2, &out, sizeof(out), 0, 0 };
	struct t_blobspec br = { 2, &reg, sizeof(reg), 0, 0 };

	out.features = UFFD_FEATURE_EVENT_FORK | UFFD_FEATURE_SIGBUS;
	out.ioctls = 1ULL << _UFFDIO_REGISTER | 1ULL << _UFFDIO_API;
	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "ioctl", a, &bi, 1, 0, &bo, 1),
		  "ioctl(3, UFFDIO_API, {api=0xaa, features=0 => "
		  "features=UFFD_FEATURE_EVENT_FORK|UFFD_FEATURE_SIGBUS, "
		  "ioctls=1<<_UFFDIO_REGISTER|1<<_UFFDIO_API}) = 0");
	CHECK_STR(st, t_line(&s, "ioctl", a, &bi, 1, -EINVAL, &bo, 1),
		  "ioctl(3, UFFDIO_API, {api=0xaa, features=0}) = -1 EINVAL (Invalid argument)");
	a[1] = UFFDIO_REGISTER;
	reg.ioctls = 1ULL << _UFFDIO_WAKE | 1ULL << _UFFDIO_COPY | 1ULL << _UFFDIO_ZEROPAGE | 0x120;
	CHECK_STR(st, t_line(&s, "ioctl", a, &br, 1, 0, &br, 1),
		  "ioctl(3, UFFDIO_REGISTER, {range={start=0x7fd963d2a000, len=0x1000}, "
		  "mode=UFFDIO_REGISTER_MODE_MISSING, "
		  "ioctls=1<<_UFFDIO_WAKE|1<<_UFFDIO_COPY|1<<_UFFDIO_ZEROPAGE|0x120}) = 0");
	a[1] = UFFDIO_WAKE;
	a[2] = 0;
	CHECK_STR(st, t_line(&s, "ioctl", a, NULL, 0, -EFAULT, NULL, 0),
		  "ioctl(3, UFFDIO_WAKE, NULL)       = -1 EFAULT (Bad address)");
	t_sink_close(&s);
}

T_SUITE(decode_ioctl_uffd_tests) = {
	T_CASE(ioctl_uffd),
	T_END,
};
