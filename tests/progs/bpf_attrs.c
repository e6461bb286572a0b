// SPDX-License-Identifier: GPL-2.0
/*
 * bpf(2) attributes by command (a map's commands, an id, a size past a page
 * and a bad pointer; a program loaded, its license, log and new fd, and
 * the commands that take it, with the strings and arrays they point to),
 * perf_event_open's
 * struct perf_event_attr (printed with the call at exit) and a socket
 * filter attached with SO_ATTACH_FILTER, as strace prints them.
 */
#include "common.h"

#include <stddef.h>
#include <stdint.h>
#include <linux/bpf.h>
#include <linux/filter.h>
#include <linux/perf_event.h>
#include <sys/socket.h>

static long sys_bpf(int cmd, union bpf_attr *attr, unsigned int size)
{
	return syscall(SYS_bpf, cmd, attr, size);
}

/*
 * Maps' commands on no map: a map of no entries is refused, and fd -1 names
 * none (what fd a bpf() call returns, -y does not say yet).
 */
static void maps(void)
{
	union bpf_attr attr;
	uint32_t key = 0, next;
	uint64_t value = 42;

	memset(&attr, 0, sizeof(attr));
	attr.map_type = BPF_MAP_TYPE_ARRAY;
	attr.key_size = sizeof(key);
	attr.value_size = sizeof(value);
	attr.map_flags = BPF_F_RDONLY_PROG;
	strcpy(attr.map_name, "sysray_map");
	ERR(sys_bpf(BPF_MAP_CREATE, &attr, offsetof(union bpf_attr, map_extra) + 8), EINVAL);

	memset(&attr, 0, sizeof(attr));
	attr.map_fd = -1;
	attr.key = (uintptr_t)&key;
	attr.value = (uintptr_t)&value;
	attr.flags = BPF_NOEXIST;
	ERR(sys_bpf(BPF_MAP_UPDATE_ELEM, &attr, offsetof(union bpf_attr, flags) + 8), EBADF);
	attr.flags = BPF_F_LOCK;
	ERR(sys_bpf(BPF_MAP_LOOKUP_ELEM, &attr, offsetof(union bpf_attr, flags) + 8), EBADF);
	attr.next_key = (uintptr_t)&next;
	ERR(sys_bpf(BPF_MAP_GET_NEXT_KEY, &attr, offsetof(union bpf_attr, next_key) + 8), EBADF);
	ERR(sys_bpf(BPF_MAP_DELETE_ELEM, &attr, offsetof(union bpf_attr, key) + 8), EBADF);
	ERR(sys_bpf(BPF_MAP_FREEZE, &attr, sizeof(attr.map_fd)), EBADF);

	/* ids: a program's fd takes no open flags */
	memset(&attr, 0, sizeof(attr));
	attr.open_flags = BPF_F_RDONLY;
	ERR(sys_bpf(BPF_PROG_GET_FD_BY_ID, &attr, offsetof(union bpf_attr, open_flags) + 4),
	    EINVAL);
	/* past a page: the address */
	ERR(sys_bpf(BPF_MAP_FREEZE, &attr, 4097), E2BIG);
	ERR(sys_bpf(BPF_MAP_FREEZE, NULL, sizeof(attr.map_fd)), EFAULT);
}

/* A program and what takes one: the memory each command's attributes point to. */
static void progs(void)
{
	struct bpf_insn insns[] = {
		{ .code = BPF_ALU64 | BPF_MOV | BPF_K, .dst_reg = BPF_REG_0, .imm = 0 },
		{ .code = BPF_JMP | BPF_EXIT },
	};
	static char log[256];
	static const char btf[] = "bPf\0daTum";
	uint32_t ids[4] = { 0 };
	union bpf_attr attr;
	int fd;

	memset(&attr, 0, sizeof(attr));
	attr.prog_type = BPF_PROG_TYPE_SOCKET_FILTER;
	attr.insn_cnt = 2;
	attr.insns = (uintptr_t)insns;
	attr.license = (uintptr_t) "GPL";
	attr.log_level = 1;
	attr.log_size = sizeof(log);
	attr.log_buf = (uintptr_t)log;
	strcpy(attr.prog_name, "sysray_prog");
	fd = OK(sys_bpf(BPF_PROG_LOAD, &attr, offsetof(union bpf_attr, fd_array) + 8));
	/* the log the first load left: the second is refused */
	attr.insn_cnt = 1;
	ERR(sys_bpf(BPF_PROG_LOAD, &attr, offsetof(union bpf_attr, prog_name) + 16), EINVAL);

	memset(&attr, 0, sizeof(attr));
	attr.pathname = (uintptr_t) "/sys/fs/bpf/sysray-none";
	attr.bpf_fd = fd;
	sys_bpf(BPF_OBJ_GET, &attr, offsetof(union bpf_attr, file_flags) + 4);

	memset(&attr, 0, sizeof(attr));
	attr.raw_tracepoint.name = (uintptr_t) "sys_enter";
	attr.raw_tracepoint.prog_fd = fd;
	ERR(sys_bpf(BPF_RAW_TRACEPOINT_OPEN, &attr,
		    offsetof(union bpf_attr, raw_tracepoint.prog_fd) + 4),
	    EINVAL);

	memset(&attr, 0, sizeof(attr));
	attr.query.attach_type = BPF_CGROUP_INET_INGRESS;
	attr.query.prog_ids = (uintptr_t)ids;
	attr.query.prog_cnt = 4;
	attr.query.target_fd = -1;
	ERR(sys_bpf(BPF_PROG_QUERY, &attr, offsetof(union bpf_attr, query.prog_cnt) + 4), EBADF);

	memset(&attr, 0, sizeof(attr));
	attr.btf = (uintptr_t)btf;
	attr.btf_size = sizeof(btf) - 1;
	ERR(sys_bpf(BPF_BTF_LOAD, &attr, offsetof(union bpf_attr, btf_log_level) + 4), EINVAL);

	memset(&attr, 0, sizeof(attr));
	attr.test.prog_fd = fd;
	attr.test.data_in = (uintptr_t)log;
	attr.test.data_size_in = 14;
	attr.test.repeat = 1;
	sys_bpf(BPF_PROG_TEST_RUN, &attr, offsetof(union bpf_attr, test.ctx_out) + 8);

	memset(&attr, 0, sizeof(attr));
	attr.link_create.prog_fd = fd;
	attr.link_create.attach_type = BPF_TRACE_ITER;
	ERR(sys_bpf(BPF_LINK_CREATE, &attr,
		    offsetof(union bpf_attr, link_create.iter_info_len) + 4),
	    EINVAL);
	close(fd);
}

/* A map's info (under -v, strace prints a map's fields; a program's is not done). */
static void map_info(void)
{
	struct bpf_map_info info;
	union bpf_attr attr;
	int fd;

	memset(&attr, 0, sizeof(attr));
	attr.map_type = BPF_MAP_TYPE_ARRAY;
	attr.key_size = 4;
	attr.value_size = 8;
	attr.max_entries = 1;
	strcpy(attr.map_name, "sysray_map");
	fd = OK(sys_bpf(BPF_MAP_CREATE, &attr, offsetof(union bpf_attr, map_extra) + 8));
	memset(&attr, 0, sizeof(attr));
	memset(&info, 0, sizeof(info));
	attr.info.bpf_fd = fd;
	attr.info.info_len = offsetof(struct bpf_map_info, map_extra) + 8;
	attr.info.info = (uintptr_t)&info;
	OK(sys_bpf(BPF_OBJ_GET_INFO_BY_FD, &attr, offsetof(union bpf_attr, info.info) + 8));
	close(fd);
}

static void perf(void)
{
	struct perf_event_attr pea;
	int fd;

	memset(&pea, 0, sizeof(pea));
	pea.type = PERF_TYPE_SOFTWARE;
	pea.size = sizeof(pea);
	pea.config = PERF_COUNT_SW_DUMMY;
	pea.disabled = 1;
	pea.exclude_kernel = 1;
	fd = OK(syscall(SYS_perf_event_open, &pea, 0, -1, -1, PERF_FLAG_FD_CLOEXEC));
	close(fd);
	/* more than a page: the kernel refuses it and writes back its own size */
	pea.size = 8192;
	ERR(syscall(SYS_perf_event_open, &pea, 0, -1, -1, 0), E2BIG);
}

static void sock_filter(void)
{
	struct sock_filter insns[] = {
		BPF_STMT(BPF_LD | BPF_B | BPF_ABS, SKF_AD_OFF + SKF_AD_PROTOCOL),
		BPF_JUMP(BPF_JMP | BPF_K | BPF_JEQ, 17, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, -1U),
		BPF_STMT(BPF_RET | BPF_K, 0),
	};
	struct sock_fprog prog = { sizeof(insns) / sizeof(insns[0]), insns };
	int fd = OK(socket(AF_INET, SOCK_DGRAM, 0));

	EQ(setsockopt(fd, SOL_SOCKET, SO_ATTACH_FILTER, &prog, sizeof(prog)), 0);
	close(fd);
}

int main(void)
{
	maps();
	progs();
	map_info();
	perf();
	sock_filter();
	return 0;
}
