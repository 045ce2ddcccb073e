/**
 * Contrast of the page's colours (WCAG 2.x, text ≥ 4.5:1) in both themes: the CSS variables are
 * read from styles.css, and every text colour is checked on each background it is drawn on.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const css = readFileSync(new URL('./styles.css', import.meta.url), 'utf8');

/** the custom properties declared in the first `:root { … }` after `from` */
function theme(from: number): Record<string, string> {
  const start = css.indexOf(':root', from);
  const body = css.slice(css.indexOf('{', start) + 1, css.indexOf('}', start));
  return Object.fromEntries([...body.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1] ?? '', m[2] ?? '']));
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** text colour → the backgrounds it is drawn on (tables, tree, editor gutter, alerts, buttons) */
const USED: Record<string, string[]> = {
  ink: ['bg', 'panel', 'node', 'hot', 'chosen', 'fresh', 'dying', 'dead'],
  dim: ['bg', 'panel', 'node', 'dying', 'dead'],
  accent: ['bg', 'panel', 'node'],
  'accent-ink': ['accent'],
  zombie: ['bg', 'panel', 'hot', 'chosen'],
  bad: ['bg', 'panel', 'chosen'],
  ok: ['bg', 'panel', 'fresh'],
};

describe('colour contrast', () => {
  const light = theme(0);
  const dark = theme(css.indexOf('prefers-color-scheme: dark'));
  for (const [name, vars] of [['light', light], ['dark', dark]] as const) {
    it(`every text colour reaches 4.5:1 on its backgrounds in the ${name} theme`, () => {
      const low = Object.entries(USED).flatMap(([fg, bgs]) => bgs.flatMap((bg) => {
        const ratio = contrast(vars[fg] ?? '', vars[bg] ?? '');
        return ratio < 4.5 ? [`${fg} on ${bg}: ${ratio.toFixed(2)}`] : [];
      }));
      expect(Object.keys(vars).length).toBeGreaterThan(15);
      expect(low).toEqual([]);
    });
  }

  it('measures as WCAG does', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
});
