// SPDX-License-Identifier: GPL-2.0
/* Decoders: processes, resources, credentials. */
#include "decode.h"
#include "opts.h"

const struct sr_kind sr_kind_rlimit = { .name = "rlimit", .size = 16, .max = 0 };
const struct sr_kind sr_kind_rusage = { .name = "rusage", .size = 144, .max = 0 };
const struct sr_kind sr_kind_utsname = { .name = "utsname", .size = 390, .max = 0 };
const struct sr_kind sr_kind_sysinfo = { .name = "sysinfo", .size = 112, .max = 0 };
const struct sr_kind sr_kind_tms = { .name = "tms", .size = 32, .max = 0 };
const struct sr_kind sr_kind_sched_param = { .name = "sched_param", .size = 4, .max = 0 };
const struct sr_kind sr_kind_cpuset = { .name = "cpuset", .size = 0, .max = 128 };
const struct sr_kind sr_kind_cap_header = { .name = "cap_header", .size = 8, .max = 0 };
const struct sr_kind sr_kind_cap_data = { .name = "cap_data", .size = 24, .max = 0 };
const struct sr_decoder sr_dec_wait_status = { .name = "wait_status", .at_exit = true };
const struct sr_decoder sr_dec_arch_prctl_arg = { .name = "arch_prctl_arg", .at_exit = true };
const struct sr_decoder sr_dec_clone_args = { .name = "clone_args", .at_exit = false };
static void clone_enter(struct sr_fmt *f, const struct sr_call *c)
{
	int i;

	for (i = 0; i < c->ent->nargs; i++) {
		if (i)
			out__puts(f->out, ", ");
		out__hex(f->out, c->args[i]);
	}
}

const struct sr_scdec sr_scdec_clone = { .name = "clone", .enter = clone_enter };

static void clone3_enter(struct sr_fmt *f, const struct sr_call *c)
{
	int i;

	for (i = 0; i < c->ent->nargs; i++) {
		if (i)
			out__puts(f->out, ", ");
		out__hex(f->out, c->args[i]);
	}
}

const struct sr_scdec sr_scdec_clone3 = { .name = "clone3", .enter = clone3_enter };

static void prctl_enter(struct sr_fmt *f, const struct sr_call *c)
{
	int i;

	for (i = 0; i < c->ent->nargs; i++) {
		if (i)
			out__puts(f->out, ", ");
		out__hex(f->out, c->args[i]);
	}
}

const struct sr_scdec sr_scdec_prctl = { .name = "prctl", .enter = prctl_enter };

static void futex_enter(struct sr_fmt *f, const struct sr_call *c)
{
	int i;

	for (i = 0; i < c->ent->nargs; i++) {
		if (i)
			out__puts(f->out, ", ");
		out__hex(f->out, c->args[i]);
	}
}

const struct sr_scdec sr_scdec_futex = { .name = "futex", .enter = futex_enter };

