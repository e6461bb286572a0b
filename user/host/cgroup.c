// SPDX-License-Identifier: GPL-2.0
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "host/cgroup.h"
#include "lib/clock.h"

/* How deep the hierarchy is searched for containers and units. */
#define WALK_DEPTH 12

int cgroup__root_from(const char *mountinfo, char *buf, size_t len)
{
	char line[4096], mnt[4096], fstype[64];
	FILE *f = fopen(mountinfo, "r");
	int err = -ENOENT;

	if (!f)
		return -errno;
	while (fgets(line, sizeof(line), f)) {
		/* id parent maj:min root mountpoint options ... - fstype source opts */
		const char *sep = strstr(line, " - ");

		if (!sep || sscanf(sep, " - %63s", fstype) != 1 || strcmp(fstype, "cgroup2"))
			continue;
		if (sscanf(line, "%*s %*s %*s %*s %4095s", mnt) != 1)
			continue;
		if ((size_t)snprintf(buf, len, "%s", mnt) < len)
			err = 0;
		break;
	}
	fclose(f);
	return err;
}

int cgroup__root(char *buf, size_t len)
{
	return cgroup__root_from("/proc/self/mountinfo", buf, len);
}

/*
 * A directory of the v2 hierarchy mounted at @root: on the same file system
 * (device) as the root, so not a v1 controller's directory nor anything else.
 */
static int is_cgroup2_dir(const char *root, const char *path)
{
	struct stat st, rst;

	if (stat(path, &st))
		return -errno;
	if (!S_ISDIR(st.st_mode))
		return -ENOTDIR;
	if (stat(root, &rst))
		return -errno;
	return st.st_dev == rst.st_dev ? 0 : -EMEDIUMTYPE;
}

/*
 * --cgroup: a path under the cgroup v2 root ("system.slice/cron.service",
 * with or without the root in front), or any absolute directory, which must
 * then be on cgroup v2 (a v1 controller's directory is refused).
 */
static int resolve_path(const char *root, const char *arg, char *out, size_t len)
{
	size_t rl = strlen(root);
	struct stat st;
	int err;

	if (!strncmp(arg, root, rl) && (arg[rl] == '/' || !arg[rl]))
		snprintf(out, len, "%s", arg);
	else
		snprintf(out, len, "%s/%s", root, arg[0] == '/' ? arg + 1 : arg);
	if (stat(out, &st) && arg[0] == '/' && !stat(arg, &st))
		snprintf(out, len, "%s", arg);
	err = is_cgroup2_dir(root, out);
	if (err == -EMEDIUMTYPE)
		fprintf(stderr,
			"sysray: --cgroup '%s': %s is not a cgroup v2 directory "
			"(the v2 hierarchy is at %s)\n",
			arg, out, root);
	else if (err)
		fprintf(stderr,
			"sysray: --cgroup '%s': %s: %s (the cgroup v2 hierarchy is at %s)\n", arg,
			out, strerror(-err), root);
	return err;
}

/* The 64-hex container id in a cgroup directory name, or NULL. */
static const char *container_id_in(const char *name, char id[65])
{
	size_t i, run = 0;

	if (strstr(name, "conmon"))
		return NULL; /* podman's monitor, next to the container itself */
	for (i = 0; name[i]; i++) {
		run = isxdigit((unsigned char)name[i]) ? run + 1 : 0;
		if (run == 64 && !isxdigit((unsigned char)name[i + 1])) {
			memcpy(id, name + i - 63, 64);
			id[64] = '\0';
			return id;
		}
	}
	return NULL;
}

struct walk {
	const char *want; /* container id prefix, or unit name */
	bool unit;
	int found;
	char path[PATH_MAX];
};

static bool walk_match(struct walk *w, const char *name)
{
	char id[65];

	if (w->unit)
		return !strcmp(name, w->want);
	return container_id_in(name, id) && !strncasecmp(id, w->want, strlen(w->want));
}

/* Depth-first over the hierarchy; does not descend into matches. */
static void walk_dir(struct walk *w, const char *dir, int depth)
{
	char sub[PATH_MAX];
	struct dirent *de;
	DIR *d;

	if (depth > WALK_DEPTH || !(d = opendir(dir)))
		return;
	while ((de = readdir(d))) {
		if (de->d_type != DT_DIR || de->d_name[0] == '.')
			continue;
		if ((size_t)snprintf(sub, sizeof(sub), "%s/%s", dir, de->d_name) >= sizeof(sub))
			continue;
		if (walk_match(w, de->d_name)) {
			if (!w->found++)
				snprintf(w->path, sizeof(w->path), "%s", sub);
			continue;
		}
		walk_dir(w, sub, depth + 1);
	}
	closedir(d);
}

static int resolve_container(const char *root, const char *arg, char *out, size_t len)
{
	struct walk w = { .want = arg };
	size_t i;

	for (i = 0; arg[i]; i++) {
		if (!isxdigit((unsigned char)arg[i]) || i >= 64) {
			fprintf(stderr,
				"sysray: --container '%s': a container id is up to 64 hex "
				"digits (docker ps --no-trunc shows them)\n",
				arg);
			return -EINVAL;
		}
	}
	if (i < 3) {
		fprintf(stderr, "sysray: --container '%s': give at least 3 hex digits\n", arg);
		return -EINVAL;
	}
	walk_dir(&w, root, 0);
	if (!w.found) {
		fprintf(stderr,
			"sysray: --container '%s': no running container has this id "
			"(no such cgroup under %s)\n",
			arg, root);
		return -ENOENT;
	}
	if (w.found > 1) {
		fprintf(stderr, "sysray: --container '%s': %d containers match; give more digits\n",
			arg, w.found);
		return -EEXIST;
	}
	snprintf(out, len, "%s", w.path);
	return 0;
}

static int resolve_unit(const char *root, const char *arg, char *out, size_t len)
{
	char name[256];
	struct walk w = { .want = name, .unit = true };

	/* systemd's own default: a bare name is a service */
	if (strchr(arg, '.'))
		snprintf(name, sizeof(name), "%s", arg);
	else
		snprintf(name, sizeof(name), "%s.service", arg);
	walk_dir(&w, root, 0);
	if (!w.found) {
		fprintf(stderr,
			"sysray: --unit '%s': no cgroup for %s under %s "
			"(is the unit running? see systemctl status %s)\n",
			arg, name, root, name);
		return -ENOENT;
	}
	if (w.found > 1) {
		fprintf(stderr, "sysray: --unit '%s': %d cgroups are named %s; use --cgroup PATH\n",
			arg, w.found, name);
		return -EEXIST;
	}
	snprintf(out, len, "%s", w.path);
	return 0;
}

int cgroup__resolve_at(const char *root, const char *kind, const char *arg, char *out, size_t len)
{
	if (!strcmp(kind, "container"))
		return resolve_container(root, arg, out, len);
	if (!strcmp(kind, "unit"))
		return resolve_unit(root, arg, out, len);
	return resolve_path(root, arg, out, len);
}

int cgroup__resolve(const char *kind, const char *arg, char *out, size_t len)
{
	char root[PATH_MAX];

	if (cgroup__root(root, sizeof(root))) {
		fprintf(stderr,
			"sysray: --%s: no cgroup v2 hierarchy is mounted "
			"(mount -t cgroup2 none /sys/fs/cgroup/unified)\n",
			kind);
		return -ENOENT;
	}
	return cgroup__resolve_at(root, kind, arg, out, len);
}

/* The processes of one cgroup directory, then of those under it. */
struct proc_walk {
	void (*fn)(void *ctx, uint32_t tgid);
	void *ctx;
	int left;
};

static void procs_of(struct proc_walk *w, const char *dir, int depth)
{
	char sub[PATH_MAX];
	struct dirent *de;
	unsigned long tgid;
	FILE *f;
	DIR *d;

	if (depth > WALK_DEPTH || w->left <= 0)
		return;
	if ((size_t)snprintf(sub, sizeof(sub), "%s/cgroup.procs", dir) < sizeof(sub) &&
	    (f = fopen(sub, "re"))) {
		while (w->left > 0 && fscanf(f, "%lu", &tgid) == 1) {
			w->fn(w->ctx, (uint32_t)tgid);
			w->left--;
		}
		fclose(f);
	}
	if (!(d = opendir(dir)))
		return;
	while ((de = readdir(d)) && w->left > 0) {
		if (de->d_type != DT_DIR || de->d_name[0] == '.')
			continue;
		if ((size_t)snprintf(sub, sizeof(sub), "%s/%s", dir, de->d_name) < sizeof(sub))
			procs_of(w, sub, depth + 1);
	}
	closedir(d);
}

int cgroup__each_proc(const char *dir, int max, void (*fn)(void *ctx, uint32_t tgid), void *ctx)
{
	struct proc_walk w = { .fn = fn, .ctx = ctx, .left = max };

	if (access(dir, R_OK | X_OK))
		return -errno;
	procs_of(&w, dir, 0);
	return max - w.left;
}

const char *cgroup__label_of(const char *rel, char *buf, size_t len)
{
	const char *base = strrchr(rel, '/');
	char id[65];

	if (container_id_in(base ? base + 1 : rel, id))
		snprintf(buf, len, "container:%.12s", id);
	else
		snprintf(buf, len, "%s", rel[0] ? rel : "/");
	return buf;
}

/* The names of cgroup directory @rel (relative to the root, "" for the root itself). */
static struct sr_cgname *cgname_new(const char *rel)
{
	char label[PATH_MAX];
	size_t ll, pl;
	struct sr_cgname *e;

	cgroup__label_of(rel, label, sizeof(label));
	if (!rel[0])
		rel = "/";
	ll = strlen(label) + 1;
	pl = strlen(rel) + 1;
	e = malloc(sizeof(*e) + ll + pl);
	if (!e)
		return NULL;
	memcpy(e->buf, label, ll);
	memcpy(e->buf + ll, rel, pl);
	e->label = e->buf;
	e->path = e->buf + ll;
	if (!container_id_in(strrchr(rel, '/') ? strrchr(rel, '/') + 1 : rel, e->container))
		e->container[0] = '\0';
	return e;
}

/* Remember every directory's inode (its cgroup id) and names. */
static void scan(struct sr_cgnames *n, const char *dir, size_t rootlen, int depth)
{
	char sub[PATH_MAX];
	struct dirent *de;
	struct stat st;
	DIR *d;

	if (depth > WALK_DEPTH || stat(dir, &st))
		return;
	if (!idmap__get(&n->ids, st.st_ino)) {
		struct sr_cgname *e = cgname_new(dir + rootlen);

		if (e && idmap__put(&n->ids, st.st_ino, e))
			free(e);
	}
	if (!(d = opendir(dir)))
		return;
	while ((de = readdir(d))) {
		if (de->d_type != DT_DIR || de->d_name[0] == '.')
			continue;
		if ((size_t)snprintf(sub, sizeof(sub), "%s/%s", dir, de->d_name) < sizeof(sub))
			scan(n, sub, rootlen, depth + 1);
	}
	closedir(d);
}

const struct sr_cgname *cgnames__get(struct sr_cgnames *n, uint64_t cgid)
{
	const struct sr_cgname *e = idmap__get(&n->ids, cgid);

	if (e || !cgid)
		return e;
	/* A cgroup created since the last scan; rescan at most once a second. */
	if (sr_now_ms() - n->last_scan_ms > 1000) {
		n->last_scan_ms = sr_now_ms();
		if (n->root[0] || !cgroup__root(n->root, sizeof(n->root)))
			scan(n, n->root, strlen(n->root), 0);
		e = idmap__get(&n->ids, cgid);
	}
	return e;
}

const char *cgnames__label(struct sr_cgnames *n, uint64_t cgid)
{
	const struct sr_cgname *e = cgnames__get(n, cgid);

	return e ? e->label : "?";
}

void cgnames__free(struct sr_cgnames *n)
{
	struct sr_cgname *e;
	size_t it = 0;

	while ((e = idmap__next(&n->ids, &it, NULL)))
		free(e);
	idmap__free(&n->ids);
}
