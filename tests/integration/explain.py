#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Diagnosis tests: --explain, --why, --follow-peer, the flight recorder and
sysray diff, on the real programs of tests/scenarios/ (see its README).

Each test starts the failing program (and its daemon, started outside
sysray, where there is one), and asserts on whole lines of the report: its
header, and that its first syscall line is the root cause. Needs root and
BTF, as run.py; every test is skipped with the reason otherwise. Ends with
"N passed, N failed, N skipped".

usage: explain.py [-k SUBSTRING]
"""

import os
import re
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import signal
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import Fail, Skip, cgroup2_root, check, run_suite, wait_tracing  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SYSRAY = os.path.join(ROOT, 'sysray')
SCEN = os.path.join(ROOT, '.output', 'scenarios')
TESTS = []

ENOENT = '-1 ENOENT (No such file or directory)'


def test(fn):
    TESTS.append(fn)
    return fn


def scen(name):
    return os.path.join(SCEN, name)


def workdir(name):
    """A fresh /tmp/sysray-xp-NAME (755, root's)."""
    d = f'/tmp/sysray-xp-{name}'
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    os.chmod(d, 0o755)
    return d


def run(args, timeout=90):
    """Run sysray with args, its output in a file; (status, lines, stderr)."""
    fd, out = tempfile.mkstemp(prefix='sysray-xp-', suffix='.txt')
    os.close(fd)
    try:
        p = subprocess.run([SYSRAY, '-o', out] + args, capture_output=True, text=True,
                           timeout=timeout, errors='replace')
        with open(out, errors='replace') as f:
            return p.returncode, f.read().splitlines(), p.stderr
    finally:
        os.unlink(out)


HEADER = re.compile(r'^sysray: explain: (\d+) \((.*?)\) (.*)$')
CALL = re.compile(r'^(\d+)\s+\S')


def reports(lines):
    """The reports in lines: [(pid, comm, trigger, [lines after the header])]."""
    out, cur = [], None
    for line in lines:
        m = HEADER.match(line)
        if m and cur is None:
            cur = (int(m.group(1)), m.group(2), m.group(3), [])
            continue
        if cur is None:
            continue
        if line == 'sysray: explain: end of report':
            out.append(cur)
            cur = None
            continue
        cur[3].append(line)
    check(cur is None, f'a report without its end line: {cur}')
    return out


def first_call(body):
    """The report's first syscall line."""
    for line in body:
        if CALL.match(line):
            return line
    return None


def section(body, title):
    """The lines of a report after the section line starting with title."""
    for i, line in enumerate(body):
        if line.startswith('sysray: explain: ' + title):
            return body[i + 1:]
    return []


def the_report(reps, trigger_start, comm=None):
    found = [r for r in reps if r[2].startswith(trigger_start) and (comm is None or r[1] == comm)]
    check(len(found) == 1,
          f'expected one report "{trigger_start}", got {[r[:3] for r in reps]}')
    return found[0]


def strace_line(pid, body):
    """A pid-prefixed line as strace -f -o prints it."""
    return f'{pid:<5} {body}'


def free_port():
    s = socket.socket()
    s.bind(('127.0.0.1', 0))
    port = s.getsockname()[1]
    s.close()
    return port


def start_daemon(args):
    """Start a daemon outside sysray; return it once it printed "ready"."""
    d = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    line = d.stdout.readline()
    if line.strip() != 'ready':
        d.kill()
        d.wait()
        raise Fail(f'{args[0]} did not start: {line!r}')
    return d


def stop(d):
    d.terminate()
    try:
        d.wait(timeout=10)
    except subprocess.TimeoutExpired:
        d.kill()
        d.wait()


def stop_tracing(tr, out):
    """SIGINT a sysray started in the background (half a second after the
    traced work ended, for its last records); return its output's lines."""
    time.sleep(0.5)
    tr.send_signal(signal.SIGINT)
    check(tr.wait(timeout=30) == 0, f'sysray status {tr.returncode}: {tr.stderr.read()}')
    with open(out, errors='replace') as f:
        return f.read().splitlines()


def reap(*procs):
    """Kill what is still running of procs (None for those never started)."""
    for p in procs:
        if p and p.poll() is None:
            p.kill()
            p.wait()


# ---------------------------------------------------------------------------


@test
def missing_config_among_benign_probes():
    """(1) The required config is missing; an optional config and a plugin
    were found in the second place searched. The trace prints as usual and
    the report names the missing file first, the probes set apart."""
    w = workdir('config')
    for d in ('etc2/app.d', 'plugins2', 'data'):
        os.makedirs(os.path.join(w, d))
    open(os.path.join(w, 'etc2/app.d/optional.conf'), 'w').close()
    open(os.path.join(w, 'plugins2/plugin.so'), 'w').close()
    st, lines, err = run(['--explain', '--', scen('xp_config'), w])
    check(st == 1, f'status {st}: {err}')
    check(any(re.match(r'^\d+\s+exit_group\(1\)\s+= \?$', l) for l in lines),
          'the trace itself is missing')
    pid, comm, trig, body = the_report(reports(lines), 'wrote to fd 2')
    check(trig == 'wrote to fd 2: "xp_config: cannot load the configuration: No such file or '
          'directory\\n"', f'header: {trig}')
    want = strace_line(pid, f'openat(AT_FDCWD<{w}>, "{w}/data/app.conf", O_RDONLY|O_CLOEXEC) '
                       f'= {ENOENT}')
    check(first_call(body) == want, f'first syscall line:\n {first_call(body)}\nwant\n {want}')
    benign = section(body, 'benign probes')
    check(strace_line(pid, f'openat(AT_FDCWD<{w}>, "{w}/etc1/app.d/optional.conf", '
                           f'O_RDONLY|O_CLOEXEC) = {ENOENT}') in benign,
          f'the optional config probe is not benign: {benign}')
    check(any(l.startswith(strace_line(pid, f'newfstatat(AT_FDCWD<{w}>, '
                                            f'"{w}/plugins1/plugin.so", '))
              and l.endswith(ENOENT) for l in benign),
          f'the plugin search is not benign: {benign}')


@test
def trace_filter_prints_less_remembers_all():
    """-e trace=write with --explain: the trace shows only the writes, the
    report still finds the openat that failed (the kernel side captures
    every call while --explain is on)."""
    w = workdir('filter')
    st, lines, err = run(['--explain', '-e', 'trace=write', '--', scen('xp_config'), w])
    check(st == 1, f'status {st}: {err}')
    pid, _, _, body = the_report(reports(lines), 'wrote to fd 2')
    trace = [l for l in lines if CALL.match(l) and l not in body]
    check(trace == [strace_line(pid, 'write(2, "xp_config: cannot load the confi"..., 68) = 68'),
                    strace_line(pid, '+++ exited with 1 +++')],
          f'the trace: {trace}')
    want = strace_line(pid, f'openat(AT_FDCWD<{w}>, "{w}/data/app.conf", O_RDONLY|O_CLOEXEC) '
                       f'= {ENOENT}')
    check(first_call(body) == want, f'first syscall line:\n {first_call(body)}\nwant\n {want}')


@test
def missing_shared_library():
    """(3) A program linked against a library removed after the build: the
    loader's probes for it come first, the message names the library."""
    w = workdir('lib')
    with open(os.path.join(w, 'lib.c'), 'w') as f:
        f.write('int xp_missing_answer(void) { return 42; }\n')
    lib = os.path.join(w, 'libxpmissing.so')
    exe = os.path.join(w, 'xp_libuser')
    subprocess.run(['cc', '-shared', '-fPIC', '-o', lib, os.path.join(w, 'lib.c')], check=True)
    subprocess.run(['cc', '-o', exe, os.path.join(ROOT, 'tests/scenarios/xp_libuser.c'),
                    f'-L{w}', '-lxpmissing', f'-Wl,-rpath,{w}'], check=True)
    os.unlink(lib)
    st, lines, err = run(['--explain', '--quiet-until-failure', '--', exe])
    check(st == 127, f'status {st}: {err}')
    pid, _, trig, body = the_report(reports(lines), 'wrote to fd 2')
    check(trig == f'wrote to fd 2: "{exe}: error while loading shared libraries: '
          'libxpmissing.so: cannot open shared object file: No such file or directory\\n"',
          f'header: {trig}')
    first = first_call(body)
    check(re.match(rf'^{pid}\s+openat\(AT_FDCWD<[^>]*>, "{w}/[^"]*libxpmissing\.so", '
                   rf'O_RDONLY\|O_CLOEXEC\) = {re.escape(ENOENT)}$', first or ''),
          f'first syscall line: {first}')
    # --quiet-until-failure: nothing but the report
    check(all(l.startswith(('sysray: explain: ', '  ')) or CALL.match(l) for l in lines),
          'lines outside the report: ' + str([l for l in lines if not l.startswith('sysray')][:3]))


@test
def connect_refused():
    """(4) Nothing listens on the port: connect's ECONNREFUSED comes first."""
    port = free_port()
    st, lines, err = run(['--explain', '--quiet-until-failure', '--', scen('xp_connect'),
                          str(port)])
    check(st == 1, f'status {st}: {err}')
    pid, _, trig, body = the_report(reports(lines), 'wrote to fd 2')
    check(trig == 'wrote to fd 2: "xp_connect: cannot reach the server: Connection refused\\n"',
          f'header: {trig}')
    first = first_call(body)
    want = (rf'^{pid}\s+connect\(3<socket:\[\d+\]>, \{{sa_family=AF_INET, '
            rf'sin_port=htons\({port}\), sin_addr=inet_addr\("127\.0\.0\.1"\)\}}, 16\) = -1 '
            r'ECONNREFUSED \(Connection refused\)$')
    check(re.match(want, first or ''), f'first syscall line: {first}')


@test
def missing_interpreter():
    """(5) A script whose #! interpreter is missing: execve of an existing
    file fails with ENOENT; the report says which file is missing."""
    w = workdir('interp')
    script = os.path.join(w, 'run.sh')
    with open(script, 'w') as f:
        f.write('#!/nonexistent/xp-interp\necho hello\n')
    os.chmod(script, 0o755)
    st, lines, err = run(['--explain', '--quiet-until-failure', '--', 'sh', '-c', script])
    check(st == 127, f'status {st}: {err}')
    pid, comm, trig, body = the_report(reports(lines), 'wrote to fd 2')
    check(comm == 'sh' and trig == f'wrote to fd 2: "sh: 1: {script}: not found\\n"',
          f'header: {comm} {trig} (dash writes it in three pieces: one message)')
    first = first_call(body)
    check(re.match(rf'^{pid}\s+execve\("{script}", \["{script}"\], 0x[0-9a-f]+ /\* \d+ vars \*/\) '
                   rf'= {re.escape(ENOENT)}$', first or ''), f'first syscall line: {first}')
    i = body.index(first)
    check(body[i + 1] == '  exec: the file exists; its #! interpreter "/nonexistent/xp-interp" '
          'does not exist', f'no note on the interpreter: {body[i + 1:i + 2]}')


@test
def killed_by_a_signal():
    """A program that does not check fopen's result dies of SIGSEGV without
    a message: the report names the signal, shows it as strace does, then
    the missing file as the first syscall line."""
    missing = '/nonexistent/xp_crash/settings.ini'
    st, lines, err = run(['--explain', '--quiet-until-failure', '--', scen('xp_crash'), missing])
    check(st == 128 + signal.SIGSEGV, f'status {st}: {err}')
    pid, comm, trig, body = the_report(reports(lines), 'killed by')
    check(comm == 'xp_crash' and trig == 'killed by SIGSEGV', f'header: {comm} {trig}')
    check(body[0] == strace_line(pid, '--- SIGSEGV {si_signo=SIGSEGV, si_code=SEGV_MAPERR, '
                                      'si_addr=NULL} ---'), f'signal line: {body[:1]}')
    want = strace_line(pid, f'openat(AT_FDCWD<{os.getcwd()}>, "{missing}", O_RDONLY) = {ENOENT}')
    check(body[1] == want, f'first syscall line:\n {body[1]}\nwant\n {want}')


def bcron_setup():
    w = workdir('bcron')
    os.makedirs(os.path.join(w, 'spool'))
    os.chmod(os.path.join(w, 'spool'), 0o700)
    return w, os.path.join(w, 'bcron.sock')


@test
def bcron_across_the_socket():
    """(2) The daemon was started before and outside sysray; the client,
    launched under --explain --follow-peer, gets the error over a unix
    socket. The report chains client, socket, daemon and the child it
    forked, whose failing openat comes first, with the spool's mode."""
    w, sock = bcron_setup()
    d = start_daemon([scen('xp_bcrond'), sock])
    try:
        st, lines, err = run(['--explain', '--follow-peer', '--quiet-until-failure', '--',
                              scen('xp_bcron'), sock])
    finally:
        stop(d)
    check(st == 1, f'status {st}: {err}')
    pid, _, trig, body = the_report(reports(lines), 'wrote to fd 2', 'xp_bcron')
    check(trig == 'wrote to fd 2: "xp_bcron: the daemon says: bcrond: cannot create the job '
          'file: Permission denied\\n"', f'header: {trig}')
    chain = [l for l in body if l.startswith('  chain: ')]
    m = re.match(rf'^  chain: {pid} \(xp_bcron\) fd 3 -> unix socket "{sock}" -> {d.pid} '
                 r'\(bcrond\) accepted it \(fd \d+\) -> (\d+) \(bcrond\) forked to serve it$',
                 chain[0] if chain else '')
    check(m and len(chain) == 1, f'chain: {chain}')
    child = int(m.group(1))
    want = strace_line(child, f'openat(AT_FDCWD<{w}>, "{w}/spool/job", '
                       'O_WRONLY|O_CREAT|O_EXCL, 0600) = -1 EACCES (Permission denied)')
    first = first_call(body)
    check(first == want, f'first syscall line:\n {first}\nwant\n {want}')
    notes = body[body.index(first) + 1:]
    check(f'  denied: {w}/spool: drwx------ root:root; uid 65534 cannot search or write'
          in notes, f'no denial named: {notes[:4]}')
    check(any(l.startswith('  path: / drwxr-xr-x root:root; ') and
              f'; {w}/spool drwx------ root:root;' in l for l in notes),
          f'no path modes: {notes[:4]}')
    check('  credentials at the call: uid 65534, gid 65534, groups [], capabilities none'
          in notes, f'no credentials: {notes[:4]}')


@test
def bcron_follow_peer_attached():
    """--follow-peer with -p: the client is already running (waiting for a
    line on stdin) when sysray attaches to it; the daemon it then reaches
    is traced from the connect on, and its child's failure comes first."""
    w, sock = bcron_setup()
    d = start_daemon([scen('xp_bcrond'), sock])
    fd, out = tempfile.mkstemp(prefix='sysray-xp-', suffix='.txt')
    os.close(fd)
    cl = tr = None
    try:
        cl = subprocess.Popen(['sh', '-c', 'read x; exec "$0" "$1"', scen('xp_bcron'), sock],
                              stdin=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        tr = subprocess.Popen([SYSRAY, '--explain', '--follow-peer', '--quiet-until-failure',
                               '-p', str(cl.pid), '-o', out], stderr=subprocess.PIPE, text=True)
        line = tr.stderr.readline()
        check(line == f'sysray: Process {cl.pid} attached\n', f'attach: {line!r}')
        cl.stdin.write('go\n')
        cl.stdin.close()
        check(cl.wait(timeout=30) == 1, f'client status {cl.returncode}')
        lines = stop_tracing(tr, out)
    finally:
        reap(cl, tr)
        stop(d)
        os.unlink(out)
    _, _, _, body = the_report(reports(lines), 'wrote to fd 2', 'xp_bcron')
    chain = [l for l in body if l.startswith('  chain: ')]
    m = re.match(rf'^  chain: {cl.pid} \(xp_bcron\) fd 3 -> unix socket "{sock}" -> {d.pid} '
                 r'\(bcrond\) accepted it \(fd \d+\) -> (\d+) \(bcrond\) forked to serve it$',
                 chain[0] if chain else '')
    check(m and len(chain) == 1, f'chain: {chain}')
    want = strace_line(int(m.group(1)), f'openat(AT_FDCWD<{w}>, "{w}/spool/job", '
                       'O_WRONLY|O_CREAT|O_EXCL, 0600) = -1 EACCES (Permission denied)')
    check(first_call(body) == want, f'first syscall line:\n {first_call(body)}\nwant\n {want}')


@test
def bcron_without_follow_peer():
    """Without --follow-peer the daemon is not traced: the chain names the
    peer by its pid (SO_PEERCRED) and says how to trace it."""
    w, sock = bcron_setup()
    d = start_daemon([scen('xp_bcrond'), sock])
    try:
        st, lines, err = run(['--explain', '--quiet-until-failure', '--', scen('xp_bcron'),
                              sock])
    finally:
        stop(d)
    check(st == 1, f'status {st}: {err}')
    pid, _, _, body = the_report(reports(lines), 'wrote to fd 2', 'xp_bcron')
    want = (f'  chain: {pid} (xp_bcron) fd 3 -> unix socket "{sock}" -> {d.pid} (bcrond), '
            'not traced (--follow-peer traces it)')
    check(want in body, f'chain: {[l for l in body if "chain" in l]}')
    check(not any(l.startswith(f'{d.pid} ') for l in lines), 'the daemon was traced')


@test
def tcp_across_the_socket():
    """--follow-peer over loopback TCP: the daemon's per-connection child
    cannot open its data file; the client's report shows it first."""
    port = free_port()
    d = start_daemon([scen('xp_tcpd'), str(port)])
    try:
        st, lines, err = run(['--explain', '--follow-peer', '--quiet-until-failure', '--',
                              scen('xp_tcpc'), str(port)])
    finally:
        stop(d)
    check(st == 1, f'status {st}: {err}')
    pid, _, trig, body = the_report(reports(lines), 'wrote to fd 2', 'xp_tcpc')
    check(trig == 'wrote to fd 2: "xp_tcpc: xp_tcpd: no data: No such file or directory\\n"',
          f'header: {trig}')
    chain = [l for l in body if l.startswith('  chain: ')]
    m = re.match(rf'^  chain: {pid} \(xp_tcpc\) fd 3 -> TCP 127\.0\.0\.1:\d+ -> '
                 rf'127\.0\.0\.1:{port} -> {d.pid} \(xp_tcpd\) accepted it \(fd \d+\) -> (\d+) '
                 r'\(xp_tcpd\) forked to serve it$', chain[0] if chain else '')
    check(m, f'chain: {chain}')
    want = strace_line(int(m.group(1)), f'openat(AT_FDCWD<{os.getcwd()}>, '
                       '"/nonexistent/xp_tcpd/data.db", '
                       f'O_RDONLY) = {ENOENT}')
    check(first_call(body) == want, f'first syscall line:\n {first_call(body)}\nwant\n {want}')


@test
def why_text():
    """--why: the report comes when the text is written, to any fd."""
    w = workdir('why')
    log = os.path.join(w, 'app.log')
    st, lines, err = run(['--why', 'rejected by policy', '--quiet-until-failure', '--',
                          scen('xp_why'), log])
    check(st == 0, f'status {st}: {err}')
    reps = reports(lines)
    check(len(reps) == 1, f'one report expected: {[r[:3] for r in reps]}')
    pid, _, trig, body = reps[0]
    check(trig == 'wrote "2024-01-01 job 42 rejected by policy\\n" to fd 3, which holds '
          "--why's text", f'header: {trig}')
    want = strace_line(pid, f'openat(AT_FDCWD<{os.getcwd()}>, '
                       f'"/nonexistent/xp_why/policy.rules", O_RDONLY) = {ENOENT}')
    check(first_call(body) == want, f'first syscall line:\n {first_call(body)}\nwant\n {want}')


# A stand-in for syslogd/journald: receives one datagram on the socket
# path argv[1] and writes it to the file argv[2].
LOG_RECEIVER = """
import socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(sys.argv[1])
print('ready', flush=True)
s.settimeout(60)
open(sys.argv[2], 'wb').write(s.recv(4096))
"""


def log_namespace(w, kind):
    """A receiver of the system log's datagrams in a mount namespace of its own
    (untraced), where /dev/log (kind 'syslog', on a tmpfs /dev that keeps
    null, zero and urandom) or journald's /run/systemd/journal/socket (a
    tmpfs /run) exists, so that the host needs neither: (process, socket)."""
    if kind == 'syslog':
        sock = '/dev/log'
        os.makedirs(os.path.join(w, 'hostdev'))
        setup = (f'mount --bind /dev {w}/hostdev && mount -t tmpfs tmpfs /dev && '
                 f'for n in null zero urandom; do touch /dev/$n && '
                 f'mount --bind {w}/hostdev/$n /dev/$n || exit 1; done')
    else:
        sock = '/run/systemd/journal/socket'
        setup = 'mount -t tmpfs tmpfs /run && mkdir -p /run/systemd/journal'
    with open(os.path.join(w, 'logd.py'), 'w') as f:
        f.write(LOG_RECEIVER)
    d = start_daemon(['unshare', '-m', '--propagation', 'private', 'sh', '-c',
                      f'{setup} && exec python3 {w}/logd.py {sock} {w}/got'])
    return d, sock


@test
def system_log_messages_trigger():
    """A program that reports its failure only to the system log, through
    syslog(3) on /dev/log and in journald's native protocol (sendmsg of
    KEY=value lines) on /run/systemd/journal/socket, and exits 0: the report
    names the log and the message, and its first line is the failed open.
    It runs under nsenter into the receiver's mount namespace, whose setns
    moves its cwd to that namespace's root (AT_FDCWD</>)."""
    for kind in ('syslog', 'journal'):
        w = workdir('log-' + kind)
        state = os.path.join(w, 'state')
        d = None
        try:
            d, sock = log_namespace(w, kind)
            st, lines, err = run(['--explain', '--quiet-until-failure', '--', 'nsenter', '-t',
                                  str(d.pid), '-m', scen('xp_syslog'), kind, state])
            check(st == 0, f'{kind}: status {st}: {err}')
            check(d.wait(timeout=30) == 0, f'{kind}: the receiver got nothing')
        finally:
            reap(d)
        with open(os.path.join(w, 'got'), errors='replace') as f:
            got = f.read()
        text = f'cannot open state file {state}: No such file or directory'
        reps = reports(lines)
        check(len(reps) == 1, f'{kind}: one report expected: {[r[:3] for r in reps]}')
        pid, comm, trig, body = reps[0]
        check(comm == 'xp_syslog', f'{kind}: report on {comm}')
        if kind == 'syslog':
            check(re.fullmatch(r'<27>\w{3} [ \d]\d \d\d:\d\d:\d\d xp_syslog: ' + re.escape(text),
                               got), f'the receiver got {got!r}')
            msg = got
        else:
            msg = f'PRIORITY=3\nSYSLOG_IDENTIFIER=xp_syslog\nMESSAGE={text}\n'
            check(got == msg, f'the receiver got {got!r}')
        want = f'wrote to the system log ({sock}): "' + msg.replace('\n', '\\n') + '"'
        check(trig == want, f'{kind}: header:\n {trig}\nwant\n {want}')
        want = strace_line(pid, f'openat(AT_FDCWD</>, "{state}", O_RDWR) = {ENOENT}')
        check(first_call(body) == want,
              f'{kind}: first syscall line:\n {first_call(body)}\nwant\n {want}')


@test
def flight_recorder_bound():
    """--quiet-until-failure with a small --history: 20000 failures fill it
    many times over; the report still finds the cause (named in the
    message), and the memory accounted never exceeded the bound."""
    w = workdir('flood')
    st, lines, err = run(['-d', '--explain', '--quiet-until-failure', '--history=64K', '--',
                          scen('xp_flood'), '20000', w], timeout=180)
    check(st == 1, f'status {st}: {err}')
    pid, _, trig, body = the_report(reports(lines), 'wrote to fd 2')
    want = strace_line(pid, f'openat(AT_FDCWD<{os.getcwd()}>, "{w}/required.conf", O_RDONLY) '
                       f'= {ENOENT}')
    check(first_call(body) == want, f'first syscall line:\n {first_call(body)}\nwant\n {want}')
    check(all(l.startswith(('sysray: explain: ', '  ')) or CALL.match(l) for l in lines),
          'lines outside the report')
    m = re.search(r'^sysray: explain: 1 reports; history (\d+) bytes of 65536 \(peak (\d+)\), '
                  r'(\d+) calls forgotten, (\d+) not remembered$', err, re.M)
    check(m, f'no statistics: {err}')
    check(int(m.group(2)) <= 65536, f'peak {m.group(2)} over the bound')
    check(int(m.group(3)) > 15000, f'only {m.group(3)} calls forgotten')
    check(any(l.startswith('sysray: explain: ') and 'older calls were forgotten (--history=65536)'
              in l for l in body), 'the report does not say the history forgot calls')


def deny_acl(d, uid):
    """Give directory d (mode 0777) an access ACL that denies uid everything."""
    # struct posix_acl_xattr_header, then entries (tag, perm, id), sorted by tag and id
    ents = [(0x01, 7, 0xffffffff), (0x02, 0, uid), (0x04, 7, 0xffffffff),
            (0x10, 7, 0xffffffff), (0x20, 7, 0xffffffff)]
    blob = struct.pack('<I', 2) + b''.join(struct.pack('<HHI', *e) for e in ents)
    os.chmod(d, 0o777)
    os.setxattr(d, 'system.posix_acl_access', blob)


@test
def acl_denies_what_the_mode_allows():
    """A directory drwxrwxrwx whose ACL denies uid 65534: no mode bit explains
    the EACCES, and the report says so and points at the ACL it found."""
    w = workdir('acl')
    d = os.path.join(w, 'd')
    os.makedirs(d)
    try:
        deny_acl(d, 65534)
    except OSError as e:
        raise Skip(f'no ACLs on {w}: {e}')
    st, lines, err = run(['--explain', '--quiet-until-failure', '--', 'setpriv',
                          '--reuid=65534', '--regid=65534', '--clear-groups',
                          scen('xp_writer'), d])
    check(st == 1, f'status {st}: {err}')
    pid, _, trig, body = the_report(reports(lines), 'wrote to fd 2')
    check(trig == f'wrote to fd 2: "xp_writer: {d}/out: Permission denied\\n"',
          f'header: {trig}')
    first = first_call(body)
    want = strace_line(pid, f'openat(AT_FDCWD<{os.getcwd()}>, "{d}/out", '
                       'O_WRONLY|O_CREAT|O_TRUNC|O_CLOEXEC, 0644) = -1 EACCES (Permission denied)')
    check(first == want, f'first syscall line:\n {first}\nwant\n {want}')
    notes = body[body.index(first) + 1:]
    check(notes[:3] == [f'  path: / drwxr-xr-x root:root; /tmp drwxrwxrwt root:root; '
                        f'{w} drwxr-xr-x root:root; {d} drwxrwxrwx root:root; '
                        f'{d}/out does not exist',
                        '  the mode bits allow it for these credentials: look at ACLs, LSMs '
                        '(AppArmor, SELinux) and mount flags',
                        f'  acl: {d} has an access ACL (getfacl shows it)'], f'notes: {notes[:3]}')
    check(re.match(rf'^  mount: {d}/out is on /\S*, mounted rw', notes[3]), f'mount: {notes[3]}')
    check(notes[4] == '  credentials at the call: uid 65534, gid 65534, groups [], '
          'capabilities none', f'credentials: {notes[4]}')


def readonly(d):
    subprocess.run(['mount', '--bind', d, d], check=True)
    subprocess.run(['mount', '-o', 'remount,bind,ro', d], check=True)


@test
def readonly_dir_diff_and_explain():
    """(6) A directory made read-only by a bind mount: recorded on the good
    and the bad set-up, sysray diff names the first differing syscall; and
    --explain on the bad one says the mount is read-only."""
    w = workdir('ro')
    d = os.path.join(w, 'd')
    os.makedirs(d)
    good, bad = os.path.join(w, 'good.rec'), os.path.join(w, 'bad.rec')
    st, _, err = run(['--record', good, '--', scen('xp_writer'), d])
    check(st == 0, f'good run: status {st}: {err}')
    readonly(d)
    try:
        st, _, err = run(['--record', bad, '--', scen('xp_writer'), d])
        check(st == 1, f'bad run: status {st}: {err}')
        st, lines, err = run(['--explain', '--quiet-until-failure', '--', scen('xp_writer'), d])
    finally:
        subprocess.run(['umount', d], check=True)
    check(st == 1, f'explain: status {st}: {err}')
    pid, _, _, body = the_report(reports(lines), 'wrote to fd 2')
    want = strace_line(pid, f'openat(AT_FDCWD<{os.getcwd()}>, "{d}/out", '
                       'O_WRONLY|O_CREAT|O_TRUNC|O_CLOEXEC, 0644) = -1 EROFS (Read-only file '
                       'system)')
    check(first_call(body) == want, f'first syscall line:\n {first_call(body)}\nwant\n {want}')
    check(any(re.match(rf'^  mount: {d}/out is on {d}, mounted ro(,\S*)?: read-only', l)
              for l in body), f'no mount note: {body}')
    # the recording, explained later: its -s 32 cut the message, which the header shows
    st, lines, err = run(['--replay', bad, '--explain', '--quiet-until-failure'])
    check(st == 0, f'replay: status {st}: {err}')
    _, _, trig, body = the_report(reports(lines), 'wrote to fd 2')
    msg = f'xp_writer: {d}/out: Read-only file system\\n'[:32]
    check(trig == f'wrote to fd 2: "{msg}"...', f'replay header: {trig}')
    check(re.match(r'^\d+\s+' + re.escape(want.split(None, 1)[1].replace(
        f'AT_FDCWD<{os.getcwd()}>', 'AT_FDCWD')) + '$', first_call(body) or ''),
        f'replay: first syscall line: {first_call(body)}')
    p = subprocess.run([SYSRAY, 'diff', good, bad], capture_output=True, text=True, timeout=60)
    out = p.stdout.splitlines()
    check(p.returncode == 1, f'diff status {p.returncode}: {p.stderr}')
    check(re.match(r'^sysray: diff: first divergence in process 1 \(xp_writer\), after \d+ '
                   r'matching lines:$', out[0]), f'diff header: {out[:1]}')
    call = f'openat(AT_FDCWD, "{d}/out", O_WRONLY|O_CREAT|O_TRUNC|O_CLOEXEC, 0644)'
    check(re.match(rf'^  A: \d+\s+{re.escape(call)} = 3$', out[1]), f'A line: {out[1]}')
    check(re.match(rf'^  B: \d+\s+{re.escape(call)} = -1 EROFS \(Read-only file system\)$',
                   out[2]), f'B line: {out[2]}')
    check(f'-{call} = fd' in out and f'+{call} = -1 EROFS (Read-only file system)' in out
          and '-+++ exited with 0 +++' in out and '++++ exited with 1 +++' in out,
          f'unified diff: {out[3:]}')
    p = subprocess.run([SYSRAY, 'diff', good, good], capture_output=True, text=True, timeout=60)
    check(p.returncode == 0 and p.stdout.startswith('sysray: diff: no difference'),
          f'a recording differs from itself: {p.stdout[:200]}')


CID = 'c0de' + '5eed' * 15


@test
def container_volume_owned_by_root():
    """A container (its own root, mount and pid namespaces, a Docker-like
    cgroup), started before sysray and traced with --container: its service
    runs as uid 1000 and cannot create /data/state.db, /data being root's
    0755 in the container's root file system (the host has no such
    directory). The report shows the container's paths and modes, read
    through the container's root even though it is gone by then, and the
    service's cwd and root are known although sysray reads its first record
    only after it exited: they were read when sysray started."""
    root = cgroup2_root()
    if not root:
        raise Skip('no cgroup v2 hierarchy is mounted')
    if not shutil.which('unshare') or not shutil.which('chroot'):
        raise Skip('unshare or chroot missing (util-linux, coreutils)')
    w = workdir('ctr')
    rootfs = os.path.join(w, 'root')
    for d in ('etc/app', 'data'):
        os.makedirs(os.path.join(rootfs, d))
    open(os.path.join(rootfs, 'etc/app/app.conf'), 'w').close()
    app = os.path.join(rootfs, 'app')
    subprocess.run(['cc', '-static', '-O1', '-o', app,
                    os.path.join(ROOT, 'tests/scenarios/xp_ctrapp.c')], check=True)
    check(not os.path.exists('/data/state.db'), '/data/state.db exists on the host')
    go = os.path.join(rootfs, 'go')
    os.mkfifo(go, 0o666)
    os.chmod(go, 0o666)
    scope = os.path.join(root, f'sysray-test.slice/docker-{CID}.scope')
    os.makedirs(scope, exist_ok=True)
    fd, out = tempfile.mkstemp(prefix='sysray-xp-', suffix='.txt')
    os.close(fd)
    ctr = tr = None
    try:
        ctr = subprocess.Popen(['/bin/sh', '-c', 'echo $$ > "$0" && exec "$@"',
                                os.path.join(scope, 'cgroup.procs'), 'unshare', '--mount',
                                '--pid', '--uts', '--fork', 'chroot', '--userspec=1000:1000',
                                rootfs, '/app', '/go'], stderr=subprocess.DEVNULL)
        tr = subprocess.Popen([SYSRAY, '--explain', '--container', CID[:12], '-o', out],
                              stderr=subprocess.PIPE, text=True)
        # the service waits in open() of a FIFO, begun before sysray: a probe
        # in the container's cgroup shows sysray is tracing
        wait_tracing(tr, out, probe=lambda: subprocess.run(
            ['/bin/sh', '-c', 'echo $$ > "$0" && exec /bin/true',
             os.path.join(scope, 'cgroup.procs')], check=True))
        # sysray stopped while the service makes its first calls, fails and
        # exits: its records are read after its /proc is gone, as a consumer
        # behind on a busy host reads them. What sysray read of the
        # container's processes when it started is what it knows.
        os.kill(tr.pid, signal.SIGSTOP)
        try:
            with open(go, 'w'):
                pass
            check(ctr.wait(timeout=60) == 1, f'container status {ctr.returncode}')
        finally:
            os.kill(tr.pid, signal.SIGCONT)
        lines = stop_tracing(tr, out)
    finally:
        reap(ctr, tr)
        os.unlink(out)
        for d in (scope, os.path.dirname(scope)):
            try:
                os.rmdir(d)
            except OSError:
                pass
    reps = reports(lines)
    # unshare passes the service's status on: the service's report said why
    check(len(reps) == 1, f'one report expected: {[r[:3] for r in reps]}')
    pid, comm, trig, body = the_report(reps, 'wrote to fd 2', 'app')
    check(trig == 'wrote to fd 2: "app: cannot open the state file: Permission denied\\n"',
          f'header: {trig}')
    first = first_call(body)
    check(re.match(rf'^{pid}\s+openat\(AT_FDCWD<[^>]*>, "/data/state\.db", '
                   r'O_WRONLY\|O_CREAT\|O_TRUNC\|O_CLOEXEC, 0644\) = -1 EACCES '
                   r'\(Permission denied\)$', first or ''), f'first syscall line: {first}')
    notes = body[body.index(first) + 1:]
    want = ['  path: / drwxr-xr-x root:root; /data drwxr-xr-x root:root; '
            '/data/state.db does not exist',
            '  denied: /data: drwxr-xr-x root:root; uid 1000 cannot write (the call needs '
            'search or write)',
            '  credentials at the call: uid 1000, gid 1000, groups [1000], capabilities none']
    check(notes[:3] == want, f'notes: {notes[:4]}')


@test
def option_errors():
    """The diagnosis options' rules, one line each and status 2."""
    cases = [
        (['--quiet-until-failure', '--', 'true'],
         'sysray: --quiet-until-failure needs --explain or --why (see sysray --help)'),
        (['--follow-peer'],
         'sysray: --follow-peer needs a command or -p (the whole host is traced already) '
         '(see sysray --help)'),
        (['--explain', '--record=/dev/null', '--', 'true'],
         'sysray: --record saves records unformatted: explain them later with '
         '--replay=FILE --explain (see sysray --help)'),
        (['-k', '--explain', '--quiet-until-failure', '--', 'true'],
         'sysray: -k prints stacks under trace lines: --quiet-until-failure prints none '
         '(see sysray --help)'),
    ]
    for args, want in cases:
        p = subprocess.run([SYSRAY] + args, capture_output=True, text=True, timeout=30)
        check(p.returncode == 2 and p.stderr.strip() == want, f'{args}: {p.stderr!r}')
    p = subprocess.run([SYSRAY, 'diff', '/nonexistent/a.rec', '/nonexistent/b.rec'],
                       capture_output=True, text=True, timeout=30)
    check(p.returncode == 2 and p.stderr.startswith('sysray: '), f'diff: {p.stderr!r}')


def main():
    reason = None
    if os.geteuid() != 0:
        reason = 'not root: the BPF programs cannot be loaded'
    elif not os.path.exists('/sys/kernel/btf/vmlinux'):
        reason = 'this kernel has no BTF (/sys/kernel/btf/vmlinux)'
    elif not os.path.exists(scen('xp_bcrond')):
        reason = 'scenarios not built (make scenarios)'
    return run_suite(TESTS, 'explain', reason)


if __name__ == '__main__':
    sys.exit(main())
