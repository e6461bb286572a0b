/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The JSON backend of the printer interface. Each value it is given becomes
 * JSON data (a struct an object, flags names and the raw value, a path a
 * string...), and the same calls go to a strace backend as well, so that
 * every argument of a list has both its strace text and its data.
 */
#ifndef SYSRAY_PRINT_JSON_H
#define SYSRAY_PRINT_JSON_H

#include <stdbool.h>
#include <stddef.h>

#include "print/jbuf.h"
#include "print/out.h"
#include "print/printer.h"
#include "print/text.h"

#define SR_JSON_DEPTH	32
#define SR_JSON_MAXARGS 16

struct sr_json_frame {
	unsigned char box; /* enum sr_box */
	unsigned int count; /* elements written */
	bool keyed; /* a struct's next value follows a key already written */
	size_t last; /* where the last element's JSON starts in val */
	bool wrap; /* changed(): close {"in": x, "out": y} after the next value */
	bool note; /* a note: text only, no data */
};

/* One argument of the list being printed: its text and its data, as offsets. */
struct sr_json_arg {
	/* the argument's name (-N's, or one strace names: "child_stack="), or NULL */
	const char *name;
	bool name_lasts; /* the name is the table's or a literal: it may be remembered */
	size_t text_off, text_len;
	size_t val_off, val_len;
};

/*
 * An argument's object begins the same for every call that has it:
 * {"name":"pathname","text":" is remembered by the name's address (names
 * from the table and literals only), to be copied in blocks of 16.
 */
#define SR_JSON_NAME_SLOTS 64
struct sr_json_name_slot {
	const char *name; /* NULL: empty */
	unsigned int len;
	char text[48];
};

struct sr_json_pr {
	struct sr_pr base;
	struct sr_out text_out; /* the strace text of the current list, in memory */
	struct sr_text_pr text; /* the strace backend over text_out */
	struct sr_jbuf val; /* the data */
	int depth;
	int too_deep; /* containers open beyond the last frame: their data is null */
	int notes; /* notes open among the frames: data is muted while one prints */
	struct sr_json_frame st[SR_JSON_DEPTH];
	bool bits_open; /* inside bits_begin()/bits_end(), writing data */
	unsigned int bits_count; /* parts of that set written */
	int nargs;
	bool arg_started; /* pre() began an argument whose data is still to come */
	bool named_arg; /* field() began an argument: its value's pre() adds none */
	struct sr_json_arg args[SR_JSON_MAXARGS];
	struct sr_json_name_slot names[SR_JSON_NAME_SLOTS];
};

/* The argument being printed ends here (json.c, json_args.c). */
static inline __attribute__((always_inline)) void json_pr__end_arg(struct sr_json_pr *j)
{
	struct sr_json_arg *a;

	if (!j->nargs)
		return;
	a = &j->args[j->nargs - 1];
	a->text_len = j->text_out.len - a->text_off;
	a->val_len = j->val.len - a->val_off;
}

/** json_pr__init() - Return 0 or -ENOMEM. */
int json_pr__init(struct sr_json_pr *j);
void json_pr__free(struct sr_json_pr *j);

/** json_pr__begin() - forget the last list; start a new argument list. */
void json_pr__begin(struct sr_json_pr *j);

/**
 * json_pr__text() - the strace text of the whole list printed since
 * json_pr__begin(), separators included; *@len is set to its length.
 */
const char *json_pr__text(struct sr_json_pr *j, size_t *len);

/**
 * json_pr__write_args() - write the list printed since json_pr__begin() to
 * @b as a JSON array of {"text": ..., "value": ...}.
 */
void json_pr__write_args(struct sr_json_pr *j, struct sr_jbuf *b);

/**
 * json_pr__write_one() - the same for a list of one value (a return value,
 * a siginfo) as one {"text": ..., "value": ...}, a note after the value
 * included in the text. Return false (nothing written) when it is empty.
 */
bool json_pr__write_one(struct sr_json_pr *j, struct sr_jbuf *b);

#endif /* SYSRAY_PRINT_JSON_H */
