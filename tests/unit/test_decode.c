// SPDX-License-Identifier: GPL-2.0
/* Shared printers: flags, enums, errno names, signal names. */
#include <errno.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "decode.h"
#include "test.h"

struct mem_fmt {
	struct sr_out out;
	struct sr_fmt f;
	char text[1024];
};

static void mf_open(struct mem_fmt *m)
{
	memset(m, 0, sizeof(*m));
	out__init_fd(&m->out, memfd_create("t_fmt", 0));
	m->out.line_buffered = false;
	m->f.out = &m->out;
}

static const char *mf_text(struct mem_fmt *m)
{
	ssize_t n;

	out__flush(&m->out);
	n = pread(m->out.fd, m->text, sizeof(m->text) - 1, 0);
	m->text[n > 0 ? n : 0] = '\0';
	close(m->out.fd);
	out__close(&m->out);
	return m->text;
}

static void flags(struct t_state *st)
{
	struct mem_fmt m;

	mf_open(&m);
	fmt_flags(&m.f, &xlat_mmap_prot, PROT_READ | PROT_WRITE);
	out__putc(&m.out, ' ');
	fmt_flags(&m.f, &xlat_mmap_prot, 0);
	out__putc(&m.out, ' ');
	fmt_flags(&m.f, &xlat_mmap_prot, PROT_READ | 0x100000);
	out__putc(&m.out, ' ');
	fmt_flags(&m.f, &xlat_mmap_prot, 0x100000);
	out__putc(&m.out, ' ');
	fmt_enum(&m.f, &xlat_whence, 1);
	out__putc(&m.out, ' ');
	fmt_enum(&m.f, &xlat_whence, 77);
	CHECK_STR(st, mf_text(&m),
		  "PROT_READ|PROT_WRITE PROT_NONE PROT_READ|0x100000 0x100000 /* PROT_??? */ "
		  "SEEK_CUR 0x4d /* SEEK_??? */");
}

static void errnos(struct t_state *st)
{
	CHECK_STR(st, errno__name(ENOENT), "ENOENT");
	CHECK_STR(st, errno__text(ENOENT), "No such file or directory");
	CHECK_STR(st, errno__name(EAGAIN), "EAGAIN");
	CHECK_STR(st, errno__name(512), "ERESTARTSYS");
	CHECK_STR(st, errno__text(514), "To be restarted if no handler");
	CHECK(st, errno__name(4000) == NULL);
}

static void signals(struct t_state *st)
{
	struct mem_fmt m;
	char buf[16];

	mf_open(&m);
	fmt_signame(&m.f, 17);
	out__putc(&m.out, ' ');
	fmt_signame(&m.f, 32);
	out__putc(&m.out, ' ');
	fmt_signame(&m.f, 34);
	out__putc(&m.out, ' ');
	fmt_signame(&m.f, 0);
	CHECK_STR(st, mf_text(&m), "SIGCHLD SIGRTMIN SIGRT_2 0");
	CHECK_STR(st, signame_short(9, buf, sizeof(buf)), "KILL");
}

T_SUITE(decode_tests) = {
	T_CASE(flags),
	T_CASE(errnos),
	T_CASE(signals),
	T_END,
};
