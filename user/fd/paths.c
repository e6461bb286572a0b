// SPDX-License-Identifier: GPL-2.0
/*
 * Paths as the kernel walks them (as far as no symlinks are involved): a
 * relative path joined to the cwd or a dirfd, what unlink marks deleted,
 * what rename moves (open files and cwds below the old name).
 */
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "call/call.h"
#include "table/syscalls.h"
#include "table/xlat.h"
#include "fd/model.h"

/*
 * @rel joined to @base and made canonical the way the kernel walks it:
 * "." and empty components dropped, ".." removes the previous one.
 */
int fdt__path_join(const char *base, const char *rel, size_t rlen, char *buf, size_t size)
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

int fdt__resolve(const struct fdt_proc *p, int dirfd, const char *path, size_t len, char *buf,
		 size_t size)
{
	const struct fdf_file *d;
	const char *base;

	if (len && path[0] == '/')
		return fdt__path_join("/", path, len, buf, size);
	if (dirfd == AT_FDCWD) {
		base = p->cwd;
	} else {
		d = fdt__file_at(p, dirfd);
		base = d && d->kind == FDF_PATH ? d->name : NULL;
	}
	if (!base)
		return -1;
	return fdt__path_join(base, path, len, buf, size);
}

/*
 * The kernel side could not walk @fi's path whole (SR_FDI_TRUNC): the call's
 * own path argument, resolved from its dirfd or the cwd, if it agrees with
 * the part the kernel did see (the last components of a deep path, the
 * first ones of a long one).
 */
int fdt__whole_path(const struct fdt_proc *p, const struct sr_call *c, const struct sr_fdinfo *fi,
		    char *buf, size_t size)
{
	const char *seen = (const char *)(fi + 1), *path;
	int i, dirfd = AT_FDCWD, n;
	size_t len;

	for (i = 0; i < c->ent->nargs && c->ent->args[i].type != SR_T_PATH; i++)
		;
	if (i == c->ent->nargs || !fi->namelen)
		return -1;
	if (i > 0 && c->ent->args[i - 1].type == SR_T_DIRFD)
		dirfd = (int)c->args[i - 1];
	path = fdi__path_arg(c, i, &len);
	n = path && p ? fdt__resolve(p, dirfd, path, len, buf, size) : -1;
	if (n < 0 || (size_t)n < fi->namelen)
		return -1;
	if (!memcmp(buf + n - fi->namelen, seen, fi->namelen) ||
	    (!memcmp(buf, seen, fi->namelen) && buf[fi->namelen] == '/'))
		return n;
	return -1;
}

void fdt__mark_deleted(struct sr_fdtab *t, const char *path, size_t len, bool dir)
{
	struct fdf_file *f = idmap__get(&t->paths, fdf__path_hash(path, len)), *next;
	struct fdt_proc *p;
	size_t it = 0;

	for (; f; f = next) {
		next = f->hnext;
		if (f->namelen != len || memcmp(f->name, path, len))
			continue;
		fdf__unindex_path(t, f);
		f->flags |= FDF_DELETED;
	}
	if (!dir || !fdf__dirs_used(t, path, len))
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
 * The open files rename(@from, ...) moves: @from itself, found by its hash,
 * and the paths below it, looked for only when there are some (@below).
 * Into *@moved (malloc'ed); how many, or as many as there was room for.
 */
static size_t moved_files(struct sr_fdtab *t, const char *from, size_t flen, bool below,
			  struct fdf_file ***moved)
{
	size_t it = 0, n = 0, cap = 0;
	struct fdf_file *f;

	for (f = idmap__get(&t->paths, fdf__path_hash(from, flen)); f; f = f->hnext)
		if (f->namelen == flen && !memcmp(f->name, from, flen) &&
		    !moved_add(moved, &n, &cap, f))
			return n;
	t->path_scans += below;
	while (below && (f = idmap__next(&t->paths, &it, NULL))) {
		for (; f; f = f->hnext)
			if (f->namelen > flen && path_under(f->name, f->namelen, from, flen) &&
			    !moved_add(moved, &n, &cap, f))
				return n;
	}
	return n;
}

/*
 * rename(@from, @to): open files at or below @from now have paths below
 * @to, and so do cwds.
 */
void fdt__rename_paths(struct sr_fdtab *t, const char *from, const char *to)
{
	size_t flen = strlen(from), tlen = strlen(to), it = 0, n, i;
	struct fdf_file *f, **moved = NULL;
	bool below = fdf__dirs_used(t, from, flen);
	struct fdt_proc *p;
	char buf[PATH_MAX];

	n = moved_files(t, from, flen, below, &moved);
	for (i = 0; i < n; i++) {
		f = moved[i];
		if (tlen + f->namelen - flen >= sizeof(buf))
			continue;
		memcpy(buf, to, tlen);
		memcpy(buf + tlen, f->name + flen, f->namelen - flen);
		fdf__rename(t, f, buf, tlen + f->namelen - flen);
	}
	free(moved);
	/* a cwd in the directory moved, or below it, moves too */
	while (below && (p = idmap__next(&t->procs, &it, NULL))) {
		size_t clen = p->cwd ? strlen(p->cwd) : 0;

		if (!p->cwd || p->cwd_deleted || !path_under(p->cwd, clen, from, flen) ||
		    tlen + clen - flen >= sizeof(buf))
			continue;
		memcpy(buf, to, tlen);
		memcpy(buf + tlen, p->cwd + flen, clen - flen + 1);
		fdt__cwd_set(t, p, buf, false);
	}
}

void fdt__cwd_set(struct sr_fdtab *t, struct fdt_proc *p, const char *path, bool deleted)
{
	char *s = strdup(path);

	if (!s)
		return;
	fdt__set_cwd(t, p, s);
	p->cwd_deleted = deleted;
	p->cwd_stale = false;
}

void fdt__cwd_unknown(struct sr_fdtab *t, struct fdt_proc *p)
{
	fdt__set_cwd(t, p, NULL);
	p->cwd_deleted = false;
	p->cwd_stale = true;
}
