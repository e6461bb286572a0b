# SPDX-License-Identifier: GPL-2.0
"""Integration tests of -c/-C (run by run.py).

- The calls and errors columns equal strace -f -c's over the corpus
  programs, whole lines (-U name,calls,errors -S name makes the order
  independent of times, which differ by design: sysray measures them from
  kernel timestamps and scheduler CPU time, strace from ptrace stops and
  rusage).
- Layout: the header, dashed lines and every row of the default, -w and
  -U tables have strace's widths; the total row adds the rows up.
- -C prints the trace, then the table; --json prints the table as JSON;
  --summary-by=process splits it; options without -c are refused.
"""

import json
import os
import re
import subprocess
import tempfile

from common import Skip, cgroup2_root, check
from harness import PROGS, SYSRAY, registry
from json_common import NOT_CORPUS, validate

# Programs whose syscall counts depend on timing (threads racing, signals
# arriving while blocked, retries): strace's ptrace stops change them.
# hostile_pidreuse retries its forks until no other process on the host
# takes the pid it wants first: its clone count follows the host's load.
RACY = {'futex', 'threads', 'thread_exits', 'thread_exec', 'tid_robust_rseq',
        'timerfd_signalfd', 'bcron', 'migrate', 'membarrier', 'hostile_pidreuse'}
TESTS, test = registry()


def run_table(argv, tool):
    """Run @argv's options and command (its last word) under sysray or
    strace -f with -o: (status, the output's lines, stderr)."""
    with tempfile.NamedTemporaryFile(prefix='sysray-sum-', suffix='.txt') as f:
        head = [SYSRAY] if tool == 'sysray' else ['strace', '-f']
        cmd = head + argv[:-1] + ['-o', f.name, '--', argv[-1]]
        p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=120)
        with open(f.name) as g:
            return p.returncode, g.read().splitlines(), p.stderr.decode(errors='replace')


@test
def summary_calls_errors_like_strace():
    """-c -U name,calls,errors -S name: whole lines equal strace -f -c's on
    each corpus program whose counts do not depend on timing."""
    progs = sorted(p for p in os.listdir(PROGS) if p not in NOT_CORPUS | RACY)
    compared, bad = 0, []
    for p in progs:
        opts = ['-c', '-U', 'name,calls,errors', '-S', 'name', os.path.join(PROGS, p)]
        st1, mine, err = run_table(opts, 'sysray')
        check(st1 < 128 or st1 == 137, f'{p}: sysray status {st1}: {err[-200:]}')
        st2, theirs, _ = run_table(opts, 'strace')
        if mine != theirs:
            bad.append((p, sorted(set(mine) ^ set(theirs))[:6]))
        compared += 1
    check(not bad, f'{len(bad)}/{compared} programs differ from strace -c (lines only in one): '
          + '; '.join(f'{p}: {d}' for p, d in bad[:4]))
    check(compared >= 30, f'only {compared} programs compared')


ROW_DEFAULT = re.compile(r'^ *\d+\.\d\d +\d+\.\d{6} +\d+ +\d+ +(\d+)? +[a-z0-9_]+$')


def layout_ok(lines, strace_lines, row_re):
    check(lines[:2] == strace_lines[:2], f'header differs:\n{lines[:2]}\n{strace_lines[:2]}')
    check(lines[-2] == strace_lines[-2], 'the dashed line before the total differs')
    rows = lines[2:-2]
    check(rows, 'no rows')
    for r in rows + [lines[-1]]:
        check(row_re.match(r), f'row not in strace\'s layout: {r!r}')
    # columns of each row end where strace's headings end
    for r in rows:
        for end in (6, 18, 30, 40):
            check(r[end - 1] != ' ', f'a number does not end at column {end}: {r!r}')


@test
def summary_layout_like_strace():
    """The default table, -w, -C and -U min-time,max-time: header, dashes,
    row and total layout as strace prints them; the total adds up."""
    prog = os.path.join(PROGS, 'errors')
    st, mine, err = run_table(['-c', prog], 'sysray')
    _, theirs, _ = run_table(['-c', prog], 'strace')
    layout_ok(mine, theirs, ROW_DEFAULT)
    calls = sum(int(r.split()[3]) for r in mine[2:-2])
    errors = sum(int(r.split()[4]) for r in mine[2:-2] if len(r.split()) == 6)
    tot = mine[-1].split()
    check(tot[0] == '100.00' and tot[-1] == 'total' and int(tot[3]) == calls
          and int(tot[4]) == errors, f'total row {mine[-1]!r}: calls {calls}, errors {errors}')
    _, mine_w, _ = run_table(['-c', '-w', prog], 'sysray')
    _, theirs_w, _ = run_table(['-c', '-w', prog], 'strace')
    layout_ok(mine_w, theirs_w, ROW_DEFAULT)
    check(float(mine_w[-1].split()[1]) > 0, f'-w measured no time: {mine_w[-1]}')
    _, mine_m, _ = run_table(['-c', '-U', 'min-time,max-time,calls,name', prog], 'sysray')
    _, theirs_m, _ = run_table(['-c', '-U', 'min-time,max-time,calls,name', prog], 'strace')
    check(mine_m[:2] == theirs_m[:2] and mine_m[-2] == theirs_m[-2],
          f'-U header: {mine_m[:2]} vs {theirs_m[:2]}')
    check(all(re.match(r'^\d+\.\d{6} \d+\.\d{6} +\d+ [a-z0-9_]+$', r)
              for r in mine_m[2:-2] + mine_m[-1:]),
          f'-U rows: {mine_m[2:5]}')
    # -C: the trace (ending with the exit), then the same table
    _, mine_c, _ = run_table(['-C', '-U', 'calls,errors,name', '-S', 'name', prog], 'sysray')
    _, theirs_c, _ = run_table(['-C', '-U', 'calls,errors,name', '-S', 'name', prog], 'strace')
    i = next(k for k, l in enumerate(mine_c) if l.endswith('+++ exited with 0 +++'))
    j = next(k for k, l in enumerate(theirs_c) if l.endswith('+++ exited with 0 +++'))
    check(mine_c[i + 1:] == theirs_c[j + 1:], f'-C table differs: {mine_c[i + 1:i + 4]}')
    check(len(mine_c[:i]) > 20, 'no trace with -C')


@test
def summary_times_every_call():
    """System time, the default: a row of 10 calls or more shows a time
    (each call spends some CPU time in the kernel). A call that never left
    the CPU is timed by the kernel's clock; the scheduler's CPU time alone,
    brought up to date at ticks and context switches only, showed 0 for most
    rows (as strace's ru_stime, sampled the same way, often does)."""
    prog = os.path.join(PROGS, 'fd_deep')  # mkdir, chdir, rmdir: 55, 110, 55
    _, mine, _ = run_table(['-c', '-U', 'total-time,calls,name', prog], 'sysray')
    rows = [r.split() for r in mine[2:-2]]
    many = [r for r in rows if int(r[1]) >= 10]
    check(len(many) >= 3, f'too few rows of 10 calls: {mine}')
    untimed = [' '.join(r) for r in many if float(r[0]) == 0]
    check(not untimed, f'rows of 10 calls or more with no time: {untimed}')


@test
def summary_json_and_by_process():
    """-c --json: one summary object whose rows agree with the text table;
    --summary-by=process: one table per process of a shell pipeline;
    -w, -S without -c and -c with -z are refused."""
    prog = os.path.join(PROGS, 'errors')
    _, text, _ = run_table(['-c', '-U', 'name,calls,errors', '-S', 'name', prog], 'sysray')
    _, js, _ = run_table(['-c', '--json', prog], 'sysray')
    check(len(js) == 1, f'{len(js)} JSON lines')
    o = json.loads(js[0])
    check(o['type'] == 'summary' and o['time'] == 'system', f'summary object: {js[0][:200]}')
    rows = sorted((r['name'], r['calls'], r['errors']) for r in o['syscalls'])
    trows = sorted((r.split()[0], int(r.split()[1]), int(r.split()[2]) if len(r.split()) > 2
                    else 0) for r in text[2:-2])
    check(rows == trows, f'JSON rows differ from the text: {set(rows) ^ set(trows)}')
    check(o['total']['calls'] == sum(r[1] for r in rows), 'JSON total')
    validate([o], '-c --json')
    script = os.path.join(tempfile.gettempdir(), 'sysray-sum-pipe.sh')
    with open(script, 'w') as f:
        f.write('#!/bin/sh\ntrue | cat\n')
    os.chmod(script, 0o755)
    _, by, _ = run_table(['-c', '--summary-by=process', '-U', 'calls,name', script], 'sysray')
    os.unlink(script)
    heads = [l for l in by if l.startswith('process ')]
    check(len(heads) >= 2 and all(re.match(r'^process \d+ \(\S+\):$', h) for h in heads),
          f'--summary-by=process headings: {heads}')
    for bad, why in ((['-w', 'true'], '-w must be given with -c or -C'),
                     (['-S', 'calls', 'true'], '-S must be given with -c or -C'),
                     (['-c', '-z', 'true'], '-z, -Z and -e status= are not supported')):
        p = subprocess.run([SYSRAY] + bad, capture_output=True, text=True)
        check(p.returncode == 2 and why in p.stderr, f'{bad}: {p.returncode} {p.stderr.strip()}')
    # what strace 6.1 says "has no effect with -c" of, sysray refuses with the same name
    tail = (' has no effect with -c/--summary-only, which prints no trace: use -C to print '
            'the trace and the table, or leave it out (see sysray --help)')
    for opt, name in (('-n', '-n/--syscall-number'), ('-i', '-i/--instruction-pointer'),
                      ('-T', '-T/--syscall-times'), ('-tt', '-t/--absolute-timestamps'),
                      ('-r', '-r/--relative-timestamps'), ('-yy', '-y/--decode-fds'),
                      ('-xx', '-x/--strings-in-hex'), ('-Xraw', '-X/--const-print-style'),
                      ('-N', '-N/--arg-names'), ('-eread=1', '-e read=/-e write=')):
        p = subprocess.run([SYSRAY, '-c', opt, 'true'], capture_output=True, text=True)
        check(p.returncode == 2 and p.stderr == f'sysray: {name}{tail}\n',
              f'-c {opt}: {p.returncode} {p.stderr.strip()}')
    p = subprocess.run([SYSRAY, '-C', '-T', '-yy', '-o', '/dev/null', 'true'],
                       capture_output=True, text=True)
    check(p.returncode == 0, f'-C -T -yy: {p.returncode} {p.stderr.strip()}')


@test
def summary_by_container():
    """--summary-by=container: the calls of a task in a container's cgroup
    in a table headed by the container's id, the rest apart."""
    root = cgroup2_root()
    if not root:
        raise Skip('no cgroup v2 hierarchy is mounted')
    cid = '5e1c' * 16
    path = os.path.join(root, 'sysray-sum-test', f'docker-{cid}.scope')
    os.makedirs(path, exist_ok=True)
    script = os.path.join(tempfile.gettempdir(), 'sysray-sum-ctr.sh')
    try:
        with open(script, 'w') as f:
            f.write(f'#!/bin/sh\necho $$ > {path}/cgroup.procs && exec {PROGS}/demo\n')
        os.chmod(script, 0o755)
        _, out, err = run_table(['-c', '--summary-by=container', '-U', 'calls,errors,name',
                                 '-S', 'name', script], 'sysray')
        heads = [l for l in out if l.endswith(':') and not l.startswith(' ')]
        check(f'container {cid}:' in heads and len(heads) == 2, f'headings {heads}: {err[-200:]}')
        i = out.index(f'container {cid}:')
        rows = out[i + 3:]
        rows = rows[:next(k for k, l in enumerate(rows) if l.startswith('---'))]
        names = {r.split()[-1] for r in rows}
        # demo opens its missing config file: its calls are in the container's table
        check('openat' in names and 'execve' in names, f'container rows: {rows[:5]}')
    finally:
        os.unlink(script)
        for d in (path, os.path.dirname(path)):
            try:
                os.rmdir(d)
            except OSError:
                pass
