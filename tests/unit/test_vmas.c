// SPDX-License-Identifier: GPL-2.0
/* -k: one process's mappings as the kernel's mmap records build them. */
#include <stdlib.h>

#include "stack/vmas.h"
#include "test.h"

static void add(struct sr_vmas *s, uint64_t start, uint64_t end, uint64_t off, const char *file)
{
	struct sr_vma m = { .start = start,
			    .end = end,
			    .off = off,
			    .maj = 8,
			    .min = 1,
			    .ino = file ? 42 : 0,
			    .file = (char *)file };

	vmas__add(s, &m);
}

static const char *text(struct sr_vmas *s)
{
	static char buf[4096];
	size_t len = 0;
	char *t = vmas__text(s, &len);

	snprintf(buf, sizeof(buf), "%.*s", (int)len, t ? t : "");
	free(t);
	return buf;
}

/* ld.so: the whole file first, then each segment MAP_FIXED over it, bss anonymous. */
static void mapfixed_over_a_reservation(struct t_state *st)
{
	struct sr_vmas s = {};

	add(&s, 0x10000, 0x40000, 0, "/lib/libx.so");
	add(&s, 0x12000, 0x20000, 0x2000, "/lib/libx.so");
	add(&s, 0x20000, 0x30000, 0x10000, "/lib/libx.so");
	add(&s, 0x38000, 0x40000, 0, NULL);
	CHECK_STR(st, text(&s),
		  "10000-12000 r-xp 00000000 08:01 42 /lib/libx.so\n"
		  "12000-20000 r-xp 00002000 08:01 42 /lib/libx.so\n"
		  "20000-30000 r-xp 00010000 08:01 42 /lib/libx.so\n"
		  "30000-38000 r-xp 00020000 08:01 42 /lib/libx.so\n");
	vmas__free(&s);
}

/* A /proc/PID/maps text read back, a mapping inside one splitting it. */
static void parse_and_split(struct t_state *st)
{
	static const char maps[] =
		"5600-7000 r--p 00000000 08:01 7 /usr/bin/prog with space\n"
		"7f00-7f10 rw-p 00000000 00:00 0 \n"
		"7ffd-7fff rw-p 00000000 00:00 0                          [stack]\n";
	struct sr_vmas s = {}, c = {};

	CHECK(st, vmas__parse(&s, maps, sizeof(maps) - 1) == 0);
	CHECK(st, s.n == 3);
	add(&s, 0x6000, 0x6800, 0, "/lib/liby.so");
	CHECK(st, vmas__copy(&c, &s) == 0);
	CHECK_STR(st, text(&c),
		  "5600-6000 r-xp 00000000 08:01 7 /usr/bin/prog with space\n"
		  "6000-6800 r-xp 00000000 08:01 42 /lib/liby.so\n"
		  "6800-7000 r-xp 00001200 08:01 7 /usr/bin/prog with space\n");
	vmas__free(&s);
	vmas__free(&c);
}

T_SUITE(vmas_tests) = {
	T_CASE(mapfixed_over_a_reservation),
	T_CASE(parse_and_split),
	T_END,
};
