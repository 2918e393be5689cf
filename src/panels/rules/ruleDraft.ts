/**
 * The custom rule editor's form state and its conversion to rule data. Pure: no React, no rules/ import (the
 * panel may not import the engine; validation and preview go through the RulesApi the app passes in).
 */
import type { Mitigation, Reference } from '../../model/findings';
import { SEVERITIES, type RulePackData, type Severity } from '../../model/types';

/** One rule as data, structurally the same as rules/types.ts `Rule`, declared here because panels may not import rules/. */
export interface RuleData {
  id: string;
  title: string;
  description: string;
  stride: string;
  appliesTo: string[];
  when: string;
  severity: Severity;
  mitigations: Mitigation[];
  references: Reference[];
}

/** A rule pack whose rules are known to be rule-shaped (built-in packs, parsed imports). */
export interface PackData {
  id: string;
  name: string;
  version: string;
  description?: string;
  rules: RuleData[];
}

export type DraftField = 'id' | 'title' | 'description' | 'stride' | 'appliesTo' | 'when' | 'severity' | 'mitigations' | 'references';

export interface RuleDraft {
  id: string;
  title: string;
  description: string;
  stride: string;
  /** Comma- or space-separated kinds, 'flow', 'boundary' or stencil types. */
  appliesTo: string;
  when: string;
  severity: Severity;
  /** JSON text of the mitigations array. */
  mitigations: string;
  /** JSON text of the references array. */
  references: string;
}

export interface FieldProblem {
  field: DraftField;
  message: string;
  /** 0-based offset in that field's text, when known. */
  position?: number;
}

export const EMPTY_DRAFT: RuleDraft = {
  id: '',
  title: '',
  description: '',
  stride: '',
  appliesTo: 'flow',
  when: '',
  severity: 'medium',
  mitigations: '[]',
  references: '[]',
};

export function draftFromRule(rule: RuleData): RuleDraft {
  return {
    id: rule.id,
    title: rule.title,
    description: rule.description,
    stride: rule.stride,
    appliesTo: rule.appliesTo.join(', '),
    when: rule.when,
    severity: rule.severity,
    mitigations: JSON.stringify(rule.mitigations ?? [], null, 2),
    references: JSON.stringify(rule.references ?? [], null, 2),
  };
}

/** The character offset a JSON.parse error names, when the engine says (V8: "at position N" or "line L column C"). */
export function jsonErrorPosition(message: string, text: string): number | undefined {
  const pos = /position (\d+)/.exec(message);
  if (pos) return Number(pos[1]);
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (!lc) return undefined;
  const lines = text.split('\n');
  const line = Number(lc[1]) - 1;
  let offset = 0;
  for (let i = 0; i < line && i < lines.length; i++) offset += lines[i].length + 1;
  return offset + Number(lc[2]) - 1;
}

/**
 * Offset of the first JSON syntax error in `text`, found by a small recursive-descent scan (engines differ in
 * whether their error message names a position). Undefined when the text is valid JSON.
 */
export function locateJsonError(text: string): number | undefined {
  let i = 0;
  const fail = (): never => {
    throw new RangeError(String(i));
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const str = () => {
    i++;
    while (i < text.length) {
      const c = text[i];
      if (c === '\\') i += 2;
      else if (c === '"') return void i++;
      else if (c < ' ') fail();
      else i++;
    }
    fail();
  };
  const value = (): void => {
    ws();
    const ch = text[i];
    if (ch === '{' || ch === '[') {
      const close = ch === '{' ? '}' : ']';
      i++;
      ws();
      if (text[i] === close) return void i++;
      for (;;) {
        if (ch === '{') {
          ws();
          if (text[i] !== '"') fail();
          str();
          ws();
          if (text[i] !== ':') fail();
          i++;
        }
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === close) return void i++;
        else fail();
      }
    }
    if (ch === '"') return str();
    const m = /^(-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 64));
    if (!m) fail();
    i += m![0].length;
  };
  try {
    value();
    ws();
    if (i < text.length) fail();
    return undefined;
  } catch (error) {
    return error instanceof RangeError ? Math.min(Number(error.message), text.length) : undefined;
  }
}

function parseJsonArray(text: string, field: DraftField, problems: FieldProblem[]): unknown[] | null {
  if (text.trim() === '') return [];
  try {
    const value: unknown = JSON.parse(text);
    if (!Array.isArray(value)) {
      problems.push({ field, message: 'must be a JSON array [ ... ]', position: 0 });
      return null;
    }
    return value;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    problems.push({ field, message: `invalid JSON: ${message}`, position: locateJsonError(text) ?? jsonErrorPosition(message, text) });
    return null;
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function checkMitigations(list: unknown[], problems: FieldProblem[]): Mitigation[] | null {
  const out: Mitigation[] = [];
  for (const [i, m] of list.entries()) {
    if (!isRecord(m) || typeof m.key !== 'string' || typeof m.text !== 'string') {
      problems.push({ field: 'mitigations', message: `item ${i}: needs "key" and "text" strings` });
      return null;
    }
    const controls = m.controls ?? [];
    if (!Array.isArray(controls) || !controls.every((c) => isRecord(c) && typeof c.property === 'string' && 'value' in c)) {
      problems.push({ field: 'mitigations', message: `item ${i}: "controls" is a list of { "property", "value" }` });
      return null;
    }
    out.push({ key: m.key, text: m.text, controls: controls as Mitigation['controls'] });
  }
  return out;
}

function checkReferences(list: unknown[], problems: FieldProblem[]): Reference[] | null {
  for (const [i, r] of list.entries()) {
    if (!isRecord(r) || typeof r.type !== 'string' || typeof r.id !== 'string') {
      problems.push({ field: 'references', message: `item ${i}: needs "type" and "id" strings` });
      return null;
    }
  }
  return list as Reference[];
}

/**
 * The rule a draft describes, with the problems the form itself can see (missing fields, bad JSON, STRIDE
 * letters). The rule is null only when it cannot be built at all (JSON that does not parse); the `when`
 * expression is left to the RulesApi.
 */
export function ruleFromDraft(d: RuleDraft): { rule: RuleData | null; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const id = d.id.trim();
  if (!id) problems.push({ field: 'id', message: 'a rule needs an id, e.g. CUSTOM-01' });
  else if (/\s|@/.test(id)) problems.push({ field: 'id', message: 'an id has no spaces and no "@" (finding ids are rule@target)' });
  if (!d.title.trim()) problems.push({ field: 'title', message: 'a rule needs a title' });
  const stride = d.stride.toUpperCase().replace(/[^A-Z]/g, '');
  const badLetter = Array.from(stride).find((l) => !'STRIDE'.includes(l));
  if (!stride) problems.push({ field: 'stride', message: 'give one or more of S T R I D E' });
  else if (badLetter) problems.push({ field: 'stride', message: `'${badLetter}' is not a STRIDE letter`, position: d.stride.toUpperCase().indexOf(badLetter) });
  const appliesTo = d.appliesTo
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (appliesTo.length === 0) problems.push({ field: 'appliesTo', message: 'list what the rule applies to: actor, process, store, flow, boundary or stencil types' });
  if (!d.when.trim()) problems.push({ field: 'when', message: 'the condition is empty' });
  if (!SEVERITIES.includes(d.severity)) problems.push({ field: 'severity', message: `one of ${SEVERITIES.join(', ')}` });

  const rawMitigations = parseJsonArray(d.mitigations, 'mitigations', problems);
  const rawReferences = parseJsonArray(d.references, 'references', problems);
  const mitigations = rawMitigations ? checkMitigations(rawMitigations, problems) : null;
  const references = rawReferences ? checkReferences(rawReferences, problems) : null;
  if (!mitigations || !references) return { rule: null, problems };
  const rule: RuleData = {
    id,
    title: d.title.trim(),
    description: d.description,
    stride: Array.from(new Set(stride)).join(''),
    appliesTo,
    when: d.when,
    severity: d.severity,
    mitigations,
    references,
  };
  return { rule, problems };
}

/** The line of `text` holding `position`, and the column within it, for drawing a caret under an error. */
export function caretAt(text: string, position: number): { line: number; column: number; lineText: string } {
  const clamped = Math.max(0, Math.min(position, text.length));
  const before = text.slice(0, clamped);
  const line = before.split('\n').length - 1;
  const lineStart = before.lastIndexOf('\n') + 1;
  const lineEnd = text.indexOf('\n', clamped);
  return { line: line + 1, column: clamped - lineStart, lineText: text.slice(lineStart, lineEnd === -1 ? undefined : lineEnd) };
}

/** "at 12: message", unless the engine's message already names the position. */
export function withPosition(message: string, position: number | undefined): string {
  if (position === undefined || message.includes(`at ${position}`)) return message;
  return `at ${position}: ${message}`;
}

/** Rule-shaped entries of a custom pack stored in the model (its `rules` are untyped data). */
export function customRules(pack: RulePackData): { rule: Partial<RuleData> & { id: string }; index: number }[] {
  return pack.rules.flatMap((r, index) => (isRecord(r) ? [{ rule: { ...(r as Partial<RuleData>), id: typeof r.id === 'string' ? r.id : `#${index + 1}` }, index }] : []));
}

/** A pack id not used yet: `base`, `base-2`, ... */
export function freePackId(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}
