// SPDX-License-Identifier: GPL-2.0
/*
 * Decoders: TEE (Trusted Execution Environment) ioctls (linux/tee.h), as
 * strace 6.1 prints them. The session requests pass a struct
 * tee_ioctl_buf_data whose buf_ptr holds the request's struct followed by
 * its parameters: the BPF side copies it (an ioctl reference, buf_len bytes
 * up to TEE_MAX_ARG_SIZE), printed inside the header as buf_ptr={...}, and
 * after success what the kernel wrote back, after " => ".
 */
#include <stdio.h>
#include <string.h>
#include <linux/ioctl.h>
#include <linux/tee.h>

#include "decode/ioctl.h"

/*
 * TEE_IOC_SHM_REGISTER_FD: a request of the Linaro kernels that was never
 * merged, which strace decodes without naming it: its struct as they
 * define it.
 */
struct tee_ioctl_shm_register_fd_data {
	__s64 fd;
	__u64 size;
	__u32 flags;
	__u8 _pad1[4];
	__s32 id;
	__u8 _pad2[4];
} __attribute__((aligned(8)));

#define TEE_IOC_SHM_REGISTER_FD \
	_IOWR(TEE_IOC_MAGIC, TEE_IOC_BASE + 8, struct tee_ioctl_shm_register_fd_data)

/* What a session request's buffer holds: its struct, then num_params parameters. */
struct tee_buf_kind {
	size_t size; /* sizeof the request's struct */
	size_t num_params; /* offsetof its num_params */
	/* the fields before the parameters, from the entry or the exit copy */
	void (*print)(struct sr_fmt *f, const uint8_t *p, bool at_exit);
};

/* The parameter's attribute: the type, then "|TEE_IOCTL_PARAM_ATTR_META" if set. */
static void print_param_attr(struct sr_fmt *f, uint64_t attr)
{
	if (!(attr & TEE_IOCTL_PARAM_ATTR_META)) {
		fmt_enum(f, &xlat_tee_ioctl_param_attr_types, attr);
		return;
	}
	pr_bits_begin(f, attr);
	pr_bits_enum(f, &xlat_tee_ioctl_param_attr_types, attr & ~TEE_IOCTL_PARAM_ATTR_META);
	pr_bit(f, NULL, "TEE_IOCTL_PARAM_ATTR_META");
	pr_bits_end(f);
}

static void print_param(struct sr_fmt *f, const struct tee_ioctl_param *prm)
{
	pr_struct_begin(f);
	pr_field(f, "attr");
	print_param_attr(f, prm->attr);
	switch (prm->attr) {
	case TEE_IOCTL_PARAM_ATTR_TYPE_NONE:
		break;
	case TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_INPUT:
	case TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_OUTPUT:
	case TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_INOUT:
		pr_field_x(f, "shm_offs", prm->a);
		pr_field_x(f, "size", prm->b);
		pr_field_u(f, "shm_id", prm->c);
		break;
	default:
		pr_field_x(f, "a", prm->a);
		pr_field_x(f, "b", prm->b);
		pr_field_x(f, "c", prm->c);
		break;
	}
	pr_struct_end(f);
}

/* params=[...]: @n of them after the request's struct in @buf (@len bytes at @addr). */
static void print_params(struct sr_fmt *f, const uint8_t *buf, size_t len, uint64_t addr,
			 size_t start, uint32_t n)
{
	const size_t one = sizeof(struct tee_ioctl_param);
	struct tee_ioctl_param prm;
	uint32_t i;

	pr_field(f, "params");
	if (!n) {
		pr_array_begin(f);
		pr_array_end(f);
		return;
	}
	if (start + one > len) {
		pr_addr(f, addr + start);
		return;
	}
	pr_array_begin(f);
	for (i = 0; i < n; i++) {
		if (start + (size_t)(i + 1) * one > len) {
			char at[32];

			/* the copy ends here: strace's "... /\* address *\/" */
			snprintf(at, sizeof(at), "%#llx",
				 (unsigned long long)(addr + start + (size_t)i * one));
			pr_more(f);
			pr_comment(f, at);
			break;
		}
		memcpy(&prm, buf + start + (size_t)i * one, one);
		print_param(f, &prm);
	}
	pr_array_end(f);
}

/* The header alone: {buf_len=..., buf_ptr=0x...}. */
static void print_buf_hdr(struct sr_fmt *f, const struct tee_ioctl_buf_data *b)
{
	pr_struct_begin(f);
	pr_field_u(f, "buf_len", b->buf_len);
	pr_field(f, "buf_ptr");
	fmt_ptr(f, b->buf_ptr);
	pr_struct_end(f);
}

/*
 * buf_ptr's contents from the reference's copy at entry or exit, or NULL
 * when strace shows the header alone: a length it would not read, memory it
 * could not read, or (at entry) a parameter count the length contradicts.
 */
static const uint8_t *tee_buf(const struct sr_call *c, const struct tee_ioctl_buf_data *b,
			      const struct tee_buf_kind *k, bool at_exit, size_t *len)
{
	const uint8_t *p;
	uint32_t n;

	if (b->buf_len > TEE_MAX_ARG_SIZE || b->buf_len < k->size)
		return NULL;
	p = ioc_ref_copy(c, 0, at_exit, len);
	if (!p || *len < k->size)
		return NULL;
	n = get32(p, k->num_params);
	if (!at_exit && k->size + (uint64_t)n * sizeof(struct tee_ioctl_param) != b->buf_len)
		return NULL;
	return p;
}

/* A session request: the header and its buffer; " => " and the buffer again after success. */
static void print_session(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
			  const struct tee_buf_kind *k)
{
	struct tee_ioctl_buf_data b;
	const uint8_t *in, *out;
	size_t ilen, olen;

	memcpy(&b, p, sizeof(b));
	in = tee_buf(c, &b, k, false, &ilen);
	if (!in) {
		print_buf_hdr(f, &b);
		return;
	}
	pr_struct_begin(f);
	pr_field_u(f, "buf_len", b.buf_len);
	pr_field(f, "buf_ptr");
	pr_struct_begin(f);
	k->print(f, in, false);
	print_params(f, in, ilen, b.buf_ptr, k->size, get32(in, k->num_params));
	pr_struct_end(f);
	if (ioc_exit_copy(c, sizeof(b), &olen)) {
		pr_changed(f);
		out = tee_buf(c, &b, k, true, &olen);
		if (!out) {
			print_buf_hdr(f, &b);
		} else {
			pr_struct_begin(f);
			k->print(f, out, true);
			print_params(f, out, olen, b.buf_ptr, k->size, get32(out, k->num_params));
			pr_struct_end(f);
		}
	}
	pr_struct_end(f);
}

/* "deadbeef-cafe-c0de-badc-0dedfacefeed", as strace's PRINT_FIELD_UUID */
static void print_uuid(struct sr_fmt *f, const uint8_t *u)
{
	char s[40];

	snprintf(s, sizeof(s),
		 "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", u[0], u[1],
		 u[2], u[3], u[4], u[5], u[6], u[7], u[8], u[9], u[10], u[11], u[12], u[13], u[14],
		 u[15]);
	pr_sym(f, s, 0);
}

/* clnt_uuid: a group id for the group logins, else the bytes (not a UUID) */
static void print_clnt_uuid(struct sr_fmt *f, const struct tee_ioctl_open_session_arg *a)
{
	uint32_t gid;
	size_t i;

	switch (a->clnt_login) {
	case TEE_IOCTL_LOGIN_PUBLIC:
	case TEE_IOCTL_LOGIN_USER:
	case TEE_IOCTL_LOGIN_APPLICATION:
	case TEE_IOCTL_LOGIN_USER_APPLICATION:
		return;
	case TEE_IOCTL_LOGIN_GROUP:
	case TEE_IOCTL_LOGIN_GROUP_APPLICATION:
		memcpy(&gid, a->clnt_uuid, sizeof(gid));
		pr_field_id(f, "clnt_uuid", gid);
		return;
	}
	pr_field(f, "clnt_uuid");
	pr_array_begin(f);
	for (i = 0; i < sizeof(a->clnt_uuid); i++)
		pr_x(f, a->clnt_uuid[i]);
	pr_array_end(f);
}

static void print_open_session(struct sr_fmt *f, const uint8_t *p, bool at_exit)
{
	struct tee_ioctl_open_session_arg a;

	memcpy(&a, p, sizeof(a));
	if (at_exit) {
		pr_field_x(f, "session", a.session);
		pr_field_u(f, "ret", a.ret);
		pr_field(f, "ret_origin");
		fmt_enum(f, &xlat_tee_ioctl_origins, a.ret_origin);
		return;
	}
	pr_field(f, "uuid");
	print_uuid(f, a.uuid);
	pr_field(f, "clnt_login");
	fmt_enum(f, &xlat_tee_ioctl_login_types, a.clnt_login);
	print_clnt_uuid(f, &a);
	pr_field_u(f, "cancel_id", a.cancel_id);
	pr_field_u(f, "num_params", a.num_params);
}

static void print_invoke(struct sr_fmt *f, const uint8_t *p, bool at_exit)
{
	struct tee_ioctl_invoke_arg a;

	memcpy(&a, p, sizeof(a));
	if (at_exit) {
		pr_field_u(f, "ret", a.ret);
		pr_field(f, "ret_origin");
		fmt_enum(f, &xlat_tee_ioctl_origins, a.ret_origin);
		return;
	}
	pr_field_u(f, "func", a.func);
	pr_field_x(f, "session", a.session);
	pr_field_u(f, "cancel_id", a.cancel_id);
	pr_field_u(f, "num_params", a.num_params);
}

/* num_params is the only field the kernel writes back (TEE_IOC_SUPPL_RECV). */
static void print_supp_recv(struct sr_fmt *f, const uint8_t *p, bool at_exit)
{
	struct tee_iocl_supp_recv_arg a;

	memcpy(&a, p, sizeof(a));
	if (!at_exit)
		pr_field_u(f, "func", a.func);
	pr_field_u(f, "num_params", a.num_params);
}

static void print_supp_send(struct sr_fmt *f, const uint8_t *p, bool at_exit)
{
	struct tee_iocl_supp_send_arg a;

	memcpy(&a, p, sizeof(a));
	if (at_exit)
		pr_field_u(f, "ret", a.ret);
	else
		pr_field_u(f, "num_params", a.num_params);
}

#define TEE_BUF_KIND(name, st, fn) \
	static const struct tee_buf_kind name = { sizeof(st), offsetof(st, num_params), fn }

TEE_BUF_KIND(open_session_kind, struct tee_ioctl_open_session_arg, print_open_session);
TEE_BUF_KIND(invoke_kind, struct tee_ioctl_invoke_arg, print_invoke);
TEE_BUF_KIND(supp_recv_kind, struct tee_iocl_supp_recv_arg, print_supp_recv);
TEE_BUF_KIND(supp_send_kind, struct tee_iocl_supp_send_arg, print_supp_send);

static void print_open_session_buf(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
				   size_t len)
{
	print_session(f, c, p, &open_session_kind);
}

static void print_invoke_buf(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
			     size_t len)
{
	print_session(f, c, p, &invoke_kind);
}

static void print_supp_recv_buf(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
				size_t len)
{
	print_session(f, c, p, &supp_recv_kind);
}

static void print_supp_send_buf(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
				size_t len)
{
	print_session(f, c, p, &supp_send_kind);
}

/* TEE_IOC_VERSION: impl_caps by name for OP-TEE only */
static void print_version(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, size_t len)
{
	struct tee_ioctl_version_data v;

	memcpy(&v, p, sizeof(v));
	pr_struct_begin(f);
	pr_field(f, "impl_id");
	fmt_enum(f, &xlat_tee_ioctl_impl_ids, v.impl_id);
	pr_field(f, "gen_caps");
	fmt_flags(f, &xlat_tee_ioctl_gen_caps, v.gen_caps);
	if (v.impl_id == TEE_IMPL_ID_OPTEE) {
		pr_field(f, "impl_caps");
		fmt_flags(f, &xlat_tee_ioctl_optee_caps, v.impl_caps);
	} else {
		pr_field_x(f, "impl_caps", v.impl_caps);
	}
	pr_struct_end(f);
}

static void print_shm_flags(struct sr_fmt *f, uint32_t flags)
{
	pr_field(f, "flags");
	fmt_flags(f, &xlat_tee_ioctl_shm_flags, flags);
}

/* TEE_IOC_SHM_ALLOC: {size, flags}, then {size, flags, id} after success */
static void print_shm_alloc(struct sr_fmt *f, const uint8_t *p, bool at_exit)
{
	struct tee_ioctl_shm_alloc_data a;

	memcpy(&a, p, sizeof(a));
	pr_struct_begin(f);
	pr_field_x(f, "size", a.size);
	print_shm_flags(f, a.flags);
	if (at_exit)
		pr_field_d(f, "id", a.id);
	pr_struct_end(f);
}

static void print_shm_alloc_in(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
			       size_t len)
{
	print_shm_alloc(f, p, false);
}

static void print_shm_alloc_out(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
				size_t len)
{
	print_shm_alloc(f, p, true);
}

/* TEE_IOC_SHM_REGISTER: {addr, length, flags}, then {length, flags, id} */
static void print_shm_register_in(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
				  size_t len)
{
	struct tee_ioctl_shm_register_data r;

	memcpy(&r, p, sizeof(r));
	pr_struct_begin(f);
	pr_field(f, "addr");
	fmt_ptr(f, r.addr);
	pr_field_x(f, "length", r.length);
	print_shm_flags(f, r.flags);
	pr_struct_end(f);
}

static void print_shm_register_out(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
				   size_t len)
{
	struct tee_ioctl_shm_register_data r;

	memcpy(&r, p, sizeof(r));
	pr_struct_begin(f);
	pr_field_x(f, "length", r.length);
	print_shm_flags(f, r.flags);
	pr_field_d(f, "id", r.id);
	pr_struct_end(f);
}

/* TEE_IOC_SHM_REGISTER_FD: {fd, flags}, then {size, id} */
static void print_shm_register_fd_in(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
				     size_t len)
{
	struct tee_ioctl_shm_register_fd_data r;

	memcpy(&r, p, sizeof(r));
	pr_struct_begin(f);
	pr_field(f, "fd");
	fmt_fd(f, c, (int32_t)r.fd);
	print_shm_flags(f, r.flags);
	pr_struct_end(f);
}

static void print_shm_register_fd_out(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
				      size_t len)
{
	struct tee_ioctl_shm_register_fd_data r;

	memcpy(&r, p, sizeof(r));
	pr_struct_begin(f);
	pr_field_x(f, "size", r.size);
	pr_field_d(f, "id", r.id);
	pr_struct_end(f);
}

static const struct sr_ioc_field cancel_fields[] = {
	IOF(struct tee_ioctl_cancel_arg, cancel_id, IOF_U, NULL),
	IOF(struct tee_ioctl_cancel_arg, session, IOF_X, NULL),
};
static SR_IOC_FIELDS(cancel_desc, struct tee_ioctl_cancel_arg, cancel_fields);

static const struct sr_ioc_field close_fields[] = {
	IOF(struct tee_ioctl_close_session_arg, session, IOF_X, NULL),
};
static SR_IOC_FIELDS(close_desc, struct tee_ioctl_close_session_arg, close_fields);

#define TEE_BUF_ST(name, fn) \
	static const struct sr_ioc_struct name = { sizeof(struct tee_ioctl_buf_data), fn }

TEE_BUF_ST(open_session_st, print_open_session_buf);
TEE_BUF_ST(invoke_st, print_invoke_buf);
TEE_BUF_ST(supp_recv_st, print_supp_recv_buf);
TEE_BUF_ST(supp_send_st, print_supp_send_buf);

static const struct sr_ioc_struct version_st = { sizeof(struct tee_ioctl_version_data),
						 print_version };
static const struct sr_ioc_struct shm_alloc_st = { sizeof(struct tee_ioctl_shm_alloc_data),
						   print_shm_alloc_in, print_shm_alloc_out,
						   SR_IOC_EXIT_OK };
static const struct sr_ioc_struct shm_register_st = { sizeof(struct tee_ioctl_shm_register_data),
						      print_shm_register_in, print_shm_register_out,
						      SR_IOC_EXIT_OK };
static const struct sr_ioc_struct shm_register_fd_st = {
	sizeof(struct tee_ioctl_shm_register_fd_data), print_shm_register_fd_in,
	print_shm_register_fd_out, SR_IOC_EXIT_OK
};

/* The session requests' buffers: buf_len bytes at buf_ptr, as far as strace reads. */
#define TEE_BUF_REF IOR_PTR(struct tee_ioctl_buf_data, buf_ptr, buf_len, 1, TEE_MAX_ARG_SIZE)

static const struct sr_ioc_refrow tee_refs[] = {
	{ TEE_IOC_OPEN_SESSION, { TEE_BUF_REF } },
	{ TEE_IOC_INVOKE, { TEE_BUF_REF } },
	{ TEE_IOC_SUPPL_RECV, { TEE_BUF_REF } },
	{ TEE_IOC_SUPPL_SEND, { TEE_BUF_REF } },
};

SR_IOC_REFSET(sr_ioc_refs_tee, tee_refs);

static const struct sr_ioc tee_table[] = {
	{ TEE_IOC_VERSION, IOA_STRUCT, true, &version_st },
	{ TEE_IOC_CANCEL, IOA_FIELDS, false, &cancel_desc },
	{ TEE_IOC_CLOSE_SESSION, IOA_FIELDS, false, &close_desc },
	{ TEE_IOC_SHM_ALLOC, IOA_STRUCT, false, &shm_alloc_st },
	{ TEE_IOC_SHM_REGISTER, IOA_STRUCT, false, &shm_register_st },
	{ TEE_IOC_SHM_REGISTER_FD, IOA_STRUCT, false, &shm_register_fd_st },
	/* printed whole at exit: the buffer, then what the kernel wrote in it */
	{ TEE_IOC_OPEN_SESSION, IOA_INOUT, true, &open_session_st },
	{ TEE_IOC_INVOKE, IOA_INOUT, true, &invoke_st },
	{ TEE_IOC_SUPPL_RECV, IOA_INOUT, true, &supp_recv_st },
	{ TEE_IOC_SUPPL_SEND, IOA_INOUT, true, &supp_send_st },
};

SR_IOC_ROWS(sr_ioc_rows_tee, tee_table);
