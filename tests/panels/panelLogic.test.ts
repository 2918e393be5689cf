import { describe, expect, it } from 'vitest';
import { buildNameIndex, findItem, resolveControlTarget, toItemRef } from '../../src/panels/lookup';
import { owaspIds, referenceUrl, safeUrl } from '../../src/panels/references';
import { caretAt, draftFromRule, EMPTY_DRAFT, freePackId, jsonErrorPosition, locateJsonError, ruleFromDraft, withPosition, type RuleData } from '../../src/panels/rules/ruleDraft';
import { formatRelativeTime, formatValue, safeFileName } from '../../src/panels/ui/format';
import { makeBoundary, makeElement, makeFlow, makeModel } from '../factories/model';

const ids = { bot: 'bot', venue: 'venue', db: 'db', flow: 'bot->venue', zone: 'zone' } as const;
const model = makeModel({
  elements: [
    makeElement({ id: ids.bot, type: 'tradingBot', name: 'Bot' }),
    makeElement({ id: ids.venue, type: 'exchange', name: 'Venue' }),
    makeElement({ id: ids.db, type: 'database', name: 'DB' }),
  ],
  flows: [makeFlow(ids.bot, ids.venue)],
  boundaries: [makeBoundary({ id: ids.zone, type: 'internet', name: 'Internet' })],
});

describe('lookup', () => {
  it('finds and classifies every kind of item', () => {
    expect(toItemRef(findItem(model, ids.flow)!).kind).toBe('flow');
    expect(toItemRef(findItem(model, ids.zone)!).kind).toBe('boundary');
    expect(toItemRef(findItem(model, ids.db)!).kind).toBe('element');
    expect(findItem(model, 'missing')).toBeUndefined();
  });

  it('names an unnamed flow after its endpoints', () => {
    expect(buildNameIndex(model).get(ids.flow)).toBe('Bot → Venue');
  });

  it('puts a control on the flow, on the endpoint its declaration applies to, or where the evidence read it', () => {
    const onFlow = { targetId: ids.flow, evidence: [] };
    expect(resolveControlTarget(model, onFlow, 'tlsVerify')).toBe(ids.flow);
    // secretStorage applies to processes only: the bot (a process), not the exchange (an actor).
    expect(resolveControlTarget(model, onFlow, 'secretStorage')).toBe(ids.bot);
    // mfa applies to processes and actors: the evidence decides.
    const evidence = [{ targetId: ids.venue, targetName: 'Venue', property: 'mfa', value: null, unknown: true }];
    expect(resolveControlTarget(model, { targetId: ids.flow, evidence }, 'mfa')).toBe(ids.venue);
    // A store finding cannot take a flow-only property.
    expect(resolveControlTarget(model, { targetId: ids.db, evidence: [] }, 'tlsVerify')).toBeNull();
    expect(resolveControlTarget(model, { targetId: ids.db, evidence: [] }, 'encryptedAtRest')).toBe(ids.db);
  });
});

describe('references', () => {
  it('links only http(s) urls and derives links for known catalogues', () => {
    expect(safeUrl('javascript:alert(1)')).toBeNull();
    expect(safeUrl('data:text/html,hi')).toBeNull();
    expect(safeUrl('https://example.org/x')).toBe('https://example.org/x');
    expect(referenceUrl({ type: 'CWE', id: 'CWE-294' })).toBe('https://cwe.mitre.org/data/definitions/294.html');
    expect(referenceUrl({ type: 'CAPEC', id: 'CAPEC-60' })).toBe('https://capec.mitre.org/data/definitions/60.html');
    expect(referenceUrl({ type: 'OWASP-API-2023', id: 'API2:2023' })).toContain('0xa2-broken-authentication');
    expect(referenceUrl({ type: 'DOC', id: 'x', url: 'javascript:void 0' })).toBeNull();
    expect(owaspIds([{ type: 'CWE', id: 'CWE-1' }, { type: 'OWASP-API-2023', id: 'API4:2023' }])).toEqual(['API4:2023']);
  });
});

describe('rule drafts', () => {
  const rule: RuleData = {
    id: 'C-1',
    title: 'T',
    description: 'd',
    stride: 'ST',
    appliesTo: ['flow', 'tradingBot'],
    when: 'on(self.mfa)',
    severity: 'low',
    mitigations: [{ key: 'k', text: 't', controls: [{ property: 'mfa', value: true }] }],
    references: [{ type: 'CWE', id: 'CWE-1' }],
  };

  it('round-trips a rule through the form', () => {
    const back = ruleFromDraft(draftFromRule(rule));
    expect(back.problems).toEqual([]);
    expect(back.rule).toEqual(rule);
  });

  it('reports what the form can see: missing fields, bad letters, JSON errors with a position', () => {
    const { rule: built, problems } = ruleFromDraft({ ...EMPTY_DRAFT, stride: 'SX', mitigations: '[1,]' });
    expect(built).toBeNull();
    const fields = problems.map((p) => p.field);
    expect(fields).toEqual(['id', 'title', 'stride', 'when', 'mitigations']);
    expect(problems.find((p) => p.field === 'stride')).toMatchObject({ message: "'X' is not a STRIDE letter", position: 1 });
    expect(problems.find((p) => p.field === 'mitigations')?.position).toBe(3);
  });

  it('checks mitigation shape', () => {
    const { problems } = ruleFromDraft({ ...draftFromRule(rule), mitigations: '[{"key":"a"}]' });
    expect(problems).toEqual([{ field: 'mitigations', message: 'item 0: needs "key" and "text" strings' }]);
  });

  it('finds the line and column of an offset, and reads JSON error positions', () => {
    expect(caretAt('a and\n  b.x', 8)).toEqual({ line: 2, column: 2, lineText: '  b.x' });
    expect(caretAt('abc', 99)).toEqual({ line: 1, column: 3, lineText: 'abc' });
    expect(jsonErrorPosition('Unexpected token } in JSON at position 7', '')).toBe(7);
    expect(jsonErrorPosition('Unexpected token (line 2 column 3)', 'ab\ncdef')).toBe(5);
  });

  it('prefixes a position only when the message does not already name it', () => {
    expect(withPosition("unknown property 'x'", 4)).toBe("at 4: unknown property 'x'");
    expect(withPosition("R-1: at 4: unknown property 'x'", 4)).toBe("R-1: at 4: unknown property 'x'");
    expect(withPosition('no when', undefined)).toBe('no when');
  });

  it('picks a free pack id', () => {
    expect(freePackId('custom', ['stride'])).toBe('custom');
    expect(freePackId('custom', ['custom', 'custom-2'])).toBe('custom-3');
  });
});

describe('formatting', () => {
  const now = Date.parse('2025-03-01T12:00:00Z');
  it('says how long ago', () => {
    expect(formatRelativeTime('2025-03-01T11:59:50Z', now)).toBe('just now');
    expect(formatRelativeTime('2025-03-01T11:59:00Z', now)).toBe('1 minute ago');
    expect(formatRelativeTime('2025-03-01T09:00:00Z', now)).toBe('3 hours ago');
    expect(formatRelativeTime('2025-02-28T12:00:00Z', now)).toBe('yesterday');
    expect(formatRelativeTime('2024-01-05T00:00:00Z', now)).toBe('2024-01-05');
    expect(formatRelativeTime('garbage', now)).toBe('unknown');
  });
  it('formats values and file names', () => {
    expect(formatValue(undefined)).toBe('unknown');
    expect(formatValue(false)).toBe('no');
    expect(formatValue([])).toBe('(none)');
    expect(formatValue(['a', 'b'])).toBe('a, b');
    expect(safeFileName('../My pack!')).toBe('My-pack');
    expect(safeFileName('   ')).toBe('export');
  });
});

describe('locateJsonError', () => {
  it('points at the first syntax error, and finds none in valid JSON', () => {
    expect(locateJsonError('[1,]')).toBe(3);
    expect(locateJsonError('[{"key": }]')).toBe(9);
    expect(locateJsonError('{"a": "x\\"y", "b": [true, null, -1.5e3]}')).toBeUndefined();
    expect(locateJsonError('[1] x')).toBe(4);
    expect(locateJsonError('"open')).toBe(5);
    expect(locateJsonError('')).toBe(0);
  });
});
