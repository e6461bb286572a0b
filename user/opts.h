/* SPDX-License-Identifier: GPL-2.0 */
/* Command-line options, filled by main.c and passed down read-only. */
#ifndef SYSRAY_OPTS_H
#define SYSRAY_OPTS_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#define SR_MAX_PIDS 64

struct sr_opts {
	int strsize; /* -s: bytes of strings and buffers shown (default 32) */
	bool verbose; /* -v: print structures and env in full */
	int decode_fds; /* -y: 1 paths, -yy: 2 sockets too */
	bool debug; /* -d: libbpf messages and statistics */
	bool follow; /* -f: accepted; following forks is always on */
	const char *outfile; /* -o */
	uint64_t ringbuf_size; /* -b, bytes, a power of two */
	pid_t pids[SR_MAX_PIDS]; /* -p */
	int npids;
	char **cmd; /* command to launch, NULL-terminated; NULL for none */
	/* -e trace=: selected syscall numbers (bitmap); all when !trace_set */
	bool trace_set;
	uint8_t trace_sel[512 / 8];
};

#endif /* SYSRAY_OPTS_H */
