#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Run every test: unit tests (no privileges), then integration tests (root
# and BTF; they load the BPF programs). Ends with "N passed, N failed, N skipped".
cd "$(dirname "$0")/.."
log=$(mktemp)
trap 'rm -f "$log"' EXIT
pass=0 fail=0 skip=0

tally() {
	# the last "N passed, N failed[, N skipped]" line of a suite
	line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$log" | tail -1)
	if [ -z "$line" ]; then
		echo "FAIL $1: produced no summary line (crashed?)"
		fail=$((fail + 1))
		return
	fi
	p=$(echo "$line" | sed -E 's/^([0-9]+) passed.*/\1/')
	f=$(echo "$line" | sed -E 's/.* ([0-9]+) failed.*/\1/')
	s=$(echo "$line" | sed -nE 's/.* ([0-9]+) skipped.*/\1/p')
	pass=$((pass + p)) fail=$((fail + f)) skip=$((skip + ${s:-0}))
}

echo "== unit tests"
.output/unit-tests >"$log" 2>&1
cat "$log"
tally unit

echo "== integration tests"
python3 tests/integration/run.py "$@" >"$log" 2>&1
cat "$log"
tally integration

echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
