/** Small threat models for worker tests, built with the model factories. */
import { createElement, createFlow, createModel } from '../../src/model/document';
import type { ThreatModel } from '../../src/model/types';

export const ids = {
  bot: 'bot',
  venue: 'venue',
  secrets: 'secrets',
  order: 'flow-order',
  key: 'flow-key',
} as const;

/** A trading bot with a weakly kept key, sending orders to an exchange and reading its key from a store. */
export function botModel(): ThreatModel {
  const model = createModel({ id: 'm1', name: 'Bot', now: '2025-01-01T00:00:00.000Z' });
  const diagramId = model.diagrams[0].id;
  return {
    ...model,
    elements: [
      createElement({ id: ids.bot, diagramId, type: 'tradingBot', name: 'Bot', props: { secretStorage: 'envFile', keyPermissions: ['read', 'trade', 'withdraw'] } }),
      createElement({ id: ids.venue, diagramId, type: 'exchange', name: 'Venue' }),
      createElement({ id: ids.secrets, diagramId, type: 'secretStore', name: 'Secrets' }),
    ],
    flows: [
      createFlow({ id: ids.order, source: ids.bot, target: ids.venue, name: 'Orders', props: { protocol: 'http', authentication: 'apiKey' } }),
      createFlow({ id: ids.key, source: ids.bot, target: ids.secrets, name: 'Read key', props: {} }),
    ],
  };
}
