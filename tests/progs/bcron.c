// SPDX-License-Identifier: GPL-2.0
/*
 * The bcron scenario, for --peer and --absolute-paths: a daemon ("bcrond")
 * listens on a unix socket under /tmp and forks a child per connection;
 * the child drops to uid 65534 and fails to create its job file in a
 * root-only spool directory (EACCES), and says so on the connection. The
 * client (this process) connects, submits a job and reads the answer.
 *
 * The daemon's child opens "spool/job" relative to the daemon's cwd, so
 * that --absolute-paths has something to resolve.
 */
#include "common.h"

#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>

#define WORK  WORK_PREFIX "bcron"
#define SOCK  WORK "/bcron.sock"
#define SPOOL WORK "/spool"

static const struct sockaddr_un addr = { .sun_family = AF_UNIX, .sun_path = SOCK };

/* The per-connection child: unprivileged, it cannot write the spool. */
static void serve(int c)
{
	OK(setgid(65534));
	OK(setuid(65534));
	ERR(open("spool/job", O_CREAT | O_WRONLY | O_EXCL, 0600), EACCES);
	PUTS(c, "bcrond: cannot create the job file\n");
	_exit(1);
}

static void daemon_run(int ready)
{
	int s, c, status;
	char req[64];
	pid_t pid;

	OK(prctl(PR_SET_NAME, "bcrond"));
	s = OK(socket(AF_UNIX, SOCK_STREAM, 0));
	EQ(bind(s, (const struct sockaddr *)&addr, sizeof(addr)), 0);
	EQ(listen(s, 4), 0);
	PUTS(ready, "r");
	c = OK(accept(s, NULL, NULL));
	/* the client waits for this, so its socket has its peer in every trace */
	PUTS(ready, "a");
	OK(close(ready));
	/*
	 * The request is read before the fork, so that the client's write
	 * always finds the daemon alone at the other end: after the fork and
	 * the daemon's close, the child would be the only holder.
	 */
	OK(read(c, req, sizeof(req)));
	pid = OK(fork());
	if (pid == 0) {
		OK(close(s));
		serve(c);
	}
	OK(close(c));
	EQ(wait4(pid, &status, 0, NULL), pid);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 1);
	OK(close(s));
	OK(unlink(SOCK));
	_exit(0);
}

int main(void)
{
	int ready[2], c, status;
	sigset_t chld;
	char buf[64];
	pid_t d;

	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	OK(sigprocmask(SIG_BLOCK, &chld, NULL));
	work_enter("bcron");
	OK(mkdir(SPOOL, 0700));
	OK(pipe2(ready, O_CLOEXEC));
	d = OK(fork());
	if (d == 0) {
		OK(close(ready[0]));
		daemon_run(ready[1]);
	}
	OK(close(ready[1]));
	EQ(read(ready[0], buf, 1), 1);

	c = OK(socket(AF_UNIX, SOCK_STREAM, 0));
	EQ(connect(c, (const struct sockaddr *)&addr, sizeof(addr)), 0);
	EQ(read(ready[0], buf, 1), 1);
	OK(close(ready[0]));
	PUTS(c, "submit job\n");
	CHECK(OK(read(c, buf, sizeof(buf))) > 0);
	OK(close(c));
	EQ(wait4(d, &status, 0, NULL), d);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	OK(rmdir(SPOOL));
	work_leave();
	return 0;
}
