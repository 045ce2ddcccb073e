/**
 * The goal of an exercise (region "Goal"): the task in words, the goal state drawn by the same
 * tree and table components as the live world (under the names "Goal tree" and "Goal processes
 * in nsN"), Check solution with its verdict, the hints one at a time, and the solution on
 * request — read-only beside the learner's own attempt, which stays in the editor untouched.
 * Loaded on demand: only a page that shows an exercise fetches it.
 */
import { useMemo } from 'react';
import type { CheckVerdict } from '../../protocol/index.ts';
import { stillStore } from '../../store/readonly.ts';
import type { AppState } from '../../store/store.ts';
import { PidTables } from '../tables/PidTables.tsx';
import { NamespaceTree } from '../tree/NamespaceTree.tsx';
import { StoreProvider, useApp, useStoreApi } from '../StoreContext.tsx';
import { ViewNamesContext, type ViewNames } from '../viewNames.ts';

const GOAL_NAMES: ViewNames = {
  tree: 'Goal tree', table: (ns) => `Goal processes in ${ns}`, namespaces: 'Goal namespaces', tables: 'Goal pid tables',
  landmarks: false, ids: 'goal-', interactive: false,
};

const selectExercise = (s: AppState) => s.exercise;
const selectChecked = (s: AppState) => s.checked;
const selectHintsShown = (s: AppState) => s.hintsShown;
const selectSolutionShown = (s: AppState) => s.solutionShown;

export default function Goal() {
  const exercise = useApp(selectExercise);
  const checked = useApp(selectChecked);
  const hintsShown = useApp(selectHintsShown);
  const solutionShown = useApp(selectSolutionShown);
  const live = useStoreApi();
  const goal = useMemo(
    () => (exercise === null ? null : stillStore(live.getState(), {
      frame: exercise.view.frame, step: exercise.view.frame.step, playing: false, viewer: null,
      selectedTask: null, selectedNs: null, hoveredTask: null, windows: {},
    })),
    [live, exercise],
  );
  if (exercise === null || goal === null) return null;
  const { hints, solution } = exercise.view;
  const act = live.getState();
  return (
    <section className="panel goal" role="region" aria-label="Goal">
      <h2>Goal</h2>
      <p className="goal-text">{exercise.view.goal}</p>
      <div className="goal-actions">
        <button type="button" className="primary" onClick={() => void act.checkSolution()}>Check solution</button>
        <button type="button" disabled={hintsShown >= hints.length} onClick={() => act.showHint()}>Hint</button>
        <button type="button" disabled={solutionShown} onClick={() => act.showSolution()}>Show solution</button>
      </div>
      {checked === null ? null : <p role="status" className={`check ${checkMood(checked)}`}>{checkText(checked)}</p>}
      {hintsShown > 0 ? (
        <ol className="hints" aria-label="Hints">
          {hints.slice(0, hintsShown).map((hint, i) => <li key={i}>{hint}</li>)}
        </ol>
      ) : null}
      {solutionShown ? <pre className="solution" aria-label="Solution">{solution}</pre> : null}
      <StoreProvider store={goal}>
        <ViewNamesContext.Provider value={GOAL_NAMES}>
          <div className="goal-view">
            <NamespaceTree />
            <PidTables />
          </div>
        </ViewNamesContext.Provider>
      </StoreProvider>
    </section>
  );
}

function checkText(checked: CheckVerdict | 'checking'): string {
  if (checked === 'checking') return 'Checking your attempt…';
  if (checked.kind === 'solved') return 'Solved: your attempt reaches the goal.';
  if (checked.kind === 'not-solved') return `Not yet: ${checked.difference}.`;
  return `Not yet: ${checked.line > 0 ? `your attempt stops at line ${checked.line}: ` : ''}${checked.message}`;
}

function checkMood(checked: CheckVerdict | 'checking'): string {
  if (checked === 'checking') return '';
  return checked.kind === 'solved' ? 'right' : 'wrong';
}
