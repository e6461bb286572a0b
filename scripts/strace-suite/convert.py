# SPDX-License-Identifier: GPL-2.0
"""Turn a trace in strace's -f -o format into what strace without -f writes.

sysray always follows forks and writes strace's -f -o format. strace without
-f traces only the thread it launched, so the conversion keeps that thread's
lines (the pid the exec shim reported), drops the "PID " prefix, joins a call
that other processes' lines split into "<unfinished ...>" and
"<... NAME resumed>", and pads the " = " column as -a pads it from the start
of the line. The exec shim's own calls (its execve, getpid, write and close
of the pid fd) are removed.

With -f (the test's own), lines keep their prefixes: only the shim's calls go.
strace's own output (the reference run) goes through the same conversion.
"""
import re

# "1234  " or "1234<comm> " (-Y) at the start of a line of strace -f -o:
# the pid as "%-5u" (or "%u<comm>"), then one space; what follows may start
# with spaces of its own (-r's "%6ld").
PREFIX = re.compile(r"^(\d+)(<[^>]*>)?")
# What -t/-r, -i and -n put before a call: "12:00:01 ", "     0.000 ",
# "(+     0.000) ", "[00007f...] ", "[ 39] ".
LEADER = re.compile(r"^ *(?:(?:[0-9.:]+|\(\+ *[0-9.]+\)|\[[ 0-9a-fx]+\]) +)*")
UNFINISHED = " <unfinished ...>"
# After the pid: what -t/-r, -i and -n put before the call ("12:00:01 ",
# "[00007f...] ", "[ 39] "), then the resumption.
RESUMED = re.compile(r"^ *(?:(?:[0-9.:]+|\[[ 0-9a-fx]+\]) +)*<\.\.\. ([^ ]+) resumed>")
# ") " then -a padding then "= ": the last one on the line is the column.
RETURN_COLUMN = re.compile(r"\) += ")


def pad(text, acolumn):
    """Re-pad the return column of one line as strace's -a does (tabto)."""
    last = None
    for m in RETURN_COLUMN.finditer(text):
        last = m
    if last is None:
        return text
    head = text[: last.start() + 2]
    spaces = max(0, acolumn - len(head))
    return head + " " * spaces + text[last.end() - 2:]


class Shim:
    """The exec shim's own calls, in the order it makes them, to drop them.

    Each is matched at most once and only after the ones before it, with
    its exact values (the pid, the fd), also as -e raw= and -y print them:
    a program's own getpid() or write() after the shim is never taken.
    """

    def __init__(self, path, fd, pid):
        fdre = r"(?:%d|%#x)(?:<[^>]*>)?" % (fd, fd)
        pidre = r"(?:%d|%#x)" % (pid, pid)
        n = len(str(pid)) + 1
        nre = r"(?:%d|%#x)" % (n, n)
        self.calls = [
            re.compile(r'^execve\((?:"%s"|0x[0-9a-f]+), ' % re.escape(path)),
            re.compile(r"^getpid\(\) += %s$" % pidre),
            re.compile(r'^write\(%s, (?:"%d\\n"|0x[0-9a-f]+), %s\) += %s$' % (fdre, pid, nre, nre)),
            re.compile(r"^close\(%s\) += (?:0|0x0)$" % fdre),
        ]
        self.next = 0

    def consume(self, text):
        """Is TEXT the shim's next call (or one after it)? Then drop it."""
        text = text[LEADER.match(text).end():]
        for i in range(self.next, len(self.calls)):
            if self.calls[i].match(text):
                self.next = i + 1
                return True
        self.next = len(self.calls)
        return False


def split_prefix(line):
    m = PREFIX.match(line)
    if not m:
        return None, line
    end = m.end() if m.group(2) else max(m.end(), 5)
    if line[m.end():end + 1].strip(" ") or len(line) <= end:
        return None, line
    return int(m.group(1)), line[end + 1:]


def convert(lines, main_pid, acolumn=40, follow=False, shim=None, prefixed=True):
    """Lines (without newlines) of strace -f -o output -> strace's lines.

    main_pid: the launched process (None: unknown, keep every line).
    follow: the test asked for -f itself; keep every pid and its prefix.
    shim: a Shim whose calls, leading the main pid's lines, are dropped.
    prefixed: False for strace's output without -f: every line is the main
    pid's, without a prefix.
    """
    out = []
    pending = None  # index in out of the main pid's "<unfinished ...>" line
    for line in lines:
        pid, text = split_prefix(line) if prefixed else (main_pid, line)
        main = pid is not None and (main_pid is None or pid == main_pid)
        if main and shim is not None and shim.consume(text):
            continue
        if follow:
            out.append(line if line.endswith(UNFINISHED) else pad(line, acolumn))
            continue
        if pid is not None and not main:
            continue
        if pending is not None and pid is not None:
            m = RESUMED.match(text)
            if m:
                head = out[pending][: -len(UNFINISHED)]
                out[pending] = pad(head + text[m.end():], acolumn)
                pending = None
                continue
            pending = None
        if pid is None:
            out.append(text)  # not a traced task's line (a sysray marker)
        elif text.endswith(UNFINISHED):
            pending = len(out)
            out.append(text)
        else:
            out.append(pad(text, acolumn))
    return out
