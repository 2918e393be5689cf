/**
 * Shared Playwright fixture: every test fails if the page throws, logs an error, or makes a request to any other
 * origin (DESIGN.md §11: the built app never talks to another origin).
 */
import { test as base, expect } from '@playwright/test';
import { EditorPage } from './pages/EditorPage';
import { LibraryPage } from './pages/LibraryPage';

interface Fixtures {
  library: LibraryPage;
  editor: EditorPage;
}

export const test = base.extend<Fixtures & { guard: void }>({
  guard: [
    async ({ page, baseURL }, use) => {
      const problems: string[] = [];
      const origin = new URL(baseURL!).origin;
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
      });
      page.on('request', (r) => {
        const url = r.url();
        if (/^(data|blob):/.test(url)) return;
        if (new URL(url).origin !== origin) problems.push(`request to another origin: ${url}`);
      });
      await use();
      expect(problems, 'page errors or foreign requests').toEqual([]);
    },
    { auto: true },
  ],
  library: async ({ page }, use) => use(new LibraryPage(page)),
  editor: async ({ page }, use) => use(new EditorPage(page)),
});

export { expect };
