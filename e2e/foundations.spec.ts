/**
 * Foundations of the page, tried as a visitor would: "View as" in a world too big to list,
 * typed text that is never lost (replaced, reloaded, another tab, full storage), an engine that
 * closes itself, hostile links, an export of hostile labels, and the page's security policy.
 */
import { readFile } from 'node:fs/promises';
import { deflateSync, strToU8 } from 'fflate';
import { squeeze, toBase64url } from '../src/scenario/codec-bytes.ts';
import { DICTIONARY_V1 } from '../src/scenario/codec-dictionary.ts';
import { encodeFragment } from '../src/scenario/index.ts';
import { atStep, expect, settled, table, test } from './fixtures.ts';

const CROWD = 'title: Crowd\ninit clone NEWPID as box\nrepeat 300\n  box fork as w{i}\nend\n';

test('View as finds one task among more than it lists, and shows what that task sees', async ({ page }) => {
  await page.goto(`/${encodeFragment(CROWD, 301)}`);
  await atStep(page, 301, 301);
  await settled(page);
  const viewAs = page.getByRole('combobox', { name: 'View as' });
  await expect(page.getByText('200 of 302 listed')).toBeVisible();
  expect(await viewAs.locator('option').count()).toBeLessThanOrEqual(201);
  await page.getByRole('searchbox', { name: 'Find a task to view as' }).fill('w250');
  await expect(viewAs.locator('option', { hasText: 'w250' })).toHaveCount(1);
  await viewAs.selectOption('w250');
  await expect(table(page, 'ns0')).toHaveCount(0);
  await expect(table(page, 'ns1')).toBeVisible();
  await expect(viewAs).toHaveValue('w250');
});

test('text the visitor typed and then replaced from the library is offered back', async ({ page }) => {
  await page.goto('/');
  const editor = page.getByRole('textbox', { name: 'Scenario' });
  await editor.fill('title: Mine\ninit fork as mine\n');
  await page.getByText('Library', { exact: true }).click();
  await page.getByRole('button', { name: /Orphans are adopted by their namespace's init/ }).click();
  await expect(editor).toHaveValue(/title: Orphans are adopted/);
  await expect(page.getByText('Your own scenario was replaced by the one opened.')).toBeVisible();
  await page.getByRole('button', { name: 'Restore it' }).click();
  await expect(editor).toHaveValue('title: Mine\ninit fork as mine\n');
  await atStep(page, 0, 1);
});

test('text typed just before leaving is kept, each tab its own', async ({ page, context }) => {
  test.setTimeout(60_000);
  const other = await context.newPage();
  await other.goto('/');
  await other.getByRole('textbox', { name: 'Scenario' }).fill('title: Second tab\ninit fork as two\n');
  await page.goto('/');
  const editor = page.getByRole('textbox', { name: 'Scenario' });
  await editor.fill('title: First tab\ninit fork as one\n');
  // no pause for the autosave (nor for the address to follow the text): leaving the page saves
  await page.goto('/');
  await expect(page.getByText('This browser kept the scenario you were writing here.')).toBeVisible();
  await page.getByRole('button', { name: 'Restore it' }).click();
  await expect(editor).toHaveValue('title: First tab\ninit fork as one\n');
  await other.close();
  const third = await context.newPage();
  await third.goto('/');
  await expect(third.getByText('This browser kept a scenario you wrote in another tab.')).toBeVisible();
  await third.getByRole('button', { name: 'Restore it' }).click();
  await expect(third.getByRole('textbox', { name: 'Scenario' })).toHaveValue(/title: (First|Second) tab/);
});

test('a full storage is said, not silent', async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => {
    // full to the last few kilobytes: big blocks first, then small ones
    for (const size of [512 * 1024, 4 * 1024]) {
      const block = 'x'.repeat(size);
      for (let i = 0; i < 2000; i++) {
        try {
          localStorage.setItem(`filler-${size}-${i}`, block);
        } catch {
          break;
        }
      }
    }
  });
  // a short text: a long one goes to IndexedDB, which this does not fill
  await page.getByRole('textbox', { name: 'Scenario' }).fill(`title: Big\n## ${'y'.repeat(20_000)}\ninit fork as a\n`);
  await expect(page.getByRole('alert')).toContainText('could not be saved in this browser (its storage is full)');
});

test('a long text saved in the moment after typing is offered back when the tab opens the page again', async ({ page }) => {
  await page.goto('/');
  const editor = page.getByRole('textbox', { name: 'Scenario' });
  // over 64 KiB (saved to IndexedDB), under 128 KiB (still in the textarea)
  const long = `title: Long\n## ${'z'.repeat(70_000)}\ninit fork as a\n`;
  await editor.fill(long);
  // saved to IndexedDB, then pointed at from localStorage: then no leaving-save is needed
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith('pidns-lab:scenario:') && (localStorage.getItem(k) ?? '').includes('"bulk":true')));
  // the address may carry the text's link by now: the plain page is opened again in this tab
  await page.goto('/');
  await expect(page.getByText('This browser kept the scenario you were writing here.')).toBeVisible();
  await page.getByRole('button', { name: 'Restore it' }).click();
  await expect(editor).toHaveValue(long);
});

test('an engine that closes itself is noticed and restarted, and the text loads again', async ({ page }) => {
  test.setTimeout(60_000);
  let closed = false;
  await page.route(/engine\.worker-[^/]*\.js$/, async (route) => {
    if (closed) return route.continue();
    closed = true;
    const response = await route.fetch();
    return route.fulfill({ response, body: `${await response.text()}\nself.close();\n` });
  });
  await page.goto('/');
  await expect(page.getByRole('alert')).toContainText('The engine stopped (the engine stopped answering) and was restarted.', { timeout: 20_000 });
  await expect(page.getByRole('textbox', { name: 'Scenario' })).toHaveValue(/The RFC's Test1 and Test2/);
  await atStep(page, 0, 15);
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  await page.getByRole('button', { name: 'Last step' }).click();
  await atStep(page, 15, 15);
});

test('a short link that would inflate to a gigabyte is refused at once and the page stays usable', async ({ page }) => {
  const squeezed = new Uint8Array(3 * 4_000_000).map((_, i) => [0xf8, 255, 0x0a][i % 3] as number);
  const data = deflateSync(squeezed, { level: 9, mem: 12, dictionary: squeeze(strToU8(DICTIONARY_V1)) });
  await page.goto(`/#v1.z${toBase64url(data)}.AAAAAA`);
  await expect(page.getByRole('alert')).toContainText('larger than 1 MiB');
  await page.getByRole('button', { name: 'Last step' }).click();
  await atStep(page, 15, 15);
});

test('labels and commands with control characters export as a well-formed SVG and a PNG', async ({ page }) => {
  await page.goto(`/${encodeFragment('title: Hostile \u0007\ninit fork as a cmd "x\u001b[2J\u0001y"\n', 1)}`);
  await atStep(page, 1, 1);
  await settled(page);
  const [svgFile] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export SVG' }).click()]);
  const svg = await readFile(await svgFile.path(), 'utf8');
  const wellFormed = await page.evaluate((text) => new DOMParser().parseFromString(text, 'image/svg+xml').querySelector('parsererror') === null, svg);
  expect(wellFormed).toBe(true);
  expect(svg).toContain('x?[2J?y');
  const [pngFile] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export PNG' }).click()]);
  expect([...(await readFile(await pngFile.path())).subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
});

test('an export the browser cannot draw says so in the alert', async ({ page }) => {
  await page.addInitScript(() => {
    HTMLImageElement.prototype.decode = () => Promise.reject(new DOMException('The source image cannot be decoded.', 'EncodingError'));
  });
  await page.goto('/');
  await atStep(page, 0, 15);
  await settled(page);
  await page.getByRole('button', { name: 'Export PNG' }).click();
  await expect(page.getByRole('alert')).toContainText('Could not export the picture: the browser could not draw the picture.');
});

test('the built page carries a Content-Security-Policy and works under it', async ({ page }) => {
  await page.goto('/');
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("script-src 'self'");
  await page.getByRole('button', { name: 'Last step' }).click();
  await atStep(page, 15, 15);
  await settled(page);
});
