import { expect, test } from './fixtures';
import { seedModel } from './seed';

test('a reload reopens the model from the URL with every change kept', async ({ page, editor }) => {
  const { ids, envelope } = seedModel();
  const modelId = await editor.load(envelope);
  await expect(page).toHaveURL(new RegExp(`#/model/${modelId}$`));

  // Changes of several kinds, made through the UI.
  const added = await editor.addFromPalette('signingService');
  await editor.select(ids.bot);
  await editor.rename('Quoting bot');
  await editor.setBoolean('ipAllowlist', 'yes');
  await editor.expectSaved();
  const before = await editor.document();

  await page.reload();
  await expect(page.getByTestId('diagram-canvas')).toBeVisible();
  await editor.whenIdle();
  const after = await editor.document();
  expect(after).toEqual(before);
  expect(after.model.elements.some((e) => e.id === added)).toBe(true);
  await expect(page.getByTestId(`element-name-${ids.bot}`)).toHaveText('Quoting bot');
});

test('a change is flushed when the tab is hidden, before the debounce fires', async ({ page, context, editor }) => {
  const { ids, envelope } = seedModel();
  const modelId = await editor.load(envelope);
  await page.evaluate((id) => window.rampart.setProperty(id, 'sharedKey', true), ids.bot);
  // Closing the page right away: pagehide/visibilitychange must flush the pending save.
  await page.close({ runBeforeUnload: true });
  const again = await context.newPage();
  await again.goto(`/#/model/${modelId}`);
  await expect(again.getByTestId('diagram-canvas')).toBeVisible();
  await again.evaluate(() => window.rampart.whenIdle());
  const props = await again.evaluate((id) => window.rampart.getDocument()!.model.elements.find((e) => e.id === id)!.props, ids.bot);
  expect(props.sharedKey).toBe(true);
});
