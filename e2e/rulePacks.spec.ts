import { expect, test } from './fixtures';
import { seedModel } from './seed';

test('packs and single rules can be switched off and on per model, each as one undo step', async ({ page, editor }) => {
  const { ids, envelope } = seedModel();
  await editor.load(envelope);
  const key05 = `KEY-05@${ids.bot}`;
  await editor.whenIdle();
  const tradingIds = await page.evaluate(() => window.rampart.getFindings().filter((f) => f.packId === 'trading').map((f) => f.id));
  expect(tradingIds).toContain(key05);

  await page.getByTestId('rule-packs-button').click();
  // One rule off: only its findings go.
  await page.getByTestId('pack-rules-trading').click();
  await page.getByTestId('rule-toggle-KEY-05').uncheck();
  await expect.poll(() => editor.findingIds()).not.toContain(key05);
  expect((await editor.document()).model.rulePacks.disabledRules).toEqual(['KEY-05']);
  expect((await editor.findingIds()).length).toBeGreaterThan(tradingIds.length / 2);

  // The whole trading pack off: none of its findings remain; STRIDE findings stay.
  await page.getByTestId('pack-toggle-trading').uncheck();
  await expect.poll(async () => (await editor.findingIds()).filter((id) => tradingIds.includes(id))).toEqual([]);
  expect(await page.evaluate(() => window.rampart.getFindings().some((f) => f.packId === 'stride'))).toBe(true);

  await editor.undo();
  await expect.poll(async () => (await editor.findingIds()).filter((id) => tradingIds.includes(id)).length).toBe(tradingIds.length - 1);
  await editor.undo();
  await expect.poll(() => editor.findingIds()).toContain(key05);

  // The choice is part of the model: it survives a reload.
  await page.getByTestId('pack-toggle-defi').uncheck();
  await editor.expectSaved();
  await page.reload();
  await expect(page.getByTestId('diagram-canvas')).toBeVisible();
  await editor.whenIdle();
  expect((await editor.document()).model.rulePacks.enabled).not.toContain('defi');
});
