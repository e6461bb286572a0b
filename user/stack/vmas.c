// SPDX-License-Identifier: GPL-2.0
/* -k: one process's mappings. See vmas.h. */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stack/vmas.h"

static int reserve(struct sr_vmas *s, size_t more)
{
	if (s->n + more > s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 64;
		void *nv;

		while (cap < s->n + more)
			cap *= 2;
		nv = realloc(s->v, cap * sizeof(*s->v));
		if (!nv)
			return -ENOMEM;
		s->v = nv;
		s->cap = cap;
	}
	return 0;
}

static int insert_at(struct sr_vmas *s, size_t i, const struct sr_vma *m)
{
	struct sr_vma c = *m;

	if (m->file && !(c.file = strdup(m->file)))
		return -ENOMEM;
	if (reserve(s, 1)) {
		free(c.file);
		return -ENOMEM;
	}
	memmove(&s->v[i + 1], &s->v[i], (s->n - i) * sizeof(*s->v));
	s->v[i] = c;
	s->n++;
	return 0;
}

/* Cut [start, end) out of the mapping at @i; it may split in two. */
static int cut(struct sr_vmas *s, size_t *i, uint64_t start, uint64_t end)
{
	struct sr_vma *v = &s->v[*i];

	if (v->start < start && v->end > end) {
		struct sr_vma right = *v;

		right.off += end - v->start;
		right.start = end;
		v->end = start;
		if (insert_at(s, *i + 1, &right))
			return -ENOMEM;
		(*i)++;
	} else if (v->start < start) {
		v->end = start;
	} else if (v->end > end) {
		v->off += end - v->start;
		v->start = end;
	} else {
		free(v->file);
		memmove(v, v + 1, (s->n - *i - 1) * sizeof(*v));
		s->n--;
		return 0;
	}
	(*i)++;
	return 0;
}

int vmas__add(struct sr_vmas *s, const struct sr_vma *m)
{
	size_t i = 0;

	if (m->end <= m->start)
		return 0;
	while (i < s->n && s->v[i].end <= m->start)
		i++;
	while (i < s->n && s->v[i].start < m->end)
		if (cut(s, &i, m->start, m->end))
			return -ENOMEM;
	i = 0;
	while (i < s->n && s->v[i].start < m->start)
		i++;
	return insert_at(s, i, m);
}

int vmas__parse(struct sr_vmas *s, const char *text, size_t len)
{
	const char *p = text, *end = text + len;

	while (p < end) {
		const char *nl = memchr(p, '\n', end - p);
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		char line[4200];
		struct sr_vma m = { 0 };
		int name = 0;

		if (n < sizeof(line)) {
			memcpy(line, p, n);
			line[n] = '\0';
			if (sscanf(line,
				   "%" SCNx64 "-%" SCNx64 " %*s %" SCNx64 " %x:%x %" SCNu64 " %n",
				   &m.start, &m.end, &m.off, &m.maj, &m.min, &m.ino, &name) >= 6) {
				m.file = name && line[name] == '/' ? line + name : NULL;
				if (vmas__add(s, &m))
					return -ENOMEM;
			}
		}
		p += n + 1;
	}
	return 0;
}

int vmas__copy(struct sr_vmas *dst, const struct sr_vmas *src)
{
	size_t i;

	for (i = 0; i < src->n; i++)
		if (insert_at(dst, dst->n, &src->v[i]))
			return -ENOMEM;
	return 0;
}

char *vmas__text(const struct sr_vmas *s, size_t *len)
{
	size_t i, cap = 0, n = 0;
	char *buf = NULL;

	for (i = 0; i < s->n; i++)
		if (s->v[i].file)
			cap += strlen(s->v[i].file) + 96;
	if (!cap || !(buf = malloc(cap)))
		return NULL;
	for (i = 0; i < s->n; i++) {
		const struct sr_vma *v = &s->v[i];

		if (!v->file || strchr(v->file, '\n'))
			continue;
		n += snprintf(buf + n, cap - n,
			      "%" PRIx64 "-%" PRIx64 " r-xp %08" PRIx64 " %02x:%02x %" PRIu64
			      " %s\n",
			      v->start, v->end, v->off, v->maj, v->min, v->ino, v->file);
	}
	*len = n;
	return buf;
}

void vmas__free(struct sr_vmas *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		free(s->v[i].file);
	free(s->v);
	memset(s, 0, sizeof(*s));
}
