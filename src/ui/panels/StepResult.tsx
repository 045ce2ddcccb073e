/**
 * The statement at the current step, what it returned and the rule behind it in one line (a
 * failed call: its errno and why).
 */
import type { AppState } from '../../store/store.ts';
import { useApp } from '../StoreContext.tsx';

const selectInfo = (s: AppState) => s.frame?.stepInfo ?? null;
const selectWhy = (s: AppState) => s.frame?.why ?? null;

export function StepResult() {
  const info = useApp(selectInfo);
  const why = useApp(selectWhy);
  if (!info) return <p className="step-result ns-dim" aria-live="polite">The world before the first statement.</p>;
  const mark = info.pass === false ? ` ✗ expected ${info.expect}` : info.pass ? ' ✓' : '';
  const later = info.settledAt === null ? null : `blocks; returns ${info.result ?? 'nothing'} at step ${info.settledAt}`;
  return (
    <p className={`step-result${info.pass === false ? ' failed' : ''}`} aria-live="polite">
      <span className="ns-dim">line {info.line}:</span> <code>{info.text}</code>
      {' → '}<strong>{later ?? info.result ?? (info.op === 'wait' ? 'blocked' : 'done')}</strong>{mark}
      {why ? <span className={/^E[A-Z]+$/.test(info.result ?? '') ? 'why' : 'ns-dim'}> — {why}</span> : null}
    </p>
  );
}
