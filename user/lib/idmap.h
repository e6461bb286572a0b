/* SPDX-License-Identifier: GPL-2.0 */
/* A hash map from 64-bit keys to pointers: open addressing, linear probing. */
#ifndef SYSRAY_IDMAP_H
#define SYSRAY_IDMAP_H

#include <stddef.h>
#include <stdint.h>

struct idmap_slot {
	uint64_t key;
	void *val; /* NULL: empty; IDMAP_TOMB: deleted */
};

struct idmap {
	struct idmap_slot *slots;
	size_t cap; /* a power of two */
	size_t used; /* live entries */
	size_t tombs;
};

/* Zero-initialised struct idmap is a valid empty map. */
void *idmap__get(const struct idmap *m, uint64_t key);
/* Insert or replace; @val must not be NULL. Return 0 or -ENOMEM. */
int idmap__put(struct idmap *m, uint64_t key, void *val);
/* Remove @key; return its value or NULL. The caller owns the value. */
void *idmap__del(struct idmap *m, uint64_t key);
/* Free the table, not the values. */
void idmap__free(struct idmap *m);

/* Iterate: for (i = 0; (v = idmap__next(m, &i, &key)); ) */
void *idmap__next(const struct idmap *m, size_t *iter, uint64_t *key);

#endif /* SYSRAY_IDMAP_H */
