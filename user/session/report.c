// SPDX-License-Identifier: GPL-2.0
/*
 * End-of-run reports on stderr: losses always (nothing is lost silently),
 * and with -d the capture statistics and sysray's own cost.
 */
#include <stdio.h>
#include <sys/resource.h>

#include "explain/explain.h"
#include "fd/fdtab.h"
#include "ingest/recording.h"
#include "session/internal.h"
#include "session/session.h"
#include "stack/stack.h"

/* -d: inputs no read managed to capture, by type (paths should be none). */
static void report_unread(const struct sr_pairing_stats *st)
{
	static const struct {
		uint8_t type;
		const char *name;
	} types[] = { { SR_T_PATH, "path" },
		      { SR_T_STR, "string" },
		      { SR_T_BUF_IN, "buffer" },
		      { SR_T_STRUCT_IN, "struct-in" },
		      { SR_T_STRUCT_INOUT, "struct-inout" },
		      { SR_T_IOV_IN, "iovec" },
		      { SR_T_ARGV, "argv" } };
	size_t i;

	fprintf(stderr, "sysray: inputs unread after retry (of which the kernel read):");
	for (i = 0; i < sizeof(types) / sizeof(types[0]); i++)
		fprintf(stderr, " %s %llu (%llu)", types[i].name,
			(unsigned long long)st->unread[types[i].type],
			(unsigned long long)st->unread_kernel_ok[types[i].type]);
	fputc('\n', stderr);
}

static double seconds(const struct timeval *tv)
{
	return tv->tv_sec + tv->tv_usec / 1e6;
}

/* -d: sysray's own cost, for the benchmark: in all, and since loading. */
static void report_usage(const struct sr_session *s)
{
	const struct rusage *l = &s->loaded;
	struct rusage ru;

	if (getrusage(RUSAGE_SELF, &ru))
		return;
	fprintf(stderr,
		"sysray: cpu user %.6f s, sys %.6f s, max rss %ld KiB; "
		"after loading user %.6f s, sys %.6f s; reader backlog peak %llu KiB; "
		"rings %d x %llu KiB\n",
		seconds(&ru.ru_utime), seconds(&ru.ru_stime), ru.ru_maxrss,
		seconds(&ru.ru_utime) - seconds(&l->ru_utime),
		seconds(&ru.ru_stime) - seconds(&l->ru_stime),
		(unsigned long long)s->loader.backlog.peak / 1024, s->loader.ncpus,
		(unsigned long long)s->loader.ring_size / 1024);
}

/* -d: what the kernel emitted and what became of it. */
static void report_records(const struct sr_session *s, const struct sr_cpu_stats *st)
{
	fprintf(stderr,
		"sysray: records emitted %llu, consumed %llu, lost %llu, malformed %llu; "
		"reads faulted %llu, retried ok %llu, retried failed %llu; blobs left out %llu\n",
		(unsigned long long)st->v[SR_STAT_EMITTED],
		(unsigned long long)s->pairing.stats.records,
		(unsigned long long)st->v[SR_STAT_LOST], (unsigned long long)s->pairing.stats.bad,
		(unsigned long long)st->v[SR_STAT_READ_FAULT],
		(unsigned long long)st->v[SR_STAT_READ_RETRY_OK],
		(unsigned long long)st->v[SR_STAT_READ_RETRY_FAIL],
		(unsigned long long)st->v[SR_STAT_REC_FULL]);
}

void report__state(const struct sr_session *s, const char *when)
{
	struct sr_pairing_state p;
	struct sr_fd_state f = { 0 };
	char fds[256] = "; no fd tables";

	pairing__state(&s->pairing, &p);
	if (s->fds) {
		fdtab__state(s->fds, &f);
		snprintf(fds, sizeof(fds),
			 "; fd tables: processes %zu, files %zu, open fds %zu, sockets %zu, "
			 "paths %zu, directories %zu, SCM_RIGHTS in flight %zu",
			 f.procs, f.files, f.open, f.socks, f.paths, f.dirs, f.inflight);
	}
	/* one write: a reader polling the file never sees half of it */
	fprintf(stderr,
		"sysray: state %s: threads %zu (in a call %zu, signals held %zu, gone without "
		"an exit record %llu), exited leaders kept for -Y %zu, io_uring requests %zu%s\n",
		when, p.threads, p.in_call, p.signals, (unsigned long long)s->pairing.stats.swept,
		p.zombies, p.uring, fds);
}

/* -k: stacks that printed no frame are said, not dropped silently. */
static void report_stacks(struct sr_session *s)
{
	const struct sr_stacks_stats *k = s->stacks ? stacks__stats(s->stacks) : NULL;

	if (k && k->mmap_lost)
		fprintf(stderr, "sysray: -k: %llu mmap records lost: stacks may miss symbols\n",
			(unsigned long long)k->mmap_lost);

	if (!k)
		return;
	if (k->unwound_none)
		fprintf(stderr,
			"sysray: -k: %llu stacks printed no frame (%llu processes were gone "
			"before their memory maps could be read)\n",
			(unsigned long long)k->unwound_none, (unsigned long long)k->maps_missing);
	if (s->opts.debug)
		fprintf(stderr,
			"sysray: -k: %llu stacks kept, %llu printed, maps read %llu times, "
			"mappings followed %s\n",
			(unsigned long long)k->records, (unsigned long long)k->printed,
			(unsigned long long)k->maps_read,
			k->mmap_records ? "through perf mmap records" : "through /proc only");
}

void report__end(struct sr_session *s)
{
	struct sr_cpu_stats st;
	uint64_t lost, unannounced;

	loader__stats(&s->loader, &st);
	lost = st.v[SR_STAT_LOST];
	/* losses the stream did not mark (after its last record): at its end */
	unannounced = lost > s->pairing.stats.lost ? lost - s->pairing.stats.lost : 0;
	if (unannounced)
		pairing__lost(&s->pairing, unannounced);
	output__flush(s);
	if (lost)
		fprintf(stderr,
			"sysray: %llu events lost (ring buffer full); rerun with a larger "
			"--buffer-size or --backlog\n",
			(unsigned long long)lost);
	if (st.v[SR_STAT_FOLLOW_FAIL])
		fprintf(stderr, "sysray: %llu new processes not followed (traced map full)\n",
			(unsigned long long)st.v[SR_STAT_FOLLOW_FAIL]);
	if (st.v[SR_STAT_URING_UNTRACKED])
		fprintf(stderr,
			"sysray: %llu io_uring requests not followed (in-flight map full)\n",
			(unsigned long long)st.v[SR_STAT_URING_UNTRACKED]);
	report_stacks(s);
	if (!s->opts.debug)
		return;
	if (s->pairing.uring.unmatched)
		fprintf(stderr, "sysray: %llu io_uring completions without their submission\n",
			(unsigned long long)s->pairing.uring.unmatched);
	explain_sink__stats(s->explain, stderr);
	report_usage(s);
	report_unread(&s->pairing.stats);
	report_records(s, &st);
	report__state(s, "at end");
}

/* --replay: a damaged recording says so, after what it held was printed. */
void report__replay(const struct sr_session *s, const struct sr_replay *r)
{
	if (r->left_over)
		fprintf(stderr,
			"sysray: '%s' ends inside a record, after %ld records (%zu bytes left "
			"over): the recording was cut short\n",
			s->opts.replay, r->records, r->left_over);
	if (s->pairing.stats.bad)
		fprintf(stderr, "sysray: '%s': %llu malformed records skipped\n", s->opts.replay,
			(unsigned long long)s->pairing.stats.bad);
	if (s->opts.debug)
		fprintf(stderr, "sysray: %ld records, %llu lines, %llu malformed\n", r->records,
			(unsigned long long)s->pairing.stats.lines,
			(unsigned long long)s->pairing.stats.bad);
}
