// Which Chromium the end-to-end tests drive: $PIDNS_CHROMIUM if set, else Debian's
// /usr/bin/chromium, else Playwright's own build if `npx playwright install chromium` put one
// there; null when there is none. Run as a script it prints the path, or one line saying what to
// install and exits 1 (scripts/test-all.sh then skips the end-to-end part).
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';

export const INSTALL_HINT =
  'no Chromium for the end-to-end tests: install Debian\'s (apt-get install chromium) or Playwright\'s (npx playwright install chromium)';

/** @param {(path: string) => boolean} exists */
export function findChromium(exists = existsSync) {
  const candidates = [process.env.PIDNS_CHROMIUM, '/usr/bin/chromium', chromium.executablePath()];
  return candidates.find((path) => path !== undefined && path !== '' && exists(path)) ?? null;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const found = findChromium();
  console.log(found ?? INSTALL_HINT);
  process.exit(found === null ? 1 : 0);
}
