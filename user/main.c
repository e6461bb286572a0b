// SPDX-License-Identifier: GPL-2.0
/*
 * sysray: strace-compatible syscall tracing with BPF, for one command, some
 * processes, or the whole host, without stopping anything. main() only
 * starts a session (see user/session/session.c for what one does), or runs
 * the diff subcommand (user/explain/diff.c).
 */
#include <string.h>

#include "cli/options.h"
#include "explain/diff.h"
#include "session/session.h"

int main(int argc, char **argv)
{
	static struct sr_session session; /* large (cgroup paths, fd state): not on the stack */
	int status;

	/* a subcommand (to trace a program named diff: sysray -- diff ...) */
	if (argc > 1 && !strcmp(argv[1], "diff"))
		return diff__main(argc - 1, argv + 1);
	status = session__configure(&session, argc, argv);

	if (status == SR_CLI_DONE)
		return 0;
	if (!status)
		status = session__run(&session);
	return session__end(&session, status);
}
