/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Errno names and texts, as strace prints them after a failed call: the
 * UAPI errnos (<linux/errno.h>) and the kernel-internal codes a tracer sees
 * in return values (user/table/xlat/kernel_errnos.txt).
 */
#ifndef SYSRAY_ERRNO_H
#define SYSRAY_ERRNO_H

#include <stdbool.h>

/*
 * SR_ERESTARTSYS (512), SR_ERESTARTNOINTR, SR_ERESTARTNOHAND,
 * SR_ERESTART_RESTARTBLOCK (516) and the other kernel-internal codes: the
 * values of the kernel's include/linux/errno.h (not part of the UAPI),
 * generated from kernel_errnos.txt by scripts/gen-errnos.sh.
 */
#include "kernel_errnos.h"

/** errno__name() - "ENOENT" for 2; NULL for a value with no name. */
const char *errno__name(int err);

/**
 * errno__text() - strace's text for @err: "No such file or directory". The
 * text stays valid whatever is looked up next (for 1..4095).
 */
const char *errno__text(int err);

/**
 * errno__is_restart() - is @err a restart code (a signal interrupted the
 * call, which the kernel restarts or fails with EINTR)? strace prints "?"
 * for them.
 */
bool errno__is_restart(int err);

#endif /* SYSRAY_ERRNO_H */
