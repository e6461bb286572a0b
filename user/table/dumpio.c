// SPDX-License-Identifier: GPL-2.0
/* Which syscalls -e read= and -e write= dump, from the table's argument types. */
#include "cli/opts.h"
#include "table/dumpio.h"
#include "table/syscalls.h"

enum sr_dumpio syscalls__dumpio(const struct sr_sysent *e, bool *iov)
{
	uint8_t t;

	*iov = false;
	if (e->raw || e->nargs < 2 || e->args[0].type != SR_T_FD)
		return SR_DUMP_NONE;
	t = e->args[1].type;
	*iov = t == SR_T_IOV_IN || t == SR_T_IOV_OUT;
	if (t == SR_T_BUF_IN || t == SR_T_IOV_IN)
		return SR_DUMP_WRITE;
	if (t == SR_T_BUF_OUT || t == SR_T_IOV_OUT)
		return SR_DUMP_READ;
	*iov = false;
	return SR_DUMP_NONE;
}

void syscalls__plan_dumpio(const struct sr_sysent *e, const struct sr_opts *o, struct sr_plan *p)
{
	bool iov;

	switch (syscalls__dumpio(e, &iov)) {
	case SR_DUMP_WRITE:
		if (o->write_fds.used)
			p->a[1].cap = SR_BLOB_MAX;
		break;
	case SR_DUMP_READ:
		if (o->read_fds.used)
			p->a[1].cap = SR_BLOB_MAX;
		break;
	default:
		break;
	}
}
