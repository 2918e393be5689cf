// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EMPTY_LIBRARY_TEXT, ModelLibrary, type DeletedEntry, type ImportOutcome, type LibraryApi, type LibraryEntry } from '../../src/panels/library/ModelLibrary';
import { blur, byTestId, click, fire, flush, keyDown, queryTestId, render, type, type Rendered } from './dom';

const NOW = Date.parse('2025-03-01T12:00:00.000Z');

/** An in-memory library that behaves like the repository: soft delete, restore, duplicate. */
function fakeApi(initial: LibraryEntry[] = []): LibraryApi & { opened: string[] } {
  let models = [...initial];
  let deleted: (DeletedEntry & { entry: LibraryEntry })[] = [];
  let n = 0;
  const opened: string[] = [];
  return {
    opened,
    listModels: async () => models,
    listDeleted: async () => deleted.map(({ id, name, deletedAt }) => ({ id, name, deletedAt })),
    createModel: async (name) => {
      const id = `new-${++n}`;
      models = [...models, { id, name, updatedAt: new Date(NOW).toISOString(), elementCount: 0 }];
      return id;
    },
    openModel: (id) => void opened.push(id),
    renameModel: async (id, name) => void (models = models.map((m) => (m.id === id ? { ...m, name } : m))),
    duplicateModel: async (id) => {
      const src = models.find((m) => m.id === id)!;
      const copy = { ...src, id: `copy-${++n}`, name: `${src.name} (copy)` };
      models = [...models, copy];
      return copy.id;
    },
    deleteModel: async (id) => {
      const entry = models.find((m) => m.id === id)!;
      models = models.filter((m) => m.id !== id);
      deleted = [...deleted, { id, name: entry.name, deletedAt: new Date(NOW).toISOString(), entry }];
    },
    restoreDeleted: async (id) => {
      const d = deleted.find((x) => x.id === id)!;
      deleted = deleted.filter((x) => x.id !== id);
      models = [...models, d.entry];
    },
    importFile: vi.fn(async (): Promise<ImportOutcome> => ({ ok: false, message: 'not a threat model', path: '$.model.elements[3]' })),
    templates: [{ id: 'exchange', name: 'Exchange API client', description: 'A bot trading on a venue' }],
    createFromTemplate: async (templateId) => {
      const id = `tpl-${templateId}`;
      models = [...models, { id, name: 'From template', updatedAt: new Date(NOW).toISOString(), elementCount: 6 }];
      return id;
    },
  };
}

let view: Rendered | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
  vi.useRealTimers();
});

async function mount(api: LibraryApi) {
  view = render(<ModelLibrary api={api} />);
  await flush();
  return view.container;
}

describe('<ModelLibrary />', () => {
  it('explains what to do when there is nothing yet, and starts from a template', async () => {
    const api = fakeApi();
    const c = await mount(api);
    expect(byTestId(c, 'library-empty').textContent).toBe(EMPTY_LIBRARY_TEXT);
    click(byTestId(c, 'library-template-exchange'));
    await flush();
    expect(api.opened).toEqual(['tpl-exchange']);
  });

  it('lists models newest first with relative time and element count', async () => {
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
    const c = await mount(
      fakeApi([
        { id: 'old', name: 'Old model', updatedAt: '2025-02-20T12:00:00.000Z', elementCount: 1 },
        { id: 'recent', name: 'Recent model', updatedAt: '2025-03-01T11:55:00.000Z', elementCount: 12 },
      ]),
    );
    const items = Array.from(byTestId(c, 'library-list').querySelectorAll('li')).map((li) => li.dataset.testid);
    expect(items).toEqual(['library-item-recent', 'library-item-old']);
    expect(byTestId(c, 'library-updated-recent').textContent).toBe('updated 5 minutes ago');
    expect(byTestId(c, 'library-count-recent').textContent).toBe('12 elements');
    expect(byTestId(c, 'library-count-old').textContent).toBe('1 element');
  });

  it('creates a model through the name dialog and opens it', async () => {
    const api = fakeApi();
    const c = await mount(api);
    click(byTestId(c, 'library-create'));
    const input = byTestId<HTMLInputElement>(document.body, 'library-create-dialog-input');
    expect(document.activeElement).toBe(input);
    type(input, 'Market maker');
    click(byTestId(document.body, 'library-create-dialog-confirm'));
    await flush();
    expect(api.opened).toEqual(['new-1']);
    expect(byTestId(c, 'library-open-new-1').textContent).toBe('Market maker');
  });

  it('renames inline on Enter, cancels on Escape', async () => {
    const c = await mount(fakeApi([{ id: 'a', name: 'Alpha', updatedAt: '2025-03-01T00:00:00Z', elementCount: 0 }]));
    click(byTestId(c, 'library-rename-a'));
    const input = byTestId<HTMLInputElement>(c, 'library-rename-input-a');
    type(input, 'Alpha v2');
    keyDown(input, 'Enter');
    await flush();
    expect(byTestId(c, 'library-open-a').textContent).toBe('Alpha v2');

    click(byTestId(c, 'library-rename-a'));
    const again = byTestId<HTMLInputElement>(c, 'library-rename-input-a');
    type(again, 'Discarded');
    keyDown(again, 'Escape');
    await flush();
    expect(byTestId(c, 'library-open-a').textContent).toBe('Alpha v2');
  });

  it('deletes with an Undo toast, and restores from recently deleted', async () => {
    const c = await mount(
      fakeApi([
        { id: 'a', name: 'Alpha', updatedAt: '2025-03-01T00:00:00Z', elementCount: 0 },
        { id: 'b', name: 'Beta', updatedAt: '2025-03-01T00:00:00Z', elementCount: 0 },
      ]),
    );
    click(byTestId(c, 'library-delete-a'));
    await flush();
    expect(queryTestId(c, 'library-item-a')).toBeNull();
    expect(byTestId(c, 'library-toast').textContent).toContain('Alpha');
    click(byTestId(c, 'library-toast-action'));
    await flush();
    expect(queryTestId(c, 'library-item-a')).not.toBeNull();
    expect(queryTestId(c, 'library-toast')).toBeNull();

    click(byTestId(c, 'library-delete-b'));
    await flush();
    click(byTestId(c, 'library-toast-close'));
    expect(byTestId(c, 'library-deleted').textContent).toContain('Beta');
    click(byTestId(c, 'library-restore-b'));
    await flush();
    expect(queryTestId(c, 'library-item-b')).not.toBeNull();
    expect(queryTestId(c, 'library-deleted')).toBeNull();
  });

  it('duplicates a model and stays on the library', async () => {
    const api = fakeApi([{ id: 'a', name: 'Alpha', updatedAt: '2025-03-01T00:00:00Z', elementCount: 3 }]);
    const c = await mount(api);
    click(byTestId(c, 'library-duplicate-a'));
    await flush();
    expect(c.textContent).toContain('Alpha (copy)');
    expect(api.opened).toEqual([]);
  });

  it('shows an import error with its path in the alert region', async () => {
    const api = fakeApi();
    const c = await mount(api);
    const input = byTestId<HTMLInputElement>(c, 'library-import-input');
    const file = new File(['{}'], 'broken.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    fire(input, new Event('change', { bubbles: true }));
    await flush();
    expect(api.importFile).toHaveBeenCalledWith(file);
    const alert = byTestId(c, 'library-error');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toBe('Could not import broken.json: not a threat model (at $.model.elements[3])');
    expect(api.opened).toEqual([]);
  });

  it('shows a failing operation as an error instead of throwing', async () => {
    const api = fakeApi([{ id: 'a', name: 'Alpha', updatedAt: '2025-03-01T00:00:00Z', elementCount: 0 }]);
    api.renameModel = async () => {
      throw new Error('QuotaExceededError');
    };
    const c = await mount(api);
    click(byTestId(c, 'library-rename-a'));
    const input = byTestId<HTMLInputElement>(c, 'library-rename-input-a');
    type(input, 'New');
    blur(input);
    await flush();
    expect(byTestId(c, 'library-error').textContent).toContain('Renaming failed: QuotaExceededError');
  });
});
