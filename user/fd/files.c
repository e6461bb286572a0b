// SPDX-License-Identifier: GPL-2.0
/*
 * File objects (struct fdf_file): made from the kernel side's descriptions
 * (struct sr_fdinfo blobs) or from /proc, shared by reference; the path and
 * socket indexes that find them; what strace would call a socket; and the
 * storage of the SCM_RIGHTS queue, which holds references to them.
 */
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include "call/call.h"
#include "table/syscalls.h"
#include "table/xlat.h"
#include "fd/model.h"

/* FNV-1a: the path index key. */
#define FNV_BASIS 0xcbf29ce484222325ULL
#define FNV_PRIME 0x100000001b3ULL

uint64_t fdf__path_hash(const char *s, size_t n)
{
	uint64_t h = FNV_BASIS;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= FNV_PRIME;
	}
	return h;
}

static void dirs_add(struct sr_fdtab *t, uint64_t h, int delta)
{
	uintptr_t n = (uintptr_t)idmap__get(&t->dirs, h) + delta;

	if (n)
		idmap__put(&t->dirs, h, (void *)n);
	else
		idmap__del(&t->dirs, h);
}

/*
 * Count @delta for every directory above @name (@len bytes), and @name
 * itself if @self: rename() and rmdir() of a directory nothing is under
 * then cost one lookup, not a scan of every path.
 */
void fdf__dirs_count(struct sr_fdtab *t, const char *name, size_t len, bool self, int delta)
{
	uint64_t h = FNV_BASIS;
	size_t k;

	for (k = 0; k < len; k++) {
		if (k && name[k] == '/')
			dirs_add(t, h, delta);
		h ^= (unsigned char)name[k];
		h *= FNV_PRIME;
	}
	if (self && len > 1)
		dirs_add(t, h, delta);
}

bool fdf__dirs_used(const struct sr_fdtab *t, const char *path, size_t len)
{
	return len <= 1 || idmap__get(&t->dirs, fdf__path_hash(path, len));
}

static void path_index(struct sr_fdtab *t, struct fdf_file *f)
{
	if (f->kind != FDF_PATH || (f->flags & (FDF_DELETED | FDF_INDEXED)) || !f->namelen)
		return;
	f->hkey = fdf__path_hash(f->name, f->namelen);
	f->hnext = idmap__get(&t->paths, f->hkey);
	if (idmap__put(&t->paths, f->hkey, f))
		return;
	f->flags |= FDF_INDEXED;
	fdf__dirs_count(t, f->name, f->namelen, false, 1);
}

void fdf__unindex_path(struct sr_fdtab *t, struct fdf_file *f)
{
	struct fdf_file *head, *p;

	if (!(f->flags & FDF_INDEXED))
		return;
	f->flags &= ~FDF_INDEXED;
	fdf__dirs_count(t, f->name, f->namelen, false, -1);
	head = idmap__get(&t->paths, f->hkey);
	if (head == f) {
		if (f->hnext)
			idmap__put(&t->paths, f->hkey, f->hnext);
		else
			idmap__del(&t->paths, f->hkey);
		return;
	}
	for (p = head; p && p->hnext != f; p = p->hnext)
		;
	if (p)
		p->hnext = f->hnext;
}

void fdf__index(struct sr_fdtab *t, struct fdf_file *f)
{
	path_index(t, f);
	if (f->kind == FDF_SOCKET && f->ino)
		idmap__put(&t->socks, f->ino, f);
}

int fdf__set_name(struct fdf_file *f, const char *name, size_t len)
{
	char *n = malloc(len + 1);

	if (!n)
		return -ENOMEM;
	memcpy(n, name, len);
	n[len] = '\0';
	free(f->name);
	f->name = n;
	f->namelen = len;
	return 0;
}

void fdf__rename(struct sr_fdtab *t, struct fdf_file *f, const char *name, size_t len)
{
	fdf__unindex_path(t, f);
	if (!fdf__set_name(f, name, len))
		path_index(t, f);
}

struct fdf_file *fdf__new(struct sr_fdtab *t, uint8_t kind, const char *name, size_t namelen)
{
	struct fdf_file *f = calloc(1, sizeof(*f));

	if (!f)
		return NULL;
	f->refs = 1;
	f->kind = kind;
	if (kind == FDF_SOCKET)
		f->sk = calloc(1, sizeof(*f->sk));
	if ((kind == FDF_SOCKET && !f->sk) ||
	    fdf__set_name(f, name ? name : "", name ? namelen : 0)) {
		free(f->sk);
		free(f);
		return NULL;
	}
	t->nfiles++;
	return f;
}

void fdf__put(struct sr_fdtab *t, struct fdf_file *f)
{
	if (!f || --f->refs)
		return;
	fdf__unindex_path(t, f);
	if (f->kind == FDF_SOCKET && idmap__get(&t->socks, f->ino) == f) {
		idmap__del(&t->socks, f->ino);
		/* what was sent to it can no longer be received */
		fly__drop(t, f->ino);
	}
	free(f->name);
	free(f->sk);
	free(f);
	t->nfiles--;
}

static uint8_t kind_of(const struct sr_fdinfo *fi)
{
	switch (fi->magic) {
	case SOCKFS_MAGIC:
		return S_ISSOCK(fi->mode) ? FDF_SOCKET : FDF_RAW;
	case PIPEFS_MAGIC:
		return FDF_PIPE;
	case ANON_INODE_FS_MAGIC:
		return FDF_ANON;
	case PIDFS_MAGIC:
		return FDF_PIDFD;
	case NSFS_MAGIC:
		return FDF_RAW;
	}
	return FDF_PATH;
}

static void sock_from_info(struct fdf_sock *sk, const struct sr_fdinfo *fi)
{
	sk->family = fi->family;
	sk->type = fi->type;
	sk->protocol = fi->protocol;
	sk->state = fi->state;
	sk->lport = fi->lport;
	sk->rport = fi->rport;
	sk->lport32 = fi->lport32;
	memcpy(sk->laddr, fi->laddr, sizeof(sk->laddr));
	memcpy(sk->raddr, fi->raddr, sizeof(sk->raddr));
	sk->peer_ino = fi->peer_ino;
	sk->peer_pid = fi->peer_pid;
	sk->peer_comm[0] = '\0';
}

void fdf__init_from_info(struct fdf_file *f, struct fdf_sock *sk, const struct sr_fdinfo *fi)
{
	memset(f, 0, sizeof(*f));
	f->refs = 1;
	f->kind = kind_of(fi);
	f->mode = fi->mode;
	f->rdev = fi->rdev;
	f->magic = fi->magic;
	f->ino = fi->ino;
	f->name = (char *)(fi + 1);
	f->namelen = fi->namelen;
	if (fi->flags & SR_FDI_DELETED)
		f->flags |= FDF_DELETED;
	/* before pidfs (6.9), a pidfd was an anon inode */
	if (f->kind == FDF_ANON && f->namelen == FDF_PIDFD_LEN &&
	    !memcmp(f->name, FDF_PIDFD_NAME, FDF_PIDFD_LEN))
		f->kind = FDF_PIDFD;
	if (f->kind == FDF_SOCKET && sk) {
		memset(sk, 0, sizeof(*sk));
		sock_from_info(sk, fi);
		f->sk = sk;
		f->flags |= FDF_SK_KNOWN;
	}
}

/*
 * A connected unix stream socket learned with its peer: the peer's own
 * description, taken when it had none yet (connect returns before accept
 * gives the other end its inode), gets the link back, as sock_diag shows it.
 */
static void link_peer(struct sr_fdtab *t, const struct fdf_file *f)
{
	struct fdf_file *x;

	if (f->kind != FDF_SOCKET || f->sk->family != AF_UNIX || f->sk->type == SOCK_DGRAM ||
	    !f->sk->peer_ino)
		return;
	x = idmap__get(&t->socks, f->sk->peer_ino);
	if (!x || !x->sk || x->sk->peer_ino || x->sk->family != AF_UNIX || (x->flags & FDF_FROZEN))
		return;
	x->sk->peer_ino = f->ino;
	x->flags &= ~FDF_PEER_DONE;
}

struct fdf_file *fdf__from_info(struct sr_fdtab *t, const struct sr_fdinfo *fi, uint32_t owner)
{
	struct fdf_file tmp, *f;
	struct fdf_sock sk;

	fdf__init_from_info(&tmp, &sk, fi);
	f = fdf__new(t, tmp.kind, tmp.name, tmp.namelen);
	if (!f)
		return NULL;
	f->flags = tmp.flags;
	f->mode = tmp.mode;
	f->rdev = tmp.rdev;
	f->magic = tmp.magic;
	f->ino = tmp.ino;
	f->owner = owner;
	if (f->sk)
		*f->sk = sk;
	fdf__index(t, f);
	link_peer(t, f);
	return f;
}

void fdf__update(struct sr_fdtab *t, struct fdf_file *f, const struct sr_fdinfo *fi)
{
	if (f->kind != FDF_SOCKET || kind_of(fi) != FDF_SOCKET || (f->flags & FDF_FROZEN))
		return;
	sock_from_info(f->sk, fi);
	f->flags |= FDF_SK_KNOWN;
	f->flags &= ~FDF_PEER_DONE;
	fdf__set_name(f, (const char *)(fi + 1), fi->namelen);
	link_peer(t, f);
}

/*
 * A namespace file opened by its /proc path ("/proc/self/ns/net"): named
 * "net:[4026531840]" as /proc shows it. The kind is the path's last
 * component (pid_for_children is a pid namespace).
 */
static int ns_name(const struct fdf_file *f, const struct sr_call *c, char *buf, size_t size)
{
	static const char children[] = "_for_children";
	const size_t clen = sizeof(children) - 1;
	int i = c->ent->nargs && c->ent->args[0].type == SR_T_DIRFD ? 1 : 0;
	const char *path, *base;
	size_t len, blen;

	if (c->ent->args[i].type != SR_T_PATH)
		return -1;
	path = fdi__path_arg(c, i, &len);
	if (!path || !len)
		return -1;
	base = memrchr(path, '/', len);
	base = base ? base + 1 : path;
	blen = len - (base - path);
	if (blen > clen && !memcmp(base + blen - clen, children, clen))
		blen -= clen;
	return snprintf(buf, size, "%.*s:[%llu]", (int)blen, base, (unsigned long long)f->ino);
}

void fdf__fixup(struct fdf_file *f, const struct sr_call *c, char *buf, size_t size)
{
	const struct sr_blob *b;
	int n = -1;

	if (f->kind == FDF_PIDFD && SR_FDACT(c->ent) == SR_FD_PIDFD)
		f->pid = (uint32_t)c->args[0];
	if (f->namelen > 1)
		return;
	if (f->magic == NSFS_MAGIC) {
		n = ns_name(f, c, buf, size);
	} else if (f->kind == FDF_PATH && SR_FDACT(c->ent) == SR_FD_MEMFD) {
		/* d_path shows "/memfd:NAME (deleted)" */
		b = c->in[0];
		/* the whole name: a copy that ends before its NUL holds only part of it */
		if (b && !(b->flags & (SR_BF_FAULT | SR_BF_NULL | SR_BF_TRUNC)) &&
		    memchr(blob_data(b), 0, b->len))
			n = snprintf(buf, size, "/memfd:%.*s", (int)strnlen(blob_data(b), b->len),
				     (const char *)blob_data(b));
		f->flags |= FDF_DELETED;
	}
	if (n < 0 || (size_t)n >= size)
		return;
	f->name = buf;
	f->namelen = n;
}

const char *fdf__proto(const struct fdf_sock *sk)
{
	bool v6 = sk->family == AF_INET6;

	switch (sk->family) {
	case AF_UNIX:
		return sk->type == SOCK_STREAM ? "UNIX-STREAM" : "UNIX";
	case AF_NETLINK:
		return "NETLINK";
	case AF_INET:
	case AF_INET6:
		break;
	default:
		return sk->proto[0] ? sk->proto : NULL;
	}
	switch (sk->protocol) {
	case IPPROTO_TCP:
		return sk->type == SOCK_STREAM ? (v6 ? "TCPv6" : "TCP") : NULL;
	case IPPROTO_UDP:
		return v6 ? "UDPv6" : "UDP";
	case IPPROTO_UDPLITE:
		return v6 ? "UDPLITEv6" : NULL; /* the kernel calls v4 "UDP-Lite" */
	case IPPROTO_ICMP:
	case IPPROTO_ICMPV6:
		return sk->type == SOCK_DGRAM ? (v6 ? "PINGv6" : "PING") : (v6 ? "RAWv6" : "RAW");
	case IPPROTO_SCTP:
		return v6 ? "SCTPv6" : "SCTP";
	case IPPROTO_DCCP:
		return v6 ? "DCCPv6" : "DCCP";
	}
	return sk->type == SOCK_RAW ? (v6 ? "RAWv6" : "RAW") : NULL;
}

/* Would inet_diag list it? Only TCP and UDP are there by default. */
static bool inet_listed(const struct sr_fdtab *t, const struct fdf_sock *sk)
{
	if (sk->protocol == IPPROTO_TCP)
		return sk->state != TCP_CLOSE || (sk->lport && t->bound_inactive);
	if (sk->protocol == IPPROTO_UDP || sk->protocol == IPPROTO_UDPLITE)
		return sk->lport != 0;
	return false;
}

bool fdf__listed(const struct sr_fdtab *t, const struct fdf_file *f)
{
	const struct fdf_sock *sk = f->sk;

	if (!sk || !(f->flags & FDF_SK_KNOWN) || !fdf__proto(sk))
		return false;
	switch (sk->family) {
	case AF_UNIX:
		return sk->peer_ino || f->namelen;
	case AF_NETLINK:
		return sk->lport32;
	case AF_INET:
	case AF_INET6:
		return inet_listed(t, sk);
	}
	return false;
}

void fdf__freeze_if_listed(const struct sr_fdtab *t, struct fdf_file *f)
{
	if (t->mode >= 2 && f->kind == FDF_SOCKET && fdf__listed(t, f))
		f->flags |= FDF_FROZEN;
}

void fly__drop(struct sr_fdtab *t, uint64_t ino)
{
	size_t i, j = 0;

	for (i = 0; i < t->nfly; i++) {
		if (t->fly[i].ino == ino)
			fdf__put(t, t->fly[i].f);
		else
			t->fly[j++] = t->fly[i];
	}
	t->nfly = j;
}

void fly__clear(struct sr_fdtab *t)
{
	while (t->nfly)
		fdf__put(t, t->fly[--t->nfly].f);
}

const struct sr_fdinfo *fdi__next(const struct sr_call *c, const struct sr_blob **it)
{
	const struct sr_hdr *h;
	const struct sr_blob *b;

	if (!c->has_exit || !c->out_start)
		return NULL;
	if (!*it) {
		/* the fdinfo blobs follow the exit's (or the whole call's) own blobs */
		h = (const struct sr_hdr *)c->out_start;
		b = (const struct sr_blob *)(c->out_start + (h->type == SR_REC_CALL ?
								     sizeof(struct sr_callrec) :
								     sizeof(struct sr_exit)));
		if (!blob_valid(b, c->out_end))
			return NULL;
	} else {
		b = blob_next(*it, c->out_end);
	}
	for (; b; b = blob_next(b, c->out_end)) {
		const struct sr_fdinfo *fi = blob_data(b);

		if (b->arg != SR_ARG_FDINFO || b->len < sizeof(*fi) ||
		    fi->namelen > b->len - sizeof(*fi))
			continue;
		*it = b;
		return fi;
	}
	return NULL;
}

const struct sr_fdinfo *fdi__find(const struct sr_call *c, int fd, unsigned int src)
{
	const struct sr_blob *it = NULL;
	const struct sr_fdinfo *fi;

	while ((fi = fdi__next(c, &it)))
		if (fi->fd == fd && fi->src == src)
			return fi;
	return NULL;
}

const char *fdi__path_arg(const struct sr_call *c, int i, size_t *len)
{
	const struct sr_blob *b = call__blob(c, i, false);
	const char *s;

	if (!b || (b->flags & (SR_BF_FAULT | SR_BF_NULL)))
		return NULL;
	s = blob_data(b);
	*len = strnlen(s, b->len);
	return s;
}

/* Not "no exit", as decode/process.c's failed() is. */
bool fdi__failed(const struct sr_call *c)
{
	return c->ret < 0 && c->ret >= -FDF_MAX_ERRNO;
}

/* Actions are by native number; an ia32 task's calls print raw and teach nothing. */
bool fdi__native(const struct sr_call *c)
{
	const struct sr_sysent *e;

	if (c->nr < 0 || c->nr >= SR_NR_MAX)
		return false;
	/* the number's row, or one of its rows by command (bpf's) */
	e = syscalls__get(c->nr);
	return c->ent == e || (e->subs && c->ent >= e->subs && c->ent < e->subs + e->nsubs);
}
