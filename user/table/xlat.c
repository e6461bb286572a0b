// SPDX-License-Identifier: GPL-2.0
/* Lookups in the generated flag and value tables. */
#include "table/xlat.h"

const char *xlat__name(const struct sr_xlat *x, uint64_t v)
{
	uint32_t i;

	for (i = 0; i < x->n; i++)
		if (x->ents[i].val == v)
			return x->ents[i].name;
	return NULL;
}
