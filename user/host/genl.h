/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Generic netlink families of this host, asked of the kernel's controller
 * (NETLINK_GENERIC, "nlctrl") when a message of one prints: the ids are
 * given out at run time, as interface indexes are.
 */
#ifndef SYSRAY_HOST_GENL_H
#define SYSRAY_HOST_GENL_H

#include <stddef.h>
#include <stdint.h>

/**
 * genl__family_name() - the name of generic netlink family @id ("nlctrl")
 * into @buf of @size bytes: 0, or -errno (-ENOENT: no such family).
 */
int genl__family_name(uint16_t id, char *buf, size_t size);

#endif /* SYSRAY_HOST_GENL_H */
