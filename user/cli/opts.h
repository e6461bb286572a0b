/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Command-line options, filled by cli/options.c (the cgroup paths by the
 * session, which resolves them) and passed down read-only.
 */
#ifndef SYSRAY_OPTS_H
#define SYSRAY_OPTS_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include <linux/types.h>

#include "sysray/abi.h"

#define SR_MAX_PIDS 64

/* -e status=: which outcomes to print (strace's names). */
#define SR_ST_SUCCESSFUL  0x01
#define SR_ST_FAILED	  0x02
#define SR_ST_UNFINISHED  0x04 /* never returned: the task died */
#define SR_ST_UNAVAILABLE 0x08 /* returned, outcome unknown: its exit record was lost */
#define SR_ST_DETACHED	  0x10 /* still running when tracing stopped */
#define SR_ST_ALL	  0x1f

/* Kinds of cgroup filters; across kinds all must match. */
enum sr_cg_kind {
	SR_CG_PATH, /* --cgroup */
	SR_CG_CONTAINER, /* --container */
	SR_CG_UNIT, /* --unit */
};

struct sr_cgroup_sel {
	char path[4096]; /* the cgroup v2 directory, once resolved */
	const char *arg; /* as given on the command line */
	enum sr_cg_kind kind;
};

struct sr_opts {
	int strsize; /* -s: bytes of strings and buffers shown (default 32) */
	bool verbose; /* -v: print structures and env in full */
	int decode_fds; /* -y: 1 paths, -yy: 2 sockets too */
	bool absolute_paths; /* --absolute-paths: relative path arguments printed absolute */
	bool peer; /* --peer: the process at the other end of a socket */
	int debug; /* -d: statistics and libbpf warnings; -dd: all libbpf messages */
	bool follow; /* -f: accepted; following forks is always on */
	const char *outfile; /* -o */
	const char *record; /* --record: raw records to this file */
	bool no_data; /* --no-data: capture paths only, no other user memory */
	const char *replay; /* --replay: format this recording, no tracing */
	uint64_t ringbuf_size; /* -b, bytes, a power of two */
	uint64_t backlog; /* --backlog, bytes; 0: no reader thread */
	pid_t pids[SR_MAX_PIDS]; /* -p */
	int npids;
	char **cmd; /* command to launch, NULL-terminated; NULL for none */
	/* -e trace=: selected syscall numbers (bitmap); all when !trace_set */
	bool trace_set;
	uint8_t trace_sel[SR_NR_MAX / 8];
	/* -e raw=: syscalls whose arguments print undecoded, in hex */
	uint8_t raw_sel[SR_NR_MAX / 8];
	uint8_t status; /* -e status=, -z, -Z: SR_ST_* */
	/* -e signal=: signals whose delivery lines print (bit n: signal n) */
	uint8_t sig_sel[(64 + 8) / 8];
	bool quiet; /* -q, -e quiet=attach: no attach/detach messages */
	bool quiet_exit; /* -qq, -e quiet=exit: no "+++ exited" lines */
	bool quiet_superseded; /* -e quiet=thread-execve */
	bool decode_pids; /* -Y: PID<comm> */
	bool show_cgroup; /* --show-cgroup: each line starts with its cgroup */
	bool stack_trace; /* -k: the user stack after each syscall */
	int stack_frames; /* --stack-trace-frame-limit: frames printed (256) */
	uint32_t stack_bytes; /* --stack-trace-size: user stack bytes copied (8K) */
	bool json; /* --json: JSON Lines instead of strace's text */
	int ncomm; /* --comm */
	char comm[SR_MAX_COMM][SR_COMM_LEN];
	int nuid; /* --uid */
	uint32_t uid[SR_MAX_UID];
	int ncgroup; /* --cgroup, --container, --unit */
	struct sr_cgroup_sel cgroup[SR_MAX_CGROUP];
};

#endif /* SYSRAY_OPTS_H */
