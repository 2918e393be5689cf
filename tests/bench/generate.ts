/**
 * Generates realistic trading-architecture threat models of a given size for benchmarks: repeated deployment
 * "cells" (a venue integration with its API tier, order flow, custody and data stores), each with nested trust
 * boundaries (internet, partner, corporate, cloudVpc > dmz, cloudVpc > signingZone > hsmEnclave), about two
 * flows per element, and property values drawn so that many rules fire (some explicit, some left unknown).
 * Deterministic for a given size and seed, with readable ids (`c3-apiGateway`, `f120`).
 */
import { createBoundary, createDiagram, createElement, createFlow, createModel } from '../../src/model/document';
import { getBoundaryTypeLabel, getStencil } from '../../src/model/stencils';
import type { Boundary, Flow, ModelElement, Point, Props, PropValue, Size, ThreatModel } from '../../src/model/types';

/** A small seeded PRNG (mulberry32): the same seed gives the same model. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Zone = 'internet' | 'partner' | 'corporate' | 'cloudVpc' | 'dmz' | 'signingZone' | 'hsmEnclave';

interface Slot {
  key: string;
  type: string;
  zone: Zone;
  /** Offset inside the cell. */
  at: Point;
}

/** Boundary rectangles inside a cell, parents before children. */
const ZONES: { zone: Zone; parent: Zone | null; at: Point; size: Size }[] = [
  { zone: 'internet', parent: null, at: { x: 0, y: 0 }, size: { width: 1700, height: 200 } },
  { zone: 'partner', parent: null, at: { x: 0, y: 240 }, size: { width: 420, height: 180 } },
  { zone: 'corporate', parent: null, at: { x: 0, y: 460 }, size: { width: 420, height: 180 } },
  { zone: 'cloudVpc', parent: null, at: { x: 460, y: 240 }, size: { width: 1240, height: 900 } },
  { zone: 'dmz', parent: 'cloudVpc', at: { x: 480, y: 280 }, size: { width: 860, height: 160 } },
  { zone: 'signingZone', parent: 'cloudVpc', at: { x: 480, y: 740 }, size: { width: 700, height: 380 } },
  { zone: 'hsmEnclave', parent: 'signingZone', at: { x: 500, y: 880 }, size: { width: 300, height: 200 } },
];

const row = (zone: Zone, y: number, x0: number, step: number, items: [string, string][]): Slot[] =>
  items.map(([key, type], i) => ({ key, type, zone, at: { x: x0 + i * step, y } }));

/** The 28 elements of one cell, in the order a truncated last cell keeps them. */
const SLOTS: Slot[] = [
  ...row('dmz', 320, 500, 200, [['gateway', 'apiGateway'], ['ws', 'websocketServer'], ['fix', 'fixGateway'], ['web', 'webClient']]),
  ...row('cloudVpc', 480, 480, 170, [
    ['router', 'orderRouter'], ['matching', 'matchingEngine'], ['risk', 'riskEngine'], ['bot', 'tradingBot'],
    ['mm', 'tradingBot'], ['withdrawals', 'withdrawalService'], ['events', 'queue'],
  ]),
  ...row('internet', 50, 20, 210, [
    ['browser', 'browser'], ['partnerApp', 'thirdPartyApp'], ['venueA', 'exchange'], ['venueB', 'exchange'],
    ['feed', 'marketDataFeed'], ['oracle', 'oracle'], ['rpc', 'rpcNode'], ['dex', 'dex'],
  ]),
  ...row('cloudVpc', 620, 480, 200, [['db', 'database'], ['logs', 'logStore'], ['secrets', 'secretStore']]),
  ...row('signingZone', 780, 500, 220, [['signer', 'signingService'], ['hotWallet', 'wallet']]),
  ...row('hsmEnclave', 940, 560, 0, [['hsm', 'hsm']]),
  ...row('partner', 290, 20, 200, [['lp', 'liquidityProvider'], ['relayer', 'relayer']]),
  ...row('corporate', 510, 20, 0, [['admin', 'adminConsole']]),
];
export const CELL_SIZE = SLOTS.length;

type Kind = 'rest' | 'ws' | 'fix' | 'internal' | 'chain' | 'store';

/** The designed flows of a cell: [source, target, name, kind]. */
const EDGES: [string, string, string, Kind][] = [
  ['browser', 'web', 'Load app', 'rest'], ['web', 'gateway', 'REST calls', 'rest'], ['browser', 'ws', 'Private stream', 'ws'],
  ['partnerApp', 'gateway', 'Signed REST', 'rest'], ['partnerApp', 'ws', 'Market stream', 'ws'], ['lp', 'fix', 'FIX quotes', 'fix'],
  ['gateway', 'router', 'Orders', 'internal'], ['gateway', 'risk', 'Limit check', 'internal'], ['gateway', 'db', 'Accounts', 'store'],
  ['gateway', 'logs', 'Audit log', 'store'], ['gateway', 'withdrawals', 'Withdrawal request', 'internal'], ['ws', 'events', 'Subscribe', 'store'],
  ['fix', 'router', 'FIX orders', 'internal'], ['router', 'matching', 'Route', 'internal'], ['router', 'venueA', 'Venue orders', 'rest'],
  ['router', 'venueB', 'Venue orders', 'rest'], ['matching', 'events', 'Fills', 'store'], ['matching', 'db', 'Trades', 'store'],
  ['risk', 'db', 'Positions', 'store'], ['bot', 'venueA', 'Place orders', 'rest'], ['venueA', 'bot', 'User data stream', 'ws'],
  ['bot', 'secrets', 'Read API key', 'store'], ['feed', 'bot', 'Market data', 'ws'], ['mm', 'venueB', 'Quotes', 'rest'],
  ['mm', 'dex', 'Swap', 'chain'], ['mm', 'oracle', 'Read price', 'chain'], ['mm', 'secrets', 'Read API key', 'store'],
  ['withdrawals', 'signer', 'Sign withdrawal', 'internal'], ['signer', 'hsm', 'Sign', 'internal'], ['signer', 'hotWallet', 'Load key', 'internal'],
  ['hotWallet', 'rpc', 'Broadcast', 'chain'], ['relayer', 'gateway', 'Relay intents', 'rest'], ['admin', 'gateway', 'Admin API', 'rest'],
  ['admin', 'risk', 'Set limits', 'internal'], ['withdrawals', 'db', 'Ledger', 'store'], ['signer', 'logs', 'Signing log', 'store'],
  ['events', 'ws', 'Push updates', 'internal'], ['oracle', 'risk', 'Reference price', 'chain'], ['rpc', 'withdrawals', 'Confirmations', 'chain'],
  ['venueB', 'mm', 'Fills stream', 'ws'], ['router', 'logs', 'Order log', 'store'], ['risk', 'events', 'Risk events', 'store'],
];

function pick<T>(rnd: () => number, items: readonly T[]): T {
  return items[Math.floor(rnd() * items.length)];
}

/** Sets `name` to a random choice with probability `p`, else leaves it unknown. */
function maybe(rnd: () => number, props: Props, name: string, values: readonly PropValue[], p = 0.7): void {
  if (rnd() < p) props[name] = pick(rnd, values);
}

function elementProps(rnd: () => number, type: string): Props {
  const props: Props = { ...(getStencil(type)?.defaults ?? {}) };
  const kind = getStencil(type)?.kind ?? 'process';
  if (kind === 'process') {
    maybe(rnd, props, 'logging', ['none', 'local', 'central']);
    maybe(rnd, props, 'inputValidation', [true, false]);
    maybe(rnd, props, 'runsPrivileged', [true, false], 0.4);
    maybe(rnd, props, 'dependencyPinning', [true, false], 0.5);
  }
  switch (type) {
    case 'apiGateway':
    case 'websocketServer':
    case 'fixGateway':
      maybe(rnd, props, 'rateLimiting', [true, false]);
      maybe(rnd, props, 'objectLevelAuthz', [true, false]);
      maybe(rnd, props, 'functionLevelAuthz', [true, false]);
      maybe(rnd, props, 'verboseErrors', [true, false]);
      maybe(rnd, props, 'cors', ['strict', 'permissive']);
      maybe(rnd, props, 'connectionLimits', [true, false]);
      maybe(rnd, props, 'constantTimeSigCompare', [true, false]);
      maybe(rnd, props, 'multiTenant', [true]);
      break;
    case 'tradingBot':
      maybe(rnd, props, 'secretStorage', ['envFile', 'vault', 'kms', 'hardcoded', 'plaintextFile'], 0.9);
      maybe(rnd, props, 'keyPermissions', [['read', 'trade'], ['read', 'trade', 'withdraw'], ['read']], 0.9);
      maybe(rnd, props, 'ipAllowlist', [true, false]);
      maybe(rnd, props, 'riskControls', [true, false]);
      maybe(rnd, props, 'keyRotationDays', [30, 90, 365, 1000]);
      maybe(rnd, props, 'clockSync', ['none', 'ntp', 'serverTime']);
      maybe(rnd, props, 'sharedKey', [true, false], 0.5);
      maybe(rnd, props, 'marketDataSanityChecks', [true, false]);
      break;
    case 'signingService':
    case 'wallet':
      maybe(rnd, props, 'signingPolicy', [true, false]);
      maybe(rnd, props, 'walletTier', ['hot', 'warm']);
      maybe(rnd, props, 'approvals', [1, 2, 3]);
      maybe(rnd, props, 'keyStorage', ['hsm', 'mpc', 'file']);
      maybe(rnd, props, 'balanceCap', [true, false]);
      break;
    case 'withdrawalService':
      maybe(rnd, props, 'withdrawAllowlist', [true, false]);
      maybe(rnd, props, 'humanApproval', [true, false]);
      maybe(rnd, props, 'anomalyDetection', [true, false]);
      break;
    case 'adminConsole':
      maybe(rnd, props, 'mfa', [true, false]);
      maybe(rnd, props, 'dualControl', [true, false]);
      break;
    case 'database':
    case 'secretStore':
    case 'logStore':
    case 'queue':
      maybe(rnd, props, 'encryptedAtRest', [true, false]);
      maybe(rnd, props, 'accessControl', [true, false]);
      if (type === 'logStore') maybe(rnd, props, 'tamperEvident', [true, false]);
      if (type === 'database') maybe(rnd, props, 'data', [['orders', 'balances'], ['pii', 'balances'], ['fills']]);
      break;
    case 'exchange':
    case 'liquidityProvider':
    case 'relayer':
      maybe(rnd, props, 'trust', ['untrusted', 'partner']);
      break;
    case 'oracle':
      maybe(rnd, props, 'oracleType', ['spot', 'twap', 'aggregated']);
      maybe(rnd, props, 'sources', [1, 3, 7]);
      break;
  }
  return props;
}

function flowProps(rnd: () => number, kind: Kind): Props {
  const props: Props = {};
  switch (kind) {
    case 'rest':
      maybe(rnd, props, 'protocol', ['https', 'https', 'https', 'http'], 0.95);
      maybe(rnd, props, 'authentication', ['hmac', 'apiKey', 'jwt', 'none', 'oauth2']);
      maybe(rnd, props, 'replayProtection', ['timestamp', 'nonce', 'none', 'timestamp+nonce']);
      maybe(rnd, props, 'timestampToleranceMs', [1000, 5000, 30000, 60000]);
      maybe(rnd, props, 'data', [['orders', 'orderAck'], ['balances'], ['apiKey', 'orders'], ['withdrawalRequest']]);
      maybe(rnd, props, 'operation', [['trade'], ['read'], ['withdraw'], ['trade', 'withdraw']]);
      maybe(rnd, props, 'idempotencyKey', [true, false]);
      maybe(rnd, props, 'retry', ['none', 'naive', 'idempotent']);
      maybe(rnd, props, 'tlsVerify', [true, false], 0.5);
      break;
    case 'ws':
      maybe(rnd, props, 'protocol', ['wss', 'wss', 'ws'], 0.95);
      maybe(rnd, props, 'authentication', ['wsToken', 'listenKey', 'none', 'hmac']);
      maybe(rnd, props, 'reauth', ['none', 'periodic', 'perMessage']);
      maybe(rnd, props, 'sequenceCheck', [true, false]);
      maybe(rnd, props, 'data', [['marketData'], ['orderBookDiff'], ['fills', 'balances']]);
      maybe(rnd, props, 'initiator', ['src', 'dst'], 0.3);
      break;
    case 'fix':
      maybe(rnd, props, 'protocol', ['fix', 'fix+tls'], 0.95);
      maybe(rnd, props, 'authentication', ['password', 'mtls']);
      maybe(rnd, props, 'cancelOnDisconnect', [true, false]);
      maybe(rnd, props, 'restingOrders', [true]);
      maybe(rnd, props, 'data', [['orders', 'quotes']]);
      break;
    case 'internal':
      maybe(rnd, props, 'protocol', ['grpc', 'https', 'tcp']);
      maybe(rnd, props, 'authentication', ['mtls', 'none', 'iamRole']);
      maybe(rnd, props, 'data', [['orders'], ['withdrawalRequest'], ['unsignedTx', 'signedTx'], ['riskLimits']]);
      break;
    case 'chain':
      props.protocol = 'onchain';
      maybe(rnd, props, 'slippageLimit', [true, false]);
      maybe(rnd, props, 'deadline', [true, false]);
      maybe(rnd, props, 'mempool', ['public', 'private']);
      maybe(rnd, props, 'stalenessCheck', [true, false]);
      maybe(rnd, props, 'tokenApproval', ['exact', 'unlimited']);
      break;
    case 'store':
      maybe(rnd, props, 'protocol', ['tls', 'tcp', 'local']);
      maybe(rnd, props, 'data', [['orders', 'fills'], ['apiSecret'], ['logs'], ['balances', 'pii']]);
      break;
  }
  return props;
}

export interface GenerateOptions {
  seed?: number;
  name?: string;
}

/** A trading-architecture model with exactly `elementCount` elements and about twice as many flows. */
export function generateTradingModel(elementCount: number, options: GenerateOptions = {}): ThreatModel {
  const rnd = createRandom(options.seed ?? 42);
  const base = createModel({
    id: `bench-${elementCount}`,
    name: options.name ?? `Trading platform (${elementCount} elements)`,
    now: '2025-01-01T00:00:00.000Z',
    diagram: createDiagram({ id: 'main', name: 'Main' }),
  });
  const diagramId = base.diagrams[0].id;
  const elements: ModelElement[] = [];
  const boundaries: Boundary[] = [];
  const flows: Flow[] = [];
  const cells = Math.ceil(elementCount / CELL_SIZE);
  const perRow = Math.max(1, Math.ceil(Math.sqrt(cells)));

  for (let c = 0; c < cells; c++) {
    const origin = { x: (c % perRow) * 1900, y: Math.floor(c / perRow) * 1300 };
    const zoneId = (zone: Zone) => `c${c}-${zone}`;
    for (const z of ZONES) {
      boundaries.push(
        createBoundary({
          id: zoneId(z.zone),
          diagramId,
          type: z.zone,
          name: `${getBoundaryTypeLabel(z.zone)} ${c}`,
          parentId: z.parent ? zoneId(z.parent) : null,
          position: { x: origin.x + z.at.x, y: origin.y + z.at.y },
          size: z.size,
        }),
      );
    }
    const present = new Map<string, ModelElement>();
    for (const slot of SLOTS) {
      if (elements.length >= elementCount) break;
      const element = createElement({
        id: `c${c}-${slot.key}`,
        diagramId,
        type: slot.type,
        name: `${getStencil(slot.type)?.label ?? slot.type} ${c}${slot.key === 'mm' ? ' (MM)' : ''}`,
        boundaryId: zoneId(slot.zone),
        position: { x: origin.x + slot.at.x, y: origin.y + slot.at.y },
        props: elementProps(rnd, slot.type),
      });
      present.set(slot.key, element);
      elements.push(element);
    }
    const cellStart = flows.length;
    for (const [from, to, name, kind] of EDGES) {
      const source = present.get(from);
      const target = present.get(to);
      if (source && target) flows.push(createFlow({ id: `f${flows.length}`, source: source.id, target: target.id, name, props: flowProps(rnd, kind) }));
    }
    // Top up to about two flows per element with internal calls between this cell's processes and stores.
    const local = [...present.values()].filter((e) => e.kind !== 'actor');
    const want = Math.round(present.size * 2);
    let made = flows.length - cellStart;
    for (let guard = 0; made < want && local.length > 1 && guard < want * 4; guard++) {
      const source = pick(rnd, local);
      const target = pick(rnd, local);
      if (source === target || source.kind === 'store') continue;
      flows.push(createFlow({ id: `f${flows.length}`, source: source.id, target: target.id, name: 'Internal call', props: flowProps(rnd, target.kind === 'store' ? 'store' : 'internal') }));
      made++;
    }
  }
  return { ...base, elements, boundaries, flows };
}
