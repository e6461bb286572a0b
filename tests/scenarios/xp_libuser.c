// SPDX-License-Identifier: GPL-2.0
/* Linked against libxpmissing.so, which the test removes after building it. */
int xp_missing_answer(void);

int main(void)
{
	return xp_missing_answer() == 42 ? 0 : 1;
}
