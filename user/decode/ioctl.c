// SPDX-License-Identifier: GPL-2.0
/*
 * Decoders: ioctl. strace decodes the terminal requests (type 'T') and a few
 * file ones, and prints any other argument in hex; its decoders show inputs
 * at entry and outputs at exit, which decides where an unfinished line is cut.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <asm/ioctl.h>
#include <asm/ioctls.h>
#include <asm/termbits.h>
#include <linux/fs.h>
#include <linux/blkzoned.h>
#include <linux/counter.h>
#include <linux/inotify.h>
#include <linux/loop.h>
#include <linux/nsfs.h>
#include <linux/random.h>
#include <linux/watchdog.h>

#include "decode/decode.h"
#include "decode/ioctl.h"
#include "decode/term.h"

/*
 * Fewest: the largest struct of the requests that encode no size
 * (loop_config of LOOP_CONFIGURE, a plain number as the older loop requests
 * are; then loop_info64, termios2), which also leaves room for the bytes
 * that follow a header (RNDADDENTROPY's buffer) up to the default -s 32.
 */
#define SR_IOC_MIN 320
_Static_assert(SR_IOC_MIN >= SR_TERMIOS2_SIZE, "termios2 fits");
_Static_assert(SR_IOC_MIN >= sizeof(struct loop_info64), "loop_info64 fits");
_Static_assert(SR_IOC_MIN >= sizeof(struct loop_info), "loop_info fits");
_Static_assert(SR_IOC_MIN >= sizeof(struct loop_config), "loop_config fits");

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
	/* block devices (linux/fs.h) */
	{ BLKRASET, IOA_UDEC, false },
	{ BLKFRASET, IOA_UDEC, false },
	{ BLKSECTGET, IOA_USHORT, true },
	{ BLKROTATIONAL, IOA_USHORT, true },
	{ BLKROGET, IOA_INT, true },
	{ BLKBSZGET, IOA_INT, true },
	{ BLKSSZGET, IOA_INT, true },
	{ BLKALIGNOFF, IOA_INT, true },
	{ BLKROSET, IOA_INT, false },
	{ BLKBSZSET, IOA_INT, false },
	{ BLKPBSZGET, IOA_UINT, true },
	{ BLKIOMIN, IOA_UINT, true },
	{ BLKIOOPT, IOA_UINT, true },
	{ BLKDISCARDZEROES, IOA_UINT, true },
	{ BLKGETZONESZ, IOA_UINT, true },
	{ BLKGETNRZONES, IOA_UINT, true },
	{ BLKRAGET, IOA_LONG, true },
	{ BLKFRAGET, IOA_LONG, true },
	{ BLKGETSIZE, IOA_ULONG, true },
	{ BLKGETSIZE64, IOA_U64, true },
	{ BLKGETDISKSEQ, IOA_U64, true },
	{ BLKDISCARD, IOA_U64_PAIR, false },
	{ BLKSECDISCARD, IOA_U64_PAIR, false },
	{ BLKZEROOUT, IOA_U64_PAIR, false },
	{ BLKRRPART, IOA_NONE, false },
	{ BLKFLSBUF, IOA_NONE, false },
	{ BLKTRACESTART, IOA_NONE, false },
	{ BLKTRACESTOP, IOA_NONE, false },
	{ BLKTRACETEARDOWN, IOA_NONE, false },
	/* namespaces (linux/nsfs.h); NS_GET_NSTYPE's type follows its value */
	{ NS_GET_USERNS, IOA_NONE, false },
	{ NS_GET_PARENT, IOA_NONE, false },
	{ NS_GET_NSTYPE, IOA_NONE, true },
	{ NS_GET_OWNER_UID, IOA_UID, true },
	/* watchdogs */
	{ WDIOC_GETSTATUS, IOA_INT, true },
	{ WDIOC_GETBOOTSTATUS, IOA_INT, true },
	{ WDIOC_GETTEMP, IOA_INT, true },
	{ WDIOC_GETTIMEOUT, IOA_INT, true },
	{ WDIOC_GETPRETIMEOUT, IOA_INT, true },
	{ WDIOC_GETTIMELEFT, IOA_INT, true },
	{ WDIOC_SETTIMEOUT, IOA_INT, false },
	{ WDIOC_SETPRETIMEOUT, IOA_INT, false },
	{ WDIOC_KEEPALIVE, IOA_NONE, false },
	/* /dev/random */
	{ RNDGETENTCNT, IOA_INT, true },
	{ RNDADDTOENTCNT, IOA_INT, false },
	{ RNDADDENTROPY, IOA_RAND_POOL, false },
	{ RNDZAPENTCNT, IOA_NONE, false },
	{ RNDCLEARPOOL, IOA_NONE, false },
	{ RNDRESEEDCRNG, IOA_NONE, false },
	{ INOTIFY_IOC_SETNEXTWD, IOA_DEC, false },
	{ COUNTER_ENABLE_EVENTS_IOCTL, IOA_NONE, false },
	{ COUNTER_DISABLE_EVENTS_IOCTL, IOA_NONE, false },
	{ FIFREEZE, IOA_NONE, false },
	{ FITHAW, IOA_NONE, false },
};

static SR_IOC_ROWS(ioc_rows_base, ioc_table);

/* Every row table: the terminal and file requests here, then by subsystem. */
static const struct sr_ioc_rows *const ioc_row_tables[] = {
	&ioc_rows_base,	    &sr_ioc_rows_dev,	&sr_ioc_rows_blk,     &sr_ioc_rows_rtc,
	&sr_ioc_rows_loop,  &sr_ioc_rows_evdev, &sr_ioc_rows_hdio,    &sr_ioc_rows_gpio,
	&sr_ioc_rows_ptp,   &sr_ioc_rows_uffd,	&sr_ioc_rows_seccomp, &sr_ioc_rows_mtd,
	&sr_ioc_rows_dm,    &sr_ioc_rows_perf,	&sr_ioc_rows_sock,    &sr_ioc_rows_tee,
	&sr_ioc_rows_btrfs, &sr_ioc_rows_scsi,	&sr_ioc_rows_kvm,     &sr_ioc_rows_v4l2,
	&sr_ioc_rows_kd,
};

/* Every reference table. */
static const struct sr_ioc_refset *const ioc_ref_sets[] = {
	&sr_ioc_refs_blk,  &sr_ioc_refs_tee,   &sr_ioc_refs_sock,
	&sr_ioc_refs_dm,   &sr_ioc_refs_btrfs, &sr_ioc_refs_dev,
	&sr_ioc_refs_scsi, &sr_ioc_refs_hdio,  &sr_ioc_refs_v4l2,
};

size_t ioctl__refs(uint32_t *codes, struct sr_ioc_refs *refs, size_t max)
{
	size_t t, i, n = 0;
	int k;

	for (t = 0; t < sizeof(ioc_ref_sets) / sizeof(ioc_ref_sets[0]); t++) {
		const struct sr_ioc_refset *s = ioc_ref_sets[t];

		for (i = 0; i < s->n && n < max; i++, n++) {
			codes[n] = s->rows[i].code;
			memset(&refs[n], 0, sizeof(refs[n]));
			memcpy(refs[n].r, s->rows[i].r, sizeof(refs[n].r));
			refs[n].flags = s->rows[i].flags;
			for (k = 0; k < SR_IOC_REFS; k++)
				refs[n].r[k].slot = SR_IOC_REF_SLOT0 | k << 3;
		}
	}
	return n;
}

const struct sr_blob *ioc_ref_blob(const struct sr_call *c, int k, bool at_exit)
{
	const uint8_t want = SR_IOC_REF_SLOT0 | k << 3;
	const struct sr_blob *b;
	const uint8_t *end;
	uint8_t class;

	if (at_exit && !c->has_exit)
		return NULL;
	b = at_exit ? c->out[SR_IOC_REF_SLOT0] : c->in[SR_IOC_REF_SLOT0];
	if (!b)
		return NULL;
	/* the references follow one another; in an exit record, entry copies made again too */
	class = b->flags & (SR_BF_RETRY | SR_BF_ENTRY);
	end = call__blob_end(c, b);
	for (; b; b = blob_next(b, end))
		if (b->arg == want && (b->flags & (SR_BF_RETRY | SR_BF_ENTRY)) == class)
			return b;
	return NULL;
}

const uint8_t *ioc_ref_copy(const struct sr_call *c, int k, bool at_exit, size_t *len)
{
	const struct sr_blob *b;

	*len = 0;
	if (at_exit && (!c->has_exit || c->ret < 0))
		return NULL;
	b = ioc_ref_blob(c, k, at_exit);
	if (!blob_ok(b))
		return NULL;
	*len = b->len;
	return blob_data(b);
}

static struct sr_ioc ioc_lookup(uint32_t code)
{
	struct sr_ioc d = { code, IOA_HEX, false, NULL };
	size_t t, i;

	for (t = 0; t < sizeof(ioc_row_tables) / sizeof(ioc_row_tables[0]); t++) {
		const struct sr_ioc_rows *r = ioc_row_tables[t];

		for (i = 0; i < r->n; i++)
			if (r->rows[i].code == code)
				return r->rows[i];
		if (r->match && r->match(code, &d))
			return d;
	}
	/* Other requests: terminal ones in hex at entry, the rest at exit. */
	d.at_exit = _IOC_TYPE(code) != 'T';
	return d;
}

/*
 * The row of the call's request; a struct whose entry copy strace would not
 * decode (struct sr_ioc_struct.valid) prints in hex at exit instead.
 */
/*
 * Does an ia32 task's argument of kind @arg have the layout x86_64's has?
 * Values, and pointers to ints, chars, u64s and the terminal structs do;
 * a long and the structs (some hold a long or a pointer) are not decoded yet.
 */
static bool ioa_same32(enum sr_ioc_arg arg)
{
	switch (arg) {
	case IOA_LONG:
	case IOA_ULONG:
	case IOA_STRUCT:
	case IOA_FIELDS:
	case IOA_INOUT:
	case IOA_RAND_POOL:
		return false;
	default:
		return true;
	}
}

static struct sr_ioc ioc_row(const struct sr_call *c)
{
	struct sr_ioc d = ioc_lookup((uint32_t)c->args[1]);
	const struct sr_ioc_struct *st = d.aux;
	const struct sr_blob *b = c->in[2];

	if (c->ent->ia32 && !ioa_same32(d.arg)) {
		d.arg = IOA_PTR;
		d.at_exit = false;
		return d;
	}

	if (d.arg != IOA_STRUCT || !st->valid)
		return d;
	if (!blob_ok(b) || !st->valid(blob_data(b), b->len)) {
		d.arg = IOA_HEX;
		d.at_exit = true;
	}
	return d;
}

static size_t ioc_arg_size(const struct sr_ioc *d)
{
	switch (d->arg) {
	case IOA_STRUCT:
	case IOA_INOUT:
		return ((const struct sr_ioc_struct *)d->aux)->size;
	case IOA_FIELDS:
		return ((const struct sr_ioc_fields *)d->aux)->size;
	case IOA_TERMIOS:
		return SR_TERMIOS_SIZE;
	case IOA_TERMIOS2:
		return SR_TERMIOS2_SIZE;
	case IOA_TERMIO:
		return SR_TERMIO_SIZE;
	case IOA_WINSIZE:
		return SR_WINSIZE_SIZE;
	case IOA_CHAR:
		return 1;
	case IOA_USHORT:
		return sizeof(uint16_t);
	case IOA_LONG:
	case IOA_ULONG:
	case IOA_U64:
		return sizeof(uint64_t);
	case IOA_U64_PAIR:
		return 2 * sizeof(uint64_t);
	case IOA_RAND_POOL:
		return offsetof(struct rand_pool_info, buf);
	default:
		return sizeof(int32_t);
	}
}

/* "[FLAGS]": an int of flags in user memory. */
static void print_int_flags(struct sr_fmt *f, const struct sr_xlat *x, const uint8_t *p)
{
	pr_array_begin(f);
	fmt_flags(f, x, get32(p, 0));
	pr_array_end(f);
}

/* "[n]": one number in user memory, @size bytes, signed or not. */
static void print_num_ptr(struct sr_fmt *f, const uint8_t *p, size_t size, bool sign)
{
	uint64_t v = 0;

	memcpy(&v, p, size); /* little-endian hosts: the low bytes */
	pr_array_begin(f);
	if (!sign)
		pr_u(f, v);
	else if (size == sizeof(int16_t))
		pr_d(f, (int16_t)v);
	else if (size == sizeof(int32_t))
		pr_d(f, (int32_t)v);
	else
		pr_d(f, (int64_t)v);
	pr_array_end(f);
}

/*
 * RNDADDENTROPY: {entropy_count=3, buf_size=8, buf="12345678"}; the bytes
 * follow the header in the copy, as far as it reaches.
 */
static void print_rand_pool(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, size_t len)
{
	const size_t hdr = offsetof(struct rand_pool_info, buf);
	int32_t count = get32(p, offsetof(struct rand_pool_info, entropy_count));
	int32_t size = get32(p, offsetof(struct rand_pool_info, buf_size));
	uint64_t want = (uint32_t)size, have = len - hdr, max = fmt_strsize(f);

	pr_struct_begin(f);
	pr_field_d(f, "entropy_count", count);
	pr_field_d(f, "buf_size", size);
	pr_field(f, "buf");
	if (size < 0)
		want = UINT64_MAX;
	/* enough to show, or to know it goes on past what is shown */
	if (have >= want || have > max)
		pr_str(f, p + hdr, have < want ? have : want, max, 0);
	else
		pr_addr(f, c->args[2] + hdr);
	pr_struct_end(f);
}

const uint8_t *ioc_exit_copy(const struct sr_call *c, size_t size, size_t *len)
{
	const uint8_t *p = c->has_exit && c->ret >= 0 ? blob_get(c->out[2], size) : NULL;

	*len = p ? c->out[2]->len : 0;
	return p;
}

/* A pointed-to argument, from the copy of its phase; the address if none. */
static void ioctl_print_ptr(struct sr_fmt *f, const struct sr_call *c, const struct sr_ioc *d,
			    bool at_exit)
{
	const uint8_t arg = d->arg;
	/* an input the call completes is read at entry, shown at exit */
	const bool out = at_exit && arg != IOA_INOUT;
	const struct sr_blob *b = out ? c->out[2] : c->in[2];
	const uint8_t *p = blob_get(b, ioc_arg_size(d));

	if (!c->args[2] || !p || (out && c->ret < 0) || !fmt_decodes_structs(f)) {
		fmt_ptr(f, c->args[2]);
		return;
	}
	switch (arg) {
	case IOA_TERMIOS:
	case IOA_TERMIOS2:
		term_print_termios(f, p, arg == IOA_TERMIOS2);
		break;
	case IOA_TERMIO:
		term_print_termio(f, p);
		break;
	case IOA_WINSIZE:
		term_print_winsize(f, p);
		break;
	case IOA_MODEM:
		print_int_flags(f, &xlat_modem_flags, p);
		break;
	case IOA_FS_FLAGS:
		print_int_flags(f, &xlat_fs_ioc_flags, p);
		break;
	case IOA_CHAR:
		pr_str(f, p, 1, fmt_strsize(f), 0);
		break;
	case IOA_UINT:
	case IOA_USHORT:
	case IOA_ULONG:
	case IOA_U64:
		print_num_ptr(f, p, ioc_arg_size(d), false);
		break;
	case IOA_LONG:
		print_num_ptr(f, p, ioc_arg_size(d), true);
		break;
	case IOA_U64_PAIR:
		pr_array_begin(f);
		pr_u(f, get64(p, 0));
		pr_u(f, get64(p, sizeof(uint64_t)));
		pr_array_end(f);
		break;
	case IOA_UID:
		pr_array_begin(f);
		pr_id(f, get32(p, 0));
		pr_array_end(f);
		break;
	case IOA_RAND_POOL:
		print_rand_pool(f, c, p, b->len);
		break;
	case IOA_STRUCT:
	case IOA_INOUT:
		((const struct sr_ioc_struct *)d->aux)->print(f, c, p, b->len);
		break;
	case IOA_FIELDS:
		ioc_print_fields(f, d->aux, p);
		break;
	case IOA_INT_FLAGS:
		print_int_flags(f, d->aux, p);
		break;
	case IOA_INT_ENUM:
		pr_array_begin(f);
		fmt_enum(f, d->aux, get32(p, 0));
		pr_array_end(f);
		break;
	case IOA_PTR:
		pr_addr(f, c->args[2]);
		break;
	default:
		fmt_int_array(f, p, sizeof(int32_t), 1);
		break;
	}
}

/* The argument, one value; nothing for IOA_NONE. */
static void ioctl_print_arg(struct sr_fmt *f, const struct sr_call *c, const struct sr_ioc *d,
			    bool at_exit)
{
	switch (d->arg) {
	case IOA_HEX:
		pr_x(f, c->args[2]);
		break;
	case IOA_DEC:
		pr_d(f, (int32_t)c->args[2]);
		break;
	case IOA_UDEC:
		pr_u(f, c->args[2]);
		break;
	case IOA_TCXONC:
		fmt_enum(f, &xlat_tcxonc_options, c->args[2]);
		break;
	case IOA_FD:
		fmt_fd(f, c, (int32_t)c->args[2]);
		break;
	case IOA_FLAGS:
		/* strace's printflags() takes an unsigned int */
		fmt_flags(f, d->aux, (uint32_t)c->args[2]);
		break;
	case IOA_ENUM:
		fmt_enum(f, d->aux, c->args[2]);
		break;
	case IOA_VALUE:
		((const struct sr_ioc_struct *)d->aux)->print(f, c, NULL, 0);
		break;

	case IOA_TCFLSH:
		fmt_enum(f, &xlat_tcflsh_options, c->args[2]);
		break;
	case IOA_NONE:
		break;
	default:
		ioctl_print_ptr(f, c, d, at_exit);
		break;
	}
}

/*
 * -N: the name strace 6.16 gives the third argument of request @code: the
 * table's ("argp") but where its decoder for the request says otherwise.
 */
static void ioctl_arg_name(struct sr_fmt *f, const struct sr_call *c, const struct sr_ioc *d)
{
	const char *name;

	switch (d->code) {
	case TCXONC:
	case TCFLSH:
	case TCSBRK:
	case TCSBRKP:
	case TIOCSCTTY:
	case FS_IOC_FSGETXATTR:
	case FS_IOC_FSSETXATTR:
	case FICLONERANGE:
	case FIDEDUPERANGE:
		name = "arg";
		break;
	case TIOCPKT:
		name = "mode";
		break;
	case TIOCSPTLCK:
		name = "lock";
		break;
	case FS_IOC_GETFLAGS:
	case FS_IOC_SETFLAGS:
	case FS_IOC32_GETFLAGS:
	case FS_IOC32_SETFLAGS:
		name = "attr";
		break;
	case FICLONE:
		name = "src_fd";
		break;
	case FS_IOC_GETFSLABEL:
	case FS_IOC_SETFSLABEL:
		name = "label";
		break;
	default:
		fmt_arg(f, c, 2);
		return;
	}
	pr_arg(f, name);
}

static void ioctl_enter(struct sr_fmt *f, const struct sr_call *c)
{
	struct sr_ioc d = ioc_row(c);

	fmt_arg(f, c, 0);
	fmt_fd(f, c, (int32_t)c->args[0]); /* fd */
	fmt_arg(f, c, 1);
	ioc_print_code(f, (uint32_t)c->args[1]); /* request */
	if (d.at_exit || d.arg == IOA_NONE)
		return;
	ioctl_arg_name(f, c, &d);
	ioctl_print_arg(f, c, &d, false); /* argp */
}

/* " => " and what the call wrote into an input struct (struct sr_ioc_struct.print_exit). */
static void ioctl_print_changed(struct sr_fmt *f, const struct sr_call *c,
				const struct sr_ioc_struct *st)
{
	const struct sr_blob *b = c->out[2];
	const uint8_t *p = blob_get(b, st->size);

	pr_changed(f);
	if (!c->args[2] || !p || (c->ret < 0 && c->ret != -st->exit_errno))
		fmt_ptr(f, c->args[2]);
	else
		st->print_exit(f, c, p, b->len);
}

/* An input struct the call also writes, whose entry copy was shown. */
static bool ioc_changes(const struct sr_ioc *d, const struct sr_call *c)
{
	const struct sr_ioc_struct *st = d->aux;
	const struct sr_blob *b = c->in[2];

	if (d->arg != IOA_STRUCT || d->at_exit || !st->print_exit)
		return false;
	if (st->exit_errno && c->ret < 0 && c->ret != -st->exit_errno)
		return false;
	return c->args[2] && blob_get(b, st->size);
}

static void ioctl_exit(struct sr_fmt *f, const struct sr_call *c)
{
	struct sr_ioc d = ioc_row(c);

	if (d.at_exit && d.arg != IOA_NONE)
		ioctl_arg_name(f, c, &d);
	if (d.at_exit)
		ioctl_print_arg(f, c, &d, true); /* argp, filled in */
	else if (ioc_changes(&d, c))
		ioctl_print_changed(f, c, d.aux);
}

/*
 * The size the request encodes, at both ends; for the terminal requests,
 * which encode none, enough for the largest of their structs (termios2,
 * whose flags strace prints with or without -v: it reads the whole struct
 * first). A struct that ends a mapping is still read (the BPF side cuts the
 * copy at the page boundary). An input on a page not yet touched (a string
 * literal) is read again at exit.
 */
static void ioctl_arg_plan(const struct sr_sysent *ent, int argi, const struct sr_opts *o,
			   struct sr_plan_arg *pa)
{
	/*
	 * after a failure, only the requests that ask (SR_IOC_ANYRET:
	 * bpf/capture_refs.bpf.h), as SG_IO's status or V4L2's extended
	 * controls and the index of the one that failed
	 */
	pa->when = SR_CAP_ENTER | SR_CAP_EXIT | SR_CAP_RETRY | SR_CAP_ANYRET;
	pa->how = SR_HOW_BUF;
	pa->len_src = SR_LEN_IOC;
	pa->len_arg = 1;
	pa->elem = SR_IOC_MIN;
	pa->cap = SR_IOC_CAP;
}

/* NS_GET_NSTYPE: "= 268435456 (CLONE_NEWUSER)", when the type has a name. */
static void ioctl_ret_suffix(struct sr_fmt *f, const struct sr_call *c)
{
	const char *name;

	if ((uint32_t)c->args[1] != NS_GET_NSTYPE || c->ret < 0)
		return;
	name = xlat__name(&xlat_setns_types, (uint64_t)c->ret);
	if (!name)
		return;
	pr_note_begin(f);
	pr_sym(f, name, (uint64_t)c->ret);
	pr_note_end(f);
}

/* The argument alone, as the ioctl line shows it. */
static void ioctl_arg_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	struct sr_ioc d = ioc_row(c);

	ioctl_print_arg(f, c, &d, d.at_exit && c->has_exit);
}

const struct sr_decoder sr_dec_ioctl_arg = {
	.name = "ioctl_arg",
	.at_exit = true,
	.plan = ioctl_arg_plan,
	.print = ioctl_arg_print,
	.same32 = true, /* ioc_row() shows the other layouts as addresses */
};

const struct sr_scdec sr_scdec_ioctl = {
	.name = "ioctl",
	.sep_at_exit = true,
	.enter = ioctl_enter,
	.exit = ioctl_exit,
	.ret_suffix = ioctl_ret_suffix,
	.same32 = true, /* ioc_row() shows the other layouts as addresses */
};
