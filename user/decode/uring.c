// SPDX-License-Identifier: GPL-2.0
/*
 * Decoders: io_uring_register's argument, which depends on the opcode, as
 * strace 6.1 prints it (io_uring_setup's struct is uring_setup.c's;
 * io_uring_enter needs none: its row's types say it all).
 *
 * io_uring_register's argument is captured at entry (and at exit, for
 * IORING_REGISTER_PROBE's output) up to a blob's size, as far as the
 * process's pages go (see reg_plan()). What a struct points to (the fds of
 * IORING_REGISTER_FILES_UPDATE, the fds or iovecs of _FILES2, _BUFFERS2,
 * _FILES_UPDATE2 and _BUFFERS_UPDATE, their tags) is captured at entry too,
 * as strace reads it: the struct's pointer fields, then what each points
 * to (SR_HOW_FIELDS in the slot after the arguments, see reg_plan_more());
 * without that capture, the fds and tags of the record the
 * io_uring_register tracepoint sends from inside the call (c->uring_reg,
 * see bpf/uring.bpf.h) print, else the address.
 *
 * And an io_uring request's argument its syscall twin takes by pointer
 * where the request holds the value (uring_byval).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/io_uring.h>

#include "cli/opts.h"
#include "decode/decode.h"
#include "decode/uring.h"

/* ---- io_uring_register ---- */

static void reg_plan(const struct sr_sysent *ent, int argi, const struct sr_opts *o,
		     struct sr_plan_arg *pa)
{
	/*
	 * What the opcode takes is not known here: as much as a blob holds,
	 * and a copy that faults (pages past the argument the process never
	 * touched) is made again up to the page's end (SR_CAP_PAGE_CUT).
	 */
	pa->when = SR_CAP_ENTER | SR_CAP_EXIT | SR_CAP_PAGE_CUT;
	pa->how = SR_HOW_BUF;
	pa->len_src = SR_LEN_FIXED;
	pa->elem = SR_BLOB_MAX;
	pa->cap = SR_BLOB_MAX;
}

/*
 * The arrays the structs of _FILES_UPDATE, _FILES2, _BUFFERS2,
 * _FILES_UPDATE2 and _BUFFERS_UPDATE point to, read at entry as strace
 * reads them: up to -s elements and the one after (whether strace prints
 * "..." or where the readable memory ends), 16-byte iovecs the largest; at
 * least half a blob each (the fd tables' fallback, see fd/rings.c).
 */
static void reg_plan_more(const struct sr_sysent *ent, int argi, const struct sr_opts *o,
			  struct sr_plan *p)
{
	long cap = ((long)o->strsize + 1) * 2 * sizeof(uint64_t);
	struct sr_plan_arg *pa;

	if (ent->nargs >= SR_NARGS)
		return;
	pa = &p->a[ent->nargs];
	pa->when = SR_CAP_ENTER;
	pa->how = SR_HOW_FIELDS;
	pa->len_arg = argi;
	pa->len_src = SR_FIELDS_MAX;
	pa->elem = FIELDS_FROM;
	pa->cap = cap < SR_BLOB_MAX / 2 ? SR_BLOB_MAX / 2 : cap > SR_BLOB_MAX ? SR_BLOB_MAX : cap;
}

/* How an array's elements print. */
enum elem { E_FD, E_UPDATE_FD, E_RESTRICTION, E_RING_FD, E_RING_UNREG, E_IOV, E_TAG, E_WORKERS };

static size_t elem_size(enum elem e)
{
	switch (e) {
	case E_FD:
	case E_UPDATE_FD:
		return sizeof(int32_t);
	case E_RESTRICTION:
		return sizeof(struct io_uring_restriction);
	case E_RING_FD:
	case E_RING_UNREG:
		return sizeof(struct io_uring_rsrc_update);
	case E_IOV:
		return 2 * sizeof(uint64_t);
	case E_TAG:
		return sizeof(uint64_t);
	case E_WORKERS:
		return sizeof(uint32_t);
	}
	return 1;
}

/*
 * An io_uring opcode by the name strace 6.1 gives it, or the number in @fmt
 * with "IORING_OP_???" (request lines name the opcodes the headers know:
 * table/uring.c).
 */
static void op_name(struct sr_fmt *f, unsigned int op, enum sr_num fmt)
{
	const char *name = xlat__name(&xlat_uring_ops, op);

	if (name) {
		pr_sym_fmt(f, name, op, fmt);
		return;
	}
	pr_num(f, fmt, op);
	/* -X raw: the number alone */
	if (!fmt_xlat_raw(f))
		pr_comment(f, "IORING_OP_???");
}

static void restriction(struct sr_fmt *f, const struct io_uring_restriction *r)
{
	pr_struct_begin(f);
	pr_field(f, "opcode");
	fmt_enum(f, &xlat_uring_restriction_opcodes, r->opcode);
	switch (r->opcode) {
	case IORING_RESTRICTION_REGISTER_OP:
		pr_field(f, "register_op");
		fmt_enum(f, &xlat_uring_register_opcodes, r->register_op);
		break;
	case IORING_RESTRICTION_SQE_OP:
		pr_field(f, "sqe_op");
		op_name(f, r->sqe_op, SR_NUM_X);
		break;
	case IORING_RESTRICTION_SQE_FLAGS_ALLOWED:
	case IORING_RESTRICTION_SQE_FLAGS_REQUIRED:
		pr_field(f, "sqe_flags");
		fmt_flags(f, &xlat_uring_sqe_flags, r->sqe_flags);
		break;
	default: {
		char buf[24];

		snprintf(buf, sizeof(buf), "op: %#x", r->register_op);
		pr_comment(f, buf);
	}
	}
	if (r->resv)
		pr_field_x(f, "resv", r->resv);
	if (!mem_all_zero(r->resv2, sizeof(r->resv2)))
		fmt_hex_u32_array(f, "resv2", r->resv2, sizeof(r->resv2) / sizeof(r->resv2[0]));
	pr_struct_end(f);
}

/*
 * The io-wq worker limit at index @i, after the index as strace's
 * print_array_ex(PAF_PRINT_INDICES) spells it: "[IO_WQ_BOUND]=4".
 */
static void worker_limit(struct sr_fmt *f, size_t i, uint32_t v)
{
	const char *n = xlat__name(&xlat_uring_iowq_acct, i);
	char label[64];

	if (fmt_xlat_raw(f))
		snprintf(label, sizeof(label), "[%zu]", i);
	else if (!n)
		snprintf(label, sizeof(label), "[%zu /* %s */]", i, xlat_uring_iowq_acct.unknown);
	else if (fmt_xlat_abbrev(f))
		snprintf(label, sizeof(label), "[%s]", n);
	else
		snprintf(label, sizeof(label), "[%zu /* %s */]", i, n);
	pr_field(f, label);
	pr_u(f, v);
}

/* Element @i, at @p, of kind @e. */
static void elem_print(struct sr_fmt *f, const struct sr_call *c, enum elem e, size_t i,
		       const void *p)
{
	struct io_uring_rsrc_update u;
	int32_t fd = (int32_t)get32(p, 0);

	switch (e) {
	case E_UPDATE_FD:
		/* below -1: "leave the slot", or another value the kernel refuses */
		if (fd < -1 && xlat__name(&xlat_uring_files_update_fds, (uint64_t)(int64_t)fd)) {
			pr_sym_fmt(f,
				   xlat__name(&xlat_uring_files_update_fds, (uint64_t)(int64_t)fd),
				   (uint64_t)(int64_t)fd, SR_NUM_D);
			break;
		}
		if (fd < -1) {
			pr_d(f, fd);
			break;
		}
		/* fallthrough */
	case E_FD:
		fmt_fd(f, c, fd);
		break;
	case E_RESTRICTION: {
		struct io_uring_restriction r;

		memcpy(&r, p, sizeof(r));
		restriction(f, &r);
		break;
	}
	case E_RING_FD:
	case E_RING_UNREG:
		memcpy(&u, p, sizeof(u));
		pr_struct_begin(f);
		if (e == E_RING_FD && u.offset == -1U)
			pr_field_d(f, "offset", -1);
		else
			pr_field_u(f, "offset", u.offset);
		if (u.resv)
			pr_field_x(f, "resv", u.resv);
		if (e == E_RING_FD) {
			pr_field(f, "data");
			fmt_fd(f, c, (int32_t)u.data);
		} else if (u.data) {
			pr_field_x(f, "data", u.data);
		}
		pr_struct_end(f);
		break;
	case E_TAG:
		pr_x(f, get64(p, 0));
		break;
	case E_IOV:
		pr_struct_begin(f);
		pr_field(f, "iov_base");
		fmt_ptr(f, get64(p, 0));
		pr_field_u(f, "iov_len", get64(p, 8));
		pr_struct_end(f);
		break;
	case E_WORKERS:
		worker_limit(f, i, get32(p, 0));
		break;
	}
}

/*
 * An array of @n elements at user address @addr, what was read of it in
 * @v, as strace's print_array() shows it: each element read before -s
 * cuts the list, an element that cannot be read ends it with where it is,
 * the first one with the address alone. Returns whether all @n were
 * shown (or cut by -s).
 */
static bool array_print(struct sr_fmt *f, const struct sr_call *c, enum elem e, uint64_t addr,
			const struct elems *v, uint64_t n)
{
	size_t sz = elem_size(e), i;

	if (fmt_array_none(f, addr, n))
		return false;
	if (n > UINT64_MAX / sz || addr + n * sz <= addr) {
		pr_x(f, addr);
		return false;
	}
	for (i = 0; i < n; i++) {
		if ((i + 1) * sz > v->len) {
			if (!i) {
				pr_x(f, addr);
				return false;
			}
			/* unreadable from there, or past what was read */
			if (v->cut)
				fmt_more_unread(f, addr + i * sz);
			else
				pr_more(f);
			break;
		}
		if (!i)
			pr_array_begin(f);
		if (!pr_array_elem(f, i)) {
			i = n;
			break;
		}
		elem_print(f, c, e, i, v->p + i * sz);
	}
	pr_array_end(f);
	return i >= n;
}

/*
 * The array of @n elements at @addr that the struct's pointer field of
 * part @part names: as read at entry, else the fds (@e not E_TAG) or tags
 * the tracepoint's records hold, else the address.
 */
static void field_print(struct sr_fmt *f, const struct sr_call *c, enum elem e, unsigned int part,
			uint64_t addr, uint32_t n)
{
	const struct sr_blob *b = uring_field_blob(c, part);
	struct elems v = { 0 };
	uint8_t *buf = NULL;

	if (b)
		v = uring_blob_elems(b);
	else if (e != E_IOV)
		v.p = buf = uring_reg_elems(c, e == E_TAG, n, &v.len);
	array_print(f, c, e, addr, &v, n);
	free(buf);
}

static void files_update(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, size_t len)
{
	struct io_uring_files_update u;

	if (len < sizeof(u)) {
		pr_x(f, c->args[2]);
		return;
	}
	memcpy(&u, p, sizeof(u));
	pr_struct_begin(f);
	pr_field_u(f, "offset", u.offset);
	if (u.resv)
		pr_field_x(f, "resv", u.resv);
	pr_field(f, "fds");
	field_print(f, c, E_UPDATE_FD, FIELD_PART(struct io_uring_files_update, fds), u.fds,
		    (uint32_t)c->args[3]);
	pr_struct_end(f);
}

/*
 * data= and tags= of the resource registrations: fds or iovecs, and tags,
 * at the parts @data and @tags of the pointer fields' capture.
 */
static void rsrc_data(struct sr_fmt *f, const struct sr_call *c, uint64_t data, uint64_t tags,
		      uint32_t nr, unsigned int data_part, unsigned int tags_part)
{
	unsigned int op = (uint32_t)c->args[1];
	enum elem e = op == IORING_REGISTER_FILES2	  ? E_FD :
		      op == IORING_REGISTER_FILES_UPDATE2 ? E_UPDATE_FD :
							    E_IOV;

	pr_field(f, "data");
	field_print(f, c, e, data_part, data, nr);
	pr_field(f, "tags");
	field_print(f, c, E_TAG, tags_part, tags, nr);
}

static void rsrc_register(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, size_t len)
{
	struct io_uring_rsrc_register r;

	if ((uint32_t)c->args[3] < sizeof(r) || len < sizeof(r)) {
		pr_x(f, c->args[2]);
		return;
	}
	memcpy(&r, p, sizeof(r));
	pr_struct_begin(f);
	pr_field_u(f, "nr", r.nr);
	pr_field(f, "flags");
	fmt_flags(f, &xlat_uring_register_rsrc_flags, r.flags);
	if (r.resv2)
		pr_field_x(f, "resv2", r.resv2);
	rsrc_data(f, c, r.data, r.tags, r.nr, FIELD_PART(struct io_uring_rsrc_register, data),
		  FIELD_PART(struct io_uring_rsrc_register, tags));
	fmt_struct_tail(f, p, len, sizeof(r), (uint32_t)c->args[3]);
	pr_struct_end(f);
}

static void rsrc_update(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, size_t len)
{
	struct io_uring_rsrc_update2 u;

	if ((uint32_t)c->args[3] < sizeof(u) || len < sizeof(u)) {
		pr_x(f, c->args[2]);
		return;
	}
	memcpy(&u, p, sizeof(u));
	pr_struct_begin(f);
	pr_field_u(f, "offset", u.offset);
	if (u.resv)
		pr_field_x(f, "resv", u.resv);
	rsrc_data(f, c, u.data, u.tags, u.nr, FIELD_PART(struct io_uring_rsrc_update2, data),
		  FIELD_PART(struct io_uring_rsrc_update2, tags));
	pr_field_u(f, "nr", u.nr);
	if (u.resv2)
		pr_field_x(f, "resv2", u.resv2);
	fmt_struct_tail(f, p, len, sizeof(u), (uint32_t)c->args[3]);
	pr_struct_end(f);
}

static void buf_reg(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, size_t len)
{
	struct io_uring_buf_reg r;

	if (len < sizeof(r)) {
		fmt_ptr(f, c->args[2]);
		return;
	}
	memcpy(&r, p, sizeof(r));
	pr_struct_begin(f);
	pr_field(f, "ring_addr");
	fmt_ptr(f, r.ring_addr);
	pr_field_u(f, "ring_entries", r.ring_entries);
	pr_field_u(f, "bgid", r.bgid);
	if (r.pad)
		pr_field_x(f, "pad", r.pad);
	if (!mem_all_zero(r.resv, sizeof(r.resv))) {
		pr_field(f, "resv");
		pr_array_begin(f);
		for (size_t i = 0; i < sizeof(r.resv) / sizeof(r.resv[0]); i++)
			pr_x(f, r.resv[i]);
		pr_array_end(f);
	}
	pr_struct_end(f);
}

static void probe_op(struct sr_fmt *f, const struct io_uring_probe_op *op)
{
	pr_struct_begin(f);
	pr_field(f, "op");
	op_name(f, op->op, SR_NUM_U);
	if (op->resv)
		pr_field_x(f, "resv", op->resv);
	pr_field(f, "flags");
	fmt_flags(f, &xlat_uring_op_flags, op->flags);
	if (op->resv2)
		pr_field_x(f, "resv2", op->resv2);
	pr_struct_end(f);
}

/* struct io_uring_probe and @n of its ops from @p (@len bytes); @out: as the kernel filled it. */
static void probe_struct(struct sr_fmt *f, const uint8_t *p, size_t len, uint32_t n, bool out)
{
	struct io_uring_probe pr;
	struct io_uring_probe_op op;
	size_t i, shown;

	memcpy(&pr, p, sizeof(pr));
	pr_struct_begin(f);
	pr_field(f, "last_op");
	op_name(f, pr.last_op, SR_NUM_U);
	pr_field_u(f, "ops_len", pr.ops_len);
	if (pr.resv)
		pr_field_x(f, "resv", pr.resv);
	if (!mem_all_zero(pr.resv2, sizeof(pr.resv2)))
		fmt_hex_u32_array(f, "resv2", pr.resv2, sizeof(pr.resv2) / sizeof(pr.resv2[0]));
	pr_field(f, "ops");
	shown = out && pr.ops_len < n ? pr.ops_len : n;
	pr_array_begin(f);
	for (i = 0; i < shown; i++) {
		if (!pr_array_elem(f, i))
			break;
		memcpy(&op, p + sizeof(pr) + i * sizeof(op), sizeof(op));
		probe_op(f, &op);
	}
	if (i == shown && out && n < pr.ops_len)
		pr_more(f);
	pr_array_end(f);
	pr_struct_end(f);
}

/*
 * IORING_REGISTER_PROBE: the kernel fills the struct in. strace shows what
 * the caller passed only when it was not all zeroes, then " => " and the
 * result; after a failure, the address.
 */
static void probe_print(struct sr_fmt *f, const struct sr_call *c)
{
	uint32_t n = (uint32_t)c->args[3];
	size_t need = sizeof(struct io_uring_probe) + n * sizeof(struct io_uring_probe_op);
	const uint8_t *in = blob_get(call__blob(c, 2, false), need);
	const uint8_t *out = c->has_exit && c->ret >= 0 ? blob_get(call__blob(c, 2, true), need) :
							  NULL;
	bool shown_in = in && !mem_all_zero(in, need);
	if (n > 256 || !in || (!shown_in && !out)) {
		fmt_ptr(f, c->args[2]);
		return;
	}
	if (shown_in)
		probe_struct(f, in, need, n, false);
	if (!out)
		return;
	if (shown_in)
		pr_changed(f);
	probe_struct(f, out, need, n, true);
}

/*
 * IORING_REGISTER_IOWQ_MAX_WORKERS: the limits asked for, " => " and the
 * ones the kernel had (after a failure, the address), as strace 6.1 shows
 * them; nothing to change ([]) or an array not read whole: no " => ".
 */
static void iowq_max_workers(struct sr_fmt *f, const struct sr_call *c)
{
	uint32_t n = (uint32_t)c->args[3];
	struct elems in = uring_blob_elems(call__blob(c, 2, false)), out = { 0 };

	if (!array_print(f, c, E_WORKERS, c->args[2], &in, n) || !c->has_exit)
		return;
	pr_changed(f);
	if (c->ret >= 0)
		out = uring_blob_elems(call__blob(c, 2, true));
	array_print(f, c, E_WORKERS, c->args[2], &out, n);
}

/*
 * IORING_REGISTER_IOWQ_AFF: a CPU set of nr_args bytes, as strace prints
 * sched_setaffinity's ("[0 1]"): at most a CPU set's worth read
 * (sr_kind_cpuset.max bytes), the address if that cannot be read whole,
 * "..." if the set is longer than the words read.
 */
static void iowq_aff(struct sr_fmt *f, const struct sr_call *c, const struct elems *v)
{
	uint32_t n = (uint32_t)c->args[3];
	size_t want = n < sr_kind_cpuset.max ? n : sr_kind_cpuset.max, i;

	if (!c->args[2] || !fmt_decodes_structs(f)) {
		fmt_ptr(f, c->args[2]);
		return;
	}
	if (!n) {
		pr_set_begin(f, false);
		pr_set_end(f);
		return;
	}
	if (v->len < want) {
		fmt_ptr(f, c->args[2]);
		return;
	}
	pr_set_begin(f, false);
	for (i = 0; i < want * 8; i++)
		if (v->p[i / 8] & (1u << (i % 8)))
			pr_u(f, i);
	/* strace reads whole words */
	if (n > ((want + sizeof(uint64_t) - 1) & ~(sizeof(uint64_t) - 1)))
		pr_more(f);
	pr_set_end(f);
}

/* A struct argument: NULL, its address when not read, else @fn's print. */
static void struct_arg(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, size_t len,
		       void (*fn)(struct sr_fmt *, const struct sr_call *, const uint8_t *, size_t))
{
	if (!p) {
		fmt_ptr(f, c->args[2]);
		return;
	}
	fn(f, c, p, len);
}

static void reg_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	const struct sr_blob *b = call__blob(c, argi, false);
	const uint8_t *p = c->args[argi] ? blob_get(b, 1) : NULL;
	size_t len = p ? b->len : 0;
	uint64_t addr = c->args[argi];
	uint32_t n = (uint32_t)c->args[3];
	struct elems v = uring_blob_elems(c->args[argi] ? b : NULL);

	switch ((uint32_t)c->args[1]) {
	case IORING_REGISTER_BUFFERS:
		array_print(f, c, E_IOV, addr, &v, n);
		break;
	case IORING_REGISTER_FILES:
	case IORING_REGISTER_EVENTFD:
	case IORING_REGISTER_EVENTFD_ASYNC:
		array_print(f, c, E_FD, addr, &v, n);
		break;
	case IORING_REGISTER_FILES_UPDATE:
		struct_arg(f, c, p, len, files_update);
		break;
	case IORING_REGISTER_PROBE:
		probe_print(f, c);
		break;
	case IORING_REGISTER_RESTRICTIONS:
		array_print(f, c, E_RESTRICTION, addr, &v, n);
		break;
	case IORING_REGISTER_FILES2:
	case IORING_REGISTER_BUFFERS2:
		struct_arg(f, c, p, len, rsrc_register);
		break;
	case IORING_REGISTER_FILES_UPDATE2:
	case IORING_REGISTER_BUFFERS_UPDATE:
		struct_arg(f, c, p, len, rsrc_update);
		break;
	case IORING_REGISTER_RING_FDS:
		array_print(f, c, E_RING_FD, addr, &v, n);
		break;
	case IORING_UNREGISTER_RING_FDS:
		array_print(f, c, E_RING_UNREG, addr, &v, n);
		break;
	case IORING_REGISTER_PBUF_RING:
	case IORING_UNREGISTER_PBUF_RING:
		struct_arg(f, c, p, len, buf_reg);
		break;
	case IORING_REGISTER_IOWQ_MAX_WORKERS:
		iowq_max_workers(f, c);
		break;
	case IORING_REGISTER_IOWQ_AFF:
		iowq_aff(f, c, &v);
		break;
	default:
		fmt_ptr(f, addr);
		break;
	}
}

const struct sr_decoder sr_dec_uring_reg_arg = {
	.name = "uring_reg_arg",
	.at_exit = true, /* the probe's output, the tracepoint's fds */
	.plan = reg_plan,
	.plan_more = reg_plan_more,
	.print = reg_print,
	.fds = uring_reg_fds,
};

/* ---- io_uring requests ---- */

/*
 * An argument the request holds by value where its syscall twin takes a
 * pointer (SR_SQE_BYVAL: splice's offsets, -1 for none, as io_splice()
 * reads them): what the pointer would point to, as the twin's kind prints
 * it from memory ("[0]"), or NULL for -1, as for a null pointer. The row's
 * kind stays in the argument (pairing/uring.c sets the decoder).
 */
static void byval_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	const struct sr_kind *k = c->ent->args[argi].kind;
	uint64_t v = c->args[argi];

	if ((int64_t)v == -1) {
		pr_addr(f, 0);
		return;
	}
	if (!k || !k->print || k->size > sizeof(v)) {
		pr_d(f, (int64_t)v);
		return;
	}
	k->print(f, c, argi, &v, sizeof(v));
}

const struct sr_decoder sr_dec_uring_byval = {
	.name = "uring_byval",
	.print = byval_print,
};
