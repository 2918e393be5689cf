/**
 * Cases for the trading pack's request-signing (AUTH) and API-key (KEY) rules. Most use the `botToVenue`
 * scenario: `bot` in a cloud VPC calling the third-party exchange `venue` on the internet over `bot->venue`.
 */
import { botToVenue, doc, exposedApi } from '../build';
import type { RuleCase } from './types';

const SIGNED_TRADE = { authentication: 'hmac', operation: ['trade'] };

export const TRADING_KEY_CASES: RuleCase[] = [
  {
    rule: 'AUTH-01', name: 'signed orders with replay protection none', target: 'bot->venue', confidence: 'confirmed',
    build: () => botToVenue({}, { ...SIGNED_TRADE, replayProtection: 'none' }).build(),
    close: { mitigation: 'timestamp-and-nonce' },
  },
  {
    rule: 'AUTH-01', name: 'replay protection not recorded', target: 'bot->venue', confidence: 'unverified',
    build: () => botToVenue({}, { authentication: 'apiKey', data: ['balances'] }).build(),
    close: { mitigation: 'timestamp-and-nonce' },
  },
  {
    rule: 'AUTH-01', name: 'server push (initiator dst) is not a request', target: 'venue->bot', quiet: true,
    build: () => botToVenue().flow('venue', 'bot', { ...SIGNED_TRADE, initiator: 'dst', replayProtection: 'none' }).build(),
  },
  {
    rule: 'AUTH-02', name: '60 s recvWindow', target: 'bot->venue', confidence: 'confirmed',
    build: () => botToVenue({}, { ...SIGNED_TRADE, timestampToleranceMs: 60000 }).build(),
    close: { mitigation: 'narrow-window' },
  },
  {
    rule: 'AUTH-03', name: 'bearer API key places orders', target: 'bot->venue', confidence: 'confirmed',
    build: () => botToVenue({}, { authentication: 'apiKey', operation: ['trade'] }).build(),
    close: { mitigation: 'sign-requests' },
  },
  {
    rule: 'AUTH-03', name: 'bearer key reading public data', target: 'bot->venue', quiet: true,
    build: () => botToVenue({}, { authentication: 'apiKey', operation: ['read'], data: ['marketData'] }).build(),
  },
  {
    rule: 'AUTH-04', name: 'signature omits method and path', target: 'bot->venue', confidence: 'confirmed',
    build: () => botToVenue({}, { ...SIGNED_TRADE, signatureCovers: ['query', 'body', 'timestamp'] }).build(),
    close: { mitigation: 'sign-canonical-request' },
  },
  {
    rule: 'AUTH-04', name: 'nonce used but not signed', target: 'bot->venue', confidence: 'confirmed',
    build: () => botToVenue({}, {
      ...SIGNED_TRADE, replayProtection: 'timestamp+nonce', signatureCovers: ['method', 'path', 'query', 'body', 'timestamp'],
    }).build(),
    close: { mitigation: 'sign-canonical-request' },
  },
  {
    rule: 'AUTH-04', name: 'coverage not recorded', target: 'bot->venue', quiet: true,
    build: () => botToVenue({}, SIGNED_TRADE).build(),
  },
  {
    rule: 'AUTH-05', name: 'client secret sent with the token request', target: 'bot->venue', confidence: 'confirmed',
    build: () => botToVenue({}, { authentication: 'oauth2', secretInRequest: true }).build(),
    close: { mitigation: 'signature-based-grants' },
  },
  {
    rule: 'AUTH-06', name: 'listen key in the URL', target: 'bot->venue', confidence: 'confirmed',
    build: () => botToVenue({}, { protocol: 'wss', authentication: 'listenKey', credentialsInUrl: true }).build(),
    close: { mitigation: 'credentials-in-headers' },
  },
  {
    rule: 'AUTH-07', name: 'timestamp-signed requests without clock sync', target: 'bot', confidence: 'confirmed',
    build: () => botToVenue({ keyPermissions: ['trade'], clockSync: 'none' }, { ...SIGNED_TRADE, replayProtection: 'timestamp' }).build(),
    close: { mitigation: 'sync-clock' },
  },
  {
    rule: 'AUTH-08', name: 'shared key with increasing nonces', target: 'bot', confidence: 'confirmed',
    build: () => botToVenue({ sharedKey: true }, { ...SIGNED_TRADE, replayProtection: 'nonce' }).build(),
    close: { mitigation: 'key-per-process' },
  },
  {
    rule: 'AUTH-09', name: 'HMAC for order entry', target: 'bot->venue', confidence: 'confirmed',
    build: () => botToVenue({}, SIGNED_TRADE).build(),
    close: { mitigation: 'asymmetric-keys' },
  },
  {
    rule: 'AUTH-10', name: 'gateway verifies signatures, comparison not constant-time', target: 'api', confidence: 'confirmed',
    build: () => exposedApi({ constantTimeSigCompare: false }, { authentication: 'hmac' }).build(),
    close: { mitigation: 'vetted-verification' },
  },
  {
    rule: 'AUTH-11', name: 'JWT accepted without validation', target: 'api', confidence: 'confirmed',
    build: () => exposedApi({ jwtValidation: false }, { authentication: 'jwt' }).build(),
    close: { mitigation: 'full-jwt-validation' },
  },
  {
    rule: 'AUTH-12', name: 'sha256(secret + message)', target: 'bot->venue', confidence: 'confirmed',
    build: () => botToVenue({}, { ...SIGNED_TRADE, signatureScheme: 'hash-concat' }).build(),
    close: { mitigation: 'use-hmac' },
  },

  {
    rule: 'KEY-01', name: 'secret in a .env file', target: 'bot', confidence: 'confirmed',
    build: () => botToVenue({ secretStorage: 'envFile' }).build(),
    close: { mitigation: 'secrets-manager' },
  },
  {
    rule: 'KEY-02', name: 'config database holding secrets in plaintext', target: 'cfg', confidence: 'confirmed',
    build: () => doc().store('cfg', 'database', { storesSecrets: true, encryptedAtRest: false }).build(),
    close: { mitigation: 'envelope-encrypt' },
  },
  {
    rule: 'KEY-02', name: 'secret store, encryption not recorded', target: 'vault', confidence: 'unverified',
    build: () => doc().store('vault', 'secretStore').build(),
    close: { mitigation: 'envelope-encrypt' },
  },
  {
    rule: 'KEY-03', name: 'bot key can withdraw', target: 'bot', confidence: 'confirmed',
    build: () => botToVenue({ keyPermissions: ['read', 'trade', 'withdraw'], needsWithdraw: false }).build(),
    close: { mitigation: 'drop-withdraw-scope' },
  },
  {
    rule: 'KEY-03', name: 'withdraw needed but no address allow-list', target: 'bot', confidence: 'confirmed',
    build: () => botToVenue({ keyPermissions: ['withdraw'], needsWithdraw: true, withdrawAllowlist: false }).build(),
    close: { mitigation: 'justified-withdraw-key' },
  },
  {
    rule: 'KEY-04', name: 'portfolio tracker holding trade keys', target: 'tracker', confidence: 'confirmed',
    build: () => doc().process('tracker', 'process', { purpose: 'portfolioTracking', keyPermissions: ['read', 'trade'] }).build(),
    close: { mitigation: 'verify-read-only' },
  },
  {
    rule: 'KEY-05', name: 'trade key usable from any IP', target: 'bot', confidence: 'confirmed',
    build: () => botToVenue({ keyPermissions: ['trade'], ipAllowlist: false }).build(),
    close: { mitigation: 'bind-to-egress-ips' },
  },
  {
    rule: 'KEY-06', name: 'yearly rotation, no expiry', target: 'bot', confidence: 'confirmed',
    build: () => botToVenue({ keyPermissions: ['trade'], keyExpiry: false, keyRotationDays: 365 }).build(),
    close: { mitigation: 'rotate-keys' },
  },
  {
    rule: 'KEY-06', name: 'rotation not recorded', target: 'bot', confidence: 'unverified',
    build: () => botToVenue({ keyPermissions: ['read'] }).build(),
    close: { mitigation: 'set-key-expiry' },
  },
  {
    rule: 'KEY-07', name: 'one key for every strategy', target: 'bot', confidence: 'confirmed',
    build: () => botToVenue({ sharedKey: true }).build(),
    close: { mitigation: 'key-per-component' },
  },
  {
    rule: 'KEY-08', name: 'API key logged with the request', target: 'bot->logs', confidence: 'confirmed',
    build: () => doc().process('bot', 'tradingBot').store('logs', 'logStore').flow('bot', 'logs', { data: ['logs', 'apiKey'] }).build(),
    close: { patch: { 'bot->logs': { data: ['logs'] } }, because: 'the logger redacts the key' },
  },
  {
    rule: 'KEY-08', name: 'secrets to a store that is not a log', target: 'bot->vault', quiet: true,
    build: () => doc().process('bot', 'tradingBot').store('vault', 'secretStore').flow('bot', 'vault', { data: ['apiSecret'] }).build(),
  },
  {
    rule: 'KEY-09', name: 'SaaS database of customer keys', target: 'keys', confidence: 'confirmed',
    build: () => doc().store('keys', 'database', { multiTenant: true, data: ['apiKey', 'apiSecret'] }).build(),
    close: { patch: { keys: { multiTenant: false } }, because: 'a single customer\'s keys are no aggregate' },
  },
  {
    rule: 'KEY-10', name: 'trade key use not monitored', target: 'bot', confidence: 'confirmed',
    build: () => botToVenue({ keyPermissions: ['trade'], keyUsageMonitoring: false }).build(),
    close: { mitigation: 'monitor-key-use' },
  },
  {
    rule: 'KEY-11', name: 'bot trades on the master account', target: 'bot', confidence: 'confirmed',
    build: () => botToVenue({ keyPermissions: ['trade'], accountScope: 'master' }).build(),
    close: { mitigation: 'sub-account-per-strategy' },
  },
];
