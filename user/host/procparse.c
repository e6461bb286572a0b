// SPDX-License-Identifier: GPL-2.0
/* Parsers of /proc text and sock_diag answers, from buffers: see procparse.h. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/sock_diag.h>
#include <linux/unix_diag.h>

#include "host/procparse.h"

long procparse__status(const char *text, size_t len, const char *key, int base)
{
	size_t klen = strlen(key), pos = 0;

	while (pos < len) {
		const char *line = text + pos, *nl = memchr(line, '\n', len - pos);
		size_t n = nl ? (size_t)(nl - line) : len - pos;
		char val[64];

		pos += n + 1;
		if (n <= klen || memcmp(line, key, klen) || line[klen] != ':')
			continue;
		n -= klen + 1;
		if (n >= sizeof(val))
			n = sizeof(val) - 1;
		memcpy(val, line + klen + 1, n);
		val[n] = '\0';
		return strtol(val, NULL, base);
	}
	return -ENOENT;
}

bool procparse__stat_gone(const char *text)
{
	const char *paren = strrchr(text, ')'), *p;
	long threads = 0;
	int field;

	if (!paren || paren[1] != ' ' || (paren[2] != 'Z' && paren[2] != 'X'))
		return false;
	/*
	 * A leader that called exit() while its other threads run on is a
	 * zombie too: the process is gone only when no thread is left (field
	 * 20, num_threads, counts the zombie leader itself until then).
	 */
	for (p = paren + 2, field = 3; p && field < 20; field++) {
		p = strchr(p, ' ');
		if (p)
			p++;
	}
	if (p)
		threads = strtol(p, NULL, 10);
	return threads <= 1;
}

/* A /proc/net address, "0100007F" or 32 digits for IPv6: to network-order bytes. */
static bool net_addr(const char *hex, uint8_t *out)
{
	size_t len = strlen(hex), i;
	char word[9];

	if (len != 8 && len != 32)
		return false;
	memset(out, 0, 16);
	for (i = 0; i < len / 8; i++) {
		uint32_t v;

		memcpy(word, hex + 8 * i, 8);
		word[8] = '\0';
		/* the kernel prints each 32-bit word as a host-order number */
		v = (uint32_t)strtoul(word, NULL, 16);
		memcpy(out + 4 * i, &v, 4);
	}
	return true;
}

bool procparse__inet_row(const char *line, struct sr_inet_row *r)
{
	char la[40], ra[40];

	if (sscanf(line, " %*d: %39[0-9A-Fa-f]:%x %39[0-9A-Fa-f]:%x %x %*s %*s %*s %*s %*s %llu",
		   la, &r->lport, ra, &r->rport, &r->state, &r->ino) != 6)
		return false;
	return net_addr(la, r->laddr) && net_addr(ra, r->raddr);
}

bool procparse__netlink_row(const char *line, struct sr_netlink_row *r)
{
	return sscanf(line, "%*x %u %u %*x %*d %*d %*d %*d %*d %llu", &r->protocol, &r->portid,
		      &r->ino) == 3;
}

void procparse__fdinfo_line(const char *line, struct sr_fdinfo_text *fi)
{
	if (sscanf(line, "Pid: %d", &fi->pid) == 1)
		fi->has_pid = true;
	else if (sscanf(line, "tty-index: %d", &fi->tty_index) == 1)
		fi->has_tty_index = true;
	else
		sscanf(line, "flags: %lo", &fi->flags);
}

bool procparse__unix_diag(const void *buf, size_t len, uint64_t ino, struct sr_unix_diag *d)
{
	const struct nlmsghdr *h = buf;
	const struct unix_diag_msg *m;
	const struct rtattr *a;
	int alen;

	memset(d, 0, sizeof(*d));
	if (len < NLMSG_LENGTH(sizeof(*m)) || len > INT32_MAX || !NLMSG_OK(h, (unsigned int)len) ||
	    h->nlmsg_type != SOCK_DIAG_BY_FAMILY || h->nlmsg_len < NLMSG_LENGTH(sizeof(*m)))
		return false;
	m = NLMSG_DATA(h);
	if (m->udiag_ino != ino)
		return false;
	d->type = m->udiag_type;
	alen = h->nlmsg_len - NLMSG_LENGTH(sizeof(*m));
	for (a = (const struct rtattr *)(m + 1); RTA_OK(a, alen); a = RTA_NEXT(a, alen)) {
		if (a->rta_type == UNIX_DIAG_PEER && RTA_PAYLOAD(a) >= sizeof(uint32_t)) {
			uint32_t peer;

			memcpy(&peer, RTA_DATA(a), sizeof(peer));
			d->peer_ino = peer;
		} else if (a->rta_type == UNIX_DIAG_NAME && !d->namelen) {
			d->name = RTA_DATA(a);
			d->namelen = RTA_PAYLOAD(a);
		}
	}
	return true;
}
