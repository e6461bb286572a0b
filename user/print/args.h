/* SPDX-License-Identifier: GPL-2.0 */
/*
 * One syscall's values, table-driven, through the printer interface: the
 * arguments known at entry, those known at exit, a successful return value.
 * Backend-neutral: the strace line around them is print/line.c's.
 */
#ifndef SYSRAY_PRINT_ARGS_H
#define SYSRAY_PRINT_ARGS_H

#include <stdbool.h>

#include "decode/decode.h"

/* The arguments known at entry, each one element of the open argument list. */
void args__enter(struct sr_fmt *f, const struct sr_call *c);
/* The arguments known at exit. */
void args__exit(struct sr_fmt *f, const struct sr_call *c);
/* A successful return value, and what a decoder adds after it (" (flags O_RDWR)"). */
void args__retval(struct sr_fmt *f, const struct sr_call *c);
/* An io_uring request that may be another's (sr_call.uring_peers): a comment saying so. */
void args__peers_note(struct sr_fmt *f, const struct sr_call *c);
/* Does the syscall print anything at exit (so an interrupted line resumes)? */
bool args__has_exit_part(const struct sr_sysent *e);
/* Will args__exit() print something for @c (strace's ", " before it at entry)? */
bool args__exit_shown(const struct sr_call *c);
/* Does args__enter() print something for @c (strace 6.16's ", " before the exit part)? */
bool args__entry_shown(const struct sr_call *c);
/* One argument, by its table type. */
void args__value(struct sr_fmt *f, const struct sr_call *c, int i);

#endif /* SYSRAY_PRINT_ARGS_H */
