// SPDX-License-Identifier: GPL-2.0
/* Decoders of user/decode/signal.c, against lines strace 6.1 prints. */
#include <string.h>

#include "rec.h"
#include "test.h"

T_SUITE(decode_signal_tests) = {
	T_END,
};
