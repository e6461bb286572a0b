// SPDX-License-Identifier: GPL-2.0
/*
 * MTD ioctls (user/decode/ioctl_mtd.c) against lines strace 6.1 printed
 * (its test suite's ioctl_mtd, whose structs are filled with 0x80, 0x81...).
 */
#include <errno.h>
#include <string.h>
#include <asm/ioctl.h>
#include <mtd/mtd-abi.h>

#include "rec.h"
#include "test.h"

/* The test's fill: byte i is 0x80 + i. */
static void fill(void *p, size_t n)
{
	uint8_t *b = p;
	size_t i;

	for (i = 0; i < n; i++)
		b[i] = 0x80 + i;
}

static void ioctl_mtd_inputs(struct t_state *st)
{
	struct t_sink s;
	uint8_t buf[64];
	uint64_t a[6] = { (uint64_t)-1, MEMERASE, 0x7f4192f2efe0 };
	struct t_blobspec b = { 2, buf, sizeof(struct erase_info_user), 0, 0 };
	struct mtd_write_req w;
	uint32_t otp = MTD_OTP_OFF;

	fill(buf, sizeof(buf));
	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "ioctl", a, &b, 1, -EBADF, NULL, 0),
		  "ioctl(-1, MIXER_WRITE(2) or MEMERASE, {start=0x83828180, length=0x87868584}) "
		  "= -1 EBADF (Bad file descriptor)");
	a[1] = MEMERASE64;
	b.len = sizeof(struct erase_info_user64);
	CHECK_STR(st, t_line(&s, "ioctl", a, &b, 1, -EBADF, NULL, 0),
		  "ioctl(-1, MIXER_WRITE(20) or MEMERASE64, {start=0x8786858483828180, "
		  "length=0x8f8e8d8c8b8a8988}) = -1 EBADF (Bad file descriptor)");
	a[1] = MEMREADOOB64;
	b.len = sizeof(struct mtd_oob_buf64);
	CHECK_STR(st, t_line(&s, "ioctl", a, &b, 1, -EBADF, NULL, 0),
		  "ioctl(-1, MEMREADOOB64, {start=0x8786858483828180, length=0x8f8e8d8c, "
		  "usr_ptr=0x9796959493929190}) = -1 EBADF (Bad file descriptor)");
	a[1] = OTPLOCK;
	b.len = sizeof(struct otp_info);
	CHECK_STR(st, t_line(&s, "ioctl", a, &b, 1, -EBADF, NULL, 0),
		  "ioctl(-1, MIXER_READ(16) or OTPLOCK, {start=0x83828180, length=0x87868584, "
		  "locked=2341112200}) = -1 EBADF (Bad file descriptor)");
	a[1] = MEMGETREGIONINFO;
	b.len = sizeof(struct region_info_user);
	CHECK_STR(st, t_line(&s, "ioctl", a, &b, 1, -EBADF, NULL, 0),
		  "ioctl(-1, MEMGETREGIONINFO, {regionindex=0x8f8e8d8c}) "
		  "= -1 EBADF (Bad file descriptor)");
	a[1] = MEMGETBADBLOCK;
	b.len = sizeof(uint64_t);
	CHECK_STR(st, t_line(&s, "ioctl", a, &b, 1, -EBADF, NULL, 0),
		  "ioctl(-1, MIXER_WRITE(11) or MEMGETBADBLOCK, [9765639646188044672]) "
		  "= -1 EBADF (Bad file descriptor)");
	fill(&w, sizeof(w));
	w.mode = MTD_OPS_PLACE_OOB;
	a[1] = MEMWRITE;
	b.data = &w;
	b.len = sizeof(w);
	CHECK_STR(st, t_line(&s, "ioctl", a, &b, 1, -EBADF, NULL, 0),
		  "ioctl(-1, MEMWRITE, {start=0x8786858483828180, len=0x8f8e8d8c8b8a8988, "
		  "ooblen=0x9796959493929190, usr_data=0x9f9e9d9c9b9a9998, "
		  "usr_oob=0xa7a6a5a4a3a2a1a0, mode=MTD_OPS_PLACE_OOB}) "
		  "= -1 EBADF (Bad file descriptor)");
	a[1] = OTPSELECT;
	b.data = &otp;
	b.len = sizeof(otp);
	CHECK_STR(st, t_line(&s, "ioctl", a, &b, 1, -EBADF, NULL, 0),
		  "ioctl(-1, MIXER_READ(13) or OTPSELECT, [MTD_OTP_OFF]) "
		  "= -1 EBADF (Bad file descriptor)");
	a[1] = MTDFILEMODE;
	a[2] = MTD_FILE_MODE_NORMAL;
	CHECK_STR(st, t_line(&s, "ioctl", a, NULL, 0, -EBADF, NULL, 0),
		  "ioctl(-1, MTDFILEMODE, MTD_FILE_MODE_NORMAL) = -1 EBADF (Bad file descriptor)");
	a[1] = MEMGETINFO;
	a[2] = 0;
	CHECK_STR(st, t_line(&s, "ioctl", a, NULL, 0, -EBADF, NULL, 0),
		  "ioctl(-1, MIXER_READ(1) or MEMGETINFO, NULL) = -1 EBADF (Bad file descriptor)");
	t_sink_close(&s);
}

/* Outputs: the address after a failure, the struct after success. */
static void ioctl_mtd_outputs(struct t_state *st)
{
	struct t_sink s;
	struct mtd_info_user info = {
		MTD_NANDFLASH, MTD_WRITEABLE | 0x1, 0x100000, 0x20000, 0x800, 0x40, 0
	};
	struct mtd_ecc_stats es = { 1, 2, 3, 4 };
	uint64_t a[6] = { 3, MEMGETINFO, 0x7f4192f2efe0 };
	struct t_blobspec b = { 2, &info, sizeof(info), 0, 0 };

	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "ioctl", a, &b, 1, -EBADF, &b, 1),
		  "ioctl(3, MIXER_READ(1) or MEMGETINFO, 0x7f4192f2efe0) "
		  "= -1 EBADF (Bad file descriptor)");
	CHECK_STR(st, t_line(&s, "ioctl", a, &b, 1, 0, &b, 1),
		  "ioctl(3, MIXER_READ(1) or MEMGETINFO, {type=MTD_NANDFLASH, "
		  "flags=MTD_WRITEABLE|0x1, size=0x100000, erasesize=0x20000, writesize=0x800, "
		  "oobsize=0x40, padding=0}) = 0");
	a[1] = ECCGETSTATS;
	b.data = &es;
	b.len = sizeof(es);
	CHECK_STR(st, t_line(&s, "ioctl", a, &b, 1, 0, &b, 1),
		  "ioctl(3, MIXER_READ(18) or ECCGETSTATS, {corrected=0x1, failed=0x2, "
		  "badblocks=0x3, bbtblocks=0x4}) = 0");
	t_sink_close(&s);
}

T_SUITE(decode_ioctl_mtd_tests) = {
	T_CASE(ioctl_mtd_inputs),
	T_CASE(ioctl_mtd_outputs),
	T_END,
};
