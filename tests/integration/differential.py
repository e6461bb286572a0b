#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Differential test: compare sysray's output with strace's, line by line.

For every test program (and every --cmd), run

    strace -f -q -s 64 -o S.txt -- PROG ARGS
    sysray -f -s 64 -o Y.txt -- PROG ARGS

in the same fresh working directory, normalise both traces (see normalise()
below for the rules), and compare them per process: the share of strace lines
for which sysray printed an identical line, in order (longest common
subsequence), is the score. Unmatched strace lines are listed in the report
with the closest sysray line, and classified as "known" when they match a
regular expression of the known-differences file, or "unexplained".

strace runs with -q, not -qq: -qq also drops the "+++ exited with N +++"
lines, which sysray prints and which must match. Use --strace-args to change.

With --per-pid-names, the sequences of (syscall name, return value) of every
process must also be equal (signals and exits included); a program where they
differ fails the run.

sysray's "--- lost ..." lines are dropped before comparing and counted in the
"lost" column; any lost event fails the run unless --allow-lost is given.

Every program must also exit the same way under both tracers (a signal
death counts as 128+N, as sysray reports it), and within --timeout. The
programs of --progs check their own system calls and exit 99 when one
misbehaves (tests/progs/common.h), so for them the status must be the
expected one: 0, or 1 for demo and missing_file, 4 for leader_exits. --progs leaves out busy
and filter_target, helpers of run.py that run until killed or need
arguments.

With --exact, every difference must be explained: a strace line that
sysray did not print identically, or a line only sysray printed, fails the
run unless a regular expression of the --known file matches it.

Exit status: 0 when the overall identical fraction is at least --min, no
events were lost, every program exited as expected, with --exact no
difference is unexplained and, with --per-pid-names, every program has
equal per-process sequences; 1 otherwise; 2 on usage errors.

Only the Python standard library is used.
"""

import argparse
import collections
import difflib
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile

# ---------------------------------------------------------------------------
# Parsing

LINE_RE = re.compile(r'^(\d+)\s+(.*)$')
UNFINISHED = ' <unfinished ...>'
RESUMED_RE = re.compile(r'^<\.\.\. ([A-Za-z_0-9]+) resumed>(.*)$')
CALL_RE = re.compile(r'^([A-Za-z_][A-Za-z_0-9]*)\(')
# The " = RET" separator: strace pads the call with spaces to column 40.
RET_SEP_RE = re.compile(r'\)(\s+)= ')
# an fd return value may carry its -y annotation: "3</etc/passwd>"
RET_TAIL_RE = re.compile(r'^(-?\d+(?:<.*>(?:\(deleted\))?)?|0xADDR|0x[0-9a-fA-F]+|\?|-?P\d+|PPARENT|PGID|'
                         r'SID)(?: (.*))?$')
ERRNO_RE = re.compile(r'^(E[A-Z0-9]+|ERESTART[A-Z_]*)\b')


class Entry:
    """One line of a trace, after merging <unfinished ...>/<... resumed>."""

    __slots__ = ('pid', 'body', 'lead', 'pad_ok')

    def __init__(self, pid, body, lead='', pad_ok=True):
        self.pid = pid
        self.body = body
        self.lead = lead  # the normalised leader fields (times, -n, -i)
        self.pad_ok = pad_ok  # the padding before " = RET" is right for -a


def parse_call(body):
    """Split 'name(args) = ret' into (name, args, ret); None if not a call.

    The separator is the last ') = ' followed by something that looks like a
    return value, so ' = ' inside string arguments is not mistaken for it.
    """
    m = CALL_RE.match(body)
    if not m:
        return None
    name = m.group(1)
    split = None
    for sm in RET_SEP_RE.finditer(body):
        if RET_TAIL_RE.match(body[sm.end():]):
            split = sm
    if split is None:
        return name, body[m.end():], None
    return name, body[m.end():split.start()], body[split.end():]


# What strace prints before a line's body (printleader): -t/-tt/-ttt's wall
# clock, -r's relative time (in "(+...)" after -t), -n's syscall number and
# -i's instruction pointer. Times and addresses change from run to run: their
# values become TIME, REL and IP (but the offset of the address in its page),
# their formats must match exactly (digits of the precision, widths). -n's
# number stays.
TS_RE = re.compile(r'^(?:\d\d:\d\d:\d\d|\d{9,11})(?:\.(\d{9}|\d{6}|\d{3}))? ')
REL_RE = re.compile(r'^(\(\+)?( {0,5}-?\d+)(?:\.(\d{9}|\d{6}|\d{3}))?(\) )?( )?')
NR_RE = re.compile(r'^\[(?: {0,3}\d+|\?\?\?)\] ')
IP_RE = re.compile(r'^\[(?:[0-9a-f]{16}|\?{16})\] ')
# -T's " <0.000012>" at the end of a line.
DURATION_RE = re.compile(r' <\d+(?:\.(\d{9}|\d{6}|\d{3}))?>$')
# -e read=/write= dumps (no pid of their own: they belong to the line before).
DUMP_RE = re.compile(r'^ (?:\| [0-9a-f]{5,}  |\* \d+ bytes in buffer \d+$|= \d+ buffers in vector \d+$|\| sysray: )')


class Leader:
    """Which leader fields the traces carry (from the tracer options)."""

    def __init__(self, ts=False, rel=False, nr=False, ip=False, dur=False):
        self.ts, self.rel, self.nr, self.ip, self.dur = ts, rel, nr, ip, dur

    def any(self):
        return self.ts or self.rel or self.nr or self.ip or self.dur


def split_leader(body, lead):
    """Return (normalised leader text, rest of the body), or (None, body)
    when a field the options promise is missing or malformed."""
    out = []
    if lead.ts:
        m = TS_RE.match(body)
        if not m:
            return None, body
        out.append('TIME%s ' % ('.' + 'D' * len(m.group(1)) if m.group(1) else ''))
        body = body[m.end():]
    if lead.rel:
        m = REL_RE.match(body)
        if not m or bool(m.group(1)) != lead.ts or (lead.ts and not m.group(4)) or \
                (not lead.ts and not m.group(5)) or len(m.group(2)) < 6:
            return None, body
        frac = '.' + 'D' * len(m.group(3)) if m.group(3) else ''
        out.append('(+REL%s) ' % frac if lead.ts else 'REL%s ' % frac)
        body = body[m.end():]
    if lead.nr:
        m = NR_RE.match(body)
        if not m:
            return None, body
        out.append(m.group(0))
        body = body[m.end():]
    if lead.ip:
        m = IP_RE.match(body)
        if not m:
            return None, body
        # ASLR moves whole pages: the offset in the page must match
        out.append('[IP...%s] ' % m.group(0)[14:17] if '?' not in m.group(0) else m.group(0))
        body = body[m.end():]
    return ''.join(out), body


def read_lines(path):
    try:
        with open(path, encoding='utf-8', errors='surrogateescape') as f:
            return f.read().splitlines()
    except FileNotFoundError:
        return None


def read_trace(path, lead=None, ff_pid=None, column=None):
    """Read a trace file; return (entries, lost_count).

    Lines with a leading pid are attributed to it; lines without one (a trace
    of a single process without -f) get pid 0, or ff_pid (a -ff file). Dump
    lines of -e read=/write= belong to the line before them. sysray's
    '--- lost' lines are dropped and counted. With lead, the leader fields
    (times, -n, -i) are normalised and kept apart (Entry.lead); -T's duration
    becomes " <T>". With column, the padding before " = RET" of each line is
    checked against -a COLUMN (Entry.pad_ok; in a line joined from
    <unfinished ...> and <... resumed>, the resumed part's).
    """
    entries = []
    lost = 0
    pending = {}  # pid -> index into entries of an <unfinished ...> call
    raw = read_lines(path)
    if raw is None:
        return [], 0
    last_pid = ff_pid or 0
    for line in raw:
        if not line.strip():
            continue
        if DUMP_RE.match(line):
            entries.append(Entry(last_pid, line))
            continue
        m = LINE_RE.match(line) if ff_pid is None else None
        if m:
            pid, body = int(m.group(1)), m.group(2)
        else:
            pid, body = ff_pid or 0, line
        last_pid = pid
        if body.startswith('--- sysray:') or body.startswith('--- lost'):
            lost += 1
            continue
        head = ''
        if lead and lead.any():
            head, body = split_leader(body, lead)
            if head is None:
                head = 'BAD-LEADER '
            if lead.dur:
                body = DURATION_RE.sub(lambda d: ' <T%s>' % ('.' + 'D' * len(d.group(1))
                                                              if d.group(1) else ''), body)
        pad_ok = column is None or padding_ok(line, column)
        rm = RESUMED_RE.match(body)
        if rm and pid in pending:
            idx = pending.pop(pid)
            e = entries[idx]
            e.body = e.body[:-len(UNFINISHED)] + rm.group(2)
            e.pad_ok = pad_ok
            continue
        if body.endswith(UNFINISHED):
            pending[pid] = len(entries)
        entries.append(Entry(pid, body, head, pad_ok))
    return entries, lost


def read_ff(prefix, lead=None, column=None):
    """Read the -ff files PREFIX.PID; return (entries, lost, pids)."""
    d, base = os.path.split(prefix)
    files = {}
    for fn in os.listdir(d or '.'):
        if fn.startswith(base + '.') and fn[len(base) + 1:].isdigit():
            files[int(fn[len(base) + 1:])] = os.path.join(d, fn)
    per = {}
    lost = 0
    for pid, path in files.items():
        per[pid], n = read_trace(path, lead, ff_pid=pid, column=column)
        lost += n
    # the first process first, the one no clone of the others returned
    children = set()
    for ents in per.values():
        for e in ents:
            pc = parse_call(e.body)
            if pc and pc[0] in CLONE_CALLS and pc[2]:
                tok = pc[2].split(' ', 1)[0]
                if tok.isdigit():
                    children.add(int(tok))
    roots = sorted(p for p in per if p not in children)
    order = roots + sorted(p for p in per if p in children)
    entries = [e for p in order for e in per[p]]
    return entries, lost, sorted(files)


# ---------------------------------------------------------------------------
# Normalisation

# System calls whose return value is a pid (or tid). rt_sigreturn returns
# what the interrupted call returned, often wait4's pid (a shell's SIGCHLD
# handler); like the others it is rewritten only when it is a traced pid.
PID_RET = {'clone', 'clone3', 'fork', 'vfork', 'wait4', 'waitpid', 'getpid', 'gettid',
           'getppid', 'set_tid_address', 'getpgid', 'getpgrp', 'getsid', 'setsid',
           'rt_sigreturn'}
CLONE_CALLS = {'clone', 'clone3', 'fork', 'vfork'}
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


def padding_ok(line, column):
    """Is the padding before " = RET" of this raw line strace's for -a COLUMN:
    spaces up to the column, or one space past it?"""
    m = None
    for sm in RET_SEP_RE.finditer(line):
        if RET_TAIL_RE.match(line[sm.end():]):
            m = sm
    if not m:
        return True
    col, pad = m.start() + 1, len(m.group(1))
    return pad == (column - col if col < column else 1)


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


# ---------------------------------------------------------------------------
# Known differences


def load_known(path):
    known = []
    if not path:
        return known
    with open(path, encoding='utf-8') as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip('\n')
            if not line.strip() or line.lstrip().startswith('#'):
                continue
            regex, _, reason = line.partition('\t')
            try:
                known.append((re.compile(regex), reason.strip() or '(no reason given)'))
            except re.error as err:
                sys.exit('%s:%d: bad regular expression: %s' % (path, n, err))
    return known


def classify(line, known):
    for rx, reason in known:
        if rx.search(line):
            return reason
    return None


# ---------------------------------------------------------------------------
# Running


def run_traced(argv, cwd, out_prefix, timeout):
    """Run argv in cwd with stdin /dev/null; return its exit status."""
    with open(out_prefix + '.stdout', 'wb') as so, open(out_prefix + '.stderr', 'wb') as se:
        try:
            env = dict(os.environ, PWD=cwd)  # shells stat $PWD: keep it true
            p = subprocess.Popen(argv, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=so,
                                 stderr=se, start_new_session=True)
        except OSError as err:
            se.write(('cannot run %s: %s\n' % (argv[0], err)).encode())
            return 'notrun'
        try:
            return p.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            try:
                os.killpg(p.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            p.wait()
            return 'timeout'


# Programs of --progs that are not differential programs: busy runs until it
# is killed, filter_target needs a tag argument (both exit 2 without one);
# the hostile programs whose traces vary from run to run (pids reused after
# retries) or that run.py compares itself (10000 forks, a 100000-argument
# execve whose variable count sysray caps); net_netlink, whose messages
# sysray decodes without -y only while /proc still shows the socket (run.py
# traces it with -y).
HELPERS = {'busy', 'filter_target', 'hostile_argv', 'hostile_forks', 'hostile_pidreuse',
           'net_netlink'}
# Exit statuses of --progs programs that do not exit 0; 99 means a
# self-check failed (EXIT_UNEXPECTED in tests/progs/common.h).
EXPECTED_STATUS = {'demo': 1, 'missing_file': 1, 'leader_exits': 4}


def tracer_status(rc):
    """A tracer's exit status as sysray reports it: strace kills itself
    with the tracee's fatal signal (Python's -N), sysray exits 128+N."""
    return 128 - rc if isinstance(rc, int) and rc < 0 else rc


def status_problem(want, s_rc, y_rc):
    """Why a job's exit statuses are wrong, or None.

    want is the expected status, or None when only the two tracers'
    statuses must agree (--cmd and extra programs)."""
    for tracer, rc in (('strace', s_rc), ('sysray', y_rc)):
        if not isinstance(rc, int):
            return 'under %s: %s' % (tracer, rc)
        if want is not None and rc != want:
            return 'exit %s under %s, want %d%s' % (
                rc, tracer, want, ' (a self-check failed; see its stderr)' if rc == 99 else '')
    if s_rc != y_rc:
        return 'exit %s under strace but %s under sysray' % (s_rc, y_rc)
    return None


def files_problem(s_entries, s_files, y_entries, y_files):
    """-ff: do both tracers write a file for the same processes (by P-name)?"""
    s_names, y_names = name_pids(s_entries), name_pids(y_entries)
    a = sorted(s_names.get(p, 'P?') for p in s_files)
    b = sorted(y_names.get(p, 'P?') for p in y_files)
    if a != b:
        return 'files for %s under strace, %s under sysray' % (', '.join(a), ', '.join(b))
    return None


def fresh_dir(path):
    shutil.rmtree(path, ignore_errors=True)
    os.makedirs(path)


class Result:
    pass


def compare(name, s_norm, y_norm, lost, known, max_listed):
    r = Result()
    r.name = name
    r.lost = lost
    s_pp, y_pp = per_pid(s_norm), per_pid(y_norm)
    r.total = len(s_norm)
    r.identical = 0
    r.unmatched = []  # (pid, strace line, closest sysray line, reason or None)
    r.extra = []  # (pid, sysray line) printed by sysray only
    for pid, s_lines in s_pp.items():
        y_lines = y_pp.get(pid, [])
        sm = difflib.SequenceMatcher(None, s_lines, y_lines, autojunk=False)
        s_hit, y_hit = set(), set()
        for a, b, size in sm.get_matching_blocks():
            r.identical += size
            s_hit.update(range(a, a + size))
            y_hit.update(range(b, b + size))
        y_left = [y_lines[j] for j in range(len(y_lines)) if j not in y_hit]
        for i, line in enumerate(s_lines):
            if i in s_hit:
                continue
            close = None
            if len(r.unmatched) < max_listed and y_left:
                m = difflib.get_close_matches(line, y_left, n=1, cutoff=0.6)
                close = m[0] if m else None
            r.unmatched.append((pid, line, close, classify(line, known)))
        r.extra.extend((pid, l) for l in y_left)
    for pid, y_lines in y_pp.items():
        if pid not in s_pp:
            r.extra.extend((pid, l) for l in y_lines)
    r.known = sum(1 for u in r.unmatched if u[3])
    r.unexplained = len(r.unmatched) - r.known
    r.extra_unexplained = sum(1 for _, l in r.extra if not classify(l, known))

    # Per-pid sequences of (name, return value).
    r.names_equal = True
    r.names_divergence = None
    for pid in list(s_pp) + [p for p in y_pp if p not in s_pp]:
        a = [name_ret(b) for b in s_pp.get(pid, [])]
        b = [name_ret(x) for x in y_pp.get(pid, [])]
        if a != b:
            r.names_equal = False
            k = next((i for i in range(min(len(a), len(b))) if a[i] != b[i]), min(len(a), len(b)))
            r.names_divergence = (pid, k, a[k] if k < len(a) else None,
                                  b[k] if k < len(b) else None)
            break
    return r


def fmt_nr(t):
    if t is None:
        return '(end of trace)'
    return t[0] + (' = ' + t[1] if t[1] else '')


def main():
    ap = argparse.ArgumentParser(
        description='Compare sysray with strace on test programs.',
        epilog='Example: differential.py --sysray ./sysray --progs .output/progs '
        '--report diff-report.txt --cmd "ls -l /usr/share"')
    ap.add_argument('--sysray', required=True, help='the sysray binary')
    ap.add_argument('--progs', help='directory of test programs (every executable in it '
                    'but the helpers %s)' % ' and '.join(sorted(HELPERS)))
    ap.add_argument('--strace', default='strace', help='the strace binary (default: strace)')
    ap.add_argument('--strace-args', default='-f -q',
                    help='strace options besides -s/-o (default: "-f -q")')
    ap.add_argument('--sysray-args', default='-f', help='sysray options besides -s/-o')
    ap.add_argument('-s', '--strsize', type=int, default=64, help='-s value for both (64)')
    ap.add_argument('--report', help='write the detailed report to this file')
    ap.add_argument('--min', type=float, default=0.95,
                    help='fail if the overall identical fraction is below (0.95)')
    ap.add_argument('--known', help='known-differences file (REGEX<TAB>reason lines)')
    ap.add_argument('--exact', action='store_true',
                    help='fail on any line that differs (a strace line sysray did not print '
                    'identically, or a line only sysray printed) that the --known file does '
                    'not explain')
    ap.add_argument('--count-known', action='store_true',
                    help='count known differences as matching for --min')
    ap.add_argument('--per-pid-names', action='store_true',
                    help='also require equal per-process (syscall name, return value) sequences')
    ap.add_argument('--allow-lost', action='store_true',
                    help='do not fail when sysray reports lost events')
    ap.add_argument('--cmd', action='append', default=[],
                    help='extra command line to trace (shell words), repeatable')
    ap.add_argument('--only', help='comma-separated program names to run')
    ap.add_argument('--exclude', default='',
                    help='comma-separated program names to skip')
    ap.add_argument('--timeout', type=float, default=30.0, help='seconds per traced run (30)')
    ap.add_argument('--keep', help='keep raw and normalised traces in this directory')
    ap.add_argument('--fds', action='store_true',
                    help='-y/-yy runs: normalise socket/pipe inodes and ports in fd '
                    'annotations, and report the share of annotations identical to strace\'s')
    ap.add_argument('--fd-min', type=float, default=0.0,
                    help='with --fds: fail if the share of identical annotations is below')
    ap.add_argument('--max-listed', type=int, default=200,
                    help='unmatched lines per program to list with a closest match (200)')
    ap.add_argument('--ff', action='store_true',
                    help='both tracers write -ff files (give -ff in --strace-args and '
                    '--sysray-args): compare the set of files and each file\'s lines')
    ap.add_argument('--leader', default='',
                    help='leader fields both tracers print, comma-separated: ts (-t, -tt, '
                    '-ttt), rel (-r), nr (-n), ip (-i), dur (-T); times and addresses are '
                    'compared by format only')
    ap.add_argument('--padding', type=int, metavar='COLUMN',
                    help='check that every line of both traces pads " = RET" to COLUMN (-a) '
                    'as strace does')
    ap.add_argument('--arg-names', metavar='FILE',
                    help='sysray runs with -N: insert the names FILE gives (strace 6.16\'s) '
                    'into strace\'s lines before comparing')
    ap.add_argument('programs', nargs='*', help='extra programs to trace (no arguments)')
    opts = ap.parse_args()
    fields = set(x for x in opts.leader.split(',') if x)
    if fields - {'ts', 'rel', 'nr', 'ip', 'dur'}:
        ap.error('--leader: ts, rel, nr, ip or dur')
    lead = Leader(**{f: True for f in fields})
    arg_names = load_arg_names(opts.arg_names) if opts.arg_names else None

    sysray = opts.sysray
    if os.sep in sysray:
        sysray = os.path.abspath(sysray)
    if not (shutil.which(sysray) or os.access(sysray, os.X_OK)):
        ap.error('sysray binary not found: %s' % opts.sysray)

    jobs = []  # (name, argv, expected exit status or None)
    if opts.progs:
        pdir = os.path.abspath(opts.progs)
        for fn in sorted(os.listdir(pdir)):
            p = os.path.join(pdir, fn)
            if fn not in HELPERS and os.path.isfile(p) and os.access(p, os.X_OK):
                jobs.append((fn, [p], EXPECTED_STATUS.get(fn, 0)))
    for p in opts.programs:
        ap_ = os.path.abspath(p) if os.sep in p else p
        jobs.append((os.path.basename(p), [ap_], None))
    for i, c in enumerate(opts.cmd, 1):
        argv = shlex.split(c)
        if argv:
            jobs.append(('cmd%d:%s' % (i, os.path.basename(argv[0])), argv, None))
    if opts.only:
        want = set(opts.only.split(','))
        jobs = [j for j in jobs if j[0] in want]
    skip = set(x for x in opts.exclude.split(',') if x)
    jobs = [j for j in jobs if j[0] not in skip]
    if not jobs:
        ap.error('nothing to run: give --progs, programs or --cmd')

    known = load_known(opts.known)
    base = tempfile.mkdtemp(prefix='sysray-differential-')
    keep = os.path.abspath(opts.keep) if opts.keep else None
    if keep:
        os.makedirs(keep, exist_ok=True)

    results = []
    try:
        for name, argv, want_rc in jobs:
            safe = re.sub(r'[^A-Za-z0-9_.-]', '_', name)
            jdir = os.path.join(base, safe)
            cwd = os.path.join(jdir, 'cwd')
            s_out, y_out = os.path.join(jdir, 'strace.txt'), os.path.join(jdir, 'sysray.txt')
            fresh_dir(cwd)
            s_argv = ([opts.strace] + shlex.split(opts.strace_args) +
                      ['-s', str(opts.strsize), '-o', s_out, '--'] + argv)
            s_rc = tracer_status(run_traced(s_argv, cwd, os.path.join(jdir, 'strace'),
                                            opts.timeout))
            fresh_dir(cwd)  # same path, fresh contents, for the second run
            y_argv = ([sysray] + shlex.split(opts.sysray_args) +
                      ['-s', str(opts.strsize), '-o', y_out, '--'] + argv)
            y_rc = run_traced(y_argv, cwd, os.path.join(jdir, 'sysray'), opts.timeout)

            if opts.ff:
                s_entries, _, s_files = read_ff(s_out, lead, opts.padding)
                y_entries, lost, y_files = read_ff(y_out, lead, opts.padding)
            else:
                s_entries, _ = read_trace(s_out, lead, column=opts.padding)
                y_entries, lost = read_trace(y_out, lead, column=opts.padding)
            for e in s_entries if arg_names else ():
                e.body = insert_arg_names(e.body, arg_names)
            s_norm = normalise(s_entries, opts.fds)
            y_norm = normalise(y_entries, opts.fds)
            r = compare(name, s_norm, y_norm, lost, known, opts.max_listed)
            r.files_bad = None
            if opts.ff:
                r.files_bad = files_problem(s_entries, s_files, y_entries, y_files)
            r.fd_total, r.fd_paired, r.fd_same, r.fd_diffs = (
                fd_score(s_norm, y_norm) if opts.fds else (0, 0, 0, []))
            r.argv, r.s_rc, r.y_rc = argv, s_rc, y_rc
            r.status_bad = status_problem(want_rc, s_rc, y_rc) or r.files_bad
            r.s_stderr, r.y_stderr = (tail(os.path.join(jdir, t + '.stderr'))
                                      for t in ('strace', 'sysray'))
            results.append(r)
            if keep:
                kd = os.path.join(keep, safe)
                os.makedirs(kd, exist_ok=True)
                for fn in sorted(os.listdir(jdir)):
                    if re.match(r'(strace|sysray)\.(txt(\.\d+)?|stderr)$', fn):
                        shutil.copy(os.path.join(jdir, fn), kd)
                for tag, norm in (('strace', s_norm), ('sysray', y_norm)):
                    with open(os.path.join(kd, tag + '.norm.txt'), 'w') as f:
                        for p, b in norm:
                            f.write('%s  %s\n' % (p, b))
            frac = r.identical / r.total if r.total else (1.0 if not y_norm else 0.0)
            print('%-22s strace=%-5d identical=%-5d %6.1f%%  known=%-4d unexplained=%-4d '
                  'lost=%-3d names=%s exit=%s/%s%s' %
                  (name, r.total, r.identical, 100 * frac, r.known, r.unexplained, r.lost,
                   'equal' if r.names_equal else 'DIFF', r.s_rc, r.y_rc,
                   '  fds=%d/%d' % (r.fd_same, r.fd_total) if opts.fds else ''), flush=True)
            if r.status_bad:
                print('%-22s exit status wrong: %s' % (name, r.status_bad), flush=True)
    finally:
        shutil.rmtree(base, ignore_errors=True)

    total = sum(r.total for r in results)
    ident = sum(r.identical for r in results)
    kn = sum(r.known for r in results)
    frac = ident / total if total else 0.0
    score = (ident + kn) / total if (opts.count_known and total) else frac
    names_bad = [r.name for r in results if not r.names_equal]
    status_bad = [r.name for r in results if r.status_bad]

    if opts.report:
        write_report(opts.report, results, opts, total, ident, kn, names_bad, status_bad, known)

    if opts.per_pid_names:
        print('per-pid names/returns: %d/%d programs equal%s' %
              (len(results) - len(names_bad), len(results),
               (' (differ: %s)' % ', '.join(names_bad)) if names_bad else ''))
    print('differential: %d/%d lines identical (%.1f%%) over %d programs' %
          (ident, total, 100 * frac, len(results)))
    fd_share = 1.0
    if opts.fds:
        fd_total = sum(r.fd_total for r in results)
        fd_paired = sum(r.fd_paired for r in results)
        fd_same = sum(r.fd_same for r in results)
        fd_share = fd_same / fd_total if fd_total else 1.0
        print('differential: fd annotations: %d/%d identical (%.2f%%); %d/%d in lines '
              'both print (%.2f%%)' %
              (fd_same, fd_total, 100 * fd_share, fd_same, fd_paired,
               100.0 * fd_same / fd_paired if fd_paired else 100.0))
    if status_bad:
        print('differential: %d programs exited wrongly (failure): %s' %
              (len(status_bad), ', '.join(status_bad)))
    lost = sum(r.lost for r in results)
    if lost:
        print('differential: sysray reported %d lost-event lines%s' %
              (lost, '' if opts.allow_lost else ' (failure; --allow-lost to accept)'))
    unexplained = sum(r.unexplained for r in results)
    extra = sum(r.extra_unexplained for r in results)
    if opts.exact:
        print('differential: %d unexplained differences: %d strace lines not printed '
              'identically, %d lines printed by sysray only%s' %
              (unexplained + extra, unexplained, extra,
               ' (failure; see the report, or explain them in --known)'
               if unexplained + extra else ''))
    failed = (score < opts.min or (opts.exact and unexplained + extra) or
              (opts.per_pid_names and names_bad) or status_bad or
              (lost and not opts.allow_lost) or fd_share < opts.fd_min)
    return 1 if failed else 0


def tail(path, n=2000):
    try:
        with open(path, errors='replace') as f:
            return f.read()[-n:]
    except OSError:
        return ''


def write_report(path, results, opts, total, ident, kn, names_bad, status_bad, known):
    with open(path, 'w', encoding='utf-8', errors='surrogateescape') as f:
        f.write('sysray differential report\n')
        f.write('strace: %s %s -s %d    sysray: %s %s -s %d\n\n' %
                (opts.strace, opts.strace_args, opts.strsize, opts.sysray, opts.sysray_args,
                 opts.strsize))
        f.write('%-22s %7s %9s %7s %6s %11s %5s %6s %s\n' %
                ('program', 'strace', 'identical', 'pct', 'known', 'unexplained', 'lost',
                 'names', 'exit strace/sysray'))
        for r in results:
            pct = 100.0 * r.identical / r.total if r.total else 0.0
            f.write('%-22s %7d %9d %6.1f%% %6d %11d %5d %6s %s/%s%s\n' %
                    (r.name, r.total, r.identical, pct, r.known, r.unexplained, r.lost,
                     'equal' if r.names_equal else 'DIFF', r.s_rc, r.y_rc,
                     '  <-- ' + r.status_bad if r.status_bad else ''))
        f.write('\nTOTAL: %d/%d identical (%.1f%%), %d known, %d unexplained, %d lost events\n' %
                (ident, total, 100.0 * ident / total if total else 0.0, kn,
                 total - ident - kn, sum(r.lost for r in results)))
        if names_bad:
            f.write('per-pid (name, return value) sequences differ in: %s\n' %
                    ', '.join(names_bad))
        if status_bad:
            f.write('exit status wrong in: %s\n' % ', '.join(status_bad))

        f.write('\n==== UNEXPLAINED differences (strace line / closest sysray line) ====\n')
        for r in results:
            ux = [u for u in r.unmatched if not u[3]]
            if (not ux and not r.extra_unexplained and r.names_equal and not r.lost and
                    not r.status_bad):
                continue
            f.write('\n--- %s (%s)\n' % (r.name, ' '.join(r.argv)))
            if r.status_bad:
                f.write('  exit status wrong: %s\n' % r.status_bad)
            if r.lost:
                f.write('  sysray reported %d lost-event lines\n' % r.lost)
            if not r.names_equal:
                pid, k, a, b = r.names_divergence
                f.write('  per-pid sequence differs: %s, event #%d: strace %s / sysray %s\n' %
                        (pid, k + 1, fmt_nr(a), fmt_nr(b)))
            for pid, line, close, _ in ux:
                f.write('  strace %-4s %s\n' % (pid, line))
                f.write('  sysray %-4s %s\n' % ('', close if close is not None else
                                                '(no similar line)'))
            if r.status_bad:
                for tag, err in (('strace', r.s_stderr), ('sysray', r.y_stderr)):
                    if err.strip():
                        f.write('  %s run stderr (tail):\n' % tag)
                        for l in err.strip().splitlines()[-10:]:
                            f.write('    %s\n' % l)

        if opts.fds:
            f.write('\n==== fd annotations that differ (strace line / sysray line) ====\n')
            for r in results:
                if not r.fd_diffs:
                    continue
                f.write('\n--- %s: %d/%d identical\n' % (r.name, r.fd_same, r.fd_total))
                for pid, sl, yl in r.fd_diffs[:opts.max_listed]:
                    f.write('  strace %-4s %s\n  sysray %-4s %s\n' % (pid, sl, '', yl))

        f.write('\n==== Known differences ====\n')
        for r in results:
            kx = [u for u in r.unmatched if u[3]]
            if not kx:
                continue
            f.write('\n--- %s\n' % r.name)
            for pid, line, close, reason in kx:
                f.write('  [%s] %s %s\n' % (reason, pid, line))

        f.write('\n==== Lines printed by sysray only ====\n')
        for r in results:
            if not r.extra:
                continue
            f.write('\n--- %s (%d lines)\n' % (r.name, len(r.extra)))
            for pid, line in r.extra[:opts.max_listed]:
                reason = classify(line, known)
                f.write('  %-4s %s%s\n' % (pid, line, '   [known: %s]' % reason if reason else ''))
            if len(r.extra) > opts.max_listed:
                f.write('  ... %d more\n' % (len(r.extra) - opts.max_listed))


if __name__ == '__main__':
    sys.exit(main())
