// SPDX-License-Identifier: GPL-2.0
/*
 * -ff: one file per thread, FILE.TID, as strace -ff writes them. Files are
 * opened when their thread first prints; at most max_open are open at once,
 * the least recently used one is closed (its buffer flushed and freed, the
 * column of its open line kept) and reopened with O_APPEND when its thread
 * prints again. Each file keeps its own open line.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "lib/idmap.h"
#include "print/outfiles.h"

/* Buffer of an open file: small, as there may be hundreds. */
#define OF_BUF_SIZE (16 * 1024)
/* At most this many files open at once, whatever RLIMIT_NOFILE allows. */
#define OF_MAX_OPEN 256

struct of_entry {
	struct sr_dest d; /* d.out is &out */
	struct sr_out out;
	uint32_t tid;
	bool open; /* d.out has a buffer and an fd */
	struct of_entry *prev, *next; /* the open ones, most recently used first */
};

struct sr_outfiles {
	const char *prefix;
	bool append; /* -A: every file is appended to */
	uint8_t hexstr;
	int max_open;
	int nopen;
	struct of_entry *head, *tail;
	struct idmap live; /* tid -> struct of_entry */
	struct idmap made; /* tid -> (void *)1: created by this run, append from now on */
	int err;
};

static int default_max_open(void)
{
	struct rlimit rl;
	long n = OF_MAX_OPEN;

	/* leave room for everything else sysray opens (rings, /proc, the BPF side) */
	if (!getrlimit(RLIMIT_NOFILE, &rl) && rl.rlim_cur != RLIM_INFINITY &&
	    (long)rl.rlim_cur / 2 < n)
		n = (long)rl.rlim_cur / 2;
	return n < 1 ? 1 : (int)n;
}

struct sr_outfiles *outfiles__new(const char *prefix, bool append, uint8_t hexstr, int max_open)
{
	struct sr_outfiles *f = calloc(1, sizeof(*f));

	if (!f)
		return NULL;
	f->prefix = prefix;
	f->append = append;
	f->hexstr = hexstr;
	f->max_open = max_open > 0 ? max_open : default_max_open();
	return f;
}

static void lru_unlink(struct sr_outfiles *f, struct of_entry *e)
{
	if (e->prev)
		e->prev->next = e->next;
	else
		f->head = e->next;
	if (e->next)
		e->next->prev = e->prev;
	else
		f->tail = e->prev;
	e->prev = e->next = NULL;
}

static void lru_front(struct sr_outfiles *f, struct of_entry *e)
{
	e->prev = NULL;
	e->next = f->head;
	if (f->head)
		f->head->prev = e;
	f->head = e;
	if (!f->tail)
		f->tail = e;
}

static void note_err(struct sr_outfiles *f, int err, uint32_t tid)
{
	if (!err || f->err)
		return;
	f->err = err;
	fprintf(stderr, "sysray: cannot write to '%s.%u': %s\n", f->prefix, tid, strerror(-err));
}

/* Close @e's file, keeping what it knows of its open line. */
static void close_entry(struct sr_outfiles *f, struct of_entry *e)
{
	if (!e->open)
		return;
	note_err(f, out__detach(&e->out), e->tid);
	lru_unlink(f, e);
	e->open = false;
	f->nopen--;
}

/* Open (or reopen) @e's file; 0 or -errno. */
static int open_entry(struct sr_outfiles *f, struct of_entry *e)
{
	char path[PATH_MAX];
	bool append = f->append || idmap__get(&f->made, e->tid);
	int fd, err;

	if ((size_t)snprintf(path, sizeof(path), "%s.%u", f->prefix, e->tid) >= sizeof(path))
		return -ENAMETOOLONG;
	while (f->nopen >= f->max_open && f->tail)
		close_entry(f, f->tail);
	fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC | (append ? O_APPEND : O_TRUNC), 0644);
	if (fd < 0)
		return -errno;
	err = out__attach(&e->out, fd, OF_BUF_SIZE);
	if (err)
		return err;
	/* written files are never terminals: buffered, flushed each round */
	e->out.line_buffered = false;
	idmap__put(&f->made, e->tid, (void *)1);
	e->open = true;
	f->nopen++;
	lru_front(f, e);
	return 0;
}

struct sr_dest *outfiles__get(struct sr_outfiles *f, uint32_t tid)
{
	struct of_entry *e = idmap__get(&f->live, tid);
	int err;

	if (e && e->open) {
		if (f->head != e) {
			lru_unlink(f, e);
			lru_front(f, e);
		}
		return &e->d;
	}
	if (!e) {
		e = calloc(1, sizeof(*e));
		if (!e || idmap__put(&f->live, tid, e)) {
			free(e);
			note_err(f, -ENOMEM, tid);
			return NULL;
		}
		e->tid = tid;
		e->d.out = &e->out;
		e->out.fd = -1;
		e->out.hexstr = f->hexstr;
	}
	err = open_entry(f, e);
	if (err) {
		note_err(f, err, tid);
		return NULL;
	}
	return &e->d;
}

void outfiles__release(struct sr_outfiles *f, uint32_t tid)
{
	struct of_entry *e = idmap__del(&f->live, tid);

	if (!e)
		return;
	close_entry(f, e);
	free(e);
}

void outfiles__each(struct sr_outfiles *f, void (*fn)(void *ctx, uint32_t tid), void *ctx)
{
	uint32_t tids[256];
	size_t it = 0, n, i;
	uint64_t key;

	/* in batches: @fn may reopen files, which reorders nothing in the map */
	do {
		n = 0;
		while (n < sizeof(tids) / sizeof(tids[0]) && idmap__next(&f->live, &it, &key))
			tids[n++] = (uint32_t)key;
		for (i = 0; i < n; i++)
			fn(ctx, tids[i]);
	} while (n == sizeof(tids) / sizeof(tids[0]));
}

int outfiles__flush(struct sr_outfiles *f)
{
	struct of_entry *e;

	for (e = f->head; e; e = e->next)
		note_err(f, out__flush(&e->out), e->tid);
	return f->err;
}

int outfiles__err(const struct sr_outfiles *f)
{
	return f->err;
}

size_t outfiles__open_count(const struct sr_outfiles *f)
{
	return (size_t)f->nopen;
}

void outfiles__free(struct sr_outfiles *f)
{
	struct of_entry *e;
	size_t it = 0;

	if (!f)
		return;
	while ((e = idmap__next(&f->live, &it, NULL))) {
		close_entry(f, e);
		free(e);
	}
	idmap__free(&f->live);
	idmap__free(&f->made);
	free(f);
}
