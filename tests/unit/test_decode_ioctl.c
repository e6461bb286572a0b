// SPDX-License-Identifier: GPL-2.0
/*
 * ioctl requests named from the UAPI headers and their arguments by
 * subsystem (user/decode/ioctl.c, ioctl_dev.c), and struct timex
 * (user/decode/timex.c), against lines strace 6.1 printed.
 */
#include <errno.h>
#include <string.h>
#include <linux/counter.h>
#include <linux/fs.h>
#include <linux/nsfs.h>
#include <linux/random.h>
#include <sys/timex.h>

#include "rec.h"
#include "test.h"

/*
 * Lines as strace -f writes them, the "PID " of a 5-digit pid cut: results
 * at column 34.
 */
#define EBADF_TAIL "= -1 EBADF (Bad file descriptor)"

/* Requests without an argument, and names from several subsystems' tables. */
static void ioctl_named(struct t_state *st)
{
	struct t_sink s;
	uint64_t a[6] = { (uint64_t)-1, NS_GET_USERNS, 0x7ffd7354b1b8 };

	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "ioctl", a, NULL, 0, -EBADF, NULL, 0),
		  "ioctl(-1, NS_GET_USERNS)          " EBADF_TAIL);
	a[1] = RNDZAPENTCNT;
	a[2] = 0;
	CHECK_STR(st, t_line(&s, "ioctl", a, NULL, 0, -EBADF, NULL, 0),
		  "ioctl(-1, FASTRPC_IOCTL_INIT_ATTACH or RNDZAPENTCNT) " EBADF_TAIL);
	a[1] = BLKGETSIZE64;
	CHECK_STR(st, t_line(&s, "ioctl", a, NULL, 0, -EBADF, NULL, 0),
		  "ioctl(-1, BLKGETSIZE64, NULL)     " EBADF_TAIL);
	a[1] = FIFREEZE;
	a[2] = 1;
	CHECK_STR(st, t_line(&s, "ioctl", a, NULL, 0, -EBADF, NULL, 0),
		  "ioctl(-1, FIFREEZE)               " EBADF_TAIL);
	a[1] = COUNTER_ENABLE_EVENTS_IOCTL;
	a[2] = 0xdead;
	CHECK_STR(st, t_line(&s, "ioctl", a, NULL, 0, -EBADF, NULL, 0),
		  "ioctl(-1, COUNTER_ENABLE_EVENTS_IOCTL) " EBADF_TAIL);
	/* the namespace type after the value */
	a[0] = 5;
	a[1] = NS_GET_NSTYPE;
	a[2] = 0;
	CHECK_STR(st, t_line(&s, "ioctl", a, NULL, 0, 0x10000000, NULL, 0),
		  "ioctl(5, NS_GET_NSTYPE)           = 268435456 (CLONE_NEWUSER)");
	t_sink_close(&s);
}

/* Structs read at entry, by subsystem. */
static void ioctl_structs(struct t_state *st)
{
	struct t_sink s;
	struct counter_watch w = { { 5, 2, 23, 42 }, 6, 69 };
	struct fstrim_range r = { 1, 2, 3 };
	struct {
		struct rand_pool_info info;
		char buf[8];
	} pool = { { 3, 8 }, "12345678" };
	uint64_t a[6] = { (uint64_t)-1, COUNTER_ADD_WATCH_IOCTL, 0x7ffd7354b1b8 };
	struct t_blobspec b = { 2, &w, sizeof(w), 0, 0 };

	t_sink_open(&s);
	CHECK_STR(
		st, t_line(&s, "ioctl", a, &b, 1, -EBADF, NULL, 0),
		"ioctl(-1, COUNTER_ADD_WATCH_IOCTL, {component={type=COUNTER_COMPONENT_EXTENSION, "
		"scope=COUNTER_SCOPE_COUNT, parent=23, id=42}, event=COUNTER_EVENT_CAPTURE, "
		"channel=69}) " EBADF_TAIL);
	a[1] = FITRIM;
	b.data = &r;
	b.len = sizeof(r);
	CHECK_STR(st, t_line(&s, "ioctl", a, &b, 1, -EBADF, NULL, 0),
		  "ioctl(-1, FITRIM, {start=0x1, len=2, minlen=3}) " EBADF_TAIL);
	/* a copy shorter than the struct (cut at the end of a mapping): the address */
	b.len = sizeof(r) - 1;
	CHECK_STR(st, t_line(&s, "ioctl", a, &b, 1, -EBADF, NULL, 0),
		  "ioctl(-1, FITRIM, 0x7ffd7354b1b8) " EBADF_TAIL);
	a[1] = RNDADDENTROPY;
	b.data = &pool;
	b.len = sizeof(pool);
	CHECK_STR(
		st, t_line(&s, "ioctl", a, &b, 1, -EBADF, NULL, 0),
		"ioctl(-1, RNDADDENTROPY, {entropy_count=3, buf_size=8, buf=\"12345678\"}) " EBADF_TAIL);
	t_sink_close(&s);
}

/* struct timex at exit, and the clock state returned. */
static void timex(struct t_state *st)
{
	struct t_sink s;
	struct timex tx; /* glibc's, the kernel's layout on 64-bit ABIs */
	uint64_t a[6] = { 0, 0x7ffe0056c890 };
	struct t_blobspec b = { 1, &tx, sizeof(tx), 0, 0 };

	memset(&tx, 0, sizeof(tx));
	tx.maxerror = tx.esterror = 16000000;
	tx.status = STA_UNSYNC;
	tx.constant = 2;
	tx.precision = 1;
	tx.tolerance = 32768000;
	tx.time.tv_sec = 1796619276;
	tx.time.tv_usec = 115373;
	tx.tick = 10000;
	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "clock_adjtime", a, NULL, 0, TIME_ERROR, &b, 1),
		  "clock_adjtime(CLOCK_REALTIME, {modes=0, offset=0, freq=0, maxerror=16000000, "
		  "esterror=16000000, status=STA_UNSYNC, constant=2, precision=1, "
		  "tolerance=32768000, time={tv_sec=1796619276, tv_usec=115373}, tick=10000, "
		  "ppsfreq=0, jitter=0, shift=0, stabil=0, jitcnt=0, calcnt=0, errcnt=0, stbcnt=0, "
		  "tai=0}) = 5 (TIME_ERROR)");
	a[0] = 1 /* CLOCK_MONOTONIC */;
	CHECK_STR(st, t_line(&s, "clock_adjtime", a, NULL, 0, -EOPNOTSUPP, NULL, 0),
		  "clock_adjtime(CLOCK_MONOTONIC, 0x7ffe0056c890) = -1 EOPNOTSUPP (Operation not "
		  "supported)");
	a[0] = 0;
	a[1] = 0;
	CHECK_STR(st, t_line(&s, "clock_adjtime", a, NULL, 0, -EFAULT, NULL, 0),
		  "clock_adjtime(CLOCK_REALTIME, NULL) = -1 EFAULT (Bad address)");
	t_sink_close(&s);
}

/*
 * The ioctl references the loader writes into the BPF map: within the map,
 * one row per request, each copy within a blob, slots past ioctl's arguments.
 */
static void ioctl_refs_table(struct t_state *st)
{
	static uint32_t codes[SR_IOC_REFS_MAX + 1];
	static struct sr_ioc_refs refs[SR_IOC_REFS_MAX + 1];
	size_t n = ioctl__refs(codes, refs, SR_IOC_REFS_MAX + 1), i, j;
	int k;

	CHECK(st, n > 0 && n <= SR_IOC_REFS_MAX);
	for (i = 0; i < n; i++) {
		for (j = 0; j < i; j++)
			CHECK(st, codes[j] != codes[i]);
		/* a row without references says which rows have them, or copies after failures */
		CHECK(st,
		      refs[i].r[0].cap > 0 || (refs[i].flags & (SR_IOC_BY_FIRST | SR_IOC_ANYRET)));
		for (k = 0; k < SR_IOC_REFS; k++) {
			const struct sr_ioc_ref *r = &refs[i].r[k];

			CHECK(st, r->cap <= SR_BLOB_MAX);
			CHECK(st, r->slot == (SR_IOC_REF_SLOT0 | k << 3) &&
					  SR_IOC_REF_SLOT0 < SR_NARGS);
			CHECK(st, r->len_size == 0 || r->len_size == 1 || r->len_size == 2 ||
					  r->len_size == 4 || r->len_size == 8);
			CHECK(st, r->iov_size == 0 || r->iov_size == 2 || r->iov_size == 4);
			/* buffer descriptors: {u32, 4 bytes, u64} within an element */
			CHECK(st, !r->buf_at || (r->elem < SR_IOC_BUF_LIMIT &&
						 r->buf_at - 1u + 2 * sizeof(uint64_t) <= r->elem));
		}
	}
}

T_SUITE(decode_ioctl_tests) = {
	T_CASE(ioctl_named), T_CASE(ioctl_refs_table), T_CASE(ioctl_structs), T_CASE(timex), T_END,
};
