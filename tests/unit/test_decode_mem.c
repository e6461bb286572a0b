// SPDX-License-Identifier: GPL-2.0
/*
 * Memory and System V IPC decoders (user/decode/mmap.c, ipc*.c, mq.c,
 * membarrier.c, numa.c), against lines strace 6.1 prints.
 */
#include <errno.h>
#include <string.h>
#include <linux/membarrier.h>
#include <linux/mempolicy.h>
#include <linux/msg.h>
#include <linux/sem.h>
#include <linux/shm.h>

#include "rec.h"
#include "test.h"

static void mmap_flags(struct t_state *st)
{
	struct t_sink s;
	uint64_t a[6] = { 0, 8192, 3, 0x22, (uint64_t)-1, 0 };

	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "mmap", a, NULL, 0, 0x7fb1b9578000, NULL, 0),
		  "mmap(NULL, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = "
		  "0x7fb1b9578000");
	a[0] = 0x7fb1b93b1000;
	a[1] = 1400832;
	a[2] = 5;
	a[3] = 0x812;
	a[4] = 3;
	a[5] = 0x26000;
	CHECK_STR(st, t_line(&s, "mmap", a, NULL, 0, 0x7fb1b93b1000, NULL, 0),
		  "mmap(0x7fb1b93b1000, 1400832, PROT_READ|PROT_EXEC, "
		  "MAP_PRIVATE|MAP_FIXED|MAP_DENYWRITE, 3, 0x26000) = 0x7fb1b93b1000");
	a[0] = 0;
	a[1] = 4096;
	a[2] = 1;
	a[3] = 0x1 | 0x20 | 0x40000 | (21 << 26);
	a[4] = (uint64_t)-1;
	a[5] = 0;
	CHECK_STR(
		st, t_line(&s, "mmap", a, NULL, 0, -12, NULL, 0),
		"mmap(NULL, 4096, PROT_READ, MAP_SHARED|MAP_ANONYMOUS|MAP_HUGETLB|21<<MAP_HUGE_SHIFT, "
		"-1, 0) = -1 ENOMEM (Cannot allocate memory)");
	a[3] = 0x20;
	CHECK_STR(st, t_line(&s, "mmap", a, NULL, 0, -22, NULL, 0),
		  "mmap(NULL, 4096, PROT_READ, MAP_FILE|MAP_ANONYMOUS, -1, 0) = -1 EINVAL (Invalid "
		  "argument)");
	a[2] = 0;
	a[3] = 0x2f;
	CHECK_STR(st, t_line(&s, "mmap", a, NULL, 0, -22, NULL, 0),
		  "mmap(NULL, 4096, PROT_NONE, 0xf /* MAP_??? */|MAP_ANONYMOUS, -1, 0) = -1 EINVAL "
		  "(Invalid argument)");
	t_sink_close(&s);
}

static void mremap_mlock(struct t_state *st)
{
	struct t_sink s;
	uint64_t a[6] = { 0x7fd46b586000, 12288, 32768, 1, 0 };

	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "mremap", a, NULL, 0, 0x7fd46b57e000, NULL, 0),
		  "mremap(0x7fd46b586000, 12288, 32768, MREMAP_MAYMOVE) = 0x7fd46b57e000");
	a[3] = 3;
	a[4] = 0x7f85ed736000;
	CHECK_STR(
		st, t_line(&s, "mremap", a, NULL, 0, -22, NULL, 0),
		"mremap(0x7fd46b586000, 12288, 32768, MREMAP_MAYMOVE|MREMAP_FIXED, 0x7f85ed736000) "
		"= -1 EINVAL (Invalid argument)");
	a[1] = 4096;
	a[2] = 2;
	CHECK_STR(
		st, t_line(&s, "mlock2", a, NULL, 0, -22, NULL, 0),
		"mlock2(0x7fd46b586000, 4096, 0x2 /* MLOCK_??? */) = -1 EINVAL (Invalid argument)");
	t_sink_close(&s);
}

static void ipc_get(struct t_state *st)
{
	struct t_sink s;
	uint64_t a[6] = { 0, 4096, 01000 | 0600 };

	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "shmget", a, NULL, 0, 1, NULL, 0),
		  "shmget(IPC_PRIVATE, 4096, IPC_CREAT|0600) = 1");
	a[0] = 0x1234;
	a[2] = 01000 | 02000 | 04000 | (21 << 26) | 0640;
	CHECK_STR(
		st, t_line(&s, "shmget", a, NULL, 0, -12, NULL, 0),
		"shmget(0x1234, 4096, IPC_CREAT|IPC_EXCL|SHM_HUGETLB|21<<SHM_HUGE_SHIFT|0640) = -1 "
		"ENOMEM (Cannot allocate memory)");
	a[2] = 0x100000 | 0640;
	CHECK_STR(st, t_line(&s, "shmget", a, NULL, 0, -2, NULL, 0),
		  "shmget(0x1234, 4096, 0x100000|0640) = -1 ENOENT (No such file or directory)");
	a[2] = 0;
	CHECK_STR(st, t_line(&s, "shmget", a, NULL, 0, -2, NULL, 0),
		  "shmget(0x1234, 4096, 000)         = -1 ENOENT (No such file or directory)");
	a[0] = 0x4321;
	a[1] = 1;
	a[2] = 0x10000 | 0600;
	CHECK_STR(st, t_line(&s, "semget", a, NULL, 0, -2, NULL, 0),
		  "semget(0x4321, 1, 0x100000600)    = -1 ENOENT (No such file or directory)");
	a[2] = 01000 | 0x10000 | 0600;
	CHECK_STR(st, t_line(&s, "semget", a, NULL, 0, 3, NULL, 0),
		  "semget(0x4321, 1, IPC_CREAT|0x10000|0600) = 3");
	a[0] = 0x77;
	a[1] = 02000 | 0666;
	CHECK_STR(st, t_line(&s, "msgget", a, NULL, 0, -2, NULL, 0),
		  "msgget(0x77, IPC_EXCL|0666)       = -1 ENOENT (No such file or directory)");
	/* -X raw and verbose: the flags and the permissions are two parts (strace's ipc_*-X*) */
	uint64_t m[6] = { 0xfdb9f531, 0xface1c55 }, p[6] = { 0, 01000 | 0700 };
	s.opts.xlat_style = SR_XLAT_RAW;
	t_sink_reinit(&s);
	CHECK_STR(st, t_line(&s, "msgget", m, NULL, 0, -2, NULL, 0),
		  "msgget(0xfdb9f531, 0xface1c00|0125) = -1 ENOENT (No such file or directory)");
	CHECK_STR(st, t_line(&s, "msgget", p, NULL, 0, 655361, NULL, 0),
		  "msgget(0, 0x200|0700)             = 655361");
	p[1] = 0600;
	CHECK_STR(st, t_line(&s, "msgget", p, NULL, 0, 655361, NULL, 0),
		  "msgget(0, 0600)                   = 655361");
	s.opts.xlat_style = SR_XLAT_VERBOSE;
	t_sink_reinit(&s);
	CHECK_STR(st, t_line(&s, "msgget", m, NULL, 0, -2, NULL, 0),
		  "msgget(0xfdb9f531, 0xface1c00 /* IPC_EXCL|IPC_NOWAIT|0xface1000 */|0125) = -1 "
		  "ENOENT (No such file or directory)");
	CHECK_STR(st, t_line(&s, "msgget", p, NULL, 0, 655361, NULL, 0),
		  "msgget(0 /* IPC_PRIVATE */, 0600) = 655361");
	t_sink_close(&s);
}

static void ipc_ctl(struct t_state *st)
{
	struct t_sink s;
	uint64_t a[6] = { 1, 0x102, 0x7ffc8ca15e50 };

	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "shmctl", a, NULL, 0, -22, NULL, 0),
		  "shmctl(1, IPC_64|IPC_STAT, 0x7ffc8ca15e50) = -1 EINVAL (Invalid argument)");
	a[1] = 99;
	CHECK_STR(st, t_line(&s, "shmctl", a, NULL, 0, -22, NULL, 0),
		  "shmctl(1, 0x63 /* SHM_??? */, 0x7ffc8ca15e50) = -1 EINVAL (Invalid argument)");
	a[1] = 0;
	a[2] = 0;
	CHECK_STR(st, t_line(&s, "msgctl", a, NULL, 0, 0, NULL, 0),
		  "msgctl(1, IPC_RMID, NULL)         = 0");
	a[0] = 2;
	a[1] = 0;
	a[2] = 12;
	a[3] = 0;
	CHECK_STR(st, t_line(&s, "semctl", a, NULL, 0, 1, NULL, 0),
		  "semctl(2, 0, GETVAL, NULL)        = 1");
	t_sink_close(&s);
}

static void sembufs(struct t_state *st)
{
	struct t_sink s;
	uint16_t sb[9] = { 0, 1, 0, 0, (uint16_t)-1, 0x1800, 1, 0, 0x4000 };
	uint64_t a[6] = { 2, 0x1000, 3, 0 };
	struct t_blobspec in = { 1, sb, sizeof(sb), 0, 0 };

	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "semtimedop", a, &in, 1, 0, NULL, 0),
		  "semtimedop(2, [{sem_num=0, sem_op=1, sem_flg=0}, {sem_num=0, sem_op=-1, "
		  "sem_flg=SEM_UNDO|IPC_NOWAIT}, {sem_num=1, sem_op=0, sem_flg=0x4000 /* SEM_??? "
		  "*/}], 3, NULL) = 0");
	t_sink_close(&s);
}

static void ipc_bufs(struct t_state *st)
{
	struct t_sink s;
	uint8_t buf[120];
	struct shmid64_ds ds;
	uint64_t a[6] = { 4, IPC_STAT, 0x7ffc8ca15e50 };
	struct t_blobspec b = { 2, buf, sizeof(buf), 0, 0 };

	memset(&ds, 0, sizeof(ds));
	ds.shm_perm.mode = 0640;
	ds.shm_segsz = 8192;
	ds.shm_cpid = 20670;
	ds.shm_ctime = 1795847193;
	memset(buf, 0, sizeof(buf));
	memcpy(buf, &ds, sizeof(ds));
	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "shmctl", a, NULL, 0, 0, &b, 1),
		  "shmctl(4, IPC_STAT, {shm_perm={uid=0, gid=0, mode=0640, key=0, cuid=0, cgid=0}, "
		  "shm_segsz=8192, shm_cpid=20670, shm_lpid=0, shm_nattch=0, shm_atime=0, "
		  "shm_dtime=0, shm_ctime=1795847193}) = 0");
	a[1] = IPC_SET;
	ds.shm_perm.mode = 0600;
	memcpy(buf, &ds, sizeof(ds));
	CHECK_STR(st, t_line(&s, "shmctl", a, &b, 1, 0, NULL, 0),
		  "shmctl(4, IPC_SET, {shm_perm={uid=0, gid=0, mode=0600}}) = 0");
	a[0] = 6;
	a[1] = 0;
	a[2] = IPC_STAT;
	a[3] = 0x7fffc92da840;
	CHECK_STR(st, t_line(&s, "semctl", a, NULL, 0, -22, NULL, 0),
		  "semctl(6, 0, IPC_STAT, 0x7fffc92da840) = -1 EINVAL (Invalid argument)");
	a[2] = 16; /* SETVAL: the argument is a value */
	a[3] = 5;
	CHECK_STR(st, t_line(&s, "semctl", a, NULL, 0, 0, NULL, 0),
		  "semctl(6, 0, SETVAL, 0x5)         = 0");
	t_sink_close(&s);
}

static void mincore_vec(struct t_state *st)
{
	struct t_sink s;
	uint8_t v[40];
	uint64_t a[6] = { 0x7fd46b587000, 8192, 0x7ffd0000 };
	struct t_blobspec b = { 2, v, 2, 0, 0 };

	memset(v, 1, sizeof(v));
	v[1] = 0x81;
	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "mincore", a, NULL, 0, 0, &b, 1),
		  "mincore(0x7fd46b587000, 8192, [1, 1]) = 0");
	a[1] = 4096 * 40;
	b.len = 33;
	CHECK_STR(
		st, t_line(&s, "mincore", a, NULL, 0, 0, &b, 1),
		"mincore(0x7fd46b587000, 163840, [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, "
		"1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, ...]) = 0");
	t_sink_close(&s);
}

/* membarrier: cpu_id only with MEMBARRIER_CMD_FLAG_CPU; QUERY's result as flags. */
static void membarriers(struct t_state *st)
{
	struct t_sink s;
	uint64_t a[6] = { MEMBARRIER_CMD_QUERY, 0, 0 };

	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "membarrier", a, NULL, 0, 0x1ff, NULL, 0),
		  "membarrier(MEMBARRIER_CMD_QUERY, 0) = 0x1ff (MEMBARRIER_CMD_GLOBAL|"
		  "MEMBARRIER_CMD_GLOBAL_EXPEDITED|MEMBARRIER_CMD_REGISTER_GLOBAL_EXPEDITED|"
		  "MEMBARRIER_CMD_PRIVATE_EXPEDITED|MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED|"
		  "MEMBARRIER_CMD_PRIVATE_EXPEDITED_SYNC_CORE|"
		  "MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_SYNC_CORE|"
		  "MEMBARRIER_CMD_PRIVATE_EXPEDITED_RSEQ|"
		  "MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_RSEQ)");
	CHECK_STR(st, t_line(&s, "membarrier", a, NULL, 0, 0x1001, NULL, 0),
		  "membarrier(MEMBARRIER_CMD_QUERY, 0) = 0x1001 (MEMBARRIER_CMD_GLOBAL|0x1000)");
	CHECK_STR(st, t_line(&s, "membarrier", a, NULL, 0, 0x1000, NULL, 0),
		  "membarrier(MEMBARRIER_CMD_QUERY, 0) = 0x1000 (0x1000)");
	CHECK_STR(st, t_line(&s, "membarrier", a, NULL, 0, 0, NULL, 0),
		  "membarrier(MEMBARRIER_CMD_QUERY, 0) = 0");
	a[1] = 2;
	CHECK_STR(st, t_line(&s, "membarrier", a, NULL, 0, -EINVAL, NULL, 0),
		  "membarrier(MEMBARRIER_CMD_QUERY, 0x2 /* MEMBARRIER_CMD_FLAG_??? */) = -1 EINVAL "
		  "(Invalid argument)");
	a[0] = MEMBARRIER_CMD_PRIVATE_EXPEDITED_RSEQ;
	a[1] = MEMBARRIER_CMD_FLAG_CPU;
	a[2] = (uint32_t)-1;
	CHECK_STR(
		st, t_line(&s, "membarrier", a, NULL, 0, 0, NULL, 0),
		"membarrier(MEMBARRIER_CMD_PRIVATE_EXPEDITED_RSEQ, MEMBARRIER_CMD_FLAG_CPU, -1) = 0");
	a[0] = MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED;
	a[1] = 0;
	CHECK_STR(st, t_line(&s, "membarrier", a, NULL, 0, 0, NULL, 0),
		  "membarrier(MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED, 0) = 0");
	a[0] = (uint64_t)-1; /* an int, shown as strace shows it */
	CHECK_STR(
		st, t_line(&s, "membarrier", a, NULL, 0, -EINVAL, NULL, 0),
		"membarrier(0xffffffff /* MEMBARRIER_CMD_??? */, 0) = -1 EINVAL (Invalid argument)");
	t_sink_close(&s);
}

/* NUMA policies: modes with their flags, nodemasks as arrays of longs. */
static void mempolicies(struct t_state *st)
{
	struct t_sink s;
	uint64_t mask[3] = { 1, 0, 3 };
	int32_t mode = MPOL_BIND;
	uint64_t a[6] = { MPOL_BIND | MPOL_F_STATIC_NODES, 0x1000, 64 };
	struct t_blobspec in = { 1, mask, sizeof(mask), 0, 0 };
	struct t_blobspec out[2] = { { 0, &mode, 4, 0, 0 }, { 1, mask, 8, 0, 0 } };

	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "set_mempolicy", a, &in, 1, 0, NULL, 0),
		  "set_mempolicy(MPOL_BIND|MPOL_F_STATIC_NODES, [0x00000000000001], 64) = 0");
	a[0] = MPOL_DEFAULT;
	a[1] = 0;
	a[2] = 0;
	CHECK_STR(st, t_line(&s, "set_mempolicy", a, NULL, 0, 0, NULL, 0),
		  "set_mempolicy(MPOL_DEFAULT, NULL, 0) = 0");
	a[0] = 0x40 | MPOL_F_RELATIVE_NODES;
	a[1] = 0x1000;
	a[2] = 1; /* no whole long: strace shows the address */
	CHECK_STR(st, t_line(&s, "set_mempolicy", a, &in, 1, -EINVAL, NULL, 0),
		  "set_mempolicy(MPOL_F_RELATIVE_NODES|0x40, 0x1000, 1) = -1 EINVAL (Invalid "
		  "argument)");
	a[0] = 9;
	a[2] = 130;
	CHECK_STR(st, t_line(&s, "set_mempolicy", a, &in, 1, -EINVAL, NULL, 0),
		  "set_mempolicy(0x9 /* MPOL_??? */, [0x00000000000001, 0000000000000000, "
		  "0x00000000000003], 130) = -1 EINVAL (Invalid argument)");
	s.opts.strsize = 1;
	CHECK_STR(st, t_line(&s, "set_mempolicy", a, &in, 1, -EINVAL, NULL, 0),
		  "set_mempolicy(0x9 /* MPOL_??? */, [0x00000000000001, ...], 130) = -1 EINVAL "
		  "(Invalid argument)");
	s.opts.strsize = 32;
	/* mbind: addr, len, mode, nodemask, maxnode, flags */
	uint64_t mb[6] = { 0x7f0000000000, 4096, MPOL_PREFERRED, 0x1000, 65, MPOL_MF_STRICT | 8 };
	in.arg = 3;
	CHECK_STR(st, t_line(&s, "mbind", mb, &in, 1, 0, NULL, 0),
		  "mbind(0x7f0000000000, 4096, MPOL_PREFERRED, [0x00000000000001], 65, "
		  "MPOL_MF_STRICT|0x8) = 0");
	/* get_mempolicy: everything at exit */
	uint64_t g[6] = { 0x2000, 0x1000, 64, 0, MPOL_F_MEMS_ALLOWED };
	CHECK_STR(st, t_line(&s, "get_mempolicy", g, NULL, 0, 0, out, 2),
		  "get_mempolicy([MPOL_BIND], [0x00000000000001], 64, NULL, MPOL_F_MEMS_ALLOWED) = "
		  "0");
	CHECK_STR(st, t_line(&s, "get_mempolicy", g, NULL, 0, -EFAULT, NULL, 0),
		  "get_mempolicy(0x2000, 0x1000, 64, NULL, MPOL_F_MEMS_ALLOWED) = -1 EFAULT (Bad "
		  "address)");
	g[0] = 0;
	g[1] = 0;
	g[2] = 0;
	g[4] = 0;
	CHECK_STR(st, t_line(&s, "get_mempolicy", g, NULL, 0, 0, NULL, 0),
		  "get_mempolicy(NULL, NULL, 0, NULL, 0) = 0");
	t_sink_close(&s);
}

/* *ctl buffers strace decoded on a real run: limits, a queue's state and its IPC_SET. */
static void ipc_ctl_bufs(struct t_state *st)
{
	struct t_sink s;
	uint8_t buf[120];
	struct shminfo64 shi = { 18446744073692774399ull, 1, 4096, 4096, 18446744073692774399ull };
	struct shm_info shu = { .used_ids = 2, .shm_tot = 3918719254129679ull };
	struct msqid64_ds mq;
	struct msginfo mi = { 512000, 16384, 8192, 16384, 32000, 16, 16384, 65535 };
	uint64_t a[6] = { 0, IPC_INFO, 0x7ffc8ca15e50 };
	struct t_blobspec b = { 2, buf, sizeof(buf), 0, 0 };

	t_sink_open(&s);
	memset(buf, 0, sizeof(buf));
	memcpy(buf, &shi, sizeof(shi));
	CHECK_STR(st, t_line(&s, "shmctl", a, NULL, 0, 59, &b, 1),
		  "shmctl(0, IPC_INFO, {shmmax=18446744073692774399, shmmin=1, shmmni=4096, "
		  "shmseg=4096, shmall=18446744073692774399}) = 59");
	a[1] = SHM_INFO;
	memset(buf, 0, sizeof(buf));
	memcpy(buf, &shu, sizeof(shu));
	CHECK_STR(
		st, t_line(&s, "shmctl", a, NULL, 0, 59, &b, 1),
		"shmctl(0, SHM_INFO, {used_ids=2, shm_tot=3918719254129679, shm_rss=0, shm_swp=0, "
		"swap_attempts=0, swap_successes=0}) = 59");
	a[0] = 59;
	a[1] = 0x100 | 99; /* IPC_64 */
	a[2] = 0;
	CHECK_STR(st, t_line(&s, "shmctl", a, NULL, 0, -EINVAL, NULL, 0),
		  "shmctl(59, IPC_64|0x63 /* SHM_??? */, NULL) = -1 EINVAL (Invalid argument)");
	memset(&mq, 0, sizeof(mq));
	mq.msg_perm.mode = 0600;
	mq.msg_ctime = 1796597831;
	mq.msg_qbytes = 16384;
	memcpy(buf, &mq, sizeof(mq));
	a[0] = 32814;
	a[1] = IPC_STAT;
	a[2] = 0x7ffc8ca15e50;
	CHECK_STR(st, t_line(&s, "msgctl", a, NULL, 0, 0, &b, 1),
		  "msgctl(32814, IPC_STAT, {msg_perm={uid=0, gid=0, mode=0600, key=0, cuid=0, "
		  "cgid=0}, msg_stime=0, msg_rtime=0, msg_ctime=1796597831, msg_qnum=0, "
		  "msg_qbytes=16384, msg_lspid=0, msg_lrpid=0}) = 0");
	mq.msg_qbytes = 8192;
	memcpy(buf, &mq, sizeof(mq));
	a[1] = IPC_SET;
	CHECK_STR(
		st, t_line(&s, "msgctl", a, &b, 1, 0, NULL, 0),
		"msgctl(32814, IPC_SET, {msg_perm={uid=0, gid=0, mode=0600}, msg_qbytes=8192}) = 0");
	memset(buf, 0, sizeof(buf));
	memcpy(buf, &mi, sizeof(mi));
	a[0] = 0;
	a[1] = IPC_INFO;
	CHECK_STR(st, t_line(&s, "msgctl", a, NULL, 0, 46, &b, 1),
		  "msgctl(0, IPC_INFO, {msgpool=512000, msgmap=16384, msgmax=8192, msgmnb=16384, "
		  "msgmni=32000, msgssz=16, msgtql=16384, msgseg=65535}) = 46");
	t_sink_close(&s);
}

static void sem_ctl_bufs(struct t_state *st)
{
	struct t_sink s;
	uint8_t buf[120];
	struct seminfo si = { 1024000000, 32000, 1024000000, 1024000000, 32000,
			      500,	  500,	 20,	     32767,	 32767 };
	struct semid64_ds sd;
	uint64_t a[6] = { 0, 0, IPC_INFO, 0x7ffc8ca15e50 };
	struct t_blobspec b = { 3, buf, sizeof(buf), 0, 0 };

	memset(buf, 0, sizeof(buf));
	memcpy(buf, &si, sizeof(si));
	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "semctl", a, NULL, 0, 60, &b, 1),
		  "semctl(0, 0, IPC_INFO, {semmap=1024000000, semmni=32000, semmns=1024000000, "
		  "semmnu=1024000000, semmsl=32000, semopm=500, semume=500, semusz=20, "
		  "semvmx=32767, semaem=32767}) = 60");
	memset(&sd, 0, sizeof(sd));
	sd.sem_perm.mode = 0600;
	sd.sem_ctime = 1796597831;
	sd.sem_nsems = 2;
	memset(buf, 0, sizeof(buf));
	memcpy(buf, &sd, sizeof(sd));
	a[0] = 60;
	a[2] = IPC_STAT;
	CHECK_STR(st, t_line(&s, "semctl", a, NULL, 0, 0, &b, 1),
		  "semctl(60, 0, IPC_STAT, {sem_perm={uid=0, gid=0, mode=0600, key=0, cuid=0, "
		  "cgid=0}, sem_otime=0, sem_ctime=1796597831, sem_nsems=2}) = 0");
	a[2] = IPC_RMID;
	a[3] = 0;
	CHECK_STR(st, t_line(&s, "semctl", a, NULL, 0, 0, NULL, 0),
		  "semctl(60, 0, IPC_RMID, NULL)     = 0");
	t_sink_close(&s);
}

/* mq_getsetattr decodes mq_flags (mq_open shows them raw). */
static void mq_getsetattrs(struct t_state *st)
{
	struct t_sink s;
	int64_t in[8] = { 04000 /* O_NONBLOCK */ }, out[8] = { 0, 4, 64, 0 };
	uint64_t a[6] = { 12, 0x1000, 0x2000 };
	struct t_blobspec bi = { 1, in, sizeof(in), 0, 0 }, bo = { 2, out, sizeof(out), 0, 0 };

	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "mq_getsetattr", a, &bi, 1, 0, &bo, 1),
		  "mq_getsetattr(12, {mq_flags=O_NONBLOCK, mq_maxmsg=0, mq_msgsize=0, "
		  "mq_curmsgs=0}, {mq_flags=0, mq_maxmsg=4, mq_msgsize=64, mq_curmsgs=0}) = 0");
	t_sink_close(&s);
}

/* Flag bits no name covers after the names; a huge page size after MAP_HUGETLB. */
static void mmap_flags_more(struct t_state *st)
{
	struct t_sink s;
	uint64_t a[6] = { 0, 4096, 1, 0x2 | 0x20 | 0x800000, (uint64_t)-1, 0 };

	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "mmap", a, NULL, 0, 0x7f60ec551000, NULL, 0),
		  "mmap(NULL, 4096, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|0x800000, -1, 0) = "
		  "0x7f60ec551000");
	a[3] = 0x3 | 0x20 | 0x40000 | (30ull << 26);
	CHECK_STR(st, t_line(&s, "mmap", a, NULL, 0, -ENOMEM, NULL, 0),
		  "mmap(NULL, 4096, PROT_READ, MAP_SHARED_VALIDATE|MAP_ANONYMOUS|MAP_HUGETLB|"
		  "30<<MAP_HUGE_SHIFT, -1, 0) = -1 ENOMEM (Cannot allocate memory)");
	t_sink_close(&s);
}

/* migrate_pages, mbind's modes with flags, an unreadable mincore vector. */
static void numa_more(struct t_state *st)
{
	struct t_sink s;
	uint64_t mask[2] = { 1, 0 };
	uint64_t a[6] = { 0, 65, 0x1000, 0x2000 };
	struct t_blobspec in[2] = { { 2, mask, 16, 0, 0 }, { 3, mask, 16, 0, 0 } };
	struct t_blobspec fault = { 2, NULL, 0, SR_BF_FAULT, 0 };

	t_sink_open(&s);
	CHECK_STR(st, t_line(&s, "migrate_pages", a, in, 2, 0, NULL, 0),
		  "migrate_pages(0, 65, [0x00000000000001], [0x00000000000001]) = 0");
	a[1] = a[2] = a[3] = 0;
	CHECK_STR(st, t_line(&s, "migrate_pages", a, NULL, 0, -EINVAL, NULL, 0),
		  "migrate_pages(0, 0, NULL, NULL)   = -1 EINVAL (Invalid argument)");
	uint64_t mb[6] = { 0x7fe619b45000, 8192, 0x9 | MPOL_F_STATIC_NODES, 0x1000, 64, 0 };
	in[0].arg = 3;
	CHECK_STR(
		st, t_line(&s, "mbind", mb, in, 1, -EINVAL, NULL, 0),
		"mbind(0x7fe619b45000, 8192, MPOL_F_STATIC_NODES|0x9, [0x00000000000001], 64, 0) = "
		"-1 EINVAL (Invalid argument)");
	mb[2] = MPOL_PREFERRED | MPOL_F_NUMA_BALANCING;
	mb[3] = mb[4] = 0;
	CHECK_STR(
		st, t_line(&s, "mbind", mb, NULL, 0, -EINVAL, NULL, 0),
		"mbind(0x7fe619b45000, 8192, MPOL_PREFERRED|MPOL_F_NUMA_BALANCING, NULL, 0, 0) = -1 "
		"EINVAL (Invalid argument)");
	uint64_t mc[6] = { 0x7fe619b45000, 8192, 0x8 };
	CHECK_STR(st, t_line(&s, "mincore", mc, NULL, 0, -EFAULT, &fault, 1),
		  "mincore(0x7fe619b45000, 8192, 0x8) = -1 EFAULT (Bad address)");
	t_sink_close(&s);
}

/* move_pages' three arrays, and a nodemask cut at an unreadable page (strace 6.1's move_pages and set_mempolicy tests). */
static void move_pages_arrays(struct t_state *st)
{
	struct t_sink s;
	uint64_t pages[2] = { 0x7fa15a714000, 0x7fa15a713000 };
	int32_t nodes[1] = { -559038751 }, status[2] = { -EFAULT, 0 };
	uint64_t mask[3] = { 0 };
	uint64_t a[6] = { 751, 0, 0x7fa15a523ff8, 0, 0x7fa15a517ffc, 0xfacefeed00000002 };
	struct t_blobspec in[2] = { { 2, pages, 0, 0, 0 }, { 3, nodes, 0, 0, 0 } };
	struct t_blobspec out = { 4, status, 0, 0, 0 };
	uint64_t sm[6] = { MPOL_DEFAULT, 0x7f14e8ad3fe8, 194 };
	struct t_blobspec min = { 1, mask, sizeof(mask), SR_BF_PART, 0 };

	t_sink_open(&s);
	s.opts.strsize = 3;
	CHECK_STR(st, t_line(&s, "move_pages", a, in, 1, 0, &out, 1),
		  "move_pages(751, 0, [], NULL, [], MPOL_MF_MOVE) = 0");
	a[1] = 2;
	in[0].len = sizeof(pages);
	out.len = sizeof(status);
	CHECK_STR(st, t_line(&s, "move_pages", a, in, 1, 0, &out, 1),
		  "move_pages(751, 2, [0x7fa15a714000, 0x7fa15a713000], NULL, [-EFAULT, 0], "
		  "MPOL_MF_MOVE) = 0");
	/* each array ends a mapping after its first element */
	a[3] = 0x7fa15a51dffc;
	a[5] = 0xfacefeed00000004;
	in[0] = (struct t_blobspec){ 2, pages + 1, sizeof(uint64_t), SR_BF_PART, 0 };
	in[1] = (struct t_blobspec){ 3, nodes, sizeof(int32_t), SR_BF_PART, 0 };
	a[2] = 0x7fa15a523ff8;
	CHECK_STR(st, t_line(&s, "move_pages", a, in, 2, -ENODEV, NULL, 0),
		  "move_pages(751, 2, [0x7fa15a713000, ... /* 0x7fa15a524000 */], [-559038751, ... "
		  "/* 0x7fa15a51e000 */], 0x7fa15a517ffc, MPOL_MF_MOVE_ALL) = -1 ENODEV (No such "
		  "device)");
	/* -s 3 words shown, the fourth unreadable: strace says where it stopped */
	CHECK_STR(st, t_line(&s, "set_mempolicy", sm, &min, 1, -EFAULT, NULL, 0),
		  "set_mempolicy(MPOL_DEFAULT, [0000000000000000, 0000000000000000, "
		  "0000000000000000, ... /* 0x7f14e8ad4000 */], 194) = -1 EFAULT (Bad address)");
	/* mbind's flags are an unsigned int: the upper half of the register is not theirs */
	uint64_t mb[6] = { 0x7f19038f9000, 4096, MPOL_DEFAULT, 0, 0, 0xdefaced00000000 };
	CHECK_STR(st, t_line(&s, "mbind", mb, NULL, 0, 0, NULL, 0),
		  "mbind(0x7f19038f9000, 4096, MPOL_DEFAULT, NULL, 0, 0) = 0");
	s.opts.xlat_style = SR_XLAT_VERBOSE;
	t_sink_reinit(&s);
	a[1] = 2;
	a[3] = 0;
	a[5] = 2;
	in[0] = (struct t_blobspec){ 2, pages, sizeof(pages), 0, 0 };
	CHECK_STR(st, t_line(&s, "move_pages", a, in, 1, 0, &out, 1),
		  "move_pages(751, 2, [0x7fa15a714000, 0x7fa15a713000], NULL, [-14 /* -EFAULT */, "
		  "0], 0x2 /* MPOL_MF_MOVE */) = 0");
	t_sink_close(&s);
}

T_SUITE(decode_mem_tests) = {
	T_CASE(mmap_flags),	   T_CASE(mremap_mlock),
	T_CASE(ipc_get),	   T_CASE(ipc_ctl),
	T_CASE(sembufs),	   T_CASE(ipc_bufs),
	T_CASE(mincore_vec),	   T_CASE(membarriers),
	T_CASE(mempolicies),	   T_CASE(ipc_ctl_bufs),
	T_CASE(sem_ctl_bufs),	   T_CASE(mq_getsetattrs),
	T_CASE(mmap_flags_more),   T_CASE(numa_more),
	T_CASE(move_pages_arrays), T_END,
};
