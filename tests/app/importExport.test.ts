import { afterEach, describe, expect, it } from 'vitest';
import { describeImportFailure, describeImportWarnings, ID_CHANGED_MESSAGE, importFile, importText, MAX_IMPORT_BYTES } from '../../src/app/importExport';
import { TEMPLATES } from '../../src/app/templates/index';
import { serializeEnvelope } from '../../src/model/serialize';
import { openTestDb, type TestDb } from './helpers';

const opened: TestDb[] = [];
function open(): TestDb {
  const t = openTestDb();
  opened.push(t);
  return t;
}
afterEach(async () => {
  for (const t of opened.splice(0)) await t.close();
});

const exchange = () => TEMPLATES.find((t) => t.id === 'crypto-exchange-api')!.build();

describe('import', () => {
  it('stores a valid file as a new model and keeps its ids', async () => {
    const { repository } = open();
    const model = exchange();
    const result = await importText(serializeEnvelope(model), repository);
    expect(result).toMatchObject({ ok: true, id: model.id, idChanged: false, warnings: [] });
    const loaded = await repository.loadModel(model.id);
    expect(loaded.ok && loaded.model.elements.map((e) => e.id).sort()).toEqual(model.elements.map((e) => e.id).sort());
  });

  it('round-trips export and import to the same document', async () => {
    const { repository } = open();
    const model = exchange();
    const text = serializeEnvelope(model);
    await importText(text, repository);
    const loaded = await repository.loadModel(model.id);
    expect(loaded.ok).toBe(true);
    if (loaded.ok) expect(serializeEnvelope(loaded.model)).toBe(text);
  });

  it('gives the import a new id when the library already holds that id, and says so', async () => {
    const { repository } = open();
    const model = exchange();
    await repository.createModel({ ...model, name: 'Mine' });
    const result = await importText(serializeEnvelope(model), repository);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.idChanged).toBe(true);
    expect(result.id).not.toBe(model.id);
    expect(describeImportWarnings(result)).toContain(ID_CHANGED_MESSAGE);
    const mine = await repository.loadModel(model.id);
    expect(mine.ok && mine.model.name).toBe('Mine');
    const imported = await repository.loadModel(result.id);
    expect(imported.ok && imported.model.name).toBe(model.name);
  });

  it('refuses an invalid file with a reason and a JSON path, and stores nothing', async () => {
    const { repository } = open();
    const existing = exchange();
    await repository.createModel(existing);
    const before = await repository.loadRawDocument(existing.id);
    const bad = JSON.parse(serializeEnvelope(exchange()));
    bad.model.flows = { not: 'a list' };
    bad.model.id = existing.id;
    const result = await importText(JSON.stringify(bad), repository);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.kind).toBe('invalid');
    expect(result.path).toBe('$.model.flows');
    expect(describeImportFailure(result)).toContain(result.path);
    expect((await repository.listModels()).map((m) => m.id)).toEqual([existing.id]);
    expect(await repository.loadRawDocument(existing.id)).toEqual(before);
  });

  it('refuses text that is not JSON', async () => {
    const { repository } = open();
    const result = await importText('{ "format": "rampart", ', repository);
    expect(result.ok).toBe(false);
    expect(await repository.listModels()).toEqual([]);
  });

  it('refuses an oversized file before reading it', async () => {
    const { repository } = open();
    const huge = { size: MAX_IMPORT_BYTES + 1, text: () => Promise.reject(new Error('must not be read')) } as unknown as Blob;
    const result = await importFile(huge, repository);
    expect(result).toMatchObject({ ok: false, kind: 'invalid', path: '$' });
  });

  it('reports a storage failure without claiming success', async () => {
    const { repository } = open();
    const quota = Object.assign(new Error('full'), { name: 'QuotaExceededError' });
    const failing = { ...repository, createModel: () => Promise.reject(quota) };
    const result = await importText(serializeEnvelope(exchange()), failing);
    expect(result).toMatchObject({ ok: false, kind: 'storage' });
    if (!result.ok) expect(result.reason).toMatch(/storage full/);
  });
});
