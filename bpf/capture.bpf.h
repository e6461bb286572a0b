/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Bounded copies of user memory into the per-CPU scratch record.
 *
 * A record is built in scratch->buf: a fixed part (header, arguments or
 * return value), then struct sr_blob entries, each padded to 8 bytes. Every
 * offset is checked against SR_REC_MAX, and every length against
 * SR_BLOB_MAX, so that the verifier can prove each write lands inside the
 * scratch value (SR_SCRATCH_SIZE leaves room for one blob past the record).
 *
 * What the verifier costs is sysray's start-up time, so the code is shaped
 * for it:
 * - Every function a hook calls here is global (__noinline, not static): the
 *   verifier checks it once per program, with unknown arguments, instead of
 *   once per call site. Global functions take scalars only (all 5.10
 *   accepts), so each looks up the scratch and the plan itself, the hook
 *   leaves the call's arguments in the scratch, and small fields travel
 *   packed.
 * - Loops go through sr_loop(): bpf_loop() in the object built for kernels
 *   that have it (5.17+; SR_BPF_LOOP), whose body the verifier checks once
 *   or a few times; a bounded loop in the object for older kernels, which
 *   the verifier walks iteration by iteration. Loop state lives in a small
 *   struct on the stack, with ranges masked so that iterations look alike.
 */
#ifndef SYSRAY_CAPTURE_BPF_H
#define SYSRAY_CAPTURE_BPF_H

#if SR_BPF_LOOP
/* A loop body for bpf_loop(): called with the index; non-zero stops the loop. */
#define SR_STEP		    static long
#define sr_loop(n, fn, ctx) bpf_loop((n), (fn), (ctx), 0)
#else
#define SR_STEP static __always_inline long
#define sr_loop(n, fn, ctx)                     \
	({                                      \
		__u32 __i;                      \
		for (__i = 0; __i < (n); __i++) \
			if ((fn)(__i, (ctx)))   \
				break;          \
	})
#endif

static __always_inline struct sr_cpu_stats *stats_get(void)
{
	__u32 zero = 0;

	return bpf_map_lookup_elem(&stats, &zero);
}

static __always_inline void stat_inc(enum sr_stat i)
{
	struct sr_cpu_stats *st = stats_get();

	if (st && i < SR_STAT_MAX)
		st->v[i]++;
}

static __always_inline struct sr_scratch *scratch_get(void)
{
	__u32 zero = 0;

	return bpf_map_lookup_elem(&scratch, &zero);
}

static __always_inline const struct sr_plan *plan_get(__u32 key)
{
	return bpf_map_lookup_elem(&plans, &key);
}

#define SR_IOV_MAX 64

#define CAP_PACK(cap, arg, how, flags) \
	((__u64)(cap) | ((__u64)(arg) << 16) | ((__u64)(how) << 24) | ((__u64)(flags) << 32))
/* In a packed request: a fault here is worth retrying at exit. */
#define CAP_RETRYABLE (1ULL << 40)
/* In a packed request: after a fault, copy what lies before the next page. */
#define CAP_PAGE_CUT (1ULL << 41)
#define CAP_CAP(p)   ((__u32)((p)&0xffff))
#define CAP_ARG(p)   ((__u8)((p) >> 16))
#define CAP_HOW(p)   ((__u8)((p) >> 24))
#define CAP_FLAGS(p) ((__u8)((p) >> 32))
/* The same, marked SR_BF_PART instead of SR_BF_TRUNC (SR_CAP_PART). */
#define CAP_PAGE_PART (1ULL << 42)
/* A string that cannot be read: keep its pointer as the blob's 8 bytes. */
#define CAP_KEEP_PTR (1ULL << 43)
/* SR_HOW_INDIRECT: the pair is a struct sock_fprog (SR_LEN_FPROG). */
#define CAP_FPROG (1ULL << 44)
/* put_strv(), put_iov(): an ia32 task's array, of 4-byte pointers and lengths. */
#define CAP_PTR32_SHIFT 43 /* CAP_PTR32 is 4 << CAP_PTR32_SHIFT */
#define CAP_PTR32	(4ULL << CAP_PTR32_SHIFT)
/*
 * put_iov(): elements that are not iovecs (an ioctl reference's array,
 * struct sr_ioc_ref.buf_at): each of @size bytes holds at byte @off a
 * buffer's descriptor {u32 length, 4 bytes, u64 pointer}; 6 bits each,
 * 0: iovecs.
 */
#define CAP_ELEM_SHIFT	    46
#define CAP_ELEM(size, off) (((__u64)(size) | ((__u64)(off) << 6)) << CAP_ELEM_SHIFT)

/* Is the user byte at @addr a NUL? */
static __always_inline bool str_ends_at(__u64 addr)
{
	char c = 1;

	return !bpf_probe_read_user(&c, 1, (const void *)addr) && !c;
}

/*
 * The buffer blob at @at, from user address @ptr, cut at SR_BLOB_MAX (or
 * less, in a nearly full record) of @want bytes by its cap @cap past one
 * blob: note it for emit_more() (SR_REC_MORE records), if there is room.
 */
static __always_inline void more_note(struct sr_scratch *s, __u32 at, __u64 ptr, __u64 want,
				      __u32 cap)
{
	__u32 k = s->nmore;
	__u64 end = cap == SR_CAP_WHOLE ? SR_MORE_MAX : cap;

	if (k >= SR_MORE_PEND)
		return;
	s->more[k].ptr = ptr;
	s->more[k].at = at;
	s->more[k].end = want < end ? want : end;
	s->nmore = k + 1;
}

/*
 * Append one blob at @off: @want bytes (SR_HOW_BUF) or a string (SR_HOW_STR)
 * from user address @ptr, at most CAP_CAP(@req) bytes. Return the offset
 * after it. A full record keeps what it has and counts the blob as left out.
 * A buffer's cap past SR_BLOB_MAX + 1 (a string's stops there): the blob
 * holds SR_BLOB_MAX bytes and emit_more() sends the rest.
 */
__noinline __u32 put_blob(__u32 off, __u64 ptr, __u64 want, __u64 req)
{
	struct sr_scratch *s = scratch_get();
	struct sr_blob *b;
	__u32 cap, room, len = 0;
	void *data;
	long n;

	if (!s)
		return off;
	if (off > SR_REC_MAX - sizeof(struct sr_blob) - 8) {
		stat_inc(SR_STAT_REC_FULL);
		return off;
	}
	/* for the verifier: a no-op after the check above */
	asm volatile("%0 &= 0x3fff" : "+r"(off));
	b = (void *)(s->buf + off);
	data = (void *)(s->buf + off + sizeof(*b));
	b->arg = CAP_ARG(req);
	b->flags = CAP_FLAGS(req);
	b->aux = 0;
	room = SR_REC_MAX - off - sizeof(*b);
	cap = CAP_CAP(req);
	if (cap > SR_BLOB_MAX + 1)
		cap = SR_BLOB_MAX;
	if (cap > room)
		cap = room;
	/* for the verifier: the scratch has SR_BLOB_MAX * 2 bytes past a record */
	asm volatile("%0 &= 0x1fff" : "+r"(cap));
	if (!ptr) {
		b->flags |= SR_BF_NULL;
		b->len = 0;
		return off + sizeof(*b);
	}
	if (CAP_HOW(req) == SR_HOW_STR) {
		n = bpf_probe_read_user_str(data, cap, (const void *)ptr);
		/*
		 * A string is read one byte past what is shown and its NUL,
		 * to tell a whole string from a longer one (a path: PATH_MAX
		 * - 1 and the NUL); that byte may be on an unmapped page.
		 * The read then stopped at no NUL in the bytes before it: the
		 * string goes on, and one byte less is read, and cut.
		 */
		if (n < 0 && cap > 1) {
			cap--;
			/* for the verifier */
			asm volatile("%0 &= 0x1fff" : "+r"(cap));
			n = bpf_probe_read_user_str(data, cap, (const void *)ptr);
		}
		if (n < 0) {
			b->flags |= SR_BF_FAULT;
			b->aux = n;
			if (req & CAP_RETRYABLE)
				s->faults |= 1u << (CAP_ARG(req) & 7);
			if (req & CAP_KEEP_PTR) {
				*(__u64 *)data = ptr;
				len = sizeof(ptr);
				b->flags |= SR_BF_PART;
			}
		} else {
			len = n;
			/*
			 * n == cap: cut short, or exactly cap - 1 bytes and the NUL
			 * (a 4095-byte path): the string's own last byte says which.
			 */
			if (len >= cap && !str_ends_at(ptr + cap - 1))
				b->flags |= SR_BF_TRUNC;
		}
	} else {
		len = cap;
		if (want <= cap)
			len = want;
		else
			b->flags |= SR_BF_TRUNC;
		b->aux = want > 0x7fffffff ? 0x7fffffff : want;
		/* for the verifier */
		asm volatile("%0 &= 0x1fff" : "+r"(len));
		n = bpf_probe_read_user(data, len, (const void *)ptr);
		/*
		 * the length wanted read back from aux: one value less to keep
		 * across the read (put_blob() ends the deepest call chain)
		 */
		if (!n && CAP_CAP(req) > SR_BLOB_MAX + 1 && (__u32)b->aux > len)
			more_note(s, off, ptr, (__u32)b->aux, CAP_CAP(req));
		if (n < 0 && (req & (CAP_PAGE_CUT | CAP_PAGE_PART)) && 4096 - (ptr & 4095) < len) {
			len = 4096 - (ptr & 4095);
			/* for the verifier */
			asm volatile("%0 &= 0x1fff" : "+r"(len));
			b->flags |= (req & CAP_PAGE_CUT) ? SR_BF_TRUNC : SR_BF_PART;
			n = bpf_probe_read_user(data, len, (const void *)ptr);
			/* the next page may be mapped but not resident yet */
			if (n >= 0 && (req & CAP_RETRYABLE) && (b->flags & SR_BF_PART))
				s->faults |= 1u << (CAP_ARG(req) & 7);
		}
		if (n < 0) {
			b->flags |= SR_BF_FAULT;
			b->aux = n;
			len = 0;
			if (req & CAP_RETRYABLE)
				s->faults |= 1u << (CAP_ARG(req) & 7);
		}
	}
	if (len > SR_BLOB_MAX)
		len = SR_BLOB_MAX;
	b->len = len;
	if (b->flags & SR_BF_RETRY)
		stat_inc(b->flags & SR_BF_FAULT ? SR_STAT_READ_RETRY_FAIL : SR_STAT_READ_RETRY_OK);
	return off + sizeof(*b) + SR_ALIGN8(len);
}

/* Bytes an argument's plan asks for, before the cap. */
static __always_inline __u64 plan_want(const struct sr_plan_arg *pa, const __u64 *args, long ret)
{
	__u64 n = 0;
	__u32 v;

	switch (pa->len_src) {
	case SR_LEN_FIXED:
		return pa->elem;
	case SR_LEN_ARG:
		n = args[pa->len_arg & 7];
		if (pa->when & SR_CAP_LEN32)
			n = (__u32)n;
		break;
	case SR_LEN_RET:
		n = ret < 0 ? 0 : ret;
		break;
	case SR_LEN_MIN_ARG_RET:
		n = args[pa->len_arg & 7];
		if (ret >= 0 && (__u64)ret < n)
			n = ret;
		break;
	case SR_LEN_PTR32:
		if (bpf_probe_read_user(&v, sizeof(v), (const void *)args[pa->len_arg & 7]))
			return 0;
		n = v;
		break;
	case SR_LEN_IOC:
		/* _IOC_SIZE of the request: 14 bits, within the cap's range */
		n = (args[pa->len_arg & 7] >> 16) & 0x3fff;
		return n > pa->elem ? n : pa->elem;
	}
	/* Clamp before multiplying: a user-controlled count must not wrap. */
	if (n > SR_MORE_MAX + 1)
		n = SR_MORE_MAX + 1;
	return n * (pa->elem ? pa->elem : 1);
}

/* put_strv()'s walk of an argv-like array. */
struct strv_walk {
	__u64 uptr;
	__u64 sreq; /* put_blob() request for each string */
	__u32 off;
	__u32 count; /* non-NULL pointers read */
	__u8 flags; /* the head blob's */
	__u8 done; /* a NULL or a fault ended the array */
	__u8 ptr32; /* an ia32 task's array: 4-byte pointers */
	__u8 strings; /* SR_HOW_STRV: the strings too, not only the count */
};

/* Pointer @i of the array; 0 for its end (NULL, or a fault: marked). */
static __always_inline __u64 strv_ptr(struct strv_walk *w, __u32 i)
{
	__u64 p = 0;
	long err;

	/* little-endian: a 4-byte pointer fills the low half */
	if (w->ptr32)
		err = bpf_probe_read_user(&p, 4, (const void *)(w->uptr + (__u64)i * 4));
	else
		err = bpf_probe_read_user(&p, 8, (const void *)(w->uptr + (__u64)i * 8));
	if (err) {
		w->flags |= SR_BF_FAULT;
		p = 0;
	}
	if (!p)
		w->done = 1;
	return p;
}

/*
 * Entry w->count of the array, up to SR_STRV_COUNT_MAX: its string as a blob
 * among the first SR_STRV_MAX (w->strings), else only counted. One loop
 * body for both: each bpf_loop() callback is a function of the light
 * skeleton, which holds 32.
 */
SR_STEP strv_step(__u32 i, void *ctx)
{
	struct strv_walk *w = ctx;
	__u32 n = w->count;
	__u64 p;

	if (n >= SR_STRV_COUNT_MAX)
		return 1;
	p = strv_ptr(w, n);
	if (!p)
		return 1;
	if (w->strings && n < SR_STRV_MAX)
		w->off = put_blob(w->off, p, 0, w->sreq);
	w->count = n + 1;
	return 0;
}

/*
 * argv-like array at @uptr: a leading blob whose aux counts the entries (up
 * to SR_STRV_COUNT_MAX), then up to SR_STRV_MAX strings in order, unless the
 * request's how is SR_HOW_STRV_COUNT (envp: only the count is printed).
 */
__noinline __u32 put_strv(__u32 off, __u64 uptr, __u64 req)
{
	struct strv_walk w = {
		.uptr = uptr,
		.sreq = CAP_PACK(CAP_CAP(req), CAP_ARG(req), SR_HOW_STR, CAP_FLAGS(req)) |
			(req & CAP_RETRYABLE) | CAP_KEEP_PTR,
		.flags = CAP_FLAGS(req),
		.ptr32 = !!(req & CAP_PTR32),
		.strings = CAP_HOW(req) == SR_HOW_STRV,
	};
	struct sr_scratch *s = scratch_get();
	struct sr_blob *head;
	__u32 head_off = off;

	if (!s || off > SR_REC_MAX - sizeof(struct sr_blob) - 8)
		return off;
	/* for the verifier */
	asm volatile("%0 &= 0x3fff" : "+r"(head_off));
	head = (void *)(s->buf + head_off);
	head->arg = CAP_ARG(req);
	head->flags = w.flags;
	head->len = 0;
	head->aux = 0;
	w.off = head_off + sizeof(*head);
	if (!uptr) {
		head->flags |= SR_BF_NULL;
		return w.off;
	}
	sr_loop(SR_STRV_COUNT_MAX, strv_step, &w);
	if (!w.done)
		w.flags |= SR_BF_TRUNC;
	/* Look the head up again: the calls above leave the verifier no pointer. */
	s = scratch_get();
	if (!s)
		return w.off;
	asm volatile("%0 &= 0x3fff" : "+r"(head_off));
	head = (void *)(s->buf + head_off);
	head->aux = w.count;
	head->flags = w.flags;
	return w.off;
}

/*
 * put_iov()'s walk of the iovec array: 32 bytes, put_iov()'s whole frame
 * (put_iov() is on the deepest call chain: see "Stack" in bpf/README.md).
 */
struct iov_walk {
	__u64 uptr;
	__u64 total; /* bytes still to read */
	__u64 breq; /* put_blob() request for each buffer (CAP_PTR32: compat_iovec) */
	__u32 cnt; /* at most SR_IOV_MAX */
	__u32 off;
};

SR_STEP iov_step(__u32 i, void *ctx)
{
	struct iov_walk *w = ctx;
	struct {
		__u64 base;
		__u64 len;
	} iov;
	__u64 want;

	if (i >= w->cnt || !w->total)
		return 1;
	if (w->breq & CAP_PTR32) {
		/* struct compat_iovec: two u32, read as one u64 and split */
		if (bpf_probe_read_user(&iov.base, 8, (const void *)(w->uptr + (__u64)i * 8)))
			return 1;
		iov.len = iov.base >> 32;
		iov.base = (__u32)iov.base;
	} else {
		/* an iovec, or another element's {u32 length, 4 bytes, u64 pointer} */
		want = w->breq >> CAP_ELEM_SHIFT;
		if (bpf_probe_read_user(&iov, sizeof(iov),
					(const void *)(w->uptr +
						       (__u64)i * (want ? want & 63 : 16) +
						       (want >> 6))))
			return 1;
		/* read again from @w: nothing held across the call (put_iov()'s frame) */
		if (w->breq >> CAP_ELEM_SHIFT) {
			want = iov.base;
			iov.base = iov.len;
			iov.len = (__u32)want;
		}
	}
	want = iov.len < w->total ? iov.len : w->total;
	w->off = put_blob(w->off, iov.base, want, w->breq);
	w->total -= want;
	return 0;
}

#include "capture_msg.bpf.h"

/* count_dirents()'s walk. */
struct dirent_walk {
	__u64 uptr;
	__u64 total;
	__u32 pos;
	__u32 count;
};

SR_STEP dirent_step(__u32 i, void *ctx)
{
	struct dirent_walk *w = ctx;
	__u16 reclen;

	if (w->pos + 18 > w->total ||
	    bpf_probe_read_user(&reclen, sizeof(reclen), (const void *)(w->uptr + w->pos + 16)) ||
	    !reclen)
		return 1;
	w->pos += reclen;
	w->count++;
	return 0;
}

/* Entries count_dirents() looks at per call; up to DIRENTS_CALLS calls. */
#define DIRENTS_STEP  256
#define DIRENTS_CALLS 8

/*
 * Count directory entries from byte @pos of @total, following d_reclen (at
 * offset 16 in both layouts), at most DIRENTS_STEP of them: the build
 * without bpf_loop() has the verifier walk every step of a bounded loop,
 * so the loop is short and called again. Returns count << 32 | new position.
 */
__noinline __u64 count_dirents(__u64 uptr, __u32 pos, __u64 total)
{
	struct dirent_walk w = { .uptr = uptr, .total = total, .pos = pos };

	sr_loop(DIRENTS_STEP, dirent_step, &w);
	return (__u64)w.count << 32 | w.pos;
}

/*
 * getdents/getdents64 at exit: the first CAP_CAP(@req) bytes as a blob, and
 * in its aux the number of entries in all @total bytes (up to 2048, which a
 * 32 KiB buffer of the shortest entries holds).
 */
static __always_inline __u32 put_dirents(__u32 off, __u64 uptr, __u64 total, __u64 req)
{
	__u32 start = off, pos = 0, count = 0;
	struct sr_scratch *s;
	struct sr_blob *b;
	int i;

	for (i = 0; i < DIRENTS_CALLS; i++) {
		__u64 r = count_dirents(uptr, pos, total);

		count += r >> 32;
		pos = (__u32)r;
		if ((r >> 32) < DIRENTS_STEP)
			break; /* the end, or a fault */
	}
	off = put_blob(off, uptr, total, req);
	s = scratch_get();
	if (!s || start > SR_REC_MAX - sizeof(*b) - 8)
		return off;
	asm volatile("%0 &= 0x3fff" : "+r"(start));
	b = (void *)(s->buf + start);
	if (!(b->flags & SR_BF_FAULT)) {
		b->aux = count;
		b->flags |= SR_BF_COUNT;
	}
	return off;
}

/*
 * A { u64 ptr; u64 len } pair at @uptr (pselect6's sigmask argument): the
 * pair itself as part 0, then up to CAP_CAP(@req) bytes it points to as part 1.
 * With CAP_FPROG the pair is a struct sock_fprog (a classic BPF program: a
 * u16 count of instructions, then the pointer to them), and an array that
 * ends a mapping is read up to the page end (SR_BF_PART).
 * With @deref (SR_HOW_DEREF), only a pointer at @uptr, a field of a struct:
 * CAP_CAP(@req) bytes it points to, cut at a page end, as the argument's blob.
 */
static __always_inline __u32 put_indirect(__u32 off, __u64 uptr, __u64 req, bool deref)
{
	struct {
		__u64 ptr;
		__u64 len;
	} pl = {};
	__u8 arg = CAP_ARG(req);
	__u64 more = 0;

	_Static_assert(sizeof(pl) == sizeof(struct sock_fprog), "sock_fprog is a pair");
	if (!deref)
		off = put_blob(off, uptr, sizeof(pl),
			       CAP_PACK(sizeof(pl), arg, SR_HOW_BUF, CAP_FLAGS(req)) |
				       (req & CAP_RETRYABLE));
	if (!uptr ||
	    bpf_probe_read_user(&pl, deref ? sizeof(pl.ptr) : sizeof(pl), (const void *)uptr))
		return off;
	if (deref)
		return put_blob(off, pl.ptr, CAP_CAP(req), req | CAP_PAGE_PART);
	if (req & CAP_FPROG) {
		/* struct sock_fprog: the u16 len first, the filter pointer at 8 */
		__u64 n = (__u16)pl.ptr;

		pl.ptr = pl.len;
		pl.len = n * sizeof(struct sock_filter);
		more = CAP_PAGE_PART;
	}
	return put_blob(off, pl.ptr, pl.len,
			CAP_PACK(CAP_CAP(req), arg | 8, SR_HOW_BUF, CAP_FLAGS(req)) |
				(req & CAP_RETRYABLE) | more);
}

#include "sockid.bpf.h"

/*
 * The passes of capture_args() over a call's arguments. The hook leaves the
 * arguments (and the return value, the stack pointer) in the scratch.
 */
enum sr_pass {
	SR_PASS_ENTER, /* sys_enter: SR_CAP_ENTER arguments; faults noted for a retry */
	SR_PASS_CALL_ENTRY, /* a whole call at exit: the same, blobs marked SR_BF_ENTRY */
	SR_PASS_EXIT, /* SR_CAP_EXIT arguments (after a failure, SR_CAP_ANYRET ones) */
	SR_PASS_RETRY, /* the arguments in a mask, read again: SR_BF_RETRY */
};

#include "capture_refs.bpf.h"

/*
 * Capture argument @i of the call whose plan is at @key, for @pass; return
 * the new offset.
 */
__noinline __u32 capture_one(__u32 off, __u32 key, __u64 i, __u32 pass)
{
	const struct sr_plan *plan = plan_get(key);
	struct sr_scratch *s = scratch_get();
	const struct sr_plan_arg *pa;
	bool at_exit = pass == SR_PASS_EXIT;
	__u8 flags = pass == SR_PASS_CALL_ENTRY ? SR_BF_ENTRY :
		     pass == SR_PASS_RETRY	? SR_BF_RETRY :
						  0;
	__u64 ptr, total, rf, req, k;
	__u32 cap;
	long ret;

	/*
	 * @i is 64-bit: a zero-extended copy would carry no bound for the
	 * verifier. The index is checked and used as @k, a copy the compiler
	 * cannot tell from anything else and has no reason to spill: one
	 * that spills @i (live to the end) between the check and &plan->a[i]
	 * computes the address from a reload whose bound kernels before 5.13
	 * (spilled scalars were not tracked) do not know, and they refuse
	 * the program.
	 */
	k = i;
	asm volatile("" : "+r"(k));
	if (!plan || !s || k >= SR_NARGS)
		return off;
	pa = &plan->a[k];
	/* held as a pointer from here, for the same reason */
	asm volatile("" : "+r"(pa));
	ptr = s->args[k];
	ret = at_exit ? s->ret : 0;
	/* at exit, only the bytes transferred are meaningful */
	total = at_exit ? (ret > 0 ? ret : 0) : ~0ULL;
	/* entry copies marked SR_CAP_RETRY: a fault is noted for sys_exit */
	rf = pass == SR_PASS_ENTER && (pa->when & SR_CAP_RETRY) ? CAP_RETRYABLE : 0;
	req = CAP_PACK(pa->cap, i, SR_HOW_BUF, flags) | rf;

	switch (pa->how) {
	case SR_HOW_BUF:
	case SR_HOW_STR:
	case SR_HOW_MSGHDR:
		/* netlink messages are decoded, not cut at -s (one inlined sock_id() for both) */
		cap = (pa->when & SR_CAP_NETLINK) &&
				      (__u16)sock_id(s->args[0]) == SOCKID_AF_NETLINK ?
			      SR_BLOB_MAX :
			      pa->cap;
		/* the buffers of a netlink socket's messages too */
		if (pa->how == SR_HOW_MSGHDR)
			return put_msghdr(off, ptr, total,
					  CAP_PACK(cap, i, SR_HOW_BUF, flags) | rf);
		off = put_blob(off, ptr, plan_want(pa, s->args, ret),
			       CAP_PACK(cap, i, pa->how, flags) | rf |
				       (pa->len_src == SR_LEN_IOC || (pa->when & SR_CAP_PAGE_CUT) ?
						CAP_PAGE_CUT :
						0) |
				       ((pa->when & SR_CAP_PART) ? CAP_PAGE_PART : 0));
		/* an ioctl argument's references (struct sr_ioc_ref) */
		if (pa->len_src == SR_LEN_IOC)
			off = put_ioc_refs(off, (__u32)s->args[pa->len_arg & 7], ptr, req);
		return off;
	case SR_HOW_STRV:
	case SR_HOW_STRV_COUNT:
		/*
		 * elem: 0, or 4 for an ia32 task's 4-byte pointers, which shifted
		 * is CAP_PTR32: no branch, whose extra live value grows this
		 * frame past the 512-byte chain (bpf/README.md)
		 */
		return put_strv(off, ptr,
				CAP_PACK(pa->cap, i, pa->how, flags) | rf |
					((__u64)(pa->elem & 4) << CAP_PTR32_SHIFT));
	case SR_HOW_IOV:
		return put_iov(off, ptr,
			       (pa->when & SR_CAP_LEN32) ? (__u32)s->args[pa->len_arg & 7] :
							   s->args[pa->len_arg & 7],
			       total, req | (pa->elem == 8 ? CAP_PTR32 : 0));
	case SR_HOW_DIRENTS:
		return put_dirents(off, ptr, ret > 0 ? ret : 0, req & ~CAP_RETRYABLE);
	case SR_HOW_MMSG:
		return put_mmsg(off, ptr, ret > 0 ? ret : 0, req & ~CAP_RETRYABLE);
	case SR_HOW_INDIRECT:
	case SR_HOW_DEREF:
		/* the pair's address is argument len_arg (ptrace's iovec in data) */
		return put_indirect(off, s->args[pa->len_arg & 7] + pa->elem,
				    req | (pa->len_src == SR_LEN_FPROG ? CAP_FPROG : 0),
				    pa->how == SR_HOW_DEREF);
	case SR_HOW_SOCK:
		return put_sockid(off, ptr, req);
	case SR_HOW_FIELDS:
		return put_fields(off, s->args[pa->len_arg & 7] + pa->elem, pa->len_src,
				  req & ~CAP_RETRYABLE);
	case SR_HOW_SPREL:
		if (pass != SR_PASS_ENTER || !s->sp)
			return off;
		return put_blob(off, s->sp + pa->elem, pa->cap,
				CAP_PACK(pa->cap, i, SR_HOW_BUF, 0));
	}
	return off;
}

/*
 * The arguments of @plan whose "when" has @bit (one SR_CAP_*), as a mask:
 * straight-line code, which the verifier walks once (no branch per argument).
 */
static __always_inline __u32 when_mask(const struct sr_plan *plan, __u8 bit)
{
	const int sh = __builtin_ctz(bit);
	__u32 m = 0;
	int i;

#pragma unroll
	for (i = 0; i < SR_NARGS; i++)
		m |= (__u32)((plan->a[i].when >> sh) & 1) << i;
	return m;
}

/* The arguments SR_PASS_EXIT captures for a call that returned @ret. */
static __always_inline __u32 exit_mask(const struct sr_plan *plan, long ret)
{
	__u32 m = when_mask(plan, SR_CAP_EXIT);

	return ret >= 0 ? m : m & when_mask(plan, SR_CAP_ANYRET);
}

/*
 * One pass over the arguments of the call whose plan is at @key, from @off;
 * for SR_PASS_RETRY, over those in @mask. Returns the new offset. A call
 * with commands (SR_PLAN_SELECT: keyctl's) captures what its command's plan
 * says; the hooks decide by the call's plan, whose flags cover them all.
 */
__noinline __u32 capture_args(__u32 off, __u32 key, __u32 pass, __u32 mask)
{
	struct sr_scratch *s = scratch_get();
	/* both lookups keyed by @key itself: one stack slot (the deepest chain's frame) */
	const struct sr_plan *plan = bpf_map_lookup_elem(&plans, &key);
	__u32 v;
	int i;

	if (!plan || !s)
		return off;
	if (plan->flags & SR_PLAN_SELECT) {
		v = (__u32)s->args[plan->sel_arg & 7];
		key = v < plan->sel_n ? plan->sel_base + v : key;
		plan = bpf_map_lookup_elem(&plans, &key);
		if (!plan)
			return off;
	}
	/* for put_msghdr(), through the scratch (capture_one()'s frame is full) */
	s->msg_ctrl_cap = plan->msg_ctrl_cap;
	if (pass == SR_PASS_EXIT)
		mask = ioc_exit_mask(plan, s, exit_mask(plan, s->ret));
	else if (pass != SR_PASS_RETRY)
		mask = when_mask(plan, SR_CAP_ENTER);
	for (i = 0; i < SR_NARGS; i++)
		if (mask & (1u << i))
			off = capture_one(off, key, i, pass);
	return off;
}

#endif /* SYSRAY_CAPTURE_BPF_H */
