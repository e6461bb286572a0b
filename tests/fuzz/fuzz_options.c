// SPDX-License-Identifier: GPL-2.0
/*
 * The command line (cli/options.c): the input is the arguments after
 * "sysray", NUL-separated (at most 32), parsed as main() parses them. The
 * parse must end in 0 (go on), SR_CLI_DONE (--help, --version) or 2 (one
 * line naming the problem); nothing is traced.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/options.h"
#include "cli/opts.h"
#include "fuzz.h"
#include "table/syscalls.h"

#define MAX_ARGS 32

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	if (syscalls__init())
		abort();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct sr_opts o;
	char *argv[MAX_ARGS + 2] = { "sysray" };
	char *text = malloc(size + 1), *arg;
	int argc = 1, st;

	if (!text)
		abort();
	memcpy(text, data, size);
	text[size] = '\0';
	for (arg = text; arg < text + size && argc <= MAX_ARGS; arg += strlen(arg) + 1)
		argv[argc++] = arg;
	argv[argc] = NULL;
	memset(&o, 0, sizeof(o));
	fz_quiet_begin();
	st = cli__parse(&o, argc, argv);
	fz_quiet_end();
	if (st != 0 && st != SR_CLI_DONE && st != 2) {
		fprintf(stderr, "fuzz: cli__parse returned %d\n", st);
		abort();
	}
	free(text);
	return 0;
}
