// SPDX-License-Identifier: GPL-2.0
/*
 * The io_uring object's load and attach. The tracepoints changed across
 * kernels: io_uring_complete's arguments in 6.4 (ctx, req, cqe; before:
 * ctx, req, user_data, res, cflags, extra1, extra2), and the submission's
 * name in 6.3 (io_uring_submit_req; 6.0 to 6.2: io_uring_submit_sqe, with
 * the request first too). The programs are raw tracepoints: which completion
 * program to load is found first, by attaching a probe program that reads a
 * fifth argument (the kernel refuses it where there are only three), so
 * that one load does on every kernel; the submission's name at attach.
 * Kernels older than 6.0 (whose submission tracepoint has no request) are
 * not tried. libbpf's work (kernel BTF, CO-RE relocations) is done on a
 * thread while the main programs load: see share_maps().
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/utsname.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <linux/io_uring.h>

#include "capture/bpfobj.h"
#include "capture/uring.h"
#include "cli/filter.h"
#include "cli/opts.h"
#include "sysray_compat.skel.h"
#include "table/plan.h"
#include "table/syscalls.h"
#include "table/uring.h"
#include "uring.skel.h"
/* the generated header defines more than is used here */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-function"
#include "uring_fdi.skel.h"
#pragma GCC diagnostic pop

#ifndef IORING_SETUP_NO_SQARRAY
/* Linux 6.6, include/uapi/linux/io_uring.h; older headers lack it (never set there). */
#define IORING_SETUP_NO_SQARRAY (1U << 16)
#endif

/* The same headers define both objects' knobs and counters: copied and shared whole. */
_Static_assert(sizeof(struct uring_bpf__rodata) == sizeof(struct sysray_bpf__rodata),
	       "uring.bpf.c's .rodata differs from sysray.bpf.c's");
_Static_assert(sizeof(struct uring_bpf__bss) == sizeof(struct sysray_bpf__bss),
	       "uring.bpf.c's .bss differs from sysray.bpf.c's");

/* Linux 6.0 or later: io_uring_submit_req with the request. */
static bool kernel_6_0(void)
{
	struct utsname u;
	int major = 0;

	return !uname(&u) && sscanf(u.release, "%d.", &major) == 1 && major >= 6;
}

/* Each opcode's twin, its -e trace= selection, whether the fd tables need it. */
static bool uring_ops(const struct sr_opts *o, const struct sr_plans *plans,
		      struct sr_uring_op *ops)
{
	bool any = false;
	uint32_t i;

	for (i = 0; i < SR_URING_OPS; i++) {
		struct sr_uring_op *op = &ops[i];

		uring__twin(i, op);
		if (filter__uring_traced(o, op->flags & SR_UOP_TWIN ? op->nr : -1))
			op->flags |= SR_UOP_TRACED;
		/* what the fd tables learn from reaches them whatever -e says */
		if ((op->flags & SR_UOP_TWIN) && (plans->plan[op->nr].flags & SR_PLAN_TRACK))
			op->flags |= SR_UOP_TRACK;
		if (op->flags & (SR_UOP_TRACED | SR_UOP_TRACK))
			any = true;
	}
	return any;
}

/*
 * Does io_uring_complete take 6.0-6.3's arguments (1), 6.4's (0), or is it
 * missing (-errno)? A raw tracepoint program that reads the fifth argument
 * attaches only where there is one.
 */
static int complete_v60(void)
{
	const struct bpf_insn insns[] = {
		/* r0 = ctx[4]; r0 = 0; exit */
		{ .code = BPF_LDX | BPF_MEM | BPF_DW,
		  .dst_reg = BPF_REG_0,
		  .src_reg = BPF_REG_1,
		  .off = 4 * sizeof(__u64) },
		{ .code = BPF_ALU64 | BPF_MOV | BPF_K, .dst_reg = BPF_REG_0, .imm = 0 },
		{ .code = BPF_JMP | BPF_EXIT },
	};
	int prog, link, err;

	prog = bpf_prog_load(BPF_PROG_TYPE_RAW_TRACEPOINT, "sr_uring_probe", "GPL", insns,
			     sizeof(insns) / sizeof(*insns), NULL);
	if (prog < 0)
		return -errno;
	link = bpf_raw_tracepoint_open("io_uring_complete", prog);
	err = link < 0 ? -errno : 1;
	if (link >= 0)
		close(link);
	close(prog);
	return err == -EINVAL ? 0 : err;
}

/*
 * Is io_uring_register traced? Its line shows the fds and tags of file
 * registrations that the io_uring_register program reads.
 */
static bool register_traced(const struct sr_plans *plans)
{
	int nr, n = syscalls__count();

	for (nr = 0; nr < n && nr < SR_NR_MAX; nr++)
		if (SR_FDACT(syscalls__get(nr)) == SR_FD_URING_REG &&
		    (plans->plan[nr].flags & SR_PLAN_TRACED))
			return true;
	return false;
}

void uring_cap__prepare(struct sr_uring *u, const struct sr_opts *o, const struct sr_plans *plans)
{
	int v60;

	memset(u, 0, sizeof(*u));
	u->want = uring_ops(o, plans, u->ops);
	u->want |= register_traced(plans);
	if (!u->want)
		return;
	if (!kernel_6_0()) {
		u->err = -ENOTSUP;
		return;
	}
	v60 = complete_v60();
	if (v60 < 0) {
		u->err = v60;
		return;
	}
	u->v60 = v60;
	u->on = true;
}

enum { URING_WAIT, URING_GO, URING_STOP };

/*
 * Every map of the object but its own three is the main object's. libbpf
 * makes small ones in their place (the main maps are not there yet when it
 * starts); just before the kernel loads the first program, which is when
 * the map fds in its instructions are looked up, the main maps take their
 * fd numbers.
 */
static int share_maps(struct uring_bpf *u, const struct sr_bpf_fds *fd)
{
	struct {
		struct bpf_map *map;
		int fd;
	} shared[] = {
		{ u->maps.rbs, fd->rbs },	  { u->maps.rb_start, fd->rb_start },
		{ u->maps.plans, fd->plans },	  { u->maps.traced, fd->traced },
		{ u->maps.dead, fd->dead },	  { u->maps.cgroups, fd->cgroups },
		{ u->maps.cgcache, fd->cgcache }, { u->maps.scratch, fd->scratch },
		{ u->maps.stats, fd->stats },	  { u->maps.tcache, fd->tcache },
		{ u->maps.retry, fd->retry },	  { u->maps.bss, fd->bss },
	};
	size_t i;

	for (i = 0; i < sizeof(shared) / sizeof(*shared); i++)
		if (dup3(shared[i].fd, bpf_map__fd(shared[i].map), O_CLOEXEC) < 0)
			return -errno;
	return 0;
}

/* libbpf's hook before each program's load: wait for the main maps, then share them. */
static int before_prog_load(struct bpf_program *prog, struct bpf_prog_load_opts *opts, long cookie)
{
	struct sr_uring *u = (struct sr_uring *)cookie;
	int err = 0;

	pthread_mutex_lock(&u->lock);
	while (u->go == URING_WAIT)
		pthread_cond_wait(&u->cond, &u->lock);
	if (u->go == URING_STOP)
		err = -EINTR;
	else if (!u->shared)
		err = share_maps(u->skel, &u->fd);
	u->shared = !err;
	pthread_mutex_unlock(&u->lock);
	return err;
}

/* The build with -y's fd descriptions if @fdi: laid out as the other, whose skeleton opens it. */
static struct uring_bpf *open_build(bool fdi)
{
	struct uring_bpf *u = calloc(1, sizeof(*u));
	int err;

	if (!u)
		return NULL;
	err = uring_bpf__create_skeleton(u);
	if (!err && fdi)
		u->skeleton->data = (void *)uring_fdi_bpf__elf_bytes(&u->skeleton->data_sz);
	if (!err)
		err = bpf_object__open_skeleton(u->skeleton, NULL);
	if (err) {
		uring_bpf__destroy(u);
		errno = -err;
		return NULL;
	}
	return u;
}

/* The main object's knobs, the completion program for this kernel; small maps to be replaced. */
static int load(struct sr_uring *u)
{
	struct uring_bpf *s = open_build(u->fdi);
	int fd, err = 0;
	uint32_t i;

	if (!s)
		return -errno;
	u->skel = s;
	memcpy(s->rodata, u->knobs, sizeof(*s->rodata));
	s->rodata->targ_uring_sqe128 = IORING_SETUP_SQE128;
	s->rodata->targ_uring_no_sqarray = IORING_SETUP_NO_SQARRAY;
	s->rodata->targ_uring_cqe_more = IORING_CQE_F_MORE;
	s->rodata->targ_uring_fdi = u->fdi;
	bpf_program__set_autoload(s->progs.uring_complete_cqe, !u->v60);
	bpf_program__set_autoload(s->progs.uring_complete_v60, u->v60);
	bpf_map__set_max_entries(s->maps.plans, 1);
	bpf_map__set_max_entries(s->maps.traced, 1);
	bpf_map__set_max_entries(s->maps.dead, 1);
	bpf_map__set_max_entries(s->maps.retry, 1);
	err = uring_bpf__load(s);
	if (err)
		return err;
	fd = bpf_map__fd(s->maps.uring_ops);
	for (i = 0; i < SR_URING_OPS; i++)
		if (bpf_map_update_elem(fd, &i, &u->ops[i], BPF_ANY))
			return -errno;
	return 0;
}

static void *load_thread(void *arg)
{
	struct sr_uring *u = arg;

	u->load_err = load(u);
	return NULL;
}

/* Not traced after all: nothing attached, -d says why. */
static int give_up(struct sr_uring *u, int err)
{
	u->on = false;
	u->err = err;
	return err;
}

/* The programs' sections, handled by before_prog_load() (libbpf's list is process-wide). */
static const char *const uring_secs[] = { "raw_tp/io_uring_submit_req",
					  "raw_tp/io_uring_req_failed", "raw_tp/io_uring_complete",
					  "raw_tp/io_uring_register" };

static int handlers_add(struct sr_uring *u)
{
	LIBBPF_OPTS(libbpf_prog_handler_opts, ho, .cookie = (long)u,
		    .prog_prepare_load_fn = before_prog_load);
	size_t i;

	for (i = 0; i < sizeof(uring_secs) / sizeof(*uring_secs); i++) {
		u->handlers[i] = libbpf_register_prog_handler(uring_secs[i],
							      BPF_PROG_TYPE_RAW_TRACEPOINT, 0, &ho);
		if (u->handlers[i] < 0)
			return u->handlers[i];
	}
	return 0;
}

static void handlers_del(struct sr_uring *u)
{
	size_t i;

	for (i = 0; i < sizeof(uring_secs) / sizeof(*uring_secs); i++)
		if (u->handlers[i] > 0)
			libbpf_unregister_prog_handler(u->handlers[i]);
	memset(u->handlers, 0, sizeof(u->handlers));
}

void uring_cap__start(struct sr_uring *u, const struct sr_bpfobj *main)
{
	int err;

	if (!u->on || u->started)
		return;
	u->fdi = main->fdi;
	u->knobs = malloc(sizeof(*main->rodata));
	if (!u->knobs) {
		give_up(u, -ENOMEM);
		return;
	}
	memcpy(u->knobs, main->rodata, sizeof(*main->rodata));
	u->go = URING_WAIT;
	u->shared = false;
	pthread_mutex_init(&u->lock, NULL);
	pthread_cond_init(&u->cond, NULL);
	err = handlers_add(u);
	if (!err)
		err = -pthread_create(&u->thread, NULL, load_thread, u);
	if (err) {
		handlers_del(u);
		give_up(u, err);
		return;
	}
	u->started = true;
}

static void set_go(struct sr_uring *u, int go, const struct sr_bpf_fds *fd)
{
	pthread_mutex_lock(&u->lock);
	if (u->go == URING_WAIT) {
		if (fd)
			u->fd = *fd;
		u->go = go;
	}
	pthread_cond_signal(&u->cond);
	pthread_mutex_unlock(&u->lock);
}

void uring_cap__maps(struct sr_uring *u, const struct sr_bpf_fds *fd)
{
	if (u->started)
		set_go(u, URING_GO, fd);
}

/* Wait for the thread; return its error. */
static int join(struct sr_uring *u)
{
	pthread_join(u->thread, NULL);
	u->started = false;
	handlers_del(u);
	pthread_cond_destroy(&u->cond);
	pthread_mutex_destroy(&u->lock);
	free(u->knobs);
	u->knobs = NULL;
	return u->load_err;
}

void uring_cap__stop(struct sr_uring *u)
{
	if (!u->started)
		return;
	set_go(u, URING_STOP, NULL);
	join(u);
	uring_bpf__destroy(u->skel);
	u->skel = NULL;
}

int uring_cap__load(struct sr_uring *u, const struct sr_bpfobj *main)
{
	int err;

	if (!u->on)
		return 0;
	uring_cap__start(u, main);
	if (!u->started)
		return u->err;
	uring_cap__maps(u, &main->fd);
	err = join(u);
	return err ? give_up(u, err) : 0;
}

int uring_cap__attach(struct sr_uring *u)
{
	const struct uring_bpf *s = u->skel;
	int err = 0;

	if (!u->on)
		return 0;
	u->links[0] = bpf_raw_tracepoint_open("io_uring_submit_req",
					      bpf_program__fd(s->progs.uring_submit_req));
	if (u->links[0] < 0 && errno == ENOENT)
		u->links[0] = bpf_raw_tracepoint_open("io_uring_submit_sqe",
						      bpf_program__fd(s->progs.uring_submit_req));
	if (u->links[0] >= 0)
		u->links[1] = bpf_raw_tracepoint_open("io_uring_req_failed",
						      bpf_program__fd(s->progs.uring_req_failed));
	if (u->links[0] >= 0 && u->links[1] >= 0)
		u->links[2] = bpf_raw_tracepoint_open(
			"io_uring_complete", bpf_program__fd(u->v60 ? s->progs.uring_complete_v60 :
								      s->progs.uring_complete_cqe));
	/* the rings io_uring_register() names: without it, -y forgets registered files */
	if (u->links[2] >= 0)
		u->links[3] = bpf_raw_tracepoint_open("io_uring_register",
						      bpf_program__fd(s->progs.uring_register));
	if (u->links[0] < 0 || u->links[1] < 0 || u->links[2] < 0 || u->links[3] < 0) {
		err = -errno;
		uring_cap__detach(u);
		give_up(u, err);
	}
	return err;
}

void uring_cap__detach(struct sr_uring *u)
{
	size_t i;

	for (i = 0; i < sizeof(u->links) / sizeof(*u->links); i++) {
		if (u->links[i] > 0)
			close(u->links[i]);
		u->links[i] = 0;
	}
}

void uring_cap__free(struct sr_uring *u)
{
	if (!u)
		return;
	uring_cap__stop(u);
	uring_cap__detach(u);
	uring_bpf__destroy(u->skel);
	u->skel = NULL;
}
