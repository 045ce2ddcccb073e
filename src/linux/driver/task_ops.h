/* Task-side system calls with more than one step (see task_ops.c). Each returns a raw result. */
#ifndef PIDNS_TASK_OPS_H
#define PIDNS_TASK_OPS_H

#include <stddef.h>

/* the PID column of `ps -e` from the task's own /proc, as "l:1,2,..." in out; 0 or -errno */
long op_ps(char *out, size_t cap);
long peek_status(long nr);
long write_sysctl(const char *file, long value);
long caps_drop(void);
/* -1000 when the task could not prove it is outside the host's and the initial pid namespace */
long op_reboot(const char *args);
long op_sigmask(const char *args);

#endif
