# SPDX-License-Identifier: GPL-2.0
"""Integration tests with hostile tracees (run by run.py): bytes, paths,
addresses and process churn chosen to break a tracer (tests/progs/
hostile_*.c).
"""

import json
import os
import re
import subprocess

from common import Skip, check
from harness import (PROGS, ROOT, bodies, differential, fd_differential, find, merged, pids, prog,
                     registry, sysray, tmpfile, trace)

TESTS, test = registry()


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
