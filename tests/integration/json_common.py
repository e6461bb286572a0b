# SPDX-License-Identifier: GPL-2.0
"""Helpers of the --json and --timeline tests (json_suite.py): the schema's
validator, JSON Lines read strictly, a scratch directory, a script that
runs the corpus and hostile bytes, one traced run.
"""

import collections
import json
import os
import shutil
import subprocess
import tempfile

from common import Fail
from harness import PROGS, ROOT, SYSRAY, prog

SCHEMA = os.path.join(ROOT, 'docs', 'sysray-events.schema.json')
TABLE = os.path.join(ROOT, 'include', 'sysray', 'syscalls.def')
# Programs of tests/progs that are not corpus programs.
NOT_CORPUS = {'busy', 'filter_target'}
# make test's short runs: a few programs with forks, threads, an exec in a
# thread, signals, fds of every kind and clone (the full corpus takes ~10
# minutes on a loaded machine: make test-json).
SHORT_PROGS = ['demo', 'fork_exit3', 'thread_exec', 'signals', 'fileio', 'fds', 'net_unix',
               'proc_clone', 'strings']


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
