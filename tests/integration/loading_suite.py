# SPDX-License-Identifier: GPL-2.0
"""Integration tests of loading the BPF programs (run by run.py): the call
chains older verifiers accept, the build for kernels without bpf_loop(),
and the start-up path this kernel takes.
"""

import os
import re

from common import check
import bpf_stack
from harness import PROGS, ROOT, differential, registry, sysray, trace

TESTS, test = registry()


@test
def bpf_call_chains_fit_older_verifiers():
    """Every program's deepest call chain, each frame rounded up to 32 bytes
    as verifiers before 6.7 count it, is within their 512 (tests/integration/
    bpf_stack.py): over it, 6.1 refuses the light skeleton (and 5.10 the
    build for older kernels), which this host's verifier would not show."""
    objs = [os.path.join(ROOT, '.output', n + '.bpf.o')
            for n in ('sysray', 'sysray_fdi', 'sysray_compat')]
    for obj in objs:
        check(os.path.exists(obj), f'{obj} is missing: make builds it')
    chains = [(os.path.basename(o),) + c for o in objs for c in bpf_stack.deepest(o)]
    over = [f'{o}: {p}: {n} bytes: {bpf_stack.describe(c)}'
            for o, p, n, c in chains if n > bpf_stack.LIMIT]
    print(f'  deepest call chain: {max(c[2] for c in chains)} of {bpf_stack.LIMIT} bytes')
    check(not over, 'call chains over 512 bytes of stack:\n  ' + '\n  '.join(over))


@test
def build_for_older_kernels():
    """The programs built for kernels without bpf_loop() (before 5.17), loaded
    here through SYSRAY_BPF_LOOP=0: over the corpus, strace -yy's lines and fd
    annotations, as differential_corpus and fd_annotations_corpus ask."""
    report = os.path.join(ROOT, '.output', 'differential-compat-report.txt')
    st, out = differential(['--per-pid-names', '--progs', PROGS, '--min', '0.95', '--fds',
                            '--fd-min', '0.99', '--strace-args', '-f -q -yy',
                            '--sysray-args', '-f -yy', '--report', report,
                            '--known', os.path.join(ROOT, 'tests', 'integration',
                                                    'known-differences.txt')],
                           env={'SYSRAY_BPF_LOOP': '0'})
    for line in out.splitlines():
        if line.startswith('differential:'):
            print('  ' + line)
    check(st == 0, 'below target or a program exited wrongly; see ' + report + '\n' +
          '\n'.join(out.splitlines()[-15:]))
    st, _, err = sysray(['-d', '-o', '/dev/null', '--', '/bin/true'],
                        env=dict(os.environ, SYSRAY_BPF_LOOP='0'))
    check(st == 0 and 'loaded by libbpf, built without bpf_loop' in err,
          'SYSRAY_BPF_LOOP=0 did not load the build for older kernels: ' + err[-300:])


def kernel_has_bpf_loop():
    """bpf_loop() came with 5.17."""
    m = re.match(r'(\d+)\.(\d+)', os.uname().release)
    return m is not None and (int(m.group(1)), int(m.group(2))) >= (5, 17)


@test
def startup_paths():
    """Start-up as this kernel takes it: with bpf_loop() (5.17+) the kernel
    loads the light skeleton, for plain sys_exit and for -y's sys_exit_fdi,
    and a command that ends at once prints its whole trace with every record
    consumed: with the per-CPU rings stored while the programs load, and
    with them stored only after the load (SYSRAY_RINGS_LATE=1), its records
    written into the start-up ring meanwhile. build_for_older_kernels covers
    the libbpf path."""
    want = ('loaded by the kernel (light skeleton, built with bpf_loop)'
            if kernel_has_bpf_loop() else 'loaded by libbpf, built without bpf_loop')
    for extra, env in (([], {}), (['-y'], {}), ([], {'SYSRAY_RINGS_LATE': '1'})):
        st, lines, err = trace(['/bin/true'], ['-d'] + extra, env=env)
        check(st == 0 and want in err, f'{extra}: status {st}, not "{want}":\n{err[-600:]}')
        check(any('execve("/bin/true"' in line for line in lines) and
              lines and lines[-1].endswith('+++ exited with 0 +++'),
              f'{extra}: trace incomplete:\n' + '\n'.join(lines[-5:]))
        m = re.search(r'records emitted (\d+), consumed (\d+), lost (\d+)', err)
        check(m and m.group(1) == m.group(2) and m.group(3) == '0',
              f'{extra}: records not all consumed: {m and m.group(0)}')
