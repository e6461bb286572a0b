# SPDX-License-Identifier: GPL-2.0
"""Integration tests of what fds are (run by run.py): -y and -yy against
strace, netlink messages, the fd annotations under filters and over the
corpus, --peer and --absolute-paths.
"""

import os
import re
import subprocess

from common import check
from harness import (LINE_RE, ROOT, bodies, fd_differential, find, merged, pids, prog, registry,
                     tmpfile, trace)

TESTS, test = registry()


@test
def fd_annotations_match_strace():
    """fds: files, pipes, sockets, dups, a fork and an exec; pidfds: clone's
    CLONE_PIDFD, pidfd_getfd's fd of the child; every -y and -yy annotation
    identical to strace's, line by line (inodes and ports normalised)."""
    for flag in ('-y', '-yy'):
        st, out = fd_differential('fds,pidfds', flag, 1.0)
        summary = [line for line in out.splitlines() if 'fd annotations' in line]
        check(st == 0, f'{flag}: annotations differ from strace {flag}:\n' +
              '\n'.join(out.splitlines()[-6:]))
        print(f'  {flag}: ' + (summary[-1] if summary else 'no summary'))


def netlink_lines(lines):
    """Socket calls of a trace without the pid column, the run's own numbers
    (socket inode, the port id the kernel gives the socket) normalised."""
    out = []
    for line in bodies(lines):
        if not line.startswith(('sendto(', 'recvfrom(')):
            continue
        line = re.sub(r'<socket:\[\d+\]>', '<socket:[INO]>', line)
        out.append(re.sub(r'nlmsg_pid=[1-9]\d*', 'nlmsg_pid=PORTID', line))
    return out


@test
def netlink_messages_match_strace():
    """NETLINK_ROUTE messages (attributes, several in a buffer, a short one, an
    error that returns the request) printed as strace 6.1 prints them, whole
    lines; with -y (the fd tables know the socket's protocol) and without
    (the kernel side reads it when each call begins, however soon the
    program exits), and with -s 2, which does not cut netlink messages."""
    for extra in (['-y'], ['-y', '-s', '2'], [], ['-s', '2']):
        out = tmpfile()
        try:
            subprocess.run(['strace', '-qq', '-o', out, '-e', 'trace=sendto,recvfrom'] + extra +
                           [prog('net_netlink')], check=True, timeout=60)
            with open(out, errors='replace') as f:
                want = netlink_lines(f.read().splitlines())
        finally:
            os.unlink(out)
        st, lines, err = trace([prog('net_netlink')], ['-e', 'trace=sendto,recvfrom'] + extra)
        got = netlink_lines(lines)
        check(st == 0 and len(want) == 5, f'{extra}: status {st}, {len(want)} strace lines: {err}')
        diff = [f'strace: {w}\nsysray: {g}' for w, g in zip(want, got) if w != g]
        check(want == got, f'{extra}: lines differ from strace:\n' + '\n'.join(diff or got))


@test
def fd_annotations_under_filters():
    """-e trace= and -z/-Z hide calls that open and close fds; the tables still
    see them, so annotations equal strace's even for processes long gone."""
    for flag in ('-yy -e trace=read,write,fstat,lseek,dup3', '-yy -e trace=%network',
                 '-y -Z', '-yy -z -e trace=!close'):
        st, out = fd_differential('fds,net_tcp,pipes_poll,fd_ops', flag, 1.0)
        check(st == 0, f'{flag}: annotations differ from strace:\n' +
              '\n'.join(out.splitlines()[-6:]))


@test
def fd_annotations_corpus():
    """Every fd annotation of strace -yy, and every line, identical over the
    whole corpus unless known-differences.txt explains it."""
    report = os.path.join(ROOT, '.output', 'fd-differential-report.txt')
    st, out = fd_differential(None, '-yy', 1.0,
                              ['--report', report, '--exact', '--known',
                               os.path.join(ROOT, 'tests', 'integration',
                                            'known-differences.txt')])
    summary = [line for line in out.splitlines() if 'fd annotations' in line]
    print('  ' + (summary[-1] if summary else 'no summary'))
    check(st == 0, 'an annotation or line differs, or a program exited wrongly; see ' +
          report + '\n' +
          '\n'.join(out.splitlines()[-4:]))


def bcron_pids(lines):
    """(client, daemon, job child) of a bcron trace."""
    client = pids(lines)[0]
    daemon = [int(LINE_RE.match(line).group(1))
              for line in find(lines, r'prctl\(PR_SET_NAME, "bcrond"\)')]
    check(len(daemon) == 1, f'no single daemon: {daemon}')
    job = [int(LINE_RE.match(line).group(1)) for line in find(lines, r'setuid\(65534\)')]
    check(len(job) == 1, f'no single job child: {job}')
    return client, daemon[0], job[0]


@test
def peer_names_the_daemon():
    """bcron: the client's socket names the daemon behind it; the daemon's
    child fails to create its job file with EACCES."""
    st, lines, err = trace([prog('bcron')], ['-f', '--peer'])
    lines = merged(lines)
    check(st == 0, f'status {st}: {err}')
    client, daemon, job = bcron_pids(lines)
    want = (rf'^{client}\s+write\(4<UNIX-STREAM:\[\d+->\d+\] peer={daemon}\(bcrond\)>, '
            r'"submit job\\n", 11\) += 11$')
    check(find(lines, want), f'client write without peer={daemon}(bcrond): ' +
          str(find(lines, rf'^{client}\s+write\(4')))
    check(find(lines, rf'^{daemon}\s+accept\(3<UNIX-STREAM:.*\) += 5<UNIX-STREAM:\[\d+->\d+,'
                      rf'"/tmp/sysray-progs-bcron/bcron.sock"\] peer={client}\(bcron\)>$'),
          'the accepted socket should name the client')
    want = (rf'^{job}\s+openat\(AT_FDCWD</tmp/sysray-progs-bcron>, "spool/job", '
            r'O_WRONLY\|O_CREAT\|O_EXCL, 0600\) += -1 EACCES \(Permission denied\)$')
    check(find(lines, want), 'missing the job child\'s failing openat: ' +
          str(find(lines, rf'^{job}\s+openat')))


@test
def absolute_paths():
    """--absolute-paths resolves against the cwd (inherited by forks); -y
    alone prints paths as strace does."""
    st, lines, err = trace([prog('bcron')], ['-f', '--absolute-paths'])
    lines = merged(lines)
    check(st == 0, f'status {st}: {err}')
    _, _, job = bcron_pids(lines)
    want = (rf'^{job}\s+openat\(AT_FDCWD, "/tmp/sysray-progs-bcron/spool/job", '
            r'O_WRONLY\|O_CREAT\|O_EXCL, 0600\) += -1 EACCES')
    check(find(lines, want), 'no absolute path: ' + str(find(lines, rf'^{job}\s+openat')))
    check(not find(lines, r'\d<'), 'annotations without -y')
    st, lines, err = trace([prog('fds')], ['-f', '-y', '--absolute-paths'])
    check(st == 0, f'status {st}: {err}')
    check(find(lines, r'openat\(4</tmp/sysray-progs-fds>, "/tmp/sysray-progs-fds/data.txt", '
                      r'O_RDONLY\) = 5</tmp/sysray-progs-fds/data.txt>'),
          'dirfd-relative path not resolved')
    st, lines, err = trace([prog('fds')], ['-f', '-y'])
    check(find(lines, r'openat\(4</tmp/sysray-progs-fds>, "data.txt", O_RDONLY\) = 5<'),
          '-y alone must print the path as given')
