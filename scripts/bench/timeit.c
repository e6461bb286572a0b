// SPDX-License-Identifier: GPL-2.0
/*
 * timeit CMD [ARGS...]: run CMD and print "timeit NS STATUS CPU_NS" on
 * stderr: the wall time from just before fork to the end of the wait, so
 * that a tracer's own start-up is not counted, and the CPU time (user and
 * system) of CMD and of the children it waited for: what a tracer's hooks
 * cost the traced program, whoever else shares the CPUs.
 */
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

int main(int argc, char **argv)
{
	struct rusage ru;
	long long t0, cpu;
	int status = 0;
	pid_t pid;

	if (argc < 2) {
		fprintf(stderr, "usage: timeit CMD [ARGS...]\n");
		return 2;
	}
	t0 = now_ns();
	pid = fork();
	if (pid == 0) {
		execvp(argv[1], argv + 1);
		_exit(127);
	}
	if (pid < 0 || wait4(pid, &status, 0, &ru) != pid)
		return 1;
	t0 = now_ns() - t0;
	cpu = (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000000000LL +
	      (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) * 1000LL;
	fprintf(stderr, "timeit %lld %d %lld\n", t0, status, cpu);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}
