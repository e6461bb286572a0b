#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Integration tests: load the BPF programs and trace real programs.

Needs root (or CAP_BPF+CAP_PERFMON) and a kernel with BTF; without them every
test is skipped with the reason printed. Each test prints "ok", "FAIL" or
"skip" and the run ends with "N passed, N failed, N skipped".

usage: run.py [-k SUBSTRING]...   (run only tests whose name contains a SUBSTRING)
       run.py --list [-k SUBSTRING]...   (name the tests, run none)

SYSRAY=PATH runs another build (default ./sysray); with SYSRAY_SANITIZED=1
(make test-asan) every sanitizer report of every sysray run fails the last
test, no_sanitizer_reports.

The tests live in one module per area, run in this order (helpers they
share: harness.py, common.py): exits_suite, oracle_suite, loading_suite,
attach_suite, ia32_suite, filter_suite, options_suite, fds_suite,
stack_suite, json_suite (--json, --timeline), hostile_suite, stop_suite,
uring (io_uring requests), summary_suite (-c/-C), pidns_suite
(--decode-pids=pidns, -e long forms).
"""

import os
import shutil
import sys
import tempfile

from common import check, run_suite, selected
import harness
from harness import SANITIZED
import attach_suite
import exits_suite
import fds_suite
import filter_suite
import hostile_suite
import ia32_suite
import json_suite
import loading_suite
import options_suite
import oracle_suite
import pidns_suite
import stack_suite
import stop_suite
import summary_suite
import uring

TESTS = (exits_suite.TESTS + oracle_suite.TESTS + loading_suite.TESTS + attach_suite.TESTS +
         ia32_suite.TESTS + filter_suite.TESTS + options_suite.TESTS + fds_suite.TESTS +
         stack_suite.TESTS + json_suite.TESTS + hostile_suite.TESTS + stop_suite.TESTS +
         uring.tests(harness) + summary_suite.TESTS + pidns_suite.TESTS)


def sanitizer_logs():
    """A directory every sanitized sysray writes its reports to (any user:
    no_privileges runs it as nobody); None for a build without sanitizers."""
    if not SANITIZED:
        return None
    logs = tempfile.mkdtemp(prefix='sysray-san-')
    os.chmod(logs, 0o1777)
    common = f'log_path={logs}/report:log_exe_name=1'
    os.environ['ASAN_OPTIONS'] = common + ':detect_leaks=1:abort_on_error=0'
    os.environ['UBSAN_OPTIONS'] = common + ':print_stacktrace=1:halt_on_error=1'
    os.environ['LSAN_OPTIONS'] = common
    return logs


def sanitizer_reports(logs):
    """The last test of a sanitized run: no report from any sysray it ran."""
    reports = sorted(os.listdir(logs))
    for name in reports:
        with open(os.path.join(logs, name), errors='replace') as f:
            print(f'--- {name}:\n' + ''.join(f.readlines()[:40]))
    shutil.rmtree(logs)
    check(not reports, f'{len(reports)} sanitizer report(s) (printed above)')


def main():
    """[-k SUBSTRING]... picks tests by name; --json-full runs, instead of
    make test's tests, the JSON checks over the whole corpus (make test-json);
    --list names the tests (one a line, then their count) and runs none."""
    tests = TESTS
    if sys.argv[1:2] == ['--json-full']:
        tests = json_suite.FULL_TESTS
        del sys.argv[1]
    if sys.argv[1:2] == ['--list']:
        del sys.argv[1]
        names = [fn.__name__ for fn in selected(tests)]
        print('\n'.join(names + [f'{len(names)} tests']))
        return 0
    reason = None
    if os.geteuid() != 0:
        reason = 'not root: the BPF programs cannot be loaded'
    elif not os.path.exists('/sys/kernel/btf/vmlinux'):
        reason = 'this kernel has no BTF (/sys/kernel/btf/vmlinux)'
    logs = None if reason else sanitizer_logs()
    tests = selected(tests)
    if logs:
        tests.append(lambda: sanitizer_reports(logs))
        tests[-1].__name__ = 'no_sanitizer_reports'
    return run_suite(tests, 'integration', reason, select=False)


if __name__ == '__main__':
    sys.exit(main())
