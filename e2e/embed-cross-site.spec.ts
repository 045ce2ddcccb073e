/**
 * The embedded player on a course page of another site. Browsers that block third-party storage
 * (Chromium here, Safari, Firefox strict) throw on the mere read of `localStorage` or
 * `sessionStorage` inside such an iframe: the player must still show and play.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeFragment } from '../src/scenario/index.ts';
import { expect, test } from './fixtures.ts';

// no first-visit mark: setting it would itself touch the refused storage inside the frame
test.use({ firstVisit: true });

// the built site the preview server serves (playwright.config.ts names it after the port)
const port = Number(process.env.PIDNS_E2E_PORT ?? 4317);
const site = port === 4317 ? 'dist' : `dist-${port}`;

test('the embed plays inside an iframe of another site, where storage is refused', async ({ page, baseURL }) => {
  const player = new URL(`/?embed${encodeFragment('init fork as a\na unshare NEWPID\na fork as b\n')}`, baseURL).href;
  // the course page is served by the same server under another host name: another site
  const name = `course-${test.info().workerIndex}-${Date.now()}.html`;
  writeFileSync(join(site, name), `<!doctype html><link rel="icon" href="data:,"><title>OS course</title><h1>Week 5</h1><iframe src="${player}" title="pidns-lab" width="900" height="640"></iframe>`);
  test.info().attach('course page', { body: name });
  const course = new URL(`/${name}`, baseURL);
  course.hostname = 'localhost';
  await page.goto(course.href);
  rmSync(join(site, name));
  const frame = page.frameLocator('iframe[title="pidns-lab"]');
  await expect(frame.getByRole('status').filter({ hasText: 'Step' })).toContainText('Step 0 of 3');
  await frame.getByRole('button', { name: 'Last step' }).click();
  await expect(frame.getByRole('status').filter({ hasText: 'Step' })).toContainText('Step 3 of 3');
  await expect(frame.getByRole('table', { name: 'Processes in ns1' })).toBeVisible();
});
