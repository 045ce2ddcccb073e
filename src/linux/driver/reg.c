/*
 * The controller's registry of scenario tasks and pid namespaces, filled from the real kernel:
 * host ids from SO_PEERCRED, NSpid and namespace inodes from the host's /proc, namespace parents
 * from NS_GET_PARENT, liveness from pidfds (which never confuse a reused host pid).
 */
#define _GNU_SOURCE
#include "ctl.h"
#include "sys.h"
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#define NS_GET_PARENT_CMD 0xb702 /* _IO(0xb7, 0x2) */

struct task g_task[MAX_TASKS];
int g_ntask;
struct pidns g_ns[MAX_NS];
int g_nns;
unsigned long g_host_ino;
long g_exits;

int reg_find(const char *label) {
  for (int i = 0; i < g_ntask; i++)
    if (!strcmp(g_task[i].label, label)) return i;
  return -1;
}

static int read_file(const char *path, char *buf, size_t cap) {
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return -errno;
  ssize_t n = read(fd, buf, cap - 1);
  close(fd);
  if (n < 0) return -1;
  buf[n] = 0;
  return (int)n;
}

static void task_path(const struct task *t, const char *leaf, char *out, size_t cap) {
  snprintf(out, cap, "/proc/%d/task/%d/%s", t->host_tgid, t->host_tid, leaf);
}

/* the numbers after `key` on its line of a status file; returns how many */
static int status_ints(const char *status, const char *key, int *out, int cap) {
  const char *p = strstr(status, key);
  if (!p) return 0;
  p += strlen(key);
  int n = 0;
  while (*p && *p != '\n' && n < cap) {
    char *end;
    long v = strtol(p, &end, 10);
    if (end == p) break;
    out[n++] = (int)v;
    p = end;
  }
  return n;
}

static unsigned long ns_ino_of(const struct task *t) {
  char path[96], link[64];
  task_path(t, "ns/pid", path, sizeof path);
  ssize_t n = readlink(path, link, sizeof link - 1);
  if (n <= 0) return 0;
  link[n] = 0;
  return strtoul(link + 5, NULL, 10); /* "pid:[N]" */
}

static unsigned long parent_ns_ino(const struct task *t) {
  char path[96];
  task_path(t, "ns/pid", path, sizeof path);
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return 0;
  int pfd = ioctl(fd, NS_GET_PARENT_CMD);
  close(fd);
  if (pfd < 0) return 0;
  struct stat st;
  unsigned long ino = fstat(pfd, &st) == 0 ? st.st_ino : 0;
  close(pfd);
  return ino;
}

static int ns_by_ino(unsigned long ino) {
  for (int i = 0; i < g_nns; i++)
    if (g_ns[i].ino == ino) return i;
  return -1;
}

/* the namespace a new task lives in: known, the unshared one its creator was waiting for, or new */
static int bind_ns(const struct task *t, int creator) {
  unsigned long ino = ns_ino_of(t);
  int i = ns_by_ino(ino);
  if (i >= 0) return i;
  if (creator >= 0) {
    int c = g_task[creator].children_ns;
    if (c >= 0 && g_ns[c].ino == 0) {
      g_ns[c].ino = ino;
      return c;
    }
  }
  if (g_nns >= MAX_NS) return -1;
  i = g_nns++;
  g_ns[i].ino = ino;
  g_ns[i].level = t->nlevels - 1;
  g_ns[i].parent = i == 0 ? -1 : ns_by_ino(parent_ns_ino(t));
  g_ns[i].created_step = -1;
  return i;
}

/* the host tid of the thread whose innermost tid is `tid` inside host process `tgid` */
static int find_host_tid(int tgid, int tid) {
  char dir[48], path[320], st[4096];
  snprintf(dir, sizeof dir, "/proc/%d/task", tgid);
  DIR *d = opendir(dir);
  if (!d) return -1;
  int found = -1;
  struct dirent *e;
  while ((e = readdir(d)) && found < 0) {
    if (e->d_name[0] < '0' || e->d_name[0] > '9') continue;
    snprintf(path, sizeof path, "%s/%s/status", dir, e->d_name);
    int v[MAX_LEVELS + 1];
    if (read_file(path, st, sizeof st) <= 0) continue;
    int n = status_ints(st, "\nNSpid:", v, MAX_LEVELS + 1);
    if (n > 0 && v[n - 1] == tid) found = v[0];
  }
  closedir(d);
  return found;
}

int reg_add_from_hello(int fd, const char *label, int tid, int pid, int creator) {
  if (g_ntask >= MAX_TASKS) return -1;
  struct ucred cr;
  socklen_t len = sizeof cr;
  if (getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cr, &len) < 0) return -1;
  struct task *t = &g_task[g_ntask];
  memset(t, 0, sizeof *t);
  snprintf(t->label, sizeof t->label, "%s", label);
  t->fd = fd;
  t->host_tgid = cr.pid;
  t->is_thread = tid != pid;
  t->host_tid = t->is_thread ? find_host_tid(cr.pid, tid) : cr.pid;
  t->blocked_step = -1;
  if (t->host_tid <= 0) return -1;
  t->pidfd = (int)SYS2(SYS_pidfd_open, t->host_tid, t->is_thread ? PIDFD_THREAD_FLAG : 0);
  char path[96], st[4096];
  task_path(t, "status", path, sizeof path);
  if (read_file(path, st, sizeof st) <= 0) return -1;
  int v[MAX_LEVELS + 1];
  int n = status_ints(st, "\nNSpid:", v, MAX_LEVELS + 1);
  if (n < 2) return -1;
  t->nlevels = n - 1;
  memcpy(t->nspid, v + 1, sizeof(int) * (size_t)(n - 1));
  t->leader = g_ntask;
  if (t->is_thread)
    for (int i = 0; i < g_ntask; i++)
      if (!g_task[i].is_thread && g_task[i].host_tid == t->host_tgid && !g_task[i].gone) t->leader = i;
  t->ns = bind_ns(t, creator);
  t->children_ns = t->ns;
  if (t->ns < 0) return -1;
  reg_read_cmdline(t);
  return g_ntask++;
}

void reg_read_cmdline(struct task *t) {
  if (t->cmd_override) return;
  char path[96], buf[2048];
  snprintf(path, sizeof path, "/proc/%d/cmdline", t->host_tgid);
  int n = read_file(path, buf, sizeof buf);
  if (n <= 0) return;
  while (n > 0 && buf[n - 1] == 0) n--;
  for (int i = 0; i < n; i++)
    if (!buf[i]) buf[i] = ' ';
  buf[n] = 0;
  snprintf(t->cmd, sizeof t->cmd, "%s", buf);
}

static int pidfd_alive(const struct task *t) {
  return SYS4(SYS_pidfd_send_signal, t->pidfd, 0, 0, 0) != -ESRCH;
}

void reg_refresh(struct task *t) {
  if (t->gone) return;
  char path[96], st[1024];
  task_path(t, "stat", path, sizeof path);
  int n = read_file(path, st, sizeof st);
  if (n <= 0 || !pidfd_alive(t)) {
    t->gone = 1;
    t->state = 'X';
    g_exits++;
    return;
  }
  const char *p = strrchr(st, ')');
  if (!p || !p[1] || !p[2]) return;
  if (p[2] == 'Z' && t->state != 'Z') g_exits++;
  t->state = p[2];
  unsigned long flags = 0;
  sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %lu", &flags);
  t->exiting = (flags & 0x4) && t->state != 'Z';
  /* a task shows Z as soon as exit_notify marks it, while it still runs the end of do_exit
   * (releasing the zombies it handed over, among others); /proc/PID/syscall says "running" then */
  if (t->state == 'Z' && !t->zombie_done) {
    task_path(t, "syscall", path, sizeof path);
    t->zombie_done = read_file(path, st, sizeof st) > 0 && strncmp(st, "running", 7) != 0;
  }
}

int reg_ns_at(int ns, int level) {
  while (ns >= 0 && g_ns[ns].level > level) ns = g_ns[ns].parent;
  return ns >= 0 && g_ns[ns].level == level ? ns : -1;
}

int reg_visible_nr(const struct task *target, const struct task *viewer) {
  if (target->gone) return 0;
  int level = g_ns[viewer->ns].level;
  if (target->nlevels - 1 < level || reg_ns_at(target->ns, level) != viewer->ns) return 0;
  return target->nspid[level];
}

int reg_task_by_nr(const struct task *viewer, int nr, int leaders_only) {
  for (int i = 0; i < g_ntask; i++) {
    if (leaders_only && g_task[i].is_thread) continue;
    if (nr <= 0 || reg_visible_nr(&g_task[i], viewer) != nr) continue;
    reg_refresh(&g_task[i]); /* it may have been reaped since the last look */
    if (!g_task[i].gone) return i;
  }
  return -1;
}

int reg_status_lines(const struct task *t, int *ppid, int *pgid, int *sid, int cap) {
  char path[96], st[4096];
  task_path(t, "status", path, sizeof path);
  if (read_file(path, st, sizeof st) <= 0) return -1;
  int host_ppid = 0, tmp[MAX_LEVELS + 1];
  status_ints(st, "\nPPid:", &host_ppid, 1);
  *ppid = -1;
  for (int i = 0; i < g_ntask; i++)
    if (!g_task[i].is_thread && g_task[i].host_tid == host_ppid && !g_task[i].gone) *ppid = i;
  int n = status_ints(st, "\nNSpgid:", tmp, MAX_LEVELS + 1);
  for (int i = 1; i < n && i - 1 < cap; i++) pgid[i - 1] = tmp[i];
  int m = status_ints(st, "\nNSsid:", tmp, MAX_LEVELS + 1);
  for (int i = 1; i < m && i - 1 < cap; i++) sid[i - 1] = tmp[i];
  return n - 1;
}

/* bit `bit` of a hexadecimal mask line of the task's status (CapEff, SigCgt, SigBlk, ...) */
int reg_status_bit(const struct task *t, const char *key, int bit) {
  char path[96], st[4096], k[24];
  task_path(t, "status", path, sizeof path);
  if (read_file(path, st, sizeof st) <= 0) return 0;
  snprintf(k, sizeof k, "\n%s:", key);
  const char *p = strstr(st, k);
  return p ? (int)((strtoull(p + strlen(k), NULL, 16) >> bit) & 1) : 0;
}

int reg_exit_from_pidfd(const struct task *t, int *status) {
  struct pidfd_info_v0 info;
  memset(&info, 0, sizeof info);
  info.mask = PIDFD_INFO_EXIT_BIT;
  if (ioctl(t->pidfd, PIDFD_GET_INFO_CMD, &info) < 0 || !(info.mask & PIDFD_INFO_EXIT_BIT)) return -1;
  *status = info.exit_code;
  return 0;
}

int reg_exit_from_stat(const struct task *t, int *status) {
  char path[96], st[1024];
  task_path(t, "stat", path, sizeof path);
  if (read_file(path, st, sizeof st) <= 0) return -1;
  const char *p = strrchr(st, ')');
  if (!p) return -1;
  p += 2;
  for (int field = 3; field < 52 && *p; p++)
    if (*p == ' ') field++;
  *status = atoi(p);
  return 0;
}

void json_str(const char *s) {
  putchar('"');
  for (; *s; s++) {
    unsigned char c = (unsigned char)*s;
    if (c == '"' || c == '\\') printf("\\%c", c);
    else if (c < 0x20) printf("\\u%04x", c);
    else putchar(c);
  }
  putchar('"');
}
