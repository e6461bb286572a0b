/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Time printers shared by the decoders of time.c and file.c (stat's and
 * statx's timestamps, utime's times). Defined in time.c.
 */
#ifndef SYSRAY_DECODE_TIMEFMT_H
#define SYSRAY_DECODE_TIMEFMT_H

#include <stdint.h>

struct sr_fmt;

/*
 * fmt_time_comment() - " /\* 2001-09-09T01:46:40.000000500+0000 *\/" in local
 * time, as strace's sprinttime*() comments: @width fraction digits (0, 6 for
 * microseconds, 9 for nanoseconds), no fraction when @part is 0, nothing at
 * all for the epoch or an out-of-range @part.
 */
void fmt_time_comment(struct sr_fmt *f, int64_t sec, uint64_t part, int width);

/* fmt_time_comment(), left out under -X raw (the PTP clock's times, as strace does). */
void fmt_time_note(struct sr_fmt *f, int64_t sec, uint64_t part, int width);

/* "{tv_sec=S, tv_nsec=N}": the seconds signed, the fraction unsigned. */
void fmt_sec_nsec(struct sr_fmt *f, int64_t sec, uint64_t nsec);

#endif /* SYSRAY_DECODE_TIMEFMT_H */
