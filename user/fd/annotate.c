// SPDX-License-Identifier: GPL-2.0
/*
 * Annotations, as strace 6.1 prints them after an fd:
 *
 *   -y    3</etc/passwd>  3</tmp/x>(deleted)  3<pipe:[1234]>  3<socket:[5678]>
 *         3<anon_inode:[eventfd]>  3<net:[4026531840]>
 *   -yy   3</dev/null<char 1:3>>  3<TCP:[127.0.0.1:40000->127.0.0.1:5432]>
 *         3<TCPv6:[[::1]:5432]>  3<UDP:[1234]>  3<UNIX-STREAM:[5678->5679,"/run/x"]>
 *         3<NETLINK:[ROUTE:4242]>  3<pid:4242>
 *
 * Socket details are what strace gets from sock_diag: a protocol it does
 * not know prints "socket:[ino]", a socket sock_diag does not list (an
 * unbound UDP socket) prints "UDP:[ino]". --peer appends " peer=PID(comm)".
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <netinet/in.h>
#include <netinet/tcp.h>

#include "decode/decode.h"
#include "fd/fdtab_impl.h"
#include "print/out.h"

void fdfmt__escaped(struct sr_out *o, const char *s, size_t len)
{
	size_t i, run = 0;

	for (i = 0; i < len; i++) {
		unsigned char c = s[i];

		if (c != '<' && c != '>')
			continue;
		out__escaped(o, s + run, i - run);
		/* octal, three digits when a digit follows (strace's rule) */
		out__putc(o, '\\');
		if (i + 1 < len && s[i + 1] >= '0' && s[i + 1] <= '7')
			out__putc(o, '0');
		out__putc(o, '0' + (c >> 3));
		out__putc(o, '0' + (c & 7));
		run = i + 1;
	}
	out__escaped(o, s + run, len - run);
}

const char *fdfmt__proto(const struct fdf_sock *sk)
{
	bool v6 = sk->family == AF_INET6;

	switch (sk->family) {
	case AF_UNIX:
		return sk->type == SOCK_STREAM ? "UNIX-STREAM" : "UNIX";
	case AF_NETLINK:
		return "NETLINK";
	case AF_INET:
	case AF_INET6:
		break;
	default:
		return sk->proto[0] ? sk->proto : NULL;
	}
	switch (sk->protocol) {
	case IPPROTO_TCP:
		return sk->type == SOCK_STREAM ? (v6 ? "TCPv6" : "TCP") : NULL;
	case IPPROTO_UDP:
		return v6 ? "UDPv6" : "UDP";
	case IPPROTO_UDPLITE:
		return v6 ? "UDPLITEv6" : NULL; /* the kernel calls v4 "UDP-Lite" */
	case IPPROTO_ICMP:
	case IPPROTO_ICMPV6:
		return sk->type == SOCK_DGRAM ? (v6 ? "PINGv6" : "PING") : (v6 ? "RAWv6" : "RAW");
	case IPPROTO_SCTP:
		return v6 ? "SCTPv6" : "SCTP";
	case IPPROTO_DCCP:
		return v6 ? "DCCPv6" : "DCCP";
	}
	return sk->type == SOCK_RAW ? (v6 ? "RAWv6" : "RAW") : NULL;
}

static bool zero(const uint8_t *p, size_t n)
{
	while (n--)
		if (*p++)
			return false;
	return true;
}

/* Would inet_diag list it? Only TCP and UDP are there by default. */
static bool inet_listed(const struct sr_fdtab *t, const struct fdf_sock *sk)
{
	if (sk->protocol == IPPROTO_TCP)
		return sk->state != TCP_CLOSE || (sk->lport && t->bound_inactive);
	if (sk->protocol == IPPROTO_UDP || sk->protocol == IPPROTO_UDPLITE)
		return sk->lport != 0;
	return false;
}

static void print_inet(struct sr_out *o, const struct fdf_sock *sk, const uint8_t *addr,
		       uint16_t port)
{
	char buf[INET6_ADDRSTRLEN];
	bool v6 = sk->family == AF_INET6;

	if (!inet_ntop(sk->family, addr, buf, sizeof(buf)))
		buf[0] = '\0';
	if (v6)
		out__putc(o, '[');
	out__puts(o, buf);
	if (v6)
		out__putc(o, ']');
	out__putc(o, ':');
	out__udec(o, port);
}

/* "TCP:[127.0.0.1:5432->127.0.0.1:40000]"; false if sock_diag would not find it. */
static bool inet_details(const struct sr_fdtab *t, struct sr_out *o, const struct fdf_sock *sk,
			 const char *proto)
{
	size_t alen = sk->family == AF_INET6 ? 16 : 4;

	if (!inet_listed(t, sk))
		return false;
	out__puts(o, proto);
	out__puts(o, ":[");
	print_inet(o, sk, sk->laddr, sk->lport);
	if (sk->rport || !zero(sk->raddr, alen)) {
		out__puts(o, "->");
		print_inet(o, sk, sk->raddr, sk->rport);
	}
	out__putc(o, ']');
	return true;
}

/* Would sock_diag describe it (else strace prints "PROTO:[ino]")? */
static bool listed(const struct sr_fdtab *t, const struct fdf_file *f)
{
	const struct fdf_sock *sk = f->sk;

	if (!sk || !(f->flags & FDF_SK_KNOWN) || !fdfmt__proto(sk))
		return false;
	switch (sk->family) {
	case AF_UNIX:
		return sk->peer_ino || f->namelen;
	case AF_NETLINK:
		return sk->lport32;
	case AF_INET:
	case AF_INET6:
		return inet_listed(t, sk);
	}
	return false;
}

void fdfmt__freeze_if_listed(const struct sr_fdtab *t, struct fdf_file *f)
{
	if (t->mode >= 2 && f->kind == FDF_SOCKET && listed(t, f))
		f->flags |= FDF_FROZEN;
}

/* "UNIX-STREAM:[12345->12346,"/run/x"]"; false if there is neither peer nor name. */
static bool unix_details(struct sr_out *o, const struct fdf_file *f, const char *proto)
{
	const struct fdf_sock *sk = f->sk;

	if (!sk->peer_ino && !f->namelen)
		return false;
	out__puts(o, proto);
	out__puts(o, ":[");
	out__udec(o, f->ino);
	if (sk->peer_ino) {
		out__puts(o, "->");
		out__udec(o, sk->peer_ino);
	}
	if (f->namelen) {
		out__putc(o, ',');
		if (f->name[0] == '\0') {
			/* abstract */
			out__putc(o, '@');
			out__quoted(o, f->name + 1, f->namelen - 1, f->namelen, SR_Q_NUL_TERM);
		} else {
			out__quoted(o, f->name, f->namelen, f->namelen, SR_Q_NUL_TERM);
		}
	}
	out__putc(o, ']');
	return true;
}

/* "NETLINK:[ROUTE:4242]" for a bound netlink socket. */
static bool netlink_details(struct sr_out *o, const struct fdf_sock *sk)
{
	const char *name = xlat__name(&xlat_netlink_protocols, sk->protocol);

	if (!sk->lport32)
		return false;
	out__puts(o, "NETLINK:[");
	if (name && !strncmp(name, "NETLINK_", 8)) {
		out__puts(o, name + 8);
		out__putc(o, ':');
		out__udec(o, sk->lport32);
	} else {
		out__udec(o, sk->protocol);
	}
	out__putc(o, ']');
	return true;
}

static bool loopback(const struct fdf_sock *sk, const uint8_t *a)
{
	static const uint8_t v6one[16] = { [15] = 1 };
	static const uint8_t mapped[12] = { [10] = 0xff, [11] = 0xff };

	if (sk->family == AF_INET)
		return a[0] == 127;
	return !memcmp(a, v6one, 16) || (!memcmp(a, mapped, 12) && a[12] == 127);
}

/* The traced socket at the other end of a loopback TCP connection. */
static struct fdf_file *tcp_peer(struct sr_fdtab *t, const struct fdf_file *f)
{
	const struct fdf_sock *sk = f->sk, *g;
	struct fdf_file *x;
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
static uint32_t sock_holder(struct sr_fdtab *t, uint64_t ino)
{
	struct fdf_file *x = idmap__get(&t->socks, ino);

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
static uint32_t unix_peer(struct sr_fdtab *t, const struct fdf_sock *sk, uint32_t asker)
{
	struct fdf_file *x = sk->peer_ino ? idmap__get(&t->socks, sk->peer_ino) : NULL;
	uint32_t pid = x ? fdt__holder(t, x, asker, sk->peer_pid) : 0;

	if (pid)
		return pid;
	if (sk->peer_pid)
		return sk->peer_pid;
	return sk->peer_ino ? sock_holder(t, sk->peer_ino) : 0;
}

static uint32_t find_peer(struct sr_fdtab *t, const struct fdf_file *f, uint32_t asker)
{
	const struct fdf_sock *sk = f->sk;
	struct fdf_file *x;
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

/*
 * --peer: " peer=PID(comm)", worked out once per socket state, asking
 * process and set of processes.
 */
static void peer_suffix(struct sr_fdtab *t, struct sr_out *o, struct fdf_file *f, uint32_t tgid)
{
	struct fdf_sock *sk = f->sk;
	const char *comm = NULL;

	if (!(f->flags & FDF_PEER_DONE) || sk->peer_asker != tgid ||
	    sk->peer_gen != t->holders_gen) {
		f->flags |= FDF_PEER_DONE;
		sk->peer_asker = tgid;
		sk->peer_gen = t->holders_gen;
		sk->peer_found = find_peer(t, f, tgid);
		sk->peer_comm[0] = '\0';
		if (sk->peer_found && t->comm_of)
			comm = t->comm_of(t->comm_ctx, sk->peer_found);
		if (comm)
			snprintf(sk->peer_comm, sizeof(sk->peer_comm), "%.15s", comm);
		else if (sk->peer_found)
			fdproc__comm(t, sk->peer_found, sk->peer_comm);
	}
	if (!sk->peer_found)
		return;
	out__puts(o, " peer=");
	out__udec(o, sk->peer_found);
	out__putc(o, '(');
	out__escaped(o, sk->peer_comm, strnlen(sk->peer_comm, sizeof(sk->peer_comm)));
	out__putc(o, ')');
}

/* -yy: a socket as sock_diag describes it; false: print "socket:[ino]". */
static bool sock_details(struct sr_fdtab *t, struct sr_out *o, struct fdf_file *f)
{
	const struct fdf_sock *sk;
	const char *proto;
	bool done = false;

	if (!(f->flags & FDF_SK_KNOWN))
		fdproc__sock_details(t, f);
	sk = f->sk;
	proto = sk ? fdfmt__proto(sk) : NULL;
	if (!proto)
		return false;
	if (f->flags & FDF_SK_KNOWN) {
		if (sk->family == AF_UNIX)
			done = unix_details(o, f, proto);
		else if (sk->family == AF_NETLINK)
			done = netlink_details(o, sk);
		else if (sk->family == AF_INET || sk->family == AF_INET6)
			done = inet_details(t, o, sk, proto);
	}
	if (done)
		f->flags |= FDF_FROZEN;
	else {
		out__puts(o, proto);
		out__puts(o, ":[");
		out__udec(o, f->ino);
		out__putc(o, ']');
	}
	return true;
}

static void print_socket(struct sr_fdtab *t, struct sr_out *o, struct fdf_file *f, uint32_t tgid)
{
	if (t->mode < 2 || !sock_details(t, o, f)) {
		out__puts(o, "socket:[");
		out__udec(o, f->ino);
		out__putc(o, ']');
	}
	if (t->peer && f->sk && (f->flags & FDF_SK_KNOWN))
		peer_suffix(t, o, f, tgid);
}

static void print_path(const struct sr_fdtab *t, struct sr_out *o, const struct fdf_file *f)
{
	fdfmt__escaped(o, f->name, f->namelen);
	if (t->mode < 2 || (!S_ISCHR(f->mode) && !S_ISBLK(f->mode)))
		return;
	out__puts(o, S_ISCHR(f->mode) ? "<char " : "<block ");
	out__udec(o, f->rdev >> 20);
	out__putc(o, ':');
	out__udec(o, f->rdev & 0xfffff);
	out__putc(o, '>');
}

void fdfmt__file(struct sr_fdtab *t, struct sr_out *o, struct fdf_file *f, uint32_t tgid)
{
	out__putc(o, '<');
	switch (f->kind) {
	case FDF_PATH:
		print_path(t, o, f);
		break;
	case FDF_PIPE:
		out__puts(o, "pipe:[");
		out__udec(o, f->ino);
		out__putc(o, ']');
		break;
	case FDF_SOCKET:
		print_socket(t, o, f, tgid);
		break;
	case FDF_ANON:
		out__puts(o, "anon_inode:");
		fdfmt__escaped(o, f->name, f->namelen);
		break;
	case FDF_PIDFD:
		if (t->mode >= 2 && f->pid) {
			out__puts(o, "pid:");
			out__udec(o, f->pid);
		} else {
			out__puts(o, "anon_inode:[pidfd]");
		}
		break;
	default:
		fdfmt__escaped(o, f->name, f->namelen);
		break;
	}
	out__putc(o, '>');
	if (f->kind == FDF_PATH && (f->flags & FDF_DELETED))
		out__puts(o, "(deleted)");
}
