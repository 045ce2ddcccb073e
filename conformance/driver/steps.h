/* One scenario step executed for real by the controller (see steps.c). */
#ifndef PIDNS_STEPS_H
#define PIDNS_STEPS_H
/* returns 0 to go on, 1 when the run stops (scenario error or runner failure) */
int run_step(char *line);
#endif
