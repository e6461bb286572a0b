// SPDX-License-Identifier: GPL-2.0
/*
 * cgroup paths (host/cgroup.c): the first byte of the input picks what the
 * rest is: a mountinfo file (where is cgroup v2?), a cgroup directory path
 * to label for --show-cgroup (a container id in it?), or a --cgroup,
 * --container or --unit argument resolved in a small fake hierarchy made at
 * start-up (docker, containerd, podman and systemd names).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fuzz.h"
#include "host/cgroup.h"

static char root[64];

static void mkdirs(const char *rel)
{
	char path[512], *p;

	snprintf(path, sizeof(path), "%s/%s", root, rel);
	for (p = path + strlen(root) + 1; (p = strchr(p, '/')); p++) {
		*p = '\0';
		mkdir(path, 0755);
		*p = '/';
	}
	mkdir(path, 0755);
}

static void remove_root(void)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
	if (system(cmd))
		fprintf(stderr, "fuzz: could not remove %s\n", root);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	static const char *const dirs[] = {
		"system.slice/cron.service",
		"system.slice/docker-0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef.scope",
		"kubepods/besteffort/pod1/fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210",
		"machine.slice/libpod-conmon-00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff.scope",
		"machine.slice/libpod-00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff.scope/container",
		"user.slice/user-1000.slice/user@1000.service/app.slice/cron.service",
	};
	size_t i;

	snprintf(root, sizeof(root), "/tmp/sysray-fuzz-cgroup-%d", (int)getpid());
	mkdir(root, 0755);
	for (i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++)
		mkdirs(dirs[i]);
	atexit(remove_root);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const kinds[] = { "cgroup", "container", "unit" };
	char *text, out[4096];

	if (!size)
		return 0;
	text = malloc(size);
	if (!text)
		abort();
	memcpy(text, data + 1, size - 1);
	text[size - 1] = '\0';
	switch (data[0] % 3) {
	case 0:
		cgroup__root_from(fz_file(data + 1, size - 1), out, sizeof(out));
		break;
	case 1:
		cgroup__label_of(text, out, sizeof(out));
		break;
	case 2:
		fz_quiet_begin();
		cgroup__resolve_at(root, kinds[(data[0] / 3) % 3], text, out, sizeof(out));
		fz_quiet_end();
		break;
	}
	free(text);
	return 0;
}
