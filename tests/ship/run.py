#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Shipping tests: --help groups, --check, the man page, the bash completion,
make install/uninstall, the Debian package, the container image tracing a
second podman container, and the Kubernetes DaemonSet manifest.

Each test prints "ok", "FAIL" or "skip"; the run ends with
"N passed, N failed, N skipped".

usage: run.py [-k SUBSTRING]   (run only tests whose name contains SUBSTRING)
"""

import fcntl
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'integration'))
from common import Fail, Skip, cgroup2_root, check, run_suite  # noqa: E402,F401

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SYSRAY = os.path.join(ROOT, 'sysray')
MAN = os.path.join(ROOT, 'man', 'sysray.8')
COMPLETION = os.path.join(ROOT, '.output', 'sysray.bash')
PODMAN = [os.path.join(ROOT, 'scripts', 'podman.sh')]
VERSION = open(os.path.join(ROOT, 'VERSION')).read().strip()
TESTS = []


def test(fn):
    TESTS.append(fn)
    return fn


def run(argv, **kw):
    kw.setdefault('timeout', 120)
    return subprocess.run(argv, capture_output=True, text=True, errors='replace', **kw)


def need(*tools):
    for t in tools:
        if not shutil.which(t):
            raise Skip(f'{t} is not installed (scripts/deps.sh --ship installs it)')


# ---------------------------------------------------------------------------
# --help: what the other tests check against


# strace's groups in strace's order, with sysray's own Diagnosis (--explain...)
# where --help puts it.
HELP_GROUPS = ['General', 'Startup', 'Tracing', 'Filtering', 'Output format', 'Diagnosis',
               'Statistics', 'Miscellaneous']


def help_text():
    p = run([SYSRAY, '--help'])
    check(p.returncode == 0, f'sysray --help: status {p.returncode}')
    return p.stdout


def help_forms():
    """Every option form of --help: ('-o', True) for "-o FILE", ('--output', True) for
    "--output=FILE", ('-y', False), ('--decode-fds', 'opt') for "--decode-fds[=path]",
    ('-e trace', True) for "-e trace=SET" and ('-yy', False). Parsed here, independently
    of the completion's own parser."""
    forms = {}
    for line in help_text().splitlines():
        m = re.match(r'^  (-\S.*?)(?:  |$)', line)
        if not m:
            continue
        for form in m.group(1).split(', '):
            e = re.match(r'^-e (\w+)=', form)
            if e:
                forms['-e ' + e.group(1)] = True
                continue
            lo = re.match(r'^(--[\w-]+)(\[?=)?', form)
            if lo:
                forms[lo.group(1)] = {None: False, '=': True, '[=': 'opt'}[lo.group(2)]
                continue
            sh = re.match(r'^(-\w+)( \S+)?$', form)
            check(sh, f'--help: cannot read option form {form!r}')
            forms[sh.group(1)] = bool(sh.group(2))
    check(len(forms) > 20, f'--help lists only {len(forms)} option forms')
    return forms


def help_groups():
    return [line[:-1] for line in help_text().splitlines() if line[:-1] in HELP_GROUPS
            and line.endswith(':')]


@test
def help_groups_as_strace():
    titles = help_groups()
    check(titles == [g for g in HELP_GROUPS if g in titles],
          f'--help groups out of strace\'s order: {titles}')
    for g in ('General', 'Startup', 'Tracing', 'Filtering', 'Output format', 'Miscellaneous'):
        check(g in titles, f'--help has no "{g}:" group: {titles}')


# ---------------------------------------------------------------------------
# --check


def expected_check_lines(caps):
    """The lines of sysray --check that this test can compute on its own."""
    want = []
    if os.access('/sys/kernel/btf/vmlinux', os.R_OK):
        want.append('BTF:          yes, /sys/kernel/btf/vmlinux')
    root = cgroup2_root()
    if root:
        fs = run(['stat', '-f', '-c', '%T', '/sys/fs/cgroup']).stdout.strip()
        mode = 'unified' if fs == 'cgroup2fs' else 'hybrid: v1 controllers at /sys/fs/cgroup'
        want.append(f'cgroup v2:    yes, {root} ({mode})')
    names = [('CAP_BPF', 39), ('CAP_PERFMON', 38), ('CAP_SYS_ADMIN', 21), ('CAP_SYS_PTRACE', 19)]
    want.append('capabilities: ' + ', '.join(f'{n} {"yes" if caps >> b & 1 else "no"}'
                                             for n, b in names))
    ver = run(['dpkg-query', '-W', '-f=${Version}', 'libbpf1']).stdout
    m = re.match(r'^(?:\d+:)?(\d+)\.(\d+)', ver)
    if m:
        want.append(f'libbpf:       {m.group(1)}.{m.group(2)} (built with '
                    f'{m.group(1)}.{m.group(2)}; sysray needs 1.0 or later)')
    return want


def cap_eff(status_text):
    return int(re.search(r'^CapEff:\s*([0-9a-f]+)$', status_text, re.M).group(1), 16)


UNPRIV = ['setpriv', '--reuid', '65534', '--regid', '65534', '--clear-groups',
          '--inh-caps=-all', '--bounding-set=-all']


@test
def check_reports_the_host():
    if os.geteuid() != 0:
        raise Skip('needs root')
    need('setpriv')
    p = run([SYSRAY, '--check'])
    lines = p.stdout.splitlines()
    for want in expected_check_lines(cap_eff(open('/proc/self/status').read())):
        check(want in lines, f'--check lacks the line {want!r}:\n{p.stdout}')
    for want in ('ring buffer:  yes', 'privileges:   yes, enough to load BPF programs',
                 "pid ns:       the host's", 'result:       sysray can trace on this host'):
        check(want in lines, f'--check lacks the line {want!r}:\n{p.stdout}')
    check(lines[0] == f'kernel:       {os.uname().release} {os.uname().machine}', lines[0])
    check(p.returncode == 0 and p.stderr == '', f'status {p.returncode}, {p.stderr!r}')

    # Without privileges: what is missing, with its fix, and status 1.
    p = run(UNPRIV + [SYSRAY, '--check'])
    lines = p.stdout.splitlines()
    for want in expected_check_lines(0) + [
            'privileges:   no: run as root or grant CAP_BPF and CAP_PERFMON (or CAP_SYS_ADMIN)',
            "/proc access: limited: -y and -p cannot read /proc/PID/fd of other users' "
            'processes; grant CAP_SYS_PTRACE',
            'result:       sysray cannot trace here: see the lines above']:
        check(want in lines, f'unprivileged --check lacks the line {want!r}:\n{p.stdout}')
    check(p.returncode == 1, f'unprivileged --check: status {p.returncode}, want 1')

    # In a pid namespace of its own (as in a container without --pid=host).
    p = run(['unshare', '--pid', '--fork', '--mount-proc', SYSRAY, '--check'])
    lines = p.stdout.splitlines()
    want = ("pid ns:       no: sysray runs in a nested pid namespace, where the host's pids "
            'mean other processes; in a container use --pid=host (Kubernetes: hostPID: true)')
    check(want in lines and p.returncode == 1, f'status {p.returncode}:\n{p.stdout}')

    p = run([SYSRAY, '--check', '--', 'true'])
    check(p.returncode == 2 and p.stderr.count('\n') == 1 and
          p.stderr.startswith('sysray: --check reports on this host'), repr(p.stderr))


# ---------------------------------------------------------------------------
# The man page


def render_man():
    p = run(['mandoc', '-T', 'ascii', '-O', 'width=200', MAN])
    check(p.returncode == 0, f'mandoc: {p.stderr}')
    return re.sub(r'.\x08', '', p.stdout).splitlines()


@test
def man_page_lints_clean():
    need('mandoc', 'groff')
    p = run(['mandoc', '-T', 'lint', '-W', 'all', MAN])
    check(p.returncode == 0 and p.stdout == '' and p.stderr == '',
          f'mandoc -T lint: {p.stdout}{p.stderr}')
    p = run(['groff', '-man', '-ww', '-z', MAN])
    check(p.returncode == 0 and p.stdout == '' and p.stderr == '',
          f'groff -man -ww -z: {p.stdout}{p.stderr}')


@test
def man_page_renders():
    need('mandoc')
    lines = render_man()
    heads = [line for line in lines if re.match(r'^[A-Z][A-Z ]+$', line)]
    check(heads == ['NAME', 'SYNOPSIS', 'DESCRIPTION', 'OPTIONS', 'OUTPUT', 'EXIT STATUS',
                    'PRIVILEGES', 'FILES', 'EXAMPLES', 'SEE ALSO'], f'sections: {heads}')
    opts = lines[lines.index('OPTIONS'):lines.index('OUTPUT')]
    subs = [line.strip() for line in opts if re.match(r'^   [A-Z][a-zA-Z ]+$', line)]
    check(subs == help_groups(), f'the page\'s option groups {subs} are not those of '
          f'--help {help_groups()}')
    # the page's exit statuses are sysray's
    for args, status in (([SYSRAY, '--bogus'], 2), ([SYSRAY, '--', '/nonexistent/x'], 127)):
        check(run(args).returncode == status, f'{args[1:]}: want status {status}')
        check(any(re.match(rf'^       {status}\s', line) for line in lines),
              f'EXIT STATUS lacks {status}')
    # the version in the header is the one of VERSION
    check(f'sysray {VERSION}' in lines[-1], f'footer {lines[-1]!r}: want sysray {VERSION}')


def man_option_tags(lines):
    """Option forms of the page's tagged paragraphs, as help_forms() names them."""
    tags = set()
    lines = lines[lines.index('OPTIONS'):lines.index('OUTPUT')]
    for line in lines:
        if not re.match(r'^       -', line):
            continue
        for form in re.split(r'\s{2,}', line.strip())[0].split(', '):
            if not form.startswith('-'):
                break  # the paragraph's text, on the tag's line
            e = re.match(r'^-e (\w+)=', form)
            lo = re.match(r'^(--[\w-]+)', form)
            sh = re.match(r'^(-\w+)', form)
            tags.add('-e ' + e.group(1) if e else lo.group(1) if lo else sh.group(1))
    return tags


@test
def man_page_covers_every_option():
    need('mandoc')
    tags = man_option_tags(render_man())
    forms = set(help_forms())
    check(not forms - tags, f'options of --help without an entry in man/sysray.8: '
          f'{sorted(forms - tags)}')
    check(not tags - forms, f'entries of man/sysray.8 that --help does not list: '
          f'{sorted(tags - forms)}')


# ---------------------------------------------------------------------------
# Bash completion


BASH_COMPLETION = '/usr/share/bash-completion/bash_completion'


def complete(words, env_extra=None):
    """COMPREPLY for the command line `words` (the last word is being typed)."""
    need('bash')
    if not os.path.exists(BASH_COMPLETION):
        raise Skip('bash-completion is not installed (scripts/deps.sh --ship)')
    script = (f'source {BASH_COMPLETION}; source {COMPLETION}\n'
              'COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMP_LINE="$*"; '
              'COMP_POINT=${#COMP_LINE}\n'
              '_sysray; printf "%s\\n" "${COMPREPLY[@]}"\n')
    p = run(['bash', '-c', script, 'bash', SYSRAY] + words)
    check(p.returncode == 0, f'completion of {words}: {p.stderr}')
    return sorted(line for line in p.stdout.splitlines() if line)


@test
def completion_offers_every_option():
    want = set()
    for form, arg in help_forms().items():
        if form.startswith('-e '):
            want.add('-e')
        elif form.startswith('--') and arg:
            want.add(form + '=')
        else:
            want.add(form)
    got = set(complete(['-']))
    check(got == want, f'missing {sorted(want - got)}, extra {sorted(got - want)}')
    outs = sorted(w for w in want if w.startswith('--out'))
    check('--output=' in outs and complete(['--out']) == outs, complete(['--out']))


def uapi_syscalls():
    """Native syscall names from the UAPI header, read here on their own."""
    arch = os.uname().machine
    hdr = {'x86_64': 'asm/unistd_64.h', 'aarch64': 'asm-generic/unistd.h'}[arch]
    for inc in ('/usr/include/x86_64-linux-gnu', '/usr/include/aarch64-linux-gnu',
                '/usr/include'):
        path = os.path.join(inc, hdr)
        if os.path.exists(path):
            return set(re.findall(r'^#define __NR_(\w+)\s', open(path).read(), re.M))
    raise Skip(f'no {hdr}')


@test
def completion_of_syscalls_classes_and_signals():
    names = uapi_syscalls()
    want = sorted('trace=' + n for n in names if n.startswith('open'))
    check(complete(['-e', 'trace=open']) == want, complete(['-e', 'trace=open']))
    want = sorted('trace=read,' + n for n in names if n.startswith('wri'))
    check(complete(['-e', 'trace=read,wri']) == want, complete(['-e', 'trace=read,wri']))
    check(complete(['-e', 'trace=!%fi']) == ['trace=!%file'], complete(['-e', 'trace=!%fi']))
    check(complete(['-e', 'trace=%%st']) == ['trace=%%stat', 'trace=%%statfs'],
          complete(['-e', 'trace=%%st']))
    check(complete(['-e', 'st']) == ['status='], complete(['-e', 'st']))
    check(complete(['-e', 'status=su']) == ['status=successful'],
          complete(['-e', 'status=su']))
    check(complete(['-e', 'signal=SIGUS']) == ['signal=SIGUSR1', 'signal=SIGUSR2'],
          complete(['-e', 'signal=SIGUS']))
    # strace 6.1's --decode-fds words
    check(complete(['--decode-fds=']) == ['all', 'dev', 'none', 'path', 'pidfd', 'socket'],
          complete(['--decode-fds=']))


@test
def completion_of_pids_comms_containers_units():
    sleeper = subprocess.Popen(['sleep', '30'])
    # a process named "sysray-cmplzz" (comm is set by prctl through python)
    named = subprocess.Popen([sys.executable, '-c',
                              'import ctypes,time; ctypes.CDLL(None).prctl(15, b"sysray-cmplzz");'
                              'time.sleep(30)'])
    cid = 'c0ffee' + '0123456789abcdef' * 3 + '0123456789'
    root = cgroup2_root()
    made = []
    try:
        time.sleep(0.3)
        got = complete(['-p', str(sleeper.pid)])
        check(str(sleeper.pid) in got, f'-p {sleeper.pid}: {got}')
        got = complete(['--attach', f'1,{sleeper.pid}'])
        check(f'1,{sleeper.pid}' in got, f'--attach 1,{sleeper.pid}: {got}')
        check(complete(['--comm', 'sysray-cmp']) == ['sysray-cmplzz'],
              complete(['--comm', 'sysray-cmp']))
        if not root:
            raise Skip('no cgroup v2 hierarchy for --container and --unit')
        for rel in ('sysray-cmpl.slice', f'sysray-cmpl.slice/docker-{cid}.scope',
                    'sysray-cmpl.slice/sysray-cmpl-unit.service'):
            os.makedirs(os.path.join(root, rel), exist_ok=True)
            made.insert(0, os.path.join(root, rel))
        check(complete(['--container', 'c0ffee']) == [cid[:12]],
              complete(['--container', 'c0ffee']))
        check(complete(['--unit', 'sysray-cmpl-']) == ['sysray-cmpl-unit'],
              complete(['--unit', 'sysray-cmpl-']))
        check('echo' in complete(['-Z', '--', 'ech']), complete(['-Z', '--', 'ech']))
    finally:
        sleeper.kill()
        named.kill()
        for d in made:
            os.rmdir(d)


# ---------------------------------------------------------------------------
# make install / uninstall


def tree(top):
    out = []
    for d, _, files in os.walk(top):
        for f in files:
            path = os.path.join(d, f)
            out.append(f'{oct(os.stat(path).st_mode & 0o7777)} {os.path.relpath(path, top)}')
    return sorted(out)


@test
def make_install_and_uninstall():
    dest = tempfile.mkdtemp(prefix='sysray-install-')
    try:
        for prefix, want in (('/usr', ['0o644 usr/share/bash-completion/completions/sysray',
                                       '0o644 usr/share/man/man8/sysray.8',
                                       '0o755 usr/sbin/sysray']),
                             (None, ['0o644 usr/local/share/bash-completion/completions/sysray',
                                     '0o644 usr/local/share/man/man8/sysray.8',
                                     '0o755 usr/local/sbin/sysray'])):
            args = ['make', '-s', '-C', ROOT, f'DESTDIR={dest}'] + \
                ([f'PREFIX={prefix}'] if prefix else [])
            p = run(args + ['install'], timeout=600)
            check(p.returncode == 0, f'make install: {p.stdout}{p.stderr}')
            check(tree(dest) == sorted(want), f'installed {tree(dest)}')
            sbin = os.path.join(dest, (prefix or '/usr/local').lstrip('/'), 'sbin', 'sysray')
            p = run([sbin, '--version'])
            check(p.stdout == f'sysray {VERSION}\n', repr(p.stdout))
            p = run(args + ['uninstall'])
            check(p.returncode == 0 and tree(dest) == [], f'after uninstall: {tree(dest)}')
    finally:
        shutil.rmtree(dest)


# ---------------------------------------------------------------------------
# The Debian package


def strace_line(argv, name):
    """The line strace prints for the first call @name of argv (the oracle)."""
    p = run(['strace', '-qq', '-e', f'trace={name}', '-e', 'signal=none'] + argv)
    lines = [line for line in p.stderr.splitlines() if line.startswith(name + '(')]
    check(lines, f'strace printed no {name}: {p.stderr}')
    return lines


@test
def debian_package():
    if os.geteuid() != 0:
        raise Skip('needs root (dpkg -i)')
    need('dpkg-buildpackage', 'dh', 'fakeroot', 'strace')
    work = None
    deb = os.environ.get('SYSRAY_DEB')
    if not deb:
        work = tempfile.mkdtemp(prefix='sysray-deb-')
        p = run([os.path.join(ROOT, 'scripts', 'package-test.sh'), '--build', work],
                timeout=1200)
        check(p.returncode == 0, f'package build: {p.stdout}{p.stderr}')
        deb = os.path.join(work, f'sysray_{VERSION}_{run(["dpkg", "--print-architecture"]).stdout.strip()}.deb')
    try:
        files = [line.split()[-1] for line in run(['dpkg-deb', '-c', deb]).stdout.splitlines()]
        for want in ('./usr/sbin/sysray', './usr/share/man/man8/sysray.8.gz',
                     './usr/share/bash-completion/completions/sysray',
                     './usr/share/doc/sysray/copyright'):
            check(want in files, f'{want} not in the package: {files}')
        # one dpkg at a time: other worktrees' tests may install it too
        with open('/tmp/sysray-dpkg.lock', 'w') as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            p = run(['dpkg', '-i', deb])
            check(p.returncode == 0, f'dpkg -i: {p.stdout}{p.stderr}')
            try:
                p = run(['/usr/sbin/sysray', '--version'])
                check(p.stdout == f'sysray {VERSION}\n', repr(p.stdout))
                argv = ['/bin/cat', '/nonexistent/sysray-deb']
                want = [line for line in strace_line(argv, 'openat') if 'sysray-deb' in line]
                # the trace in a file of its own: on stderr, cat's message (three
                # writes) and sysray's lines can interleave
                trace = os.path.join(work, 'trace.txt')
                run(['/usr/sbin/sysray', '-e', 'trace=openat', '-o', trace, '--'] + argv)
                with open(trace) as f:
                    got = [re.sub(r'^\d+ +', '', line) for line in f.read().splitlines()
                           if 'sysray-deb' in line and 'openat' in line]
                check(got == want, f'installed sysray printed {got}, strace {want}')
                check(run(['man', '-w', 'sysray']).stdout.strip() ==
                      '/usr/share/man/man8/sysray.8.gz', 'man -w sysray')
            finally:
                p = run(['dpkg', '--purge', 'sysray'])
            check(p.returncode == 0, f'dpkg --purge: {p.stderr}')
            check(not os.path.exists('/usr/sbin/sysray'), '/usr/sbin/sysray left behind')
    finally:
        if work:
            shutil.rmtree(work)


# ---------------------------------------------------------------------------
# The image, tracing a second real container


def podman(args, **kw):
    return run(PODMAN + args, **kw)


def busybox_image():
    """localhost/sysray-test-busybox: a root file system of busybox-static, imported."""
    if podman(['image', 'exists', 'localhost/sysray-test-busybox:1']).returncode == 0:
        return
    bb = shutil.which('busybox')
    check(bb and 'statically linked' in run(['file', '-L', bb]).stdout,
          'needs busybox-static (scripts/deps.sh --ship)')
    rootfs = tempfile.mkdtemp(prefix='sysray-rootfs-')
    try:
        for d in ('bin', 'etc', 'tmp'):
            os.makedirs(os.path.join(rootfs, d))
        shutil.copy(bb, os.path.join(rootfs, 'bin', 'busybox'))
        for tool in ('sh', 'cat', 'sleep'):
            os.symlink('busybox', os.path.join(rootfs, 'bin', tool))
        tar = rootfs + '.tar'
        subprocess.run(['tar', '-C', rootfs, '-cf', tar, '.'], check=True)
        p = podman(['import', tar, 'localhost/sysray-test-busybox:1'])
        os.unlink(tar)
        check(p.returncode == 0, f'podman import: {p.stderr}')
    finally:
        shutil.rmtree(rootfs)


LOOP = 'while :; do cat /etc/sysray-missing-{} 2>/dev/null; sleep 0.2; done'


@test
def image_traces_a_container():
    if os.geteuid() != 0:
        raise Skip('needs root')
    need('podman', 'runc', 'busybox', 'strace')
    p = run(['make', '-s', '-C', ROOT, 'image'], timeout=600)
    check(p.returncode == 0, f'make image: {p.stdout}{p.stderr}')
    image = f'localhost/sysray:{VERSION}'
    busybox_image()
    bb = shutil.which('busybox')
    want = [line for line in strace_line([bb, 'cat', '/etc/sysray-missing-ctr'], 'openat')
            if 'sysray-missing' in line]
    out = tempfile.mkdtemp(prefix='sysray-ctr-')
    host = subprocess.Popen(['/bin/sh', '-c', LOOP.format('host')])
    target = tracer = None
    try:
        p = podman(['run', '-d', '--rm', '--network', 'none', 'localhost/sysray-test-busybox:1',
                    '/bin/sh', '-c', LOOP.format('ctr')])
        check(p.returncode == 0, f'podman run (target): {p.stderr}')
        target = p.stdout.strip()
        p = podman(['run', '-d', '--privileged', '--pid=host', '--network', 'none',
                    '-v', '/sys/fs/cgroup:/sys/fs/cgroup:ro', '-v', f'{out}:/out', image,
                    '--container', target[:12], '-e', 'trace=openat', '-o', '/out/trace.txt'])
        check(p.returncode == 0, f'podman run (sysray): {p.stderr}')
        tracer = p.stdout.strip()
        trace = os.path.join(out, 'trace.txt')
        deadline = time.time() + 90
        while time.time() < deadline:
            if os.path.exists(trace) and 'sysray-missing-ctr' in open(trace).read():
                break
            if podman(['inspect', '-f', '{{.State.Running}}', tracer]).stdout.strip() != 'true':
                break
            time.sleep(0.5)
        time.sleep(1)
        podman(['kill', '-s', 'INT', tracer])
        status = podman(['wait', tracer], timeout=60).stdout.strip()
        logs = podman(['logs', tracer])
        check(status == '0', f'sysray in its container: status {status}: {logs.stderr}')
        lines = open(trace).read().splitlines()
        target_pid = podman(['inspect', '-f', '{{.State.Pid}}', target]).stdout.strip()
    finally:
        host.kill()
        for c in (tracer, target):
            if c:
                podman(['rm', '-f', c])
        shutil.rmtree(out)
    bodies = [re.sub(r'^\d+ +', '', line) for line in lines]
    check(set(want) <= set(bodies), f'the container\'s openat failure {want} is not in '
          f'the trace: {lines[:5]}')
    check(not any('sysray-missing-host' in line for line in lines),
          'the host\'s own calls leaked into the trace')
    check(any(line.startswith(target_pid + ' ') for line in lines),
          f'the container\'s shell (pid {target_pid}) is not in the trace')


# ---------------------------------------------------------------------------
# The Kubernetes DaemonSet


# The Kubernetes fields the manifest may use, by object (apps/v1, core/v1).
K8S_FIELDS = {
    'DaemonSet': {'apiVersion', 'kind', 'metadata', 'spec'},
    'ObjectMeta': {'name', 'namespace', 'labels', 'annotations'},
    'DaemonSetSpec': {'selector', 'template', 'updateStrategy', 'minReadySeconds',
                      'revisionHistoryLimit'},
    'PodTemplateSpec': {'metadata', 'spec'},
    'PodSpec': {'containers', 'volumes', 'hostPID', 'hostNetwork', 'tolerations',
                'nodeSelector', 'serviceAccountName', 'priorityClassName',
                'terminationGracePeriodSeconds'},
    'Container': {'name', 'image', 'imagePullPolicy', 'args', 'command', 'env',
                  'securityContext', 'resources', 'volumeMounts'},
    'VolumeMount': {'name', 'mountPath', 'readOnly'},
    'Volume': {'name', 'hostPath'},
    'HostPathVolumeSource': {'path', 'type'},
}


def fields(obj, kind):
    extra = set(obj) - K8S_FIELDS[kind]
    check(not extra, f'{kind}: fields Kubernetes does not have: {sorted(extra)}')
    return obj


@test
def daemonset_manifest():
    try:
        import yaml
    except ImportError:
        raise Skip('python3-yaml is not installed (scripts/deps.sh --ship)')
    path = os.path.join(ROOT, 'deploy', 'sysray-daemonset.yaml')
    docs = [d for d in yaml.safe_load_all(open(path)) if d]
    check(len(docs) == 1, f'{len(docs)} documents')
    ds = fields(docs[0], 'DaemonSet')
    check(ds['apiVersion'] == 'apps/v1' and ds['kind'] == 'DaemonSet', 'not an apps/v1 DaemonSet')
    fields(ds['metadata'], 'ObjectMeta')
    spec = fields(ds['spec'], 'DaemonSetSpec')
    tmpl = fields(spec['template'], 'PodTemplateSpec')
    labels = fields(tmpl['metadata'], 'ObjectMeta')['labels']
    sel = spec['selector']['matchLabels']
    check(sel and all(labels.get(k) == v for k, v in sel.items()),
          f'the selector {sel} does not match the pod labels {labels}')
    pod = fields(tmpl['spec'], 'PodSpec')
    check(pod.get('hostPID') is True, 'sysray needs hostPID: true')
    (ctr,) = pod['containers']
    fields(ctr, 'Container')
    check(ctr['securityContext'].get('privileged') is True or
          {'BPF', 'PERFMON'} <= set(ctr['securityContext'].get('capabilities', {})
                                    .get('add', [])), 'needs CAP_BPF and CAP_PERFMON')
    check(ctr['image'] == f'localhost/sysray:{VERSION}', f'image {ctr["image"]}: make image '
          f'builds localhost/sysray:{VERSION}')
    vols = {v['name']: fields(v, 'Volume') for v in pod['volumes']}
    mounts = {m['mountPath']: fields(m, 'VolumeMount') for m in ctr['volumeMounts']}
    for mp in ('/sys/fs/cgroup', '/sys/kernel/btf'):
        check(mp in mounts, f'no volume mounted at {mp}')
        v = vols[mounts[mp]['name']]
        check(fields(v['hostPath'], 'HostPathVolumeSource')['path'] == mp,
              f'{mp} is not the host\'s {mp}')
    # the arguments are ones sysray accepts: parse them (no tracing) with --check's refusal
    args = ctr['args']
    check('--json' in args, f'args {args}: --json for the log collector')
    p = run([SYSRAY] + args + ['--replay', '/dev/null'])
    check('unknown option' not in p.stderr and 'invalid' not in p.stderr,
          f'sysray refuses the manifest\'s args: {p.stderr}')


if __name__ == '__main__':
    sys.exit(run_suite(TESTS, 'ship'))
