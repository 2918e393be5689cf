/**
 * Restore, part 2: what the analyst wrote about the diagram. Triage decisions, manual threats and rule-pack
 * settings are read field by field; an entry whose meaning cannot be recovered (a triage status this version
 * does not know) is dropped with a warning rather than guessed.
 */
import { isRecord } from '../lib/guards';
import { BUILTIN_PACK_IDS } from './document';
import { describe, keyPath, quote, RESTORE_LIMITS, type RestoreContext } from './restoreContext';
import {
  SEVERITIES,
  THREAT_STATUSES,
  type ManualThreat,
  type MitigationStatus,
  type RulePackData,
  type RulePackSettings,
  type Severity,
  type ThreatStatus,
  type TriageEntry,
} from './types';
import { readList } from './repairItems';

const MITIGATION_STATUSES: readonly MitigationStatus[] = ['proposed', 'planned', 'implemented', 'rejected'];

/** Triage entries keyed by finding id; `fallbackTime` stands in for a missing `updatedAt`. */
export function repairTriage(ctx: RestoreContext, value: unknown, fallbackTime: string): Record<string, TriageEntry> {
  const path = '$.model.triage';
  const out: Record<string, TriageEntry> = {};
  if (value === undefined) return out;
  if (!isRecord(value)) {
    ctx.warn(path, `expected an object keyed by finding id, found ${describe(value)}; set to {}`);
    return out;
  }
  const keys = Object.keys(value);
  if (keys.length > RESTORE_LIMITS.maxItems) {
    ctx.warn(path, `${keys.length} entries; only the first ${RESTORE_LIMITS.maxItems} kept`);
  }
  for (const key of keys.slice(0, RESTORE_LIMITS.maxItems)) {
    const p = keyPath(path, key);
    const raw = value[key];
    if (key === '__proto__' || key === '' || key.length > 1000) {
      ctx.warn(p, 'invalid finding id; entry dropped');
      continue;
    }
    if (!isRecord(raw)) {
      ctx.warn(p, `expected an object, found ${describe(raw)}; entry dropped`);
      continue;
    }
    if (!THREAT_STATUSES.includes(raw.status as ThreatStatus)) {
      ctx.warn(`${p}.status`, `unknown status ${describe(raw.status)}; entry dropped`);
      continue;
    }
    const entry: TriageEntry = {
      status: raw.status as ThreatStatus,
      justification: ctx.string(raw.justification, `${p}.justification`, ''),
      updatedAt: ctx.string(raw.updatedAt, `${p}.updatedAt`, fallbackTime),
      mitigations: {},
    };
    const owner = ctx.optionalString(raw.owner, `${p}.owner`);
    if (owner !== undefined) entry.owner = owner;
    if (raw.mitigations !== undefined && !isRecord(raw.mitigations)) {
      ctx.warn(`${p}.mitigations`, `expected an object, found ${describe(raw.mitigations)}; set to {}`);
    } else if (raw.mitigations !== undefined) {
      for (const [mk, mv] of Object.entries(raw.mitigations)) {
        const mp = keyPath(`${p}.mitigations`, mk);
        if (mk === '__proto__' || !MITIGATION_STATUSES.includes(mv as MitigationStatus)) {
          ctx.warn(mp, `unknown mitigation status ${describe(mv)}; dropped`);
          continue;
        }
        entry.mitigations[mk] = mv as MitigationStatus;
      }
    }
    out[key] = entry;
  }
  return out;
}

/** Hand-written threats. A threat keeps its `targetId` even when the target is gone, like triage does. */
export function repairManualThreats(ctx: RestoreContext, raw: Record<string, unknown>): ManualThreat[] {
  const out: ManualThreat[] = [];
  readList(raw, 'manualThreats').forEach((t, i) => {
    const path = `$.model.manualThreats[${i}]`;
    if (!isRecord(t)) {
      ctx.warn(path, `expected an object, found ${describe(t)}; dropped`);
      return;
    }
    let targetId: string | null = null;
    if (typeof t.targetId === 'string') targetId = ctx.string(t.targetId, `${path}.targetId`, '');
    else if (t.targetId !== null && t.targetId !== undefined) ctx.warn(`${path}.targetId`, `expected an id or null, found ${describe(t.targetId)}; set to null`);
    let severity: Severity = 'medium';
    if (SEVERITIES.includes(t.severity as Severity)) severity = t.severity as Severity;
    else ctx.warn(`${path}.severity`, `unknown severity ${describe(t.severity)}; set to "medium"`);
    let status: ThreatStatus = 'open';
    if (THREAT_STATUSES.includes(t.status as ThreatStatus)) status = t.status as ThreatStatus;
    else if (t.status !== undefined) ctx.warn(`${path}.status`, `unknown status ${describe(t.status)}; set to "open"`);
    let stride = ctx.string(t.stride, `${path}.stride`, '');
    if (/[^STRIDE]/.test(stride)) {
      const letters = stride.replace(/[^STRIDE]/g, '');
      ctx.warn(`${path}.stride`, `only the letters S, T, R, I, D, E are STRIDE categories; ${quote(stride)} read as ${quote(letters)}`);
      stride = letters;
    }
    const threat: ManualThreat = {
      id: ctx.claimId(t.id, `${path}.id`),
      targetId,
      title: ctx.string(t.title, `${path}.title`, 'Untitled threat'),
      description: ctx.string(t.description, `${path}.description`, ''),
      severity,
      stride,
      status,
      mitigation: ctx.string(t.mitigation, `${path}.mitigation`, ''),
    };
    const owner = ctx.optionalString(t.owner, `${path}.owner`);
    if (owner !== undefined) threat.owner = owner;
    out.push(threat);
  });
  return out;
}

/** Rule-pack settings; absent settings mean every built-in pack, as in a new model. */
export function repairRulePacks(ctx: RestoreContext, value: unknown): RulePackSettings {
  const path = '$.model.rulePacks';
  if (value === undefined) return { enabled: [...BUILTIN_PACK_IDS], disabledRules: [], custom: [] };
  if (!isRecord(value)) {
    ctx.warn(path, `expected an object, found ${describe(value)}; built-in packs enabled`);
    return { enabled: [...BUILTIN_PACK_IDS], disabledRules: [], custom: [] };
  }
  const custom: RulePackData[] = [];
  if (value.custom !== undefined && !Array.isArray(value.custom)) {
    ctx.warn(`${path}.custom`, `expected a list, found ${describe(value.custom)}; set to []`);
  } else if (Array.isArray(value.custom)) {
    Array.from(value.custom.slice(0, RESTORE_LIMITS.maxItems)).forEach((pack, i) => {
      const p = `${path}.custom[${i}]`;
      if (!isRecord(pack) || typeof pack.id !== 'string' || pack.id === '') {
        ctx.warn(p, 'a custom pack needs an object with an id; dropped');
        return;
      }
      const id = ctx.string(pack.id, `${p}.id`, '');
      const data: RulePackData = {
        id,
        name: ctx.string(pack.name, `${p}.name`, id),
        version: ctx.string(pack.version, `${p}.version`, '1'),
        rules: [],
      };
      const description = ctx.optionalString(pack.description, `${p}.description`);
      if (description !== undefined) data.description = description;
      if (Array.isArray(pack.rules)) {
        // Rules are data for the rule compiler (which parses and checks them; nothing is executed).
        data.rules = Array.from(pack.rules, (r, j) => ctx.jsonData(r, `${p}.rules[${j}]`, 4)).filter((r) => r !== undefined);
      } else if (pack.rules !== undefined) {
        ctx.warn(`${p}.rules`, `expected a list, found ${describe(pack.rules)}; set to []`);
      }
      custom.push(data);
    });
  }
  return {
    enabled: value.enabled === undefined ? [...BUILTIN_PACK_IDS] : ctx.stringList(value.enabled, `${path}.enabled`),
    disabledRules: ctx.stringList(value.disabledRules, `${path}.disabledRules`),
    custom,
  };
}
