// SPDX-License-Identifier: GPL-2.0
/* JSON text into a growable buffer: numbers, escaped strings, untrusted bytes. */
#include <stdlib.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "lib/digits.h"
#include "print/jbuf.h"

int jbuf__grow(struct sr_jbuf *b, size_t n)
{
	size_t cap = b->cap ? b->cap : 4096;
	char *q;

	if (b->oom)
		return -1;
	while (cap - b->len < n)
		cap *= 2;
	q = realloc(b->p, cap);
	if (!q) {
		b->oom = true;
		return -1;
	}
	b->p = q;
	b->cap = cap;
	return 0;
}

void jbuf__free(struct sr_jbuf *b)
{
	free(b->p);
	memset(b, 0, sizeof(*b));
}

void jbuf__hex(struct sr_jbuf *b, uint64_t v)
{
	static const char hex[] = "0123456789abcdef";
	char tmp[18];
	int i = sizeof(tmp);

	do {
		tmp[--i] = hex[v & 15];
		v >>= 4;
	} while (v);
	tmp[--i] = 'x';
	tmp[--i] = '0';
	jbuf__put(b, tmp + i, sizeof(tmp) - i);
}

void jbuf__dec_fixed(struct sr_jbuf *b, uint64_t v, int digits)
{
	if (digits > 20)
		digits = 20;
	if (digits <= 0 || (b->cap - b->len < 20 && jbuf__grow(b, 20)))
		return;
	dec_put_fixed(b->p + b->len, v, (unsigned int)digits);
	b->len += (size_t)digits;
}

/* Length of the valid UTF-8 sequence at @s (at most @n bytes), or 0. */
static size_t utf8_seq(const unsigned char *s, size_t n)
{
	size_t len, i;
	uint32_t cp;

	if (s[0] < 0x80)
		return 1;
	if ((s[0] & 0xe0) == 0xc0)
		len = 2, cp = s[0] & 0x1f;
	else if ((s[0] & 0xf0) == 0xe0)
		len = 3, cp = s[0] & 0x0f;
	else if ((s[0] & 0xf8) == 0xf0)
		len = 4, cp = s[0] & 0x07;
	else
		return 0;
	if (len > n)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (s[i] & 0x3f);
	}
	/* overlong forms, surrogates and values past U+10FFFF are not UTF-8 */
	if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
	    (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
		return 0;
	return len;
}

bool utf8__valid(const void *p, size_t n)
{
	const unsigned char *s = p;
	size_t i = 0, k;

	while (i < n) {
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		k = utf8_seq(s + i, n - i);
		if (!k)
			return false;
		i += k;
	}
	return true;
}

/* The JSON escape of ASCII byte @c, which needs one, at @d; return its end. */
static char *escape(char *d, unsigned char c)
{
	static const char hex[] = "0123456789abcdef";
	char short_form = c == '"'  ? '"' :
			  c == '\\' ? '\\' :
			  c == '\n' ? 'n' :
			  c == '\t' ? 't' :
			  c == '\r' ? 'r' :
				      0;

	*d++ = '\\';
	if (short_form) {
		*d++ = short_form;
		return d;
	}
	memcpy(d, "u00", 3);
	d[3] = hex[c >> 4];
	d[4] = hex[c & 15];
	return d + 5;
}

/*
 * The code point of UTF-8 sequence @s (@left bytes) if a terminal or a text
 * viewer would act on it: a C1 control (U+009B is CSI to many terminals), a
 * line or paragraph separator, a bidi embedding, override or isolate. Else 0.
 */
static uint32_t risky_char(const unsigned char *s, size_t left)
{
	if (left >= 2 && s[0] == 0xc2 && s[1] >= 0x80 && s[1] <= 0x9f)
		return s[1];
	if (left >= 3 && s[0] == 0xe2 && s[1] == 0x80 && s[2] >= 0xa8 && s[2] <= 0xae)
		return 0x2000 | (s[2] & 0x3f);
	if (left >= 3 && s[0] == 0xe2 && s[1] == 0x81 && s[2] >= 0xa6 && s[2] <= 0xa9)
		return 0x2040 | (s[2] & 0x3f);
	return 0;
}

/* "\uXXXX" for code point @cp at @d; return its end. */
static char *escape_cp(char *d, uint32_t cp)
{
	static const char hex[] = "0123456789abcdef";

	d[0] = '\\';
	d[1] = 'u';
	d[2] = hex[cp >> 12];
	d[3] = hex[(cp >> 8) & 15];
	d[4] = hex[(cp >> 4) & 15];
	d[5] = hex[cp & 15];
	return d + 6;
}

/* printable ASCII but '"' (0x22) and '\\' (0x5c): copied as they are */
static const bool plain[256] = { [0x20 ... 0x21] = true,
				 [0x23 ... 0x5b] = true,
				 [0x5d ... 0x7e] = true };

#define ONES 0x0101010101010101ULL
#define HIGH 0x8080808080808080ULL
/* A byte of @v is 0 (or a false alarm after one that is). */
#define HAS_ZERO(v) (((v)-ONES) & ~(v)&HIGH)

/*
 * The bytes of @x (loaded from memory) that are not plain:
 * control, DEL, non-ASCII, '"' or '\\', each flagged by its high bit; 0:
 * all eight plain. Bytes above a flagged one may be flagged falsely (a
 * borrow), never the lowest: on a little-endian machine, the first in
 * memory, the first to escape.
 */
static inline uint64_t unplain8(uint64_t x)
{
	/* a byte below 0x20 borrows into its high bit, one from 0x80 has it */
	uint64_t bad = ((x - 0x20 * ONES) | x) & HIGH;

	return bad | HAS_ZERO(x ^ (0x22 * ONES)) | HAS_ZERO(x ^ (0x5c * ONES)) |
	       HAS_ZERO(x ^ (0x7f * ONES));
}

/*
 * Byte s[*@j] (of @n) at @d: as it is when plain, else its escape, a UTF-8
 * sequence kept (or escaped when a terminal acts on it), U+FFFD for a byte
 * that starts none. Return the end; *@j is past what was consumed.
 */
static inline char *one_char(char *d, const unsigned char *s, size_t *j, size_t n)
{
	unsigned char c = s[*j];
	uint32_t cp;
	size_t k;

	if (plain[c]) {
		*d++ = (char)c;
		++*j;
	} else if (c < 0x80) {
		d = escape(d, c);
		++*j;
	} else if (!(k = utf8_seq(s + *j, n - *j))) {
		memcpy(d, "\xef\xbf\xbd", 3);
		d += 3;
		++*j;
	} else if ((cp = risky_char(s + *j, n - *j))) {
		d = escape_cp(d, cp);
		*j += k;
	} else {
		memcpy(d, s + *j, k);
		d += k;
		*j += k;
	}
	return d;
}

/*
 * The string's contents from byte *@i of @s (@n bytes) up to at least
 * @stop, at @d, which has room for 6 bytes per byte: escapes for ASCII and
 * for the code points a terminal acts on, other UTF-8 sequences kept,
 * U+FFFD for other bytes. Return the end; *@i is where it stopped.
 */
static char *str_body(char *d, const unsigned char *s, size_t *i, size_t stop, size_t n)
{
	size_t j = *i, k;

	while (j < stop) {
		uint64_t x, bad;

		/*
		 * eight bytes at a time: all of them if plain, else those before
		 * the first that is not (stored whole: @d has room), then that one
		 */
		if (stop - j >= 8) {
			memcpy(&x, s + j, 8);
			memcpy(d, &x, 8);
			bad = unplain8(x);
			if (!bad) {
				d += 8;
				j += 8;
				continue;
			}
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
			/* the lowest byte is the last in memory: one at a time there */
			k = 0;
#else
			k = (size_t)__builtin_ctzll(bad) >> 3;
#endif
			d += k;
			j += k;
		}
		d = one_char(d, s, &j, n);
	}
	*i = j;
	return d;
}

/* Are the @n bytes at @s plain (a JSON string's contents as they are)? */
static bool all_plain(const unsigned char *s, size_t n)
{
	uint64_t x;

	for (; n >= 8; s += 8, n -= 8) {
		memcpy(&x, s, 8);
		if (unplain8(x))
			return false;
	}
	x = 0x6161616161616161ULL; /* the rest, padded with a plain byte */
	memcpy(&x, s, n);
	return !unplain8(x);
}

/* "@n plain bytes" */
static void put_plain(struct sr_jbuf *b, const void *p, size_t n)
{
	if (b->cap - b->len < n + 2 && jbuf__grow(b, n + 2))
		return;
	b->p[b->len] = '"';
	memcpy(b->p + b->len + 1, p, n);
	b->p[b->len + n + 1] = '"';
	b->len += n + 2;
}

size_t jbuf__plain_len(const char *s)
{
	size_t n = 0;

	while (plain[(unsigned char)s[n]])
		n++;
	return n;
}

void jbuf__name(struct sr_jbuf *b, const char *s)
{
	size_t n = 0;

	while (plain[(unsigned char)s[n]])
		n++;
	if (s[n]) {
		jbuf__text(b, s, n + strlen(s + n));
		return;
	}
	put_plain(b, s, n);
}

/* Bytes escaped per reservation: a long buffer needs no 6 times its size at once. */
#define TEXT_CHUNK 4096

char *jbuf__escape_to(char *d, const void *p, size_t n)
{
	size_t i = 0;

	return str_body(d, p, &i, n, n);
}

#ifdef __SSE2__
/*
 * The 16 bytes at @s, stored at @d as they are; return a mask of those
 * that are not plain (bit i: byte i): below 0x20 or from 0x80 (negative as
 * signed bytes: one comparison), '"', '\\' or DEL.
 */
static inline unsigned int copy_unplain16(char *d, const unsigned char *s)
{
	__m128i x = _mm_loadu_si128((const __m128i *)s);
	__m128i low = _mm_cmplt_epi8(x, _mm_set1_epi8(0x20));
	__m128i quote = _mm_cmpeq_epi8(x, _mm_set1_epi8('"'));
	__m128i bsl = _mm_cmpeq_epi8(x, _mm_set1_epi8('\\'));
	__m128i del = _mm_cmpeq_epi8(x, _mm_set1_epi8(0x7f));

	_mm_storeu_si128((__m128i *)d, x);
	return (unsigned int)_mm_movemask_epi8(
		_mm_or_si128(_mm_or_si128(low, quote), _mm_or_si128(bsl, del)));
}

char *jbuf__escape_padded(char *d, const void *p, size_t n)
{
	const unsigned char *s = p;
	size_t j = 0;

	/*
	 * 16 bytes at a time, the last ones too: the bytes past the end are
	 * readable (the contract) and left out of the mask, and the stores
	 * past the end are room the caller gave
	 */
	while (j < n) {
		size_t left = n - j, k;
		unsigned int bad = copy_unplain16(d, s + j);

		if (left < 16)
			bad &= (1u << left) - 1;
		if (!bad) {
			k = left < 16 ? left : 16;
			d += k;
			j += k;
			continue;
		}
		k = (size_t)__builtin_ctz(bad);
		j += k;
		d += k;
		/* a quoted string's quotes, the usual case: no call */
		if (s[j] == '"' || s[j] == '\\') {
			d[0] = '\\';
			d[1] = (char)s[j++];
			d += 2;
			continue;
		}
		d = one_char(d, s, &j, n);
	}
	return d;
}
#else
char *jbuf__escape_padded(char *d, const void *p, size_t n)
{
	return jbuf__escape_to(d, p, n);
}
#endif

void jbuf__text(struct sr_jbuf *b, const void *p, size_t n)
{
	size_t i = 0, stop;

	jbuf__putc(b, '"');
	while (i < n) {
		stop = n - i < TEXT_CHUNK ? n : i + TEXT_CHUNK;
		/* 6 bytes a byte ("\u001b"), and a sequence may go 3 bytes past stop */
		if (b->cap - b->len < (stop - i + 3) * 6 && jbuf__grow(b, (stop - i + 3) * 6))
			return;
		b->len = (size_t)(str_body(b->p + b->len, p, &i, stop, n) - b->p);
	}
	jbuf__putc(b, '"');
}

void jbuf__base64(struct sr_jbuf *b, const void *p, size_t n)
{
	static const char tab[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	const unsigned char *s = p;
	size_t i;

	jbuf__putc(b, '"');
	for (i = 0; i + 2 < n; i += 3) {
		char q[4] = { tab[s[i] >> 2], tab[(s[i] & 3) << 4 | s[i + 1] >> 4],
			      tab[(s[i + 1] & 15) << 2 | s[i + 2] >> 6], tab[s[i + 2] & 63] };

		jbuf__put(b, q, 4);
	}
	if (n - i == 1) {
		char q[4] = { tab[s[i] >> 2], tab[(s[i] & 3) << 4], '=', '=' };

		jbuf__put(b, q, 4);
	} else if (n - i == 2) {
		char q[4] = { tab[s[i] >> 2], tab[(s[i] & 3) << 4 | s[i + 1] >> 4],
			      tab[(s[i + 1] & 15) << 2], '=' };

		jbuf__put(b, q, 4);
	}
	jbuf__putc(b, '"');
}

void jbuf__bytes(struct sr_jbuf *b, const void *p, size_t n, bool truncated)
{
	bool text;

	/* the usual path or name: printable ASCII, copied as it is */
	if (!truncated && all_plain(p, n)) {
		put_plain(b, p, n);
		return;
	}
	text = utf8__valid(p, n);

	if (text && !truncated) {
		jbuf__text(b, p, n);
		return;
	}
	jbuf__puts(b, text ? "{\"str\":" : "{\"base64\":");
	if (text)
		jbuf__text(b, p, n);
	else
		jbuf__base64(b, p, n);
	jbuf__puts(b, truncated ? ",\"truncated\":true}" : ",\"truncated\":false}");
}
