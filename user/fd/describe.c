// SPDX-License-Identifier: GPL-2.0
/*
 * Annotations, as strace 6.1 prints them after an fd, made by reading the
 * tables only (fdtab__prepare() resolved what they needed beforehand):
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
#include <fcntl.h>
#include <limits.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <netinet/in.h>

#include "call/call.h"
#include "cli/opts.h"
#include "table/syscalls.h"
#include "table/xlat.h"
#include "xlat/all.h"
#include "fd/model.h"
#include "lib/escape.h"

/*
 * @len bytes as strace prints a path inside <...>: escaped as a string is
 * under -x (the whole text in hex when -x finds a non-ASCII byte, or
 * always with -xx), '<' and '>' too.
 */
static void put_escaped(const struct sr_fdtab *t, struct sr_sbuf *b, const char *s, size_t len)
{
	sbuf__escaped(b, s, len, t->hexstr, "<>");
}

static bool zero(const uint8_t *p, size_t n)
{
	while (n--)
		if (*p++)
			return false;
	return true;
}

static void put_inet(struct sr_sbuf *b, const struct fdf_sock *sk, const uint8_t *addr,
		     uint16_t port)
{
	char text[INET6_ADDRSTRLEN];
	bool v6 = sk->family == AF_INET6;

	if (!inet_ntop(sk->family, addr, text, sizeof(text)))
		text[0] = '\0';
	if (v6)
		sbuf__putc(b, '[');
	sbuf__puts(b, text);
	if (v6)
		sbuf__putc(b, ']');
	sbuf__putc(b, ':');
	sbuf__udec(b, port);
}

/* "TCP:[127.0.0.1:5432->127.0.0.1:40000]" */
static void inet_details(struct sr_sbuf *b, const struct fdf_sock *sk, const char *proto)
{
	size_t alen = sk->family == AF_INET6 ? 16 : 4;

	sbuf__puts(b, proto);
	sbuf__puts(b, ":[");
	put_inet(b, sk, sk->laddr, sk->lport);
	if (sk->rport || !zero(sk->raddr, alen)) {
		sbuf__puts(b, "->");
		put_inet(b, sk, sk->raddr, sk->rport);
	}
	sbuf__putc(b, ']');
}

/* "UNIX-STREAM:[12345->12346,"/run/x"]" */
static void unix_details(const struct sr_fdtab *t, struct sr_sbuf *b, const struct fdf_file *f,
			 const char *proto)
{
	const struct fdf_sock *sk = f->sk;

	sbuf__puts(b, proto);
	sbuf__puts(b, ":[");
	sbuf__udec(b, f->ino);
	if (sk->peer_ino) {
		sbuf__puts(b, "->");
		sbuf__udec(b, sk->peer_ino);
	}
	if (f->namelen) {
		sbuf__putc(b, ',');
		if (f->name[0] == '\0') {
			/* abstract */
			sbuf__putc(b, '@');
			sbuf__quoted(b, f->name + 1, f->namelen - 1, t->hexstr);
		} else {
			sbuf__quoted(b, f->name, f->namelen, t->hexstr);
		}
	}
	sbuf__putc(b, ']');
}

/* "NETLINK:[ROUTE:4242]" for a bound netlink socket. */
static void netlink_details(struct sr_sbuf *b, const struct fdf_sock *sk)
{
	const char *name = xlat__name(&xlat_netlink_protocols, sk->protocol);

	sbuf__puts(b, "NETLINK:[");
	if (name && !strncmp(name, "NETLINK_", 8)) {
		sbuf__puts(b, name + 8);
		sbuf__putc(b, ':');
		sbuf__udec(b, sk->lport32);
	} else {
		sbuf__udec(b, sk->protocol);
	}
	sbuf__putc(b, ']');
}

/* -yy: a socket as sock_diag describes it; false: print "socket:[ino]". */
static bool sock_details(const struct sr_fdtab *t, struct sr_sbuf *b, const struct fdf_file *f)
{
	const char *proto = f->sk ? fdf__proto(f->sk) : NULL;

	if (!proto)
		return false;
	if (!fdf__listed(t, f)) {
		sbuf__puts(b, proto);
		sbuf__puts(b, ":[");
		sbuf__udec(b, f->ino);
		sbuf__putc(b, ']');
	} else if (f->sk->family == AF_UNIX) {
		unix_details(t, b, f, proto);
	} else if (f->sk->family == AF_NETLINK) {
		netlink_details(b, f->sk);
	} else {
		inet_details(b, f->sk, proto);
	}
	return true;
}

/* --peer: " peer=PID(comm)", as fdtab__prepare() worked it out for @tgid. */
static void peer_suffix(const struct sr_fdtab *t, struct sr_sbuf *b, const struct fdf_file *f,
			uint32_t tgid)
{
	const struct fdf_sock *sk = f->sk;

	if (!peer__current(t, f, tgid) || !sk->peer_found)
		return;
	sbuf__puts(b, " peer=");
	sbuf__udec(b, sk->peer_found);
	sbuf__putc(b, '(');
	sbuf__escaped(b, sk->peer_comm, strnlen(sk->peer_comm, sizeof(sk->peer_comm)), t->hexstr,
		      NULL);
	sbuf__putc(b, ')');
}

/* What readlink() of /proc/PID/fd/FD says @f is, without " (deleted)". */
static int raw_text(const struct fdf_file *f, char *buf, size_t size)
{
	int n;

	switch (f->kind) {
	case FDF_PIPE:
		n = snprintf(buf, size, "pipe:[%llu]", (unsigned long long)f->ino);
		break;
	case FDF_SOCKET:
		n = snprintf(buf, size, "socket:[%llu]", (unsigned long long)f->ino);
		break;
	case FDF_ANON:
		n = snprintf(buf, size, "anon_inode:%.*s", (int)f->namelen, f->name);
		break;
	case FDF_PIDFD:
		n = snprintf(buf, size, "anon_inode:" FDF_PIDFD_NAME);
		break;
	default:
		n = snprintf(buf, size, "%.*s", (int)f->namelen, f->name);
		break;
	}
	return n < 0 || (size_t)n >= size ? -1 : n;
}

/* -y's text for @f: the link's text, escaped as one string (strace quotes it whole). */
static void put_link(const struct sr_fdtab *t, struct sr_sbuf *b, const struct fdf_file *f)
{
	char raw[PATH_MAX + 64];
	int n;

	if (f->kind == FDF_PATH || f->kind == FDF_RAW) {
		put_escaped(t, b, f->name, f->namelen);
		return;
	}
	n = raw_text(f, raw, sizeof(raw));
	if (n < 0)
		b->full = true;
	else
		put_escaped(t, b, raw, n);
}

static void put_socket(const struct sr_fdtab *t, struct sr_sbuf *b, const struct fdf_file *f,
		       uint32_t tgid)
{
	if (!(t->kinds & SR_FDK_SOCKET) || !sock_details(t, b, f))
		put_link(t, b, f);
	if (t->peer && f->sk && (f->flags & FDF_SK_KNOWN))
		peer_suffix(t, b, f, tgid);
}

static void put_path(const struct sr_fdtab *t, struct sr_sbuf *b, const struct fdf_file *f)
{
	put_link(t, b, f);
	if (!(t->kinds & SR_FDK_DEV) || (!S_ISCHR(f->mode) && !S_ISBLK(f->mode)))
		return;
	sbuf__puts(b, S_ISCHR(f->mode) ? "<char " : "<block ");
	sbuf__udec(b, f->rdev >> FDF_MINORBITS);
	sbuf__putc(b, ':');
	sbuf__udec(b, f->rdev & FDF_MINORMASK);
	sbuf__putc(b, '>');
}

/*
 * Whether --decode-fds's set shows anything of @f: paths show every fd
 * (other kinds by their link text); without them, only a socket's details,
 * a device's path and numbers, a pidfd's pid.
 */
static bool shown(const struct sr_fdtab *t, const struct fdf_file *f)
{
	if (t->kinds & SR_FDK_PATH)
		return true;
	switch (f->kind) {
	case FDF_SOCKET:
		return t->kinds & SR_FDK_SOCKET;
	case FDF_PIDFD:
		return (t->kinds & SR_FDK_PIDFD) && f->pid;
	case FDF_PATH:
		return (t->kinds & SR_FDK_DEV) && (S_ISCHR(f->mode) || S_ISBLK(f->mode));
	default:
		return false;
	}
}

/* "<...>" (and "(deleted)") for @f, as seen by process @tgid (--peer names another). */
static size_t file_text(const struct sr_fdtab *t, const struct fdf_file *f, uint32_t tgid,
			char *buf, size_t size)
{
	struct sr_sbuf b;

	if (!shown(t, f))
		return 0;
	sbuf__init(&b, buf, size);
	sbuf__putc(&b, '<');
	switch (f->kind) {
	case FDF_PATH:
		put_path(t, &b, f);
		break;
	case FDF_SOCKET:
		put_socket(t, &b, f, tgid);
		break;
	case FDF_PIDFD:
		if ((t->kinds & SR_FDK_PIDFD) && f->pid) {
			sbuf__puts(&b, "pid:");
			sbuf__udec(&b, f->pid);
		} else {
			put_link(t, &b, f);
		}
		break;
	default:
		put_link(t, &b, f);
		break;
	}
	sbuf__putc(&b, '>');
	if (f->kind == FDF_PATH && (f->flags & FDF_DELETED))
		sbuf__puts(&b, "(deleted)");
	return b.full ? 0 : b.len;
}

size_t desc__fixed(const struct sr_fdtab *t, const struct fdf_file *f, uint32_t tgid, char *buf,
		   size_t size)
{
	static const char mark[] = "fixed:";
	size_t n = file_text(t, f, tgid, buf, size);

	if (!n || n + sizeof(mark) > size)
		return 0;
	/* "<path>" -> "<fixed:path>" */
	memmove(buf + sizeof(mark), buf + 1, n);
	memcpy(buf + 1, mark, sizeof(mark) - 1);
	return n + sizeof(mark) - 1;
}

/* What @fd was when @c began: the table's file, or one SCM_RIGHTS is handing over. */
static size_t describe_arg(const struct sr_fdtab *t, const struct sr_call *c, int fd, char *buf,
			   size_t size)
{
	const struct fdt_proc *p = fdt__proc_known(t, c->tgid);
	const struct fdf_file *f;

	if (fd < 0 || !p)
		return 0;
	/* recvmsg's SCM_RIGHTS fds print with its exit, before the table learns them */
	if (SR_FDACT(c->ent) == SR_FD_RECVMSG && fdi__native(c) && (f = scm__peek(t, p, c, fd)))
		return file_text(t, f, c->tgid, buf, size);
	f = fdt__file_at(p, fd);
	return f ? file_text(t, f, c->tgid, buf, size) : 0;
}

bool desc__new_file(const struct sr_fdtab *t, const struct sr_call *c, const struct sr_fdinfo *fi,
		    struct fdf_file *f, struct fdf_sock *sk, char *buf, size_t size)
{
	int n;

	fdf__init_from_info(f, sk, fi);
	f->owner = c->tgid;
	if (fi->flags & SR_FDI_TRUNC) {
		n = fdt__whole_path(fdt__proc_known(t, c->tgid), c, fi, buf, size);
		if (n < 0)
			return false;
		f->name = buf;
		f->namelen = n;
	}
	fdf__fixup(f, c, buf, size);
	return true;
}

/* --peer's answer fdtab__prepare() found for @c's new @fd, into @f. */
static void new_peer(const struct sr_fdtab *t, const struct sr_call *c, int fd, struct fdf_file *f)
{
	const struct fdt_newpeer *np;
	int i;

	for (i = 0; f->sk && i < t->nnewpeers; i++) {
		np = &t->newpeers[i];
		if (np->tid != c->tid || np->fd != fd || np->ino != f->ino)
			continue;
		f->flags |= FDF_PEER_DONE;
		f->sk->peer_asker = c->tgid;
		f->sk->peer_gen = t->holders_gen;
		f->sk->peer_found = np->pid;
		memcpy(f->sk->peer_comm, np->comm, sizeof(f->sk->peer_comm));
		return;
	}
}

/* A pidfd referring to process @pid, as the tables would hold it. */
static size_t pidfd_text(const struct sr_fdtab *t, const struct sr_call *c, uint32_t pid, char *buf,
			 size_t size)
{
	const struct fdf_file f = { .kind = FDF_PIDFD, .pid = pid };

	return file_text(t, &f, c->tgid, buf, size);
}

/* A new fd: as the call's exit describes it, else as the table has it. */
static size_t describe_new(const struct sr_fdtab *t, const struct sr_call *c, int fd, char *buf,
			   size_t size)
{
	const struct sr_fdinfo *fi = fd >= 0 ? fdi__find(c, fd, SR_FDI_SRC_RET) : NULL;
	enum sr_fdact act = fdi__native(c) ? SR_FDACT(c->ent) : SR_FD_NONE;
	char path[PATH_MAX];
	struct fdf_file f;
	struct fdf_sock sk;

	if (fi) {
		/* a path cut short that the call cannot complete: /proc said (prepare) */
		if (!desc__new_file(t, c, fi, &f, &sk, path, sizeof(path)))
			return describe_arg(t, c, fd, buf, size);
		new_peer(t, c, fd, &f);
		return file_text(t, &f, c->tgid, buf, size);
	}
	/* clone's pidfd, which the tables learn after the line (replay.c on_clone) */
	if (act == SR_FD_CLONE && (c->args[0] & CLONE_PIDFD) && (int64_t)c->ret > 0)
		return pidfd_text(t, c, (uint32_t)c->ret, buf, size);
	/* a duplicate is what the original is */
	if (act == SR_FD_DUP || act == SR_FD_FCNTL)
		fd = (int)c->args[0];
	return describe_arg(t, c, fd, buf, size);
}

static size_t describe_cwd(const struct sr_fdtab *t, const struct sr_call *c, char *buf,
			   size_t size)
{
	const struct fdt_proc *p = fdt__proc_known(t, c->tgid);
	struct sr_sbuf b;

	/* deeper than PATH_MAX: /proc/PID/cwd has no name for it */
	if (!p || !p->cwd || !(t->kinds & SR_FDK_PATH) || strlen(p->cwd) >= PATH_MAX)
		return 0;
	sbuf__init(&b, buf, size);
	sbuf__putc(&b, '<');
	if (p->cwd_deleted) {
		/* readlink's text, " (deleted)" and all, is one string to escape */
		char raw[PATH_MAX + 16];
		int n = snprintf(raw, sizeof(raw), "%s (deleted)", p->cwd);

		if (n < 0 || (size_t)n >= sizeof(raw))
			return 0;
		put_escaped(t, &b, raw, n);
	} else {
		put_escaped(t, &b, p->cwd, strlen(p->cwd));
	}
	sbuf__putc(&b, '>');
	return b.full ? 0 : b.len;
}

size_t fdtab__describe(const struct sr_fdtab *t, const struct sr_call *c, int fd,
		       enum sr_fd_when when, char *buf, size_t size)
{
	if (size)
		buf[0] = '\0';
	/* --absolute-paths alone: tables without annotations */
	if (!t || !c || !t->mode || !size)
		return 0;
	switch (when) {
	case SR_FDW_NEW:
		return describe_new(t, c, fd, buf, size);
	case SR_FDW_CWD:
		return describe_cwd(t, c, buf, size);
	default:
		return describe_arg(t, c, fd, buf, size);
	}
}

size_t fdtab__describe_target(const struct sr_fdtab *t, const struct sr_call *c, int pidfd, int fd,
			      char *buf, size_t size)
{
	const struct fdt_proc *p;
	const struct fdf_file *f;

	if (size)
		buf[0] = '\0';
	if (!t || !c || !t->mode || !size || pidfd < 0 || fd < 0)
		return 0;
	p = fdt__proc_known(t, c->tgid);
	f = p ? fdt__file_at(p, pidfd) : NULL;
	if (!f || f->kind != FDF_PIDFD || !f->pid)
		return 0;
	/* the target's table as it is now: a traced process, replayed */
	p = fdt__proc_known(t, f->pid);
	f = p ? fdt__file_at(p, fd) : NULL;
	return f ? file_text(t, f, c->tgid, buf, size) : 0;
}

int fdtab__path(struct sr_fdtab *t, const struct sr_call *c, int fd, char *buf, size_t size)
{
	struct fdf_file *f;
	int n;

	if (!t || !c || fd < 0 || !size)
		return -1;
	/* an fd the tables do not know (opened before tracing): /proc, once, kept */
	f = fdt__lookup(t, c->tgid, fd);
	if (!f)
		return -1;
	n = raw_text(f, buf, size);
	fdf__put(t, f);
	return n;
}

int fdtab__abs_path(const struct sr_fdtab *t, const struct sr_call *c, int dirfd, const char *path,
		    size_t len, char *buf, size_t size)
{
	const struct fdt_proc *p;
	const struct fdf_file *d;
	const char *base;

	if (!t || !c || (len && path[0] == '/'))
		return -1;
	p = fdt__proc_known(t, c->tgid);
	if (!p)
		return -1;
	if (dirfd == AT_FDCWD) {
		base = p->cwd;
	} else {
		d = fdt__file_at(p, dirfd);
		base = d && d->kind == FDF_PATH ? d->name : NULL;
	}
	return base ? fdt__path_join(base, path, len, buf, size) : -1;
}
