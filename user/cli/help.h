/* SPDX-License-Identifier: GPL-2.0 */
/* The --help text of the option table (user/cli/ only). */
#ifndef SYSRAY_CLI_HELP_H
#define SYSRAY_CLI_HELP_H

#include <stddef.h>
#include <stdio.h>

#include "cli/optdef.h"

/* help__print() - the usage, every row of @table (@n rows) with help text by group, examples. */
void help__print(FILE *f, const struct sr_optdef *table, size_t n);

#endif /* SYSRAY_CLI_HELP_H */
