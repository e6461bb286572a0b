// SPDX-License-Identifier: GPL-2.0
/*
 * The --explain/--why sink: every completed call goes by here. A failure
 * that may explain something is remembered with its strace line (as the
 * call's values and fds were when it happened), the absolute path or
 * address it used, and for a permission error why the kernel said no; a
 * success that found a name a failure looked for is remembered too (the
 * failure was a probe along a search list); connections and accepts tie
 * clients to the daemons and children that served them. Triggers: a write
 * of an error message to fd 2, a tty or the system log; a non-zero exit; a
 * fatal signal; with --why, any write holding the user's text.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>

#include "explain/explain.h"
#include "explain/internal.h"
#include "fd/fdtab.h"
#include "host/proc.h"
#include "print/line.h"

/* One strace line, rendered in memory (paths are never cut: up to 4096 bytes each). */
#define XP_LINE_MAX 32768
/* Failure keys per tree whose later success is worth remembering: direct-mapped. */
#define XP_FAILKEYS 4096
/* Data of a write looked at for a message. */
#define XP_MSG_MAX SR_EXPLAIN_WHY_CAP

struct xp_sink {
	struct sr_sink base;
	struct sr_explain_cfg cfg;
	struct sr_opts ropts; /* rendering: the user's options, paths made absolute */
	struct sr_fdtab *fds; /* its own fd model: paths, cwds, ttys, sockets */
	struct sr_text_pr text;
	struct sr_fmt fmt;
	struct sr_out lo; /* one line, in memory */
	char line[XP_LINE_MAX];
	struct xp_hist hist;
	struct xp_roots roots;
	struct xp_report_ctx rep;
	uint64_t failkeys[XP_FAILKEYS];
	uint64_t reports;
};

#define SINK(s) ((struct xp_sink *)(s))

/* Reset the in-memory line. */
static void line_reset(struct xp_sink *k)
{
	k->lo.len = 0;
	k->lo.line_start = 0;
	k->lo.err = 0;
}

/* NUL-terminate the line; NULL if it did not fit. */
static const char *line_done(struct xp_sink *k)
{
	if (k->lo.err || k->lo.len >= sizeof(k->line))
		return NULL;
	k->line[k->lo.len] = '\0';
	return k->line;
}

static void leader(struct xp_sink *k, const struct sr_task_info *t)
{
	out__udec(&k->lo, t->tid);
	if (k->ropts.decode_pids && t->comm && t->comm[0]) {
		out__putc(&k->lo, '<');
		out__escaped(&k->lo, t->comm, strnlen(t->comm, SR_COMM_LEN));
		out__puts(&k->lo, "> ");
		return;
	}
	out__pad_to(&k->lo, 5);
	out__putc(&k->lo, ' ');
}

/* @ev's call as strace prints it, with its pid; NULL if it does not fit. */
static const char *render(struct xp_sink *k, const struct sr_event *ev)
{
	struct sr_call *c = ev->call;

	line_reset(k);
	leader(k, ev->task);
	k->fmt.when = ev->ts;
	line__whole(&k->fmt, c, ev->type == SR_EV_ORPHAN);
	return line_done(k);
}

/* The blob of slot @arg (an SR_ARG_* beyond the arguments) in @c's exit record. */
static const struct sr_blob *exit_blob(const struct sr_call *c, int arg, int src)
{
	const struct sr_hdr *h = (const void *)c->out_start;
	const struct sr_blob *b;
	size_t fixed;

	if (!c->has_exit || !h || c->out_start + sizeof(*h) > c->out_end)
		return NULL;
	fixed = h->type == SR_REC_CALL ? sizeof(struct sr_callrec) : sizeof(struct sr_exit);
	b = (const void *)(c->out_start + fixed);
	if (c->out_start + fixed > c->out_end || !blob_valid(b, c->out_end))
		return NULL;
	for (; b; b = blob_next(b, c->out_end)) {
		if (b->arg != arg)
			continue;
		if (arg == SR_ARG_CREDS && b->len >= sizeof(struct sr_creds))
			return b;
		if (arg == SR_ARG_FDINFO && b->len >= sizeof(struct sr_fdinfo) &&
		    ((const struct sr_fdinfo *)blob_data(b))->src == src)
			return b;
	}
	return NULL;
}

/* Path argument @which of @c, absolute when the fd model knows the base; its length or -1. */
static int arg_path(struct xp_sink *k, const struct sr_call *c, const struct xp_sys *sy, int which,
		    char *buf, size_t size)
{
	int i = sy->path[which], dirfd = AT_FDCWD, n;
	const struct sr_blob *b;
	const char *s;

	if (i < 0 || !(b = call__blob(c, i, true)) || !blob_ok(b) || (b->flags & SR_BF_TRUNC))
		return -1;
	s = blob_data(b);
	n = strnlen(s, b->len);
	if (i > 0 && c->ent->args[i - 1].type == SR_T_DIRFD)
		dirfd = (int)c->args[i - 1];
	if (n && s[0] != '/') {
		int m = fdtab__abs_path(k->fds, c, dirfd, s, n, buf, size);

		if (m >= 0)
			return m;
	}
	if ((size_t)n >= size)
		return -1;
	memcpy(buf, s, n);
	buf[n] = '\0';
	return n;
}

/* "127.0.0.1:5432", "[::1]:5432", a unix path, "@abstract": what an address names. */
static int addr_text(const void *sa, size_t len, char *buf, size_t size, uint16_t *family)
{
	const struct sockaddr *s = sa;
	char ip[64];

	*family = len >= 2 ? s->sa_family : 0;
	if (*family == AF_UNIX && len > 2) {
		const char *p = (const char *)sa + 2;
		size_t n = strnlen(p + (p[0] == 0), len - 2 - (p[0] == 0));

		return snprintf(buf, size, "%s%.*s", p[0] ? "" : "@", (int)n, p + (p[0] == 0));
	}
	if (*family == AF_INET && len >= 8) {
		const uint8_t *a = (const uint8_t *)sa + 4;

		return snprintf(buf, size, "%u.%u.%u.%u:%u", a[0], a[1], a[2], a[3],
				(uint16_t)(((const uint8_t *)sa)[2] << 8 |
					   ((const uint8_t *)sa)[3]));
	}
	if (*family == AF_INET6 && len >= 24) {
		const uint8_t *a = (const uint8_t *)sa + 8;
		int i, n = 0;

		for (i = 0; i < 16; i += 2)
			n += snprintf(ip + n, sizeof(ip) - n, "%s%x", i ? ":" : "",
				      a[i] << 8 | a[i + 1]);
		return snprintf(buf, size, "[%s]:%u", ip,
				(uint16_t)(((const uint8_t *)sa)[2] << 8 |
					   ((const uint8_t *)sa)[3]));
	}
	return -1;
}

/* The socket address argument of @c as text; -1 if none. */
static int call_addr(const struct sr_call *c, const struct xp_sys *sy, char *buf, size_t size,
		     uint16_t *family)
{
	const struct sr_blob *b = sy->addr >= 0 ? call__blob(c, sy->addr, false) : NULL;

	if (!b || !blob_ok(b))
		return -1;
	return addr_text(blob_data(b), b->len, buf, size, family);
}

/*
 * What a failure looked for, as a key shared with the successes that would
 * make it a probe: a file name, or an address (its port for TCP/UDP: ::1
 * then 127.0.0.1 are candidates for one service).
 */
static uint64_t target_key(const char *what, uint16_t family)
{
	const char *colon = strrchr(what, ':');

	if ((family == AF_INET || family == AF_INET6) && colon)
		return xp_name_key(colon, strlen(colon));
	return xp_name_key(what, strlen(what));
}

static uint64_t *failkey_slot(struct xp_sink *k, const struct xp_proc *p, uint64_t key)
{
	uint64_t h = (key ^ (p->tree->root * 0x9e3779b97f4a7c15ULL)) | 1;

	return &k->failkeys[(h >> 17) % XP_FAILKEYS];
}

static uint64_t failkey_val(const struct xp_proc *p, uint64_t key)
{
	return (key ^ (p->tree->root * 0x9e3779b97f4a7c15ULL)) | 1;
}

/* Notes for a failure: why permissions denied it, what an exec lacked, the credentials. */
static void failure_notes(struct xp_sink *k, const struct xp_proc *p, const struct sr_call *c,
			  const struct xp_sys *sy, int err, const char *path, struct sr_out *o)
{
	const struct sr_blob *cb = exit_blob(c, SR_ARG_CREDS, 0);
	struct sr_creds cr;
	struct xp_perm_in in = {
		.path = path,
		.kind = sy->kind,
		.err = err,
		.oflags = sy->oflags >= 0 ? (int64_t)c->args[sy->oflags] : -1,
		.amode = sy->amode >= 0 ? (int64_t)c->args[sy->amode] : -1,
		.tgid = c->tgid,
		.root_fd = roots__fd(&k->roots, p),
		.live = k->cfg.live,
	};
	char second[SR_BLOB_MAX + 1];

	if (cb)
		memcpy(&cr, blob_data(cb), sizeof(cr));
	in.creds = cb ? &cr : NULL;
	if (path && path[0] == '/' && (err == EACCES || err == EPERM || err == EROFS)) {
		perm__explain(&in, o);
		if (sy->path[1] >= 0 && arg_path(k, c, sy, 1, second, sizeof(second)) > 0 &&
		    second[0] == '/') {
			in.path = second;
			in.second = true;
			perm__explain(&in, o);
		}
	}
	if (sy->kind == XK_EXEC && path && (err == ENOENT || err == ENOEXEC || err == EACCES)) {
		in.path = path;
		in.second = false;
		perm__exec_note(&in, o);
	}
	if (cb)
		perm__creds(&cr, o);
}

static void on_failure(struct xp_sink *k, const struct sr_event *ev, const struct xp_sys *sy,
		       struct xp_proc *p, int err)
{
	const struct sr_call *c = ev->call;
	struct xp_ent t = { .ts = ev->ts, .tid = ev->task->tid, .err = err, .kind = sy->kind };
	char path[SR_BLOB_MAX + 1], notes[8192];
	struct sr_out no = { .fd = -1, .buf = notes, .cap = sizeof(notes) - 1 };
	const char *line, *what = NULL;
	uint16_t family = 0;

	if (!xp_errno_weight(err))
		return;
	if (sy->path[0] >= 0 && arg_path(k, c, sy, 0, path, sizeof(path)) > 0) {
		what = path;
		t.key = xp_name_key(path, strlen(path));
	} else if (sy->addr >= 0 && call_addr(c, sy, path, sizeof(path), &family) > 0) {
		what = path;
		t.key = target_key(path, family);
	}
	failure_notes(k, p, c, sy, err, what, &no);
	notes[no.err ? 0 : no.len] = '\0';
	line = render(k, ev);
	if (!line)
		return;
	if (!hist__add(&k->hist, p, &t, line, what, notes[0] ? notes : NULL))
		return;
	if (t.key)
		*failkey_slot(k, p, t.key) = failkey_val(p, t.key);
}

/* A success that found what an earlier failure of its tree looked for. */
static void note_success(struct xp_sink *k, const struct sr_event *ev, struct xp_proc *p,
			 uint64_t key, int kind)
{
	struct xp_ent t = { .ts = ev->ts, .tid = ev->task->tid, .key = key, .kind = kind };

	if (key && *failkey_slot(k, p, key) == failkey_val(p, key))
		hist__add(&k->hist, p, &t, NULL, NULL, NULL);
}

/* A connect (client end) or an accept (server end), from the socket's description. */
static void note_conn(struct xp_sink *k, const struct sr_event *ev, const struct xp_sys *sy,
		      struct xp_proc *p)
{
	const struct sr_call *c = ev->call;
	bool accepted = sy->kind == XK_ACCEPT;
	const struct sr_blob *b = exit_blob(c, SR_ARG_FDINFO, accepted ? SR_FDI_SRC_RET : 0);
	struct xp_conn x = { .proc = p, .ts = ev->ts, .accepted = accepted };
	const struct sr_fdinfo *fi;
	uint16_t family;

	if (!b)
		return;
	fi = blob_data(b);
	x.fd = accepted ? (int)c->ret : (int)c->args[0];
	x.family = fi->family;
	x.ino = fi->ino;
	x.peer_ino = fi->peer_ino;
	x.peer_pid = fi->peer_pid;
	x.lport = fi->lport;
	x.rport = fi->rport;
	memcpy(x.laddr, fi->laddr, sizeof(x.laddr));
	memcpy(x.raddr, fi->raddr, sizeof(x.raddr));
	/* bind() leaves a socket unconnected (TCP_CLOSE, no remote port): not a connection */
	if (!accepted &&
	    !(fi->family == AF_UNIX ? fi->state == 1 /* TCP_ESTABLISHED */ : fi->rport != 0))
		return;
	if (accepted && fi->namelen)
		snprintf(x.path, sizeof(x.path), "%.*s",
			 (int)(fi->namelen < b->len - sizeof(*fi) ? fi->namelen :
								    b->len - sizeof(*fi)),
			 (const char *)(fi + 1));
	else if (!accepted)
		call_addr(c, sy, x.path, sizeof(x.path), &family);
	if (accepted)
		p->last_accept = ev->ts;
	hist__add_conn(&k->hist, &x);
}

static void on_success(struct xp_sink *k, const struct sr_event *ev, const struct xp_sys *sy,
		       struct xp_proc *p)
{
	const struct sr_call *c = ev->call;
	char buf[SR_BLOB_MAX + 1];
	uint16_t family;
	int i;

	switch (sy->kind) {
	case XK_ACCEPT:
		note_conn(k, ev, sy, p);
		break;
	case XK_ADDR:
		note_conn(k, ev, sy, p);
		if (call_addr(c, sy, buf, sizeof(buf), &family) > 0)
			note_success(k, ev, p, target_key(buf, family), sy->kind);
		break;
	case XK_EXEC:
	case XK_OPEN:
	case XK_PROBE:
	case XK_CHANGE:
		for (i = 0; i < 2; i++) {
			const struct sr_blob *b;

			if (sy->path[i] < 0)
				break;
			b = call__blob(c, sy->path[i], true);
			if (blob_ok(b))
				note_success(k, ev, p,
					     xp_name_key(blob_data(b),
							 strnlen(blob_data(b), b->len)),
					     sy->kind);
		}
		break;
	default:
		break;
	}
}

/* The bytes @c wrote (what was captured of them), into @buf; their length. */
static size_t call_data(const struct sr_call *c, const struct xp_sys *sy, char *buf, size_t cap,
			char *name, size_t name_size, uint16_t *family)
{
	const struct sr_blob *b = call__blob(c, sy->data, false);
	const uint8_t *end = b ? call__blob_end(c, b) : NULL;
	size_t n = 0, skip = 0, bufs = (size_t)-1;

	if (!b || !blob_ok(b))
		return 0;
	if (sy->data_how == XD_MSGHDR) {
		/* the struct, msg_name, the iovec array, then the buffers */
		b = blob_next(b, end);
		if (b && blob_ok(b) && b->len)
			addr_text(blob_data(b), b->len, name, name_size, family);
		skip = 1;
	}
	if (sy->data_how == XD_IOV || sy->data_how == XD_MSGHDR) {
		if (skip)
			b = b ? blob_next(b, end) : NULL;
		if (!b || SR_BLOB_ARG(b) != sy->data)
			return 0;
		bufs = b->len / 16;
		b = blob_next(b, end);
	}
	for (; b && SR_BLOB_ARG(b) == sy->data && bufs; b = blob_next(b, end), bufs--) {
		size_t m = b->len < cap - n ? b->len : cap - n;

		if (blob_ok(b))
			memcpy(buf + n, blob_data(b), m);
		n += m;
		if (sy->data_how == XD_BUF || n == cap)
			break;
	}
	return n;
}

/* The unix socket path a connection of @p on socket inode @ino was made to, or NULL. */
static const char *conn_path(const struct xp_hist *h, const struct xp_proc *p, uint64_t ino)
{
	const struct xp_conn *x;

	for (x = h->ctail; x; x = x->prev)
		if (x->ino == ino && !x->accepted && x->family == AF_UNIX)
			return x->path;
	(void)p;
	return NULL;
}

/* Where @c writes, when that is where error messages go: "fd 2", "a tty (...)", the log. */
static bool message_target(struct xp_sink *k, const struct sr_call *c, const char *addr, char *buf,
			   size_t size)
{
	char an[SR_FD_ANNOT_MAX + 1];
	const char *path;
	int fd = (int)c->args[0];

	if (addr[0] && kind__log_socket(addr))
		return snprintf(buf, size, "the system log (%s)", addr), true;
	if (fd == 2)
		return snprintf(buf, size, "fd 2"), true;
	an[fdtab__describe(k->fds, c, fd, SR_FDW_ARG, an, sizeof(an) - 1)] = '\0';
	if (!strncmp(an, "</dev/pts/", 10) || !strncmp(an, "</dev/tty", 9) ||
	    !strncmp(an, "</dev/console", 13))
		return snprintf(buf, size, "fd %d, a tty (%.*s)", fd, (int)strcspn(an + 1, "<>"),
				an + 1),
		       true;
	if (!strncmp(an, "<socket:[", 9)) {
		path = conn_path(&k->hist, NULL, strtoull(an + 9, NULL, 10));
		if (path && kind__log_socket(path))
			return snprintf(buf, size, "the system log (%s)", path), true;
	}
	return false;
}

static void trigger(struct xp_sink *k, const struct xp_trigger *t, bool force)
{
	if (report__maybe(&k->rep, t, force))
		k->reports++;
}

/*
 * A message written in pieces ("sh: 1: ", the path, ": not found\n") to one
 * target is one message: the pieces wait in last_msg until the line ends, or
 * the process. A datagram to the system log is a whole message by itself.
 * Returns the whole text in @buf, or NULL while the line goes on.
 */
static const char *assemble(struct xp_sink *k, struct xp_proc *p, const char *target,
			    const char *data, size_t len, bool cut, char *buf, size_t size,
			    size_t *outlen)
{
	bool same = p->msg_open && p->last_msg && p->msg_target && !strcmp(p->msg_target, target);
	bool whole = !strncmp(target, "the system log", 14);
	size_t have = same ? strlen(p->last_msg) : 0;

	if (have >= size - 1)
		have = 0;
	if (have)
		memcpy(buf, p->last_msg, have);
	if (len > size - 1 - have)
		len = size - 1 - have;
	memcpy(buf + have, data, len);
	buf[have + len] = '\0';
	*outlen = have + len;
	hist__set_str(&k->hist, &p->last_msg, buf);
	/* a piece captured only in part: where its line ends is unknown */
	p->msg_open = !whole && !cut && len && data[len - 1] != '\n' && have + len < size - 1;
	if (p->msg_open && !same)
		hist__set_str(&k->hist, &p->msg_target, target);
	return p->msg_open ? NULL : buf;
}

/*
 * The most of a write's bytes a report shows: the -s the kernel side read
 * with (live: raised for explaining; a recording: the replay's -s), not the
 * byte past it the capture keeps to tell whether strace prints "...".
 */
static size_t shown_max(const struct xp_sink *k)
{
	struct sr_opts ko;
	int s = k->cfg.opts->strsize;

	if (k->cfg.live) {
		explain__capture_opts(k->cfg.opts, &ko);
		s = ko.strsize;
	}
	return s > 0 && s < XP_MSG_MAX ? (size_t)s : XP_MSG_MAX;
}

static void on_write(struct xp_sink *k, const struct sr_event *ev, const struct xp_sys *sy,
		     struct xp_proc *p)
{
	const struct sr_call *c = ev->call;
	char data[XP_MSG_MAX + 1], addr[256] = "", target[600], whole[2 * XP_MSG_MAX + 1];
	struct xp_trigger t = { .proc = p, .tid = ev->task->tid, .ts = ev->ts };
	uint16_t family;
	size_t len;

	len = call_data(c, sy, data, shown_max(k), addr, sizeof(addr), &family);
	data[len] = '\0';
	/* a recording made with a small -s, or a message longer than kept */
	t.cut = c->ret > (int64_t)len;
	if (k->cfg.opts->why) {
		if (!memmem(data, len, k->cfg.opts->why, strlen(k->cfg.opts->why)))
			return;
		snprintf(target, sizeof(target), "fd %d", (int)c->args[0]);
		t.type = XT_WHY;
		t.target = target;
		t.why = k->cfg.opts->why;
		t.data = data;
		t.len = len;
		hist__set_str(&k->hist, &p->last_msg, data);
		trigger(k, &t, true);
		return;
	}
	if (!len || !message_target(k, c, addr, target, sizeof(target)))
		return;
	t.data = assemble(k, p, target, data, len, t.cut, whole, sizeof(whole), &t.len);
	if (!t.data)
		return;
	/* a tty and the log hear everything; only what reads like an error counts */
	t.anyway = kind__error_text(t.data, t.len);
	if (!t.anyway && strcmp(target, "fd 2"))
		return;
	t.type = XT_WRITE;
	t.target = target;
	/* the first error message of a process is worth a report even when nothing failed */
	trigger(k, &t, false);
}

/* A process seen running (not forked under our eyes): who its parent is, once. */
static void learn_ppid(const struct xp_sink *k, struct xp_proc *p)
{
	pid_t pp;

	if (!k->cfg.live || p->ppid || p->ppid_asked)
		return;
	pp = proc__ppid((pid_t)p->tgid);
	p->ppid_asked = true;
	p->ppid = pp > 0 ? (uint32_t)pp : 0;
}

static void on_call(struct xp_sink *k, const struct sr_event *ev)
{
	const struct sr_call *c = ev->call;
	const struct xp_sys *sy;
	struct xp_proc *p;
	bool failed;

	if (!c || !c->has_exit || c->ent->raw)
		return;
	sy = xp_sys_of(c->nr);
	p = hist__proc(&k->hist, c->tgid, ev->task->comm);
	if (!p)
		return;
	learn_ppid(k, p);
	failed = c->ret < 0 && c->ret >= -4095;
	/* the fds its line and its message's target name (the tables are read only after) */
	if (failed || (sy->data >= 0 && sy->fd0))
		fdtab__prepare(k->fds, c,
			       ev->type == SR_EV_ORPHAN ? SR_FDP_EXIT : SR_FDP_ENTRY | SR_FDP_EXIT,
			       NULL, NULL);
	/* its root now, while it lives: a container's files stay reachable after it */
	if (k->cfg.live && (p->root == XP_ROOT_UNKNOWN || (sy->kind == XK_EXEC && !failed)))
		roots__look(&k->roots, c->tgid, p);
	if (failed && sy->kind == XK_ADDR && c->ret == -EINPROGRESS)
		note_conn(k, ev, sy, p);
	else if (failed)
		on_failure(k, ev, sy, p, (int)-c->ret);
	else
		on_success(k, ev, sy, p);
	if (!failed && sy->data >= 0 && sy->fd0)
		on_write(k, ev, sy, p);
}

static void on_fork(struct xp_sink *k, const struct sr_event *ev)
{
	const struct sr_task_info *pt = ev->task, *ch = ev->child;

	if (ch->tgid == pt->tgid)
		return;
	hist__fork(&k->hist, pt->tgid, ch->tgid, ch->comm, ev->ts);
	fdtab__on_fork(k->fds, pt->tgid, ch->tgid, ev->share_files);
}

/* The last thread of a process exited: a non-zero status or a signal is a failure. */
static void on_pexit(struct xp_sink *k, const struct sr_event *ev)
{
	const struct sr_task_info *ti = ev->task;
	struct xp_trigger t = { .tid = ti->tid, .ts = ev->ts, .code = ev->exit_code };
	int code = ev->exit_code;

	if (!ev->group_dead)
		return;
	t.proc = hist__proc(&k->hist, ti->tgid, ti->comm);
	/* a message whose line never ended */
	if (t.proc && t.proc->msg_open && t.proc->last_msg) {
		struct xp_trigger w = t;

		t.proc->msg_open = false;
		w.type = XT_WRITE;
		w.target = t.proc->msg_target ? t.proc->msg_target : "fd 2";
		w.data = t.proc->last_msg;
		w.len = strlen(w.data);
		w.anyway = kind__error_text(w.data, w.len);
		trigger(k, &w, false);
	}
	if (t.proc && !k->cfg.opts->why && (code & 0x7f)) {
		t.type = XT_SIGNAL;
		trigger(k, &t, true);
	} else if (t.proc && !k->cfg.opts->why && (code & 0xff00)) {
		t.type = XT_EXIT;
		/*
		 * a process already running when traced (the command, -p): say why it
		 * failed, unless a report on a child of it did (unshare, a shell, a
		 * supervisor passing the child's status on)
		 */
		t.anyway = !t.proc->anc[0] && !t.proc->tree->reported && !t.proc->child_reported;
		trigger(k, &t, false);
	}
	hist__gone(&k->hist, ti->tgid);
	fdtab__on_process_exit(k->fds, ti->tgid);
}

/* "--- SIGSEGV {si_signo=SIGSEGV, ...} ---": kept as the process's last signal. */
static void on_signal(struct xp_sink *k, const struct sr_event *ev)
{
	struct xp_proc *p = hist__proc(&k->hist, ev->task->tgid, ev->task->comm);
	const char *line;

	if (!p)
		return;
	line_reset(k);
	leader(k, ev->task);
	out__puts(&k->lo, "--- ");
	text_pr__args_begin(&k->text);
	fmt_signame(&k->fmt, ev->sig->sig);
	out__putc(&k->lo, ' ');
	text_pr__args_begin(&k->text);
	sr_kind_siginfo.print(&k->fmt, NULL, -1, ev->sig->siginfo, sizeof(ev->sig->siginfo));
	out__puts(&k->lo, " ---");
	line = line_done(k);
	if (line)
		hist__set_str(&k->hist, &p->sig_line, line);
}

static void xp_event(struct sr_sink *s, const struct sr_event *ev)
{
	struct xp_sink *k = SINK(s);

	switch (ev->type) {
	case SR_EV_EXIT:
		on_call(k, ev);
		fdtab__on_syscall(k->fds, ev->call);
		break;
	case SR_EV_ORPHAN:
		fdtab__on_orphan_exit(k->fds, ev->call);
		on_call(k, ev);
		break;
	case SR_EV_FORK:
		on_fork(k, ev);
		break;
	case SR_EV_PEXIT:
		on_pexit(k, ev);
		break;
	case SR_EV_SIGNAL:
		on_signal(k, ev);
		break;
	case SR_EV_LOST:
		k->rep.lost += ev->lost;
		fdtab__on_lost(k->fds);
		break;
	default:
		break;
	}
}

static void xp_finish(struct sr_sink *s)
{
	out__flush(SINK(s)->cfg.out);
}

static const struct sr_sink_ops xp_ops = {
	.event = xp_event,
	.finish = xp_finish,
};

struct sr_sink *explain_sink__new(const struct sr_explain_cfg *cfg)
{
	struct xp_sink *k = calloc(1, sizeof(*k));
	struct sr_opts fo = { .decode_fds = 1, .absolute_paths = true };

	if (!k)
		return NULL;
	k->base.ops = &xp_ops;
	k->cfg = *cfg;
	/* the report's lines: as the trace prints them, paths made absolute, fds named */
	k->ropts = *cfg->opts;
	k->ropts.absolute_paths = true;
	if (!k->ropts.decode_fds)
		k->ropts.decode_fds = 1;
	fo.decode_fds = k->ropts.decode_fds;
	fo.peer = k->ropts.peer;
	k->fds = fdtab__new(&fo);
	if (!k->fds) {
		free(k);
		return NULL;
	}
	if (!cfg->live)
		fdtab__set_proc_root(k->fds, NULL);
	k->lo.fd = -1;
	k->lo.buf = k->line;
	k->lo.cap = sizeof(k->line) - 1;
	text_pr__init(&k->text, &k->lo);
	k->fmt.pr = &k->text.base;
	k->fmt.opts = &k->ropts;
	k->fmt.fds = k->fds;
	if (k->ropts.decode_pids) {
		k->fmt.comm_of = cfg->comm_of;
		k->fmt.comm_ctx = cfg->comm_ctx;
	}
	roots__init(&k->roots);
	hist__init(&k->hist, cfg->opts->history ? cfg->opts->history : SR_EXPLAIN_HISTORY_DEFAULT);
	k->rep.hist = &k->hist;
	k->rep.out = cfg->out;
	k->rep.opts = cfg->opts;
	k->rep.live = cfg->live;
	k->rep.before = cfg->before_report;
	k->rep.before_ctx = cfg->before_ctx;
	return &k->base;
}

void explain_sink__seed(struct sr_sink *s, uint32_t tgid)
{
	struct xp_sink *k = SINK(s);
	struct xp_proc *p;

	if (!k)
		return;
	fdtab__seed(k->fds, tgid);
	/*
	 * Its root and parent too, while it waits: a short command may be gone
	 * before user space reads its first record (wakeups are batched), and
	 * its children inherit what it had.
	 */
	p = k->cfg.live ? hist__proc(&k->hist, tgid, NULL) : NULL;
	if (p) {
		roots__look(&k->roots, tgid, p);
		learn_ppid(k, p);
	}
}

void explain_sink__stats(const struct sr_sink *s, FILE *f)
{
	const struct xp_sink *k = (const struct xp_sink *)s;

	if (!k)
		return;
	fprintf(f,
		"sysray: explain: %llu reports; history %zu bytes of %zu (peak %zu), "
		"%llu calls forgotten, %llu not remembered\n",
		(unsigned long long)k->reports, k->hist.bytes, k->hist.limit, k->hist.peak,
		(unsigned long long)k->hist.evicted, (unsigned long long)k->hist.dropped);
}

void explain_sink__free(struct sr_sink *s)
{
	struct xp_sink *k = SINK(s);

	if (!k)
		return;
	hist__free(&k->hist);
	roots__free(&k->roots);
	fdtab__free(k->fds);
	free(k);
}
