// SPDX-License-Identifier: GPL-2.0
/*
 * The traced processes the fd model knows: found by tgid, read from /proc
 * the first time they are seen, forked, forgotten on exit or, at the cap,
 * when idle; lookups of an fd that ask /proc once where the stream could
 * not tell; and the life of the whole model (fdtab__new() ... free()).
 */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "cli/opts.h"
#include "fd/model.h"

static void proc_free(struct sr_fdtab *t, struct fdt_proc *p)
{
	if (!p)
		return;
	fdt__files_put(t, p->files);
	fdt__set_cwd(t, p, NULL);
	fdt__rings_forget(t, p);
	free(p);
}

static struct fdt_proc *proc_new(uint32_t tgid, bool complete)
{
	struct fdt_proc *p = calloc(1, sizeof(*p));

	if (!p)
		return NULL;
	p->tgid = tgid;
	p->files = fdt__files_new(complete);
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

struct seed_ctx {
	struct sr_fdtab *t;
	struct fdt_proc *p;
};

static void seed_fd(void *ctx, int fd)
{
	struct seed_ctx *s = ctx;
	bool cloexec = false;
	struct fdf_file *f = fdproc__fd(s->t, s->p->tgid, fd, &cloexec);

	if (f)
		fdt__install(s->t, s->p->files, fd, f, cloexec);
}

/* Read @p's fds and cwd from /proc: its table is then complete. */
static void proc_seed(struct sr_fdtab *t, struct fdt_proc *p)
{
	struct seed_ctx s = { t, p };

	if (fdproc__each_fd(t, p->tgid, seed_fd, &s))
		return;
	fdt__set_cwd(t, p, fdproc__cwd(t, p->tgid, &p->cwd_deleted));
	p->files->complete = true;
}

struct fdt_proc *fdt__proc(struct sr_fdtab *t, uint32_t tgid)
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
	if (t->proc_root[0])
		proc_seed(t, p);
	return proc_add(t, p) ? NULL : p;
}

const struct fdt_proc *fdt__proc_known(const struct sr_fdtab *t, uint32_t tgid)
{
	return idmap__get(&t->procs, tgid);
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
 * process and (FDT_MADE) the fd are still there; @n is what it showed, or
 * NULL. Return the file.
 */
static struct fdf_file *settle_guess(struct sr_fdtab *t, struct fdt_files *fs, int fd,
				     struct fdf_file *n, bool cloexec, uint32_t tgid)
{
	struct fdt_slot *s = &fs->slots[fd];
	struct fdf_file *f = s->f;
	bool made = s->unknown == FDT_MADE;

	s->unknown = 0;
	if (!n) {
		/* the fd a call made was closed since (lines print late) */
		if (made)
			return f;
		if (!fdproc__gone(t, tgid)) {
			/* the process is there, the fd is not */
			fdt__slot_clear(t, s);
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
	fdt__learn(t, fs, fd, n, cloexec);
	return n;
}

/* Can /proc tell what an fd never seen is? */
static bool may_fall_back(const struct sr_fdtab *t, const struct fdt_files *fs)
{
	return t->proc_root[0] && !fs->complete;
}

/*
 * An incomplete table asks /proc once per fd and keeps the answer, as does
 * a slot the stream could not describe (s->unknown).
 */
struct fdf_file *fdt__lookup(struct sr_fdtab *t, uint32_t tgid, int fd)
{
	struct fdt_proc *p;
	struct fdt_slot *s;
	struct fdf_file *f;
	bool cloexec = false;

	if (fd < 0)
		return NULL;
	p = fdt__proc(t, tgid);
	if (!p)
		return NULL;
	s = fdt__slot(p->files, fd, false);
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
		s = fdt__slot(p->files, fd, true);
		if (s) {
			s->closed = 1; /* asked once: not there */
			s->unknown = 0;
		}
		return NULL;
	}
	f->refs++;
	fdt__learn(t, p->files, fd, f, cloexec);
	return f;
}

void fdt__cwd_refresh(struct sr_fdtab *t, struct fdt_proc *p)
{
	bool del = false;
	char *cwd;

	if (!p->cwd_stale || !t->proc_root[0])
		return;
	/* asked once; if the process is gone, what the stream said stands */
	p->cwd_stale = false;
	cwd = fdproc__cwd(t, p->tgid, &del);
	if (cwd) {
		fdt__set_cwd(t, p, cwd);
		p->cwd_deleted = del;
	}
}

uint32_t fdt__holder(const struct sr_fdtab *t, const struct fdf_file *f, uint32_t other_than,
		     uint32_t prefer)
{
	const struct fdt_proc *p;
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

void fdt__unshare(struct sr_fdtab *t, struct fdt_proc *p)
{
	struct fdt_files *fs;

	if (p->files->refs == 1)
		return;
	fs = fdt__files_copy(t, p->files);
	if (!fs)
		return;
	fdt__files_put(t, p->files);
	p->files = fs;
}

void fdtab__on_fork(struct sr_fdtab *t, uint32_t parent_tgid, uint32_t child_tgid, bool share_files)
{
	struct fdt_proc *pp, *cp;

	if (!t)
		return;
	pp = fdt__proc(t, parent_tgid);
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
		cp->files = fdt__files_copy(t, pp->files);
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
	/* tables are suspected lazily, when next used (fdt__proc()) */
	t->epoch++;
	/* sends and receives may be missing: the queue no longer lines up */
	fly__clear(t);
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
	p = fdt__proc(t, tgid);
	return p && p->files->complete ? 0 : -ESRCH;
}

bool fdtab__wanted(const struct sr_opts *o)
{
	/* -P matches fds by the path they are open on */
	return o->decode_fds || o->absolute_paths || o->npaths;
}

struct sr_fdtab *fdtab__new(const struct sr_opts *o)
{
	struct sr_fdtab *t = calloc(1, sizeof(*t));

	if (!t)
		return NULL;
	t->mode = o->decode_fds > 2 ? 2 : o->decode_fds;
	t->kinds = opts__fd_kinds(o);
	t->peer = o->peer;
	t->hexstr = o->hexstr;
	t->abs_paths = o->absolute_paths;
	t->bound_inactive = fdproc__dumps_bound();
	strcpy(t->proc_root, "/proc");
	return t;
}

void fdtab__state(const struct sr_fdtab *t, struct sr_fd_state *st)
{
	*st = (struct sr_fd_state){ .procs = t->procs.used,
				    .files = t->nfiles,
				    .open = t->nopen,
				    .socks = t->socks.used,
				    .paths = t->paths.used,
				    .dirs = t->dirs.used,
				    .inflight = t->nfly };
}

void fdtab__free(struct sr_fdtab *t)
{
	struct fdt_proc *p;
	size_t it = 0;

	if (!t)
		return;
	while ((p = idmap__next(&t->procs, &it, NULL)))
		proc_free(t, p);
	fly__clear(t);
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
