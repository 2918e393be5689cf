/**
 * What the model library screen needs from persistence and import. Panels may not import persistence/ or
 * interop/ (DESIGN.md §1): the screen declares this interface and app/ implements it over the repository.
 * Every method may reject; the screen shows the error and keeps what it had.
 */

export interface LibraryEntry {
  id: string;
  name: string;
  /** ISO time of the last change; the list is sorted by it, newest first. */
  updatedAt: string;
  /** Elements over all diagrams. */
  elementCount: number;
}

export interface DeletedEntry {
  id: string;
  name: string;
  /** ISO time of the (soft) deletion. */
  deletedAt: string;
}

export interface TemplateInfo {
  id: string;
  name: string;
  description: string;
}

export type ImportOutcome =
  | {
      ok: true;
      /** Id of the stored model (the screen opens it). */
      id: string;
      /** What restore repaired or dropped, for the analyst to read. */
      warnings?: readonly string[];
    }
  | {
      ok: false;
      /** Why the file was refused, e.g. "not a Rampart, Threat Dragon, OTM or TMT file". */
      message: string;
      /** JSON path of the problem when known, e.g. "$.model.elements[3].position". */
      path?: string;
    };

export interface LibraryApi {
  /** Stored models (not the deleted ones), in any order: the screen sorts them. */
  listModels(): Promise<readonly LibraryEntry[]>;
  /** Soft-deleted models that can still be restored. */
  listDeleted(): Promise<readonly DeletedEntry[]>;
  /** Creates and stores an empty model; resolves to its id. The screen then calls openModel. */
  createModel(name: string): Promise<string>;
  /** Opens a model in the editor (the app switches screens). */
  openModel(id: string): void | Promise<void>;
  renameModel(id: string, name: string): Promise<void>;
  /** Stores a copy ("<name> (copy)") and resolves to its id; the screen stays on the library. */
  duplicateModel(id: string): Promise<string>;
  /** Soft delete: recoverable through restoreDeleted. */
  deleteModel(id: string): Promise<void>;
  restoreDeleted(id: string): Promise<void>;
  /** Detects the format, validates and stores the file without touching existing models; never rejects for a bad file. */
  importFile(file: File): Promise<ImportOutcome>;
  readonly templates: readonly TemplateInfo[];
  /** Creates and stores a model from a template; resolves to its id. The screen then calls openModel. */
  createFromTemplate(templateId: string): Promise<string>;
  /** The model open in the editor, if any: marked in the list. */
  readonly currentModelId?: string | null;
  /** Optional change feed (another tab saved, say); returns the unsubscribe function. */
  subscribe?(onChange: () => void): () => void;
}
