// SPDX-License-Identifier: GPL-2.0
/* Exited leaders named by -Y until they are reaped (pairing/zombies.h). */
#include <stdlib.h>
#include <string.h>

#include <linux/types.h>

#include "sysray/abi.h"
#include "pairing/zombies.h"

struct sr_zombie {
	uint64_t reaped; /* kernel time a wait returned its pid; UINT64_MAX: not yet */
	char comm[SR_COMM_LEN + 1];
	/* its comm before its last execve, and the kernel time that execve took effect */
	char prev_comm[SR_COMM_LEN];
	uint64_t comm_since;
};

void zombies__add(struct sr_zombies *zs, uint32_t pid, const char *comm, const char *prev_comm,
		  uint64_t comm_since)
{
	uint32_t slot = zs->next++ % SR_MAX_ZOMBIES;
	struct sr_zombie *z;

	if (!comm[0])
		return;
	if (zs->next > SR_MAX_ZOMBIES)
		free(idmap__del(&zs->map, zs->ring[slot]));
	z = calloc(1, sizeof(*z));
	if (!z)
		return;
	z->reaped = UINT64_MAX;
	memcpy(z->comm, comm, SR_COMM_LEN);
	memcpy(z->prev_comm, prev_comm, SR_COMM_LEN);
	z->comm_since = comm_since;
	free(idmap__del(&zs->map, pid));
	if (idmap__put(&zs->map, pid, z)) {
		free(z);
		return;
	}
	zs->ring[slot] = pid;
}

void zombies__reaped(struct sr_zombies *zs, uint32_t pid, uint64_t when)
{
	struct sr_zombie *z = idmap__get(&zs->map, pid);

	if (z && z->reaped == UINT64_MAX)
		z->reaped = when;
}

const char *zombies__comm_at(const struct sr_zombies *zs, uint32_t pid, uint64_t when)
{
	const struct sr_zombie *z = idmap__get(&zs->map, pid);

	if (!z || when >= z->reaped)
		return NULL;
	return when < z->comm_since && z->prev_comm[0] ? z->prev_comm : z->comm;
}

void zombies__free(struct sr_zombies *zs)
{
	struct sr_zombie *z;
	size_t it = 0;

	while ((z = idmap__next(&zs->map, &it, NULL)))
		free(z);
	idmap__free(&zs->map);
}
