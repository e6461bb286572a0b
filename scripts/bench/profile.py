#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Where a traced syscall's time goes: `make profile` (or scripts/bench/profile.py).

Runs a loop workload under `sysray -o FILE` with perf sampling every thread
(call graphs), and sorts each sample into a stage of a syscall's path by the
functions on its stack: in the workload, the syscall's entry and exit, the
call itself, the tracepoint machinery, sysray's BPF programs, the helpers
they call, the ring buffer; in sysray, the reader thread's merge and copy,
and the main thread's pairing, formatting and writing. Prints ns per
syscall for each stage (sampled CPU time divided by the calls made), so a
stage's share of the cost is read directly.

usage: profile.py [--calls N] [WORKLOAD ...]   (getppid, rw, openstat, tar;
default: getppid, rw, openstat). tar is `tar cf - /usr/include | cat`: its
syscalls (tar's, cat's and the shell's) are counted from the trace's lines,
and --calls does not apply.
"""

import argparse
import collections
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SYSRAY = os.path.join(ROOT, 'sysray')
LOOP = os.path.join(ROOT, '.output', 'bench', 'loop')
FREQ = 4999

# (stage, regex on a symbol). Frames are looked at from the leaf up; the
# first frame that some stage's pattern matches (stages tried in order)
# decides where the sample goes.
WORKLOAD_STAGES = [
    ('ring buffer', r'ringbuf'),
    ('reading user memory', r'probe_read|copy_from_user_nofault|strncpy_from_user_nofault|'
                            r'__check_object_size|bpf_loaded_mm_is_foreign|__virt_addr_valid'),
    ('timestamps, ids', r'ktime_get|read_tsc|bpf_get_current|bpf_get_smp'),
    ('BPF programs', r'^bpf_prog_[0-9a-f]+_'),
    ('tracepoint', r'bpf_trace_run|__bpf_trace_|syscall_trace_enter|syscall_exit_work|'
                   r'__traceiter_|rcu_read_'),
    ('the call itself', r'^__(x64|ia32)_sys_|^__do_sys_|^ksys_|^vfs_|^do_sys|pipe_'),
    ('entry and exit', r'entry_SYSCALL|do_syscall_64|syscall_return|x64_sys_call|'
                       r'exit_to_user_mode|^(__GI_)?(__libc_)?(read|write|syscall)$'),
]
START = ('start-up (once, not per call)', r'bpf_check|bpf_prog_load|map_create|'
         r'bpf_prog_test_run|lskel|_dl_|execve')
READER_STAGES = [
    START,
    ('reader: merge', r'^(rings__consume|peek|oldest|deliver|release|record_at)$'),
    ('reader: copy', r'copy_in|memmove|memcpy'),
    ('reader: memory', r'page_fault|mmap|munmap|chunk_'),
    ('reader: waiting and waking', r'epoll|futex|schedule|clock_gettime|rings__wait|'
                                   r'wake|pthread_cond'),
]
MAIN_STAGES = [
    START,
    ('main: write', r'^(out__flush|__libc_write|ksys_write|vfs_write)$'),
    ('main: format', r'^(format|out__|print_|decode|pr_|xlat|args_|fdtab__describe|line__|'
                     r'strace_|text_|elem$|leader(_at)?$|esc__|stat_print|fmt_|open_modes|'
                     r'errno__|dump__|sbuf__|flags_|json_|jbuf__|jevent)|strlen|memmove|memcpy|'
                     r'memchr'),
    ('main: syscall table and filters', r'^(syscalls__|filter__)'),
    ('main: pairing', r'^(pairing|begin_call|end_call|complete_call|load_call|entry_of|'
                      r'entry_faulted|leader_of|idmap|index_|flush_pending|task_|call_)'),
    ('main: taking records', r'format_published|backlog__poll|rings__|on_record'),
    ('main: memory', r'page_fault|mmap|munmap'),
    ('main: waiting', r'futex|schedule|pthread_cond|epoll'),
]


def classify(frames, stages):
    compiled = [(stage, re.compile(rx)) for stage, rx in stages]
    for f in frames:
        for stage, r in compiled:
            if r.search(f):
                return stage
    return 'other'


def samples(perf_data):
    """(comm, tid, [symbols leaf first]) per sample."""
    out = subprocess.run(['perf', 'script', '-i', perf_data, '-F', 'comm,tid,ip,sym'],
                         capture_output=True, text=True, errors='replace').stdout
    for block in out.split('\n\n'):
        lines = [ln for ln in block.splitlines() if ln.strip()]
        if not lines:
            continue
        head = lines[0].split()
        if len(head) < 2:
            continue
        frames = [ln.split(None, 1)[1].split('+')[0] if len(ln.split(None, 1)) > 1 else '?'
                  for ln in lines[1:]]
        yield head[0], head[1], frames


# syscalls per loop iteration (openstat: openat, fstat, close, a failing openat)
PER_ITER = {'getppid': 1, 'rw': 2, 'openstat': 4}
TAR = ['/bin/sh', '-c', 'tar cf - /usr/include 2>/dev/null | cat > /dev/null']
# the workload's processes, by comm
WORKLOAD_COMMS = {'loop', 'tar', 'cat', 'sh'}


def traced_calls(trace):
    """Syscalls in a trace: its lines but signals, exits and losses."""
    with open(trace, errors='replace') as f:
        return sum(1 for line in f if not re.match(r'^(\d+ +)?(\+\+\+|---)', line))


def profile(workload, calls, tmp, show_other=False):
    data = os.path.join(tmp, 'perf.data')
    trace = os.path.join(tmp, 'trace.txt')
    argv = TAR if workload == 'tar' else [LOOP, workload, str(calls)]
    p = subprocess.run(['perf', 'record', '-q', '-g', '-F', str(FREQ), '-o', data, '--',
                        SYSRAY, '-o', trace, '--'] + argv, capture_output=True, text=True)
    if p.returncode:
        sys.exit(f'profile: perf record failed: {p.stderr[-500:]}')
    per = collections.Counter()
    other = collections.Counter()
    threads = collections.defaultdict(collections.Counter)
    for comm, tid, frames in samples(data):
        threads[comm][tid] += 1
    # sysray's threads: the main one has most samples, the reader the next
    sr = [t for t, _ in threads.get('sysray', {}).most_common()]
    main, reader = (sr + [None, None])[:2]
    for comm, tid, frames in samples(data):
        if comm in WORKLOAD_COMMS:
            per['workload: ' + classify(frames, WORKLOAD_STAGES)] += 1
        elif tid == main:
            stage = classify(frames, MAIN_STAGES)
            per[stage] += 1
            if stage == 'other':
                other[' < '.join(frames[:3])] += 1
        elif tid == reader:
            per[classify(frames, READER_STAGES)] += 1
        elif comm == 'sysray':
            per[classify(frames, [START]).replace('other', 'sysray: other threads')] += 1
    nsys = traced_calls(trace) if workload == 'tar' else calls * PER_ITER[workload]
    ns = 1e9 / FREQ / nsys
    print(f'{workload}: {nsys} syscalls; CPU per syscall by stage, ns (sampled at {FREQ} Hz)')
    for stage, n in sorted(per.items(), key=lambda kv: (kv[0].split(':')[0], -kv[1])):
        print(f'  {stage:42s} {n * ns:7.0f}')
    work = sum(n for s, n in per.items() if s.startswith('workload'))
    once = sum(n for s, n in per.items() if s.startswith('start-up'))
    print(f'  {"workload thread, in all":42s} {work * ns:7.0f}')
    print(f'  {"sysray, in all but start-up":42s} {(sum(per.values()) - work - once) * ns:7.0f}')
    for stack, n in other.most_common(40 if show_other else 0):
        print(f'    other: {n * ns:5.0f} {stack[:120]}')


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--calls', type=int, default=500000)
    ap.add_argument('--other', action='store_true', help="show the main thread's unsorted stacks")
    ap.add_argument('workloads', nargs='*', default=['getppid', 'rw', 'openstat'],
                    choices=list(PER_ITER) + ['tar'])
    opts = ap.parse_args()
    if os.geteuid() != 0:
        sys.exit('profile: run as root')
    with tempfile.TemporaryDirectory(prefix='sysray-profile-') as tmp:
        for w in opts.workloads:
            profile(w, opts.calls, tmp, opts.other)


if __name__ == '__main__':
    main()
