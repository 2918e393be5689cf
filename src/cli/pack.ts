/**
 * Loading and validating rule packs given on the command line (`rampart pack`, `analyze --pack`). A file that
 * is not a pack at all is a CliError (exit 2); a pack whose rules have errors is still a pack, and its errors
 * are data: each names the rule and, for expression errors, the position in `when`.
 */
import { isRecord } from '../lib/guards';
import { compilePack } from '../rules/compile';
import type { RulePack } from '../rules/types';
import { CliError } from './errors';
import { readInputText, tryParseJson } from './input';

export interface PackError {
  ruleId: string;
  /** 0-based offset in the rule's `when` expression, when the error is there. */
  position?: number;
  message: string;
}

export interface PackSummary {
  id: string;
  name: string;
  /** How many rules compile. */
  rules: number;
  errors: PackError[];
}

/** Why a parsed JSON value is not a rule pack, or null when it has a pack's shape. */
export function notAPackReason(value: unknown): string | null {
  if (!isRecord(value)) return 'a rule pack is a JSON object { id, name, version, rules[] }';
  if (value.format === 'rampart') return 'this is a threat model, not a rule pack';
  if (typeof value.id !== 'string' || !value.id.trim()) return 'a rule pack needs a text "id"';
  if (typeof value.name !== 'string') return 'a rule pack needs a text "name"';
  if (!Array.isArray(value.rules)) return 'a rule pack needs a "rules" list';
  if (value.version !== undefined && typeof value.version !== 'string' && typeof value.version !== 'number') {
    return '"version" must be text';
  }
  return null;
}

export async function loadPackFile(file: string): Promise<RulePack> {
  if (/\.tb7$/i.test(file)) {
    throw new CliError(`${file}: Threat Modeling Tool templates (.tb7) are not supported yet (they arrive with interchange)`);
  }
  const text = await readInputText(file);
  const parsed = tryParseJson(text);
  if (!parsed.ok) {
    if (/^\s*</.test(text)) throw new CliError(`${file}: not a Rampart rule pack (an XML file; .tb7 templates arrive with interchange)`);
    throw new CliError(`${file}: not a rule pack: the file is not valid JSON`);
  }
  const reason = notAPackReason(parsed.value);
  if (reason !== null) throw new CliError(`${file}: not a rule pack: ${reason}`);
  const raw = parsed.value as Record<string, unknown>;
  return {
    ...(raw as unknown as RulePack),
    version: raw.version === undefined ? '0' : String(raw.version),
  };
}

export function summarizePack(pack: RulePack): PackSummary {
  const { rules, problems } = compilePack(pack);
  return {
    id: pack.id,
    name: pack.name,
    rules: rules.length,
    errors: problems.map((p) => ({ ruleId: p.ruleId, ...(p.position !== undefined ? { position: p.position } : {}), message: p.message })),
  };
}

export function formatPackText(summary: PackSummary): string {
  const lines = [
    `${summary.id} (${summary.name}): ${summary.rules} valid rule${summary.rules === 1 ? '' : 's'}, ` +
      `${summary.errors.length} error${summary.errors.length === 1 ? '' : 's'}`,
  ];
  // Messages already name the rule and the position ("AUTH-02: at 5: ...").
  for (const e of summary.errors) lines.push(`  ${e.message}`);
  return `${lines.join('\n')}\n`;
}
