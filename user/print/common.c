// SPDX-License-Identifier: GPL-2.0
/* Printers shared by the table-driven formatter and the custom decoders. */
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "decode/decode.h"
#include "table/syscalls.h"
#include "fd/fdtab.h"
#include "cli/opts.h"

void fmt_ptr(struct sr_fmt *f, uint64_t v)
{
	pr_addr(f, v);
}

/* @fd with its -y annotation, as fdtab__describe() tells it (read only). */
static void print_fd(struct sr_fmt *f, const struct sr_call *c, int fd, enum sr_fd_when when)
{
	/* an io_uring request's registered file: an index, which no fd table knows */
	bool fixed = c && when == SR_FDW_ARG && call__fd_fixed(c, fd);
	/* not zeroed: 17 KiB per fd printed was a fifth of formatting tar's calls */
	char buf[SR_FD_ANNOT_MAX];
	size_t n = 0;

	buf[0] = 0;

	if (f->fds && c && !fixed)
		n = fdtab__describe(f->fds, c, fd, when, buf, sizeof(buf));
	else if (f->fds && fixed)
		n = fdtab__describe_fixed(f->fds, c, fd, buf, sizeof(buf));
	f->pr->ops->fd(f->pr, fd, buf, n);
	/* a slot the tables do not know */
	if (fixed && !n)
		pr_comment(f, "fixed file");
}

void fmt_fd(struct sr_fmt *f, const struct sr_call *c, int fd)
{
	/* Only a directory fd argument names AT_FDCWD: fsmount(-100, ...). */
	if (fd == AT_FDCWD) {
		pr_d(f, fd);
		return;
	}
	print_fd(f, c, fd, SR_FDW_ARG);
}

void fmt_fd_new(struct sr_fmt *f, const struct sr_call *c, int fd)
{
	print_fd(f, c, fd, SR_FDW_NEW);
}

void fmt_fd_target(struct sr_fmt *f, const struct sr_call *c, int pidfd, int fd)
{
	char buf[SR_FD_ANNOT_MAX];
	size_t n = 0;

	buf[0] = 0;
	if (f->fds && c)
		n = fdtab__describe_target(f->fds, c, pidfd, fd, buf, sizeof(buf));
	f->pr->ops->fd(f->pr, fd, buf, n);
}

void fmt_dirfd(struct sr_fmt *f, const struct sr_call *c, int fd)
{
	/* strace -y shows the cwd after AT_FDCWD */
	print_fd(f, c, fd, fd == AT_FDCWD ? SR_FDW_CWD : SR_FDW_ARG);
}

void fmt_dirfd_or(struct sr_fmt *f, const struct sr_call *c, const struct sr_xlat *special, int fd)
{
	const char *n = special ? xlat__name(special, (uint64_t)(int64_t)fd) : NULL;

	if (n)
		pr_sym_fmt(f, n, (uint64_t)(int64_t)fd, SR_NUM_D);
	else
		fmt_dirfd(f, c, fd);
}

/* strace's "%#03o": 0644, 022, 000. */
void fmt_mode(struct sr_fmt *f, uint64_t mode)
{
	pr_num(f, SR_NUM_O, mode);
}

/*
 * As strace's printpid(): @shown, then the comm of a task or process, of
 * @pid (@shown or -@shown) translated to our namespace: @ours if known (> 0).
 */
static void pid_show(struct sr_fmt *f, int32_t pid, int32_t shown, int kind, int32_t ours)
{
	uint32_t tid = f->call ? f->call->tid : f->tid;
	bool named = kind == SR_PK_TGID || kind == SR_PK_TID;
	const char *comm;
	char name[SR_COMM_LEN + 1], note[48];

	if (ours <= 0)
		ours = pid > 0 && f->pidns_of ? f->pidns_of(f->pidns_ctx, tid, pid, kind, f->when) :
						pid;
	comm = ours > 0 && named && f->comm_of ? f->comm_of(f->comm_ctx, (uint32_t)ours, f->when) :
						 NULL;
	if (comm) {
		/* a comm need not be NUL-terminated within its SR_COMM_LEN bytes */
		memcpy(name, comm, strnlen(comm, SR_COMM_LEN));
		name[strnlen(comm, SR_COMM_LEN)] = 0;
	}
	f->pr->ops->pid(f->pr, shown, comm ? name : NULL);
	if (f->pidns_note && ours > 0 && ours != pid) {
		snprintf(note, sizeof(note), "%d in strace's PID NS", (int)ours);
		pr_comment(f, note);
	}
}

void fmt_pid_as(struct sr_fmt *f, int32_t pid, int kind)
{
	pid_show(f, pid, pid, kind, 0);
}

void fmt_pid(struct sr_fmt *f, int32_t pid)
{
	pid_show(f, pid, pid, SR_PK_TGID, 0);
}

void fmt_pid_own(struct sr_fmt *f, int32_t pid, int kind, uint32_t ours)
{
	/* without translation, as any pid (the comm of that number) */
	pid_show(f, pid, pid, kind, pid > 0 && f->pidns_of ? (int32_t)ours : 0);
}

void fmt_pid_or_pgrp(struct sr_fmt *f, int32_t pid)
{
	if (pid < -1 && pid != INT32_MIN)
		pid_show(f, -pid, pid, SR_PK_PGID, 0);
	else
		pid_show(f, pid, pid, SR_PK_TGID, 0);
}

bool fmt_verbose(const struct sr_fmt *f)
{
	if (!f->opts)
		return false;
	return !opts__abbrev(f->opts, f->call ? f->call->nr : -1);
}

bool fmt_xlat_raw(const struct sr_fmt *f)
{
	return f->opts && f->opts->xlat_style == SR_XLAT_RAW;
}

bool fmt_xlat_abbrev(const struct sr_fmt *f)
{
	return !f->opts || f->opts->xlat_style == SR_XLAT_ABBREV;
}

bool fmt_decodes_structs(const struct sr_fmt *f)
{
	int nr = f->call ? f->call->nr : -1;

	if (!f->opts || nr < 0 || nr >= SR_NR_MAX)
		return true;
	return !(f->opts->noverbose_sel[nr / 8] & (1u << (nr % 8)));
}

size_t fmt_strsize(const struct sr_fmt *f)
{
	return f->opts ? (size_t)f->opts->strsize : 32;
}

size_t fmt_max_elems(const struct sr_fmt *f)
{
	return fmt_verbose(f) ? SIZE_MAX : fmt_strsize(f);
}

uint64_t pr_bits_walk(struct sr_fmt *f, const struct sr_xlat *x, uint64_t v, int bitnum)
{
	uint32_t i;

	for (i = 0; i < x->n && v; i++) {
		uint64_t bits = x->ents[i].val;

		if (bitnum >= 0) {
			if (bits < (uint64_t)bitnum || bits - bitnum >= 64)
				continue;
			bits = 1ull << (bits - bitnum);
		}
		if (!bits || (v & bits) != bits)
			continue;
		pr_bit(f, bitnum >= 0 ? "1<<" : NULL, x->ents[i].name);
		v &= ~bits;
	}
	return v;
}

bool pr_flags_bare(struct sr_fmt *f, const struct sr_xlat *x, uint64_t v)
{
	uint64_t rest;
	bool any;

	if (!v) {
		const char *z = xlat__name(x, 0);

		/* nothing at all without a name for 0, and still one (empty) value */
		pr_bits_begin(f, 0);
		if (z)
			pr_bit(f, NULL, z);
		pr_bits_end(f);
		return z != NULL;
	}
	pr_bits_begin(f, v);
	rest = pr_bits_walk(f, x, v, -1);
	any = rest != v;
	if (rest)
		pr_bits_rest(f, SR_NUM_X, rest);
	pr_bits_end(f);
	return any;
}

/* clock_t ticks, with the seconds in a comment as strace adds them (150 -> "1.50 s"). */
void fmt_clock_t(struct sr_fmt *f, uint64_t v)
{
	long tck = sysconf(_SC_CLK_TCK);
	char buf[48];
	int width = 0;
	long t;

	pr_u(f, v);
	if (tck <= 0 || !v)
		return;
	for (t = tck; t >= 10 && width < 9; t /= 10)
		width++;
	snprintf(buf, sizeof(buf), "%llu.%0*llu s", (unsigned long long)(v / tck), width,
		 (unsigned long long)(v % tck));
	/* -X raw: the number alone */
	pr_xlat_default(f, buf);
}

/* fmt_flags(), or with @bitnum >= 0 fmt_flags_bitnum(). */
static void flags_print(struct sr_fmt *f, const struct sr_xlat *x, uint64_t v, int bitnum)
{
	uint64_t rest;

	if (!v) {
		const char *z = bitnum < 0 ? xlat__name(x, 0) : NULL;

		if (z)
			pr_sym(f, z, 0);
		else
			pr_u(f, 0);
		return;
	}
	pr_bits_begin(f, v);
	rest = pr_bits_walk(f, x, v, bitnum);
	if (rest)
		pr_bits_rest(f, SR_NUM_X, rest);
	pr_bits_end(f);
	if (rest == v)
		pr_xlat_default(f, x->unknown);
}

void fmt_flags(struct sr_fmt *f, const struct sr_xlat *x, uint64_t v)
{
	flags_print(f, x, v, -1);
}

void fmt_flags_bitnum(struct sr_fmt *f, const struct sr_xlat *x, uint64_t v, int base)
{
	flags_print(f, x, v, base);
}

void fmt_enum(struct sr_fmt *f, const struct sr_xlat *x, uint64_t v)
{
	const char *n = xlat__name(x, v);

	if (n) {
		pr_sym(f, n, v);
		return;
	}
	pr_x(f, v);
	pr_xlat_default(f, x->unknown);
}

void fmt_blob_str(struct sr_fmt *f, const struct sr_blob *b, uint64_t addr, size_t max,
		  unsigned int qflags)
{
	if (!addr || (b && (b->flags & SR_BF_NULL))) {
		pr_addr(f, 0);
		return;
	}
	if (!b || (b->flags & SR_BF_FAULT)) {
		pr_x(f, addr);
		return;
	}
	/* cut at the capture cap: the string went on, strace would show "..." */
	if (b->flags & SR_BF_TRUNC)
		qflags |= SR_Q_ELLIPSIS;
	pr_str(f, blob_data(b), b->len, max, qflags);
}

/* The bytes strace's printstr_ex(addr, @limit, QUOTE_0_TERMINATED) reads: -s and one more, at most @limit. */
static size_t str_upto_size(size_t strsize, size_t limit)
{
	return strsize + 1 < limit ? strsize + 1 : limit;
}

void plan_str_upto(struct sr_plan_arg *pa, int strsize, size_t limit)
{
	size_t n = str_upto_size(strsize > 0 ? (size_t)strsize : 0, limit);

	pa->when = SR_CAP_ENTER | SR_CAP_RETRY | SR_CAP_PART;
	pa->how = SR_HOW_BUF;
	pa->len_src = SR_LEN_FIXED;
	pa->elem = n > SR_BLOB_MAX ? SR_BLOB_MAX : n;
	pa->cap = pa->elem;
}

void fmt_str_upto(struct sr_fmt *f, const struct sr_blob *b, uint64_t addr, size_t limit)
{
	size_t strsize = fmt_strsize(f), want = str_upto_size(strsize, limit);
	/* a copy made for more (fsconfig's value, also a path) counts to @limit */
	size_t len = blob_ok(b) ? (b->len < limit ? b->len : limit) : 0;
	const void *nul = len ? memchr(blob_data(b), 0, len) : NULL;

	/* strace reads to the NUL or @want bytes, and shows the address when it cannot */
	if (addr && blob_ok(b) && !nul && len < want) {
		pr_x(f, addr);
		return;
	}
	if (!addr || !blob_ok(b)) {
		fmt_blob_str(f, b, addr, strsize, SR_Q_NUL_TERM);
		return;
	}
	/* no NUL in what was read: the string goes on */
	pr_str(f, blob_data(b), len, want < strsize ? want : strsize,
	       SR_Q_NUL_TERM | (nul ? 0 : SR_Q_ELLIPSIS));
}

/*
 * --absolute-paths: the directory a path argument is relative to, the dirfd
 * argument just before it (AT_FDCWD otherwise); false for a path that is
 * not a file's (symlink's target, mount's source).
 */
static bool path_base(const struct sr_call *c, int argi, int *dirfd)
{
	if (c->ent->args[argi].flags & SR_AF_NOFILE)
		return false;
	*dirfd = AT_FDCWD;
	if (argi > 0 && c->ent->args[argi - 1].type == SR_T_DIRFD)
		*dirfd = (int)c->args[argi - 1];
	return true;
}

/* Print @b's path resolved against the process's cwd or dirfd; false if it cannot. */
static bool fmt_abs_path(struct sr_fmt *f, const struct sr_call *c, int argi,
			 const struct sr_blob *b)
{
	char buf[SR_BLOB_MAX + 1];
	int dirfd, n;

	if (!f->opts || !f->opts->absolute_paths || !f->fds || !b ||
	    (b->flags & (SR_BF_FAULT | SR_BF_NULL | SR_BF_TRUNC)) || !path_base(c, argi, &dirfd))
		return false;
	n = fdtab__abs_path(f->fds, c, dirfd, blob_data(b), strnlen(blob_data(b), b->len), buf,
			    sizeof(buf));
	if (n < 0)
		return false;
	pr_str(f, buf, n, SR_BLOB_MAX, 0);
	return true;
}

void fmt_path(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	const struct sr_blob *b;

	if (argi < 0 || argi >= SR_NARGS)
		return;
	b = call__blob(c, argi, true);
	if (c->args[argi] && fmt_abs_path(f, c, argi, b))
		return;
	/* at most PATH_MAX - 1 bytes, then "...", as strace prints a path */
	fmt_blob_str(f, b, c->args[argi], SR_BLOB_MAX - 1, SR_Q_NUL_TERM);
}

bool pr_array_elem(struct sr_fmt *f, size_t i)
{
	if (i < fmt_max_elems(f))
		return true;
	pr_more(f);
	return false;
}

void fmt_int_array(struct sr_fmt *f, const void *data, size_t len, size_t n)
{
	const int32_t *v = data;
	size_t i;

	pr_array_begin(f);
	for (i = 0; i < n && (i + 1) * sizeof(*v) <= len; i++)
		pr_d(f, v[i]);
	pr_array_end(f);
}

void fmt_more_unread(struct sr_fmt *f, uint64_t addr)
{
	char buf[24];

	pr_more(f);
	snprintf(buf, sizeof(buf), "%#" PRIx64, addr);
	pr_comment(f, buf);
}

bool fmt_array_none(struct sr_fmt *f, uint64_t addr, uint64_t n)
{
	if (!addr) {
		pr_addr(f, 0);
		return true;
	}
	if (n)
		return false;
	pr_array_begin(f);
	pr_array_end(f);
	return true;
}

bool fmt_array_wraps(struct sr_fmt *f, uint64_t addr, uint64_t count, size_t elem)
{
	if (!count || (count <= UINT64_MAX / elem && addr + count * elem > addr))
		return false;
	pr_addr(f, addr);
	return true;
}

bool fmt_array_unread(struct sr_fmt *f, const struct sr_blob *b, uint64_t addr, size_t have)
{
	if (!b || !(b->flags & SR_BF_PART) || have)
		return false;
	pr_addr(f, addr);
	return true;
}

/*
 * An array argument at @addr: "[e1, e2]" with at most -s elements, then
 * "..."; the elements before an unreadable page (SR_BF_PART), then
 * "... /\* address *\/", as strace's print_array() shows them.
 */
static void fmt_array(struct sr_fmt *f, const struct sr_call *c, int argi, const struct sr_kind *k,
		      const struct sr_blob *b, uint64_t count, uint64_t addr)
{
	const uint8_t *p = blob_data(b);
	size_t have = b->len / k->size, i;
	size_t max = fmt_max_elems(f);

	if (fmt_array_wraps(f, addr, count, k->size) ||
	    (count && fmt_array_unread(f, b, addr, have)))
		return;
	pr_array_begin(f);
	for (i = 0; i < count && i < have; i++) {
		if (!pr_array_elem(f, i))
			break;
		if (k->shown_max && i >= k->shown_max) {
			pr_more(f);
			break;
		}
		k->print(f, c, argi, p + i * k->size, k->size);
	}
	if (i < count && i == have && (b->flags & SR_BF_PART))
		fmt_more_unread(f, addr + i * k->size);
	else if (i < count && i == have && i < max)
		pr_more(f);
	pr_array_end(f);
}

static uint64_t array_count(const struct sr_call *c, const struct sr_argdesc *a)
{
	int idx = SR_L_IDX(a->len) % SR_NARGS;

	switch (SR_L_KIND(a->len)) {
	case SR_L_ARG(0):
		return syscalls__len_arg(c->ent, c->args, idx);
	case SR_L_RET:
		return c->ret > 0 ? (uint64_t)c->ret : 0;
	case SR_L_MIN(0): {
		uint64_t n = syscalls__len_arg(c->ent, c->args, idx);

		return c->ret >= 0 && (uint64_t)c->ret < n ? (uint64_t)c->ret : n;
	}
	default:
		return 1;
	}
}

void fmt_struct(struct sr_fmt *f, const struct sr_call *c, int argi, bool at_exit)
{
	const struct sr_argdesc *a = &c->ent->args[argi];
	const struct sr_kind *k = a->kind;
	uint64_t addr = c->args[argi];
	const struct sr_blob *b;

	if (!addr) {
		pr_addr(f, 0);
		return;
	}
	/* -e verbose= leaves this call out: the address (an empty array is "[]") */
	if (!fmt_decodes_structs(f) && (a->len == SR_L_NONE || !k->size || array_count(c, a))) {
		pr_x(f, addr);
		return;
	}
	/*
	 * Outputs of a failed call are not worth reading, nor inputs strace
	 * reads at exit: strace shows the address.
	 */
	if ((a->type == SR_T_STRUCT_OUT || (a->flags & SR_AF_LATE)) &&
	    (!c->has_exit || c->ret < 0)) {
		pr_x(f, addr);
		return;
	}
	b = call__blob(c, argi, at_exit && c->ret >= 0);
	if (!b || (b->flags & (SR_BF_FAULT | SR_BF_NULL)) || !k->print) {
		pr_x(f, addr);
		return;
	}
	if (a->len != SR_L_NONE && k->max_elems && array_count(c, a) > k->max_elems) {
		pr_x(f, addr);
		return;
	}
	if (a->len != SR_L_NONE && k->size) {
		fmt_array(f, c, argi, k, b, array_count(c, a), addr);
		return;
	}
	/* a page_part kind checks it has the bytes it reads */
	if (k->size && b->len < k->size && !k->page_part) {
		pr_x(f, addr);
		return;
	}
	k->print(f, c, argi, blob_data(b), b->len);
}

void fmt_kind(struct sr_fmt *f, const struct sr_kind *k, const struct sr_call *c, int argi,
	      const void *data, size_t len)
{
	k->print(f, c, argi, data, len);
}

void pr_bits_enum(struct sr_fmt *f, const struct sr_xlat *x, uint64_t v)
{
	const char *n = xlat__name(x, v);

	if (n) {
		pr_bit(f, NULL, n);
		return;
	}
	if (f->pr->ops->bits_num)
		f->pr->ops->bits_num(f->pr, SR_NUM_X, v);
	else
		pr_bits_rest(f, SR_NUM_X, v);
	pr_xlat_default(f, x->unknown);
}

void fmt_enum_flags(struct sr_fmt *f, const struct sr_xlat *vx, uint64_t mask,
		    const struct sr_xlat *fx, uint64_t v)
{
	uint64_t flags = v & ~mask, rest;

	if (!flags) {
		fmt_enum(f, vx, v & mask);
		return;
	}
	/* two parts, each its own number under -X raw and verbose */
	pr_bits_parts_begin(f, v);
	pr_bits_part(f, v & mask);
	pr_bits_enum(f, vx, v & mask);
	pr_bits_part(f, flags);
	rest = pr_bits_walk(f, fx, flags, -1);
	if (rest)
		pr_bits_rest(f, SR_NUM_X, rest);
	if (rest == flags)
		pr_xlat_default(f, fx->unknown);
	pr_bits_end(f);
}

/* strace reads at most a page of an extensible struct's tail. */
#define SR_TAIL_MAX 4096

void fmt_struct_tail(struct sr_fmt *f, const void *data, size_t len, size_t known, uint64_t usize)
{
	const unsigned char *p = data;
	size_t total = usize < SR_TAIL_MAX ? (size_t)usize : SR_TAIL_MAX, i, n;
	char note[48];

	if (total <= known)
		return;
	if (len < total) {
		pr_unknown(f);
		return;
	}
	for (i = known; i < total && !p[i]; i++)
		;
	if (i == total)
		return;
	snprintf(note, sizeof(note), "bytes %zu..%zu", known, total - 1);
	pr_field_note(f, "tail", note);
	n = total - known;
	pr_str(f, p + known, n, fmt_strsize(f), SR_Q_HEX);
}

void fmt_hex_u32_array(struct sr_fmt *f, const char *name, const uint32_t *v, size_t n)
{
	size_t i;

	pr_field(f, name);
	pr_array_begin(f);
	for (i = 0; i < n; i++)
		pr_x(f, v[i]);
	pr_array_end(f);
}
