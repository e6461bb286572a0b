// SPDX-License-Identifier: GPL-2.0
/*
 * keyctl, whose arguments depend on the command (include/sysray/commands.def):
 * commands on the special keyrings only, or that fail, so that no key serial
 * (a random number) reaches the trace.
 */
#include "common.h"

#include <linux/keyctl.h>
#include <sys/uio.h>

#define KEYCTL(...) syscall(SYS_keyctl, __VA_ARGS__)

int main(void)
{
	struct keyctl_dh_params dh = { .private = KEY_SPEC_GROUP_KEYRING,
				       .prime = 1234,
				       .base = -5 };
	struct keyctl_kdf_params kdf = { .hashname = "hmac(aes)",
					 .otherinfo = "\1\2 OH HAI THAR",
					 .otherinfolen = 14 };
	struct keyctl_pkey_params pk = { .key_id = KEY_SPEC_USER_KEYRING,
					 .in_len = 3,
					 .out_len = 8 };
	struct iovec iov[2] = { { "abc", 4 }, { "defghijklmnopq", 14 } };
	unsigned char caps[4];
	char out[16];

	/* an unknown command: its arguments in hex */
	ERR(KEYCTL(0xbadc0dedfacefeedULL, 1, 2, 3, 4), EOPNOTSUPP);
	ERR(KEYCTL(KEYCTL_UPDATE, 0, "payload", 7), EINVAL);
	ERR(KEYCTL(KEYCTL_SETPERM, KEY_SPEC_REQKEY_AUTH_KEY, 0xffffffff), EINVAL);
	ERR(KEYCTL(KEYCTL_SEARCH, KEY_SPEC_THREAD_KEYRING, "user", "sysray-none", 0), ENOKEY);
	ERR(KEYCTL(KEYCTL_INSTANTIATE_IOV, 0, iov, 2, 0), EPERM);
	ERR(KEYCTL(KEYCTL_REJECT, 0, 5, 19, 0), EPERM);
	ERR(KEYCTL(KEYCTL_SET_REQKEY_KEYRING, 0xfeedf157badc0dedULL), EINVAL);
	OK(KEYCTL(KEYCTL_SET_REQKEY_KEYRING, KEY_REQKEY_DEFL_NO_CHANGE));
	OK(KEYCTL(KEYCTL_DH_COMPUTE, &dh, out, sizeof(out), &kdf) == -1);
	OK(KEYCTL(KEYCTL_CAPABILITIES, caps, sizeof(caps)));
	ERR(KEYCTL(KEYCTL_MOVE, 0, KEY_SPEC_SESSION_KEYRING, KEY_SPEC_USER_KEYRING, 0xffffffff),
	    EINVAL);
	OK(KEYCTL(KEYCTL_PKEY_ENCRYPT, &pk, "enc=pkcs1", "abc", out) == -1);
	ERR(KEYCTL(KEYCTL_RESTRICT_KEYRING, 0, "asymmetric", "builtin_trusted"), EINVAL);
	return 0;
}
