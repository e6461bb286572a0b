#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""A stand-in for $STRACE in strace's test suite.

    standin.py --tracer sysray|strace --path TRACER --shim EXEC_SHIM
               --notes DIR --tests-dir DIR [--argv0 $STRACE] [--sigign MASK]
               -- STRACE-ARGUMENTS...

It takes strace's command line, maps the options to sysray's, runs the
command through the exec shim under the tracer, and writes what strace would
have written (convert.py: sysray always follows forks; without -f, strace
would not have) where the test asked for it (-o FILE, else stderr). strace,
the reference, gets the test's own options (but -o, -A and -a, which the
conversion does for both) and goes through the same shim and conversion.

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
import time

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
# Options sysray has no equivalent of, by strace's spelling. (strace's -b is
# --detach-on, whose only value, execve, sysray's -b takes besides a size.)
NEEDS = {
    "b": "-b", "d": "-d", "D": "-D", "daemonize": "--daemonize", "E": "-E", "F": "-F",
    "h": "-h", "I": "-I", "O": "-O", "p": "-p", "u": "-u",
    "seccomp-bpf": "--seccomp-bpf",
    "tips": "--tips", "output-separately": "-ff",
}
# Options sysray takes as strace spells them: passed on unchanged.
SAME = set("cCikPrSTUwX") | {"timestamps", "strings-in-hex", "pidns-translation"}


class Usage(Exception):
    pass


def parse(argv):
    """strace's getopt_long("+...") -> [(key, value, tokens)], command.

    key: the short option letter, "e" for every qualifier (value "NAME=..."),
    or the long name of an option without a letter; tokens: the option as a
    command line spells it, to give it to strace unchanged."""
    opts, i = [], 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--":
            i += 1
            break
        if arg.startswith("--"):
            i = parse_long(argv, i, opts)
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
                opts.append((c, value, ["-" + c, value]))
                break
            opts.append((c, None, ["-" + c]))
            j += 1
        i += 1
    return opts, argv[i:]


def parse_long(argv, i, opts):
    arg = argv[i]
    name, eq, value = arg[2:].partition("=")
    names = list(LONG) + QUALIFIER_LONG
    match = [n for n in names if n == name] or [n for n in names if n.startswith(name)]
    if len(match) != 1:
        raise Usage("unrecognized option '%s'" % arg)
    name = match[0]
    if name in QUALIFIER_LONG:
        key, kind = "e", "optional" if name in OPTIONAL_QUALIFIERS else "required"
    else:
        key, kind = LONG[name]
    tokens = [arg]
    if kind == "none" and eq:
        raise Usage("option '--%s' doesn't allow an argument" % name)
    if kind == "required" and not eq:
        i += 1
        if i >= len(argv):
            raise Usage("option '--%s' requires an argument" % name)
        value = argv[i]
        tokens.append(value)
    elif not eq:
        value = None
    if key == "e":
        value = name if value is None else "%s=%s" % (name, value)
    opts.append((key, value, tokens))
    return i + 1


class Plan:
    def __init__(self):
        self.args = []  # options for sysray
        self.strace_args = []  # the same as given, for strace
        self.needs = []  # options sysray does not have
        self.acolumn = 40
        self.output = None
        self.append = False
        self.follow = 0
        self.version = False


# What strace takes a qualifier given without "=VALUE" to mean.
QUALIFIER_DEFAULTS = {"quiet": "attach,personality", "decode-fds": "path",
                      "secontext": "!full,mismatch"}


def qualifier(plan, value):
    name, eq, rest = value.partition("=")
    if not eq:
        if name in QUALIFIERS and QUALIFIERS[name] in QUALIFIER_DEFAULTS:
            rest = QUALIFIER_DEFAULTS[QUALIFIERS[name]]
        else:
            name, rest = "trace", value
    canon = QUALIFIERS.get(name)
    if canon is None:
        raise Usage("invalid qualifier '%s'" % name)
    if canon in ("trace", "raw", "signal", "status", "quiet", "read", "write", "verbose",
                 "abbrev"):
        plan.args += ["-e", "%s=%s" % (canon, rest)]
    elif canon == "decode-fds" and rest == "none":
        pass
    elif canon == "decode-fds" and rest in ("path", "all"):
        plan.args.append("-y" if rest == "path" else "-yy")
    elif canon == "decode-pids" and rest == "comm":
        plan.args.append("-Y")
    elif canon == "decode-pids":
        plan.args.append("--decode-pids=%s" % rest)
    else:
        plan.needs.append("-e %s=%s" % (canon, "" if canon != "decode-fds" else rest))


def make_plan(opts):
    plan = Plan()
    counts = {}
    for key, value, tokens in opts:
        if key not in "aAo":
            plan.strace_args += tokens
        if key == "a":
            plan.acolumn = int(value)
        elif key == "A":
            plan.append = True
        elif key == "o":
            plan.output = value
        elif key == "e":
            qualifier(plan, value)
        elif key == "s":
            plan.args += ["-s", value]
        elif key in "vzZY":
            plan.args.append("-" + key)
        elif key == "V":
            plan.version = True
        elif key in "fyqtx":
            counts[key] = counts.get(key, 0) + 1
        elif key in SAME:
            plan.args += tokens
        elif key == "b" and value == "execve":  # sysray's -b SIZE tells them apart
            plan.args += ["-b", "execve"]
        else:
            plan.needs.append(NEEDS[key])
    plan.follow = counts.get("f", 0)
    for c in "tx":  # -t, -tt, -ttt; -x, -xx
        if c in counts:
            plan.args.append("-" + c * counts[c])
    if "y" in counts:
        plan.args.append("-" + "y" * min(counts["y"], 2))
    if "q" in counts:
        plan.args.append("-" + "q" * counts["q"])
    if plan.follow > 1:
        plan.needs.append("-ff")
    if plan.follow and plan.output is None:
        plan.needs.append("-f without -o (the [pid N] prefix)")
    return plan


WRAPPER = """#!/bin/sh
# $STRACE for strace's test suite: the strace-suite stand-in with %(tracer)s.
# What the test ignored (SigIgn) is read before Python ignores SIGPIPE.
while read -r key value; do
	[ "$key" = SigIgn: ] && ign=$value
done </proc/$$/status
exec %(python)s -S %(standin)s --tracer %(tracer)s --path %(path)s --shim %(shim)s \\
	--notes %(notes)s --tests-dir %(tests)s --argv0 "$0" --sigign "$ign" -- "$@"
"""


def write_wrapper(wrapper, **kw):
    """Write WRAPPER, the $STRACE that runs this stand-in with KW's settings."""
    os.makedirs(os.path.dirname(wrapper), exist_ok=True)
    with open(wrapper, "w") as f:
        f.write(WRAPPER % dict(kw, standin=os.path.abspath(__file__), python=sys.executable))
    os.chmod(wrapper, 0o755)


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


def inherit_signals(sigign):
    """In the tracer's process: the dispositions the stand-in was given.
    Python ignores SIGPIPE and SIGXFSZ for itself; the wrapper read which
    signals were ignored before Python started (SigIgn)."""
    for sig in (signal.SIGPIPE, signal.SIGXFSZ):
        ignored = bool(sigign) and (int(sigign, 16) >> (sig - 1)) & 1
        signal.signal(sig, signal.SIG_IGN if ignored else signal.SIG_DFL)


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


def trace(cfg, plan, path, cmd, record):
    """Run CMD (PATH: the file to execute) through the shim under the tracer.
    Returns its exit status and the lines it wrote; notes the main pid."""
    tmp = "/tmp/sr-standin.%d.%d" % (os.getpid(), time.monotonic_ns())
    os.mkdir(tmp, 0o700)
    out, pidfile = os.path.join(tmp, "trace"), os.path.join(tmp, "pid")
    try:
        fd = os.open(pidfile, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.set_inheritable(fd, True)
        # strace as the test asked; sysray follows forks whatever it is asked
        args = plan.strace_args if cfg.tracer == "strace" else plan.args
        argv = [cfg.path, "-o", out] + args + ["--", cfg.shim, str(fd), path] + cmd
        record["tracer_argv"] = argv
        try:
            proc = subprocess.Popen([cfg.argv0 or argv[0]] + argv[1:], executable=argv[0],
                                    close_fds=False, restore_signals=False,
                                    preexec_fn=lambda: inherit_signals(cfg.sigign))
            rc = wait_all(proc)
        finally:
            os.close(fd)
        with open(pidfile) as f:
            pid = f.read().strip()
        lines = []
        if os.path.exists(out):
            with open(out, "rb") as f:
                # not splitlines(): it also splits at \r, \f, \x85...
                lines = f.read().decode("latin-1").split("\n")
            if lines[-1] == "":
                lines.pop()
    finally:
        for leftover in (out, pidfile):
            if os.path.exists(leftover):
                os.unlink(leftover)
        os.rmdir(tmp)
    record["main_pid"] = int(pid) if pid else None
    record["rc"] = rc
    return rc, lines, fd


def deliver(plan, data):
    """Write the converted trace where strace would have written it."""
    if plan.output is None:
        sys.stderr.buffer.write(data)
        sys.stderr.flush()
    elif plan.output.startswith(("|", "!")):  # strace pipes it to sh -c COMMAND
        subprocess.run(["/bin/sh", "-c", plan.output[1:]], input=data, close_fds=False)
    else:
        with open(plan.output, "ab" if plan.append else "wb") as f:
            f.write(data)


def unmapped(cfg, record, why=None):
    """What the stand-in does not map: strace gets the command line as it is
    given, sysray is not run (the test fails; the notes say why)."""
    if why:
        record["needs"].append(why)
    note(cfg, record)
    if cfg.tracer == "strace":
        os.execv(cfg.path, [cfg.argv0 or cfg.path] + record["argv"])
    print("strace stand-in: sysray has no %s" % ", ".join(record["needs"]), file=sys.stderr)
    return 1


def nested_userns():
    """Is this process in a user namespace other than the initial one (as
    under test_pidns's `unshare -Urpf $STRACE`)? The initial one maps every id."""
    try:
        with open("/proc/self/uid_map") as f:
            return f.read().split() != ["0", "0", "4294967295"]
    except OSError:
        return False


def run(cfg, plan, cmd, record):
    if nested_userns():
        # the kernel loads BPF programs for the initial user namespace only; noted
        # under strace too, so the test counts as one sysray cannot run (strace still runs)
        return unmapped(cfg, record, "to run in a nested user namespace (unshare -Urpf $STRACE)")
    path = resolve(cmd[0])
    if path is None:  # strace's own "Can't stat" message and status
        return unmapped(cfg, record, "a command that does not exist (strace's message)")
    if record["needs"] and cfg.tracer == "sysray":
        return unmapped(cfg, record)
    rc, lines, fd = trace(cfg, plan, path, cmd, record)
    pid = record["main_pid"]
    if pid is None and cfg.tracer == "sysray":
        record["refused"] = refusal(cfg, plan)
    shim = convert.Shim(cfg.shim, fd, pid) if pid else None
    prefixed = cfg.tracer == "sysray" or plan.follow > 0
    out = convert.convert(lines, pid, plan.acolumn, plan.follow > 0, shim, prefixed)
    deliver(plan, "".join(line + "\n" for line in out).encode("latin-1"))
    note(cfg, record)
    return rc


class Config:
    """The stand-in's own options, all "--NAME VALUE" before "--" (no
    argparse: this runs once per strace invocation, start-up counts)."""

    NAMES = {"tracer", "path", "shim", "notes", "tests-dir", "argv0", "sigign"}

    def __init__(self, argv):
        self.argv0 = self.sigign = None
        while argv and argv[0] != "--":
            name = argv[0][2:]
            if not argv[0].startswith("--") or name not in self.NAMES or len(argv) < 2:
                sys.exit("strace stand-in: bad option %r (see %s)" % (argv[0], __file__))
            setattr(self, name.replace("-", "_"), argv[1])
            argv = argv[2:]
        self.argv = argv[1:]
        if self.tracer not in ("sysray", "strace"):
            sys.exit("strace stand-in: --tracer is sysray or strace")


def main():
    cfg = Config(sys.argv[1:])
    argv = cfg.argv
    record = {"argv": argv, "needs": []}
    try:
        opts, cmd = parse(argv)
        plan = make_plan(opts)
    except (Usage, ValueError):
        return unmapped(cfg, record, "strace's messages for bad options")
    record["needs"] = plan.needs
    if plan.version:
        os.execv(cfg.path, [cfg.path, "-V"])
    if not cmd:
        return unmapped(cfg, record, "no command (strace's message or -p)")
    rc = run(cfg, plan, cmd, record)
    if rc < 0:  # strace dies of its tracee's signal; so does the stand-in
        signal.signal(-rc, signal.SIG_DFL)
        os.kill(os.getpid(), -rc)
    return rc


if __name__ == "__main__":
    sys.exit(main())
