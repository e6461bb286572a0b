// SPDX-License-Identifier: GPL-2.0
/*
 * sysray --help, printed from the option table in strace's layout: the
 * groups in strace's order, one entry per option with its help text at
 * column 17, a group's note after its last option.
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "cli/help.h"

/* Where the help text of an option starts, as in strace --help. */
#define HELP_COL 17

static const char *const group_title[G_COUNT] = {
	[G_GENERAL] = "General",     [G_STARTUP] = "Startup",	   [G_TRACING] = "Tracing",
	[G_FILTERING] = "Filtering", [G_OUTPUT] = "Output format", [G_STATS] = "Statistics",
	[G_DIAGNOSIS] = "Diagnosis", [G_MISC] = "Miscellaneous",
};

/* Printed at the end of a group. */
static const char *const group_note[G_COUNT] = {
	[G_FILTERING] = "Filters run in the kernel; -P and --trace-fds there only leave\n"
			"out the calls that cannot touch a file. Filters of one kind\n"
			"(two --comm) match any; filters of different kinds must all match.",
};

/* "-o FILE, --output=FILE", or the row's own spec. */
static void format_spec(const struct sr_optdef *d, char *buf, size_t len)
{
	int n = 0;

	if (d->spec) {
		snprintf(buf, len, "%s", d->spec);
		return;
	}
	if (d->shrt)
		n = snprintf(buf, len, "-%c%s%s%s", d->shrt, d->arg == ARG_REQ ? " " : "",
			     d->arg == ARG_REQ ? d->meta : "", d->lng ? ", " : "");
	if (!d->lng)
		return;
	if (d->arg == ARG_NONE)
		snprintf(buf + n, len - n, "--%s", d->lng);
	else
		snprintf(buf + n, len - n, "--%s%s%s%s", d->lng, d->arg == ARG_OPT ? "[=" : "=",
			 d->meta, d->arg == ARG_OPT ? "]" : "");
}

/* Lines of @text, the first at column @col (already reached), the others indented to it. */
static void print_lines(FILE *f, const char *text, int col)
{
	const char *nl;

	for (;;) {
		nl = strchr(text, '\n');
		fprintf(f, "%.*s\n", nl ? (int)(nl - text) : (int)strlen(text), text);
		if (!nl)
			return;
		text = nl + 1;
		fprintf(f, "%*s", col, "");
	}
}

static void print_option(FILE *f, const struct sr_optdef *d)
{
	char spec[128];
	int n;

	format_spec(d, spec, sizeof(spec));
	n = fprintf(f, "  %s", spec);
	if (n + 2 <= HELP_COL)
		fprintf(f, "%*s", HELP_COL - n, "");
	else
		fprintf(f, "\n%*s", HELP_COL, "");
	print_lines(f, d->help, HELP_COL);
}

static const char help_head[] =
	"Usage: sysray [OPTIONS] -- COMMAND [ARGS...]   trace a command and its children\n"
	"       sysray [OPTIONS] -p PID[,PID...]        trace running processes\n"
	"       sysray [OPTIONS]                        trace the whole host\n"
	"\n"
	"Prints every syscall as strace -f does, from BPF programs on the raw_syscalls\n"
	"tracepoints: traced processes are never stopped.\n";

static const char help_tail[] =
	"\n"
	"Examples:\n"
	"  sysray -- ls /nonexistent                 why does ls fail?\n"
	"  sysray -o trace.txt -- make               trace a build into a file\n"
	"  sysray -p 1234 -s 128                     watch a running service\n"
	"  sysray -e trace=%file -Z                  each failed file syscall on the host\n"
	"  sysray --container 3f2a9c -e trace=%file  file syscalls of one container\n"
	"  sysray --unit cron -Y -o cron.txt         a systemd service, with task names\n"
	"  sysray --explain -- make install          why did it fail?\n"
	"  sysray --explain --follow-peer -- crontab f   ...and in the daemon it asked\n"
	"  sysray diff good.rec bad.rec              where two --record runs diverge\n"
	"\n"
	"Needs Linux 5.8 or later with BTF, and root or CAP_BPF plus CAP_PERFMON;\n"
	"sysray --check says what this host lacks. See sysray(8).\n";

void help__print(FILE *f, const struct sr_optdef *table, size_t n)
{
	size_t i;
	int g;

	fputs(help_head, f);
	for (g = 0; g < G_COUNT; g++) {
		bool title = false;

		for (i = 0; i < n; i++) {
			/* a row without help: another spelling of the row before it */
			if (table[i].group != (enum sr_group)g || !table[i].help)
				continue;
			if (!title)
				fprintf(f, "\n%s:\n", group_title[g]);
			title = true;
			print_option(f, &table[i]);
		}
		if (title && group_note[g]) {
			fprintf(f, "%*s", 2, "");
			print_lines(f, group_note[g], 2);
		}
	}
	fputs(help_tail, f);
}
