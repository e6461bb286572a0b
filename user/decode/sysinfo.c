// SPDX-License-Identifier: GPL-2.0
/* Decoders: what the system says about itself (uname, sysinfo, _sysctl), as strace 6.1 prints it. */
#include <string.h>
#include <linux/sysctl.h>
#include <linux/sysinfo.h>
#include <linux/utsname.h>

#include "decode/decode.h"
#include "cli/opts.h"

_Static_assert(sizeof(struct new_utsname) <= SR_BLOB_MAX, "utsname is captured whole");
_Static_assert(sizeof(struct sysinfo) <= SR_BLOB_MAX, "sysinfo is captured whole");

/* A fixed-size char array: up to its NUL, "..." if it has none. */
static void fmt_cstring(struct sr_fmt *f, const char *s, size_t size)
{
	size_t n = strnlen(s, size);

	pr_str(f, s, n, size, n == size ? SR_Q_ELLIPSIS : 0);
}

/* Fields as strace shows them: the first two, all six with -v. */
static void utsname_print(struct sr_fmt *f, const struct sr_call *c, int argi, const void *data,
			  size_t len)
{
	struct new_utsname u;
	const struct {
		const char *name;
		const char *s;
	} fields[] = {
		{ "sysname", u.sysname }, { "nodename", u.nodename },
		{ "release", u.release }, { "version", u.version },
		{ "machine", u.machine }, { "domainname", u.domainname },
	};
	size_t i, n = fmt_verbose(f) ? sizeof(fields) / sizeof(fields[0]) : 2;

	(void)c;
	(void)argi;
	(void)len;
	memcpy(&u, data, sizeof(u));
	pr_struct_begin(f);
	for (i = 0; i < n; i++) {
		pr_field(f, fields[i].name);
		fmt_cstring(f, fields[i].s, sizeof(u.sysname));
	}
	if (!fmt_verbose(f))
		pr_more(f);
	pr_struct_end(f);
}

const struct sr_kind sr_kind_utsname = {
	.name = "utsname",
	.same32 = true, /* fixed-width fields */
	.size = sizeof(struct new_utsname),
	.max = 0,
	.print = utsname_print,
};

static void sysinfo_print(struct sr_fmt *f, const struct sr_call *c, int argi, const void *data,
			  size_t len)
{
	struct sysinfo si;
	size_t i;

	(void)c;
	(void)argi;
	(void)len;
	memcpy(&si, data, sizeof(si));
	pr_struct_begin(f);
	pr_field_u(f, "uptime", (uint64_t)si.uptime);
	pr_field(f, "loads");
	pr_array_begin(f);
	for (i = 0; i < sizeof(si.loads) / sizeof(si.loads[0]); i++)
		pr_u(f, si.loads[i]);
	pr_array_end(f);
	pr_field_u(f, "totalram", si.totalram);
	pr_field_u(f, "freeram", si.freeram);
	pr_field_u(f, "sharedram", si.sharedram);
	pr_field_u(f, "bufferram", si.bufferram);
	pr_field_u(f, "totalswap", si.totalswap);
	pr_field_u(f, "freeswap", si.freeswap);
	pr_field_u(f, "procs", si.procs);
	pr_field_u(f, "totalhigh", si.totalhigh);
	pr_field_u(f, "freehigh", si.freehigh);
	pr_field_u(f, "mem_unit", si.mem_unit);
	pr_struct_end(f);
}

const struct sr_kind sr_kind_sysinfo = {
	.name = "sysinfo",
	.size = sizeof(struct sysinfo),
	.max = 0,
	.print = sysinfo_print,
};

/*
 * sethostname's name: its length bytes, read as strace's printstrn() does
 * (-s and one more), or the address for a length the kernel refuses
 * (more than __NEW_UTS_LEN), which strace does not read.
 */
static void hostname_plan(const struct sr_sysent *ent, int argi, const struct sr_opts *o,
			  struct sr_plan_arg *pa)
{
	long cap = (long)o->strsize + 1;

	(void)ent;
	pa->when = SR_CAP_ENTER | SR_CAP_RETRY | SR_CAP_LEN32;
	pa->how = SR_HOW_BUF;
	pa->len_src = SR_LEN_ARG;
	pa->len_arg = argi + 1;
	pa->elem = 1;
	pa->cap = cap > SR_BLOB_MAX ? SR_BLOB_MAX : cap < 1 ? 1 : cap;
}

static void hostname_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	uint32_t len = (uint32_t)c->args[argi + 1];

	if (c->args[argi] && len > __NEW_UTS_LEN) {
		fmt_ptr(f, c->args[argi]);
		return;
	}
	fmt_blob_str(f, call__blob(c, argi, false), c->args[argi], fmt_strsize(f), 0);
}

const struct sr_decoder sr_dec_hostname = {
	.name = "hostname",
	.plan = hostname_plan,
	.print = hostname_print,
};

/* _sysctl's arguments, as strace prints them: the pointers, not what they point to. */
static void sysctl_args_print(struct sr_fmt *f, const struct sr_call *c, int argi, const void *data,
			      size_t len)
{
	struct __sysctl_args a;

	(void)c;
	(void)argi;
	(void)len;
	memcpy(&a, data, sizeof(a));
	pr_struct_begin(f);
	pr_field_addr(f, "name", (uint64_t)(uintptr_t)a.name);
	pr_field_d(f, "nlen", a.nlen);
	pr_field_addr(f, "oldval", (uint64_t)(uintptr_t)a.oldval);
	pr_field_addr(f, "oldlenp", (uint64_t)(uintptr_t)a.oldlenp);
	pr_field_addr(f, "newval", (uint64_t)(uintptr_t)a.newval);
	pr_field_u(f, "newlen", a.newlen);
	pr_struct_end(f);
}

const struct sr_kind sr_kind_sysctl_args = {
	.name = "sysctl_args",
	.size = sizeof(struct __sysctl_args),
	.print = sysctl_args_print,
};
