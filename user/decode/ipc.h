/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Inside user/decode/: what the System V IPC decoders share (ipc.c), and
 * what each of ipc_shm.c, ipc_sem.c and ipc_msg.c tells it about its *ctl.
 */
#ifndef SYSRAY_DECODE_IPC_H
#define SYSRAY_DECODE_IPC_H

#include <stdbool.h>
#include <stdint.h>
#include <linux/ipc.h>

#include "decode/decode.h"

/* One of shmctl, semctl, msgctl. */
struct sr_ipc_ctl {
	const struct sr_xlat *cmds; /* its commands */
	unsigned int stat, stat_any, info_cmd; /* its own *_STAT, *_STAT_ANY, *_INFO */
	/* The id's struct: all of it for *_STAT, the fields IPC_SET sets with @set. */
	void (*ds)(struct sr_fmt *f, const void *data, bool set);
	/* The limits IPC_INFO and *_INFO fill in (@cmd tells which). */
	void (*info)(struct sr_fmt *f, const void *data, unsigned int cmd);
};

/* Bytes of a *ctl buffer captured: the largest struct the commands use. */
#define SR_IPC_BUF_MAX 120

/*
 * The printers of each *ctl's command and buffer decoders, whose param is
 * the struct sr_ipc_ctl. A *ctl command: "IPC_64|IPC_STAT" for the flag of
 * the 64-bit layouts.
 */
void ipc_cmd_print(struct sr_fmt *f, const struct sr_call *c, int argi);
/* Capture plan of a *ctl buffer: both ways, the printer picks by command. */
void ipc_buf_plan(const struct sr_sysent *ent, int argi, const struct sr_opts *o,
		  struct sr_plan_arg *pa);
/* A *ctl buffer, argument @argi, the command the one before it. */
void ipc_buf_print(struct sr_fmt *f, const struct sr_call *c, int argi);
/* Field @name: "{uid=0, gid=0, mode=0600, key=0, cuid=0, cgid=0}"; IPC_SET sets three. */
void ipc_perm_print(struct sr_fmt *f, const char *name, const struct ipc64_perm *p, bool set);

#endif /* SYSRAY_DECODE_IPC_H */
