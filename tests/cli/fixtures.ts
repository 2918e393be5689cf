/** Threat models for CLI tests, written as native Rampart files. Names carry Markdown and CSV specials on purpose. */
import { createBoundary, createElement, createFlow, createModel } from '../../src/model/document';
import type { ThreatModel } from '../../src/model/types';

export const ids = {
  internet: 'b-internet',
  vpc: 'b-vpc',
  client: 'el-client',
  gateway: 'el-gateway',
  bot: 'el-bot',
  venue: 'el-venue',
  db: 'el-db',
  toGateway: 'fl-client-gateway',
  orders: 'fl-bot-venue',
  persist: 'fl-gateway-db',
} as const;

/** An exchange API behind a gateway, a trading bot with a loosely kept key, and a database. */
export function platformModel(): ThreatModel {
  const model = createModel({ id: 'cli-model', name: 'Exchange | API *test*', now: '2025-01-01T00:00:00.000Z' });
  const diagramId = model.diagrams[0].id;
  return {
    ...model,
    boundaries: [
      createBoundary({ id: ids.internet, diagramId, type: 'internet', name: 'Internet', position: { x: 0, y: 0 }, size: { width: 400, height: 300 } }),
      createBoundary({ id: ids.vpc, diagramId, type: 'cloudVpc', name: 'VPC', position: { x: 500, y: 0 }, size: { width: 800, height: 600 } }),
    ],
    elements: [
      createElement({ id: ids.client, diagramId, type: 'thirdPartyApp', name: '=HYPERLINK("http://evil")', boundaryId: ids.internet, position: { x: 20, y: 20 } }),
      createElement({
        id: ids.gateway, diagramId, type: 'apiGateway', name: 'Gateway | <b>edge</b> [x](y)', boundaryId: ids.vpc, position: { x: 520, y: 20 },
        props: { exposesApi: true, rateLimiting: false, objectLevelAuthz: false, verboseErrors: true },
      }),
      createElement({
        id: ids.bot, diagramId, type: 'tradingBot', name: 'Bot, "market maker"', boundaryId: ids.vpc, position: { x: 520, y: 200 },
        props: { secretStorage: 'envFile', keyPermissions: ['read', 'trade', 'withdraw'], ipAllowlist: false },
      }),
      createElement({ id: ids.venue, diagramId, type: 'exchange', name: '-Venue', boundaryId: ids.internet, position: { x: 20, y: 200 } }),
      createElement({ id: ids.db, diagramId, type: 'database', name: '+Orders\nDB', boundaryId: ids.vpc, position: { x: 520, y: 400 }, props: { encryptedAtRest: false, data: ['orders', 'pii'] } }),
    ],
    flows: [
      createFlow({ id: ids.toGateway, source: ids.client, target: ids.gateway, name: 'REST, signed', props: { protocol: 'http', authentication: 'apiKey' } }),
      createFlow({ id: ids.orders, source: ids.bot, target: ids.venue, name: '', props: { protocol: 'https', authentication: 'hmac', timestampToleranceMs: 60000 } }),
      createFlow({ id: ids.persist, source: ids.gateway, target: ids.db, name: 'Persist', props: { protocol: 'tcp' } }),
    ],
  };
}

/** A custom pack with one rule that fires on the fixture's bot. */
export const customPack = {
  id: 'cli-test',
  name: 'CLI test pack',
  version: '1.0.0',
  rules: [
    {
      id: 'CLI-01',
      title: 'Bot keeps its key in an env file',
      description: 'Test rule.',
      stride: 'I',
      appliesTo: ['tradingBot'],
      when: "self.secretStorage == 'envFile'",
      severity: 'low',
      mitigations: [{ key: 'vault', text: 'Use a vault.', controls: [{ property: 'secretStorage', value: 'vault' }] }],
      references: [{ type: 'CWE', id: 'CWE-522' }],
    },
  ],
};
