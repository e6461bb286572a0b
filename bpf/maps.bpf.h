/* SPDX-License-Identifier: GPL-2.0 */
/* Maps and load-time knobs of the sysray BPF programs. */
#ifndef SYSRAY_MAPS_BPF_H
#define SYSRAY_MAPS_BPF_H

/* Set by the loader before load (skel->rodata). */
const volatile __u32 targ_self_tgid = 0;
const volatile __u32 targ_excl_tgid[SR_MAX_EXCL] = {};
/* Trace only tgids in the traced map (launch, -p); else the whole host. */
const volatile bool targ_filter_tasks = false;
/* Wake the consumer each time this many more bytes wait in a ring (a power of two). */
const volatile __u64 targ_wakeup_bytes = 256 * 1024;
/* -z/-Z: keep only these outcomes (SR_STATUS_*), sending whole calls at exit. */
const volatile __u32 targ_status = 0;
/* Record each entry's cgroup id (--show-cgroup). */
const volatile bool targ_cgroup_ids = false;
/* -k: stack bytes copied at each traced entry (8-aligned, <= SR_STACK_BYTES_MAX); 0: off. */
const volatile __u32 targ_stack_bytes = 0;
/* Record each entry's task name (-Y, --comm in user space). */
const volatile bool targ_comm_names = false;
/* Process filters: within a kind any entry matches; all kinds must match. */
/* -e signal=: bit sig-1 set for the signals whose lines print */
const volatile __u64 targ_sig_mask = ~0ULL;
const volatile __u32 targ_ncomm = 0;
const volatile char targ_comm[SR_MAX_COMM][SR_COMM_LEN] = {};
const volatile __u32 targ_nuid = 0;
const volatile __u32 targ_uid[SR_MAX_UID] = {};
const volatile __u32 targ_ncgroup = 0;
const volatile __u8 targ_cgroup_kind[SR_MAX_CGROUP] = {}; /* --cgroup 0, --container 1, --unit 2 */
/*
 * io_uring (uring.bpf.h): which io_uring_complete this kernel has (enum
 * sr_uring_tp), 0: no io_uring programs; and flag values from
 * <linux/io_uring.h> (vmlinux.h has no macros).
 */
const volatile __u32 targ_uring = 0;
const volatile __u32 targ_uring_sqe128 = 0; /* IORING_SETUP_SQE128 */
const volatile __u32 targ_uring_no_sqarray = 0; /* IORING_SETUP_NO_SQARRAY */
const volatile __u32 targ_uring_cqe_more = 0; /* IORING_CQE_F_MORE */
/* -y: describe the fds io_uring requests return or take (sys_exit_fdi's captures). */
const volatile bool targ_uring_fdi = false;
/* --follow-peer and --explain (peer.bpf.h) */
const volatile bool targ_follow_peer = false;
/* The syscalls that take a connection (accept, accept4): from the table, by the loader. */
const volatile __u32 targ_naccept = 0;
const volatile __s32 targ_accept_nr[SR_MAX_ACCEPT_NR] = {};
const volatile bool targ_explain_creds = false;

/* Traced processes still alive; the loader sets the initial count. */
__s64 live_procs = 0;
/* Bumped on every change to the traced map, by either side: see tcache. */
__u64 traced_gen = 0;

/*
 * One ring buffer per CPU, so that producers on different CPUs never take
 * the same lock; user space merges them by timestamp. The loader sizes the
 * template (-b split across CPUs) and puts one ring per CPU in the array.
 */
struct rb_cpu {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	/* a template: the kernel takes rings of any size in the array (5.10+) */
	__uint(max_entries, 4096);
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY_OF_MAPS);
	__uint(max_entries, 1); /* one per possible CPU, set by the loader */
	__type(key, __u32);
	__array(values, struct rb_cpu);
} rbs SEC(".maps");

/*
 * Where records go while a CPU's slot in rbs is still empty. Storing a ring
 * into an array of maps waits for an RCU grace period (5-20 ms each), so
 * the loader attaches the programs and starts the command first and fills
 * the array in the background; the consumer merges this ring with the others.
 */
struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 4096); /* set by the loader */
} rb_start SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	/*
	 * One entry per syscall number, one for numbers out of range, and as
	 * many for an ia32 task's i386 numbers (SR_PLAN_KEY32).
	 */
	__uint(max_entries, SR_PLAN_COUNT);
	__type(key, __u32);
	__type(value, struct sr_plan);
} plans SEC(".maps");

/* The ioctl requests whose argument points to more memory, by request (the loader's). */
struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, SR_IOC_REFS_MAX);
	__type(key, __u32);
	__type(value, struct sr_ioc_refs);
} ioc_refs SEC(".maps");

/*
 * Allocated as entries come (a fork), not all at creation: preallocating
 * 65536 of them took ~5% of start-up.
 */
struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__uint(max_entries, SR_TRACED_MAX); /* the loader: at most kernel.pid_max */
	__type(key, __u32); /* tgid */
	__type(value, struct sr_task);
} traced SEC(".maps");

/*
 * Thread groups counted out of live_procs: several exiting threads can see
 * signal->live at 0, and the first insert here is the one that counts.
 */
struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__uint(max_entries, SR_TRACED_MAX); /* as traced */
	__type(key, __u32); /* tgid */
	__type(value, __u8);
} dead SEC(".maps");

/* --cgroup, --container, --unit: cgroup v2 directories, subtrees included. */
struct {
	__uint(type, BPF_MAP_TYPE_CGROUP_ARRAY);
	__uint(max_entries, SR_MAX_CGROUP);
	__type(key, __u32);
	__type(value, __u32);
} cgroups SEC(".maps");

/*
 * cgroup_selected()'s last answer on this CPU, and what it was for: the
 * task's css_set and the jiffy (or, in the build for older kernels, the
 * cgroup id and 0).
 */
struct cgcache {
	__u64 key;
	__u64 jiffy;
	__u32 selected;
	__u32 pad;
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct cgcache);
} cgcache SEC(".maps");

/*
 * Kernel struct fields that fdinfo.bpf.h reads, at offsets sys_exit_fdi
 * resolves (see there why): type__field in struct sr_fdi_offsets.
 */
#define SR_FDI_FIELDS(X)                 \
	X(task_struct, files)            \
	X(task_struct, fs)               \
	X(files_struct, fdt)             \
	X(fdtable, max_fds)              \
	X(fdtable, fd)                   \
	X(fs_struct, root)               \
	X(file, f_inode)                 \
	X(file, f_path)                  \
	X(file, private_data)            \
	X(path, dentry)                  \
	X(path, mnt)                     \
	X(inode, i_mode)                 \
	X(inode, i_ino)                  \
	X(inode, i_rdev)                 \
	X(inode, i_sb)                   \
	X(super_block, s_dev)            \
	X(super_block, s_magic)          \
	X(dentry, d_parent)              \
	X(dentry, d_name)                \
	X(dentry, d_hash)                \
	X(hlist_bl_node, pprev)          \
	X(qstr, len)                     \
	X(qstr, name)                    \
	X(vfsmount, mnt_root)            \
	X(mount, mnt_parent)             \
	X(mount, mnt_mountpoint)         \
	X(mount, mnt)                    \
	X(socket, sk)                    \
	X(sock_common, skc_family)       \
	X(sock_common, skc_state)        \
	X(sock_common, skc_num)          \
	X(sock_common, skc_dport)        \
	X(sock_common, skc_rcv_saddr)    \
	X(sock_common, skc_daddr)        \
	X(sock_common, skc_v6_rcv_saddr) \
	X(sock_common, skc_v6_daddr)     \
	X(sock, sk_type)                 \
	X(sock, sk_protocol)             \
	X(sock, sk_peer_pid)             \
	X(sock, sk_socket)               \
	X(pid, numbers)                  \
	X(upid, nr)                      \
	X(netlink_sock, portid)          \
	X(netlink_sock, dst_portid)      \
	X(unix_sock, peer)               \
	X(unix_sock, addr)               \
	X(unix_address, len)             \
	X(unix_address, name)            \
	X(socket_alloc, socket)          \
	X(socket_alloc, vfs_inode)

struct sr_fdi_offsets {
#define SR_FDI_FIELD(type, field) __u16 type##__##field;
	SR_FDI_FIELDS(SR_FDI_FIELD)
#undef SR_FDI_FIELD
};

/* The spare slots of sr_scratch's args (see retry_faults()). */
#define SR_ARGV_START 6
#define SR_ARGV_END   7

/* Blobs of a record that go on in SR_REC_MORE records, at most. */
#define SR_MORE_PEND 4

/* A blob put_blob() cut at SR_BLOB_MAX, for emit_more(): its bytes [off, end) at ptr. */
struct sr_more_pend {
	__u64 ptr; /* the user address of byte @off */
	__u32 at; /* the blob's offset in the record */
	__u32 off;
	__u32 end;
	__u32 pad;
};

struct sr_scratch {
	__u8 buf[SR_SCRATCH_SIZE - 304]; /* the rest: 304 bytes */
	__u64 gen; /* bumped by every user; detects a preempting program */
	__u32 faults; /* arguments whose retryable entry copy faulted */
	__u32 nmore; /* more[] in use (save_call() clears it) */
	__u32 more_cur; /* emit_more()'s place in more[] */
	__u32 msg_ctrl_cap; /* put_msghdr()'s cap of msg_control: the plan's elem, 0 for 256 */
	struct sr_more_pend more[SR_MORE_PEND];
	/* The call being captured, for the capture functions (see capture.bpf.h). */
	/*
	 * Six arguments; two more so that args[i & 7] stays inside, where
	 * retry_faults() keeps the bounds of an execve's new argv.
	 */
	__u64 args[8];
	__s64 ret;
	__u64 sp; /* the user stack pointer at entry, or 0 */
	struct sr_fdi_offsets fdo; /* set by sys_exit_fdi */
};

/* Exactly: a record's size masked with SR_SCRATCH_SIZE - 1 must be inside it. */
_Static_assert(sizeof(struct sr_scratch) == SR_SCRATCH_SIZE, "sr_scratch layout");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct sr_scratch);
} scratch SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct sr_cpu_stats);
} stats SEC(".maps");

/*
 * The last traced-map answer on this CPU: a tight loop asks about the same
 * tgid again and again, and an array slot is cheaper than a hash lookup.
 * Valid while traced_gen has not moved.
 */
struct tcache {
	__u64 gen;
	__u32 tgid;
	__u32 traced;
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct tcache);
} tcache SEC(".maps");

/* Pending enter-time faults, by tid: retried at exit (see SR_CAP_RETRY). */
struct retry_val {
	__s32 nr;
	__u32 mask; /* arguments whose entry copy faulted */
};

/*
 * Allocated as entries come (a call whose entry read faulted), not all 4096
 * at creation (~0.6 ms of start-up).
 */
struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__uint(max_entries, 4096);
	__type(key, __u32);
	__type(value, struct retry_val);
} retry SEC(".maps");

/* Entries in the retry map; lets sys_exit skip the lookup when zero. */
__s64 retry_pending = 0;

#endif /* SYSRAY_MAPS_BPF_H */
