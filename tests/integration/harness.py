# SPDX-License-Identifier: GPL-2.0
"""Helpers shared by the integration test modules that run.py runs: which
sysray and programs, running and tracing them, reading their lines, and
watching processes.
"""

import os
import re
import subprocess
import sys
import tempfile
import time

from common import Fail, check

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
# SYSRAY=.output/asan/sysray (make test-asan): the same tests against a build
# with ASan and UBSan, whose reports land in SANITIZER_LOGS (see run.py's main()).
SYSRAY = os.path.abspath(os.environ.get('SYSRAY') or os.path.join(ROOT, 'sysray'))
SANITIZED = os.environ.get('SYSRAY_SANITIZED') == '1'
PROGS = os.path.join(ROOT, '.output', 'progs')


def registry():
    """A module's test list and the decorator that appends to it, in the
    order of the module: (TESTS, test)."""
    tests = []

    def test(fn):
        tests.append(fn)
        return fn

    return tests, test


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


def read_or(path, default):
    try:
        with open(path) as f:
            return f.read().strip()
    except OSError:
        return default


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


def proc_state(pid):
    with open(f'/proc/{pid}/stat') as f:
        return f.read().rsplit(')', 1)[1].split()[0]


def fd_differential(only, flag, fd_min, extra=()):
    return differential(['--fds', '--fd-min', str(fd_min), '--min', '0', '--progs', PROGS,
                         '--strace-args', f'-f -q {flag}', '--sysray-args', f'-f {flag}'] +
                        (['--only', only] if only else []) + list(extra))
