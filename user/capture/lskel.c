// SPDX-License-Identifier: GPL-2.0
/* The light skeleton of the bpf_loop() build whose sys_exit is the plain one. */
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "capture/bpfobj.h"
#include "capture/lskel.h"
#include "sysray.lskel.h"

struct sysray_lskel *lskel__open(bool fdi)
{
	return sysray_lskel__open();
}

struct sysray_bpf__rodata *lskel__rodata(struct sysray_lskel *s)
{
	return (struct sysray_bpf__rodata *)s->rodata;
}

/*
 * libbpf's loader program (its gen_loader) hands back the programs' fds in
 * the order they loaded, one after the other, while the skeleton has a slot
 * for each program of the object: from the one this build does not load
 * ("?": sys_exit_fdi, or sys_exit in -y's build) on, each slot holds the
 * next program's fd and the last one none. Put each where it belongs (the
 * last program, io_uring's completion, is loaded by every light skeleton:
 * with its slot filled, there is nothing to move).
 */
static void place_prog_fds(struct sysray_lskel *s, bool fdi)
{
	struct bpf_prog_desc *p = (struct bpf_prog_desc *)&s->progs;
	size_t n = sizeof(s->progs) / sizeof(*p), i;
	size_t skip = (fdi ? &s->progs.sys_exit : &s->progs.sys_exit_fdi) - p;

	_Static_assert(offsetof(typeof(s->progs), uring_complete_prog) ==
			       sizeof(s->progs) - sizeof(struct bpf_prog_desc),
		       "the io_uring completion program is the object's last");
	if (p[n - 1].prog_fd > 0)
		return;
	for (i = n - 1; i > skip; i--)
		p[i].prog_fd = p[i - 1].prog_fd;
	p[skip].prog_fd = 0;
}

int lskel__load(struct sysray_lskel *s, const struct sr_bpfobj *b, int ncpus,
		unsigned int start_size)
{
	int err;

	s->maps.rbs.max_entries = ncpus;
	/* --follow-peer's maps (LRU maps are filled in advance): the smallest without it */
	if (!b->peer) {
		s->maps.peer_wait.max_entries = 1;
		s->maps.peer_syn.max_entries = 1;
	}
	s->maps.rb_start.max_entries = start_size;
	if (b->count_entries)
		s->maps.counts.max_entries = b->count_entries;
	/* task_slots is task storage here: the kernel sizes it */
	if (b->count_slots)
		s->maps.count_nrs.max_entries = b->count_slots;
	if (b->traced_entries) {
		s->maps.traced.max_entries = b->traced_entries;
		s->maps.dead.max_entries = b->traced_entries;
	}
	if (b->uring_reqs)
		s->maps.uring_reqs.max_entries = b->uring_reqs;
	if (b->uring_fifos)
		s->maps.uring_fifos.max_entries = b->uring_fifos;
	err = b->fdi ? lskel_fdi__load(s) : sysray_lskel__load(s);
	if (!err)
		place_prog_fds(s, b->fdi);
	return err;
}

void lskel__set_log(struct sysray_lskel *s, char *buf, unsigned int size)
{
	s->ctx.log_level = 1;
	s->ctx.log_size = size;
	s->ctx.log_buf = (long)buf;
}

struct sysray_bpf__bss *lskel__bss(struct sysray_lskel *s)
{
	return (struct sysray_bpf__bss *)s->bss;
}

void lskel__fds(struct sysray_lskel *s, struct sr_bpf_fds *fd, int *uring_progs)
{
	fd->rbs = s->maps.rbs.map_fd;
	fd->rb_start = s->maps.rb_start.map_fd;
	fd->plans = s->maps.plans.map_fd;
	fd->ioc_refs = s->maps.ioc_refs.map_fd;
	fd->traced = s->maps.traced.map_fd;
	fd->dead = s->maps.dead.map_fd;
	fd->cgroups = s->maps.cgroups.map_fd;
	fd->stats = s->maps.stats.map_fd;
	fd->cgcache = s->maps.cgcache.map_fd;
	fd->scratch = s->maps.scratch.map_fd;
	fd->tcache = s->maps.tcache.map_fd;
	fd->retry = s->maps.retry.map_fd;
	fd->bss = s->maps.bss.map_fd;
	fd->counts = s->maps.counts.map_fd;
	fd->count_nrs = s->maps.count_nrs.map_fd;
	fd->uring_ops = s->maps.uring_ops.map_fd;
	fd->uring_reg_next = s->maps.uring_reg_next.map_fd;
	fd->uring_submit_next = s->maps.uring_submit_next.map_fd;
	uring_progs[0] = s->progs.uring_submit_req.prog_fd;
	uring_progs[1] = s->progs.uring_req_failed.prog_fd;
	uring_progs[2] = s->progs.uring_complete_prog.prog_fd;
	uring_progs[3] = s->progs.uring_register.prog_fd;
}

/* The light skeleton's own attach would try the programs that were not loaded. */
int lskel__attach(struct sysray_lskel *s, bool peer)
{
	const struct bpf_prog_desc *progs = (const void *)&s->progs;
	int *links = (int *)&s->links;
	size_t i, n = sizeof(s->progs) / sizeof(*progs);

	/* one link fd per program, in the same order */
	_Static_assert(sizeof(s->progs) / sizeof(struct bpf_prog_desc) ==
			       sizeof(s->links) / sizeof(int),
		       "light skeleton layout");
	for (i = 0; i < n; i++) {
		const struct bpf_prog_desc *p = &progs[i];
		int fd;

		if (p->prog_fd <= 0 || (!peer && p == &s->progs.peer_tcp_state) ||
		    p == &s->progs.uring_submit_req || p == &s->progs.uring_req_failed ||
		    p == &s->progs.uring_complete_prog || p == &s->progs.uring_register)
			continue;
		fd = skel_raw_tracepoint_open(NULL, p->prog_fd);
		if (fd < 0)
			return -errno;
		links[i] = fd;
	}
	return 0;
}

void lskel__detach(struct sysray_lskel *s)
{
	sysray_lskel__detach(s);
	memset(&s->links, 0, sizeof(s->links));
}

void lskel__free(struct sysray_lskel *s)
{
	if (s)
		sysray_lskel__destroy(s);
}
