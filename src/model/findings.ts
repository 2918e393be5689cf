/**
 * Findings and rule metadata as data. They live in model/ (not rules/) because the store, the panels and the
 * persistence layer need the types but may not import the rule engine (DESIGN.md §1).
 */
import type { Id, PropValue, Severity, TargetKind } from './types';

export interface Reference {
  /** CWE, CAPEC, OWASP-API-2023, OWASP-2021, OWASP-SC-2025, SWC, DOC. */
  type: string;
  id: string;
  name?: string;
  url?: string;
}

export interface MitigationControl {
  property: string;
  value: PropValue;
}

export interface Mitigation {
  key: string;
  text: string;
  controls: MitigationControl[];
}

/**
 * One property value that the verdict read. `unknown` is true when the property was not set. `targetId` and
 * `targetName` name the element or flow the property belongs to when it is not the finding's own target (a
 * flow's endpoint, a flow into a node), and are absent when it is: the finding's `targetId` names that one.
 * Items are shared data: the same item (and the same list) serves every finding with that evidence.
 */
export interface EvidenceItem {
  targetId?: Id;
  targetName?: string;
  property: string;
  value: PropValue | null;
  unknown: boolean;
}

export interface SeverityAdjustment {
  from: Severity;
  to: Severity;
  reason: string;
}

export interface Finding {
  /** `ruleId@targetId`: stable across re-analysis, reload and export, so triage can key on it. */
  id: string;
  ruleId: string;
  packId: string;
  targetId: Id;
  targetKind: TargetKind;
  severity: Severity;
  /** The rule's own severity before adjustments. */
  baseSeverity: Severity;
  severityAdjustments: SeverityAdjustment[];
  /** STRIDE letters, e.g. "ST". */
  stride: string;
  title: string;
  description: string;
  mitigations: Mitigation[];
  references: Reference[];
  evidence: EvidenceItem[];
  /** confirmed: fired on explicit values; unverified: fired because a control is unknown. */
  confidence: 'confirmed' | 'unverified';
}

/** A rule that did not fire because its mitigating controls are asserted: "mitigated by design". */
export interface MitigatedByDesign {
  id: string;
  ruleId: string;
  packId: string;
  targetId: Id;
  title: string;
  controls: { property: string; value: PropValue }[];
}

export interface RuleProblem {
  packId: string;
  ruleId: string;
  message: string;
  /** 0-based character offset in the rule's `when` expression, when the problem is there. */
  position?: number;
}

export interface Analysis {
  findings: Finding[];
  mitigated: MitigatedByDesign[];
  problems: RuleProblem[];
}
