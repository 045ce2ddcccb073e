/* Label bookkeeping the language requires of any runner (see labels.c). */
#ifndef PIDNS_LABELS_H
#define PIDNS_LABELS_H

#include <stddef.h>

/* an `as LABEL` whose creating call failed: the label stays bound, to no task */
void label_without_task(const char *label);
/* the automatic label a successful fork/clone by `actor` would give now */
void next_automatic_label(const char *actor, char *out, size_t cap);
/* the same, and counts it as given */
void take_automatic_label(const char *actor, char *out, size_t cap);
/* the first `l:LABEL` argument in args that names no task, or NULL */
const char *unbound_label(const char *args);

#endif
