/**
 * The built-in scenarios: every `scenarios/library/*.pidns` file, bundled as text by Vite, with
 * the title and about lines read from its headers. Only the default scenario is in the first
 * load; the others are fetched when the library is first opened (`loadLibrary`).
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

export const DEFAULT_FILE = 'rfc-test1-test2.pidns';

const first = import.meta.glob<string>('/scenarios/library/rfc-test1-test2.pidns', { query: '?raw', import: 'default', eager: true });
const rest = import.meta.glob<string>(['/scenarios/library/*.pidns', '!/scenarios/library/rfc-test1-test2.pidns'], {
  query: '?raw', import: 'default',
});

function entry(path: string, text: string): LibraryEntry {
  const file = path.slice(path.lastIndexOf('/') + 1);
  const headers = readHeaders(text);
  return { file, text, title: headers.title ?? file, about: headers.about, checked: headers.checked };
}

/** the entries known so far: the default one, and all of them once the library was loaded */
let known: LibraryEntry[] = Object.entries(first).map(([path, text]) => entry(path, text));
let loading: Promise<LibraryEntry[]> | null = null;

/** every entry, sorted by title (fetched once) */
export function loadLibrary(): Promise<LibraryEntry[]> {
  loading ??= Promise.all(Object.entries(rest).map(async ([path, load]) => entry(path, await load())))
    .then((others) => {
      known = [...known, ...others].sort((a, b) => a.title.localeCompare(b.title));
      return known;
    });
  return loading;
}

/** The `checked:` claim of a built-in scenario shown unmodified, else null (an edit voids it). */
export function checkedClaim(text: string): string | null {
  return known.find((e) => e.text === text)?.checked ?? null;
}

export function libraryText(file: string): string | null {
  return known.find((e) => e.file === file)?.text ?? null;
}
