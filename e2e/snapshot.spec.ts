/**
 * A snapshot of a busy machine opens like any file and plays: e2e/fixtures/snapshot-300.pidns is
 * what `pidns-lab snapshot --pid INIT` wrote for scripts/demo-container.sh 2 (310 processes in 3
 * nested pid namespaces, with setsid jobs and zombies). It opens through Open…, plays to its end,
 * and its nested container's init can be killed from the editor, which tears that namespace
 * and the one inside it down.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runScenario } from '../src/scenario/index.ts';
import { atStep, expect, settled, table, test } from './fixtures.ts';

const FILE = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'snapshot-300.pidns');
const TEXT = readFileSync(FILE, 'utf8');
const STEPS = runScenario(TEXT).steps.length;
/** ps rows per namespace at the end; a table's aria-rowcount counts its header row too */
const ROWS = runScenario(TEXT).namespaces.map((n) => n.ps.length);
/** the init of ns2, the container inside the snapshotted one: the second namespace made */
const NESTED_INIT = /clone NEWPID set_tid=\S+ as (\S+)/g.exec(TEXT.slice(TEXT.indexOf('clone NEWPID') + 1))?.[1] ?? '';

async function open(page: import('@playwright/test').Page): Promise<void> {
  await page.goto('/');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Open…' }).click()]);
  await chooser.setFiles(FILE);
  await expect(page.getByRole('textbox', { name: 'Scenario' })).toHaveValue(/^# pidns-lab snapshot: 310 processes/);
  await atStep(page, 0, STEPS);
}

test('a snapshot of 310 processes opens from Open… and plays to its end', async ({ page }) => {
  test.setTimeout(90_000);
  expect(ROWS.slice(1)).toEqual([310, expect.any(Number), expect.any(Number)]);
  await open(page);
  await page.getByLabel('Speed').selectOption({ index: (await page.getByLabel('Speed').locator('option').count()) - 1 });
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await atStep(page, STEPS, STEPS);
  await settled(page);
  for (const [i, rows] of ROWS.entries()) await expect(table(page, `ns${i}`)).toHaveAttribute('aria-rowcount', String(rows + 1));
  await expect(page.getByRole('treeitem', { name: /^ns3 level 3, active/ })).toBeVisible();
});

test('killing the nested container\'s init tears its namespaces down', async ({ page }) => {
  test.setTimeout(90_000);
  expect(NESTED_INIT).toMatch(/^sleep_\d+$/);
  await open(page);
  const editor = page.getByRole('textbox', { name: 'Scenario' });
  await editor.click();
  await editor.press('Control+End');
  await editor.pressSequentially(`init kill KILL ${NESTED_INIT}\n`);
  await atStep(page, 0, STEPS + 1);
  await page.getByRole('button', { name: 'Last step' }).click();
  await atStep(page, STEPS + 1, STEPS + 1);
  await settled(page);
  await expect(page.getByRole('treeitem', { name: /^ns2 level 2, dying, .*0 live, 1 zombie$/ })).toBeVisible();
  await expect(page.getByRole('treeitem', { name: /^ns3 level 3, dead/ })).toBeVisible();
  // ns1 keeps its own processes and the killed init's zombie
  await expect(table(page, 'ns1')).toHaveAttribute('aria-rowcount', String((ROWS[1] as number) - (ROWS[2] as number) + 2));
});
