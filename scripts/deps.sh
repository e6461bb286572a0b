#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Install what building and testing sysray needs, only when it is missing.
# Debian and Ubuntu (apt-get) only; elsewhere, say what to install.
set -eu
# clang compiles the BPF object itself (no llc); bpftool makes the skeleton;
# libdw (elfutils) unwinds and symbolises user stacks for -k.
# python3-jsonschema: the tests validate --json output against docs/sysray-events.schema.json.
# manpages-dev: -N's argument names are generated from its section 2 SYNOPSIS.
PKGS="clang make gcc pkg-config libbpf-dev bpftool libelf-dev libdw-dev zlib1g-dev libc6-dev
linux-libc-dev strace python3 liburing-dev python3-jsonschema manpages-dev"
# gcc-multilib (amd64 only): the integration tests build an ia32 program
# with glibc (tests/progs32/libc32.c) and trace it as strace does.
if command -v dpkg >/dev/null 2>&1 && [ "$(dpkg --print-architecture)" = amd64 ]; then
	PKGS="$PKGS gcc-multilib"
fi
# Used by `make bench` (scripts/bench.py): perf trace for the comparison,
# tar for a workload, sysctl (procps) for the BPF programs' run-time stats.
BENCH_PKGS="linux-perf tar procps"
# Used by make test (one kernel) and make test-kernels: qemu boots Debian's
# kernels, cpio packs the initramfs (scripts/kernels/; the kernels and a
# static busybox are fetched from Debian's archive by fetch.sh).
KERNEL_PKGS="qemu-system-x86 cpio"
# make test-kernels ARCH=arm64: the cross compiler, arm64 libraries through
# multiarch, and qemu for arm64.
ARM64_PKGS="gcc-aarch64-linux-gnu libc6-dev-arm64-cross linux-libc-dev:arm64 libbpf-dev:arm64
libelf-dev:arm64 libdw-dev:arm64 zlib1g-dev:arm64 qemu-system-arm cpio"
# Used by make test's shipping tests (tests/ship/): the man page linters,
# bash completion, podman and busybox-static for the image and a second
# container, a YAML parser for the DaemonSet, and what builds the Debian
# package.
# Used by `make strace-suite` (scripts/strace-suite/): dpkg-source unpacks
# Debian's strace source package; gawk and the bluetooth headers are what its
# test programs are built and checked with, as in Debian's own build.
SUITE_PKGS="dpkg-dev xz-utils gawk libbluetooth-dev"
SHIP_PKGS="mandoc groff bash-completion podman runc busybox-static python3-yaml dpkg-dev debhelper fakeroot"
# make package-test: the same and lintian.
PACKAGE_PKGS="$SHIP_PKGS lintian"
for arg in "$@"; do
	case "$arg" in
	--bench) PKGS="$PKGS $BENCH_PKGS" ;;
	--kernels) PKGS="$PKGS $KERNEL_PKGS" ;;
	--arm64) PKGS="$PKGS $ARM64_PKGS" ;;
	--ship) PKGS="$PKGS $SHIP_PKGS" ;;
	--package) PKGS="$PKGS $PACKAGE_PKGS" ;;
	--strace-suite) PKGS="$PKGS $SUITE_PKGS" ;;
	*)
		echo "deps.sh: unknown argument '$arg' (--bench, --kernels, --arm64, --ship, --package or --strace-suite)" >&2
		exit 2
		;;
	esac
done

if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
	missing=""
	for t in clang pkg-config bpftool strace python3; do
		command -v "$t" >/dev/null 2>&1 || missing="$missing $t"
	done
	pkg-config --exists libbpf 2>/dev/null || missing="$missing libbpf(dev)"
	pkg-config --exists libdw 2>/dev/null || missing="$missing libdw(dev)"
	[ -z "$missing" ] && exit 0
	echo "deps: this is not a Debian-like system; install these yourself, then run make:$missing" >&2
	echo "deps: (clang >= 11, libbpf >= 1.0 headers, bpftool, libelf, libdw, zlib, strace, python3)" >&2
	exit 1
fi
missing=""
for p in $PKGS; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
		missing="$missing $p"
	fi
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" != 0 ]; then
	echo "deps: missing packages:$missing; run as root (sudo make ...) or apt-get install them" >&2
	exit 1
fi
echo "deps: installing$missing"
export DEBIAN_FRONTEND=noninteractive
case "$missing" in
*:arm64*)
	dpkg --print-foreign-architectures | grep -qx arm64 || dpkg --add-architecture arm64
	;;
esac
apt-get update -qq
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing >/dev/null
