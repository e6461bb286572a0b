/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sysray --check: what this host offers and lacks for tracing (BTF, ring
 * buffer, tp_btf, bpf_loop, cgroup v2, capabilities, pid namespace,
 * libbpf), one line per item, each missing piece with what to do about it.
 */
#ifndef SYSRAY_PROBE_H
#define SYSRAY_PROBE_H

#include <stdio.h>

/**
 * probe__report() - print the host's report on @f. Returns 0 when sysray
 * can trace here, 1 when something it needs is missing.
 */
int probe__report(FILE *f);

#endif /* SYSRAY_PROBE_H */
