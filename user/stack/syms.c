// SPDX-License-Identifier: GPL-2.0
/* -k: function names by nearest start. See syms.h. */
#include <stdlib.h>
#include <string.h>

#include "stack/syms.h"

struct sr_sym {
	uint64_t val; /* the file's own address (before load bias) */
	uint32_t name; /* offset in names */
	uint32_t order; /* in the symbol table, for ties: the first one wins */
};

struct sr_symfile {
	char *path;
	struct sr_sym *v;
	size_t n;
	char *names;
	struct sr_symfile *next; /* same hash */
};

static uint64_t hash(const char *s)
{
	uint64_t h = 1469598103934665603ULL;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 1099511628211ULL;
	return h;
}

static int by_val(const void *a, const void *b)
{
	const struct sr_sym *x = a, *y = b;

	if (x->val != y->val)
		return x->val < y->val ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

/* Every defined function symbol of @mod's own file, sorted. */
static struct sr_symfile *load(Dwfl_Module *mod, const char *path)
{
	struct sr_symfile *f = calloc(1, sizeof(*f));
	int i, nsyms = dwfl_module_getsymtab(mod);
	size_t names_len = 0, names_cap = 0;

	if (!f || !(f->path = strdup(path)))
		goto fail;
	for (i = 0; i < nsyms; i++) {
		GElf_Addr addr, bias = 0;
		GElf_Word shndx;
		GElf_Sym sym;
		Elf *elf;
		const char *name =
			dwfl_module_getsym_info(mod, i, &sym, &addr, &shndx, &elf, &bias);
		size_t len;

		if (!name || !name[0] || GELF_ST_TYPE(sym.st_info) != STT_FUNC ||
		    sym.st_shndx == SHN_UNDEF)
			continue;
		len = strlen(name) + 1;
		if (names_len + len > names_cap) {
			size_t cap = names_cap ? names_cap * 2 : 65536;
			char *nn;

			while (cap < names_len + len)
				cap *= 2;
			if (!(nn = realloc(f->names, cap)))
				goto fail;
			f->names = nn;
			names_cap = cap;
		}
		if (!(f->n & (f->n + 1)) || !f->v) {
			void *nv = realloc(f->v, (f->n ? (f->n + 1) * 2 : 256) * sizeof(*f->v));

			if (!nv)
				goto fail;
			f->v = nv;
		}
		memcpy(f->names + names_len, name, len);
		f->v[f->n++] = (struct sr_sym){ addr - bias, names_len, i };
		names_len += len;
	}
	qsort(f->v, f->n, sizeof(*f->v), by_val);
	return f;
fail:
	if (f) {
		free(f->path);
		free(f->v);
		free(f->names);
		free(f);
	}
	return NULL;
}

static struct sr_symfile *file_of(struct sr_syms *s, Dwfl_Module *mod)
{
	const char *path = dwfl_module_info(mod, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
	uint64_t h = path ? hash(path) : 0;
	struct sr_symfile *f = path ? idmap__get(&s->files, h) : NULL;

	if (!path)
		return NULL;
	for (; f; f = f->next)
		if (!strcmp(f->path, path))
			return f;
	f = load(mod, path);
	if (f) {
		f->next = idmap__get(&s->files, h);
		if (idmap__put(&s->files, h, f)) {
			free(f->path);
			free(f->v);
			free(f->names);
			free(f);
			return NULL;
		}
	}
	return f;
}

const char *syms__name(struct sr_syms *s, Dwfl_Module *mod, Dwarf_Addr pc, uint64_t *off)
{
	struct sr_symfile *f = file_of(s, mod);
	Dwarf_Addr bias = 0;
	uint64_t v;
	size_t lo = 0, hi;

	if (!f || !f->n || !dwfl_module_getelf(mod, &bias))
		return NULL;
	v = pc - bias;
	hi = f->n;
	/* the last symbol starting at or below v */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (f->v[mid].val <= v)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (!lo)
		return NULL;
	lo--;
	while (lo && f->v[lo - 1].val == f->v[lo].val)
		lo--;
	*off = v - f->v[lo].val;
	return f->names + f->v[lo].name;
}

void syms__free(struct sr_syms *s)
{
	struct sr_symfile *f, *next;
	size_t it = 0;

	while ((f = idmap__next(&s->files, &it, NULL)))
		for (; f; f = next) {
			next = f->next;
			free(f->path);
			free(f->v);
			free(f->names);
			free(f);
		}
	idmap__free(&s->files);
}
