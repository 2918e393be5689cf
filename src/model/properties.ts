/**
 * Typed property declarations (DESIGN.md §3). Declared once: the inspector renders its form from them, the
 * rule checker rejects a rule that names an unknown property or an impossible value, and importers map other
 * tools' names onto them. Names follow ../shared/catalog/README.md so rule packs and imports agree.
 *
 * An unset property is *unknown*, which is different from `false`.
 */
import type { PropValue } from './types';

export type PropTarget = 'actor' | 'process' | 'store' | 'flow' | 'boundary';
export type PropType = 'boolean' | 'enum' | 'list' | 'number' | 'string';

export interface PropertyDecl {
  name: string;
  label: string;
  help: string;
  type: PropType;
  /** Allowed values for enum and list properties. */
  values?: readonly string[];
  unit?: string;
  appliesTo: readonly PropTarget[];
  /** Inspector section; properties are grouped by it. */
  group: string;
}

const NODE: readonly PropTarget[] = ['actor', 'process', 'store'];
const PROC: readonly PropTarget[] = ['process'];
const PROC_ACTOR: readonly PropTarget[] = ['process', 'actor'];
const STORE: readonly PropTarget[] = ['store'];
const FLOW: readonly PropTarget[] = ['flow'];

export const PROTOCOLS = ['https', 'http', 'wss', 'ws', 'fix', 'fix+tls', 'tls', 'tcp', 'grpc', 'ssh', 'onchain', 'local', 'file'] as const;
export const AUTH_METHODS = [
  'none', 'apiKey', 'hmac', 'ed25519', 'rsa', 'ecdsa', 'oauth2', 'jwt', 'mtls', 'session', 'sso', 'wsToken',
  'listenKey', 'password', 'iamRole', 'txSignature',
] as const;
export const DATA_CLASSES = [
  'marketData', 'orderBookDiff', 'orders', 'orderAck', 'fills', 'balances', 'positions', 'quotes', 'calldata',
  'apiKey', 'apiSecret', 'credentials', 'jwt', 'wsToken', 'privateKey', 'seedPhrase', 'keyShare', 'keyBackup',
  'signedTx', 'unsignedTx', 'signedOrder', 'permit', 'intent', 'withdrawalRequest', 'strategySignals',
  'riskLimits', 'pii', 'logs',
] as const;
/** Data whose disclosure or tampering matters: secrets, money movement and personal data. */
export const SENSITIVE_DATA: readonly string[] = [
  'orders', 'orderAck', 'fills', 'balances', 'positions', 'apiKey', 'apiSecret', 'credentials', 'jwt', 'wsToken',
  'privateKey', 'seedPhrase', 'keyShare', 'keyBackup', 'signedTx', 'signedOrder', 'permit', 'intent',
  'withdrawalRequest', 'strategySignals', 'riskLimits', 'pii',
];
/** Data an exchange publishes to anyone. */
export const PUBLIC_DATA: readonly string[] = ['marketData', 'orderBookDiff'];
export const OPERATIONS = ['read', 'trade', 'quote', 'withdraw', 'transfer', 'admin', 'swap'] as const;
export const KEY_PERMISSIONS = ['read', 'trade', 'withdraw', 'transfer'] as const;

type Decl = Omit<PropertyDecl, 'group'>;
const group = (name: string, decls: Decl[]): PropertyDecl[] => decls.map((d) => ({ ...d, group: name }));
const b = (name: string, label: string, help: string, appliesTo: readonly PropTarget[]): Decl => ({ name, label, help, type: 'boolean', appliesTo });
const e = (name: string, label: string, help: string, appliesTo: readonly PropTarget[], values: readonly string[]): Decl => ({ name, label, help, type: 'enum', appliesTo, values });
const l = (name: string, label: string, help: string, appliesTo: readonly PropTarget[], values: readonly string[]): Decl => ({ name, label, help, type: 'list', appliesTo, values });
const n = (name: string, label: string, help: string, appliesTo: readonly PropTarget[], unit?: string): Decl => ({ name, label, help, type: 'number', appliesTo, unit });
const s = (name: string, label: string, help: string, appliesTo: readonly PropTarget[]): Decl => ({ name, label, help, type: 'string', appliesTo });

export const PROPERTY_DECLS: readonly PropertyDecl[] = [
  ...group('Scope', [
    b('outOfScope', 'Out of scope', 'Rules skip this element; flows touching it are still analysed.', NODE),
    s('purpose', 'Purpose', 'What the component is for, e.g. portfolioTracking, readOnly, taxReporting, analytics, trading.', PROC_ACTOR),
    l('handles', 'Handles', 'Sensitive functions this component performs.', PROC, ['withdrawal', 'keyManagement', 'riskLimits', 'withdrawalLimits', 'keyPolicy', 'admin']),
  ]),
  ...group('Transport', [
    e('protocol', 'Protocol', 'Wire protocol. WebSocket and FIX are protocols of a flow, not node types.', FLOW, PROTOCOLS),
    b('encryptedInTransit', 'Encrypted in transit', 'Overrides what the protocol implies (https, wss, fix+tls, tls, ssh are encrypted).', FLOW),
    b('tlsVerify', 'TLS certificate verified', 'The client verifies the server certificate and host name.', FLOW),
    e('initiator', 'Initiator', 'Who opens the connection: src (default) or dst, for server-to-client streams.', FLOW, ['src', 'dst']),
    b('publicAccess', 'Intentionally public', 'Anonymous by design, e.g. public market data.', FLOW),
    l('data', 'Data', 'What travels on the flow, or what the store holds.', ['flow', 'store'], DATA_CLASSES),
    l('operation', 'Operations', 'What the flow can do.', FLOW, OPERATIONS),
    b('isFailoverPath', 'Failover path', 'A backup route used when the primary fails.', FLOW),
    b('sameControlsAsPrimary', 'Same controls as primary', 'The failover path has the primary path\'s controls.', FLOW),
    n('timeoutMs', 'Timeout', 'Client-side request timeout.', FLOW, 'ms'),
    e('retry', 'Retry policy', 'naive retries can duplicate orders.', FLOW, ['none', 'naive', 'idempotent']),
    b('respectsRetryAfter', 'Respects Retry-After / 429', 'Backs off when the venue signals rate limiting.', FLOW),
  ]),
  ...group('Authentication', [
    e('authentication', 'Authentication', 'How the caller proves who it is.', FLOW, AUTH_METHODS),
    e('replayProtection', 'Replay protection', 'What makes a captured request unusable later.', FLOW, ['none', 'timestamp', 'nonce', 'timestamp+nonce', 'sequence']),
    n('timestampToleranceMs', 'Replay window', 'Accepted clock skew for signed requests (Binance recvWindow defaults to 5000 ms).', FLOW, 'ms'),
    l('signatureCovers', 'Signature covers', 'Request parts covered by the signature.', FLOW, ['method', 'path', 'query', 'body', 'timestamp', 'nonce']),
    e('signatureScheme', 'Signature scheme', 'hash-concat is sha(secret + message), open to length extension.', FLOW, ['hmac-sha256', 'hmac-sha512', 'ed25519', 'rsa', 'ecdsa', 'hash-concat']),
    b('secretInRequest', 'Secret sent in request', 'The API secret itself travels with the request.', FLOW),
    b('credentialsInUrl', 'Credentials in URL', 'Keys or tokens in the query string or path.', FLOW),
    e('reauth', 'Re-authentication', 'How long-lived sessions are re-checked.', FLOW, ['none', 'periodic', 'perMessage']),
    b('sessionRevocationCheck', 'Revocation checked', 'Revoked keys end open sessions.', FLOW),
    b('originValidation', 'Origin validated', 'WebSocket handshake Origin is checked.', PROC),
  ]),
  ...group('Request handling', [
    b('idempotencyKey', 'Idempotency key', 'Orders carry a client order id so retries do not duplicate them.', FLOW),
    b('inputValidation', 'Input validated', 'Schema and range checks on what is received.', ['flow', 'process']),
    b('rateLimiting', 'Rate limiting', 'Per-key and per-IP limits.', ['flow', 'process']),
    b('sequenceCheck', 'Sequence checked', 'Gaps and reordering in sequence numbers are detected.', FLOW),
    b('cancelOnDisconnect', 'Cancel on disconnect', 'Resting orders are cancelled when the session drops.', FLOW),
    b('restingOrders', 'Resting orders', 'The session leaves orders on the book.', FLOW),
    b('quoteValidation', 'Quotes validated', 'Quotes are checked against reference prices and expiry.', FLOW),
  ]),
  ...group('On-chain', [
    b('txSimulation', 'Transaction simulated', 'Calldata is simulated before signing.', FLOW),
    b('slippageLimit', 'Slippage limit', 'Swaps set a minimum output.', FLOW),
    b('deadline', 'Deadline', 'Swaps expire.', FLOW),
    e('mempool', 'Mempool', 'Where signed transactions are sent.', FLOW, ['public', 'private']),
    b('chainIdBound', 'Chain id bound', 'Signatures include the chain id (EIP-155 / EIP-712 domain).', FLOW),
    b('expiry', 'Expiry', 'Signed orders and permits expire.', FLOW),
    b('nonceTracked', 'Nonce tracked', 'Used nonces are recorded so a signature works once.', FLOW),
    b('stalenessCheck', 'Staleness checked', 'Oracle answers older than the heartbeat are refused.', FLOW),
    e('tokenApproval', 'Token approval', 'ERC-20 allowance given to the spender.', FLOW, ['exact', 'unlimited', 'none']),
  ]),
  ...group('API surface', [
    b('exposesApi', 'Exposes an API', 'Serves requests from other components.', PROC),
    b('multiTenant', 'Multi-tenant', 'Holds many customers\' objects.', ['process', 'store']),
    b('objectLevelAuthz', 'Object-level authorisation', 'Every object access checks ownership (API1:2023).', PROC),
    b('propertyLevelAuthz', 'Property-level authorisation', 'Responses and updates are filtered per property (API3:2023).', PROC),
    b('functionLevelAuthz', 'Function-level authorisation', 'Admin functions check the caller\'s role (API5:2023).', PROC),
    b('hasAdminFunctions', 'Has admin functions', 'Exposes administrative operations.', PROC),
    l('businessFlows', 'Sensitive business flows', 'Flows worth automating for abuse (API6:2023).', PROC, ['withdraw', 'signup', 'rewards', 'listingPurchase', 'trade']),
    b('connectionLimits', 'Connection limits', 'Caps on concurrent connections and subscriptions.', PROC),
    b('verboseErrors', 'Verbose errors', 'Stack traces or internals in error responses.', PROC),
    e('cors', 'CORS policy', 'permissive reflects any origin.', PROC, ['none', 'strict', 'permissive']),
    b('debugEndpoints', 'Debug endpoints', 'Debug or actuator endpoints reachable.', PROC),
    b('deprecatedVersionsExposed', 'Deprecated versions exposed', 'Old API versions still served.', PROC),
    b('undocumentedEndpoints', 'Undocumented endpoints', 'Endpoints not in the inventory.', PROC),
    b('nonProdWithProdData', 'Non-prod with prod data', 'Test environments hold production data.', PROC),
    b('fetchesUserSuppliedUrl', 'Fetches user URLs', 'Fetches URLs the caller supplies (webhooks, avatars).', PROC),
    b('urlAllowlist', 'URL allow-list', 'Outbound fetches limited to an allow-list.', PROC),
    b('constantTimeSigCompare', 'Constant-time signature compare', 'Signatures are compared in constant time.', PROC),
    b('jwtValidation', 'JWT validated', 'Algorithm pinned, signature, expiry and audience checked.', PROC),
    b('runsPrivileged', 'Runs privileged', 'Runs as root or with broad cloud permissions.', PROC),
  ]),
  ...group('Keys and secrets', [
    e('secretStorage', 'Secret storage', 'Where this component keeps its API secrets.', PROC, ['hardcoded', 'plaintextFile', 'envFile', 'configRepo', 'envVar', 'vault', 'kms', 'hsm', 'osKeychain']),
    l('keyPermissions', 'API key permissions', 'What the key it holds may do at the venue.', PROC, KEY_PERMISSIONS),
    b('needsWithdraw', 'Needs withdraw', 'The component\'s job really requires withdraw or transfer rights.', PROC),
    b('ipAllowlist', 'Key bound to IP allow-list', 'The venue accepts the key only from listed addresses.', PROC),
    n('keyRotationDays', 'Key rotation', 'Rotation period.', PROC, 'days'),
    b('keyExpiry', 'Key expires', 'The key has an expiry date at the venue.', PROC),
    b('sharedKey', 'Key shared', 'Several processes or people use the same key.', PROC),
    e('accountScope', 'Account scope', 'master keys reach every sub-account.', PROC, ['master', 'subaccount']),
    b('keyUsageMonitoring', 'Key usage monitored', 'Alerts on unusual use of the key.', PROC),
    e('clockSync', 'Clock sync', 'How the host keeps time for signed timestamps.', PROC, ['none', 'ntp', 'ptp', 'serverTime']),
    b('sharedEgressIp', 'Shared egress IP', 'Shares its outbound address with other clients.', PROC),
    b('storesSecrets', 'Stores secrets', 'Holds keys, passwords or tokens.', STORE),
    b('holdsPrivateKeys', 'Holds private keys', 'Holds keys that sign transactions or orders.', ['process', 'store']),
    e('keyStorage', 'Key storage', 'Where private keys live.', ['process', 'store'], ['hsm', 'mpc', 'kms', 'tee', 'file']),
  ]),
  ...group('Trading controls', [
    b('riskControls', 'Pre-trade risk controls', 'Order size, price band and position limits before sending.', PROC),
    b('marketDataSanityChecks', 'Market data sanity checks', 'Stale, crossed or outlier prices are rejected.', PROC),
    b('marketSurveillance', 'Market surveillance', 'Spoofing, wash trading and layering are detected.', PROC),
    e('instrument', 'Instrument', 'What is traded.', PROC, ['spot', 'futures', 'perpetuals', 'options']),
    b('mmp', 'Market maker protection', 'Venue-side MMP freezes quoting after rapid fills.', PROC),
    b('reconciliation', 'Reconciliation', 'Orders, fills and balances reconciled with the venue.', PROC),
    e('failover', 'Failover', 'How the component fails over.', PROC, ['none', 'manual', 'automatic']),
    b('autoFailover', 'Automatic failover', 'Switches routes without an operator.', PROC),
    b('stateReconciliation', 'State reconciled on failover', 'Open orders re-synced after a switch.', PROC),
    b('failOpen', 'Fails open', 'Lets requests through when a dependency is down.', PROC),
    b('dynamicEndpointDiscovery', 'Dynamic endpoint discovery', 'Endpoints come from DNS/config at run time.', PROC),
    b('endpointAllowlist', 'Endpoint allow-list', 'Discovered endpoints are checked against a list.', PROC),
  ]),
  ...group('Operations and monitoring', [
    e('logging', 'Logging', 'Where security events go.', PROC, ['none', 'local', 'central', 'onchain']),
    b('anomalyDetection', 'Anomaly detection', 'Abuse of business flows is detected.', PROC),
    b('threatIntel', 'Threat intelligence', 'Known-bad addresses and IPs are screened.', PROC),
    b('mfa', 'MFA', 'Multi-factor authentication for people.', PROC_ACTOR),
    b('dualControl', 'Dual control', 'Changes need a second person.', PROC),
    b('dependencyPinning', 'Dependencies pinned', 'Lockfiles, pinned hashes and reviewed updates.', PROC),
    b('servesSigningUi', 'Serves a signing UI', 'Front end where users approve transactions.', PROC),
    b('assetIntegrity', 'Asset integrity', 'SRI / signed builds for the front end.', PROC),
    b('rpcCrossCheck', 'RPC cross-checked', 'Chain state read from more than one node.', PROC),
  ]),
  ...group('Custody', [
    b('signingPolicy', 'Signing policy', 'The signer enforces limits, destinations and velocity.', PROC),
    e('walletTier', 'Wallet tier', 'hot, warm or cold.', ['process', 'store'], ['hot', 'warm', 'cold']),
    n('approvals', 'Approvals required', 'Independent approvals per transaction (m of n).', PROC),
    b('humanApproval', 'Human approval', 'A person approves transactions.', PROC),
    b('independentTxVerification', 'Independent verification', 'Approvers see the transaction on a separate device.', PROC),
    b('balanceCap', 'Balance cap', 'Hot wallet balance is capped and swept.', ['process', 'store']),
    b('quorumAdmin', 'Quorum administration', 'Administration needs a quorum of officers.', ['process', 'store']),
    b('withdrawAllowlist', 'Withdrawal allow-list', 'Withdrawals only to registered addresses.', PROC),
    b('upgradeable', 'Upgradeable contract', 'The contract can be upgraded.', PROC),
    e('adminKey', 'Admin key', 'Who controls upgrades.', PROC, ['eoa', 'multisig', 'multisig+timelock', 'none']),
  ]),
  ...group('Storage', [
    b('encryptedAtRest', 'Encrypted at rest', 'Data encrypted with managed keys.', STORE),
    b('accessControl', 'Access control', 'Access restricted per principal.', STORE),
    b('isLog', 'Is a log', 'Holds logs or audit records.', STORE),
    b('tamperEvident', 'Tamper evident', 'Append-only or hash-chained.', STORE),
    b('offline', 'Offline', 'Kept offline (air-gapped or in a vault).', STORE),
    b('accessMonitoring', 'Access monitored', 'Reads and admin actions raise alerts.', STORE),
  ]),
  ...group('External party', [
    e('trust', 'Trust', 'How far the party is trusted (untrusted by default).', ['actor'], ['untrusted', 'partner', 'internal']),
    e('oracleType', 'Oracle type', 'spot prices are manipulable within a block.', PROC_ACTOR, ['spot', 'twap', 'aggregated']),
    n('sources', 'Price sources', 'Independent sources aggregated.', PROC_ACTOR),
    e('operatorModel', 'Operator model', 'Who may run it.', PROC_ACTOR, ['permissionless', 'externalOperators', 'internal']),
    b('bonded', 'Bonded', 'Operators post a bond that can be slashed.', PROC_ACTOR),
  ]),
  ...group('Boundary', [
    b('inScope', 'In scope', 'The boundary is part of this assessment.', ['boundary']),
  ]),
  // Appended for the STRIDE baseline (STRIDE-S-D: denial of service against a data store).
  ...group('Storage', [
    b('backedUp', 'Backed up', 'Versioned or immutable backups are kept apart from the store and restores are tested.', STORE),
  ]),
];

const byName = new Map(PROPERTY_DECLS.map((d) => [d.name, d]));

/** The declaration of a property, or undefined if no such property exists. */
export function getPropertyDecl(name: string): PropertyDecl | undefined {
  return byName.get(name);
}

/** The declarations that apply to a target, in declaration (and so form) order. */
export function getPropertyDecls(target: PropTarget): PropertyDecl[] {
  return PROPERTY_DECLS.filter((d) => d.appliesTo.includes(target));
}

/** Whether a value fits a declaration; returns a reason when it does not. */
export function checkPropertyValue(decl: PropertyDecl, value: PropValue): string | null {
  switch (decl.type) {
    case 'boolean':
      return typeof value === 'boolean' ? null : `${decl.name} takes true or false`;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : `${decl.name} takes a number`;
    case 'string':
      return typeof value === 'string' ? null : `${decl.name} takes text`;
    case 'enum':
      return typeof value === 'string' && decl.values!.includes(value)
        ? null
        : `${decl.name} takes one of ${decl.values!.join(', ')}`;
    case 'list':
      return Array.isArray(value) && value.every((v) => typeof v === 'string' && decl.values!.includes(v))
        ? null
        : `${decl.name} takes a list of ${decl.values!.join(', ')}`;
  }
}
