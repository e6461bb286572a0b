// SPDX-License-Identifier: GPL-2.0
/*
 * Decoders of the long tail that strace 6.1's own test suite exercises
 * (keyctl.c, ...), against the lines its test programs expect.
 */
#include <errno.h>
#include <string.h>
#include <linux/keyctl.h>

#include "rec.h"
#include "test.h"

/* add_key's and request_key's keyring: a KEY_SPEC_ name, else a signed int. */
static void key_serials(struct t_state *st)
{
	struct t_sink s;
	uint64_t a[6] = { 0, 0, 0, 0, (uint32_t)KEY_SPEC_THREAD_KEYRING };

	t_sink_open(&s);
	CHECK_STR(
		st, t_line(&s, "add_key", a, NULL, 0, -EFAULT, NULL, 0),
		"add_key(NULL, NULL, NULL, 0, KEY_SPEC_THREAD_KEYRING) = -1 EFAULT (Bad address)");
	/* garbage in the upper half: the kernel reads an int */
	a[4] = 0xbadc0ded00000000ULL | (uint32_t)KEY_SPEC_REQUESTOR_KEYRING;
	CHECK_STR(st, t_line(&s, "add_key", a, NULL, 0, -EFAULT, NULL, 0),
		  "add_key(NULL, NULL, NULL, 0, KEY_SPEC_REQUESTOR_KEYRING) = -1 EFAULT (Bad "
		  "address)");
	a[3] = (uint32_t)-1234567890;
	CHECK_STR(st, t_line(&s, "request_key", a, NULL, 0, -EFAULT, NULL, 0),
		  "request_key(NULL, NULL, NULL, -1234567890) = -1 EFAULT (Bad address)");
	a[3] = 0;
	CHECK_STR(st, t_line(&s, "request_key", a, NULL, 0, -EFAULT, NULL, 0),
		  "request_key(NULL, NULL, NULL, 0)  = -1 EFAULT (Bad address)");
	t_sink_close(&s);
}

T_SUITE(decode_misc_tests) = {
	T_CASE(key_serials),
	T_END,
};
