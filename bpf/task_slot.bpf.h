/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A slot of each task's own, written at a call's entry and read at its exit:
 * -c's start of the call (count.bpf.h), and with entry times wanted (-t,
 * -r, -T) when a call sent whole at exit began, so that it still travels
 * as one record (sys_enter's stamp_entry(), sys_exit's take_entry()).
 */
#ifndef SYSRAY_TASK_SLOT_BPF_H
#define SYSRAY_TASK_SLOT_BPF_H

/* -t, -r, -T: calls sent whole at exit carry their entry's time (the loader sets it). */
const volatile bool targ_entry_ts = false;

struct task_slot {
	__u64 t; /* -c: kernel time at the call's entry */
	__u64 cpu; /* -c, system time: the task's scheduler CPU time then */
	__u64 csw; /* and its context switches */
	__u32 nr; /* -c; with SR_COUNT_COMPAT: at exit, rt_sigreturn's number is gone */
	__u32 busy; /* -c: in a call (the slot is written in place, never deleted per call) */
	__u64 entry_ts; /* bpf_ktime_get_ns() at the entry of a call sent whole */
	__u32 entry_key; /* that call's plan key */
	__u32 entry_busy; /* its exit has not taken it yet */
};

#if SR_BPF_LOOP
/*
 * In task-local storage (tracing programs have it from 5.13, so every
 * kernel with bpf_loop() does): reached from the task in a few loads where
 * a hash would hash the tid and walk a bucket, and freed with the task.
 */
struct {
	__uint(type, BPF_MAP_TYPE_TASK_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, struct task_slot);
} task_slots SEC(".maps");
#else
/* Older kernels: by tid (LRU: a task killed in a call leaves its entry). */
struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 65536);
	__type(key, __u32);
	__type(value, struct task_slot);
} task_slots SEC(".maps");
#endif

/* The current task's slot (@create: make it if missing); @cur as cur_task(). */
static __always_inline struct task_slot *task_slot(struct task_struct *cur, bool create)
{
#if SR_BPF_LOOP
	struct task_slot *st = bpf_task_storage_get(&task_slots, cur, NULL, 0);

	/*
	 * Asked with BPF_LOCAL_STORAGE_GET_F_CREATE, the kernel takes a slower
	 * path even when the slot exists (6.18, bpf_stats: -c's sys_enter 152
	 * to 126 ns a run): look first, make it only when missing.
	 */
	if (st || !create)
		return st;
	return bpf_task_storage_get(&task_slots, cur, NULL, BPF_LOCAL_STORAGE_GET_F_CREATE);
#else
	__u32 tid = (__u32)bpf_get_current_pid_tgid();
	struct task_slot *st = bpf_map_lookup_elem(&task_slots, &tid);
	struct task_slot fresh = {};

	/* an update per call costs more than the rest together: write in place */
	if (st || !create)
		return st;
	bpf_map_update_elem(&task_slots, &tid, &fresh, BPF_NOEXIST);
	return bpf_map_lookup_elem(&task_slots, &tid);
#endif
}

/* A thread exited: its slot goes (the LRU bounds those never seen to exit). */
static __always_inline void task_slot_gone(__u32 tid)
{
#if !SR_BPF_LOOP
	bpf_map_delete_elem(&task_slots, &tid);
#endif
}

/* sys_enter of a call sent whole at exit (plan key @key): note when it began. */
static __always_inline void stamp_entry(struct task_struct *cur, __u32 key)
{
	struct task_slot *st = task_slot(cur, true);

	if (!st)
		return; /* no memory for the slot: the call comes without its entry time */
	st->entry_key = key;
	st->entry_busy = 1;
	st->entry_ts = bpf_ktime_get_ns();
}

/*
 * sys_exit of a call sent whole (plan key @key): when it began, or 0 if its
 * entry was not stamped (it began before tracing did, a seccomp filter
 * failed it before sys_enter ran, or the slot could not be made).
 */
static __always_inline __u64 take_entry(struct task_struct *cur, __u32 key)
{
	struct task_slot *st = task_slot(cur, false);

	if (!st || !st->entry_busy || st->entry_key != key)
		return 0;
	st->entry_busy = 0;
	return st->entry_ts;
}

#endif /* SYSRAY_TASK_SLOT_BPF_H */
