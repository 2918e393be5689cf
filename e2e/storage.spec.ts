import { expect, test } from './fixtures';
import { seedModel } from './seed';

/** Makes every IndexedDB write in the page fail as a full disk does, until `restore` is called. */
async function fillDisk(page: import('@playwright/test').Page) {
  await page.evaluate(() => {
    const w = window as unknown as { __realPut?: typeof IDBObjectStore.prototype.put; __realAdd?: typeof IDBObjectStore.prototype.add };
    w.__realPut = IDBObjectStore.prototype.put;
    w.__realAdd = IDBObjectStore.prototype.add;
    const full = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    IDBObjectStore.prototype.put = full;
    IDBObjectStore.prototype.add = full;
  });
  return async () =>
    page.evaluate(() => {
      const w = window as unknown as { __realPut: typeof IDBObjectStore.prototype.put; __realAdd: typeof IDBObjectStore.prototype.add };
      IDBObjectStore.prototype.put = w.__realPut;
      IDBObjectStore.prototype.add = w.__realAdd;
    });
}

test('a full disk is shown with a way out, and the work is saved once there is room again', async ({ page, editor }) => {
  const { ids, envelope } = seedModel();
  const modelId = await editor.load(envelope);
  const restoreDisk = await fillDisk(page);

  await page.evaluate((id) => window.rampart.setProperty(id, 'ipAllowlist', true), ids.bot);
  await expect(page.getByTestId('banner-quota')).toBeVisible();
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'error');
  // The way out: export still works while storage is full.
  const download = page.waitForEvent('download');
  await page.getByTestId('banner-quota-export').click();
  expect((await download).suggestedFilename()).toMatch(/\.rampart\.json$/);

  await restoreDisk();
  await page.getByTestId('banner-quota-retry').click();
  await expect(page.getByTestId('banner-quota')).toHaveCount(0);
  await editor.expectSaved();
  await page.goto(`/#/model/${modelId}`);
  await page.reload();
  await expect(page.getByTestId('diagram-canvas')).toBeVisible();
  await editor.whenIdle();
  expect((await editor.document()).model.elements.find((e) => e.id === ids.bot)!.props.ipAllowlist).toBe(true);
});

test('two tabs on one model never silently overwrite each other', async ({ page, context, editor }) => {
  const { ids, envelope } = seedModel();
  const modelId = await editor.load(envelope);
  const other = await context.newPage();
  await other.goto(`/#/model/${modelId}`);
  await expect(other.getByTestId('diagram-canvas')).toBeVisible();
  await other.evaluate(() => window.rampart.whenIdle());

  // An idle tab follows the other tab's saves.
  await page.evaluate((id) => window.rampart.setProperty(id, 'sharedKey', true), ids.bot);
  await editor.whenIdle();
  await expect
    .poll(() => other.evaluate((id) => window.rampart.getDocument()!.model.elements.find((e) => e.id === id)!.props.sharedKey, ids.bot))
    .toBe(true);

  // Both edit at once: one of them is told, and nothing the other saved is lost.
  await Promise.all([
    page.evaluate((id) => window.rampart.setProperty(id, 'keyExpiry', true), ids.bot),
    other.evaluate((id) => window.rampart.setProperty(id, 'mfa', false), ids.trader),
  ]);
  const conflictShown = async () =>
    (await page.getByTestId('banner-conflict').count()) + (await other.getByTestId('banner-conflict').count());
  await expect.poll(conflictShown, { timeout: 10_000 }).toBe(1);
  const loser = (await page.getByTestId('banner-conflict').count()) ? page : other;
  const winner = loser === page ? other : page;
  await winner.evaluate(() => window.rampart.whenIdle());
  const stored = await winner.evaluate(() => window.rampart.getDocument()!);
  // The losing tab keeps its edit as a copy instead of overwriting.
  await loser.getByTestId('banner-conflict-keep').click();
  await expect(loser.getByTestId('banner-conflict')).toHaveCount(0);
  await winner.reload();
  await expect(winner.getByTestId('diagram-canvas')).toBeVisible();
  await winner.evaluate(() => window.rampart.whenIdle());
  const after = await winner.evaluate(() => window.rampart.getDocument()!);
  expect(after.model.elements).toEqual(stored.model.elements);
  await winner.goto('/#/');
  await expect(winner.locator('[data-testid^="library-item-"]')).toHaveCount(2);
  await other.close();
});
