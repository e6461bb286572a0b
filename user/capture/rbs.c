// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <bpf/bpf.h>

#include "capture/rbs.h"

struct worker {
	struct sr_rbs *r;
	int first;
};

static void fail(struct sr_rbs *r, int err)
{
	int none = 0;

	__atomic_compare_exchange_n(&r->err, &none, err, false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
}

/* The array, once the loader has it; -1 if it never will. */
static int outer_of(struct sr_rbs *r)
{
	int fd;

	pthread_mutex_lock(&r->mu);
	while (r->outer_fd < 0 && !r->given_up)
		pthread_cond_wait(&r->ready, &r->mu);
	fd = r->outer_fd;
	pthread_mutex_unlock(&r->mu);
	return fd;
}

static void made(struct sr_rbs *r, int k)
{
	pthread_mutex_lock(&r->mu);
	r->made += k;
	pthread_cond_broadcast(&r->ready);
	pthread_mutex_unlock(&r->mu);
}

/* Rings first, first + stride, ...: make each, then store each in the array. */
static void *work(void *arg)
{
	struct worker *w = arg;
	struct sr_rbs *r = w->r;
	bool failed = false;
	uint32_t i;
	int outer;

	for (i = w->first; i < (uint32_t)r->n && !failed; i += r->stride) {
		int fd = bpf_map_create(BPF_MAP_TYPE_RINGBUF, "sr_rb", 0, 0, r->size, NULL);

		int err = fd < 0 ? -errno : rings__map(r->rings, i, fd, r->size);

		if (err) {
			fail(r, err);
			failed = true;
		}
		r->fds[i] = fd;
	}
	/* a failure counts its share as made: the caller only waits for the outcome */
	made(r, (r->n - w->first + r->stride - 1) / r->stride);
	if (failed)
		goto out;
	outer = outer_of(r);
	for (i = w->first; outer >= 0 && i < (uint32_t)r->n; i += r->stride) {
		if (bpf_map_update_elem(outer, &i, &r->fds[i], BPF_ANY)) {
			fail(r, -errno);
			break;
		}
	}
out:
	free(w);
	return NULL;
}

int rbs__start(struct sr_rbs *r, struct sr_rings *rings, int n, uint64_t size)
{
	sigset_t all, old;
	int i, err = 0;

	memset(r, 0, sizeof(*r));
	r->rings = rings;
	r->outer_fd = -1;
	r->n = n;
	r->size = size;
	pthread_mutex_init(&r->mu, NULL);
	pthread_cond_init(&r->ready, NULL);
	r->fds = malloc(n * sizeof(*r->fds));
	if (!r->fds)
		return -ENOMEM;
	for (i = 0; i < n; i++)
		r->fds[i] = -1;
	/* signals are the main thread's business */
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	r->stride = n < SR_RBS_THREADS ? n : SR_RBS_THREADS;
	while (r->nthreads < r->stride) {
		struct worker *w = malloc(sizeof(*w));

		if (!w) {
			err = -ENOMEM;
			break;
		}
		w->r = r;
		w->first = r->nthreads;
		err = -pthread_create(&r->threads[r->nthreads], NULL, work, w);
		if (err) {
			free(w);
			break;
		}
		r->nthreads++;
	}
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	/* workers that did start do their share; the caller gives up anyway */
	return err;
}

static void set_outer(struct sr_rbs *r, int fd, bool give_up)
{
	pthread_mutex_lock(&r->mu);
	r->outer_fd = fd;
	r->given_up = give_up;
	pthread_cond_broadcast(&r->ready);
	pthread_mutex_unlock(&r->mu);
}

int rbs__made(struct sr_rbs *r)
{
	pthread_mutex_lock(&r->mu);
	while (r->made < r->n)
		pthread_cond_wait(&r->ready, &r->mu);
	pthread_mutex_unlock(&r->mu);
	return __atomic_load_n(&r->err, __ATOMIC_SEQ_CST);
}

void rbs__fill(struct sr_rbs *r, int outer_fd)
{
	set_outer(r, outer_fd, false);
}

int rbs__wait(struct sr_rbs *r)
{
	while (r->nthreads > 0)
		pthread_join(r->threads[--r->nthreads], NULL);
	return __atomic_load_n(&r->err, __ATOMIC_SEQ_CST);
}

void rbs__free(struct sr_rbs *r)
{
	int i;

	if (!r->fds)
		return;
	set_outer(r, -1, true);
	rbs__wait(r);
	for (i = 0; i < r->n; i++)
		if (r->fds[i] >= 0)
			close(r->fds[i]);
	free(r->fds);
	r->fds = NULL;
	pthread_cond_destroy(&r->ready);
	pthread_mutex_destroy(&r->mu);
}
