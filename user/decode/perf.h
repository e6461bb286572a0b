/* SPDX-License-Identifier: GPL-2.0 */
/* struct perf_event_attr, for perf_event_open(2) and the perf ioctls (perf.c). */
#ifndef SYSRAY_DECODE_PERF_H
#define SYSRAY_DECODE_PERF_H

#include <stddef.h>
#include <stdint.h>

struct sr_fmt;

/*
 * The struct perf_event_attr at user address @addr, of which @len bytes were
 * captured at @p, as strace 6.1 prints it: its address when the size it
 * gives cannot be read (or is below PERF_ATTR_SIZE_VER0).
 */
void fmt_perf_event_attr(struct sr_fmt *f, const uint8_t *p, size_t len, uint64_t addr);

#endif /* SYSRAY_DECODE_PERF_H */
