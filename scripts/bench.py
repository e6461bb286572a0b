#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""make bench: sysray's cost, side by side with its alternatives.

For each workload and each of several rounds, the workload runs untraced,
under empty BPF programs on the same tracepoints (the floor any BPF tracer
pays), under sysray writing every syscall to a file (with the default ring
buffer, and with 512M for bursts no consumer keeps up with), under sysray filtering
the workload out (whole host, another cgroup; and the launched workload with
its syscalls excluded by -e trace=%network), under strace -f and under
perf trace. The modes run in a rotating order within a round, so a noisy
moment hits them alike; each mode's time is divided by the untraced time of
the same round, and the table shows the median of those ratios. Times come
from scripts/bench/timeit.c, which starts counting when the workload is
forked: a tracer's own start-up is not counted.

Also: events and losses, sysray's CPU time and peak RSS (from sysray -d),
the BPF programs' cost per call (kernel.bpf_stats_enabled), and the
consumer's throughput formatting a recorded stream on one core.

usage: bench.py [--rounds N] [--quick] [--only W1,W2] [--modes M1,M2] [--out FILE]
"""

import argparse
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
MODES = ['untraced', 'empty', 'sysray', 'bigbuf', 'filtered', 'excluded', 'strace', 'perf']
# bigbuf: sysray -o with a ring buffer large enough for the loops' bursts
BIGBUF = '512M'


def workloads(quick, tmp):
    """name -> argv; sizes follow the performance issue's table."""
    scale = 10 if quick else 1
    progs = sorted(os.path.join(ROOT, 'tests', 'progs', f) for f in
                   os.listdir(os.path.join(ROOT, 'tests', 'progs')) if f.endswith('.c'))[:5]
    gcc = ' && '.join(f'gcc -O1 -pthread -o {tmp}/p{i} {p}' for i, p in enumerate(progs))
    return {
        'getppid': [LOOP, 'getppid', str(1000000 // scale)],
        'rw': [LOOP, 'rw', str(500000 // scale)],
        'openstat': [LOOP, 'openstat', str(100000 // scale)],
        'threads': [LOOP, 'threads', '4', str(250000 // scale)],
        'forkexec': [LOOP, 'forkexec', str(2000 // scale)],
        'gcc': ['/bin/sh', '-c', gcc],
        'tar': ['/bin/sh', '-c', 'tar cf - /usr/include 2>/dev/null | cat > /dev/null'],
    }


def timeit_ns(stderr):
    """The workload's time from timeit's "timeit NS STATUS" line; a
    workload that did not exit 0 did not do the work being timed."""
    m = re.search(r'^timeit (\d+) (-?\d+)$', stderr, re.M)
    if not m:
        raise RuntimeError('no timing in output: ' + stderr[-500:])
    status = int(m.group(2))  # a wait status
    if status:
        how = (f'was killed by signal {status & 0x7f}' if status & 0x7f else
               f'exited with {(status >> 8) & 0xff}')
        raise RuntimeError(f'the workload {how}: ' + stderr[-500:])
    return int(m.group(1))


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
    return st


class Background:
    """A tracer running while the workload runs (empty programs, filtered sysray)."""

    def __init__(self, argv, ready):
        self.p = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.ready = ready

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
            _, self.err = self.p.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            self.p.kill()
            _, self.err = self.p.communicate()


def wait_line(p):
    if p.stdout.readline().strip() != 'ready':
        raise RuntimeError('empty: ' + p.stderr.read())


class Runner:
    def __init__(self, tmp, cg_probe):
        self.tmp = tmp
        # the filtered sysray traces this cgroup, which only its probe is in
        self.cg_probe = cg_probe

    def run(self, mode, argv):
        """Run argv under mode; return (seconds, sysray stats or {})."""
        cmd = [TIMEIT] + argv
        out = os.path.join(self.tmp, 'trace.txt')
        if mode == 'untraced':
            return self.plain(cmd), {}
        if mode == 'empty':
            with Background([EMPTY], wait_line):
                return self.plain(cmd), {}
        if mode == 'filtered':
            return self.filtered(cmd, out)
        if mode in ('sysray', 'bigbuf', 'excluded'):
            sel = {'excluded': ['-e', 'trace=%network'], 'bigbuf': ['-b', BIGBUF]}.get(mode, [])
            p = subprocess.run([SYSRAY, '-d', '-o', out] + sel + ['--'] + cmd,
                               capture_output=True, text=True)
            return timeit_ns(p.stderr) / 1e9, sysray_stats(p.stderr)
        if mode == 'strace':
            p = subprocess.run(['strace', '-f', '-o', out, '--'] + cmd, capture_output=True,
                               text=True)
            return timeit_ns(p.stderr) / 1e9, {}
        if mode == 'perf':
            p = subprocess.run(['perf', 'trace', '-o', out, '--'] + cmd, capture_output=True,
                               text=True)
            return timeit_ns(p.stderr) / 1e9, {}
        raise ValueError(mode)

    def plain(self, cmd):
        p = subprocess.run(cmd, capture_output=True, text=True)
        return timeit_ns(p.stderr) / 1e9

    def filtered(self, cmd, out):
        """Whole host, traced cgroup = a probe cgroup the workload is not in."""
        open(out, 'w').close()
        procs = os.path.join(self.cg_probe, 'cgroup.procs')

        def probe():
            subprocess.run(['/bin/sh', '-c', 'echo $$ > "$0" && exec /bin/true', procs])
        bg = Background([SYSRAY, '-d', '-o', out, '--cgroup', self.cg_probe],
                        lambda p: wait_tracing(p, out, probe))
        with bg:
            t = self.plain(cmd)
        return t, sysray_stats(bg.err)


def bpf_cost(argv, tmp):
    """ns per run of sys_enter and sys_exit over one traced run of argv."""
    out = os.path.join(tmp, 'cost.txt')
    errfile = os.path.join(tmp, 'cost.err')
    subprocess.run(['sysctl', '-qw', 'kernel.bpf_stats_enabled=1'])
    try:
        with open(errfile, 'w') as ef:
            p = subprocess.Popen([SYSRAY, '-o', out, '--', '/bin/sh', '-c',
                                  'sleep 0.5; "$0" "$@" || exit; sleep 0.5'] + [TIMEIT] + argv,
                                 stderr=ef)
        costs = {}
        while p.poll() is None:
            show = subprocess.run(['bpftool', 'prog', 'show', '-j'], capture_output=True,
                                  text=True)
            for prog in json.loads(show.stdout or '[]'):
                if prog.get('name') in ('sys_enter', 'sys_exit') and prog.get('run_cnt'):
                    costs[prog['name']] = prog['run_time_ns'] / prog['run_cnt']
            time.sleep(0.2)
        if p.returncode:
            with open(errfile, errors='replace') as f:
                raise RuntimeError(f'bpf cost run: exit status {p.returncode}: ' +
                                   f.read()[-500:])
        return costs
    finally:
        subprocess.run(['sysctl', '-qw', 'kernel.bpf_stats_enabled=0'])


def consumer_rate(tmp, n):
    """Lines per second formatting a recorded stream of n getppid calls."""
    rec = os.path.join(tmp, 'rec.bin')
    subprocess.run([SYSRAY, '-b', '512M', '--record', rec, '--', LOOP, 'getppid', str(n)],
                   check=True)
    times = []
    for _ in range(5):
        t0 = time.perf_counter()
        subprocess.run([SYSRAY, '--replay', rec, '-o', '/dev/null'], check=True)
        times.append(time.perf_counter() - t0)
    os.unlink(rec)
    return n / statistics.median(times)


def whole_host_rss(tmp):
    """Peak RSS of sysray tracing the whole host while tar runs."""
    out = os.path.join(tmp, 'host.txt')
    open(out, 'w').close()
    bg = Background([SYSRAY, '-d', '-o', out], lambda p: wait_tracing(p, out))
    with bg:
        subprocess.run(['/bin/sh', '-c', 'tar cf - /usr/include 2>/dev/null | cat > /dev/null'])
    return sysray_stats(bg.err)


def startup_cpu(tmp):
    """sysray's CPU time to load, verify and attach its programs (median of 3)."""
    out = os.path.join(tmp, 'startup.txt')
    cpu = []
    for _ in range(3):
        p = subprocess.run([SYSRAY, '-d', '-o', out, '--', '/bin/true'], capture_output=True,
                           text=True)
        st = sysray_stats(p.stderr)
        cpu.append(st.get('cpu_user', 0) + st.get('cpu_sys', 0))
    return statistics.median(cpu)


def fmt_ratio(v):
    return '-' if v is None else (f'{v:.2f}x' if v < 10 else f'{v:.0f}x')


def paired(per_mode, num, den):
    """Median over rounds of num's time / den's time, or None."""
    if not per_mode.get(num) or not per_mode.get(den):
        return None
    return statistics.median(a / b for a, b in zip(per_mode[num], per_mode[den]))


def table(results, stats, costs, big_lost, excluded_records):
    lines = ['| workload | untraced | empty BPF | sysray -o | sysray -o -b ' + BIGBUF + ' (lost) |'
             ' filtered out (cgroup) |'
             ' excluded by -e | strace -f | perf trace | filter cost (cgroup, -e)'
             ' vs empty BPF | events | lost | records with -e excluding all | sysray CPU after loading | sysray peak RSS |'
             ' BPF ns/call (enter, exit) |',
             '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|']
    for w, per_mode in results.items():
        base = per_mode['untraced']
        ratio = {m: paired(per_mode, m, 'untraced') for m in MODES}
        s = stats.get(w, {})
        c = costs.get(w, {})
        cpu = f"{s['cpu_traced']:.2f} s" if 'cpu_traced' in s else '-'
        cost = ', '.join(fmt_ratio(paired(per_mode, m, 'empty')) for m in ('filtered', 'excluded'))
        lines.append(f"| {w} | {statistics.median(base) * 1000:.0f} ms | "
                     f"{fmt_ratio(ratio.get('empty'))} | {fmt_ratio(ratio.get('sysray'))} | "
                     f"{fmt_ratio(ratio.get('bigbuf'))} ({big_lost.get(w, '-')}) | "
                     f"{fmt_ratio(ratio.get('filtered'))} | {fmt_ratio(ratio.get('excluded'))} | "
                     f"{fmt_ratio(ratio.get('strace'))} | {fmt_ratio(ratio.get('perf'))} | "
                     f"{cost} | {s.get('events', '-')} | "
                     f"{s.get('lost', '-')} | {excluded_records.get(w, '-')} | {cpu} | {s.get('rss_kib', 0) // 1024} MiB | "
                     f"{c.get('sys_enter', 0):.0f}, {c.get('sys_exit', 0):.0f} |")
    return '\n'.join(lines)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--rounds', type=int, default=5)
    ap.add_argument('--quick', action='store_true', help='a tenth of the work, 2 rounds')
    ap.add_argument('--only', help='comma-separated workloads')
    ap.add_argument('--modes', default=','.join(MODES),
                    help='comma-separated, of ' + ', '.join(MODES) + ' (default: all); '
                    'untraced always runs, every ratio is to it')
    ap.add_argument('--out', default=os.path.join(OUT, 'bench.md'))
    opts = ap.parse_args()
    modes = list(dict.fromkeys(opts.modes.split(',')))
    unknown = [m for m in modes if m not in MODES]
    if unknown:
        ap.error(f'unknown mode {unknown[0]!r}; modes: ' + ', '.join(MODES))
    if 'untraced' not in modes:
        modes.insert(0, 'untraced')
    if os.geteuid() != 0:
        sys.exit('bench: run as root (sysray loads BPF programs)')
    for tool in ('strace', 'perf'):
        if tool in modes and not shutil.which(tool):
            sys.exit(f'bench: {tool} is missing (make bench installs it)')
    if not os.path.isdir('/sys/kernel/tracing/events'):
        subprocess.run(['mount', '-t', 'tracefs', 'nodev', '/sys/kernel/tracing'])
    rounds = 2 if opts.quick else opts.rounds
    root = cgroup2_root()
    if not root:
        sys.exit('bench: no cgroup v2 hierarchy for the filtered mode')
    probe = os.path.join(root, 'sysray-bench-probe')
    os.makedirs(probe, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix='sysray-bench-')
    runner = Runner(tmp, probe)
    wl = workloads(opts.quick, tmp)
    if opts.only:
        wl = {k: v for k, v in wl.items() if k in opts.only.split(',')}
    results = {w: {m: [] for m in modes} for w in wl}
    stats, costs, excluded_records, big_lost = {}, {}, {}, {}
    try:
        for r in range(rounds):
            for i, (w, argv) in enumerate(wl.items()):
                order = modes[(r + i) % len(modes):] + modes[:(r + i) % len(modes)]
                for m in order:
                    t, st = runner.run(m, argv)
                    results[w][m].append(t)
                    if m == 'sysray':
                        stats[w] = st if not stats.get(w) or st.get('lost', 0) > \
                            stats[w].get('lost', 0) else stats[w]
                    elif m == 'bigbuf':
                        big_lost[w] = max(big_lost.get(w, 0), st.get('lost', 0))
                    elif m == 'excluded':
                        # the most records any round sent: should be a handful
                        prev = excluded_records.get(w, 0)
                        excluded_records[w] = max(prev, st.get('events', 0))
                print(f'round {r + 1}/{rounds} {w}: ' +
                      ' '.join(f'{m}={results[w][m][-1]:.3f}s' for m in modes), flush=True)
        for w, argv in wl.items():
            costs[w] = bpf_cost(argv, tmp)
        rate = consumer_rate(tmp, 100000 if opts.quick else 1000000)
        startup = startup_cpu(tmp)
        host = whole_host_rss(tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        try:
            os.rmdir(probe)
        except OSError:
            pass
    report = [f'sysray benchmark, {time.strftime("%Y-%m-%d")}, {os.cpu_count()} CPUs, '
              f'kernel {os.uname().release}; median of {rounds} rounds, ratios to untraced.',
              '', table(results, stats, costs, big_lost, excluded_records), '',
              f'sysray start-up (loading and verifying the BPF programs, not in the timed '
              f'region): {startup:.2f} s of CPU.',
              f'Consumer: {rate / 1e6:.2f} M lines/s on one core (formatting a recorded stream).',
              f"Whole host while tar runs: peak RSS {host.get('rss_kib', 0) // 1024} MiB, "
              f"{host.get('events', '-')} events, {host.get('lost', '-')} lost."]
    text = '\n'.join(report)
    print('\n' + text)
    with open(opts.out, 'w') as f:
        f.write(text + '\n')


if __name__ == '__main__':
    main()
