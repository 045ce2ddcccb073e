/**
 * What Share offers: the link of what is on screen, the `<iframe>` code to embed the player in
 * a course page, and the link that opens straight into the presentation. It says "copied" only
 * when the clipboard took the text; where it refused (an iframe, a plain-http host, a denied
 * permission) the text is selected in its field for copying by hand.
 */
import { useEffect, useRef, useState } from 'react';
import { iframeCode } from './embedCode.ts';
import './share.css';

export interface ShareLinks {
  page: string;
  embed: string;
  present: string;
  title: string | null;
}

type Copied = { what: 'link' | 'embed'; ok: boolean } | null;

/** true when the clipboard took `text` */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** `linkCopied`: whether Share's own press got the link into the clipboard */
export function ShareDialog({ links, linkCopied, onClose }: { links: ShareLinks; linkCopied: boolean; onClose: () => void }) {
  const [copied, setCopied] = useState<Copied>({ what: 'link', ok: linkCopied });
  const linkRef = useRef<HTMLInputElement>(null);
  const embedRef = useRef<HTMLTextAreaElement>(null);
  const code = iframeCode(links.embed, links.title);

  useEffect(() => {
    setCopied({ what: 'link', ok: linkCopied });
    if (!linkCopied) selectField(linkRef.current);
  }, [links.page, linkCopied]);

  async function copyEmbed(): Promise<void> {
    const ok = await copyText(code);
    setCopied({ what: 'embed', ok });
    if (!ok) selectField(embedRef.current);
  }

  return (
    <section className="share-dialog" aria-label="Share this step">
      <label className="share-field">
        <span>Link</span>
        <input ref={linkRef} readOnly value={links.page} aria-label="Share link" onFocus={(e) => e.currentTarget.select()} />
      </label>
      <CopyNote copied={copied} what="link" />
      <label className="share-field">
        <span>Embed in a course page</span>
        <textarea ref={embedRef} readOnly value={code} aria-label="Embed code" rows={3} onFocus={(e) => e.currentTarget.select()} />
      </label>
      <p className="share-actions">
        <button type="button" onClick={() => void copyEmbed()}>Copy embed code</button>
        <CopyNote copied={copied} what="embed" />
      </p>
      <label className="share-field">
        <span>Opens as a presentation</span>
        <input readOnly value={links.present} aria-label="Presentation link" onFocus={(e) => e.currentTarget.select()} />
      </label>
      <button type="button" className="link" onClick={onClose}>Close</button>
    </section>
  );
}

function selectField(field: HTMLInputElement | HTMLTextAreaElement | null): void {
  field?.focus();
  field?.select();
}

function CopyNote({ copied, what }: { copied: Copied; what: 'link' | 'embed' }) {
  if (copied?.what !== what) return null;
  return (
    <span className={`copy-note${copied.ok ? '' : ' refused'}`} aria-live="polite">
      {copied.ok ? 'Copied to the clipboard.' : 'The browser did not let the page copy it: it is selected above — copy it with Ctrl+C (⌘C on a Mac).'}
    </span>
  );
}
