// SPDX-License-Identifier: GPL-2.0
/*
 * Decoders: NETLINK_KOBJECT_UEVENT messages. The kernel sends strings
 * ("change@/devices/..."); udev forwards events with a header of its own,
 * which strace 6.1 decodes when its prefix and magic are udev's.
 */
#include <string.h>
#include <arpa/inet.h>

#include "decode/netlink.h"

/*
 * libudev's struct udev_monitor_netlink_header (src/libudev/
 * libudev-monitor.c, not a kernel UAPI header): the fields in host order
 * but the magic and the hashes, which udev writes in network order.
 */
struct udev_nl_header {
	char prefix[8]; /* "libudev" */
	uint32_t magic; /* htonl(UDEV_NL_MAGIC) */
	uint32_t header_size;
	uint32_t properties_off;
	uint32_t properties_len;
	uint32_t filter_subsystem_hash;
	uint32_t filter_devtype_hash;
	uint32_t filter_tag_bloom_hi;
	uint32_t filter_tag_bloom_lo;
};
_Static_assert(sizeof(struct udev_nl_header) == 40, "libudev's header is 40 bytes");

/* libudev's UDEV_MONITOR_MAGIC */
#define UDEV_NL_MAGIC 0xfeedcafe

static void htonl_field(struct sr_fmt *f, const char *name, uint32_t be)
{
	pr_field(f, name);
	pr_call_begin(f, "htonl");
	pr_x(f, ntohl(be));
	pr_call_end(f);
}

void nl_uevent(const struct nl_ctx *x, uint64_t len)
{
	struct sr_fmt *f = x->f;
	const struct udev_nl_header *p = nl_at(x, 0, sizeof(*p));
	struct udev_nl_header h;

	if (len < sizeof(h) || !p) {
		nl_str(x, 0, len);
		return;
	}
	memcpy(&h, p, sizeof(h));
	if (memcmp(h.prefix, "libudev", sizeof("libudev")) || ntohl(h.magic) != UDEV_NL_MAGIC) {
		nl_str(x, 0, len);
		return;
	}
	if (len > sizeof(h))
		pr_array_begin(f);
	pr_struct_begin(f);
	pr_field(f, "prefix");
	pr_str(f, h.prefix, strnlen(h.prefix, sizeof(h.prefix)), sizeof(h.prefix), 0);
	htonl_field(f, "magic", h.magic);
	pr_field_u(f, "header_size", h.header_size);
	pr_field_u(f, "properties_off", h.properties_off);
	pr_field_u(f, "properties_len", h.properties_len);
	htonl_field(f, "filter_subsystem_hash", h.filter_subsystem_hash);
	htonl_field(f, "filter_devtype_hash", h.filter_devtype_hash);
	htonl_field(f, "filter_tag_bloom_hi", h.filter_tag_bloom_hi);
	htonl_field(f, "filter_tag_bloom_lo", h.filter_tag_bloom_lo);
	pr_struct_end(f);
	if (len > sizeof(h)) {
		nl_str(x, sizeof(h), len - sizeof(h));
		pr_array_end(f);
	}
}
