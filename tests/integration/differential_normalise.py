# SPDX-License-Identifier: GPL-2.0
"""Normalising traces for differential.py: what differs from run to run (pids,
addresses, times, ports, inodes, temporary names) rewritten the same way in
both tracers' lines, fd annotations compared, per-process (name, return
value) sequences.
"""

import collections
import difflib
import re

from differential_parse import CLONE_CALLS, ERRNO_RE, RET_TAIL_RE, parse_call

# System calls whose return value is a pid (or tid). rt_sigreturn returns
# what the interrupted call returned, often wait4's pid (a shell's SIGCHLD
# handler); like the others it is rewritten only when it is a traced pid.
PID_RET = {'clone', 'clone3', 'fork', 'vfork', 'wait4', 'waitpid', 'getpid', 'gettid',
           'getppid', 'set_tid_address', 'getpgid', 'getpgrp', 'getsid', 'setsid',
           'rt_sigreturn'}
# Argument positions (0-based) that hold pids.
PID_ARGS = {
    'kill': (0,), 'tkill': (0,), 'tgkill': (0, 1), 'wait4': (0,), 'waitid': (1,),
    'waitpid': (0,), 'setpgid': (0, 1), 'getpgid': (0,), 'getsid': (0,),
    'sched_setaffinity': (0,), 'sched_getaffinity': (0,), 'sched_getscheduler': (0,),
    'sched_setscheduler': (0,), 'sched_getparam': (0,), 'sched_setparam': (0,),
    'sched_rr_get_interval': (0,), 'sched_getattr': (0,), 'sched_setattr': (0,),
    'prlimit64': (0,), 'pidfd_open': (0,), 'rt_sigqueueinfo': (0,),
    'rt_tgsigqueueinfo': (0, 1), 'get_robust_list': (0,), 'process_vm_readv': (0,),
    'process_vm_writev': (0,), 'kcmp': (0, 1), 'ptrace': (1,), 'perf_event_open': (1,),
    'migrate_pages': (0,), 'move_pages': (0,), 'getpriority': (1,), 'setpriority': (1,),
    'ioprio_get': (1,), 'ioprio_set': (1,), 'capget': (), 'capset': (),
}
# pids inside structures and paths.
PID_FIELD_RE = re.compile(r'\b(si_pid|l_pid|pid|ssi_pid)=(\d+)')
PID_LIST_RE = re.compile(r'\b(parent_tid|child_tid|pidfd)=\[(\d+)\]')
PROC_PID_RE = re.compile(r'/proc/(\d+)(?=/|"|$)')
SUPERSEDED_RE = re.compile(r'^(\+\+\+ superseded by execve in pid )(\d+)')
PID_CHANGED_RE = re.compile(r'(<pid changed to )(\d+)( \.\.\.>)$')
# Addresses, the values ASLR changes from run to run. On 64-bit Linux the
# mappings, the stack, and the program and heap of a PIE binary (every
# Debian binary) lie between 4 GiB and 2^48: 9 to 12 hex digits without a
# leading zero (x86-64: 0x55.../0x56... program and heap, 0x7f... mappings
# and stack; arm64: 0xaaaa..., 0xffff...). Everything else printed in hex --
# flags, offsets, masks, fds and sizes of -e raw=, sign-extended negatives
# (16 digits), zero-padded masks -- must compare exactly.
ADDR_RE = re.compile(r'\b0x[1-9a-f][0-9a-f]{8,11}\b')
# Calls whose result is an address at any width (a non-PIE program's heap
# is below 4 GiB, at a random place); brk's argument is one too.
ADDR_RET_CALLS = {'brk', 'mmap', 'mmap2', 'mremap', 'shmat'}
# execve's environment pointer, at any width ("0x3e75dc60 /* 45 vars */":
# gcc's driver, not PIE, passes an array on its heap).
ENVP_RE = re.compile(r'\b0x[0-9a-f]+(?= /\* \d+ vars? \*/)')
HEX_RE = re.compile(r'0x[0-9a-f]+')
PORT_RE = re.compile(r'(sin6?_port=htons\()(\d+)(\))')
TIME_FIELD_RE = re.compile(r'\b(tv_sec|tv_nsec|tv_usec)=\d+')
CLOCK_CALLS = {'clock_gettime', 'clock_gettime64', 'gettimeofday', 'time'}
CHILD_TIME_RE = re.compile(r'\b(si_utime|si_stime)=\d+( /\* [\d.]+ s \*/)?')
# mkstemp-style temporary names (gcc's /tmp/ccAbC123.s): random per run.
TEMP_NAME_RE = re.compile(r'(/tmp/cc)[A-Za-z0-9]{6}\b')
GETRANDOM_RE = re.compile(r'^(getrandom\((?:[a-z_]+=)?)"(?:[^"\\]|\\.)*"(\.\.\.)?')


def split_args(args):
    """Split an argument string at top-level commas (outside quotes/brackets)."""
    out, depth, cur, i, n = [], 0, [], 0, len(args)
    while i < n:
        c = args[i]
        if c == '"':
            j = i + 1
            while j < n and args[j] != '"':
                j += 2 if args[j] == '\\' else 1
            cur.append(args[i:j + 1])
            i = j + 1
            continue
        if c in '([{':
            depth += 1
        elif c in ')]}':
            depth -= 1
        if c == ',' and depth == 0:
            out.append(''.join(cur))
            cur = []
            i += 1
            continue
        cur.append(c)
        i += 1
    out.append(''.join(cur))
    return out


# -N's "name=" before an argument (strace 6.16's --arg-names).
ARG_NAME_RE = re.compile(r'^[a-z_][a-z0-9_]*=')


def load_arg_names(path):
    """Read a names file (see tests/integration/strace-arg-names.txt):
    syscall -> [(text or None, count or None, names)]."""
    rules = {}
    with open(path) as f:
        for n, line in enumerate(f, 1):
            words = line.split('#', 1)[0].split()
            if not words:
                continue
            m = re.fullmatch(r'([a-z_0-9]+)(?:@([^/]+))?(?:/(\d+))?', words[0])
            if not m:
                raise SystemExit(f'{path}:{n}: bad rule {words[0]!r}')
            rules.setdefault(m.group(1), []).append(
                (m.group(2), int(m.group(3)) if m.group(3) else None, words[1:]))
    return rules


def insert_arg_names(body, rules):
    """strace 6.1's line with the names strace 6.16's -N prints inserted
    before its arguments, by the most specific rule that applies; a call
    with no rule is left as it is."""
    pc = parse_call(body)
    if not pc or pc[0] not in rules or not pc[1].strip():
        return body
    name, args, _ = pc
    parts = split_args(args)
    best, score = None, -1
    for text, count, names in rules[name]:
        if (text is not None and text not in args) or (count is not None and count != len(parts)):
            continue
        s = (text is not None) * 2 + (count is not None)
        if s > score:
            best, score = names, s
    if best is None:
        return body
    for i, p in enumerate(parts):
        if i < len(best) and best[i] != '-':
            lead = p[:len(p) - len(p.lstrip())]
            parts[i] = lead + best[i] + '=' + p.lstrip()
    start = len(name) + 1
    return body[:start] + ','.join(parts) + body[start + len(args):]


def name_pids(entries):
    """Map every traced pid to P1, P2, ... deterministically.

    P1 is the first process. Then the process tree is walked breadth first:
    the children of each process are named in the order of that process's
    clone/fork/vfork/clone3 calls, which does not depend on scheduling (unlike
    the order of first appearance in the file). Pids that no clone call
    returned are named last, by first appearance.
    """
    order = []
    seen = set()
    for e in entries:
        if e.pid not in seen:
            seen.add(e.pid)
            order.append(e.pid)
    children = collections.defaultdict(list)
    for e in entries:
        pc = parse_call(e.body)
        if pc and pc[0] in CLONE_CALLS and pc[2]:
            tok = pc[2].split(' ', 1)[0]
            if tok.isdigit() and int(tok) in seen:
                children[e.pid].append(int(tok))
    names = {}
    if order:
        queue = collections.deque([order[0]])
        while queue:
            pid = queue.popleft()
            if pid in names:
                continue
            names[pid] = 'P%d' % (len(names) + 1)
            queue.extend(children[pid])
    for pid in order:
        if pid not in names:
            names[pid] = 'P%d' % (len(names) + 1)
    return names


# fd annotations (-y, -yy): "3</etc/passwd>", "AT_FDCWD</tmp>", "5<TCP:[a:p->b:q]>".
FD_SOCK_INO_RE = re.compile(
    r'\b(socket|pipe|UNIX|UNIX-STREAM|TCP|TCPv6|UDP|UDPv6|UDPLITE|UDPLITEv6|NETLINK|RAW|RAWv6|'
    r'PING|PINGv6|SCTP|SCTPv6|DCCP|DCCPv6):\[(\d+)(?:->(\d+))?(?=[\],])')
FD_INET_RE = re.compile(r'\b((?:TCP|UDP|UDPLITE)(?:v6)?:\[)([^\]\[]*(?:\[[^\]]*\][^\]\[]*)*)\]')
FD_INET_PORT_RE = re.compile(r':(\d+)(?=->|$)')
FD_NETLINK_RE = re.compile(r'\b(NETLINK:\[[A-Z_0-9]+:)(\d+)\]')
FD_PIDFD_RE = re.compile(r'<pid:(\d+)>')
FD_PEER_RE = re.compile(r' peer=(\d+)\(')
# the harness gives each tracer's run its own output files
FD_RUN_OUTPUT_RE = re.compile(r'/(?:strace|sysray)\.(stdout|stderr)>')
# -x/-xx print an annotation's text as \xNN escapes (up to a nested "<char"
# or the closing ">")
FD_HEX_RE = re.compile(r'<((?:\\x[0-9a-f]{2})+)(?=[<>])')
# the bytes of a hex annotation spelt as themselves, so inodes can be named
FD_HEX_PLAIN = frozenset(range(0x21, 0x7f)) - frozenset(b'<>"\\')


def unhex_annotation(m):
    """'<\\x70\\x69...' -> '<HEX:pipe:[1234]...': the run-dependent numbers
    of a hex annotation can then be normalised; the mark keeps a hex
    annotation from matching a plain one."""
    raw = bytes.fromhex(m.group(1).replace('\\x', ''))
    return '<HEX:' + ''.join(chr(b) if b in FD_HEX_PLAIN else '\\x%02x' % b for b in raw)


def split_annotations(body):
    """Return (body without fd annotations, [annotations]).

    An annotation is a balanced "<...>" right after a digit or AT_FDCWD,
    outside quoted strings, with strace's "(deleted)" after it.
    """
    out, notes, i, n = [], [], 0, len(body)
    while i < n:
        c = body[i]
        if c == '"':
            j = i + 1
            while j < n and body[j] != '"':
                j += 2 if body[j] == '\\' else 1
            out.append(body[i:j + 1])
            i = j + 1
            continue
        if c == '<' and i and (body[i - 1].isdigit() or body[:i].endswith('AT_FDCWD')):
            depth, j = 0, i
            while j < n:
                if body[j] == '<':
                    depth += 1
                elif body[j] == '>':
                    depth -= 1
                    if not depth:
                        break
                j += 1
            j += 1
            if body.startswith('(deleted)', j):
                j += len('(deleted)')
            notes.append(body[i:j])
            i = j
            continue
        out.append(c)
        i += 1
    return ''.join(out), notes


def normalise_fds(body, inos, ports, pname):
    """Hex annotations (-xx) decoded first (unhex_annotation()); then
    socket and pipe inodes -> INO1, INO2... by first appearance; ports in
    socket addresses share sin_port's PORTn names; netlink port ids, pidfd
    pids and --peer pids are pids."""
    def ino(v):
        if v not in inos:
            inos[v] = 'INO%d' % (len(inos) + 1)
        return inos[v]

    def port(v):
        if v == '0':
            return v
        if v not in ports:
            ports[v] = 'PORT%d' % (len(ports) + 1)
        return ports[v]

    body = FD_HEX_RE.sub(unhex_annotation, body)
    body = FD_SOCK_INO_RE.sub(lambda m: '%s:[%s%s' % (
        m.group(1), ino(m.group(2)), '->' + ino(m.group(3)) if m.group(3) else ''), body)
    body = FD_INET_RE.sub(lambda m: m.group(1) + '->'.join(
        FD_INET_PORT_RE.sub(lambda p: ':' + port(p.group(1)), part)
        for part in m.group(2).split('->')) + ']', body)
    body = FD_NETLINK_RE.sub(lambda m: m.group(1) + (pname(m.group(2)) or 'PORTID') + ']', body)
    body = FD_PIDFD_RE.sub(lambda m: '<pid:%s>' % (pname(m.group(1)) or m.group(1)), body)
    body = FD_PEER_RE.sub(lambda m: ' peer=%s(' % (pname(m.group(1)) or m.group(1)), body)
    body = FD_RUN_OUTPUT_RE.sub(r'/TRACER.\1>', body)
    return body


def fd_score(s_norm, y_norm):
    """Compare fd annotations line by line: lines are paired as equal once
    their annotations are taken out (per process, longest common
    subsequence), then the annotations of each pair compared in order.
    Return (strace annotations, in paired lines, identical, [differences])."""
    total = paired = same = 0
    diffs = []
    s_pp, y_pp = per_pid(s_norm), per_pid(y_norm)
    for pid, s_lines in s_pp.items():
        s_split = [split_annotations(b) for b in s_lines]
        y_split = [split_annotations(b) for b in y_pp.get(pid, [])]
        total += sum(len(n) for _, n in s_split)
        sm = difflib.SequenceMatcher(None, [b for b, _ in s_split], [b for b, _ in y_split],
                                     autojunk=False)
        for a, b, size in sm.get_matching_blocks():
            for k in range(size):
                sn, yn = s_split[a + k][1], y_split[b + k][1]
                paired += len(sn)
                ok = sum(1 for x, y in zip(sn, yn) if x == y)
                same += ok
                if ok != len(sn) or len(sn) != len(yn):
                    diffs.append((pid, s_lines[a + k], y_pp[pid][b + k]))
    return total, paired, same, diffs


def normalise(entries, fds=False):
    """Return a list of (pname, body) with the normalisation rules applied.

    1. pids of traced processes -> P1, P2, ... (see name_pids): the leading
       pid column; return values of pid-returning calls; pid arguments of
       kill/tgkill/wait4/waitid/setpgid/prlimit64/sched_*/...; si_pid=,
       pid=, parent_tid=[...], /proc/PID. Only these contexts are rewritten,
       so a size or count that happens to equal a pid stays as it is.
    2. getppid() returning a pid that is not traced (the tracer or the shell)
       -> PPARENT; getpgrp/getpgid/getsid likewise -> PGID / SID.
    3. Addresses -> 0xADDR (ASLR): hex numbers of 9 to 12 digits without a
       leading zero (see ADDR_RE), and the hex results of brk/mmap/mremap/
       shmat, brk's argument and execve's environment pointer at any width.
       Other hex values stay.
    4. The padding before ' = RET' is collapsed to one space (merged
       unfinished/resumed lines are padded differently by strace); a line
       whose padding is wrong for --padding COLUMN gets " <BAD PADDING> ".
    5. Run-dependent values: getrandom's buffer -> "<random>"; tv_sec/tv_nsec/
       tv_usec in clock_gettime/gettimeofday -> N; si_utime/si_stime -> N;
       ephemeral ports sin_port=htons(N) -> PORT1, PORT2 ... in order of first
       appearance; gcc's temporary files /tmp/ccXXXXXX -> /tmp/ccTEMP1...
    6. With fds (-y/-yy runs): see normalise_fds().
    """
    names = name_pids(entries)
    ports = {}
    inos = {}
    temps = {}

    def pname(tok):
        neg = tok.startswith('-')
        v = tok[1:] if neg else tok
        if v.isdigit() and int(v) in names:
            return ('-' if neg else '') + names[int(v)]
        return None

    out = []
    for e in entries:
        head, body = e.lead, e.body
        pc = parse_call(body)
        if pc:
            name, args, ret = pc
            pidpos = PID_ARGS.get(name)
            if pidpos:
                parts = split_args(args)
                for i in pidpos:
                    if i < len(parts):
                        lead = parts[i][:len(parts[i]) - len(parts[i].lstrip())]
                        tok = parts[i].strip()
                        am = ARG_NAME_RE.match(tok)  # -N: "pid=123"
                        lead += am.group(0) if am else ''
                        rep = pname(tok[am.end():] if am else tok)
                        if rep:
                            parts[i] = lead + rep
                args = ','.join(parts)
            if name == 'brk':
                am = ARG_NAME_RE.match(args)  # -N: "addr=0x..."
                pre = am.group(0) if am else ''
                if HEX_RE.fullmatch(args[len(pre):]):
                    args = pre + '0xADDR'
            if ret is not None:
                tok, _, rest = ret.partition(' ')
                if name in ADDR_RET_CALLS and HEX_RE.fullmatch(tok):
                    tok = '0xADDR'
                if name in PID_RET:
                    rep = pname(tok)
                    if rep:
                        tok = rep
                    elif tok.isdigit() and name == 'getppid':
                        tok = 'PPARENT'
                    elif tok.isdigit() and name in ('getpgrp', 'getpgid'):
                        tok = 'PGID'
                    elif tok.isdigit() and name == 'getsid':
                        tok = 'SID'
                ret = tok + (' ' + rest if rest else '')
                pad = ' ' if e.pad_ok else ' <BAD PADDING> '
                body = '%s(%s)%s= %s' % (name, args, pad, ret)
            else:
                body = '%s(%s' % (name, args)
            if name in CLOCK_CALLS:
                body = TIME_FIELD_RE.sub(lambda m: m.group(1) + '=N', body)
            if name == 'getrandom':
                body = GETRANDOM_RE.sub(r'\1"<random>"', body)
        body = PID_FIELD_RE.sub(lambda m: m.group(1) + '=' + (pname(m.group(2)) or m.group(2)),
                                body)
        body = PID_LIST_RE.sub(
            lambda m: '%s=[%s]' % (m.group(1), pname(m.group(2)) or m.group(2)), body)
        body = PROC_PID_RE.sub(lambda m: '/proc/' + (pname(m.group(1)) or m.group(1)), body)
        body = SUPERSEDED_RE.sub(lambda m: m.group(1) + (pname(m.group(2)) or m.group(2)), body)
        body = PID_CHANGED_RE.sub(
            lambda m: m.group(1) + (pname(m.group(2)) or m.group(2)) + m.group(3), body)
        body = CHILD_TIME_RE.sub(lambda m: m.group(1) + '=N', body)

        def temp(m):
            if m.group(0) not in temps:
                temps[m.group(0)] = 'TEMP%d' % (len(temps) + 1)
            return m.group(1) + temps[m.group(0)]
        body = TEMP_NAME_RE.sub(temp, body)

        def port(m):
            v = m.group(2)
            if v == '0':
                return m.group(0)
            if v not in ports:
                ports[v] = 'PORT%d' % (len(ports) + 1)
            return m.group(1) + ports[v] + m.group(3)

        if not fds:
            body = PORT_RE.sub(port, body)
        body = ADDR_RE.sub('0xADDR', body)
        body = ENVP_RE.sub('0xADDR', body)
        out.append((names.get(e.pid, 'P?'), head + body))
    if fds:
        # Number ports and inodes process by process: the order in which
        # processes' lines interleave in the file is not deterministic.
        def key(i):
            p = out[i][0][1:]
            return (int(p) if p.isdigit() else 1 << 30, i)

        for i in sorted(range(len(out)), key=key):
            body = PORT_RE.sub(port, out[i][1])
            out[i] = (out[i][0], normalise_fds(body, inos, ports, pname))
    return out


def per_pid(norm):
    d = collections.OrderedDict()
    for p, body in norm:
        d.setdefault(p, []).append(body)
    return d


def name_ret(body):
    """(name, return value) of a normalised line, for the per-pid check."""
    if body.startswith('---') or body.startswith('+++'):
        m = re.match(r'^(--- \S+|\+\+\+ .*?\+\+\+)', body)
        return (m.group(1) if m else body, '')
    pc = parse_call(body)
    if not pc:
        return (body.split('(', 1)[0], '<unparsed>')
    name, _, ret = pc
    if ret is None:
        return (name, '<unfinished>')
    m = RET_TAIL_RE.match(ret)
    tok, rest = (m.group(1), m.group(2) or '') if m else ret.partition(' ')[::2]
    tok = re.sub(r'<.*', '', tok)  # an fd's annotation is not its value
    em = ERRNO_RE.match(rest)
    if em:
        tok += ' ' + em.group(1)
    return (name, tok)
