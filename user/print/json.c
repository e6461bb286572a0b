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

#include "print/json.h"

#define JSON(p) ((struct sr_json_pr *)(p))
/* The same call on the strace backend. */
#define TEXT_OP(j, op, ...) (j)->text.base.ops->op(&(j)->text.base, ##__VA_ARGS__)

void jbuf__put(struct sr_jbuf *b, const void *p, size_t n)
{
	if (b->len + n > b->cap) {
		size_t cap = b->cap ? b->cap : 4096;
		char *q;

		while (cap < b->len + n)
			cap *= 2;
		q = realloc(b->p, cap);
		if (!q) {
			b->oom = true;
			return;
		}
		b->p = q;
		b->cap = cap;
	}
	memcpy(b->p + b->len, p, n);
	b->len += n;
}

void jbuf__puts(struct sr_jbuf *b, const char *s)
{
	jbuf__put(b, s, strlen(s));
}

void jbuf__putc(struct sr_jbuf *b, char c)
{
	jbuf__put(b, &c, 1);
}

void jbuf__printf(struct sr_jbuf *b, const char *fmt, ...)
{
	char tmp[128];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	if (n > 0)
		jbuf__put(b, tmp, (size_t)n < sizeof(tmp) ? (size_t)n : sizeof(tmp) - 1);
}

void jbuf__free(struct sr_jbuf *b)
{
	free(b->p);
	memset(b, 0, sizeof(*b));
}

/* Length of the valid UTF-8 sequence at @s (at most @n bytes), or 0. */
static size_t utf8_seq(const unsigned char *s, size_t n)
{
	size_t len, i;
	uint32_t cp;

	if (s[0] < 0x80)
		return 1;
	if ((s[0] & 0xe0) == 0xc0)
		len = 2, cp = s[0] & 0x1f;
	else if ((s[0] & 0xf0) == 0xe0)
		len = 3, cp = s[0] & 0x0f;
	else if ((s[0] & 0xf8) == 0xf0)
		len = 4, cp = s[0] & 0x07;
	else
		return 0;
	if (len > n)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (s[i] & 0x3f);
	}
	/* overlong forms, surrogates and values past U+10FFFF are not UTF-8 */
	if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
	    (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
		return 0;
	return len;
}

static bool utf8_valid(const unsigned char *s, size_t n)
{
	size_t i = 0, k;

	while (i < n) {
		k = utf8_seq(s + i, n - i);
		if (!k)
			return false;
		i += k;
	}
	return true;
}

/*
 * The code point of UTF-8 sequence @s (@left bytes) if a terminal or a text
 * viewer would act on it: a C1 control (U+009B is CSI to many terminals), a
 * line or paragraph separator, a bidi embedding, override or isolate. Else 0.
 */
static uint32_t risky_char(const unsigned char *s, size_t left)
{
	if (left >= 2 && s[0] == 0xc2 && s[1] >= 0x80 && s[1] <= 0x9f)
		return s[1];
	if (left >= 3 && s[0] == 0xe2 && s[1] == 0x80 && s[2] >= 0xa8 && s[2] <= 0xae)
		return 0x2000 | (s[2] & 0x3f);
	if (left >= 3 && s[0] == 0xe2 && s[1] == 0x81 && s[2] >= 0xa6 && s[2] <= 0xa9)
		return 0x2040 | (s[2] & 0x3f);
	return 0;
}

void jbuf__str(struct sr_jbuf *b, const void *p, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *s = p;
	size_t i, run = 0;
	char esc[6] = { '\\', 'u', '0', '0' };

	jbuf__putc(b, '"');
	for (i = 0; i < n; i++) {
		unsigned char c = s[i];
		uint32_t cp;

		if (c >= 0x80 && (cp = risky_char(s + i, n - i))) {
			char u[6] = { '\\',
				      'u',
				      hex[cp >> 12],
				      hex[(cp >> 8) & 15],
				      hex[(cp >> 4) & 15],
				      hex[cp & 15] };

			jbuf__put(b, s + run, i - run);
			jbuf__put(b, u, 6);
			i += cp < 0x100 ? 1 : 2;
			run = i + 1;
			continue;
		}
		if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7f)
			continue;
		jbuf__put(b, s + run, i - run);
		run = i + 1;
		if (c == '"' || c == '\\') {
			char e[2] = { '\\', (char)c };

			jbuf__put(b, e, 2);
		} else if (c == '\n') {
			jbuf__puts(b, "\\n");
		} else if (c == '\t') {
			jbuf__puts(b, "\\t");
		} else {
			esc[4] = hex[c >> 4];
			esc[5] = hex[c & 15];
			jbuf__put(b, esc, 6);
		}
	}
	jbuf__put(b, s + run, n - run);
	jbuf__putc(b, '"');
}

static void base64(struct sr_jbuf *b, const unsigned char *s, size_t n)
{
	static const char tab[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	size_t i;

	jbuf__putc(b, '"');
	for (i = 0; i + 2 < n; i += 3) {
		char q[4] = { tab[s[i] >> 2], tab[(s[i] & 3) << 4 | s[i + 1] >> 4],
			      tab[(s[i + 1] & 15) << 2 | s[i + 2] >> 6], tab[s[i + 2] & 63] };

		jbuf__put(b, q, 4);
	}
	if (n - i == 1) {
		char q[4] = { tab[s[i] >> 2], tab[(s[i] & 3) << 4], '=', '=' };

		jbuf__put(b, q, 4);
	} else if (n - i == 2) {
		char q[4] = { tab[s[i] >> 2], tab[(s[i] & 3) << 4 | s[i + 1] >> 4],
			      tab[(s[i + 1] & 15) << 2], '=' };

		jbuf__put(b, q, 4);
	}
	jbuf__putc(b, '"');
}

void jbuf__bytes(struct sr_jbuf *b, const void *p, size_t n, bool truncated)
{
	bool text = utf8_valid(p, n);

	if (text && !truncated) {
		jbuf__str(b, p, n);
		return;
	}
	jbuf__puts(b, text ? "{\"str\":" : "{\"base64\":");
	if (text)
		jbuf__str(b, p, n);
	else
		base64(b, p, n);
	jbuf__puts(b, truncated ? ",\"truncated\":true}" : ",\"truncated\":false}");
}

static struct sr_json_frame *top(struct sr_json_pr *j)
{
	return &j->st[j->depth < SR_JSON_DEPTH ? j->depth : SR_JSON_DEPTH - 1];
}

/* Data is written unless a note is printing (notes are text only). */
static bool muted(struct sr_json_pr *j)
{
	int i;

	for (i = 0; i <= j->depth && i < SR_JSON_DEPTH; i++)
		if (j->st[i].note)
			return true;
	return false;
}

/* The argument being printed ends here. */
static void end_arg(struct sr_json_pr *j)
{
	struct sr_json_arg *a;

	if (!j->nargs)
		return;
	a = &j->args[j->nargs - 1];
	a->text_len = j->text_out.len - a->text_off;
	a->val_len = j->val.len - a->val_off;
}

/*
 * Before the strace backend prints an element: at the top, where a new
 * argument's text begins (its separator included, dropped when written).
 */
static void pre(struct sr_json_pr *j)
{
	struct sr_json_frame *fr = top(j);

	if (j->depth || fr->wrap || muted(j))
		return;
	end_arg(j);
	if (j->nargs < SR_JSON_MAXARGS) {
		j->args[j->nargs].text_off = j->text_out.len;
		j->args[j->nargs].val_off = j->val.len;
		j->nargs++;
	}
	j->arg_started = true;
}

/* Before a new element's data: a comma in a container (at the top, a new argument). */
static void elem(struct sr_json_pr *j)
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
		if (fr->box == SR_BOX_STRUCT)
			jbuf__printf(&j->val, "\"_%u\":", fr->count);
		fr->last = j->val.len;
	}
	fr->count++;
}

/* After an element: close a pending {"in": ..., "out": ...}. */
static void done(struct sr_json_pr *j)
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
	jbuf__str(&j->val, name, strlen(name));
	jbuf__puts(&j->val, ",\"args\":[");
}

/* pre() for an element op (a note is no element). */
static void pre_elem(struct sr_json_pr *j)
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
	mute = muted(j) || box == SR_BOX_NOTE;
	if (!mute) {
		elem(j);
		if (box == SR_BOX_STRUCT)
			jbuf__putc(&j->val, '{');
		else if (box == SR_BOX_SET || box == SR_BOX_NEGSET)
			jbuf__printf(&j->val, "{\"negated\":%s,\"set\":[",
				     box == SR_BOX_NEGSET ? "true" : "false");
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
}

static void json_close(struct sr_pr *p)
{
	struct sr_json_pr *j = JSON(p);
	struct sr_json_frame *fr = top(j);
	unsigned char box = fr->box;
	bool note = box == SR_BOX_NOTE;

	TEXT_OP(j, close);
	if (j->depth > 0)
		j->depth--;
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

static void json_field(struct sr_pr *p, const char *name)
{
	struct sr_json_pr *j = JSON(p);
	struct sr_json_frame *fr = top(j);

	TEXT_OP(j, field, name);
	if (muted(j) || j->depth == 0)
		return;
	if (fr->count)
		jbuf__putc(&j->val, ',');
	fr->last = j->val.len;
	jbuf__str(&j->val, name, strlen(name));
	jbuf__putc(&j->val, ':');
	fr->keyed = true;
	fr->last = j->val.len;
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
		jbuf__printf(&j->val, "%lld", (long long)v);
	else
		jbuf__printf(&j->val, "%llu", (unsigned long long)v);
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
	jbuf__str(&j->val, name, strlen(name));
	jbuf__printf(&j->val, ",\"raw\":%lld}", (long long)raw);
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
	jbuf__printf(&j->val, "{\"raw\":%llu,\"flags\":[", (unsigned long long)raw);
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
	jbuf__printf(&j->val, "%llu", (unsigned long long)v);
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

static void json_addr(struct sr_pr *p, uint64_t v)
{
	struct sr_json_pr *j = JSON(p);

	pre_elem(j);
	TEXT_OP(j, addr, v);
	if (muted(j))
		return;
	elem(j);
	if (v)
		jbuf__printf(&j->val, "\"%#llx\"", (unsigned long long)v);
	else
		jbuf__puts(&j->val, "null");
	done(j);
}

static void json_fd(struct sr_pr *p, int fd, const char *annot, size_t annot_len)
{
	struct sr_json_pr *j = JSON(p);

	pre_elem(j);
	TEXT_OP(j, fd, fd, annot, annot_len);
	if (muted(j))
		return;
	elem(j);
	jbuf__printf(&j->val, "{\"fd\":%d", fd);
	if (annot_len) {
		jbuf__puts(&j->val, ",\"desc\":");
		jbuf__bytes(&j->val, annot, annot_len, false);
	}
	jbuf__putc(&j->val, '}');
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
		jbuf__printf(&j->val, "{\"pid\":%lld,\"comm\":", (long long)pid);
		jbuf__bytes(&j->val, comm, strlen(comm), false);
		jbuf__putc(&j->val, '}');
	} else {
		jbuf__printf(&j->val, "%lld", (long long)pid);
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

static const struct sr_pr_ops json_ops = {
	.open = json_open,
	.close = json_close,
	.field = json_field,
	.num = json_num,
	.sym = json_sym,
	.bits_begin = json_bits_begin,
	.bit = json_bit,
	.bits_rest = json_bits_rest,
	.bits_end = json_bits_end,
	.str = json_str,
	.addr = json_addr,
	.fd = json_fd,
	.pid = json_pid,
	.more = json_more,
	.changed = json_changed,
	.comment = json_comment,
	.unknown = json_unknown,
	.bits_or = json_bits_or,
	.artifact = json_artifact,
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
	memset(&j->st[0], 0, sizeof(j->st[0]));
	j->st[0].box = SR_BOX_ARGS;
	j->bits_open = false;
	j->nargs = 0;
	j->arg_started = false;
	text_pr__args_begin(&j->text);
}

/* The text of argument @a, without the ", " the strace backend put before it. */
static void arg_text(struct sr_json_pr *j, const struct sr_json_arg *a, struct sr_jbuf *b)
{
	const char *t = j->text_out.buf + a->text_off;
	size_t n = a->text_len;

	if (n >= 2 && t[0] == ',' && t[1] == ' ') {
		t += 2;
		n -= 2;
	}
	jbuf__bytes(b, t, n, false);
}

static void arg_value(struct sr_json_pr *j, const struct sr_json_arg *a, struct sr_jbuf *b)
{
	if (a->val_len)
		jbuf__put(b, j->val.p + a->val_off, a->val_len);
	else
		jbuf__puts(b, "null");
}

void json_pr__write_args(struct sr_json_pr *j, struct sr_jbuf *b)
{
	int i;

	end_arg(j);
	jbuf__putc(b, '[');
	for (i = 0; i < j->nargs; i++) {
		if (i)
			jbuf__putc(b, ',');
		jbuf__puts(b, "{\"text\":");
		arg_text(j, &j->args[i], b);
		jbuf__puts(b, ",\"value\":");
		arg_value(j, &j->args[i], b);
		jbuf__putc(b, '}');
	}
	jbuf__putc(b, ']');
}

void json_pr__write_one(struct sr_json_pr *j, struct sr_jbuf *b, const char *key)
{
	end_arg(j);
	if (!j->nargs)
		return;
	jbuf__printf(b, ",\"%s\":", key);
	arg_value(j, &j->args[0], b);
	jbuf__printf(b, ",\"%s_text\":", key);
	/* a note after the value (" (flags O_RDWR)") is part of the text */
	j->args[0].text_len = j->text_out.len - j->args[0].text_off;
	arg_text(j, &j->args[0], b);
}
