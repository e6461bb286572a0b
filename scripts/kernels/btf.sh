#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Cut the kernel's BTF out of a decompressed kernel image, for
# scripts/gen-vmlinux.sh (bpftool reads raw BTF files). An ELF vmlinux has a
# .BTF section, but a raw arm64 Image has no section headers: the BTF blob is
# found by its header (magic 0xeb9f, version 1, flags 0, header length 24,
# then the offsets and lengths of the type and string sections), and the
# largest blob that bpftool accepts is taken.
#
# usage: scripts/kernels/btf.sh IMAGE OUT.btf
set -eu
img=$1 out=$2
export LC_ALL=C
best=0
for off in $(grep -obUaP '\x9f\xeb\x01\x00\x18\x00\x00\x00' "$img" | cut -d: -f1); do
	# type_off type_len str_off str_len (little-endian u32), after the header's first 8 bytes
	# shellcheck disable=SC2046
	set -- $(od -An -tu4 -j $((off + 8)) -N 16 "$img")
	[ $# -eq 4 ] || continue
	end=$(($1 + $2))
	[ $(($3 + $4)) -gt $end ] && end=$(($3 + $4))
	size=$((24 + end))
	[ $size -gt $best ] || continue
	tail -c +$((off + 1)) "$img" | head -c $size >"$out.tmp"
	if bpftool btf dump file "$out.tmp" format raw >/dev/null 2>&1; then
		best=$size
		mv "$out.tmp" "$out"
	fi
done
rm -f "$out.tmp"
if [ $best -eq 0 ]; then
	echo "btf: no BTF found in $img (a kernel built without CONFIG_DEBUG_INFO_BTF?)" >&2
	exit 1
fi
echo "btf: $best bytes of BTF from $img" >&2
