/*
 * Task-side system calls that need more than one line (see task.c for the protocol): ps over the
 * task's own /proc, sysctl writes, dropping capabilities, a guarded reboot(2), the signal mask,
 * and a non-reaping look at a zombie child's status.
 */
#define _GNU_SOURCE
#include "task_ops.h"
#include "sys.h"
#include "util.h"
#include <errno.h>
#include <fcntl.h>
#include <linux/capability.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>

#ifndef __WALL
#define __WALL 0x40000000
#endif

static int cmp_insert(int *v, int n, int x) {
  int i = n;
  while (i > 0 && v[i - 1] > x) v[i] = v[i - 1], i--;
  v[i] = x;
  return n + 1;
}

long op_ps(char *out, size_t cap_out) {
  long fd = SYS3(SYS_open, "/proc", O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  if (fd < 0) return fd;
  enum { CAP = 4096 };
  int pids[CAP], n = 0;
  char d[4096];
  for (;;) {
    long got = SYS3(SYS_getdents64, fd, d, sizeof d);
    if (got <= 0) break;
    for (long off = 0; off < got;) {
      unsigned short reclen;
      __builtin_memcpy(&reclen, d + off + 16, 2); /* struct linux_dirent64: d_reclen, then d_type, d_name */
      const char *name = d + off + 19;
      if (name[0] >= '1' && name[0] <= '9' && n < CAP) {
        const char *q = name;
        n = cmp_insert(pids, n, (int)u_getl(&q));
      }
      off += reclen;
    }
  }
  SYS1(SYS_close, fd);
  size_t p = 0;
  u_put(out, cap_out, &p, "l:");
  for (int i = 0; i < n; i++) {
    if (i) u_put(out, cap_out, &p, ",");
    u_putl(out, cap_out, &p, pids[i]);
  }
  return 0;
}

/* the status a wait would return for zombie child `nr`, leaving it a zombie (WNOWAIT) */
long peek_status(long nr) {
  siginfo_t si;
  __builtin_memset(&si, 0, sizeof si);
  long r = SYS5(SYS_waitid, P_PID, nr, &si, WEXITED | WNOWAIT | __WALL, 0);
  if (r < 0) return r;
  if (si.si_code == CLD_EXITED) return (si.si_status & 0xff) << 8;
  return (si.si_status & 0x7f) | (si.si_code == CLD_DUMPED ? 0x80 : 0);
}

long write_sysctl(const char *file, long value) {
  char path[64], v[24];
  size_t p = 0;
  u_put(path, sizeof path, &p, "/proc/sys/kernel/");
  u_put(path, sizeof path, &p, file);
  p = 0;
  u_putl(v, sizeof v, &p, value);
  long fd = SYS3(SYS_open, path, O_WRONLY | O_CLOEXEC, 0);
  if (fd < 0) return fd;
  long r = SYS3(SYS_write, fd, v, p);
  SYS1(SYS_close, fd);
  return r < 0 ? r : 0;
}

long caps_drop(void) {
  for (int c = 0; c < 64; c++) SYS2(SYS_prctl, PR_CAPBSET_DROP, c);
  SYS5(SYS_prctl, PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0);
  struct __user_cap_header_struct h = { _LINUX_CAPABILITY_VERSION_3, 0 };
  struct __user_cap_data_struct d[2] = { { 0, 0, 0 }, { 0, 0, 0 } };
  long r = SYS2(SYS_capset, &h, d);
  return r < 0 ? r : 0;
}

/* reboot(2) only ever runs in a pid namespace that is neither the host's nor the initial one */
/* an fd of the caller's own active pid namespace, found without relying on its /proc mount:
 * a pidfd of itself, then PIDFD_GET_PID_NAMESPACE (6.11+) */
static long own_pid_ns_fd(void) {
  long self = SYS2(SYS_pidfd_open, SYS0(SYS_gettid), PIDFD_THREAD_FLAG);
  if (self < 0) return self;
  long ns = SYS3(SYS_ioctl, self, 0xff05 /* _IO(0xFF, 5) */, 0);
  SYS1(SYS_close, self);
  return ns;
}

long op_reboot(const char *a) {
  long cmd = u_getl(&a);
  unsigned long host_ino = (unsigned long)u_getl(&a);
  long fd = own_pid_ns_fd();
  if (fd < 0) return -1000;
  struct { unsigned long dev, ino; char rest[128]; } st;
  long r = SYS2(SYS_fstat, fd, &st);
  SYS1(SYS_close, fd);
  if (r < 0 || st.ino == host_ino || st.ino == 0xEFFFFFFCUL) return -1000;
  return SYS4(SYS_reboot, 0xfee1dead, 672274793, cmd, 0);
}

long op_sigmask(const char *a) {
  long how = u_getl(&a), sig = u_getl(&a);
  unsigned long set = 1UL << (sig - 1);
  return SYS4(SYS_rt_sigprocmask, how ? SIG_BLOCK : SIG_UNBLOCK, &set, 0, 8);
}
