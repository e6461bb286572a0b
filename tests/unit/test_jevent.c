// SPDX-License-Identifier: GPL-2.0
/* print/jevent.c: the task fields copied from their slot are the ones written first. */
#include <string.h>

#include "call/call.h"
#include "print/jevent.h"
#include "table/syscalls.h"
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

/* The object of syscall @name returning @ret (no arguments printed: nargs 0 or none captured). */
static const char *call_of(struct sr_jevent *e, struct sr_jbuf *b, const char *name, int64_t ret)
{
	char comm[SR_COMM_LEN] = "t";
	struct sr_task_info t = { .tid = 7, .tgid = 7, .comm = comm };
	const struct sr_sysent *ent = syscalls__by_name(name);
	struct sr_call c = { .ent = ent, .nr = ent->nr, .ret = ret, .has_exit = true };
	struct sr_event ev = { .type = SR_EV_EXIT, .shown = true, .ts = 42, .task = &t, .call = &c };

	c.ts_exit = 42;
	b->len = 0;
	jevent__write(e, &ev, b);
	jbuf__putc(b, '\0');
	return b->p;
}

/* The part of @line from "ret" on, or "" (the head and arguments are checked elsewhere). */
static const char *from_ret(const char *line)
{
	const char *r = strstr(line, ",\"ret\":");

	return r ? r : "";
}

/*
 * A return written as its number alone (a count, a pid) and failures
 * copied from their errno's slot: the same fields every time, errnos
 * taking turns, a restart code and an errno with no name included.
 */
static void ret_and_errno_slots(struct t_state *st)
{
	struct sr_jevent e;
	struct sr_jbuf b = { 0 };
	int round;

	CHECK(st, !syscalls__init());
	CHECK(st, !jevent__init(&e, NULL, NULL, NULL, NULL));
	e.wall = false;
	for (round = 0; round < 2; round++) {
		CHECK_STR(st, from_ret(call_of(&e, &b, "getppid", 4242)),
			  ",\"ret\":{\"text\":\"4242\",\"value\":4242},\"retval\":4242,"
			  "\"ts_exit\":42}");
		CHECK_STR(st, from_ret(call_of(&e, &b, "getpid", 0)),
			  ",\"ret\":{\"text\":\"0\",\"value\":0},\"retval\":0,\"ts_exit\":42}");
		CHECK_STR(st, from_ret(call_of(&e, &b, "getuid", -5000)),
			  ",\"ret\":{\"text\":\"-5000\",\"value\":-5000},\"retval\":-5000,"
			  "\"ts_exit\":42}");
		/* a pid past 32 bits: as the pid printer casts it, not the fast path */
		CHECK_STR(st, from_ret(call_of(&e, &b, "getpid", INT64_MIN + 1)),
			  ",\"ret\":{\"text\":\"1\",\"value\":1},\"retval\":-9223372036854775807,"
			  "\"ts_exit\":42}");
		CHECK_STR(st, from_ret(call_of(&e, &b, "sched_yield", INT64_MIN + 1)),
			  ",\"ret\":{\"text\":\"-9223372036854775807\",\"value\":"
			  "-9223372036854775807},\"retval\":-9223372036854775807,\"ts_exit\":42}");
		CHECK_STR(
			st, from_ret(call_of(&e, &b, "getppid", -2)),
			",\"ret\":{\"text\":\"-1 ENOENT (No such file or directory)\",\"value\":-1},"
			"\"errno\":\"ENOENT\",\"error\":\"No such file or directory\",\"retval\":-2,"
			"\"ts_exit\":42}");
		CHECK_STR(st, from_ret(call_of(&e, &b, "getppid", -13)),
			  ",\"ret\":{\"text\":\"-1 EACCES (Permission denied)\",\"value\":-1},"
			  "\"errno\":\"EACCES\",\"error\":\"Permission denied\",\"retval\":-13,"
			  "\"ts_exit\":42}");
		CHECK_STR(
			st, from_ret(call_of(&e, &b, "getppid", -512)),
			",\"ret\":{\"text\":\"? ERESTARTSYS (To be restarted if SA_RESTART is set)\","
			"\"value\":null},\"errno\":\"ERESTARTSYS\",\"error\":\"To be restarted if "
			"SA_RESTART is set\",\"retval\":-512,\"ts_exit\":42}");
	}
	jbuf__free(&b);
	jevent__free(&e);
}

T_SUITE(jevent_tests) = {
	T_CASE(task_slots),
	T_CASE(ret_and_errno_slots),
	T_END,
};
