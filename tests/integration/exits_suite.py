# SPDX-License-Identifier: GPL-2.0
"""Integration tests of the classic failures (run by run.py): exit statuses
and signals as strace prints them, forks, threads and execve, a leader that
exits first, CLONE_PARENT, and one-line errors for bad usage.
"""

import os
import re
import subprocess
import sys
import time

from common import Skip, check, wait_tracing
from harness import (LINE_RE, SYSRAY, bodies, find, merged, one_line_error, pids, prog, registry,
                     sysray, tmpfile, trace)

TESTS, test = registry()


@test
def demo_missing_config():
    st, lines, _ = trace([prog('demo')])
    check(st == 1, f'sysray should exit with the command\'s status 1, got {st}')
    b = bodies(lines)
    # the path argument is printed whole; argv strings are cut at -s 32, as strace does
    argv0 = prog('demo')
    argv0 = f'"{argv0}"' if len(argv0) <= 32 else f'"{argv0[:32]}"...'
    check(b and b[0].startswith(f'execve("{prog("demo")}", [{argv0}], 0x'),
          f'first line should be the execve, got {b[:1]}')
    want = ('openat(AT_FDCWD, "/etc/sysray-demo/app.conf", O_RDONLY) = -1 ENOENT '
            '(No such file or directory)')
    check(want in b, 'missing line: ' + want)
    check('write(2, "demo: cannot open /etc/sysray-de"..., 71) = 71' in b,
          'missing the error message write (cut at -s 32)')
    check(b[-2:] == ['exit_group(1)                     = ?', '+++ exited with 1 +++'],
          f'trace should end with exit_group(1) and +++ exited with 1 +++, got {b[-2:]}')


@test
def exit_status_and_signals():
    st, lines, _ = trace(['/bin/sh', '-c', 'exit 7'])
    check(st == 7, f'exit 7: got {st}')
    st, lines, _ = trace(['/bin/sh', '-c', 'kill -9 $$'])
    check(st == 137, f'killed by SIGKILL: want 137, got {st}')
    check(bodies(lines)[-1] == '+++ killed by SIGKILL +++', f'last line: {lines[-1:]}')


@test
def self_sent_signals_follow_the_call():
    """kill(self): the kill line, then one '--- SIG... ---', as strace prints it,
    for a signal that dumps core (delivered) and one that kills at once."""
    for sig in ('ABRT', 'TERM'):
        for extra in ([], ['-z']):
            st, lines, _ = trace(['/bin/sh', '-c', f'kill -{sig} $$'], extra)
            b = bodies(lines)
            want = [f'kill(N, SIG{sig})', f'--- SIG{sig} {{si_signo=SIG{sig}, si_code=SI_USER, ',
                    f'+++ killed by SIG{sig}']
            got = [re.sub(r'^kill\(\d+, (SIG\w+)\) += 0$', r'kill(N, \1)', x) for x in b[-3:]]
            check(len(got) == 3 and all(g.startswith(w) for g, w in zip(got, want)) and
                  sum(x.startswith('--- SIG') for x in b) == 1,
                  f'kill -{sig} {extra}: {b[-4:]}')


@test
def broken_pipe_like_strace():
    """yes | head -1: yes's last write fails with EPIPE (a fatal SIGPIPE is not a
    SIGKILL: the call returns), then strace's SIGPIPE line, then its death."""
    st, lines, _ = trace(['/bin/sh', '-c', 'yes | head -1 >/dev/null'])
    pid = next((LINE_RE.match(l).group(1) for l in lines if '+++ killed by SIGPIPE +++' in l), None)
    check(pid, f'no task killed by SIGPIPE: {lines[-5:]}')
    mine = [b for l, b in zip(lines, bodies(lines)) if l.startswith(pid + ' ')]
    check(re.search(r'\) += -1 EPIPE \(Broken pipe\)$', mine[-3]), f'last write: {mine[-3:]}')
    check(mine[-2] == '--- SIGPIPE {si_signo=SIGPIPE, si_code=SI_USER, si_pid=%s, si_uid=%d} ---'
          % (pid, os.getuid()), f'signal line: {mine[-2]}')


@test
def signal_sets_like_strace():
    """-e signal=SET shows only those signals' lines (decided in the kernel)."""
    cmd = ['/bin/sh', '-c', 'yes | head -1 >/dev/null']
    for expr, want in (('signal=none', set()), ('signal=SIGCHLD', {'SIGCHLD'}),
                       ('signal=!SIGCHLD', {'SIGPIPE'})):
        st, lines, _ = trace(cmd, ['-e', expr])
        got = {m.group(1) for m in (re.search(r'--- (SIG\w+) ', l) for l in lines) if m}
        check(got == want, f'-e {expr}: signal lines {got}, want {want}')


@test
def killed_in_a_call_never_returns():
    """A task killed inside a call: strace's '= ?', never the ERESTART* the kernel returned."""
    st, lines, _ = trace(['/bin/sh', '-c', 'sleep 10 & sleep 0.3; kill -9 $!; wait'])
    pids = [LINE_RE.match(l).group(1) for l in lines
            if LINE_RE.match(l) and LINE_RE.match(l).group(2) == '+++ killed by SIGKILL +++']
    check(len(pids) == 1, f'one task killed by SIGKILL: {lines[-6:]}')
    mine = [b for l, b in zip(lines, bodies(lines)) if l.startswith(pids[0] + ' ')]
    check(re.fullmatch(r'(<\.\.\. clock_nanosleep resumed> |clock_nanosleep\(.*, +)'
                       r'<unfinished \.\.\.>\) += \?', mine[-2]),
          f'the sleep should end unfinished with "= ?": {mine[-3:]}')
    check(not any('ERESTART' in b for b in mine), f'an ERESTART* return was printed: {mine[-3:]}')


@test
def a_blocked_read_shows_at_once():
    """A call with no input to copy goes as one record when its task stays
    on its CPU, but one that blocks shows at once: while the read waits on
    its pipe, the file already ends with its unfinished line, as strace
    -o writes it; once data comes, the line is whole."""
    out = tmpfile()
    code = 'import os; os.read(0, 10)'
    try:
        tr = subprocess.Popen([SYSRAY, '-o', out, '--', sys.executable, '-c', code],
                              stdin=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            wait_tracing(tr, out)
            partial, deadline = [], time.time() + 30
            while not partial and time.time() < deadline:
                with open(out, errors='replace') as f:
                    partial = re.findall(r'^\d+ +read\(0, $', f.read(), re.M)
                time.sleep(0.05)
            check(partial, 'no "read(0, " line while the read blocks')
            tr.stdin.write('data\n')
            tr.stdin.close()
            check(tr.wait(timeout=60) == 0, f'status {tr.returncode}: {tr.stderr.read()}')
        finally:
            if tr.poll() is None:
                tr.kill()
                tr.wait()
        with open(out, errors='replace') as f:
            lines = bodies(f.read().splitlines())
        check(any(re.fullmatch(r'read\(0, "data\\n", 10\) += 5', b) for b in lines),
              f'no whole read line: {[b for b in lines if b.startswith("read(0")]}')
    finally:
        os.unlink(out)


@test
def thread_execve_supersedes_the_leader():
    """-Y keeps the old leader's name on strace's 'superseded' line."""
    st, lines, _ = trace([prog('thread_exec')], ['-Y'])
    check(st == 0, f'exit status {st}')
    sup = [l for l in lines if '+++ superseded by execve in pid ' in l]
    check(len(sup) == 1 and re.match(r'\d+<thread_exec> \+\+\+', sup[0]),
          f'superseded line: {sup}')
    after = lines[lines.index(sup[0]) + 1]
    check(re.match(r'\d+<true> <\.\.\. execve resumed>\) += 0$', after), f'then: {after}')


@test
def fork_child_exits_3():
    st, lines, _ = trace([prog('fork_exit3')])
    lines = merged(lines)
    check(st == 0, f'status {st}')
    ps = pids(lines)
    check(len(ps) == 2, f'want 2 processes, got {ps}')
    child = ps[1]
    check(f'{child:<5d} +++ exited with 3 +++' in lines, 'child should exit with 3')
    waits = find(lines, r'wait4\(' + str(child) + r', \[\{WIFEXITED\(s\) && WEXITSTATUS\(s\) == 3\}\]')
    check(waits, 'parent wait4 should report WEXITSTATUS 3')


@test
def threads_each_traced():
    st, lines, _ = trace([prog('threads')])
    lines = merged(lines)
    check(st == 0, f'status {st}')
    ps = pids(lines)
    check(len(ps) >= 5, f'want main + 4 threads, got {ps}')
    for tid in ps[1:]:
        mine = [b for line in lines for b in [LINE_RE.match(line)] if b and int(b.group(1)) == tid]
        check(any('getppid()' in m.group(2) for m in mine), f'thread {tid} shows no getppid')
        check(any('+++ exited with 0 +++' in m.group(2) for m in mine),
              f'thread {tid} has no exit line')


@test
def command_not_found():
    st, out, err = sysray(['--', 'no-such-command-xyz'])
    check(st == 127, f'want 127 like a shell, got {st}')
    check(one_line_error(err) and "Can't stat 'no-such-command-xyz'" in err,
          f'want one line with strace\'s message, got {err!r}')


@test
def bad_usage_one_line():
    for args, what in ((['--bogus'], 'unknown option'), (['-Q'], 'unknown option'),
                       (['-s', 'x', '--', 'true'], 'invalid -s'),
                       (['-b', '12Q', '--', 'true'], 'invalid buffer size'),
                       (['--backlog=lots', '--', 'true'], 'invalid backlog size'),
                       (['-p', 'abc'], 'invalid process id')):
        st, _, err = sysray(args)
        check(st == 2, f'{args}: want exit 2, got {st}')
        check(one_line_error(err) and what in err and '--help' in err,
              f'{args}: want one line naming the fix, got {err!r}')


@test
def unwritable_output():
    st, _, err = sysray(['-o', '/proc/version/x', '--', 'true'])
    check(st == 1, f'want 1, got {st}')
    check(one_line_error(err) and 'cannot write' in err and '-o' in err, repr(err))


@test
def missing_pid():
    pid = 4194303  # above pid_max's usual range, never running
    st, _, err = sysray(['-p', str(pid)])
    check(st != 0, 'a missing pid must fail')
    check(one_line_error(err) and 'no such process' in err, repr(err))


@test
def no_privileges():
    if not os.path.exists('/usr/sbin/setpriv') and not os.path.exists('/usr/bin/setpriv'):
        raise Skip('setpriv (util-linux) is not installed')
    p = subprocess.run(['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups',
                        '--inh-caps=-all', SYSRAY, '--', 'true'],
                       capture_output=True, text=True, timeout=30)
    check(p.returncode != 0, 'an unprivileged run must fail')
    check(one_line_error(p.stderr) and 'CAP_BPF' in p.stderr, repr(p.stderr))


CLONE_PARENT_SCRIPT = r"""
import ctypes, errno, os, sys, time
libc = ctypes.CDLL(None, use_errno=True)
libc.syscall.restype = ctypes.c_long
# clone(CLONE_PARENT | SIGCHLD) with no new stack: a fork whose parent is ours
pid = libc.syscall(56, 0x00008000 | 17, 0, 0, 0, 0)
if pid == 0:
    os._exit(0)
end = time.monotonic() + 10
while time.monotonic() < end:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        print("reaped")
        sys.exit(0)
    time.sleep(0.01)
print("still there")
sys.exit(1)
"""


@test
def clone_parent_child_reaped():
    """A launched command's CLONE_PARENT child is sysray's child: sysray
    reaps it as strace does, so a program that waits for it to vanish (as
    strace's clone_parent test does) goes on instead of hanging."""
    if os.uname().machine != 'x86_64':
        raise Skip('the script calls clone by its x86_64 number')
    st, out, err = sysray(['-o', '/dev/null', '--', sys.executable, '-c', CLONE_PARENT_SCRIPT])
    check(st == 0 and out == 'reaped\n', f'status {st}, stdout {out!r}: {err}')


@test
def leader_exits_before_its_threads():
    """The main thread calls pthread_exit() and another thread works on for
    longer than sysray's check for vanished processes, then runs execve:
    every line is there, and the end of the leader shows as strace -f
    prints it (the thread's pid changes, the leader is superseded, the new
    image's exit is the process's)."""
    st, lines, err = trace([prog('leader_exits')], ['-f'])
    check(st == 4, f'status {st}: {err}')
    leader = pids(lines)[0]
    rest = [ln for ln in lines
            if re.match(r'\d+ +(exit\(|exit_group\(|execve\(|<\.\.\. execve resumed|\+\+\+)', ln)][1:]
    want = [rf'{leader} +exit\(0\) += \?',
            r'(\d+) +execve\("\S+leader_exits", \["leader_exits", "again"\], 0x[0-9a-f]+ '
            rf'/\* \d+ vars \*/ <pid changed to {leader} \.\.\.>',
            rf'{leader} +\+\+\+ superseded by execve in pid (\d+) \+\+\+',
            rf'{leader} +<\.\.\. execve resumed>\) += 0',
            rf'{leader} +exit_group\(4\) += \?',
            rf'{leader} +\+\+\+ exited with 4 \+\+\+']
    check(len(rest) == len(want) and all(re.fullmatch(w, ln) for w, ln in zip(want, rest)),
          'the leader\'s end and the execve:\n' + '\n'.join(rest))
    check(any('openat(AT_FDCWD, "/nonexistent/leader_exits.conf", O_RDONLY) = -1 ENOENT' in ln
              for ln in lines), 'the thread\'s openat after 700 ms is missing')
