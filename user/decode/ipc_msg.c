// SPDX-License-Identifier: GPL-2.0
/* Decoders: System V message queues (msgsnd's and msgrcv's messages, msgctl). */
#include <string.h>
#include <linux/msg.h>

#include "decode/ipc.h"
#include "cli/opts.h"

/* struct msgbuf { long mtype; char mtext[]; }: where the text starts. */
#define SR_MSG_MTYPE offsetof(struct msgbuf, mtext)
_Static_assert(SR_MSG_MTYPE == sizeof(int64_t), "msgbuf");

/*
 * msgsnd/msgrcv: strace shows args[2] bytes of mtext (msgrcv too: the
 * buffer's size, not what was received), cut at -s. The plan cannot ask for
 * "8 + args[2]" bytes, and SR_LEN_ARG would miss the last 8, so it asks for
 * a fixed 8 + -s bytes, all that is ever shown, and the printer takes
 * args[2] of them. The cost: a buffer that ends within -s bytes of an
 * unmapped page faults, and then shows as its address.
 */
static void msgbuf_plan_len(const struct sr_opts *o, struct sr_plan_arg *pa)
{
	long cap = SR_MSG_MTYPE + (o->strsize > 0 ? o->strsize : 0);

	pa->how = SR_HOW_BUF;
	pa->len_src = SR_LEN_FIXED;
	pa->elem = cap > SR_BLOB_MAX ? SR_BLOB_MAX : cap;
	pa->cap = pa->elem;
}

/* "{mtype=1, mtext="hello"}": @count bytes of text, as many as were captured. */
static void msgbuf_print(struct sr_fmt *f, const struct sr_blob *b, uint64_t addr, uint64_t count)
{
	const uint8_t *d = blob_get(b, SR_MSG_MTYPE);
	int64_t mtype;
	size_t n;

	if (!addr || !d || !fmt_decodes_structs(f)) {
		fmt_ptr(f, addr);
		return;
	}
	memcpy(&mtype, d, sizeof(mtype));
	n = b->len - SR_MSG_MTYPE;
	if (count < n)
		n = count;
	pr_struct_begin(f);
	pr_field_d(f, "mtype", mtype);
	pr_field(f, "mtext");
	pr_str(f, d + SR_MSG_MTYPE, n, fmt_strsize(f), count > n ? SR_Q_ELLIPSIS : 0);
	pr_struct_end(f);
}

/* msgsnd reads the message at entry. */
static void msgbuf_in_plan(const struct sr_sysent *ent, int argi, const struct sr_opts *o,
			   struct sr_plan_arg *pa)
{
	msgbuf_plan_len(o, pa);
	pa->when = SR_CAP_ENTER | SR_CAP_RETRY;
}

static void msgbuf_in_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	msgbuf_print(f, c->in[argi], c->args[argi], c->args[argi + 1]);
}

const struct sr_decoder sr_dec_msgbuf_in = {
	.name = "msgbuf_in",
	.at_exit = false,
	.plan = msgbuf_in_plan,
	.print = msgbuf_in_print,
};

/* msgrcv fills it: only a successful call's buffer is shown. */
static void msgbuf_out_plan(const struct sr_sysent *ent, int argi, const struct sr_opts *o,
			    struct sr_plan_arg *pa)
{
	msgbuf_plan_len(o, pa);
	pa->when = SR_CAP_EXIT;
}

static void msgbuf_out_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	if (!c->has_exit || c->ret < 0) {
		fmt_ptr(f, c->args[argi]);
		return;
	}
	msgbuf_print(f, c->out[argi], c->args[argi], c->args[argi + 1]);
}

const struct sr_decoder sr_dec_msgbuf_out = {
	.name = "msgbuf_out",
	.at_exit = true,
	.plan = msgbuf_out_plan,
	.print = msgbuf_out_print,
};

static void msqid_ds_print(struct sr_fmt *f, const void *data, bool set)
{
	struct msqid64_ds d;

	memcpy(&d, data, sizeof(d));
	pr_struct_begin(f);
	ipc_perm_print(f, "msg_perm", &d.msg_perm, set);
	if (!set) {
		pr_field_u(f, "msg_stime", d.msg_stime);
		pr_field_u(f, "msg_rtime", d.msg_rtime);
		pr_field_u(f, "msg_ctime", d.msg_ctime);
		pr_field_u(f, "msg_qnum", d.msg_qnum);
	}
	pr_field_u(f, "msg_qbytes", d.msg_qbytes);
	if (!set) {
		pr_field_d(f, "msg_lspid", d.msg_lspid);
		pr_field_d(f, "msg_lrpid", d.msg_lrpid);
	}
	pr_struct_end(f);
}

/* IPC_INFO's and MSG_INFO's struct msginfo. */
static void msg_info_print(struct sr_fmt *f, const void *data, unsigned int cmd)
{
	struct msginfo i;

	memcpy(&i, data, sizeof(i));
	pr_struct_begin(f);
	pr_field_d(f, "msgpool", i.msgpool);
	pr_field_d(f, "msgmap", i.msgmap);
	pr_field_d(f, "msgmax", i.msgmax);
	pr_field_d(f, "msgmnb", i.msgmnb);
	pr_field_d(f, "msgmni", i.msgmni);
	pr_field_d(f, "msgssz", i.msgssz);
	pr_field_d(f, "msgtql", i.msgtql);
	pr_field_u(f, "msgseg", i.msgseg);
	pr_struct_end(f);
}

static const struct sr_ipc_ctl msgctl = {
	.cmds = &xlat_msgctl_cmds,
	.stat = MSG_STAT,
	.stat_any = MSG_STAT_ANY,
	.info_cmd = MSG_INFO,
	.ds = msqid_ds_print,
	.info = msg_info_print,
};

/* msgctl's command: ipc.c prints it, and the buffer, by what the struct above says. */
const struct sr_decoder sr_dec_msg_cmd = {
	.name = "msg_cmd",
	.at_exit = false,
	.print = ipc_cmd_print,
	.param = &msgctl,
};

/* The buffer, after the command. */
const struct sr_decoder sr_dec_msg_buf = {
	.name = "msg_buf",
	.at_exit = true,
	.plan = ipc_buf_plan,
	.print = ipc_buf_print,
	.param = &msgctl,
};
