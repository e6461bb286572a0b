// SPDX-License-Identifier: GPL-2.0
/* strace's escapes (its string_quote() rules) and a bounded text buffer. */
#include <string.h>

#include "lib/escape.h"

/* A C escape letter for @c, or 0. */
static char esc_letter(unsigned char c)
{
	switch (c) {
	case '"':
	case '\\':
		return c;
	case '\f':
		return 'f';
	case '\n':
		return 'n';
	case '\r':
		return 'r';
	case '\t':
		return 't';
	case '\v':
		return 'v';
	}
	return 0;
}

/* Shortest octal, unless an octal digit follows and would be absorbed. */
static size_t esc_octal(char *d, unsigned char c, int next)
{
	size_t n = 0;

	d[n++] = '\\';
	if (next >= '0' && next <= '7') {
		d[n++] = '0' + (c >> 6);
		d[n++] = '0' + ((c >> 3) & 7);
	} else if (c >> 3) {
		if (c >> 6)
			d[n++] = '0' + (c >> 6);
		d[n++] = '0' + ((c >> 3) & 7);
	}
	d[n++] = '0' + (c & 7);
	return n;
}

size_t esc__byte(char *d, unsigned char c, int next, bool hex)
{
	static const char hexd[] = "0123456789abcdef";
	char letter = esc_letter(c);
	size_t n = 0;

	if (hex) {
		d[n++] = '\\';
		d[n++] = 'x';
		d[n++] = hexd[c >> 4];
		d[n++] = hexd[c & 15];
		return n;
	}
	if (letter) {
		d[n++] = '\\';
		d[n++] = letter;
		return n;
	}
	if (c >= ' ' && c < 0x7f) {
		d[n++] = c;
		return n;
	}
	return esc_octal(d, c, next);
}

enum sr_esc_mode esc__mode(unsigned int hexstr, const void *s, size_t n, bool force_hex)
{
	const unsigned char *u = s;
	size_t i;

	if (force_hex || hexstr == SR_HEXSTR_ALL)
		return SR_ESC_ALL_HEX;
	if (hexstr == SR_HEXSTR_NON_ASCII_CHARS)
		return SR_ESC_HEX_ESCAPES;
	if (hexstr != SR_HEXSTR_NON_ASCII)
		return SR_ESC_OCTAL;
	for (i = 0; i < n; i++)
		if (u[i] > 0x7e || (u[i] < ' ' && (unsigned int)(u[i] - 9) >= 5))
			return SR_ESC_ALL_HEX;
	return SR_ESC_OCTAL;
}

size_t esc__char(char *d, unsigned char c, int next, enum sr_esc_mode mode, const char *extra)
{
	bool special = extra && c && strchr(extra, c);
	/* what non-ascii-chars leaves alone: printable ASCII, \t \n \v \f \r */
	bool plain = !special && ((c >= ' ' && c < 0x7f) || (c >= '\t' && c <= '\r'));

	if (mode == SR_ESC_ALL_HEX || (mode == SR_ESC_HEX_ESCAPES && !plain))
		return esc__byte(d, c, next, true);
	return special ? esc_octal(d, c, next) : esc__byte(d, c, next, false);
}

void sbuf__init(struct sr_sbuf *b, char *buf, size_t size)
{
	b->buf = buf;
	b->size = size;
	b->len = 0;
	b->full = false;
	buf[0] = '\0';
}

void sbuf__write(struct sr_sbuf *b, const void *p, size_t n)
{
	if (n >= b->size - b->len) {
		b->full = true;
		n = b->size - b->len - 1;
	}
	memcpy(b->buf + b->len, p, n);
	b->len += n;
	b->buf[b->len] = '\0';
}

void sbuf__puts(struct sr_sbuf *b, const char *s)
{
	sbuf__write(b, s, strlen(s));
}

void sbuf__putc(struct sr_sbuf *b, char c)
{
	sbuf__write(b, &c, 1);
}

void sbuf__udec(struct sr_sbuf *b, uint64_t v)
{
	char tmp[24];
	size_t i = sizeof(tmp);

	do
		tmp[--i] = '0' + v % 10;
	while (v /= 10);
	sbuf__write(b, tmp + i, sizeof(tmp) - i);
}

void sbuf__escaped(struct sr_sbuf *b, const void *data, size_t n, unsigned int hexstr,
		   const char *extra)
{
	const unsigned char *s = data;
	enum sr_esc_mode mode = esc__mode(hexstr, s, n, false);
	char tmp[SR_ESC_MAX];
	size_t i;

	for (i = 0; i < n; i++) {
		int next = i + 1 < n ? s[i + 1] : -1;

		/* straight into the buffer while there is room for any escape */
		if (b->size - b->len > SR_ESC_MAX)
			b->len += esc__char(b->buf + b->len, s[i], next, mode, extra);
		else
			sbuf__write(b, tmp, esc__char(tmp, s[i], next, mode, extra));
	}
	b->buf[b->len] = '\0';
}

void sbuf__quoted(struct sr_sbuf *b, const void *data, size_t n, unsigned int hexstr)
{
	const char *z = memchr(data, 0, n);

	sbuf__putc(b, '"');
	sbuf__escaped(b, data, z ? (size_t)(z - (const char *)data) : n, hexstr, NULL);
	sbuf__putc(b, '"');
}
