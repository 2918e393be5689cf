/**
 * Finding things in the document by id, for the panels. Pure and cheap: a selector may call `findItem` on
 * every store change because it returns the document's own objects, which keep their identity until edited.
 */
import type { Finding } from '../model/findings';
import { getPropertyDecl, type PropTarget } from '../model/properties';
import type { Boundary, Flow, Id, ModelElement, Note, ThreatModel } from '../model/types';

export type ItemRef =
  | { kind: 'element'; item: ModelElement }
  | { kind: 'flow'; item: Flow }
  | { kind: 'boundary'; item: Boundary }
  | { kind: 'note'; item: Note };

/** The element, flow, boundary or note with this id; the same object for the same document version. */
export function findItem(model: ThreatModel | null, id: Id): ModelElement | Flow | Boundary | Note | undefined {
  if (!model) return undefined;
  return (
    model.elements.find((e) => e.id === id) ??
    model.flows.find((f) => f.id === id) ??
    model.boundaries.find((b) => b.id === id) ??
    model.notes.find((n) => n.id === id)
  );
}

/** Tells the four item shapes apart by their distinguishing fields. */
export function toItemRef(item: ModelElement | Flow | Boundary | Note): ItemRef {
  if ('source' in item) return { kind: 'flow', item };
  if ('shape' in item) return { kind: 'boundary', item };
  if ('kind' in item) return { kind: 'element', item };
  return { kind: 'note', item };
}

/** `findItem` with the kind of item attached; built outside selectors (it allocates). */
export function classifyItem(model: ThreatModel | null, id: Id): ItemRef | undefined {
  if (!model) return undefined;
  const element = model.elements.find((e) => e.id === id);
  if (element) return { kind: 'element', item: element };
  const flow = model.flows.find((f) => f.id === id);
  if (flow) return { kind: 'flow', item: flow };
  const boundary = model.boundaries.find((b) => b.id === id);
  if (boundary) return { kind: 'boundary', item: boundary };
  const note = model.notes.find((n) => n.id === id);
  if (note) return { kind: 'note', item: note };
  return undefined;
}

/** Display names of every element, flow and boundary; a flow without a name reads "source → target". */
export function buildNameIndex(model: ThreatModel | null): Map<Id, string> {
  const names = new Map<Id, string>();
  if (!model) return names;
  for (const e of model.elements) names.set(e.id, e.name || '(unnamed element)');
  for (const b of model.boundaries) names.set(b.id, b.name || '(unnamed boundary)');
  for (const f of model.flows) {
    const fallback = `${names.get(f.source) ?? '?'} → ${names.get(f.target) ?? '?'}`;
    names.set(f.id, f.name || fallback);
  }
  names.set('$model', model.name || 'Model');
  return names;
}

/**
 * Where a mitigation control must be set. A flow finding's control may be a property of one of its endpoints
 * (`secretStorage` lives on the process that holds the key), so the answer is, in order: the target the
 * finding's own evidence read that property from; the finding's target if the property applies to it; the
 * flow's source, then its target, if the property applies to their kind. Null when nothing fits.
 */
export function resolveControlTarget(model: ThreatModel, finding: Pick<Finding, 'targetId' | 'evidence'>, property: string): Id | null {
  const fromEvidence = finding.evidence.find((ev) => ev.property === property);
  // An item without a target is about the finding's own target.
  const evidenceTarget = fromEvidence && (fromEvidence.targetId ?? finding.targetId);
  if (evidenceTarget && findItem(model, evidenceTarget)) return evidenceTarget;
  const decl = getPropertyDecl(property);
  const applies = (target: PropTarget) => !decl || decl.appliesTo.includes(target);
  const ref = classifyItem(model, finding.targetId);
  if (!ref) return null;
  switch (ref.kind) {
    case 'element':
      return applies(ref.item.kind) ? ref.item.id : null;
    case 'boundary':
      return applies('boundary') ? ref.item.id : null;
    case 'note':
      return null;
    case 'flow': {
      if (decl?.appliesTo.includes('flow') ?? true) return ref.item.id;
      for (const endpoint of [ref.item.source, ref.item.target]) {
        const el = model.elements.find((e) => e.id === endpoint);
        if (el && applies(el.kind)) return el.id;
      }
      return null;
    }
  }
}
