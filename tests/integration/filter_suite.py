# SPDX-License-Identifier: GPL-2.0
"""Integration tests of the filters (run by run.py): --cgroup, --container
and --unit in the kernel, comm and uid, new children of attached
processes, and -e trace= sets and status filters against strace.
"""

import os
import re
import shutil
import signal
import subprocess
import time

from common import Skip, cgroup2_root, check, wait_tracing
from harness import (PROGS, SYSRAY, differential, one_line_error, prog, registry, start_attached,
                     sysray, tmpfile)

TESTS, test = registry()


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
