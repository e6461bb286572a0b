// SPDX-License-Identifier: GPL-2.0
/* Errno names and texts, from a table generated from the headers (errno_names.h). */
#include <string.h>

#include "table/errno.h"

/* Indexed by errno value; a hole (name NULL) is a value with no name. */
struct sr_errname {
	const char *name;
	const char *text; /* NULL: strerror() */
};

#include "errno_names.h"

static const struct sr_errname *errname(int err)
{
	if (err <= 0 || (size_t)err >= sizeof(sr_errnames) / sizeof(sr_errnames[0]) ||
	    !sr_errnames[err].name)
		return NULL;
	return &sr_errnames[err];
}

const char *errno__name(int err)
{
	const struct sr_errname *e = errname(err);

	return e ? e->name : NULL;
}

const char *errno__text(int err)
{
	const struct sr_errname *e = errname(err);

	return e && e->text ? e->text : strerror(err);
}

bool errno__is_restart(int err)
{
	return err == SR_ERESTARTSYS || err == SR_ERESTARTNOINTR || err == SR_ERESTARTNOHAND ||
	       err == SR_ERESTART_RESTARTBLOCK;
}
