// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include "loader.h"
#include "opts.h"
#include "sysray.skel.h"
#include "syscalls.h"

#define CAP_SYS_ADMIN_BIT 21
#define CAP_PERFMON_BIT	  38
#define CAP_BPF_BIT	  39

/* Effective capabilities of this process, from /proc/self/status. */
static uint64_t cap_effective(void)
{
	char line[256];
	uint64_t caps = 0;
	FILE *f = fopen("/proc/self/status", "r");

	if (!f)
		return 0;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "CapEff: %lx", &caps) == 1)
			break;
	fclose(f);
	return caps;
}

int loader__check(void)
{
	uint64_t caps = cap_effective();
	bool admin = caps & (1ULL << CAP_SYS_ADMIN_BIT);
	bool bpf_perf = (caps & (1ULL << CAP_BPF_BIT)) && (caps & (1ULL << CAP_PERFMON_BIT));

	if (!admin && !bpf_perf) {
		fprintf(stderr, "sysray: not enough privileges to load BPF programs; "
				"run as root or grant CAP_BPF and CAP_PERFMON\n");
		return -EPERM;
	}
	if (access("/sys/kernel/btf/vmlinux", R_OK)) {
		fprintf(stderr,
			"sysray: this kernel has no BTF (/sys/kernel/btf/vmlinux is missing); "
			"use a kernel built with CONFIG_DEBUG_INFO_BTF=y\n");
		return -ENOTSUP;
	}
	if (libbpf_probe_bpf_map_type(BPF_MAP_TYPE_RINGBUF, NULL) != 1) {
		fprintf(stderr, "sysray: this kernel has no BPF ring buffer; "
				"sysray needs Linux 5.8 or later\n");
		return -ENOTSUP;
	}
	return 0;
}

static bool nr_selected(const struct sr_opts *o, int nr)
{
	if (!o->trace_set)
		return true;
	if (nr < 0 || nr >= SR_NR_MAX)
		return false;
	return o->trace_sel[nr / 8] & (1u << (nr % 8));
}

static int fill_plans(struct sr_loader *l, const struct sr_opts *o)
{
	int fd = bpf_map__fd(l->skel->maps.plans);
	struct sr_plan plan;
	uint32_t nr;

	for (nr = 0; nr <= SR_NR_MAX; nr++) {
		if (nr < SR_NR_MAX) {
			syscalls__plan(syscalls__get(nr), o, &plan);
		} else {
			/* numbers out of range: raw arguments, nothing captured */
			memset(&plan, 0, sizeof(plan));
			plan.nargs = SR_NARGS;
		}
		if (nr_selected(o, nr < SR_NR_MAX ? (int)nr : -1) ||
		    (nr == SR_NR_MAX && !o->trace_set))
			plan.flags |= SR_PLAN_TRACED;
		if (bpf_map_update_elem(fd, &nr, &plan, BPF_ANY))
			return -errno;
	}
	return 0;
}

static uint64_t wakeup_bytes(uint64_t rb_size)
{
	uint64_t w = 256 * 1024;

	return rb_size / 4 < w ? rb_size / 4 : w;
}

static int load_error(const char *what, int err)
{
	if (err == -EACCES)
		fprintf(stderr,
			"sysray: failed to %s: the kernel's BPF verifier refused them "
			"(run with -d for its log)\n",
			what);
	else if (err == -EPERM)
		fprintf(stderr,
			"sysray: failed to %s: %s; run as root or grant CAP_BPF and "
			"CAP_PERFMON\n",
			what, strerror(-err));
	else
		fprintf(stderr, "sysray: failed to %s: %s (run with -d for libbpf's log)\n", what,
			strerror(-err));
	return err;
}

int loader__load(struct sr_loader *l, const struct sr_load_cfg *cfg)
{
	const struct sr_opts *o = cfg->opts;
	struct sysray_bpf *skel;
	int err, i;

	memset(l, 0, sizeof(*l));
	l->ncpus = libbpf_num_possible_cpus();
	if (l->ncpus <= 0)
		return load_error("count CPUs", l->ncpus ? l->ncpus : -EINVAL);
	skel = sysray_bpf__open();
	if (!skel)
		return load_error("open BPF object", -errno);
	l->skel = skel;
	skel->rodata->targ_self_tgid = getpid();
	for (i = 0; i < SR_MAX_EXCL; i++)
		skel->rodata->targ_excl_tgid[i] = cfg->excl[i];
	skel->rodata->targ_filter_tasks = cfg->filter_tasks;
	skel->rodata->targ_wakeup_bytes = wakeup_bytes(o->ringbuf_size);
	err = bpf_map__set_max_entries(skel->maps.rb, o->ringbuf_size);
	if (err)
		return load_error("size the ring buffer", err);
	err = sysray_bpf__load(skel);
	if (err)
		return load_error("load BPF programs", err);
	err = fill_plans(l, o);
	if (err)
		return load_error("fill the syscall plans", err);
	l->rb = ring_buffer__new(bpf_map__fd(skel->maps.rb), cfg->on_record, cfg->ctx, NULL);
	if (!l->rb)
		return load_error("open the ring buffer", -errno);
	err = sysray_bpf__attach(skel);
	if (err)
		return load_error("attach to the syscall tracepoints", err);
	return 0;
}

int loader__trace_tgid(struct sr_loader *l, pid_t tgid, bool armed)
{
	struct sr_task t = { .flags = armed ? SR_TASK_ARMED : 0 };
	uint32_t key = tgid;

	if (bpf_map__update_elem(l->skel->maps.traced, &key, sizeof(key), &t, sizeof(t), BPF_ANY))
		return -errno;
	return 0;
}

void loader__set_live(struct sr_loader *l, int64_t n)
{
	__atomic_store_n(&l->skel->bss->live_procs, n, __ATOMIC_SEQ_CST);
}

int64_t loader__live(const struct sr_loader *l)
{
	return __atomic_load_n(&l->skel->bss->live_procs, __ATOMIC_SEQ_CST);
}

int loader__poll(struct sr_loader *l, int timeout_ms)
{
	int err = ring_buffer__poll(l->rb, timeout_ms);

	if (err < 0 && err != -EINTR)
		return err;
	/* Producers rarely wake us (batched wakeups): always look. */
	err = ring_buffer__consume(l->rb);
	return err < 0 && err != -EINTR ? err : 0;
}

int loader__drain(struct sr_loader *l)
{
	int n;

	do {
		n = ring_buffer__consume(l->rb);
	} while (n > 0);
	return n < 0 ? n : 0;
}

void loader__detach(struct sr_loader *l)
{
	if (l->skel)
		sysray_bpf__detach(l->skel);
}

void loader__stats(const struct sr_loader *l, struct sr_cpu_stats *sum)
{
	struct sr_cpu_stats *per;
	uint32_t zero = 0;
	int c, i;

	memset(sum, 0, sizeof(*sum));
	if (!l->skel || l->ncpus <= 0)
		return;
	per = calloc(l->ncpus, sizeof(*per));
	if (!per)
		return;
	if (!bpf_map__lookup_elem(l->skel->maps.stats, &zero, sizeof(zero), per,
				  sizeof(*per) * l->ncpus, 0)) {
		for (c = 0; c < l->ncpus; c++)
			for (i = 0; i < SR_STAT_MAX; i++)
				sum->v[i] += per[c].v[i];
	}
	free(per);
}

void loader__free(struct sr_loader *l)
{
	if (!l)
		return;
	ring_buffer__free(l->rb);
	sysray_bpf__destroy(l->skel);
	l->rb = NULL;
	l->skel = NULL;
}
