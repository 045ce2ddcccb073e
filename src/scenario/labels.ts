/**
 * The label table of a run. Every label is bound once for the whole run and never reused:
 * `init` from the start; a label written with `as` when its statement runs (even if the call
 * fails, so that the name keeps one meaning); an automatic label when a `fork`/`clone` without
 * `as` creates a task. Automatic labels are `ACTOR.N`, N = 1, 2, … counted per actor, skipping
 * any name already bound, so they never collide with an earlier label; a later `as` that names an
 * automatic label is an error, like any reuse.
 */
import type { TaskId } from '../kernel/index.ts';
import { D, type Problem } from './diagnostics.ts';

interface Binding {
  /** null when the call that was to create the task failed */
  task: TaskId | null;
  /** the line that bound it; 0 for `init`; null for an automatic label */
  line: number | null;
}

export class LabelTable {
  private readonly byLabel = new Map<string, Binding>([['init', { task: 0, line: 0 }]]);
  private readonly autoCount = new Map<string, number>();
  private readonly byTask: string[] = ['init'];

  /** The task labelled `label`, or the problem to report. */
  lookup(label: string): TaskId | Problem {
    const b = this.byLabel.get(label);
    if (b === undefined) return D.unknownLabel(label);
    if (b.task === null) return D.labelWithoutTask(label, b.line ?? 0);
    return b.task;
  }

  /** Checks that `label` is free; the problem to report otherwise. */
  checkFree(label: string): Problem | null {
    const b = this.byLabel.get(label);
    if (b === undefined) return null;
    return label === 'init' ? D.labelUsed(label, 0) : D.labelUsed(label, b.line);
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
    this.byLabel.set(label, { task, line });
    if (task !== null) this.byTask[task] = label;
  }

  /** Binds `automatic(actor)` to the task just created. */
  bindAutomatic(actor: string, task: TaskId): string {
    const label = this.automatic(actor);
    this.autoCount.set(actor, Number(label.slice(actor.length + 1)));
    this.byLabel.set(label, { task, line: null });
    this.byTask[task] = label;
    return label;
  }

  labelOf(task: TaskId): string {
    return this.byTask[task] ?? `#${task}`;
  }
}
