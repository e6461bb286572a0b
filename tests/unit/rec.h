/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Synthetic records for unit tests: build what the BPF side would emit, feed
 * it to the pairing/formatting code, and get the printed text back.
 */
#ifndef SYSRAY_TEST_REC_H
#define SYSRAY_TEST_REC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "helpers.h"
#include "cli/opts.h"
#include "pairing/pairing.h"

struct t_rec {
	uint8_t buf[16384];
	size_t len;
};

/* Start an entry record for syscall @name (looked up in the table). */
void t_enter(struct t_rec *r, uint32_t tid, const char *name, const uint64_t args[6]);
/* Start an exit record. */
void t_exit(struct t_rec *r, uint32_t tid, const char *name, int64_t ret);
/*
 * Start a whole-call record (SR_REC_CALL), as sys_exit sends one: the entry
 * part and @ret. Blobs for entry captures must carry SR_BF_ENTRY and come
 * before the exit captures, as in bpf/sysray.bpf.c emit_call().
 */
void t_call(struct t_rec *r, uint32_t tid, const char *name, const uint64_t args[6], int64_t ret);
/* Append a blob for argument @arg. */
void t_blob(struct t_rec *r, int arg, const void *data, size_t len, uint8_t flags, int32_t aux);
/* Process exit of @tid with wait status @code. */
void t_pexit(struct t_rec *r, uint32_t tid, int code, int group_dead);
/* Task @parent (its own tgid) created @child_tid in thread group @child_tgid. */
void t_fork(struct t_rec *r, uint32_t parent, uint32_t child_tid, uint32_t child_tgid);

/*
 * Does the kernel send syscall @name as one SR_REC_CALL record under @o?
 * Yes for calls whose plan has SR_PLAN_AT_EXIT, and for every call but
 * execve when -z/-Z let the kernel filter by outcome: bpf/sysray.bpf.c
 * exit_only(), with the plan user/loader.c would write.
 */
bool t_one_record(const char *name, const struct sr_opts *o);

/* A signal record for @tid: SR_SIG_* @flags, @si the siginfo (or NULL). */
void t_signal(struct t_rec *r, uint32_t tid, int sig, uint32_t flags, const uint8_t si[128]);

/* A printing session into memory. */
struct t_sink {
	struct t_memout mem;
	struct sr_opts opts;
	struct sr_pairing p;
	struct sr_sink *sink; /* the strace sink, on mem */
};

void t_sink_open(struct t_sink *s);
/* After changing s->opts: start the pairing state again, as main.c would with them. */
void t_sink_reinit(struct t_sink *s);
/* Print with the fd tables @fds (not owned), whose comm callback stays as set. */
void t_sink_set_fds(struct t_sink *s, struct sr_fdtab *fds);
void t_feed(struct t_sink *s, const struct t_rec *r);
/*
 * Task 100's read(0, buf, 10) interrupted by task 200's getpid() = 200,
 * then its return of 3 bytes "abc": the lines an unfinished call splits into.
 */
void t_feed_read_split(struct t_sink *s);
/* Flush and return everything printed so far (NUL-terminated, in mem.text_buf). */
const char *t_sink_text(struct t_sink *s);
void t_sink_close(struct t_sink *s);

/*
 * One-shot: print syscall @name with @args, entry blobs given as
 * (arg, data, len) triples in @in (n_in of them), return @ret with exit blobs
 * in @out; returns the line without its leading "PID  " and trailing newline.
 * The records are the ones the kernel would send (t_one_record()): an entry
 * and an exit, or one whole call whose entry blobs take SR_BF_ENTRY.
 */
struct t_blobspec {
	int arg;
	const void *data;
	size_t len;
	uint8_t flags;
	int32_t aux;
};

/* How to send a call. */
enum t_as {
	T_AS_KERNEL, /* as the kernel would: t_one_record() */
	T_AS_SPLIT, /* an entry record, then an exit record */
	T_AS_WHOLE, /* one whole-call record; entry blobs take SR_BF_ENTRY */
};

/* Feed syscall @name of task @tid to @s, its blobs as for t_line(). */
void t_feed_call(struct t_sink *s, uint32_t tid, enum t_as as, const char *name,
		 const uint64_t args[6], const struct t_blobspec *in, int n_in, int64_t ret,
		 const struct t_blobspec *out, int n_out);

const char *t_line(struct t_sink *s, const char *name, const uint64_t args[6],
		   const struct t_blobspec *in, int n_in, int64_t ret, const struct t_blobspec *out,
		   int n_out);

#endif /* SYSRAY_TEST_REC_H */
