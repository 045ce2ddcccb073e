/**
 * Reads the `title:`, `about:` and `checked:` headers of a scenario for menus and file names,
 * without running it (headers are the `key: value` lines before the first statement).
 */

export function readHeaders(text: string): { title: string | null; about: string; checked: string | null } {
  let title: string | null = null;
  let checked: string | null = null;
  const about: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const m = /^([a-z_]+):\s*(.*)$/.exec(line);
    if (!m) break;
    if (m[1] === 'title') title = m[2] ?? '';
    if (m[1] === 'about') about.push(m[2] ?? '');
    if (m[1] === 'checked') checked = m[2] ?? '';
  }
  return { title, about: about.join(' '), checked };
}

/** a file name for downloading the scenario, from its title */
export function fileNameFor(text: string): string {
  const slug = (readHeaders(text).title ?? 'scenario').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return `${slug || 'scenario'}.pidns`;
}
