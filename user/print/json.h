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

#include "print/out.h"
#include "print/printer.h"
#include "print/text.h"

#define SR_JSON_DEPTH	32
#define SR_JSON_MAXARGS 16

/* A growable byte buffer. */
struct sr_jbuf {
	char *p;
	size_t len;
	size_t cap;
	bool oom; /* an allocation failed: what follows was dropped */
};

void jbuf__put(struct sr_jbuf *b, const void *p, size_t n);
void jbuf__puts(struct sr_jbuf *b, const char *s);
void jbuf__putc(struct sr_jbuf *b, char c);
void jbuf__printf(struct sr_jbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* @n bytes as a JSON string: UTF-8 kept, control characters escaped. */
void jbuf__str(struct sr_jbuf *b, const void *p, size_t n);
/*
 * Untrusted bytes as a JSON value: a string when they are valid UTF-8 and
 * complete, else {"str" or "base64": ..., "truncated": bool}.
 */
void jbuf__bytes(struct sr_jbuf *b, const void *p, size_t n, bool truncated);
void jbuf__free(struct sr_jbuf *b);

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
	size_t text_off, text_len;
	size_t val_off, val_len;
};

struct sr_json_pr {
	struct sr_pr base;
	struct sr_out text_out; /* the strace text of the current list, in memory */
	struct sr_text_pr text; /* the strace backend over text_out */
	struct sr_jbuf val; /* the data */
	int depth;
	struct sr_json_frame st[SR_JSON_DEPTH];
	bool bits_open; /* inside bits_begin()/bits_end(), writing data */
	unsigned int bits_count; /* parts of that set written */
	int nargs;
	bool arg_started; /* pre() began an argument whose data is still to come */
	struct sr_json_arg args[SR_JSON_MAXARGS];
};

/** json_pr__init() - Return 0 or -ENOMEM. */
int json_pr__init(struct sr_json_pr *j);
void json_pr__free(struct sr_json_pr *j);

/** json_pr__begin() - forget the last list; start a new argument list. */
void json_pr__begin(struct sr_json_pr *j);

/**
 * json_pr__write_args() - write the list printed since json_pr__begin() to
 * @b as a JSON array of {"text": ..., "value": ...}.
 */
void json_pr__write_args(struct sr_json_pr *j, struct sr_jbuf *b);

/**
 * json_pr__write_one() - the same for a list of one value (a return value),
 * as the members "@key": value, "@key_text": text; nothing when empty.
 */
void json_pr__write_one(struct sr_json_pr *j, struct sr_jbuf *b, const char *key);

#endif /* SYSRAY_PRINT_JSON_H */
