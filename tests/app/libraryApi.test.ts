import { afterEach, describe, expect, it } from 'vitest';
import { importText } from '../../src/app/importExport';
import { createLibraryApi } from '../../src/app/libraryApi';
import { TEMPLATES } from '../../src/app/templates/index';
import { serializeEnvelope } from '../../src/model/serialize';
import { openTestDb, type TestDb } from './helpers';

const opened: TestDb[] = [];
afterEach(async () => {
  for (const t of opened.splice(0)) await t.close();
});

function setup() {
  const t = openTestDb();
  opened.push(t);
  const openedIds: string[] = [];
  const api = createLibraryApi({
    repository: t.repository,
    importFile: async (file) => importText(await file.text(), t.repository),
    openModel: (id) => void openedIds.push(id),
  });
  return { ...t, api, openedIds };
}

describe('library API', () => {
  it('creates, renames, duplicates, deletes and restores models', async () => {
    const { api } = setup();
    const id = await api.createModel('  Order entry  ');
    expect((await api.listModels()).map((m) => [m.id, m.name])).toEqual([[id, 'Order entry']]);

    await api.renameModel(id, 'Order routing');
    const copy = await api.duplicateModel(id);
    const names = (await api.listModels()).map((m) => m.name).sort();
    expect(names).toEqual(['Order routing', 'Order routing (copy)']);

    await api.deleteModel(copy);
    expect((await api.listModels()).map((m) => m.id)).toEqual([id]);
    expect((await api.listDeleted()).map((m) => m.id)).toEqual([copy]);
    expect(Number.isNaN(Date.parse((await api.listDeleted())[0].deletedAt))).toBe(false);

    await api.restoreDeleted(copy);
    expect((await api.listModels()).map((m) => m.id).sort()).toEqual([id, copy].sort());
  });

  it('rejects operations on a model that does not exist', async () => {
    const { api } = setup();
    await expect(api.renameModel('missing', 'x')).rejects.toThrow();
    await expect(api.deleteModel('missing')).rejects.toThrow();
    await expect(api.duplicateModel('missing')).rejects.toThrow();
  });

  it('creates a model from each template with its elements', async () => {
    const { api, repository } = setup();
    expect(api.templates.map((t) => t.id)).toEqual(TEMPLATES.map((t) => t.id));
    for (const template of api.templates) {
      const id = await api.createFromTemplate(template.id);
      const loaded = await repository.loadModel(id);
      expect(loaded.ok && loaded.model.elements.length).toBeGreaterThan(0);
    }
    await expect(api.createFromTemplate('nope')).rejects.toThrow(/Unknown template/);
  });

  it('imports a file as an outcome the screen can show', async () => {
    const { api } = setup();
    const model = TEMPLATES[0].build();
    const file = new File([serializeEnvelope(model)], 'exchange.rampart.json');
    expect(await api.importFile(file)).toEqual({ ok: true, id: model.id, warnings: [] });
    const bad = new File(['{"format":"rampart","version":99,"model":{}}'], 'future.json');
    const outcome = await api.importFile(bad);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.message).toMatch(/newer/);
      expect(outcome.path).toBe('$.version');
    }
  });

  it('opens a model through the app', async () => {
    const { api, openedIds } = setup();
    await api.openModel('abc');
    expect(openedIds).toEqual(['abc']);
  });
});
