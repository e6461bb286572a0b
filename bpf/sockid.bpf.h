/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What socket an fd names, read when a call on it begins (SR_HOW_SOCK):
 * the netlink decoders need the protocol, and a process that has exited
 * by the time its line prints can no longer be asked through /proc.
 * Inlined in capture_one(): a light skeleton takes at most 32 BPF functions.
 */
#ifndef SYSRAY_SOCKID_BPF_H
#define SYSRAY_SOCKID_BPF_H

#define SOCKID_S_IFMT	  0170000
#define SOCKID_S_IFSOCK	  0140000
#define SOCKID_AF_NETLINK 16

/*
 * The current task's file at @fd, or NULL. struct fdtable has begun with
 * { unsigned int max_fds; struct file **fd; } since the 2.6 series, long
 * before 5.10, the oldest kernel sysray supports: read at vmlinux.h's
 * offsets, without a CO-RE relocation, since "fdtable" shares a slot of
 * the kernel's 31-slot candidate cache with "io_kiocb" (the io_uring
 * programs'): every load would evict one for the other, each miss a scan
 * of all kernel types.
 */
static __always_inline struct file *task_fd_file(__u64 fd)
{
	struct task_struct *t = (struct task_struct *)bpf_get_current_task();
	const char *fdt = (const char *)BPF_CORE_READ(t, files, fdt);
	struct file *f = NULL, **fds = NULL;
	__u32 max = 0;

	if (!fdt ||
	    bpf_probe_read_kernel(&max, sizeof(max),
				  fdt + __builtin_offsetof(struct fdtable, max_fds)) ||
	    fd >= max ||
	    bpf_probe_read_kernel(&fds, sizeof(fds),
				  fdt + __builtin_offsetof(struct fdtable, fd)) ||
	    bpf_probe_read_kernel(&f, sizeof(f), fds + fd))
		return NULL;
	return f;
}

/* The family (low 16 bits) and protocol of the socket at @fd, or 0 when it is none. */
static __always_inline __u32 sock_id(__u64 fd)
{
	struct file *f = task_fd_file(fd);
	struct socket *so;
	struct sock *sk;

	if (!f)
		return 0;
	if ((BPF_CORE_READ(f, f_inode, i_mode) & SOCKID_S_IFMT) != SOCKID_S_IFSOCK)
		return 0;
	so = BPF_CORE_READ(f, private_data);
	sk = so ? BPF_CORE_READ(so, sk) : NULL;
	if (!sk)
		return 0;
	return BPF_CORE_READ(sk, __sk_common.skc_family) | (__u32)BPF_CORE_READ(sk, sk_protocol)
								   << 16;
}

/* One SR_HOW_SOCK blob at @off for the fd @fd; returns the offset after it. */
static __always_inline __u32 put_sockid(__u32 off, __u64 fd, __u64 req)
{
	struct sr_scratch *s = scratch_get();
	struct sr_sockid *id;
	struct sr_blob *b;
	__u32 v;

	if (!s)
		return off;
	if (off > SR_REC_MAX - sizeof(*b) - sizeof(*id)) {
		stat_inc(SR_STAT_REC_FULL);
		return off;
	}
	/* for the verifier: a no-op after the check above */
	asm volatile("%0 &= 0x3fff" : "+r"(off));
	b = (void *)(s->buf + off);
	id = (void *)(s->buf + off + sizeof(*b));
	v = sock_id(fd);
	b->arg = CAP_ARG(req);
	b->flags = CAP_FLAGS(req);
	b->aux = 0;
	b->len = sizeof(*id);
	id->family = (__u16)v;
	id->protocol = (__u16)(v >> 16);
	id->pad = 0;
	return off + sizeof(*b) + sizeof(*id);
}

#endif /* SYSRAY_SOCKID_BPF_H */
