/**
 * The page as a visitor uses it: the RFC scenario at `/`, playing, stepping, view-as, the event
 * log, acting on the world, the keyboard.
 */
import { atStep, expect, settled, table, tableRows, test } from './fixtures.ts';

const RFC_TOTAL = 15;
const NS0_AT_13 = [
  '1 0 1 1 S /sbin/init', '2 1 1 1 S /usr/sbin/sshd -D', '3 2 1 1 S -bash', '4 3 1 1 S lxc-wrap.sh',
  '5 4 1 1 S /usr/sbin/sshd -D -p 2100', '6 5 1 1 S -bash', '7 6 1 1 S sleep 1000',
];
const NS1_AT_13 = ['1 0 0 0 S lxc-wrap.sh', '2 1 0 0 S /usr/sbin/sshd -D -p 2100', '3 2 0 0 S -bash', '4 3 0 0 S sleep 1000'];

test('/ shows the RFC scenario ready to play: tree, tables, player', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('tree', { name: 'Namespace tree' })).toBeVisible();
  await expect(page.getByRole('treeitem', { name: /^ns0 / })).toBeVisible();
  await atStep(page, 0, RFC_TOTAL);
  const headers = table(page, 'ns0').getByRole('columnheader');
  await expect(headers.nth(0)).toHaveText('PID');
  await expect(headers).toContainText(['PID', 'PPID', 'PGID', 'SID', 'STAT', 'CMD']);
  await settled(page);
  expect(await tableRows(page, 'ns0')).toEqual(['1 0 1 1 S /sbin/init']);
  for (const name of ['Play', 'Step forward', 'Step back', 'First step', 'Last step', 'Share']) {
    await expect(page.getByRole('button', { name, exact: true })).toBeVisible();
  }
  await expect(page.getByRole('slider', { name: 'Timeline' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Scenario' })).toHaveValue(/The RFC's Test1 and Test2/);
  await expect(page.locator('header.toolbar > .checked')).toHaveText('✓ checked against Linux 6.18');
});

test('playing the RFC scenario gives the tables of the example, then the reaped end', async ({ page }) => {
  await page.goto('/');
  await atStep(page, 0, RFC_TOTAL);
  await page.getByLabel('Speed').selectOption('100');
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await atStep(page, RFC_TOTAL, RFC_TOTAL);
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  await settled(page);
  expect(await tableRows(page, 'ns0')).toEqual(NS0_AT_13.slice(0, 6));
  expect(await tableRows(page, 'ns1')).toEqual(NS1_AT_13.slice(0, 3));
  await page.getByRole('slider', { name: 'Timeline' }).fill('13');
  await atStep(page, 13);
  await settled(page);
  expect(await tableRows(page, 'ns0')).toEqual(NS0_AT_13);
  expect(await tableRows(page, 'ns1')).toEqual(NS1_AT_13);
  await expect(page.getByRole('treeitem', { name: /^ns1 / })).toHaveAccessibleName(/init wrap \(pid 1\), 4 live, 0 zombies/);
});

test('stepping back restores the earlier tables exactly', async ({ page }) => {
  await page.goto('/');
  await atStep(page, 0, RFC_TOTAL);
  const timeline = page.getByRole('slider', { name: 'Timeline' });
  await timeline.fill('11');
  await atStep(page, 11);
  await settled(page);
  const before = [await tableRows(page, 'ns0'), await tableRows(page, 'ns1')];
  await page.getByRole('button', { name: 'Last step' }).click();
  await atStep(page, RFC_TOTAL);
  await settled(page);
  for (let i = RFC_TOTAL; i > 11; i--) await page.getByRole('button', { name: 'Step back' }).click();
  await atStep(page, 11);
  await settled(page);
  expect([await tableRows(page, 'ns0'), await tableRows(page, 'ns1')]).toEqual(before);
});

test('view as a task shows only what it can see, numbers as it sees them', async ({ page }) => {
  await page.goto('/');
  await atStep(page, 0, RFC_TOTAL);
  await page.getByRole('slider', { name: 'Timeline' }).fill('13');
  await atStep(page, 13);
  await settled(page);
  const viewAs = page.getByRole('combobox', { name: 'View as' });
  await expect(viewAs.locator('option')).toContainText(['everything', 'init', 'sshd', 'shell', 'wrap', 'sshd2', 'bash2', 'sleeper']);
  await viewAs.selectOption('bash2');
  await expect(table(page, 'ns0')).toHaveCount(0);
  await expect(table(page, 'ns1')).toBeVisible();
  await expect(page.getByRole('treeitem', { name: /^ns0 / })).toHaveCount(0);
  await expect(page.getByRole('treeitem', { name: /^ns1 / })).toBeVisible();
  await viewAs.selectOption('everything');
  await expect(table(page, 'ns0')).toBeVisible();
});

test('every player control works from the keyboard', async ({ page }) => {
  await page.goto('/');
  await atStep(page, 0, RFC_TOTAL);
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  await page.keyboard.press('End');
  await atStep(page, RFC_TOTAL);
  await page.keyboard.press('Home');
  await atStep(page, 0);
  await page.keyboard.press('ArrowRight');
  await atStep(page, 1);
  await page.keyboard.press('ArrowLeft');
  await atStep(page, 0);
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  await page.keyboard.press('Home');
  await page.getByRole('button', { name: 'Step forward' }).focus();
  await page.keyboard.press('Enter');
  await atStep(page, 1);
  await page.keyboard.press('ArrowRight');
  await atStep(page, 2);
  await page.keyboard.press('ArrowLeft');
  await atStep(page, 1);
  await page.getByRole('slider', { name: 'Timeline' }).focus();
  await page.keyboard.press('ArrowRight');
  await atStep(page, 2);
  await page.getByRole('button', { name: 'Last step' }).focus();
  await page.keyboard.press('Enter');
  await atStep(page, RFC_TOTAL);
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+Tab');
  await expect(page.getByRole('button', { name: 'Step back' })).toBeFocused();
  await page.keyboard.press('Enter');
  await atStep(page, RFC_TOTAL - 1);
  const tree = page.getByRole('tree', { name: 'Namespace tree' });
  await page.getByRole('slider', { name: 'Timeline' }).fill('5');
  await atStep(page, 5);
  await settled(page);
  await expect(tree.getByRole('treeitem', { name: /^ns1 / })).toBeVisible();
  await tree.getByRole('treeitem', { name: /^ns0 / }).focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(tree.getByRole('treeitem', { name: /^ns1 / })).toHaveAttribute('aria-selected', 'true');
});

test('the event log tells the story in sentences and jumps to an event', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Last step' }).click();
  await atStep(page, RFC_TOTAL, RFC_TOTAL);
  const log = page.getByRole('log', { name: 'Events' });
  await expect(log).toContainText('init forked sshd (pid 2)');
  await expect(log).toContainText('sleeper (pid 4 in ns1, 7 in ns0)');
  await log.getByRole('button', { name: /init forked sshd/ }).click();
  await atStep(page, 1);
});

test('acting as a task appends its statement and shows the result', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Last step' }).click();
  await atStep(page, RFC_TOTAL, RFC_TOTAL);
  await settled(page);
  await page.getByRole('button', { name: 'Inspect wrap' }).first().click();
  await expect(page.getByRole('heading', { name: 'Task wrap' })).toBeVisible();
  await page.getByRole('button', { name: 'fork', exact: true }).click();
  await atStep(page, RFC_TOTAL + 1, RFC_TOTAL + 1);
  await expect(page.getByRole('textbox', { name: 'Scenario' })).toHaveValue(/\nwrap fork\n$/);
  await settled(page);
  expect(await tableRows(page, 'ns1')).toHaveLength(4);
  await page.getByLabel('Command').fill('wrap unshare NEWPID');
  await page.getByLabel('Command').press('Enter');
  await page.getByLabel('Command').fill('wrap unshare NEWPID');
  await page.getByRole('button', { name: 'Run' }).click();
  await atStep(page, RFC_TOTAL + 3, RFC_TOTAL + 3);
  await expect(page.locator('.step-result')).toContainText('EINVAL');
});
