/*
 * The controller: runs in the host, owns one fresh pid namespace (the scenario's ns0) whose init
 * it creates, drives every scenario task over its channel, and reports raw kernel facts as JSON
 * lines on stdout (see ctl.c). Everything it learns about tasks comes from the real kernel:
 * SO_PEERCRED, /proc/PID/{stat,status,cmdline,ns/pid}, pidfds and wait statuses.
 */
#ifndef PIDNS_CTL_H
#define PIDNS_CTL_H

#define MAX_TASKS 4096
#define MAX_NS 256
#define MAX_LEVELS 34

struct task {
  char label[72];
  int host_tid, host_tgid;
  int leader;      /* index of the thread-group leader (itself for a process) */
  int is_thread;
  int fd;          /* channel, -1 once closed */
  int nspid[MAX_LEVELS];
  int nlevels;     /* entries in nspid: ns0 is index 0 */
  int ns;          /* active pid namespace (index into g_ns) */
  int children_ns; /* pid_ns_for_children of this thread */
  int gone;        /* reaped: its pid no longer exists */
  int blocked_step;
  long blocked_seq;
  int has_exit, exit_status;
  int pidfd;
  int cmd_override;
  char cmd[2048];
  char state;      /* last /proc state letter */
  int exiting;     /* PF_EXITING while not a zombie */
  int zombie_done; /* a zombie that has finished do_exit (it no longer runs) */
};

struct pidns {
  unsigned long ino; /* 0 while made by unshare and still without a task */
  int level, parent;
  int created_step;
};

extern struct task g_task[MAX_TASKS];
extern int g_ntask;
extern struct pidns g_ns[MAX_NS];
extern int g_nns;
extern unsigned long g_host_ino;
/* how many times a task was seen to become a zombie or to be reaped */
extern long g_exits;

/* registry (reg.c) */
int reg_find(const char *label);
int reg_add_from_hello(int fd, const char *label, int tid, int pid, int creator);
void reg_refresh(struct task *t);
int reg_ns_at(int ns, int level);
int reg_visible_nr(const struct task *target, const struct task *viewer);
int reg_task_by_nr(const struct task *viewer, int nr, int leaders_only);
int reg_status_lines(const struct task *t, int *ppid, int *pgid, int *sid, int cap);
int reg_status_bit(const struct task *t, const char *key, int bit);
int reg_exit_from_pidfd(const struct task *t, int *status);
int reg_exit_from_stat(const struct task *t, int *status);
void reg_read_cmdline(struct task *t);
void json_str(const char *s);

#endif
