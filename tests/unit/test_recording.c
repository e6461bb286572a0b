// SPDX-License-Identifier: GPL-2.0
/*
 * --record/--replay files (user/ingest/recording.c): a recording read back
 * gives the records written, in order and aligned as the ring buffer gives
 * them; a file that is not a recording, or is cut short or corrupt, gives a
 * clear error and never a crash. The last tests run a whole --replay
 * session (no privileges needed) and read its output and exit status.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "capture.h"
#include "cli/options.h"
#include "ingest/recording.h"
#include "rec.h"
#include "session/session.h"
#include "test.h"

/* The trace of these records, as strace -f prints it. */
static const char want_text[] = "100   close(3)                          = 0\n"
				"100   exit_group(0)                     = ?\n"
				"100   +++ exited with 0 +++\n";

struct file {
	char path[64];
	char *data; /* the bytes written, for cutting */
	size_t size;
};

/* Write three records (a whole call, an entry, a process exit) to a new recording. */
static int make_recording(struct file *f)
{
	uint64_t close3[6] = { 3 }, zero[6] = { 0 };
	struct t_rec r[3];
	struct sr_out o;
	struct stat st;
	int fd, i;

	t_call(&r[0], 100, "close", close3, 0);
	t_enter(&r[1], 100, "exit_group", zero);
	t_pexit(&r[2], 100, 0, 1);
	snprintf(f->path, sizeof(f->path), "/tmp/sysray-rec-XXXXXX");
	fd = mkstemp(f->path);
	if (fd < 0)
		return -errno;
	close(fd);
	if (out__open(&o, f->path))
		return -EIO;
	o.line_buffered = false;
	record__begin(&o);
	for (i = 0; i < 3; i++)
		record__write(&o, r[i].buf, r[i].len);
	if (out__close(&o) || stat(f->path, &st))
		return -EIO;
	f->size = st.st_size;
	f->data = malloc(f->size);
	fd = open(f->path, O_RDONLY);
	if (!f->data || fd < 0 || read(fd, f->data, f->size) != (ssize_t)f->size)
		return -EIO;
	close(fd);
	return 0;
}

/* Replace the recording with @n bytes of @data. */
static void rewrite(struct file *f, const void *data, size_t n)
{
	int fd = open(f->path, O_WRONLY | O_TRUNC);

	if (fd < 0 || write(fd, data, n) != (ssize_t)n)
		fprintf(stderr, "  cannot rewrite %s\n", f->path);
	if (fd >= 0)
		close(fd);
}

static void drop(struct file *f)
{
	unlink(f->path);
	free(f->data);
}

struct sink {
	struct t_sink s;
	int misaligned; /* records handed on at an address not 8-byte aligned */
};

static int to_sink(void *ctx, void *data, size_t len)
{
	struct sink *k = ctx;

	if ((uintptr_t)data % 8)
		k->misaligned++;
	return pairing__handle(&k->s.p, data, len);
}

static struct t_stderr err;

/* Replay @path into @k (opened here); returns record__replay()'s value. */
static int replay(struct sink *k, const char *path, struct sr_replay *r)
{
	int rc;

	memset(k, 0, sizeof(*k));
	t_sink_open(&k->s);
	t_stderr_begin(&err);
	rc = record__replay(path, to_sink, k, r);
	t_stderr_end(&err);
	pairing__finish(&k->s.p);
	return rc;
}

static void round_trip(struct t_state *st)
{
	struct sr_replay r;
	struct file f;
	struct sink k;

	CHECK(st, make_recording(&f) == 0);
	CHECK(st, f.size % 8 == 0 && !memcmp(f.data, SR_RECORD_MAGIC, 8));
	CHECK(st, replay(&k, f.path, &r) == 0);
	CHECK(st, r.records == 3 && r.left_over == 0 && !k.misaligned && !err.text[0]);
	CHECK_STR(st, t_sink_text(&k.s), want_text);
	CHECK(st, k.s.p.stats.bad == 0);
	t_sink_close(&k.s);
	drop(&f);
}

/*
 * Cut the file at every length: the records wholly before the cut are
 * handed on, and bytes left over are reported unless the cut only took a
 * record's padding; nothing is read beyond the cut.
 */
static void cut_anywhere(struct t_state *st)
{
	size_t cut, start[3], data_end[3], end[3], i;
	struct sr_replay r;
	struct file f;
	struct sink k;
	uint32_t n;

	CHECK(st, make_recording(&f) == 0);
	/* the layout: magic, then per record a u32 length, the record, padding to 8 */
	for (i = 0; i < 3; i++) {
		start[i] = i ? end[i - 1] : 8;
		memcpy(&n, f.data + start[i], 4);
		data_end[i] = start[i] + 4 + n;
		end[i] = (data_end[i] + 7) & ~(size_t)7;
		CHECK(st, end[i] > data_end[i]); /* each has padding, to cut into */
	}
	CHECK(st, end[2] == f.size);
	for (cut = 8; cut < f.size; cut++) {
		size_t whole = 0;
		bool clean;

		for (i = 0; i < 3; i++)
			whole += data_end[i] <= cut;
		clean = whole ? cut <= end[whole - 1] : cut == 8;
		rewrite(&f, f.data, cut);
		CHECK(st, replay(&k, f.path, &r) == 0);
		CHECK(st, r.records == (long)whole);
		/* reading stops where the partial record starts */
		CHECK(st, r.left_over == (clean ? 0 : cut - start[whole]));
		CHECK(st, k.s.p.stats.bad == 0 && !err.text[0]);
		t_sink_close(&k.s);
	}
	drop(&f);
}

static void not_recordings(struct t_state *st)
{
	static const struct {
		const char *data;
		size_t n;
	} cases[] = {
		{ "", 0 },
		{ "SYSRAYR", 7 },
		{ "#!/bin/sh\necho not a recording\n", 31 },
	};
	/* older versions': before the entry's instruction pointer, before a whole call's exit time */
	static const char *const old[] = { "SYSRAYR1\0\0\0\0", "SYSRAYR2\0\0\0\0",
					   "SYSRAYR3\0\0\0\0" };
	char want[256];
	struct sr_replay r;
	struct file f;
	struct sink k;
	size_t i;

	CHECK(st, make_recording(&f) == 0);
	for (i = 0; i < sizeof(old) / sizeof(old[0]); i++) {
		snprintf(want, sizeof(want),
			 "sysray: '%s' is a recording of another sysray version (format %c, this "
			 "one reads 4): record it again with this one\n",
			 f.path, old[i][7]);
		rewrite(&f, old[i], 12);
		CHECK(st, replay(&k, f.path, &r) == -EINVAL && r.records == 0);
		CHECK_STR(st, err.text, want);
		CHECK_STR(st, t_sink_text(&k.s), "");
		t_sink_close(&k.s);
	}
	snprintf(want, sizeof(want),
		 "sysray: '%s' is not a recording of this sysray version (make one with "
		 "--record)\n",
		 f.path);
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		rewrite(&f, cases[i].data, cases[i].n);
		CHECK(st, replay(&k, f.path, &r) == -EINVAL && r.records == 0);
		CHECK_STR(st, err.text, want);
		CHECK_STR(st, t_sink_text(&k.s), "");
		t_sink_close(&k.s);
	}
	CHECK(st, replay(&k, "/tmp", &r) == -EINVAL);
	CHECK_STR(st, err.text,
		  "sysray: '/tmp' is not a recording of this sysray version (make one with "
		  "--record)\n");
	t_sink_close(&k.s);
	CHECK(st, replay(&k, "/nonexistent/rec", &r) == -ENOENT);
	CHECK_STR(st, err.text,
		  "sysray: cannot read recording '/nonexistent/rec': No such file or directory\n");
	t_sink_close(&k.s);
	drop(&f);
}

/* Lengths and bytes that are garbage: skipped or reported, never read beyond the file. */
static void corrupt(struct t_state *st)
{
	uint8_t buf[8 + 4 * 8 + 64];
	struct sr_replay r;
	struct file f;
	struct sink k;
	uint32_t n;

	CHECK(st, make_recording(&f) == 0);
	/* a length past the end */
	memcpy(buf, SR_RECORD_MAGIC, 8);
	n = 0xffffffff;
	memcpy(buf + 8, &n, 4);
	rewrite(&f, buf, 16);
	CHECK(st, replay(&k, f.path, &r) == 0 && r.records == 0 && r.left_over == 8);
	t_sink_close(&k.s);
	/* empty records, then one of random bytes: handed on, and found malformed */
	memset(buf + 8, 0, sizeof(buf) - 8);
	n = 64;
	memcpy(buf + 8 + 4 * 8 - 8, &n, 4);
	memset(buf + 8 + 4 * 8 - 4, 0xa5, 64);
	rewrite(&f, buf, 8 + 4 * 8 - 8 + 4 + 64);
	CHECK(st, replay(&k, f.path, &r) == 0);
	CHECK(st, r.records == 4 && r.left_over == 0);
	CHECK(st, k.s.p.stats.bad == 4);
	CHECK_STR(st, t_sink_text(&k.s), "");
	t_sink_close(&k.s);
	/* the real records after a damaged one still print */
	memcpy(buf + 8, &(uint32_t){ 4 }, 4);
	memset(buf + 12, 0xff, 4);
	memcpy(buf + 16, f.data + 8, f.size - 8 < sizeof(buf) - 16 ? f.size - 8 : 0);
	if (f.size - 8 <= sizeof(buf) - 16) {
		rewrite(&f, buf, 16 + f.size - 8);
		CHECK(st, replay(&k, f.path, &r) == 0 && r.records == 4 && k.s.p.stats.bad == 1);
		CHECK_STR(st, t_sink_text(&k.s), want_text);
		t_sink_close(&k.s);
	}
	drop(&f);
}

/* A whole `sysray --replay FILE -o OUT` session: its exit status, output and stderr. */
static int run_replay(const char *rec, char *text, size_t len)
{
	char out[] = "/tmp/sysray-replay-out-XXXXXX";
	char *argv[] = { "sysray", "--replay", (char *)rec, "-o", out, NULL };
	static struct sr_session s;
	int fd = mkstemp(out), status;
	ssize_t n;

	memset(&s, 0, sizeof(s));
	t_stderr_begin(&err);
	status = session__configure(&s, 5, argv);
	if (!status)
		status = session__run(&s);
	status = session__end(&s, status);
	t_stderr_end(&err);
	n = fd >= 0 ? pread(fd, text, len - 1, 0) : -1;
	text[n > 0 ? n : 0] = '\0';
	if (fd >= 0)
		close(fd);
	unlink(out);
	return status;
}

static void replay_sessions(struct t_state *st)
{
	char text[4096], want[512];
	struct file f;
	size_t whole1;
	uint32_t n;

	CHECK(st, make_recording(&f) == 0);
	CHECK(st, run_replay(f.path, text, sizeof(text)) == 0);
	CHECK_STR(st, text, want_text);
	CHECK_STR(st, err.text, "");
	/* cut inside the second record: the first prints, the cut is reported, exit 1 */
	memcpy(&n, f.data + 8, 4);
	whole1 = 8 + ((4 + n + 7) & ~7u);
	rewrite(&f, f.data, whole1 + 6);
	CHECK(st, run_replay(f.path, text, sizeof(text)) == 1);
	CHECK_STR(st, text, "100   close(3)                          = 0\n");
	snprintf(want, sizeof(want),
		 "sysray: '%s' ends inside a record, after 1 records (6 bytes left over): the "
		 "recording was cut short\n",
		 f.path);
	CHECK_STR(st, err.text, want);
	rewrite(&f, "nothing", 7);
	CHECK(st, run_replay(f.path, text, sizeof(text)) == 1);
	CHECK_STR(st, text, "");
	drop(&f);
}

T_SUITE(recording_tests) = {
	T_CASE(round_trip), T_CASE(cut_anywhere),    T_CASE(not_recordings),
	T_CASE(corrupt),    T_CASE(replay_sessions), T_END,
};
