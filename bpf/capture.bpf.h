/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Bounded copies of user memory into the per-CPU scratch record.
 *
 * A record is built in scratch->buf: a fixed part (header, arguments or
 * return value), then struct sr_blob entries, each padded to 8 bytes. Every
 * offset is checked against SR_REC_MAX, and every length against
 * SR_BLOB_MAX, so that the verifier can prove each write lands inside the
 * scratch value (SR_SCRATCH_SIZE leaves room for one blob past the record).
 */
#ifndef SYSRAY_CAPTURE_BPF_H
#define SYSRAY_CAPTURE_BPF_H

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

#define SR_IOV_MAX 64

/*
 * The copy routines below are global functions: the verifier checks each
 * once, with unknown arguments, instead of once per call site and loop
 * iteration, which would exceed its budget. Global functions take scalars
 * only, so each looks the scratch up itself, and small fields travel packed.
 */
#define CAP_PACK(cap, arg, how, flags) \
	((__u64)(cap) | ((__u64)(arg) << 16) | ((__u64)(how) << 24) | ((__u64)(flags) << 32))
/* In a packed request: a fault here is worth retrying at exit. */
#define CAP_RETRYABLE (1ULL << 40)
#define CAP_CAP(p)    ((__u32)((p)&0xffff))
#define CAP_ARG(p)    ((__u8)((p) >> 16))
#define CAP_HOW(p)    ((__u8)((p) >> 24))
#define CAP_FLAGS(p)  ((__u8)((p) >> 32))

/*
 * Append one blob at @off: @want bytes (SR_HOW_BUF) or a string (SR_HOW_STR)
 * from user address @ptr, at most CAP_CAP(@req) bytes. Return the offset
 * after it. A full record keeps what it has and counts the blob as left out.
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
		} else {
			len = n;
			if (len >= cap)
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

/* args[i] without a variable offset, which the verifier would refuse. */
static __always_inline __u64 arg_at(const __u64 *args, __u32 i)
{
	switch (i) {
	case 0:
		return args[0];
	case 1:
		return args[1];
	case 2:
		return args[2];
	case 3:
		return args[3];
	case 4:
		return args[4];
	case 5:
		return args[5];
	}
	return 0;
}

/* Bytes an argument's plan asks for, before the cap. */
static __always_inline __u64 plan_want(const struct sr_plan_arg *pa, const __u64 *args, long ret)
{
	__u32 la = pa->len_arg;
	__u64 n = 0;
	__u32 v;

	switch (pa->len_src) {
	case SR_LEN_FIXED:
		return pa->elem;
	case SR_LEN_ARG:
		n = arg_at(args, la);
		break;
	case SR_LEN_RET:
		n = ret < 0 ? 0 : ret;
		break;
	case SR_LEN_MIN_ARG_RET:
		n = arg_at(args, la);
		if (ret >= 0 && (__u64)ret < n)
			n = ret;
		break;
	case SR_LEN_PTR32:
		if (bpf_probe_read_user(&v, sizeof(v), (const void *)arg_at(args, la)))
			return 0;
		n = v;
		break;
	}
	/* Clamp before multiplying: a user-controlled count must not wrap. */
	if (n > SR_BLOB_MAX + 1)
		n = SR_BLOB_MAX + 1;
	return n * (pa->elem ? pa->elem : 1);
}

/*
 * argv-like array at @uptr: a leading blob whose aux counts the entries (up
 * to SR_STRV_COUNT_MAX), then up to SR_STRV_MAX strings in order, unless the
 * request's how is SR_HOW_STRV_COUNT (envp: only the count is printed).
 */
__noinline __u32 put_strv(__u32 off, __u64 uptr, __u64 req)
{
	__u64 sreq = CAP_PACK(CAP_CAP(req), CAP_ARG(req), SR_HOW_STR, CAP_FLAGS(req)) |
		     (req & CAP_RETRYABLE);
	bool strings = CAP_HOW(req) == SR_HOW_STRV;
	struct sr_scratch *s = scratch_get();
	struct sr_blob *head;
	__u32 head_off = off;
	__u64 p = 0;
	int i, count = 0;
	__u8 hflags = CAP_FLAGS(req);

	if (!s || off > SR_REC_MAX - sizeof(struct sr_blob) - 8)
		return off;
	/* for the verifier */
	asm volatile("%0 &= 0x3fff" : "+r"(head_off));
	head = (void *)(s->buf + head_off);
	head->arg = CAP_ARG(req);
	head->flags = hflags;
	head->len = 0;
	head->aux = 0;
	off = head_off + sizeof(*head);
	if (!uptr) {
		head->flags |= SR_BF_NULL;
		return off;
	}
	for (i = 0; i < SR_STRV_COUNT_MAX; i++) {
		if (bpf_probe_read_user(&p, sizeof(p), (const void *)(uptr + i * 8))) {
			hflags |= SR_BF_FAULT;
			break;
		}
		if (!p)
			break;
		count++;
		if (strings && i < SR_STRV_MAX)
			off = put_blob(off, p, 0, sreq);
	}
	if (i == SR_STRV_COUNT_MAX)
		hflags |= SR_BF_TRUNC;
	/* Look the head up again: the calls above leave the verifier no pointer. */
	s = scratch_get();
	if (!s)
		return off;
	asm volatile("%0 &= 0x3fff" : "+r"(head_off));
	head = (void *)(s->buf + head_off);
	head->aux = count;
	head->flags = hflags;
	return off;
}

/*
 * struct iovec[cnt] at @uptr for readv/writev: a blob with the array itself
 * (up to SR_IOV_MAX entries: what strace prints at -s 64), then one blob per
 * buffer, each up to CAP_CAP(@req) bytes. @total bounds what is read: at
 * exit, the bytes transferred.
 */
__noinline __u32 put_iov(__u32 off, __u64 uptr, __u64 cnt, __u64 total, __u64 req)
{
	__u64 breq = CAP_PACK(CAP_CAP(req), CAP_ARG(req), SR_HOW_BUF, CAP_FLAGS(req)) |
		     (req & CAP_RETRYABLE);
	struct {
		__u64 base;
		__u64 len;
	} iov;
	__u64 want;
	int i;

	if (cnt > SR_IOV_MAX)
		cnt = SR_IOV_MAX;
	off = put_blob(off, uptr, cnt * sizeof(iov),
		       CAP_PACK(SR_IOV_MAX * sizeof(iov), CAP_ARG(req), SR_HOW_BUF,
				CAP_FLAGS(req)));
	for (i = 0; i < SR_IOV_MAX; i++) {
		if (i >= cnt || !total)
			break;
		if (bpf_probe_read_user(&iov, sizeof(iov), (const void *)(uptr + i * sizeof(iov))))
			break;
		want = iov.len < total ? iov.len : total;
		off = put_blob(off, iov.base, want, breq);
		total -= want;
	}
	return off;
}

struct sr_umsghdr {
	__u64 name;
	__u32 namelen;
	__u32 pad;
	__u64 iov;
	__u64 iovlen;
	__u64 control;
	__u64 controllen;
	__u32 flags;
	__u32 pad2;
};

/* What a msghdr points to: msg_name, the iovec array and buffers, msg_control. */
static __always_inline __u32 put_msg_parts(__u32 off, struct sr_umsghdr *m, __u64 total, __u64 req)
{
	__u8 arg = CAP_ARG(req), fl = CAP_FLAGS(req);

	off = put_blob(off, m->name, m->namelen, CAP_PACK(128, arg, SR_HOW_BUF, fl));
	off = put_iov(off, m->iov, m->iovlen, total, req);
	return put_blob(off, m->control, m->controllen, CAP_PACK(256, arg, SR_HOW_BUF, fl));
}

/*
 * struct user_msghdr at @uptr (sendmsg/recvmsg), as a fixed sequence of
 * blobs for one argument: the struct (56 bytes); msg_name (up to 128 bytes);
 * the iovec array and its buffers, as put_iov(); msg_control (up to 256
 * bytes). @total bounds the buffers as for put_iov().
 */
__noinline __u32 put_msghdr(__u32 off, __u64 uptr, __u64 total, __u64 req)
{
	struct sr_umsghdr m = {};

	off = put_blob(off, uptr, 56, CAP_PACK(56, CAP_ARG(req), SR_HOW_BUF, CAP_FLAGS(req)));
	if (!uptr || bpf_probe_read_user(&m, 56, (const void *)uptr))
		return off;
	return put_msg_parts(off, &m, total, req);
}

/*
 * struct mmsghdr[@count] (sendmmsg/recvmmsg, at exit: @count is the return
 * value): per element, the 64-byte mmsghdr and then its parts as for
 * put_msghdr(), each message's buffers bounded by its msg_len.
 */
__noinline __u32 put_mmsg(__u32 off, __u64 uptr, __u64 count, __u64 req)
{
	struct {
		struct sr_umsghdr hdr;
		__u32 len;
	} mm = {};
	int i;

	for (i = 0; i < 8; i++) {
		__u64 elem = uptr + i * 64;

		if (i >= count)
			break;
		off = put_blob(off, elem, 64,
			       CAP_PACK(64, CAP_ARG(req), SR_HOW_BUF, CAP_FLAGS(req)));
		if (bpf_probe_read_user(&mm, 60, (const void *)elem))
			break;
		off = put_msg_parts(off, &mm.hdr, mm.len, req);
	}
	return off;
}

/*
 * Count directory entries from byte @pos of @total, following d_reclen (at
 * offset 16 in both layouts), at most 1024 of them: the verifier limits how
 * many branches one loop may take. Returns count << 32 | new position.
 */
__noinline __u64 count_dirents(__u64 uptr, __u32 pos, __u64 total)
{
	__u32 count = 0;
	__u16 reclen;
	int i;

	for (i = 0; i < 1024; i++) {
		if (pos + 18 > total)
			break;
		if (bpf_probe_read_user(&reclen, sizeof(reclen), (const void *)(uptr + pos + 16)) ||
		    !reclen)
			break;
		pos += reclen;
		count++;
	}
	return (__u64)count << 32 | pos;
}

/*
 * getdents/getdents64 at exit: the first CAP_CAP(@req) bytes as a blob, and
 * in its aux the number of entries in all @total bytes (up to 2048, which a
 * 32 KiB buffer of the shortest entries holds).
 */
__noinline __u32 put_dirents(__u32 off, __u64 uptr, __u64 total, __u64 req)
{
	__u64 r1 = count_dirents(uptr, 0, total), r2 = 0;
	__u32 start = off;
	struct sr_scratch *s;
	struct sr_blob *b;

	if ((__u32)r1 < total)
		r2 = count_dirents(uptr, (__u32)r1, total);
	off = put_blob(off, uptr, total, req);
	s = scratch_get();
	if (!s || start > SR_REC_MAX - sizeof(*b) - 8)
		return off;
	asm volatile("%0 &= 0x3fff" : "+r"(start));
	b = (void *)(s->buf + start);
	if (!(b->flags & SR_BF_FAULT)) {
		b->aux = (r1 >> 32) + (r2 >> 32);
		b->flags |= SR_BF_COUNT;
	}
	return off;
}

/*
 * A { u64 ptr; u64 len } pair at @uptr (pselect6's sigmask argument): the
 * pair itself as part 0, then up to CAP_CAP(@req) bytes it points to as part 1.
 */
__noinline __u32 put_indirect(__u32 off, __u64 uptr, __u64 req)
{
	struct {
		__u64 ptr;
		__u64 len;
	} pl = {};
	__u8 arg = CAP_ARG(req);

	off = put_blob(off, uptr, sizeof(pl),
		       CAP_PACK(sizeof(pl), arg, SR_HOW_BUF, CAP_FLAGS(req)) |
			       (req & CAP_RETRYABLE));
	if (!uptr || bpf_probe_read_user(&pl, sizeof(pl), (const void *)uptr))
		return off;
	return put_blob(off, pl.ptr, pl.len,
			CAP_PACK(CAP_CAP(req), arg | 8, SR_HOW_BUF, CAP_FLAGS(req)) |
				(req & CAP_RETRYABLE));
}

/* Capture one argument according to its plan; return the new offset. */
static __always_inline __u32 capture_arg(__u32 off, const struct sr_plan_arg *pa, int i,
					 const __u64 *args, long ret, bool at_exit, __u8 flags,
					 __u64 sp)
{
	__u64 total = at_exit ? (ret > 0 ? ret : 0) : ~0ULL;
	/* Entry copies marked SR_CAP_RETRY: a fault is noted for sys_exit. */
	__u64 rf = !at_exit && !(flags & SR_BF_RETRY) && (pa->when & SR_CAP_RETRY) ? CAP_RETRYABLE :
										     0;

	switch (pa->how) {
	case SR_HOW_BUF:
	case SR_HOW_STR:
		return put_blob(off, args[i], plan_want(pa, args, ret),
				CAP_PACK(pa->cap, i, pa->how, flags) | rf);
	case SR_HOW_STRV:
	case SR_HOW_STRV_COUNT:
		return put_strv(off, args[i], CAP_PACK(pa->cap, i, pa->how, flags) | rf);
	case SR_HOW_IOV:
		/* At exit only the bytes transferred are meaningful. */
		return put_iov(off, args[i], arg_at(args, pa->len_arg), total,
			       CAP_PACK(pa->cap, i, SR_HOW_BUF, flags) | rf);
	case SR_HOW_MSGHDR:
		return put_msghdr(off, args[i], total,
				  CAP_PACK(pa->cap, i, SR_HOW_BUF, flags) | rf);
	case SR_HOW_DIRENTS:
		return put_dirents(off, args[i], ret > 0 ? ret : 0,
				   CAP_PACK(pa->cap, i, SR_HOW_BUF, flags));
	case SR_HOW_MMSG:
		return put_mmsg(off, args[i], ret > 0 ? ret : 0,
				CAP_PACK(pa->cap, i, SR_HOW_BUF, flags));
	case SR_HOW_INDIRECT:
		return put_indirect(off, args[i], CAP_PACK(pa->cap, i, SR_HOW_BUF, flags) | rf);
	case SR_HOW_SPREL:
		if (!sp)
			return off;
		return put_blob(off, sp + pa->elem, pa->cap, CAP_PACK(pa->cap, i, SR_HOW_BUF, 0));
	}
	return off;
}

#endif /* SYSRAY_CAPTURE_BPF_H */
