/*
 * Controller entry (see ctl.h). Input on stdin, one step per line (targets as l:LABEL or n:NR):
 *   IDX LINE ACTOR OP ARGS...
 * Output on stdout, JSON lines:
 *   {"ev":"step","i":IDX,"result":RAW}   RAW = "i:N" | "e:ERRNO" | "l:N,N" | "n" | "b" (blocked)
 *   {"ev":"done","i":IDX,"result":RAW}   a blocked wait completed
 *   {"ev":"error","line":L,"message":M}  scenario error: the run stops
 *   {"ev":"harness","message":M}         the runner itself failed
 *   then one {"ev":"ns",...} per namespace and one {"ev":"task",...} per task.
 * Safety: ns0 is a new pid and mount namespace; the init dies with the controller (parent-death
 * signal) and the controller with its parent; everything is SIGKILLed through pidfds at the end.
 */
#define _GNU_SOURCE
#include "ctl.h"
#include "pump.h"
#include "steps.h"
#include "sys.h"
#include "task.h"
#include "util.h"
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

static __attribute__((noreturn)) void init_main(long pid_max) {
  SYS2(SYS_prctl, PR_SET_PDEATHSIG, SIGKILL);
  if (SYS5(SYS_mount, 0, "/", 0, MS_REC | MS_PRIVATE, 0) < 0) SYS1(SYS_exit_group, 120);
  if (SYS5(SYS_mount, "proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, 0) < 0)
    SYS1(SYS_exit_group, 121);
  SYS3(SYS_close_range, 0, FD_EXE - 1, 0);
  SYS3(SYS_close_range, FD_EXE + 1, ~0U, 0);
  for (int fd = 0; fd < 3; fd++) {
    long n = SYS3(SYS_open, "/dev/null", O_RDWR, 0);
    if (n >= 0 && n != fd) SYS2(SYS_dup2, n, fd), SYS1(SYS_close, n);
  }
  SYS0(SYS_setsid);
  char v[24];
  size_t p = 0;
  u_putl(v, sizeof v, &p, pid_max);
  long fd = SYS3(SYS_open, "/proc/sys/kernel/pid_max", O_WRONLY, 0);
  if (fd < 0 || SYS3(SYS_write, fd, v, p) < 0) SYS1(SYS_exit_group, 122);
  SYS1(SYS_close, fd);
  task_reap_auto();
  struct tstart ts = { .label = "init", .cmd = "/sbin/init", .has_cmd = 1 };
  task_start(&ts);
}

static int make_listener(const char *dir) {
  snprintf(g_sockpath, sizeof g_sockpath, "%s/s", dir);
  int fd = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0);
  struct sockaddr_un a = { .sun_family = AF_UNIX };
  snprintf(a.sun_path, sizeof a.sun_path, "%s", g_sockpath);
  if (fd < 0 || bind(fd, (struct sockaddr *)&a, sizeof a) < 0 || listen(fd, 256) < 0) return -1;
  chmod(dir, 0711);
  chmod(g_sockpath, 0777);
  return fd;
}

static void emit_snapshot(void) {
  for (int i = 0; i < g_nns; i++)
    printf("{\"ev\":\"ns\",\"i\":%d,\"ino\":%lu,\"level\":%d,\"parent\":%d,\"created\":%d}\n", i,
           g_ns[i].ino, g_ns[i].level, g_ns[i].parent, g_ns[i].created_step);
  for (int i = 0; i < g_ntask; i++) {
    struct task *t = &g_task[i];
    reg_refresh(t);
    int status = 0, has = 0;
    const char *src = "none";
    if (t->has_exit) status = t->exit_status, has = 1, src = "wait";
    else if (t->gone && reg_exit_from_pidfd(t, &status) == 0) has = 1, src = "pidfd";
    else if (t->state == 'Z' && !t->is_thread && peek_exit(i, &status) == 0) has = 1, src = "peek";
    else if (t->state == 'Z' && reg_exit_from_stat(t, &status) == 0) has = 1, src = "stat";
    int ppid = -1, pgid[MAX_LEVELS] = { 0 }, sid[MAX_LEVELS] = { 0 };
    int nl = t->gone ? 0 : reg_status_lines(t, &ppid, pgid, sid, MAX_LEVELS);
    printf("{\"ev\":\"task\",\"i\":%d,\"label\":", i);
    json_str(t->label);
    printf(",\"thread\":%d,\"leader\":%d,\"ns\":%d,\"nspid\":[", t->is_thread, t->leader, t->ns);
    for (int k = 0; k < t->nlevels; k++) printf("%s%d", k ? "," : "", t->nspid[k]);
    printf("],\"state\":\"%c\",\"exiting\":%d,\"exit\":", t->gone ? 'X' : t->state, t->exiting);
    if (has) printf("%d", status);
    else printf("null");
    printf(",\"exitSrc\":\"%s\",\"ppid\":%d,\"pgid\":[", src, ppid);
    for (int k = 0; k < nl; k++) printf("%s%d", k ? "," : "", pgid[k]);
    printf("],\"sid\":[");
    for (int k = 0; k < nl; k++) printf("%s%d", k ? "," : "", sid[k]);
    printf("],\"cmd\":");
    json_str(t->cmd);
    printf("}\n");
  }
  fflush(stdout);
}

static void teardown(void) {
  if (g_ntask == 0) return;
  SYS4(SYS_pidfd_send_signal, g_task[0].pidfd, SIGKILL, 0, 0);
  struct pollfd pf = { .fd = g_task[0].pidfd, .events = POLLIN };
  poll(&pf, 1, 5000);
  for (int i = 0; i < g_ntask; i++)
    if (SYS4(SYS_pidfd_send_signal, g_task[i].pidfd, 0, 0, 0) == 0)
      SYS4(SYS_pidfd_send_signal, g_task[i].pidfd, SIGKILL, 0, 0);
  while (waitpid(-1, NULL, __WALL | WNOHANG) > 0) {}
}

static char *read_all_stdin(void) {
  size_t cap = 1 << 16, len = 0;
  char *buf = malloc(cap);
  for (;;) {
    if (len + 4096 >= cap) buf = realloc(buf, cap *= 2);
    ssize_t n = read(0, buf + len, cap - len - 1);
    if (n <= 0) break;
    len += (size_t)n;
  }
  buf[len] = 0;
  return buf;
}

int ctl_main(const char *dir, long pid_max) {
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  struct rlimit no_core = { 0, 0 };
  setrlimit(RLIMIT_CORE, &no_core);
  signal(SIGPIPE, SIG_IGN);
  alarm(900); /* backstop: the runner kills the driver much earlier */
  struct stat st;
  if (stat("/proc/self/ns/pid", &st) == 0) g_host_ino = st.st_ino;
  int exe = open("/proc/self/exe", O_PATH);
  if (exe < 0 || dup2(exe, FD_EXE) < 0) return 2;
  if (exe != FD_EXE) close(exe);
  char *input = read_all_stdin();
  g_pump.listen_fd = make_listener(dir);
  if (g_pump.listen_fd < 0) return 2;
  struct clone3_args ca = { .flags = F_CLONE_NEWPID | F_CLONE_NEWNS, .exit_signal = SIGCHLD };
  fflush(stdout);
  long r = SYS2(SYS_clone3, &ca, sizeof ca);
  if (r == 0) init_main(pid_max);
  if (r < 0) {
    printf("{\"ev\":\"harness\",\"message\":\"cannot create ns0: errno %ld\"}\n", -r);
    return 1;
  }
  long deadline = now_ms() + 5000;
  while (g_ntask == 0 && now_ms() < deadline) pump(20);
  if (g_ntask == 0) {
    int st = 0;
    kill((pid_t)r, SIGKILL);
    waitpid((pid_t)r, &st, __WALL);
    printf("{\"ev\":\"harness\",\"message\":\"ns0 init did not start (status %d)\"}\n", st);
    return 1;
  }
  g_ns[0].created_step = -1;
  for (char *line = strtok(input, "\n"); line; line = strtok(NULL, "\n"))
    if (run_step(line) != 0) break;
  settle(2000);
  emit_snapshot();
  teardown();
  return 0;
}

int main(int argc, char **argv) {
  if (argc > 0) {
    g_argarea = argv[0];
    g_arglen = (unsigned long)(argv[argc - 1] + strlen(argv[argc - 1]) + 1 - argv[0]);
  }
  const char *exec_seq = getenv("PIDNS_EXEC");
  if (exec_seq) {
    snprintf(g_sockpath, sizeof g_sockpath, "%s", getenv("PIDNS_SOCK") ? getenv("PIDNS_SOCK") : "");
    task_set_cmdline(argv[0]);
    task_after_exec(atol(exec_seq));
  }
  if (argc >= 4 && !strcmp(argv[1], "ctl")) return ctl_main(argv[2], atol(argv[3]));
  fprintf(stderr, "usage: driver ctl SOCKDIR PID_MAX [PADDING]\n");
  return 2;
}
