#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Generate the ioctl request-name table of one subsystem: every request a
# UAPI header defines, named as strace names them. The list file
# (user/table/xlat/ioctls.list) gives each table its headers; the names are
# read from those headers (each `#define NAME _IO...(...)`, and for the old
# requests that are plain numbers, `#define PREFIX... NUMBER` under a +PREFIX
# word), and the values are left to the compiler, as gen-xlat.sh does. A name
# the compiler cannot evaluate here (a struct of another architecture, a
# definition under #ifdef __KERNEL__) is left out: the candidates are
# compiled once, and the lines the compiler rejects are dropped.
#
# usage: scripts/gen-ioctls.sh LIST TABLE > ioctls_TABLE.c
set -eu
list=$1
table=$2
inc=${UAPI_INC:-/usr/include}
cc=${CC:-cc}

line=$(awk -v t="$table" '$1 == t { $1 = ""; print; exit }' "$list")
[ -n "$line" ] || {
	echo "gen-ioctls.sh: no table $table in $list" >&2
	exit 1
}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
multiarch=$($cc -print-multiarch 2>/dev/null || true)

headers=""
# what a request's definition may use without its header including it
prereq="linux/types.h linux/ioctl.h"
prefixes=""
for w in $line; do
	case $w in
	+*) prefixes="$prefixes ${w#+}" ;;
	=*) prereq="$prereq ${w#=}" ;;
	*) headers="$headers $w" ;;
	esac
done

# Candidate names, from the headers' own text (continuation lines joined).
for h in $headers; do
	f=$inc/$h
	[ -f "$f" ] || f=$inc/$multiarch/$h
	[ -f "$f" ] || {
		echo "gen-ioctls.sh: $table: header $h not found under $inc" >&2
		exit 1
	}
	awk -v prefixes="$prefixes" '
	/\\$/ { sub(/\\$/, ""); buf = buf $0 " "; next }
	{ l = buf $0; buf = "" }
	l ~ /^[ \t]*#[ \t]*define[ \t]+[A-Za-z_][A-Za-z0-9_]*[ \t]/ {
		sub(/^[ \t]*#[ \t]*define[ \t]+/, "", l)
		name = l
		sub(/[ \t].*/, "", name)
		val = l
		sub(/^[^ \t]+[ \t]+/, "", val)
		if (val ~ /^([A-Za-z0-9]+_)*_?IO(R|W|WR)?[ \t]*\(/) { print name; next }
		n = split(prefixes, p, " ")
		for (i = 1; i <= n; i++)
			if (index(name, p[i]) == 1 && val ~ /^(0x[0-9a-fA-F]+|[0-9]+)[uUlL]*([ \t]|\/\*|$)/)
				print name
	}' "$f"
done | awk '!seen[$0]++' >"$tmp/names"

incs() {
	for h in $prereq $headers; do echo "#include <$h>"; done
}

# Keep the names the compiler evaluates; a rejected line drops its name.
for round in 1 2 3 4; do
	{
		incs
		# one function a name: an undeclared name is reported once a function
		awk '{ printf "unsigned long long sr_probe_%d(void) { return (%s); }\n", NR, $0 }' "$tmp/names"
	} >"$tmp/probe.c"
	if $cc -fsyntax-only -w -I"$inc" "$tmp/probe.c" >"$tmp/err" 2>&1; then
		break
	fi
	# the function an error is in names the candidate
	sed -n 's/.*In function .sr_probe_\([0-9]*\).*/\1/p; /error:/s/.*/E/p' "$tmp/err" |
		awk '$1 != "E" { cur = $1; next } cur != "" { print cur }' | sort -un >"$tmp/bad"
	if ! [ -s "$tmp/bad" ] || [ "$round" = 4 ]; then
		echo "gen-ioctls.sh: $table: the headers do not compile:" >&2
		head -20 "$tmp/err" >&2
		exit 1
	fi
	awk 'NR == FNR { bad[$1] = 1; next } !(FNR in bad)' "$tmp/bad" "$tmp/names" >"$tmp/keep"
	# GEN_IOCTLS_VERBOSE=1: say what is left out, and why
	[ -z "${GEN_IOCTLS_VERBOSE:-}" ] || grep error: "$tmp/err" >&2
	[ -z "${GEN_IOCTLS_VERBOSE:-}" ] ||
		awk 'NR == FNR { bad[$1] = 1; next } FNR in bad { print "dropped: " $0 }' \
			"$tmp/bad" "$tmp/names" >&2
	mv "$tmp/keep" "$tmp/names"
done

{
	echo "# From: $headers (scripts/gen-ioctls.sh, table $table of $list)"
	incs
	echo "#kind enum"
	cat "$tmp/names"
} >"$tmp/ioctls_$table.in"
"$(dirname "$0")/gen-xlat.sh" "$tmp/ioctls_$table.in" | sed "s|$tmp/||"
