/**
 * Native import and export (DESIGN.md §2, §11). An import is validated completely (parseAndRestore) before
 * anything is written, and it is only ever stored as a NEW model: a bad file, or a file carrying the id of a
 * model already in the library, never changes an existing model.
 */
import { newId } from '../model/ids';
import { parseAndRestore, type RestoreWarning } from '../model/restore';
import { serializeEnvelope } from '../model/serialize';
import type { ThreatModel } from '../model/types';
import { toPersistenceError } from '../persistence/errors';
import type { Repository } from '../persistence/repository';
import { downloadText, nativeExportFileName } from './download';

/** Largest file read at all; restore limits depth and counts itself. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export type ImportResult =
  | {
      ok: true;
      id: string;
      name: string;
      warnings: RestoreWarning[];
      /** The file's model id was taken in this library, so the import got a new one. */
      idChanged: boolean;
    }
  | {
      ok: false;
      /** `invalid`: the file was refused; `storage`: it was valid but the browser would not store it. */
      kind: 'invalid' | 'storage';
      reason: string;
      /** JSON path of the problem ('$' for the whole file, '' when not about the file's content). */
      path: string;
    };

export const ID_CHANGED_MESSAGE = 'A model with the same id is already in your library, so the imported model was stored under a new id.';

/** "$.model.elements[3].kind: expected actor, process or store"; the path is left out when it says nothing. */
export function describeImportFailure(failure: { reason: string; path: string }): string {
  return failure.path && failure.path !== '$' ? `${failure.path}: ${failure.reason}` : failure.reason;
}

/** Restore warnings and the id notice as lines for the analyst. */
export function describeImportWarnings(result: Extract<ImportResult, { ok: true }>): string[] {
  const lines = result.warnings.map((w) => (w.path && w.path !== '$' ? `${w.path}: ${w.message}` : w.message));
  if (result.idChanged) lines.unshift(ID_CHANGED_MESSAGE);
  return lines;
}

/** Stores a restored model as a new library entry, re-issuing its id only if that id is taken. */
export async function storeAsNewModel(
  model: ThreatModel,
  warnings: RestoreWarning[],
  repository: Pick<Repository, 'createModel' | 'loadRawDocument'>,
): Promise<ImportResult> {
  let toStore = model;
  let idChanged = false;
  try {
    if ((await repository.loadRawDocument(model.id)) !== undefined) {
      toStore = { ...model, id: newId() };
      idChanged = true;
    }
    try {
      await repository.createModel(toStore);
    } catch (error) {
      // Another tab may have stored the same file between our check and our write.
      if (idChanged || toPersistenceError(error).kind !== 'conflict') throw error;
      toStore = { ...model, id: newId() };
      idChanged = true;
      await repository.createModel(toStore);
    }
  } catch (error) {
    const problem = toPersistenceError(error);
    const reason =
      problem.kind === 'quota'
        ? 'Your browser refused to store more data (storage full). Nothing was imported.'
        : `The model could not be stored: ${problem.message}`;
    return { ok: false, kind: 'storage', reason, path: '' };
  }
  return { ok: true, id: toStore.id, name: toStore.name, warnings, idChanged };
}

export async function importText(text: string, repository: Pick<Repository, 'createModel' | 'loadRawDocument'>): Promise<ImportResult> {
  const restored = parseAndRestore(text);
  if (!restored.ok) return { ok: false, kind: 'invalid', reason: restored.reason, path: restored.path };
  return storeAsNewModel(restored.model, restored.warnings, repository);
}

export async function importFile(file: Blob, repository: Pick<Repository, 'createModel' | 'loadRawDocument'>): Promise<ImportResult> {
  if (file.size > MAX_IMPORT_BYTES) {
    const mb = (file.size / (1024 * 1024)).toFixed(1);
    return { ok: false, kind: 'invalid', reason: `The file is ${mb} MB; Rampart imports files up to ${MAX_IMPORT_BYTES / (1024 * 1024)} MB.`, path: '$' };
  }
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    return { ok: false, kind: 'invalid', reason: `The file could not be read: ${error instanceof Error ? error.message : String(error)}`, path: '$' };
  }
  return importText(text, repository);
}

/** Downloads the model as `<name>.rampart.json` (deterministic native envelope). */
export function exportNative(model: ThreatModel): void {
  downloadText(nativeExportFileName(model.name), serializeEnvelope(model));
}
