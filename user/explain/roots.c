// SPDX-License-Identifier: GPL-2.0
/*
 * The root directories of traced processes that differ from sysray's own
 * (containers, chroots), held open: a report looks at a path's modes after
 * the failure reaches sysray, and by then the process (and with it the
 * container's mount namespace) may be gone. An open O_PATH descriptor of
 * its root keeps those files reachable through /proc/self/fd/N. A bounded
 * number is kept; the oldest is closed when a new one is needed, and a
 * process whose root was closed (or never seen) is reported as such.
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "explain/internal.h"

void roots__init(struct xp_roots *r)
{
	int i;

	memset(r, 0, sizeof(*r));
	for (i = 0; i < XP_ROOTS; i++)
		r->fd[i] = -1;
}

void roots__free(struct xp_roots *r)
{
	int i;

	for (i = 0; i < XP_ROOTS; i++)
		if (r->fd[i] >= 0)
			close(r->fd[i]);
	roots__init(r);
}

void roots__look(struct xp_roots *r, uint32_t tgid, struct xp_proc *p)
{
	char path[64];
	struct stat own, st;
	int i, fd;

	snprintf(path, sizeof(path), "/proc/%u/root", tgid);
	fd = open(path, O_PATH | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return; /* gone already: what it inherited stays */
	if (fstat(fd, &st) || stat("/", &own)) {
		close(fd);
		return;
	}
	if (st.st_dev == own.st_dev && st.st_ino == own.st_ino) {
		close(fd);
		p->root = XP_ROOT_OWN;
		return;
	}
	for (i = 0; i < XP_ROOTS; i++) {
		if (r->fd[i] >= 0 && r->dev[i] == st.st_dev && r->ino[i] == st.st_ino) {
			close(fd);
			p->root = i;
			p->root_gen = r->gen[i];
			return;
		}
	}
	i = r->next;
	r->next = (r->next + 1) % XP_ROOTS;
	if (r->fd[i] >= 0)
		close(r->fd[i]);
	r->fd[i] = fd;
	r->dev[i] = st.st_dev;
	r->ino[i] = st.st_ino;
	r->gen[i] = ++r->generation;
	p->root = i;
	p->root_gen = r->gen[i];
}

int roots__fd(const struct xp_roots *r, const struct xp_proc *p)
{
	if (p->root < 0)
		return p->root;
	return r->gen[p->root] == p->root_gen ? r->fd[p->root] : XP_ROOT_UNKNOWN;
}
