/*
 * Small allocation-free helpers shared by the task side and the controller: number formatting
 * and parsing, and message I/O on a SOCK_SEQPACKET channel (one message = one command/reply).
 */
#ifndef PIDNS_UTIL_H
#define PIDNS_UTIL_H

#include <stddef.h>

#define MSG_MAX 8192

size_t u_strlen(const char *s);
int u_streq(const char *a, const char *b);
/* appends at *pos inside buf (cap bytes, always NUL-terminated) */
void u_put(char *buf, size_t cap, size_t *pos, const char *s);
void u_putl(char *buf, size_t cap, size_t *pos, long v);
/* reads a signed decimal at *p, skipping leading spaces; advances *p */
long u_getl(const char **p);
/* copies the next space-delimited word at *p into out (cap bytes); advances *p */
void u_word(const char **p, char *out, size_t cap);
/* hex text <-> bytes (for cmd strings, which may hold spaces) */
size_t u_unhex(const char *hex, char *out, size_t cap);

/* one message on fd; returns bytes or -errno. recv also collects one passed fd (or -1). */
long u_send(int fd, const char *msg);
long u_recv(int fd, char *buf, size_t cap, int *passed_fd);

#endif
