/**
 * The built-in scenarios: every `scenarios/library/*.pidns` file, bundled as text by Vite, with
 * the title and about lines read from its headers.
 */
import { readHeaders } from './headers.ts';

export interface LibraryEntry {
  file: string;
  title: string;
  about: string;
  /** the kernel the conformance runner found this scenario identical on, if any */
  checked: string | null;
  text: string;
}

const files = import.meta.glob<string>('/scenarios/library/*.pidns', { query: '?raw', import: 'default', eager: true });

export const LIBRARY: LibraryEntry[] = Object.entries(files)
  .map(([path, text]) => {
    const file = path.slice(path.lastIndexOf('/') + 1);
    const headers = readHeaders(text);
    return { file, text, title: headers.title ?? file, about: headers.about, checked: headers.checked };
  })
  .sort((a, b) => a.title.localeCompare(b.title));

export const DEFAULT_FILE = 'rfc-test1-test2.pidns';

/** The `checked:` claim of a built-in scenario shown unmodified, else null (an edit voids it). */
export function checkedClaim(text: string): string | null {
  return LIBRARY.find((e) => e.text === text)?.checked ?? null;
}

export function libraryText(file: string): string | null {
  return LIBRARY.find((e) => e.file === file)?.text ?? null;
}
