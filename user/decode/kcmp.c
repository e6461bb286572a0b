// SPDX-License-Identifier: GPL-2.0
/*
 * Decoders: kcmp. Its type says what the two indexes are: fds of each
 * process (KCMP_FILE), an fd and a struct kcmp_epoll_slot (KCMP_EPOLL_TFD),
 * nothing (the other known types), or unknown numbers printed in hex.
 */
#include <string.h>
#include <linux/kcmp.h>

#include "decode/decode.h"

/* An fd of process @pid: annotated (-y) when it is the caller's own. */
static void kcmp_fd(struct sr_fmt *f, const struct sr_call *c, int32_t pid, int fd)
{
	if ((uint32_t)pid == c->tgid)
		fmt_fd(f, c, fd);
	else
		pr_d(f, fd);
}

static void slot_print(struct sr_fmt *f, const struct sr_call *c, int argi, const void *data,
		       size_t len)
{
	struct kcmp_epoll_slot s;
	int32_t pid2 = (int32_t)c->args[1];

	(void)argi;
	if (len < sizeof(s)) {
		pr_x(f, c->args[argi]);
		return;
	}
	memcpy(&s, data, sizeof(s));
	pr_struct_begin(f);
	pr_field(f, "efd");
	kcmp_fd(f, c, pid2, (int)s.efd);
	pr_field(f, "tfd");
	kcmp_fd(f, c, pid2, (int)s.tfd);
	pr_field_u(f, "toff", s.toff);
	pr_struct_end(f);
}

const struct sr_kind sr_kind_kcmp_epoll_slot = {
	.name = "kcmp_epoll_slot",
	.size = sizeof(struct kcmp_epoll_slot),
	.print = slot_print,
};

/* SCX(kcmp, ..., pid1, pid2, type, idx1, idx2). */
static void kcmp_enter(struct sr_fmt *f, const struct sr_call *c)
{
	int32_t pid1 = (int32_t)c->args[0], pid2 = (int32_t)c->args[1];
	uint32_t type = (uint32_t)c->args[2];

	fmt_arg(f, c, 0);
	fmt_pid(f, pid1);
	fmt_arg(f, c, 1);
	fmt_pid(f, pid2);
	fmt_arg(f, c, 2);
	fmt_enum(f, &xlat_kcmp_types, type);
	switch (type) {
	case KCMP_FILE:
		fmt_arg(f, c, 3);
		kcmp_fd(f, c, pid1, (int)c->args[3]);
		fmt_arg(f, c, 4);
		kcmp_fd(f, c, pid2, (int)c->args[4]);
		break;
	case KCMP_EPOLL_TFD:
		fmt_arg(f, c, 3);
		kcmp_fd(f, c, pid1, (int)c->args[3]);
		fmt_arg(f, c, 4);
		fmt_struct(f, c, 4, false);
		break;
	default:
		if (xlat__name(&xlat_kcmp_types, type))
			break;
		fmt_arg(f, c, 3);
		pr_x(f, c->args[3]);
		fmt_arg(f, c, 4);
		pr_x(f, c->args[4]);
		break;
	}
}

const struct sr_scdec sr_scdec_kcmp = {
	.name = "kcmp",
	.enter = kcmp_enter,
};
