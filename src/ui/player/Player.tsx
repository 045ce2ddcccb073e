/**
 * The player (a region landmark named "Player"): First step, Step back, Play/Pause, Step forward, Last step, the speed, the
 * Timeline slider and the `Step N of M` status. Keyboard shortcuts live in useShortcuts.
 */
import { stepText } from '../../store/acts.ts';
import type { AppState } from '../../store/store.ts';
import { SPEEDS } from '../../store/player.ts';
import { useApp, useStoreApi } from '../StoreContext.tsx';
import { Icon } from './icons.tsx';

const selectStep = (s: AppState) => s.step;
const selectTotal = (s: AppState) => s.loaded?.total ?? 0;
const selectPlaying = (s: AppState) => s.playing;
const selectSpeed = (s: AppState) => s.speed;
const selectLoading = (s: AppState) => (s.loading ? s.progress : null);
/** `Step N of M`, or `Step N.i of M` while stopped at an act inside step N */
const selectStatus = (s: AppState) =>
  stepText(s.step, s.loaded?.total ?? 0, s.stepAct !== 0 && s.frame?.step === s.step ? s.frame.act : null);

export function Player() {
  const step = useApp(selectStep);
  const total = useApp(selectTotal);
  const playing = useApp(selectPlaying);
  const speed = useApp(selectSpeed);
  const loading = useApp(selectLoading);
  const status = useApp(selectStatus);
  const api = useStoreApi();
  const act = api.getState();
  return (
    <section className="player" aria-label="Player">
      <button type="button" aria-label="First step" title="First step (Home)" onClick={() => act.seek(0)}><Icon name="first" /></button>
      <button type="button" aria-label="Step back" title="Step back (←)" onClick={() => act.stepBy(-1)}><Icon name="back" /></button>
      <button
        type="button" className="play" aria-label={playing ? 'Pause' : 'Play'} title={playing ? 'Pause (Space)' : 'Play (Space)'}
        onClick={() => act.togglePlay()}
      >
        <Icon name={playing ? 'pause' : 'play'} />
      </button>
      <button type="button" aria-label="Step forward" title="Step forward (→)" onClick={() => act.stepBy(1)}><Icon name="forward" /></button>
      <button type="button" aria-label="Last step" title="Last step (End)" onClick={() => act.seek('last')}><Icon name="last" /></button>
      <input
        type="range" aria-label="Timeline" min={0} max={total} value={step} className="timeline"
        aria-valuetext={status}
        onChange={(e) => act.seek(Number(e.currentTarget.value))}
      />
      <output role="status" className="step-status">{status}</output>
      {loading !== null ? (
        <span className="busy">{loading > 0 ? `running the scenario… ${loading.toLocaleString('en')} steps` : 'running the scenario…'}</span>
      ) : null}
      <label className="speed">
        Speed
        <select value={speed} onChange={(e) => act.setSpeed(Number(e.currentTarget.value))}>
          {SPEEDS.map((s) => <option key={s} value={s}>{s >= 1000 ? `${s / 1000}k` : s}/s</option>)}
        </select>
      </label>
    </section>
  );
}
