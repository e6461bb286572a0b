/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The io_uring programs (bpf/uring.bpf.c), an object of their own, loaded by
 * libbpf on the main one's maps, with the programs for this kernel's
 * tracepoints (found before the load) attached by name; and the per-opcode
 * map (struct sr_uring_op). libbpf's part (kernel BTF, relocations) runs on
 * a thread of its own while the main programs load; the programs load once
 * the main maps are there.
 */
#ifndef SYSRAY_CAPTURE_URING_H
#define SYSRAY_CAPTURE_URING_H

#include <pthread.h>
#include <stdbool.h>
#include <linux/types.h>

#include "sysray/abi.h"
#include "capture/bpfobj.h"

struct uring_bpf;
struct sr_opts;
struct sr_plans;

struct sr_uring {
	struct sr_uring_op ops[SR_URING_OPS]; /* each opcode's twin and selection */
	bool want; /* some opcode is traced or tracked, or io_uring_register traced */
	bool on; /* ... and this kernel has the tracepoints: load and attach */
	bool v60; /* io_uring_complete has 6.0-6.3's arguments */
	int err; /* wanted but not traced: why (-errno) */
	struct uring_bpf *skel; /* loaded, or NULL */
	int links[4]; /* submission, failure, completion, register; 0: not attached */
	/* the load's thread (uring_cap__start()) */
	pthread_t thread;
	bool started;
	pthread_mutex_t lock;
	pthread_cond_t cond;
	int go; /* URING_WAIT for the main maps, URING_GO (in fd), URING_STOP */
	struct sr_bpf_fds fd; /* the main object's maps */
	bool fdi; /* -y: the build with fd descriptions */
	void *knobs; /* the main object's .rodata, copied */
	bool shared; /* the main maps are in place of the object's own */
	int load_err;
	int handlers[3]; /* libbpf's custom SEC() handlers, while the thread runs */
};

/**
 * uring_cap__prepare() - which opcodes are traced or tracked (-e trace=, the
 * plans), and whether and how this kernel has the io_uring tracepoints
 * (Linux 6.0 or later). Never fails: u->err says why requests will not be
 * traced.
 */
void uring_cap__prepare(struct sr_uring *u, const struct sr_opts *o, const struct sr_plans *plans);

/**
 * uring_cap__start() - if wanted and possible, start the load on a thread,
 * with the knobs of @main (set, not loaded yet). It waits for
 * uring_cap__maps() before loading any program.
 */
void uring_cap__start(struct sr_uring *u, const struct sr_bpfobj *main);

/** uring_cap__maps() - the main object's maps are there: the thread goes on. */
void uring_cap__maps(struct sr_uring *u, const struct sr_bpf_fds *fd);

/**
 * uring_cap__stop() - stop the thread and free what it made, to be started
 * again (after a failed light skeleton: see bpfobj.h on its fds).
 */
void uring_cap__stop(struct sr_uring *u);

/**
 * uring_cap__load() - after the main programs load: wait for the thread
 * (started now if it was not, on @main's maps), fill the opcode map. Return
 * 0 (nothing to do, or done) or -errno (in u->err too): the caller goes on
 * without io_uring.
 */
int uring_cap__load(struct sr_uring *u, const struct sr_bpfobj *main);

/**
 * uring_cap__attach() - attach the programs, if loaded. Return 0 or -errno
 * (in u->err; nothing left attached): the caller goes on without io_uring.
 */
int uring_cap__attach(struct sr_uring *u);
void uring_cap__detach(struct sr_uring *u);

/** uring_cap__free() - stops the thread, detaches; NULL-safe. */
void uring_cap__free(struct sr_uring *u);

#endif /* SYSRAY_CAPTURE_URING_H */
