/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Which tasks are traced. Every check reads .rodata knobs that the verifier
 * sees as constants, so a filter that is not in use costs nothing, and the
 * cheap checks (pid compare, comm, uid, cgroup) run before the one hash
 * lookup (the traced map of launch and attach mode).
 */
#ifndef SYSRAY_FILTER_BPF_H
#define SYSRAY_FILTER_BPF_H

/* PF_IO_WORKER, include/linux/sched.h (not UAPI): io-wq and SQPOLL threads. */
#define SR_PF_IO_WORKER 0x10

/*
 * The current task's tgid, read straight from the task where the kernel
 * hands out BTF task pointers (the build for 5.17+), else through the
 * helper. The filters run for every syscall on the host: they are the cost
 * of what is not traced.
 */
/*
 * The current task, for the functions below (NULL in the build for kernels
 * without BTF task pointers, where they use helpers instead): fetched once
 * per program, since each fetch is a helper call.
 */
static __always_inline struct task_struct *cur_task(void)
{
#if SR_BPF_LOOP
	return bpf_get_current_task_btf();
#else
	return NULL;
#endif
}

static __always_inline __u32 cur_tgid(struct task_struct *t)
{
#if SR_BPF_LOOP
	return t->tgid;
#else
	return bpf_get_current_pid_tgid() >> 32;
#endif
}

static __always_inline bool tgid_excluded(__u32 tgid)
{
	int i;

	if (tgid == targ_self_tgid)
		return true;
#pragma unroll
	for (i = 0; i < SR_MAX_EXCL; i++)
		if (targ_excl_tgid[i] == tgid)
			return true;
	return false;
}

/* --comm: exact 16-byte task name, as the kernel keeps it. */
static __always_inline bool comm_matches(const char *comm)
{
	const __u64 *c = (const __u64 *)comm;
	int i;

#pragma unroll
	for (i = 0; i < SR_MAX_COMM; i++) {
		const volatile __u64 *t = (const volatile __u64 *)targ_comm[i];

		if (i >= targ_ncomm)
			break;
		if (c[0] == t[0] && c[1] == t[1])
			return true;
	}
	return false;
}

static __always_inline bool comm_selected(struct task_struct *t)
{
#if SR_BPF_LOOP
	/* straight from the task: this runs for every syscall on the host */
	return !targ_ncomm || comm_matches(t->comm);
#else
	char comm[SR_COMM_LEN] = {};

	if (!targ_ncomm)
		return true;
	bpf_get_current_comm(comm, sizeof(comm));
	return comm_matches(comm);
#endif
}

/* --uid: the real uid. */
static __always_inline bool uid_matches(__u32 uid)
{
	int i;

#pragma unroll
	for (i = 0; i < SR_MAX_UID; i++) {
		if (i >= targ_nuid)
			break;
		if (targ_uid[i] == uid)
			return true;
	}
	return false;
}

static __always_inline bool uid_selected(void)
{
	return !targ_nuid || uid_matches((__u32)bpf_get_current_uid_gid());
}

/*
 * The receiver of a signal, which is not the current task: -e signal=,
 * --comm and --uid. Its cgroup is left to user space, which drops records
 * of tasks it has not seen.
 */
static __always_inline bool signal_selected(int sig, struct task_struct *task)
{
	char comm[SR_COMM_LEN] = {};

	if (sig < 1 || sig > 64 || !(targ_sig_mask & (1ULL << (sig - 1))))
		return false;
	if (targ_nuid && !uid_matches(BPF_CORE_READ(task, real_cred, uid.val)))
		return false;
	if (!targ_ncomm)
		return true;
	bpf_probe_read_kernel(comm, sizeof(comm), task->comm);
	return comm_matches(comm);
}

/*
 * --cgroup/--container/--unit: the task is in one of the subtrees of each
 * kind given (any --cgroup and any --unit, when both kinds are used). The
 * answer depends on the task's cgroups only, so the last answer on this CPU
 * is kept with what it was for: the task's css_set (its set of cgroups, a
 * pointer in the task) and the jiffy it was found in. Reading the cgroup's
 * id instead (t->cgroups->dfl_cgrp->kn->id) loaded three more objects, cold
 * at each sys_enter on this VM (sys_exit found them warm): bpf_stats of a
 * whole-host --cgroup filtering out 1M getppid, sys_enter 129 -> 95 ns a
 * run (the empty program's 54). A css_set is freed after an RCU grace
 * period; one made at the same address within the same jiffy could take
 * the old one's answer for the rest of that jiffy. No CO-RE relocation of
 * css_set, cgroup or kernfs_node is left (each evicted a type of the
 * default load from the kernel's candidate cache). The build for older
 * kernels keeps the id from the helper.
 */
static __always_inline bool cgroup_selected(struct task_struct *t)
{
	__u32 want = 0, got = 0, bit, zero = 0;
	struct cgcache *c;
	__u64 key, now;
	int i;

	if (!targ_ncgroup)
		return true;
	c = bpf_map_lookup_elem(&cgcache, &zero);
#if SR_BPF_LOOP
	key = (__u64)t->cgroups;
	now = bpf_jiffies64();
#else
	key = bpf_get_current_cgroup_id();
	now = 0;
#endif
	if (c && c->key == key && c->jiffy == now)
		return c->selected;
#pragma unroll
	for (i = 0; i < SR_MAX_CGROUP; i++) {
		if (i >= targ_ncgroup)
			break;
		bit = 1u << (targ_cgroup_kind[i] & 7);
		want |= bit;
		if (!(got & bit) && bpf_current_task_under_cgroup(&cgroups, i) == 1)
			got |= bit;
	}
	if (c) {
		c->key = key;
		c->jiffy = now;
		c->selected = got == want;
	}
	return got == want;
}

static __always_inline void traced_changed(void)
{
	__sync_fetch_and_add(&traced_gen, 1);
}

/*
 * The traced map's answer for @tgid (launch and attach mode), through the
 * per-CPU cache. An armed entry (a launched child still waiting for its
 * execve) counts from the entry of its first execve on, which disarms it;
 * armed answers are never cached.
 */
static __always_inline bool traced_lookup(__u32 tgid, bool exec_entry)
{
	__u64 gen = traced_gen;
	struct tcache *c;
	struct sr_task *t;
	__u32 zero = 0;

	c = bpf_map_lookup_elem(&tcache, &zero);
	if (c && c->tgid == tgid && c->gen == gen)
		return c->traced;
	t = bpf_map_lookup_elem(&traced, &tgid);
	if (t && (t->flags & SR_TASK_DEAD))
		t = NULL; /* its last threads are exiting; the tgid may be reused */
	if (t && (t->flags & SR_TASK_ARMED)) {
		if (!exec_entry)
			return false;
		t->flags &= ~SR_TASK_ARMED;
		traced_changed();
		return true;
	}
	if (c) {
		c->tgid = tgid;
		c->gen = gen;
		c->traced = t != NULL;
	}
	return t != NULL;
}

/*
 * The checks that need no map but the per-CPU caches: sysray itself, uid,
 * comm, cgroup. The syscall hooks run them before touching the plan, so a
 * task filtered out costs the fewest cache lines.
 */
static __always_inline bool task_selected(__u32 tgid, struct task_struct *t)
{
	return !tgid_excluded(tgid) && uid_selected() && comm_selected(t) && cgroup_selected(t);
}

/* Is the current task traced? @exec_entry: at the entry of execve. */
static __always_inline bool task_traced(__u32 tgid, bool exec_entry, struct task_struct *t)
{
	if (!task_selected(tgid, t))
		return false;
	return !targ_filter_tasks || traced_lookup(tgid, exec_entry);
}

/* The same, without disarming: for fork, exit and signal records. */
static __always_inline bool task_traced_quiet(__u32 tgid, struct task_struct *t)
{
	return task_traced(tgid, false, t);
}

#endif /* SYSRAY_FILTER_BPF_H */
