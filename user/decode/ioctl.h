/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ioctl argument structs decoded by subsystem (ioctl_dev.c): each printer
 * gets the copy of the argument, at least its struct's size, and prints it.
 */
#ifndef SYSRAY_DECODE_IOCTL_H
#define SYSRAY_DECODE_IOCTL_H

#include "decode/decode.h"

typedef void sr_ioc_print_fn(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
			     size_t len);

/* One request whose argument is a struct. */
struct sr_ioc_struct {
	uint32_t code;
	bool at_exit; /* an output: shown at exit, the address if the call failed */
	uint16_t size; /* the struct's size: a shorter copy prints the address */
	sr_ioc_print_fn *print;
};

/* The requests of ioctl_dev.c, and how many. */
extern const struct sr_ioc_struct sr_ioc_structs[];
extern const size_t sr_ioc_structs_n;

#endif /* SYSRAY_DECODE_IOCTL_H */
