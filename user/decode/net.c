// SPDX-License-Identifier: GPL-2.0
/* Decoders: sockets. */
#include "decode.h"
#include "opts.h"

const struct sr_kind sr_kind_sockaddr = { .name = "sockaddr", .size = 0, .max = 128 };
const struct sr_kind sr_kind_socklen = { .name = "socklen", .size = 4, .max = 0 };
const struct sr_decoder sr_dec_socket_type = { .name = "socket_type", .at_exit = false };
const struct sr_decoder sr_dec_socket_proto = { .name = "socket_proto", .at_exit = false };
const struct sr_decoder sr_dec_msghdr_in = { .name = "msghdr_in", .at_exit = false };
const struct sr_decoder sr_dec_msghdr_out = { .name = "msghdr_out", .at_exit = true };
const struct sr_decoder sr_dec_sockopt_level = { .name = "sockopt_level", .at_exit = false };
const struct sr_decoder sr_dec_sockopt_name = { .name = "sockopt_name", .at_exit = false };
const struct sr_decoder sr_dec_sockopt_val_in = { .name = "sockopt_val_in", .at_exit = false };
const struct sr_decoder sr_dec_sockopt_val_out = { .name = "sockopt_val_out", .at_exit = true };
