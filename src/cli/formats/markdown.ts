/**
 * Markdown report of `rampart analyze`: summary counts by severity and status, the register as a table, then
 * each finding's description, mitigations and references. Every piece of model or rule text is escaped, so a
 * name cannot break the table, inject a link or an image, or be rendered as raw HTML.
 */
import type { Severity } from '../../model/types';
import { isOpenStatus, referenceUrl, SEVERITY_ORDER, type AnalysisReport } from '../report';

/** Escapes Markdown and inline-HTML syntax in text and folds line breaks, for inline and table contexts. */
export function escapeMarkdown(text: string): string {
  const inline = text
    .replace(/\r\n?|\n/g, ' ')
    // Brackets are escaped, so parentheses and '!' cannot form links or images and stay readable as they are.
    .replace(/[\\`*_[\]<>#|~&]/g, (c) => `\\${c}`);
  // What only means something at the start of a line: list markers, setext underlines, ordered lists ("1.").
  return inline.replace(/^(\s*)([-+=])/, '$1\\$2').replace(/^(\s*\d+)\./, '$1\\.');
}

/** Text as one or more escaped paragraphs. */
function paragraphs(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((p) => escapeMarkdown(p.trim()))
    .filter((p) => p.length > 0)
    .join('\n\n');
}

const SEVERITY_LABEL: Record<Severity, string> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  info: 'Info',
};

export interface MarkdownOptions {
  /** Tool version and input path, for the report's header line. */
  version: string;
  inputName: string;
}

export function formatMarkdown(report: AnalysisReport, options: MarkdownOptions): string {
  const out: string[] = [];
  const { model, entries } = report;
  out.push(`# Threat analysis: ${escapeMarkdown(model.name || 'Untitled model')}`, '');
  out.push(
    `Rampart ${options.version} analysed ${escapeMarkdown(options.inputName)}: ${model.elements} elements, ` +
      `${model.flows} flows, ${model.boundaries} trust boundaries.`,
    '',
  );

  out.push('## Summary', '', '| Severity | Open | Triaged | Total |', '| --- | ---: | ---: | ---: |');
  for (const severity of SEVERITY_ORDER) {
    const all = entries.filter((e) => e.row.severity === severity);
    const open = all.filter((e) => isOpenStatus(e.row.status)).length;
    out.push(`| ${SEVERITY_LABEL[severity]} | ${open} | ${all.length - open} | ${all.length} |`);
  }
  const openTotal = entries.filter((e) => isOpenStatus(e.row.status)).length;
  out.push(`| **All** | **${openTotal}** | **${entries.length - openTotal}** | **${entries.length}** |`, '');

  out.push('## Findings', '');
  if (entries.length === 0) {
    out.push('No rule fired on this model.', '');
    return `${out.join('\n')}`;
  }
  out.push('| # | Severity | Status | Threat | Target | STRIDE | Rule | Confidence |', '| ---: | --- | --- | --- | --- | --- | --- | --- |');
  entries.forEach(({ row }, index) => {
    out.push(
      `| ${index + 1} | ${SEVERITY_LABEL[row.severity]} | ${escapeMarkdown(row.status)} | ${escapeMarkdown(row.title)} | ` +
        `${escapeMarkdown(row.targetName)} (${escapeMarkdown(row.targetKind)}) | ${escapeMarkdown(row.stride)} | ` +
        `${escapeMarkdown(row.ruleId)} | ${escapeMarkdown(row.confidence)} |`,
    );
  });
  out.push('');

  out.push('## Details', '');
  entries.forEach(({ row, finding, triage }, index) => {
    out.push(`### ${index + 1}. ${escapeMarkdown(row.title)}`, '');
    out.push(
      `- **Target:** ${escapeMarkdown(row.targetName)} (${escapeMarkdown(row.targetKind)})`,
      `- **Severity:** ${SEVERITY_LABEL[row.severity]}${finding.severityAdjustments.length ? ` (rule default: ${SEVERITY_LABEL[finding.baseSeverity]})` : ''}`,
      `- **Status:** ${escapeMarkdown(row.status)}${triage?.justification ? `: ${escapeMarkdown(triage.justification)}` : ''}`,
      `- **Finding id:** ${escapeMarkdown(row.id)}`,
    );
    for (const adjustment of finding.severityAdjustments) {
      out.push(`- **Severity ${escapeMarkdown(adjustment.from)} to ${escapeMarkdown(adjustment.to)}:** ${escapeMarkdown(adjustment.reason)}`);
    }
    out.push('');
    const description = paragraphs(finding.description);
    if (description) out.push(description, '');
    if (row.mitigations.length > 0) {
      out.push('Mitigations:', '');
      for (const m of row.mitigations) out.push(`- ${escapeMarkdown(m.text)}`);
      out.push('');
    }
    if (row.references.length > 0) {
      // Links are written by us from catalogue ids, never from model text, so they are safe to emit as links.
      const refs = row.references.map((r) => {
        const url = referenceUrl(r);
        const label = escapeMarkdown(r.id);
        return url ? `[${label}](${url})` : label;
      });
      out.push(`References: ${refs.join(', ')}`, '');
    }
  });
  return `${out.join('\n')}`;
}
