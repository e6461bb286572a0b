/* SPDX-License-Identifier: GPL-2.0 */
/*
 * -c: counting syscalls in the kernel. sys_enter notes when the call began
 * (kernel time and the task's scheduler CPU time); sys_exit adds the call
 * to a per-CPU hash map keyed by (syscall number, group). With -c alone no
 * ring-buffer record is written per syscall; user space reads the map once,
 * at the end. targ_count is 0 unless -c was given: the verifier drops all
 * of this from the default path.
 */
#ifndef SYSRAY_COUNT_BPF_H
#define SYSRAY_COUNT_BPF_H

#include "count_knobs.bpf.h"

struct count_start {
	__u64 ts;
	__u64 cpu;
	__u32 nr; /* with SR_COUNT_COMPAT: at exit, rt_sigreturn's number is gone */
	__u32 busy; /* in a call: the entry is written in place, never deleted per call */
};

/* Calls in progress, by tid (LRU: a task killed in a call leaves its entry). */
struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 65536);
	__type(key, __u32);
	__type(value, struct count_start);
} count_starts SEC(".maps");

/* The loader sizes it (--summary-by makes more keys). */
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_HASH);
	__uint(max_entries, 16384);
	__type(key, struct sr_count_key);
	__type(value, struct sr_count_val);
} counts SEC(".maps");

/*
 * The task's CPU time as the scheduler accounts it (se.sum_exec_runtime,
 * brought up to date at context switches and ticks).
 */
static __always_inline __u64 count_cpu_now(void)
{
	struct task_struct *t = (struct task_struct *)bpf_get_current_task();

	return BPF_CORE_READ(t, se.sum_exec_runtime);
}

static __always_inline void count_enter(__u32 tid, long id, bool compat)
{
	struct count_start *st = bpf_map_lookup_elem(&count_starts, &tid);
	struct count_start fresh = {};

	/* an update per call costs more than the rest together: write in place */
	if (!st) {
		bpf_map_update_elem(&count_starts, &tid, &fresh, BPF_NOEXIST);
		st = bpf_map_lookup_elem(&count_starts, &tid);
		if (!st)
			return;
	}
	st->nr = (__u32)id | (compat ? SR_COUNT_COMPAT : 0);
	st->cpu = targ_count_wall ? 0 : count_cpu_now();
	st->ts = bpf_ktime_get_ns();
	st->busy = 1;
}

/* A thread exited: its entry goes (the LRU bounds those never seen to exit). */
static __always_inline void count_task_gone(__u32 tid)
{
	bpf_map_delete_elem(&count_starts, &tid);
}

static __always_inline __u64 count_group(__u32 tgid)
{
	if (targ_count == SR_COUNT_TGID)
		return tgid;
	if (targ_count == SR_COUNT_CGROUP)
		return bpf_get_current_cgroup_id();
	return 0;
}

static __always_inline void count_add(struct sr_count_val *v, __u64 wall, __u64 cpu, bool failed)
{
	__u64 t = targ_count_wall ? wall : cpu;

	v->calls++;
	v->errors += failed;
	v->wall_ns += wall;
	v->cpu_ns += cpu;
	if (v->calls == 1 || t < v->min_ns)
		v->min_ns = t;
	if (t > v->max_ns)
		v->max_ns = t;
	if (targ_count == SR_COUNT_TGID)
		bpf_get_current_comm(v->comm, sizeof(v->comm));
}

/*
 * At sys_exit: a call whose entry was counted goes into the map, under the
 * entry's number (sigreturn restores the registers: its exit has none).
 * @traced: the exit's own plan traces it (for a call with no entry); @cur:
 * as filter.bpf.h's cur_task().
 */
static __always_inline void count_exit(__u32 tgid, __u32 tid, long id, long ret, bool traced,
				       struct task_struct *cur)
{
	struct count_start *st = bpf_map_lookup_elem(&count_starts, &tid);
	struct sr_count_key key = { .group = count_group(tgid) };
	struct sr_count_val *v;
	__u64 now, cpu, wall, dcpu;

	if (st && st->busy) {
		now = bpf_ktime_get_ns();
		cpu = targ_count_wall ? 0 : count_cpu_now();
		wall = now > st->ts ? now - st->ts : 0;
		dcpu = cpu > st->cpu ? cpu - st->cpu : 0;
		key.nr = st->nr;
		st->busy = 0;
	} else if (traced && ret < 0 && sr_seccomp_filtered() && !sr_compat_syscall(cur) &&
		   (!targ_filter_tasks || traced_lookup(tgid, false))) {
		/* a seccomp filter failed it before sys_enter: it took no time */
		wall = dcpu = 0;
		key.nr = (__u32)id;
	} else {
		return; /* its entry came before tracing began, or a child's first return */
	}
	v = bpf_map_lookup_elem(&counts, &key);
	if (!v) {
		if (bpf_map_update_elem(&counts, &key, (const void *)&count_zero, BPF_NOEXIST) &&
		    !bpf_map_lookup_elem(&counts, &key)) {
			__sync_fetch_and_add(&count_dropped, 1);
			return;
		}
		v = bpf_map_lookup_elem(&counts, &key);
		if (!v)
			return;
	}
	count_add(v, wall, dcpu, ret < 0 && ret >= -4095);
}

#endif /* SYSRAY_COUNT_BPF_H */
