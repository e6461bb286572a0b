/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The cgroup v2 hierarchy: finding it (mounted at /sys/fs/cgroup, or at
 * /sys/fs/cgroup/unified on hybrid systems), resolving --cgroup, --container
 * and --unit to directories, and naming cgroup ids for --show-cgroup.
 */
#ifndef SYSRAY_CGROUP_H
#define SYSRAY_CGROUP_H

#include <stddef.h>
#include <stdint.h>

#include "lib/idmap.h"

/** cgroup__root() - the cgroup v2 mount point into @buf; -ENOENT if none. */
int cgroup__root(char *buf, size_t len);

/** cgroup__root_from() - the same, read from the mountinfo file @mountinfo. */
int cgroup__root_from(const char *mountinfo, char *buf, size_t len);

/**
 * cgroup__resolve() - turn a --cgroup/--container/--unit argument into the
 * cgroup v2 directory @out. @kind is "cgroup", "container" or "unit". Prints
 * one line naming the problem and returns -errno when it cannot.
 */
int cgroup__resolve(const char *kind, const char *arg, char *out, size_t len);

/**
 * cgroup__resolve_at() - cgroup__resolve() in the hierarchy mounted at @root
 * (a directory of the same file system is a cgroup v2 directory).
 */
int cgroup__resolve_at(const char *root, const char *kind, const char *arg, char *out, size_t len);

/*
 * cgroup__each_proc() - call @fn with each process (thread group) in cgroup
 * directory @dir and the cgroups under it, at most @max of them; returns
 * how many were passed, or -errno when @dir cannot be read.
 */
int cgroup__each_proc(const char *dir, int max, void (*fn)(void *ctx, uint32_t tgid), void *ctx);

/** Names for cgroup ids (--show-cgroup), learned by walking the hierarchy. */
struct sr_cgnames {
	struct idmap ids; /* cgroup id (inode) -> struct sr_cgname */
	char root[4096];
	long long last_scan_ms;
};

/* What a cgroup is called. */
struct sr_cgname {
	const char *label; /* "container:0123456789ab", or the path */
	const char *path; /* under the root: "/system.slice/cron.service"; "/" for the root */
	char container[65]; /* the 64-hex id of the container it names, or "" */
	char buf[];
};

/** cgnames__get() - the names of cgroup @cgid, or NULL when it is unknown. */
const struct sr_cgname *cgnames__get(struct sr_cgnames *n, uint64_t cgid);

/** cgnames__label() - "container:0123456789ab" or the path under the root; "?" if unknown. */
const char *cgnames__label(struct sr_cgnames *n, uint64_t cgid);
void cgnames__free(struct sr_cgnames *n);

/**
 * cgroup__label_of() - the short label for cgroup directory @rel (relative
 * to the root): a container id when the path names one, else @rel itself.
 * Writes into @buf.
 */
const char *cgroup__label_of(const char *rel, char *buf, size_t len);

#endif /* SYSRAY_CGROUP_H */
