import { describe, expect, it } from 'vitest';
import { checkPropertyValue, getPropertyDecl } from '../../src/model/properties';
import { getAllowedKinds, getElementIcon, getStencil, getStencilsInGroup, resolveKind, STENCIL_GROUPS, STENCILS } from '../../src/model/stencils';
import { ICONS } from '../../src/model/icons';

/** DESIGN.md §3, group by group, in palette order. */
const DESIGN_CATALOG: [string, string[]][] = [
  ['Generic DFD', ['actor', 'process', 'store']],
  ['Trading and exchanges', ['exchange', 'apiGateway', 'websocketServer', 'fixGateway', 'matchingEngine', 'orderRouter', 'riskEngine', 'tradingBot', 'marketDataFeed', 'liquidityProvider', 'adminConsole']],
  ['Wallets and custody', ['signingService', 'hsm', 'wallet', 'withdrawalService', 'secretStore']],
  ['DeFi', ['dex', 'oracle', 'relayer', 'rpcNode']],
  ['Common', ['webClient', 'browser', 'thirdPartyApp', 'thirdPartyApi', 'database', 'queue', 'logStore']],
];

describe('stencil catalog', () => {
  it('has every DESIGN group, in palette order, with exactly its stencils', () => {
    expect(STENCIL_GROUPS.map((g) => g.label)).toEqual(DESIGN_CATALOG.map(([label]) => label));
    for (const [i, [, stencilIds]] of DESIGN_CATALOG.entries()) {
      expect(getStencilsInGroup(STENCIL_GROUPS[i].id).map((s) => s.id)).toEqual(stencilIds);
    }
    expect(STENCILS).toHaveLength(DESIGN_CATALOG.flatMap(([, s]) => s).length);
  });

  it('gives every stencil a label, a description and a drawable icon of its own', () => {
    const seen = new Set<string>();
    for (const s of STENCILS) {
      expect(s.label.length, s.id).toBeGreaterThan(0);
      expect(s.description.length, s.id).toBeGreaterThan(10);
      expect(s.icon.paths.length, s.id).toBeGreaterThan(0);
      for (const d of s.icon.paths) {
        expect(d, s.id).toMatch(/^M[-\d.]/);
        expect(d, s.id).toMatch(/^[MmLlHhVvCcSsQqTtAaZz\d\s.,-]+$/);
        // Every coordinate stays in the 24x24 box.
        for (const n of d.match(/-?\d*\.?\d+/g) ?? []) expect(Math.abs(Number(n)), `${s.id}: ${d}`).toBeLessThanOrEqual(24);
      }
      const key = JSON.stringify(s.icon.paths);
      expect(seen.has(key), `${s.id} shares its icon`).toBe(false);
      seen.add(key);
    }
  });

  it('uses declared properties with valid values as defaults, applicable to the stencil kind', () => {
    for (const s of STENCILS) {
      for (const [name, value] of Object.entries(s.defaults)) {
        const decl = getPropertyDecl(name);
        expect(decl, `${s.id}.${name}`).toBeDefined();
        expect(checkPropertyValue(decl!, value), `${s.id}.${name}`).toBeNull();
        expect(decl!.appliesTo, `${s.id}.${name}`).toContain(s.kind);
      }
    }
  });

  it('makes third parties actors that can be switched to processes', () => {
    for (const id of ['exchange', 'liquidityProvider', 'thirdPartyApi', 'marketDataFeed', 'oracle', 'rpcNode', 'dex', 'browser']) {
      expect(getStencil(id)).toMatchObject({ kind: 'actor', altKinds: ['process'] });
    }
    expect(getStencil('logStore')).toMatchObject({ kind: 'store', defaults: { isLog: true } });
    expect(getStencil('secretStore')).toMatchObject({ kind: 'store', defaults: { storesSecrets: true } });
    expect(getStencil('hsm')).toMatchObject({ kind: 'process', altKinds: ['store'] });
  });

  it('looks up stencils and kinds, with fallbacks for unknown types', () => {
    expect(getStencil('apiGateway')?.label).toBe('API gateway');
    expect(getStencil('GE.P.custom')).toBeUndefined();
    expect(getStencil('toString')).toBeUndefined();
    expect(resolveKind('database', 'process')).toBe('store');
    expect(resolveKind('GE.DS', 'store')).toBe('store');
    expect(getAllowedKinds('exchange')).toEqual(['actor', 'process']);
    expect(getAllowedKinds('unknown')).toEqual(['actor', 'process', 'store']);
    expect(getElementIcon('unknown', 'store')).toBe(ICONS.store);
    expect(getElementIcon('hsm', 'store')).toBe(ICONS.hsm);
  });
});
