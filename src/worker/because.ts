/**
 * One line on why a call returned what it did: for an errno the failure's rule (why.ts), for a
 * success the rule of docs/kernel-semantics.md that decides the number (R-numbers in brackets).
 * A question's verdict quotes it, so the learner meets the rule right after predicting.
 */
import { whyFailed } from './why.ts';

const SUCCEEDED: Record<string, string> = {
  fork: "fork returns the child's number in the parent's own namespace; the child has one number per namespace it is in (R12, R39)",
  clone: "clone returns the child's number in the caller's own namespace; the child has one number per namespace it is in (R12, R39)",
  getpid: "getpid is the caller's number in its own namespace, the innermost one; outer namespaces know it by other numbers (R36)",
  gettid: "gettid is the thread's own number in its own namespace (R36)",
  getppid: "getppid is the parent's number in the caller's namespace, and 0 when the parent lives outside it (R37)",
  getpgid: "the group leader's number in the caller's namespace, and 0 when the leader lives outside it (R38)",
  getsid: "the session leader's number in the caller's namespace, and 0 when the leader lives outside it (R38)",
  nspid: "NSpid lists the task's number in every namespace it is in, the root's first and its own last (R1)",
  wait: "wait returns the reaped child's number in the waiter's namespace; with WNOHANG, 0 while no child has exited (R65, R67)",
  kill: 'kill returns 0 when the sender can see its target in its own namespace, even if the target then ignores or drops the signal (R69, R73)',
  unshare: 'unshare NEWPID moves nobody: only the children the caller makes next go into the new namespace (R29)',
  setns: 'setns moves nobody: only the children the caller makes next go into the joined namespace (R32)',
  setsid: 'setsid makes the caller the leader of a new session and group, named by its own number (R80)',
  setpgid: 'the target now belongs to that process group (R81)',
  ps: "ps lists the processes of the namespace that the /proc it reads was mounted in, not the caller's own (R42, R43)",
  mount: "a /proc mounted now shows the mounting task's own namespace from then on (R42)",
};

export function whyResult(op: string, result: string | null): string | null {
  if (result === null) return null;
  if (/^E[A-Z]+$/.test(result)) return whyFailed(op, result);
  return SUCCEEDED[op] ?? null;
}
