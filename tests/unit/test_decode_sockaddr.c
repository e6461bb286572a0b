// SPDX-License-Identifier: GPL-2.0
/*
 * Socket addresses of the families sockaddr_fam.c decodes, and the -X raw
 * and -X verbose forms of the everyday ones, against lines strace 6.1
 * prints (its tests net-sockaddr and sockaddr_xlat-X*).
 */
#include <errno.h>
#include <string.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <linux/if_packet.h>

#include "rec.h"
#include "test.h"

/* connect(-1, ADDR, @len) = -1 EBADF with @len bytes at @addr. */
static const char *t_connect(struct t_sink *s, const void *addr, size_t len)
{
	uint64_t a[6] = { (uint64_t)-1, 0x1000, len };
	struct t_blobspec b = { 1, addr, (uint32_t)len, 0, 0 };

	return t_line(s, "connect", a, &b, 1, -EBADF, NULL, 0);
}

static void t_style(struct t_sink *s, int style)
{
	s->opts.xlat_style = style;
	t_sink_reinit(s);
}

static void addresses_bluetooth(struct t_state *st)
{
	uint8_t sco[8] = { AF_BLUETOOTH, 0, 'a', 'b', 'c', 'd', 'e', 'f' };
	uint8_t l2[14] = { AF_BLUETOOTH, 0,   0x39, 0x30, 'a',	'b', 'c',
			   'd',		 'e', 'f',  0x0b, 0x35, 0xce };
	uint8_t hci[6] = { AF_BLUETOOTH, 0, 0x39, 0x30, 0, 0 };
	struct t_sink s;

	t_sink_open(&s);
	CHECK_STR(st, t_connect(&s, sco, sizeof(sco)),
		  "connect(-1, {sa_family=AF_BLUETOOTH, sco_bdaddr=61:62:63:64:65:66}, 8) = -1 "
		  "EBADF (Bad file descriptor)");
	CHECK_STR(st, t_connect(&s, hci, sizeof(hci)),
		  "connect(-1, {sa_family=AF_BLUETOOTH, hci_dev=htobs(12345), "
		  "hci_channel=HCI_CHANNEL_RAW}, 6) = -1 EBADF (Bad file descriptor)");
	CHECK_STR(st, t_connect(&s, l2, sizeof(l2)),
		  "connect(-1, {sa_family=AF_BLUETOOTH, l2_psm=htobs(L2CAP_PSM_DYN_START+8248), "
		  "l2_bdaddr=61:62:63:64:65:66, l2_cid=htobs(L2CAP_CID_DYN_START+13515), "
		  "l2_bdaddr_type=0xce /* BDADDR_??? */}, 14) = -1 EBADF (Bad file descriptor)");
	l2[2] = 0xad;
	l2[3] = 0x0b;
	l2[10] = 8;
	l2[11] = 0;
	CHECK_STR(st, t_connect(&s, l2, 12),
		  "connect(-1, {sa_family=AF_BLUETOOTH, l2_psm=htobs(0xbad /* L2CAP_PSM_??? */), "
		  "l2_bdaddr=61:62:63:64:65:66, l2_cid=htobs(0x8 /* L2CAP_CID_??? */)}, 12) = -1 "
		  "EBADF (Bad file descriptor)");
	t_style(&s, SR_XLAT_VERBOSE);
	CHECK_STR(st, t_connect(&s, sco, sizeof(sco)),
		  "connect(-1, {sa_family=0x1f /* AF_BLUETOOTH */, "
		  "sco_bdaddr=\"\\x61\\x62\\x63\\x64\\x65\\x66\" /* 61:62:63:64:65:66 */}, 8) = -1 "
		  "EBADF (Bad file descriptor)");
	t_sink_close(&s);
}

/* strace's net-sockaddr: IPX, AX.25 and X.25. */
static void addresses_old_families(struct t_state *st)
{
	uint8_t ipx[16] = { AF_IPX, 0,	 0x30, 0x39, 0xfa, 0xce, 0xfe, 0xed,
			    'A',    'B', 'C',  'D',  'E',  'F',	 0xff, 0 };
	uint8_t ax25[16] = { AF_AX25, 0, 'V' << 1, 'A' << 1, 'L' << 1, 'I' << 1, 'D' << 1, ' ' << 1,
			     13 << 1, 0, 0,	   0,	     8,	       0,	 0,	   0 };
	uint8_t x25[18] = { AF_X25, 0,	 '0', '1', '2', '3', '4', '5', '6',
			    '7',    '8', '9', 'a', 'b', 'c', 'd', 'e', 'f' };
	struct t_sink s;

	t_sink_open(&s);
	CHECK_STR(st, t_connect(&s, ipx, sizeof(ipx)),
		  "connect(-1, {sa_family=AF_IPX, sipx_port=htons(12345), "
		  "sipx_network=htonl(0xfacefeed), sipx_node=[0x41, 0x42, 0x43, 0x44, 0x45, 0x46], "
		  "sipx_type=0xff}, 16) = -1 EBADF (Bad file descriptor)");
	CHECK_STR(st, t_connect(&s, ax25, sizeof(ax25)),
		  "connect(-1, {sa_family=AF_AX25, fsa_ax25={sax25_call=VALID-13, sax25_ndigis=8}, "
		  "fsa_digipeater=[...]}, 16) = -1 EBADF (Bad file descriptor)");
	ax25[12] = 0;
	CHECK_STR(st, t_connect(&s, ax25, sizeof(ax25)),
		  "connect(-1, {sa_family=AF_AX25, sax25_call=VALID-13, sax25_ndigis=0}, 16) = -1 "
		  "EBADF (Bad file descriptor)");
	CHECK_STR(
		st, t_connect(&s, x25, sizeof(x25)),
		"connect(-1, {sa_family=AF_X25, sx25_addr={x25_addr=\"0123456789abcde\"...}}, 18) "
		"= -1 EBADF (Bad file descriptor)");
	t_sink_close(&s);
}

/* strace's sockaddr_xlat-X*: RxRPC, AF_ALG, vsock, and the -X forms of inet and packet. */
static void addresses_xlat(struct t_state *st)
{
	uint8_t rx[36] = { AF_RXRPC, 0, 0xc5, 0x09, SOCK_RDM, 0,    16,	  0,
			   AF_INET,  0, 0xad, 0xde, 0xed,     0xfe, 0xce, 0xfa };
	uint8_t alg[32] = { AF_ALG, 0 };
	uint8_t vm[16] = { AF_VSOCK, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1 };
	struct sockaddr_in in = { .sin_family = AF_INET, .sin_port = htons(12345) };
	struct sockaddr_ll ll = {
		.sll_family = AF_PACKET, .sll_protocol = htons(3), .sll_hatype = 1, .sll_halen = 8
	};
	uint32_t drv = 0x1000;
	struct t_sink s;

	memcpy(alg + 16, &drv, 4);
	memcpy(alg + 20, &drv, 4);
	in.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	ll.sll_ifindex = (int)0xfacefeed;
	memcpy(ll.sll_addr, "abcdefgh", 8);
	t_sink_open(&s);
	CHECK_STR(st, t_connect(&s, rx, sizeof(rx)),
		  "connect(-1, {sa_family=AF_RXRPC, srx_service=0x9c5 /* YFS_CM_SERVICE */, "
		  "transport_type=SOCK_RDM, transport_len=16, transport={sin={sin_family=AF_INET, "
		  "sin_port=htons(44510), sin_addr=inet_addr(\"237.254.206.250\")}}}, 36) = -1 "
		  "EBADF (Bad file descriptor)");
	CHECK_STR(st, t_connect(&s, alg, sizeof(alg)),
		  "connect(-1, {sa_family=AF_ALG, salg_type=\"\", salg_feat=0x1000 /* "
		  "CRYPTO_ALG_KERN_DRIVER_ONLY */, salg_mask=0x1000 /* CRYPTO_ALG_KERN_DRIVER_ONLY "
		  "*/, salg_name=\"\"}, 32) = -1 EBADF (Bad file descriptor)");
	CHECK_STR(st, t_connect(&s, vm, sizeof(vm)),
		  "connect(-1, {sa_family=AF_VSOCK, svm_cid=VMADDR_CID_LOCAL, svm_port=0x1, "
		  "svm_flags=VMADDR_FLAG_TO_HOST}, 16) = -1 EBADF (Bad file descriptor)");
	t_style(&s, SR_XLAT_VERBOSE);
	CHECK_STR(st, t_connect(&s, &in, sizeof(in)),
		  "connect(-1, {sa_family=0x2 /* AF_INET */, sin_port=\"\\x30\\x39\" /* "
		  "htons(12345) */, sin_addr=\"\\x7f\\x00\\x00\\x01\" /* inet_addr(\"127.0.0.1\") "
		  "*/}, 16) = -1 EBADF (Bad file descriptor)");
	t_style(&s, SR_XLAT_RAW);
	CHECK_STR(
		st, t_connect(&s, &ll, sizeof(ll)),
		"connect(-1, {sa_family=0x11, sll_protocol=\"\\x00\\x03\", sll_ifindex=4207869677, "
		"sll_hatype=0x1, sll_pkttype=0, sll_halen=8, sll_addr=[0x61, 0x62, 0x63, 0x64, "
		"0x65, 0x66, 0x67, 0x68]}, 20) = -1 EBADF (Bad file descriptor)");
	t_sink_close(&s);
}

T_SUITE(decode_sockaddr_tests) = {
	T_CASE(addresses_bluetooth),
	T_CASE(addresses_old_families),
	T_CASE(addresses_xlat),
	T_END,
};
