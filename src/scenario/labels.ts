/**
 * The label table of a run. Every label is bound once for the whole run and never reused:
 * `init` from the start; a label written with `as` when its statement runs (even if the call
 * fails, so that the name keeps one meaning); an automatic label when a `fork`/`clone` without
 * `as` creates a task. Automatic labels are `ACTOR.N`, N = 1, 2, … counted per actor, skipping
 * any name already bound, so they never collide with an earlier label; a later `as` that names an
 * automatic label is an error, like any reuse.
 *
 * One map entry per label, a small integer (this runs once per created task): a task id (≥ 0),
 * or the negated line of the call that failed to create the task. The line that bound a label is
 * looked up only to word an error.
 */
import type { TaskId } from '../kernel/index.ts';
import { D, type Problem } from './diagnostics.ts';

export class LabelTable {
  private readonly byLabel = new Map<string, number>([['init', 0]]);
  private readonly autoCount = new Map<string, number>();
  private readonly byTask: string[] = ['init'];
  /** the line that bound each task's label (0 for init) */
  private readonly lineOfTask: number[] = [0];
  private readonly automaticTasks = new Set<TaskId>();

  /** The task labelled `label`, or the problem to report. */
  lookup(label: string): TaskId | Problem {
    const v = this.byLabel.get(label);
    if (v === undefined) return D.unknownLabel(label);
    return v >= 0 ? v : D.labelWithoutTask(label, -v);
  }

  /** Checks that `label` is free; the problem to report otherwise. */
  checkFree(label: string): Problem | null {
    const v = this.byLabel.get(label);
    if (v === undefined) return null;
    if (v < 0) return D.labelUsed(label, -v);
    return D.labelUsed(label, this.automaticTasks.has(v) ? null : this.lineOfTask[v] ?? 0);
  }

  /** The next automatic label for a child of `actor` (taken only by `bindAutomatic`). */
  automatic(actor: string): string {
    let n = this.autoCount.get(actor) ?? 0;
    let label: string;
    do label = `${actor}.${(n += 1)}`;
    while (this.byLabel.has(label));
    return label;
  }

  /** Binds a label written with `as` on `line`; `task` is null when the call failed. */
  bind(label: string, task: TaskId | null, line: number): void {
    this.byLabel.set(label, task ?? -line);
    if (task !== null) {
      this.byTask[task] = label;
      this.lineOfTask[task] = line;
    }
  }

  /** Binds `label`, what `automatic(actor)` gave before the call, to the task just created, on `line`. */
  bindAutomatic(actor: string, label: string, task: TaskId, line: number): void {
    this.autoCount.set(actor, Number(label.slice(actor.length + 1)));
    this.byLabel.set(label, task);
    this.byTask[task] = label;
    this.lineOfTask[task] = line;
    this.automaticTasks.add(task);
  }

  labelOf(task: TaskId): string {
    return this.byTask[task] ?? `#${task}`;
  }
}
