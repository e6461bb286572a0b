// SPDX-License-Identifier: GPL-2.0
/*
 * Decoders: resource limits (getrlimit, setrlimit, prlimit64) and resource
 * usage (getrusage, wait4's rusage, times), as strace 6.1 prints them.
 */
#include <stdio.h>
#include <string.h>
#include <linux/resource.h>
#include <linux/times.h>

#include "decode/decode.h"

/* getrlimit's struct rlimit and prlimit64's struct rlimit64: one layout on 64-bit ABIs. */
_Static_assert(sizeof(struct rlimit) == sizeof(struct rlimit64), "rlimit layout");
_Static_assert(offsetof(struct rlimit, rlim_max) == offsetof(struct rlimit64, rlim_max),
	       "rlimit layout");
_Static_assert(sizeof(struct rusage) <= SR_BLOB_MAX, "rusage is captured whole");

/*
 * rlim_t: RLIM64_INFINITY (an ia32 task's 32-bit rlim_t: RLIM_INFINITY),
 * multiples of 1024 as strace's "N*1024", else the number.
 */
static void fmt_rlim_as(struct sr_fmt *f, uint64_t v, uint64_t inf, const char *inf_name)
{
	char buf[32];

	if (v == inf) {
		pr_sym_fmt(f, inf_name, v, SR_NUM_U);
	} else if (v > 1024 && v % 1024 == 0) {
		/* an expression strace writes for the value; the backend keeps @v */
		snprintf(buf, sizeof(buf), "%llu*1024", (unsigned long long)(v / 1024));
		pr_sym_fmt(f, buf, v, SR_NUM_U);
	} else {
		pr_u(f, v);
	}
}

static void fmt_rlim(struct sr_fmt *f, uint64_t v)
{
	fmt_rlim_as(f, v, RLIM64_INFINITY, "RLIM64_INFINITY");
}

/* An ia32 task's struct rlimit: two u32, all ones is infinity. */
static void rlimit32_print(struct sr_fmt *f, const struct sr_call *c, int argi, const void *data,
			   size_t len)
{
	(void)c;
	(void)argi;
	(void)len;
	pr_struct_begin(f);
	pr_field(f, "rlim_cur");
	fmt_rlim_as(f, get32(data, 0), UINT32_MAX, "RLIM_INFINITY");
	pr_field(f, "rlim_max");
	fmt_rlim_as(f, get32(data, sizeof(uint32_t)), UINT32_MAX, "RLIM_INFINITY");
	pr_struct_end(f);
}

static const struct sr_kind sr_kind_rlimit32 = {
	.name = "rlimit32",
	.size = 2 * sizeof(uint32_t),
	.print = rlimit32_print,
	.same32 = true, /* an ia32 layout already */
};

static void rlimit_print(struct sr_fmt *f, const struct sr_call *c, int argi, const void *data,
			 size_t len)
{
	struct rlimit64 r;

	(void)c;
	(void)argi;
	(void)len;
	memcpy(&r, data, sizeof(r));
	pr_struct_begin(f);
	pr_field(f, "rlim_cur");
	fmt_rlim(f, r.rlim_cur);
	pr_field(f, "rlim_max");
	fmt_rlim(f, r.rlim_max);
	pr_struct_end(f);
}

const struct sr_kind sr_kind_rlimit = {
	.name = "rlimit",
	.size = sizeof(struct rlimit64),
	.max = 0,
	.print = rlimit_print,
	.kind32 = &sr_kind_rlimit32,
};

/* prlimit64's struct rlimit64: the same for ia32 tasks. */
const struct sr_kind sr_kind_rlimit64 = {
	.name = "rlimit64",
	.size = sizeof(struct rlimit64),
	.print = rlimit_print,
	.same32 = true, /* fixed-width fields */
};

static void fmt_timeval(struct sr_fmt *f, const struct __kernel_old_timeval *tv)
{
	pr_struct_begin(f);
	pr_field_d(f, "tv_sec", tv->tv_sec);
	pr_field_u(f, "tv_usec", (uint64_t)tv->tv_usec);
	pr_struct_end(f);
}

/* The counters after the times, shown with -v. */
static void rusage_rest(struct sr_fmt *f, const struct rusage *ru)
{
	pr_field_u(f, "ru_maxrss", (uint64_t)ru->ru_maxrss);
	pr_field_u(f, "ru_ixrss", (uint64_t)ru->ru_ixrss);
	pr_field_u(f, "ru_idrss", (uint64_t)ru->ru_idrss);
	pr_field_u(f, "ru_isrss", (uint64_t)ru->ru_isrss);
	pr_field_u(f, "ru_minflt", (uint64_t)ru->ru_minflt);
	pr_field_u(f, "ru_majflt", (uint64_t)ru->ru_majflt);
	pr_field_u(f, "ru_nswap", (uint64_t)ru->ru_nswap);
	pr_field_u(f, "ru_inblock", (uint64_t)ru->ru_inblock);
	pr_field_u(f, "ru_oublock", (uint64_t)ru->ru_oublock);
	pr_field_u(f, "ru_msgsnd", (uint64_t)ru->ru_msgsnd);
	pr_field_u(f, "ru_msgrcv", (uint64_t)ru->ru_msgrcv);
	pr_field_u(f, "ru_nsignals", (uint64_t)ru->ru_nsignals);
	pr_field_u(f, "ru_nvcsw", (uint64_t)ru->ru_nvcsw);
	pr_field_u(f, "ru_nivcsw", (uint64_t)ru->ru_nivcsw);
}

static void fmt_rusage(struct sr_fmt *f, const void *data)
{
	struct rusage ru;

	memcpy(&ru, data, sizeof(ru));
	pr_struct_begin(f);
	pr_field(f, "ru_utime");
	fmt_timeval(f, &ru.ru_utime);
	pr_field(f, "ru_stime");
	fmt_timeval(f, &ru.ru_stime);
	if (fmt_verbose(f))
		rusage_rest(f, &ru);
	else
		pr_more(f);
	pr_struct_end(f);
}

static void rusage_print(struct sr_fmt *f, const struct sr_call *c, int argi, const void *data,
			 size_t len)
{
	(void)c;
	(void)argi;
	(void)len;
	fmt_rusage(f, data);
}

const struct sr_kind sr_kind_rusage = {
	.name = "rusage",
	.size = sizeof(struct rusage),
	.max = 0,
	.print = rusage_print,
};

/* wait4's: written only when a child was reaped (not for WNOHANG's 0). */
static void wait_rusage_print(struct sr_fmt *f, const struct sr_call *c, int argi, const void *data,
			      size_t len)
{
	(void)len;
	if (!c->ret) {
		fmt_ptr(f, c->args[argi]);
		return;
	}
	fmt_rusage(f, data);
}

const struct sr_kind sr_kind_wait_rusage = {
	.name = "wait_rusage",
	.size = sizeof(struct rusage),
	.max = 0,
	.print = wait_rusage_print,
};

static void tms_print(struct sr_fmt *f, const struct sr_call *c, int argi, const void *data,
		      size_t len)
{
	struct tms t;

	(void)c;
	(void)argi;
	(void)len;
	memcpy(&t, data, sizeof(t));
	pr_struct_begin(f);
	pr_field(f, "tms_utime");
	fmt_clock_t(f, (uint64_t)t.tms_utime);
	pr_field(f, "tms_stime");
	fmt_clock_t(f, (uint64_t)t.tms_stime);
	pr_field(f, "tms_cutime");
	fmt_clock_t(f, (uint64_t)t.tms_cutime);
	pr_field(f, "tms_cstime");
	fmt_clock_t(f, (uint64_t)t.tms_cstime);
	pr_struct_end(f);
}

const struct sr_kind sr_kind_tms = {
	.name = "tms",
	.size = sizeof(struct tms),
	.max = 0,
	.print = tms_print,
};
