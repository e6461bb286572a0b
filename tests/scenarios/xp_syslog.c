// SPDX-License-Identifier: GPL-2.0
/*
 * A daemon-like program that reports its failure to the system log only:
 * it cannot open its state file FILE, says so through syslog(3) (to
 * /dev/log) or, with "journal", in journald's native protocol on
 * /run/systemd/journal/socket (one datagram of KEY=value lines, sent with
 * sendmsg as sd_journal_send does), and exits 0: nothing on stderr, no
 * failing status.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <syslog.h>
#include <unistd.h>

static int journal_send(const char *text)
{
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	char msg[512];
	struct iovec iov[3];
	struct msghdr mh = { .msg_iov = iov, .msg_iovlen = 3 };
	int s = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);

	if (s < 0)
		return -1;
	snprintf(sa.sun_path, sizeof(sa.sun_path), "%s", "/run/systemd/journal/socket");
	if (connect(s, (struct sockaddr *)&sa, sizeof(sa)) < 0)
		return -1;
	snprintf(msg, sizeof(msg), "MESSAGE=%s\n", text);
	iov[0] = (struct iovec){ "PRIORITY=3\n", 11 };
	iov[1] = (struct iovec){ "SYSLOG_IDENTIFIER=xp_syslog\n", 28 };
	iov[2] = (struct iovec){ msg, strlen(msg) };
	return sendmsg(s, &mh, 0) < 0 ? -1 : 0;
}

int main(int argc, char **argv)
{
	char text[400];
	int fd;

	if (argc != 3 || (strcmp(argv[1], "syslog") && strcmp(argv[1], "journal")))
		return 2;
	fd = open(argv[2], O_RDWR);
	if (fd >= 0)
		return 0;
	snprintf(text, sizeof(text), "cannot open state file %s: %s", argv[2], strerror(errno));
	if (!strcmp(argv[1], "journal"))
		return journal_send(text) ? 2 : 0;
	openlog("xp_syslog", LOG_NDELAY, LOG_DAEMON);
	syslog(LOG_ERR, "%s", text);
	closelog();
	return 0;
}
