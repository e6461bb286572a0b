/* SPDX-License-Identifier: GPL-2.0 */
/*
 * strace's escapes for untrusted bytes, and a bounded text buffer to write
 * escaped text into (the fd annotations are built in one).
 */
#ifndef SYSRAY_ESCAPE_H
#define SYSRAY_ESCAPE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Most bytes esc__byte() writes for one byte. */
#define SR_ESC_MAX 4

/* -x, -xx, --strings-in-hex: when strings print as \xNN escapes. */
enum sr_hexstr {
	SR_HEXSTR_NONE, /* octal escapes for unprintable bytes */
	SR_HEXSTR_NON_ASCII_CHARS, /* the same bytes escaped, in hex */
	SR_HEXSTR_NON_ASCII, /* -x: a string with a non-ASCII byte, all in hex */
	SR_HEXSTR_ALL, /* -xx: every string, all in hex */
};

/* How esc__char() escapes the bytes of one string (strace's string_quote()). */
enum sr_esc_mode {
	SR_ESC_OCTAL, /* strace's default: \n, \33, \177 */
	SR_ESC_HEX_ESCAPES, /* --strings-in-hex=non-ascii-chars: \n, \x1b, \x7f */
	SR_ESC_ALL_HEX, /* every byte \xNN */
};

/**
 * esc__byte() - write strace's escape for byte @c to @d (at most SR_ESC_MAX
 * bytes): printable ASCII as is, \n \t \" \\ and friends, else the shortest
 * octal unless an octal digit follows (@next, the next byte or -1); @hex:
 * always \xNN. Return the bytes written.
 */
size_t esc__byte(char *d, unsigned char c, int next, bool hex);

/**
 * esc__mode() - how strace escapes the @n bytes of @s under @hexstr (enum
 * sr_hexstr): -x decides for the whole string, hex when one byte is neither
 * printable ASCII nor \t \n \v \f \r. @force_hex: all in hex anyway.
 */
enum sr_esc_mode esc__mode(unsigned int hexstr, const void *s, size_t n, bool force_hex);

/**
 * esc__char() - esc__byte() in @mode; the bytes of @extra (NULL: none)
 * escape as unprintable ones do ('<' and '>' inside an annotation).
 */
size_t esc__char(char *d, unsigned char c, int next, enum sr_esc_mode mode, const char *extra);

/* A text buffer of @size bytes: what does not fit is dropped, and noted. */
struct sr_sbuf {
	char *buf;
	size_t size;
	size_t len; /* bytes written; buf[len] is a NUL */
	bool full; /* something did not fit */
};

/** sbuf__init() - write into @buf (@size bytes, at least 1). */
void sbuf__init(struct sr_sbuf *b, char *buf, size_t size);
void sbuf__write(struct sr_sbuf *b, const void *p, size_t n);
void sbuf__puts(struct sr_sbuf *b, const char *s);
void sbuf__putc(struct sr_sbuf *b, char c);
void sbuf__udec(struct sr_sbuf *b, uint64_t v);
/**
 * sbuf__escaped() - @n bytes of @data as strace's string_quote() writes
 * them under @hexstr (enum sr_hexstr), the bytes of @extra (NULL: none)
 * escaped too; no quotes.
 */
void sbuf__escaped(struct sr_sbuf *b, const void *data, size_t n, unsigned int hexstr,
		   const char *extra);
/** sbuf__quoted() - "@data" up to its first NUL (of @n bytes), escaped under @hexstr. */
void sbuf__quoted(struct sr_sbuf *b, const void *data, size_t n, unsigned int hexstr);

#endif /* SYSRAY_ESCAPE_H */
