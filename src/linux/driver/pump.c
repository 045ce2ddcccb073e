/*
 * The controller's message pump: accepts new task connections, reads every task's messages
 * (replies, blocked and completed waits, reaps by `reap auto`, hellos), and decides when the
 * real system has settled after a step (no task running, no message in flight).
 */
#define _GNU_SOURCE
#include "pump.h"
#include "ctl.h"
#include "sys.h"
#include "util.h"
#include <errno.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

struct pump g_pump = { .listen_fd = -1, .cur_actor = -1 };
static int pending_fd[64];
static int npending;

long now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

/* the task that `reaper` saw as `nr` when it reaped it (gone or not yet noticed gone): the latest
 * one created with that number, since a number is only reused after its previous holder is freed */
static int reaped_task(const struct task *reaper, int nr) {
  int level = g_ns[reaper->ns].level;
  for (int i = g_ntask - 1; i >= 0; i--) {
    struct task *t = &g_task[i];
    if (t->is_thread || t->has_exit || t->nlevels - 1 < level) continue;
    if (reg_ns_at(t->ns, level) == reaper->ns && t->nspid[level] == nr) return i;
  }
  return -1;
}

static void record_reap(const struct task *reaper, const char *body) {
  const char *p = body;
  if (strncmp(p, "i:", 2)) return;
  int nr = atoi(p + 2);
  const char *s = strstr(p, "s:");
  int i = nr > 0 ? reaped_task(reaper, nr) : -1;
  if (i < 0 || !s) return;
  g_task[i].has_exit = 1;
  g_task[i].exit_status = atoi(s + 2);
}

static void on_task_message(int ti, const char *m) {
  struct task *t = &g_task[ti];
  const char *p = m + 2;
  long seq = u_getl(&p);
  while (*p == ' ') p++;
  if (m[0] == 'R' && ti == g_pump.cur_actor && seq == g_pump.cur_seq) {
    snprintf(g_pump.reply, sizeof g_pump.reply, "%s", p);
    g_pump.have_reply = 1;
    if (!strncmp(g_pump.cur_op, "wait", 4)) record_reap(t, p);
  } else if (m[0] == 'B' && ti == g_pump.cur_actor && seq == g_pump.cur_seq) {
    t->blocked_step = g_pump.cur_step;
    t->blocked_seq = seq;
    snprintf(g_pump.reply, sizeof g_pump.reply, "b");
    g_pump.have_reply = 1;
  } else if (m[0] == 'W' && t->blocked_step >= 0 && seq == t->blocked_seq) {
    record_reap(t, p);
    printf("{\"ev\":\"done\",\"i\":%d,\"result\":", t->blocked_step);
    char body[64];
    snprintf(body, sizeof body, "%s", p);
    char *sp = strchr(body, ' ');
    if (sp) *sp = 0;
    json_str(body);
    printf("}\n");
    fflush(stdout);
    t->blocked_step = -1;
  } else if (m[0] == 'A') {
    p = m + 2;
    long nr = u_getl(&p);
    long st = u_getl(&p);
    char body[64];
    snprintf(body, sizeof body, "i:%ld s:%ld", nr, st);
    record_reap(t, body);
  }
}

static void on_hello(int slot, const char *m) {
  int fd = pending_fd[slot];
  pending_fd[slot] = pending_fd[--npending];
  const char *p = m + 2;
  char label[72];
  u_word(&p, label, sizeof label);
  int tid = (int)u_getl(&p), pid = (int)u_getl(&p);
  int i = reg_add_from_hello(fd, label, tid, pid, g_pump.cur_actor);
  if (i < 0) {
    fprintf(stderr, "driver: could not register task %s\n", label);
    close(fd);
  }
}

int pump(int timeout_ms) {
  struct pollfd pf[MAX_TASKS + 65];
  int who[MAX_TASKS + 65];
  int n = 0;
  pf[n].fd = g_pump.listen_fd, pf[n].events = POLLIN, who[n++] = -1000;
  for (int i = 0; i < npending; i++) pf[n].fd = pending_fd[i], pf[n].events = POLLIN, who[n++] = -1 - i;
  for (int i = 0; i < g_ntask; i++)
    if (g_task[i].fd >= 0) pf[n].fd = g_task[i].fd, pf[n].events = POLLIN, who[n++] = i;
  int r = poll(pf, (nfds_t)n, timeout_ms);
  if (r <= 0) return 0;
  int handled = 0;
  /* pending slots move when one is consumed: handle them from the highest index down */
  for (int k = n - 1; k >= 0; k--) {
    if (!pf[k].revents) continue;
    handled++;
    if (who[k] == -1000) {
      int fd = accept4(g_pump.listen_fd, NULL, NULL, SOCK_CLOEXEC);
      if (fd >= 0 && npending < 64) pending_fd[npending++] = fd;
      else if (fd >= 0) close(fd);
      continue;
    }
    char m[MSG_MAX];
    long got = recv(pf[k].fd, m, sizeof m - 1, MSG_DONTWAIT);
    if (got == -1 && errno == EAGAIN) continue;
    if (who[k] < 0) {
      int slot = -1 - who[k];
      if (got > 0 && m[0] == 'H') {
        m[got] = 0;
        on_hello(slot, m);
      } else {
        close(pending_fd[slot]);
        pending_fd[slot] = pending_fd[--npending];
      }
      continue;
    }
    struct task *t = &g_task[who[k]];
    if (got <= 0) {
      close(t->fd);
      t->fd = -1;
      continue;
    }
    m[got] = 0;
    on_task_message(who[k], m);
  }
  return handled;
}

/* Timers on this kind of VM can be as coarse as a jiffy, so settling never sleeps on a timeout:
 * it polls without waiting and yields, until three rounds in a row see nothing running and no
 * message in flight (a task woken by a step is RUNNING from the moment the waker returns).
 * An init in its namespace's teardown sleeps between reaps, so while one exists the quiet
 * must also have lasted EXITING_QUIET_MS; so must it WAKING_QUIET_MS after an exit while some
 * task is blocked in wait. */
#define EXITING_QUIET_MS 60
#define WAKING_QUIET_MS 40

/* running, in uninterruptible sleep, being released (X = EXIT_DEAD, still listed in /proc), or a
 * zombie still running the end of do_exit */
static int task_busy(const struct task *t) {
  if (t->gone) return 0;
  if (t->state == 'Z') return !t->zombie_done;
  return t->state != 'S' && t->state != 'T' && t->state != 't';
}

static int has_live_thread(int leader) {
  for (int i = 0; i < g_ntask; i++)
    if (g_task[i].leader == leader && g_task[i].is_thread && !g_task[i].gone && g_task[i].state != 'Z') return 1;
  return 0;
}

/* a zombie whose parent ignores SIGCHLD is about to be released (by whoever handed it over) */
static int zombie_in_transit(int i) {
  int ppid = -1, pg[MAX_LEVELS], sd[MAX_LEVELS];
  if (g_task[i].gone || g_task[i].state != 'Z' || g_task[i].is_thread || has_live_thread(i)) return 0;
  if (reg_status_lines(&g_task[i], &ppid, pg, sd, MAX_LEVELS) < 0 || ppid < 0) return 0;
  return reg_status_bit(&g_task[ppid], "SigIgn", SIGCHLD - 1);
}

/* a task blocked in wait: after an exit the kernel may be about to wake it (or not, if the child
 * does not match its wait), which can take a while on a loaded machine */
static int waiter_may_wake(void) {
  for (int i = 0; i < g_ntask; i++)
    if (g_task[i].blocked_step >= 0 && !g_task[i].gone) return 1;
  return 0;
}

/* An exit can go on releasing other tasks after the exiting task itself is gone (the zombies it
 * handed to a parent that ignores SIGCHLD are released after it): after a step in which some task
 * exited, every task is looked at again, done zombies included, and none may be in transit. */
static int confirm_after_exits(void) {
  static long seen;
  if (g_exits == seen) return 1;
  long before = g_exits;
  int transit = 0;
  for (int i = 0; i < g_ntask; i++) reg_refresh(&g_task[i]);
  for (int i = 0; i < g_ntask && !transit; i++) transit = task_busy(&g_task[i]) || zombie_in_transit(i);
  seen = g_exits;
  return g_exits == before && !transit;
}

/* A task the kernel has sent SIGKILL but that has not yet run to die of it: on a loaded machine
 * it can sleep on, looking settled, after the exit that killed it (a namespace's teardown
 * killing the other thread of a zombie leader, whose exit code changes when that thread goes).
 * One already exiting (an init waiting in its namespace's teardown) is left to `exiting`. */
static int kill_pending(void) {
  for (int i = 0; i < g_ntask; i++) {
    const struct task *t = &g_task[i];
    if (t->gone || t->state == 'Z' || t->exiting) continue;
    if (reg_status_bit(t, "SigPnd", SIGKILL - 1) || reg_status_bit(t, "ShdPnd", SIGKILL - 1)) return 1;
  }
  return 0;
}

int settle(int max_ms) {
  long deadline = now_ms() + max_ms, quiet_since = now_ms(), exits = g_pump.exits_mark;
  int quiet = 0;
  while (now_ms() < deadline) {
    int busy = pump(0) > 0 || npending > 0, exiting = 0;
    for (int i = 0; i < g_ntask && !busy; i++) {
      struct task *t = &g_task[i];
      /* a zombie that finished exiting only ever changes by being reaped, which its reaper's
       * own state reveals */
      if (t->state != 'Z' || !t->zombie_done) reg_refresh(t);
      busy |= task_busy(t);
      exiting |= !t->gone && t->exiting;
    }
    if (busy) quiet = 0, quiet_since = now_ms();
    else quiet++;
    if (quiet >= 3 && (!exiting || now_ms() - quiet_since >= EXITING_QUIET_MS)) {
      if (!confirm_after_exits() || kill_pending()) quiet = 0;
      else if (g_exits == exits || now_ms() - quiet_since >= WAKING_QUIET_MS || !waiter_may_wake()) return 0;
    }
    sched_yield();
  }
  return -1;
}
