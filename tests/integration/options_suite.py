# SPDX-License-Identifier: GPL-2.0
"""Integration tests of the text options against strace (run by run.py):
-X raw, -t/-r/-T/-s and friends, -E/-u, argument names and their
generator, -P on fds opened before tracing, timestamps, -o to a pipe or
appended, pid names and bad -e expressions.
"""

import collections
import os
import re
import select
import shutil
import subprocess
import sys
import tempfile
import time

from common import Fail, check
from harness import (PROGS, ROOT, SYSRAY, bodies, differential, one_line_error, pids, prog,
                     registry, sysray, tmpfile, trace)

TESTS, test = registry()


@test
def raw_arguments_match_strace():
    """-e raw=SET prints those calls' arguments and successes in hex, like strace."""
    expr = 'raw=openat,read,close,mmap,%stat'
    st, out = differential(['--min', '0', '--exact', '--progs', PROGS,
                            '--only', 'fileio,stat_family',
                            '--strace-args', f'-f -q -e {expr}',
                            '--sysray-args', f'-f -e {expr}'])
    check(st == 0, f'-e {expr}: lines differ from strace\n' + '\n'.join(out.splitlines()[-8:]))
    # pids in hex escape the differential's normalisation: each raw clone
    # returns, in hex, the pid of a child whose lines follow
    st, lines, _ = trace([prog('proc_clone')], ['-e', 'raw=clone'])
    clones = [re.fullmatch(r'clone\(0x[0-9a-f]+, 0, 0, 0, 0\) += 0x([0-9a-f]+)', b)
              for b in bodies(lines) if b.startswith('clone(')]
    children = pids(lines)[1:]
    check(len(clones) == 2 and all(m and int(m.group(1), 16) in children for m in clones),
          f'raw clones: {[m and m.group(0) for m in clones]}, children {children}')
    st, lines, _ = trace([prog('missing_file')], ['-e', 'raw=openat'])
    check(any(re.match(r'openat\(0xffffff9c, 0x[0-9a-f]+, 0x[0-9a-f]+, 0x?[0-9a-f]*\) += -1 ENOENT', b)
              for b in bodies(lines)), 'openat not printed raw:\n' + '\n'.join(lines[:6]))


# strace's text options, each compared line by line with strace 6.1 over a
# few corpus programs (differential.py --exact): what varies from run to run
# (times, durations, addresses) is compared by its format.
TEXT_OPTIONS = [
    # (options for both tracers, differential.py flags, programs)
    ('-tt -T', ['--leader', 'ts,dur'], 'fileio,threads'),
    ('-ttt -r', ['--leader', 'ts,rel'], 'fork_exit3'),
    ('--timestamps=unix,ms --syscall-times=ns', ['--leader', 'ts,dur'], 'stat_family'),
    ('-t -r', ['--leader', 'ts,rel'], 'missing_file'),
    ('-x', [], 'strings,xattr_values'),
    ('-xx', [], 'strings'),
    # -x escapes -y's annotations as it does strings (the inodes of hex ones decoded to compare)
    ('-x -y', ['--fds'], 'hostile_bytes,strings,fd_cwd'),
    ('--strings-in-hex=non-ascii-chars -yy', ['--fds'], 'hostile_bytes,hostile_paths,fd_scm'),
    ('-xx -yy', ['--fds'], 'fds,net_unix,hostile_paths'),
    ('-X verbose', [], 'stat_family,net_unix'),
    ('-X raw', [], 'fileio,net_unix'),
    ('-a 60', ['--padding', '60'], 'threads'),
    ('-i -n', ['--leader', 'nr,ip'], 'signals,threads'),
    # with a filter: an exit's or signal's number is the call the task was in, traced or not
    ('-n -e trace=write,close', ['--leader', 'nr'], 'signals,leader_exits,fork_exit3'),
    ('-e read=all -e write=all', [], 'vectored_io,net_unix'),
    ('-e read=3 -e write=1,2', [], 'fileio'),
    ('-P /etc/ld.so.cache', [], 'fileio,fork_exit3,missing_file'),
    # -P by strace's own cases: fsconfig's aux fd and value path, select's readable sets;
    # no dump of an iovec array strace cannot read whole
    ('-P /dev/full -e write=all', [], 'suite_tail'),
    ('-ff', ['--ff'], 'fork_exit3,threads,proc_clone'),
    # --decode-fds=SET: each kind of annotation alone and in sets
    ('--decode-fds=socket', ['--fds'], 'fds,net_unix,fd_ops'),
    ('--decode-fds=dev,pidfd', ['--fds'], 'fds,fd_ops,fd_cwd'),
    ('-e decode-fds=!path', ['--fds'], 'fds,net_unix'),
    # the command's environment (execve's "/* N vars */") and user
    ('-E SYSRAY_T=1 -E HOME -u nobody', [], 'fork_exit3,missing_file'),
    # -e verbose=: what strace reads from the tracee's memory prints as its address
    # (not strings, not an empty array's "[]")
    ('-e verbose=none', [], 'stat_family,fork_exit3,dirs,pipes_poll,rlimits,time,net_unix,'
     'vectored_io,net_udp,net_tcp,ipc,prctl,memory,futex'),
    ('-e verbose=!wait4,newfstatat', [], 'fork_exit3,stat_family'),
]


@test
def text_options_match_strace():
    """-tt -T, -r, -x, -xx (with -y, -yy), -X, -a, -i, -n, read/write dumps,
    -P and -ff print strace's lines (and -ff strace's set of files). strace 6.1 has no
    --trace-fds: unit/trace_fds checks it."""
    bad = []
    for flags, extra, only in TEXT_OPTIONS:
        st, out = differential(['--min', '0', '--exact', '--progs', PROGS, '--only', only,
                                '--known', os.path.join(ROOT, 'tests', 'integration',
                                                        'known-differences.txt'),
                                '--strace-args', f'-f -q {flags}',
                                '--sysray-args', f'-f {flags}'] + extra)
        if st != 0:
            bad.append(f'{flags}:\n' + '\n'.join(out.splitlines()[-8:]))
    check(not bad, '\n'.join(bad))


@test
def env_and_user_like_strace():
    """-E VAR=VAL, -E VAR and -u USER: the command sees the environment and
    ids strace -E/-u gives it (its own output compared); no such user and -E
    without a command are refused with one line."""
    script = 'id -u; id -g; id -G; echo "$SYSRAY_T ${HOME-unset}"'
    outs = []
    for tracer in ([SYSRAY], ['strace', '-f']):
        p = subprocess.run(tracer + ['-o', '/dev/null', '-E', 'SYSRAY_T=a b', '-E', 'HOME',
                                     '-u', 'nobody', '--', 'sh', '-c', script],
                           capture_output=True, text=True, timeout=60)
        check(p.returncode == 0, f'{tracer[0]}: status {p.returncode}: {p.stderr}')
        outs.append(p.stdout)
    check(outs[0] == outs[1], f'sysray\'s command printed {outs[0]!r}, strace\'s {outs[1]!r}')
    check(outs[0].splitlines()[-1] == 'a b unset', f'environment: {outs[0]!r}')
    for argv, want in (
            (['-u', 'no-such-user-sysray', '--', 'true'],
             "sysray: -u: no user 'no-such-user-sysray' on this host (give a name from the "
             'password database, as getent passwd lists them)'),
            (['-E', 'A=1'], 'sysray: -E and -u apply to the command sysray starts: give one '
             'after -- (see sysray --help)')):
        p = subprocess.run([SYSRAY] + argv, capture_output=True, text=True, timeout=60)
        check(p.returncode != 0 and p.stderr.splitlines() == [want],
              f'{argv}: status {p.returncode}, stderr {p.stderr!r}')


@test
def arg_names_match_strace():
    """-N prints strace 6.16's argument names: strace 6.1's lines with the
    names tests/integration/strace-arg-names.txt gives (read from strace
    6.16's decoders, not from sysray's table) inserted, line by line."""
    st, out = differential(['--min', '0', '--exact', '--progs', PROGS,
                            '--only', 'fileio,stat_family,missing_file,fork_exit3,futex,ioctl,'
                            'prctl,pipes_poll,vectored_io,signals,threads,keyctl',
                            '--known', os.path.join(ROOT, 'tests', 'integration',
                                                    'known-differences.txt'),
                            '--arg-names', os.path.join(ROOT, 'tests', 'integration',
                                                        'strace-arg-names.txt'),
                            '--strace-args', '-f -q', '--sysray-args', '-f -N'])
    check(st == 0, '-N: lines differ from strace\'s with the names inserted\n' +
          '\n'.join(out.splitlines()[-8:]))


# Synthetic section 2 pages in the forms manpages-dev writes its SYNOPSIS in.
GEN_PAGES = {
    'flock': '.SH SYNOPSIS\n.nf\n.B #include <sys/file.h>\n.PP\n'
             '.BI "int flock(int " fd ", int " operation );\n.fi\n.SH DESCRIPTION\nx(int y);\n',
    'open': '.SH SYNOPSIS\n.nf\n.BI "int open(const char *" pathname ", int " flags );\n'
            '.BI "int open(const char *" pathname ", int " flags ", mode_t " mode );\n.fi\n',
    'futex': '.SH SYNOPSIS\n.nf\n'
             '.BI "long syscall(SYS_futex, uint32_t *" uaddr ", int " futex_op \\\n'
             '", uint32_t " val ,\n'
             '.BI "             const struct timespec *" timeout , \\\n'
             '" \\fR  /* or: \\fBuint32_t \\fIval2\\fP */"\n'
             '.BI "             uint32_t *" uaddr2 ", uint32_t " val3 );\n.fi\n',
    'read': '.SH SYNOPSIS\n.nf\n'
            '.BI "ssize_t read(int " fd ", void " buf [. count "], size_t " count );\n.fi\n',
    'ioctl': '.SH SYNOPSIS\n.nf\n.BI "int ioctl(int " fd ", unsigned long " request ", ...);"\n.fi\n',
    'ioctl_fat': '.SH SYNOPSIS\n.nf\n.BI "int ioctl(int " fd ", unsigned long " request \\\n'
                 '", struct __fat_dirent " entry [2]);\n.fi\n',
    'clone': '.SH SYNOPSIS\n.nf\n.BI "int clone(int (*" "fn" ")(void *_Nullable), void *" stack ", int " flags );\n.fi\n',
    'openat': '.SH SYNOPSIS\n.nf\n.BI "int openat(int " dirfd ", const char *" pathname ", int " flags );\n.fi\n',
}


@test
def argnames_generator_reads_man_pages():
    """scripts/gen-argnames.py takes each row's names from its page's SYNOPSIS
    (.BI lines, syscall(SYS_x, ...) forms, line continuations, the longest of
    two forms, the page named after the call over another page's example),
    applies the overrides file (per command for commands.def's rows), and
    fails --check for a row left unnamed."""
    import gzip
    tmp = tempfile.mkdtemp(prefix='sysray-argn-')
    try:
        mandir = os.path.join(tmp, 'man2')
        os.mkdir(mandir)
        for page, text in GEN_PAGES.items():
            with gzip.open(os.path.join(mandir, page + '.2.gz'), 'wt') as f:
                f.write(text)
        rows = os.path.join(tmp, 'rows.def')
        with open(rows, 'w') as f:
            f.write('SC(read, TD, INT, A(FD), A(BUF_OUT, RET), A(SIZE))\n'
                    'SC(open, TD|TF|FDA(NEWFD), FD, A(PATH), A(CUSTOM, open_flags), A(MODE))\n'
                    'SC(flock, TD, INT, A(FD), A(FLAGS, flock_ops))\n'
                    'SCX(futex, 0, INT, futex, A(PTR), A(HEX), A(UINT), A(PTR), A(PTR), A(HEX))\n'
                    'SCX(ioctl, TD, INT, ioctl, A(FD), A(HEX), A(HEX))\n'
                    'SC(time, 0, INT, A(PTR))\n'
                    'SC(getpid, 0, PID)\n')
        cmds = os.path.join(tmp, 'cmds.def')
        with open(cmds, 'w') as f:
            f.write('CMD(keyctl, 0, KEYCTL_READ, A(ENUM, keyctl_cmd), A(CUSTOM, key_serial), '
                    'A(BUF_OUT, MIN(3)), A(ULONG))\n'
                    'CMD(keyctl, 0, KEYCTL_REVOKE, A(ENUM, keyctl_cmd), A(CUSTOM, key_serial))\n')
        ov = os.path.join(tmp, 'ov.txt')
        with open(ov, 'w') as f:
            f.write('# reason\nflock fd op  # strace: op\nioctl fd op argp\ntime -  # unnamed\n'
                    'keyctl@KEYCTL_READ operation key buffer buflen\n'
                    'keyctl@KEYCTL_REVOKE operation key\n')
        gen = [sys.executable, os.path.join(ROOT, 'scripts', 'gen-argnames.py'), mandir, rows,
               cmds, ov]
        p = subprocess.run(gen + ['--check'], capture_output=True, text=True)
        got = [l for l in p.stdout.splitlines() if l.startswith('#define')]
        want = ['#define SR_ARGN_read "fd", "buf", "count"',
                '#define SR_ARGN_open "pathname", "flags", "mode"',
                '#define SR_ARGN_flock "fd", "op"',
                '#define SR_ARGN_futex "uaddr", "futex_op", "val", "timeout", "uaddr2", "val3"',
                '#define SR_ARGN_ioctl "fd", "op", "argp"',
                '#define SR_ARGN_time ""',
                '#define SR_ARGN_getpid NULL',
                '#define SR_ARGN_CMD_keyctl_KEYCTL_READ "operation", "key", "buffer", "buflen"',
                '#define SR_ARGN_CMD_keyctl_KEYCTL_REVOKE "operation", "key"']
        check(p.returncode == 0 and got == want, f'rc {p.returncode} {p.stderr}\n' + '\n'.join(got))
        with open(ov, 'w') as f:
            f.write('flock fd op\n')
        p = subprocess.run(gen + ['--check'], capture_output=True, text=True)
        check(p.returncode == 1 and 'rows without names: ioctl time keyctl@KEYCTL_READ '
              'keyctl@KEYCTL_REVOKE' in p.stderr, f'--check: rc {p.returncode}, {p.stderr!r}')
        check('#define SR_ARGN_ioctl NULL' in p.stdout, 'ioctl_fat(2)\'s example taken for ioctl')
        check('#define SR_ARGN_CMD_keyctl_KEYCTL_READ NULL' in p.stdout,
              'a command without names: not NULL')
        with open(ov, 'w') as f:
            f.write('keyctl@KEYCTL_RAED operation key\n')
        p = subprocess.run(gen, capture_output=True, text=True)
        check(p.returncode != 0 and 'no such row in' in p.stderr and 'keyctl@KEYCTL_RAED' in p.stderr,
              f'a misspelt command: rc {p.returncode}, {p.stderr!r}')
    finally:
        shutil.rmtree(tmp)


def attached_trace(tracer, script, path):
    """Run `sh -c script` after it opened fd 3 on path, attach `tracer -p PID`
    (a command list without -p) and let the script go by closing its stdin;
    return the lines the tracer wrote, the pid column dropped, the padding
    before " = " one space."""
    out = tmpfile()
    sh = subprocess.Popen(['sh', '-c', 'exec 3<"$0"; ' + script, path], stdin=subprocess.PIPE)
    tr = None
    try:
        deadline = time.time() + 20
        while not os.path.exists(f'/proc/{sh.pid}/fd/3') and time.time() < deadline:
            time.sleep(0.01)
        tr = subprocess.Popen(tracer + ['-o', out, '-p', str(sh.pid)], stderr=subprocess.PIPE,
                              text=True)
        line = ''
        while ' attached' not in line and time.time() < deadline:
            if select.select([tr.stderr], [], [], 1)[0]:
                line = tr.stderr.readline()
                if not line:
                    raise Fail(f'{tracer[0]} exited before attaching (status {tr.wait()})')
        check(' attached' in line, f'{tracer[0]} did not report the attach')
        sh.stdin.close()  # the go signal: what follows is traced
        sh.wait(timeout=20)
        check(tr.wait(timeout=20) == 0, f'{tracer[0]} -p failed: {tr.stderr.read()}')
        with open(out) as f:
            return squeezed(f.read().splitlines())
    finally:
        for p in (tr, sh):
            if p and p.poll() is None:
                p.kill()
                p.wait()
        os.unlink(out)


@test
def trace_path_knows_fds_opened_before_tracing():
    """-P matches an fd the process had before it was traced (strace asks
    /proc/PID/fd, sysray's fd tables learn it from /proc): attached to a shell
    that reads a file through fd 3, inherited, strace -p and sysray -p print
    the same lines (dup2 to and from it, the reads of its copy, the close)."""
    data = tmpfile()
    with open(data, 'w') as f:
        f.write('one\ntwo\n')
    script = 'read go; while read line <&3; do :; done; exec 4<&3 3<&-; true'
    try:
        want = attached_trace(['strace', '-P', data], script, data)
        got = attached_trace([SYSRAY, '-P', data], script, data)
    finally:
        os.unlink(data)
    check(got == want and 'read(0, "o", 1) = 1' in want, f'strace: {want}\nsysray: {got}')


@test
def timestamps_are_the_calls_times():
    """-ttt is the wall clock of each call's entry and -T its duration: a
    0.3 s sleep lasts 0.3 s, starts between the run's start and end."""
    t0 = time.time()
    st, lines, err = trace(['sleep', '0.3'], ['-ttt', '-T', '-e', 'trace=clock_nanosleep,nanosleep'])
    t1 = time.time()
    calls = [re.match(r'^\d+ +(\d+\.\d{6}) (clock_)?nanosleep\(.*\) += 0 <(\d+\.\d{6})>$', l)
             for l in lines if 'nanosleep(' in l]
    check(st == 0 and len(calls) == 1 and calls[0], f'one sleep line expected: {lines}')
    when, took = float(calls[0].group(1)), float(calls[0].group(3))
    check(t0 <= when <= t1 and 0.3 <= took < t1 - t0, f'{lines}: run {t0:.6f}..{t1:.6f}')


def squeezed(lines):
    """The bodies of lines, the padding before " = " made one space."""
    return [re.sub(r'\) +=', ') =', b) for b in bodies(lines)]


@test
def output_to_a_pipe_and_appended():
    """-o '|cmd' feeds strace's lines to a shell command; -A appends to -o FILE."""
    out = tmpfile()
    try:
        st, _, err = sysray(['-o', f'|cat > {out}', '-e', 'trace=exit_group', '--', 'true'])
        with open(out) as f:
            lines = f.read().splitlines()
        check(st == 0 and squeezed(lines) == ['exit_group(0) = ?', '+++ exited with 0 +++'],
              f'piped: {lines} {err}')
        for _ in range(2):
            st, _, err = sysray(['-A', '-o', out, '-e', 'trace=exit_group', '--', 'true'])
        with open(out) as f:
            lines = f.read().splitlines()
        check(st == 0 and squeezed(lines) == ['exit_group(0) = ?', '+++ exited with 0 +++'] * 3,
              f'appended: {lines} {err}')
    finally:
        os.unlink(out)


def decorated(path):
    """Multiset of (syscall, names -Y put after pids in it) over a -Y trace,
    a call split by <unfinished ...> counted once."""
    seen, held = collections.Counter(), {}
    with open(path, errors='replace') as f:
        for line in f:
            m = re.match(r'^(\d+)<[^>]*>\s+(<\.\.\. )?(\w+)(.*)$', line)
            if not m:
                continue
            pid, name, rest = m.group(1), m.group(3), m.group(4)
            names = tuple(re.findall(r'\b\d+<([^>]*)>', rest))
            if m.group(2):
                names = held.pop(pid, ()) + names
            if rest.endswith('<unfinished ...>'):
                held[pid] = names
            else:
                seen[(name, names)] += 1
    return seen


@test
def pid_names_like_strace():
    """-Y: PID<comm> at the start of lines, and after pids in arguments and
    return values (clone's child, wait4's pid, getpid) as strace -Y prints them,
    escaped as strings are under -x, -xx and --strings-in-hex (hostile_bytes
    sets a comm with '>' and escape bytes). Not proc_clone: strace also names
    zombies and pids inside structs; not getppid of a process whose parent is
    the tracer, which strace names."""
    for name, flags in (('fork_exit3', []), ('thread_exec', []), ('signals', []),
                        ('fork_exit3', ['-xx']), ('hostile_bytes', ['-x']),
                        ('hostile_bytes', ['--strings-in-hex=non-ascii-chars'])):
        a, b = tmpfile(), tmpfile()
        try:
            subprocess.run(['strace', '-f', '-qq', '-Y', '-o', a] + flags + [prog(name)],
                           capture_output=True, timeout=60)
            st, _, err = sysray(['-f', '-qq', '-Y', '-o', b] + flags + ['--', prog(name)])
            want, got = decorated(a), decorated(b)
        finally:
            os.unlink(a)
            os.unlink(b)
        if name == 'hostile_bytes':
            for seen in (want, got):
                for k in [k for k in seen if k[0] == 'getppid']:
                    del seen[k]
        check(st == 0 and want == got and want,
              f'{name} {flags}: strace only {want - got}, sysray only {got - want}')


@test
def bad_filter_expressions():
    for args, want in ((['-e', 'trace=opn'], "invalid system call 'opn' (did you mean 'open'?)"),
                       (['-e', 'trace=%fil'], "invalid system call '%fil' (did you mean '%file'?)"),
                       (['-e', 'status=nope'], "invalid status 'nope'"),
                       (['-e', 'signal=SIGNOPE'], "invalid signal 'SIGNOPE'"),
                       (['-e', 'bogus=1'], "invalid -e qualifier 'bogus'")):
        st, _, err = sysray(args + ['--', 'true'])
        check(st == 2 and one_line_error(err) and want in err, f'{args}: {err!r}')
