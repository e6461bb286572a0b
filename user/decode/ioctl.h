/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ioctl requests by subsystem: one row per request says how its argument
 * prints (ioctl.c looks requests up in the row tables of ioctl.c,
 * ioctl_dev.c and ioctl_blk.c). A struct argument is a printer function or a
 * field table (struct sr_ioc_fields: names, offsets and sizes from the UAPI
 * struct, printed by ioc_print_fields()).
 */
#ifndef SYSRAY_DECODE_IOCTL_H
#define SYSRAY_DECODE_IOCTL_H

#include <stddef.h>

#include "decode/decode.h"

/*
 * Most bytes of an ioctl's argument captured (both ends): one blob, the
 * largest struct decoded (btrfs's 4096-byte ones, ioctl_btrfs.c).
 */
#define SR_IOC_CAP SR_BLOB_MAX

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
	IOA_UDEC, /* the argument itself, unsigned */
	IOA_UINT, /* unsigned int *: "[5]" */
	IOA_USHORT, /* unsigned short * */
	IOA_LONG, /* long * */
	IOA_ULONG, /* unsigned long * */
	IOA_U64, /* uint64_t * */
	IOA_U64_PAIR, /* uint64_t[2]: "[1, 2]" */
	IOA_UID, /* uid_t * */
	IOA_RAND_POOL, /* struct rand_pool_info and its bytes */
	IOA_STRUCT, /* a struct printed by a function (.aux: struct sr_ioc_struct) */
	IOA_FD, /* the argument itself, an fd */
	IOA_FLAGS, /* the argument itself, 32 bits of a set (.aux: struct sr_xlat) */
	IOA_PTR, /* a pointer strace does not follow: NULL or the address */
	IOA_FIELDS, /* a struct by its field table (.aux: struct sr_ioc_fields) */
	IOA_INT_FLAGS, /* int * holding a bit set (.aux: struct sr_xlat): "[A|B]" */
	IOA_INT_ENUM, /* int * holding a named value (.aux: struct sr_xlat) */
	IOA_ENUM, /* the argument itself, a named value (.aux: struct sr_xlat) */
	IOA_VALUE, /* the argument itself, by a function (.aux: struct sr_ioc_struct, no copy) */
	/*
	 * A struct the call reads and completes, printed whole at exit (.aux:
	 * struct sr_ioc_struct): print() gets the entry copy and adds what
	 * the call wrote after success, from ioc_exit_copy() (strace's
	 * "{api=0xaa, features=0 => features=...}", PTP_SYS_OFFSET's ts).
	 */
	IOA_INOUT,
};

/* One request: how its argument prints, at entry or at exit (an output). */
struct sr_ioc {
	uint32_t code;
	uint8_t arg; /* enum sr_ioc_arg */
	bool at_exit; /* an output: shown at exit, the address if the call failed */
	const void *aux; /* by arg: struct sr_ioc_struct, sr_ioc_fields, sr_xlat */
};

/* A table of rows, as a subsystem file exports it. */
struct sr_ioc_rows {
	const struct sr_ioc *rows;
	size_t n;
	/*
	 * Optional: the row of a request whose number carries a parameter
	 * (EVIOCGABS(abs), EVIOCGNAME(len)), which no exact row can list;
	 * false if @code is none of them.
	 */
	bool (*match)(uint32_t code, struct sr_ioc *row);
};

#define SR_IOC_ROWS(name, arr) \
	const struct sr_ioc_rows name = { arr, sizeof(arr) / sizeof((arr)[0]), NULL }
#define SR_IOC_ROWS_MATCH(name, arr, fn) \
	const struct sr_ioc_rows name = { arr, sizeof(arr) / sizeof((arr)[0]), fn }

typedef void sr_ioc_print_fn(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
			     size_t len);

/* A struct printed by a function. */
struct sr_ioc_struct {
	uint16_t size; /* the struct's size: a shorter copy prints the address */
	sr_ioc_print_fn *print;
	/*
	 * Optional, for an input the call also writes (a row shown at entry):
	 * " => " and what it wrote, printed by this from the exit copy, or the
	 * address if the call failed.
	 */
	sr_ioc_print_fn *print_exit;
	/*
	 * Optional: nonzero when the exit part shows only after success or
	 * after this error (HDIO_DRIVE_CMD's EIO), SR_IOC_EXIT_OK after
	 * success only: nothing after other errors.
	 */
	int exit_errno;
	/*
	 * Optional: whether the entry copy (@len bytes) is one strace decodes;
	 * if not, the argument prints in hex at exit as an unknown request's
	 * (a device-mapper header whose data_size is too small to hold itself).
	 */
	bool (*valid)(const uint8_t *p, size_t len);
};

#define SR_IOC_EXIT_OK (-1) /* no errno: the exit part after success only */

/* How one field of a struct prints. */
enum sr_iof {
	IOF_D, /* signed decimal */
	IOF_U, /* unsigned decimal */
	IOF_X, /* hex */
	IOF_FLAGS, /* bit set (.aux: struct sr_xlat) */
	IOF_ENUM, /* named value (.aux: struct sr_xlat) */
	IOF_CSTR, /* char array: up to its NUL, "..." when it has none */
	IOF_ADDR, /* a pointer: NULL or the address */
	IOF_STRUCT, /* a nested struct (.aux: struct sr_ioc_fields) */
	IOF_BYTES, /* char array shown whole, as a quoted string */
};

struct sr_ioc_field {
	const char *name;
	uint16_t off;
	uint16_t size;
	uint8_t how; /* enum sr_iof */
	bool verbose; /* shown with -v only; "..." in its place without */
	const void *aux;
};

struct sr_ioc_fields {
	uint16_t size; /* sizeof the struct */
	uint16_t n;
	const struct sr_ioc_field *f;
};

/* A field of struct @st: name, offset and size from the UAPI struct. */
#define IOF(st, m, how, aux)                                               \
	{                                                                  \
#m, offsetof(st, m), sizeof(((st *)0)->m), how, false, aux \
	}
/* A field strace shows only with -v (the first of them prints "..." without). */
#define IOFV(st, m, how, aux)                                             \
	{                                                                 \
#m, offsetof(st, m), sizeof(((st *)0)->m), how, true, aux \
	}
#define SR_IOC_FIELDS(name, st, arr) \
	const struct sr_ioc_fields name = { sizeof(st), sizeof(arr) / sizeof((arr)[0]), arr }

/*
 * A request whose argument points to more memory, which the BPF side copies
 * with it (struct sr_ioc_ref): reference k lands in blob slot
 * SR_IOC_REF_SLOT0 + k, read back with ioc_ref_copy().
 */
struct sr_ioc_refrow {
	uint32_t code;
	struct sr_ioc_ref r[SR_IOC_REFS];
	uint32_t flags; /* SR_IOC_ANYRET, SR_IOC_BY_FIRST */
};

struct sr_ioc_refset {
	const struct sr_ioc_refrow *rows;
	size_t n;
};

#define SR_IOC_REFSET(name, arr) \
	const struct sr_ioc_refset name = { arr, sizeof(arr) / sizeof((arr)[0]) }

/* Pointer field @p of struct @st, @len_field elements of @elem bytes, at most @cap bytes. */
#define IOR_PTR(st, p, len_field, elem, cap)                                                     \
	{                                                                                        \
		offsetof(st, p), offsetof(st, len_field), sizeof(((st *)0)->len_field), 0, elem, \
			cap, 0                                                                   \
	}
/*
 * Pointer field @p of struct @st, @len_field elements of struct @el, each
 * describing a buffer from its field @desc: {u32 length, 4 bytes, u64
 * pointer} (struct sr_ioc_ref.buf_at); each buffer at most @cap bytes.
 */
#define IOR_BUFS(st, p, len_field, el, desc, cap)                                          \
	{                                                                                  \
		offsetof(st, p), offsetof(st, len_field), sizeof(((st *)0)->len_field), 0, \
			sizeof(el), cap, 0, 0, 0, 1 + offsetof(el, desc)                   \
	}
/* Pointer field @p of struct @st to @size bytes. */
#define IOR_PTR_FIXED(st, p, size)                      \
	{                                               \
		offsetof(st, p), 0, 0, 0, size, size, 0 \
	}
/* @size bytes of the argument from byte @off (a struct larger than its first copy). */
#define IOR_PART(off, size)                               \
	{                                                 \
		SR_IOC_REF_SELF, off, 0, 0, size, size, 0 \
	}
/* The argument itself, a header of struct @st whose field @len_field gives the whole size. */
#define IOR_SELF(st, len_field, cap)                                                               \
	{                                                                                          \
		SR_IOC_REF_SELF, offsetof(st, len_field), sizeof(((st *)0)->len_field), 0, 1, cap, \
			0                                                                          \
	}

/*
 * The argument itself, a header of struct @st and its array @arr of as many
 * elements as field @count_field says.
 */
#define IOR_SELF_ELEMS(st, count_field, arr, cap)                                              \
	{                                                                                      \
		SR_IOC_REF_SELF, offsetof(st, count_field), sizeof(((st *)0)->count_field), 0, \
			sizeof(((st *)0)->arr[0]), cap, offsetof(st, arr)                      \
	}

/*
 * Pointer field @p of struct @st to @len_field bytes, or to an array of
 * @count_field struct iovec when that count is not 0 (its buffers copied
 * too, up to @len_field bytes in all).
 */
#define IOR_IOV(st, p, len_field, count_field, cap)                                                \
	{                                                                                          \
		offsetof(st, p), offsetof(st, len_field), sizeof(((st *)0)->len_field), 0, 1, cap, \
			0, offsetof(st, count_field), sizeof(((st *)0)->count_field)               \
	}

/*
 * The blob of reference @k of the call's argument: from the exit record if
 * @at_exit (whatever the call returned: SR_IOC_ANYRET), else from the
 * entry's (or its copy made again at exit); NULL if there is none. An iovec
 * reference's buffers follow it, with the same slot and part.
 */
const struct sr_blob *ioc_ref_blob(const struct sr_call *c, int k, bool at_exit);

/*
 * The copy of reference @k of the call's argument (struct sr_ioc_refrow):
 * from the exit record if @at_exit (after success), else from the entry's;
 * NULL if there is none. *@len gets its length.
 */
const uint8_t *ioc_ref_copy(const struct sr_call *c, int k, bool at_exit, size_t *len);

/* "{name=value, ...}" for the struct at @p (at least @d->size bytes). */
void ioc_print_fields(struct sr_fmt *f, const struct sr_ioc_fields *d, const uint8_t *p);
/* The same fields without the braces, amid others of the struct at @p. */
void ioc_print_field_run(struct sr_fmt *f, const struct sr_ioc_fields *d, const uint8_t *p);
/* One field's value (a field of @p's struct). */
void ioc_print_field(struct sr_fmt *f, const struct sr_ioc_field *fl, const uint8_t *p);
/*
 * A char array of @size bytes as strace's print_quoted_cstring(): up to its
 * NUL, at most @size - 1 bytes, and "..." after it when it has none.
 */
void ioc_print_cstr(struct sr_fmt *f, const char *s, size_t size);
/*
 * Field @name, @n u32 in hex ("rsv=[0, 0xfeedface]"), unless all are 0:
 * strace's reserved and padding arrays.
 */
void ioc_print_rsv(struct sr_fmt *f, const char *name, const uint8_t *p, size_t n);
/* The unsigned value of a field of 1, 2, 4 or 8 bytes. */
uint64_t ioc_field_u(const struct sr_ioc_field *fl, const uint8_t *p);

/* The exit copy of the argument, at least @size bytes, after success; or NULL. */
const uint8_t *ioc_exit_copy(const struct sr_call *c, size_t size, size_t *len);

/* The request, by name (ioctl_code.c): "EVIOCGBIT(EV_KEY, 96)", "TCGETS", or _IOC(). */
void ioc_print_code(struct sr_fmt *f, uint32_t code);

/* The reference tables of the subsystem files. */
extern const struct sr_ioc_refset sr_ioc_refs_blk; /* ioctl_blk.c */
extern const struct sr_ioc_refset sr_ioc_refs_tee; /* ioctl_tee.c */
extern const struct sr_ioc_refset sr_ioc_refs_sock; /* ioctl_sock.c */
extern const struct sr_ioc_refset sr_ioc_refs_dm; /* ioctl_dm.c */
extern const struct sr_ioc_refset sr_ioc_refs_btrfs; /* ioctl_btrfs_out.c */
extern const struct sr_ioc_refset sr_ioc_refs_dev; /* ioctl_dev.c */
extern const struct sr_ioc_refset sr_ioc_refs_scsi; /* ioctl_scsi.c */
extern const struct sr_ioc_refset sr_ioc_refs_hdio; /* ioctl_hdio.c */
extern const struct sr_ioc_refset sr_ioc_refs_v4l2; /* ioctl_v4l2.c */

/* The row tables of the subsystem files. */
extern const struct sr_ioc_rows sr_ioc_rows_dev; /* ioctl_dev.c */
extern const struct sr_ioc_rows sr_ioc_rows_blk; /* ioctl_blk.c */
extern const struct sr_ioc_rows sr_ioc_rows_rtc; /* ioctl_rtc.c */
extern const struct sr_ioc_rows sr_ioc_rows_loop; /* ioctl_loop.c */
extern const struct sr_ioc_rows sr_ioc_rows_evdev; /* ioctl_evdev.c */
extern const struct sr_ioc_rows sr_ioc_rows_hdio; /* ioctl_hdio.c */
extern const struct sr_ioc_rows sr_ioc_rows_gpio; /* ioctl_gpio.c */
extern const struct sr_ioc_rows sr_ioc_rows_ptp; /* ioctl_ptp.c */
extern const struct sr_ioc_rows sr_ioc_rows_uffd; /* ioctl_uffd.c */
extern const struct sr_ioc_rows sr_ioc_rows_seccomp; /* ioctl_seccomp.c */
extern const struct sr_ioc_rows sr_ioc_rows_mtd; /* ioctl_mtd.c */
extern const struct sr_ioc_rows sr_ioc_rows_dm; /* ioctl_dm.c */
extern const struct sr_ioc_rows sr_ioc_rows_perf; /* ioctl_perf.c */
extern const struct sr_ioc_rows sr_ioc_rows_sock; /* ioctl_sock.c */
extern const struct sr_ioc_rows sr_ioc_rows_tee; /* ioctl_tee.c */
extern const struct sr_ioc_rows sr_ioc_rows_btrfs; /* ioctl_btrfs.c */
extern const struct sr_ioc_rows sr_ioc_rows_scsi; /* ioctl_scsi.c */
extern const struct sr_ioc_rows sr_ioc_rows_kvm; /* ioctl_kvm.c */
extern const struct sr_ioc_rows sr_ioc_rows_v4l2; /* ioctl_v4l2.c */
extern const struct sr_ioc_rows sr_ioc_rows_kd; /* ioctl_kd.c */

#endif /* SYSRAY_DECODE_IOCTL_H */
