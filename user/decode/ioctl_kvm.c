// SPDX-License-Identifier: GPL-2.0
/*
 * Decoders: KVM ioctls (linux/kvm.h), as strace 6.1 prints them: the
 * capability KVM_CHECK_EXTENSION asks about, the vCPU id of
 * KVM_CREATE_VCPU; the requests without an argument strace shows print it
 * in hex, as any request without a row. Rows of struct sr_ioc (ioctl.h).
 */
#include <linux/kvm.h>

#include "decode/ioctl.h"

static const struct sr_ioc kvm_table[] = {
	{ KVM_CHECK_EXTENSION, IOA_ENUM, false, &xlat_kvm_cap },
	{ KVM_CREATE_VCPU, IOA_UDEC, false, NULL },
};

SR_IOC_ROWS(sr_ioc_rows_kvm, kvm_table);
