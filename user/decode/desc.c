// SPDX-License-Identifier: GPL-2.0
/* Decoders: descriptors, polling, fcntl, ioctl. */
#include "decode.h"
#include "opts.h"

const struct sr_kind sr_kind_pollfd = { .name = "pollfd", .size = 8, .max = 0 };
const struct sr_kind sr_kind_epoll_event = { .name = "epoll_event", .size = 12, .max = 0 };
const struct sr_kind sr_kind_int_pair = { .name = "int_pair", .size = 8, .max = 0 };
const struct sr_kind sr_kind_loff = { .name = "loff", .size = 8, .max = 0 };
const struct sr_kind sr_kind_uint = { .name = "uint", .size = 4, .max = 0 };
const struct sr_kind sr_kind_uid = { .name = "uid", .size = 4, .max = 0 };
const struct sr_decoder sr_dec_fdset = { .name = "fdset", .at_exit = false };
const struct sr_decoder sr_dec_ioctl_arg = { .name = "ioctl_arg", .at_exit = true };
static void poll_enter(struct sr_fmt *f, const struct sr_call *c)
{
	int i;

	for (i = 0; i < c->ent->nargs; i++) {
		if (i)
			out__puts(f->out, ", ");
		out__hex(f->out, c->args[i]);
	}
}

const struct sr_scdec sr_scdec_poll = { .name = "poll", .enter = poll_enter };

static void select_enter(struct sr_fmt *f, const struct sr_call *c)
{
	int i;

	for (i = 0; i < c->ent->nargs; i++) {
		if (i)
			out__puts(f->out, ", ");
		out__hex(f->out, c->args[i]);
	}
}

const struct sr_scdec sr_scdec_select = { .name = "select", .enter = select_enter };

static void ioctl_enter(struct sr_fmt *f, const struct sr_call *c)
{
	int i;

	for (i = 0; i < c->ent->nargs; i++) {
		if (i)
			out__puts(f->out, ", ");
		out__hex(f->out, c->args[i]);
	}
}

const struct sr_scdec sr_scdec_ioctl = { .name = "ioctl", .enter = ioctl_enter };

static void fcntl_enter(struct sr_fmt *f, const struct sr_call *c)
{
	int i;

	for (i = 0; i < c->ent->nargs; i++) {
		if (i)
			out__puts(f->out, ", ");
		out__hex(f->out, c->args[i]);
	}
}

const struct sr_scdec sr_scdec_fcntl = { .name = "fcntl", .enter = fcntl_enter };

