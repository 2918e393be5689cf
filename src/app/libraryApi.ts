/**
 * The model library screen's API (panels/library/libraryApi.ts) over the repository. Every new model (blank,
 * template, import) is written with `createModel`, which refuses to overwrite an existing id.
 */
import { createModel } from '../model/document';
import type { ThreatModel } from '../model/types';
import type { Repository } from '../persistence/repository';
import type { ImportOutcome, LibraryApi } from '../panels/library/libraryApi';
import { describeImportWarnings, type ImportResult } from './importExport';
import { whenWritesSettled } from './pendingWrites';
import { navigate } from './routing';
import { getTemplate, TEMPLATES } from './templates/index';

export interface LibraryApiDeps {
  repository: Repository;
  /** Imports one file as a new model (and reports its warnings where the editor will show them). */
  importFile(file: File): Promise<ImportResult>;
  openModel?(id: string): void;
}

const iso = (epochMs: number): string => new Date(epochMs).toISOString();

export function toImportOutcome(result: ImportResult): ImportOutcome {
  if (result.ok) return { ok: true, id: result.id, warnings: describeImportWarnings(result) };
  // The screen prints "<message> (at <path>)", so the path is not repeated in the message.
  return { ok: false, message: result.reason, ...(result.path && result.path !== '$' ? { path: result.path } : {}) };
}

export function createLibraryApi(deps: LibraryApiDeps): LibraryApi {
  const { repository } = deps;

  async function store(model: ThreatModel): Promise<string> {
    await repository.createModel(model);
    return model.id;
  }

  return {
    async listModels() {
      await whenWritesSettled();
      const models = await repository.listModels();
      return models.map((m) => ({ id: m.id, name: m.name, updatedAt: iso(m.updatedAt), elementCount: m.elementCount }));
    },
    async listDeleted() {
      await whenWritesSettled();
      const models = await repository.listDeleted();
      return models.map((m) => ({ id: m.id, name: m.name, deletedAt: iso(m.deletedAt ?? m.updatedAt) }));
    },
    createModel: (name) => store(createModel({ name: name.trim() || 'Untitled model' })),
    openModel: (id) => (deps.openModel ? deps.openModel(id) : navigate({ name: 'model', id })),
    async renameModel(id, name) {
      if ((await repository.renameModel(id, name)) === null) throw new Error('That model no longer exists.');
    },
    async duplicateModel(id) {
      const result = await repository.duplicateModel(id);
      if (!result.ok) throw new Error(`The model could not be duplicated: ${result.reason}`);
      return result.id;
    },
    async deleteModel(id) {
      if (!(await repository.deleteModel(id))) throw new Error('That model no longer exists.');
    },
    async restoreDeleted(id) {
      if (!(await repository.restoreDeleted(id))) throw new Error('That model no longer exists.');
    },
    importFile: async (file) => toImportOutcome(await deps.importFile(file)),
    templates: TEMPLATES.map(({ id, name, description }) => ({ id, name, description })),
    async createFromTemplate(templateId) {
      const template = getTemplate(templateId);
      if (!template) throw new Error(`Unknown template ${templateId}.`);
      return store(template.build());
    },
    currentModelId: null,
  };
}
