// SPDX-License-Identifier: GPL-2.0
/*
 * Decoders: the key management calls (add_key, request_key, keyctl). A key
 * serial number is a signed int whose special negative values name a
 * keyring (KEY_SPEC_THREAD_KEYRING); any other prints in decimal, with no
 * comment, as strace's printxval_d does.
 */
#include "decode/decode.h"

static void fmt_key_serial(struct sr_fmt *f, int32_t id)
{
	const char *n = xlat__name(&xlat_key_spec, (uint64_t)(int64_t)id);

	if (n)
		pr_sym(f, n, (uint64_t)(int64_t)id);
	else
		pr_d(f, id);
}

static void key_serial_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	fmt_key_serial(f, (int32_t)c->args[argi]);
}

const struct sr_decoder sr_dec_key_serial = {
	.name = "key_serial",
	.print = key_serial_print,
};
