// SPDX-License-Identifier: GPL-2.0
/*
 * String and buffer formatting, written to /dev/null: C escapes, octal
 * escapes followed by digits, bytes above 0x7f, mostly-binary buffers
 * (strace switches to \x escapes), embedded NULs, buffers of exactly 64,
 * 65 and 200 bytes (-s 64 truncation), NULL and bad pointers, and a path
 * containing a newline.
 */

#include "common.h"

int main(void)
{
	static const char esc[] = "\t\n\"\\\001\377";
	static const char digits[] = "\001"
				     "23\0004\n";
	static const char high[] = "caf\303\251 \200\201\x7f\xfe end";
	unsigned char bin[32], all[256];
	char s64[64], s65[65], s200[200];
	int fd;

	for (int i = 0; i < 32; i++)
		bin[i] = (unsigned char)(0x80 + i * 3);
	for (int i = 0; i < 256; i++)
		all[i] = (unsigned char)i;
	memset(s64, 'x', sizeof(s64));
	memset(s65, 'y', sizeof(s65));
	for (int i = 0; i < 200; i++)
		s200[i] = (char)('a' + i % 26);

	fd = OK(open("/dev/null", O_WRONLY));
	EQ(write(fd, esc, sizeof(esc) - 1), 6);
	EQ(write(fd, digits, sizeof(digits) - 1), 6);
	EQ(write(fd, high, sizeof(high) - 1), sizeof(high) - 1);
	EQ(write(fd, "a\0b", 3), 3);
	EQ(write(fd, bin, sizeof(bin)), 32);
	EQ(write(fd, all, sizeof(all)), 256);
	EQ(write(fd, s64, sizeof(s64)), 64);
	EQ(write(fd, s65, sizeof(s65)), 65);
	EQ(write(fd, s200, sizeof(s200)), 200);
	EQ(write(fd, "", 0), 0);
	EQ(syscall(SYS_write, fd, NULL, 0), 0);
	EQ(write(fd, "plain ascii text with spaces and 'quotes'\n", 42), 42);
	ERR(open("/nonexistent/new\nline\tand\\slash", O_RDONLY), ENOENT);
	ERR(open("/nonexistent/caf\303\251", O_RDONLY), ENOENT);
	OK(close(fd));
	return 0;
}
