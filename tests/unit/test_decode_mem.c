// SPDX-License-Identifier: GPL-2.0
/* Decoders of user/decode/mem.c, against lines strace 6.1 prints. */
#include <errno.h>
#include <string.h>
#include <linux/membarrier.h>
#include <linux/mempolicy.h>
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

T_SUITE(decode_mem_tests) = {
	T_CASE(mmap_flags),  T_CASE(mremap_mlock),
	T_CASE(ipc_get),     T_CASE(ipc_ctl),
	T_CASE(sembufs),     T_CASE(ipc_bufs),
	T_CASE(mincore_vec), T_CASE(membarriers),
	T_CASE(mempolicies), T_END,
};
