/**
 * Document migrations: append-only and numbered. `MIGRATIONS[n]` upgrades a model of version `n` to `n + 1`;
 * the list is contiguous from 0 to DOCUMENT_VERSION - 1 (checked when this module loads). Never edit a
 * migration that has shipped: add the next one, and freeze a fixture of the old version under tests/fixtures.
 *
 * A migration receives the raw, unvalidated `model` object and must not throw on odd input or mutate it: it
 * rewrites the shapes it knows and passes everything else through, and `restore` validates the result.
 *
 * Version 0 is the pre-release shape (frozen in tests/fixtures/model-v0.json):
 *
 *   model: { id, name, description, author, createdAt, updatedAt,
 *            nodes:  [{ id, kind, type, label, description, zone, x, y, width?, height?, properties }],
 *            zones:  [{ id, label, type, parent, x, y, width, height, properties }],
 *            edges:  [{ id, from, to, label, properties }],
 *            decisions: { [findingId]: { status, note, at } },
 *            packs: [packId] }
 *
 * It had a single implicit diagram, and positions were relative to the containing zone.
 */
import { isRecord } from '../lib/guards';
import { newId } from './ids';
import { DOCUMENT_VERSION } from './types';

type Raw = Record<string, unknown>;

export interface Migration {
  /** The version this migration reads; it produces `from + 1`. */
  from: number;
  name: string;
  up(model: Raw): Raw;
}

const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Absolute positions of v0 zones, resolving parent-relative coordinates (cycles and gaps count as origin). */
function absoluteZonePositions(zones: unknown[]): Map<unknown, { x: number; y: number }> {
  const byId = new Map<unknown, Raw>();
  for (const z of zones) if (isRecord(z) && !byId.has(z.id)) byId.set(z.id, z);
  const out = new Map<unknown, { x: number; y: number }>();
  const resolve = (id: unknown, seen: Set<unknown>): { x: number; y: number } => {
    const known = out.get(id);
    if (known) return known;
    const z = byId.get(id);
    if (!z || seen.has(id)) return { x: 0, y: 0 };
    seen.add(id);
    const parent = z.parent === null || z.parent === undefined ? { x: 0, y: 0 } : resolve(z.parent, seen);
    const abs = { x: (num(z.x) ? z.x : 0) + parent.x, y: (num(z.y) ? z.y : 0) + parent.y };
    out.set(id, abs);
    return abs;
  };
  for (const id of byId.keys()) resolve(id, new Set());
  return out;
}

/** `value + offset` when value is a number; otherwise the value as is, for restore to report. */
const shift = (value: unknown, offset: number): unknown => (num(value) ? value + offset : value);

const renamed = (raw: Raw, from: string): unknown => raw[from];

const v0ToV1: Migration = {
  from: 0,
  name: 'explicit diagrams, absolute positions, elements/boundaries/flows',
  up(model) {
    const { nodes, zones, edges, decisions, packs, author, ...rest } = model;
    const diagramId = newId();
    const zoneList = Array.isArray(zones) ? zones : [];
    const zoneAt = absoluteZonePositions(zoneList);
    const origin = (zoneId: unknown) => (zoneId === null || zoneId === undefined ? { x: 0, y: 0 } : zoneAt.get(zoneId) ?? { x: 0, y: 0 });
    const size = (z: Raw) => (z.width === undefined && z.height === undefined ? undefined : { width: z.width, height: z.height });

    const boundaries = Array.isArray(zones)
      ? Array.from(zones, (z) => {
          if (!isRecord(z)) return z;
          const base = origin(z.parent);
          return {
            id: z.id, diagramId, shape: 'zone', name: renamed(z, 'label'), type: z.type, parentId: z.parent ?? null,
            position: { x: shift(z.x, base.x), y: shift(z.y, base.y) }, size: size(z), props: z.properties,
          };
        })
      : zones;
    const elements = Array.isArray(nodes)
      ? Array.from(nodes, (n) => {
          if (!isRecord(n)) return n;
          const base = origin(n.zone);
          const element: Raw = {
            id: n.id, diagramId, kind: n.kind, type: n.type, name: renamed(n, 'label'), description: n.description,
            boundaryId: n.zone ?? null, position: { x: shift(n.x, base.x), y: shift(n.y, base.y) }, props: n.properties,
          };
          if (n.width !== undefined || n.height !== undefined) element.size = size(n);
          return element;
        })
      : nodes;
    const flows = Array.isArray(edges)
      ? Array.from(edges, (e) => (isRecord(e) ? { id: e.id, source: e.from, target: e.to, name: renamed(e, 'label'), props: e.properties } : e))
      : edges;
    let triage: unknown = decisions;
    if (isRecord(decisions)) {
      const t: Raw = {};
      for (const [key, d] of Object.entries(decisions)) {
        if (key === '__proto__') continue;
        t[key] = isRecord(d) ? { status: d.status, justification: d.note, updatedAt: d.at, mitigations: {} } : d;
      }
      triage = t;
    }
    const out: Raw = {
      ...rest,
      owner: author,
      diagrams: [{ id: diagramId, name: 'Main' }],
      elements,
      boundaries,
      flows,
      notes: [],
      triage,
      manualThreats: [],
    };
    if (packs !== undefined) out.rulePacks = { enabled: packs, disabledRules: [], custom: [] };
    return out;
  },
};

/** Every migration, in order: `MIGRATIONS[i].from === i`. Append only. */
export const MIGRATIONS: readonly Migration[] = [v0ToV1];

/** Problems with a migration list (empty when it is contiguous from 0 up to `target`). */
export function checkMigrations(list: readonly Migration[], target: number): string[] {
  const problems: string[] = [];
  if (list.length !== target) problems.push(`expected ${target} migrations (0 to ${target - 1}), found ${list.length}`);
  list.forEach((m, i) => {
    if (m.from !== i) problems.push(`migration ${i} (${m.name}) says it reads version ${m.from}`);
  });
  return problems;
}

const problems = checkMigrations(MIGRATIONS, DOCUMENT_VERSION);
if (problems.length > 0) throw new Error(`Broken migration list: ${problems.join('; ')}`);
