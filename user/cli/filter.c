// SPDX-License-Identifier: GPL-2.0
/*
 * strace's -e qualifiers. Sets are comma-separated; a leading '!' negates
 * the whole set; "all" and "none" are sets of their own. Syscall sets also
 * take %class names (from the classes of the syscall table), /regex and
 * ?name (ignored when unknown).
 */
#include <errno.h>
#include <pwd.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdbool.h>
#include <string.h>

#include "cli/filter.h"
#include "cli/opts.h"
#include "table/syscalls.h"
#include "table/xlat.h"
#include "xlat/all.h"

struct sr_class {
	const char *name; /* after the % */
	uint32_t bits;
	bool legacy; /* also accepted without % */
};

static const struct sr_class classes[] = {
	{ "file", SR_C_FILE, true },
	{ "desc", SR_C_DESC, true },
	{ "network", SR_C_NET, true },
	{ "net", SR_C_NET, false },
	{ "process", SR_C_PROC, true },
	{ "signal", SR_C_SIGNAL, true },
	{ "ipc", SR_C_IPC, true },
	{ "memory", SR_C_MEM, true },
	{ "creds", SR_C_CREDS, false },
	{ "clock", SR_C_CLOCK, false },
	{ "stat", SR_C_STAT, false },
	{ "lstat", SR_C_LSTAT, false },
	{ "fstat", SR_C_FSTAT, false },
	{ "%stat", SR_C_STAT_LIKE, false },
	{ "statfs", SR_C_STATFS, false },
	{ "fstatfs", SR_C_FSTATFS, false },
	{ "%statfs", SR_C_STATFS_LIKE, false },
	{ "pure", SR_C_PURE, false },
};

#define NCLASSES (sizeof(classes) / sizeof(classes[0]))

static void bit_set(uint8_t *set, int n)
{
	set[n / 8] |= 1u << (n % 8);
}

static bool bit_get(const uint8_t *set, int n)
{
	return set[n / 8] & (1u << (n % 8));
}

static size_t edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j;
	size_t prev[64], cur[64];

	if (la >= 63 || lb >= 63)
		return 99;
	for (j = 0; j <= lb; j++)
		prev[j] = j;
	for (i = 1; i <= la; i++) {
		cur[0] = i;
		for (j = 1; j <= lb; j++) {
			size_t sub = prev[j - 1] + (a[i - 1] != b[j - 1]);
			size_t del = prev[j] + 1, ins = cur[j - 1] + 1;

			cur[j] = sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins);
		}
		memcpy(prev, cur, sizeof(prev));
	}
	return prev[lb];
}

const char *filter__suggest(const char *word, const char *const *names, size_t n)
{
	size_t best = (size_t)-1, i, limit = strlen(word) / 3 + 1;
	const char *pick = NULL;

	if (limit < 2)
		limit = 2;
	for (i = 0; i < n; i++) {
		size_t d = edit_distance(word, names[i]);

		if (d < best) {
			best = d;
			pick = names[i];
		}
	}
	return best <= limit ? pick : NULL;
}

static const struct sr_class *class_by_name(const char *name, bool percent)
{
	size_t i;

	for (i = 0; i < NCLASSES; i++)
		if (!strcmp(classes[i].name, name) && (percent || classes[i].legacy))
			return &classes[i];
	return NULL;
}

/* "invalid system call 'opn' (did you mean 'open'?)" */
static int bad_syscall(const char *tok)
{
	const char *names[SR_NR_MAX + NCLASSES];
	char buf[80];
	const char *hint;
	size_t n = 0, i;
	int nr;

	if (tok[0] != '%' && class_by_name(tok, true)) {
		/* a class strace only knows with its %: creds, clock, stat... */
		snprintf(buf, sizeof(buf), " (did you mean '%%%s'?)", tok);
		hint = buf;
	} else if (tok[0] == '%') {
		for (i = 0; i < NCLASSES; i++)
			names[n++] = classes[i].name;
		hint = filter__suggest(tok + 1, names, n);
		if (hint)
			snprintf(buf, sizeof(buf), " (did you mean '%%%s'?)", hint);
	} else {
		for (nr = 0; nr < syscalls__count() && n < SR_NR_MAX; nr++)
			if (!syscalls__get(nr)->raw)
				names[n++] = syscalls__get(nr)->name;
		hint = filter__suggest(tok, names, n);
		if (hint)
			snprintf(buf, sizeof(buf), " (did you mean '%s'?)", hint);
	}
	fprintf(stderr, "sysray: invalid system call '%s'%s\n", tok, hint ? buf : "");
	return -EINVAL;
}

/*
 * A syscall set being parsed: over native numbers, and (-e trace=) over an
 * ia32 task's i386 numbers, each word resolved against both tables as
 * strace resolves it for each personality.
 */
struct sr_selset {
	uint8_t *sel;
	uint8_t *sel32; /* NULL: native numbers only */
};

/* Entry @nr of the native table (@i386 false) or of the i386 one; NULL past its end. */
static const struct sr_sysent *entry_at(int nr, bool i386)
{
	if (nr >= SR_NR_MAX || (!i386 && nr >= syscalls__count()))
		return NULL;
	return i386 ? syscalls__get_compat(nr) : syscalls__get(nr);
}

static void select_class(uint8_t *set, uint32_t bits, bool i386)
{
	const struct sr_sysent *e;
	int nr;

	for (nr = 0; (e = entry_at(nr, i386)); nr++)
		if (e->flags & bits)
			bit_set(set, nr);
}

/*
 * Would glibc's regcomp() blow up on @re? It copies the subexpression of
 * each '+' and of each {n,m} bound (n or m times more), so nested or
 * repeated repetitions multiply: "a++++++++..." takes gigabytes, and with
 * '*' and '?' among them ("x+*+++++++++++") compiling takes seconds. The
 * copies each could make are multiplied together (a '*' or '?' counts as a
 * '+'); syscall-name patterns stay far below the limit of 64.
 */
#define SR_REGEX_COPIES_MAX 64

static bool regex_too_big(const char *re)
{
	unsigned long copies = 1;
	const char *p;

	if (strlen(re) > 256)
		return true;
	for (p = re; *p && copies <= SR_REGEX_COPIES_MAX; p++) {
		if (*p == '\\' && p[1]) {
			p++;
		} else if (*p == '+' || *p == '*' || *p == '?') {
			copies *= 2;
		} else if (*p == '{') {
			unsigned long n = 0, most = 0;

			for (p++; *p && *p != '}'; p++) {
				if (*p >= '0' && *p <= '9' && n < 100000)
					n = n * 10 + (unsigned long)(*p - '0');
				else if (*p == ',')
					n = 0;
				most = n > most ? n : most;
			}
			copies *= most + 1;
			if (!*p)
				break;
		}
	}
	return copies > SR_REGEX_COPIES_MAX;
}

static int select_regex(const struct sr_selset *ss, const char *re)
{
	const struct sr_sysent *e;
	regex_t rx;
	int nr, err;

	if (regex_too_big(re)) {
		fprintf(stderr,
			"sysray: regular expression '%.64s' is too complex (its repetitions "
			"multiply): simplify it\n",
			re);
		return -EINVAL;
	}
	err = regcomp(&rx, re, REG_EXTENDED | REG_NOSUB);
	if (err) {
		fprintf(stderr, "sysray: invalid regular expression '%s'\n", re);
		return -EINVAL;
	}
	for (nr = 0; (e = entry_at(nr, false)); nr++)
		if (!e->raw && !regexec(&rx, e->name, 0, NULL, 0))
			bit_set(ss->sel, nr);
	/* the i386 names raw entries keep (socketcall...) count too */
	for (nr = 0; ss->sel32 && (e = entry_at(nr, true)); nr++)
		if (!e->unnamed && !regexec(&rx, e->name, 0, NULL, 0))
			bit_set(ss->sel32, nr);
	regfree(&rx);
	return 0;
}

/* Syscall @name in the i386 table: its number, or -1. */
static int nr32_by_name(const char *name)
{
	const struct sr_sysent *e;
	int nr;

	for (nr = 0; (e = entry_at(nr, true)); nr++)
		if (!e->unnamed && !strcmp(e->name, name))
			return nr;
	return -1;
}

/* One element of a syscall set. */
static int select_token(const struct sr_selset *ss, const char *tok)
{
	const char *name = tok[0] == '?' ? tok + 1 : tok;
	const struct sr_sysent *e;
	const struct sr_class *c;
	int nr32;

	if (!strcmp(tok, "all")) {
		memset(ss->sel, 0xff, SR_SEL_BYTES);
		if (ss->sel32)
			memset(ss->sel32, 0xff, SR_SEL_BYTES);
		return 0;
	}
	if (!strcmp(tok, "none"))
		return 0;
	if (tok[0] == '/')
		return select_regex(ss, tok + 1);
	/* every io_uring request, whatever its opcode (their syscall twins are not selected) */
	if (!strcmp(tok, "%io_uring")) {
		bit_set(ss->sel, SR_SEL_URING);
		return 0;
	}
	c = tok[0] == '%' ? class_by_name(tok + 1, true) : class_by_name(tok, false);
	if (c) {
		select_class(ss->sel, c->bits, false);
		if (ss->sel32)
			select_class(ss->sel32, c->bits, true);
		return 0;
	}
	e = syscalls__by_name(name);
	if (e && (e->nr < 0 || e->nr >= SR_NR_MAX))
		e = NULL;
	if (e)
		bit_set(ss->sel, e->nr);
	/* a name only i386 has (stat64, _llseek) is a name all the same */
	nr32 = ss->sel32 ? nr32_by_name(name) : -1;
	if (nr32 >= 0)
		bit_set(ss->sel32, nr32);
	if (e || nr32 >= 0)
		return 0;
	return tok[0] == '?' ? 0 : bad_syscall(tok);
}

/*
 * Call @fn on each comma-separated word of @spec, after the leading '!'s,
 * each of which inverts the set (*@negate: an odd number of them), as
 * strace reads "!!!0,1". Empty words are skipped, but a set without any is
 * refused as strace refuses it ("invalid @what ''"). Stops at the first error.
 */
static int each_word(const char *what, const char *spec, bool *negate,
		     int (*fn)(void *ctx, const char *word), void *ctx)
{
	const char *words = spec;
	char *copy, *tok, *save = NULL;
	int err = 0, n = 0;

	*negate = false;
	for (; *words == '!'; words++)
		*negate = !*negate;
	copy = strdup(words);
	if (!copy)
		return -ENOMEM;
	for (tok = strtok_r(copy, ",", &save); tok && !err; tok = strtok_r(NULL, ",", &save), n++)
		err = fn(ctx, tok);
	free(copy);
	if (!err && !n) {
		fprintf(stderr, "sysray: invalid %s '%s'\n", what, spec);
		return -EINVAL;
	}
	return err;
}

static int syscall_word(void *ss, const char *word)
{
	return select_token(ss, word);
}

static void invert(uint8_t *set, bool negate)
{
	size_t i;

	if (negate) {
		for (i = 0; i < SR_SEL_BYTES; i++)
			set[i] = ~set[i];
		bit_set(set, SR_SEL_NEGATED);
	} else {
		set[SR_SEL_NEGATED / 8] &= ~(1u << (SR_SEL_NEGATED % 8));
	}
}

/* Parse @spec into @set and, unless NULL, the same set over i386 numbers into @set32. */
static int parse_syscall_set(uint8_t *set, uint8_t *set32, const char *spec)
{
	struct sr_selset ss = { .sel = set, .sel32 = set32 };
	bool negate;
	int err;

	memset(set, 0, SR_SEL_BYTES);
	if (set32)
		memset(set32, 0, SR_SEL_BYTES);
	err = each_word("system call", spec, &negate, syscall_word, &ss);
	invert(set, negate);
	if (set32)
		invert(set32, negate);
	return err;
}

struct sr_word {
	const char *name;
	unsigned int bits;
};

struct sr_words {
	const char *what; /* for the error: "status", "quiet" */
	const struct sr_word *words;
	size_t n;
	unsigned int all;
	unsigned int v;
};

static int named_word(void *ctx, const char *tok)
{
	struct sr_words *w = ctx;
	size_t i;

	if (!strcmp(tok, "all")) {
		w->v = w->all;
		return 0;
	}
	if (!strcmp(tok, "none"))
		return 0;
	for (i = 0; i < w->n && strcmp(w->words[i].name, tok); i++)
		;
	if (i == w->n) {
		fprintf(stderr, "sysray: invalid %s '%s' (", w->what, tok);
		for (i = 0; i < w->n; i++)
			fprintf(stderr, "%s, ", w->words[i].name);
		fprintf(stderr, "all or none)\n");
		return -EINVAL;
	}
	w->v |= w->words[i].bits;
	return 0;
}

/* A set of named bits ("successful,failed"), with "all", "none" and '!'. */
static int parse_words(const char *what, const char *spec, const struct sr_word *words, size_t n,
		       unsigned int all, unsigned int *out)
{
	struct sr_words w = { what, words, n, all, 0 };
	bool negate;
	int err = each_word(what, spec, &negate, named_word, &w);

	if (!err)
		*out = negate ? all & ~w.v : w.v;
	return err;
}

static int parse_status(struct sr_opts *o, const char *spec)
{
	static const struct sr_word words[] = {
		{ "successful", SR_ST_SUCCESSFUL }, { "failed", SR_ST_FAILED },
		{ "unfinished", SR_ST_UNFINISHED }, { "unavailable", SR_ST_UNAVAILABLE },
		{ "detached", SR_ST_DETACHED },
	};
	unsigned int v;
	int err =
		parse_words("status", spec, words, sizeof(words) / sizeof(words[0]), SR_ST_ALL, &v);

	if (!err)
		o->status = v;
	return err;
}

static int parse_quiet(struct sr_opts *o, const char *spec)
{
	enum { Q_ATTACH = 1, Q_EXIT = 2, Q_PATH = 4, Q_PERS = 8, Q_EXECVE = 16 };
	static const struct sr_word words[] = {
		{ "attach", Q_ATTACH },	    { "exit", Q_EXIT },
		{ "exits", Q_EXIT },	    { "path-resolution", Q_PATH },
		{ "personality", Q_PERS },  { "thread-execve", Q_EXECVE },
		{ "superseded", Q_EXECVE },
	};
	unsigned int v;
	int err = parse_words("quiet", spec, words, sizeof(words) / sizeof(words[0]), 31, &v);

	if (err)
		return err;
	o->quiet = v & Q_ATTACH;
	o->quiet_exit = v & Q_EXIT;
	o->quiet_superseded = v & Q_EXECVE;
	o->quiet_personality = v & Q_PERS;
	o->quiet_path_resolution = v & Q_PATH;
	return 0;
}

int filter__decode_fds(struct sr_opts *o, const char *spec)
{
	static const struct sr_word words[] = {
		{ "path", SR_FDK_PATH },
		{ "socket", SR_FDK_SOCKET },
		{ "dev", SR_FDK_DEV },
		{ "pidfd", SR_FDK_PIDFD },
	};
	unsigned int v;
	int err = parse_words("decode-fds", spec, words, sizeof(words) / sizeof(words[0]),
			      SR_FDK_ALL, &v);

	if (!err)
		o->fd_kinds = (uint8_t)(v | SR_FDK_SET);
	return err;
}

int filter__decode_pids(struct sr_opts *o, const char *spec)
{
	enum { P_COMM = 1, P_PIDNS = 2 };
	static const struct sr_word words[] = { { "comm", P_COMM }, { "pidns", P_PIDNS } };
	unsigned int v;
	int err = parse_words("decode-pids", spec, words, sizeof(words) / sizeof(words[0]),
			      P_COMM | P_PIDNS, &v);

	if (!err) {
		o->decode_pids = v & P_COMM;
		o->pidns = v & P_PIDNS;
	}
	return err;
}

/* A signal by name (SIGCHLD, CHLD, RTMIN, RT_3) or number. */
static int signal_number(const char *tok)
{
	const char *name = strncasecmp(tok, "SIG", 3) ? tok : tok + 3;
	char *end;
	long v;
	uint32_t i;

	v = strtol(tok, &end, 10);
	if (!*end && end != tok)
		return v >= 1 && v <= 64 ? (int)v : -1;
	if (!strcasecmp(name, "RTMIN"))
		return 32;
	if (!strncasecmp(name, "RT_", 3)) {
		v = strtol(name + 3, &end, 10);
		return !*end && v >= 1 && v <= 32 ? 32 + (int)v : -1;
	}
	for (i = 0; i < xlat_signals.n; i++)
		if (!strcasecmp(xlat_signals.ents[i].name + 3, name))
			return (int)xlat_signals.ents[i].val;
	return -1;
}

static int signal_word(void *set, const char *tok)
{
	int sig = signal_number(tok);

	if (!strcmp(tok, "all")) {
		memset(set, 0xff, sizeof(((struct sr_opts *)0)->sig_sel));
	} else if (strcmp(tok, "none")) {
		if (sig < 0) {
			fprintf(stderr, "sysray: invalid signal '%s'\n", tok);
			return -EINVAL;
		}
		bit_set(set, sig);
	}
	return 0;
}

static int parse_signals(struct sr_opts *o, const char *spec)
{
	uint8_t set[sizeof(o->sig_sel)] = {};
	bool negate;
	size_t i;
	int err = each_word("signal", spec, &negate, signal_word, set);

	if (err)
		return err;
	for (i = 0; i < sizeof(set); i++)
		o->sig_sel[i] = negate ? ~set[i] : set[i];
	return 0;
}

static int parse_trace(struct sr_opts *o, const char *spec)
{
	o->trace_set = true;
	return parse_syscall_set(o->trace_sel, o->trace_sel32, spec);
}

static int parse_raw(struct sr_opts *o, const char *spec)
{
	return parse_syscall_set(o->raw_sel, NULL, spec);
}

/* The syscalls a set leaves out (kept so, as zeroed options select nothing). */
static int parse_complement(uint8_t *out, const char *spec)
{
	size_t i;
	int err = parse_syscall_set(out, NULL, spec);

	for (i = 0; i < SR_NR_MAX / 8; i++)
		out[i] = ~out[i];
	return err;
}

/* -e abbrev=SET (-v is abbrev=none). */
static int parse_abbrev(struct sr_opts *o, const char *spec)
{
	return parse_complement(o->noabbrev_sel, spec);
}

static int parse_verbose(struct sr_opts *o, const char *spec)
{
	return parse_complement(o->noverbose_sel, spec);
}

/* One fd number of a set (strace's string_to_uint: decimal, at most INT_MAX). */
static int fd_word(void *ctx, const char *tok)
{
	struct sr_fdset *set = ctx;
	char *end;
	long v;

	if (!strcmp(tok, "all")) {
		set->negated = true;
		memset(set->bits, 0, sizeof(set->bits));
		return 0;
	}
	if (!strcmp(tok, "none"))
		return 0;
	v = strtol(tok, &end, 10);
	if (end == tok || *end || tok[0] == '-' || tok[0] == '+' || v < 0 || v > 0x7fffffff) {
		fprintf(stderr, "sysray: invalid descriptor '%s'\n", tok);
		return -EINVAL;
	}
	if (v >= SR_FDSET_MAX) {
		fprintf(stderr, "sysray: descriptor '%s': at most %d\n", tok, SR_FDSET_MAX - 1);
		return -EINVAL;
	}
	bit_set(set->bits, (int)v);
	return 0;
}

int filter__fdset(struct sr_fdset *set, const char *spec)
{
	bool negate;
	int err;

	memset(set, 0, sizeof(*set));
	err = each_word("descriptor", spec, &negate, fd_word, set);
	if (negate)
		set->negated = !set->negated;
	set->used = true;
	return err;
}

bool filter__fd_in(const struct sr_fdset *set, int fd)
{
	if (!set->used || fd < 0)
		return false;
	if (fd >= SR_FDSET_MAX)
		return set->negated;
	return bit_get(set->bits, fd) != set->negated;
}

static int parse_read(struct sr_opts *o, const char *spec)
{
	return filter__fdset(&o->read_fds, spec);
}

static int parse_write(struct sr_opts *o, const char *spec)
{
	return filter__fdset(&o->write_fds, spec);
}

static int parse_trace_fds(struct sr_opts *o, const char *spec)
{
	return filter__fdset(&o->trace_fds, spec);
}

/* The qualifiers and strace's other names for them. */
static const struct {
	const char *name;
	int (*parse)(struct sr_opts *o, const char *spec);
} qualifiers[] = {
	{ "trace", parse_trace },
	{ "t", parse_trace },
	{ "status", parse_status },
	{ "signal", parse_signals },
	{ "signals", parse_signals },
	{ "s", parse_signals },
	{ "quiet", parse_quiet },
	{ "q", parse_quiet },
	{ "silent", parse_quiet },
	{ "silence", parse_quiet },
	{ "raw", parse_raw },
	{ "x", parse_raw },
	{ "abbrev", parse_abbrev },
	{ "a", parse_abbrev },
	{ "verbose", parse_verbose },
	{ "v", parse_verbose },
	{ "read", parse_read },
	{ "reads", parse_read },
	{ "r", parse_read },
	{ "write", parse_write },
	{ "writes", parse_write },
	{ "w", parse_write },
	{ "decode-fds", filter__decode_fds },
	{ "decode-fd", filter__decode_fds },
	{ "decode-pids", filter__decode_pids },
	{ "decode-pid", filter__decode_pids },
	{ "trace-fds", parse_trace_fds },
	{ "trace-fd", parse_trace_fds },
};

int filter__qualify(struct sr_opts *o, const char *expr)
{
	const char *eq = strchr(expr, '=');
	size_t klen = eq ? (size_t)(eq - expr) : 0, i;

	/* a bare set, or one starting with '=', is a trace= set, as in strace */
	if (!klen)
		return parse_trace(o, expr);
	for (i = 0; i < sizeof(qualifiers) / sizeof(qualifiers[0]); i++)
		if (strlen(qualifiers[i].name) == klen && !strncmp(expr, qualifiers[i].name, klen))
			return qualifiers[i].parse(o, eq + 1);
	if ((klen == 6 && !strncmp(expr, "inject", 6)) ||
	    (klen == 5 && !strncmp(expr, "fault", 5))) {
		fprintf(stderr,
			"sysray: -e %.*s: strace injects faults by stopping the process at "
			"the syscall; sysray never stops traced processes (use strace for it)\n",
			(int)klen, expr);
		return -EINVAL;
	}
	fprintf(stderr,
		"sysray: invalid -e qualifier '%.*s' (trace, status, signal, quiet, raw, abbrev, "
		"verbose, read, write, decode-fds, decode-pids or trace-fds)\n",
		(int)klen, expr);
	return -EINVAL;
}

int filter__add_comm(struct sr_opts *o, const char *name)
{
	if (strlen(name) >= SR_COMM_LEN || !name[0]) {
		fprintf(stderr, "sysray: --comm '%s': a task name has 1 to %d bytes\n", name,
			SR_COMM_LEN - 1);
		return -EINVAL;
	}
	if (o->ncomm >= SR_MAX_COMM) {
		fprintf(stderr, "sysray: at most %d --comm names\n", SR_MAX_COMM);
		return -EINVAL;
	}
	strncpy(o->comm[o->ncomm++], name, SR_COMM_LEN);
	return 0;
}

int filter__add_uid(struct sr_opts *o, const char *arg)
{
	struct passwd *pw;
	char *end;
	unsigned long v;

	if (o->nuid >= SR_MAX_UID) {
		fprintf(stderr, "sysray: at most %d --uid values\n", SR_MAX_UID);
		return -EINVAL;
	}
	errno = 0;
	v = strtoul(arg, &end, 10);
	if (!errno && !*end && end != arg && v < 0xffffffffUL) {
		o->uid[o->nuid++] = v;
		return 0;
	}
	pw = getpwnam(arg);
	if (!pw) {
		fprintf(stderr, "sysray: --uid '%s': no such user\n", arg);
		return -EINVAL;
	}
	o->uid[o->nuid++] = pw->pw_uid;
	return 0;
}

/* Whether a syscall's delivery lines pass -e signal= (used by pairing). */
bool filter__signal_shown(const struct sr_opts *o, int sig)
{
	return sig >= 1 && sig <= 64 && bit_get(o->sig_sel, sig);
}

bool filter__traced(const struct sr_opts *o, int nr)
{
	if (!o->trace_set)
		return true;
	/* a number the table does not know is traced whatever -e trace= says (plan.c) */
	return nr >= 0 && nr < SR_NR_MAX &&
	       (bit_get(o->trace_sel, nr) || syscalls__get(nr)->unnamed);
}

bool filter__uring_traced(const struct sr_opts *o, int nr)
{
	bool all, twin;

	if (!o->trace_set)
		return true;
	all = bit_get(o->trace_sel, SR_SEL_URING);
	if (nr < 0)
		return all;
	twin = filter__traced(o, nr);
	/* "!openat" leaves out openat requests; "!%io_uring" every request */
	return bit_get(o->trace_sel, SR_SEL_NEGATED) ? twin && all : twin || all;
}

bool filter__raw(const struct sr_opts *o, int nr)
{
	return nr >= 0 && nr < SR_NR_MAX && bit_get(o->raw_sel, nr);
}

bool filter__verbose(const struct sr_opts *o, int nr)
{
	return nr < 0 || nr >= SR_NR_MAX || !bit_get(o->noverbose_sel, nr);
}
