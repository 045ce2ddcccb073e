/**
 * Where the Goal of an exercise goes: nothing for an ordinary scenario; for an exercise, the
 * Goal region, whose code is fetched the first time an exercise appears.
 */
import { lazy, Suspense } from 'react';
import type { AppState } from '../../store/store.ts';
import { useApp } from '../StoreContext.tsx';

const Goal = lazy(() => import('./Goal.tsx'));
const selectIsExercise = (s: AppState) => s.exercise !== null;

export function GoalSlot() {
  const isExercise = useApp(selectIsExercise);
  if (!isExercise) return null;
  return (
    <Suspense fallback={<p className="ns-dim">Loading the goal…</p>}>
      <Goal />
    </Suspense>
  );
}
