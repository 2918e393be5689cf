/**
 * Node engine benchmark (run by scripts/bench.mjs, bundled with esbuild; needs `node --expose-gc` for the heap
 * figures). For generated trading models of each size: full analysis time (median after warm-up), incremental
 * time for one property edit (median and p95 of `update` after `applyOperation` + `changedIds`), and heap used.
 *
 * Usage: node --expose-gc engine.mjs [--sizes 100,1000,10000] [--json]  (each size runs in a process of its own)
 */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import type { Analysis } from '../../src/model/findings';
import { changedIds } from '../../src/model/diff';
import { applyOperation } from '../../src/model/operations';
import type { ModelElement, PropValue, ThreatModel } from '../../src/model/types';
import { analyze } from '../../src/rules/engine';
import { createAnalyzer } from '../../src/rules/incremental';
import { getEnabledPacks } from '../../src/rules/packs/index';
import { createRandom, generateTradingModel } from './generate';
import { formatTable, mb, median, ms, percentile } from './stats';

export interface EngineBenchRow {
  elements: number;
  flows: number;
  boundaries: number;
  findings: number;
  fullMedianMs: number;
  /** Mean of the same runs: it carries the occasional full garbage collection that the median leaves out. */
  fullMeanMs: number;
  fullRuns: number;
  analyzerFullMs: number;
  editMedianMs: number;
  editP95Ms: number;
  diffMedianMs: number;
  edits: number;
  heapUsedBytes: number;
  heapDeltaBytes: number;
  /** Whether the incremental result after all edits equals a full analysis of the final model. */
  consistent: boolean;
}

const keepAlive: unknown[] = [];
const gc: (() => void) | undefined = (globalThis as { gc?: () => void }).gc;

function heapUsed(): number {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed;
}

function time<T>(fn: () => T): [T, number] {
  const start = performance.now();
  const value = fn();
  return [value, performance.now() - start];
}

/** Property edits that real analysts make and that change findings: controls toggled on processes. */
const EDITS: { type: string; name: string; values: PropValue[] }[] = [
  { type: 'tradingBot', name: 'ipAllowlist', values: [true, false] },
  { type: 'tradingBot', name: 'secretStorage', values: ['vault', 'envFile'] },
  { type: 'apiGateway', name: 'rateLimiting', values: [true, false] },
  { type: 'signingService', name: 'signingPolicy', values: [true, false] },
  { type: 'database', name: 'encryptedAtRest', values: [true, false] },
];

function sameFindings(a: Analysis, b: Analysis): boolean {
  if (a.findings.length !== b.findings.length) return false;
  return a.findings.every((f, i) => f.id === b.findings[i].id && f.severity === b.findings[i].severity && f.confidence === b.findings[i].confidence);
}

export function benchSize(size: number): EngineBenchRow {
  const before = heapUsed();
  const model = generateTradingModel(size);
  const packs = getEnabledPacks(model);

  // Enough runs at 10,000 elements that the median is not decided by where the periodic full collections fall.
  const fullRuns = size >= 10000 ? 15 : size >= 1000 ? 15 : 30;
  const warmups = size >= 10000 ? 1 : 3;
  let analysis = analyze(model, packs);
  for (let i = 1; i < warmups; i++) analysis = analyze({ ...model }, packs);
  const fullTimes: number[] = [];
  // Each run gets a new model object (its arrays shared), as an opened or imported model is: the graph that
  // buildGraph caches per model object is then built inside the timed call, as a first analysis builds it.
  for (let i = 0; i < fullRuns; i++) {
    const fresh = { ...model };
    fullTimes.push(time(() => analyze(fresh, packs))[1]);
  }

  const analyzer = createAnalyzer(packs);
  const [, analyzerFullMs] = time(() => analyzer.full(model));

  const rnd = createRandom(7);
  const byType = new Map<string, ModelElement[]>();
  for (const el of model.elements) byType.set(el.type, [...(byType.get(el.type) ?? []), el]);
  const editTimes: number[] = [];
  const diffTimes: number[] = [];
  const edits = 100;
  const warmEdits = 10;
  let current: ThreatModel = model;
  let last: Analysis = analysis;
  for (let i = 0; i < edits + warmEdits; i++) {
    const edit = EDITS[i % EDITS.length];
    const candidates = byType.get(edit.type) ?? model.elements;
    const target = candidates[Math.floor(rnd() * candidates.length)];
    const value = edit.values[i % edit.values.length];
    const next = applyOperation(current, { type: 'setProperty', targetId: target.id, name: edit.name, value });
    const [changed, diffMs] = time(() => changedIds(current, next));
    const [result, updateMs] = time(() => analyzer.update(next, changed));
    // The first few edits warm the incremental paths up; they are not counted.
    if (i >= warmEdits) {
      editTimes.push(updateMs);
      diffTimes.push(diffMs);
    }
    current = next;
    last = result;
  }
  const consistent = sameFindings(last, analyze(current, packs));
  // The heap figure is what the editor holds: the model, the analyzer's index and the latest analysis.
  keepAlive.push(model, analyzer, analysis, current, last);
  const after = heapUsed();
  keepAlive.length = 0;
  const findings = analysis.findings.length;

  return {
    elements: model.elements.length,
    flows: model.flows.length,
    boundaries: model.boundaries.length,
    findings,
    fullMedianMs: median(fullTimes),
    fullMeanMs: fullTimes.reduce((a, b) => a + b, 0) / fullTimes.length,
    fullRuns,
    analyzerFullMs,
    editMedianMs: median(editTimes),
    editP95Ms: percentile(editTimes, 95),
    diffMedianMs: median(diffTimes),
    edits: editTimes.length,
    heapUsedBytes: after,
    heapDeltaBytes: after - before,
    consistent,
  };
}

export function formatEngineTable(rows: readonly EngineBenchRow[]): string {
  return formatTable(
    ['elements', 'flows', 'bounds', 'findings', 'full ms (median)', 'full ms (mean)', 'analyzer.full ms', 'edit ms (median)', 'edit ms (p95)', 'diff ms', 'heap MB', 'heap +MB', 'incr = full'],
    rows.map((r) => [
      String(r.elements), String(r.flows), String(r.boundaries), String(r.findings), ms(r.fullMedianMs), ms(r.fullMeanMs), ms(r.analyzerFullMs),
      ms(r.editMedianMs), ms(r.editP95Ms), ms(r.diffMedianMs), mb(r.heapUsedBytes), mb(r.heapDeltaBytes), r.consistent ? 'yes' : 'NO',
    ]),
  );
}

function parseSizes(argv: string[]): number[] {
  const i = argv.indexOf('--sizes');
  const raw = i >= 0 ? argv[i + 1] : '100,1000,10000';
  return (raw ?? '').split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0);
}

/**
 * The rows of each size, each measured in a Node process of its own: V8 decides from what it has seen which
 * allocation sites to place straight in the old generation, and a process that analysed small models first
 * (whose findings die young) analysed the large one 5-10% slower than a fresh one. A CLI run analyses one
 * model in a fresh process; so does each size here.
 */
function rowsOf(sizes: readonly number[]): EngineBenchRow[] {
  if (sizes.length === 1) {
    process.stderr.write(`engine: ${sizes[0]} elements...\n`);
    return [benchSize(sizes[0])];
  }
  return sizes.flatMap((size) => {
    const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1], '--sizes', String(size), '--json'], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`engine bench for ${size} elements exited with ${child.status}`);
    return JSON.parse(child.stdout.trim().split('\n').pop()!) as EngineBenchRow[];
  });
}

async function main(): Promise<void> {
  const rows = rowsOf(parseSizes(process.argv));
  if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify(rows)}\n`);
  else {
    const load = loadavg()[0].toFixed(1);
    process.stdout.write(`\nEngine (Node ${process.version}, ${cpus().length} cores, load ${load}${gc ? '' : ', heap without --expose-gc is noisy'})\n`);
    process.stdout.write(`${formatEngineTable(rows)}\n`);
    process.stdout.write('full = analyze(model, packs) on a new model object each run (graph built inside); edit = analyzer.update after one setProperty (applyOperation + changedIds not included; diff ms is changedIds).\n');
  }
}

await main();
