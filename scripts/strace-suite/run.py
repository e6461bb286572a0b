#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""strace 6.1's own test suite with sysray in place of strace.

    run.py [--sysray ./sysray] [-k REGEX]... [--compare OLD.json]

Needs what scripts/strace-suite/build.sh builds (make strace-suite runs both).
Three phases, each running the test scripts unchanged with another $STRACE:

  reference  the stand-in (standin.py) around strace -f: which tests strace
             passes through the same mechanism as sysray, and which options
             each test uses. Cached in runs/reference/ until strace, the
             kernel or the stand-in changes.
  direct     strace itself, only for tests the reference run failed, to tell
             "strace fails here" from "the stand-in cannot do this". Cached.
  sysray     the stand-in around sysray, for the applicable tests: those
             strace passes and whose options sysray has.

Writes report.md and results.json (and results.tsv) in the output directory;
--compare OLD.json lists the tests whose status changed since OLD.
"""
import argparse
import collections
import concurrent.futures
import hashlib
import json
import os
import platform
import re
import signal
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import report  # noqa: E402
import suite  # noqa: E402


def digest(paths, extra=""):
    h = hashlib.sha256(extra.encode())
    for p in paths:
        with open(p, "rb") as f:
            h.update(f.read())
    return h.hexdigest()[:16]


def load(path, key):
    try:
        with open(path) as f:
            data = json.load(f)
    except (OSError, ValueError):
        return {}
    return data.get("results", {}) if data.get("key") == key else {}


def save(path, key, results):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path + ".tmp", "w") as f:
        json.dump({"key": key, "results": results}, f)
    os.replace(path + ".tmp", path)


def run_phase(s, phase, tests, strace, args, cache=None, key=None, limit=None):
    """Run TESTS (two at a time by default); results by test name.
    LIMIT(name) is a test's time limit (default --timeout)."""
    results = dict(cache or {})
    todo = [t for t in tests if suite.test_name(t) not in results]
    if not todo:
        return results
    print("strace-suite: %s: %d tests (%d cached)" % (phase, len(todo), len(tests) - len(todo)),
          flush=True)
    start, done = time.monotonic(), 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        futs = [pool.submit(s.run, phase, t, strace,
                            limit(suite.test_name(t)) if limit else args.timeout) for t in todo]
        for fut in concurrent.futures.as_completed(futs):
            res = fut.result()
            results[res["name"]] = res
            done += 1
            if res["status"] not in ("pass", "skip") and phase == "sysray" and args.verbose:
                print("  FAIL %s: %s" % (res["name"], res["message"]), flush=True)
            if done % 50 == 0 or done == len(todo):
                print("  %s: %d/%d done, %.0fs" % (phase, done, len(todo),
                                                   time.monotonic() - start), flush=True)
                if cache is not None:
                    save(os.path.join(args.out, "runs", phase, "cache.json"), key, results)
    return results


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=".output/strace-suite", help="build and output directory")
    ap.add_argument("--sysray", default="./sysray")
    ap.add_argument("--strace", default="/usr/bin/strace", help="the oracle")
    ap.add_argument("-k", "--match", action="append", default=[],
                    help="only tests whose name matches this regex (repeatable)")
    ap.add_argument("-j", "--jobs", type=int, default=2)
    ap.add_argument("--timeout", type=int, default=300, help="seconds per test script")
    ap.add_argument("--compare", metavar="OLD.json", help="list status changes since OLD")
    ap.add_argument("--reference-only", action="store_true", help="skip the sysray phase")
    ap.add_argument("-v", "--verbose", action="store_true", help="print each failure")
    ap.add_argument("--check", action="store_true",
                    help="a test run (make test's subset): exit 1 unless every selected test "
                    "is applicable and passes")
    ap.add_argument("--slow", action="store_true",
                    help="also the tests that run the tracer more than %d times" % report.MAX_RUNS)
    args = ap.parse_args()
    args.out = os.path.abspath(args.out)
    srcs = [d for d in sorted(os.listdir(args.out)) if re.match(r"strace-[0-9.]+$", d)]
    if not os.path.isdir(args.out) or not srcs:
        sys.exit("strace-suite: no strace build in %s; run make strace-suite" % args.out)
    src = os.path.join(args.out, srcs[-1])
    shim = os.path.join(args.out, "exec-shim")
    sysray = os.path.abspath(args.sysray)
    for path in (shim, sysray, args.strace):
        if not os.access(path, os.X_OK):
            sys.exit("strace-suite: %s is missing; run make strace-suite" % path)
    if os.geteuid() != 0:
        sys.exit("strace-suite: sysray needs root (or CAP_BPF and CAP_PERFMON): run as root")

    s = suite.Suite(src, args.out, HERE)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("strace-suite: terminated"))
    try:
        run_all(s, args, src, shim, sysray)
    finally:
        s.stop()


def timed(phases, name, fn, *a, **kw):
    start = time.monotonic()
    res = fn(*a, **kw)
    phases[name] = round(time.monotonic() - start)
    return res


def run_all(s, args, src, shim, sysray):
    tests, xfail = s.list_tests()
    if args.match:
        tests = [t for t in tests if any(re.search(m, suite.test_name(t)) for m in args.match)]
    phases = {}
    mech = [os.path.join(HERE, f) for f in ("standin.py", "convert.py", "suite.py")]
    key = digest(mech + [shim, args.strace], platform.release())
    # strace run directly depends on none of the stand-in's files
    dkey = digest([args.strace], platform.release())
    direct_cache = os.path.join(args.out, "runs", "direct", "cache.json")
    direct_known = load(direct_cache, dkey)
    ref_cache = os.path.join(args.out, "runs", "reference", "cache.json")
    ref = load(ref_cache, key)
    cached = len(ref)
    # A test strace itself fails (or skips) when run directly is never
    # applicable: the stand-in around strace need not run it (the
    # trace-expression tests take minutes each through it).
    for t in tests:
        d = direct_known.get(suite.test_name(t))
        if suite.test_name(t) not in ref and d and d["status"] != "pass":
            ref[suite.test_name(t)] = dict(d, message="not run: strace fails it run directly",
                                           calls=[])
    ref = timed(phases, "reference", run_phase, s, "reference", tests,
                s.stand_in("reference", "strace", args.strace, shim), args, ref, key)
    if len(ref) != cached:
        save(ref_cache, key, ref)
    failed = [t for t in tests if ref[suite.test_name(t)]["status"] not in ("pass", "skip")]
    direct = timed(phases, "direct", run_phase, s, "direct", failed, args.strace, args,
                   direct_known, dkey)
    if len(direct) != len(direct_known):
        save(direct_cache, dkey, direct)

    names = [suite.test_name(t) for t in tests]
    classes = report.classify(names, xfail, ref, direct, args.slow)
    applicable = [t for t in tests if classes[suite.test_name(t)] is None]
    sysray_res = {}
    if not args.reference_only:
        # A hung test costs its whole limit: four times what it took strace
        # through the stand-in (60 s at least) is plenty.
        def limit(name):
            return min(args.timeout, max(60, 4 * int(ref[name]["seconds"])))

        sysray_res = timed(phases, "sysray", run_phase, s, "sysray", applicable,
                           s.stand_in("sysray", "sysray", sysray, shim), args, limit=limit)
    meta = {
        "date": time.strftime("%Y-%m-%d"),
        "sysray": subprocess.run([sysray, "-V"], capture_output=True,
                                 text=True).stdout.strip().splitlines()[:1],
        "commit": subprocess.run(["git", "-C", HERE, "rev-parse", "--short", "HEAD"],
                                 capture_output=True, text=True).stdout.strip(),
        "kernel": platform.release(), "strace_source": os.path.basename(src),
        "selection": args.match, "seconds": sum(phases.values()), "phases": phases,
    }
    summary = report.summarize(names, classes, ref, sysray_res, report.Families(src, HERE),
                               meta, not args.reference_only)
    finish(args, summary)


def finish(args, summary):
    """results.json/.tsv and report.md (-selection with -k), printed."""
    suffix = "-selection" if args.match else ""
    report.write_results(args.out, summary, suffix)
    text = report.markdown(summary)
    if args.compare:
        text += report.compare(args.compare, summary)
    with open(os.path.join(args.out, "report%s.md" % suffix), "w") as f:
        f.write(text)
    if not args.check:
        print(text)
        return
    # Every selected test must run and pass: one excluded on this machine
    # (strace fails it, an option is missing) is skipped, and said.
    counts = collections.Counter()
    for name, t in sorted(summary["tests"].items()):
        st = {"pass": "passed", "fail": "failed"}.get(t["status"], "skipped")
        counts[st] += 1
        if st == "passed":
            print("PASS %s" % name)
        elif st == "failed":
            ex = t.get("example", "")
            ex = "\n  ".join(ex) if isinstance(ex, (list, tuple)) else str(ex)
            print("FAIL %s: %s\n  %s" % (name, t["message"], ex))
        else:
            print("SKIP %s: %s %s" % (name, t.get("reason", "not run"), t.get("detail", "")))
    print("%d passed, %d failed, %d skipped" % (counts["passed"], counts["failed"],
                                                 counts["skipped"]))
    if counts["failed"]:
        sys.exit(1)


if __name__ == "__main__":
    main()
