# SPDX-License-Identifier: GPL-2.0
# bash completion for sysray(8).
#
# The options come from the installed binary's --help (one table in
# user/cli/options.c drives both), so a new option completes without an
# edit here. The syscall names and %classes below are filled in at build time
# from the generated syscall table and the -e trace= class table
# (make writes .output/sysray.bash).

_sysray_syscalls="@SYSCALLS@"
_sysray_classes="@CLASSES@"

# Every option form of `sysray --help`: "--output=" for one taking an argument.
_sysray_options()
{
	local bin=$1
	command -v "$bin" >/dev/null 2>&1 || bin=$(PATH=$PATH:/usr/local/sbin:/usr/sbin:/sbin command -v sysray) || return
	"$bin" --help 2>/dev/null | sed -nE '/^  -/{
		s/^  (-[^ ].*)$/\1/
		s/  .*//
		s/, /\n/g
		p
	}' | sed -nE '/^-e [a-z]+=/d; s/^(-[a-zA-Z]+).*/\1/p; s/^(--[a-z-]+)\[?=.*/\1=/p; s/^(--[a-z-]+)$/\1/p' | sort -u
}

# Directory names under the cgroup v2 hierarchy matching an extended regex.
_sysray_cgroup_dirs()
{
	local root
	root=$(awk '$9 == "cgroup2" { print $5; exit }' /proc/self/mountinfo 2>/dev/null)
	[[ -n $root ]] || return
	find "$root" -maxdepth 8 -type d -regextype posix-extended -regex "$1" -printf '%f\n' 2>/dev/null
}

# Running containers: the first 12 digits of 64-hex ids in cgroup names.
_sysray_containers()
{
	_sysray_cgroup_dirs '.*[0-9a-f]{64}[^/]*' | grep -v conmon |
		sed -nE 's/.*([0-9a-f]{64}).*/\1/p' | cut -c1-12 | sort -u
}

# Units with a cgroup: services without their suffix, other kinds with it.
_sysray_units()
{
	_sysray_cgroup_dirs '.*\.(service|scope|socket|mount|swap)' |
		sed -E 's/\.service$//' | sort -u
}

# Complete the last element of a comma-separated list in $cur from words $1.
_sysray_list()
{
	local head="" last=$cur neg=""
	if [[ $cur == *,* ]]; then
		head=${cur%,*},
		last=${cur##*,}
	fi
	if [[ -z $head && $last == '!'* ]]; then
		neg='!'
		last=${last#!}
	fi
	local IFS=$'\n'
	COMPREPLY=($(compgen -P "$neg$head" -W "$1" -- "$last"))
}

_sysray_qualifier()
{
	local q=${cur%%=*} sets
	cur=${cur#*=}
	case $q in
	trace | raw) sets="$_sysray_syscalls $_sysray_classes all none" ;;
	status) sets="successful failed unfinished unavailable detached" ;;
	signal) sets="$(compgen -A signal) $(compgen -A signal | sed 's/^SIG//')" ;;
	quiet) sets="attach exit thread-execve superseded path-resolution personality" ;;
	*) return ;;
	esac
	_sysray_list "$(printf '%s\n' $sets)"
	COMPREPLY=("${COMPREPLY[@]/#/$q=}")
}

_sysray()
{
	local cur prev words cword split i
	_init_completion -s -n = || return

	for ((i = 1; i < cword; i++)); do
		if [[ ${words[i]} == -- ]]; then
			_command_offset $((i + 1))
			return
		fi
	done

	case $prev in
	-e)
		if [[ $cur == *=* ]]; then
			_sysray_qualifier
		else
			COMPREPLY=($(compgen -W 'trace= status= signal= quiet= raw=' -- "$cur"))
			compopt -o nospace
		fi
		return
		;;
	-p | --attach)
		_sysray_list "$(ls /proc | grep -E '^[0-9]+$')"
		return
		;;
	--comm)
		local IFS=$'\n'
		COMPREPLY=($(compgen -W "$(cat /proc/[0-9]*/comm 2>/dev/null | sort -u)" -- "$cur"))
		return
		;;
	--container)
		COMPREPLY=($(compgen -W "$(_sysray_containers)" -- "$cur"))
		return
		;;
	--unit)
		COMPREPLY=($(compgen -W "$(_sysray_units)" -- "$cur"))
		return
		;;
	--uid | -u | --user)
		COMPREPLY=($(compgen -u -- "$cur"))
		return
		;;
	-E | --env)
		COMPREPLY=($(compgen -e -- "$cur"))
		return
		;;
	--decode-fds)
		_sysray_list "$(printf '%s\n' path socket dev pidfd all none)"
		return
		;;
	--decode-pids)
		COMPREPLY=($(compgen -W 'comm' -- "$cur"))
		return
		;;
	-o | --output | --record | --replay)
		_filedir
		return
		;;
	--cgroup)
		_filedir -d
		return
		;;
	-s | --string-limit | -b | --buffer-size | --backlog)
		return
		;;
	esac
	$split && return

	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "$(_sysray_options "${words[0]}")" -- "$cur"))
		[[ ${COMPREPLY-} == *= ]] && compopt -o nospace
		return
	fi
	# the command to trace
	COMPREPLY=($(compgen -c -- "$cur"))
} &&
	complete -F _sysray sysray
