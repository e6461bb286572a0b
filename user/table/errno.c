// SPDX-License-Identifier: GPL-2.0
/* Errno names and texts, from a table generated from the headers (errno_names.h). */
#include <stdio.h>
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

/* Errors are -4095..-1 (include/linux/err.h). */
#define ERRNO_MAX 4095

/*
 * strerror()'s text for a value glibc does not know ("Unknown error 3000")
 * lives in a buffer the next such call frees: a caller holding one text
 * while another is looked up would read freed memory. So each value's
 * text is copied once and kept (at most ERRNO_MAX small strings).
 */
static const char *kept_strerror(int err)
{
	static char *kept[ERRNO_MAX + 1];
	static char other[32];

	if (err > 0 && err <= ERRNO_MAX) {
		if (!kept[err])
			kept[err] = strdup(strerror(err));
		if (kept[err])
			return kept[err];
	}
	/* out of range, or no memory: valid until the next such value */
	snprintf(other, sizeof(other), "Unknown error %d", err);
	return other;
}

const char *errno__text(int err)
{
	const struct sr_errname *e = errname(err);

	return e && e->text ? e->text : kept_strerror(err);
}

bool errno__is_restart(int err)
{
	return err == SR_ERESTARTSYS || err == SR_ERESTARTNOINTR || err == SR_ERESTARTNOHAND ||
	       err == SR_ERESTART_RESTARTBLOCK;
}
