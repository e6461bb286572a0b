/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The command line: one table of options (user/cli/options.c) from which
 * getopt_long's tables and the --help text are both made.
 */
#ifndef SYSRAY_OPTIONS_H
#define SYSRAY_OPTIONS_H

#include <stdio.h>

struct sr_opts;

/* cli__parse() result: help or version was printed, exit 0 without tracing. */
#define SR_CLI_DONE (-1)

/**
 * cli__parse() - fill @o from @argv (defaults first). Returns 0 to go on,
 * SR_CLI_DONE after --help or --version, or the exit status (2) after
 * printing one line naming the problem. @o keeps pointers into @argv.
 * --cgroup, --container and --unit are recorded, not resolved: see
 * session__resolve_cgroups().
 */
int cli__parse(struct sr_opts *o, int argc, char **argv);

/** cli__help() - the --help text, generated from the option table. */
void cli__help(FILE *f);

#endif /* SYSRAY_OPTIONS_H */
