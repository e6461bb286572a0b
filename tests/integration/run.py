#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Integration tests: load the BPF programs and trace real programs.

Needs root (or CAP_BPF+CAP_PERFMON) and a kernel with BTF; without them every
test is skipped with the reason printed. Each test prints "ok", "FAIL" or
"skip" and the run ends with "N passed, N failed, N skipped".

usage: run.py [-k SUBSTRING]   (run only tests whose name contains SUBSTRING)
"""

import os
import re
import signal
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SYSRAY = os.path.join(ROOT, 'sysray')
PROGS = os.path.join(ROOT, '.output', 'progs')
TESTS = []


def test(fn):
    TESTS.append(fn)
    return fn


class Fail(Exception):
    pass


class Skip(Exception):
    pass


def check(cond, msg):
    if not cond:
        raise Fail(msg)


def prog(name):
    return os.path.join(PROGS, name)


def tmpfile(suffix='.txt'):
    fd, path = tempfile.mkstemp(prefix='sysray-it-', suffix=suffix)
    os.close(fd)
    return path


def sysray(args, timeout=60, **kw):
    """Run sysray to completion; return (status, stdout, stderr)."""
    p = subprocess.run([SYSRAY] + args, capture_output=True, text=True, timeout=timeout,
                       errors='replace', **kw)
    return p.returncode, p.stdout, p.stderr


def trace(cmd, extra=(), timeout=60):
    """Trace cmd into a file; return (status, lines, stderr)."""
    out = tmpfile()
    try:
        st, _, err = sysray(['-o', out] + list(extra) + ['--'] + cmd, timeout=timeout)
        with open(out, errors='replace') as f:
            return st, f.read().splitlines(), err
    finally:
        os.unlink(out)


def strace(cmd, extra=(), timeout=60):
    out = tmpfile()
    try:
        p = subprocess.run(['strace', '-f', '-q', '-o', out] + list(extra) + ['--'] + cmd,
                           capture_output=True, text=True, timeout=timeout)
        with open(out, errors='replace') as f:
            return p.returncode, f.read().splitlines()
    finally:
        os.unlink(out)


LINE_RE = re.compile(r'^(\d+)\s+(.*)$')


def bodies(lines):
    """Drop the pid column."""
    out = []
    for line in lines:
        m = LINE_RE.match(line)
        out.append(m.group(2) if m else line)
    return out


def pids(lines):
    seen = []
    for line in lines:
        m = LINE_RE.match(line)
        if m and int(m.group(1)) not in seen:
            seen.append(int(m.group(1)))
    return seen


def find(lines, pattern):
    rx = re.compile(pattern)
    return [line for line in lines if rx.search(line)]


def one_line_error(err):
    lines = [line for line in err.splitlines() if line.strip()]
    return len(lines) == 1 and lines[0].startswith('sysray: ')


def differential(args):
    cmd = [sys.executable, os.path.join(ROOT, 'tests', 'integration', 'differential.py'),
           '--sysray', SYSRAY] + args
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=900)
    return p.returncode, p.stdout + p.stderr


# ---------------------------------------------------------------------------
# The classic failure, exit statuses, errors


@test
def demo_missing_config():
    st, lines, _ = trace([prog('demo')])
    check(st == 1, f'sysray should exit with the command\'s status 1, got {st}')
    b = bodies(lines)
    check(b and b[0].startswith('execve("' + prog('demo') + '", ["' + prog('demo') + '"], 0x'),
          f'first line should be the execve, got {b[:1]}')
    want = ('openat(AT_FDCWD, "/etc/sysray-demo/app.conf", O_RDONLY) = -1 ENOENT '
            '(No such file or directory)')
    check(want in b, 'missing line: ' + want)
    check(find(b, r'^write\(2, "demo: cannot open /etc/sysray-demo/app.conf: No such file or '
                  r'directory\\n", 60\) += 60$'), 'missing the error message write')
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
def fork_child_exits_3():
    st, lines, _ = trace([prog('fork_exit3')])
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


# ---------------------------------------------------------------------------
# Against strace, the oracle


@test
def per_pid_names_match_strace():
    """Same syscall names and return values, per process, as strace -f."""
    st, out = differential(['--per-pid-names', '--min', '0', '--progs', PROGS,
                            '--only', 'demo,missing_file,fork_exit3,threads',
                            '--cmd', 'ls /nonexistent'])
    check(st == 0, 'per-process (name, return) sequences differ from strace:\n' +
          '\n'.join(out.splitlines()[-25:]))


@test
def differential_corpus():
    """At least 95% of strace's lines printed identically, over the corpus."""
    report = os.path.join(ROOT, '.output', 'differential-report.txt')
    st, out = differential(['--progs', PROGS, '--min', '0.95', '--report', report,
                            '--known', os.path.join(ROOT, 'tests', 'integration',
                                                    'known-differences.txt')])
    summary = [line for line in out.splitlines() if line.startswith('differential:')]
    print('  ' + (summary[-1] if summary else 'no summary'))
    check(st == 0, 'below target; see ' + report + '\n' + '\n'.join(out.splitlines()[-15:]))


# ---------------------------------------------------------------------------
# Attach, whole host, stopping


def spawn_busy(path):
    """A process that keeps counting into a file until killed."""
    return subprocess.Popen([prog('busy'), path], stdout=subprocess.DEVNULL)


def read_count(path):
    try:
        with open(path) as f:
            return int(f.read().strip() or 0)
    except (OSError, ValueError):
        return 0


def proc_state(pid):
    with open(f'/proc/{pid}/stat') as f:
        return f.read().rsplit(')', 1)[1].split()[0]


@test
def attach_never_stops():
    counter = tmpfile()
    busy = spawn_busy(counter)
    out = tmpfile()
    try:
        time.sleep(0.3)
        tr = subprocess.Popen([SYSRAY, '-o', out, '-p', str(busy.pid)],
                              stderr=subprocess.PIPE, text=True)
        time.sleep(0.5)
        before = read_count(counter)
        states = set()
        for _ in range(10):
            states.add(proc_state(busy.pid))
            time.sleep(0.05)
        after = read_count(counter)
        tr.send_signal(signal.SIGINT)
        st = tr.wait(timeout=20)
        check(st == 0, f'sysray -p should exit 0 after Ctrl-C, got {st}: {tr.stderr.read()}')
        check('t' not in states and 'T' not in states, f'busy was stopped: states {states}')
        check(after > before, f'busy made no progress while traced ({before} -> {after})')
        check(busy.poll() is None, 'busy must keep running after sysray detaches')
        time.sleep(0.2)
        check(read_count(counter) > after, 'busy stopped counting after detach')
        with open(out) as f:
            lines = f.read().splitlines()
        check(find(lines, r'^%d +(nanosleep|clock_nanosleep)\(' % busy.pid) and
              find(lines, r'^%d +pwrite64\(' % busy.pid), 'no syscalls of busy in the trace')
    finally:
        busy.kill()
        busy.wait()
        os.unlink(counter)
        os.unlink(out)


@test
def whole_host_sees_others_not_itself():
    out = tmpfile()
    tr = subprocess.Popen([SYSRAY, '-o', out], stderr=subprocess.PIPE, text=True)
    try:
        time.sleep(1.0)
        marker = '/tmp/sysray-whole-host-marker-%d' % os.getpid()
        subprocess.run(['/bin/cat', marker], capture_output=True)
        time.sleep(0.5)
    finally:
        tr.send_signal(signal.SIGTERM)
        st = tr.wait(timeout=20)
    with open(out) as f:
        lines = f.read().splitlines()
    os.unlink(out)
    check(st == 0, f'exit status {st}: {tr.stderr.read()}')
    check(find(lines, r'openat\(AT_FDCWD, "' + re.escape(marker) + r'", O_RDONLY\) = -1 ENOENT'),
          'the marker cat was not seen')
    check(not find(lines, r'^%d ' % tr.pid), 'sysray traced itself')


@test
def ctrl_c_reaches_the_command():
    """Like a terminal's Ctrl-C: the whole process group gets SIGINT."""
    out = tmpfile()
    tr = subprocess.Popen([SYSRAY, '-o', out, '--', 'sleep', '30'], start_new_session=True)
    try:
        time.sleep(1.0)
        os.killpg(tr.pid, signal.SIGINT)
        st = tr.wait(timeout=20)
    finally:
        if tr.poll() is None:
            os.killpg(tr.pid, signal.SIGKILL)
    with open(out) as f:
        lines = f.read().splitlines()
    os.unlink(out)
    check(st == 130, f'want 128+SIGINT like the command, got {st}')
    check(lines and bodies(lines)[-1] == '+++ killed by SIGINT +++',
          f'last line should be +++ killed by SIGINT +++: {lines[-3:]}')


@test
def sigterm_detaches_without_killing():
    out = tmpfile()
    tr = subprocess.Popen([SYSRAY, '-o', out, '--', prog('busy'), '/dev/null'])
    try:
        time.sleep(1.0)
        with open(out) as f:
            child = pids(f.read().splitlines())
        check(child, 'nothing traced yet')
        tr.send_signal(signal.SIGTERM)
        tr.wait(timeout=20)
        time.sleep(0.2)
        alive = os.path.exists(f'/proc/{child[0]}') and proc_state(child[0]) != 'Z'
        check(alive, 'the command must survive sysray\'s SIGTERM')
    finally:
        if child:
            os.kill(child[0], signal.SIGKILL)
        os.unlink(out)


@test
def losses_are_reported():
    """A ring buffer far too small: every loss is counted and marked inline."""
    st, lines, err = trace([prog('busy'), '/dev/null', '20000'], extra=['-b', '8K'])
    marks = [int(m.group(1)) for line in lines for m in
             [re.match(r'^--- sysray: (\d+) events? lost', line)] if m]
    m = re.search(r'sysray: (\d+) events lost', err)
    check(m, 'no loss summary on stderr: ' + err)
    check(marks, 'no inline loss markers')
    check(sum(marks) == int(m.group(1)),
          f'inline markers ({sum(marks)}) must add up to the total ({m.group(1)})')


def main():
    only = None
    if len(sys.argv) > 2 and sys.argv[1] == '-k':
        only = sys.argv[2]
    reason = None
    if os.geteuid() != 0:
        reason = 'not root: the BPF programs cannot be loaded'
    elif not os.path.exists('/sys/kernel/btf/vmlinux'):
        reason = 'this kernel has no BTF (/sys/kernel/btf/vmlinux)'
    passed = failed = skipped = 0
    for fn in TESTS:
        name = fn.__name__
        if only and only not in name:
            continue
        if reason:
            print(f'skip integration/{name}: {reason}')
            skipped += 1
            continue
        t0 = time.time()
        try:
            fn()
            print(f'ok   integration/{name} ({time.time() - t0:.1f}s)')
            passed += 1
        except Skip as e:
            print(f'skip integration/{name}: {e}')
            skipped += 1
        except Exception as e:  # pylint: disable=broad-except
            print(f'FAIL integration/{name}: {type(e).__name__}: {e}')
            failed += 1
        sys.stdout.flush()
    print(f'{passed} passed, {failed} failed, {skipped} skipped')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
