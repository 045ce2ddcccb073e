/**
 * The composition root: starts the engine worker, creates the store, opens the scenario the
 * address asks for (a share link, or the RFC's Test1/Test2 by default), keeps the address and
 * the local autosave in step with what is shown, and renders the page.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { offerSaved, startAutosave, tabKey } from './store/autosave.ts';
import { browserStorage } from './store/browser-storage.ts';
import { indexedTexts } from './store/bulk-texts.ts';
import { startUrlSync } from './store/url-sync.ts';
import { readPageMode } from './store/mode.ts';
import { createAppStore } from './store/store.ts';
import { App } from './ui/App.tsx';
import { DEFAULT_FILE, libraryText } from './ui/library.ts';
import { StoreProvider } from './ui/StoreContext.tsx';
import { startOfflineSupport } from './ui/offline/updates.ts';
import { openLessonInAddress, startLessonAddressSync } from './ui/teaching/openLesson.ts';
import { startProgressSync } from './store/progress-sync.ts';
import './ui/styles.css';
import { createEngineClient, type EnginePort } from './worker/client.ts';
import type { Request } from './protocol/index.ts';

function spawnEngine(): EnginePort {
  const worker = new Worker(new URL('./worker/engine.worker.ts', import.meta.url), { type: 'module' });
  const port: EnginePort = {
    postMessage: (message: Request) => worker.postMessage(message),
    terminate: () => worker.terminate(),
    onmessage: null,
    onerror: null,
  };
  worker.onmessage = (event) => port.onmessage?.({ data: event.data });
  worker.onerror = (event) => {
    event.preventDefault();
    port.onerror?.({ message: event.message || 'the engine worker failed' });
  };
  worker.onmessageerror = () => port.onerror?.({ message: 'a message from the engine could not be read' });
  return port;
}

const client = createEngineClient(spawnEngine);
const store = createAppStore({
  client,
  exercises: client,
  schedule: (task) => requestAnimationFrame(() => task()),
  now: () => performance.now(),
  mode: readPageMode(window.location.search),
});

const fallback = libraryText(DEFAULT_FILE) ?? '';
// An embed on another site may be refused storage: reading the property alone throws there.
const local = browserStorage(() => window.localStorage);
const bulk = indexedTexts(() => window.indexedDB);
const savedUnder = tabKey(browserStorage(() => window.sessionStorage), () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`);
// A lesson asked for by the address (`?lesson=03`, `#lesson=03`) opens with the learner's
// progress. Otherwise the engine decodes a link (a hostile one costs the worker, not the page);
// one that cannot be opened says why, and the default scenario opens instead.
startProgressSync(store, local, window);
startLessonAddressSync(store, window);
const first = openLessonInAddress(store, window.location, window.history)
  .then((opened) => opened || (window.location.hash.length > 1 && store.getState().openLink(window.location.hash)))
  .then(async (opened) => {
    if (!opened) await store.getState().load(fallback, 'keep');
    // long saved texts come from IndexedDB: the first scenario does not wait for them
    void offerSaved(store, local, savedUnder, bulk);
  });
// A link (or `#lesson=NN`) pasted into the address bar of an open page changes only the
// fragment: open it too. Only the fragment counts here: `?lesson` is the lesson already open.
window.addEventListener('hashchange', () => {
  const { pathname, hash } = window.location;
  void openLessonInAddress(store, { pathname, search: '', hash }, window.history)
    .then((lesson) => lesson || store.getState().openLink(hash));
});
// Autosave follows the visitor's edits only (loads do not count), so it starts at once: an edit
// made while the first scenario loads is kept too.
startAutosave(store, local, savedUnder, { lifecycle: window, bulk });
void first.then(() => startUrlSync(store, window.history, window.location, (link) => client.encodeLink(link)));
// The service worker (offline use) is set up once the first scenario shows: never in its way.
void first.then(startOfflineSupport);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <StoreProvider store={store}>
      <App />
    </StoreProvider>
  </StrictMode>,
);
