#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Run each libFuzzer target of tests/fuzz/ for SECONDS (niced, one after the
# other), starting from its seed corpus (tests/fuzz/corpus/TARGET) and what
# earlier runs found (.output/fuzz/corpus/TARGET). A target passes when it
# ran the whole time without a finding (crash, sanitizer report, leak,
# timeout, out of memory, or a failed output check); a finding's input is
# saved as .output/fuzz/artifacts/TARGET-crash-... and its report printed.
# Ends with "N passed, N failed, 0 skipped".
#
# usage: tests/fuzz/run.sh SECONDS TARGET...
cd "$(dirname "$0")/../.."
secs=${1:?usage: run.sh SECONDS TARGET...}
shift
out=.output/fuzz
mkdir -p "$out/artifacts"
pass=0 fail=0

# Inputs as large as the records they hold: a record is up to 16 KiB.
max_len() {
	case "$1" in
	fuzz_records) echo 20000 ;;
	fuzz_replay) echo 65536 ;;
	*) echo 4096 ;;
	esac
}

for t in "$@"; do
	corpus=$out/corpus/$t
	log=$out/$t.log
	mkdir -p "$corpus"
	seeds=tests/fuzz/corpus/$t
	[ -d "$seeds" ] || seeds=
	start=$(date +%s)
	# new inputs go to the first directory; the seeds stay as committed
	nice -n 10 "$out/$t" -max_total_time="$secs" -timeout=20 -rss_limit_mb=2048 \
		-max_len="$(max_len "$t")" -print_final_stats=1 -artifact_prefix="$out/artifacts/$t-" \
		"$corpus" $seeds >"$log" 2>&1
	rc=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
	units=$(ls "$corpus" | wc -l)
	took=$(($(date +%s) - start))
	if [ "$rc" -eq 0 ] && [ -n "$execs" ]; then
		echo "ok   fuzz/$t ($execs executions in ${took}s, $units new inputs kept)"
		pass=$((pass + 1))
	else
		echo "FAIL fuzz/$t (exit status $rc after ${took}s; log $log):"
		grep -E 'ERROR|SUMMARY|runtime error|^fuzz:|Test unit written|#[0-9]+ in ' "$log" |
			head -30 | sed 's/^/    /'
		fail=$((fail + 1))
	fi
done
echo "$pass passed, $fail failed, 0 skipped"
[ "$fail" -eq 0 ]
