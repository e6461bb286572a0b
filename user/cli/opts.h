/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Command-line options, filled by cli/options.c (the cgroup paths by the
 * session, which resolves them) and passed down read-only.
 */
#ifndef SYSRAY_OPTS_H
#define SYSRAY_OPTS_H

#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include <linux/types.h>

#include "sysray/abi.h"
#include "lib/escape.h" /* enum sr_hexstr */
#include "summary/summary.h"

#define SR_MAX_PIDS 64
#define SR_MAX_ENV  256

/* -e status=: which outcomes to print (strace's names). */
#define SR_ST_SUCCESSFUL  0x01
#define SR_ST_FAILED	  0x02
#define SR_ST_UNFINISHED  0x04 /* never returned: the task died */
#define SR_ST_UNAVAILABLE 0x08 /* returned, outcome unknown: its exit record was lost */
#define SR_ST_DETACHED	  0x10 /* still running when tracing stopped */
#define SR_ST_ALL	  0x1f

/* -t, -tt, -ttt, --timestamps: the wall-clock time before each line. */
enum sr_ts_format {
	SR_TS_NONE,
	SR_TS_TIME, /* strftime's %T: 14:02:03 */
	SR_TS_UNIX, /* seconds since the epoch: 1700000000 */
};

/* -X, --const-print-style: named constants and flags. */
enum sr_xlat_style {
	SR_XLAT_ABBREV, /* the names (strace's default) */
	SR_XLAT_RAW, /* the numbers only */
	SR_XLAT_VERBOSE, /* the number, then the names in a comment */
};

/* Largest fd number -e read=, -e write= and --trace-fds can name, plus one. */
#define SR_FDSET_MAX 65536
/* -s at most: strace's bound, a quarter of UINT_MAX (1073741823) */
#define SR_STRSIZE_MAX ((long)(UINT_MAX / 4))

/* A set of fd numbers (strace's number sets): those below SR_FDSET_MAX, or all but them. */
struct sr_fdset {
	bool used; /* given on the command line */
	bool negated; /* the set is the complement of bits[] */
	uint8_t bits[SR_FDSET_MAX / 8];
};

/* -P: paths given; each also selects what it resolves to (strace's realpath). */
#define SR_MAX_PATHS 16
#define SR_PATH_MAX  4096

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

/*
 * A syscall set: a bit per syscall number, then one for io_uring requests
 * (%io_uring) and one saying the set was given negated ("!...").
 */
#define SR_SEL_URING   SR_NR_MAX
#define SR_SEL_NEGATED (SR_NR_MAX + 1)
#define SR_SEL_BYTES   (SR_NR_MAX / 8 + 1)

struct sr_opts {
	int strsize; /* -s: bytes of strings and buffers shown (default 32), at most SR_STRSIZE_MAX */
	bool verbose; /* -v: print structures and env in full (strace's -e abbrev=none) */
	/* -e abbrev= (-v is abbrev=none): syscalls NOT abbreviated (none by default) */
	uint8_t noabbrev_sel[SR_NR_MAX / 8];
	/* -e verbose=: syscalls whose structs print as addresses (none by default) */
	uint8_t noverbose_sel[SR_NR_MAX / 8];
	int decode_fds; /* -y: 1 paths, -yy: 2 sockets too */
	uint8_t fd_kinds; /* --decode-fds=SET: SR_FDK_*; 0: as decode_fds says */
	bool absolute_paths; /* --absolute-paths: relative path arguments printed absolute */
	bool peer; /* --peer: the process at the other end of a socket */
	bool check; /* --check: report on the host's BPF features and exit */
	int debug; /* -d: statistics and libbpf warnings; -dd: all libbpf messages */
	bool follow; /* -f: accepted; following forks is always on */
	const char *outfile; /* -o; "|cmd" or "!cmd" pipes to a shell command */
	bool output_separately; /* -ff, --output-separately: one file per thread, FILE.TID */
	bool append; /* -A: append to the -o file(s) */
	/* strace's output format (the text sink) */
	uint8_t ts_format; /* enum sr_ts_format */
	uint8_t ts_digits; /* digits after the second: 0, 3, 6 or 9 */
	bool relative; /* -r: time since the previous line */
	uint8_t rel_digits;
	bool syscall_times; /* -T: time spent in each call, " <0.000012>" */
	uint8_t times_digits;
	int acolumn; /* -a: the column of "= ret", plus one; 0: strace's 40 (opts__acolumn()) */
	bool print_nr; /* -n: "[  59] " */
	bool print_ip; /* -i: "[00007f0123456789] " */
	bool arg_names; /* -N, --arg-names: "openat(dirfd=AT_FDCWD, ..." */
	uint8_t hexstr; /* enum sr_hexstr */
	uint8_t xlat_style; /* enum sr_xlat_style */
	struct sr_fdset read_fds; /* -e read=: dump the data read from these fds */
	struct sr_fdset write_fds; /* -e write=: dump the data written to them */
	/* -P and --trace-fds: only calls touching these paths or fds */
	int npaths;
	const char *paths[SR_MAX_PATHS]; /* -P, as given */
	char resolved[SR_MAX_PATHS][SR_PATH_MAX]; /* realpath() of each; "" if the same or none */
	struct sr_fdset trace_fds;
	const char *record; /* --record: raw records to this file */
	bool no_data; /* --no-data: capture paths only, no other user memory */
	const char *replay; /* --replay: format this recording, no tracing */
	uint64_t ringbuf_size; /* -b, bytes, a power of two; 0: the default */
	uint64_t backlog; /* --backlog, bytes; 0: no reader thread */
	pid_t pids[SR_MAX_PIDS]; /* -p */
	int npids;
	char **cmd; /* command to launch, NULL-terminated; NULL for none */
	const char *env_ops[SR_MAX_ENV]; /* -E: VAR=VAL sets, VAR removes, in order */
	int nenv;
	const char *user; /* -u: run the command as this user */
	/*
	 * -e trace=: selected syscall numbers (bitmap), and bit SR_SEL_URING for
	 * all io_uring requests (%io_uring); all when !trace_set
	 */
	bool trace_set;
	uint8_t trace_sel[SR_SEL_BYTES];
	/* the same set over an ia32 task's i386 numbers, by their names and classes */
	uint8_t trace_sel32[SR_SEL_BYTES];
	/* -e raw=: syscalls whose arguments print undecoded, in hex */
	uint8_t raw_sel[SR_SEL_BYTES];
	uint8_t status; /* -e status=, -z, -Z: SR_ST_* */
	/* -e signal=: signals whose delivery lines print (bit n: signal n) */
	uint8_t sig_sel[(64 + 8) / 8];
	bool quiet; /* -q, -e quiet=attach: no attach/detach messages */
	bool quiet_exit; /* -qq, -e quiet=exit: no "+++ exited" lines */
	bool quiet_superseded; /* -e quiet=thread-execve */
	bool quiet_personality; /* -q, -e quiet=personality: no "runs in 32 bit mode" */
	bool quiet_path_resolution; /* -e quiet=path-resolution: no "Requested path" line */
	bool decode_pids; /* -Y: PID<comm> */
	bool detach_execve; /* -b execve, --detach-on=execve: processes are shown until they exec */
	bool pidns; /* --decode-pids=pidns: a namespace's pids with sysray's in a comment */
	bool show_cgroup; /* --show-cgroup: each line starts with its cgroup */
	bool stack_trace; /* -k: the user stack after each syscall */
	int stack_frames; /* --stack-trace-frame-limit: frames printed (256) */
	uint32_t stack_bytes; /* --stack-trace-size: user stack bytes copied (8K) */
	bool json; /* --json: JSON Lines instead of strace's text */
	const char *timeline; /* --timeline: also a Chrome trace-event file */
	/* Diagnosis (user/explain/) */
	bool explain; /* --explain: a report per failure */
	const char *why; /* --why: a report when a traced process writes this text */
	bool quiet_until_failure; /* --quiet-until-failure: only the reports */
	uint64_t history; /* --history: bytes the reports' memory may use; 0: the default */
	bool follow_peer; /* --follow-peer: trace the other end of each connection */
	/* set by the session, not an option: --record keeps execve's environment whole */
	bool capture_env;
	struct sr_summary_opts summary; /* -c, -C, -S, -U, -w, --summary-by */
	int ncomm; /* --comm */
	char comm[SR_MAX_COMM][SR_COMM_LEN];
	int nuid; /* --uid */
	uint32_t uid[SR_MAX_UID];
	int ncgroup; /* --cgroup, --container, --unit */
	struct sr_cgroup_sel cgroup[SR_MAX_CGROUP];
};

/*
 * Do the options print when calls began (-t, -r) or how long they took
 * (-T)? Then every call sends its entry record, none is sent whole at exit.
 */
/* What -y annotations show (--decode-fds=SET): strace 6.1's path, socket, dev, pidfd. */
#define SR_FDK_PATH   0x1 /* paths, and the link text of other fds */
#define SR_FDK_SOCKET 0x2 /* a socket's protocol and addresses */
#define SR_FDK_DEV    0x4 /* a device's "<char 1:3>" */
#define SR_FDK_PIDFD  0x8 /* a pidfd's "pid:N" */
#define SR_FDK_ALL    0xf
#define SR_FDK_SET    0x80 /* given as a set (possibly none), not by -y/-yy */

/* The kinds of annotation asked for: an explicit set, or -y's and -yy's. */
static inline uint8_t opts__fd_kinds(const struct sr_opts *o)
{
	if (o->fd_kinds & SR_FDK_SET)
		return o->fd_kinds & SR_FDK_ALL;
	return o->decode_fds >= 2 ? SR_FDK_ALL : o->decode_fds ? SR_FDK_PATH : 0;
}

static inline bool opts__entry_times(const struct sr_opts *o)
{
	return o->syscall_times || o->relative || o->ts_format != SR_TS_NONE;
}

/* Do -P or --trace-fds select calls by the files they touch? */
static inline bool opts__selects_files(const struct sr_opts *o)
{
	return o->npaths || o->trace_fds.used;
}

/* Does syscall @nr print abbreviated: not under -v, nor when -e abbrev= leaves it out? */
static inline bool opts__abbrev(const struct sr_opts *o, int nr)
{
	if (o->verbose)
		return false;
	return nr < 0 || nr >= SR_NR_MAX || !(o->noabbrev_sel[nr / 8] & (1u << (nr % 8)));
}

/* The column strace aligns "= ret" at: -a's, or 40. */
static inline int opts__acolumn(const struct sr_opts *o)
{
	return o && o->acolumn ? o->acolumn - 1 : 40;
}

#endif /* SYSRAY_OPTS_H */
