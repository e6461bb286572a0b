/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Capture plans: what the BPF side copies for each syscall, and whether it
 * sends it at all, made from the syscall table and the options. The loader
 * writes them into the plans map as they are (BPF never parses the table).
 */
#ifndef SYSRAY_PLAN_H
#define SYSRAY_PLAN_H

#include <stdbool.h>
#include <stdint.h>

#include "sysray/abi.h"

struct sr_sysent;
struct sr_opts;

/* Plans by key of the plans map (SR_PLAN_KEY, SR_PLAN_KEY32 in sysray/abi.h). */
struct sr_plans {
	struct sr_plan plan[SR_PLAN_COUNT];
	uint32_t status; /* SR_STATUS_* the kernel filters on (-z, -Z), or 0 */
	/* ioctl requests whose argument points to more memory (the ioc_refs map) */
	uint32_t ioc_ref_codes[SR_IOC_REFS_MAX];
	struct sr_ioc_refs ioc_refs[SR_IOC_REFS_MAX];
	uint32_t n_ioc_refs;
};

/**
 * plan__syscall() - fill @plan, what the BPF side captures for @e, from its
 * argument types, its flags and the options (-s, -v, -y). Does not set
 * SR_PLAN_TRACED, SR_PLAN_TRACK or SR_PLAN_COMPAT.
 */
void plan__syscall(const struct sr_sysent *e, const struct sr_opts *o, struct sr_plan *plan);

/**
 * plan__build() - every plan of the map for options @o: -e trace= (traced),
 * -e raw= (undecoded), the calls the fd tables replay whatever -e says
 * (SR_PLAN_TRACK with -y or --absolute-paths), and the kernel's -z/-Z mask.
 */
void plan__build(const struct sr_opts *o, struct sr_plans *out);

/**
 * plan__kernel_status() - the SR_STATUS_* mask the kernel can apply for
 * these options (-z, -Z: whole calls sent at exit), or 0 when the outcome
 * filter, if any, must run in user space.
 */
uint32_t plan__kernel_status(const struct sr_opts *o);

#endif /* SYSRAY_PLAN_H */
