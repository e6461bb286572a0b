// SPDX-License-Identifier: GPL-2.0
/* Access to the blobs of a call's records, checked against the records' ends. */
#include "call/call.h"

bool blob_valid(const struct sr_blob *b, const uint8_t *end)
{
	const uint8_t *p = (const uint8_t *)b;

	if (!b || p + sizeof(*b) > end)
		return false;
	return p + sizeof(*b) + b->len <= end;
}

const struct sr_blob *blob_next(const struct sr_blob *b, const uint8_t *end)
{
	const uint8_t *p = (const uint8_t *)b + sizeof(*b) + SR_ALIGN8(b->len);
	const struct sr_blob *n = (const struct sr_blob *)p;

	return blob_valid(n, end) ? n : NULL;
}

const struct sr_blob *call__blob(const struct sr_call *c, int i, bool at_exit)
{
	if (i < 0 || i >= SR_NARGS)
		return NULL;
	if (at_exit && c->has_exit && c->out[i])
		return c->out[i];
	return c->in[i];
}

const uint8_t *call__blob_end(const struct sr_call *c, const struct sr_blob *b)
{
	const uint8_t *p = (const uint8_t *)b;

	/* The two records are separate buffers: find the one holding @b. */
	if (c->out_start && p >= c->out_start && p < c->out_end)
		return c->out_end;
	return c->in_end;
}

const uint8_t *call__blob_bytes(const struct sr_call *c, const struct sr_blob *b, uint64_t *len)
{
	const uint8_t *p = (const uint8_t *)b;
	bool out = c->out_start && p >= c->out_start && p < c->out_end;
	const uint8_t *start = out ? c->out_start : c->in_start;
	uint32_t i;

	for (i = 0; start && p >= start && i < c->next; i++) {
		if (c->ext[i].out == out && c->ext[i].off == (size_t)(p - start)) {
			*len = c->ext[i].len;
			return c->ext[i].data;
		}
	}
	*len = b->len;
	return blob_data(b);
}

/* Point slot[] at the first blob of each argument in [blobs, end). */
void call__index_blobs(const uint8_t *blobs, const uint8_t *end, const struct sr_blob **slot)
{
	const struct sr_blob *b = (const struct sr_blob *)blobs;

	if (!blob_valid(b, end))
		return;
	for (; b; b = blob_next(b, end)) {
		int i = SR_BLOB_ARG(b);

		if (i < SR_NARGS && !slot[i])
			slot[i] = b;
	}
}

/*
 * Index an exit (or whole-call) record: retried entry copies (SR_BF_RETRY)
 * and entry captures of a whole call (SR_BF_ENTRY) go to in[], the other
 * blobs are the outputs, out[].
 */
void call__index_exit_blobs(struct sr_call *c, const uint8_t *blobs)
{
	const struct sr_blob *b = (const struct sr_blob *)blobs;
	bool seen_in[SR_NARGS] = {};

	if (!blob_valid(b, c->out_end))
		return;
	for (; b; b = blob_next(b, c->out_end)) {
		int i = SR_BLOB_ARG(b);

		if (i >= SR_NARGS)
			continue;
		if (b->flags & (SR_BF_RETRY | SR_BF_ENTRY)) {
			/* a retry replaces a faulted entry copy; an exit-time copy, a missing one */
			if (!seen_in[i] && (!c->in[i] || (c->in[i]->flags & SR_BF_FAULT) ||
					    (b->flags & SR_BF_RETRY)))
				c->in[i] = b;
			seen_in[i] = true;
		} else if (!c->out[i]) {
			c->out[i] = b;
		}
	}
}
