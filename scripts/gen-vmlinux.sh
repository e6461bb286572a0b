#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Regenerate vmlinux/<arch>/vmlinux.h from kernel BTF with bpftool.
# The header is committed so that building needs neither this kernel's BTF
# nor bpftool's BTF dumper; CO-RE relocations adapt the programs at load time.
#
# usage: scripts/gen-vmlinux.sh [BTF_FILE] [ARCH]
set -eu
btf=${1:-/sys/kernel/btf/vmlinux}
arch=${2:-$(uname -m | sed -e 's/x86_64/x86/' -e 's/aarch64/arm64/')}
out="$(dirname "$0")/../vmlinux/$arch/vmlinux.h"
if [ ! -r "$btf" ]; then
	echo "gen-vmlinux: $btf is not readable; this kernel has no BTF (CONFIG_DEBUG_INFO_BTF=y needed)" >&2
	exit 1
fi
mkdir -p "$(dirname "$out")"
bpftool btf dump file "$btf" format c > "$out.tmp"
mv "$out.tmp" "$out"
echo "wrote $out from $btf"
