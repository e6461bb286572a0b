// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/escape.h"
#include "print/out.h"

#define OUT_BUF_SIZE (256 * 1024)

/* The smallest buffer: a quoted byte and its escape always fit. */
#define OUT_BUF_MIN 64

int out__init_fd_cap(struct sr_out *o, int fd, size_t cap)
{
	memset(o, 0, sizeof(*o));
	if (cap < OUT_BUF_MIN)
		cap = OUT_BUF_MIN;
	o->buf = malloc(cap);
	if (!o->buf)
		return -ENOMEM;
	o->cap = cap;
	o->fd = fd;
	o->line_buffered = isatty(fd);
	return 0;
}

int out__init_fd(struct sr_out *o, int fd)
{
	return out__init_fd_cap(o, fd, OUT_BUF_SIZE);
}

int out__open_mode(struct sr_out *o, const char *path, bool append, size_t cap)
{
	int fd, err;

	/* a trace holds what the traced processes read and wrote: only its
	 * owner reads a new one (an existing file keeps its mode) */
	fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC | (append ? O_APPEND : O_TRUNC), 0600);
	if (fd < 0)
		return -errno;
	err = out__init_fd_cap(o, fd, cap ? cap : OUT_BUF_SIZE);
	if (err) {
		close(fd);
		return err;
	}
	o->owns_fd = true;
	return 0;
}

int out__open(struct sr_out *o, const char *path)
{
	return out__open_mode(o, path, false, 0);
}

int out__detach(struct sr_out *o)
{
	int err;

	if (!o->buf)
		return o->err;
	err = out__flush(o);
	if (o->owns_fd && close(o->fd) && !err)
		err = o->err = -errno;
	free(o->buf);
	o->buf = NULL;
	o->cap = 0;
	o->fd = -1;
	o->owns_fd = false;
	return err;
}

int out__attach(struct sr_out *o, int fd, size_t cap)
{
	if (cap < OUT_BUF_MIN)
		cap = OUT_BUF_MIN;
	o->buf = malloc(cap);
	if (!o->buf) {
		close(fd);
		return -ENOMEM;
	}
	o->cap = cap;
	o->len = 0;
	o->fd = fd;
	o->owns_fd = true;
	return 0;
}

int out__flush(struct sr_out *o)
{
	size_t done = 0;
	ssize_t n;

	while (done < o->len) {
		n = write(o->fd, o->buf + done, o->len - done);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			if (!o->err)
				o->err = -errno;
			break;
		}
		done += n;
	}
	o->line_start -= (long)o->len;
	o->len = 0;
	return o->err;
}

int out__close(struct sr_out *o)
{
	int err;

	if (!o || !o->buf)
		return 0;
	err = out__flush(o);
	if (o->owns_fd && close(o->fd) && !err)
		err = -errno;
	free(o->buf);
	o->buf = NULL;
	return err;
}

static inline void out_reserve(struct sr_out *o, size_t n)
{
	if (o->len + n > o->cap)
		out__flush(o);
}

void out__write(struct sr_out *o, const void *p, size_t n)
{
	const char *s = p;

	while (n) {
		size_t chunk;

		out_reserve(o, n < o->cap ? n : o->cap);
		chunk = o->cap - o->len < n ? o->cap - o->len : n;
		memcpy(o->buf + o->len, s, chunk);
		o->len += chunk;
		s += chunk;
		n -= chunk;
	}
}

void out__puts(struct sr_out *o, const char *s)
{
	out__write(o, s, strlen(s));
}

void out__putc(struct sr_out *o, char c)
{
	out_reserve(o, 1);
	o->buf[o->len++] = c;
}

void out__printf(struct sr_out *o, const char *fmt, ...)
{
	char tmp[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	out__write(o, tmp, (size_t)n < sizeof(tmp) ? (size_t)n : sizeof(tmp) - 1);
}

void out__udec(struct sr_out *o, uint64_t v)
{
	char tmp[24];
	int i = sizeof(tmp);

	do {
		tmp[--i] = '0' + v % 10;
		v /= 10;
	} while (v);
	out__write(o, tmp + i, sizeof(tmp) - i);
}

void out__dec(struct sr_out *o, int64_t v)
{
	if (v < 0) {
		out__putc(o, '-');
		out__udec(o, -(uint64_t)v);
	} else {
		out__udec(o, v);
	}
}

void out__hex(struct sr_out *o, uint64_t v)
{
	static const char digits[] = "0123456789abcdef";
	char tmp[20];
	int i = sizeof(tmp);

	if (!v) {
		out__putc(o, '0');
		return;
	}
	while (v) {
		tmp[--i] = digits[v & 15];
		v >>= 4;
	}
	tmp[--i] = 'x';
	tmp[--i] = '0';
	out__write(o, tmp + i, sizeof(tmp) - i);
}

void out__oct(struct sr_out *o, uint64_t v, int min_digits)
{
	char tmp[26];
	int i = sizeof(tmp);

	do {
		tmp[--i] = '0' + (v & 7);
		v >>= 3;
	} while (v);
	while ((int)sizeof(tmp) - i < min_digits && i > 1)
		tmp[--i] = '0';
	tmp[--i] = '0';
	out__write(o, tmp + i, sizeof(tmp) - i);
}

void out__oct_alt(struct sr_out *o, uint64_t v, int width)
{
	char tmp[26];
	int i = sizeof(tmp);

	do {
		tmp[--i] = '0' + (v & 7);
		v >>= 3;
	} while (v);
	if (tmp[i] != '0')
		tmp[--i] = '0';
	while ((int)sizeof(tmp) - i < width && i > 0)
		tmp[--i] = '0';
	out__write(o, tmp + i, sizeof(tmp) - i);
}

size_t out__col(const struct sr_out *o)
{
	return (size_t)((long)o->len - o->line_start);
}

void out__pad_to(struct sr_out *o, size_t col)
{
	static const char spaces[] = "                                        ";
	size_t cur = out__col(o);

	while (cur < col) {
		size_t n = col - cur < sizeof(spaces) - 1 ? col - cur : sizeof(spaces) - 1;

		out__write(o, spaces, n);
		cur += n;
	}
}

void out__newline(struct sr_out *o)
{
	out__putc(o, '\n');
	o->line_start = (long)o->len;
	if (o->line_buffered)
		out__flush(o);
}

/* How quote_byte() escapes. */
enum quote_mode {
	Q_OCTAL, /* strace's default: \n, \33, \177 */
	Q_HEX_ESCAPES, /* --strings-in-hex=non-ascii-chars: \n, \x1b, \x7f */
	Q_ALL_HEX, /* every byte \xNN */
};

/* Append the strace escape for byte @c; @next is the following byte or -1. */
static size_t quote_byte(char *d, unsigned char c, int next, enum quote_mode mode)
{
	/* non-ascii-chars: the bytes octal would escape, in hex (\n stays \n) */
	bool plain = (c >= ' ' && c < 0x7f) || (c >= '\t' && c <= '\r');

	if (mode == Q_HEX_ESCAPES)
		return esc__byte(d, c, next, !plain);
	return esc__byte(d, c, next, mode == Q_ALL_HEX);
}

/*
 * -x (non-ascii): is there a byte that makes strace print the whole string
 * in hex, one that is neither printable ASCII nor \t \n \v \f \r?
 */
static bool needs_hex(const unsigned char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] > 0x7e || (s[i] < ' ' && (unsigned int)(s[i] - 9) >= 5))
			return true;
	return false;
}

/* The escapes for @n bytes of @s under @o's -x and a caller's forced hex. */
static enum quote_mode quote_mode(const struct sr_out *o, const unsigned char *s, size_t n,
				  bool force_hex)
{
	/* enum sr_hexstr values (cli/opts.h) */
	switch (o->hexstr) {
	case 1: /* non-ascii-chars */
		return force_hex ? Q_ALL_HEX : Q_HEX_ESCAPES;
	case 2: /* non-ascii */
		return force_hex || needs_hex(s, n) ? Q_ALL_HEX : Q_OCTAL;
	case 3: /* all */
		return Q_ALL_HEX;
	default:
		return force_hex ? Q_ALL_HEX : Q_OCTAL;
	}
}

void out__escaped(struct sr_out *o, const void *data, size_t n)
{
	const unsigned char *s = data;
	enum quote_mode mode = quote_mode(o, s, n, false);
	char tmp[8];
	size_t i;

	for (i = 0; i < n; i++)
		out__write(o, tmp, quote_byte(tmp, s[i], i + 1 < n ? s[i + 1] : -1, mode));
}

void out__escaped_annot(struct sr_out *o, const void *data, size_t n)
{
	const unsigned char *s = data;
	char tmp[8];
	size_t i, k;

	for (i = 0; i < n; i++) {
		int next = i + 1 < n ? s[i + 1] : -1;

		if (s[i] != '<' && s[i] != '>') {
			out__write(o, tmp, esc__byte(tmp, s[i], next, false));
			continue;
		}
		/* as a byte that is not printable: octal, three digits before a digit */
		k = 0;
		tmp[k++] = '\\';
		if (next >= '0' && next <= '7')
			tmp[k++] = '0';
		tmp[k++] = '0' + (s[i] >> 3);
		tmp[k++] = '0' + (s[i] & 7);
		out__write(o, tmp, k);
	}
}

void out__quoted(struct sr_out *o, const void *data, size_t n, size_t max, unsigned int flags)
{
	const unsigned char *s = data;
	bool more = flags & SR_Q_ELLIPSIS;
	enum quote_mode mode;
	char tmp[64];
	size_t i, t = 0;

	if (flags & SR_Q_NUL_TERM) {
		const unsigned char *z = memchr(s, 0, n);

		if (z)
			n = z - s;
	}
	if (n > max) {
		n = max;
		more = true;
	}
	mode = quote_mode(o, s, n, flags & SR_Q_HEX);
	if ((flags & SR_Q_OMIT_NUL) && mode != Q_ALL_HEX && n && !s[n - 1]) {
		n--;
		more = false;
	}
	out__putc(o, '"');
	for (i = 0; i < n; i++) {
		int next = i + 1 < n ? s[i + 1] : -1;

		t += quote_byte(tmp + t, s[i], next, mode);
		if (t > sizeof(tmp) - 8) {
			out__write(o, tmp, t);
			t = 0;
		}
	}
	out__write(o, tmp, t);
	out__putc(o, '"');
	if (more)
		out__write(o, "...", 3);
}
