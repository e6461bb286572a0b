// SPDX-License-Identifier: GPL-2.0
/* Decoders: select and pselect6, and their fd sets. */
#include <string.h>
#include <linux/posix_types.h>

#include "decode/decode.h"

/* FD_SETSIZE / 8: the bytes of an fd_set worth reading. */
#define SR_FDSET_MAX (__FD_SETSIZE / 8)
/* pselect6's mask: as much as a glibc sigset_t, though the kernel takes only 8 bytes. */
#define SR_PSELECT_MASK_CAP 128
/* Descriptors scanned at most, whatever nfds says. */
#define SR_SELECT_NFDS_MAX (1024 * 1024)

/*
 * pselect6's 6th argument, a struct the kernel reads from user memory with
 * no UAPI type of its own: the mask's address and its size.
 */
struct sr_pselect_sigmask {
	uint64_t ss; /* const sigset_t * */
	uint64_t ss_len; /* size_t */
};

_Static_assert(sizeof(struct sr_pselect_sigmask) == 2 * sizeof(void *), "pselect6 sigmask");

/*
 * select's fd sets. The kernel reads (nfds + 7) / 8 bytes rounded up to
 * longs; capturing nfds bytes (at most FD_SETSIZE / 8) always covers that
 * for the usual nfds <= FD_SETSIZE, with no plan kind for "bits".
 */
static int select_nfds(const struct sr_call *c)
{
	int n = (int32_t)c->args[0];

	if (n < 0)
		return 0;
	return n > SR_SELECT_NFDS_MAX ? SR_SELECT_NFDS_MAX : n;
}

static bool fd_isset(const uint8_t *set, size_t len, int fd)
{
	return (size_t)fd / 8 < len && (set[fd / 8] & (1u << (fd % 8)));
}

static void fdset_plan(const struct sr_sysent *ent, int argi, const struct sr_opts *o,
		       struct sr_plan_arg *pa)
{
	pa->when = SR_CAP_ENTER | SR_CAP_EXIT | SR_CAP_RETRY | SR_CAP_PART | SR_CAP_LEN32;
	pa->how = SR_HOW_BUF;
	pa->len_src = SR_LEN_ARG;
	pa->len_arg = 0;
	pa->elem = 1;
	pa->cap = SR_FDSET_MAX;
}

/*
 * The set captured in @b, or NULL: strace reads (nfds + 7) / 8 bytes rounded
 * up to longs, and shows the address when that fails (a set that ends on an
 * unreadable page, SR_BF_PART).
 */
static const uint8_t *fdset_get(const struct sr_blob *b, int nfds)
{
	size_t need = ((size_t)nfds + 7) / 8;

	need = (need + sizeof(long) - 1) / sizeof(long) * sizeof(long);
	if (!blob_get(b, 1) || ((b->flags & SR_BF_PART) && b->len < need))
		return NULL;
	return blob_data(b);
}

/* The set as given at entry: "[3 5]", each descriptor as strace's printfd. */
static void fdset_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	const struct sr_blob *b = c->in[argi];
	int nfds = select_nfds(c), fd;
	const uint8_t *set;

	if (!nfds || !c->args[argi] || !fmt_decodes_structs(f)) {
		fmt_ptr(f, c->args[argi]);
		return;
	}
	set = fdset_get(b, nfds);
	if (!set) {
		pr_x(f, c->args[argi]);
		return;
	}
	pr_set_begin(f, false);
	for (fd = 0; fd < nfds; fd++)
		if (fd_isset(set, b->len, fd))
			fmt_fd(f, c, fd);
	pr_set_end(f);
}

/* The sets print as given at entry; the ready ones print bare. */
static void fdset_fds(const struct sr_call *c, int argi, bool at_exit, sr_fd_fn fn, void *ctx)
{
	const struct sr_blob *b = c->in[argi];
	int nfds = select_nfds(c), fd;
	const uint8_t *set = fdset_get(b, nfds);

	for (fd = 0; !at_exit && set && c->args[argi] && fd < nfds; fd++)
		if (fd_isset(set, b->len, fd))
			fn(ctx, fd);
}

const struct sr_decoder sr_dec_fdset = {
	.name = "fdset",
	.at_exit = false,
	.plan = fdset_plan,
	.print = fdset_print,
	.fds = fdset_fds,
};

static bool is_pselect(const struct sr_call *c)
{
	return c->ent->nargs > 5;
}

/*
 * pselect6's 6th argument, io_pgetevents' struct __aio_sigset (the same
 * pair): {sigmask=[...], sigsetsize=8}.
 */
static void print_sigmask_pair(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	const struct sr_blob *b = c->in[argi], *mb;
	const uint8_t *p = blob_get(b, sizeof(struct sr_pselect_sigmask)), *mask = NULL;
	struct sr_pselect_sigmask sm;

	if (!c->args[argi] || !p || !fmt_decodes_structs(f)) {
		fmt_ptr(f, c->args[argi]);
		return;
	}
	memcpy(&sm, p, sizeof(sm));
	/* The mask itself, when the capture followed the pointer (a second part). */
	mb = blob_next(b, call__blob_end(c, b));
	if (mb && SR_BLOB_ARG(mb) == argi && SR_BLOB_PART(mb) == 1)
		mask = blob_get(mb, sizeof(uint64_t));
	pr_struct_begin(f);
	pr_field(f, "sigmask");
	/* the kernel takes only 8-byte masks */
	if (sm.ss && sm.ss_len == sizeof(uint64_t) && mask)
		fmt_kind(f, &sr_kind_sigset, NULL, -1, mask, sizeof(uint64_t));
	else
		fmt_ptr(f, sm.ss);
	pr_field_u(f, "sigsetsize", sm.ss_len);
	pr_struct_end(f);
}

static void select_enter(struct sr_fmt *f, const struct sr_call *c)
{
	int i;

	fmt_arg(f, c, 0);
	pr_d(f, (int32_t)c->args[0]); /* nfds */
	for (i = 1; i <= 3; i++) {
		fmt_arg(f, c, i);
		fdset_print(f, c, i); /* readfds, writefds, exceptfds */
	}
	fmt_arg(f, c, 4);
	fmt_struct(f, c, 4, false); /* timeout */
	if (is_pselect(c)) {
		fmt_arg(f, c, 5);
		print_sigmask_pair(f, c, 5);
	}
}

static void select_exit(struct sr_fmt *f, const struct sr_call *c)
{
	/* Nothing: there only so that an unfinished select shows "<unfinished ...>". */
}

/*
 * The ready descriptors of one set, "in [3 5]", at most @ready of them;
 * false when it shows none. Return the count left.
 */
static int64_t select_print_set(struct sr_fmt *f, const char *name, const struct sr_blob *b,
				int nfds, int64_t ready, bool *shown)
{
	const uint8_t *set = blob_get(b, 1);
	int fd;

	*shown = false;
	for (fd = 0; set && fd < nfds && ready > 0; fd++) {
		if (!fd_isset(set, b->len, fd))
			continue;
		if (!*shown) {
			pr_field(f, name);
			pr_set_begin(f, false);
		}
		*shown = true;
		pr_d(f, fd);
		ready--;
	}
	if (*shown)
		pr_set_end(f);
	return ready;
}

/*
 * "in [3], out [4 6]": the ready descriptors, counted down from the return
 * value. strace 6.1 closes every set it read once anything was shown, even
 * one with nothing ready: "in [3]], except [5]".
 */
static void select_print_ready(struct sr_fmt *f, const struct sr_call *c)
{
	static const char *const names[] = { "in", "out", "except" };
	int64_t ready = c->ret;
	int nfds = select_nfds(c), i;
	bool any = false, shown;

	for (i = 0; i < 3 && ready > 0; i++) {
		if (!c->args[i + 1] || !blob_get(c->out[i + 1], 1))
			continue;
		ready = select_print_set(f, names[i], c->out[i + 1], nfds, ready, &shown);
		if (any && !shown)
			pr_artifact(f, "]");
		any = any || shown;
	}
}

static void select_ret_suffix(struct sr_fmt *f, const struct sr_call *c)
{
	if (c->ret < 0)
		return;
	pr_note_begin(f);
	if (c->ret == 0) {
		pr_artifact(f, "Timeout");
	} else {
		select_print_ready(f, c);
		if (c->args[4]) {
			pr_field(f, "left");
			fmt_struct(f, c, 4, true);
		}
	}
	pr_note_end(f);
}

/* The { sigset_t *, size_t } pair at argument @argi, and the mask it points to (part 1). */
static void sigmask_pair_plan(const struct sr_sysent *ent, int argi, const struct sr_opts *o,
			      struct sr_plan_arg *pa)
{
	(void)ent;
	(void)o;
	memset(pa, 0, sizeof(*pa));
	pa->when = SR_CAP_ENTER | SR_CAP_RETRY;
	pa->how = SR_HOW_INDIRECT;
	pa->len_arg = argi;
	pa->cap = SR_PSELECT_MASK_CAP;
}

static void select_plan(const struct sr_sysent *ent, const struct sr_opts *o, struct sr_plan *p)
{
	if (ent->nargs > 5)
		sigmask_pair_plan(ent, 5, o, &p->a[5]);
}

static void sigmask_pair_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	print_sigmask_pair(f, c, argi);
}

/* io_pgetevents' struct __aio_sigset */
const struct sr_decoder sr_dec_sigmask_pair = {
	.name = "sigmask_pair",
	.at_exit = false,
	.plan = sigmask_pair_plan,
	.print = sigmask_pair_print,
};

const struct sr_scdec sr_scdec_select = {
	.name = "select",
	.sep_at_exit = true,
	.enter = select_enter,
	.exit = select_exit,
	.ret_suffix = select_ret_suffix,
	.plan = select_plan,
};
