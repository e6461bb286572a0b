/* SPDX-License-Identifier: GPL-2.0 */
/*
 * -k: the user stack of each printed syscall, as strace -k prints it.
 *
 * The kernel sends, before each traced entry, the task's user registers and
 * the top of its user stack (struct sr_stack). Here they are kept per thread
 * until the call's line is printed, then unwound with elfutils' libdwfl
 * through the DWARF CFI of the mapped files and symbolised through their
 * ELF symbol tables. Each process's mappings come from /proc/PID/maps when
 * it is first seen, then from the kernel's mmap, exec and fork records (a
 * perf dummy event per CPU, stack/mmapev.h), kept by time, and kept after it
 * exits: a process that maps, calls and exits before its line is printed
 * is still symbolised. Without perf events: /proc at first sight, at
 * execve and when an address falls outside the maps.
 */
#ifndef SYSRAY_STACK_H
#define SYSRAY_STACK_H

#include <stddef.h>
#include <stdint.h>

#include <linux/types.h>

#include "sysray/abi.h"

struct sr_out;
struct sr_stacks;

/**
 * stacks__new() - a store printing at most @max_frames frames per stack,
 * reading maps under @proc_root ("/proc"). NULL on allocation failure.
 */
struct sr_stacks *stacks__new(int max_frames, const char *proc_root);

/** stacks__free() - NULL-safe. */
void stacks__free(struct sr_stacks *st);

/**
 * stacks__record() - keep @rec (@len bytes, a struct sr_stack) as the stack
 * of its thread's next printed call. Return 0, or -EINVAL for a malformed
 * record, -ENOMEM.
 */
int stacks__record(struct sr_stacks *st, const struct sr_stack *rec, size_t len);

/**
 * stacks__exec() - process @tgid ran execve at @ts: its maps are new from
 * then on (read from /proc now unless the kernel's mmap records are used).
 */
void stacks__exec(struct sr_stacks *st, uint32_t tgid, uint64_t ts);

/**
 * stacks__exit() - process @tgid is gone: forget its maps once the stacks
 * kept from it are printed.
 */
void stacks__exit(struct sr_stacks *st, uint32_t tgid);

/**
 * stacks__print() - print the stack kept for thread @tid, if any, on @out as
 * strace -k does (" > FILE(SYMBOL+0xOFF) [0xADDR]" lines), and forget it.
 * @ctx is the struct sr_stacks (an sr_stack_fn for the strace sink).
 */
void stacks__print(void *ctx, struct sr_out *out, uint32_t tid);

struct sr_stacks_stats {
	uint64_t records; /* stack records kept */
	uint64_t printed; /* stacks printed */
	uint64_t maps_read; /* times a /proc/PID/maps was read */
	uint64_t maps_missing; /* a process gone before its maps could be read */
	uint64_t unwound_none; /* stacks of which not one frame could be printed */
	uint64_t mmap_records; /* 1: mappings followed through perf's mmap records */
	uint64_t mmap_lost; /* mmap records the kernel dropped */
};

/** stacks__stats() - counters for -d. */
const struct sr_stacks_stats *stacks__stats(struct sr_stacks *st);

#endif /* SYSRAY_STACK_H */
