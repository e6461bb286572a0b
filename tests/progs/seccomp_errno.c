// SPDX-License-Identifier: GPL-2.0
/*
 * A seccomp filter makes close(N), for N >= 500, fail with errno N: such a
 * call never reaches the sys_enter tracepoint (seccomp runs first), only
 * sys_exit, and must still print whole, as under strace; and its errno
 * values are ones nothing else returns. Kernel-internal codes
 * strace names (ENOTSUPP, with strerror()'s "Unknown error 524"), those it
 * does not (ENOPARAM), and numbers with no name at all ("(errno 4000)").
 */
#include "common.h"

#include <stddef.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sys/prctl.h>

static const int errs[] = { 515, 519, 524, 530, 531, 1000, 4000, 4095 };

int main(void)
{
	struct sock_filter insns[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_close, 0, 4),
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, args[0])),
		BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, 500, 0, 2),
		BPF_STMT(BPF_ALU | BPF_OR | BPF_K, SECCOMP_RET_ERRNO),
		BPF_STMT(BPF_RET | BPF_A, 0),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};
	struct sock_fprog prog = { sizeof(insns) / sizeof(insns[0]), insns };
	size_t i;

	EQ(syscall(SYS_prctl, PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0), 0);
	EQ(syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog), 0);
	for (i = 0; i < sizeof(errs) / sizeof(errs[0]); i++)
		ERR(syscall(SYS_close, errs[i]), errs[i]);
	/* failures the filter lets through, entry and all */
	ERR(syscall(SYS_close, 499), EBADF);
	ERR(open("/nonexistent/sysray", O_RDONLY), ENOENT);
	return 0;
}
