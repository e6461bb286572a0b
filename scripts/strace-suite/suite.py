# SPDX-License-Identifier: GPL-2.0
"""Running strace's test scripts with a given $STRACE and collecting results.

A test runs as automake's harness runs it: from the tests directory, with
srcdir=. and the environment of tests/Makefile's AM_TEST_LOG_FLAGS, through
tests/run.sh (which adds the time limit). Two small programs are put first in
$PATH: nothing but a `diff` that keeps a copy of the two files match_diff
compares (in NAME.dir.srdiff/, to count lines) before running the real one.
The test scripts themselves are run unchanged.
"""
import difflib
import json
import os
import shutil
import signal
import subprocess
import time

import standin

STATUS = {0: "pass", 77: "skip", 99: "error"}

DIFF_SHIM = """#!/bin/sh
# Keeps what match_diff compares (diff -u -- EXPECTED OUTPUT), then diffs.
if [ $# -eq 4 ] && [ "$1" = -u ] && [ "$2" = -- ]; then
	rel=${PWD#%(tests)s/}
	d="%(tests)s/${rel%%%%/*}.srdiff"
	mkdir -p "$d"
	n=$(ls "$d" | wc -l)
	cp -- "$3" "$d/$((n / 2)).exp" 2>/dev/null
	cp -- "$4" "$d/$((n / 2)).out" 2>/dev/null
fi
exec %(diff)s "$@"
"""

def write_exec(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)
    os.chmod(path, 0o755)


class Suite:
    def __init__(self, src, out, here):
        self.src = src
        self.tests = os.path.join(src, "tests")
        self.out = out
        self.here = here  # scripts/strace-suite
        self.pathdir = os.path.join(out, "bin", "path")
        self.running = set()  # process groups of the tests under way
        write_exec(os.path.join(self.pathdir, "diff"),
                   DIFF_SHIM % {"tests": self.tests, "diff": shutil.which("diff")})

    def stop(self):
        """Kill the tests under way, with everything they started."""
        for pgid in list(self.running):
            try:
                os.killpg(pgid, signal.SIGKILL)
            except ProcessLookupError:
                pass

    def list_tests(self):
        """TESTS and XFAIL_TESTS of the configured tests/Makefile."""
        mk = "print-tests:\n\t@echo $(TESTS)\n\t@echo $(XFAIL_TESTS)\n"
        r = subprocess.run(["make", "-s", "-C", self.tests, "-f", "Makefile", "-f", "-",
                            "print-tests"], input=mk, capture_output=True, text=True,
                           check=True)
        lines = r.stdout.splitlines() + ["", ""]
        return lines[0].split(), set(lines[1].split())

    def stand_in(self, phase, tracer, path, shim):
        """$STRACE for a phase: a wrapper around standin.py."""
        wrapper = os.path.join(self.out, "bin", phase, "strace")
        standin.write_wrapper(wrapper, tracer=tracer, path=path, shim=shim,
                              notes=self.notes_dir(phase), tests=self.tests)
        return wrapper

    def notes_dir(self, phase):
        return os.path.join(self.out, "runs", phase, "notes")

    def run(self, phase, test, strace, timeout):
        """Run one test script; returns its result record."""
        name = test_name(test)
        shutil.rmtree(os.path.join(self.tests, name + ".dir.srdiff"), ignore_errors=True)
        notes = os.path.join(self.notes_dir(phase), name + ".jsonl")
        if os.path.exists(notes):
            os.unlink(notes)
        env = dict(os.environ, STRACE=strace, srcdir=".", STRACE_ARCH="x86_64",
                   STRACE_NATIVE_ARCH="x86_64", SIZEOF_KERNEL_LONG_T="8", SIZEOF_LONG="8",
                   MIPS_ABI="", TIMEOUT_DURATION=str(timeout),
                   PATH=self.pathdir + ":" + os.environ.get("PATH", ""))
        env.pop("VERBOSE", None)
        start = time.monotonic()
        # its own session, so that a test that outlives its time limit goes
        # with everything it started
        p = subprocess.Popen(["./run.sh", "./" + test], cwd=self.tests, env=env,
                             stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, start_new_session=True)
        self.running.add(p.pid)
        try:
            log, _ = p.communicate(timeout=timeout + 30)
            rc = p.returncode
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)
            try:
                log, _ = p.communicate(timeout=10)
            except subprocess.TimeoutExpired:  # a process of another group has the pipe
                p.kill()
                log = b""
            rc = "timeout"
        finally:
            self.running.discard(p.pid)
        secs = time.monotonic() - start
        res = {"test": test, "name": name, "rc": rc, "seconds": round(secs, 2),
               "status": "timeout" if rc == "timeout" else STATUS.get(rc, "fail")}
        keep = os.path.join(self.out, "runs", phase, "logs")
        os.makedirs(keep, exist_ok=True)
        with open(os.path.join(keep, name + ".log"), "wb") as f:
            f.write(log)
        text = log.decode("utf-8", "replace")
        res["message"] = failure_message(text)
        res["calls"] = read_notes(notes)
        res["diffs"] = self.collect_diffs(phase, name)
        return res

    def collect_diffs(self, phase, name):
        """[(expected lines, output lines)] of each match_diff, kept under runs/."""
        d = os.path.join(self.tests, name + ".dir.srdiff")
        pairs = []
        if not os.path.isdir(d):
            return pairs
        keep = os.path.join(self.out, "runs", phase, "diffs", name)
        shutil.rmtree(keep, ignore_errors=True)
        shutil.copytree(d, keep)
        n = 0
        while os.path.exists(os.path.join(d, "%d.exp" % n)):
            pairs.append((read_lines(os.path.join(d, "%d.exp" % n)),
                          read_lines(os.path.join(d, "%d.out" % n))))
            n += 1
        shutil.rmtree(d, ignore_errors=True)
        return pairs


def test_name(test):
    for suffix in (".gen.test", ".test"):
        if test.endswith(suffix):
            return test[: -len(suffix)]
    return test


def read_lines(path):
    try:
        with open(path, "rb") as f:
            return f.read().decode("latin-1").splitlines()
    except OSError:
        return []


def read_notes(path):
    calls = []
    if os.path.exists(path):
        with open(path) as f:
            calls = [json.loads(line) for line in f if line.strip()]
    return calls


def failure_message(text):
    """The framework's own words: "NAME.test: failed test: ..." or a skip."""
    for line in text.splitlines():
        for key in ("failed test: ", "skipped test: ", "framework failure: ",
                    "framework skip: "):
            if key in line:
                return line.split(key, 1)[1][:300]
    lines = [line for line in text.splitlines() if line.strip()]
    return lines[-1][:300] if lines else ""


def matched_lines(expected, output):
    """How many expected lines the output has, in order (longest matching)."""
    sm = difflib.SequenceMatcher(None, expected, output, autojunk=False)
    return sum(b.size for b in sm.get_matching_blocks())


def first_difference(pairs):
    """(expected line, actual line) where the last compared pair first differs."""
    for expected, output in reversed(pairs):
        if expected == output:
            continue
        sm = difflib.SequenceMatcher(None, expected, output, autojunk=False)
        for tag, i1, i2, j1, j2 in sm.get_opcodes():
            if tag == "equal":
                continue
            exp = expected[i1] if i1 < i2 else "(nothing)"
            act = output[j1] if j1 < j2 else "(nothing)"
            return exp, act
    return None
