#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""A stand-in for $STRACE in strace's test suite.

    standin.py --tracer sysray|strace --path TRACER --shim EXEC_SHIM
               --notes DIR --tests-dir DIR -- STRACE-ARGUMENTS...

It takes strace's command line, maps the options to the tracer's, runs the
command through the exec shim under the tracer with forks followed (sysray
always follows; strace gets -f), and writes what strace without -f would have
written (convert.py) where the test asked for it (-o FILE, else stderr).

Options sysray does not have are "needs": each invocation appends a JSON line
to DIR/NAME.jsonl (NAME from the test's working directory, NAME.dir) with its
arguments and needs. With --tracer strace the options are passed on anyway, so
that the reference run says whether strace passes such a test through the
same mechanism; with --tracer sysray the stand-in refuses (exit 1) without
running anything.
"""
import json
import os
import signal
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import convert  # noqa: E402

# strace 6.1's options: short ones (":" takes an argument) and long ones
# (name -> (short letter or long name, "none" | "required" | "optional")).
SHORT = "a:Ab:cCdDe:E:fFhiI:kno:O:p:P:qrs:S:tTu:U:vVwxX:yYzZ"
LONG = {
    "columns": ("a", "required"), "output-append-mode": ("A", "none"),
    "detach-on": ("b", "required"), "summary-only": ("c", "none"),
    "summary": ("C", "none"), "debug": ("d", "none"),
    "daemonize": ("daemonize", "optional"), "daemonised": ("daemonize", "optional"),
    "daemonized": ("daemonize", "optional"), "env": ("E", "required"),
    "follow-forks": ("f", "none"), "output-separately": ("output-separately", "none"),
    "help": ("h", "none"), "instruction-pointer": ("i", "none"),
    "interruptible": ("I", "required"), "stack-traces": ("k", "none"),
    "syscall-number": ("n", "none"), "output": ("o", "required"),
    "summary-syscall-overhead": ("O", "required"), "attach": ("p", "required"),
    "trace-path": ("P", "required"), "relative-timestamps": ("r", "optional"),
    "string-limit": ("s", "required"), "summary-sort-by": ("S", "required"),
    "absolute-timestamps": ("timestamps", "optional"),
    "timestamps": ("timestamps", "optional"), "syscall-times": ("T", "optional"),
    "user": ("u", "required"), "summary-columns": ("U", "required"),
    "no-abbrev": ("v", "none"), "version": ("V", "none"),
    "summary-wall-clock": ("w", "none"), "strings-in-hex": ("strings-in-hex", "optional"),
    "const-print-style": ("X", "required"), "pidns-translation": ("pidns-translation", "none"),
    "successful-only": ("z", "none"), "failed-only": ("Z", "none"),
    "failing-only": ("Z", "none"), "seccomp-bpf": ("seccomp-bpf", "none"),
    "tips": ("tips", "optional"),
}
# Long options that are -e qualifiers.
QUALIFIER_LONG = ["trace", "abbrev", "verbose", "raw", "signals", "status", "read", "write",
                  "fault", "inject", "kvm", "quiet", "silent", "silence", "decode-fds",
                  "decode-pids", "secontext"]
OPTIONAL_QUALIFIERS = {"quiet", "silent", "silence", "decode-fds", "secontext"}
# -e NAME=... -> the qualifier's canonical name
QUALIFIERS = {
    "trace": "trace", "t": "trace", "abbrev": "abbrev", "a": "abbrev",
    "verbose": "verbose", "v": "verbose", "raw": "raw", "x": "raw",
    "signal": "signal", "signals": "signal", "s": "signal", "status": "status",
    "quiet": "quiet", "silent": "quiet", "silence": "quiet", "q": "quiet",
    "read": "read", "reads": "read", "r": "read", "write": "write", "writes": "write",
    "w": "write", "fault": "fault", "inject": "inject", "kvm": "kvm",
    "decode-fd": "decode-fds", "decode-fds": "decode-fds", "decode-pid": "decode-pids",
    "decode-pids": "decode-pids", "secontext": "secontext",
}
# Options sysray has no equivalent of, by strace's spelling.
NEEDS = {
    "b": "-b", "c": "-c", "C": "-C", "d": "-d", "D": "-D", "daemonize": "--daemonize",
    "E": "-E", "F": "-F", "h": "-h", "i": "-i", "I": "-I", "k": "-k", "n": "-n",
    "O": "-O", "p": "-p", "P": "-P", "r": "-r", "S": "-S", "timestamps": "--timestamps",
    "T": "-T", "u": "-u", "U": "-U", "w": "-w", "x": "-x", "X": "-X",
    "strings-in-hex": "--strings-in-hex", "pidns-translation": "--pidns-translation",
    "seccomp-bpf": "--seccomp-bpf", "tips": "--tips", "output-separately": "-ff",
}


class Usage(Exception):
    pass


def parse(argv):
    """strace's getopt_long("+...") -> [(option, value)], command."""
    opts, i = [], 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--":
            i += 1
            break
        if arg.startswith("--"):
            name, eq, value = arg[2:].partition("=")
            names = list(LONG) + QUALIFIER_LONG
            match = [n for n in names if n == name] or [n for n in names if n.startswith(name)]
            if len(match) != 1:
                raise Usage("unrecognized option '%s'" % arg)
            name = match[0]
            if name in QUALIFIER_LONG:
                kind = "optional" if name in OPTIONAL_QUALIFIERS else "required"
                key = "e"
            else:
                key, kind = LONG[name]
            if kind == "none" and eq:
                raise Usage("option '--%s' takes no argument" % name)
            if kind == "required" and not eq:
                i += 1
                if i >= len(argv):
                    raise Usage("option '--%s' requires an argument" % name)
                value = argv[i]
            if key == "e":
                value = "%s=%s" % (name, value) if eq or kind == "required" else name
            opts.append((key, value if (eq or kind == "required") else None))
            i += 1
            continue
        if not arg.startswith("-") or arg == "-":
            break
        j = 1
        while j < len(arg):
            c = arg[j]
            pos = SHORT.find(c)
            if pos < 0:
                raise Usage("invalid option -- '%s'" % c)
            if SHORT[pos + 1:pos + 2] == ":":
                value = arg[j + 1:]
                if not value:
                    i += 1
                    if i >= len(argv):
                        raise Usage("option requires an argument -- '%s'" % c)
                    value = argv[i]
                opts.append((c, value))
                break
            opts.append((c, None))
            j += 1
        i += 1
    return opts, argv[i:]


class Plan:
    def __init__(self):
        self.args = []       # options for the tracer
        self.needs = []      # options sysray does not have
        self.acolumn = 40
        self.output = None
        self.append = False
        self.follow = 0
        self.version = False


def qualifier(plan, value):
    name, eq, rest = value.partition("=")
    if not eq:
        name, rest = "trace", value
    canon = QUALIFIERS.get(name)
    if canon is None:
        raise Usage("invalid qualifier '%s'" % name)
    if canon in ("trace", "raw", "signal", "status", "quiet"):
        plan.args += ["-e", "%s=%s" % (canon, rest)]
    elif canon == "abbrev" and rest == "none":
        plan.args.append("-v")
    elif canon == "decode-fds" and rest in ("path", "all", ""):
        plan.args.append("-y" if rest == "path" else "-yy")
    elif canon == "decode-pids" and rest == "comm":
        plan.args.append("-Y")
    else:
        plan.needs.append("-e %s=" % canon if canon != "decode-pids" else
                          "--decode-pids=%s" % rest)
        plan.args += ["-e", value]


def make_plan(opts):
    plan = Plan()
    yflag = qflag = 0
    for key, value in opts:
        if key == "a":
            plan.acolumn = int(value)
        elif key == "A":
            plan.append = True
        elif key == "o":
            if value.startswith(("|", "!")):
                plan.needs.append("-o |COMMAND")
            plan.output = value
        elif key == "f":
            plan.follow += 1
        elif key == "e":
            qualifier(plan, value)
        elif key == "s":
            plan.args += ["-s", value]
        elif key in "vzZY":
            plan.args.append("-" + key)
        elif key == "y":
            yflag += 1
        elif key == "q":
            qflag += 1
        elif key == "V":
            plan.version = True
        else:
            # passed on as given, for the reference run
            plan.args.append("-" + key if len(key) == 1 else "--" + key)
            if value is not None:
                plan.args[-1] += value if len(key) == 1 else "=" + value
            if key not in "tx":
                plan.needs.append(NEEDS[key])
    for c in "tx":  # -t, -tt, -ttt; -x, -xx
        n = sum(1 for k, _ in opts if k == c)
        if n:
            plan.needs.append("-" + c * n)
    if yflag:
        plan.args.append("-" + "y" * min(yflag, 2))
    if qflag:
        plan.args.append("-" + "q" * qflag)
    if plan.follow > 1:
        plan.needs.append("-ff")
    if plan.follow and plan.output is None:
        plan.needs.append("-f without -o (the [pid N] prefix)")
    return plan


def resolve(name):
    """The file strace would execute: NAME itself if it has a slash, else
    the first executable regular file of that name in $PATH."""
    if "/" in name:
        return name if os.path.exists(name) else None
    for d in os.environ.get("PATH", "").split(":"):
        path = os.path.join(d or ".", name)
        if os.path.isfile(path) and os.access(path, os.X_OK):
            return path
    return None


def test_name(tests_dir):
    """NAME of the test running in TESTS_DIR/NAME.dir (or below it)."""
    rel = os.path.relpath(os.getcwd(), tests_dir).split(os.sep)[0]
    return rel[:-4] if rel.endswith(".dir") else "_unknown"


def note(cfg, record):
    os.makedirs(cfg.notes, exist_ok=True)
    path = os.path.join(cfg.notes, test_name(cfg.tests_dir) + ".jsonl")
    with open(path, "a") as f:
        f.write(json.dumps(record) + "\n")


def refusal(cfg, plan):
    """sysray stopped before starting the command: ask it again why."""
    r = subprocess.run([cfg.path, "-o", "/dev/null"] + plan.args + ["--", "/bin/true"],
                       stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, timeout=60)
    lines = r.stderr.decode("utf-8", "replace").splitlines()
    return lines[0] if lines else "exit status %d, no message" % r.returncode


def wait_all(proc):
    """Wait for the tracer, reaping every child on the way: under
    `unshare -Urpf $STRACE` the stand-in is the namespace's init, and a
    nested namespace's init cannot finish exiting until its orphans, now
    ours, are reaped (strace, in our place, reaps them)."""
    while True:
        pid, status = os.waitpid(-1, 0)
        if pid == proc.pid:
            proc.returncode = os.waitstatus_to_exitcode(status)
            return proc.returncode


def run(cfg, plan, cmd, record):
    path = resolve(cmd[0])
    if path is None:
        record["needs"].append("a command that does not exist (strace's message)")
    if record["needs"] and cfg.tracer == "sysray":
        note(cfg, record)
        print("strace stand-in: sysray has no %s" % ", ".join(record["needs"]),
              file=sys.stderr)
        return 1
    tmp = tempfile.mkdtemp(prefix="sr-standin.")
    trace, pidfile = os.path.join(tmp, "trace"), os.path.join(tmp, "pid")
    fd = os.open(pidfile, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.set_inheritable(fd, True)
    argv = [cfg.path, "-o", trace] + (["-f"] if cfg.tracer == "strace" else []) + plan.args
    argv += ["--"] + ([cfg.shim, str(fd), path] if path else []) + cmd
    record["tracer_argv"] = argv
    try:
        rc = wait_all(subprocess.Popen(argv, close_fds=False))
    finally:
        os.close(fd)
    with open(pidfile) as f:
        pid = f.read().strip()
    record["main_pid"] = int(pid) if pid else None
    record["rc"] = rc
    if not pid and cfg.tracer == "sysray":
        record["refused"] = refusal(cfg, plan)
    try:
        with open(trace, "rb") as f:
            lines = f.read().decode("latin-1").split("\n")
    except FileNotFoundError:
        lines = [""]
    if lines and lines[-1] == "":
        lines.pop()
    pid = record["main_pid"]
    shim = convert.Shim(cfg.shim, fd, pid) if path and pid else None
    out = convert.convert(lines, pid, plan.acolumn, plan.follow > 0, shim)
    data = "".join(line + "\n" for line in out).encode("latin-1")
    if plan.output is None:
        sys.stderr.buffer.write(data)
        sys.stderr.flush()
    elif not plan.output.startswith(("|", "!")):
        with open(plan.output, "ab" if plan.append else "wb") as f:
            f.write(data)
    os.unlink(pidfile)
    if os.path.exists(trace):
        os.unlink(trace)
    os.rmdir(tmp)
    note(cfg, record)
    return rc


def main():
    import argparse

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tracer", choices=["sysray", "strace"], required=True)
    ap.add_argument("--path", required=True, help="the tracer's executable")
    ap.add_argument("--shim", required=True, help="the exec shim (exec-shim.c)")
    ap.add_argument("--notes", required=True, help="directory for per-test notes")
    ap.add_argument("--tests-dir", required=True, help="strace's tests directory")
    ap.add_argument("argv", nargs=argparse.REMAINDER)
    cfg = ap.parse_args()
    argv = cfg.argv[1:] if cfg.argv[:1] == ["--"] else cfg.argv
    record = {"argv": argv, "needs": []}
    try:
        opts, cmd = parse(argv)
        plan = make_plan(opts)
    except (Usage, ValueError) as e:
        record["needs"].append("strace's messages for bad options")
        note(cfg, record)
        if cfg.tracer == "strace":
            os.execv(cfg.path, [cfg.path] + argv)
        print("strace stand-in: %s" % e, file=sys.stderr)
        return 1
    record["needs"] = plan.needs
    if plan.version:
        os.execv(cfg.path, [cfg.path, "-V"])
    if not cmd:
        record["needs"].append("no command (strace's message or -p)")
        note(cfg, record)
        if cfg.tracer == "strace":
            os.execv(cfg.path, [cfg.path] + argv)
        return 1
    rc = run(cfg, plan, cmd, record)
    if rc < 0:  # strace dies of its tracee's signal; so does the stand-in
        signal.signal(-rc, signal.SIG_DFL)
        os.kill(os.getpid(), -rc)
    return rc


if __name__ == "__main__":
    sys.exit(main())
