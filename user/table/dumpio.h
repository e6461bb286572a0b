/* SPDX-License-Identifier: GPL-2.0 */
/*
 * -e read=SET, -e write=SET: which syscalls move data through an fd, and
 * where that data is. Derived from the table's argument types: an fd first,
 * then the data as a buffer or an iovec array (read, write, pread64,
 * pwrite64, readv, writev, preadv*, pwritev*, sendto, recvfrom,
 * mq_timedsend, mq_timedreceive, vmsplice), or a struct msghdr (sendmsg,
 * recvmsg), or struct mmsghdr arrays (sendmmsg, recvmmsg): strace's
 * dumpio() list.
 */
#ifndef SYSRAY_TABLE_DUMPIO_H
#define SYSRAY_TABLE_DUMPIO_H

#include <stdbool.h>

struct sr_sysent;
struct sr_opts;
struct sr_plan;

enum sr_dumpio {
	SR_DUMP_NONE,
	SR_DUMP_WRITE, /* data written: args[1], its length args[len], whatever the outcome */
	SR_DUMP_READ, /* data read: args[1], as much as the call returned */
};

/* Where a dumped call's data is, at args[1]. */
enum sr_dumpform {
	SR_DUMPF_BUF, /* one buffer */
	SR_DUMPF_IOV, /* an iovec array */
	SR_DUMPF_MSG, /* the iovec array of a struct msghdr */
	SR_DUMPF_MMSG, /* the iovec arrays of a struct mmsghdr array (captured at exit) */
};

/**
 * syscalls__dumpio() - does @e read or write data through its fd argument
 * 0? *@form: where the data is.
 */
enum sr_dumpio syscalls__dumpio(const struct sr_sysent *e, enum sr_dumpform *form);

/**
 * syscalls__plan_dumpio() - with -e read= or -e write=, capture the data of
 * @e's dumped calls up to the largest blob (SR_BLOB_MAX), not -s bytes.
 */
void syscalls__plan_dumpio(const struct sr_sysent *e, const struct sr_opts *o, struct sr_plan *p);

#endif /* SYSRAY_TABLE_DUMPIO_H */
