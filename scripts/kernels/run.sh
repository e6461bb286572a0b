#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Boot Debian's kernels under qemu (TCG) with an initramfs holding sysray and
# its test programs, run tests/kernels/checks.sh inside, and report per
# kernel. Ends with "N passed, N failed, N skipped".
#
# usage: scripts/kernels/run.sh [--quick] [--arch amd64|arm64] [SERIES...]
#   SERIES   5.10, 6.1, 6.12 (default: all three)
#   --quick  the short subset of checks (see QUICK in tests/kernels/checks.sh)
# Environment:
#   SYSRAY, PROGS   the binary and the test programs' directory to put in the
#                   VM (default ./sysray and .output/progs; arm64:
#                   .output/arm64/sysray and .output/arm64/progs)
#   KERNEL_CACHE    see scripts/kernels/fetch.sh
#   KERNEL_TIMEOUT  seconds one VM may run (default 900)
#   QEMU_SMP, QEMU_MEM   vCPUs (2) and memory in MiB (1024)
#   KERNEL_VERBOSE=1     copy the VM's console to stdout as it runs
#   KERNEL_CHECKS="load count"   run only these checks (names as in ALL in
#                   tests/kernels/checks.sh) instead of the set
# A kernel or busybox that cannot be fetched (no network) or a missing qemu
# makes that kernel's checks "skipped", never "passed".
set -u
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
checks=$top/tests/kernels/checks.sh
set_name=all arch=amd64
while [ $# -gt 0 ]; do
	case "$1" in
	--quick) set_name=quick ;;
	--arch) arch=${2:?--arch needs amd64 or arm64} && shift ;;
	--arch=*) arch=${1#--arch=} ;;
	-*)
		echo "run.sh: unknown option $1" >&2
		exit 2
		;;
	*) break ;;
	esac
	shift
done
[ $# -gt 0 ] || set -- 5.10 6.1 6.12
case "$arch" in
amd64)
	qemu=qemu-system-x86_64 qpkg=qemu-system-x86 console=ttyS0
	machine="-machine q35 -cpu max"
	out=$top/.output
	;;
arm64)
	qemu=qemu-system-aarch64 qpkg=qemu-system-arm console=ttyAMA0
	machine="-machine virt -cpu cortex-a57"
	out=$top/.output/arm64
	;;
*)
	echo "run.sh: unknown architecture $arch (amd64 or arm64)" >&2
	exit 2
	;;
esac
sysray=${SYSRAY:-$([ "$arch" = amd64 ] && echo "$top/sysray" || echo "$out/sysray")}
progs=${PROGS:-$out/progs}
logs=${KERNEL_CACHE:-$top/.output/kernels}/logs
timeout=${KERNEL_TIMEOUT:-900}
mkdir -p "$logs"

# The names of the checks a run makes, to count them as skipped or failed
# when the VM cannot run them.
names=$(sed -nE "s/^$(echo $set_name | tr a-z A-Z)=\"(.*)\"\$/\\1/p" "$checks")
[ -n "${KERNEL_CHECKS:-}" ] && names=$KERNEL_CHECKS
nchecks=$(echo $names | wc -w)
pass=0 fail=0 skip=0

skip_kernel() {
	for n in $names; do
		echo "skip $1/$n: $2"
	done
	skip=$((skip + nchecks))
}

if ! command -v $qemu >/dev/null 2>&1; then
	for s in "$@"; do
		skip_kernel "$arch-$s" "$qemu is missing (apt-get install $qpkg)"
	done
	echo "$pass passed, $fail failed, $skip skipped"
	exit 0
fi
for f in "$sysray" "$progs"; do
	if [ ! -e "$f" ]; then
		echo "run.sh: $f is missing; build it first (make test-kernels does)" >&2
		exit 1
	fi
done

initrd=$out/kernels-initrd-$arch.cpio
bb=$("$here/fetch.sh" busybox "$arch" 2>"$logs/fetch-busybox-$arch.log")
bbst=$?
if [ $bbst -eq 0 ]; then
	"$here/initramfs.sh" "$initrd" "$arch" "$sysray" "$progs" "$bb/busybox" || exit 1
fi

total_t0=$(date +%s)
for s in "$@"; do
	k=$arch-$s
	if [ $bbst -ne 0 ]; then
		skip_kernel "$k" "busybox-static ($arch) could not be fetched: $(tail -1 "$logs/fetch-busybox-$arch.log")"
		continue
	fi
	kdir=$("$here/fetch.sh" "$s" "$arch" 2>"$logs/fetch-$k.log")
	st=$?
	if [ $st -eq 2 ]; then
		skip_kernel "$k" "kernel not available: $(tail -1 "$logs/fetch-$k.log")"
		continue
	elif [ $st -ne 0 ]; then
		echo "FAIL $k: fetching the kernel failed: $(tail -1 "$logs/fetch-$k.log")"
		fail=$((fail + nchecks))
		continue
	fi
	log=$logs/$k.log
	t0=$(date +%s)
	# (the series list of the loop was expanded already)
	# shellcheck disable=SC2086
	set -- $qemu $machine -accel tcg -smp "${QEMU_SMP:-2}" -m "${QEMU_MEM:-1024}" \
		-nodefaults -display none -monitor none -no-reboot -serial "file:$log" \
		-kernel "$kdir/kernel" -initrd "$initrd" \
		-append "console=$console panic=-1 loglevel=4 sysray.checks=$(echo $names | tr ' ' ,)"
	echo "== $k: $(cat "$kdir/package") $(cat "$kdir/deb-version")"
	: >"$log"
	if [ "${KERNEL_VERBOSE:-0}" = 1 ]; then
		tail -f "$log" &
		tailpid=$!
	fi
	timeout -s KILL "$timeout" "$@" </dev/null >"$log.qemu" 2>&1
	qst=$?
	[ "${KERNEL_VERBOSE:-0}" = 1 ] && kill "$tailpid"
	secs=$(($(date +%s) - t0))
	# Results are the lines between the markers init prints.
	sed -n '/^SYSRAY-KT-BEGIN/,/^SYSRAY-KT-END/p' "$log" | tr -d '\r' >"$log.results"
	grep -E '^(ok|FAIL|skip) |^  \| ' "$log.results" | sed -E "s/^(ok|FAIL|skip) /\\1 $k\\//"
	summary=$(grep -E '^[0-9]+ passed, [0-9]+ failed, [0-9]+ skipped$' "$log.results" | tail -1)
	if ! grep -q '^SYSRAY-KT-END' "$log.results" || [ -z "$summary" ]; then
		why="the VM stopped before the checks ended (qemu status $qst"
		[ $qst -eq 137 ] && why="$why: killed after ${timeout}s"
		echo "FAIL $k: $why); console log: $log"
		grep -E 'Kernel panic|BUG:|Oops' "$log" | head -5 | sed 's/^/  | /'
		fail=$((fail + nchecks))
		continue
	fi
	p=${summary%% passed*}
	f=${summary#* passed, }
	f=${f%% failed*}
	sk=${summary#* failed, }
	sk=${sk%% skipped}
	pass=$((pass + p)) fail=$((fail + f)) skip=$((skip + sk))
	if [ $((p + f + sk)) -ne "$nchecks" ]; then
		echo "FAIL $k: $((p + f + sk)) results for $nchecks checks; console log: $log"
		fail=$((fail + 1))
	fi
	echo "$k: $(sed -n 's/^SYSRAY-KT-BEGIN //p' "$log.results"): $summary in ${secs}s"
done
echo "kernels: $(($(date +%s) - total_t0))s in all"
echo "$pass passed, $fail failed, $skip skipped"
[ $fail -eq 0 ]
