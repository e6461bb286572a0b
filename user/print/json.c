// SPDX-License-Identifier: GPL-2.0
/*
 * The JSON backend. Values become data:
 *   number            123 (hex and octal forms too: the data is the number)
 *   named constant    {"name": "SIGCHLD", "raw": 17}
 *   bit set           {"raw": 524288, "flags": ["O_RDONLY", "O_CLOEXEC", 1024]}
 *   string            "text", or {"str"|"base64": ..., "truncated": true};
 *                     an abstract unix socket name {"abstract": "text"}
 *   address           null (NULL) or "0x7ffd1234"
 *   fd                {"fd": 3, "desc": "</etc/passwd>"}
 *   pid               4242, or {"pid": 4242, "comm": "cron"}
 *   struct            {"st_mode": ..., "...": true}
 *   array             [1, 2, "..."]
 *   set               {"negated": false, "set": [{"name": "SIGCHLD", ...}]}
 *   macro-like form   {"call": "makedev", "args": [1, 3]}
 *   in/out value      {"in": 16, "out": 24}
 *   unknown           null
 * Comments and notes are text only. Every call is also made on a strace
 * backend writing to memory, whose text each argument carries.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/types.h>

#include "sysray/abi.h"
#include "print/json.h"

#define JSON(p) ((struct sr_json_pr *)(p))
/*
 * The bookkeeping every value's operation does (a handful of tests each):
 * inline, where the compiler would call it from each of the operations.
 */
#define HOT static inline __attribute__((always_inline))
/* The same call on the strace backend. */
#define TEXT_OP(j, op, ...) (j)->text.base.ops->op(&(j)->text.base, ##__VA_ARGS__)

HOT struct sr_json_frame *top(struct sr_json_pr *j)
{
	return &j->st[j->depth < SR_JSON_DEPTH ? j->depth : SR_JSON_DEPTH - 1];
}

/* Data is written unless a note is printing (notes are text only). */
static inline bool muted(const struct sr_json_pr *j)
{
	return j->too_deep || j->notes;
}

/*
 * Before the strace backend prints an element: at the top, where a new
 * argument's text begins (its separator included, dropped when written).
 */
HOT void pre(struct sr_json_pr *j)
{
	struct sr_json_frame *fr = top(j);

	if (j->depth || fr->wrap || muted(j))
		return;
	/* the argument began with its name (json_field()) */
	if (j->named_arg) {
		j->named_arg = false;
		return;
	}
	json_pr__end_arg(j);
	if (j->nargs < SR_JSON_MAXARGS) {
		j->args[j->nargs].name = NULL;
		j->args[j->nargs].name_lasts = false;
		j->args[j->nargs].text_off = j->text_out.len;
		j->args[j->nargs].val_off = j->val.len;
		j->nargs++;
	}
	j->arg_started = true;
}

/* Before a new element's data: a comma in a container (at the top, a new argument). */
HOT void elem(struct sr_json_pr *j)
{
	struct sr_json_frame *fr = top(j);

	if (j->depth == 0 && !fr->wrap) {
		/* the argument started in pre(); an element whose text came first is one too */
		if (!j->arg_started)
			pre(j);
		j->arg_started = false;
		if (j->nargs)
			j->args[j->nargs - 1].val_off = j->val.len;
		fr->last = j->val.len;
		fr->count++;
		return;
	}
	if (fr->keyed) {
		fr->keyed = false;
	} else if (fr->wrap) {
		/* the "out" of {"in": ..., "out": ...}: its key is written */
	} else {
		if (fr->count)
			jbuf__putc(&j->val, ',');
		/* an element no field() named: keyed by its position */
		if (fr->box == SR_BOX_STRUCT) {
			jbuf__puts(&j->val, "\"_");
			jbuf__u64(&j->val, fr->count);
			jbuf__puts(&j->val, "\":");
		}
		fr->last = j->val.len;
	}
	fr->count++;
}

/* After an element: close a pending {"in": ..., "out": ...}. */
HOT void done(struct sr_json_pr *j)
{
	struct sr_json_frame *fr = top(j);

	if (fr->wrap) {
		jbuf__putc(&j->val, '}');
		fr->wrap = false;
	}
}

/* {"call": "makedev", "args": [ */
static void call_head(struct sr_json_pr *j, const char *name)
{
	jbuf__puts(&j->val, "{\"call\":");
	jbuf__name(&j->val, name);
	jbuf__puts(&j->val, ",\"args\":[");
}

/* pre() for an element op (a note is no element). */
HOT void pre_elem(struct sr_json_pr *j)
{
	pre(j);
}

static void json_open(struct sr_pr *p, enum sr_box box, const char *name)
{
	struct sr_json_pr *j = JSON(p);
	struct sr_json_frame *fr;
	bool mute;

	if (box != SR_BOX_NOTE)
		pre_elem(j);
	TEXT_OP(j, open, box, name);
	if (j->depth + 1 >= SR_JSON_DEPTH) {
		/* deeper than the frames go: the container's data is unknown */
		if (!muted(j) && box != SR_BOX_NOTE) {
			elem(j);
			jbuf__puts(&j->val, "null");
			done(j);
		}
		j->too_deep++;
		return;
	}
	mute = muted(j) || box == SR_BOX_NOTE;
	if (!mute) {
		elem(j);
		if (box == SR_BOX_STRUCT)
			jbuf__putc(&j->val, '{');
		else if (box == SR_BOX_SET || box == SR_BOX_NEGSET)
			jbuf__puts(&j->val, box == SR_BOX_NEGSET ? "{\"negated\":true,\"set\":[" :
								   "{\"negated\":false,\"set\":[");
		else if (box == SR_BOX_CALL)
			call_head(j, name ? name : "");
		else
			jbuf__putc(&j->val, '[');
	}
	j->depth++;
	fr = top(j);
	memset(fr, 0, sizeof(*fr));
	fr->box = box;
	fr->note = box == SR_BOX_NOTE;
	j->notes += fr->note;
}

static void json_close(struct sr_pr *p)
{
	struct sr_json_pr *j = JSON(p);
	struct sr_json_frame *fr = top(j);
	unsigned char box = fr->box;
	bool note = box == SR_BOX_NOTE;

	TEXT_OP(j, close);
	if (j->too_deep) {
		j->too_deep--;
		return;
	}
	if (j->depth > 0) {
		j->depth--;
		j->notes -= note;
	}
	if (note || muted(j))
		return;
	if (box == SR_BOX_STRUCT)
		jbuf__putc(&j->val, '}');
	else if (box == SR_BOX_SET || box == SR_BOX_NEGSET || box == SR_BOX_CALL)
		jbuf__puts(&j->val, "]}");
	else
		jbuf__putc(&j->val, ']');
	done(j);
}

/* A struct's next value is field @name: its key. */
static void put_key(struct sr_json_pr *j, const char *name)
{
	struct sr_json_frame *fr = top(j);

	if (muted(j) || j->depth == 0)
		return;
	if (fr->count)
		jbuf__putc(&j->val, ',');
	/*
	 * An array's element named by its index (strace's "[VINTR]=0x3"):
	 * {"index": "[VINTR]", "value": 3}, closed after the value as the
	 * {"in", "out"} pair is.
	 */
	if (fr->box != SR_BOX_STRUCT) {
		jbuf__puts(&j->val, "{\"index\":");
		jbuf__name(&j->val, name);
		jbuf__puts(&j->val, ",\"value\":");
		fr->wrap = true;
	} else {
		jbuf__name(&j->val, name);
		jbuf__putc(&j->val, ':');
	}
	fr->keyed = true;
	fr->last = j->val.len;
}

static void json_field(struct sr_pr *p, const char *name)
{
	struct sr_json_pr *j = JSON(p);

	/*
	 * An argument strace names (clone's "child_stack=NULL"): a new argument
	 * whose text has the name and whose value is what follows.
	 */
	if (j->depth == 0) {
		pre(j);
		j->named_arg = !muted(j) && !top(j)->wrap;
		if (j->named_arg && j->nargs)
			j->args[j->nargs - 1].name = name;
	}
	TEXT_OP(j, field, name);
	put_key(j, name);
}

/* Argument @name (-N's names): --json keys every argument by its name, whatever -N says. */
static void json_arg(struct sr_pr *p, const char *name)
{
	struct sr_json_pr *j = JSON(p);

	if (j->depth)
		return;
	pre(j);
	j->named_arg = !muted(j) && !top(j)->wrap;
	if (j->named_arg && j->nargs) {
		j->args[j->nargs - 1].name = name;
		/* pr_arg()'s names are the table's or literals */
		j->args[j->nargs - 1].name_lasts = true;
	}
	TEXT_OP(j, arg, name);
}

/* strace's text names this field inside the value: the text backend has nothing to do. */
static void json_field_implicit(struct sr_pr *p, const char *name)
{
	put_key(JSON(p), name);
}

static void json_num(struct sr_pr *p, enum sr_num fmt, uint64_t v, int width)
{
	struct sr_json_pr *j = JSON(p);

	pre_elem(j);
	TEXT_OP(j, num, fmt, v, width);
	if (muted(j))
		return;
	elem(j);
	if (fmt == SR_NUM_D)
		jbuf__i64(&j->val, (int64_t)v);
	else
		jbuf__u64(&j->val, v);
	done(j);
}

static void json_sym(struct sr_pr *p, const char *name, uint64_t raw)
{
	struct sr_json_pr *j = JSON(p);

	pre_elem(j);
	TEXT_OP(j, sym, name, raw);
	if (muted(j))
		return;
	elem(j);
	jbuf__puts(&j->val, "{\"name\":");
	jbuf__name(&j->val, name);
	jbuf__puts(&j->val, ",\"raw\":");
	jbuf__i64(&j->val, (int64_t)raw);
	jbuf__putc(&j->val, '}');
	done(j);
}

static void json_bits_begin(struct sr_pr *p, uint64_t raw)
{
	struct sr_json_pr *j = JSON(p);

	pre_elem(j);
	TEXT_OP(j, bits_begin, raw);
	j->bits_open = false;
	if (muted(j))
		return;
	elem(j);
	jbuf__puts(&j->val, "{\"raw\":");
	jbuf__u64(&j->val, raw);
	jbuf__puts(&j->val, ",\"flags\":[");
	j->bits_open = true;
	j->bits_count = 0;
}

static void json_bit(struct sr_pr *p, const char *prefix, const char *name)
{
	struct sr_json_pr *j = JSON(p);

	TEXT_OP(j, bit, prefix, name);
	if (!j->bits_open)
		return;
	if (j->bits_count++)
		jbuf__putc(&j->val, ',');
	jbuf__putc(&j->val, '"');
	if (prefix)
		jbuf__puts(&j->val, prefix);
	jbuf__puts(&j->val, name);
	jbuf__putc(&j->val, '"');
}

static void json_bits_rest(struct sr_pr *p, enum sr_num fmt, uint64_t v)
{
	struct sr_json_pr *j = JSON(p);

	TEXT_OP(j, bits_rest, fmt, v);
	if (!j->bits_open)
		return;
	if (j->bits_count++)
		jbuf__putc(&j->val, ',');
	jbuf__u64(&j->val, v);
}

static void json_bits_end(struct sr_pr *p)
{
	struct sr_json_pr *j = JSON(p);

	TEXT_OP(j, bits_end);
	if (!j->bits_open)
		return;
	j->bits_open = false;
	jbuf__puts(&j->val, "]}");
	done(j);
}

static void json_str(struct sr_pr *p, const void *data, size_t n, size_t max, unsigned int q)
{
	struct sr_json_pr *j = JSON(p);
	bool cut = q & SR_Q_ELLIPSIS;

	pre_elem(j);
	TEXT_OP(j, str, data, n, max, q);
	if (muted(j))
		return;
	if (q & SR_Q_NUL_TERM) {
		const void *z = memchr(data, 0, n);

		if (z)
			n = (size_t)((const char *)z - (const char *)data);
	}
	if (n > max) {
		n = max;
		cut = true;
	}
	/* xattr values: a NUL in the last place shown ends the string */
	if ((q & SR_Q_OMIT_NUL) && n && !((const char *)data)[n - 1]) {
		n--;
		cut = false;
	}
	elem(j);
	if (q & SR_Q_ABSTRACT) {
		jbuf__puts(&j->val, "{\"abstract\":");
		jbuf__bytes(&j->val, data, n, cut);
		jbuf__putc(&j->val, '}');
	} else {
		jbuf__bytes(&j->val, data, n, cut);
	}
	done(j);
}

/* A character constant: a string of its one byte. */
static void json_chr(struct sr_pr *p, uint8_t c)
{
	struct sr_json_pr *j = JSON(p);

	pre_elem(j);
	TEXT_OP(j, chr, c);
	if (muted(j))
		return;
	elem(j);
	jbuf__bytes(&j->val, &c, 1, false);
	done(j);
}

static void json_addr(struct sr_pr *p, uint64_t v)
{
	struct sr_json_pr *j = JSON(p);

	pre_elem(j);
	TEXT_OP(j, addr, v);
	if (muted(j))
		return;
	elem(j);
	if (v) {
		jbuf__putc(&j->val, '"');
		jbuf__hex(&j->val, v);
		jbuf__putc(&j->val, '"');
	} else
		jbuf__puts(&j->val, "null");
	done(j);
}

static void json_fd(struct sr_pr *p, int fd, const char *annot, size_t annot_len)
{
	struct sr_json_pr *j = JSON(p);
	char *d;

	pre_elem(j);
	TEXT_OP(j, fd, fd, annot, annot_len);
	if (muted(j))
		return;
	elem(j);
	/* strace's annotation, escaped by the fd model: text, not bytes */
	d = jbuf__reserve(&j->val, JBUF_ESCAPED_MAX(annot_len) + 48);
	if (!d)
		return;
	d = JBUF_LIT(d, "{\"fd\":");
	if (fd < 0)
		*d++ = '-';
	d += dec_put(d, fd < 0 ? -(uint64_t)fd : (uint64_t)fd);
	if (annot_len) {
		d = JBUF_LIT(d, ",\"desc\":\"");
		d = jbuf__escape_to(d, annot, annot_len);
		*d++ = '"';
	}
	*d++ = '}';
	jbuf__commit(&j->val, d);
	done(j);
}

static void json_pid(struct sr_pr *p, int64_t pid, const char *comm)
{
	struct sr_json_pr *j = JSON(p);

	pre_elem(j);
	TEXT_OP(j, pid, pid, comm);
	if (muted(j))
		return;
	elem(j);
	if (comm) {
		jbuf__puts(&j->val, "{\"pid\":");
		jbuf__i64(&j->val, pid);
		jbuf__puts(&j->val, ",\"comm\":");
		jbuf__text(&j->val, comm, strnlen(comm, SR_COMM_LEN));
		jbuf__putc(&j->val, '}');
	} else {
		jbuf__i64(&j->val, pid);
	}
	done(j);
}

static void json_more(struct sr_pr *p)
{
	struct sr_json_pr *j = JSON(p);
	struct sr_json_frame *fr = top(j);

	pre_elem(j);
	TEXT_OP(j, more);
	if (muted(j))
		return;
	if (fr->box == SR_BOX_STRUCT && j->depth > 0) {
		if (fr->count)
			jbuf__putc(&j->val, ',');
		jbuf__puts(&j->val, "\"...\":true");
		fr->count++;
		return;
	}
	elem(j);
	jbuf__puts(&j->val, "\"...\"");
	done(j);
}

/* {"in": <the last element>, "out": <the next one>} */
static void json_changed(struct sr_pr *p)
{
	struct sr_json_pr *j = JSON(p);
	struct sr_json_frame *fr = top(j);
	static const char head[] = "{\"in\":";
	size_t n = sizeof(head) - 1;

	TEXT_OP(j, changed);
	if (muted(j) || fr->last > j->val.len)
		return;
	jbuf__put(&j->val, head, n); /* room */
	if (j->val.oom)
		return;
	memmove(j->val.p + fr->last + n, j->val.p + fr->last, j->val.len - n - fr->last);
	memcpy(j->val.p + fr->last, head, n);
	jbuf__puts(&j->val, ",\"out\":");
	fr->wrap = true;
}

static void json_comment(struct sr_pr *p, const char *text)
{
	TEXT_OP(JSON(p), comment, text);
}

static void json_unknown(struct sr_pr *p)
{
	struct sr_json_pr *j = JSON(p);

	pre_elem(j);
	TEXT_OP(j, unknown);
	if (muted(j))
		return;
	elem(j);
	jbuf__puts(&j->val, "null");
	done(j);
}

/* strace's hand-made '|' and its text artifacts: text only, the data has the set already. */
static void json_bits_or(struct sr_pr *p, bool bar)
{
	TEXT_OP(JSON(p), bits_or, bar);
}

static void json_artifact(struct sr_pr *p, const char *text)
{
	TEXT_OP(JSON(p), artifact, text);
}

/* A value spelled as text (a UUID): a JSON string. */
static void json_text(struct sr_pr *p, const char *text)
{
	struct sr_json_pr *j = JSON(p);

	pre_elem(j);
	TEXT_OP(j, text, text);
	if (muted(j))
		return;
	elem(j);
	jbuf__name(&j->val, text);
	done(j);
}

/* strace's "+" between two parts of one value: the data keeps both parts, in order. */
static void json_plus(struct sr_pr *p)
{
	TEXT_OP(JSON(p), plus);
}

/* A fraction: {"numerator":N,"denominator":D}. */
static void json_fract(struct sr_pr *p, uint32_t num, uint32_t den)
{
	struct sr_json_pr *j = JSON(p);

	pre_elem(j);
	TEXT_OP(j, fract, num, den);
	if (muted(j))
		return;
	elem(j);
	jbuf__puts(&j->val, "{\"numerator\":");
	jbuf__i64(&j->val, num);
	jbuf__puts(&j->val, ",\"denominator\":");
	jbuf__i64(&j->val, den);
	jbuf__putc(&j->val, '}');
	done(j);
}

static const struct sr_pr_ops json_ops = {
	.open = json_open,
	.close = json_close,
	.field = json_field,
	.field_implicit = json_field_implicit,
	.num = json_num,
	.sym = json_sym,
	.bits_begin = json_bits_begin,
	.bit = json_bit,
	.bits_rest = json_bits_rest,
	.bits_end = json_bits_end,
	.str = json_str,
	.chr = json_chr,
	.addr = json_addr,
	.fd = json_fd,
	.pid = json_pid,
	.more = json_more,
	.changed = json_changed,
	.plus = json_plus,
	.fract = json_fract,
	.comment = json_comment,
	.unknown = json_unknown,
	.bits_or = json_bits_or,
	.artifact = json_artifact,
	.text = json_text,
	.arg = json_arg,
};

int json_pr__init(struct sr_json_pr *j)
{
	int err;

	memset(j, 0, sizeof(*j));
	j->base.ops = &json_ops;
	/* an in-memory strace backend: fd -1, never flushed while a list fits */
	err = out__init_fd(&j->text_out, -1);
	if (err)
		return err;
	text_pr__init(&j->text, &j->text_out);
	json_pr__begin(j);
	return 0;
}

void json_pr__free(struct sr_json_pr *j)
{
	out__close(&j->text_out);
	jbuf__free(&j->val);
}

void json_pr__begin(struct sr_json_pr *j)
{
	j->text_out.len = 0;
	j->text_out.line_start = 0;
	j->text_out.err = 0;
	j->val.len = 0;
	j->depth = 0;
	j->too_deep = 0;
	j->notes = 0;
	memset(&j->st[0], 0, sizeof(j->st[0]));
	j->st[0].box = SR_BOX_ARGS;
	j->bits_open = false;
	j->nargs = 0;
	j->arg_started = false;
	j->named_arg = false;
	text_pr__args_begin(&j->text);
}

const char *json_pr__text(struct sr_json_pr *j, size_t *len)
{
	*len = j->text_out.len;
	return j->text_out.buf;
}
