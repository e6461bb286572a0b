#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Fetch one of Debian's kernels for the VM tests and make it bootable by qemu.
#
# usage: scripts/kernels/fetch.sh SERIES [ARCH]
#   SERIES  5.10 (bullseye), 6.1 or 6.12 (bookworm, bookworm-security), or
#           busybox (bookworm's busybox-static, for the VM's initramfs)
#   ARCH    amd64 (default) or arm64
#
# Prints the directory that holds `kernel` (decompressed: an ELF vmlinux on
# amd64, a raw Image on arm64), `config`, `version` and `package`; for
# busybox, the directory that holds `busybox`.
#
# apt runs with a configuration private to this script (its own sources,
# lists and cache under the cache directory); the host's /etc/apt is only
# read for apt.conf defaults, never changed. Environment:
#   KERNEL_CACHE   where lists, packages and kernels are kept
#                  (default: .output/kernels in the source tree)
#   DEBIAN_MIRROR, DEBIAN_SECURITY_MIRROR   archive URLs
#   KERNEL_REFRESH=1   ask apt for the newest package even if one is cached
# Exit status: 0 ok, 2 the kernel could not be fetched (no network, no
# such package: callers report their tests as skipped), 1 anything else.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
series=${1:?usage: fetch.sh SERIES [ARCH]}
arch=${2:-amd64}
cache=${KERNEL_CACHE:-$here/../../.output/kernels}
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
secmirror=${DEBIAN_SECURITY_MIRROR:-http://deb.debian.org/debian-security}
keyring=/usr/share/keyrings/debian-archive-keyring.gpg

die() {
	echo "fetch: $*" >&2
	exit 1
}
unavailable() {
	echo "fetch: $*" >&2
	exit 2
}

case "$series" in
5.10) dist=bullseye ;;
6.1 | 6.12 | busybox) dist=bookworm ;;
*) die "unknown kernel series '$series' (5.10, 6.1 or 6.12)" ;;
esac
case "$arch" in
amd64 | arm64) ;;
*) die "unknown architecture '$arch' (amd64 or arm64)" ;;
esac
# Package names: linux-image-5.10.0-35-amd64-unsigned,
# linux-image-6.1.0-47-amd64-unsigned, linux-image-6.12.107+deb12-amd64-unsigned.
re=$(printf '%s' "$series" | sed 's/\./\\./g')
prefix=linux-image-
case "$series" in
6.12) pattern="^linux-image-$re\\.[0-9]+\\+deb[0-9]+-$arch-unsigned\$" ;;
busybox) pattern='^busybox-static$' prefix=busybox ;;
*) pattern="^linux-image-$re\\.0-[0-9]+-$arch-unsigned\$" ;;
esac

for t in apt-get apt-cache dpkg-deb; do
	command -v "$t" >/dev/null 2>&1 || unavailable "$t is missing (a Debian host is needed)"
done
[ -r "$keyring" ] || unavailable "$keyring is missing (apt-get install debian-archive-keyring)"

mkdir -p "$cache"
cache=$(cd "$cache" && pwd)
aptdir=$cache/apt-$dist-$arch
out=$cache/$arch-$series
want=kernel
[ "$series" = busybox ] && want=busybox
mkdir -p "$aptdir/lists/partial" "$aptdir/cache/archives/partial" "$aptdir/debs"

cat >"$aptdir/sources.list.new" <<EOF
deb [signed-by=$keyring] $mirror $dist main
deb [signed-by=$keyring] $mirror $dist-updates main
deb [signed-by=$keyring] $secmirror $dist-security main
EOF
mv "$aptdir/sources.list.new" "$aptdir/sources.list"

apt_private() {
	"$@" -q -o Dir::Etc::SourceList="$aptdir/sources.list" \
		-o Dir::Etc::SourceParts=/dev/null \
		-o Dir::Etc::Preferences=/dev/null -o Dir::Etc::PreferencesParts=/dev/null \
		-o Dir::State::Lists="$aptdir/lists" -o Dir::Cache="$aptdir/cache" \
		-o Dir::State::Status=/dev/null \
		-o APT::Architecture="$arch" -o APT::Architectures="$arch" \
		-o Acquire::Languages=none -o APT::Sandbox::User=root \
		-o Acquire::Retries=1 -o Acquire::http::Timeout=20
}

# A kernel unpacked before is used as it is unless a refresh is asked for:
# the tests then run without the network.
if [ -s "$out/$want" ] && [ "${KERNEL_REFRESH:-0}" != 1 ]; then
	echo "$out"
	exit 0
fi

# Lists younger than an hour are reused (one run fetches several packages).
stamp=$aptdir/updated
if [ -n "$(find "$stamp" -mmin -60 2>/dev/null)" ]; then
	:
elif echo "fetch: apt-get update for $dist ($arch), private lists in $aptdir" >&2 &&
	apt_private apt-get update >"$aptdir/update.log" 2>&1 &&
	! grep -q '^[WE]: Failed to fetch' "$aptdir/update.log"; then
	touch "$stamp"
else
	if [ -s "$out/$want" ]; then
		echo "fetch: apt-get update failed; using the kernel fetched before" >&2
		echo "$out"
		exit 0
	fi
	sed -n 's/^[WE]: /fetch: apt: /p' "$aptdir/update.log" | head -3 >&2
	unavailable "apt-get update failed for $dist (no network?); see $aptdir/update.log"
fi

# The newest package first; an older one if a mirror lacks its file (a
# mirror being synced, or a partial one).
pkgs=$(apt_private apt-cache pkgnames "$prefix" 2>/dev/null | grep -E "$pattern" | sort -rV)
[ -n "$pkgs" ] || unavailable "no package matches $pattern in $dist"
if [ -s "$out/$want" ] && [ "$(cat "$out/package" 2>/dev/null)" = "$(echo "$pkgs" | head -1)" ]; then
	echo "$out"
	exit 0
fi
rm -f "$aptdir/debs/"*.deb "$aptdir/download.log"
for pkg in $pkgs; do
	echo "fetch: downloading $pkg" >&2
	(cd "$aptdir/debs" && apt_private apt-get download "$pkg") >>"$aptdir/download.log" 2>&1 && break
	echo "fetch: $(grep '^E: ' "$aptdir/download.log" | tail -1)" >&2
	pkg=
done
[ -n "$pkg" ] || unavailable "apt-get download failed for $(echo $pkgs); see $aptdir/download.log"
deb=$(ls "$aptdir/debs/"*.deb)

tmp=$cache/tmp.$$
trap 'rm -rf "$tmp"' EXIT
rm -rf "$tmp" "$out.new" && mkdir -p "$tmp" "$out.new"
if [ "$want" = busybox ]; then
	dpkg-deb --fsys-tarfile "$deb" | tar -x -C "$tmp" ./bin/busybox
	mv "$tmp/bin/busybox" "$out.new/busybox"
else
	# Only /boot is needed (the tests use no module), so extract that
	# part of the package rather than dpkg -x's whole tree.
	dpkg-deb --fsys-tarfile "$deb" | tar -x -C "$tmp" --wildcards './boot/*'
	vmlinuz=$(ls "$tmp"/boot/vmlinuz-* 2>/dev/null | head -1)
	[ -n "$vmlinuz" ] || die "$pkg has no /boot/vmlinuz-*"
	version=${vmlinuz##*/vmlinuz-}
	"$here/decompress.sh" "$vmlinuz" "$out.new/kernel"
	cp "$tmp/boot/config-$version" "$out.new/config"
	echo "$version" >"$out.new/version"
fi
echo "$pkg" >"$out.new/package"
dpkg-deb -f "$deb" Version >"$out.new/deb-version"
rm -rf "$out" && mv "$out.new" "$out"
rm -f "$deb"
echo "$out"
