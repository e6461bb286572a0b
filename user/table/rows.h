/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The macros the rows of include/sysray/syscalls.def and syscalls32.def are
 * written with (table/ only: syscalls.c, compat.c).
 */
#ifndef SYSRAY_ROWS_H
#define SYSRAY_ROWS_H

#include "decode/decode.h"
#include "table/syscalls.h"

/* Row macros: see the comment at the top of syscalls.def. */
#define TD     SR_C_DESC
#define TF     SR_C_FILE
#define TN     SR_C_NET
#define TP     SR_C_PROC
#define TS     SR_C_SIGNAL
#define TI     SR_C_IPC
#define TM     SR_C_MEM
#define TC     SR_C_CREDS
#define TCL    SR_C_CLOCK
#define TST    SR_C_STAT
#define TLST   SR_C_LSTAT
#define TFST   SR_C_FSTAT
#define TSFA   SR_C_STATFS
#define TFSFA  SR_C_FSTATFS
#define PU     SR_C_PURE
#define SL     SR_C_STAT_LIKE
#define SFL    SR_C_STATFS_LIKE
#define NB     SR_F_NB
#define FORK   SR_F_FORK
#define EXEC   SR_F_EXEC
#define SOCK   SR_F_SOCK
#define CXALL  SR_F_CXALL
#define REGS   SR_F_REGS
#define REAPSI SR_F_REAPSI
#define FDA(a) ((uint64_t)SR_FD_##a << SR_FD_SHIFT)

#define ARG(n) SR_L_ARG(n)
#define PTR(n) SR_L_PTR(n)
#define MIN(n) SR_L_MIN(n)
#define RET    SR_L_RET

#define CX(bit) .cloexec = (bit)
#define PK(k)	.pid = SR_PK_##k /* which id a PID argument is: TID, PGID, SID, PG */
#define LATE	.flags = SR_AF_LATE

/* The optional last parameter of a flags word is its CX(bit). */
#define SR_ARG_INT()		   .type = SR_T_INT
#define SR_ARG_UINT()		   .type = SR_T_UINT
#define SR_ARG_LONG()		   .type = SR_T_LONG
#define SR_ARG_ULONG()		   .type = SR_T_ULONG
#define SR_ARG_HEX(...)		   .type = SR_T_HEX, ##__VA_ARGS__
#define SR_ARG_HEX32(...)	   .type = SR_T_HEX, .flags = SR_AF_W32, ##__VA_ARGS__
#define SR_ARG_PTR()		   .type = SR_T_PTR
#define SR_ARG_FD()		   .type = SR_T_FD
#define SR_ARG_DIRFD()		   .type = SR_T_DIRFD
#define SR_ARG_DIRFD_OR(x)	   .type = SR_T_DIRFD, .xlat = &xlat_##x
#define SR_ARG_SIZE()		   .type = SR_T_SIZE
#define SR_ARG_OFF()		   .type = SR_T_OFF
#define SR_ARG_MODE()		   .type = SR_T_MODE
#define SR_ARG_UID()		   .type = SR_T_UID
#define SR_ARG_PID(...)		   .type = SR_T_PID, ##__VA_ARGS__
#define SR_ARG_SIGNUM()		   .type = SR_T_SIGNUM
#define SR_ARG_SKIP()		   .type = SR_T_SKIP
#define SR_ARG_FLAGS(x, ...)	   .type = SR_T_FLAGS, .xlat = &xlat_##x, ##__VA_ARGS__
#define SR_ARG_FLAGS64(x, ...)	   SR_ARG_FLAGS(x, ##__VA_ARGS__), .flags = SR_AF_W64
#define SR_ARG_ENUM(x)		   .type = SR_T_ENUM, .xlat = &xlat_##x
#define SR_ARG_ENUM64(x)	   SR_ARG_ENUM(x), .flags = SR_AF_W64
#define SR_ARG_PATH()		   .type = SR_T_PATH
#define SR_ARG_PATH_NOFILE()	   .type = SR_T_PATH, .flags = SR_AF_NOFILE
#define SR_ARG_STR()		   .type = SR_T_STR
#define SR_ARG_PATH_OUT(l)	   .type = SR_T_PATH_OUT, .len = l
#define SR_ARG_BUF_IN(l)	   .type = SR_T_BUF_IN, .len = l
#define SR_ARG_BUF_OUT(l)	   .type = SR_T_BUF_OUT, .len = l
#define SR_ARG_BUF_OUT_HEX(l)	   .type = SR_T_BUF_OUT, .len = l, .flags = SR_AF_HEX
#define SR_ARG_SOCKBUF_IN(l)	   .type = SR_T_BUF_IN, .len = l, .flags = SR_AF_SOCKBUF
#define SR_ARG_SOCKBUF_OUT(l)	   .type = SR_T_BUF_OUT, .len = l, .flags = SR_AF_SOCKBUF
#define SR_ARG_STRUCT_IN(k, ...)   .type = SR_T_STRUCT_IN, .kind = &sr_kind_##k, ##__VA_ARGS__
#define SR_ARG_STRUCT_OUT(k)	   .type = SR_T_STRUCT_OUT, .kind = &sr_kind_##k
#define SR_ARG_STRUCT_INOUT(k)	   .type = SR_T_STRUCT_INOUT, .kind = &sr_kind_##k
#define SR_ARG_ARRAY_IN(k, l)	   SR_ARG_STRUCT_IN(k), .len = l
#define SR_ARG_ARRAY_OUT(k, l)	   SR_ARG_STRUCT_OUT(k), .len = l
#define SR_ARG_ARRAY_INOUT(k, l)   SR_ARG_STRUCT_INOUT(k), .len = l
#define SR_ARG_SIZED_IN(k, l, ...) SR_ARG_STRUCT_IN(k, ##__VA_ARGS__), .len = l
#define SR_ARG_SIZED_OUT(k, l)	   SR_ARG_STRUCT_OUT(k), .len = l
#define SR_ARG_ARGV()		   .type = SR_T_ARGV
#define SR_ARG_ENVP()		   .type = SR_T_ENVP
#define SR_ARG_IOV_IN(l)	   .type = SR_T_IOV_IN, .len = l
#define SR_ARG_IOV_OUT(l)	   .type = SR_T_IOV_OUT, .len = l
#define SR_ARG_IOV_ADDR(l)	   .type = SR_T_IOV_IN, .len = l, .flags = SR_AF_IOV_ADDR
#define SR_ARG_CUSTOM(d, ...)	   .type = SR_T_CUSTOM, .dec = &sr_dec_##d, ##__VA_ARGS__

#define A(t, ...)                       \
	{                               \
		SR_ARG_##t(__VA_ARGS__) \
	}
#define SR_NARGS_OF(...) \
	(sizeof((struct sr_argdesc[]){ { 0 }, ##__VA_ARGS__ }) / sizeof(struct sr_argdesc) - 1)

/*
 * The fields of a struct sr_sysent that a row (SC, SCX) gives, its number
 * left unknown (-1): syscalls.c and compat.c build their rows with them.
 */
#define SR_ROW_FIELDS(nm, fl, r, ...)                                                             \
	.name = #nm, .nr = -1, .ret = SR_R_##r, .flags = (fl), .nargs = SR_NARGS_OF(__VA_ARGS__), \
	.args = { __VA_ARGS__ }

#endif /* SYSRAY_ROWS_H */
