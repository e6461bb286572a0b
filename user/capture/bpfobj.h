/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The BPF programs, loaded one of two ways (see bpf/sysray.bpf.c for the
 * builds):
 *
 * - Kernels with bpf_loop() (5.17+): a light skeleton. libbpf, at build
 *   time, turned the object into a loader program; the kernel runs it,
 *   resolving CO-RE relocations and attach points against the BTF it has in
 *   memory. No BTF is read or parsed here, which is most of what libbpf
 *   costs at start-up (~5 MB read 4 KiB at a time, and a scan of every
 *   kernel type for each type the programs use).
 * - Older kernels, or if that fails: libbpf's skeleton of the build without
 *   bpf_loop().
 *
 * Either way the loader sees maps as fds and the knobs and counters through
 * the same structs (the build checks that the skeletons agree).
 */
#ifndef SYSRAY_BPFOBJ_H
#define SYSRAY_BPFOBJ_H

#include <stdbool.h>

struct sysray_bpf;
struct sysray_lskel;

/* The maps the loader uses, and those the io_uring object shares (capture/uring.h). */
struct sr_bpf_fds {
	int rbs; /* the per-CPU rings' array */
	int rb_start; /* the start-up ring */
	int plans, ioc_refs, traced, dead, cgroups, stats;
	int cgcache, scratch, tcache, retry, bss;
	int counts, count_nrs; /* -c: what the kernel counted (--summary-by, or by number) */
	int uring_ops; /* each io_uring opcode's twin (capture/uring.c) */
	int uring_reg_next; /* the io_uring_register program's tail call (itself) */
	int uring_submit_next; /* io_uring_req_failed's tail call (the submission's program) */
};

struct sr_bpfobj {
	struct sysray_lskel *lskel; /* the light skeleton, or */
	struct sysray_bpf *skel; /* libbpf's skeleton */
	bool fdi; /* sys_exit_fdi in place of sys_exit (-y) */
	bool peer; /* --follow-peer: the TCP connect tracepoint too */
	bool debug; /* -d: keep the verifier's statistics */
	bool uring; /* libbpf's skeleton: load the io_uring programs (a light one always does) */
	/*
	 * -c: the sizes of the count maps (the hash of --summary-by, the array
	 * by syscall number); -c and entry times: of libbpf's task slots map
	 * (the light skeleton's is task storage, unsized); 0: as built
	 */
	unsigned int count_entries, count_slots, task_slots;
	/*
	 * The processes followed at once (the traced and dead maps: 1 for the
	 * whole host, which uses neither); io_uring's requests in flight and
	 * its queues by user_data (1 where unused); 0: as built. A hash map's
	 * buckets are made at its creation whatever it comes to hold: ~2 ms
	 * for 65536 keys here.
	 */
	unsigned int traced_entries, uring_reqs, uring_fifos;
	struct sysray_bpf__rodata *rodata; /* the knobs: set them before bpfobj__load() */
	struct sysray_bpf__bss *bss; /* after bpfobj__load() */
	struct sr_bpf_fds fd; /* after bpfobj__load() */
	/* the io_uring programs (submission, failure, completion, register), attached by name */
	int uring_progs[4];
	char *vlogs; /* -d, libbpf's skeleton: each program's verifier statistics */
	const char *failed; /* why the light skeleton was not used, if it was not */
	bool light_failed; /* bpfobj__load() tried it: bpfobj__fall_back() next */
	void *knobs; /* a copy of the knobs, kept for bpfobj__fall_back() */
};

/**
 * bpfobj__open() - prepare the light skeleton if @light, else libbpf's;
 * @fdi: the programs -y needs; @peer: the one --follow-peer needs (a light
 * skeleton loads it anyway, small as it is, but attaches it only then);
 * @uring: the io_uring programs (a light skeleton loads them anyway: with
 * targ_uring 0 they return at once; capture/uring.c attaches them).
 * Return 0 or -errno.
 */
int bpfobj__open(struct sr_bpfobj *b, bool light, bool fdi, bool peer, bool uring, bool debug);

/**
 * bpfobj__load() - load, with @ncpus slots in the rings' array (b->fd.rbs,
 * empty) and a start-up ring of @start_size bytes. Return 0 or -errno; if
 * the light skeleton failed, b->light_failed is set and bpfobj__fall_back()
 * loads libbpf's skeleton instead.
 *
 * A light skeleton that fails half-way (a signal interrupts the verifier:
 * -EAGAIN) may close fd numbers twice as its loader program cleans up: any
 * fd another thread opened meanwhile can be gone or be another file. The
 * caller remakes whatever it opened during the load before falling back.
 */
int bpfobj__load(struct sr_bpfobj *b, int ncpus, unsigned int start_size);
int bpfobj__fall_back(struct sr_bpfobj *b, int ncpus, unsigned int start_size);

int bpfobj__attach(struct sr_bpfobj *b);
void bpfobj__detach(struct sr_bpfobj *b);

/** bpfobj__report() - -d: what the verifier did, where it is known. */
void bpfobj__report(const struct sr_bpfobj *b);

/** bpfobj__free() - NULL-safe; detaches. */
void bpfobj__free(struct sr_bpfobj *b);

#endif /* SYSRAY_BPFOBJ_H */
