// SPDX-License-Identifier: GPL-2.0
/* print/jevent.c: the task fields copied from their slot are the ones written first. */
#include <string.h>

#include "print/jevent.h"
#include "test.h"

/* The exit event of task @tid/@tgid named @comm, as a JSON object. */
static const char *exit_of(struct sr_jevent *e, struct sr_jbuf *b, uint32_t tid, uint32_t tgid,
			   const char *comm)
{
	char name[SR_COMM_LEN] = { 0 };
	struct sr_task_info t = { .tid = tid, .tgid = tgid, .comm = name };
	struct sr_event ev = { .type = SR_EV_PEXIT, .shown = true, .ts = 42, .task = &t };

	memcpy(name, comm, strnlen(comm, sizeof(name)));
	b->len = 0;
	jevent__write(e, &ev, b);
	jbuf__putc(b, '\0');
	return b->p;
}

/*
 * Tasks sharing a slot (tids 64 apart), a task renamed by execve, one with
 * no name and a tid reused by another process: each line has its own fields.
 */
static void task_slots(struct t_state *st)
{
	struct sr_jevent e;
	struct sr_jbuf b = { 0 };
	int round;

	CHECK(st, !jevent__init(&e, NULL, NULL, NULL, NULL));
	e.wall = false; /* no wall-clock "time": the lines are the same every run */
	for (round = 0; round < 2; round++) {
		CHECK_STR(
			st, exit_of(&e, &b, 7, 7, "loop"),
			"{\"type\":\"exit\",\"ts\":42,\"pid\":7,\"tid\":7,\"comm\":\"loop\",\"code\":0}");
		CHECK_STR(
			st, exit_of(&e, &b, 7, 7, "cat"),
			"{\"type\":\"exit\",\"ts\":42,\"pid\":7,\"tid\":7,\"comm\":\"cat\",\"code\":0}");
		CHECK_STR(
			st, exit_of(&e, &b, 71, 70, "worker\"1"),
			"{\"type\":\"exit\",\"ts\":42,\"pid\":70,\"tid\":71,\"comm\":\"worker\\\"1\","
			"\"code\":0}");
		CHECK_STR(
			st, exit_of(&e, &b, 7, 7, "cat"),
			"{\"type\":\"exit\",\"ts\":42,\"pid\":7,\"tid\":7,\"comm\":\"cat\",\"code\":0}");
		CHECK_STR(
			st, exit_of(&e, &b, 7, 6, "cat"),
			"{\"type\":\"exit\",\"ts\":42,\"pid\":6,\"tid\":7,\"comm\":\"cat\",\"code\":0}");
		CHECK_STR(st, exit_of(&e, &b, 7, 6, ""),
			  "{\"type\":\"exit\",\"ts\":42,\"pid\":6,\"tid\":7,\"code\":0}");
	}
	jbuf__free(&b);
	jevent__free(&e);
}

T_SUITE(jevent_tests) = {
	T_CASE(task_slots),
	T_END,
};
