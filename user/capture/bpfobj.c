// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include "capture/bpfobj.h"
#include "capture/lskel.h"
#include "sysray_compat.skel.h"

/* -d: the verifier's statistics for each program, from a log of its own. */
#define VLOG_SIZE (16 * 1024)

static void vlog_setup(struct sr_bpfobj *b)
{
	struct bpf_program *p;
	int n = 0;

	bpf_object__for_each_program(p, b->skel->obj)
		n++;
	b->vlogs = calloc(n, VLOG_SIZE);
	if (!b->vlogs)
		return;
	n = 0;
	bpf_object__for_each_program(p, b->skel->obj) {
		bpf_program__set_log_buf(p, b->vlogs + n++ * VLOG_SIZE, VLOG_SIZE);
		bpf_program__set_log_level(p, 4); /* BPF_LOG_STATS */
	}
}

static int open_libbpf(struct sr_bpfobj *b)
{
	b->skel = sysray_bpf__open();
	if (!b->skel)
		return -errno;
	/* -y: the sys_exit that describes fds (its kernel types cost libbpf time) */
	bpf_program__set_autoload(b->skel->progs.sys_exit, !b->fdi);
	bpf_program__set_autoload(b->skel->progs.sys_exit_fdi, b->fdi);
	/* --follow-peer: the TCP connect tracepoint */
	bpf_program__set_autoload(b->skel->progs.peer_tcp_state, b->peer);
	/* io_uring: on kernels with its tracepoints; capture/uring.c attaches them by name */
	bpf_program__set_autoload(b->skel->progs.uring_submit_req, b->uring);
	bpf_program__set_autoload(b->skel->progs.uring_req_failed, b->uring);
	bpf_program__set_autoload(b->skel->progs.uring_complete_prog, b->uring);
	bpf_program__set_autoload(b->skel->progs.uring_register, b->uring);
	/*
	 * Older kernels (5.10) log a warning when a raw tracepoint program
	 * (io_uring's) uses a hash map allocated as it fills: with them, this
	 * build's hash maps are allocated at creation (the in-flight requests
	 * fewer).
	 */
	if (b->uring) {
		bpf_map__set_map_flags(b->skel->maps.traced, 0);
		bpf_map__set_map_flags(b->skel->maps.retry, 0);
		bpf_map__set_map_flags(b->skel->maps.uring_reqs, 0);
		bpf_map__set_max_entries(b->skel->maps.uring_reqs, 16384);
	}
	bpf_program__set_autoattach(b->skel->progs.uring_submit_req, false);
	bpf_program__set_autoattach(b->skel->progs.uring_req_failed, false);
	bpf_program__set_autoattach(b->skel->progs.uring_complete_prog, false);
	bpf_program__set_autoattach(b->skel->progs.uring_register, false);
	if (b->debug)
		vlog_setup(b);
	b->rodata = b->skel->rodata;
	return 0;
}

int bpfobj__open(struct sr_bpfobj *b, bool light, bool fdi, bool peer, bool uring, bool debug)
{
	memset(b, 0, sizeof(*b));
	b->fdi = fdi;
	b->peer = peer;
	b->uring = uring;
	b->debug = debug;
	if (!light) {
		b->failed = "the kernel has no bpf_loop()";
		return open_libbpf(b);
	}
	b->lskel = lskel__open(fdi);
	if (!b->lskel)
		return -errno;
	b->rodata = lskel__rodata(b->lskel);
	return 0;
}

static int load_libbpf(struct sr_bpfobj *b, int ncpus, unsigned int start_size)
{
	struct sysray_bpf *s = b->skel;
	int err = bpf_map__set_max_entries(s->maps.rbs, ncpus);

	if (!err)
		err = bpf_map__set_max_entries(s->maps.rb_start, start_size);
	if (!err && b->count_entries)
		err = bpf_map__set_max_entries(s->maps.counts, b->count_entries);
	if (!err && b->count_slots)
		err = bpf_map__set_max_entries(s->maps.count_nrs, b->count_slots);
	if (!err && b->task_slots)
		err = bpf_map__set_max_entries(s->maps.task_slots, b->task_slots);
	/* --follow-peer's maps (LRU maps are filled in advance): the smallest without it */
	if (!err && !b->peer)
		err = bpf_map__set_max_entries(s->maps.peer_wait, 1);
	if (!err && !b->peer)
		err = bpf_map__set_max_entries(s->maps.peer_syn, 1);
	if (!err && b->traced_entries)
		err = bpf_map__set_max_entries(s->maps.traced, b->traced_entries) ?:
			      bpf_map__set_max_entries(s->maps.dead, b->traced_entries);
	/* else as open_libbpf() left it */
	if (!err && b->uring_reqs)
		err = bpf_map__set_max_entries(s->maps.uring_reqs, b->uring_reqs);
	if (!err && b->uring_fifos)
		err = bpf_map__set_max_entries(s->maps.uring_fifos, b->uring_fifos);
	if (!err)
		err = sysray_bpf__load(s);
	if (err)
		return err;
	b->bss = s->bss;
	b->fd.rbs = bpf_map__fd(s->maps.rbs);
	b->fd.rb_start = bpf_map__fd(s->maps.rb_start);
	b->fd.plans = bpf_map__fd(s->maps.plans);
	b->fd.ioc_refs = bpf_map__fd(s->maps.ioc_refs);
	b->fd.traced = bpf_map__fd(s->maps.traced);
	b->fd.dead = bpf_map__fd(s->maps.dead);
	b->fd.cgroups = bpf_map__fd(s->maps.cgroups);
	b->fd.stats = bpf_map__fd(s->maps.stats);
	b->fd.cgcache = bpf_map__fd(s->maps.cgcache);
	b->fd.scratch = bpf_map__fd(s->maps.scratch);
	b->fd.tcache = bpf_map__fd(s->maps.tcache);
	b->fd.retry = bpf_map__fd(s->maps.retry);
	b->fd.bss = bpf_map__fd(s->maps.bss);
	b->fd.counts = bpf_map__fd(s->maps.counts);
	b->fd.count_nrs = bpf_map__fd(s->maps.count_nrs);
	b->fd.uring_ops = bpf_map__fd(s->maps.uring_ops);
	b->fd.uring_reg_next = bpf_map__fd(s->maps.uring_reg_next);
	b->fd.uring_submit_next = bpf_map__fd(s->maps.uring_submit_next);
	b->uring_progs[0] = bpf_program__fd(s->progs.uring_submit_req);
	b->uring_progs[1] = bpf_program__fd(s->progs.uring_req_failed);
	b->uring_progs[2] = bpf_program__fd(s->progs.uring_complete_prog);
	b->uring_progs[3] = bpf_program__fd(s->progs.uring_register);
	return 0;
}

/* The verifier's log of the light skeleton's refused load: a log as large as this holds all of it. */
#define LIGHT_LOG_SIZE (64u << 20)

/*
 * -d, the light skeleton refused: load it again with the verifier's log on
 * (slower, so not the first time) and show the end of the log, which says
 * why. Each program's load writes the log from its start: what is left is
 * the refused program's.
 */
static void light_log(struct sr_bpfobj *b, int ncpus, unsigned int start_size)
{
	struct sysray_lskel *s = lskel__open(b->fdi);
	char *log = calloc(1, LIGHT_LOG_SIZE), *p;
	int lines = 0;

	if (s && log) {
		memcpy(lskel__rodata(s), b->knobs, sizeof(*b->rodata));
		lskel__set_log(s, log, LIGHT_LOG_SIZE);
		lskel__load(s, b, ncpus, start_size);
		log[LIGHT_LOG_SIZE - 1] = 0;
		for (p = log + strlen(log); p > log && lines < 24; p--)
			lines += p[-1] == '\n';
		fprintf(stderr, "sysray: the light skeleton's verifier log ends:\n%s", p);
	}
	free(log);
	lskel__free(s);
}

int bpfobj__load(struct sr_bpfobj *b, int ncpus, unsigned int start_size)
{
	int err;

	if (!b->lskel)
		return load_libbpf(b, ncpus, start_size);
	/* the knobs, in case libbpf has to take over */
	b->knobs = malloc(sizeof(*b->rodata));
	if (!b->knobs)
		return -ENOMEM;
	memcpy(b->knobs, b->rodata, sizeof(*b->rodata));
	err = lskel__load(b->lskel, b, ncpus, start_size);
	if (!err) {
		lskel__fds(b->lskel, &b->fd, b->uring_progs);
		b->bss = lskel__bss(b->lskel);
		return 0;
	}
	b->failed = strerror(-err);
	lskel__free(b->lskel);
	b->lskel = NULL;
	b->light_failed = true;
	if (b->debug && err == -EACCES)
		light_log(b, ncpus, start_size);
	return err;
}

int bpfobj__fall_back(struct sr_bpfobj *b, int ncpus, unsigned int start_size)
{
	int err = open_libbpf(b);

	if (err)
		return err;
	memcpy(b->rodata, b->knobs, sizeof(*b->rodata));
	return load_libbpf(b, ncpus, start_size);
}

int bpfobj__attach(struct sr_bpfobj *b)
{
	return b->lskel ? lskel__attach(b->lskel, b->peer) : sysray_bpf__attach(b->skel);
}

void bpfobj__detach(struct sr_bpfobj *b)
{
	if (b->lskel)
		lskel__detach(b->lskel);
	else if (b->skel)
		sysray_bpf__detach(b->skel);
}

void bpfobj__report(const struct sr_bpfobj *b)
{
	struct bpf_program *p;
	long insns = 0, usec = 0;
	int n = 0;

	if (b->lskel) {
		fprintf(stderr,
			"sysray: BPF programs loaded by the kernel (light skeleton, "
			"built with bpf_loop); make verifystat shows what the verifier did\n");
		return;
	}
	fprintf(stderr, "sysray: BPF programs loaded by libbpf, built without bpf_loop (%s)\n",
		b->failed ? b->failed : "?");
	if (!b->vlogs)
		return;
	bpf_object__for_each_program(p, b->skel->obj) {
		const char *log = b->vlogs + n++ * VLOG_SIZE;
		const char *pi = strstr(log, "processed "), *vt = strstr(log, "verification time ");

		if (!bpf_program__autoload(p) || !pi || !vt)
			continue;
		fprintf(stderr, "sysray: verifier: %s: %ld insns processed in %.1f ms\n",
			bpf_program__name(p), atol(pi + 10), atol(vt + 18) / 1e3);
		insns += atol(pi + 10);
		usec += atol(vt + 18);
	}
	fprintf(stderr, "sysray: verifier: %ld insns processed in %.1f ms in all\n", insns,
		usec / 1e3);
}

void bpfobj__free(struct sr_bpfobj *b)
{
	if (!b)
		return;
	lskel__free(b->lskel);
	b->lskel = NULL;
	sysray_bpf__destroy(b->skel);
	b->skel = NULL;
	free(b->vlogs);
	b->vlogs = NULL;
	free(b->knobs);
	b->knobs = NULL;
}
