// SPDX-License-Identifier: GPL-2.0
/*
 * Decoders: BPF_LINK_CREATE's attributes, whose union strace 6.1 reads by
 * the attach type (its guess: the program type would say), and how much
 * of the struct it then knows (the rest prints as extra data).
 */
#include <string.h>
#include <linux/bpf.h>

#include "decode/bpf.h"

/* The fields of LINK_CREATE's table (bpf_cmds.c) that point to memory, by name. */
static const struct bpf_field *ref_field(const char *name)
{
	const struct bpf_cmd_desc *d = bpf_cmd_desc(BPF_LINK_CREATE);
	size_t i;

	for (i = 0; d && i < d->n; i++)
		if (!strcmp(d->f[i].name, name))
			return &d->f[i];
	return NULL;
}

/* Pointer field @name of the table, printed by its kind. */
static void fmt_ref_field(struct sr_fmt *f, const struct sr_call *c, const uint8_t *a,
			  const char *name)
{
	const struct bpf_field *fl = ref_field(name);

	if (fl)
		bpf_field_print(f, c, a, NULL, fl, sizeof(union bpf_attr));
}

static uint32_t fmt_kprobe_multi(struct sr_fmt *f, const struct sr_call *c, const uint8_t *a)
{
	pr_field(f, "kprobe_multi");
	pr_struct_begin(f);
	pr_field(f, "flags");
	fmt_flags(f, &xlat_bpf_kprobe_multi_flags,
		  get32(a, BA_OFF(link_create.kprobe_multi.flags)));
	pr_field_u(f, "cnt", get32(a, BA_OFF(link_create.kprobe_multi.cnt)));
	/* the strings are not captured: their array's address */
	pr_field_addr(f, "syms", get64(a, BA_OFF(link_create.kprobe_multi.syms)));
	fmt_ref_field(f, c, a, "addrs");
	fmt_ref_field(f, c, a, "cookies");
	pr_struct_end(f);
	return BA_END(link_create.kprobe_multi.cookies);
}

uint32_t bpf_link_create_print(struct sr_fmt *f, const struct sr_call *c, const uint8_t *a,
			       uint32_t len)
{
	uint32_t type = get32(a, BA_OFF(link_create.attach_type)), known;

	pr_field(f, "link_create");
	pr_struct_begin(f);
	pr_field(f, "prog_fd");
	fmt_fd(f, c, (int32_t)get32(a, BA_OFF(link_create.prog_fd)));
	pr_field(f, "target_fd");
	fmt_fd(f, c, (int32_t)get32(a, BA_OFF(link_create.target_fd)));
	pr_field(f, "attach_type");
	fmt_enum(f, &xlat_bpf_attach_type, type);
	pr_field_x(f, "flags", get32(a, BA_OFF(link_create.flags)));
	known = BA_END(link_create.kprobe_multi.cookies);
	if (len <= BA_OFF(link_create.target_btf_id)) {
		pr_struct_end(f);
		return known;
	}
	switch (type) {
	case 0:
		/* BPF_CGROUP_INET_INGRESS's value: a freplace program's target */
		if (get32(a, BA_OFF(link_create.target_btf_id)))
			pr_field_u(f, "target_btf_id", get32(a, BA_OFF(link_create.target_btf_id)));
		known = BA_END(link_create.target_btf_id);
		break;
	case BPF_TRACE_ITER:
		fmt_ref_field(f, c, a, "iter_info");
		pr_field_u(f, "iter_info_len", get32(a, BA_OFF(link_create.iter_info_len)));
		known = BA_END(link_create.iter_info_len);
		break;
	case BPF_PERF_EVENT:
		pr_field(f, "perf_event");
		pr_struct_begin(f);
		pr_field_x(f, "bpf_cookie", get64(a, BA_OFF(link_create.perf_event.bpf_cookie)));
		pr_struct_end(f);
		known = BA_END(link_create.perf_event.bpf_cookie);
		break;
	case BPF_TRACE_KPROBE_MULTI:
		known = fmt_kprobe_multi(f, c, a);
		break;
	default:
		known = BA_END(link_create.flags);
		break;
	}
	pr_struct_end(f);
	return known;
}
