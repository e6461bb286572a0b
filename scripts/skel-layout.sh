#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The loader reaches every build of the BPF programs through one view
# (user/capture/bpfobj.c): libbpf's skeletons of the builds for old kernels
# and for bpf_loop() (verifystat), and the two light skeletons. Check that
# they agree on what that view relies on: the maps, programs and links in
# the same order, and .rodata and .bss laid out alike.
#
# usage: scripts/skel-layout.sh COMPAT.skel.h LOOP.skel.h A.lskel.h B.lskel.h
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# names in the skeleton struct, one per line: maps, programs, links, then
# the variables of each data section (skeleton names replaced by SKEL)
layout() {
	sed -n '/^struct [a-z_]* {$/,/^};$/p' "$1" |
		sed -e 's/sysray_[a-z_]*bpf\b/SKEL/g; s/sysray_lskel\b/SKEL/g' \
		    -e 's/struct bpf_map \*\([a-z_]*\);/map \1/' \
		    -e 's/struct bpf_map_desc \([a-z_]*\);/map \1/' \
		    -e 's/struct bpf_program \*\([a-z_]*\);/prog \1/' \
		    -e 's/struct bpf_prog_desc \([a-z_]*\);/prog \1/' \
		    -e 's/struct bpf_link \*\([a-z_]*\);/link \1/' \
		    -e 's/int \([a-z_]*\)_fd;/link \1/' |
		grep -E '^	*(map|prog|link) |^		[a-z_0-9]+ [^;]*;|\*(rodata|bss);' |
		sed 's/^[[:space:]]*//'
}

for f in "$@"; do
	layout "$f" >"$tmp/$(basename "$f")"
done
ref=$tmp/$(basename "$1")
for f in "$@"; do
	if ! diff -u "$ref" "$tmp/$(basename "$f")" >&2; then
		echo "skel-layout: $f and $1 differ (see above)" >&2
		exit 1
	fi
done
