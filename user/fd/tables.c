// SPDX-License-Identifier: GPL-2.0
/*
 * Descriptor tables (struct fdt_files): one slot per fd number, shared by
 * threads and CLONE_FILES children, copied for forks; and a process's cwd.
 */
#include <stdlib.h>
#include <string.h>

#include "fd/model.h"

struct fdt_files *fdt__files_new(bool complete)
{
	struct fdt_files *fs = calloc(1, sizeof(*fs));

	if (fs) {
		fs->refs = 1;
		fs->complete = complete;
	}
	return fs;
}

struct fdt_slot *fdt__slot(struct fdt_files *fs, int fd, bool grow)
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

void fdt__slot_clear(struct sr_fdtab *t, struct fdt_slot *s)
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
	struct fdt_slot *s = fdt__slot(fs, fd, true);

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
	fdt__slot_clear(t, s);
	s->f = f;
	s->cloexec = cloexec;
	s->closed = 0;
	s->unknown = !f;
	if (f)
		t->nopen++;
}

void fdt__learn(struct sr_fdtab *t, struct fdt_files *fs, int fd, struct fdf_file *f, bool cloexec)
{
	struct fdt_slot *s = fdt__slot(fs, fd, false);
	uint32_t close_tid = s ? s->close_tid : 0, over_tid = s ? s->over_tid : 0;

	fdt__install(t, fs, fd, f, cloexec);
	s = fdt__slot(fs, fd, false);
	if (s) {
		s->close_tid = close_tid;
		s->over_tid = over_tid;
	}
}

void fdt__close_fd(struct sr_fdtab *t, struct fdt_files *fs, int fd)
{
	struct fdt_slot *s = fdt__slot(fs, fd, !fs->complete);

	if (!s)
		return;
	fdt__slot_clear(t, s);
	s->closed = 1;
}

void fdt__files_put(struct sr_fdtab *t, struct fdt_files *fs)
{
	uint32_t i;

	if (!fs || --fs->refs)
		return;
	for (i = 0; i < fs->nslots; i++)
		fdt__slot_clear(t, &fs->slots[i]);
	free(fs->slots);
	free(fs);
}

struct fdt_files *fdt__files_copy(struct sr_fdtab *t, const struct fdt_files *src)
{
	struct fdt_files *fs = fdt__files_new(src->complete);
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
	/* a table never given a slot has none (NULL): nothing to copy */
	if (src->nslots)
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

void fdt__files_forget(struct fdt_files *fs)
{
	uint32_t i;

	fs->complete = false;
	for (i = 0; i < fs->nslots; i++)
		fs->slots[i].closed = 0;
}

struct fdf_file *fdt__file_at(const struct fdt_proc *p, int fd)
{
	const struct fdt_files *fs = p->files;

	return fd >= 0 && (uint32_t)fd < fs->nslots ? fs->slots[fd].f : NULL;
}

void fdt__set_cwd(struct sr_fdtab *t, struct fdt_proc *p, char *cwd)
{
	if (p->cwd) {
		fdf__dirs_count(t, p->cwd, strlen(p->cwd), true, -1);
		free(p->cwd);
	}
	p->cwd = cwd;
	if (cwd)
		fdf__dirs_count(t, cwd, strlen(cwd), true, 1);
}
