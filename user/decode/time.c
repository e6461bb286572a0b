// SPDX-License-Identifier: GPL-2.0
/* Decoders: clocks and timers. */
#include "decode.h"
#include "opts.h"

const struct sr_kind sr_kind_timespec = { .name = "timespec", .size = 16, .max = 0 };
const struct sr_kind sr_kind_timeval = { .name = "timeval", .size = 16, .max = 0 };
const struct sr_kind sr_kind_timezone = { .name = "timezone", .size = 8, .max = 0 };
const struct sr_kind sr_kind_itimerval = { .name = "itimerval", .size = 32, .max = 0 };
const struct sr_kind sr_kind_itimerspec = { .name = "itimerspec", .size = 32, .max = 0 };
const struct sr_kind sr_kind_timespec_pair = { .name = "timespec_pair", .size = 32, .max = 0 };
const struct sr_kind sr_kind_timeval_pair = { .name = "timeval_pair", .size = 32, .max = 0 };
