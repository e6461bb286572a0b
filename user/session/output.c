// SPDX-License-Identifier: GPL-2.0
/* Where a session writes: the trace (-o or stderr) and the --record file. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "ingest/recording.h"
#include "session/internal.h"
#include "session/session.h"

int output__open(struct sr_session *s)
{
	int err;

	if (!s->opts.outfile)
		return out__init_fd(&s->out, STDERR_FILENO);
	err = out__open(&s->out, s->opts.outfile);
	if (err)
		fprintf(stderr, "sysray: cannot write to '%s': %s; choose another -o file\n",
			s->opts.outfile, strerror(-err));
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
