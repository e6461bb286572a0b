/* SPDX-License-Identifier: GPL-2.0 */
/* Helpers the unit-test files share: printing into memory, dates in UTC. */
#ifndef SYSRAY_TEST_HELPERS_H
#define SYSRAY_TEST_HELPERS_H

#include <stdint.h>

#include "print/out.h"
#include "print/text.h"

/* AT_FDCWD as a dirfd argument register holds it. */
#define T_AT_FDCWD ((uint64_t)-100)

/* An output buffer writing into an anonymous in-memory file. */
struct t_memout {
	struct sr_out out; /* buffers until t_memout_text() */
	struct sr_text_pr text; /* the strace backend writing to out */
	struct sr_fmt fmt; /* printing context over text, no options */
	char text_buf[65536];
};

/* Open @m; out.fd is a memfd, owned by @m; m->fmt prints to it. */
void t_memout_open(struct t_memout *m);
/* Flush and return everything written so far, NUL-terminated (m->text). */
const char *t_memout_text(struct t_memout *m);
/* Free the buffer and close the memfd. */
void t_memout_close(struct t_memout *m);

/* Print dates in UTC, as on the machine the expected lines came from. */
void t_utc(void);

/* The @i-th number to test a number writer with: 10^k - 1, 10^k, 10^k + 1 for k = 0..19, then pseudo-random ones (state *@x). */
uint64_t t_edge_value(int i, uint64_t *x);

#endif /* SYSRAY_TEST_HELPERS_H */
