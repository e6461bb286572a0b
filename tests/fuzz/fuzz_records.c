// SPDX-License-Identifier: GPL-2.0
/*
 * Ring-buffer records, as a hostile kernel side or a hostile traced process
 * could shape them (any syscall number, any blob lengths and contents),
 * through the pairing stage and the fd model into both sinks: strace's text
 * and JSON Lines, whose outputs are then checked (fuzz.h).
 *
 * Input: a u32 of option bits (see opts_from()), then records, each a u16
 * length and that many bytes. tests/fuzz/mkseeds.py makes seeds of this
 * shape from real recordings.
 */
#include <stdlib.h>
#include <string.h>

#include "cli/opts.h"
#include "fd/fdtab.h"
#include "fuzz.h"
#include "pairing/pairing.h"
#include "print/jsonl.h"
#include "print/strace.h"
#include "table/syscalls.h"

/* The options a run uses, from the input's first word. */
static void opts_from(struct sr_opts *o, uint32_t bits)
{
	static const int strsizes[] = { 32, 0, 1, 4096 };
	static const uint8_t statuses[] = { SR_ST_ALL, SR_ST_SUCCESSFUL, SR_ST_FAILED,
					    SR_ST_UNFINISHED | SR_ST_DETACHED };
	int i;

	memset(o, 0, sizeof(*o));
	o->decode_fds = bits & 3; /* 3: -yy and --peer */
	o->peer = (bits & 3) == 3;
	if (o->decode_fds > 2)
		o->decode_fds = 2;
	o->verbose = bits & 4;
	o->decode_pids = bits & 8;
	o->absolute_paths = bits & 0x10;
	o->strsize = strsizes[(bits >> 5) & 3];
	o->status = statuses[(bits >> 7) & 3];
	o->quiet = bits & 0x200;
	o->quiet_exit = bits & 0x400;
	o->quiet_superseded = bits & 0x800;
	memset(o->sig_sel, (bits & 0x1000) ? 0x55 : 0xff, sizeof(o->sig_sel));
	/* -e raw= and -e trace= over a pseudo-random half of the syscalls */
	for (i = 0; i < SR_NR_MAX / 8; i++) {
		uint8_t r = (uint8_t)((bits >> 16) * (i + 1) * 2654435761u >> 24);

		if (bits & 0x2000)
			o->raw_sel[i] = r;
		if (bits & 0x4000)
			o->trace_sel[i] = ~r;
	}
	o->trace_set = bits & 0x4000;
	o->json = false;
}

/*
 * A record's cgroup id makes the JSON sink name it from this host's cgroup
 * hierarchy (a walk of /sys/fs/cgroup): not what is fuzzed here (cgroup
 * names are, by fuzz_cgroup), and slow. Zero it.
 */
static void no_cgroup(void *rec, size_t n)
{
	struct sr_enter *e = rec;

	if (n >= sizeof(*e) && (e->h.type == SR_REC_ENTER || e->h.type == SR_REC_CALL))
		e->cgid = 0;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	if (syscalls__init())
		abort();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct fz_out text, json;
	static uint64_t rec[SR_REC_MAX / 8 + 8];
	struct fz_in in = { data, size };
	struct sr_sink *ts, *js;
	struct sr_fdtab *fds = NULL;
	struct sr_pairing p;
	struct sr_opts o;
	const char *buf;
	size_t len;

	if (!text.out.buf) {
		fz_out_open(&text);
		fz_out_open(&json);
	}
	opts_from(&o, fz_u32(&in));
	if (fdtab__wanted(&o)) {
		fds = fdtab__new(&o);
		if (!fds)
			abort();
		/* never this host's /proc: the records' pids are made up */
		fdtab__set_proc_root(fds, NULL);
	}
	pairing__setup(&p, &o, fds);
	ts = strace_sink__new(&text.out, &o, fds, pairing__comm_at, &p);
	js = jsonl_sink__new(&json.out, &o, fds, pairing__comm_at, &p);
	if (!ts || !js || pairing__add_sink(&p, ts) || pairing__add_sink(&p, js))
		abort();
	while (in.n >= 2) {
		uint16_t n;

		fz_take(&in, &n, sizeof(n));
		if (n > in.n)
			n = in.n;
		/* a length the fuzzer made up may pass the buffer: ASan found 16593 */
		if (n > sizeof(rec))
			n = sizeof(rec);
		/* 8-byte aligned, as the ring buffer hands records out */
		memcpy(rec, in.p, n);
		in.p += n;
		in.n -= n;
		no_cgroup(rec, n);
		pairing__handle(&p, rec, n);
	}
	pairing__finish(&p);
	pairing__free(&p);
	strace_sink__free(ts);
	jsonl_sink__free(js);
	fdtab__free(fds);
	buf = fz_out_take(&text, &len);
	fz_check_text(buf, len);
	buf = fz_out_take(&json, &len);
	fz_check_json(buf, len);
	return 0;
}
