/** JSON output of `rampart analyze`: `{ model, findings }` as DESIGN.md §9 lists them, 2-space indented. */
import type { AnalysisReport } from '../report';

export function formatJson(report: AnalysisReport): string {
  return `${JSON.stringify({ model: report.model, findings: report.entries.map((e) => e.row) }, null, 2)}\n`;
}
