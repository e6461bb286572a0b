#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""The consumer's formatting cost per line: `make bench-format`.

Records two loops once (1M getppid: short lines; 100k open/fstat/close/
failing open: paths, structs, flags, an error), each twice: as `sysray
--record` does by default, and with -T, which makes the kernel send every
call's entry too (without -T the calls that never block come whole at exit,
with no duration to print). Then replays the recordings (`--replay`:
pairing and formatting, no kernel side): the plain one as text and as
--json, the -T one as text ("text-T") and as -r -T, the configurations
alternating within each round (the order reversed every other round, so a
noisy moment hits them alike). Each replay is timed by the CPU time (user +
system) `wait4()` reports for it, not wall time: the machine may be shared.
Prints ns per line (medians over the rounds) and the ratios: --json against
text, -r -T against text-T (the same stream: formatting alone) and against
text (what -r -T costs a user, its extra entry records included), each the
median of the per-round ratios (both runs of a ratio are neighbours in
time).

--instructions counts instructions instead (valgrind's callgrind, one
replay per configuration: deterministic, unlike time, but blind to cache
misses and slow instructions); use it with --scale 10.

--against OLD_SYSRAY replays with another build as well, in the same
rotation (before and after a change), and checks that both builds write
the same bytes for every configuration. --perf CONFIG profiles one replay
of each recording with perf and prints the hottest functions.

The output goes to a file (what `-o FILE` pays, the write included) unless
--sink null sends it to /dev/null (formatting alone).

usage: formatting.py [--rounds N] [--scale S] [--configs text,json,text-T,rT]
                     [--sink file|null] [--against BIN] [--recordings DIR]
                     [--instructions] [--perf CONFIG]
"""

import argparse
import filecmp
import os
import re
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SYSRAY = os.path.join(ROOT, 'sysray')
LOOP = os.path.join(ROOT, '.output', 'bench', 'loop')
# name: (replay options, replays the -T recording)
CONFIGS = {'text': ([], False), 'json': (['--json'], False), 'text-T': ([], True),
           'rT': (['-r', '-T'], True)}
# what each configuration is compared with
RATIOS = (('json', 'text'), ('rT', 'text-T'), ('rT', 'text'))
WORKLOADS = (('getppid', 1000000), ('openstat', 100000))


def record(tmp, scale, recdir):
    """The recordings, made with the current build (or found in recdir)."""
    recs = {}
    for w, n in WORKLOADS:
        for t in (False, True):
            path = os.path.join(recdir or tmp, f'{w}-{n // scale}{"-T" if t else ""}.rec')
            if not os.path.exists(path):
                subprocess.run([SYSRAY, '-b', '512M'] + (['-T'] if t else []) +
                               ['--record', path, '--', LOOP, w, str(n // scale)],
                               check=True, stdout=subprocess.DEVNULL)
            recs[(w, t)] = path
    return recs


def replay(binary, rec, extra, out):
    """CPU seconds (user + system) of one replay of @rec into @out."""
    if out != os.devnull and os.path.exists(out):
        os.unlink(out)  # truncating the last output would be charged to the replay
    pid = os.fork()
    if pid == 0:
        try:
            os.execv(binary, [binary, '--replay', rec, '-o', out] + extra)
        finally:
            os._exit(127)
    _, status, ru = os.wait4(pid, 0)
    if os.waitstatus_to_exitcode(status):
        sys.exit(f'{binary} --replay {rec} {" ".join(extra)}: exit status {status}')
    return ru.ru_utime + ru.ru_stime


def count_lines(path):
    with open(path, 'rb') as f:
        return sum(1 for _ in f)


def same_output(builds, rec, extra, tmp):
    """Do all builds write the same bytes replaying @rec with @extra?"""
    outs = []
    for label, binary in builds:
        out = os.path.join(tmp, f'cmp-{label}.out')
        replay(binary, rec, extra, out)
        outs.append(out)
    same = all(filecmp.cmp(outs[0], o, shallow=False) for o in outs[1:])
    lines = count_lines(outs[0])
    for o in outs:
        os.unlink(o)
    return same, lines


def measure(builds, recs, configs, rounds, sink, tmp):
    """{(workload, build, config): [cpu seconds per round]} and the line counts."""
    times, lines = {}, {}
    for w, _ in WORKLOADS:
        for c in configs:
            extra, t = CONFIGS[c]
            same, lines[(w, c)] = same_output(builds, recs[(w, t)], extra, tmp)
            if not same:
                print(f'{w} {c}: the builds write different output', file=sys.stderr)
        runs = [(b, c) for b in builds for c in configs]
        for r in range(rounds):
            for (label, binary), c in (runs if r % 2 == 0 else runs[::-1]):
                extra, t = CONFIGS[c]
                out = os.devnull if sink == 'null' else os.path.join(tmp, 'replay.out')
                times.setdefault((w, label, c), []).append(
                    replay(binary, recs[(w, t)], extra, out))
    return times, lines


def report(builds, configs, times, lines, rounds, sink):
    print(f'Formatting a recorded stream (--replay into {"/dev/null" if sink == "null" else "a file"}'
          f'): CPU time (user + system) per line, ns, medians of {rounds} alternating rounds; '
          f'ratios: medians of the per-round ratios')
    for w, _ in WORKLOADS:
        for label, _ in builds:
            cells = [f'{c} {statistics.median(times[(w, label, c)]) / lines[(w, c)] * 1e9:.0f}'
                     for c in configs]
            for a, b in RATIOS:
                if a in configs and b in configs:
                    ratio = statistics.median(
                        x / y for x, y in zip(times[(w, label, a)], times[(w, label, b)]))
                    cells.append(f'{a}/{b} {ratio:.2f}x')
            print(f'  {w:8s} {label:4s} ' + ', '.join(cells) +
                  f'  [{lines[(w, configs[0])]} lines]')
    if len(builds) > 1:
        for w, _ in WORKLOADS:
            cells = []
            for c in configs:
                new = times[(w, builds[0][0], c)]
                old = times[(w, builds[1][0], c)]
                cells.append(f'{c} {statistics.median(a / b for a, b in zip(new, old)):.2f}x')
            print(f'  {w:8s} {builds[0][0]}/{builds[1][0]}: ' + ', '.join(cells))


def instructions(builds, recs, configs, tmp):
    """Instructions per line, each configuration replayed once under callgrind."""
    print('Instructions per line (callgrind), the whole replay included')
    for w, _ in WORKLOADS:
        for label, binary in builds:
            counts = {}
            for c in configs:
                extra, t = CONFIGS[c]
                p = subprocess.run(['valgrind', '--tool=callgrind', '--callgrind-out-file=' +
                                    os.devnull, binary, '--replay', recs[(w, t)], '-o',
                                    os.devnull] + extra, capture_output=True, text=True)
                m = re.search(r'I\s+refs:\s+([\d,]+)', p.stderr)
                if p.returncode or not m:
                    sys.exit(f'formatting: callgrind failed: {p.stderr[-500:]}')
                out = os.path.join(tmp, 'count.out')
                replay(binary, recs[(w, t)], extra, out)
                counts[c] = int(m.group(1).replace(',', '')) / count_lines(out)
            cells = [f'{c} {n:.0f}' for c, n in counts.items()]
            cells += [f'{a}/{b} {counts[a] / counts[b]:.2f}x' for a, b in RATIOS
                      if a in counts and b in counts]
            print(f'  {w:8s} {label:4s} ' + ', '.join(cells))


def perf(binary, recs, config, tmp, top=30):
    data = os.path.join(tmp, 'perf.data')
    extra, t = CONFIGS[config]
    for w, _ in WORKLOADS:
        rec = recs[(w, t)]
        subprocess.run(['perf', 'record', '-q', '-F', '4999', '-o', data, '--', binary,
                        '--replay', rec, '-o', os.devnull] + extra, check=True)
        rep = subprocess.run(['perf', 'report', '-i', data, '--no-children', '--stdio',
                              '--percent-limit', '0.5', '-g', 'none'],
                             capture_output=True, text=True).stdout
        rows = [ln for ln in rep.splitlines() if ln.strip() and not ln.startswith('#')]
        print(f'{w}, {" ".join(extra) or "text"}: the hottest functions (self time)')
        for ln in rows[:top]:
            print('  ' + ln.strip())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--rounds', type=int, default=7)
    ap.add_argument('--scale', type=int, default=1, help='divide the calls by this')
    ap.add_argument('--configs', default=','.join(CONFIGS))
    ap.add_argument('--sink', choices=('file', 'null'), default='file')
    ap.add_argument('--against', metavar='BIN', help='another build to compare with')
    ap.add_argument('--recordings', metavar='DIR', help='keep (or reuse) the recordings here')
    ap.add_argument('--instructions', action='store_true',
                    help='count instructions (callgrind) instead of timing')
    ap.add_argument('--perf', metavar='CONFIG', choices=list(CONFIGS),
                    help='profile one replay of each recording instead')
    opts = ap.parse_args()
    configs = opts.configs.split(',')
    if any(c not in CONFIGS for c in configs):
        sys.exit(f'formatting: --configs takes {",".join(CONFIGS)}')
    builds = [('new', SYSRAY)] + ([('old', os.path.abspath(opts.against))]
                                  if opts.against else [])
    with tempfile.TemporaryDirectory(prefix='sysray-format-') as tmp:
        recs = record(tmp, opts.scale, opts.recordings)
        if opts.perf:
            perf(SYSRAY, recs, opts.perf, tmp)
            return
        if opts.instructions:
            instructions(builds, recs, configs, tmp)
            return
        times, lines = measure(builds, recs, configs, opts.rounds, opts.sink, tmp)
        report(builds, configs, times, lines, opts.rounds, opts.sink)


if __name__ == '__main__':
    main()
