/**
 * The page: tools, problems, the player and its caption, then the namespace tree and the
 * editor, the pid tables, and the side panel (view as, inspector, actions, event log). A file
 * dropped anywhere on the page is opened as the scenario.
 */
import { Actions } from './panels/Actions.tsx';
import { Alerts } from './Alerts.tsx';
import { Caption } from './player/Caption.tsx';
import { EventLog } from './panels/EventLog.tsx';
import { Inspector } from './panels/Inspector.tsx';
import { NamespaceTree } from './tree/NamespaceTree.tsx';
import { PidTables } from './tables/PidTables.tsx';
import { Player } from './player/Player.tsx';
import { RestoreOffer } from './RestoreOffer.tsx';
import { ScenarioEditor } from './panels/ScenarioEditor.tsx';
import { StepResult } from './panels/StepResult.tsx';
import { Toolbar, openFile } from './Toolbar.tsx';
import { ViewAs } from './panels/ViewAs.tsx';
import { useShortcuts } from './player/useShortcuts.ts';
import { useApp, useStoreApi } from './StoreContext.tsx';
import { Classroom } from './present/Classroom.tsx';
import { FirstVisitGuide } from './guide/FirstVisitGuide.tsx';
import { UpdatePrompt } from './offline/UpdatePrompt.tsx';
import { GoalSlot } from './teaching/GoalSlot.tsx';
import { Lessons } from './teaching/Lessons.tsx';
import { Question } from './teaching/Question.tsx';
import { ToLessons } from './ToLessons.tsx';
import type { AppState } from '../store/store.ts';

const selectFrameStep = (s: AppState) => s.frame?.step ?? -1;
const selectBusy = (s: AppState) => s.loading;
const selectShownAs = (s: AppState): 'present' | 'embed' | null => (s.presenting ? 'present' : s.embed ? 'embed' : null);

export function App() {
  const store = useStoreApi();
  useShortcuts(store);
  const frameStep = useApp(selectFrameStep);
  const busy = useApp(selectBusy);
  const shownAs = useApp(selectShownAs);
  if (shownAs !== null) return <Classroom as={shownAs} frameStep={frameStep} busy={busy} />;
  return (
    <div
      className="app"
      data-frame-step={frameStep}
      aria-busy={busy}
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => {
        e.preventDefault();
        void openFile(store, e.dataTransfer.files[0]);
      }}
    >
      <Toolbar />
      <RestoreOffer />
      <Alerts />
      <UpdatePrompt />
      <FirstVisitGuide />
      <ToLessons />
      <Player />
      <Caption />
      <StepResult />
      <Question />
      <main className="stage">
        <div className="left">
          <NamespaceTree />
          <ScenarioEditor />
        </div>
        <div className="middle">
          <PidTables />
          <GoalSlot />
        </div>
        <aside className="side">
          <Lessons />
          <ViewAs />
          <Inspector />
          <Actions />
          <EventLog />
        </aside>
      </main>
    </div>
  );
}
