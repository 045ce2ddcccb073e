/**
 * The label table of a run. Every label is bound once for the whole run and never reused:
 * `init` from the start; a label written with `as` when its statement runs (even if the call
 * fails, so that the name keeps one meaning); an automatic label when a `fork`/`clone` without
 * `as` creates a task. Automatic labels are `ACTOR.N`, N = 1, 2, … counted per actor, skipping
 * any name already bound, so they never collide with an earlier label; a later `as` that names an
 * automatic label is an error, like any reuse.
 *
 * One entry per label, a small integer (this runs once per created task): a task id (≥ 0), or the
 * negated line of the call that failed to create the task. The line that bound a label is looked
 * up only to word an error.
 *
 * A label that ends in a number written without a leading zero (`ls17`, `shell.3`: what a
 * repeat's `{i}` and the automatic labels make, by the thousand) is kept under its stem, in an
 * array indexed by that number; any other label is a key of one map. A map of tens of thousands
 * of string keys costs about a microsecond per new key (its table is rehashed as it grows, and
 * every key is hashed and compared as a string), an array slot a few nanoseconds: the fork bomb's
 * labels took a sixth of its warm run.
 */
import type { TaskId } from '../kernel/index.ts';
import { D, type Problem } from './diagnostics.ts';

/** Longer numbers go to the map: an array that long would be sparse anyway (a repeat counts to
 * 4194304, seven digits). */
const MAX_DIGITS = 7;
const ZERO = 48;

/**
 * Where the number that ends `label` starts (written without a leading zero, at most MAX_DIGITS
 * digits, after a stem of at least one character), or -1 when it has none.
 */
function numberStart(label: string): number {
  let cut = label.length;
  while (cut > 0 && (label.charCodeAt(cut - 1) - ZERO) >>> 0 <= 9) cut -= 1;
  const digits = label.length - cut;
  if (cut === 0 || digits === 0 || digits > MAX_DIGITS) return -1;
  return digits > 1 && label.charCodeAt(cut) === ZERO ? -1 : cut;
}

function numberAt(label: string, cut: number): number {
  let n = 0;
  for (let i = cut; i < label.length; i++) n = 10 * n + label.charCodeAt(i) - ZERO;
  return n;
}

export class LabelTable {
  private readonly named = new Map<string, number>([['init', 0]]);
  private readonly numbered = new Map<string, (number | undefined)[]>();
  /** the stem met last and its array: a loop's labels share one, so most calls slice nothing */
  private lastStem = '';
  private lastSlots: (number | undefined)[] = [];
  private readonly autoCount = new Map<string, number>();
  private readonly byTask: string[] = ['init'];
  /** the line that bound each task's label (0 for init) */
  private readonly lineOfTask: number[] = [0];
  private readonly automaticTasks = new Set<TaskId>();

  /** The task labelled `label`, or the problem to report. */
  lookup(label: string): TaskId | Problem {
    const v = this.get(label);
    if (v === undefined) return D.unknownLabel(label);
    return v >= 0 ? v : D.labelWithoutTask(label, -v);
  }

  /** Checks that `label` is free; the problem to report otherwise. */
  checkFree(label: string): Problem | null {
    const v = this.get(label);
    if (v === undefined) return null;
    if (v < 0) return D.labelUsed(label, -v);
    return D.labelUsed(label, this.automaticTasks.has(v) ? null : this.lineOfTask[v] ?? 0);
  }

  /** The next automatic label for a child of `actor` (taken only by `bindAutomatic`). */
  automatic(actor: string): string {
    let n = this.autoCount.get(actor) ?? 0;
    let label: string;
    do label = `${actor}.${(n += 1)}`;
    while (this.get(label) !== undefined);
    return label;
  }

  /** Binds a label written with `as` on `line`; `task` is null when the call failed. */
  bind(label: string, task: TaskId | null, line: number): void {
    this.set(label, task ?? -line);
    if (task !== null) {
      this.byTask[task] = label;
      this.lineOfTask[task] = line;
    }
  }

  /** Binds `label`, what `automatic(actor)` gave before the call, to the task just created, on `line`. */
  bindAutomatic(actor: string, label: string, task: TaskId, line: number): void {
    this.autoCount.set(actor, Number(label.slice(actor.length + 1)));
    this.set(label, task);
    this.byTask[task] = label;
    this.lineOfTask[task] = line;
    this.automaticTasks.add(task);
  }

  labelOf(task: TaskId): string {
    return this.byTask[task] ?? `#${task}`;
  }

  private get(label: string): number | undefined {
    const cut = numberStart(label);
    if (cut < 0) return this.named.get(label);
    return this.slots(label, cut, false)?.[numberAt(label, cut)];
  }

  private set(label: string, value: number): void {
    const cut = numberStart(label);
    if (cut < 0) this.named.set(label, value);
    else (this.slots(label, cut, true) as (number | undefined)[])[numberAt(label, cut)] = value;
  }

  /** The array of the stem `label.slice(0, cut)`, made when `create` (else undefined if none). */
  private slots(label: string, cut: number, create: boolean): (number | undefined)[] | undefined {
    if (cut === this.lastStem.length && label.startsWith(this.lastStem)) return this.lastSlots;
    const stem = label.slice(0, cut);
    let slots = this.numbered.get(stem);
    if (slots === undefined) {
      if (!create) return undefined;
      slots = [];
      this.numbered.set(stem, slots);
    }
    this.lastStem = stem;
    this.lastSlots = slots;
    return slots;
  }
}
