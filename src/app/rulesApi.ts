/**
 * The rule packs screen's API (panels/rules/rulesApi.ts) over the rule engine: built-in packs, validating one
 * custom rule (the engine's own compiler, so the screen shows exactly what analysis would report), previewing
 * what a rule finds, and reading pack files. Rule text is data throughout: parsed and compiled, never evaluated.
 */
import type { RuleProblem } from '../model/findings';
import type { ThreatModel } from '../model/types';
import type { PackData, RuleData } from '../panels/rules/ruleDraft';
import type { ParsePackResult, RulesApi, RuleValidationProblem } from '../panels/rules/rulesApi';
import { compilePack } from '../rules/compile';
import { analyze } from '../rules/engine';
import { BUILTIN_PACKS } from '../rules/packs/index';
import type { Rule, RulePack } from '../rules/types';

const PREVIEW_PACK_ID = 'rule-preview';

/** Which rule field a compiler message is about; the compiler prefixes messages with the rule id. */
function fieldOf(problem: RuleProblem): string | undefined {
  if (problem.position !== undefined) return 'when';
  const text = problem.message.slice(problem.ruleId ? problem.ruleId.length + 2 : 0);
  const fields: [RegExp, string][] = [
    [/^a rule needs a non-empty text id|the id is used/, 'id'],
    [/^a rule needs a title/, 'title'],
    [/^description/, 'description'],
    [/^stride/, 'stride'],
    [/^severity/, 'severity'],
    [/^appliesTo/, 'appliesTo'],
    [/^mitigation/, 'mitigations'],
    [/^reference/, 'references'],
    [/^a rule needs a when/, 'when'],
  ];
  return fields.find(([pattern]) => pattern.test(text))?.[1];
}

function toValidationProblem(problem: RuleProblem): RuleValidationProblem {
  const field = fieldOf(problem);
  return {
    message: problem.message,
    ...(problem.position !== undefined ? { position: problem.position } : {}),
    ...(field ? { field } : {}),
  };
}

function previewPack(rule: RuleData): RulePack {
  return { id: PREVIEW_PACK_ID, name: 'Preview', version: '0', rules: [rule as Rule] };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads a native pack file (`{ id, name, version, rules: [...] }`), optionally wrapped as `{ pack: {...} }`. */
export function parsePackText(text: string): ParsePackResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { error: `Not a JSON rule pack: ${error instanceof Error ? error.message : String(error)}` };
  }
  const raw = isRecord(data) && isRecord(data.pack) ? data.pack : data;
  if (!isRecord(raw)) return { error: 'A rule pack is a JSON object with id, name, version and rules.' };
  if (typeof raw.id !== 'string' || raw.id.trim() === '') return { error: 'The pack has no id.' };
  if (!Array.isArray(raw.rules)) return { error: `Pack ${raw.id}: "rules" must be a list.` };
  const pack: PackData = {
    id: raw.id,
    name: typeof raw.name === 'string' && raw.name.trim() ? raw.name : raw.id,
    version: typeof raw.version === 'string' ? raw.version : typeof raw.version === 'number' ? String(raw.version) : '1',
    ...(typeof raw.description === 'string' ? { description: raw.description } : {}),
    rules: raw.rules as RuleData[],
  };
  const { problems } = compilePack(pack as RulePack);
  return { pack, problems: problems.map((p) => ({ ...toValidationProblem(p), ...(p.ruleId ? { ruleId: p.ruleId } : {}) })) };
}

export function createRulesApi(): RulesApi {
  return {
    builtinPacks: BUILTIN_PACKS as readonly PackData[],
    validateRule: (rule) => compilePack(previewPack(rule)).problems.map(toValidationProblem),
    preview(rule, model: ThreatModel) {
      // As if enabled: a rule switched off in the model still shows what it would find.
      const settings = model.rulePacks;
      const subject: ThreatModel = { ...model, rulePacks: { ...settings, disabledRules: settings.disabledRules.filter((id) => id !== rule.id) } };
      return analyze(subject, [previewPack(rule)]).findings;
    },
    parsePack: parsePackText,
  };
}
