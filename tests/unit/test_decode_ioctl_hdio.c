// SPDX-License-Identifier: GPL-2.0
/*
 * The IDE disk ioctls (user/decode/ioctl_hdio.c) against lines strace 6.1
 * printed (its test suite's ioctl_hdio and ioctl_hdio-success).
 */
#include <errno.h>
#include <string.h>
#include <linux/hdreg.h>

#include "rec.h"
#include "test.h"

#define EBADF_TAIL "= -1 EBADF (Bad file descriptor)"

static void ioctl_hdio(struct t_state *st)
{
	struct t_sink s;
	uint8_t cmd[4] = { 0xca, 255, 238, 0 };
	uint32_t ints[3] = { 0xdeadbeef, 0xaaaaaaaa, 0xbeefbeef };
	uint64_t a[6] = { (uint64_t)-1, HDIO_GETGEO, 0 };
	struct t_blobspec b = { 2, cmd, sizeof(cmd), 0, 0 };
	struct t_blobspec ib = { 2, ints, sizeof(ints), 0, 0 };

	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "ioctl", a, NULL, 0, -EBADF, NULL, 0),
		  "ioctl(-1, HDIO_GETGEO, NULL)      " EBADF_TAIL);
	a[1] = HDIO_DRIVE_CMD;
	a[2] = 0x7f91d7fc2ffc;
	CHECK_STR(
		st, t_line(&s, "ioctl", a, &b, 1, -EBADF, &b, 1),
		"ioctl(-1, HDIO_DRIVE_CMD, {command=ATA_CMD_WRITE, sector_number=255, feature=238, "
		"sector_count=0}) " EBADF_TAIL);
	cmd[0] = 0x80;
	CHECK_STR(st, t_line(&s, "ioctl", a, &b, 1, -EBADF, &b, 1),
		  "ioctl(-1, HDIO_DRIVE_CMD, {command=0x80 /* ATA_CMD_??? */, sector_number=255, "
		  "feature=238, sector_count=0}) " EBADF_TAIL);
	/* what the drive answered: after success or EIO only */
	CHECK_STR(st, t_line(&s, "ioctl", a, &b, 1, -EIO, &b, 1),
		  "ioctl(-1, HDIO_DRIVE_CMD, {command=0x80 /* ATA_CMD_??? */, sector_number=255, "
		  "feature=238, sector_count=0} => {status=0x80, error=255, nsector=238}) "
		  "= -1 EIO (Input/output error)");
	a[1] = HDIO_DRIVE_RESET;
	CHECK_STR(st, t_line(&s, "ioctl", a, &ib, 1, -EBADF, NULL, 0),
		  "ioctl(-1, HDIO_DRIVE_RESET, [0xdeadbeef, 0xaaaaaaaa, 0xbeefbeef]) " EBADF_TAIL);
	a[1] = HDIO_SET_NICE;
	a[2] = 0xfacefeedded2ffffULL;
	CHECK_STR(
		st, t_line(&s, "ioctl", a, NULL, 0, -EBADF, NULL, 0),
		"ioctl(-1, HDIO_SET_NICE, 1 << IDE_NICE_DSC_OVERLAP|1 << IDE_NICE_ATAPI_OVERLAP|"
		"1 << IDE_NICE_1|1 << IDE_NICE_0|1 << IDE_NICE_2|0xfacefeedded2ffe0) " EBADF_TAIL);
	a[1] = HDIO_SET_BUSSTATE;
	a[2] = 0xfacefeedded4ffffULL;
	CHECK_STR(
		st, t_line(&s, "ioctl", a, NULL, 0, -EBADF, NULL, 0),
		"ioctl(-1, HDIO_SET_BUSSTATE, 0xfacefeedded4ffff /* BUSSTATE_??? */) " EBADF_TAIL);
	a[1] = HDIO_SET_32BIT;
	a[2] = 0xfacefeeddeadbeefULL;
	CHECK_STR(st, t_line(&s, "ioctl", a, NULL, 0, -EBADF, NULL, 0),
		  "ioctl(-1, HDIO_SET_32BIT, 18072662652281011951) " EBADF_TAIL);
	t_sink_close(&s);
}

T_SUITE(decode_ioctl_hdio_tests) = {
	T_CASE(ioctl_hdio),
	T_END,
};
