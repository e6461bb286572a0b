/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shared by the libFuzzer targets of tests/fuzz/: output captured in memory
 * and checked (no byte of a traced process reaches it unescaped), stderr
 * silenced around code that prints its one-line errors, and a reader of the
 * fuzzer's input.
 */
#ifndef SYSRAY_FUZZ_H
#define SYSRAY_FUZZ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "print/out.h"

/* An output whose bytes are kept (a memfd) so that they can be checked. */
struct fz_out {
	struct sr_out out;
	int fd;
};

/* Open @o once; fz_out_take() returns what was written since, and forgets it. */
void fz_out_open(struct fz_out *o);
const char *fz_out_take(struct fz_out *o, size_t *len);

/*
 * The checks of every output (abort() with the offending line on stderr,
 * which libFuzzer reports as a crash): strace's text is printable ASCII and
 * newlines; JSON Lines are one JSON value per line, valid UTF-8 with no
 * control character (C0, DEL or C1) left unescaped.
 */
void fz_check_text(const char *buf, size_t len);
void fz_check_json(const char *buf, size_t len);

/* Print nothing on stdout and stderr until fz_quiet_end(): code under test prints its errors. */
void fz_quiet_begin(void);
void fz_quiet_end(void);

/* The fuzzer's input, consumed from the front. */
struct fz_in {
	const uint8_t *p;
	size_t n;
};

/* The next @len bytes (zeros past the end). */
void fz_take(struct fz_in *in, void *dst, size_t len);
uint32_t fz_u32(struct fz_in *in);

/*
 * A memfd holding @len bytes of @data, and its path (/proc/self/fd/N) in
 * @path, for code that reads files. Reused between runs.
 */
const char *fz_file(const void *data, size_t len);

#endif /* SYSRAY_FUZZ_H */
