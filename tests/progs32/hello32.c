// SPDX-License-Identifier: GPL-2.0
/*
 * An ia32 program without libc (built with gcc -m32 -nostdlib -static by
 * the integration test): write(1, "hi32\n", 5), then exit(7), through
 * int $0x80, so its syscalls use the i386 numbering.
 */
void _start(void)
{
	static const char msg[] = "hi32\n";
	int r;

	__asm__ volatile("int $0x80" : "=a"(r) : "a"(4), "b"(1), "c"(msg), "d"(5) : "memory");
	__asm__ volatile("int $0x80" : : "a"(1), "b"(7));
	for (;;)
		;
}
