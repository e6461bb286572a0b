# SPDX-License-Identifier: GPL-2.0
"""The deepest BPF call chain of an object, as 6.1's verifier counts it.

Verifiers before 6.7 (and every one without a JIT) round each frame of a
call chain (a program, its subprograms, bpf_loop() callbacks) up to 32 bytes
and refuse a chain over 512: on 6.1 a light skeleton whose chain is over
that is refused, and every start-up pays for libbpf's fallback. The host's
newer verifier rounds to 16, so only this check sees it here.

A frame is the deepest stack offset a function reaches: r10-relative loads
and stores, and `rN = r10; rN += -K` (a pointer to a local handed on). The
object is read as ELF (relocations name the callees): no tools needed.

usage: python3 tests/integration/bpf_stack.py OBJ...   (prints each chain)
Exits 1, naming the chains, when one is over the limit; 2 on bad usage.
"""
import struct
import sys

LIMIT = 512
FRAME_ROUND = 32


def _sections(data):
    shoff, = struct.unpack_from('<Q', data, 0x28)
    shentsize, shnum, shstrndx = struct.unpack_from('<HHH', data, 0x3a)
    secs = []
    for i in range(shnum):
        name, typ, _flags, _addr, off, size, link, info = struct.unpack_from(
            '<IIQQQQII', data, shoff + i * shentsize)
        secs.append({'name': name, 'type': typ, 'off': off, 'size': size,
                     'link': link, 'info': info})
    strtab = secs[shstrndx]
    for s in secs:
        end = data.index(b'\0', strtab['off'] + s['name'])
        s['name'] = data[strtab['off'] + s['name']:end].decode()
    return secs


def _symbols(data, secs):
    symtab = next(s for s in secs if s['type'] == 2)
    strs = secs[symtab['link']]['off']
    syms = []
    for off in range(symtab['off'], symtab['off'] + symtab['size'], 24):
        name, info, _other, shndx, value, size = struct.unpack_from('<IBBHQQ', data, off)
        end = data.index(b'\0', strs + name)
        syms.append({'name': data[strs + name:end].decode(), 'kind': info & 0xf,
                     'shndx': shndx, 'value': value, 'size': size})
    return syms


def frames(path):
    """{function: (frame bytes, set of callees)} and the programs' names."""
    with open(path, 'rb') as f:
        data = f.read()
    secs = _sections(data)
    syms = _symbols(data, secs)
    funcs = [s for s in syms if s['kind'] == 2]  # STT_FUNC
    at = {(s['shndx'], s['value']): s['name'] for s in funcs}
    relocs = {}  # (section, byte offset) -> symbol
    for rs in secs:
        if rs['type'] != 9:  # SHT_REL
            continue
        for off in range(rs['off'], rs['off'] + rs['size'], 16):
            r_off, r_info = struct.unpack_from('<QQ', data, off)
            relocs[(rs['info'], r_off)] = syms[r_info >> 32]
    out = {}
    for fn in funcs:
        sec = secs[fn['shndx']]
        depth, callees, r10 = 0, set(), set()
        for pc in range(fn['size'] // 8):
            byte = fn['value'] + pc * 8
            code, regs, off, imm = struct.unpack_from('<BBhi', data, sec['off'] + byte)
            dst, src = regs & 0xf, regs >> 4
            cls = code & 7
            if (cls in (1, 2, 3) and (src == 10 if cls == 1 else dst == 10)
                    and off < 0):
                depth = max(depth, -off)
            if code == 0xbf and src == 10:  # rN = r10
                r10.add(dst)
                continue
            if code == 0x07 and dst in r10 and imm < 0:  # rN += -K
                depth = max(depth, -imm)
            r10.discard(dst)
            target = None
            if code == 0x85 and src == 1:  # call to a subprogram
                target = (fn['shndx'], byte + (imm + 1) * 8)
                imm_bytes = (imm + 1) * 8
            elif code == 0x18:  # a 64-bit constant: a callback's address?
                target = (fn['shndx'], byte + (imm + 1) * 8) if src == 4 else ()
                imm_bytes = imm
            if target is None:
                continue
            sym = relocs.get((fn['shndx'], byte))
            if sym is not None and sym['kind'] == 2:
                target = (sym['shndx'], sym['value'])
            elif sym is not None:  # a section symbol plus the offset
                target = (sym['shndx'], sym['value'] + imm_bytes)
            if target in at:
                callees.add(at[target])
        out[fn['name']] = (depth, callees)
    programs = [s['name'] for s in funcs if secs[s['shndx']]['name'] != '.text']
    return out, programs


def deepest(path):
    """[(program, counted bytes, [(function, counted frame)...])...]"""
    fr, programs = frames(path)

    def counted(name):
        return -(-max(fr[name][0], 1) // FRAME_ROUND) * FRAME_ROUND

    def walk(name, seen):
        best = (0, [])
        for c in sorted(fr[name][1]):
            if c not in seen:
                d = walk(c, seen | {c})
                best = max(best, d, key=lambda x: x[0])
        return counted(name) + best[0], [(name, counted(name))] + best[1]

    return [(p,) + walk(p, {p}) for p in programs]


def describe(chain):
    return ' -> '.join(f'{n} ({b})' for n, b in chain)


def main(objs):
    if not objs:
        print('usage: bpf_stack.py OBJ...: name the BPF objects to read '
              '(e.g. .output/*.bpf.o)', file=sys.stderr)
        return 2
    over = []
    for obj in objs:
        try:
            chains = deepest(obj)
        except OSError as e:
            print(f'bpf_stack: cannot read {obj}: {e.strerror} (build it: make progs)',
                  file=sys.stderr)
            return 2
        for prog, total, chain in chains:
            print(f'{obj}: {prog}: {total}: {describe(chain)}')
            if total > LIMIT:
                over.append(f'{obj}: {prog} ({total})')
    if over:
        print(f'bpf_stack: {len(over)} call chain(s) over {LIMIT} bytes, which 6.1 and 5.10 '
              f'refuse: {", ".join(over)}', file=sys.stderr)
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
