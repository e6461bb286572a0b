// SPDX-License-Identifier: GPL-2.0
/*
 * One report: which processes can explain a failure (the one that failed
 * and everything it started; across each connection they made, the daemon
 * that accepted it and the children it forked to serve it), which of their
 * remembered failures explain it, most likely first, and which were only
 * probes along a search list (the name was found later elsewhere).
 *
 * Ranking: what the error was (EACCES, EROFS, ECONNREFUSED... before ENOENT
 * before EINVAL), what the call does (exec, connect, open before a stat),
 * and whether the message names the path or address. Failures on one name
 * by one process form one group, shown as its likeliest call; equal scores
 * put the latest first, as the last failure before a message is the usual
 * culprit.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "explain/internal.h"
#include "host/proc.h"

/* A group scoring this much is a likely cause: an ENOENT on a call that changes or opens, or worse. */
#define XP_CAUSE_MIN 50
/* The message names the path or address. */
#define XP_MENTION 60
/*
 * A name searched in several places and found in none, which the message
 * does not name: message catalogs, locale variants, optional plugins. Less
 * likely the cause than one path tried once (a program runs without its
 * translations; it does not run without its configuration).
 */
#define XP_SEARCH_PENALTY 20
#define XP_MAX_CANDS	  1024
#define XP_MAX_PEERS	  8
/* Lines per section, and per group. */
#define XP_SHOW_GROUPS 6
#define XP_SHOW_LINES  4
#define XP_SUCC_SLOTS  4096

/* A connection of the scope whose other end is known: the daemon and what served it. */
struct xp_window {
	const struct xp_conn *client, *server;
	const struct xp_proc *child; /* the first process forked to serve it */
};

struct xp_scope {
	const struct xp_trigger *t;
	struct xp_window w[XP_MAX_PEERS];
	int nw;
	const struct xp_conn *lone[XP_MAX_PEERS]; /* no traced other end */
	int nlone;
};

struct xp_cand {
	struct xp_ent *e;
	int score;
	int group;
	bool benign;
	bool mentioned;
};

struct xp_group {
	int rep; /* the candidate shown first */
	int n;
	int score;
	uint64_t ts;
	bool benign;
	bool search; /* its calls used more than one path: a search along a list */
};

struct xp_rank {
	struct xp_cand c[XP_MAX_CANDS];
	int nc;
	struct xp_group g[XP_MAX_CANDS];
	int ng;
	uint64_t succ[XP_SUCC_SLOTS];
};

static bool served_by(const struct xp_proc *p, const struct xp_window *w)
{
	return p->served_daemon == w->server->proc->serial && p->served_accept == w->server->ts;
}

static bool in_scope(const struct xp_scope *sc, const struct xp_proc *p, uint64_t ts)
{
	int i;

	if (ts > sc->t->ts)
		return false;
	if (hist__is_desc(p, sc->t->proc))
		return true;
	for (i = 0; i < sc->nw; i++) {
		if (p == sc->w[i].server->proc && ts >= sc->w[i].server->ts)
			return true;
		if (served_by(p, &sc->w[i]))
			return true;
	}
	return false;
}

/* The accept that took @c's connection. */
static const struct xp_conn *server_of(const struct xp_hist *h, const struct xp_conn *c)
{
	size_t alen = c->family == AF_INET ? 4 : 16;
	const struct xp_conn *a;

	for (a = h->chead; a; a = a->next) {
		if (!a->accepted || a->family != c->family)
			continue;
		if (c->family == AF_UNIX) {
			/* the server's end has no inode yet when connect returns: match either way */
			if ((c->peer_ino && a->ino == c->peer_ino) || a->peer_ino == c->ino)
				return a;
			continue;
		}
		if (a->lport == c->rport && a->rport == c->lport &&
		    !memcmp(a->laddr, c->raddr, alen) && !memcmp(a->raddr, c->laddr, alen))
			return a;
	}
	return NULL;
}

static bool conn_known(const struct xp_scope *sc, const struct xp_conn *c)
{
	int i;

	for (i = 0; i < sc->nw; i++)
		if (sc->w[i].client == c)
			return true;
	for (i = 0; i < sc->nlone; i++)
		if (sc->lone[i] == c)
			return true;
	return false;
}

/* Follow the scope's connections to their servers, three hops at most. */
static void find_peers(const struct xp_hist *h, struct xp_scope *sc)
{
	const struct xp_conn *c, *a;
	int round;
	bool more = true;

	for (round = 0; round < 3 && more; round++) {
		more = false;
		for (c = h->chead; c; c = c->next) {
			if (c->accepted || conn_known(sc, c) || !in_scope(sc, c->proc, c->ts))
				continue;
			a = server_of(h, c);
			if (a && sc->nw < XP_MAX_PEERS && a->proc != sc->t->proc) {
				sc->w[sc->nw++] = (struct xp_window){ .client = c, .server = a };
				more = true;
			} else if (!a && sc->nlone < XP_MAX_PEERS) {
				sc->lone[sc->nlone++] = c;
			}
		}
	}
}

/* The first process each connection's daemon forked for it, among the known ones. */
static void note_child(struct xp_scope *sc, const struct xp_proc *p)
{
	int i;

	for (i = 0; i < sc->nw; i++) {
		struct xp_window *w = &sc->w[i];

		if (p->anc[0] == w->server->proc->serial && served_by(p, w) &&
		    (!w->child || p->born < w->child->born))
			w->child = p;
	}
}

static uint64_t succ_hash(const struct xp_ent *e)
{
	return (e->key ^ (e->proc->tree->root * 0x9e3779b97f4a7c15ULL)) | 1;
}

static void succ_add(struct xp_rank *r, uint64_t v)
{
	size_t i = (v >> 7) % XP_SUCC_SLOTS, n;

	for (n = 0; n < XP_SUCC_SLOTS; n++, i = (i + 1) % XP_SUCC_SLOTS) {
		if (r->succ[i] == v)
			return;
		if (!r->succ[i]) {
			r->succ[i] = v;
			return;
		}
	}
}

static bool succ_has(const struct xp_rank *r, uint64_t v)
{
	size_t i = (v >> 7) % XP_SUCC_SLOTS, n;

	for (n = 0; n < XP_SUCC_SLOTS && r->succ[i]; n++, i = (i + 1) % XP_SUCC_SLOTS)
		if (r->succ[i] == v)
			return true;
	return false;
}

/* Is @word in @text as a whole number (a port)? */
static bool has_number(const char *text, const char *word)
{
	const char *p = text;
	size_t n = strlen(word);

	while (n && (p = strstr(p, word))) {
		bool before = p == text || p[-1] < '0' || p[-1] > '9';
		bool after = p[n] < '0' || p[n] > '9';

		if (before && after)
			return true;
		p++;
	}
	return false;
}

/* Does the message name what @e used: its path, its file name, its address or port? */
static bool mentioned(const struct xp_ent *e, const char *text)
{
	const char *base, *colon;

	if (!text || !e->path || !e->path[0])
		return false;
	if (strstr(text, e->path))
		return true;
	base = strrchr(e->path, '/');
	base = base ? base + 1 : e->path;
	if (e->path[0] == '/' && strlen(base) >= 4 && strstr(text, base))
		return true;
	colon = strrchr(e->path, ':');
	return e->path[0] != '/' && colon && has_number(text, colon + 1);
}

/* The scope's failures before the trigger, latest first, scored. */
static void collect(struct xp_hist *h, struct xp_scope *sc, struct xp_rank *r)
{
	const char *text = sc->t->data ? sc->t->data : sc->t->proc->last_msg;
	struct xp_ent *e;

	for (e = h->tail; e && r->nc < XP_MAX_CANDS; e = e->gprev) {
		struct xp_cand *c;

		if (e->ts > sc->t->ts)
			continue;
		if (!e->err) {
			succ_add(r, succ_hash(e));
			continue;
		}
		if (!in_scope(sc, e->proc, e->ts))
			continue;
		note_child(sc, e->proc);
		c = &r->c[r->nc++];
		c->e = e;
		c->benign = e->key && succ_has(r, succ_hash(e));
		c->mentioned = mentioned(e, text);
		c->score = xp_errno_weight(e->err) + xp_kind_weight(e->kind) +
			   (c->mentioned ? XP_MENTION : 0);
	}
}

static const char *x_path(const struct xp_rank *r, int g)
{
	return r->c[r->g[g].rep].e->path;
}

/* Failures of one process on one name with one error are one group. */
static void group(struct xp_rank *r)
{
	int i, j;

	for (i = 0; i < r->nc; i++) {
		struct xp_cand *c = &r->c[i];

		for (j = 0; j < r->ng; j++) {
			const struct xp_ent *x = r->c[r->g[j].rep].e;

			if (c->e->key && x->key == c->e->key && x->proc == c->e->proc &&
			    x->err == c->e->err && r->g[j].benign == c->benign)
				break;
		}
		if (j == r->ng)
			r->g[r->ng++] = (struct xp_group){ .rep = i, .benign = c->benign };
		c->group = j;
		r->g[j].n++;
		if (c->e->path && x_path(r, j) && strcmp(c->e->path, x_path(r, j)))
			r->g[j].search = true;
		/* candidates come latest first: on a tie the earliest call stands for the group */
		if (c->score >= r->g[j].score) {
			r->g[j].rep = i;
			r->g[j].score = c->score;
		}
		if (c->e->ts > r->g[j].ts)
			r->g[j].ts = c->e->ts;
	}
	for (j = 0; j < r->ng; j++) {
		const struct xp_cand *c = &r->c[r->g[j].rep];

		if (r->g[j].search && !c->mentioned && c->e->kind != XK_EXEC)
			r->g[j].score -= XP_SEARCH_PENALTY;
	}
}

static int group_cmp(const void *a, const void *b)
{
	const struct xp_group *x = a, *y = b;

	if (x->score != y->score)
		return y->score - x->score;
	return x->ts < y->ts ? 1 : x->ts > y->ts ? -1 : 0;
}

static void print_ent(struct sr_out *o, const struct xp_ent *e)
{
	out__puts(o, e->line);
	out__newline(o);
	if (e->note)
		out__puts(o, e->note);
}

/*
 * A group: its likeliest call with its notes, then (@all) the others on
 * the name, in order.
 */
static void print_group(struct sr_out *o, struct xp_rank *r, const struct xp_group *g, int idx,
			bool all)
{
	int i, shown = 1;

	print_ent(o, r->c[g->rep].e);
	if (!all) {
		if (g->n > 1)
			out__printf(o, "  ... and %d more on the same name\n", g->n - 1);
		return;
	}
	for (i = r->nc - 1; i >= 0; i--) {
		if (r->c[i].group != idx || i == g->rep)
			continue;
		if (shown++ >= XP_SHOW_LINES)
			continue;
		out__puts(o, r->c[i].e->line);
		out__newline(o);
	}
	if (shown > XP_SHOW_LINES) {
		out__printf(o, "  ... and %d more on the same name", shown - XP_SHOW_LINES);
		out__newline(o);
	}
}

static void section(struct sr_out *o, const char *title)
{
	out__puts(o, "sysray: explain: ");
	out__puts(o, title);
	out__newline(o);
}

static void proc_name(struct sr_out *o, const struct xp_proc *p)
{
	out__udec(o, p->tgid);
	out__puts(o, " (");
	out__escaped(o, p->comm, strnlen(p->comm, SR_COMM_LEN));
	out__putc(o, ')');
}

static void header(struct sr_out *o, const struct xp_trigger *t)
{
	int code = t->code;

	out__puts(o, "sysray: explain: ");
	proc_name(o, t->proc);
	switch (t->type) {
	case XT_WRITE:
		out__printf(o, " wrote to %s: ", t->target);
		out__quoted(o, t->data, t->len, 200, 0);
		out__puts(o, t->cut && t->len <= 200 ? "..." : "");
		break;
	case XT_WHY:
		out__puts(o, " wrote ");
		out__quoted(o, t->data, t->len, 200, 0);
		out__puts(o, t->cut && t->len <= 200 ? "..." : "");
		out__printf(o, " to %s, which holds --why's text", t->target);
		break;
	case XT_EXIT:
		out__printf(o, " exited with %d", (code >> 8) & 0xff);
		break;
	case XT_SIGNAL:
		out__printf(o, " killed by SIG%s%s",
			    sigabbrev_np(code & 0x7f) ? sigabbrev_np(code & 0x7f) : "?",
			    (code & 0x80) ? " (core dumped)" : "");
		break;
	}
	out__newline(o);
	if (t->type == XT_SIGNAL && t->proc->sig_line) {
		out__puts(o, t->proc->sig_line);
		out__newline(o);
	}
}

static void conn_end(struct sr_out *o, const struct xp_conn *c)
{
	char a[64], b[64];

	if (c->family == AF_UNIX) {
		out__puts(o, "unix socket ");
		out__quoted(o, c->path, strlen(c->path), 200, 0);
		return;
	}
	if (c->family == AF_INET) {
		snprintf(a, sizeof(a), "%u.%u.%u.%u", c->raddr[0], c->raddr[1], c->raddr[2],
			 c->raddr[3]);
		snprintf(b, sizeof(b), "%u.%u.%u.%u", c->laddr[0], c->laddr[1], c->laddr[2],
			 c->laddr[3]);
		out__printf(o, "TCP %s:%u -> %s:%u", b, c->lport, a, c->rport);
		return;
	}
	out__printf(o, "TCPv6 port %u -> port %u", c->lport, c->rport);
}

/* "  chain: client fd 3 -> unix socket "/run/x.sock" -> daemon accepted it -> child". */
static void chains(struct sr_out *o, const struct xp_scope *sc, bool live)
{
	char comm[32];
	int i;

	for (i = 0; i < sc->nw; i++) {
		const struct xp_window *w = &sc->w[i];

		out__puts(o, "  chain: ");
		proc_name(o, w->client->proc);
		out__printf(o, " fd %d -> ", w->client->fd);
		conn_end(o, w->client);
		out__puts(o, " -> ");
		proc_name(o, w->server->proc);
		out__printf(o, " accepted it (fd %d)", w->server->fd);
		if (w->child) {
			out__puts(o, " -> ");
			proc_name(o, w->child);
			out__puts(o, " forked to serve it");
		}
		out__newline(o);
	}
	for (i = 0; i < sc->nlone; i++) {
		const struct xp_conn *c = sc->lone[i];

		if (!c->peer_pid)
			continue;
		out__puts(o, "  chain: ");
		proc_name(o, c->proc);
		out__printf(o, " fd %d -> ", c->fd);
		conn_end(o, c);
		out__printf(o, " -> %u", c->peer_pid);
		if (live && proc__comm(c->peer_pid, comm, sizeof(comm)) == 0) {
			out__puts(o, " (");
			out__escaped(o, comm, strlen(comm));
			out__putc(o, ')');
		}
		out__puts(o, ", not traced (--follow-peer traces it)");
		out__newline(o);
	}
}

/* Is there a likely cause no report has shown yet? */
static bool has_new(const struct xp_rank *r)
{
	int i;

	for (i = 0; i < r->nc; i++)
		if (!r->c[i].benign && r->c[i].score >= XP_CAUSE_MIN &&
		    !(r->c[i].e->flags & XE_REPORTED))
			return true;
	return false;
}

/* The groups of one kind (causes, less likely, benign), best first. */
static void print_groups(struct sr_out *o, struct xp_rank *r, int want)
{
	int i, shown = 0, left = 0;

	for (i = 0; i < r->ng; i++) {
		const struct xp_group *g = &r->g[i];
		int kind = g->benign ? 2 : g->score >= XP_CAUSE_MIN ? 0 : 1;

		if (kind != want)
			continue;
		if (shown++ < (want ? 2 * XP_SHOW_GROUPS : XP_SHOW_GROUPS))
			print_group(o, r, g, i, want == 0);
		else
			left += g->n;
	}
	if (left) {
		out__printf(o, "  ... and %d more calls like these", left);
		out__newline(o);
	}
}

static int count_groups(const struct xp_rank *r, int want)
{
	int i, n = 0;

	for (i = 0; i < r->ng; i++) {
		const struct xp_group *g = &r->g[i];

		n += (g->benign ? 2 : g->score >= XP_CAUSE_MIN ? 0 : 1) == want;
	}
	return n;
}

/* Groups were sorted: candidates keep pointing at theirs through the new order. */
static void sort_groups(struct xp_rank *r)
{
	int map[XP_MAX_CANDS], i, j;

	for (i = 0; i < r->ng; i++)
		r->g[i].n = r->g[i].n * XP_MAX_CANDS + i; /* carry the old index */
	qsort(r->g, r->ng, sizeof(r->g[0]), group_cmp);
	for (j = 0; j < r->ng; j++) {
		map[r->g[j].n % XP_MAX_CANDS] = j;
		r->g[j].n /= XP_MAX_CANDS;
	}
	for (i = 0; i < r->nc; i++)
		r->c[i].group = map[r->c[i].group];
}

static void print_report(struct xp_report_ctx *x, const struct xp_scope *sc, struct xp_rank *r)
{
	struct sr_out *o = x->out;
	int benign = count_groups(r, 2);

	if (x->before)
		x->before(x->before_ctx);
	header(o, sc->t);
	chains(o, sc, x->live);
	if (count_groups(r, 0))
		print_groups(o, r, 0);
	else
		section(o, "no failed system call before it explains it");
	if (count_groups(r, 1)) {
		section(o, "other failed calls, less likely causes:");
		print_groups(o, r, 1);
	}
	if (benign) {
		out__puts(o, "sysray: explain: benign probes (names found later elsewhere): ");
		out__udec(o, benign);
		out__newline(o);
		print_groups(o, r, 2);
	}
	if (x->lost) {
		out__printf(o,
			    "sysray: explain: %llu events were lost before this report: "
			    "it may miss the cause",
			    (unsigned long long)x->lost);
		out__newline(o);
	}
	if (x->hist->evicted) {
		out__printf(o, "sysray: explain: %llu older calls were forgotten (--history=%zu)",
			    (unsigned long long)x->hist->evicted, x->hist->limit);
		out__newline(o);
	}
	section(o, "end of report");
	out__flush(o);
}

bool report__maybe(struct xp_report_ctx *x, const struct xp_trigger *t, bool force)
{
	struct xp_scope sc = { .t = t };
	struct xp_rank *r = calloc(1, sizeof(*r));
	struct xp_proc *parent;
	bool print;
	int i;

	if (!r)
		return false;
	find_peers(x->hist, &sc);
	collect(x->hist, &sc, r);
	group(r);
	sort_groups(r);
	print = force || has_new(r) || (t->anyway && !t->proc->reported);
	if (print) {
		print_report(x, &sc, r);
		t->proc->reported = true;
		t->proc->tree->reported = true;
		/* its parent's non-zero exit may only pass its status on: see sink.c */
		if (t->proc->ppid && (parent = hist__proc(x->hist, t->proc->ppid, NULL)))
			parent->child_reported = true;
		for (i = 0; i < r->nc; i++)
			r->c[i].e->flags |= XE_REPORTED;
	}
	free(r);
	return print;
}
