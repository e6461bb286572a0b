// SPDX-License-Identifier: GPL-2.0
/*
 * seccomp user notification ioctls (user/decode/ioctl_seccomp.c) against
 * lines strace 6.1 printed (its test suite's ioctl_seccomp).
 */
#include <errno.h>
#include <string.h>
#include <linux/audit.h>
#include <linux/ioctl.h>
#include <linux/seccomp.h>
#include <sys/syscall.h>

#include "rec.h"
#include "test.h"

#define EBADF_TAIL "= -1 EBADF (Bad file descriptor)"

static void ioctl_seccomp(struct t_state *st)
{
	struct t_sink s;
	struct seccomp_notif_resp resp = { 0xdeadc0debadc0dedULL, -2675229516524167443LL, -ENOSR,
					   SECCOMP_USER_NOTIF_FLAG_CONTINUE };
	struct seccomp_notif n;
	uint64_t a[6] = { (uint64_t)-1, SECCOMP_IOCTL_NOTIF_SEND, 0x7f1992793fe8 };
	struct t_blobspec b = { 2, &resp, sizeof(resp), 0, 0 };
	struct t_blobspec nb = { 2, &n, sizeof(n), 0, 0 };
	size_t i;

	t_sink_open(&s);
	CHECK_STR(
		st, t_line(&s, "ioctl", a, &b, 1, -EBADF, NULL, 0),
		"ioctl(-1, SECCOMP_IOCTL_NOTIF_SEND, {id=0xdeadc0debadc0ded, "
		"val=-2675229516524167443, error=-ENOSR, flags=SECCOMP_USER_NOTIF_FLAG_CONTINUE}) " EBADF_TAIL);
	memset(&n, 0, sizeof(n));
	n.pid = 2778;
	n.data.nr = SYS_gettid;
	n.data.arch = AUDIT_ARCH_X86_64;
	for (i = 0; i < 6; i++)
		n.data.args[i] = 0xdeadfacebadc0ded ^ i;
	a[1] = SECCOMP_IOCTL_NOTIF_RECV;
	a[2] = 0x7f1992983fb0;
	CHECK_STR(
		st, t_line(&s, "ioctl", a, &nb, 1, -EBADF, NULL, 0),
		"ioctl(-1, SECCOMP_IOCTL_NOTIF_RECV, {id=0, pid=2778, flags=0, data={nr=__NR_gettid, "
		"arch=AUDIT_ARCH_X86_64, instruction_pointer=NULL, args=[0xdeadfacebadc0ded, "
		"0xdeadfacebadc0dec, 0xdeadfacebadc0def, 0xdeadfacebadc0dee, 0xdeadfacebadc0de9, "
		"0xdeadfacebadc0de8]}} => 0x7f1992983fb0) " EBADF_TAIL);
	/* an empty buffer prints only what the kernel wrote */
	memset(&n, 0, sizeof(n));
	a[0] = 3;
	CHECK_STR(
		st, t_line(&s, "ioctl", a, &nb, 1, 0, &nb, 1),
		"ioctl(3, SECCOMP_IOCTL_NOTIF_RECV, {id=0, pid=0, flags=0, data={nr=0, "
		"arch=0 /* AUDIT_ARCH_??? */, instruction_pointer=NULL, args=[0, 0, 0, 0, 0, 0]}}) "
		"= 0");
	t_sink_close(&s);
}

T_SUITE(decode_ioctl_seccomp_tests) = {
	T_CASE(ioctl_seccomp),
	T_END,
};
