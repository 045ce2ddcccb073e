/**
 * A clearer picture (issue 10): processes in the tree, the acts of a namespace's teardown, the
 * caption and line markers of the step just run, errors that keep the good steps, actions that
 * never break the scenario, Undo and New, accessible structure, and a big paste that stays quick.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { atStep, expect, settled, test } from './fixtures.ts';

const RFC_TOTAL = 15;
const INIT_DEATH = readFileSync('scenarios/library/init-death-kills-namespace.pidns', 'utf8');

test('each namespace lists its processes as treeitems, with outer pids and parent links on demand', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Last step' }).click();
  await atStep(page, RFC_TOTAL, RFC_TOTAL);
  await settled(page);
  const tree = page.getByRole('tree', { name: 'Namespace tree' });
  const ns1 = tree.getByRole('treeitem', { name: /^ns1 / });
  await expect(ns1.getByRole('treeitem', { name: /^1 wrap/ })).toBeVisible();
  await expect(ns1.getByRole('treeitem', { name: /^3 bash2/ })).toBeVisible();
  await expect(tree.getByRole('treeitem', { name: /^ns0 / }).getByRole('treeitem', { name: /^2 sshd$/ })).toBeVisible();
  await page.getByRole('checkbox', { name: 'Outer pids' }).check();
  await expect(ns1.getByRole('treeitem', { name: '1 wrap (4 in ns0)' })).toBeVisible();
  await expect(page.locator('.parent-links path')).toHaveCount(0);
  await page.getByRole('checkbox', { name: 'Parent links' }).check();
  await expect(page.locator('.parent-links path')).not.toHaveCount(0);
  // the keyboard still goes from namespace to namespace, and → enters a namespace's processes
  await tree.getByRole('treeitem', { name: /^ns0 / }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(ns1).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(ns1.getByRole('treeitem', { name: /^1 wrap/ })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(ns1.getByRole('treeitem', { name: /^2 sshd2/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Task sshd2' })).toBeVisible();
  await page.keyboard.press('ArrowLeft');
  await expect(ns1).toBeFocused();
});

test('the death of an init plays in acts: the others killed, then reaped, then the init a zombie', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('textbox', { name: 'Scenario' }).fill(INIT_DEATH);
  await page.getByRole('slider', { name: 'Timeline' }).fill('5');
  await atStep(page, 5, 10);
  const ns1 = page.getByRole('tree', { name: 'Namespace tree' }).getByRole('treeitem', { name: /^ns1 / });
  const forward = page.getByRole('button', { name: 'Step forward' });
  await forward.click();
  await expect(page.getByRole('status')).toHaveText('Step 6.1 of 10');
  await expect(ns1.getByRole('treeitem', { name: '2 B killed' })).toBeVisible();
  await expect(ns1.getByRole('treeitem', { name: '3 C killed' })).toBeVisible();
  await expect(page.getByText(/act 1 of 3: its init is dying/)).toBeVisible();
  await forward.click();
  await expect(page.getByRole('status')).toHaveText('Step 6.2 of 10');
  await expect(ns1.getByRole('treeitem', { name: /^2 B/ })).toHaveCount(0);
  await expect(ns1.getByRole('treeitem', { name: /^1 A$/ })).toBeVisible();
  await forward.click();
  await atStep(page, 6, 10);
  await expect(ns1.getByRole('treeitem', { name: '1 A zombie' })).toBeVisible();
  await page.getByRole('button', { name: 'Step back' }).click();
  await expect(page.getByRole('status')).toHaveText('Step 6.2 of 10');
});

test('the caption is the one of the step just run; arrows mark the line just run and the next', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('slider', { name: 'Timeline' }).fill('4');
  await atStep(page, 4, RFC_TOTAL);
  await expect(page.getByText('→ just ran: line 7')).toBeVisible();
  await expect(page.getByText('➜ runs next: line 9')).toBeVisible();
  const caption = page.locator('.caption');
  await expect(caption).not.toContainText('wrap is pid 1');
  await page.getByRole('button', { name: 'Step forward' }).click();
  await atStep(page, 5, RFC_TOTAL);
  await expect(caption).toHaveText('wrap is pid 1 of the new namespace, and cannot see its parent.');
  await expect(page.getByText('→ just ran: line 9')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Scenario' })).toHaveAccessibleDescription(/just ran: line 9 · ➜ runs next: line 10/);
});

test('a scenario error keeps the steps before it, in the alert and beside its line', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('textbox', { name: 'Scenario' }).fill('init fork as a\na fork as b\n# fine so far\nb frobnicate\nb exit\n');
  await page.getByRole('button', { name: 'Last step' }).click();
  await atStep(page, 2, 2);
  await expect(page.getByRole('alert')).toContainText('line 4');
  await expect(page.getByRole('note', { name: 'line 4' })).toContainText('unknown op `frobnicate`');
  await settled(page);
  await expect(page.getByRole('treeitem', { name: /^3 b/ })).toBeVisible();
  await expect(page.getByText('➜ runs next: line 4')).toBeVisible();
});

test('an action that would break the scenario is refused; Undo takes back an appended one; New empties', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Last step' }).click();
  await atStep(page, RFC_TOTAL, RFC_TOTAL);
  const editor = page.getByRole('textbox', { name: 'Scenario' });
  const before = await editor.inputValue();
  await page.getByRole('textbox', { name: 'Command' }).fill('sleeper fork');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByText(/Not added: «sleeper fork» would stop the scenario/)).toBeVisible();
  await expect(editor).toHaveValue(before);
  await expect(page.getByRole('textbox', { name: 'Command' })).toHaveValue('sleeper fork');
  await page.getByRole('textbox', { name: 'Command' }).fill('wrap fork as extra');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await atStep(page, RFC_TOTAL + 1, RFC_TOTAL + 1);
  await expect(editor).toHaveValue(/\nwrap fork as extra\n$/);
  await page.getByRole('button', { name: 'Undo' }).click();
  await atStep(page, RFC_TOTAL, RFC_TOTAL);
  await expect(editor).toHaveValue(before);
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
  await editor.fill(`${before}wrap fork as mine\n`);
  await page.getByRole('button', { name: 'New', exact: true }).click();
  await expect(editor).toHaveValue('');
  await page.getByRole('button', { name: 'Restore it' }).click();
  await expect(editor).toHaveValue(/wrap fork as mine/);
});

test('the event log is a log wrapping a list; the player is a landmark; names contain the visible text', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Last step' }).click();
  await atStep(page, RFC_TOTAL, RFC_TOTAL);
  const log = page.getByRole('log', { name: 'Events' });
  await expect(log.getByRole('list')).toBeVisible();
  await expect(log.getByRole('listitem').first()).toBeVisible();
  const player = page.getByRole('region', { name: 'Player' });
  for (const name of ['Play', 'Step forward', 'Step back', 'First step', 'Last step']) {
    await expect(player.getByRole('button', { name, exact: true })).toBeVisible();
  }
  await expect(player.getByRole('slider', { name: 'Timeline' })).toBeVisible();
  const mismatched = await page.locator('button:visible, [role="button"]:visible').evaluateAll((buttons) =>
    buttons.flatMap((b) => {
      const visible = (b.textContent ?? '').replace(/\s+/g, ' ').trim();
      const name = (b.getAttribute('aria-label') ?? visible).replace(/\s+/g, ' ').trim();
      return visible !== '' && !name.toLowerCase().includes(visible.toLowerCase()) ? [`${name} / ${visible}`] : [];
    }));
  expect(mismatched).toEqual([]);
});

/** pastes `text` into the focused textarea (one input event, as a paste makes) and types after it;
 * returns the longest main-thread task seen and how long typing took */
async function pasteAndType(page: Page, text: string): Promise<{ longest: number; typing: number }> {
  await page.evaluate(() => {
    const w = window as unknown as { longest: number };
    w.longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longest = Math.max(w.longest, e.duration);
    }).observe({ type: 'longtask' });
  });
  await page.evaluate((value) => {
    const area = document.querySelector('textarea') as HTMLTextAreaElement;
    area.focus();
    area.value = value;
    area.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
  await page.keyboard.press('Control+End');
  const started = Date.now();
  await page.keyboard.type('init fork', { delay: 0 });
  const typing = Date.now() - started;
  await page.waitForTimeout(1500);
  const longest = await page.evaluate(() => (window as unknown as { longest: number }).longest);
  return { longest: Math.round(longest), typing };
}

test('pasting 1 MiB into the editor costs the page no more than a bare textarea', async ({ page }) => {
  test.setTimeout(120_000);
  const line = 'init getpid                                                      => 1\n';
  const big = line.repeat(Math.floor((1024 * 1024 - 64) / line.length));
  await page.setContent('<textarea wrap="off" style="white-space: pre; width: 500px; height: 300px"></textarea>');
  const bare = await pasteAndType(page, big);
  await page.goto('/');
  await atStep(page, 0, RFC_TOTAL);
  const ours = await pasteAndType(page, big);
  await expect(page.getByRole('textbox', { name: 'Scenario' })).toHaveValue(/init fork$/);
  console.log(`1 MiB paste, longest main-thread task: bare textarea ${bare.longest} ms, the page ${ours.longest} ms; ` +
    `9 keys typed: bare ${bare.typing} ms, the page ${ours.typing} ms`);
  expect(ours.longest).toBeLessThan(bare.longest * 1.5 + 250);
  expect(ours.typing).toBeLessThan(bare.typing * 1.5 + 500);
});
