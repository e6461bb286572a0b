// SPDX-License-Identifier: GPL-2.0
/* Helpers of the fuzz targets: see fuzz.h. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fuzz.h"

void fz_out_open(struct fz_out *o)
{
	o->fd = memfd_create("fz_out", MFD_CLOEXEC);
	if (o->fd < 0 || out__init_fd(&o->out, o->fd)) {
		perror("fuzz: memfd");
		abort();
	}
	o->out.line_buffered = false;
}

const char *fz_out_take(struct fz_out *o, size_t *len)
{
	static char *buf;
	static size_t cap;
	struct stat st;
	ssize_t n;

	out__flush(&o->out);
	if (fstat(o->fd, &st))
		abort();
	if ((size_t)st.st_size + 1 > cap) {
		cap = st.st_size + 1;
		buf = realloc(buf, cap);
		if (!buf)
			abort();
	}
	n = pread(o->fd, buf, st.st_size, 0);
	if (n < 0 || ftruncate(o->fd, 0) || lseek(o->fd, 0, SEEK_SET))
		abort();
	buf[n] = '\0';
	*len = n;
	o->out.err = 0;
	return buf;
}

/* Print the line of @buf holding offset @at, escaped, and abort. */
static void bad_output(const char *what, const char *buf, size_t len, size_t at)
{
	size_t start = at, end = at, i;

	while (start && buf[start - 1] != '\n')
		start--;
	while (end < len && buf[end] != '\n')
		end++;
	fprintf(stderr, "fuzz: %s at offset %zu of this line:\n", what, at - start);
	for (i = start; i < end; i++) {
		unsigned char c = buf[i];

		if (c >= 0x20 && c < 0x7f && c != '\\')
			fputc(c, stderr);
		else
			fprintf(stderr, "\\x%02x", c);
	}
	fputc('\n', stderr);
	abort();
}

void fz_check_text(const char *buf, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		unsigned char c = buf[i];

		if ((c < 0x20 && c != '\n') || c >= 0x7f)
			bad_output("a raw byte in the text output", buf, len, i);
	}
	if (len && buf[len - 1] != '\n')
		bad_output("an unfinished last line", buf, len, len - 1);
}

/* A minimal JSON reader: is s[*i..] one value? Advances *i past it. */
struct jp {
	const unsigned char *s;
	size_t n, i;
	int depth;
};

static void ws(struct jp *p)
{
	while (p->i < p->n && (p->s[p->i] == ' ' || p->s[p->i] == '\t'))
		p->i++;
}

static bool lit(struct jp *p, const char *w)
{
	size_t l = strlen(w);

	if (p->n - p->i < l || memcmp(p->s + p->i, w, l))
		return false;
	p->i += l;
	return true;
}

/* One UTF-8 sequence at p->i: its length, 0 if invalid or a C1 control. */
static size_t utf8_char(const struct jp *p)
{
	const unsigned char *s = p->s + p->i;
	size_t left = p->n - p->i, len, k;
	uint32_t cp;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		len = 2, cp = s[0] & 0x1f;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		len = 3, cp = s[0] & 0x0f;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		len = 4, cp = s[0] & 0x07;
	else
		return 0;
	if (left < len)
		return 0;
	for (k = 1; k < len; k++) {
		if ((s[k] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (s[k] & 0x3f);
	}
	if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
	    (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
		return 0;
	/*
	 * C1 controls (U+009B is CSI to many terminals), line separators and
	 * bidi controls must be \u escapes (print/json.c risky_char())
	 */
	if ((cp >= 0x80 && cp <= 0x9f) || (cp >= 0x2028 && cp <= 0x202e) ||
	    (cp >= 0x2066 && cp <= 0x2069))
		return 0;
	return len;
}

static bool string(struct jp *p)
{
	if (!lit(p, "\""))
		return false;
	while (p->i < p->n) {
		unsigned char c = p->s[p->i];
		size_t k;

		if (c == '"') {
			p->i++;
			return true;
		}
		if (c == '\\') {
			if (p->i + 1 >= p->n)
				return false;
			c = p->s[p->i + 1];
			if (c == 'u') {
				if (p->n - p->i < 6)
					return false;
				for (k = 2; k < 6; k++)
					if (!strchr("0123456789abcdefABCDEF", p->s[p->i + k]) ||
					    !p->s[p->i + k])
						return false;
				p->i += 6;
				continue;
			}
			if (!strchr("\"\\/bfnrt", c) || !c)
				return false;
			p->i += 2;
			continue;
		}
		if (c < 0x20 || c == 0x7f)
			return false;
		k = utf8_char(p);
		if (!k)
			return false;
		p->i += k;
	}
	return false;
}

static bool number(struct jp *p)
{
	size_t start = p->i;

	lit(p, "-");
	if (lit(p, "0")) {
	} else if (p->i < p->n && p->s[p->i] >= '1' && p->s[p->i] <= '9') {
		while (p->i < p->n && p->s[p->i] >= '0' && p->s[p->i] <= '9')
			p->i++;
	} else {
		return false;
	}
	if (lit(p, ".")) {
		if (p->i >= p->n || p->s[p->i] < '0' || p->s[p->i] > '9')
			return false;
		while (p->i < p->n && p->s[p->i] >= '0' && p->s[p->i] <= '9')
			p->i++;
	}
	if (p->i < p->n && (p->s[p->i] == 'e' || p->s[p->i] == 'E')) {
		p->i++;
		if (!lit(p, "+"))
			lit(p, "-");
		if (p->i >= p->n || p->s[p->i] < '0' || p->s[p->i] > '9')
			return false;
		while (p->i < p->n && p->s[p->i] >= '0' && p->s[p->i] <= '9')
			p->i++;
	}
	return p->i > start;
}

static bool value(struct jp *p);

static bool members(struct jp *p, bool object, char close)
{
	char end[2] = { close, 0 };

	if (++p->depth > 64)
		return false;
	ws(p);
	if (lit(p, end)) {
		p->depth--;
		return true;
	}
	for (;;) {
		ws(p);
		if (object) {
			if (!string(p))
				return false;
			ws(p);
			if (!lit(p, ":"))
				return false;
		}
		if (!value(p))
			return false;
		ws(p);
		if (lit(p, end)) {
			p->depth--;
			return true;
		}
		if (!lit(p, ","))
			return false;
	}
}

static bool value(struct jp *p)
{
	ws(p);
	if (p->i >= p->n)
		return false;
	switch (p->s[p->i]) {
	case '{':
		p->i++;
		return members(p, true, '}');
	case '[':
		p->i++;
		return members(p, false, ']');
	case '"':
		return string(p);
	case 't':
		return lit(p, "true");
	case 'f':
		return lit(p, "false");
	case 'n':
		return lit(p, "null");
	default:
		return number(p);
	}
}

void fz_check_json(const char *buf, size_t len)
{
	size_t start = 0, end;

	while (start < len) {
		struct jp p = { (const unsigned char *)buf, 0, start, 0 };

		end = start;
		while (end < len && buf[end] != '\n')
			end++;
		if (end == len)
			bad_output("an unfinished last line", buf, len, start);
		p.n = end;
		if (buf[start] != '{' || !value(&p))
			bad_output("not a JSON object", buf, len, p.i < end ? p.i : start);
		ws(&p);
		if (p.i != end)
			bad_output("bytes after the JSON object", buf, len, p.i);
		start = end + 1;
	}
}

/*
 * stdio's stdout and stderr, not fds 1 and 2, are what is silenced: the
 * sanitizers and libFuzzer itself report a finding on fd 2.
 */
static FILE *saved_out, *saved_err, *null_file;

void fz_quiet_begin(void)
{
	if (!null_file)
		null_file = fopen("/dev/null", "we");
	if (!null_file)
		abort();
	saved_out = stdout;
	saved_err = stderr;
	stdout = null_file;
	stderr = null_file;
}

void fz_quiet_end(void)
{
	fflush(null_file);
	stdout = saved_out;
	stderr = saved_err;
}

void fz_take(struct fz_in *in, void *dst, size_t len)
{
	size_t n = len < in->n ? len : in->n;

	memcpy(dst, in->p, n);
	memset((char *)dst + n, 0, len - n);
	in->p += n;
	in->n -= n;
}

uint32_t fz_u32(struct fz_in *in)
{
	uint32_t v;

	fz_take(in, &v, sizeof(v));
	return v;
}

const char *fz_file(const void *data, size_t len)
{
	static char path[64];
	static int fd = -1;

	if (fd < 0) {
		fd = memfd_create("fz_file", 0);
		if (fd < 0)
			abort();
		snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	}
	if (ftruncate(fd, 0) || pwrite(fd, data, len, 0) != (ssize_t)len)
		abort();
	return path;
}
