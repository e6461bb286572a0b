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
