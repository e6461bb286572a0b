// SPDX-License-Identifier: GPL-2.0
/* Decoders: what System V IPC calls share (keys, get flags, *ctl commands and buffers). */
#include <linux/msg.h>
#include <linux/sem.h>
#include <linux/shm.h>

#include "decode/ipc.h"

/* The permission bits at the bottom of the *get flags and of ipc_perm's mode. */
#define SR_IPC_MODE_MASK 0777u

_Static_assert(sizeof(struct msqid64_ds) == SR_IPC_BUF_MAX, "msqid64_ds");
_Static_assert(sizeof(struct shmid64_ds) <= SR_IPC_BUF_MAX, "shmid64_ds");
_Static_assert(sizeof(struct semid64_ds) <= SR_IPC_BUF_MAX, "semid64_ds");
_Static_assert(sizeof(struct shminfo64) <= SR_IPC_BUF_MAX, "shminfo64");
_Static_assert(sizeof(struct shm_info) <= SR_IPC_BUF_MAX, "shm_info");
_Static_assert(sizeof(struct msginfo) <= SR_IPC_BUF_MAX, "msginfo");
_Static_assert(sizeof(struct seminfo) <= SR_IPC_BUF_MAX, "seminfo");

static void ipc_key_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	uint32_t key = (uint32_t)c->args[argi];

	if (key == IPC_PRIVATE)
		pr_sym(f, "IPC_PRIVATE", key);
	else
		pr_x(f, key);
}

const struct sr_decoder sr_dec_ipc_key = {
	.name = "ipc_key",
	.at_exit = false,
	.print = ipc_key_print,
};

/*
 * semget's and msgget's flags: IPC_* bits, '|', the permissions. strace
 * prints unknown bits in hex with no '|' before the permissions when no
 * name came first: "0x100000600". Under -X raw and verbose the flags and
 * the permissions are two parts: "0xface1c00|0125", "0x200 /\* IPC_CREAT *\/|0700".
 */
static void ipc_flags_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	uint32_t v = (uint32_t)c->args[argi], flags = v & ~SR_IPC_MODE_MASK;
	uint64_t rest;

	pr_bits_parts_begin(f, v);
	if (flags)
		pr_bits_part(f, flags);
	rest = pr_bits_walk(f, &xlat_ipc_flags, flags, -1);
	if (rest)
		pr_bits_rest(f, SR_NUM_X, rest);
	if (rest == flags)
		pr_bits_glue(f);
	pr_bits_part_num(f, SR_NUM_O, v & SR_IPC_MODE_MASK);
	pr_bits_end(f);
}

const struct sr_decoder sr_dec_ipc_flags = {
	.name = "ipc_flags",
	.at_exit = false,
	.print = ipc_flags_print,
};

/* The struct sr_ipc_ctl of @c's *ctl, its decoders' param. */
static const struct sr_ipc_ctl *ipc_ctl_of(const struct sr_call *c, int argi)
{
	return c->ent->args[argi].dec->param;
}

void ipc_cmd_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	const struct sr_ipc_ctl *k = ipc_ctl_of(c, argi);
	uint64_t v = c->args[argi];

	if (!(v & IPC_64)) {
		fmt_enum(f, k->cmds, v);
		return;
	}
	pr_bits_begin(f, v);
	pr_bit(f, NULL, "IPC_64");
	pr_bits_enum(f, k->cmds, v & ~(uint64_t)IPC_64);
	pr_bits_end(f);
}

/*
 * The buffer's meaning depends on the command: IPC_SET reads it (entry),
 * *_STAT and *_INFO fill it (exit); capture both ways and let the printer
 * pick. semctl's argument may be a plain value: that read just faults.
 */
void ipc_buf_plan(const struct sr_sysent *ent, int argi, const struct sr_opts *o,
		  struct sr_plan_arg *pa)
{
	pa->when = SR_CAP_ENTER | SR_CAP_EXIT;
	pa->how = SR_HOW_BUF;
	pa->len_src = SR_LEN_FIXED;
	pa->elem = SR_IPC_BUF_MAX;
	pa->cap = SR_IPC_BUF_MAX;
}

void ipc_perm_print(struct sr_fmt *f, const char *name, const struct ipc64_perm *p, bool set)
{
	pr_field(f, name);
	pr_struct_begin(f);
	pr_field_id(f, "uid", p->uid);
	pr_field_id(f, "gid", p->gid);
	pr_field(f, "mode");
	fmt_mode(f, p->mode);
	if (!set) {
		pr_field_u(f, "key", (uint32_t)p->key);
		pr_field_id(f, "cuid", p->cuid);
		pr_field_id(f, "cgid", p->cgid);
	}
	pr_struct_end(f);
}

/* What the buffer holds for @cmd: 1 an id's struct, 2 the limits, 0 nothing. */
static int ipc_buf_what(const struct sr_ipc_ctl *k, unsigned int cmd)
{
	if (cmd == IPC_STAT || cmd == IPC_SET || cmd == k->stat || cmd == k->stat_any)
		return 1;
	if (cmd == IPC_INFO || cmd == k->info_cmd)
		return 2;
	return 0;
}

/* The struct a *ctl command reads (IPC_SET) or fills (only if it succeeded). */
void ipc_buf_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	const struct sr_ipc_ctl *k = ipc_ctl_of(c, argi);
	unsigned int cmd = (uint32_t)c->args[argi - 1] & ~(unsigned int)IPC_64;
	bool failed = !c->has_exit || c->ret < 0;
	const uint8_t *p = blob_get(cmd == IPC_SET ? c->in[argi] : c->out[argi], SR_IPC_BUF_MAX);
	int what = ipc_buf_what(k, cmd);

	if (!what || (cmd != IPC_SET && failed) || !p) {
		fmt_ptr(f, c->args[argi]);
		return;
	}
	if (what == 1)
		k->ds(f, p, cmd == IPC_SET);
	else
		k->info(f, p, cmd);
}
