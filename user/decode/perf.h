/* SPDX-License-Identifier: GPL-2.0 */
/* struct perf_event_attr, for perf_event_open(2) and the perf ioctls (perf.c). */
#ifndef SYSRAY_DECODE_PERF_H
#define SYSRAY_DECODE_PERF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct sr_fmt;
struct sr_blob;

/*
 * The struct perf_event_attr at user address @addr, of which @len bytes were
 * captured at @p, as strace 6.1 prints it: its address when the size it
 * gives cannot be read (or is below PERF_ATTR_SIZE_VER0). With @resized
 * (perf_event_open failed with E2BIG), "size=X => Y", Y the size field of
 * the struct as the kernel left it, from blob @after ("???" when unread).
 */
void fmt_perf_event_attr(struct sr_fmt *f, const uint8_t *p, size_t len, uint64_t addr,
			 bool resized, const struct sr_blob *after);

#endif /* SYSRAY_DECODE_PERF_H */
