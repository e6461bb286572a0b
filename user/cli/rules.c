// SPDX-License-Identifier: GPL-2.0
/*
 * What only the whole command line can say: options that need others
 * (-w needs -c), options that exclude each other (--replay and what chooses
 * what to trace, -c and -z), each refused with one line naming the fix.
 */
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "cli/optdef.h"
#include "cli/opts.h"

/* --replay formats what was recorded: an option choosing what to trace cannot apply. */
static const char *replay_conflict(const struct sr_opts *o)
{
	if (o->cmd)
		return "a command";
	if (o->npids)
		return "-p";
	if (o->ncomm)
		return "--comm";
	if (o->nuid)
		return "--uid";
	if (o->ncgroup)
		return "--cgroup, --container or --unit";
	if (o->record)
		return "--record";
	if (o->no_data)
		return "--no-data";
	if (o->follow_peer)
		return "--follow-peer";
	return NULL;
}

/* -k: what it cannot go with, or NULL. */
static const char *stack_conflict(const struct sr_opts *o)
{
	bool knobs = o->stack_frames != 256 || o->stack_bytes != 8192;

	if (!o->stack_trace)
		return knobs ? "--stack-trace-frame-limit and --stack-trace-size need -k" : NULL;
#if !defined(__x86_64__)
	return "-k unwinds x86_64 stacks only; this build is for another architecture";
#endif
	if (o->json)
		return "-k prints stacks in strace's text only, not with --json";
	if (o->record || o->replay)
		return "-k needs the traced processes' memory maps: not with --record or --replay";
	return NULL;
}

/*
 * -c prints the table only: an option that shapes trace lines would do
 * nothing (strace says "has no effect" and goes on; sysray refuses it).
 */
static const char *summary_conflict(const struct sr_opts *o)
{
	if (o->summary.mode != 1)
		return NULL;
	if (o->print_nr)
		return "-n/--syscall-number";
	if (o->print_ip)
		return "-i/--instruction-pointer";
	if (o->stack_trace)
		return "-k/--stack-traces";
	if (o->syscall_times)
		return "-T/--syscall-times";
	if (o->ts_format != SR_TS_NONE)
		return "-t/--absolute-timestamps";
	if (o->relative)
		return "-r/--relative-timestamps";
	if (o->decode_fds || (o->fd_kinds & SR_FDK_SET))
		return "-y/--decode-fds";
	if (o->decode_pids || o->pidns)
		return "-Y/--decode-pids";
	if (o->arg_names)
		return "-N/--arg-names";
	if (o->hexstr != SR_HEXSTR_NONE)
		return "-x/--strings-in-hex";
	if (o->xlat_style != SR_XLAT_ABBREV)
		return "-X/--const-print-style";
	if (o->acolumn)
		return "-a/--columns";
	if (o->read_fds.used || o->write_fds.used)
		return "-e read=/-e write=";
	return NULL;
}

/* The diagnosis options' own rules. */
static int check_explain(const struct sr_opts *o)
{
	bool reports = o->explain || o->why;

	if (o->quiet_until_failure && !reports)
		return usage_error("%s", "--quiet-until-failure needs --explain or --why");
	if (o->history && !reports)
		return usage_error("%s", "--history needs --explain or --why");
	if (reports && o->json)
		return usage_error("%s", "--explain and --why print text reports: not with --json");
	if (reports && o->record)
		return usage_error("%s", "--record saves records unformatted: explain them later "
					 "with --replay=FILE --explain");
	if (reports && o->quiet_until_failure && o->stack_trace)
		return usage_error("%s", "-k prints stacks under trace lines: "
					 "--quiet-until-failure prints none");
	if (o->follow_peer && !o->cmd && !o->npids && !o->replay)
		return usage_error("%s", "--follow-peer needs a command or -p (the whole host "
					 "is traced already)");
	return 0;
}

int rules__finish(struct sr_cli *c, int argc, char **argv)
{
	struct sr_opts *o = c->o;
	int err;

	/* a set given: how much the capture and tables must do for it */
	if (o->fd_kinds & SR_FDK_SET)
		o->decode_fds = (o->fd_kinds & SR_FDK_SOCKET) ? 2 :
				(o->fd_kinds & SR_FDK_ALL)    ? 1 :
								0;
	/* the peer is part of a socket's -yy description */
	if (o->peer && !(opts__fd_kinds(o) & SR_FDK_SOCKET)) {
		o->decode_fds = 2;
		o->fd_kinds = (o->fd_kinds & SR_FDK_SET) ? o->fd_kinds | SR_FDK_SOCKET : 0;
	}
	if (optind < argc)
		o->cmd = &argv[optind];
	if (o->check && (o->cmd || o->npids || o->replay || o->record || o->outfile))
		return usage_error("%s", "--check reports on this host on stdout and exits: "
					 "give it without a command, -p, -o, --record or --replay");
	if (o->cmd && o->npids)
		return usage_error("%s", "give either -p or a command, not both");
	if ((o->nenv || o->user) && !o->cmd)
		return usage_error("%s", "-E and -u apply to the command sysray starts: give one "
					 "after --");
	if (o->detach_execve && (o->summary.mode || o->record || o->replay))
		return usage_error(
			"-b execve hides processes as their records are paired: not with "
			"%s",
			o->summary.mode ? "-c or -C, which count in the kernel" :
			o->record	? "--record" :
					  "--replay");
	if (o->pidns && (o->json || o->record || o->replay))
		return usage_error(
			"--decode-pids=pidns reads the traced tasks' namespaces in /proc "
			"as their lines print, in strace's text: not with %s",
			o->json	  ? "--json" :
			o->record ? "--record" :
				    "--replay");
	if (stack_conflict(o))
		return usage_error("%s", stack_conflict(o));
	if (o->record && (o->json || o->timeline))
		return usage_error("--record saves raw records, not %s: give it with --replay "
				   "to format the recording",
				   o->json ? "--json" : "--timeline");
	if (!o->summary.mode &&
	    (o->summary.wall || o->summary.ncols || o->summary.by || o->summary.sort))
		return usage_error("%s must be given with -c or -C",
				   o->summary.wall  ? "-w" :
				   o->summary.ncols ? "-U" :
				   o->summary.by    ? "--summary-by" :
						      "-S");
	if (o->summary.mode && (o->record || o->replay))
		return usage_error("%s", "-c and -C count in the kernel while tracing: they cannot "
					 "apply to --record or --replay");
	if (o->summary.mode && o->status != SR_ST_ALL)
		return usage_error("%s", "-c and -C count every outcome: -z, -Z and -e status= "
					 "are not supported with them");
	if (o->summary.mode == 1 && o->timeline)
		return usage_error("%s", "-c prints no trace for --timeline: use -C");
	if (o->replay && replay_conflict(o))
		return usage_error("--replay prints a recording as it was made: %s cannot apply "
				   "(give it when recording)",
				   replay_conflict(o));
	err = outfmt__finish(c);
	if (err)
		return err;
	if (summary_conflict(o))
		return usage_error(
			"%s has no effect with -c/--summary-only, which prints no trace: "
			"use -C to print the trace and the table, or leave it out",
			summary_conflict(o));
	return check_explain(o);
}

/* strace's options that need ptrace, and why sysray has none of them. */
static const struct {
	char shortopt;
	const char *longopt;
	const char *why;
} ptrace_only[] = {
	{ 'D', "daemonize",
	  "strace detaches its tracer from the command's process tree; sysray traces from the "
	  "kernel and can be started in the background or attached with -p instead" },
	{ 'I', "interruptible",
	  "strace blocks signals while traced processes are stopped; sysray stops none, and "
	  "SIGINT, SIGTERM and SIGHUP always end it cleanly" },
	{ 'O', "summary-syscall-overhead",
	  "it subtracts ptrace's cost from strace -c's times; sysray -c measures from the "
	  "kernel's timestamps, without that cost" },
	{ 0, "seccomp-bpf",
	  "strace's filter to stop only at the traced syscalls; sysray's -e trace= already "
	  "filters in the kernel" },
	{ 0, "kvm", "strace reads vCPU exits through ptrace stops; not supported" },
	{ 0, "tips", "not supported" },
};

const char *rules__ptrace_only(const char *word, int shortopt, const char **name)
{
	size_t i, len;

	if (!strncmp(word, "--", 2)) {
		word += 2;
		len = strcspn(word, "=");
		for (i = 0; i < sizeof(ptrace_only) / sizeof(ptrace_only[0]); i++)
			if (strlen(ptrace_only[i].longopt) == len &&
			    !strncmp(word, ptrace_only[i].longopt, len))
				return *name = ptrace_only[i].longopt, ptrace_only[i].why;
		return NULL;
	}
	for (i = 0; i < sizeof(ptrace_only) / sizeof(ptrace_only[0]); i++)
		if (shortopt && ptrace_only[i].shortopt == shortopt)
			return *name = ptrace_only[i].longopt, ptrace_only[i].why;
	return NULL;
}
