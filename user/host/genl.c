// SPDX-License-Identifier: GPL-2.0
/*
 * Generic netlink family names: one CTRL_CMD_GETFAMILY request for the id,
 * its reply's CTRL_ATTR_FAMILY_NAME, on a socket of its own. Nothing is
 * kept: a family may come and go as modules load.
 */
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include <linux/genetlink.h>
#include <linux/netlink.h>

#include "host/genl.h"

/* The request: a header, the controller's command, the id attribute. */
struct genl_req {
	struct nlmsghdr h;
	struct genlmsghdr g;
	struct nlattr a;
	uint16_t id;
	uint16_t pad;
};

/* CTRL_ATTR_FAMILY_NAME in the @len bytes of a reply's attributes at @p. */
static int genl_name(const uint8_t *p, size_t len, char *buf, size_t size)
{
	while (len >= NLA_HDRLEN) {
		struct nlattr a;
		size_t step;

		memcpy(&a, p, sizeof(a));
		if (a.nla_len < NLA_HDRLEN || a.nla_len > len)
			break;
		if ((a.nla_type & NLA_TYPE_MASK) == CTRL_ATTR_FAMILY_NAME) {
			size_t n = strnlen((const char *)p + NLA_HDRLEN, a.nla_len - NLA_HDRLEN);

			if (!n || n >= size)
				break;
			memcpy(buf, p + NLA_HDRLEN, n);
			buf[n] = '\0';
			return 0;
		}
		step = NLA_ALIGN((size_t)a.nla_len);
		if (step >= len)
			break;
		p += step;
		len -= step;
	}
	return -ENOENT;
}

/* Send the request for @id on @fd and read the reply into @buf. */
static int genl_ask(int fd, uint16_t id, char *buf, size_t size)
{
	struct genl_req req = {
		.h = { sizeof(req), GENL_ID_CTRL, NLM_F_REQUEST, 1, 0 },
		.g = { .cmd = CTRL_CMD_GETFAMILY, .version = 1 },
		.a = { NLA_HDRLEN + sizeof(uint16_t), CTRL_ATTR_FAMILY_ID },
		.id = id,
	};
	uint8_t rep[4096];
	struct nlmsghdr h;
	ssize_t n;

	if (send(fd, &req, sizeof(req), 0) < 0)
		return -errno;
	n = recv(fd, rep, sizeof(rep), 0);
	if (n < 0)
		return -errno;
	if ((size_t)n < NLMSG_HDRLEN + GENL_HDRLEN)
		return -ENOENT;
	memcpy(&h, rep, sizeof(h));
	if (h.nlmsg_type != GENL_ID_CTRL || h.nlmsg_len > (size_t)n ||
	    h.nlmsg_len < NLMSG_HDRLEN + GENL_HDRLEN)
		return -ENOENT;
	return genl_name(rep + NLMSG_HDRLEN + GENL_HDRLEN, h.nlmsg_len - NLMSG_HDRLEN - GENL_HDRLEN,
			 buf, size);
}

int genl__family_name(uint16_t id, char *buf, size_t size)
{
	int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_GENERIC);
	int err;

	if (fd < 0)
		return -errno;
	err = genl_ask(fd, id, buf, size);
	close(fd);
	return err;
}
