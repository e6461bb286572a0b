#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Decompress a kernel image (x86 bzImage, arm64 Image.gz or EFI zboot) so
# that qemu boots it without running the kernel's own decompressor, which
# takes seconds under TCG.
#
# usage: scripts/kernels/decompress.sh VMLINUZ OUT
#
# The compressed payload is found by its magic number: every offset where a
# known magic occurs is tried in turn, and the first one that decompresses to
# an ELF file (x86's vmlinux) or to an arm64 Image ("ARMd" at byte 56) wins.
set -eu
in=$1
out=$2
export LC_ALL=C

is_kernel() {
	[ -s "$1" ] || return 1
	[ "$(head -c 4 "$1" | od -An -tx1 | tr -d ' \n')" = 7f454c46 ] && return 0
	[ "$(dd if="$1" bs=1 skip=56 count=4 2>/dev/null)" = "ARMd" ]
}

# Already decompressed (an arm64 Image or an ELF vmlinux).
if is_kernel "$in"; then
	cp "$in" "$out"
	exit 0
fi

# name, magic (grep -P bytes), command reading stdin
try() {
	name=$1 magic=$2
	shift 2
	command -v "$1" >/dev/null 2>&1 || return 1
	for off in $(grep -obUaP "$magic" "$in" | cut -d: -f1); do
		tail -c +$((off + 1)) "$in" | "$@" >"$out" 2>/dev/null || true
		if is_kernel "$out"; then
			echo "decompress: $name payload at byte $off" >&2
			return 0
		fi
	done
	rm -f "$out"
	return 1
}

try xz '\xfd7zXZ\x00' xz -dc --single-stream && exit 0
try gzip '\x1f\x8b\x08' gzip -dc && exit 0
try zstd '\x28\xb5\x2f\xfd' zstd -dcq && exit 0
try lz4 '\x02\x21\x4c\x18' lz4 -dc && exit 0
try bzip2 'BZh' bzip2 -dc && exit 0
try lzma '\x5d\x00\x00' xz -dc --format=lzma && exit 0
try lzo '\x89\x4c\x5a\x4f' lzop -dc && exit 0
echo "decompress: no known compressed kernel found in $in" >&2
exit 1
