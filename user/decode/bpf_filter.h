/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Classic BPF programs (struct sock_fprog), as socket filters
 * (SO_ATTACH_FILTER, SO_GET_FILTER) and seccomp filters (seccomp(2),
 * prctl(PR_SET_SECCOMP)) hand them to the kernel: bpf_filter.c.
 */
#ifndef SYSRAY_DECODE_BPF_FILTER_H
#define SYSRAY_DECODE_BPF_FILTER_H

#include "decode/decode.h"

/* Who loads the program: what its constants mean (strace's k printers). */
enum sr_fprog_kind {
	SR_FPROG_SOCK, /* packet offsets past SKF_LL_OFF, SKF_NET_OFF, SKF_AD_OFF */
	SR_FPROG_SECCOMP, /* return values: SECCOMP_RET_* actions */
};

/**
 * plan_bpf_fprog() - under -v, capture in spare plan slot @slot the
 * instructions of the struct sock_fprog that argument @argi points to
 * (SR_HOW_INDIRECT, SR_LEN_FPROG); without -v strace shows their address
 * only, and nothing is read.
 */
void plan_bpf_fprog(const struct sr_sysent *ent, const struct sr_opts *o, struct sr_plan *p,
		    int slot, int argi);

/**
 * bpf_fprog_insns() - the instructions plan_bpf_fprog() captured in @slot
 * (the blob after the struct's own), or NULL.
 */
const struct sr_blob *bpf_fprog_insns(const struct sr_call *c, int slot);

/**
 * fmt_bpf_insns() - @len instructions at @addr from blob @b (NULL: not
 * captured), as strace's print_bpf_fprog(): their address without -v, else
 * "[BPF_STMT(BPF_LD|BPF_W|BPF_ABS, 0x4), BPF_JUMP(...), ...]", with "..."
 * past what was captured and "... /\* 0xADDR *\/" where memory ends.
 */
void fmt_bpf_insns(struct sr_fmt *f, const struct sr_blob *b, uint64_t addr, uint32_t len,
		   enum sr_fprog_kind kind);

/**
 * fmt_bpf_insns_at() - fmt_bpf_insns() from @n bytes at @data (NULL: not
 * captured; @part: the memory after them could not be read): a program
 * inside another buffer (a netlink attribute's).
 */
void fmt_bpf_insns_at(struct sr_fmt *f, const void *data, size_t n, bool part, uint64_t addr,
		      uint32_t len, enum sr_fprog_kind kind);

/**
 * fmt_bpf_fprog() - the struct sock_fprog at @addr, whose bytes are at @hdr
 * (NULL: unreadable, the address is printed): "{len=3, filter=[...]}", its
 * instructions from blob @insns (bpf_fprog_insns()).
 */
void fmt_bpf_fprog(struct sr_fmt *f, const void *hdr, uint64_t addr, const struct sr_blob *insns,
		   enum sr_fprog_kind kind);

/** fmt_ebpf_code() - an eBPF instruction's code: "BPF_JMP|BPF_K|BPF_EXIT". */
void fmt_ebpf_code(struct sr_fmt *f, uint8_t code);

#endif /* SYSRAY_DECODE_BPF_FILTER_H */
