/**
 * The preset deflate dictionary of link format v1: the words scenarios are made of, so that even
 * a short scenario compresses well. It is part of the format — changing one character breaks every
 * `#v1.` link ever made; a new dictionary needs a new format version.
 */
export const DICTIONARY_V1 = [
  'title: about: pid_max: ',
  'repeat end {i} {i+1} {i-1} pause WNOHANG set_tid= unshare NEWPID,NEWNS clone NEWPID,NEWNS,THREAD,SIGHAND,VM,PARENT,FS',
  'setns exec "/bin/sh" exit thread-exit signal default ignore handle setpgid gettid getpgid getsid nspid reap auto manual write ns_last_pid pid_max caps drop setuid sigmask block unblock pdeathsig fault reboot RESTART HALT POWER_OFF CAD_ON',
  'prctl SUBREAPER 1 mount proc ps KILL TERM INT HUP QUIT USR1 USR2 CHLD STOP CONT TSTP ALRM PIPE SEGV',
  ' EEXIST ENOSPC EAGAIN ENOENT ENOMEM EPERM ECHILD EINVAL ESRCH',
  "## The namespace's init is pid 1 of the new namespace; the host sees every process, under its own number.",
  'init fork as shell cmd "bash" => 2',
  'wait => 3',
  'getppid => 0',
  'getpid => 1',
  'kill => 0',
  '',
].join('\n');
