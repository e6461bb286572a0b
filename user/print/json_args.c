// SPDX-License-Identifier: GPL-2.0
/*
 * The JSON backend's arguments, written once the call is complete: each
 * argument's {"name":..,"text":..,"value":..} object from the text the
 * strace backend printed beside it and the data json.c gathered.
 */
#include <string.h>
#include <linux/types.h>
#include "sysray/abi.h"
#include "print/json.h"

/* The raw text of @a (separators kept), clamped to what was printed. */
static const char *raw_text(const struct sr_json_pr *j, const struct sr_json_arg *a, size_t *n)
{
	*n = 0;
	if (a->text_off > j->text_out.len)
		return "";
	*n = a->text_len;
	if (*n > j->text_out.len - a->text_off)
		*n = j->text_out.len - a->text_off;
	return j->text_out.buf + a->text_off;
}

/*
 * The text of argument @a (*@n bytes), without the ", " the strace backend
 * put before it, nor one left after it for arguments an exit part prints.
 */
static const char *arg_text(struct sr_json_pr *j, const struct sr_json_arg *a, size_t *n)
{
	const char *t = raw_text(j, a, n);

	if (*n >= 2 && t[0] == ',' && t[1] == ' ') {
		t += 2;
		*n -= 2;
	}
	if (*n >= 2 && t[*n - 2] == ',' && t[*n - 1] == ' ')
		*n -= 2;
	return t;
}

/*
 * The remembered {"name":"NAME","text":" of the lasting name @name, or NULL
 * when it does not fit a slot or needs escapes.
 */
static const struct sr_json_name_slot *name_slot(struct sr_json_pr *j, const char *name)
{
	uintptr_t h = (uintptr_t)name;
	struct sr_json_name_slot *s = &j->names[(h >> 3 ^ h >> 9) % SR_JSON_NAME_SLOTS];
	size_t n;

	if (s->name == name)
		return s;
	n = jbuf__plain_len(name);
	if (name[n] || n + sizeof("{\"name\":\"\",\"text\":\"") - 1 > sizeof(s->text))
		return NULL;
	s->name = name;
	memset(s->text, 0, sizeof(s->text));
	memcpy(JBUF_LIT(s->text, "{\"name\":\""), name, n);
	(void)JBUF_LIT(s->text + sizeof("{\"name\":\"") - 1 + n, "\",\"text\":\"");
	s->len = (unsigned int)(n + sizeof("{\"name\":\"\",\"text\":\"") - 1);
	return s;
}

/*
 * {"name": ..., "text": ..., "value": ...} of argument @a, in one
 * reservation: a list has a few of them, each of a few parts. The room:
 * the escaped name and text, the value (or null), 30 bytes of keys and
 * punctuation, and 16 for the text and the value written in blocks of 16
 * (48 for a remembered beginning).
 */
static void put_arg(struct sr_json_pr *j, const struct sr_json_arg *a, struct sr_jbuf *b)
{
	const struct sr_json_name_slot *slot = a->name_lasts ? name_slot(j, a->name) : NULL;
	/* a name (the table's) is an identifier: its length is all to find */
	size_t n, plain = a->name && !slot ? jbuf__plain_len(a->name) : 0;
	size_t name_len = a->name && !slot && a->name[plain] ? plain + strlen(a->name + plain) :
							       plain;
	const char *t = arg_text(j, a, &n);
	char *d = jbuf__reserve(b, JBUF_ESCAPED_MAX(name_len + n) + a->val_len + 64);

	if (!d)
		return;
	if (slot) {
		d = jbuf__copy16(d, slot->text, slot->len);
	} else {
		*d++ = '{';
		if (a->name) {
			d = JBUF_LIT(d, "\"name\":\"");
			if (plain == name_len) {
				memcpy(d, a->name, name_len);
				d += name_len;
			} else {
				d = jbuf__escape_to(d, a->name, name_len);
			}
			d = JBUF_LIT(d, "\",");
		}
		d = JBUF_LIT(d, "\"text\":\"");
	}
	/* the text is in the in-memory buffer: its spare room may be read past the end */
	if ((size_t)(t - j->text_out.buf) + n + 16 <= j->text_out.cap)
		d = jbuf__escape_padded(d, t, n);
	else
		d = jbuf__escape_to(d, t, n);
	d = JBUF_LIT(d, "\",\"value\":");
	/* the room left holds the value rounded up to 16, and so does val's */
	if (a->val_len && a->val_off + a->val_len + 16 <= j->val.cap) {
		d = jbuf__copy16(d, j->val.p + a->val_off, a->val_len);
	} else if (a->val_len) {
		memcpy(d, j->val.p + a->val_off, a->val_len);
		d += a->val_len;
	} else {
		d = JBUF_LIT(d, "null");
	}
	*d++ = '}';
	jbuf__commit(b, d);
}

/*
 * Does @a continue the argument before it? A whole-call decoder's exit part
 * may go on from its entry part (clone3's " => {...}, 88")
 * without the ", " that begins a new argument.
 */
static bool arg_continues(const struct sr_json_pr *j, const struct sr_json_arg *prev,
			  const struct sr_json_arg *a)
{
	size_t n, pn;
	const char *t = raw_text(j, a, &n), *p = raw_text(j, prev, &pn);

	if (!n)
		return true; /* a part that printed nothing (clone's exit part) */
	if (n >= 2 && t[0] == ',' && t[1] == ' ')
		return false;
	return !(pn >= 2 && p[pn - 2] == ',' && p[pn - 1] == ' ');
}

void json_pr__write_args(struct sr_json_pr *j, struct sr_jbuf *b)
{
	int i, k;

	json_pr__end_arg(j);
	jbuf__putc(b, '[');
	for (i = 0; i < j->nargs; i = k) {
		struct sr_json_arg a = j->args[i];

		for (k = i + 1; k < j->nargs && arg_continues(j, &j->args[k - 1], &j->args[k]); k++)
			if (j->args[k].text_len)
				a.text_len = j->args[k].text_off + j->args[k].text_len - a.text_off;
		if (i)
			jbuf__putc(b, ',');
		put_arg(j, &a, b);
	}
	jbuf__putc(b, ']');
}

bool json_pr__write_one(struct sr_json_pr *j, struct sr_jbuf *b)
{
	json_pr__end_arg(j);
	if (!j->nargs)
		return false;
	/* a note after the value (" (flags O_RDWR)") is part of the text */
	j->args[0].text_len = j->text_out.len - j->args[0].text_off;
	put_arg(j, &j->args[0], b);
	return true;
}
