#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""make bench: sysray's cost, side by side with its alternatives, two ways.

For each workload and each of several rounds, the workload runs untraced,
under empty BPF programs on the same tracepoints (the floor any BPF tracer
pays), under `sysray -o FILE -- CMD` (every syscall printed), under a
whole-host sysray printing the workload's cgroup, under whole-host sysrays
that filter the workload out (by cgroup, by --comm), under `sysray -e
trace=%network -- CMD` (launched, every call excluded), under `sysray -c`
(counting in the kernel, no record per call), under strace -f and under
perf trace, and optionally under `perf trace -s` (its summary; with
`--bpf-summary` where perf has it, 6.15 and later) and under `sysray -c` of
another build (--baseline BIN: before and after a change). Modes run in a
rotating order within a round, so a noisy
moment hits them alike; every time is divided by the untraced time of the
same round, and the tables show the median of those ratios.

Each run is timed three ways at once:
- the workload alone: scripts/bench/timeit.c starts counting when it forks
  the workload and stops when the workload ends, so a tracer's start-up and
  its final drain are not counted;
- the workload's CPU time (timeit: user and system time of the workload
  and the children it waited for): what the tracer's hooks cost the traced
  program, which other load on the machine changes much less than wall
  time (a consumer that falls behind costs the workload nothing here);
- the whole command, as a user runs it (`time sysray -o FILE -- CMD`): from
  before the tracer starts to after it exits. Whole-host modes run in the
  background, started before: there the whole command is the workload's.
The /bin/true workload is start-up alone.

Also: events and losses, sysray's peak RSS and CPU (sysray -d), where its
start-up goes (-d), the BPF programs' cost per call (kernel.bpf_stats_enabled),
and the consumer's throughput formatting a recorded stream on one core, as
text and as --json.

usage: bench.py [--rounds N] [--quick] [--only W1,W2] [--modes M1,M2] [--baseline BIN]
                [--out FILE]
"""

import argparse
import functools
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, 'tests', 'integration'))
from common import cgroup2_root, wait_tracing  # noqa: E402
OUT = os.path.join(ROOT, '.output')
BENCH = os.path.join(OUT, 'bench')
SYSRAY = os.path.join(ROOT, 'sysray')
LOOP = os.path.join(BENCH, 'loop')
TIMEIT = os.path.join(BENCH, 'timeit')
EMPTY = os.path.join(BENCH, 'empty')
# launched: the tracer runs the workload; whole host: it runs in the background
LAUNCHED = ['sysray', 'excluded', 'count', 'strace', 'perf', 'bigbuf', 'perfsum', 'basecount',
            'json', 'basejson', 'ttT']
BACKGROUND = ['empty', 'host', 'cgroup', 'comm']
MODES = ['untraced', 'empty', 'sysray', 'host', 'cgroup', 'comm', 'excluded', 'count', 'strace',
         'perf']
# sysray -o with a ring buffer large enough for the loops' bursts; perf trace's
# summary; -c of the --baseline build; sysray -o as --json and as -tt -T (the
# issue's "within 10% of the plain text run": the ratio to sysray -o is printed);
# --json of the --baseline build (a before and after)
OPTIONAL = ['bigbuf', 'perfsum', 'basecount', 'json', 'basejson', 'ttT']
BIGBUF = '512M'
# a task name no workload has, for --comm
PROBE_COMM = 'srbenchprobe'


def workloads(quick, tmp):
    """name -> argv; sizes follow the performance issue's table."""
    scale = 10 if quick else 1
    progs = sorted(os.path.join(ROOT, 'tests', 'progs', f) for f in
                   os.listdir(os.path.join(ROOT, 'tests', 'progs')) if f.endswith('.c'))[:5]
    gcc = ' && '.join(f'gcc -O1 -pthread -o {tmp}/p{i} {p}' for i, p in enumerate(progs))
    return {
        'true': ['/bin/true'],
        'getppid': [LOOP, 'getppid', str(1000000 // scale)],
        'rw': [LOOP, 'rw', str(500000 // scale)],
        'openstat': [LOOP, 'openstat', str(100000 // scale)],
        'threads': [LOOP, 'threads', '4', str(250000 // scale)],
        'forkexec': [LOOP, 'forkexec', str(2000 // scale)],
        'gcc': ['/bin/sh', '-c', gcc],
        'tar': ['/bin/sh', '-c', 'tar cf - /usr/include 2>/dev/null | cat > /dev/null'],
    }


def timeit_s(stderr):
    """The workload's wall and CPU seconds from timeit's "timeit NS STATUS
    CPU_NS" line; a workload that did not exit 0 did not do the work being
    timed."""
    m = re.search(r'^timeit (\d+) (-?\d+) (\d+)$', stderr, re.M)
    if not m:
        raise RuntimeError('no timing in output: ' + stderr[-500:])
    status = int(m.group(2))  # a wait status
    if status:
        how = (f'was killed by signal {status & 0x7f}' if status & 0x7f else
               f'exited with {(status >> 8) & 0xff}')
        raise RuntimeError(f'the workload {how}: ' + stderr[-500:])
    return int(m.group(1)) / 1e9, int(m.group(3)) / 1e9


def sysray_stats(stderr):
    st = {}
    m = re.search(r'records emitted (\d+), consumed (\d+), lost (\d+)', stderr)
    if m:
        st['events'], st['lost'] = int(m.group(1)), int(m.group(3))
    m = re.search(r'cpu user ([\d.]+) s, sys ([\d.]+) s, max rss (\d+) KiB; '
                  r'after loading user ([\d.]+) s, sys ([\d.]+) s', stderr)
    if m:
        st['cpu_user'], st['cpu_sys'], st['rss_kib'] = float(m.group(1)), float(m.group(2)), \
            int(m.group(3))
        st['cpu_traced'] = float(m.group(4)) + float(m.group(5))
    m = re.search(r'^sysray: (start-up .*)$', stderr, re.M)
    if m:
        st['startup'] = m.group(1)
    return st


class Background:
    """A tracer running while the workload runs (empty programs, whole-host sysray)."""

    def __init__(self, argv, ready):
        self.p = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.ready = ready
        self.err = ''

    def __enter__(self):
        try:
            self.ready(self.p)
        except BaseException:
            self.p.kill()
            self.p.wait()
            raise
        return self

    def __exit__(self, *exc):
        self.p.send_signal(signal.SIGINT)
        try:
            _, self.err = self.p.communicate(timeout=120)
        except subprocess.TimeoutExpired:
            self.p.kill()
            _, self.err = self.p.communicate()


def wait_line(p):
    if p.stdout.readline().strip() != 'ready':
        raise RuntimeError('empty: ' + p.stderr.read())


def in_cgroup(cg, argv):
    """argv run as a member of cgroup directory cg."""
    return ['/bin/sh', '-c', 'echo $$ > "$0/cgroup.procs" && exec "$@"', cg] + argv


@functools.lru_cache()
def perf_summary_argv():
    """perf trace's summary only, counted in BPF where this perf can."""
    try:
        h = subprocess.run(['perf', 'trace', '-h'], capture_output=True, text=True)
    except OSError:
        return ['perf', 'trace', '-s']
    bpf = ['--bpf-summary'] if '--bpf-summary' in h.stdout + h.stderr else []
    return ['perf', 'trace', '-s'] + bpf


class Runner:
    def __init__(self, tmp, cg_probe, cg_work, baseline=None):
        self.tmp = tmp
        self.baseline = baseline  # another sysray binary, for basecount
        self.out = os.path.join(tmp, 'trace.txt')
        self.cg_probe = cg_probe  # only the filtered-out sysray's probe is in it
        self.cg_work = cg_work  # the workloads run in it
        self.probe_exe = os.path.join(tmp, PROBE_COMM)
        shutil.copy('/bin/true', self.probe_exe)

    def run(self, mode, argv):
        """Run argv under mode; return ((workload s, its CPU s), whole command s,
        sysray stats)."""
        cmd = in_cgroup(self.cg_work, [TIMEIT] + argv)
        if mode == 'untraced':
            return self.timed(cmd) + ({},)
        if mode in BACKGROUND:
            return self.background(mode, cmd)
        tracer = {
            'sysray': [SYSRAY, '-d', '-o', self.out, '--'],
            'bigbuf': [SYSRAY, '-d', '-b', BIGBUF, '-o', self.out, '--'],
            'count': [SYSRAY, '-d', '-c', '-o', self.out, '--'],
            'basecount': [self.baseline, '-d', '-c', '-o', self.out, '--'],
            'perfsum': perf_summary_argv() + ['-o', self.out, '--'],
            'excluded': [SYSRAY, '-d', '-e', 'trace=%network', '-o', self.out, '--'],
            'json': [SYSRAY, '-d', '--json', '-o', self.out, '--'],
            'basejson': [self.baseline, '-d', '--json', '-o', self.out, '--'],
            'ttT': [SYSRAY, '-d', '-tt', '-T', '-o', self.out, '--'],
            'strace': ['strace', '-f', '-o', self.out, '--'],
            'perf': ['perf', 'trace', '-o', self.out, '--'],
        }[mode]
        t0 = time.perf_counter()
        p = subprocess.run(tracer + cmd, capture_output=True, text=True)
        whole = time.perf_counter() - t0
        st = sysray_stats(p.stderr) if tracer[0] in (SYSRAY, self.baseline) else {}
        return timeit_s(p.stderr), whole, st

    def timed(self, cmd):
        t0 = time.perf_counter()
        p = subprocess.run(cmd, capture_output=True, text=True)
        whole = time.perf_counter() - t0
        return timeit_s(p.stderr), whole

    def background(self, mode, cmd):
        if mode == 'empty':
            bg = Background([EMPTY], wait_line)
        else:
            open(self.out, 'w').close()
            sel, probe = {
                # whole host, printing the workload's cgroup
                'host': (['--cgroup', self.cg_work], in_cgroup(self.cg_work, ['/bin/true'])),
                # whole host, the workload filtered out: another cgroup, another name
                'cgroup': (['--cgroup', self.cg_probe],
                           in_cgroup(self.cg_probe, ['/bin/true'])),
                'comm': (['--comm', PROBE_COMM], [self.probe_exe]),
            }[mode]
            bg = Background([SYSRAY, '-d', '-o', self.out] + sel,
                            lambda p: wait_tracing(p, self.out, lambda: subprocess.run(probe)))
        with bg:
            t = self.timed(cmd)
        return t + (sysray_stats(bg.err) if mode != 'empty' else {},)


def prog_ids():
    show = subprocess.run(['bpftool', 'prog', 'show', '-j'], capture_output=True, text=True)
    return {p['id']: p for p in json.loads(show.stdout or '[]')}


def own_prog_ids(pid):
    """The ids of the BPF programs process pid holds (its fds' fdinfo):
    other tracers on the host load programs of the same names."""
    ids = set()
    fdinfo = f'/proc/{pid}/fdinfo'
    try:
        fds = os.listdir(fdinfo)
    except OSError:
        return ids
    for fd in fds:
        try:
            with open(os.path.join(fdinfo, fd)) as f:
                ids.update(int(m) for m in re.findall(r'^prog_id:\s*(\d+)', f.read(), re.M))
        except (OSError, ValueError):
            pass
    return ids


def bpf_cost(argv, tmp, head=None):
    """ns per run of sys_enter and sys_exit over one traced run of argv
    under head (default: sysray printing every call)."""
    out = os.path.join(tmp, 'cost.txt')
    errfile = os.path.join(tmp, 'cost.err')
    subprocess.run(['sysctl', '-qw', 'kernel.bpf_stats_enabled=1'])
    try:
        with open(errfile, 'w') as ef:
            p = subprocess.Popen((head or [SYSRAY]) + ['-o', out, '--', '/bin/sh', '-c',
                                  'sleep 0.5; "$0" "$@" || exit; sleep 0.5'] + [TIMEIT] + argv,
                                 stderr=ef)
        costs = {}
        while p.poll() is None:
            mine = own_prog_ids(p.pid)
            for pid, prog in prog_ids().items():
                name = prog.get('name')
                if pid in mine and name in ('sys_enter', 'sys_exit', 'sys_exit_fdi') \
                        and prog.get('run_cnt'):
                    costs[name.replace('_fdi', '')] = prog['run_time_ns'] / prog['run_cnt']
            time.sleep(0.2)
        if p.returncode:
            with open(errfile, errors='replace') as f:
                raise RuntimeError(f'bpf cost run: exit status {p.returncode}: ' +
                                   f.read()[-500:])
        return costs
    finally:
        subprocess.run(['sysctl', '-qw', 'kernel.bpf_stats_enabled=0'])


def consumer_rates(tmp, scale):
    """Lines per second formatting recorded streams on one core, as text and as
    --json (the same recording replayed both ways, alternately, 5 times each;
    medians): 1M getppid (short lines) and 100k open/fstat/close (paths and
    structs), each divided by scale."""
    rates = {}
    for w, n in (('getppid', 1000000 // scale), ('openstat', 100000 // scale)):
        rec = os.path.join(tmp, 'rec.bin')
        subprocess.run([SYSRAY, '-b', '512M', '--record', rec, '--', LOOP, w, str(n)],
                       check=True, stdout=subprocess.DEVNULL)
        lines = {}
        times = {'text': [], 'json': []}
        for fmt, extra in (('text', []), ('json', ['--json'])) * 5:
            out = os.path.join(tmp, 'replay.out')
            t0 = time.perf_counter()
            subprocess.run([SYSRAY, '--replay', rec, '-o', out] + extra, check=True)
            times[fmt].append(time.perf_counter() - t0)
            with open(out, 'rb') as f:
                lines[fmt] = sum(1 for _ in f)
            os.unlink(out)
        os.unlink(rec)
        rates[w] = {fmt: lines[fmt] / statistics.median(times[fmt]) for fmt in times}
    return rates


def fmt_rates(rates):
    return '; '.join(f"{w}: text {r['text'] / 1e6:.2f} M lines/s, --json {r['json'] / 1e6:.2f} M "
                     f"lines/s ({r['text'] / r['json']:.2f}x the time per line)"
                     for w, r in rates.items())


def whole_host_rss(tmp):
    """Peak RSS of sysray tracing the whole host while tar runs."""
    out = os.path.join(tmp, 'host.txt')
    open(out, 'w').close()
    bg = Background([SYSRAY, '-d', '-o', out], lambda p: wait_tracing(p, out))
    with bg:
        subprocess.run(['/bin/sh', '-c', 'tar cf - /usr/include 2>/dev/null | cat > /dev/null'])
    return sysray_stats(bg.err)


def fmt_ratio(v):
    return '-' if v is None else (f'{v:.2f}x' if v < 10 else f'{v:.0f}x')


def ratios(runs, num, den):
    """Per round, num's time / den's time (paired in the same round)."""
    if not runs.get(num) or not runs.get(den):
        return []
    return [a / b for a, b in zip(runs[num], runs[den])]


def median_ratio(runs, num, den):
    r = ratios(runs, num, den)
    return statistics.median(r) if r else None


def added_ms(runs, mode):
    """Median over rounds of the time mode adds to the untraced run, in ms."""
    if not runs.get(mode):
        return None
    return statistics.median((a - b) * 1000 for a, b in zip(runs[mode], runs['untraced']))


def fmt_added(v):
    return '-' if v is None else f'+{v:.0f} ms' if v >= 9.5 else f'+{v:.1f} ms'


def whole_table(res, modes):
    """What a user feels: the whole command, ratios to the untraced command."""
    cols = [m for m in ['sysray', 'json', 'basejson', 'ttT', 'excluded', 'count', 'basecount',
                        'host', 'strace', 'perf', 'perfsum'] if m in modes]
    name = {'sysray': 'sysray -o FILE -- CMD', 'excluded': 'sysray -e trace=%network -- CMD',
            'count': 'sysray -c -- CMD', 'basecount': 'sysray -c -- CMD (--baseline)',
            'host': 'whole-host sysray printing its cgroup', 'strace': 'strace -f -o FILE',
            'perf': 'perf trace -o FILE', 'perfsum': ' '.join(perf_summary_argv()),
            'json': 'sysray --json -o FILE -- CMD', 'ttT': 'sysray -tt -T -o FILE -- CMD',
            'basejson': 'sysray --json -o FILE -- CMD (--baseline)'}
    lines = ['| workload | untraced | ' + ' | '.join(name[m] for m in cols) + ' |',
             '|---|---|' + '---|' * len(cols)]
    for w, r in res.items():
        runs = r['whole']
        base = statistics.median(runs['untraced']) * 1000
        if w == 'true':
            cells = [fmt_added(added_ms(runs, m)) for m in cols]
        else:
            cells = [fmt_ratio(median_ratio(runs, m, 'untraced')) for m in cols]
        lines.append(f'| {w} | {base:.1f} ms | ' + ' | '.join(cells) + ' |')
    return '\n'.join(lines)


def workload_table(res, modes, stats, costs, key='work'):
    """The workload alone (tracers already running), with sysray's own
    figures; key 'cpu': the workload's CPU time instead of its wall time."""
    cols = [m for m in MODES[1:] + OPTIONAL if m in modes]
    name = {'empty': 'empty BPF', 'sysray': 'sysray -o', 'host': 'whole host, its cgroup',
            'cgroup': 'filtered out: cgroup', 'comm': 'filtered out: comm',
            'excluded': 'excluded by -e', 'strace': 'strace -f', 'perf': 'perf trace',
            'count': 'sysray -c', 'bigbuf': 'sysray -o -b ' + BIGBUF,
            'perfsum': ' '.join(perf_summary_argv()), 'basecount': 'sysray -c (--baseline)',
            'json': 'sysray --json -o', 'ttT': 'sysray -tt -T -o',
            'basejson': 'sysray --json -o (--baseline)'}
    # the issue's -c target is a ratio to the empty programs' ratio
    filt = [m for m in ('cgroup', 'comm', 'excluded', 'count', 'basecount') if m in modes]
    filt = filt if 'empty' in modes else []
    own = key == 'work'  # sysray's own figures, once
    lines = ['| workload | untraced | ' + ' | '.join(name[m] for m in cols) +
             (' | filtered out or counting vs empty BPF (' + ', '.join(filt) +
              '): median, worst round' if filt else '') +
             (' | events | lost | peak RSS | BPF ns/call (enter, exit; -c: count, basecount)'
              if own else '') + ' |',
             '|---|---|' + '---|' * len(cols) + ('---|' if filt else '') +
             ('---|---|---|---|' if own else '')]
    for w, r in res.items():
        if w == 'true':
            continue
        runs = r[key]
        base = statistics.median(runs['untraced']) * 1000
        cells = [fmt_ratio(median_ratio(runs, m, 'untraced')) for m in cols]
        if filt:
            cost = []
            for m in filt:
                rr = ratios(runs, m, 'empty')
                cost.append(f'{statistics.median(rr):.2f}x/{max(rr):.2f}x' if rr else '-')
            cells.append(', '.join(cost))
        if own:
            s = stats.get(w, {})
            c = costs.get(w, {})
            cells += [str(s.get('events', '-')), str(s.get('lost', '-')),
                      f"{s.get('rss_kib', 0) // 1024} MiB",
                      cost_cell(c)]
        lines.append(f'| {w} | {base:.0f} ms | ' + ' | '.join(cells) + ' |')
    return '\n'.join(lines)


def outputs_line(res, modes):
    """--json and -tt -T against sysray -o: per-round ratios, median and worst."""
    alt = [m for m in ('json', 'basejson', 'ttT') if m in modes]
    if not alt or 'sysray' not in modes:
        return ''
    name = {'json': '--json', 'basejson': '--json (--baseline)', 'ttT': '-tt -T'}
    cells = []
    for w, r in res.items():
        if w == 'true':
            continue
        part = []
        for m in alt:
            whole = ratios(r['whole'], m, 'sysray')
            work = ratios(r['work'], m, 'sysray')
            part.append(f'{name[m]} {statistics.median(whole):.2f}x/{max(whole):.2f}x '
                        f'(workload alone {statistics.median(work):.2f}x)')
        cells.append(f'{w}: ' + ', '.join(part))
    if not cells:
        return ''
    return ('Against sysray -o, whole command, median/worst round (target: within 1.10x): ' +
            '; '.join(cells) + '.')


def cost_cell(c):
    """sys_enter, sys_exit ns per run: printing; then -c's and the baseline's, if run."""
    def pair(d):
        return f"{d.get('sys_enter', 0):.0f}, {d.get('sys_exit', 0):.0f}"
    extra = [f'{m} {pair(c[m])}' for m in ('count', 'basecount') if m in c]
    return '; '.join([pair(c)] + extra)


def keep_stats(stats, w, st):
    """The run that lost most (else the last), and the largest RSS seen."""
    old = stats.get(w)
    rss = max(st.get('rss_kib', 0), old.get('rss_kib', 0) if old else 0)
    if not old or st.get('lost', 0) >= old.get('lost', 0):
        stats[w] = dict(st)
    stats[w]['rss_kib'] = rss


def parse_args():
    ap = argparse.ArgumentParser()
    ap.add_argument('--rounds', type=int, default=5)
    ap.add_argument('--quick', action='store_true', help='a tenth of the work, 2 rounds')
    ap.add_argument('--only', help='comma-separated workloads')
    ap.add_argument('--modes', default=','.join(MODES),
                    help='comma-separated, of ' + ', '.join(MODES + OPTIONAL) +
                    ' (default: all but ' + ', '.join(OPTIONAL) + '); '
                    'untraced always runs, every ratio is to it')
    ap.add_argument('--baseline', metavar='BIN',
                    help='another sysray binary: adds the basecount mode (its -c) unless '
                    'basejson (its --json) is asked for')
    ap.add_argument('--out', default=os.path.join(OUT, 'bench.md'))
    opts = ap.parse_args()
    modes = list(dict.fromkeys(opts.modes.split(',')))
    unknown = [m for m in modes if m not in MODES + OPTIONAL]
    if unknown:
        ap.error(f'unknown mode {unknown[0]!r}; modes: ' + ', '.join(MODES + OPTIONAL))
    if opts.baseline and 'basecount' not in modes and 'basejson' not in modes:
        modes.append('basecount')
    for m in ('basecount', 'basejson'):
        if m in modes and not (opts.baseline and os.access(opts.baseline, os.X_OK)):
            ap.error(f'mode {m} needs --baseline BIN, an executable sysray')
    if 'untraced' not in modes:
        modes.insert(0, 'untraced')
    opts.modes = modes
    return opts


def check_tools(modes):
    if os.geteuid() != 0:
        sys.exit('bench: run as root (sysray loads BPF programs)')
    for tool in ('strace', 'perf'):
        if (tool in modes or tool + 'sum' in modes) and not shutil.which(tool):
            sys.exit(f'bench: {tool} is missing (make bench installs it)')
    if not os.path.isdir('/sys/kernel/tracing/events'):
        subprocess.run(['mount', '-t', 'tracefs', 'nodev', '/sys/kernel/tracing'])


def run_rounds(runner, wl, modes, rounds):
    res = {w: {k: {m: [] for m in modes} for k in ('work', 'cpu', 'whole')} for w in wl}
    stats, startup = {}, []
    for r in range(rounds):
        for i, (w, argv) in enumerate(wl.items()):
            order = modes[(r + i) % len(modes):] + modes[:(r + i) % len(modes)]
            for m in order:
                (work, cpu), whole, st = runner.run(m, argv)
                res[w]['work'][m].append(work)
                res[w]['cpu'][m].append(cpu)
                res[w]['whole'][m].append(whole)
                if m == 'sysray':
                    keep_stats(stats, w, st)
                    if w == 'true' and 'startup' in st:
                        startup.append((whole, st['startup']))
            print(f'round {r + 1}/{rounds} {w}: ' +
                  ' '.join(f"{m}={res[w]['whole'][m][-1]:.3f}s" for m in modes), flush=True)
    return res, stats, startup


def main():
    # a SIGTERM ends the run like ^C: the cgroups and files are removed
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    opts = parse_args()
    modes = opts.modes
    check_tools(modes)
    rounds = 2 if opts.quick else opts.rounds
    root = cgroup2_root()
    if not root:
        sys.exit('bench: no cgroup v2 hierarchy for the whole-host modes')
    probe = os.path.join(root, 'sysray-bench-probe')
    work = os.path.join(root, 'sysray-bench-work')
    os.makedirs(probe, exist_ok=True)
    os.makedirs(work, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix='sysray-bench-')
    try:
        runner = Runner(tmp, probe, work, opts.baseline)
        wl = workloads(opts.quick, tmp)
        if opts.only:
            wl = {k: v for k, v in wl.items() if k in opts.only.split(',')}
        res, stats, startup = run_rounds(runner, wl, modes, rounds)
        loops = {w: argv for w, argv in wl.items() if w != 'true'}
        costs = {w: bpf_cost(argv, tmp) for w, argv in loops.items()}
        # -c's programs, and the --baseline build's
        for m, head in (('count', [SYSRAY, '-c']), ('basecount', [opts.baseline, '-c'])):
            if m in modes:
                for w, argv in loops.items():
                    costs[w][m] = bpf_cost(argv, tmp, head)
        rates = consumer_rates(tmp, 10 if opts.quick else 1)
        host = whole_host_rss(tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        for cg in (probe, work):
            try:
                os.rmdir(cg)
            except OSError:
                pass
    report = [f'sysray benchmark, {time.strftime("%Y-%m-%d")}, {os.cpu_count()} CPUs, '
              f'kernel {os.uname().release}; median of {rounds} rounds.', '',
              'The whole command, as a user runs it (start-up and final drain included; '
              '/bin/true: the time added to the untraced command):', '',
              whole_table(res, modes), '',
              'The workload alone (the tracer already running; ratios to untraced):', '',
              workload_table(res, modes, stats, costs), '',
              "The workload's CPU time (user and system, its own processes; what the "
              "tracer's hooks cost it, whatever else runs on the machine):", '',
              workload_table(res, modes, stats, costs, 'cpu'), '']
    if outputs_line(res, modes):
        report += [outputs_line(res, modes), '']
    if startup:
        startup.sort()
        report.append('sysray -d on /bin/true, the median run: ' + startup[len(startup) // 2][1])
    report += ['Consumer, formatting a recorded stream on one core (--replay): ' +
               fmt_rates(rates) + '.',
               f"Whole host while tar runs: peak RSS {host.get('rss_kib', 0) // 1024} MiB, "
               f"{host.get('events', '-')} events, {host.get('lost', '-')} lost."]
    text = '\n'.join(report)
    print('\n' + text)
    with open(opts.out, 'w') as f:
        f.write(text + '\n')


if __name__ == '__main__':
    main()
