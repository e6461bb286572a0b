// SPDX-License-Identifier: GPL-2.0
/*
 * ioctls of devices by subsystem (user/decode/ioctl_rtc.c, ioctl_blk.c's
 * UBI requests), against lines strace 6.1 printed (its test suite's
 * ioctl_rtc and ioctl_ubi).
 */
#include <errno.h>
#include <string.h>
#include <linux/rtc.h>
#include <mtd/ubi-user.h>

#include "rec.h"
#include "test.h"

#define EBADF_TAIL "= -1 EBADF (Bad file descriptor)"

/* struct rtc_time abbreviated, nested in struct rtc_wkalrm; no argument; names of other tables. */
static void ioctl_rtc(struct t_state *st)
{
	struct t_sink s;
	struct rtc_wkalrm wk = { 128, 129, { 1, 2, 3, 4, 5, 6, 7, 8, 9 } };
	uint64_t a[6] = { (uint64_t)-1, RTC_UIE_OFF, 0xdeadbeefbadc0dedULL };
	struct t_blobspec b = { 2, &wk, sizeof(wk), 0, 0 };

	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "ioctl", a, NULL, 0, -EBADF, NULL, 0),
		  "ioctl(-1, PHN_NOT_OH or RTC_UIE_OFF) " EBADF_TAIL);
	a[1] = RTC_EPOCH_SET;
	CHECK_STR(st, t_line(&s, "ioctl", a, NULL, 0, -EBADF, NULL, 0),
		  "ioctl(-1, RTC_EPOCH_SET, 16045690984232390125) " EBADF_TAIL);
	a[1] = RTC_WKALM_SET;
	a[2] = 0x7f02f405afe0;
	CHECK_STR(st, t_line(&s, "ioctl", a, &b, 1, -EBADF, NULL, 0),
		  "ioctl(-1, RTC_WKALM_SET, {enabled=128, pending=129, time={tm_sec=1, tm_min=2, "
		  "tm_hour=3, tm_mday=4, tm_mon=5, tm_year=6, ...}}) " EBADF_TAIL);
	/* an output: the address after a failure */
	a[1] = RTC_RD_TIME;
	b.data = &wk.time;
	b.len = sizeof(wk.time);
	CHECK_STR(st, t_line(&s, "ioctl", a, &b, 1, -EBADF, &b, 1),
		  "ioctl(-1, RTC_RD_TIME, 0x7f02f405afe0) " EBADF_TAIL);
	t_sink_close(&s);
}

/* struct rtc_param: the value by param, GET's written value after " => ". */
static void ioctl_rtc_param(struct t_state *st)
{
	struct t_sink s;
	struct rtc_param r = { .param = RTC_PARAM_FEATURES,
			       .uvalue = 0xdeadfacebeeffeedULL,
			       .index = 0xfacecafe,
			       .__pad = 0xbadc0ded };
	uint64_t a[6] = { (uint64_t)-1, RTC_PARAM_SET, 0x7f02f403cfe8 };
	struct t_blobspec b = { 2, &r, sizeof(r), 0, 0 };

	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "ioctl", a, &b, 1, -EBADF, NULL, 0),
		  "ioctl(-1, RTC_PARAM_SET, {param=RTC_PARAM_FEATURES, "
		  "uvalue=1<<RTC_FEATURE_ALARM|1<<RTC_FEATURE_NEED_WEEK_DAY|"
		  "1<<RTC_FEATURE_ALARM_RES_2S|1<<RTC_FEATURE_CORRECTION|"
		  "1<<RTC_FEATURE_BACKUP_SWITCH_MODE|1<<RTC_FEATURE_ALARM_WAKEUP_ONLY|"
		  "0xdeadfacebeeffe00, index=4207856382, __pad=0xbadc0ded}) " EBADF_TAIL);
	r.uvalue = 0xbeef00;
	r.index = 0;
	r.__pad = 1;
	CHECK_STR(st, t_line(&s, "ioctl", a, &b, 1, -EBADF, NULL, 0),
		  "ioctl(-1, RTC_PARAM_SET, {param=RTC_PARAM_FEATURES, "
		  "uvalue=0xbeef00 /* 1<<RTC_FEATURE_??? */, index=0, __pad=0x1}) " EBADF_TAIL);
	a[1] = RTC_PARAM_GET;
	r.param = RTC_PARAM_BACKUP_SWITCH_MODE;
	r.uvalue = RTC_BSM_STANDBY;
	r.__pad = 0;
	CHECK_STR(st, t_line(&s, "ioctl", a, &b, 1, -EBADF, NULL, 0),
		  "ioctl(-1, RTC_PARAM_GET, {param=RTC_PARAM_BACKUP_SWITCH_MODE, index=0} => "
		  "0x7f02f403cfe8) " EBADF_TAIL);
	CHECK_STR(st, t_line(&s, "ioctl", a, &b, 1, 0, &b, 1),
		  "ioctl(-1, RTC_PARAM_GET, {param=RTC_PARAM_BACKUP_SWITCH_MODE, index=0} => "
		  "{uvalue=RTC_BSM_STANDBY}) = 0");
	r.param = RTC_PARAM_CORRECTION;
	r.svalue = -1337;
	a[1] = RTC_PARAM_SET;
	CHECK_STR(
		st, t_line(&s, "ioctl", a, &b, 1, -EBADF, NULL, 0),
		"ioctl(-1, RTC_PARAM_SET, {param=RTC_PARAM_CORRECTION, svalue=-1337, index=0}) " EBADF_TAIL);
	t_sink_close(&s);
}

/* UBI: structs by field table, volume names cut at name_len. */
static void ioctl_ubi(struct t_state *st)
{
	struct t_sink s;
	struct ubi_mkvol_req mk = { .vol_id = 1,
				    .alignment = 2,
				    .bytes = -3,
				    .vol_type = UBI_STATIC_VOLUME,
				    .flags = UBI_VOL_SKIP_CRC_CHECK_FLG,
				    .name_len = 1 };
	struct ubi_map_req map = { .lnum = -5, .dtype = 3 };
	uint64_t a[6] = { (uint64_t)-1, UBI_IOCMKVOL, 0x7f02f403cf00 };
	struct t_blobspec b = { 2, &mk, sizeof(mk), 0, 0 };

	memset(mk.name, '0', sizeof(mk.name));
	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "ioctl", a, &b, 1, -EBADF, NULL, 0),
		  "ioctl(-1, UBI_IOCMKVOL, {vol_id=1, alignment=2, bytes=-3, "
		  "vol_type=UBI_STATIC_VOLUME, flags=UBI_VOL_SKIP_CRC_CHECK_FLG, name_len=1, "
		  "name=\"0\"...}) " EBADF_TAIL);
	mk.name[1] = 0;
	CHECK_STR(st, t_line(&s, "ioctl", a, &b, 1, -EBADF, NULL, 0),
		  "ioctl(-1, UBI_IOCMKVOL, {vol_id=1, alignment=2, bytes=-3, "
		  "vol_type=UBI_STATIC_VOLUME, flags=UBI_VOL_SKIP_CRC_CHECK_FLG, name_len=1, "
		  "name=\"0\"}) " EBADF_TAIL);
	a[1] = UBI_IOCEBMAP;
	b.data = &map;
	b.len = sizeof(map);
	CHECK_STR(st, t_line(&s, "ioctl", a, &b, 1, -EBADF, NULL, 0),
		  "ioctl(-1, UBI_IOCEBMAP, {lnum=-5, dtype=UBI_UNKNOWN}) " EBADF_TAIL);
	a[1] = UBI_IOCVOLRMBLK;
	CHECK_STR(st, t_line(&s, "ioctl", a, NULL, 0, -EBADF, NULL, 0),
		  "ioctl(-1, UBI_IOCVOLRMBLK)        " EBADF_TAIL);
	t_sink_close(&s);
}

/* -X raw and verbose: an unknown request's number, its _IOC() form in the comment. */
static void ioctl_xlat_styles(struct t_state *st)
{
	struct t_sink s;
	uint64_t a[6] = { (uint64_t)-1, 0x66ff, 0 };

	t_sink_open(&s);
	s.opts.xlat_style = SR_XLAT_VERBOSE;
	t_sink_reinit(&s);
	CHECK_STR(st, t_line(&s, "ioctl", a, NULL, 0, -EBADF, NULL, 0),
		  "ioctl(-1, 0x66ff /* _IOC(_IOC_NONE, 0x66, 0xff, 0) */, 0) " EBADF_TAIL);
	a[1] = 0xc0044aff;
	CHECK_STR(
		st, t_line(&s, "ioctl", a, NULL, 0, -EBADF, NULL, 0),
		"ioctl(-1, 0xc0044aff /* _IOC(_IOC_READ|_IOC_WRITE, 0x4a, 0xff, 0x4) */, 0) " EBADF_TAIL);
	s.opts.xlat_style = SR_XLAT_RAW;
	t_sink_reinit(&s);
	CHECK_STR(st, t_line(&s, "ioctl", a, NULL, 0, -EBADF, NULL, 0),
		  "ioctl(-1, 0xc0044aff, 0)          " EBADF_TAIL);
	t_sink_close(&s);
}

T_SUITE(decode_ioctl_dev_tests) = {
	T_CASE(ioctl_xlat_styles),
	T_CASE(ioctl_rtc),
	T_CASE(ioctl_rtc_param),
	T_CASE(ioctl_ubi),
	T_END,
};
