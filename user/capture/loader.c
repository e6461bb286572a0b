// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <linux/capability.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include "cli/filter.h"
#include "capture/loader.h"
#include "capture/uring.h"
#include "cli/opts.h"
#include "host/proc.h"
#include "sysray_compat.skel.h"
#include "table/plan.h"

/* The smallest per-CPU ring buffer the kernel takes: one page. */
#define MIN_RING 4096
/* -c by process or cgroup: the count map's keys (syscall and process, or cgroup). */
#define SR_COUNT_KEYS_BY 262144
/*
 * Without -b: 16 MiB of rings in all, but at least 512 KiB a CPU. With the
 * reader thread copying them out, a ring only holds what its CPU writes while
 * the reader does not run: 8 MiB a CPU (2 CPUs) lost nothing where 1 MiB
 * did, and every byte of the rings counts in RSS from the start.
 */
#define DEFAULT_RINGS	     (16ULL << 20)
#define DEFAULT_RING_PER_CPU (512ULL << 10)
/* The start-up ring (see start_size()). */
#define START_RING (1024 * 1024)

int loader__check(void)
{
	uint64_t caps = proc__cap_effective();
	bool admin = caps & (1ULL << CAP_SYS_ADMIN);
	bool bpf_perf = (caps & (1ULL << CAP_BPF)) && (caps & (1ULL << CAP_PERFMON));

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

/*
 * The plans, as table/plan.c made them: the map holds them as they are. In
 * one batch (a syscall instead of one per syscall number, ~1 ms of start-up),
 * or one at a time where the kernel has no batches for arrays.
 */
static int fill_plans(struct sr_loader *l, const struct sr_plans *plans)
{
	static uint32_t keys[SR_PLAN_COUNT];
	uint32_t nr, count = SR_PLAN_COUNT;
	int fd = l->obj.fd.plans;

	for (nr = 0; nr < SR_PLAN_COUNT; nr++)
		keys[nr] = nr;
	if (!bpf_map_update_batch(fd, keys, plans->plan, &count, NULL))
		return 0;
	for (nr = 0; nr < SR_PLAN_COUNT; nr++)
		if (bpf_map_update_elem(fd, &nr, &plans->plan[nr], BPF_ANY))
			return -errno;
	return 0;
}

/* The ioctl requests whose argument points to more memory (struct sr_ioc_ref). */
static int fill_ioc_refs(struct sr_loader *l, const struct sr_plans *plans)
{
	uint32_t i;

	for (i = 0; i < plans->n_ioc_refs; i++)
		if (bpf_map_update_elem(l->obj.fd.ioc_refs, &plans->ioc_ref_codes[i],
					&plans->ioc_refs[i], BPF_ANY))
			return -errno;
	return 0;
}

/* -c, -C: counting in the kernel (bpf/count.bpf.h); nothing without them. */
static void set_count(struct sysray_bpf__rodata *ro, const struct sr_summary_opts *so)
{
	static const uint32_t by_mode[] = { [SR_BY_NONE] = SR_COUNT_ALL,
					    [SR_BY_PROCESS] = SR_COUNT_TGID,
					    [SR_BY_CONTAINER] = SR_COUNT_CGROUP,
					    [SR_BY_UNIT] = SR_COUNT_CGROUP };

	if (!so->mode)
		return;
	ro->targ_count = by_mode[so->by];
	ro->targ_count_only = so->mode == 1;
	ro->targ_count_wall = so->wall;
}

/* Process filters and -z/-Z go to .rodata, where unused ones cost nothing. */
static void set_filters(struct sysray_bpf__rodata *ro, const struct sr_load_cfg *cfg)
{
	const struct sr_opts *o = cfg->opts;
	int i;

	ro->targ_status = cfg->plans->status;
	set_count(ro, &o->summary);
	/* JSON and timeline events say which task and cgroup each one is about */
	ro->targ_cgroup_ids = o->show_cgroup || o->json;
	/* -Y prints task names; --peer names the process behind a socket; JSON names every task */
	ro->targ_comm_names = o->decode_pids || o->peer || o->json || o->timeline;
	/* -k: the user stack at each traced entry */
	ro->targ_stack_bytes = o->stack_trace ? o->stack_bytes : 0;
	ro->targ_ncomm = o->ncomm;
	for (i = 0; i < o->ncomm; i++)
		memcpy((void *)ro->targ_comm[i], o->comm[i], SR_COMM_LEN);
	ro->targ_nuid = o->nuid;
	for (i = 0; i < o->nuid; i++)
		ro->targ_uid[i] = o->uid[i];
	ro->targ_sig_mask = 0;
	for (i = 1; i <= 64; i++)
		if (filter__signal_shown(o, i))
			ro->targ_sig_mask |= 1ULL << (i - 1);
	ro->targ_ncgroup = o->ncgroup;
	for (i = 0; i < o->ncgroup; i++)
		ro->targ_cgroup_kind[i] = o->cgroup[i].kind;
}

/*
 * --explain and --follow-peer (bpf/peer.bpf.h): knobs. The program that
 * notes TCP connects is attached only with --follow-peer (bpfobj__open()).
 */
static void set_diagnosis(struct sysray_bpf__rodata *ro, const struct sr_load_cfg *cfg)
{
	int i;

	ro->targ_explain_creds = cfg->creds;
	ro->targ_follow_peer = cfg->follow_peer;
	ro->targ_naccept = cfg->naccept;
	for (i = 0; i < cfg->naccept && i < SR_MAX_ACCEPT_NR; i++)
		ro->targ_accept_nr[i] = cfg->accept_nr[i];
}

/* The cgroup array takes directory fds; the kernel keeps its own references. */
static int fill_cgroups(struct sr_loader *l, const struct sr_opts *o)
{
	int map = l->obj.fd.cgroups;
	uint32_t i;

	for (i = 0; i < (uint32_t)o->ncgroup; i++) {
		int fd = open(o->cgroup[i].path, O_RDONLY | O_DIRECTORY | O_CLOEXEC), err = 0;

		if (fd < 0 || bpf_map_update_elem(map, &i, &fd, BPF_ANY))
			err = -errno;
		if (fd >= 0)
			close(fd);
		if (err) {
			fprintf(stderr, "sysray: cannot filter on cgroup %s: %s\n",
				o->cgroup[i].path, strerror(-err));
			return err;
		}
	}
	return 0;
}

static uint64_t wakeup_bytes(uint64_t rb_size)
{
	uint64_t w = 256 * 1024;

	return rb_size / 4 < w ? rb_size / 4 : w;
}

/* -b is the total: each CPU's ring gets its share, a power of two. */
static uint64_t ring_size(uint64_t total, int ncpus)
{
	uint64_t per = MIN_RING;

	if (!total)
		total = DEFAULT_RINGS > DEFAULT_RING_PER_CPU * ncpus ? DEFAULT_RINGS :
								       DEFAULT_RING_PER_CPU * ncpus;
	while (per * 2 * ncpus <= total)
		per *= 2;
	return per;
}

/*
 * The start-up ring, on top of -b: it takes records only until the workers
 * have put each CPU's ring in place (milliseconds), and the reader drains it
 * meanwhile. Its memory is cleared on this thread, as the programs load.
 */
static uint64_t start_size(uint64_t per)
{
	return per < START_RING ? per : START_RING;
}

/*
 * The rings, mapped: each CPU's, as the workers made and mapped them, and
 * the start-up ring (the last), where CPUs write until their slot is filled.
 */
static int open_rings(struct sr_loader *l)
{
	int err = rbs__made(&l->rbs);

	if (!err)
		err = rings__map(&l->rings, l->ncpus, l->obj.fd.rb_start, start_size(l->ring_size));
	return err;
}

/*
 * Does the kernel have bpf_loop() (5.17+)? SYSRAY_BPF_LOOP=0 in the
 * environment says no, so that tests run the other build on any kernel.
 */
static bool have_bpf_loop(void)
{
	const char *env = getenv("SYSRAY_BPF_LOOP");

	if (env && !strcmp(env, "0"))
		return false;
	return libbpf_probe_bpf_helper(BPF_PROG_TYPE_KPROBE, BPF_FUNC_loop, NULL) == 1;
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

static double now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

/*
 * The traced and dead maps' keys in launch and attach mode: one per
 * process, and no more processes than pids (kernel.pid_max, 32768 by
 * default), up to SR_TRACED_MAX; 0 (as built) if unknown.
 */
static unsigned int traced_entries(void)
{
	FILE *f = fopen("/proc/sys/kernel/pid_max", "re");
	unsigned int n = 0;

	if (f) {
		if (fscanf(f, "%u", &n) != 1)
			n = 0;
		fclose(f);
	}
	return n < SR_TRACED_MAX ? n : 0;
}

/* Does any plan describe fds at exit (-y)? Then sys_exit_fdi is the one loaded. */
static bool plans_describe_fds(const struct sr_plans *plans)
{
	uint32_t nr;

	for (nr = 0; nr < SR_PLAN_COUNT; nr++)
		if (plans->plan[nr].flags & (SR_PLAN_FDI_RET | SR_PLAN_FDI_ARG0 | SR_PLAN_FDI_PAIR))
			return true;
	return false;
}

/* Open the programs for this kernel and set their knobs. */
static int prepare(struct sr_loader *l, const struct sr_load_cfg *cfg)
{
	const struct sr_opts *o = cfg->opts;
	struct sysray_bpf__rodata *ro;
	int i, err;
	bool by;

	/* io_uring: which of its programs this kernel takes */
	uring_cap__prepare(&l->uring, o, cfg->plans);
	err = bpfobj__open(&l->obj, have_bpf_loop(), plans_describe_fds(cfg->plans),
			   cfg->follow_peer, l->uring.on, o->debug);
	if (err)
		return load_error("open BPF object", err);
	ro = l->obj.rodata;
	uring_cap__knobs(&l->uring, ro, l->obj.fdi);
	ro->targ_self_tgid = getpid();
	for (i = 0; i < SR_MAX_EXCL; i++)
		ro->targ_excl_tgid[i] = cfg->excl[i];
	ro->targ_filter_tasks = cfg->filter_tasks;
	/*
	 * --decode-pids=pidns reads each task's namespace in /proc as its
	 * records arrive: wake on every record, so that short-lived tasks are
	 * still there (a record is at least 8 bytes)
	 */
	ro->targ_wakeup_bytes = o->pidns ? 8 : wakeup_bytes(l->ring_size);
	set_filters(ro, cfg);
	set_diagnosis(ro, cfg);
	/*
	 * -c by process or cgroup: one key per syscall and process (or cgroup)
	 * in the hash; else a slot per syscall number in the array. The map
	 * not used (both without -c) is made as small as can be.
	 */
	by = o->summary.by != SR_BY_NONE;
	l->obj.count_entries = o->summary.mode && by ? SR_COUNT_KEYS_BY : 1;
	l->obj.count_slots = o->summary.mode && !by ? SR_COUNT_SLOTS : 1;
	/* the task slots of -c and of entry times (bpf/task_slot.bpf.h) */
	ro->targ_entry_ts = opts__entry_times(o);
	if (!o->summary.mode && !ro->targ_entry_ts)
		l->obj.task_slots = 1;
	/* the maps the options leave unused, as small as can be */
	l->obj.traced_entries = cfg->filter_tasks ? traced_entries() : 1;
	if (!l->uring.on)
		l->obj.uring_reqs = 1;
	if (!l->uring.on || !l->uring.by_udata)
		l->obj.uring_fifos = 1;
	return 0;
}

/*
 * The io_uring programs, where the kernel has them: else syscalls are
 * traced as ever, and -d says why requests are not.
 */
static void uring_report(const struct sr_loader *l, const struct sr_opts *o)
{
	if (l->uring.err && o->debug)
		fprintf(stderr,
			"sysray: io_uring requests are not traced: %s (this kernel lacks io_uring's "
			"tracepoints, or has ones of arguments sysray does not know)\n",
			strerror(-l->uring.err));
}

/*
 * The rings' workers: they make each CPU's ring while the programs load and
 * store it as soon as the array exists (rbs.h). SYSRAY_RINGS_LATE=1 in the
 * environment has them wait for the end of the load, so that tests see a
 * short command's records go through the start-up ring.
 */
static int start_rings(struct sr_loader *l)
{
	const char *late = getenv("SYSRAY_RINGS_LATE");
	int err = rings__init(&l->rings, l->ncpus + 1);

	return err ? err :
		     rbs__start(&l->rbs, &l->rings, l->ncpus, l->ring_size,
				late && !strcmp(late, "1"));
}

/*
 * The light skeleton, or libbpf's if it fails. A failed light skeleton may
 * have closed the workers' rings (bpfobj.h): they are made again first. A
 * stop signal makes the verifier give up (-EAGAIN): then nothing more is
 * tried, and the caller ends quietly.
 */
static int load_programs(struct sr_loader *l, const struct sr_load_cfg *cfg)
{
	unsigned int start = start_size(l->ring_size);
	int err = bpfobj__load(&l->obj, l->ncpus, start);

	if (!err)
		return 0;
	if (!l->obj.light_failed)
		return load_error("load BPF programs", err);
	if (cfg->opts->debug)
		fprintf(stderr, "sysray: the light skeleton failed (%s): libbpf's skeleton next\n",
			strerror(-err));
	rbs__free(&l->rbs);
	rings__close(&l->rings);
	if (cfg->stop && *cfg->stop)
		return -EINTR;
	err = start_rings(l);
	if (err)
		return load_error("create the ring buffers", err);
	err = bpfobj__fall_back(&l->obj, l->ncpus, start);
	return err ? load_error("load BPF programs", err) : 0;
}

/* -d: where start-up went. */
static void report_startup(const struct sr_loader *l, const double *t)
{
	fprintf(stderr,
		"sysray: start-up %.1f ms: open %.1f, load %.1f, plans %.1f, "
		"rings %.1f, attach %.1f\n",
		t[5] - t[0], t[1] - t[0], t[2] - t[1], t[3] - t[2], t[4] - t[3], t[5] - t[4]);
	bpfobj__report(&l->obj);
}

int loader__load(struct sr_loader *l, const struct sr_load_cfg *cfg)
{
	const struct sr_opts *o = cfg->opts;
	double t[6];
	int err;

	memset(l, 0, sizeof(*l));
	t[0] = now_ms();
	l->rings.epoll_fd = -1;
	l->on_record = cfg->on_record;
	l->ctx = cfg->ctx;
	l->ncpus = libbpf_num_possible_cpus();
	if (l->ncpus <= 0)
		return load_error("count CPUs", l->ncpus ? l->ncpus : -EINVAL);
	/* the rings come into being on other threads while the programs load */
	l->ring_size = ring_size(o->ringbuf_size, l->ncpus);
	err = start_rings(l);
	if (err)
		return load_error("create the ring buffers", err);
	err = prepare(l, cfg);
	if (err)
		return err;
	t[1] = now_ms();
	err = load_programs(l, cfg);
	if (err)
		return err;
	/* in the background: see rbs.h */
	rbs__fill(&l->rbs, l->obj.fd.rbs);
	t[2] = now_ms();
	err = fill_plans(l, cfg->plans);
	if (err)
		return load_error("fill the syscall plans", err);
	err = fill_ioc_refs(l, cfg->plans);
	if (err)
		return load_error("fill the ioctl references", err);
	uring_cap__load(&l->uring, &l->obj);
	err = fill_cgroups(l, o);
	if (err)
		return err;
	t[3] = now_ms();
	err = open_rings(l);
	if (err)
		return load_error("create the ring buffers", err);
	t[4] = now_ms();
	err = bpfobj__attach(&l->obj);
	if (err)
		return load_error("attach to the syscall tracepoints", err);
	uring_cap__attach(&l->uring, &l->obj);
	uring_report(l, o);
	if (o->backlog) {
		err = backlog__start(&l->backlog, &l->rings, o->backlog, SR_BACKLOG_CHUNK,
				     cfg->on_record, cfg->ctx);
		if (err)
			return load_error("start the reader thread", err);
	}
	t[5] = now_ms();
	if (o->debug)
		report_startup(l, t);
	return 0;
}

int loader__trace_tgid(struct sr_loader *l, pid_t tgid, bool armed)
{
	struct sr_task t = { .flags = armed ? SR_TASK_ARMED : 0 };
	uint32_t key = tgid;

	if (bpf_map_update_elem(l->obj.fd.traced, &key, &t, BPF_ANY))
		return -errno;
	bpf_map_delete_elem(l->obj.fd.dead, &key);
	__atomic_fetch_add(&l->obj.bss->traced_gen, 1, __ATOMIC_SEQ_CST);
	return 0;
}

int loader__reconcile(struct sr_loader *l)
{
	int fd = l->obj.fd.traced, n = 0;
	uint32_t key, next, *prev = NULL;
	struct sr_task t;

	/*
	 * A process that exited between being found in /proc and being added
	 * to the traced map was never counted out: forget it here. One the
	 * kernel counted out (SR_TASK_DEAD) is only deleted.
	 */
	while (!bpf_map_get_next_key(fd, prev, &next)) {
		key = next;
		prev = &key;
		if (!proc__gone("/proc", key) || bpf_map_lookup_elem(fd, &key, &t) ||
		    bpf_map_delete_elem(fd, &key))
			continue;
		bpf_map_delete_elem(l->obj.fd.dead, &key);
		/* counted out already, or never counted in (a followed peer) */
		if (t.flags & (SR_TASK_DEAD | SR_TASK_PEER))
			continue;
		__atomic_fetch_sub(&l->obj.bss->live_procs, 1, __ATOMIC_SEQ_CST);
		__atomic_fetch_add(&l->obj.bss->traced_gen, 1, __ATOMIC_SEQ_CST);
		n++;
	}
	return n;
}

void loader__set_live(struct sr_loader *l, int64_t n)
{
	__atomic_store_n(&l->obj.bss->live_procs, n, __ATOMIC_SEQ_CST);
}

int64_t loader__live(const struct sr_loader *l)
{
	return __atomic_load_n(&l->obj.bss->live_procs, __ATOMIC_SEQ_CST);
}

/* Producers rarely wake us (batched wakeups): the timeout is the usual way in. */
int loader__poll(struct sr_loader *l, int timeout_ms)
{
	if (l->backlog.started)
		return backlog__poll(&l->backlog, timeout_ms);
	return rings__poll(&l->rings, timeout_ms, l->on_record, l->ctx);
}

/* Detached: no record is in flight any more, so none can precede what we have. */
int loader__drain(struct sr_loader *l)
{
	backlog__stop(&l->backlog); /* what it copied is older than what is left */
	while (rings__consume(&l->rings, UINT64_MAX, l->on_record, l->ctx) > 0)
		;
	return 0;
}

void loader__detach(struct sr_loader *l)
{
	uring_cap__detach(&l->uring);
	bpfobj__detach(&l->obj);
}

void loader__stats(const struct sr_loader *l, struct sr_cpu_stats *sum)
{
	struct sr_cpu_stats *per;
	uint32_t zero = 0;
	int c, i;

	memset(sum, 0, sizeof(*sum));
	if (!l->obj.bss || l->ncpus <= 0)
		return;
	per = calloc(l->ncpus, sizeof(*per));
	if (!per)
		return;
	if (!bpf_map_lookup_elem(l->obj.fd.stats, &zero, per)) {
		for (c = 0; c < l->ncpus; c++)
			for (i = 0; i < SR_STAT_MAX; i++)
				sum->v[i] += per[c].v[i];
	}
	free(per);
	/* consumed but not delivered: counted with the losses */
	sum->v[SR_STAT_LOST] += l->rings.dropped;
}

/* @key's values in map @fd, summed over CPUs into @sum (@per: room for each CPU's). */
static int count_sum(const struct sr_loader *l, int fd, const void *key, struct sr_count_val *per,
		     struct sr_count_val *sum)
{
	int c;

	memset(sum, 0, sizeof(*sum));
	if (bpf_map_lookup_elem(fd, key, per))
		return -errno;
	for (c = 0; c < l->ncpus; c++)
		sr_count_val_add(sum, &per[c]);
	return 0;
}

int loader__counts(const struct sr_loader *l, sr_count_fn *fn, void *ctx, uint64_t *dropped,
		   uint64_t *unstarted)
{
	struct sr_count_key key = { 0 }, next, *prev = NULL;
	struct sr_count_val *per, sum;
	int fd = l->obj.fd.counts, err = 0;
	uint32_t slot;

	*dropped = *unstarted = 0;
	if (!l->obj.bss || l->ncpus <= 0)
		return -EINVAL;
	*dropped = l->obj.bss->count_dropped;
	*unstarted = l->obj.bss->count_unstarted;
	per = calloc(l->ncpus, sizeof(*per));
	if (!per)
		return -ENOMEM;
	/* without --summary-by: a slot per syscall number, ia32 ones after */
	for (slot = 0; !err && slot < l->obj.count_slots; slot++) {
		if (count_sum(l, l->obj.fd.count_nrs, &slot, per, &sum) || !sum.calls)
			continue;
		key.nr = slot < SR_NR_MAX ? slot : (slot - SR_NR_MAX) | SR_COUNT_COMPAT;
		err = fn(ctx, &key, &sum);
	}
	/* with it: a key per syscall number and group */
	while (!err && !bpf_map_get_next_key(fd, prev, &next)) {
		key = next;
		prev = &key;
		if (!count_sum(l, fd, &key, per, &sum))
			err = fn(ctx, &key, &sum);
	}
	free(per);
	return err;
}

void loader__quiesce(struct sr_loader *l)
{
	backlog__stop(&l->backlog);
	rbs__free(&l->rbs); /* its workers map into the rings */
}

void loader__free(struct sr_loader *l)
{
	if (!l)
		return;
	loader__quiesce(l);
	rings__close(&l->rings);
	uring_cap__detach(&l->uring);
	bpfobj__free(&l->obj);
}
