#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Differential test: compare sysray's output with strace's, line by line.

For every test program (and every --cmd), run

    strace -f -q -s 64 -o S.txt -- PROG ARGS
    sysray -f -s 64 -o Y.txt -- PROG ARGS

in the same fresh working directory, normalise both traces (see normalise()
in differential_normalise.py for the rules; differential_parse.py reads
them), and compare them per process: the share of strace lines for which
sysray printed an identical line, in order (longest common
subsequence), is the score. Unmatched strace lines are listed in the report
with the closest sysray line, and classified as "known" when they match a
regular expression of the known-differences file, or "unexplained".

strace runs with -q, not -qq: -qq also drops the "+++ exited with N +++"
lines, which sysray prints and which must match. Use --strace-args to change.

With --per-pid-names, the sequences of (syscall name, return value) of every
process must also be equal (signals and exits included); a program where they
differ fails the run.

sysray's "--- lost ..." lines are dropped before comparing and counted in the
"lost" column; any lost event fails the run unless --allow-lost is given.

Every program must also exit the same way under both tracers (a signal
death counts as 128+N, as sysray reports it), and within --timeout. The
programs of --progs check their own system calls and exit 99 when one
misbehaves (tests/progs/common.h), so for them the status must be the
expected one: 0, or 1 for demo and missing_file, 4 for leader_exits. --progs leaves out busy
and filter_target, helpers of run.py that run until killed or need
arguments.

With --exact, every difference must be explained: a strace line that
sysray did not print identically, or a line only sysray printed, fails the
run unless a regular expression of the --known file matches it.

Exit status: 0 when the overall identical fraction is at least --min, no
events were lost, every program exited as expected, with --exact no
difference is unexplained and, with --per-pid-names, every program has
equal per-process sequences; 1 otherwise; 2 on usage errors.

Only the Python standard library is used.
"""

import argparse
import difflib
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile

from differential_normalise import (fd_score, insert_arg_names, load_arg_names, name_pids,
                                    name_ret, normalise, per_pid)
from differential_parse import Leader, read_ff, read_trace



def load_known(path):
    known = []
    if not path:
        return known
    with open(path, encoding='utf-8') as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip('\n')
            if not line.strip() or line.lstrip().startswith('#'):
                continue
            regex, _, reason = line.partition('\t')
            try:
                known.append((re.compile(regex), reason.strip() or '(no reason given)'))
            except re.error as err:
                sys.exit('%s:%d: bad regular expression: %s' % (path, n, err))
    return known


def classify(line, known):
    for rx, reason in known:
        if rx.search(line):
            return reason
    return None


def run_traced(argv, cwd, out_prefix, timeout):
    """Run argv in cwd with stdin /dev/null; return its exit status."""
    with open(out_prefix + '.stdout', 'wb') as so, open(out_prefix + '.stderr', 'wb') as se:
        try:
            env = dict(os.environ, PWD=cwd)  # shells stat $PWD: keep it true
            p = subprocess.Popen(argv, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=so,
                                 stderr=se, start_new_session=True)
        except OSError as err:
            se.write(('cannot run %s: %s\n' % (argv[0], err)).encode())
            return 'notrun'
        try:
            return p.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            try:
                os.killpg(p.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            p.wait()
            return 'timeout'


# Programs of --progs that are not differential programs: busy runs until it
# is killed, filter_target needs a tag argument (both exit 2 without one);
# the hostile programs whose traces vary from run to run (pids reused after
# retries) or that run.py compares itself (10000 forks, a 100000-argument
# execve whose variable count sysray caps); net_netlink, whose messages
# sysray decodes without -y only while /proc still shows the socket (run.py
# traces it with -y).
HELPERS = {'busy', 'filter_target', 'hostile_argv', 'hostile_forks', 'hostile_pidreuse',
           'net_netlink'}
# Exit statuses of --progs programs that do not exit 0; 99 means a
# self-check failed (EXIT_UNEXPECTED in tests/progs/common.h).
EXPECTED_STATUS = {'demo': 1, 'missing_file': 1, 'leader_exits': 4}


def tracer_status(rc):
    """A tracer's exit status as sysray reports it: strace kills itself
    with the tracee's fatal signal (Python's -N), sysray exits 128+N."""
    return 128 - rc if isinstance(rc, int) and rc < 0 else rc


def status_problem(want, s_rc, y_rc):
    """Why a job's exit statuses are wrong, or None.

    want is the expected status, or None when only the two tracers'
    statuses must agree (--cmd and extra programs)."""
    for tracer, rc in (('strace', s_rc), ('sysray', y_rc)):
        if not isinstance(rc, int):
            return 'under %s: %s' % (tracer, rc)
        if want is not None and rc != want:
            return 'exit %s under %s, want %d%s' % (
                rc, tracer, want, ' (a self-check failed; see its stderr)' if rc == 99 else '')
    if s_rc != y_rc:
        return 'exit %s under strace but %s under sysray' % (s_rc, y_rc)
    return None


def files_problem(s_entries, s_files, y_entries, y_files):
    """-ff: do both tracers write a file for the same processes (by P-name)?"""
    s_names, y_names = name_pids(s_entries), name_pids(y_entries)
    a = sorted(s_names.get(p, 'P?') for p in s_files)
    b = sorted(y_names.get(p, 'P?') for p in y_files)
    if a != b:
        return 'files for %s under strace, %s under sysray' % (', '.join(a), ', '.join(b))
    return None


def fresh_dir(path):
    shutil.rmtree(path, ignore_errors=True)
    os.makedirs(path)


class Result:
    pass


def compare(name, s_norm, y_norm, lost, known, max_listed):
    r = Result()
    r.name = name
    r.lost = lost
    s_pp, y_pp = per_pid(s_norm), per_pid(y_norm)
    r.total = len(s_norm)
    r.identical = 0
    r.unmatched = []  # (pid, strace line, closest sysray line, reason or None)
    r.extra = []  # (pid, sysray line) printed by sysray only
    for pid, s_lines in s_pp.items():
        y_lines = y_pp.get(pid, [])
        sm = difflib.SequenceMatcher(None, s_lines, y_lines, autojunk=False)
        s_hit, y_hit = set(), set()
        for a, b, size in sm.get_matching_blocks():
            r.identical += size
            s_hit.update(range(a, a + size))
            y_hit.update(range(b, b + size))
        y_left = [y_lines[j] for j in range(len(y_lines)) if j not in y_hit]
        for i, line in enumerate(s_lines):
            if i in s_hit:
                continue
            close = None
            if len(r.unmatched) < max_listed and y_left:
                m = difflib.get_close_matches(line, y_left, n=1, cutoff=0.6)
                close = m[0] if m else None
            r.unmatched.append((pid, line, close, classify(line, known)))
        r.extra.extend((pid, l) for l in y_left)
    for pid, y_lines in y_pp.items():
        if pid not in s_pp:
            r.extra.extend((pid, l) for l in y_lines)
    r.known = sum(1 for u in r.unmatched if u[3])
    r.unexplained = len(r.unmatched) - r.known
    r.extra_unexplained = sum(1 for _, l in r.extra if not classify(l, known))

    # Per-pid sequences of (name, return value).
    r.names_equal = True
    r.names_divergence = None
    for pid in list(s_pp) + [p for p in y_pp if p not in s_pp]:
        a = [name_ret(b) for b in s_pp.get(pid, [])]
        b = [name_ret(x) for x in y_pp.get(pid, [])]
        if a != b:
            r.names_equal = False
            k = next((i for i in range(min(len(a), len(b))) if a[i] != b[i]), min(len(a), len(b)))
            r.names_divergence = (pid, k, a[k] if k < len(a) else None,
                                  b[k] if k < len(b) else None)
            break
    return r


def fmt_nr(t):
    if t is None:
        return '(end of trace)'
    return t[0] + (' = ' + t[1] if t[1] else '')


def main():
    ap = argparse.ArgumentParser(
        description='Compare sysray with strace on test programs.',
        epilog='Example: differential.py --sysray ./sysray --progs .output/progs '
        '--report diff-report.txt --cmd "ls -l /usr/share"')
    ap.add_argument('--sysray', required=True, help='the sysray binary')
    ap.add_argument('--progs', help='directory of test programs (every executable in it '
                    'but the helpers %s)' % ' and '.join(sorted(HELPERS)))
    ap.add_argument('--strace', default='strace', help='the strace binary (default: strace)')
    ap.add_argument('--strace-args', default='-f -q',
                    help='strace options besides -s/-o (default: "-f -q")')
    ap.add_argument('--sysray-args', default='-f', help='sysray options besides -s/-o')
    ap.add_argument('-s', '--strsize', type=int, default=64, help='-s value for both (64)')
    ap.add_argument('--report', help='write the detailed report to this file')
    ap.add_argument('--min', type=float, default=0.95,
                    help='fail if the overall identical fraction is below (0.95)')
    ap.add_argument('--known', help='known-differences file (REGEX<TAB>reason lines)')
    ap.add_argument('--exact', action='store_true',
                    help='fail on any line that differs (a strace line sysray did not print '
                    'identically, or a line only sysray printed) that the --known file does '
                    'not explain')
    ap.add_argument('--count-known', action='store_true',
                    help='count known differences as matching for --min')
    ap.add_argument('--per-pid-names', action='store_true',
                    help='also require equal per-process (syscall name, return value) sequences')
    ap.add_argument('--allow-lost', action='store_true',
                    help='do not fail when sysray reports lost events')
    ap.add_argument('--cmd', action='append', default=[],
                    help='extra command line to trace (shell words), repeatable')
    ap.add_argument('--only', help='comma-separated program names to run')
    ap.add_argument('--exclude', default='',
                    help='comma-separated program names to skip')
    ap.add_argument('--timeout', type=float, default=30.0, help='seconds per traced run (30)')
    ap.add_argument('--keep', help='keep raw and normalised traces in this directory')
    ap.add_argument('--fds', action='store_true',
                    help='-y/-yy runs: normalise socket/pipe inodes and ports in fd '
                    'annotations, and report the share of annotations identical to strace\'s')
    ap.add_argument('--fd-min', type=float, default=0.0,
                    help='with --fds: fail if the share of identical annotations is below')
    ap.add_argument('--max-listed', type=int, default=200,
                    help='unmatched lines per program to list with a closest match (200)')
    ap.add_argument('--ff', action='store_true',
                    help='both tracers write -ff files (give -ff in --strace-args and '
                    '--sysray-args): compare the set of files and each file\'s lines')
    ap.add_argument('--leader', default='',
                    help='leader fields both tracers print, comma-separated: ts (-t, -tt, '
                    '-ttt), rel (-r), nr (-n), ip (-i), dur (-T); times and addresses are '
                    'compared by format only')
    ap.add_argument('--padding', type=int, metavar='COLUMN',
                    help='check that every line of both traces pads " = RET" to COLUMN (-a) '
                    'as strace does')
    ap.add_argument('--arg-names', metavar='FILE',
                    help='sysray runs with -N: insert the names FILE gives (strace 6.16\'s) '
                    'into strace\'s lines before comparing')
    ap.add_argument('programs', nargs='*', help='extra programs to trace (no arguments)')
    opts = ap.parse_args()
    fields = set(x for x in opts.leader.split(',') if x)
    if fields - {'ts', 'rel', 'nr', 'ip', 'dur'}:
        ap.error('--leader: ts, rel, nr, ip or dur')
    lead = Leader(**{f: True for f in fields})
    arg_names = load_arg_names(opts.arg_names) if opts.arg_names else None

    sysray = opts.sysray
    if os.sep in sysray:
        sysray = os.path.abspath(sysray)
    if not (shutil.which(sysray) or os.access(sysray, os.X_OK)):
        ap.error('sysray binary not found: %s' % opts.sysray)

    jobs = []  # (name, argv, expected exit status or None)
    if opts.progs:
        pdir = os.path.abspath(opts.progs)
        for fn in sorted(os.listdir(pdir)):
            p = os.path.join(pdir, fn)
            if fn not in HELPERS and os.path.isfile(p) and os.access(p, os.X_OK):
                jobs.append((fn, [p], EXPECTED_STATUS.get(fn, 0)))
    for p in opts.programs:
        ap_ = os.path.abspath(p) if os.sep in p else p
        jobs.append((os.path.basename(p), [ap_], None))
    for i, c in enumerate(opts.cmd, 1):
        argv = shlex.split(c)
        if argv:
            jobs.append(('cmd%d:%s' % (i, os.path.basename(argv[0])), argv, None))
    if opts.only:
        want = set(opts.only.split(','))
        jobs = [j for j in jobs if j[0] in want]
    skip = set(x for x in opts.exclude.split(',') if x)
    jobs = [j for j in jobs if j[0] not in skip]
    if not jobs:
        ap.error('nothing to run: give --progs, programs or --cmd')

    known = load_known(opts.known)
    base = tempfile.mkdtemp(prefix='sysray-differential-')
    keep = os.path.abspath(opts.keep) if opts.keep else None
    if keep:
        os.makedirs(keep, exist_ok=True)

    results = []
    try:
        for name, argv, want_rc in jobs:
            safe = re.sub(r'[^A-Za-z0-9_.-]', '_', name)
            jdir = os.path.join(base, safe)
            cwd = os.path.join(jdir, 'cwd')
            s_out, y_out = os.path.join(jdir, 'strace.txt'), os.path.join(jdir, 'sysray.txt')
            fresh_dir(cwd)
            s_argv = ([opts.strace] + shlex.split(opts.strace_args) +
                      ['-s', str(opts.strsize), '-o', s_out, '--'] + argv)
            s_rc = tracer_status(run_traced(s_argv, cwd, os.path.join(jdir, 'strace'),
                                            opts.timeout))
            fresh_dir(cwd)  # same path, fresh contents, for the second run
            y_argv = ([sysray] + shlex.split(opts.sysray_args) +
                      ['-s', str(opts.strsize), '-o', y_out, '--'] + argv)
            y_rc = run_traced(y_argv, cwd, os.path.join(jdir, 'sysray'), opts.timeout)

            if opts.ff:
                s_entries, _, s_files = read_ff(s_out, lead, opts.padding)
                y_entries, lost, y_files = read_ff(y_out, lead, opts.padding)
            else:
                s_entries, _ = read_trace(s_out, lead, column=opts.padding)
                y_entries, lost = read_trace(y_out, lead, column=opts.padding)
            for e in s_entries if arg_names else ():
                e.body = insert_arg_names(e.body, arg_names)
            s_norm = normalise(s_entries, opts.fds)
            y_norm = normalise(y_entries, opts.fds)
            r = compare(name, s_norm, y_norm, lost, known, opts.max_listed)
            r.files_bad = None
            if opts.ff:
                r.files_bad = files_problem(s_entries, s_files, y_entries, y_files)
            r.fd_total, r.fd_paired, r.fd_same, r.fd_diffs = (
                fd_score(s_norm, y_norm) if opts.fds else (0, 0, 0, []))
            r.argv, r.s_rc, r.y_rc = argv, s_rc, y_rc
            r.status_bad = status_problem(want_rc, s_rc, y_rc) or r.files_bad
            r.s_stderr, r.y_stderr = (tail(os.path.join(jdir, t + '.stderr'))
                                      for t in ('strace', 'sysray'))
            results.append(r)
            if keep:
                kd = os.path.join(keep, safe)
                os.makedirs(kd, exist_ok=True)
                for fn in sorted(os.listdir(jdir)):
                    if re.match(r'(strace|sysray)\.(txt(\.\d+)?|stderr)$', fn):
                        shutil.copy(os.path.join(jdir, fn), kd)
                for tag, norm in (('strace', s_norm), ('sysray', y_norm)):
                    with open(os.path.join(kd, tag + '.norm.txt'), 'w') as f:
                        for p, b in norm:
                            f.write('%s  %s\n' % (p, b))
            frac = r.identical / r.total if r.total else (1.0 if not y_norm else 0.0)
            print('%-22s strace=%-5d identical=%-5d %6.1f%%  known=%-4d unexplained=%-4d '
                  'lost=%-3d names=%s exit=%s/%s%s' %
                  (name, r.total, r.identical, 100 * frac, r.known, r.unexplained, r.lost,
                   'equal' if r.names_equal else 'DIFF', r.s_rc, r.y_rc,
                   '  fds=%d/%d' % (r.fd_same, r.fd_total) if opts.fds else ''), flush=True)
            if r.status_bad:
                print('%-22s exit status wrong: %s' % (name, r.status_bad), flush=True)
    finally:
        shutil.rmtree(base, ignore_errors=True)

    total = sum(r.total for r in results)
    ident = sum(r.identical for r in results)
    kn = sum(r.known for r in results)
    frac = ident / total if total else 0.0
    score = (ident + kn) / total if (opts.count_known and total) else frac
    names_bad = [r.name for r in results if not r.names_equal]
    status_bad = [r.name for r in results if r.status_bad]

    if opts.report:
        write_report(opts.report, results, opts, total, ident, kn, names_bad, status_bad, known)

    if opts.per_pid_names:
        print('per-pid names/returns: %d/%d programs equal%s' %
              (len(results) - len(names_bad), len(results),
               (' (differ: %s)' % ', '.join(names_bad)) if names_bad else ''))
    print('differential: %d/%d lines identical (%.1f%%) over %d programs' %
          (ident, total, 100 * frac, len(results)))
    fd_share = 1.0
    if opts.fds:
        fd_total = sum(r.fd_total for r in results)
        fd_paired = sum(r.fd_paired for r in results)
        fd_same = sum(r.fd_same for r in results)
        fd_share = fd_same / fd_total if fd_total else 1.0
        print('differential: fd annotations: %d/%d identical (%.2f%%); %d/%d in lines '
              'both print (%.2f%%)' %
              (fd_same, fd_total, 100 * fd_share, fd_same, fd_paired,
               100.0 * fd_same / fd_paired if fd_paired else 100.0))
    if status_bad:
        print('differential: %d programs exited wrongly (failure): %s' %
              (len(status_bad), ', '.join(status_bad)))
    lost = sum(r.lost for r in results)
    if lost:
        print('differential: sysray reported %d lost-event lines%s' %
              (lost, '' if opts.allow_lost else ' (failure; --allow-lost to accept)'))
    unexplained = sum(r.unexplained for r in results)
    extra = sum(r.extra_unexplained for r in results)
    if opts.exact:
        print('differential: %d unexplained differences: %d strace lines not printed '
              'identically, %d lines printed by sysray only%s' %
              (unexplained + extra, unexplained, extra,
               ' (failure; see the report, or explain them in --known)'
               if unexplained + extra else ''))
    failed = (score < opts.min or (opts.exact and unexplained + extra) or
              (opts.per_pid_names and names_bad) or status_bad or
              (lost and not opts.allow_lost) or fd_share < opts.fd_min)
    return 1 if failed else 0


def tail(path, n=2000):
    try:
        with open(path, errors='replace') as f:
            return f.read()[-n:]
    except OSError:
        return ''


def write_report(path, results, opts, total, ident, kn, names_bad, status_bad, known):
    with open(path, 'w', encoding='utf-8', errors='surrogateescape') as f:
        f.write('sysray differential report\n')
        f.write('strace: %s %s -s %d    sysray: %s %s -s %d\n\n' %
                (opts.strace, opts.strace_args, opts.strsize, opts.sysray, opts.sysray_args,
                 opts.strsize))
        f.write('%-22s %7s %9s %7s %6s %11s %5s %6s %s\n' %
                ('program', 'strace', 'identical', 'pct', 'known', 'unexplained', 'lost',
                 'names', 'exit strace/sysray'))
        for r in results:
            pct = 100.0 * r.identical / r.total if r.total else 0.0
            f.write('%-22s %7d %9d %6.1f%% %6d %11d %5d %6s %s/%s%s\n' %
                    (r.name, r.total, r.identical, pct, r.known, r.unexplained, r.lost,
                     'equal' if r.names_equal else 'DIFF', r.s_rc, r.y_rc,
                     '  <-- ' + r.status_bad if r.status_bad else ''))
        f.write('\nTOTAL: %d/%d identical (%.1f%%), %d known, %d unexplained, %d lost events\n' %
                (ident, total, 100.0 * ident / total if total else 0.0, kn,
                 total - ident - kn, sum(r.lost for r in results)))
        if names_bad:
            f.write('per-pid (name, return value) sequences differ in: %s\n' %
                    ', '.join(names_bad))
        if status_bad:
            f.write('exit status wrong in: %s\n' % ', '.join(status_bad))

        f.write('\n==== UNEXPLAINED differences (strace line / closest sysray line) ====\n')
        for r in results:
            ux = [u for u in r.unmatched if not u[3]]
            if (not ux and not r.extra_unexplained and r.names_equal and not r.lost and
                    not r.status_bad):
                continue
            f.write('\n--- %s (%s)\n' % (r.name, ' '.join(r.argv)))
            if r.status_bad:
                f.write('  exit status wrong: %s\n' % r.status_bad)
            if r.lost:
                f.write('  sysray reported %d lost-event lines\n' % r.lost)
            if not r.names_equal:
                pid, k, a, b = r.names_divergence
                f.write('  per-pid sequence differs: %s, event #%d: strace %s / sysray %s\n' %
                        (pid, k + 1, fmt_nr(a), fmt_nr(b)))
            for pid, line, close, _ in ux:
                f.write('  strace %-4s %s\n' % (pid, line))
                f.write('  sysray %-4s %s\n' % ('', close if close is not None else
                                                '(no similar line)'))
            if r.status_bad:
                for tag, err in (('strace', r.s_stderr), ('sysray', r.y_stderr)):
                    if err.strip():
                        f.write('  %s run stderr (tail):\n' % tag)
                        for l in err.strip().splitlines()[-10:]:
                            f.write('    %s\n' % l)

        if opts.fds:
            f.write('\n==== fd annotations that differ (strace line / sysray line) ====\n')
            for r in results:
                if not r.fd_diffs:
                    continue
                f.write('\n--- %s: %d/%d identical\n' % (r.name, r.fd_same, r.fd_total))
                for pid, sl, yl in r.fd_diffs[:opts.max_listed]:
                    f.write('  strace %-4s %s\n  sysray %-4s %s\n' % (pid, sl, '', yl))

        f.write('\n==== Known differences ====\n')
        for r in results:
            kx = [u for u in r.unmatched if u[3]]
            if not kx:
                continue
            f.write('\n--- %s\n' % r.name)
            for pid, line, close, reason in kx:
                f.write('  [%s] %s %s\n' % (reason, pid, line))

        f.write('\n==== Lines printed by sysray only ====\n')
        for r in results:
            if not r.extra:
                continue
            f.write('\n--- %s (%d lines)\n' % (r.name, len(r.extra)))
            for pid, line in r.extra[:opts.max_listed]:
                reason = classify(line, known)
                f.write('  %-4s %s%s\n' % (pid, line, '   [known: %s]' % reason if reason else ''))
            if len(r.extra) > opts.max_listed:
                f.write('  ... %d more\n' % (len(r.extra) - opts.max_listed))


if __name__ == '__main__':
    sys.exit(main())
