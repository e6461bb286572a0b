#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Soak: sysray traces the whole host (-d --show-cgroup -o FILE) for SECONDS
# (default 120) while a workload in a cgroup of its own forks (bursts of
# 2000 children), execs, spawns threads, opens and closes TCP, UDP and unix
# sockets and makes millions of write calls, round after round. Reports
# events, lost, sysray's RSS after warm-up (10 s), at its peak and at the
# end, then checks that RSS at the end is within 10% of RSS after warm-up
# (state is freed as tasks exit) and, when nothing was lost, that the
# workload's "+++ exited" lines number the tasks it started.
# Ends with "N passed, N failed, 0 skipped". Needs root and `make sysray progs`.
#
# usage: scripts/soak.sh [SECONDS]
cd "$(dirname "$0")/.."
secs=${1:-120}
sysray=${SYSRAY:-./sysray}
progs=.output/progs
cg=/sys/fs/cgroup/unified/sysray-soak-$$
[ -d /sys/fs/cgroup/unified ] || cg=/sys/fs/cgroup/sysray-soak-$$
dir=$(mktemp -d /tmp/sysray-soak-XXXXXX)
pass=0 fail=0
trap 'rm -rf "$dir"; rmdir "$cg" 2>/dev/null' EXIT

for p in hostile_forks threads net_tcp net_udp net_unix busy exec_true; do
	[ -x "$progs/$p" ] || { echo "soak: $progs/$p is missing; run make sysray progs"; exit 1; }
done
mkdir "$cg" || exit 1

rss() { sed -n 's/^VmRSS:[[:space:]]*\([0-9]*\) kB/\1/p' "/proc/$1/status" 2>/dev/null; }

"$sysray" -d --show-cgroup -o "$dir/trace" 2>"$dir/stderr" &
sr=$!
while [ ! -s "$dir/trace" ]; do
	kill -0 "$sr" 2>/dev/null || { echo "soak: sysray exited:"; cat "$dir/stderr"; exit 1; }
	sleep 0.2
done

# The workload: the number of tasks (processes and threads: each ends with
# its own "+++ exited" line) it starts, one count per line in $dir/started.
# Each round: hostile_forks and its 2000 children, threads and its 4
# threads, net_tcp, net_udp, net_unix, busy, exec_true and its 2 children,
# the date of the loop's test. Besides the rounds: the shell itself, the
# date computing the end and the date of the last test.
cat >"$dir/work.sh" <<EOF
echo \$\$ > $cg/cgroup.procs
echo 3 >>$dir/started
end=\$((\$(date +%s) + $secs))
while [ \$(date +%s) -lt \$end ]; do
	$progs/hostile_forks 2000 >/dev/null
	$progs/threads >/dev/null; $progs/net_tcp >/dev/null
	$progs/net_udp >/dev/null; $progs/net_unix >/dev/null
	$progs/busy /dev/null 300000; $progs/exec_true >/dev/null 2>&1
	echo \$((2001 + 5 + 4 + 3 + 1)) >>$dir/started
done
EOF
sh "$dir/work.sh" &
work=$!
sleep 10
warm=$(rss "$sr") peak=$warm
while kill -0 "$work" 2>/dev/null; do
	r=$(rss "$sr")
	[ -n "$r" ] && [ "$r" -gt "$peak" ] && peak=$r
	sleep 1
done
wait "$work"
sleep 2
final=$(rss "$sr")
kill -INT "$sr"
wait "$sr"

started=$(awk '{ n += $1 } END { print n }' "$dir/started")
exited=$(grep -c "^/sysray-soak-$$ *[0-9]* *+++ exited" "$dir/trace")
stats=$(grep '^sysray: records emitted' "$dir/stderr")
lost=$(echo "$stats" | sed -n 's/.* lost \([0-9]*\).*/\1/p')
echo "soak: ${secs}s; $stats"
echo "soak: sysray RSS after warm-up ${warm} KiB, peak ${peak} KiB, end ${final} KiB"
echo "soak: workload tasks started $started, +++ exited lines $exited"

if [ "$final" -le $((warm + warm / 10)) ]; then
	echo "ok   soak/rss_back_to_warm_up"
	pass=$((pass + 1))
else
	echo "FAIL soak/rss_back_to_warm_up: ${final} KiB > ${warm} KiB + 10%"
	fail=$((fail + 1))
fi
if [ "${lost:-1}" != 0 ]; then
	echo "skip soak/every_exit_seen: $lost records lost (not comparable)"
	echo "$pass passed, $fail failed, 1 skipped"
	[ "$fail" -eq 0 ]
	exit
elif [ "$exited" -eq "$started" ]; then
	echo "ok   soak/every_exit_seen"
	pass=$((pass + 1))
else
	echo "FAIL soak/every_exit_seen: $exited exited lines, $started tasks started"
	fail=$((fail + 1))
fi
echo "$pass passed, $fail failed, 0 skipped"
[ "$fail" -eq 0 ]
