/* SPDX-License-Identifier: GPL-2.0 */
/* sysray diff A B: where two recordings part ways (user/explain/diff.c). */
#ifndef SYSRAY_EXPLAIN_DIFF_H
#define SYSRAY_EXPLAIN_DIFF_H

/* diff_parse(): --help was printed. */
#define SR_DIFF_DONE 0x100

/**
 * diff__main() - the "diff" subcommand; @argv[0] is "diff". Returns the exit
 * status: 0 no difference, 1 differences, 2 trouble (message printed).
 */
int diff__main(int argc, char **argv);

#endif /* SYSRAY_EXPLAIN_DIFF_H */
