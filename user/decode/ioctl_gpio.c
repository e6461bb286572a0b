// SPDX-License-Identifier: GPL-2.0
/*
 * Decoders: GPIO character device ioctls (linux/gpio.h, v1 and v2), as
 * strace 6.1 prints them. A request the kernel answers in the struct it was
 * given shows the input at entry and, after success only, " => " and what
 * the kernel wrote (the line info, the fd of a line request).
 */
#include <stddef.h>
#include <linux/gpio.h>

#include "decode/ioctl.h"

#define FIELD_SIZE(st, m) sizeof(((st *)0)->m)
#define NELEM(st, m)	  (FIELD_SIZE(st, m) / sizeof(((st *)0)->m[0]))

/* "name=[a, b, ...]": the first @n of @max elements of @esize bytes, unsigned. */
static void print_uint_array(struct sr_fmt *f, const char *name, const uint8_t *p, size_t esize,
			     uint64_t n, size_t max)
{
	size_t i;

	pr_field(f, name);
	pr_array_begin(f);
	for (i = 0; i < n && i < max; i++) {
		if (!pr_array_elem(f, i))
			break;
		pr_u(f, esize == 1 ? p[i] : get32(p, i * esize));
	}
	pr_array_end(f);
}

static void print_flags_field(struct sr_fmt *f, const char *name, const struct sr_xlat *x,
			      uint64_t v)
{
	pr_field(f, name);
	fmt_flags(f, x, v);
}

static void print_cstr_field(struct sr_fmt *f, const char *name, const uint8_t *p, size_t size)
{
	pr_field(f, name);
	ioc_print_cstr(f, (const char *)p, size);
}

/* "{fd=5}": what a line request returns. */
static void print_fd_struct(struct sr_fmt *f, const struct sr_call *c, int32_t fd)
{
	pr_struct_begin(f);
	pr_field(f, "fd");
	fmt_fd_new(f, c, fd);
	pr_struct_end(f);
}

/* GPIO_GET_CHIPINFO_IOCTL */
static const struct sr_ioc_field chipinfo_fields[] = {
	IOF(struct gpiochip_info, name, IOF_CSTR, NULL),
	IOF(struct gpiochip_info, label, IOF_CSTR, NULL),
	IOF(struct gpiochip_info, lines, IOF_U, NULL),
};
static SR_IOC_FIELDS(chipinfo_desc, struct gpiochip_info, chipinfo_fields);

/* GPIO_GET_LINEINFO_IOCTL: the line asked for, then what it is. */
static void print_lineinfo(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, size_t len)
{
	pr_struct_begin(f);
	pr_field_u(f, "line_offset", get32(p, offsetof(struct gpioline_info, line_offset)));
	pr_struct_end(f);
}

static void print_lineinfo_exit(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
				size_t len)
{
	pr_struct_begin(f);
	print_flags_field(f, "flags", &xlat_gpio_line_flags,
			  get32(p, offsetof(struct gpioline_info, flags)));
	print_cstr_field(f, "name", p + offsetof(struct gpioline_info, name),
			 FIELD_SIZE(struct gpioline_info, name));
	print_cstr_field(f, "consumer", p + offsetof(struct gpioline_info, consumer),
			 FIELD_SIZE(struct gpioline_info, consumer));
	pr_struct_end(f);
}

/* GPIO_GET_LINEINFO_UNWATCH_IOCTL: a __u32 */
static void print_unwatch(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, size_t len)
{
	pr_struct_begin(f);
	pr_field_u(f, "offset", get32(p, 0));
	pr_struct_end(f);
}

/* GPIO_GET_LINEHANDLE_IOCTL */
static void print_handle_request(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
				 size_t len)
{
	uint32_t lines = get32(p, offsetof(struct gpiohandle_request, lines));

	pr_struct_begin(f);
	pr_field_u(f, "lines", lines);
	print_uint_array(f, "lineoffsets", p + offsetof(struct gpiohandle_request, lineoffsets), 4,
			 lines, NELEM(struct gpiohandle_request, lineoffsets));
	print_flags_field(f, "flags", &xlat_gpio_handle_flags,
			  get32(p, offsetof(struct gpiohandle_request, flags)));
	print_uint_array(f, "default_values",
			 p + offsetof(struct gpiohandle_request, default_values), 1, lines,
			 NELEM(struct gpiohandle_request, default_values));
	print_cstr_field(f, "consumer_label",
			 p + offsetof(struct gpiohandle_request, consumer_label),
			 FIELD_SIZE(struct gpiohandle_request, consumer_label));
	pr_struct_end(f);
}

static void print_handle_request_exit(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
				      size_t len)
{
	print_fd_struct(f, c, (int32_t)get32(p, offsetof(struct gpiohandle_request, fd)));
}

/* GPIO_GET_LINEEVENT_IOCTL */
static void print_event_request(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
				size_t len)
{
	pr_struct_begin(f);
	pr_field_u(f, "lineoffset", get32(p, offsetof(struct gpioevent_request, lineoffset)));
	print_flags_field(f, "handleflags", &xlat_gpio_handle_flags,
			  get32(p, offsetof(struct gpioevent_request, handleflags)));
	print_flags_field(f, "eventflags", &xlat_gpio_event_flags,
			  get32(p, offsetof(struct gpioevent_request, eventflags)));
	print_cstr_field(f, "consumer_label",
			 p + offsetof(struct gpioevent_request, consumer_label),
			 FIELD_SIZE(struct gpioevent_request, consumer_label));
	pr_struct_end(f);
}

static void print_event_request_exit(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
				     size_t len)
{
	print_fd_struct(f, c, (int32_t)get32(p, offsetof(struct gpioevent_request, fd)));
}

/* GPIOHANDLE_[GS]ET_LINE_VALUES_IOCTL: {values=[...]} */
static void print_handle_data(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
			      size_t len)
{
	pr_struct_begin(f);
	print_uint_array(f, "values", p, 1, NELEM(struct gpiohandle_data, values),
			 NELEM(struct gpiohandle_data, values));
	pr_struct_end(f);
}

/* GPIOHANDLE_SET_CONFIG_IOCTL */
static void print_handle_config(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
				size_t len)
{
	pr_struct_begin(f);
	print_flags_field(f, "flags", &xlat_gpio_handle_flags,
			  get32(p, offsetof(struct gpiohandle_config, flags)));
	print_uint_array(f, "default_values",
			 p + offsetof(struct gpiohandle_config, default_values), 1,
			 NELEM(struct gpiohandle_config, default_values),
			 NELEM(struct gpiohandle_config, default_values));
	pr_struct_end(f);
}

/* A v2 attribute's id, padding and value, raw: for padding in use or an unknown id. */
static void print_attr_raw(struct sr_fmt *f, const uint8_t *p)
{
	pr_field_u(f, "id", get32(p, offsetof(struct gpio_v2_line_attribute, id)));
	if (get32(p, offsetof(struct gpio_v2_line_attribute, padding)))
		pr_field_x(f, "padding",
			   get32(p, offsetof(struct gpio_v2_line_attribute, padding)));
	pr_field_x(f, "data", get64(p, offsetof(struct gpio_v2_line_attribute, values)));
}

/*
 * The fields of a v2 attribute by its id (no braces: the caller's struct
 * holds them); raw in "attr={...}" when @nested and the id is unknown.
 */
static void print_attr(struct sr_fmt *f, const uint8_t *p, bool nested)
{
	const size_t val = offsetof(struct gpio_v2_line_attribute, values);
	uint32_t id = get32(p, offsetof(struct gpio_v2_line_attribute, id));

	if (!get32(p, offsetof(struct gpio_v2_line_attribute, padding))) {
		switch (id) {
		case GPIO_V2_LINE_ATTR_ID_FLAGS:
			print_flags_field(f, "flags", &xlat_gpio_v2_line_flags, get64(p, val));
			return;
		case GPIO_V2_LINE_ATTR_ID_OUTPUT_VALUES:
			pr_field_x(f, "values", get64(p, val));
			return;
		case GPIO_V2_LINE_ATTR_ID_DEBOUNCE:
			pr_field_u(f, "debounce_period_us", get32(p, val));
			return;
		}
	}
	if (!nested) {
		print_attr_raw(f, p);
		return;
	}
	pr_field(f, "attr");
	pr_struct_begin(f);
	print_attr_raw(f, p);
	pr_struct_end(f);
}

/* struct gpio_v2_line_config */
static void print_line_config(struct sr_fmt *f, const uint8_t *p)
{
	const size_t asz = sizeof(struct gpio_v2_line_config_attribute);
	uint32_t n = get32(p, offsetof(struct gpio_v2_line_config, num_attrs));
	const uint8_t *a = p + offsetof(struct gpio_v2_line_config, attrs);
	size_t i;

	pr_struct_begin(f);
	print_flags_field(f, "flags", &xlat_gpio_v2_line_flags,
			  get64(p, offsetof(struct gpio_v2_line_config, flags)));
	pr_field_u(f, "num_attrs", n);
	ioc_print_rsv(f, "padding", p + offsetof(struct gpio_v2_line_config, padding),
		      NELEM(struct gpio_v2_line_config, padding));
	if (n) {
		pr_field(f, "attrs");
		pr_array_begin(f);
		for (i = 0; i < n && i < NELEM(struct gpio_v2_line_config, attrs); i++) {
			if (!pr_array_elem(f, i))
				break;
			pr_struct_begin(f);
			print_attr(f,
				   a + i * asz +
					   offsetof(struct gpio_v2_line_config_attribute, attr),
				   true);
			pr_field_x(f, "mask",
				   get64(a + i * asz,
					 offsetof(struct gpio_v2_line_config_attribute, mask)));
			pr_struct_end(f);
		}
		pr_array_end(f);
	}
	pr_struct_end(f);
}

static void print_line_config_st(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
				 size_t len)
{
	print_line_config(f, p);
}

/* GPIO_V2_GET_LINEINFO(_WATCH)_IOCTL: the line asked for, then what it is. */
static void print_v2_lineinfo(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
			      size_t len)
{
	pr_struct_begin(f);
	pr_field_u(f, "offset", get32(p, offsetof(struct gpio_v2_line_info, offset)));
	pr_struct_end(f);
}

static void print_v2_lineinfo_exit(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
				   size_t len)
{
	const size_t asz = sizeof(struct gpio_v2_line_attribute);
	uint32_t n = get32(p, offsetof(struct gpio_v2_line_info, num_attrs));
	size_t i;

	pr_struct_begin(f);
	print_cstr_field(f, "name", p + offsetof(struct gpio_v2_line_info, name),
			 FIELD_SIZE(struct gpio_v2_line_info, name));
	print_cstr_field(f, "consumer", p + offsetof(struct gpio_v2_line_info, consumer),
			 FIELD_SIZE(struct gpio_v2_line_info, consumer));
	print_flags_field(f, "flags", &xlat_gpio_v2_line_flags,
			  get64(p, offsetof(struct gpio_v2_line_info, flags)));
	pr_field_u(f, "num_attrs", n);
	if (n) {
		pr_field(f, "attrs");
		pr_array_begin(f);
		for (i = 0; i < n && i < NELEM(struct gpio_v2_line_info, attrs); i++) {
			if (!pr_array_elem(f, i))
				break;
			pr_struct_begin(f);
			print_attr(f, p + offsetof(struct gpio_v2_line_info, attrs) + i * asz,
				   false);
			pr_struct_end(f);
		}
		pr_array_end(f);
	}
	ioc_print_rsv(f, "padding", p + offsetof(struct gpio_v2_line_info, padding),
		      NELEM(struct gpio_v2_line_info, padding));
	pr_struct_end(f);
}

/* GPIO_V2_GET_LINE_IOCTL */
static void print_v2_request(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
			     size_t len)
{
	uint32_t n = get32(p, offsetof(struct gpio_v2_line_request, num_lines));
	uint32_t evsize = get32(p, offsetof(struct gpio_v2_line_request, event_buffer_size));

	pr_struct_begin(f);
	pr_field_u(f, "num_lines", n);
	print_uint_array(f, "offsets", p + offsetof(struct gpio_v2_line_request, offsets), 4, n,
			 NELEM(struct gpio_v2_line_request, offsets));
	print_cstr_field(f, "consumer", p + offsetof(struct gpio_v2_line_request, consumer),
			 FIELD_SIZE(struct gpio_v2_line_request, consumer));
	pr_field(f, "config");
	print_line_config(f, p + offsetof(struct gpio_v2_line_request, config));
	if (evsize)
		pr_field_u(f, "event_buffer_size", evsize);
	ioc_print_rsv(f, "padding", p + offsetof(struct gpio_v2_line_request, padding),
		      NELEM(struct gpio_v2_line_request, padding));
	pr_struct_end(f);
}

static void print_v2_request_exit(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
				  size_t len)
{
	print_fd_struct(f, c, (int32_t)get32(p, offsetof(struct gpio_v2_line_request, fd)));
}

/* GPIO_V2_LINE_GET_VALUES_IOCTL: the mask asked for, then the bits. */
static void print_v2_get_values(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
				size_t len)
{
	pr_struct_begin(f);
	pr_field_x(f, "mask", get64(p, offsetof(struct gpio_v2_line_values, mask)));
	pr_struct_end(f);
}

static void print_v2_get_values_exit(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
				     size_t len)
{
	pr_struct_begin(f);
	pr_field_x(f, "bits", get64(p, offsetof(struct gpio_v2_line_values, bits)));
	pr_struct_end(f);
}

static const struct sr_ioc_field v2_values_fields[] = {
	IOF(struct gpio_v2_line_values, bits, IOF_X, NULL),
	IOF(struct gpio_v2_line_values, mask, IOF_X, NULL),
};
static SR_IOC_FIELDS(v2_values_desc, struct gpio_v2_line_values, v2_values_fields);

static const struct sr_ioc_struct lineinfo_st = { sizeof(struct gpioline_info), print_lineinfo,
						  print_lineinfo_exit, SR_IOC_EXIT_OK };
static const struct sr_ioc_struct unwatch_st = { sizeof(uint32_t), print_unwatch };
static const struct sr_ioc_struct handle_request_st = { sizeof(struct gpiohandle_request),
							print_handle_request,
							print_handle_request_exit, SR_IOC_EXIT_OK };
static const struct sr_ioc_struct event_request_st = { sizeof(struct gpioevent_request),
						       print_event_request,
						       print_event_request_exit, SR_IOC_EXIT_OK };
static const struct sr_ioc_struct handle_data_st = { sizeof(struct gpiohandle_data),
						     print_handle_data };
static const struct sr_ioc_struct handle_config_st = { sizeof(struct gpiohandle_config),
						       print_handle_config };
static const struct sr_ioc_struct line_config_st = { sizeof(struct gpio_v2_line_config),
						     print_line_config_st };
static const struct sr_ioc_struct v2_lineinfo_st = { sizeof(struct gpio_v2_line_info),
						     print_v2_lineinfo, print_v2_lineinfo_exit,
						     SR_IOC_EXIT_OK };
static const struct sr_ioc_struct v2_request_st = { sizeof(struct gpio_v2_line_request),
						    print_v2_request, print_v2_request_exit,
						    SR_IOC_EXIT_OK };
static const struct sr_ioc_struct v2_get_values_st = { sizeof(struct gpio_v2_line_values),
						       print_v2_get_values,
						       print_v2_get_values_exit, SR_IOC_EXIT_OK };

static const struct sr_ioc gpio_table[] = {
	{ GPIO_GET_CHIPINFO_IOCTL, IOA_FIELDS, true, &chipinfo_desc },
	{ GPIO_GET_LINEINFO_IOCTL, IOA_STRUCT, false, &lineinfo_st },
	{ GPIO_GET_LINEINFO_WATCH_IOCTL, IOA_STRUCT, false, &lineinfo_st },
	{ GPIO_GET_LINEINFO_UNWATCH_IOCTL, IOA_STRUCT, false, &unwatch_st },
	{ GPIO_GET_LINEHANDLE_IOCTL, IOA_STRUCT, false, &handle_request_st },
	{ GPIO_GET_LINEEVENT_IOCTL, IOA_STRUCT, false, &event_request_st },
	{ GPIOHANDLE_GET_LINE_VALUES_IOCTL, IOA_STRUCT, true, &handle_data_st },
	{ GPIOHANDLE_SET_LINE_VALUES_IOCTL, IOA_STRUCT, false, &handle_data_st },
	{ GPIOHANDLE_SET_CONFIG_IOCTL, IOA_STRUCT, false, &handle_config_st },
	{ GPIO_V2_GET_LINEINFO_IOCTL, IOA_STRUCT, false, &v2_lineinfo_st },
	{ GPIO_V2_GET_LINEINFO_WATCH_IOCTL, IOA_STRUCT, false, &v2_lineinfo_st },
	{ GPIO_V2_GET_LINE_IOCTL, IOA_STRUCT, false, &v2_request_st },
	{ GPIO_V2_LINE_SET_CONFIG_IOCTL, IOA_STRUCT, false, &line_config_st },
	{ GPIO_V2_LINE_GET_VALUES_IOCTL, IOA_STRUCT, false, &v2_get_values_st },
	{ GPIO_V2_LINE_SET_VALUES_IOCTL, IOA_FIELDS, false, &v2_values_desc },
};

SR_IOC_ROWS(sr_ioc_rows_gpio, gpio_table);
