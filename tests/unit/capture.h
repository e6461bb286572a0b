/* SPDX-License-Identifier: GPL-2.0 */
/* What code under test prints on stderr (its one-line errors), captured in memory. */
#ifndef SYSRAY_TEST_CAPTURE_H
#define SYSRAY_TEST_CAPTURE_H

struct t_stderr {
	int saved; /* the real stderr, while captured */
	int fd; /* the memfd standing in for it */
	char text[8192];
};

/* Send fd 2 to memory until t_stderr_end(). */
void t_stderr_begin(struct t_stderr *c);
/* Restore fd 2; return what was written meanwhile, NUL-terminated (c->text). */
const char *t_stderr_end(struct t_stderr *c);

#endif /* SYSRAY_TEST_CAPTURE_H */
