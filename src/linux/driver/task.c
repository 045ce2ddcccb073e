/*
 * Task side (see task.h). Each command is "SEQ OP ARGS"; each reply is one message:
 *   R SEQ i:N | R SEQ e:ERRNO | R SEQ l:N,N,... | R SEQ n     the call's result
 *   B SEQ                                                     a wait that blocks
 *   W SEQ i:PID s:STATUS | W SEQ e:ERRNO                      that wait, completed
 *   A PID STATUS                                              reaped by `reap auto`
 *   H LABEL TID PID                                           hello from a new task
 * Numbers are as the task sees them, in its own pid namespace.
 */
#define _GNU_SOURCE
#include "task.h"
#include "task_ops.h"
#include "sys.h"
#include "util.h"
#include <errno.h>
#include <fcntl.h>
#include <sys/mount.h>
#include <ucontext.h>
#include <linux/capability.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>

#ifndef __WALL
#define __WALL 0x40000000
#endif

char g_sockpath[108];
char *g_argarea;
unsigned long g_arglen;

extern void sig_restorer(void);
extern void fault_store(void);
extern char fault_insn[], fault_resume[];

struct ksigaction {
  void (*handler)(int, siginfo_t *, void *);
  unsigned long flags;
  void (*restorer)(void);
  unsigned long mask;
};

static void reply(const char *kind, long seq, const char *body) {
  char m[MSG_MAX];
  size_t p = 0;
  u_put(m, sizeof m, &p, kind);
  u_put(m, sizeof m, &p, " ");
  u_putl(m, sizeof m, &p, seq);
  if (body) {
    u_put(m, sizeof m, &p, " ");
    u_put(m, sizeof m, &p, body);
  }
  u_send(FD_CHAN, m);
}

/* a raw return value as "i:N" or "e:ERRNO" */
static void ret_text(long r, char *out, size_t cap) {
  size_t p = 0;
  u_put(out, cap, &p, r < 0 ? "e:" : "i:");
  u_putl(out, cap, &p, r < 0 ? -r : r);
}

static void reply_ret(long seq, long r) {
  char b[32];
  ret_text(r, b, sizeof b);
  reply("R", seq, b);
}

static void reap_all(void) {
  for (;;) {
    int st = 0;
    long r = SYS4(SYS_wait4, -1, &st, WNOHANG | __WALL, 0);
    if (r <= 0) return;
    char m[64];
    size_t p = 0;
    u_put(m, sizeof m, &p, "A ");
    u_putl(m, sizeof m, &p, r);
    u_put(m, sizeof m, &p, " ");
    u_putl(m, sizeof m, &p, st);
    u_send(FD_CHAN, m);
  }
}

/* `handle`: a handler that does nothing, except resume after the `fault` op's store */
static void on_signal(int sig, siginfo_t *si, void *ucv) {
  (void)si;
  if (sig == SIGSEGV) {
    ucontext_t *uc = ucv;
    if (uc->uc_mcontext.gregs[REG_RIP] == (long)fault_insn)
      uc->uc_mcontext.gregs[REG_RIP] = (long)fault_resume;
  }
}

/* `reap auto` is this SIGCHLD handler: it lives in the handler table, so a CLONE_SIGHAND sharer
 * reaps with it too, while a forked child gets the plain handler (reap mode is not inherited) */
static void on_sigchld_reap(int sig, siginfo_t *si, void *ucv) {
  (void)sig, (void)si, (void)ucv;
  reap_all();
}

enum { DISP_DEFAULT, DISP_IGNORE, DISP_HANDLE, DISP_REAP };

static long set_disposition(int sig, int disp) {
  struct ksigaction sa = { 0 };
  if (disp == DISP_HANDLE) sa.handler = on_signal;
  else if (disp == DISP_REAP) sa.handler = on_sigchld_reap;
  else __builtin_memcpy(&sa.handler, &(long){ disp == DISP_IGNORE ? 1L : 0L }, sizeof(long)); /* SIG_IGN / SIG_DFL */
  sa.flags = SA_SIGINFO | SA_RESTART | SA_RESTORER_FLAG;
  sa.restorer = sig_restorer;
  return SYS4(SYS_rt_sigaction, sig, &sa, 0, 8);
}

static int reaping(void) {
  struct ksigaction old;
  return SYS4(SYS_rt_sigaction, SIGCHLD, 0, &old, 8) == 0 && old.handler == on_sigchld_reap;
}

void task_reap_auto(void) {
  set_disposition(SIGCHLD, DISP_REAP);
  reap_all();
}

static void task_reap_manual(void) {
  if (reaping()) set_disposition(SIGCHLD, DISP_HANDLE);
}

void task_set_cmdline(const char *cmd) {
  if (!g_argarea || g_arglen < 2) return;
  unsigned long n = u_strlen(cmd);
  if (n > g_arglen - 1) n = g_arglen - 1;
  for (unsigned long i = 0; i < g_arglen; i++) g_argarea[i] = i < n ? cmd[i] : 0;
}

static int connect_controller(void) {
  long s = SYS3(SYS_socket, AF_UNIX, SOCK_SEQPACKET, 0);
  if (s < 0) return (int)s;
  struct sockaddr_un a = { 0 };
  a.sun_family = AF_UNIX;
  __builtin_memcpy(a.sun_path, g_sockpath, sizeof a.sun_path);
  long r = SYS3(SYS_connect, s, &a, sizeof a);
  if (r < 0) return (int)r;
  if (s != FD_CHAN) {
    SYS2(SYS_dup2, s, FD_CHAN);
    SYS1(SYS_close, s);
  }
  return 0;
}

static void serve(void) __attribute__((noreturn));

void task_start(const struct tstart *ts) {
  if (connect_controller() < 0) SYS1(SYS_exit_group, 127);
  if (ts->has_cmd && !ts->shared_vm) task_set_cmdline(ts->cmd);
  char m[160];
  size_t p = 0;
  u_put(m, sizeof m, &p, "H ");
  u_put(m, sizeof m, &p, ts->label);
  u_put(m, sizeof m, &p, " ");
  u_putl(m, sizeof m, &p, SYS0(SYS_gettid));
  u_put(m, sizeof m, &p, " ");
  u_putl(m, sizeof m, &p, SYS0(SYS_getpid));
  u_send(FD_CHAN, m);
  serve();
}

void task_after_exec(long seq) {
  reply_ret(seq, 0);
  serve();
}

static int child_entry(void *arg) {
  const struct tstart *ts = arg;
  if (!ts->shares_sighand) task_reap_manual();
  task_start(ts);
}

static long op_clone(const char *a) {
  long flags = u_getl(&a);
  char tids[160], hex[4200];
  struct tstart ts = { 0 };
  u_word(&a, tids, sizeof tids);
  u_word(&a, ts.label, sizeof ts.label);
  u_word(&a, hex, sizeof hex);
  if (!u_streq(hex, "-")) ts.has_cmd = 1, u_unhex(hex, ts.cmd, sizeof ts.cmd);
  ts.shares_sighand = (flags & F_CLONE_SIGHAND) != 0;
  int set_tid[33];
  unsigned n = 0;
  for (const char *t = u_streq(tids, "-") ? "" : tids; *t && n < 33;) {
    set_tid[n++] = (int)u_getl(&t);
    if (*t == ',') t++;
  }
  struct clone3_args ca = { 0 };
  ca.flags = (uint64_t)flags;
  ca.exit_signal = (flags & (F_CLONE_THREAD | F_CLONE_PARENT)) ? 0 : SIGCHLD;
  ca.set_tid = n ? (uint64_t)(uintptr_t)set_tid : 0;
  ca.set_tid_size = n;
  if (!(flags & F_CLONE_VM)) {
    long r = SYS2(SYS_clone3, &ca, sizeof ca);
    if (r == 0) child_entry(&ts);
    return r;
  }
  /* shared memory: the child runs on its own stack, with its start data copied onto it */
  const unsigned long size = 256 * 1024;
  long stk = rsys(SYS_mmap, 0, (long)size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (stk < 0 && stk > -4096) return stk;
  ts.shared_vm = 1;
  struct tstart *copy = (struct tstart *)(stk + size - sizeof ts - 64);
  __builtin_memcpy(copy, &ts, sizeof ts);
  ca.stack = (uint64_t)stk;
  ca.stack_size = ((unsigned long)copy - (unsigned long)stk) & ~15UL;
  return clone3_on_stack(&ca, sizeof ca, child_entry, copy);
}

static long op_exec(long seq, const char *a) {
  char hex[4200], cmd[2048], pad[4096], env0[48], env1[128];
  u_word(&a, hex, sizeof hex);
  u_unhex(hex, cmd, sizeof cmd);
  for (unsigned i = 0; i < sizeof pad - 1; i++) pad[i] = 'x';
  pad[sizeof pad - 1] = 0;
  size_t p = 0;
  u_put(env0, sizeof env0, &p, "PIDNS_EXEC=");
  u_putl(env0, sizeof env0, &p, seq);
  p = 0;
  u_put(env1, sizeof env1, &p, "PIDNS_SOCK=");
  u_put(env1, sizeof env1, &p, g_sockpath);
  char *argv[] = { cmd, pad, 0 };
  char *envp[] = { env0, env1, 0 };
  return SYS5(SYS_execveat, FD_EXE, "", argv, envp, AT_EMPTY_PATH);
}

static void op_wait(long seq, const char *a) {
  long spec = u_getl(&a), nohang = u_getl(&a);
  int st = 0;
  long r = SYS4(SYS_wait4, spec, &st, WNOHANG | __WALL, 0);
  char b[64];
  int blocked = r == 0 && !nohang;
  if (blocked) {
    reply("B", seq, 0);
    do r = SYS4(SYS_wait4, spec, &st, __WALL, 0); while (r == -EINTR);
  }
  ret_text(r, b, sizeof b);
  size_t p = u_strlen(b);
  u_put(b, sizeof b, &p, " s:");
  u_putl(b, sizeof b, &p, st);
  reply(blocked ? "W" : "R", seq, b);
}








static void dispatch(long seq, const char *op, const char *a, int pfd) {
  if (u_streq(op, "clone")) return reply_ret(seq, op_clone(a));
  if (u_streq(op, "exec")) return reply_ret(seq, op_exec(seq, a));
  if (u_streq(op, "wait")) return op_wait(seq, a);
  if (u_streq(op, "ps")) {
    char b[MSG_MAX - 32];
    long r = op_ps(b, sizeof b);
    return r < 0 ? reply_ret(seq, r) : reply("R", seq, b);
  }
  if (u_streq(op, "fault")) {
    fault_store();
    return reply("R", seq, "n");
  }
  long r;
  if (u_streq(op, "unshare")) r = SYS1(SYS_unshare, u_getl(&a));
  else if (u_streq(op, "setns")) {
    r = SYS2(SYS_setns, pfd, F_CLONE_NEWPID);
    SYS1(SYS_close, pfd);
  } else if (u_streq(op, "peek")) {
    r = peek_status(u_getl(&a));
  } else if (u_streq(op, "exit")) r = SYS1(SYS_exit_group, u_getl(&a));
  else if (u_streq(op, "thread-exit")) r = SYS1(SYS_exit, u_getl(&a));
  else if (u_streq(op, "kill")) {
    long sig = u_getl(&a);
    r = SYS2(SYS_kill, u_getl(&a), sig);
  } else if (u_streq(op, "signal")) {
    long sig = u_getl(&a);
    r = set_disposition((int)sig, (int)u_getl(&a));
  } else if (u_streq(op, "setsid")) r = SYS0(SYS_setsid);
  else if (u_streq(op, "setpgid")) {
    long t = u_getl(&a);
    r = SYS2(SYS_setpgid, t, u_getl(&a));
  } else if (u_streq(op, "getpid")) r = SYS0(SYS_getpid);
  else if (u_streq(op, "gettid")) r = SYS0(SYS_gettid);
  else if (u_streq(op, "getppid")) r = SYS0(SYS_getppid);
  else if (u_streq(op, "getpgid")) r = SYS1(SYS_getpgid, u_getl(&a));
  else if (u_streq(op, "getsid")) r = SYS1(SYS_getsid, u_getl(&a));
  else if (u_streq(op, "subreaper")) r = SYS2(SYS_prctl, PR_SET_CHILD_SUBREAPER, u_getl(&a));
  else if (u_streq(op, "reap")) {
    if (u_getl(&a)) task_reap_auto();
    else set_disposition(SIGCHLD, DISP_DEFAULT); /* `reap manual`: SIGCHLD back to default */
    r = 0;
  } else if (u_streq(op, "mountproc"))
    r = SYS5(SYS_mount, "proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, 0);
  else if (u_streq(op, "ns_last_pid") || u_streq(op, "pid_max")) r = write_sysctl(op, u_getl(&a));
  else if (u_streq(op, "capsdrop")) r = caps_drop();
  else if (u_streq(op, "setuid")) {
    long u = u_getl(&a);
    r = SYS3(SYS_setresuid, u, u, u);
  } else if (u_streq(op, "sigmask")) r = op_sigmask(a);
  else if (u_streq(op, "pdeathsig")) r = SYS2(SYS_prctl, PR_SET_PDEATHSIG, u_getl(&a));
  else if (u_streq(op, "reboot")) r = op_reboot(a);
  else r = -38;
  if (r == -1000) return reply("R", seq, "x:unverified");
  reply_ret(seq, r);
}

static void serve(void) {
  for (;;) {
    char buf[MSG_MAX], op[24];
    int pfd = -1;
    long n = u_recv(FD_CHAN, buf, sizeof buf, &pfd);
    if (n == -EINTR) continue;
    if (n <= 0) SYS1(SYS_exit_group, 0);
    const char *a = buf;
    long seq = u_getl(&a);
    u_word(&a, op, sizeof op);
    dispatch(seq, op, a, pfd);
  }
}
