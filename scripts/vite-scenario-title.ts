/**
 * `import title from './x.pidns?title'`: a scenario's `title:` header alone, read at build time,
 * so that a menu can name every lesson in the first load while each lesson's text stays in its own
 * chunk, fetched when it is opened. The file's name stands in for a missing title.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Plugin } from 'vite';
import { readHeaders } from '../src/scenario/headers.ts';

const QUERY = '?title';

export function scenarioTitle(): Plugin {
  return {
    name: 'pidns-scenario-title',
    load(id) {
      if (!id.endsWith(`.pidns${QUERY}`)) return null;
      const file = id.slice(0, -QUERY.length);
      this.addWatchFile(file);
      const title = readHeaders(readFileSync(file, 'utf8')).title ?? basename(file, '.pidns');
      return `export default ${JSON.stringify(title)};`;
    },
  };
}
