/**
 * The invariants every document satisfies after `restore` and after every operation, as one checkable list.
 * Used by tests (property tests over restore and operations) and available to debug assertions.
 */
import { ELEMENT_KINDS, THREAT_STATUSES, type Id, type ThreatModel } from './types';
import { isPropValue } from './collections';

/** Human-readable violations; empty when the model is sound. */
export function findInvariantViolations(model: ThreatModel): string[] {
  const problems: string[] = [];
  const seen = new Set<Id>();
  const claim = (id: Id, what: string) => {
    if (typeof id !== 'string' || id === '') problems.push(`${what} has an empty id`);
    else if (seen.has(id)) problems.push(`${what} ${id}: duplicate id`);
    seen.add(id);
  };
  if (model.diagrams.length === 0) problems.push('no diagram');
  const diagrams = new Set(model.diagrams.map((d) => d.id));
  model.diagrams.forEach((d) => claim(d.id, 'diagram'));
  const zones = new Map(model.boundaries.filter((b) => b.shape === 'zone').map((b) => [b.id, b]));
  const boundaries = new Map(model.boundaries.map((b) => [b.id, b]));
  for (const b of model.boundaries) {
    claim(b.id, 'boundary');
    if (!diagrams.has(b.diagramId)) problems.push(`boundary ${b.id}: diagram ${b.diagramId} missing`);
    if (b.parentId !== null && zones.get(b.parentId)?.diagramId !== b.diagramId) problems.push(`boundary ${b.id}: bad parent ${b.parentId}`);
    const chain = new Set<Id>([b.id]);
    for (let cur = b.parentId; cur !== null; cur = boundaries.get(cur)?.parentId ?? null) {
      if (chain.has(cur)) {
        problems.push(`boundary ${b.id}: parent cycle`);
        break;
      }
      chain.add(cur);
    }
    checkProps(b.props, `boundary ${b.id}`, problems);
  }
  const elements = new Map(model.elements.map((e) => [e.id, e]));
  for (const e of model.elements) {
    claim(e.id, 'element');
    if (!ELEMENT_KINDS.includes(e.kind)) problems.push(`element ${e.id}: kind ${String(e.kind)}`);
    if (!diagrams.has(e.diagramId)) problems.push(`element ${e.id}: diagram ${e.diagramId} missing`);
    if (e.boundaryId !== null && zones.get(e.boundaryId)?.diagramId !== e.diagramId) problems.push(`element ${e.id}: bad boundary ${e.boundaryId}`);
    if (!Number.isFinite(e.position.x) || !Number.isFinite(e.position.y)) problems.push(`element ${e.id}: position`);
    checkProps(e.props, `element ${e.id}`, problems);
  }
  const flows = new Set(model.flows.map((f) => f.id));
  for (const f of model.flows) {
    claim(f.id, 'flow');
    const s = elements.get(f.source);
    const t = elements.get(f.target);
    if (!s || !t) problems.push(`flow ${f.id}: missing endpoint`);
    else if (s.diagramId !== t.diagramId) problems.push(`flow ${f.id}: endpoints on different diagrams`);
    checkProps(f.props, `flow ${f.id}`, problems);
  }
  for (const b of model.boundaries) {
    for (const id of b.crossedBy ?? []) if (!flows.has(id)) problems.push(`boundary ${b.id}: crossedBy ${id} missing`);
  }
  for (const n of model.notes) {
    claim(n.id, 'note');
    if (!diagrams.has(n.diagramId)) problems.push(`note ${n.id}: diagram ${n.diagramId} missing`);
  }
  model.manualThreats.forEach((t) => claim(t.id, 'manual threat'));
  for (const [key, entry] of Object.entries(model.triage)) {
    if (!THREAT_STATUSES.includes(entry.status)) problems.push(`triage ${key}: status ${String(entry.status)}`);
  }
  return problems;
}

function checkProps(props: Record<string, unknown>, what: string, problems: string[]): void {
  for (const [k, v] of Object.entries(props)) if (!isPropValue(v)) problems.push(`${what}: property ${k} has an invalid value`);
}
