// SPDX-License-Identifier: GPL-2.0
/*
 * Syscall-heavy workloads for `make bench`:
 *   loop getppid N        N getppid calls
 *   loop rw N             N one-byte write+read pairs through a pipe
 *   loop openstat N       N rounds of openat/fstat/close plus a failing openat
 *   loop threads T N      T threads, N getppid calls each
 *   loop forkexec N       N fork+execve of /bin/true, each waited for
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static long n_calls;

static void getppid_loop(long n)
{
	long i;

	for (i = 0; i < n; i++)
		syscall(SYS_getppid);
}

static int rw_loop(long n)
{
	int p[2];
	char c = 'x';
	long i;

	if (pipe(p))
		return 1;
	for (i = 0; i < n; i++)
		if (write(p[1], &c, 1) != 1 || read(p[0], &c, 1) != 1)
			return 1;
	return 0;
}

static int openstat_loop(long n)
{
	struct stat st;
	long i;

	for (i = 0; i < n; i++) {
		int fd = openat(AT_FDCWD, "/etc/hostname", O_RDONLY);

		if (fd < 0 || fstat(fd, &st) || close(fd))
			return 1;
		if (openat(AT_FDCWD, "/nonexistent/sysray-bench", O_RDONLY) >= 0)
			return 1;
	}
	return 0;
}

static void *thread_main(void *arg)
{
	getppid_loop(n_calls);
	return arg;
}

static int threads_loop(int t, long n)
{
	pthread_t tids[64];
	int i;

	n_calls = n;
	if (t < 1 || t > 64)
		return 1;
	for (i = 0; i < t; i++)
		if (pthread_create(&tids[i], NULL, thread_main, NULL))
			return 1;
	for (i = 0; i < t; i++)
		pthread_join(tids[i], NULL);
	return 0;
}

static int forkexec_loop(long n)
{
	long i;

	for (i = 0; i < n; i++) {
		pid_t pid = fork();
		int st;

		if (pid < 0)
			return 1;
		if (pid == 0) {
			execl("/bin/true", "true", (char *)NULL);
			_exit(127);
		}
		if (waitpid(pid, &st, 0) != pid || !WIFEXITED(st) || WEXITSTATUS(st))
			return 1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	long n = argc > 2 ? atol(argv[argc - 1]) : 0;

	if (argc < 3)
		goto usage;
	if (!strcmp(argv[1], "getppid")) {
		getppid_loop(n);
		return 0;
	}
	if (!strcmp(argv[1], "rw"))
		return rw_loop(n);
	if (!strcmp(argv[1], "openstat"))
		return openstat_loop(n);
	if (!strcmp(argv[1], "threads") && argc == 4)
		return threads_loop(atoi(argv[2]), n);
	if (!strcmp(argv[1], "forkexec"))
		return forkexec_loop(n);
usage:
	fprintf(stderr, "usage: loop getppid|rw|openstat|forkexec N | loop threads T N\n");
	return 2;
}
