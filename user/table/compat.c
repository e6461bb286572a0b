// SPDX-License-Identifier: GPL-2.0
/*
 * ia32 tasks' entries: an i386 syscall prints by its row in
 * include/sysray/syscalls32.def, or by its x86_64 namesake's row adapted
 * to the ia32 ABI. Adapting never guesses a layout: an argument whose ia32
 * layout differs from x86_64's (a struct with a long, a pointer or a
 * time_t in it) and that no ia32 kind describes shows as its address.
 */
#include <string.h>

#include "table/rows.h"
#include "table/syscalls.h"

/* How a line of syscalls32.def makes the entry. */
enum sr_how32 {
	SR_32_ROW, /* its own row */
	SR_32_ALIAS, /* another x86_64 call's row, adapted */
	SR_32_T64, /* another x86_64 call's row, structs as they are (time64) */
	SR_32_RAW, /* arguments raw */
};

struct sr_row32 {
	const char *name;
	const char *twin;
	enum sr_how32 how;
	struct sr_sysent row;
};

#define SC(nm, fl, r, ...) \
	{ .name = #nm, .how = SR_32_ROW, .row = { SR_ROW_FIELDS(nm, fl, r, __VA_ARGS__) } },
#define SCX(nm, fl, r, d, ...) \
	{ .name = #nm,         \
	  .how = SR_32_ROW,    \
	  .row = { SR_ROW_FIELDS(nm, fl, r, __VA_ARGS__), .dec = &sr_scdec_##d } },
#define ALIAS(nm, tw) { .name = #nm, .twin = #tw, .how = SR_32_ALIAS },
#define T64(nm, tw)   { .name = #nm, .twin = #tw, .how = SR_32_T64 },
#define RAW(nm)	      { .name = #nm, .how = SR_32_RAW },

static const struct sr_row32 rows32[] = {
#include "sysray/syscalls32.def"
};

#undef SC
#undef SCX
#undef ALIAS
#undef T64
#undef RAW

static const struct sr_row32 *row32(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(rows32) / sizeof(rows32[0]); i++)
		if (!strcmp(rows32[i].name, name))
			return &rows32[i];
	return NULL;
}

/* An argument that reads memory of another layout: its address. */
static void as_address(struct sr_argdesc *a)
{
	*a = (struct sr_argdesc){ .type = SR_T_PTR };
}

/* Struct argument @a of a namesake's row, for an ia32 task. */
static void adapt_struct(struct sr_argdesc *a)
{
	if (a->kind->same32)
		return;
	if (a->kind->kind32)
		a->kind = a->kind->kind32;
	else
		as_address(a);
}

/*
 * Argument @i of @e, a namesake's row, for an ia32 task. Returns false when
 * the row cannot serve: a loff_t that i386 passes in two registers.
 */
static bool adapt_arg(struct sr_sysent *e, int i)
{
	struct sr_argdesc *a = &e->args[i];

	switch (a->type) {
	case SR_T_OFF:
		/* already in two registers (preadv's pos_l, pos_h): put together */
		if (i + 1 >= e->nargs || e->args[i + 1].type != SR_T_SKIP)
			return false;
		*a = (struct sr_argdesc){ .type = SR_T_CUSTOM, .dec = &sr_dec_off_lo_hi };
		return true;
	case SR_T_STRUCT_IN:
	case SR_T_STRUCT_OUT:
	case SR_T_STRUCT_INOUT:
		adapt_struct(a);
		return true;
	case SR_T_CUSTOM:
		if (a->dec->plan && !a->dec->same32)
			as_address(a);
		return true;
	default:
		/*
		 * Scalars are the register's 32 bits; strings, buffers, argv
		 * and iovecs are read by the ia32 plan (4-byte pointers).
		 */
		return true;
	}
}

/* @row, a namesake's, adapted into @e (named @name); false: it cannot serve. */
static bool adapt(struct sr_sysent *e, const struct sr_sysent *row, const char *name, bool t64)
{
	int i, nr = e->nr;

	*e = *row;
	e->name = name;
	e->nr = nr;
	e->ia32 = true;
	e->raw = false;
	e->unnamed = false;
	if (e->dec && !e->dec->same32)
		e->dec = NULL;
	/* a time64 call's structs are the 64-bit ones: nothing to adapt */
	for (i = 0; !t64 && i < e->nargs && i < SR_NARGS; i++)
		if (!adapt_arg(e, i))
			return false;
	return true;
}

void syscalls32__fill(struct sr_sysent *e, const char *name)
{
	const struct sr_row32 *r = row32(name);
	const struct sr_sysent *row = NULL;
	struct sr_sysent raw = *e;

	raw.name = name;
	raw.unnamed = false;
	if (r && r->how == SR_32_ROW) {
		*e = r->row;
		e->nr = raw.nr;
		e->ia32 = true;
		syscalls__finish(e);
		return;
	}
	if (!r || r->how != SR_32_RAW)
		row = syscalls__row_named(r ? r->twin : name);
	if (row && adapt(e, row, name, r && r->how == SR_32_T64)) {
		/* -N's argument names are the namesake's */
		syscalls__finish(e);
		return;
	}
	/* no row, or none that can serve: named, arguments raw */
	*e = raw;
}

const char *syscalls32__line(size_t i, const char **twin)
{
	if (i >= sizeof(rows32) / sizeof(rows32[0]))
		return NULL;
	*twin = rows32[i].twin;
	return rows32[i].name;
}
