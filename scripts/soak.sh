#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Soak: sysray traces the whole host (-d -y --show-cgroup -o FILE) for
# SECONDS (default 120) while a workload in a cgroup of its own forks
# (bursts of 2000 children), execs, spawns threads, opens and closes TCP,
# UDP and unix sockets and makes millions of write calls, round after round.
# Every 10 s it asks sysray for its state sizes (SIGUSR1 with -d: threads,
# calls in flight, fd tables' processes, files, fds...) and prints them with
# sysray's RSS, before the workload (the baseline), during it and after it.
# Reports events, lost, sysray's RSS after warm-up (10 s), at its peak and
# at the end, then checks that RSS at the end is within 10% of RSS after
# warm-up; that after the workload sysray holds no more threads and
# processes than the host has alive (state is freed as tasks exit, it does
# not grow with the tasks seen); and, when nothing was lost, that the
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
# Threads and processes alive on the host (kernel threads too).
live_threads() { ls -d /proc/[0-9]*/task/[0-9]* 2>/dev/null | wc -l; }
live_procs() { ls -d /proc/[0-9]* 2>/dev/null | wc -l; }

# The state sizes now (sysray's "state now:" line, asked with SIGUSR1) as
# "NAME VALUE ..." words, printed with the seconds since the start and RSS.
t0=$(date +%s)
state() {
	n=$(grep -c '^sysray: state now:' "$dir/stderr")
	kill -USR1 "$sr"
	while [ "$(grep -c '^sysray: state now:' "$dir/stderr")" -le "$n" ]; do
		kill -0 "$sr" 2>/dev/null || return 1
		sleep 0.1
	done
	grep '^sysray: state now:' "$dir/stderr" | tail -1 | sed '
		s/^sysray: state now: //; s/exited leaders kept for -Y/zombies/
		s/in a call/in_call/; s/signals held/signals/; s/io_uring requests/uring/
		s/open fds/fds/; s/SCM_RIGHTS in flight/scm/; s/fd tables: processes/fd_procs/
		s/[(),;]//g'
}
sample() {
	st=$(state) || return 1
	echo "soak: +$(($(date +%s) - t0))s $1 rss $(rss "$sr") KiB; $st"
}
# The value of NAME in a state() line.
field() { echo "$1" | sed -n "s/.* $2 \([0-9]*\).*/\1/p"; }

"$sysray" -d -y --show-cgroup -o "$dir/trace" 2>"$dir/stderr" &
sr=$!
while [ ! -s "$dir/trace" ]; do
	kill -0 "$sr" 2>/dev/null || { echo "soak: sysray exited:"; cat "$dir/stderr"; exit 1; }
	sleep 0.2
done
sleep 2
sample "baseline (before the workload)"

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
sample "warm-up"
n=0
while kill -0 "$work" 2>/dev/null; do
	r=$(rss "$sr")
	[ -n "$r" ] && [ "$r" -gt "$peak" ] && peak=$r
	n=$((n + 1))
	[ $((n % 10)) -eq 0 ] && sample "workload"
	sleep 1
done
wait "$work"
sleep 2
final=$(rss "$sr")
# what sysray holds against what is alive, counted before and after it answers
lt=$(live_threads) lp=$(live_procs)
end=$(state)
lt2=$(live_threads) lp2=$(live_procs)
[ "$lt2" -gt "$lt" ] && lt=$lt2
[ "$lp2" -gt "$lp" ] && lp=$lp2
echo "soak: +$(($(date +%s) - t0))s after the workload rss $final KiB; $end"
echo "soak: alive on the host: $lt threads, $lp processes"
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
threads=$(field " $end" threads) procs=$(field " $end" fd_procs)
if [ -n "$threads" ] && [ "$threads" -le "$lt" ] && [ -n "$procs" ] && [ "$procs" -le "$lp" ]; then
	echo "ok   soak/state_bounded_by_live_tasks"
	pass=$((pass + 1))
else
	echo "FAIL soak/state_bounded_by_live_tasks: sysray holds ${threads:-?} threads and" \
		"${procs:-?} processes, the host has $lt and $lp alive"
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
