/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What a file descriptor is, read from the kernel at the moment a syscall
 * creates or changes it (-y, -yy): the file's path as the kernel resolves
 * it, or the socket's addresses and peer. User space keeps the result in
 * its fd tables, so processes that have long exited still print right.
 */
#ifndef SYSRAY_FDINFO_BPF_H
#define SYSRAY_FDINFO_BPF_H

#define SOCKFS_MAGIC_	     0x534F434B
#define PIPEFS_MAGIC_	     0x50495045
#define ANON_INODE_FS_MAGIC_ 0x09041934
/* Path components walked at most; deeper paths keep their last ones. */
#define FDI_MAX_COMPS 32
/* walk_path(): the file is a pseudo one, named by its own dentry. */
#define FDI_PSEUDO 0x100
/* walk_path(): the root was not reached within FDI_MAX_COMPS components. */
#define FDI_DEEP 0x200
/* join_path(): components were left out, the name is too long. */
#define FDI_LONG 0x10000
/* Scratch space past any record, for the components of a path walk. */
#define FDI_COMPS_OFF (SR_REC_MAX + 2 * SR_BLOB_MAX)

struct fdi_comp {
	__u64 name;
	__u32 len;
	__u32 pad;
};

static __always_inline struct file *fd_file(__u32 fd)
{
	struct task_struct *t = (struct task_struct *)bpf_get_current_task();
	struct fdtable *fdt = BPF_CORE_READ(t, files, fdt);
	struct file **arr, *f = NULL;

	if (!fdt || fd >= BPF_CORE_READ(fdt, max_fds))
		return NULL;
	arr = BPF_CORE_READ(fdt, fd);
	bpf_probe_read_kernel(&f, sizeof(f), arr + fd);
	return f;
}

/* struct mount from its vfsmount member. */
static __always_inline struct mount *real_mount(struct vfsmount *m)
{
	return (struct mount *)((void *)m - bpf_core_field_offset(struct mount, mnt));
}

/*
 * Collect the path's components, leaf first, into the scratch area; cross
 * mount points up to the task's root. A mount crossing takes a slot with
 * length 0, which keeps every iteration alike for the verifier. Returns how
 * many slots were used. A global function: verified once, on its own.
 */
__noinline int walk_path(__u64 dentry, __u64 vfsmnt)
{
	struct task_struct *t = (struct task_struct *)bpf_get_current_task();
	struct dentry *root = BPF_CORE_READ(t, fs, root.dentry);
	struct vfsmount *root_mnt = BPF_CORE_READ(t, fs, root.mnt);
	struct dentry *d = (struct dentry *)dentry, *parent;
	struct vfsmount *vm = (struct vfsmount *)vfsmnt;
	struct mount *m = real_mount(vm), *mp;
	struct sr_scratch *s = scratch_get();
	struct fdi_comp *c;
	int i;

	if (!s)
		return 0;
	for (i = 0; i < FDI_MAX_COMPS; i++) {
		if (d == root && vm == root_mnt)
			break;
		c = (void *)(s->buf + FDI_COMPS_OFF + i * sizeof(*c));
		parent = BPF_CORE_READ(d, d_parent);
		if (d != BPF_CORE_READ(vm, mnt_root) && d != parent) {
			c->name = (__u64)BPF_CORE_READ(d, d_name.name);
			c->len = BPF_CORE_READ(d, d_name.len);
			d = parent;
			continue;
		}
		mp = BPF_CORE_READ(m, mnt_parent);
		if (mp == m) {
			/*
			 * A mount without a parent: the namespace's root, or an
			 * internal one (memfd, nsfs) whose files are their own
			 * root; those are named by their dentry, as d_path does.
			 */
			if (!i && d == parent && BPF_CORE_READ(d, d_name.len) > 1) {
				c->name = (__u64)BPF_CORE_READ(d, d_name.name);
				c->len = BPF_CORE_READ(d, d_name.len);
				/* alloc_file_pseudo's files: d_path adds " (deleted)" */
				return 1 | FDI_PSEUDO;
			}
			break;
		}
		c->len = 0;
		d = BPF_CORE_READ(m, mnt_mountpoint);
		m = mp;
		vm = (struct vfsmount *)((void *)mp + bpf_core_field_offset(struct mount, mnt));
	}
	/* out of slots before the root: user space must not take it for the whole path */
	if (i == FDI_MAX_COMPS && !(d == root && vm == root_mnt))
		return i | FDI_DEEP;
	return i;
}

/*
 * Write the collected components, root first, at scratch offset @at; return
 * the length, with FDI_LONG if some did not fit. The masks keep the
 * offset's range the same on every iteration, so the verifier need not
 * follow each one separately.
 */
__noinline __u32 join_path(__u32 at, int n)
{
	struct sr_scratch *s = scratch_get();
	__u32 pos = 0, len, dst, cut = 0;
	int i;

	if (!s || at > SR_REC_MAX)
		return 0;
	for (i = FDI_MAX_COMPS - 1; i >= 0; i--) {
		struct fdi_comp *c = (void *)(s->buf + FDI_COMPS_OFF + i * sizeof(*c));

		if (i >= n || !c->len)
			continue;
		asm volatile("%0 &= 0xfff" : "+r"(pos));
		if (pos > SR_BLOB_MAX - 256 - 2) {
			cut = FDI_LONG;
			break;
		}
		dst = (at + pos) & (SR_REC_MAX - 1);
		s->buf[dst] = '/';
		len = c->len & 255;
		dst = (at + pos + 1) & (SR_REC_MAX - 1);
		if (bpf_probe_read_kernel(s->buf + dst, len, (const void *)c->name)) {
			cut = FDI_LONG;
			break;
		}
		pos += len + 1;
	}
	if (!pos)
		s->buf[at & (SR_REC_MAX - 1)] = '/';
	return (pos ? pos : 1) | cut;
}

static __always_inline void fdi_socket(struct sr_fdinfo *fi, struct file *f)
{
	struct socket *sock = BPF_CORE_READ(f, private_data);
	struct sock *sk = BPF_CORE_READ(sock, sk);
	struct sock *peer;
	struct pid *pp;

	fi->family = BPF_CORE_READ(sk, __sk_common.skc_family);
	fi->type = BPF_CORE_READ(sk, sk_type);
	fi->protocol = BPF_CORE_READ(sk, sk_protocol);
	fi->state = BPF_CORE_READ(sk, __sk_common.skc_state);
	fi->lport = BPF_CORE_READ(sk, __sk_common.skc_num);
	fi->rport = __builtin_bswap16(BPF_CORE_READ(sk, __sk_common.skc_dport));
	/* BPF_CORE_READ_INTO would copy sizeof(element): one byte of the array */
	if (fi->family == 2 /* AF_INET */) {
		bpf_core_read(fi->laddr, 4, &sk->__sk_common.skc_rcv_saddr);
		bpf_core_read(fi->raddr, 4, &sk->__sk_common.skc_daddr);
	} else if (fi->family == 10 /* AF_INET6 */) {
		bpf_core_read(fi->laddr, 16, &sk->__sk_common.skc_v6_rcv_saddr);
		bpf_core_read(fi->raddr, 16, &sk->__sk_common.skc_v6_daddr);
	} else if (fi->family == 16 /* AF_NETLINK */) {
		fi->lport32 = BPF_CORE_READ((struct netlink_sock *)sk, portid);
		fi->rport32 = BPF_CORE_READ((struct netlink_sock *)sk, dst_portid);
	}
	pp = BPF_CORE_READ(sk, sk_peer_pid);
	if (pp)
		fi->peer_pid = BPF_CORE_READ(pp, numbers[0].nr);
	if (fi->family != 1 /* AF_UNIX */)
		return;
	peer = BPF_CORE_READ((struct unix_sock *)sk, peer);
	if (peer) {
		struct socket *ps = BPF_CORE_READ(peer, sk_socket);
		struct socket_alloc *sa =
			(void *)ps - bpf_core_field_offset(struct socket_alloc, socket);

		if (ps)
			fi->peer_ino = BPF_CORE_READ(sa, vfs_inode.i_ino);
	}
}

/* A unix socket's bound name, or an anon inode's "[eventfd]": the name part. */
static __always_inline __u32 fdi_short_name(struct sr_scratch *s, __u32 at, struct file *f,
					    struct sr_fdinfo *fi)
{
	__u32 len = 0;
	void *dst = s->buf + (at & (SR_REC_MAX - 1));

	if (fi->magic == ANON_INODE_FS_MAGIC_) {
		struct dentry *d = BPF_CORE_READ(f, f_path.dentry);

		len = BPF_CORE_READ(d, d_name.len) & 255;
		if (bpf_probe_read_kernel(dst, len, BPF_CORE_READ(d, d_name.name)))
			len = 0;
	} else if (fi->magic == SOCKFS_MAGIC_ && fi->family == 1) {
		struct socket *sock = BPF_CORE_READ(f, private_data);
		struct unix_sock *us = (void *)BPF_CORE_READ(sock, sk);
		struct unix_address *ua = BPF_CORE_READ(us, addr);
		int alen = ua ? BPF_CORE_READ(ua, len) : 0;

		/* sockaddr_un: 2 bytes of family, then the path (abstract: a NUL first) */
		len = alen > 2 ? (alen - 2) & 127 : 0;
		if (len && bpf_probe_read_kernel(dst, len, (void *)ua->name + 2))
			len = 0;
	}
	return len;
}

/*
 * Append a blob (argument slot SR_ARG_FDINFO) describing @fd of the current
 * task; @src tells which argument or return value it came from.
 */
__noinline __u32 put_fdinfo(__u32 off, __s64 fd, __u32 src)
{
	struct sr_scratch *s = scratch_get();
	struct sr_fdinfo *fi;
	struct sr_blob *b;
	struct inode *ino;
	struct file *f;
	__u32 at, len = 0;

	if (!s || fd < 0 || off > SR_REC_MAX - SR_BLOB_MAX - sizeof(*b) - sizeof(*fi))
		return off;
	f = fd_file(fd);
	if (!f)
		return off;
	asm volatile("%0 &= 0x3fff" : "+r"(off));
	b = (void *)(s->buf + off);
	fi = (void *)(b + 1);
	__builtin_memset(fi, 0, sizeof(*fi));
	fi->fd = fd;
	fi->src = src;
	ino = BPF_CORE_READ(f, f_inode);
	fi->mode = BPF_CORE_READ(ino, i_mode);
	fi->ino = BPF_CORE_READ(ino, i_ino);
	fi->rdev = BPF_CORE_READ(ino, i_rdev);
	fi->dev = BPF_CORE_READ(ino, i_sb, s_dev);
	fi->magic = BPF_CORE_READ(ino, i_sb, s_magic);
	at = off + sizeof(*b) + sizeof(*fi);
	if ((fi->mode & 0170000) == 0140000 && fi->magic == SOCKFS_MAGIC_)
		fdi_socket(fi, f);
	if (fi->magic == SOCKFS_MAGIC_ || fi->magic == ANON_INODE_FS_MAGIC_) {
		len = fdi_short_name(s, at, f, fi);
	} else if (fi->magic != PIPEFS_MAGIC_) {
		struct dentry *d = BPF_CORE_READ(f, f_path.dentry);

		int n = walk_path((__u64)d, (__u64)BPF_CORE_READ(f, f_path.mnt));

		if (n & FDI_PSEUDO)
			fi->flags |= SR_FDI_DELETED;
		len = join_path(at, n & (FDI_PSEUDO - 1));
		if ((n & FDI_DEEP) || (len & FDI_LONG))
			fi->flags |= SR_FDI_TRUNC;
		len &= FDI_LONG - 1;
		/* unlinked: no longer hashed, and not a root */
		if (!BPF_CORE_READ(d, d_hash.pprev) && BPF_CORE_READ(d, d_parent) != d)
			fi->flags |= SR_FDI_DELETED;
	}
	len &= SR_BLOB_MAX - 1;
	fi->namelen = len;
	b->arg = SR_ARG_FDINFO;
	b->flags = 0;
	b->aux = 0;
	b->len = sizeof(*fi) + len;
	return off + sizeof(*b) + SR_ALIGN8(sizeof(*fi) + len);
}

#endif /* SYSRAY_FDINFO_BPF_H */
