// SPDX-License-Identifier: GPL-2.0
/*
 * The JSON pieces: numbers, escaping, UTF-8 validation, base64, and the
 * JSON backend of the printer interface (nesting, sets, in/out values,
 * fields named by their value), each value with its strace text.
 */
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "decode/net.h"
#include "print/jbuf.h"
#include "print/json.h"
#include "test.h"

/* @b as a NUL-terminated string (the buffer keeps a spare byte). */
static const char *jtext(struct sr_jbuf *b)
{
	jbuf__putc(b, '\0');
	b->len--;
	return b->p;
}

static void numbers(struct t_state *st)
{
	struct sr_jbuf b = { 0 };

	jbuf__u64(&b, 0);
	jbuf__putc(&b, ' ');
	jbuf__u64(&b, 18446744073709551615ULL);
	jbuf__putc(&b, ' ');
	jbuf__i64(&b, INT64_MIN);
	jbuf__putc(&b, ' ');
	jbuf__i64(&b, -1);
	jbuf__putc(&b, ' ');
	jbuf__hex(&b, 0x7ffd1234abcdULL);
	jbuf__putc(&b, ' ');
	jbuf__dec_fixed(&b, 42, 9);
	jbuf__putc(&b, ' ');
	jbuf__dec_fixed(&b, 1234, 3);
	CHECK_STR(st, jtext(&b),
		  "0 18446744073709551615 -9223372036854775808 -1 0x7ffd1234abcd 000000042 234");
	jbuf__free(&b);
}

/* jbuf__u64()/i64() against printf at every digit count's edges and at random values. */
static void numbers_vs_printf(struct t_state *st)
{
	struct sr_jbuf b = { 0 };
	uint64_t v, x = 0x9e3779b97f4a7c15ULL;
	char want[48];
	int i, bad = 0;

	for (i = 0; i < 2000; i++) {
		if (i < 60) {
			/* 10^k - 1, 10^k, 10^k + 1 for k = 0..19 */
			v = 1;
			for (int k = 0; k < i / 3; k++)
				v *= 10;
			v = v - 1 + (uint64_t)(i % 3);
		} else {
			x ^= x << 13, x ^= x >> 7, x ^= x << 17;
			v = x >> (x % 64);
		}
		b.len = 0;
		jbuf__u64(&b, v);
		jbuf__putc(&b, ' ');
		jbuf__i64(&b, (int64_t)v);
		snprintf(want, sizeof(want), "%llu %lld", (unsigned long long)v, (long long)v);
		if (strcmp(jtext(&b), want) && bad++ < 3)
			CHECK_STR(st, jtext(&b), want);
	}
	CHECK(st, bad == 0);
	jbuf__free(&b);
}

/* A long string is escaped in pieces: a UTF-8 sequence across a piece's end is kept whole. */
static void long_text(struct t_state *st)
{
	static char in[4095 + 2 + 300 + 1], want[1 + 4095 + 2 + 300 * 6 + 3 + 2];
	struct sr_jbuf b = { 0 };
	size_t n = 0, w = 0;
	int i;

	want[w++] = '"';
	for (i = 0; i < 4095; i++)
		in[n++] = want[w++] = 'a';
	memcpy(in + n, "\xc3\xa9", 2), n += 2;
	memcpy(want + w, "\xc3\xa9", 2), w += 2;
	for (i = 0; i < 300; i++) {
		in[n++] = 1;
		memcpy(want + w, "\\u0001", 6), w += 6;
	}
	in[n++] = (char)0xff;
	memcpy(want + w, "\xef\xbf\xbd\"", 4), w += 4;
	want[w] = 0;
	jbuf__text(&b, in, n);
	CHECK_STR(st, jtext(&b), want);
	jbuf__free(&b);
}

/* One byte that needs escaping, at every place of a 20-byte string (escaped 8 bytes at a time). */
static void escape_everywhere(struct t_state *st)
{
	static const struct {
		char c;
		const char *esc;
	} cases[] = { { 1, "\\u0001" }, { 0x1f, "\\u001f" }, { '"', "\\\"" },
		      { '\\', "\\\\" }, { 0x7f, "\\u007f" }, { (char)0x80, "\xef\xbf\xbd" },
		      { ' ', " " },	{ '~', "~" },	     { '\n', "\\n" } };
	struct sr_jbuf b = { 0 };
	char in[20], want[64];
	size_t c;
	int at, bad = 0;

	for (c = 0; c < sizeof(cases) / sizeof(cases[0]); c++) {
		for (at = 0; at < 20; at++) {
			memset(in, 'a', sizeof(in));
			in[at] = cases[c].c;
			snprintf(want, sizeof(want), "\"%.*s%s%.*s\"", at, in, cases[c].esc,
				 19 - at, in + at + 1);
			b.len = 0;
			jbuf__text(&b, in, sizeof(in));
			if (strcmp(jtext(&b), want) && bad++ < 3)
				CHECK_STR(st, jtext(&b), want);
		}
	}
	CHECK(st, bad == 0);
	jbuf__free(&b);
}

/* jbuf__bytes() of @n bytes of @in must print @want. */
static void bytes_are(struct t_state *st, const char *in, size_t n, bool cut, const char *want)
{
	struct sr_jbuf b = { 0 };

	jbuf__bytes(&b, in, n, cut);
	CHECK_STR(st, jtext(&b), want);
	jbuf__free(&b);
}

static void escaping(struct t_state *st)
{
	bytes_are(st, "", 0, false, "\"\"");
	bytes_are(st, "a\"b\\c/d", 7, false, "\"a\\\"b\\\\c/d\"");
	bytes_are(st, "\n\t\r\b\f\x01\x1f\x7f", 8, false,
		  "\"\\n\\t\\r\\u0008\\u000c\\u0001\\u001f\\u007f\"");
	/* a NUL inside is a character like another */
	bytes_are(st, "a\0b", 3, false, "\"a\\u0000b\"");
	/* valid UTF-8 stays as it is */
	bytes_are(st, "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80", 14, false,
		  "\"caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80\"");
}

static void utf8_validation(struct t_state *st)
{
	static const struct {
		const char *s;
		size_t n;
		bool valid;
	} cases[] = {
		{ "plain", 5, true },
		{ "\xc2\x80", 2, true }, /* U+0080, the first 2-byte sequence */
		{ "\xdf\xbf", 2, true }, /* U+07FF */
		{ "\xe0\xa0\x80", 3, true }, /* U+0800 */
		{ "\xef\xbf\xbf", 3, true }, /* U+FFFF */
		{ "\xf0\x90\x80\x80", 4, true }, /* U+10000 */
		{ "\xf4\x8f\xbf\xbf", 4, true }, /* U+10FFFF, the last */
		{ "\xc0\x80", 2, false }, /* overlong NUL */
		{ "\xc1\xbf", 2, false }, /* overlong */
		{ "\xe0\x80\x80", 3, false }, /* overlong */
		{ "\xf0\x80\x80\x80", 4, false }, /* overlong */
		{ "\xed\xa0\x80", 3, false }, /* U+D800, a surrogate */
		{ "\xed\xbf\xbf", 3, false }, /* U+DFFF */
		{ "\xf4\x90\x80\x80", 4, false }, /* past U+10FFFF */
		{ "\xf8\x88\x80\x80\x80", 5, false }, /* 5-byte forms are gone */
		{ "\xff", 1, false },
		{ "\x80", 1, false }, /* a continuation byte alone */
		{ "\xe2\x82", 2, false }, /* cut short */
		{ "a\xe2\x82", 3, false }, /* cut short at the end */
		{ "\xe2\x28\xa1", 3, false }, /* a bad continuation */
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		if (utf8__valid(cases[i].s, cases[i].n) != cases[i].valid) {
			fprintf(stderr, "  case %zu: utf8__valid() should be %d\n", i,
				cases[i].valid);
			st->fails++;
		}
	}
}

static void base64_and_text(struct t_state *st)
{
	unsigned char all[256];
	struct sr_jbuf b = { 0 };
	size_t i;

	/* RFC 4648's vectors, through invalid UTF-8 so that they print as base64 */
	bytes_are(st, "\xff", 1, false, "{\"base64\":\"/w==\",\"truncated\":false}");
	bytes_are(st, "\xff\xfe", 2, false, "{\"base64\":\"//4=\",\"truncated\":false}");
	bytes_are(st, "\xff\xfe\xfd", 3, false, "{\"base64\":\"//79\",\"truncated\":false}");
	bytes_are(st, "f\x80oo", 4, true, "{\"base64\":\"ZoBvbw==\",\"truncated\":true}");
	/* valid but cut short: the text, said to be cut */
	bytes_are(st, "abc", 3, true, "{\"str\":\"abc\",\"truncated\":true}");
	jbuf__base64(&b, "foobar", 6);
	CHECK_STR(st, jtext(&b), "\"Zm9vYmFy\"");
	b.len = 0;
	for (i = 0; i < sizeof(all); i++)
		all[i] = (unsigned char)i;
	jbuf__base64(&b, all, sizeof(all));
	CHECK_HAS(st, jtext(&b), "\"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIj");
	CHECK_HAS(st, jtext(&b), "8PHy8/T19vf4+fr7/P3+/w==\"");
	/* text that must stay a string: what is not UTF-8 becomes U+FFFD */
	b.len = 0;
	jbuf__text(&b,
		   "a\xff"
		   "b\xe2\x82",
		   5);
	CHECK_STR(st, jtext(&b),
		  "\"a\xef\xbf\xbd"
		  "b\xef\xbf\xbd\xef\xbf\xbd\"");
	jbuf__free(&b);
}

/* A JSON backend and a printing context over it. */
struct t_json {
	struct sr_json_pr pr;
	struct sr_fmt f;
	struct sr_jbuf out;
};

static void tj_open(struct t_json *t)
{
	memset(t, 0, sizeof(*t));
	json_pr__init(&t->pr);
	t->f.pr = &t->pr.base;
}

/* The argument list printed so far as JSON, and its whole strace text. */
static const char *tj_args(struct t_json *t, const char **text)
{
	size_t n;
	const char *s = json_pr__text(&t->pr, &n);

	t->out.len = 0;
	json_pr__write_args(&t->pr, &t->out);
	jbuf__putc(&t->out, '\t');
	jbuf__put(&t->out, s, n);
	*text = strchr(jtext(&t->out), '\t') + 1;
	return t->out.p;
}

static void tj_close(struct t_json *t)
{
	json_pr__free(&t->pr);
	jbuf__free(&t->out);
}

#define CHECK_ARGS(st, t, json, text)                           \
	do {                                                    \
		const char *txt_;                               \
		const char *j_ = tj_args(t, &txt_);             \
		CHECK_STR(st, txt_, text);                      \
		t->out.p[strlen(j_) - strlen(txt_) - 1] = '\0'; \
		CHECK_STR(st, j_, json);                        \
	} while (0)

static void backend_values(struct t_state *st)
{
	struct t_json tj, *t = &tj;
	struct sr_fmt *f = &t->f;

	tj_open(t);
	pr_d(f, -1);
	pr_x(f, 0x1f);
	pr_sym(f, "AT_FDCWD", (uint64_t)-100);
	pr_addr(f, 0);
	pr_addr(f, 0x7ffd1234);
	pr_str(f, "x\ty", 3, 32, 0);
	pr_str(f, "abcdef", 6, 4, 0);
	pr_unknown(f);
	CHECK_ARGS(st, t,
		   "[{\"text\":\"-1\",\"value\":-1},{\"text\":\"0x1f\",\"value\":31},"
		   "{\"text\":\"AT_FDCWD\",\"value\":{\"name\":\"AT_FDCWD\",\"raw\":-100}},"
		   "{\"text\":\"NULL\",\"value\":null},"
		   "{\"text\":\"0x7ffd1234\",\"value\":\"0x7ffd1234\"},"
		   "{\"text\":\"\\\"x\\\\ty\\\"\",\"value\":\"x\\ty\"},"
		   "{\"text\":\"\\\"abcd\\\"...\",\"value\":{\"str\":\"abcd\",\"truncated\":true}},"
		   "{\"text\":\"???\",\"value\":null}]",
		   "-1, 0x1f, AT_FDCWD, NULL, 0x7ffd1234, \"x\\ty\", \"abcd\"..., ???");
	tj_close(t);
}

/* Elements an array names by their index (termios' c_cc, "[VINTR]=0x3"): objects in JSON. */
static void backend_indexed_array(struct t_state *st)
{
	struct t_json tj, *t = &tj;
	struct sr_fmt *f = &t->f;

	tj_open(t);
	pr_array_begin(f);
	pr_field(f, "[VINTR]");
	pr_x(f, 3);
	pr_field(f, "[17]");
	pr_struct_begin(f);
	pr_field_u(f, "a", 1);
	pr_end(f);
	pr_end(f);
	CHECK_ARGS(
		st, t,
		"[{\"text\":\"[[VINTR]=0x3, [17]={a=1}]\",\"value\":["
		"{\"index\":\"[VINTR]\",\"value\":3},{\"index\":\"[17]\",\"value\":{\"a\":1}}]}]",
		"[[VINTR]=0x3, [17]={a=1}]");
	tj_close(t);
}

static void backend_nesting(struct t_state *st)
{
	struct t_json tj, *t = &tj;
	struct sr_fmt *f = &t->f;

	tj_open(t);
	/* {st_mode=S_IFREG|0644, st_dev=makedev(0x8, 0x1), ...} */
	pr_struct_begin(f);
	pr_field(f, "st_mode");
	pr_bits_begin(f, 0100644);
	pr_bit(f, NULL, "S_IFREG");
	pr_bits_rest(f, SR_NUM_O, 0644);
	pr_bits_end(f);
	pr_field(f, "st_dev");
	pr_call_begin(f, "makedev");
	pr_x(f, 8);
	pr_x(f, 1);
	pr_call_end(f);
	pr_more(f);
	pr_struct_end(f);
	/* [{fd=3, events=POLLIN}], ~[CHLD] */
	pr_array_begin(f);
	pr_struct_begin(f);
	pr_field_d(f, "fd", 3);
	pr_struct_end(f);
	pr_more(f);
	pr_array_end(f);
	pr_set_begin(f, true);
	pr_sym(f, "CHLD", 17);
	pr_set_end(f);
	CHECK_ARGS(st, t,
		   "[{\"text\":\"{st_mode=S_IFREG|0644, st_dev=makedev(0x8, 0x1), ...}\","
		   "\"value\":{\"st_mode\":{\"raw\":33188,\"flags\":[\"S_IFREG\",420]},"
		   "\"st_dev\":{\"call\":\"makedev\",\"args\":[8,1]},\"...\":true}},"
		   "{\"text\":\"[{fd=3}, ...]\",\"value\":[{\"fd\":3},\"...\"]},"
		   "{\"text\":\"~[CHLD]\",\"value\":{\"negated\":true,\"set\":"
		   "[{\"name\":\"CHLD\",\"raw\":17}]}}]",
		   "{st_mode=S_IFREG|0644, st_dev=makedev(0x8, 0x1), ...}, [{fd=3}, ...], ~[CHLD]");
	tj_close(t);
}

static void backend_changed_and_notes(struct t_state *st)
{
	struct t_json tj, *t = &tj;
	struct sr_fmt *f = &t->f;

	tj_open(t);
	/* [16 => 24] */
	pr_array_begin(f);
	pr_u(f, 16);
	pr_changed(f);
	pr_u(f, 24);
	pr_array_end(f);
	/* {sa_family=AF_INET, sin_port=htons(80)} => a struct field changed */
	pr_struct_begin(f);
	pr_field(f, "tv_sec");
	pr_d(f, 1);
	pr_changed(f);
	pr_d(f, 0);
	pr_field_d(f, "tv_nsec", 5);
	pr_struct_end(f);
	/* a value and its note: 10 (SIGUSR1); a comment */
	pr_d(f, 10);
	pr_note_begin(f);
	pr_sym(f, "SIGUSR1", 10);
	pr_note_end(f);
	pr_addr(f, 0x1000);
	pr_comment(f, "37 vars");
	CHECK_ARGS(st, t,
		   "[{\"text\":\"[16 => 24]\",\"value\":[{\"in\":16,\"out\":24}]},"
		   "{\"text\":\"{tv_sec=1 => 0, tv_nsec=5}\",\"value\":"
		   "{\"tv_sec\":{\"in\":1,\"out\":0},\"tv_nsec\":5}},"
		   "{\"text\":\"10 (SIGUSR1)\",\"value\":10},"
		   "{\"text\":\"0x1000 /* 37 vars */\",\"value\":\"0x1000\"}]",
		   "[16 => 24], {tv_sec=1 => 0, tv_nsec=5}, 10 (SIGUSR1), 0x1000 /* 37 vars */");
	tj_close(t);
}

static void backend_implicit_field(struct t_state *st)
{
	struct t_json tj, *t = &tj;
	struct sr_fmt *f = &t->f;
	struct sockaddr_in6 sa = { .sin6_family = AF_INET6, .sin6_port = htons(443) };

	tj_open(t);
	sa.sin6_addr.s6_addr[15] = 1;
	fmt_sockaddr(f, &sa, sizeof(sa), 0x1000);
	pr_d(f, 7);
	CHECK_ARGS(st, t,
		   "[{\"text\":\"{sa_family=AF_INET6, sin6_port=htons(443), "
		   "sin6_flowinfo=htonl(0), inet_pton(AF_INET6, \\\"::1\\\", &sin6_addr), "
		   "sin6_scope_id=0}\",\"value\":{\"sa_family\":{\"name\":\"AF_INET6\",\"raw\":10},"
		   "\"sin6_port\":{\"call\":\"htons\",\"args\":[443]},"
		   "\"sin6_flowinfo\":{\"call\":\"htonl\",\"args\":[0]},"
		   "\"sin6_addr\":{\"call\":\"inet_pton\",\"args\":[{\"name\":\"AF_INET6\","
		   "\"raw\":10},\"::1\",{\"name\":\"&sin6_addr\",\"raw\":0}]},"
		   "\"sin6_scope_id\":0}},"
		   "{\"text\":\"7\",\"value\":7}]",
		   "{sa_family=AF_INET6, sin6_port=htons(443), sin6_flowinfo=htonl(0), "
		   "inet_pton(AF_INET6, \"::1\", &sin6_addr), sin6_scope_id=0}, "
		   "7");
	tj_close(t);
}

/* clone's arguments, which strace names: each its own argument, named. */
static void backend_named_args(struct t_state *st)
{
	struct t_json tj, *t = &tj;
	struct sr_fmt *f = &t->f;

	tj_open(t);
	pr_field_addr(f, "child_stack", 0);
	pr_field(f, "flags");
	pr_bits_begin(f, 0x11);
	pr_bit(f, NULL, "SIGCHLD");
	pr_bits_end(f);
	pr_field_addr(f, "child_tidptr", 0x7f00);
	CHECK_ARGS(st, t,
		   "[{\"name\":\"child_stack\",\"text\":\"child_stack=NULL\",\"value\":null},"
		   "{\"name\":\"flags\",\"text\":\"flags=SIGCHLD\",\"value\":{\"raw\":17,"
		   "\"flags\":[\"SIGCHLD\"]}},{\"name\":\"child_tidptr\",\"text\":"
		   "\"child_tidptr=0x7f00\",\"value\":\"0x7f00\"}]",
		   "child_stack=NULL, flags=SIGCHLD, child_tidptr=0x7f00");
	tj_close(t);
}

/* Deeper than the backend tracks: still valid JSON, balanced, and the next list is clean. */
static void backend_depth_and_reuse(struct t_state *st)
{
	struct t_json tj, *t = &tj;
	struct sr_fmt *f = &t->f;
	char want[4 * SR_JSON_DEPTH + 64], *w = want;
	const char *text;
	int i;

	tj_open(t);
	for (i = 0; i < SR_JSON_DEPTH + 8; i++)
		pr_array_begin(f);
	pr_d(f, 1);
	for (i = 0; i < SR_JSON_DEPTH + 8; i++)
		pr_array_end(f);
	/* arrays down to the last frame (the argument list has the first), then null */
	w += sprintf(w, ",\"value\":");
	for (i = 1; i < SR_JSON_DEPTH; i++)
		*w++ = '[';
	w += sprintf(w, "null");
	for (i = 1; i < SR_JSON_DEPTH; i++)
		*w++ = ']';
	sprintf(w, "}]\t");
	CHECK_HAS(st, tj_args(t, &text), want);
	/* a return value: one value with its note */
	json_pr__begin(&t->pr);
	pr_d(f, 3);
	pr_note_begin(f);
	pr_field(f, "flags");
	pr_sym(f, "O_RDWR", 2);
	pr_note_end(f);
	t->out.len = 0;
	CHECK(st, json_pr__write_one(&t->pr, &t->out));
	CHECK_STR(st, jtext(&t->out), "{\"text\":\"3 (flags O_RDWR)\",\"value\":3}");
	json_pr__begin(&t->pr);
	t->out.len = 0;
	CHECK(st, !json_pr__write_one(&t->pr, &t->out) && t->out.len == 0);
	tj_close(t);
}

/*
 * jbuf__escape_padded() (16 bytes at a time, the last block past the end)
 * against jbuf__escape_to(), at every length and with a byte or sequence
 * to escape or keep at every place; the bytes past the end, readable by the
 * contract, are ones that would need escaping, and must be left out.
 */
static void escape_padded(struct t_state *st)
{
	static const char *const seqs[] = { "\x01",	"\"",		"\\",	"\x7f",
					    "\xc3\xa9", "\xe2\x80\xa8", "\xff", "\xc2\x9b" };
	char in[64 + 16], a[6 * 64 + 16], b[6 * 64 + 16];
	size_t n, at, c, la, lb, k;
	int bad = 0;

	for (n = 0; n <= 40; n++) {
		for (at = 0; at <= n; at++) {
			for (c = 0; c < sizeof(seqs) / sizeof(seqs[0]); c++) {
				memset(in, 'a', n);
				memset(in + n, '"', 16);
				k = strlen(seqs[c]);
				if (at < n && at + k <= n)
					memcpy(in + at, seqs[c], k);
				la = (size_t)(jbuf__escape_padded(a, in, n) - a);
				lb = (size_t)(jbuf__escape_to(b, in, n) - b);
				if ((la != lb || memcmp(a, b, la)) && bad++ < 3)
					CHECK(st, la == lb && !memcmp(a, b, la));
			}
		}
	}
	CHECK(st, bad == 0);
}

/*
 * The writers' fast paths against the general one: printable ASCII copied
 * as it is at every length, one byte to escape at every place of every
 * length (jbuf__bytes() as jbuf__text()), and the parts of an argument or
 * fd written in one reservation still escaped.
 */
static void fast_paths(struct t_state *st)
{
	static const char bad_bytes[] = { 1, 0x1f, '"', '\\', 0x7f, '\n', ' ' };
	struct sr_jbuf a = { 0 }, b = { 0 };
	struct t_json tj, *t = &tj;
	const char *text;
	char in[24];
	size_t n, at, c;
	int bad = 0;

	memset(in, 'a', sizeof(in));
	for (n = 0; n <= 20; n++) {
		a.len = b.len = 0;
		jbuf__bytes(&a, in, n, false);
		jbuf__text(&b, in, n);
		bad += a.len != n + 2 || strcmp(jtext(&a), jtext(&b));
		for (at = 0; at < n; at++) {
			for (c = 0; c < sizeof(bad_bytes); c++) {
				in[at] = bad_bytes[c];
				a.len = b.len = 0;
				jbuf__bytes(&a, in, n, false);
				jbuf__text(&b, in, n);
				if (strcmp(jtext(&a), jtext(&b)) && bad++ < 3)
					CHECK_STR(st, jtext(&a), jtext(&b));
			}
			in[at] = 'a';
		}
	}
	CHECK(st, bad == 0);
	jbuf__free(&a);
	jbuf__free(&b);
	tj_open(t);
	pr_arg(&t->f, "we\"ird");
	t->f.pr->ops->fd(t->f.pr, -100, "<a\"b\\>", 6);
	CHECK_HAS(st, tj_args(t, &text), "[{\"name\":\"we\\\"ird\",\"text\":\"");
	CHECK_HAS(st, tj_args(t, &text), "\"value\":{\"fd\":-100,\"desc\":\"<a\\\"b\\\\>\"}}]");
	tj_close(t);
}

T_SUITE(json_tests) = {
	T_CASE(numbers),
	T_CASE(numbers_vs_printf),
	T_CASE(long_text),
	T_CASE(escape_everywhere),
	T_CASE(escaping),
	T_CASE(backend_indexed_array),
	T_CASE(utf8_validation),
	T_CASE(base64_and_text),
	T_CASE(backend_values),
	T_CASE(backend_nesting),
	T_CASE(backend_changed_and_notes),
	T_CASE(backend_implicit_field),
	T_CASE(backend_named_args),
	T_CASE(backend_depth_and_reuse),
	T_CASE(fast_paths),
	T_CASE(escape_padded),
	T_END,
};
