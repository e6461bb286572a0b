// SPDX-License-Identifier: GPL-2.0
/*
 * What a syscall is for the diagnosis, derived once from its row of the
 * syscall table (argument types, return kind, classes), never from its
 * name: a call that runs a program takes an argv; one that opens a path
 * returns an fd; a probe looks a path up and only reports on it. And how
 * likely a failure is a cause, by errno and by kind; and what --explain
 * asks of the kernel side (the capture options, the accept syscalls).
 */
#include <errno.h>
#include <string.h>

#include "explain/explain.h"
#include "explain/internal.h"
#include "table/syscalls.h"

static struct xp_sys sys_info[SR_NR_MAX];
static bool sys_ready;

/* The table's struct kinds and decoders this file recognises. */
static bool is_kind(const struct sr_argdesc *a, const struct sr_kind *k)
{
	return (a->type == SR_T_STRUCT_IN || a->type == SR_T_STRUCT_OUT) && a->kind == k;
}

static bool is_dec(const struct sr_argdesc *a, const struct sr_decoder *d)
{
	return a->type == SR_T_CUSTOM && a->dec == d;
}

/* Does the call report on a path through an output (stat's struct, readlink's buffer)? */
static bool has_output(const struct sr_sysent *e)
{
	int i;

	for (i = 0; i < e->nargs && i < SR_NARGS; i++) {
		uint8_t t = e->args[i].type;

		if (t == SR_T_STRUCT_OUT || t == SR_T_PATH_OUT || t == SR_T_BUF_OUT)
			return true;
	}
	return false;
}

static void find_args(const struct sr_sysent *e, struct xp_sys *s, bool *argv, bool *peer_out)
{
	int i, np = 0;

	for (i = 0; i < e->nargs && i < SR_NARGS; i++) {
		const struct sr_argdesc *a = &e->args[i];

		if (a->type == SR_T_PATH && np < 2)
			s->path[np++] = i;
		else if (a->type == SR_T_ARGV)
			*argv = true;
		else if (is_dec(a, &sr_dec_open_flags) && s->oflags < 0)
			s->oflags = i;
		else if (a->type == SR_T_FLAGS && a->xlat == &xlat_access_modes)
			s->amode = i;
		else if (is_kind(a, &sr_kind_sockaddr) && a->type == SR_T_STRUCT_IN)
			s->addr = i;
		else if (is_kind(a, &sr_kind_sockaddr))
			*peer_out = true;
		else if (a->type == SR_T_BUF_IN && s->data < 0)
			s->data = i, s->data_how = XD_BUF;
		else if (a->type == SR_T_IOV_IN && s->data < 0)
			s->data = i, s->data_how = XD_IOV;
		else if (is_dec(a, &sr_dec_msghdr_in) && s->data < 0)
			s->data = i, s->data_how = XD_MSGHDR;
	}
}

static void classify(const struct sr_sysent *e, struct xp_sys *s)
{
	bool argv = false, peer_out = false;

	s->path[0] = s->path[1] = s->oflags = s->amode = s->addr = s->data = -1;
	s->data_how = XD_NONE;
	s->fd0 = e->nargs > 0 && e->args[0].type == SR_T_FD;
	find_args(e, s, &argv, &peer_out);
	if (argv)
		s->kind = XK_EXEC;
	else if (s->addr >= 0 && s->data < 0 && e->ret == SR_R_INT)
		s->kind = XK_ADDR;
	else if (peer_out && e->ret == SR_R_FD)
		s->kind = XK_ACCEPT;
	else if (s->path[0] >= 0 && e->ret == SR_R_FD)
		s->kind = XK_OPEN;
	else if (s->path[0] >= 0 && (s->amode >= 0 || has_output(e) ||
				     (e->flags & (SR_C_STAT_LIKE | SR_C_STATFS_LIKE))))
		s->kind = XK_PROBE;
	else if (s->path[0] >= 0)
		s->kind = XK_CHANGE;
	else if (s->fd0)
		s->kind = XK_FDOP;
	else
		s->kind = XK_OTHER;
}

const struct xp_sys *xp_sys_of(int nr)
{
	static const struct xp_sys other = { .kind = XK_OTHER,
					     .path = { -1, -1 },
					     .oflags = -1,
					     .amode = -1,
					     .addr = -1,
					     .data = -1 };
	int i;

	if (!sys_ready) {
		for (i = 0; i < SR_NR_MAX; i++)
			classify(syscalls__get(i), &sys_info[i]);
		sys_ready = true;
	}
	return nr >= 0 && nr < SR_NR_MAX ? &sys_info[nr] : &other;
}

/*
 * Errors that say something is wrong with the set-up come first; those a
 * program expects and handles (would block, interrupted, not a tty, no such
 * attribute) never explain a failure.
 */
int xp_errno_weight(int err)
{
	switch (err) {
	case EACCES:
	case EPERM:
	case EROFS:
	case ECONNREFUSED:
	case EADDRINUSE:
	case ENOEXEC:
	case ELIBBAD:
	case ENOSPC:
	case EDQUOT:
	case ETXTBSY:
	case EIO:
	case ELOOP:
	case ENAMETOOLONG:
	case EMFILE:
	case ENFILE:
	case E2BIG:
	case ENOMEM:
	case EFBIG:
		return 60;
	case ENOENT:
	case ENOTDIR:
	case EISDIR:
	case EXDEV:
	case EEXIST:
	case ENOTEMPTY:
	case EBUSY:
	case ENODEV:
	case ENXIO:
	case EHOSTUNREACH:
	case ENETUNREACH:
	case EADDRNOTAVAIL:
	case ETIMEDOUT:
	case ECONNRESET:
	case ECONNABORTED:
	case EPIPE:
	case ESRCH:
	case EMLINK:
	case EOVERFLOW:
		return 40;
	case EINVAL:
	case EBADF:
	case ENOSYS:
	case EOPNOTSUPP:
	case EPROTONOSUPPORT:
	case EAFNOSUPPORT:
	case ENOTCONN:
	case ENOTSOCK:
	case EFAULT:
	case ERANGE:
	case ENOPROTOOPT:
	case EDESTADDRREQ:
	case EMSGSIZE:
		return 10;
	default:
		/* EAGAIN, EINTR, EINPROGRESS, EALREADY, ECHILD, ENOTTY, ESPIPE, ENODATA... */
		return 0;
	}
}

int xp_kind_weight(int kind)
{
	static const int w[XK_MAX] = {
		[XK_OTHER] = 0,	  [XK_FDOP] = 5,  [XK_ACCEPT] = 5, [XK_PROBE] = 5,
		[XK_CHANGE] = 20, [XK_OPEN] = 25, [XK_ADDR] = 25,  [XK_EXEC] = 30,
	};

	return kind >= 0 && kind < XK_MAX ? w[kind] : 0;
}

/*
 * What a path names, as a search along a list sees it: the last component,
 * without the leading dots of a hidden file (~/.apprc and /etc/apprc are
 * candidates for the same file). FNV-1a; never 0.
 */
uint64_t xp_name_key(const char *s, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	size_t i, start = 0;

	while (n > 1 && s[n - 1] == '/')
		n--;
	for (i = 0; i < n; i++)
		if (s[i] == '/')
			start = i + 1;
	while (start < n && s[start] == '.')
		start++;
	for (i = start; i < n; i++) {
		h ^= (uint8_t)s[i];
		h *= 0x100000001b3ULL;
	}
	return h ? h : 1;
}

int explain__accept_nrs(int *nrs, int max)
{
	int nr, n = 0;

	for (nr = 0; nr < SR_NR_MAX && n < max; nr++)
		if (xp_sys_of(nr)->kind == XK_ACCEPT && syscalls__get(nr)->nr == nr)
			nrs[n++] = nr;
	return n;
}

bool explain__wanted(const struct sr_opts *o)
{
	return o->explain || o->why;
}

void explain__capture_opts(const struct sr_opts *o, struct sr_opts *k)
{
	*k = *o;
	if (!explain__wanted(o))
		return;
	/* every call and every outcome: probes and their successes tell causes from noise */
	k->trace_set = false;
	k->status = SR_ST_ALL;
	/* sockets described at connect and accept; task names in every record */
	k->decode_fds = 2;
	k->decode_pids = true;
	if (k->strsize < (o->why ? SR_EXPLAIN_WHY_CAP : SR_EXPLAIN_DATA_CAP))
		k->strsize = o->why ? SR_EXPLAIN_WHY_CAP : SR_EXPLAIN_DATA_CAP;
}

/* Error messages read like errors: the words programs use for them. */
bool kind__error_text(const char *s, size_t n)
{
	static const char *const words[] = {
		"error",     "fail",	     "cannot",	  "can't",	   "could not",
		"couldn't",  "unable",	     "denied",	  "not found",	   "no such",
		"refused",   "invalid",	     "fatal",	  "not permitted", "missing",
		"abort",     "bad ",	     "timed out", "not allowed",   "unreachable",
		"forbidden", "unrecognized", "usage:",
	};
	char low[SR_EXPLAIN_WHY_CAP + 1];
	size_t i;

	if (n > SR_EXPLAIN_WHY_CAP)
		n = SR_EXPLAIN_WHY_CAP;
	for (i = 0; i < n; i++)
		low[i] = (s[i] >= 'A' && s[i] <= 'Z') ? s[i] - 'A' + 'a' : (s[i] ? s[i] : ' ');
	low[n] = '\0';
	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (strstr(low, words[i]))
			return true;
	return false;
}

/* The system log's sockets: syslog(3)'s and journald's. */
bool kind__log_socket(const char *path)
{
	static const char *const logs[] = {
		"/dev/log",
		"/run/systemd/journal/socket",
		"/run/systemd/journal/dev-log",
		"/run/systemd/journal/stdout",
	};
	size_t i;

	for (i = 0; i < sizeof(logs) / sizeof(logs[0]); i++)
		if (!strcmp(path, logs[i]))
			return true;
	return false;
}
