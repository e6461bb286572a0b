// SPDX-License-Identifier: GPL-2.0
/* Decoders: files, stat, directories. */
#include <string.h>
#include <asm/stat.h>
#include <asm/statfs.h>
#include <linux/fcntl.h>
#include <linux/limits.h>
#include <linux/stat.h>

#include "decode/decode.h"
#include "decode/timefmt.h"
#include "cli/opts.h"

/*
 * <linux/stat.h> hides the mode bits from glibc programs, and <sys/stat.h>
 * would clash with the kernel's struct stat; the values are the ABI's.
 */
#define SR_S_IFMT  00170000
#define SR_S_IFBLK 0060000
#define SR_S_IFCHR 0020000
#define SR_S_ISUID 0004000
#define SR_S_ISGID 0002000
#define SR_S_ISVTX 0001000
/* statfs f_flags: the kernel sets it when the other bits mean something. */
#define SR_ST_VALID 0x0020

/* st_mode and friends: "S_IFREG|SR_S_ISUID|0755"; unknown types print numerically. */
static void mode_sym(struct sr_fmt *f, uint32_t mode)
{
	const char *ifmt = "";

	if (mode & SR_S_IFMT)
		ifmt = xlat__name(&xlat_file_types, mode & SR_S_IFMT);
	if (!ifmt) {
		fmt_mode(f, mode);
		return;
	}
	if (*ifmt) {
		out__puts(f->out, ifmt);
		out__putc(f->out, '|');
	}
	if (mode & SR_S_ISUID)
		out__puts(f->out, "S_ISUID|");
	if (mode & SR_S_ISGID)
		out__puts(f->out, "S_ISGID|");
	if (mode & SR_S_ISVTX)
		out__puts(f->out, "S_ISVTX|");
	fmt_mode(f, mode & ~(SR_S_IFMT | SR_S_ISUID | SR_S_ISGID | SR_S_ISVTX));
}

/* A dev_t as glibc's major() and minor() split it: "makedev(0x1, 0x3)". */
static void fmt_dev(struct sr_fmt *f, uint64_t dev)
{
	uint32_t major = ((dev >> 8) & 0xfff) | ((dev >> 32) & ~0xfffu);
	uint32_t minor = (dev & 0xff) | ((dev >> 12) & ~0xffu);

	out__puts(f->out, "makedev(");
	out__hex(f->out, major);
	out__puts(f->out, ", ");
	out__hex(f->out, minor);
	out__putc(f->out, ')');
}

/* "st_atime=S /\* date *\/, st_atime_nsec=N" */
static void stat_time(struct sr_fmt *f, const char *name, int64_t sec, uint64_t nsec)
{
	out__puts(f->out, ", ");
	out__puts(f->out, name);
	out__putc(f->out, '=');
	out__dec(f->out, sec);
	fmt_time_comment(f, sec, nsec, 9);
	out__puts(f->out, ", ");
	out__puts(f->out, name);
	out__puts(f->out, "_nsec=");
	out__udec(f->out, nsec);
}

static void stat_head_verbose(struct sr_fmt *f, const struct stat *st)
{
	out__puts(f->out, "st_dev=");
	fmt_dev(f, st->st_dev);
	field_u(f, ", st_ino=", st->st_ino);
	out__puts(f->out, ", st_mode=");
	mode_sym(f, st->st_mode);
	field_u(f, ", st_nlink=", st->st_nlink);
	field_u(f, ", st_uid=", st->st_uid);
	field_u(f, ", st_gid=", st->st_gid);
	field_u(f, ", st_blksize=", (uint64_t)st->st_blksize);
	field_u(f, ", st_blocks=", (uint64_t)st->st_blocks);
}

static void stat_print(struct sr_fmt *f, const struct sr_call *c, int argi, const void *data,
		       size_t len)
{
	struct stat st;
	uint32_t type;

	(void)c;
	(void)argi;
	(void)len;
	memcpy(&st, data, sizeof(st));
	type = st.st_mode & SR_S_IFMT;
	out__putc(f->out, '{');
	if (fmt_verbose(f)) {
		stat_head_verbose(f, &st);
	} else {
		out__puts(f->out, "st_mode=");
		mode_sym(f, st.st_mode);
	}
	if (type == SR_S_IFCHR || type == SR_S_IFBLK) {
		out__puts(f->out, ", st_rdev=");
		fmt_dev(f, st.st_rdev);
	} else {
		field_u(f, ", st_size=", (uint64_t)st.st_size);
	}
	if (!fmt_verbose(f)) {
		out__puts(f->out, ", ...}");
		return;
	}
	stat_time(f, "st_atime", (int64_t)st.st_atime, st.st_atime_nsec);
	stat_time(f, "st_mtime", (int64_t)st.st_mtime, st.st_mtime_nsec);
	stat_time(f, "st_ctime", (int64_t)st.st_ctime, st.st_ctime_nsec);
	out__putc(f->out, '}');
}

const struct sr_kind sr_kind_stat = {
	.name = "stat",
	.size = sizeof(struct stat),
	.max = 0,
	.print = stat_print,
};

/* ", stx_atime={tv_sec=S, tv_nsec=N} /\* date *\/" when @bit is in the mask. */
static void statx_time(struct sr_fmt *f, const struct statx *stx, uint32_t bit, const char *name,
		       const struct statx_timestamp *t)
{
	if (!(stx->stx_mask & bit))
		return;
	out__puts(f->out, name);
	fmt_sec_nsec(f, t->tv_sec, t->tv_nsec);
	fmt_time_comment(f, t->tv_sec, t->tv_nsec, 9);
}

/* The fields strace shows only with -v, after stx_size. */
static void statx_tail(struct sr_fmt *f, const struct statx *stx)
{
	if (stx->stx_mask & STATX_BLOCKS)
		field_u(f, ", stx_blocks=", stx->stx_blocks);
	out__puts(f->out, ", stx_attributes_mask=");
	fmt_flags(f, &xlat_statx_attrs, stx->stx_attributes_mask);
	statx_time(f, stx, STATX_ATIME, ", stx_atime=", &stx->stx_atime);
	statx_time(f, stx, STATX_BTIME, ", stx_btime=", &stx->stx_btime);
	statx_time(f, stx, STATX_CTIME, ", stx_ctime=", &stx->stx_ctime);
	statx_time(f, stx, STATX_MTIME, ", stx_mtime=", &stx->stx_mtime);
	field_u(f, ", stx_rdev_major=", stx->stx_rdev_major);
	field_u(f, ", stx_rdev_minor=", stx->stx_rdev_minor);
	field_u(f, ", stx_dev_major=", stx->stx_dev_major);
	field_u(f, ", stx_dev_minor=", stx->stx_dev_minor);
	if (stx->stx_mask & STATX_MNT_ID) {
		out__puts(f->out, ", stx_mnt_id=");
		out__hex(f->out, stx->stx_mnt_id);
	}
	if (stx->stx_mask & STATX_DIOALIGN) {
		field_u(f, ", stx_dio_mem_align=", stx->stx_dio_mem_align);
		field_u(f, ", stx_dio_offset_align=", stx->stx_dio_offset_align);
	}
}

/* -v: link count and owners, between stx_attributes and stx_mode. */
static void statx_ids(struct sr_fmt *f, const struct statx *stx)
{
	if (stx->stx_mask & STATX_NLINK)
		field_u(f, ", stx_nlink=", stx->stx_nlink);
	if (stx->stx_mask & STATX_UID)
		field_id(f, ", stx_uid=", stx->stx_uid);
	if (stx->stx_mask & STATX_GID)
		field_id(f, ", stx_gid=", stx->stx_gid);
}

static void statx_print(struct sr_fmt *f, const struct sr_call *c, int argi, const void *data,
			size_t len)
{
	struct statx stx;
	bool v = fmt_verbose(f);

	(void)c;
	(void)argi;
	(void)len;
	memcpy(&stx, data, sizeof(stx));
	out__puts(f->out, "{stx_mask=");
	fmt_flags(f, &xlat_statx_mask, stx.stx_mask);
	if (v)
		field_u(f, ", stx_blksize=", stx.stx_blksize);
	out__puts(f->out, ", stx_attributes=");
	fmt_flags(f, &xlat_statx_attrs, stx.stx_attributes);
	if (v)
		statx_ids(f, &stx);
	if (stx.stx_mask & (STATX_TYPE | STATX_MODE)) {
		out__puts(f->out, ", stx_mode=");
		mode_sym(f, stx.stx_mode);
	}
	if (v && (stx.stx_mask & STATX_INO))
		field_u(f, ", stx_ino=", stx.stx_ino);
	if (stx.stx_mask & STATX_SIZE)
		field_u(f, ", stx_size=", stx.stx_size);
	if (v)
		statx_tail(f, &stx);
	else
		out__puts(f->out, ", ...");
	out__putc(f->out, '}');
}

_Static_assert(sizeof(struct statx) == 256, "statx layout");

const struct sr_kind sr_kind_statx = {
	.name = "statx",
	.size = sizeof(struct statx),
	.max = 0,
	.print = statx_print,
};

/* statx's flags: the sync type (a two-bit field, 0 named too), then AT_* bits. */
static void statx_flags_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	uint32_t v = (uint32_t)c->args[argi];

	fmt_flags(f, &xlat_at_statx_sync_types, v & AT_STATX_SYNC_TYPE);
	fmt_flags_tail(f, &xlat_at_flags, v & ~AT_STATX_SYNC_TYPE);
}

const struct sr_decoder sr_dec_statx_flags = {
	.name = "statx_flags",
	.at_exit = false,
	.print = statx_flags_print,
};

/* f_type: a known magic by name, anything else in hex without comment. */
static void fs_magic(struct sr_fmt *f, uint64_t type)
{
	const char *n = xlat__name(&xlat_fs_magic, type);

	if (n)
		out__puts(f->out, n);
	else
		out__hex(f->out, type);
}

static void statfs_print(struct sr_fmt *f, const struct sr_call *c, int argi, const void *data,
			 size_t len)
{
	struct statfs s;
	size_t i;

	(void)c;
	(void)argi;
	(void)len;
	memcpy(&s, data, sizeof(s));
	out__puts(f->out, "{f_type=");
	fs_magic(f, s.f_type);
	field_u(f, ", f_bsize=", s.f_bsize);
	field_u(f, ", f_blocks=", s.f_blocks);
	field_u(f, ", f_bfree=", s.f_bfree);
	field_u(f, ", f_bavail=", s.f_bavail);
	field_u(f, ", f_files=", s.f_files);
	field_u(f, ", f_ffree=", s.f_ffree);
	out__puts(f->out, ", f_fsid={val=[");
	for (i = 0; i < 2 && fmt_array_next(f, i); i++)
		out__hex(f->out, (uint32_t)s.f_fsid.val[i]);
	out__puts(f->out, "]}");
	field_u(f, ", f_namelen=", s.f_namelen);
	field_u(f, ", f_frsize=", s.f_frsize);
	if (s.f_flags & SR_ST_VALID) {
		out__puts(f->out, ", f_flags=");
		fmt_flags(f, &xlat_statfs_flags, s.f_flags);
	}
	out__putc(f->out, '}');
}

const struct sr_kind sr_kind_statfs = {
	.name = "statfs",
	.size = sizeof(struct statfs),
	.max = 0,
	.print = statfs_print,
};

static void utimbuf_print(struct sr_fmt *f, const struct sr_call *c, int argi, const void *data,
			  size_t len)
{
	int64_t t[2];

	(void)c;
	(void)argi;
	(void)len;
	memcpy(t, data, sizeof(t));
	out__puts(f->out, "{actime=");
	out__dec(f->out, t[0]);
	fmt_time_comment(f, t[0], 0, 0);
	out__puts(f->out, ", modtime=");
	out__dec(f->out, t[1]);
	fmt_time_comment(f, t[1], 0, 0);
	out__putc(f->out, '}');
}

const struct sr_kind sr_kind_utimbuf = {
	.name = "utimbuf",
	.size = 16,
	.max = 0,
	.print = utimbuf_print,
};

/* open(2) flags: the access mode by name, then the flag bits. */
static void open_modes(struct sr_fmt *f, uint64_t v)
{
	const char *acc = xlat__name(&xlat_open_access, v & O_ACCMODE);

	if (!acc) {
		fmt_flags(f, &xlat_open_flags, v);
		return;
	}
	out__puts(f->out, acc);
	fmt_flags_tail(f, &xlat_open_flags, v & ~(uint64_t)O_ACCMODE);
}

/* struct open_how (include/uapi/linux/openat2.h). */
struct sr_open_how {
	uint64_t flags;
	uint64_t mode;
	uint64_t resolve;
};

/* openat2's how: shorter than the first version is not a struct at all. */
static void open_how_print(struct sr_fmt *f, const struct sr_call *c, int argi, const void *data,
			   size_t len)
{
	struct sr_open_how how;

	if (len < sizeof(how) || c->args[argi + 1] < sizeof(how)) {
		out__hex(f->out, c->args[argi]);
		return;
	}
	memcpy(&how, data, sizeof(how));
	out__puts(f->out, "{flags=");
	open_modes(f, how.flags);
	if ((how.flags & (O_CREAT | __O_TMPFILE)) || how.mode) {
		out__puts(f->out, ", mode=");
		fmt_mode(f, how.mode);
	}
	out__puts(f->out, ", resolve=");
	fmt_flags(f, &xlat_resolve_flags, how.resolve);
	out__putc(f->out, '}');
}

const struct sr_kind sr_kind_open_how = {
	.name = "open_how",
	.size = 0,
	.max = sizeof(struct sr_open_how),
	.print = open_how_print,
};

static void open_flags_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	open_modes(f, (uint32_t)c->args[argi]);
}

const struct sr_decoder sr_dec_open_flags = {
	.name = "open_flags",
	.at_exit = false,
	.print = open_flags_print,
};

/* The mode follows the flags, and only matters when a file may be created. */
static bool open_mode_present(const struct sr_call *c, int argi)
{
	return argi > 0 && (c->args[argi - 1] & (O_CREAT | __O_TMPFILE));
}

static void open_mode_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	fmt_mode(f, (uint16_t)c->args[argi]);
}

const struct sr_decoder sr_dec_open_mode = {
	.name = "open_mode",
	.at_exit = false,
	.present = open_mode_present,
	.print = open_mode_print,
};

/*
 * getdents/getdents64: struct linux_dirent and linux_dirent64 share their
 * first 18 bytes; the name starts at 18 and 19 respectively.
 */
#define SR_DIRENT_RECLEN_OFF 16
#define SR_DIRENT_HEAD	     18
#define SR_DIRENT64_HEAD     19
#define SR_DNAME_MAX	     256

struct sr_dents {
	const uint8_t *p;
	size_t have; /* bytes captured */
	size_t len; /* bytes the kernel returned */
	size_t head; /* header size: where d_name starts */
	bool is64;
};

/* The whole buffer, so that the entry count is right. */
static void dirents_plan(const struct sr_sysent *ent, int argi, const struct sr_opts *o,
			 struct sr_plan_arg *pa)
{
	(void)ent;
	(void)argi;
	(void)o;
	pa->when = SR_CAP_EXIT;
	pa->how = SR_HOW_DIRENTS; /* the kernel side counts all entries */
	pa->len_src = SR_LEN_RET;
	pa->elem = 1;
	pa->cap = SR_BLOB_MAX;
}

static uint16_t dent_reclen(const struct sr_dents *d, size_t off)
{
	uint16_t r;

	memcpy(&r, d->p + off + SR_DIRENT_RECLEN_OFF, sizeof(r));
	return r;
}

/*
 * Walk the records as strace does. Returns where the next record starts and
 * sets *reclen to this one's length; *last is set when the walk ends here: at
 * the end, or at a record length past the end (taken as the rest) or shorter
 * than a header (only the header is skipped).
 */
static size_t dent_next(const struct sr_dents *d, size_t off, size_t *reclen, bool *last)
{
	size_t left = d->len - off, r = dent_reclen(d, off);

	*last = true;
	if (r > left) {
		*reclen = left;
		return d->len;
	}
	if (r < d->head) {
		*reclen = d->head;
		return off + d->head;
	}
	*reclen = r;
	*last = r == left;
	return off + r;
}

/* "/\* 5 entries *\/"; "5+" when the walk stopped short of the end. */
/* " /\* 5 entries *\/": counted by the kernel side over every byte returned. */
static void dents_count(struct sr_fmt *f, const struct sr_dents *d, const struct sr_blob *b)
{
	size_t off = 0, n = 0, reclen;
	bool last = false;

	if (b && (b->flags & SR_BF_COUNT)) {
		out__puts(f->out, " /* ");
		out__udec(f->out, (uint32_t)b->aux);
		out__puts(f->out, " entries */");
		return;
	}
	while (!last && d->len - off >= d->head && off + d->head <= d->have) {
		n++;
		off = dent_next(d, off, &reclen, &last);
	}
	out__puts(f->out, " /* ");
	out__udec(f->out, n);
	out__puts(f->out, off < d->len ? "+ entries */" : " entries */");
}

static void dent_name(struct sr_fmt *f, const struct sr_dents *d, size_t off, size_t n)
{
	size_t avail = d->have - off;

	out__puts(f->out, ", d_name=");
	out__quoted(f->out, d->p + off, n < avail ? n : avail, SR_BLOB_MAX, SR_Q_NUL_TERM);
}

/* The part after d_reclen: d_type and d_name, in each struct's order. */
static void dent_tail(struct sr_fmt *f, const struct sr_dents *d, size_t off, size_t reclen)
{
	size_t name = off + d->head, rest = reclen - d->head, n;

	if (d->is64) {
		out__puts(f->out, ", d_type=");
		fmt_enum(f, &xlat_dirent_types, d->p[off + 18]);
		n = rest > SR_DNAME_MAX ? SR_DNAME_MAX : rest;
		if (n)
			dent_name(f, d, name, n - 1);
		return;
	}
	if (!rest)
		return;
	n = rest - 1 > SR_DNAME_MAX ? SR_DNAME_MAX : rest - 1;
	if (n)
		dent_name(f, d, name, n - 1);
	out__puts(f->out, ", d_type=");
	if (name + rest - 1 < d->have)
		fmt_enum(f, &xlat_dirent_types, d->p[name + rest - 1]);
	else
		out__puts(f->out, "???");
}

static void dent_print(struct sr_fmt *f, const struct sr_dents *d, size_t off, size_t reclen)
{
	uint64_t ino, doff;

	memcpy(&ino, d->p + off, sizeof(ino));
	memcpy(&doff, d->p + off + 8, sizeof(doff));
	field_u(f, "{d_ino=", ino);
	field_u(f, ", d_off=", doff);
	field_u(f, ", d_reclen=", dent_reclen(d, off));
	dent_tail(f, d, off, reclen);
	out__putc(f->out, '}');
}

/* -v: every entry; "..." when the capture ended before the buffer did. */
static void dents_array(struct sr_fmt *f, const struct sr_dents *d)
{
	size_t off = 0, next, reclen;
	bool last = false;

	out__putc(f->out, '[');
	while (!last && d->len - off >= d->head) {
		if (off + d->head > d->have) {
			out__puts(f->out, "...");
			break;
		}
		next = dent_next(d, off, &reclen, &last);
		if (off + reclen > d->have) {
			out__puts(f->out, "...");
			break;
		}
		dent_print(f, d, off, reclen);
		off = next;
		if (!last)
			out__puts(f->out, ", ");
	}
	out__putc(f->out, ']');
}

static void dirents_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	const struct sr_blob *b = call__blob(c, argi, true);
	struct sr_dents d = { .is64 = !strcmp(c->ent->name, "getdents64") };

	if (!c->has_exit || c->ret < 0 || (uint64_t)c->ret > (uint32_t)c->args[argi + 1]) {
		fmt_ptr(f, c->args[argi]);
		return;
	}
	d.head = d.is64 ? SR_DIRENT64_HEAD : SR_DIRENT_HEAD;
	d.len = (size_t)c->ret;
	if (b && !(b->flags & (SR_BF_FAULT | SR_BF_NULL))) {
		d.p = blob_data(b);
		d.have = b->len < d.len ? b->len : d.len;
	}
	if (!fmt_verbose(f)) {
		fmt_ptr(f, c->args[argi]);
		dents_count(f, &d, b);
		return;
	}
	if (!d.p && d.len) {
		fmt_ptr(f, c->args[argi]);
		return;
	}
	dents_array(f, &d);
}

const struct sr_decoder sr_dec_dirents = {
	.name = "dirents",
	.at_exit = true,
	.plan = dirents_plan,
	.print = dirents_print,
};

static void mknod_mode_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	mode_sym(f, (uint16_t)c->args[argi]);
}

const struct sr_decoder sr_dec_mknod_mode = {
	.name = "mknod_mode",
	.at_exit = false,
	.print = mknod_mode_print,
};

/* The device number follows the mode, and only devices have one. */
static bool mknod_dev_present(const struct sr_call *c, int argi)
{
	uint32_t type = argi > 0 ? (uint16_t)c->args[argi - 1] & SR_S_IFMT : 0;

	return type == SR_S_IFCHR || type == SR_S_IFBLK;
}

static void mknod_dev_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	fmt_dev(f, (uint32_t)c->args[argi]);
}

const struct sr_decoder sr_dec_mknod_dev = {
	.name = "mknod_dev",
	.at_exit = false,
	.present = mknod_dev_present,
	.print = mknod_dev_print,
};

/*
 * Extended attributes, as strace's print_xattr_val() and print_xattr_list()
 * show them. A value: at most -s bytes, without the NUL that often ends it
 * (strace's QUOTE_OMIT_TRAILING_0); the address when longer than the kernel
 * accepts. The buffers are captured as the row's BUF_IN/BUF_OUT would be.
 */
static void xattr_buf_plan(const struct sr_opts *o, bool in, struct sr_plan_arg *pa)
{
	long cap = o->strsize > 0 ? o->strsize : 1;

	pa->when = in ? SR_CAP_ENTER | SR_CAP_RETRY : SR_CAP_EXIT;
	pa->how = SR_HOW_BUF;
	pa->len_src = in ? SR_LEN_ARG : SR_LEN_RET;
	pa->len_arg = 3; /* size, for setxattr's value */
	pa->elem = 1;
	pa->cap = cap > SR_BLOB_MAX ? SR_BLOB_MAX : cap;
}

static void xattr_value(struct sr_fmt *f, const struct sr_blob *b, uint64_t addr, uint64_t size)
{
	size_t max = fmt_strsize(f), n;
	const uint8_t *p;

	if (!addr || size > XATTR_SIZE_MAX || !blob_ok(b)) {
		fmt_ptr(f, addr);
		return;
	}
	p = blob_data(b);
	n = b->len < max ? b->len : max;
	/* A NUL in the last place shown ends the string: strace adds no "..." then. */
	if (n && !p[n - 1]) {
		out__quoted(f->out, p, n - 1, max, 0);
		return;
	}
	out__quoted(f->out, p, b->len, max, (b->flags & SR_BF_TRUNC) ? SR_Q_ELLIPSIS : 0);
}

static void xattr_value_in_plan(const struct sr_sysent *ent, int argi, const struct sr_opts *o,
				struct sr_plan_arg *pa)
{
	xattr_buf_plan(o, true, pa);
}

/* setxattr: the value, its size in the next argument. */
static void xattr_value_in_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	xattr_value(f, call__blob(c, argi, false), c->args[argi], c->args[argi + 1]);
}

const struct sr_decoder sr_dec_xattr_value_in = {
	.name = "xattr_value_in",
	.at_exit = false,
	.plan = xattr_value_in_plan,
	.print = xattr_value_in_print,
};

static void xattr_value_out_plan(const struct sr_sysent *ent, int argi, const struct sr_opts *o,
				 struct sr_plan_arg *pa)
{
	xattr_buf_plan(o, false, pa);
}

/* getxattr: the value the kernel wrote, as long as the return value says. */
static void xattr_value_out_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	if (!c->has_exit || c->ret < 0) {
		fmt_ptr(f, c->args[argi]);
		return;
	}
	xattr_value(f, c->out[argi], c->args[argi], (uint64_t)c->ret);
}

const struct sr_decoder sr_dec_xattr_value_out = {
	.name = "xattr_value_out",
	.at_exit = true,
	.plan = xattr_value_out_plan,
	.print = xattr_value_out_print,
};

/* listxattr: NUL-separated names; the address for a size query (size 0). */
static void xattr_list_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	if (!c->has_exit || c->ret < 0 || !c->args[argi + 1]) {
		fmt_ptr(f, c->args[argi]);
		return;
	}
	fmt_blob_str(f, c->out[argi], c->args[argi], fmt_strsize(f), 0);
}

const struct sr_decoder sr_dec_xattr_list = {
	.name = "xattr_list",
	.at_exit = true,
	.plan = xattr_value_out_plan,
	.print = xattr_list_print,
};
