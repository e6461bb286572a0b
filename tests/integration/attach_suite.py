# SPDX-License-Identifier: GPL-2.0
"""Integration tests of attaching, tracing the whole host and stopping (run
by run.py): -p, every thread's exit, Ctrl-C and SIGTERM, detached calls,
the reader thread and CPU migration, ring sizes and losses.
"""

import os
import re
import signal
import subprocess
import time

from common import Fail, Skip, check, wait_tracing
from harness import (SYSRAY, bodies, find, merged, pids, proc_state, prog, read_or,
                     registry, start_attached, sysray, tmpfile, trace)

TESTS, test = registry()


def spawn_busy(path):
    """A process that keeps counting into a file until killed."""
    return subprocess.Popen([prog('busy'), path], stdout=subprocess.DEVNULL)


def read_count(path):
    try:
        with open(path) as f:
            return int(f.read().strip() or 0)
    except (OSError, ValueError):
        return 0


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
