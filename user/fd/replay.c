// SPDX-License-Identifier: GPL-2.0
/*
 * What each syscall does to the fd tables, replayed when its exit arrives:
 * the row's fd action (include/sysray/syscalls.def, FDA(...)) says which
 * handler runs, the kernel side's fdinfo blobs say what new fds are.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sched.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/bpf.h>
#include <linux/close_range.h>
#include <linux/openat2.h>
#include <linux/seccomp.h>

#include "call/call.h"
#include "table/syscalls.h"
#include "table/xlat.h"
#include "fd/model.h"

/* SR_T_STRUCT_IN flags words hold the close-on-exec bit in their first u64. */
_Static_assert(offsetof(struct open_how, flags) == 0, "open_how.flags first");

/* Is the fd @c created close-on-exec (the row's CX() argument, or CXALL)? */
static bool cloexec_of(const struct sr_call *c)
{
	const struct sr_sysent *e = c->ent;
	int i = syscalls__cloexec_arg(e);
	const struct sr_blob *b;
	uint64_t flags;

	if (e->flags & SR_F_CXALL)
		return true;
	if (i < 0)
		return false;
	if (e->args[i].type != SR_T_STRUCT_IN)
		return c->args[i] & e->args[i].cloexec;
	b = c->in[i];
	if (!b || (b->flags & (SR_BF_FAULT | SR_BF_NULL)) || b->len < sizeof(flags))
		return false;
	memcpy(&flags, blob_data(b), sizeof(flags));
	return flags & e->args[i].cloexec;
}

/* fdf__fixup() for a file of the table: the new name is copied, and not indexed. */
static void fixup_file(struct sr_fdtab *t, struct fdf_file *f, const struct sr_call *c)
{
	char buf[PATH_MAX];
	char *old = f->name;
	uint32_t oldlen = f->namelen;

	fdf__fixup(f, c, buf, sizeof(buf));
	if (f->name == old)
		return;
	f->name = old;
	f->namelen = oldlen;
	fdf__unindex_path(t, f);
	fdf__set_name(f, buf, strlen(buf));
}

/*
 * The file @fi describes, new to the tables; NULL if its path was cut
 * short and the call does not tell the rest: /proc says, when asked.
 */
static struct fdf_file *file_from_info(struct sr_fdtab *t, const struct fdt_proc *p,
				       const struct sr_call *c, const struct sr_fdinfo *fi)
{
	char buf[PATH_MAX];
	struct fdf_file *f;
	int n = 0;

	if ((fi->flags & SR_FDI_TRUNC) && (n = fdt__whole_path(p, c, fi, buf, sizeof(buf))) < 0)
		return NULL;
	f = fdf__from_info(t, fi, c->tgid);
	if (f && n)
		fdf__rename(t, f, buf, n);
	return f;
}

static void on_newfd(struct sr_fdtab *t, struct fdt_proc *p, const struct sr_call *c)
{
	int fd = (int)c->ret;
	const struct sr_fdinfo *fi = fdi__find(c, fd, SR_FDI_SRC_RET);
	struct fdt_slot *s = fdt__slot(p->files, fd, false);
	enum sr_fdact act = SR_FDACT(c->ent);
	bool cx = cloexec_of(c);
	struct fdf_file *f, *old;

	/* signalfd on an existing fd changes its mask, not its flags */
	if (act == SR_FD_SIGNALFD && (int)c->args[0] == fd && s)
		cx = s->cloexec;
	if (act == SR_FD_DUP) {
		if ((int)c->args[0] == fd)
			return; /* dup2(3, 3) changes nothing */
		old = fdt__file_at(p, (int)c->args[0]);
		if (old && (!fi || old->ino == fi->ino)) {
			if (fi)
				fdf__update(t, old, fi);
			old->refs++;
			fdt__install(t, p->files, fd, old, cx);
			return;
		}
	}
	f = fi ? file_from_info(t, p, c, fi) : NULL;
	if (f) {
		fixup_file(t, f, c);
		/* as printed with the return value */
		fdf__freeze_if_listed(t, f);
	} else if (fi && s && s->f && !s->unknown && s->f->ino == fi->ino) {
		/* a cut path read from /proc as the call was prepared */
		s->cloexec = cx;
		return;
	}
	fdt__install(t, p->files, fd, f, cx);
}

static void on_pair(struct sr_fdtab *t, struct fdt_proc *p, const struct sr_call *c)
{
	const struct sr_blob *it = NULL;
	const struct sr_fdinfo *fi;
	bool cx = cloexec_of(c);

	while ((fi = fdi__next(c, &it))) {
		struct fdf_file *f;

		if (fi->src != SR_FDI_SRC_RET)
			continue;
		f = fdf__from_info(t, fi, c->tgid);
		if (f)
			fdf__freeze_if_listed(t, f);
		fdt__install(t, p->files, fi->fd, f, cx);
	}
}

static void on_sockupd(struct sr_fdtab *t, struct fdt_proc *p, const struct sr_call *c)
{
	int fd = (int)c->args[0];
	const struct sr_fdinfo *fi = fdi__find(c, fd, 0);
	struct fdf_file *f = fdt__file_at(p, fd);
	struct fdt_slot *s;

	if (!fi)
		return;
	if (f && f->ino == fi->ino) {
		fdf__update(t, f, fi);
		return;
	}
	s = fdt__slot(p->files, fd, false);
	fdt__install(t, p->files, fd, fdf__from_info(t, fi, c->tgid), s && s->cloexec);
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
	struct fdt_slot *s = fdt__slot(p->files, fd, false);
	const struct sr_fdinfo *fi = fdi__find(c, fd, 0);

	if (s && s->over_tid == c->tid) {
		s->over_tid = 0;
		return;
	}
	if (fi) {
		if (!s || !s->f || s->f->ino != fi->ino)
			fdt__install(t, p->files, fd, file_from_info(t, p, c, fi), s && s->cloexec);
		return;
	}
	/* closed even when close fails, unless it was not open */
	if (c->ret != -EBADF)
		fdt__close_fd(t, p->files, fd);
}

void fdt__close_begins(struct sr_fdtab *t, const struct sr_call *c, int fd)
{
	struct fdt_proc *p = idmap__get(&t->procs, c->tgid);
	struct fdt_slot *s = p ? fdt__slot(p->files, fd, false) : NULL;

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
		fdt__unshare(t, p);
	fs = p->files;
	if (last >= fs->nslots)
		last = fs->nslots ? fs->nslots - 1 : 0;
	for (fd = first; fd <= last && fd < fs->nslots; fd++) {
		if (c->args[2] & CLOSE_RANGE_CLOEXEC)
			fs->slots[fd].cloexec = 1;
		else
			fdt__close_fd(t, fs, fd);
	}
}

static void on_fcntl(struct sr_fdtab *t, struct fdt_proc *p, const struct sr_call *c)
{
	uint32_t cmd = (uint32_t)c->args[1];
	struct fdf_file *f;
	struct fdt_slot *s;

	if (cmd == F_DUPFD || cmd == F_DUPFD_CLOEXEC) {
		/* no fdinfo: fcntl does not return an fd for the other commands */
		f = fdt__file_at(p, (int)c->args[0]);
		if (f)
			f->refs++;
		fdt__install(t, p->files, (int)c->ret, f, cmd == F_DUPFD_CLOEXEC);
	} else if (cmd == F_SETFD) {
		s = fdt__slot(p->files, (int)c->args[0], false);
		if (s)
			s->cloexec = c->args[2] & FD_CLOEXEC;
	}
}

/* A successful execve closes the close-on-exec fds, in a table of its own. */
static void on_exec(struct sr_fdtab *t, struct fdt_proc *p)
{
	struct fdt_files *fs;
	uint32_t i;

	fdt__unshare(t, p);
	fs = p->files;
	for (i = 0; i < fs->nslots; i++)
		if (fs->slots[i].f && fs->slots[i].cloexec)
			fdt__close_fd(t, fs, i);
}

/*
 * A cwd deeper than PATH_MAX is kept too: the kernel has no name for it
 * (describe_cwd() shows none, as strace's readlink of /proc/PID/cwd gets
 * none), but a later chdir("..") comes back from it.
 */
static void on_chdir(struct sr_fdtab *t, struct fdt_proc *p, const struct sr_call *c)
{
	char real[PATH_MAX], *buf;
	const char *path;
	size_t len, size;

	path = fdi__path_arg(c, 0, &len);
	size = (p->cwd ? strlen(p->cwd) : 0) + len + 2;
	buf = path ? malloc(size) : NULL;
	if (!buf || fdt__resolve(p, AT_FDCWD, path, len, buf, size) < 0) {
		free(buf);
		fdt__cwd_unknown(t, p);
		return;
	}
	/* the kernel follows symlinks; realpath() does too, while the directory exists */
	fdt__cwd_set(t, p, realpath(buf, real) ? real : buf, false);
	free(buf);
}

static void on_fchdir(struct sr_fdtab *t, struct fdt_proc *p, const struct sr_call *c)
{
	const struct fdf_file *f = fdt__file_at(p, (int)c->args[0]);

	if (f && f->kind == FDF_PATH)
		fdt__cwd_set(t, p, f->name, f->flags & FDF_DELETED);
	else
		fdt__cwd_unknown(t, p);
}

/* unlink, rmdir, unlinkat: the path of argument @i, from @dirfd. */
static void on_unlink(struct sr_fdtab *t, struct fdt_proc *p, const struct sr_call *c, int i,
		      int dirfd, bool dir)
{
	char buf[PATH_MAX];
	const char *path;
	size_t len;
	int n;

	path = fdi__path_arg(c, i, &len);
	if (!path)
		return;
	n = fdt__resolve(p, dirfd, path, len, buf, sizeof(buf));
	if (n > 0)
		fdt__mark_deleted(t, buf, n, dir);
}

static void on_rename(struct sr_fdtab *t, struct fdt_proc *p, const struct sr_call *c, bool at)
{
	char from[PATH_MAX], to[PATH_MAX], tmp[PATH_MAX + 16];
	const char *a, *b;
	size_t alen, blen;
	int odir = at ? (int)c->args[0] : AT_FDCWD, ndir = at ? (int)c->args[2] : AT_FDCWD;
	uint64_t flags = at && c->ent->nargs > 4 ? c->args[4] : 0;

	a = fdi__path_arg(c, at ? 1 : 0, &alen);
	b = fdi__path_arg(c, at ? 3 : 1, &blen);
	if (!a || !b || fdt__resolve(p, odir, a, alen, from, sizeof(from)) < 0 ||
	    fdt__resolve(p, ndir, b, blen, to, sizeof(to)) < 0 || !strcmp(from, to))
		return;
	if (flags & RENAME_EXCHANGE) {
		/* through a name no file can have */
		snprintf(tmp, sizeof(tmp), "%s\n", from);
		fdt__rename_paths(t, from, tmp);
		fdt__rename_paths(t, to, from);
		fdt__rename_paths(t, tmp, to);
		return;
	}
	/* over a directory: a cwd there is gone */
	fdt__mark_deleted(t, to, strlen(to), true);
	fdt__rename_paths(t, from, to);
}

/*
 * A new fd at @fd that the call did not describe: /proc says what it is
 * when it is first used, else @guess (a reference taken over; may be NULL)
 * if the process or the fd is gone by then. @sure: the call did create it; otherwise
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
		s = fdt__slot(fs, (int)fd, false);
		if (s)
			s->unknown = guess ? FDT_MADE : 1;
		return;
	}
	/* a new fd takes the lowest free number: at most one past the table */
	if (fd > fs->nslots)
		goto out;
	s = fdt__slot(fs, (int)fd, true);
	if (s && !s->f) {
		s->closed = 0;
		s->unknown = 1;
	}
out:
	fdf__put(t, guess);
}

/* clone with CLONE_PIDFD: the parent has a pidfd, stored where parent_tid points. */
static void on_clone(struct sr_fdtab *t, struct fdt_proc *p, const struct sr_call *c)
{
	const struct sr_blob *b = c->out[2];
	struct fdf_file *f;
	int32_t fd;

	if (c->ret <= 0 || !(c->args[0] & CLONE_PIDFD))
		return;
	/* the capture of it is a u32 */
	if (!b || (b->flags & (SR_BF_FAULT | SR_BF_NULL)) || b->len < sizeof(fd)) {
		fdt__files_forget(p->files);
		return;
	}
	f = fdf__new(t, FDF_PIDFD, FDF_PIDFD_NAME, FDF_PIDFD_LEN);
	if (f) {
		f->pid = (uint32_t)c->ret;
		f->owner = c->tgid;
	}
	memcpy(&fd, blob_data(b), sizeof(fd));
	new_unknown(t, p->files, fd, true, f);
}

/* clone3 with CLONE_PIDFD: where it went (clone_args.pidfd) is not captured. */
static void on_clone3(struct sr_fdtab *t, struct fdt_proc *p, const struct sr_call *c)
{
	const struct sr_blob *b = c->in[0];
	uint64_t flags;

	if (c->ret <= 0 || !b || (b->flags & (SR_BF_FAULT | SR_BF_NULL)) || b->len < sizeof(flags))
		return;
	memcpy(&flags, blob_data(b), sizeof(flags)); /* clone_args.flags */
	/* any fd may be it */
	if (flags & CLONE_PIDFD)
		fdt__files_forget(p->files);
}

/* The anon inode a bpf command's new fd is, as /proc names it. */
const char *fdt__bpf_anon_name(uint64_t cmd)
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
	bool listener;

	*name = NULL;
	if (c->ret < 0)
		return 0;
	switch (SR_FDACT(c->ent)) {
	case SR_FD_BPF:
		/* 0 or a new fd */
		*name = fdt__bpf_anon_name(c->args[0]);
		return c->ret > 0 || *name ? 2 : 1;
	case SR_FD_SECCOMP:
		listener = c->args[0] == SECCOMP_SET_MODE_FILTER &&
			   (c->args[1] & SECCOMP_FILTER_FLAG_NEW_LISTENER);
		*name = "seccomp notify";
		return listener ? 2 : 0;
	default:
		/* ioctl: NS_GET_USERNS, KVM_CREATE_VM, PIDFD_GET_*_NAMESPACE... or a number */
		return 1;
	}
}

static void on_maybe_fd(struct sr_fdtab *t, struct fdt_proc *p, const struct sr_call *c)
{
	const char *name;
	int how = maybe_fd(c, &name);
	struct fdf_file *f;

	if (!how)
		return;
	f = how == 2 && name ? fdf__new(t, FDF_ANON, name, strlen(name)) : NULL;
	if (f && c->ret < FDT_MAX_FD) {
		/*
		 * the call says what it is (bpf's command, seccomp's listener):
		 * no guess for /proc to settle, which a process that closed it
		 * since would undo; all close-on-exec
		 */
		f->owner = c->tgid;
		fdt__install(t, p->files, (int)c->ret, f, true);
		return;
	}
	new_unknown(t, p->files, c->ret, how == 2, f);
}

/* The handler of an fd action. */
static void replay_action(struct sr_fdtab *t, struct fdt_proc *p, const struct sr_call *c)
{
	switch (SR_FDACT(c->ent)) {
	case SR_FD_URING_SETUP:
		/* a new ring may have an old one's address: what was known goes */
		fdt__rings_forget(t, p);
		on_newfd(t, p, c);
		break;
	case SR_FD_URING_REG:
		fdt__rings_register(t, p, c);
		break;
	case SR_FD_NEWFD:
	case SR_FD_MEMFD:
	case SR_FD_PIDFD:
	case SR_FD_SIGNALFD:
	case SR_FD_DUP:
		on_newfd(t, p, c);
		break;
	case SR_FD_PAIR:
		on_pair(t, p, c);
		break;
	case SR_FD_SENDMSG:
		if (!fdi__failed(c))
			scm__send(t, p, c);
		break;
	case SR_FD_RECVMSG:
		scm__recv(t, p, c);
		break;
	case SR_FD_CLOSE:
		on_close(t, p, c);
		break;
	case SR_FD_CLOSE_RANGE:
		on_close_range(t, p, c);
		break;
	case SR_FD_FCNTL:
		on_fcntl(t, p, c);
		break;
	case SR_FD_CHDIR:
		on_chdir(t, p, c);
		break;
	case SR_FD_FCHDIR:
		on_fchdir(t, p, c);
		break;
	case SR_FD_UNLINK:
	case SR_FD_RMDIR:
		on_unlink(t, p, c, 0, AT_FDCWD, SR_FDACT(c->ent) == SR_FD_RMDIR);
		break;
	case SR_FD_UNLINKAT:
		on_unlink(t, p, c, 1, (int)c->args[0], c->args[2] & AT_REMOVEDIR);
		break;
	case SR_FD_RENAME:
	case SR_FD_RENAMEAT:
		on_rename(t, p, c, SR_FDACT(c->ent) == SR_FD_RENAMEAT);
		break;
	case SR_FD_UNSHARE:
		if (c->args[0] & CLONE_FILES)
			fdt__unshare(t, p);
		break;
	case SR_FD_SETNS:
		/*
		 * Entering a mount namespace moves root and cwd to its root: "/" as the
		 * process sees it (and as /proc/PID/cwd reads from outside). Type 0 may
		 * be any namespace: the cwd is then read from /proc when needed.
		 */
		if (c->args[1] & CLONE_NEWNS)
			fdt__cwd_set(t, p, "/", false);
		else if (!(c->args[1] & 0xffffffff))
			fdt__cwd_unknown(t, p);
		break;
	case SR_FD_CLONE:
		on_clone(t, p, c);
		break;
	case SR_FD_CLONE3:
		on_clone3(t, p, c);
		break;
	case SR_FD_IOCTL:
	case SR_FD_BPF:
	case SR_FD_SECCOMP:
		on_maybe_fd(t, p, c);
		break;
	default:
		break;
	}
}

void fdtab__on_syscall(struct sr_fdtab *t, const struct sr_call *c)
{
	struct fdt_proc *p;
	bool failed;

	if (!t || !c->has_exit || !fdi__native(c) || !syscalls__changes_fds(c->ent))
		return;
	failed = fdi__failed(c);
	/* a failed close still closes; a failed connect (EINPROGRESS) has addresses */
	if (failed && SR_FDACT(c->ent) != SR_FD_CLOSE && !(c->ent->flags & SR_F_SOCK))
		return;
	p = fdt__proc(t, c->tgid);
	if (!p)
		return;
	if (c->ent->flags & SR_F_SOCK)
		on_sockupd(t, p, c);
	if (c->ent->flags & SR_F_EXEC)
		on_exec(t, p);
	replay_action(t, p, c);
}

void fdtab__on_orphan_exit(struct sr_fdtab *t, const struct sr_call *c)
{
	const struct sr_blob *it = NULL;
	const struct sr_fdinfo *fi;
	struct fdt_proc *p;

	if (!t || !fdi__native(c) || fdi__failed(c))
		return;
	p = fdt__proc(t, c->tgid);
	while (p && (fi = fdi__next(c, &it)))
		if (fi->src == SR_FDI_SRC_RET)
			fdt__install(t, p->files, fi->fd, file_from_info(t, p, c, fi), false);
}
