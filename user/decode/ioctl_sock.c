// SPDX-License-Identifier: GPL-2.0
/*
 * Decoders: socket ioctls (type 0x89, linux/sockios.h), as strace 6.1
 * prints them: owner and pgrp ints, bridge names and ports, and struct
 * ifreq by request: the interface's name, then at entry the field a SIOCS*
 * request sets, or after success the field a SIOCG* request reads. The
 * requests strace does not follow print their address. SIOCGIFCONF's
 * entries are behind a pointer of their own, copied at exit as an ioctl
 * reference (ifc_len bytes at ifc_buf).
 * Rows of struct sr_ioc (ioctl.h); ioctl.c looks requests up.
 */
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <net/if.h>
#include <linux/if_arcnet.h>
#include <linux/if_ether.h>
#include <linux/if_fddi.h>
#include <linux/if_hippi.h>
#include <linux/if_infiniband.h>
#include <linux/sockios.h>
#include <netinet/in.h>
#include <net/if_arp.h>

#include "decode/ioctl.h"
#include "decode/net.h"

#define IFR_OFF(m) offsetof(struct ifreq, m)

/*
 * The bytes of a hardware address of type @type, as strace's print_mac.c
 * sizes them (the link layer's address length); 0 for none known, which
 * prints the whole field.
 */
static size_t hwaddr_len(uint16_t type)
{
	switch (type) {
	case ARPHRD_ETHER:
	case ARPHRD_IEEE802:
	case ARPHRD_LOOPBACK:
		return ETH_ALEN;
	case ARPHRD_FDDI:
		return FDDI_K_ALEN;
	case ARPHRD_HIPPI:
		return HIPPI_ALEN;
	case ARPHRD_ARCNET:
		return ARCNET_ALEN;
	case ARPHRD_INFINIBAND:
		return INFINIBAND_ALEN;
	case ARPHRD_TUNNEL:
	case ARPHRD_SIT:
	case ARPHRD_IPGRE:
		return sizeof(struct in_addr);
	case ARPHRD_TUNNEL6:
		return sizeof(struct in6_addr);
	}
	return 0;
}

/*
 * {sa_family=ARPHRD_ETHER, sa_data=92:93:94:95:96:97}: the address as
 * xx:xx:..., under -X raw and -X verbose as hex bytes (with that in a
 * comment under verbose), as strace's print_hwaddr().
 */
static void print_hwaddr(struct sr_fmt *f, const struct sockaddr *sa)
{
	const uint8_t *d = (const uint8_t *)sa->sa_data;
	size_t n = hwaddr_len(sa->sa_family), i, pos = 0;
	char mac[3 * sizeof(sa->sa_data) + 1] = "";

	if (!n || n > sizeof(sa->sa_data))
		n = sizeof(sa->sa_data);
	for (i = 0; i < n; i++)
		pos += snprintf(mac + pos, sizeof(mac) - pos, i ? ":%02x" : "%02x", d[i]);
	pr_struct_begin(f);
	pr_field(f, "sa_family");
	fmt_enum(f, &xlat_arp_hardware_types, sa->sa_family);
	pr_field(f, "sa_data");
	if (fmt_xlat_abbrev(f)) {
		pr_sym(f, mac, 0);
	} else {
		pr_str(f, d, sizeof(sa->sa_data), sizeof(sa->sa_data), SR_Q_HEX);
		if (!fmt_xlat_raw(f))
			pr_comment(f, mac);
	}
	pr_struct_end(f);
}

static void print_ifmap(struct sr_fmt *f, const struct ifmap *m)
{
	pr_struct_begin(f);
	pr_field_x(f, "mem_start", m->mem_start);
	pr_field_x(f, "mem_end", m->mem_end);
	pr_field_x(f, "base_addr", m->base_addr);
	pr_field_x(f, "irq", m->irq);
	pr_field_x(f, "dma", m->dma);
	pr_field_x(f, "port", m->port);
	pr_struct_end(f);
}

/* A socket address field of struct ifreq. */
static void print_ifr_sockaddr(struct sr_fmt *f, const char *name, const struct sockaddr *sa)
{
	pr_field(f, name);
	fmt_sockaddr(f, sa, sizeof(*sa), 0);
}

/* The field of struct ifreq that request @code sets or reads. */
static void print_ifreq_field(struct sr_fmt *f, uint32_t code, const struct ifreq *r)
{
	switch (code) {
	case SIOCSIFADDR:
	case SIOCGIFADDR:
		print_ifr_sockaddr(f, "ifr_addr", &r->ifr_addr);
		break;
	case SIOCSIFDSTADDR:
	case SIOCGIFDSTADDR:
		print_ifr_sockaddr(f, "ifr_dstaddr", &r->ifr_dstaddr);
		break;
	case SIOCSIFBRDADDR:
	case SIOCGIFBRDADDR:
		print_ifr_sockaddr(f, "ifr_broadaddr", &r->ifr_broadaddr);
		break;
	case SIOCSIFNETMASK:
	case SIOCGIFNETMASK:
		print_ifr_sockaddr(f, "ifr_netmask", &r->ifr_netmask);
		break;
	case SIOCADDMULTI:
	case SIOCDELMULTI:
	case SIOCGIFHWADDR:
	case SIOCSIFHWADDR:
	case SIOCSIFHWBROADCAST:
		pr_field(f, "ifr_hwaddr");
		print_hwaddr(f, &r->ifr_hwaddr);
		break;
	case SIOCSIFFLAGS:
	case SIOCGIFFLAGS:
		pr_field(f, "ifr_flags");
		fmt_flags(f, &xlat_iffflags, (uint16_t)r->ifr_flags);
		break;
	case SIOCGIFINDEX:
		pr_field_d(f, "ifr_ifindex", r->ifr_ifindex);
		break;
	case SIOCSIFMETRIC:
	case SIOCGIFMETRIC:
		pr_field_d(f, "ifr_metric", r->ifr_metric);
		break;
	case SIOCSIFMTU:
	case SIOCGIFMTU:
		pr_field_d(f, "ifr_mtu", r->ifr_mtu);
		break;
	case SIOCSIFSLAVE:
	case SIOCGIFSLAVE:
		pr_field(f, "ifr_slave");
		ioc_print_cstr(f, r->ifr_slave, sizeof(r->ifr_slave));
		break;
	case SIOCSIFNAME:
		pr_field(f, "ifr_newname");
		ioc_print_cstr(f, r->ifr_newname, sizeof(r->ifr_newname));
		break;
	case SIOCGIFNAME:
		pr_field(f, "ifr_name");
		ioc_print_cstr(f, r->ifr_name, sizeof(r->ifr_name));
		break;
	case SIOCSIFTXQLEN:
	case SIOCGIFTXQLEN:
		pr_field_d(f, "ifr_qlen", r->ifr_qlen);
		break;
	case SIOCSIFMAP:
	case SIOCGIFMAP:
		pr_field(f, "ifr_map");
		print_ifmap(f, &r->ifr_map);
		break;
	}
}

/* SIOCS*: the name, then what the request sets. */
static void print_ifreq_set(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, size_t len)
{
	struct ifreq r;

	memcpy(&r, p, sizeof(r));
	pr_struct_begin(f);
	pr_field(f, "ifr_name");
	ioc_print_cstr(f, r.ifr_name, sizeof(r.ifr_name));
	print_ifreq_field(f, (uint32_t)c->args[1], &r);
	pr_struct_end(f);
}

/*
 * SIOCG*: the name (the index for SIOCGIFNAME) the call reads, then after
 * success the field it wrote.
 */
static void print_ifreq_get(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, size_t len)
{
	const uint32_t code = (uint32_t)c->args[1];
	const uint8_t *q = ioc_exit_copy(c, sizeof(struct ifreq), &len);
	struct ifreq r;

	memcpy(&r, p, sizeof(r));
	pr_struct_begin(f);
	if (code == SIOCGIFNAME) {
		pr_field_d(f, "ifr_ifindex", r.ifr_ifindex);
	} else {
		pr_field(f, "ifr_name");
		ioc_print_cstr(f, r.ifr_name, sizeof(r.ifr_name));
	}
	if (q) {
		memcpy(&r, q, sizeof(r));
		print_ifreq_field(f, code, &r);
	}
	pr_struct_end(f);
}

/* SIOCBRADDIF, SIOCBRDELIF: the port, by interface index. */
static void print_ifreq_port(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p,
			     size_t len)
{
	pr_struct_begin(f);
	pr_field(f, "ifr_ifindex");
	fmt_ifindex(f, get32(p, IFR_OFF(ifr_ifindex)));
	pr_struct_end(f);
}

/*
 * SIOCBRADDBR, SIOCBRDELBR: a bridge name, up to IFNAMSIZ bytes, "..."
 * when none of them is a NUL; its address when the copy ends first.
 */
static void print_bridge(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, size_t len)
{
	size_t n = len < IFNAMSIZ ? len : IFNAMSIZ;
	const uint8_t *nul = memchr(p, 0, n);

	if (nul)
		pr_str(f, p, nul - p, fmt_strsize(f), 0);
	else if (n == IFNAMSIZ)
		pr_str(f, p, n, fmt_strsize(f), SR_Q_ELLIPSIS);
	else
		pr_addr(f, c->args[2]);
}

/* ifc_len: "80 /\* 2 * sizeof(struct ifreq) *\/" when it holds whole entries. */
static void print_ifc_len(struct sr_fmt *f, int32_t len)
{
	char note[48];

	pr_d(f, len);
	if (len > 0 && (uint32_t)len % sizeof(struct ifreq) == 0) {
		snprintf(note, sizeof(note), "%u * sizeof(struct ifreq)",
			 (unsigned int)((uint32_t)len / sizeof(struct ifreq)));
		pr_comment(f, note);
	}
}

/*
 * SIOCGIFCONF's entries, @n of them at @addr, from the reference's exit
 * copy (@len bytes): as many as -s allows, as strace's print_array().
 */
static void print_ifconf_entries(struct sr_fmt *f, const uint8_t *q, size_t len, uint64_t addr,
				 uint32_t n)
{
	const size_t one = sizeof(struct ifreq);
	size_t i, max = fmt_strsize(f);
	struct ifreq r;

	if (n && (!q || len < one)) {
		pr_addr(f, addr);
		return;
	}
	pr_array_begin(f);
	for (i = 0; i < n; i++) {
		if (i >= max) {
			pr_more(f);
			break;
		}
		if ((i + 1) * one > len) {
			char at[32];

			/* the copy ends here: strace's "... /\* address *\/" */
			snprintf(at, sizeof(at), "%#llx", (unsigned long long)(addr + i * one));
			pr_more(f);
			pr_comment(f, at);
			break;
		}
		memcpy(&r, q + i * one, one);
		pr_struct_begin(f);
		pr_field(f, "ifr_name");
		ioc_print_cstr(f, r.ifr_name, IFNAMSIZ);
		print_ifr_sockaddr(f, "ifr_addr", &r.ifr_addr);
		pr_struct_end(f);
	}
	pr_array_end(f);
}

/*
 * SIOCGIFCONF: the room the caller gives (none when it asks for the size:
 * ifc_buf NULL), then what the call wrote: after success, the entries.
 */
static void print_ifconf(struct sr_fmt *f, const struct sr_call *c, const uint8_t *p, size_t len)
{
	const uint8_t *q = ioc_exit_copy(c, sizeof(struct ifconf), &len);
	int32_t in_len = get32(p, offsetof(struct ifconf, ifc_len));
	uint64_t buf = get64(p, offsetof(struct ifconf, ifc_buf));
	int32_t out_len = q ? (int32_t)get32(q, offsetof(struct ifconf, ifc_len)) : in_len;

	pr_struct_begin(f);
	pr_field(f, "ifc_len");
	if (buf)
		print_ifc_len(f, in_len);
	if (buf && in_len != out_len)
		pr_changed(f);
	if (!buf || in_len != out_len)
		print_ifc_len(f, out_len);
	pr_field(f, "ifc_buf");
	if (buf && q) {
		size_t elen;
		const uint8_t *e = ioc_ref_copy(c, 0, true, &elen);

		print_ifconf_entries(f, e, elen, buf, (uint32_t)out_len / sizeof(struct ifreq));
	} else {
		fmt_ptr(f, buf);
	}
	pr_struct_end(f);
}

static const struct sr_ioc_struct set_st = { sizeof(struct ifreq), print_ifreq_set };
static const struct sr_ioc_struct get_st = { sizeof(struct ifreq), print_ifreq_get };
static const struct sr_ioc_struct port_st = { sizeof(struct ifreq), print_ifreq_port };
static const struct sr_ioc_struct bridge_st = { 1, print_bridge };
static const struct sr_ioc_struct ifconf_st = { sizeof(struct ifconf), print_ifconf };

static const struct sr_ioc_refrow sock_refs[] = {
	{ SIOCGIFCONF, { IOR_PTR(struct ifconf, ifc_buf, ifc_len, 1, SR_BLOB_MAX) } },
};

SR_IOC_REFSET(sr_ioc_refs_sock, sock_refs);

#define SET(code)                                \
	{                                        \
		code, IOA_STRUCT, false, &set_st \
	}
#define GET(code)                              \
	{                                      \
		code, IOA_INOUT, true, &get_st \
	}
#define PTR(code)                          \
	{                                  \
		code, IOA_PTR, false, NULL \
	}

static const struct sr_ioc sock_table[] = {
	{ FIOGETOWN, IOA_INT, true, NULL },
	{ SIOCATMARK, IOA_INT, true, NULL },
	{ SIOCGIFENCAP, IOA_INT, true, NULL },
	{ SIOCGPGRP, IOA_INT, true, NULL },
	{ SIOCOUTQNSD, IOA_INT, true, NULL },
	{ FIOSETOWN, IOA_INT, false, NULL },
	{ SIOCSIFENCAP, IOA_INT, false, NULL },
	{ SIOCSPGRP, IOA_INT, false, NULL },
	{ SIOCGIFCONF, IOA_INOUT, true, &ifconf_st },
	{ SIOCBRADDBR, IOA_STRUCT, false, &bridge_st },
	{ SIOCBRDELBR, IOA_STRUCT, false, &bridge_st },
	{ SIOCBRADDIF, IOA_STRUCT, false, &port_st },
	{ SIOCBRDELIF, IOA_STRUCT, false, &port_st },
	SET(SIOCADDMULTI),
	SET(SIOCDELMULTI),
	SET(SIOCSIFADDR),
	SET(SIOCSIFBRDADDR),
	SET(SIOCSIFDSTADDR),
	SET(SIOCSIFFLAGS),
	SET(SIOCSIFHWADDR),
	SET(SIOCSIFHWBROADCAST),
	SET(SIOCSIFMAP),
	SET(SIOCSIFMETRIC),
	SET(SIOCSIFMTU),
	SET(SIOCSIFNAME),
	SET(SIOCSIFNETMASK),
	SET(SIOCSIFSLAVE),
	SET(SIOCSIFTXQLEN),
	GET(SIOCGIFADDR),
	GET(SIOCGIFBRDADDR),
	GET(SIOCGIFDSTADDR),
	GET(SIOCGIFFLAGS),
	GET(SIOCGIFHWADDR),
	GET(SIOCGIFINDEX),
	GET(SIOCGIFMAP),
	GET(SIOCGIFMETRIC),
	GET(SIOCGIFMTU),
	GET(SIOCGIFNAME),
	GET(SIOCGIFNETMASK),
	GET(SIOCGIFSLAVE),
	GET(SIOCGIFTXQLEN),
	/* requests strace shows by address */
	PTR(SIOCADDDLCI),
	PTR(SIOCADDRT),
	PTR(SIOCBONDCHANGEACTIVE),
	PTR(SIOCBONDENSLAVE),
	PTR(SIOCBONDINFOQUERY),
	PTR(SIOCBONDRELEASE),
	PTR(SIOCBONDSETHWADDR),
	PTR(SIOCBONDSLAVEINFOQUERY),
	PTR(SIOCDARP),
	PTR(SIOCDELDLCI),
	PTR(SIOCDELRT),
	PTR(SIOCDIFADDR),
	PTR(SIOCDRARP),
	PTR(SIOCETHTOOL),
	PTR(SIOCGARP),
	PTR(SIOCGHWTSTAMP),
	PTR(SIOCGIFBR),
	PTR(SIOCGIFCOUNT),
	PTR(SIOCGIFMEM),
	PTR(SIOCGIFPFLAGS),
	PTR(SIOCGIFVLAN),
	PTR(SIOCGMIIPHY),
	PTR(SIOCGMIIREG),
	PTR(SIOCGRARP),
	PTR(SIOCGSKNS),
	PTR(SIOCGSTAMP_OLD),
	PTR(SIOCGSTAMP_NEW),
	PTR(SIOCGSTAMPNS_OLD),
	PTR(SIOCGSTAMPNS_NEW),
	PTR(SIOCRTMSG),
	PTR(SIOCSARP),
	PTR(SIOCSHWTSTAMP),
	PTR(SIOCSIFBR),
	PTR(SIOCSIFLINK),
	PTR(SIOCSIFMEM),
	PTR(SIOCSIFPFLAGS),
	PTR(SIOCSIFVLAN),
	PTR(SIOCSMIIREG),
	PTR(SIOCSRARP),
	PTR(SIOCWANDEV),
};

SR_IOC_ROWS(sr_ioc_rows_sock, sock_table);
