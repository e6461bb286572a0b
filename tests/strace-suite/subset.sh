#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# make test's short subset of strace 6.1's own test suite (make strace-suite
# runs all of it): a fixed list of tests, one or more per family, that sysray
# passes. Needs the strace build that make strace-suite leaves under
# .output/strace-suite; without it the subset is skipped, and says so.
# Ends with "N passed, N failed, N skipped".
cd "$(dirname "$0")/../.."
TESTS="fchmodat chdir fchmod-y fsmount inet-cmsg getpid rt_sigaction madvise ipc_sem clock_xettime add_key"
DIR=.output/strace-suite
if ! [ -x "$DIR/exec-shim" ] || ! ls -d "$DIR"/strace-*/tests/Makefile >/dev/null 2>&1; then
	echo "SKIP strace-suite subset: no strace build in $DIR (make strace-suite builds it)"
	echo "0 passed, 0 failed, 1 skipped"
	exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
	echo "SKIP strace-suite subset: sysray needs root"
	echo "0 passed, 0 failed, 1 skipped"
	exit 0
fi
exec python3 scripts/strace-suite/run.py --out "$DIR" --sysray ./sysray --check \
	-k "^($(echo $TESTS | tr ' ' '|'))\$"
