// SPDX-License-Identifier: GPL-2.0
/* Which syscalls -e read= and -e write= dump, from the table's argument types. */
#include "cli/opts.h"
#include "decode/decode.h"
#include "table/dumpio.h"
#include "table/syscalls.h"

enum sr_dumpio syscalls__dumpio(const struct sr_sysent *e, enum sr_dumpform *form)
{
	const struct sr_argdesc *a = &e->args[1];

	*form = SR_DUMPF_BUF;
	if (e->raw || e->nargs < 2 || e->args[0].type != SR_T_FD)
		return SR_DUMP_NONE;
	switch (a->type) {
	case SR_T_BUF_IN:
		return SR_DUMP_WRITE;
	case SR_T_BUF_OUT:
		return SR_DUMP_READ;
	case SR_T_IOV_IN:
		*form = SR_DUMPF_IOV;
		return SR_DUMP_WRITE;
	case SR_T_IOV_OUT:
		*form = SR_DUMPF_IOV;
		return SR_DUMP_READ;
	case SR_T_CUSTOM:
		*form = SR_DUMPF_MSG;
		if (a->dec == &sr_dec_msghdr_in)
			return SR_DUMP_WRITE;
		if (a->dec == &sr_dec_msghdr_out)
			return SR_DUMP_READ;
		*form = SR_DUMPF_MMSG;
		if (a->dec == &sr_dec_mmsghdr_in)
			return SR_DUMP_WRITE;
		if (a->dec == &sr_dec_mmsghdr_out)
			return SR_DUMP_READ;
		return SR_DUMP_NONE;
	default:
		return SR_DUMP_NONE;
	}
}

void syscalls__plan_dumpio(const struct sr_sysent *e, const struct sr_opts *o, struct sr_plan *p)
{
	enum sr_dumpform form;

	/* the buffers' cap: for a msghdr, each of its iovec buffers' */
	switch (syscalls__dumpio(e, &form)) {
	case SR_DUMP_WRITE:
		if (!o->write_fds.used)
			return;
		break;
	case SR_DUMP_READ:
		if (!o->read_fds.used)
			return;
		break;
	default:
		return;
	}
	/* the whole buffer, up to SR_MORE_MAX: past one blob, in SR_REC_MORE records */
	p->a[1].cap = SR_CAP_WHOLE;
	/*
	 * A buffer read whole for its dump may end a page before its length:
	 * the bytes up to the page show as the line's string, as strace reads
	 * only -s of them (the dump, which strace cannot read, is left out).
	 */
	if (form == SR_DUMPF_BUF)
		p->a[1].when |= SR_CAP_PART;
}
