// SPDX-License-Identifier: GPL-2.0
/*
 * Decoders: real-time clock ioctls (linux/rtc.h) as strace 6.1 prints them.
 * Rows of struct sr_ioc (ioctl.h); ioctl.c looks requests up.
 */
#include <string.h>
#include <linux/rtc.h>

#include "decode/ioctl.h"

/* struct rtc_time: six fields, the last three with -v only */
static const struct sr_ioc_field rtc_time_fields[] = {
	IOF(struct rtc_time, tm_sec, IOF_D, NULL),    IOF(struct rtc_time, tm_min, IOF_D, NULL),
	IOF(struct rtc_time, tm_hour, IOF_D, NULL),   IOF(struct rtc_time, tm_mday, IOF_D, NULL),
	IOF(struct rtc_time, tm_mon, IOF_D, NULL),    IOF(struct rtc_time, tm_year, IOF_D, NULL),
	IOFV(struct rtc_time, tm_wday, IOF_D, NULL),  IOFV(struct rtc_time, tm_yday, IOF_D, NULL),
	IOFV(struct rtc_time, tm_isdst, IOF_D, NULL),
};
static SR_IOC_FIELDS(rtc_time_desc, struct rtc_time, rtc_time_fields);

static const struct sr_ioc_field rtc_wkalrm_fields[] = {
	IOF(struct rtc_wkalrm, enabled, IOF_U, NULL),
	IOF(struct rtc_wkalrm, pending, IOF_U, NULL),
	IOF(struct rtc_wkalrm, time, IOF_STRUCT, &rtc_time_desc),
};
static SR_IOC_FIELDS(rtc_wkalrm_desc, struct rtc_wkalrm, rtc_wkalrm_fields);

static const struct sr_ioc_field rtc_pll_fields[] = {
	IOF(struct rtc_pll_info, pll_ctrl, IOF_D, NULL),
	IOF(struct rtc_pll_info, pll_value, IOF_D, NULL),
	IOF(struct rtc_pll_info, pll_max, IOF_D, NULL),
	IOF(struct rtc_pll_info, pll_min, IOF_D, NULL),
	IOF(struct rtc_pll_info, pll_posmult, IOF_D, NULL),
	IOF(struct rtc_pll_info, pll_negmult, IOF_D, NULL),
	IOF(struct rtc_pll_info, pll_clock, IOF_D, NULL),
};
static SR_IOC_FIELDS(rtc_pll_desc, struct rtc_pll_info, rtc_pll_fields);

/* The value of struct rtc_param, by what its param names. */
static void rtc_param_value(struct sr_fmt *f, const struct rtc_param *r)
{
	switch (r->param) {
	case RTC_PARAM_FEATURES:
		pr_field(f, "uvalue");
		fmt_flags_bitnum(f, &xlat_rtc_features, r->uvalue, 0);
		break;
	case RTC_PARAM_CORRECTION:
		pr_field_d(f, "svalue", r->svalue);
		break;
	case RTC_PARAM_BACKUP_SWITCH_MODE:
		pr_field(f, "uvalue");
		fmt_enum(f, &xlat_rtc_backup_switch_modes, r->uvalue);
		break;
	default:
		pr_field_x(f, "uvalue", r->uvalue);
		break;
	}
}

/*
 * RTC_PARAM_GET and RTC_PARAM_SET: {param=..., [value, ]index=...}, the
 * padding when it is not 0; GET shows the value the call wrote after " => ".
 */
static void print_rtc_param(struct sr_fmt *f, const uint8_t *p, bool entry, bool value)
{
	struct rtc_param r;

	memcpy(&r, p, sizeof(r));
	pr_struct_begin(f);
	if (entry) {
		pr_field(f, "param");
		fmt_enum(f, &xlat_rtc_params, r.param);
	}
	if (value)
		rtc_param_value(f, &r);
	if (entry)
		pr_field_u(f, "index", r.index);
	if (r.__pad)
		pr_field_x(f, "__pad", r.__pad);
	pr_struct_end(f);
}

static void print_rtc_param_get(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
				size_t len)
{
	print_rtc_param(f, p, true, false);
}

static void print_rtc_param_got(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
				size_t len)
{
	print_rtc_param(f, p, false, true);
}

static void print_rtc_param_set(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
				size_t len)
{
	print_rtc_param(f, p, true, true);
}

static const struct sr_ioc_struct rtc_param_get_st = { sizeof(struct rtc_param),
						       print_rtc_param_get, print_rtc_param_got };
static const struct sr_ioc_struct rtc_param_set_st = { sizeof(struct rtc_param),
						       print_rtc_param_set, NULL };

static const struct sr_ioc rtc_table[] = {
	{ RTC_AIE_ON, IOA_NONE, false, NULL },
	{ RTC_AIE_OFF, IOA_NONE, false, NULL },
	{ RTC_UIE_ON, IOA_NONE, false, NULL },
	{ RTC_UIE_OFF, IOA_NONE, false, NULL },
	{ RTC_PIE_ON, IOA_NONE, false, NULL },
	{ RTC_PIE_OFF, IOA_NONE, false, NULL },
	{ RTC_WIE_ON, IOA_NONE, false, NULL },
	{ RTC_WIE_OFF, IOA_NONE, false, NULL },
	{ RTC_VL_CLR, IOA_NONE, false, NULL },
	{ RTC_IRQP_SET, IOA_UDEC, false, NULL },
	{ RTC_EPOCH_SET, IOA_UDEC, false, NULL },
	{ RTC_IRQP_READ, IOA_ULONG, true, NULL },
	{ RTC_EPOCH_READ, IOA_ULONG, true, NULL },
	{ RTC_ALM_READ, IOA_FIELDS, true, &rtc_time_desc },
	{ RTC_RD_TIME, IOA_FIELDS, true, &rtc_time_desc },
	{ RTC_ALM_SET, IOA_FIELDS, false, &rtc_time_desc },
	{ RTC_SET_TIME, IOA_FIELDS, false, &rtc_time_desc },
	{ RTC_WKALM_RD, IOA_FIELDS, true, &rtc_wkalrm_desc },
	{ RTC_WKALM_SET, IOA_FIELDS, false, &rtc_wkalrm_desc },
	{ RTC_PLL_GET, IOA_FIELDS, true, &rtc_pll_desc },
	{ RTC_PLL_SET, IOA_FIELDS, false, &rtc_pll_desc },
	{ RTC_VL_READ, IOA_INT_FLAGS, true, &xlat_rtc_vl_flags },
	{ RTC_PARAM_GET, IOA_STRUCT, false, &rtc_param_get_st },
	{ RTC_PARAM_SET, IOA_STRUCT, false, &rtc_param_set_st },
};

SR_IOC_ROWS(sr_ioc_rows_rtc, rtc_table);
