// SPDX-License-Identifier: GPL-2.0
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "host/proc.h"
#include "host/procparse.h"

/* Value of "Key:" in /proc/PID/status, or -errno. */
static long status_field(pid_t pid, const char *key)
{
	char path[64], text[4096];
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "/proc/%d/status", (int)pid);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return errno == ENOENT ? -ESRCH : -errno;
	n = read(fd, text, sizeof(text));
	close(fd);
	if (n < 0)
		return errno == ESRCH ? -ESRCH : -errno;
	return procparse__status(text, n, key, 10);
}

pid_t proc__tgid(pid_t pid)
{
	if (pid <= 0)
		return -ESRCH;
	return status_field(pid, "Tgid");
}

pid_t proc__ppid(pid_t pid)
{
	return status_field(pid, "PPid");
}

int proc__comm(pid_t pid, char *buf, size_t len)
{
	char path[64];
	FILE *f;
	size_t n;

	snprintf(path, sizeof(path), "/proc/%d/comm", (int)pid);
	f = fopen(path, "r");
	if (!f)
		return -errno;
	n = fread(buf, 1, len - 1, f);
	fclose(f);
	while (n && (buf[n - 1] == '\n'))
		n--;
	buf[n] = '\0';
	return 0;
}

static bool is_relay_comm(const char *comm)
{
	static const char *const relays[] = {
		"sshd",		"sshd-session",	   "dropbear", "mosh-server", "tmux",
		"tmux: server", "screen",	   "SCREEN",   "script",      "xterm",
		"konsole",	"gnome-terminal-", "kitty",    "alacritty",   "wezterm-gui",
		"foot",		"sshd-auth",
	};
	size_t i;

	for (i = 0; i < sizeof(relays) / sizeof(relays[0]); i++)
		if (!strcmp(comm, relays[i]))
			return true;
	return false;
}

static int add_unique(pid_t *out, int n, int max, pid_t pid)
{
	int i;

	for (i = 0; i < n; i++)
		if (out[i] == pid)
			return n;
	if (n < max)
		out[n++] = pid;
	return n;
}

/* pts number of @fd's terminal, or -1. */
static int pts_index(int fd)
{
	char *name = isatty(fd) ? ttyname(fd) : NULL;
	int idx;

	if (name && sscanf(name, "/dev/pts/%d", &idx) == 1)
		return idx;
	return -1;
}

/* Does @pid hold the master side of pts @idx? */
static bool holds_master(const char *pid, int idx)
{
	char path[PATH_MAX], link[64], line[128];
	struct dirent *de;
	bool found = false;
	DIR *d;

	snprintf(path, sizeof(path), "/proc/%s/fd", pid);
	d = opendir(path);
	if (!d)
		return false;
	while (!found && (de = readdir(d))) {
		ssize_t n;
		FILE *f;

		snprintf(path, sizeof(path), "/proc/%s/fd/%s", pid, de->d_name);
		n = readlink(path, link, sizeof(link) - 1);
		if (n <= 0)
			continue;
		link[n] = '\0';
		if (strcmp(link, "/dev/ptmx") && strcmp(link, "/dev/pts/ptmx"))
			continue;
		snprintf(path, sizeof(path), "/proc/%s/fdinfo/%s", pid, de->d_name);
		f = fopen(path, "r");
		if (!f)
			continue;
		while (fgets(line, sizeof(line), f)) {
			struct sr_fdinfo_text fi = {};

			procparse__fdinfo_line(line, &fi);
			if (fi.has_tty_index && fi.tty_index == idx)
				found = true;
		}
		fclose(f);
	}
	closedir(d);
	return found;
}

int proc__relays(pid_t *out, int max)
{
	char comm[32];
	pid_t pid = getppid();
	struct dirent *de;
	int n = 0, idx, hops;
	DIR *d;

	for (hops = 0; pid > 1 && hops < 64; hops++) {
		if (!proc__comm(pid, comm, sizeof(comm)) && is_relay_comm(comm))
			n = add_unique(out, n, max, pid);
		pid = proc__ppid(pid);
	}
	idx = pts_index(STDOUT_FILENO);
	if (idx < 0)
		idx = pts_index(STDERR_FILENO);
	if (idx < 0)
		return n;
	d = opendir("/proc");
	if (!d)
		return n;
	while ((de = readdir(d))) {
		if (de->d_name[0] < '1' || de->d_name[0] > '9')
			continue;
		if (holds_master(de->d_name, idx))
			n = add_unique(out, n, max, atoi(de->d_name));
	}
	closedir(d);
	return n;
}

static int check_exe(const char *path)
{
	struct stat st;

	if (stat(path, &st))
		return -errno;
	if (!S_ISREG(st.st_mode))
		return -EACCES;
	if (access(path, X_OK))
		return -errno;
	return 0;
}

int proc__find_exe(const char *cmd, char *buf, size_t len)
{
	const char *path = getenv("PATH"), *p;
	int err = -ENOENT, e;

	if (strchr(cmd, '/')) {
		if ((size_t)snprintf(buf, len, "%s", cmd) >= len)
			return -ENAMETOOLONG;
		return check_exe(buf);
	}
	if (!path)
		path = "/usr/local/bin:/usr/bin:/bin";
	for (p = path;; p = strchr(p, ':') + 1) {
		size_t dlen = strcspn(p, ":");

		if ((size_t)snprintf(buf, len, "%.*s%s%s", (int)dlen, dlen ? p : ".", "/", cmd) <
		    len) {
			e = check_exe(buf);
			if (!e)
				return 0;
			/* Like execvp: a match we may not run beats "not found". */
			if (e == -EACCES)
				err = e;
		}
		if (!p[dlen])
			break;
	}
	return err;
}

bool proc__gone(const char *root, pid_t pid)
{
	char path[PATH_MAX], buf[256];
	ssize_t n;
	int fd;

	if ((size_t)snprintf(path, sizeof(path), "%s/%d/stat", root, (int)pid) >= sizeof(path))
		return true;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return errno == ENOENT || errno == ESRCH;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return true;
	buf[n] = '\0';
	return procparse__stat_gone(buf);
}

/* Effective capabilities of this process, from /proc/self/status. */
uint64_t proc__cap_effective(void)
{
	char line[256];
	uint64_t caps = 0;
	FILE *f = fopen("/proc/self/status", "r");

	if (!f)
		return 0;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "CapEff: %lx", &caps) == 1)
			break;
	fclose(f);
	return caps;
}

/*
 * The initial pid namespace's inode number: PROC_PID_INIT_INO in the
 * kernel's include/linux/proc_ns.h (not a UAPI header, but fixed since
 * Linux 3.8: namespaces' inode numbers are visible to user space).
 */
#define PID_INIT_INO 0xEFFFFFFCU

int proc__host_pidns(void)
{
	struct stat st;

	if (stat("/proc/self/ns/pid", &st))
		return -errno;
	return st.st_ino == PID_INIT_INO;
}
