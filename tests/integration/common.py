# SPDX-License-Identifier: GPL-2.0
"""Helpers shared by the integration tests (run.py) and the benchmark
(scripts/bench.py, which adds this directory to sys.path)."""

import os
import sys
import time


class Fail(Exception):
    """A test's check failed."""


class Skip(Exception):
    """A test cannot run here (the reason is printed, and counted as skipped)."""


def check(cond, msg):
    if not cond:
        raise Fail(msg)


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


def selected(tests):
    """The test functions whose name contains one of the arguments of the
    -k options given (all of them without -k)."""
    only, args = [], sys.argv[1:]
    while len(args) >= 2 and args[0] == '-k':
        only.append(args[1])
        args = args[2:]
    if args:
        # an unknown word (--help) must not run every test
        doc = (sys.modules['__main__'].__doc__ or '').strip()
        usage = [l for l in doc.splitlines() if 'usage:' in l or l.startswith('       run')]
        sys.exit('\n'.join(usage) or f'usage: {sys.argv[0]} [-k SUBSTRING]...')
    return [fn for fn in tests if not only or any(k in fn.__name__ for k in only)]


def run_suite(tests, suite, reason=None, select=True):
    """Run the test functions (with select, those -k names: selected()),
    print "ok", "FAIL" or "skip" for each and the summary line; with a
    reason, skip them all. Returns the exit status."""
    passed = failed = skipped = 0
    for fn in selected(tests) if select else tests:
        name = fn.__name__
        if reason:
            print(f'skip {suite}/{name}: {reason}')
            skipped += 1
            continue
        t0 = time.time()
        try:
            fn()
            print(f'ok   {suite}/{name} ({time.time() - t0:.1f}s)')
            passed += 1
        except Skip as e:
            print(f'skip {suite}/{name}: {e}')
            skipped += 1
        except Exception as e:  # pylint: disable=broad-except
            print(f'FAIL {suite}/{name}: {type(e).__name__}: {e}')
            failed += 1
        sys.stdout.flush()
    print(f'{passed} passed, {failed} failed, {skipped} skipped')
    return 1 if failed else 0
