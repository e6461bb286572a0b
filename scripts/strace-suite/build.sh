#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Fetch Debian's source package of the installed strace, unpack it and build
# strace and its test programs (without running them), under DIR
# (default .output/strace-suite). Every step is skipped when its result is
# already there, so a rerun costs nothing.
#
# apt runs with a configuration of its own (a deb-src line, its own lists and
# cache under DIR/apt): the host's /etc/apt is read by nothing here.
set -eu
DIR=${1:-.output/strace-suite}
MIRROR=${STRACE_SUITE_MIRROR:-http://deb.debian.org/debian}
SUITE=${STRACE_SUITE_DIST:-bookworm}
KEYRING=/usr/share/keyrings/debian-archive-keyring.gpg

mkdir -p "$DIR"
DIR=$(cd "$DIR" && pwd)
# The test programs must match the oracle: the strace that is installed.
VERSION=$(dpkg-query -W -f='${Version}' strace 2>/dev/null) || {
	echo "strace-suite: strace is not installed; run scripts/deps.sh --strace-suite" >&2
	exit 1
}
UPSTREAM=${VERSION%-*}
UPSTREAM=${UPSTREAM#*:}
SRC="$DIR/strace-$UPSTREAM"

apt_private()
{
	apt-get -q -o Dir::Etc::SourceList="$DIR/apt/sources.list" \
		-o Dir::Etc::SourceParts=/dev/null \
		-o Dir::State::Lists="$DIR/apt/lists" \
		-o Dir::Cache="$DIR/apt/cache" \
		-o APT::Sandbox::User=root "$@"
}

if ! [ -f "$DIR/dl/strace_$VERSION.dsc" ]; then
	mkdir -p "$DIR/apt/lists/partial" "$DIR/apt/cache/archives/partial" "$DIR/dl"
	echo "deb-src [signed-by=$KEYRING] $MIRROR $SUITE main" >"$DIR/apt/sources.list"
	echo "strace-suite: fetching strace $VERSION source ($MIRROR $SUITE)"
	apt_private update >/dev/null
	(cd "$DIR/dl" && apt_private source --download-only "strace=$VERSION" >/dev/null)
fi

if ! [ -f "$SRC/configure" ]; then
	rm -rf "$SRC"
	# apt checked the files against the signed Release file; dpkg-source
	# would only warn that the uploader's key is not in a local keyring.
	dpkg-source --no-check -x "$DIR/dl/strace_$VERSION.dsc" "$SRC" >/dev/null
fi

cd "$SRC"
# Native tests only: the m32/mx32 personalities need gcc-multilib and test
# what sysray does not decode. strace's own copy of the UAPI headers: newer
# linux-libc-dev releases renamed fields that strace 6.1 prints
# (struct nexthop_grp's resvd1).
CONF="--enable-mpers=no --enable-bundled=yes --prefix=/usr"
if ! [ -f Makefile ] || [ "$(cat configure.args 2>/dev/null)" != "$CONF" ]; then
	echo "strace-suite: configuring strace $UPSTREAM"
	# shellcheck disable=SC2086
	./configure -q $CONF >configure.out 2>&1 || {
		tail -20 configure.out >&2
		exit 1
	}
	echo "$CONF" >configure.args
fi
echo "strace-suite: building strace and its test programs (make -j2)"
make -s -j2 >make.out 2>&1 || {
	tail -30 make.out >&2
	exit 1
}
# check_PROGRAMS without running a test: check with an empty TESTS.
make -s -j2 -C tests check TESTS= >tests-make.out 2>&1 || {
	tail -30 tests-make.out >&2
	exit 1
}
echo "strace-suite: strace $UPSTREAM and its test programs are built in $SRC"
