import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv, { type SchemaObject } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeEnvelope } from '../../src/model/serialize';
import type { ThreatModel, TriageEntry } from '../../src/model/types';
import { analyze } from '../../src/rules/engine';
import { getEnabledPacks } from '../../src/rules/packs/index';
import { createWorkspace, repoRoot, type Workspace } from './helpers';
import { customPack, ids, platformModel } from './fixtures';

let ws: Workspace;
let modelFile: string;
const model = platformModel();
const expected = analyze(model, getEnabledPacks(model));

beforeAll(() => {
  ws = createWorkspace();
  modelFile = ws.write('platform.rampart.json', serializeEnvelope(model));
});
afterAll(() => ws.dispose());

interface JsonOutput {
  model: { name: string; elements: number; flows: number; boundaries: number };
  findings: Record<string, unknown>[];
}

function parseJson(stdout: string): JsonOutput {
  return JSON.parse(stdout) as JsonOutput;
}

describe('rampart analyze --format json', () => {
  it('prints the model summary and every finding with the contract fields', () => {
    const run = ws.run(['analyze', modelFile]);
    expect(run.code).toBe(0);
    const out = parseJson(run.stdout);
    expect(out.model).toEqual({ name: model.name, elements: 5, flows: 3, boundaries: 2 });
    expect(out.findings.length).toBe(expected.findings.length);
    for (const f of out.findings) {
      expect(Object.keys(f).sort()).toEqual(
        ['confidence', 'id', 'mitigations', 'references', 'ruleId', 'severity', 'status', 'stride', 'targetId', 'targetKind', 'targetName', 'title'].sort(),
      );
      expect(f.status).toBe('open');
    }
  });

  it('gives the same finding ids as analyze() in-process', () => {
    const out = parseJson(ws.run(['analyze', modelFile, '--format', 'json']).stdout);
    expect(expected.findings.length).toBeGreaterThan(3);
    expect(out.findings.map((f) => f.id).sort()).toEqual(expected.findings.map((f) => f.id).sort());
  });

  it('names targets: element names, and an unnamed flow by its endpoints', () => {
    const out = parseJson(ws.run(['analyze', modelFile]).stdout);
    const onBot = out.findings.find((f) => f.targetId === ids.bot);
    expect(onBot).toMatchObject({ targetName: 'Bot, "market maker"', targetKind: 'process' });
    const onOrders = out.findings.find((f) => f.targetId === ids.orders);
    expect(onOrders).toMatchObject({ targetName: 'Bot, "market maker" -> -Venue', targetKind: 'flow' });
  });

  it('orders findings by severity, most severe first', () => {
    const rank = ['info', 'low', 'medium', 'high', 'critical'];
    const severities = parseJson(ws.run(['analyze', modelFile]).stdout).findings.map((f) => rank.indexOf(f.severity as string));
    expect(severities).toEqual([...severities].sort((a, b) => b - a));
  });

  it('takes the status from the triage', () => {
    const first = expected.findings[0];
    const triaged: ThreatModel = { ...model, triage: { [first.id]: { status: 'mitigated', justification: 'WAF', updatedAt: '2025-01-02T00:00:00.000Z', mitigations: {} } } };
    const file = ws.write('triaged.json', serializeEnvelope(triaged));
    const out = parseJson(ws.run(['analyze', file]).stdout);
    expect(out.findings.find((f) => f.id === first.id)?.status).toBe('mitigated');
    expect(out.findings.filter((f) => f.status === 'open')).toHaveLength(expected.findings.length - 1);
  });

  it('adds the findings of a custom pack given with --pack', () => {
    const packFile = ws.write('custom-pack.json', JSON.stringify(customPack));
    const out = parseJson(ws.run(['analyze', modelFile, '--pack', packFile]).stdout);
    expect(out.findings.map((f) => f.id)).toContain(`CLI-01@${ids.bot}`);
    expect(out.findings).toHaveLength(expected.findings.length + 1);
  });
});

describe('rampart analyze --fail-on', () => {
  const atLeastHigh = expected.findings.filter((f) => f.severity === 'high' || f.severity === 'critical');
  const triageAll = (status: TriageEntry['status'], which: typeof expected.findings) =>
    Object.fromEntries(which.map((f) => [f.id, { status, justification: 'test', updatedAt: '2025-01-02T00:00:00.000Z', mitigations: {} } satisfies TriageEntry]));

  it('exits 1 when an open high or critical finding exists', () => {
    expect(atLeastHigh.length).toBeGreaterThan(0);
    expect(ws.run(['analyze', modelFile, '--fail-on', 'high']).code).toBe(1);
  });

  it('exits 0 when every high and critical finding is accepted or mitigated', () => {
    const entries = Object.fromEntries(
      atLeastHigh.map((f, i) => [f.id, { status: i % 2 ? 'accepted' : 'mitigated', justification: 'ok', updatedAt: '2025-01-02T00:00:00.000Z', mitigations: {} } satisfies TriageEntry]),
    );
    const file = ws.write('accepted.json', serializeEnvelope({ ...model, triage: entries }));
    const run = ws.run(['analyze', file, '--fail-on', 'high']);
    expect(run.code).toBe(0);
    // Lower findings are still open, so a lower threshold still fails.
    const lowerOpen = expected.findings.some((f) => f.severity === 'medium' || f.severity === 'low');
    expect(ws.run(['analyze', file, '--fail-on', 'low']).code).toBe(lowerOpen ? 1 : 0);
  });

  it('counts investigating as open', () => {
    const file = ws.write('investigating.json', serializeEnvelope({ ...model, triage: triageAll('investigating', atLeastHigh) }));
    expect(ws.run(['analyze', file, '--fail-on', 'high']).code).toBe(1);
  });

  it('exits 0 without --fail-on, and for a threshold above every open finding', () => {
    expect(ws.run(['analyze', modelFile]).code).toBe(0);
    const hasCritical = expected.findings.some((f) => f.severity === 'critical');
    expect(ws.run(['analyze', modelFile, '--fail-on', 'critical']).code).toBe(hasCritical ? 1 : 0);
    const noCritical = expected.findings.filter((f) => f.severity === 'critical');
    const file = ws.write('no-critical.json', serializeEnvelope({ ...model, triage: triageAll('not-applicable', noCritical) }));
    expect(ws.run(['analyze', file, '--fail-on', 'critical']).code).toBe(0);
  });
});

describe('rampart analyze --format sarif', () => {
  function loadSarifValidator() {
    const schemaPath = path.resolve(repoRoot, '../shared/fixtures/schemas/sarif-2.1.0.schema.json');
    const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as Record<string, unknown>;
    // The schema is draft-04; Ajv 8 reads draft-07, which differs here only in the name of the id keyword.
    const { id, $schema: _draft, ...rest } = schema;
    const ajv = new Ajv({ strict: false, allErrors: true });
    ajv.addFormat('uri', (s: string) => URL.canParse(s));
    ajv.addFormat('uri-reference', (s: string) => URL.canParse(s, 'http://base.invalid/'));
    ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
    return ajv.compile({ ...rest, $id: String(id) } as SchemaObject);
  }

  interface SarifLog {
    runs: {
      tool: { driver: { name: string; version: string; rules: { id: string; properties: { tags: string[] } }[] } };
      results: {
        ruleId: string;
        ruleIndex: number;
        level: string;
        partialFingerprints: Record<string, string>;
        locations: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } }; logicalLocations: { name: string }[] }[];
        suppressions?: unknown[];
      }[];
    }[];
  }

  it('validates against the SARIF 2.1.0 schema', () => {
    const run = ws.run(['analyze', modelFile, '--format', 'sarif']);
    expect(run.code).toBe(0);
    const validate = loadSarifValidator();
    const log: unknown = JSON.parse(run.stdout);
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    // The validator is not vacuous: a result without a message is rejected.
    const broken = structuredClone(log) as SarifLog;
    delete (broken.runs[0].results[0] as Partial<SarifLog['runs'][0]['results'][0]> & { message?: unknown }).message;
    expect(validate(broken)).toBe(false);
  });

  it('reports every finding with its rule, level, fingerprint and locations', () => {
    const log = JSON.parse(ws.run(['analyze', modelFile, '--format', 'sarif']).stdout) as SarifLog;
    const [sarifRun] = log.runs;
    expect(sarifRun.tool.driver.name).toBe('Rampart');
    expect(sarifRun.tool.driver.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(sarifRun.results).toHaveLength(expected.findings.length);
    const levels: Record<string, string> = { critical: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note' };
    for (const result of sarifRun.results) {
      const finding = expected.findings.find((f) => f.id === result.partialFingerprints['rampartFindingId/v1']);
      expect(finding).toBeDefined();
      expect(result.ruleId).toBe(finding!.ruleId);
      expect(sarifRun.tool.driver.rules[result.ruleIndex].id).toBe(finding!.ruleId);
      expect(result.level).toBe(levels[finding!.severity]);
      const [location] = result.locations;
      expect(location.physicalLocation.artifactLocation.uri).toBe('platform.rampart.json');
      expect(location.logicalLocations[0].name.length).toBeGreaterThan(0);
    }
    expect(sarifRun.tool.driver.rules.every((r) => r.properties.tags.includes('security'))).toBe(true);
  });

  it('points a result at the line that declares its target', () => {
    const log = JSON.parse(ws.run(['analyze', modelFile, '--format', 'sarif']).stdout) as SarifLog;
    const lines = readFileSync(modelFile, 'utf8').split('\n');
    const onBot = log.runs[0].results.find((r) => r.partialFingerprints['rampartFindingId/v1'].endsWith(`@${ids.bot}`));
    const line = onBot!.locations[0].physicalLocation.region!.startLine;
    expect(lines[line - 1]).toContain(`"id": "${ids.bot}"`);
  });

  it('marks triaged findings as suppressed', () => {
    const first = expected.findings[0];
    const triaged = { ...model, triage: { [first.id]: { status: 'accepted', justification: 'risk owner signed off', updatedAt: '2025-01-02T00:00:00.000Z', mitigations: {} } satisfies TriageEntry } };
    const file = ws.write('suppressed.json', serializeEnvelope(triaged));
    const log = JSON.parse(ws.run(['analyze', file, '--format', 'sarif']).stdout) as SarifLog;
    const suppressed = log.runs[0].results.filter((r) => r.suppressions?.length);
    expect(suppressed.map((r) => r.partialFingerprints['rampartFindingId/v1'])).toEqual([first.id]);
  });
});
