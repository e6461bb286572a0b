# SPDX-License-Identifier: GPL-2.0
"""--json against docs/sysray-events.schema.json (run by json_suite.py):
every line of varied traces validates, the validator rejects objects known
to be wrong, losses, ia32 and a container's cgroup.
"""

import base64
import json
import os
import re
import subprocess

from common import Skip, cgroup2_root, check
from harness import ROOT, prog, registry
from json_common import (SHORT_PROGS, Workdir, corpus_script, count_types, json_run, validate,
                         validator)

TESTS, test = registry()
FULL_TESTS, full_test = registry()


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
