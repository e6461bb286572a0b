/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A growable byte buffer that JSON is written into: numbers without printf,
 * strings escaped for JSON, and untrusted bytes made into valid JSON
 * whatever they hold (invalid UTF-8, NULs, control characters).
 */
#ifndef SYSRAY_PRINT_JBUF_H
#define SYSRAY_PRINT_JBUF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "lib/digits.h"

struct sr_jbuf {
	char *p;
	size_t len;
	size_t cap;
	bool oom; /* an allocation failed: what follows was dropped */
};

/* Make room for @n more bytes. 0, or -1 (and oom set) when out of memory. */
int jbuf__grow(struct sr_jbuf *b, size_t n);

static inline void jbuf__put(struct sr_jbuf *b, const void *p, size_t n)
{
	if (b->cap - b->len < n && jbuf__grow(b, n))
		return;
	memcpy(b->p + b->len, p, n);
	b->len += n;
}

static inline void jbuf__putc(struct sr_jbuf *b, char c)
{
	if (b->cap == b->len && jbuf__grow(b, 1))
		return;
	b->p[b->len++] = c;
}

/*
 * jbuf__reserve() - room for @n more bytes: write them at the pointer
 * returned, then jbuf__commit() where the writing ended. NULL when out of
 * memory. A writer of several parts reserves once instead of once a part.
 */
static inline char *jbuf__reserve(struct sr_jbuf *b, size_t n)
{
	if (b->cap - b->len < n && jbuf__grow(b, n))
		return NULL;
	return b->p + b->len;
}

static inline void jbuf__commit(struct sr_jbuf *b, const char *end)
{
	b->len = (size_t)(end - b->p);
}

/* Copy literal @lit to @d; evaluate to the end. */
#define JBUF_LIT(d, lit) ((char *)memcpy((d), (lit), sizeof(lit) - 1) + sizeof(lit) - 1)

/* The room jbuf__escape_to() needs for @n bytes: 6 a byte ("\u001b"). */
#define JBUF_ESCAPED_MAX(n) ((n)*6)

/* Append again the @n bytes written at offset @off. */
static inline void jbuf__copy_within(struct sr_jbuf *b, size_t off, size_t n)
{
	if (b->cap - b->len < n && jbuf__grow(b, n))
		return;
	memcpy(b->p + b->len, b->p + off, n);
	b->len += n;
}

/*
 * jbuf__copy16() - copy @n bytes from @src to @d in 16-byte blocks (a few
 * stores, no call): @src must be readable and @d have room up to @n
 * rounded up to 16. Return the end of the @n bytes.
 */
static inline char *jbuf__copy16(char *d, const void *src, size_t n)
{
	size_t i;

	for (i = 0; i < n; i += 16)
		memcpy(d + i, (const char *)src + i, 16);
	return d + n;
}

static inline void jbuf__puts(struct sr_jbuf *b, const char *s)
{
	jbuf__put(b, s, strlen(s));
}

/* Numbers are inline: a line has a dozen, and digits are written in place (lib/digits.h). */
static inline void jbuf__u64(struct sr_jbuf *b, uint64_t v)
{
	if (b->cap - b->len < 20 && jbuf__grow(b, 20))
		return;
	b->len += dec_put(b->p + b->len, v);
}

static inline void jbuf__i64(struct sr_jbuf *b, int64_t v)
{
	if (b->cap - b->len < 21 && jbuf__grow(b, 21))
		return;
	if (v < 0) {
		b->p[b->len++] = '-';
		b->len += dec_put(b->p + b->len, -(uint64_t)v);
		return;
	}
	b->len += dec_put(b->p + b->len, (uint64_t)v);
}

/* "0x1f": an address as a string's contents (no quotes). */
void jbuf__hex(struct sr_jbuf *b, uint64_t v);
/* @v with exactly @digits decimal digits, zero-padded (the last ones if longer). */
void jbuf__dec_fixed(struct sr_jbuf *b, uint64_t v, int digits);

/* Is every byte of @p part of a valid UTF-8 sequence (no overlong forms or surrogates)? */
bool utf8__valid(const void *p, size_t n);

/*
 * A JSON string of @n bytes that must be a string whatever they hold: valid
 * UTF-8 is kept (control characters, quotes and backslashes escaped), and a
 * byte that starts no valid sequence becomes U+FFFD. For names and text
 * sysray itself escaped (comm, cgroup paths, strace's text).
 */
void jbuf__text(struct sr_jbuf *b, const void *p, size_t n);

/*
 * jbuf__escape_to() - jbuf__text()'s contents of @n bytes at @d, which has
 * JBUF_ESCAPED_MAX(@n) bytes of room, without the quotes. Return the end.
 */
char *jbuf__escape_to(char *d, const void *p, size_t n);

/*
 * jbuf__escape_padded() - jbuf__escape_to() of @n bytes at @p whose next 16
 * bytes are readable too (a buffer's spare room), at @d, which has
 * JBUF_ESCAPED_MAX(@n) + 16 bytes of room: 16 bytes at a time to the end
 * (SSE2), where jbuf__escape_to() takes a short string or a tail byte by byte.
 */
char *jbuf__escape_padded(char *d, const void *p, size_t n);

/*
 * jbuf__plain_len() - how many bytes NUL-terminated @s begins with that a
 * JSON string holds as they are: its length, when it needs no escape.
 */
size_t jbuf__plain_len(const char *s);

/*
 * jbuf__text() of the NUL-terminated @s, faster for what needs no escape
 * (the names of syscalls, arguments, fields and constants): copied as it
 * is when every byte is printable ASCII but '"' and '\\'.
 */
void jbuf__name(struct sr_jbuf *b, const char *s);

/*
 * Untrusted bytes as a JSON value that keeps every byte: a string when they
 * are valid UTF-8 and complete, else {"str": ..., "truncated": true} (valid
 * UTF-8 cut short) or {"base64": ..., "truncated": bool}.
 */
void jbuf__bytes(struct sr_jbuf *b, const void *p, size_t n, bool truncated);

/* Standard base64 (RFC 4648, padded) of @n bytes, as a JSON string. */
void jbuf__base64(struct sr_jbuf *b, const void *p, size_t n);

void jbuf__free(struct sr_jbuf *b);

#endif /* SYSRAY_PRINT_JBUF_H */
