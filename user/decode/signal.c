// SPDX-License-Identifier: GPL-2.0
/* Decoders: signals. */
#include <stdio.h>

#include "decode.h"
#include "opts.h"

const struct sr_kind sr_kind_sigaction = { .name = "sigaction", .size = 32, .max = 0 };
const struct sr_kind sr_kind_sigset = { .name = "sigset", .size = 0, .max = 128 };
const struct sr_kind sr_kind_stack_t = { .name = "stack_t", .size = 24, .max = 0 };
const struct sr_kind sr_kind_siginfo = { .name = "siginfo", .size = 128, .max = 0 };
const struct sr_decoder sr_dec_sigreturn_frame = { .name = "sigreturn_frame", .at_exit = false };

const char *signame_short(int sig, char *buf, size_t len)
{
	const char *n = sig > 0 && sig < 32 ? xlat__name(&xlat_signals, sig) : NULL;

	if (n)
		snprintf(buf, len, "%s", n + 3);
	else if (sig == 32)
		snprintf(buf, len, "RTMIN");
	else if (sig > 32 && sig <= 64)
		snprintf(buf, len, "RT_%d", sig - 32);
	else
		snprintf(buf, len, "%d", sig);
	return buf;
}

void fmt_signame(struct sr_fmt *f, int sig)
{
	char buf[16];

	if (sig <= 0 || sig > 64) {
		out__dec(f->out, sig);
		return;
	}
	out__puts(f->out, "SIG");
	out__puts(f->out, signame_short(sig, buf, sizeof(buf)));
}
