// SPDX-License-Identifier: GPL-2.0
/* The syscall table: every row is well-formed and every type can print. */
#include <stdio.h>
#include <string.h>

#include "decode.h"
#include "opts.h"
#include "syscalls.h"
#include "test.h"

static bool needs_len(uint8_t t)
{
	return t == SR_T_BUF_IN || t == SR_T_BUF_OUT || t == SR_T_IOV_IN || t == SR_T_IOV_OUT ||
	       t == SR_T_PATH_OUT;
}

/* One row: arity, length references, and a printer for every argument. */
static int check_row(const struct sr_sysent *e)
{
	int i, bad = 0;

	if (e->nargs > SR_NARGS)
		return 1;
	for (i = 0; i < e->nargs; i++) {
		const struct sr_argdesc *a = &e->args[i];
		int ref = SR_L_IDX(a->len);

		if (a->type == SR_T_NONE || a->type >= SR_T_MAX)
			bad++;
		if (SR_L_KIND(a->len) != SR_L_NONE && SR_L_KIND(a->len) != SR_L_RET &&
		    (ref >= e->nargs || ref == i))
			bad++;
		if (needs_len(a->type) && a->len == SR_L_NONE)
			bad++;
		if ((a->type == SR_T_FLAGS || a->type == SR_T_ENUM) && (!a->xlat || !a->xlat->n))
			bad++;
		if ((a->type == SR_T_STRUCT_IN || a->type == SR_T_STRUCT_OUT ||
		     a->type == SR_T_STRUCT_INOUT) &&
		    (!a->kind || !a->kind->print || (!a->kind->size && !a->kind->max)))
			bad++;
		if (a->type == SR_T_CUSTOM && (!a->dec || !a->dec->print))
			bad++;
	}
	if (e->dec && !e->dec->enter)
		bad++;
	if (bad)
		fprintf(stderr, "  bad row: %s\n", e->name);
	return bad;
}

static void rows_well_formed(struct t_state *st)
{
	const struct sr_sysent *e;
	size_t i;
	int bad = 0;

	for (i = 0; (e = syscalls__row(i)); i++)
		bad += check_row(e);
	CHECK(st, bad == 0);
	CHECK(st, i > 300);
}

/* Every syscall the UAPI headers name has a row; every row names a syscall. */
static void rows_cover_uapi(struct t_state *st)
{
	const struct sr_sysent *e;
	int nr, missing = 0, unknown = 0;
	size_t i;

	for (nr = 0; nr < syscalls__count(); nr++) {
		e = syscalls__get(nr);
		if (e->raw && strncmp(e->name, "syscall_", 8)) {
			fprintf(stderr, "  no row for %s\n", e->name);
			missing++;
		}
	}
	for (i = 0; (e = syscalls__row(i)); i++) {
		if (!syscalls__by_name(e->name)) {
			fprintf(stderr, "  row %s names no syscall of this architecture\n",
				e->name);
			unknown++;
		}
	}
	CHECK(st, missing == 0);
	CHECK(st, unknown == 0);
}

static void lookup(struct t_state *st)
{
	const struct sr_sysent *e = syscalls__get(257);

	CHECK_STR(st, e->name, "openat");
	CHECK(st, e->nargs == 4 && e->split == 4);
	e = syscalls__by_name("read");
	CHECK(st, e && e->nr == 0 && e->split == 1);
	CHECK_STR(st, syscalls__get(0x1c3)->name, "syscall_0x1c3");
	CHECK_STR(st, syscalls__get(-1)->name, "syscall_0xffffffff");
	CHECK(st, syscalls__get(100000)->nargs == 6);
}

static void plans(struct t_state *st)
{
	struct sr_opts o = { .strsize = 32 };
	struct sr_plan p;

	syscalls__plan(syscalls__by_name("read"), &o, &p);
	CHECK(st, p.flags & SR_PLAN_HAS_EXIT);
	CHECK(st, !(p.flags & SR_PLAN_HAS_ENTER));
	CHECK(st, p.a[1].when == SR_CAP_EXIT && p.a[1].len_src == SR_LEN_RET && p.a[1].cap == 32);
	syscalls__plan(syscalls__by_name("openat"), &o, &p);
	CHECK(st, p.a[1].how == SR_HOW_STR && p.a[1].cap == SR_BLOB_MAX);
	CHECK(st, p.a[1].when == (SR_CAP_ENTER | SR_CAP_RETRY));
	syscalls__plan(syscalls__by_name("write"), &o, &p);
	CHECK(st, p.a[1].len_src == SR_LEN_ARG && p.a[1].len_arg == 2);
	syscalls__plan(syscalls__by_name("execve"), &o, &p);
	CHECK(st, p.flags & SR_PLAN_EXEC);
	CHECK(st, p.a[1].how == SR_HOW_STRV && p.a[2].how == SR_HOW_STRV_COUNT);
	syscalls__plan(syscalls__by_name("getpid"), &o, &p);
	CHECK(st, !(p.flags & (SR_PLAN_HAS_ENTER | SR_PLAN_HAS_EXIT)));
	CHECK(st, p.flags & SR_PLAN_AT_EXIT);
	syscalls__plan(syscalls__by_name("time"), &o, &p);
	CHECK(st, p.flags & SR_PLAN_AT_EXIT);
	/* may wait: keep the entry record so a stuck call shows */
	syscalls__plan(syscalls__by_name("timerfd_settime"), &o, &p);
	CHECK(st, !(p.flags & SR_PLAN_AT_EXIT));
	syscalls__plan(syscalls__by_name("newfstatat"), &o, &p);
	CHECK(st, !(p.flags & SR_PLAN_AT_EXIT));
	syscalls__plan(syscalls__by_name("close"), &o, &p);
	CHECK(st, !(p.flags & SR_PLAN_AT_EXIT));
	syscalls__plan(syscalls__by_name("read"), &o, &p);
	CHECK(st, !(p.flags & SR_PLAN_AT_EXIT));
	/* cannot wait, but its new action is an input: read it at entry */
	syscalls__plan(syscalls__by_name("rt_sigaction"), &o, &p);
	CHECK(st, !(p.flags & SR_PLAN_AT_EXIT) && (p.flags & SR_PLAN_HAS_ENTER));
}

T_SUITE(table_tests) = {
	T_CASE(rows_well_formed), T_CASE(rows_cover_uapi), T_CASE(lookup), T_CASE(plans), T_END,
};
