/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the diagnosis (user/explain/) needs from the kernel, kept apart from
 * the syscall hooks; every knob is a .rodata constant, off by default, so
 * that none of it costs anything unless asked for.
 *
 * --follow-peer: the process that accepts a connection a traced process
 * makes joins the traced set before it returns from accept, with the
 * children it forks from then on. At the exit of any task's accept (no
 * other hook: it works wherever the syscall tracepoints do), the new socket
 * says who is at the other end: a unix stream socket carries the client's
 * pid since unix_stream_connect() (SO_PEERCRED); a TCP connection is
 * looked up among those traced processes started, noted by its addresses
 * and ports on the sock:inet_sock_set_state tracepoint (below), before the
 * server could accept it. Only with --follow-peer is that program loaded. A followed peer (SR_TASK_PEER) does not keep
 * the session alive: it ends when the command or -p processes do.
 *
 * --explain: the credentials of a task whose call failed with EACCES or
 * EPERM, sent with the call's exit (struct sr_creds, blob slot
 * SR_ARG_CREDS), so that a permission error is judged by the uid, groups
 * and capabilities the task had when the kernel refused, not later.
 */
#ifndef SYSRAY_PEER_BPF_H
#define SYSRAY_PEER_BPF_H

/* Its knobs are in maps.bpf.h, with every other (one .rodata for both objects). */

#define PEER_TCP 2

/* A TCP connection in the making, as both ends can name it. */
struct peer_key {
	__u32 kind; /* PEER_TCP */
	__u16 cport; /* the client's port, host order */
	__u16 sport; /* the server's port */
	__u8 caddr[16]; /* TCP: the client's address (4 bytes for IPv4) */
	__u8 saddr[16];
};

/* TCP connections from traced processes not yet accepted; remote ones age out (LRU). */
struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 4096);
	__type(key, struct peer_key);
	__type(value, __u32); /* the client's tgid */
} peer_wait SEC(".maps");

/* The four-tuple of @sk from the client's side (@server: @sk is the server's end). */
static __always_inline bool tcp_key(const struct sock *sk, bool server, struct peer_key *k)
{
	__u16 family = BPF_CORE_READ(sk, __sk_common.skc_family);
	__u16 num = BPF_CORE_READ(sk, __sk_common.skc_num);
	__u16 dport = __builtin_bswap16(BPF_CORE_READ(sk, __sk_common.skc_dport));
	__u8 *local = server ? k->saddr : k->caddr, *remote = server ? k->caddr : k->saddr;

	k->kind = PEER_TCP;
	k->cport = server ? dport : num;
	k->sport = server ? num : dport;
	if (family == 2 /* AF_INET */) {
		bpf_core_read(local, 4, &sk->__sk_common.skc_rcv_saddr);
		bpf_core_read(remote, 4, &sk->__sk_common.skc_daddr);
		return true;
	}
	if (family == 10 /* AF_INET6 */) {
		bpf_core_read(local, 16, &sk->__sk_common.skc_v6_rcv_saddr);
		bpf_core_read(remote, 16, &sk->__sk_common.skc_v6_daddr);
		return true;
	}
	return false;
}

/* TCP sockets of traced processes in SYN_SENT, whose ports are not chosen yet. */
struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 4096);
	__type(key, __u64); /* struct sock * */
	__type(value, __u32); /* the client's tgid */
} peer_syn SEC(".maps");

/*
 * A traced task's TCP socket enters SYN_SENT in its connect (tcp_v4_connect()
 * and tcp_v6_connect() set the state before choosing the source port): note
 * the socket. When the SYN-ACK makes it ESTABLISHED (tcp_finish_connect(),
 * in whatever task the softirq runs), its four-tuple is complete and the
 * final ACK, which lets the server accept, is not sent yet: note the tuple.
 */
SEC("tp_btf/inet_sock_set_state")
int BPF_PROG(peer_tcp_state, const struct sock *sk, const int oldstate, const int newstate)
{
	__u64 key = (__u64)sk;
	struct peer_key k = {};
	__u32 tgid, *client;

	if (!targ_follow_peer || BPF_CORE_READ(sk, sk_protocol) != 6 /* IPPROTO_TCP */)
		return 0;
	if (newstate == 2 /* TCP_SYN_SENT */) {
		tgid = bpf_get_current_pid_tgid() >> 32;
		if (task_traced_quiet(tgid, cur_task()))
			bpf_map_update_elem(&peer_syn, &key, &tgid, BPF_ANY);
		else
			bpf_map_delete_elem(&peer_syn, &key);
		return 0;
	}
	if (oldstate != 2 || !(client = bpf_map_lookup_elem(&peer_syn, &key)))
		return 0;
	tgid = *client;
	bpf_map_delete_elem(&peer_syn, &key);
	if (newstate == 1 /* TCP_ESTABLISHED */ && tcp_key(sk, false, &k))
		bpf_map_update_elem(&peer_wait, &k, &tgid, BPF_ANY);
	return 0;
}

static __always_inline bool is_accept(long id)
{
	int i;

#pragma unroll
	for (i = 0; i < SR_MAX_ACCEPT_NR; i++)
		if (i < targ_naccept && targ_accept_nr[i] == id)
			return true;
	return false;
}

/*
 * At the exit of any task's accept: is the new socket the other end of a
 * traced process's connection? Then trace the task's process from now on.
 */
static __always_inline void peer_accepted(__u32 tgid, long id, long ret)
{
	struct sr_task nt = { .flags = SR_TASK_PEER };
	struct peer_key k = {};
	struct socket *sock;
	struct sock *sk;
	struct file *f;
	__u16 family;

	if (ret < 0 || !is_accept(id) || !(f = task_fd_file(ret)))
		return;
	sock = BPF_CORE_READ(f, private_data);
	sk = BPF_CORE_READ(sock, sk);
	if (!sk)
		return;
	family = BPF_CORE_READ(sk, __sk_common.skc_family);
	if (family == 1 /* AF_UNIX */) {
		/* unix_stream_connect() gave the server's end the client's pid (SO_PEERCRED) */
		struct pid *pp = BPF_CORE_READ(sk, sk_peer_pid);
		__u32 client = pp ? BPF_CORE_READ(pp, numbers[0].nr) : 0;
		struct sr_task *ct = client ? bpf_map_lookup_elem(&traced, &client) : NULL;

		if (!ct || (ct->flags & (SR_TASK_ARMED | SR_TASK_DEAD)))
			return;
	} else if (!tcp_key(sk, true, &k) || !bpf_map_lookup_elem(&peer_wait, &k)) {
		return;
	} else {
		bpf_map_delete_elem(&peer_wait, &k);
	}
	if (!bpf_map_update_elem(&traced, &tgid, &nt, BPF_NOEXIST)) {
		bpf_map_delete_elem(&dead, &tgid); /* a reused tgid */
		traced_changed();
	}
}

/* A child of a followed peer is one too: it does not keep the session alive either. */
static __always_inline __u32 peer_flag_of(__u32 ptgid)
{
	struct sr_task *pt;

	if (!targ_follow_peer)
		return 0;
	pt = bpf_map_lookup_elem(&traced, &ptgid);
	return pt ? pt->flags & SR_TASK_PEER : 0;
}

static __always_inline bool want_creds(long ret)
{
	return targ_explain_creds && (ret == -13 /* EACCES */ || ret == -1 /* EPERM */);
}

/* Append the current task's credentials (blob slot SR_ARG_CREDS). */
static __always_inline __u32 put_creds(__u32 off)
{
	struct sr_scratch *s = scratch_get();
	struct task_struct *t = (struct task_struct *)bpf_get_current_task();
	const struct cred *c = BPF_CORE_READ(t, cred);
	struct group_info *gi = BPF_CORE_READ(c, group_info);
	struct sr_creds *cr;
	struct sr_blob *b;
	__u32 n;

	if (!s || off > SR_REC_MAX - sizeof(*b) - sizeof(*cr))
		return off;
	asm volatile("%0 &= 0x3fff" : "+r"(off));
	b = (void *)(s->buf + off);
	cr = (void *)(b + 1);
	__builtin_memset(cr, 0, sizeof(*cr));
	cr->uid = BPF_CORE_READ(c, uid.val);
	cr->euid = BPF_CORE_READ(c, euid.val);
	cr->fsuid = BPF_CORE_READ(c, fsuid.val);
	cr->gid = BPF_CORE_READ(c, gid.val);
	cr->egid = BPF_CORE_READ(c, egid.val);
	cr->fsgid = BPF_CORE_READ(c, fsgid.val);
	/* kernel_cap_t: one u64 since 6.3, two u32 before: the same 8 bytes either way */
	bpf_core_read(&cr->cap_eff, sizeof(cr->cap_eff), &c->cap_effective);
	/*
	 * struct group_info is { usage; int ngroups; kgid_t gid[]; } on every
	 * kernel sysray runs on (4.9 and later): read at vmlinux.h's offsets.
	 * A CO-RE relocation would have the kernel look its name up at each
	 * load, and "group_info" shares a slot of the kernel's 31-slot
	 * candidate cache with "file" (capture_one()'s): each evicts the other,
	 * and each miss is a scan of all kernel types.
	 */
	n = 0;
	if (gi)
		bpf_probe_read_kernel(&n, sizeof(n),
				      (void *)gi + __builtin_offsetof(struct group_info, ngroups));
	cr->ngroups = n;
	if (n > SR_CREDS_GROUPS)
		n = SR_CREDS_GROUPS;
	/* for the verifier: at most SR_CREDS_GROUPS ids */
	n &= 2 * SR_CREDS_GROUPS - 1;
	if (gi && n)
		bpf_probe_read_kernel(cr->groups, n * sizeof(__u32),
				      (void *)gi + __builtin_offsetof(struct group_info, gid));
	b->arg = SR_ARG_CREDS;
	b->flags = 0;
	b->aux = 0;
	b->len = sizeof(*cr);
	return off + sizeof(*b) + SR_ALIGN8(sizeof(*cr));
}

#endif /* SYSRAY_PEER_BPF_H */
