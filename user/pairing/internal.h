/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shared by the files of the pairing stage (pairing.c: calls; procs.c:
 * process and signal events): the per-thread state and the ways events
 * leave for the sinks. Nothing outside user/pairing/ includes it.
 */
#ifndef SYSRAY_PAIRING_INTERNAL_H
#define SYSRAY_PAIRING_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>

#include "pairing/more.h"
#include "pairing/pairing.h"

/* Ignored signals waiting to be shown after their task's current syscall. */
#define SR_PENDING_SIGS 4

/* One traced thread. */
struct sr_ttask {
	struct sr_task_info info; /* what events say about it; info.comm is comm */
	bool in_call; /* an entry is held, its exit not yet seen */
	bool quiet; /* the call is for the fd tables only: -e trace= or -P excludes it */
	bool sel_pending; /* -P: decide at exit, when the inputs that faulted at entry are read */
	bool entry_shown; /* SR_EV_ENTER went out for the call in flight (its fds prepared) */
	char comm[SR_COMM_LEN];
	/* the comm before the last execve, and the kernel time that execve took effect */
	char prev_comm[SR_COMM_LEN];
	uint64_t comm_since;
	/* call.ent of an out-of-range syscall number: a copy, with its name */
	struct sr_sysent own_ent;
	char own_name[24];
	uint8_t *rec; /* copy of the entry record */
	size_t rec_cap;
	struct sr_call call;
	uint8_t *exec_name; /* blob: the file name of the execve in progress */
	bool compat_told; /* the "runs in 32 bit mode" notice is out */
	/* a leader that exited before its threads: its "+++" waits for the group's end */
	bool leader_gone;
	int32_t gone_code; /* and its exit code then (an io worker's end does not carry it) */
	int32_t gone_nr; /* and the syscall it was in (sr_event.in_nr) */
	int npending;
	struct sr_signal pending[SR_PENDING_SIGS];
	/*
	 * io_uring_register()'s ring and fds, from inside the call in flight
	 * (ureg_set): its records, SR_UREG_FDS fds each
	 */
	struct sr_uring_reg *ureg;
	uint32_t ureg_n, ureg_cap;
	bool ureg_set;
	bool swept; /* the last sweep found it gone (pairing__sweep()) */
	struct sr_tmore *more; /* buffers longer than a blob (pairing/more.h), or NULL */
};

/* Hand @ev to every sink. */
void pairing_emit(struct sr_pairing *p, const struct sr_event *ev);
/* Emit @t's call as an event of @type (its fds prepared first when shown). */
void pairing_emit_call(struct sr_pairing *p, enum sr_ev_type type, struct sr_ttask *t, bool shown,
		       uint64_t ts);
/* The state of thread @tid of @tgid, created when first seen; NULL without memory. */
struct sr_ttask *pairing_task_get(struct sr_pairing *p, uint32_t tid, uint32_t tgid);
void pairing_task_free(struct sr_ttask *t);
/* What events say about @t, or about a thread not (or no longer) known, in @tmp. */
const struct sr_task_info *pairing_info_of(const struct sr_ttask *t, struct sr_task_info *tmp,
					   uint32_t tid, uint32_t tgid);
/* Show @t's pending ignored signals, but those of kind @keep. */
void pairing_flush_pending(struct sr_pairing *p, struct sr_ttask *t, uint32_t keep);
void pairing_emit_signal(struct sr_pairing *p, const struct sr_ttask *t, const struct sr_signal *x);
/* Whether a call of @t with outcome @st is shown (-e status=, -e trace=, -P). */
bool pairing_shown(const struct sr_pairing *p, const struct sr_ttask *t, unsigned int st);

/* Process and signal records (procs.c). */
void pairing_handle_pexit(struct sr_pairing *p, const struct sr_pexit *x);
void pairing_handle_exec(struct sr_pairing *p, const struct sr_exec *x, size_t len);
void pairing_handle_fork(struct sr_pairing *p, const struct sr_fork *f);
void pairing_handle_signal(struct sr_pairing *p, const struct sr_signal *x);

#endif /* SYSRAY_PAIRING_INTERNAL_H */
