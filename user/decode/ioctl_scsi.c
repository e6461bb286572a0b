// SPDX-License-Identifier: GPL-2.0
/*
 * Decoders: SCSI generic (scsi/sg.h) ioctls, as strace 6.1 prints them:
 * ints behind pointers, SG_SCSI_RESET's value, and SG_IO: a
 * struct sg_io_hdr (scsi/sg.h, interface_id 'S') or a struct sg_io_v4
 * (linux/bsg.h, guard 'Q'), by the argument's first int. The request and
 * its inputs come from the entry copy, what the driver wrote from the exit
 * copy, which the BPF side makes after a failure too (SR_IOC_ANYRET): strace
 * reads the header back whatever the call returned. The buffers the header
 * points to (command, data, sense) are ioctl references, a data buffer
 * possibly an iovec array and its buffers.
 */
#include <string.h>
#include <linux/bsg.h>
#include <scsi/sg.h>
#include <sys/uio.h>

#include "decode/ioctl.h"

/*
 * From the kernel's include/scsi/sg.h, which glibc's older <scsi/sg.h> lacks
 * (see user/table/xlat/ioctl_names_kernel.in and sg_scsi_reset.in).
 */
#ifndef SG_SCSI_RESET_NO_ESCALATE
#define SG_SCSI_RESET_NO_ESCALATE 0x100
#endif
#ifndef SG_GET_ACCESS_COUNT
#define SG_GET_ACCESS_COUNT 0x2289
#endif

/*
 * The references of SG_IO, in the row of the argument's first byte
 * (SR_IOC_BY_FIRST): which one holds what.
 */
enum {
	SG_REF_CMD = 0, /* v3: cmdp, cmd_len bytes */
	SG_REF_DXFER = 1, /* v3: dxferp, dxfer_len bytes or iovec_count iovecs */
	SG_REF_SENSE = 2, /* v3: sbp, sb_len_wr bytes (what the driver wrote) */
	SG_REF_REQUEST = 0, /* v4: request, request_len bytes */
	SG_REF_DOUT = 1, /* v4: dout_xferp, dout_xfer_len bytes or dout_iovec_count iovecs */
	SG_REF_RESPONSE = 2, /* v4: response, response_len bytes (what the driver wrote) */
	SG_REF_DIN = 3, /* v4: din_xferp, din_xfer_len bytes or din_iovec_count iovecs */
};

/*
 * A buffer of @len bytes at @addr, from reference @k, as strace's
 * printstr_ex(QUOTE_FORCE_HEX): up to -s bytes, the address when what it
 * shows cannot be read.
 */
static void sg_print_buf(struct sr_fmt *f, const struct sr_blob *b, uint64_t addr, uint64_t len)
{
	const size_t max = fmt_strsize(f);
	const uint64_t need = len < max ? len : max;

	if (!addr) {
		fmt_ptr(f, 0);
		return;
	}
	if (!blob_ok(b) || (b->flags & (SR_BF_FAULT | SR_BF_NULL)) || b->len < need) {
		pr_addr(f, addr);
		return;
	}
	pr_str(f, blob_data(b), len < b->len ? len : b->len, max, SR_Q_HEX);
}

/* One iov_base of @want bytes: the next buffer blob after *@b (same slot and part). */
static void sg_print_iov_base(struct sr_fmt *f, const struct sr_blob **b, const uint8_t *end,
			      uint64_t base, uint64_t want, bool copied)
{
	const uint8_t arg = (*b)->arg;
	const size_t max = fmt_strsize(f);
	const struct sr_blob *n = copied ? blob_next(*b, end) : NULL;

	if (n && n->arg == arg)
		*b = n;
	else
		n = NULL;
	if (!base || (want && (!n || (n->flags & (SR_BF_FAULT | SR_BF_NULL)) ||
			       n->len < (want < max ? want : max)))) {
		fmt_ptr(f, base);
		return;
	}
	pr_str(f, n ? blob_data(n) : "", n && n->len < want ? n->len : want, max, 0);
}

/*
 * @count struct iovec at @addr holding @size bytes, as strace's
 * tprint_iov_upto(): each base with as many of the bytes as remain.
 */
static void sg_print_iov(struct sr_fmt *f, const struct sr_call *c, const struct sr_blob *arr,
			 uint64_t addr, uint64_t count, uint64_t size)
{
	const size_t esz = sizeof(struct iovec);
	const struct sr_blob *b = arr;
	const uint8_t *end;
	uint64_t n, have;

	if (!addr) {
		fmt_ptr(f, 0);
		return;
	}
	if (fmt_array_wraps(f, addr, count, esz))
		return;
	if (!blob_ok(arr) || (arr->flags & (SR_BF_FAULT | SR_BF_NULL)) || arr->len < esz) {
		pr_addr(f, addr);
		return;
	}
	end = call__blob_end(c, arr);
	have = arr->len / esz;
	pr_array_begin(f);
	for (n = 0; n < count; n++) {
		uint64_t base, len, want;
		bool copied = size > 0;

		if (n >= have) {
			fmt_more_unread(f, addr + n * esz);
			break;
		}
		if (!pr_array_elem(f, n))
			break;
		base = get64(blob_data(arr), n * esz + offsetof(struct iovec, iov_base));
		len = get64(blob_data(arr), n * esz + offsetof(struct iovec, iov_len));
		want = len < size ? len : size;
		size -= want;
		pr_struct_begin(f);
		pr_field(f, "iov_base");
		sg_print_iov_base(f, &b, end, base, want, copied);
		pr_field_u(f, "iov_len", len);
		pr_struct_end(f);
	}
	pr_array_end(f);
}

/* Field @name: the data of reference @k, @len bytes at @addr, or @iovs iovecs. */
static void sg_field_data(struct sr_fmt *f, const struct sr_call *c, const char *name, int k,
			  bool at_exit, uint64_t addr, uint64_t len, uint32_t iovs)
{
	const struct sr_blob *b = ioc_ref_blob(c, k, at_exit);

	pr_field(f, name);
	if (iovs)
		sg_print_iov(f, c, b, addr, iovs, len);
	else
		sg_print_buf(f, b, addr, len);
}

/* The runs of plain fields of the SG_IO headers, in strace's order. */
#define V3(m, how, aux) IOF(struct sg_io_hdr, m, how, aux)
#define V4(m, how, aux) IOF(struct sg_io_v4, m, how, aux)
static const struct sr_ioc_field v3_req[] = {
	V3(mx_sb_len, IOF_U, NULL),
	V3(iovec_count, IOF_U, NULL),
	V3(dxfer_len, IOF_U, NULL),
	V3(timeout, IOF_U, NULL),
	V3(flags, IOF_FLAGS, &xlat_sg_io_flags),
};
static const struct sr_ioc_field v3_status[] = {
	V3(status, IOF_X, NULL),
	V3(masked_status, IOF_X, NULL),
	V3(msg_status, IOF_X, NULL),
	V3(sb_len_wr, IOF_U, NULL),
};
static const struct sr_ioc_field v3_host[] = {
	V3(host_status, IOF_X, NULL), V3(driver_status, IOF_X, NULL),	     V3(resid, IOF_D, NULL),
	V3(duration, IOF_U, NULL),    V3(info, IOF_FLAGS, &xlat_sg_io_info),
};
static const struct sr_ioc_field v4_req[] = {
	V4(request_tag, IOF_X, NULL),	   V4(request_attr, IOF_U, NULL),
	V4(request_priority, IOF_U, NULL), V4(request_extra, IOF_U, NULL),
	V4(max_response_len, IOF_U, NULL), V4(dout_iovec_count, IOF_U, NULL),
	V4(dout_xfer_len, IOF_U, NULL),	   V4(din_iovec_count, IOF_U, NULL),
	V4(din_xfer_len, IOF_U, NULL),
};
static const struct sr_ioc_field v4_req_tail[] = {
	V4(timeout, IOF_U, NULL),
	V4(flags, IOF_FLAGS, &xlat_bsg_flags),
	V4(usr_ptr, IOF_X, NULL),
};
static const struct sr_ioc_field v4_status[] = {
	V4(driver_status, IOF_X, NULL),	       V4(transport_status, IOF_X, NULL),
	V4(device_status, IOF_X, NULL),	       V4(retry_delay, IOF_U, NULL),
	V4(info, IOF_FLAGS, &xlat_sg_io_info), V4(duration, IOF_U, NULL),
	V4(response_len, IOF_U, NULL),	       V4(din_resid, IOF_D, NULL),
	V4(dout_resid, IOF_D, NULL),	       V4(generated_tag, IOF_X, NULL),
};
#undef V3
#undef V4
static SR_IOC_FIELDS(v3_req_fields, struct sg_io_hdr, v3_req);
static SR_IOC_FIELDS(v3_status_fields, struct sg_io_hdr, v3_status);
static SR_IOC_FIELDS(v3_host_fields, struct sg_io_hdr, v3_host);
static SR_IOC_FIELDS(v4_req_fields, struct sg_io_v4, v4_req);
static SR_IOC_FIELDS(v4_req_tail_fields, struct sg_io_v4, v4_req_tail);
static SR_IOC_FIELDS(v4_status_fields, struct sg_io_v4, v4_status);

/* SG_IO v3, the request: {interface_id='S', dxfer_direction=..., ...} */
static void sg_v3_request(struct sr_fmt *f, const struct sr_call *c, const struct sg_io_hdr *h)
{
	pr_field(f, "dxfer_direction");
	fmt_enum(f, &xlat_sg_io_dxfer_direction, (uint64_t)(int64_t)h->dxfer_direction);
	pr_field_u(f, "cmd_len", h->cmd_len);
	sg_field_data(f, c, "cmdp", SG_REF_CMD, false, (uintptr_t)h->cmdp, h->cmd_len, 0);
	ioc_print_field_run(f, &v3_req_fields, (const uint8_t *)h);
	if (h->dxfer_direction == SG_DXFER_TO_DEV || h->dxfer_direction == SG_DXFER_TO_FROM_DEV)
		sg_field_data(f, c, "dxferp", SG_REF_DXFER, false, (uintptr_t)h->dxferp,
			      h->dxfer_len, h->iovec_count);
}

/* SG_IO v3, what the driver wrote back (@in: the request as it was) */
static void sg_v3_response(struct sr_fmt *f, const struct sr_call *c, const struct sg_io_hdr *in,
			   const struct sg_io_hdr *h)
{
	uint32_t din_len;

	if (!h) {
		if (in->dxfer_direction == SG_DXFER_FROM_DEV)
			pr_field_addr(f, "dxferp", (uintptr_t)in->dxferp);
		pr_field_addr(f, "sbp", (uintptr_t)in->sbp);
		return;
	}
	if (h->interface_id != in->interface_id) {
		pr_changed(f);
		pr_field_u(f, "interface_id", (uint32_t)h->interface_id);
		return;
	}
	din_len = h->dxfer_len;
	if (h->dxfer_direction == SG_DXFER_FROM_DEV || h->dxfer_direction == SG_DXFER_TO_FROM_DEV) {
		if (h->resid > 0 && (uint32_t)h->resid <= din_len)
			din_len -= h->resid;
		if (h->dxfer_direction == SG_DXFER_TO_FROM_DEV && din_len)
			pr_changed(f);
		if (h->dxfer_direction == SG_DXFER_FROM_DEV || din_len)
			sg_field_data(f, c, "dxferp", SG_REF_DXFER, true, (uintptr_t)h->dxferp,
				      din_len, h->iovec_count);
	}
	ioc_print_field_run(f, &v3_status_fields, (const uint8_t *)h);
	sg_field_data(f, c, "sbp", SG_REF_SENSE, true, (uintptr_t)h->sbp, h->sb_len_wr, 0);
	ioc_print_field_run(f, &v3_host_fields, (const uint8_t *)h);
}

/* SG_IO v4, the request: {guard='Q', protocol=..., ...} */
static void sg_v4_request(struct sr_fmt *f, const struct sr_call *c, const struct sg_io_v4 *h)
{
	pr_field(f, "protocol");
	fmt_enum(f, &xlat_bsg_protocol, h->protocol);
	pr_field(f, "subprotocol");
	fmt_enum(f, &xlat_bsg_subprotocol, h->subprotocol);
	pr_field_u(f, "request_len", h->request_len);
	sg_field_data(f, c, "request", SG_REF_REQUEST, false, h->request, h->request_len, 0);
	ioc_print_field_run(f, &v4_req_fields, (const uint8_t *)h);
	sg_field_data(f, c, "dout_xferp", SG_REF_DOUT, false, h->dout_xferp, h->dout_xfer_len,
		      h->dout_iovec_count);
	ioc_print_field_run(f, &v4_req_tail_fields, (const uint8_t *)h);
}

/* SG_IO v4, what the driver wrote back */
static void sg_v4_response(struct sr_fmt *f, const struct sr_call *c, const struct sg_io_v4 *in,
			   const struct sg_io_v4 *h)
{
	uint32_t din_len;

	if (!h) {
		pr_field_x(f, "response", in->response);
		pr_field_x(f, "din_xferp", in->din_xferp);
		return;
	}
	if (h->guard != in->guard) {
		pr_changed(f);
		pr_field_u(f, "guard", (uint32_t)h->guard);
		return;
	}
	din_len = h->din_xfer_len;
	if (h->din_resid > 0 && (uint32_t)h->din_resid <= din_len)
		din_len -= h->din_resid;
	pr_field_u(f, "response_len", h->response_len);
	sg_field_data(f, c, "response", SG_REF_RESPONSE, true, h->response, h->response_len, 0);
	sg_field_data(f, c, "din_xferp", SG_REF_DIN, true, h->din_xferp, din_len,
		      h->din_iovec_count);
	ioc_print_field_run(f, &v4_status_fields, (const uint8_t *)h);
}

/* The exit copy of the header, @size bytes, whatever the call returned; or NULL. */
static const void *sg_exit_copy(const struct sr_call *c, size_t size)
{
	return c->has_exit ? blob_get(c->out[2], size) : NULL;
}

/*
 * SG_IO: by the first int, 'S' or 'Q', the request and what came back in
 * one pair of braces; "{interface_id='S', ADDR}" when the rest of the
 * header cannot be read; another first int in brackets.
 */
static void print_sg_io(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, size_t len)
{
	const uint32_t iid = get32(p, 0);
	const bool v3 = iid == 'S';
	const size_t size = v3 ? sizeof(struct sg_io_hdr) : sizeof(struct sg_io_v4);

	if (!v3 && iid != 'Q') {
		pr_array_begin(f);
		pr_u(f, iid);
		pr_array_end(f);
		return;
	}
	pr_struct_begin(f);
	pr_field(f, v3 ? "interface_id" : "guard");
	pr_text(f, v3 ? "'S'" : "'Q'");
	if (len < size) {
		pr_addr(f, c->args[2] + sizeof(int32_t));
	} else if (v3) {
		sg_v3_request(f, c, (const void *)p);
		sg_v3_response(f, c, (const void *)p, sg_exit_copy(c, size));
	} else {
		sg_v4_request(f, c, (const void *)p);
		sg_v4_response(f, c, (const void *)p, sg_exit_copy(c, size));
	}
	pr_struct_end(f);
}

/* SG_SCSI_RESET: [SG_SCSI_RESET_NO_ESCALATE|SG_SCSI_RESET_DEVICE] */
static void print_sg_scsi_reset(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
				size_t len)
{
	uint32_t v = get32(p, 0);

	pr_array_begin(f);
	if (v & SG_SCSI_RESET_NO_ESCALATE) {
		pr_bits_begin(f, v);
		pr_bit(f, NULL, "SG_SCSI_RESET_NO_ESCALATE");
		pr_bits_enum(f, &xlat_sg_scsi_reset, v & ~SG_SCSI_RESET_NO_ESCALATE);
		pr_bits_end(f);
	} else {
		fmt_enum(f, &xlat_sg_scsi_reset, v);
	}
	pr_array_end(f);
}

static const struct sr_ioc_struct sg_scsi_reset_st = { sizeof(int), print_sg_scsi_reset };

static const struct sr_ioc_struct sg_io_st = { sizeof(int32_t), print_sg_io };

static const struct sr_ioc scsi_table[] = {
	/* SCSI generic (scsi/sg.h): ints behind pointers */
	{ SG_GET_TIMEOUT, IOA_NONE, false, NULL },
	{ SG_SET_TIMEOUT, IOA_INT, false, NULL },
	{ SG_SET_COMMAND_Q, IOA_INT, false, NULL },
	{ SG_SET_RESERVED_SIZE, IOA_INT, false, NULL },
	{ SG_SET_FORCE_LOW_DMA, IOA_INT, false, NULL },
	{ SG_SET_FORCE_PACK_ID, IOA_INT, false, NULL },
	{ SG_SET_DEBUG, IOA_INT, false, NULL },
	{ SG_NEXT_CMD_LEN, IOA_INT, false, NULL },
	{ SG_SET_KEEP_ORPHAN, IOA_INT, false, NULL },
	{ SG_EMULATED_HOST, IOA_INT, true, NULL },
	{ SG_GET_TRANSFORM, IOA_INT, true, NULL },
	{ SG_GET_COMMAND_Q, IOA_INT, true, NULL },
	{ SG_GET_RESERVED_SIZE, IOA_INT, true, NULL },
	{ SG_GET_LOW_DMA, IOA_INT, true, NULL },
	{ SG_GET_PACK_ID, IOA_INT, true, NULL },
	{ SG_GET_NUM_WAITING, IOA_INT, true, NULL },
	{ SG_GET_SG_TABLESIZE, IOA_INT, true, NULL },
	{ SG_GET_VERSION_NUM, IOA_INT, true, NULL },
	{ SG_GET_KEEP_ORPHAN, IOA_INT, true, NULL },
	{ SG_GET_ACCESS_COUNT, IOA_INT, true, NULL },
	{ SG_SCSI_RESET, IOA_STRUCT, false, &sg_scsi_reset_st },
	/* structs strace decodes and sysray does not yet: the address */
	{ SG_GET_SCSI_ID, IOA_PTR, true, NULL },
	{ SG_GET_REQUEST_TABLE, IOA_PTR, true, NULL },
	{ SG_IO, IOA_INOUT, true, &sg_io_st },
};

SR_IOC_ROWS(sr_ioc_rows_scsi, scsi_table);

/*
 * SG_IO's references by the argument's first byte; the exit copies after a
 * failure too. The data buffers, inputs or outputs by dxfer_direction, are
 * copied at both ends.
 */
static const struct sr_ioc_refrow scsi_refs[] = {
	{ SG_IO, {}, SR_IOC_ANYRET | SR_IOC_BY_FIRST },
	{ SR_IOC_KEY_BY_FIRST(SG_IO, 'S'),
	  {
		  [SG_REF_CMD] = IOR_PTR(struct sg_io_hdr, cmdp, cmd_len, 1, SR_BLOB_MAX),
		  [SG_REF_DXFER] =
			  IOR_IOV(struct sg_io_hdr, dxferp, dxfer_len, iovec_count, SR_BLOB_MAX),
		  [SG_REF_SENSE] = IOR_PTR(struct sg_io_hdr, sbp, sb_len_wr, 1, SR_BLOB_MAX),
	  } },
	{ SR_IOC_KEY_BY_FIRST(SG_IO, 'Q'),
	  {
		  [SG_REF_REQUEST] = IOR_PTR(struct sg_io_v4, request, request_len, 1, SR_BLOB_MAX),
		  [SG_REF_DOUT] = IOR_IOV(struct sg_io_v4, dout_xferp, dout_xfer_len,
					  dout_iovec_count, SR_BLOB_MAX),
		  [SG_REF_RESPONSE] =
			  IOR_PTR(struct sg_io_v4, response, response_len, 1, SR_BLOB_MAX),
		  [SG_REF_DIN] = IOR_IOV(struct sg_io_v4, din_xferp, din_xfer_len, din_iovec_count,
					 SR_BLOB_MAX),
	  } },
};

SR_IOC_REFSET(sr_ioc_refs_scsi, scsi_refs);
