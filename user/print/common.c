// SPDX-License-Identifier: GPL-2.0
/* Printers shared by the table-driven formatter and the custom decoders. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "decode/decode.h"
#include "fd/fdtab.h"
#include "cli/opts.h"

/* Indexed by errno value; a hole (name NULL) is a value with no name. */
struct sr_errname {
	const char *name;
	const char *text; /* NULL: strerror() */
};

#include "errno_names.h"

bool blob_valid(const struct sr_blob *b, const uint8_t *end)
{
	const uint8_t *p = (const uint8_t *)b;

	if (!b || p + sizeof(*b) > end)
		return false;
	return p + sizeof(*b) + b->len <= end;
}

const struct sr_blob *blob_next(const struct sr_blob *b, const uint8_t *end)
{
	const uint8_t *p = (const uint8_t *)b + sizeof(*b) + SR_ALIGN8(b->len);
	const struct sr_blob *n = (const struct sr_blob *)p;

	return blob_valid(n, end) ? n : NULL;
}

const struct sr_blob *call__blob(const struct sr_call *c, int i, bool at_exit)
{
	if (i < 0 || i >= SR_NARGS)
		return NULL;
	if (at_exit && c->has_exit && c->out[i])
		return c->out[i];
	return c->in[i];
}

const uint8_t *call__blob_end(const struct sr_call *c, const struct sr_blob *b)
{
	const uint8_t *p = (const uint8_t *)b;

	/* The two records are separate buffers: find the one holding @b. */
	if (c->out_start && p >= c->out_start && p < c->out_end)
		return c->out_end;
	return c->in_end;
}

void fmt_ptr(struct sr_fmt *f, uint64_t v)
{
	if (v)
		out__hex(f->out, v);
	else
		out__puts(f->out, "NULL");
}

void fmt_fd(struct sr_fmt *f, const struct sr_call *c, int fd)
{
	out__dec(f->out, fd);
	if (f->fds && c)
		fdtab__annotate(f->fds, f->out, c, fd);
}

void fmt_fd_new(struct sr_fmt *f, const struct sr_call *c, int fd)
{
	out__dec(f->out, fd);
	if (f->fds && c)
		fdtab__annotate_new(f->fds, f->out, c, fd);
}

void fmt_dirfd(struct sr_fmt *f, const struct sr_call *c, int fd)
{
	if (fd != AT_FDCWD) {
		fmt_fd(f, c, fd);
		return;
	}
	out__puts(f->out, "AT_FDCWD");
	/* strace -y shows the cwd there */
	if (f->fds && c)
		fdtab__annotate_cwd(f->fds, f->out, c);
}

/* strace's "%#03o": 0644, 022, 000. */
void fmt_mode(struct sr_fmt *f, uint64_t mode)
{
	out__oct_alt(f->out, mode, 3);
}

void fmt_pid(struct sr_fmt *f, int32_t pid)
{
	const char *comm = pid > 0 && f->comm_of ? f->comm_of(f->comm_ctx, pid) : NULL;

	out__dec(f->out, pid);
	if (!comm)
		return;
	out__putc(f->out, '<');
	out__escaped(f->out, comm, strnlen(comm, SR_COMM_LEN));
	out__putc(f->out, '>');
}

bool fmt_verbose(const struct sr_fmt *f)
{
	return f->opts && f->opts->verbose;
}

size_t fmt_strsize(const struct sr_fmt *f)
{
	return f->opts ? (size_t)f->opts->strsize : 32;
}

size_t fmt_max_elems(const struct sr_fmt *f)
{
	return fmt_verbose(f) ? SIZE_MAX : fmt_strsize(f);
}

void field_u(struct sr_fmt *f, const char *name, uint64_t v)
{
	out__puts(f->out, name);
	out__udec(f->out, v);
}

void field_d(struct sr_fmt *f, const char *name, int64_t v)
{
	out__puts(f->out, name);
	out__dec(f->out, v);
}

void field_id(struct sr_fmt *f, const char *name, uint32_t v)
{
	out__puts(f->out, name);
	if (v == (uint32_t)-1)
		out__puts(f->out, "-1");
	else
		out__udec(f->out, v);
}

/*
 * The one walk over a flag table: the names of the bits of @v that @x
 * names, in table order, joined by '|' (with one before the first too when
 * *@any is already set). With @bitnum >= 0 the table's values are bit
 * numbers counted from @bitnum, shown as "1<<NAME" (capabilities).
 * Return: the bits of @v no name covers; *@any is set once a name printed.
 */
static uint64_t flags_walk(struct sr_fmt *f, const struct sr_xlat *x, uint64_t v, int bitnum,
			   bool *any)
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
		if (*any)
			out__putc(f->out, '|');
		if (bitnum >= 0)
			out__puts(f->out, "1<<");
		out__puts(f->out, x->ents[i].name);
		v &= ~bits;
		*any = true;
	}
	return v;
}

void fmt_flags_tail(struct sr_fmt *f, const struct sr_xlat *x, uint64_t v)
{
	bool any = true;

	v = flags_walk(f, x, v, -1, &any);
	if (v) {
		out__putc(f->out, '|');
		out__hex(f->out, v);
	}
}

bool fmt_flags_bare(struct sr_fmt *f, const struct sr_xlat *x, uint64_t v)
{
	bool any = false;

	if (!v) {
		const char *z = xlat__name(x, 0);

		if (z)
			out__puts(f->out, z);
		return z != NULL;
	}
	v = flags_walk(f, x, v, -1, &any);
	if (v) {
		if (any)
			out__putc(f->out, '|');
		out__hex(f->out, v);
	}
	return any;
}

/* clock_t ticks, with the seconds in a comment as strace adds them (150 -> "1.50 s"). */
void fmt_clock_t(struct sr_fmt *f, uint64_t v)
{
	long tck = sysconf(_SC_CLK_TCK);
	uint64_t frac;
	int width = 0;
	long t;

	out__udec(f->out, v);
	if (tck <= 0 || !v)
		return;
	for (t = tck; t >= 10 && width < 9; t /= 10)
		width++;
	out__puts(f->out, " /* ");
	out__udec(f->out, v / tck);
	out__putc(f->out, '.');
	frac = v % tck;
	for (t = tck / 10; width-- > 0; t /= 10)
		out__putc(f->out, (char)('0' + (t ? frac / t % 10 : 0)));
	out__puts(f->out, " s */");
}

const char *xlat__name(const struct sr_xlat *x, uint64_t v)
{
	uint32_t i;

	for (i = 0; i < x->n; i++)
		if (x->ents[i].val == v)
			return x->ents[i].name;
	return NULL;
}

static void comment_unknown(struct sr_fmt *f, const struct sr_xlat *x)
{
	out__puts(f->out, " /* ");
	out__puts(f->out, x->unknown);
	out__puts(f->out, " */");
}

/* fmt_flags(), or with @bitnum >= 0 fmt_flags_bitnum(). */
static void flags_print(struct sr_fmt *f, const struct sr_xlat *x, uint64_t v, int bitnum)
{
	bool any = false;

	if (!v) {
		const char *z = bitnum < 0 ? xlat__name(x, 0) : NULL;

		out__puts(f->out, z ? z : "0");
		return;
	}
	v = flags_walk(f, x, v, bitnum, &any);
	if (!v)
		return;
	if (any)
		out__putc(f->out, '|');
	out__hex(f->out, v);
	if (!any)
		comment_unknown(f, x);
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
		out__puts(f->out, n);
		return;
	}
	out__hex(f->out, v);
	comment_unknown(f, x);
}

void fmt_blob_str(struct sr_fmt *f, const struct sr_blob *b, uint64_t addr, size_t max,
		  unsigned int qflags)
{
	if (!addr || (b && (b->flags & SR_BF_NULL))) {
		out__puts(f->out, "NULL");
		return;
	}
	if (!b || (b->flags & SR_BF_FAULT)) {
		out__hex(f->out, addr);
		return;
	}
	/* cut at the capture cap: the string went on, strace would show "..." */
	if (b->flags & SR_BF_TRUNC)
		qflags |= SR_Q_ELLIPSIS;
	out__quoted(f->out, blob_data(b), b->len, max, qflags);
}

/*
 * --absolute-paths: the directory a path argument is relative to, the dirfd
 * argument just before it (AT_FDCWD otherwise); false for a path that is
 * not a file's (symlink's target, mount's source).
 */
static bool path_base(const struct sr_call *c, int argi, int *dirfd)
{
	const char *n = c->ent->name;

	if (argi == 0 && (!strcmp(n, "symlink") || !strcmp(n, "symlinkat") || !strcmp(n, "mount")))
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
	out__quoted(f->out, buf, n, SR_BLOB_MAX, 0);
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
	fmt_blob_str(f, b, c->args[argi], SR_BLOB_MAX, SR_Q_NUL_TERM);
}

bool fmt_array_next(struct sr_fmt *f, size_t i)
{
	if (i)
		out__puts(f->out, ", ");
	if (i < fmt_max_elems(f))
		return true;
	out__puts(f->out, "...");
	return false;
}

void fmt_int_array(struct sr_fmt *f, const void *data, size_t len, size_t n)
{
	const int32_t *v = data;
	size_t i;

	out__putc(f->out, '[');
	for (i = 0; i < n && (i + 1) * sizeof(*v) <= len; i++) {
		if (i)
			out__puts(f->out, ", ");
		out__dec(f->out, v[i]);
	}
	out__putc(f->out, ']');
}

/* An array argument: "[e1, e2]" with at most -s elements, then "...". */
static void fmt_array(struct sr_fmt *f, const struct sr_call *c, int argi, const struct sr_kind *k,
		      const struct sr_blob *b, uint64_t count)
{
	const uint8_t *p = blob_data(b);
	size_t have = b->len / k->size, i;
	size_t max = fmt_max_elems(f);

	out__putc(f->out, '[');
	for (i = 0; i < count && i < have; i++) {
		if (!fmt_array_next(f, i))
			break;
		k->print(f, c, argi, p + i * k->size, k->size);
	}
	if (i < count && i == have && i < max) {
		if (i)
			out__puts(f->out, ", ");
		out__puts(f->out, "...");
	}
	out__putc(f->out, ']');
}

static uint64_t array_count(const struct sr_call *c, const struct sr_argdesc *a)
{
	int idx = SR_L_IDX(a->len) % SR_NARGS;

	switch (SR_L_KIND(a->len)) {
	case SR_L_ARG(0):
		return c->args[idx];
	case SR_L_RET:
		return c->ret > 0 ? (uint64_t)c->ret : 0;
	case SR_L_MIN(0):
		return c->ret >= 0 && (uint64_t)c->ret < c->args[idx] ? (uint64_t)c->ret :
									c->args[idx];
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
		out__puts(f->out, "NULL");
		return;
	}
	/* Outputs of a failed call are not worth reading: strace shows the address. */
	if (a->type == SR_T_STRUCT_OUT && (!c->has_exit || c->ret < 0)) {
		out__hex(f->out, addr);
		return;
	}
	b = call__blob(c, argi, at_exit && c->ret >= 0);
	if (!b || (b->flags & (SR_BF_FAULT | SR_BF_NULL)) || !k->print) {
		out__hex(f->out, addr);
		return;
	}
	if (a->len != SR_L_NONE && k->size) {
		fmt_array(f, c, argi, k, b, array_count(c, a));
		return;
	}
	if (k->size && b->len < k->size) {
		out__hex(f->out, addr);
		return;
	}
	k->print(f, c, argi, blob_data(b), b->len);
}

static const struct sr_errname *errname(int err)
{
	if (err <= 0 || (size_t)err >= sizeof(sr_errnames) / sizeof(sr_errnames[0]) ||
	    !sr_errnames[err].name)
		return NULL;
	return &sr_errnames[err];
}

const char *errno__name(int err)
{
	const struct sr_errname *e = errname(err);

	return e ? e->name : NULL;
}

const char *errno__text(int err)
{
	const struct sr_errname *e = errname(err);

	return e && e->text ? e->text : strerror(err);
}
