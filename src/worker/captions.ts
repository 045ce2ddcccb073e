/**
 * The `##` narration shown at a step: the captions of the last captioned statement at or before
 * it (several `##` lines in a row are shown together). Looked up here, in the worker, so that a
 * caption repeated by a loop a million times never crosses to the page as a million strings.
 */

/** a caption, shown from `step` on (captions are kept in ascending order of step) */
export interface StepCaption {
  step: number;
  text: string;
}

/** the narration at `step`, or null before the first caption (binary search: captions may be many) */
export function captionAt(captions: readonly StepCaption[], step: number): string | null {
  let lo = 0;
  let hi = captions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((captions[mid]?.step ?? Infinity) <= step) lo = mid + 1;
    else hi = mid;
  }
  const at = captions[lo - 1]?.step;
  if (at === undefined) return null;
  const shown: string[] = [];
  for (let i = lo - 1; i >= 0 && captions[i]?.step === at; i--) shown.unshift(captions[i]?.text ?? '');
  return shown.join(' ');
}
