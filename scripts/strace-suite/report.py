# SPDX-License-Identifier: GPL-2.0
"""Classifying, summarizing and comparing strace-suite results."""
import collections
import json
import os
import re

import suite

FAMILIES = ["file", "desc", "net", "process", "signal", "memory", "ipc", "time", "misc"]
# strace's trace classes (sysent flags), in the order they decide a family.
CLASS_FAMILY = [("TN", "net"), ("TS", "signal"), ("TP", "process"), ("TI", "ipc"),
                ("TM", "memory"), ("TCL", "time"), ("TF", "file"), ("TST", "file"),
                ("TLST", "file"), ("TFST", "file"), ("TSTA", "file"), ("TSF", "file"),
                ("TFSF", "file"), ("TSFA", "file"), ("TD", "desc")]


class Families:
    """Test name -> family: families.tsv first, then the syscall's class."""

    def __init__(self, src, here):
        self.rules = []
        with open(os.path.join(here, "families.tsv")) as f:
            for line in f:
                if line.strip() and not line.startswith("#"):
                    regex, family = line.rstrip("\n").split("\t")
                    self.rules.append((re.compile(regex), family))
        self.flags = {}
        entry = re.compile(r'\{\s*\d+,\s*([A-Z0-9_|]+),\s*SEN\(\w+\),\s*"(\w+)"')
        for name in ("x86_64/syscallent.h", "generic/syscallent-common.h", "i386/syscallent.h"):
            path = os.path.join(src, "src", "linux", name)
            if os.path.exists(path):
                with open(path) as f:
                    for m in entry.finditer(f.read()):
                        self.flags.setdefault(m.group(2), set(m.group(1).split("|")))

    def of_syscall(self, name):
        flags = self.flags.get(name)
        if flags is None:
            return None
        for cls, family in CLASS_FAMILY:
            if cls in flags:
                return family
        return "misc"

    def __call__(self, name, calls):
        for regex, family in self.rules:
            if regex.search(name):
                return family
        parts = name.split("-")
        for n in range(len(parts), 0, -1):
            family = self.of_syscall("-".join(parts[:n]))
            if family:
                return family
        for call in calls:
            for arg in call.get("argv", []):
                m = re.match(r"(?:-e ?)?(?:trace|t)=!?([a-z_0-9]+)", arg)
                if m and self.of_syscall(m.group(1)):
                    return self.of_syscall(m.group(1))
        return "misc"


def needs_of(res):
    seen = []
    for call in res.get("calls", []):
        for need in call.get("needs", []):
            if need not in seen:
                seen.append(need)
    return seen


# A test that runs the tracer more often than this (the trace-expression
# tests run it on each of ~500 programs) takes sysray's start-up (~1.2 s,
# loading the BPF programs) that many times: left out unless --slow.
MAX_RUNS = 100


def classify(names, xfail, ref, direct, slow=False):
    """name -> None (applicable) or (reason, detail)."""
    out = {}
    xfail_names = {suite.test_name(t) for t in xfail}
    for name in names:
        r, d = ref[name], direct.get(name)
        needs = needs_of(r)
        if name in xfail_names:
            out[name] = ("expected to fail in Debian's build (XFAIL_TESTS)", "")
        elif r["status"] == "skip":
            out[name] = ("skipped under strace", r["message"])
        elif r["status"] != "pass" and d and d["status"] == "skip":
            out[name] = ("skipped under strace", d["message"])
        elif r["status"] != "pass" and d and d["status"] != "pass":
            out[name] = ("strace 6.1 fails it on this machine", d["message"])
        elif needs:
            out[name] = ("needs options sysray does not have", ", ".join(needs))
        elif r["status"] != "pass":
            out[name] = ("strace passes it only without the stand-in", r["message"])
        elif len(r["calls"]) > MAX_RUNS and not slow:
            out[name] = ("runs the tracer %d times or more (--slow runs it)" % MAX_RUNS,
                         "%d runs" % len(r["calls"]))
        else:
            out[name] = None
    return out


# Kinds of first differences, tried in order: (name, test on (expected, actual)).
def _hexaddr(s):
    return re.search(r"0x[0-9a-f]{8,}", s) is not None


DIFF_KINDS = [
    ("a line strace prints is missing", lambda e, a: a == "(nothing)"),
    ("an extra line", lambda e, a: e == "(nothing)"),
    ("ioctl request printed as _IOC()", lambda e, a: "_IOC(" in a and "_IOC(" not in e),
    ("32-bit argument printed with the register's upper half",
     lambda e, a: re.search(r"0x[0-9a-f]{8}0{8}\b|0xffffffff[0-9a-f]{8}", a) is not None
     and not re.search(r"0x[0-9a-f]{8}0{8}\b|0xffffffff[0-9a-f]{8}", e)),
    ("pointer printed as an address where strace decodes it",
     lambda e, a: _hexaddr(a) and (e.count("{") + e.count("[")) > (a.count("{") + a.count("["))),
    ("bytes printed where strace decodes a struct or array",
     lambda e, a: '\\x' in a and ("{" in e or "[" in e) and '\\x' not in e),
    ("unknown value: strace adds a /* ...??? */ comment",
     lambda e, a: "???" in e and "???" not in a),
    ("constant printed as a number",
     lambda e, a: re.search(r"\b[A-Z][A-Z0-9_]{3,}\b", e) is not None
     and _same_shape_numbers(e, a)),
    ("another return value or errno", lambda e, a: _split_ret(e)[0] == _split_ret(a)[0]),
]


def _split_ret(line):
    m = None
    for m in re.finditer(r"\) += ", line):
        pass
    return (line[: m.start()], line[m.end():]) if m else (line, "")


def _same_shape_numbers(e, a):
    """A where E has a symbolic constant, A has a number."""
    names = set(re.findall(r"\b[A-Z][A-Z0-9_]{3,}\b", e)) - set(re.findall(r"\b[A-Z][A-Z0-9_]{3,}\b", a))
    return bool(names) and re.search(r"\b(0x[0-9a-f]+|\d+)\b", a) is not None


def diff_kind(exp, act):
    for name, test in DIFF_KINDS:
        try:
            if test(exp, act):
                return name
        except re.error:
            pass
    return "another argument or format difference"


def failure_kind(res):
    refused = [c["refused"] for c in res.get("calls", []) if c.get("refused")]
    if refused:
        return "sysray refused the options", refused[0]
    if res["status"] == "timeout":
        return "time limit", ""
    fd = suite.first_difference(res.get("diffs", []))
    if fd:
        return diff_kind(*fd), fd
    msg = res.get("message", "")
    if "failed with code" in msg:
        return "the test program or sysray exited non-zero", msg
    return "output mismatch outside a diff (grep/awk patterns, exit status)", msg


def summarize(names, classes, ref, sysray_res, families, meta, ran_sysray):
    tests = {}
    for name in names:
        r = ref[name]
        t = {"family": families(name, r.get("calls", [])), "seconds": r["seconds"]}
        cls = classes[name]
        if cls is not None:
            t.update(status="excluded", reason=cls[0], detail=cls[1])
        elif not ran_sysray or name not in sysray_res:
            t.update(status="applicable")
        else:
            s = sysray_res[name]
            t["seconds"] = s["seconds"]
            expected = sum(len(e) for e, _ in r.get("diffs", []))
            if s["status"] == "pass":
                t.update(status="pass", lines_matched=expected)
            else:
                kind, example = failure_kind(s)
                matched = sum(suite.matched_lines(e, o) for e, o in s.get("diffs", []))
                t.update(status="fail", kind=kind, example=example, message=s["message"],
                         lines_matched=min(matched, expected))
            t["lines_expected"] = expected
        tests[name] = t
    return {"meta": meta, "tests": tests}


def pct(n, d):
    return "%.1f%%" % (100.0 * n / d) if d else "-"


def markdown(summary):
    tests, meta = summary["tests"], summary["meta"]
    ran = [t for t in tests.values() if t["status"] in ("pass", "fail")]
    passed = [t for t in ran if t["status"] == "pass"]
    exp = sum(t["lines_expected"] for t in ran)
    got = sum(t["lines_matched"] for t in ran)
    w = []
    w.append("# strace 6.1's test suite with sysray as $STRACE\n")
    w.append("%s, %s (%s), kernel %s, %s: %d tests in %d s (%s).\n" % (
        meta["date"], " ".join(meta["sysray"]), meta["commit"], meta["kernel"],
        meta["strace_source"], len(tests), meta["seconds"],
        ", ".join("%s %d s" % kv for kv in meta.get("phases", {}).items())))
    if meta.get("selection"):
        w.append("Selection: tests matching %s only.\n" % ", ".join(meta["selection"]))
    w.append("**%d of %d applicable tests pass (%s); %d of %d expected lines (%s).**\n" % (
        len(passed), len(ran), pct(len(passed), len(ran)), got, exp, pct(got, exp)))
    w.append("Lines are counted over the tests that compare whole outputs with diff "
             "(match_diff): each expected line that sysray's output has, in order.\n")
    w.append("| family | applicable | pass | rate | expected lines | matched |")
    w.append("|---|---|---|---|---|---|")
    for fam in FAMILIES:
        ft = [t for t in ran if t["family"] == fam]
        fp = [t for t in ft if t["status"] == "pass"]
        fe = sum(t["lines_expected"] for t in ft)
        fg = sum(t["lines_matched"] for t in ft)
        w.append("| %s | %d | %d | %s | %d | %s |" % (fam, len(ft), len(fp),
                                                     pct(len(fp), len(ft)), fe, pct(fg, fe)))
    w.append("")
    w += _failures(tests)
    w += _exclusions(tests)
    return "\n".join(w) + "\n"


def clip(exp, act, width=200):
    """The two lines from a little before where they first differ."""
    n = 0
    while n < min(len(exp), len(act)) and exp[n] == act[n]:
        n += 1
    start = max(0, n - 60) if max(len(exp), len(act)) > width else 0
    cut = [("..." if start else "") + line[start:start + width] +
           ("..." if len(line) > start + width else "") for line in (exp, act)]
    return [c.replace("`", "'") for c in cut]


def _failures(tests):
    fails = {n: t for n, t in tests.items() if t["status"] == "fail"}
    kinds = collections.Counter(t["kind"] for t in fails.values())
    w = ["## Failures by kind of first difference\n",
         "| kind | tests | example (strace, then sysray) |", "|---|---|---|"]
    for kind, n in kinds.most_common():
        ex = next(t["example"] for t in fails.values() if t["kind"] == kind)
        if isinstance(ex, (list, tuple)):
            ex = "`%s`<br>`%s`" % tuple(c.replace("|", "\\|") for c in clip(*ex, width=120))
        else:
            ex = str(ex)[:300].replace("|", "\\|")
        w.append("| %s | %d | %s |" % (kind, n, ex))
    w += ["", "## Failing tests (the first line that differs)\n"]
    for name in sorted(fails):
        t = fails[name]
        ex = t["example"]
        if isinstance(ex, (list, tuple)):
            w.append("- %s (%s, %s):\n  strace `%s`\n  sysray `%s`" % (
                (name, t["family"], t["kind"]) + tuple(clip(*ex))))
        else:
            w.append("- %s (%s, %s): %s" % (name, t["family"], t["kind"], str(ex)[:300]))
    return w + [""]


def _exclusions(tests):
    ex = {n: t for n, t in tests.items() if t["status"] == "excluded"}
    w = ["## Exclusions\n", "| reason | tests |", "|---|---|"]
    for reason, n in collections.Counter(t["reason"] for t in ex.values()).most_common():
        w.append("| %s | %d |" % (reason, n))
    needs = collections.Counter()
    for t in ex.values():
        if t["reason"].startswith("needs"):
            for need in t["detail"].split(", "):
                needs[need] += 1
    w += ["", "Options the suite needs that sysray does not have (tests that use each; "
          "strace passes all of them through the stand-in):\n",
          "| option | tests |", "|---|---|"]
    for need, n in needs.most_common():
        w.append("| `%s` | %d |" % (need, n))
    w += ["", "Every exclusion:\n"]
    for name in sorted(ex):
        detail = ex[name]["detail"].replace("\n", " ")[:200]
        w.append("- %s: %s%s" % (name, ex[name]["reason"], ": " + detail if detail else ""))
    return w


def write_results(out, summary, suffix=""):
    with open(os.path.join(out, "results%s.json" % suffix), "w") as f:
        json.dump(summary, f, indent=1, sort_keys=True)
    with open(os.path.join(out, "results%s.tsv" % suffix), "w") as f:
        f.write("test\tfamily\tstatus\treason_or_kind\tlines_matched\tlines_expected\tseconds\n")
        for name, t in sorted(summary["tests"].items()):
            f.write("%s\t%s\t%s\t%s\t%s\t%s\t%s\n" % (
                name, t["family"], t["status"], t.get("reason", t.get("kind", "")),
                t.get("lines_matched", ""), t.get("lines_expected", ""), t["seconds"]))


def compare(old_path, summary):
    """Markdown: tests whose status changed since OLD (results.json)."""
    with open(old_path) as f:
        old = json.load(f)["tests"]
    new = summary["tests"]
    groups = collections.defaultdict(list)
    for name in sorted(set(old) | set(new)):
        a = old.get(name, {}).get("status", "absent")
        b = new.get(name, {}).get("status", "absent")
        if a != b:
            groups[(a, b)].append(name)
    w = ["## Changes since %s\n" % old_path]
    order = sorted(groups, key=lambda k: (k != ("pass", "fail"), k))
    for a, b in order:
        w.append("- %s -> %s (%d): %s" % (a, b, len(groups[(a, b)]), " ".join(groups[(a, b)])))
    if not groups:
        w.append("No test changed status.")
    return "\n".join(w) + "\n"
