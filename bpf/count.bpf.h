/* SPDX-License-Identifier: GPL-2.0 */
/*
 * -c: counting syscalls in the kernel. sys_enter notes when the call began
 * in a slot of the task's own: the kernel time, and for strace's default
 * (system time) the task's CPU time and context switches (count_time()).
 * sys_exit adds the call
 * to a per-CPU array indexed by syscall number, or with --summary-by to a
 * per-CPU hash keyed by (syscall number, group). With -c alone no
 * ring-buffer record is written per syscall; user space reads the maps once,
 * at the end. targ_count is 0 unless -c was given: the verifier drops all
 * of this from the default path.
 */
#ifndef SYSRAY_COUNT_BPF_H
#define SYSRAY_COUNT_BPF_H

#include "count_knobs.bpf.h"
#include "task_slot.bpf.h"

/* Without --summary-by: one slot per syscall number (SR_COUNT_SLOTS). */
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, SR_COUNT_SLOTS);
	__type(key, __u32);
	__type(value, struct sr_count_val);
} count_nrs SEC(".maps");

/* With --summary-by: the loader sizes it. */
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_HASH);
	__uint(max_entries, 16384);
	__type(key, struct sr_count_key);
	__type(value, struct sr_count_val);
} counts SEC(".maps");

/*
 * The start of a call that never blocks, on the CPU it began on: a slot per
 * CPU costs a few loads where the task's own costs a helper call each way
 * (~25 ns a side on 6.18, most of -c's cost on a loop of such calls). It is
 * the call's own at exit if the task never left the CPU in between, which
 * its count of context switches says; else (it was preempted) the call is
 * counted without its time.
 */
struct count_cpu {
	__u64 t; /* as task_slot.t */
	__u64 csw; /* the task's context switches at entry (as task_slot.csw) */
	__u32 tid;
	__u32 nr;
	__u32 busy;
	__u32 pad;
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct count_cpu);
} count_cpus SEC(".maps"); /* in both builds, which the loader sees alike; used with bpf_loop() */

/* The context switches of @cur so far, voluntary or not. */
static __always_inline __u64 task_switches(struct task_struct *cur)
{
#if SR_BPF_LOOP
	return cur->nvcsw + cur->nivcsw;
#else
	cur = (struct task_struct *)bpf_get_current_task();
	return BPF_CORE_READ(cur, nvcsw) + BPF_CORE_READ(cur, nivcsw);
#endif
}

/*
 * Does a call of plan flags @flags (the task's compat mode @compat) start
 * in the per-CPU slot? Calls that never block, but with -w: a preempted call's
 * wall time is worth knowing.
 */
static __always_inline bool count_on_cpu(__u16 flags, bool compat)
{
	return SR_BPF_LOOP && !targ_count_wall && !compat && (flags & SR_PLAN_AT_EXIT);
}

/*
 * The task's CPU time as the scheduler accounts it (se.sum_exec_runtime).
 * The kernel brings it up to date at context switches and ticks only, so
 * it times a call that blocked; one that never left the CPU is timed by the
 * kernel's clock instead (count_time()).
 */
static __always_inline __u64 task_cpu(struct task_struct *cur)
{
#if SR_BPF_LOOP
	return cur->se.sum_exec_runtime;
#else
	cur = (struct task_struct *)bpf_get_current_task();
	return BPF_CORE_READ(cur, se.sum_exec_runtime);
#endif
}

/*
 * A call's time from its entry's kernel time @t0, CPU time @cpu0 and context
 * switches @csw0: with -w, the kernel time between entry and exit; else
 * (system time) the same if the task never left the CPU (it ran in the
 * kernel all along), or the CPU time the scheduler accounted over the call
 * if it did.
 */
static __always_inline __u64 count_time(struct task_struct *cur, __u64 t0, __u64 cpu0, __u64 csw0)
{
	__u64 now;

	if (targ_count_wall || task_switches(cur) == csw0) {
		now = bpf_ktime_get_ns();
		return now > t0 ? now - t0 : 0;
	}
	now = task_cpu(cur);
	return now > cpu0 ? now - cpu0 : 0;
}

/* sys_enter of call @id, of plan flags @flags, from a task in compat mode @compat. */
static __always_inline void count_enter(struct task_struct *cur, long id, bool compat, __u16 flags)
{
	struct task_slot *st;

#if SR_BPF_LOOP
	if (count_on_cpu(flags, compat)) {
		__u32 zero = 0;
		struct count_cpu *c = bpf_map_lookup_elem(&count_cpus, &zero);

		if (!c)
			return;
		c->tid = cur->pid;
		c->csw = task_switches(cur);
		c->nr = (__u32)id;
		c->busy = 1;
		c->t = bpf_ktime_get_ns();
		return;
	}
#endif
	st = task_slot(cur, true);
	if (!st) {
		__sync_fetch_and_add(&count_unstarted, 1);
		return;
	}
	st->nr = (__u32)id | (compat ? SR_COUNT_COMPAT : 0);
	st->busy = 1;
	if (!targ_count_wall) {
		st->csw = task_switches(cur);
		st->cpu = task_cpu(cur);
	}
	st->t = bpf_ktime_get_ns();
}

static __always_inline __u64 count_group(__u32 tgid)
{
	if (targ_count == SR_COUNT_TGID)
		return tgid;
	if (targ_count == SR_COUNT_CGROUP)
		return bpf_get_current_cgroup_id();
	return 0;
}

/* The values of syscall @nr (SR_COUNT_COMPAT for ia32) in @tgid's group, or NULL. */
static __always_inline struct sr_count_val *count_val(__u32 tgid, __u32 nr)
{
	struct sr_count_key key = { .nr = nr, .group = count_group(tgid) };
	__u32 slot = nr & ~SR_COUNT_COMPAT;
	struct sr_count_val *v;

	if (targ_count == SR_COUNT_ALL) {
		if (slot >= SR_NR_MAX)
			return NULL; /* a number without a name: the table never shows it */
		if (nr & SR_COUNT_COMPAT)
			slot += SR_NR_MAX;
		return bpf_map_lookup_elem(&count_nrs, &slot);
	}
	v = bpf_map_lookup_elem(&counts, &key);
	if (v)
		return v;
	if (bpf_map_update_elem(&counts, &key, (const void *)&count_zero, BPF_NOEXIST) &&
	    !bpf_map_lookup_elem(&counts, &key)) {
		__sync_fetch_and_add(&count_dropped, 1);
		return NULL;
	}
	return bpf_map_lookup_elem(&counts, &key);
}

/*
 * Only the time the table shows is summed: CPU time, or wall-clock with -w.
 * @timed: false for a call whose start was lost (counted, but not timed).
 */
static __always_inline void count_add(struct sr_count_val *v, __u64 t, bool failed, bool timed)
{
	v->calls++;
	v->errors += failed;
	if (!timed)
		return;
	if (targ_count_wall)
		v->wall_ns += t;
	else
		v->cpu_ns += t;
	if (v->calls == 1 || t < v->min_ns)
		v->min_ns = t;
	if (t > v->max_ns)
		v->max_ns = t;
	if (targ_count == SR_COUNT_TGID)
		bpf_get_current_comm(v->comm, sizeof(v->comm));
}

/*
 * sys_exit of a call that started in the per-CPU slot (count_on_cpu()):
 * its time in *@t, or false if the task left the CPU since (the call is
 * still counted, untimed, if it is traced: its entry was counted then).
 * Returns whether to count it.
 */
static __always_inline bool count_cpu_exit(struct task_struct *cur, __u32 tgid, long id,
					   bool traced, __u64 *t, bool *timed)
{
#if SR_BPF_LOOP
	__u32 zero = 0;
	struct count_cpu *c = bpf_map_lookup_elem(&count_cpus, &zero);
	__u64 now;

	/* it never left the CPU: its kernel time is its CPU time */
	if (c && c->busy && c->tid == cur->pid && c->nr == (__u32)id &&
	    c->csw == task_switches(cur)) {
		now = bpf_ktime_get_ns();
		*t = now > c->t ? now - c->t : 0;
		*timed = true;
		c->busy = 0;
		return true;
	}
	*timed = false;
	return traced && (!targ_filter_tasks || traced_lookup(tgid, false));
#else
	return false;
#endif
}

/*
 * At sys_exit: a call whose entry was counted goes into the map, under the
 * entry's number (sigreturn restores the registers: its exit has none).
 * @flags: the exit's own plan's (SR_PLAN_TRACED: traced, for a call with no
 * entry); @cur: as filter.bpf.h's cur_task().
 */
static __always_inline void count_exit(struct task_struct *cur, __u32 tgid, long id, long ret,
				       __u16 flags)
{
	bool traced = flags & SR_PLAN_TRACED, timed = true;
	struct sr_count_val *v;
	struct task_slot *st;
	__u64 t = 0;
	__u32 nr = (__u32)id;

	if (count_on_cpu(flags, sr_compat_syscall(cur))) {
		if (!count_cpu_exit(cur, tgid, id, traced, &t, &timed))
			return;
	} else if ((st = task_slot(cur, false)) && st->busy) {
		t = count_time(cur, st->t, st->cpu, st->csw);
		nr = st->nr;
		st->busy = 0;
	} else if (traced && ret < 0 && sr_seccomp_filtered() && !sr_compat_syscall(cur) &&
		   (!targ_filter_tasks || traced_lookup(tgid, false))) {
		/* a seccomp filter failed it before sys_enter: it took no time */
	} else {
		return; /* its entry came before tracing began, or a child's first return */
	}
	v = count_val(tgid, nr);
	if (v)
		count_add(v, t, ret < 0 && ret >= -4095, timed);
}

#endif /* SYSRAY_COUNT_BPF_H */
