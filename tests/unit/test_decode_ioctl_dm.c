// SPDX-License-Identifier: GPL-2.0
/*
 * Device-mapper ioctls (user/decode/ioctl_dm.c) against lines strace 6.1
 * printed (its test suite's ioctl_dm), and the header the kernel writes
 * back after success, as strace's dm.c prints it.
 */
#include <errno.h>
#include <string.h>
#include <sys/sysmacros.h>
#include <asm/ioctl.h>
#include <linux/dm-ioctl.h>

#include "rec.h"
#include "test.h"

static void dm_init(struct dm_ioctl *d)
{
	memset(d, 0, sizeof(*d));
	d->version[0] = DM_VERSION_MAJOR;
	d->version[1] = 1;
	d->version[2] = 2;
	d->data_size = 305;
	d->dev = makedev(0x12, 0x34);
	strcpy(d->name, "nnn");
	strcpy(d->uuid, "uuu");
}

static void ioctl_dm_header(struct t_state *st)
{
	struct t_sink s;
	struct dm_ioctl d, out;
	uint64_t a[6] = { (uint64_t)-1, DM_DEV_CREATE, 0x7fdbf304cec8 };
	struct t_blobspec b = { 2, &d, sizeof(d), 0, 0 };
	struct t_blobspec bo = { 2, &out, sizeof(out), 0, 0 };

	dm_init(&d);
	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "ioctl", a, &b, 1, -EBADF, NULL, 0),
		  "ioctl(-1, DM_DEV_CREATE, [{version=[4, 1, 2], data_size=305, "
		  "dev=makedev(0x12, 0x34), name=\"nnn\", uuid=\"uuu\", flags=0}]) "
		  "= -1 EBADF (Bad file descriptor)");
	a[1] = DM_LIST_DEVICES;
	CHECK_STR(st, t_line(&s, "ioctl", a, &b, 1, -EBADF, NULL, 0),
		  "ioctl(-1, DM_LIST_DEVICES, [{version=[4, 1, 2], data_size=305, data_start=0, "
		  "flags=0}]) = -1 EBADF (Bad file descriptor)");
	a[1] = DM_TABLE_LOAD;
	d.data_size = 608;
	d.data_start = 312;
	d.target_count = 1;
	CHECK_STR(st, t_line(&s, "ioctl", a, &b, 1, -EBADF, NULL, 0),
		  "ioctl(-1, DM_TABLE_LOAD, [{version=[4, 1, 2], data_size=608, data_start=312, "
		  "dev=makedev(0x12, 0x34), name=\"nnn\", uuid=\"uuu\", target_count=1, flags=0}, "
		  "...]) = -1 EBADF (Bad file descriptor)");
	a[1] = DM_VERSION;
	d.data_size = 14;
	CHECK_STR(st, t_line(&s, "ioctl", a, &b, 1, -EBADF, NULL, 0),
		  "ioctl(-1, DM_VERSION, [{version=[4, 1, 2], data_size=14 /* data_size too small "
		  "*/}]) = -1 EBADF (Bad file descriptor)");
	/* a data_size that cannot hold itself: strace does not decode */
	d.data_size = 4;
	CHECK_STR(st, t_line(&s, "ioctl", a, &b, 1, -EBADF, NULL, 0),
		  "ioctl(-1, DM_VERSION, 0x7fdbf304cec8) = -1 EBADF (Bad file descriptor)");
	d.version[0] = 0xbadc0ded;
	d.data_size = 305;
	CHECK_STR(st, t_line(&s, "ioctl", a, &b, 1, -EBADF, NULL, 0),
		  "ioctl(-1, DM_VERSION, [{version=[3134983661, 1, 2] /* unsupported device mapper "
		  "ABI version */}]) = -1 EBADF (Bad file descriptor)");
	/* after success, the header the kernel wrote back */
	dm_init(&d);
	out = d;
	out.flags = DM_SUSPEND_FLAG;
	out.open_count = 1;
	out.event_nr = 7;
	a[1] = DM_DEV_STATUS;
	CHECK_STR(
		st, t_line(&s, "ioctl", a, &b, 1, 0, &bo, 1),
		"ioctl(-1, DM_DEV_STATUS, [{version=[4, 1, 2], data_size=305, "
		"dev=makedev(0x12, 0x34), name=\"nnn\", uuid=\"uuu\", flags=0}] => "
		"[{version=[4, 1, 2], data_size=305, dev=makedev(0x12, 0x34), name=\"nnn\", "
		"uuid=\"uuu\", target_count=0, open_count=1, event_nr=7, flags=DM_SUSPEND_FLAG}]) "
		"= 0");
	t_sink_close(&s);
}

T_SUITE(decode_ioctl_dm_tests) = {
	T_CASE(ioctl_dm_header),
	T_END,
};
