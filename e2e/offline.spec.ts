import { expect, test } from './fixtures';

test('after one visit the app opens and works with no network', async ({ page, context, library, editor }) => {
  await page.goto('/#/');
  await expect(page.getByTestId('model-library')).toBeVisible();
  // The service worker controls the page from the next load on.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('model-library')).toBeVisible();
  await library.createModel('Offline model');
  const id = await editor.addFromPalette('wallet');
  await editor.expectSaved();
  await page.reload();
  await expect(editor.node(id)).toBeVisible();
  // Analysis runs offline too: the worker chunk is precached.
  await expect.poll(async () => (await editor.findingIds()).length).toBeGreaterThan(0);
  await context.setOffline(false);
});
