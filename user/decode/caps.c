// SPDX-License-Identifier: GPL-2.0
/* Decoders: capabilities (capget, capset), as strace 6.1 prints them. */
#include <string.h>
#include <linux/capability.h>

#include "decode/decode.h"

/* Sets of version 2 and 3 headers have two 32-bit words each. */
#define SR_CAP_WORDS_MAX _LINUX_CAPABILITY_U32S_3

static void cap_header_print(struct sr_fmt *f, const struct sr_call *c, int argi, const void *data,
			     size_t len)
{
	struct __user_cap_header_struct h;

	(void)c;
	(void)argi;
	(void)len;
	memcpy(&h, data, sizeof(h));
	pr_struct_begin(f);
	pr_field(f, "version");
	fmt_enum(f, &xlat_cap_versions, h.version);
	pr_field(f, "pid");
	fmt_pid(f, h.pid);
	pr_struct_end(f);
}

const struct sr_kind sr_kind_cap_header = {
	.name = "cap_header",
	.same32 = true, /* fixed-width fields */
	.size = sizeof(struct __user_cap_header_struct),
	.max = 0,
	.print = cap_header_print,
};

/*
 * Inside a bit set: 32 capability bits numbered from @base
 * ("1<<CAP_CHOWN|1<<CAP_KILL"), as strace's printflags() prints one word.
 */
static void cap_word(struct sr_fmt *f, uint32_t v, int base)
{
	uint64_t rest;

	if (!v) {
		pr_bits_rest(f, SR_NUM_U, 0);
		return;
	}
	rest = pr_bits_walk(f, &xlat_capabilities, v, base);
	if (rest)
		pr_bits_rest(f, SR_NUM_X, rest);
	if (rest == v)
		pr_comment(f, xlat_capabilities.unknown);
}

/* One set: the low word (also when both are 0), then the high one if any. */
static void cap_bits(struct sr_fmt *f, uint32_t lo, uint32_t hi)
{
	pr_bits_begin(f, (uint64_t)hi << 32 | lo);
	if (lo || !hi)
		cap_word(f, lo, 0);
	if (hi)
		cap_word(f, hi, 32);
	pr_bits_end(f);
}

/*
 * Words per set, by the header's version: one for version 1; 0 when the
 * header could not be read (strace then shows the data's address).
 */
static int cap_words(const struct sr_call *c)
{
	const struct sr_blob *b = c->has_exit && c->out[0] ? c->out[0] : c->in[0];
	const void *h = blob_get(b, sizeof(struct __user_cap_header_struct));
	uint32_t v;

	if (!h)
		return 0;
	v = get32(h, offsetof(struct __user_cap_header_struct, version));
	if (v == _LINUX_CAPABILITY_VERSION_2 || v == _LINUX_CAPABILITY_VERSION_3)
		return SR_CAP_WORDS_MAX;
	return _LINUX_CAPABILITY_U32S_1;
}

/* The sets, as many words as the header's version says (a copy may end at a page). */
static void cap_data_print(struct sr_fmt *f, const struct sr_call *c, int argi, const void *data,
			   size_t len)
{
	struct __user_cap_data_struct d[SR_CAP_WORDS_MAX] = {};
	int words = cap_words(c);
	bool two = words > 1;

	if (!words || len < words * sizeof(d[0])) {
		pr_x(f, c->args[argi]);
		return;
	}
	memcpy(d, data, words * sizeof(d[0]));
	pr_struct_begin(f);
	pr_field(f, "effective");
	cap_bits(f, d[0].effective, two ? d[1].effective : 0);
	pr_field(f, "permitted");
	cap_bits(f, d[0].permitted, two ? d[1].permitted : 0);
	pr_field(f, "inheritable");
	cap_bits(f, d[0].inheritable, two ? d[1].inheritable : 0);
	pr_struct_end(f);
}

const struct sr_kind sr_kind_cap_data = {
	.name = "cap_data",
	.same32 = true, /* fixed-width fields */
	.size = sizeof(struct __user_cap_data_struct) * SR_CAP_WORDS_MAX,
	.max = 0,
	.print = cap_data_print,
	.page_part = true, /* version 1's one word may end a mapping */
};
