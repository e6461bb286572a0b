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
LIBBPF_LIBS := $(shell $(PKG_CONFIG) --libs libbpf 2>/dev/null || echo -lbpf) -lelf -lz

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
BPF_HDRS := $(wildcard bpf/*.h) include/sysray/abi.h
XLAT_INS := $(wildcard user/table/xlat/*.in)
XLAT_OBJS := $(patsubst user/table/xlat/%.in,$(OUTPUT)/xlat/%.o,$(XLAT_INS))
GEN_HDRS := $(OUTPUT)/sysray.skel.h $(OUTPUT)/syscall_names.h $(OUTPUT)/errno_names.h \
	$(OUTPUT)/kernel_errnos.h $(OUTPUT)/xlat/all.h
# Everything in user/ but main.c forms a library shared with the unit tests.
LIB_SRCS := $(filter-out user/main.c,$(wildcard user/*.c user/*/*.c))
LIB_OBJS := $(patsubst user/%.c,$(OUTPUT)/user/%.o,$(LIB_SRCS))
USER_HDRS := $(wildcard user/*.h user/*/*.h include/sysray/*.h include/sysray/*.def)

UNIT_SRCS := $(wildcard tests/unit/*.c)
PROG_SRCS := $(wildcard tests/progs/*.c)
PROGS := $(patsubst tests/progs/%.c,$(OUTPUT)/progs/%,$(PROG_SRCS))

# Unit tests: the user-space library built again with ASan and UBSan. UBSan
# only prints and goes on by default; make every finding fail the run.
ASAN := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer

# Objects depend on this file, rewritten whenever the compiler or its flags
# change (CFLAGS=..., another CC), so that no stale object survives.
FLAGS_FILE := $(OUTPUT)/flags
FLAGS := $(CC) $(ALL_CFLAGS) $(ASAN) $(CLANG) $(BPF_CFLAGS) $(LIBBPF_LIBS)
ifneq ($(FLAGS),$(file <$(FLAGS_FILE)))
$(shell mkdir -p $(OUTPUT))
$(file >$(FLAGS_FILE),$(FLAGS))
endif

.PHONY: all run test check deps integration bench bench-tools format format-check clean progs \
	test-kernels strace-suite
.DELETE_ON_ERROR:
# Keep the generated flag-table sources (intermediates) instead of deleting them.
.SECONDARY:

all: $(BIN)

deps:
	$(Q)scripts/deps.sh

run: deps
	$(Q)$(MAKE) sysray $(OUTPUT)/progs/demo
	$(Q)scripts/demo.sh

test:
	$(Q)scripts/deps.sh --kernels
	$(Q)$(MAKE) sysray progs $(OUTPUT)/unit-tests
	$(Q)tests/run.sh

# Debian's kernels booted under qemu with sysray inside (scripts/kernels/run.sh,
# tests/kernels/checks.sh); KERNELS picks the series. ARCH=arm64 cross-builds
# sysray and boots Debian's arm64 kernels.
KERNELS ?= 5.10 6.1 6.12
KERNEL_PROGS := $(addprefix $(OUTPUT)/progs/,missing_file fork_exit3 signals threads filter_target busy)
test-kernels:
	$(Q)scripts/deps.sh $(if $(filter arm64,$(ARCH)),--arm64,--kernels)
	$(Q)$(MAKE) $(BIN) $(KERNEL_PROGS)
	$(Q)SYSRAY=$(BIN) PROGS=$(OUTPUT)/progs scripts/kernels/run.sh \
		--arch $(if $(filter arm64,$(ARCH)),arm64,amd64) $(KERNELS)

check: $(OUTPUT)/unit-tests
	$(Q)$(OUTPUT)/unit-tests

integration: sysray progs
	$(Q)python3 tests/integration/run.py

bench:
	$(Q)scripts/deps.sh --bench
	$(Q)$(MAKE) sysray progs bench-tools
	$(Q)python3 scripts/bench.py

BENCH_TOOLS := $(OUTPUT)/bench/loop $(OUTPUT)/bench/empty $(OUTPUT)/bench/timeit
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

progs: $(PROGS)

$(BIN): $(OUTPUT)/user/main.o $(LIB_OBJS) $(XLAT_OBJS)
	$(call msg,LINK,$@)
	$(Q)$(CC) $(ALL_CFLAGS) $^ $(LIBBPF_LIBS) -o $@

$(OUTPUT) $(OUTPUT)/xlat $(OUTPUT)/progs:
	$(Q)mkdir -p $@

$(OUTPUT)/sysray.bpf.o: $(BPF_SRCS) $(BPF_HDRS) $(VMLINUX) $(FLAGS_FILE) | $(OUTPUT)
	$(call msg,BPF,$@)
	$(Q)$(CLANG) $(BPF_CFLAGS) -c bpf/sysray.bpf.c -o $@

$(OUTPUT)/sysray.skel.h: $(OUTPUT)/sysray.bpf.o
	$(call msg,GEN-SKEL,$@)
	$(Q)$(BPFTOOL) gen skeleton $< name sysray_bpf > $@

$(OUTPUT)/syscall_names.h: scripts/gen-syscall-names.sh | $(OUTPUT)
	$(call msg,GEN,$@)
	$(Q)CC="$(CC)" scripts/gen-syscall-names.sh $(UAPI_INC) $(ARCH) > $@

$(OUTPUT)/errno_names.h: scripts/gen-errnos.sh user/table/xlat/kernel_errnos.txt | $(OUTPUT)
	$(call msg,GEN,$@)
	$(Q)CC="$(CC)" scripts/gen-errnos.sh $(UAPI_INC) user/table/xlat/kernel_errnos.txt > $@

$(OUTPUT)/kernel_errnos.h: scripts/gen-errnos.sh user/table/xlat/kernel_errnos.txt | $(OUTPUT)
	$(call msg,GEN,$@)
	$(Q)scripts/gen-errnos.sh --defines user/table/xlat/kernel_errnos.txt > $@

$(OUTPUT)/xlat/%.c: user/table/xlat/%.in scripts/gen-xlat.sh | $(OUTPUT)/xlat
	$(call msg,GEN,$@)
	$(Q)scripts/gen-xlat.sh $< > $@

$(OUTPUT)/xlat/%.o: $(OUTPUT)/xlat/%.c user/table/xlat.h $(FLAGS_FILE)
	$(call msg,CC,$@)
	$(Q)$(CC) $(ALL_CFLAGS) -c $< -o $@

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

$(OUTPUT)/progs/%: tests/progs/%.c $(wildcard tests/progs/*.h) | $(OUTPUT)/progs
	$(call msg,CC,$@)
	$(Q)$(CC) -std=gnu11 -O1 -g -Wall -Wextra -Werror -Wno-unused-parameter -pthread $< -o $@

format:
	$(Q)clang-format -i $$(git ls-files '*.c' '*.h' | grep -v '^vmlinux/')

format-check:
	$(Q)clang-format --dry-run --Werror $$(git ls-files '*.c' '*.h' | grep -v '^vmlinux/')

clean:
	$(call msg,CLEAN)
	$(Q)rm -rf $(OUTPUT) sysray
