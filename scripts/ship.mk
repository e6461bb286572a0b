# SPDX-License-Identifier: GPL-2.0
#
# Shipping sysray (included by the Makefile): make install/uninstall
# (PREFIX, DESTDIR), the bash completion, a static build, the container
# image, and the Debian package test (make package-test).

PREFIX ?= /usr/local
SBINDIR ?= $(PREFIX)/sbin
MANDIR ?= $(PREFIX)/share/man
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
INSTALL ?= install
COMPLETION := $(OUTPUT)/sysray.bash
STATIC_BIN := $(OUTPUT)/static/sysray
IMAGE ?= localhost/sysray:$(VERSION)

.PHONY: install uninstall static image package-test

$(COMPLETION): completion/sysray.bash $(OUTPUT)/syscall_names.h user/cli/filter.c \
		scripts/gen-completion.sh
	$(call msg,GEN,$@)
	$(Q)scripts/gen-completion.sh $< $(OUTPUT)/syscall_names.h user/cli/filter.c > $@

install: $(BIN) $(COMPLETION)
	$(Q)$(INSTALL) -D -m 0755 $(BIN) $(DESTDIR)$(SBINDIR)/sysray
	$(Q)$(INSTALL) -D -m 0644 man/sysray.8 $(DESTDIR)$(MANDIR)/man8/sysray.8
	$(Q)$(INSTALL) -D -m 0644 $(COMPLETION) $(DESTDIR)$(BASHCOMPDIR)/sysray

uninstall:
	$(Q)rm -f $(DESTDIR)$(SBINDIR)/sysray $(DESTDIR)$(MANDIR)/man8/sysray.8 \
		$(DESTDIR)$(BASHCOMPDIR)/sysray

# One self-contained binary (Debian's static libbpf, libdw, libelf and their
# compression libraries) for images FROM scratch. glibc warns that --uid
# NAME needs its NSS libraries at run time (in such an image, give --uid a
# number) and that libdw's debuginfod client would dlopen (it is not used).
static: $(STATIC_BIN)

$(STATIC_BIN): $(OUTPUT)/user/main.o $(LIB_OBJS) $(XLAT_OBJS)
	$(call msg,LINK,$@)
	$(Q)mkdir -p $(dir $@)
	$(Q)$(CC) $(ALL_CFLAGS) -static $^ $(shell $(PKG_CONFIG) --static --libs libbpf libdw) \
		-lelf -lz -o $@

# The image of Containerfile, built without a registry (FROM scratch).
image: $(STATIC_BIN)
	$(Q)rm -rf $(OUTPUT)/image && mkdir -p $(OUTPUT)/image
	$(Q)cp $(STATIC_BIN) Containerfile $(OUTPUT)/image/
	$(Q)scripts/podman.sh build -q -t $(IMAGE) -f $(OUTPUT)/image/Containerfile $(OUTPUT)/image

# dpkg-buildpackage in a copy of the tree, lintian, dpkg -i, a trace with
# the installed binary, dpkg --purge.
package-test:
	$(Q)scripts/deps.sh --package
	$(Q)scripts/package-test.sh --lintian
