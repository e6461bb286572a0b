// SPDX-License-Identifier: GPL-2.0
/*
 * Attach empty programs to raw_syscalls sys_enter/sys_exit and wait for a
 * signal: the benchmark's "bare hook" reference. Prints "ready" once attached.
 */
#include <signal.h>
#include <stdio.h>
#include <unistd.h>
#include <bpf/libbpf.h>

#include "empty.skel.h"

static volatile sig_atomic_t done;

static void on_signal(int sig)
{
	done = sig;
}

static int silent(enum libbpf_print_level level, const char *fmt, va_list args)
{
	return 0;
}

int main(void)
{
	struct empty_bpf *skel;
	int err;

	libbpf_set_print(silent);
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	skel = empty_bpf__open_and_load();
	if (!skel) {
		fprintf(stderr, "empty: cannot load the BPF programs\n");
		return 1;
	}
	err = empty_bpf__attach(skel);
	if (err) {
		fprintf(stderr, "empty: cannot attach: %d\n", err);
		empty_bpf__destroy(skel);
		return 1;
	}
	printf("ready\n");
	fflush(stdout);
	while (!done)
		pause();
	empty_bpf__destroy(skel);
	return 0;
}
