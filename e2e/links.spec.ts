/**
 * Share links: Share → open the copied link in a new page → same tables, step and view; the
 * bare fragment equals the CLI's; broken, cut and future links leave a usable page with an
 * alert; the address follows the player without piling up history entries.
 */
import { execFileSync } from 'node:child_process';
import { decodeFragment, encodeFragment } from '../src/scenario/index.ts';
import { atStep, expect, settled, table, tableRows, test } from './fixtures.ts';

test('Share copies a link that reopens the same step, view and tables', async ({ page, context }) => {
  await page.goto('/');
  await atStep(page, 0, 15);
  await page.getByRole('slider', { name: 'Timeline' }).fill('14');
  await atStep(page, 14);
  await settled(page);
  await page.getByRole('combobox', { name: 'View as' }).selectOption('sshd2');
  await page.getByRole('button', { name: 'Inspect bash2' }).first().click();
  await expect(page.getByRole('heading', { name: 'Task bash2' })).toBeVisible();
  await settled(page);
  const rows = await tableRows(page, 'ns1');
  await page.getByRole('button', { name: 'Share' }).click();
  const link = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
  expect(link).toMatch(/#v1\./);

  const other = await context.newPage();
  await other.goto(link);
  await atStep(other, 14, 15);
  await settled(other);
  await expect(other.getByRole('combobox', { name: 'View as' })).toHaveValue('sshd2');
  await expect(other.getByRole('heading', { name: 'Task bash2' })).toBeVisible();
  await expect(table(other, 'ns0')).toHaveCount(0);
  expect(await tableRows(other, 'ns1')).toEqual(rows);
  await expect(other.getByRole('alert')).toHaveCount(0);
  await other.close();
});

test('at the first step with no view, Share gives the same fragment as pidns-lab url', async ({ page }) => {
  await page.goto('/');
  const text = await page.getByRole('textbox', { name: 'Scenario' }).inputValue();
  await page.getByRole('button', { name: 'Share' }).click();
  const link = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
  const cli = execFileSync('node', ['bin/pidns-lab.mjs', 'url', '-'], { input: text, encoding: 'utf8' }).trim();
  expect(link.slice(link.indexOf('#'))).toBe(cli);
});

test('a link carries any scenario text, and its error names the line', async ({ page }) => {
  await page.goto(`/${encodeFragment('title: Broken\ninit fork as a\na frobnicate\n')}`);
  await expect(page.getByRole('alert')).toContainText('line 3');
  await expect(page.getByRole('textbox', { name: 'Scenario' })).toHaveValue(/a frobnicate/);
  await expect(page.getByRole('tree', { name: 'Namespace tree' })).toBeVisible();
});

for (const [name, fragment, words] of [
  ['truncated', encodeFragment('init fork as a\na fork as b\n', 2).slice(0, -6), /truncated|damaged/],
  ['garbage', '#hello-world', /not a pidns-lab scenario link/],
  ['future version', '#v7.zAAAA.AAAAAA', /newer/],
] as const) {
  test(`a ${name} link shows an alert and the page stays usable`, async ({ page }) => {
    await page.goto(`/${fragment}`);
    await expect(page.getByRole('alert')).toContainText(words);
    await expect(page.getByRole('treeitem', { name: /^ns0 / })).toBeVisible();
    await page.getByRole('button', { name: 'Last step' }).click();
    await expect(page.getByRole('status')).toContainText('Step 15 of 15');
  });
}

test('stepping updates the address with replaceState, not new history entries', async ({ page }) => {
  await page.goto('/');
  const before = await page.evaluate(() => history.length);
  for (let i = 0; i < 5; i++) await page.getByRole('button', { name: 'Step forward' }).click();
  await atStep(page, 5);
  await expect.poll(async () => {
    const read = decodeFragment(await page.evaluate(() => location.hash));
    return read.ok ? read.data.step : null;
  }).toBe(5);
  expect(await page.evaluate(() => history.length)).toBe(before);
  await page.reload();
  await atStep(page, 5, 15);
});

test('opening a link keeps the visitor\'s own scenario for restoring', async ({ page }) => {
  await page.goto('/');
  const editor = page.getByRole('textbox', { name: 'Scenario' });
  await editor.fill('title: Mine\ninit fork as mine\n');
  await expect(page.getByRole('status')).toContainText('Step 0 of 1');
  await page.goto(`/${encodeFragment('title: Theirs\ninit fork as theirs\n')}`);
  await expect(editor).toHaveValue(/Theirs/);
  await page.getByRole('button', { name: 'Restore it' }).click();
  await expect(editor).toHaveValue(/Mine/);
});
