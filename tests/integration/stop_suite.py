# SPDX-License-Identifier: GPL-2.0
"""Integration tests of output failures and stop signals (run by run.py):
the trace's reader goes away, the disk fills, a signal comes at any
moment, sysray is killed.
"""

import json
import os
import re
import shutil
import signal
import subprocess
import tempfile
import time

from common import Fail, check, wait_tracing
from harness import SYSRAY, one_line_error, pids, proc_state, prog, registry, sysray, tmpfile

TESTS, test = registry()


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
