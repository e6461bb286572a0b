// SPDX-License-Identifier: GPL-2.0
/* Decoders: epoll's struct epoll_event (epoll_ctl, epoll_wait and epoll_pwait*). */
#include <string.h>
#include <linux/eventpoll.h>

#include "decode/decode.h"

/* The UAPI struct is packed on x86_64 only (EPOLL_PACKED): data follows events there. */
#define SR_EPOLL_DATA_OFF offsetof(struct epoll_event, data)
_Static_assert(sizeof(struct epoll_event) == SR_EPOLL_DATA_OFF + sizeof(uint64_t), "epoll_event");

/* "{events=EPOLLIN, data={u32=42, u64=42}}" */
static void epoll_event_print(struct sr_fmt *f, const struct sr_call *c, int argi, const void *data,
			      size_t len)
{
	uint64_t d = get64(data, SR_EPOLL_DATA_OFF);

	pr_struct_begin(f);
	pr_field(f, "events");
	fmt_flags(f, &xlat_epoll_events, get32(data, offsetof(struct epoll_event, events)));
	pr_field(f, "data");
	pr_struct_begin(f);
	pr_field_u(f, "u32", (uint32_t)d);
	pr_field_u(f, "u64", d);
	pr_struct_end(f);
	pr_struct_end(f);
}

const struct sr_kind sr_kind_epoll_event = {
	.name = "epoll_event",
	.same32 = true, /* fixed-width fields */
	.size = sizeof(struct epoll_event),
	.print = epoll_event_print,
};

/*
 * epoll_ctl's event (argument 3): EPOLL_CTL_DEL (argument 1) ignores it,
 * and strace shows only its address.
 */
static void epoll_ctl_event_print(struct sr_fmt *f, const struct sr_call *c, int argi,
				  const void *data, size_t len)
{
	if (c && (uint32_t)c->args[1] == EPOLL_CTL_DEL) {
		fmt_ptr(f, c->args[argi]);
		return;
	}
	epoll_event_print(f, c, argi, data, len);
}

const struct sr_kind sr_kind_epoll_ctl_event = {
	.name = "epoll_ctl_event",
	.same32 = true, /* fixed-width fields */
	.size = sizeof(struct epoll_event),
	.print = epoll_ctl_event_print,
};
