#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Fill completion/sysray.bash's syscall names and %classes from the tables:
# the native syscall names of the generated name table (the first table of
# syscall_names.h) and the class rows of user/cli/filter.c.
# usage: gen-completion.sh TEMPLATE SYSCALL_NAMES_H FILTER_C > sysray.bash
set -eu
names=$(sed -n '1,/^};/s/.*{ [0-9]*, "\([a-z0-9_]*\)" },.*/\1/p' "$2" | sort -u | tr '\n' ' ')
classes=$(sed -n 's/^\t{ "\(%\{0,1\}[a-z]*\)", SR_C_[A-Z_]*, [a-z]* },$/%\1/p' "$3" | tr '\n' ' ')
[ -n "$names" ] && [ -n "$classes" ] || {
	echo "gen-completion.sh: no syscall names or classes found in $2, $3" >&2
	exit 1
}
sed -e "s|@SYSCALLS@|${names% }|" -e "s|@CLASSES@|${classes% }|" "$1"
