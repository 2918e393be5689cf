/**
 * The stencil catalog (DESIGN.md §3): the palette's items, in palette order. A stencil gives an element its
 * `type`, its default DFD `kind` and the property values that are true of that kind of component by definition.
 *
 * Kind decisions (where DESIGN is silent):
 * - Third parties you integrate with (exchange, liquidity provider, third-party API/app, market data feed,
 *   oracle, RPC node, DEX, relayer, browser) default to `actor`, switchable to `process` when you run one.
 * - `webClient` is your own front end, so a `process` (switchable to actor).
 * - `hsm` is a `process`: it performs signing and decryption on request and never hands its keys out, which is
 *   what a DFD process is; the analyst can switch it to a store when it only holds keys. `wallet` is a process
 *   for the same reason (switchable to store for a cold wallet).
 * - `queue`, `database`, `logStore`, `secretStore` are stores; a queue can be switched to process (a broker).
 * Defaults are facts of the stencil (`logStore` is a log), never assumed controls: unset means unknown.
 */
import { ICONS, type IconDef } from './icons';
import type { BoundaryType, ElementKind, Props } from './types';

export type StencilGroupId = 'generic' | 'trading' | 'custody' | 'defi' | 'common';

export interface StencilGroup {
  id: StencilGroupId;
  label: string;
}

/** Palette groups, in palette order. */
export const STENCIL_GROUPS: readonly StencilGroup[] = [
  { id: 'generic', label: 'Generic DFD' },
  { id: 'trading', label: 'Trading and exchanges' },
  { id: 'custody', label: 'Wallets and custody' },
  { id: 'defi', label: 'DeFi' },
  { id: 'common', label: 'Common' },
];

export interface Stencil {
  /** The element `type` this stencil creates. */
  id: string;
  label: string;
  kind: ElementKind;
  group: StencilGroupId;
  icon: IconDef;
  /** Property values set on a new element of this type. */
  defaults: Props;
  /** Other kinds the analyst may switch this type to. */
  altKinds?: ElementKind[];
  /** One line for the palette tooltip. */
  description: string;
}

type StencilId = keyof typeof ICONS;

const s = (
  id: StencilId,
  label: string,
  kind: ElementKind,
  group: StencilGroupId,
  description: string,
  extra: { defaults?: Props; altKinds?: ElementKind[] } = {},
): Stencil => ({
  id,
  label,
  kind,
  group,
  icon: ICONS[id],
  defaults: extra.defaults ?? {},
  ...(extra.altKinds ? { altKinds: extra.altKinds } : {}),
  description,
});

const THIRD_PARTY = { altKinds: ['process'] as ElementKind[] };

/** Every stencil, grouped and ordered as in the palette. */
export const STENCILS: readonly Stencil[] = [
  s('actor', 'Actor', 'actor', 'generic', 'A person or system outside your control that sends or receives data.', { altKinds: ['process'] }),
  s('process', 'Process', 'process', 'generic', 'Code you run that transforms or routes data.', { altKinds: ['actor'] }),
  s('store', 'Data store', 'store', 'generic', 'Data at rest: a file, database, cache or log.'),

  s('exchange', 'Exchange', 'actor', 'trading', 'A trading venue you connect to (REST, WebSocket or FIX).', THIRD_PARTY),
  s('apiGateway', 'API gateway', 'process', 'trading', 'Front door that authenticates, rate-limits and routes API calls.', {
    defaults: { exposesApi: true },
  }),
  s('websocketServer', 'WebSocket server', 'process', 'trading', 'Streams market data or private events over long-lived connections.', {
    defaults: { exposesApi: true },
  }),
  s('fixGateway', 'FIX gateway', 'process', 'trading', 'Accepts FIX sessions for order entry or drop copy.', {
    defaults: { exposesApi: true },
  }),
  s('matchingEngine', 'Matching engine', 'process', 'trading', 'Matches orders against the book.'),
  s('orderRouter', 'Order router', 'process', 'trading', 'Sends orders to venues (smart order routing).'),
  s('riskEngine', 'Risk engine', 'process', 'trading', 'Pre-trade and post-trade limits on orders and positions.', {
    defaults: { handles: ['riskLimits'] },
  }),
  s('tradingBot', 'Trading bot', 'process', 'trading', 'Automated strategy or market maker that holds venue API keys.'),
  s('marketDataFeed', 'Market data feed', 'actor', 'trading', 'A source of prices and order-book data.', THIRD_PARTY),
  s('liquidityProvider', 'Liquidity provider', 'actor', 'trading', 'A market maker or RFQ desk that quotes prices.', THIRD_PARTY),
  s('adminConsole', 'Admin console', 'process', 'trading', 'Back-office tool for operators: limits, listings, user management.', {
    defaults: { hasAdminFunctions: true },
  }),

  s('signingService', 'Signing service', 'process', 'custody', 'Signs transactions or orders with keys it guards.', {
    defaults: { holdsPrivateKeys: true },
  }),
  s('hsm', 'HSM', 'process', 'custody', 'Hardware security module: signs and decrypts without releasing keys.', {
    defaults: { holdsPrivateKeys: true, keyStorage: 'hsm' },
    altKinds: ['store'],
  }),
  s('wallet', 'Wallet', 'process', 'custody', 'Hot, warm or cold wallet holding private keys.', {
    defaults: { holdsPrivateKeys: true },
    altKinds: ['store'],
  }),
  s('withdrawalService', 'Withdrawal service', 'process', 'custody', 'Approves and dispatches withdrawals.', {
    defaults: { handles: ['withdrawal'] },
  }),
  s('secretStore', 'Secret store', 'store', 'custody', 'Vault or KMS holding API secrets, passwords and keys.', {
    defaults: { storesSecrets: true },
  }),

  s('dex', 'DEX', 'actor', 'defi', 'Decentralised exchange or aggregator contract.', THIRD_PARTY),
  s('oracle', 'Oracle', 'actor', 'defi', 'Price or data oracle read on chain.', THIRD_PARTY),
  s('relayer', 'Relayer', 'actor', 'defi', 'Submits signed messages or transactions on your behalf.', THIRD_PARTY),
  s('rpcNode', 'RPC node', 'actor', 'defi', 'Blockchain node you read state from and send transactions to.', THIRD_PARTY),

  s('webClient', 'Web client', 'process', 'common', 'Your own front end: single-page app or mobile app.', { altKinds: ['actor'] }),
  s('browser', 'Browser', 'actor', 'common', 'A user\'s web browser.', THIRD_PARTY),
  s('thirdPartyApp', 'Third-party app', 'actor', 'common', 'An application someone else runs that calls your API.', THIRD_PARTY),
  s('thirdPartyApi', 'Third-party API', 'actor', 'common', 'An external API you call.', THIRD_PARTY),
  s('database', 'Database', 'store', 'common', 'Relational or document database.'),
  s('queue', 'Queue', 'store', 'common', 'Message queue or event stream.', { altKinds: ['process'] }),
  s('logStore', 'Log store', 'store', 'common', 'Logs and audit records.', { defaults: { isLog: true } }),
];

const byId = new Map(STENCILS.map((st) => [st.id, st]));

/** The stencil of an element type, or undefined when the type is no known stencil (e.g. from an import). */
export function getStencil(type: string): Stencil | undefined {
  return byId.get(type);
}

/** Stencils of one palette group, in palette order. */
export function getStencilsInGroup(group: StencilGroupId): Stencil[] {
  return STENCILS.filter((st) => st.group === group);
}

/** The default kind of a type: its stencil's, or `fallback` for a type that is no known stencil. */
export function resolveKind(type: string, fallback: ElementKind): ElementKind {
  return getStencil(type)?.kind ?? fallback;
}

/** Kinds an element of this type may take: the stencil's own first, then its alternatives. Unknown types: all. */
export function getAllowedKinds(type: string): ElementKind[] {
  const st = getStencil(type);
  if (!st) return ['actor', 'process', 'store'];
  return [st.kind, ...(st.altKinds ?? [])];
}

/** The icon to draw for an element: its stencil's, or the generic icon of its kind for an unknown type. */
export function getElementIcon(type: string, kind: ElementKind): IconDef {
  return getStencil(type)?.icon ?? ICONS[kind];
}

/** Labels and one-line descriptions of the trust-boundary types, in palette order. */
export const BOUNDARY_TYPE_INFO: Readonly<Record<BoundaryType, { label: string; description: string }>> = {
  internet: { label: 'Internet', description: 'Anyone can reach what is inside from the public internet.' },
  partner: { label: 'Partner network', description: 'A counterparty\'s network or a dedicated link to it.' },
  dmz: { label: 'DMZ', description: 'Internet-facing tier between the internet and internal networks.' },
  corporate: { label: 'Corporate network', description: 'Internal office or data-centre network.' },
  cloudVpc: { label: 'Cloud VPC', description: 'A private network in a cloud account.' },
  host: { label: 'Host', description: 'One machine or container: a process boundary.' },
  signingZone: { label: 'Signing zone', description: 'Isolated segment where keys are used.' },
  hsmEnclave: { label: 'HSM enclave', description: 'Inside a hardware security module or secure enclave.' },
  publicChain: { label: 'Public chain', description: 'A public blockchain and its mempool.' },
  userDevice: { label: 'User device', description: 'A customer\'s phone or computer.' },
};

/** The label of a boundary type; an unknown type (from an import) is shown as is. */
export function getBoundaryTypeLabel(type: string): string {
  return (BOUNDARY_TYPE_INFO as Record<string, { label: string } | undefined>)[type]?.label ?? type;
}
