/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Registry of struct kinds (SR_KIND), argument decoders (SR_DECODER) and
 * whole-syscall decoders (SR_SCDEC) named by include/sysray/syscalls.def.
 * Included with the macros defined to declare (decode.h) or to check them
 * (tests/unit). Each is defined in the user/decode/ file of its subsystem.
 */

/* stat.c: stat, statx, statfs */
SR_KIND(stat)
SR_KIND(statx)
SR_KIND(statfs)
SR_KIND(stat64)
SR_DECODER(statx_flags)
/* open.c: open's flags and mode, openat2 */
SR_KIND(open_how)
SR_DECODER(open_flags)
SR_DECODER(open_mode)
/* dirent.c: getdents, getdents64 */
SR_DECODER(dirents)
SR_DECODER(dirents64)
/* fanotify.c: fanotify_init's flags */
SR_DECODER(fan_init_flags)
/* swapon.c: swapon's flags and priority */
SR_DECODER(swap_flags)
/* mknod.c: file modes, device numbers (mknod, ustat) */
SR_DECODER(mknod_mode)
SR_DECODER(mknod_dev)
SR_DECODER(ustat_dev)
/* memfd.c: memfd_create's name and flags */
SR_DECODER(memfd_name)
SR_DECODER(memfd_flags)
/* reboot.c: reboot's command string */
SR_DECODER(reboot_arg)
/* xattr.c: extended attributes */
SR_DECODER(xattr_value_in)
SR_DECODER(xattr_value_out)
SR_DECODER(xattr_list)

/* ldt.c: set_thread_area, get_thread_area, modify_ldt */
SR_KIND(user_desc)
SR_SCDEC(set_thread_area)
SR_SCDEC(modify_ldt)
SR_DECODER(user_desc_get)
/* desc.c: ia32 tasks' 64-bit offsets in two registers */
SR_DECODER(off_lo_hi)
SR_DECODER(off_hi_lo)
/* desc.c: pidfd_getfd's target fd */
SR_DECODER(pidfd_target)
/* desc.c: pointed-to descriptor pairs, offsets, ids */
SR_KIND(int_pair)
SR_KIND(loff)
SR_KIND(uint)
SR_KIND(uid)
SR_KIND(gid_list)

/* poll.c: poll, ppoll */
SR_KIND(pollfd)
SR_SCDEC(poll)

/* select.c: select, pselect6 */
SR_DECODER(fdset)
SR_DECODER(sigmask_pair)
SR_SCDEC(select)

/* epoll.c: epoll events */
SR_KIND(epoll_event)
SR_KIND(epoll_ctl_event)

/* ioctl.c (and term.c, ioctl_dev.c, ioctl_blk.c, ioctl_fields.c): ioctl requests and their arguments */
SR_DECODER(ioctl_arg)
SR_SCDEC(ioctl)

/* fcntl.c: fcntl */
SR_SCDEC(fcntl)

/* sockaddr.c: socket addresses and their lengths */
SR_KIND(sockaddr)
SR_KIND(socklen)

/* socket.c: socket and socketpair */
SR_DECODER(socket_type)
SR_DECODER(socket_proto)

/* msghdr.c: message headers (control messages: cmsg.c) */
SR_DECODER(msghdr_in)
SR_DECODER(msghdr_out)
SR_DECODER(mmsghdr_in)
SR_DECODER(mmsghdr_out)
SR_SCDEC(recvmmsg)

/* bpf.c: bpf(2)'s union bpf_attr by command */
SR_DECODER(bpf_attr)
/* perf.c: perf_event_open's struct perf_event_attr */
SR_DECODER(perf_event_attr)
/* sockopt.c: socket options */
SR_DECODER(sockopt_level)
SR_DECODER(sockopt_name)
SR_DECODER(sockopt_name_get)
SR_DECODER(sockopt_val_in)
SR_DECODER(sockopt_val_out)

/* mmap.c: mappings */
SR_DECODER(mmap_flags)
SR_DECODER(mmap_4koff)
SR_DECODER(mremap_addr)
SR_DECODER(mincore_vec)

/* ipc.c, ipc_shm.c, ipc_sem.c, ipc_msg.c: System V IPC */
SR_DECODER(ipc_key)
SR_DECODER(ipc_flags)
SR_DECODER(shm_flags)
SR_DECODER(shm_cmd)
SR_DECODER(shm_buf)
SR_KIND(sembuf)
SR_DECODER(sem_cmd)
SR_DECODER(sem_buf)
SR_DECODER(msgbuf_in)
SR_DECODER(msgbuf_out)
SR_DECODER(msg_cmd)
SR_DECODER(msg_buf)

/* mq.c: POSIX message queues */
SR_DECODER(mq_mode)
SR_DECODER(mq_attr)
SR_KIND(mqattr)

/* membarrier.c */
SR_SCDEC(membarrier)

/* quota.c: quotactl, quotactl_fd */
SR_SCDEC(quotactl)
SR_SCDEC(quotactl_fd)

/* syslog.c: syslog */
SR_SCDEC(syslog)

/* fsconfig.c: fsconfig */
SR_SCDEC(fsconfig)

/* mount.c: mount, mount_setattr's struct */
SR_SCDEC(mount)
SR_KIND(mount_attr)

/* numa.c: memory policies, move_pages */
SR_SCDEC(mbind)
SR_SCDEC(set_mempolicy)
SR_SCDEC(get_mempolicy)
SR_SCDEC(migrate_pages)
SR_KIND(page_addr)
SR_KIND(page_node)
SR_KIND(page_status)

/* resource.c: resource limits and usage */
SR_KIND(rlimit)
SR_KIND(rlimit64)
SR_KIND(rusage)
SR_KIND(wait_rusage)
SR_KIND(tms)

/* sysinfo.c: uname, sysinfo, sethostname's name, _sysctl's arguments */
SR_KIND(utsname)
SR_KIND(sysinfo)
SR_DECODER(hostname)
SR_KIND(sysctl_args)

/*
 * uring.c: io_uring_setup's parameters, io_uring_register's argument, a
 * request's argument held by value where its syscall twin takes a pointer
 */
SR_DECODER(uring_params)
SR_DECODER(uring_reg_arg)
SR_DECODER(uring_byval)
/* sched.c: scheduling and CPU affinity */
SR_KIND(sched_param)
SR_KIND(cpuset)
SR_KIND(sched_attr)
SR_SCDEC(sched_getscheduler)
SR_SCDEC(sched_setattr)

/* caps.c: capabilities */
SR_KIND(cap_header)
SR_KIND(cap_data)

/* wait.c: wait statuses */
SR_DECODER(wait_status)

/* clone.c: clone, clone3 */
SR_DECODER(clone_args)
SR_SCDEC(clone)
SR_SCDEC(clone3)

/* ptrace.c: ptrace */
SR_SCDEC(ptrace)
SR_DECODER(ptrace_data)

/* prctl.c: prctl, arch_prctl */
SR_SCDEC(prctl)
SR_DECODER(arch_prctl_arg)

/* futex.c: futex, futex_waitv's waiters, the robust list */
SR_SCDEC(futex)
SR_KIND(futex_waitv)
SR_KIND(kptr)
SR_KIND(ulong)

/* personality.c, seccomp.c, ioprio.c */
SR_SCDEC(personality)
SR_SCDEC(seccomp)
SR_SCDEC(ioprio)

/* keyctl.c: add_key, request_key, keyctl (its commands' rows: include/sysray/commands.def) */
SR_DECODER(key_serial)
SR_DECODER(key_reqkey)
SR_DECODER(key_error)
SR_DECODER(key_text)
SR_DECODER(keyctl_caps)
SR_DECODER(keyctl_kdf)
SR_KIND(keyctl_dh_params)
SR_KIND(keyctl_pkey_query)
SR_SCDEC(keyctl_pkey)
SR_SCDEC(keyctl_pkey_verify)

/* signal.c: signals */
SR_KIND(sigaction)
SR_KIND(sigset)
SR_KIND(sigset_pending)
SR_KIND(stack_t)
SR_KIND(siginfo)
SR_DECODER(sigreturn_frame)

/* timex.c: adjtimex, clock_adjtime */
SR_KIND(timex)
SR_SCDEC(adjtimex)
/* time.c: clocks and timers */
SR_KIND(timespec)
SR_KIND(timeval)
SR_KIND(timezone)
SR_KIND(itimerval)
SR_KIND(itimerspec)
SR_KIND(timespec_pair)
SR_KIND(timeval_pair)
SR_DECODER(sleep_rem)
SR_KIND(sigevent)
SR_KIND(time_t)
SR_KIND(utimbuf)
SR_SCDEC(time)

/* kcmp.c: kcmp */
SR_KIND(kcmp_epoll_slot)
SR_SCDEC(kcmp)

/* kexec.c: kexec_load's segments and flags */
SR_KIND(kexec_segment)
SR_DECODER(kexec_load_flags)

/* landlock.c: landlock rulesets and rules */
SR_KIND(landlock_ruleset_attr)
SR_DECODER(landlock_rule_attr)
