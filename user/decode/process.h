/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the process-family decoders share (clone.c, wait.c, prctl.c,
 * seccomp.c, sched.c, caps.c, resource.c...): reading what the kernel
 * stored for a call, and a few values more than one of them prints.
 */
#ifndef SYSRAY_DECODE_PROCESS_H
#define SYSRAY_DECODE_PROCESS_H

#include "decode/decode.h"

/* Did the call fail, or is its result not known yet? */
static inline bool call_failed(const struct sr_call *c)
{
	return !c->has_exit || c->ret < 0;
}

/*
 * What the kernel left at argument @i: the exit copy, or the copy retried at
 * exit after the entry read faulted (pairing moves it to in[]).
 */
static inline const struct sr_blob *exit_blob(const struct sr_call *c, int i)
{
	if (c->out[i])
		return c->out[i];
	return c->in[i] && (c->in[i]->flags & SR_BF_RETRY) ? c->in[i] : NULL;
}

/* Capture @size bytes at exit: a value the kernel stores through a pointer. */
static inline void plan_exit_word(struct sr_plan_arg *pa, uint16_t size)
{
	pa->when = SR_CAP_EXIT;
	pa->how = SR_HOW_BUF;
	pa->len_src = SR_LEN_FIXED;
	pa->elem = size;
	pa->cap = size;
}

/*
 * A signal number as fmt_signame() prints it, "SIGCHLD" or "200", into @buf,
 * for the values strace spells as one expression (wait statuses, clone's
 * flags). Return: @buf.
 */
const char *sig_text(int sig, char *buf, size_t len);

/*
 * The seccomp program of argument @argi (a struct sock_fprog): "{len=N,
 * filter=0x...}", the instructions with -v; plan_fprog() captures them.
 */
void fmt_fprog(struct sr_fmt *f, const struct sr_call *c, int argi);
void plan_fprog(const struct sr_sysent *ent, const struct sr_opts *o, struct sr_plan *p, int argi);

#endif /* SYSRAY_DECODE_PROCESS_H */
