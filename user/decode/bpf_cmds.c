// SPDX-License-Identifier: GPL-2.0
/*
 * bpf(2)'s commands: the fields of union bpf_attr strace 6.1 prints for
 * each, in its order, with the groups later kernels added (struct
 * bpf_field, bpf.h). Offsets and sizes come from <linux/bpf.h>.
 */
#include <stddef.h>
#include <linux/bpf.h>

#include "decode/bpf.h"

/* Field @m of the union, printed as @name. */
#define FN(name, m, k, ...)                                                       \
	{                                                                         \
		name, BA_OFF(m), sizeof(((union bpf_attr *)0)->m), k, __VA_ARGS__ \
	}
#define F(m, k, ...)  FN(#m, m, k, __VA_ARGS__)
#define FG(m, k, ...) FN(#m, m, k, true, __VA_ARGS__)
/* Pointer @m (@grp: starts a group) to memory captured in slot @sl, its length in @len. */
#define FR(nm, m, k, grp, sl, len, lm)                                                             \
	{                                                                                          \
		.name = nm, .off = BA_OFF(m), .size = sizeof(((union bpf_attr *)0)->m), .kind = k, \
		.group = grp, .slot = BPF_SLOT0 + (sl), .len_off = (len), .lim = lm                \
	}
#define NEST(name, m)                       \
	{                                   \
		name, BA_OFF(m), 0, BF_NEST \
	}
#define END                        \
	{                          \
		NULL, 0, 0, BF_END \
	}

static const struct bpf_field map_create[] = {
	F(map_type, BF_XVAL, false, &xlat_bpf_map_types),
	F(key_size, BF_U32),
	F(value_size, BF_U32),
	F(max_entries, BF_U32),
	FG(map_flags, BF_FLAGS, &xlat_bpf_map_flags),
	FG(inner_map_fd, BF_FD),
	{ "numa_node", BA_OFF(numa_node), sizeof(uint32_t), BF_NUMA, true, NULL, BA_OFF(map_flags),
	  BPF_F_NUMA_NODE },
	FG(map_name, BF_CSTR),
	FG(map_ifindex, BF_IFINDEX),
	FG(btf_fd, BF_FD),
	F(btf_key_type_id, BF_U32),
	F(btf_value_type_id, BF_U32),
	FG(btf_vmlinux_value_type_id, BF_U32),
	FG(map_extra, BF_U64),
};

static const struct bpf_field map_lookup_elem[] = {
	F(map_fd, BF_FD),
	F(key, BF_ADDR),
	F(value, BF_ADDR),
	FG(flags, BF_FLAGS64, &xlat_bpf_map_lookup_elem_flags),
};

static const struct bpf_field map_update_elem[] = {
	F(map_fd, BF_FD),
	F(key, BF_ADDR),
	F(value, BF_ADDR),
	F(flags, BF_XVAL, false, &xlat_bpf_map_update_elem_flags),
};

static const struct bpf_field map_delete_elem[] = {
	F(map_fd, BF_FD),
	F(key, BF_ADDR),
};

static const struct bpf_field map_get_next_key[] = {
	F(map_fd, BF_FD),
	F(key, BF_ADDR),
	F(next_key, BF_ADDR),
};

static const struct bpf_field map_freeze[] = {
	F(map_fd, BF_FD),
};

static const struct bpf_field prog_load[] = {
	F(prog_type, BF_XVAL, false, &xlat_bpf_prog_types),
	F(insn_cnt, BF_U32),
	FR("insns", insns, BF_INSNS, false, 0, BA_OFF(insn_cnt), 0),
	FR("license", license, BF_STR, false, 1, BF_NOLEN, 0),
	FG(log_level, BF_U32),
	F(log_size, BF_U32),
	FR("log_buf", log_buf, BF_STR, false, 2, BA_OFF(log_size), 0),
	FG(kern_version, BF_KVER),
	FG(prog_flags, BF_FLAGS, &xlat_bpf_prog_flags),
	FG(prog_name, BF_CSTR),
	FG(prog_ifindex, BF_IFINDEX),
	FG(expected_attach_type, BF_XVAL, &xlat_bpf_attach_type),
	FG(prog_btf_fd, BF_FD),
	F(func_info_rec_size, BF_U32),
	F(func_info, BF_ADDR),
	F(func_info_cnt, BF_U32),
	F(line_info_rec_size, BF_U32),
	F(line_info, BF_ADDR),
	F(line_info_cnt, BF_U32),
	FG(attach_btf_id, BF_U32),
	FG(attach_prog_fd, BF_FD),
	FG(fd_array, BF_ADDR),
};

static const struct bpf_field obj_pin[] = {
	FR("pathname", pathname, BF_PATH, false, 0, BF_NOLEN, 0),
	F(bpf_fd, BF_FD),
	FG(file_flags, BF_FLAGS, &xlat_bpf_file_mode_flags),
};

static const struct bpf_field prog_attach[] = {
	F(target_fd, BF_FD),
	F(attach_bpf_fd, BF_FD),
	F(attach_type, BF_XVAL, false, &xlat_bpf_attach_type),
	F(attach_flags, BF_FLAGS, false, &xlat_bpf_attach_flags),
	FG(replace_bpf_fd, BF_FD),
};

static const struct bpf_field prog_detach[] = {
	F(target_fd, BF_FD),
	F(attach_type, BF_XVAL, false, &xlat_bpf_attach_type),
};

static const struct bpf_field prog_test_run[] = {
	NEST("test", test),
	FN("prog_fd", test.prog_fd, BF_FD),
	FN("retval", test.retval, BF_U32),
	FN("data_size_in", test.data_size_in, BF_U32),
	FN("data_size_out", test.data_size_out, BF_U32),
	FN("data_in", test.data_in, BF_ADDR),
	FN("data_out", test.data_out, BF_ADDR),
	FN("repeat", test.repeat, BF_U32),
	FN("duration", test.duration, BF_U32),
	FN("ctx_size_in", test.ctx_size_in, BF_U32, true),
	FN("ctx_size_out", test.ctx_size_out, BF_U32),
	FN("ctx_in", test.ctx_in, BF_ADDR),
	FN("ctx_out", test.ctx_out, BF_ADDR),
	FN("flags", test.flags, BF_FLAGS, true, &xlat_bpf_test_run_flags),
	FN("cpu", test.cpu, BF_U32),
	FN("batch_size", test.batch_size, BF_U32, true),
	END,
};

static const struct bpf_field get_next_id[] = {
	F(start_id, BF_U32),
	F(next_id, BF_ID_INOUT),
	FG(open_flags, BF_FLAGS, &xlat_bpf_file_mode_flags),
};

static const struct bpf_field prog_get_fd_by_id[] = {
	F(prog_id, BF_U32),
	F(next_id, BF_U32),
	FG(open_flags, BF_FLAGS, &xlat_bpf_file_mode_flags),
};

static const struct bpf_field map_get_fd_by_id[] = {
	F(map_id, BF_U32),
	F(next_id, BF_U32),
	FG(open_flags, BF_FLAGS, &xlat_bpf_file_mode_flags),
};

static const struct bpf_field obj_get_info_by_fd[] = {
	NEST("info", info),
	FN("bpf_fd", info.bpf_fd, BF_FD),
	FN("info_len", info.info_len, BF_ID_INOUT),
	/* read at exit, after any result, as long as the kernel says it is */
	FR("info", info.info, BF_INFO, false, 0, BA_OFF(info.info_len), 0),
	END,
};

static const struct bpf_field prog_query[] = {
	NEST("query", query),
	FN("target_fd", query.target_fd, BF_FD),
	FN("attach_type", query.attach_type, BF_XVAL, false, &xlat_bpf_attach_type),
	FN("query_flags", query.query_flags, BF_FLAGS, false, &xlat_bpf_query_flags),
	FN("attach_flags", query.attach_flags, BF_FLAGS, false, &xlat_bpf_attach_flags),
	FR("prog_ids", query.prog_ids, BF_U32S, false, 0, BA_OFF(query.prog_cnt), 0),
	/* the count at entry, then what the kernel wrote */
	FN("prog_cnt", query.prog_cnt, BF_ID_INOUT),
	END,
};

static const struct bpf_field raw_tracepoint_open[] = {
	NEST("raw_tracepoint", raw_tracepoint),
	/* the kernel reads at most 128 bytes of the name */
	FR("name", raw_tracepoint.name, BF_STR, false, 0, BF_NOLEN, 128),
	FN("prog_fd", raw_tracepoint.prog_fd, BF_FD),
	END,
};

static const struct bpf_field btf_load[] = {
	FR("btf", btf, BF_STRN, false, 0, BA_OFF(btf_size), 0),
	F(btf_log_buf, BF_ADDR),
	F(btf_size, BF_U32),
	F(btf_log_size, BF_U32),
	F(btf_log_level, BF_U32),
};

static const struct bpf_field btf_get_fd_by_id[] = {
	F(btf_id, BF_U32),
};

static const struct bpf_field task_fd_query[] = {
	NEST("task_fd_query", task_fd_query),
	FN("pid", task_fd_query.pid, BF_TGID),
	FN("fd", task_fd_query.fd, BF_FD),
	FN("flags", task_fd_query.flags, BF_U32),
	FN("buf_len", task_fd_query.buf_len, BF_ID_INOUT),
	/* written by the kernel: read at exit, at most the smaller length */
	FR("buf", task_fd_query.buf, BF_STR_OUT, false, 0, BA_OFF(task_fd_query.buf_len), 0),
	FN("prog_id", task_fd_query.prog_id, BF_U32),
	FN("fd_type", task_fd_query.fd_type, BF_XVAL, false, &xlat_bpf_task_fd_type),
	FN("probe_offset", task_fd_query.probe_offset, BF_X),
	FN("probe_addr", task_fd_query.probe_addr, BF_X),
	END,
};

static const struct bpf_field map_lookup_batch[] = {
	NEST("batch", batch),
	FN("in_batch", batch.in_batch, BF_ADDR),
	FN("out_batch", batch.out_batch, BF_ADDR),
	FN("keys", batch.keys, BF_ADDR),
	FN("values", batch.values, BF_ADDR),
	FN("count", batch.count, BF_U32),
	FN("map_fd", batch.map_fd, BF_FD),
	FN("elem_flags", batch.elem_flags, BF_FLAGS64, false, &xlat_bpf_map_lookup_elem_flags),
	FN("flags", batch.flags, BF_X),
	END,
};

static const struct bpf_field map_update_batch[] = {
	NEST("batch", batch),
	FN("keys", batch.keys, BF_ADDR),
	FN("values", batch.values, BF_ADDR),
	FN("count", batch.count, BF_U32),
	FN("map_fd", batch.map_fd, BF_FD),
	FN("elem_flags", batch.elem_flags, BF_FLAGS64, false, &xlat_bpf_map_lookup_elem_flags),
	FN("flags", batch.flags, BF_X),
	END,
};

static const struct bpf_field map_delete_batch[] = {
	NEST("batch", batch),
	FN("keys", batch.keys, BF_ADDR),
	FN("count", batch.count, BF_U32),
	FN("map_fd", batch.map_fd, BF_FD),
	FN("elem_flags", batch.elem_flags, BF_FLAGS64, false, &xlat_bpf_map_lookup_elem_flags),
	FN("flags", batch.flags, BF_X),
	END,
};

/* The memory LINK_CREATE's union points to, by attach type (bpf_link.c prints them). */
static const struct bpf_field link_create[] = {
	FR("iter_info", link_create.iter_info, BF_ITER, false, 0, BA_OFF(link_create.iter_info_len),
	   0),
	FR("addrs", link_create.kprobe_multi.addrs, BF_X64S, false, 1,
	   BA_OFF(link_create.kprobe_multi.cnt), 0),
	FR("cookies", link_create.kprobe_multi.cookies, BF_X64S, false, 2,
	   BA_OFF(link_create.kprobe_multi.cnt), 0),
};

static const struct bpf_field link_update[] = {
	NEST("link_update", link_update),
	FN("link_fd", link_update.link_fd, BF_FD),
	FN("new_prog_fd", link_update.new_prog_fd, BF_FD),
	FN("flags", link_update.flags, BF_FLAGS, false, &xlat_bpf_attach_flags),
	{ "old_prog_fd", BA_OFF(link_update.old_prog_fd), sizeof(uint32_t), BF_FD, false, NULL,
	  BA_OFF(link_update.flags), BPF_F_REPLACE },
	END,
};

static const struct bpf_field link_get_fd_by_id[] = {
	F(link_id, BF_U32),
};

/* Field @m of struct bpf_map_info (@grp: starts a group). */
#define MI(m, k, grp, ...)                                                                      \
	{                                                                                       \
#m, offsetof(struct bpf_map_info, m), sizeof(((struct bpf_map_info *)0)->m), k, \
			grp, __VA_ARGS__                                                        \
	}

static const struct bpf_field map_info[] = {
	MI(type, BF_XVAL, false, &xlat_bpf_map_types),
	MI(id, BF_U32, false),
	MI(key_size, BF_U32, false),
	MI(value_size, BF_U32, false),
	MI(max_entries, BF_U32, false),
	MI(map_flags, BF_FLAGS, false, &xlat_bpf_map_flags),
	MI(name, BF_CSTR, true),
	MI(ifindex, BF_IFINDEX, true),
	MI(btf_vmlinux_value_type_id, BF_U32, false),
	MI(netns_dev, BF_DEV, false),
	MI(netns_ino, BF_U64, false),
	MI(btf_id, BF_U32, true),
	MI(btf_key_type_id, BF_U32, false),
	MI(btf_value_type_id, BF_U32, false),
};

/* strace knows it up to map_extra, which it does not print */
const struct bpf_cmd_desc bpf_map_info_desc = {
	0, offsetof(struct bpf_map_info, map_extra) + sizeof(uint64_t), map_info,
	sizeof(map_info) / sizeof(map_info[0]), NULL
};

#define CMD(c, tbl, end, ...)                                          \
	{                                                              \
		c, end, tbl, sizeof(tbl) / sizeof(tbl[0]), __VA_ARGS__ \
	}

static const struct bpf_cmd_desc cmds[] = {
	CMD(BPF_MAP_CREATE, map_create, BA_END(map_extra)),
	CMD(BPF_MAP_LOOKUP_ELEM, map_lookup_elem, BA_END(flags)),
	CMD(BPF_MAP_LOOKUP_AND_DELETE_ELEM, map_lookup_elem, BA_END(flags)),
	CMD(BPF_MAP_UPDATE_ELEM, map_update_elem, BA_END(flags)),
	CMD(BPF_MAP_DELETE_ELEM, map_delete_elem, BA_END(key)),
	CMD(BPF_MAP_GET_NEXT_KEY, map_get_next_key, BA_END(next_key)),
	CMD(BPF_MAP_FREEZE, map_freeze, BA_END(map_fd)),
	CMD(BPF_PROG_LOAD, prog_load, BA_END(fd_array)),
	CMD(BPF_OBJ_PIN, obj_pin, BA_END(file_flags)),
	CMD(BPF_OBJ_GET, obj_pin, BA_END(file_flags)),
	CMD(BPF_PROG_ATTACH, prog_attach, BA_END(replace_bpf_fd)),
	CMD(BPF_PROG_DETACH, prog_detach, BA_END(attach_type)),
	CMD(BPF_PROG_TEST_RUN, prog_test_run, BA_END(test.batch_size)),
	CMD(BPF_PROG_GET_NEXT_ID, get_next_id, BA_END(open_flags)),
	CMD(BPF_MAP_GET_NEXT_ID, get_next_id, BA_END(open_flags)),
	CMD(BPF_BTF_GET_NEXT_ID, get_next_id, BA_END(open_flags)),
	CMD(BPF_LINK_GET_NEXT_ID, get_next_id, BA_END(open_flags)),
	CMD(BPF_PROG_GET_FD_BY_ID, prog_get_fd_by_id, BA_END(open_flags)),
	CMD(BPF_MAP_GET_FD_BY_ID, map_get_fd_by_id, BA_END(open_flags)),
	CMD(BPF_OBJ_GET_INFO_BY_FD, obj_get_info_by_fd, BA_END(info.info)),
	CMD(BPF_PROG_QUERY, prog_query, BA_END(query.prog_cnt)),
	CMD(BPF_RAW_TRACEPOINT_OPEN, raw_tracepoint_open, BA_END(raw_tracepoint.prog_fd)),
	CMD(BPF_BTF_LOAD, btf_load, BA_END(btf_log_level)),
	CMD(BPF_BTF_GET_FD_BY_ID, btf_get_fd_by_id, BA_END(btf_id)),
	CMD(BPF_TASK_FD_QUERY, task_fd_query, BA_END(task_fd_query.probe_addr)),
	CMD(BPF_MAP_LOOKUP_BATCH, map_lookup_batch, BA_END(batch.flags)),
	CMD(BPF_MAP_LOOKUP_AND_DELETE_BATCH, map_lookup_batch, BA_END(batch.flags)),
	CMD(BPF_MAP_UPDATE_BATCH, map_update_batch, BA_END(batch.flags)),
	CMD(BPF_MAP_DELETE_BATCH, map_delete_batch, BA_END(batch.flags)),
	CMD(BPF_LINK_CREATE, link_create, BA_END(link_create.kprobe_multi.cookies),
	    bpf_link_create_print),
	CMD(BPF_LINK_UPDATE, link_update, BA_END(link_update.old_prog_fd)),
	CMD(BPF_LINK_GET_FD_BY_ID, link_get_fd_by_id, BA_END(link_id)),
};

const struct bpf_cmd_desc *bpf_cmd_desc(uint32_t cmd)
{
	size_t i;

	for (i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++)
		if (cmds[i].cmd == cmd)
			return &cmds[i];
	return NULL;
}
