/**
 * Cases for the trading pack's rate-limit (RL), session (WS, FIX) and order-flow (ORD, LP) rules.
 */
import { botToVenue, doc, exposedApi } from '../build';
import type { RuleCase } from './types';

/** A browser on the internet and a WebSocket server in a cloud VPC. */
const browserAndSocket = (serverProps = {}) =>
  doc().zone('net', 'internet').zone('vpc', 'cloudVpc').actor('trader', 'browser', {}, 'net').process('ws', 'websocketServer', serverProps, 'vpc');

export const TRADING_FLOW_CASES: RuleCase[] = [
  {
    rule: 'RL-01', name: 'bot ignores 429', target: 'bot->venue', confidence: 'confirmed',
    build: () => botToVenue({}, { operation: ['trade'], respectsRetryAfter: false }).build(),
    close: { mitigation: 'client-side-throttle' },
  },
  {
    rule: 'RL-01', name: 'a venue you run is no third party', target: 'bot->venue', quiet: true,
    build: () => doc().process('bot', 'tradingBot').process('venue', 'exchange').flow('bot', 'venue', { operation: ['trade'], respectsRetryAfter: false }).build(),
  },
  {
    rule: 'RL-02', name: 'shared NAT address', target: 'bot', confidence: 'confirmed',
    build: () => botToVenue({ sharedEgressIp: true }).build(),
    close: { mitigation: 'separate-egress' },
  },
  {
    rule: 'RL-03', name: 'gateway without connection caps', target: 'api', confidence: 'confirmed',
    build: () => exposedApi({ connectionLimits: false }).build(),
    close: { mitigation: 'connection-and-order-caps' },
  },
  {
    rule: 'RL-04', name: 'zero timeout to the venue', target: 'bot->venue', confidence: 'confirmed',
    build: () => botToVenue({}, { timeoutMs: 0 }).build(),
    close: { mitigation: 'timeouts-and-breakers' },
  },
  {
    rule: 'RL-04', name: 'timeout not recorded, RPC call', target: 'bot->rpc', confidence: 'unverified',
    build: () => doc().process('bot', 'tradingBot').actor('rpc', 'rpcNode').flow('bot', 'rpc', { protocol: 'https' }).build(),
    close: { mitigation: 'timeouts-and-breakers' },
  },
  {
    rule: 'RL-04', name: 'on-chain submission', target: 'bot->rpc', quiet: true,
    build: () => doc().process('bot', 'tradingBot').actor('rpc', 'rpcNode').flow('bot', 'rpc', { protocol: 'onchain' }).build(),
  },
  {
    rule: 'RL-05', name: 'naive retries', target: 'bot->venue', confidence: 'confirmed',
    build: () => botToVenue({}, { retry: 'naive' }).build(),
    close: { mitigation: 'backoff-and-budgets' },
  },

  {
    rule: 'WS-01', name: 'ws:// to the venue', target: 'bot->venue', confidence: 'confirmed',
    build: () => botToVenue({}, { protocol: 'ws' }).build(),
    close: { mitigation: 'wss-only' },
  },
  {
    rule: 'WS-02', name: 'cookie-authenticated socket without Origin check', target: 'ws', confidence: 'confirmed',
    build: () => browserAndSocket({ originValidation: false }).flow('trader', 'ws', { protocol: 'wss', authentication: 'session' }).build(),
    close: { mitigation: 'validate-origin' },
  },
  {
    rule: 'WS-02', name: 'balance stream the browser opens, auth not recorded', target: 'ws', confidence: 'unverified',
    build: () => browserAndSocket().flow('ws', 'trader', { protocol: 'wss', initiator: 'dst', data: ['balances'] }).build(),
    close: { mitigation: 'validate-origin' },
  },
  {
    rule: 'WS-02', name: 'token in the first message', target: 'ws', quiet: true,
    build: () => browserAndSocket({ originValidation: false }).flow('trader', 'ws', { protocol: 'wss', authentication: 'wsToken' }).build(),
  },
  {
    rule: 'WS-03', name: 'unauthenticated fills stream', target: 'venue->bot', confidence: 'confirmed',
    build: () => botToVenue().flow('venue', 'bot', { protocol: 'wss', initiator: 'dst', data: ['fills'], authentication: 'none' }).build(),
    close: { mitigation: 'authenticate-session' },
  },
  {
    rule: 'WS-04', name: 'session never re-checked', target: 'bot->venue', confidence: 'confirmed',
    build: () => botToVenue({}, { protocol: 'wss', authentication: 'wsToken', sessionRevocationCheck: false, reauth: 'none' }).build(),
    close: { mitigation: 'server-revalidation' },
  },
  {
    rule: 'WS-04', name: 'client does not refresh its token', target: 'bot->venue', confidence: 'confirmed',
    build: () => botToVenue({}, { protocol: 'wss', authentication: 'jwt', sessionRevocationCheck: false, reauth: 'none' }).build(),
    close: { mitigation: 'client-refresh' },
  },
  {
    rule: 'WS-05', name: 'frames neither validated nor limited', target: 'trader->ws', confidence: 'confirmed',
    build: () => browserAndSocket().flow('trader', 'ws', { protocol: 'wss', inputValidation: false, rateLimiting: false }).build(),
    close: { mitigation: 'validate-and-limit-messages' },
  },
  {
    rule: 'WS-06', name: 'depth diffs without gap detection', target: 'venue->bot', confidence: 'confirmed',
    build: () => botToVenue().flow('venue', 'bot', { protocol: 'wss', initiator: 'dst', data: ['orderBookDiff'], sequenceCheck: false }).build(),
    close: { mitigation: 'local-book-procedure' },
  },
  {
    rule: 'WS-06', name: 'diffs over FIX too', target: 'lp->bot', confidence: 'unverified',
    build: () => doc().actor('lp', 'liquidityProvider').process('bot', 'tradingBot').flow('lp', 'bot', { protocol: 'fix+tls', data: ['orderBookDiff'] }).build(),
    close: { mitigation: 'local-book-procedure' },
  },
  {
    rule: 'WS-07', name: 'quotes over WebSocket without cancel-on-disconnect', target: 'bot->venue', confidence: 'confirmed',
    build: () => botToVenue({}, { protocol: 'wss', operation: ['quote'], cancelOnDisconnect: false }).build(),
    close: { mitigation: 'cancel-on-disconnect' },
  },
  {
    rule: 'WS-07', name: 'resting orders over FIX', target: 'bot->venue', confidence: 'unverified',
    build: () => botToVenue({}, { protocol: 'fix+tls', restingOrders: true }).build(),
    close: { mitigation: 'cancel-on-disconnect' },
  },
  {
    rule: 'WS-07', name: 'REST order entry', target: 'bot->venue', quiet: true,
    build: () => botToVenue({}, { protocol: 'https', operation: ['quote'], cancelOnDisconnect: false }).build(),
  },
  {
    rule: 'FIX-01', name: 'plain FIX to the LP', target: 'bot->venue', confidence: 'confirmed',
    build: () => botToVenue({}, { protocol: 'fix' }, 'liquidityProvider').build(),
    close: { mitigation: 'fix-over-tls' },
  },
  {
    rule: 'FIX-02', name: 'password logon', target: 'bot->venue', confidence: 'confirmed',
    build: () => botToVenue({}, { protocol: 'fix+tls', authentication: 'password' }).build(),
    close: { mitigation: 'signed-logon' },
  },
  {
    rule: 'FIX-03', name: 'sequence numbers not checked', target: 'bot->venue', confidence: 'confirmed',
    build: () => botToVenue({}, { protocol: 'fix+tls', sequenceCheck: false }).build(),
    close: { mitigation: 'strict-sequencing' },
  },

  {
    rule: 'ORD-01', name: 'orders without client order id', target: 'bot->venue', confidence: 'confirmed',
    build: () => botToVenue({}, { operation: ['trade'], idempotencyKey: false }).build(),
    close: { mitigation: 'client-order-id' },
  },
  {
    rule: 'ORD-02', name: 'bot without risk controls', target: 'bot', confidence: 'confirmed',
    build: () => botToVenue({ riskControls: false }).build(),
    close: { mitigation: 'pre-trade-limits' },
  },
  {
    rule: 'ORD-03', name: 'single unchecked price feed', target: 'bot', confidence: 'confirmed',
    build: () => botToVenue({ marketDataSanityChecks: false }).flow('venue', 'bot', { protocol: 'wss', initiator: 'dst', data: ['marketData'] }).build(),
    close: { mitigation: 'sanity-check-prices' },
  },
  {
    rule: 'ORD-04', name: 'own venue without surveillance', target: 'venue', confidence: 'confirmed',
    build: () => doc().process('venue', 'exchange', { marketSurveillance: false }).build(),
    close: { mitigation: 'surveillance' },
  },
  {
    rule: 'ORD-04', name: 'matching engine, surveillance not recorded', target: 'me', confidence: 'unverified',
    build: () => doc().process('me', 'matchingEngine').build(),
    close: { mitigation: 'surveillance' },
  },
  {
    rule: 'ORD-05', name: 'options quoter without MMP', target: 'mm', confidence: 'confirmed',
    build: () => doc().process('mm', 'process', { instrument: 'options', mmp: false }).actor('venue', 'exchange').flow('mm', 'venue', { operation: ['quote'] }).build(),
    close: { mitigation: 'venue-mmp' },
  },
  {
    rule: 'ORD-05', name: 'spot quoter', target: 'mm', quiet: true,
    build: () => doc().process('mm', 'tradingBot', { instrument: 'spot', mmp: false }).actor('venue', 'exchange').flow('mm', 'venue', { operation: ['quote'] }).build(),
  },
  {
    rule: 'ORD-06', name: 'router without reconciliation', target: 'router', confidence: 'confirmed',
    build: () => doc().process('router', 'orderRouter', { reconciliation: false }).build(),
    close: { mitigation: 'reconcile-with-venue' },
  },
  {
    rule: 'ORD-07', name: 'strategy signals to an analytics vendor', target: 'strat->vendor', confidence: 'confirmed',
    build: () => doc().zone('vpc', 'cloudVpc').zone('net', 'internet').process('strat', 'tradingBot', {}, 'vpc')
      .actor('vendor', 'thirdPartyApi', {}, 'net').flow('strat', 'vendor', { data: ['strategySignals'] }).build(),
    close: { patch: { 'strat->vendor': { data: ['logs'] } }, because: 'only delayed, aggregated data is shared' },
  },
  {
    rule: 'ORD-07', name: 'orders to the venue itself', target: 'bot->venue', quiet: true,
    build: () => botToVenue({}, { data: ['orders'] }).build(),
  },
  {
    rule: 'ORD-08', name: 'risk limits accepted unvalidated', target: 'risk', confidence: 'confirmed',
    build: () => doc().process('risk', 'riskEngine', { inputValidation: false }).build(),
    close: { mitigation: 'validate-limit-ranges' },
  },
  {
    rule: 'LP-01', name: 'LP quotes not checked', target: 'lp->desk', confidence: 'confirmed',
    build: () => doc().actor('lp', 'liquidityProvider').process('desk', 'process').flow('lp', 'desk', { data: ['quotes'], quoteValidation: false }).build(),
    close: { mitigation: 'validate-quotes' },
  },
];
