// SPDX-License-Identifier: GPL-2.0
/*
 * -k: a call chain of known functions, built without frame pointers but
 * with DWARF CFI (see the Makefile), ending in a failing openat, then an
 * exit right away: its stack must be unwound from the copy the kernel took,
 * with maps the process no longer has when sysray prints.
 */
#include "common.h"

#define MISSING "/nonexistent/sysray-stack-cfi"

/* volatile: the compiler may not fold the chain into one function */
static volatile int depth_seen;

__attribute__((noinline)) int stack_cfi_inner(int flags)
{
	long r = syscall(SYS_openat, AT_FDCWD, MISSING, flags);

	depth_seen++;
	return (int)r;
}

__attribute__((noinline)) int stack_cfi_middle(int flags)
{
	int r = stack_cfi_inner(flags | O_CLOEXEC);

	depth_seen++;
	return r;
}

__attribute__((noinline)) int stack_cfi_outer(void)
{
	int r = stack_cfi_middle(O_RDONLY);

	depth_seen++;
	return r;
}

int main(void)
{
	ERR(stack_cfi_outer(), ENOENT);
	return depth_seen == 3 ? 0 : 1;
}
