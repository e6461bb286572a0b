// SPDX-License-Identifier: GPL-2.0
/* io_uring requests: submission and completion records paired into one line. */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <linux/io_uring.h>

#include "cli/filter.h"
#include "rec.h"
#include "table/syscalls.h"
#include "table/uring.h"
#include "test.h"

/* A submission record of @tid for request @req: opcode @op printed as @twin (NULL: none). */
static void t_sub(struct t_rec *r, uint32_t tid, uint64_t req, unsigned int op, const char *twin,
		  const uint64_t args[6])
{
	struct sr_uring_sub *x = (struct sr_uring_sub *)r->buf;
	const struct sr_sysent *e = twin ? syscalls__by_name(twin) : NULL;

	memset(x, 0, sizeof(*x));
	x->h.type = SR_REC_URING_SUB;
	x->h.tgid = x->h.tid = tid;
	x->h.nr = e ? e->nr : -1;
	x->h.ts_ns = 1000;
	x->req = req;
	x->opcode = op;
	x->sqe.opcode = op;
	x->flags = SR_USUB_SQE;
	memcpy(x->args, args, sizeof(x->args));
	r->len = sizeof(*x);
	x->h.size = r->len;
}

static void t_cqe(struct t_rec *r, uint32_t tid, uint64_t req, int nr, int64_t res)
{
	struct sr_uring_cqe *x = (struct sr_uring_cqe *)r->buf;

	memset(x, 0, sizeof(*x));
	x->h.type = SR_REC_URING_CQE;
	x->h.tgid = x->h.tid = tid;
	x->h.nr = nr;
	x->h.ts_ns = 2000;
	x->req = req;
	x->res = res;
	r->len = sizeof(*x);
	x->h.size = r->len;
}

static int nr_of(const char *name)
{
	return syscalls__by_name(name)->nr;
}

static void open_missing_and_read(struct t_state *st)
{
	uint64_t open_args[6] = { (uint64_t)AT_FDCWD, 0x1000, O_RDONLY, 0 };
	uint64_t read_args[6] = { 5, 0x2000, 4096, 8192 };
	struct t_sink s;
	struct t_rec r;

	t_sink_open(&s);
	t_sub(&r, 4242, 0xffff0001, IORING_OP_OPENAT, "openat", open_args);
	t_blob(&r, 1, "/etc/app.conf", 14, 0, 0);
	t_feed(&s, &r);
	t_sub(&r, 4242, 0xffff0002, IORING_OP_READ, "read", read_args);
	t_feed(&s, &r);
	CHECK_STR(st, t_sink_text(&s), ""); /* nothing before a completion */
	/* completions in another order than submissions */
	t_cqe(&r, 4242, 0xffff0002, nr_of("read"), 4);
	t_blob(&r, 1, "\1\0\0\0", 4, 0, 4);
	t_feed(&s, &r);
	t_cqe(&r, 4242, 0xffff0001, nr_of("openat"), -ENOENT);
	t_feed(&s, &r);
	CHECK_STR(st, t_sink_text(&s),
		  "4242  [io_uring] read(5, \"\\1\\0\\0\\0\", 4096, 8192) = 4\n"
		  "4242  [io_uring] openat(AT_FDCWD, \"/etc/app.conf\", O_RDONLY) = -1 ENOENT "
		  "(No such file or directory)\n");
	t_sink_close(&s);
}

static void no_twin_and_unknown(struct t_state *st)
{
	static const uint64_t none[6];
	struct t_sink s;
	struct t_rec r;

	t_sink_open(&s);
	t_sub(&r, 7, 0x10, IORING_OP_NOP, NULL, none);
	t_feed(&s, &r);
	t_cqe(&r, 7, 0x10, -1, 0);
	t_feed(&s, &r);
	t_sub(&r, 7, 0x10, 120, NULL, none); /* the same address, reused */
	t_feed(&s, &r);
	t_cqe(&r, 7, 0x10, -1, -EINVAL);
	t_feed(&s, &r);
	/* a completion whose submission was never seen: counted, not printed */
	t_cqe(&r, 7, 0x20, -1, 0);
	t_feed(&s, &r);
	CHECK_STR(st, t_sink_text(&s),
		  "7     [io_uring] IORING_OP_NOP()        = 0\n"
		  "7     [io_uring] IORING_OP_120()        = -1 EINVAL (Invalid argument)\n");
	CHECK(st, s.p.uring.unmatched == 1);
	t_sink_close(&s);
}

static void fixed_file(struct t_state *st)
{
	uint64_t a[6] = { 0, 0x2000, 5, 0 };
	struct t_sink s;
	struct t_rec r;

	t_sink_open(&s);
	t_sub(&r, 9, 0x30, IORING_OP_READ, "read", a);
	((struct sr_uring_sub *)r.buf)->sqe.flags = IOSQE_FIXED_FILE;
	t_feed(&s, &r);
	t_cqe(&r, 9, 0x30, nr_of("read"), 5);
	t_blob(&r, 1, "hello", 5, 0, 5);
	t_feed(&s, &r);
	CHECK_STR(st, t_sink_text(&s),
		  "9     [io_uring] read(0 /* fixed file */, \"hello\", 5, 0) = 5\n");
	t_sink_close(&s);
}

/*
 * splice's offsets are values in the entry (-1: none) where splice(2) takes
 * pointers: the BPF side sends 0 for them (SR_SQE_BYVAL), the line shows
 * what the pointers would point to, as strace prints splice(2)'s.
 */
static void splice_offsets_by_value(struct t_state *st)
{
	static const uint64_t a[6] = { 3, 0, 6, 0, 5, 1 /* SPLICE_F_MOVE */ };
	struct sr_uring_sub *x;
	struct t_sink s;
	struct t_rec r;

	t_sink_open(&s);
	t_sub(&r, 5, 0x40, IORING_OP_SPLICE, "splice", a);
	x = (struct sr_uring_sub *)r.buf;
	x->sqe.addr = 0; /* splice_off_in */
	x->sqe.off = (uint64_t)-1;
	t_feed(&s, &r);
	t_cqe(&r, 5, 0x40, nr_of("splice"), 5);
	t_feed(&s, &r);
	t_sub(&r, 5, 0x41, IORING_OP_SPLICE, "splice", a);
	x = (struct sr_uring_sub *)r.buf;
	x->sqe.addr = (uint64_t)-1;
	x->sqe.off = 8;
	t_feed(&s, &r);
	t_cqe(&r, 5, 0x41, nr_of("splice"), -EINVAL);
	t_feed(&s, &r);
	CHECK_STR(st, t_sink_text(&s),
		  "5     [io_uring] splice(3, [0], 6, NULL, 5, SPLICE_F_MOVE) = 5\n"
		  "5     [io_uring] splice(3, NULL, 6, [8], 5, SPLICE_F_MOVE) = -1 EINVAL "
		  "(Invalid argument)\n");
	t_sink_close(&s);
}

/*
 * IORING_OP_FSYNC is fdatasync(2) with IORING_FSYNC_DATASYNC: it prints
 * as that, and -e trace= selects it as that (the opcode is sent when
 * either is selected; the pairing drops the other).
 */
static void fsync_datasync(struct t_state *st)
{
	static const uint64_t a[6] = { 3 };
	struct t_sink s;
	struct t_rec r;
	int pass;

	t_sink_open(&s);
	for (pass = 0; pass < 2; pass++) {
		t_sub(&r, 6, 0x50, IORING_OP_FSYNC, "fsync", a);
		t_feed(&s, &r);
		t_cqe(&r, 6, 0x50, nr_of("fsync"), 0);
		t_feed(&s, &r);
		t_sub(&r, 6, 0x51, IORING_OP_FSYNC, "fsync", a);
		((struct sr_uring_sub *)r.buf)->sqe.op_flags = IORING_FSYNC_DATASYNC;
		t_feed(&s, &r);
		t_cqe(&r, 6, 0x51, nr_of("fsync"), -EIO);
		t_feed(&s, &r);
		if (pass)
			break;
		CHECK_STR(
			st, t_sink_text(&s),
			"6     [io_uring] fsync(3)               = 0\n"
			"6     [io_uring] fdatasync(3)           = -1 EIO (Input/output error)\n");
		CHECK(st, filter__qualify(&s.opts, "trace=fdatasync") == 0);
		t_sink_reinit(&s);
	}
	CHECK_STR(st, t_sink_text(&s),
		  "6     [io_uring] fsync(3)               = 0\n"
		  "6     [io_uring] fdatasync(3)           = -1 EIO (Input/output error)\n"
		  "6     [io_uring] fdatasync(3)           = -1 EIO (Input/output error)\n");
	CHECK(st, s.p.uring.unmatched == 0);
	t_sink_close(&s);
}

/* A variant is printed from what the BPF side took for the twin: the same arguments. */
static void variants_take_twin_args(struct t_state *st)
{
	const struct sr_sysent *t, *v;
	struct sr_uring_op op;
	unsigned int opcode;
	size_t i, n, total = 0;
	int nrs[4], k;

	for (opcode = 0; opcode < SR_URING_OPS; opcode++) {
		uring__twin(opcode, &op);
		n = uring__variants(opcode, nrs, 4);
		total += n;
		for (i = 0; i < n; i++) {
			CHECK(st, op.flags & SR_UOP_TWIN);
			t = syscalls__get(op.nr);
			v = syscalls__get(nrs[i]);
			CHECK(st, t->nargs == v->nargs && !t->dec && !v->dec);
			for (k = 0; k < t->nargs; k++)
				CHECK(st, t->args[k].type == v->args[k].type);
		}
	}
	CHECK(st, total >= 1); /* fsync's fdatasync */
}

/* -e trace=: a request counts as its twin and as %io_uring. */
static void trace_sets(struct t_state *st)
{
	struct sr_opts o;
	int openat = nr_of("openat"), close_ = nr_of("close");

	memset(&o, 0, sizeof(o));
	CHECK(st, filter__uring_traced(&o, openat) && filter__uring_traced(&o, -1));
	CHECK(st, filter__qualify(&o, "trace=openat") == 0);
	CHECK(st, filter__uring_traced(&o, openat) && !filter__uring_traced(&o, close_));
	CHECK(st, !filter__uring_traced(&o, -1));
	CHECK(st, filter__qualify(&o, "trace=%io_uring") == 0);
	CHECK(st, filter__uring_traced(&o, close_) && filter__uring_traced(&o, -1));
	CHECK(st, !filter__traced(&o, close_)); /* the syscall itself is not selected */
	CHECK(st, filter__qualify(&o, "trace=!openat") == 0);
	CHECK(st, !filter__uring_traced(&o, openat) && filter__uring_traced(&o, close_));
	CHECK(st, filter__uring_traced(&o, -1));
	CHECK(st, filter__qualify(&o, "trace=!%io_uring") == 0);
	CHECK(st, !filter__uring_traced(&o, openat) && !filter__uring_traced(&o, -1));
	CHECK(st, filter__traced(&o, openat));
}

/* A request completes while its submitter's io_uring_enter is on an open line. */
static void inside_a_syscall(struct t_state *st)
{
	uint64_t enter[6] = { 3, 1, 1, 1, 0, 8 };
	uint64_t a[6] = { 99 };
	struct t_sink s;
	struct t_rec r;

	t_sink_open(&s);
	t_enter(&r, 50, "io_uring_enter", enter);
	t_feed(&s, &r);
	t_sub(&r, 50, 0x40, IORING_OP_CLOSE, "close", a);
	t_feed(&s, &r);
	t_cqe(&r, 50, 0x40, nr_of("close"), -EBADF);
	t_feed(&s, &r);
	t_exit(&r, 50, "io_uring_enter", 1);
	t_feed(&s, &r);
	CHECK_STR(st, t_sink_text(&s),
		  "50    io_uring_enter(3, 1, 1, IORING_ENTER_GETEVENTS, NULL, 8 <unfinished ...>\n"
		  "50    [io_uring] close(99)              = -1 EBADF (Bad file descriptor)\n"
		  "50    <... io_uring_enter resumed>)     = 1\n");
	t_sink_close(&s);
}

/* The three syscalls as strace 6.1 prints them (its io_uring_setup and io_uring_register tests). */
static void uring_syscalls(struct t_state *st)
{
	struct io_uring_params p = { .sq_thread_idle = 1000 };
	int32_t fds[2] = { 4, -1 };
	uint64_t a[6] = { 2, 0x1000 };
	struct t_blobspec in = { 1, &p, sizeof(p), 0, 0 }, out = { 1, &p, sizeof(p), 0, 0 };
	struct t_blobspec files = { 2, fds, sizeof(fds), 0, 0 };
	struct t_sink s;

	t_sink_open(&s);
	/* a failure shows only what was passed */
	CHECK_STR(st, t_line(&s, "io_uring_setup", a, &in, 1, -EINVAL, &out, 1),
		  "io_uring_setup(2, {flags=0, sq_thread_cpu=0, sq_thread_idle=1000}) = -1 EINVAL "
		  "(Invalid argument)");
	p.sq_entries = 2;
	p.cq_entries = 4;
	p.features = IORING_FEAT_SINGLE_MMAP | IORING_FEAT_NODROP;
	p.sq_off.array = 192;
	p.cq_off.cqes = 64;
	CHECK_STR(
		st, t_line(&s, "io_uring_setup", a, &in, 1, 3, &out, 1),
		"io_uring_setup(2, {flags=0, sq_thread_cpu=0, sq_thread_idle=1000, sq_entries=2, "
		"cq_entries=4, features=IORING_FEAT_SINGLE_MMAP|IORING_FEAT_NODROP, sq_off={head=0, "
		"tail=0, ring_mask=0, ring_entries=0, flags=0, dropped=0, array=192}, cq_off={head=0, "
		"tail=0, ring_mask=0, ring_entries=0, overflow=0, cqes=64, flags=0}}) = 3");
	a[0] = 3;
	a[1] = 1;
	a[2] = 0;
	a[3] = IORING_ENTER_GETEVENTS | 0x80;
	a[4] = 0;
	a[5] = 8;
	CHECK_STR(st, t_line(&s, "io_uring_enter", a, NULL, 0, -EINVAL, NULL, 0),
		  "io_uring_enter(3, 1, 0, IORING_ENTER_GETEVENTS|0x80, NULL, 8) = -1 EINVAL "
		  "(Invalid argument)");
	a[1] = IORING_REGISTER_FILES;
	a[2] = 0x1000;
	a[3] = 2;
	CHECK_STR(st, t_line(&s, "io_uring_register", a, &files, 1, 0, NULL, 0),
		  "io_uring_register(3, IORING_REGISTER_FILES, [4, -1], 2) = 0");
	a[0] = 0;
	a[1] = 0xbadc0ded;
	a[3] = 0xdeadbeef;
	CHECK_STR(
		st, t_line(&s, "io_uring_register", a, NULL, 0, -EINVAL, NULL, 0),
		"io_uring_register(0, 0xbadc0ded /* IORING_REGISTER_??? */, 0x1000, 3735928559) = "
		"-1 EINVAL (Invalid argument)");
	t_sink_close(&s);
}

T_SUITE(uring_tests) = {
	T_CASE(uring_syscalls),
	T_CASE(open_missing_and_read),
	T_CASE(no_twin_and_unknown),
	T_CASE(splice_offsets_by_value),
	T_CASE(fixed_file),
	T_CASE(trace_sets),
	T_CASE(inside_a_syscall),
	T_CASE(fsync_datasync),
	T_CASE(variants_take_twin_args),
	T_END,
};
