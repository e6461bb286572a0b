# SPDX-License-Identifier: GPL-2.0
"""io_uring requests as strace lines: tests registered by run.py.

The program (tests/uring/uring_ops.c, built against liburing) submits one
request at a time, so the lines come in a fixed order; strace sees none of
them (only io_uring_enter), so the expectations are written from the
requests the program makes, in the spelling of each syscall twin.
"""

import json
import os
import re
import subprocess

# The requests of uring_ops, in order (bodies: the pid column dropped).
FILES = [
    '[io_uring] openat(AT_FDCWD, "missing.conf", O_RDONLY) = -1 ENOENT (No such file or directory)',
    '[io_uring] openat(AT_FDCWD, "data.txt", O_WRONLY|O_CREAT|O_TRUNC, 0644) = 4',
    '[io_uring] write(4, "hello io_uring\\n", 15, 0) = 15',
    '[io_uring] close(4)               = 0',
    '[io_uring] openat(AT_FDCWD, "data.txt", O_RDONLY) = 4',
    '[io_uring] read(4, "hello io_uring\\n", 64, 0) = 15',
    '[io_uring] readv(4, [{iov_base="io_ur", iov_len=5}, {iov_base="ing\\n", iov_len=4}], 2, 6) = 9',
    '[io_uring] read(0 /* fixed file */, "hello", 5, 0) = 5',
    '[io_uring] close(4)               = 0',
    '[io_uring] unlinkat(AT_FDCWD, "data.txt", 0) = 0',
]
LINKED = [
    '[io_uring] close(99)              = -1 EBADF (Bad file descriptor)',
    '[io_uring] IORING_OP_NOP()        = -1 ECANCELED (Operation canceled)',
    '[io_uring] IORING_OP_NOP()        = 0',
]
NETWORK = [
    '[io_uring] accept4(4, NULL, NULL, 0) = 6',
    '[io_uring] sendto(5, "ping", 4, 0, NULL, 0) = 4',
    '[io_uring] recvfrom(6, "ping", 16, 0, NULL, NULL) = 4',
]
REFUSED = [
    # refused while being set up (io_uring_req_failed): AT_FDCWD is no file index
    '[io_uring] openat(AT_FDCWD, "missing.conf", O_RDONLY) = -1 EBADF '
    '(Bad file descriptor)',
]
ALL = FILES + LINKED + NETWORK + REFUSED

# -c -e trace=%io_uring: the requests above, a row per line name (calls and
# failures counted from ALL); without -w a request takes no system time, so
# all times are 0 and the rows come in syscall-number order, the opcode
# without a twin last.
COUNTED = [
    ('read', 2, 0), ('write', 1, 0), ('close', 3, 1), ('readv', 1, 0), ('sendto', 1, 0),
    ('recvfrom', 1, 0), ('openat', 4, 2), ('unlinkat', 1, 0), ('accept4', 1, 0),
    ('IORING_OP_NOP', 2, 1),
]
# tests/uring/uring_twins.c: its rounds' first call, how many calls a round
# makes, and the syscalls whose arguments a request prints under another name
TWINS_FIRST = re.compile(r'openat\(AT_FDCWD(<[^>]*>)?, "missing.txt", O_RDONLY\)')
TWINS_CALLS = 19
TWINS_AS = {'pread64': 'read', 'pwrite64': 'write', 'preadv': 'readv', 'pwritev': 'writev'}

HEAD = '% time     seconds  usecs/call     calls    errors syscall'
DASHES = '------ ----------- ----------- --------- --------- -------------------------'


def counted_row(name, calls, errors, time='  0.00    0.000000           0'):
    """A line of -c's table, in strace's layout."""
    return f'{time} {calls:9d} {errors if errors else "":>9} [io_uring] {name}'


COUNTED_TABLE = [HEAD, DASHES] + [counted_row(*r) for r in COUNTED] + [
    DASHES, '100.00    0.000000           0        17         4 total']


def tests(rt):
    """The test functions, using harness.py's helpers (@rt)."""

    def uring_prog():
        path = os.path.join(rt.ROOT, '.output', 'uring-progs', 'uring_ops')
        if not os.access(path, os.X_OK):
            raise rt.Fail(f'{path} is missing: make progs (needs liburing-dev)')
        try:
            with open('/proc/sys/kernel/io_uring_disabled') as f:
                if f.read().strip() != '0':
                    raise rt.Skip('io_uring is disabled (kernel.io_uring_disabled)')
        except FileNotFoundError:
            pass
        return path

    def requests(extra, *args):
        st, lines, err = rt.trace([uring_prog()] + list(args), extra)
        rt.check(st == 0, f'uring_ops exited with {st}: {err.strip()}')
        return lines

    def uring_lines(lines):
        return [b for b in rt.bodies(lines) if b.startswith('[io_uring] ')]

    def same(got, want, what):
        for i, (g, w) in enumerate(zip(got, want)):
            rt.check(g == w, f'{what}: line {i + 1} is\n  {g}\nnot\n  {w}')
        rt.check(len(got) == len(want), f'{what}: {len(got)} lines, not {len(want)}: {got}')

    def io_uring_requests_as_strace_lines():
        lines = requests(['-e', 'trace=%io_uring'])
        same(rt.bodies(lines)[:len(ALL)], ALL, '-e trace=%io_uring')
        # the submitter's pid, the same as its own syscalls'
        pids = rt.pids(lines)
        rt.check(len(rt.pids([x for x in lines if '[io_uring]' in x])) == 1,
                 f'requests attributed to several pids: {pids}')

    def io_uring_sqpoll_attributed_to_the_process():
        lines = requests(['-e', 'trace=%io_uring,exit_group'], 'sqpoll')
        got = uring_lines(lines)
        same(got, ALL, 'SQPOLL')
        pid = rt.pids([x for x in lines if 'exit_group' in x])
        rt.check(rt.pids([x for x in lines if '[io_uring]' in x]) == pid,
                 'SQPOLL requests not attributed to the process ' + str(pid))

    def io_uring_paired_by_user_data():
        # kernels whose io_uring_complete names no request (5.15; 5.10 before
        # its stable io_uring backport): requests are keyed by ring and
        # user_data and completed in submission order; SYSRAY_URING_BY_UDATA=1
        # takes that path here. uring_ops gives every request user_data 0; its
        # refused request is found at its completion (no io_uring_req_failed
        # is attached there): no request was submitted from the ring entry
        # the kernel has just taken.
        env = dict(os.environ, SYSRAY_URING_BY_UDATA='1')
        for args in ([], ['sqpoll']):
            out = rt.tmpfile()
            try:
                st, _, err = rt.sysray(['-o', out, '-e', 'trace=%io_uring', '--', uring_prog()]
                                       + args, env=env)
                with open(out, errors='replace') as f:
                    lines = f.read().splitlines()
            finally:
                os.unlink(out)
            rt.check(st == 0, f'uring_ops {args}: status {st}: {err.strip()}')
            same(uring_lines(lines), ALL, f'by user_data {args}')

    def io_uring_same_user_data_out_of_order():
        # tests/uring/uring_udata.c: requests with one user_data that complete
        # out of order. By address, each line is its own; by ring and
        # user_data, which one completed is not known: the lines say so and
        # show no arguments (nor an opcode, where theirs differ)
        prog = os.path.join(os.path.dirname(uring_prog()), 'uring_udata')
        st, lines, err = rt.trace([prog], ['-e', 'trace=%io_uring'])
        rt.check(st == 0, f'status {st}: {err.strip()}')
        same(uring_lines(lines), [
            '[io_uring] read(6, "qq", 16, 0)   = 2',
            '[io_uring] read(4, "ppp", 16, 0)  = 3',
            '[io_uring] IORING_OP_NOP()        = 0',
            '[io_uring] read(4, "pppp", 16, 0) = 4',
            '[io_uring] IORING_OP_NOP()        = 0',
        ], 'by address')
        env = dict(os.environ, SYSRAY_URING_BY_UDATA='1')
        out = rt.tmpfile()
        try:
            st, _, err = rt.sysray(['-o', out, '-e', 'trace=%io_uring', '--', prog], env=env)
            with open(out, errors='replace') as f:
                lines = f.read().splitlines()
        finally:
            os.unlink(out)
        rt.check(st == 0, f'by user_data: status {st}: {err.strip()}')
        same(uring_lines(lines), [
            '[io_uring] read(...)              = 2 /* one of 2 requests with user_data 0x7 */',
            '[io_uring] read(...)              = 3 /* one of 2 requests with user_data 0x7 */',
            '[io_uring] ???(...)               = 0 /* one of 2 requests with user_data 0x9 */',
            '[io_uring] ???(...)               = 4 /* one of 2 requests with user_data 0x9 */',
            '[io_uring] IORING_OP_NOP()        = 0',
        ], 'by user_data')

    def io_uring_trace_selects_twins():
        got = uring_lines(requests(['-e', 'trace=openat,close']))
        same(got, [x for x in ALL if re.match(r'\[io_uring\] (openat|close)\(', x)],
             '-e trace=openat,close')
        got = uring_lines(requests(['-e', 'trace=!%io_uring']))
        same(got, [], '-e trace=!%io_uring')
        got = uring_lines(requests(['-e', 'trace=!openat']))
        same(got, [x for x in ALL if 'openat(' not in x], '-e trace=!openat')

    def io_uring_failed_requests_with_Z():
        got = uring_lines(requests(['-Z', '-e', 'trace=%io_uring']))
        same(got, [x for x in ALL if ' = -1 ' in x], '-Z')

    def io_uring_fd_tables_learn_requests():
        got = uring_lines(requests(['-y', '-e', 'trace=%io_uring']))
        cwd = '/tmp/sysray-progs-uring'
        data = f'4<{cwd}/data.txt>'
        want = [
            f'[io_uring] openat(AT_FDCWD<{cwd}>, "data.txt", O_RDONLY) = {data}',
            f'[io_uring] read({data}, "hello io_uring\\n", 64, 0) = 15',
            # registered by fd (IORING_REGISTER_FILES): slot 0 holds what fd 4 held
            f'[io_uring] read(0<fixed:{cwd}/data.txt>, "hello", 5, 0) = 5',
            f'[io_uring] close({data}) = 0',
        ]
        same(got[4:6] + got[7:9], want, '-y')
        sock = re.compile(r'^\[io_uring\] accept4\(4<socket:\[\d+\]>, NULL, NULL, 0\) = '
                          r'6<socket:\[(\d+)\]>$')
        m = sock.match(got[13])
        rt.check(m, 'accept4 under -y: ' + got[13])
        rt.check(got[15].startswith(f'[io_uring] recvfrom(6<socket:[{m.group(1)}]>, "ping"'),
                 'the accepted socket is not known by its inode: ' + got[15])

    def io_uring_json_via():
        out = rt.tmpfile('.json')
        try:
            st, _, err = rt.sysray(['--json', '-o', out, '-e', 'trace=%io_uring', '--',
                                    uring_prog()])
            rt.check(st == 0, f'status {st}: {err}')
            with open(out) as f:
                evs = [json.loads(x) for x in f if x.strip()]
        finally:
            os.unlink(out)
        calls = [e for e in evs if e.get('type') == 'syscall']
        rt.check(len(calls) == len(ALL), f'{len(calls)} calls, not {len(ALL)}')
        rt.check(all(e.get('via') == 'io_uring' for e in calls), 'a call without "via"')
        first = calls[0]
        rt.check((first['name'], first['errno']) == ('openat', 'ENOENT'), str(first))
        nop = calls[11]
        rt.check((nop['name'], nop['nr'], nop['errno']) == ('IORING_OP_NOP', -1, 'ECANCELED'),
                 str(nop))

    def json_summary(extra):
        """--json -c's one summary object for uring_ops."""
        out = rt.tmpfile('.json')
        try:
            st, _, err = rt.sysray(['--json', '-c', '-o', out] + extra + ['--', uring_prog()])
            rt.check(st == 0, f'status {st}: {err}')
            with open(out) as f:
                (summary,) = [json.loads(x) for x in f if x.strip()]
        finally:
            os.unlink(out)
        return summary

    def io_uring_counted_on_their_own_rows():
        st, lines, err = rt.trace([uring_prog()], ['-c', '-e', 'trace=%io_uring'])
        rt.check(st == 0, f'status {st}: {err}')
        rt.check(sum(1 for x in ALL if ' = -1 ' in x) == 4, 'ALL and the total row disagree')
        same(lines, COUNTED_TABLE, '-c')
        # SQPOLL: the submitting process, named after its leader, not the kernel thread
        st, lines, err = rt.trace([uring_prog(), 'sqpoll'],
                                  ['-c', '--summary-by=process', '-e', 'trace=%io_uring'])
        rt.check(st == 0, f'status {st}: {err}')
        rt.check(lines and re.match(r'^process \d+ \(uring_ops\):$', lines[0]),
                 '--summary-by=process heading: ' + (lines[0] if lines else 'no output'))
        same(lines[1:], COUNTED_TABLE, '-c --summary-by=process (SQPOLL)')

    def io_uring_counted_latency_with_w():
        # -w: submission to completion; the times vary, so rows are matched
        # by name, calls and errors, in the order of the times they show
        st, lines, err = rt.trace([uring_prog()], ['-c', '-w', '-e', 'trace=%io_uring'])
        rt.check(st == 0, f'status {st}: {err}')
        row = re.compile(r'^( *\d+\.\d\d +(\d+\.\d{6}) +\d+) (.*)$')
        got, secs = [], []
        for x in lines[2:-2]:
            m = row.match(x)
            rt.check(m, 'not a row of -c -w: ' + x)
            got.append(x)
            secs.append(float(m.group(2)))
            rt.check(x == counted_row(*next((r for r in COUNTED
                                             if x.endswith('] ' + r[0])), ('?', 0, 0)),
                                      time=m.group(1)), 'row: ' + x)
        rt.check(len(got) == len(COUNTED), f'{len(got)} rows, not {len(COUNTED)}')
        rt.check(secs == sorted(secs, reverse=True), f'rows not sorted by time: {secs}')
        summary = json_summary(['-w', '-e', 'trace=%io_uring'])
        rt.check(summary['time'] == 'wall', str(summary))
        rows = {r['name']: r for r in summary['syscalls']}
        # four opens from submission to completion: never no time at all
        rt.check(rows['openat']['time_ns'] > 0, 'openat requests took no time: ' + str(rows))
        rt.check(rows['openat']['max_ns'] >= rows['openat']['min_ns'], str(rows['openat']))

    def io_uring_counted_in_json():
        summary = json_summary(['-e', 'trace=%io_uring,openat'])
        got = [(r['name'], r.get('nr'), r.get('via'), r['calls'], r['errors'], r['time_ns'])
               for r in summary['syscalls']]
        nrs = {'read': 0, 'write': 1, 'close': 3, 'readv': 19, 'sendto': 44, 'recvfrom': 45,
               'openat': 257, 'unlinkat': 263, 'accept4': 288, 'IORING_OP_NOP': None}
        # the program's own openat syscalls (ld.so's, its cwd) count apart, without "via"
        syscall = [g for g in got if g[2] is None]
        rt.check(len(syscall) == 1 and syscall[0][:2] == ('openat', 257) and syscall[0][3] > 0,
                 'the openat syscalls: ' + str(syscall))
        want = [(n, nrs[n], 'io_uring', c, e, 0) for n, c, e in COUNTED]
        same([g for g in got if g[2]], want, '--json -c')
        rt.check(summary['total']['calls'] == 17 + syscall[0][3], str(summary['total']))

    def io_uring_latency_with_T():
        lines = requests(['-T', '-e', 'trace=%io_uring'])
        got = uring_lines(lines)
        rt.check(len(got) == len(ALL), f'{len(got)} lines, not {len(ALL)}')
        for g, w in zip(got, ALL):
            rt.check(re.match(re.escape(w) + r' <\d+\.\d{6}>$', g),
                     f'-T: the line is\n  {g}\nnot\n  {w} <seconds>')

    def fixed_prog():
        uring_prog()
        return os.path.join(rt.ROOT, '.output', 'uring-progs', 'uring_fixed')

    def fixed_described(env=None):
        # tests/uring/uring_fixed.c: direct opens into slot 2 and a slot the
        # kernel chooses, a direct close, and a file registered by fd
        cwd = '/tmp/sysray-progs-uring-fixed'
        path = f'{cwd}/fixed.txt'
        st, lines, err = rt.trace([fixed_prog()], ['-y', '-e', 'trace=%io_uring'], env=env)
        rt.check(st == 0, f'status {st}: {err}')
        got = uring_lines(lines)
        rt.check(len(got) == 12, f'{len(got)} lines, not 12: {got}')
        m = re.match(r'^\[io_uring\] openat\(AT_FDCWD<' + re.escape(cwd) +
                     r'>, "fixed.txt", O_RDONLY\) = (\d+)$', got[2])
        rt.check(m, 'the openat into a slot the kernel chose: ' + got[2])
        slot = m.group(1)
        m = re.search(r', 6<pipe:\[(\d+)\]>, ', got[-1])
        pipe = m.group(1) if m else 'INO'
        same(got, [
            f'[io_uring] openat(AT_FDCWD<{cwd}>, "fixed.txt", O_RDWR|O_CREAT|O_TRUNC, 0644) = 0',
            f'[io_uring] write(2<fixed:{path}>, "direct\\n", 7, 0) = 7',
            got[2],
            f'[io_uring] read({slot}<fixed:{path}>, "direct\\n", 16, 0) = 7',
            f'[io_uring] close(2<fixed:{path}>) = 0',
            # the slot was emptied; then files registered by fd: IORING_REGISTER_FILES,
            # and _FILES2 with slot 1 empty, filled by an IORING_REGISTER_FILES_UPDATE
            '[io_uring] write(2 /* fixed file */, "gone\\n", 5, 0) = -1 EBADF (Bad file descriptor)',
            f'[io_uring] read(0<fixed:{path}>, "dir", 3, 0) = 3',
            f'[io_uring] read(1<fixed:{path}>, "ect\\n", 4, 3) = 4',
            # 300 fds registered: the last slot's is in the fifth record the
            # io_uring_register program sends, after two of its tail calls
            f'[io_uring] read(299<fixed:{path}>, "ir", 2, 1) = 2',
            # an IORING_OP_FILES_UPDATE request put the file in slot 5
            '[io_uring] IORING_OP_FILES_UPDATE() = 1',
            f'[io_uring] read(5<fixed:{path}>, "ct\\n", 3, 4) = 3',
            # splice's fd_in in a slot (SPLICE_F_FD_IN_FIXED, which splice(2) does
            # not know: strace's spelling of an unknown flag), fd_out a pipe
            f'[io_uring] splice(299<fixed:{path}>, [2], 6<pipe:[{pipe}]>, NULL, 3, '
            '0x80000000 /* SPLICE_F_??? */) = 3',
        ], '-y, fixed files')
        return slot

    def io_uring_fixed_files_described():
        slot = fixed_described()
        st, lines, err = rt.trace([fixed_prog()], ['-e', 'trace=%io_uring'])
        rt.check(st == 0, f'status {st}: {err}')
        got = uring_lines(lines)
        same([got[1], got[3], got[4], got[11]], [
            '[io_uring] write(2 /* fixed file */, "direct\\n", 7, 0) = 7',
            f'[io_uring] read({slot} /* fixed file */, "direct\\n", 16, 0) = 7',
            '[io_uring] close(2 /* fixed file */) = 0',
            '[io_uring] splice(299 /* fixed file */, [2], 6, NULL, 3, 0x80000000 '
            '/* SPLICE_F_??? */) = 3',
        ], 'fixed files without -y')

    def io_uring_fixed_files_described_without_bpf_loop():
        # the build for kernels before 5.17: the io_uring_register program
        # sends the ring alone, the fds come from the syscall's entry capture
        fixed_described({'SYSRAY_BPF_LOOP': '0'})

    def strace_and_sysray(prog, args, expr, y=('-y',), env=None):
        """Both tracers' line bodies for @prog @args under -f @y -e @expr, addresses as 0xADDR
        (@env: variables added to sysray's environment)."""
        out = rt.tmpfile('.strace')
        try:
            p = subprocess.run(['strace', '-f'] + list(y) + ['-qq', '-e', expr, '-o', out, prog] + args,
                               capture_output=True, text=True, timeout=60)
            rt.check(p.returncode == 0, f'strace {prog}: {p.returncode} {p.stderr.strip()}')
            with open(out) as f:
                want = [x.rstrip('\n') for x in f]
        finally:
            os.unlink(out)
        st, got, err = rt.trace([prog] + args, list(y) + ['-e', expr], env=env)
        rt.check(st == 0, f'{prog}: status {st}: {err.strip()}')
        addr = re.compile(r'0x[0-9a-f]{9,12}\b')
        def norm(lines):
            return [addr.sub('0xADDR', b) for b in rt.bodies(lines) if not b.startswith('+++')]
        return norm(want), norm(got)

    def io_uring_syscalls_like_strace():
        # the three syscalls as strace 6.1 decodes them, compared line for line
        prog = os.path.join(os.path.dirname(uring_prog()), 'uring_register')
        want, got = strace_and_sysray(prog, [], 'trace=io_uring_setup,io_uring_enter,'
                                      'io_uring_register')
        rt.check(len(want) == 19, f'strace printed {len(want)} lines, not 19: {want}')
        same(got, want, 'uring_register')
        # file registrations (sparse, by fd, with tags, an update): whole lines too;
        # io_uring_enter is left out, whether it waits depends on timing
        want, got = strace_and_sysray(fixed_prog(), [], 'trace=io_uring_setup,io_uring_register')
        rt.check(len(want) == 9, f'strace printed {len(want)} lines, not 9: {want}')
        same(got, want, 'uring_fixed')
        # without -y and with no request traced: the fds as read at entry
        want, got = strace_and_sysray(fixed_prog(), [], 'trace=io_uring_register', y=())
        rt.check(len(want) == 8 and '[4, -1]' in want[4], f'strace printed {want}')
        same(got, want, 'uring_fixed, -e trace=io_uring_register')
        # all 300 fds of a registration (the tracepoint's program sends them 64 a
        # record, two records a run, then a tail call), -y on the last
        want, got = strace_and_sysray(fixed_prog(), [], 'trace=io_uring_register',
                                      y=('-y', '-s', '400'))
        rt.check(len(want) == 8 and want[7].endswith('fixed.txt>], 300) = 0'),
                 f'strace printed {want}')
        same(got, want, 'uring_fixed, -s 400')
        want, got = strace_and_sysray(uring_prog(), ['sqpoll'], 'trace=io_uring_setup')
        rt.check(len(want) == 1 and 'flags=IORING_SETUP_SQPOLL' in want[0], str(want))
        same(got, want, 'uring_ops sqpoll')

    def io_uring_requests_print_as_their_syscalls():
        # tests/uring/uring_twins.c makes its calls as syscalls, then as
        # requests with the same arguments and fds: the requests print as
        # strace prints the syscalls (pread64's arguments under read's name,
        # splice's offsets, held by value in the entry, as "[0]", and NULL
        # for -1), with and without -y, buffers cut at -s, and where requests
        # are keyed by ring and user_data. Ports, pipe and socket inodes
        # differ from strace's run to sysray's, and the socket inodes from a
        # round to the next.
        prog = os.path.join(os.path.dirname(uring_prog()), 'uring_twins')
        expr = ('trace=openat,close,read,write,readv,writev,pread64,pwrite64,preadv,pwritev,'
                'fsync,fdatasync,splice,tee,statx,connect,accept4,sendto,recvfrom')
        inodes = [(re.compile(r'(pipe|socket):\[\d+\]'), r'\1:[INO]'),
                  (re.compile(r' +(= [^=]*)$'), r' \1')]
        ports = inodes + [(re.compile(r'htons\(\d+\)'), 'htons(PORT)')]

        def norm(lines, vary=ports):
            for pat, rep in vary:
                lines = [pat.sub(rep, x) for x in lines]
            return lines

        def first_round(lines):
            """The syscalls of the round, under the names of their requests."""
            start = [i for i, x in enumerate(lines) if TWINS_FIRST.match(x)]
            rt.check(start, f'no {TWINS_FIRST.pattern} in {lines}')
            return [re.sub(r'^(\w+)\(', lambda m: TWINS_AS.get(m[1], m[1]) + '(', x)
                    for x in lines[start[0]:start[0] + TWINS_CALLS]]
        for opts, env in (((), None), (('-y',), None), (('-s', '4'), None),
                       ((), {'SYSRAY_URING_BY_UDATA': '1'})):
            want, got = strace_and_sysray(prog, [], expr, y=opts, env=env)
            want = first_round(want)
            rt.check(len(want) == TWINS_CALLS, f'strace printed {want}')
            calls = first_round([x for x in got if not x.startswith('[io_uring] ')])
            reqs = [x[len('[io_uring] '):] for x in got if x.startswith('[io_uring] ')]
            same(norm(calls), norm(want), f'the syscalls {opts} {env}')
            same(norm(reqs), norm(want), f'the requests {opts} {env}')
            # in one run, the port is the same
            same(norm(reqs, inodes), norm(calls, inodes), f'requests and syscalls {opts} {env}')

    def io_uring_fdatasync_apart_from_fsync():
        # IORING_OP_FSYNC with IORING_FSYNC_DATASYNC is fdatasync: -e trace=
        # selects it as that, not as fsync, and -c and JSON name it so
        prog = os.path.join(os.path.dirname(uring_prog()), 'uring_twins')
        spaces = re.compile(r' +(= [^=]*)$')
        for name in ('fdatasync', 'fsync'):
            want, got = strace_and_sysray(prog, [], 'trace=' + name, y=())
            rt.check(len(want) == 1 and want[0].startswith(name + '(') and
                     want[0].endswith(' = 0'), f'strace printed {want}')
            same([spaces.sub(r' \1', x) for x in got],
                 [spaces.sub(r' \1', x) for x in (want[0], '[io_uring] ' + want[0])],
                 '-e trace=' + name)
        st, lines, err = rt.trace([prog], ['-c', '-e', 'trace=fdatasync'])
        rt.check(st == 0, f'status {st}: {err}')
        # times vary; the name column is its longest name and one wide (strace's count.c)
        rows = [re.sub(r'^ *\d+\.\d\d +\d+\.\d{6} +\d+ ', 'T ', x) for x in lines]
        dashes = DASHES[:DASHES.rindex(' ') + 1] + '-' * (len('[io_uring] fdatasync') + 1)
        same(rows, [HEAD, dashes, 'T         1           fdatasync',
                    'T         1           [io_uring] fdatasync', dashes,
                    'T         2           total'], '-c -e trace=fdatasync')
        out = rt.tmpfile('.json')
        try:
            st, _, err = rt.sysray(['--json', '-o', out, '-e', 'trace=fsync,fdatasync', '--',
                                    prog])
            rt.check(st == 0, f'status {st}: {err}')
            with open(out) as f:
                evs = [json.loads(x) for x in f if x.strip()]
        finally:
            os.unlink(out)
        got = [(e['name'], e.get('via')) for e in evs if e.get('type') == 'syscall']
        same(got, [('fsync', None), ('fdatasync', None), ('fsync', 'io_uring'),
                   ('fdatasync', 'io_uring')], '--json')

    return [io_uring_requests_print_as_their_syscalls, io_uring_fdatasync_apart_from_fsync,
            io_uring_syscalls_like_strace,
            io_uring_fixed_files_described, io_uring_fixed_files_described_without_bpf_loop,
            io_uring_counted_on_their_own_rows, io_uring_counted_latency_with_w,
            io_uring_counted_in_json, io_uring_latency_with_T,
            io_uring_requests_as_strace_lines, io_uring_sqpoll_attributed_to_the_process,
            io_uring_paired_by_user_data, io_uring_same_user_data_out_of_order,
            io_uring_trace_selects_twins, io_uring_failed_requests_with_Z,
            io_uring_fd_tables_learn_requests, io_uring_json_via]
