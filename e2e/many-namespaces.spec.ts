/**
 * A world of 1,000 pid namespaces: the tree lists 20 below a namespace and "and K more
 * namespaces", the tables are those of the first namespaces in tree order; a namespace beyond
 * that window is reached through "more", or by name with "Go to namespace", and chosen, and its
 * table comes with it. The page's longest main-thread task stays short (a generous bound here:
 * the figures go to `npm run bench`).
 */
import { encodeFragment } from '../src/scenario/index.ts';
import { atStep, expect, settled, table, test } from './fixtures.ts';

const FAN = 'title: A thousand namespaces\nrepeat 1000\n  init clone NEWPID as c{i}\nend\n';
const LONG_TASKS = `
  window.__long = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__long.push(e.duration); })
    .observe({ type: 'longtask', buffered: true });`;

test('1,000 namespaces: a window of the tree and tables, a namespace beyond it chosen through "more"', async ({ page }) => {
  await page.addInitScript(LONG_TASKS);
  await page.goto(`/${encodeFragment(FAN)}`);
  await page.getByRole('button', { name: 'Last step' }).click();
  await atStep(page, 1000, 1000);
  await settled(page);
  const tree = page.getByRole('tree', { name: 'Namespace tree' });
  await expect(tree.getByRole('treeitem', { name: /^ns\d+ / })).toHaveCount(21);
  await tree.getByRole('treeitem', { name: 'and 980 more namespaces' }).click();
  await expect(tree.getByRole('treeitem', { name: /^ns\d+ / })).toHaveCount(41);
  await expect(table(page, 'ns40')).toHaveCount(0);
  await tree.getByRole('treeitem', { name: /^ns40 / }).focus();
  await page.keyboard.press('Enter');
  await expect(tree.getByRole('treeitem', { name: /^ns40 / })).toHaveAttribute('aria-selected', 'true');
  await expect(table(page, 'ns40').getByRole('row').filter({ hasText: 'c40' })).toBeVisible();
  await expect(tree.getByRole('treeitem', { name: 'and 960 more namespaces' })).toBeVisible();
  const go = page.getByRole('search', { name: 'Go to namespace' });
  await go.getByRole('textbox', { name: 'Namespace to go to' }).fill('ns900');
  await go.getByRole('button', { name: 'Go', exact: true }).click();
  await expect(tree.getByRole('treeitem', { name: /^ns900 / })).toHaveAttribute('aria-selected', 'true');
  await expect(table(page, 'ns900').getByRole('row').filter({ hasText: 'c900' })).toBeVisible();
  await go.getByRole('textbox', { name: 'Namespace to go to' }).fill('ns5000');
  await go.getByRole('button', { name: 'Go', exact: true }).click();
  await expect(go.getByText('No ns5000 at this step.')).toBeVisible();
  await expect(tree.getByRole('treeitem', { selected: true })).toHaveCount(0);
  const longest = await page.evaluate(() => Math.max(0, ...(window as unknown as { __long: number[] }).__long));
  expect(longest).toBeLessThan(2000);
});
