// SPDX-License-Identifier: GPL-2.0
/*
 * Why the kernel said no: for a call on a path that failed with EACCES,
 * EPERM or EROFS, the owner, group and mode of the path and of each parent
 * directory, checked against the credentials the task had at the call (the
 * BPF side sends them with such failures) as the kernel checks them:
 * search on every directory, then what the call needs of the last one and
 * of the file. The first component that denies is named. When the mode bits
 * allow the access, the next suspects are listed and checked where they can
 * be: ACLs (getxattr), the mount's flags (the process's mountinfo),
 * immutable files, the LSM label.
 *
 * The files are looked at when the failure reaches sysray, a few
 * milliseconds after the call, through /proc/PID/root while the process
 * lives (its mount namespace), else through sysray's own view: a mode
 * changed in between is reported as it is now.
 */
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/xattr.h>
#include <unistd.h>
#include <linux/capability.h>
#include <linux/fs.h>

#include "explain/internal.h"

#define P_R 4
#define P_W 2
#define P_X 1
/* Components of a path looked at. */
#define XP_MAX_COMPS 64

struct comp {
	const char *name; /* the path up to this component */
	struct stat st;
	bool exists;
};

/*
 * The host's path for @path as process @tgid sees it: through its root
 * while it lives, else through its root held open (roots.c), else sysray's
 * own view. Returns false in the last case when its root was never seen.
 */
static bool host_path(const struct xp_perm_in *in, const char *path, char *buf, size_t size)
{
	char root[64];

	snprintf(root, sizeof(root), "/proc/%u/root", in->tgid);
	if (in->tgid && !access(root, F_OK)) {
		snprintf(buf, size, "%s%s", root, path);
		return true;
	}
	if (in->root_fd >= 0) {
		snprintf(buf, size, "/proc/self/fd/%d%s", in->root_fd, path);
		return true;
	}
	snprintf(buf, size, "%s", path);
	return in->root_fd == XP_ROOT_OWN;
}

static int do_stat(const struct xp_perm_in *in, const char *path, struct stat *st)
{
	char host[PATH_MAX + 64];

	host_path(in, path, host, sizeof(host));
	return stat(host, st);
}

/* "/", "/a", "/a/b": each prefix of @path, into @names (one buffer per prefix). */
static int split(const char *path, char (*names)[PATH_MAX], int max)
{
	size_t i, n = strlen(path);
	int k = 0;

	if (n >= PATH_MAX || path[0] != '/')
		return 0;
	strcpy(names[k++], "/");
	for (i = 1; i <= n && k < max; i++) {
		if (i < n && path[i] != '/')
			continue;
		if (path[i - 1] == '/')
			continue;
		memcpy(names[k], path, i);
		names[k][i] = '\0';
		k++;
	}
	return k;
}

static void mode_string(mode_t m, char *s)
{
	static const char rwx[] = "rwxrwxrwx";
	int i;

	s[0] = S_ISDIR(m)  ? 'd' :
	       S_ISLNK(m)  ? 'l' :
	       S_ISSOCK(m) ? 's' :
	       S_ISFIFO(m) ? 'p' :
	       S_ISCHR(m)  ? 'c' :
	       S_ISBLK(m)  ? 'b' :
			     '-';
	for (i = 0; i < 9; i++)
		s[i + 1] = (m & (0400 >> i)) ? rwx[i] : '-';
	if (m & S_ISUID)
		s[3] = (m & 0100) ? 's' : 'S';
	if (m & S_ISGID)
		s[6] = (m & 0010) ? 's' : 'S';
	if (m & S_ISVTX)
		s[9] = (m & 0001) ? 't' : 'T';
	s[10] = '\0';
}

static void owner_string(const struct stat *st, char *buf, size_t size)
{
	struct passwd pw, *pwp = NULL;
	struct group gr, *grp = NULL;
	char pb[1024], gb[1024], u[32], g[32];

	if (getpwuid_r(st->st_uid, &pw, pb, sizeof(pb), &pwp) || !pwp)
		snprintf(u, sizeof(u), "%u", st->st_uid);
	if (getgrgid_r(st->st_gid, &gr, gb, sizeof(gb), &grp) || !grp)
		snprintf(g, sizeof(g), "%u", st->st_gid);
	snprintf(buf, size, "%s:%s", pwp ? pwp->pw_name : u, grp ? grp->gr_name : g);
}

/* "drwx------ root:root" */
static void describe(const struct stat *st, struct sr_out *o)
{
	char mode[12], own[160];

	mode_string(st->st_mode, mode);
	owner_string(st, own, sizeof(own));
	out__puts(o, mode);
	out__putc(o, ' ');
	out__puts(o, own);
}

static bool has_cap(const struct sr_creds *cr, int cap)
{
	return cr->cap_eff & (1ULL << cap);
}

static bool in_group(const struct sr_creds *cr, gid_t gid)
{
	uint32_t i;

	if (cr->fsgid == gid)
		return true;
	for (i = 0; i < cr->ngroups && i < SR_CREDS_GROUPS; i++)
		if (cr->groups[i] == gid)
			return true;
	return false;
}

/* The bits of @need (P_*) the credentials lack on @st, as the kernel's permission check. */
static int missing(const struct stat *st, int need, const struct sr_creds *cr)
{
	int bits;

	if (has_cap(cr, CAP_DAC_OVERRIDE)) {
		/* a file nobody may execute stays so */
		if ((need & P_X) && !S_ISDIR(st->st_mode) && !(st->st_mode & 0111))
			return P_X;
		return 0;
	}
	if (has_cap(cr, CAP_DAC_READ_SEARCH)) {
		need &= ~P_R;
		if (S_ISDIR(st->st_mode))
			need &= ~P_X;
	}
	if (cr->fsuid == st->st_uid)
		bits = (st->st_mode >> 6) & 7;
	else if (in_group(cr, st->st_gid))
		bits = (st->st_mode >> 3) & 7;
	else
		bits = st->st_mode & 7;
	return need & ~bits;
}

static void bits_words(int bits, bool dir, struct sr_out *o)
{
	const char *w[3];
	int n = 0, i;

	if (bits & P_R)
		w[n++] = "read";
	if (bits & P_X)
		w[n++] = dir ? "search" : "execute";
	if (bits & P_W)
		w[n++] = "write";
	for (i = 0; i < n; i++) {
		out__puts(o, i == 0 ? "" : i == n - 1 ? " or " : ", ");
		out__puts(o, w[i]);
	}
}

/* What the call needs of the last directory and of the file itself. */
static void needs(const struct xp_perm_in *in, bool leaf_exists, int *dir_need, int *leaf_need)
{
	int acc;

	*dir_need = P_X;
	*leaf_need = 0;
	switch (in->kind) {
	case XK_OPEN:
		if (in->oflags < 0) { /* creat() */
			*leaf_need = P_W;
			*dir_need |= leaf_exists ? 0 : P_W;
			break;
		}
		if (in->oflags & O_PATH)
			break;
		acc = in->oflags & O_ACCMODE;
		*leaf_need = acc == O_RDONLY ? P_R : acc == O_WRONLY ? P_W : P_R | P_W;
		if (in->oflags & O_TRUNC)
			*leaf_need |= P_W;
		if ((in->oflags & O_CREAT) && !leaf_exists)
			*dir_need |= P_W;
		break;
	case XK_EXEC:
		*leaf_need = P_X;
		break;
	case XK_PROBE:
		if (in->amode > 0)
			*leaf_need = (in->amode & R_OK ? P_R : 0) | (in->amode & W_OK ? P_W : 0) |
				     (in->amode & X_OK ? P_X : 0);
		break;
	case XK_ADDR:
		/* connect writes to the socket file; bind creates it */
		if (leaf_exists)
			*leaf_need = P_W;
		else
			*dir_need |= P_W;
		break;
	case XK_CHANGE:
		/* a name made, removed or renamed: the directory is written */
		*dir_need |= P_W;
		break;
	default:
		break;
	}
}

/* "  path: / drwxr-xr-x root:root; /tmp drwxrwxrwt root:root; ..." */
static void print_chain(const struct comp *c, int n, struct sr_out *o)
{
	int i;

	out__puts(o, "  path:");
	for (i = 0; i < n && c[i].exists; i++) {
		out__puts(o, i ? "; " : " ");
		out__escaped(o, c[i].name, strlen(c[i].name));
		out__putc(o, ' ');
		describe(&c[i].st, o);
	}
	if (i < n) {
		out__puts(o, i ? "; " : " ");
		out__escaped(o, c[i].name, strlen(c[i].name));
		out__puts(o, " does not exist");
	}
	out__newline(o);
}

/* Name the first component whose mode bits deny; false if none does. */
static bool find_denial(const struct xp_perm_in *in, const struct comp *c, int n, struct sr_out *o)
{
	bool leaf_exists = c[n - 1].exists;
	int dir_need, leaf_need, i, miss = 0, need = 0;

	needs(in, leaf_exists, &dir_need, &leaf_need);
	for (i = 0; i < n && c[i].exists; i++) {
		need = i == n - 1 ? leaf_need : i == n - 2 ? dir_need : P_X;
		miss = missing(&c[i].st, need, in->creds);
		if (miss)
			break;
	}
	if (!miss)
		return false;
	out__puts(o, "  denied: ");
	out__escaped(o, c[i].name, strlen(c[i].name));
	out__puts(o, ": ");
	describe(&c[i].st, o);
	out__printf(o, "; uid %u cannot ", in->creds->fsuid);
	bits_words(miss, S_ISDIR(c[i].st.st_mode), o);
	if (need != miss) {
		out__puts(o, " (the call needs ");
		bits_words(need, S_ISDIR(c[i].st.st_mode), o);
		out__putc(o, ')');
	}
	out__newline(o);
	return true;
}

static bool opt_has(const char *opts, const char *o)
{
	size_t n = strlen(o);
	const char *p = opts;

	while ((p = strstr(p, o))) {
		if ((p == opts || p[-1] == ',') && (p[n] == ',' || !p[n]))
			return true;
		p += n;
	}
	return false;
}

/* The mount holding @path in process @tgid's mountinfo (sysray's if it is gone). */
static bool find_mount(const struct xp_perm_in *in, const char *path, char *point, size_t psize,
		       char *opts, size_t osize, bool *own)
{
	char file[64], line[4096], mp[PATH_MAX], mo[512], so[512];
	size_t best = 0;
	FILE *f;

	snprintf(file, sizeof(file), "/proc/%u/mountinfo", in->tgid);
	*own = !in->tgid || !(f = fopen(file, "re"));
	if (*own && !(f = fopen("/proc/self/mountinfo", "re")))
		return false;
	while (fgets(line, sizeof(line), f)) {
		char *sep = strstr(line, " - ");
		size_t n;

		/* id parent dev root mountpoint options ... - fstype source superoptions */
		if (!sep || sscanf(line, "%*s %*s %*s %*s %4095s %511s", mp, mo) != 2 ||
		    sscanf(sep + 3, "%*s %*s %511s", so) != 1)
			continue;
		n = strlen(mp);
		/* mountinfo escapes spaces as \\040: compare as it spells them */
		if (strncmp(path, mp, n) || (n > 1 && path[n] && path[n] != '/') || n < best)
			continue;
		best = n;
		snprintf(point, psize, "%s", mp);
		/* a read-only file system makes every mount of it read-only */
		snprintf(opts, osize, "%s%s", mo,
			 opt_has(so, "ro") && !opt_has(mo, "ro") ? ",ro" : "");
	}
	fclose(f);
	return best > 0;
}

static void mount_note(const struct xp_perm_in *in, struct sr_out *o, bool always)
{
	char point[PATH_MAX], opts[600];
	bool own;

	if (!find_mount(in, in->path, point, sizeof(point), opts, sizeof(opts), &own))
		return;
	if (!always && !opt_has(opts, "ro") && !opt_has(opts, "noexec"))
		return;
	out__puts(o, "  mount: ");
	out__escaped(o, in->path, strlen(in->path));
	out__puts(o, " is on ");
	out__escaped(o, point, strlen(point));
	out__printf(o, ", mounted %s", opts);
	if (opt_has(opts, "ro"))
		out__puts(o, ": read-only");
	else if (opt_has(opts, "noexec") && in->kind == XK_EXEC)
		out__puts(o, ": noexec");
	out__puts(o, own ? " (sysray's mount table: the process is gone)" : "");
	out__newline(o);
}

/* Suspects beyond the mode bits, checked where they can be. */
static void beyond_modes(const struct xp_perm_in *in, const struct comp *c, int n, struct sr_out *o)
{
	char host[PATH_MAX + 64], label[256] = "", file[64];
	int i, fd, flags = 0;
	FILE *f;

	if (in->creds)
		out__puts(o, "  the mode bits allow it for these credentials: look at ACLs, LSMs "
			     "(AppArmor, SELinux) and mount flags\n");
	for (i = 0; i < n && c[i].exists; i++) {
		host_path(in, c[i].name, host, sizeof(host));
		if (getxattr(host, "system.posix_acl_access", NULL, 0) > 0) {
			out__puts(o, "  acl: ");
			out__escaped(o, c[i].name, strlen(c[i].name));
			out__puts(o, " has an access ACL (getfacl shows it)\n");
		}
	}
	host_path(in, in->path, host, sizeof(host));
	fd = open(host, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOFOLLOW);
	if (fd >= 0 && !ioctl(fd, FS_IOC_GETFLAGS, &flags) &&
	    (flags & (FS_IMMUTABLE_FL | FS_APPEND_FL)))
		out__printf(o, "  attr: the file is %s (lsattr shows it)\n",
			    flags & FS_IMMUTABLE_FL ? "immutable" : "append-only");
	if (fd >= 0)
		close(fd);
	mount_note(in, o, true);
	snprintf(file, sizeof(file), "/proc/%u/attr/current", in->tgid);
	f = in->tgid ? fopen(file, "re") : NULL;
	if (f && fgets(label, sizeof(label), f) && label[0] && strncmp(label, "unconfined", 10)) {
		label[strcspn(label, "\n")] = '\0';
		out__puts(o, "  lsm: the process runs as ");
		out__escaped(o, label, strlen(label));
		out__newline(o);
	}
	if (f)
		fclose(f);
}

void perm__explain(const struct xp_perm_in *in, struct sr_out *o)
{
	static char names[XP_MAX_COMPS][PATH_MAX];
	char root[PATH_MAX + 64];
	struct comp c[XP_MAX_COMPS];
	int i, n;

	if (!in->live)
		return;
	n = split(in->path, names, XP_MAX_COMPS);
	if (!n)
		return;
	for (i = 0; i < n; i++) {
		c[i].name = names[i];
		c[i].exists = !do_stat(in, names[i], &c[i].st);
		if (!c[i].exists)
			break;
	}
	for (; i < n; i++)
		c[i] = (struct comp){ .name = names[i] };
	print_chain(c, n, o);
	if (!host_path(in, "/", root, sizeof(root)))
		out__puts(
			o,
			"  (the process is gone and its root was not seen: these modes are "
			"sysray's view, which a container's or chroot's files may differ from)\n");
	if (in->err == EROFS) {
		mount_note(in, o, true);
		return;
	}
	if (in->creds && find_denial(in, c, n, o))
		return;
	if (in->err == EPERM && in->creds && c[n - 1].exists &&
	    c[n - 1].st.st_uid != in->creds->fsuid && !has_cap(in->creds, CAP_FOWNER)) {
		out__printf(o, "  owner: uid %u does not own it and has no CAP_FOWNER\n",
			    in->creds->fsuid);
		return;
	}
	beyond_modes(in, c, n, o);
}

void perm__creds(const struct sr_creds *cr, struct sr_out *o)
{
	uint32_t i;

	out__printf(o, "  credentials at the call: uid %u", cr->uid);
	if (cr->euid != cr->uid || cr->fsuid != cr->uid)
		out__printf(o, " (euid %u, fsuid %u)", cr->euid, cr->fsuid);
	out__printf(o, ", gid %u", cr->gid);
	if (cr->egid != cr->gid || cr->fsgid != cr->gid)
		out__printf(o, " (egid %u, fsgid %u)", cr->egid, cr->fsgid);
	out__puts(o, ", groups [");
	for (i = 0; i < cr->ngroups && i < SR_CREDS_GROUPS; i++)
		out__printf(o, "%s%u", i ? " " : "", cr->groups[i]);
	if (cr->ngroups > SR_CREDS_GROUPS)
		out__puts(o, " ...");
	out__puts(o, "], capabilities ");
	if (!cr->cap_eff)
		out__puts(o, "none");
	else if (has_cap(cr, CAP_DAC_OVERRIDE) && has_cap(cr, CAP_SYS_ADMIN))
		out__printf(o, "0x%llx (root's)", (unsigned long long)cr->cap_eff);
	else
		out__printf(o, "0x%llx", (unsigned long long)cr->cap_eff);
	out__newline(o);
}

/* The ELF program interpreter of the file open at @fd, into @buf; false if none. */
static bool elf_interp(int fd, char *buf, size_t size)
{
	Elf64_Ehdr eh;
	Elf64_Phdr ph;
	int i;

	if (pread(fd, &eh, sizeof(eh), 0) != sizeof(eh) || memcmp(eh.e_ident, ELFMAG, SELFMAG) ||
	    eh.e_ident[EI_CLASS] != ELFCLASS64 || eh.e_phentsize != sizeof(ph))
		return false;
	for (i = 0; i < eh.e_phnum && i < 64; i++) {
		if (pread(fd, &ph, sizeof(ph), eh.e_phoff + i * sizeof(ph)) != sizeof(ph))
			return false;
		if (ph.p_type != PT_INTERP)
			continue;
		if (!ph.p_filesz || ph.p_filesz >= size ||
		    pread(fd, buf, ph.p_filesz, ph.p_offset) != (ssize_t)ph.p_filesz)
			return false;
		buf[ph.p_filesz] = '\0';
		return true;
	}
	return false;
}

/* A #! line's interpreter, into @buf; false if the file does not start with one. */
static bool script_interp(int fd, char *buf, size_t size, bool *cr)
{
	char head[256];
	ssize_t n = pread(fd, head, sizeof(head) - 1, 0);
	size_t len;
	char *p;

	if (n < 3 || head[0] != '#' || head[1] != '!')
		return false;
	head[n] = '\0';
	p = head + 2 + strspn(head + 2, " \t");
	len = strcspn(p, " \t\n");
	*cr = len && p[len - 1] == '\r';
	if (*cr)
		len--;
	if (!len || len >= size)
		return false;
	memcpy(buf, p, len);
	buf[len] = '\0';
	return true;
}

void perm__exec_note(const struct xp_perm_in *in, struct sr_out *o)
{
	const char *path = in->path;
	char host[PATH_MAX + 64], interp[PATH_MAX] = "";
	bool cr = false, elf = false;
	struct stat st;
	int fd;

	if (!in->live || path[0] != '/')
		return;
	host_path(in, path, host, sizeof(host));
	fd = open(host, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return;
	if (!script_interp(fd, interp, sizeof(interp), &cr)) {
		char magic[SELFMAG];

		elf = pread(fd, magic, SELFMAG, 0) == SELFMAG && !memcmp(magic, ELFMAG, SELFMAG);
		if (elf && !elf_interp(fd, interp, sizeof(interp)))
			interp[0] = '\0';
	}
	close(fd);
	if (!elf && !interp[0] && !cr) {
		out__puts(o,
			  "  exec: the file exists but has no #! line and is not an ELF program\n");
		return;
	}
	if (!interp[0])
		return;
	if (!cr && interp[0] == '/' && !do_stat(in, interp, &st))
		return;
	out__puts(o, "  exec: the file exists; its ");
	out__puts(o, elf ? "ELF interpreter " : "#! interpreter ");
	out__quoted(o, interp, strlen(interp), PATH_MAX, 0);
	out__puts(o, cr ? " ends with a carriage return (DOS line endings)" : " does not exist");
	out__newline(o);
}
