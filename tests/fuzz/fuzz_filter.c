// SPDX-License-Identifier: GPL-2.0
/*
 * -e expressions and the process filters (cli/filter.c): the input is a
 * list of NUL-separated arguments applied in turn to one set of options, as
 * repeated -e, --comm and --uid options are; the first byte of each says
 * which option it is. Then every question the loader and the sinks ask of
 * the result is asked.
 */
#include <stdlib.h>
#include <string.h>

#include "cli/filter.h"
#include "cli/opts.h"
#include "fuzz.h"
#include "table/syscalls.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	if (syscalls__init())
		abort();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct sr_opts o;
	char *text = malloc(size + 1), *arg;
	int nr, sig, n = 0;

	if (!text)
		abort();
	memcpy(text, data, size);
	text[size] = '\0';
	memset(&o, 0, sizeof(o));
	o.status = SR_ST_ALL;
	memset(o.sig_sel, 0xff, sizeof(o.sig_sel));
	fz_quiet_begin();
	for (arg = text; arg < text + size && n < 16; arg += strlen(arg) + 1, n++) {
		switch (arg[0] % 4) {
		case 0:
		case 1:
			filter__qualify(&o, arg + (arg[0] != 0));
			break;
		case 2:
			filter__add_comm(&o, arg + 1);
			break;
		case 3:
			filter__add_uid(&o, arg + 1);
			break;
		}
	}
	fz_quiet_end();
	for (nr = -2; nr < SR_NR_MAX + 2; nr++) {
		filter__traced(&o, nr);
		filter__raw(&o, nr);
	}
	for (sig = -1; sig < 72; sig++)
		filter__signal_shown(&o, sig);
	free(text);
	return 0;
}
