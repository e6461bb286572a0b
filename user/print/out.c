// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/digits.h"
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

void out__write_slow(struct sr_out *o, const void *p, size_t n)
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

/* Digits are written in place (see lib/digits.h). */
void out__udec(struct sr_out *o, uint64_t v)
{
	o->len += dec_put(out__room(o, 20), v);
}

void out__dec_fixed(struct sr_out *o, uint64_t v, int digits)
{
	if (digits > 20)
		digits = 20;
	if (digits <= 0)
		return;
	dec_put_fixed(out__room(o, 20), v, (unsigned int)digits);
	o->len += (size_t)digits;
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

/* @n bytes of @data escaped under -x, the bytes of @extra too. */
static void escaped(struct sr_out *o, const void *data, size_t n, const char *extra)
{
	const unsigned char *s = data;
	enum sr_esc_mode mode = esc__mode(o->hexstr, s, n, false);
	char tmp[8];
	size_t i;

	for (i = 0; i < n; i++)
		out__write(o, tmp, esc__char(tmp, s[i], i + 1 < n ? s[i + 1] : -1, mode, extra));
}

void out__escaped(struct sr_out *o, const void *data, size_t n)
{
	escaped(o, data, n, NULL);
}

void out__escaped_annot(struct sr_out *o, const void *data, size_t n)
{
	escaped(o, data, n, "<>");
}

/* How many bytes from @s on need no escape in any mode but all-hex. */
static size_t plain_run(const unsigned char *s, size_t n)
{
	size_t i = 0;

	while (i < n && s[i] >= ' ' && s[i] < 0x7f && s[i] != '"' && s[i] != '\\')
		i++;
	return i;
}

void out__quoted(struct sr_out *o, const void *data, size_t n, size_t max, unsigned int flags)
{
	const unsigned char *s = data;
	bool more = flags & SR_Q_ELLIPSIS;
	enum sr_esc_mode mode;
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
	mode = esc__mode(o->hexstr, s, n, flags & SR_Q_HEX);
	if ((flags & SR_Q_OMIT_NUL) && mode != SR_ESC_ALL_HEX && n && !s[n - 1]) {
		n--;
		more = false;
	}
	out__putc(o, '"');
	for (i = 0; i < n;) {
		/* printable ASCII but '"' and '\\' stands for itself: copied as a run */
		size_t run = mode == SR_ESC_ALL_HEX ? 0 : plain_run(s + i, n - i);

		if (run) {
			out__write(o, tmp, t);
			t = 0;
			out__write(o, s + i, run);
			i += run;
			continue;
		}
		t += esc__char(tmp + t, s[i], i + 1 < n ? s[i + 1] : -1, mode, NULL);
		i++;
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
