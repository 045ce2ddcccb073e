/**
 * Differences that any scenario meets on this machine because the host's own pid namespace sits
 * above the scenario's ns0 (docs/conformance.md, "Differences the host imposes"), recognised
 * from the two documents so that a file outside the corpus gets them named too. Pure.
 *
 * - The 32nd nested namespace fails one level early: where the engine's clone or unshare
 *   succeeded and Linux answered ENOSPC (R6).
 * - A set_tid array one element longer than the scenario's levels reaches the host's level:
 *   the engine answers EINVAL (R23), Linux looks the number up there (EEXIST, or success).
 * Either one decides every later step and the final tables, so the entry covers them (fromLine).
 */
import type { AllowEntry } from './allow-list.ts';
import type { RunDocument, StepDoc } from './types.ts';

const CREATING = new Set(['clone', 'fork', 'unshare']);

function depthLimit(e: StepDoc, k: StepDoc): boolean {
  return CREATING.has(e.op) && e.result !== null && !e.result.startsWith('E') && k.result === 'ENOSPC';
}

function setTidAtHostLevel(e: StepDoc, k: StepDoc): boolean {
  return e.op === 'clone' && e.result === 'EINVAL' && k.result !== 'EINVAL';
}

const REASONS = {
  depth: 'the host\'s own pid namespace takes one of the 32 levels, so the 32nd nested namespace fails with ENOSPC one level early (R6)',
  setTid: 'a set_tid element beyond the scenario\'s levels asks the host\'s level for that number (the engine, where ns0 is the root, answers EINVAL: R23)',
} as const;

/** The host-imposed allowance for `scenario`, from the first step where one of the rules applies. */
export function hostImposed(scenario: string, engine: RunDocument, kernel: RunDocument): AllowEntry[] {
  for (const [i, e] of engine.steps.entries()) {
    const k = kernel.steps[i];
    if (k === undefined || k.line !== e.line || k.result === e.result) continue;
    const rule = depthLimit(e, k) ? 'depth' : setTidAtHostLevel(e, k) ? 'setTid' : null;
    if (rule !== null) return [{ scenario, fromLine: e.line, category: 'host-imposed', reason: REASONS[rule] }];
    return [];
  }
  return [];
}
