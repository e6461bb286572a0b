// SPDX-License-Identifier: GPL-2.0
/*
 * An ia32 program without libc (gcc -m32 -nostdlib -static, with the UAPI
 * headers of the build machine for the i386 numbers and constants): the
 * everyday calls, through int $0x80, each with arguments strace decodes for
 * an ia32 tracee: open and openat of a missing file, read, write, pread64,
 * writev, stat64, fstat64, _llseek, lseek, mmap2, munmap, close, and an
 * execve that fails, then itself again with an argument (argv and envp of
 * 4-byte pointers), which exits.
 */
#include <asm/unistd_32.h>
#include <asm/stat.h>
#include <linux/fcntl.h>
#include <linux/mman.h>
#include <linux/fs.h>

struct iov32 {
	const void *base;
	unsigned int len;
};

static long sys6(long nr, long a, long b, long c, long d, long e, long f)
{
	/* static: addressed absolutely, not through the stack pushed below */
	static long arg6;
	long r;

	arg6 = f;
	/* ebp may be the frame pointer: saved around the call */
	__asm__ volatile("push %%ebp\n\tmov %7, %%ebp\n\tint $0x80\n\tpop %%ebp"
			 : "=a"(r)
			 : "a"(nr), "b"(a), "c"(b), "d"(c), "S"(d), "D"(e), "m"(arg6)
			 : "memory");
	return r;
}

#define sys(nr, a, b, c) sys6(nr, (long)(a), (long)(b), (long)(c), 0, 0, 0)

static unsigned long len(const char *s)
{
	unsigned long n = 0;

	while (s[n])
		n++;
	return n;
}

static void run(char **argv, char **envp)
{
	static const char missing[] = "/nonexistent/sysray-ia32";
	static char buf[32];
	static struct stat64 st;
	static long long pos;
	struct iov32 iov[2] = { { "ia32 ", 5 }, { "writev\n", 7 } };
	char *again[] = { argv[0], "again", 0 };
	long fd, map;

	sys(__NR_open, missing, O_RDONLY, 0);
	sys6(__NR_openat, AT_FDCWD, (long)missing, O_RDONLY | O_CLOEXEC, 0, 0, 0);
	fd = sys(__NR_open, "/dev/zero", O_RDONLY, 0);
	sys(__NR_read, fd, buf, 16);
	sys6(__NR_pread64, fd, (long)buf, 8, 4096, 0, 0);
	sys(__NR_write, 1, "ia32 write\n", len("ia32 write\n"));
	sys(__NR_writev, 1, iov, 2);
	sys(__NR_stat64, "/", &st, 0);
	sys(__NR_fstat64, fd, &st, 0);
	sys6(__NR__llseek, fd, 0, 0, (long)&pos, SEEK_SET, 0);
	sys(__NR_lseek, fd, -1, SEEK_CUR);
	map = sys6(__NR_mmap2, 0, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	sys(__NR_munmap, map, 8192, 0);
	sys(__NR_close, fd, 0, 0);
	sys(__NR_close, fd, 0, 0);
	sys(__NR_execve, missing, again, envp);
	sys(__NR_execve, argv[0], again, envp);
	sys(__NR_exit, 99, 0, 0);
}

/* The kernel's initial stack: argc, argv[], NULL, envp[], NULL. */
__asm__(".globl _start\n_start:\n\tmov %esp, %eax\n\tand $-16, %esp\n\tsub $12, %esp\n"
	"\tpush %eax\n\tcall start_c\n\thlt\n");

void start_c(long *sp)
{
	long argc = sp[0];
	char **argv = (char **)(sp + 1), **envp = argv + argc + 1;

	if (argc > 1)
		sys(__NR_exit_group, 0, 0, 0);
	run(argv, envp);
}
