// SPDX-License-Identifier: GPL-2.0
/* Runs every unit test suite; ends with "N passed, N failed, N skipped". */
#include <stdio.h>

#include "table/syscalls.h"
#include "test.h"

/* The suites, as T_SUITE() registered them (GNU ld names the section's bounds). */
extern const struct t_case *const __start_t_suites[];
extern const struct t_case *const __stop_t_suites[];

int main(void)
{
	int passed = 0, failed = 0, skipped = 0;
	size_t s;

	/* one line at a time, so results interleave with the failures on stderr */
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (syscalls__init()) {
		fprintf(stderr, "syscalls__init failed\n");
		return 1;
	}
	for (s = 0; __start_t_suites + s < __stop_t_suites; s++) {
		const struct t_case *c;

		for (c = __start_t_suites[s]; c->fn; c++) {
			struct t_state st = { .name = c->name };

			c->fn(&st);
			printf("%s unit/%s\n",
			       st.fails	  ? "FAIL" :
			       st.skipped ? "skip" :
					    "ok  ",
			       c->name);
			if (st.fails)
				failed++;
			else if (st.skipped)
				skipped++;
			else
				passed++;
		}
	}
	printf("%d passed, %d failed, %d skipped\n", passed, failed, skipped);
	return failed ? 1 : 0;
}
