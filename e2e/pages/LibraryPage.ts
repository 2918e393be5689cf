import { expect, type Locator, type Page } from '@playwright/test';

/** The model library screen (#/). */
export class LibraryPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto('/#/');
    await this.loaded();
  }

  /** Waits until the stored models have been read (the list starts as "Loading…"). */
  async loaded(): Promise<void> {
    await expect(this.page.getByTestId('model-library')).toBeVisible();
    await expect(this.page.getByTestId('library-loading')).toHaveCount(0);
  }

  items(): Locator {
    return this.page.locator('[data-testid^="library-item-"]');
  }

  async createModel(name: string): Promise<void> {
    await this.page.getByTestId('library-create').click();
    await this.page.getByTestId('library-create-dialog-input').fill(name);
    await this.page.getByTestId('library-create-dialog-confirm').click();
    await expect(this.page.getByTestId('editor')).toBeVisible();
  }

  async importFile(name: string, contents: string): Promise<void> {
    await this.page.getByTestId('library-import-input').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(contents) });
  }

  /** Names of the models listed, in screen order. */
  async names(): Promise<string[]> {
    await this.loaded();
    return this.page.locator('[data-testid^="library-open-"]').allInnerTexts();
  }
}
