// SPDX-License-Identifier: GPL-2.0
/*
 * The flight recorder's memory: process records (with their ancestry, so
 * that a report can take a process and everything it started), remembered
 * calls per process tree, and connections. Everything is accounted against
 * --history: when a new call would exceed it, the oldest call of its own
 * tree goes first if that tree holds half the bound, then the oldest of
 * all. A record of a process that is gone lives while calls refer to it.
 */
#include <stdlib.h>
#include <string.h>

#include "explain/internal.h"

/* What malloc costs beyond the bytes asked for, roughly: accounted too. */
#define XP_MALLOC_OVERHEAD 16
/* A hash map slot (16 bytes) at the maps' lowest load: per process and per tree. */
#define XP_MAP_SLOT 32

static size_t cost(size_t n)
{
	return (n + XP_MALLOC_OVERHEAD + 15) & ~(size_t)15;
}

static void account(struct xp_hist *h, size_t add)
{
	h->bytes += add;
	if (h->bytes > h->peak)
		h->peak = h->bytes;
}

void hist__init(struct xp_hist *h, size_t limit)
{
	memset(h, 0, sizeof(*h));
	h->limit = limit;
	h->next_serial = 1;
}

/* Calls hold their process, which holds its tree: a tree without processes is empty. */
static void str_free(struct xp_hist *h, char **field);

static void tree_put(struct xp_hist *h, struct xp_tree *t)
{
	if (!t || --t->procs)
		return;
	idmap__del(&h->trees, t->root);
	h->bytes -= cost(sizeof(*t)) + XP_MAP_SLOT;
	free(t);
}

static void proc_free(struct xp_hist *h, struct xp_proc *p)
{
	tree_put(h, p->tree);
	str_free(h, &p->sig_line);
	str_free(h, &p->last_msg);
	str_free(h, &p->msg_target);
	h->bytes -= cost(sizeof(*p)) + XP_MAP_SLOT;
	free(p);
}

/* Drop a reference; a record nothing needs any more goes. */
static void proc_unref(struct xp_hist *h, struct xp_proc *p)
{
	if (p->refs)
		p->refs--;
	if (!p->refs && !p->in_map)
		proc_free(h, p);
}

static void ent_unlink(struct xp_hist *h, struct xp_ent *e)
{
	struct xp_tree *t = e->proc->tree;

	if (e->gprev)
		e->gprev->gnext = e->gnext;
	else
		h->head = e->gnext;
	if (e->gnext)
		e->gnext->gprev = e->gprev;
	else
		h->tail = e->gprev;
	if (e->tprev)
		e->tprev->tnext = e->tnext;
	else
		t->head = e->tnext;
	if (e->tnext)
		e->tnext->tprev = e->tprev;
	else
		t->tail = e->tprev;
	t->bytes -= e->size;
	h->bytes -= e->size;
}

static void ent_free(struct xp_hist *h, struct xp_ent *e)
{
	struct xp_proc *p = e->proc;

	ent_unlink(h, e);
	free(e);
	proc_unref(h, p);
}

static void conn_free(struct xp_hist *h, struct xp_conn *c)
{
	if (c->prev)
		c->prev->next = c->next;
	else
		h->chead = c->next;
	if (c->next)
		c->next->prev = c->prev;
	else
		h->ctail = c->prev;
	h->nconns--;
	h->bytes -= cost(sizeof(*c));
	proc_unref(h, c->proc);
	free(c);
}

void hist__free(struct xp_hist *h)
{
	struct xp_proc *p;
	size_t it = 0;

	while (h->head)
		ent_free(h, h->head);
	while (h->chead)
		conn_free(h, h->chead);
	while ((p = idmap__next(&h->procs, &it, NULL))) {
		p->in_map = false;
		p->refs = 0;
		proc_free(h, p);
	}
	idmap__free(&h->procs);
	idmap__free(&h->trees);
}

/* Forget the oldest call or connection, of @t only when given. */
static bool evict_one(struct xp_hist *h, struct xp_tree *t)
{
	struct xp_ent *e = t ? t->head : h->head;
	struct xp_conn *c = t ? NULL : h->chead;

	if (c && (!e || c->ts < e->ts))
		conn_free(h, c);
	else if (e)
		ent_free(h, e);
	else
		return false;
	h->evicted++;
	return true;
}

/* Make room for @need more bytes in tree @t. */
static bool make_room(struct xp_hist *h, struct xp_tree *t, size_t need)
{
	while (t && t->head && t->bytes + need > h->limit / 2)
		evict_one(h, t);
	while (h->bytes + need > h->limit)
		if (!evict_one(h, NULL))
			return false;
	return true;
}

static struct xp_tree *tree_get(struct xp_hist *h, uint64_t root)
{
	struct xp_tree *t = idmap__get(&h->trees, root);

	if (t) {
		t->procs++;
		return t;
	}
	t = calloc(1, sizeof(*t));
	if (!t)
		return NULL;
	t->root = root;
	t->procs = 1;
	if (idmap__put(&h->trees, root, t)) {
		free(t);
		return NULL;
	}
	account(h, cost(sizeof(*t)) + XP_MAP_SLOT);
	return t;
}

/* The record of @tgid is replaced (a new process got the pid): the old one lives on its refs. */
static void retire(struct xp_hist *h, uint32_t tgid)
{
	struct xp_proc *old = idmap__del(&h->procs, tgid);

	if (!old)
		return;
	old->in_map = false;
	old->dead = true;
	if (!old->refs)
		proc_free(h, old);
}

static struct xp_proc *proc_new(struct xp_hist *h, uint32_t tgid, const char *comm,
				const struct xp_proc *parent)
{
	struct xp_proc *p = calloc(1, sizeof(*p));

	if (!p)
		return NULL;
	p->serial = h->next_serial++;
	p->tgid = tgid;
	p->in_map = true;
	p->root = parent ? parent->root : XP_ROOT_UNKNOWN;
	p->root_gen = parent ? parent->root_gen : 0;
	if (comm)
		memcpy(p->comm, comm, SR_COMM_LEN);
	if (parent) {
		p->anc[0] = parent->serial;
		memcpy(p->anc + 1, parent->anc, sizeof(p->anc) - sizeof(p->anc[0]));
	}
	p->tree = tree_get(h, parent ? parent->tree->root : p->serial);
	if (!p->tree || idmap__put(&h->procs, tgid, p)) {
		if (p->tree)
			tree_put(h, p->tree);
		free(p);
		return NULL;
	}
	account(h, cost(sizeof(*p)) + XP_MAP_SLOT);
	return p;
}

struct xp_proc *hist__find(const struct xp_hist *h, uint32_t tgid)
{
	return idmap__get(&h->procs, tgid);
}

struct xp_proc *hist__proc(struct xp_hist *h, uint32_t tgid, const char *comm)
{
	struct xp_proc *p = idmap__get(&h->procs, tgid);

	if (p) {
		if (comm && comm[0])
			memcpy(p->comm, comm, SR_COMM_LEN);
		return p;
	}
	return proc_new(h, tgid, comm, NULL);
}

void hist__fork(struct xp_hist *h, uint32_t parent_tgid, uint32_t child_tgid, const char *comm,
		uint64_t ts)
{
	struct xp_proc *parent = hist__proc(h, parent_tgid, NULL), *c;

	if (!parent || child_tgid == parent_tgid)
		return;
	retire(h, child_tgid);
	c = proc_new(h, child_tgid, comm, parent);
	if (!c)
		return;
	c->born = ts;
	c->ppid = parent_tgid;
	/* a daemon's child after an accept serves that connection, and so do its own */
	if (parent->last_accept) {
		c->served_daemon = parent->serial;
		c->served_accept = parent->last_accept;
	} else {
		c->served_daemon = parent->served_daemon;
		c->served_accept = parent->served_accept;
	}
}

void hist__gone(struct xp_hist *h, uint32_t tgid)
{
	struct xp_proc *p = idmap__get(&h->procs, tgid);

	if (p)
		p->dead = true;
	retire(h, tgid);
}

bool hist__is_desc(const struct xp_proc *p, const struct xp_proc *anc)
{
	int i;

	if (p == anc)
		return true;
	for (i = 0; i < XP_ANCESTORS && p->anc[i]; i++)
		if (p->anc[i] == anc->serial)
			return true;
	return false;
}

/* Copy @s into the entry's tail at *@at; return the copy or NULL for NULL. */
static char *put_str(char **at, const char *s)
{
	char *d = *at;
	size_t n;

	if (!s)
		return NULL;
	n = strlen(s) + 1;
	memcpy(d, s, n);
	*at += n;
	return d;
}

struct xp_ent *hist__add(struct xp_hist *h, struct xp_proc *p, const struct xp_ent *tmpl,
			 const char *line, const char *path, const char *note)
{
	size_t n = sizeof(struct xp_ent) + (line ? strlen(line) + 1 : 0) +
		   (path ? strlen(path) + 1 : 0) + (note ? strlen(note) + 1 : 0);
	struct xp_tree *t = p->tree;
	struct xp_ent *e;
	char *at;

	if (cost(n) > h->limit / 2 || !make_room(h, t, cost(n))) {
		h->dropped++;
		return NULL;
	}
	e = malloc(n);
	if (!e)
		return NULL;
	*e = *tmpl;
	at = (char *)(e + 1);
	e->line = put_str(&at, line);
	e->path = put_str(&at, path);
	e->note = put_str(&at, note);
	e->proc = p;
	e->size = cost(n);
	p->refs++;
	e->gnext = e->tnext = NULL;
	e->gprev = h->tail;
	if (h->tail)
		h->tail->gnext = e;
	else
		h->head = e;
	h->tail = e;
	e->tprev = t->tail;
	if (t->tail)
		t->tail->tnext = e;
	else
		t->head = e;
	t->tail = e;
	t->bytes += e->size;
	account(h, e->size);
	return e;
}

void hist__add_conn(struct xp_hist *h, const struct xp_conn *tmpl)
{
	struct xp_conn *c;

	if (!make_room(h, NULL, cost(sizeof(*c)))) {
		h->dropped++;
		return;
	}
	c = malloc(sizeof(*c));
	if (!c)
		return;
	*c = *tmpl;
	c->proc->refs++;
	c->next = NULL;
	c->prev = h->ctail;
	if (h->ctail)
		h->ctail->next = c;
	else
		h->chead = c;
	h->ctail = c;
	h->nconns++;
	account(h, cost(sizeof(*c)));
}

static void str_free(struct xp_hist *h, char **field)
{
	if (*field)
		h->bytes -= cost(strlen(*field) + 1);
	free(*field);
	*field = NULL;
}

void hist__set_str(struct xp_hist *h, char **field, const char *s)
{
	char *n = strdup(s);

	if (!n)
		return;
	str_free(h, field);
	*field = n;
	account(h, cost(strlen(n) + 1));
}
