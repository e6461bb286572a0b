# SPDX-License-Identifier: GPL-2.0
"""Helpers shared by the integration tests (run.py) and the benchmark
(scripts/bench.py, which adds this directory to sys.path)."""

import os
import time


def cgroup2_root():
    """Where the cgroup v2 hierarchy is mounted, or None."""
    with open('/proc/self/mountinfo') as f:
        for line in f:
            left, _, right = line.partition(' - ')
            if right.split()[0] == 'cgroup2':
                return left.split()[4]
    return None


def wait_tracing(tr, out, probe=None, timeout=30):
    """Wait until sysray (the Popen tr) writes its first line to out: its
    BPF programs are live. probe() makes some traced activity, for filters
    that hide everything else. Raises RuntimeError if sysray exits first or
    prints nothing within timeout seconds."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        if tr.poll() is not None:
            raise RuntimeError(f'sysray exited early (status {tr.returncode}): ' +
                               (tr.stderr.read() if tr.stderr else ''))
        if os.path.getsize(out) > 0:
            return
        if probe:
            probe()
        time.sleep(0.05)
    raise RuntimeError(f'sysray printed nothing within {timeout} s')
