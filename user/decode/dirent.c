// SPDX-License-Identifier: GPL-2.0
/* Decoders: getdents and getdents64 buffers. */
#include <dirent.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "decode/decode.h"

/*
 * getdents' struct linux_dirent (fs/readdir.c; no UAPI header has it):
 * d_name follows d_reclen, and d_type is the record's last byte.
 */
struct sr_linux_dirent {
	uint64_t d_ino;
	uint64_t d_off;
	uint16_t d_reclen;
	char d_name[];
};

/* getdents64's struct linux_dirent64 is glibc's struct dirent64 on 64-bit ABIs. */
#define SR_DIRENT_HEAD	 offsetof(struct sr_linux_dirent, d_name)
#define SR_DIRENT64_HEAD offsetof(struct dirent64, d_name)
#define SR_DNAME_MAX	 sizeof(((struct dirent64 *)0)->d_name)

_Static_assert(offsetof(struct sr_linux_dirent, d_reclen) == offsetof(struct dirent64, d_reclen),
	       "the two dirents share their header");
_Static_assert(offsetof(struct dirent64, d_type) == SR_DIRENT_HEAD, "d_type after d_reclen");

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

	memcpy(&r, d->p + off + offsetof(struct dirent64, d_reclen), sizeof(r));
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

/*
 * " /\* 5 entries *\/": counted by the kernel side over every byte returned,
 * else over what was captured ("5+" when that stopped short of the end).
 */
static void dents_count(struct sr_fmt *f, const struct sr_dents *d, const struct sr_blob *b)
{
	size_t off = 0, n = 0, reclen;
	bool last = false;
	char note[48];

	if (b && (b->flags & SR_BF_COUNT)) {
		snprintf(note, sizeof(note), "%u entries", (uint32_t)b->aux);
		pr_comment(f, note);
		return;
	}
	while (!last && d->len - off >= d->head && off + d->head <= d->have) {
		n++;
		off = dent_next(d, off, &reclen, &last);
	}
	snprintf(note, sizeof(note), "%zu%s entries", n, off < d->len ? "+" : "");
	pr_comment(f, note);
}

static void dent_name(struct sr_fmt *f, const struct sr_dents *d, size_t off, size_t n)
{
	size_t avail = d->have - off;

	pr_field(f, "d_name");
	pr_str(f, d->p + off, n < avail ? n : avail, SR_BLOB_MAX, SR_Q_NUL_TERM);
}

/* The part after d_reclen: d_type and d_name, in each struct's order. */
static void dent_tail(struct sr_fmt *f, const struct sr_dents *d, size_t off, size_t reclen)
{
	size_t name = off + d->head, rest = reclen - d->head, n;

	if (d->is64) {
		pr_field(f, "d_type");
		fmt_enum(f, &xlat_dirent_types, d->p[off + offsetof(struct dirent64, d_type)]);
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
	pr_field(f, "d_type");
	if (name + rest - 1 < d->have)
		fmt_enum(f, &xlat_dirent_types, d->p[name + rest - 1]);
	else
		pr_unknown(f);
}

static void dent_print(struct sr_fmt *f, const struct sr_dents *d, size_t off, size_t reclen)
{
	uint64_t ino, doff;

	memcpy(&ino, d->p + off + offsetof(struct dirent64, d_ino), sizeof(ino));
	memcpy(&doff, d->p + off + offsetof(struct dirent64, d_off), sizeof(doff));
	pr_struct_begin(f);
	pr_field_u(f, "d_ino", ino);
	pr_field_u(f, "d_off", doff);
	pr_field_u(f, "d_reclen", dent_reclen(d, off));
	dent_tail(f, d, off, reclen);
	pr_struct_end(f);
}

/* -v: every entry; "..." when the capture ended before the buffer did. */
static void dents_array(struct sr_fmt *f, const struct sr_dents *d)
{
	size_t off = 0, next, reclen;
	bool last = false;

	pr_array_begin(f);
	while (!last && d->len - off >= d->head) {
		if (off + d->head > d->have) {
			pr_more(f);
			break;
		}
		next = dent_next(d, off, &reclen, &last);
		if (off + reclen > d->have) {
			pr_more(f);
			break;
		}
		dent_print(f, d, off, reclen);
		off = next;
	}
	pr_array_end(f);
}

static void dirents(struct sr_fmt *f, const struct sr_call *c, int argi, bool is64)
{
	const struct sr_blob *b = call__blob(c, argi, true);
	struct sr_dents d = { .is64 = is64 };

	if (!c->has_exit || c->ret < 0 || (uint64_t)c->ret > (uint32_t)c->args[argi + 1] ||
	    !fmt_decodes_structs(f)) {
		fmt_ptr(f, c->args[argi]);
		return;
	}
	d.head = is64 ? SR_DIRENT64_HEAD : SR_DIRENT_HEAD;
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

static void dirents_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	dirents(f, c, argi, false);
}

static void dirents64_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	dirents(f, c, argi, true);
}

const struct sr_decoder sr_dec_dirents = {
	.name = "dirents",
	.at_exit = true,
	.plan = dirents_plan,
	.print = dirents_print,
};

const struct sr_decoder sr_dec_dirents64 = {
	.name = "dirents64",
	.at_exit = true,
	.plan = dirents_plan,
	.print = dirents64_print,
};
