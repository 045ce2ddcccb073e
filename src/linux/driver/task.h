/*
 * The task side: every scenario task is a real process or thread running task_start(), which
 * connects to the controller, says hello, then performs one real system call per command and
 * replies with its raw result (see PROTOCOL in ctl.c).
 */
#ifndef PIDNS_TASK_H
#define PIDNS_TASK_H

struct tstart {
  char label[72];
  char cmd[2048];
  int has_cmd;
  /* the task shares its creator's memory (CLONE_VM): its argv area is not its own */
  int shared_vm;
  /* the task shares its creator's signal handler table (CLONE_SIGHAND) */
  int shares_sighand;
};

/* set once in main(), read-only afterwards */
extern char g_sockpath[108];
extern char *g_argarea;
extern unsigned long g_arglen;

__attribute__((noreturn)) void task_start(const struct tstart *ts);
/* the image entered by the `exec` op: replies to command `seq`, then serves commands */
__attribute__((noreturn)) void task_after_exec(long seq);
/* installs the reaping SIGCHLD handler and marks the task `reap auto` */
void task_reap_auto(void);
void task_set_cmdline(const char *cmd);

#endif
