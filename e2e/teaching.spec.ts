/**
 * Teaching, as a learner meets it: questions (`=> ?`) that stop the player and ask, an exercise
 * with its Goal, hints and solution, and the course with its progress kept across reloads.
 * Links are made by the CLI (`pidns-lab url FILE`), as a teacher makes them.
 */
import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { decodeFragment } from '../src/scenario/index.ts';
import { expect, tableRows, test } from './fixtures.ts';

const SHARED = '/work/shared/scenarios';
const linkOf = (file: string) => execFileSync('node', ['bin/pidns-lab.mjs', 'url', file], { encoding: 'utf8' }).trim();
const PREDICT = linkOf(`${SHARED}/predict-pid-inside-outside.pidns`);
const REAP = linkOf(`${SHARED}/exercise-reap-the-zombie.pidns`);

// Each test walks a whole scenario or lesson; on a busy 2-core machine that takes more than 30 s.
test.describe.configure({ timeout: 90_000 });

const player = (page: Page) => page.getByRole('status').filter({ hasText: /^Step \d+ of \d+/ });
const question = (page: Page) => page.getByRole('group', { name: 'Question' });
const goal = (page: Page) => page.getByRole('region', { name: 'Goal' });

async function shownStep(page: Page, step: number, total: number): Promise<void> {
  await expect(player(page)).toHaveText(`Step ${step} of ${total}`);
  await expect(page.locator('.app')).toHaveAttribute('data-frame-step', String(step));
}

async function answer(page: Page, text: string): Promise<void> {
  await question(page).getByRole('textbox', { name: 'Your answer' }).fill(text);
  await question(page).getByRole('button', { name: 'Check answer' }).click();
}

/** the step the address bar's link shows */
function linkedStep(page: Page): number {
  const read = decodeFragment(new URL(page.url()).hash);
  if (!read.ok) throw new Error(`the address holds no link: ${page.url()}`);
  return read.data.step ?? 0;
}

test('a question stops autoplay before its step, and nothing on the page gives the answer away', async ({ page }) => {
  await page.goto(`/${PREDICT}`);
  await shownStep(page, 0, 6);
  await page.getByLabel('Speed').selectOption('100');
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(question(page)).toContainText('Which pid does shell see for itself?');
  await shownStep(page, 2, 6);
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  await expect(page.getByRole('slider', { name: 'Timeline' })).toHaveAttribute('aria-valuetext', 'Step 2 of 6');
  await expect(page.locator('.step-result')).toContainText('shell  unshare NEWPID');
  await expect(page.locator('.step-result')).not.toContainText('getpid');
  expect(await tableRows(page, 'ns0')).toEqual(['1 0 1 1 S /sbin/init', '2 1 1 1 S -bash']);
  await expect(page.getByRole('log', { name: 'Events' })).not.toContainText('getpid');
  // the text after the question may state its answer: covered, out of the accessibility tree too
  const editor = page.getByRole('textbox', { name: 'Scenario' });
  await expect(editor).toBeHidden();
  await expect(page.getByText('The scenario text is hidden until you answer: it holds the answer.')).toBeVisible();
  await page.getByRole('button', { name: 'Show the text anyway' }).click();
  await expect(editor).toBeVisible();
  await expect(editor).toHaveValue(/child +getpid/);
  await expect.poll(() => linkedStep(page)).toBe(2);
  await page.getByRole('button', { name: 'Step forward' }).click();
  await shownStep(page, 2, 6);
  await page.getByRole('slider', { name: 'Timeline' }).fill('6');
  await shownStep(page, 2, 6);
  await expect(question(page).getByRole('textbox', { name: 'Your answer' })).toBeVisible();
});

test('Last step asks first; a wrong answer gets Not quite and the answer, a right one Correct', async ({ page }) => {
  await page.goto(`/${PREDICT}`);
  await shownStep(page, 0, 6);
  await page.getByRole('button', { name: 'Last step' }).click();
  await shownStep(page, 2, 6);
  await answer(page, '1');
  const verdict = question(page).getByRole('status');
  await expect(verdict).toHaveText(/^Not quite: the answer is 2, not 1 — getpid is the caller's number in its own namespace/);
  await shownStep(page, 3, 6);
  await expect(page.locator('.step-result')).toContainText('shell  getpid');

  await page.getByRole('button', { name: 'Last step' }).click();
  await shownStep(page, 4, 6);
  await expect(question(page)).toContainText('What does getpid return inside it?');
  await answer(page, ' 1 ');
  await expect(question(page).getByRole('status')).toHaveText(/^Correct: 1/);
  await shownStep(page, 5, 6);

  await page.getByRole('button', { name: 'Step forward' }).click();
  await shownStep(page, 5, 6);
  await question(page).getByRole('button', { name: 'Reveal' }).click();
  await expect(question(page).getByRole('status')).toHaveText(/^The answer is 3 1/);
  await shownStep(page, 6, 6);

  // back and forth: nothing is asked again
  await page.getByRole('button', { name: 'First step' }).click();
  await shownStep(page, 0, 6);
  await page.getByRole('button', { name: 'Last step' }).click();
  await shownStep(page, 6, 6);
  await expect(page.getByRole('textbox', { name: 'Your answer' })).toHaveCount(0);

  // a new load of the link (the address now holds step 6) asks again, before anything is shown
  await expect.poll(() => linkedStep(page)).toBe(6);
  await page.reload();
  await shownStep(page, 2, 6);
  await expect(question(page).getByRole('textbox', { name: 'Your answer' })).toBeVisible();
});

test('an exercise: the goal beside the live view, checked wrong then right, hints one at a time, the solution', async ({ page, context }) => {
  await page.goto(`/${REAP}`);
  const editor = page.getByRole('textbox', { name: 'Scenario' });
  await expect(goal(page)).toContainText('Leave no zombie behind');
  await expect(editor).toHaveValue(/job +exit 2\n$/);
  await expect(editor).not.toHaveValue(/^solution$|shell wait/m);
  // the hints show one at a time in the Goal region, never all at once in the text
  await expect(editor).not.toHaveValue(/^\s*(goal|hint):/m);
  await expect(page.getByText(/Only a zombie's parent/)).toHaveCount(0);
  await expect(page.getByText('shell wait job')).toHaveCount(0);
  await expect(goal(page).getByRole('tree', { name: 'Goal tree' })).toBeVisible();
  const goalRows = goal(page).getByRole('table', { name: 'Goal processes in ns0' }).locator('tbody tr');
  await expect(goalRows).toHaveCount(2);
  // the goal's panels are no landmarks of their own, nothing to zoom or inspect, the live tree's size
  await expect(page.getByRole('region', { name: /^(Namespaces|Pid tables)$/ })).toHaveCount(2);
  await expect(goal(page).getByRole('region')).toHaveCount(0);
  await expect(goal(page).getByRole('heading', { name: 'Goal namespaces' })).toBeVisible();
  await expect(goal(page).getByRole('button', { name: /^(Inspect|Zoom)/ })).toHaveCount(0);
  const goalTree = await goal(page).getByRole('tree', { name: 'Goal tree' }).boundingBox();
  const liveTree = await page.getByRole('tree', { name: 'Namespace tree' }).boundingBox();
  expect(goalTree?.height).toBe(liveTree?.height);

  await goal(page).getByRole('button', { name: 'Check solution' }).click();
  await expect(goal(page).getByRole('status')).toHaveText(/^Not yet: ns0 has pid 3 \(Z\)/);

  const hints = goal(page).getByRole('list', { name: 'Hints' }).getByRole('listitem');
  await goal(page).getByRole('button', { name: 'Hint' }).click();
  await expect(hints).toHaveText(["Only a zombie's parent (or whoever adopts it) can reap it."]);
  await goal(page).getByRole('button', { name: 'Hint' }).click();
  await expect(hints).toHaveCount(2);
  await expect(goal(page).getByRole('button', { name: 'Hint' })).toBeDisabled();

  const attempt = `${await editor.inputValue()}shell wait\n`;
  await editor.fill(attempt);
  await goal(page).getByRole('button', { name: 'Check solution' }).click();
  await expect(goal(page).getByRole('status')).toHaveText(/^Solved/);

  await goal(page).getByRole('button', { name: 'Show solution' }).click();
  await expect(goal(page).getByLabel('Solution')).toContainText('shell wait job');
  await expect(editor).toHaveValue(attempt);

  await page.getByRole('button', { name: 'Share' }).click();
  const shared = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
  const read = decodeFragment(new URL(shared).hash);
  expect(read.ok && read.data.text).toMatch(/shell wait\nsolution\n {2}shell wait job/);
  expect(read.ok && read.data.text).toMatch(/^goal: .*\n(.*\n)*hint: Only a zombie's parent/m);
  const other = await context.newPage();
  await other.goto(shared);
  await expect(goal(other)).toContainText('Leave no zombie behind');
  await goal(other).getByRole('button', { name: 'Hint' }).click();
  await expect(goal(other).getByRole('list', { name: 'Hints' })).toContainText("Only a zombie's parent");
  await expect(other.getByRole('textbox', { name: 'Scenario' })).toHaveValue(attempt);
});

test('the course: a lesson done, its progress kept across a reload, then reset', async ({ page }) => {
  await page.goto('/');
  const lessons = page.getByRole('navigation', { name: 'Lessons' });
  await expect(lessons.getByRole('link')).toHaveCount(18);
  await lessons.getByRole('link', { name: /^3\. One process, two pids$/ }).click();
  await expect(page).toHaveURL(/\?lesson=03(#|$)/);
  await shownStep(page, 0, 8);
  for (const given of ['3', '2', '5']) {
    await page.getByRole('button', { name: 'Last step' }).click();
    await answer(page, given);
    await expect(question(page).getByRole('status')).toHaveText(/^(Correct|Not quite)/);
  }
  await expect(lessons.getByRole('link', { name: /^3\. One process, two pids \(done\)$/ })).toBeVisible();

  await lessons.getByRole('link', { name: /^2\. / }).click();
  await expect(page).toHaveURL(/\?lesson=02(#|$)/);
  const editor = page.getByRole('textbox', { name: 'Scenario' });
  await expect(goal(page)).toBeVisible();
  const attempt = `${await editor.inputValue()}shell wait\nshell wait\n`;
  await editor.fill(attempt);
  await page.getByRole('button', { name: 'Last step' }).click();
  await answer(page, '0');
  await goal(page).getByRole('button', { name: 'Check solution' }).click();
  await expect(goal(page).getByRole('status')).toHaveText(/^Solved/);
  await expect(lessons.getByRole('link', { name: /^2\. .*\(done\)$/ })).toBeVisible();

  await page.reload();
  await expect(editor).toHaveValue(attempt);
  await expect(lessons.getByRole('link', { name: /\(done\)$/ })).toHaveCount(2);
  await page.goto('/?lesson=3');
  await expect(page.getByRole('textbox', { name: 'Scenario' })).toHaveValue(/^title: One process, two pids/);

  await lessons.getByRole('button', { name: 'Reset progress' }).click();
  await expect(lessons.getByRole('link', { name: /\(done\)$/ })).toHaveCount(2);
  await lessons.getByRole('button', { name: 'Yes, reset' }).click();
  await expect(lessons.getByRole('link', { name: /\(done\)$/ })).toHaveCount(0);
  await page.reload();
  await expect(lessons.getByRole('link', { name: /\(done\)$/ })).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: 'Scenario' })).toHaveValue(/^title: One process, two pids/);
  await expect(page.getByRole('button', { name: 'Restore it' })).toHaveCount(0);
});

test('a lesson starts with its title and its introduction', async ({ page }) => {
  await page.goto('/?lesson=01');
  await expect(page.getByText(/^A process has a pid — Every process has a number, its pid\./)).toBeVisible();
});

test('a lesson link: ?lesson=NN, or #lesson=NN, also pasted into an open page', async ({ page }) => {
  const lessons = page.getByRole('navigation', { name: 'Lessons' });
  await page.goto('/#lesson=03');
  await expect(page).toHaveURL(/\?lesson=03(#|$)/);
  await expect(lessons.getByRole('link', { name: /^3\. / })).toHaveAttribute('aria-current', 'page');
  await page.evaluate(() => { window.location.hash = '#lesson=02'; });
  await expect(page).toHaveURL(/\?lesson=02(#|$)/);
  await expect(goal(page)).toContainText('Leave no zombie behind');
  await page.getByRole('navigation', { name: 'Scenario tools' }).getByText('Library').click();
  await page.getByRole('list', { name: 'Built-in scenarios' }).getByRole('button').first().click();
  await expect(page).not.toHaveURL(/lesson=/);
  await expect(lessons.getByRole('link', { name: /^2\. / })).not.toHaveAttribute('aria-current', 'page');
});
