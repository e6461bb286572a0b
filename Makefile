# SPDX-License-Identifier: GPL-2.0
#
# sysray build. `make` builds ./sysray with its BPF object embedded through a
# bpftool skeleton; `make run` and `make test` also install what is missing.
# Quiet by default; V=1 shows the commands.

OUTPUT := .output
CLANG ?= clang
BPFTOOL ?= bpftool
CC ?= cc
HOST_ARCH := $(shell uname -m | sed -e 's/x86_64/x86/' -e 's/aarch64/arm64/')
ARCH ?= $(HOST_ARCH)
BIN := sysray
PKG_CONFIG ?= pkg-config
# A cross build (make ARCH=arm64 on x86_64): Debian's cross compiler and the
# target's libbpf, libelf and zlib installed through multiarch
# (scripts/deps.sh --arm64); everything goes to .output/ARCH/.
ifneq ($(ARCH),$(HOST_ARCH))
TRIPLET := $(or $(if $(filter arm64,$(ARCH)),aarch64-linux-gnu),$(if $(filter x86,$(ARCH)),x86_64-linux-gnu),$(error ARCH=$(ARCH): x86 or arm64))
CROSS_COMPILE ?= $(TRIPLET)-
CC := $(CROSS_COMPILE)gcc
OUTPUT := .output/$(ARCH)
BIN := $(OUTPUT)/sysray
PKG_CONFIG := PKG_CONFIG_LIBDIR=/usr/lib/$(TRIPLET)/pkgconfig:/usr/share/pkgconfig pkg-config
endif
VMLINUX := vmlinux/$(ARCH)/vmlinux.h
# UAPI headers that the syscall-name and flag tables are generated from.
UAPI_INC ?= /usr/include
VERSION := $(shell cat VERSION 2>/dev/null || echo 0.0.0)

LIBBPF_CFLAGS := $(shell $(PKG_CONFIG) --cflags libbpf 2>/dev/null)
# libdw (elfutils): -k's stack unwinding and symbols (user/stack/)
LIBBPF_LIBS := $(shell $(PKG_CONFIG) --libs libbpf 2>/dev/null || echo -lbpf) -ldw -lelf -lz

WARN := -Wall -Wextra -Werror -Wno-unused-parameter -Wno-missing-field-initializers
CFLAGS ?= -O2 -g
ALL_CFLAGS := -std=gnu11 $(CFLAGS) $(WARN) -Iinclude -I$(OUTPUT) -Iuser $(LIBBPF_CFLAGS) \
	-DSYSRAY_VERSION='"$(VERSION)"' -D_GNU_SOURCE -pthread
BPF_CFLAGS := -g -O2 -target bpf -D__TARGET_ARCH_$(ARCH) -I$(dir $(VMLINUX)) -Iinclude -Ibpf \
	-Wall -Werror

ifeq ($(V),1)
Q =
msg =
else
Q = @
msg = @printf '  %-8s %s%s\n' "$(1)" "$(patsubst $(abspath $(OUTPUT))/%,%,$(2))" \
	"$(if $(3), $(3))";
MAKEFLAGS += --no-print-directory
endif

BPF_SRCS := $(wildcard bpf/*.bpf.c)
BPF_HDRS := $(wildcard bpf/*.h) include/sysray/abi.h include/sysray/abi_uring.h
XLAT_INS := $(wildcard user/table/xlat/*.in)
XLAT_OBJS := $(patsubst user/table/xlat/%.in,$(OUTPUT)/xlat/%.o,$(XLAT_INS))
# ioctl request names, one table per subsystem (scripts/gen-ioctls.sh)
IOCTL_LIST := user/table/xlat/ioctls.list
IOCTL_TABLES := $(shell awk '$$1 ~ /^[a-z]/ { print $$1 }' $(IOCTL_LIST))
XLAT_OBJS += $(patsubst %,$(OUTPUT)/xlat/ioctls_%.o,$(IOCTL_TABLES))
GEN_HDRS := $(OUTPUT)/sysray_compat.skel.h $(OUTPUT)/sysray.lskel.h $(OUTPUT)/sysray_fdi.lskel.h \
	$(OUTPUT)/skel-layout.ok $(OUTPUT)/syscall_names.h $(OUTPUT)/errno_names.h \
	$(OUTPUT)/kernel_errnos.h $(OUTPUT)/xlat/all.h $(OUTPUT)/xlat/ioctls.h $(OUTPUT)/uring_ops.h \
	$(OUTPUT)/argnames.h
# Section 2 man pages (manpages-dev) that -N's argument names are generated from.
MAN2DIR ?= /usr/share/man/man2
# Everything in user/ but main.c forms a library shared with the unit tests.
LIB_SRCS := $(filter-out user/main.c,$(wildcard user/*.c user/*/*.c))
LIB_OBJS := $(patsubst user/%.c,$(OUTPUT)/user/%.o,$(LIB_SRCS))
USER_HDRS := $(wildcard user/*.h user/*/*.h include/sysray/*.h include/sysray/*.def)

UNIT_SRCS := $(wildcard tests/unit/*.c)
# libFuzzer targets (tests/fuzz/): the user-space library built again with
# clang, coverage for the fuzzer, ASan and UBSan; see tests/fuzz/README.md.
FUZZ_CC ?= clang
FUZZ_OUT := $(OUTPUT)/fuzz
FUZZ_SAN := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_TARGETS := $(patsubst tests/fuzz/%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_BINS := $(addprefix $(FUZZ_OUT)/,$(FUZZ_TARGETS))
FUZZ_LIB_OBJS := $(patsubst user/%.c,$(FUZZ_OUT)/user/%.o,$(LIB_SRCS))
# Seconds each target runs: make fuzz FUZZ_TIME=600.
FUZZ_TIME ?= 60
PROG_SRCS := $(wildcard tests/progs/*.c)
PROGS := $(patsubst tests/progs/%.c,$(OUTPUT)/progs/%,$(PROG_SRCS))
# io_uring programs, built against liburing: not in the strace corpus (progs/).
URING_SRCS := $(wildcard tests/uring/*.c)
URING_PROGS := $(patsubst tests/uring/%.c,$(OUTPUT)/uring-progs/%,$(URING_SRCS))

# Diagnosis scenarios; xp_libuser and xp_ctrapp are built by their tests (against a library
# it then removes; static, into a container's root).
SCEN_SRCS := $(filter-out tests/scenarios/xp_libuser.c tests/scenarios/xp_ctrapp.c,$(wildcard tests/scenarios/*.c))
SCENARIOS := $(patsubst tests/scenarios/%.c,$(OUTPUT)/scenarios/%,$(SCEN_SRCS))

# Unit tests: the user-space library built again with ASan and UBSan. UBSan
# only prints and goes on by default; make every finding fail the run.
ASAN := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer

# sysray itself with ASan and UBSan (the same BPF object), for the
# integration tests: make test-asan. ASAN_TESTS: the subset make test runs.
ASAN_OUT := $(OUTPUT)/asan
ASAN_OBJS := $(patsubst user/%.c,$(ASAN_OUT)/user/%.o,$(LIB_SRCS) user/main.c)
ASAN_TESTS := demo_missing_config exit_status fork_child threads_each bad_usage \
	whole_host_sees ctrl_c sigterm losses_are fd_annotations_match hostile_bytes \
	hostile_argv hostile_pid_and_tid output_reader_gone output_disk_full no_data

# Objects depend on this file, rewritten whenever the compiler or its flags
# change (CFLAGS=..., another CC), so that no stale object survives.
FLAGS_FILE := $(OUTPUT)/flags
FLAGS := $(CC) $(ALL_CFLAGS) $(ASAN) $(CLANG) $(BPF_CFLAGS) $(LIBBPF_LIBS) $(FUZZ_CC) $(FUZZ_SAN)
ifneq ($(FLAGS),$(file <$(FLAGS_FILE)))
$(shell mkdir -p $(OUTPUT))
$(file >$(FLAGS_FILE),$(FLAGS))
endif

.PHONY: all run test check deps integration bench bench-tools format format-check clean progs \
	test-kernels test-json verifystat profile bench-format fuzz fuzz-build asan test-asan soak strace-suite \
	scenarios
.DELETE_ON_ERROR:
# Keep the generated flag-table sources (intermediates) instead of deleting them.
.SECONDARY:

all: $(BIN)

deps:
	$(Q)scripts/deps.sh

run: deps
	$(Q)$(MAKE) sysray $(OUTPUT)/progs/demo
	$(Q)scripts/demo.sh

# FUZZ_TEST_TIME: seconds each fuzz target runs in make test.
FUZZ_TEST_TIME ?= 5
test:
	$(Q)scripts/deps.sh --kernels --ship
	$(Q)$(MAKE) sysray progs scenarios $(OUTPUT)/unit-tests $(COMPLETION) $(STATIC_BIN) fuzz-build asan
	$(Q)FUZZ_TIME=$(FUZZ_TEST_TIME) FUZZ_TARGETS="$(FUZZ_TARGETS)" \
		ASAN_SYSRAY=$(ASAN_OUT)/sysray ASAN_TESTS="$(ASAN_TESTS)" tests/run.sh

# Debian's kernels booted under qemu with sysray inside (scripts/kernels/run.sh,
# tests/kernels/checks.sh); KERNELS picks the series. ARCH=arm64 cross-builds
# sysray and boots Debian's arm64 kernels.
KERNELS ?= 5.10 6.1 6.12
KERNEL_PROGS := $(addprefix $(OUTPUT)/progs/,missing_file fork_exit3 signals threads filter_target busy)
# amd64: the io_uring programs too (liburing), next to the others in the image
KERNEL_URING := $(addprefix $(OUTPUT)/uring-progs/,uring_ops uring_twins)
KERNEL_PROGS_DIR := $(if $(filter arm64,$(ARCH)),$(OUTPUT)/progs,$(OUTPUT)/kernel-progs)
test-kernels:
	$(Q)scripts/deps.sh $(if $(filter arm64,$(ARCH)),--arm64,--kernels)
	$(Q)$(MAKE) $(BIN) $(KERNEL_PROGS) $(if $(filter arm64,$(ARCH)),,$(KERNEL_URING))
	$(Q)$(if $(filter arm64,$(ARCH)),true,rm -rf $(KERNEL_PROGS_DIR) && mkdir -p $(KERNEL_PROGS_DIR) && \
		cp $(OUTPUT)/progs/* $(KERNEL_URING) $(KERNEL_PROGS_DIR)/)
	$(Q)SYSRAY=$(BIN) PROGS=$(KERNEL_PROGS_DIR) scripts/kernels/run.sh \
		--arch $(if $(filter arm64,$(ARCH)),arm64,amd64) $(KERNELS)

# The whole host traced under a stress workload: make soak SOAK_TIME=600.
SOAK_TIME ?= 120
soak: sysray progs
	$(Q)scripts/soak.sh $(SOAK_TIME)

# The JSON checks over the whole corpus (~10 minutes on a loaded machine);
# make test runs them over a few programs.
test-json: sysray progs
	$(Q)scripts/deps.sh
	$(Q)python3 tests/integration/run.py --json-full

check: $(OUTPUT)/unit-tests
	$(Q)$(OUTPUT)/unit-tests

integration: sysray progs
	$(Q)python3 tests/integration/run.py

bench:
	$(Q)scripts/deps.sh --bench
	$(Q)$(MAKE) sysray progs bench-tools
	$(Q)python3 scripts/bench.py

BENCH_TOOLS := $(OUTPUT)/bench/loop $(OUTPUT)/bench/empty $(OUTPUT)/bench/timeit \
	$(OUTPUT)/bench/verifystat
bench-tools: $(BENCH_TOOLS)

$(OUTPUT)/bench:
	$(Q)mkdir -p $@

$(OUTPUT)/bench/loop: scripts/bench/loop.c | $(OUTPUT)/bench
	$(call msg,CC,$@)
	$(Q)$(CC) -std=gnu11 -O2 -Wall -Wextra -Werror -pthread $< -o $@

$(OUTPUT)/bench/timeit: scripts/bench/timeit.c | $(OUTPUT)/bench
	$(call msg,CC,$@)
	$(Q)$(CC) -std=gnu11 -O2 -Wall -Wextra -Werror $< -o $@

$(OUTPUT)/bench/empty.bpf.o: scripts/bench/empty.bpf.c $(VMLINUX) | $(OUTPUT)/bench
	$(call msg,BPF,$@)
	$(Q)$(CLANG) $(BPF_CFLAGS) -c $< -o $@

$(OUTPUT)/bench/empty.skel.h: $(OUTPUT)/bench/empty.bpf.o
	$(call msg,GEN-SKEL,$@)
	$(Q)$(BPFTOOL) gen skeleton $< name empty_bpf > $@

$(OUTPUT)/bench/empty: scripts/bench/empty.c $(OUTPUT)/bench/empty.skel.h
	$(call msg,CC,$@)
	$(Q)$(CC) -std=gnu11 -O2 -Wall -Wextra -Werror -Wno-unused-parameter -I$(OUTPUT)/bench $(LIBBPF_CFLAGS) $< \
		$(LIBBPF_LIBS) -o $@

# What the verifier does with each program: `make verifystat` (V=1: per subprogram).
$(OUTPUT)/bench/verifystat: scripts/bench/verifystat.c $(OUTPUT)/sysray_loop.skel.h \
		$(OUTPUT)/sysray_compat.skel.h | $(OUTPUT)/bench
	$(call msg,CC,$@)
	$(Q)$(CC) $(ALL_CFLAGS) $< $(LIBBPF_LIBS) -o $@

# Where a traced syscall's time goes, stage by stage (perf).
# the consumer's CPU time per line replaying recordings: text, --json, -r -T (ARGS: --rounds N, --against BIN...)
bench-format: sysray bench-tools
	$(Q)python3 scripts/bench/formatting.py $(ARGS)

profile: sysray bench-tools
	$(Q)scripts/deps.sh --bench
	$(Q)python3 scripts/bench/profile.py

verifystat: $(OUTPUT)/bench/verifystat
	$(Q)$< $(if $(filter 1,$(V)),-v)
	$(Q)$< -c $(if $(filter 1,$(V)),-v)

# strace 6.1's own test suite with sysray as $STRACE (minutes; not in `make
# test`): fetches and builds Debian's strace source once under
# $(OUTPUT)/strace-suite, then runs. SUITE_ARGS="-k REGEX --compare OLD.json"
# selects tests and compares with an earlier results.json.
SUITE_DIR := $(OUTPUT)/strace-suite
strace-suite:
	$(Q)scripts/deps.sh --strace-suite
	$(Q)$(MAKE) sysray $(SUITE_DIR)/exec-shim
	$(Q)scripts/strace-suite/build.sh $(SUITE_DIR)
	$(Q)python3 scripts/strace-suite/run.py --out $(SUITE_DIR) --sysray ./sysray $(SUITE_ARGS)

# Built without libc, so that it makes only the calls the stand-in removes.
$(SUITE_DIR)/exec-shim: scripts/strace-suite/exec-shim.c
	$(call msg,CC,$@)
	$(Q)mkdir -p $(dir $@)
	$(Q)$(CC) -std=gnu11 -O2 -Wall -Wextra -Werror -nostdlib -static -fno-stack-protector \
		-fno-builtin -fcf-protection=none $< -o $@

progs: $(PROGS) $(URING_PROGS)

scenarios: $(SCENARIOS)

$(BIN): $(OUTPUT)/user/main.o $(LIB_OBJS) $(XLAT_OBJS)
	$(call msg,LINK,$@)
	$(Q)$(CC) $(ALL_CFLAGS) $^ $(LIBBPF_LIBS) -o $@

$(OUTPUT) $(OUTPUT)/xlat $(OUTPUT)/progs $(OUTPUT)/scenarios:
	$(Q)mkdir -p $@

# The BPF programs are built three times (bpf/sysray.bpf.c): for kernels with
# bpf_loop() (5.17+), loaded through light skeletons, once for the default
# sys_exit and once for -y's sys_exit_fdi; and for older kernels, loaded
# through libbpf's skeleton. bpftool's linker leaves DWARF out: BTF is all
# libbpf needs.
$(OUTPUT)/sysray.bpf.o: $(BPF_SRCS) $(BPF_HDRS) $(VMLINUX) $(FLAGS_FILE) | $(OUTPUT)
	$(call msg,BPF,$@)
	$(Q)$(CLANG) $(BPF_CFLAGS) -c bpf/sysray.bpf.c -o $@.tmp
	$(Q)$(BPFTOOL) gen object $@ $@.tmp
	$(Q)rm -f $@.tmp

$(OUTPUT)/sysray_fdi.bpf.o: $(BPF_SRCS) $(BPF_HDRS) $(VMLINUX) $(FLAGS_FILE) | $(OUTPUT)
	$(call msg,BPF,$@)
	$(Q)$(CLANG) $(BPF_CFLAGS) -DSR_EXIT_FDI -c bpf/sysray.bpf.c -o $@.tmp
	$(Q)$(BPFTOOL) gen object $@ $@.tmp
	$(Q)rm -f $@.tmp

$(OUTPUT)/sysray_compat.bpf.o: $(BPF_SRCS) $(BPF_HDRS) $(VMLINUX) $(FLAGS_FILE) | $(OUTPUT)
	$(call msg,BPF,$@)
	$(Q)$(CLANG) $(BPF_CFLAGS) -DSR_BPF_LOOP=0 -c bpf/sysray.bpf.c -o $@.tmp
	$(Q)$(BPFTOOL) gen object $@ $@.tmp
	$(Q)rm -f $@.tmp

# libbpf's skeleton of the build for kernels before 5.17: the loader's.
$(OUTPUT)/sysray_compat.skel.h: $(OUTPUT)/sysray_compat.bpf.o
	$(call msg,GEN-SKEL,$@)
	$(Q)$(BPFTOOL) gen skeleton $< name sysray_bpf > $@

# The same for the bpf_loop build: only `make verifystat` loads it this way.
$(OUTPUT)/sysray_loop.skel.h: $(OUTPUT)/sysray.bpf.o
	$(call msg,GEN-SKEL,$@)
	$(Q)$(BPFTOOL) gen skeleton $< name sysray_loop_bpf > $@

# libbpf's light skeleton loader (its gen_loader) keeps a stack slot for each
# function of the object, programs and subprograms, "?" ones included, and
# has 32: with one more, the loader program fails verification on every
# kernel and every run falls back to libbpf's skeleton (~0.5 s more start-up,
# "Permission denied" under -d). Checked here instead.
LSKEL_MAX_FUNCS := 32
lskel_funcs = n=$$(readelf -sW $(1) 2>/dev/null | awk '$$4 == "FUNC"' | wc -l); \
	[ "$$n" -gt 0 ] && [ "$$n" -le $(LSKEL_MAX_FUNCS) ] || { \
	echo "$(1): $$n BPF functions (programs and subprograms): a light skeleton" \
	"takes at most $(LSKEL_MAX_FUNCS); inline or merge one" >&2; exit 1; }

$(OUTPUT)/sysray.lskel.h: $(OUTPUT)/sysray.bpf.o
	$(call msg,GEN-SKEL,$@)
	$(Q)$(call lskel_funcs,$<)
	$(Q)$(BPFTOOL) gen skeleton -L $< name sysray_lskel > $@

$(OUTPUT)/sysray_fdi.lskel.h: $(OUTPUT)/sysray_fdi.bpf.o
	$(call msg,GEN-SKEL,$@)
	$(Q)$(call lskel_funcs,$<)
	$(Q)$(BPFTOOL) gen skeleton -L $< name sysray_lskel > $@

# The loader uses the builds through one view (user/capture/bpfobj.c): their
# maps, programs and variables must be laid out alike, as the skeletons show.
$(OUTPUT)/skel-layout.ok: $(OUTPUT)/sysray_compat.skel.h $(OUTPUT)/sysray_loop.skel.h \
		$(OUTPUT)/sysray.lskel.h $(OUTPUT)/sysray_fdi.lskel.h
	$(call msg,CHECK,$@)
	$(Q)scripts/skel-layout.sh $^
	$(Q)touch $@

$(OUTPUT)/syscall_names.h: scripts/gen-syscall-names.sh | $(OUTPUT)
	$(call msg,GEN,$@)
	$(Q)CC="$(CC)" scripts/gen-syscall-names.sh $(UAPI_INC) $(ARCH) > $@

$(OUTPUT)/errno_names.h: scripts/gen-errnos.sh user/table/xlat/kernel_errnos.txt | $(OUTPUT)
	$(call msg,GEN,$@)
	$(Q)CC="$(CC)" scripts/gen-errnos.sh $(UAPI_INC) user/table/xlat/kernel_errnos.txt > $@

$(OUTPUT)/kernel_errnos.h: scripts/gen-errnos.sh user/table/xlat/kernel_errnos.txt | $(OUTPUT)
	$(call msg,GEN,$@)
	$(Q)scripts/gen-errnos.sh --defines user/table/xlat/kernel_errnos.txt > $@

$(OUTPUT)/argnames.h: scripts/gen-argnames.py include/sysray/syscalls.def include/sysray/commands.def \
		user/table/argnames.txt | $(OUTPUT)
	$(call msg,GEN,$@)
	$(Q)python3 scripts/gen-argnames.py $(MAN2DIR) include/sysray/syscalls.def \
		include/sysray/commands.def user/table/argnames.txt > $@.tmp && mv $@.tmp $@

$(OUTPUT)/uring_ops.h: scripts/gen-uring-ops.sh | $(OUTPUT)
	$(call msg,GEN,$@)
	$(Q)scripts/gen-uring-ops.sh $(UAPI_INC) > $@

$(OUTPUT)/xlat/%.c: user/table/xlat/%.in scripts/gen-xlat.sh | $(OUTPUT)/xlat
	$(call msg,GEN,$@)
	$(Q)scripts/gen-xlat.sh $< > $@

$(OUTPUT)/xlat/%.o: $(OUTPUT)/xlat/%.c user/table/xlat.h $(FLAGS_FILE)
	$(call msg,CC,$@)
	$(Q)$(CC) $(ALL_CFLAGS) -c $< -o $@

$(OUTPUT)/xlat/ioctls_%.c: $(IOCTL_LIST) scripts/gen-ioctls.sh scripts/gen-xlat.sh | $(OUTPUT)/xlat
	$(call msg,GEN,$@)
	$(Q)CC="$(CC)" UAPI_INC=$(UAPI_INC) scripts/gen-ioctls.sh $(IOCTL_LIST) $* > $@

# The ioctl tables, for decode/ioctl.c: declarations and SR_IOCTL_TABLES.
$(OUTPUT)/xlat/ioctls.h: $(IOCTL_LIST) | $(OUTPUT)/xlat
	$(call msg,GEN,$@)
	$(Q){ for t in $(IOCTL_TABLES); do echo "extern const struct sr_xlat xlat_ioctls_$$t;"; done; \
		printf '#define SR_IOCTL_TABLES'; \
		for t in $(IOCTL_TABLES); do printf ' &xlat_ioctls_%s,' $$t; done; echo; } > $@

# Declarations of every generated table, for decode.h.
$(OUTPUT)/xlat/all.h: $(XLAT_INS) | $(OUTPUT)/xlat
	$(call msg,GEN,$@)
	$(Q)for f in $(basename $(notdir $(XLAT_INS))); do \
		echo "extern const struct sr_xlat xlat_$$f;"; done > $@

$(OUTPUT)/user/%.o: user/%.c $(USER_HDRS) $(GEN_HDRS) $(FLAGS_FILE)
	$(call msg,CC,$@)
	$(Q)mkdir -p $(dir $@)
	$(Q)$(CC) $(ALL_CFLAGS) -c $< -o $@

$(OUTPUT)/unit-tests: $(UNIT_SRCS) $(LIB_SRCS) $(USER_HDRS) $(GEN_HDRS) $(XLAT_OBJS) $(wildcard tests/unit/*.h) $(FLAGS_FILE)
	$(call msg,LINK,$@)
	$(Q)$(CC) $(ALL_CFLAGS) $(ASAN) -Itests/unit $(UNIT_SRCS) $(LIB_SRCS) $(XLAT_OBJS) $(LIBBPF_LIBS) -o $@

# -k's test program: no frame pointers, only DWARF CFI to unwind through.
$(OUTPUT)/progs/stack_cfi: PROG_CFLAGS := -fomit-frame-pointer -fasynchronous-unwind-tables

$(OUTPUT)/progs/%: tests/progs/%.c $(wildcard tests/progs/*.h) | $(OUTPUT)/progs
	$(call msg,CC,$@)
	$(Q)$(CC) -std=gnu11 -O1 -g -Wall -Wextra -Werror -Wno-unused-parameter -pthread \
		$(PROG_CFLAGS) $< -o $@

include scripts/ship.mk

fuzz-build: $(FUZZ_BINS)

fuzz: fuzz-build
	$(Q)tests/fuzz/run.sh $(FUZZ_TIME) $(FUZZ_TARGETS)

$(FUZZ_OUT)/user/%.o: user/%.c $(USER_HDRS) $(GEN_HDRS) $(FLAGS_FILE)
	$(call msg,FUZZ-CC,$@)
	$(Q)mkdir -p $(dir $@)
	$(Q)$(FUZZ_CC) $(ALL_CFLAGS) -O1 $(FUZZ_SAN) -fsanitize=fuzzer-no-link -c $< -o $@

# The helpers (the output checks) are not instrumented for coverage: what
# they branch on is the output, not the code under test.
$(FUZZ_OUT)/fuzz.o: tests/fuzz/fuzz.c tests/fuzz/fuzz.h $(USER_HDRS) $(FLAGS_FILE)
	$(call msg,FUZZ-CC,$@)
	$(Q)mkdir -p $(dir $@)
	$(Q)$(FUZZ_CC) $(ALL_CFLAGS) -O1 $(FUZZ_SAN) -c $< -o $@

$(FUZZ_OUT)/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_OUT)/fuzz.o $(FUZZ_LIB_OBJS) $(XLAT_OBJS)
	$(call msg,FUZZ-LD,$@)
	$(Q)$(FUZZ_CC) $(ALL_CFLAGS) -O1 $(FUZZ_SAN) -fsanitize=fuzzer -Itests/fuzz $< \
		$(FUZZ_OUT)/fuzz.o $(FUZZ_LIB_OBJS) $(XLAT_OBJS) $(LIBBPF_LIBS) -o $@

asan: $(ASAN_OUT)/sysray

# Every integration test against the sanitized build; one report fails the run.
test-asan: asan progs
	$(Q)SYSRAY=$(ASAN_OUT)/sysray SYSRAY_SANITIZED=1 python3 tests/integration/run.py

$(ASAN_OUT)/user/%.o: user/%.c $(USER_HDRS) $(GEN_HDRS) $(FLAGS_FILE)
	$(call msg,ASAN-CC,$@)
	$(Q)mkdir -p $(dir $@)
	$(Q)$(CC) $(ALL_CFLAGS) $(ASAN) -c $< -o $@

$(ASAN_OUT)/sysray: $(ASAN_OBJS) $(XLAT_OBJS)
	$(call msg,LINK,$@)
	$(Q)$(CC) $(ALL_CFLAGS) $(ASAN) $^ $(LIBBPF_LIBS) -o $@
$(OUTPUT)/uring-progs/%: tests/uring/%.c $(wildcard tests/progs/*.h tests/uring/*.h)
	$(call msg,CC,$@)
	$(Q)mkdir -p $(dir $@)
	$(Q)$(CC) -std=gnu11 -O1 -g -Wall -Wextra -Werror -Wno-unused-parameter $< -luring -o $@

$(OUTPUT)/scenarios/%: tests/scenarios/%.c | $(OUTPUT)/scenarios
	$(call msg,CC,$@)
	$(Q)$(CC) -std=gnu11 -O1 -g -Wall -Wextra -Werror -Wno-unused-parameter $< -o $@

format:
	$(Q)clang-format -i $$(git ls-files '*.c' '*.h' | grep -v '^vmlinux/')

format-check:
	$(Q)clang-format --dry-run --Werror $$(git ls-files '*.c' '*.h' | grep -v '^vmlinux/')

clean:
	$(call msg,CLEAN)
	$(Q)rm -rf $(OUTPUT) sysray
