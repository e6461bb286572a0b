#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Make the fuzzers' seed corpora from real recordings.

Records each program of tests/progs/ with `sysray --record -yy` (root; the
programs and sysray built), then writes candidate seeds:

- fuzz_records: an option word, then runs of consecutive records (u16 length,
  record), so that every record type, syscall and blob shape seen in the
  corpus is in some seed;
- fuzz_replay: the head of some recordings, as files (magic included).

and keeps the smallest set with the same coverage (libFuzzer's -merge=1 with
the built targets) in tests/fuzz/corpus/TARGET/. A change of the record
layouts (SR_RECORD_MAGIC) makes the old seeds useless: remove all but the
crash-* files (upgraded to the new layout) first.

usage: mkseeds.py [--sysray ./sysray] [--fuzz .output/fuzz]
"""

import argparse
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PROGS = os.path.join(ROOT, '.output', 'progs')
# Helpers that run until killed, not programs to record.
SKIP = {'busy', 'filter_target'}


def record_magic():
    """SR_RECORD_MAGIC of user/ingest/recording.h: the format sysray writes now."""
    with open(os.path.join(ROOT, 'user', 'ingest', 'recording.h')) as f:
        m = re.search(r'#define SR_RECORD_MAGIC "(\w+)"', f.read())
    return m.group(1).encode()


MAGIC = record_magic()
# Option words (fuzz_records.c opts_from()): -yy --peer -v -Y, -y, none, -e raw=.
OPTION_WORDS = [0x3 | 0x4 | 0x8, 0x1 | 0x10, 0x0, 0x2000 | 0x6b4d0000]
RECORDS_PER_SEED = 12


def records(path):
    """The records of a recording, as bytes."""
    with open(path, 'rb') as f:
        data = f.read()
    if not data.startswith(MAGIC):
        raise SystemExit(f'{path}: not a recording')
    pos, out = len(MAGIC), []
    while len(data) - pos >= 4:
        (n,) = struct.unpack_from('<I', data, pos)
        if len(data) - pos - 4 < n:
            break
        out.append(data[pos + 4:pos + 4 + n])
        pos += 4 + n
        pos += (8 - (4 + n) % 8) % 8
    return data, out


def record(sysray, prog, dest):
    subprocess.run([sysray, '--record=' + dest, '-yy', '--', prog], stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, timeout=120, check=False,
                   cwd=tempfile.gettempdir())


def merge(fuzz, target, candidates):
    corpus = os.path.join(ROOT, 'tests', 'fuzz', 'corpus', target)
    os.makedirs(corpus, exist_ok=True)
    subprocess.run([os.path.join(fuzz, target), '-merge=1', corpus, candidates],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    print(f'{target}: {len(os.listdir(corpus))} seeds in {corpus}')


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--sysray', default=os.path.join(ROOT, 'sysray'))
    ap.add_argument('--fuzz', default=os.path.join(ROOT, '.output', 'fuzz'))
    opts = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix='sysray-seeds-')
    try:
        rdir = os.path.join(tmp, 'records')
        pdir = os.path.join(tmp, 'replay')
        os.makedirs(rdir)
        os.makedirs(pdir)
        for i, name in enumerate(sorted(os.listdir(PROGS))):
            if name in SKIP:
                continue
            rec = os.path.join(tmp, name + '.rec')
            record(opts.sysray, os.path.join(PROGS, name), rec)
            if not os.path.exists(rec):
                print(f'{name}: no recording', file=sys.stderr)
                continue
            data, recs = records(rec)
            with open(os.path.join(pdir, name), 'wb') as f:
                f.write(data[:32768])
            for k in range(0, len(recs), RECORDS_PER_SEED):
                word = OPTION_WORDS[(i + k) % len(OPTION_WORDS)]
                seed = struct.pack('<I', word)
                for r in recs[k:k + RECORDS_PER_SEED]:
                    seed += struct.pack('<H', len(r)) + r
                with open(os.path.join(rdir, f'{name}-{k}'), 'wb') as f:
                    f.write(seed)
        merge(opts.fuzz, 'fuzz_records', rdir)
        merge(opts.fuzz, 'fuzz_replay', pdir)
    finally:
        shutil.rmtree(tmp)


if __name__ == '__main__':
    main()
