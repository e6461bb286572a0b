// SPDX-License-Identifier: GPL-2.0
/*
 * Logs its refusal to FILE, not to stderr: it cannot open its policy file,
 * then writes "job 42 rejected by policy" to its log and exits 0.
 */
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	static const char msg[] = "2024-01-01 job 42 rejected by policy\n";
	int log, fd;

	if (argc != 2)
		return 2;
	log = open(argv[1], O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
	if (log < 0)
		return 2;
	fd = open("/nonexistent/xp_why/policy.rules", O_RDONLY);
	if (fd >= 0)
		return 0;
	if (write(log, msg, strlen(msg)) < 0)
		return 2;
	return 0;
}
