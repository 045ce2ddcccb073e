/**
 * Shared e2e fixtures: every test fails if the page logs a console error or throws; helpers
 * read a pid table as text rows and wait for the player to settle on a step. The first-visit
 * guide is marked seen before each page loads (`test.use({ firstVisit: true })` shows it).
 */
import { expect, test as base, type Locator, type Page } from '@playwright/test';

export const test = base.extend<{ consoleErrors: string[]; firstVisit: boolean }>({
  firstVisit: [false, { option: true }],
  context: async ({ context, firstVisit }, use) => {
    if (!firstVisit) await context.addInitScript(() => window.localStorage.setItem('pidns-lab:guide-seen', '1'));
    await use(context);
  },
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(e.message));
      await use(errors);
      expect(errors, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };

export function table(page: Page, ns: string): Locator {
  return page.getByRole('table', { name: `Processes in ${ns}` });
}

/** the first six cells (PID … CMD) of every body row, joined by spaces */
export async function tableRows(page: Page, ns: string): Promise<string[]> {
  const rows = table(page, ns).locator('tbody tr:not([aria-hidden])');
  return rows.evaluateAll((trs) =>
    trs.map((tr) => Array.from(tr.querySelectorAll('td')).slice(0, 6).map((td) => td.textContent ?? '').join(' ')),
  );
}

export async function atStep(page: Page, step: number, total?: number): Promise<void> {
  const status = page.getByRole('status');
  await expect(status).toContainText(total === undefined ? `Step ${step} of` : `Step ${step} of ${total}`);
}

/**
 * the pid tables, once the frame of the shown step has arrived. It reads the status once: after
 * an action that moves the player, wait for its step with atStep() first.
 */
export async function settled(page: Page): Promise<void> {
  const status = await page.getByRole('status').textContent();
  const step = /Step (\d+)/.exec(status ?? '')?.[1];
  await expect(page.locator('.app')).toHaveAttribute('data-frame-step', step ?? '0');
}
