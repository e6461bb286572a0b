#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Integration checks run inside the kernel-test VM (busybox sh, no strace,
# no python): each traces real programs with sysray and compares whole
# lines with what strace 6.1 prints for them. Prints "ok NAME",
# "FAIL NAME: why" (details indented with "  | ") or "skip NAME: why", then
# "N passed, N failed, N skipped".
#
# usage: checks.sh [all | quick | NAME...]
SR=${SYSRAY:-/t/sysray}
P=${PROGS:-/t/progs}
W=/tmp/kt
pass=0 fail=0 skip=0
name=
mkdir -p $W

# Seconds since boot, for the time each check took (shown after its name).
now() {
	read -r up _ </proc/uptime
	echo "$up"
}
took() {
	awk -v a="$t0" -v b="$(now)" 'BEGIN { printf "%.1fs", b - a }'
}
ok() {
	echo "ok $name ($(took))"
	pass=$((pass + 1))
}
fail() {
	echo "FAIL $name ($(took)): $*"
	fail=$((fail + 1))
}
skip() {
	echo "skip $name: $*"
	skip=$((skip + 1))
}
# Show a file's last lines under a FAIL line.
show() {
	tail -n "${2:-15}" "$1" 2>/dev/null | sed 's/^/  | /'
}

# trace OUT ARGS...: sysray -o OUT ARGS; $st is its exit status, OUT.err its stderr.
trace() {
	out=$1
	shift
	timeout -s KILL 300 $SR -o "$out" "$@" 2>"$out.err" </dev/null
	st=$?
}

firstpid() {
	sed -nE '1s/^([0-9]+) .*/\1/p' "$1"
}

# expect_lines FILE: every line of stdin must be a whole line of FILE.
expect_lines() {
	missing=
	while IFS= read -r want; do
		grep -qxF -- "$want" "$1" || missing="$missing
  missing: $want"
	done
	[ -z "$missing" ] && return 0
	fail "lines not found:$missing"
	show "$1"
	return 1
}

# wait_lines OUT PID [PROBE...]: wait until sysray (PID) writes to OUT, at
# most 300 s (loading alone took 70 s on a busy host).
wait_lines() {
	o=$1 p=$2
	shift 2
	end=$(awk -v t="$(now)" 'BEGIN { print int(t) + 300 }')
	while [ ! -s "$o" ] && [ "$(awk -v t="$(now)" 'BEGIN { print int(t) }')" -lt "$end" ]; do
		kill -0 "$p" 2>/dev/null || return 1
		[ $# -gt 0 ] && "$@" >/dev/null 2>&1
		sleep 0.1
	done
	[ -s "$o" ]
}

# --- one launch for several checks --------------------------------------
# Loading the BPF programs takes 10-70 s under TCG (the verifier), so one
# launched script runs the programs that the launch checks look at, each
# found in the trace by its execve. -y is on for all of them; -d shows
# libbpf's and the verifier's messages if loading fails.
launched=
need_launch() {
	[ -n "$launched" ] && return 0
	launched=1
	echo hi >/tmp/kt-y
	cat >$W/launch.sh <<-EOF
	exec 2>/dev/null
	cd /tmp
	$P/missing_file
	$P/fork_exit3 >/dev/null
	$P/signals >/dev/null
	$P/threads >/dev/null
	/bin/cat /tmp/kt-y >/dev/null
	/bin/sh -c 'exit 3'
	/bin/sh -c 'kill -9 \$\$'
	/bin/sh -c 'kill -TERM \$\$'
	exit 7
	EOF
	trace $W/L -d -y -- /bin/sh $W/launch.sh
	Lst=$st
}
# pid_of 'EXECVE-ARGS-PREFIX': the task whose execve line starts so.
pid_of() {
	grep -F "execve($1" $W/L | sed -nE '1s/^([0-9]+) .*/\1/p'
}
# lines_of PID: that task's lines, without the pid column and alignment, a
# call split by another task's line ("X <unfinished ...>", "<... NAME
# resumed>Y") joined again.
lines_of() {
	grep "^$1 " $W/L | sed -E 's/^[0-9]+ +//' | awk '
	held != "" {
		if (match($0, /^<\.\.\. [A-Za-z0-9_]+ resumed>/)) {
			print held substr($0, RLENGTH + 1)
			held = ""
			next
		}
		print held " <unfinished ...>"
		held = ""
	}
	/ <unfinished \.\.\.>$/ { held = substr($0, 1, length($0) - 17); next }
	{ print }
	END { if (held != "") print held " <unfinished ...>" }' | sed -E 's/ +(= [^=]*)$/ \1/'
}
# need_task NAME 'EXECVE-ARGS-PREFIX': $pid of that task, or FAIL.
need_task() {
	need_launch
	pid=$(pid_of "$2")
	[ -n "$pid" ] && return 0
	fail "no execve of $1 in the trace (sysray exited $Lst)"
	show $W/L.err 40
	show $W/L 5
	return 1
}

# --- the checks --------------------------------------------------------

# The BPF programs load and attach, and the launched command's exit status
# is sysray's.
c_load() {
	need_launch
	if [ ! -s $W/L ]; then
		fail "sysray -d traced nothing; exit status $Lst"
		show $W/L.err 80
		return
	fi
	[ $Lst -eq 7 ] || {
		fail "exit status $Lst, want the command's 7"
		show $W/L.err
		return
	}
	top=$(firstpid $W/L)
	lines_of "$top" >$W/top.b
	head -1 $W/top.b | grep -qF "execve(\"/bin/sh\", [\"/bin/sh\", \"$W/launch.sh\"], 0x" || {
		fail "the first line is not the command's execve: $(head -1 $W/L)"
		return
	}
	[ "$(tail -1 $W/top.b)" = "+++ exited with 7 +++" ] || {
		fail "the command's last line: $(tail -1 $W/top.b)"
		return
	}
	# Which skeleton loaded, and why: before 5.17 (no bpf_loop()) libbpf's;
	# from 6.1 the light one (6.1's verifier rounds each call frame up to 32
	# bytes: the deepest call chain must stay within 512 of them); 5.17 to
	# 6.0 (not tested here) the light one, or libbpf's with -d saying why
	# the light one failed. -d's lines stay in the console log.
	maj=$(uname -r | cut -d. -f1)
	min=$(uname -r | cut -d. -f2)
	trace $W/LP -d -- /bin/true
	sed 's/^/load -d: /' $W/LP.err
	if [ "$maj" -gt 6 ] || { [ "$maj" -eq 6 ] && [ "$min" -ge 1 ]; }; then
		grep -qF "loaded by the kernel (light skeleton" $W/LP.err
	elif [ "$maj" -eq 5 ] && [ "$min" -ge 17 ]; then
		grep -qF "loaded by the kernel (light skeleton" $W/LP.err ||
			grep -q "the light skeleton failed (.*): libbpf's skeleton next" $W/LP.err
	else
		grep -qF "loaded by libbpf, built without bpf_loop (the kernel has no bpf_loop())" \
			$W/LP.err
	fi || {
		fail "-d does not say which skeleton loaded and why"
		show $W/LP.err 20
		return
	}
	ok
}

# A launched program: its execve, the failed openat, its message, its exit.
c_launch() {
	need_task missing_file "\"$P/missing_file\"" || return
	lines_of $pid >$W/mf.b
	# (a forked shell makes calls of its own before its execve)
	grep -qE "^execve\\(\"$P/missing_file\", \\[\"$P/missing_file\"\\], 0x[0-9a-f]+ /\\* [0-9]+ vars \\*/\\) = 0\$" $W/mf.b || {
		fail "no whole execve line"
		show $W/mf.b
		return
	}
	expect_lines $W/mf.b <<-EOF || return
	openat(AT_FDCWD</tmp>, "/nonexistent/sysray-missing/data.db", O_RDONLY|O_CLOEXEC) = -1 ENOENT (No such file or directory)
	write(2</dev/null>, "missing_file: /nonexistent/sysra"..., 77) = 77
	exit_group(1) = ?
	EOF
	[ "$(tail -1 $W/mf.b)" = "+++ exited with 1 +++" ] || {
		fail "last line: $(tail -1 $W/mf.b)"
		return
	}
	ok
}

# Exit lines: a status, SIGKILL, and a fatal signal the shell sends itself
# (the call, the signal line, the death).
c_exits() {
	need_task "sh -c 'exit 3'" '"/bin/sh", ["/bin/sh", "-c", "exit 3"]' || return
	[ "$(lines_of $pid | tail -1)" = "+++ exited with 3 +++" ] || {
		fail "exit 3: last line $(lines_of $pid | tail -1)"
		return
	}
	need_task "sh -c 'kill -9 \$\$'" '"/bin/sh", ["/bin/sh", "-c", "kill -9 $$"]' || return
	[ "$(lines_of $pid | tail -1)" = "+++ killed by SIGKILL +++" ] || {
		fail "kill -9: last line $(lines_of $pid | tail -1)"
		return
	}
	need_task "sh -c 'kill -TERM \$\$'" '"/bin/sh", ["/bin/sh", "-c", "kill -TERM $$"]' || return
	lines_of $pid | sed "s/\b$pid\b/P/g" | tail -3 >$W/term.b
	cat >$W/term.want <<-'EOF'
	kill(P, SIGTERM) = 0
	--- SIGTERM {si_signo=SIGTERM, si_code=SI_USER, si_pid=P, si_uid=0} ---
	+++ killed by SIGTERM +++
	EOF
	if ! diff $W/term.want $W/term.b >$W/term.diff; then
		fail "kill -TERM lines differ (- want, + got)"
		show $W/term.diff
		return
	fi
	ok
}

# A fork whose child exits 3, and the SIGCHLD the parent then takes.
c_fork() {
	need_task fork_exit3 "\"$P/fork_exit3\"" || return
	parent=$pid
	child=$(lines_of $parent | sed -nE 's/^clone\(.* = ([0-9]+)$/\1/p')
	[ -n "$child" ] || {
		fail "no clone of fork_exit3"
		lines_of $parent | sed 's/^/  | /'
		return
	}
	[ "$(lines_of $child | tail -1)" = "+++ exited with 3 +++" ] || {
		fail "the child's last line: $(lines_of $child | tail -1)"
		return
	}
	lines_of $parent >$W/fork.b
	T='[0-9]+( /\* [0-9.]+ s \*/)?' # clock ticks, and seconds if not 0
	grep -qxF "wait4($child, [{WIFEXITED(s) && WEXITSTATUS(s) == 3}], 0, NULL) = $child" $W/fork.b || {
		fail "no whole wait4 line of the parent"
		show $W/fork.b
		return
	}
	grep -qE "^--- SIGCHLD \{si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=$child, si_uid=0, si_status=3, si_utime=$T, si_stime=$T\} ---\$" $W/fork.b || {
		fail "no SIGCHLD line"
		show $W/fork.b
		return
	}
	[ "$(tail -1 $W/fork.b)" = "+++ exited with 0 +++" ] || {
		fail "last line: $(tail -1 $W/fork.b)"
		return
	}
	ok
}

# Signals sent, delivered to handlers, interrupting a call, queued.
c_signals() {
	need_task signals "\"$P/signals\"" || return
	lines_of $pid | sed "s/\b$pid\b/P/g" |
		grep -E '^(kill|tgkill|rt_sigreturn|rt_sigsuspend|rt_sigpending|rt_sigqueueinfo)\(|^---|^\+\+\+' >$W/sig.b
	cat >$W/sig.want <<-'EOF'
	kill(P, SIGUSR1) = 0
	--- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_USER, si_pid=P, si_uid=0} ---
	rt_sigreturn({mask=[]}) = 0
	tgkill(P, P, SIGUSR2) = 0
	--- SIGUSR2 {si_signo=SIGUSR2, si_code=SI_TKILL, si_pid=P, si_uid=0} ---
	rt_sigreturn({mask=[]}) = 0
	kill(P, SIGUSR1) = 0
	rt_sigpending([USR1], 8) = 0
	kill(P, SIGUSR1) = 0
	rt_sigsuspend([], 8) = ? ERESTARTNOHAND (To be restarted if no handler)
	--- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_USER, si_pid=P, si_uid=0} ---
	rt_sigreturn({mask=[USR1]}) = -1 EINTR (Interrupted system call)
	rt_sigqueueinfo(P, SIGUSR1, {si_signo=SIGUSR1, si_code=SI_QUEUE, si_pid=P, si_uid=0, si_int=42, si_ptr=0x2a}) = 0
	--- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_QUEUE, si_pid=P, si_uid=0, si_int=42, si_ptr=0x2a} ---
	rt_sigreturn({mask=[]}) = 0
	+++ exited with 0 +++
	EOF
	if ! diff $W/sig.want $W/sig.b >$W/sig.diff; then
		fail "signal lines differ (- want, + got)"
		show $W/sig.diff 30
		return
	fi
	ok
}

# Every thread is traced, makes its calls and has its own exit line.
c_threads() {
	need_task threads "\"$P/threads\"" || return
	# glibc makes threads with clone3 on x86_64, with clone on arm64
	tids=$(lines_of $pid | sed -nE 's/^clone3?\(.*CLONE_THREAD.* = ([0-9]+)$/\1/p')
	[ "$(echo $tids | wc -w)" -eq 4 ] || {
		fail "want 4 clone or clone3 returning a tid, got: $tids"
		lines_of $pid | grep -v '^mmap\|^mprotect' | sed 's/^/  | /'
		return
	}
	for t in $tids; do
		lines_of $t >$W/thr.b
		grep -q '^getppid() = ' $W/thr.b && [ "$(tail -2 $W/thr.b | head -1)" = "exit(0) = ?" ] &&
			[ "$(tail -1 $W/thr.b)" = "+++ exited with 0 +++" ] || {
			fail "thread $t: no getppid, or does not end with exit(0) and its exit line"
			show $W/thr.b
			return
		}
	done
	ok
}

# -y: paths of files, the cwd behind AT_FDCWD, /dev/null.
c_decode_fds() {
	need_task cat '"/bin/cat", ["/bin/cat", "/tmp/kt-y"]' || return
	lines_of $pid >$W/y.b
	expect_lines $W/y.b <<-'EOF' || return
	openat(AT_FDCWD</tmp>, "/tmp/kt-y", O_RDONLY) = 3</tmp/kt-y>
	sendfile(1</dev/null>, 3</tmp/kt-y>, NULL, 16777216) = 3
	close(3</tmp/kt-y>) = 0
	+++ exited with 0 +++
	EOF
	ok
}

# --explain's report on a missing file, with --follow-peer's programs and
# the credentials knob loaded too (the older-kernel build loads them through
# libbpf; a light skeleton, its own way).
c_explain() {
	cd /tmp || return
	trace $W/X --explain --follow-peer --quiet-until-failure -- $P/missing_file
	cd - >/dev/null
	if [ "$st" != 1 ]; then
		fail "exit status $st, not the command's 1"
		show $W/X.err
		return
	fi
	sed -E 's/^[0-9]+ +//; s/^sysray: explain: [0-9]+ /sysray: explain: PID /' $W/X >$W/X.b
	expect_lines $W/X.b <<-'EOF' || { show $W/X.err; return; }
	sysray: explain: PID (missing_file) wrote to fd 2: "missing_file: /nonexistent/sysray-missing/data.db: No such file or directory\n"
	openat(AT_FDCWD</tmp>, "/nonexistent/sysray-missing/data.db", O_RDONLY|O_CLOEXEC) = -1 ENOENT (No such file or directory)
	sysray: explain: end of report
	EOF
	ok
}

# The whole host: a process started after sysray, and its child, are seen;
# sysray's own calls are not.
c_whole_host() {
	o=$W/host
	: >$o
	$SR -o $o 2>$o.err &
	tr=$!
	if ! wait_lines $o $tr; then
		fail "sysray printed nothing"
		show $o.err
		kill -KILL $tr 2>/dev/null
		return
	fi
	$P/filter_target host
	sleep 0.5
	kill -TERM $tr
	wait $tr
	st=$?
	[ $st -eq 0 ] || {
		fail "sysray exited $st after SIGTERM"
		show $o.err
		return
	}
	n=$(grep -cE '^[0-9]+ +open(at)?\(AT_FDCWD, "/tmp/sysray-mark-host-(parent|child)", O_RDONLY\) = -1 ENOENT \(No such file or directory\)$' $o)
	[ "$n" -eq 2 ] || {
		fail "$n of the 2 marker opens (process and child) seen"
		grep sysray-mark $o | sed 's/^/  | /'
		return
	}
	if grep -q "^$tr " $o; then
		fail "sysray traced itself"
		grep "^$tr " $o | head -3 | sed 's/^/  | /'
		return
	fi
	ok
}

# Whole host with --cgroup: a group's processes and their children, not a
# sibling group's; a group below the one asked for is included.
in_group() {
	cg=$1
	shift
	/bin/sh -c 'echo $$ >"$0/cgroup.procs" && exec "$@"' "$cg" "$@" >/dev/null 2>&1
}
c_cgroup() {
	root=$(awk '$3 == "cgroup2" { print $2; exit }' /proc/mounts)
	[ -n "$root" ] || {
		skip "no cgroup v2 mount"
		return
	}
	a=$root/kt-a b=$root/kt-b sub=$root/kt-a/inner
	mkdir -p $a $b $sub
	o=$W/cg
	: >$o
	$SR -o $o --cgroup kt-a 2>$o.err &
	tr=$!
	if ! wait_lines $o $tr in_group $a /bin/true; then
		fail "sysray printed nothing"
		show $o.err
		kill -KILL $tr 2>/dev/null
		rmdir $sub $a $b
		return
	fi
	in_group $a $P/filter_target in
	in_group $b $P/filter_target out
	in_group $sub $P/filter_target sub
	sleep 0.5
	kill -INT $tr
	wait $tr
	st=$?
	rmdir $sub $a $b
	[ $st -eq 0 ] || {
		fail "sysray exited $st after SIGINT"
		show $o.err
		return
	}
	for t in in sub; do
		n=$(grep -cE "^[0-9]+ +open(at)?\\(AT_FDCWD, \"/tmp/sysray-mark-$t-(parent|child)\"" $o)
		[ "$n" -eq 2 ] || {
			fail "group $t: $n of the 2 marker opens seen"
			grep sysray-mark $o | sed 's/^/  | /'
			return
		}
	done
	if grep -q 'sysray-mark-out' $o; then
		fail "the sibling group leaked into the trace"
		grep sysray-mark-out $o | sed 's/^/  | /'
		return
	fi
	ok
}

# A ring buffer far too small and no reader thread (so that losses come
# at once): they are counted, marked inline, and the markers add up to the
# total on stderr.
c_losses() {
	for n in 20000 200000 2000000; do
		trace $W/loss -b 8K --backlog=0 -- $P/busy /dev/null $n
		total=$(sed -nE 's/^sysray: ([0-9]+) events? lost.*/\1/p' $W/loss.err)
		[ -n "$total" ] && break
	done
	[ -n "$total" ] || {
		fail "nothing lost with -b 8K (or no summary on stderr)"
		show $W/loss.err
		return
	}
	marks=$(sed -nE 's/^--- sysray: ([0-9]+) events? lost.*/\1/p' $W/loss |
		awk '{ s += $1 } END { print s + 0 }')
	[ "$marks" -eq "$total" ] || {
		fail "inline markers add up to $marks, stderr says $total"
		show $W/loss.err
		return
	}
	[ $st -eq 0 ] || {
		fail "exit status $st"
		return
	}
	ok
}

# io_uring requests, on every kernel: 6.4's io_uring_complete, 6.0-6.3's,
# and 5.10's (Debian 11's, with 5.15's io_uring: the request in both
# tracepoints, but no io_uring_req_failed: the request refused while being
# set up is found at its completion). Lines as tests/integration/uring.py
# has them, without the alignment.
c_uring() {
	[ -x $P/uring_ops ] || {
		skip "no uring_ops in the image (amd64 only)"
		return
	}
	trace $W/U -d -- $P/uring_ops
	pid=$(grep -F "execve(\"$P/uring_ops\"" $W/U | sed -nE "1s/^([0-9]+) .*/\\1/p")
	# its lines without the pid column and alignment (lines_of reads $W/L)
	grep "^$pid " $W/U | sed -E 's/^[0-9]+ +//; s/ +(= [^=]*)$/ \1/' >$W/U.b
	if grep -q 'io_uring requests are not traced' $W/U.err; then
		fail "-d says io_uring requests are not traced"
		show $W/U.err 8
		return
	fi
	cat >$W/U.want <<-'EOF'
	[io_uring] openat(AT_FDCWD, "missing.conf", O_RDONLY) = -1 ENOENT (No such file or directory)
	[io_uring] openat(AT_FDCWD, "data.txt", O_WRONLY|O_CREAT|O_TRUNC, 0644) = 4
	[io_uring] write(4, "hello io_uring\n", 15, 0) = 15
	[io_uring] close(4) = 0
	[io_uring] openat(AT_FDCWD, "data.txt", O_RDONLY) = 4
	[io_uring] read(4, "hello io_uring\n", 64, 0) = 15
	[io_uring] readv(4, [{iov_base="io_ur", iov_len=5}, {iov_base="ing\n", iov_len=4}], 2, 6) = 9
	[io_uring] read(0 /* fixed file */, "hello", 5, 0) = 5
	[io_uring] unlinkat(AT_FDCWD, "data.txt", 0) = 0
	[io_uring] close(99) = -1 EBADF (Bad file descriptor)
	[io_uring] IORING_OP_NOP() = -1 ECANCELED (Operation canceled)
	[io_uring] IORING_OP_NOP() = 0
	[io_uring] accept4(4, NULL, NULL, 0) = 6
	[io_uring] sendto(5, "ping", 4, 0, NULL, 0) = 4
	[io_uring] recvfrom(6, "ping", 16, 0, NULL, NULL) = 4
	[io_uring] openat(AT_FDCWD, "missing.conf", O_RDONLY) = -1 EBADF (Bad file descriptor)
	EOF
	if ! expect_lines $W/U.b <$W/U.want; then
		grep -F "[io_uring]" $W/U | head -8 | sed "s/^/  | /"
		show $W/U.err 8
		return
	fi
	# -y: the registered file's path, from the io_uring_register program
	# (where it reads the syscall's arguments) or the syscall's own capture
	trace $W/UY -y -e trace=%io_uring -- $P/uring_ops
	grep -qE '^[0-9]+ +\[io_uring\] read\(0<fixed:/.*/data\.txt>, "hello", 5, 0\) += 5$' $W/UY || {
		fail "-y: no fixed file's path in the registered file's read"
		grep -F "read(0" $W/UY | sed "s/^/  | /"
		show $W/UY.err 8
		return
	}
	ok
}

# io_uring requests that print as their syscalls (tests/uring/uring_twins.c
# makes each call as a syscall, then as a request with the same fds): the
# requests' lines, "[io_uring] " dropped, are the syscalls' (which the host's
# tests compare with strace's), pread64's and the like under the names of
# their requests; IORING_OP_FSYNC with IORING_FSYNC_DATASYNC as fdatasync,
# without as fsync; splice's offsets, which the request holds by value, as
# "[0]" and NULL. The kernels take the same path for every opcode.
c_uring_twins() {
	[ -x $P/uring_twins ] || {
		skip "no uring_twins in the image (amd64 only)"
		return
	}
	trace $W/UT -e trace=openat,close,read,write,readv,writev,pread64,pwrite64,preadv,pwritev,fsync,fdatasync,splice,tee,statx,connect,accept4,sendto,recvfrom -- $P/uring_twins
	sed -E '/ \+\+\+ /d; s/^[0-9]+ +//; s/ +(= [^=]*)$/ \1/' $W/UT >$W/UT.b
	sed -n 's/^\[io_uring\] //p' $W/UT.b >$W/UT.req
	# the round of syscalls: from its first call, as many lines as requests
	grep -v '^\[io_uring\] ' $W/UT.b | sed -n '/^openat(AT_FDCWD, "missing.txt", O_RDONLY)/,$p' |
		head -n "$(wc -l <$W/UT.req)" |
		sed -E 's/^pread64\(/read(/; s/^pwrite64\(/write(/; s/^preadv\(/readv(/; s/^pwritev\(/writev(/' >$W/UT.sys
	cat >$W/UT.want <<-'EOF'
	write(5, "splice and tee\n", 15, 0) = 15
	readv(5, [{iov_base="\0\0ve", iov_len=4}, {iov_base="ctored\n", iov_len=8}], 2, 20) = 11
	fsync(5) = 0
	fdatasync(5) = 0
	splice(5, [0], 7, NULL, 7, SPLICE_F_MOVE) = 7
	tee(6, 9, 7, SPLICE_F_NONBLOCK) = 7
	splice(8, NULL, 5, [15], 7, 0) = 7
	splice(5, [3], 5, NULL, 1, 0) = -1 EINVAL (Invalid argument)
	EOF
	if ! expect_lines $W/UT.req <$W/UT.want; then
		show $W/UT.err 8
		return
	fi
	[ $st -eq 0 ] && [ "$(wc -l <$W/UT.req)" -eq 19 ] && cmp -s $W/UT.sys $W/UT.req || {
		fail "status $st; the requests do not print as their syscalls"
		diff $W/UT.sys $W/UT.req | head -20 | sed "s/^/  | /"
		show $W/UT.err 8
		return
	}
	ok
}

# Warnings, oopses or BUGs the kernel logged while sysray ran.
c_kernel_log() {
	dmesg >$W/dmesg
	if grep -qE 'WARNING:|BUG:|Oops|Call Trace:' $W/dmesg; then
		fail "the kernel logged a warning or an oops"
		grep -E -A12 'WARNING:|BUG:|Oops' $W/dmesg | head -40 | sed 's/^/  | /'
		return
	fi
	ok
}

# -c counts in the kernel (task storage from 5.17, an LRU hash before): the
# table of the calls missing_file makes itself (not its loader's), as its
# source says: one stat and one statx that fail, one write.
c_count() {
	case $(uname -m) in
	x86_64) ;;
	*)
		skip "missing_file calls stat only on x86_64"
		return
		;;
	esac
	trace $W/C -c -U name,calls,errors -S name -e trace=stat,statx,write -- $P/missing_file
	[ $st -eq 1 ] || {
		fail "exit status $st, want missing_file's 1"
		show $W/C.err
		return
	}
	cat >$W/C.want <<-EOF
	syscall              calls    errors
	---------------- --------- ---------
	stat                     1         1
	statx                    1         1
	write                    1          
	---------------- --------- ---------
	total                    3         2
	EOF
	cmp -s $W/C $W/C.want || {
		fail "the -c table differs from the one missing_file's calls make"
		show $W/C
		return
	}
	ok
}

ALL="load launch exits fork signals threads decode_fds explain whole_host cgroup losses uring uring_twins count kernel_log"
# make test's subset: one sysray run, and -c's (counted in the kernel)
QUICK="load launch exits signals decode_fds count kernel_log"
case "${1:-all}" in
all) set -- $ALL ;;
quick) set -- $QUICK ;;
esac
for name in "$@"; do
	t0=$(now)
	if command -v "c_$name" >/dev/null; then
		"c_$name"
	else
		fail "no such check (known: $ALL)"
	fi
done
echo "$pass passed, $fail failed, $skip skipped"
