// SPDX-License-Identifier: GPL-2.0
/*
 * The options of strace's text output: timestamps (-t, -tt, -ttt, -r, -T,
 * --timestamps), strings in hex (-x, -xx), constants (-X), the return
 * column (-a), one file per process (-ff, -A), and what selects calls by
 * path or fd (-P, --trace-fds). strace 6.1's spellings, defaults and
 * refusals (strace's own words where it has them).
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli/filter.h"
#include "cli/optdef.h"
#include "cli/opts.h"

/* The row's name as strace's error_opt_arg() says it: "-T" or "--syscall-times". */
static int bad_arg(const struct sr_optdef *d, const char *arg, bool long_form)
{
	char what[64];

	if (long_form && d->lng)
		snprintf(what, sizeof(what), "--%s", d->lng);
	else
		snprintf(what, sizeof(what), "-%c", d->shrt);
	fprintf(stderr, "sysray: invalid %s argument: '%s' (see sysray --help)\n", what, arg);
	return 2;
}

/* strace's precisions: s, ms, us, ns (any case), as digits after the second. */
static int precision_digits(const char *s)
{
	static const struct {
		const char *name;
		int digits;
	} units[] = { { "s", 0 }, { "ms", 3 }, { "us", 6 }, { "ns", 9 } };
	size_t i;

	for (i = 0; i < sizeof(units) / sizeof(units[0]); i++)
		if (!strcasecmp(s, units[i].name))
			return units[i].digits;
	return -1;
}

/*
 * --timestamps=[[format:]FORMAT][,[precision:]PRECISION]: FORMAT none, time
 * or unix; PRECISION s, ms, us or ns. Without a format, time (once set, a
 * precision alone keeps the format). Returns -1 for a bad token.
 */
static int parse_timestamps(struct sr_opts *o, const char *arg)
{
	char *copy = strdup(arg), *tok, *save = NULL;
	int format = -1, digits = -1, err = 0;

	if (!copy)
		return -1;
	for (tok = strtok_r(copy, ",", &save); tok && !err; tok = strtok_r(NULL, ",", &save)) {
		bool f = true, p = true;

		if (!strncasecmp(tok, "format:", 7)) {
			tok += 7;
			p = false;
		} else if (!strncasecmp(tok, "precision:", 10)) {
			tok += 10;
			f = false;
		}
		if (f && !strcasecmp(tok, "none"))
			format = SR_TS_NONE;
		else if (f && !strcasecmp(tok, "time"))
			format = SR_TS_TIME;
		else if (f && !strcasecmp(tok, "unix"))
			format = SR_TS_UNIX;
		else if (p && precision_digits(tok) >= 0)
			digits = precision_digits(tok);
		else
			err = -1;
	}
	free(copy);
	if (err)
		return err;
	if (format >= 0)
		o->ts_format = format;
	else if (o->ts_format == SR_TS_NONE)
		o->ts_format = SR_TS_TIME;
	if (digits >= 0)
		o->ts_digits = digits;
	return 0;
}

int opt_tshort(struct sr_cli *c, const struct sr_optdef *d, const char *arg)
{
	c->tshort++;
	return 0;
}

int opt_timestamps(struct sr_cli *c, const struct sr_optdef *d, const char *arg)
{
	c->tlong = true;
	if (parse_timestamps(c->o, arg ? arg : "format:time"))
		return bad_arg(d, arg, true);
	return 0;
}

/* An optional PRECISION, microseconds unless told: set *@on and *@digits, or refuse @arg. */
static int precision_opt(const struct sr_optdef *d, const char *arg, bool *on, uint8_t *digits)
{
	int n = arg ? precision_digits(arg) : 6;

	if (n < 0)
		return bad_arg(d, arg, true);
	*on = true;
	*digits = n;
	return 0;
}

/* -r, --relative-timestamps[=PRECISION] */
int opt_relative(struct sr_cli *c, const struct sr_optdef *d, const char *arg)
{
	return precision_opt(d, arg, &c->o->relative, &c->o->rel_digits);
}

/* -T, --syscall-times[=PRECISION] */
int opt_syscall_times(struct sr_cli *c, const struct sr_optdef *d, const char *arg)
{
	return precision_opt(d, arg, &c->o->syscall_times, &c->o->times_digits);
}

int opt_xshort(struct sr_cli *c, const struct sr_optdef *d, const char *arg)
{
	c->xshort++;
	return 0;
}

/* --strings-in-hex[=none|non-ascii-chars|non-ascii|all]; all without a value. */
int opt_strings_in_hex(struct sr_cli *c, const struct sr_optdef *d, const char *arg)
{
	static const char *const names[] = {
		[SR_HEXSTR_NONE] = "none",
		[SR_HEXSTR_NON_ASCII_CHARS] = "non-ascii-chars",
		[SR_HEXSTR_NON_ASCII] = "non-ascii",
		[SR_HEXSTR_ALL] = "all",
	};
	int i;

	if (!arg) {
		c->xlong = SR_HEXSTR_ALL + 1;
		return 0;
	}
	for (i = 0; i <= SR_HEXSTR_ALL; i++) {
		if (!strcasecmp(arg, names[i])) {
			c->xlong = i + 1;
			return 0;
		}
	}
	return bad_arg(d, arg, true);
}

/* -X raw|abbrev|verbose (strace compares them case-sensitively). */
int opt_const_style(struct sr_cli *c, const struct sr_optdef *d, const char *arg)
{
	if (!strcmp(arg, "raw"))
		c->o->xlat_style = SR_XLAT_RAW;
	else if (!strcmp(arg, "abbrev"))
		c->o->xlat_style = SR_XLAT_ABBREV;
	else if (!strcmp(arg, "verbose"))
		c->o->xlat_style = SR_XLAT_VERBOSE;
	else
		return bad_arg(d, arg, false);
	return 0;
}

/* -a COLUMN: any column from 0, as strace's string_to_uint() reads it. */
int opt_columns(struct sr_cli *c, const struct sr_optdef *d, const char *arg)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(arg, &end, 10);
	if (errno || end == arg || *end || v < 0 || v > INT_MAX)
		return bad_arg(d, arg, false);
	/* a column past any line is as good as no padding, and bounds the spaces */
	c->o->acolumn = (v > 4096 ? 4096 : (int)v) + 1;
	return 0;
}

/* -f, -ff (param 0); --follow-forks (1); --output-separately (2). */
int opt_follow(struct sr_cli *c, const struct sr_optdef *d, const char *arg)
{
	if (d->param == 1)
		c->follow_long = true;
	else if (d->param == 2)
		c->separately = true;
	else
		c->follow++;
	c->o->follow = true;
	return 0;
}

int opt_trace_path(struct sr_cli *c, const struct sr_optdef *d, const char *arg)
{
	struct sr_opts *o = c->o;
	int i;

	if (!arg[0])
		return usage_error("invalid -P path '%s'", arg);
	for (i = 0; i < o->npaths; i++)
		if (!strcmp(o->paths[i], arg))
			return 0;
	if (o->npaths >= SR_MAX_PATHS)
		return usage_error("too many -P paths at '%s' (at most 16)", arg);
	o->paths[o->npaths++] = arg;
	return 0;
}

int opt_trace_fds(struct sr_cli *c, const struct sr_optdef *d, const char *arg)
{
	return filter__fdset(&c->o->trace_fds, arg) ? 2 : 0;
}

/*
 * -P PATH also selects what PATH resolves to, with strace's notice when
 * they differ: "Requested path "/tmp/x" resolved into "/private/tmp/x"".
 */
static void resolve_paths(struct sr_opts *o)
{
	int i;

	for (i = 0; i < o->npaths; i++) {
		char *r = realpath(o->paths[i], NULL);

		o->resolved[i][0] = 0;
		if (!r)
			continue;
		if (strcmp(r, o->paths[i]) && strlen(r) < SR_PATH_MAX) {
			strcpy(o->resolved[i], r);
			if (!o->quiet_path_resolution)
				fprintf(stderr,
					"sysray: Requested path \"%s\" resolved into \"%s\"\n",
					o->paths[i], r);
		}
		free(r);
	}
}

/* Is @o's -o a pipe to a command ("|cmd", "!cmd")? */
static bool output_piped(const struct sr_opts *o)
{
	return o->outfile && (o->outfile[0] == '|' || o->outfile[0] == '!');
}

/* Options that only shape the text: the name of the first one given, or NULL. */
static const char *format_option(const struct sr_opts *o)
{
	if (o->hexstr != SR_HEXSTR_NONE)
		return "-x";
	if (o->xlat_style != SR_XLAT_ABBREV)
		return "-X";
	if (o->acolumn)
		return "-a";
	if (o->print_nr)
		return "-n";
	if (o->arg_names)
		return "-N";
	if (o->ts_format != SR_TS_NONE)
		return "-t/--timestamps";
	return NULL;
}

/* Options of strace's text output: the name of the first one given, or NULL. */
static const char *text_option(const struct sr_opts *o)
{
	const char *f = format_option(o);

	if (f)
		return f;
	if (o->relative)
		return "-r";
	if (o->syscall_times)
		return "-T";
	if (o->print_ip)
		return "-i";
	if (o->read_fds.used || o->write_fds.used)
		return "-e read=/write=";
	if (o->output_separately)
		return "-ff";
	return NULL;
}

/* -f/-ff/--follow-forks/--output-separately, as strace combines them. */
static int finish_follow(struct sr_cli *c)
{
	struct sr_opts *o = c->o;

	if (c->follow && c->follow_long)
		return usage_error("%s", "-f and --follow-forks cannot be provided simultaneously");
	if (c->follow >= 2 && c->separately)
		return usage_error("%s",
				   "-ff and --output-separately cannot be provided simultaneously");
	o->output_separately = c->separately || c->follow >= 2;
	if (o->output_separately && !o->outfile)
		return usage_error("%s", "-ff/--output-separately writes FILE.PID for each "
					 "process: give -o FILE");
	if (o->output_separately && output_piped(o))
		return usage_error("%s", "piping the output and -ff/--output-separately are "
					 "mutually exclusive");
	if (o->append && !o->outfile)
		return usage_error("%s", "-A/--output-append-mode has no effect without "
					 "-o/--output");
	return 0;
}

/* Options that say the same thing twice, or that the output cannot honour. */
static int conflicts(const struct sr_opts *o)
{
	const char *t = text_option(o), *f = format_option(o);

	if (o->json && t)
		return usage_error("%s is an option of strace's text output, not of --json", t);
	/* -T, -r, -i, -e read=/write= change what is captured: a recording keeps it */
	if (o->record && f)
		return usage_error("--record saves records, not text: give %s with --replay", f);
	if (o->record && (o->output_separately || output_piped(o)))
		return usage_error("%s", "--record writes one file: -ff and -o |command "
					 "cannot apply");
	if (o->replay && o->ts_format != SR_TS_NONE)
		return usage_error("%s", "--replay: a recording holds kernel times, not the wall "
					 "clock; -r and -T work, -t does not");
	return 0;
}

int outfmt__finish(struct sr_cli *c)
{
	struct sr_opts *o = c->o;
	int err;

	if (c->tshort && c->tlong)
		return usage_error("%s", "-t and --absolute-timestamps cannot be provided "
					 "simultaneously");
	if (c->tshort) {
		/* -t: time; -tt: time with us; -ttt: unix time with us */
		o->ts_format = c->tshort >= 3 ? SR_TS_UNIX : SR_TS_TIME;
		o->ts_digits = c->tshort >= 2 ? 6 : 0;
	}
	if (c->xshort && c->xlong)
		return usage_error("%s", "-x and --strings-in-hex cannot be provided "
					 "simultaneously");
	if (c->xlong)
		o->hexstr = c->xlong - 1;
	else if (c->xshort)
		o->hexstr = c->xshort >= 2 ? SR_HEXSTR_ALL : SR_HEXSTR_NON_ASCII;
	err = finish_follow(c);
	if (!err)
		err = conflicts(o);
	if (!err)
		resolve_paths(o);
	return err;
}
