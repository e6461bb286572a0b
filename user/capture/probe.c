// SPDX-License-Identifier: GPL-2.0
/*
 * sysray --check. Every answer comes from the running kernel: the BPF
 * features from probes when privileged, else from the kernel's BTF (which
 * needs no privilege); cgroup v2 from the mount table; capabilities from
 * /proc/self/status.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <sys/statfs.h>
#include <sys/utsname.h>
#include <unistd.h>
#include <linux/capability.h>
#include <linux/magic.h>
#include <bpf/btf.h>
#include <bpf/libbpf.h>

#include "capture/probe.h"
#include "host/cgroup.h"
#include "host/proc.h"

#define VMLINUX_BTF "/sys/kernel/btf/vmlinux"

struct probe {
	FILE *f;
	struct btf *btf; /* the kernel's, or NULL */
	uint64_t caps;
	bool can_probe; /* privileged enough to load probe maps */
	bool missing; /* something sysray needs is absent */
};

static void item(struct probe *p, const char *name, const char *fmt, const char *arg)
{
	fprintf(p->f, "%-14s", name);
	fprintf(p->f, fmt, arg);
	fputc('\n', p->f);
}

static bool has_cap(const struct probe *p, int cap)
{
	return p->caps & (1ULL << cap);
}

static bool btf_has(const struct probe *p, const char *name, int kind)
{
	return p->btf && btf__find_by_name_kind(p->btf, name, kind) > 0;
}

static void check_kernel(struct probe *p)
{
	struct utsname u;
	char buf[256];

	uname(&u);
	snprintf(buf, sizeof(buf), "%s %s", u.release, u.machine);
	item(p, "kernel:", "%s", buf);
	if (access(VMLINUX_BTF, R_OK)) {
		item(p, "BTF:", "%s",
		     "no: use a kernel built with CONFIG_DEBUG_INFO_BTF=y "
		     "(" VMLINUX_BTF " is missing)");
		p->missing = true;
		return;
	}
	p->btf = btf__load_vmlinux_btf();
	if (!p->btf) {
		item(p, "BTF:", "no: %s cannot be parsed; use a kernel whose BTF this libbpf reads",
		     VMLINUX_BTF);
		p->missing = true;
		return;
	}
	item(p, "BTF:", "yes, %s", VMLINUX_BTF);
}

static void check_ringbuf(struct probe *p)
{
	int r = p->can_probe ? libbpf_probe_bpf_map_type(BPF_MAP_TYPE_RINGBUF, NULL) : -EPERM;

	if (r == 1)
		item(p, "ring buffer:", "%s", "yes");
	else if (r == 0 || (r < 0 && p->btf && !btf_has(p, "bpf_ringbuf", BTF_KIND_STRUCT))) {
		item(p, "ring buffer:", "%s", "no: sysray needs Linux 5.8 or later");
		p->missing = true;
	} else if (btf_has(p, "bpf_ringbuf", BTF_KIND_STRUCT))
		item(p, "ring buffer:", "%s", "yes (from BTF; probing needs CAP_BPF)");
	else
		item(p, "ring buffer:", "%s", "unknown: run sysray --check as root to probe it");
}

static void check_btf_features(struct probe *p)
{
	if (!p->btf) {
		item(p, "tp_btf:", "%s", "unknown: needs the kernel's BTF");
		item(p, "bpf_loop:", "%s", "unknown: needs the kernel's BTF");
		return;
	}
	if (btf_has(p, "btf_trace_sys_enter", BTF_KIND_TYPEDEF)) {
		item(p, "tp_btf:", "%s", "yes (raw_syscalls sys_enter and sys_exit)");
	} else {
		item(p, "tp_btf:", "%s",
		     "no: the kernel's BTF lacks the raw_syscalls tracepoints; "
		     "use Linux 5.5 or later with CONFIG_FTRACE_SYSCALLS=y");
		p->missing = true;
	}
	item(p, "bpf_loop:", "%s",
	     btf_has(p, "bpf_loop", BTF_KIND_FUNC) ? "yes (not needed by this version)" :
						     "no (Linux 5.17; not needed by this version)");
}

static void check_cgroup(struct probe *p)
{
	char root[4096], buf[4200];
	struct statfs st;

	if (cgroup__root(root, sizeof(root))) {
		item(p, "cgroup v2:", "%s",
		     "no: --cgroup, --container, --unit and --show-cgroup need it; "
		     "mount it (mount -t cgroup2 none /sys/fs/cgroup/unified), or in a "
		     "container mount the host's: -v /sys/fs/cgroup:/sys/fs/cgroup:ro");
		return;
	}
	if (!statfs("/sys/fs/cgroup", &st) && st.f_type == CGROUP2_SUPER_MAGIC)
		snprintf(buf, sizeof(buf), "yes, %s (unified)", root);
	else
		snprintf(buf, sizeof(buf), "yes, %s (hybrid: v1 controllers at /sys/fs/cgroup)",
			 root);
	item(p, "cgroup v2:", "%s", buf);
}

static void check_caps(struct probe *p)
{
	static const struct {
		int cap;
		const char *name;
	} caps[] = { { CAP_BPF, "CAP_BPF" },
		     { CAP_PERFMON, "CAP_PERFMON" },
		     { CAP_SYS_ADMIN, "CAP_SYS_ADMIN" },
		     { CAP_SYS_PTRACE, "CAP_SYS_PTRACE" } };
	char buf[256];
	size_t i, n = 0;

	for (i = 0; i < sizeof(caps) / sizeof(caps[0]); i++)
		n += snprintf(buf + n, sizeof(buf) - n, "%s%s %s", i ? ", " : "", caps[i].name,
			      has_cap(p, caps[i].cap) ? "yes" : "no");
	item(p, "capabilities:", "%s", buf);
	if (!p->can_probe) {
		item(p, "privileges:", "%s",
		     "no: run as root or grant CAP_BPF and CAP_PERFMON "
		     "(or CAP_SYS_ADMIN)");
		p->missing = true;
	} else {
		item(p, "privileges:", "%s", "yes, enough to load BPF programs");
	}
	item(p, "/proc access:", "%s",
	     has_cap(p, CAP_SYS_PTRACE) ? "yes, /proc/PID/fd of every process" :
					  "limited: -y and -p cannot read /proc/PID/fd of other "
					  "users' processes; grant CAP_SYS_PTRACE");
}

/* Pids in records are the host's: sysray must see them as they are. */
static void check_pidns(struct probe *p)
{
	int host = proc__host_pidns();

	if (host == 1) {
		item(p, "pid ns:", "%s", "the host's");
	} else if (host == 0) {
		item(p, "pid ns:", "%s",
		     "no: sysray runs in a nested pid namespace, where the host's pids "
		     "mean other processes; in a container use --pid=host "
		     "(Kubernetes: hostPID: true)");
		p->missing = true;
	} else {
		item(p, "pid ns:", "%s", "unknown: /proc/self/ns/pid cannot be read");
	}
}

static void check_libbpf(struct probe *p)
{
	char buf[128];

	snprintf(buf, sizeof(buf), "%u.%u (built with %d.%d; sysray needs 1.0 or later)",
		 libbpf_major_version(), libbpf_minor_version(), LIBBPF_MAJOR_VERSION,
		 LIBBPF_MINOR_VERSION);
	item(p, "libbpf:", "%s", buf);
}

int probe__report(FILE *f)
{
	struct probe p = { .f = f, .caps = proc__cap_effective() };

	p.can_probe = has_cap(&p, CAP_SYS_ADMIN) ||
		      (has_cap(&p, CAP_BPF) && has_cap(&p, CAP_PERFMON));
	check_kernel(&p);
	check_ringbuf(&p);
	check_btf_features(&p);
	check_cgroup(&p);
	check_caps(&p);
	check_pidns(&p);
	check_libbpf(&p);
	item(&p, "result:", "%s",
	     p.missing ? "sysray cannot trace here: see the lines above" :
			 "sysray can trace on this host");
	btf__free(p.btf);
	return p.missing ? 1 : 0;
}
