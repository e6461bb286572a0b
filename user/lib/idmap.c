// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <stdlib.h>

#include "lib/idmap.h"

static char tomb_marker;
#define IDMAP_TOMB ((void *)&tomb_marker)

static size_t hash64(uint64_t k)
{
	k ^= k >> 33;
	k *= 0xff51afd7ed558ccdULL;
	k ^= k >> 33;
	return (size_t)k;
}

void *idmap__get(const struct idmap *m, uint64_t key)
{
	size_t i, mask;

	if (!m->cap)
		return NULL;
	mask = m->cap - 1;
	for (i = hash64(key) & mask;; i = (i + 1) & mask) {
		const struct idmap_slot *s = &m->slots[i];

		if (!s->val)
			return NULL;
		if (s->val != IDMAP_TOMB && s->key == key)
			return s->val;
	}
}

static int grow(struct idmap *m)
{
	size_t ncap = m->cap ? m->cap * 2 : 64, i;
	struct idmap old = *m;

	/* Rehash in place when tombstones, not live entries, fill the table. */
	if (m->cap && m->used * 4 < m->cap)
		ncap = m->cap;
	m->slots = calloc(ncap, sizeof(*m->slots));
	if (!m->slots) {
		*m = old;
		return -ENOMEM;
	}
	m->cap = ncap;
	m->used = 0;
	m->tombs = 0;
	for (i = 0; i < old.cap; i++) {
		struct idmap_slot *s = &old.slots[i];

		if (s->val && s->val != IDMAP_TOMB)
			idmap__put(m, s->key, s->val);
	}
	free(old.slots);
	return 0;
}

int idmap__put(struct idmap *m, uint64_t key, void *val)
{
	size_t i, mask;
	struct idmap_slot *tomb = NULL;

	if ((m->used + m->tombs + 1) * 4 > m->cap * 3 && grow(m))
		return -ENOMEM;
	mask = m->cap - 1;
	for (i = hash64(key) & mask;; i = (i + 1) & mask) {
		struct idmap_slot *s = &m->slots[i];

		if (s->val == IDMAP_TOMB) {
			if (!tomb)
				tomb = s;
			continue;
		}
		if (!s->val) {
			if (tomb) {
				s = tomb;
				m->tombs--;
			}
			s->key = key;
			s->val = val;
			m->used++;
			return 0;
		}
		if (s->key == key) {
			s->val = val;
			return 0;
		}
	}
}

void *idmap__del(struct idmap *m, uint64_t key)
{
	size_t i, mask;

	if (!m->cap)
		return NULL;
	mask = m->cap - 1;
	for (i = hash64(key) & mask;; i = (i + 1) & mask) {
		struct idmap_slot *s = &m->slots[i];
		void *v;

		if (!s->val)
			return NULL;
		if (s->val == IDMAP_TOMB || s->key != key)
			continue;
		v = s->val;
		s->val = IDMAP_TOMB;
		m->used--;
		m->tombs++;
		return v;
	}
}

void idmap__free(struct idmap *m)
{
	free(m->slots);
	m->slots = NULL;
	m->cap = m->used = m->tombs = 0;
}

void *idmap__next(const struct idmap *m, size_t *iter, uint64_t *key)
{
	while (*iter < m->cap) {
		const struct idmap_slot *s = &m->slots[(*iter)++];

		if (s->val && s->val != IDMAP_TOMB) {
			if (key)
				*key = s->key;
			return s->val;
		}
	}
	return NULL;
}
