// SPDX-License-Identifier: GPL-2.0
/* Decoders: System V semaphores (semop's operations, semctl). */
#include <string.h>
#include <linux/sem.h>

#include "decode/ipc.h"

/* "{sem_num=0, sem_op=-1, sem_flg=SEM_UNDO|IPC_NOWAIT}" */
static void sembuf_print(struct sr_fmt *f, const struct sr_call *c, int argi, const void *data,
			 size_t len)
{
	struct sembuf sb;

	memcpy(&sb, data, sizeof(sb));
	pr_struct_begin(f);
	pr_field_u(f, "sem_num", sb.sem_num);
	pr_field_d(f, "sem_op", sb.sem_op);
	pr_field(f, "sem_flg");
	fmt_flags(f, &xlat_semop_flags, (uint16_t)sb.sem_flg);
	pr_struct_end(f);
}

const struct sr_kind sr_kind_sembuf = {
	.name = "sembuf",
	.same32 = true, /* fixed-width fields */
	.size = sizeof(struct sembuf),
	.max = 0,
	.print = sembuf_print,
};

static void semid_ds_print(struct sr_fmt *f, const void *data, bool set)
{
	struct semid64_ds d;

	memcpy(&d, data, sizeof(d));
	pr_struct_begin(f);
	ipc_perm_print(f, "sem_perm", &d.sem_perm, set);
	if (!set) {
		pr_field_u(f, "sem_otime", d.sem_otime);
		pr_field_u(f, "sem_ctime", d.sem_ctime);
		pr_field_u(f, "sem_nsems", d.sem_nsems);
	}
	pr_struct_end(f);
}

/* IPC_INFO's and SEM_INFO's struct seminfo. */
static void sem_info_print(struct sr_fmt *f, const void *data, unsigned int cmd)
{
	struct seminfo i;

	memcpy(&i, data, sizeof(i));
	pr_struct_begin(f);
	pr_field_d(f, "semmap", i.semmap);
	pr_field_d(f, "semmni", i.semmni);
	pr_field_d(f, "semmns", i.semmns);
	pr_field_d(f, "semmnu", i.semmnu);
	pr_field_d(f, "semmsl", i.semmsl);
	pr_field_d(f, "semopm", i.semopm);
	pr_field_d(f, "semume", i.semume);
	pr_field_d(f, "semusz", i.semusz);
	pr_field_d(f, "semvmx", i.semvmx);
	pr_field_d(f, "semaem", i.semaem);
	pr_struct_end(f);
}

static const struct sr_ipc_ctl semctl = {
	.cmds = &xlat_semctl_cmds,
	.stat = SEM_STAT,
	.stat_any = SEM_STAT_ANY,
	.info_cmd = SEM_INFO,
	.ds = semid_ds_print,
	.info = sem_info_print,
};

/* semctl's command: ipc.c prints it, and the buffer, by what the struct above says. */
const struct sr_decoder sr_dec_sem_cmd = {
	.name = "sem_cmd",
	.at_exit = false,
	.print = ipc_cmd_print,
	.param = &semctl,
};

/* The buffer, after the command. */
const struct sr_decoder sr_dec_sem_buf = {
	.name = "sem_buf",
	.at_exit = true,
	.plan = ipc_buf_plan,
	.print = ipc_buf_print,
	.param = &semctl,
};
