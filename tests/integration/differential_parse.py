# SPDX-License-Identifier: GPL-2.0
"""Reading traces for differential.py: strace's and sysray's lines split into
process, leader (timestamps, -i, -n, -T) and call (name, arguments, return
value), unfinished calls joined with their resumption, -ff files merged.
"""

import os
import re

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
CLONE_CALLS = {'clone', 'clone3', 'fork', 'vfork'}


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
