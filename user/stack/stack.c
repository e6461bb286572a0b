// SPDX-License-Identifier: GPL-2.0
/*
 * -k: unwinding a copy of the user stack with libdwfl, printing strace's
 * frame lines. See stack.h.
 *
 * An image is what one process had mapped (the text of its /proc/PID/maps)
 * and a Dwfl made from it on first use; libdwfl caches each mapped file's
 * ELF, CFI and symbol table in it. A thread's kept stack holds a reference
 * to the image current when it was recorded, so an execve between a call's
 * entry and its line (execve's own stack) still unwinds in the old image.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <elfutils/libdwfl.h>

#include "lib/idmap.h"
#include "print/out.h"
#include "stack/mmapev.h"
#include "stack/stack.h"
#include "stack/syms.h"
#include "stack/vmas.h"

/* Maps larger than this are cut (a process with ~100k mappings). */
#define MAPS_MAX (16u << 20)
/* Pages of each CPU's ring of mmap records. */
#define MMAPEV_PAGES 64

/*
 * What a process had mapped from a point in time on (its fork or execve, 0:
 * as /proc showed it when first seen), and the Dwfl made from it on first
 * use. An execve starts a new image; the one before stays reachable through
 * @older for stacks recorded before it.
 */
struct sr_image {
	int refs;
	uint32_t tgid;
	uint64_t since;
	struct sr_image *older; /* a reference */
	struct sr_vmas vmas;
	char *maps; /* vmas as maps text, for libdwfl; made with the Dwfl */
	Dwfl *dwfl; /* NULL until first used, or if that failed */
	bool dwfl_tried;
	const struct sr_stack *cur; /* the stack being unwound, for the callbacks */
};

struct sr_kept {
	struct sr_image *img;
	struct sr_stack *rec; /* malloc'ed copy, stack bytes included */
};

struct sr_stacks {
	int max_frames;
	char proc_root[256];
	struct sr_mmapev *mmapev; /* NULL: /proc only */
	struct idmap images; /* tgid -> its newest struct sr_image */
	struct idmap kept; /* tid -> struct sr_kept */
	struct sr_syms syms; /* per mapped file */
	struct sr_stacks_stats stats;
};

/*
 * Symbols come from the mapped file's own tables (.symtab, else .dynsym),
 * never from separate debug files: strace 6.1 (libunwind) names frames so.
 */
static int no_debuginfo(Dwfl_Module *mod, void **userdata, const char *modname, Dwarf_Addr base,
			const char *file_name, const char *debuglink_file, GElf_Word debuglink_crc,
			char **debuginfo_file_name)
{
	return -1;
}

static const Dwfl_Callbacks dwfl_cbs = {
	.find_elf = dwfl_linux_proc_find_elf,
	.find_debuginfo = no_debuginfo,
};

/* The whole of /proc/PID/maps, or NULL when the process is gone. */
static char *read_maps(struct sr_stacks *st, uint32_t tgid, size_t *len)
{
	char path[300], *buf = NULL;
	size_t cap = 0, n = 0;
	FILE *f;

	snprintf(path, sizeof(path), "%s/%u/maps", st->proc_root, tgid);
	f = fopen(path, "re");
	if (!f)
		return NULL;
	for (;;) {
		if (cap - n < 4096) {
			char *nb = cap < MAPS_MAX ? realloc(buf, cap ? cap * 2 : 16384) : NULL;

			if (!nb)
				break;
			buf = nb;
			cap = cap ? cap * 2 : 16384;
		}
		size_t r = fread(buf + n, 1, cap - n, f);

		if (!r)
			break;
		n += r;
	}
	fclose(f);
	st->stats.maps_read++;
	/* a zombie's maps are empty: as good as gone */
	if (!buf || !n) {
		free(buf);
		return NULL;
	}
	*len = n;
	return buf;
}

static void image_drop_dwfl(struct sr_image *img)
{
	if (img->dwfl)
		dwfl_end(img->dwfl);
	img->dwfl = NULL;
	img->dwfl_tried = false;
	free(img->maps);
	img->maps = NULL;
}

static void image_put(struct sr_image *img)
{
	while (img && --img->refs == 0) {
		struct sr_image *older = img->older;

		image_drop_dwfl(img);
		vmas__free(&img->vmas);
		free(img);
		img = older;
	}
}

/* Read @img's maps from /proc again; false if the process is gone. */
static bool image_read(struct sr_stacks *st, struct sr_image *img)
{
	size_t len = 0;
	char *maps = read_maps(st, img->tgid, &len);
	struct sr_vmas v = { 0 };

	if (!maps) {
		if (!img->vmas.n)
			st->stats.maps_missing++;
		return false;
	}
	if (vmas__parse(&v, maps, len)) {
		vmas__free(&v);
		free(maps);
		return false;
	}
	free(maps);
	vmas__free(&img->vmas);
	img->vmas = v;
	image_drop_dwfl(img);
	return true;
}

/* A new newest image for @tgid from @since on, the older one kept behind it. */
static struct sr_image *image_new(struct sr_stacks *st, uint32_t tgid, uint64_t since,
				  bool keep_older)
{
	struct sr_image *img = calloc(1, sizeof(*img)), *old;

	if (!img)
		return NULL;
	img->refs = 1; /* the images map's */
	img->tgid = tgid;
	img->since = since;
	old = idmap__get(&st->images, tgid);
	if (idmap__put(&st->images, tgid, img)) {
		free(img);
		return NULL;
	}
	if (keep_older)
		img->older = old; /* the map's reference moves here */
	else
		image_put(old);
	return img;
}

/* The image of @tgid at time @ts; one from /proc if none is known. */
static struct sr_image *image_at(struct sr_stacks *st, uint32_t tgid, uint64_t ts)
{
	struct sr_image *img = idmap__get(&st->images, tgid);

	if (!img) {
		img = image_new(st, tgid, 0, false);
		if (img)
			image_read(st, img);
		return img;
	}
	while (img->since > ts && img->older)
		img = img->older;
	if (!img->vmas.n && !img->since)
		image_read(st, img);
	return img;
}

/* The kernel's records of mappings, execs and forks (mmapev.h). */

static void ev_map(void *ctx, uint32_t pid, uint64_t ts, uint64_t addr, uint64_t len,
		   uint64_t pgoff, uint32_t maj, uint32_t min, uint64_t ino, uint32_t prot,
		   const char *file)
{
	struct sr_stacks *st = ctx;
	struct sr_image *img = idmap__get(&st->images, pid);
	struct sr_vma m = { .start = addr,
			    .end = addr + len,
			    .off = pgoff,
			    .maj = maj,
			    .min = min,
			    .ino = ino,
			    .file = file[0] == '/' ? (char *)file : NULL };

	/* not seen before: /proc, read when a stack needs it, shows this too */
	if (!img)
		return;
	vmas__add(&img->vmas, &m);
	image_drop_dwfl(img);
}

static void ev_exec(void *ctx, uint32_t pid, uint64_t ts)
{
	image_new(ctx, pid, ts, true);
}

static void ev_fork(void *ctx, uint32_t pid, uint32_t ppid, uint64_t ts)
{
	struct sr_stacks *st = ctx;
	struct sr_image *parent = idmap__get(&st->images, ppid);
	struct sr_image *img;

	if (!parent)
		return; /* read from /proc when needed */
	img = image_new(st, pid, ts, false);
	if (img)
		vmas__copy(&img->vmas, &parent->vmas);
}

static const struct sr_mmapev_ops mmapev_ops = {
	.map = ev_map,
	.exec = ev_exec,
	.fork = ev_fork,
};

/* libdwfl's view of the one thread whose stack is being unwound. */

static pid_t next_thread(Dwfl *dwfl, void *arg, void **thread_arg)
{
	struct sr_image *img = arg;

	if (*thread_arg || !img->cur)
		return 0;
	*thread_arg = img;
	return img->cur->h.tid;
}

static bool get_thread(Dwfl *dwfl, pid_t tid, void *arg, void **thread_arg)
{
	struct sr_image *img = arg;

	*thread_arg = img;
	return img->cur && img->cur->h.tid == (uint32_t)tid;
}

/* Only the copied stack can be read: the CFI itself comes from the files. */
static bool memory_read(Dwfl *dwfl, Dwarf_Addr addr, Dwarf_Word *result, void *arg)
{
	const struct sr_image *img = arg;
	const struct sr_stack *k = img->cur;

	if (!k || addr < k->sp || addr - k->sp > k->len || k->len - (addr - k->sp) < 8)
		return false;
	memcpy(result, (const char *)(k + 1) + (addr - k->sp), 8);
	return true;
}

static bool set_initial_registers(Dwfl_Thread *thread, void *thread_arg)
{
	const struct sr_image *img = thread_arg;
	const struct sr_stack *k = img->cur;
	Dwarf_Word regs[17];

	/* x86_64: DWARF registers 0-15, and the return address column 16 (rip) */
	memcpy(regs, k->regs, sizeof(regs));
	if (!dwfl_thread_state_registers(thread, 0, 17, regs))
		return false;
	dwfl_thread_state_register_pc(thread, k->regs[16]);
	return true;
}

static const Dwfl_Thread_Callbacks thread_cbs = {
	.next_thread = next_thread,
	.get_thread = get_thread,
	.memory_read = memory_read,
	.set_initial_registers = set_initial_registers,
};

/* @img's Dwfl: its modules from the maps, the state callbacks attached. */
static Dwfl *image_dwfl(struct sr_image *img)
{
	FILE *f;

	size_t len = 0;

	if (img->dwfl || img->dwfl_tried)
		return img->dwfl;
	img->dwfl_tried = true;
	img->maps = vmas__text(&img->vmas, &len);
	if (!img->maps)
		return NULL;
	img->dwfl = dwfl_begin(&dwfl_cbs);
	if (!img->dwfl)
		return NULL;
	dwfl_report_begin(img->dwfl);
	f = fmemopen(img->maps, len, "r");
	if (!f || dwfl_linux_proc_maps_report(img->dwfl, f) ||
	    dwfl_report_end(img->dwfl, NULL, NULL) ||
	    !dwfl_attach_state(img->dwfl, NULL, img->tgid, &thread_cbs, img)) {
		if (f)
			fclose(f);
		dwfl_end(img->dwfl);
		img->dwfl = NULL;
		return NULL;
	}
	fclose(f);
	return img->dwfl;
}

struct sr_walk {
	Dwarf_Addr *pcs;
	int n, max;
};

static int on_frame(Dwfl_Frame *state, void *arg)
{
	struct sr_walk *w = arg;
	Dwarf_Addr pc;

	if (!dwfl_frame_pc(state, &pc, NULL))
		return DWARF_CB_ABORT;
	w->pcs[w->n++] = pc;
	return w->n < w->max ? DWARF_CB_OK : DWARF_CB_ABORT;
}

/* The frames' return addresses (the first: where the call was made), as far as CFI goes. */
static int unwind(struct sr_image *img, const struct sr_stack *k, struct sr_walk *w)
{
	Dwfl *dwfl = image_dwfl(img);

	w->n = 0;
	if (!dwfl)
		return 0;
	img->cur = k;
	dwfl_getthread_frames(dwfl, k->h.tid, on_frame, w);
	img->cur = NULL;
	return w->n;
}

/* Does every frame fall in a mapped file (else the maps may be stale)? */
static bool all_mapped(Dwfl *dwfl, const struct sr_walk *w)
{
	int i;

	for (i = 0; i < w->n; i++)
		if (!dwfl_addrmodule(dwfl, w->pcs[i]))
			return false;
	return w->n > 0;
}

/* " > FILE(SYMBOL+0xOFF) [0xADDR]", as strace -k prints a frame. */
static void print_frame(struct sr_out *out, struct sr_syms *syms, Dwfl *dwfl, Dwarf_Addr pc)
{
	Dwfl_Module *mod = dwfl ? dwfl_addrmodule(dwfl, pc) : NULL;
	const char *file, *sym;
	Dwarf_Addr rel = pc;
	uint64_t off = 0;

	out__puts(out, " > ");
	if (!mod) {
		out__puts(out, "backtracing_error [");
		out__hex(out, pc);
		out__putc(out, ']');
		out__newline(out);
		return;
	}
	file = dwfl_module_info(mod, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
	sym = syms__name(syms, mod, pc, &off);
	dwfl_module_relocate_address(mod, &rel);
	out__escaped(out, file, strlen(file));
	out__putc(out, '(');
	if (sym && sym[0]) {
		out__escaped(out, sym, strlen(sym));
		out__puts(out, "+");
		out__hex(out, off);
	}
	out__puts(out, ") [");
	out__hex(out, rel);
	out__putc(out, ']');
	out__newline(out);
}

void stacks__print(void *ctx, struct sr_out *out, uint32_t tid)
{
	struct sr_stacks *st = ctx;
	struct sr_kept *kp = idmap__del(&st->kept, tid);
	struct sr_walk w = { .max = st->max_frames };
	Dwarf_Addr pcs_small[256];
	int i;

	if (!kp)
		return;
	w.pcs = w.max <= 256 ? pcs_small : malloc(w.max * sizeof(*w.pcs));
	if (w.pcs) {
		unwind(kp->img, kp->rec, &w);
		/* without the kernel's mmap records, a library loaded since the
		 * maps were read: read them again, once */
		if (!st->mmapev && !all_mapped(kp->img->dwfl, &w) &&
		    idmap__get(&st->images, kp->rec->h.tgid) == kp->img && image_read(st, kp->img))
			unwind(kp->img, kp->rec, &w);
		for (i = 0; i < w.n; i++)
			print_frame(out, &st->syms, kp->img->dwfl, w.pcs[i]);
		st->stats.printed++;
		if (!w.n)
			st->stats.unwound_none++;
	}
	if (w.pcs != pcs_small)
		free(w.pcs);
	image_put(kp->img);
	free(kp->rec);
	free(kp);
}

int stacks__record(struct sr_stacks *st, const struct sr_stack *rec, size_t len)
{
	struct sr_image *img;
	struct sr_kept *kp, *old;

	if (len < sizeof(*rec) || rec->len > len - sizeof(*rec))
		return -EINVAL;
	if (st->mmapev)
		mmapev__drain(st->mmapev, &mmapev_ops, st);
	img = image_at(st, rec->h.tgid, rec->h.ts_ns);
	kp = calloc(1, sizeof(*kp));
	if (!img || !kp || !(kp->rec = malloc(sizeof(*rec) + rec->len))) {
		free(kp);
		return -ENOMEM;
	}
	memcpy(kp->rec, rec, sizeof(*rec) + rec->len);
	kp->img = img;
	img->refs++;
	old = idmap__get(&st->kept, rec->h.tid);
	if (idmap__put(&st->kept, rec->h.tid, kp)) {
		image_put(img);
		free(kp->rec);
		free(kp);
		return -ENOMEM;
	}
	if (old) {
		image_put(old->img);
		free(old->rec);
		free(old);
	}
	st->stats.records++;
	return 0;
}

void stacks__exec(struct sr_stacks *st, uint32_t tgid, uint64_t ts)
{
	struct sr_image *img;

	/* the kernel's records say it better, and in time */
	if (st->mmapev)
		return;
	img = image_new(st, tgid, ts, true);
	if (img)
		image_read(st, img);
}

void stacks__exit(struct sr_stacks *st, uint32_t tgid)
{
	image_put(idmap__del(&st->images, tgid));
}

struct sr_stacks *stacks__new(int max_frames, const char *proc_root)
{
	struct sr_stacks *st = calloc(1, sizeof(*st));

	if (!st)
		return NULL;
	st->max_frames = max_frames > 0 ? max_frames : 256;
	snprintf(st->proc_root, sizeof(st->proc_root), "%s", proc_root ? proc_root : "/proc");
	st->mmapev = mmapev__open(MMAPEV_PAGES);
	return st;
}

void stacks__free(struct sr_stacks *st)
{
	struct sr_kept *kp;
	struct sr_image *img;
	size_t it = 0;

	if (!st)
		return;
	while ((kp = idmap__next(&st->kept, &it, NULL))) {
		image_put(kp->img);
		free(kp->rec);
		free(kp);
	}
	it = 0;
	while ((img = idmap__next(&st->images, &it, NULL)))
		image_put(img);
	idmap__free(&st->kept);
	idmap__free(&st->images);
	mmapev__close(st->mmapev);
	syms__free(&st->syms);
	free(st);
}

const struct sr_stacks_stats *stacks__stats(struct sr_stacks *st)
{
	st->stats.mmap_lost = mmapev__lost(st->mmapev);
	st->stats.mmap_records = st->mmapev != NULL;
	return &st->stats;
}
