/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Exited leaders that -Y still names until their parent reaps them, as
 * strace does (a zombie keeps its /proc/PID/comm). Bounded: the oldest are
 * forgotten first.
 */
#ifndef SYSRAY_PAIRING_ZOMBIES_H
#define SYSRAY_PAIRING_ZOMBIES_H

#include <stdint.h>

#include "lib/idmap.h"

/* Exited processes whose comm -Y still names, until they are reaped. */
#define SR_MAX_ZOMBIES 4096

struct sr_zombies {
	struct idmap map; /* pid -> struct sr_zombie (malloc'ed) */
	uint32_t ring[SR_MAX_ZOMBIES]; /* in order of exit, to forget the oldest */
	uint32_t next;
};

/*
 * zombies__add() - leader @pid exited with @comm (SR_COMM_LEN bytes); before
 * kernel time @comm_since (its last execve) it was @prev_comm (may be empty).
 */
void zombies__add(struct sr_zombies *z, uint32_t pid, const char *comm, const char *prev_comm,
		  uint64_t comm_since);

/* zombies__reaped() - a wait returned @pid at kernel time @when: unnamed from then on. */
void zombies__reaped(struct sr_zombies *z, uint32_t pid, uint64_t when);

/* zombies__comm_at() - @pid's comm if it was an unreaped zombie at @when, or NULL. */
const char *zombies__comm_at(const struct sr_zombies *z, uint32_t pid, uint64_t when);

void zombies__free(struct sr_zombies *z);

#endif /* SYSRAY_PAIRING_ZOMBIES_H */
