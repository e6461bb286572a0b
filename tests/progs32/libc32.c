// SPDX-License-Identifier: GPL-2.0
/*
 * An ia32 program with glibc (gcc -m32, gcc-multilib): what glibc's start
 * does on i386 (mmap2, statx, set_thread_area, ugetrlimit...), then
 * everyday calls whose arguments hold ia32 layouts: a missing file, read,
 * fstat and stat (statx), lseek (_llseek), an anonymous mapping (mmap2),
 * nanosleep's old timespec (clock_nanosleep_time64 or clock_nanosleep),
 * a signal action (struct compat_sigaction), fcntl64, getrlimit, a write.
 */
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>

int main(void)
{
	struct timespec ts = { 0, 1000 };
	struct sigaction sa;
	struct rlimit rl;
	struct stat st;
	char buf[16];
	void *p;
	int fd;

	open("/nonexistent/sysray-libc32", O_RDONLY);
	fd = open("/dev/zero", O_RDONLY);
	if (fd < 0)
		return 1;
	read(fd, buf, sizeof(buf));
	fstat(fd, &st);
	stat("/", &st);
	lseek(fd, 10, SEEK_SET);
	p = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p != MAP_FAILED)
		munmap(p, 8192);
	nanosleep(&ts, NULL);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = SIG_IGN;
	sigaction(SIGUSR1, &sa, NULL);
	fcntl(fd, F_SETFD, FD_CLOEXEC);
	getrlimit(RLIMIT_NOFILE, &rl);
	close(fd);
	/* not stdio: its fstat of stdout would show each run's output file */
	write(STDOUT_FILENO, "libc32\n", 7);
	return 0;
}
