// SPDX-License-Identifier: GPL-2.0
/*
 * Message queues: POSIX mq_open (with and without attributes), mq_timedsend,
 * mq_timedreceive, mq_getsetattr (O_NONBLOCK), mq_unlink, and System V msgget, msgsnd,
 * msgrcv (IPC_NOWAIT on an empty queue), msgctl IPC_RMID. The queue id
 * is fixed through kernel.msg_next_id (root only) so that runs compare.
 */
#include "common.h"

#include <mqueue.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <time.h>

#define QNAME "/sysray-progs-ipc"

struct small_msg {
	long mtype;
	char mtext[8];
};

static void posix_queue(void)
{
	struct mq_attr attr = { .mq_maxmsg = 4, .mq_msgsize = 16 }, got;
	struct timespec ts = { 0, 0 };
	char buf[16];
	unsigned int prio;
	mqd_t q;

	ERR(mq_unlink(QNAME), ENOENT);
	ERR(mq_open(QNAME, O_RDONLY), ENOENT);
	q = OK(mq_open(QNAME, O_RDWR | O_CREAT | O_EXCL, 0600, &attr));
	EQ(mq_timedsend(q, "hello", 5, 3, &ts), 0);
	EQ(mq_getattr(q, &got), 0);
	CHECK(got.mq_curmsgs == 1);
	EQ(mq_timedreceive(q, buf, sizeof(buf), &prio, &ts), 5);
	CHECK(prio == 3);
	ERR(mq_timedreceive(q, buf, sizeof(buf), &prio, &ts), ETIMEDOUT);
	ERR(mq_timedreceive(q, buf, 4, &prio, &ts), EMSGSIZE);
	attr.mq_flags = O_NONBLOCK;
	EQ(mq_setattr(q, &attr, &got), 0);
	ERR(mq_receive(q, buf, sizeof(buf), NULL), EAGAIN);
	OK(close(q));
	EQ(mq_unlink(QNAME), 0);
}

static void sysv_queue(void)
{
	struct small_msg m = { 2, "sysv" }, r;
	int fd = OK(open("/proc/sys/kernel/msg_next_id", O_WRONLY));
	int id;

	EQ(write(fd, "4242", 4), 4);
	OK(close(fd));
	id = OK(msgget(IPC_PRIVATE, IPC_CREAT | 0600));
	CHECK(id == 4242);

	EQ(msgsnd(id, &m, 4, 0), 0);
	EQ(msgrcv(id, &r, sizeof(r.mtext), 0, 0), 4);
	ERR(msgrcv(id, &r, sizeof(r.mtext), 0, IPC_NOWAIT), ENOMSG);
	EQ(msgctl(id, IPC_RMID, NULL), 0);
	ERR(msgsnd(-1, &m, 4, IPC_NOWAIT), EINVAL);
}

int main(void)
{
	posix_queue();
	sysv_queue();
	return 0;
}
