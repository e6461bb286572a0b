// SPDX-License-Identifier: GPL-2.0
/*
 * --cgroup, --container and --unit resolution (user/host/cgroup.c) against
 * a fake hierarchy in a temporary directory, laid out as the container
 * runtimes and systemd lay out theirs; and finding the v2 mount in
 * mountinfo on hybrid and unified systems.
 */
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "capture.h"
#include "host/cgroup.h"
#include "test.h"

/* Container ids as `docker ps --no-trunc` shows them. */
#define ID_DOCKER     "3f2a9c0d1e2f3a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9a0b1c2d"
#define ID_CGROUPFS   "5d41402abc4b2a76b9719d911017c592ae2b0b7cf6e3a0d3c5e6f7a8b9c0d1e2"
#define ID_CONTAINERD "7b0f1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b"
#define ID_CRIO	      "9e107d9d372bb6826bd81d3542a419d6e2f1c0b9a8d7c6b5a4f3e2d1c0b9a8f7"
#define ID_PODMAN     "c4ca4238a0b923820dcc509a6f75849b1e2d3c4b5a69788796a5b4c3d2e1f0a9"
#define ID_ROOTLESS   "e4da3b7fbbce2345d7772b0674a318d5c1b2a3948576f6e5d4c3b2a1908f7e6d"
#define ID_TWIN_A     "aaa1111111111111111111111111111111111111111111111111111111111111"
#define ID_TWIN_B     "aaa2222222222222222222222222222222222222222222222222222222222222"

static const char *const tree[] = {
	/* docker, systemd cgroup driver */
	"system.slice/docker-" ID_DOCKER ".scope",
	"system.slice/cron.service",
	"system.slice/containerd.service",
	/* docker, cgroupfs driver */
	"docker/" ID_CGROUPFS,
	/* Kubernetes with containerd, and with CRI-O (conmon beside the container) */
	"kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod1f2e_3d4c.slice/"
	"cri-containerd-" ID_CONTAINERD ".scope",
	"kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod5a6b_7c8d.slice/"
	"crio-conmon-" ID_CRIO ".scope",
	"kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod5a6b_7c8d.slice/"
	"crio-" ID_CRIO ".scope",
	/* podman as root, and rootless (with its "container" leaf) */
	"machine.slice/libpod-conmon-" ID_PODMAN ".scope",
	"machine.slice/libpod-" ID_PODMAN ".scope/container",
	"user.slice/user-1000.slice/user@1000.service/user.slice/libpod-" ID_ROOTLESS
	".scope/container",
	"user.slice/user-1000.slice/user@1000.service/app.slice/editor.service",
	/* two ids with one prefix, two units with one name */
	"machine.slice/libpod-" ID_TWIN_A ".scope",
	"machine.slice/libpod-" ID_TWIN_B ".scope",
	"system.slice/twin.service",
	"user.slice/twin.service",
};

struct fake {
	char root[64];
	char out[sizeof(((struct t_stderr *)0)->text) + 8];
	struct t_stderr err;
};

/* mkdir -p; @path is short (the fake root and a tree entry). */
static int mkdir_p(const char *path)
{
	char buf[1024], *p;

	if ((size_t)snprintf(buf, sizeof(buf), "%s", path) >= sizeof(buf))
		return -ENAMETOOLONG;
	for (p = buf + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(buf, 0755) && errno != EEXIST)
			return -errno;
		*p = '/';
	}
	return mkdir(buf, 0755) && errno != EEXIST ? -errno : 0;
}

static bool fake_open(struct t_state *st, struct fake *f)
{
	char path[1024];
	size_t i;

	snprintf(f->root, sizeof(f->root), "/tmp/sysray-cgroup-XXXXXX");
	if (!mkdtemp(f->root)) {
		CHECK(st, !"mkdtemp");
		return false;
	}
	for (i = 0; i < sizeof(tree) / sizeof(tree[0]); i++) {
		snprintf(path, sizeof(path), "%s/%s", f->root, tree[i]);
		if (mkdir_p(path)) {
			CHECK(st, !"mkdir");
			return false;
		}
	}
	return true;
}

static void fake_close(struct fake *f)
{
	char cmd[sizeof(f->root) + 16];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", f->root);
	if (system(cmd))
		fprintf(stderr, "  could not remove %s\n", f->root);
}

/* Resolve; f->out is the directory relative to the root, or the error printed. */
static int resolve(struct fake *f, const char *kind, const char *arg)
{
	char abs[PATH_MAX];
	size_t rl = strlen(f->root);
	int rc;

	t_stderr_begin(&f->err);
	rc = cgroup__resolve_at(f->root, kind, arg, abs, sizeof(abs));
	t_stderr_end(&f->err);
	if (rc)
		snprintf(f->out, sizeof(f->out), "%s", f->err.text);
	else if (!strncmp(abs, f->root, rl))
		snprintf(f->out, sizeof(f->out), "ROOT%s", abs + rl);
	else
		snprintf(f->out, sizeof(f->out), "%s", abs);
	return rc;
}

/* @s with every occurrence of the fake root written as ROOT. */
static const char *rooted(const struct fake *f, const char *s)
{
	static char buf[2048];
	size_t rl = strlen(f->root), n = 0;

	while (*s && n + 5 < sizeof(buf)) {
		if (!strncmp(s, f->root, rl)) {
			memcpy(buf + n, "ROOT", 4);
			n += 4;
			s += rl;
		} else {
			buf[n++] = *s++;
		}
	}
	buf[n] = '\0';
	return buf;
}

static void container_layouts(struct t_state *st)
{
	struct fake f;

	if (!fake_open(st, &f))
		return;
	CHECK(st, resolve(&f, "container", "3f2a9c") == 0);
	CHECK_STR(st, f.out, "ROOT/system.slice/docker-" ID_DOCKER ".scope");
	CHECK(st, resolve(&f, "container", ID_DOCKER) == 0);
	CHECK_STR(st, f.out, "ROOT/system.slice/docker-" ID_DOCKER ".scope");
	CHECK(st, resolve(&f, "container", "3F2A9C0D") == 0); /* ids are hex: any case */
	CHECK_STR(st, f.out, "ROOT/system.slice/docker-" ID_DOCKER ".scope");
	CHECK(st, resolve(&f, "container", "5d41402abc4b") == 0);
	CHECK_STR(st, f.out, "ROOT/docker/" ID_CGROUPFS);
	CHECK(st, resolve(&f, "container", "7b0f1c") == 0);
	CHECK_STR(st, f.out,
		  "ROOT/kubepods.slice/kubepods-besteffort.slice/"
		  "kubepods-besteffort-pod1f2e_3d4c.slice/cri-containerd-" ID_CONTAINERD ".scope");
	/* CRI-O and podman: the container, not its conmon monitor */
	CHECK(st, resolve(&f, "container", "9e107d") == 0);
	CHECK_STR(st, f.out,
		  "ROOT/kubepods.slice/kubepods-burstable.slice/"
		  "kubepods-burstable-pod5a6b_7c8d.slice/crio-" ID_CRIO ".scope");
	CHECK(st, resolve(&f, "container", "c4ca42") == 0);
	CHECK_STR(st, f.out, "ROOT/machine.slice/libpod-" ID_PODMAN ".scope");
	CHECK(st, resolve(&f, "container", "e4da3b") == 0);
	CHECK_STR(st, f.out,
		  "ROOT/user.slice/user-1000.slice/user@1000.service/user.slice/"
		  "libpod-" ID_ROOTLESS ".scope");
	fake_close(&f);
}

static void container_errors(struct t_state *st)
{
	char want[PATH_MAX + 256];
	struct fake f;

	if (!fake_open(st, &f))
		return;
	CHECK(st, resolve(&f, "container", "aaa") == -EEXIST);
	CHECK_STR(st, f.out, "sysray: --container 'aaa': 2 containers match; give more digits\n");
	CHECK(st, resolve(&f, "container", "aaa2") == 0);
	CHECK_STR(st, f.out, "ROOT/machine.slice/libpod-" ID_TWIN_B ".scope");
	CHECK(st, resolve(&f, "container", "0123456") == -ENOENT);
	snprintf(want, sizeof(want),
		 "sysray: --container '0123456': no running container has this id (no such "
		 "cgroup under %s)\n",
		 f.root);
	CHECK_STR(st, f.out, want);
	CHECK(st, resolve(&f, "container", "3f2a9z") == -EINVAL);
	CHECK_STR(st, f.out,
		  "sysray: --container '3f2a9z': a container id is up to 64 hex digits "
		  "(docker ps --no-trunc shows them)\n");
	CHECK(st, resolve(&f, "container", ID_DOCKER "0") == -EINVAL);
	CHECK(st, strstr(f.out, "a container id is up to 64 hex digits") != NULL);
	CHECK(st, resolve(&f, "container", "3f") == -EINVAL);
	CHECK_STR(st, f.out, "sysray: --container '3f': give at least 3 hex digits\n");
	CHECK(st, resolve(&f, "container", "") == -EINVAL);
	CHECK_STR(st, f.out, "sysray: --container '': give at least 3 hex digits\n");
	/* a unit or a pod is not a container */
	CHECK(st, resolve(&f, "container", "1f2e") == -ENOENT);
	fake_close(&f);
}

static void units(struct t_state *st)
{
	char want[PATH_MAX + 256];
	struct fake f;

	if (!fake_open(st, &f))
		return;
	CHECK(st, resolve(&f, "unit", "cron") == 0);
	CHECK_STR(st, f.out, "ROOT/system.slice/cron.service");
	CHECK(st, resolve(&f, "unit", "cron.service") == 0);
	CHECK_STR(st, f.out, "ROOT/system.slice/cron.service");
	CHECK(st, resolve(&f, "unit", "editor") == 0); /* a user's service, deep down */
	CHECK_STR(st, f.out,
		  "ROOT/user.slice/user-1000.slice/user@1000.service/app.slice/"
		  "editor.service");
	CHECK(st, resolve(&f, "unit", "user@1000.service") == 0);
	CHECK_STR(st, f.out, "ROOT/user.slice/user-1000.slice/user@1000.service");
	CHECK(st, resolve(&f, "unit", "machine.slice") == 0);
	CHECK_STR(st, f.out, "ROOT/machine.slice");
	CHECK(st, resolve(&f, "unit", "twin") == -EEXIST);
	CHECK_STR(st, f.out,
		  "sysray: --unit 'twin': 2 cgroups are named twin.service; use --cgroup PATH\n");
	CHECK(st, resolve(&f, "unit", "nosuch") == -ENOENT);
	snprintf(want, sizeof(want),
		 "sysray: --unit 'nosuch': no cgroup for nosuch.service under %s (is the unit "
		 "running? see systemctl status nosuch.service)\n",
		 f.root);
	CHECK_STR(st, f.out, want);
	/* only whole names: no prefix or substring matches */
	CHECK(st, resolve(&f, "unit", "cro") == -ENOENT);
	CHECK(st, resolve(&f, "unit", "cron.servic") == -ENOENT);
	fake_close(&f);
}

static void paths(struct t_state *st)
{
	char arg[PATH_MAX], want[PATH_MAX * 2];
	struct fake f;
	FILE *file;

	if (!fake_open(st, &f))
		return;
	CHECK(st, resolve(&f, "cgroup", "system.slice/cron.service") == 0);
	CHECK_STR(st, f.out, "ROOT/system.slice/cron.service");
	CHECK(st, resolve(&f, "cgroup", "/system.slice") == 0);
	CHECK_STR(st, f.out, "ROOT/system.slice");
	CHECK(st, resolve(&f, "cgroup", "/") == 0);
	CHECK_STR(st, f.out, "ROOT/");
	/* the whole path, root included */
	snprintf(arg, sizeof(arg), "%s/machine.slice", f.root);
	CHECK(st, resolve(&f, "cgroup", arg) == 0);
	CHECK_STR(st, f.out, "ROOT/machine.slice");
	snprintf(arg, sizeof(arg), "%s", f.root);
	CHECK(st, resolve(&f, "cgroup", arg) == 0);
	CHECK_STR(st, f.out, "ROOT");
	CHECK(st, resolve(&f, "cgroup", "system.slice/nosuch.service") == -ENOENT);
	snprintf(
		want, sizeof(want),
		"sysray: --cgroup 'system.slice/nosuch.service': ROOT/system.slice/nosuch.service: "
		"No such file or directory (the cgroup v2 hierarchy is at ROOT)\n");
	CHECK_STR(st, rooted(&f, f.out), want);
	/* another file system (a v1 controller on hybrid systems): refused */
	CHECK(st, resolve(&f, "cgroup", "/proc") == -EMEDIUMTYPE);
	CHECK_STR(st, rooted(&f, f.out),
		  "sysray: --cgroup '/proc': /proc is not a cgroup v2 directory (the v2 hierarchy "
		  "is at ROOT)\n");
	/* a file of the hierarchy is not a cgroup */
	snprintf(arg, sizeof(arg), "%s/system.slice/cgroup.procs", f.root);
	file = fopen(arg, "w");
	CHECK(st, file != NULL);
	if (file)
		fclose(file);
	CHECK(st, resolve(&f, "cgroup", "system.slice/cgroup.procs") == -ENOTDIR);
	CHECK_STR(st, rooted(&f, f.out),
		  "sysray: --cgroup 'system.slice/cgroup.procs': ROOT/system.slice/cgroup.procs: "
		  "Not a directory (the cgroup v2 hierarchy is at ROOT)\n");
	fake_close(&f);
}

/* cgroup__root_from() on @text written to a temporary mountinfo file. */
static int root_from(const char *text, char *buf, size_t len)
{
	char path[] = "/tmp/sysray-mountinfo-XXXXXX";
	int fd = mkstemp(path), rc;

	if (fd < 0 || write(fd, text, strlen(text)) != (ssize_t)strlen(text))
		return -EIO;
	close(fd);
	rc = cgroup__root_from(path, buf, len);
	unlink(path);
	return rc;
}

static void mount_points(struct t_state *st)
{
	static const char hybrid[] =
		"22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/vda1 rw\n"
		"31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755\n"
		"32 31 0:29 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu\n"
		"36 31 0:33 / /sys/fs/cgroup/systemd rw,relatime - cgroup cgroup "
		"rw,xattr,name=systemd\n"
		"41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw\n";
	static const char unified[] =
		"22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/vda1 rw\n"
		"30 23 0:26 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime shared:4 - cgroup2 "
		"cgroup2 rw,nsdelegate,memory_recursiveprot\n";
	static const char legacy[] =
		"31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755\n"
		"32 31 0:29 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu\n";
	/* a line longer than the reader's buffer must not be taken for the mount */
	char garbage[6000];
	char buf[4096], small[8];

	CHECK(st, root_from(hybrid, buf, sizeof(buf)) == 0);
	CHECK_STR(st, buf, "/sys/fs/cgroup/unified");
	CHECK(st, root_from(unified, buf, sizeof(buf)) == 0);
	CHECK_STR(st, buf, "/sys/fs/cgroup");
	CHECK(st, root_from(legacy, buf, sizeof(buf)) == -ENOENT);
	CHECK(st, root_from("", buf, sizeof(buf)) == -ENOENT);
	CHECK(st, root_from(unified, small, sizeof(small)) == -ENOENT); /* does not fit */
	memset(garbage, 'x', sizeof(garbage) - 1);
	garbage[sizeof(garbage) - 1] = '\0';
	CHECK(st, root_from(garbage, buf, sizeof(buf)) == -ENOENT);
	CHECK(st, cgroup__root_from("/nonexistent/mountinfo", buf, sizeof(buf)) == -ENOENT);
}

static void labels(struct t_state *st)
{
	char buf[256];

	CHECK_STR(st, cgroup__label_of("system.slice/docker-" ID_DOCKER ".scope", buf, sizeof(buf)),
		  "container:3f2a9c0d1e2f");
	CHECK_STR(st, cgroup__label_of("docker/" ID_CGROUPFS, buf, sizeof(buf)),
		  "container:5d41402abc4b");
	CHECK_STR(st, cgroup__label_of("system.slice/cron.service", buf, sizeof(buf)),
		  "system.slice/cron.service");
	CHECK_STR(st,
		  cgroup__label_of("machine.slice/libpod-conmon-" ID_PODMAN ".scope", buf,
				   sizeof(buf)),
		  "machine.slice/libpod-conmon-" ID_PODMAN ".scope");
	CHECK_STR(st, cgroup__label_of("", buf, sizeof(buf)), "/");
	/* 65 hex digits are not an id */
	CHECK_STR(st, cgroup__label_of("x/" ID_DOCKER "0", buf, sizeof(buf)), "x/" ID_DOCKER "0");
}

T_SUITE(cgroup_tests) = {
	T_CASE(container_layouts), T_CASE(container_errors), T_CASE(units), T_CASE(paths),
	T_CASE(mount_points),	   T_CASE(labels),	     T_END,
};
