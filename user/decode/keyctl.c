// SPDX-License-Identifier: GPL-2.0
/*
 * Decoders: the key management calls (add_key, request_key, keyctl). A key
 * serial number is a signed int whose special negative values name a
 * keyring (KEY_SPEC_THREAD_KEYRING); any other prints in decimal, with no
 * comment, as strace's printxval_d does.
 *
 * keyctl's arguments depend on its command: each command has a row of its
 * own in include/sysray/commands.def, so the types there say what most
 * print and capture; what is left is here, as strace 6.1's keyctl.c
 * prints it (the public key operations' buffers, whose lengths a struct
 * holds; Diffie-Hellman's KDF parameters; the capability bytes).
 */
#include <linux/keyctl.h>

#include "decode/decode.h"
#include "cli/opts.h"

_Static_assert(sizeof(struct keyctl_pkey_params) <= SR_BLOB_MAX, "captured whole");
_Static_assert(offsetof(struct keyctl_kdf_params, otherinfo) ==
		       offsetof(struct keyctl_kdf_params, hashname) + sizeof(uint64_t),
	       "the KDF parameters' two pointers are read as consecutive fields");

static void fmt_key_serial(struct sr_fmt *f, int32_t id)
{
	const char *n = xlat__name(&xlat_key_spec, (uint64_t)(int64_t)id);

	if (n)
		pr_sym_fmt(f, n, (uint64_t)(int64_t)id, SR_NUM_D);
	else
		pr_d(f, id);
}

static void key_serial_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	fmt_key_serial(f, (int32_t)c->args[argi]);
}

const struct sr_decoder sr_dec_key_serial = {
	.name = "key_serial",
	.print = key_serial_print,
	.same32 = true,
};

/* KEYCTL_SET_REQKEY_KEYRING's keyring: a name, or the int in decimal. */
static void key_reqkey_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	int32_t v = (int32_t)c->args[argi];
	const char *n = xlat__name(&xlat_key_reqkeys, (uint64_t)(int64_t)v);

	if (n) {
		pr_sym_fmt(f, n, (uint64_t)(int64_t)v, SR_NUM_D);
		return;
	}
	pr_d(f, v);
	pr_xlat_default(f, xlat_key_reqkeys.unknown);
}

const struct sr_decoder sr_dec_key_reqkey = {
	.name = "key_reqkey",
	.print = key_reqkey_print,
	.same32 = true,
};

/* KEYCTL_REJECT's error: an errno name, or the number (strace's print_err()). */
static void key_error_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	uint32_t err = (uint32_t)c->args[argi];
	const char *n = err <= INT32_MAX ? errno__name((int)err) : NULL;

	if (n)
		pr_sym_fmt(f, n, err, SR_NUM_U);
	else
		pr_u(f, err);
}

const struct sr_decoder sr_dec_key_error = {
	.name = "key_error",
	.print = key_error_print,
	.same32 = true,
};

/*
 * strace's printstrn(): @len bytes at @addr, -s of them and "..." when
 * there are more; the address when fewer than it reads (-s and one more,
 * at most @len) were captured.
 */
static void fmt_strn(struct sr_fmt *f, const struct sr_blob *b, uint64_t addr, uint64_t len)
{
	size_t max = fmt_strsize(f);
	size_t need = len < max + 1 ? (size_t)len : max + 1;

	if (!addr) {
		pr_addr(f, 0);
		return;
	}
	if (need && (!blob_ok(b) || b->len < need)) {
		pr_x(f, addr);
		return;
	}
	pr_str(f, need ? blob_data(b) : "", need, max, 0);
}

/* A buffer of -s bytes and one more, cut at an unmapped page (SR_CAP_PART). */
static void plan_strn(const struct sr_opts *o, uint8_t when, struct sr_plan_arg *pa)
{
	long cap = (long)o->strsize + 1;

	pa->when = when | SR_CAP_PART;
	pa->how = SR_HOW_BUF;
	pa->len_src = SR_LEN_FIXED;
	pa->elem = cap > SR_BLOB_MAX ? SR_BLOB_MAX : cap;
	pa->cap = pa->elem;
}

/*
 * The bytes of a buffer the kernel filled, as many as it returned but at
 * most the buffer's size (the next argument), captured at exit.
 */
static void key_out_plan(const struct sr_sysent *ent, int argi, const struct sr_opts *o,
			 struct sr_plan_arg *pa)
{
	long cap = (long)o->strsize + 1;

	(void)ent;
	pa->when = SR_CAP_EXIT;
	pa->how = SR_HOW_BUF;
	pa->len_src = SR_LEN_MIN_ARG_RET;
	pa->len_arg = argi + 1;
	pa->elem = 1;
	pa->cap = cap > SR_BLOB_MAX ? SR_BLOB_MAX : cap;
}

/* How many bytes of a buffer of size args[argi + 1] the call filled. */
static uint64_t key_out_len(const struct sr_call *c, int argi)
{
	uint64_t len = c->args[(argi + 1) % SR_NARGS];

	return (uint64_t)c->ret > len ? len : (uint64_t)c->ret;
}

/*
 * KEYCTL_DESCRIBE, KEYCTL_GET_SECURITY: text the kernel wrote, without the
 * NUL that ends it (strace's QUOTE_OMIT_TRAILING_0).
 */
static void key_text_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	const struct sr_blob *b = c->out[argi];
	uint64_t addr = c->args[argi], len;
	size_t max = fmt_strsize(f), need;

	if (!c->has_exit || c->ret < 0 || !addr) {
		fmt_ptr(f, addr);
		return;
	}
	len = key_out_len(c, argi);
	need = len < max + 1 ? (size_t)len : max + 1;
	if (need && (!blob_ok(b) || b->len < need)) {
		pr_x(f, addr);
		return;
	}
	pr_str(f, need ? blob_data(b) : "", need, max, SR_Q_OMIT_NUL);
}

const struct sr_decoder sr_dec_key_text = {
	.name = "key_text",
	.at_exit = true,
	.plan = key_out_plan,
	.print = key_text_print,
};

/* KEYCTL_CAPABILITIES: bytes of flags, the first two named. */
static void keyctl_caps_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	static const struct sr_xlat *const caps[] = { &xlat_keyctl_caps0, &xlat_keyctl_caps1 };
	const struct sr_blob *b = c->out[argi];
	uint64_t addr = c->args[argi], n, i;
	const uint8_t *d;

	if (!c->has_exit || c->ret < 0 || !addr) {
		fmt_ptr(f, addr);
		return;
	}
	n = key_out_len(c, argi);
	if (n && !blob_ok(b)) {
		pr_x(f, addr);
		return;
	}
	d = n ? blob_data(b) : NULL;
	pr_array_begin(f);
	for (i = 0; i < n; i++) {
		if (!pr_array_elem(f, i))
			break;
		if (i >= b->len) {
			fmt_more_unread(f, addr + i);
			break;
		}
		if (i < sizeof(caps) / sizeof(caps[0]))
			fmt_flags(f, caps[i], d[i]);
		else
			pr_x(f, d[i]);
	}
	pr_array_end(f);
}

const struct sr_decoder sr_dec_keyctl_caps = {
	.name = "keyctl_caps",
	.at_exit = true,
	.plan = key_out_plan,
	.print = keyctl_caps_print,
};

/* KEYCTL_DH_COMPUTE's parameters: three key serials. */
static void dh_params_print(struct sr_fmt *f, const struct sr_call *c, int argi, const void *data,
			    size_t len)
{
	struct keyctl_dh_params p;

	(void)c;
	(void)argi;
	(void)len;
	memcpy(&p, data, sizeof(p));
	pr_struct_begin(f);
	pr_field(f, "private");
	fmt_key_serial(f, p.private);
	pr_field(f, "prime");
	fmt_key_serial(f, p.prime);
	pr_field(f, "base");
	fmt_key_serial(f, p.base);
	pr_struct_end(f);
}

const struct sr_kind sr_kind_keyctl_dh_params = {
	.name = "keyctl_dh_params",
	.size = sizeof(struct keyctl_dh_params),
	.print = dh_params_print,
	.same32 = true,
};

static void pkey_query_print(struct sr_fmt *f, const struct sr_call *c, int argi, const void *data,
			     size_t len)
{
	struct keyctl_pkey_query q;

	(void)c;
	(void)argi;
	(void)len;
	memcpy(&q, data, sizeof(q));
	pr_struct_begin(f);
	pr_field(f, "supported_ops");
	fmt_flags(f, &xlat_keyctl_pkey_ops, q.supported_ops);
	pr_field_u(f, "key_size", q.key_size);
	pr_field_u(f, "max_data_size", q.max_data_size);
	pr_field_u(f, "max_sig_size", q.max_sig_size);
	pr_field_u(f, "max_enc_size", q.max_enc_size);
	pr_field_u(f, "max_dec_size", q.max_dec_size);
	if (!mem_all_zero(q.__spare, sizeof(q.__spare)))
		fmt_hex_u32_array(f, "__spare", q.__spare,
				  sizeof(q.__spare) / sizeof(q.__spare[0]));
	pr_struct_end(f);
}

const struct sr_kind sr_kind_keyctl_pkey_query = {
	.name = "keyctl_pkey_query",
	.size = sizeof(struct keyctl_pkey_query),
	.print = pkey_query_print,
	.same32 = true,
};

/* ---- KEYCTL_DH_COMPUTE's KDF parameters ---- */

/*
 * The struct, read at exit as strace reads it, and in the slot after the
 * arguments the two strings it points to (SR_HOW_FIELDS: the pointers in
 * part 0, hashname's bytes in part 1, otherinfo's in part 2).
 */
static void kdf_plan(const struct sr_sysent *ent, int argi, const struct sr_opts *o,
		     struct sr_plan_arg *pa)
{
	(void)ent;
	(void)o;
	(void)argi;
	pa->when = SR_CAP_EXIT | SR_CAP_ANYRET;
	pa->how = SR_HOW_BUF;
	pa->len_src = SR_LEN_FIXED;
	pa->elem = sizeof(struct keyctl_kdf_params);
	pa->cap = pa->elem;
}

static void kdf_plan_more(const struct sr_sysent *ent, int argi, const struct sr_opts *o,
			  struct sr_plan *p)
{
	long cap = (long)o->strsize + 2;
	struct sr_plan_arg *pa;

	if (ent->nargs >= SR_NARGS)
		return;
	pa = &p->a[ent->nargs];
	pa->when = SR_CAP_EXIT | SR_CAP_ANYRET;
	pa->how = SR_HOW_FIELDS;
	pa->len_arg = argi;
	pa->len_src = 2;
	pa->elem = offsetof(struct keyctl_kdf_params, hashname);
	pa->cap = cap > SR_BLOB_MAX ? SR_BLOB_MAX : cap;
}

/* Part @part of the exit blobs of slot @slot, or NULL. */
static const struct sr_blob *exit_part(const struct sr_call *c, int slot, unsigned int part)
{
	const struct sr_blob *b;

	if (slot >= SR_NARGS)
		return NULL;
	for (b = c->out[slot]; b && SR_BLOB_ARG(b) == slot; b = blob_next(b, call__blob_end(c, b)))
		if (SR_BLOB_PART(b) == part)
			return b;
	return NULL;
}

static void kdf_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	const struct sr_blob *b = c->out[argi];
	struct keyctl_kdf_params k;
	int slot = c->ent->nargs;

	if (!c->has_exit || !c->args[argi] || !blob_ok(b) || b->len < sizeof(k)) {
		fmt_ptr(f, c->args[argi]);
		return;
	}
	memcpy(&k, blob_data(b), sizeof(k));
	pr_struct_begin(f);
	pr_field(f, "hashname");
	fmt_str_upto(f, exit_part(c, slot, 1), (uint64_t)(uintptr_t)k.hashname, SIZE_MAX);
	pr_field(f, "otherinfo");
	/* the kernel does not read otherinfo when otherinfolen is 0 */
	if (k.otherinfolen)
		fmt_strn(f, exit_part(c, slot, 2), (uint64_t)(uintptr_t)k.otherinfo,
			 k.otherinfolen);
	else
		pr_addr(f, (uint64_t)(uintptr_t)k.otherinfo);
	pr_field_u(f, "otherinfolen", k.otherinfolen);
	if (!mem_all_zero(k.__spare, sizeof(k.__spare)))
		fmt_hex_u32_array(f, "__spare", k.__spare,
				  sizeof(k.__spare) / sizeof(k.__spare[0]));
	pr_struct_end(f);
}

const struct sr_decoder sr_dec_keyctl_kdf = {
	.name = "keyctl_kdf",
	.at_exit = true,
	.plan = kdf_plan,
	.plan_more = kdf_plan_more,
	.print = kdf_print,
};

/* ---- the public key operations ---- */

/*
 * KEYCTL_PKEY_ENCRYPT, _DECRYPT, _SIGN (@out: an output buffer in argument
 * 4, printed at exit) and _VERIFY (two inputs): the lengths of the buffers
 * in arguments 3 and 4 are the params struct's (argument 1).
 */
static const struct keyctl_pkey_params *pkey_params(const struct sr_call *c)
{
	return blob_get(c->in[1], sizeof(struct keyctl_pkey_params));
}

static void pkey_params_print(struct sr_fmt *f, const struct sr_call *c, bool out)
{
	const struct keyctl_pkey_params *p = pkey_params(c);

	if (!p || !c->args[1]) {
		fmt_ptr(f, c->args[1]);
		return;
	}
	pr_struct_begin(f);
	pr_field(f, "key_id");
	fmt_key_serial(f, p->key_id);
	pr_field_u(f, "in_len", p->in_len);
	pr_field_u(f, out ? "out_len" : "in2_len", p->out_len);
	if (!mem_all_zero(p->__spare, sizeof(p->__spare)))
		fmt_hex_u32_array(f, "__spare", p->__spare,
				  sizeof(p->__spare) / sizeof(p->__spare[0]));
	pr_struct_end(f);
}

static void pkey_enter(struct sr_fmt *f, const struct sr_call *c, bool out)
{
	const struct keyctl_pkey_params *p = c->args[1] ? pkey_params(c) : NULL;

	fmt_arg(f, c, 0);
	fmt_enum(f, &xlat_keyctl_cmd, (uint32_t)c->args[0]);
	fmt_arg(f, c, 1);
	pkey_params_print(f, c, out);
	fmt_arg(f, c, 2);
	fmt_blob_str(f, call__blob(c, 2, false), c->args[2], fmt_strsize(f), SR_Q_NUL_TERM);
	fmt_arg(f, c, 3);
	if (p)
		fmt_strn(f, c->in[3], c->args[3], p->in_len);
	else
		fmt_ptr(f, c->args[3]);
	/* an output whose length is known prints at exit */
	if (out && p)
		return;
	fmt_arg(f, c, 4);
	if (p)
		fmt_strn(f, c->in[4], c->args[4], p->in2_len);
	else
		fmt_ptr(f, c->args[4]);
}

static void pkey_out_enter(struct sr_fmt *f, const struct sr_call *c)
{
	pkey_enter(f, c, true);
}

static void pkey_verify_enter(struct sr_fmt *f, const struct sr_call *c)
{
	pkey_enter(f, c, false);
}

static bool pkey_out_exit_shown(const struct sr_call *c)
{
	return c->args[1] && pkey_params(c);
}

static void pkey_out_exit(struct sr_fmt *f, const struct sr_call *c)
{
	const struct keyctl_pkey_params *p = pkey_params(c);

	if (!c->args[1] || !p)
		return;
	fmt_arg(f, c, 4);
	if (c->ret < 0)
		fmt_ptr(f, c->args[4]);
	else
		fmt_strn(f, c->out[4], c->args[4], p->out_len);
}

static void pkey_plan(const struct sr_opts *o, bool out, struct sr_plan *p)
{
	p->a[1] = (struct sr_plan_arg){ .when = SR_CAP_ENTER | SR_CAP_RETRY,
					.how = SR_HOW_BUF,
					.elem = sizeof(struct keyctl_pkey_params),
					.cap = sizeof(struct keyctl_pkey_params) };
	plan_strn(o, SR_CAP_ENTER | SR_CAP_RETRY, &p->a[3]);
	plan_strn(o, out ? SR_CAP_EXIT : SR_CAP_ENTER | SR_CAP_RETRY, &p->a[4]);
}

static void pkey_out_plan(const struct sr_sysent *ent, const struct sr_opts *o, struct sr_plan *p)
{
	(void)ent;
	pkey_plan(o, true, p);
}

static void pkey_verify_plan(const struct sr_sysent *ent, const struct sr_opts *o,
			     struct sr_plan *p)
{
	(void)ent;
	pkey_plan(o, false, p);
}

const struct sr_scdec sr_scdec_keyctl_pkey = {
	.name = "keyctl_pkey",
	.enter = pkey_out_enter,
	.exit = pkey_out_exit,
	.exit_shown = pkey_out_exit_shown,
	.plan = pkey_out_plan,
};

const struct sr_scdec sr_scdec_keyctl_pkey_verify = {
	.name = "keyctl_pkey_verify",
	.enter = pkey_verify_enter,
	.plan = pkey_verify_plan,
};
