# SPDX-License-Identifier: GPL-2.0
"""Integration tests of -k stack traces (run by run.py): frames as strace
prints them, and the stack-trace options refused where they cannot work.
"""

import os
import re
import subprocess

from common import check
from harness import one_line_error, prog, registry, sysray, tmpfile, trace

TESTS, test = registry()


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
