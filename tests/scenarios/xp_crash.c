// SPDX-License-Identifier: GPL-2.0
/*
 * A program that does not check fopen's result: its settings file FILE is
 * missing, fgets reads through a NULL stream and it dies of SIGSEGV without
 * a message.
 */
#include <stdio.h>

int main(int argc, char **argv)
{
	char line[256];
	FILE *f;

	if (argc != 2)
		return 2;
	f = fopen(argv[1], "r");
	if (fgets(line, sizeof(line), f))
		puts(line);
	return 0;
}
