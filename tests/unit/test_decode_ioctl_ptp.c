// SPDX-License-Identifier: GPL-2.0
/*
 * PTP clock ioctls (user/decode/ioctl_ptp.c) against lines strace 6.1
 * printed (its test suite's ioctl_ptp, -Xraw and ioctl_ptp-success): the
 * structs the call completes print their input, then after success what the
 * kernel wrote, in the same braces.
 */
#include <errno.h>
#include <string.h>
#include <linux/ptp_clock.h>

#include "rec.h"
#include "test.h"

#define EBADF_TAIL "= -1 EBADF (Bad file descriptor)"

static void ioctl_ptp_inout(struct t_state *st)
{
	struct t_sink s;
	struct ptp_sys_offset so;
	struct ptp_pin_desc pd;
	uint64_t a[6] = { (uint64_t)-1, PTP_SYS_OFFSET, 0x7f3a9690f000 };
	struct t_blobspec b = { 2, &so, sizeof(so), 0, 0 };
	struct t_blobspec pb = { 2, &pd, sizeof(pd), 0, 0 };

	memset(&so, 0, sizeof(so));
	so.n_samples = 13;
	so.rsv[0] = 0xbadfaced;
	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "ioctl", a, &b, 1, -EBADF, &b, 1),
		  "ioctl(-1, PTP_SYS_OFFSET, {n_samples=13, rsv=[0xbadfaced, 0, 0]}) " EBADF_TAIL);
	so.n_samples = 0;
	so.rsv[0] = 0;
	a[0] = 3;
	CHECK_STR(st, t_line(&s, "ioctl", a, &b, 1, 0, &b, 1),
		  "ioctl(3, PTP_SYS_OFFSET, {n_samples=0, ts=[{sec=0, nsec=0}]}) = 0");
	memset(&pd, 0, sizeof(pd));
	pd.index = 3405691582u;
	strcpy(pd.name, "pin");
	pd.func = PTP_PF_EXTTS;
	pd.chan = 7;
	a[1] = PTP_PIN_GETFUNC;
	CHECK_STR(st, t_line(&s, "ioctl", a, &pb, 1, 0, &pb, 1),
		  "ioctl(3, PTP_PIN_GETFUNC, {index=3405691582, name=\"pin\", func=PTP_PF_EXTTS, "
		  "chan=7}) = 0");
	a[0] = (uint64_t)-1;
	CHECK_STR(st, t_line(&s, "ioctl", a, &pb, 1, -EBADF, &pb, 1),
		  "ioctl(-1, PTP_PIN_GETFUNC, {index=3405691582}) " EBADF_TAIL);
	t_sink_close(&s);
}

/* The start time's date: a comment -X raw leaves out. */
static void ioctl_ptp_perout(struct t_state *st)
{
	struct t_sink s;
	struct ptp_perout_request pr;
	uint64_t a[6] = { (uint64_t)-1, PTP_PEROUT_REQUEST, 0x7f3a9690f000 };
	struct t_blobspec b = { 2, &pr, sizeof(pr), 0, 0 };

	memset(&pr, 0, sizeof(pr));
	pr.start.sec = 4886718345;
	pr.start.nsec = 123456789;
	pr.period.sec = 11259375;
	pr.period.reserved = 0x8bd03835;
	pr.index = 3141592653u;
	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "ioctl", a, &b, 1, -EBADF, NULL, 0),
		  "ioctl(-1, PTP_PEROUT_REQUEST, {start={sec=4886718345, nsec=123456789} /* "
		  "2124-11-08T05:45:45.123456789+0000 */, period={sec=11259375, nsec=0, "
		  "reserved=0x8bd03835}, index=3141592653, flags=0}) " EBADF_TAIL);
	s.opts.xlat_style = SR_XLAT_RAW;
	t_sink_reinit(&s);
	CHECK_STR(st, t_line(&s, "ioctl", a, &b, 1, -EBADF, NULL, 0),
		  "ioctl(-1, 0x40383d03, {start={sec=4886718345, nsec=123456789}, "
		  "period={sec=11259375, nsec=0, reserved=0x8bd03835}, index=3141592653, "
		  "flags=0}) " EBADF_TAIL);
	t_sink_close(&s);
}

T_SUITE(decode_ioctl_ptp_tests) = {
	T_CASE(ioctl_ptp_inout),
	T_CASE(ioctl_ptp_perout),
	T_END,
};
