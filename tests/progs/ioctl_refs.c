// SPDX-License-Identifier: GPL-2.0
/*
 * ioctl_refs: requests whose argument points to more memory, which the BPF
 * side copies with the argument (ioctl references): BLKPG's partition,
 * SIOCGIFCONF's entries (written by the call), a TEE session buffer and its
 * parameters, UBI_IOCRNVOL's struct larger than one blob.
 */
#include "common.h"

#include <stdint.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <net/if.h>
#include <linux/blkpg.h>
#include <linux/tee.h>
#include <mtd/ubi-user.h>

/* TEE_IOC_INVOKE's buffer: the request, then its parameters. */
struct invoke_buf {
	struct tee_ioctl_invoke_arg arg;
	struct tee_ioctl_param params[2];
};

static void blkpg(void)
{
	struct blkpg_partition part = { .start = 512, .length = 4096, .pno = 1 };
	struct blkpg_ioctl_arg a = { .op = BLKPG_ADD_PARTITION, .datalen = sizeof(part) };

	strcpy(part.devname, "sdz1");
	strcpy(part.volname, "vol");
	a.data = &part;
	ERR(ioctl(-1, BLKPG, &a), EBADF);
	a.data = NULL;
	ERR(ioctl(-1, BLKPG, &a), EBADF);
}

static void ifconf(void)
{
	struct ifreq r[1];
	struct ifconf c = { .ifc_len = sizeof(r), .ifc_buf = (char *)r };
	int s = OK(socket(AF_INET, SOCK_DGRAM, 0));

	EQ(ioctl(s, SIOCGIFCONF, &c), 0);
	c.ifc_buf = NULL;
	EQ(ioctl(s, SIOCGIFCONF, &c), 0);
	OK(close(s));
}

static void tee_invoke(void)
{
	struct invoke_buf b = { .arg = { .func = 7, .session = 0x1234, .num_params = 2 } };
	struct tee_ioctl_buf_data d = { .buf_ptr = (uintptr_t)&b, .buf_len = sizeof(b) };

	b.params[0].attr = TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INPUT;
	b.params[0].a = 1;
	b.params[1].attr = TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_OUTPUT | TEE_IOCTL_PARAM_ATTR_META;
	b.params[1].c = 3;
	ERR(ioctl(-1, TEE_IOC_INVOKE, &d), EBADF);
	d.buf_len = sizeof(b.arg); /* no room for the parameters: the header only */
	ERR(ioctl(-1, TEE_IOC_INVOKE, &d), EBADF);
}

static void rnvol(void)
{
	static struct ubi_rnvol_req r;
	int i;

	r.count = UBI_MAX_RNVOL;
	for (i = 0; i < UBI_MAX_RNVOL; i++) {
		r.ents[i].vol_id = i;
		r.ents[i].name_len = 2;
		snprintf(r.ents[i].name, sizeof(r.ents[i].name), "%02d", i);
	}
	ERR(ioctl(-1, UBI_IOCRNVOL, &r), EBADF);
}

int main(void)
{
	blkpg();
	ifconf();
	tee_invoke();
	rnvol();
	return 0;
}
