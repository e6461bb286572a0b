// SPDX-License-Identifier: GPL-2.0
/* Buffers longer than one blob: SR_REC_MORE records spliced into their call's record. */
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "pairing/more.h"

int more__hold(struct sr_tmore *m, const struct sr_more *r, size_t len)
{
	size_t need;
	uint8_t *n;

	if (len < sizeof(*r) || r->len > len - sizeof(*r))
		return 0;
	if (m->held_len && m->ts != r->h.ts_ns)
		m->held_len = 0;
	m->ts = r->h.ts_ns;
	len = sizeof(*r) + r->len;
	need = m->held_len + SR_ALIGN8(len);
	if (need > m->held_cap) {
		n = realloc(m->held, need * 2);
		if (!n)
			return -ENOMEM;
		m->held = n;
		m->held_cap = need * 2;
	}
	memcpy(m->held + m->held_len, r, len);
	m->held_len = need;
	return 0;
}

/* The held record after the one at @pos (0: the first), or NULL. */
static const struct sr_more *held_next(const struct sr_tmore *m, size_t *pos)
{
	const struct sr_more *r;

	if (*pos + sizeof(*r) > m->held_len)
		return NULL;
	r = (const struct sr_more *)(m->held + *pos);
	*pos += SR_ALIGN8(sizeof(*r) + r->len);
	return r;
}

/* Where a record of @type has its blobs, or 0 for a type that has none to splice. */
static size_t blobs_start(uint16_t type)
{
	switch (type) {
	case SR_REC_ENTER:
		return sizeof(struct sr_enter);
	case SR_REC_EXIT:
		return sizeof(struct sr_exit);
	case SR_REC_CALL:
		return sizeof(struct sr_callrec);
	default:
		return 0;
	}
}

/* Forget the whole blobs of the previous call. */
static void ext_clear(struct sr_tmore *m)
{
	uint32_t i;

	for (i = 0; i < m->next; i++)
		free((void *)m->ext[i].data);
	m->next = 0;
}

/* One blob being spliced: its bytes, and how its continuation ended. */
struct splice {
	uint8_t *data;
	uint64_t len;
	bool fault; /* a continuation could not be read: the buffer ends at len */
	bool gap; /* a continuation was lost: bytes missing after len */
};

/* Gather blob @b (at @at in the record) and the held records continuing it into @sp. */
static int gather(const struct sr_tmore *m, const struct sr_blob *b, uint32_t at, struct splice *sp)
{
	const struct sr_more *r;
	uint64_t total = b->len;
	size_t pos = 0;

	while ((r = held_next(m, &pos)))
		if (r->at == at)
			total += r->len;
	sp->data = malloc(total ? total : 1);
	if (!sp->data)
		return -ENOMEM;
	memcpy(sp->data, blob_data(b), b->len);
	sp->len = b->len;
	pos = 0;
	while ((r = held_next(m, &pos)) && !sp->fault && !sp->gap) {
		if (r->at != at)
			continue;
		if (r->off != sp->len)
			sp->gap = true;
		else if (r->flags & SR_BF_FAULT)
			sp->fault = true;
		memcpy(sp->data + sp->len, r + 1, sp->gap || sp->fault ? 0 : r->len);
		sp->len += sp->gap || sp->fault ? 0 : r->len;
	}
	return 0;
}

/* Does a held record continue the blob at @at? */
static bool continued(const struct sr_tmore *m, uint32_t at)
{
	const struct sr_more *r;
	size_t pos = 0;

	while ((r = held_next(m, &pos)))
		if (r->at == at)
			return true;
	return false;
}

/*
 * Write blob @b at @dst (@at in the old record, @nat in the new one),
 * spliced with its continuations. Returns the bytes written.
 */
static size_t put_spliced(struct sr_tmore *m, const struct sr_blob *b, uint32_t at, uint32_t nat,
			  bool out, uint8_t *dst)
{
	struct splice sp = {};
	struct sr_blob nb = *b;
	size_t inl;

	if (!continued(m, at) || gather(m, b, at, &sp)) {
		memcpy(dst, b, sizeof(*b) + b->len);
		memset(dst + sizeof(*b) + b->len, 0, SR_ALIGN8(b->len) - b->len);
		return sizeof(*b) + SR_ALIGN8(b->len);
	}
	inl = sp.len < SR_MORE_INLINE ? sp.len : SR_MORE_INLINE;
	nb.len = (uint16_t)inl;
	nb.flags &= ~SR_BF_TRUNC;
	/* the bytes after len are unreadable, as for a copy cut at a page */
	if (sp.fault)
		nb.flags |= SR_BF_PART;
	else if (sp.gap || (uint64_t)(uint32_t)b->aux > sp.len)
		nb.flags |= SR_BF_TRUNC;
	memcpy(dst, &nb, sizeof(nb));
	memcpy(dst + sizeof(nb), sp.data, inl);
	memset(dst + sizeof(nb) + inl, 0, SR_ALIGN8(inl) - inl);
	if (sp.len > inl && m->next < SR_MORE_EXT)
		m->ext[m->next++] = (struct sr_blob_ext){
			.out = out, .off = nat, .data = sp.data, .len = sp.len
		};
	else
		free(sp.data);
	return sizeof(nb) + SR_ALIGN8(inl);
}

const void *more__splice(struct sr_tmore *m, const void *rec, size_t *len)
{
	const struct sr_hdr *h = rec;
	size_t start = blobs_start(h->type), need, at, nat;
	const uint8_t *src = rec, *end = src + *len;
	const struct sr_blob *b;
	struct sr_hdr *nh;
	uint8_t *n;

	if (h->type == SR_REC_ENTER || h->type == SR_REC_CALL)
		ext_clear(m);
	if (!m->held_len || !start || m->ts != h->ts_ns || *len < start) {
		m->held_len = 0;
		return rec;
	}
	/* every held byte, and a blob's padding for each held record */
	need = *len + m->held_len;
	if (need > m->rec_cap) {
		n = realloc(m->rec, need);
		if (!n) {
			m->held_len = 0;
			return rec;
		}
		m->rec = n;
		m->rec_cap = need;
	}
	memcpy(m->rec, rec, start);
	nat = start;
	b = (const struct sr_blob *)(src + start);
	for (b = blob_valid(b, end) ? b : NULL; b; b = blob_next(b, end)) {
		at = (const uint8_t *)b - src;
		nat += put_spliced(m, b, at, nat, h->type != SR_REC_ENTER, m->rec + nat);
	}
	m->held_len = 0;
	nh = (struct sr_hdr *)m->rec;
	nh->size = nat;
	*len = nat;
	return m->rec;
}

void more__free(struct sr_tmore *m)
{
	if (!m)
		return;
	ext_clear(m);
	free(m->held);
	free(m->rec);
}
