/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Flag and value tables. The generated user/xlat/NAME.in -> NAME.c files
 * include only this header and their own system headers, so that headers
 * which clash with each other (<fcntl.h> and <linux/fcntl.h>) never meet.
 */
#ifndef SYSRAY_XLAT_H
#define SYSRAY_XLAT_H

#include <stddef.h>
#include <stdint.h>

struct sr_xlat_ent {
	uint64_t val;
	const char *name;
};

enum sr_xlat_kind {
	SR_XLAT_FLAGS, /* a bit set: A|B|0x40 */
	SR_XLAT_ENUM, /* one value */
};

struct sr_xlat {
	const char *name;
	const char *unknown; /* comment for unknown values: "O_???" */
	const struct sr_xlat_ent *ents;
	uint32_t n;
	uint8_t kind; /* enum sr_xlat_kind */
};

/* xlat__name() - the name of value @v in @x, or NULL. */
const char *xlat__name(const struct sr_xlat *x, uint64_t v);

#endif /* SYSRAY_XLAT_H */
