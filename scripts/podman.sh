#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# podman as sysray's image build and tests run it: as root, with runc and
# cgroupfs (they work on hybrid cgroup hierarchies too), and the
# containers.conf next to this script unless CONTAINERS_CONF names another
# (no default ulimits: podman's exceed some hosts' hard RLIMIT_NPROC).
here=$(cd "$(dirname "$0")" && pwd)
export CONTAINERS_CONF="${CONTAINERS_CONF:-$here/containers.conf}"
exec podman --runtime runc --cgroup-manager cgroupfs "$@"
