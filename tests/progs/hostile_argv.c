// SPDX-License-Identifier: GPL-2.0
/*
 * An execve of itself with 100000 arguments and an environment of 3.9 MiB
 * (30 variables of 128 KiB, the kernel's limit for one string, and 10000
 * small ones), after raising RLIMIT_STACK so that the kernel takes them.
 * The new image checks what it got and exits 0.
 */

#include "common.h"

#include <sys/resource.h>

#define NARGS	  100000
#define NBIG	  30
#define BIGLEN	  (128 * 1024 - 1)
#define NSMALL	  10000
#define STACK_MAX (256L << 20)

int main(int argc, char **argv, char **envp)
{
	struct rlimit rl = { STACK_MAX, STACK_MAX };
	static char *args[NARGS + 1], *env[NBIG + NSMALL + 1];
	static char small[NSMALL][16];
	int i;

	if (argc > 1) {
		for (i = 0; envp[i]; i++)
			;
		CHECK(argc == NARGS && i == NBIG + NSMALL);
		return 0;
	}
	OK(setrlimit(RLIMIT_STACK, &rl));
	args[0] = argv[0];
	for (i = 1; i < NARGS; i++)
		args[i] = i % 2 ? "x" : "\33[31mred\n";
	for (i = 0; i < NBIG; i++) {
		env[i] = malloc(BIGLEN + 1);
		CHECK(env[i] != NULL);
		memset(env[i], 'A' + i % 26, BIGLEN);
		env[i][0] = 'B';
		env[i][1] = '=';
		env[i][BIGLEN] = '\0';
	}
	for (i = 0; i < NSMALL; i++) {
		snprintf(small[i], sizeof(small[i]), "S%d=%d", i, i);
		env[NBIG + i] = small[i];
	}
	OK(execve(argv[0], args, env));
	return EXIT_UNEXPECTED;
}
