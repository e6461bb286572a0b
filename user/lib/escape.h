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

/**
 * esc__byte() - write strace's escape for byte @c to @d (at most SR_ESC_MAX
 * bytes): printable ASCII as is, \n \t \" \\ and friends, else the shortest
 * octal unless an octal digit follows (@next, the next byte or -1); @hex:
 * always \xNN. Return the bytes written.
 */
size_t esc__byte(char *d, unsigned char c, int next, bool hex);

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
/** sbuf__escaped() - @n bytes of @data with strace's escapes, no quotes. */
void sbuf__escaped(struct sr_sbuf *b, const void *data, size_t n);
/** sbuf__quoted() - "@data" up to its first NUL (of @n bytes), escaped. */
void sbuf__quoted(struct sr_sbuf *b, const void *data, size_t n);

#endif /* SYSRAY_ESCAPE_H */
