// SPDX-License-Identifier: GPL-2.0
/* Decoders: clocks and timers. */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>
#include <linux/time_types.h>
#include <linux/utime.h>

#include "decode/decode.h"
#include "decode/timefmt.h"
#include "cli/opts.h"

/*
 * A timespec or timeval as the 64-bit ABIs lay them out: two 64-bit words,
 * seconds and a fraction (tv_nsec or tv_usec).
 */
struct sr_ts {
	int64_t sec;
	int64_t frac;
};

/*
 * ia32 tasks' layouts of the time structs below (struct old_timespec32,
 * old_timeval32 and the structs made of them): the same fields, each 32
 * bits. Defined at the end of this file.
 */
static const struct sr_kind sr_kind_timespec32, sr_kind_timeval32, sr_kind_itimerval32,
	sr_kind_itimerspec32, sr_kind_timespec_pair32, sr_kind_timeval_pair32;

_Static_assert(sizeof(struct sr_ts) == sizeof(struct __kernel_timespec), "timespec layout");
_Static_assert(sizeof(struct sr_ts) == sizeof(struct __kernel_old_timeval), "timeval layout");
_Static_assert(offsetof(struct sr_ts, frac) == offsetof(struct __kernel_timespec, tv_nsec),
	       "timespec layout");
_Static_assert(offsetof(struct sr_ts, frac) == offsetof(struct __kernel_old_timeval, tv_usec),
	       "timeval layout");

/* struct timezone of <linux/time.h>, which clashes with glibc's <sys/time.h>. */
struct sr_timezone {
	int32_t minuteswest;
	int32_t dsttime;
};

/* struct sigevent (include/uapi/asm-generic/siginfo.h), 64-bit. */
struct sr_sigevent {
	uint64_t value; /* union sigval: sival_int aliases the low half */
	int32_t signo;
	int32_t notify;
	union {
		int32_t tid;
		struct {
			uint64_t function;
			uint64_t attribute;
		} thread;
	} un;
};

/* strace's sprinttime_ex(): false when strace prints no date at all. */
static bool time_str(char *buf, size_t size, int64_t sec, uint64_t part, int width)
{
	uint64_t max = width == 9 ? 999999999 : width == 6 ? 999999 : 0;
	struct tm tm;
	time_t t = (time_t)sec;
	size_t pos;

	/* strace leaves the epoch and impossible fractions without a date */
	if ((sec == 0 && part == 0) || part > max || !localtime_r(&t, &tm))
		return false;
	pos = strftime(buf, size, "%FT%T", &tm);
	if (!pos)
		return false;
	if (part)
		pos += snprintf(buf + pos, size - pos, ".%0*llu", width, (unsigned long long)part);
	return pos < size && strftime(buf + pos, size - pos, "%z", &tm);
}

void fmt_time_comment(struct sr_fmt *f, int64_t sec, uint64_t part, int width)
{
	char buf[96];

	if (time_str(buf, sizeof(buf), sec, part, width))
		pr_comment(f, buf);
}

void fmt_time_note(struct sr_fmt *f, int64_t sec, uint64_t part, int width)
{
	char buf[96];

	if (time_str(buf, sizeof(buf), sec, part, width))
		pr_xlat_default(f, buf);
}

void fmt_sec_nsec(struct sr_fmt *f, int64_t sec, uint64_t nsec)
{
	pr_struct_begin(f);
	pr_field_d(f, "tv_sec", sec);
	pr_field_u(f, "tv_nsec", nsec);
	pr_struct_end(f);
}

static void fmt_sec_usec(struct sr_fmt *f, const struct sr_ts *t)
{
	pr_struct_begin(f);
	pr_field_d(f, "tv_sec", t->sec);
	pr_field_u(f, "tv_usec", (uint64_t)t->frac);
	pr_struct_end(f);
}

static struct sr_ts ts_at(const void *data, size_t i)
{
	struct sr_ts t;

	memcpy(&t, (const uint8_t *)data + i * sizeof(t), sizeof(t));
	return t;
}

static void timespec_print(struct sr_fmt *f, const struct sr_call *c, int argi, const void *data,
			   size_t len)
{
	struct sr_ts t = ts_at(data, 0);

	(void)c;
	(void)argi;
	(void)len;
	fmt_sec_nsec(f, t.sec, (uint64_t)t.frac);
}

const struct sr_kind sr_kind_timespec = {
	.name = "timespec",
	.size = sizeof(struct __kernel_timespec),
	.max = 0,
	.print = timespec_print,
	.kind32 = &sr_kind_timespec32,
};

/* Restart codes: the sleep was interrupted and will be restarted. */
static bool is_erestart(int64_t r)
{
	return r < 0 && r >= -4095 && errno__is_restart((int)-r);
}

/*
 * nanosleep's and clock_nanosleep's remaining time: the kernel writes it
 * only when a signal interrupts a relative sleep, so strace shows the
 * address otherwise (clock_nanosleep's flags are argument 1, its remainder
 * argument 3). Read at exit whatever the result, since that is an error.
 */
static void sleep_rem_plan(const struct sr_sysent *ent, int argi, const struct sr_opts *o,
			   struct sr_plan_arg *pa)
{
	(void)ent;
	(void)argi;
	(void)o;
	pa->when = SR_CAP_EXIT | SR_CAP_ANYRET;
	pa->how = SR_HOW_BUF;
	pa->len_src = SR_LEN_FIXED;
	pa->elem = sizeof(struct sr_ts);
	pa->cap = sizeof(struct sr_ts);
}

static void sleep_rem_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	const struct sr_blob *b = c->has_exit ? c->out[argi] : NULL;
	struct sr_ts t;

	if (!b || (b->flags & (SR_BF_FAULT | SR_BF_NULL)) || b->len < sizeof(t) ||
	    !is_erestart(c->ret) || (argi == 3 && c->args[1])) {
		fmt_ptr(f, c->args[argi]);
		return;
	}
	t = ts_at(blob_data(b), 0);
	fmt_sec_nsec(f, t.sec, (uint64_t)t.frac);
}

const struct sr_decoder sr_dec_sleep_rem = {
	.name = "sleep_rem",
	.at_exit = true,
	.plan = sleep_rem_plan,
	.print = sleep_rem_print,
};

static void timeval_print(struct sr_fmt *f, const struct sr_call *c, int argi, const void *data,
			  size_t len)
{
	struct sr_ts t = ts_at(data, 0);

	(void)c;
	(void)argi;
	(void)len;
	fmt_sec_usec(f, &t);
}

const struct sr_kind sr_kind_timeval = {
	.name = "timeval",
	.size = sizeof(struct __kernel_old_timeval),
	.max = 0,
	.print = timeval_print,
	.kind32 = &sr_kind_timeval32,
};

static void timezone_print(struct sr_fmt *f, const struct sr_call *c, int argi, const void *data,
			   size_t len)
{
	struct sr_timezone tz;

	(void)c;
	(void)argi;
	(void)len;
	memcpy(&tz, data, sizeof(tz));
	pr_struct_begin(f);
	pr_field_d(f, "tz_minuteswest", tz.minuteswest);
	pr_field_d(f, "tz_dsttime", tz.dsttime);
	pr_struct_end(f);
}

const struct sr_kind sr_kind_timezone = {
	.name = "timezone",
	.size = sizeof(struct sr_timezone),
	.max = 0,
	.print = timezone_print,
};

static void itimerval_print(struct sr_fmt *f, const struct sr_call *c, int argi, const void *data,
			    size_t len)
{
	struct sr_ts interval = ts_at(data, 0), value = ts_at(data, 1);

	(void)c;
	(void)argi;
	(void)len;
	pr_struct_begin(f);
	pr_field(f, "it_interval");
	fmt_sec_usec(f, &interval);
	pr_field(f, "it_value");
	fmt_sec_usec(f, &value);
	pr_struct_end(f);
}

const struct sr_kind sr_kind_itimerval = {
	.name = "itimerval",
	.size = sizeof(struct __kernel_old_itimerval),
	.max = 0,
	.print = itimerval_print,
	.kind32 = &sr_kind_itimerval32,
};

static void itimerspec_print(struct sr_fmt *f, const struct sr_call *c, int argi, const void *data,
			     size_t len)
{
	struct sr_ts interval = ts_at(data, 0), value = ts_at(data, 1);

	(void)c;
	(void)argi;
	(void)len;
	pr_struct_begin(f);
	pr_field(f, "it_interval");
	fmt_sec_nsec(f, interval.sec, (uint64_t)interval.frac);
	pr_field(f, "it_value");
	fmt_sec_nsec(f, value.sec, (uint64_t)value.frac);
	pr_struct_end(f);
}

const struct sr_kind sr_kind_itimerspec = {
	.name = "itimerspec",
	.size = sizeof(struct __kernel_itimerspec),
	.max = 0,
	.print = itimerspec_print,
	.kind32 = &sr_kind_itimerspec32,
};

/*
 * utimensat: UTIME_NOW and UTIME_OMIT replace the whole timespec; under -X
 * raw the timespec prints, under -X verbose with the name in a comment.
 */
static void utime_ts(struct sr_fmt *f, const struct sr_ts *t)
{
	const char *n = t->frac == UTIME_NOW  ? "UTIME_NOW" :
			t->frac == UTIME_OMIT ? "UTIME_OMIT" :
						NULL;

	if (n && fmt_xlat_abbrev(f)) {
		pr_sym(f, n, (uint64_t)t->frac);
		return;
	}
	fmt_sec_nsec(f, t->sec, (uint64_t)t->frac);
	if (n)
		pr_xlat_default(f, n);
	else
		fmt_time_comment(f, t->sec, (uint64_t)t->frac, 9);
}

static void timespec_pair_print(struct sr_fmt *f, const struct sr_call *c, int argi,
				const void *data, size_t len)
{
	struct sr_ts atime = ts_at(data, 0), mtime = ts_at(data, 1);

	(void)c;
	(void)argi;
	(void)len;
	pr_array_begin(f);
	if (pr_array_elem(f, 0)) {
		utime_ts(f, &atime);
		if (pr_array_elem(f, 1))
			utime_ts(f, &mtime);
	}
	pr_array_end(f);
}

const struct sr_kind sr_kind_timespec_pair = {
	.name = "timespec_pair",
	.size = 2 * sizeof(struct __kernel_timespec),
	.max = 0,
	.print = timespec_pair_print,
	.kind32 = &sr_kind_timespec_pair32,
};

static void timeval_pair_print(struct sr_fmt *f, const struct sr_call *c, int argi,
			       const void *data, size_t len)
{
	struct sr_ts t;
	size_t i;

	(void)c;
	(void)argi;
	(void)len;
	pr_array_begin(f);
	for (i = 0; i < 2; i++) {
		t = ts_at(data, i);
		if (!pr_array_elem(f, i))
			break;
		fmt_sec_usec(f, &t);
		fmt_time_comment(f, t.sec, (uint64_t)t.frac, 6);
	}
	pr_array_end(f);
}

const struct sr_kind sr_kind_timeval_pair = {
	.name = "timeval_pair",
	.size = 2 * sizeof(struct __kernel_old_timeval),
	.max = 0,
	.print = timeval_pair_print,
	.kind32 = &sr_kind_timeval_pair32,
};

/* The fields only some notification methods use. */
static void sigev_tail_print(struct sr_fmt *f, const struct sr_sigevent *ev)
{
	if (ev->notify == SIGEV_THREAD_ID) {
		pr_field_d(f, "sigev_notify_thread_id", ev->un.tid);
	} else if (ev->notify == SIGEV_THREAD) {
		pr_field_addr(f, "sigev_notify_function", ev->un.thread.function);
		pr_field_addr(f, "sigev_notify_attributes", ev->un.thread.attribute);
	}
}

static void sigevent_print(struct sr_fmt *f, const struct sr_call *c, int argi, const void *data,
			   size_t len)
{
	struct sr_sigevent ev;

	(void)c;
	(void)argi;
	(void)len;
	memcpy(&ev, data, sizeof(ev));
	pr_struct_begin(f);
	if (ev.value) {
		pr_field(f, "sigev_value");
		pr_struct_begin(f);
		pr_field_d(f, "sival_int", (int32_t)ev.value);
		pr_field_addr(f, "sival_ptr", ev.value);
		pr_struct_end(f);
	}
	pr_field(f, "sigev_signo");
	if (ev.notify == SIGEV_SIGNAL || ev.notify == SIGEV_THREAD || ev.notify == SIGEV_THREAD_ID)
		fmt_signame(f, ev.signo);
	else
		pr_u(f, (uint32_t)ev.signo);
	pr_field(f, "sigev_notify");
	fmt_enum(f, &xlat_sigev_notify, (uint32_t)ev.notify);
	sigev_tail_print(f, &ev);
	pr_struct_end(f);
}

/*
 * The kernel copies sizeof(sigevent_t), SIGEV_MAX_SIZE bytes of
 * <asm-generic/siginfo.h>; strace reads only the fields it prints (its
 * struct_sigevent), so a struct that ends a page shows with the kernel's
 * EFAULT: the capture reads what strace reads.
 */
#define SR_SIGEVENT_SIZE 64
_Static_assert(sizeof(struct sr_sigevent) <= SR_SIGEVENT_SIZE, "sigevent layout");
_Static_assert(sizeof(sigevent_t) == SR_SIGEVENT_SIZE, "sigevent size");

const struct sr_kind sr_kind_sigevent = {
	.name = "sigevent",
	.size = sizeof(struct sr_sigevent),
	.max = 0,
	.print = sigevent_print,
};

/* time(2)'s output: "[1700000000 /\* date *\/]". */
static void time_t_print(struct sr_fmt *f, const struct sr_call *c, int argi, const void *data,
			 size_t len)
{
	int64_t t;

	(void)c;
	(void)argi;
	(void)len;
	memcpy(&t, data, sizeof(t));
	pr_array_begin(f);
	pr_d(f, t);
	fmt_time_comment(f, t, 0, 0);
	pr_array_end(f);
}

const struct sr_kind sr_kind_time_t = {
	.name = "time_t",
	.size = sizeof(int64_t),
	.max = 0,
	.print = time_t_print,
};

/* time(2): everything prints at exit, and the result is a date too. */
static void time_enter(struct sr_fmt *f, const struct sr_call *c)
{
	(void)f;
	(void)c;
}

static bool time_entry_shown(const struct sr_call *c)
{
	(void)c;
	return false;
}

static void time_exit(struct sr_fmt *f, const struct sr_call *c)
{
	fmt_arg(f, c, 0);
	fmt_struct(f, c, 0, true);
}

static void time_ret_suffix(struct sr_fmt *f, const struct sr_call *c)
{
	char buf[96];

	if (c->ret < 0 || !time_str(buf, sizeof(buf), c->ret, 0, 0))
		return;
	pr_note_begin(f);
	pr_sym(f, buf, (uint64_t)c->ret);
	pr_note_end(f);
}

const struct sr_scdec sr_scdec_time = {
	.name = "time",
	.enter = time_enter,
	.exit = time_exit,
	.entry_shown = time_entry_shown,
	.ret_suffix = time_ret_suffix,
};

/* utime(2)'s times, with their dates. */
static void utimbuf_print(struct sr_fmt *f, const struct sr_call *c, int argi, const void *data,
			  size_t len)
{
	struct utimbuf t;

	(void)c;
	(void)argi;
	(void)len;
	memcpy(&t, data, sizeof(t));
	pr_struct_begin(f);
	pr_field_d(f, "actime", t.actime);
	fmt_time_comment(f, t.actime, 0, 0);
	pr_field_d(f, "modtime", t.modtime);
	fmt_time_comment(f, t.modtime, 0, 0);
	pr_struct_end(f);
}

const struct sr_kind sr_kind_utimbuf = {
	.name = "utimbuf",
	.size = sizeof(struct utimbuf),
	.max = 0,
	.print = utimbuf_print,
};

/* Time structs of an ia32 task: up to four 32-bit fields, as wide as the native kind's. */
#define SR_WIDE_MAX 4

/* Print ia32 struct @data (@len bytes) through native kind @k, each field sign-extended. */
static void widen_print(const struct sr_kind *k, struct sr_fmt *f, const struct sr_call *c,
			int argi, const void *data, size_t len)
{
	int64_t v[SR_WIDE_MAX] = { 0 };
	size_t i, n = k->size / sizeof(v[0]);

	for (i = 0; i < n && i < SR_WIDE_MAX && (i + 1) * sizeof(int32_t) <= len; i++)
		v[i] = (int32_t)get32(data, i * sizeof(int32_t));
	k->print(f, c, argi, v, n * sizeof(v[0]));
}

/* The ia32 kind of native kind @nm, whose fields (@bytes in all) are all 64-bit. */
#define SR_KIND_WIDE32(nm, bytes)                                                      \
	_Static_assert((bytes) <= sizeof(int64_t) * SR_WIDE_MAX, #nm);                 \
	static void nm##32_print(struct sr_fmt * f, const struct sr_call *c, int argi, \
				 const void *data, size_t len)                         \
	{                                                                              \
		widen_print(&sr_kind_##nm, f, c, argi, data, len);                     \
	}                                                                              \
	static const struct sr_kind sr_kind_##nm##32 = {                               \
		.name = #nm "32",                                                      \
		.size = (bytes) / 2,                                                   \
		.print = nm##32_print,                                                 \
		.same32 = true,                                                        \
	};

SR_KIND_WIDE32(timespec, sizeof(struct __kernel_timespec))
SR_KIND_WIDE32(timeval, sizeof(struct __kernel_old_timeval))
SR_KIND_WIDE32(itimerval, sizeof(struct __kernel_old_itimerval))
SR_KIND_WIDE32(itimerspec, sizeof(struct __kernel_itimerspec))
SR_KIND_WIDE32(timespec_pair, 2 * sizeof(struct __kernel_timespec))
SR_KIND_WIDE32(timeval_pair, 2 * sizeof(struct __kernel_old_timeval))
