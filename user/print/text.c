// SPDX-License-Identifier: GPL-2.0
/*
 * The strace backend: separators by container, numbers, flags joined by '|',
 * strings with strace's escapes, fd and pid annotations.
 */
#include <fcntl.h>
#include <inttypes.h>
#include <string.h>

#include "cli/opts.h"
#include "print/text.h"

#define TEXT(p) ((struct sr_text_pr *)(p))

static const char *const openers[SR_BOX_MAX] = {
	[SR_BOX_ARGS] = "",	[SR_BOX_STRUCT] = "{", [SR_BOX_ARRAY] = "[", [SR_BOX_SET] = "[",
	[SR_BOX_NEGSET] = "~[", [SR_BOX_CALL] = "(",   [SR_BOX_NOTE] = " (",
};

static const char closers[SR_BOX_MAX] = {
	[SR_BOX_ARGS] = 0,     [SR_BOX_STRUCT] = '}', [SR_BOX_ARRAY] = ']', [SR_BOX_SET] = ']',
	[SR_BOX_NEGSET] = ']', [SR_BOX_CALL] = ')',   [SR_BOX_NOTE] = ')',
};

/* Containers whose elements are separated by a space, not ", ". */
static bool spaced(unsigned char box)
{
	return box == SR_BOX_SET || box == SR_BOX_NEGSET || box == SR_BOX_NOTE;
}

static struct sr_text_frame *frame(struct sr_text_pr *t)
{
	return &t->st[t->depth < SR_TEXT_DEPTH ? t->depth : SR_TEXT_DEPTH - 1];
}

/* Before an element of the current container: its separator, unless it is the first. */
static void elem(struct sr_text_pr *t)
{
	struct sr_text_frame *fr = frame(t);

	t->raw_value = false;
	if (t->no_sep) {
		t->no_sep = false;
		fr->first = false;
		return;
	}
	if (!fr->first) {
		if (spaced(fr->box))
			out__putc(t->out, ' ');
		else
			out__puts(t->out, ", ");
	}
	fr->first = false;
}

static void text_open(struct sr_pr *p, enum sr_box box, const char *name)
{
	struct sr_text_pr *t = TEXT(p);
	struct sr_text_frame *fr;

	if (box >= SR_BOX_MAX)
		box = SR_BOX_STRUCT;
	/* a note belongs to the value before it */
	if (box != SR_BOX_NOTE)
		elem(t);
	if (box == SR_BOX_CALL && name)
		out__puts(t->out, name);
	out__puts(t->out, openers[box]);
	t->depth++;
	fr = frame(t);
	fr->box = box;
	fr->first = true;
	fr->comment = false;
	fr->quiet_defaults = false;
}

static void text_close(struct sr_pr *p)
{
	struct sr_text_pr *t = TEXT(p);
	char c = closers[frame(t)->box];

	if (c)
		out__putc(t->out, c);
	if (frame(t)->comment) {
		out__puts(t->out, " */");
		t->xlat_style = SR_XLAT_VERBOSE;
	}
	if (t->depth > 0)
		t->depth--;
	t->no_sep = false;
}

static void text_field(struct sr_pr *p, const char *name)
{
	struct sr_text_pr *t = TEXT(p);
	struct sr_text_frame *fr = frame(t);

	/* a note's parts: "in [3], left {...}", "flags O_RDWR" */
	if (fr->box == SR_BOX_NOTE) {
		if (!fr->first)
			out__puts(t->out, ", ");
		fr->first = false;
		out__puts(t->out, name);
		out__putc(t->out, ' ');
		t->no_sep = true;
		return;
	}
	elem(t);
	out__puts(t->out, name);
	out__putc(t->out, '=');
	t->no_sep = true;
}

static void put_num(struct sr_out *o, enum sr_num fmt, uint64_t v, int width)
{
	switch (fmt) {
	case SR_NUM_D:
		out__dec(o, (int64_t)v);
		break;
	case SR_NUM_U:
		out__udec(o, v);
		break;
	case SR_NUM_X:
		if (width > 0)
			out__printf(o, "%#0*llx", width, (unsigned long long)v);
		else
			out__hex(o, v);
		break;
	case SR_NUM_O:
		out__oct_alt(o, v, 3);
		break;
	}
}

static void text_num(struct sr_pr *p, enum sr_num fmt, uint64_t v, int width)
{
	struct sr_text_pr *t = TEXT(p);

	elem(t);
	put_num(t->out, fmt, v, width);
}

/*
 * A named constant, as strace's print_xlat_ex() spells it: the name; with
 * -X raw its number in @fmt; with -X verbose the number, then the name in a
 * comment.
 */
static void text_sym_fmt(struct sr_pr *p, const char *name, uint64_t raw, enum sr_num fmt)
{
	struct sr_text_pr *t = TEXT(p);

	elem(t);
	if (t->xlat_style == SR_XLAT_ABBREV) {
		out__puts(t->out, name);
		return;
	}
	put_num(t->out, fmt, raw, 0);
	if (t->xlat_style == SR_XLAT_VERBOSE) {
		out__puts(t->out, " /* ");
		out__puts(t->out, name);
		out__puts(t->out, " */");
	}
	t->raw_value = true;
}

static void text_sym(struct sr_pr *p, const char *name, uint64_t raw)
{
	text_sym_fmt(p, name, raw, SR_NUM_X);
}

/*
 * A bit set, as strace's printflags_ex() spells it: the names joined by
 * '|'; with -X raw the number alone; with -X verbose the number, then the
 * names in a comment (opened by the first name).
 */
static void text_bits_begin_fmt(struct sr_pr *p, uint64_t raw, enum sr_num fmt)
{
	struct sr_text_pr *t = TEXT(p);

	elem(t);
	t->bits_any = false;
	t->bits_quiet = false;
	t->bits_num = false;
	t->bits_open = false;
	if (t->xlat_style == SR_XLAT_ABBREV)
		return;
	/* a name for 0 prints "0 /\* NAME *\/": its 0 comes with the name */
	if (raw || t->xlat_style == SR_XLAT_RAW) {
		put_num(t->out, fmt, raw, 0);
		t->bits_num = true;
	}
	t->bits_quiet = t->xlat_style == SR_XLAT_RAW;
	t->raw_value = true;
}

static void text_bits_begin(struct sr_pr *p, uint64_t raw)
{
	text_bits_begin_fmt(p, raw, SR_NUM_X);
}

/* Before a part of a set: '|' after the first; -X verbose opens the comment first. */
static bool bits_part(struct sr_text_pr *t)
{
	if (t->bits_quiet)
		return false;
	if (t->xlat_style == SR_XLAT_VERBOSE && !t->bits_open) {
		out__puts(t->out, t->bits_num ? " /* " : "0 /* ");
		t->bits_open = true;
	} else if (t->bits_any) {
		out__putc(t->out, '|');
	}
	t->bits_any = true;
	return true;
}

static void text_bit(struct sr_pr *p, const char *prefix, const char *name)
{
	struct sr_text_pr *t = TEXT(p);

	if (!bits_part(t))
		return;
	if (prefix)
		out__puts(t->out, prefix);
	out__puts(t->out, name);
}

static void text_bits_rest(struct sr_pr *p, enum sr_num fmt, uint64_t v)
{
	struct sr_text_pr *t = TEXT(p);

	/* -X verbose: bits no name covers are in the number already, unless names came */
	if (t->xlat_style == SR_XLAT_VERBOSE && !t->bits_open)
		return;
	if (!bits_part(t))
		return;
	put_num(t->out, fmt, v, 0);
}

/* A value part no name covers: its number, inside -X verbose's comment too (mmap's type). */
static void text_bits_num(struct sr_pr *p, enum sr_num fmt, uint64_t v)
{
	struct sr_text_pr *t = TEXT(p);

	/* a set in parts (personality's domain) has its number already */
	if (t->bits_parts) {
		text_bits_rest(p, fmt, v);
		return;
	}
	if (!bits_part(t))
		return;
	put_num(t->out, fmt, v, 0);
}

static void text_bits_end(struct sr_pr *p)
{
	struct sr_text_pr *t = TEXT(p);

	if (t->bits_open)
		out__puts(t->out, " */");
	t->bits_any = false;
	t->bits_quiet = false;
	t->bits_open = false;
	t->bits_parts = false;
}

/* A set printed in parts: under -X raw and verbose, nothing until the first part. */
static void text_bits_parts(struct sr_pr *p, uint64_t raw)
{
	struct sr_text_pr *t = TEXT(p);

	if (t->xlat_style == SR_XLAT_ABBREV) {
		text_bits_begin(p, raw);
		return;
	}
	elem(t);
	t->bits_any = false;
	t->bits_quiet = false;
	t->bits_num = false;
	t->bits_open = false;
	t->bits_parts = true;
	t->bits_nparts = 0;
	t->raw_value = true;
}

/*
 * A part: its own number (none for 0: a name for 0 brings it, as strace's
 * xlat printers do; but 0 under -X raw when @xval, as printxval() prints
 * it), after a '|' when a part began before.
 */
static void bits_part_num0(struct sr_pr *p, uint64_t raw, bool xval)
{
	struct sr_text_pr *t = TEXT(p);
	bool raw_zero = false;

	if (!t->bits_parts)
		return;
	if (t->bits_open)
		out__puts(t->out, " */");
	t->bits_open = false;
	t->bits_any = false;
	t->bits_num = false;
	if (!raw && xval && t->xlat_style == SR_XLAT_RAW)
		raw_zero = true;
	/* under -X verbose a 0 that is one value comes with its name, "0 /\* BPF_W *\/": '|' first */
	if (t->bits_nparts++ && (raw || raw_zero || (xval && t->xlat_style == SR_XLAT_VERBOSE)))
		out__putc(t->out, '|');
	if (raw || raw_zero) {
		put_num(t->out, SR_NUM_X, raw, 0);
		t->bits_num = true;
	}
	t->bits_quiet = t->xlat_style == SR_XLAT_RAW;
}

static void text_bits_part(struct sr_pr *p, uint64_t raw)
{
	bits_part_num0(p, raw, false);
}

static void text_bits_part_xval(struct sr_pr *p, uint64_t raw)
{
	bits_part_num0(p, raw, true);
}

/* A numeric part of a set in parts: the open comment closed, then '|' after another part. */
static void numeric_part_begin(struct sr_text_pr *t)
{
	if (t->bits_open)
		out__puts(t->out, " */");
	t->bits_open = false;
	if (t->bits_nparts++)
		out__putc(t->out, '|');
}

/*
 * "21<<SHM_HUGE_SHIFT": @count shifted by the constant @name (@shift); in
 * a set in parts (-X raw, verbose) a part of its own, "21<<26" and
 * "21<<26 /\* SHM_HUGE_SHIFT *\/", as strace's print_xlat_u() spells it.
 */
static void text_bits_shift(struct sr_pr *p, uint64_t count, const char *name, uint64_t shift)
{
	struct sr_text_pr *t = TEXT(p);
	char buf[48];

	if (!t->bits_parts) {
		snprintf(buf, sizeof(buf), "%" PRIu64 "<<", count);
		text_bit(p, buf, name);
		return;
	}
	numeric_part_begin(t);
	snprintf(buf, sizeof(buf), "%" PRIu64 "<<%" PRIu64, count, shift);
	out__puts(t->out, buf);
	if (t->xlat_style == SR_XLAT_VERBOSE) {
		out__puts(t->out, " /* ");
		out__puts(t->out, name);
		out__puts(t->out, " */");
	}
	t->bits_num = true;
	t->bits_quiet = true;
}

/* A part that is a number in every style; outside a set in parts, the bits' rest. */
static void text_bits_part_num(struct sr_pr *p, enum sr_num fmt, uint64_t v)
{
	struct sr_text_pr *t = TEXT(p);

	if (!t->bits_parts) {
		text_bits_rest(p, fmt, v);
		return;
	}
	numeric_part_begin(t);
	put_num(t->out, fmt, v, 0);
	t->bits_num = true;
	t->bits_quiet = true;
}

/*
 * makedev(): the number in @fmt; -X verbose adds the form in a comment,
 * closed by close(), whose own constants are names alone unless @keep_style.
 */
static bool call_raw(struct sr_pr *p, const char *name, uint64_t raw, enum sr_num fmt,
		     bool keep_style, bool quiet_defaults)
{
	struct sr_text_pr *t = TEXT(p);

	if (t->xlat_style == SR_XLAT_ABBREV) {
		text_open(p, SR_BOX_CALL, name);
		return true;
	}
	elem(t);
	put_num(t->out, fmt, raw, 0);
	t->raw_value = true;
	if (t->xlat_style == SR_XLAT_RAW)
		return false;
	out__puts(t->out, " /* ");
	t->no_sep = true;
	text_open(p, SR_BOX_CALL, name);
	frame(t)->comment = true;
	frame(t)->quiet_defaults = quiet_defaults;
	if (!keep_style)
		t->xlat_style = SR_XLAT_ABBREV;
	return true;
}

/* as strace spells _IOC(_IOC_READ, ...): hex, names alone, no "???" notes in the comment */
static bool text_call_raw(struct sr_pr *p, const char *name, uint64_t raw)
{
	return call_raw(p, name, raw, SR_NUM_X, false, true);
}

/* strace's ioprio (@keep_style) and quotactl's QCMD() (names alone) */
static bool text_call_raw_fmt(struct sr_pr *p, const char *name, uint64_t raw, enum sr_num fmt,
			      bool keep_style)
{
	return call_raw(p, name, raw, fmt, keep_style, false);
}

/*
 * Inside a form printed in a comment whose unnamed values take no note
 * (-X verbose's "/\* EVIOCGABS(0xe) *\/"; QCMD() and IOPRIO_PRIO_VALUE()
 * keep theirs).
 */
static bool in_quiet_comment(const struct sr_text_pr *t)
{
	int d;

	for (d = 0; d <= t->depth && d < SR_TEXT_DEPTH; d++)
		if (t->st[d].comment && t->st[d].quiet_defaults)
			return true;
	return false;
}

/*
 * strace's default note on a value no name covers: none under -X raw, nor
 * inside an ioctl request's comment (strace prints its constants there with
 * no default text).
 */
static void text_xlat_default(struct sr_pr *p, const char *text)
{
	struct sr_text_pr *t = TEXT(p);

	if (t->xlat_style == SR_XLAT_RAW || in_quiet_comment(t))
		return;
	out__puts(t->out, " /* ");
	out__puts(t->out, text);
	out__puts(t->out, " */");
}

static void text_str(struct sr_pr *p, const void *data, size_t n, size_t max, unsigned int q)
{
	struct sr_text_pr *t = TEXT(p);

	elem(t);
	if (q & SR_Q_ABSTRACT)
		out__putc(t->out, '@');
	out__quoted(t->out, data, n, max, q & ~SR_Q_ABSTRACT);
}

/* strace's print_char(c, SCF_QUOTES): printable ASCII, '\\' before ' and \\, else \\xNN */
static void text_chr(struct sr_pr *p, uint8_t c)
{
	struct sr_text_pr *t = TEXT(p);
	char buf[8];

	elem(t);
	if (c >= ' ' && c < 0x7f)
		snprintf(buf, sizeof(buf), c == '\'' || c == '\\' ? "'\\%c'" : "'%c'", c);
	else
		snprintf(buf, sizeof(buf), "'\\x%02x'", c);
	out__puts(t->out, buf);
}

static void text_addr(struct sr_pr *p, uint64_t v)
{
	struct sr_text_pr *t = TEXT(p);

	elem(t);
	if (v)
		out__hex(t->out, v);
	else
		out__puts(t->out, "NULL");
}

static void text_fd(struct sr_pr *p, int fd, const char *annot, size_t annot_len)
{
	struct sr_text_pr *t = TEXT(p);

	if (fd == AT_FDCWD)
		text_sym_fmt(p, "AT_FDCWD", (uint64_t)(int64_t)fd, SR_NUM_D);
	else {
		elem(t);
		out__dec(t->out, fd);
	}
	out__write(t->out, annot, annot_len);
}

static void text_pid(struct sr_pr *p, int64_t pid, const char *comm)
{
	struct sr_text_pr *t = TEXT(p);

	elem(t);
	out__dec(t->out, pid);
	if (!comm)
		return;
	out__putc(t->out, '<');
	out__escaped_annot(t->out, comm, strlen(comm));
	out__putc(t->out, '>');
}

static void text_more(struct sr_pr *p)
{
	struct sr_text_pr *t = TEXT(p);

	elem(t);
	out__puts(t->out, "...");
}

static void text_changed(struct sr_pr *p)
{
	struct sr_text_pr *t = TEXT(p);

	out__puts(t->out, " => ");
	t->no_sep = true;
}

static void text_plus(struct sr_pr *p)
{
	struct sr_text_pr *t = TEXT(p);

	out__putc(t->out, '+');
	t->no_sep = true;
}

static void text_fract(struct sr_pr *p, uint32_t num, uint32_t den)
{
	struct sr_text_pr *t = TEXT(p);

	elem(t);
	put_num(t->out, SR_NUM_U, num, 0);
	out__putc(t->out, '/');
	put_num(t->out, SR_NUM_U, den, 0);
}

static void text_comment(struct sr_pr *p, const char *text)
{
	struct sr_text_pr *t = TEXT(p);

	out__puts(t->out, " /* ");
	out__puts(t->out, text);
	out__puts(t->out, " */");
}

static void text_unknown(struct sr_pr *p)
{
	struct sr_text_pr *t = TEXT(p);

	elem(t);
	out__puts(t->out, "???");
}

/* strace's hand-made '|' (@bar), or none: the next piece of the set adds no '|' of its own. */
static void text_bits_or(struct sr_pr *p, bool bar)
{
	struct sr_text_pr *t = TEXT(p);

	if (t->bits_quiet)
		return;
	if (bar)
		out__putc(t->out, '|');
	t->bits_any = false;
}

static void text_artifact(struct sr_pr *p, const char *text)
{
	out__puts(TEXT(p)->out, text);
}

static void text_text(struct sr_pr *p, const char *text)
{
	struct sr_text_pr *t = TEXT(p);

	elem(t);
	out__puts(t->out, text);
}

static void text_arg(struct sr_pr *p, const char *name)
{
	struct sr_text_pr *t = TEXT(p);

	/* only an argument of the list: a decoder's inner values have their own names */
	if (t->arg_names && t->depth == 0)
		text_field(p, name);
}

static void text_lead_note(struct sr_pr *p, const char *name, const char *text)
{
	struct sr_text_pr *t = TEXT(p);

	(void)name;
	elem(t);
	out__puts(t->out, "/* ");
	out__puts(t->out, text);
	out__puts(t->out, " */ ");
	t->no_sep = true;
}

static const struct sr_pr_ops text_ops = {
	.open = text_open,
	.close = text_close,
	.field = text_field,
	.num = text_num,
	.sym = text_sym,
	.bits_begin = text_bits_begin,
	.bit = text_bit,
	.bits_rest = text_bits_rest,
	.bits_num = text_bits_num,
	.bits_end = text_bits_end,
	.str = text_str,
	.chr = text_chr,
	.addr = text_addr,
	.fd = text_fd,
	.pid = text_pid,
	.more = text_more,
	.changed = text_changed,
	.plus = text_plus,
	.fract = text_fract,
	.comment = text_comment,
	.unknown = text_unknown,
	.bits_or = text_bits_or,
	.artifact = text_artifact,
	.text = text_text,
	.sym_fmt = text_sym_fmt,
	.bits_begin_fmt = text_bits_begin_fmt,
	.xlat_default = text_xlat_default,
	.bits_parts = text_bits_parts,
	.bits_part = text_bits_part,
	.bits_part_xval = text_bits_part_xval,
	.bits_shift = text_bits_shift,
	.bits_part_num = text_bits_part_num,
	.call_raw = text_call_raw,
	.call_raw_fmt = text_call_raw_fmt,
	.lead_note = text_lead_note,
	.arg = text_arg,
};

void text_pr__args_begin(struct sr_text_pr *t)
{
	t->depth = 0;
	t->no_sep = false;
	t->bits_any = false;
	t->st[0].box = SR_BOX_ARGS;
	t->st[0].first = true;
	t->st[0].comment = false;
}

bool text_pr__args_empty(const struct sr_text_pr *t)
{
	return t->st[0].first;
}

void text_pr__init(struct sr_text_pr *t, struct sr_out *out)
{
	memset(t, 0, sizeof(*t));
	t->base.ops = &text_ops;
	t->out = out;
	text_pr__args_begin(t);
}

void text_pr__set_style(struct sr_text_pr *t, int style)
{
	t->xlat_style = (unsigned char)style;
}

void text_pr__set_arg_names(struct sr_text_pr *t, bool on)
{
	t->arg_names = on;
}

void text_pr__args_continue(struct sr_text_pr *t)
{
	t->st[0].first = false;
}
