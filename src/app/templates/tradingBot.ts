/** Template: a trading bot holding exchange API keys on a rented server. */
import type { ThreatModel } from '../../model/types';
import { createTemplateBuilder } from './builder';

export function buildTradingBotTemplate(): ThreatModel {
  const t = createTemplateBuilder({
    name: 'Trading bot on an exchange',
    description:
      'An automated strategy on a VPS trading through an exchange API: key storage and permissions, request signing, retries and the market and user data streams.',
    diagramName: 'Bot and venue',
  });

  const vps = t.zone('host', 'Bot VPS', { x: 40, y: 40, width: 620, height: 420 });
  const internet = t.zone('internet', 'Internet', { x: 760, y: 40, width: 300, height: 420 });
  const laptop = t.zone('userDevice', 'Operator laptop', { x: 200, y: 540, width: 260, height: 180 });

  const bot = t.node('tradingBot', 'Trading bot', { x: 250, y: 120 }, {
    boundary: vps,
    props: {
      keyPermissions: ['read', 'trade', 'withdraw'],
      needsWithdraw: false,
      secretStorage: 'envFile',
      riskControls: true,
      clockSync: 'ntp',
    },
    description: 'Market-making strategy; holds one API key for the venue.',
  });
  const secrets = t.node('secretStore', 'API key (.env file)', { x: 80, y: 320 }, {
    boundary: vps,
    props: { storesSecrets: true, encryptedAtRest: false },
  });
  const log = t.node('logStore', 'Trade log', { x: 420, y: 320 }, { boundary: vps, props: { isLog: true } });
  const exchange = t.node('exchange', 'Exchange', { x: 830, y: 120 }, { boundary: internet });
  const operator = t.node('actor', 'Operator', { x: 250, y: 600 }, { boundary: laptop, props: { trust: 'internal' } });

  t.flow(bot, exchange, 'REST orders', {
    protocol: 'https',
    authentication: 'hmac',
    replayProtection: 'timestamp',
    timestampToleranceMs: 60000,
    data: ['orders'],
    operation: ['trade'],
    retry: 'naive',
  });
  t.flow(exchange, bot, 'Market data (WebSocket)', {
    protocol: 'wss',
    publicAccess: true,
    initiator: 'dst',
    data: ['marketData', 'orderBookDiff'],
  });
  t.flow(exchange, bot, 'User data stream', {
    protocol: 'wss',
    authentication: 'listenKey',
    initiator: 'dst',
    data: ['orderAck', 'fills', 'balances'],
  });
  t.flow(secrets, bot, 'Load API key', { protocol: 'file', data: ['apiKey', 'apiSecret'] });
  t.flow(bot, log, 'Write trade log', { protocol: 'file', data: ['fills', 'logs'] });
  t.flow(operator, bot, 'SSH administration', { protocol: 'ssh', authentication: 'ed25519' });

  return t.model;
}
