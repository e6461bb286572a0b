// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <bpf/bpf.h>

#include "capture/rbs.h"

/* The smallest ring the kernel takes; the array's template may be any size (5.10+). */
#define TEMPLATE_SIZE 4096

struct worker {
	struct sr_rbs *r;
	int first;
};

static void fail(struct sr_rbs *r, int err)
{
	int none = 0;

	__atomic_compare_exchange_n(&r->err, &none, err, false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
}

/* Rings first, first + nthreads, ...: create each and store it in the array. */
static void *work(void *arg)
{
	struct worker *w = arg;
	struct sr_rbs *r = w->r;
	uint32_t i;

	for (i = w->first; i < (uint32_t)r->n; i += r->stride) {
		int fd = bpf_map_create(BPF_MAP_TYPE_RINGBUF, "sr_rb", 0, 0, r->size, NULL);

		if (fd < 0) {
			fail(r, -errno);
			break;
		}
		r->fds[i] = fd;
		if (bpf_map_update_elem(r->outer_fd, &i, &fd, BPF_ANY)) {
			fail(r, -errno);
			break;
		}
	}
	free(w);
	return NULL;
}

int rbs__start(struct sr_rbs *r, int n, uint64_t size)
{
	LIBBPF_OPTS(bpf_map_create_opts, opts);
	sigset_t all, old;
	int i, tpl, err = 0;

	memset(r, 0, sizeof(*r));
	r->outer_fd = -1;
	r->n = n;
	r->size = size;
	r->fds = malloc(n * sizeof(*r->fds));
	if (!r->fds)
		return -ENOMEM;
	for (i = 0; i < n; i++)
		r->fds[i] = -1;
	/* on this thread: the first map libbpf creates may raise RLIMIT_MEMLOCK */
	tpl = bpf_map_create(BPF_MAP_TYPE_RINGBUF, "sr_rb_tpl", 0, 0, TEMPLATE_SIZE, NULL);
	if (tpl < 0)
		return -errno;
	opts.inner_map_fd = tpl;
	r->outer_fd = bpf_map_create(BPF_MAP_TYPE_ARRAY_OF_MAPS, "rbs", 4, 4, n, &opts);
	if (r->outer_fd < 0)
		err = -errno;
	close(tpl);
	if (err)
		return err;
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
	/* workers that did start fill the rest of their share; the caller gives up anyway */
	return err;
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

	rbs__wait(r);
	for (i = 0; r->fds && i < r->n; i++)
		if (r->fds[i] >= 0)
			close(r->fds[i]);
	free(r->fds);
	r->fds = NULL;
	if (r->outer_fd >= 0)
		close(r->outer_fd);
	r->outer_fd = -1;
}
