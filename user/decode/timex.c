// SPDX-License-Identifier: GPL-2.0
/*
 * Decoders: adjtimex and clock_adjtime's struct timex, read at exit, and the
 * clock state they return: "= 5 (TIME_ERROR)", as strace 6.1 prints them.
 */
#include <stddef.h>
#include <linux/timex.h>

#include "decode/decode.h"

#define TX_OFF(field) offsetof(struct __kernel_timex, field)

/* The struct's fields in strace's order: long long ones, and the int ones. */
static const struct {
	const char *name;
	size_t off;
	bool is_int;
} tx_mid[] = {
	{ "offset", TX_OFF(offset), false },	   { "freq", TX_OFF(freq), false },
	{ "maxerror", TX_OFF(maxerror), false }, { "esterror", TX_OFF(esterror), false },
}, tx_pll[] = {
	{ "constant", TX_OFF(constant), false },
	{ "precision", TX_OFF(precision), false },
	{ "tolerance", TX_OFF(tolerance), false },
}, tx_tail[] = {
	{ "tick", TX_OFF(tick), false },	 { "ppsfreq", TX_OFF(ppsfreq), false },
	{ "jitter", TX_OFF(jitter), false },	 { "shift", TX_OFF(shift), true },
	{ "stabil", TX_OFF(stabil), false },	 { "jitcnt", TX_OFF(jitcnt), false },
	{ "calcnt", TX_OFF(calcnt), false },	 { "errcnt", TX_OFF(errcnt), false },
	{ "stbcnt", TX_OFF(stbcnt), false },	 { "tai", TX_OFF(tai), true },
};

#define TX_FIELDS(f, p, tab)                                                                  \
	do {                                                                                  \
		size_t i_;                                                                    \
		for (i_ = 0; i_ < sizeof(tab) / sizeof(tab[0]); i_++)                         \
			pr_field_d(f, tab[i_].name,                                           \
				   tab[i_].is_int ? (int64_t)(int32_t)get32(p, tab[i_].off) : \
						    (int64_t)get64(p, tab[i_].off));          \
	} while (0)

static void timex_print(struct sr_fmt *f, const struct sr_call *c, int argi, const void *data,
			size_t len)
{
	const uint8_t *p = data;

	(void)c;
	(void)argi;
	(void)len;
	pr_struct_begin(f);
	pr_field(f, "modes");
	fmt_flags(f, &xlat_adjtimex_modes, get32(p, TX_OFF(modes)));
	TX_FIELDS(f, p, tx_mid);
	pr_field(f, "status");
	fmt_flags(f, &xlat_adjtimex_status, get32(p, TX_OFF(status)));
	TX_FIELDS(f, p, tx_pll);
	pr_field(f, "time");
	pr_struct_begin(f);
	pr_field_d(f, "tv_sec", (int64_t)get64(p, TX_OFF(time.tv_sec)));
	pr_field_u(f, "tv_usec", get64(p, TX_OFF(time.tv_usec)));
	pr_struct_end(f);
	TX_FIELDS(f, p, tx_tail);
	pr_struct_end(f);
}

const struct sr_kind sr_kind_timex = {
	.name = "timex",
	.size = sizeof(struct __kernel_timex),
	.max = 0,
	.print = timex_print,
};

/* The timex argument: the last one. */
static int timex_arg(const struct sr_call *c)
{
	return c->ent->nargs - 1;
}

/* clock_adjtime's clock (its row's table); adjtimex prints everything at exit. */
static bool adjtimex_entry_shown(const struct sr_call *c)
{
	return timex_arg(c) > 0;
}

static void adjtimex_enter(struct sr_fmt *f, const struct sr_call *c)
{
	if (!adjtimex_entry_shown(c))
		return;
	fmt_arg(f, c, 0);
	fmt_enum(f, c->ent->args[0].xlat, (uint32_t)c->args[0]);
}

static void adjtimex_exit(struct sr_fmt *f, const struct sr_call *c)
{
	fmt_arg(f, c, timex_arg(c));
	fmt_struct(f, c, timex_arg(c), true);
}

/* "= 5 (TIME_ERROR)" once the struct was shown. */
static void adjtimex_ret_suffix(struct sr_fmt *f, const struct sr_call *c)
{
	const char *name;

	if (c->ret < 0 || !c->args[timex_arg(c)])
		return;
	name = xlat__name(&xlat_adjtimex_state, (uint64_t)c->ret);
	if (!name || !blob_get(call__blob(c, timex_arg(c), true), sizeof(struct __kernel_timex)))
		return;
	pr_note_begin(f);
	pr_sym(f, name, (uint64_t)c->ret);
	pr_note_end(f);
}

const struct sr_scdec sr_scdec_adjtimex = {
	.name = "adjtimex",
	.enter = adjtimex_enter,
	.exit = adjtimex_exit,
	.entry_shown = adjtimex_entry_shown,
	.ret_suffix = adjtimex_ret_suffix,
};
