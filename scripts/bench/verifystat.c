// SPDX-License-Identifier: GPL-2.0
/*
 * verifystat [-c] [-y] [-k] [-e] [-U] [-v]: load sysray's BPF programs as `sysray -- CMD`
 * would (launch mode, default knobs), and print per program what the
 * verifier did: instructions processed, time, and the translated size. -c:
 * the object built for kernels without bpf_loop() (see bpf/maps.bpf.h). -y:
 * the programs -y loads (sys_exit_fdi for sys_exit). -k: with -k's stack copy.
 * -e: with --explain's credentials and --follow-peer (bpf/peer.bpf.h). -U:
 * without the io_uring programs' bodies (-e trace=!%io_uring; with it, as on
 * 6.4 and later: the completion entry as an argument). -v: the
 * instructions processed in each subprogram, counted from the verifier's
 * level-2 log (which makes verification itself much slower).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include "sysray/abi.h"
#include "sysray_compat.skel.h"
#include "sysray_loop.skel.h"

#define LOG_SIZE (512u << 20)

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int silent(enum libbpf_print_level level, const char *fmt, va_list args)
{
	return level == LIBBPF_WARN ? vfprintf(stderr, fmt, args) : 0;
}

/* Level-1 log: processed instructions per "Validating NAME() func#N" section. */
static void per_subprog(const char *log)
{
	char name[64] = "(main)";
	const char *p = log;
	long count = 0;

	while (p && *p) {
		const char *nl = strchr(p, '\n');
		char sub[64];
		int a;

		if (!strncmp(p, "Validating ", 11) &&
		    sscanf(p, "Validating %63[^(]() func#%d", sub, &a) == 2) {
			printf("    %-20s %8ld\n", name, count);
			snprintf(name, sizeof(name), "%s", sub);
			count = 0;
		} else if (*p >= '0' && *p <= '9' && strspn(p, "0123456789") < 8 &&
			   !strncmp(p + strspn(p, "0123456789"), ": (", 3)) {
			count++;
		}
		p = nl ? nl + 1 : NULL;
	}
	printf("    %-20s %8ld\n", name, count);
}

int main(int argc, char **argv)
{
	bool verbose = false, compat = false, fdi = false, stack = false, explain = false,
	     uring = true;
	struct sysray_bpf *skel;
	struct bpf_program *prog;
	char **logs;
	int n = 0, i, err;
	double t0;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-v"))
			verbose = true;
		else if (!strcmp(argv[i], "-c"))
			compat = true;
		else if (!strcmp(argv[i], "-y"))
			fdi = true;
		else if (!strcmp(argv[i], "-k"))
			stack = true;
		else if (!strcmp(argv[i], "-e"))
			explain = true;
		else if (!strcmp(argv[i], "-U"))
			uring = false;
		else {
			fprintf(stderr, "usage: verifystat [-c] [-y] [-k] [-e] [-U] [-v]\n");
			return 2;
		}
	}
	libbpf_set_print(silent);
	skel = calloc(1, sizeof(*skel));
	if (!skel || sysray_bpf__create_skeleton(skel))
		return 1;
	/* the bpf_loop build through the other's skeleton: the build checks they are alike */
	if (!compat)
		skel->skeleton->data = (void *)sysray_loop_bpf__elf_bytes(&skel->skeleton->data_sz);
	if (bpf_object__open_skeleton(skel->skeleton, NULL)) {
		fprintf(stderr, "verifystat: cannot open the BPF object\n");
		return 1;
	}
	skel->rodata->targ_filter_tasks = true;
	skel->rodata->targ_stack_bytes = stack ? 8192 : 0; /* -k's copy of the user stack */
	bpf_map__set_max_entries(skel->maps.rb_start, 4096);
	bpf_program__set_autoload(skel->progs.sys_exit, !fdi);
	bpf_program__set_autoload(skel->progs.sys_exit_fdi, fdi);
	skel->rodata->targ_explain_creds = explain;
	skel->rodata->targ_follow_peer = explain;
	skel->rodata->targ_naccept = explain ? 2 : 0;
	skel->rodata->targ_accept_nr[0] = SYS_accept;
	skel->rodata->targ_accept_nr[1] = SYS_accept4;
	/* the light skeleton loads --follow-peer's program always, libbpf's only then */
	bpf_program__set_autoload(skel->progs.peer_tcp_state, explain || !compat);
	/* io_uring: as sysray on 6.4 and later; libbpf's skeleton loads the programs only then */
	skel->rodata->targ_uring = uring ? SR_URING_CQE : SR_URING_OFF;
	skel->rodata->targ_uring_fdi = fdi;
	bpf_program__set_autoload(skel->progs.uring_submit_req, uring || !compat);
	bpf_program__set_autoload(skel->progs.uring_req_failed, uring || !compat);
	bpf_program__set_autoload(skel->progs.uring_complete_prog, uring || !compat);
	bpf_map__set_max_entries(skel->maps.rbs, libbpf_num_possible_cpus());
	logs = calloc(64, sizeof(*logs));
	bpf_object__for_each_program(prog, skel->obj) {
		size_t sz = verbose ? LOG_SIZE : 1 << 20;

		logs[n] = calloc(1, sz);
		if (!logs[n] || bpf_program__set_log_buf(prog, logs[n], sz))
			return 1;
		bpf_program__set_log_level(prog, verbose ? 1 | 2 | 4 : 4);
		n++;
	}
	t0 = now_ms();
	err = sysray_bpf__load(skel);
	if (err) {
		/* the last lines of each program's log: the refused one says why */
		i = 0;
		bpf_object__for_each_program(prog, skel->obj) {
			const char *log = logs[i++];
			size_t len = strlen(log);

			if (len)
				fprintf(stderr, "%s: ...%s\n", bpf_program__name(prog),
					log + (len > 2000 ? len - 2000 : 0));
		}
	}
	printf("load: %.1f ms (%s)\n", now_ms() - t0, err ? strerror(-err) : "ok");
	i = -1;
	bpf_object__for_each_program(prog, skel->obj) {
		struct bpf_prog_info info = {};
		__u32 len = sizeof(info);
		const char *st = strstr(logs[++i], "processed ");
		const char *vt = strstr(logs[i], "verification time ");
		long processed = st ? atol(st + 10) : -1, usec = vt ? atol(vt + 18) : -1;

		if (!bpf_program__autoload(prog))
			continue;
		bpf_obj_get_info_by_fd(bpf_program__fd(prog), &info, &len);
		printf("%-20s processed %8ld insns, %7.1f ms, xlated %6u B, jited %6u B\n",
		       bpf_program__name(prog), processed, usec / 1e3, info.xlated_prog_len,
		       info.jited_prog_len);
		if (verbose)
			per_subprog(logs[i]);
		if (verbose && getenv("SR_VLOG_DIR")) {
			char path[512];
			FILE *f;

			snprintf(path, sizeof(path), "%s/%s.log", getenv("SR_VLOG_DIR"),
				 bpf_program__name(prog));
			f = fopen(path, "w");
			if (f) {
				fputs(logs[i], f);
				fclose(f);
			}
		}
	}
	sysray_bpf__destroy(skel);
	return err ? 1 : 0;
}
