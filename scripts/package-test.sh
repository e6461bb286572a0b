#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Build the Debian package with dpkg-buildpackage -b -us -uc in a copy of
# the tree (so that the build's clean and outputs stay out of it).
#   package-test.sh --build DIR   build; the .deb ends in DIR
#   package-test.sh --lintian     build in a temporary directory, run lintian
#                                 (fails on errors), then the install test of
#                                 tests/ship/run.py on that .deb
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
ver=$(cat "$root/VERSION")
case "${1:-}" in
--build) out=$2 ;;
--lintian)
	out=$(mktemp -d /tmp/sysray-deb-XXXXXX)
	trap 'rm -rf "$out"' EXIT
	;;
*)
	echo "usage: package-test.sh --build DIR | --lintian" >&2
	exit 2
	;;
esac
src=$out/sysray-$ver
rm -rf "$src" && mkdir -p "$src"
# the tree as git sees it (tracked and new files; not .output or the binary)
(cd "$root" && git ls-files -co --exclude-standard | while read -r f; do
	[ -e "$f" ] && printf '%s\n' "$f"
done) | tar -C "$root" -T - -cf - | tar -C "$src" -xf -
log=$out/build.log
if ! (cd "$src" && DEB_BUILD_OPTIONS="parallel=2" dpkg-buildpackage -b -us -uc) >"$log" 2>&1; then
	tail -30 "$log"
	echo "package-test: dpkg-buildpackage failed (log above)" >&2
	exit 1
fi
tail -3 "$log"
deb=$(ls "$out"/sysray_"$ver"_*.deb)
echo "package-test: built $deb"
[ "$1" = --lintian ] || exit 0
echo "package-test: lintian $(lintian --version | sed 's/^Lintian v//')"
lintian --fail-on error --display-info "$out"/sysray_"$ver"_*.changes
echo "package-test: lintian found no errors"
SYSRAY_DEB=$deb python3 "$root/tests/ship/run.py" -k debian_package
