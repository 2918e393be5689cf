/**
 * SARIF 2.1.0 output of `rampart analyze`, for code-scanning tools. Each rule that fired becomes a
 * reportingDescriptor, each finding a result located in the model file (at the line that declares its target when
 * it can be found) and logically at the element or flow; the finding id is the partial fingerprint, so an alert
 * keeps its identity across runs. Triaged findings (mitigated, accepted...) carry a suppression with the
 * analyst's justification, so scanners hide them just as `--fail-on` ignores them.
 */
import type { Finding } from '../../model/findings';
import type { Severity } from '../../model/types';
import { isOpenStatus, referenceUrl, type AnalysisReport, type ReportEntry } from '../report';

export interface SarifOptions {
  version: string;
  /** URI of the analysed file, relative to the working directory when it lies inside it. */
  artifactUri: string;
  /** 1-based line that declares each target in the file, where known. */
  lineOf: (targetId: string) => number | undefined;
}

type Level = 'error' | 'warning' | 'note';

export function sarifLevel(severity: Severity): Level {
  switch (severity) {
    case 'critical':
    case 'high':
      return 'error';
    case 'medium':
      return 'warning';
    default:
      return 'note';
  }
}

// GitHub code scanning ranks alerts by this CVSS-like score (critical > 9.0, high 7.0-8.9, medium 4.0-6.9).
const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: '0.0' };

const STRIDE_NAMES: Record<string, string> = {
  S: 'spoofing',
  T: 'tampering',
  R: 'repudiation',
  I: 'information-disclosure',
  D: 'denial-of-service',
  E: 'elevation-of-privilege',
};

function ruleDescriptor(finding: Finding) {
  const tags = ['security', 'threat-model', ...[...finding.stride.toUpperCase()].map((l) => STRIDE_NAMES[l]).filter(Boolean)];
  // Catalogue ids (CWE-294, API2:2023) make useful filters; free-form document references do not.
  for (const ref of finding.references) if (ref.type !== 'DOC') tags.push(ref.id);
  const helpUri = finding.references.map(referenceUrl).find((u) => u !== undefined);
  const help = finding.mitigations.map((m) => `- ${m.text}`).join('\n');
  return {
    id: finding.ruleId,
    shortDescription: { text: finding.title },
    fullDescription: { text: finding.description || finding.title },
    ...(helpUri ? { helpUri } : {}),
    ...(help ? { help: { text: `Mitigations:\n${help}` } } : {}),
    defaultConfiguration: { level: sarifLevel(finding.baseSeverity) },
    properties: {
      tags: [...new Set(tags)],
      'security-severity': SECURITY_SEVERITY[finding.baseSeverity],
      packId: finding.packId,
    },
  };
}

function result(entry: ReportEntry, ruleIndex: number, options: SarifOptions, modelName: string) {
  const { row, finding, triage } = entry;
  const line = options.lineOf(row.targetId);
  const suppressed = !isOpenStatus(row.status);
  return {
    ruleId: row.ruleId,
    ruleIndex,
    level: sarifLevel(row.severity),
    message: { text: `${row.title} (${row.targetKind} '${row.targetName}')` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: options.artifactUri, index: 0 },
          ...(line !== undefined ? { region: { startLine: line } } : {}),
        },
        logicalLocations: [
          { name: row.targetName, fullyQualifiedName: `${modelName}/${row.targetName}`, kind: row.targetKind === 'flow' ? 'flow' : 'element' },
        ],
      },
    ],
    partialFingerprints: { 'rampartFindingId/v1': row.id },
    ...(suppressed
      ? { suppressions: [{ kind: 'inSource', status: 'accepted', justification: `${row.status}${triage?.justification ? `: ${triage.justification}` : ''}` }] }
      : {}),
    properties: {
      findingId: row.id,
      severity: row.severity,
      stride: row.stride,
      status: row.status,
      confidence: row.confidence,
      targetId: row.targetId,
      targetKind: row.targetKind,
      ...(finding.severityAdjustments.length ? { severityAdjustments: finding.severityAdjustments.map((a) => a.reason) } : {}),
    },
  };
}

export function formatSarif(report: AnalysisReport, options: SarifOptions): string {
  // One descriptor per rule that fired, in id order; results point at it by index.
  const firstByRule = new Map<string, Finding>();
  for (const { finding } of report.entries) if (!firstByRule.has(finding.ruleId)) firstByRule.set(finding.ruleId, finding);
  const ruleIds = [...firstByRule.keys()].sort();
  const indexOf = new Map(ruleIds.map((id, i) => [id, i]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Rampart',
            version: options.version,
            semanticVersion: options.version,
            rules: ruleIds.map((id) => ruleDescriptor(firstByRule.get(id)!)),
          },
        },
        artifacts: [{ location: { uri: options.artifactUri } }],
        results: report.entries.map((e) => result(e, indexOf.get(e.row.ruleId)!, options, report.model.name)),
        properties: { model: report.model },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
