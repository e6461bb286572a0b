// SPDX-License-Identifier: GPL-2.0
/*
 * Decoders of calls whose arguments depend on an operation (user/decode/
 * prctl.c with arch_prctl, futex.c, seccomp.c, personality.c), against lines
 * strace 6.1 printed for the same calls.
 */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <linux/futex.h>
#include <linux/prctl.h>
#include <linux/seccomp.h>

#include "rec.h"
#include "test.h"

/* A call with no captured memory: its arguments, result and strace's line. */
struct scalar_case {
	uint64_t a[6];
	int64_t ret;
	const char *want;
};

#define SCALAR(ret, want, ...)             \
	{                                  \
		{ __VA_ARGS__ }, ret, want \
	}

static void check_scalars(struct t_state *st, const char *name, const struct scalar_case *cs,
			  size_t n)
{
	struct t_sink s;
	size_t i;

	t_sink_open(&s);
	for (i = 0; i < n; i++)
		CHECK_STR(st, t_line(&s, name, cs[i].a, NULL, 0, cs[i].ret, NULL, 0), cs[i].want);
	t_sink_close(&s);
}

static void prctls(struct t_state *st)
{
	struct t_sink s;
	char name[16] = "sysray-prctl";
	int32_t sig = SIGTERM;
	uint64_t a[6] = { PR_SET_NAME, 0x1000 };
	struct t_blobspec b = { 1, name, 16, 0, 16 };

	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "prctl", a, &b, 1, 0, NULL, 0),
		  "prctl(PR_SET_NAME, \"sysray-prctl\") = 0");
	a[0] = PR_GET_NAME;
	CHECK_STR(st, t_line(&s, "prctl", a, NULL, 0, 0, &b, 1),
		  "prctl(PR_GET_NAME, \"sysray-prctl\") = 0");
	memcpy(name, "a-name-longer-than-16", 16);
	a[0] = PR_SET_NAME;
	CHECK_STR(st, t_line(&s, "prctl", a, &b, 1, 0, NULL, 0),
		  "prctl(PR_SET_NAME, \"a-name-longer-t\"...) = 0");
	a[0] = PR_GET_DUMPABLE;
	CHECK_STR(st, t_line(&s, "prctl", a, NULL, 0, 1, NULL, 0),
		  "prctl(PR_GET_DUMPABLE)            = 1 (SUID_DUMP_USER)");
	a[0] = PR_SET_PDEATHSIG;
	a[1] = SIGTERM;
	CHECK_STR(st, t_line(&s, "prctl", a, NULL, 0, 0, NULL, 0),
		  "prctl(PR_SET_PDEATHSIG, SIGTERM)  = 0");
	a[0] = PR_GET_PDEATHSIG;
	a[1] = 0x1000;
	b = (struct t_blobspec){ 1, &sig, 4, 0, 0 };
	CHECK_STR(st, t_line(&s, "prctl", a, NULL, 0, 0, &b, 1),
		  "prctl(PR_GET_PDEATHSIG, [SIGTERM]) = 0");
	a[0] = PR_GET_NO_NEW_PRIVS;
	a[1] = 0;
	CHECK_STR(st, t_line(&s, "prctl", a, NULL, 0, 0, NULL, 0),
		  "prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0) = 0");
	a[0] = 0x7fff1234;
	CHECK_STR(st, t_line(&s, "prctl", a, NULL, 0, -22, NULL, 0),
		  "prctl(0x7fff1234 /* PR_??? */, 0, 0, 0, 0) = -1 EINVAL (Invalid argument)");
	a[0] = PR_CAP_AMBIENT;
	a[1] = PR_CAP_AMBIENT_IS_SET;
	a[2] = 12;
	CHECK_STR(st, t_line(&s, "prctl", a, NULL, 0, 0, NULL, 0),
		  "prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_IS_SET, CAP_NET_ADMIN, 0, 0) = 0");
	t_sink_close(&s);
}

static void arch_prctls(struct t_state *st)
{
	struct t_sink s;
	uint64_t fs = 0x7f9e9de1a740, xf = 0x602e7;
	uint64_t a[6] = { 0x1002 /* ARCH_SET_FS */, 0x7f42ff957740 };
	struct t_blobspec out = { 1, &fs, 8, 0, 0 };

	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "arch_prctl", a, NULL, 0, 0, NULL, 0),
		  "arch_prctl(ARCH_SET_FS, 0x7f42ff957740) = 0");
	a[0] = 0x1003; /* ARCH_GET_FS */
	CHECK_STR(st, t_line(&s, "arch_prctl", a, NULL, 0, 0, &out, 1),
		  "arch_prctl(ARCH_GET_FS, [0x7f9e9de1a740]) = 0");
	a[0] = 0x1011; /* ARCH_GET_CPUID */
	CHECK_STR(st, t_line(&s, "arch_prctl", a, NULL, 0, 1, NULL, 0),
		  "arch_prctl(ARCH_GET_CPUID)        = 1");
	a[0] = 0x3001;
	a[1] = 0x7ffd404e67b8;
	CHECK_STR(
		st, t_line(&s, "arch_prctl", a, NULL, 0, -22, NULL, 0),
		"arch_prctl(0x3001 /* ARCH_??? */, 0x7ffd404e67b8) = -1 EINVAL (Invalid argument)");
	a[0] = 0x1021; /* ARCH_GET_XCOMP_SUPP */
	out.data = &xf;
	CHECK_STR(
		st, t_line(&s, "arch_prctl", a, NULL, 0, 0, &out, 1),
		"arch_prctl(ARCH_GET_XCOMP_SUPP, [0x602e7 /* XFEATURE_MASK_FPSSE|XFEATURE_MASK_YMM|"
		"XFEATURE_MASK_AVX512|XFEATURE_MASK_PKRU|XFEATURE_MASK_XTILE */]) = 0");
	t_sink_close(&s);
}

static void futexes(struct t_state *st)
{
	struct t_sink s;
	int64_t ts[2] = { 0, 1000000 };
	uint64_t a[6] = { 0x7fe72b77da4c, FUTEX_WAKE_PRIVATE, 2147483647 };
	struct t_blobspec in = { 3, ts, sizeof(ts), 0, 0 };

	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "futex", a, NULL, 0, 0, NULL, 0),
		  "futex(0x7fe72b77da4c, FUTEX_WAKE_PRIVATE, 2147483647) = 0");
	a[1] = FUTEX_WAIT_PRIVATE;
	a[2] = 0;
	a[3] = 0x1000;
	CHECK_STR(st, t_line(&s, "futex", a, &in, 1, -110, NULL, 0),
		  "futex(0x7fe72b77da4c, FUTEX_WAIT_PRIVATE, 0, {tv_sec=0, tv_nsec=1000000}) = -1 "
		  "ETIMEDOUT (Connection timed out)");
	a[1] = FUTEX_WAIT_BITSET_PRIVATE | FUTEX_CLOCK_REALTIME;
	a[3] = 0;
	a[5] = FUTEX_BITSET_MATCH_ANY;
	CHECK_STR(st, t_line(&s, "futex", a, NULL, 0, 0, NULL, 0),
		  "futex(0x7fe72b77da4c, FUTEX_WAIT_BITSET_PRIVATE|FUTEX_CLOCK_REALTIME, 0, NULL, "
		  "FUTEX_BITSET_MATCH_ANY) = 0");
	a[1] = 0x63;
	a[5] = 0;
	CHECK_STR(st, t_line(&s, "futex", a, NULL, 0, -38, NULL, 0),
		  "futex(0x7fe72b77da4c, 0x63 /* FUTEX_??? */, 0, NULL, NULL, 0) = -1 ENOSYS "
		  "(Function not implemented)");
	a[1] = FUTEX_WAKE_OP_PRIVATE;
	a[2] = a[3] = 1;
	a[4] = 0x55f0622910c4;
	a[5] = FUTEX_OP(FUTEX_OP_ADD, 1, FUTEX_OP_CMP_GT, 0);
	CHECK_STR(st, t_line(&s, "futex", a, NULL, 0, 0, NULL, 0),
		  "futex(0x7fe72b77da4c, FUTEX_WAKE_OP_PRIVATE, 1, 1, 0x55f0622910c4, "
		  "FUTEX_OP_ADD<<28|0x1<<12|FUTEX_OP_CMP_GT<<24|0) = 0");
	t_sink_close(&s);
}

static void personalities(struct t_state *st)
{
	static const struct scalar_case cs[] = {
		SCALAR(0, "personality(0xffffffff)           = 0 (PER_LINUX)", 0xffffffff),
		SCALAR(0, "personality(PER_LINUX|ADDR_NO_RANDOMIZE) = 0 (PER_LINUX)", 0x40000),
		/* flag bits without a name get no comment, unlike an unknown domain */
		SCALAR(0x40000,
		       "personality(0x5c /* PER_??? */|0x10000000) = 0x40000 "
		       "(PER_LINUX|ADDR_NO_RANDOMIZE)",
		       0x1000005c),
		SCALAR(0x1000005c,
		       "personality(PER_LINUX|0x10000000) = 0x1000005c (0x5c /* PER_??? */|0x10000000)",
		       0x10000000),
		SCALAR(0x10000000,
		       "personality(PER_LINUX)            = 0x10000000 (PER_LINUX|0x10000000)", 0),
	};

	check_scalars(st, "personality", cs, sizeof(cs) / sizeof(cs[0]));
}

static void seccomps(struct t_state *st)
{
	static const struct scalar_case cs[] = {
		SCALAR(-EINVAL,
		       "seccomp(SECCOMP_SET_MODE_STRICT, 0x1, NULL) = -1 EINVAL (Invalid argument)",
		       SECCOMP_SET_MODE_STRICT, 1, 0),
		SCALAR(-EINVAL,
		       "seccomp(0x7 /* SECCOMP_SET_MODE_??? */, 0x3, NULL) = -1 EINVAL (Invalid "
		       "argument)",
		       7, 3, 0),
		SCALAR(-EINVAL,
		       "seccomp(SECCOMP_SET_MODE_FILTER, SECCOMP_FILTER_FLAG_TSYNC|0x100, NULL) = -1 "
		       "EINVAL (Invalid argument)",
		       SECCOMP_SET_MODE_FILTER, SECCOMP_FILTER_FLAG_TSYNC | 0x100, 0),
	};
	struct t_sink s;
	uint32_t action = SECCOMP_RET_KILL_PROCESS;
	uint16_t sizes[8] = { 80, 24, 64 };
	uint64_t prog[2] = { 7, 0x7fff57f94330 };
	uint64_t a[6] = { SECCOMP_GET_ACTION_AVAIL, 0, 0x1000 };
	struct t_blobspec b = { 2, &action, sizeof(action), 0, 0 };

	check_scalars(st, "seccomp", cs, sizeof(cs) / sizeof(cs[0]));
	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "seccomp", a, &b, 1, 0, NULL, 0),
		  "seccomp(SECCOMP_GET_ACTION_AVAIL, 0, [SECCOMP_RET_KILL_PROCESS]) = 0");
	a[0] = SECCOMP_GET_NOTIF_SIZES;
	b = (struct t_blobspec){ 2, sizes, sizeof(sizes), 0, 0 };
	CHECK_STR(st, t_line(&s, "seccomp", a, NULL, 0, 0, &b, 1),
		  "seccomp(SECCOMP_GET_NOTIF_SIZES, 0, {seccomp_notif=80, seccomp_notif_resp=24, "
		  "seccomp_data=64}) = 0");
	a[0] = SECCOMP_SET_MODE_FILTER;
	b = (struct t_blobspec){ 2, prog, sizeof(prog), 0, 0 };
	CHECK_STR(st, t_line(&s, "seccomp", a, &b, 1, 0, NULL, 0),
		  "seccomp(SECCOMP_SET_MODE_FILTER, 0, {len=7, filter=0x7fff57f94330}) = 0");
	t_sink_close(&s);
}

/* prctl options whose arguments are all in registers. */
static void prctl_scalars(struct t_state *st)
{
	static const struct scalar_case cs[] = {
		SCALAR(0, "prctl(PR_SET_TIMERSLACK, 50000)   = 0", PR_SET_TIMERSLACK, 50000),
		SCALAR(50000, "prctl(PR_GET_TIMERSLACK)          = 50000", PR_GET_TIMERSLACK),
		SCALAR(0, "prctl(PR_GET_SECUREBITS)          = 0", PR_GET_SECUREBITS),
		SCALAR(0, "prctl(PR_SET_SECUREBITS, 0)       = 0", PR_SET_SECUREBITS, 0),
		SCALAR(2, "prctl(PR_MCE_KILL_GET, 0, 0, 0, 0) = 2 (PR_MCE_KILL_DEFAULT)",
		       PR_MCE_KILL_GET),
		SCALAR(0, "prctl(PR_MCE_KILL, PR_MCE_KILL_SET, PR_MCE_KILL_DEFAULT, 0, 0) = 0",
		       PR_MCE_KILL, PR_MCE_KILL_SET, PR_MCE_KILL_DEFAULT),
		SCALAR(0, "prctl(PR_MCE_KILL, PR_MCE_KILL_CLEAR, 0, 0, 0) = 0", PR_MCE_KILL,
		       PR_MCE_KILL_CLEAR),
		SCALAR(-EINVAL,
		       "prctl(PR_SET_PTRACER, PR_SET_PTRACER_ANY) = -1 EINVAL (Invalid argument)",
		       PR_SET_PTRACER, PR_SET_PTRACER_ANY),
		SCALAR(-EINVAL, "prctl(PR_SET_PTRACER, 0)          = -1 EINVAL (Invalid argument)",
		       PR_SET_PTRACER, 0),
		SCALAR(3,
		       "prctl(PR_GET_SPECULATION_CTRL, PR_SPEC_STORE_BYPASS) = 0x3 "
		       "(PR_SPEC_PRCTL|PR_SPEC_ENABLE)",
		       PR_GET_SPECULATION_CTRL, PR_SPEC_STORE_BYPASS),
		SCALAR(-ENODEV,
		       "prctl(PR_GET_SPECULATION_CTRL, 0x9 /* PR_SPEC_??? */) = -1 ENODEV (No such "
		       "device)",
		       PR_GET_SPECULATION_CTRL, 9),
		SCALAR(-ERANGE,
		       "prctl(PR_SET_SPECULATION_CTRL, PR_SPEC_STORE_BYPASS, 0x40 /* PR_SPEC_??? */) "
		       "= -1 ERANGE (Numerical result out of range)",
		       PR_SET_SPECULATION_CTRL, PR_SPEC_STORE_BYPASS, 0x40),
		SCALAR(-ENODEV,
		       "prctl(PR_SET_SPECULATION_CTRL, 0x9 /* PR_SPEC_??? */, 0x40) = -1 ENODEV (No "
		       "such device)",
		       PR_SET_SPECULATION_CTRL, 9, 0x40),
		SCALAR(0, "prctl(PR_SET_CHILD_SUBREAPER, 0)  = 0", PR_SET_CHILD_SUBREAPER, 0),
		SCALAR(1, "prctl(PR_CAPBSET_READ, CAP_SYS_ADMIN) = 1", PR_CAPBSET_READ,
		       21 /* CAP_SYS_ADMIN */),
		SCALAR(-EINVAL,
		       "prctl(PR_SET_VMA, 0x5 /* PR_SET_VMA_??? */, 0x10000, 0x1000, 0) = -1 EINVAL "
		       "(Invalid argument)",
		       PR_SET_VMA, 5, 0x10000, 4096),
		SCALAR(-EPERM,
		       "prctl(PR_SET_MM, PR_SET_MM_START_CODE, 0x1000, 0, 0) = -1 EPERM (Operation "
		       "not permitted)",
		       PR_SET_MM, PR_SET_MM_START_CODE, 0x1000),
		SCALAR(0, "prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0) = 0",
		       PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL),
		SCALAR(0, "prctl(PR_SET_KEEPCAPS, 0)         = 0", PR_SET_KEEPCAPS, 0),
		SCALAR(-EINVAL,
		       "prctl(PR_SET_SECCOMP, 0x7 /* SECCOMP_MODE_??? */, 0, 0, 0) = -1 EINVAL "
		       "(Invalid argument)",
		       PR_SET_SECCOMP, 7),
		SCALAR(-EFAULT,
		       "prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, NULL) = -1 EFAULT (Bad address)",
		       PR_SET_SECCOMP, SECCOMP_MODE_FILTER, 0),
		SCALAR(0, "prctl(PR_SET_THP_DISABLE, 0, 0, 0, 0) = 0", PR_SET_THP_DISABLE, 0),
		SCALAR(0, "prctl(PR_SET_DUMPABLE, SUID_DUMP_USER) = 0", PR_SET_DUMPABLE, 1),
		SCALAR(-EINVAL,
		       "prctl(PR_SET_DUMPABLE, 0x7 /* SUID_DUMP_??? */) = -1 EINVAL (Invalid argument)",
		       PR_SET_DUMPABLE, 7),
		SCALAR(-EINVAL, "prctl(PR_GET_FP_MODE)             = -1 EINVAL (Invalid argument)",
		       PR_GET_FP_MODE),
		SCALAR(-EINVAL, "prctl(PR_SET_PDEATHSIG, 200)      = -1 EINVAL (Invalid argument)",
		       PR_SET_PDEATHSIG, 200),
		SCALAR(0, "prctl(PR_SET_TSC, PR_TSC_ENABLE)  = 0", PR_SET_TSC, PR_TSC_ENABLE),
		SCALAR(-EINVAL,
		       "prctl(PR_SET_UNALIGN, PR_UNALIGN_NOPRINT) = -1 EINVAL (Invalid argument)",
		       PR_SET_UNALIGN, PR_UNALIGN_NOPRINT),
		SCALAR(-EINVAL,
		       "prctl(PR_SET_NO_NEW_PRIVS, 1, 0x2, 0x3, 0x4) = -1 EINVAL (Invalid argument)",
		       PR_SET_NO_NEW_PRIVS, 1, 2, 3, 4),
		SCALAR(-EFAULT, "prctl(PR_GET_NAME, NULL)          = -1 EFAULT (Bad address)",
		       PR_GET_NAME, 0),
		SCALAR(-EFAULT, "prctl(PR_GET_PDEATHSIG, NULL)     = -1 EFAULT (Bad address)",
		       PR_GET_PDEATHSIG, 0),
		SCALAR(-EINVAL,
		       "prctl(PR_GET_UNALIGN, 0x7ffcaaee2458) = -1 EINVAL (Invalid argument)",
		       PR_GET_UNALIGN, 0x7ffcaaee2458),
	};

	check_scalars(st, "prctl", cs, sizeof(cs) / sizeof(cs[0]));
}

/* prctl options that read or write user memory. */
static void prctl_memory(struct t_state *st)
{
	struct t_sink s;
	int32_t v = PR_TSC_ENABLE;
	uint64_t tid_addr = 0x7f10d53d5a10;
	uint64_t a[6] = { PR_GET_TSC, 0x1000 };
	struct t_blobspec b = { 1, &v, sizeof(v), 0, 0 };

	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "prctl", a, NULL, 0, 0, &b, 1),
		  "prctl(PR_GET_TSC, [PR_TSC_ENABLE]) = 0");
	a[0] = PR_GET_CHILD_SUBREAPER;
	v = 0;
	CHECK_STR(st, t_line(&s, "prctl", a, NULL, 0, 0, &b, 1),
		  "prctl(PR_GET_CHILD_SUBREAPER, [0]) = 0");
	a[0] = PR_GET_TID_ADDRESS;
	b = (struct t_blobspec){ 1, &tid_addr, sizeof(tid_addr), 0, 0 };
	CHECK_STR(st, t_line(&s, "prctl", a, NULL, 0, 0, &b, 1),
		  "prctl(PR_GET_TID_ADDRESS, [0x7f10d53d5a10]) = 0");
	a[0] = PR_SET_VMA;
	a[1] = PR_SET_VMA_ANON_NAME;
	a[2] = 0x10000;
	a[3] = 4096;
	a[4] = 0x2000;
	b = (struct t_blobspec){ 4, "myname", 7, 0, 0 };
	CHECK_STR(st, t_line(&s, "prctl", a, &b, 1, -EINVAL, NULL, 0),
		  "prctl(PR_SET_VMA, PR_SET_VMA_ANON_NAME, 0x10000, 4096, \"myname\") = -1 EINVAL "
		  "(Invalid argument)");
	t_sink_close(&s);
}

static void futex_commands(struct t_state *st)
{
	static const struct scalar_case cs[] = {
		SCALAR(0, "futex(0x7ffcaaee24d0, FUTEX_TRYLOCK_PI) = 0", 0x7ffcaaee24d0,
		       FUTEX_TRYLOCK_PI),
		SCALAR(0, "futex(0x7ffcaaee24d0, FUTEX_UNLOCK_PI) = 0", 0x7ffcaaee24d0,
		       FUTEX_UNLOCK_PI),
		SCALAR(0, "futex(0x7ffcaaee24cc, FUTEX_LOCK_PI_PRIVATE, NULL) = 0", 0x7ffcaaee24cc,
		       FUTEX_LOCK_PI_PRIVATE),
		SCALAR(0, "futex(0x7ffcaaee24d0, FUTEX_WAKE_BITSET, 1, 0x5) = 0", 0x7ffcaaee24d0,
		       FUTEX_WAKE_BITSET, 1, 0, 0, 5),
		SCALAR(0, "futex(0x7ffcaaee24d0, FUTEX_REQUEUE, 1, 2, 0x7ffcaaee24cc) = 0",
		       0x7ffcaaee24d0, FUTEX_REQUEUE, 1, 2, 0x7ffcaaee24cc),
		/* FUTEX_OP_OPARG_SHIFT, an unknown operation and an unknown comparison */
		SCALAR(-ENOSYS,
		       "futex(0x7ffcaaee24d0, FUTEX_WAKE_OP, 1, 1, 0x7ffcaaee24cc, "
		       "FUTEX_OP_OPARG_SHIFT<<28|0x6<<28 /* FUTEX_OP_??? */|0x5<<12|0x7<<24 /* "
		       "FUTEX_OP_CMP_??? */|0x3) = -1 ENOSYS (Function not implemented)",
		       0x7ffcaaee24d0, FUTEX_WAKE_OP, 1, 1, 0x7ffcaaee24cc, 0xe7005003),
		SCALAR(-EAGAIN,
		       "futex(0x7ffcaaee24d0, FUTEX_WAIT_REQUEUE_PI, 1, NULL, 0x7ffcaaee24cc) = -1 "
		       "EAGAIN (Resource temporarily unavailable)",
		       0x7ffcaaee24d0, FUTEX_WAIT_REQUEUE_PI, 1, 0, 0x7ffcaaee24cc),
		SCALAR(-ENOSYS,
		       "futex(0x7ffcaaee24d0, FUTEX_FD, 1) = -1 ENOSYS (Function not implemented)",
		       0x7ffcaaee24d0, FUTEX_FD, 1),
		SCALAR(0,
		       "futex(0x7ffcaaee24d0, FUTEX_CMP_REQUEUE_PI, 1, 1, 0x7ffcaaee24cc, 0) = 0",
		       0x7ffcaaee24d0, FUTEX_CMP_REQUEUE_PI, 1, 1, 0x7ffcaaee24cc),
	};

	check_scalars(st, "futex", cs, sizeof(cs) / sizeof(cs[0]));
}

/* XSAVE masks: names in a comment, the rest in hex, strace's "???" when none has a name. */
static void arch_prctl_xfeatures(struct t_state *st)
{
	static const struct scalar_case cs[] = {
		SCALAR(-EOPNOTSUPP,
		       "arch_prctl(ARCH_REQ_XCOMP_PERM, 0x12 /* XFEATURE_XTILE_DATA */) = -1 "
		       "EOPNOTSUPP (Operation not supported)",
		       0x1023 /* ARCH_REQ_XCOMP_PERM */, 18),
		SCALAR(-EINVAL,
		       "arch_prctl(ARCH_REQ_XCOMP_PERM, 0x28 /* XFEATURE_??? */) = -1 EINVAL (Invalid "
		       "argument)",
		       0x1023, 40),
		SCALAR(-EFAULT,
		       "arch_prctl(ARCH_GET_XCOMP_GUEST_PERM, NULL) = -1 EFAULT (Bad address)",
		       0x1024 /* ARCH_GET_XCOMP_GUEST_PERM */, 0),
	};
	struct t_sink s;
	uint64_t xf = 0x207;
	uint64_t a[6] = { 0x1022 /* ARCH_GET_XCOMP_PERM */, 0x1000 };
	struct t_blobspec out = { 1, &xf, sizeof(xf), 0, 0 };

	check_scalars(st, "arch_prctl", cs, sizeof(cs) / sizeof(cs[0]));
	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "arch_prctl", a, NULL, 0, 0, &out, 1),
		  "arch_prctl(ARCH_GET_XCOMP_PERM, [0x207 /* XFEATURE_MASK_FPSSE|XFEATURE_MASK_YMM|"
		  "XFEATURE_MASK_PKRU */]) = 0");
	/* the next three as strace 6.1's own tests/arch_prctl.c expects them */
	xf = 0;
	CHECK_STR(st, t_line(&s, "arch_prctl", a, NULL, 0, 0, &out, 1),
		  "arch_prctl(ARCH_GET_XCOMP_PERM, [0]) = 0");
	xf = 0xbadfaced;
	CHECK_STR(
		st, t_line(&s, "arch_prctl", a, NULL, 0, 0, &out, 1),
		"arch_prctl(ARCH_GET_XCOMP_PERM, [0xbadfaced /* XFEATURE_MASK_FP|XFEATURE_MASK_YMM|"
		"XFEATURE_MASK_BNDREGS|XFEATURE_MASK_AVX512|XFEATURE_MASK_PASID|XFEATURE_MASK_LBR|"
		"XFEATURE_MASK_XTILE|0xbad92800 */]) = 0");
	xf = 0xfffffffffff97800;
	CHECK_STR(st, t_line(&s, "arch_prctl", a, NULL, 0, 0, &out, 1),
		  "arch_prctl(ARCH_GET_XCOMP_PERM, [0xfffffffffff97800 /* XFEATURE_MASK_??? */]) "
		  "= 0");
	t_sink_close(&s);
}

/* Lines of strace 6.1's tests prctl-sve, -sme, -tagged-addr, -pac-*, -syscall-user-dispatch, -sched-core. */
static void prctl_composites(struct t_state *st)
{
	static const struct scalar_case cs[] = {
		SCALAR(-EINVAL, "prctl(PR_SVE_SET_VL, 0xf)         = -1 EINVAL (Invalid argument)",
		       PR_SVE_SET_VL, 0xf, 0xffffffffffffff80, 0xfffffffb),
		SCALAR(-EINVAL,
		       "prctl(PR_SVE_SET_VL, PR_SVE_SET_VL_ONEXEC|PR_SVE_VL_INHERIT|0xff) = -1 EINVAL "
		       "(Invalid argument)",
		       PR_SVE_SET_VL, 0x600ff),
		SCALAR(-EINVAL, "prctl(PR_SVE_GET_VL)              = -1 EINVAL (Invalid argument)",
		       PR_SVE_GET_VL, 1, 2, 3, 4),
		SCALAR(-EINVAL,
		       "prctl(PR_SME_SET_VL, PR_SME_SET_VL_ONEXEC|PR_SME_VL_INHERIT|0xfac80000|0xfeed) "
		       "= -1 EINVAL (Invalid argument)",
		       PR_SME_SET_VL, 0xfacefeed, 1, 2, 3),
		SCALAR(-EINVAL,
		       "prctl(PR_SME_SET_VL, 0xbadc0ded00000000|0xface) = -1 EINVAL (Invalid argument)",
		       PR_SME_SET_VL, 0xbadc0ded0000face, 1, 2, 3),
		SCALAR(-EINVAL,
		       "prctl(PR_SET_TAGGED_ADDR_CTRL, !PR_TAGGED_ADDR_ENABLE|PR_MTE_TCF_NONE, 0x1, "
		       "0x2, 0x3) = -1 EINVAL (Invalid argument)",
		       PR_SET_TAGGED_ADDR_CTRL, 0, 1, 2, 3),
		SCALAR(-EINVAL,
		       "prctl(PR_SET_TAGGED_ADDR_CTRL, PR_TAGGED_ADDR_ENABLE|PR_MTE_TCF_MASK|0xffff<<"
		       "PR_MTE_TAG_SHIFT|0xfffffffffff80000, 0x1, 0x2, 0x3) = -1 EINVAL (Invalid "
		       "argument)",
		       PR_SET_TAGGED_ADDR_CTRL, UINT64_MAX, 1, 2, 3),
		SCALAR(-EINVAL,
		       "prctl(PR_PAC_RESET_KEYS, PR_PAC_APIBKEY|PR_PAC_APDAKEY|PR_PAC_APDBKEY|"
		       "PR_PAC_APGAKEY|0xcae0, 0x1, 0x2, 0x3) = -1 EINVAL (Invalid argument)",
		       PR_PAC_RESET_KEYS, 0xcafe, 1, 2, 3),
		SCALAR(-EINVAL,
		       "prctl(PR_PAC_SET_ENABLED_KEYS, PR_PAC_APIBKEY|PR_PAC_APDAKEY|PR_PAC_APDBKEY|"
		       "0x10, 0x7ffffff0 /* PR_PAC_??? */, 0, 0x1) = -1 EINVAL (Invalid argument)",
		       PR_PAC_SET_ENABLED_KEYS, 0x1e, 0x7ffffff0, 0, 1),
		SCALAR(-EINVAL,
		       "prctl(PR_SET_SYSCALL_USER_DISPATCH, PR_SYS_DISPATCH_ON, 0xdeadbeeffacefeed, 0, "
		       "NULL) = -1 EINVAL (Invalid argument)",
		       PR_SET_SYSCALL_USER_DISPATCH, PR_SYS_DISPATCH_ON, 0xdeadbeeffacefeed),
		SCALAR(-EINVAL,
		       "prctl(PR_SET_SYSCALL_USER_DISPATCH, 0xffffffff00000000 /* PR_SYS_DISPATCH_??? "
		       "*/, 0x1, 0x1, 0x1) = -1 EINVAL (Invalid argument)",
		       PR_SET_SYSCALL_USER_DISPATCH, 0xffffffff00000000, 1, 1, 1),
		/* 32-bit arguments: the upper halves are ignored */
		SCALAR(-EINVAL,
		       "prctl(PR_SCHED_CORE, PR_SCHED_CORE_GET, 4346, 0 /* PIDTYPE_PID */, NULL) = -1 "
		       "EINVAL (Invalid argument)",
		       PR_SCHED_CORE, 0xffffffff00000000, 0xffffffff000010fa, 0xffffffff00000000),
		SCALAR(-EINVAL,
		       "prctl(PR_SCHED_CORE, PR_SCHED_CORE_SHARE_FROM, -1, 0xffffffff /* PIDTYPE_??? "
		       "*/, 0x7f4a956c0ff8) = -1 EINVAL (Invalid argument)",
		       PR_SCHED_CORE, PR_SCHED_CORE_SHARE_FROM, 0xffffffff, 0xffffffff,
		       0x7f4a956c0ff8),
		SCALAR(-EINVAL,
		       "prctl(PR_SCHED_CORE, PR_SCHED_CORE_CREATE, 32280, 0x3 /* PIDTYPE_SID */, "
		       "NULL) = -1 EINVAL (Invalid argument)",
		       PR_SCHED_CORE, PR_SCHED_CORE_CREATE, 32280, 3),
	};

	check_scalars(st, "prctl", cs, sizeof(cs) / sizeof(cs[0]));
}

/* The same under -X verbose and -X raw (strace's prctl-*-Xverbose and -Xraw tests). */
static void prctl_composites_xstyles(struct t_state *st)
{
	struct t_sink s;
	uint64_t sme[6] = { PR_SME_SET_VL, 0x10000 };
	uint64_t tag[6] = { PR_SET_TAGGED_ADDR_CTRL, 0x57ae57f4, 1, 2, 3 };
	uint64_t core[6] = { PR_SCHED_CORE, 4, 0xffffffff, 4, 0 };
	uint64_t xf = 0x207;
	uint64_t arch[6] = { 0x1021 /* ARCH_GET_XCOMP_SUPP */, 0x1000 };
	struct t_blobspec out = { 1, &xf, sizeof(xf), 0, 0 };

	t_sink_open(&s);
	s.opts.xlat_style = SR_XLAT_VERBOSE;
	t_sink_reinit(&s);
	CHECK_STR(st, t_line(&s, "prctl", sme, NULL, 0, -EINVAL, NULL, 0),
		  "prctl(0x3f /* PR_SME_SET_VL */, 0x10000 /* 0x10000|0 */) = -1 EINVAL (Invalid "
		  "argument)");
	CHECK_STR(st, t_line(&s, "prctl", tag, NULL, 0, -EINVAL, NULL, 0),
		  "prctl(0x37 /* PR_SET_TAGGED_ADDR_CTRL */, 0x57ae57f4 /* !PR_TAGGED_ADDR_ENABLE|"
		  "PR_MTE_TCF_ASYNC|0xcafe<<PR_MTE_TAG_SHIFT|0x57a80000 */, 0x1, 0x2, 0x3) = -1 "
		  "EINVAL (Invalid argument)");
	CHECK_STR(st, t_line(&s, "prctl", core, NULL, 0, -EINVAL, NULL, 0),
		  "prctl(0x3e /* PR_SCHED_CORE */, 0x4 /* PR_SCHED_CORE_??? */, -1, 0x4 /* "
		  "PIDTYPE_??? */, NULL) = -1 EINVAL (Invalid argument)");
	s.opts.xlat_style = SR_XLAT_RAW;
	t_sink_reinit(&s);
	CHECK_STR(st, t_line(&s, "prctl", sme, NULL, 0, -EINVAL, NULL, 0),
		  "prctl(0x3f, 0x10000)              = -1 EINVAL (Invalid argument)");
	CHECK_STR(st, t_line(&s, "prctl", tag, NULL, 0, -EINVAL, NULL, 0),
		  "prctl(0x37, 0x57ae57f4, 0x1, 0x2, 0x3) = -1 EINVAL (Invalid argument)");
	CHECK_STR(st, t_line(&s, "prctl", core, NULL, 0, -EINVAL, NULL, 0),
		  "prctl(0x3e, 0x4, -1, 0x4, NULL)   = -1 EINVAL (Invalid argument)");
	/* XSAVE masks lose their names under -X raw too */
	CHECK_STR(st, t_line(&s, "arch_prctl", arch, NULL, 0, 0, &out, 1),
		  "arch_prctl(0x1021, [0x207])       = 0");
	t_sink_close(&s);
}

T_SUITE(decode_prctl_tests) = {
	T_CASE(prctls),
	T_CASE(arch_prctls),
	T_CASE(futexes),
	T_CASE(personalities),
	T_CASE(seccomps),
	T_CASE(prctl_scalars),
	T_CASE(prctl_memory),
	T_CASE(futex_commands),
	T_CASE(arch_prctl_xfeatures),
	T_CASE(prctl_composites),
	T_CASE(prctl_composites_xstyles),
	T_END,
};
