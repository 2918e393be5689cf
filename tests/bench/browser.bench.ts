/**
 * Browser benchmark (run by scripts/bench.mjs): the production build served by `vite preview`, driven in Debian's
 * Chromium through Playwright. For generated models of each size, measured in the page:
 * - first render: from calling window.rampart.loadDocument until the React Flow nodes are in the DOM (their count
 *   stable for three frames); also when loadDocument resolved and when analysis and autosave were idle;
 * - drag: one element node dragged in 30 mouse moves, each move timed from its pointermove event to the frame
 *   after it was painted (median, p95);
 * - edit to findings (1,000 elements by default): window.rampart.setProperty toggling a control that changes the
 *   findings, timed until getFindings() shows the change (median, p95 over 30 edits).
 *
 * Usage: node browser.mjs [--sizes 100,1000,5000] [--edit-size 1000] [--rebuild] [--json]
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { loadavg } from 'node:os';
import path from 'node:path';
import type { PropValue, ThreatModel } from '../../src/model/types';
import { toEnvelope } from '../../src/model/serialize';
import { applyOperation } from '../../src/model/operations';
import { analyze } from '../../src/rules/engine';
import { getEnabledPacks } from '../../src/rules/packs/index';
import { generateTradingModel } from './generate';
import { buildApp, isBuildFresh, startPreview } from './server';
import { formatTable, median, ms, percentile } from './stats';

export interface BrowserBenchRow {
  elements: number;
  flows: number;
  firstNodesMs: number;
  renderStableMs: number;
  nodesInDom: number;
  loadResolvedMs: number;
  idleMs: number;
  dragMedianMs: number;
  dragP95Ms: number;
  dragWallMs: number;
  editMedianMs?: number;
  editP95Ms?: number;
  error?: string;
}

// Run from the repository root (scripts/bench.mjs does): this file is bundled elsewhere, so import.meta is no guide.
const root = process.cwd();
const argv = process.argv.slice(2);
const arg = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};

interface Toggle {
  targetId: string;
  name: string;
  /** values[0] clears the finding, values[1] makes it fire. */
  values: [PropValue, PropValue];
  findingId: string;
}

/** A control on some element whose two values make a finding disappear and reappear (found with the engine). */
function findToggle(model: ThreatModel): Toggle {
  const candidates: { type: string; name: string; values: [PropValue, PropValue] }[] = [
    { type: 'tradingBot', name: 'ipAllowlist', values: [true, false] },
    { type: 'apiGateway', name: 'rateLimiting', values: [true, false] },
    { type: 'database', name: 'encryptedAtRest', values: [true, false] },
  ];
  const packs = getEnabledPacks(model);
  for (const c of candidates) {
    for (const el of model.elements.filter((e) => e.type === c.type).slice(0, 3)) {
      const ids = c.values.map((value) => {
        const next = applyOperation(model, { type: 'setProperty', targetId: el.id, name: c.name, value });
        return new Set(analyze(next, packs).findings.map((f) => f.id));
      });
      const findingId = [...ids[1]].find((id) => !ids[0].has(id));
      if (findingId) return { targetId: el.id, name: c.name, values: c.values, findingId };
    }
  }
  throw new Error('no property toggle changes the findings of this model');
}

async function loadAndRender(page: Page, model: ThreatModel) {
  await page.evaluate((envelope) => {
    (window as unknown as { benchEnvelope: unknown }).benchEnvelope = envelope;
  }, toEnvelope(model));
  return page.evaluate(async () => {
    const frame = () => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now())));
    const count = () => document.querySelectorAll('.react-flow__node').length;
    const start = performance.now();
    let loadResolved = Number.NaN;
    let loadError: string | undefined;
    const loading = window.rampart.loadDocument((window as unknown as { benchEnvelope: unknown }).benchEnvelope).then(
      (result) => {
        loadResolved = performance.now() - start;
        if (!result.ok) loadError = `${result.reason} at ${result.path}`;
      },
      (error: unknown) => {
        loadError = String(error);
      },
    );
    let firstNodes = Number.NaN;
    let last = -1;
    let stableFrames = 0;
    let stableAt = Number.NaN;
    while (performance.now() - start < 120_000 && loadError === undefined) {
      const now = await frame();
      const n = count();
      if (n > 0 && Number.isNaN(firstNodes)) firstNodes = now - start;
      if (n > 0 && n === last) {
        if (++stableFrames === 3) break;
      } else {
        stableFrames = 0;
        stableAt = now - start;
      }
      last = n;
    }
    await loading;
    await window.rampart.whenIdle();
    return { firstNodes, stableAt, nodes: count(), loadResolved, idle: performance.now() - start, loadError, findings: window.rampart.getFindings().length };
  });
}

async function dragOneNode(page: Page) {
  const viewport = page.viewportSize() ?? { width: 1440, height: 900 };
  const nodes = page.locator('.react-flow__node:has(.rampart-node)');
  const total = await nodes.count();
  let box: { x: number; y: number; width: number; height: number } | null = null;
  let node = nodes.first();
  // The first element node whose centre lies well inside the viewport.
  for (let i = 0; i < total && !box; i++) {
    const b = await nodes.nth(i).boundingBox();
    if (b && b.x > 50 && b.y > 50 && b.x + b.width < viewport.width - 250 && b.y + b.height < viewport.height - 200) {
      box = b;
      node = nodes.nth(i);
    }
  }
  if (!box) throw new Error('no element node inside the viewport to drag');
  const transformBefore = await node.evaluate((el) => (el as HTMLElement).style.transform);
  await page.evaluate(() => {
    const w = window as unknown as { benchMoves: number[] };
    w.benchMoves = [];
    const channel = new MessageChannel();
    const pending: number[] = [];
    channel.port1.onmessage = () => {
      const t = pending.shift();
      if (t !== undefined) w.benchMoves.push(performance.now() - t);
    };
    document.addEventListener(
      'pointermove',
      (event) => {
        if (event.buttons === 0) return;
        pending.push(event.timeStamp);
        // rAF runs before the paint; a message posted from it arrives after the frame was produced.
        requestAnimationFrame(() => channel.port2.postMessage(null));
      },
      { capture: true },
    );
  });
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  const afterFrame = () => page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
  await page.mouse.move(x, y);
  await page.mouse.down();
  const wall: number[] = [];
  for (let i = 1; i <= 30; i++) {
    const start = performance.now();
    await page.mouse.move(x + i * 4, y + i * 2);
    await afterFrame();
    wall.push(performance.now() - start);
  }
  await page.mouse.up();
  await page.evaluate(() => window.rampart.whenIdle());
  if ((await node.evaluate((el) => (el as HTMLElement).style.transform)) === transformBefore) throw new Error('the dragged node did not move');
  const moves = await page.evaluate(() => (window as unknown as { benchMoves: number[] }).benchMoves);
  // The first events start the drag (threshold, selection); count the moves of the drag itself.
  const steady = moves.slice(2);
  return { median: median(steady), p95: percentile(steady, 95), wall: median(wall), count: moves.length };
}

async function timeEdits(page: Page, toggle: Toggle, runs: number): Promise<number[]> {
  return page.evaluate(
    async ({ toggle, runs }) => {
      const channel = new MessageChannel();
      const nextTask = () =>
        new Promise<void>((resolve) => {
          channel.port1.onmessage = () => resolve();
          channel.port2.postMessage(null);
        });
      const fires = () => window.rampart.getFindings().some((f) => f.id === toggle.findingId);
      window.rampart.setProperty(toggle.targetId, toggle.name, toggle.values[1]);
      await window.rampart.whenIdle();
      if (!fires()) throw new Error(`${toggle.findingId} does not fire in the page`);
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const expectFiring = i % 2 === 1;
        const start = performance.now();
        window.rampart.setProperty(toggle.targetId, toggle.name, toggle.values[expectFiring ? 1 : 0]);
        while (fires() !== expectFiring) {
          if (performance.now() - start > 20_000) throw new Error('findings did not update within 20 s');
          await nextTask();
        }
        times.push(performance.now() - start);
        await window.rampart.whenIdle();
      }
      return times;
    },
    { toggle, runs },
  );
}

async function benchSize(browser: Browser, url: string, size: number, editSize: number): Promise<BrowserBenchRow> {
  const model = generateTradingModel(size);
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('crash', () => pageErrors.push('the page crashed (renderer out of memory?)'));
  const row: BrowserBenchRow = {
    elements: model.elements.length, flows: model.flows.length, firstNodesMs: NaN, renderStableMs: NaN, nodesInDom: 0,
    loadResolvedMs: NaN, idleMs: NaN, dragMedianMs: NaN, dragP95Ms: NaN, dragWallMs: NaN,
  };
  try {
    await page.goto(url);
    await page.waitForFunction(() => 'rampart' in window, undefined, { timeout: 30_000 });
    const load = await loadAndRender(page, model);
    if (load.loadError) throw new Error(`loadDocument: ${load.loadError}`);
    Object.assign(row, { firstNodesMs: load.firstNodes, renderStableMs: load.stableAt, nodesInDom: load.nodes, loadResolvedMs: load.loadResolved, idleMs: load.idle });
    await page.waitForTimeout(500); // let the initial fitView settle before dragging
    const drag = await dragOneNode(page);
    Object.assign(row, { dragMedianMs: drag.median, dragP95Ms: drag.p95, dragWallMs: drag.wall });
    if (size === editSize) {
      const edits = await timeEdits(page, findToggle(model), 30);
      Object.assign(row, { editMedianMs: median(edits), editP95Ms: percentile(edits, 95) });
    }
  } catch (error) {
    row.error = `${error instanceof Error ? error.message.split('\n')[0] : String(error)}${pageErrors.length ? ` (page: ${pageErrors[0]})` : ''}`;
  } finally {
    await context.close();
  }
  return row;
}

export function formatBrowserTable(rows: readonly BrowserBenchRow[]): string {
  const table = formatTable(
    ['elements', 'flows', 'first nodes ms', 'render ms', 'nodes in DOM', 'loadDocument ms', 'idle ms', 'drag ms/move (median)', 'drag p95', 'drag wall ms', 'edit->findings ms (median)', 'edit p95'],
    rows.map((r) => [
      String(r.elements), String(r.flows), ms(r.firstNodesMs), ms(r.renderStableMs), String(r.nodesInDom), ms(r.loadResolvedMs), ms(r.idleMs),
      ms(r.dragMedianMs), ms(r.dragP95Ms), ms(r.dragWallMs), ms(r.editMedianMs ?? NaN), ms(r.editP95Ms ?? NaN),
    ]),
  );
  const errors = rows.filter((r) => r.error).map((r) => `${r.elements} elements: ${r.error}`);
  return errors.length ? `${table}\nerrors:\n  ${errors.join('\n  ')}` : table;
}

async function main(): Promise<void> {
  const sizes = (arg('--sizes') ?? '100,1000,5000').split(',').map(Number).filter((n) => n > 0);
  const editSize = Number(arg('--edit-size') ?? 1000);
  // Serve dist/ when it is up to date; otherwise build into a directory of our own.
  let outDir = path.join(root, 'dist');
  if (argv.includes('--rebuild') || !isBuildFresh(root, outDir)) {
    outDir = path.join(root, 'node_modules/.cache/rampart-bench/dist');
    process.stderr.write(`browser: building the app into ${path.relative(root, outDir)} (vite build)...\n`);
    buildApp(root, outDir);
  }
  const preview = await startPreview(root, outDir);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const rows: BrowserBenchRow[] = [];
  try {
    for (const size of sizes) {
      process.stderr.write(`browser: ${size} elements...\n`);
      rows.push(await benchSize(browser, preview.url, size, editSize));
    }
  } finally {
    await browser.close();
    preview.stop();
  }
  if (argv.includes('--json')) process.stdout.write(`${JSON.stringify(rows)}\n`);
  else {
    process.stdout.write(`\nBrowser (Chromium ${browser.version()}, headless, no GPU, 1440x900, load ${loadavg()[0].toFixed(1)})\n${formatBrowserTable(rows)}\n`);
    process.stdout.write('first nodes/render: loadDocument call until .react-flow__node elements exist / stop changing; idle: analysis and autosave caught up.\n');
    process.stdout.write('drag: pointermove to the frame after it (in page); wall: per mouse.move step incl. CDP; edit: setProperty until getFindings() changes.\n');
  }
}

await main();
