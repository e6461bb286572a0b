#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# `make run`: sysray tracing a program that cannot find its config file.
cd "$(dirname "$0")/.."
if [ "$(id -u)" != 0 ]; then
	echo "demo: sysray loads BPF programs: run as root (sudo make run)" >&2
	exit 1
fi
trace=$(mktemp /tmp/sysray-demo.XXXXXX)
trap 'rm -f "$trace"' EXIT
echo '$ sysray -o trace.txt -- .output/progs/demo'
./sysray -o "$trace" -- .output/progs/demo
status=$?
echo "(the demo exited with status $status, and so did sysray)"
echo
echo '$ cat trace.txt'
cat "$trace"
echo
echo 'Read it bottom-up: the write(2, ...) is the error message; the last failed'
echo 'syscall before it says why:'
grep -E ' = -1 ' "$trace" | tail -1
