/**
 * How the address asks the page to be shown: `?embed` (a read-only player for another site's
 * <iframe>) or `?present` (straight into the presentation). The query goes before the fragment
 * (see src/scenario/address.ts), so links made before these modes open unchanged.
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
