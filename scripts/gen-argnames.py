#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Generate the argument names -N prints (strace 6.16's --arg-names).

The names come from the SYNOPSIS of the section 2 man pages (Debian's
manpages-dev): for every row of include/sysray/syscalls.def, the parameter
names of the prototype of that syscall (or of the wrapper its page documents
it under, see ALIASES), then the overrides file, where strace names an
argument differently from the man page (each override says why).

Output: a C header with one macro per row, SR_ARGN_<name>, expanding to the
names as string literals ("" for an argument strace leaves unnamed); a row
with no names expands to NULL (then -N prints strace's generic arg1=,
arg2=, ...). A call with a row per command (include/sysray/commands.def)
gets one macro per command, SR_ARGN_CMD_<call>_<command>, from the
overrides file's "call@COMMAND" rows (strace names them per command; no man
page does), NULL for a command without one (the call's own names then).
`--check` prints the rows left without names and exits 1 if there is any.

Usage: gen-argnames.py MANDIR SYSCALLS_DEF COMMANDS_DEF OVERRIDES [--check] > argnames.h
"""
import gzip
import os
import re
import sys

# A syscall documented under its wrapper's name on the same page: the
# kernel's name -> the prototype's name. Only where the arguments are the
# same ones in the same order.
ALIASES = {
    "pread64": "pread",
    "pwrite64": "pwrite",
    "prlimit64": "prlimit",
    "newfstatat": "fstatat",
    "umount2": "umount2",
    "rt_sigreturn": "sigreturn",
    "rt_sigqueueinfo": "rt_sigqueueinfo",
    "_newselect": "select",
    "getdents64": "getdents64",
    "sync_file_range": "sync_file_range",
}


def roff_text(line):
    """One SYNOPSIS source line as the text it renders to."""
    line = re.sub(r"\\f[BIRP]|\\f\(..|\\f\[[^]]*\]", "", line)
    line = line.replace("\\-", "-").replace("\\ ", " ").replace("\\~", " ")
    line = line.replace("\\&", "").replace("\\e", "\\")
    if not line.startswith("."):
        return line
    m = re.match(r"\.(BI|IB|BR|RB|IR|RI|SM|SB|B|I)(?:\s+(.*))?$", line)
    if not m:
        return ""  # .PP, .nf, .RS, comments: no text
    words = [q if q else w for q, w in re.findall(r'"([^"]*)"|(\S+)', m.group(2) or "")]
    # .B and .I join their arguments with blanks, the alternating fonts without
    return " ".join(words) if len(m.group(1)) == 1 else "".join(words)


def synopsis(path):
    """The text of a page's SYNOPSIS, or "" (a page that only sources another)."""
    try:
        with gzip.open(path, "rt", errors="replace") as fh:
            src = fh.read()
    except OSError:
        return ""
    src = src.replace("\\\n", "")  # roff line continuations
    out, inside = [], False
    for line in src.split("\n"):
        if line.startswith(".SH"):
            inside = "SYNOPSIS" in line
            continue
        if inside:
            out.append(roff_text(line))
    text = "\n".join(out)
    return re.sub(r"/\*.*?\*/", " ", text, flags=re.S)


def param_name(param):
    """The name a C parameter declares: "char *const argv[]" -> "argv"."""
    param = re.sub(r"\[[^]]*\]", "", param).strip()
    m = re.search(r"\(\s*\*\s*(\w+)\s*\)", param)  # int (*fn)(void *)
    if m:
        return m.group(1)
    m = re.search(r"(\w+)\s*$", param)
    return m.group(1) if m else None


def split_params(s):
    parts, depth, cur = [], 0, ""
    for ch in s:
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        if ch == "," and depth == 0:
            parts.append(cur)
            cur = ""
        else:
            cur += ch
    parts.append(cur)
    return [p.strip() for p in parts if p.strip()]


PROTO = re.compile(r"\b(\w+)\s*\(((?:[^();]|\([^()]*\))*)\)\s*;")


def prototypes(text):
    """name -> parameter names, for each prototype of a SYNOPSIS text."""
    found = {}
    for m in PROTO.finditer(" ".join(text.split())):
        name, params = m.group(1), split_params(m.group(2))
        if name == "syscall" and params and params[0].startswith("SYS_"):
            name, params = params[0][4:], params[1:]
        if params == ["void"]:
            params = []
        if any(p == "..." for p in params):
            params = [p for p in params if p != "..."]
        names = [param_name(p) for p in params]
        if None in names:
            continue
        # open(2) and fcntl(2) have a short and a long form: keep the longest
        if len(names) >= len(found.get(name, [])):
            found[name] = names
    return found


def man_names(mandir):
    """name -> parameter names; a page named after the function is its own
    (ioctl(2), not ioctl_fat(2)'s example), else the longest form found."""
    names, own = {}, set()
    for entry in sorted(os.listdir(mandir)):
        if not entry.endswith(".2.gz"):
            continue
        page = entry[: -len(".2.gz")]
        for name, params in prototypes(synopsis(os.path.join(mandir, entry))).items():
            if name in own:
                continue
            if name == page:
                own.add(name)
                names[name] = params
            elif name not in names or len(params) > len(names[name]):
                names[name] = params
    return names


def def_rows(path):
    """(name, number of arguments) of each row of syscalls.def, in order."""
    rows = []
    with open(path) as fh:
        for line in fh:
            m = re.match(r"SCX?\((\w+),", line)
            if m:
                rows.append((m.group(1), len(re.findall(r"\bA\(", line))))
    return rows


def cmd_rows(path):
    """(call, command, number of arguments) of each row of commands.def."""
    rows = []
    with open(path) as fh:
        for line in fh:
            m = re.match(r"CMDX?\((\w+),\s*\w+,\s*(\w+),", line)
            if m:
                rows.append((m.group(1), m.group(2), len(re.findall(r"\bA\(", line))))
    return rows


def overrides(path):
    """name -> names from the overrides file: "name arg0 arg1 ...  # why"."""
    found = {}
    with open(path) as fh:
        for n, line in enumerate(fh, 1):
            line = line.split("#", 1)[0].split()
            if not line:
                continue
            if line[0] in found:
                sys.exit(f"{path}:{n}: {line[0]} given twice")
            found[line[0]] = line[1:]
    return found


def main(argv):
    check = "--check" in argv
    argv = [a for a in argv if a != "--check"]
    if len(argv) != 5:
        sys.exit(__doc__.strip().split("\n")[-1])
    mandir, defpath, cmdpath, ovpath = argv[1:]
    if not os.path.isdir(mandir) or not any(f.startswith("openat.2") for f in os.listdir(mandir)):
        sys.exit(f"gen-argnames: no section 2 man pages in {mandir}: install manpages-dev (scripts/deps.sh)")
    man, ov = man_names(mandir), overrides(ovpath)
    rows, missing = def_rows(defpath), []
    print("/* Generated by scripts/gen-argnames.py from the section 2 man pages and")
    print(f" * {ovpath}: do not edit. */")
    for name, nargs in rows:
        names = ov.get(name)
        if names is None:
            names = man.get(ALIASES.get(name, name))
        if names is not None and len(names) != nargs:
            if name not in ov:
                # the wrapper's arguments are not the kernel's: leave it to an override
                names = None
        if names is None:
            names = []
            if nargs:
                missing.append(name)
        elif len(names) != nargs:
            sys.exit(f"gen-argnames: {ovpath}: {name} has {len(names)} names for {nargs} arguments")
        # "-": an argument strace prints without a name
        body = ", ".join('"%s"' % ("" if n == "-" else n) for n in names) or "NULL"
        print(f"#define SR_ARGN_{name} {body}")
    cmds = cmd_rows(cmdpath)
    unknown = set(k for k in ov if "@" in k) - set(f"{c}@{m}" for c, m, _ in cmds)
    if unknown:
        sys.exit(f"gen-argnames: {ovpath}: no such row in {cmdpath}: {' '.join(sorted(unknown))}")
    for call, cmd, nargs in cmds:
        key = f"{call}@{cmd}"
        names = ov.get(key)
        if names is None:
            missing.append(key)
        elif len(names) != nargs:
            sys.exit(f"gen-argnames: {ovpath}: {key} has {len(names)} names for {nargs} arguments")
        body = ", ".join('"%s"' % ("" if n == "-" else n) for n in names or []) or "NULL"
        print(f"#define SR_ARGN_CMD_{call}_{cmd} {body}")
    if check and missing:
        print("rows without names: " + " ".join(missing), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
