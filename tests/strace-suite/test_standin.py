#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""The strace-suite stand-in's conversion and option mapping, on fixtures.

convert.in is a trace in strace's -f -o form (the exec shim's calls, a child
interleaved with the launched process, a call split by another process, a
call cut by SIGKILL, a loss marker); convert-a20.out is what strace -a20
without -f writes for the launched process, convert-f.out what strace -f
(-a40) writes. No privileges needed. Ends with "N passed, N failed".
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "scripts", "strace-suite"))
import convert  # noqa: E402
import standin  # noqa: E402

passed = failed = 0


def check(name, got, want):
    global passed, failed
    if got == want:
        passed += 1
        return
    failed += 1
    print("FAIL %s" % name)
    for i in range(max(len(got), len(want))):
        g = got[i] if i < len(got) else "(nothing)"
        w = want[i] if i < len(want) else "(nothing)"
        if g != w:
            print("  line %d:\n    want %s\n    got  %s" % (i + 1, w, g))
            break


def lines(name):
    with open(os.path.join(HERE, name)) as f:
        return f.read().splitlines()


check("without -f, -a20", convert.convert(lines("convert.in"), 4000, 20, False,
                                         convert.Shim("/x/exec-shim", 5, 4000)),
      lines("convert-a20.out"))
check("with -f", convert.convert(lines("convert.in"), 4000, 40, True,
                                 convert.Shim("/x/exec-shim", 5, 4000)),
      lines("convert-f.out"))
# Only getpid traced: the shim's getpid goes, the program's stays.
check("the program's getpid after the shim's",
      convert.convert(["4000  getpid()                          = 4000",
                       "4000  getpid()                          = 4000",
                       "4000  +++ exited with 0 +++"], 4000, 9, False,
                      convert.Shim("/x/exec-shim", 5, 4000)),
      ["getpid() = 4000", "+++ exited with 0 +++"])

# A call split by another process, under -tt and -n: the prefix before the
# resumption is the time and number, and the joined line keeps the first's.
check("resumed after a timestamp and a syscall number",
      convert.convert(["4000  12:00:01.000001 [  0] read(3,  <unfinished ...>",
                       "4001  12:00:01.000002 [ 39] getpid() = 4001",
                       "4000  12:00:01.000003 [  0] <... read resumed>\"x\", 1) = 1"],
                      4000, 9, False),
      ['12:00:01.000001 [  0] read(3, "x", 1) = 1'])

# -r's "%6ld" after the "%-5u " pid: the padding stays, the shim's execve
# goes with its timestamp before it.
check("relative timestamps keep their padding",
      convert.convert(['4000       0.000 execve("/x/exec-shim", ["/x/exec-shim", "5", "../p"], '
                       '0x7ffc1 /* 9 vars */) = 0',
                       '4000       0.000 execve("../p", ["../p"], 0x7ffc2 /* 9 vars */) = 0',
                       "123456      1.002 +++ exited with 0 +++",
                       "4000       1.002 +++ exited with 0 +++"], 4000, 9, False,
                      convert.Shim("/x/exec-shim", 5, 4000)),
      ['     0.000 execve("../p", ["../p"], 0x7ffc2 /* 9 vars */) = 0',
       "     1.002 +++ exited with 0 +++"])

# strace's own output without -f (the reference): no prefixes, same shim.
check("strace without -f",
      convert.convert(['execve("/x/exec-shim", ["/x/exec-shim", "5", "../p", "../p"], '
                       '0x7ffc1 /* 9 vars */) = 0',
                       "getpid()                                = 4000",
                       'write(5, "4000\\n", 5)                  = 5',
                       "close(5)                                = 0",
                       'execve("../p", ["../p"], 0x7ffc2 /* 9 vars */) = 0',
                       "close(5)                                = -1 EBADF (Bad file descriptor)",
                       "+++ exited with 0 +++"], 4000, 12, False,
                      convert.Shim("/x/exec-shim", 5, 4000), prefixed=False),
      ['execve("../p", ["../p"], 0x7ffc2 /* 9 vars */) = 0',
       "close(5)    = -1 EBADF (Bad file descriptor)", "+++ exited with 0 +++"])

# strace's command line -> sysray's options, strace's (as given, but -a, -o
# and -A, which the conversion does), the needs, -a, -o
CASES = [
    (["-a22", "-e", "trace=accept", "-o", "log", "-qq", "../accept"],
     (["-e", "trace=accept", "-qq"], ["-e", "trace=accept", "-q", "-q"], [], 22, "log")),
    (["-etrace=openat", "-yy", "-s12", "-v", "--output=x", "../openat"],
     (["-e", "trace=openat", "-s", "12", "-v", "-yy"],
      ["-e", "trace=openat", "-y", "-y", "-s", "12", "-v"], [], 40, "x")),
    (["--trace=bpf", "--decode-fds", "-Z", "-einject=bpf:retval=42", "../bpf"],
     (["-e", "trace=bpf", "-y", "-Z"],
      ["--trace=bpf", "--decode-fds", "-Z", "-e", "inject=bpf:retval=42"], ["-e inject="],
      40, None)),
    (["-a9", "-Xraw", "-P", "/dev/full", "-ttt", "--quiet", "-A", "-o", "l", "../p"],
     (["-X", "raw", "-P", "/dev/full", "-e", "quiet=attach,personality", "-ttt"],
      ["-X", "raw", "-P", "/dev/full", "-t", "-t", "-t", "--quiet"], [], 9, "l")),
    (["--relative-timestamps=ms", "--decode-pids=pidns", "-f", "../p"],
     (["--relative-timestamps=ms", "--decode-pids=pidns"],
      ["--relative-timestamps=ms", "--decode-pids=pidns", "-f"],
      ["-f without -o (the [pid N] prefix)"], 40, None)),
    # strace's -b is --detach-on; sysray's -b takes execve besides a size
    (["-b", "execve", "-o", "l", "../p"], (["-b", "execve"], ["-b", "execve"], [], 40, "l")),
    (["-d", "../p"], ([], ["-d"], ["-d"], 40, None)),
]
for argv, want in CASES:
    opts, cmd = standin.parse(argv)
    plan = standin.make_plan(opts)
    check(" ".join(argv),
          (plan.args, plan.strace_args, plan.needs, plan.acolumn, plan.output), want)
    check(" ".join(argv) + " (command)", cmd, argv[-1:])

print("%d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
