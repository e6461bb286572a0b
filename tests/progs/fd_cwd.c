// SPDX-License-Identifier: GPL-2.0
/*
 * -y: AT_FDCWD<cwd> after the cwd's directory is renamed, after a
 * directory above it is renamed, and after another directory is renamed
 * over it (the cwd is then deleted).
 */
#include "common.h"

static void probe(void)
{
	ERR(openat(AT_FDCWD, "nothere", O_RDONLY), ENOENT);
}

int main(void)
{
	work_enter("fd_cwd");
	OK(mkdir("a", 0755));
	OK(chdir("a"));
	probe();
	OK(rename("../a", "../b"));
	probe();
	OK(mkdir("c", 0755));
	OK(chdir("c"));
	probe();
	OK(rename("../../b", "../../e"));
	probe();
	OK(mkdir("../d", 0755));
	OK(rename("../d", "../c"));
	probe();
	OK(chdir(".."));
	probe();
	OK(rmdir("c"));
	OK(chdir(".."));
	OK(rmdir("e"));
	work_leave();
	return 0;
}
