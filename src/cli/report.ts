/**
 * The analysis as the CLI reports it: one row per finding with its triage status and target, in a stable order
 * (severity, then id), shared by every output format so they all say the same thing.
 */
import type { Analysis, Finding, Mitigation, Reference } from '../model/findings';
import type { Severity, TargetKind, ThreatModel, ThreatStatus, TriageEntry } from '../model/types';

/** A finding as the JSON output carries it (DESIGN.md §9). */
export interface ReportFinding {
  id: string;
  ruleId: string;
  title: string;
  severity: Severity;
  stride: string;
  status: ThreatStatus;
  confidence: Finding['confidence'];
  targetId: string;
  targetName: string;
  targetKind: TargetKind;
  references: Reference[];
  mitigations: Mitigation[];
}

export interface ReportEntry {
  row: ReportFinding;
  finding: Finding;
  triage: TriageEntry | undefined;
}

export interface AnalysisReport {
  model: { name: string; elements: number; flows: number; boundaries: number };
  entries: ReportEntry[];
  /** The threat model, for formats that need more than the rows (names of flow endpoints, say). */
  source: ThreatModel;
}

export const SEVERITY_ORDER: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

/** Higher is more severe. */
export function severityRank(severity: Severity): number {
  return SEVERITY_ORDER.length - SEVERITY_ORDER.indexOf(severity);
}

/** Statuses that still need work: they count for `--fail-on`. */
export function isOpenStatus(status: ThreatStatus): boolean {
  return status === 'open' || status === 'investigating';
}

function targetNames(model: ThreatModel): Map<string, string> {
  const names = new Map<string, string>();
  for (const element of model.elements) names.set(element.id, element.name);
  for (const boundary of model.boundaries) names.set(boundary.id, boundary.name);
  for (const flow of model.flows) {
    // An unnamed flow is known by its endpoints.
    const label = flow.name.trim() || `${names.get(flow.source) ?? flow.source} -> ${names.get(flow.target) ?? flow.target}`;
    names.set(flow.id, label);
  }
  return names;
}

export function buildReport(model: ThreatModel, analysis: Analysis): AnalysisReport {
  const names = targetNames(model);
  const entries = analysis.findings.map((finding): ReportEntry => {
    const triage = Object.prototype.hasOwnProperty.call(model.triage, finding.id) ? model.triage[finding.id] : undefined;
    return {
      finding,
      triage,
      row: {
        id: finding.id,
        ruleId: finding.ruleId,
        title: finding.title,
        severity: finding.severity,
        stride: finding.stride,
        status: triage?.status ?? 'open',
        confidence: finding.confidence,
        targetId: finding.targetId,
        targetName: finding.targetKind === 'model' ? model.name : (names.get(finding.targetId) ?? finding.targetId),
        targetKind: finding.targetKind,
        references: finding.references,
        mitigations: finding.mitigations,
      },
    };
  });
  entries.sort(
    (a, b) => severityRank(b.row.severity) - severityRank(a.row.severity) || (a.row.id < b.row.id ? -1 : a.row.id > b.row.id ? 1 : 0),
  );
  return {
    model: { name: model.name, elements: model.elements.length, flows: model.flows.length, boundaries: model.boundaries.length },
    entries,
    source: model,
  };
}

/** Whether an open or investigating finding at or above `threshold` exists (`--fail-on`). */
export function hasOpenAtOrAbove(report: AnalysisReport, threshold: Severity): boolean {
  const min = severityRank(threshold);
  return report.entries.some((e) => isOpenStatus(e.row.status) && severityRank(e.row.severity) >= min);
}

/** A link for a reference, when one is given or can be derived from a well-known catalogue id. */
export function referenceUrl(reference: Reference): string | undefined {
  // A pack's own URL is used only when it is a plain http(s) address that cannot break out of a Markdown link.
  if (reference.url && /^https?:\/\/[^\s"'<>()\\`]+$/i.test(reference.url)) return reference.url;
  const number = /(\d+)/.exec(reference.id)?.[1];
  switch (reference.type) {
    case 'CWE':
      return number ? `https://cwe.mitre.org/data/definitions/${number}.html` : undefined;
    case 'CAPEC':
      return number ? `https://capec.mitre.org/data/definitions/${number}.html` : undefined;
    case 'SWC':
      return number ? `https://swcregistry.io/docs/SWC-${number}` : undefined;
    case 'OWASP-API-2023':
      return 'https://owasp.org/API-Security/editions/2023/en/0x11-t10/';
    default:
      return undefined;
  }
}
