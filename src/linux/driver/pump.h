/* The controller's message pump and settle detector (see pump.c). */
#ifndef PIDNS_PUMP_H
#define PIDNS_PUMP_H

struct pump {
  int listen_fd;
  int cur_actor; /* task index of the step's actor, -1 between steps */
  long cur_seq;
  int cur_step;
  char cur_op[24];
  int have_reply;
  long exits_mark; /* g_exits when the current step began */
  char reply[8192];
};
extern struct pump g_pump;

long now_ms(void);
/* handles whatever arrives within timeout_ms; returns how many sources had something */
int pump(int timeout_ms);
/* waits until no task runs and no message is in flight three polls in a row; -1 on timeout */
int settle(int max_ms);

#endif
