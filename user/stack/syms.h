/* SPDX-License-Identifier: GPL-2.0 */
/*
 * -k: frame names as strace 6.1 (built with libunwind) gives them: the
 * function symbol of the mapped file's own .symtab or .dynsym that starts
 * nearest below the address, whatever its size. One sorted table per file
 * (path), shared by every process that maps it.
 */
#ifndef SYSRAY_STACK_SYMS_H
#define SYSRAY_STACK_SYMS_H

#include <stdint.h>
#include <elfutils/libdwfl.h>

#include "lib/idmap.h"

struct sr_syms {
	struct idmap files; /* hash of the path -> struct sr_symfile */
};

/*
 * The name of the function @pc (an address in @mod) is in, and @pc's
 * offset from its start in *@off; NULL if no function starts below it.
 */
const char *syms__name(struct sr_syms *s, Dwfl_Module *mod, Dwarf_Addr pc, uint64_t *off);

void syms__free(struct sr_syms *s);

#endif /* SYSRAY_STACK_SYMS_H */
