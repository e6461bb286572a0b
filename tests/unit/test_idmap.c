// SPDX-License-Identifier: GPL-2.0
#include <stdint.h>

#include "lib/idmap.h"
#include "test.h"

static void put_get_del(struct t_state *st)
{
	struct idmap m = {};
	static int vals[5000];
	uint64_t k;
	int bad = 0;

	for (k = 0; k < 5000; k++)
		CHECK(st, idmap__put(&m, k * 7919, &vals[k]) == 0);
	CHECK(st, m.used == 5000);
	for (k = 0; k < 5000; k++)
		bad += idmap__get(&m, k * 7919) != &vals[k];
	CHECK(st, bad == 0);
	/* delete every other key, then reinsert: tombstones must be reused */
	for (k = 0; k < 5000; k += 2)
		CHECK(st, idmap__del(&m, k * 7919) == &vals[k]);
	CHECK(st, idmap__get(&m, 0) == NULL);
	CHECK(st, idmap__get(&m, 7919) == &vals[1]);
	CHECK(st, idmap__del(&m, 0) == NULL);
	for (k = 0; k < 5000; k += 2)
		idmap__put(&m, k * 7919, &vals[k]);
	bad = 0;
	for (k = 0; k < 5000; k++)
		bad += idmap__get(&m, k * 7919) != &vals[k];
	CHECK(st, bad == 0);
	CHECK(st, m.used == 5000);
	idmap__free(&m);
}

static void iterate(struct t_state *st)
{
	struct idmap m = {};
	static int vals[3];
	size_t it = 0, n = 0;
	uint64_t key, sum = 0;

	idmap__put(&m, 10, &vals[0]);
	idmap__put(&m, 20, &vals[1]);
	idmap__put(&m, 30, &vals[2]);
	idmap__del(&m, 20);
	while (idmap__next(&m, &it, &key)) {
		n++;
		sum += key;
	}
	CHECK(st, n == 2 && sum == 40);
	idmap__free(&m);
}

T_SUITE(idmap_tests) = {
	T_CASE(put_get_del),
	T_CASE(iterate),
	T_END,
};
