/*
 * Raw system calls for the conformance driver.
 *
 * Invariant: task-side code never touches errno, stdio or malloc. Scenario tasks created with
 * CLONE_VM (threads, vfork-like children) share memory and TLS with their creator while both run,
 * so every call returns -errno in its own register and all task state lives on the task's stack.
 */
#ifndef PIDNS_SYS_H
#define PIDNS_SYS_H

#include <stddef.h>
#include <stdint.h>
#include <sys/syscall.h>

static inline long rsys(long n, long a, long b, long c, long d, long e, long f) {
  register long r10 __asm__("r10") = d;
  register long r8 __asm__("r8") = e;
  register long r9 __asm__("r9") = f;
  long ret;
  __asm__ volatile("syscall"
                   : "=a"(ret)
                   : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8), "r"(r9)
                   : "rcx", "r11", "memory");
  return ret;
}
#define SYS0(n) rsys((n), 0, 0, 0, 0, 0, 0)
#define SYS1(n, a) rsys((n), (long)(a), 0, 0, 0, 0, 0)
#define SYS2(n, a, b) rsys((n), (long)(a), (long)(b), 0, 0, 0, 0)
#define SYS3(n, a, b, c) rsys((n), (long)(a), (long)(b), (long)(c), 0, 0, 0)
#define SYS4(n, a, b, c, d) rsys((n), (long)(a), (long)(b), (long)(c), (long)(d), 0, 0)
#define SA_RESTORER_FLAG 0x04000000
#define SYS5(n, a, b, c, d, e) rsys((n), (long)(a), (long)(b), (long)(c), (long)(d), (long)(e), 0)

#ifndef SYS_clone3
#define SYS_clone3 435
#endif
#ifndef SYS_pidfd_open
#define SYS_pidfd_open 434
#endif
#ifndef SYS_pidfd_send_signal
#define SYS_pidfd_send_signal 424
#endif

/* clone flags (include/uapi/linux/sched.h) */
#define F_CLONE_VM 0x00000100L
#define F_CLONE_FS 0x00000200L
#define F_CLONE_SIGHAND 0x00000800L
#define F_CLONE_PARENT 0x00008000L
#define F_CLONE_THREAD 0x00010000L
#define F_CLONE_NEWNS 0x00020000L
#define F_CLONE_NEWPID 0x20000000L

struct clone3_args {
  uint64_t flags, pidfd, child_tid, parent_tid, exit_signal, stack, stack_size, tls, set_tid,
      set_tid_size, cgroup;
};

/* pidfs (include/uapi/linux/pidfd.h, 6.15+): exit status survives the reap */
struct pidfd_info_v0 {
  uint64_t mask, cgroupid;
  uint32_t pid, tgid, ppid, ruid, rgid, euid, egid, suid, sgid, fsuid, fsgid;
  int32_t exit_code;
};
#define PIDFD_INFO_EXIT_BIT (1UL << 3)
#define PIDFD_GET_INFO_CMD 0xc040ff0bUL /* _IOWR(0xFF, 11, 64 bytes) */
#define PIDFD_THREAD_FLAG 0x80          /* O_EXCL */

/*
 * clone3 whose child starts on `stack` and runs fn(arg), then exits its thread with fn's value.
 * Returns like the syscall (child's pid or -errno) in the caller.
 */
long clone3_on_stack(struct clone3_args *args, size_t size, int (*fn)(void *), void *arg);

/* fixed descriptors every scenario task holds (each task has its own fd table) */
#define FD_CHAN 3   /* SOCK_SEQPACKET connection to the controller */
#define FD_EXE 6    /* O_PATH descriptor of the driver binary, for `exec` */

#endif
