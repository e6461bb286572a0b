/* SPDX-License-Identifier: GPL-2.0 */
/*
 * strace's line around a syscall's values: "name(", the ", " before the
 * arguments printed at exit, ") ", the padding to column 40 and "= ret"
 * with errno names, " <unfinished ...>" and "= ?". The context's backend
 * must be the text one (struct sr_text_pr).
 */
#ifndef SYSRAY_PRINT_LINE_H
#define SYSRAY_PRINT_LINE_H

#include <stdbool.h>

#include "decode/decode.h"
#include "print/text.h"

/* "name(" and the arguments known at entry, with ", " if more follow at exit. */
void line__enter(struct sr_fmt *f, const struct sr_call *c);
/* The arguments known at exit (no closing parenthesis). */
void line__exit(struct sr_fmt *f, const struct sr_call *c);
/* ") ", padding to column 40, "= " and the return value. */
void line__ret(struct sr_fmt *f, const struct sr_call *c);
/* "-1 ENOENT (No such file or directory)" for errno @err, as strace's print_err_ret(). */
void line__errno(struct sr_out *o, int err);
/* For a call that never returned: [" <unfinished ...>"] ") = ?". */
void line__noreturn(struct sr_fmt *f, const struct sr_call *c, bool unfinished);
/* "<... name resumed>" */
void line__resumed(struct sr_fmt *f, const struct sr_call *c);
/*
 * A completed call's whole line after the pid: "name(args) = ret", or for a
 * call whose entry was not seen (@resumed) "<... name resumed>args) = ret".
 */
void line__whole(struct sr_fmt *f, const struct sr_call *c, bool resumed);
/* A sink's context: backend @pr, @opts (NULL: defaults), @fds; -Y names tasks with @comm_of. */
void line__fmt_init(struct sr_fmt *f, struct sr_pr *pr, const struct sr_opts *opts,
		    struct sr_fdtab *fds, sr_comm_fn *comm_of, void *comm_ctx);

#endif /* SYSRAY_PRINT_LINE_H */
