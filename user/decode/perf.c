// SPDX-License-Identifier: GPL-2.0
/*
 * Decoders: struct perf_event_attr (linux/perf_event.h), as strace 6.1
 * prints it for perf_event_open(2) and PERF_EVENT_IOC_MODIFY_ATTRIBUTES:
 * the fields up to the size the caller gives (or up to wakeup_events
 * without -v, the one-bit flags then only when set), config by event type,
 * and "..." when the caller's struct is larger than what is shown.
 */
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <linux/hw_breakpoint.h>
#include <linux/perf_event.h>

#include "decode/decode.h"
#include "decode/perf.h"

#define PEA_OFF(m) offsetof(struct perf_event_attr, m)

/*
 * The size strace reads: the caller's, bounded by what it knows, VER0 for 0,
 * up to wakeup_events without -v; 0 when too small to decode.
 */
static uint32_t pea_size(uint32_t size, bool verbose)
{
	if (size > sizeof(struct perf_event_attr))
		size = sizeof(struct perf_event_attr);
	if (!size)
		size = PERF_ATTR_SIZE_VER0;
	/* the kernel refuses less than the first published size: so does strace */
	if (size < PERF_ATTR_SIZE_VER0)
		return 0;
	return verbose ? size : PEA_OFF(wakeup_events);
}

/* strace's "<<N|" after a part of a config, which the next part follows. */
static void pea_shift(struct sr_fmt *f, const char *text)
{
	pr_artifact(f, text);
	pr_bits_glue(f);
}

/* "0x5<<32|": the PMU type in the upper half of config, when there is one. */
static void pea_pmu(struct sr_fmt *f, uint64_t config)
{
	if (!(config >> 32))
		return;
	pr_bits_rest(f, SR_NUM_X, config >> 32);
	pea_shift(f, "<<32|");
}

/* config, as the event type says. */
static void pea_config(struct sr_fmt *f, const struct perf_event_attr *a)
{
	uint64_t v = a->config;

	pr_field(f, "config");
	switch (a->type) {
	case PERF_TYPE_HARDWARE:
		pr_bits_begin(f, v);
		pea_pmu(f, v);
		pr_bits_enum(f, &xlat_perf_hw_id, v & PERF_HW_EVENT_MASK);
		pr_bits_end(f);
		break;
	case PERF_TYPE_SOFTWARE:
		fmt_enum(f, &xlat_perf_sw_ids, v);
		break;
	case PERF_TYPE_TRACEPOINT:
		pr_u(f, v);
		break;
	case PERF_TYPE_HW_CACHE:
		pr_bits_begin(f, v);
		pea_pmu(f, v);
		if ((v & PERF_HW_EVENT_MASK) >> 24) {
			pr_bits_rest(f, SR_NUM_X, (v & PERF_HW_EVENT_MASK) >> 24);
			pea_shift(f, "<<24|");
		}
		pr_bits_enum(f, &xlat_perf_hw_cache_op_result_id, (v >> 16) & 0xff);
		pea_shift(f, "<<16|");
		pr_bits_enum(f, &xlat_perf_hw_cache_op_id, (v >> 8) & 0xff);
		pea_shift(f, "<<8|");
		pr_bits_enum(f, &xlat_perf_hw_cache_id, v & 0xff);
		pr_bits_end(f);
		break;
	default:
		pr_x(f, v);
		break;
	}
}

/* A one-bit flag: always with -v, only when set without. */
static void pea_flag(struct sr_fmt *f, const char *name, unsigned int v, bool verbose)
{
	if (verbose || v)
		pr_field_u(f, name, v);
}

static void pea_flags(struct sr_fmt *f, const struct perf_event_attr *a, bool v)
{
	static const char *const skid[] = { "arbitrary skid", "constant skid",
					    "requested to have 0 skid", "must have 0 skid" };

	pea_flag(f, "disabled", a->disabled, v);
	pea_flag(f, "inherit", a->inherit, v);
	pea_flag(f, "pinned", a->pinned, v);
	pea_flag(f, "exclusive", a->exclusive, v);
	pea_flag(f, "exclude_user", a->exclude_user, v);
	pea_flag(f, "exclude_kernel", a->exclude_kernel, v);
	pea_flag(f, "exclude_hv", a->exclude_hv, v);
	pea_flag(f, "exclude_idle", a->exclude_idle, v);
	pea_flag(f, "mmap", a->mmap, v);
	pea_flag(f, "comm", a->comm, v);
	pea_flag(f, "freq", a->freq, v);
	pea_flag(f, "inherit_stat", a->inherit_stat, v);
	pea_flag(f, "enable_on_exec", a->enable_on_exec, v);
	pea_flag(f, "task", a->task, v);
	pea_flag(f, "watermark", a->watermark, v);
	pr_field_u(f, "precise_ip", a->precise_ip);
	pr_comment(f, skid[a->precise_ip]);
	pea_flag(f, "mmap_data", a->mmap_data, v);
	pea_flag(f, "sample_id_all", a->sample_id_all, v);
	pea_flag(f, "exclude_host", a->exclude_host, v);
	pea_flag(f, "exclude_guest", a->exclude_guest, v);
	pea_flag(f, "exclude_callchain_kernel", a->exclude_callchain_kernel, v);
	pea_flag(f, "exclude_callchain_user", a->exclude_callchain_user, v);
	pea_flag(f, "mmap2", a->mmap2, v);
	pea_flag(f, "comm_exec", a->comm_exec, v);
	pea_flag(f, "use_clockid", a->use_clockid, v);
	pea_flag(f, "context_switch", a->context_switch, v);
	pea_flag(f, "write_backward", a->write_backward, v);
	pea_flag(f, "namespaces", a->namespaces, v);
	pea_flag(f, "ksymbol", a->ksymbol, v);
	pea_flag(f, "bpf_event", a->bpf_event, v);
	pea_flag(f, "aux_output", a->aux_output, v);
	pea_flag(f, "cgroup", a->cgroup, v);
	pea_flag(f, "text_poke", a->text_poke, v);
	pea_flag(f, "build_id", a->build_id, v);
	pea_flag(f, "inherit_thread", a->inherit_thread, v);
	pea_flag(f, "remove_on_exec", a->remove_on_exec, v);
	pea_flag(f, "sigtrap", a->sigtrap, v);
	/* bits no flag names yet */
	if (a->__reserved_1) {
		pr_field_x(f, "__reserved_1", a->__reserved_1);
		pr_comment(f, "Bits 63..38");
	}
}

/* The fields past wakeup_events (-v), each only if within @size. */
static void pea_tail(struct sr_fmt *f, const struct perf_event_attr *a, uint32_t size)
{
	const bool bp = a->type == PERF_TYPE_BREAKPOINT;
	char note[32];

	if (a->watermark)
		pr_field_u(f, "wakeup_watermark", a->wakeup_watermark);
	else
		pr_field_u(f, "wakeup_events", a->wakeup_events);
	if (bp) {
		pr_field(f, "bp_type");
		if (xlat__name(&xlat_hw_breakpoint_type, a->bp_type)) {
			fmt_enum(f, &xlat_hw_breakpoint_type, a->bp_type);
		} else {
			/* any other mix of R/W with X is invalid */
			pr_x(f, a->bp_type);
			pr_xlat_default(f, a->bp_type <= (HW_BREAKPOINT_X | HW_BREAKPOINT_RW) ?
						   "HW_BREAKPOINT_INVALID" :
						   "HW_BREAKPOINT_???");
		}
		pr_field_x(f, "bp_addr", a->bp_addr);
	} else {
		pr_field_x(f, "config1", a->config1);
	}
	if (PEA_OFF(bp_len) >= size)
		return;
	if (bp)
		pr_field_u(f, "bp_len", a->bp_len);
	else
		pr_field_x(f, "config2", a->config2);
	if (PEA_OFF(branch_sample_type) >= size)
		return;
	if (a->sample_type & PERF_SAMPLE_BRANCH_STACK) {
		pr_field(f, "branch_sample_type");
		fmt_flags(f, &xlat_perf_branch_sample_type, a->branch_sample_type);
	}
	if (PEA_OFF(sample_regs_user) >= size)
		return;
	pr_field_x(f, "sample_regs_user", a->sample_regs_user);
	if (PEA_OFF(sample_stack_user) >= size)
		return;
	if (a->sample_type & PERF_SAMPLE_STACK_USER)
		pr_field_x(f, "sample_stack_user", a->sample_stack_user);
	if (a->use_clockid) {
		if (PEA_OFF(clockid) >= size)
			return;
		pr_field(f, "clockid");
		fmt_enum(f, &xlat_clockid, (uint32_t)a->clockid);
	}
	if (PEA_OFF(sample_regs_intr) >= size)
		return;
	pr_field_x(f, "sample_regs_intr", a->sample_regs_intr);
	if (PEA_OFF(aux_watermark) >= size)
		return;
	pr_field_u(f, "aux_watermark", a->aux_watermark);
	if (PEA_OFF(sample_max_stack) >= size)
		return;
	pr_field_u(f, "sample_max_stack", a->sample_max_stack);
	if (PEA_OFF(__reserved_2) >= size)
		return;
	if (a->__reserved_2) {
		snprintf(note, sizeof(note), "bytes 110..111: %#hx", a->__reserved_2);
		pr_comment(f, note);
	}
	if (PEA_OFF(aux_sample_size) >= size)
		return;
	pr_field_u(f, "aux_sample_size", a->aux_sample_size);
	if (PEA_OFF(__reserved_3) >= size)
		return;
	if (a->__reserved_3) {
		snprintf(note, sizeof(note), "bytes 116..119: %#x", a->__reserved_3);
		pr_comment(f, note);
	}
	if (PEA_OFF(sig_data) >= size)
		return;
	pr_field_x(f, "sig_data", a->sig_data);
}

/* "size=PERF_ATTR_SIZE_VER5 => PERF_ATTR_SIZE_VER7": the size the kernel wrote back (E2BIG). */
static void pea_new_size(struct sr_fmt *f, const struct sr_blob *after)
{
	const uint8_t *q = blob_get(after, PEA_OFF(size) + sizeof(uint32_t));

	pr_changed(f);
	if (q)
		fmt_enum(f, &xlat_perf_attr_size, get32(q, PEA_OFF(size)));
	else
		pr_unknown(f);
}

void fmt_perf_event_attr(struct sr_fmt *f, const uint8_t *p, size_t len, uint64_t addr,
			 bool resized, const struct sr_blob *after)
{
	const bool verbose = fmt_verbose(f);
	struct perf_event_attr a;
	uint32_t size;

	if (len < PEA_OFF(size) + sizeof(a.size)) {
		fmt_ptr(f, addr);
		return;
	}
	size = pea_size(get32(p, PEA_OFF(size)), verbose);
	if (!size || len < size) {
		fmt_ptr(f, addr);
		return;
	}
	memset(&a, 0, sizeof(a));
	memcpy(&a, p, size);
	pr_struct_begin(f);
	pr_field(f, "type");
	fmt_enum(f, &xlat_perf_type_id, a.type);
	pr_field(f, "size");
	fmt_enum(f, &xlat_perf_attr_size, a.size);
	if (resized)
		pea_new_size(f, after);
	pea_config(f, &a);
	if (a.freq)
		pr_field_u(f, "sample_freq", a.sample_freq);
	else
		pr_field_u(f, "sample_period", a.sample_period);
	pr_field(f, "sample_type");
	fmt_flags(f, &xlat_perf_event_sample_format, a.sample_type);
	pr_field(f, "read_format");
	fmt_flags(f, &xlat_perf_event_read_format, a.read_format);
	pea_flags(f, &a, verbose);
	if (verbose)
		pea_tail(f, &a, size);
	if ((a.size && a.size > size) || (!a.size && size < PERF_ATTR_SIZE_VER0))
		pr_more(f);
	pr_struct_end(f);
}

/*
 * perf_event_open's attr: read at entry, as the kernel reads it, and printed
 * with the rest of the call at exit, as strace does, with the size the
 * kernel writes back when it refuses a struct larger than it knows (E2BIG).
 */
static void perf_attr_plan(const struct sr_sysent *ent, int argi, const struct sr_opts *o,
			   struct sr_plan_arg *pa)
{
	(void)ent;
	(void)argi;
	(void)o;
	/* a struct at the end of a mapping: the bytes before the next page */
	pa->when = SR_CAP_ENTER | SR_CAP_RETRY | SR_CAP_EXIT | SR_CAP_ANYRET | SR_CAP_PAGE_CUT;
	pa->how = SR_HOW_BUF;
	pa->len_src = SR_LEN_FIXED;
	pa->elem = sizeof(struct perf_event_attr);
	pa->cap = sizeof(struct perf_event_attr);
}

static void perf_attr_print(struct sr_fmt *f, const struct sr_call *c, int argi)
{
	const struct sr_blob *b = c->in[argi];

	if (!blob_ok(b) || !fmt_decodes_structs(f)) {
		fmt_ptr(f, c->args[argi]);
		return;
	}
	fmt_perf_event_attr(f, blob_data(b), b->len, c->args[argi], c->has_exit && c->ret == -E2BIG,
			    c->out[argi]);
}

const struct sr_decoder sr_dec_perf_event_attr = {
	.name = "perf_event_attr",
	.at_exit = true,
	.plan = perf_attr_plan,
	.print = perf_attr_print,
};
