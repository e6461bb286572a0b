// SPDX-License-Identifier: GPL-2.0
/* -k: mmap, exec and fork records from perf dummy events. See mmapev.h. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <linux/perf_event.h>
#include <sys/mman.h>
#include <sys/syscall.h>

#include "stack/mmapev.h"

struct sr_mmring {
	int fd;
	struct perf_event_mmap_page *meta;
	char *data;
	uint64_t size; /* bytes of data, a power of two */
};

struct sr_mmapev {
	struct sr_mmring *rings;
	int n;
	uint64_t lost;
	/* copies of the waiting records, handed on in time order across CPUs */
	struct perf_event_header **batch;
	size_t nbatch, capbatch;
};

/* The trailer of every record (sample_id_all): pid, tid, time. */
struct sr_sample_id {
	uint32_t pid, tid;
	uint64_t time;
};

struct sr_mmap2 {
	struct perf_event_header h;
	uint32_t pid, tid;
	uint64_t addr, len, pgoff;
	uint32_t maj, min;
	uint64_t ino, ino_generation;
	uint32_t prot, flags;
	char filename[];
};

struct sr_forkrec {
	struct perf_event_header h;
	uint32_t pid, ppid, tid, ptid;
	uint64_t time;
};

static int open_cpu(int cpu)
{
	struct perf_event_attr a = {
		.type = PERF_TYPE_SOFTWARE,
		.config = PERF_COUNT_SW_DUMMY,
		.size = sizeof(a),
		.sample_type = PERF_SAMPLE_TID | PERF_SAMPLE_TIME,
		.mmap = 1,
		.mmap2 = 1,
		.mmap_data = 1, /* every segment of a file, not only its code: the bias */
		.comm = 1,
		.comm_exec = 1,
		.task = 1,
		.sample_id_all = 1,
		.use_clockid = 1,
		.clockid = CLOCK_MONOTONIC,
	};

	return syscall(SYS_perf_event_open, &a, -1, cpu, -1, PERF_FLAG_FD_CLOEXEC);
}

struct sr_mmapev *mmapev__open(unsigned int ring_pages)
{
	long ncpu = sysconf(_SC_NPROCESSORS_CONF), page = sysconf(_SC_PAGESIZE);
	struct sr_mmapev *m = calloc(1, sizeof(*m));
	int i, err = 0;

	if (!m || ncpu <= 0 || !(m->rings = calloc(ncpu, sizeof(*m->rings)))) {
		free(m);
		errno = ENOMEM;
		return NULL;
	}
	for (i = 0; i < ncpu; i++) {
		struct sr_mmring *r = &m->rings[m->n];
		void *p;

		r->fd = open_cpu(i);
		if (r->fd < 0) {
			if (errno == ENODEV || errno == EINVAL)
				continue; /* an offline CPU */
			err = errno;
			break;
		}
		p = mmap(NULL, (ring_pages + 1) * page, PROT_READ | PROT_WRITE, MAP_SHARED, r->fd,
			 0);
		if (p == MAP_FAILED) {
			err = errno;
			close(r->fd);
			break;
		}
		r->meta = p;
		r->data = (char *)p + page;
		r->size = (uint64_t)ring_pages * page;
		m->n++;
	}
	if (err || !m->n) {
		mmapev__close(m);
		errno = err ? err : ENODEV;
		return NULL;
	}
	return m;
}

static const struct sr_sample_id *trailer(const struct perf_event_header *h)
{
	return (const void *)((const char *)h + h->size - sizeof(struct sr_sample_id));
}

static void handle(struct sr_mmapev *m, const struct perf_event_header *h,
		   const struct sr_mmapev_ops *ops, void *ctx)
{
	const struct sr_mmap2 *mm = (const void *)h;
	const struct sr_forkrec *f = (const void *)h;

	if (h->size < sizeof(*h) + sizeof(struct sr_sample_id))
		return;
	switch (h->type) {
	case PERF_RECORD_MMAP2:
		/* the name is NUL-padded to 8 bytes before the trailer */
		if (h->size < sizeof(*mm) + sizeof(struct sr_sample_id) + 1 ||
		    ((const char *)trailer(h))[-1] != '\0')
			return;
		ops->map(ctx, mm->pid, trailer(h)->time, mm->addr, mm->len, mm->pgoff, mm->maj,
			 mm->min, mm->ino, mm->prot, mm->filename);
		break;
	case PERF_RECORD_COMM:
		if (h->misc & PERF_RECORD_MISC_COMM_EXEC)
			ops->exec(ctx, trailer(h)->pid, trailer(h)->time);
		break;
	case PERF_RECORD_FORK:
		if (h->size >= sizeof(*f) && f->pid != f->ppid)
			ops->fork(ctx, f->pid, f->ppid, f->time);
		break;
	case PERF_RECORD_LOST:
		m->lost += ((const uint64_t *)(h + 1))[1];
		break;
	}
}

static uint64_t rec_time(const struct perf_event_header *h)
{
	if (h->type == PERF_RECORD_FORK && h->size >= sizeof(struct sr_forkrec))
		return ((const struct sr_forkrec *)h)->time;
	return h->size >= sizeof(*h) + sizeof(struct sr_sample_id) ? trailer(h)->time : 0;
}

static int by_time(const void *a, const void *b)
{
	uint64_t x = rec_time(*(struct perf_event_header *const *)a);
	uint64_t y = rec_time(*(struct perf_event_header *const *)b);

	return x < y ? -1 : x > y;
}

/* Copy the record of @size bytes at ring offset @off, which may wrap. */
static void keep(struct sr_mmapev *m, const struct sr_mmring *r, uint64_t off, uint16_t size)
{
	struct perf_event_header *c;
	uint64_t first = off + size > r->size ? r->size - off : size;

	if (m->nbatch == m->capbatch) {
		size_t cap = m->capbatch ? m->capbatch * 2 : 256;
		void *nb = realloc(m->batch, cap * sizeof(*m->batch));

		if (!nb)
			return;
		m->batch = nb;
		m->capbatch = cap;
	}
	c = malloc(size);
	if (!c)
		return;
	memcpy(c, r->data + off, first);
	memcpy((char *)c + first, r->data, size - first);
	m->batch[m->nbatch++] = c;
}

static void drain_ring(struct sr_mmapev *m, struct sr_mmring *r)
{
	uint64_t head = __atomic_load_n(&r->meta->data_head, __ATOMIC_ACQUIRE);
	uint64_t tail = r->meta->data_tail;

	while (tail + sizeof(struct perf_event_header) <= head) {
		uint64_t off = tail & (r->size - 1);
		struct perf_event_header h;
		uint64_t first = off + sizeof(h) > r->size ? r->size - off : sizeof(h);

		memcpy(&h, r->data + off, first);
		memcpy((char *)&h + first, r->data, sizeof(h) - first);
		if (h.size < sizeof(h) || tail + h.size > head)
			break;
		keep(m, r, off, h.size);
		tail += h.size;
	}
	__atomic_store_n(&r->meta->data_tail, tail, __ATOMIC_RELEASE);
}

void mmapev__drain(struct sr_mmapev *m, const struct sr_mmapev_ops *ops, void *ctx)
{
	size_t i;

	for (i = 0; i < (size_t)m->n; i++)
		drain_ring(m, &m->rings[i]);
	qsort(m->batch, m->nbatch, sizeof(*m->batch), by_time);
	for (i = 0; i < m->nbatch; i++) {
		handle(m, m->batch[i], ops, ctx);
		free(m->batch[i]);
	}
	m->nbatch = 0;
}

uint64_t mmapev__lost(const struct sr_mmapev *m)
{
	return m ? m->lost : 0;
}

void mmapev__close(struct sr_mmapev *m)
{
	long page = sysconf(_SC_PAGESIZE);
	int i;

	if (!m)
		return;
	for (i = 0; i < m->n; i++) {
		munmap(m->rings[i].meta, m->rings[i].size + page);
		close(m->rings[i].fd);
	}
	free(m->rings);
	free(m->batch);
	free(m);
}
