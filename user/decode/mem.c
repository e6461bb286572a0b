// SPDX-License-Identifier: GPL-2.0
/* Decoders: memory and System V IPC. */
#include "decode.h"
#include "opts.h"

const struct sr_kind sr_kind_sembuf = { .name = "sembuf", .size = 6, .max = 0 };
const struct sr_decoder sr_dec_mmap_flags = { .name = "mmap_flags", .at_exit = false };
const struct sr_decoder sr_dec_ipc_key = { .name = "ipc_key", .at_exit = false };
const struct sr_decoder sr_dec_ipc_flags = { .name = "ipc_flags", .at_exit = false };
const struct sr_decoder sr_dec_ipc_cmd = { .name = "ipc_cmd", .at_exit = false };
