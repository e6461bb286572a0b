/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The light skeletons of the bpf_loop() build: one whose sys_exit is the
 * plain one, one with sys_exit_fdi (-y). Both define struct sysray_lskel
 * alike (checked at build time), so each lives in a file of its own
 * (lskel.c, lskel_fdi.c) and the rest of the loader sees only this.
 */
#ifndef SYSRAY_LSKEL_H
#define SYSRAY_LSKEL_H

#include <stdbool.h>

struct sysray_lskel;
struct sysray_bpf__rodata;
struct sysray_bpf__bss;
struct sr_bpf_fds;
struct sr_bpfobj;

/** lskel__open() - NULL and errno on failure. */
struct sysray_lskel *lskel__open(bool fdi);

/** lskel__rodata() - the knobs, to set before lskel__load() (libbpf's struct: alike). */
struct sysray_bpf__rodata *lskel__rodata(struct sysray_lskel *s);

/**
 * lskel__load() - the kernel loads the programs (-y's build if @b->fdi) and
 * makes the maps, the rings' array with @ncpus slots, the start-up ring of
 * @start_size bytes, the maps @b sizes (bpfobj.h; 0: as built),
 * --follow-peer's maps full-sized only if @b->peer. Return 0 or -errno.
 */
int lskel__load(struct sysray_lskel *s, const struct sr_bpfobj *b, int ncpus,
		unsigned int start_size);

/** lskel__set_log() - the verifier's log of the next load into @buf (-d, after a failure). */
void lskel__set_log(struct sysray_lskel *s, char *buf, unsigned int size);

/* lskel_fdi.c: the load of the build with sys_exit_fdi. */
int lskel_fdi__load(struct sysray_lskel *s);

/** lskel__bss() - the counters the programs share with us, after load. */
struct sysray_bpf__bss *lskel__bss(struct sysray_lskel *s);

/** lskel__fds() - the maps the loader uses and the io_uring programs, after load. */
void lskel__fds(struct sysray_lskel *s, struct sr_bpf_fds *fd, int *uring_progs);

/**
 * lskel__attach() - attach every loaded program, but --follow-peer's TCP
 * connect tracepoint only if @peer, and not the io_uring ones (raw
 * tracepoints, attached by name by capture/uring.c). Return 0 or -errno.
 */
int lskel__attach(struct sysray_lskel *s, bool peer);
void lskel__detach(struct sysray_lskel *s);

/** lskel__free() - NULL-safe. */
void lskel__free(struct sysray_lskel *s);

#endif /* SYSRAY_LSKEL_H */
