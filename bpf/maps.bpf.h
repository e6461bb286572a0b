/* SPDX-License-Identifier: GPL-2.0 */
/* Maps and load-time knobs of the sysray BPF programs. */
#ifndef SYSRAY_MAPS_BPF_H
#define SYSRAY_MAPS_BPF_H

/* Set by the loader before load (skel->rodata). */
const volatile __u32 targ_self_tgid = 0;
const volatile __u32 targ_excl_tgid[SR_MAX_EXCL] = {};
/* Trace only tgids in the traced map (launch, -p); else the whole host. */
const volatile bool targ_filter_tasks = false;
/* Force a consumer wakeup once this many bytes wait in the ring buffer. */
const volatile __u64 targ_wakeup_bytes = 256 * 1024;

/* Traced processes still alive; the loader sets the initial count. */
__s64 live_procs = 0;

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 16 * 1024 * 1024); /* resized by the loader (-b) */
} rb SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	/* one entry per syscall number, plus one for numbers out of range */
	__uint(max_entries, SR_NR_MAX + 1);
	__type(key, __u32);
	__type(value, struct sr_plan);
} plans SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 65536);
	__type(key, __u32); /* tgid */
	__type(value, struct sr_task);
} traced SEC(".maps");

struct sr_scratch {
	__u8 buf[SR_SCRATCH_SIZE - 8];
	__u64 gen; /* bumped by every user; detects a preempting program */
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct sr_scratch);
} scratch SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct sr_cpu_stats);
} stats SEC(".maps");

#endif /* SYSRAY_MAPS_BPF_H */
