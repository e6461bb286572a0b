# SPDX-License-Identifier: GPL-2.0
"""Integration tests against strace, the oracle (run by run.py): per-pid
names, the differential corpus, inputs captured before the call, and
-e read=/write= dumps of sendmmsg and recvmmsg.
"""

import difflib
import os
import re
import shutil
import signal
import subprocess
import tempfile
import time

from common import Fail, check
from harness import (LINE_RE, PROGS, ROOT, SYSRAY, differential, proc_state, prog, read_or,
                     registry, tmpfile, trace)

TESTS, test = registry()


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


# How long one corpus program may run in inputs_captured_before_the_call.
PROG_WAIT = 60


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
