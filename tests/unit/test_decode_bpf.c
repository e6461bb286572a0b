// SPDX-License-Identifier: GPL-2.0
/*
 * Decoders of the BPF, filter, perf and landlock family, against the lines
 * strace 6.1 prints for the same calls (its tests landlock_*.c, kexec_load.c,
 * sock_filter-v.c, seccomp-filter-v.c, perf_event_open.c, bpf.c).
 */
#include <errno.h>
#include <linux/kexec.h>
#include <linux/landlock.h>

#include "rec.h"
#include "test.h"

/* landlock_create_ruleset: the attribute as long as the caller says. */
static void landlock_ruleset(struct t_state *st)
{
	struct t_sink s;
	uint64_t access = LANDLOCK_ACCESS_FS_EXECUTE;
	uint64_t a[6] = { 0x7fa877537ff8ULL, 8, 0 };
	struct t_blobspec in[1] = { { 0, &access, sizeof(access), 0, 0 } };

	t_sink_open(&s);
	CHECK_STR(
		st, t_line(&s, "landlock_create_ruleset", a, in, 1, 3, NULL, 0),
		"landlock_create_ruleset({handled_access_fs=LANDLOCK_ACCESS_FS_EXECUTE}, 8, 0) = 3");
	a[1] = 12;
	access = 0xdebeefeddecac000ULL;
	CHECK_STR(st, t_line(&s, "landlock_create_ruleset", a, in, 1, -EFAULT, NULL, 0),
		  "landlock_create_ruleset({handled_access_fs=0xdebeefeddecac000 /* "
		  "LANDLOCK_ACCESS_FS_??? */, ...}, 12, 0) = -1 EFAULT (Bad address)");
	/* shorter than the first version: no struct */
	a[1] = 7;
	in[0].len = 7;
	CHECK_STR(st, t_line(&s, "landlock_create_ruleset", a, in, 1, -EINVAL, NULL, 0),
		  "landlock_create_ruleset(0x7fa877537ff8, 7, 0) = -1 EINVAL (Invalid argument)");
	t_sink_close(&s);
}

/* landlock_add_rule: a path-beneath rule's attribute, an address otherwise. */
static void landlock_rule(struct t_state *st)
{
	struct t_sink s;
	struct landlock_path_beneath_attr pb = {
		.allowed_access = 0xdebeefeddecaffffULL,
		.parent_fd = 11630,
	};
	uint64_t a[6] = { (uint32_t)-1, LANDLOCK_RULE_PATH_BENEATH, 0x7fd2f706cff4ULL, 0 };
	struct t_blobspec in[1] = { { 2, &pb, sizeof(pb), 0, 0 } };

	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "landlock_add_rule", a, in, 1, -EBADF, NULL, 0),
		  "landlock_add_rule(-1, LANDLOCK_RULE_PATH_BENEATH, "
		  "{allowed_access=LANDLOCK_ACCESS_FS_EXECUTE|LANDLOCK_ACCESS_FS_WRITE_FILE|"
		  "LANDLOCK_ACCESS_FS_READ_FILE|LANDLOCK_ACCESS_FS_READ_DIR|"
		  "LANDLOCK_ACCESS_FS_REMOVE_DIR|LANDLOCK_ACCESS_FS_REMOVE_FILE|"
		  "LANDLOCK_ACCESS_FS_MAKE_CHAR|LANDLOCK_ACCESS_FS_MAKE_DIR|"
		  "LANDLOCK_ACCESS_FS_MAKE_REG|LANDLOCK_ACCESS_FS_MAKE_SOCK|"
		  "LANDLOCK_ACCESS_FS_MAKE_FIFO|LANDLOCK_ACCESS_FS_MAKE_BLOCK|"
		  "LANDLOCK_ACCESS_FS_MAKE_SYM|LANDLOCK_ACCESS_FS_REFER|0xdebeefeddecac000, "
		  "parent_fd=11630}, 0) = -1 EBADF (Bad file descriptor)");
	/* unreadable: the address */
	in[0].len = 0;
	in[0].flags = SR_BF_FAULT;
	CHECK_STR(st, t_line(&s, "landlock_add_rule", a, in, 1, -EBADF, NULL, 0),
		  "landlock_add_rule(-1, LANDLOCK_RULE_PATH_BENEATH, 0x7fd2f706cff4, 0) = -1 EBADF "
		  "(Bad file descriptor)");
	/* a rule type strace does not know: the address, even when readable */
	in[0].len = sizeof(pb);
	in[0].flags = 0;
	a[1] = 2;
	CHECK_STR(st, t_line(&s, "landlock_add_rule", a, in, 1, -EINVAL, NULL, 0),
		  "landlock_add_rule(-1, 0x2 /* LANDLOCK_RULE_??? */, 0x7fd2f706cff4, 0) = -1 "
		  "EINVAL (Invalid argument)");
	t_sink_close(&s);
}

/* kexec_load's segments: an array up to KEXEC_SEGMENT_MAX, cut at -s. */
static void kexec_segments(struct t_state *st)
{
	struct t_sink s;
	struct kexec_segment seg[KEXEC_SEGMENT_MAX + 1] = {
		{ .buf = NULL, .bufsz = 10, .mem = NULL, .memsz = 4096 },
		{ .buf = (void *)0xa7a6a5a4a3a2a1a0ULL,
		  .bufsz = 1,
		  .mem = (void *)0x1000,
		  .memsz = 2 },
	};
	uint64_t a[6] = { 0xdeadca57badda7a1ULL, 2, 0x7fb2bed16de0ULL, KEXEC_ARCH_DEFAULT };
	struct t_blobspec in[1] = { { 2, seg, 2 * sizeof(seg[0]), 0, 0 } };

	t_sink_open(&s);
	CHECK_STR(
		st, t_line(&s, "kexec_load", a, in, 1, -ENOSYS, NULL, 0),
		"kexec_load(0xdeadca57badda7a1, 2, [{buf=NULL, bufsz=10, mem=NULL, memsz=4096}, "
		"{buf=0xa7a6a5a4a3a2a1a0, bufsz=1, mem=0x1000, memsz=2}], KEXEC_ARCH_DEFAULT) = -1 "
		"ENOSYS (Function not implemented)");
	/* more than the kernel takes: the address */
	a[1] = KEXEC_SEGMENT_MAX + 1;
	in[0].len = sizeof(seg);
	CHECK_STR(
		st, t_line(&s, "kexec_load", a, in, 1, -ENOSYS, NULL, 0),
		"kexec_load(0xdeadca57badda7a1, 17, 0x7fb2bed16de0, KEXEC_ARCH_DEFAULT) = -1 ENOSYS "
		"(Function not implemented)");
	t_sink_close(&s);
}

T_SUITE(decode_bpf_tests) = {
	T_CASE(kexec_segments),
	T_CASE(landlock_ruleset),
	T_CASE(landlock_rule),
	T_END,
};
