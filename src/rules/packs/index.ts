/**
 * The built-in rule packs and the choice of packs a model runs. Built-ins come first, in the fixed order below
 * (so findings and reports list them the same way everywhere), then the custom packs embedded in the model.
 */
import type { ThreatModel } from '../../model/types';
import type { RulePack } from '../types';
import { CUSTODY_PACK } from './custody';
import { DEFI_PACK } from './defi';
import { OWASP_API_PACK } from './owaspApi';
import { STRIDE_PACK } from './stride';
import { TRADING_PACK } from './trading';

/** Every built-in pack, in display order. Their ids match `BUILTIN_PACK_IDS` in model/document.ts. */
export const BUILTIN_PACKS: readonly RulePack[] = [STRIDE_PACK, OWASP_API_PACK, TRADING_PACK, CUSTODY_PACK, DEFI_PACK];

/**
 * The packs a model runs: the built-ins its settings enable (in {@link BUILTIN_PACKS} order, whatever order the
 * settings list them in), then the custom packs it enables, in their own order. One switch list serves both, so
 * switching a custom pack off in the rule packs view works exactly like switching off a built-in. Custom packs
 * are untrusted data; they are passed on as they are, and compilePack turns whatever is wrong with them into
 * problems.
 */
export function getEnabledPacks(model: Pick<ThreatModel, 'rulePacks'>): RulePack[] {
  const enabled = new Set(model.rulePacks.enabled);
  const builtins = BUILTIN_PACKS.filter((p) => enabled.has(p.id));
  const custom = (model.rulePacks.custom as unknown as RulePack[]).filter((p) => enabled.has(p.id));
  return [...builtins, ...custom];
}
