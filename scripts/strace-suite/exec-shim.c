// SPDX-License-Identifier: GPL-2.0
/*
 * exec-shim FD PATH ARGV0 [ARG...]: write our pid to FD, close it, then
 * execve(PATH, [ARGV0, ARG...], environ).
 *
 * The strace-suite stand-in launches a test program through this shim under
 * the tracer, so that it learns the pid of the process that strace without -f
 * would have traced. Built without libc (x86_64 only, as sysray), so that the
 * shim makes exactly four syscalls the stand-in knows and removes from the
 * trace: execve of the shim, getpid, write(FD) and close(FD).
 */
typedef unsigned long ulong;

static long sys3(long nr, long a, long b, long c)
{
	long ret;

	__asm__ volatile("syscall"
			 : "=a"(ret)
			 : "a"(nr), "D"(a), "S"(b), "d"(c)
			 : "rcx", "r11", "memory");
	return ret;
}

enum { NR_write = 1, NR_close = 3, NR_getpid = 39, NR_execve = 59, NR_exit = 60 };

static long parse_fd(const char *s)
{
	long v = 0;

	if (!*s)
		return -1;
	for (; *s; s++) {
		if (*s < '0' || *s > '9' || v > 65535)
			return -1;
		v = v * 10 + (*s - '0');
	}
	return v;
}

/* Called from _start with the initial stack: argc, argv[], NULL, envp[]. */
__attribute__((used)) void shim_main(long *sp)
{
	long argc = sp[0];
	char **argv = (char **)(sp + 1);
	char **envp = argv + argc + 1;
	char buf[24], *p = buf + sizeof(buf);
	long fd, pid, ret;

	if (argc < 4 || (fd = parse_fd(argv[1])) < 0)
		sys3(NR_exit, 125, 0, 0);
	pid = sys3(NR_getpid, 0, 0, 0);
	*--p = '\n';
	do
		*--p = '0' + pid % 10;
	while ((pid /= 10));
	sys3(NR_write, fd, (long)p, buf + sizeof(buf) - p);
	sys3(NR_close, fd, 0, 0);
	ret = sys3(NR_execve, (long)argv[2], (long)(argv + 3), (long)envp);
	/* as a shell: 127 for a missing program, 126 for any other failure */
	sys3(NR_exit, ret == -2 ? 127 : 126, 0, 0);
}

__asm__(".globl _start\n"
	"_start:\n"
	"	mov %rsp, %rdi\n"
	"	and $-16, %rsp\n"
	"	call shim_main\n"
	"	hlt\n");
