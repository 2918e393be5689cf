/**
 * Cases for the OWASP API Security Top 10 (2023) pack. Most use the `exposedApi` scenario: a third-party app on
 * the internet calling `api` in a cloud VPC over `client->api`.
 */
import { doc, exposedApi } from '../build';
import type { RuleCase } from './types';

/** A gateway in front of a backend, plus (optionally) a direct internet path to the backend. */
const gatewayAndBackend = (direct: boolean) => {
  const b = doc()
    .zone('net', 'internet')
    .zone('vpc', 'cloudVpc')
    .actor('client', 'browser', {}, 'net')
    .process('gw', 'apiGateway', {}, 'vpc')
    .process('orders', 'process', {}, 'vpc')
    .flow('client', 'gw', { protocol: 'https' })
    .flow('gw', 'orders', { protocol: 'https' });
  return direct ? b.flow('client', 'orders', { protocol: 'https' }) : b;
};

export const OWASP_API_CASES: RuleCase[] = [
  {
    rule: 'OAPI-01', name: 'multi-tenant API without ownership checks', target: 'api', confidence: 'confirmed',
    build: () => exposedApi({ multiTenant: true, objectLevelAuthz: false }).build(),
    close: { mitigation: 'tenant-from-credentials' },
  },
  {
    rule: 'OAPI-01', name: 'tenancy and checks not recorded', target: 'api', confidence: 'unverified',
    build: () => exposedApi().build(),
    close: { patch: { api: { multiTenant: false } }, because: 'a single-tenant API has no other tenant to reach' },
  },
  {
    rule: 'OAPI-01', name: 'API with internal callers only', target: 'api', quiet: true,
    build: () => doc().zone('vpc', 'cloudVpc').process('svc', 'process', {}, 'vpc')
      .process('api', 'apiGateway', { multiTenant: true, objectLevelAuthz: false }, 'vpc').flow('svc', 'api').build(),
  },
  {
    rule: 'OAPI-02', name: 'private order endpoint without authentication', target: 'api', confidence: 'confirmed',
    build: () => exposedApi({}, { authentication: 'none', publicAccess: false, data: ['orders'] }).build(),
    close: { patch: { 'client->api': { authentication: 'ed25519' } }, because: 'requests are now signed' },
  },
  {
    rule: 'OAPI-02', name: 'anonymous public market data', target: 'api', quiet: true,
    build: () => exposedApi({}, { authentication: 'none', data: ['marketData'] }).build(),
  },
  {
    rule: 'OAPI-03', name: 'no property-level authorisation', target: 'api', confidence: 'confirmed',
    build: () => exposedApi({ propertyLevelAuthz: false }).build(),
    close: { mitigation: 'explicit-response-schemas' },
  },
  {
    rule: 'OAPI-04', name: 'no rate limiting', target: 'api', confidence: 'confirmed',
    build: () => exposedApi({ rateLimiting: false }).build(),
    close: { mitigation: 'weighted-rate-limits' },
  },
  {
    rule: 'OAPI-05', name: 'admin functions without role checks', target: 'api', confidence: 'confirmed',
    build: () => exposedApi({ hasAdminFunctions: true, functionLevelAuthz: false }).build(),
    close: { mitigation: 'deny-by-default' },
  },
  {
    rule: 'OAPI-05', name: 'exposed admin console, role checks not recorded', target: 'api', confidence: 'unverified',
    build: () => exposedApi({ exposesApi: true }, {}, 'adminConsole').build(),
    close: { mitigation: 'deny-by-default' },
  },
  {
    rule: 'OAPI-06', name: 'withdrawals without anomaly detection', target: 'api', confidence: 'confirmed',
    build: () => exposedApi({ businessFlows: ['withdraw'], anomalyDetection: false }).build(),
    close: { mitigation: 'anomaly-monitoring' },
  },
  {
    rule: 'OAPI-06', name: 'only trading flows', target: 'api', quiet: true,
    build: () => exposedApi({ businessFlows: ['trade'], anomalyDetection: false }).build(),
  },
  {
    rule: 'OAPI-07', name: 'webhook fetcher without allow-list', target: 'hooks', confidence: 'confirmed',
    build: () => doc().process('hooks', 'process', { fetchesUserSuppliedUrl: true, urlAllowlist: false }).build(),
    close: { mitigation: 'url-allow-list' },
  },
  {
    rule: 'OAPI-08', name: 'permissive CORS', target: 'api', confidence: 'confirmed',
    build: () => exposedApi({ cors: 'permissive' }).build(),
    close: { mitigation: 'harden-configuration' },
  },
  {
    rule: 'OAPI-08', name: 'verbose errors and debug endpoints', target: 'api', confidence: 'confirmed',
    build: () => exposedApi({ verboseErrors: true, debugEndpoints: true }).build(),
    close: { mitigation: 'harden-configuration' },
  },
  {
    rule: 'OAPI-09', name: 'deprecated version still served', target: 'api', confidence: 'confirmed',
    build: () => exposedApi({ deprecatedVersionsExposed: true }).build(),
    close: { mitigation: 'inventory-and-retire' },
  },
  {
    rule: 'OAPI-09', name: 'test environment with production data', target: 'api', confidence: 'confirmed',
    build: () => exposedApi({ nonProdWithProdData: true }).build(),
    close: { mitigation: 'inventory-and-retire' },
  },
  {
    rule: 'OAPI-10', name: 'market data consumed unvalidated', target: 'feed->bot', confidence: 'confirmed',
    build: () => doc().zone('net', 'internet').zone('vpc', 'cloudVpc').actor('feed', 'marketDataFeed', {}, 'net')
      .process('bot', 'tradingBot', { inputValidation: false }, 'vpc')
      .flow('feed', 'bot', { protocol: 'wss', data: ['marketData'], inputValidation: false }).build(),
    close: { mitigation: 'validate-upstream-data' },
  },
  {
    rule: 'OAPI-10', name: 'validation not recorded', target: 'rpc->bot', confidence: 'unverified',
    build: () => doc().actor('rpc', 'rpcNode').process('bot', 'tradingBot').flow('rpc', 'bot', { protocol: 'https' }).build(),
    close: { patch: { bot: { inputValidation: true } }, because: 'the process validates everything it receives' },
  },
  {
    rule: 'OAPI-10', name: 'a venue you run is not a third party', target: 'venue->bot', quiet: true,
    build: () => doc().zone('vpc', 'cloudVpc').process('venue', 'exchange', {}, 'vpc').process('bot', 'tradingBot', {}, 'vpc')
      .flow('venue', 'bot', { inputValidation: false }).build(),
  },
  {
    rule: 'OAPI-11', name: 'backend also reachable from the internet', target: 'orders', confidence: 'confirmed',
    build: () => gatewayAndBackend(true).build(),
    close: { rebuild: () => gatewayAndBackend(false).build(), because: 'the direct path is removed' },
  },
  {
    rule: 'OAPI-12', name: 'gateway calls the order service unauthenticated', target: 'gw->orders', confidence: 'confirmed',
    build: () => doc().zone('vpc', 'cloudVpc').process('gw', 'apiGateway', {}, 'vpc').process('orders', 'process', {}, 'vpc')
      .flow('gw', 'orders', { operation: ['trade'], authentication: 'none' }).build(),
    close: { mitigation: 'service-identities' },
  },
  {
    rule: 'OAPI-12', name: 'transfer call, authentication not recorded', target: 'gw->wallet', confidence: 'unverified',
    build: () => doc().process('gw', 'apiGateway').process('wallet', 'process').flow('gw', 'wallet', { operation: ['transfer'] }).build(),
    close: { mitigation: 'service-identities' },
  },
];
