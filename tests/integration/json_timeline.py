# SPDX-License-Identifier: GPL-2.0
"""--timeline (run by json_suite.py): the Chrome trace-event format, per-track
order, nesting of slices, flows from fork to child, and its slices against
the JSON Lines of the same run.
"""

import collections
import decimal
import json

from common import Fail, check
from harness import registry
from json_common import SHORT_PROGS, Workdir, corpus_script, json_run
from json_roundtrip import call_line_ok

TESTS, test = registry()
FULL_TESTS, full_test = registry()

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
