/* SPDX-License-Identifier: GPL-2.0 */
/*
 * -k: what one process has mapped, as /proc/PID/maps says it: kept from
 * that file or built from the kernel's mmap records, a later mapping
 * replacing what it overlaps (MAP_FIXED), and written back as maps text
 * for libdwfl.
 */
#ifndef SYSRAY_STACK_VMAS_H
#define SYSRAY_STACK_VMAS_H

#include <stddef.h>
#include <stdint.h>

struct sr_vma {
	uint64_t start, end, off; /* off: the file offset mapped at start, in bytes */
	uint32_t maj, min;
	uint64_t ino;
	char *file; /* NULL: anonymous or not a file (only overlaps matter) */
};

struct sr_vmas {
	struct sr_vma *v; /* sorted by start, disjoint */
	size_t n, cap;
};

/* Map [start, end) of @file (NULL: not a file) over whatever was there. 0 or -ENOMEM. */
int vmas__add(struct sr_vmas *s, const struct sr_vma *m);
/* The mappings of a /proc/PID/maps text. 0 or -ENOMEM. */
int vmas__parse(struct sr_vmas *s, const char *text, size_t len);
/* @dst becomes a copy of @src (a forked child). 0 or -ENOMEM. */
int vmas__copy(struct sr_vmas *dst, const struct sr_vmas *src);
/* The mapped files as /proc/PID/maps lines (malloc'ed), NULL if none or no memory. */
char *vmas__text(const struct sr_vmas *s, size_t *len);
void vmas__free(struct sr_vmas *s);

#endif /* SYSRAY_STACK_VMAS_H */
