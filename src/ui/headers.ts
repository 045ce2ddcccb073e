/**
 * The `title:`, `about:` and `checked:` headers of a scenario for menus and file names, without
 * running it: the language's own reading (src/scenario/headers.ts), `about:` lines joined.
 */
import { readHeaders as scenarioHeaders } from '../scenario/index.ts';

export function readHeaders(text: string): { title: string | null; about: string; checked: string | null } {
  const { title, about, checked } = scenarioHeaders(text);
  return { title, about: about.join(' '), checked };
}

/** a file name for downloading the scenario, from its title */
export function fileNameFor(text: string): string {
  const slug = (readHeaders(text).title ?? 'scenario').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return `${slug || 'scenario'}.pidns`;
}
