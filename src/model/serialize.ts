/**
 * The document on disk (DESIGN.md §2): a versioned envelope, serialised deterministically so that a model kept
 * in git diffs cleanly. Keys are sorted at every depth; elements, flows, boundaries, notes and manual threats
 * are sorted by id (their order carries no meaning); diagrams keep their order (it is the tab order); other
 * arrays (points, list values, crossedBy) keep theirs.
 *
 * Fields this version did not understand (`model.extra`, filled by `restore`) are written back at the top of
 * the model where they came from, so a newer Rampart that wrote them finds them again.
 */
import { stableStringify } from '../lib/stableJson';
import { DOCUMENT_FORMAT, DOCUMENT_VERSION, type Envelope, type ThreatModel } from './types';

/** The model fields this version understands (everything else read from a file goes to `extra`). */
export const MODEL_FIELDS: readonly (keyof ThreatModel)[] = [
  'id', 'name', 'description', 'owner', 'createdAt', 'updatedAt', 'diagrams', 'elements', 'boundaries', 'flows',
  'notes', 'triage', 'manualThreats', 'rulePacks',
];

/** Wraps a model in the current envelope, with `extra` fields restored to the top level of the model. */
export function toEnvelope(model: ThreatModel): Envelope {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(model.extra ?? {})) {
    if (!(MODEL_FIELDS as readonly string[]).includes(key)) {
      Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
    }
  }
  for (const key of MODEL_FIELDS) out[key] = model[key];
  return { format: DOCUMENT_FORMAT, version: DOCUMENT_VERSION, model: out as unknown as ThreatModel };
}

const byId = <T extends { id: string }>(items: readonly T[]): T[] =>
  [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** The envelope as deterministic text: sorted keys, id-sorted collections, 2-space JSON, trailing newline. */
export function serializeEnvelope(model: ThreatModel): string {
  const envelope = toEnvelope(model);
  const m = envelope.model;
  const ordered = {
    ...envelope,
    model: {
      ...m,
      elements: byId(m.elements),
      flows: byId(m.flows),
      boundaries: byId(m.boundaries),
      notes: byId(m.notes),
      manualThreats: byId(m.manualThreats),
    },
  };
  return stableStringify(ordered);
}
