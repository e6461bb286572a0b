/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Captures of memory an argument's struct points to, for capture_one()
 * (capture.bpf.h, which includes this where its other put_*() are
 * defined): ioctl references (struct sr_ioc_ref, by request) and
 * SR_HOW_FIELDS (io_uring_register's structs). Both are inlined into
 * capture_one(), whose frame is on the deepest call chain (bpf/README.md).
 */
#ifndef SYSRAY_CAPTURE_REFS_BPF_H
#define SYSRAY_CAPTURE_REFS_BPF_H

/*
 * The memory an ioctl argument at @uptr points to, for request @code
 * (struct sr_ioc_ref): one blob, or an iovec array and its buffers, per
 * reference the loader listed, with the argument's flags (@req); a request
 * whose layout its first byte says (SR_IOC_BY_FIRST) has its references in
 * the row of that byte (SR_IOC_KEY_BY_FIRST()). Return the new offset.
 * Inlined into capture_one(), whose frame is on the deepest call chain
 * (bpf/README.md): no value more lives across the copies.
 */
static __always_inline __u32 put_ioc_refs(__u32 off, __u32 code, __u64 uptr, __u64 req)
{
	const struct sr_ioc_refs *refs = bpf_map_lookup_elem(&ioc_refs, &code);
	int k;

	if (!refs || !uptr)
		return off;
	if (refs->flags & SR_IOC_BY_FIRST) {
		/* the key's top byte becomes the argument's first byte */
		if (bpf_probe_read_user((__u8 *)&code + 3, 1, (const void *)uptr))
			return off;
		refs = bpf_map_lookup_elem(&ioc_refs, &code);
		if (!refs)
			return off;
	}
#pragma unroll
	for (k = 0; k < SR_IOC_REFS; k++) {
		const struct sr_ioc_ref *r = &refs->r[k];
		__u64 ptr = uptr, n = 1;

		if (!r->cap)
			continue;
		if (r->ptr_off == SR_IOC_REF_SELF && !r->len_size)
			ptr = uptr + r->len_off; /* a part of the argument past its first copy */
		else if (r->ptr_off != SR_IOC_REF_SELF &&
			 bpf_probe_read_user(&ptr, sizeof(ptr), (const void *)(uptr + r->ptr_off)))
			continue;
		if (r->len_size) {
			n = 0;
			if (bpf_probe_read_user(&n, r->len_size == 8 ? 8 : 4,
						(const void *)(uptr + r->len_off)))
				continue;
			n &= r->len_size == 8 ? ~0ULL : (1ULL << (r->len_size * 8)) - 1;
			/* clamp before multiplying: a user-controlled count must not wrap */
			if (n > SR_BLOB_MAX + 1)
				n = SR_BLOB_MAX + 1;
		}
		if (!ptr)
			continue;
		/* an array of buffer descriptors (its count): the array, then each buffer */
		if (r->buf_at) {
			off = put_iov(off, ptr, n, ~0ULL,
				      CAP_PACK(r->cap, r->slot, SR_HOW_BUF, CAP_FLAGS(req)) |
					      (req & CAP_RETRYABLE) |
					      CAP_ELEM(r->elem, r->buf_at - 1));
			continue;
		}
		n = n * r->elem + r->extra;
		/* an iovec array when its count is not 0 (read where the key was) */
		code = 0;
		if (r->iov_size &&
		    !bpf_probe_read_user(&code, 4, (const void *)(uptr + r->iov_off)) &&
		    (code &= r->iov_size == 2 ? 0xffff : 0xffffffff))
			off = put_iov(off, ptr, code, n,
				      CAP_PACK(r->cap, r->slot, SR_HOW_BUF, CAP_FLAGS(req)) |
					      (req & CAP_RETRYABLE));
		else
			off = put_blob(off, ptr, n,
				       CAP_PACK(r->cap, r->slot, SR_HOW_BUF, CAP_FLAGS(req)) |
					       (req & CAP_RETRYABLE) | CAP_PAGE_CUT);
	}
	return off;
}

/*
 * The arguments SR_PASS_EXIT copies (@mask): after a failure, an ioctl
 * argument (SR_LEN_IOC, whose plan asks for it after any result) only for
 * the requests that want it (SR_IOC_ANYRET). The map key is the scratch's
 * copy of the request (its low half, little-endian): no stack. One lookup,
 * after the loop (a plan has one such argument, ioctl's): inlined into
 * capture_args(), on the deepest call chain, no more value lives across it
 * than @mask and the bits it may lose. The loop stops at that argument:
 * going on, the verifier walked each set of bits the arguments could
 * leave (capture_args() 987 instead of 1,931 instructions, in each of the
 * four programs that capture).
 */
static __always_inline __u32 ioc_exit_mask(const struct sr_plan *plan, struct sr_scratch *s,
					   __u32 mask)
{
	const struct sr_ioc_refs *refs;
	__u32 ioc = 0, at = 0;
	int i;

	if (s->ret >= 0)
		return mask;
#pragma unroll
	for (i = 0; i < SR_NARGS; i++) {
		if (plan->a[i].len_src != SR_LEN_IOC || !(mask & (1u << i)))
			continue;
		ioc = 1u << i;
		at = plan->a[i].len_arg;
		break;
	}
	if (!ioc)
		return mask;
	refs = bpf_map_lookup_elem(&ioc_refs, &s->args[at & 7]);
	return refs && (refs->flags & SR_IOC_ANYRET) ? mask : mask & ~ioc;
}

/*
 * SR_HOW_FIELDS: @n u64 pointer fields at @uptr (part 0), then up to
 * CAP_CAP(@req) bytes at each (parts 1 to @n), cut at the page end where a
 * copy faults. The pointers are read back from the record being built (no
 * stack: capture_one()'s frame is on the deepest call chain).
 */
static __always_inline __u32 put_fields(__u32 off, __u64 uptr, __u32 n, __u64 req)
{
	__u8 arg = CAP_ARG(req), fl = CAP_FLAGS(req);
	const struct sr_blob *b;
	struct sr_scratch *s;
	__u32 start = off, k;
	__u64 ptr;

	if (n > SR_FIELDS_MAX)
		n = SR_FIELDS_MAX;
	off = put_blob(off, uptr, n * sizeof(__u64),
		       CAP_PACK(SR_FIELDS_MAX * sizeof(__u64), arg, SR_HOW_BUF, fl));
	s = scratch_get();
	if (!s || start > SR_REC_MAX - sizeof(*b) - SR_FIELDS_MAX * sizeof(__u64))
		return off;
	/* for the verifier: a no-op after the check above */
	asm volatile("%0 &= 0x3fff" : "+r"(start));
	b = (const void *)(s->buf + start);
#pragma unroll
	for (k = 0; k < SR_FIELDS_MAX; k++) {
		if (k >= n || b->len < (k + 1) * sizeof(__u64))
			continue;
		ptr = *(const __u64 *)(s->buf + start + sizeof(*b) + k * sizeof(__u64));
		off = put_blob(off, ptr, CAP_CAP(req),
			       CAP_PACK(CAP_CAP(req), arg | (k + 1) << 3, SR_HOW_BUF, fl) |
				       CAP_PAGE_PART);
	}
	return off;
}

#endif /* SYSRAY_CAPTURE_REFS_BPF_H */
