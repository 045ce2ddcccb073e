/**
 * Big worlds: a pid table with thousands of rows is virtualised (only the rows in view are in the
 * document, `aria-rowcount` has the full count) and scrolls to any row; hovering a row lights the
 * same task in every table and in the tree.
 */
import { encodeFragment } from '../src/scenario/index.ts';
import { atStep, expect, settled, table, test } from './fixtures.ts';

const WIDE = 'title: Wide\ninit fork as shell\nshell clone NEWPID as box\nrepeat 3000\n  box fork as w{i}\nend\n';

test('a table of 3002 processes is virtualised and scrolls to its last row', async ({ page }) => {
  await page.goto(`/${encodeFragment(WIDE, 3002)}`);
  await atStep(page, 3002, 3002);
  await settled(page);
  const ns1 = table(page, 'ns1');
  await expect(ns1).toHaveAttribute('aria-rowcount', '3002');
  expect(await ns1.locator('tbody tr:not([aria-hidden])').count()).toBeLessThan(200);
  await ns1.locator('xpath=ancestor::div[contains(@class,"table-scroll")]').evaluate((el) => { el.scrollTop = el.scrollHeight; });
  await expect(ns1.getByRole('row').filter({ hasText: 'w3000' })).toBeVisible();
  await expect(ns1.getByRole('row').filter({ hasText: 'w3000' }).getByRole('cell').first()).toHaveText('3001');
});

test('hovering a row highlights the task in every table and in the tree', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Last step' }).click();
  await atStep(page, 15, 15);
  await settled(page);
  await table(page, 'ns1').getByRole('row').filter({ hasText: 'sshd2' }).hover();
  await expect(table(page, 'ns0').getByRole('row').filter({ hasText: 'sshd2' })).toHaveClass(/hot/);
  await expect(page.getByRole('treeitem', { name: /^ns1 / })).toHaveClass(/hot/);
});

test('a worker that dies is restarted: the page says so, keeps the text and works again', async ({ page, consoleErrors }) => {
  let failed = false;
  await page.route(/engine\.worker-[^/]*\.js$/, async (route) => {
    if (failed) return route.continue();
    failed = true;
    return route.abort();
  });
  await page.goto('/');
  await expect(page.getByRole('alert')).toContainText('engine');
  await expect(page.getByRole('textbox', { name: 'Scenario' })).toHaveValue(/The RFC's Test1 and Test2/);
  await expect(page.getByRole('treeitem', { name: /^ns0 / })).toBeVisible();
  await page.getByRole('button', { name: 'Last step' }).click();
  await expect(table(page, 'ns1')).toBeVisible();
  // The aborted script load itself is reported by the browser; nothing else may be.
  const unexpected = consoleErrors.filter((e) => !/Failed to load resource|net::ERR_FAILED/.test(e));
  consoleErrors.splice(0, consoleErrors.length, ...unexpected);
});
