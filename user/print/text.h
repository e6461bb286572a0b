/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The strace backend of the printer interface: values spelled as strace 6.1
 * spells them, into a struct sr_out.
 */
#ifndef SYSRAY_PRINT_TEXT_H
#define SYSRAY_PRINT_TEXT_H

#include <stdbool.h>

#include "lib/digits.h"
#include "print/out.h"
#include "print/printer.h"

/* Containers nested deeper than this still print, with separators as at the limit. */
#define SR_TEXT_DEPTH 32

struct sr_text_frame {
	unsigned char box; /* enum sr_box */
	bool first; /* no element printed yet */
	bool comment; /* -X verbose: a form in a comment after its number, closed with it */
	bool quiet_defaults; /* ...in which no "???" note follows an unnamed value (ioctl's) */
};

struct sr_text_pr {
	struct sr_pr base;
	struct sr_out *out;
	int depth;
	bool no_sep; /* after field() or changed(): the next value is not a new element */
	bool bits_any; /* a bit set printed a name or a number already */
	/* -X: enum sr_xlat_style (cli/opts.h); 0, names only, unless set */
	unsigned char xlat_style;
	/* -X raw: a bit set printed its number only, so its parts print nothing */
	bool bits_quiet;
	/* -X verbose: the set printed its number (not 0); its names comment is open */
	bool bits_num;
	bool bits_open;
	/* -X raw, verbose: a set printed in parts; how many began */
	bool bits_parts;
	int bits_nparts;
	/* -X raw: the value just printed was a number standing for a name */
	bool raw_value;
	/* -N: arguments print as "name=value" */
	bool arg_names;
	struct sr_text_frame st[SR_TEXT_DEPTH];
	/* -T: the last duration's text, for the next line's (print/line.c) */
	struct sr_secs_text took;
};

/**
 * text_pr__init() - a strace backend writing to @out (not owned). It starts
 * with an argument list open.
 */
void text_pr__init(struct sr_text_pr *t, struct sr_out *out);

/** text_pr__set_style() - -X: print named constants and flags as @style (enum sr_xlat_style). */
void text_pr__set_style(struct sr_text_pr *t, int style);

/** text_pr__set_arg_names() - -N: print each argument's name before it, as strace 6.16. */
void text_pr__set_arg_names(struct sr_text_pr *t, bool on);

/**
 * text_pr__args_begin() - start a new argument list (a line's entry part, or
 * the part printed at exit), whatever was open before.
 */
void text_pr__args_begin(struct sr_text_pr *t);

/** text_pr__args_empty() - has nothing been printed in the current argument list? */
bool text_pr__args_empty(const struct sr_text_pr *t);

/**
 * text_pr__args_continue() - the argument list just begun goes on with
 * arguments printed before it: its first element takes a separator.
 */
void text_pr__args_continue(struct sr_text_pr *t);

#endif /* SYSRAY_PRINT_TEXT_H */
