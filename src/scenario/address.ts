/**
 * A whole share link: the page's address, the mode of showing it, the fragment. The mode is a
 * query parameter before the fragment — `?embed` (the read-only player for an <iframe>) or
 * `?present` (the presentation) — so the fragment itself stays the one `encodeFragment` makes
 * and a link without a mode is exactly as before. Plain string work: the scenario layer runs
 * in Node, the worker and the page alike.
 */
export type PageModeName = 'embed' | 'present';

const MODES: readonly string[] = ['embed', 'present'] satisfies readonly PageModeName[];
/** a scheme (`https:`, `http:`, `file:`) and something after it */
const ABSOLUTE = /^[a-z][a-z0-9+.-]*:\S/i;

/**
 * `base` (an absolute address; its fragment is dropped) with the mode's parameter set, or with
 * no mode parameter when `mode` is null. Other query parameters are kept as they were written.
 * Throws a RangeError when `base` is not an absolute address.
 */
export function pageAddress(base: string, mode: PageModeName | null): string {
  if (!ABSOLUTE.test(base)) throw new RangeError(`not an absolute address: ${base}`);
  const beforeHash = base.split('#', 1)[0] as string;
  const question = beforeHash.indexOf('?');
  const path = question < 0 ? beforeHash : beforeHash.slice(0, question);
  const params = question < 0 ? [] : beforeHash.slice(question + 1).split('&');
  const kept = params.filter((p) => p !== '' && !MODES.includes(p.split('=', 1)[0] as string));
  const query = [...kept, ...(mode === null ? [] : [mode])].join('&');
  return query === '' ? path : `${path}?${query}`;
}
