/**
 * How the page is shown: the full page, a presentation for a projector, or a read-only player
 * in another site's <iframe> (`?embed`). Embedding is fixed by the address for the page's
 * lifetime; a presentation is entered and left (Present, `p`, Escape), and a link can open
 * straight into it (`?present`). The query goes before the fragment, so the fragment stays
 * exactly what `pidns-lab url` prints and links made before these modes open unchanged.
 */
export interface PageMode {
  embed: boolean;
  present: boolean;
}

/** `?embed`, `?present` (with or without a value, among other parameters) */
export function readPageMode(search: string): PageMode {
  const params = new URLSearchParams(search);
  return { embed: params.has('embed'), present: params.has('present') };
}

/** `base` (an address, its fragment dropped) with the mode's parameter added or removed */
export function withMode(base: string, mode: keyof PageMode | null): string {
  const url = new URL(base);
  url.hash = '';
  url.searchParams.delete('embed');
  url.searchParams.delete('present');
  // URLSearchParams writes `embed=`; the bare word is what people type and read
  const query = url.search.slice(1);
  const parts = [query, mode ?? ''].filter((p) => p !== '');
  url.search = '';
  return `${url.href}${parts.length > 0 ? `?${parts.join('&')}` : ''}`;
}
