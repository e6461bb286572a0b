/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Decimal numbers written in place, two digits per division, for the text
 * and JSON writers. Writing into the destination directly matters: a number
 * formed in a buffer on the stack and copied is read back from bytes just
 * stored one or two at a time, which the CPU cannot forward (the stall was
 * most of a number's time), and 64-bit values are split into 32-bit parts
 * of 8 digits (a 32-bit division by a constant is cheaper).
 */
#ifndef SYSRAY_DIGITS_H
#define SYSRAY_DIGITS_H

#include <stdint.h>
#include <string.h>

/* "00".."99" */
extern const char sr_digit_pairs[201];
/* 10^0 .. 10^19 */
extern const uint64_t sr_pow10[20];

/* How many decimal digits @v has (1 for 0). */
static inline unsigned int dec_len(uint64_t v)
{
	uint64_t w = v | 1; /* 0 has one digit; no power of ten is odd */
	/* log10(2) ~ 1233 / 4096: floor(log10) of the highest bit's value */
	unsigned int t = ((64 - (unsigned int)__builtin_clzll(w)) * 1233) >> 12;

	return t + 1 - (w < sr_pow10[t]);
}

/* The digits of @v (< 2^32) ending just before @end; return where they start. */
static inline char *dec_u32_back(char *end, uint32_t v)
{
	while (v >= 100) {
		end -= 2;
		memcpy(end, sr_digit_pairs + (v % 100) * 2, 2);
		v /= 100;
	}
	if (v >= 10) {
		end -= 2;
		memcpy(end, sr_digit_pairs + v * 2, 2);
	} else {
		*--end = (char)('0' + v);
	}
	return end;
}

/* Exactly 8 digits of @v (< 10^8), zero-padded, ending just before @end. */
static inline char *dec_u32_back8(char *end, uint32_t v)
{
	int i;

	for (i = 0; i < 4; i++) {
		end -= 2;
		memcpy(end, sr_digit_pairs + (v % 100) * 2, 2);
		v /= 100;
	}
	return end;
}

/* The dec_len(@v) digits of @v at @d (no NUL); return how many. */
static inline unsigned int dec_put(char *d, uint64_t v)
{
	unsigned int n = dec_len(v);
	char *end = d + n;

	if (v <= UINT32_MAX) {
		dec_u32_back(end, (uint32_t)v);
	} else if (v < 10000000000000000ULL) {
		dec_u32_back(dec_u32_back8(end, (uint32_t)(v % 100000000)),
			     (uint32_t)(v / 100000000));
	} else {
		end = dec_u32_back8(end, (uint32_t)(v % 100000000));
		v /= 100000000;
		dec_u32_back(dec_u32_back8(end, (uint32_t)(v % 100000000)),
			     (uint32_t)(v / 100000000));
	}
	return n;
}

/*
 * printf's "%0*llu" of @v with exactly @digits digits at @d (the last ones
 * when @v has more): a fraction of a second, for one. Any count of digits.
 */
static inline void dec_put_fixed(char *d, uint64_t v, unsigned int digits)
{
	char *end = d + digits;

	if (v <= UINT32_MAX) {
		uint32_t w = (uint32_t)v;

		while (end - d >= 2) {
			end -= 2;
			memcpy(end, sr_digit_pairs + (w % 100) * 2, 2);
			w /= 100;
		}
		if (end > d)
			*--end = (char)('0' + w % 10);
		return;
	}
	while (end - d >= 2) {
		end -= 2;
		memcpy(end, sr_digit_pairs + (v % 100) * 2, 2);
		v /= 100;
	}
	if (end > d)
		*--end = (char)('0' + v % 10);
}

/*
 * @ns nanoseconds as seconds with @digits (0-9) decimals, truncated, at @d
 * (room for 32 bytes): strace's "%ld.%06ld" ("0.000123"; "0" with no
 * decimals). Return the end.
 */
static inline char *dec_put_seconds(char *d, uint64_t ns, int digits)
{
	uint64_t secs = ns / 1000000000;
	uint32_t frac = (uint32_t)(ns % 1000000000);

	if (secs < 10)
		*d++ = (char)('0' + secs);
	else
		d += dec_put(d, secs);
	if (digits <= 0)
		return d;
	*d++ = '.';
	if (digits > 9)
		digits = 9;
	/* strace's precisions (ns, us, ms) divide by constants */
	if (digits == 9)
		dec_put_fixed(d, frac, 9);
	else if (digits == 6)
		dec_put_fixed(d, frac / 1000, 6);
	else if (digits == 3)
		dec_put_fixed(d, frac / 1000000, 3);
	else
		dec_put_fixed(d, frac / sr_pow10[9 - digits], (unsigned int)digits);
	return d + digits;
}

/*
 * A time's text kept for the next one (-tt, -r, -T): lines come micro-
 * seconds apart, so a time's text but its last two digits is most often
 * the previous line's. The text stands for the times in [lo, lo + span),
 * which differ in the last two digits alone.
 */
struct sr_secs_text {
	uint64_t lo;
	uint64_t span; /* 0: empty */
	unsigned int len; /* bytes of text, the last two digits left out */
	char text[32];
};

/*
 * secs_text__reuse() - the text of @ns (@digits decimals) at @d, which has
 * room for 34 bytes, when @c holds its beginning: copied, then its last two
 * digits. Return the end, or NULL (nothing written) when @c does not hold it.
 */
static inline char *secs_text__reuse(const struct sr_secs_text *c, char *d, uint64_t ns,
				     unsigned int digits)
{
	uint64_t off = ns - c->lo;
	uint32_t last;

	if (off >= c->span)
		return NULL;
	memcpy(d, c->text, sizeof(c->text));
	d += c->len;
	/* strace's precisions (us, ms, ns) divide by constants */
	if (digits == 6)
		last = (uint32_t)(off / 1000);
	else if (digits == 3)
		last = (uint32_t)(off / 1000000);
	else
		last = (uint32_t)(off / sr_pow10[9 - digits]);
	memcpy(d, sr_digit_pairs + last * 2, 2);
	return d + 2;
}

/*
 * secs_text__keep() - remember the text from @text to @end that spells @ns
 * with @digits decimals (its last ones: a time's, not padded) for the
 * times that differ from it in the last two digits.
 */
static inline void secs_text__keep(struct sr_secs_text *c, const char *text, const char *end,
				   uint64_t ns, unsigned int digits)
{
	size_t n = (size_t)(end - text);
	uint64_t win;

	c->span = 0;
	/* the last two digits must both be decimals */
	if (digits < 2 || digits > 9 || n < 2 || n - 2 > sizeof(c->text))
		return;
	win = sr_pow10[9 - digits] * 100;
	c->lo = ns - ns % win;
	c->span = win;
	c->len = (unsigned int)(n - 2);
	memcpy(c->text, text, c->len);
}

#endif /* SYSRAY_DIGITS_H */
