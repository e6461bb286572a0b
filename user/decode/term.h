/* SPDX-License-Identifier: GPL-2.0 */
/* Inside user/decode/: the terminal structs of term.c, for ioctl.c. */
#ifndef SYSRAY_DECODE_TERM_H
#define SYSRAY_DECODE_TERM_H

#include <stdbool.h>

struct sr_fmt;

/* Bytes of the kernel's struct termios, termios2, termio and winsize (term.c asserts them). */
#define SR_TERMIOS_SIZE	 36
#define SR_TERMIOS2_SIZE 44
#define SR_TERMIO_SIZE	 18
#define SR_WINSIZE_SIZE	 8

/* struct termios at @data (SR_TERMIOS_SIZE bytes), or termios2 with @two. */
void term_print_termios(struct sr_fmt *f, const void *data, bool two);
/* struct termio at @data (SR_TERMIO_SIZE bytes). */
void term_print_termio(struct sr_fmt *f, const void *data);
/* struct winsize at @data (SR_WINSIZE_SIZE bytes). */
void term_print_winsize(struct sr_fmt *f, const void *data);

#endif /* SYSRAY_DECODE_TERM_H */
