// SPDX-License-Identifier: GPL-2.0
/*
 * Decoders: message headers. sendmsg/recvmsg's struct msghdr (name, iovec
 * buffers, the chain of control messages), sendmmsg/recvmmsg's struct
 * mmsghdr arrays and recvmmsg's timeout, as strace 6.1 prints them. The
 * bodies of control messages are cmsg.c's.
 */
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>

#include "decode/net.h"
#include "cli/opts.h"

/* struct msghdr as the kernel reads it (struct user_msghdr, 64-bit ABIs). */
struct sr_umsghdr {
	uint64_t name;
	uint32_t namelen;
	uint32_t pad;
	uint64_t iov;
	uint64_t iovlen;
	uint64_t control;
	uint64_t controllen;
	uint32_t flags;
	uint32_t pad2;
};

_Static_assert(sizeof(struct sr_umsghdr) == sizeof(struct msghdr), "msghdr layout");
_Static_assert(offsetof(struct sr_umsghdr, namelen) == offsetof(struct msghdr, msg_namelen),
	       "msghdr layout");
_Static_assert(offsetof(struct sr_umsghdr, iov) == offsetof(struct msghdr, msg_iov),
	       "msghdr layout");
_Static_assert(offsetof(struct sr_umsghdr, iovlen) == offsetof(struct msghdr, msg_iovlen),
	       "msghdr layout");
_Static_assert(offsetof(struct sr_umsghdr, control) == offsetof(struct msghdr, msg_control),
	       "msghdr layout");
_Static_assert(offsetof(struct sr_umsghdr, controllen) == offsetof(struct msghdr, msg_controllen),
	       "msghdr layout");
_Static_assert(offsetof(struct sr_umsghdr, flags) == offsetof(struct msghdr, msg_flags),
	       "msghdr layout");

/* struct iovec with 64-bit pointers. */
struct sr_iovec {
	uint64_t base;
	uint64_t len;
};

_Static_assert(sizeof(struct sr_iovec) == sizeof(struct iovec), "iovec layout");
_Static_assert(offsetof(struct sr_iovec, len) == offsetof(struct iovec, iov_len), "iovec layout");

/*
 * What the BPF side captures (bpf/capture.bpf.h): put_msghdr() copies the
 * whole msghdr; put_iov() up to SR_IOV_MAX iovecs and one blob per buffer;
 * put_msg_parts() msg_control up to 256 bytes; put_mmsg() the first 8
 * whole struct mmsghdr.
 */
#define SR_MSGHDR_SIZE 56
#define SR_MSG_IOV_MAX 64
#define SR_MMSG_SIZE   64
#define SR_MMSG_MAX    8
_Static_assert(sizeof(struct msghdr) == SR_MSGHDR_SIZE, "put_msghdr() copies a whole msghdr");
_Static_assert(sizeof(struct mmsghdr) == SR_MMSG_SIZE, "put_mmsg() copies a whole mmsghdr");
_Static_assert(offsetof(struct mmsghdr, msg_hdr) == 0, "mmsghdr layout");

/*
 * One message's parts. The BPF side captures, for the msghdr argument, a
 * fixed sequence of blobs (put_msghdr): the header, msg_name, the iovec
 * array, one blob per buffer while bytes remain, then msg_control.
 */
struct msg_parts {
	struct sr_umsghdr h;
	const struct sr_blob *name;
	const struct sr_blob *iov;
	const struct sr_blob *buf[SR_MSG_IOV_MAX];
	const struct sr_blob *control;
	const uint8_t *end; /* end of the record holding the blobs */
	uint64_t total; /* bytes the buffers hold: the return value at exit */
};

static const struct sr_blob *next_of(const struct sr_blob *b, const uint8_t *end, int argi)
{
	b = b ? blob_next(b, end) : NULL;
	return b && SR_BLOB_ARG(b) == argi ? b : NULL;
}

/* The iovec @i of a captured array (blob_ok, at least i + 1 entries). */
static struct sr_iovec iov_at(const struct sr_blob *b, uint64_t i)
{
	struct sr_iovec v;

	memcpy(&v, (const uint8_t *)blob_data(b) + i * sizeof(v), sizeof(v));
	return v;
}

/* Walk the buffer blobs as put_iov() emitted them. */
static const struct sr_blob *msg_bufs(struct msg_parts *m, const struct sr_blob *b,
				      const uint8_t *end, int argi)
{
	uint64_t left = m->total, n, i;

	if (!blob_ok(m->iov))
		return b;
	n = m->iov->len / sizeof(struct sr_iovec);
	for (i = 0; i < n && i < m->h.iovlen && i < SR_MSG_IOV_MAX && left; i++) {
		uint64_t len = iov_at(m->iov, i).len;

		b = next_of(b, end, argi);
		if (!b)
			return NULL;
		m->buf[i] = b;
		left -= len < left ? len : left;
	}
	return b;
}

/*
 * One message from its header blob @hdr on: a struct user_msghdr, or a
 * struct mmsghdr, which starts with one. The blobs that follow are found
 * by walking as the BPF side wrote them, so @total must bound the buffers
 * as it did there.
 */
static bool msg_parse(struct msg_parts *m, const struct sr_call *c, const struct sr_blob *hdr,
		      int argi, uint64_t total)
{
	const struct sr_blob *b;

	memset(m, 0, sizeof(*m));
	if (!blob_ok(hdr) || hdr->len < sizeof(m->h))
		return false;
	memcpy(&m->h, blob_data(hdr), sizeof(m->h));
	m->total = total;
	m->end = call__blob_end(c, hdr);
	m->name = next_of(hdr, m->end, argi);
	m->iov = next_of(m->name, m->end, argi);
	b = msg_bufs(m, m->iov, m->end, argi);
	m->control = next_of(b, m->end, argi);
	return true;
}

/* The blob after a message's parts: the next element of an mmsghdr array. */
static const struct sr_blob *msg_after(const struct msg_parts *m, int argi)
{
	return next_of(m->control, m->end, argi);
}

/* The most of a msg_name strace reads, and put_msghdr() captures. */
#define NAME_MAX_ ((int32_t)sizeof(struct sockaddr_storage))

/* msg_namelen as strace reads it: the caller's, when recvmsg's kernel one is longer. */
static int32_t msg_namelen(const struct msg_parts *m, int32_t ulen, bool has_ulen)
{
	int32_t len = (int32_t)m->h.namelen;

	return has_ulen && ulen < len ? ulen : len;
}

/* Whether msg_name prints as an address: too short, or cut where strace reads. */
static bool msg_name_unread(const struct msg_parts *m, int32_t len)
{
	/* a name the copy cut at a page's end is unreadable where strace reads */
	return len < (int32_t)sizeof(sa_family_t) || !blob_ok(m->name) ||
	       ((m->name->flags & SR_BF_PART) &&
		m->name->len < (uint32_t)(len < NAME_MAX_ ? len : NAME_MAX_));
}

/*
 * A netlink address names the peer: strace decodes the buffers as netlink
 * messages then (its print_struct_msghdr()).
 */
static bool msg_name_netlink(const struct msg_parts *m, int32_t ulen, bool has_ulen)
{
	int32_t len = msg_namelen(m, ulen, has_ulen);

	return !msg_name_unread(m, len) && m->name->len >= sizeof(sa_family_t) &&
	       get16(blob_data(m->name), 0) == AF_NETLINK;
}

static void msg_name(struct sr_fmt *f, const struct msg_parts *m, int32_t ulen, bool has_ulen)
{
	int32_t len = msg_namelen(m, ulen, has_ulen);

	pr_field(f, "msg_name");
	if (msg_name_unread(m, len))
		fmt_ptr(f, m->h.name);
	else
		fmt_sockaddr(f, blob_data(m->name),
			     m->name->len < (uint32_t)len ? m->name->len : (uint32_t)len,
			     m->h.name);
	pr_field(f, "msg_namelen");
	if (has_ulen && ulen != (int32_t)m->h.namelen) {
		pr_d(f, ulen);
		pr_changed(f);
	}
	pr_d(f, (int32_t)m->h.namelen);
}

/*
 * One iov_base: the bytes captured, "" past the end of the data; with
 * @netlink, the messages when all @len bytes were captured.
 */
static void msg_iov_base(struct sr_fmt *f, const struct sr_call *c, const struct sr_blob *b,
			 uint64_t base, uint64_t len, bool netlink)
{
	if (netlink && len && blob_ok(b) && b->len >= len &&
	    fmt_netlink_buf(f, c, (int32_t)c->args[0], blob_data(b), b->len, base, len))
		return;
	if (!base) {
		pr_addr(f, 0);
	} else if (!len) {
		pr_str(f, "", 0, fmt_strsize(f), 0);
	} else if (!blob_ok(b)) {
		pr_x(f, base);
	} else {
		unsigned int q = (b->flags & SR_BF_TRUNC) ? SR_Q_ELLIPSIS : 0;

		pr_str(f, blob_data(b), b->len, fmt_strsize(f), q);
	}
}

static void msg_iov(struct sr_fmt *f, const struct sr_call *c, const struct msg_parts *m,
		    bool netlink)
{
	uint64_t left = m->total, i, n;

	pr_field(f, "msg_iov");
	if (!m->h.iov) {
		pr_addr(f, 0);
		return;
	}
	if (!blob_ok(m->iov) && m->h.iovlen) {
		pr_x(f, m->h.iov);
		return;
	}
	n = m->h.iovlen ? m->iov->len / sizeof(struct sr_iovec) : 0;
	pr_array_begin(f);
	for (i = 0; i < m->h.iovlen; i++) {
		struct sr_iovec v;
		uint64_t shown;

		if (!pr_array_elem(f, i))
			break;
		if (i >= n) {
			pr_more(f);
			break;
		}
		v = iov_at(m->iov, i);
		shown = v.len < left ? v.len : left;
		left -= shown;
		pr_struct_begin(f);
		pr_field(f, "iov_base");
		msg_iov_base(f, c, i < SR_MSG_IOV_MAX ? m->buf[i] : NULL, v.base, shown, netlink);
		pr_field_u(f, "iov_len", v.len);
		pr_struct_end(f);
	}
	pr_array_end(f);
}

/* Where the chain goes on after the cmsghdr at @p, or 0 when it ends within @left bytes. */
static size_t cmsg_step(const uint8_t *p, size_t left)
{
	uint64_t clen = get64(p, offsetof(struct cmsghdr, cmsg_len));

	/* a huge cmsg_len must not wrap around to a step of 0 */
	if (clen >= left || CMSG_ALIGN(clen) >= left)
		return 0;
	return CMSG_ALIGN(clen);
}

/*
 * The most control bytes strace reads: the kernel's own limit,
 * net.core.optmem_max (strace's get_optmem_max(), its default when unreadable).
 */
static uint64_t optmem_max(void)
{
	const uint64_t dflt = sizeof(long long) * (2 * IOV_MAX + 512);
	FILE *fp = fopen("/proc/sys/net/core/optmem_max", "r");
	long v = 0;

	if (!fp)
		return dflt;
	if (fscanf(fp, "%ld", &v) != 1 || v <= 0)
		v = 0;
	fclose(fp);
	return v ? ((uint64_t)v + sizeof(long long) - 1) & ~(sizeof(long long) - 1) : dflt;
}

/*
 * @m's control bytes, *@len of them: a buffer longer than its blob
 * (SR_REC_MORE, -v) whole, up to what strace reads (optmem_max()); NULL
 * when strace's read fails (the bytes it reads run into an unreadable page).
 */
static const uint8_t *msg_control_bytes(const struct sr_call *c, const struct msg_parts *m,
					size_t *len)
{
	const uint8_t *p;
	uint64_t have, need;

	if (m->h.controllen < sizeof(struct cmsghdr) ||
	    !blob_get(m->control, sizeof(struct cmsghdr)))
		return NULL;
	p = call__blob_bytes(c, m->control, &have);
	if (have > SR_BLOB_MAX) {
		need = optmem_max(); /* read only for a control buffer past one blob */
		if (m->h.controllen < need)
			need = m->h.controllen;
		if (have < need && (m->control->flags & SR_BF_PART))
			return NULL;
		if (have > need)
			have = need;
	}
	*len = have;
	return p;
}

/* msg_control: the chain of cmsghdr, as far as it was captured. */
static void msg_control(struct sr_fmt *f, const struct sr_call *c, const struct msg_parts *m)
{
	const size_t hdr = sizeof(struct cmsghdr);
	const uint8_t *p;
	size_t left, step, have = 0;
	char note[32];

	if (!m->h.controllen)
		return;
	pr_field(f, "msg_control");
	p = msg_control_bytes(c, m, &have);
	if (!p) {
		fmt_ptr(f, m->h.control);
		return;
	}
	left = have;
	pr_array_begin(f);
	while (left >= hdr) {
		fmt_cmsghdr(f, c, p, left);
		if (get64(p, offsetof(struct cmsghdr, cmsg_len)) < hdr) {
			left -= hdr;
			break;
		}
		step = cmsg_step(p, left);
		if (!step) {
			left = 0;
			break;
		}
		p += step;
		left -= step;
	}
	if (left) {
		pr_more(f);
		snprintf(note, sizeof(note), "%#llx",
			 (unsigned long long)(m->h.control + (have - left)));
		pr_comment(f, note);
	} else if (have < m->h.controllen) {
		pr_more(f);
	}
	pr_array_end(f);
}

/* The SCM_RIGHTS fds fmt_cmsghdr() annotates in @m's control messages, to @fn. */
static void msg_control_fds(const struct msg_parts *m, sr_fd_fn fn, void *ctx)
{
	const size_t hdr = sizeof(struct cmsghdr);
	const uint8_t *p;
	size_t left, step, len, i;
	uint64_t clen;

	if (m->h.controllen < hdr || !blob_get(m->control, hdr))
		return;
	p = blob_data(m->control);
	for (left = m->control->len; left >= hdr; p += step, left -= step) {
		clen = get64(p, offsetof(struct cmsghdr, cmsg_len));
		len = clen > left ? left : clen;
		if (get32(p, offsetof(struct cmsghdr, cmsg_level)) == SOL_SOCKET &&
		    get32(p, offsetof(struct cmsghdr, cmsg_type)) == SCM_RIGHTS)
			for (i = hdr; i + sizeof(int32_t) <= len; i += sizeof(int32_t))
				fn(ctx, (int32_t)get32(p, i));
		step = clen < hdr ? 0 : cmsg_step(p, left);
		if (!step)
			break;
	}
}

static void fmt_msghdr(struct sr_fmt *f, const struct sr_call *c, const struct msg_parts *m,
		       int32_t ulen, bool has_ulen)
{
	pr_struct_begin(f);
	msg_name(f, m, ulen, has_ulen);
	msg_iov(f, c, m, msg_name_netlink(m, ulen, has_ulen));
	pr_field_u(f, "msg_iovlen", m->h.iovlen);
	msg_control(f, c, m);
	pr_field_u(f, "msg_controllen", m->h.controllen);
	pr_field(f, "msg_flags");
	fmt_flags(f, &xlat_msg_flags, m->h.flags);
	pr_struct_end(f);
}

/* A parsed message's iovec buffers, @left bytes of data at most (see msghdr__buffers()). */
static int msg_buffers(const struct msg_parts *m, uint64_t left, const struct sr_blob **buf,
		       uint64_t *len, int max)
{
	uint64_t i;
	int n = 0;

	if (!blob_ok(m->iov))
		return 0;
	for (i = 0; i < m->h.iovlen && i < SR_MSG_IOV_MAX && n < max && left; i++) {
		if ((i + 1) * sizeof(struct sr_iovec) > m->iov->len)
			break;
		len[n] = iov_at(m->iov, i).len < left ? iov_at(m->iov, i).len : left;
		buf[n++] = m->buf[i];
		left -= len[n - 1];
	}
	return n;
}

int msghdr__buffers(const struct sr_call *c, bool at_exit, const struct sr_blob **buf,
		    uint64_t *len, int max)
{
	const struct sr_blob *hdr = at_exit ? c->out[1] : c->in[1];
	uint64_t left = at_exit ? (uint64_t)c->ret : UINT64_MAX;
	struct msg_parts m;

	if (!msg_parse(&m, c, hdr, 1, left))
		return 0;
	return msg_buffers(&m, left, buf, len, max);
}

int mmsghdr__buffers(const struct sr_call *c, unsigned int msg, uint64_t *iovlen,
		     const struct sr_blob **buf, uint64_t *len, int max)
{
	const struct sr_blob *b = c->out[1];
	struct msg_parts m;
	unsigned int i;

	if (!c->has_exit || c->ret < 0 || msg >= (uint64_t)c->ret || msg >= SR_MMSG_MAX)
		return -1;
	for (i = 0;; i++) {
		if (!blob_get(b, SR_MMSG_SIZE))
			return -1;
		msg_parse(&m, c, b, 1, get32(blob_data(b), offsetof(struct mmsghdr, msg_len)));
		if (i == msg)
			break;
		b = msg_after(&m, 1);
	}
	*iovlen = m.h.iovlen;
	return msg_buffers(&m, m.total, buf, len, max);
}

/* iovec buffers are cut at -s like any string. */
static uint16_t msg_cap(const struct sr_opts *o)
{
	long cap = o->strsize;

	if (cap < 1)
		cap = 1;
	return cap > SR_BLOB_MAX ? SR_BLOB_MAX : cap;
}

static void msghdr_in_plan(const struct sr_sysent *ent, int argi, const struct sr_opts *o,
			   struct sr_plan_arg *pa)
{
	(void)ent;
	(void)argi;
	pa->when = SR_CAP_ENTER | SR_CAP_RETRY; /* as the table's own entry copies */
	pa->how = SR_HOW_MSGHDR;
	/* the socket's netlink protocol, read at entry: buffers sent to a netlink name decode */
	pa->when |= SR_CAP_NETLINK;
	pa->cap = msg_cap(o);
}

/* -v: msg_control whole (SR_REC_MORE past one blob), as strace prints every message */
static void msghdr_plan_more(const struct sr_sysent *ent, int argi, const struct sr_opts *o,
			     struct sr_plan *p)
{
	(void)argi;
	if (!opts__abbrev(o, ent->nr))
		p->msg_ctrl_cap = SR_CAP_WHOLE;
}

static void msghdr_in_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	struct msg_parts m;

	if (!fmt_decodes_structs(f) || !msg_parse(&m, c, c->in[argi], argi, UINT64_MAX)) {
		fmt_ptr(f, c->args[argi]);
		return;
	}
	fmt_msghdr(f, c, &m, 0, false);
}

static void msghdr_in_fds(const struct sr_call *c, int argi, bool at_exit, sr_fd_fn fn, void *ctx)
{
	struct msg_parts m;

	if (!at_exit && msg_parse(&m, c, c->in[argi], argi, UINT64_MAX))
		msg_control_fds(&m, fn, ctx);
}

const struct sr_decoder sr_dec_msghdr_in = {
	.name = "msghdr_in",
	.at_exit = false,
	.plan = msghdr_in_plan,
	.plan_more = msghdr_plan_more,
	.print = msghdr_in_print,
	.fds = msghdr_in_fds,
};

/*
 * recvmsg: the header is read at entry too, for the name length the caller
 * offered ("msg_namelen=128 => 16") and for what strace shows of a failed
 * call ("{msg_namelen=128}"). Not SR_CAP_RETRY: a copy retried at exit
 * would take the place of the exit copy, and what faults at entry is mostly
 * receive buffers nobody touched yet, which only the exit copy shows.
 */
static void msghdr_out_plan(const struct sr_sysent *ent, int argi, const struct sr_opts *o,
			    struct sr_plan_arg *pa)
{
	(void)ent;
	(void)argi;
	pa->when = SR_CAP_ENTER | SR_CAP_EXIT;
	pa->how = SR_HOW_MSGHDR;
	/* the socket's netlink protocol, read at entry: buffers sent to a netlink name decode */
	pa->when |= SR_CAP_NETLINK;
	pa->cap = msg_cap(o);
}

static void msghdr_out_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	const struct sr_blob *in = c->in[argi];
	struct msg_parts m;
	struct sr_umsghdr uh;

	if (!fmt_decodes_structs(f) || !blob_get(in, sizeof(uh))) {
		fmt_ptr(f, c->args[argi]);
		return;
	}
	memcpy(&uh, blob_data(in), sizeof(uh));
	if (!c->has_exit || c->ret < 0) {
		pr_struct_begin(f);
		pr_field_d(f, "msg_namelen", (int32_t)uh.namelen);
		pr_struct_end(f);
		return;
	}
	if (!msg_parse(&m, c, c->out[argi], argi, (uint64_t)c->ret)) {
		fmt_ptr(f, c->args[argi]);
		return;
	}
	fmt_msghdr(f, c, &m, (int32_t)uh.namelen, true);
}

static void msghdr_out_fds(const struct sr_call *c, int argi, bool at_exit, sr_fd_fn fn, void *ctx)
{
	struct msg_parts m;

	if (at_exit && c->has_exit && c->ret >= 0 &&
	    msg_parse(&m, c, c->out[argi], argi, (uint64_t)c->ret))
		msg_control_fds(&m, fn, ctx);
}

const struct sr_decoder sr_dec_msghdr_out = {
	.name = "msghdr_out",
	.at_exit = true,
	.plan = msghdr_out_plan,
	.plan_more = msghdr_plan_more,
	.print = msghdr_out_print,
	.fds = msghdr_out_fds,
};

/*
 * sendmmsg/recvmmsg: struct mmsghdr[], a msghdr and the msg_len the kernel
 * writes back. Only the exit shows what each message carried, so it is
 * read then (put_mmsg): for the first min(ret, SR_MMSG_MAX) elements, the
 * element and its parts as put_msghdr() lays them out, buffers bounded by
 * the element's msg_len.
 */
static void mmsghdr_plan(const struct sr_sysent *ent, int argi, const struct sr_opts *o,
			 struct sr_plan_arg *pa)
{
	(void)ent;
	(void)argi;
	pa->when = SR_CAP_EXIT;
	pa->how = SR_HOW_MMSG;
	pa->cap = msg_cap(o);
}

/* "{msg_hdr={...}, msg_len=N}" from a captured element; returns the next element's blob. */
static const struct sr_blob *mmsg_one(struct sr_fmt *f, const struct sr_call *c,
				      const struct sr_blob *b, int argi)
{
	struct msg_parts m;
	uint32_t len = get32(blob_data(b), offsetof(struct mmsghdr, msg_len));

	msg_parse(&m, c, b, argi, len);
	pr_struct_begin(f);
	pr_field(f, "msg_hdr");
	fmt_msghdr(f, c, &m, 0, false);
	pr_field_u(f, "msg_len", len);
	pr_struct_end(f);
	return msg_after(&m, argi);
}

/*
 * The first @n elements as strace's print_array() shows them, cut at -s
 * elements unless -v. Past what was captured (more than SR_MMSG_MAX, a
 * full record, sendmmsg's unsent messages) only "..." can be said. A failed
 * call shows the address: strace prints a failed sendmmsg's messages,
 * which nothing read at exit.
 */
static void fmt_mmsghdrs(struct sr_fmt *f, const struct sr_call *c, int argi, uint64_t n)
{
	const struct sr_blob *b = c->out[argi];
	char note[32];
	uint64_t i;

	/* -e verbose=: strace reads no struct of the call */
	if (!c->args[argi] || !c->has_exit || c->ret < 0 || (n && !blob_get(b, SR_MMSG_SIZE)) ||
	    !fmt_decodes_structs(f)) {
		fmt_ptr(f, c->args[argi]);
		return;
	}
	pr_array_begin(f);
	for (i = 0; i < n; i++) {
		if (i >= fmt_max_elems(f) || i >= SR_MMSG_MAX || !blob_get(b, SR_MMSG_SIZE)) {
			pr_more(f);
			if (b && (b->flags & SR_BF_FAULT)) {
				snprintf(note, sizeof(note), "%#llx",
					 (unsigned long long)(c->args[argi] + i * SR_MMSG_SIZE));
				pr_comment(f, note);
			}
			break;
		}
		b = mmsg_one(f, c, b, argi);
	}
	pr_array_end(f);
}

/* The SCM_RIGHTS fds of the first @n captured elements, as fmt_mmsghdrs() shows them. */
static void mmsg_fds(const struct sr_call *c, int argi, uint64_t n, sr_fd_fn fn, void *ctx)
{
	const struct sr_blob *b = c->out[argi];
	struct msg_parts m;
	uint64_t i;

	if (!c->args[argi] || !c->has_exit || c->ret < 0)
		return;
	for (i = 0; i < n && i < SR_MMSG_MAX && blob_get(b, SR_MMSG_SIZE); i++) {
		msg_parse(&m, c, b, argi, get32(blob_data(b), offsetof(struct mmsghdr, msg_len)));
		msg_control_fds(&m, fn, ctx);
		b = msg_after(&m, argi);
	}
}

static void mmsghdr_in_fds(const struct sr_call *c, int argi, bool at_exit, sr_fd_fn fn, void *ctx)
{
	if (at_exit)
		mmsg_fds(c, argi, (uint32_t)c->args[2], fn, ctx);
}

static void mmsghdr_out_fds(const struct sr_call *c, int argi, bool at_exit, sr_fd_fn fn, void *ctx)
{
	if (at_exit)
		mmsg_fds(c, argi, (uint64_t)c->ret, fn, ctx);
}

/* sendmmsg: strace reads all vlen (argument 2) messages again at exit; only ret have a msg_len. */
static void mmsghdr_in_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	fmt_mmsghdrs(f, c, argi, (uint32_t)c->args[2]);
}

const struct sr_decoder sr_dec_mmsghdr_in = {
	.name = "mmsghdr_in",
	.at_exit = true,
	.plan = mmsghdr_plan,
	.print = mmsghdr_in_print,
	.fds = mmsghdr_in_fds,
};

/* recvmmsg: the ret messages the kernel filled. */
static void mmsghdr_out_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	fmt_mmsghdrs(f, c, argi, (uint64_t)c->ret);
}

const struct sr_decoder sr_dec_mmsghdr_out = {
	.name = "mmsghdr_out",
	.at_exit = true,
	.plan = mmsghdr_plan,
	.print = mmsghdr_out_print,
	.fds = mmsghdr_out_fds,
};

/*
 * recvmmsg: strace shows the timeout as it was at entry, after the
 * messages, and what is left of it after the return value.
 */
static void recvmmsg_enter(struct sr_fmt *f, const struct sr_call *c)
{
	fmt_arg(f, c, 0);
	fmt_fd(f, c, (int)c->args[0]);
}

static void recvmmsg_exit(struct sr_fmt *f, const struct sr_call *c)
{
	fmt_arg(f, c, 1);
	mmsghdr_out_print(f, c, 1);
	fmt_arg(f, c, 2);
	pr_u(f, (uint32_t)c->args[2]);
	fmt_arg(f, c, 3);
	fmt_flags(f, &xlat_msg_flags, (uint32_t)c->args[3]);
	fmt_arg(f, c, 4);
	fmt_struct(f, c, 4, false);
}

static void recvmmsg_ret_suffix(struct sr_fmt *f, const struct sr_call *c)
{
	if (c->ret == 0) {
		pr_note_begin(f);
		pr_artifact(f, "Timeout");
		pr_note_end(f);
		return;
	}
	if (c->ret < 0 || !c->args[4] || !fmt_decodes_structs(f))
		return;
	pr_note_begin(f);
	pr_field(f, "left");
	fmt_struct(f, c, 4, true);
	pr_note_end(f);
}

const struct sr_scdec sr_scdec_recvmmsg = {
	.name = "recvmmsg",
	.enter = recvmmsg_enter,
	.exit = recvmmsg_exit,
	.ret_suffix = recvmmsg_ret_suffix,
};
