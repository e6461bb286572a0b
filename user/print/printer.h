/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The printer interface. Decoders describe values: a struct and its fields,
 * an array, a number, a set of flags, a string, an address, an fd. A backend
 * spells them: print/text.c as strace does, a JSON backend as data. Nothing
 * that prints an argument writes punctuation itself; separators (", " in
 * structs, arrays and argument lists, " " in signal sets) are the backend's,
 * which tracks whether an element is the first of its container.
 *
 * A decoder holds a struct sr_fmt (what it prints with and for: options, fd
 * tables, the backend) and calls the pr_*() wrappers below.
 */
#ifndef SYSRAY_PRINT_PRINTER_H
#define SYSRAY_PRINT_PRINTER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Containers. */
enum sr_box {
	SR_BOX_ARGS, /* a syscall's argument list: "a, b" (the line opens it) */
	SR_BOX_STRUCT, /* "{f=v, g=w}" */
	SR_BOX_ARRAY, /* "[a, b]" */
	SR_BOX_SET, /* strace's bit sets: "[CHLD USR1]" */
	SR_BOX_NEGSET, /* a set printed as its complement: "~[RTMIN RT_1]" */
	SR_BOX_CALL, /* a macro-like form: "makedev(0x1, 0x3)", "htons(80)" */
	/*
	 * A note on the value before it, not an element itself: " (SIGUSR1)",
	 * " (flags O_RDWR)" after a return value; elements separated by " ".
	 */
	SR_BOX_NOTE,
	SR_BOX_MAX,
};

/* Number formats. */
enum sr_num {
	SR_NUM_D, /* signed decimal */
	SR_NUM_U, /* unsigned decimal */
	SR_NUM_X, /* "0x1f"; 0 prints as "0" (strace's %#x) */
	SR_NUM_O, /* octal with a leading 0 unless 0, at least 3 digits: 0644, 000 */
};

/* sr_pr_ops.str() flags (the same bits as out__quoted()'s). */
#define SR_Q_NUL_TERM 0x1 /* stop at the first NUL byte */
#define SR_Q_HEX      0x2 /* every byte as \xNN (strace QUOTE_FORCE_HEX) */
#define SR_Q_ELLIPSIS 0x4 /* the data was cut short: append "..." */
/* An abstract unix socket name (the bytes after its leading NUL): strace's @"name". */
#define SR_Q_ABSTRACT 0x8
/*
 * strace's QUOTE_OMIT_TRAILING_0 (xattr values): a NUL in the last place
 * shown is left out, and no "..." follows; in hex (-x, -xx) it is shown.
 */
#define SR_Q_OMIT_NUL 0x10

struct sr_pr;

/*
 * What a backend implements. @p is the backend itself (struct sr_pr is the
 * first member of each backend's state). Every value op (num, sym, bits_*,
 * str, addr, fd, pid, open) is one element of the enclosing container.
 */
struct sr_pr_ops {
	/* Open a container; @name is the macro's name for SR_BOX_CALL. */
	void (*open)(struct sr_pr *p, enum sr_box box, const char *name);
	void (*close)(struct sr_pr *p);
	/* The next element of a struct is field @name ("name="). */
	void (*field)(struct sr_pr *p, const char *name);
	/*
	 * Optional (NULL: nothing to do). The next element of a struct is field
	 * @name, but strace's text names the field inside the value instead of
	 * "name=": inet_pton(AF_INET6, "::1", &sin6_addr). A text backend leaves
	 * it out; a data backend keys the value by @name.
	 */
	void (*field_implicit)(struct sr_pr *p, const char *name);
	/* A number; @width > 0 pads hex with zeros to that many characters ("%#0*x"). */
	void (*num)(struct sr_pr *p, enum sr_num fmt, uint64_t v, int width);
	/* A named constant: "AT_FDCWD", "SIGCHLD", "FUTEX_WAIT"; @raw is its value. */
	void (*sym)(struct sr_pr *p, const char *name, uint64_t raw);
	/* A bit set: bits_begin(raw), then bit() per name, bits_rest() for what no name covers. */
	void (*bits_begin)(struct sr_pr *p, uint64_t raw);
	/* One set flag: @prefix (NULL or e.g. "1<<") and its name. */
	void (*bit)(struct sr_pr *p, const char *prefix, const char *name);
	void (*bits_rest)(struct sr_pr *p, enum sr_num fmt, uint64_t v);
	/*
	 * Optional: in a bit set, a value part no name covers (mmap's
	 * mapping type): its number wherever names show, even first under
	 * -X verbose ("0x5404401f /\* 0xf /\* MAP_??? *\/|MAP_FIXED *\/").
	 * Default: bits_rest.
	 */
	void (*bits_num)(struct sr_pr *p, enum sr_num fmt, uint64_t v);
	void (*bits_end)(struct sr_pr *p);
	/* @n bytes of untrusted @data, at most @max shown; @q: SR_Q_*. */
	void (*str)(struct sr_pr *p, const void *data, size_t n, size_t max, unsigned int q);
	/* A user-space address: "NULL" or hex. */
	void (*addr)(struct sr_pr *p, uint64_t v);
	/*
	 * An fd (AT_FDCWD by name) and what it is (-y): @annot_len bytes of
	 * text as strace prints them after the number, escaped, "<>" included:
	 * "</tmp/x>(deleted)"; none when @annot_len is 0.
	 */
	void (*fd)(struct sr_pr *p, int fd, const char *annot, size_t annot_len);
	/* A pid and, with -Y, the comm of the task (NULL: unknown). */
	void (*pid)(struct sr_pr *p, int64_t pid, const char *comm);
	/* Elements left out: "..." (-s, -v, or more than was captured). */
	void (*more)(struct sr_pr *p);
	/* The value that follows replaces the previous one: " => " (in/out values). */
	void (*changed)(struct sr_pr *p);
	/*
	 * Optional (NULL: the text "+"). The value that follows is added to the
	 * previous one, both one element: strace's "SKF_AD_OFF+SKF_AD_PROTOCOL".
	 */
	void (*plus)(struct sr_pr *p);
	/* A note on the previous element: " /\* text *\/" (a date, an unknown value). */
	void (*comment)(struct sr_pr *p, const char *text);
	/* Something the trace cannot show, such as an unreadable string: "???". */
	void (*unknown)(struct sr_pr *p);
	/*
	 * Inside bits_begin()/bits_end(): strace joins the parts of some
	 * composite sets by hand. With @bar a '|' now, even when nothing
	 * follows ("NL0|...|FF0|" with no c_oflag flag); without, none where
	 * strace leaves it out (semget's "0x100000600": unknown bits, then the
	 * mode). Either way the next part adds no '|' of its own.
	 */
	void (*bits_or)(struct sr_pr *p, bool bar);
	/*
	 * Text strace writes that is neither a value nor a separator (select's
	 * stray "]" in "in [3]], except [5]"): the text backend writes it as
	 * is; a backend of data ignores it.
	 */
	void (*artifact)(struct sr_pr *p, const char *text);
	/*
	 * Optional (NULL: sym(@text, 0)). A value strace spells as text of its
	 * own under every -X style (a UUID "01234567-89ab-..."): the text
	 * backend writes it as is, a backend of data as a string.
	 */
	void (*text)(struct sr_pr *p, const char *text);
	/*
	 * Optional (NULL: sym, bits_begin, comment). What strace's -X raw and
	 * -X verbose need beyond the raw value: the format strace prints that
	 * value in (signals in decimal, file modes in octal; sym and bits_begin
	 * mean hex), and the note an xlat printer adds to a value no name
	 * covers (" /\* O_??? *\/"), which -X raw leaves out.
	 */
	void (*sym_fmt)(struct sr_pr *p, const char *name, uint64_t raw, enum sr_num fmt);
	void (*bits_begin_fmt)(struct sr_pr *p, uint64_t raw, enum sr_num fmt);
	void (*xlat_default)(struct sr_pr *p, const char *text);
	/*
	 * Optional (NULL: bits_begin, nothing). A set strace prints in parts,
	 * each from its own xlat (socket's type|flags, statx's sync type|AT_*
	 * flags): under -X raw and verbose each part has its own number,
	 * "0x1 /\* SOCK_STREAM *\/|0x80000 /\* SOCK_CLOEXEC *\/". bits_parts()
	 * opens the set (@raw: the whole value), bits_part() starts a part.
	 */
	void (*bits_parts)(struct sr_pr *p, uint64_t raw);
	void (*bits_part)(struct sr_pr *p, uint64_t raw);
	/* Optional (NULL: bits_part): a part that is one value (printxval's): "0" under -X raw too. */
	void (*bits_part_xval)(struct sr_pr *p, uint64_t raw);
	/*
	 * Optional (NULL: bit "N<<NAME"). In a bit set, @count shifted by the
	 * constant @name of value @shift: "21<<SHM_HUGE_SHIFT"; in a set in
	 * parts its own part, "21<<26" under -X raw.
	 */
	void (*bits_shift)(struct sr_pr *p, uint64_t count, const char *name, uint64_t shift);
	/*
	 * Optional (NULL: bits_rest). In such a set, a part that is a number
	 * alone in every -X style: semget's permissions after its flags,
	 * "0xface1c00 /\* IPC_EXCL|0xface1000 *\/|0125"; outside one, bits_rest.
	 */
	void (*bits_part_num)(struct sr_pr *p, enum sr_num fmt, uint64_t v);
	/*
	 * Optional (NULL: open(SR_BOX_CALL)). A form strace spells from a raw
	 * value (makedev(major, minor) of a dev_t): under -X raw the number
	 * alone (return false: no parts follow, no close), under -X verbose the
	 * number, then the form in a comment.
	 */
	bool (*call_raw)(struct sr_pr *p, const char *name, uint64_t raw);
	/*
	 * Optional (NULL: open(SR_BOX_CALL)). The same with the number in @fmt
	 * and, with @keep_style, the form's constants in the -X style of the
	 * rest (strace's ioprio: "8191 /\* IOPRIO_PRIO_VALUE(0 /\*
	 * IOPRIO_CLASS_NONE *\/, 8191) *\/"; quotactl's QCMD() has names alone).
	 */
	bool (*call_raw_fmt)(struct sr_pr *p, const char *name, uint64_t raw, enum sr_num fmt,
			     bool keep_style);
	/*
	 * Optional (NULL: field(@name)). The next element of a struct starts
	 * with a note and has no name: the bytes past the fields strace knows,
	 * "/\* bytes 24..31 *\/ \"\\x80\"". A data backend keys it by @name.
	 */
	void (*lead_note)(struct sr_pr *p, const char *name, const char *text);
	/*
	 * Optional (NULL: nothing). The next element of the argument list is
	 * argument @name: strace 6.16's -N prints "name=" before it (a text
	 * backend does when -N asks), a data backend keys the argument by it.
	 */
	void (*arg)(struct sr_pr *p, const char *name);
	/*
	 * Optional (NULL: str() of the one byte). A character constant, as
	 * strace's print_char() spells one: 'A', '\'', '\xfa'.
	 */
	void (*chr)(struct sr_pr *p, uint8_t c);
	/* Optional (NULL: two numbers). A fraction, one element: strace's "30/1". */
	void (*fract)(struct sr_pr *p, uint32_t num, uint32_t den);
};

struct sr_pr {
	const struct sr_pr_ops *ops;
};

struct sr_opts;
struct sr_fdtab;
struct sr_out;
struct sr_call;

/*
 * The comm of task @pid as it was at kernel time @when (CLOCK_MONOTONIC ns;
 * UINT64_MAX: now), or NULL: strace -Y names a process while it exists, a
 * zombie included.
 */
typedef const char *sr_comm_fn(void *ctx, uint32_t pid, uint64_t when);

/*
 * --decode-pids=pidns (and -Y): @id, an id of kind @kind (enum sr_pidkind,
 * host/pidns.h) as task @tid sees it, in sysray's pid namespace; 0 if it
 * cannot be translated; a negative @kind: learn @tid's namespace while it
 * lives, SR_PIDNS_GONE: it exited at @when (the value printed as of @when,
 * the kernel time of what is printed).
 */
typedef int32_t sr_pidns_fn(void *ctx, uint32_t tid, int32_t id, int kind, uint64_t when);

/* What a decoder prints with and for. */
struct sr_fmt {
	struct sr_pr *pr; /* the backend */
	const struct sr_opts *opts; /* NULL: defaults (-s 32, no -v) */
	struct sr_fdtab *fds; /* NULL: no fd annotation */
	/* -Y: the name of a traced task, or NULL (then pids print bare) */
	sr_comm_fn *comm_of;
	void *comm_ctx;
	/* pids of a task in another pid namespace: translated to sysray's, or NULL */
	sr_pidns_fn *pidns_of;
	void *pidns_ctx;
	bool pidns_note; /* --decode-pids=pidns: "5 /\* 1234 in strace's PID NS *\/" */
	uint32_t tid; /* without a call (a signal's line): the task whose values print */
	/* the kernel time of what is being printed: a call's entry, or its exit */
	uint64_t when;
	/* the call being printed, or NULL: -e abbrev= and -e verbose= are per syscall */
	const struct sr_call *call;
};

static inline void pr_struct_begin(struct sr_fmt *f)
{
	f->pr->ops->open(f->pr, SR_BOX_STRUCT, NULL);
}

static inline void pr_array_begin(struct sr_fmt *f)
{
	f->pr->ops->open(f->pr, SR_BOX_ARRAY, NULL);
}

static inline void pr_set_begin(struct sr_fmt *f, bool negated)
{
	f->pr->ops->open(f->pr, negated ? SR_BOX_NEGSET : SR_BOX_SET, NULL);
}

static inline void pr_call_begin(struct sr_fmt *f, const char *name)
{
	f->pr->ops->open(f->pr, SR_BOX_CALL, name);
}

static inline void pr_note_begin(struct sr_fmt *f)
{
	f->pr->ops->open(f->pr, SR_BOX_NOTE, NULL);
}

/* Ends whichever container is open: struct, array, set, call or note. */
static inline void pr_end(struct sr_fmt *f)
{
	f->pr->ops->close(f->pr);
}

#define pr_struct_end(f) pr_end(f)
#define pr_array_end(f)	 pr_end(f)
#define pr_set_end(f)	 pr_end(f)
#define pr_call_end(f)	 pr_end(f)
#define pr_note_end(f)	 pr_end(f)

/*
 * The next element of a struct is field @name; in a note, a labelled part of
 * it ("left {tv_sec=0, tv_nsec=0}", "flags O_RDWR"), after ", " unless first.
 */
static inline void pr_field(struct sr_fmt *f, const char *name)
{
	f->pr->ops->field(f->pr, name);
}

/*
 * The next element of a struct is field @name, which its value names in
 * strace's text itself (the "&sin6_addr" of inet_pton(AF_INET6, "::1",
 * &sin6_addr)): no "name=" is printed.
 */
static inline void pr_field_implicit(struct sr_fmt *f, const char *name)
{
	if (f->pr->ops->field_implicit)
		f->pr->ops->field_implicit(f->pr, name);
}

static inline void pr_num(struct sr_fmt *f, enum sr_num fmt, uint64_t v)
{
	f->pr->ops->num(f->pr, fmt, v, 0);
}

static inline void pr_d(struct sr_fmt *f, int64_t v)
{
	f->pr->ops->num(f->pr, SR_NUM_D, (uint64_t)v, 0);
}

static inline void pr_u(struct sr_fmt *f, uint64_t v)
{
	f->pr->ops->num(f->pr, SR_NUM_U, v, 0);
}

static inline void pr_x(struct sr_fmt *f, uint64_t v)
{
	f->pr->ops->num(f->pr, SR_NUM_X, v, 0);
}

/* Hex zero-padded to @width characters, "0x" included, as printf's "%#0*x". */
static inline void pr_xw(struct sr_fmt *f, uint64_t v, int width)
{
	f->pr->ops->num(f->pr, SR_NUM_X, v, width);
}

static inline void pr_sym(struct sr_fmt *f, const char *name, uint64_t raw)
{
	f->pr->ops->sym(f->pr, name, raw);
}

/* A named constant whose number strace prints in @fmt under -X raw/verbose: signals in decimal. */
static inline void pr_sym_fmt(struct sr_fmt *f, const char *name, uint64_t raw, enum sr_num fmt)
{
	if (f->pr->ops->sym_fmt)
		f->pr->ops->sym_fmt(f->pr, name, raw, fmt);
	else
		f->pr->ops->sym(f->pr, name, raw);
}

static inline void pr_str(struct sr_fmt *f, const void *data, size_t n, size_t max, unsigned int q)
{
	f->pr->ops->str(f->pr, data, n, max, q);
}

/* A character constant of the tracee's: 'A', '\xfa' (escaped by the backend). */
static inline void pr_char(struct sr_fmt *f, uint8_t c)
{
	if (f->pr->ops->chr)
		f->pr->ops->chr(f->pr, c);
	else
		f->pr->ops->str(f->pr, &c, 1, 1, 0);
}

static inline void pr_addr(struct sr_fmt *f, uint64_t v)
{
	f->pr->ops->addr(f->pr, v);
}

static inline void pr_more(struct sr_fmt *f)
{
	f->pr->ops->more(f->pr);
}

static inline void pr_changed(struct sr_fmt *f)
{
	f->pr->ops->changed(f->pr);
}

/* The value that follows is added to the previous one: "SKF_NET_OFF+8". */
static inline void pr_plus(struct sr_fmt *f)
{
	if (f->pr->ops->plus)
		f->pr->ops->plus(f->pr);
	else
		f->pr->ops->artifact(f->pr, "+");
}

/* A fraction: @num/@den, one element. */
static inline void pr_fract(struct sr_fmt *f, uint32_t num, uint32_t den)
{
	if (f->pr->ops->fract) {
		f->pr->ops->fract(f->pr, num, den);
		return;
	}
	f->pr->ops->num(f->pr, SR_NUM_U, num, 0);
	f->pr->ops->num(f->pr, SR_NUM_U, den, 0);
}

static inline void pr_comment(struct sr_fmt *f, const char *text)
{
	f->pr->ops->comment(f->pr, text);
}

static inline void pr_unknown(struct sr_fmt *f)
{
	f->pr->ops->unknown(f->pr);
}

/* A bit set spelled piece by piece: begin, then names and the rest, then end. */
static inline void pr_bits_begin(struct sr_fmt *f, uint64_t raw)
{
	f->pr->ops->bits_begin(f->pr, raw);
}

/* A bit set whose number strace prints in @fmt under -X raw/verbose: modes in octal. */
static inline void pr_bits_begin_fmt(struct sr_fmt *f, uint64_t raw, enum sr_num fmt)
{
	if (f->pr->ops->bits_begin_fmt)
		f->pr->ops->bits_begin_fmt(f->pr, raw, fmt);
	else
		f->pr->ops->bits_begin(f->pr, raw);
}

/* The note on a value no name of its table covers: " /\* O_??? *\/" (none under -X raw). */
static inline void pr_xlat_default(struct sr_fmt *f, const char *text)
{
	if (!text || !*text) /* a table with "#unknown -": no note */
		return;
	if (f->pr->ops->xlat_default)
		f->pr->ops->xlat_default(f->pr, text);
	else
		f->pr->ops->comment(f->pr, text);
}

/* A set printed in parts (see sr_pr_ops.bits_parts): open it; pr_bits_part() before each part. */
static inline void pr_bits_parts_begin(struct sr_fmt *f, uint64_t raw)
{
	if (f->pr->ops->bits_parts)
		f->pr->ops->bits_parts(f->pr, raw);
	else
		f->pr->ops->bits_begin(f->pr, raw);
}

/* The next part of such a set, whose own value is @raw. */
static inline void pr_bits_part(struct sr_fmt *f, uint64_t raw)
{
	if (f->pr->ops->bits_part)
		f->pr->ops->bits_part(f->pr, raw);
}

/* The next part of such a set that is one value (personality's domain: "0" under -X raw). */
static inline void pr_bits_part_xval(struct sr_fmt *f, uint64_t raw)
{
	if (f->pr->ops->bits_part_xval)
		f->pr->ops->bits_part_xval(f->pr, raw);
	else
		pr_bits_part(f, raw);
}

/* In a bit set, @count<<@name (see sr_pr_ops.bits_shift). */
static inline void pr_bits_shift(struct sr_fmt *f, uint64_t count, const char *name, uint64_t shift)
{
	char prefix[24];

	if (f->pr->ops->bits_shift) {
		f->pr->ops->bits_shift(f->pr, count, name, shift);
		return;
	}
	snprintf(prefix, sizeof(prefix), "%llu<<", (unsigned long long)count);
	f->pr->ops->bit(f->pr, prefix, name);
}

/* A part of a set printed in parts that is the number @v alone, in @fmt. */
static inline void pr_bits_part_num(struct sr_fmt *f, enum sr_num fmt, uint64_t v)
{
	if (f->pr->ops->bits_part_num)
		f->pr->ops->bits_part_num(f->pr, fmt, v);
	else
		f->pr->ops->bits_rest(f->pr, fmt, v);
}

/*
 * A form spelled from raw value @raw, "makedev(0x1, 0x3)": true when its
 * parts follow, then pr_call_end(); false when the backend printed the
 * number alone (-X raw).
 */
static inline bool pr_call_raw_begin(struct sr_fmt *f, const char *name, uint64_t raw)
{
	if (f->pr->ops->call_raw)
		return f->pr->ops->call_raw(f->pr, name, raw);
	f->pr->ops->open(f->pr, SR_BOX_CALL, name);
	return true;
}

/* pr_call_raw_begin() with the number in @fmt; @keep_style: the parts' names styled as the rest. */
static inline bool pr_call_raw_begin_fmt(struct sr_fmt *f, const char *name, uint64_t raw,
					 enum sr_num fmt, bool keep_style)
{
	if (f->pr->ops->call_raw_fmt)
		return f->pr->ops->call_raw_fmt(f->pr, name, raw, fmt, keep_style);
	f->pr->ops->open(f->pr, SR_BOX_CALL, name);
	return true;
}

static inline void pr_bit(struct sr_fmt *f, const char *prefix, const char *name)
{
	f->pr->ops->bit(f->pr, prefix, name);
}

static inline void pr_bits_rest(struct sr_fmt *f, enum sr_num fmt, uint64_t v)
{
	f->pr->ops->bits_rest(f->pr, fmt, v);
}

/* The next struct element, unnamed, after note @text ("bytes 24..31"); @name for data. */
static inline void pr_field_note(struct sr_fmt *f, const char *name, const char *text)
{
	if (f->pr->ops->lead_note)
		f->pr->ops->lead_note(f->pr, name, text);
	else
		f->pr->ops->field(f->pr, name);
}

/* The next value is the argument named @name (-N's "fd="); "" or NULL: unnamed. */
static inline void pr_arg(struct sr_fmt *f, const char *name)
{
	if (name && *name && f->pr->ops->arg)
		f->pr->ops->arg(f->pr, name);
}

static inline void pr_bits_end(struct sr_fmt *f)
{
	f->pr->ops->bits_end(f->pr);
}

/* Struct fields: the name, then the value. */
static inline void pr_field_d(struct sr_fmt *f, const char *name, int64_t v)
{
	pr_field(f, name);
	pr_d(f, v);
}

static inline void pr_field_u(struct sr_fmt *f, const char *name, uint64_t v)
{
	pr_field(f, name);
	pr_u(f, v);
}

static inline void pr_field_x(struct sr_fmt *f, const char *name, uint64_t v)
{
	pr_field(f, name);
	pr_x(f, v);
}

static inline void pr_field_addr(struct sr_fmt *f, const char *name, uint64_t v)
{
	pr_field(f, name);
	pr_addr(f, v);
}

/* A uid or gid: (uid_t)-1 prints as -1. */
static inline void pr_id(struct sr_fmt *f, uint32_t v)
{
	if (v == (uint32_t)-1)
		pr_d(f, -1);
	else
		pr_u(f, v);
}

static inline void pr_field_id(struct sr_fmt *f, const char *name, uint32_t v)
{
	pr_field(f, name);
	pr_id(f, v);
}

/* Inside pr_bits_begin()/pr_bits_end(): strace's '|' written by hand (see sr_pr_ops). */
static inline void pr_bits_or(struct sr_fmt *f)
{
	f->pr->ops->bits_or(f->pr, true);
}

/* Inside pr_bits_begin()/pr_bits_end(): the next part follows with no '|' (see sr_pr_ops). */
static inline void pr_bits_glue(struct sr_fmt *f)
{
	f->pr->ops->bits_or(f->pr, false);
}

/* strace's text that is no value (see sr_pr_ops.artifact). */
static inline void pr_artifact(struct sr_fmt *f, const char *text)
{
	f->pr->ops->artifact(f->pr, text);
}

/* A value spelled as text under every -X style (see sr_pr_ops.text). */
static inline void pr_text(struct sr_fmt *f, const char *text)
{
	if (f->pr->ops->text)
		f->pr->ops->text(f->pr, text);
	else
		f->pr->ops->sym(f->pr, text, 0);
}

#endif /* SYSRAY_PRINT_PRINTER_H */
