#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Integration tests: load the BPF programs and trace real programs.

Needs root (or CAP_BPF+CAP_PERFMON) and a kernel with BTF; without them every
test is skipped with the reason printed. Each test prints "ok", "FAIL" or
"skip" and the run ends with "N passed, N failed, N skipped".

usage: run.py [-k SUBSTRING]...   (run only tests whose name contains a SUBSTRING)

SYSRAY=PATH runs another build (default ./sysray); with SYSRAY_SANITIZED=1
(make test-asan) every sanitizer report of every sysray run fails the last
test, no_sanitizer_reports.
"""

import collections
import json
import difflib
import os
import re
import shutil
import select
import signal
import subprocess
import sys
import tempfile
import time

from common import Fail, Skip, cgroup2_root, check, run_suite, selected, wait_tracing
import bpf_stack

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
# SYSRAY=.output/asan/sysray (make test-asan): the same tests against a build
# with ASan and UBSan, whose reports land in SANITIZER_LOGS (see main()).
SYSRAY = os.path.abspath(os.environ.get('SYSRAY') or os.path.join(ROOT, 'sysray'))
SANITIZED = os.environ.get('SYSRAY_SANITIZED') == '1'
PROGS = os.path.join(ROOT, '.output', 'progs')
TESTS = []


def test(fn):
    TESTS.append(fn)
    return fn


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


def trace(cmd, extra=(), timeout=60, env=None):
    """Trace cmd into a file (env: variables added to sysray's environment);
    return (status, lines, stderr)."""
    out = tmpfile()
    kw = {'env': dict(os.environ, **env)} if env else {}
    try:
        st, _, err = sysray(['-o', out] + list(extra) + ['--'] + cmd, timeout=timeout, **kw)
        with open(out, errors='replace') as f:
            return st, f.read().splitlines(), err
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


def merged(lines):
    """Join each "X <unfinished ...>" with its "<... name resumed>Y", per pid."""
    out, open_at = [], {}
    for line in lines:
        m = LINE_RE.match(line)
        if not m:
            out.append(line)
            continue
        pid, body = m.group(1), m.group(2)
        r = re.match(r'^<\.\.\. \w+ resumed>(.*)$', body)
        if r and pid in open_at:
            i = open_at.pop(pid)
            out[i] = out[i] + r.group(1)
            continue
        if body.endswith(' <unfinished ...>'):
            open_at[pid] = len(out)
            body = body[:-len(' <unfinished ...>')]
            line = line[:len(line) - len(m.group(2))] + body
        out.append(line)
    return out


def find(lines, pattern):
    rx = re.compile(pattern)
    return [line for line in lines if rx.search(line)]


def one_line_error(err):
    lines = [line for line in err.splitlines() if line.strip()]
    return len(lines) == 1 and lines[0].startswith('sysray: ')


def differential(args, env=None):
    cmd = [sys.executable, os.path.join(ROOT, 'tests', 'integration', 'differential.py'),
           '--sysray', SYSRAY] + args
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=900,
                       env=dict(os.environ, **env) if env else None)
    return p.returncode, p.stdout + p.stderr


# ---------------------------------------------------------------------------
# The classic failure, exit statuses, errors


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
    """Every strace line printed identically over the corpus, and no line
    strace does not print, unless known-differences.txt explains it; every
    program exits as it should, with the same status under both tracers, and
    makes the same (syscall, return value) sequence per process."""
    report = os.path.join(ROOT, '.output', 'differential-report.txt')
    st, out = differential(['--per-pid-names', '--progs', PROGS, '--min', '0', '--exact',
                            '--report', report,
                            '--known', os.path.join(ROOT, 'tests', 'integration',
                                                    'known-differences.txt')])
    summary = [line for line in out.splitlines() if line.startswith('differential:')]
    print('  ' + (summary[-1] if summary else 'no summary'))
    check(st == 0, 'unexplained differences or a program exited wrongly; see ' + report + '\n' +
          '\n'.join(out.splitlines()[-15:]))


@test
def bpf_call_chains_fit_older_verifiers():
    """Every program's deepest call chain, each frame rounded up to 32 bytes
    as verifiers before 6.7 count it, is within their 512 (tests/integration/
    bpf_stack.py): over it, 6.1 refuses the light skeleton (and 5.10 the
    build for older kernels), which this host's verifier would not show."""
    objs = [os.path.join(ROOT, '.output', n + '.bpf.o')
            for n in ('sysray', 'sysray_fdi', 'sysray_compat')]
    for obj in objs:
        check(os.path.exists(obj), f'{obj} is missing: make builds it')
    chains = [(os.path.basename(o),) + c for o in objs for c in bpf_stack.deepest(o)]
    over = [f'{o}: {p}: {n} bytes: {bpf_stack.describe(c)}'
            for o, p, n, c in chains if n > bpf_stack.LIMIT]
    print(f'  deepest call chain: {max(c[2] for c in chains)} of {bpf_stack.LIMIT} bytes')
    check(not over, 'call chains over 512 bytes of stack:\n  ' + '\n  '.join(over))


@test
def build_for_older_kernels():
    """The programs built for kernels without bpf_loop() (before 5.17), loaded
    here through SYSRAY_BPF_LOOP=0: over the corpus, strace -yy's lines and fd
    annotations, as differential_corpus and fd_annotations_corpus ask."""
    report = os.path.join(ROOT, '.output', 'differential-compat-report.txt')
    st, out = differential(['--per-pid-names', '--progs', PROGS, '--min', '0.95', '--fds',
                            '--fd-min', '0.99', '--strace-args', '-f -q -yy',
                            '--sysray-args', '-f -yy', '--report', report,
                            '--known', os.path.join(ROOT, 'tests', 'integration',
                                                    'known-differences.txt')],
                           env={'SYSRAY_BPF_LOOP': '0'})
    for line in out.splitlines():
        if line.startswith('differential:'):
            print('  ' + line)
    check(st == 0, 'below target or a program exited wrongly; see ' + report + '\n' +
          '\n'.join(out.splitlines()[-15:]))
    st, _, err = sysray(['-d', '-o', '/dev/null', '--', '/bin/true'],
                        env=dict(os.environ, SYSRAY_BPF_LOOP='0'))
    check(st == 0 and 'loaded by libbpf, built without bpf_loop' in err,
          'SYSRAY_BPF_LOOP=0 did not load the build for older kernels: ' + err[-300:])


# How long one corpus program may run in inputs_captured_before_the_call.
PROG_WAIT = 60


def read_or(path, default):
    try:
        with open(path) as f:
            return f.read().strip()
    except OSError:
        return default


def descendants(pid):
    """The processes below @pid: [(pid, ppid, state, comm)]."""
    procs = {}
    for d in os.listdir('/proc'):
        try:
            with open(f'/proc/{d}/stat') as f:
                head, tail = f.read().rsplit(')', 1)
            procs[int(d)] = (int(tail.split()[1]), tail.split()[0], head.split('(', 1)[1])
        except (OSError, ValueError, IndexError):
            pass
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        for c, (pp, state, comm) in procs.items():
            if pp == p:
                out.append((c, pp, state, comm))
                todo.append(c)
    return out


def hang_report(tr):
    """What a sysray -d that did not end is waiting for: the processes it
    launched that are still there, its threads' states, its state line."""
    below = descendants(tr.pid)
    kids = ', '.join(f'{c} ({comm}, {state}, parent {pp})'
                     for c, pp, state, comm in below[:8]) or 'none'
    if len(below) > 8:
        kids += f' and {len(below) - 8} more'
    threads = []
    for t in os.listdir(f'/proc/{tr.pid}/task'):
        threads.append(f'{t}: {proc_state(t)} in ' + read_or(f'/proc/{tr.pid}/task/{t}/wchan', '?'))
    tr.send_signal(signal.SIGUSR1)
    time.sleep(3)
    tr.kill()
    _, err = tr.communicate()
    for c, _, _, _ in below:
        try:
            os.kill(c, signal.SIGKILL)
        except OSError:
            pass
    state = [line for line in err.splitlines() if line.startswith('sysray: state now:')]
    return (f'processes left: {kids}; sysray threads: {"; ".join(threads)}; '
            f'{state[-1] if state else "no state line"}; stderr ends: {err[-300:]}')


@test
def inputs_captured_before_the_call():
    """Over the corpus, no path, string or argv the kernel read is missing.

    Inputs are copied at entry and, where that faults (a page not yet in
    memory), again at exit; -d counts what even the retry missed while the
    kernel itself read it. That count must be zero.
    """
    work = tempfile.mkdtemp(prefix='sysray-it-')
    progs = sorted(os.path.join(PROGS, n) for n in os.listdir(PROGS))
    # each program gets its own bounded wait (a hung one is killed and
    # named); "running" names the program under way, should sysray hang
    running, hung = os.path.join(work, 'running'), os.path.join(work, 'hung')
    script = ''.join(f'echo "{p}" >"{running}"\n'
                     f'timeout -s KILL {PROG_WAIT} "{p}" </dev/null >/dev/null 2>&1\n'
                     f'[ $? = 137 ] && echo "{p}" >>"{hung}"\n' for p in progs) + 'exit 0\n'
    tr = subprocess.Popen([SYSRAY, '-d', '-o', '/dev/null', '--', 'sh', '-c', script], cwd=work,
                          stderr=subprocess.PIPE, text=True, errors='replace')
    try:
        _, err = tr.communicate(timeout=300)
        st = tr.returncode
    except subprocess.TimeoutExpired:
        raise Fail('sysray still running after 300 s; the program under way: ' +
                   read_or(running, '?') + '; killed: ' + (read_or(hung, '') or 'none') +
                   '; ' + hang_report(tr))
    finally:
        hung_progs = read_or(hung, '').split()
        if tr.poll() is None:
            tr.kill()
            tr.communicate()
        shutil.rmtree(work)
    check(not hung_progs, f'killed after {PROG_WAIT} s: {hung_progs}')
    m = re.search(r'inputs unread after retry \(of which the kernel read\):(.*)', err)
    check(st == 0 and m, f'no unread summary (status {st}): {err[-500:]}')
    counts = {name: (int(a), int(b)) for name, a, b in
              re.findall(r' ([a-z-]+) (\d+) \((\d+)\)', m.group(1))}
    check({'path', 'string', 'argv'} <= counts.keys(), 'summary lacks types: ' + m.group(1))
    # "buffer" is left out: write(2) to /dev/null returns its count without
    # reading the buffer, so a never-touched .rodata page stays unreadable
    # at exit too, and a non-sleepable BPF program cannot fault it in.
    missed = {k: v[1] for k, v in counts.items() if v[1] and k != 'buffer'}
    check(not missed, f'inputs the kernel read but sysray did not: {missed}')
    emitted = re.search(r'records emitted (\d+), consumed (\d+), lost (\d+)', err)
    check(emitted and emitted.group(3) == '0', 'events lost: ' + err[-300:])
    # the corpus does pass untouched .rodata paths: the retry must have run
    retried = re.search(r'retried ok (\d+)', err)
    check(retried and int(retried.group(1)) > 0, 'no read was retried at exit: ' + err[-300:])
    print(f'  {emitted.group(1)} records, {retried.group(1)} reads retried ok; '
          'unread (kernel read): ' +
          ', '.join(f'{k} {a} ({b})' for k, (a, b) in counts.items()))


# ---------------------------------------------------------------------------
# Attach, whole host, stopping


def start_attached(args):
    """Start sysray -p ...; return once it reports every process attached."""
    tr = subprocess.Popen([SYSRAY] + args, stderr=subprocess.PIPE, text=True)
    want = sum(len(a.split(',')) for i, a in enumerate(args) if i and args[i - 1] == '-p')
    seen = 0
    deadline = time.time() + 30
    while seen < want and time.time() < deadline:
        line = tr.stderr.readline()
        if not line:
            raise Fail(f'sysray exited before attaching (status {tr.wait()})')
        seen += ' attached' in line
    check(seen == want, 'sysray did not report the attach')
    return tr


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
def every_thread_exit_reported():
    """Nine threads leave at once, ten times: nine '+++ exited' lines each time."""
    for i in range(10):
        st, lines, _ = trace([prog('thread_exits')])
        n = sum('+++ exited with 0 +++' in line for line in lines)
        check(st == 0 and n == 9, f'run {i}: status {st}, {n} of 9 exits reported')


@test
def attach_ends_with_the_processes():
    """-p P,P (or two threads of one process) ends when that process does."""
    sleeper = subprocess.Popen(['sleep', '1'])
    try:
        st, _, err = sysray(['-o', os.devnull, '-p', f'{sleeper.pid},{sleeper.pid}'], timeout=15)
        check(st == 0 and err.count('attached') == 1, f'-p P,P: status {st}, stderr {err!r}')
    finally:
        sleeper.kill()
        sleeper.wait()


@test
def attach_never_stops():
    counter = tmpfile()
    busy = spawn_busy(counter)
    out = tmpfile()
    try:
        time.sleep(0.3)
        tr = start_attached(['-o', out, '-p', str(busy.pid)])
        time.sleep(0.2)
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
        wait_tracing(tr, out)
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
    # other processes' lines may split cat's call in two (<unfinished ...>);
    # joined, the resumed half keeps its padding before " = "
    check(find(merged(lines), r'openat\(AT_FDCWD, "' + re.escape(marker) +
               r'", O_RDONLY\) += -1 ENOENT'),
          'the marker cat was not seen; its lines: ' +
          str([line[:160] for line in lines if marker in line][:4]) + '; losses: ' +
          str(find(lines, r'^--- sysray: \d+ events lost')[:2]))
    check(not find(lines, r'^%d ' % tr.pid), 'sysray traced itself')


@test
def ctrl_c_reaches_the_command():
    """Like a terminal's Ctrl-C: the whole process group gets SIGINT."""
    out = tmpfile()
    tr = subprocess.Popen([SYSRAY, '-o', out, '--', 'sleep', '30'], start_new_session=True)
    try:
        # the first line is sleep's execve: a SIGINT from now on finds it
        # with the default action, whether it is still in execve or not
        wait_tracing(tr, out)
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
    """SIGTERM to sysray alone: it detaches after its grace period and, the
    command still running, exits 128+SIGTERM (user/main.c command_status)."""
    out = tmpfile()
    child = []
    tr = subprocess.Popen([SYSRAY, '-o', out, '--', prog('busy'), '/dev/null'])
    try:
        wait_tracing(tr, out)
        with open(out) as f:
            child = pids(f.read().splitlines())
        check(child, 'nothing traced yet')
        tr.send_signal(signal.SIGTERM)
        st = tr.wait(timeout=20)
        check(st == 128 + signal.SIGTERM,
              f'sysray should exit 128+SIGTERM, the command still running; got {st}')
        time.sleep(0.2)
        alive = os.path.exists(f'/proc/{child[0]}') and proc_state(child[0]) != 'Z'
        check(alive, 'the command must survive sysray\'s SIGTERM')
    finally:
        if tr.poll() is None:
            tr.kill()
            tr.wait()
        if child:
            os.kill(child[0], signal.SIGKILL)
        os.unlink(out)


def sleeping_child(parent, comm, timeout=30):
    """Wait until a child of parent named comm (so past its execve) is asleep."""
    end = time.time() + timeout
    while time.time() < end:
        try:
            with open(f'/proc/{parent}/task/{parent}/children') as f:
                kids = f.read().split()
            for kid in kids:
                with open(f'/proc/{kid}/comm') as f:
                    if f.read().strip() == comm and proc_state(int(kid)) == 'S':
                        return int(kid)
        except OSError:
            pass
        time.sleep(0.05)
    raise Fail(f'no sleeping {comm} under {parent}')


@test
def detached_calls_marked():
    """The call in progress when sysray stops ends with strace's ' <detached ...>';
    -e status=detached prints just that call, whose entry it held back."""
    for extra in ([], ['-e', 'status=detached']):
        out = tmpfile()
        tr = subprocess.Popen([SYSRAY, '-o', out] + extra + ['--', 'sleep', '30'])
        sleeper = []
        try:
            sleeper = [sleeping_child(tr.pid, 'sleep')]
            tr.send_signal(signal.SIGTERM)
            tr.wait(timeout=20)
            with open(out) as f:
                lines = f.read().splitlines()
            b = bodies(lines)
            check(b and re.fullmatch(r'clock_nanosleep\(CLOCK_REALTIME, 0, \{tv_sec=30, '
                                     r'tv_nsec=0\}, +<detached \.\.\.>', b[-1]),
                  f'{extra}: last line {b[-1:]}')
            check(not extra or len(b) == 1, f'{extra}: only the detached call: {b[:3]}')
        finally:
            if tr.poll() is None:
                tr.kill()
                tr.wait()
            for pid in sleeper[:1]:
                os.kill(pid, signal.SIGKILL)
            os.unlink(out)


@test
def reader_thread_keeps_order():
    """With the reader thread (default) and without (--backlog=0): every call, in order."""
    for extra in ([], ['--backlog=0']):
        st, lines, err = trace([prog('busy'), '/dev/null', '20000'], extra)
        rounds = [int(m.group(1)) for line in bodies(lines)
                  for m in [re.match(r'pwrite64\(\d+, "(\d+)\\n", \d+, 0\) += \d+$', line)] if m]
        check(st == 0, f'{extra}: exit status {st}')
        check(rounds == list(range(1, 20001)),
              f'{extra}: {len(rounds)} pwrite lines, first out of order at '
              f'{next((i for i, v in enumerate(rounds) if v != i + 1), None)}')
        check('lost' not in err, f'{extra}: {err!r}')


@test
def migrating_task_in_order():
    """A task that changes CPU every round: its records come from two ring buffers, in order."""
    if (os.cpu_count() or 1) < 2:
        raise Skip('one CPU: one ring buffer, nothing to merge')
    st, lines, _ = trace([prog('migrate')])
    b = bodies(lines)
    rounds = [int(m.group(1)) for line in b
              for m in [re.match(r'write\(\d+, "(\d+)\\n", \d+\) += \d+$', line)] if m]
    check(st == 0, f'exit status {st}')
    check(rounds == list(range(200)),
          f'{len(rounds)} writes, first out of order at '
          f'{next((i for i, v in enumerate(rounds) if v != i), None)}')
    pins = find(b, r'^sched_setaffinity\(0, 128, \[\d+\]\) += 0$')
    check(len(pins) == 200, f'{len(pins)} whole sched_setaffinity lines')
    check(not find(b, r'resumed>|unfinished'), 'a call split in two: ' +
          str(find(b, r'resumed>|unfinished')[:3]))


def possible_cpus():
    """How many CPUs the kernel may bring up (/sys/devices/system/cpu/possible: "0-3,5")."""
    n = 0
    for part in read_or('/sys/devices/system/cpu/possible', '0').split(','):
        lo, _, hi = part.partition('-')
        n += int(hi or lo) - int(lo) + 1
    return n


@test
def ring_sizes_default_and_given():
    """-b is the rings' total, a power of two per CPU; without it 16 MiB, at least 512 KiB a CPU."""
    ncpus = possible_cpus()
    for extra, total in (([], max(16 << 20, ncpus * (512 << 10))), (['-b', '64M'], 64 << 20),
                         (['-b', '1M'], 1 << 20)):
        st, _, err = sysray(['-d'] + extra + ['-o', '/dev/null', '--', '/bin/true'])
        per = 4096
        while per * 2 * ncpus <= total:
            per *= 2
        check(st == 0 and f'; rings {ncpus} x {per // 1024} KiB\n' in err,
              f'{extra}: expected {ncpus} rings of {per // 1024} KiB: ' + err[-400:])


@test
def losses_are_reported():
    """A ring buffer far too small: every loss is counted and marked inline."""
    # a consumer that keeps up loses nothing: more work until something is lost
    for n in (20000, 200000, 2000000):
        st, lines, err = trace([prog('busy'), '/dev/null', str(n)], extra=['-b', '8K'])
        m = re.search(r'sysray: (\d+) events lost', err)
        if m:
            break
    marks = [int(m.group(1)) for line in lines for m in
             [re.match(r'^--- sysray: (\d+) events? lost', line)] if m]
    check(m, 'no loss summary on stderr: ' + err)
    check(marks, 'no inline loss markers')
    check(sum(marks) == int(m.group(1)),
          f'inline markers ({sum(marks)}) must add up to the total ({m.group(1)})')


def build32(name, libc=False):
    """Build tests/progs32/NAME.c as an ia32 program, without libc (the UAPI
    headers of this machine give it the i386 numbers) or with glibc
    (gcc-multilib, scripts/deps.sh); return its path."""
    exe = tmpfile('.m32')
    src = os.path.join(ROOT, 'tests', 'progs32', name + '.c')
    # gcc -m32 searches no x86_64 multiarch directory: asm/unistd_32.h is there
    inc = subprocess.run(['gcc', '-print-multiarch'], capture_output=True, text=True).stdout.strip()
    flags = ['-O1'] if libc else [
        '-nostdlib', '-static', '-O1', '-fno-pie', '-no-pie',
        '-idirafter', os.path.join('/usr/include', inc or 'x86_64-linux-gnu')]
    p = subprocess.run(['gcc', '-m32'] + flags + [src, '-o', exe], capture_output=True, text=True)
    if p.returncode:
        os.unlink(exe)
        raise Skip('gcc cannot build an ia32 program here: ' + p.stderr.strip()[:100])
    try:
        subprocess.run([exe], capture_output=True, timeout=30)
    except OSError as e:
        # a kernel without IA32_EMULATION, or with it off (ia32_emulation=0)
        os.unlink(exe)
        raise Skip('this kernel does not run ia32 programs: ' + str(e)[:80])
    return exe


@test
def ia32_syscalls_marked():
    """An ia32 task's i386 numbers get i386 names and decoders, never x86_64's."""
    exe = build32('hello32')
    try:
        st, lines, _ = trace([exe])
        # -e trace= names i386 calls: i386 exit is 1, x86_64's write
        only = {expr: bodies(trace([exe], ['-e', f'trace={expr}'])[1])
                for expr in ('write', 'exit', '!write')}
    finally:
        os.unlink(exe)
    b = bodies(lines)
    check(st == 7, f'exit status {st}')
    check(any(x.startswith('[ Process PID=') and 'runs in 32 bit mode' in x for x in lines),
          'no 32-bit notice')
    check(find(b, r'^write\(1, "hi32\\n", 5\) += 5$') and find(b, r'^exit\(7\) += \?$'),
          f'i386 write/exit not decoded: {b}')
    for expr, lines in only.items():
        calls = [x.split('(')[0] for x in lines if re.match(r'^\w+\(', x)]
        want = {'write': ['write'], 'exit': ['exit'], '!write': ['execve', 'exit']}[expr]
        check(calls == want, f'-e trace={expr}: {calls}, want {want}')


def same_as_strace32(exe, what):
    """differential.py over setarch -R EXE (8-digit addresses the same in both
    runs), with -q (strace's personality notice goes): by default, with -v,
    and with -e trace= classes and a regular expression, which select i386
    calls by their own names (stat64, fstat64, _llseek, mmap2)."""
    runs = {v: differential(['--min', '1', '--exact', '--per-pid-names',
                             '--strace-args', f'-f -q {v}', '--sysray-args', f'-f -q {v}',
                             '--cmd', f'setarch -R {exe}'])
            for v in ('', '-v', '-e trace=%stat,%fstat,/llseek|^mmap')}
    for v, (st, out) in runs.items():
        summary = [line for line in out.splitlines() if line.startswith('differential:')]
        print(f'  {what} {v or "default"}: ' + (summary[-1] if summary else 'no summary'))
        check(st == 0, f'{what} {v}: lines differ from strace\'s:\n' +
              '\n'.join(out.splitlines()[-25:]))


@test
def ia32_libc_like_strace():
    """An ia32 program with glibc (tests/progs32/libc32.c): its start (mmap2,
    statx, set_thread_area, ugetrlimit...) and everyday calls with ia32
    layouts (old timespec, struct compat_sigaction, fcntl64, rlimit) print
    as strace 6.1 prints them, whole lines (see same_as_strace32)."""
    exe = build32('libc32', libc=True)
    try:
        same_as_strace32(exe, 'libc32')
    finally:
        os.unlink(exe)


@test
def ia32_everyday_like_strace():
    """An ia32 program's everyday calls (tests/progs32/everyday32.c: open and
    openat of a missing file, read, pread64, write, writev, stat64, fstat64,
    _llseek, lseek, mmap2, munmap, close, execve failed and done) print as
    strace 6.1 prints them for an ia32 tracee, whole lines, and with -v (every
    field of struct stat64, envp's strings; see same_as_strace32)."""
    exe = build32('everyday32')
    try:
        same_as_strace32(exe, 'everyday32')
    finally:
        os.unlink(exe)


# ---------------------------------------------------------------------------
# Filters (issue: filter a whole host in the kernel)


class Cgroup:
    """A cgroup v2 directory made for a test, removed afterwards."""

    def __init__(self, rel):
        root = cgroup2_root()
        if not root:
            raise Skip('no cgroup v2 hierarchy is mounted')
        self.path = os.path.join(root, rel)
        os.makedirs(self.path, exist_ok=True)

    def run(self, argv, **kw):
        """Start argv inside this cgroup (moved in before it execs)."""
        procs = os.path.join(self.path, 'cgroup.procs')
        return subprocess.Popen(['/bin/sh', '-c', 'echo $$ > "$0" && exec "$@"', procs] + argv,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kw)

    def remove(self):
        for d in sorted((r for r, _, _ in os.walk(self.path)), key=len, reverse=True):
            try:
                os.rmdir(d)
            except OSError:
                pass


def whole_host(args, during, probe=None):
    """Run sysray on the whole host while during() runs; return its lines.

    probe() makes some traced activity, for filters that hide everything else.
    """
    out = tmpfile()
    tr = subprocess.Popen([SYSRAY, '-o', out] + args, stderr=subprocess.PIPE, text=True)
    try:
        wait_tracing(tr, out, probe)
        during()
        time.sleep(0.3)
    finally:
        tr.send_signal(signal.SIGINT)
        st = tr.wait(timeout=20)
    with open(out, errors='replace') as f:
        lines = f.read().splitlines()
    os.unlink(out)
    check(st == 0, f'sysray exit status {st}: {tr.stderr.read()}')
    return lines


def marker_opens(lines, tag):
    """pids whose openat of /tmp/sysray-mark-TAG-* appears."""
    rx = re.compile(r'^(\d+)\s+openat\(AT_FDCWD, "/tmp/sysray-mark-' + tag)
    return {int(m.group(1)) for line in lines for m in [rx.match(line)] if m}


def forker(tag):
    """Opens a marker file, forks a child that opens another, waits."""
    return [prog('filter_target'), tag]


def run_in(cg, argv):
    p = cg.run(argv)
    p.wait(timeout=20)


@test
def cgroup_filter_selects_one_group():
    a, b = Cgroup('sysray-test-a'), Cgroup('sysray-test-b')
    try:
        lines = whole_host(['--cgroup', 'sysray-test-a'],
                           lambda: (run_in(a, forker('in')), run_in(b, forker('out'))),
                           probe=lambda: run_in(a, ['/bin/true']))
    finally:
        a.remove()
        b.remove()
    got_in, got_out = marker_opens(lines, 'in'), marker_opens(lines, 'out')
    check(len(got_in) == 2, f'want the process and the child it forked, got pids {got_in}')
    check(not got_out, f'the sibling group leaked into the trace: {got_out}')


@test
def cgroup_filter_includes_subgroups():
    top = Cgroup('sysray-test-top')
    sub = Cgroup('sysray-test-top/inner')
    try:
        lines = whole_host(['--cgroup', top.path], lambda: run_in(sub, forker('sub')),
                           probe=lambda: run_in(sub, ['/bin/true']))
    finally:
        top.remove()
    check(len(marker_opens(lines, 'sub')) == 2, 'a sub-cgroup\'s processes must be traced')


@test
def container_and_unit_resolution():
    cid = 'c0ffee' + '0123456789abcdef' * 3 + '0123456789'
    assert len(cid) == 64
    scope = Cgroup(f'sysray-test.slice/docker-{cid}.scope')
    unit = Cgroup('sysray-test.slice/sysray-fake.service')
    try:
        lines = whole_host(['--container', cid[:10]], lambda: (run_in(scope, forker('ctr')),
                                                                run_in(unit, forker('unit'))),
                           probe=lambda: run_in(scope, ['/bin/true']))
        check(len(marker_opens(lines, 'ctr')) == 2 and not marker_opens(lines, 'unit'),
              '--container must select exactly the container')
        lines = whole_host(['--unit', 'sysray-fake'], lambda: (run_in(scope, forker('ctr')),
                                                               run_in(unit, forker('unit'))),
                           probe=lambda: run_in(unit, ['/bin/true']))
        check(len(marker_opens(lines, 'unit')) == 2 and not marker_opens(lines, 'ctr'),
              '--unit must select exactly the unit')
        lines = whole_host(['--container', cid[:10], '--show-cgroup', '-e', 'trace=openat'],
                           lambda: run_in(scope, forker('ctr')),
                           probe=lambda: run_in(scope, forker('probe')))
        tagged = [line for line in lines if 'sysray-mark-ctr' in line]
        check(tagged and all(line.startswith('container:' + cid[:12] + ' ') for line in tagged),
              f'--show-cgroup should prefix container:{cid[:12]}: {tagged[:2]}')
        twin = Cgroup(f'sysray-test.slice/docker-{cid[:10]}ff{cid[12:]}.scope')
        st, _, err = sysray(['--container', cid[:10], '--', 'true'])
        twin.remove()
        check(st != 0 and one_line_error(err) and '2 containers match' in err, repr(err))
    finally:
        scope.remove()
        unit.remove()
        Cgroup('sysray-test.slice').remove()
    for args, what in ((['--container', 'abcdef99'], 'no running container'),
                       (['--unit', 'sysray-nosuch'], 'no cgroup for sysray-nosuch.service'),
                       (['--cgroup', 'sysray-nosuch'], 'No such file'),
                       (['--cgroup', '/proc'], 'not a cgroup v2 directory')):
        st, _, err = sysray(args + ['--', 'true'])
        check(st != 0 and one_line_error(err) and what in err, f'{args}: {err!r}')


@test
def comm_and_uid_filters():
    named = '/tmp/sysray-cm-x'
    subprocess.run(['cp', prog('filter_target'), named], check=True)
    try:
        lines = whole_host(['--comm', 'sysray-cm-x'],
                           lambda: (subprocess.run([named, 'cm']),
                                    subprocess.run([prog('filter_target'), 'nocm'])),
                           probe=lambda: subprocess.run([named, 'probe']))
        check(len(marker_opens(lines, 'cm')) == 2 and not marker_opens(lines, 'nocm'),
              '--comm must select by task name')
        if not shutil.which('setpriv'):
            raise Skip('setpriv missing for the --uid part')
        as_nobody = ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups']
        lines = whole_host(['--uid', '65534'],
                           lambda: (subprocess.run(as_nobody + [prog('filter_target'), 'nobody']),
                                    subprocess.run([prog('filter_target'), 'root'])),
                           probe=lambda: subprocess.run(as_nobody + ['/bin/true']))
        check(len(marker_opens(lines, 'nobody')) == 2 and not marker_opens(lines, 'root'),
              '--uid must select by user')
    finally:
        os.unlink(named)
    st, _, err = sysray(['--comm', 'x' * 16, '--', 'true'])
    check(st == 2 and one_line_error(err), repr(err))


@test
def attach_follows_new_children():
    parent = subprocess.Popen([prog("filter_target"), "late", "wait"], stdin=subprocess.PIPE)
    out = tmpfile()
    try:
        time.sleep(0.3)
        tr = start_attached(['-o', out, '-p', str(parent.pid)])
        parent.stdin.close()  # the go signal: it forks now, after tracing began
        parent.wait(timeout=20)
        st = tr.wait(timeout=20)
        check(st == 0, f'sysray -p exit status {st}: {tr.stderr.read()}')
        with open(out) as f:
            lines = f.read().splitlines()
        check(len(marker_opens(lines, 'late')) == 2,
              f'children forked after attach must be traced: {marker_opens(lines, "late")}')
    finally:
        os.unlink(out)


@test
def syscall_sets_match_strace():
    """-e trace= sets, negation, regexes and classes select what strace selects."""
    for expr in ('trace=%file', 'trace=!%desc,%memory', 'trace=/^open', 'trace=%process,%signal',
                 'trace=%stat,%fstat,%lstat,%%stat', 'trace=%creds,%pure'):
        st, out = differential(['--per-pid-names', '--min', '0', '--progs', PROGS,
                                '--only', 'fileio,stat_family,signals,proc_clone,ids',
                                '--strace-args', f'-f -q -e {expr}',
                                '--sysray-args', f'-f -e {expr}'])
        check(st == 0, f'-e {expr}: per-process names differ from strace\n' +
              '\n'.join(out.splitlines()[-8:]))


@test
def status_filters_match_strace():
    for flag in ('-Z', '-z', '-e status=failed,unfinished'):
        # strace 6.1 -z garbles a waitid that is still unfinished when the
        # child runs (a line of its arguments under the child's pid): not
        # proc_clone there
        only = 'errors,missing_file,fileio,fork_exit3' + (',proc_clone' if flag != '-z' else '')
        st, out = differential(['--per-pid-names', '--min', '0', '--progs', PROGS,
                                '--only', only,
                                '--strace-args', f'-f -q {flag}', '--sysray-args', f'-f {flag}'])
        check(st == 0, f'{flag}: per-process names differ from strace\n' +
              '\n'.join(out.splitlines()[-8:]))


@test
def raw_arguments_match_strace():
    """-e raw=SET prints those calls' arguments and successes in hex, like strace."""
    expr = 'raw=openat,read,close,mmap,%stat'
    st, out = differential(['--min', '0', '--exact', '--progs', PROGS,
                            '--only', 'fileio,stat_family',
                            '--strace-args', f'-f -q -e {expr}',
                            '--sysray-args', f'-f -e {expr}'])
    check(st == 0, f'-e {expr}: lines differ from strace\n' + '\n'.join(out.splitlines()[-8:]))
    # pids in hex escape the differential's normalisation: each raw clone
    # returns, in hex, the pid of a child whose lines follow
    st, lines, _ = trace([prog('proc_clone')], ['-e', 'raw=clone'])
    clones = [re.fullmatch(r'clone\(0x[0-9a-f]+, 0, 0, 0, 0\) += 0x([0-9a-f]+)', b)
              for b in bodies(lines) if b.startswith('clone(')]
    children = pids(lines)[1:]
    check(len(clones) == 2 and all(m and int(m.group(1), 16) in children for m in clones),
          f'raw clones: {[m and m.group(0) for m in clones]}, children {children}')
    st, lines, _ = trace([prog('missing_file')], ['-e', 'raw=openat'])
    check(any(re.match(r'openat\(0xffffff9c, 0x[0-9a-f]+, 0x[0-9a-f]+, 0x?[0-9a-f]*\) += -1 ENOENT', b)
              for b in bodies(lines)), 'openat not printed raw:\n' + '\n'.join(lines[:6]))


# strace's text options, each compared line by line with strace 6.1 over a
# few corpus programs (differential.py --exact): what varies from run to run
# (times, durations, addresses) is compared by its format.
TEXT_OPTIONS = [
    # (options for both tracers, differential.py flags, programs)
    ('-tt -T', ['--leader', 'ts,dur'], 'fileio,threads'),
    ('-ttt -r', ['--leader', 'ts,rel'], 'fork_exit3'),
    ('--timestamps=unix,ms --syscall-times=ns', ['--leader', 'ts,dur'], 'stat_family'),
    ('-t -r', ['--leader', 'ts,rel'], 'missing_file'),
    ('-x', [], 'strings,xattr_values'),
    ('-xx', [], 'strings'),
    # -x escapes -y's annotations as it does strings (the inodes of hex ones decoded to compare)
    ('-x -y', ['--fds'], 'hostile_bytes,strings,fd_cwd'),
    ('--strings-in-hex=non-ascii-chars -yy', ['--fds'], 'hostile_bytes,hostile_paths,fd_scm'),
    ('-xx -yy', ['--fds'], 'fds,net_unix,hostile_paths'),
    ('-X verbose', [], 'stat_family,net_unix'),
    ('-X raw', [], 'fileio,net_unix'),
    ('-a 60', ['--padding', '60'], 'threads'),
    ('-i -n', ['--leader', 'nr,ip'], 'signals,threads'),
    ('-e read=all -e write=all', [], 'vectored_io,net_unix'),
    ('-e read=3 -e write=1,2', [], 'fileio'),
    ('-P /etc/ld.so.cache', [], 'fileio,fork_exit3,missing_file'),
    # -P by strace's own cases: fsconfig's aux fd and value path, select's readable sets;
    # no dump of an iovec array strace cannot read whole
    ('-P /dev/full -e write=all', [], 'suite_tail'),
    ('-ff', ['--ff'], 'fork_exit3,threads,proc_clone'),
    # --decode-fds=SET: each kind of annotation alone and in sets
    ('--decode-fds=socket', ['--fds'], 'fds,net_unix,fd_ops'),
    ('--decode-fds=dev,pidfd', ['--fds'], 'fds,fd_ops,fd_cwd'),
    ('-e decode-fds=!path', ['--fds'], 'fds,net_unix'),
    # the command's environment (execve's "/* N vars */") and user
    ('-E SYSRAY_T=1 -E HOME -u nobody', [], 'fork_exit3,missing_file'),
    # -e verbose=: what strace reads from the tracee's memory prints as its address
    # (not strings, not an empty array's "[]")
    ('-e verbose=none', [], 'stat_family,fork_exit3,dirs,pipes_poll,rlimits,time,net_unix,'
     'vectored_io,net_udp,net_tcp,ipc,prctl,memory,futex'),
    ('-e verbose=!wait4,newfstatat', [], 'fork_exit3,stat_family'),
]


@test
def text_options_match_strace():
    """-tt -T, -r, -x, -xx (with -y, -yy), -X, -a, -i, -n, read/write dumps,
    -P and -ff print strace's lines (and -ff strace's set of files). strace 6.1 has no
    --trace-fds: unit/trace_fds checks it."""
    bad = []
    for flags, extra, only in TEXT_OPTIONS:
        st, out = differential(['--min', '0', '--exact', '--progs', PROGS, '--only', only,
                                '--known', os.path.join(ROOT, 'tests', 'integration',
                                                        'known-differences.txt'),
                                '--strace-args', f'-f -q {flags}',
                                '--sysray-args', f'-f {flags}'] + extra)
        if st != 0:
            bad.append(f'{flags}:\n' + '\n'.join(out.splitlines()[-8:]))
    check(not bad, '\n'.join(bad))


@test
def env_and_user_like_strace():
    """-E VAR=VAL, -E VAR and -u USER: the command sees the environment and
    ids strace -E/-u gives it (its own output compared); no such user and -E
    without a command are refused with one line."""
    script = 'id -u; id -g; id -G; echo "$SYSRAY_T ${HOME-unset}"'
    outs = []
    for tracer in ([SYSRAY], ['strace', '-f']):
        p = subprocess.run(tracer + ['-o', '/dev/null', '-E', 'SYSRAY_T=a b', '-E', 'HOME',
                                     '-u', 'nobody', '--', 'sh', '-c', script],
                           capture_output=True, text=True, timeout=60)
        check(p.returncode == 0, f'{tracer[0]}: status {p.returncode}: {p.stderr}')
        outs.append(p.stdout)
    check(outs[0] == outs[1], f'sysray\'s command printed {outs[0]!r}, strace\'s {outs[1]!r}')
    check(outs[0].splitlines()[-1] == 'a b unset', f'environment: {outs[0]!r}')
    for argv, want in (
            (['-u', 'no-such-user-sysray', '--', 'true'],
             "sysray: -u: no user 'no-such-user-sysray' on this host (give a name from the "
             'password database, as getent passwd lists them)'),
            (['-E', 'A=1'], 'sysray: -E and -u apply to the command sysray starts: give one '
             'after -- (see sysray --help)')):
        p = subprocess.run([SYSRAY] + argv, capture_output=True, text=True, timeout=60)
        check(p.returncode != 0 and p.stderr.splitlines() == [want],
              f'{argv}: status {p.returncode}, stderr {p.stderr!r}')


@test
def arg_names_match_strace():
    """-N prints strace 6.16's argument names: strace 6.1's lines with the
    names tests/integration/strace-arg-names.txt gives (read from strace
    6.16's decoders, not from sysray's table) inserted, line by line."""
    st, out = differential(['--min', '0', '--exact', '--progs', PROGS,
                            '--only', 'fileio,stat_family,missing_file,fork_exit3,futex,ioctl,'
                            'prctl,pipes_poll,vectored_io,signals,threads',
                            '--known', os.path.join(ROOT, 'tests', 'integration',
                                                    'known-differences.txt'),
                            '--arg-names', os.path.join(ROOT, 'tests', 'integration',
                                                        'strace-arg-names.txt'),
                            '--strace-args', '-f -q', '--sysray-args', '-f -N'])
    check(st == 0, '-N: lines differ from strace\'s with the names inserted\n' +
          '\n'.join(out.splitlines()[-8:]))


# Synthetic section 2 pages in the forms manpages-dev writes its SYNOPSIS in.
GEN_PAGES = {
    'flock': '.SH SYNOPSIS\n.nf\n.B #include <sys/file.h>\n.PP\n'
             '.BI "int flock(int " fd ", int " operation );\n.fi\n.SH DESCRIPTION\nx(int y);\n',
    'open': '.SH SYNOPSIS\n.nf\n.BI "int open(const char *" pathname ", int " flags );\n'
            '.BI "int open(const char *" pathname ", int " flags ", mode_t " mode );\n.fi\n',
    'futex': '.SH SYNOPSIS\n.nf\n'
             '.BI "long syscall(SYS_futex, uint32_t *" uaddr ", int " futex_op \\\n'
             '", uint32_t " val ,\n'
             '.BI "             const struct timespec *" timeout , \\\n'
             '" \\fR  /* or: \\fBuint32_t \\fIval2\\fP */"\n'
             '.BI "             uint32_t *" uaddr2 ", uint32_t " val3 );\n.fi\n',
    'read': '.SH SYNOPSIS\n.nf\n'
            '.BI "ssize_t read(int " fd ", void " buf [. count "], size_t " count );\n.fi\n',
    'ioctl': '.SH SYNOPSIS\n.nf\n.BI "int ioctl(int " fd ", unsigned long " request ", ...);"\n.fi\n',
    'ioctl_fat': '.SH SYNOPSIS\n.nf\n.BI "int ioctl(int " fd ", unsigned long " request \\\n'
                 '", struct __fat_dirent " entry [2]);\n.fi\n',
    'clone': '.SH SYNOPSIS\n.nf\n.BI "int clone(int (*" "fn" ")(void *_Nullable), void *" stack ", int " flags );\n.fi\n',
    'openat': '.SH SYNOPSIS\n.nf\n.BI "int openat(int " dirfd ", const char *" pathname ", int " flags );\n.fi\n',
}


@test
def argnames_generator_reads_man_pages():
    """scripts/gen-argnames.py takes each row's names from its page's SYNOPSIS
    (.BI lines, syscall(SYS_x, ...) forms, line continuations, the longest of
    two forms, the page named after the call over another page's example),
    applies the overrides file, and fails --check for a row left unnamed."""
    import gzip
    tmp = tempfile.mkdtemp(prefix='sysray-argn-')
    try:
        mandir = os.path.join(tmp, 'man2')
        os.mkdir(mandir)
        for page, text in GEN_PAGES.items():
            with gzip.open(os.path.join(mandir, page + '.2.gz'), 'wt') as f:
                f.write(text)
        rows = os.path.join(tmp, 'rows.def')
        with open(rows, 'w') as f:
            f.write('SC(read, TD, INT, A(FD), A(BUF_OUT, RET), A(SIZE))\n'
                    'SC(open, TD|TF|FDA(NEWFD), FD, A(PATH), A(CUSTOM, open_flags), A(MODE))\n'
                    'SC(flock, TD, INT, A(FD), A(FLAGS, flock_ops))\n'
                    'SCX(futex, 0, INT, futex, A(PTR), A(HEX), A(UINT), A(PTR), A(PTR), A(HEX))\n'
                    'SCX(ioctl, TD, INT, ioctl, A(FD), A(HEX), A(HEX))\n'
                    'SC(time, 0, INT, A(PTR))\n'
                    'SC(getpid, 0, PID)\n')
        ov = os.path.join(tmp, 'ov.txt')
        with open(ov, 'w') as f:
            f.write('# reason\nflock fd op  # strace: op\nioctl fd op argp\ntime -  # unnamed\n')
        gen = [sys.executable, os.path.join(ROOT, 'scripts', 'gen-argnames.py'), mandir, rows, ov]
        p = subprocess.run(gen + ['--check'], capture_output=True, text=True)
        got = [l for l in p.stdout.splitlines() if l.startswith('#define')]
        want = ['#define SR_ARGN_read "fd", "buf", "count"',
                '#define SR_ARGN_open "pathname", "flags", "mode"',
                '#define SR_ARGN_flock "fd", "op"',
                '#define SR_ARGN_futex "uaddr", "futex_op", "val", "timeout", "uaddr2", "val3"',
                '#define SR_ARGN_ioctl "fd", "op", "argp"',
                '#define SR_ARGN_time ""',
                '#define SR_ARGN_getpid NULL']
        check(p.returncode == 0 and got == want, f'rc {p.returncode} {p.stderr}\n' + '\n'.join(got))
        with open(ov, 'w') as f:
            f.write('flock fd op\n')
        p = subprocess.run(gen + ['--check'], capture_output=True, text=True)
        check(p.returncode == 1 and 'rows without names: ioctl time' in p.stderr,
              f'--check: rc {p.returncode}, {p.stderr!r}')
        check('#define SR_ARGN_ioctl NULL' in p.stdout, 'ioctl_fat(2)\'s example taken for ioctl')
    finally:
        shutil.rmtree(tmp)


def attached_trace(tracer, script, path):
    """Run `sh -c script` after it opened fd 3 on path, attach `tracer -p PID`
    (a command list without -p) and let the script go by closing its stdin;
    return the lines the tracer wrote, the pid column dropped, the padding
    before " = " one space."""
    out = tmpfile()
    sh = subprocess.Popen(['sh', '-c', 'exec 3<"$0"; ' + script, path], stdin=subprocess.PIPE)
    tr = None
    try:
        deadline = time.time() + 20
        while not os.path.exists(f'/proc/{sh.pid}/fd/3') and time.time() < deadline:
            time.sleep(0.01)
        tr = subprocess.Popen(tracer + ['-o', out, '-p', str(sh.pid)], stderr=subprocess.PIPE,
                              text=True)
        line = ''
        while ' attached' not in line and time.time() < deadline:
            if select.select([tr.stderr], [], [], 1)[0]:
                line = tr.stderr.readline()
                if not line:
                    raise Fail(f'{tracer[0]} exited before attaching (status {tr.wait()})')
        check(' attached' in line, f'{tracer[0]} did not report the attach')
        sh.stdin.close()  # the go signal: what follows is traced
        sh.wait(timeout=20)
        check(tr.wait(timeout=20) == 0, f'{tracer[0]} -p failed: {tr.stderr.read()}')
        with open(out) as f:
            return squeezed(f.read().splitlines())
    finally:
        for p in (tr, sh):
            if p and p.poll() is None:
                p.kill()
                p.wait()
        os.unlink(out)


@test
def trace_path_knows_fds_opened_before_tracing():
    """-P matches an fd the process had before it was traced (strace asks
    /proc/PID/fd, sysray's fd tables learn it from /proc): attached to a shell
    that reads a file through fd 3, inherited, strace -p and sysray -p print
    the same lines (dup2 to and from it, the reads of its copy, the close)."""
    data = tmpfile()
    with open(data, 'w') as f:
        f.write('one\ntwo\n')
    script = 'read go; while read line <&3; do :; done; exec 4<&3 3<&-; true'
    try:
        want = attached_trace(['strace', '-P', data], script, data)
        got = attached_trace([SYSRAY, '-P', data], script, data)
    finally:
        os.unlink(data)
    check(got == want and 'read(0, "o", 1) = 1' in want, f'strace: {want}\nsysray: {got}')


@test
def timestamps_are_the_calls_times():
    """-ttt is the wall clock of each call's entry and -T its duration: a
    0.3 s sleep lasts 0.3 s, starts between the run's start and end."""
    t0 = time.time()
    st, lines, err = trace(['sleep', '0.3'], ['-ttt', '-T', '-e', 'trace=clock_nanosleep,nanosleep'])
    t1 = time.time()
    calls = [re.match(r'^\d+ +(\d+\.\d{6}) (clock_)?nanosleep\(.*\) += 0 <(\d+\.\d{6})>$', l)
             for l in lines if 'nanosleep(' in l]
    check(st == 0 and len(calls) == 1 and calls[0], f'one sleep line expected: {lines}')
    when, took = float(calls[0].group(1)), float(calls[0].group(3))
    check(t0 <= when <= t1 and 0.3 <= took < t1 - t0, f'{lines}: run {t0:.6f}..{t1:.6f}')


def squeezed(lines):
    """The bodies of lines, the padding before " = " made one space."""
    return [re.sub(r'\) +=', ') =', b) for b in bodies(lines)]


@test
def output_to_a_pipe_and_appended():
    """-o '|cmd' feeds strace's lines to a shell command; -A appends to -o FILE."""
    out = tmpfile()
    try:
        st, _, err = sysray(['-o', f'|cat > {out}', '-e', 'trace=exit_group', '--', 'true'])
        with open(out) as f:
            lines = f.read().splitlines()
        check(st == 0 and squeezed(lines) == ['exit_group(0) = ?', '+++ exited with 0 +++'],
              f'piped: {lines} {err}')
        for _ in range(2):
            st, _, err = sysray(['-A', '-o', out, '-e', 'trace=exit_group', '--', 'true'])
        with open(out) as f:
            lines = f.read().splitlines()
        check(st == 0 and squeezed(lines) == ['exit_group(0) = ?', '+++ exited with 0 +++'] * 3,
              f'appended: {lines} {err}')
    finally:
        os.unlink(out)


def decorated(path):
    """Multiset of (syscall, names -Y put after pids in it) over a -Y trace,
    a call split by <unfinished ...> counted once."""
    seen, held = collections.Counter(), {}
    with open(path, errors='replace') as f:
        for line in f:
            m = re.match(r'^(\d+)<[^>]*>\s+(<\.\.\. )?(\w+)(.*)$', line)
            if not m:
                continue
            pid, name, rest = m.group(1), m.group(3), m.group(4)
            names = tuple(re.findall(r'\b\d+<([^>]*)>', rest))
            if m.group(2):
                names = held.pop(pid, ()) + names
            if rest.endswith('<unfinished ...>'):
                held[pid] = names
            else:
                seen[(name, names)] += 1
    return seen


@test
def pid_names_like_strace():
    """-Y: PID<comm> at the start of lines, and after pids in arguments and
    return values (clone's child, wait4's pid, getpid) as strace -Y prints them,
    escaped as strings are under -x, -xx and --strings-in-hex (hostile_bytes
    sets a comm with '>' and escape bytes). Not proc_clone: strace also names
    zombies and pids inside structs; not getppid of a process whose parent is
    the tracer, which strace names."""
    for name, flags in (('fork_exit3', []), ('thread_exec', []), ('signals', []),
                        ('fork_exit3', ['-xx']), ('hostile_bytes', ['-x']),
                        ('hostile_bytes', ['--strings-in-hex=non-ascii-chars'])):
        a, b = tmpfile(), tmpfile()
        try:
            subprocess.run(['strace', '-f', '-qq', '-Y', '-o', a] + flags + [prog(name)],
                           capture_output=True, timeout=60)
            st, _, err = sysray(['-f', '-qq', '-Y', '-o', b] + flags + ['--', prog(name)])
            want, got = decorated(a), decorated(b)
        finally:
            os.unlink(a)
            os.unlink(b)
        if name == 'hostile_bytes':
            for seen in (want, got):
                for k in [k for k in seen if k[0] == 'getppid']:
                    del seen[k]
        check(st == 0 and want == got and want,
              f'{name} {flags}: strace only {want - got}, sysray only {got - want}')


@test
def bad_filter_expressions():
    for args, want in ((['-e', 'trace=opn'], "invalid system call 'opn' (did you mean 'open'?)"),
                       (['-e', 'trace=%fil'], "invalid system call '%fil' (did you mean '%file'?)"),
                       (['-e', 'status=nope'], "invalid status 'nope'"),
                       (['-e', 'signal=SIGNOPE'], "invalid signal 'SIGNOPE'"),
                       (['-e', 'bogus=1'], "invalid -e qualifier 'bogus'")):
        st, _, err = sysray(args + ['--', 'true'])
        check(st == 2 and one_line_error(err) and want in err, f'{args}: {err!r}')


# ---------------------------------------------------------------------------
# What fds are: -y, -yy, --peer, --absolute-paths


def fd_differential(only, flag, fd_min, extra=()):
    return differential(['--fds', '--fd-min', str(fd_min), '--min', '0', '--progs', PROGS,
                         '--strace-args', f'-f -q {flag}', '--sysray-args', f'-f {flag}'] +
                        (['--only', only] if only else []) + list(extra))


@test
def fd_annotations_match_strace():
    """fds: files, pipes, sockets, dups, a fork and an exec; pidfds: clone's
    CLONE_PIDFD, pidfd_getfd's fd of the child; every -y and -yy annotation
    identical to strace's, line by line (inodes and ports normalised)."""
    for flag in ('-y', '-yy'):
        st, out = fd_differential('fds,pidfds', flag, 1.0)
        summary = [line for line in out.splitlines() if 'fd annotations' in line]
        check(st == 0, f'{flag}: annotations differ from strace {flag}:\n' +
              '\n'.join(out.splitlines()[-6:]))
        print(f'  {flag}: ' + (summary[-1] if summary else 'no summary'))


def netlink_lines(lines):
    """Socket calls of a trace without the pid column, the run's own numbers
    (socket inode, the port id the kernel gives the socket) normalised."""
    out = []
    for line in bodies(lines):
        if not line.startswith(('sendto(', 'recvfrom(')):
            continue
        line = re.sub(r'<socket:\[\d+\]>', '<socket:[INO]>', line)
        out.append(re.sub(r'nlmsg_pid=[1-9]\d*', 'nlmsg_pid=PORTID', line))
    return out


@test
def netlink_messages_match_strace():
    """NETLINK_ROUTE messages (attributes, several in a buffer, a short one, an
    error that returns the request) printed as strace 6.1 prints them, whole
    lines; with -y (the fd tables know the socket's protocol) and without
    (the kernel side reads it when each call begins, however soon the
    program exits), and with -s 2, which does not cut netlink messages."""
    for extra in (['-y'], ['-y', '-s', '2'], [], ['-s', '2']):
        out = tmpfile()
        try:
            subprocess.run(['strace', '-qq', '-o', out, '-e', 'trace=sendto,recvfrom'] + extra +
                           [prog('net_netlink')], check=True, timeout=60)
            with open(out, errors='replace') as f:
                want = netlink_lines(f.read().splitlines())
        finally:
            os.unlink(out)
        st, lines, err = trace([prog('net_netlink')], ['-e', 'trace=sendto,recvfrom'] + extra)
        got = netlink_lines(lines)
        check(st == 0 and len(want) == 5, f'{extra}: status {st}, {len(want)} strace lines: {err}')
        diff = [f'strace: {w}\nsysray: {g}' for w, g in zip(want, got) if w != g]
        check(want == got, f'{extra}: lines differ from strace:\n' + '\n'.join(diff or got))


@test
def fd_annotations_under_filters():
    """-e trace= and -z/-Z hide calls that open and close fds; the tables still
    see them, so annotations equal strace's even for processes long gone."""
    for flag in ('-yy -e trace=read,write,fstat,lseek,dup3', '-yy -e trace=%network',
                 '-y -Z', '-yy -z -e trace=!close'):
        st, out = fd_differential('fds,net_tcp,pipes_poll,fd_ops', flag, 1.0)
        check(st == 0, f'{flag}: annotations differ from strace:\n' +
              '\n'.join(out.splitlines()[-6:]))


@test
def fd_annotations_corpus():
    """Every fd annotation of strace -yy, and every line, identical over the
    whole corpus unless known-differences.txt explains it."""
    report = os.path.join(ROOT, '.output', 'fd-differential-report.txt')
    st, out = fd_differential(None, '-yy', 1.0,
                              ['--report', report, '--exact', '--known',
                               os.path.join(ROOT, 'tests', 'integration',
                                            'known-differences.txt')])
    summary = [line for line in out.splitlines() if 'fd annotations' in line]
    print('  ' + (summary[-1] if summary else 'no summary'))
    check(st == 0, 'an annotation or line differs, or a program exited wrongly; see ' +
          report + '\n' +
          '\n'.join(out.splitlines()[-4:]))


def bcron_pids(lines):
    """(client, daemon, job child) of a bcron trace."""
    client = pids(lines)[0]
    daemon = [int(LINE_RE.match(line).group(1))
              for line in find(lines, r'prctl\(PR_SET_NAME, "bcrond"\)')]
    check(len(daemon) == 1, f'no single daemon: {daemon}')
    job = [int(LINE_RE.match(line).group(1)) for line in find(lines, r'setuid\(65534\)')]
    check(len(job) == 1, f'no single job child: {job}')
    return client, daemon[0], job[0]


@test
def peer_names_the_daemon():
    """bcron: the client's socket names the daemon behind it; the daemon's
    child fails to create its job file with EACCES."""
    st, lines, err = trace([prog('bcron')], ['-f', '--peer'])
    lines = merged(lines)
    check(st == 0, f'status {st}: {err}')
    client, daemon, job = bcron_pids(lines)
    want = (rf'^{client}\s+write\(4<UNIX-STREAM:\[\d+->\d+\] peer={daemon}\(bcrond\)>, '
            r'"submit job\\n", 11\) += 11$')
    check(find(lines, want), f'client write without peer={daemon}(bcrond): ' +
          str(find(lines, rf'^{client}\s+write\(4')))
    check(find(lines, rf'^{daemon}\s+accept\(3<UNIX-STREAM:.*\) += 5<UNIX-STREAM:\[\d+->\d+,'
                      rf'"/tmp/sysray-progs-bcron/bcron.sock"\] peer={client}\(bcron\)>$'),
          'the accepted socket should name the client')
    want = (rf'^{job}\s+openat\(AT_FDCWD</tmp/sysray-progs-bcron>, "spool/job", '
            r'O_WRONLY\|O_CREAT\|O_EXCL, 0600\) += -1 EACCES \(Permission denied\)$')
    check(find(lines, want), 'missing the job child\'s failing openat: ' +
          str(find(lines, rf'^{job}\s+openat')))


@test
def absolute_paths():
    """--absolute-paths resolves against the cwd (inherited by forks); -y
    alone prints paths as strace does."""
    st, lines, err = trace([prog('bcron')], ['-f', '--absolute-paths'])
    lines = merged(lines)
    check(st == 0, f'status {st}: {err}')
    _, _, job = bcron_pids(lines)
    want = (rf'^{job}\s+openat\(AT_FDCWD, "/tmp/sysray-progs-bcron/spool/job", '
            r'O_WRONLY\|O_CREAT\|O_EXCL, 0600\) += -1 EACCES')
    check(find(lines, want), 'no absolute path: ' + str(find(lines, rf'^{job}\s+openat')))
    check(not find(lines, r'\d<'), 'annotations without -y')
    st, lines, err = trace([prog('fds')], ['-f', '-y', '--absolute-paths'])
    check(st == 0, f'status {st}: {err}')
    check(find(lines, r'openat\(4</tmp/sysray-progs-fds>, "/tmp/sysray-progs-fds/data.txt", '
                      r'O_RDONLY\) = 5</tmp/sysray-progs-fds/data.txt>'),
          'dirfd-relative path not resolved')
    st, lines, err = trace([prog('fds')], ['-f', '-y'])
    check(find(lines, r'openat\(4</tmp/sysray-progs-fds>, "data.txt", O_RDONLY\) = 5<'),
          '-y alone must print the path as given')


def kernel_has_bpf_loop():
    """bpf_loop() came with 5.17."""
    m = re.match(r'(\d+)\.(\d+)', os.uname().release)
    return m is not None and (int(m.group(1)), int(m.group(2))) >= (5, 17)


@test
def startup_paths():
    """Start-up as this kernel takes it: with bpf_loop() (5.17+) the kernel
    loads the light skeleton, for plain sys_exit and for -y's sys_exit_fdi,
    and a command that ends at once prints its whole trace with every record
    consumed: with the per-CPU rings stored while the programs load, and
    with them stored only after the load (SYSRAY_RINGS_LATE=1), its records
    written into the start-up ring meanwhile. build_for_older_kernels covers
    the libbpf path."""
    want = ('loaded by the kernel (light skeleton, built with bpf_loop)'
            if kernel_has_bpf_loop() else 'loaded by libbpf, built without bpf_loop')
    for extra, env in (([], {}), (['-y'], {}), ([], {'SYSRAY_RINGS_LATE': '1'})):
        st, lines, err = trace(['/bin/true'], ['-d'] + extra, env=env)
        check(st == 0 and want in err, f'{extra}: status {st}, not "{want}":\n{err[-600:]}')
        check(any('execve("/bin/true"' in line for line in lines) and
              lines and lines[-1].endswith('+++ exited with 0 +++'),
              f'{extra}: trace incomplete:\n' + '\n'.join(lines[-5:]))
        m = re.search(r'records emitted (\d+), consumed (\d+), lost (\d+)', err)
        check(m and m.group(1) == m.group(2) and m.group(3) == '0',
              f'{extra}: records not all consumed: {m and m.group(0)}')


STACK_MISSING = '"/nonexistent/sysray-stack-cfi"'


def stack_after(lines, needle):
    """The ' > ' frame lines printed after the first line containing needle."""
    for i, line in enumerate(lines):
        if needle in line:
            frames = []
            for f in lines[i + 1:]:
                if not f.startswith(' > '):
                    break
                frames.append(f)
            return frames
    return None


def strace_stack(cmd):
    """strace -f -k's frames after the openat of STACK_MISSING, or None if
    this strace cannot print stacks."""
    out = tmpfile()
    try:
        p = subprocess.run(['strace', '-f', '-k', '-e', 'trace=openat', '-o', out] + cmd,
                           capture_output=True, text=True, timeout=60)
        if p.returncode != 0:
            return None
        with open(out, errors='replace') as f:
            return stack_after(f.read().splitlines(), STACK_MISSING)
    finally:
        os.unlink(out)


@test
def stack_traces_like_strace():
    """-k: a program without frame pointers (CFI only) that exits at once:
    the stack after its openat, unwound from the kernel's copy with the maps
    the kernel reported, is strace -k's, line for line; with
    --stack-trace-frame-limit=2 its first two lines."""
    exe = prog('stack_cfi')
    st, lines, err = trace([exe], ['-k', '-e', 'trace=openat'])
    check(st == 0, f'exit status {st}: {err[-300:]}')
    frames = stack_after(lines, STACK_MISSING)
    check(frames, 'no stack after the openat:\n' + '\n'.join(lines[-12:]) + err[-300:])
    names = ['stack_cfi_inner', 'stack_cfi_middle', 'stack_cfi_outer', 'main']
    for i, name in enumerate(names):
        want = re.compile(r'^ > ' + re.escape(exe) + r'\(' + name + r'\+0x[0-9a-f]+\) \[0x[0-9a-f]+\]$')
        check(len(frames) > i + 1 and want.match(frames[i + 1]),
              f'frame {i + 1} is not {name}:\n' + '\n'.join(frames))
    check(frames[0].startswith(' > /') and '(syscall+0x' in frames[0],
          'the first frame is not libc\'s syscall():\n' + '\n'.join(frames))
    check('printed no frame' not in err, err)
    theirs = strace_stack([exe])
    if theirs is not None:
        check(frames == theirs, 'stack differs from strace -k:\n--- strace\n' +
              '\n'.join(theirs) + '\n--- sysray\n' + '\n'.join(frames))
    st, lines, err = trace([exe], ['-k', '--stack-trace-frame-limit=2', '-e', 'trace=openat'])
    check(st == 0 and stack_after(lines, STACK_MISSING) == frames[:2],
          '--stack-trace-frame-limit=2:\n' + '\n'.join(lines[-6:]) + err[-300:])
    if theirs is None:
        print('  (this strace cannot print stacks: checked against the known names only)')


@test
def stack_trace_options_refused():
    """-k where it cannot work, and its knobs without it: one line, status 2."""
    for args, word in ((['-k', '--json'], '--json'),
                       (['--stack-trace-frame-limit=3'], 'need -k'),
                       (['--stack-trace-size=100'], 'stack-trace-size'),
                       (['-k', '--record', '/tmp/x'], '--record')):
        st, _, err = sysray(args + ['--', '/bin/true'])
        check(st == 2 and one_line_error(err) and word in err, f'{args}: status {st}: {err}')

# JSON Lines and --timeline: tests/integration/json_suite.py
import json_suite  # noqa: E402  pylint: disable=wrong-import-position

for _fn in json_suite.TESTS:
    test(_fn)


# ---------------------------------------------------------------------------
# Hostile tracees: bytes, paths, addresses and process churn chosen to break
# a tracer (tests/progs/hostile_*.c)

# Code points a viewer acts on: C0 and C1 controls, DEL, line separators, bidi controls.
RISKY = re.compile('[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028-\u202e\u2066-\u2069]')


def raw_problems(data, json_lines):
    """What in sysray's output @data (bytes) a terminal or a parser would
    act on: any byte of strace's text but printable ASCII and newlines; in
    JSON Lines, a line that is not one strict JSON object of valid UTF-8, or
    a risky code point left raw."""
    problems = []
    for i, line in enumerate(data.split(b'\n')[:-1]):
        if not json_lines:
            bad = [c for c in line if c < 0x20 or c >= 0x7f]
            if bad:
                problems.append(f'line {i + 1}: raw bytes {bytes(bad)!r}: {line[:120]!r}')
            continue
        try:
            text = line.decode('utf-8', errors='strict')
            json.loads(text)
        except ValueError as e:
            problems.append(f'line {i + 1}: not one JSON object of UTF-8 ({e}): {line[:120]!r}')
            continue
        if RISKY.search(text):
            problems.append(f'line {i + 1}: raw {RISKY.search(text).group()!r}: {line[:120]!r}')
    if data and not data.endswith(b'\n'):
        problems.append('the output does not end with a newline')
    return problems


def trace_bytes(cmd, extra, timeout=120):
    """Trace cmd into a file; return (status, output bytes, stderr)."""
    out = tmpfile()
    try:
        st, _, err = sysray(['-o', out] + list(extra) + ['--'] + cmd, timeout=timeout)
        with open(out, 'rb') as f:
            return st, f.read(), err
    finally:
        os.unlink(out)


@test
def hostile_bytes_never_raw():
    """Escape sequences, C1 controls, DEL and invalid UTF-8 in buffers, file
    names (-yy), a comm (-Y), argv and the environment (-v) reach neither
    the text nor the JSON raw; a comm cannot close its -Y annotation."""
    opts = ['-f', '-yy', '-v', '-Y', '-s', '4096']
    st, data, err = trace_bytes([prog('hostile_bytes')], opts)
    check(st == 0, f'status {st}: {err}')
    problems = raw_problems(data, False)
    check(not problems, 'text:\n' + '\n'.join(problems[:10]))
    lines = data.decode().splitlines()
    check(find(lines, r'^\d+<x\\76 \+\+\+ \\33\[2J\\233> getppid\(\) += \d+$'),
          'the renamed comm should print as strace -Y prints it: ' +
          str(find(lines, r'getppid')))
    check(find(lines, r'execve\("[^"]*hostile_bytes", \["[^"]*", "child", '
                      r'"\\33\[31mred\\302\\233\\n--- sysray: x ---"\], \["HOSTILE=\\33\[2J'),
          'the execve argv and environment should be escaped: ' + str(find(lines, r'execve')))
    st, data, err = trace_bytes([prog('hostile_bytes')], opts + ['--json'])
    check(st == 0, f'--json: status {st}: {err}')
    problems = raw_problems(data, True)
    check(not problems, 'JSON:\n' + '\n'.join(problems[:10]))
    execs = [json.loads(line) for line in data.decode().splitlines()
             if '"name":"execve"' in line]
    # the child's exec: "child" is its argv[1] (the environment may hold the word too)
    execs = [e for e in execs if e['args'][1]['value'][1:2] == ['child']]
    check(execs and execs[0]['args'][1]['value'][2] == '\x1b[31mred\x9b\n--- sysray: x ---',
          'the execve argv should decode to the bytes the program passed: ' + str(execs[:1]))


@test
def hostile_programs_like_strace():
    """hostile_paths (a 4095-byte path, names with newlines and quotes),
    hostile_sockaddr (lying address lengths), hostile_unmapped (structures at
    unmapped addresses), net_edges (socket values at the end of a page)
    and hostile_bytes: every strace line printed identically, with and
    without -yy."""
    only = 'hostile_bytes,hostile_paths,hostile_sockaddr,hostile_unmapped,net_edges'
    known = os.path.join(ROOT, 'tests', 'integration', 'known-differences.txt')
    st, out = differential(['--per-pid-names', '--progs', PROGS, '--only', only, '--min', '0',
                            '--exact', '--known', known])
    check(st == 0, 'differs from strace:\n' + '\n'.join(out.splitlines()[-15:]))
    st, out = fd_differential(only, '-yy', 1.0)
    check(st == 0, '-yy differs from strace -yy:\n' + '\n'.join(out.splitlines()[-15:]))


@test
def hostile_argv_and_environment():
    """execve with 100000 arguments and 3.9 MiB of environment in 10030
    variables: the line is strace's, but for the variable count, which the
    kernel side counts up to 256 ("256 vars or more")."""
    a = tmpfile()
    try:
        subprocess.run(['strace', '-f', '-qq', '-e', 'trace=execve', '-o', a,
                        prog('hostile_argv')], capture_output=True, timeout=120)
        with open(a) as f:
            want = bodies(f.read().splitlines())
    finally:
        os.unlink(a)
    st, lines, err = trace([prog('hostile_argv')], ['-f', '-qq', '-e', 'trace=execve'])
    check(st == 0, f'status {st}: {err}')
    got = bodies(lines)
    # the first exec has 40 variables, the second 10030
    env = re.compile(r'0x[0-9a-f]+ /\* (\d+|256) vars( or more)? \*/')
    norm = [(env.sub('ENV', w), env.sub('ENV', g)) for w, g in zip(want, got)]
    check(len(want) == len(got) == 2 and all(w == g for w, g in norm),
          'execve lines differ:\n' + '\n'.join(f'strace: {w[:300]}\nsysray: {g[:300]}'
                                               for w, g in zip(want, got)))
    check('/* 10030 vars */' in want[1], 'strace should count 10030 variables: ' + want[1][-60:])
    check('/* 256 vars or more */' in got[1], 'sysray counts up to 256: ' + got[1][-60:])


@test
def hostile_fork_storm():
    """10000 children forked as fast as possible: each child's clone return
    in the parent and each child's exit, with nothing lost at the default
    buffer sizes."""
    st, lines, err = trace([prog('hostile_forks'), '10000'], ['-f'], timeout=300)
    check(st == 0, f'status {st}: {err}')
    check(not find(lines, r'--- sysray: \d+ events lost') and 'lost' not in err,
          'events lost: ' + err)
    parent = pids(lines)[0]
    children = set(int(m) for m in re.findall(
        rf'^{parent}\s+clone\(.*\) = (\d+)$', '\n'.join(merged(lines)), re.M))
    exited = set(int(line.split()[0]) for line in find(lines, r'^\d+\s+\+\+\+ exited with 0 \+\+\+$'))
    check(len(children) == 10000, f'{len(children)} clone lines of the parent, want 10000')
    check(exited == children | {parent},
          f'{len(children - exited)} children without an exit line, '
          f'{len(exited - children - {parent})} exit lines of unknown tasks')


@test
def state_freed_after_fork_storm():
    """5000 children forked as fast as possible, then a program with 4
    threads: once every task exited, -d's state line says the per-thread
    state, the calls in flight and the fd tables are empty again; the exited
    leaders -Y names stay, but never more than 4096."""
    script = f'"{prog("hostile_forks")}" 5000; "{prog("threads")}" >/dev/null'
    st, lines, err = trace(['sh', '-c', script], ['-d', '-f', '-y', '-Y'], timeout=300)
    check(st == 0, f'status {st}: {err[-500:]}')
    check('lost' not in err.replace('lost 0,', ''), 'events lost: ' + err[-500:])
    got = [line for line in err.splitlines() if line.startswith('sysray: state at end: ')]
    check(len(got) == 1, 'no state line: ' + err[-500:])
    m = re.search(r'exited leaders kept for -Y (\d+),', got[0])
    zombies = int(m.group(1)) if m else -1
    check(0 < zombies <= 4096, f'exited leaders kept: {zombies}, want 1..4096: {got[0]}')
    want = ('sysray: state at end: threads 0 (in a call 0, signals held 0, gone without an '
            'exit record 0), '
            f'exited leaders kept for -Y {zombies}, io_uring requests 0; fd tables: '
            'processes 0, files 0, open fds 0, sockets 0, paths 0, directories 0, '
            'SCM_RIGHTS in flight 0')
    check(got[0] == want, f'state not freed:\n  got  {got[0]}\n  want {want}')


@test
def hostile_pid_and_tid_reuse():
    """A pid reused by a new process and a thread's tid reused by a process:
    -y and -Y describe the new task, never what the old one had (fd 3 of
    the first process is not the second's)."""
    st, lines, err = trace([prog('hostile_pidreuse')], ['-f', '-y', '-Y'])
    if st == 77:
        raise Skip('cannot write /proc/sys/kernel/ns_last_pid')
    check(st == 0, f'status {st}: {err}')
    lines = merged(lines)
    last = [line for line in lines if re.search(r'write\(1<[^>]*>, "\d+ \d+\\n"', line)]
    check(last, 'no line with the reused pids')
    a, t = re.search(r'"(\d+) (\d+)\\n"', last[-1]).groups()
    d = '/tmp/sysray-progs-hostile_pidreuse'
    want = [
        rf'^{a}<first> openat\(AT_FDCWD<{d}>, "first", O_WRONLY\|O_CREAT\|O_TRUNC, 0600\) '
        rf'= 3<{d}/first>$',
        rf'^{a}<first> write\(3<{d}/first>, "1", 1\) += 1$',
        rf'^{a}<second> write\(3, "2", 1\) += -1 EBADF \(Bad file descriptor\)$',
        rf'^{a}<second> write\(3<{d}/second>, "2", 1\) += 1$',
        rf'^{t}<hostile_pidreus> exit\(0\) += \?$',
        rf'^{t}<third> getppid\(\) += \d+<hostile_pidreus>$',
    ]
    for w in want:
        check(find(lines, w), f'missing {w!r}; lines of {a} and {t}:\n' +
              '\n'.join(find(lines, rf'^({a}|{t})<')[-30:]))
    check(len(find(lines, rf'^{a}<\w+> \+\+\+ exited with 0 \+\+\+$')) >= 2,
          f'both processes {a} should exit')


# ---------------------------------------------------------------------------
# Output failures and stop signals: the trace's reader goes away, the disk
# fills, a signal comes at any moment, sysray is killed


def bpf_prog_ids(pid):
    """The BPF programs process pid holds (its program and link fds)."""
    ids = set()
    d = f'/proc/{pid}/fdinfo'
    for fd in os.listdir(d):
        try:
            with open(os.path.join(d, fd)) as f:
                ids.update(int(x) for x in re.findall(r'^prog_id:\s+(\d+)$', f.read(), re.M))
        except OSError:
            pass
    return ids


def progs_left(ids, timeout=10):
    """Those of the programs ids still loaded after up to timeout seconds
    (the kernel frees a program shortly after its last reference goes)."""
    end = time.time() + timeout
    while True:
        p = subprocess.run(['bpftool', '-j', 'prog', 'show'], capture_output=True, text=True,
                           timeout=30)
        left = ids & {prog['id'] for prog in json.loads(p.stdout or '[]')}
        if not left or time.time() > end:
            return left
        time.sleep(0.2)


def wait_attached(tr, read_fd=None, timeout=60):
    """The program ids of sysray (Popen tr) once it traces: its programs are
    attached before it prints."""
    end = time.time() + timeout
    while time.time() < end:
        check(tr.poll() is None, f'sysray exited early ({tr.returncode})')
        ids = bpf_prog_ids(tr.pid)
        if len(ids) >= 2:
            return ids
        time.sleep(0.05)
    raise Fail('sysray loaded no program')


def alive(pid):
    return os.path.exists(f'/proc/{pid}') and proc_state(pid) != 'Z'


def end_run(tr, child):
    """Kill sysray (Popen tr) if it still runs, and the command (pid child) it launched."""
    if tr.poll() is None:
        tr.kill()
        tr.wait()
    if child:
        os.kill(child, signal.SIGKILL)


@test
def output_reader_gone_exits_at_once():
    """sysray -o /dev/stdout -- sleep 60 | head -1: once the reader is gone
    sysray exits at once (the command makes no call to write about), with
    141 as a writer killed by SIGPIPE, detached: its programs are gone and
    the command runs on."""
    r, w = os.pipe()
    # sleep inherits sysray's stderr and runs on: a file, not a pipe
    errf = tempfile.TemporaryFile(mode='w+')
    tr = subprocess.Popen([SYSRAY, '-o', '/dev/stdout', '--', 'sleep', '60'], stdout=w,
                          stderr=errf, text=True)
    os.close(w)
    child = None
    try:
        reader = os.fdopen(r, 'rb')
        first = reader.readline().decode(errors='replace')
        ids = bpf_prog_ids(tr.pid)
        child = int(first.split()[0])
        check('execve("/usr/bin/sleep"' in first, f'first line: {first!r}')
        t0 = time.time()
        reader.close()
        st = tr.wait(timeout=20)
        took = time.time() - t0
        errf.seek(0)
        err = errf.read()
        check(st == 141, f'status {st}, want 141: {err}')
        check(took < 2, f'sysray took {took:.1f} s to notice its reader had gone')
        check(not err.strip(), f'a broken pipe is not an error to report: {err!r}')
        check(ids and not progs_left(ids), f'programs still loaded: {progs_left(ids)}')
        check(alive(child), 'the command must run on')
    finally:
        end_run(tr, child)
        errf.close()


@test
def output_disk_full():
    """-o on a full file system: one line naming the problem, exit 1 at
    once, and the command, no longer traced, finishes its work."""
    mnt = tempfile.mkdtemp(prefix='sysray-full-')
    work = tempfile.mkdtemp(prefix='sysray-full-work-')
    marker = os.path.join(work, 'done')
    script = f'i=0; while [ $i -lt 5000 ]; do i=$((i+1)); : > /dev/null; done; echo $i > {marker}'
    try:
        subprocess.run(['mount', '-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mnt], check=True)
        st, _, err = sysray(['-o', os.path.join(mnt, 'trace'), '--', 'sh', '-c', script],
                            timeout=120)
        check(st == 1, f'status {st}, want 1')
        check(one_line_error(err) and 'No space left on device' in err and
              'tracing stopped' in err, repr(err))
        end = time.time() + 60
        while not os.path.exists(marker) and time.time() < end:
            time.sleep(0.1)
        with open(marker) as f:
            check(f.read() == '5000\n', 'the command did not finish its loop')
    finally:
        subprocess.run(['umount', mnt])
        os.rmdir(mnt)
        shutil.rmtree(work)


@test
def output_files_private():
    """-o and --record files are created 0600 whatever the umask: a trace
    holds what the traced processes read and wrote."""
    d = tempfile.mkdtemp(prefix='sysray-mode-')
    old = os.umask(0)
    try:
        out, rec = os.path.join(d, 'trace'), os.path.join(d, 'rec')
        st, _, err = sysray(['-o', out, '--', 'true'])
        check(st == 0, f'status {st}: {err}')
        st, _, err = sysray([f'--record={rec}', '--', 'true'])
        check(st == 0, f'--record: status {st}: {err}')
        for path in (out, rec):
            mode = os.stat(path).st_mode & 0o777
            check(mode == 0o600, f'{os.path.basename(path)}: mode {mode:o}, want 600')
    finally:
        os.umask(old)
        shutil.rmtree(d)


@test
def no_data_copies_no_contents():
    """--no-data: a secret the command passes in argv, writes, reads back and
    sends through a pipe appears nowhere, in text, JSON or a recording; the
    calls are there with their addresses, lengths and paths."""
    secret = 'sysray-secret-' + str(os.getpid())
    d = tempfile.mkdtemp(prefix='sysray-nodata-')
    f = os.path.join(d, 'file')
    script = (f'echo {secret} > {f}; read x < {f}; echo "$x" | cat > /dev/null; '
              f'test -e {f}-{secret}')
    try:
        for extra in ([], ['--json'], [f'--record={d}/rec']):
            st, out, err = sysray(['--no-data'] + extra + ['--', 'sh', '-c', script])
            check(st == 1, f'{extra}: status {st}: {err}')
            where = out + err
            if extra and extra[0].startswith('--record'):
                with open(f'{d}/rec', 'rb') as r:
                    where = r.read().decode('latin-1')
            check(secret + '\n' not in where and f'"{secret}' not in where and
                  f'echo {secret}' not in where, f'{extra}: the secret was captured')
            if extra:
                continue
            lines = err.splitlines()
            check(any(re.fullmatch(r'\d+ +execve\("/usr/bin/sh", 0x[0-9a-f]+, 0x[0-9a-f]+\) = 0',
                                   ln) for ln in lines), 'no execve line with addresses')
            check(any(re.fullmatch(r'\d+ +write\(1, 0x[0-9a-f]+, %d\) += %d' %
                                   (len(secret) + 1, len(secret) + 1), ln) for ln in lines),
                  'no write line with an address and the length')
            # a path is not data: test -e's stat shows it
            check(any(f'"{f}-{secret}"' in ln and 'ENOENT' in ln for ln in lines),
                  'the path of test -e is missing')
    finally:
        shutil.rmtree(d)


def stop_while_loading(sig, args, delay=0.01):
    """Signal sysray @delay s after it starts, while it loads (the programs
    take 50 ms or more after main's start-up work); (status, stderr)."""
    tr = subprocess.Popen([SYSRAY] + args, stderr=subprocess.PIPE, text=True)
    try:
        time.sleep(delay)
        tr.send_signal(sig)
        return tr.wait(timeout=60), tr.stderr.read()
    finally:
        if tr.poll() is None:
            tr.kill()
            tr.wait()


@test
def stop_signals_at_any_moment():
    """SIGINT, SIGTERM and SIGHUP while the programs load: nothing is
    launched, 128+N (a command) or 0 (whole host); while tracing: the lines
    end whole, -d's statistics are printed, the command runs on (128+N) and
    no program stays loaded."""
    work = tempfile.mkdtemp(prefix='sysray-sig-')
    marker = os.path.join(work, 'started')
    try:
        # at several moments of the load: a signal that interrupts the
        # verifier must end the run as quietly as one that comes between steps
        for delay in (0.002, 0.01, 0.015, 0.02, 0.025, 0.03, 0.04):
            for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
                st, err = stop_while_loading(sig, ['-o', '/dev/null', '--', 'sh', '-c',
                                                   f'touch {marker}'], delay)
                # before its handlers are in place, sysray dies of the signal
                what = f'{sig.name} {delay * 1000:.0f} ms into loading'
                check(st in (128 + sig, -sig), f'{what}: status {st}, want {128 + sig}: {err}')
                check(not os.path.exists(marker), f'{what}: the command ran')
                check(not err.strip(), f'{what}: stderr {err!r}')
        st, err = stop_while_loading(signal.SIGINT, ['-o', '/dev/null'])
        check(st in (0, -signal.SIGINT), f'whole host, SIGINT while loading: status {st}: {err}')
        for sig in (signal.SIGINT, signal.SIGHUP):
            out = tmpfile()
            child = None
            # the command inherits sysray's stderr and runs on: a file, not
            # a pipe that would never reach its end
            errf = tempfile.TemporaryFile(mode='w+')
            tr = subprocess.Popen([SYSRAY, '-d', '-o', out, '--', prog('busy'), '/dev/null'],
                                  stderr=errf, text=True)
            try:
                wait_tracing(tr, out)
                ids = bpf_prog_ids(tr.pid)
                time.sleep(0.3)
                tr.send_signal(sig)
                st = tr.wait(timeout=30)
                errf.seek(0)
                err = errf.read()
                with open(out, 'rb') as f:
                    data = f.read()
                child = pids(data.decode(errors='replace').splitlines())[0]
                check(st == 128 + sig, f'{sig.name}: status {st}, want {128 + sig}')
                check(data.endswith(b'\n'), f'{sig.name}: the trace ends inside a line')
                check(re.search(r'^sysray: records emitted \d+, consumed \d+', err, re.M),
                      f'{sig.name}: no -d statistics: {err!r}')
                check(alive(child), f'{sig.name}: the command must run on')
                check(not progs_left(ids), f'{sig.name}: programs left loaded')
            finally:
                end_run(tr, child)
                errf.close()
                os.unlink(out)
    finally:
        shutil.rmtree(work)


@test
def mmsg_dumps_like_strace():
    """-e read=/write= dump sendmmsg's and recvmmsg's messages as strace 6.1
    does (" = N buffers in vector I", then each buffer): the lines of those
    two calls, pids aside, equal strace's on net_udp."""
    args = ['-f', '-e', 'trace=sendmmsg,recvmmsg', '-e', 'read=all', '-e', 'write=all']
    out = tmpfile()
    try:
        p = subprocess.run(['strace', '-o', out] + args + [prog('net_udp')],
                           capture_output=True, text=True, timeout=60)
        check(p.returncode == 0, f'strace: status {p.returncode}: {p.stderr}')
        with open(out, errors='replace') as f:
            want = [LINE_RE.sub(r'\2', ln) for ln in f.read().splitlines()]
    finally:
        os.unlink(out)
    st, lines, err = trace([prog('net_udp')], args)
    check(st == 0, f'status {st}: {err}')
    got = [LINE_RE.sub(r'\2', ln) for ln in lines]
    check(any(ln.startswith(' = 1 buffers in vector 1') for ln in want),
          'strace dumped no second message: ' + repr(want[:8]))
    check(got == want, 'differs from strace:\n' + '\n'.join(
        difflib.unified_diff(want, got, 'strace', 'sysray', lineterm='')))


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


@test
def kill9_leaves_nothing_attached():
    """kill -9 of sysray, tracing a command or the whole host: every program
    it loaded is gone (the kernel drops them with its last fd), and the
    traced command runs on."""
    for args in (['--', 'sleep', '60'], []):
        tr = subprocess.Popen([SYSRAY, '-o', '/dev/null'] + args, stderr=subprocess.DEVNULL)
        try:
            ids = wait_attached(tr)
            time.sleep(0.5)
            kids = []
            if args:
                with open(f'/proc/{tr.pid}/task/{tr.pid}/children') as f:
                    kids = [int(k) for k in f.read().split()]
            tr.kill()
            tr.wait()
            left = progs_left(ids)
            check(not left, f'{args or "whole host"}: programs {sorted(left)} still loaded')
            for kid in kids:
                check(alive(kid), 'the traced command was killed with sysray')
                os.kill(kid, signal.SIGKILL)
        finally:
            if tr.poll() is None:
                tr.kill()
                tr.wait()


def sanitizer_logs():
    """A directory every sanitized sysray writes its reports to (any user:
    no_privileges runs it as nobody); None for a build without sanitizers."""
    if not SANITIZED:
        return None
    logs = tempfile.mkdtemp(prefix='sysray-san-')
    os.chmod(logs, 0o1777)
    common = f'log_path={logs}/report:log_exe_name=1'
    os.environ['ASAN_OPTIONS'] = common + ':detect_leaks=1:abort_on_error=0'
    os.environ['UBSAN_OPTIONS'] = common + ':print_stacktrace=1:halt_on_error=1'
    os.environ['LSAN_OPTIONS'] = common
    return logs


def sanitizer_reports(logs):
    """The last test of a sanitized run: no report from any sysray it ran."""
    reports = sorted(os.listdir(logs))
    for name in reports:
        with open(os.path.join(logs, name), errors='replace') as f:
            print(f'--- {name}:\n' + ''.join(f.readlines()[:40]))
    shutil.rmtree(logs)
    check(not reports, f'{len(reports)} sanitizer report(s) (printed above)')


# io_uring requests (tests/integration/uring.py)
import uring  # noqa: E402  pylint: disable=wrong-import-position
for _fn in uring.tests(sys.modules[__name__]):
    test(_fn)

# -c/-C: tests/integration/summary_suite.py
import summary_suite  # noqa: E402  pylint: disable=wrong-import-position

for _fn in summary_suite.TESTS:
    test(_fn)


def main():
    """[-k SUBSTRING]... picks tests by name; --json-full runs, instead of
    make test's tests, the JSON checks over the whole corpus (make test-json)."""
    tests = TESTS
    if sys.argv[1:2] == ['--json-full']:
        tests = json_suite.FULL_TESTS
        del sys.argv[1]
    reason = None
    if os.geteuid() != 0:
        reason = 'not root: the BPF programs cannot be loaded'
    elif not os.path.exists('/sys/kernel/btf/vmlinux'):
        reason = 'this kernel has no BTF (/sys/kernel/btf/vmlinux)'
    logs = None if reason else sanitizer_logs()
    tests = selected(tests)
    if logs:
        tests.append(lambda: sanitizer_reports(logs))
        tests[-1].__name__ = 'no_sanitizer_reports'
    return run_suite(tests, 'integration', reason, select=False)


if __name__ == '__main__':
    sys.exit(main())
