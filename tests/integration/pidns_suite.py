# SPDX-License-Identifier: GPL-2.0
"""Integration tests of pids in other pid namespaces (run by run.py):
--decode-pids=pidns (--pidns-translation) against strace 6.1 on a program
run as the first process of a new pid namespace (unshare -pf); and two more
of strace 6.1's options: the long forms of the -e qualifiers, and -b execve.
"""

import os
import re
import shutil
import subprocess
import tempfile

from common import check
from harness import ROOT, SYSRAY, registry, sysray, tmpfile

TESTS, test = registry()

CALLS = 'getpid,gettid,getppid,getsid,kill,setpgid,getpgid,wait4,tgkill,clone,fcntl'


def normalised(path):
    """The lines of a strace -f -o trace, but for unshare's, with each host pid (the numbers that
    start lines, and the one clone returned outside the namespace) as P1,
    P2... in order of appearance, addresses as ADDR, siginfo's CPU times as TIMES."""
    with open(path) as f:
        lines = [line.rstrip('\n') for line in f]
    names = {}
    for line in lines:
        for n in re.findall(r'^(\d+)[< ]|= (\d+)\b|/\* (\d+) in', line):
            for v in n:
                if v and int(v) > 100:
                    names.setdefault(v, 'P%d' % (len(names) + 1))
    out = []
    for line in lines:
        line = re.sub(r'0x[0-9a-f]+', 'ADDR', line)
        line = re.sub(r'si_utime=\d+.*\}', 'TIMES}', line)  # unshare's CPU times
        line = re.sub(r'\b\d+\b', lambda m: names.get(m.group(0), m.group(0)), line)
        out.append(re.sub(r'^(P\d+(?:<[^>]*>)?) +', r'\1 ', line))
    # unshare's own lines (P1, outside the namespace) depend on when its child execs
    return [line for line in out if not line.startswith('P1')]


def build_ids_prog(tmp):
    exe = os.path.join(tmp, 'pidns_ids')
    subprocess.run(['gcc', '-O1', '-o', exe,
                    os.path.join(ROOT, 'tests', 'integration', 'pidns', 'pidns_ids.c')],
                   check=True)
    return exe


@test
def pidns_translation_matches_strace():
    """--decode-pids=pidns and --pidns-translation: "2 /* 4242 in strace's
    PID NS */" after the ids (own and a child's: tid, process, group,
    session) as strace 6.1 prints them, over the whole trace of a program
    that is pid 1 of its own namespace; with -Y too, the names."""
    tmp = tempfile.mkdtemp(prefix='sysray-pidns-')
    try:
        exe = build_ids_prog(tmp)
        for flags in (['--decode-pids=pidns'], ['--pidns-translation'],
                      ['--decode-pids=comm,pidns']):
            a, b = tmpfile(), tmpfile()
            try:
                subprocess.run(['strace', '-f', '-qq', '-e', 'trace=' + CALLS, '-o', a] +
                               flags + ['unshare', '-pf', exe], capture_output=True,
                               timeout=60, check=True)
                st, _, err = sysray(['-qq', '-e', 'trace=' + CALLS, '-o', b] + flags +
                                    ['--', 'unshare', '-pf', exe])
                want, got = normalised(a), normalised(b)
            finally:
                os.unlink(a)
                os.unlink(b)
            check(st == 0 and "in strace's PID NS" in '\n'.join(want) and got == want,
                  f'{flags}: {err}\nstrace:\n' + '\n'.join(want) + '\nsysray:\n' +
                  '\n'.join(got))
    finally:
        shutil.rmtree(tmp)


@test
def qualifier_long_forms():
    """--trace=, --status=, --signals=, --raw= are -e trace= and so on (strace
    6.1's long forms); --inject= is refused as -e inject= is."""
    outs = []
    for args in (['-e', 'trace=openat', '-e', 'status=failed', '-e', 'raw=openat'],
                 ['--trace=openat', '--status=failed', '--raw=openat']):
        out = tmpfile()
        try:
            st, _, err = sysray(['-qq', '-o', out] + args + ['--', 'cat', '/nonexistent'])
            with open(out) as f:
                outs.append([re.sub(r'0x[0-9a-f]{6,}', 'ADDR', re.sub(r'^\d+ +', '', line)) for line in f])
        finally:
            os.unlink(out)
    check(outs[0] == outs[1] and outs[0] and all('openat(' in line for line in outs[0]),
          f'-e: {outs[0]}\nlong: {outs[1]}')
    st, _, err = sysray(['--inject=openat:error=ENOENT', '--', 'true'])
    check(st == 2 and 'sysray never stops traced processes' in err, err)


def numbers_out(path):
    """A -f -o trace without its pids, addresses and large numbers."""
    with open(path) as f:
        return [re.sub(r'[0-9]{4,}', 'N', re.sub(r'0x[0-9a-f]+', 'X', re.sub(r'^\d+ +', '', l)))
                for l in f]


@test
def detach_on_execve_like_strace():
    """-b execve and --detach-on=execve: a child's execve line left
    "<unfinished ...>" and nothing more of it, the command's own execve
    shown, as strace 6.1 -f -b execve on sh -c 'ls ...; echo hi'."""
    cmd = ['sh', '-c', 'ls /nonexistent-sysray 2>/dev/null; echo hi']
    a = tmpfile()
    try:
        subprocess.run(['strace', '-f', '-b', 'execve', '-e', 'trace=!getrandom', '-o', a] + cmd,
                       capture_output=True, timeout=60, check=True)
        want = numbers_out(a)
    finally:
        os.unlink(a)
    check(any('execve("/usr/bin/ls"' in l and l.endswith('<unfinished ...>\n') for l in want),
          f'strace: {want}')
    for flag in (['-b', 'execve'], ['--detach-on=execve']):
        b = tmpfile()
        try:
            st, _, err = sysray(['-f', '-e', 'trace=!getrandom', '-o', b] + flag + ['--'] + cmd)
            got = numbers_out(b)
        finally:
            os.unlink(b)
        check(st == 0 and got == want, f'{flag}: {err}\nstrace: {want}\nsysray: {got}')
    # the command itself detached: strace's message, and its status 0 (strace has none)
    for tracer in (['strace'], [SYSRAY]):
        r = subprocess.run(tracer + ['-b', 'execve', '-e', 'trace=none', '--', 'sh', '-c',
                                     'exec false'], capture_output=True, text=True, timeout=60)
        check(r.returncode == 0 and re.fullmatch(r'\w+: Process \d+ detached\n', r.stderr),
              f'{tracer}: {r.returncode} {r.stderr!r}')
    st, _, err = sysray(['--detach-on=open', '--', 'true'])
    check(st == 2 and "invalid --detach-on value 'open'" in err, err)
