// SPDX-License-Identifier: GPL-2.0
/* Runs every unit test suite; ends with "N passed, N failed, N skipped". */
#include <stdio.h>

#include "table/syscalls.h"
#include "test.h"

extern const struct t_case out_tests[];
extern const struct t_case idmap_tests[];
extern const struct t_case table_tests[];
extern const struct t_case pairing_tests[];
extern const struct t_case calls_tests[];
extern const struct t_case decode_tests[];
extern const struct t_case decode_file_tests[];
extern const struct t_case decode_desc_tests[];
extern const struct t_case decode_net_tests[];
extern const struct t_case decode_mem_tests[];
extern const struct t_case decode_process_tests[];
extern const struct t_case decode_prctl_tests[];
extern const struct t_case decode_signal_tests[];
extern const struct t_case decode_time_tests[];
extern const struct t_case fdtab_tests[];
extern const struct t_case rings_tests[];
extern const struct t_case options_tests[];
extern const struct t_case filter_tests[];
extern const struct t_case cgroup_tests[];
extern const struct t_case recording_tests[];

static const struct t_case *const suites[] = {
	out_tests,	   idmap_tests,	     table_tests,	   pairing_tests,
	calls_tests,	   decode_tests,     decode_file_tests,	   decode_desc_tests,
	decode_net_tests,  decode_mem_tests, decode_process_tests, decode_signal_tests,
	decode_time_tests, fdtab_tests,	     rings_tests,	   options_tests,
	filter_tests,	   cgroup_tests,     recording_tests,	   decode_prctl_tests,
};

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
	for (s = 0; s < sizeof(suites) / sizeof(suites[0]); s++) {
		const struct t_case *c;

		for (c = suites[s]; c->fn; c++) {
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
