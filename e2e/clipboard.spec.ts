import { expect, test } from './fixtures';
import { seedModel } from './seed';

test('shift-click multi-select, copy/paste and duplicate by keyboard, each undoable', async ({ page, editor }) => {
  const { ids, envelope } = seedModel();
  await editor.load(envelope);
  const count = async () => (await editor.document()).model.elements.length;
  const flows = async () => (await editor.document()).model.flows.length;
  expect(await count()).toBe(4);
  expect(await flows()).toBe(3);

  // Two connected elements selected with shift-click: a copy keeps the flow between them.
  await editor.node(ids.bot).click();
  await editor.node(ids.secrets).click({ modifiers: ['Shift'] });
  await expect(page.getByTestId('inspector-multi-count')).toContainText('2');
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  await expect.poll(count).toBe(6);
  expect(await flows()).toBe(4);
  const pasted = (await editor.document()).model.elements.filter((e) => ![ids.bot, ids.secrets, ids.trader, ids.exchange].includes(e.id));
  expect(pasted.map((e) => e.name).sort()).toEqual(['Key vault', 'Market-making bot']);

  await editor.undo();
  await expect.poll(count).toBe(4);
  expect(await flows()).toBe(3);

  // Duplicate one element.
  await editor.node(ids.trader).click();
  await page.keyboard.press('Control+d');
  await expect.poll(count).toBe(5);
  await page.keyboard.press('Control+z');
  await expect.poll(count).toBe(4);

  // Select all, then Escape clears the selection.
  await page.keyboard.press('Control+a');
  await expect(page.getByTestId('inspector-multi')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('inspector-model')).toBeVisible();

  // The shortcut list opens with '?'.
  await page.keyboard.press('?');
  await expect(page.getByTestId('shortcuts-dialog')).toBeVisible();
});
