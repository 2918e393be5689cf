/**
 * Cases for the STRIDE baseline pack, one block per element type: external entity, process, data store, flow.
 */
import { botToVenue, doc, exposedApi, patch } from '../build';
import type { RuleCase } from './types';

/** A trader's browser on the internet calling (or streaming from) processes in a cloud VPC. */
const traderToApi = (flowProps = {}, apiProps = {}) =>
  doc()
    .zone('net', 'internet')
    .zone('vpc', 'cloudVpc')
    .actor('trader', 'browser', {}, 'net')
    .process('api', 'apiGateway', apiProps, 'vpc')
    .flow('trader', 'api', { protocol: 'https', ...flowProps });

export const STRIDE_CASES: RuleCase[] = [
  // External entity: S, R
  {
    rule: 'STR-01', name: 'explicitly unauthenticated request to a process', target: 'trader', confidence: 'confirmed',
    build: () => traderToApi({ authentication: 'none', publicAccess: false }).build(),
    close: { patch: { 'trader->api': { authentication: 'oauth2' } }, because: 'the caller now authenticates' },
  },
  {
    rule: 'STR-01', name: 'authentication not recorded', target: 'trader', confidence: 'unverified',
    build: () => traderToApi().build(),
    close: { patch: { 'trader->api': { publicAccess: true } }, because: 'the endpoint is anonymous by design' },
  },
  {
    rule: 'STR-01', name: 'stream the actor opens (initiator dst)', target: 'trader', confidence: 'confirmed',
    build: () =>
      doc().zone('net', 'internet').zone('vpc', 'cloudVpc').actor('trader', 'browser', {}, 'net')
        .process('ws', 'websocketServer', {}, 'vpc')
        .flow('ws', 'trader', { protocol: 'wss', initiator: 'dst', authentication: 'none', publicAccess: false }).build(),
    close: { patch: { 'ws->trader': { authentication: 'wsToken' } }, because: 'the stream now authenticates its subscriber' },
  },
  {
    rule: 'STR-01', name: 'intentionally public endpoint', target: 'trader', quiet: true,
    build: () => traderToApi({ authentication: 'none', publicAccess: true }).build(),
  },
  {
    rule: 'STR-02', name: 'receiving process logs only locally', target: 'trader', confidence: 'confirmed',
    build: () => traderToApi({ publicAccess: false }, { logging: 'local' }).build(),
    close: { patch: { api: { logging: 'central' } }, because: 'the process now logs centrally' },
  },
  {
    rule: 'STR-02', name: 'logging not recorded', target: 'trader', confidence: 'unverified',
    build: () => traderToApi().build(),
    close: { patch: { api: { logging: 'onchain' } }, because: 'the process records its actions on chain' },
  },

  // Process: S, T, R, I, D, E
  {
    rule: 'STRIDE-P-S', name: 'partner service calls without authentication', target: 'api', confidence: 'confirmed',
    build: () =>
      doc().zone('partner', 'partner').zone('vpc', 'cloudVpc').process('broker', 'process', {}, 'partner')
        .process('api', 'process', {}, 'vpc')
        .flow('broker', 'api', { protocol: 'https', authentication: 'none', publicAccess: false }).build(),
    close: { patch: { 'broker->api': { authentication: 'mtls' } }, because: 'the partner service now presents a client certificate' },
  },
  {
    rule: 'STRIDE-P-S', name: 'calls from an actor are STR-01', target: 'api', quiet: true,
    build: () => traderToApi({ authentication: 'none', publicAccess: false }).build(),
  },
  {
    rule: 'STRIDE-P-T', name: 'boundary input, validation not recorded', target: 'api', confidence: 'unverified',
    build: () => exposedApi().build(),
    close: { mitigation: 'validate-input' },
  },
  {
    rule: 'STRIDE-P-T', name: 'boundary input explicitly unvalidated', target: 'api', confidence: 'confirmed',
    build: () => exposedApi({ inputValidation: false }).build(),
    close: { mitigation: 'validate-input' },
  },
  {
    rule: 'STRIDE-P-T', name: 'only internal input', target: 'svc', quiet: true,
    build: () => doc().zone('vpc', 'cloudVpc').process('a', 'process', {}, 'vpc').process('svc', 'process', { inputValidation: false }, 'vpc').flow('a', 'svc').build(),
  },
  {
    rule: 'STRIDE-P-R', name: 'local logs only', target: 'api', confidence: 'confirmed',
    build: () => exposedApi({ logging: 'local' }, { publicAccess: false }).build(),
    close: { mitigation: 'central-logging' },
  },
  {
    rule: 'STRIDE-P-I', name: 'verbose errors with orders across the boundary', target: 'api', confidence: 'confirmed',
    build: () => exposedApi({ verboseErrors: true }, { data: ['orders'] }).build(),
    close: { mitigation: 'generic-errors-no-debug' },
  },
  {
    rule: 'STRIDE-P-I', name: 'error handling not recorded, balances sent out', target: 'api', confidence: 'unverified',
    build: () => exposedApi().flow('api', 'client', { protocol: 'https', data: ['balances'] }).build(),
    close: { mitigation: 'generic-errors-no-debug' },
  },
  {
    rule: 'STRIDE-P-I', name: 'only public data crosses', target: 'api', quiet: true,
    build: () => exposedApi({ verboseErrors: true }, { data: ['marketData'] }).build(),
  },
  {
    rule: 'STRIDE-P-D', name: 'no rate limiting', target: 'api', confidence: 'confirmed',
    build: () => exposedApi({ rateLimiting: false }).build(),
    close: { mitigation: 'rate-limit' },
  },
  {
    rule: 'STR-06', name: 'privileged boundary-facing process', target: 'api', confidence: 'confirmed',
    build: () => exposedApi({ runsPrivileged: true }).build(),
    close: { mitigation: 'drop-privileges' },
  },
  {
    rule: 'STR-06', name: 'privilege not recorded', target: 'api', confidence: 'unverified',
    build: () => exposedApi().build(),
    close: { mitigation: 'drop-privileges' },
  },
  {
    rule: 'STR-06', name: 'privileged but internal only', target: 'svc', quiet: true,
    build: () => doc().zone('vpc', 'cloudVpc').process('a', 'process', {}, 'vpc').process('svc', 'process', { runsPrivileged: true }, 'vpc').flow('a', 'svc').build(),
  },

  // Data store: T, R, I, D
  {
    rule: 'STR-04', name: 'balances not encrypted at rest', target: 'db', confidence: 'confirmed',
    build: () => doc().store('db', 'database', { data: ['balances'], accessControl: true, encryptedAtRest: false }).build(),
    close: { mitigation: 'restrict-and-encrypt' },
  },
  {
    rule: 'STR-04', name: 'secret store, controls not recorded', target: 'vault', confidence: 'unverified',
    build: () => doc().store('vault', 'secretStore').build(),
    close: { mitigation: 'restrict-and-encrypt' },
  },
  {
    rule: 'STR-04', name: 'public market data only', target: 'cache', quiet: true,
    build: () => doc().store('cache', 'database', { data: ['marketData'] }).build(),
  },
  {
    rule: 'STRIDE-S-T', name: 'writable cache of reference prices', target: 'cache', confidence: 'confirmed',
    build: () => doc().store('cache', 'database', { data: ['marketData'], storesSecrets: false, accessControl: false }).build(),
    close: { mitigation: 'restrict-access' },
  },
  {
    rule: 'STRIDE-S-T', name: 'sensitive stores are STR-04', target: 'db', quiet: true,
    build: () => doc().store('db', 'database', { data: ['balances'], accessControl: false }).build(),
  },
  {
    rule: 'STR-05', name: 'log store, tamper evidence not recorded', target: 'logs', confidence: 'unverified',
    build: () => doc().store('logs', 'logStore').build(),
    close: { mitigation: 'append-only-logs' },
  },
  {
    rule: 'STR-05', name: 'store marked as a log, not tamper evident', target: 'audit', confidence: 'confirmed',
    build: () => doc().store('audit', 'database', { isLog: true, tamperEvident: false }).build(),
    close: { mitigation: 'hash-chain-logs' },
  },
  {
    rule: 'STRIDE-S-D', name: 'no backups', target: 'db', confidence: 'confirmed',
    build: () => doc().store('db', 'database', { backedUp: false }).build(),
    close: { mitigation: 'restorable-backups' },
  },

  // Data flow: T, I, D
  {
    rule: 'STR-03', name: 'HTTP across the internet boundary', target: 'client->api', confidence: 'confirmed',
    build: () => exposedApi({}, { protocol: 'http' }).build(),
    close: { mitigation: 'tls-everywhere' },
  },
  {
    rule: 'STR-03', name: 'protocol not recorded', target: 'client->api', confidence: 'unverified',
    build: () => patch(exposedApi().build(), { 'client->api': { protocol: undefined } }),
    close: { patch: { 'client->api': { protocol: 'https' } }, because: 'HTTPS is encrypted' },
  },
  {
    rule: 'STR-03', name: 'cleartext inside one zone', target: 'a->b', quiet: true,
    build: () => doc().zone('vpc', 'cloudVpc').process('a', 'process', {}, 'vpc').process('b', 'process', {}, 'vpc').flow('a', 'b', { protocol: 'http' }).build(),
  },
  {
    rule: 'STRIDE-F-D', name: 'zero timeout to an external venue', target: 'bot->venue', confidence: 'confirmed',
    build: () => botToVenue({}, { timeoutMs: 0 }).build(),
    close: { mitigation: 'set-timeouts' },
  },
  {
    rule: 'STRIDE-F-D', name: 'stream the process opens (initiator dst)', target: 'venue->bot', confidence: 'unverified',
    build: () => botToVenue().flow('venue', 'bot', { protocol: 'wss', initiator: 'dst' }).build(),
    close: { mitigation: 'set-timeouts' },
  },
];
