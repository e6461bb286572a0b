// SPDX-License-Identifier: GPL-2.0
/*
 * Decoders: socket addresses of the families past the everyday ones
 * (sockaddr.c has unix, inet, inet6, netlink, packet): AX.25, IPX, X.25,
 * Bluetooth, RxRPC, IEEE 802.15.4, AF_ALG, NFC, vsock, Qualcomm IPC router,
 * XDP and MCTP, as strace 6.1 prints them, and the hardware addresses they
 * share ("61:62:63:64:65:66"). Layouts come from the UAPI headers; the
 * families the kernel does not export (Bluetooth, IEEE 802.15.4, IPX, whose
 * header left UAPI) have local mirrors of the kernel's structs.
 */
#include <stdio.h>
#include <string.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <linux/ax25.h>
#include <linux/if_alg.h>
#include <linux/if_xdp.h>
#include <linux/mctp.h>
#include <linux/netdevice.h>
#include <linux/nfc.h>
#include <linux/qrtr.h>
#include <linux/rxrpc.h>
#include <linux/vm_sockets.h>
#include <linux/x25.h>

#include "decode/net.h"

void fmt_hwaddr(struct sr_fmt *f, const uint8_t *a, size_t n)
{
	char text[3 * MAX_ADDR_LEN];
	size_t i, o = 0;

	/* -X raw and verbose: the bytes; longer than any device's: only them */
	if (!fmt_xlat_abbrev(f) || n > MAX_ADDR_LEN)
		pr_str(f, a, n, n, SR_Q_HEX);
	if (fmt_xlat_raw(f) || n > MAX_ADDR_LEN)
		return;
	text[0] = '\0';
	for (i = 0; i < n; i++)
		o += snprintf(text + o, sizeof(text) - o, "%s%02x", i ? ":" : "", a[i]);
	if (fmt_xlat_abbrev(f))
		pr_sym(f, text, 0);
	else
		pr_comment(f, text);
}

/* A value by name, else in hex with the table's note unless it has none ("#unknown -"). */
static void sa_enum(struct sr_fmt *f, const struct sr_xlat *x, uint64_t v)
{
	const char *name = xlat__name(x, v);

	if (name) {
		pr_sym(f, name, v);
		return;
	}
	pr_x(f, v);
	if (x->unknown[0])
		pr_xlat_default(f, x->unknown);
}

/*
 * strace's PRINT_FIELD_XVAL_VERBOSE: the number, and its name (or the
 * table's note) in a comment whatever the -X style, but raw.
 */
static void sa_enum_note(struct sr_fmt *f, const struct sr_xlat *x, uint64_t v)
{
	const char *name = xlat__name(x, v);

	pr_x(f, v);
	if (fmt_xlat_raw(f))
		return;
	if (name)
		pr_comment(f, name);
	else if (x->unknown[0])
		pr_comment(f, x->unknown);
}

/* The same for a bit set: "0x93929190 /\* CRYPTO_ALG_KERN_DRIVER_ONLY|0x93928190 *\/". */
static void sa_flags_note(struct sr_fmt *f, const struct sr_xlat *x, uint64_t v)
{
	char text[256];
	uint64_t rest = v;
	size_t o = 0;
	uint32_t i;

	pr_x(f, v);
	if (!v || fmt_xlat_raw(f))
		return;
	text[0] = '\0';
	for (i = 0; i < x->n && o < sizeof(text); i++) {
		uint64_t bit = x->ents[i].val;

		if (!bit || (v & bit) != bit)
			continue;
		o += snprintf(text + o, sizeof(text) - o, "%s%s", o ? "|" : "", x->ents[i].name);
		rest &= ~bit;
	}
	if (!o)
		snprintf(text, sizeof(text), "%s", x->unknown);
	else if (rest && o < sizeof(text))
		snprintf(text + o, sizeof(text) - o, "|%#llx", (unsigned long long)rest);
	pr_comment(f, text);
}

/*
 * A char array strace prints up to its NUL, expecting one in its last
 * place: "..." after the first @size - 1 bytes when none came by then.
 */
static void sa_cstring(struct sr_fmt *f, const uint8_t *p, size_t size)
{
	size_t n = size ? size - 1 : 0;

	if (memchr(p, 0, n) || !size || !p[n])
		pr_str(f, p, n, n, SR_Q_NUL_TERM);
	else
		pr_str(f, p, n, n, SR_Q_ELLIPSIS);
}

/* A u8 or u16 as strace's "%#0*x" with two digits a byte: "0x41", "00". */
static void sa_0x(struct sr_fmt *f, uint64_t v, size_t size)
{
	pr_xw(f, v, 2 * size);
}

/* AX.25: a callsign (7 bytes, ASCII shifted left by one, then the SSID). */
enum ax25_style { AX25_NATIVE, AX25_BOTH, AX25_BYTES };

/* How far a callsign can be shown as "CALL-N" (strace's checks). */
static enum ax25_style ax25_check(const uint8_t *call)
{
	const size_t last = sizeof(ax25_address) - 1;
	enum ax25_style st = AX25_NATIVE;
	bool space = false, chars = false;
	size_t i;

	for (i = 0; i < last; i++) {
		unsigned char c = call[i] >> 1;

		if (call[i] & 1)
			st = AX25_BOTH;
		if (c == ' ')
			space = true;
		else
			chars = true;
		if ((c < '0' || c > '9') && (c < 'A' || c > 'Z') && c != ' ')
			st = AX25_BOTH;
		if (c != ' ' && space)
			st = AX25_BOTH;
		/* unprintable, or what would end a comment */
		if (c < ' ' || c > 0x7e || c == '*' || c == '/')
			return AX25_BYTES;
	}
	if ((call[last] & ~0x1e) || (!chars && call[last]))
		st = AX25_BOTH;
	return st;
}

static void ax25_text(const uint8_t *call, char *buf)
{
	const size_t last = sizeof(ax25_address) - 1;
	unsigned int ssid = (call[last] >> 1) & 0xf;
	size_t end = last, i;
	char *p = buf;

	while (end && (call[end - 1] >> 1) == ' ')
		end--;
	for (i = 0; i < end; i++)
		*p++ = (char)(call[i] >> 1);
	*p++ = '-';
	if (ssid > 9) {
		*p++ = '1';
		ssid -= 10;
	}
	*p++ = (char)('0' + ssid);
	*p = '\0';
	if (!strcmp(buf, "-0"))
		strcpy(buf, "*");
}

static void ax25_call(struct sr_fmt *f, const uint8_t *call)
{
	enum ax25_style st = ax25_check(call);
	char text[sizeof(ax25_address) + sizeof("-15")];

	if (st == AX25_NATIVE)
		st = fmt_xlat_abbrev(f) ? AX25_NATIVE : fmt_xlat_raw(f) ? AX25_BYTES : AX25_BOTH;
	if (st != AX25_NATIVE) {
		pr_struct_begin(f);
		pr_field(f, "ax25_call");
		pr_str(f, call, sizeof(ax25_address), sizeof(ax25_address), SR_Q_HEX);
		pr_struct_end(f);
	}
	if (st == AX25_BYTES)
		return;
	ax25_text(call, text);
	if (st == AX25_BOTH)
		pr_comment(f, text);
	else
		pr_sym(f, text, 0);
}

static void sa_ax25(struct sr_fmt *f, const uint8_t *buf, size_t len)
{
	const struct full_sockaddr_ax25 *sa = (const void *)buf;
	const size_t base = sizeof(sa->fsa_ax25), one = sizeof(sa->fsa_digipeater[0]);
	const size_t max = sizeof(sa->fsa_digipeater) / one;
	int32_t nd = sa->fsa_ax25.sax25_ndigis;
	size_t has = (len - base) / one, want = nd > 0 ? (size_t)nd : 0, i;
	bool full = nd || len > base;

	has = has < max ? has : max;
	want = want < max ? want : max;
	if (full) {
		pr_field(f, "fsa_ax25");
		pr_struct_begin(f);
	}
	pr_field(f, "sax25_call");
	ax25_call(f, (const uint8_t *)&sa->fsa_ax25.sax25_call);
	pr_field_d(f, "sax25_ndigis", nd);
	if (!full)
		return;
	pr_struct_end(f);
	if (want) {
		pr_field(f, "fsa_digipeater");
		pr_array_begin(f);
		for (i = 0; i < want && i < has; i++)
			ax25_call(f, (const uint8_t *)&sa->fsa_digipeater[i]);
		if (want > has)
			pr_more(f);
		pr_array_end(f);
	}
	if (len > base + has * one)
		pr_more(f);
}

/* struct sockaddr_ipx, whose header left the kernel's UAPI with IPX (4.18). */
struct sr_sockaddr_ipx {
	uint16_t sipx_family;
	uint16_t sipx_port; /* network order */
	uint32_t sipx_network; /* network order */
	uint8_t sipx_node[6]; /* IPX_NODE_LEN */
	uint8_t sipx_type;
	uint8_t sipx_zero;
};

_Static_assert(sizeof(struct sr_sockaddr_ipx) == sizeof(struct sockaddr), "sockaddr_ipx layout");

static void sa_ipx(struct sr_fmt *f, const uint8_t *buf)
{
	const struct sr_sockaddr_ipx *sa = (const void *)buf;
	size_t i;

	pr_field(f, "sipx_port");
	fmt_net_u16(f, &sa->sipx_port);
	pr_field(f, "sipx_network");
	pr_call_begin(f, "htonl");
	pr_x(f, ntohl(sa->sipx_network));
	pr_call_end(f);
	pr_field(f, "sipx_node");
	pr_array_begin(f);
	for (i = 0; i < sizeof(sa->sipx_node); i++)
		sa_0x(f, sa->sipx_node[i], 1);
	pr_array_end(f);
	pr_field(f, "sipx_type");
	sa_0x(f, sa->sipx_type, 1);
	if (sa->sipx_zero)
		pr_field_x(f, "sipx_zero", sa->sipx_zero);
}

static void sa_x25(struct sr_fmt *f, const uint8_t *buf)
{
	const struct sockaddr_x25 *sa = (const void *)buf;

	pr_field(f, "sx25_addr");
	pr_struct_begin(f);
	pr_field(f, "x25_addr");
	sa_cstring(f, (const uint8_t *)sa->sx25_addr.x25_addr, sizeof(sa->sx25_addr.x25_addr));
	pr_struct_end(f);
}

/*
 * Bluetooth addresses (include/net/bluetooth/: not exported to user
 * space), told apart by their length as strace does. Multi-byte fields are
 * little endian ("htobs").
 */
struct sr_sockaddr_hci {
	uint16_t hci_family;
	uint16_t hci_dev;
	uint16_t hci_channel;
};

struct sr_bdaddr {
	uint8_t b[6];
} __attribute__((packed));

struct sr_sockaddr_sco {
	uint16_t sco_family;
	struct sr_bdaddr sco_bdaddr;
};

struct sr_sockaddr_rc {
	uint16_t rc_family;
	struct sr_bdaddr rc_bdaddr;
	uint8_t rc_channel;
};

struct sr_sockaddr_l2 {
	uint16_t l2_family;
	uint16_t l2_psm;
	struct sr_bdaddr l2_bdaddr;
	uint16_t l2_cid;
	uint8_t l2_bdaddr_type;
};

/* The value of @name in @x (the starts and ends of the dynamic ranges). */
static uint64_t xlat_value(const struct sr_xlat *x, const char *name)
{
	uint32_t i;

	for (i = 0; i < x->n; i++)
		if (!strcmp(x->ents[i].name, name))
			return x->ents[i].val;
	return 0;
}

static uint16_t bt_u16(const uint8_t *p)
{
	return (uint16_t)(p[0] | p[1] << 8);
}

/*
 * An L2CAP PSM or CID in "htobs()": by name, or as an offset from the start
 * of a dynamic range (@dyn, and for PSMs the LE range [@le, @le_end]),
 * "0xbad /\* L2CAP_PSM_??? *\/" otherwise.
 */
static void bt_l2_num(struct sr_fmt *f, const struct sr_xlat *x, uint16_t v, uint16_t le,
		      uint16_t le_end, uint16_t dyn)
{
	const char *name = xlat__name(x, v);
	char text[48];

	pr_call_begin(f, "htobs");
	if (name) {
		pr_sym(f, name, v);
	} else if ((le && v >= le && v <= le_end) || v >= dyn) {
		uint16_t start = le && v >= le && v <= le_end ? le : dyn;

		snprintf(text, sizeof(text), "%s+%u", xlat__name(x, start),
			 (unsigned int)(v - start));
		pr_sym(f, text, v);
	} else {
		pr_x(f, v);
		pr_xlat_default(f, x->unknown);
	}
	pr_call_end(f);
}

static bool sa_bt(struct sr_fmt *f, const uint8_t *buf, size_t len)
{
	const struct sr_sockaddr_l2 *l2 = (const void *)buf;
	const struct sr_sockaddr_rc *rc = (const void *)buf;

	switch (len) {
	case offsetof(struct sr_sockaddr_hci, hci_channel):
	case sizeof(struct sr_sockaddr_hci):
		pr_field(f, "hci_dev");
		pr_call_begin(f, "htobs");
		pr_u(f, bt_u16(buf + offsetof(struct sr_sockaddr_hci, hci_dev)));
		pr_call_end(f);
		if (len == sizeof(struct sr_sockaddr_hci)) {
			pr_field(f, "hci_channel");
			fmt_enum(f, &xlat_bt_hci_channels,
				 bt_u16(buf + offsetof(struct sr_sockaddr_hci, hci_channel)));
		}
		return true;
	case sizeof(struct sr_sockaddr_sco):
		pr_field(f, "sco_bdaddr");
		fmt_hwaddr(f, buf + offsetof(struct sr_sockaddr_sco, sco_bdaddr),
			   sizeof(struct sr_bdaddr));
		return true;
	case sizeof(struct sr_sockaddr_rc):
		pr_field(f, "rc_bdaddr");
		fmt_hwaddr(f, rc->rc_bdaddr.b, sizeof(rc->rc_bdaddr.b));
		pr_field_u(f, "rc_channel", rc->rc_channel);
		return true;
	case offsetof(struct sr_sockaddr_l2, l2_bdaddr_type):
	case sizeof(struct sr_sockaddr_l2):
		pr_field(f, "l2_psm");
		bt_l2_num(f, &xlat_bt_l2_psm, bt_u16(buf + offsetof(struct sr_sockaddr_l2, l2_psm)),
			  xlat_value(&xlat_bt_l2_psm, "L2CAP_PSM_LE_DYN_START"),
			  xlat_value(&xlat_bt_l2_psm, "L2CAP_PSM_LE_DYN_END"),
			  xlat_value(&xlat_bt_l2_psm, "L2CAP_PSM_DYN_START"));
		pr_field(f, "l2_bdaddr");
		fmt_hwaddr(f, l2->l2_bdaddr.b, sizeof(l2->l2_bdaddr.b));
		pr_field(f, "l2_cid");
		bt_l2_num(f, &xlat_bt_l2_cid, bt_u16(buf + offsetof(struct sr_sockaddr_l2, l2_cid)),
			  0, 0, xlat_value(&xlat_bt_l2_cid, "L2CAP_CID_DYN_START"));
		if (len == sizeof(struct sr_sockaddr_l2)) {
			pr_field(f, "l2_bdaddr_type");
			fmt_enum(f, &xlat_bt_bdaddr_types, l2->l2_bdaddr_type);
		}
		return true;
	}
	return false;
}

static void sa_rxrpc_transport(struct sr_fmt *f, const struct sockaddr_rxrpc *sa, size_t len)
{
	const size_t at = offsetof(struct sockaddr_rxrpc, transport);
	const uint8_t *t = (const uint8_t *)&sa->transport;
	size_t tlen = len - at < sa->transport_len ? len - at : sa->transport_len;
	size_t rest = tlen > sizeof(sa_family_t) ? tlen - sizeof(sa_family_t) : 0;
	const char *name = NULL;
	size_t need = 0;

	/* only AF_INET and AF_INET6 carry RxRPC */
	if (sa->transport.family == AF_INET) {
		name = "sin";
		need = sizeof(struct sockaddr_in);
	} else if (sa->transport.family == AF_INET6) {
		name = "sin6";
		need = offsetof(struct sockaddr_in6, sin6_scope_id);
	}
	pr_field(f, "transport");
	pr_struct_begin(f);
	if (name) {
		pr_field(f, name);
		pr_struct_begin(f);
		pr_field(f, name[3] ? "sin6_family" : "sin_family");
	} else {
		pr_field(f, "family");
	}
	fmt_enum(f, &xlat_socket_domain, sa->transport.family);
	if (name && sa->transport_len >= need)
		fmt_sockaddr_inet(f, t, tlen);
	else if (rest)
		pr_str(f, t + sizeof(sa_family_t), rest, rest, 0);
	if (name)
		pr_struct_end(f);
	pr_struct_end(f);
}

static void sa_rxrpc(struct sr_fmt *f, const uint8_t *buf, size_t len)
{
	const struct sockaddr_rxrpc *sa = (const void *)buf;

	pr_field(f, "srx_service");
	sa_enum_note(f, &xlat_rxrpc_services, sa->srx_service);
	pr_field(f, "transport_type");
	fmt_enum(f, &xlat_socket_types, sa->transport_type);
	pr_field_u(f, "transport_len", sa->transport_len);
	sa_rxrpc_transport(f, sa, len);
}

/* struct sockaddr_ieee802154 (include/net/af_ieee802154.h: not exported to user space). */
struct sr_sockaddr_ieee802154 {
	uint16_t family;
	struct {
		int32_t addr_type;
		uint16_t pan_id;
		union {
			uint8_t hwaddr[8]; /* IEEE802154_ADDR_LEN */
			uint16_t short_addr;
		};
	} addr;
};

static void sa_ieee802154(struct sr_fmt *f, const uint8_t *buf)
{
	const struct sr_sockaddr_ieee802154 *sa = (const void *)buf;
	const char *type = xlat__name(&xlat_ieee802154_addr_types, (uint32_t)sa->addr.addr_type);

	pr_field(f, "addr");
	pr_struct_begin(f);
	pr_field(f, "addr_type");
	sa_enum_note(f, &xlat_ieee802154_addr_types, (uint32_t)sa->addr.addr_type);
	pr_field(f, "pan_id");
	sa_enum_note(f, &xlat_ieee802154_pan_ids, sa->addr.pan_id);
	if (type && !strcmp(type, "IEEE802154_ADDR_SHORT")) {
		pr_field(f, "short_addr");
		sa_enum_note(f, &xlat_ieee802154_addrs, sa->addr.short_addr);
	} else if (!type || strcmp(type, "IEEE802154_ADDR_NONE")) {
		pr_field(f, "hwaddr");
		fmt_hwaddr(f, sa->addr.hwaddr, sizeof(sa->addr.hwaddr));
	}
	pr_struct_end(f);
}

static void sa_alg(struct sr_fmt *f, const uint8_t *buf, size_t len)
{
	const struct sockaddr_alg_new *sa = (const void *)buf;
	const size_t name_at = offsetof(struct sockaddr_alg_new, salg_name);

	pr_field(f, "salg_type");
	sa_cstring(f, sa->salg_type, sizeof(sa->salg_type));
	pr_field(f, "salg_feat");
	sa_flags_note(f, &xlat_alg_sockaddr_flags, sa->salg_feat);
	pr_field(f, "salg_mask");
	sa_flags_note(f, &xlat_alg_sockaddr_flags, sa->salg_mask);
	pr_field(f, "salg_name");
	sa_cstring(f, buf + name_at, len - name_at);
}

static void sa_nfc(struct sr_fmt *f, const uint8_t *buf, size_t len)
{
	const struct sockaddr_nfc_llcp *sa = (const void *)buf;
	size_t n;

	pr_field(f, "dev_idx");
	fmt_ifindex(f, sa->dev_idx);
	pr_field_x(f, "target_idx", sa->target_idx);
	pr_field(f, "nfc_protocol");
	fmt_enum(f, &xlat_nfc_protocols, sa->nfc_protocol);
	if (len < sizeof(*sa)) {
		if (len > sizeof(struct sockaddr_nfc))
			pr_more(f);
		return;
	}
	pr_field(f, "dsap");
	sa_enum_note(f, &xlat_nfc_saps, sa->dsap);
	pr_field(f, "ssap");
	sa_enum_note(f, &xlat_nfc_saps, sa->ssap);
	n = sa->service_name_len < sizeof(sa->service_name) ? sa->service_name_len :
							      sizeof(sa->service_name);
	pr_field(f, "service_name");
	pr_str(f, sa->service_name, n, n, 0);
	pr_field_u(f, "service_name_len", sa->service_name_len);
}

static void sa_vsock(struct sr_fmt *f, const uint8_t *buf)
{
	const struct sockaddr_vm *sa = (const void *)buf;
	static const uint8_t zero[sizeof(sa->svm_zero)];

	if (sa->svm_reserved1)
		pr_field_x(f, "svm_reserved1", sa->svm_reserved1);
	pr_field(f, "svm_cid");
	sa_enum(f, &xlat_vsock_cids, sa->svm_cid);
	pr_field(f, "svm_port");
	sa_enum(f, &xlat_vsock_ports, sa->svm_port);
	pr_field(f, "svm_flags");
	fmt_flags(f, &xlat_vsock_flags, sa->svm_flags);
	if (memcmp(sa->svm_zero, zero, sizeof(zero))) {
		pr_field(f, "svm_zero");
		pr_str(f, sa->svm_zero, sizeof(sa->svm_zero), sizeof(sa->svm_zero), SR_Q_HEX);
	}
}

static void sa_qrtr(struct sr_fmt *f, const uint8_t *buf)
{
	const struct sockaddr_qrtr *sa = (const void *)buf;

	pr_field(f, "sq_node");
	sa_enum(f, &xlat_qrtr_nodes, sa->sq_node);
	pr_field(f, "sq_port");
	sa_enum(f, &xlat_qrtr_ports, sa->sq_port);
}

static void sa_xdp(struct sr_fmt *f, const uint8_t *buf)
{
	const struct sockaddr_xdp *sa = (const void *)buf;

	pr_field(f, "sxdp_flags");
	fmt_flags(f, &xlat_xdp_sockaddr_flags, sa->sxdp_flags);
	pr_field(f, "sxdp_ifindex");
	fmt_ifindex(f, sa->sxdp_ifindex);
	pr_field_u(f, "sxdp_queue_id", sa->sxdp_queue_id);
	if (sa->sxdp_flags & XDP_SHARED_UMEM) {
		pr_field(f, "sxdp_shared_umem_fd");
		if (f->call)
			fmt_fd(f, f->call, (int32_t)sa->sxdp_shared_umem_fd);
		else
			pr_d(f, (int32_t)sa->sxdp_shared_umem_fd);
	} else if (sa->sxdp_shared_umem_fd) {
		pr_field_x(f, "sxdp_shared_umem_fd", sa->sxdp_shared_umem_fd);
	}
}

static void sa_mctp(struct sr_fmt *f, const uint8_t *buf)
{
	const struct sockaddr_mctp *sa = (const void *)buf;

	if (sa->__smctp_pad0)
		pr_field_x(f, "__smctp_pad0", sa->__smctp_pad0);
	pr_field(f, "smctp_network");
	sa_enum(f, &xlat_mctp_nets, sa->smctp_network);
	pr_field(f, "smctp_addr");
	pr_struct_begin(f);
	pr_field(f, "s_addr");
	sa_enum(f, &xlat_mctp_addrs, sa->smctp_addr.s_addr);
	pr_struct_end(f);
	pr_field_x(f, "smctp_type", sa->smctp_type);
	pr_field_x(f, "smctp_tag", sa->smctp_tag);
	if (sa->__smctp_pad1)
		pr_field_x(f, "__smctp_pad1", sa->__smctp_pad1);
}

/* The smallest address strace decodes each family from; shorter ones print as bytes. */
static size_t sa_min_len(int family)
{
	switch (family) {
	case AF_AX25:
		return sizeof(struct sockaddr_ax25);
	case AF_IPX:
		return sizeof(struct sr_sockaddr_ipx);
	case AF_X25:
		return sizeof(struct sockaddr_x25);
	case AF_BLUETOOTH:
		return sizeof(sa_family_t) + 1;
	case AF_RXRPC:
		return sizeof(struct sockaddr_rxrpc);
	case AF_IEEE802154:
		return sizeof(struct sr_sockaddr_ieee802154);
	case AF_ALG:
		return sizeof(struct sockaddr_alg_new) + 1;
	case AF_NFC:
		return sizeof(struct sockaddr_nfc);
	case AF_VSOCK:
		return sizeof(struct sockaddr_vm);
	case AF_QIPCRTR:
		return sizeof(struct sockaddr_qrtr);
	case AF_XDP:
		return sizeof(struct sockaddr_xdp);
	case AF_MCTP:
		return sizeof(struct sockaddr_mctp);
	}
	return SIZE_MAX;
}

bool fmt_sockaddr_other(struct sr_fmt *f, const uint8_t *buf, size_t len, int family)
{
	if (len < sa_min_len(family))
		return false;
	switch (family) {
	case AF_AX25:
		sa_ax25(f, buf, len);
		return true;
	case AF_IPX:
		sa_ipx(f, buf);
		return true;
	case AF_X25:
		sa_x25(f, buf);
		return true;
	case AF_BLUETOOTH:
		return sa_bt(f, buf, len);
	case AF_RXRPC:
		sa_rxrpc(f, buf, len);
		return true;
	case AF_IEEE802154:
		sa_ieee802154(f, buf);
		return true;
	case AF_ALG:
		sa_alg(f, buf, len);
		return true;
	case AF_NFC:
		sa_nfc(f, buf, len);
		return true;
	case AF_VSOCK:
		sa_vsock(f, buf);
		return true;
	case AF_QIPCRTR:
		sa_qrtr(f, buf);
		return true;
	case AF_XDP:
		sa_xdp(f, buf);
		return true;
	case AF_MCTP:
		sa_mctp(f, buf);
		return true;
	}
	return false;
}
