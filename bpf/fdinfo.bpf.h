/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What a file descriptor is, read from the kernel at the moment a syscall
 * creates or changes it (-y, -yy): the file's path as the kernel resolves
 * it, or the socket's addresses and peer. User space keeps the result in
 * its fd tables, so processes that have long exited still print right.
 *
 * Only sys_exit_fdi, the sys_exit loaded with -y, describes fds. The many
 * kernel types that takes would cost every start-up time in libbpf (each
 * CO-RE relocation against a new type searches all of the kernel's BTF),
 * which libbpf skips for a program it does not load, but not for functions
 * in .text, which it relocates whether or not a loaded program calls them.
 * So the functions here, global to be verified once, hold no relocation:
 * they read fields at offsets that sys_exit_fdi resolves (fdi_offsets_set())
 * and leaves in the scratch.
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

/* Read @size (8, 4, 2 or 1) bytes of kernel memory at @addr as a number (0 if it faults). */
static __always_inline __u64 rdk(__u64 addr, __u32 size)
{
	__u64 v = 0; /* little-endian: the low bytes */

	bpf_probe_read_kernel(&v, size, (const void *)addr);
	return v;
}

#define rd64(a) rdk((a), 8)
#define rd32(a) ((__u32)rdk((a), 4))
#define rd16(a) ((__u16)rdk((a), 2))
#define rd8(a)	((__u8)rdk((a), 1))

/* Resolve the offsets the functions below read at (CO-RE, in sys_exit_fdi only). */
static __always_inline void fdi_offsets_set(struct sr_fdi_offsets *o)
{
#define FDI_OFF(type, field) o->type##__##field = bpf_core_field_offset(struct type, field);
	SR_FDI_FIELDS(FDI_OFF)
#undef FDI_OFF
}

/* The current task's file at @fd, or 0. */
static __always_inline __u64 fd_file(const struct sr_fdi_offsets *o, __u32 fd)
{
	__u64 t = bpf_get_current_task();
	__u64 fdt = rd64(rd64(t + o->task_struct__files) + o->files_struct__fdt);

	if (!fdt || fd >= rd32(fdt + o->fdtable__max_fds))
		return 0;
	return rd64(rd64(fdt + o->fdtable__fd) + (__u64)fd * 8);
}

/* walk_path()'s state: where the walk is, what it has found. */
struct path_walk {
	__u64 d; /* struct dentry * */
	__u64 vm; /* struct vfsmount * */
	__u64 m; /* struct mount *, vm's */
	__u64 root; /* the task's root dentry and mount */
	__u64 root_mnt;
	__u32 n; /* component slots used */
	__u16 pseudo; /* FDI_PSEUDO: a file named by its own dentry */
	__u16 top; /* at a mount without a parent */
};

/* Component slot @i: a name of @len bytes at kernel address @name. */
static __always_inline void comp_set(struct sr_scratch *s, __u32 i, __u64 name, __u32 len)
{
	struct fdi_comp *c = (void *)(s->buf + FDI_COMPS_OFF + (i & (FDI_MAX_COMPS - 1)) * 16);

	c->name = name;
	c->len = len;
}

/*
 * One step up the path: a component, or a mount crossing (a slot with
 * length 0, which keeps every step alike for the verifier).
 */
SR_STEP path_step(__u32 i, void *ctx)
{
	struct path_walk *w = ctx;
	struct sr_scratch *s = scratch_get();
	const struct sr_fdi_offsets *o;
	__u64 d = w->d, parent, mp, name;

	if (!s || (d == w->root && w->vm == w->root_mnt))
		return 1;
	o = &s->fdo;
	name = d + o->dentry__d_name;
	parent = rd64(d + o->dentry__d_parent);
	if (d != rd64(w->vm + o->vfsmount__mnt_root) && d != parent) {
		comp_set(s, i, rd64(name + o->qstr__name), rd32(name + o->qstr__len));
		w->d = parent;
		w->n = i + 1;
		return 0;
	}
	mp = rd64(w->m + o->mount__mnt_parent);
	if (mp == w->m) {
		/*
		 * A mount without a parent: the namespace's root, or an
		 * internal one (memfd, nsfs) whose files are their own root;
		 * those are named by their dentry, as d_path does.
		 */
		if (!i && d == parent && rd32(name + o->qstr__len) > 1) {
			comp_set(s, 0, rd64(name + o->qstr__name), rd32(name + o->qstr__len));
			w->n = 1;
			/* alloc_file_pseudo's files: d_path adds " (deleted)" */
			w->pseudo = FDI_PSEUDO;
		}
		w->top = 1;
		return 1;
	}
	comp_set(s, i, 0, 0);
	w->d = rd64(w->m + o->mount__mnt_mountpoint);
	w->m = mp;
	w->vm = mp + o->mount__mnt;
	w->n = i + 1;
	return 0;
}

/*
 * Collect the path's components, leaf first, into the scratch area; cross
 * mount points up to the task's root. Returns how many slots were used,
 * with FDI_PSEUDO or FDI_DEEP. A global function: verified once, on its own.
 */
__noinline int walk_path(__u64 dentry, __u64 vfsmnt)
{
	struct sr_scratch *s = scratch_get();
	const struct sr_fdi_offsets *o;
	struct path_walk w = { .d = dentry, .vm = vfsmnt };
	__u64 root;

	if (!s)
		return 0;
	o = &s->fdo;
	w.m = vfsmnt - o->mount__mnt;
	root = rd64(bpf_get_current_task() + o->task_struct__fs) + o->fs_struct__root;
	w.root = rd64(root + o->path__dentry);
	w.root_mnt = rd64(root + o->path__mnt);
	sr_loop(FDI_MAX_COMPS, path_step, &w);
	/* out of slots before the root: user space must not take it for the whole path */
	if (!w.top && !(w.d == w.root && w.vm == w.root_mnt))
		return w.n | FDI_DEEP;
	return w.n | w.pseudo;
}

/* join_path()'s state. */
struct path_join {
	__u32 at; /* scratch offset of the name */
	__u32 n; /* components */
	__u32 pos; /* bytes written */
	__u32 cut; /* FDI_LONG */
};

/* Component n - 1 - @k (root first): "/" and its name. */
SR_STEP join_step(__u32 k, void *ctx)
{
	struct path_join *j = ctx;
	struct sr_scratch *s = scratch_get();
	__u32 pos = j->pos, len, dst;
	struct fdi_comp *c;

	if (!s || k >= j->n)
		return 1;
	c = (void *)(s->buf + FDI_COMPS_OFF + ((j->n - 1 - k) & (FDI_MAX_COMPS - 1)) * sizeof(*c));
	if (!c->len)
		return 0;
	if (pos > SR_BLOB_MAX - 256 - 2) {
		j->cut = FDI_LONG;
		return 1;
	}
	dst = (j->at + pos) & (SR_REC_MAX - 1);
	s->buf[dst] = '/';
	len = c->len & 255;
	dst = (j->at + pos + 1) & (SR_REC_MAX - 1);
	if (bpf_probe_read_kernel(s->buf + dst, len, (const void *)c->name)) {
		j->cut = FDI_LONG;
		return 1;
	}
	pos += len + 1;
	/* for the verifier: the same range after every step */
	asm volatile("%0 &= 0xfff" : "+r"(pos));
	j->pos = pos;
	return 0;
}

/*
 * Write the collected components, root first, at scratch offset @at; return
 * the length, with FDI_LONG if some did not fit.
 */
__noinline __u32 join_path(__u32 at, int n)
{
	struct path_join j = { .at = at, .n = n };
	struct sr_scratch *s;

	if (at > SR_REC_MAX)
		return 0;
	sr_loop(FDI_MAX_COMPS, join_step, &j);
	s = scratch_get();
	if (s && !j.pos)
		s->buf[at & (SR_REC_MAX - 1)] = '/';
	return (j.pos ? j.pos : 1) | j.cut;
}

/* A socket's family, addresses, ports and peer. */
static __always_inline void fdi_socket(const struct sr_fdi_offsets *o, struct sr_fdinfo *fi,
				       __u64 f)
{
	__u64 sk = rd64(rd64(f + o->file__private_data) + o->socket__sk), peer, pp, ps;

	fi->family = rd16(sk + o->sock_common__skc_family);
	fi->type = rd16(sk + o->sock__sk_type);
	fi->protocol = rd16(sk + o->sock__sk_protocol);
	fi->state = rd8(sk + o->sock_common__skc_state);
	fi->lport = rd16(sk + o->sock_common__skc_num);
	fi->rport = __builtin_bswap16(rd16(sk + o->sock_common__skc_dport));
	if (fi->family == 2 /* AF_INET */) {
		bpf_probe_read_kernel(fi->laddr, 4, (void *)(sk + o->sock_common__skc_rcv_saddr));
		bpf_probe_read_kernel(fi->raddr, 4, (void *)(sk + o->sock_common__skc_daddr));
	} else if (fi->family == 10 /* AF_INET6 */) {
		bpf_probe_read_kernel(fi->laddr, 16,
				      (void *)(sk + o->sock_common__skc_v6_rcv_saddr));
		bpf_probe_read_kernel(fi->raddr, 16, (void *)(sk + o->sock_common__skc_v6_daddr));
	} else if (fi->family == 16 /* AF_NETLINK */) {
		fi->lport32 = rd32(sk + o->netlink_sock__portid);
		fi->rport32 = rd32(sk + o->netlink_sock__dst_portid);
	}
	pp = rd64(sk + o->sock__sk_peer_pid);
	if (pp)
		fi->peer_pid = rd32(pp + o->pid__numbers + o->upid__nr);
	if (fi->family != 1 /* AF_UNIX */)
		return;
	peer = rd64(sk + o->unix_sock__peer);
	ps = peer ? rd64(peer + o->sock__sk_socket) : 0;
	/* the socket's inode: the socket and the inode are allocated together */
	if (ps)
		fi->peer_ino = rd64(ps - o->socket_alloc__socket + o->socket_alloc__vfs_inode +
				    o->inode__i_ino);
}

/* A unix socket's bound name, or an anon inode's "[eventfd]": the name part. */
static __always_inline __u32 fdi_short_name(const struct sr_fdi_offsets *o, struct sr_scratch *s,
					    __u32 at, __u64 f, struct sr_fdinfo *fi)
{
	void *dst = s->buf + (at & (SR_REC_MAX - 1));
	__u32 len = 0;

	if (fi->magic == ANON_INODE_FS_MAGIC_) {
		__u64 name = rd64(f + o->file__f_path + o->path__dentry) + o->dentry__d_name;

		len = rd32(name + o->qstr__len) & 255;
		if (bpf_probe_read_kernel(dst, len, (void *)rd64(name + o->qstr__name)))
			len = 0;
	} else if (fi->magic == SOCKFS_MAGIC_ && fi->family == 1) {
		__u64 sk = rd64(rd64(f + o->file__private_data) + o->socket__sk);
		__u64 ua = rd64(sk + o->unix_sock__addr);
		int alen = ua ? (int)rd32(ua + o->unix_address__len) : 0;

		/* sockaddr_un: 2 bytes of family, then the path (abstract: a NUL first) */
		len = alen > 2 ? (alen - 2) & 127 : 0;
		if (len &&
		    bpf_probe_read_kernel(dst, len, (void *)(ua + o->unix_address__name + 2)))
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
	const struct sr_fdi_offsets *o;
	struct sr_fdinfo *fi;
	struct sr_blob *b;
	__u64 f, ino, sb;
	__u32 at, len = 0;

	if (!s || fd < 0 || off > SR_REC_MAX - SR_BLOB_MAX - sizeof(*b) - sizeof(*fi))
		return off;
	o = &s->fdo;
	f = fd_file(o, fd);
	if (!f)
		return off;
	asm volatile("%0 &= 0x3fff" : "+r"(off));
	b = (void *)(s->buf + off);
	fi = (void *)(b + 1);
	__builtin_memset(fi, 0, sizeof(*fi));
	fi->fd = fd;
	fi->src = src;
	ino = rd64(f + o->file__f_inode);
	sb = rd64(ino + o->inode__i_sb);
	fi->mode = rd16(ino + o->inode__i_mode);
	fi->ino = rd64(ino + o->inode__i_ino);
	fi->rdev = rd32(ino + o->inode__i_rdev);
	fi->dev = rd32(sb + o->super_block__s_dev);
	fi->magic = rd64(sb + o->super_block__s_magic);
	at = off + sizeof(*b) + sizeof(*fi);
	if ((fi->mode & 0170000) == 0140000 && fi->magic == SOCKFS_MAGIC_)
		fdi_socket(o, fi, f);
	if (fi->magic == SOCKFS_MAGIC_ || fi->magic == ANON_INODE_FS_MAGIC_) {
		len = fdi_short_name(o, s, at, f, fi);
	} else if (fi->magic != PIPEFS_MAGIC_) {
		__u64 d = rd64(f + o->file__f_path + o->path__dentry);
		int n = walk_path(d, rd64(f + o->file__f_path + o->path__mnt));

		if (n & FDI_PSEUDO)
			fi->flags |= SR_FDI_DELETED;
		len = join_path(at, n & (FDI_PSEUDO - 1));
		if ((n & FDI_DEEP) || (len & FDI_LONG))
			fi->flags |= SR_FDI_TRUNC;
		len &= FDI_LONG - 1;
		/* unlinked: no longer hashed (d_hash.pprev), and not a root */
		s = scratch_get();
		if (s && !rd64(d + s->fdo.dentry__d_hash + s->fdo.hlist_bl_node__pprev) &&
		    rd64(d + s->fdo.dentry__d_parent) != d)
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

/*
 * -y/-yy: describe the fds the call with the plan at @key created or
 * changed (its arguments and return value in the scratch).
 */
__noinline __u32 capture_fdinfo(__u32 off, __u32 key)
{
	const struct sr_plan *plan = plan_get(key);
	struct sr_scratch *s = scratch_get();
	int fds[2] = { -1, -1 };
	__u64 pair;
	long ret;

	if (!plan || !s)
		return off;
	ret = s->ret;
	pair = s->args[plan->fdi_arg & 7];
	/* even after a failure: a non-blocking connect (EINPROGRESS) has its addresses */
	if (plan->flags & SR_PLAN_FDI_ARG0)
		off = put_fdinfo(off, (int)s->args[0], 0);
	if (ret < 0)
		return off;
	if (plan->flags & SR_PLAN_FDI_RET)
		off = put_fdinfo(off, ret, SR_FDI_SRC_RET);
	if ((plan->flags & SR_PLAN_FDI_PAIR) &&
	    !bpf_probe_read_user(fds, sizeof(fds), (const void *)pair)) {
		off = put_fdinfo(off, fds[0], SR_FDI_SRC_RET);
		off = put_fdinfo(off, fds[1], SR_FDI_SRC_RET);
	}
	return off;
}

#endif /* SYSRAY_FDINFO_BPF_H */
