// SPDX-License-Identifier: GPL-2.0
/*
 * sysray diff A B: where two recordings (--record) of the same command, on
 * two machines or set-ups, part ways in what matters for a deployment: the
 * paths it probed, opened, changed and ran, with their results; the
 * addresses it connected to or bound; its credentials; the environment of
 * each exec; how each process ended. Each recording goes through the
 * pipeline as --replay would (pairing, then this module's sink), and each
 * such call becomes a normalised line: pids, fd numbers and addresses that
 * differ from run to run are left out. Processes are matched by their place
 * in the process tree ("1.2": the first root's second child), and within a
 * process the lines are aligned greedily (each mismatch resynchronised on
 * the nearest common line). The first divergence is named with both
 * strace lines, then the differing stretches follow as a unified diff, or
 * side by side.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "explain/diff.h"
#include "explain/internal.h"
#include "fd/fdtab.h"
#include "ingest/recording.h"
#include "pairing/pairing.h"
#include "print/line.h"

#define DF_LINE_MAX 16384
/* How far ahead a mismatch looks for the lines to line up again. */
#define DF_WINDOW  200
#define DF_CONTEXT 3
#define DF_HUNKS   5

struct df_item {
	char *norm; /* compared */
	char *orig; /* shown: the strace line with its pid */
};

struct df_proc {
	char label[64]; /* "1.2" */
	char comm[4 * SR_COMM_LEN + 1]; /* escaped */
	int children;
	struct df_item *v;
	size_t n, cap;
};

struct df_run {
	struct sr_sink base;
	const char *path;
	struct sr_opts opts; /* rendering: absolute paths, long strings */
	struct sr_pairing pairing;
	struct sr_fdtab *fds;
	struct sr_text_pr text;
	struct sr_fmt fmt;
	struct sr_out lo;
	char line[DF_LINE_MAX];
	struct idmap live; /* tgid -> struct df_proc, while it runs */
	struct df_proc **procs; /* in order of creation */
	size_t nprocs, cap;
	int roots;
	int err;
};

struct df_args {
	const char *a, *b;
	bool side;
	bool all;
	int context;
};

/* Untrusted bytes as strace escapes them, into @buf. */
static void escape(const char *s, size_t n, char *buf, size_t size)
{
	struct sr_out o = { .fd = -1, .buf = buf, .cap = size - 1 };

	out__escaped(&o, s, n);
	buf[o.err ? 0 : o.len] = '\0';
}

static struct df_proc *proc_add(struct df_run *r, uint32_t tgid, const struct df_proc *parent,
				const char *comm)
{
	struct df_proc *p = calloc(1, sizeof(*p)), **np;

	if (!p)
		goto oom;
	if (parent)
		snprintf(p->label, sizeof(p->label), "%.48s.%d", parent->label,
			 ((struct df_proc *)parent)->children++ + 1);
	else
		snprintf(p->label, sizeof(p->label), "%d", ++r->roots);
	if (comm)
		escape(comm, strnlen(comm, SR_COMM_LEN), p->comm, sizeof(p->comm));
	if (r->nprocs == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 16;
		np = realloc(r->procs, r->cap * sizeof(*np));
		if (!np)
			goto oom;
		r->procs = np;
	}
	r->procs[r->nprocs++] = p;
	if (idmap__put(&r->live, tgid, p))
		goto oom;
	return p;
oom:
	r->err = -ENOMEM;
	return NULL;
}

static struct df_proc *proc_of(struct df_run *r, uint32_t tgid, const char *comm)
{
	struct df_proc *p = idmap__get(&r->live, tgid);

	return p ? p : proc_add(r, tgid, NULL, comm);
}

static void push(struct df_run *r, struct df_proc *p, const char *norm, const char *orig)
{
	struct df_item *nv;

	if (p->n == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 32;
		nv = realloc(p->v, p->cap * sizeof(*nv));
		if (!nv) {
			r->err = -ENOMEM;
			return;
		}
		p->v = nv;
	}
	p->v[p->n].norm = strdup(norm);
	p->v[p->n].orig = strdup(orig);
	if (!p->v[p->n].norm || !p->v[p->n].orig) {
		r->err = -ENOMEM;
		return;
	}
	p->n++;
}

/* An empty path: the call works on its dirfd (fstat through AT_EMPTY_PATH). */
static bool empty_path(const struct sr_call *c, const struct xp_sys *sy)
{
	const struct sr_blob *b = sy->path[0] >= 0 ? call__blob(c, sy->path[0], false) : NULL;

	return b && blob_ok(b) && (!b->len || !*(const char *)blob_data(b));
}

/* Does @c say something about the set-up: a path, an exec, an address, credentials? */
static bool matters(const struct sr_call *c, const struct xp_sys *sy)
{
	if (c->ent->flags & SR_C_CREDS)
		return true;
	if (empty_path(c, sy))
		return false;
	switch (sy->kind) {
	case XK_EXEC:
	case XK_OPEN:
	case XK_PROBE:
	case XK_CHANGE:
	case XK_ADDR:
		return true;
	default:
		return false;
	}
}

/* The end of the braces opened at @s[0] (or the end of @s). */
static size_t braces(const char *s)
{
	size_t i, depth = 0;

	for (i = 0; s[i]; i++) {
		if (s[i] == '{')
			depth++;
		else if (s[i] == '}' && !--depth)
			return i + 1;
	}
	return i;
}

/*
 * What varies from run to run goes: addresses, pids in /proc paths, fd
 * numbers, and what a probe found out about a file (its size, its times):
 * only whether it found it counts.
 */
static void normalise(const char *in, const struct sr_call *c, const struct xp_sys *sy, char *out,
		      size_t size)
{
	size_t o = 0, i = 0, n = strlen(in);
	const char *open = strchr(in, '(');

	while (i < n && o + 8 < size) {
		if (in[i] == '{' && sy->kind == XK_PROBE) {
			i += braces(in + i);
			memcpy(out + o, "{...}", 5);
			o += 5;
		} else if (in[i] == '0' && in[i + 1] == 'x' &&
			   strspn(in + i + 2, "0123456789abcdef") >= 6) {
			i += 2 + strspn(in + i + 2, "0123456789abcdef");
			memcpy(out + o, "0x?", 3);
			o += 3;
		} else if (!strncmp(in + i, "/proc/", 6) && in[i + 6] >= '1' && in[i + 6] <= '9') {
			i += 6 + strspn(in + i + 6, "0123456789");
			memcpy(out + o, "/proc/PID", 9);
			o += 9;
		} else if (sy->fd0 && open && in + i == open + 1) {
			i += strspn(in + i, "0123456789");
			memcpy(out + o, "fd", 2);
			o += 2;
		} else {
			out[o++] = in[i++];
		}
	}
	out[o] = '\0';
	/* a new fd's number follows from the others: "= fd" */
	if (c->ent->ret == SR_R_FD && c->ret >= 0) {
		char *eq = strrchr(out, '=');

		if (eq && eq[1] == ' ')
			snprintf(eq, size - (eq - out), "= fd");
	}
}

/* The environment an execve was given, one line each, when recorded whole. */
static void push_env(struct df_run *r, struct df_proc *p, const struct sr_call *c)
{
	char buf[4200], var[4096];
	int i;

	for (i = 0; i < c->ent->nargs && i < SR_NARGS; i++) {
		const struct sr_blob *head = c->in[i], *b;
		const uint8_t *end;
		int32_t k;

		if (c->ent->args[i].type != SR_T_ENVP || !blob_ok(head) || head->aux < 0)
			continue;
		end = call__blob_end(c, head);
		for (b = head, k = 0; k < head->aux; k++) {
			b = blob_next(b, end);
			if (!b || SR_BLOB_ARG(b) != i || !blob_ok(b))
				break;
			escape(blob_data(b), strnlen(blob_data(b), b->len), var, sizeof(var));
			snprintf(buf, sizeof(buf), "  env %s%s", var,
				 (b->flags & SR_BF_TRUNC) ? "..." : "");
			push(r, p, buf, buf);
		}
	}
}

static void on_call(struct df_run *r, const struct sr_event *ev)
{
	const struct sr_call *c = ev->call;
	const struct xp_sys *sy;
	char norm[DF_LINE_MAX];
	struct df_proc *p;
	size_t start;

	if (!c || !c->has_exit || c->ent->raw)
		return;
	sy = xp_sys_of(c->nr);
	if (!matters(c, sy))
		return;
	p = proc_of(r, c->tgid, ev->task->comm);
	if (!p)
		return;
	r->lo.len = 0;
	r->lo.line_start = 0;
	r->lo.err = 0;
	out__udec(&r->lo, ev->task->tid);
	out__pad_to(&r->lo, 5);
	out__putc(&r->lo, ' ');
	start = r->lo.len;
	r->fmt.when = ev->ts;
	line__whole(&r->fmt, ev->call, ev->type == SR_EV_ORPHAN);
	if (r->lo.err || r->lo.len >= sizeof(r->line))
		return;
	r->line[r->lo.len] = '\0';
	normalise(r->line + start, c, sy, norm, sizeof(norm));
	push(r, p, norm, r->line);
	if (sy->kind == XK_EXEC && c->ret == 0)
		push_env(r, p, c);
}

static void on_pexit(struct df_run *r, const struct sr_event *ev)
{
	struct df_proc *p = idmap__get(&r->live, ev->task->tgid);
	char buf[96];
	int code = ev->exit_code;

	if (!p || !ev->group_dead)
		return;
	if (code & 0x7f)
		snprintf(buf, sizeof(buf), "+++ killed by SIG%s +++",
			 sigabbrev_np(code & 0x7f) ? sigabbrev_np(code & 0x7f) : "?");
	else
		snprintf(buf, sizeof(buf), "+++ exited with %d +++", (code >> 8) & 0xff);
	push(r, p, buf, buf);
	idmap__del(&r->live, ev->task->tgid);
}

static void df_event(struct sr_sink *s, const struct sr_event *ev)
{
	struct df_run *r = (struct df_run *)s;
	struct df_proc *parent;

	switch (ev->type) {
	case SR_EV_EXIT:
	case SR_EV_ORPHAN:
		on_call(r, ev);
		break;
	case SR_EV_FORK:
		if (ev->child->tgid == ev->task->tgid)
			break;
		parent = proc_of(r, ev->task->tgid, ev->task->comm);
		if (parent) {
			idmap__del(&r->live, ev->child->tgid);
			proc_add(r, ev->child->tgid, parent, ev->child->comm);
		}
		break;
	case SR_EV_PEXIT:
		on_pexit(r, ev);
		break;
	default:
		break;
	}
}

static const struct sr_sink_ops df_ops = { .event = df_event };

static int on_record(void *ctx, void *data, size_t len)
{
	struct df_run *r = ctx;

	return pairing__handle(&r->pairing, data, len);
}

/* Read recording @r->path through the pipeline. 0, or 2 after printing the problem. */
static int load(struct df_run *r)
{
	struct sr_opts fo = { .absolute_paths = true };
	struct sr_replay rp;

	r->opts.strsize = 256;
	r->opts.absolute_paths = true;
	r->opts.status = SR_ST_ALL;
	r->fds = fdtab__new(&fo);
	if (!r->fds)
		return 2;
	fdtab__set_proc_root(r->fds, NULL);
	r->base.ops = &df_ops;
	r->lo.fd = -1;
	r->lo.buf = r->line;
	r->lo.cap = sizeof(r->line) - 1;
	text_pr__init(&r->text, &r->lo);
	r->fmt.pr = &r->text.base;
	r->fmt.opts = &r->opts;
	r->fmt.fds = r->fds;
	pairing__setup(&r->pairing, &r->opts, r->fds);
	if (pairing__add_sink(&r->pairing, &r->base))
		return 2;
	if (record__replay(r->path, on_record, r, &rp))
		return 2;
	pairing__finish(&r->pairing);
	if (rp.left_over)
		fprintf(stderr, "sysray: diff: '%s' was cut short; compared what it holds\n",
			r->path);
	if (r->err) {
		fprintf(stderr, "sysray: diff: out of memory reading '%s'\n", r->path);
		return 2;
	}
	return 0;
}

static void run_free(struct df_run *r)
{
	size_t i, j;

	for (i = 0; i < r->nprocs; i++) {
		for (j = 0; j < r->procs[i]->n; j++) {
			free(r->procs[i]->v[j].norm);
			free(r->procs[i]->v[j].orig);
		}
		free(r->procs[i]->v);
		free(r->procs[i]);
	}
	free(r->procs);
	idmap__free(&r->live);
	pairing__free(&r->pairing);
	fdtab__free(r->fds);
}

/* One line of the edit script: ' ' both, '-' only A's, '+' only B's. */
struct df_op {
	char t;
	const struct df_item *a, *b;
};

struct df_script {
	struct df_op *v;
	size_t n, cap;
	int err;
};

static void op(struct df_script *s, char t, const struct df_item *a, const struct df_item *b)
{
	struct df_op *nv;

	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 64;
		nv = realloc(s->v, s->cap * sizeof(*nv));
		if (!nv) {
			s->err = -ENOMEM;
			return;
		}
		s->v = nv;
	}
	s->v[s->n++] = (struct df_op){ t, a, b };
}

static bool same(const struct df_proc *a, size_t i, const struct df_proc *b, size_t j)
{
	return i < a->n && j < b->n && !strcmp(a->v[i].norm, b->v[j].norm);
}

/* The nearest (i + di, j + dj) where the two line up again, two lines in a row if possible. */
static bool resync(const struct df_proc *a, size_t i, const struct df_proc *b, size_t j, size_t *di,
		   size_t *dj)
{
	size_t s, k;

	for (s = 1; s <= 2 * DF_WINDOW; s++) {
		for (k = 0; k <= s; k++) {
			if (!same(a, i + k, b, j + s - k))
				continue;
			if (i + k + 1 < a->n && j + s - k + 1 < b->n &&
			    !same(a, i + k + 1, b, j + s - k + 1))
				continue;
			*di = k;
			*dj = s - k;
			return true;
		}
	}
	return false;
}

/* Align one process's lines in A (@a, may be empty) with B's (@b). */
static void align(struct df_script *s, const struct df_proc *a, const struct df_proc *b)
{
	static const struct df_proc none;
	size_t i = 0, j = 0, di, dj, k;

	a = a ? a : &none;
	b = b ? b : &none;
	while (i < a->n || j < b->n) {
		if (same(a, i, b, j)) {
			op(s, ' ', &a->v[i++], &b->v[j++]);
			continue;
		}
		if (!resync(a, i, b, j, &di, &dj)) {
			di = a->n - i;
			dj = b->n - j;
		}
		for (k = 0; k < di; k++)
			op(s, '-', &a->v[i++], NULL);
		for (k = 0; k < dj; k++)
			op(s, '+', NULL, &b->v[j++]);
	}
}

static const struct df_proc *find_label(const struct df_run *r, const char *label)
{
	size_t i;

	for (i = 0; i < r->nprocs; i++)
		if (!strcmp(r->procs[i]->label, label))
			return r->procs[i];
	return NULL;
}

static void row(const struct df_args *args, char t, const struct df_op *o)
{
	const char *l = o->a ? o->a->norm : "", *rt = o->b ? o->b->norm : "";

	if (!args->side) {
		printf("%c%s\n", t, t == '+' ? rt : l);
		return;
	}
	printf("%-60.60s %c %.*s\n", l, t == ' ' ? '|' : t == '-' ? '<' : '>', 200, rt);
}

/* Print @s's differing stretches with context; return how many. */
static int hunks(const struct df_args *args, const struct df_script *s, const char *title,
		 int budget)
{
	size_t i, from, to, k;
	int n = 0;

	for (i = 0; i < s->n && n < budget; i = to) {
		if (s->v[i].t == ' ') {
			to = i + 1;
			continue;
		}
		from = i > (size_t)args->context ? i - args->context : 0;
		to = i;
		/* extend while changes are closer than two contexts apart */
		for (k = i; k < s->n && k < to + 2 * args->context + 1; k++)
			if (s->v[k].t != ' ')
				to = k + 1;
		printf("@@ process %s @@\n", title);
		for (k = from; k < to + args->context && k < s->n; k++)
			row(args, s->v[k].t, &s->v[k]);
		to = to + args->context < s->n ? to + args->context : s->n;
		n++;
	}
	return n;
}

/* The first differing line: both runs' strace lines. */
static void first(const struct df_script *s, const char *title)
{
	const struct df_item *a = NULL, *b = NULL;
	size_t i, matched = 0;

	for (i = 0; i < s->n && s->v[i].t == ' '; i++)
		matched++;
	for (; i < s->n && (!a || !b); i++) {
		if (s->v[i].t == '-' && !a)
			a = s->v[i].a;
		if (s->v[i].t == '+' && !b)
			b = s->v[i].b;
		if (s->v[i].t == ' ')
			break;
	}
	printf("sysray: diff: first divergence in process %s, after %zu matching lines:\n", title,
	       matched);
	printf("  A: %s\n", a ? a->orig : "(nothing)");
	printf("  B: %s\n", b ? b->orig : "(nothing)");
}

static bool differs(const struct df_script *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (s->v[i].t != ' ')
			return true;
	return false;
}

/* Compare process by process, A's order first, then B's own. 0 same, 1 differ, 2 trouble. */
static int compare(const struct df_args *args, const struct df_run *ra, const struct df_run *rb)
{
	int budget = args->all ? 1 << 30 : DF_HUNKS, shown = 0, status = 0;
	size_t i;

	for (i = 0; i < ra->nprocs + rb->nprocs && budget > 0; i++) {
		const struct df_proc *a = i < ra->nprocs ? ra->procs[i] : NULL;
		const struct df_proc *b = a ? find_label(rb, a->label) : rb->procs[i - ra->nprocs];
		struct df_script s = {};
		char title[256];

		if (!a && find_label(ra, b->label))
			continue;
		snprintf(title, sizeof(title), "%s (%s)%s", a ? a->label : b->label,
			 a ? a->comm : b->comm,
			 !a ? ": only in B" :
			 !b ? ": only in A" :
			      "");
		align(&s, a, b);
		if (s.err) {
			free(s.v);
			return 2;
		}
		if (differs(&s)) {
			if (!status) {
				first(&s, title);
				printf("--- A %s\n+++ B %s\n", args->a, args->b);
			}
			status = 1;
			shown = hunks(args, &s, title, budget);
			budget -= shown;
		}
		free(s.v);
	}
	if (!status)
		printf("sysray: diff: no difference in paths, execs, addresses, credentials "
		       "or exits\n");
	else if (budget <= 0 && !args->all)
		printf("sysray: diff: more differences follow (--all shows them)\n");
	return status;
}

static const char diff_usage[] =
	"Usage: sysray diff [-U N] [--side-by-side] [--all] A B\n"
	"Compare two recordings (sysray --record) of the same command: the first\n"
	"places where the paths it probed, opened and ran, the addresses it connected\n"
	"to, its credentials, the environment of its execs or its exits differ.\n"
	"  -U N, --context=N   lines of context (3)\n"
	"  -y, --side-by-side  A's and B's lines side by side\n"
	"  --all               every difference, not only the first 5 stretches\n"
	"Exit status: 0 no difference, 1 differences, 2 trouble.\n";

static int diff_parse(int argc, char **argv, struct df_args *a)
{
	static const struct option longs[] = {
		{ "context", required_argument, NULL, 'U' },
		{ "side-by-side", no_argument, NULL, 'y' },
		{ "all", no_argument, NULL, 'a' },
		{ "help", no_argument, NULL, 'h' },
		{},
	};
	char *end;
	int c;

	a->context = DF_CONTEXT;
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, "+U:yh", longs, NULL)) != -1) {
		switch (c) {
		case 'U':
			a->context = (int)strtol(optarg, &end, 10);
			if (*end || end == optarg || a->context < 0 || a->context > 1000) {
				fprintf(stderr, "sysray: diff: invalid context '%s': 0 to 1000\n",
					optarg);
				return 2;
			}
			break;
		case 'y':
			a->side = true;
			break;
		case 'a':
			a->all = true;
			break;
		case 'h':
			fputs(diff_usage, stdout);
			return SR_DIFF_DONE;
		default:
			fprintf(stderr,
				"sysray: diff: unknown option '%s' (see sysray diff --help)\n",
				argv[optind - 1]);
			return 2;
		}
	}
	if (argc - optind != 2) {
		fprintf(stderr, "sysray: diff: give two recordings: sysray diff A B "
				"(made with sysray --record)\n");
		return 2;
	}
	a->a = argv[optind];
	a->b = argv[optind + 1];
	return 0;
}

int diff__main(int argc, char **argv)
{
	static struct df_run ra, rb; /* large: not on the stack */
	struct df_args args = {};
	int st = diff_parse(argc, argv, &args);

	if (st)
		return st == SR_DIFF_DONE ? 0 : st;
	if (syscalls__init()) {
		fprintf(stderr, "sysray: out of memory\n");
		return 2;
	}
	ra.path = args.a;
	rb.path = args.b;
	st = load(&ra);
	if (!st)
		st = load(&rb);
	if (!st)
		st = compare(&args, &ra, &rb);
	fflush(stdout);
	run_free(&ra);
	run_free(&rb);
	return st;
}
