// SPDX-License-Identifier: GPL-2.0
/* The light skeleton of the bpf_loop() build whose sys_exit is the plain one. */
#include <errno.h>
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

int lskel__load(struct sysray_lskel *s, bool fdi, int ncpus, unsigned int start_size,
		unsigned int count_entries, unsigned int count_slots)
{
	s->maps.rbs.max_entries = ncpus;
	s->maps.rb_start.max_entries = start_size;
	if (count_entries)
		s->maps.counts.max_entries = count_entries;
	/* count_starts is task storage here: the kernel sizes it */
	if (count_slots)
		s->maps.count_nrs.max_entries = count_slots;
	return fdi ? lskel_fdi__load(s) : sysray_lskel__load(s);
}

struct sysray_bpf__bss *lskel__bss(struct sysray_lskel *s)
{
	return (struct sysray_bpf__bss *)s->bss;
}

void lskel__fds(struct sysray_lskel *s, struct sr_bpf_fds *fd)
{
	fd->rbs = s->maps.rbs.map_fd;
	fd->rb_start = s->maps.rb_start.map_fd;
	fd->plans = s->maps.plans.map_fd;
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
		int fd;

		if (progs[i].prog_fd <= 0 || (!peer && &progs[i] == &s->progs.peer_tcp_state))
			continue;
		fd = skel_raw_tracepoint_open(NULL, progs[i].prog_fd);
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
