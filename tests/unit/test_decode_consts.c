// SPDX-License-Identifier: GPL-2.0
/*
 * Argument widths and named constants from the table: the kernel reads an
 * int from the low half of its register and a long from all of it; values
 * by name from the UAPI headers, unknown ones in hex with strace's
 * "X_???" note. Expected lines are strace 6.1's on its own test programs.
 */
#include <errno.h>
#include <fcntl.h>
#include <linux/fanotify.h>
#include <linux/kcmp.h>
#include <linux/kexec.h>
#include <sys/mman.h>

#include "rec.h"
#include "test.h"

/* Garbage a 64-bit register may carry above a 32-bit argument. */
#define T_HIGH 0xbadc0ded00000000ULL

/* int and unsigned int arguments: only the low 32 bits count. */
static void low_halves(struct t_state *st)
{
	struct t_sink s;
	uint64_t a[6] = { 0xffffffff00000000ULL, 0xffffffff00000000ULL };

	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "fanotify_init", a, NULL, 0, 3, NULL, 0),
		  "fanotify_init(FAN_CLASS_NOTIF, O_RDONLY) = 3");
	a[0] = (uint32_t)-1;
	a[1] = T_HIGH | 1;
	CHECK_STR(st, t_line(&s, "landlock_restrict_self", a, NULL, 0, -EBADF, NULL, 0),
		  "landlock_restrict_self(-1, 0x1)   = -1 EBADF (Bad file descriptor)");
	a[0] = 0;
	a[1] = T_HIGH | 0xfacefeed;
	CHECK_STR(st, t_line(&s, "process_mrelease", a, NULL, 0, -EINVAL, NULL, 0),
		  "process_mrelease(0, 0xfacefeed)   = -1 EINVAL (Invalid argument)");
	a[1] = T_HIGH;
	CHECK_STR(st, t_line(&s, "pidfd_open", a, NULL, 0, -EINVAL, NULL, 0),
		  "pidfd_open(0, 0)                  = -1 EINVAL (Invalid argument)");
	a[0] = T_HIGH | O_CLOEXEC | 0xde97face;
	CHECK_STR(st, t_line(&s, "memfd_secret", a, NULL, 0, -EINVAL, NULL, 0),
		  "memfd_secret(O_CLOEXEC|0xde97face) = -1 EINVAL (Invalid argument)");
	/* a table with no note for unknown bits */
	a[0] = 0xde97face;
	CHECK_STR(st, t_line(&s, "memfd_secret", a, NULL, 0, -EINVAL, NULL, 0),
		  "memfd_secret(0xde97face)          = -1 EINVAL (Invalid argument)");
	t_sink_close(&s);
}

/* long arguments: all 64 bits, flags and values alike. */
static void whole_longs(struct t_state *st)
{
	struct t_sink s;
	uint64_t a[6] = { 0xbadc0ded0000000fULL };

	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "unshare", a, NULL, 0, -EINVAL, NULL, 0),
		  "unshare(0xbadc0ded0000000f /* CLONE_??? */) = -1 EINVAL (Invalid argument)");
	a[0] = 0;
	a[2] = 0xdeadfeed00ca7500ULL;
	CHECK_STR(st, t_line(&s, "pkey_mprotect", a, NULL, 0, 0, NULL, 0),
		  "pkey_mprotect(NULL, 0, 0xdeadfeed00ca7500 /* PROT_??? */, 0) = 0");
	a[2] = PROT_READ;
	a[3] = T_HIGH | 1;
	CHECK_STR(st, t_line(&s, "pkey_mprotect", a, NULL, 0, 0, NULL, 0),
		  "pkey_mprotect(NULL, 0, PROT_READ, 1) = 0");
	a[0] = 0xdeadbeeffffffeedULL;
	a[1] = 1750;
	a[2] = a[3] = 0;
	CHECK_STR(st, t_line(&s, "ptrace", a, NULL, 0, -ESRCH, NULL, 0),
		  "ptrace(0xdeadbeeffffffeed /* PTRACE_??? */, 1750, NULL, NULL) = -1 ESRCH (No "
		  "such process)");
	a[0] = 0;
	a[1] = T_HIGH | 2;
	CHECK_STR(st, t_line(&s, "pkey_alloc", a, NULL, 0, -EINVAL, NULL, 0),
		  "pkey_alloc(0, PKEY_DISABLE_WRITE|0xbadc0ded00000000) = -1 EINVAL (Invalid "
		  "argument)");
	t_sink_close(&s);
}

/* A value then flags in one word: each part by name or with its own note. */
static void value_and_flags(struct t_state *st)
{
	struct t_sink s;
	uint64_t a[6] = { 0xc, 0x80000001 };

	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "fanotify_init", a, NULL, 0, -EINVAL, NULL, 0),
		  "fanotify_init(0xc /* FAN_CLASS_??? */, O_WRONLY|0x80000000) = -1 EINVAL "
		  "(Invalid argument)");
	a[0] = FAN_CLASS_CONTENT | 0xeface000;
	a[1] = 0;
	CHECK_STR(st, t_line(&s, "fanotify_init", a, NULL, 0, -EINVAL, NULL, 0),
		  "fanotify_init(FAN_CLASS_CONTENT|0xeface000 /* FAN_??? */, O_RDONLY) = -1 EINVAL "
		  "(Invalid argument)");
	a[0] = 0;
	a[3] = 0xbadc0dedda7a1054ULL;
	CHECK_STR(st, t_line(&s, "kexec_load", a, NULL, 0, -ENOSYS, NULL, 0),
		  "kexec_load(NULL, 0, NULL, 0xda7a0000 /* KEXEC_ARCH_??? */|0xbadc0ded00001054 /* "
		  "KEXEC_??? */) = -1 ENOSYS (Function not implemented)");
	a[3] = KEXEC_ARCH_SH | KEXEC_ON_CRASH | KEXEC_PRESERVE_CONTEXT;
	CHECK_STR(
		st, t_line(&s, "kexec_load", a, NULL, 0, -ENOSYS, NULL, 0),
		"kexec_load(NULL, 0, NULL, KEXEC_ARCH_SH|KEXEC_ON_CRASH|KEXEC_PRESERVE_CONTEXT) = "
		"-1 ENOSYS (Function not implemented)");
	a[0] = 0;
	a[1] = 42;
	CHECK_STR(st, t_line(&s, "swapon", a, NULL, 0, -ENOENT, NULL, 0),
		  "swapon(NULL, 42)                  = -1 ENOENT (No such file or directory)");
	a[1] = 0x8000;
	CHECK_STR(st, t_line(&s, "swapon", a, NULL, 0, -ENOENT, NULL, 0),
		  "swapon(NULL, SWAP_FLAG_PREFER|0)  = -1 ENOENT (No such file or directory)");
	a[1] = (uint64_t)-1;
	CHECK_STR(
		st, t_line(&s, "swapon", a, NULL, 0, -EINVAL, NULL, 0),
		"swapon(NULL, SWAP_FLAG_PREFER|SWAP_FLAG_DISCARD|SWAP_FLAG_DISCARD_ONCE|SWAP_FLAG_"
		"DISCARD_PAGES|0xfff80000|32767) = -1 EINVAL (Invalid argument)");
	t_sink_close(&s);
}

/* kcmp: its type says how many indexes follow and what they are. */
static void kcmp_types(struct t_state *st)
{
	struct t_sink s;
	uint64_t a[6] = { (uint32_t)-87158697, (uint32_t)-553988398, 0xda7adead,
			  0xdec0ded3dec0ded4ULL, 0xba5e1e55deadc0deULL };

	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "kcmp", a, NULL, 0, -ESRCH, NULL, 0),
		  "kcmp(-87158697, -553988398, 0xda7adead /* KCMP_??? */, 0xdec0ded3dec0ded4, "
		  "0xba5e1e55deadc0de) = -1 ESRCH (No such process)");
	a[0] = a[1] = (uint32_t)-1;
	a[2] = T_HIGH | KCMP_VM;
	CHECK_STR(st, t_line(&s, "kcmp", a, NULL, 0, -ESRCH, NULL, 0),
		  "kcmp(-1, -1, KCMP_VM)             = -1 ESRCH (No such process)");
	a[2] = KCMP_FILE;
	a[3] = T_HIGH | 23;
	a[4] = 42;
	CHECK_STR(st, t_line(&s, "kcmp", a, NULL, 0, -ESRCH, NULL, 0),
		  "kcmp(-1, -1, KCMP_FILE, 23, 42)   = -1 ESRCH (No such process)");
	t_sink_close(&s);
}

/*
 * An extensible struct longer than strace knows: its tail in hex when not
 * all zero, nothing when zero, "???" when the copy stopped at a page end.
 */
static void struct_tails(struct t_state *st)
{
	struct t_sink s;
	uint64_t how[4] = { O_EXCL, 0, 0, 0x8786858483828180ULL };
	uint64_t a[6] = { (uint32_t)-1, 0x1000, 0x2000, sizeof(how) };
	struct t_blobspec in[2] = { { 1, "x", 2, 0, 0 }, { 2, how, sizeof(how), 0, 0 } };

	t_sink_open(&s);
	CHECK_STR(
		st, t_line(&s, "openat2", a, in, 2, -E2BIG, NULL, 0),
		"openat2(-1, \"x\", {flags=O_RDONLY|O_EXCL, resolve=0, /* bytes 24..31 */ "
		"\"\\x80\\x81\\x82\\x83\\x84\\x85\\x86\\x87\"}, 32) = -1 E2BIG (Argument list too "
		"long)");
	how[3] = 0;
	CHECK_STR(st, t_line(&s, "openat2", a, in, 2, -E2BIG, NULL, 0),
		  "openat2(-1, \"x\", {flags=O_RDONLY|O_EXCL, resolve=0}, 32) = -1 E2BIG (Argument "
		  "list too long)");
	/* cut at the page end: the struct was read, its tail was not */
	in[1].len = 3 * sizeof(uint64_t);
	in[1].flags = SR_BF_TRUNC;
	CHECK_STR(
		st, t_line(&s, "openat2", a, in, 2, -EFAULT, NULL, 0),
		"openat2(-1, \"x\", {flags=O_RDONLY|O_EXCL, resolve=0, ???}, 32) = -1 EFAULT (Bad "
		"address)");
	t_sink_close(&s);
}

T_SUITE(decode_consts_tests) = {
	T_CASE(low_halves), T_CASE(whole_longs),  T_CASE(value_and_flags),
	T_CASE(kcmp_types), T_CASE(struct_tails), T_END,
};
