/* SPDX-License-Identifier: GPL-2.0 */
/* File modes and device numbers, shared by stat.c and mknod.c (defined in mknod.c). */
#ifndef SYSRAY_DECODE_FILEMODE_H
#define SYSRAY_DECODE_FILEMODE_H

#include <stdbool.h>
#include <stdint.h>

struct sr_fmt;

/* st_mode and friends: "S_IFREG|S_ISUID|0755"; an unknown type prints numerically. */
void fmt_file_mode(struct sr_fmt *f, uint32_t mode);
/* A dev_t as glibc's major() and minor() split it: "makedev(0x1, 0x3)". */
void fmt_dev(struct sr_fmt *f, uint64_t dev);
/* Is @mode a character or block device's? */
bool mode_is_device(uint32_t mode);

#endif /* SYSRAY_DECODE_FILEMODE_H */
