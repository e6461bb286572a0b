/* SPDX-License-Identifier: GPL-2.0 */
/* A minimal unit-test harness: TEST() functions, CHECK macros, one summary. */
#ifndef SYSRAY_TEST_H
#define SYSRAY_TEST_H

#include <stdio.h>
#include <string.h>

struct t_state {
	const char *name;
	int fails; /* failed checks in the current test */
	int skipped; /* the test could not run here: counted as skipped, not passed */
};

/* Mark the current test skipped, saying why; the test then returns. */
#define SKIP(st, why)                                                      \
	do {                                                               \
		fprintf(stderr, "  %s: skipped: %s\n", (st)->name, (why)); \
		(st)->skipped = 1;                                         \
	} while (0)

#define CHECK(st, cond)                                                                        \
	do {                                                                                   \
		if (!(cond)) {                                                                 \
			fprintf(stderr, "  %s:%d: %s: check failed: %s\n", __FILE__, __LINE__, \
				(st)->name, #cond);                                            \
			(st)->fails++;                                                         \
		}                                                                              \
	} while (0)

#define CHECK_STR(st, got, want)                                                          \
	do {                                                                              \
		const char *g_ = (got), *w_ = (want);                                     \
		if (strcmp(g_, w_)) {                                                     \
			fprintf(stderr, "  %s:%d: %s:\n    got:  [%s]\n    want: [%s]\n", \
				__FILE__, __LINE__, (st)->name, g_, w_);                  \
			(st)->fails++;                                                    \
		}                                                                         \
	} while (0)

/* @got contains @want. */
#define CHECK_HAS(st, got, want)                                                                \
	do {                                                                                    \
		const char *g_ = (got), *w_ = (want);                                           \
		if (!strstr(g_, w_)) {                                                          \
			fprintf(stderr, "  %s:%d: %s:\n    got:  [%s]\n    want: [...%s...]\n", \
				__FILE__, __LINE__, (st)->name, g_, w_);                        \
			(st)->fails++;                                                          \
		}                                                                               \
	} while (0)

typedef void (*t_fn)(struct t_state *st);

struct t_case {
	const char *name;
	t_fn fn;
};

/* Each test file exports its cases through one of these. */
/*
 * A suite registers itself (in the t_suites section, which main.c walks), so
 * adding a test file is adding it to the directory.
 */
#define T_SUITE(sym)                                              \
	extern const struct t_case sym[];                         \
	static const struct t_case *const sym##_reg               \
		__attribute__((used, section("t_suites"))) = sym; \
	const struct t_case sym[]
#define T_CASE(fn)      \
	{               \
#fn, fn \
	}
#define T_END              \
	{                  \
		NULL, NULL \
	}

#endif /* SYSRAY_TEST_H */
