#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Build the initramfs the kernel tests boot: a static busybox, sysray, the
# test programs, the shared libraries they need, and tests/kernels/ (init
# and the checks).
#
# usage: scripts/kernels/initramfs.sh OUT.cpio ARCH SYSRAY PROGS_DIR BUSYBOX
#
# Libraries are found from each binary's DT_NEEDED entries and program
# interpreter (readelf), looked up in the architecture's multiarch
# directories, so a cross-built arm64 tree is handled like a native one
# (ldd cannot run foreign binaries).
set -eu
out=$1 arch=$2 sysray=$3 progs=$4 busybox=$5
here=$(cd "$(dirname "$0")" && pwd)
tests=${KERNEL_TESTS:-$here/../../tests/kernels}
case "$arch" in
amd64) triplet=x86_64-linux-gnu ;;
arm64) triplet=aarch64-linux-gnu ;;
*)
	echo "initramfs: unknown architecture $arch" >&2
	exit 1
	;;
esac
libdirs="/lib/$triplet /usr/lib/$triplet /usr/$triplet/lib /lib64 /lib"
for t in readelf cpio; do
	command -v $t >/dev/null 2>&1 || {
		echo "initramfs: $t is missing (scripts/deps.sh --kernels installs it)" >&2
		exit 1
	}
done

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/bin" "$root/t/progs" "$root/dev" "$root/proc" "$root/sys" "$root/tmp" \
	"$root/etc" "$root/root"
cp "$busybox" "$root/bin/busybox"
cp "$sysray" "$root/t/sysray"
for p in "$progs"/*; do
	[ -f "$p" ] && [ -x "$p" ] && cp "$p" "$root/t/progs/"
done
cp "$tests/init" "$root/init"
cp "$tests/checks.sh" "$root/t/checks.sh"
chmod +x "$root/init" "$root/t/checks.sh"
echo "root:x:0:0:root:/root:/bin/sh" >"$root/etc/passwd"
echo "root:x:0:" >"$root/etc/group"

find_lib() {
	for d in $libdirs; do
		if [ -e "$d/$1" ]; then
			echo "$d/$1"
			return 0
		fi
	done
	return 1
}

# Add what the ELF file $1 needs: its interpreter and libraries, recursively.
deps() {
	interp=$(readelf -lW "$1" 2>/dev/null | sed -n 's/.*Requesting program interpreter: \(.*\)\]/\1/p')
	if [ -n "$interp" ]; then
		# the cross loader lives in /usr/<triplet>/lib on a build host
		src=$interp
		[ -e "$src" ] || src=$(find_lib "$(basename "$interp")") || {
			echo "initramfs: interpreter $interp of $1 not found" >&2
			exit 1
		}
		if [ ! -e "$root$interp" ]; then
			mkdir -p "$root$(dirname "$interp")"
			cp -L "$src" "$root$interp"
		fi
	fi
	for lib in $(readelf -dW "$1" 2>/dev/null | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'); do
		path=$(find_lib "$lib") || {
			echo "initramfs: $lib (needed by $1) not found in $libdirs" >&2
			exit 1
		}
		# keep the library where the loader's default path finds it
		dest=/lib/$triplet/$lib
		if [ ! -e "$root$dest" ]; then
			mkdir -p "$root/lib/$triplet"
			cp -L "$path" "$root$dest"
			deps "$path"
		fi
	done
}

for f in "$root/t/sysray" "$root"/t/progs/*; do
	deps "$f"
done

(cd "$root" && find . | LC_ALL=C sort | cpio -o -H newc -R 0:0 --quiet) >"$out.tmp"
mv "$out.tmp" "$out"
