/**
 * The run document both sides produce, exactly the shape of `pidns-lab run --json`
 * (../shared/spec/cli-and-links.md), plus the raw facts the real-kernel driver reports.
 */
import type { JsonStep } from '../scenario/index.ts';

/** A step is written the same way by both sides: the engine's own type. */
export type StepDoc = JsonStep;

export interface PsRowDoc {
  pid: number;
  ppid: number;
  pgid: number;
  sid: number;
  stat: string;
  cmd: string;
  label: string;
}

export interface NamespaceDoc {
  name: string;
  level: number;
  parent: string | null;
  state: string;
  ps: PsRowDoc[];
}

export type ExitDoc = { code: number } | { signal: string };

export interface TaskDoc {
  label: string;
  ns: string;
  nspid: number[];
  state: string;
  exit: ExitDoc | null;
}

export interface RunDocument {
  ok: boolean;
  error: { line: number; message: string } | null;
  steps: StepDoc[];
  namespaces: NamespaceDoc[];
  tasks: TaskDoc[];
}

/** One JSON line of the driver's output (conformance/driver/ctl.c). */
export type DriverEvent =
  | { ev: 'step'; i: number; result: string | null }
  | { ev: 'done'; i: number; result: string }
  | { ev: 'error'; line: number; message: string }
  | { ev: 'harness'; message: string }
  | { ev: 'ns'; i: number; ino: number; level: number; parent: number; created: number }
  | DriverTask;

export interface DriverTask {
  ev: 'task';
  i: number;
  label: string;
  thread: 0 | 1;
  leader: number;
  ns: number;
  /** pid at every level from ns0 inward */
  nspid: number[];
  /** /proc state letter, or X once reaped */
  state: string;
  /** PF_EXITING while not a zombie: an init in its namespace's teardown */
  exiting: 0 | 1;
  /** raw wait status, or null when none is known */
  exit: number | null;
  exitSrc: 'wait' | 'peek' | 'pidfd' | 'stat' | 'none';
  /** task index of the parent process, -1 when outside ns0 or unknown */
  ppid: number;
  /** NSpgid / NSsid from ns0 inward */
  pgid: number[];
  sid: number[];
  cmd: string;
}

/** What a kernel run needs to know about each executed statement to document it. */
export interface StepInfo {
  line: number;
  actor: string;
  op: string;
  expect: string | null;
}
