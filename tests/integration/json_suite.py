# SPDX-License-Identifier: GPL-2.0
"""Integration tests of --json and --timeline (run by run.py).

- Every line of varied traces (the corpus programs, real commands, -yy -v
  -s, -Y, hostile bytes, signals, threads, exits, a kill, a tiny -b, an ia32
  task, a container's cgroup) validates against docs/sysray-events.schema.json
  with a real validator (python3-jsonschema), and the validator rejects
  objects known to be wrong.
- Round trip: a recording replayed as text and as JSON; for each event the
  JSON rebuilds the same strace line (arguments' text joined with ", ", the
  return value's text), and the data agrees with the text: numbers, flag
  names, fds, addresses, and strings byte for byte (unescaped from strace's
  text, decoded from the JSON).
- A value is null only where the text shows none (NULL, ???, a return
  value of "?"): every decoder describes its values through the printer
  interface, so a decoder that writes text only fails the test, named by
  its row type in syscalls.def.
- An argument strace names in its text (clone's "child_stack=NULL") has
  that name in "name", and its value is what follows "name=".
- --timeline: the trace-event format (required fields, per-track order,
  nesting of slices, flows from fork to child, names) and its slices against
  the JSON Lines of the same run.
"""

import base64
import collections
import decimal
import json
import os
import re
import shutil
import subprocess
import tempfile

from common import Fail, Skip, cgroup2_root, check

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
# SYSRAY=...: another build, as run.py takes it (make test-asan)
SYSRAY = os.path.abspath(os.environ.get('SYSRAY') or os.path.join(ROOT, 'sysray'))
PROGS = os.path.join(ROOT, '.output', 'progs')
SCHEMA = os.path.join(ROOT, 'docs', 'sysray-events.schema.json')
TABLE = os.path.join(ROOT, 'include', 'sysray', 'syscalls.def')
# Programs of tests/progs that are not corpus programs.
NOT_CORPUS = {'busy', 'filter_target'}
# make test's short runs: a few programs with forks, threads, an exec in a
# thread, signals, fds of every kind and clone (the full corpus takes ~10
# minutes on a loaded machine: make test-json).
SHORT_PROGS = ['demo', 'fork_exit3', 'thread_exec', 'signals', 'fileio', 'fds', 'net_unix',
               'proc_clone', 'strings']
TESTS = []  # in make test
FULL_TESTS = []  # make test-json: the same checks over the whole corpus


def test(fn):
    TESTS.append(fn)
    return fn


def full_test(fn):
    FULL_TESTS.append(fn)
    return fn


def prog(name):
    return os.path.join(PROGS, name)


def corpus():
    return sorted(p for p in os.listdir(PROGS) if p not in NOT_CORPUS)


def sysray(args, timeout=180):
    p = subprocess.run([SYSRAY] + args, capture_output=True, timeout=timeout)
    return p.returncode, p.stdout, p.stderr.decode(errors='replace')


def read_lines(path):
    """A file's lines as text; bytes sysray should never write fail the test."""
    with open(path, 'rb') as f:
        data = f.read()
    try:
        return data.decode('utf-8').splitlines()
    except UnicodeDecodeError as e:
        raise Fail(f'{path}: not UTF-8 at byte {e.start}: {data[e.start - 40:e.start + 40]!r}')


def validator():
    try:
        import jsonschema  # pylint: disable=import-outside-toplevel
    except ImportError:
        raise Fail('python3-jsonschema is missing (scripts/deps.sh installs it)')
    with open(SCHEMA) as f:
        schema = json.load(f)
    cls = jsonschema.Draft202012Validator
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER), jsonschema


def parse_jsonl(lines):
    objs = []
    for i, line in enumerate(lines):
        try:
            objs.append(json.loads(line))
        except ValueError as e:
            raise Fail(f'line {i + 1} is not JSON ({e}): {line[:200]}')
    return objs


def validate(objs, what):
    v, js = validator()
    for i, o in enumerate(objs):
        errs = list(v.iter_errors(o))
        if errs:
            e = js.exceptions.best_match(errs)
            raise Fail(f'{what}: object {i + 1} fails the schema at '
                       f'{"/".join(map(str, e.absolute_path))}: {e.message[:200]}: '
                       f'{json.dumps(o)[:300]}')


class Workdir:
    """A scratch directory, removed afterwards."""

    def __init__(self):
        self.path = tempfile.mkdtemp(prefix='sysray-json-')

    def file(self, name):
        return os.path.join(self.path, name)

    def remove(self):
        shutil.rmtree(self.path, ignore_errors=True)


def corpus_script(w, real=True, progs=None):
    """A shell script running every corpus program (or @progs), bytes no
    name should hold (in paths, buffers and a comm), a killed shell and real
    commands (python3's start-up and a long ls -l, thousands of calls, only
    with the whole corpus)."""
    lines = ['#!/bin/sh', f'd={w.path}']
    for p in progs or corpus():
        lines.append(f'"{prog(p)}" >/dev/null 2>&1')
    lines += [
        # a path of control characters, invalid UTF-8, quotes and backslashes
        r'''p="$d/$(printf 'x\001\377\376"\\q\nz\303(')"''',
        'echo hostile > "$p"; cat "$p" >/dev/null; rm -f "$p"',
        # a command whose comm is not UTF-8
        r'''c="$d/$(printf 'c\377\001"')"; cp /bin/true "$c"; "$c"; rm -f "$c"''',
        "sh -c 'kill -9 $$'",
    ]
    if real:
        py = '/usr/bin/python3' if os.path.exists('/usr/bin/python3') else 'python3'
        lines += [f'ls -l {"/etc/default" if progs else "/usr/share"} >/dev/null',
                  'cat /etc/passwd >/dev/null',
                  "printf 'a\\nb\\n' | tr a-z A-Z | sort -r >/dev/null"]
        if not progs:
            lines.append(f'{py} -c "import json" >/dev/null')
    script = w.file('corpus.sh')
    with open(script, 'w') as f:
        f.write('\n'.join(lines) + '\n')
    os.chmod(script, 0o755)
    return script


def json_run(w, extra, cmd, name='out.jsonl'):
    out = w.file(name)
    st, _, err = sysray(['--json', '-o', out] + extra + ['--'] + cmd)
    return st, parse_jsonl(read_lines(out)), err


def count_types(objs):
    return collections.Counter(o['type'] for o in objs)


# ---------------------------------------------------------------------------
# Schema


def bad_objects(good):
    """Variations of a good syscall object the schema must reject."""
    bad = []

    def variant(f):
        o = json.loads(json.dumps(good))
        f(o)
        bad.append(o)
    variant(lambda o: o.pop('name'))
    variant(lambda o: o.update(type='syscal'))
    variant(lambda o: o.update(pid='1'))
    variant(lambda o: o.update(extra=1))
    variant(lambda o: o.update(status='weird'))
    variant(lambda o: o['args'].append({'text': 'x'}))
    variant(lambda o: o['args'].append({'text': 'x', 'value': {'_0': 1}}))
    variant(lambda o: o['args'].append({'text': 'x', 'value': {'base64': '!!', 'truncated': 1}}))
    variant(lambda o: o['args'].append({'text': 'x', 'value': True}))
    variant(lambda o: o.update(time='yesterday'))
    variant(lambda o: o.update(status='noreturn'))  # with a return value
    return bad


def schema_rejects_bad(objs):
    v, _ = validator()
    good = next(o for o in objs if o['type'] == 'syscall' and o['status'] == 'ok')
    for i, o in enumerate(bad_objects(good)):
        check(not v.is_valid(o), f'the schema accepts bad variation {i}: {json.dumps(o)[:200]}')


def every_line_validates(progs):
    w = Workdir()
    try:
        script = corpus_script(w, progs=progs)
        st, objs, err = json_run(w, ['-f', '-yy', '-v', '-s', '100'], [script])
        check(st == 0, f'status {st}: {err[-300:]}')
        validate(objs, '-yy -v -s 100')
        schema_rejects_bad(objs)
        types = count_types(objs)
        for t in ('syscall', 'signal', 'exit', 'killed', 'superseded'):
            check(types[t], f'no {t} event in {dict(types)}')
        # a live trace names every task's process, time and cgroup
        tasks = [o for o in objs if 'pid' in o]
        lacking = [o for o in tasks if not ('comm' in o and 'time' in o and 'cgroup' in o)]
        check(not lacking, f'an event without comm, time or cgroup: {lacking[:1]}')
        check(any(o.get('comm') == 'c\ufffd\x01"' for o in objs),
              'the comm that is not UTF-8 is missing or not spelled with U+FFFD')
        hostile = [a for o in objs if o['type'] == 'syscall' and o['name'] == 'openat'
                   for a in o['args'] if 'x\\1\\377\\376\\"\\\\q\\nz\\303(' in a['text']]
        check(hostile, 'no openat of the hostile path')
        check(all(a['value'] == {'base64': base64.b64encode(
            w.path.encode() + b'/x\x01\xff\xfe"\\q\nz\xc3(').decode(), 'truncated': False}
            for a in hostile), f'hostile path value: {hostile[0]}')
        st, objs, err = json_run(w, ['-f', '-Y', '--absolute-paths', '-s', '8'], [script],
                                 'out2.jsonl')
        check(st == 0, f'status {st}: {err[-300:]}')
        validate(objs, '-Y --absolute-paths -s 8')
        check(any(isinstance(a['value'], dict) and 'truncated' in a['value']
                  for o in objs if o['type'] == 'syscall' for a in o['args']),
              'nothing cut at -s 8')
    finally:
        w.remove()


@test
def json_every_line_validates():
    """A few programs (SHORT_PROGS), hostile bytes, a kill and real commands
    with -yy -v -s 100, then with -Y --absolute-paths -s 8: every line is
    schema-valid JSON, and the schema rejects objects known to be wrong."""
    every_line_validates(SHORT_PROGS)


@full_test
def json_every_line_validates_corpus():
    """The same over every corpus program."""
    every_line_validates(None)


@test
def json_losses_and_ia32():
    """A ring buffer far too small: lost events are schema-valid, have times,
    and add up to the total on stderr; an ia32 task's personality event."""
    w = Workdir()
    try:
        for n in (20000, 200000, 2000000):
            st, objs, err = json_run(w, ['-b', '8K', '--backlog=0'],
                                     [prog('busy'), '/dev/null', str(n)])
            m = re.search(r'sysray: (\d+) events lost', err)
            if m:
                break
        check(m, 'nothing lost with -b 8K: ' + err[-300:])
        validate(objs, '-b 8K')
        lost = [o for o in objs if o['type'] == 'lost']
        check(sum(o['count'] for o in lost) == int(m.group(1)),
              f'lost counts {sum(o["count"] for o in lost)} != {m.group(1)} on stderr')
        check(all('ts' in o and 'time' in o for o in lost[:-1]), 'a loss in the stream without ts')
        exe = w.file('hello32')
        src = os.path.join(ROOT, 'tests', 'progs32', 'hello32.c')
        p = subprocess.run(['gcc', '-m32', '-nostdlib', '-static', '-O1', '-fno-pie', '-no-pie',
                            src, '-o', exe], capture_output=True, text=True)
        if p.returncode:
            raise Skip('gcc cannot build an ia32 program here (losses checked): ' +
                       p.stderr.strip()[:100])
        try:
            subprocess.run([exe], capture_output=True, timeout=30)
        except OSError as e:
            raise Skip('this kernel does not run ia32 programs (losses checked): ' + str(e)[:80])
        st, objs, err = json_run(w, [], [exe], 'ia32.jsonl')
        validate(objs, 'ia32')
        pers = [o for o in objs if o['type'] == 'personality']
        check(len(pers) == 1 and pers[0]['abi'] == 'i386', f'personality events: {pers}')
        calls = [o['name'] for o in objs if o['type'] == 'syscall']
        check(calls == ['execve', 'write', 'exit'], f'ia32 calls {calls}')
    finally:
        w.remove()


@test
def json_container_fields():
    """A task in a container's cgroup: "cgroup" is its path and "container"
    the full id the path names."""
    root = cgroup2_root()
    if not root:
        raise Skip('no cgroup v2 hierarchy is mounted')
    cid = '5e1f' * 16
    rel = f'sysray-json-test/docker-{cid}.scope'
    path = os.path.join(root, rel)
    w = Workdir()
    try:
        os.makedirs(path, exist_ok=True)
        # the program moves itself into the cgroup, then runs
        st, objs, err = json_run(w, [], ['/bin/sh', '-c', 'echo $$ > "$0"/cgroup.procs && '
                                         'exec "$1" 2>/dev/null', path, prog('demo')])
        check(st == 1, f'status {st}: {err[-300:]}')
        validate(objs, 'container')
        inside = [o for o in objs if o.get('comm') == 'demo']
        check(inside, 'no event of demo')
        check(all(o.get('cgroup') == '/' + rel and o.get('container') == cid for o in inside),
              f'cgroup/container fields: {[(o.get("cgroup"), o.get("container")) for o in inside][:3]}')
    finally:
        w.remove()
        for d in (path, os.path.dirname(path)):
            try:
                os.rmdir(d)
            except OSError:
                pass


# ---------------------------------------------------------------------------
# Round trip: the JSON against the text of the same recording


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


# ---------------------------------------------------------------------------
# --timeline: the Chrome trace-event format

# Fields each phase must have (beyond ph, pid, tid and name), with their types.
NUM = (int, decimal.Decimal)
PHASE_FIELDS = {
    'M': {'args': dict},
    'X': {'ts': NUM, 'dur': NUM, 'cat': str, 'args': dict},
    'i': {'ts': NUM, 's': str, 'cat': str, 'args': dict},
    's': {'ts': NUM, 'id': int, 'cat': str},
    'f': {'ts': NUM, 'id': int, 'cat': str, 'bp': str},
}


def trace_events(path):
    """The events of a trace-event file (array or object form), times exact."""
    with open(path, 'rb') as f:
        data = f.read()
    try:
        doc = json.loads(data.decode('utf-8'), parse_float=decimal.Decimal)
    except (UnicodeDecodeError, ValueError) as e:
        raise Fail(f'{path} is not a UTF-8 JSON document: {e}')
    events = doc['traceEvents'] if isinstance(doc, dict) else doc
    check(isinstance(events, list) and events, 'no trace events')
    return events


def check_fields(events):
    for e in events:
        check(isinstance(e, dict), f'an event is not an object: {e!r:.100}')
        for k, t in (('ph', str), ('pid', int), ('tid', int), ('name', str)):
            check(isinstance(e.get(k), t), f'field {k} missing or not {t.__name__}: {e!r:.300}')
        spec = PHASE_FIELDS.get(e['ph'])
        check(spec is not None, f'unexpected phase {e["ph"]}: {e!r:.200}')
        for k, t in spec.items():
            check(isinstance(e.get(k), t), f'{e["ph"]} event without {k}: {e!r:.300}')
        if 'ts' in e:
            check(e['ts'] >= 0, f'negative ts: {e!r:.200}')
        if e['ph'] == 'X':
            check(e['dur'] >= 0, f'negative dur: {e!r:.200}')
        if e['ph'] == 'i':
            check(e['s'] in ('t', 'p', 'g'), f'instant scope {e["s"]}')
        if e['ph'] == 'f':
            check(e['bp'] == 'e', f'flow end binding {e["bp"]}')
        if e['ph'] == 'M':
            check(e['name'] in ('process_name', 'thread_name') and
                  isinstance(e['args'].get('name'), str), f'metadata: {e!r:.200}')


def check_tracks(events):
    """Per track (pid, tid): times never go back, slices nest or follow each
    other (none ends inside another), every thread has a name."""
    last, stack, named = {}, collections.defaultdict(list), set()
    for e in events:
        track = (e['pid'], e['tid'])
        if e['ph'] == 'M':
            if e['name'] == 'thread_name':
                named.add(track)
            continue
        check(e['ts'] >= last.get(track, 0), f'track {track}: ts {e["ts"]} after '
              f'{last.get(track)}: {e["name"][:100]}')
        last[track] = e['ts']
        if e['ph'] != 'X':
            continue
        st = stack[track]
        while st and e['ts'] >= st[-1][0]:
            st.pop()
        end = e['ts'] + e['dur']
        check(not st or end <= st[-1][0], f'track {track}: slice {e["name"][:80]} '
              f'[{e["ts"]}, {end}] overlaps the end of an enclosing slice at {st[-1][0] if st else 0}')
        st.append((end, e['name']))
    unnamed = sorted(t for t in last if t not in named and t != (0, 0))
    check(not unnamed, f'tracks without a thread_name: {unnamed[:5]}')


def check_flows(events):
    """Each fork flow starts once, ends once on the child's track, in order,
    at the child's first slice."""
    starts, ends = {}, {}
    first_slice = {}
    for e in events:
        if e['ph'] == 'X':
            first_slice.setdefault(e['tid'], e['ts'])
        elif e['ph'] in ('s', 'f'):
            d = starts if e['ph'] == 's' else ends
            check(e['id'] not in d, f'flow {e["id"]}: two {e["ph"]} events')
            d[e['id']] = e
    check(starts, 'no fork flow')
    check(set(ends) <= set(starts), f'flows ending without a start: {sorted(set(ends) - set(starts))[:5]}')
    for i, f in ends.items():
        s = starts[i]
        check(s['tid'] != f['tid'] and s['ts'] <= f['ts'], f'flow {i}: {s} -> {f}')
        check(first_slice.get(f['tid']) == f['ts'], f'flow {i} does not end at its '
              f"child's first slice: {f}")
    return len(starts), len(ends)


def strip_time(o):
    o = dict(o)
    o.pop('time', None)
    return json.dumps(o, sort_keys=True)


def timeline_format(progs, min_events):
    w = Workdir()
    try:
        script = corpus_script(w, real=False, progs=progs)
        tl = w.file('tl.json')
        st, objs, err = json_run(w, ['-f', '--timeline', tl], [script])
        # the script's last command is a shell killing itself
        check(st == 137, f'status {st}: {err[-300:]}')
        events = trace_events(tl)
        check_fields(events)
        check_tracks(events)
        nflows, nends = check_flows(events)
        check(nends, f'{nflows} fork flows, none ends')
        # each slice or instant carries its JSON event (same but for the
        # wall-clock "time", computed by each sink); the same events per thread
        timeline = collections.defaultdict(list)
        for e in events:
            if e['ph'] in ('X', 'i') and e['cat'] != 'lost':
                # (a thread's execve: its slice on its track, its "tid" the leader's)
                timeline[e['args']['tid']].append(strip_time(json.loads(json.dumps(e['args'], default=str))))
                if e['ph'] == 'X':
                    check(e['args']['type'] == 'syscall' and call_line_ok(e['args'], e['name']),
                          f'slice name is not its line: {e["name"][:200]}')
                    check(int(e['ts'] * 1000) == e['args']['ts'], f'slice ts {e["ts"]} is not '
                          f'the call\'s {e["args"]["ts"]}')
        jl = collections.defaultdict(list)
        for o in objs:
            if o['type'] not in ('lost', 'personality'):
                jl[o['tid']].append(strip_time(o))
        check(sorted(jl) == sorted(timeline), f'threads differ: {sorted(jl)[:5]} vs '
              f'{sorted(timeline)[:5]}')
        for tid in jl:
            check(sorted(jl[tid]) == sorted(timeline[tid]),
                  f'tid {tid}: the timeline\'s events differ from the JSON Lines: '
                  f'{sorted(set(jl[tid]) ^ set(timeline[tid]))[:2]}')
        n = sum(map(len, jl.values()))
        check(n > min_events, f'{n} events, expected over {min_events}')
    finally:
        w.remove()


@test
def timeline_trace_event_format():
    """--timeline with --json of the same run (a few programs: forks, threads,
    signals, a kill): required fields per phase, per-track order and nesting,
    fork flows, and per thread the same events as the JSON Lines (each slice
    named by its call's strace line)."""
    timeline_format(SHORT_PROGS, 300)


@full_test
def timeline_trace_event_format_corpus():
    """The same over every corpus program."""
    timeline_format(None, 1000)
