/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The vectored and message captures of capture.bpf.h (readv/writev's iovecs,
 * sendmsg/recvmsg's msghdr, sendmmsg/recvmmsg's array), included by it where
 * put_blob() and put_iov()'s step are known.
 */
#ifndef SYSRAY_CAPTURE_MSG_BPF_H
#define SYSRAY_CAPTURE_MSG_BPF_H

/*
 * struct iovec[cnt] at @uptr for readv/writev: a blob with the array itself
 * (up to SR_IOV_MAX entries: what strace prints at -s 64), then one blob per
 * buffer, each up to CAP_CAP(@req) bytes. @total bounds what is read: at
 * exit, the bytes transferred.
 */
__noinline __u32 put_iov(__u32 off, __u64 uptr, __u64 cnt, __u64 total, __u64 req)
{
	struct iov_walk w = {
		.uptr = uptr,
		.cnt = cnt > SR_IOV_MAX ? SR_IOV_MAX : cnt,
		.total = total,
		.breq = CAP_PACK(CAP_CAP(req), CAP_ARG(req), SR_HOW_BUF, CAP_FLAGS(req)) |
			(req & (CAP_RETRYABLE | CAP_PTR32 | CAP_ELEM(63, 63))),
	};
	__u32 elem = (req >> CAP_ELEM_SHIFT) ? (req >> CAP_ELEM_SHIFT) & 63 :
		     (req & CAP_PTR32)	     ? 8 :
					       16;

	w.off = put_blob(off, uptr, w.cnt * elem,
			 CAP_PACK(SR_IOV_MAX * 16, CAP_ARG(req), SR_HOW_BUF, CAP_FLAGS(req)) |
				 CAP_PAGE_PART);
	sr_loop(SR_IOV_MAX, iov_step, &w);
	return w.off;
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
static __always_inline __u32 put_msg_parts(__u32 off, struct sr_umsghdr *m, __u64 total, __u64 req,
					   __u16 ccap)
{
	__u8 arg = CAP_ARG(req), fl = CAP_FLAGS(req);

	/* a name at the end of a page is read as far as it goes (SR_BF_PART) */
	off = put_blob(off, m->name, m->namelen,
		       CAP_PACK(128, arg, SR_HOW_BUF, fl) | CAP_PAGE_PART);
	off = put_iov(off, m->iov, m->iovlen, total, req);
	return put_blob(off, m->control, m->controllen, CAP_PACK(ccap, arg, SR_HOW_BUF, fl));
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
	struct sr_scratch *s;

	off = put_blob(off, uptr, 56, CAP_PACK(56, CAP_ARG(req), SR_HOW_BUF, CAP_FLAGS(req)));
	if (!uptr || bpf_probe_read_user(&m, 56, (const void *)uptr) || !(s = scratch_get()))
		return off;
	return put_msg_parts(off, &m, total, req, s->msg_ctrl_cap ? s->msg_ctrl_cap : 256);
}

/*
 * struct mmsghdr[@count] (sendmmsg/recvmmsg, at exit: @count is the return
 * value), at most 8: per element, the 64-byte mmsghdr and then its parts as
 * for put_msghdr(), each message's buffers bounded by its msg_len. A plain
 * loop: through bpf_loop() the chain down to put_blob() would pass the
 * verifier's 8 call frames.
 */
__noinline __u32 put_mmsg(__u32 off, __u64 uptr, __u64 count, __u64 req)
{
	/*
	 * The msghdr's 56 bytes, and msg_len read into its msg_flags, which
	 * put_msg_parts() does not use: with a 64-byte struct this frame was
	 * 104 bytes, 128 as 6.1's verifier counts it, and put_mmsg() is on
	 * the deepest call chain (see "Stack" in bpf/README.md).
	 */
	struct sr_umsghdr m = {};
	int i;

	for (i = 0; i < 8; i++) {
		__u64 elem = uptr + i * 64;

		if (i >= count)
			break;
		/* (else clang keeps the three requests made of it on the stack) */
		barrier_var(req);
		off = put_blob(off, elem, 64,
			       CAP_PACK(64, CAP_ARG(req), SR_HOW_BUF, CAP_FLAGS(req)));
		if (bpf_probe_read_user(&m, 56, (const void *)elem) ||
		    bpf_probe_read_user(&m.flags, 4, (const void *)(elem + 56)))
			break;
		off = put_msg_parts(off, &m, m.flags, req, 256);
	}
	return off;
}

#endif /* SYSRAY_CAPTURE_MSG_BPF_H */
