// SPDX-License-Identifier: GPL-2.0
/* Decoders: descriptors, polling, fcntl, ioctl. */
#include <stdlib.h>
#include <string.h>
#include <asm/ioctl.h>
#include <asm/ioctls.h>
#include <asm/termbits.h>
#include <asm/termios.h>
#include <linux/fcntl.h>
#include <linux/fs.h>

#include "decode/decode.h"
#include "cli/opts.h"

/* Bytes strace reads for the kernel's struct termios, termios2 and termio. */
#define SR_TERMIOS_SIZE	 36
#define SR_TERMIOS2_SIZE 44
#define SR_TERMIO_SIZE	 17
/* struct flock on 64-bit: two shorts, padding, l_start, l_len, l_pid. */
#define SR_FLOCK_SIZE 32
/* struct epoll_event is packed on x86_64 only: elsewhere data is aligned. */
#if defined(__x86_64__)
#define SR_EPOLL_EVENT_SIZE 12
#else
#define SR_EPOLL_EVENT_SIZE 16
#endif
#define SR_EPOLL_DATA_OFF (SR_EPOLL_EVENT_SIZE - 8)
/* FD_SETSIZE / 8: the bytes of an fd_set worth reading. */
#define SR_FDSET_MAX 128

/* Open flags as fcntl(F_SETFL) and F_GETFL show them: "O_RDWR|O_NONBLOCK". */
static void print_open_modes(struct sr_fmt *f, uint32_t flags)
{
	fmt_enum(f, &xlat_open_access, flags & 3);
	if (flags & ~3u) {
		out__putc(f->out, '|');
		fmt_flags_bare(f, &xlat_o_flags, flags & ~3u);
	}
}

/* An argument array or a single pointed-to value: "[0]" only for the latter. */
static bool is_array_elem(const struct sr_call *c, int argi)
{
	return c && argi >= 0 && argi < SR_NARGS && c->ent->args[argi].len != SR_L_NONE;
}

/* struct pollfd: events are left out for negative (ignored) descriptors. */
static void pollfd_print(struct sr_fmt *f, const struct sr_call *c, int argi, const void *data,
			 size_t len)
{
	const uint8_t *p = data;
	int32_t fd = (int32_t)get32(p, 0);

	out__puts(f->out, "{fd=");
	fmt_fd(f, c, fd);
	if (fd >= 0) {
		out__puts(f->out, ", events=");
		fmt_flags(f, &xlat_poll_events, get16(p, 4));
	}
	out__putc(f->out, '}');
}

/* struct epoll_event: events, then the 64-bit data. */
static void epoll_event_print(struct sr_fmt *f, const struct sr_call *c, int argi, const void *data,
			      size_t len)
{
	const uint8_t *p = data;
	uint64_t d = get64(p, SR_EPOLL_DATA_OFF);

	/* EPOLL_CTL_DEL ignores the event: strace shows only its address. */
	if (c && argi == 3 && !strcmp(c->ent->name, "epoll_ctl") && (uint32_t)c->args[1] == 2) {
		fmt_ptr(f, c->args[argi]);
		return;
	}
	out__puts(f->out, "{events=");
	fmt_flags(f, &xlat_epoll_events, get32(p, 0));
	out__puts(f->out, ", data={u32=");
	out__udec(f->out, (uint32_t)d);
	out__puts(f->out, ", u64=");
	out__udec(f->out, d);
	out__puts(f->out, "}}");
}

/* pipe, socketpair: "[3, 4]", the new fds (annotated with -y). */
static void int_pair_print(struct sr_fmt *f, const struct sr_call *c, int argi, const void *data,
			   size_t len)
{
	const uint8_t *p = data;
	size_t i;

	out__putc(f->out, '[');
	for (i = 0; i < 2 && (i + 1) * 4 <= len; i++) {
		if (!fmt_array_next(f, i))
			break;
		fmt_fd_new(f, c, (int32_t)get32(p, i * 4));
	}
	out__putc(f->out, ']');
}

/*
 * loff_t *: "[5]" (splice, copy_file_range), and for sendfile, which updates
 * it, "[0] => [5]" once it moved data.
 */
static void loff_print(struct sr_fmt *f, const struct sr_call *c, int argi, const void *data,
		       size_t len)
{
	const uint8_t *in, *out;

	if (!c || argi < 0 || argi >= SR_NARGS || c->ent->args[argi].type != SR_T_STRUCT_INOUT) {
		out__putc(f->out, '[');
		out__dec(f->out, (int64_t)get64(data, 0));
		out__putc(f->out, ']');
		return;
	}
	in = blob_get(c->in[argi], 8);
	if (!in) {
		fmt_ptr(f, c->args[argi]);
		return;
	}
	out__putc(f->out, '[');
	out__udec(f->out, get64(in, 0));
	out__putc(f->out, ']');
	if (!c->has_exit || c->ret <= 0)
		return;
	out__puts(f->out, " => ");
	out = blob_get(c->out[argi], 8);
	if (!out) {
		fmt_ptr(f, c->args[argi]);
		return;
	}
	out__putc(f->out, '[');
	out__udec(f->out, get64(out, 0));
	out__putc(f->out, ']');
}

/* unsigned int * (getcpu): "[0]". */
static void uint_print(struct sr_fmt *f, const struct sr_call *c, int argi, const void *data,
		       size_t len)
{
	bool elem = is_array_elem(c, argi);

	if (!elem)
		out__putc(f->out, '[');
	out__udec(f->out, get32(data, 0));
	if (!elem)
		out__putc(f->out, ']');
}

/* uid_t * (getresuid) "[0]", or one gid of getgroups' array; -1 stays -1. */
static void uid_print(struct sr_fmt *f, const struct sr_call *c, int argi, const void *data,
		      size_t len)
{
	bool elem = is_array_elem(c, argi);
	uint32_t v = get32(data, 0);

	if (!elem)
		out__putc(f->out, '[');
	if (v == UINT32_MAX)
		out__puts(f->out, "-1");
	else
		out__udec(f->out, v);
	if (!elem)
		out__putc(f->out, ']');
}

const struct sr_kind sr_kind_pollfd = { .name = "pollfd", .size = 8, .print = pollfd_print };
const struct sr_kind sr_kind_epoll_event = {
	.name = "epoll_event",
	.size = SR_EPOLL_EVENT_SIZE,
	.print = epoll_event_print,
};
const struct sr_kind sr_kind_int_pair = { .name = "int_pair", .size = 8, .print = int_pair_print };
const struct sr_kind sr_kind_loff = { .name = "loff", .size = 8, .print = loff_print };
const struct sr_kind sr_kind_uint = { .name = "uint", .size = 4, .print = uint_print };
const struct sr_kind sr_kind_uid = { .name = "uid", .size = 4, .print = uid_print };

/*
 * select's fd sets. The kernel reads (nfds + 7) / 8 bytes rounded up to
 * longs; capturing nfds bytes (at most FD_SETSIZE / 8) always covers that
 * for the usual nfds <= FD_SETSIZE, with no plan kind for "bits".
 */
static int select_nfds(const struct sr_call *c)
{
	int n = (int32_t)c->args[0];

	if (n < 0)
		return 0;
	return n > 1024 * 1024 ? 1024 * 1024 : n;
}

static bool fd_isset(const uint8_t *set, size_t len, int fd)
{
	return (size_t)fd / 8 < len && (set[fd / 8] & (1u << (fd % 8)));
}

static void fdset_plan(const struct sr_sysent *ent, int argi, const struct sr_opts *o,
		       struct sr_plan_arg *pa)
{
	pa->when = SR_CAP_ENTER | SR_CAP_EXIT | SR_CAP_RETRY;
	pa->how = SR_HOW_BUF;
	pa->len_src = SR_LEN_ARG;
	pa->len_arg = 0;
	pa->elem = 1;
	pa->cap = SR_FDSET_MAX;
}

/* The set as given at entry: "[3 5]", each descriptor as strace's printfd. */
static void fdset_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	const struct sr_blob *b = c->in[argi];
	int nfds = select_nfds(c), fd;
	const uint8_t *set;
	bool first = true;

	if (!nfds || !c->args[argi]) {
		fmt_ptr(f, c->args[argi]);
		return;
	}
	set = blob_get(b, 1);
	if (!set) {
		out__hex(f->out, c->args[argi]);
		return;
	}
	out__putc(f->out, '[');
	for (fd = 0; fd < nfds; fd++) {
		if (!fd_isset(set, b->len, fd))
			continue;
		if (!first)
			out__putc(f->out, ' ');
		first = false;
		fmt_fd(f, c, fd);
	}
	out__putc(f->out, ']');
}

const struct sr_decoder sr_dec_fdset = {
	.name = "fdset",
	.at_exit = false,
	.plan = fdset_plan,
	.print = fdset_print,
};

/* poll, ppoll: everything is shown at entry, the results after "= N". */
static bool is_ppoll(const struct sr_call *c)
{
	return c->ent->nargs > 3;
}

static void poll_enter(struct sr_fmt *f, const struct sr_call *c)
{
	fmt_struct(f, c, 0, false); /* fds */
	out__puts(f->out, ", ");
	out__udec(f->out, (uint32_t)c->args[1]); /* nfds */
	out__puts(f->out, ", ");
	if (!is_ppoll(c)) {
		out__dec(f->out, (int32_t)c->args[2]); /* timeout */
		return;
	}
	fmt_struct(f, c, 2, false); /* tmo_p */
	out__puts(f->out, ", ");
	fmt_struct(f, c, 3, false); /* sigmask */
	out__puts(f->out, ", ");
	out__udec(f->out, c->args[4]); /* sigsetsize */
}

/* Nothing: there only so that an unfinished poll shows "<unfinished ...>". */
static void poll_exit(struct sr_fmt *f, const struct sr_call *c)
{
}

/* Does the exit copy of fds hold any revents? */
static bool poll_any_revents(const struct sr_call *c)
{
	const uint8_t *p = blob_get(c->out[0], 0);
	size_t n = p ? c->out[0]->len / 8 : 0, i;

	for (i = 0; i < n && i < (uint32_t)c->args[1]; i++)
		if (get16(p, i * 8 + 6))
			return true;
	return false;
}

/* "[{fd=3, revents=POLLIN}, ...]": the descriptors with something to report. */
static void poll_print_revents(struct sr_fmt *f, const struct sr_call *c)
{
	const uint8_t *p = blob_get(c->out[0], 0);
	size_t n = c->out[0]->len / 8, i, shown = 0, max = fmt_max_elems(f);

	out__putc(f->out, '[');
	for (i = 0; i < n && i < (uint32_t)c->args[1]; i++) {
		uint16_t rev = get16(p, i * 8 + 6);

		if (!rev)
			continue;
		if (shown)
			out__puts(f->out, ", ");
		if (shown++ >= max) {
			out__puts(f->out, "...");
			break;
		}
		out__puts(f->out, "{fd=");
		out__dec(f->out, (int32_t)get32(p, i * 8));
		out__puts(f->out, ", revents=");
		fmt_flags_bare(f, &xlat_poll_events, rev);
		out__putc(f->out, '}');
	}
	out__putc(f->out, ']');
}

static void poll_ret_suffix(struct sr_fmt *f, const struct sr_call *c)
{
	bool revents, left = is_ppoll(c) && c->args[2];

	if (c->ret < 0)
		return;
	if (c->ret == 0) {
		out__puts(f->out, " (Timeout)");
		return;
	}
	if (!c->args[0] || !(uint32_t)c->args[1])
		return;
	revents = poll_any_revents(c);
	if (!revents && !left)
		return;
	out__puts(f->out, " (");
	if (revents)
		poll_print_revents(f, c);
	if (left) {
		out__puts(f->out, revents ? ", left " : "left ");
		fmt_struct(f, c, 2, true);
	}
	out__putc(f->out, ')');
}

/* Revents are read at exit: let the array be captured whole, not cut at -s. */
static void poll_plan(const struct sr_sysent *ent, const struct sr_opts *o, struct sr_plan *p)
{
	p->a[0].cap = SR_BLOB_MAX;
}

const struct sr_scdec sr_scdec_poll = {
	.name = "poll",
	.enter = poll_enter,
	.exit = poll_exit,
	.ret_suffix = poll_ret_suffix,
	.plan = poll_plan,
};

/* select, pselect6. */
static bool is_pselect(const struct sr_call *c)
{
	return c->ent->nargs > 5;
}

/* pselect6's 6th argument: { const sigset_t *ss; size_t ss_len; }. */
static void pselect_print_sigmask(struct sr_fmt *f, const struct sr_call *c)
{
	const struct sr_blob *b = c->in[5], *mb;
	const uint8_t *p = blob_get(b, 16), *mask = NULL;
	uint64_t ss, len;

	if (!c->args[5] || !p) {
		fmt_ptr(f, c->args[5]);
		return;
	}
	ss = get64(p, 0);
	len = get64(p, 8);
	/* The mask itself, when the capture followed the pointer (a second part). */
	mb = blob_next(b, call__blob_end(c, b));
	if (mb && SR_BLOB_ARG(mb) == 5 && SR_BLOB_PART(mb) == 1)
		mask = blob_get(mb, 8);
	out__puts(f->out, "{sigmask=");
	if (ss && len == 8 && mask)
		sr_kind_sigset.print(f, NULL, -1, mask, 8);
	else
		fmt_ptr(f, ss);
	out__puts(f->out, ", sigsetsize=");
	out__udec(f->out, len);
	out__putc(f->out, '}');
}

static void select_enter(struct sr_fmt *f, const struct sr_call *c)
{
	int i;

	out__dec(f->out, (int32_t)c->args[0]); /* nfds */
	for (i = 1; i <= 3; i++) {
		out__puts(f->out, ", ");
		fdset_print(f, c, i); /* readfds, writefds, exceptfds */
	}
	out__puts(f->out, ", ");
	fmt_struct(f, c, 4, false); /* timeout */
	if (is_pselect(c)) {
		out__puts(f->out, ", ");
		pselect_print_sigmask(f, c);
	}
}

/*
 * "in [3], out [4 6]": the ready descriptors, counted down from the return
 * value. Like strace, a "]" follows every set read once anything was shown.
 */
static bool select_print_ready(struct sr_fmt *f, const struct sr_call *c)
{
	static const char *const names[] = { "in", "out", "except" };
	int64_t ready = c->ret;
	int nfds = select_nfds(c), i, fd;
	bool any = false;

	for (i = 0; i < 3 && ready > 0; i++) {
		const struct sr_blob *b = c->out[i + 1];
		const uint8_t *set = blob_get(b, 1);
		bool first = true;

		if (!c->args[i + 1] || !set)
			continue;
		for (fd = 0; fd < nfds; fd++) {
			if (!fd_isset(set, b->len, fd))
				continue;
			if (first) {
				out__puts(f->out, any ? ", " : "");
				out__puts(f->out, names[i]);
				out__puts(f->out, " [");
			} else {
				out__putc(f->out, ' ');
			}
			out__dec(f->out, fd);
			first = false;
			any = true;
			if (--ready == 0)
				break;
		}
		if (any)
			out__putc(f->out, ']');
	}
	return any;
}

static void select_ret_suffix(struct sr_fmt *f, const struct sr_call *c)
{
	bool any;

	if (c->ret < 0)
		return;
	if (c->ret == 0) {
		out__puts(f->out, " (Timeout)");
		return;
	}
	out__puts(f->out, " (");
	any = select_print_ready(f, c);
	if (c->args[4]) {
		out__puts(f->out, any ? ", left " : "left ");
		fmt_struct(f, c, 4, true);
	}
	out__putc(f->out, ')');
}

/* pselect6: the { sigset_t *, size_t } pair, and the mask it points to (part 1). */
static void select_plan(const struct sr_sysent *ent, const struct sr_opts *o, struct sr_plan *p)
{
	if (ent->nargs <= 5)
		return;
	memset(&p->a[5], 0, sizeof(p->a[5]));
	p->a[5].when = SR_CAP_ENTER | SR_CAP_RETRY;
	p->a[5].how = SR_HOW_INDIRECT;
	p->a[5].cap = 128;
}

const struct sr_scdec sr_scdec_select = {
	.name = "select",
	.enter = select_enter,
	.exit = poll_exit,
	.ret_suffix = select_ret_suffix,
	.plan = select_plan,
};

/*
 * ioctl. strace decodes the terminal requests (type 'T') and prints any
 * other argument in hex; its decoders show inputs at entry and outputs at
 * exit, which decides where an unfinished line is cut.
 */
enum sr_ioc_arg {
	IOA_HEX, /* the raw argument */
	IOA_NONE, /* no argument shown */
	IOA_INT, /* int *: "[5]" */
	IOA_DEC, /* the argument itself, an int */
	IOA_TERMIOS,
	IOA_TERMIOS2,
	IOA_TERMIO,
	IOA_WINSIZE,
	IOA_MODEM, /* int * holding TIOCM_ flags */
	IOA_TCXONC,
	IOA_TCFLSH,
	IOA_CHAR, /* char *: one byte, quoted */
	IOA_FS_FLAGS, /* int * holding FS_*_FL inode flags */
};

struct sr_ioc {
	uint32_t code;
	uint8_t arg; /* enum sr_ioc_arg */
	bool at_exit;
};

static const struct sr_ioc ioc_table[] = {
	{ TCGETS, IOA_TERMIOS, true },
	{ TIOCGLCKTRMIOS, IOA_TERMIOS, true },
	{ TCSETS, IOA_TERMIOS, false },
	{ TCSETSW, IOA_TERMIOS, false },
	{ TCSETSF, IOA_TERMIOS, false },
	{ TIOCSLCKTRMIOS, IOA_TERMIOS, false },
	{ TCGETS2, IOA_TERMIOS2, true },
	{ TCSETS2, IOA_TERMIOS2, false },
	{ TCSETSW2, IOA_TERMIOS2, false },
	{ TCSETSF2, IOA_TERMIOS2, false },
	{ TCGETA, IOA_TERMIO, true },
	{ TCSETA, IOA_TERMIO, false },
	{ TCSETAW, IOA_TERMIO, false },
	{ TCSETAF, IOA_TERMIO, false },
	{ TIOCGWINSZ, IOA_WINSIZE, true },
	{ TIOCSWINSZ, IOA_WINSIZE, false },
	{ TCXONC, IOA_TCXONC, false },
	{ TCFLSH, IOA_TCFLSH, false },
	{ TCSBRK, IOA_DEC, false },
	{ TCSBRKP, IOA_DEC, false },
	{ TIOCSCTTY, IOA_DEC, false },
	{ TIOCMGET, IOA_MODEM, true },
	{ TIOCMBIS, IOA_MODEM, false },
	{ TIOCMBIC, IOA_MODEM, false },
	{ TIOCMSET, IOA_MODEM, false },
	{ TIOCGPGRP, IOA_INT, true },
	{ TIOCGSID, IOA_INT, true },
	{ TIOCGETD, IOA_INT, true },
	{ TIOCGSOFTCAR, IOA_INT, true },
	{ TIOCGPTN, IOA_INT, true },
	{ FIONREAD, IOA_INT, true },
	{ TIOCOUTQ, IOA_INT, true },
	{ TIOCGEXCL, IOA_INT, true },
	{ TIOCGDEV, IOA_INT, true },
	{ TIOCSPGRP, IOA_INT, false },
	{ TIOCSETD, IOA_INT, false },
	{ FIONBIO, IOA_INT, false },
	{ FIOASYNC, IOA_INT, false },
	{ TIOCPKT, IOA_INT, false },
	{ TIOCSSOFTCAR, IOA_INT, false },
	{ TIOCSPTLCK, IOA_INT, false },
	{ TIOCSTI, IOA_CHAR, false },
	{ TIOCSBRK, IOA_NONE, false },
	{ TIOCCBRK, IOA_NONE, false },
	{ TIOCCONS, IOA_NONE, false },
	{ TIOCNOTTY, IOA_NONE, false },
	{ TIOCEXCL, IOA_NONE, false },
	{ TIOCNXCL, IOA_NONE, false },
	{ FIOCLEX, IOA_NONE, false },
	{ FIONCLEX, IOA_NONE, false },
	{ TIOCVHANGUP, IOA_NONE, false },
	{ TIOCSSERIAL, IOA_NONE, false },
	{ FICLONE, IOA_DEC, false }, /* strace prints the source fd bare */
	{ FS_IOC_GETFLAGS, IOA_FS_FLAGS, true },
	{ FS_IOC32_GETFLAGS, IOA_FS_FLAGS, true },
	{ FS_IOC_SETFLAGS, IOA_FS_FLAGS, false },
	{ FS_IOC32_SETFLAGS, IOA_FS_FLAGS, false },
};

static struct sr_ioc ioc_lookup(uint32_t code)
{
	struct sr_ioc d = { code, IOA_HEX, false };
	size_t i;

	for (i = 0; i < sizeof(ioc_table) / sizeof(ioc_table[0]); i++)
		if (ioc_table[i].code == code)
			return ioc_table[i];
	/* Other requests: terminal ones in hex at entry, the rest at exit. */
	d.at_exit = _IOC_TYPE(code) != 'T';
	return d;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The request: every name it has ("SNDCTL_TMR_START or TCSETS"), or _IOC(). */
static void ioctl_print_code(struct sr_fmt *f, uint32_t code)
{
	const char *names[8];
	size_t n = 0, i;

	for (i = 0; i < xlat_ioctl_names.n && n < 8; i++)
		if (xlat_ioctl_names.ents[i].val == code)
			names[n++] = xlat_ioctl_names.ents[i].name;
	qsort(names, n, sizeof(names[0]), cmp_str);
	for (i = 0; i < n; i++) {
		if (i)
			out__puts(f->out, " or ");
		out__puts(f->out, names[i]);
	}
	if (n)
		return;
	out__puts(f->out, "_IOC(");
	fmt_flags(f, &xlat_ioc_dirs, _IOC_DIR(code));
	out__puts(f->out, ", ");
	out__hex(f->out, _IOC_TYPE(code));
	out__puts(f->out, ", ");
	out__hex(f->out, _IOC_NR(code));
	out__puts(f->out, ", ");
	out__hex(f->out, _IOC_SIZE(code));
	out__putc(f->out, ')');
}

/* c_oflag: each delay field by name, then the flags (maybe nothing). */
static void print_oflag(struct sr_fmt *f, uint32_t v)
{
	static const struct {
		const struct sr_xlat *x;
		uint32_t mask;
	} dly[] = {
		{ &xlat_term_nldly, NLDLY },   { &xlat_term_crdly, CRDLY },
		{ &xlat_term_tabdly, TABDLY }, { &xlat_term_bsdly, BSDLY },
		{ &xlat_term_vtdly, VTDLY },   { &xlat_term_ffdly, FFDLY },
	};
	size_t i;

	for (i = 0; i < sizeof(dly) / sizeof(dly[0]); i++) {
		fmt_enum(f, dly[i].x, v & dly[i].mask);
		out__putc(f->out, '|');
		v &= ~dly[i].mask;
	}
	fmt_flags_bare(f, &xlat_term_oflags, v);
}

/* c_cflag: output speed, input speed if set apart, character size, flags. */
static void print_cflag(struct sr_fmt *f, uint32_t v)
{
	fmt_enum(f, &xlat_term_baud, v & CBAUD);
	out__putc(f->out, '|');
	if (v & CIBAUD) {
		fmt_enum(f, &xlat_term_baud, (v & CIBAUD) >> IBSHIFT);
		out__puts(f->out, "<<IBSHIFT|");
	}
	fmt_enum(f, &xlat_term_csize, v & CSIZE);
	out__putc(f->out, '|');
	fmt_flags_bare(f, &xlat_term_cflags, v & ~(CBAUD | CIBAUD | CSIZE));
}

static void print_term_flags(struct sr_fmt *f, uint32_t i, uint32_t o, uint32_t c, uint32_t l)
{
	out__puts(f->out, "c_iflag=");
	fmt_flags_bare(f, &xlat_term_iflags, i);
	out__puts(f->out, ", c_oflag=");
	print_oflag(f, o);
	out__puts(f->out, ", c_cflag=");
	print_cflag(f, c);
	out__puts(f->out, ", c_lflag=");
	fmt_flags_bare(f, &xlat_term_lflags, l);
}

/* -v only: the line discipline and the control characters. */
static void print_term_cc(struct sr_fmt *f, uint8_t line, const uint8_t *cc, size_t n)
{
	size_t i;

	out__puts(f->out, ", c_line=");
	fmt_enum(f, &xlat_term_ldisc, line);
	out__puts(f->out, ", c_cc=[");
	for (i = 0; i < n; i++) {
		const char *name = xlat__name(&xlat_term_cc, i);

		if (i)
			out__puts(f->out, ", ");
		out__putc(f->out, '[');
		if (name)
			out__puts(f->out, name);
		else
			out__udec(f->out, i);
		out__puts(f->out, "]=");
		out__hex(f->out, cc[i]);
	}
	out__putc(f->out, ']');
}

/* struct termios (and termios2, which adds the two speeds). */
static void print_termios(struct sr_fmt *f, const uint8_t *p, bool two)
{
	out__putc(f->out, '{');
	print_term_flags(f, get32(p, 0), get32(p, 4), get32(p, 8), get32(p, 12));
	if (!fmt_verbose(f)) {
		out__puts(f->out, ", ...}");
		return;
	}
	print_term_cc(f, p[16], p + 17, NCCS);
	if (two) {
		out__puts(f->out, ", c_ispeed=");
		out__udec(f->out, get32(p, 36));
		out__puts(f->out, ", c_ospeed=");
		out__udec(f->out, get32(p, 40));
	}
	out__putc(f->out, '}');
}

/* struct termio: the same fields as unsigned shorts, and 8 characters. */
static void print_termio(struct sr_fmt *f, const uint8_t *p)
{
	out__putc(f->out, '{');
	print_term_flags(f, get16(p, 0), get16(p, 2), get16(p, 4), get16(p, 6));
	if (fmt_verbose(f)) {
		print_term_cc(f, p[8], p + 9, NCC);
		out__putc(f->out, '}');
		return;
	}
	out__puts(f->out, ", ...}");
}

static void print_winsize(struct sr_fmt *f, const uint8_t *p)
{
	out__puts(f->out, "{ws_row=");
	out__udec(f->out, get16(p, 0));
	out__puts(f->out, ", ws_col=");
	out__udec(f->out, get16(p, 2));
	out__puts(f->out, ", ws_xpixel=");
	out__udec(f->out, get16(p, 4));
	out__puts(f->out, ", ws_ypixel=");
	out__udec(f->out, get16(p, 6));
	out__putc(f->out, '}');
}

static size_t ioc_arg_size(uint8_t arg)
{
	switch (arg) {
	case IOA_TERMIOS:
		return SR_TERMIOS_SIZE;
	case IOA_TERMIOS2:
		return SR_TERMIOS2_SIZE;
	case IOA_TERMIO:
		return SR_TERMIO_SIZE;
	case IOA_WINSIZE:
		return 8;
	case IOA_CHAR:
		return 1;
	default:
		return 4;
	}
}

/* A pointed-to argument, from the copy of its phase; the address if none. */
static void ioctl_print_ptr(struct sr_fmt *f, const struct sr_call *c, uint8_t arg, bool at_exit)
{
	const uint8_t *p = blob_get(at_exit ? c->out[2] : c->in[2], ioc_arg_size(arg));

	if (!c->args[2] || !p || (at_exit && c->ret < 0)) {
		fmt_ptr(f, c->args[2]);
		return;
	}
	switch (arg) {
	case IOA_TERMIOS:
	case IOA_TERMIOS2:
		print_termios(f, p, arg == IOA_TERMIOS2);
		break;
	case IOA_TERMIO:
		print_termio(f, p);
		break;
	case IOA_WINSIZE:
		print_winsize(f, p);
		break;
	case IOA_MODEM:
		out__putc(f->out, '[');
		fmt_flags(f, &xlat_modem_flags, get32(p, 0));
		out__putc(f->out, ']');
		break;
	case IOA_FS_FLAGS:
		out__putc(f->out, '[');
		fmt_flags(f, &xlat_fs_ioc_flags, get32(p, 0));
		out__putc(f->out, ']');
		break;
	case IOA_CHAR:
		out__quoted(f->out, p, 1, fmt_strsize(f), 0);
		break;
	default:
		fmt_int_array(f, p, 4, 1);
		break;
	}
}

static void ioctl_print_arg(struct sr_fmt *f, const struct sr_call *c, uint8_t arg, bool at_exit)
{
	switch (arg) {
	case IOA_HEX:
		out__hex(f->out, c->args[2]);
		break;
	case IOA_DEC:
		out__dec(f->out, (int32_t)c->args[2]);
		break;
	case IOA_TCXONC:
		fmt_enum(f, &xlat_tcxonc_options, c->args[2]);
		break;
	case IOA_TCFLSH:
		fmt_enum(f, &xlat_tcflsh_options, c->args[2]);
		break;
	case IOA_NONE:
		break;
	default:
		ioctl_print_ptr(f, c, arg, at_exit);
		break;
	}
}

static void ioctl_enter(struct sr_fmt *f, const struct sr_call *c)
{
	struct sr_ioc d = ioc_lookup((uint32_t)c->args[1]);

	fmt_fd(f, c, (int32_t)c->args[0]);
	out__puts(f->out, ", ");
	ioctl_print_code(f, (uint32_t)c->args[1]);
	if (d.arg != IOA_NONE && !d.at_exit) {
		out__puts(f->out, ", ");
		ioctl_print_arg(f, c, d.arg, false);
	}
}

static void ioctl_exit(struct sr_fmt *f, const struct sr_call *c)
{
	struct sr_ioc d = ioc_lookup((uint32_t)c->args[1]);

	if (d.arg != IOA_NONE && d.at_exit) {
		out__puts(f->out, ", ");
		ioctl_print_arg(f, c, d.arg, true);
	}
}

/*
 * Enough for the largest struct decoded (termios2, whose flags strace prints
 * with or without -v: it reads the whole struct first) at both ends. An
 * input on a page not yet touched (a string literal) is read again at exit.
 */
static void ioctl_arg_plan(const struct sr_sysent *ent, int argi, const struct sr_opts *o,
			   struct sr_plan_arg *pa)
{
	pa->when = SR_CAP_ENTER | SR_CAP_EXIT | SR_CAP_RETRY;
	pa->how = SR_HOW_BUF;
	pa->len_src = SR_LEN_FIXED;
	pa->elem = SR_TERMIOS2_SIZE;
	pa->cap = pa->elem;
}

/* The argument alone, as the ioctl line shows it. */
static void ioctl_arg_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	struct sr_ioc d = ioc_lookup((uint32_t)c->args[1]);

	ioctl_print_arg(f, c, d.arg, d.at_exit && c->has_exit);
}

const struct sr_decoder sr_dec_ioctl_arg = {
	.name = "ioctl_arg",
	.at_exit = true,
	.plan = ioctl_arg_plan,
	.print = ioctl_arg_print,
};

const struct sr_scdec sr_scdec_ioctl = {
	.name = "ioctl",
	.enter = ioctl_enter,
	.exit = ioctl_exit,
};

/* fcntl. struct flock: l_type, l_whence, l_start, l_len; l_pid for GETLK. */
static void print_flock(struct sr_fmt *f, const uint8_t *p, bool getlk)
{
	out__puts(f->out, "{l_type=");
	fmt_enum(f, &xlat_lock_types, get16(p, 0));
	out__puts(f->out, ", l_whence=");
	fmt_enum(f, &xlat_whence, get16(p, 2));
	out__puts(f->out, ", l_start=");
	out__dec(f->out, (int64_t)get64(p, 8));
	out__puts(f->out, ", l_len=");
	out__dec(f->out, (int64_t)get64(p, 16));
	if (getlk) {
		out__puts(f->out, ", l_pid=");
		out__dec(f->out, (int32_t)get32(p, 24));
	}
	out__putc(f->out, '}');
}

/* struct f_owner_ex: "{type=F_OWNER_PID, pid=5}". */
static void print_owner(struct sr_fmt *f, const uint8_t *p)
{
	out__puts(f->out, "{type=");
	fmt_enum(f, &xlat_f_owner_types, get32(p, 0));
	out__puts(f->out, ", pid=");
	out__dec(f->out, (int32_t)get32(p, 4));
	out__putc(f->out, '}');
}

/* The pointed-to argument of F_*LK* and F_*OWN_EX; the address if unread. */
static void fcntl_print_ptr(struct sr_fmt *f, const struct sr_call *c, bool at_exit)
{
	uint32_t cmd = (uint32_t)c->args[1];
	bool lock = cmd != F_SETOWN_EX && cmd != F_GETOWN_EX;
	const uint8_t *p = blob_get(at_exit ? c->out[2] : c->in[2], lock ? SR_FLOCK_SIZE : 8);

	if (!c->args[2] || !p || (at_exit && c->ret < 0)) {
		fmt_ptr(f, c->args[2]);
		return;
	}
	if (lock)
		print_flock(f, p, at_exit);
	else
		print_owner(f, p);
}

/* The third argument at entry; false when there is none to show then. */
static bool fcntl_print_in(struct sr_fmt *f, const struct sr_call *c)
{
	uint64_t arg = c->args[2];

	switch ((uint32_t)c->args[1]) {
	case F_GETFD:
	case F_GETFL:
	case F_GETOWN:
	case F_GETSIG:
	case F_GETLEASE:
	case F_GETPIPE_SZ:
	case F_GET_SEALS:
	case F_GETLK:
	case F_OFD_GETLK:
	case F_GETOWN_EX:
		return false;
	}
	out__puts(f->out, ", ");
	switch ((uint32_t)c->args[1]) {
	case F_SETFD:
		fmt_flags(f, &xlat_fd_flags, (uint32_t)arg);
		break;
	case F_SETOWN:
		out__dec(f->out, (int32_t)arg);
		break;
	case F_DUPFD:
	case F_DUPFD_CLOEXEC:
	case F_SETPIPE_SZ:
		out__dec(f->out, (int64_t)arg);
		break;
	case F_SETFL:
		print_open_modes(f, (uint32_t)arg);
		break;
	case F_SETLK:
	case F_SETLKW:
	case F_OFD_SETLK:
	case F_OFD_SETLKW:
	case F_SETOWN_EX:
		fcntl_print_ptr(f, c, false);
		break;
	case F_NOTIFY:
		fmt_flags(f, &xlat_dnotify_flags, arg);
		break;
	case F_SETLEASE:
		fmt_enum(f, &xlat_lock_types, arg);
		break;
	case F_ADD_SEALS:
		fmt_flags(f, &xlat_f_seals, arg);
		break;
	case F_SETSIG:
		fmt_signame(f, (int32_t)arg);
		break;
	default:
		out__hex(f->out, arg);
		break;
	}
	return true;
}

static void fcntl_enter(struct sr_fmt *f, const struct sr_call *c)
{
	fmt_fd(f, c, (int32_t)c->args[0]);
	out__puts(f->out, ", ");
	fmt_enum(f, &xlat_fcntl_cmd, (uint32_t)c->args[1]);
	fcntl_print_in(f, c);
}

/* The results read back: F_GETLK's lock, F_GETOWN_EX's owner. */
static void fcntl_exit(struct sr_fmt *f, const struct sr_call *c)
{
	switch ((uint32_t)c->args[1]) {
	case F_GETLK:
	case F_OFD_GETLK:
	case F_GETOWN_EX:
		out__puts(f->out, ", ");
		fcntl_print_ptr(f, c, true);
		break;
	}
}

/*
 * Commands whose result strace shows in hex, with its meaning after it:
 * "= 0x1 (flags FD_CLOEXEC)". F_GETFD and F_GET_SEALS only when non-zero.
 */
static bool fcntl_ret_hex(const struct sr_call *c)
{
	switch ((uint32_t)c->args[1]) {
	case F_GETFL:
	case F_GETLEASE:
		return true;
	case F_GETFD:
	case F_GET_SEALS:
		return c->ret != 0;
	default:
		return false;
	}
}

/* The return value itself: hex for the commands above, a descriptor for F_DUPFD. */
static void fcntl_ret(struct sr_fmt *f, const struct sr_call *c)
{
	uint32_t cmd = (uint32_t)c->args[1];

	if (fcntl_ret_hex(c))
		out__hex(f->out, (uint64_t)c->ret);
	else if (cmd == F_DUPFD || cmd == F_DUPFD_CLOEXEC)
		fmt_fd_new(f, c, (int)c->ret);
	else
		out__dec(f->out, c->ret);
}

static void fcntl_ret_suffix(struct sr_fmt *f, const struct sr_call *c)
{
	const char *n;

	if (c->ret < 0)
		return;
	switch ((uint32_t)c->args[1]) {
	case F_GETFD:
		if (!c->ret)
			return;
		out__puts(f->out, " (flags ");
		fmt_flags_bare(f, &xlat_fd_flags, (uint64_t)c->ret);
		break;
	case F_GETFL:
		out__puts(f->out, " (flags ");
		print_open_modes(f, (uint32_t)c->ret);
		break;
	case F_GETLEASE:
		n = xlat__name(&xlat_lock_types, (uint64_t)c->ret);
		if (!n)
			return;
		out__puts(f->out, " (");
		out__puts(f->out, n);
		break;
	case F_GET_SEALS:
		if (!c->ret)
			return;
		out__puts(f->out, " (seals ");
		fmt_flags_bare(f, &xlat_f_seals, (uint64_t)c->ret);
		break;
	case F_GETSIG:
		if (c->ret <= 0 || c->ret > 64)
			return;
		out__puts(f->out, " (");
		fmt_signame(f, (int)c->ret);
		break;
	default:
		return;
	}
	out__putc(f->out, ')');
}

/* The lock and owner structs, read at entry (F_SET*) and at exit (F_GET*). */
static void fcntl_plan(const struct sr_sysent *ent, const struct sr_opts *o, struct sr_plan *p)
{
	memset(&p->a[2], 0, sizeof(p->a[2]));
	p->a[2].when = SR_CAP_ENTER | SR_CAP_EXIT;
	p->a[2].how = SR_HOW_BUF;
	p->a[2].len_src = SR_LEN_FIXED;
	p->a[2].elem = SR_FLOCK_SIZE;
	p->a[2].cap = SR_FLOCK_SIZE;
}

const struct sr_scdec sr_scdec_fcntl = {
	.name = "fcntl",
	.enter = fcntl_enter,
	.exit = fcntl_exit,
	.ret = fcntl_ret,
	.ret_suffix = fcntl_ret_suffix,
	.plan = fcntl_plan,
};
