/**
 * CSV threat register: RFC 4180 (CRLF rows, fields quoted when they hold a quote, comma or line break, quotes
 * doubled). A cell that a spreadsheet would read as a formula (leading = + - @, tab or CR) is prefixed with an
 * apostrophe, because model text is untrusted and a register is usually opened in a spreadsheet.
 */
import type { AnalysisReport } from '../report';

const COLUMNS = [
  'id', 'ruleId', 'title', 'severity', 'stride', 'status', 'confidence', 'targetId', 'targetName', 'targetKind',
  'references', 'mitigations', 'description',
] as const;

export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function formatCsv(report: AnalysisReport): string {
  const lines = [COLUMNS.join(',')];
  for (const { row, finding } of report.entries) {
    const cells: Record<(typeof COLUMNS)[number], string> = {
      ...row,
      references: row.references.map((r) => `${r.type}:${r.id}`).join('; '),
      mitigations: row.mitigations.map((m) => m.text).join('; '),
      description: finding.description,
    };
    lines.push(COLUMNS.map((c) => csvCell(cells[c])).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
