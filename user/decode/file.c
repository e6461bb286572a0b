// SPDX-License-Identifier: GPL-2.0
/* Decoders: files, stat, directories. */
#include "decode.h"
#include "opts.h"

const struct sr_kind sr_kind_stat = { .name = "stat", .size = 144, .max = 0 };
const struct sr_kind sr_kind_statx = { .name = "statx", .size = 256, .max = 0 };
const struct sr_kind sr_kind_statfs = { .name = "statfs", .size = 120, .max = 0 };
const struct sr_kind sr_kind_utimbuf = { .name = "utimbuf", .size = 16, .max = 0 };
const struct sr_kind sr_kind_open_how = { .name = "open_how", .size = 0, .max = 24 };
const struct sr_decoder sr_dec_open_flags = { .name = "open_flags", .at_exit = false };
const struct sr_decoder sr_dec_open_mode = { .name = "open_mode", .at_exit = false };
const struct sr_decoder sr_dec_dirents = { .name = "dirents", .at_exit = true };
const struct sr_decoder sr_dec_mknod_mode = { .name = "mknod_mode", .at_exit = false };
const struct sr_decoder sr_dec_mknod_dev = { .name = "mknod_dev", .at_exit = false };
