/**
 * The threat-model document (DESIGN.md §2). Everything here is plain data: JSON-serialisable, no classes,
 * no screen state. Every change goes through the pure operations in `operations.ts`.
 */

export type Id = string;

export interface Point {
  x: number;
  y: number;
}

export interface Size {
  width: number;
  height: number;
}

/** A property value as stored: unset properties are absent (unknown), never `null`. */
export type PropValue = string | number | boolean | string[];
export type Props = Record<string, PropValue>;

export type ElementKind = 'actor' | 'process' | 'store';
export const ELEMENT_KINDS: readonly ElementKind[] = ['actor', 'process', 'store'];

export type BoundaryShape = 'zone' | 'line';

export const BOUNDARY_TYPES = [
  'internet',
  'partner',
  'dmz',
  'corporate',
  'cloudVpc',
  'host',
  'signingZone',
  'hsmEnclave',
  'publicChain',
  'userDevice',
] as const;
export type BoundaryType = (typeof BOUNDARY_TYPES)[number];

export interface Diagram {
  id: Id;
  name: string;
}

export interface ModelElement {
  id: Id;
  diagramId: Id;
  kind: ElementKind;
  /** A stencil id; an unknown string is kept and the element behaves as a generic element of its kind. */
  type: string;
  name: string;
  description: string;
  boundaryId: Id | null;
  /** Absolute position on the diagram (not relative to the boundary). */
  position: Point;
  size?: Size;
  props: Props;
}

export interface Note {
  id: Id;
  diagramId: Id;
  text: string;
  position: Point;
  size?: Size;
}

export interface Boundary {
  id: Id;
  diagramId: Id;
  shape: BoundaryShape;
  name: string;
  /** One of BOUNDARY_TYPES; an unknown string from an import is kept. */
  type: string;
  parentId: Id | null;
  /** Absolute position on the diagram. */
  position: Point;
  size: Size;
  props: Props;
  /** Line boundaries only: the flows drawn across the line. */
  crossedBy?: Id[];
  /** Line boundaries only: the polyline's points, absolute. */
  points?: Point[];
}

export interface Flow {
  id: Id;
  /** Flows live on the diagram of their endpoints. */
  source: Id;
  target: Id;
  name: string;
  description?: string;
  props: Props;
}

export type ThreatStatus = 'open' | 'investigating' | 'mitigated' | 'accepted' | 'transferred' | 'not-applicable';
export const THREAT_STATUSES: readonly ThreatStatus[] = [
  'open',
  'investigating',
  'mitigated',
  'accepted',
  'transferred',
  'not-applicable',
];

export type MitigationStatus = 'proposed' | 'planned' | 'implemented' | 'rejected';

export interface TriageEntry {
  status: ThreatStatus;
  justification: string;
  owner?: string;
  updatedAt: string;
  mitigations: Record<string, MitigationStatus>;
}

export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';
export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

export type StrideLetter = 'S' | 'T' | 'R' | 'I' | 'D' | 'E';

export interface ManualThreat {
  id: Id;
  /** Element, flow or boundary id; null for a model-wide threat. */
  targetId: Id | null;
  title: string;
  description: string;
  severity: Severity;
  /** STRIDE letters, e.g. "ST". */
  stride: string;
  status: ThreatStatus;
  mitigation: string;
  owner?: string;
}

/** A rule pack as data (DESIGN.md §4). Rule shape is defined in rules/; the model only carries it. */
export interface RulePackData {
  id: string;
  name: string;
  version: string;
  description?: string;
  rules: unknown[];
}

export interface RulePackSettings {
  /** Built-in pack ids that are enabled. */
  enabled: string[];
  /** Rule ids switched off individually (any pack). */
  disabledRules: string[];
  /** Custom packs embedded in the model. */
  custom: RulePackData[];
}

export interface ThreatModel {
  id: Id;
  name: string;
  description: string;
  owner: string;
  createdAt: string;
  updatedAt: string;
  diagrams: Diagram[];
  elements: ModelElement[];
  boundaries: Boundary[];
  flows: Flow[];
  notes: Note[];
  triage: Record<string, TriageEntry>;
  manualThreats: ManualThreat[];
  rulePacks: RulePackSettings;
  /** Fields this version does not understand, kept for forward compatibility; never rendered or executed. */
  extra?: Record<string, unknown>;
}

export const DOCUMENT_FORMAT = 'rampart';
export const DOCUMENT_VERSION = 1;

export interface Envelope {
  format: typeof DOCUMENT_FORMAT;
  version: number;
  model: ThreatModel;
}

/** Anything a finding, triage entry or manual threat can point at. */
export type TargetKind = ElementKind | 'flow' | 'boundary' | 'model';
