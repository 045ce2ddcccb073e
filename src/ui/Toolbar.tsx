/**
 * The header's tools: the library, open a `.pidns` file, download the scenario, export the
 * picture as SVG or PNG, and Share (copies the link of what is on screen, step and view).
 */
import { useRef, useState } from 'react';
import { errorText } from '../scenario/index.ts';
import type { AppState } from '../store/store.ts';
import { downloadText, readScenarioFile } from './files.ts';
import { fileNameFor, readHeaders } from './headers.ts';
import { LibraryMenu } from './LibraryMenu.tsx';
import { enterPresentation } from './present/enter.ts';
import { copyText, ShareDialog, type ShareLinks } from './share/ShareDialog.tsx';
import { checkedClaim } from './library.ts';
import { useApp, useStoreApi } from './StoreContext.tsx';

const selectTitle = (s: AppState) => s.loaded?.title ?? null;
const selectChecked = (s: AppState) => checkedClaim(s.text);

export function Toolbar() {
  const store = useStoreApi();
  const title = useApp(selectTitle);
  const checked = useApp(selectChecked);
  const fileRef = useRef<HTMLInputElement>(null);
  const [shared, setShared] = useState<{ links: ShareLinks; copied: boolean } | null>(null);

  async function share(): Promise<void> {
    await store.getState().settle();
    const s = store.getState();
    // the link code (the share-link codec) is loaded on first use, outside the first load
    const { currentLink } = await import('./share/useCurrentLink.ts');
    const links = { page: currentLink(s, null), embed: currentLink(s, 'embed'), present: currentLink(s, 'present'), title: s.loaded?.title ?? null };
    setShared({ links, copied: await copyText(links.page) });
  }

  async function exportPicture(kind: 'svg' | 'png'): Promise<void> {
    const s = store.getState();
    if (!s.frame) return;
    const base = fileNameFor(s.text).replace(/\.pidns$/, `-step-${s.frame.step}`);
    try {
      const picture = await import('./exportPicture.ts');
      await picture.exportPicture(s.frame, s.loaded?.title ?? 'pidns-lab', base, kind);
    } catch (error) {
      s.setNotice(`Could not export the picture: ${errorText(error)}.`);
    }
  }

  return (
    <header className="toolbar">
      <h1>pidns-lab</h1>
      <span className="scenario-title">{title ?? readHeaders(store.getState().text).title ?? 'Untitled scenario'}</span>
      {checked !== null ? (
        <span className="checked" title="npm run conformance ran this scenario on the real kernel and found every result, ps row and exit status identical">
          ✓ checked against {checked}
        </span>
      ) : null}
      <nav className="tools" aria-label="Scenario tools">
        <LibraryMenu />
        <button type="button" onClick={() => fileRef.current?.click()}>Open…</button>
        <input
          ref={fileRef} type="file" accept=".pidns,text/plain" hidden aria-label="Open scenario file"
          onChange={(e) => void openFile(store, e.currentTarget.files?.[0])}
        />
        <button type="button" onClick={() => downloadText(store.getState().text, fileNameFor(store.getState().text), 'text/plain')}>
          Download
        </button>
        <button type="button" onClick={() => void exportPicture('svg')}>Export SVG</button>
        <button type="button" onClick={() => void exportPicture('png')}>Export PNG</button>
        <button type="button" title="Show the tree and tables full screen, for a projector (p)" onClick={() => enterPresentation(store)}>Present</button>
        <button type="button" className="primary" onClick={() => void share()}>Share</button>
      </nav>
      {shared !== null ? <ShareDialog links={shared.links} linkCopied={shared.copied} onClose={() => setShared(null)} /> : null}
    </header>
  );
}

export async function openFile(store: ReturnType<typeof useStoreApi>, file: File | undefined): Promise<void> {
  try {
    const text = await readScenarioFile(file);
    await store.getState().replaceText(text, 'first', { viewer: null, selectedTask: null, selectedNs: null });
  } catch (error) {
    store.getState().setNotice(`Could not open the file: ${errorText(error)}`);
  }
}
