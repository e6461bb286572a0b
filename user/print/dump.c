// SPDX-License-Identifier: GPL-2.0
/* strace's dumpio(): hex dumps of the data read or written on chosen fds. */
#include "cli/filter.h"
#include "cli/opts.h"
#include "call/call.h"
#include "decode/net.h"
#include "print/dump.h"
#include "print/out.h"
#include "table/dumpio.h"
#include "table/syscalls.h"

#define DUMP_WIDTH    16 /* bytes per line */
#define DUMP_GROUP    8 /* bytes per group of hex */
#define DUMP_OFFS_MIN 5 /* hex digits of the offset, at least */
#define DUMP_MSG_IOV  64 /* a message's buffers dumped, at most (as many as captured) */

/* Hex digits of the offsets of a @total-byte dump: 5, or as many as total - 1 needs. */
static int offset_digits(uint64_t total)
{
	int digits = 1;
	uint64_t v;

	if (total <= (1ULL << (DUMP_OFFS_MIN * 4)))
		return DUMP_OFFS_MIN;
	for (v = total - 1; v >= 16; v >>= 4)
		digits++;
	return digits;
}

void dump__hex(struct sr_out *o, const void *data, size_t n, uint64_t total)
{
	static const char hexd[] = "0123456789abcdef";
	const unsigned char *s = data;
	int digits = offset_digits(total);
	size_t at, i;

	for (at = 0; at < n; at += DUMP_WIDTH) {
		char line[DUMP_WIDTH * 4 + 8], *p = line;

		for (i = 0; i < DUMP_WIDTH; i++) {
			if (at + i < n) {
				*p++ = hexd[s[at + i] >> 4];
				*p++ = hexd[s[at + i] & 15];
			} else {
				*p++ = ' ';
				*p++ = ' ';
			}
			*p++ = ' ';
			if ((i + 1) % DUMP_GROUP == 0)
				*p++ = ' ';
		}
		for (i = 0; i < DUMP_WIDTH; i++) {
			unsigned char c = at + i < n ? s[at + i] : ' ';

			*p++ = at + i < n && (c < ' ' || c >= 0x7f) ? '.' : (char)c;
		}
		out__printf(o, " | %0*llx  ", digits, (unsigned long long)at);
		out__write(o, line, p - line);
		out__puts(o, " |");
		out__newline(o);
	}
}

/*
 * Dump @want bytes at user address @addr, of which @b holds the first ones
 * (more when the buffer went on past its record: call__blob_bytes()); say
 * what the capture missed. strace fetches a dump SR_MORE_STEP bytes at a
 * time: one that cannot be read ends it, with a notice unless it was the
 * first.
 */
static void dump_blob(struct sr_out *o, const struct sr_call *c, const struct sr_blob *b,
		      uint64_t want, uint64_t addr)
{
	const uint8_t *data;
	uint64_t have, upto;

	if (!want || !blob_ok(b))
		return;
	data = call__blob_bytes(c, b, &have);
	if (have > want)
		have = want;
	/* the bytes after have are unreadable: strace's fetch of them fails */
	if (b->flags & SR_BF_PART) {
		upto = have / SR_MORE_STEP * SR_MORE_STEP;
		if (!upto || !addr)
			return;
		dump__hex(o, data, upto, want);
		have = want - upto < SR_MORE_STEP ? want - upto : SR_MORE_STEP;
		out__printf(o, " | <Cannot fetch %llu byte%s from pid %u @%#llx>",
			    (unsigned long long)have, have == 1 ? "" : "s", c->tid,
			    (unsigned long long)(addr + upto));
		out__newline(o);
		return;
	}
	dump__hex(o, data, have, want);
	if (have < want) {
		out__printf(o, " | sysray: %llu more bytes not captured (at most %u per buffer)",
			    (unsigned long long)(want - have), SR_MORE_MAX);
		out__newline(o);
	}
}

/*
 * An iovec argument: the array, then one blob per buffer as the kernel side
 * laid them out; each buffer's dump after strace's " * N bytes in buffer I".
 */
static void dump_iov(struct sr_out *o, const struct sr_call *c, bool at_exit, uint64_t left)
{
	const struct sr_blob *arr = call__blob(c, 1, at_exit), *b;
	const uint8_t *end;
	const uint64_t *v;
	size_t n, count;

	/* strace reads the whole array first: one that runs into an unreadable page dumps nothing */
	if (!blob_ok(arr) || (arr->flags & SR_BF_PART))
		return;
	end = call__blob_end(c, arr);
	v = blob_data(arr);
	count = arr->len / 16;
	b = arr;
	for (n = 0; n < count && left; n++) {
		uint64_t len = v[2 * n + 1] < left ? v[2 * n + 1] : left;

		if (!len)
			break;
		left -= len;
		out__printf(o, " * %llu bytes in buffer %zu", (unsigned long long)len, n);
		out__newline(o);
		b = blob_next(b, end);
		if (!b || SR_BLOB_ARG(b) != 1)
			break;
		dump_blob(o, c, b, len, v[2 * n]);
	}
}

/* A message's iovec buffers (sendmsg, recvmsg), as strace's dumpiov_in_msghdr(). */
static void dump_msg(struct sr_out *o, const struct sr_call *c, bool at_exit)
{
	const struct sr_blob *buf[DUMP_MSG_IOV];
	uint64_t len[DUMP_MSG_IOV];
	int i, n = msghdr__buffers(c, at_exit, buf, len, DUMP_MSG_IOV);

	for (i = 0; i < n && len[i]; i++) {
		out__printf(o, " * %llu bytes in buffer %d", (unsigned long long)len[i], i);
		out__newline(o);
		dump_blob(o, c, buf[i], len[i], 0);
	}
}

/*
 * sendmmsg's or recvmmsg's messages, as strace's dumpiov_in_mmsghdr(): for
 * each of the ret messages, " = N buffers in vector I", then its buffers up
 * to its msg_len. Only what was captured at exit is known: nothing for a
 * call that failed.
 */
static void dump_mmsg(struct sr_out *o, const struct sr_call *c)
{
	const struct sr_blob *buf[DUMP_MSG_IOV];
	uint64_t len[DUMP_MSG_IOV], iovlen;
	unsigned int msg;
	int i, n;

	for (msg = 0; (n = mmsghdr__buffers(c, msg, &iovlen, buf, len, DUMP_MSG_IOV)) >= 0; msg++) {
		out__printf(o, " = %llu buffers in vector %u", (unsigned long long)iovlen, msg);
		out__newline(o);
		for (i = 0; i < n && len[i]; i++) {
			out__printf(o, " * %llu bytes in buffer %d", (unsigned long long)len[i], i);
			out__newline(o);
			dump_blob(o, c, buf[i], len[i], 0);
		}
	}
}

/* Dump @c's data, its form and direction as the table says. */
static void dump_data(struct sr_out *o, const struct sr_call *c, enum sr_dumpform form,
		      bool at_exit, uint64_t n)
{
	switch (form) {
	case SR_DUMPF_IOV:
		dump_iov(o, c, at_exit, n);
		break;
	case SR_DUMPF_MSG:
		dump_msg(o, c, at_exit);
		break;
	case SR_DUMPF_MMSG:
		dump_mmsg(o, c);
		break;
	default:
		dump_blob(o, c, call__blob(c, 1, at_exit), n, c->args[1]);
		break;
	}
}

void dump__call(struct sr_out *o, const struct sr_opts *opts, const struct sr_call *c)
{
	int fd = (int)c->args[0];
	enum sr_dumpform form;

	if (!opts || fd < 0 || !c->has_exit)
		return;
	switch (syscalls__dumpio(c->ent, &form)) {
	case SR_DUMP_WRITE:
		if (!filter__fd_in(&opts->write_fds, fd))
			return;
		/* what the call was asked to write, whatever it did (strace's dumpio) */
		dump_data(o, c, form, false, form == SR_DUMPF_BUF ? c->args[2] : UINT64_MAX);
		return;
	case SR_DUMP_READ:
		if (c->ret <= 0 || !filter__fd_in(&opts->read_fds, fd))
			return;
		dump_data(o, c, form, true, (uint64_t)c->ret);
		return;
	default:
		return;
	}
}
