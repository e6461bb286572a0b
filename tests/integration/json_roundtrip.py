# SPDX-License-Identifier: GPL-2.0
"""--json against the text of the same recording (run by json_suite.py):
each event rebuilds its strace line, and its data agree with the text.
"""

import base64
import collections
import json
import re

from common import Fail, check
from harness import registry
from json_common import (SHORT_PROGS, TABLE, Workdir, corpus_script, parse_jsonl, read_lines,
                         sysray, validate)

TESTS, test = registry()
FULL_TESTS, full_test = registry()

LINE_RE = re.compile(r'^(\d+)(?:<[^>]*> | +)(.*)$')
RESUMED_RE = re.compile(r'^<\.\.\. (\w+) resumed>(.*)$')
UNFINISHED = ' <unfinished ...>'


def text_by_tid(lines):
    """strace lines by tid, each call's unfinished and resumed parts joined
    (a thread's execve resumes under its leader's pid); lines with no pid."""
    per, glob, open_at = collections.defaultdict(list), [], {}
    for line in lines:
        m = LINE_RE.match(line)
        if not m:
            glob.append(line)
            continue
        tid, body = int(m.group(1)), m.group(2)
        r = RESUMED_RE.match(body)
        if r:
            src = tid if tid in open_at else next(
                (t for t, (_, name) in open_at.items() if name == r.group(1)), None)
            if src is not None:
                i, _ = open_at.pop(src)
                whole = per[src].pop(i) + r.group(2)
                for t, (j, name) in open_at.items():
                    if t == src and j > i:
                        open_at[t] = (j - 1, name)
                per[tid].append(whole)
                continue
        if body.endswith(UNFINISHED):
            body = body[:-len(UNFINISHED)]
            open_at[tid] = (len(per[tid]), body.split('(')[0])
        per[tid].append(body)
    return per, glob


def json_by_tid(objs):
    per, glob = collections.defaultdict(list), []
    for o in objs:
        if o['type'] in ('lost', 'personality'):
            glob.append(o)
        else:
            per[o['tid']].append(o)
    return per, glob


def call_line_ok(o, body):
    """Does syscall object @o rebuild the text line @body?"""
    name, joined = o['name'], ', '.join(a['text'] for a in o['args'])
    st = o['status']
    if o.get('resumed'):
        m = re.fullmatch(rf'<\.\.\. {name} resumed>\) += (.*)', body)
        return bool(m) and m.group(1) == o['ret']['text']
    head = f'{name}({joined}'
    if not body.startswith(head):
        return False
    rest = body[len(head):]
    if st in ('ok', 'error'):
        m = re.fullmatch(r'\) += (.*)', rest)
        return bool(m) and m.group(1) == o['ret']['text']
    tails = {'noreturn': r'\) += \?', 'unfinished': r'(, )? <unfinished \.\.\.>\) += \?|\) += \?',
             'unavailable': r'(, )?\) = \? <unavailable>', 'detached': r'(, )? <detached \.\.\.>'}
    return bool(re.fullmatch(tails[st], rest))


def other_line(o):
    t = o['type']
    if t == 'signal':
        return f'--- {o["signal"]} {o["siginfo"]["text"]} ---'
    if t == 'exit':
        return f'+++ exited with {o["code"]} +++'
    if t == 'killed':
        return f'+++ killed by {o["signal"]}{" (core dumped)" if o["core"] else ""} +++'
    if t == 'superseded':
        return f'+++ superseded by execve in pid {o["by_tid"]} +++'
    if t == 'lost':
        n = o['count']
        return f'--- sysray: {n} event{"s" if n != 1 else ""} lost (ring buffer full; see -b) ---'
    if t == 'personality':
        return f'[ Process PID={o["tid"]} runs in 32 bit mode. ]'
    raise Fail(f'unknown event type {t}')


def lines_match(objs, lines):
    """Every JSON event rebuilds its strace line, thread by thread."""
    tper, tglob = text_by_tid(lines)
    jper, jglob = json_by_tid(objs)
    check(sorted(tper) == sorted(jper), f'threads differ: text {sorted(tper)[:8]}, '
          f'json {sorted(jper)[:8]}')
    n = 0
    for tid, objs_t in jper.items():
        texts = tper[tid]
        check(len(texts) == len(objs_t), f'tid {tid}: {len(texts)} text lines, '
              f'{len(objs_t)} JSON events; first text {texts[:2]}, json {objs_t[:1]}')
        for o, body in zip(objs_t, texts):
            ok = call_line_ok(o, body) if o['type'] == 'syscall' else other_line(o) == body
            check(ok, f'tid {tid}: JSON does not rebuild the line\n  text: {body}\n  '
                  f'json: {json.dumps(o)[:600]}')
            n += 1
    check([other_line(o) for o in jglob] == tglob, f'lines without a pid differ: {tglob[:3]}')
    return n


# strace's escapes in quoted strings
ESCAPES = {'n': 10, 't': 9, 'r': 13, 'v': 11, 'f': 12, '"': 34, '\\': 92}


def unquote(text):
    """strace's "..." string at the start of @text: (bytes, cut short, rest)."""
    check(text.startswith('"'), f'not a string: {text[:80]}')
    out, i = bytearray(), 1
    while i < len(text) and text[i] != '"':
        c = text[i]
        if c != '\\':
            out += c.encode()
            i += 1
            continue
        n = text[i + 1]
        if n in ESCAPES:
            out.append(ESCAPES[n])
            i += 2
        elif n == 'x':
            out.append(int(text[i + 2:i + 4], 16))
            i += 4
        else:
            m = re.match(r'[0-7]{1,3}', text[i + 1:])
            out.append(int(m.group(0), 8))
            i += 1 + len(m.group(0))
    rest = text[i + 1:]
    cut = rest.startswith('...')
    return bytes(out), cut, rest[3:] if cut else rest


def value_bytes(v):
    """The bytes a JSON string value holds, and whether it was cut."""
    if isinstance(v, str):
        return v.encode(), False
    if 'base64' in v:
        return base64.b64decode(v['base64']), v['truncated']
    return v['str'].encode(), v['truncated']


def parse_int(text):
    if re.fullmatch(r'-?[0-9]+', text):
        return int(text, 8) if len(text) > 1 and text[0] == '0' else int(text)
    if re.fullmatch(r'0x[0-9a-f]+', text):
        return int(text, 16)
    return None


def strip_comment(text):
    return re.sub(r' /\* .* \*/$', '', text)


def agrees(text, v):
    """Does value @v say what @text says? None if it does, else why not."""
    text = strip_comment(text)
    if v is None or isinstance(v, list) and not v:
        return None
    if isinstance(v, bool):
        return 'a boolean value'
    if isinstance(v, int):
        return None if parse_int(text) == v else f'number {v}'
    if isinstance(v, str) and not text.startswith('"'):
        return None if text == v else f'address {v}'
    if isinstance(v, str) or isinstance(v, dict) and ('str' in v or 'base64' in v):
        data, cut, rest = unquote(text)
        got, gcut = value_bytes(v)
        if (data, cut) != (got, gcut) or rest:
            return f'string bytes {got!r} (cut {gcut}) vs text {data!r} (cut {cut})'
        return None
    if isinstance(v, list):
        return None if text.startswith('[') else 'array'
    if isinstance(v.get('flags'), list) and 'raw' in v:
        parts = text.split('|')
        if len(parts) != len(v['flags']):
            return f'flags {v["flags"]}'
        for p, f in zip(parts, v['flags']):
            if (p != f) if isinstance(f, str) else (parse_int(p) != f):
                return f'flag {f} vs {p}'
        return None
    if 'fd' in v:
        want = ('AT_FDCWD' if v['fd'] == -100 else str(v['fd'])) + v.get('desc', '')
        return None if text == want else f'fd {want}'
    if 'name' in v and 'raw' in v:
        return None if text == v['name'] else f'constant {v["name"]}'
    if 'pid' in v:
        return None if text.startswith(f'{v["pid"]}<') else f'pid {v["pid"]}'
    if 'call' in v:
        return None if text.startswith(v['call'] + '(') else f'call {v["call"]}'
    if 'negated' in v:
        return None if text.startswith('~[' if v['negated'] else '[') else 'set'
    if 'in' in v:
        return None if ' => ' in text else 'in/out'
    if 'abstract' in v:
        return agrees(text[1:], v['abstract']) if text.startswith('@') else 'abstract name'
    # a struct: its fields by name, "name=" in the text (or "&name" for one
    # its value names), in order
    pos = 0
    for k in v:
        if k == '...':
            if not text.endswith('...}'):
                return 'a struct said to be cut'
            continue
        m = re.compile(rf'(^\{{|, )(\w+\()?[^=]*?&?{re.escape(k)}\b').search(text, pos)
        if not text.startswith('{') or not m:
            return f'field {k}'
        pos = m.end()
    return None


def nulls_in(v):
    if v is None:
        return 1
    if isinstance(v, list):
        return sum(nulls_in(x) for x in v)
    if isinstance(v, dict):
        return sum(nulls_in(x) for x in v.values())
    return 0


def null_tokens(text, ret=False):
    """NULL and ??? in @text outside quoted strings: values that are null;
    for a return value, strace's "?" (no value: the call did not return)."""
    bare = re.sub(r'"(\\.|[^"\\])*"', '""', text)
    unknown_ret = ret and (bare == '?' or bare.startswith('? '))
    return len(re.findall(r'\bNULL\b', bare)) + bare.count('???') + unknown_ret


def table_types():
    """syscall name -> (decoder of a whole-call row or None, [argument types])."""
    rows = {}
    with open(TABLE) as f:
        for line in f:
            m = re.match(r'^SC(X?)\((\w+), [^,]+, (\w+), (.*)\)\s*$', line)
            if not m:
                continue
            rest, dec = m.group(4), None
            if m.group(1):
                dec, _, rest = rest.partition(', ')
            args = [(a.group(1) + ' ' + (a.group(2) or '')).strip() for a in
                    re.finditer(r'A\((\w+)(?:, (\w+)(?!\())?', rest)]
            rows[m.group(2)] = (dec, [a for a in args if a != 'SKIP'], m.group(3))
    return rows


def null_types(rows, o, i, text, v):
    """The types a value the text shows but JSON leaves null may come from."""
    dec, args, ret = rows.get(o['name'], (None, [], None))
    if dec:
        return {f'SCX {dec}'}
    if i == 'ret':
        return {f'RET {ret}'}
    if len(args) == len(o['args']):
        return {args[i]}
    return set(args)


# The calls whose argument strace 6.16's -N leaves unnamed (user/table/argnames.txt's "-").
UNNAMED_ARGS = {'rt_sigreturn', 'time'}


def check_values(objs):
    """The data of each argument and return value agrees with its text."""
    rows = table_types()
    for o in objs:
        if o['type'] != 'syscall':
            continue
        vals = [(i, a) for i, a in enumerate(o['args'])]
        if 'ret' in o:
            vals.append(('ret', o['ret']))
        for i, a in vals:
            text, v = a['text'], a['value']
            # every argument is named (-N's names) but those strace 6.16
            # prints unnamed; its text starts with the name only where strace
            # 6.1 names it itself (clone's child_stack=)
            check(i == 'ret' or 'name' in a or o['name'] in UNNAMED_ARGS,
                  f'{o["name"]} arg {i} has no name: {text[:100]}')
            if 'name' in a and text.startswith(a['name'] + '='):
                text = text[len(a['name']) + 1:]
            if nulls_in(v) > null_tokens(text, i == 'ret'):
                types = null_types(rows, o, i, text, v)
                raise Fail(f'{o["name"]} arg {i} ({"/".join(sorted(types))}) is null where '
                           f'the text shows a value: {text[:100]}')
            if i == 'ret':
                # "-1 ENOENT (No such file or directory)": the value is the -1
                text = re.sub(r'( [A-Z][A-Z0-9_]+)? \(.*\)$', '', text)
            why = agrees(text, v)
            check(not why, f'{o["name"]} arg {i}: the data ({why}) disagrees with the text: '
                  f'{text[:120]} vs {json.dumps(v)[:200]}')


def replay_both(rec, w, opts, tag):
    txt, js = w.file(f'{tag}.txt'), w.file(f'{tag}.jsonl')
    st, _, err = sysray(['--replay', rec, '-o', txt] + opts)
    check(st == 0, f'text replay: status {st}: {err[-300:]}')
    st, _, err = sysray(['--replay', rec, '--json', '-o', js] + opts)
    check(st == 0, f'JSON replay: status {st}: {err[-300:]}')
    return read_lines(txt), parse_jsonl(read_lines(js))


def round_trip(progs, min_events):
    w = Workdir()
    try:
        script = corpus_script(w, progs=progs)
        for tag, opts in (('yy', ['-f', '-yy', '-v', '-s', '100', '-Y']), ('plain', [])):
            rec = w.file(f'{tag}.rec')
            st, _, err = sysray(['--record', rec] + opts + ['--', script])
            check(st == 0, f'record {tag}: status {st}: {err[-300:]}')
            lines, objs = replay_both(rec, w, opts, tag)
            validate(objs, f'replay {tag}')
            n = lines_match(objs, lines)
            check(n > min_events, f'{n} events compared, expected over {min_events}')
            check_values(objs)
    finally:
        w.remove()


@test
def json_round_trip():
    """A recording of a few programs (SHORT_PROGS) and real commands replayed
    as text and as JSON, with -yy -v -s 100 -Y, then with the defaults: each
    event rebuilds its strace line and its data agrees with its text; nulls
    only where the text has none."""
    round_trip(SHORT_PROGS, 1500)


@full_test
def json_round_trip_corpus():
    """The same over every corpus program."""
    round_trip(None, 5000)
