// SPDX-License-Identifier: GPL-2.0
/* Decoders: poll and ppoll, and their struct pollfd arrays. */
#include <string.h>
#include <linux/poll.h>

#include "decode/decode.h"

static struct pollfd pollfd_at(const uint8_t *p, size_t i)
{
	struct pollfd pfd;

	memcpy(&pfd, p + i * sizeof(pfd), sizeof(pfd));
	return pfd;
}

/* struct pollfd: events are left out for negative (ignored) descriptors. */
static void pollfd_print(struct sr_fmt *f, const struct sr_call *c, int argi, const void *data,
			 size_t len)
{
	struct pollfd pfd = pollfd_at(data, 0);

	pr_struct_begin(f);
	pr_field(f, "fd");
	fmt_fd(f, c, pfd.fd);
	if (pfd.fd >= 0) {
		pr_field(f, "events");
		fmt_flags(f, &xlat_poll_events, (uint16_t)pfd.events);
	}
	pr_struct_end(f);
}

static void pollfd_fds(const struct sr_call *c, int argi, const void *data, size_t len, sr_fd_fn fn,
		       void *ctx)
{
	if (len >= sizeof(struct pollfd))
		fn(ctx, pollfd_at(data, 0).fd);
}

const struct sr_kind sr_kind_pollfd = {
	.name = "pollfd",
	.same32 = true, /* fixed-width fields */
	.size = sizeof(struct pollfd),
	.print = pollfd_print,
	.fds = pollfd_fds,
};

/* poll, ppoll: everything is shown at entry, the results after "= N". */
static bool is_ppoll(const struct sr_call *c)
{
	return c->ent->nargs > 3;
}

static void poll_enter(struct sr_fmt *f, const struct sr_call *c)
{
	fmt_arg(f, c, 0);
	if (fmt_decodes_structs(f))
		fmt_struct(f, c, 0, false); /* fds */
	else
		fmt_ptr(f, c->args[0]); /* strace: no array either */
	fmt_arg(f, c, 1);
	pr_u(f, (uint32_t)c->args[1]); /* nfds */
	fmt_arg(f, c, 2);
	if (!is_ppoll(c)) {
		pr_d(f, (int32_t)c->args[2]); /* timeout */
		return;
	}
	fmt_struct(f, c, 2, false); /* tmo_p */
	fmt_arg(f, c, 3);
	fmt_struct(f, c, 3, false); /* sigmask */
	fmt_arg(f, c, 4);
	pr_u(f, c->args[4]); /* sigsetsize */
}

/* Nothing: there only so that an unfinished poll shows "<unfinished ...>". */
static void poll_exit(struct sr_fmt *f, const struct sr_call *c)
{
}

/* The descriptors of the exit copy of fds that the kernel can have written. */
static size_t poll_nout(const struct sr_call *c)
{
	size_t n = blob_get(c->out[0], 0) ? c->out[0]->len / sizeof(struct pollfd) : 0;

	return n < (uint32_t)c->args[1] ? n : (uint32_t)c->args[1];
}

/* Does the exit copy of fds hold any revents? */
static bool poll_any_revents(const struct sr_call *c)
{
	const uint8_t *p = blob_get(c->out[0], 0);
	size_t n = poll_nout(c), i;

	for (i = 0; i < n; i++)
		if (pollfd_at(p, i).revents)
			return true;
	return false;
}

/* "[{fd=3, revents=POLLIN}, ...]": the descriptors with something to report. */
static void poll_print_revents(struct sr_fmt *f, const struct sr_call *c)
{
	const uint8_t *p = blob_get(c->out[0], 0);
	size_t n = poll_nout(c), i, shown = 0;

	pr_array_begin(f);
	for (i = 0; i < n; i++) {
		struct pollfd pfd = pollfd_at(p, i);

		if (!pfd.revents)
			continue;
		if (!pr_array_elem(f, shown++))
			break;
		pr_struct_begin(f);
		pr_field_d(f, "fd", pfd.fd);
		pr_field(f, "revents");
		pr_flags_bare(f, &xlat_poll_events, (uint16_t)pfd.revents);
		pr_struct_end(f);
	}
	pr_array_end(f);
}

static void poll_ret_suffix(struct sr_fmt *f, const struct sr_call *c)
{
	bool revents, left = is_ppoll(c) && c->args[2];

	if (c->ret < 0)
		return;
	if (c->ret == 0) {
		pr_note_begin(f);
		pr_artifact(f, "Timeout");
		pr_note_end(f);
		return;
	}
	if (!c->args[0] || !(uint32_t)c->args[1] || !fmt_decodes_structs(f))
		return;
	revents = poll_any_revents(c);
	if (!revents && !left)
		return;
	pr_note_begin(f);
	if (revents)
		poll_print_revents(f, c);
	if (left) {
		pr_field(f, "left");
		fmt_struct(f, c, 2, true);
	}
	pr_note_end(f);
}

/* Revents are read at exit: let the array be captured whole, not cut at -s. */
static void poll_plan(const struct sr_sysent *ent, const struct sr_opts *o, struct sr_plan *p)
{
	p->a[0].cap = SR_BLOB_MAX;
}

const struct sr_scdec sr_scdec_poll = {
	.name = "poll",
	.sep_at_exit = true,
	.enter = poll_enter,
	.exit = poll_exit,
	.ret_suffix = poll_ret_suffix,
	.plan = poll_plan,
};
