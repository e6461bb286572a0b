// SPDX-License-Identifier: GPL-2.0
/*
 * ioctls of block and storage devices (user/decode/ioctl_blk.c) and the
 * field-table struct printer (ioctl_fields.c), against lines strace 6.1
 * printed (its test suite's ioctl_nbd, ioctl_fiemap, ioctl_scsi and
 * ioctl_loop).
 */
#include <errno.h>
#include <string.h>
#include <linux/fiemap.h>
#include <linux/fs.h>
#include <linux/loop.h>
#include <linux/nbd.h>
#include <scsi/sg.h>

#include "rec.h"
#include "test.h"

#define EBADF_TAIL "= -1 EBADF (Bad file descriptor)"

/* nbd: no argument, an fd, numbers and flags as the argument itself. */
static void ioctl_nbd(struct t_state *st)
{
	struct t_sink s;
	uint64_t a[6] = { (uint64_t)-1, NBD_DISCONNECT, 0xdeadbeef };

	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "ioctl", a, NULL, 0, -EBADF, NULL, 0),
		  "ioctl(-1, NBD_DISCONNECT)         " EBADF_TAIL);
	a[1] = NBD_SET_SOCK;
	a[2] = 3;
	CHECK_STR(st, t_line(&s, "ioctl", a, NULL, 0, -EBADF, NULL, 0),
		  "ioctl(-1, NBD_SET_SOCK, 3)        " EBADF_TAIL);
	a[1] = NBD_SET_SIZE;
	a[2] = 0xcafef00ddeadbeefULL;
	CHECK_STR(st, t_line(&s, "ioctl", a, NULL, 0, -EBADF, NULL, 0),
		  "ioctl(-1, NBD_SET_SIZE, 14627392582107119343) " EBADF_TAIL);
	a[1] = NBD_SET_FLAGS;
	a[2] = 0x8000840b;
	CHECK_STR(
		st, t_line(&s, "ioctl", a, NULL, 0, -EBADF, NULL, 0),
		"ioctl(-1, NBD_SET_FLAGS, NBD_FLAG_HAS_FLAGS|NBD_FLAG_READ_ONLY|NBD_FLAG_SEND_FUA|"
		"NBD_FLAG_SEND_CACHE|0x80008000) " EBADF_TAIL);
	t_sink_close(&s);
}

/* A struct by its field table; unknown flags with their comment. */
static void ioctl_fiemap(struct t_state *st)
{
	struct t_sink s;
	struct fiemap fm = { .fm_start = 0xdeadbeef01234567ULL,
			     .fm_length = 0xfacefeed89abcdefULL,
			     .fm_flags = FIEMAP_FLAG_SYNC | FIEMAP_FLAG_XATTR | FIEMAP_FLAG_CACHE,
			     .fm_extent_count = 0xdeadc0de };
	uint64_t a[6] = { (uint64_t)-1, FS_IOC_FIEMAP, 0x7feb05689fe0 };
	struct t_blobspec b = { 2, &fm, sizeof(fm), 0, 0 };

	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "ioctl", a, &b, 1, -EBADF, NULL, 0),
		  "ioctl(-1, FS_IOC_FIEMAP, {fm_start=16045690981116495207, "
		  "fm_length=18072662650854821359, "
		  "fm_flags=FIEMAP_FLAG_SYNC|FIEMAP_FLAG_XATTR|FIEMAP_FLAG_CACHE, "
		  "fm_extent_count=3735929054}) " EBADF_TAIL);
	fm.fm_flags = 0xfffffff8;
	CHECK_STR(st, t_line(&s, "ioctl", a, &b, 1, -EBADF, NULL, 0),
		  "ioctl(-1, FS_IOC_FIEMAP, {fm_start=16045690981116495207, "
		  "fm_length=18072662650854821359, fm_flags=0xfffffff8 /* FIEMAP_FLAG_??? */, "
		  "fm_extent_count=3735929054}) " EBADF_TAIL);
	/* a copy shorter than the struct: the address */
	b.len = offsetof(struct fiemap, fm_extent_count);
	CHECK_STR(st, t_line(&s, "ioctl", a, &b, 1, -EBADF, NULL, 0),
		  "ioctl(-1, FS_IOC_FIEMAP, 0x7feb05689fe0) " EBADF_TAIL);
	t_sink_close(&s);
}

/* SCSI generic: ints behind pointers, NULL, SG_SCSI_RESET's modifier. */
static void ioctl_scsi(struct t_state *st)
{
	struct t_sink s;
	int32_t v = -87097619;
	uint64_t a[6] = { (uint64_t)-1, SG_GET_TIMEOUT, 0xdeadbeef };
	struct t_blobspec b = { 2, &v, sizeof(v), 0, 0 };

	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "ioctl", a, NULL, 0, -EBADF, NULL, 0),
		  "ioctl(-1, SG_GET_TIMEOUT)         " EBADF_TAIL);
	a[1] = SG_SET_TIMEOUT;
	a[2] = 0;
	CHECK_STR(st, t_line(&s, "ioctl", a, NULL, 0, -EBADF, NULL, 0),
		  "ioctl(-1, SG_SET_TIMEOUT, NULL)   " EBADF_TAIL);
	a[2] = 0x7f28225c0ffc;
	CHECK_STR(st, t_line(&s, "ioctl", a, &b, 1, -EBADF, NULL, 0),
		  "ioctl(-1, SG_SET_TIMEOUT, [-87097619]) " EBADF_TAIL);
	a[1] = 0x2289; /* SG_GET_ACCESS_COUNT, from the kernel's own header */
	CHECK_STR(st, t_line(&s, "ioctl", a, &b, 1, -EBADF, &b, 1),
		  "ioctl(-1, SG_GET_ACCESS_COUNT, 0x7f28225c0ffc) " EBADF_TAIL);
	a[1] = SG_SCSI_RESET;
	v = (int32_t)0xfacefeed;
	CHECK_STR(st, t_line(&s, "ioctl", a, &b, 1, -EBADF, NULL, 0),
		  "ioctl(-1, SG_SCSI_RESET, [0xfacefeed /* SG_SCSI_RESET_??? */]) " EBADF_TAIL);
	v = 0x100;
	CHECK_STR(
		st, t_line(&s, "ioctl", a, &b, 1, -EBADF, NULL, 0),
		"ioctl(-1, SG_SCSI_RESET, [SG_SCSI_RESET_NO_ESCALATE|SG_SCSI_RESET_NOTHING]) " EBADF_TAIL);
	v = SG_SCSI_RESET_DEVICE;
	CHECK_STR(st, t_line(&s, "ioctl", a, &b, 1, -EBADF, NULL, 0),
		  "ioctl(-1, SG_SCSI_RESET, [SG_SCSI_RESET_DEVICE]) " EBADF_TAIL);
	t_sink_close(&s);
}

/* loop_info abbreviated: the cipher fields only when a cipher is set; loop_config. */
static void ioctl_loop(struct t_state *st)
{
	struct t_sink s;
	struct loop_info li;
	struct loop_config cf;
	uint64_t a[6] = { (uint64_t)-1, LOOP_SET_STATUS, 0x7f781eb40f58 };
	struct t_blobspec b = { 2, &li, sizeof(li), 0, 0 };

	memset(&li, 0, sizeof(li));
	li.lo_number = -2088599168;
	li.lo_offset = (int)0xa3a2a1a0;
	li.lo_encrypt_type = (int)0xa7a6a5a4;
	li.lo_encrypt_key_size = 1;
	li.lo_flags = (int)0xdeface00;
	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "ioctl", a, &b, 1, -EBADF, NULL, 0),
		  "ioctl(-1, LOOP_SET_STATUS, {lo_number=-2088599168, lo_offset=0xa3a2a1a0, "
		  "lo_encrypt_type=0xa7a6a5a4 /* LO_CRYPT_??? */, lo_encrypt_key_size=1, "
		  "lo_flags=0xdeface00 /* LO_FLAGS_??? */, lo_name=\"\", lo_encrypt_key=\"\\0\", "
		  "...}) " EBADF_TAIL);
	li.lo_encrypt_type = LO_CRYPT_NONE;
	li.lo_flags = LO_FLAGS_READ_ONLY;
	memset(li.lo_name, 'A', sizeof(li.lo_name));
	CHECK_STR(st, t_line(&s, "ioctl", a, &b, 1, -EBADF, NULL, 0),
		  "ioctl(-1, LOOP_SET_STATUS, {lo_number=-2088599168, lo_offset=0xa3a2a1a0, "
		  "lo_flags=LO_FLAGS_READ_ONLY, "
		  "lo_name=\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\"..., "
		  "...}) " EBADF_TAIL);
	/* an output: the address after a failure */
	a[1] = LOOP_GET_STATUS;
	CHECK_STR(st, t_line(&s, "ioctl", a, &b, 1, -EBADF, &b, 1),
		  "ioctl(-1, LOOP_GET_STATUS, 0x7f781eb40f58) " EBADF_TAIL);
	memset(&cf, 0, sizeof(cf));
	cf.fd = 3;
	cf.__reserved[7] = 0xaf;
	a[1] = LOOP_CONFIGURE;
	b.data = &cf;
	b.len = sizeof(cf);
	CHECK_STR(
		st, t_line(&s, "ioctl", a, &b, 1, -EBADF, NULL, 0),
		"ioctl(-1, LOOP_CONFIGURE, {fd=3, block_size=0, info={lo_offset=0, lo_number=0, "
		"lo_flags=0, lo_file_name=\"\", ...}, __reserved=[0, 0, 0, 0, 0, 0, 0, 0xaf]}) " EBADF_TAIL);
	a[1] = LOOP_CLR_FD;
	CHECK_STR(st, t_line(&s, "ioctl", a, NULL, 0, -EBADF, NULL, 0),
		  "ioctl(-1, LOOP_CLR_FD)            " EBADF_TAIL);
	t_sink_close(&s);
}

T_SUITE(decode_ioctl_blk_tests) = {
	T_CASE(ioctl_loop), T_CASE(ioctl_nbd), T_CASE(ioctl_fiemap), T_CASE(ioctl_scsi), T_END,
};
