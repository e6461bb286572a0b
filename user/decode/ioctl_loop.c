// SPDX-License-Identifier: GPL-2.0
/*
 * Decoders: loop device ioctls (linux/loop.h) as strace 6.1 prints them:
 * struct loop_info, loop_info64 and loop_config, abbreviated without -v
 * (the encryption fields only when a cipher is set).
 */
#include <string.h>
#include <linux/loop.h>

#include "decode/filemode.h"
#include "decode/ioctl.h"

/* "[0x1, 0x2]": @n unsigned elements of @size bytes. */
static void print_x_array(struct sr_fmt *f, const void *p, size_t n, size_t size)
{
	const uint8_t *b = p;
	size_t i;

	pr_array_begin(f);
	for (i = 0; i < n; i++)
		pr_x(f, size == 1 ? b[i * size] :
			size == 4 ? get32(b, i * size) :
				    get64(b, i * size));
	pr_array_end(f);
}

/* The cipher fields, shown with -v or when a cipher is set. */
static bool loop_crypt_shown(struct sr_fmt *f, uint32_t type)
{
	return fmt_verbose(f) || type != LO_CRYPT_NONE;
}

static void print_crypt(struct sr_fmt *f, uint32_t type, uint32_t key_size)
{
	pr_field(f, "lo_encrypt_type");
	fmt_enum(f, &xlat_loop_crypt_types, type);
	pr_field_u(f, "lo_encrypt_key_size", key_size);
}

/* lo_encrypt_key: as many bytes as lo_encrypt_key_size says, at most LO_KEY_SIZE */
static void print_key(struct sr_fmt *f, const uint8_t *key, uint32_t key_size)
{
	pr_field(f, "lo_encrypt_key");
	pr_str(f, key, key_size < LO_KEY_SIZE ? key_size : LO_KEY_SIZE, fmt_strsize(f), 0);
}

/* The backing file's device and inode, and the loop's device (-v) */
static void print_devs(struct sr_fmt *f, uint64_t dev, uint64_t inode, uint64_t rdev)
{
	pr_field(f, "lo_device");
	fmt_dev(f, dev);
	pr_field_u(f, "lo_inode", inode);
	pr_field(f, "lo_rdevice");
	fmt_dev(f, rdev);
}

/* LOOP_SET_STATUS, LOOP_GET_STATUS */
static void print_loop_info(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, size_t len)
{
	struct loop_info i;
	bool crypt;

	memcpy(&i, p, sizeof(i));
	crypt = loop_crypt_shown(f, (uint32_t)i.lo_encrypt_type);
	pr_struct_begin(f);
	pr_field_d(f, "lo_number", i.lo_number);
	if (fmt_verbose(f))
		print_devs(f, i.lo_device, i.lo_inode, i.lo_rdevice);
	pr_field_x(f, "lo_offset", (uint32_t)i.lo_offset);
	if (crypt)
		print_crypt(f, (uint32_t)i.lo_encrypt_type, (uint32_t)i.lo_encrypt_key_size);
	pr_field(f, "lo_flags");
	fmt_flags(f, &xlat_loop_flags, (uint32_t)i.lo_flags);
	pr_field(f, "lo_name");
	ioc_print_cstr(f, i.lo_name, sizeof(i.lo_name));
	if (crypt)
		print_key(f, i.lo_encrypt_key, (uint32_t)i.lo_encrypt_key_size);
	if (fmt_verbose(f)) {
		pr_field(f, "lo_init");
		print_x_array(f, i.lo_init, 2, sizeof(i.lo_init[0]));
		pr_field(f, "reserved");
		print_x_array(f, i.reserved, sizeof(i.reserved), 1);
	} else {
		pr_more(f);
	}
	pr_struct_end(f);
}

static void loop_info64_fields(struct sr_fmt *f, const struct loop_info64 *i)
{
	bool crypt = loop_crypt_shown(f, i->lo_encrypt_type);

	pr_struct_begin(f);
	if (fmt_verbose(f)) {
		print_devs(f, i->lo_device, i->lo_inode, i->lo_rdevice);
		pr_field_x(f, "lo_offset", i->lo_offset);
		pr_field_u(f, "lo_sizelimit", i->lo_sizelimit);
	} else {
		pr_field_x(f, "lo_offset", i->lo_offset);
	}
	pr_field_u(f, "lo_number", i->lo_number);
	if (crypt)
		print_crypt(f, i->lo_encrypt_type, i->lo_encrypt_key_size);
	pr_field(f, "lo_flags");
	fmt_flags(f, &xlat_loop_flags, i->lo_flags);
	pr_field(f, "lo_file_name");
	ioc_print_cstr(f, (const char *)i->lo_file_name, sizeof(i->lo_file_name));
	if (crypt) {
		pr_field(f, "lo_crypt_name");
		ioc_print_cstr(f, (const char *)i->lo_crypt_name, sizeof(i->lo_crypt_name));
		print_key(f, i->lo_encrypt_key, i->lo_encrypt_key_size);
	}
	if (fmt_verbose(f)) {
		pr_field(f, "lo_init");
		print_x_array(f, i->lo_init, 2, sizeof(i->lo_init[0]));
	} else {
		pr_more(f);
	}
	pr_struct_end(f);
}

/* LOOP_SET_STATUS64, LOOP_GET_STATUS64 */
static void print_loop_info64(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
			      size_t len)
{
	struct loop_info64 i;

	memcpy(&i, p, sizeof(i));
	loop_info64_fields(f, &i);
}

/* LOOP_CONFIGURE: the fd, the block size, the loop_info64, __reserved unless all 0 */
static void print_loop_config(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
			      size_t len)
{
	static const uint64_t zero[sizeof(((struct loop_config *)0)->__reserved) / sizeof(uint64_t)];
	struct loop_config cf;

	memcpy(&cf, p, sizeof(cf));
	pr_struct_begin(f);
	pr_field(f, "fd");
	fmt_fd(f, c, (int32_t)cf.fd);
	pr_field_u(f, "block_size", cf.block_size);
	pr_field(f, "info");
	loop_info64_fields(f, &cf.info);
	if (memcmp(cf.__reserved, zero, sizeof(zero))) {
		pr_field(f, "__reserved");
		print_x_array(f, cf.__reserved, sizeof(zero) / sizeof(zero[0]), sizeof(zero[0]));
	}
	pr_struct_end(f);
}

static const struct sr_ioc_struct loop_info_st = { sizeof(struct loop_info), print_loop_info };
static const struct sr_ioc_struct loop_info64_st = { sizeof(struct loop_info64),
						     print_loop_info64 };
static const struct sr_ioc_struct loop_config_st = { sizeof(struct loop_config),
						     print_loop_config };

static const struct sr_ioc loop_table[] = {
	{ LOOP_SET_STATUS, IOA_STRUCT, false, &loop_info_st },
	{ LOOP_GET_STATUS, IOA_STRUCT, true, &loop_info_st },
	{ LOOP_SET_STATUS64, IOA_STRUCT, false, &loop_info64_st },
	{ LOOP_GET_STATUS64, IOA_STRUCT, true, &loop_info64_st },
	{ LOOP_CONFIGURE, IOA_STRUCT, false, &loop_config_st },
	{ LOOP_CLR_FD, IOA_NONE, false, NULL },
	{ LOOP_SET_CAPACITY, IOA_NONE, false, NULL },
	{ LOOP_CTL_GET_FREE, IOA_NONE, false, NULL },
	{ LOOP_SET_FD, IOA_FD, false, NULL },
	{ LOOP_CHANGE_FD, IOA_FD, false, NULL },
	{ LOOP_CTL_ADD, IOA_DEC, false, NULL },
	{ LOOP_CTL_REMOVE, IOA_DEC, false, NULL },
	{ LOOP_SET_DIRECT_IO, IOA_UDEC, false, NULL },
	{ LOOP_SET_BLOCK_SIZE, IOA_UDEC, false, NULL },
};

SR_IOC_ROWS(sr_ioc_rows_loop, loop_table);
