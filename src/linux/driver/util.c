/* Allocation-free helpers (see util.h); safe in tasks that share memory with their creator. */
#include "util.h"
#include "sys.h"
#include <sys/socket.h>

size_t u_strlen(const char *s) {
  size_t n = 0;
  while (s[n]) n++;
  return n;
}

int u_streq(const char *a, const char *b) {
  while (*a && *a == *b) a++, b++;
  return *a == *b;
}

void u_put(char *buf, size_t cap, size_t *pos, const char *s) {
  while (*s && *pos + 1 < cap) buf[(*pos)++] = *s++;
  buf[*pos] = 0;
}

void u_putl(char *buf, size_t cap, size_t *pos, long v) {
  char tmp[24];
  int n = 0;
  unsigned long u = v < 0 ? -(unsigned long)v : (unsigned long)v;
  do tmp[n++] = (char)('0' + u % 10); while ((u /= 10) && n < 23);
  if (v < 0) tmp[n++] = '-';
  char out[25];
  for (int i = 0; i < n; i++) out[i] = tmp[n - 1 - i];
  out[n] = 0;
  u_put(buf, cap, pos, out);
}

long u_getl(const char **p) {
  while (**p == ' ') (*p)++;
  int neg = 0;
  if (**p == '-') neg = 1, (*p)++;
  long v = 0;
  while (**p >= '0' && **p <= '9') v = v * 10 + (*(*p)++ - '0');
  return neg ? -v : v;
}

void u_word(const char **p, char *out, size_t cap) {
  size_t n = 0;
  while (**p == ' ') (*p)++;
  while (**p && **p != ' ') {
    if (n + 1 < cap) out[n++] = **p;
    (*p)++;
  }
  out[n] = 0;
}

static int hexval(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return 0;
}

size_t u_unhex(const char *hex, char *out, size_t cap) {
  size_t n = 0;
  while (hex[0] && hex[1] && n + 1 < cap) {
    out[n++] = (char)(hexval(hex[0]) * 16 + hexval(hex[1]));
    hex += 2;
  }
  out[n] = 0;
  return n;
}

long u_send(int fd, const char *msg) {
  return SYS4(SYS_sendto, fd, msg, u_strlen(msg), MSG_NOSIGNAL);
}

long u_recv(int fd, char *buf, size_t cap, int *passed_fd) {
  union { char raw[CMSG_SPACE(sizeof(int))]; struct cmsghdr align; } ctl;
  struct iovec iov = { buf, cap - 1 };
  struct msghdr mh = { 0 };
  mh.msg_iov = &iov;
  mh.msg_iovlen = 1;
  mh.msg_control = ctl.raw;
  mh.msg_controllen = sizeof ctl.raw;
  long n = SYS3(SYS_recvmsg, fd, &mh, MSG_CMSG_CLOEXEC);
  if (passed_fd) *passed_fd = -1;
  if (n < 0) return n;
  buf[n] = 0;
  struct cmsghdr *c = CMSG_FIRSTHDR(&mh);
  if (c && c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS && passed_fd) {
    int fd_in;
    __builtin_memcpy(&fd_in, CMSG_DATA(c), sizeof fd_in);
    *passed_fd = fd_in;
  }
  return n;
}
