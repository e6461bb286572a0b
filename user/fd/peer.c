// SPDX-License-Identifier: GPL-2.0
/*
 * --peer: the process at the other end of a socket, and its name. Worked
 * out when a line is about to print (fdtab__prepare()), once per socket
 * state, asking process and set of processes; the annotation only reads it.
 */
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include "fd/model.h"

static bool loopback(const struct fdf_sock *sk, const uint8_t *a)
{
	static const uint8_t v6one[16] = { [15] = 1 };
	static const uint8_t mapped[12] = { [10] = 0xff, [11] = 0xff };

	if (sk->family == AF_INET)
		return a[0] == 127;
	return !memcmp(a, v6one, 16) || (!memcmp(a, mapped, 12) && a[12] == 127);
}

/* The traced socket at the other end of a loopback TCP connection. */
static const struct fdf_file *tcp_peer(const struct sr_fdtab *t, const struct fdf_file *f)
{
	const struct fdf_sock *sk = f->sk, *g;
	const struct fdf_file *x;
	size_t it = 0;

	while ((x = idmap__next(&t->socks, &it, NULL))) {
		g = x->sk;
		if (x == f || !(x->flags & FDF_SK_KNOWN) || g->family != sk->family ||
		    g->protocol != IPPROTO_TCP)
			continue;
		if (g->lport == sk->rport && g->rport == sk->lport &&
		    !memcmp(g->laddr, sk->raddr, 16) && !memcmp(g->raddr, sk->laddr, 16))
			return x;
	}
	return NULL;
}

/* Who holds the socket with inode @ino: a traced process, else /proc says. */
static uint32_t sock_holder(const struct sr_fdtab *t, uint64_t ino)
{
	const struct fdf_file *x = idmap__get(&t->socks, ino);

	if (x && x->owner)
		return x->owner;
	return fdproc__sock_owner(t, ino);
}

/*
 * The other end of a unix socket, seen from @asker: a traced process
 * holding the peer socket, the one that connected (SO_PEERCRED) if it does;
 * not @asker itself, which after a socketpair and a fork holds both ends
 * and is named by SO_PEERCRED. Else SO_PEERCRED, else /proc.
 */
static uint32_t unix_peer(const struct sr_fdtab *t, const struct fdf_sock *sk, uint32_t asker)
{
	const struct fdf_file *x = sk->peer_ino ? idmap__get(&t->socks, sk->peer_ino) : NULL;
	uint32_t pid = x ? fdt__holder(t, x, asker, sk->peer_pid) : 0;

	if (pid)
		return pid;
	if (sk->peer_pid)
		return sk->peer_pid;
	return sk->peer_ino ? sock_holder(t, sk->peer_ino) : 0;
}

static uint32_t find_peer(const struct sr_fdtab *t, const struct fdf_file *f, uint32_t asker)
{
	const struct fdf_sock *sk = f->sk;
	const struct fdf_file *x;
	uint64_t ino;

	if (sk->family == AF_UNIX)
		return unix_peer(t, sk, asker);
	if ((sk->family != AF_INET && sk->family != AF_INET6) || sk->protocol != IPPROTO_TCP ||
	    !sk->rport || !loopback(sk, sk->raddr))
		return 0;
	x = tcp_peer(t, f);
	if (x)
		return x->owner;
	ino = fdproc__tcp_ino(t, f->owner, sk);
	return ino ? fdproc__sock_owner(t, ino) : 0;
}

bool peer__current(const struct sr_fdtab *t, const struct fdf_file *f, uint32_t asker)
{
	return (f->flags & FDF_PEER_DONE) && f->sk->peer_asker == asker &&
	       f->sk->peer_gen == t->holders_gen;
}

void peer__resolve(struct sr_fdtab *t, struct fdf_file *f, uint32_t asker, sr_fd_comm_fn comm,
		   void *ctx)
{
	struct fdf_sock *sk = f->sk;
	const char *name = NULL;

	if (!t->peer || !sk || !(f->flags & FDF_SK_KNOWN) || peer__current(t, f, asker))
		return;
	f->flags |= FDF_PEER_DONE;
	sk->peer_asker = asker;
	sk->peer_gen = t->holders_gen;
	sk->peer_found = find_peer(t, f, asker);
	sk->peer_comm[0] = '\0';
	if (sk->peer_found && comm)
		name = comm(ctx, sk->peer_found);
	if (name)
		snprintf(sk->peer_comm, sizeof(sk->peer_comm), "%.15s", name);
	else if (sk->peer_found)
		fdproc__comm(t, sk->peer_found, sk->peer_comm);
}
