// SPDX-License-Identifier: GPL-2.0
/* Decoders: clocks and timers. */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>

#include "decode/decode.h"
#include "decode/timefmt.h"
#include "cli/opts.h"

/* x86_64 and arm64 layouts: every field is a 64-bit long. */
struct sr_ts {
	int64_t sec;
	int64_t frac; /* tv_nsec or tv_usec */
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

	if (!time_str(buf, sizeof(buf), sec, part, width))
		return;
	out__puts(f->out, " /* ");
	out__puts(f->out, buf);
	out__puts(f->out, " */");
}

void fmt_sec_nsec(struct sr_fmt *f, int64_t sec, uint64_t nsec)
{
	out__puts(f->out, "{tv_sec=");
	out__dec(f->out, sec);
	out__puts(f->out, ", tv_nsec=");
	out__udec(f->out, nsec);
	out__putc(f->out, '}');
}

static void fmt_sec_usec(struct sr_fmt *f, const struct sr_ts *t)
{
	out__puts(f->out, "{tv_sec=");
	out__dec(f->out, t->sec);
	out__puts(f->out, ", tv_usec=");
	out__udec(f->out, (uint64_t)t->frac);
	out__putc(f->out, '}');
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
	.size = 16,
	.max = 0,
	.print = timespec_print,
};

/* Restart codes: the sleep was interrupted and will be restarted. */
static bool is_erestart(int64_t r)
{
	return r == -512 || r == -513 || r == -514 || r == -516;
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
	.size = 16,
	.max = 0,
	.print = timeval_print,
};

static void timezone_print(struct sr_fmt *f, const struct sr_call *c, int argi, const void *data,
			   size_t len)
{
	int32_t tz[2];

	(void)c;
	(void)argi;
	(void)len;
	memcpy(tz, data, sizeof(tz));
	out__puts(f->out, "{tz_minuteswest=");
	out__dec(f->out, tz[0]);
	out__puts(f->out, ", tz_dsttime=");
	out__dec(f->out, tz[1]);
	out__putc(f->out, '}');
}

const struct sr_kind sr_kind_timezone = {
	.name = "timezone",
	.size = 8,
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
	out__puts(f->out, "{it_interval=");
	fmt_sec_usec(f, &interval);
	out__puts(f->out, ", it_value=");
	fmt_sec_usec(f, &value);
	out__putc(f->out, '}');
}

const struct sr_kind sr_kind_itimerval = {
	.name = "itimerval",
	.size = 32,
	.max = 0,
	.print = itimerval_print,
};

static void itimerspec_print(struct sr_fmt *f, const struct sr_call *c, int argi, const void *data,
			     size_t len)
{
	struct sr_ts interval = ts_at(data, 0), value = ts_at(data, 1);

	(void)c;
	(void)argi;
	(void)len;
	out__puts(f->out, "{it_interval=");
	fmt_sec_nsec(f, interval.sec, (uint64_t)interval.frac);
	out__puts(f->out, ", it_value=");
	fmt_sec_nsec(f, value.sec, (uint64_t)value.frac);
	out__putc(f->out, '}');
}

const struct sr_kind sr_kind_itimerspec = {
	.name = "itimerspec",
	.size = 32,
	.max = 0,
	.print = itimerspec_print,
};

/* utimensat: UTIME_NOW and UTIME_OMIT replace the whole timespec. */
static void utime_ts(struct sr_fmt *f, const struct sr_ts *t)
{
	if (t->frac == UTIME_NOW) {
		out__puts(f->out, "UTIME_NOW");
	} else if (t->frac == UTIME_OMIT) {
		out__puts(f->out, "UTIME_OMIT");
	} else {
		fmt_sec_nsec(f, t->sec, (uint64_t)t->frac);
		fmt_time_comment(f, t->sec, (uint64_t)t->frac, 9);
	}
}

static void timespec_pair_print(struct sr_fmt *f, const struct sr_call *c, int argi,
				const void *data, size_t len)
{
	struct sr_ts atime = ts_at(data, 0), mtime = ts_at(data, 1);

	(void)c;
	(void)argi;
	(void)len;
	out__putc(f->out, '[');
	if (fmt_array_next(f, 0)) {
		utime_ts(f, &atime);
		if (fmt_array_next(f, 1))
			utime_ts(f, &mtime);
	}
	out__putc(f->out, ']');
}

const struct sr_kind sr_kind_timespec_pair = {
	.name = "timespec_pair",
	.size = 32,
	.max = 0,
	.print = timespec_pair_print,
};

static void timeval_pair_print(struct sr_fmt *f, const struct sr_call *c, int argi,
			       const void *data, size_t len)
{
	struct sr_ts t;
	size_t i;

	(void)c;
	(void)argi;
	(void)len;
	out__putc(f->out, '[');
	for (i = 0; i < 2; i++) {
		t = ts_at(data, i);
		if (!fmt_array_next(f, i))
			break;
		fmt_sec_usec(f, &t);
		fmt_time_comment(f, t.sec, (uint64_t)t.frac, 6);
	}
	out__putc(f->out, ']');
}

const struct sr_kind sr_kind_timeval_pair = {
	.name = "timeval_pair",
	.size = 32,
	.max = 0,
	.print = timeval_pair_print,
};

static void sigev_notify_print(struct sr_fmt *f, int32_t notify)
{
	const char *n = xlat__name(&xlat_sigev_notify, (uint32_t)notify);

	if (n) {
		out__puts(f->out, n);
		return;
	}
	out__hex(f->out, (uint32_t)notify);
	out__puts(f->out, " /* SIGEV_??? */");
}

/* The fields only some notification methods use. */
static void sigev_tail_print(struct sr_fmt *f, const struct sr_sigevent *ev)
{
	if (ev->notify == SIGEV_THREAD_ID) {
		out__puts(f->out, ", sigev_notify_thread_id=");
		out__dec(f->out, ev->un.tid);
	} else if (ev->notify == SIGEV_THREAD) {
		out__puts(f->out, ", sigev_notify_function=");
		fmt_ptr(f, ev->un.thread.function);
		out__puts(f->out, ", sigev_notify_attributes=");
		fmt_ptr(f, ev->un.thread.attribute);
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
	out__putc(f->out, '{');
	if (ev.value) {
		out__puts(f->out, "sigev_value={sival_int=");
		out__dec(f->out, (int32_t)ev.value);
		out__puts(f->out, ", sival_ptr=");
		fmt_ptr(f, ev.value);
		out__puts(f->out, "}, ");
	}
	out__puts(f->out, "sigev_signo=");
	if (ev.notify == SIGEV_SIGNAL || ev.notify == SIGEV_THREAD || ev.notify == SIGEV_THREAD_ID)
		fmt_signame(f, ev.signo);
	else
		out__udec(f->out, (uint32_t)ev.signo);
	out__puts(f->out, ", sigev_notify=");
	sigev_notify_print(f, ev.notify);
	sigev_tail_print(f, &ev);
	out__putc(f->out, '}');
}

_Static_assert(sizeof(struct sr_sigevent) <= 64, "sigevent layout");

const struct sr_kind sr_kind_sigevent = {
	.name = "sigevent",
	.size = 64,
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
	out__putc(f->out, '[');
	out__dec(f->out, t);
	fmt_time_comment(f, t, 0, 0);
	out__putc(f->out, ']');
}

const struct sr_kind sr_kind_time_t = {
	.name = "time_t",
	.size = 8,
	.max = 0,
	.print = time_t_print,
};

/* time(2): everything prints at exit, and the result is a date too. */
static void time_enter(struct sr_fmt *f, const struct sr_call *c)
{
	(void)f;
	(void)c;
}

static void time_exit(struct sr_fmt *f, const struct sr_call *c)
{
	fmt_struct(f, c, 0, true);
}

static void time_ret_suffix(struct sr_fmt *f, const struct sr_call *c)
{
	char buf[96];

	if (c->ret < 0 || !time_str(buf, sizeof(buf), c->ret, 0, 0))
		return;
	out__puts(f->out, " (");
	out__puts(f->out, buf);
	out__putc(f->out, ')');
}

const struct sr_scdec sr_scdec_time = {
	.name = "time",
	.enter = time_enter,
	.exit = time_exit,
	.ret_suffix = time_ret_suffix,
};
