import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { seedModel } from './seed';

test('export then import gives the same document', async ({ page, editor, library }) => {
  const { envelope } = seedModel('Round trip');
  await editor.load(envelope);
  await editor.addFromPalette('hsm');
  await editor.expectSaved();
  const original = await editor.document();

  await page.getByRole('button', { name: /export/i }).first().click();
  const downloadPromise = page.waitForEvent('download');
  await page.getByTestId('export-json').click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe('Round trip.rampart.json');
  const text = readFileSync((await download.path())!, 'utf8');
  const exported = JSON.parse(text);
  expect(exported).toEqual(original);

  // Import it back from the library: the model id is taken, so it is stored as a new model with the same content.
  await library.goto();
  await library.importFile('Round trip.rampart.json', text);
  await expect(page.getByTestId('diagram-canvas')).toBeVisible();
  await editor.whenIdle();
  const imported = await editor.document();
  const { id: _a, ...importedModel } = imported.model;
  const { id: _b, ...originalModel } = original.model;
  expect(importedModel).toEqual(originalModel);
  await expect(library.items()).toHaveCount(0); // we are in the editor now
  await library.goto();
  await expect(library.items()).toHaveCount(2);
});

test('importing by dropping a file on the window opens it', async ({ page, editor }) => {
  const { envelope } = seedModel('Dropped model');
  await page.goto('/#/');
  await expect(page.getByTestId('model-library')).toBeVisible();
  const text = JSON.stringify(envelope);
  const dataTransfer = await page.evaluateHandle((json) => {
    const dt = new DataTransfer();
    dt.items.add(new File([json], 'dropped.rampart.json', { type: 'application/json' }));
    return dt;
  }, text);
  await page.dispatchEvent('body', 'dragenter', { dataTransfer });
  await expect(page.getByTestId('drop-overlay')).toBeVisible();
  await page.dispatchEvent('body', 'drop', { dataTransfer });
  await expect(page.getByTestId('diagram-canvas')).toBeVisible();
  await editor.whenIdle();
  expect((await editor.document()).model.name).toBe('Dropped model');
});

test('a broken file is refused with a message naming what and where, and the library is unchanged', async ({ page, editor, library }) => {
  const { envelope } = seedModel('Kept model');
  await editor.load(envelope);
  await editor.expectSaved();
  const stored = await editor.document();
  await library.goto();
  const namesBefore = await library.names();

  // Syntax error: line and column.
  await library.importFile('broken.json', '{ "format": "rampart", "version": 1, "model": { "name": "x", }');
  await expect(page.getByTestId('library-error')).toContainText(/line 1/i);

  // Structurally wrong: the reason and the JSON path.
  const bad = structuredClone(envelope) as { model: Record<string, unknown> };
  bad.model.elements = 'not a list';
  await library.importFile('bad.rampart.json', JSON.stringify(bad));
  await expect(page.getByTestId('library-error')).toContainText('$.model.elements');

  // From a newer Rampart.
  await library.importFile('new.rampart.json', JSON.stringify({ ...envelope, version: 99 }));
  await expect(page.getByTestId('library-error')).toContainText(/newer/i);

  await expect(library.items()).toHaveCount(namesBefore.length);
  expect(await library.names()).toEqual(namesBefore);
  await page.locator('[data-testid^="library-open-"]').first().click();
  await expect(page.getByTestId('diagram-canvas')).toBeVisible();
  await editor.whenIdle();
  expect(await editor.document()).toEqual(stored);
});
