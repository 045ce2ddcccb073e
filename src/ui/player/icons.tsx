/**
 * The player's button icons, drawn as SVG so they look the same with any font. Decorative: the
 * buttons carry their names in aria-label.
 */
const PATHS = {
  first: 'M5 4h2v16H5zM19 4v16L8 12z',
  back: 'M18 4v16L7 12z',
  play: 'M7 4v16l12-8z',
  pause: 'M6 4h4v16H6zM14 4h4v16h-4z',
  forward: 'M6 4v16l11-8z',
  last: 'M17 4h2v16h-2zM5 4v16l11-8z',
} as const;

export function Icon({ name }: { name: keyof typeof PATHS }) {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} fill="currentColor" />
    </svg>
  );
}
