/* SPDX-License-Identifier: GPL-2.0 */
/* Printing one syscall line from the table: entry part, exit part, return. */
#ifndef SYSRAY_FORMAT_H
#define SYSRAY_FORMAT_H

#include <stdbool.h>

#include "decode/decode.h"

/* "name(" and the arguments known at entry, with ", " if more follow at exit. */
void format__enter(struct sr_fmt *f, const struct sr_call *c);
/* The arguments known at exit (no closing parenthesis). */
void format__exit(struct sr_fmt *f, const struct sr_call *c);
/* ") ", padding to column 40, "= " and the return value. */
void format__ret(struct sr_fmt *f, const struct sr_call *c);
/* For a call that never returned: [" <unfinished ...>"] ") = ?". */
void format__noreturn(struct sr_fmt *f, const struct sr_call *c, bool unfinished);
/* Does the syscall print anything at exit (so an interrupted line resumes)? */
bool format__has_exit_part(const struct sr_sysent *e);
/* One argument, by its table type. */
void format_arg(struct sr_fmt *f, const struct sr_call *c, int i);

#endif /* SYSRAY_FORMAT_H */
