// SPDX-License-Identifier: GPL-2.0
/*
 * Which netlink protocol a socket speaks, for the netlink decoders: strace
 * asks the socket itself (sock_diag) before it decodes a message. The fd
 * tables know sockets made while they watched (-y); otherwise /proc tells,
 * while the process and its socket are still there: the inode of
 * /proc/PID/fd/FD, looked up in /proc/PID/net/netlink.
 *
 * A call prints after it returned, often after a short-lived process has
 * exited and /proc can no longer tell. So the last answers are kept, by
 * process and fd, and used when /proc has none, and each socket's answer is
 * kept by inode so /proc/PID/net/netlink is read once per socket: process-
 * wide caches (state of this file, not of a session: an answer about a pid
 * and fd, or an inode, is the same for every reader).
 */
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "call/call.h"
#include "fd/model.h"
#include "table/syscalls.h"

/* The inode of socket @fd of process @tgid, or 0 when it is not a socket. */
static uint64_t proc_sock_ino(uint32_t tgid, int fd)
{
	char path[64], link[64];
	ssize_t n;

	snprintf(path, sizeof(path), "/proc/%" PRIu32 "/fd/%d", tgid, fd);
	n = readlink(path, link, sizeof(link) - 1);
	if (n <= 0)
		return 0;
	link[n] = '\0';
	if (strncmp(link, "socket:[", 8))
		return 0;
	return strtoull(link + 8, NULL, 10);
}

/* The protocol of netlink socket @ino in @tgid's network namespace, or SR_NL_NONE. */
static int proc_netlink_proto(uint32_t tgid, uint64_t ino)
{
	char path[64], line[256];
	int proto = SR_NL_NONE;
	FILE *fp;

	snprintf(path, sizeof(path), "/proc/%" PRIu32 "/net/netlink", tgid);
	fp = fopen(path, "re");
	if (!fp)
		return SR_NL_NONE;
	/* sk Eth Pid Groups Rmem Wmem Dump Locks Drops Inode */
	while (fgets(line, sizeof(line), fp)) {
		unsigned long long sk, inode;
		int eth;

		if (sscanf(line, "%llx %d %*s %*s %*s %*s %*s %*s %*s %llu", &sk, &eth, &inode) !=
		    3)
			continue;
		if (inode == ino) {
			proto = eth;
			break;
		}
	}
	fclose(fp);
	return proto;
}

#define NL_CACHE 64

static struct nl_seen {
	uint32_t tgid;
	int32_t fd;
	int32_t proto;
	bool used;
} nl_cache[NL_CACHE];
static unsigned int nl_next;

static int cache_get(uint32_t tgid, int fd)
{
	unsigned int i;

	for (i = 0; i < NL_CACHE; i++)
		if (nl_cache[i].used && nl_cache[i].tgid == tgid && nl_cache[i].fd == fd)
			return nl_cache[i].proto;
	return SR_NL_NONE;
}

static void cache_put(uint32_t tgid, int fd, int proto)
{
	unsigned int i;

	for (i = 0; i < NL_CACHE; i++)
		if (nl_cache[i].used && nl_cache[i].tgid == tgid && nl_cache[i].fd == fd)
			break;
	if (i == NL_CACHE)
		i = nl_next++ % NL_CACHE;
	nl_cache[i] = (struct nl_seen){ tgid, fd, proto, true };
}

/*
 * The protocol of socket @ino, netlink or not (SR_NL_NONE): read from
 * /proc/PID/net/netlink once per socket, not once per line that prints
 * a send or receive on it (a socket's inode number is not reused while
 * sockfs's counter has not wrapped).
 */
#define INO_CACHE 256

static struct ino_seen {
	uint64_t ino;
	int32_t proto;
} ino_cache[INO_CACHE];

static int ino_proto(uint32_t tgid, uint64_t ino)
{
	struct ino_seen *e = &ino_cache[ino % INO_CACHE];

	if (e->ino != ino) {
		e->proto = proc_netlink_proto(tgid, ino);
		e->ino = ino;
	}
	return e->proto;
}

/* What /proc says of @fd now, or the last answer it gave. */
static int proc_lookup(uint32_t tgid, int fd)
{
	uint64_t ino = proc_sock_ino(tgid, fd);
	int proto;

	if (!ino)
		return cache_get(tgid, fd);
	proto = ino_proto(tgid, ino);
	cache_put(tgid, fd, proto);
	return proto;
}

/*
 * What the kernel side read of the call's socket at entry (SR_HOW_SOCK on
 * argument 0): true with *@proto set when it did.
 */
static bool entry_sockid(const struct sr_call *c, int fd, int *proto)
{
	const struct sr_blob *b = c->in[0];
	struct sr_sockid id;

	if (c->ent->nargs < 1 || c->ent->args[0].type != SR_T_FD || (int32_t)c->args[0] != fd ||
	    !blob_get(b, sizeof(id)) || b->len != sizeof(id))
		return false;
	memcpy(&id, blob_data(b), sizeof(id));
	if (!id.family)
		return false; /* not a socket then: a bad fd, or closed since */
	*proto = id.family == AF_NETLINK ? id.protocol : SR_NL_NONE;
	return true;
}

int fdtab__netlink_proto(const struct sr_fdtab *t, const struct sr_call *c, int fd)
{
	const struct fdt_proc *p = t && c ? fdt__proc_known(t, c->tgid) : NULL;
	const struct fdf_file *f = p && fd >= 0 ? fdt__file_at(p, fd) : NULL;
	int proto;

	if (c && entry_sockid(c, fd, &proto))
		return proto;
	if (f && f->kind != FDF_SOCKET)
		return SR_NL_NONE;
	if (f && f->sk && (f->flags & FDF_SK_KNOWN))
		return f->sk->family == AF_NETLINK ? f->sk->protocol : SR_NL_NONE;
	if (!c || fd < 0)
		return SR_NL_NONE;
	if (!f || !f->ino)
		return proc_lookup(c->tgid, fd);
	return ino_proto(c->tgid, f->ino);
}
