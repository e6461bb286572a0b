#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Run every test: unit tests (no privileges), the strace-suite stand-in's
# fixtures and a short subset of strace's own tests (skipped without the
# build make strace-suite leaves), then integration tests (root and BTF; they
# load the BPF programs), the diagnosis scenarios, the shipping tests (tests/ship/: man page,
# completion, install, Debian package, image, manifest), with make's
# FUZZ_TARGETS a short run of each fuzz target, with ASAN_SYSRAY a subset of
# the integration tests against the sanitized build (ASAN_TESTS), then a
# short subset of the kernel tests (one Debian kernel under qemu; skipped
# without qemu or the network).
# Ends with "N passed, N failed, N skipped".
cd "$(dirname "$0")/.."
log=$(mktemp)
trap 'rm -f "$log"' EXIT
pass=0 fail=0 skip=0

tally() {
	# $1: suite name, $2: its exit status. Counts the last
	# "N passed, N failed[, N skipped]" line of the suite's output.
	line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$log" | tail -1)
	if [ -z "$line" ]; then
		echo "FAIL $1: produced no summary line (exit status $2; crashed?)"
		fail=$((fail + 1))
		return
	fi
	p=$(echo "$line" | sed -E 's/^([0-9]+) passed.*/\1/')
	f=$(echo "$line" | sed -E 's/.* ([0-9]+) failed.*/\1/')
	s=$(echo "$line" | sed -nE 's/.* ([0-9]+) skipped.*/\1/p')
	pass=$((pass + p)) fail=$((fail + f)) skip=$((skip + ${s:-0}))
	# A crash after the summary, a sanitizer report or a leak: the summary
	# alone would say all is well.
	if [ "$2" -ne 0 ] && [ "$f" -eq 0 ]; then
		echo "FAIL $1: exit status $2 although its summary reports 0 failed"
		fail=$((fail + 1))
	fi
}

echo "== unit tests"
.output/unit-tests >"$log" 2>&1
rc=$?
cat "$log"
tally unit $rc

echo "== strace-suite stand-in (conversion and option mapping)"
python3 tests/strace-suite/test_standin.py >"$log" 2>&1
rc=$?
cat "$log"
tally strace-suite $rc

echo "== strace 6.1's test suite, a short subset (make strace-suite runs it all)"
tests/strace-suite/subset.sh >"$log" 2>&1
rc=$?
cat "$log"
tally strace-suite-subset $rc

echo "== integration tests"
python3 tests/integration/run.py "$@" >"$log" 2>&1
rc=$?
cat "$log"
tally integration $rc

echo "== diagnosis tests (--explain, --follow-peer, sysray diff)"
python3 tests/integration/explain.py >"$log" 2>&1
rc=$?
cat "$log"
tally diagnosis $rc

echo "== shipping tests (man page, completion, install, package, image)"
python3 tests/ship/run.py "$@" >"$log" 2>&1
rc=$?
cat "$log"
tally shipping $rc

if [ -n "$FUZZ_TARGETS" ]; then
	echo "== fuzz (each target ${FUZZ_TIME}s from its corpus; make fuzz runs longer)"
	tests/fuzz/run.sh "$FUZZ_TIME" $FUZZ_TARGETS >"$log" 2>&1
	rc=$?
	cat "$log"
	tally fuzz $rc
fi

if [ -n "$ASAN_SYSRAY" ]; then
	echo "== integration tests against an ASan+UBSan sysray (a subset; make test-asan runs all)"
	ks=
	for k in $ASAN_TESTS; do ks="$ks -k $k"; done
	SYSRAY=$ASAN_SYSRAY SYSRAY_SANITIZED=1 python3 tests/integration/run.py $ks >"$log" 2>&1
	rc=$?
	cat "$log"
	tally integration-asan $rc
fi

echo "== kernels (one kernel under qemu; make test-kernels runs them all)"
scripts/kernels/run.sh --quick 5.10 >"$log" 2>&1
rc=$?
cat "$log"
tally kernels $rc

echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
