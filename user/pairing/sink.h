/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the pairing stage hands on: events about calls (an entry is known, a
 * call completed, it never will), processes (exits, execs that replace a
 * leader) and the stream (losses). A sink turns them into output: strace's
 * lines (print/strace.c), JSON, a summary. Sinks read the events and the
 * call they carry; they change nothing the pairing stage or the fd model
 * holds (but the call's sink_bits, which are theirs).
 */
#ifndef SYSRAY_PAIRING_SINK_H
#define SYSRAY_PAIRING_SINK_H

#include <stdbool.h>
#include <stdint.h>

#include <linux/types.h>

#include "sysray/abi.h"

struct sr_call;

enum sr_ev_type {
	/* calls: ev->call */
	SR_EV_ENTER, /* the entry is known and may be shown before the exit comes */
	SR_EV_EXIT, /* the call completed: entry and exit */
	SR_EV_ORPHAN, /* an exit whose entry was never seen: only the exit part is known */
	SR_EV_NORETURN, /* exit, exit_group: complete at entry, never returns */
	SR_EV_UNAVAILABLE, /* the call's exit record was lost */
	SR_EV_DEAD, /* the task died inside the call */
	SR_EV_DETACHED, /* tracing stopped while the call was in flight */
	/* not calls */
	SR_EV_SIGNAL, /* ev->sig: a signal delivered or generated */
	SR_EV_PEXIT, /* ev->exit_code: the task exited or was killed */
	SR_EV_RETID, /* ev->old_tid: a thread's execve made it the leader, ev->task->tid */
	SR_EV_SUPERSEDED, /* ev->old_tid replaced leader ev->task->tid by its execve */
	SR_EV_LOST, /* ev->lost records were lost at this point of the stream */
	SR_EV_COMPAT, /* the task runs i386 syscalls from now on */
	SR_EV_FORK, /* ev->child: ev->task created a task (a process, or a thread of its own) */
	SR_EV_MAX,
};

/* The task an event is about, as the trace knows it. */
struct sr_task_info {
	uint32_t tid;
	uint32_t tgid;
	const char *comm; /* SR_COMM_LEN bytes, not always NUL-terminated; may be empty */
	uint64_t cgid; /* its cgroup id; 0: unknown */
};

struct sr_event {
	enum sr_ev_type type;
	/*
	 * Does it pass the user's filters (-e status=, signal=, quiet=)? A sink
	 * that prints ignores events that do not; one that counts may not.
	 */
	bool shown;
	/*
	 * kernel time (CLOCK_MONOTONIC ns) of the record that told it; for
	 * SR_EV_LOST, of the record after the loss (0 when the loss was
	 * found at the end, outside the stream)
	 */
	uint64_t ts;
	const struct sr_task_info *task; /* NULL for SR_EV_LOST */
	struct sr_call *call;
	union {
		const struct sr_signal *sig;
		int exit_code; /* wait status: exit code << 8, or the signal | 0x80 for a core */
		uint32_t old_tid;
		uint64_t lost;
		const struct sr_task_info *child; /* SR_EV_FORK */
	};
	/* SR_EV_PEXIT: the last thread of its thread group exited */
	bool group_dead;
	/*
	 * SR_EV_PEXIT: the syscall the thread was in when it ended, -1 if none
	 * or unknown; SR_EV_SUPERSEDED: the execve that ended it
	 */
	int32_t in_nr;
	/* SR_EV_FORK: the child shares the parent's fd table (CLONE_FILES) */
	bool share_files;
};

struct sr_sink;

struct sr_sink_ops {
	void (*event)(struct sr_sink *s, const struct sr_event *ev);
	/* Optional: the task whose line is open (strace's -f rule), 0 if none. */
	uint32_t (*open_tid)(const struct sr_sink *s);
	/* Optional: the stream ended; write out what is buffered. */
	void (*finish)(struct sr_sink *s);
};

struct sr_sink {
	const struct sr_sink_ops *ops;
	/* Assigned by the pairing stage: the bit of sr_call.sink_bits this sink may use. */
	uint8_t bit;
	/*
	 * It shows a call whole with the event that ends it, never at
	 * SR_EV_ENTER (JSON): the fd model prepares the call's entry part then.
	 */
	bool whole_at_end;
};

#endif /* SYSRAY_PAIRING_SINK_H */
