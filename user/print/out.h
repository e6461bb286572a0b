/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Buffered text output with column tracking, hand-written number formatting
 * and strace-compatible string quoting. One struct sr_out per destination.
 */
#ifndef SYSRAY_OUT_H
#define SYSRAY_OUT_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "print/printer.h"

struct sr_out {
	int fd; /* destination; owned when owns_fd */
	bool owns_fd;
	bool line_buffered; /* flush at every line end (a terminal) */
	char *buf;
	size_t len;
	size_t cap;
	/* buf offset where the current line starts; negative once flushed mid-line */
	long line_start;
	int err; /* first write error, as -errno */
	uint8_t hexstr; /* -x: enum sr_hexstr (cli/opts.h), for out__quoted() and out__escaped() */
};

/**
 * out__init_fd() - write to an already open fd (not closed by out__close()).
 */
int out__init_fd(struct sr_out *o, int fd);

/** out__init_fd_cap() - out__init_fd() with a buffer of @cap bytes (at least 64). */
int out__init_fd_cap(struct sr_out *o, int fd, size_t cap);

/**
 * out__open() - create (mode 0600) or truncate @path and write to it.
 * Return: 0 or -errno (the file cannot be created or written).
 */
int out__open(struct sr_out *o, const char *path);

/**
 * out__open_mode() - out__open(), appending instead of truncating when
 * @append, with a buffer of @cap bytes (0: the default size).
 */
int out__open_mode(struct sr_out *o, const char *path, bool append, size_t cap);

/**
 * out__detach() - flush, close an owned fd and free the buffer, keeping the
 * column of the line in progress, so that out__attach() can go on where it
 * stopped (a bounded set of open files). Return 0 or -errno.
 */
int out__detach(struct sr_out *o);

/**
 * out__attach() - write to @fd (owned) again, with a new buffer of @cap
 * bytes, after out__detach(). Return 0 or -ENOMEM (@fd is then closed).
 */
int out__attach(struct sr_out *o, int fd, size_t cap);

/** out__close() - flush, close an owned fd, free the buffer. NULL-safe. */
int out__close(struct sr_out *o);

/** out__flush() - write out everything buffered. Return 0 or -errno. */
int out__flush(struct sr_out *o);

/* out__write() when the buffer lacks room: flush on the way. */
void out__write_slow(struct sr_out *o, const void *p, size_t n);

/*
 * The writers every line calls many times are inline: a literal's length
 * is then known and its copy a few stores.
 */
static inline void out__write(struct sr_out *o, const void *p, size_t n)
{
	if (o->cap - o->len < n) {
		out__write_slow(o, p, n);
		return;
	}
	memcpy(o->buf + o->len, p, n);
	o->len += n;
}

/*
 * out__room() - room for @n more bytes (@n at most 64), flushing if need be:
 * write at the pointer returned, then out__commit() where the writing ended.
 */
static inline char *out__room(struct sr_out *o, size_t n)
{
	if (o->cap - o->len < n)
		out__flush(o);
	return o->buf + o->len;
}

static inline void out__commit(struct sr_out *o, const char *end)
{
	o->len = (size_t)(end - o->buf);
}

static inline void out__puts(struct sr_out *o, const char *s)
{
	out__write(o, s, strlen(s));
}

static inline void out__putc(struct sr_out *o, char c)
{
	if (o->len >= o->cap)
		out__flush(o);
	o->buf[o->len++] = c;
}

void out__printf(struct sr_out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void out__dec(struct sr_out *o, int64_t v);
void out__udec(struct sr_out *o, uint64_t v);
/* printf's "%0*llu" without printf: the last @digits digits of @v, zero-padded. */
void out__dec_fixed(struct sr_out *o, uint64_t v, int digits);
/* "0x" followed by lowercase hex digits; 0 prints as "0". */
void out__hex(struct sr_out *o, uint64_t v);
/* Octal with a leading 0, as strace prints modes: 0644, 000. */
void out__oct(struct sr_out *o, uint64_t v, int min_digits);
/* printf's "%#0*o": a leading 0 unless the value is 0, zero-padded to @width. */
void out__oct_alt(struct sr_out *o, uint64_t v, int width);

/* Characters written since the start of the current line. */
size_t out__col(const struct sr_out *o);
/* Pad with spaces up to column @col, if the line is shorter. */
void out__pad_to(struct sr_out *o, size_t col);
/* End the current line. */
void out__newline(struct sr_out *o);

/* out__quoted() flags: SR_Q_* of print/printer.h. */

/**
 * out__escaped() - like out__quoted() without the quotes and the cut
 * (strace's QUOTE_OMIT_LEADING_TRAILING_QUOTES).
 */
void out__escaped(struct sr_out *o, const void *data, size_t n);

/**
 * out__escaped_annot() - like out__escaped(), for text inside an annotation
 * such as -Y's "PID<comm>": '<' and '>' are escaped too (octal, or hex under
 * -x), as strace prints them, so that the text cannot end the annotation.
 */
void out__escaped_annot(struct sr_out *o, const void *data, size_t n);

/**
 * out__quoted() - print @n bytes of untrusted @data as a C string literal with
 * strace's escapes, at most @max bytes of it, then "..." if anything was left.
 * With @o->hexstr (-x, -xx), as strace's string_quote() then prints it: the
 * whole string as \xNN when it has a non-ASCII byte (or always), or hex
 * escapes instead of octal ones.
 */
void out__quoted(struct sr_out *o, const void *data, size_t n, size_t max, unsigned int flags);

#endif /* SYSRAY_OUT_H */
