/*
 * Assembly pieces the task side needs without libc: clone3 onto a fresh stack, the signal
 * return trampoline for raw rt_sigaction, and a faulting store whose resume point a SIGSEGV
 * handler can jump to.
 */
#include "sys.h"

__asm__(
    ".text\n"
    ".globl clone3_on_stack\n"
    "clone3_on_stack:\n"
    "  push %r12\n"
    "  push %r13\n"
    "  mov %rdx, %r12\n"
    "  mov %rcx, %r13\n"
    "  mov $435, %eax\n"
    "  syscall\n"
    "  test %rax, %rax\n"
    "  jz 1f\n"
    "  pop %r13\n"
    "  pop %r12\n"
    "  ret\n"
    "1:\n"
    "  xor %ebp, %ebp\n"
    "  mov %r13, %rdi\n"
    "  call *%r12\n"
    "  mov %eax, %edi\n"
    "  mov $60, %eax\n"
    "  syscall\n"
    "  hlt\n"
    ".globl sig_restorer\n"
    "sig_restorer:\n"
    "  mov $15, %eax\n"
    "  syscall\n"
    "  hlt\n"
    ".globl fault_store\n"
    "fault_store:\n"
    ".globl fault_insn\n"
    "fault_insn:\n"
    "  movl $0, 0\n"
    ".globl fault_resume\n"
    "fault_resume:\n"
    "  ret\n");
