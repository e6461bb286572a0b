// SPDX-License-Identifier: GPL-2.0
/* Decoders: System V shared memory (shmget's flags, shmctl). */
#include <stdio.h>
#include <string.h>
#include <linux/shm.h>

#include "decode/ipc.h"

/* Huge page size, log2, in bits 26..31 of shmget's flags. */
#define SR_SHM_HUGE_BITS ((uint32_t)SHM_HUGE_MASK << SHM_HUGE_SHIFT)
#define SR_SHM_MODE_MASK 0777u

/*
 * shmget's flags: IPC_* and SHM_* bits, the huge page size, then the
 * permissions: "IPC_CREAT|SHM_HUGETLB|21<<SHM_HUGE_SHIFT|0600". Under -X raw
 * and verbose each is a number of its own: "0x2ce0000|21<<26|0125"; no
 * bits at all is the permissions alone, "000".
 */
static void shm_flags_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	uint32_t v = (uint32_t)c->args[argi], huge = v & SR_SHM_HUGE_BITS;
	uint32_t flags = v & ~SR_SHM_MODE_MASK & ~SR_SHM_HUGE_BITS;
	uint64_t rest;

	pr_bits_parts_begin(f, v);
	if (flags)
		pr_bits_part(f, flags);
	rest = pr_bits_walk(f, &xlat_shm_resource_flags, flags, -1);
	if (rest)
		pr_bits_rest(f, SR_NUM_X, rest);
	if (huge)
		pr_bits_shift(f, huge >> SHM_HUGE_SHIFT, "SHM_HUGE_SHIFT", SHM_HUGE_SHIFT);
	pr_bits_part_num(f, SR_NUM_O, v & SR_SHM_MODE_MASK);
	pr_bits_end(f);
}

const struct sr_decoder sr_dec_shm_flags = {
	.name = "shm_flags",
	.at_exit = false,
	.print = shm_flags_print,
};

static void shmid_ds_print(struct sr_fmt *f, const void *data, bool set)
{
	struct shmid64_ds d;

	memcpy(&d, data, sizeof(d));
	pr_struct_begin(f);
	ipc_perm_print(f, "shm_perm", &d.shm_perm, set);
	if (!set) {
		pr_field_u(f, "shm_segsz", d.shm_segsz);
		pr_field_d(f, "shm_cpid", d.shm_cpid);
		pr_field_d(f, "shm_lpid", d.shm_lpid);
		pr_field_u(f, "shm_nattch", d.shm_nattch);
		pr_field_u(f, "shm_atime", d.shm_atime);
		pr_field_u(f, "shm_dtime", d.shm_dtime);
		pr_field_u(f, "shm_ctime", d.shm_ctime);
	}
	pr_struct_end(f);
}

/* IPC_INFO's struct shminfo64, or SHM_INFO's struct shm_info. */
static void shm_info_print(struct sr_fmt *f, const void *data, unsigned int cmd)
{
	struct shminfo64 i;
	struct shm_info u;

	pr_struct_begin(f);
	if (cmd == IPC_INFO) {
		memcpy(&i, data, sizeof(i));
		pr_field_u(f, "shmmax", i.shmmax);
		pr_field_u(f, "shmmin", i.shmmin);
		pr_field_u(f, "shmmni", i.shmmni);
		pr_field_u(f, "shmseg", i.shmseg);
		pr_field_u(f, "shmall", i.shmall);
	} else {
		memcpy(&u, data, sizeof(u));
		pr_field_d(f, "used_ids", u.used_ids);
		pr_field_u(f, "shm_tot", u.shm_tot);
		pr_field_u(f, "shm_rss", u.shm_rss);
		pr_field_u(f, "shm_swp", u.shm_swp);
		pr_field_u(f, "swap_attempts", u.swap_attempts);
		pr_field_u(f, "swap_successes", u.swap_successes);
	}
	pr_struct_end(f);
}

static const struct sr_ipc_ctl shmctl = {
	.cmds = &xlat_shmctl_cmds,
	.stat = SHM_STAT,
	.stat_any = SHM_STAT_ANY,
	.info_cmd = SHM_INFO,
	.ds = shmid_ds_print,
	.info = shm_info_print,
};

/* shmctl's command: ipc.c prints it, and the buffer, by what the struct above says. */
const struct sr_decoder sr_dec_shm_cmd = {
	.name = "shm_cmd",
	.at_exit = false,
	.print = ipc_cmd_print,
	.param = &shmctl,
};

/* The buffer, after the command. */
const struct sr_decoder sr_dec_shm_buf = {
	.name = "shm_buf",
	.at_exit = true,
	.plan = ipc_buf_plan,
	.print = ipc_buf_print,
	.param = &shmctl,
};
