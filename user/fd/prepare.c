// SPDX-License-Identifier: GPL-2.0
/*
 * Before a line prints: everything its annotations will read is resolved
 * here, so that printing only reads the tables (fdtab__describe()). The fds
 * a call names come from its row: FD and DIRFD arguments, relative PATH
 * arguments (--absolute-paths), the fds inside captured structs that their
 * kinds and decoders enumerate (struct sr_kind.fds, struct sr_decoder.fds),
 * and the fds it returns. An fd the tables cannot tell is read from /proc
 * once and kept; -yy socket details are read and frozen as strace keeps
 * them; --peer works out the process at the other end.
 */
#include <fcntl.h>
#include <limits.h>
#include <string.h>

#include "decode/decode.h" /* the struct kinds' fds() enumerators */
#include "fd/model.h"

/* One call being prepared. */
struct prep {
	struct sr_fdtab *t;
	const struct sr_call *c;
	sr_fd_comm_fn comm;
	void *ctx;
};

/* -yy details of a socket the line describes, and --peer's answer. */
static void prep_file(struct prep *x, struct fdf_file *f)
{
	struct sr_fdtab *t = x->t;

	if (f->kind != FDF_SOCKET)
		return;
	if (t->mode >= 2) {
		if (!(f->flags & FDF_SK_KNOWN))
			fdproc__sock_details(t, f);
		/* strace keeps the first description it printed */
		fdf__freeze_if_listed(t, f);
	}
	peer__resolve(t, f, x->c->tgid, x->comm, x->ctx);
}

/* An fd as the call began (SR_FDW_ARG). */
static void prep_fd(void *ctx, int fd)
{
	struct prep *x = ctx;
	const struct sr_call *c = x->c;
	struct fdf_file *f;

	if (fd < 0 || !x->t->mode)
		return;
	if (SR_FDACT(c->ent) == SR_FD_RECVMSG && c->has_exit && fdi__native(c)) {
		f = scm__peek(x->t, fdt__proc(x->t, c->tgid), c, fd);
		if (f) {
			prep_file(x, f);
			return;
		}
	}
	f = fdt__lookup(x->t, c->tgid, fd);
	if (f) {
		prep_file(x, f);
		fdf__put(x->t, f);
	}
}

/* A new fd whose path the call cut short and cannot complete: what /proc says, kept. */
static void prep_from_proc(struct prep *x, int fd)
{
	struct fdt_proc *p = fdt__proc(x->t, x->c->tgid);
	struct fdf_file *f;
	bool cloexec = false;

	f = p && x->t->proc_root[0] ? fdproc__fd(x->t, x->c->tgid, fd, &cloexec) : NULL;
	if (!f)
		return;
	prep_file(x, f);
	fdt__learn(x->t, p->files, fd, f, cloexec);
}

/* --peer for a new socket the call describes: kept for describe_new(). */
static void prep_new_peer(struct prep *x, int fd, struct fdf_file *f)
{
	struct sr_fdtab *t = x->t;
	struct fdt_newpeer *np;

	if (!t->peer || f->kind != FDF_SOCKET || t->nnewpeers >= FDT_MAX_NEWPEERS)
		return;
	peer__resolve(t, f, x->c->tgid, x->comm, x->ctx);
	np = &t->newpeers[t->nnewpeers++];
	np->tid = x->c->tid;
	np->fd = fd;
	np->ino = f->ino;
	np->pid = f->sk->peer_found;
	memcpy(np->comm, f->sk->peer_comm, sizeof(np->comm));
}

/* bpf()'s new fd @fd: the anon inode its command makes, or what /proc says. */
static void prep_bpf(struct prep *x, int fd)
{
	const char *name = fdt__bpf_anon_name(x->c->args[0]);
	struct fdt_proc *p;
	struct fdf_file *f;

	if (!name) {
		prep_from_proc(x, fd);
		return;
	}
	p = fdt__proc(x->t, x->c->tgid);
	f = p ? fdf__new(x->t, FDF_ANON, name, strlen(name)) : NULL;
	if (!f)
		return;
	f->owner = x->c->tgid;
	/* the kernel opens them close-on-exec */
	fdt__install(x->t, p->files, fd, f, true);
}

/* An fd the call created (SR_FDW_NEW): described by its exit, else as the table has it. */
static void prep_new(struct prep *x, int fd)
{
	const struct sr_call *c = x->c;
	const struct sr_fdinfo *fi;
	enum sr_fdact act;
	char path[PATH_MAX];
	struct fdf_file f;
	struct fdf_sock sk;

	if (fd < 0 || !x->t->mode)
		return;
	fi = fdi__find(c, fd, SR_FDI_SRC_RET);
	if (fi) {
		fdt__proc(x->t, c->tgid);
		if (desc__new_file(x->t, c, fi, &f, &sk, path, sizeof(path)))
			prep_new_peer(x, fd, &f);
		else
			prep_from_proc(x, fd);
		return;
	}
	act = fdi__native(c) ? SR_FDACT(c->ent) : SR_FD_NONE;
	/* a duplicate is what the original is */
	if (act == SR_FD_DUP || act == SR_FD_FCNTL)
		fd = (int)c->args[0];
	/*
	 * bpf's new fds, which the kernel side does not describe: the command
	 * says what anon inode they are (anon_inode:bpf-prog), else /proc
	 */
	if (act == SR_FD_BPF) {
		prep_bpf(x, fd);
		return;
	}
	prep_fd(x, fd);
}

/* --absolute-paths: the base of path argument @i, the dirfd before it or the cwd. */
static void prep_path(struct prep *x, int i)
{
	const struct sr_call *c = x->c;
	const struct sr_blob *b = call__blob(c, i, true);
	struct fdt_proc *p;
	struct fdf_file *d;
	int dirfd = AT_FDCWD;

	if (!x->t->abs_paths || (c->ent->args[i].flags & SR_AF_NOFILE) || !c->args[i] || !b ||
	    (b->flags & (SR_BF_FAULT | SR_BF_NULL | SR_BF_TRUNC)))
		return;
	if (b->len && *(const char *)blob_data(b) == '/')
		return;
	if (i > 0 && c->ent->args[i - 1].type == SR_T_DIRFD)
		dirfd = (int)c->args[i - 1];
	if (dirfd != AT_FDCWD) {
		d = fdt__lookup(x->t, c->tgid, dirfd);
		fdf__put(x->t, d);
		return;
	}
	p = fdt__proc(x->t, c->tgid);
	if (p)
		fdt__cwd_refresh(x->t, p);
}

static void prep_cwd(struct prep *x)
{
	struct fdt_proc *p;

	if (!x->t->mode)
		return;
	p = fdt__proc(x->t, x->c->tgid);
	if (p)
		fdt__cwd_refresh(x->t, p);
}

/* The fds in argument @i's struct, as its kind prints it from @b. */
static void prep_struct(struct prep *x, int i, const struct sr_blob *b)
{
	const struct sr_argdesc *a = &x->c->ent->args[i];
	const struct sr_kind *k = a->kind;
	const uint8_t *p;
	size_t n;

	if (!k->fds || !x->c->args[i] || !b || (b->flags & (SR_BF_FAULT | SR_BF_NULL)))
		return;
	p = blob_data(b);
	if (a->len == SR_L_NONE || !k->size) {
		k->fds(x->c, i, p, b->len, prep_fd, x);
		return;
	}
	for (n = 0; (n + 1) * k->size <= b->len; n++)
		k->fds(x->c, i, p + n * k->size, k->size, prep_fd, x);
}

/* An argument printed at entry. */
static void prep_entry_arg(struct prep *x, int i)
{
	const struct sr_call *c = x->c;
	const struct sr_argdesc *a = &c->ent->args[i];

	switch (a->type) {
	case SR_T_FD:
		prep_fd(x, (int)c->args[i]);
		break;
	case SR_T_DIRFD:
		if ((int)c->args[i] == AT_FDCWD)
			prep_cwd(x);
		else
			prep_fd(x, (int)c->args[i]);
		break;
	case SR_T_PATH:
		prep_path(x, i);
		break;
	case SR_T_STRUCT_IN:
	case SR_T_STRUCT_INOUT:
		prep_struct(x, i, c->in[i]);
		break;
	case SR_T_CUSTOM:
		if (a->dec->fds)
			a->dec->fds(c, i, false, prep_fd, x);
		break;
	}
}

/* An argument printed at exit. */
static void prep_exit_arg(struct prep *x, int i)
{
	const struct sr_call *c = x->c;
	const struct sr_argdesc *a = &c->ent->args[i];

	switch (a->type) {
	case SR_T_STRUCT_OUT:
		if (c->ret >= 0)
			prep_struct(x, i, call__blob(c, i, true));
		break;
	case SR_T_STRUCT_INOUT:
		prep_struct(x, i, call__blob(c, i, c->ret >= 0));
		break;
	case SR_T_CUSTOM:
		if (a->dec->fds)
			a->dec->fds(c, i, true, prep_fd, x);
		break;
	}
}

/* pipe, socketpair: the two new fds in the int[2] output. */
static void prep_pair(struct prep *x)
{
	const struct sr_call *c = x->c;
	const struct sr_blob *b;
	int32_t fds[2];
	int i;

	for (i = 0; i < c->ent->nargs && c->ent->args[i].type != SR_T_STRUCT_OUT; i++)
		;
	b = i < c->ent->nargs ? c->out[i] : NULL;
	if (!b || (b->flags & (SR_BF_FAULT | SR_BF_NULL)) || b->len < sizeof(fds))
		return;
	memcpy(fds, blob_data(b), sizeof(fds));
	prep_new(x, fds[0]);
	prep_new(x, fds[1]);
}

static void prep_exit(struct prep *x)
{
	const struct sr_call *c = x->c;
	enum sr_fdact act = SR_FDACT(c->ent);
	int i;

	for (i = 0; i < c->ent->nargs && i < SR_NARGS; i++)
		prep_exit_arg(x, i);
	if (c->ret < 0)
		return;
	if (act == SR_FD_PAIR)
		prep_pair(x);
	/* fcntl's F_DUPFD returns one too */
	if (c->ent->ret == SR_R_FD || act == SR_FD_FCNTL)
		prep_new(x, (int)c->ret);
}

void fdtab__prepare(struct sr_fdtab *t, const struct sr_call *c, unsigned int parts,
		    sr_fd_comm_fn comm, void *ctx)
{
	struct prep x = { t, c, comm, ctx };
	int i;

	if (!t || !c)
		return;
	t->nnewpeers = 0;
	if (parts & SR_FDP_ENTRY) {
		for (i = 0; i < c->ent->nargs && i < SR_NARGS; i++)
			prep_entry_arg(&x, i);
		/* close's entry: the fd is gone from the table as of now (replay.c on_close) */
		if (!c->has_exit && SR_FDACT(c->ent) == SR_FD_CLOSE && fdi__native(c))
			fdt__close_begins(t, c, (int)c->args[0]);
	}
	if ((parts & SR_FDP_EXIT) && c->has_exit)
		prep_exit(&x);
}
