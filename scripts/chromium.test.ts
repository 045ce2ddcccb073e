import { chromium } from '@playwright/test';
import { describe, expect, it } from 'vitest';
import { findChromium, INSTALL_HINT } from './chromium.mjs';

describe('the Chromium of the end-to-end tests', () => {
  it("is Debian's when it is there", () => {
    expect(findChromium((p) => p === '/usr/bin/chromium' || p === chromium.executablePath())).toBe('/usr/bin/chromium');
  });
  it("is Playwright's own without Debian's", () => {
    expect(findChromium((p) => p === chromium.executablePath())).toBe(chromium.executablePath());
  });
  it('is none without either, and the hint names both installs', () => {
    expect(findChromium(() => false)).toBeNull();
    expect(INSTALL_HINT).toContain('apt-get install chromium');
    expect(INSTALL_HINT).toContain('npx playwright install chromium');
  });
});
