// SPDX-License-Identifier: GPL-2.0
/*
 * The light skeleton of the bpf_loop() build with sys_exit_fdi (-y): only
 * its load differs from lskel.c's, which handles the rest for both.
 */
#include <errno.h>
#include <stdlib.h>
#include <unistd.h>

#include "capture/lskel.h"
/* the generated header defines more than is used here */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-function"
#include "sysray_fdi.lskel.h"
#pragma GCC diagnostic pop

int lskel_fdi__load(struct sysray_lskel *s)
{
	return sysray_lskel__load(s);
}
