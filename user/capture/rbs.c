// SPDX-License-Identifier: GPL-2.0
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
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

/* How often a worker looks for the array among the fds while the programs load. */
#define FIND_EVERY_NS 500000

/* Is @fd the programs' array of rings, with a slot for each of @n CPUs? Its map id in @id. */
static bool is_outer(int fd, int n, uint32_t *id)
{
	struct bpf_map_info info = {};
	uint32_t len = sizeof(info);

	if (bpf_obj_get_info_by_fd(fd, &info, &len) || info.type != BPF_MAP_TYPE_ARRAY_OF_MAPS ||
	    info.max_entries != (uint32_t)n || strcmp(info.name, "rbs"))
		return false;
	*id = info.id;
	return true;
}

/* A copy of the array's fd if the load has made it already, else -1 (see rbs.h). */
static int find_outer(int n, uint32_t *id)
{
	DIR *d = opendir("/proc/self/fd");
	struct dirent *e;
	int found = -1;

	if (!d)
		return -1;
	while (found < 0 && (e = readdir(d))) {
		int fd = atoi(e->d_name);

		if (fd <= 2 || fd == dirfd(d) || !is_outer(fd, n, id))
			continue;
		/* closed and its number reused since? ask the copy */
		found = fcntl(fd, F_DUPFD_CLOEXEC, 3);
		if (found >= 0 && !is_outer(found, n, id)) {
			close(found);
			found = -1;
		}
	}
	closedir(d);
	return found;
}

static void wait_a_little(struct sr_rbs *r)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	t.tv_nsec += FIND_EVERY_NS;
	if (t.tv_nsec >= 1000000000) {
		t.tv_sec++;
		t.tv_nsec -= 1000000000;
	}
	pthread_cond_timedwait(&r->ready, &r->mu, &t);
}

/*
 * The array to store into next (its map id in @id), under r->mu: the
 * loader's, once it has handed it over, else the one found among the fds
 * during the load; -1 when there is none (any more). @done: the map this
 * worker stored into already, 0 if none: then it waits for the loader's,
 * and is done if that is the same map.
 */
static int next_outer(struct sr_rbs *r, uint32_t done, uint32_t *id)
{
	while (!r->given_up) {
		uint32_t fid;
		int fd;

		if (r->outer_fd >= 0) {
			*id = r->outer_id;
			return r->outer_id != done ? r->outer_fd : -1;
		}
		if (r->early_fd >= 0 && r->early_id != done) {
			*id = r->early_id;
			return r->early_fd;
		}
		if (r->early_fd >= 0 || r->late) {
			pthread_cond_wait(&r->ready, &r->mu);
			continue;
		}
		pthread_mutex_unlock(&r->mu);
		fd = find_outer(r->n, &fid);
		pthread_mutex_lock(&r->mu);
		if (fd >= 0 && r->early_fd < 0) {
			r->early_fd = fd;
			r->early_id = fid;
		} else if (fd >= 0) {
			close(fd);
		} else {
			wait_a_little(r);
		}
	}
	return -1;
}

/* Store rings first, first + stride, ... into @outer. Return false on failure (noted). */
static bool store(struct sr_rbs *r, uint32_t first, int outer)
{
	uint32_t i;

	for (i = first; i < (uint32_t)r->n; i += r->stride) {
		if (bpf_map_update_elem(outer, &i, &r->fds[i], BPF_ANY)) {
			fail(r, -errno);
			return false;
		}
	}
	return true;
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
	bool failed = false, ok;
	uint32_t i, id, done = 0;
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
	pthread_mutex_lock(&r->mu);
	while ((outer = next_outer(r, done, &id)) >= 0) {
		/* the fd stays open until the workers are joined (rbs__free()) */
		pthread_mutex_unlock(&r->mu);
		ok = store(r, w->first, outer);
		pthread_mutex_lock(&r->mu);
		if (!ok)
			break;
		done = id;
	}
	pthread_mutex_unlock(&r->mu);
out:
	free(w);
	return NULL;
}

int rbs__start(struct sr_rbs *r, struct sr_rings *rings, int n, uint64_t size, bool late)
{
	pthread_condattr_t ca;
	sigset_t all, old;
	int i, err = 0;

	memset(r, 0, sizeof(*r));
	r->rings = rings;
	r->outer_fd = -1;
	r->early_fd = -1;
	r->late = late;
	r->n = n;
	r->size = size;
	pthread_mutex_init(&r->mu, NULL);
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(&r->ready, &ca);
	pthread_condattr_destroy(&ca);
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
	struct bpf_map_info info = {};
	uint32_t len = sizeof(info);

	if (fd >= 0 && bpf_obj_get_info_by_fd(fd, &info, &len))
		info.id = 0;
	pthread_mutex_lock(&r->mu);
	r->outer_fd = fd;
	r->outer_id = info.id;
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
	if (r->early_fd >= 0)
		close(r->early_fd);
	r->early_fd = -1;
	free(r->fds);
	r->fds = NULL;
	pthread_cond_destroy(&r->ready);
	pthread_mutex_destroy(&r->mu);
}
