/* SPDX-License-Identifier: GPL-2.0 */
/*
 * -k: the kernel's record of every mmap, exec and fork on the host, from a
 * perf dummy event per CPU (as perf record follows mappings), so that a
 * process that maps, calls and exits before sysray reads its /proc/PID/maps
 * is still symbolised. Times are CLOCK_MONOTONIC ns, as the BPF records'.
 */
#ifndef SYSRAY_STACK_MMAPEV_H
#define SYSRAY_STACK_MMAPEV_H

#include <stddef.h>
#include <stdint.h>

struct sr_mmapev;

struct sr_mmapev_ops {
	/* @pid mapped @len bytes of @file (its @pgoff-th page on) at @addr. */
	void (*map)(void *ctx, uint32_t pid, uint64_t ts, uint64_t addr, uint64_t len,
		    uint64_t pgoff, uint32_t maj, uint32_t min, uint64_t ino, uint32_t prot,
		    const char *file);
	/* @pid ran execve */
	void (*exec)(void *ctx, uint32_t pid, uint64_t ts);
	/* process @pid was forked from @ppid */
	void (*fork)(void *ctx, uint32_t pid, uint32_t ppid, uint64_t ts);
};

/**
 * mmapev__open() - one dummy event per online CPU, each with a ring of
 * @ring_pages pages (a power of two). NULL with errno set when the kernel
 * refuses (perf_event_paranoid, no CAP_PERFMON).
 */
struct sr_mmapev *mmapev__open(unsigned int ring_pages);

/** mmapev__drain() - hand every record waiting in the rings to @ops. */
void mmapev__drain(struct sr_mmapev *m, const struct sr_mmapev_ops *ops, void *ctx);

/** mmapev__lost() - records the kernel could not write (rings full). */
uint64_t mmapev__lost(const struct sr_mmapev *m);

/** mmapev__close() - NULL-safe. */
void mmapev__close(struct sr_mmapev *m);

#endif /* SYSRAY_STACK_MMAPEV_H */
