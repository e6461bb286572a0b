// SPDX-License-Identifier: GPL-2.0
/*
 * Decoders: the small values syscalls return through pointers: pipe's and
 * socketpair's pair of new descriptors, loff_t offsets, unsigned ints and ids;
 * pidfd_getfd's fd of another process.
 */
#include <linux/limits.h>

#include "decode/decode.h"

/* An argument array or a single pointed-to value: "[0]" only for the latter. */
static bool is_array_elem(const struct sr_call *c, int argi)
{
	return c && argi >= 0 && argi < SR_NARGS && c->ent->args[argi].len != SR_L_NONE;
}

/* pipe, socketpair: "[3, 4]", the new fds (annotated with -y). */
static void int_pair_print(struct sr_fmt *f, const struct sr_call *c, int argi, const void *data,
			   size_t len)
{
	size_t i;

	pr_array_begin(f);
	for (i = 0; i < 2 && (i + 1) * sizeof(int32_t) <= len; i++) {
		if (!pr_array_elem(f, i))
			break;
		fmt_fd_new(f, c, (int32_t)get32(data, i * sizeof(int32_t)));
	}
	pr_array_end(f);
}

/* "[5]": one number in user memory. */
static void print_indirect_u(struct sr_fmt *f, uint64_t v)
{
	pr_array_begin(f);
	pr_u(f, v);
	pr_array_end(f);
}

/*
 * loff_t *: "[5]" (splice, copy_file_range), and for sendfile, which updates
 * it, "[0] => [5]" once it moved data.
 */
static void loff_print(struct sr_fmt *f, const struct sr_call *c, int argi, const void *data,
		       size_t len)
{
	const uint8_t *in, *out;

	if (!c || argi < 0 || argi >= SR_NARGS || c->ent->args[argi].type != SR_T_STRUCT_INOUT) {
		pr_array_begin(f);
		pr_d(f, (int64_t)get64(data, 0));
		pr_array_end(f);
		return;
	}
	in = blob_get(c->in[argi], sizeof(int64_t));
	if (!in) {
		fmt_ptr(f, c->args[argi]);
		return;
	}
	print_indirect_u(f, get64(in, 0));
	if (!c->has_exit || c->ret <= 0)
		return;
	pr_changed(f);
	out = blob_get(c->out[argi], sizeof(int64_t));
	if (out)
		print_indirect_u(f, get64(out, 0));
	else
		fmt_ptr(f, c->args[argi]);
}

/* unsigned int * (getcpu): "[0]"; an element of an array bare. */
static void uint_print(struct sr_fmt *f, const struct sr_call *c, int argi, const void *data,
		       size_t len)
{
	if (is_array_elem(c, argi))
		pr_u(f, get32(data, 0));
	else
		print_indirect_u(f, get32(data, 0));
}

/* uid_t * (getresuid) "[0]", or one gid of getgroups' array; -1 stays -1. */
static void uid_print(struct sr_fmt *f, const struct sr_call *c, int argi, const void *data,
		      size_t len)
{
	bool elem = is_array_elem(c, argi);

	if (!elem)
		pr_array_begin(f);
	pr_id(f, get32(data, 0));
	if (!elem)
		pr_array_end(f);
}

const struct sr_kind sr_kind_int_pair = {
	.name = "int_pair",
	.same32 = true, /* fixed-width fields */
	.size = 2 * sizeof(int32_t),
	.print = int_pair_print,
};
/* These kinds have fixed-width fields: ia32 tasks' calls use them as they are. */
const struct sr_kind sr_kind_loff = {
	.name = "loff",
	.size = sizeof(int64_t),
	.print = loff_print,
	.same32 = true,
};
const struct sr_kind sr_kind_uint = {
	.name = "uint",
	.size = sizeof(uint32_t),
	.print = uint_print,
	.same32 = true,
};
const struct sr_kind sr_kind_uid = {
	.name = "uid",
	.size = sizeof(uint32_t),
	.print = uid_print,
	.same32 = true,
};
/* getgroups, setgroups: a list longer than the kernel takes prints as its address */
const struct sr_kind sr_kind_gid_list = {
	.name = "gid_list",
	.size = sizeof(uint32_t),
	.print = uid_print,
	.max_elems = NGROUPS_MAX,
	.same32 = true,
};

/*
 * An ia32 task's 64-bit offset in two registers, argument @argi and the next
 * (a SKIP): low half first (pread64, preadv), or high half first (_llseek).
 */
static void off_lo_hi_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	uint64_t lo = (uint32_t)c->args[argi], hi = (uint32_t)c->args[(argi + 1) % SR_NARGS];

	pr_d(f, (int64_t)(hi << 32 | lo));
}

static void off_hi_lo_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	uint64_t hi = (uint32_t)c->args[argi], lo = (uint32_t)c->args[(argi + 1) % SR_NARGS];

	pr_d(f, (int64_t)(hi << 32 | lo));
}

const struct sr_decoder sr_dec_off_lo_hi = { .name = "off_lo_hi", .print = off_lo_hi_print };
const struct sr_decoder sr_dec_off_hi_lo = { .name = "off_hi_lo", .print = off_hi_lo_print };

/* pidfd_getfd's targetfd: an fd of the process its pidfd (argument 0) refers to. */
static void pidfd_target_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	fmt_fd_target(f, c, (int)c->args[0], (int)c->args[argi]);
}

const struct sr_decoder sr_dec_pidfd_target = { .name = "pidfd_target",
						.print = pidfd_target_print };
