/**
 * The course: every `scenarios/lessons/NN-slug.pidns`, in the order of NN. Only the list of names
 * is in the page's first load; a lesson's text is fetched (its own small chunk) when it is opened.
 */

export interface LessonEntry {
  /** the two digits of the file name: `?lesson=03` opens lesson 03 */
  id: string;
  /** the lesson's `title:` (read at build time: scripts/vite-scenario-title.ts) */
  name: string;
  load: () => Promise<string>;
}

const files = import.meta.glob<string>('/scenarios/lessons/*.pidns', { query: '?raw', import: 'default' });
const titles = import.meta.glob<string>('/scenarios/lessons/*.pidns', { query: '?title', import: 'default', eager: true });

export const LESSONS: LessonEntry[] = Object.entries(files)
  .flatMap(([path, load]) => {
    const match = /\/(\d+)-([^/]+)\.pidns$/.exec(path);
    if (!match) return [];
    const [, id = ''] = match;
    return [{ id, name: titles[path] ?? path, load }];
  })
  .sort((a, b) => Number(a.id) - Number(b.id));

/** `3`, `03` and `003` name the same lesson */
export function findLesson(id: string): LessonEntry | null {
  return LESSONS.find((l) => Number(l.id) === Number(id)) ?? null;
}
