/* SPDX-License-Identifier: GPL-2.0 */
/* Maps and load-time knobs of the sysray BPF programs. */
#ifndef SYSRAY_MAPS_BPF_H
#define SYSRAY_MAPS_BPF_H

/* Set by the loader before load (skel->rodata). */
const volatile __u32 targ_self_tgid = 0;
const volatile __u32 targ_excl_tgid[SR_MAX_EXCL] = {};
/* Trace only tgids in the traced map (launch, -p); else the whole host. */
const volatile bool targ_filter_tasks = false;
/* Wake the consumer each time this many more bytes wait in a ring (a power of two). */
const volatile __u64 targ_wakeup_bytes = 256 * 1024;
/* -z/-Z: keep only these outcomes (SR_STATUS_*), sending whole calls at exit. */
const volatile __u32 targ_status = 0;
/* Record each entry's cgroup id (--show-cgroup). */
const volatile bool targ_cgroup_ids = false;
/* Record each entry's task name (-Y, --comm in user space). */
const volatile bool targ_comm_names = false;
/* Process filters: within a kind any entry matches; all kinds must match. */
/* -e signal=: bit sig-1 set for the signals whose lines print */
const volatile __u64 targ_sig_mask = ~0ULL;
const volatile __u32 targ_ncomm = 0;
const volatile char targ_comm[SR_MAX_COMM][SR_COMM_LEN] = {};
const volatile __u32 targ_nuid = 0;
const volatile __u32 targ_uid[SR_MAX_UID] = {};
const volatile __u32 targ_ncgroup = 0;
const volatile __u8 targ_cgroup_kind[SR_MAX_CGROUP] = {}; /* --cgroup 0, --container 1, --unit 2 */

/* Traced processes still alive; the loader sets the initial count. */
__s64 live_procs = 0;
/* Bumped on every change to the traced map, by either side: see tcache. */
__u64 traced_gen = 0;

/*
 * One ring buffer per CPU, so that producers on different CPUs never take
 * the same lock; user space merges them by timestamp. The loader sizes the
 * template (-b split across CPUs) and puts one ring per CPU in the array.
 */
struct rb_cpu {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 16 * 1024 * 1024);
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY_OF_MAPS);
	__uint(max_entries, 1); /* one per possible CPU, set by the loader */
	__type(key, __u32);
	__array(values, struct rb_cpu);
} rbs SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	/*
	 * One entry per syscall number, one for numbers out of range, and the
	 * plan of every ia32 call (arguments raw, nothing captured).
	 */
	__uint(max_entries, SR_NR_MAX + 2);
	__type(key, __u32);
	__type(value, struct sr_plan);
} plans SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 65536);
	__type(key, __u32); /* tgid */
	__type(value, struct sr_task);
} traced SEC(".maps");

/*
 * Thread groups counted out of live_procs: several exiting threads can see
 * signal->live at 0, and the first insert here is the one that counts.
 */
struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__uint(max_entries, 65536);
	__type(key, __u32); /* tgid */
	__type(value, __u8);
} dead SEC(".maps");

/* --cgroup, --container, --unit: cgroup v2 directories, subtrees included. */
struct {
	__uint(type, BPF_MAP_TYPE_CGROUP_ARRAY);
	__uint(max_entries, SR_MAX_CGROUP);
	__type(key, __u32);
	__type(value, __u32);
} cgroups SEC(".maps");

/* cgroup_selected()'s last answer on this CPU, and the cgroup it was for. */
struct cgcache {
	__u64 cgid;
	__u32 selected;
	__u32 pad;
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct cgcache);
} cgcache SEC(".maps");

struct sr_scratch {
	__u8 buf[SR_SCRATCH_SIZE - 16];
	__u64 gen; /* bumped by every user; detects a preempting program */
	__u32 faults; /* arguments whose retryable entry copy faulted */
	__u32 pad;
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

/*
 * The last traced-map answer on this CPU: a tight loop asks about the same
 * tgid again and again, and an array slot is cheaper than a hash lookup.
 * Valid while traced_gen has not moved.
 */
struct tcache {
	__u64 gen;
	__u32 tgid;
	__u32 traced;
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct tcache);
} tcache SEC(".maps");

#endif /* SYSRAY_MAPS_BPF_H */
