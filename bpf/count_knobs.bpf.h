/* SPDX-License-Identifier: GPL-2.0 */
/*
 * -c's knobs and counter (bpf/count.bpf.h), which the io_uring programs
 * (uring.bpf.h) read too.
 */
#ifndef SYSRAY_COUNT_KNOBS_BPF_H
#define SYSRAY_COUNT_KNOBS_BPF_H

/* enum sr_count_mode */
const volatile __u32 targ_count = 0;
/* -c without -C: count, and send no syscall record */
const volatile bool targ_count_only = false;
/* -w: min/max of the wall-clock time, else of the CPU time */
const volatile bool targ_count_wall = false;
/* A new key's first value, here rather than on sys_exit's stack (512 bytes in all) */
const volatile __u8 count_zero[sizeof(struct sr_count_val)] = {};

/* Calls not counted because the map was full: shown at the end. */
__u64 count_dropped = 0;
/* Calls not counted because their start found no slot (bpf/count.bpf.h). */
__u64 count_unstarted = 0;

#endif /* SYSRAY_COUNT_KNOBS_BPF_H */
