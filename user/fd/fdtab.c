// SPDX-License-Identifier: GPL-2.0
/*
 * The fd tables: learned from the syscall stream (see fdtab.h). This file
 * keeps the tables and replays what each syscall does to them; fdfmt.c
 * prints annotations, fdproc.c holds the /proc fallbacks.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/fanotify.h>
#include <sys/inotify.h>
#include <sys/mman.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/timerfd.h>
#include <sys/utsname.h>
#include <linux/bpf.h>
#include <linux/mount.h>
#include <linux/perf_event.h>
#include <linux/seccomp.h>

#include "decode/decode.h"
#include "fd/fdtab.h"
#include "fd/fdtab_impl.h"
#include "host/proc.h"
#include "cli/opts.h"

enum fdt_action {
	ACT_NONE = 0,
	ACT_NEWFD, /* returns a new fd, described by an fdinfo blob */
	ACT_DUP, /* dup, dup2, dup3: the new fd shares args[0]'s file */
	ACT_PAIR, /* pipe, pipe2, socketpair: two new fds */
	ACT_SOCKUPD, /* -yy: connect, bind...: a blob says what args[0] is now */
	ACT_CLOSE,
	ACT_CLOSE_RANGE,
	ACT_FCNTL,
	ACT_EXEC,
	ACT_CHDIR,
	ACT_FCHDIR,
	ACT_UNLINK, /* unlink, rmdir: args[0] */
	ACT_UNLINKAT,
	ACT_RENAME,
	ACT_RENAMEAT, /* renameat, renameat2 */
	ACT_UNSHARE,
	ACT_SENDMSG, /* SCM_RIGHTS out, and as ACT_SOCKUPD */
	ACT_RECVMSG, /* SCM_RIGHTS in */
	ACT_CLONE, /* clone, clone3: CLONE_PIDFD stores a new fd in memory */
	ACT_MAYBE_FD, /* ioctl, bpf, seccomp: some commands return a new fd */
};

/* fdt_act.cx_arg, when not an argument index */
#define CX_NEVER  -1
#define CX_ALWAYS -2
#define CX_HOW	  -3 /* openat2: flags in struct open_how */
#define CX_KEEP	  -4 /* signalfd on an existing fd: unchanged */

struct act_spec {
	const char *name;
	uint8_t act;
	int8_t cx_arg;
	uint32_t cx_mask;
};

/* Calls that change the tables; other fd-returning calls are ACT_NEWFD, CX_NEVER. */
static const struct act_spec specs[] = {
	{ "open", ACT_NEWFD, 1, O_CLOEXEC },
	{ "openat", ACT_NEWFD, 2, O_CLOEXEC },
	{ "openat2", ACT_NEWFD, CX_HOW, O_CLOEXEC },
	{ "open_by_handle_at", ACT_NEWFD, 2, O_CLOEXEC },
	{ "socket", ACT_NEWFD, 1, SOCK_CLOEXEC },
	{ "accept4", ACT_NEWFD, 3, SOCK_CLOEXEC },
	{ "dup", ACT_DUP, CX_NEVER, 0 },
	{ "dup2", ACT_DUP, CX_NEVER, 0 },
	{ "dup3", ACT_DUP, 2, O_CLOEXEC },
	{ "epoll_create1", ACT_NEWFD, 0, EPOLL_CLOEXEC },
	{ "eventfd2", ACT_NEWFD, 1, EFD_CLOEXEC },
	{ "timerfd_create", ACT_NEWFD, 1, TFD_CLOEXEC },
	{ "signalfd", ACT_NEWFD, CX_KEEP, 0 },
	{ "signalfd4", ACT_NEWFD, 3, SFD_CLOEXEC },
	{ "inotify_init1", ACT_NEWFD, 0, IN_CLOEXEC },
	{ "memfd_create", ACT_NEWFD, 1, MFD_CLOEXEC },
	{ "memfd_secret", ACT_NEWFD, 0, O_CLOEXEC },
	{ "fanotify_init", ACT_NEWFD, 0, FAN_CLOEXEC },
	{ "userfaultfd", ACT_NEWFD, 0, O_CLOEXEC },
	{ "perf_event_open", ACT_NEWFD, 4, PERF_FLAG_FD_CLOEXEC },
	{ "fsopen", ACT_NEWFD, 1, FSOPEN_CLOEXEC },
	{ "fsmount", ACT_NEWFD, 1, FSMOUNT_CLOEXEC },
	{ "fspick", ACT_NEWFD, 2, FSPICK_CLOEXEC },
	{ "open_tree", ACT_NEWFD, 2, OPEN_TREE_CLOEXEC },
	{ "mq_open", ACT_NEWFD, 1, O_CLOEXEC },
	/* always close-on-exec */
	{ "pidfd_open", ACT_NEWFD, CX_ALWAYS, 0 },
	{ "pidfd_getfd", ACT_NEWFD, CX_ALWAYS, 0 },
	{ "io_uring_setup", ACT_NEWFD, CX_ALWAYS, 0 },
	{ "landlock_create_ruleset", ACT_NEWFD, CX_ALWAYS, 0 },
	{ "pipe", ACT_PAIR, CX_NEVER, 0 },
	{ "pipe2", ACT_PAIR, 1, O_CLOEXEC },
	{ "socketpair", ACT_PAIR, 1, SOCK_CLOEXEC },
	{ "connect", ACT_SOCKUPD, CX_NEVER, 0 },
	{ "bind", ACT_SOCKUPD, CX_NEVER, 0 },
	{ "listen", ACT_SOCKUPD, CX_NEVER, 0 },
	{ "sendto", ACT_SOCKUPD, CX_NEVER, 0 },
	{ "sendmsg", ACT_SENDMSG, CX_NEVER, 0 },
	{ "recvmsg", ACT_RECVMSG, CX_NEVER, 0 },
	{ "sendmmsg", ACT_SOCKUPD, CX_NEVER, 0 },
	{ "getsockname", ACT_SOCKUPD, CX_NEVER, 0 },
	{ "getpeername", ACT_SOCKUPD, CX_NEVER, 0 },
	{ "shutdown", ACT_SOCKUPD, CX_NEVER, 0 },
	{ "close", ACT_CLOSE, CX_NEVER, 0 },
	{ "close_range", ACT_CLOSE_RANGE, CX_NEVER, 0 },
	{ "fcntl", ACT_FCNTL, CX_NEVER, 0 },
	{ "execve", ACT_EXEC, CX_NEVER, 0 },
	{ "execveat", ACT_EXEC, CX_NEVER, 0 },
	{ "chdir", ACT_CHDIR, CX_NEVER, 0 },
	{ "fchdir", ACT_FCHDIR, CX_NEVER, 0 },
	{ "unlink", ACT_UNLINK, CX_NEVER, 0 },
	{ "rmdir", ACT_UNLINK, CX_NEVER, 0 },
	{ "unlinkat", ACT_UNLINKAT, CX_NEVER, 0 },
	{ "rename", ACT_RENAME, CX_NEVER, 0 },
	{ "renameat", ACT_RENAMEAT, CX_NEVER, 0 },
	{ "renameat2", ACT_RENAMEAT, CX_NEVER, 0 },
	{ "unshare", ACT_UNSHARE, CX_NEVER, 0 },
	/* fds the kernel side does not describe: /proc is asked for them */
	{ "clone", ACT_CLONE, CX_NEVER, 0 },
	{ "clone3", ACT_CLONE, CX_NEVER, 0 },
	{ "ioctl", ACT_MAYBE_FD, CX_NEVER, 0 },
	{ "bpf", ACT_MAYBE_FD, CX_NEVER, 0 },
	{ "seccomp", ACT_MAYBE_FD, CX_NEVER, 0 },
};

/* Did @c return an error (-4095..-1)? Not "no exit", as decode/process.c's failed(). */
static bool ret_is_errno(const struct sr_call *c)
{
	return c->ret < 0 && c->ret >= -4095;
}

/* Files and the indexes */

/* FNV-1a: the path index key. */
static uint64_t path_hash(const char *s, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

/*
 * Count @delta for every directory above @name (@len bytes), and @name
 * itself if @self: rename() and rmdir() of a directory nothing is under
 * then cost one lookup, not a scan of every path.
 */
static void dirs_count(struct sr_fdtab *t, const char *name, size_t len, bool self, int delta)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	uintptr_t n;
	size_t k;

	for (k = 0; k < len; k++) {
		if (k && name[k] == '/') {
			n = (uintptr_t)idmap__get(&t->dirs, h) + delta;
			if (n)
				idmap__put(&t->dirs, h, (void *)n);
			else
				idmap__del(&t->dirs, h);
		}
		h ^= (unsigned char)name[k];
		h *= 0x100000001b3ULL;
	}
	if (self && len > 1) {
		n = (uintptr_t)idmap__get(&t->dirs, h) + delta;
		if (n)
			idmap__put(&t->dirs, h, (void *)n);
		else
			idmap__del(&t->dirs, h);
	}
}

/* Is any indexed path below @path (@len bytes), or any cwd at or below it? */
static bool dirs_used(const struct sr_fdtab *t, const char *path, size_t len)
{
	return len <= 1 || idmap__get(&t->dirs, path_hash(path, len));
}

static void path_index(struct sr_fdtab *t, struct fdf_file *f)
{
	if (f->kind != FDF_PATH || (f->flags & (FDF_DELETED | FDF_INDEXED)) || !f->namelen)
		return;
	f->hkey = path_hash(f->name, f->namelen);
	f->hnext = idmap__get(&t->paths, f->hkey);
	if (idmap__put(&t->paths, f->hkey, f))
		return;
	f->flags |= FDF_INDEXED;
	dirs_count(t, f->name, f->namelen, false, 1);
}

static void path_unindex(struct sr_fdtab *t, struct fdf_file *f)
{
	struct fdf_file *head, *p;

	if (!(f->flags & FDF_INDEXED))
		return;
	f->flags &= ~FDF_INDEXED;
	dirs_count(t, f->name, f->namelen, false, -1);
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

static void sock_index(struct sr_fdtab *t, struct fdf_file *f)
{
	if (f->kind == FDF_SOCKET && f->ino)
		idmap__put(&t->socks, f->ino, f);
}

void fdf__index(struct sr_fdtab *t, struct fdf_file *f)
{
	path_index(t, f);
	sock_index(t, f);
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
	return f;
}

static void inflight_drop(struct sr_fdtab *t, uint64_t ino);

void fdf__put(struct sr_fdtab *t, struct fdf_file *f)
{
	if (!f || --f->refs)
		return;
	path_unindex(t, f);
	if (f->kind == FDF_SOCKET && idmap__get(&t->socks, f->ino) == f) {
		idmap__del(&t->socks, f->ino);
		/* what was sent to it can no longer be received */
		inflight_drop(t, f->ino);
	}
	free(f->name);
	free(f->sk);
	free(f);
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
	if (f->kind == FDF_ANON && f->namelen == 7 && !memcmp(f->name, "[pidfd]", 7))
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
	path_index(t, f);
	sock_index(t, f);
	link_peer(t, f);
	return f;
}

/* A socket's description changed (bind, connect...): every fd sharing it sees it. */
static void fdf_update(struct sr_fdtab *t, struct fdf_file *f, const struct sr_fdinfo *fi)
{
	if (f->kind != FDF_SOCKET || kind_of(fi) != FDF_SOCKET || (f->flags & FDF_FROZEN))
		return;
	sock_from_info(f->sk, fi);
	f->flags |= FDF_SK_KNOWN;
	f->flags &= ~FDF_PEER_DONE;
	fdf__set_name(f, (const char *)(fi + 1), fi->namelen);
	link_peer(t, f);
}

/* Descriptor tables */

static struct fdt_files *files_new(bool complete)
{
	struct fdt_files *fs = calloc(1, sizeof(*fs));

	if (fs) {
		fs->refs = 1;
		fs->complete = complete;
	}
	return fs;
}

static struct fdt_slot *slot_get(struct fdt_files *fs, int fd, bool grow)
{
	uint32_t n;
	struct fdt_slot *s;

	if (fd < 0 || fd >= FDT_MAX_FD)
		return NULL;
	if ((uint32_t)fd < fs->nslots)
		return &fs->slots[fd];
	if (!grow)
		return NULL;
	for (n = fs->nslots ? fs->nslots : 16; n <= (uint32_t)fd; n *= 2)
		;
	s = reallocarray(fs->slots, n, sizeof(*s));
	if (!s)
		return NULL;
	memset(s + fs->nslots, 0, (n - fs->nslots) * sizeof(*s));
	fs->slots = s;
	fs->nslots = n;
	return &fs->slots[fd];
}

static void slot_clear(struct sr_fdtab *t, struct fdt_slot *s)
{
	if (s->f) {
		fdf__put(t, s->f);
		t->nopen--;
	}
	s->f = NULL;
	s->cloexec = 0;
	s->unknown = 0;
	s->close_tid = 0;
}

void fdt__install(struct sr_fdtab *t, struct fdt_files *fs, int fd, struct fdf_file *f,
		  bool cloexec)
{
	struct fdt_slot *s = slot_get(fs, fd, true);

	if (s && !s->f && f && t->nopen >= FDT_MAX_OPEN)
		s = NULL;
	if (!s) {
		/* not tracked: from now on /proc answers for this table */
		fs->complete = false;
		fdf__put(t, f);
		return;
	}
	/* a close of the number began before: its end must not close this one */
	if (s->close_tid) {
		s->over_tid = s->close_tid;
		s->close_tid = 0;
	}
	slot_clear(t, s);
	s->f = f;
	s->cloexec = cloexec;
	s->closed = 0;
	s->unknown = !f;
	if (f)
		t->nopen++;
}

/*
 * Install @f, learned from /proc, as @fd: the same file the process had,
 * not a new one, so a close under way still closes it.
 */
static void learn(struct sr_fdtab *t, struct fdt_files *fs, int fd, struct fdf_file *f,
		  bool cloexec)
{
	struct fdt_slot *s = slot_get(fs, fd, false);
	uint32_t close_tid = s ? s->close_tid : 0, over_tid = s ? s->over_tid : 0;

	fdt__install(t, fs, fd, f, cloexec);
	s = slot_get(fs, fd, false);
	if (s) {
		s->close_tid = close_tid;
		s->over_tid = over_tid;
	}
}

static void files_put(struct sr_fdtab *t, struct fdt_files *fs)
{
	uint32_t i;

	if (!fs || --fs->refs)
		return;
	for (i = 0; i < fs->nslots; i++)
		slot_clear(t, &fs->slots[i]);
	free(fs->slots);
	free(fs);
}

static struct fdt_files *files_copy(struct sr_fdtab *t, const struct fdt_files *src)
{
	struct fdt_files *fs = files_new(src->complete);
	size_t n = 0;
	uint32_t i;

	if (!fs)
		return NULL;
	for (i = 0; i < src->nslots; i++)
		n += src->slots[i].f != NULL;
	if (t->nopen + n > FDT_MAX_OPEN) {
		fs->complete = false;
		return fs;
	}
	fs->epoch = src->epoch;
	fs->slots = calloc(src->nslots ? src->nslots : 1, sizeof(*fs->slots));
	if (!fs->slots) {
		fs->complete = false;
		return fs;
	}
	fs->nslots = src->nslots;
	memcpy(fs->slots, src->slots, src->nslots * sizeof(*fs->slots));
	for (i = 0; i < fs->nslots; i++) {
		if (fs->slots[i].f)
			fs->slots[i].f->refs++;
		/* the closes under way are the other table's */
		fs->slots[i].close_tid = 0;
		fs->slots[i].over_tid = 0;
	}
	t->nopen += n;
	return fs;
}

/*
 * @fs may hold fds the stream did not describe: any fd it does not hold is
 * looked up in /proc (once), even one seen closed.
 */
static void files_forget(struct fdt_files *fs)
{
	uint32_t i;

	fs->complete = false;
	for (i = 0; i < fs->nslots; i++)
		fs->slots[i].closed = 0;
}

/* Give @p a table of its own (execve, unshare, CLOSE_RANGE_UNSHARE). */
static void files_unshare(struct sr_fdtab *t, struct fdt_proc *p)
{
	struct fdt_files *fs;

	if (p->files->refs == 1)
		return;
	fs = files_copy(t, p->files);
	if (!fs)
		return;
	files_put(t, p->files);
	p->files = fs;
}

/* Processes */

void fdt__set_cwd(struct sr_fdtab *t, struct fdt_proc *p, char *cwd)
{
	if (p->cwd) {
		dirs_count(t, p->cwd, strlen(p->cwd), true, -1);
		free(p->cwd);
	}
	p->cwd = cwd;
	if (cwd)
		dirs_count(t, cwd, strlen(cwd), true, 1);
}

static void proc_free(struct sr_fdtab *t, struct fdt_proc *p)
{
	if (!p)
		return;
	files_put(t, p->files);
	fdt__set_cwd(t, p, NULL);
	free(p);
}

static struct fdt_proc *proc_new(uint32_t tgid, bool complete)
{
	struct fdt_proc *p = calloc(1, sizeof(*p));

	if (!p)
		return NULL;
	p->tgid = tgid;
	p->files = files_new(complete);
	if (!p->files) {
		free(p);
		return NULL;
	}
	return p;
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/*
 * The process table is full: forget processes that have exited (their exit
 * was not seen: filtered, or lost), else the least recently used sixteenth,
 * so that this scan runs once per thousands of new processes. Without /proc
 * (replay), pids say nothing about the present: only the second. Return
 * whether room was made.
 */
static bool procs_evict(struct sr_fdtab *t)
{
	size_t it = 0, n = 0, before = t->procs.used;
	struct fdt_proc *p;
	uint64_t key, *ticks, cut;

	if (t->proc_root[0]) {
		while ((p = idmap__next(&t->procs, &it, &key)))
			if (kill((pid_t)p->tgid, 0) && errno == ESRCH)
				proc_free(t, idmap__del(&t->procs, key));
	}
	if (t->procs.used < FDT_MAX_PROCS - FDT_MAX_PROCS / 32)
		return true;
	ticks = malloc(t->procs.used * sizeof(*ticks));
	if (!ticks)
		return t->procs.used < before;
	for (it = 0; (p = idmap__next(&t->procs, &it, NULL));)
		ticks[n++] = p->used;
	qsort(ticks, n, sizeof(*ticks), cmp_u64);
	cut = ticks[n / 16];
	free(ticks);
	for (it = 0; (p = idmap__next(&t->procs, &it, &key));)
		if (p->used <= cut)
			proc_free(t, idmap__del(&t->procs, key));
	return t->procs.used < before;
}

static int proc_add(struct sr_fdtab *t, struct fdt_proc *p)
{
	p->used = ++t->clock;
	if ((t->procs.used >= FDT_MAX_PROCS && !procs_evict(t)) ||
	    idmap__put(&t->procs, p->tgid, p)) {
		proc_free(t, p);
		return -ENOMEM;
	}
	return 0;
}

/*
 * Events were lost since @p was last used (fdtab__on_lost()): any fd may
 * have been opened or closed, the cwd changed. What the table holds becomes
 * a guess /proc is asked about first, once per fd, and an fd it does not
 * hold is looked up there too.
 */
static void proc_suspect(struct sr_fdtab *t, struct fdt_proc *p)
{
	struct fdt_files *fs = p->files;
	uint32_t i;

	p->epoch = t->epoch;
	p->cwd_stale = true;
	if (fs->epoch == t->epoch)
		return;
	fs->epoch = t->epoch;
	fs->complete = false;
	for (i = 0; i < fs->nslots; i++) {
		fs->slots[i].closed = 0;
		if (fs->slots[i].f)
			fs->slots[i].unknown = 1;
	}
}

/*
 * The process @tgid; one never seen (it existed before tracing, or its fork
 * was lost) is read from /proc once, now.
 */
static struct fdt_proc *proc_get(struct sr_fdtab *t, uint32_t tgid)
{
	struct fdt_proc *p = idmap__get(&t->procs, tgid);

	if (p) {
		p->used = ++t->clock;
		if (p->epoch != t->epoch)
			proc_suspect(t, p);
		return p;
	}
	/* make room before reading /proc, not after */
	if (t->procs.used >= FDT_MAX_PROCS && !procs_evict(t))
		return NULL;
	p = proc_new(tgid, !t->proc_root[0]);
	if (!p)
		return NULL;
	p->epoch = p->files->epoch = t->epoch;
	if (t->proc_root[0] && !fdproc__seed(t, p))
		p->files->complete = true;
	return proc_add(t, p) ? NULL : p;
}

static struct fdf_file *file_at(const struct fdt_proc *p, int fd)
{
	const struct fdt_files *fs = p->files;

	return fd >= 0 && (uint32_t)fd < fs->nslots ? fs->slots[fd].f : NULL;
}

/* Can /proc tell what an fd never seen is? */
static bool may_fall_back(const struct sr_fdtab *t, const struct fdt_files *fs)
{
	return t->proc_root[0] && !fs->complete;
}

/* Is what /proc showed (@n) the file the table had (@f)? */
static bool same_file(const struct fdf_file *f, const struct fdf_file *n)
{
	return f->kind == n->kind && f->ino == n->ino && f->namelen == n->namelen &&
	       !memcmp(f->name, n->name, n->namelen) &&
	       (f->flags & FDF_DELETED) == (n->flags & FDF_DELETED);
}

/*
 * A slot whose file is a guess (s->unknown with s->f): /proc tells, if the
 * process is still there; @n is what it showed, or NULL. Return the file.
 */
static struct fdf_file *settle_guess(struct sr_fdtab *t, struct fdt_files *fs, int fd,
				     struct fdf_file *n, bool cloexec, uint32_t tgid)
{
	struct fdt_slot *s = &fs->slots[fd];
	struct fdf_file *f = s->f;

	s->unknown = 0;
	if (!n) {
		if (t->proc_root[0] && !proc__gone(t->proc_root, tgid)) {
			/* the process is there, the fd is not */
			slot_clear(t, s);
			s->closed = 1;
			return NULL;
		}
		/* gone: the guess is all there is */
		return f;
	}
	if (f->kind == FDF_SOCKET && same_file(f, n)) {
		/* keep what the stream knew of it: addresses, peer, frozen -yy text */
		fdf__put(t, n);
		fdf__index(t, f);
		s->cloexec = cloexec;
		return f;
	}
	learn(t, fs, fd, n, cloexec);
	return n;
}

/*
 * What @fd of @tgid is, with a reference for the caller; NULL if not open
 * or unknown. An incomplete table asks /proc once per fd and keeps the
 * answer, as does a slot the stream could not describe (s->unknown).
 */
static struct fdf_file *lookup(struct sr_fdtab *t, uint32_t tgid, int fd)
{
	struct fdt_proc *p;
	struct fdt_slot *s;
	struct fdf_file *f;
	bool cloexec = false;

	if (fd < 0)
		return NULL;
	p = proc_get(t, tgid);
	if (!p)
		return NULL;
	s = slot_get(p->files, fd, false);
	if (s && s->f && !s->unknown) {
		s->f->refs++;
		return s->f;
	}
	if ((s && s->closed) || (!(s && s->unknown) && !may_fall_back(t, p->files)))
		return NULL;
	f = t->proc_root[0] ? fdproc__fd(t, tgid, fd, &cloexec) : NULL;
	if (s && s->f) {
		f = settle_guess(t, p->files, fd, f, cloexec, tgid);
		if (f)
			f->refs++;
		return f;
	}
	if (!f) {
		s = slot_get(p->files, fd, true);
		if (s) {
			s->closed = 1; /* asked once: not there */
			s->unknown = 0;
		}
		return NULL;
	}
	f->refs++;
	learn(t, p->files, fd, f, cloexec);
	return f;
}

uint32_t fdt__holder(struct sr_fdtab *t, const struct fdf_file *f, uint32_t other_than,
		     uint32_t prefer)
{
	struct fdt_proc *p;
	uint32_t found = 0, i;
	size_t it = 0;

	while ((p = idmap__next(&t->procs, &it, NULL))) {
		const struct fdt_files *fs = p->files;

		if (p->tgid == other_than || (found && p->tgid > found && p->tgid != prefer))
			continue;
		for (i = 0; i < fs->nslots && fs->slots[i].f != f; i++)
			;
		if (i == fs->nslots)
			continue;
		if (p->tgid == prefer)
			return prefer;
		found = p->tgid;
	}
	return found;
}

/* Blobs of the exit record */

/* The fdinfo blobs follow the exit's (or the whole call's) own blobs. */
static const struct sr_fdinfo *next_info(const struct sr_call *c, const struct sr_blob **it)
{
	const struct sr_hdr *h;
	const struct sr_blob *b;

	if (!c->has_exit || !c->out_start)
		return NULL;
	if (!*it) {
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

/* The description of @fd from @c's exit, taken from @src (SR_FDI_SRC_RET, 0). */
static const struct sr_fdinfo *find_info(const struct sr_call *c, int fd, unsigned int src)
{
	const struct sr_blob *it = NULL;
	const struct sr_fdinfo *fi;

	while ((fi = next_info(c, &it)))
		if (fi->fd == fd && fi->src == src)
			return fi;
	return NULL;
}

/* A path argument of @c: its bytes up to the NUL; NULL if not captured. */
static const char *call_path(const struct sr_call *c, int i, size_t *len)
{
	const struct sr_blob *b = call__blob(c, i, false);
	const char *s;

	if (!b || (b->flags & (SR_BF_FAULT | SR_BF_NULL)))
		return NULL;
	s = blob_data(b);
	*len = strnlen(s, b->len);
	return s;
}

/* Paths */

/*
 * @rel joined to @base and made canonical the way the kernel walks it,
 * as far as no symlinks are involved: "." and empty components dropped,
 * ".." removes the previous one. Returns the length, or -1 if too long.
 */
static int path_join(const char *base, const char *rel, size_t rlen, char *buf, size_t size)
{
	size_t n = 0, i = 0, len;
	const char *p;
	int pass;

	if (size < 2)
		return -1;
	/* pass 0: the base (absolute), pass 1: the relative part */
	for (pass = 0; pass < 2; pass++) {
		const char *s = pass ? rel : base;
		size_t slen = pass ? rlen : (base ? strlen(base) : 0);

		for (i = 0; i < slen; i += len + 1) {
			const char *slash;

			p = s + i;
			slash = memchr(p, '/', slen - i);
			len = slash ? (size_t)(slash - p) : slen - i;
			if (!len || (len == 1 && p[0] == '.'))
				continue;
			if (len == 2 && p[0] == '.' && p[1] == '.') {
				while (n > 0 && buf[n - 1] != '/')
					n--;
				if (n > 0)
					n--;
				continue;
			}
			if (n + 1 + len >= size)
				return -1;
			buf[n++] = '/';
			memcpy(buf + n, p, len);
			n += len;
		}
	}
	if (!n)
		buf[n++] = '/';
	buf[n] = '\0';
	return (int)n;
}

/* Where @path of @p resolves to, from @dirfd; -1 if the base is not known. */
static int resolve(const struct fdt_proc *p, int dirfd, const char *path, size_t len, char *buf,
		   size_t size)
{
	const struct fdf_file *d;
	const char *base;

	if (len && path[0] == '/')
		return path_join("/", path, len, buf, size);
	if (dirfd == AT_FDCWD) {
		base = p->cwd;
	} else {
		d = file_at(p, dirfd);
		base = d && d->kind == FDF_PATH ? d->name : NULL;
	}
	if (!base)
		return -1;
	return path_join(base, path, len, buf, size);
}

/* Files named @path are unlinked: strace shows them "(deleted)". */
static void mark_deleted(struct sr_fdtab *t, const char *path, size_t len, bool dir)
{
	struct fdf_file *f = idmap__get(&t->paths, path_hash(path, len)), *next;
	struct fdt_proc *p;
	size_t it = 0;

	for (; f; f = next) {
		next = f->hnext;
		if (f->namelen != len || memcmp(f->name, path, len))
			continue;
		path_unindex(t, f);
		f->flags |= FDF_DELETED;
	}
	if (!dir || !dirs_used(t, path, len))
		return;
	while ((p = idmap__next(&t->procs, &it, NULL)))
		if (p->cwd && !strcmp(p->cwd, path))
			p->cwd_deleted = true;
}

/* Is @name (@len bytes) @from itself or below it? */
static bool path_under(const char *name, size_t len, const char *from, size_t flen)
{
	if (len < flen || memcmp(name, from, flen))
		return false;
	return len == flen || name[flen] == '/' || flen == 1;
}

static bool under(const struct fdf_file *f, const char *from, size_t flen)
{
	return path_under(f->name, f->namelen, from, flen);
}

static void set_cwd(struct sr_fdtab *t, struct fdt_proc *p, const char *path, bool deleted);

/* Add @f to the @n files of *@moved (room for *@cap). */
static bool moved_add(struct fdf_file ***moved, size_t *n, size_t *cap, struct fdf_file *f)
{
	struct fdf_file **m;

	if (*n == *cap) {
		*cap = *cap ? 2 * *cap : 16;
		m = reallocarray(*moved, *cap, sizeof(*m));
		if (!m)
			return false;
		*moved = m;
	}
	(*moved)[(*n)++] = f;
	return true;
}

/*
 * rename(@from, @to): open files at or below @from now have paths below
 * @to, and so do cwds. The file itself is found by its hash; the paths and
 * cwds below it are looked for only when there are some (dirs_used()).
 */
static void rename_paths(struct sr_fdtab *t, const char *from, const char *to)
{
	size_t flen = strlen(from), tlen = strlen(to), it = 0, n = 0, cap = 0, i;
	struct fdf_file *f, **moved = NULL;
	bool below = dirs_used(t, from, flen);
	struct fdt_proc *p;
	char buf[PATH_MAX];

	for (f = idmap__get(&t->paths, path_hash(from, flen)); f; f = f->hnext)
		if (f->namelen == flen && !memcmp(f->name, from, flen) &&
		    !moved_add(&moved, &n, &cap, f))
			goto out;
	while (below && (f = idmap__next(&t->paths, &it, NULL))) {
		for (; f; f = f->hnext)
			if (f->namelen > flen && under(f, from, flen) &&
			    !moved_add(&moved, &n, &cap, f))
				goto out;
	}
	for (i = 0; i < n; i++) {
		f = moved[i];
		if (tlen + f->namelen - flen >= sizeof(buf))
			continue;
		memcpy(buf, to, tlen);
		memcpy(buf + tlen, f->name + flen, f->namelen - flen);
		path_unindex(t, f);
		if (!fdf__set_name(f, buf, tlen + f->namelen - flen))
			path_index(t, f);
	}
out:
	free(moved);
	/* a cwd in the directory moved, or below it, moves too */
	it = 0;
	while (below && (p = idmap__next(&t->procs, &it, NULL))) {
		size_t clen = p->cwd ? strlen(p->cwd) : 0;

		if (!p->cwd || p->cwd_deleted || !path_under(p->cwd, clen, from, flen) ||
		    tlen + clen - flen >= sizeof(buf))
			continue;
		memcpy(buf, to, tlen);
		memcpy(buf + tlen, p->cwd + flen, clen - flen + 1);
		set_cwd(t, p, buf, false);
	}
}

/* SCM_RIGHTS */

/*
 * The fds of SCM_RIGHTS messages in @c's msghdr (argument 1), as sent (the
 * entry copy) or received (the exit copy). msg_control is the last blob of
 * the argument's sequence (put_msghdr).
 */
static size_t scm_fds(const struct sr_call *c, bool at_exit, int32_t *fds, size_t max)
{
	const struct sr_blob *hdr = at_exit ? c->out[1] : c->in[1], *b, *last;
	const uint8_t *end, *p;
	uint64_t controllen, clen, step;
	size_t left, n = 0, i;
	int32_t level, type;

	if (!hdr || (hdr->flags & (SR_BF_FAULT | SR_BF_NULL)) || hdr->len < 48)
		return 0;
	memcpy(&controllen, (const uint8_t *)blob_data(hdr) + 40, 8);
	end = call__blob_end(c, hdr);
	last = hdr;
	for (b = blob_next(hdr, end); b && SR_BLOB_ARG(b) == 1; b = blob_next(b, end))
		last = b;
	if (controllen < 16 || last == hdr || (last->flags & (SR_BF_FAULT | SR_BF_NULL)) ||
	    last->len > controllen)
		return 0;
	p = blob_data(last);
	for (left = last->len; left >= 16 && n < max; p += step, left -= step) {
		memcpy(&clen, p, 8);
		memcpy(&level, p + 8, 4);
		memcpy(&type, p + 12, 4);
		if (clen < 16)
			break;
		for (i = 16; level == SOL_SOCKET && type == SCM_RIGHTS && i + 4 <= clen &&
			     i + 4 <= left && n < max;
		     i += 4)
			memcpy(&fds[n++], p + i, 4);
		step = (clen + 7) & ~7ULL;
		if (step >= left)
			break;
	}
	return n;
}

/* msg_flags of @c's msghdr as the kernel left it (recvmsg: MSG_CTRUNC). */
static uint32_t msg_flags_out(const struct sr_call *c)
{
	const struct sr_blob *hdr = c->out[1];
	uint32_t flags = 0;

	if (hdr && !(hdr->flags & (SR_BF_FAULT | SR_BF_NULL)) && hdr->len >= 52)
		memcpy(&flags, (const uint8_t *)blob_data(hdr) + 48, 4);
	return flags;
}

static void inflight_drop(struct sr_fdtab *t, uint64_t ino)
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

/*
 * The message a recvmsg on @ino took, which gave it @n fds (fewer than sent
 * if @trunc, MSG_CTRUNC): the oldest one sent to it with that many, since
 * older ones were read without their fds (read(2) drops them). Returns the
 * index of its first entry, or -1. A stream socket's recvmsg stops at a
 * message with fds, so it never takes two.
 */
static ssize_t inflight_find(const struct sr_fdtab *t, uint64_t ino, size_t n, bool trunc)
{
	size_t i, j, k;

	if (!n && !trunc)
		return -1;
	for (i = 0; i < t->nfly; i = j) {
		for (j = i + 1, k = 1; j < t->nfly && t->fly[j].msg == t->fly[i].msg; j++)
			k++;
		if (t->fly[i].ino != ino)
			continue;
		if (trunc ? k >= n : k == n)
			return (ssize_t)i;
	}
	return -1;
}

/*
 * A recvmsg on @ino took the message at @first: give its first @n files to
 * @out (references) and forget the rest, and the older messages to @ino.
 */
static void inflight_take(struct sr_fdtab *t, uint64_t ino, size_t first, size_t n,
			  struct fdf_file **out)
{
	uint64_t msg = t->fly[first].msg;
	size_t i, j = 0, k = 0;

	for (i = 0; i < t->nfly; i++) {
		struct fdt_inflight *e = &t->fly[i];

		if (e->ino != ino || e->msg > msg) {
			t->fly[j++] = *e;
			continue;
		}
		if (e->msg == msg && k < n)
			out[k++] = e->f;
		else
			fdf__put(t, e->f);
	}
	t->nfly = j;
}

/*
 * The queue is full: forget what was sent to the socket of the oldest
 * entry (its receiver is traced but never took it), and stop following its
 * SCM_RIGHTS, whose queue no longer lines up with the kernel's: /proc says
 * what it receives.
 */
static void inflight_evict(struct sr_fdtab *t)
{
	uint64_t ino = t->fly[0].ino;
	struct fdf_file *x = idmap__get(&t->socks, ino);

	if (x)
		x->flags |= FDF_SCM_LOST;
	inflight_drop(t, ino);
}

/* sendmsg on a connected unix socket: its SCM_RIGHTS files go to the peer. */
static void on_scm_send(struct sr_fdtab *t, struct fdt_proc *p, const struct sr_call *c)
{
	const struct fdf_file *s = file_at(p, (int)c->args[0]);
	const struct fdf_file *x;
	struct fdt_inflight *q;
	int32_t fds[64];
	size_t n, i, cap;

	if (!s || s->kind != FDF_SOCKET || !s->sk->peer_ino)
		return;
	/* a receiver no traced process holds: nobody would take them off */
	x = idmap__get(&t->socks, s->sk->peer_ino);
	if (!x || (x->flags & FDF_SCM_LOST))
		return;
	n = scm_fds(c, false, fds, 64);
	if (!n)
		return;
	while (t->nfly && t->nfly + n > FDT_MAX_INFLIGHT)
		inflight_evict(t);
	if (x->flags & FDF_SCM_LOST)
		return;
	if (t->nfly + n > t->capfly) {
		cap = t->capfly ? 2 * t->capfly : 64;
		q = reallocarray(t->fly, cap, sizeof(*q));
		if (!q)
			return;
		t->fly = q;
		t->capfly = cap;
	}
	t->flymsg++;
	for (i = 0; i < n; i++) {
		struct fdf_file *f = file_at(p, fds[i]);

		if (f)
			f->refs++;
		t->fly[t->nfly++] = (struct fdt_inflight){ s->sk->peer_ino, t->flymsg, f };
	}
}

/* recvmsg: the fds it installed are the files sent to this socket. */
static void on_scm_recv(struct sr_fdtab *t, struct fdt_proc *p, const struct sr_call *c)
{
	const struct fdf_file *r = file_at(p, (int)c->args[0]);
	bool cx = c->args[2] & MSG_CMSG_CLOEXEC;
	struct fdf_file *files[64] = { NULL };
	int32_t fds[64];
	ssize_t first;
	size_t n, i;

	n = scm_fds(c, true, fds, 64);
	first = r ? inflight_find(t, r->ino, n, msg_flags_out(c) & MSG_CTRUNC) : -1;
	if (first >= 0)
		inflight_take(t, r->ino, first, n, files);
	for (i = 0; i < n; i++)
		fdt__install(t, p->files, fds[i], files[i], cx);
}

/* A received fd, before the table knows it: the file queued for it. */
static struct fdf_file *scm_peek(struct sr_fdtab *t, const struct sr_call *c, int fd)
{
	struct fdt_proc *p = proc_get(t, c->tgid);
	const struct fdf_file *r;
	int32_t fds[64];
	ssize_t first;
	size_t n, i;

	if (!p || !c->has_exit || ret_is_errno(c))
		return NULL;
	r = file_at(p, (int)c->args[0]);
	n = scm_fds(c, true, fds, 64);
	first = r ? inflight_find(t, r->ino, n, msg_flags_out(c) & MSG_CTRUNC) : -1;
	for (i = 0; first >= 0 && i < n; i++)
		if (fds[i] == fd)
			return t->fly[first + i].f;
	return NULL;
}

/* Syscall handlers */

/* Actions are by native number; an ia32 task's calls print raw and teach nothing. */
static bool native(const struct sr_call *c)
{
	return c->nr >= 0 && c->nr < SR_NR_MAX && c->ent == syscalls__get(c->nr);
}

static bool cloexec_of(const struct fdt_act *a, const struct sr_call *c)
{
	const struct sr_blob *b;

	switch (a->cx_arg) {
	case CX_NEVER:
	case CX_KEEP:
		return false;
	case CX_ALWAYS:
		return true;
	case CX_HOW:
		b = c->in[2];
		if (!b || (b->flags & (SR_BF_FAULT | SR_BF_NULL)) || b->len < 8)
			return false;
		return *(const uint64_t *)blob_data(b) & O_CLOEXEC;
	}
	return a->cx_arg < SR_NARGS && (c->args[a->cx_arg] & a->cx_mask);
}

/*
 * A namespace file opened by its /proc path ("/proc/self/ns/net"): named
 * "net:[4026531840]" as /proc shows it. The kind is the path's last
 * component (pid_for_children is a pid namespace).
 */
static int ns_name(const struct fdf_file *f, const struct sr_call *c, char *buf, size_t size)
{
	int i = c->ent->nargs && c->ent->args[0].type == SR_T_DIRFD ? 1 : 0;
	const char *path, *base;
	size_t len, blen;

	if (c->ent->args[i].type != SR_T_PATH)
		return -1;
	path = call_path(c, i, &len);
	if (!path || !len)
		return -1;
	base = memrchr(path, '/', len);
	base = base ? base + 1 : path;
	blen = len - (base - path);
	if (blen > 13 && !memcmp(base + blen - 13, "_for_children", 13))
		blen -= 13;
	return snprintf(buf, size, "%.*s:[%llu]", (int)blen, base, (unsigned long long)f->ino);
}

/*
 * What only the call knows: a pidfd's process; the names of files the
 * kernel side cannot walk to (their dentry is its own parent): a memfd,
 * which d_path shows as "/memfd:NAME (deleted)", a namespace. @buf holds
 * a new name.
 */
static void fixup(struct fdf_file *f, const struct sr_call *c, char *buf, size_t size)
{
	const struct sr_blob *b;
	int n = -1;

	if (f->kind == FDF_PIDFD && !strcmp(c->ent->name, "pidfd_open"))
		f->pid = (uint32_t)c->args[0];
	if (f->namelen > 1)
		return;
	if (f->magic == NSFS_MAGIC) {
		n = ns_name(f, c, buf, size);
	} else if (f->kind == FDF_PATH && !strcmp(c->ent->name, "memfd_create")) {
		b = c->in[0];
		if (b && !(b->flags & (SR_BF_FAULT | SR_BF_NULL | SR_BF_TRUNC)))
			n = snprintf(buf, size, "/memfd:%.*s", (int)strnlen(blob_data(b), b->len),
				     (const char *)blob_data(b));
		f->flags |= FDF_DELETED;
	}
	if (n < 0 || (size_t)n >= size)
		return;
	f->name = buf;
	f->namelen = n;
}

/* fixup() for a file of the table: the new name is copied, and not indexed. */
static void fixup_file(struct sr_fdtab *t, struct fdf_file *f, const struct sr_call *c)
{
	char buf[PATH_MAX];
	char *old = f->name;
	uint32_t oldlen = f->namelen;

	fixup(f, c, buf, sizeof(buf));
	if (f->name == old)
		return;
	f->name = old;
	f->namelen = oldlen;
	path_unindex(t, f);
	fdf__set_name(f, buf, strlen(buf));
}

/*
 * The kernel side could not walk @fi's path whole (SR_FDI_TRUNC): the call's
 * own path argument, resolved from its dirfd or the cwd, if it agrees with
 * the part the kernel did see (the last components of a deep path, the
 * first ones of a long one). Into @buf; return the length, or -1.
 */
static int whole_path(struct sr_fdtab *t, const struct sr_call *c, const struct sr_fdinfo *fi,
		      char *buf, size_t size)
{
	const char *seen = (const char *)(fi + 1), *path;
	int i, dirfd = AT_FDCWD, n;
	struct fdt_proc *p;
	size_t len;

	for (i = 0; i < c->ent->nargs && c->ent->args[i].type != SR_T_PATH; i++)
		;
	if (i == c->ent->nargs || !fi->namelen)
		return -1;
	if (i > 0 && c->ent->args[i - 1].type == SR_T_DIRFD)
		dirfd = (int)c->args[i - 1];
	path = call_path(c, i, &len);
	p = path ? proc_get(t, c->tgid) : NULL;
	n = p ? resolve(p, dirfd, path, len, buf, size) : -1;
	if (n < 0 || (size_t)n < fi->namelen)
		return -1;
	if (!memcmp(buf + n - fi->namelen, seen, fi->namelen) ||
	    (!memcmp(buf, seen, fi->namelen) && buf[fi->namelen] == '/'))
		return n;
	return -1;
}

/*
 * The file @fi describes, new to the tables; NULL if its path was cut
 * short and the call does not tell the rest: /proc says, when asked.
 */
static struct fdf_file *file_from_info(struct sr_fdtab *t, const struct sr_call *c,
				       const struct sr_fdinfo *fi)
{
	char buf[PATH_MAX];
	struct fdf_file *f;
	int n = 0;

	if ((fi->flags & SR_FDI_TRUNC) && (n = whole_path(t, c, fi, buf, sizeof(buf))) < 0)
		return NULL;
	f = fdf__from_info(t, fi, c->tgid);
	if (!f || !n)
		return f;
	path_unindex(t, f);
	if (fdf__set_name(f, buf, n)) {
		fdf__put(t, f);
		return NULL;
	}
	path_index(t, f);
	return f;
}

static void on_newfd(struct sr_fdtab *t, struct fdt_proc *p, const struct fdt_act *a,
		     const struct sr_call *c)
{
	int fd = (int)c->ret;
	const struct sr_fdinfo *fi = find_info(c, fd, SR_FDI_SRC_RET);
	struct fdt_slot *s = slot_get(p->files, fd, false);
	bool cx = cloexec_of(a, c);
	struct fdf_file *f, *old;

	if (a->cx_arg == CX_KEEP && (int)c->args[0] == fd && s)
		cx = s->cloexec;
	if (a->act == ACT_DUP) {
		if ((int)c->args[0] == fd)
			return; /* dup2(3, 3) changes nothing */
		old = file_at(p, (int)c->args[0]);
		if (old && (!fi || old->ino == fi->ino)) {
			if (fi)
				fdf_update(t, old, fi);
			old->refs++;
			fdt__install(t, p->files, fd, old, cx);
			return;
		}
	}
	f = fi ? file_from_info(t, c, fi) : NULL;
	if (f) {
		fixup_file(t, f, c);
		/* as printed with the return value */
		fdfmt__freeze_if_listed(t, f);
	} else if (fi && s && s->f && !s->unknown && s->f->ino == fi->ino) {
		/* a cut path read from /proc as the call was printed */
		s->cloexec = cx;
		return;
	}
	fdt__install(t, p->files, fd, f, cx);
}

static void on_pair(struct sr_fdtab *t, struct fdt_proc *p, const struct fdt_act *a,
		    const struct sr_call *c)
{
	const struct sr_blob *it = NULL;
	const struct sr_fdinfo *fi;
	bool cx = cloexec_of(a, c);

	while ((fi = next_info(c, &it))) {
		struct fdf_file *f;

		if (fi->src != SR_FDI_SRC_RET)
			continue;
		f = fdf__from_info(t, fi, c->tgid);
		if (f)
			fdfmt__freeze_if_listed(t, f);
		fdt__install(t, p->files, fi->fd, f, cx);
	}
}

static void on_sockupd(struct sr_fdtab *t, struct fdt_proc *p, const struct sr_call *c)
{
	int fd = (int)c->args[0];
	const struct sr_fdinfo *fi = find_info(c, fd, 0);
	struct fdf_file *f = file_at(p, fd);
	struct fdt_slot *s;

	if (!fi)
		return;
	if (f && f->ino == fi->ino) {
		fdf_update(t, f, fi);
		return;
	}
	s = slot_get(p->files, fd, false);
	fdt__install(t, p->files, fd, fdf__from_info(t, fi, c->tgid), s && s->cloexec);
}

static void close_fd(struct sr_fdtab *t, struct fdt_files *fs, int fd)
{
	struct fdt_slot *s = slot_get(fs, fd, !fs->complete);

	if (!s)
		return;
	slot_clear(t, s);
	s->closed = 1;
}

/*
 * close takes the fd out of the table as it starts; another thread may
 * get the number again before close returns, and its open is then seen
 * first. Its file stays: the slot was reinstalled after this close's entry
 * was seen (overtaken), or the kernel side describes the fd as open at
 * close's exit.
 */
static void on_close(struct sr_fdtab *t, struct fdt_proc *p, const struct sr_call *c)
{
	int fd = (int)c->args[0];
	struct fdt_slot *s = slot_get(p->files, fd, false);
	const struct sr_fdinfo *fi = find_info(c, fd, 0);

	if (s && s->over_tid == c->tid) {
		s->over_tid = 0;
		return;
	}
	if (fi) {
		if (!s || !s->f || s->f->ino != fi->ino)
			fdt__install(t, p->files, fd, file_from_info(t, c, fi), s && s->cloexec);
		return;
	}
	/* closed even when close fails, unless it was not open */
	if (c->ret != -EBADF)
		close_fd(t, p->files, fd);
}

/* close's entry was printed: remember it was seen, for on_close(). */
static void close_begins(struct sr_fdtab *t, const struct sr_call *c, int fd)
{
	struct fdt_proc *p = idmap__get(&t->procs, c->tgid);
	struct fdt_slot *s = p ? slot_get(p->files, fd, false) : NULL;

	if (s)
		s->close_tid = c->tid;
}

static void on_close_range(struct sr_fdtab *t, struct fdt_proc *p, const struct sr_call *c)
{
	uint32_t first = (uint32_t)c->args[0], last = (uint32_t)c->args[1], fd;
	struct fdt_files *fs;

	if (c->ret != 0)
		return;
	if (c->args[2] & CLOSE_RANGE_UNSHARE)
		files_unshare(t, p);
	fs = p->files;
	if (last >= fs->nslots)
		last = fs->nslots ? fs->nslots - 1 : 0;
	for (fd = first; fd <= last && fd < fs->nslots; fd++) {
		if (c->args[2] & CLOSE_RANGE_CLOEXEC)
			fs->slots[fd].cloexec = 1;
		else
			close_fd(t, fs, fd);
	}
}

static void on_fcntl(struct sr_fdtab *t, struct fdt_proc *p, const struct sr_call *c)
{
	uint32_t cmd = (uint32_t)c->args[1];
	struct fdf_file *f;
	struct fdt_slot *s;

	if (ret_is_errno(c))
		return;
	if (cmd == F_DUPFD || cmd == F_DUPFD_CLOEXEC) {
		/* no fdinfo: fcntl does not return an fd for the other commands */
		f = file_at(p, (int)c->args[0]);
		if (f)
			f->refs++;
		fdt__install(t, p->files, (int)c->ret, f, cmd == F_DUPFD_CLOEXEC);
	} else if (cmd == F_SETFD) {
		s = slot_get(p->files, (int)c->args[0], false);
		if (s)
			s->cloexec = c->args[2] & FD_CLOEXEC;
	}
}

/* A successful execve closes the close-on-exec fds, in a table of its own. */
static void on_exec(struct sr_fdtab *t, struct fdt_proc *p)
{
	struct fdt_files *fs;
	uint32_t i;

	files_unshare(t, p);
	fs = p->files;
	for (i = 0; i < fs->nslots; i++)
		if (fs->slots[i].f && fs->slots[i].cloexec)
			close_fd(t, fs, i);
}

static void set_cwd(struct sr_fdtab *t, struct fdt_proc *p, const char *path, bool deleted)
{
	char *s = strdup(path);

	if (!s)
		return;
	fdt__set_cwd(t, p, s);
	p->cwd_deleted = deleted;
	p->cwd_stale = false;
}

/* The cwd changed to a place the call does not tell: /proc says, if asked in time. */
static void cwd_unknown(struct sr_fdtab *t, struct fdt_proc *p)
{
	fdt__set_cwd(t, p, NULL);
	p->cwd_deleted = false;
	p->cwd_stale = true;
}

static void on_chdir(struct sr_fdtab *t, struct fdt_proc *p, const struct sr_call *c)
{
	char buf[PATH_MAX], real[PATH_MAX];
	const char *path;
	size_t len;

	path = call_path(c, 0, &len);
	if (!path || resolve(p, AT_FDCWD, path, len, buf, sizeof(buf)) < 0) {
		cwd_unknown(t, p);
		return;
	}
	/* the kernel follows symlinks; realpath() does too, while the directory exists */
	set_cwd(t, p, realpath(buf, real) ? real : buf, false);
}

static void on_fchdir(struct sr_fdtab *t, struct fdt_proc *p, const struct sr_call *c)
{
	const struct fdf_file *f = file_at(p, (int)c->args[0]);

	if (f && f->kind == FDF_PATH)
		set_cwd(t, p, f->name, f->flags & FDF_DELETED);
	else
		cwd_unknown(t, p);
}

/* unlink, rmdir, unlinkat: the path of argument @i, from @dirfd. */
static void on_unlink(struct sr_fdtab *t, struct fdt_proc *p, const struct sr_call *c, int i,
		      int dirfd, bool dir)
{
	char buf[PATH_MAX];
	const char *path;
	size_t len;
	int n;

	path = call_path(c, i, &len);
	if (!path)
		return;
	n = resolve(p, dirfd, path, len, buf, sizeof(buf));
	if (n > 0)
		mark_deleted(t, buf, n, dir);
}

static void on_rename(struct sr_fdtab *t, struct fdt_proc *p, const struct sr_call *c, bool at)
{
	char from[PATH_MAX], to[PATH_MAX], tmp[PATH_MAX + 16];
	const char *a, *b;
	size_t alen, blen;
	int odir = at ? (int)c->args[0] : AT_FDCWD, ndir = at ? (int)c->args[2] : AT_FDCWD;
	uint64_t flags = at && c->ent->nargs > 4 ? c->args[4] : 0;

	a = call_path(c, at ? 1 : 0, &alen);
	b = call_path(c, at ? 3 : 1, &blen);
	if (!a || !b || resolve(p, odir, a, alen, from, sizeof(from)) < 0 ||
	    resolve(p, ndir, b, blen, to, sizeof(to)) < 0 || !strcmp(from, to))
		return;
	if (flags & RENAME_EXCHANGE) {
		/* through a name no file can have */
		snprintf(tmp, sizeof(tmp), "%s\n", from);
		rename_paths(t, from, tmp);
		rename_paths(t, to, from);
		rename_paths(t, tmp, to);
		return;
	}
	/* over a directory: a cwd there is gone */
	mark_deleted(t, to, strlen(to), true);
	rename_paths(t, from, to);
}

/*
 * A new fd at @fd that the call did not describe: /proc says what it is
 * when it is first used, else @guess (a reference taken over; may be NULL)
 * if the process is gone by then. @sure: the call did create it; otherwise
 * @fd may be some other number (an ioctl's result), and a file the table
 * holds there stays.
 */
static void new_unknown(struct sr_fdtab *t, struct fdt_files *fs, int64_t fd, bool sure,
			struct fdf_file *guess)
{
	struct fdt_slot *s;

	if (fd < 0 || fd >= FDT_MAX_FD)
		goto out;
	if (sure) {
		/* pidfds, bpf objects, listeners, namespaces: all close-on-exec */
		fdt__install(t, fs, (int)fd, guess, true);
		s = slot_get(fs, (int)fd, false);
		if (s)
			s->unknown = 1;
		return;
	}
	/* a new fd takes the lowest free number: at most one past the table */
	if (fd > fs->nslots)
		goto out;
	s = slot_get(fs, (int)fd, true);
	if (s && !s->f) {
		s->closed = 0;
		s->unknown = 1;
	}
out:
	fdf__put(t, guess);
}

/* clone, clone3 with CLONE_PIDFD: the parent has a pidfd. */
static void on_clone(struct sr_fdtab *t, struct fdt_proc *p, const struct sr_call *c)
{
	const struct sr_blob *b;
	uint64_t flags = 0;
	int32_t fd;

	if (c->ret <= 0)
		return;
	if (!strcmp(c->ent->name, "clone")) {
		if (!(c->args[0] & CLONE_PIDFD))
			return;
		/* stored where parent_tid points; the capture of it is a u32 */
		b = c->out[2];
		if (b && !(b->flags & (SR_BF_FAULT | SR_BF_NULL)) && b->len >= 4) {
			struct fdf_file *f = fdf__new(t, FDF_PIDFD, "[pidfd]", 7);

			if (f) {
				f->pid = (uint32_t)c->ret;
				f->owner = c->tgid;
			}
			memcpy(&fd, blob_data(b), 4);
			new_unknown(t, p->files, fd, true, f);
			return;
		}
	} else {
		b = c->in[0];
		if (!b || (b->flags & (SR_BF_FAULT | SR_BF_NULL)) || b->len < 8)
			return;
		memcpy(&flags, blob_data(b), 8);
		if (!(flags & CLONE_PIDFD))
			return;
	}
	/* where it went is not captured (clone_args.pidfd): any fd may be it */
	files_forget(p->files);
}

/* The anon inode a bpf command's new fd is, as /proc names it. */
static const char *bpf_fd_name(uint64_t cmd)
{
	switch (cmd) {
	case BPF_MAP_CREATE:
	case BPF_MAP_GET_FD_BY_ID:
		return "bpf-map";
	case BPF_PROG_LOAD:
	case BPF_PROG_GET_FD_BY_ID:
		return "bpf-prog";
	case BPF_BTF_LOAD:
	case BPF_BTF_GET_FD_BY_ID:
		return "btf";
	case BPF_LINK_CREATE:
	case BPF_LINK_GET_FD_BY_ID:
	case BPF_RAW_TRACEPOINT_OPEN:
		return "bpf_link";
	}
	return NULL;
}

/*
 * ioctl, bpf, seccomp: does the result look like a new fd (0: no, 1: maybe,
 * 2: yes)? *@name: the anon inode it is, when the call says.
 */
static int maybe_fd(const struct sr_call *c, const char **name)
{
	const char *n = c->ent->name;
	bool listener;

	*name = NULL;
	if (ret_is_errno(c) || c->ret < 0)
		return 0;
	/* bpf returns 0 or a new fd */
	if (!strcmp(n, "bpf")) {
		*name = bpf_fd_name(c->args[0]);
		return c->ret > 0 || *name ? 2 : 1;
	}
	if (!strcmp(n, "seccomp")) {
		listener = c->args[0] == SECCOMP_SET_MODE_FILTER &&
			   (c->args[1] & SECCOMP_FILTER_FLAG_NEW_LISTENER);
		*name = "seccomp notify";
		return listener ? 2 : 0;
	}
	/* ioctl: NS_GET_USERNS, KVM_CREATE_VM, PIDFD_GET_*_NAMESPACE... or a number */
	return 1;
}

static void on_maybe_fd(struct sr_fdtab *t, struct fdt_proc *p, const struct sr_call *c)
{
	const char *name;
	int how = maybe_fd(c, &name);
	struct fdf_file *f;

	if (!how)
		return;
	f = how == 2 && name ? fdf__new(t, FDF_ANON, name, strlen(name)) : NULL;
	if (f)
		f->owner = c->tgid;
	new_unknown(t, p->files, c->ret, how == 2, f);
}

void fdtab__on_syscall(struct sr_fdtab *t, const struct sr_call *c)
{
	const struct fdt_act *a;
	struct fdt_proc *p;

	if (!t || !c->has_exit || !native(c))
		return;
	a = &t->act[c->nr];
	/* a failed close still closes; a failed connect (EINPROGRESS) has addresses */
	if (!a->act || (ret_is_errno(c) && a->act != ACT_CLOSE && a->act != ACT_SOCKUPD &&
			a->act != ACT_SENDMSG))
		return;
	p = proc_get(t, c->tgid);
	if (!p)
		return;
	switch (a->act) {
	case ACT_NEWFD:
	case ACT_DUP:
		on_newfd(t, p, a, c);
		break;
	case ACT_PAIR:
		on_pair(t, p, a, c);
		break;
	case ACT_SOCKUPD:
		on_sockupd(t, p, c);
		break;
	case ACT_SENDMSG:
		on_sockupd(t, p, c);
		if (!ret_is_errno(c))
			on_scm_send(t, p, c);
		break;
	case ACT_RECVMSG:
		on_scm_recv(t, p, c);
		break;
	case ACT_CLOSE:
		on_close(t, p, c);
		break;
	case ACT_CLOSE_RANGE:
		on_close_range(t, p, c);
		break;
	case ACT_FCNTL:
		on_fcntl(t, p, c);
		break;
	case ACT_EXEC:
		on_exec(t, p);
		break;
	case ACT_CHDIR:
		on_chdir(t, p, c);
		break;
	case ACT_FCHDIR:
		on_fchdir(t, p, c);
		break;
	case ACT_UNLINK:
		on_unlink(t, p, c, 0, AT_FDCWD, !strcmp(c->ent->name, "rmdir"));
		break;
	case ACT_UNLINKAT:
		on_unlink(t, p, c, 1, (int)c->args[0], c->args[2] & AT_REMOVEDIR);
		break;
	case ACT_RENAME:
	case ACT_RENAMEAT:
		on_rename(t, p, c, a->act == ACT_RENAMEAT);
		break;
	case ACT_UNSHARE:
		if (c->args[0] & CLONE_FILES)
			files_unshare(t, p);
		break;
	case ACT_CLONE:
		on_clone(t, p, c);
		break;
	case ACT_MAYBE_FD:
		on_maybe_fd(t, p, c);
		break;
	}
}

void fdtab__on_orphan_exit(struct sr_fdtab *t, const struct sr_call *c)
{
	const struct sr_blob *it = NULL;
	const struct sr_fdinfo *fi;
	struct fdt_proc *p;

	if (!t || !native(c) || ret_is_errno(c))
		return;
	p = proc_get(t, c->tgid);
	while (p && (fi = next_info(c, &it)))
		if (fi->src == SR_FDI_SRC_RET)
			fdt__install(t, p->files, fi->fd, file_from_info(t, c, fi), false);
}

void fdtab__on_fork(struct sr_fdtab *t, uint32_t parent_tgid, uint32_t child_tgid, bool share_files)
{
	struct fdt_proc *pp, *cp;

	if (!t)
		return;
	pp = proc_get(t, parent_tgid);
	if (!pp)
		return;
	proc_free(t, idmap__del(&t->procs, child_tgid));
	/* who holds which socket changed: --peer looks again */
	t->holders_gen++;
	cp = calloc(1, sizeof(*cp));
	if (!cp)
		return;
	cp->tgid = child_tgid;
	if (share_files) {
		cp->files = pp->files;
		cp->files->refs++;
	} else {
		cp->files = files_copy(t, pp->files);
	}
	if (pp->cwd)
		fdt__set_cwd(t, cp, strdup(pp->cwd));
	cp->cwd_deleted = pp->cwd_deleted;
	cp->cwd_stale = pp->cwd_stale || !cp->cwd;
	cp->epoch = t->epoch;
	if (!cp->files) {
		proc_free(t, cp);
		return;
	}
	proc_add(t, cp);
}

void fdtab__on_lost(struct sr_fdtab *t)
{
	if (!t)
		return;
	/* tables are suspected lazily, when next used (proc_get()) */
	t->epoch++;
	/* sends and receives may be missing: the queue no longer lines up */
	while (t->nfly)
		fdf__put(t, t->fly[--t->nfly].f);
}

void fdtab__on_process_exit(struct sr_fdtab *t, uint32_t tgid)
{
	if (!t)
		return;
	proc_free(t, idmap__del(&t->procs, tgid));
	t->holders_gen++;
}

int fdtab__seed(struct sr_fdtab *t, uint32_t tgid)
{
	struct fdt_proc *p;

	if (!t)
		return 0;
	fdtab__on_process_exit(t, tgid);
	p = proc_get(t, tgid);
	return p && p->files->complete ? 0 : -ESRCH;
}

/* Annotations */

void fdtab__annotate(struct sr_fdtab *t, struct sr_out *o, const struct sr_call *c, int fd)
{
	struct fdf_file *f;
	bool is_close;

	if (!t || !c || fd < 0)
		return;
	is_close = native(c) && !c->has_exit && t->act[c->nr].act == ACT_CLOSE &&
		   fd == (int)c->args[0];
	if (!t->mode) {
		/* --absolute-paths: nothing to print, but dirfds must stay right */
		if (is_close)
			close_begins(t, c, fd);
		return;
	}
	/* recvmsg's SCM_RIGHTS fds print with its exit, before the table learns them */
	if (native(c) && t->act[c->nr].act == ACT_RECVMSG && (f = scm_peek(t, c, fd))) {
		fdfmt__file(t, o, f, c->tgid);
		return;
	}
	f = lookup(t, c->tgid, fd);
	/* after the lookup, which may install what /proc says */
	if (is_close)
		close_begins(t, c, fd);
	if (!f)
		return;
	fdfmt__file(t, o, f, c->tgid);
	fdf__put(t, f);
}

/* A new fd the call could not describe whole: what /proc says now, kept in the table. */
static void annotate_proc(struct sr_fdtab *t, struct sr_out *o, uint32_t tgid, int fd)
{
	struct fdt_proc *p = proc_get(t, tgid);
	struct fdf_file *f;
	bool cloexec = false;

	f = p && t->proc_root[0] ? fdproc__fd(t, tgid, fd, &cloexec) : NULL;
	if (!f)
		return;
	fdfmt__file(t, o, f, tgid);
	learn(t, p->files, fd, f, cloexec);
}

void fdtab__annotate_new(struct sr_fdtab *t, struct sr_out *o, const struct sr_call *c, int fd)
{
	const struct sr_fdinfo *fi;
	struct fdf_file f;
	struct fdf_sock sk;
	char buf[PATH_MAX];
	uint8_t act;
	int n;

	if (!t || !t->mode || !c || fd < 0)
		return;
	fi = find_info(c, fd, SR_FDI_SRC_RET);
	if (fi) {
		fdf__init_from_info(&f, &sk, fi);
		f.owner = c->tgid;
		if (fi->flags & SR_FDI_TRUNC) {
			n = whole_path(t, c, fi, buf, sizeof(buf));
			if (n < 0) {
				annotate_proc(t, o, c->tgid, fd);
				return;
			}
			f.name = buf;
			f.namelen = n;
		}
		fixup(&f, c, buf, sizeof(buf));
		fdfmt__file(t, o, &f, c->tgid);
		return;
	}
	act = native(c) ? t->act[c->nr].act : ACT_NONE;
	/* a duplicate is what the original is */
	if (act == ACT_DUP || act == ACT_FCNTL)
		fd = (int)c->args[0];
	fdtab__annotate(t, o, c, fd);
}

/* The cwd of @tgid, *@deleted set; read once from /proc when the stream never said. */
static const char *cwd_of(struct sr_fdtab *t, uint32_t tgid, bool *deleted)
{
	struct fdt_proc *p;

	p = proc_get(t, tgid);
	if (!p)
		return NULL;
	if (p->cwd_stale && t->proc_root[0]) {
		bool del = false;
		char *cwd = fdproc__cwd(t, tgid, &del);

		/* asked once; if the process is gone, what the stream said stands */
		p->cwd_stale = false;
		if (cwd) {
			fdt__set_cwd(t, p, cwd);
			p->cwd_deleted = del;
		}
	}
	*deleted = p->cwd_deleted;
	return p->cwd;
}

void fdtab__annotate_cwd(struct sr_fdtab *t, struct sr_out *o, const struct sr_call *c)
{
	bool deleted = false;
	const char *cwd;

	if (!t || !t->mode || !c)
		return;
	cwd = cwd_of(t, c->tgid, &deleted);
	if (!cwd)
		return;
	out__putc(o, '<');
	fdfmt__escaped(o, cwd, strlen(cwd));
	if (deleted)
		out__puts(o, " (deleted)");
	out__putc(o, '>');
}

int fdtab__abs_path(struct sr_fdtab *t, const struct sr_call *c, int dirfd, const char *path,
		    size_t len, char *buf, size_t size)
{
	struct fdf_file *d = NULL;
	const char *base = NULL;
	bool deleted;
	int n = -1;

	if (!t || !c || (len && path[0] == '/'))
		return -1;
	if (dirfd == AT_FDCWD) {
		base = cwd_of(t, c->tgid, &deleted);
	} else {
		d = lookup(t, c->tgid, dirfd);
		base = d && d->kind == FDF_PATH ? d->name : NULL;
	}
	if (base)
		n = path_join(base, path, len, buf, size);
	fdf__put(t, d);
	return n;
}

/* Set-up */

static const struct act_spec *spec_of(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(specs) / sizeof(specs[0]); i++)
		if (!strcmp(specs[i].name, name))
			return &specs[i];
	return NULL;
}

static void build_actions(struct sr_fdtab *t)
{
	int nr;

	for (nr = 0; nr < SR_NR_MAX; nr++) {
		const struct sr_sysent *e = syscalls__get(nr);
		const struct act_spec *s = spec_of(e->name);
		struct fdt_act *a = &t->act[nr];

		if (s) {
			a->act = s->act;
			a->cx_arg = s->cx_arg;
			a->cx_mask = s->cx_mask;
		} else if (e->ret == SR_R_FD) {
			a->act = ACT_NEWFD;
			a->cx_arg = CX_NEVER;
		}
	}
}

/* Linux 6.7 made inet_diag list bound TCP sockets that neither listen nor connect. */
static bool kernel_dumps_bound(void)
{
	struct utsname u;
	int major = 0, minor = 0;

	if (uname(&u) || sscanf(u.release, "%d.%d", &major, &minor) != 2)
		return true;
	return major > 6 || (major == 6 && minor >= 7);
}

bool fdtab__wanted(const struct sr_opts *o)
{
	return o->decode_fds || o->absolute_paths;
}

bool fdtab__tracks(const struct sr_sysent *e)
{
	return spec_of(e->name) || e->ret == SR_R_FD;
}

struct sr_fdtab *fdtab__new(const struct sr_opts *o)
{
	struct sr_fdtab *t = calloc(1, sizeof(*t));

	if (!t)
		return NULL;
	t->mode = o->decode_fds > 2 ? 2 : o->decode_fds;
	t->peer = o->peer;
	t->bound_inactive = kernel_dumps_bound();
	strcpy(t->proc_root, "/proc");
	build_actions(t);
	return t;
}

void fdtab__free(struct sr_fdtab *t)
{
	struct fdt_proc *p;
	size_t it = 0;

	if (!t)
		return;
	while ((p = idmap__next(&t->procs, &it, NULL)))
		proc_free(t, p);
	while (t->nfly)
		fdf__put(t, t->fly[--t->nfly].f);
	free(t->fly);
	idmap__free(&t->procs);
	idmap__free(&t->paths);
	idmap__free(&t->socks);
	idmap__free(&t->dirs);
	free(t);
}

void fdtab__set_proc_root(struct sr_fdtab *t, const char *root)
{
	if (!t)
		return;
	t->proc_root[0] = '\0';
	if (root && strlen(root) < sizeof(t->proc_root))
		strcpy(t->proc_root, root);
}

void fdtab__set_comm_fn(struct sr_fdtab *t, const char *(*fn)(void *ctx, uint32_t pid), void *ctx)
{
	if (!t)
		return;
	t->comm_of = fn;
	t->comm_ctx = ctx;
}
