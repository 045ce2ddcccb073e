/**
 * The engine's side of the comparison: `runScenario(text, { steps: true })` from src/scenario,
 * the same document `pidns-lab run --json` prints. Looked up at run time so the runner also works
 * (against each scenario's own expectations) before the engine exists.
 */
import type { RunDocument } from './types.ts';

export type EngineRun = (text: string) => RunDocument;

export async function loadEngine(): Promise<EngineRun | null> {
  const mod: Record<string, unknown> = await import('../scenario/index.ts');
  const run = mod['runScenario'];
  if (typeof run !== 'function') return null;
  return (text: string) => {
    const out: unknown = run(text, { steps: true });
    return (typeof out === 'string' ? JSON.parse(out) : out) as RunDocument;
  };
}
