# SPDX-License-Identifier: GPL-2.0
"""Integration tests of 32-bit (ia32) tracees (run by run.py): their calls
marked and printed as strace prints them.
"""

import os
import re
import subprocess

from common import Skip, check
from harness import ROOT, bodies, differential, find, registry, tmpfile, trace

TESTS, test = registry()


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
