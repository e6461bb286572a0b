// SPDX-License-Identifier: GPL-2.0
/*
 * --decode-pids=pidns (see pidns.h). A task's namespace is the inode of
 * /proc/TID/ns/pid and its depth the number of ids on its NSpid line; an
 * id N of kind K in namespace X is the task (or process, group, session)
 * whose K line has N at X's depth, in X or a namespace below it: the first
 * id on that line is the same one in /proc's namespace, sysray's (sysray
 * runs in the host's, see capture/probe.c).
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <linux/nsfs.h>

#include "host/pidns.h"

#define MAX_DEPTH 32 /* the kernel's MAX_PID_NS_LEVEL */
#define NTASKS	  1024 /* direct-mapped caches: a lost entry is read again */
#define NIDS	  1024

/* A traced task's namespace, kept for when it has exited before its line prints. */
struct ns_task {
	uint32_t tid;
	int depth;
	uint64_t ino;
	int32_t own[SR_PK_COUNT]; /* its own ids in its namespace */
	int32_t host[SR_PK_COUNT]; /* ...and in ours */
	uint64_t gone; /* when its exit was seen (kernel ns), 0: not yet */
};

/* An answer: in namespace @ino, id @id of @kind was found on task @proc's line. */
struct ns_id {
	uint64_t ino;
	int32_t id;
	int kind;
	int32_t proc;
};

struct sr_pidns {
	uint64_t ours;
	struct ns_task tasks[NTASKS];
	struct ns_id ids[NIDS];
};

/* A task's ids of each kind, from /proc's namespace down to its own. */
struct ns_lines {
	int n[SR_PK_COUNT];
	int32_t v[SR_PK_COUNT][MAX_DEPTH];
};

static const char *const line_key[SR_PK_COUNT] = {
	[SR_PK_TGID] = "NStgid:",
	[SR_PK_TID] = "NSpid:",
	[SR_PK_PGID] = "NSpgid:",
	[SR_PK_SID] = "NSsid:",
};

static uint64_t ns_ino(const char *proc_dir)
{
	char path[96];
	struct stat st;

	snprintf(path, sizeof(path), "%s/ns/pid", proc_dir);
	return stat(path, &st) ? 0 : (uint64_t)st.st_ino;
}

static void parse_line(const char *p, int32_t *v, int *n)
{
	char *end;
	long x;

	for (*n = 0; *n < MAX_DEPTH; ++*n, p = end) {
		x = strtol(p, &end, 10);
		if (end == p)
			break;
		v[*n] = (int32_t)x;
	}
}

/* The NS* lines of @proc_dir/status; false if it cannot be read. */
static bool read_lines(const char *proc_dir, struct ns_lines *l)
{
	char path[96], text[4096], *p;
	ssize_t len;
	int fd, k;

	snprintf(path, sizeof(path), "%s/status", proc_dir);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return false;
	len = read(fd, text, sizeof(text) - 1);
	close(fd);
	if (len <= 0)
		return false;
	text[len] = '\0';
	for (k = 0; k < SR_PK_COUNT; k++) {
		l->n[k] = 0;
		p = strstr(text, line_key[k]);
		if (p && (p == text || p[-1] == '\n'))
			parse_line(p + strlen(line_key[k]), l->v[k], &l->n[k]);
	}
	return l->n[SR_PK_TID] > 0;
}

/* Is the namespace of @proc_dir, @levels below ours, under namespace @ino at its depth? */
static bool ns_under(const char *proc_dir, int levels, uint64_t ino)
{
	char path[96];
	struct stat st;
	int fd, up;

	snprintf(path, sizeof(path), "%s/ns/pid", proc_dir);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	while (fd >= 0 && levels-- > 0) {
		up = ioctl(fd, NS_GET_PARENT);
		close(fd);
		fd = up;
	}
	if (fd < 0)
		return false;
	up = !fstat(fd, &st) && (uint64_t)st.st_ino == ino;
	close(fd);
	return up;
}

/* Was @t there at kernel time @when? */
static bool alive_at(const struct ns_task *t, uint64_t when)
{
	return t->tid && (!t->gone || when < t->gone);
}

/*
 * Task @tid's namespace: cached, since it never changes while the task
 * lives (a new task of a reused tid is marked by its fork: SR_PIDNS_GONE
 * first); else as /proc says now, or as it was seen before if the task was
 * there at @when; NULL if unknown.
 */
static const struct ns_task *task_ns(struct sr_pidns *ns, uint32_t tid, uint64_t when)
{
	struct ns_task *t = &ns->tasks[tid % NTASKS];
	struct ns_lines l;
	char dir[32];
	uint64_t ino;
	int k;

	if (t->tid == tid && t->ino && !t->gone)
		return t;
	snprintf(dir, sizeof(dir), "/proc/%u", tid);
	ino = ns_ino(dir);
	if (!ino || !read_lines(dir, &l))
		return t->tid == tid && t->ino && alive_at(t, when) ? t : NULL;
	t->tid = tid;
	t->gone = 0;
	t->ino = ino;
	t->depth = l.n[SR_PK_TID];
	for (k = 0; k < SR_PK_COUNT; k++) {
		t->own[k] = l.n[k] >= t->depth ? l.v[k][t->depth - 1] : 0;
		t->host[k] = l.n[k] ? l.v[k][0] : 0;
	}
	return t;
}

/* Our id for @id of @kind in @t's namespace, on the lines of @proc_dir; 0 if not there. */
static int32_t match(const char *proc_dir, const struct ns_task *t, int32_t id, int kind)
{
	struct ns_lines l;
	int n;

	if (!read_lines(proc_dir, &l))
		return 0;
	n = l.n[kind];
	if (n < t->depth || l.v[kind][t->depth - 1] != id)
		return 0;
	/* the task's own namespace is at the depth of its NSpid line */
	if (!ns_under(proc_dir, l.n[SR_PK_TID] - t->depth, t->ino))
		return 0;
	return l.v[kind][0];
}

static int32_t match_pid(int32_t proc, const struct ns_task *t, int32_t id, int kind)
{
	char dir[32];

	snprintf(dir, sizeof(dir), "/proc/%d", proc);
	return match(dir, t, id, kind);
}

/* Every process (and, for a tid, every thread) in /proc, until one matches. */
static int32_t scan(const struct ns_task *t, int32_t id, int kind, int32_t *proc)
{
	DIR *d = opendir("/proc"), *td;
	struct dirent *e, *te;
	char dir[64];
	int32_t r = 0;

	while (d && !r && (e = readdir(d))) {
		*proc = (int32_t)strtol(e->d_name, NULL, 10);
		if (*proc <= 0)
			continue;
		r = match_pid(*proc, t, id, kind);
		if (r || kind != SR_PK_TID)
			continue;
		snprintf(dir, sizeof(dir), "/proc/%d/task", *proc);
		td = opendir(dir);
		while (td && !r && (te = readdir(td))) {
			*proc = (int32_t)strtol(te->d_name, NULL, 10);
			if (*proc > 0)
				r = match_pid(*proc, t, id, kind);
		}
		if (td)
			closedir(td);
	}
	if (d)
		closedir(d);
	return r;
}

/* A task seen in namespace @ino, there at @when, whose own id of @kind was @id. */
static int32_t seen(const struct sr_pidns *ns, uint64_t ino, int32_t id, int kind, uint64_t when)
{
	size_t i;

	for (i = 0; i < NTASKS; i++)
		if (ns->tasks[i].ino == ino && ns->tasks[i].own[kind] == id &&
		    alive_at(&ns->tasks[i], when))
			return ns->tasks[i].host[kind];
	return 0;
}

int32_t pidns__to_ours(void *ctx, uint32_t tid, int32_t id, int kind, uint64_t when)
{
	struct sr_pidns *ns = ctx;
	struct ns_task *known;
	const struct ns_task *t;
	struct ns_id *c;
	int32_t r, proc;

	if (!ns)
		return 0;
	known = &ns->tasks[tid % NTASKS];
	if (kind == SR_PIDNS_GONE) {
		if (known->tid == tid && !known->gone)
			known->gone = when ? when : 1;
		return 0;
	}
	if (kind < 0) { /* learn @tid's namespace while it lives */
		if (known->tid != tid || known->gone)
			task_ns(ns, tid, when);
		return 0;
	}
	if (id <= 0 || kind >= SR_PK_COUNT)
		return 0;
	t = task_ns(ns, tid, when);
	if (!t) /* gone before its namespace was seen: taken as ours (-Y names that pid) */
		return id;
	if (t->ino == ns->ours)
		return id;
	if (t->own[kind] == id) /* the task's own: known even once it is gone */
		return t->host[kind];
	c = &ns->ids[((uint32_t)id * 31 + (uint32_t)kind + (uint32_t)t->ino) % NIDS];
	if (c->ino == t->ino && c->id == id && c->kind == kind) {
		r = match_pid(c->proc, t, id, kind);
		if (r)
			return r;
	}
	r = scan(t, id, kind, &proc);
	if (r)
		*c = (struct ns_id){ t->ino, id, kind, proc };
	return r ? r : seen(ns, t->ino, id, kind, when);
}

struct sr_pidns *pidns__new(void)
{
	struct sr_pidns *ns = calloc(1, sizeof(*ns));

	if (ns)
		ns->ours = ns_ino("/proc/self");
	return ns;
}

void pidns__free(struct sr_pidns *ns)
{
	free(ns);
}
