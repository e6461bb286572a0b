// SPDX-License-Identifier: GPL-2.0
/* Decoders: memory and System V IPC. */
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <linux/ipc.h>
#include <linux/membarrier.h>
#include <linux/mempolicy.h>
#include <linux/mman.h>
#include <linux/msg.h>
#include <linux/sem.h>
#include <linux/shm.h>

#include "decode/decode.h"
#include "cli/opts.h"

/* Huge page size, log2, in bits 26..31 of mmap and shmget flags. */
#define SR_MAP_HUGE_BITS ((uint64_t)MAP_HUGE_MASK << MAP_HUGE_SHIFT)
#define SR_SHM_HUGE_BITS ((uint32_t)SHM_HUGE_MASK << SHM_HUGE_SHIFT)

/* "|21<<MAP_HUGE_SHIFT" for a huge page size encoded in the flags. */
static void huge_shift(struct sr_fmt *f, uint64_t huge, const char *name)
{
	if (!huge)
		return;
	out__putc(f->out, '|');
	out__udec(f->out, huge >> MAP_HUGE_SHIFT);
	out__puts(f->out, "<<");
	out__puts(f->out, name);
}

/* mmap flags: the mapping type first (MAP_PRIVATE), then the flag bits. */
static void mmap_flags_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	uint64_t v = c->args[argi], rest = v & ~(uint64_t)MAP_TYPE;

	fmt_enum(f, &xlat_mmap_type, v & MAP_TYPE);
	fmt_flags_tail(f, &xlat_mmap_flags, rest & ~SR_MAP_HUGE_BITS);
	huge_shift(f, rest & SR_MAP_HUGE_BITS, "MAP_HUGE_SHIFT");
}

const struct sr_decoder sr_dec_mmap_flags = {
	.name = "mmap_flags",
	.at_exit = false,
	.print = mmap_flags_print,
};

/* mremap's new_address only counts with both MREMAP_MAYMOVE and MREMAP_FIXED. */
static bool mremap_addr_present(const struct sr_call *c, int argi)
{
	uint64_t both = MREMAP_MAYMOVE | MREMAP_FIXED;

	return argi > 0 && (c->args[argi - 1] & both) == both;
}

static void mremap_addr_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	fmt_ptr(f, c->args[argi]);
}

const struct sr_decoder sr_dec_mremap_addr = {
	.name = "mremap_addr",
	.at_exit = false,
	.present = mremap_addr_present,
	.print = mremap_addr_print,
};

/*
 * mincore's vector: one byte per page of the range. The plan cannot say
 * "pages in argument 1", so it reads -s + 1 bytes (fewer for a shorter
 * range), maybe more than the vector holds: one that ends just before an
 * unmapped page then faults, and prints as its address.
 */
static void mincore_vec_plan(const struct sr_sysent *ent, int argi, const struct sr_opts *o,
			     struct sr_plan_arg *pa)
{
	long cap = o->verbose ? SR_BLOB_MAX : (long)o->strsize + 1;

	(void)ent;
	pa->when = SR_CAP_EXIT | SR_CAP_ANYRET; /* strace shows it even on failure */
	pa->how = SR_HOW_BUF;
	pa->len_src = SR_LEN_ARG;
	pa->len_arg = argi - 1;
	pa->elem = 1;
	pa->cap = cap < 1 ? 1 : cap > SR_BLOB_MAX ? SR_BLOB_MAX : cap;
}

static void mincore_vec_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	const struct sr_blob *b = c->has_exit ? c->out[argi] : NULL;
	long page = sysconf(_SC_PAGESIZE);
	uint64_t len = c->args[argi - 1], n, i;
	size_t max = fmt_max_elems(f);
	const uint8_t *v;

	if (!c->args[argi] || !b || (b->flags & (SR_BF_FAULT | SR_BF_NULL)) || page <= 0) {
		fmt_ptr(f, c->args[argi]);
		return;
	}
	v = blob_data(b);
	n = len / page + (len % page ? 1 : 0);
	out__putc(f->out, '[');
	for (i = 0; i < n; i++) {
		if (i)
			out__puts(f->out, ", ");
		if (i >= max || i >= b->len) {
			out__puts(f->out, "...");
			break;
		}
		out__udec(f->out, v[i] & 1);
	}
	out__putc(f->out, ']');
}

const struct sr_decoder sr_dec_mincore_vec = {
	.name = "mincore_vec",
	.at_exit = true,
	.plan = mincore_vec_plan,
	.print = mincore_vec_print,
};

static void ipc_key_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	uint32_t key = (uint32_t)c->args[argi];

	if (key == IPC_PRIVATE)
		out__puts(f->out, "IPC_PRIVATE");
	else
		out__hex(f->out, key);
}

const struct sr_decoder sr_dec_ipc_key = {
	.name = "ipc_key",
	.at_exit = false,
	.print = ipc_key_print,
};

/*
 * shmget's flags: IPC_* and SHM_* bits, the huge page size, then the
 * permissions. An unknown bit prints alone in hex, and still takes a '|'.
 */
static void shm_flags(struct sr_fmt *f, uint32_t v)
{
	uint32_t flags = v & ~0777u, huge = flags & SR_SHM_HUGE_BITS;

	flags &= ~SR_SHM_HUGE_BITS;
	fmt_flags_bare(f, &xlat_shm_resource_flags, flags);
	if (huge) {
		if (flags)
			out__putc(f->out, '|');
		out__udec(f->out, huge >> SHM_HUGE_SHIFT);
		out__puts(f->out, "<<SHM_HUGE_SHIFT");
	}
	if (flags || huge)
		out__putc(f->out, '|');
	fmt_mode(f, v & 0777);
}

/*
 * semget's and msgget's flags: IPC_* bits, '|', the permissions. strace
 * prints unknown bits in hex with no '|' before the permissions.
 */
static void ipc_flags_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	uint32_t v = (uint32_t)c->args[argi];

	if (!strcmp(c->ent->name, "shmget")) {
		shm_flags(f, v);
		return;
	}
	if (fmt_flags_bare(f, &xlat_ipc_flags, v & ~0777u))
		out__putc(f->out, '|');
	fmt_mode(f, v & 0777);
}

const struct sr_decoder sr_dec_ipc_flags = {
	.name = "ipc_flags",
	.at_exit = false,
	.print = ipc_flags_print,
};

static const struct sr_xlat *ipc_cmd_table(const struct sr_call *c)
{
	if (!strcmp(c->ent->name, "shmctl"))
		return &xlat_shmctl_cmds;
	if (!strcmp(c->ent->name, "semctl"))
		return &xlat_semctl_cmds;
	return &xlat_msgctl_cmds;
}

/* shmctl, semctl, msgctl commands: "IPC_64|IPC_STAT" for the old layout flag. */
static void ipc_cmd_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	uint64_t v = c->args[argi];

	if (v & IPC_64) {
		out__puts(f->out, "IPC_64|");
		v &= ~(uint64_t)IPC_64;
	}
	fmt_enum(f, ipc_cmd_table(c), v);
}

const struct sr_decoder sr_dec_ipc_cmd = {
	.name = "ipc_cmd",
	.at_exit = false,
	.print = ipc_cmd_print,
};

/* Which *ctl is this, for the commands and structs it knows. */
enum ipc_kind { IPC_K_SHM, IPC_K_MSG, IPC_K_SEM };

static enum ipc_kind ipc_kind_of(const struct sr_call *c)
{
	if (!strcmp(c->ent->name, "shmctl"))
		return IPC_K_SHM;
	if (!strcmp(c->ent->name, "semctl"))
		return IPC_K_SEM;
	return IPC_K_MSG;
}

/* Largest struct a *ctl buffer holds (msqid64_ds). */
#define SR_IPC_BUF_MAX 120
_Static_assert(sizeof(struct msqid64_ds) <= SR_IPC_BUF_MAX, "msqid64_ds");
_Static_assert(sizeof(struct shmid64_ds) <= SR_IPC_BUF_MAX, "shmid64_ds");
_Static_assert(sizeof(struct semid64_ds) <= SR_IPC_BUF_MAX, "semid64_ds");
_Static_assert(sizeof(struct shminfo64) <= SR_IPC_BUF_MAX, "shminfo64");

/*
 * The buffer's meaning depends on the command: IPC_SET reads it (entry),
 * *_STAT and *_INFO fill it (exit); capture both ways and let the printer
 * pick. semctl's argument may be a plain value: that read just faults.
 */
static void ipc_buf_plan(const struct sr_sysent *ent, int argi, const struct sr_opts *o,
			 struct sr_plan_arg *pa)
{
	(void)ent;
	(void)argi;
	(void)o;
	pa->when = SR_CAP_ENTER | SR_CAP_EXIT;
	pa->how = SR_HOW_BUF;
	pa->len_src = SR_LEN_FIXED;
	pa->elem = SR_IPC_BUF_MAX;
	pa->cap = SR_IPC_BUF_MAX;
}

/* "shm_perm={uid=0, gid=0, mode=0600, key=0, cuid=0, cgid=0}"; IPC_SET sets three. */
static void ipc_perm(struct sr_fmt *f, const char *name, const struct ipc64_perm *p, bool set)
{
	out__puts(f->out, name);
	field_id(f, "={uid=", p->uid);
	field_id(f, ", gid=", p->gid);
	out__puts(f->out, ", mode=");
	fmt_mode(f, p->mode);
	if (!set) {
		field_u(f, ", key=", (uint32_t)p->key);
		field_id(f, ", cuid=", p->cuid);
		field_id(f, ", cgid=", p->cgid);
	}
	out__putc(f->out, '}');
}

static void shmid_ds(struct sr_fmt *f, const void *data, bool set)
{
	struct shmid64_ds d;

	memcpy(&d, data, sizeof(d));
	ipc_perm(f, "{shm_perm", &d.shm_perm, set);
	if (!set) {
		field_u(f, ", shm_segsz=", d.shm_segsz);
		field_d(f, ", shm_cpid=", d.shm_cpid);
		field_d(f, ", shm_lpid=", d.shm_lpid);
		field_u(f, ", shm_nattch=", d.shm_nattch);
		field_u(f, ", shm_atime=", d.shm_atime);
		field_u(f, ", shm_dtime=", d.shm_dtime);
		field_u(f, ", shm_ctime=", d.shm_ctime);
	}
	out__putc(f->out, '}');
}

static void msqid_ds(struct sr_fmt *f, const void *data, bool set)
{
	struct msqid64_ds d;

	memcpy(&d, data, sizeof(d));
	ipc_perm(f, "{msg_perm", &d.msg_perm, set);
	if (!set) {
		field_u(f, ", msg_stime=", d.msg_stime);
		field_u(f, ", msg_rtime=", d.msg_rtime);
		field_u(f, ", msg_ctime=", d.msg_ctime);
		field_u(f, ", msg_qnum=", d.msg_qnum);
	}
	field_u(f, ", msg_qbytes=", d.msg_qbytes);
	if (!set) {
		field_d(f, ", msg_lspid=", d.msg_lspid);
		field_d(f, ", msg_lrpid=", d.msg_lrpid);
	}
	out__putc(f->out, '}');
}

static void semid_ds(struct sr_fmt *f, const void *data, bool set)
{
	struct semid64_ds d;

	memcpy(&d, data, sizeof(d));
	ipc_perm(f, "{sem_perm", &d.sem_perm, set);
	if (!set) {
		field_u(f, ", sem_otime=", d.sem_otime);
		field_u(f, ", sem_ctime=", d.sem_ctime);
		field_u(f, ", sem_nsems=", d.sem_nsems);
	}
	out__putc(f->out, '}');
}

static void shm_info(struct sr_fmt *f, const void *data, unsigned int cmd)
{
	struct shminfo64 i;
	struct shm_info u;

	if (cmd == IPC_INFO) {
		memcpy(&i, data, sizeof(i));
		field_u(f, "{shmmax=", i.shmmax);
		field_u(f, ", shmmin=", i.shmmin);
		field_u(f, ", shmmni=", i.shmmni);
		field_u(f, ", shmseg=", i.shmseg);
		field_u(f, ", shmall=", i.shmall);
	} else {
		memcpy(&u, data, sizeof(u));
		field_d(f, "{used_ids=", u.used_ids);
		field_u(f, ", shm_tot=", u.shm_tot);
		field_u(f, ", shm_rss=", u.shm_rss);
		field_u(f, ", shm_swp=", u.shm_swp);
		field_u(f, ", swap_attempts=", u.swap_attempts);
		field_u(f, ", swap_successes=", u.swap_successes);
	}
	out__putc(f->out, '}');
}

static void msg_info(struct sr_fmt *f, const void *data)
{
	struct msginfo i;

	memcpy(&i, data, sizeof(i));
	field_d(f, "{msgpool=", i.msgpool);
	field_d(f, ", msgmap=", i.msgmap);
	field_d(f, ", msgmax=", i.msgmax);
	field_d(f, ", msgmnb=", i.msgmnb);
	field_d(f, ", msgmni=", i.msgmni);
	field_d(f, ", msgssz=", i.msgssz);
	field_d(f, ", msgtql=", i.msgtql);
	field_u(f, ", msgseg=", i.msgseg);
	out__putc(f->out, '}');
}

static void sem_info(struct sr_fmt *f, const void *data)
{
	static const char *const names[] = { "{semmap=",  ", semmni=", ", semmns=", ", semmnu=",
					     ", semmsl=", ", semopm=", ", semume=", ", semusz=",
					     ", semvmx=", ", semaem=" };
	int32_t v[10];
	size_t i;

	_Static_assert(sizeof(struct seminfo) == sizeof(v), "seminfo");
	memcpy(v, data, sizeof(v));
	for (i = 0; i < 10; i++)
		field_d(f, names[i], v[i]);
	out__putc(f->out, '}');
}

/* What the buffer holds for @cmd: 1 an id's ds, 2 an info struct, 0 nothing. */
static int ipc_buf_what(enum ipc_kind k, unsigned int cmd)
{
	if (cmd == IPC_STAT || cmd == IPC_SET)
		return 1;
	if (cmd == IPC_INFO)
		return 2;
	switch (k) {
	case IPC_K_SHM:
		return cmd == SHM_STAT || cmd == SHM_STAT_ANY ? 1 : cmd == SHM_INFO ? 2 : 0;
	case IPC_K_MSG:
		return cmd == MSG_STAT || cmd == MSG_STAT_ANY ? 1 : cmd == MSG_INFO ? 2 : 0;
	default:
		return cmd == SEM_STAT || cmd == SEM_STAT_ANY ? 1 : cmd == SEM_INFO ? 2 : 0;
	}
}

static void ipc_buf_struct(struct sr_fmt *f, enum ipc_kind k, unsigned int cmd, const void *d)
{
	bool set = cmd == IPC_SET;

	if (ipc_buf_what(k, cmd) == 1) {
		if (k == IPC_K_SHM)
			shmid_ds(f, d, set);
		else if (k == IPC_K_MSG)
			msqid_ds(f, d, set);
		else
			semid_ds(f, d, set);
	} else if (k == IPC_K_SHM) {
		shm_info(f, d, cmd);
	} else if (k == IPC_K_MSG) {
		msg_info(f, d);
	} else {
		sem_info(f, d);
	}
}

/* The struct a *ctl command reads (IPC_SET) or fills (only if it succeeded). */
static void ipc_buf_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	enum ipc_kind k = ipc_kind_of(c);
	unsigned int cmd = (uint32_t)c->args[argi - 1] & ~(unsigned int)IPC_64;
	bool failed = !c->has_exit || c->ret < 0;
	const struct sr_blob *b = cmd == IPC_SET ? c->in[argi] : c->out[argi];

	if (!ipc_buf_what(k, cmd) || (cmd != IPC_SET && failed) || !b ||
	    (b->flags & (SR_BF_FAULT | SR_BF_NULL)) || b->len < SR_IPC_BUF_MAX) {
		fmt_ptr(f, c->args[argi]);
		return;
	}
	ipc_buf_struct(f, k, cmd, blob_data(b));
}

const struct sr_decoder sr_dec_ipc_buf = {
	.name = "ipc_buf",
	.at_exit = true,
	.plan = ipc_buf_plan,
	.print = ipc_buf_print,
};

static void sembuf_print(struct sr_fmt *f, const struct sr_call *c, int argi, const void *data,
			 size_t len)
{
	uint16_t sb[3];

	(void)c;
	(void)argi;
	(void)len;
	memcpy(sb, data, sizeof(sb));
	out__puts(f->out, "{sem_num=");
	out__udec(f->out, sb[0]);
	out__puts(f->out, ", sem_op=");
	out__dec(f->out, (int16_t)sb[1]);
	out__puts(f->out, ", sem_flg=");
	fmt_flags(f, &xlat_semop_flags, sb[2]);
	out__putc(f->out, '}');
}

const struct sr_kind sr_kind_sembuf = {
	.name = "sembuf",
	.size = 6,
	.max = 0,
	.print = sembuf_print,
};

/*
 * msgsnd/msgrcv: struct msgbuf { long mtype; char mtext[]; }. strace shows
 * args[2] bytes of mtext (msgrcv too: the buffer's size, not what was
 * received), cut at -s. The plan cannot ask for "8 + args[2]" bytes, and
 * SR_LEN_ARG would miss the last 8, so it asks for a fixed 8 + -s bytes,
 * all that is ever shown, and the printer takes args[2] of them. The cost:
 * a buffer that ends within -s bytes of an unmapped page faults, and then
 * shows as its address.
 */
#define SR_MSG_MTYPE 8 /* sizeof(long) */

static void msgbuf_plan_len(const struct sr_opts *o, struct sr_plan_arg *pa)
{
	long cap = SR_MSG_MTYPE + (o->strsize > 0 ? o->strsize : 0);

	pa->how = SR_HOW_BUF;
	pa->len_src = SR_LEN_FIXED;
	pa->elem = cap > SR_BLOB_MAX ? SR_BLOB_MAX : cap;
	pa->cap = pa->elem;
}

static void msgbuf_fmt(struct sr_fmt *f, const struct sr_blob *b, uint64_t addr, uint64_t count)
{
	const uint8_t *d;
	int64_t mtype;
	size_t n;

	if (!addr || !b || (b->flags & (SR_BF_FAULT | SR_BF_NULL)) || b->len < SR_MSG_MTYPE) {
		fmt_ptr(f, addr);
		return;
	}
	d = blob_data(b);
	memcpy(&mtype, d, sizeof(mtype));
	n = b->len - SR_MSG_MTYPE;
	if (count < n)
		n = count;
	out__puts(f->out, "{mtype=");
	out__dec(f->out, mtype);
	out__puts(f->out, ", mtext=");
	out__quoted(f->out, d + SR_MSG_MTYPE, n, fmt_strsize(f), count > n ? SR_Q_ELLIPSIS : 0);
	out__putc(f->out, '}');
}

/* msgsnd reads the message at entry. */
static void msgbuf_in_plan(const struct sr_sysent *ent, int argi, const struct sr_opts *o,
			   struct sr_plan_arg *pa)
{
	(void)ent;
	(void)argi;
	msgbuf_plan_len(o, pa);
	pa->when = SR_CAP_ENTER | SR_CAP_RETRY;
}

static void msgbuf_in_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	msgbuf_fmt(f, c->in[argi], c->args[argi], c->args[argi + 1]);
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
	(void)ent;
	(void)argi;
	msgbuf_plan_len(o, pa);
	pa->when = SR_CAP_EXIT;
}

static void msgbuf_out_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	if (!c->has_exit || c->ret < 0) {
		fmt_ptr(f, c->args[argi]);
		return;
	}
	msgbuf_fmt(f, c->out[argi], c->args[argi], c->args[argi + 1]);
}

const struct sr_decoder sr_dec_msgbuf_out = {
	.name = "msgbuf_out",
	.at_exit = true,
	.plan = msgbuf_out_plan,
	.print = msgbuf_out_print,
};

/*
 * mq_open: strace shows the mode and the attributes only with O_CREAT
 * (not O_TMPFILE, as open's mode: a queue is never a temporary file).
 */
struct sr_mq_attr {
	int64_t flags;
	int64_t maxmsg;
	int64_t msgsize;
	int64_t curmsgs;
	int64_t reserved[4];
};

static bool mq_creat(const struct sr_call *c, int argi)
{
	(void)argi;
	return c->args[1] & O_CREAT;
}

static void mq_mode_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	fmt_mode(f, (uint16_t)c->args[argi]);
}

const struct sr_decoder sr_dec_mq_mode = {
	.name = "mq_mode",
	.at_exit = false,
	.present = mq_creat,
	.print = mq_mode_print,
};

static void mq_attr_plan(const struct sr_sysent *ent, int argi, const struct sr_opts *o,
			 struct sr_plan_arg *pa)
{
	(void)ent;
	(void)argi;
	(void)o;
	pa->when = SR_CAP_ENTER | SR_CAP_RETRY;
	pa->how = SR_HOW_BUF;
	pa->len_src = SR_LEN_FIXED;
	pa->elem = sizeof(struct sr_mq_attr);
	pa->cap = sizeof(struct sr_mq_attr);
}

/* mq_open ignores mq_flags and strace prints them raw; mq_getsetattr decodes. */
static void mq_attr_fields(struct sr_fmt *f, const void *data, bool decode_flags)
{
	struct sr_mq_attr a;

	memcpy(&a, data, sizeof(a));
	out__puts(f->out, "{mq_flags=");
	if (decode_flags)
		fmt_flags(f, &xlat_mq_attr_flags, (uint64_t)a.flags);
	else
		out__hex(f->out, (uint64_t)a.flags);
	field_d(f, ", mq_maxmsg=", a.maxmsg);
	field_d(f, ", mq_msgsize=", a.msgsize);
	field_d(f, ", mq_curmsgs=", a.curmsgs);
	out__putc(f->out, '}');
}

static void mq_attr_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	const struct sr_blob *b = c->in[argi];

	if (!c->args[argi] || !b || (b->flags & (SR_BF_FAULT | SR_BF_NULL)) ||
	    b->len < sizeof(struct sr_mq_attr)) {
		fmt_ptr(f, c->args[argi]);
		return;
	}
	mq_attr_fields(f, blob_data(b), false);
}

const struct sr_decoder sr_dec_mq_attr = {
	.name = "mq_attr",
	.at_exit = false,
	.plan = mq_attr_plan,
	.present = mq_creat,
	.print = mq_attr_print,
};

/* mq_getsetattr's new and old attributes. */
static void mqattr_print(struct sr_fmt *f, const struct sr_call *c, int argi, const void *data,
			 size_t len)
{
	(void)c;
	(void)argi;
	(void)len;
	mq_attr_fields(f, data, true);
}

const struct sr_kind sr_kind_mqattr = {
	.name = "mqattr",
	.size = sizeof(struct sr_mq_attr),
	.print = mqattr_print,
};

/*
 * SCX(membarrier, ...): the command, its flags, and the CPU only when
 * MEMBARRIER_CMD_FLAG_CPU asks for one. MEMBARRIER_CMD_QUERY returns the
 * commands supported, which strace shows in hex with their names.
 */
static bool membarrier_is_query(const struct sr_call *c)
{
	return (int32_t)c->args[0] == MEMBARRIER_CMD_QUERY;
}

static void membarrier_enter(struct sr_fmt *f, const struct sr_call *c)
{
	uint32_t flags = (uint32_t)c->args[1];

	fmt_enum(f, &xlat_membarrier_cmd, (uint32_t)c->args[0]); /* cmd */
	out__puts(f->out, ", ");
	fmt_flags(f, &xlat_membarrier_flags, flags); /* flags */
	if (flags & MEMBARRIER_CMD_FLAG_CPU) {
		out__puts(f->out, ", ");
		out__dec(f->out, (int32_t)c->args[2]); /* cpu_id */
	}
}

static void membarrier_ret(struct sr_fmt *f, const struct sr_call *c)
{
	if (membarrier_is_query(c) && c->ret)
		out__hex(f->out, (uint64_t)c->ret);
	else
		out__dec(f->out, c->ret);
}

static void membarrier_ret_suffix(struct sr_fmt *f, const struct sr_call *c)
{
	if (!membarrier_is_query(c) || c->ret <= 0)
		return;
	out__puts(f->out, " (");
	fmt_flags_bare(f, &xlat_membarrier_cmd, (uint64_t)c->ret);
	out__putc(f->out, ')');
}

const struct sr_scdec sr_scdec_membarrier = {
	.name = "membarrier",
	.enter = membarrier_enter,
	.ret = membarrier_ret,
	.ret_suffix = membarrier_ret_suffix,
};

/*
 * NUMA memory policies: mbind, set_mempolicy, get_mempolicy, migrate_pages,
 * as strace's numa.c prints them. A nodemask is an array of longs, maxnode
 * bits long (less one, as the kernel reads it), each shown as "%#016lx".
 */
#define SR_NODEMASK_WORD 8 /* sizeof(unsigned long) */

/*
 * The nodemask is captured as maxnode bytes (eight times what it holds: a
 * plan has no "bits" length), up to the words -s shows and one more.
 */
static void nodemask_plan(const struct sr_opts *o, int argi, int maxnode, bool at_exit,
			  struct sr_plan *p)
{
	long cap = o->verbose ? SR_BLOB_MAX : SR_NODEMASK_WORD * ((long)o->strsize + 1);

	memset(&p->a[argi], 0, sizeof(p->a[argi]));
	p->a[argi].when = at_exit ? SR_CAP_EXIT : SR_CAP_ENTER | SR_CAP_RETRY;
	p->a[argi].how = SR_HOW_BUF;
	p->a[argi].len_src = SR_LEN_ARG;
	p->a[argi].len_arg = maxnode;
	p->a[argi].elem = 1;
	p->a[argi].cap = cap > SR_BLOB_MAX ? SR_BLOB_MAX : cap;
}

static void nodemask_print(struct sr_fmt *f, const struct sr_call *c, int argi, uint64_t maxnode,
			   bool at_exit)
{
	uint64_t addr = c->args[argi], nmemb = (maxnode + 64 - 2) / 64, i;
	const struct sr_blob *b = at_exit ? c->out[argi] : call__blob(c, argi, false);
	const uint8_t *p;
	size_t have;

	/* strace: no whole word, or a count that wrapped */
	if (nmemb < maxnode / 64 || (maxnode && !nmemb) || !addr) {
		fmt_ptr(f, addr);
		return;
	}
	if (!nmemb) {
		out__puts(f->out, "[]");
		return;
	}
	p = blob_get(b, SR_NODEMASK_WORD);
	if ((at_exit && (!c->has_exit || c->ret < 0)) || !p) {
		out__hex(f->out, addr);
		return;
	}
	have = b->len / SR_NODEMASK_WORD;
	out__putc(f->out, '[');
	for (i = 0; i < nmemb; i++) {
		if (!fmt_array_next(f, i))
			break;
		if (i >= have) {
			out__puts(f->out, "...");
			break;
		}
		out__printf(f->out, "%#016llx", (unsigned long long)get64(p, i * SR_NODEMASK_WORD));
	}
	out__putc(f->out, ']');
}

/* The mode and its flags: "MPOL_BIND|MPOL_F_STATIC_NODES". */
static void mpol_mode_print(struct sr_fmt *f, uint64_t v)
{
	const uint64_t fmask = MPOL_F_STATIC_NODES | MPOL_F_RELATIVE_NODES | MPOL_F_NUMA_BALANCING;
	const char *mode = xlat__name(&xlat_mpol_mode, v & ~fmask);

	if (!(v & fmask)) {
		fmt_enum(f, &xlat_mpol_mode, v);
	} else if (!mode) {
		fmt_flags(f, &xlat_mpol_mode_flags, v);
	} else {
		out__puts(f->out, mode);
		out__putc(f->out, '|');
		fmt_flags_bare(f, &xlat_mpol_mode_flags, v & fmask);
	}
}

/* mbind(addr, len, mode, nodemask, maxnode, flags) */
static void mbind_enter(struct sr_fmt *f, const struct sr_call *c)
{
	fmt_ptr(f, c->args[0]); /* addr */
	out__puts(f->out, ", ");
	out__udec(f->out, c->args[1]); /* len */
	out__puts(f->out, ", ");
	mpol_mode_print(f, c->args[2]); /* mode */
	out__puts(f->out, ", ");
	nodemask_print(f, c, 3, c->args[4], false); /* nodemask */
	out__puts(f->out, ", ");
	out__udec(f->out, c->args[4]); /* maxnode */
	out__puts(f->out, ", ");
	fmt_flags(f, &xlat_mbind_flags, c->args[5]); /* flags */
}

static void mbind_plan(const struct sr_sysent *ent, const struct sr_opts *o, struct sr_plan *p)
{
	nodemask_plan(o, 3, 4, false, p);
}

const struct sr_scdec sr_scdec_mbind = {
	.name = "mbind",
	.enter = mbind_enter,
	.plan = mbind_plan,
};

/* set_mempolicy(mode, nodemask, maxnode) */
static void set_mempolicy_enter(struct sr_fmt *f, const struct sr_call *c)
{
	mpol_mode_print(f, (uint32_t)c->args[0]); /* mode */
	out__puts(f->out, ", ");
	nodemask_print(f, c, 1, c->args[2], false); /* nodemask */
	out__puts(f->out, ", ");
	out__udec(f->out, c->args[2]); /* maxnode */
}

static void set_mempolicy_plan(const struct sr_sysent *ent, const struct sr_opts *o,
			       struct sr_plan *p)
{
	nodemask_plan(o, 1, 2, false, p);
}

const struct sr_scdec sr_scdec_set_mempolicy = {
	.name = "set_mempolicy",
	.enter = set_mempolicy_enter,
	.plan = set_mempolicy_plan,
};

/* get_mempolicy(mode, nodemask, maxnode, addr, flags): all shown at exit. */
static void get_mempolicy_enter(struct sr_fmt *f, const struct sr_call *c)
{
}

static void get_mempolicy_exit(struct sr_fmt *f, const struct sr_call *c)
{
	const uint8_t *mode = c->has_exit && c->ret >= 0 ? blob_get(c->out[0], 4) : NULL;

	if (mode) {
		out__putc(f->out, '[');
		fmt_enum(f, &xlat_mpol_mode, get32(mode, 0));
		out__putc(f->out, ']');
	} else {
		fmt_ptr(f, c->args[0]);
	}
	out__puts(f->out, ", ");
	nodemask_print(f, c, 1, c->args[2], true); /* nodemask */
	out__puts(f->out, ", ");
	out__udec(f->out, c->args[2]); /* maxnode */
	out__puts(f->out, ", ");
	fmt_ptr(f, c->args[3]); /* addr */
	out__puts(f->out, ", ");
	fmt_flags(f, &xlat_get_mempolicy_flags, c->args[4]); /* flags */
}

static void get_mempolicy_plan(const struct sr_sysent *ent, const struct sr_opts *o,
			       struct sr_plan *p)
{
	memset(&p->a[0], 0, sizeof(p->a[0]));
	p->a[0].when = SR_CAP_EXIT;
	p->a[0].how = SR_HOW_BUF;
	p->a[0].len_src = SR_LEN_FIXED;
	p->a[0].elem = 4; /* int *mode */
	p->a[0].cap = 4;
	nodemask_plan(o, 1, 2, true, p);
}

const struct sr_scdec sr_scdec_get_mempolicy = {
	.name = "get_mempolicy",
	.enter = get_mempolicy_enter,
	.exit = get_mempolicy_exit,
	.plan = get_mempolicy_plan,
};

/* migrate_pages(pid, maxnode, old_nodes, new_nodes) */
static void migrate_pages_enter(struct sr_fmt *f, const struct sr_call *c)
{
	out__dec(f->out, (int32_t)c->args[0]); /* pid */
	out__puts(f->out, ", ");
	out__udec(f->out, c->args[1]); /* maxnode */
	out__puts(f->out, ", ");
	nodemask_print(f, c, 2, c->args[1], false); /* old_nodes */
	out__puts(f->out, ", ");
	nodemask_print(f, c, 3, c->args[1], false); /* new_nodes */
}

static void migrate_pages_plan(const struct sr_sysent *ent, const struct sr_opts *o,
			       struct sr_plan *p)
{
	nodemask_plan(o, 2, 1, false, p);
	nodemask_plan(o, 3, 1, false, p);
}

const struct sr_scdec sr_scdec_migrate_pages = {
	.name = "migrate_pages",
	.enter = migrate_pages_enter,
	.plan = migrate_pages_plan,
};
