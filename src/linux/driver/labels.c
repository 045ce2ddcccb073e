/*
 * The language's label rules that the controller must apply itself (see ../../src/scenario/labels.ts):
 * a label written with `as` is bound even when its call fails (it then names no task), and a
 * fork/clone without `as` names its child ACTOR.N, N counted per actor and given only on success,
 * skipping every name already bound.
 */
#define _GNU_SOURCE
#include "labels.h"
#include "ctl.h"
#include <stdio.h>
#include <string.h>

/* labels bound to no task, and how many automatic labels each actor has given */
static char g_dead_labels[MAX_TASKS][72];
static int g_ndead;
static struct { char actor[72]; int n; } g_auto[MAX_TASKS];
static int g_nauto;

static int label_bound(const char *l) {
  if (reg_find(l) >= 0) return 1;
  for (int i = 0; i < g_ndead; i++)
    if (!strcmp(g_dead_labels[i], l)) return 1;
  return 0;
}

static int *auto_counter(const char *actor) {
  for (int i = 0; i < g_nauto; i++)
    if (!strcmp(g_auto[i].actor, actor)) return &g_auto[i].n;
  if (g_nauto >= MAX_TASKS) return NULL;
  snprintf(g_auto[g_nauto].actor, sizeof g_auto[g_nauto].actor, "%s", actor);
  g_auto[g_nauto].n = 0;
  return &g_auto[g_nauto++].n;
}

/* the next automatic label for a child of `actor`; *n receives its number */
static void automatic_label(const char *actor, char *out, size_t cap, int *n) {
  int *c = auto_counter(actor);
  *n = c ? *c : 0;
  do snprintf(out, cap, "%s.%d", actor, ++*n);
  while (label_bound(out));
}

void label_without_task(const char *label) {
  if (g_ndead < MAX_TASKS) snprintf(g_dead_labels[g_ndead++], sizeof g_dead_labels[0], "%s", label);
}

void next_automatic_label(const char *actor, char *out, size_t cap) {
  int n;
  automatic_label(actor, out, cap, &n);
}

void take_automatic_label(const char *actor, char *out, size_t cap) {
  int n;
  automatic_label(actor, out, cap, &n);
  int *c = auto_counter(actor);
  if (c) *c = n;
}

/* the first `l:LABEL` argument that names no task (unknown, or its creating call failed) */
const char *unbound_label(const char *args) {
  static char bad[72];
  for (const char *p = strstr(args, "l:"); p; p = strstr(p + 2, "l:")) {
    if (p != args && p[-1] != ' ') continue;
    sscanf(p + 2, "%71s", bad);
    if (reg_find(bad) < 0) return bad;
  }
  return NULL;
}
