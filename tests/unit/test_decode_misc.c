// SPDX-License-Identifier: GPL-2.0
/*
 * Decoders of the long tail that strace 6.1's own test suite exercises
 * (keyctl.c, ...), against the lines its test programs expect.
 */
#include <errno.h>
#include <string.h>
#include <fcntl.h>
#include <linux/keyctl.h>
#include <linux/module.h>
#include <linux/mount.h>

#include "rec.h"
#include "test.h"

/* add_key's and request_key's keyring: a KEY_SPEC_ name, else a signed int. */
static void key_serials(struct t_state *st)
{
	struct t_sink s;
	uint64_t a[6] = { 0, 0, 0, 0, (uint32_t)KEY_SPEC_THREAD_KEYRING };

	t_sink_open(&s);
	CHECK_STR(
		st, t_line(&s, "add_key", a, NULL, 0, -EFAULT, NULL, 0),
		"add_key(NULL, NULL, NULL, 0, KEY_SPEC_THREAD_KEYRING) = -1 EFAULT (Bad address)");
	/* garbage in the upper half: the kernel reads an int */
	a[4] = 0xbadc0ded00000000ULL | (uint32_t)KEY_SPEC_REQUESTOR_KEYRING;
	CHECK_STR(st, t_line(&s, "add_key", a, NULL, 0, -EFAULT, NULL, 0),
		  "add_key(NULL, NULL, NULL, 0, KEY_SPEC_REQUESTOR_KEYRING) = -1 EFAULT (Bad "
		  "address)");
	a[3] = (uint32_t)-1234567890;
	CHECK_STR(st, t_line(&s, "request_key", a, NULL, 0, -EFAULT, NULL, 0),
		  "request_key(NULL, NULL, NULL, -1234567890) = -1 EFAULT (Bad address)");
	a[3] = 0;
	CHECK_STR(st, t_line(&s, "request_key", a, NULL, 0, -EFAULT, NULL, 0),
		  "request_key(NULL, NULL, NULL, 0)  = -1 EFAULT (Bad address)");
	t_sink_close(&s);
}

/* The mount API's and finit_module's flags: named, 32 bits, unknown bits in hex. */
static void mount_api_flags(struct t_state *st)
{
	struct t_sink s;
	uint64_t a[6] = { (uint32_t)AT_FDCWD, 0xdefaced00000000ULL, 0xdefaced00000000ULL };

	t_sink_open(&s);
	/* a plain fd argument of -100 is a number; only a dirfd is AT_FDCWD */
	CHECK_STR(st, t_line(&s, "fsmount", a, NULL, 0, -EBADF, NULL, 0),
		  "fsmount(-100, 0, 0)               = -1 EBADF (Bad file descriptor)");
	a[0] = (uint32_t)-1;
	a[1] = 0xfffffffe;
	a[2] = 0xffffff40 | MOUNT_ATTR_RDONLY | MOUNT_ATTR_NODIRATIME;
	CHECK_STR(st, t_line(&s, "fsmount", a, NULL, 0, -EBADF, NULL, 0),
		  "fsmount(-1, 0xfffffffe /* FSMOUNT_??? */, "
		  "MOUNT_ATTR_RDONLY|MOUNT_ATTR_NODIRATIME|0xffffff40) = -1 EBADF (Bad file "
		  "descriptor)");
	a[1] = FSMOUNT_CLOEXEC;
	a[2] = 0x40;
	CHECK_STR(st, t_line(&s, "fsmount", a, NULL, 0, -EBADF, NULL, 0),
		  "fsmount(-1, FSMOUNT_CLOEXEC, 0x40 /* MOUNT_ATTR_??? */) = -1 EBADF (Bad file "
		  "descriptor)");
	a[0] = 0;
	a[1] = 0xdefaced00000000ULL | FSOPEN_CLOEXEC | 0xfffffffe;
	CHECK_STR(st, t_line(&s, "fsopen", a, NULL, 0, -EINVAL, NULL, 0),
		  "fsopen(NULL, FSOPEN_CLOEXEC|0xfffffffe) = -1 EINVAL (Invalid argument)");
	a[0] = (uint32_t)-1;
	a[1] = 0;
	a[2] = FSPICK_CLOEXEC | FSPICK_EMPTY_PATH | 0xfffffff0;
	CHECK_STR(st, t_line(&s, "fspick", a, NULL, 0, -EFAULT, NULL, 0),
		  "fspick(-1, NULL, FSPICK_CLOEXEC|FSPICK_EMPTY_PATH|0xfffffff0) = -1 EFAULT (Bad "
		  "address)");
	a[2] = OPEN_TREE_CLONE | OPEN_TREE_CLOEXEC | AT_RECURSIVE;
	CHECK_STR(st, t_line(&s, "open_tree", a, NULL, 0, -EFAULT, NULL, 0),
		  "open_tree(-1, NULL, OPEN_TREE_CLONE|OPEN_TREE_CLOEXEC|AT_RECURSIVE) = -1 EFAULT "
		  "(Bad address)");
	a[2] = (uint32_t)-1;
	a[4] = MOVE_MOUNT_F_EMPTY_PATH | MOVE_MOUNT_SET_GROUP;
	CHECK_STR(
		st, t_line(&s, "move_mount", a, NULL, 0, -EFAULT, NULL, 0),
		"move_mount(-1, NULL, -1, NULL, MOVE_MOUNT_F_EMPTY_PATH|MOVE_MOUNT_SET_GROUP) = -1 "
		"EFAULT (Bad address)");
	a[0] = 0;
	a[2] = 0xdec0ded0 | MODULE_INIT_IGNORE_MODVERSIONS;
	CHECK_STR(st, t_line(&s, "finit_module", a, NULL, 0, -ENOSYS, NULL, 0),
		  "finit_module(0, NULL, MODULE_INIT_IGNORE_MODVERSIONS|0xdec0ded0) = -1 ENOSYS "
		  "(Function not implemented)");
	a[2] = 0xdefaced0;
	CHECK_STR(st, t_line(&s, "finit_module", a, NULL, 0, -ENOSYS, NULL, 0),
		  "finit_module(0, NULL, 0xdefaced0 /* MODULE_INIT_??? */) = -1 ENOSYS (Function "
		  "not implemented)");
	t_sink_close(&s);
}

T_SUITE(decode_misc_tests) = {
	T_CASE(key_serials),
	T_CASE(mount_api_flags),
	T_END,
};
