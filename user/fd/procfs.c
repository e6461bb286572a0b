// SPDX-License-Identifier: GPL-2.0
/*
 * The fd tables' fallbacks, for what the syscall stream cannot tell: the fds
 * a process had before tracing began (/proc/PID/fd, read once per process
 * or once per fd), the addresses of such sockets (/proc/PID/net, sock_diag
 * for unix sockets), and for --peer the process holding a socket (a scan of
 * /proc/PID/fd, once per socket). Never called per event for a known fd.
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/utsname.h>
#include <sys/xattr.h>
#include <unistd.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/sock_diag.h>
#include <linux/unix_diag.h>
#include <netinet/in.h>

#include "fd/model.h"
#include "host/proc.h"
#include "host/procparse.h"

/* Socket protocols /proc names, and what they are. */
static const struct {
	const char *name;
	uint16_t family, type, protocol;
} protos[] = {
	{ "UNIX-STREAM", AF_UNIX, SOCK_STREAM, 0 },
	{ "UNIX", AF_UNIX, SOCK_DGRAM, 0 },
	{ "TCP", AF_INET, SOCK_STREAM, IPPROTO_TCP },
	{ "TCPv6", AF_INET6, SOCK_STREAM, IPPROTO_TCP },
	{ "UDP", AF_INET, SOCK_DGRAM, IPPROTO_UDP },
	{ "UDPv6", AF_INET6, SOCK_DGRAM, IPPROTO_UDP },
	{ "NETLINK", AF_NETLINK, SOCK_RAW, 0 },
	{ "RAW", AF_INET, SOCK_RAW, IPPROTO_RAW },
	{ "RAWv6", AF_INET6, SOCK_RAW, IPPROTO_RAW },
	{ "PING", AF_INET, SOCK_DGRAM, IPPROTO_ICMP },
	{ "PINGv6", AF_INET6, SOCK_DGRAM, IPPROTO_ICMPV6 },
};

static int proc_path(const struct sr_fdtab *t, char *buf, size_t size, uint32_t pid,
		     const char *what)
{
	int n = snprintf(buf, size, "%s/%u/%s", t->proc_root, pid, what);

	return n < 0 || (size_t)n >= size ? -ENAMETOOLONG : 0;
}

/* /proc/PID/fdinfo/N: close-on-exec from "flags:", a pidfd's process from "Pid:". */
static bool fd_cloexec(const struct sr_fdtab *t, uint32_t tgid, int fd, uint32_t *pid)
{
	struct sr_fdinfo_text fi = {};
	char path[96], line[128];
	FILE *fp;

	snprintf(path, sizeof(path), "%s/%u/fdinfo/%d", t->proc_root, tgid, fd);
	fp = fopen(path, "re");
	if (!fp)
		return false;
	while (fgets(line, sizeof(line), fp))
		procparse__fdinfo_line(line, &fi);
	fclose(fp);
	/* -1 once the process is reaped: strace prints the anon inode then */
	if (fi.has_pid)
		*pid = fi.pid > 0 ? (uint32_t)fi.pid : 0;
	return fi.flags & O_CLOEXEC;
}

/* "socket:[N]", "pipe:[N]": N, or 0. */
static uint64_t bracket_ino(const char *link, const char *prefix)
{
	size_t n = strlen(prefix);

	if (strncmp(link, prefix, n))
		return 0;
	return strtoull(link + n, NULL, 10);
}

static void sock_from_proto(struct fdf_file *f, const char *proto)
{
	size_t i;

	snprintf(f->sk->proto, sizeof(f->sk->proto), "%.15s", proto);
	for (i = 0; i < sizeof(protos) / sizeof(protos[0]); i++) {
		if (strcmp(protos[i].name, proto))
			continue;
		f->sk->family = protos[i].family;
		f->sk->type = protos[i].type;
		f->sk->protocol = protos[i].protocol;
		return;
	}
}

/* A file from what /proc shows of it: the link text and stat of the target. */
static struct fdf_file *from_link(struct sr_fdtab *t, const char *path, const char *link,
				  size_t len)
{
	static const char deleted[] = " (deleted)", anon[] = "anon_inode:";
	const size_t dlen = sizeof(deleted) - 1, alen = sizeof(anon) - 1;
	struct fdf_file *f;
	struct stat st;
	char proto[32];
	ssize_t n;

	if (bracket_ino(link, "socket:[")) {
		f = fdf__new(t, FDF_SOCKET, NULL, 0);
		if (!f)
			return NULL;
		f->ino = bracket_ino(link, "socket:[");
		n = getxattr(path, "system.sockprotoname", proto, sizeof(proto) - 1);
		if (n > 0) {
			proto[n] = '\0';
			sock_from_proto(f, proto);
		}
		return f;
	}
	if (bracket_ino(link, "pipe:[")) {
		f = fdf__new(t, FDF_PIPE, NULL, 0);
		if (f)
			f->ino = bracket_ino(link, "pipe:[");
		return f;
	}
	if (!strncmp(link, anon, alen)) {
		f = fdf__new(t, strcmp(link + alen, FDF_PIDFD_NAME) ? FDF_ANON : FDF_PIDFD,
			     link + alen, len - alen);
		return f;
	}
	if (link[0] != '/')
		return fdf__new(t, FDF_RAW, link, len);
	if (len > dlen && !strcmp(link + len - dlen, deleted)) {
		f = fdf__new(t, FDF_PATH, link, len - dlen);
		if (f)
			f->flags |= FDF_DELETED;
	} else {
		f = fdf__new(t, FDF_PATH, link, len);
	}
	if (f && !stat(path, &st)) {
		f->mode = st.st_mode;
		f->ino = st.st_ino;
		/* the kernel's encoding, as the fdinfo blobs carry it */
		f->rdev = (major(st.st_rdev) << FDF_MINORBITS) |
			  (minor(st.st_rdev) & FDF_MINORMASK);
	}
	return f;
}

struct fdf_file *fdproc__fd(struct sr_fdtab *t, uint32_t tgid, int fd, bool *cloexec)
{
	char path[96], link[PATH_MAX];
	struct fdf_file *f;
	ssize_t n;

	snprintf(path, sizeof(path), "%s/%u/fd/%d", t->proc_root, tgid, fd);
	n = readlink(path, link, sizeof(link) - 1);
	if (n <= 0)
		return NULL;
	link[n] = '\0';
	f = from_link(t, path, link, n);
	if (!f)
		return NULL;
	f->owner = tgid;
	fdf__index(t, f);
	*cloexec = fd_cloexec(t, tgid, fd, &f->pid);
	return f;
}

char *fdproc__cwd(const struct sr_fdtab *t, uint32_t pid, bool *deleted)
{
	static const char suffix[] = " (deleted)";
	char path[96], link[PATH_MAX];
	ssize_t n;

	if (proc_path(t, path, sizeof(path), pid, "cwd"))
		return NULL;
	n = readlink(path, link, sizeof(link) - 1);
	if (n <= 0)
		return NULL;
	link[n] = '\0';
	*deleted = false;
	if ((size_t)n > sizeof(suffix) - 1 && !strcmp(link + n - (sizeof(suffix) - 1), suffix)) {
		link[n - (sizeof(suffix) - 1)] = '\0';
		*deleted = true;
	}
	return strdup(link);
}

int fdproc__each_fd(const struct sr_fdtab *t, uint32_t tgid, void (*fn)(void *ctx, int fd),
		    void *ctx)
{
	char path[96];
	struct dirent *de;
	DIR *d;

	if (proc_path(t, path, sizeof(path), tgid, "fd"))
		return -ENAMETOOLONG;
	d = opendir(path);
	if (!d)
		return -errno;
	while ((de = readdir(d))) {
		char *end;
		long fd;

		if (!isdigit((unsigned char)de->d_name[0]))
			continue;
		fd = strtol(de->d_name, &end, 10);
		if (*end || fd < 0 || fd >= FDT_MAX_FD)
			continue;
		fn(ctx, (int)fd);
	}
	closedir(d);
	return 0;
}

bool fdproc__gone(const struct sr_fdtab *t, uint32_t tgid)
{
	return !t->proc_root[0] || proc__gone(t->proc_root, tgid);
}

/* Linux 6.7 made inet_diag list bound TCP sockets that neither listen nor connect. */
bool fdproc__dumps_bound(void)
{
	struct utsname u;
	int major = 0, minor = 0;

	if (uname(&u) || sscanf(u.release, "%d.%d", &major, &minor) != 2)
		return true;
	return major > 6 || (major == 6 && minor >= 7);
}

bool fdproc__comm(const struct sr_fdtab *t, uint32_t pid, char *buf)
{
	char path[96];
	ssize_t n;
	int fd;

	buf[0] = '\0';
	if (!t->proc_root[0] || proc_path(t, path, sizeof(path), pid, "comm"))
		return false;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return false;
	n = read(fd, buf, 15);
	close(fd);
	if (n <= 0)
		return false;
	buf[n] = '\0';
	buf[strcspn(buf, "\n")] = '\0';
	return true;
}

/* /proc/PID/net/FILE of @tgid's network namespace, or the host's. */
static FILE *open_net(const struct sr_fdtab *t, uint32_t tgid, const char *file)
{
	char path[128];
	FILE *fp = NULL;

	if (tgid) {
		snprintf(path, sizeof(path), "%s/%u/net/%s", t->proc_root, tgid, file);
		fp = fopen(path, "re");
	}
	if (!fp) {
		snprintf(path, sizeof(path), "%s/net/%s", t->proc_root, file);
		fp = fopen(path, "re");
	}
	return fp;
}

static bool inet_lookup(const struct sr_fdtab *t, struct fdf_file *f)
{
	struct fdf_sock *sk = f->sk;
	const char *file = sk->protocol == IPPROTO_TCP ? "tcp" : "udp";
	char name[8], line[512];
	struct sr_inet_row r;
	bool found = false;
	FILE *fp;

	snprintf(name, sizeof(name), "%s%s", file, sk->family == AF_INET6 ? "6" : "");
	fp = open_net(t, f->owner, name);
	if (!fp)
		return false;
	while (!found && fgets(line, sizeof(line), fp)) {
		if (!procparse__inet_row(line, &r) || r.ino != f->ino)
			continue;
		memcpy(sk->laddr, r.laddr, 16);
		memcpy(sk->raddr, r.raddr, 16);
		sk->lport = r.lport;
		sk->rport = r.rport;
		sk->state = r.state;
		found = true;
	}
	fclose(fp);
	return found;
}

static bool netlink_lookup(const struct sr_fdtab *t, struct fdf_file *f)
{
	struct sr_netlink_row r;
	char line[512];
	bool found = false;
	FILE *fp = open_net(t, f->owner, "netlink");

	if (!fp)
		return false;
	while (!found && fgets(line, sizeof(line), fp)) {
		if (!procparse__netlink_row(line, &r) || r.ino != f->ino)
			continue;
		f->sk->protocol = r.protocol;
		f->sk->lport32 = r.portid;
		found = true;
	}
	fclose(fp);
	return found;
}

/* What strace asks: sock_diag for one unix socket, by inode (our network namespace). */
static bool unix_lookup(const struct sr_fdtab *t, struct fdf_file *f)
{
	struct {
		struct nlmsghdr nlh;
		struct unix_diag_req udr;
	} req = {
		.nlh = { .nlmsg_len = sizeof(req),
			 .nlmsg_type = SOCK_DIAG_BY_FAMILY,
			 .nlmsg_flags = NLM_F_REQUEST },
		.udr = { .sdiag_family = AF_UNIX,
			 .udiag_ino = (uint32_t)f->ino,
			 .udiag_states = -1,
			 .udiag_show = UDIAG_SHOW_NAME | UDIAG_SHOW_PEER,
			 .udiag_cookie = { ~0U, ~0U } },
	};
	union {
		struct nlmsghdr h;
		char b[8192];
	} resp;
	struct sr_unix_diag d;
	int fd, len;

	fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
	if (fd < 0)
		return false;
	len = send(fd, &req, sizeof(req), 0) == sizeof(req) ? recv(fd, &resp, sizeof(resp), 0) : -1;
	close(fd);
	if (len <= 0 || !procparse__unix_diag(&resp, len, f->ino, &d))
		return false;
	f->sk->type = d.type;
	if (d.peer_ino)
		f->sk->peer_ino = d.peer_ino;
	if (d.name && !f->namelen)
		fdf__set_name(f, d.name, d.namelen);
	return true;
}

void fdproc__sock_details(struct sr_fdtab *t, struct fdf_file *f)
{
	bool ok = false;

	if (!f->sk || (f->flags & (FDF_SK_KNOWN | FDF_SK_TRIED)) || !t->proc_root[0])
		return;
	f->flags |= FDF_SK_TRIED;
	switch (f->sk->family) {
	case AF_UNIX:
		ok = unix_lookup(t, f);
		break;
	case AF_INET:
	case AF_INET6:
		if (f->sk->protocol == IPPROTO_TCP || f->sk->protocol == IPPROTO_UDP)
			ok = inet_lookup(t, f);
		break;
	case AF_NETLINK:
		ok = netlink_lookup(t, f);
		break;
	}
	if (ok)
		f->flags |= FDF_SK_KNOWN;
}

/* Does process @pid hold "socket:[ino]"? */
static bool holds(const struct sr_fdtab *t, const char *pid, const char *want)
{
	char path[PATH_MAX], link[64];
	struct dirent *de;
	bool found = false;
	DIR *d;

	snprintf(path, sizeof(path), "%s/%s/fd", t->proc_root, pid);
	d = opendir(path);
	if (!d)
		return false;
	while (!found && (de = readdir(d))) {
		ssize_t n;

		if (de->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s/fd/%s", t->proc_root, pid, de->d_name);
		n = readlink(path, link, sizeof(link) - 1);
		if (n <= 0)
			continue;
		link[n] = '\0';
		found = !strcmp(link, want);
	}
	closedir(d);
	return found;
}

uint32_t fdproc__sock_owner(const struct sr_fdtab *t, uint64_t ino)
{
	char want[48];
	struct dirent *de;
	uint32_t pid = 0;
	DIR *d;

	if (!t->proc_root[0] || !ino)
		return 0;
	snprintf(want, sizeof(want), "socket:[%llu]", (unsigned long long)ino);
	d = opendir(t->proc_root);
	if (!d)
		return 0;
	while (!pid && (de = readdir(d))) {
		if (!isdigit((unsigned char)de->d_name[0]))
			continue;
		if (holds(t, de->d_name, want))
			pid = (uint32_t)strtoul(de->d_name, NULL, 10);
	}
	closedir(d);
	return pid;
}

uint64_t fdproc__tcp_ino(const struct sr_fdtab *t, uint32_t tgid, const struct fdf_sock *want)
{
	char line[512];
	struct sr_inet_row r;
	uint64_t ino = 0;
	FILE *fp;

	if (!t->proc_root[0])
		return 0;
	fp = open_net(t, tgid, want->family == AF_INET6 ? "tcp6" : "tcp");
	if (!fp)
		return 0;
	while (!ino && fgets(line, sizeof(line), fp)) {
		if (!procparse__inet_row(line, &r))
			continue;
		/* the other end: its local address is our remote one */
		if (r.lport == want->rport && r.rport == want->lport &&
		    !memcmp(r.laddr, want->raddr, 16) && !memcmp(r.raddr, want->laddr, 16))
			ino = r.ino;
	}
	fclose(fp);
	return ino;
}
