// SPDX-License-Identifier: GPL-2.0
/*
 * Where a session writes: the trace (stderr, -o FILE, -A to append, -o
 * "|command" or "!command" piped to a shell, -ff one file per thread) and
 * the --record file.
 */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ingest/recording.h"
#include "print/outfiles.h"
#include "session/internal.h"
#include "session/session.h"

/* -o "|cmd" or "!cmd": the trace goes to "sh -c cmd" through a pipe, as under strace. */
static int open_pipe(struct sr_session *s, const char *cmd)
{
	int fds[2], err;
	pid_t pid;

	if (pipe2(fds, O_CLOEXEC))
		return -errno;
	pid = fork();
	if (pid < 0) {
		err = -errno;
		close(fds[0]);
		close(fds[1]);
		return err;
	}
	if (pid == 0) {
		/* the command reads the trace on its stdin; it keeps sysray's stdout/stderr */
		signal(SIGPIPE, SIG_DFL);
		if (dup2(fds[0], STDIN_FILENO) < 0)
			_exit(127);
		execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
		_exit(127);
	}
	close(fds[0]);
	s->pipe_pid = pid;
	err = out__init_fd(&s->out, fds[1]);
	if (err) {
		close(fds[1]);
		return err;
	}
	s->out.owns_fd = true;
	/* strace line-buffers a pipe: the command sees each line when it is complete */
	s->out.line_buffered = true;
	return 0;
}

/* -ff: files FILE.TID, opened as threads print; the directory must be writable now. */
static int open_separately(struct sr_session *s)
{
	const char *prefix = s->opts.outfile;
	char dir[PATH_MAX];
	int err;

	if (strlen(prefix) >= PATH_MAX - 16)
		return -ENAMETOOLONG;
	snprintf(dir, sizeof(dir), "%s", prefix);
	if (access(dirname(dir), W_OK))
		return -errno;
	s->files = outfiles__new(prefix, s->opts.append, s->opts.hexstr, 0);
	if (!s->files)
		return -ENOMEM;
	/* nothing is written to the shared output; stderr keeps it harmless */
	err = out__init_fd(&s->out, STDERR_FILENO);
	return err;
}

int output__open(struct sr_session *s)
{
	const char *f = s->opts.outfile;
	int err;

	if (!f)
		return out__init_fd(&s->out, STDERR_FILENO);
	if (s->opts.output_separately)
		err = open_separately(s);
	else if (f[0] == '|' || f[0] == '!')
		err = open_pipe(s, f + 1);
	else
		err = out__open_mode(&s->out, f, s->opts.append, 0);
	if (err)
		fprintf(stderr, "sysray: cannot write to '%s%s': %s; choose another -o file\n", f,
			s->opts.output_separately ? ".PID" : "", strerror(-err));
	return err;
}

int output__flush(struct sr_session *s)
{
	int err = out__flush(&s->out);

	if (s->files && !err)
		err = outfiles__flush(s->files);
	return err;
}

int output__err(const struct sr_session *s)
{
	if (s->out.err)
		return s->out.err;
	return s->files ? outfiles__err(s->files) : 0;
}

int output__close(struct sr_session *s)
{
	int err = out__close(&s->out);

	outfiles__free(s->files);
	s->files = NULL;
	/* the piped command reads to the end of the trace, then exits: wait for it */
	if (s->pipe_pid > 0) {
		while (waitpid(s->pipe_pid, NULL, 0) < 0 && errno == EINTR)
			;
		s->pipe_pid = 0;
	}
	return err;
}

int output__open_recording(struct sr_session *s)
{
	int err = out__open(&s->rec, s->opts.record);

	if (err) {
		fprintf(stderr, "sysray: cannot write to '%s': %s; choose another --record file\n",
			s->opts.record, strerror(-err));
		return err;
	}
	/* records are binary: one write per full buffer, not per line */
	s->rec.line_buffered = false;
	record__begin(&s->rec);
	return 0;
}
