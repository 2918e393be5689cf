import { expect, test } from './fixtures';
import { seedModel } from './seed';

test('the library lists models by last change, renames, duplicates, and deletes with a way back', async ({ page, editor, library }) => {
  await library.goto();
  await expect(page.getByTestId('library-empty')).toBeVisible();

  await editor.load(seedModel('Older model').envelope);
  await library.goto();
  await library.createModel('Newer model');
  await library.goto();
  expect(await library.names()).toEqual(['Newer model', 'Older model']);

  // Rename inline.
  const older = page.locator('[data-testid^="library-item-"]', { hasText: 'Older model' });
  const olderId = (await older.getAttribute('data-testid'))!.replace('library-item-', '');
  await page.getByTestId(`library-rename-${olderId}`).click();
  await page.getByTestId(`library-rename-input-${olderId}`).fill('Bot review');
  await page.getByTestId(`library-rename-input-${olderId}`).press('Enter');
  await expect(page.getByTestId(`library-open-${olderId}`)).toHaveText('Bot review');

  // Duplicate: a copy with the same content under a new id.
  await page.getByTestId(`library-duplicate-${olderId}`).click();
  await expect(library.items()).toHaveCount(3);
  await expect(page.locator('[data-testid^="library-open-"]', { hasText: 'Bot review (copy)' })).toBeVisible();

  // Delete, then undo from the toast; delete again and restore from "recently deleted".
  await page.getByTestId(`library-delete-${olderId}`).click();
  await expect(library.items()).toHaveCount(2);
  await page.getByTestId('library-toast-action').click();
  await expect(library.items()).toHaveCount(3);
  await page.getByTestId(`library-delete-${olderId}`).click();
  await expect(library.items()).toHaveCount(2);
  await page.reload();
  await page.getByTestId('library-deleted').locator('summary').click();
  await expect(page.getByTestId(`library-deleted-item-${olderId}`)).toBeVisible();
  await page.getByTestId(`library-restore-${olderId}`).click();
  await expect(library.items()).toHaveCount(3);

  // The restored model opens with its content intact.
  await page.getByTestId(`library-open-${olderId}`).click();
  await expect(page.getByTestId('diagram-canvas')).toBeVisible();
  await editor.whenIdle();
  const doc = await editor.document();
  expect(doc.model.name).toBe('Bot review');
  expect(doc.model.elements).toHaveLength(4);
});

test('an unknown model id in the URL says so and offers the way back', async ({ page }) => {
  await page.goto('/#/model/does-not-exist');
  await expect(page.getByTestId('load-error-reason')).toContainText('does-not-exist');
  await page.getByTestId('load-error-back').click();
  await expect(page.getByTestId('model-library')).toBeVisible();
});
