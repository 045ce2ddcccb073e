/* One scenario step executed for real by the controller (see steps.c). */
#ifndef PIDNS_STEPS_H
#define PIDNS_STEPS_H
/* returns 0 to go on, 1 when the run stops (scenario error or runner failure) */
int run_step(char *line);
/* the wait status of a zombie as its parent would see it (asked with WNOWAIT); -1 if unknown */
int peek_exit(int zombie, int *status);
#endif
