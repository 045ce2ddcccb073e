/*
 * One step: checks that the actor may act (as the language requires), resolves label targets to
 * the number under which the actor sees the task (a number no pid can have when it cannot), sends
 * the real call to the actor, waits for its reply and for the system to settle, and prints the
 * raw result. nspid is answered from the task's NSpid line; setns by label passes the target's
 * /proc/PID/ns/pid opened by the controller, a privileged bystander.
 */
#define _GNU_SOURCE
#include "steps.h"
#include "labels.h"
#include "ctl.h"
#include "pump.h"
#include "sys.h"
#include "util.h"
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define NO_SUCH_PID 1073741823 /* above PID_MAX_LIMIT: never allocated anywhere */
#define STEP_TIMEOUT_MS 10000

static long g_seq;

static void scenario_error(int line, const char *msg) {
  printf("{\"ev\":\"error\",\"line\":%d,\"message\":", line);
  json_str(msg);
  printf("}\n");
  fflush(stdout);
}

static void harness_error(const char *msg) {
  printf("{\"ev\":\"harness\",\"message\":");
  json_str(msg);
  printf("}\n");
  fflush(stdout);
}

static void emit_result(int idx, const char *raw) {
  printf("{\"ev\":\"step\",\"i\":%d,\"result\":", idx);
  if (raw) json_str(raw);
  else printf("null");
  printf("}\n");
  fflush(stdout);
}

/* "l:LABEL" | "n:NR" | "-" (absent: `dflt`) → the number the actor passes to the kernel */
static long target_nr(const struct task *actor, const char *tok, long dflt) {
  if (!strcmp(tok, "-")) return dflt;
  if (tok[0] == 'n') return atol(tok + 2);
  int i = reg_find(tok + 2);
  if (i < 0) return NO_SUCH_PID;
  reg_refresh(&g_task[i]);
  int nr = reg_visible_nr(&g_task[i], actor);
  return nr > 0 ? nr : NO_SUCH_PID;
}

static const char *actor_problem(struct task *a) {
  reg_refresh(a);
  if (a->gone || a->state == 'Z') return "has exited";
  if (a->blocked_step >= 0) return "is blocked in wait";
  if (a->state == 'T' || a->state == 't') return "is stopped";
  if (a->exiting) return "is exiting in its namespace's teardown";
  return NULL;
}

static int init_has_other_thread(int actor) {
  for (int i = 0; i < g_ntask; i++)
    if (i != actor && g_task[i].leader == 0 && !g_task[i].gone && g_task[i].state != 'Z') return 1;
  return 0;
}

/* a fault is survived only with a SIGSEGV handler that is not blocked (R99) */
static int fault_is_fatal(const struct task *a) {
  return !reg_status_bit(a, "SigCgt", SIGSEGV - 1) || reg_status_bit(a, "SigBlk", SIGSEGV - 1);
}

static const char *root_rule(int actor, const char *op) {
  const struct task *a = &g_task[actor];
  if (a->leader == 0 && (!strcmp(op, "exit") || (!strcmp(op, "fault") && fault_is_fatal(a))))
    return "the root namespace's init cannot end";
  if (a->leader == 0 && !strcmp(op, "thread-exit") && !init_has_other_thread(actor))
    return "the root namespace's init cannot end";
  /* without CAP_SYS_BOOT the kernel refuses before looking at the namespace: that runs for real */
  if (a->ns == 0 && !strcmp(op, "reboot") && reg_status_bit(a, "CapEff", 22)) return "reboot in the root namespace";
  return NULL;
}

static int ends_caller(const char *op) {
  return !strcmp(op, "exit") || !strcmp(op, "thread-exit") || !strcmp(op, "fault") ||
         !strcmp(op, "reboot");
}

/* waits for the actor's reply; an actor that ends or stops on its own call gets `fallback` */
static const char *await_reply(struct task *a, const char *fallback) {
  long deadline = now_ms() + STEP_TIMEOUT_MS;
  while (!g_pump.have_reply && now_ms() < deadline) {
    pump(20);
    if (g_pump.have_reply) break;
    reg_refresh(a);
    if (a->fd < 0 || a->gone || a->state == 'Z' || a->state == 'T' || a->exiting) {
      pump(0);
      if (!g_pump.have_reply) return fallback;
    }
  }
  return g_pump.have_reply ? g_pump.reply : NULL;
}

static int await_hello(const char *label) {
  long deadline = now_ms() + STEP_TIMEOUT_MS;
  while (reg_find(label) < 0 && now_ms() < deadline) pump(20);
  return reg_find(label);
}

static int send_cmd(struct task *a, const char *msg, int pass_fd) {
  union { char raw[CMSG_SPACE(sizeof(int))]; struct cmsghdr align; } ctl;
  struct iovec iov = { (void *)msg, strlen(msg) };
  struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1 };
  if (pass_fd >= 0) {
    mh.msg_control = ctl.raw;
    mh.msg_controllen = sizeof ctl.raw;
    struct cmsghdr *c = CMSG_FIRSTHDR(&mh);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    c->cmsg_len = CMSG_LEN(sizeof(int));
    memcpy(CMSG_DATA(c), &pass_fd, sizeof pass_fd);
  }
  return sendmsg(a->fd, &mh, MSG_NOSIGNAL) < 0 ? -1 : 0;
}

/* turns the step's arguments into the actor's command; may answer the step itself (*answer) */
static void build(struct task *a, const char *op, char *args, char *cmd, size_t cap, int *pass_fd,
                 const char **answer) {
  char t1[96] = "-", t2[96] = "-";
  long seq = g_seq;
  *pass_fd = -1;
  *answer = NULL;
  if (!strcmp(op, "kill")) {
    long sig = strtol(args, &args, 10);
    sscanf(args, "%95s", t1);
    snprintf(cmd, cap, "%ld kill %ld %ld", seq, sig, target_nr(a, t1, 0));
  } else if (!strcmp(op, "wait")) {
    long nohang = 0;
    sscanf(args, "%95s %ld", t1, &nohang);
    snprintf(cmd, cap, "%ld wait %ld %ld", seq, target_nr(a, t1, -1), nohang);
  } else if (!strcmp(op, "setpgid")) {
    sscanf(args, "%95s %95s", t1, t2);
    snprintf(cmd, cap, "%ld setpgid %ld %ld", seq, target_nr(a, t1, 0), target_nr(a, t2, 0));
  } else if (!strcmp(op, "getpgid") || !strcmp(op, "getsid")) {
    sscanf(args, "%95s", t1);
    snprintf(cmd, cap, "%ld %s %ld", seq, op, target_nr(a, t1, 0));
  } else if (!strcmp(op, "setns")) {
    /* a number is resolved in the actor's namespace first (ESRCH); a reaped label gives ENOENT */
    sscanf(args, "%95s", t1);
    long nr = t1[0] == 'n' ? atol(t1 + 2) : 0;
    int i = t1[0] == 'n' ? (nr > 0 ? reg_task_by_nr(a, (int)nr, 0) : -1) : reg_find(t1 + 2);
    if (i >= 0) reg_refresh(&g_task[i]);
    char path[96];
    if (i >= 0 && !g_task[i].gone) {
      snprintf(path, sizeof path, "/proc/%d/task/%d/ns/pid", g_task[i].host_tgid, g_task[i].host_tid);
      *pass_fd = open(path, O_RDONLY | O_CLOEXEC);
    }
    if (*pass_fd < 0) *answer = t1[0] == 'n' ? "e:3" : "e:2";
    snprintf(cmd, cap, "%ld setns", seq);
  } else if (!strcmp(op, "clone")) {
    char flags[24], tids[160], label[72], hex[4200];
    if (sscanf(args, "%23s %159s %71s %4199s", flags, tids, label, hex) == 4 && !strcmp(label, "-"))
      next_automatic_label(a->label, label, sizeof label);
    snprintf(cmd, cap, "%ld clone %s %s %s %s", seq, flags, tids, label, hex);
  } else if (!strcmp(op, "reboot")) {
    snprintf(cmd, cap, "%ld reboot %s %lu", seq, args, g_host_ino);
  } else {
    snprintf(cmd, cap, "%ld %s %s", seq, op, args);
  }
}

static const char *nspid_answer(struct task *a, const char *tok, char *out, size_t cap) {
  const struct task *t = a;
  if (strcmp(tok, "-")) {
    int i = -1;
    if (tok[0] == 'l') {
      i = reg_find(tok + 2);
      if (i >= 0) reg_refresh(&g_task[i]);
      if (i >= 0 && !reg_visible_nr(&g_task[i], a)) i = -1;
    } else {
      i = reg_task_by_nr(a, atoi(tok + 2), 0);
    }
    if (i < 0) return "e:3";
    t = &g_task[i];
  }
  size_t p = 0;
  u_put(out, cap, &p, "l:");
  for (int k = 0; k < t->nlevels; k++) {
    if (k) u_put(out, cap, &p, ",");
    u_putl(out, cap, &p, t->nspid[k]);
  }
  return out;
}

/*
 * exec in a non-leader thread: de_thread() gave the caller the leader's struct pid and the old
 * leader the caller's (exchange_tids), then released the old leader. The records follow: the
 * caller takes the leader's host tid, numbers and pidfd (a pidfd names a struct pid), the old
 * leader the caller's, and every thread of the group now has the caller as its leader.
 */
static void take_over_leader(int actor) {
  struct task *a = &g_task[actor];
  int l = a->leader;
  struct task *old = &g_task[l];
  struct task saved = *a;
  a->host_tid = old->host_tid;
  a->pidfd = old->pidfd;
  a->nlevels = old->nlevels;
  memcpy(a->nspid, old->nspid, sizeof a->nspid);
  old->host_tid = saved.host_tid;
  old->pidfd = saved.pidfd;
  old->nlevels = saved.nlevels;
  memcpy(old->nspid, saved.nspid, sizeof old->nspid);
  for (int i = 0; i < g_ntask; i++)
    if (g_task[i].leader == l) g_task[i].leader = actor, g_task[i].is_thread = i != actor;
  /* what was seen while the exec ran was seen through the swapped tids: look again */
  a->gone = old->gone = 0;
  a->state = old->state = 0;
  a->zombie_done = old->zombie_done = 0;
  reg_refresh(a);
  reg_refresh(old);
}

/* bookkeeping the kernel's answer implies: new namespaces, pid_ns_for_children, new cmd lines */
static int after(int idx, int actor, const char *op, char *args, const char *res) {
  struct task *a = &g_task[actor];
  int ok = !strncmp(res, "i:", 2);
  long v = ok ? atol(res + 2) : 0;
  if (!strcmp(op, "clone")) {
    long flags = strtol(args, NULL, 10);
    char tids[160], label[72], hex[4200];
    sscanf(args, "%*d %159s %71s %4199s", tids, label, hex);
    if (!(ok && v > 0)) {
      if (strcmp(label, "-")) label_without_task(label);
      return 0;
    }
    if (!strcmp(label, "-")) take_automatic_label(a->label, label, sizeof label);
    int c = await_hello(label);
    if (c < 0) return harness_error("a new task never said hello"), 1;
    if ((flags & F_CLONE_NEWPID) && g_ns[g_task[c].ns].created_step < 0 && g_task[c].ns != 0)
      g_ns[g_task[c].ns].created_step = idx;
    if ((flags & F_CLONE_VM) && strcmp(hex, "-")) {
      u_unhex(hex, g_task[c].cmd, sizeof g_task[c].cmd);
      g_task[c].cmd_override = 1;
    }
  } else if (!ok) {
    return 0;
  } else if (!strcmp(op, "unshare") && (strtol(args, NULL, 10) & F_CLONE_NEWPID) && g_nns < MAX_NS) {
    int n = g_nns++;
    g_ns[n] = (struct pidns){ .ino = 0, .level = g_ns[a->ns].level + 1, .parent = a->ns, .created_step = idx };
    a->children_ns = n;
  } else if (!strcmp(op, "exec")) {
    if (a->is_thread) take_over_leader(actor);
    reg_read_cmdline(a);
  }
  return 0;
}


int peek_exit(int zombie, int *status) {
  int ppid = -1, pg[MAX_LEVELS], sd[MAX_LEVELS];
  if (reg_status_lines(&g_task[zombie], &ppid, pg, sd, MAX_LEVELS) < 0 || ppid < 0) return -1;
  struct task *p = &g_task[ppid];
  if (actor_problem(p) || p->fd < 0) return -1;
  int nr = reg_visible_nr(&g_task[zombie], p);
  if (nr <= 0) return -1;
  char cmd[64];
  g_seq++;
  snprintf(cmd, sizeof cmd, "%ld peek %d", g_seq, nr);
  g_pump.cur_actor = ppid, g_pump.cur_seq = g_seq, g_pump.cur_step = -1, g_pump.have_reply = 0;
  snprintf(g_pump.cur_op, sizeof g_pump.cur_op, "peek");
  const char *res = send_cmd(p, cmd, -1) == 0 ? await_reply(p, NULL) : NULL;
  g_pump.cur_actor = -1;
  if (!res || strncmp(res, "i:", 2)) return -1;
  *status = atoi(res + 2);
  return 0;
}

int run_step(char *line) {
  char actor_label[72], op[24];
  int idx, src_line, off = 0;
  if (sscanf(line, "%d %d %71s %23s %n", &idx, &src_line, actor_label, op, &off) < 4) return 0;
  char *args = line + off;
  g_pump.exits_mark = g_exits;
  int actor = reg_find(actor_label);
  if (actor < 0) return scenario_error(src_line, "unknown label"), 1;
  struct task *a = &g_task[actor];
  const char *problem = actor_problem(a);
  if (!problem) problem = root_rule(actor, op);
  if (problem) return scenario_error(src_line, problem), 1;
  if (strcmp(op, "clone") && unbound_label(args)) return scenario_error(src_line, "no task has that label"), 1;
  const char *res;
  char nsbuf[MSG_MAX];
  if (!strcmp(op, "nspid")) {
    char tok[96] = "-";
    sscanf(args, "%95s", tok);
    res = nspid_answer(a, tok, nsbuf, sizeof nsbuf);
  } else {
    char cmd[MSG_MAX];
    int pass_fd;
    g_seq++;
    build(a, op, args, cmd, sizeof cmd, &pass_fd, &res);
    if (!res) {
      g_pump.cur_actor = actor, g_pump.cur_seq = g_seq, g_pump.cur_step = idx, g_pump.have_reply = 0;
      snprintf(g_pump.cur_op, sizeof g_pump.cur_op, "%s", op);
      if (send_cmd(a, cmd, pass_fd) < 0) res = ends_caller(op) ? "n" : NULL;
      else res = await_reply(a, ends_caller(op) ? "n" : "i:0");
    }
    if (pass_fd >= 0) close(pass_fd);
    if (!res) return harness_error("the actor did not answer in time"), 1;
    if (!strcmp(res, "x:unverified")) return harness_error("reboot refused: namespace not verified"), 1;
    snprintf(nsbuf, sizeof nsbuf, "%s", res);
    res = nsbuf;
  }
  if (!strncmp(res, "i:", 2) && strstr(res, " s:")) *strstr(res, " s:") = 0;
  if (after(idx, actor, op, args, res)) return 1;
  if (!strcmp(op, "setns") && !strcmp(res, "i:0")) {
    char tok[96] = "-";
    sscanf(args, "%95s", tok);
    int t = tok[0] == 'l' ? reg_find(tok + 2) : reg_task_by_nr(a, atoi(tok + 2), 0);
    if (t >= 0) a->children_ns = g_task[t].ns;
  }
  if (settle(STEP_TIMEOUT_MS) < 0) return harness_error("the system did not settle"), 1;
  g_pump.cur_actor = -1;
  emit_result(idx, res);
  return 0;
}
