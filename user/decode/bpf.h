/* SPDX-License-Identifier: GPL-2.0 */
/*
 * bpf(2)'s union bpf_attr, by command, as tables of the fields strace 6.1
 * prints (bpf_cmds.c), walked by bpf.c. A field that points to memory
 * strace reads (a license, a path, a log, an array) names the spare plan
 * slot its memory is captured in (SR_HOW_DEREF: the pointer in the
 * attributes, then the bytes there), which the command's row of
 * commands.def gets from bpf_attr's plan_more().
 */
#ifndef SYSRAY_DECODE_BPF_H
#define SYSRAY_DECODE_BPF_H

#include <stddef.h>
#include <stdint.h>
#include <linux/bpf.h>

#include "decode/decode.h"

#define BA_OFF(m) offsetof(union bpf_attr, m)
#define BA_END(m) (BA_OFF(m) + sizeof(((union bpf_attr *)0)->m))

/* How a field prints. */
enum bpf_fk {
	BF_U32, /* decimal */
	BF_U64,
	BF_X, /* hex */
	BF_FD, /* an fd, annotated under -y */
	BF_TGID, /* a process id */
	BF_ADDR, /* a u64 user address: NULL or hex */
	BF_XVAL, /* a u32 by name (xlat) */
	BF_FLAGS, /* u32 flags (xlat) */
	BF_FLAGS64,
	BF_CSTR, /* a char array: up to its NUL, or "..." */
	BF_IFINDEX,
	BF_NUMA, /* numa_node: a number and, for -1, its name */
	BF_KVER, /* KERNEL_VERSION(a, b, c) */
	BF_DEV, /* a u64 device number: makedev(major, minor) */
	/* a u32 the kernel writes back: "0 => 5" when it changed; the fields after it as at exit */
	BF_ID_INOUT,
	BF_NEST, /* a named struct of the union ("link_update={...}"): the fields up to BF_END */
	BF_END,
	/* Pointers whose memory is captured in plan slot @slot (SR_HOW_DEREF). */
	BF_STR, /* a string: -s bytes, at most @lim when not 0, or the u32 at @len_off */
	BF_STR_OUT, /* BF_STR the kernel writes: read at exit */
	BF_PATH, /* a path */
	BF_STRN, /* the u32 at @len_off bytes */
	BF_INSNS, /* eBPF instructions, the u32 at @len_off of them: under -v only */
	BF_U32S, /* a u32 array, the u32 at @len_off of them, read at exit (not after a failure) */
	BF_X64S, /* a u64 array in hex, the u32 at @len_off of them */
	BF_ITER, /* union bpf_iter_link_info[the u32 at @len_off] (its map_fd) */
	/* the object's info the kernel writes, the u32 at @len_off bytes: under -v, a map's */
	BF_INFO,
};

/* No length field. */
#define BF_NOLEN 0xffff

struct bpf_field {
	const char *name;
	uint16_t off;
	uint16_t size; /* BF_CSTR: the array's */
	uint8_t kind; /* enum bpf_fk */
	bool group; /* shown only when the size given reaches it */
	const struct sr_xlat *x;
	/* shown only when the u32 at cond_off has one of the cond_bits set (0: always) */
	uint16_t cond_off;
	uint32_t cond_bits;
	uint8_t slot; /* the pointers': the plan slot of the memory */
	uint16_t len_off; /* the pointers': their length's field, or BF_NOLEN */
	uint16_t lim; /* BF_STR: at most this many bytes (0: -s) */
};

struct bpf_cmd_desc {
	uint32_t cmd;
	uint16_t size; /* what strace knows of the command's struct: the rest is extra */
	const struct bpf_field *f;
	size_t n;
	/*
	 * Printed after the fields (LINK_CREATE's union by attach type): returns
	 * how much of the struct strace knows then (the rest is extra).
	 */
	uint32_t (*print)(struct sr_fmt *f, const struct sr_call *c, const uint8_t *a,
			  uint32_t len);
};

/* The plan slots past bpf's three arguments. */
#define BPF_SLOT0 3
#define BPF_SLOTS 3

/* struct bpf_map_info as strace knows it (bpf_cmds.c): its fields from offset 0. */
extern const struct bpf_cmd_desc bpf_map_info_desc;

/* The command's description (bpf_cmds.c), or NULL: strace prints the address. */
const struct bpf_cmd_desc *bpf_cmd_desc(uint32_t cmd);

/* One field of @a (the first @len bytes given); @out: as the kernel left them (or NULL). */
void bpf_field_print(struct sr_fmt *f, const struct sr_call *c, const uint8_t *a,
		     const uint8_t *out, const struct bpf_field *fl, uint32_t len);

/* The blob captured in plan slot @slot (entry, or @at_exit), or NULL. */
const struct sr_blob *bpf_ref_blob(const struct sr_call *c, int slot, bool at_exit);

/* LINK_CREATE's attributes (bpf_link.c): the union part by attach type. */
uint32_t bpf_link_create_print(struct sr_fmt *f, const struct sr_call *c, const uint8_t *a,
			       uint32_t len);

#endif /* SYSRAY_DECODE_BPF_H */
